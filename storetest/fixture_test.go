package storetest

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

func TestFixturesLieInTheirText(t *testing.T) {
	docs := []*parley.Document{Rich()}
	for n := range 50 {
		docs = append(docs, Generate(n))
	}
	ids := map[string]bool{}
	for _, d := range docs {
		if ids[d.ID] {
			t.Errorf("ID %s is used twice", d.ID)
		}
		ids[d.ID] = true
		for name, s := range spans(d) {
			if s.Start < 0 || s.End < s.Start || s.End > len(d.Text) {
				t.Errorf("%s: %s = %v lies outside the text (%d bytes)", d.ID, name, s, len(d.Text))
			}
		}
		for i, q := range d.Quotes {
			if q.Span.In(d.Text) != q.Text {
				t.Errorf("%s: quote %d text %q, span covers %q", d.ID, i, q.Text, q.Span.In(d.Text))
			}
			if q.Cue != nil && q.Cue.Span.In(d.Text) != q.Cue.Text {
				t.Errorf("%s: cue %d text %q, span covers %q", d.ID, i, q.Cue.Text, q.Cue.Span.In(d.Text))
			}
			if q.Speaker != nil && q.Speaker.Span.Len() > 0 && q.Speaker.Span.In(d.Text) != q.Speaker.Name &&
				!strings.Contains(q.Speaker.Name, q.Speaker.Span.In(d.Text)) {
				t.Errorf("%s: speaker %d %q, span covers %q", d.ID, i, q.Speaker.Name, q.Speaker.Span.In(d.Text))
			}
		}
		for i, a := range d.Actors {
			for _, m := range a.Mentions {
				if !strings.Contains(a.Name, m.In(d.Text)) {
					t.Errorf("%s: actor %d %q has a mention of %q", d.ID, i, a.Name, m.In(d.Text))
				}
			}
		}
		for i, e := range d.Events {
			if e.Span.In(d.Text) != e.Text {
				t.Errorf("%s: event %d text does not match its span", d.ID, i)
			}
		}
	}
	// Byte offsets matter: the rich fixture has multi-byte characters before its spans.
	r := Rich()
	if strings.Index(r.Text, "—") > r.Quotes[0].Start {
		t.Error("Rich has no multi-byte character before its first quote")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	if d := Diff(Generate(7), Generate(7)); d != "" {
		t.Fatalf("Generate(7) differs between calls:\n%s", d)
	}
	if Generate(7).ID == Generate(8).ID {
		t.Fatal("Generate(7) and Generate(8) share an ID")
	}
}

func TestNormalizeAndDiff(t *testing.T) {
	a := Rich()
	b := Rich()
	b.Raw = nil
	b.Actors[4].Mentions = []parley.Span{}
	b.Events = append([]parley.Event{}, b.Events...)
	if d := Diff(a, b); d != "" {
		t.Errorf("Diff reports differences that Normalize should hide:\n%s", d)
	}
	empty := &parley.Document{ID: "x", Quotes: []parley.Quote{}, Flags: []parley.Flag{}}
	if d := Diff(&parley.Document{ID: "x"}, empty); d != "" {
		t.Errorf("nil and empty slices differ:\n%s", d)
	}
	b.Quotes[1].Cue = nil
	b.Title = "changed"
	d := Diff(a, b)
	if !strings.Contains(d, "Quotes[1]") || !strings.Contains(d, "Title") || strings.Contains(d, "Quotes[0]") {
		t.Errorf("Diff should name Title and Quotes[1] only, got:\n%s", d)
	}
	if Normalize(a).Raw != nil || a.Raw == nil {
		t.Error("Normalize must drop Raw from its copy and leave the original alone")
	}
}
