package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/storetest"
)

// BenchmarkPutDocument measures ingest: one fully annotated document of a few kilobytes per
// transaction, into a store that grows as the benchmark runs.
func BenchmarkPutDocument(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	docs := make([]*parley.Document, b.N)
	var size int64
	for i := range docs {
		docs[i] = storetest.Generate(i)
		size += int64(len(docs[i].Text))
	}
	b.SetBytes(size / int64(max(1, b.N)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := db.PutDocument(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkDocument measures loading one document with all its annotations.
func BenchmarkDocument(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	const n = 200
	ids := make([]string, n)
	for i := range n {
		d := storetest.Generate(i)
		ids[i] = d.ID
		if _, err := db.PutDocument(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(storetest.Generate(0).Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := db.Document(ctx, ids[i%n]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures a two-word query over a thousand stored documents.
func BenchmarkSearch(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	for i := range 1000 {
		if _, err := db.PutDocument(ctx, storetest.Generate(i)); err != nil {
			b.Fatal(err)
		}
	}
	queries := []string{"ceasefire talks", "Macron energy", "budget vote parliament", "zyzzyva sanctions"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		if _, err := db.Search(ctx, q, 20); err != nil {
			b.Fatal(fmt.Errorf("search %q: %w", q, err))
		}
	}
}
