package record

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "“Security is easy,” Zelenskyy’s aide said — Kyiv."
	at := func(s string) parley.Span {
		i := strings.Index(text, s)
		return parley.Span{Start: i, End: i + len(s)}
	}
	d := &parley.Document{ID: "x", Source: "a.txt", Text: text,
		Sentences: []parley.Span{{Start: 0, End: len(text)}},
		Quotes: []parley.Quote{{Span: at("Security is easy,"), Text: "Security is easy,", Kind: parley.QuoteDirect,
			Speaker: &parley.ActorRef{Name: "aide", Span: at("aide")}}},
	}
	r := FromDocument(d)
	runes := []rune(text)
	q := r.Quotes[0]
	if got := string(runes[q.Start:q.End]); got != "Security is easy," {
		t.Errorf("quote span in code points reads %q", got)
	}
	if got := string(runes[q.Speaker.Start:q.Speaker.End]); got != "aide" {
		t.Errorf("speaker span reads %q", got)
	}
	if r.Sentences[0].End != len(runes) {
		t.Errorf("sentence end %d, want %d code points", r.Sentences[0].End, len(runes))
	}
}

func TestRoundTrip(t *testing.T) {
	text := "Zelenskyy’s “plea” — café. Second sentence."
	at := func(s string) parley.Span {
		i := strings.Index(text, s)
		return parley.Span{Start: i, End: i + len(s)}
	}
	first, second := at("Zelenskyy’s “plea” — café."), at("Second sentence.")
	d := &parley.Document{
		ID: "abc", Source: "s.txt", Title: "T", Published: "2025-08-20", Text: text,
		Removed:    []parley.Removal{{Span: parley.Span{Start: 0, End: 3}, Reason: parley.ReasonBoilerplate}},
		Paragraphs: []parley.Span{{Start: 0, End: len(text)}},
		Sentences:  []parley.Span{first, second},
		Actors:     []parley.Actor{{Name: "Volodymyr Zelenskyy", Code: "UKRGOV", Mentions: []parley.Span{{Start: 0, End: 12}}}},
		Quotes: []parley.Quote{{Span: at("plea"), Text: "plea", Kind: parley.QuotePartial,
			Speaker: &parley.ActorRef{Name: "Volodymyr Zelenskyy", Code: "UKRGOV", Span: parley.Span{Start: 0, End: 12}},
			Cue:     &parley.Cue{Span: parley.Span{Start: 0, End: 3}, Text: "Zel"}, Date: "2025-08-19"}},
		Events: []parley.Event{{Source: &parley.ActorRef{Name: "A", Code: "USA", Span: parley.Span{Start: 0, End: 1}},
			CAMEO: "040", PLOVER: "CONSULT", Goldstein: 1, QuadClass: 1, Mode: parley.ModeAsserted,
			Date: "2025-08-18", DateText: "on Monday", Span: first, Text: first.In(text)}},
		Stances: []parley.Stance{{Actor: parley.ActorRef{Name: "A", Code: "USA"}, Issue: "us-troops", Polarity: parley.StanceOppose,
			Span: first, Text: first.In(text)}},
		Flags:      []parley.Flag{{Kind: parley.FlagStaleTitle, Detail: "why", Span: parley.Span{Start: 0, End: 12}}},
		References: []parley.Reference{{Span: second, Label: "1", Outlet: "BBC", Title: "x", Date: "2025-04-01"}},
	}
	var buf bytes.Buffer
	enc, err := NewEncoder(&buf, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	var r Record
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatalf("record does not parse: %v", err)
	}
	back, err := r.Document()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", back, d)
	}
}

func TestEmptyListsAndNulls(t *testing.T) {
	b, err := Marshal(FromDocument(&parley.Document{ID: "x", Source: "-", Text: "<p> & </p>"}), false)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"title":null`, `"published":null`, `"quotes":[]`, `"events":[]`, `"stances":[]`,
		`"flags":[]`, `"removed":[]`, `"actors":[]`, `"sentences":[]`, `"schema":1`, `"text":"<p> & </p>"`} {
		if !strings.Contains(s, want) {
			t.Errorf("record lacks %s: %s", want, s)
		}
	}
}

func TestJSONArray(t *testing.T) {
	var buf bytes.Buffer
	enc, _ := NewEncoder(&buf, "json")
	for _, id := range []string{"a", "b"} {
		if err := enc.Encode(&parley.Document{ID: id, Text: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	var rs []Record
	if err := json.Unmarshal(buf.Bytes(), &rs); err != nil || len(rs) != 2 {
		t.Fatalf("json array: %v, %d records\n%s", err, len(rs), buf.String())
	}
	buf.Reset()
	enc, _ = NewEncoder(&buf, "json")
	enc.Close()
	if strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("empty array is %q", buf.String())
	}
}

func BenchmarkFromDocument(b *testing.B) {
	text := strings.Repeat("Zelenskyy’s “plea” — café, said the Ukrainian leader. ", 2000)
	d := &parley.Document{Text: text}
	for i := 0; i+60 < len(text); i += 60 {
		d.Sentences = append(d.Sentences, parley.Span{Start: i, End: i + 60})
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Marshal(FromDocument(d), false); err != nil {
			b.Fatal(err)
		}
	}
}
