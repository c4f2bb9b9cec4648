// Package pipeline runs documents through parley's analysis stages on all cores. Documents enter
// in input order and leave in input order; at most a fixed window of them is in flight at once,
// so memory stays bounded however large the input is.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/parleynews/parley"
)

// Stage is one step of the analysis. A stage reads what earlier stages attached to the document
// and adds its own annotations; it must be safe for concurrent use on different documents.
type Stage interface {
	Name() string
	Process(ctx context.Context, doc *parley.Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(ctx context.Context, doc *parley.Document) error
}

func (s StageFunc) Name() string { return s.StageName }

func (s StageFunc) Process(ctx context.Context, doc *parley.Document) error { return s.Fn(ctx, doc) }

// Item is a document on its way through the pipeline, or the error that stopped it.
type Item struct {
	Seq  int
	Doc  *parley.Document
	Err  error
	Skip bool // the document was recognised as already done and not analysed further
}

// Pipeline is an ordered list of stages and how to run them.
type Pipeline struct {
	Stages  []Stage
	Workers int // goroutines running stages; GOMAXPROCS when zero
	Window  int // documents in flight at most; 4 per worker when zero

	// SkipAfter, when set, is asked after the named stage whether the document needs no more
	// work (ingest uses it to pass over documents already in the store without analysing them).
	SkipAfter string
	Skip      func(doc *parley.Document) bool
}

// Run reads items from source, processes each through the stages and hands the results to sink
// in source order. source calls emit once per item and stops when emit returns an error. A
// document's failure is reported to sink in its Item and does not stop the run; an error from
// source or sink, or a cancelled context, does.
func (p *Pipeline) Run(ctx context.Context, source func(emit func(Item) error) error, sink func(Item) error) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := p.Window
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// slots bounds the documents in flight: the reader takes one per item, the writer gives it
	// back once the item has left in order.
	slots := make(chan struct{}, window)
	jobs := make(chan Item)
	done := make(chan Item, window)

	var firstErr error
	var errOnce sync.Once
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err; cancel() })
	}

	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		defer close(jobs)
		seq := 0
		err := source(func(it Item) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			it.Seq = seq
			seq++
			select {
			case jobs <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if err != nil && ctx.Err() == nil {
			fail(err)
		}
	}()

	var working sync.WaitGroup
	for range workers {
		working.Add(1)
		go func() {
			defer working.Done()
			for it := range jobs {
				if it.Err == nil && it.Doc != nil {
					it.Skip, it.Err = p.process(ctx, it.Doc)
				}
				done <- it
			}
		}()
	}
	go func() {
		working.Wait()
		close(done)
	}()

	// The writer: results arrive in any order and leave in sequence order.
	pending := make(map[int]Item, window)
	next := 0
	for it := range done {
		pending[it.Seq] = it
		for {
			ready, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if firstErr == nil {
				if err := sink(ready); err != nil {
					fail(err)
				}
			}
			<-slots
		}
	}
	readers.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

func (p *Pipeline) process(ctx context.Context, doc *parley.Document) (skipped bool, err error) {
	for _, st := range p.Stages {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if err := runStage(ctx, st, doc); err != nil {
			return false, err
		}
		if p.Skip != nil && st.Name() == p.SkipAfter && p.Skip(doc) {
			return true, nil
		}
	}
	return false, nil
}

// runStage turns a stage's panic into an error naming the document, so that one malformed
// article costs that article, not the whole run.
func runStage(ctx context.Context, st Stage, doc *parley.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			err = &parley.Error{Code: parley.EINTERNAL, Message: fmt.Sprintf("%s: stage %s panicked: %v\n%s", doc.Source, st.Name(), r, buf)}
		}
	}()
	if err := st.Process(ctx, doc); err != nil {
		return fmt.Errorf("%s: %s: %w", doc.Source, st.Name(), err)
	}
	return nil
}
