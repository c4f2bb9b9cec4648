package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
)

// polnear loads the PolNeAR training texts from ../shared, the benchmark corpus of US political
// news that the throughput figure is measured on.
func polnear(b *testing.B) ([]string, []string, int64) {
	dir := shared.Dir(b, "bench", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Fatalf("no PolNeAR texts in %s", dir)
	}
	var texts []string
	var total int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		total += int64(len(raw))
	}
	return files, texts, total
}

// BenchmarkPipeline runs every stage over the PolNeAR training texts on all cores and reports
// MB/s of input text.
func BenchmarkPipeline(b *testing.B) {
	files, texts, total := polnear(b)
	p := Default(Options{})
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		i := 0
		err := p.Run(context.Background(), func(emit func(Item) error) error {
			for i = range texts {
				if err := emit(Item{Doc: &parley.Document{Source: files[i], Format: parley.FormatText, Text: texts[i]}}); err != nil {
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
