// Package actors is parley's actors stage: it finds the people, governments, organisations and
// countries a news article talks about, gives each a CAMEO-style code (USAGOV, RUSMIL,
// IGOWSTNAT, USAMED...) and the role it held on the article's date, and links every later
// reference to them (surnames, "he"/"she"/"it", "the Ukrainian leader") so that the quote and
// event stages can ask who a span of text refers to (At).
//
// Recognition combines a curated dictionary embedded in the binary (data/*.tsv, extensible
// with the user's own files through Load) with discovery of actors the dictionary lacks:
// names after titles ("Canadian Foreign Minister Melanie Joly"), names that begin with a
// known given name, appositions ("Michael Baselice, an Austin-based pollster"), and
// organisations recognised by their head word ("German Institute for International and
// Security Affairs", "Russia's Ministry of Foreign Affairs"). The stage also flags stale
// titles ("Former US President Donald Trump" in a 2025 text).
//
// Everything is token-based and linear in the length of the text: the dictionary is an index
// from a name's first token to the names that start with it, never a list of regular
// expressions.
package actors

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// Stage is the actors stage of the pipeline. It is safe for concurrent use.
type Stage struct {
	dict *Dictionary
	err  error
}

// New returns the stage using dict; with nil, the built-in dictionary.
func New(dict *Dictionary) *Stage {
	if dict == nil {
		d, err := Builtin()
		return &Stage{dict: d, err: err}
	}
	return &Stage{dict: dict}
}

// Name returns "actors".
func (s *Stage) Name() string { return "actors" }

// Dictionary returns the dictionary the stage uses.
func (s *Stage) Dictionary() *Dictionary { return s.dict }

// Process sets doc.Actors and adds stale-title flags. Text inside removed spans is ignored,
// except off-topic text, which is still somebody's prose.
func (s *Stage) Process(ctx context.Context, doc *parley.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if doc == nil {
		return parley.Errorf(parley.EINVALID, "actors: no document")
	}
	if s.err != nil || s.dict == nil {
		return &parley.Error{Code: parley.EINTERNAL, Message: "actors: built-in dictionary", Err: s.err}
	}
	st := analyse(s.dict, doc)
	doc.Actors = st.output()
	st.release()
	flags := doc.Flags[:0:0]
	for _, f := range doc.Flags {
		if f.Kind != parley.FlagStaleTitle {
			flags = append(flags, f)
		}
	}
	doc.Flags = append(flags, st.flags...)
	return nil
}

// analyse runs every step on one document.
func analyse(d *Dictionary, doc *parley.Document) *docState {
	text := doc.Text
	st := &docState{d: d, text: text, byKey: map[string]int{}, buf: make([]byte, 0, 64)}
	st.pooled = bufPool.Get().(*buffers)
	skip := skipSpans(doc)
	toks := doc.Tokens
	if len(toks) == 0 {
		toks = segment.Tokens(text, doc.Paragraphs, doc.Sentences, skip)
	}
	st.toks = fromSegment(text, toks, skip, st.pooled.toks[:0])
	st.cover = slices.Grow(st.pooled.cover[:0], len(st.toks))[:len(st.toks)]
	for i := range st.cover {
		st.cover[i] = -1
	}
	st.ments = st.pooled.ments[:0]
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = segment.Sentences(text, doc.Paragraphs)
	} else if !slices.IsSortedFunc(sents, func(a, b parley.Span) int { return a.Start - b.Start }) {
		sents = slices.Clone(sents)
		slices.SortFunc(sents, func(a, b parley.Span) int { return a.Start - b.Start })
	}
	markSentences(st.toks, sents)
	st.sentFirst = make([]int, len(sents))
	for i := len(st.toks) - 1; i >= 0; i-- {
		if s := st.toks[i].sent; int(s) < len(st.sentFirst) {
			st.sentFirst[s] = i
		}
	}
	markQuotes(st.toks)
	st.classify()

	st.matchDictionary()
	st.discoverOrgs()
	st.attachTitles()
	st.discoverPeople()
	st.groups()
	evs := st.collectEvidence()
	st.referenceDate(doc, evs)
	st.resolveSurnames()
	st.settleRoles()
	st.descriptions()
	st.resolvePronouns()
	st.staleTitles(st.collectEvidence())
	return st
}

