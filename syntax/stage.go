package syntax

import (
	"context"
	"fmt"
	"sync"

	"github.com/parleynews/parley"
)

// Stage is the syntax stage of the pipeline: it tags, lemmatises and parses every sentence of
// Document.Tokens, so that later stages read subjects, objects and clauses from one analysis.
// It is safe for concurrent use.
type Stage struct {
	model *Model
	pool  sync.Pool // *work
}

// work is one call's reusable memory.
type work struct {
	words []string
	an    Analysis
}

// New returns the stage with the embedded model.
func New() *Stage { return &Stage{model: Default()} }

// Name implements the pipeline's Stage interface.
func (*Stage) Name() string { return "syntax" }

// Process fills POS, Lemma, Head and Rel of every token. Head is turned from the parser's
// position in the sentence into an index of Document.Tokens, so that a stage can follow it
// without knowing where the sentence starts.
func (st *Stage) Process(ctx context.Context, d *parley.Document) error {
	if err := DefaultErr(); err != nil {
		return fmt.Errorf("syntax: %w", err)
	}
	w, _ := st.pool.Get().(*work)
	if w == nil {
		w = &work{}
	}
	defer st.pool.Put(w)
	toks := d.Tokens
	for i := 0; i < len(toks); {
		if i&1023 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		j := i + 1
		for j < len(toks) && toks[j].Sent == toks[i].Sent {
			j++
		}
		st.sentence(d.Text, toks[i:j], i, w)
		i = j
	}
	return nil
}

// sentence analyses the tokens of one sentence, which start at index base of the document's.
func (st *Stage) sentence(text string, toks []parley.Token, base int, w *work) {
	w.words = w.words[:0]
	for _, t := range toks {
		w.words = append(w.words, text[t.Start:t.End])
	}
	st.model.Parse(w.words, &w.an)
	for k := range toks {
		t := &toks[k]
		t.POS = w.an.POS[k]
		t.Lemma = Lemma(w.words[k], t.POS)
		t.Rel = w.an.Rels[k]
		if h := w.an.Heads[k]; h >= 0 {
			t.Head = int32(base + h)
		} else {
			t.Head = -1
		}
	}
}
