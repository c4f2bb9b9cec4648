package story

import (
	"testing"

	"github.com/parleynews/parley"
)

// FuzzAdd feeds documents with arbitrary text and arbitrary (often invalid) spans: the builder
// must neither panic nor cite text outside the document.
func FuzzAdd(f *testing.F) {
	f.Add(borduria1, 0, 40, 10, 90, 200, 120)
	f.Add("“We will never,” said Velsk. 212 drones, $2.7 billion, 50%.", -3, 5, 30, 2, 1000, 7)
	f.Add("Ünïcödé Zelenskyy — 1,000-kilometre front [3]. Aug 20 2025", 5, 6, 6, 5, 1, 2)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		sp := func(x, y int) parley.Span { return parley.Span{Start: x, End: y} }
		mk := func(id string) *parley.Document {
			return &parley.Document{
				ID: id, Text: text, Published: "2031-03-04",
				Removed:   []parley.Removal{{Span: sp(a, b), Reason: parley.ReasonOffTopic}, {Span: sp(c, d), Reason: parley.ReasonBoilerplate}},
				Sentences: []parley.Span{sp(0, len(text)), sp(c, e)},
				Actors:    []parley.Actor{{Name: "Marta Velsk", Code: "SYL", Role: "former President", Mentions: []parley.Span{sp(a, c), sp(e, g)}}},
				Events: []parley.Event{{Source: &parley.ActorRef{Name: "Velsk"}, Target: &parley.ActorRef{Code: "BRD"}, CAMEO: "04",
					Date: "2031-03-0" + string(rune('0'+(a&7))), Span: sp(b, e)}},
				Quotes:  []parley.Quote{{Span: sp(c, g), Speaker: &parley.ActorRef{Name: text, Span: sp(g, a)}, Cue: &parley.Cue{Span: sp(d, b)}}},
				Stances: []parley.Stance{{Actor: parley.ActorRef{Name: "Velsk"}, Issue: "x", Polarity: "oppose", Span: sp(d, e)}},
				Flags:   []parley.Flag{{Kind: parley.FlagDuplicateOf, Detail: text}},
			}
		}
		bl := NewBuilder(Options{})
		docs := map[string]*parley.Document{}
		for i, id := range []string{"d1", "d2", "d3"} {
			doc := mk(id)
			docs[id] = doc
			copyOf := ""
			if i == 2 {
				copyOf = "d1"
			}
			if _, err := bl.Add(doc, copyOf); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range bl.Stories() {
			check := func(ev parley.Evidence) {
				doc := docs[ev.DocumentID]
				if doc == nil {
					return
				}
				if !validSpan(ev.Span, len(doc.Text)) {
					t.Fatalf("evidence span %v outside a text of %d bytes", ev.Span, len(doc.Text))
				}
			}
			for _, e := range s.Events {
				for _, r := range e.Reports {
					check(r)
				}
			}
			for _, q := range s.Quotes {
				for _, r := range q.Reports {
					check(r)
				}
			}
			for _, c := range s.Conflicts {
				for _, side := range c.Sides {
					for _, r := range side.Evidence {
						check(r)
					}
				}
			}
		}
	})
}