// buffers are the per-document slices that are worth reusing: the token list alone is about
// six times the size of the text.
type buffers struct {
	toks  []token
	cover []int32
	ments []mention
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// release returns the document's buffers to the pool; st must not be used afterwards.
func (st *docState) release() {
	if st.pooled == nil {
		return
	}
	const keep = 1 << 20 // do not pin the buffers of one huge document forever
	if cap(st.toks) <= keep {
		clear(st.ments[:cap(st.ments)])
		st.pooled.toks, st.pooled.cover, st.pooled.ments = st.toks[:0], st.cover[:0], st.ments[:0]
		bufPool.Put(st.pooled)
	}
	st.pooled, st.toks, st.cover, st.ments = nil, nil, nil, nil
}

// skipSpans returns the removed spans whose text must not produce actors, sorted, merged and
// clamped to the text.
func skipSpans(doc *parley.Document) []parley.Span {
	var out []parley.Span
	for _, r := range doc.Removed {
		if r.Reason == parley.ReasonOffTopic {
			continue
		}
		s, e := max(r.Start, 0), min(r.End, len(doc.Text))
		if s < e {
			out = append(out, parley.Span{Start: s, End: e})
		}
	}
	if len(out) < 2 {
		return out
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:1]
	for _, s := range out[1:] {
		last := &merged[len(merged)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// output turns the document's actors with at least one mention into parley.Actors, in the
// order of their first mention, with sorted mentions.
func (st *docState) output() []parley.Actor {
	spans := make([][]parley.Span, len(st.actors))
	for _, m := range st.ments {
		if m.dead || m.actor < 0 {
			continue
		}
		spans[m.actor] = append(spans[m.actor], parley.Span{Start: m.start, End: m.end})
	}
	type item struct {
		a     *docActor
		spans []parley.Span
	}
	var items []item
	for i, a := range st.actors {
		if len(spans[i]) == 0 || a.kind == KindIgnore {
			continue
		}
		ss := spans[i]
		slices.SortFunc(ss, func(x, y parley.Span) int {
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return x.End - y.End
		})
		ss = slices.Compact(ss)
		items = append(items, item{a, ss})
	}
	// Discovered people known only by one word that no full name explains are kept: a
	// speaker introduced as "Mr. Baselice" is still somebody.
	slices.SortStableFunc(items, func(x, y item) int { return x.spans[0].Start - y.spans[0].Start })
	out := make([]parley.Actor, 0, len(items))
	for _, it := range items {
		out = append(out, parley.Actor{Name: it.a.name, Code: it.a.code, Role: it.a.role, Mentions: it.spans})
	}
	return out
}

// At returns the actor that a span of doc.Text refers to: the one with a mention overlapping
// the span, preferring the smallest such mention and then the one that starts closest to the
// span. The pointer is into doc.Actors.
func At(doc *parley.Document, span parley.Span) (actor *parley.Actor, ok bool) {
	if doc == nil {
		return nil, false
	}
	bestLen, bestDist := -1, 0
	for i := range doc.Actors {
		a := &doc.Actors[i]
		for _, m := range a.Mentions {
			if !m.Overlaps(span) && !(span.Len() == 0 && m.Start <= span.Start && span.Start < m.End) {
				continue
			}
			d := m.Start - span.Start
			if d < 0 {
				d = -d
			}
			if bestLen < 0 || m.Len() < bestLen || m.Len() == bestLen && d < bestDist {
				actor, bestLen, bestDist = a, m.Len(), d
			}
		}
	}
	return actor, actor != nil
}

// String describes a role for debugging.
func (r Role) String() string {
	return fmt.Sprintf("%s (%s) %s..%s", r.Title, r.Code, dayOf(r.From), dayOf(r.To))
}
