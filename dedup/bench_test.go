package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
)

func BenchmarkSign(b *testing.B) {
	text := synthDoc(1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sign(text)
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := synthDoc(1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(text)
	}
}

const benchDocs = 100_000

// bench100k is an index of 100,000 distinct synthetic articles, built once for all benchmarks
// of a run: signing them takes a while.
var bench100k = sync.OnceValues(func() (*Index, uint64) {
	ix := NewIndex(Options{})
	sigs := make([]Signature, benchDocs)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < benchDocs; i += workers {
				sigs[i] = ix.Sign(synthDoc(uint64(i)))
			}
		})
	}
	wg.Wait()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i, sig := range sigs {
		ix.AddSignature(fmt.Sprint("doc", i), sig)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(sigs) // so that the difference is the index alone
	return ix, (after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)) / benchDocs
})

// BenchmarkQuery100k looks up copies (a paragraph dropped, boilerplate added) of indexed
// documents among 100,000: signing the query text included.
func BenchmarkQuery100k(b *testing.B) {
	b.StopTimer()
	ix, perDoc := bench100k()
	rng := rand.New(rand.NewPCG(5, 5))
	queries := make([]string, 64)
	want := make([]string, len(queries))
	for i := range queries {
		n := rng.Uint64N(benchDocs)
		queries[i] = synthCopy(synthDoc(n), rng)
		want[i] = fmt.Sprint("doc", n)
	}
	b.ReportAllocs()
	b.StartTimer()
	i := 0
	for b.Loop() {
		q := i % len(queries)
		ms := ix.Query(queries[q])
		if len(ms) == 0 || ms[0].ID != want[q] {
			b.Fatalf("query %d found %v, want %s", q, ms, want[q])
		}
		i++
	}
	b.ReportMetric(float64(perDoc), "index-B/doc")
}

// BenchmarkQuerySignature100k is the index look-up alone, the text signed beforehand.
func BenchmarkQuerySignature100k(b *testing.B) {
	b.StopTimer()
	ix, _ := bench100k()
	rng := rand.New(rand.NewPCG(6, 6))
	sigs := make([]Signature, 64)
	for i := range sigs {
		sigs[i] = ix.Sign(synthCopy(synthDoc(rng.Uint64N(benchDocs)), rng))
	}
	b.StartTimer()
	i := 0
	for b.Loop() {
		if ms, _ := ix.QuerySignature(sigs[i%len(sigs)]); len(ms) == 0 {
			b.Fatal("no match")
		}
		i++
	}
}
