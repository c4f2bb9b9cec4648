package story

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

// The test documents are made-up news about invented countries (Borduria, Syldavia) and an
// invented city (Port Haven): no real article is copied.

// docBuilder makes a hand-built analysed document; facts are placed by the words they cover.
type docBuilder struct {
	t   testing.TB
	doc *parley.Document
}

func newDoc(t testing.TB, id, published string, paragraphs ...string) *docBuilder {
	t.Helper()
	return &docBuilder{t: t, doc: &parley.Document{ID: id, Source: id + ".txt", Published: published, Format: parley.FormatText, Text: strings.Join(paragraphs, "\n\n")}}
}

// at returns the span of the first occurrence of s; the test fails when s is absent.
func (b *docBuilder) at(s string) parley.Span {
	b.t.Helper()
	i := strings.Index(b.doc.Text, s)
	if i < 0 {
		b.t.Fatalf("%s: %q not in text", b.doc.ID, s)
	}
	return parley.Span{Start: i, End: i + len(s)}
}

// sentence returns the span of the sentence (to the next full stop) that contains s.
func (b *docBuilder) sentence(s string) parley.Span {
	b.t.Helper()
	sp := b.at(s)
	start := strings.LastIndexAny(b.doc.Text[:sp.Start], ".\n") + 1
	for start < len(b.doc.Text) && b.doc.Text[start] == ' ' {
		start++
	}
	end := strings.IndexAny(b.doc.Text[sp.End:], ".\n")
	if end < 0 {
		end = len(b.doc.Text)
	} else {
		end += sp.End + 1
	}
	return parley.Span{Start: start, End: end}
}

func (b *docBuilder) actor(name, code, role string, surfaces ...string) *docBuilder {
	a := parley.Actor{Name: name, Code: code, Role: role}
	for _, s := range surfaces {
		for off := 0; ; {
			i := strings.Index(b.doc.Text[off:], s)
			if i < 0 {
				break
			}
			a.Mentions = append(a.Mentions, parley.Span{Start: off + i, End: off + i + len(s)})
			off += i + len(s)
		}
	}
	b.doc.Actors = append(b.doc.Actors, a)
	return b
}

func ref(name, code string) *parley.ActorRef { return &parley.ActorRef{Name: name, Code: code} }

func (b *docBuilder) event(src, tgt *parley.ActorRef, cameo, plover, date, in string) *docBuilder {
	b.t.Helper()
	s := b.sentence(in)
	b.doc.Events = append(b.doc.Events, parley.Event{
		Source: src, Target: tgt, CAMEO: cameo, PLOVER: plover, Mode: parley.ModeAsserted, Date: date,
		Span: s, Text: s.In(b.doc.Text),
	})
	return b
}

func (b *docBuilder) quote(words string, speaker *parley.ActorRef) *docBuilder {
	b.t.Helper()
	s := b.at(words)
	if speaker != nil {
		// The speaker's mention: the occurrence of the surname nearest the quote.
		sp := *speaker
		f := strings.Fields(sp.Name)
		sur := f[len(f)-1]
		best := -1
		for off := 0; ; {
			i := strings.Index(b.doc.Text[off:], sur)
			if i < 0 {
				break
			}
			i += off
			if best < 0 || dist(i, s) < dist(best, s) {
				best = i
			}
			off = i + len(sur)
		}
		if best >= 0 {
			sp.Span = parley.Span{Start: best, End: best + len(sur)}
		}
		speaker = &sp
	}
	b.doc.Quotes = append(b.doc.Quotes, parley.Quote{Span: s, Text: words, Kind: parley.QuoteDirect, Speaker: speaker})
	return b
}

func (b *docBuilder) stance(actor *parley.ActorRef, issue, polarity, date, in string) *docBuilder {
	b.t.Helper()
	s := b.sentence(in)
	b.doc.Stances = append(b.doc.Stances, parley.Stance{Actor: *actor, Issue: issue, Polarity: polarity, Date: date, Span: s, Text: s.In(b.doc.Text)})
	return b
}

func (b *docBuilder) removed(reason, paragraph string) *docBuilder {
	b.t.Helper()
	b.doc.Removed = append(b.doc.Removed, parley.Removal{Span: b.at(paragraph), Reason: reason})
	return b
}

func (b *docBuilder) flag(kind, detail string) *docBuilder {
	b.doc.Flags = append(b.doc.Flags, parley.Flag{Kind: kind, Detail: detail})
	return b
}

func (b *docBuilder) done() *parley.Document { return b.doc }

// Common actors of the Borduria story.
var (
	kovalenko = ref("Anton Kovalenko", "BRDGOV")
	velsk     = ref("Marta Velsk", "SYLGOV")
	dorado    = ref("Ines Dorado", "PHVGOV")
)

// Paragraphs shared by the test documents of the two stories.
const (
	borduria1 = "President Anton Kovalenko of Borduria met Syldavian Prime Minister Marta Velsk at the Glass Pavilion in Klow on Tuesday to discuss the disputed Vardar border and the withdrawal of Bordurian artillery from the river valley."
	borduria2 = "The border talks follow months of shelling along the Vardar valley, where Syldavian farmers have abandoned their villages and Bordurian artillery units remain dug in."
	borduria3 = "Velsk demanded a ceasefire monitored by neutral observers before any referendum on the border, while Kovalenko rejected international monitors in the valley."
	borduria4 = "Diplomats said the Vardar border dispute and the artillery withdrawal would dominate a second round of talks next month."
	haven1    = "Floodwaters from the swollen Lenna river swept through low-lying districts of Port Haven overnight, forcing the evacuation of thousands of residents as rescue boats searched flooded streets."
	haven2    = "Port Haven mayor Ines Dorado said flood shelters in schools and sports halls were full after the Lenna river burst its banks, and appealed for volunteers, blankets and drinking water for evacuated residents."
	haven3    = "Meteorologists warned that more rain was expected upstream and that the Lenna river could flood Port Haven again before the weekend, threatening the harbour, the old town and the evacuation centres."
	haven4    = "Insurance companies estimated flood damage to homes, shops and harbour warehouses in Port Haven in the tens of millions as the Lenna floodwaters receded."
)

func storyWith(t testing.TB, stories []*parley.Story, docID string) *parley.Story {
	t.Helper()
	for _, s := range stories {
		for _, d := range s.Documents {
			if d.ID == docID {
				return s
			}
		}
	}
	t.Fatalf("no story holds %s", docID)
	return nil
}

func mustAdd(t testing.TB, b *Builder, doc *parley.Document, copyOf string) string {
	t.Helper()
	id, err := b.Add(doc, copyOf)
	if err != nil {
		t.Fatalf("Add %s: %v", doc.ID, err)
	}
	return id
}

func docIDs(s *parley.Story) []string {
	var out []string
	for _, d := range s.Documents {
		out = append(out, d.ID)
	}
	return out
}

func evidenceDocs(ev []parley.Evidence) map[string]bool {
	out := map[string]bool{}
	for _, e := range ev {
		out[e.DocumentID] = true
	}
	return out
}

func dist(i int, s parley.Span) int {
	switch {
	case i < s.Start:
		return s.Start - i
	case i > s.End:
		return i - s.End
	}
	return 0
}
