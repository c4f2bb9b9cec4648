package pipeline

import (
	"context"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
)

// BenchmarkPipeline runs every stage over the PolNeAR training texts on all cores and reports
// MB/s of input text.
func BenchmarkPipeline(b *testing.B) {
	texts := shared.Texts(b, "bench", "polnear", "train", "text")
	total := 0
	for _, t := range texts {
		total += len(t.Body)
	}
	p := Default(Options{})
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		i := 0
		err := p.Run(context.Background(), func(emit func(Item) error) error {
			for i = range texts {
				if err := emit(Item{Doc: &parley.Document{Source: texts[i].Name, Format: parley.FormatText, Text: texts[i].Body}}); err != nil {
					return err
				}
			}
			return nil
		}, func(it Item) error { return it.Err })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
