package story

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parleynews/parley"
)

// syntheticCorpus makes n documents spread over stories of their own vocabulary, on a common
// background of news words, with actors, events, quotes and stances, over three months.
func syntheticCorpus(n, stories int) []*parley.Document {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyz"
		b := make([]byte, 4+r.IntN(6))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		return string(b)
	}
	background := make([]string, 2000)
	for i := range background {
		background[i] = word()
	}
	type topic struct {
		words  []string
		actors []string
	}
	topics := make([]topic, stories)
	for i := range topics {
		for range 60 {
			topics[i].words = append(topics[i].words, word())
		}
		for range 4 {
			w := word()
			topics[i].actors = append(topics[i].actors, strings.ToUpper(w[:1])+w[1:]+" "+strings.ToUpper(w[1:2])+word())
		}
	}
	docs := make([]*parley.Document, n)
	for i := range docs {
		tp := topics[r.IntN(stories)]
		var text strings.Builder
		var sentences []parley.Span
		d := &parley.Document{ID: fmt.Sprintf("doc%05d", i), Source: fmt.Sprintf("doc%05d.txt", i),
			Published: fmt.Sprintf("2031-%02d-%02d", 1+r.IntN(3), 1+r.IntN(28))}
		actorAt := map[string][]parley.Span{}
		for s := range 25 {
			start := text.Len()
			actor := tp.actors[r.IntN(len(tp.actors))]
			actorAt[actor] = append(actorAt[actor], parley.Span{Start: start, End: start + len(actor)})
			text.WriteString(actor)
			for range 12 + r.IntN(10) {
				text.WriteByte(' ')
				if r.IntN(10) < 4 {
					text.WriteString(tp.words[r.IntN(len(tp.words))])
				} else {
					text.WriteString(background[r.IntN(len(background))])
				}
			}
			if s%5 == 0 {
				fmt.Fprintf(&text, " %d drones", 100+r.IntN(5))
			}
			text.WriteString(". ")
			sp := parley.Span{Start: start, End: text.Len() - 1}
			sentences = append(sentences, sp)
			other := tp.actors[r.IntN(len(tp.actors))]
			switch s % 5 {
			case 1:
				d.Events = append(d.Events, parley.Event{Source: &parley.ActorRef{Name: actor}, Target: &parley.ActorRef{Name: other},
					CAMEO: "040", PLOVER: "CONSULT", Span: sp})
			case 2:
				d.Quotes = append(d.Quotes, parley.Quote{Span: parley.Span{Start: start + len(actor) + 1, End: sp.End}, Kind: parley.QuoteDirect,
					Speaker: &parley.ActorRef{Name: actor, Span: parley.Span{Start: start, End: start + len(actor)}}})
			case 3:
				d.Stances = append(d.Stances, parley.Stance{Actor: parley.ActorRef{Name: actor}, Issue: tp.words[r.IntN(3)],
					Polarity: []string{parley.StanceSupport, parley.StanceOppose}[r.IntN(2)], Span: sp})
			}
		}
		d.Text = text.String()
		d.Sentences = sentences
		for name, spans := range actorAt {
			d.Actors = append(d.Actors, parley.Actor{Name: name, Mentions: spans})
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkBuild adds documents to a builder and builds the stories; MB/s is of article text,
// docs/s is reported alongside.
func BenchmarkBuild(b *testing.B) {
	docs := syntheticCorpus(2000, 40)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		bl := NewBuilder(Options{})
		for _, d := range docs {
			if _, err := bl.Add(d, ""); err != nil {
				b.Fatal(err)
			}
		}
		if len(bl.Stories()) == 0 {
			b.Fatal("no stories")
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestSyntheticGrouping checks the benchmark's corpus groups as generated: documents of one
// topic share a story, and topics stay apart.
func TestSyntheticGrouping(t *testing.T) {
	docs := syntheticCorpus(400, 8)
	b := NewBuilder(Options{Window: 365 * 24 * time.Hour})
	for _, d := range docs {
		mustAdd(t, b, d, "")
	}
	stories := b.Stories()
	if len(stories) != 8 {
		for _, s := range stories {
			t.Logf("%d documents: %s", len(s.Documents), s.Label)
		}
		t.Errorf("%d stories, want 8", len(stories))
	}
}
