// Package record is the analysis record of CONTRACT.md: the JSON object, one per document, that
// `parley analyze` writes and that scripts, notebooks and the scorers read. It converts the
// domain's byte offsets into code-point offsets, and back, so the rest of parley never sees them.
package record

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parleynews/parley"
)

// Record is schema 1 of the analysis record. Fields are only ever added to it; the ones after
// Flags are such additions (CONTRACT.md allows them).
type Record struct {
	Schema    int       `json:"schema"`
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Title     *string   `json:"title"`
	Published *string   `json:"published"`
	Text      string    `json:"text"`
	Removed   []Removed `json:"removed"`
	Sentences []Span    `json:"sentences"`
	Actors    []Actor   `json:"actors"`
	Quotes    []Quote   `json:"quotes"`
	Events    []Event   `json:"events"`
	Stances   []Stance  `json:"stances"`
	Flags     []Flag    `json:"flags"`

	URL        *string     `json:"url,omitempty"`
	Author     *string     `json:"author,omitempty"`
	Language   *string     `json:"language,omitempty"`
	Paragraphs []Span      `json:"paragraphs"`
	References []Reference `json:"references"`
}

// Span is a code-point range of Record.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type Removed struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

type Actor struct {
	Name     string `json:"name"`
	Code     string `json:"code"`
	Role     string `json:"role,omitempty"`
	Mentions []Span `json:"mentions"`
}

// Ref is an actor as it appears at one place: the resolved name and code and the mention.
type Ref struct {
	Name  string `json:"name"`
	Code  string `json:"code"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// StanceActor is an actor of a stance, which names no mention.
type StanceActor struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

type Cue struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type Quote struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Kind    string  `json:"kind"`
	Speaker *Ref    `json:"speaker"`
	Cue     *Cue    `json:"cue"`
	Date    *string `json:"date"`
}

type Event struct {
	Source    *Ref    `json:"source"`
	Target    *Ref    `json:"target"`
	CAMEO     string  `json:"cameo"`
	PLOVER    string  `json:"plover"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
	Mode      string  `json:"mode"`
	Date      *string `json:"date"`
	DateText  *string `json:"date_text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
}

type Stance struct {
	Actor    StanceActor `json:"actor"`
	Issue    string      `json:"issue"`
	Polarity string      `json:"polarity"`
	Date     *string     `json:"date"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Text     string      `json:"text"`
}

type Flag struct {
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

type Reference struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Label  string  `json:"label"`
	Outlet string  `json:"outlet"`
	Title  string  `json:"title"`
	Date   *string `json:"date"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func value(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// FromDocument builds the record of an analysed document. Every list is non-nil so that the
// record's shape is whole even where a stage found nothing.
func FromDocument(d *parley.Document) *Record {
	ix := newRuneIndex(d.Text)
	span := func(s parley.Span) Span { return Span{ix.cp(s.Start), ix.cp(s.End)} }
	ref := func(a *parley.ActorRef) *Ref {
		if a == nil {
			return nil
		}
		return &Ref{Name: a.Name, Code: a.Code, Start: ix.cp(a.Start), End: ix.cp(a.End)}
	}
	r := &Record{
		Schema: parley.SchemaVersion, ID: d.ID, Source: d.Source,
		Title: optional(d.Title), Published: optional(d.Published), Text: d.Text,
		URL: optional(d.URL), Author: optional(d.Author), Language: optional(d.Language),
		Removed:    make([]Removed, 0, len(d.Removed)),
		Sentences:  make([]Span, 0, len(d.Sentences)),
		Paragraphs: make([]Span, 0, len(d.Paragraphs)),
		Actors:     make([]Actor, 0, len(d.Actors)),
		Quotes:     make([]Quote, 0, len(d.Quotes)),
		Events:     make([]Event, 0, len(d.Events)),
		Stances:    make([]Stance, 0, len(d.Stances)),
		Flags:      make([]Flag, 0, len(d.Flags)),
		References: make([]Reference, 0, len(d.References)),
	}
	for _, x := range d.Removed {
		s := span(x.Span)
		r.Removed = append(r.Removed, Removed{s.Start, s.End, x.Reason})
	}
	for _, x := range d.Sentences {
		r.Sentences = append(r.Sentences, span(x))
	}
	for _, x := range d.Paragraphs {
		r.Paragraphs = append(r.Paragraphs, span(x))
	}
	for _, a := range d.Actors {
		ms := make([]Span, 0, len(a.Mentions))
		for _, m := range a.Mentions {
			ms = append(ms, span(m))
		}
		r.Actors = append(r.Actors, Actor{Name: a.Name, Code: a.Code, Role: a.Role, Mentions: ms})
	}
	for _, q := range d.Quotes {
		s := span(q.Span)
		out := Quote{Start: s.Start, End: s.End, Text: q.Text, Kind: q.Kind, Speaker: ref(q.Speaker), Date: optional(q.Date)}
		if q.Cue != nil {
			c := span(q.Cue.Span)
			out.Cue = &Cue{Start: c.Start, End: c.End, Text: q.Cue.Text}
		}
		r.Quotes = append(r.Quotes, out)
	}
	for _, e := range d.Events {
		s := span(e.Span)
		r.Events = append(r.Events, Event{
			Source: ref(e.Source), Target: ref(e.Target), CAMEO: e.CAMEO, PLOVER: e.PLOVER,
			Goldstein: e.Goldstein, QuadClass: e.QuadClass, Mode: e.Mode,
			Date: optional(e.Date), DateText: optional(e.DateText), Start: s.Start, End: s.End, Text: e.Text,
		})
	}
	for _, st := range d.Stances {
		s := span(st.Span)
		r.Stances = append(r.Stances, Stance{
			Actor: StanceActor{Name: st.Actor.Name, Code: st.Actor.Code}, Issue: st.Issue, Polarity: st.Polarity,
			Date: optional(st.Date), Start: s.Start, End: s.End, Text: st.Text,
		})
	}
	for _, f := range d.Flags {
		s := span(f.Span)
		r.Flags = append(r.Flags, Flag{Kind: f.Kind, Detail: f.Detail, Start: s.Start, End: s.End})
	}
	for _, x := range d.References {
		s := span(x.Span)
		r.References = append(r.References, Reference{Start: s.Start, End: s.End, Label: x.Label, Outlet: x.Outlet, Title: x.Title, Date: optional(x.Date)})
	}
	return r
}

// Document turns a record back into a document with byte offsets: the inverse of FromDocument,
// for tools that read records parley wrote.
func (r *Record) Document() (*parley.Document, error) {
	if r.Schema != parley.SchemaVersion {
		return nil, parley.Errorf(parley.EINVALID, "record %s: schema %d, this parley reads schema %d", r.ID, r.Schema, parley.SchemaVersion)
	}
	bo := newByteOffsets(r.Text)
	span := func(start, end int) parley.Span { return parley.Span{Start: bo.at(start), End: bo.at(end)} }
	ref := func(x *Ref) *parley.ActorRef {
		if x == nil {
			return nil
		}
		return &parley.ActorRef{Name: x.Name, Code: x.Code, Span: span(x.Start, x.End)}
	}
	d := &parley.Document{
		ID: r.ID, Source: r.Source, Title: value(r.Title), Published: value(r.Published), Text: r.Text,
		URL: value(r.URL), Author: value(r.Author), Language: value(r.Language),
	}
	for _, x := range r.Removed {
		d.Removed = append(d.Removed, parley.Removal{Span: span(x.Start, x.End), Reason: x.Reason})
	}
	for _, x := range r.Sentences {
		d.Sentences = append(d.Sentences, span(x.Start, x.End))
	}
	for _, x := range r.Paragraphs {
		d.Paragraphs = append(d.Paragraphs, span(x.Start, x.End))
	}
	for _, a := range r.Actors {
		act := parley.Actor{Name: a.Name, Code: a.Code, Role: a.Role}
		for _, m := range a.Mentions {
			act.Mentions = append(act.Mentions, span(m.Start, m.End))
		}
		d.Actors = append(d.Actors, act)
	}
	for _, q := range r.Quotes {
		out := parley.Quote{Span: span(q.Start, q.End), Text: q.Text, Kind: q.Kind, Speaker: ref(q.Speaker), Date: value(q.Date)}
		if q.Cue != nil {
			out.Cue = &parley.Cue{Span: span(q.Cue.Start, q.Cue.End), Text: q.Cue.Text}
		}
		d.Quotes = append(d.Quotes, out)
	}
	for _, e := range r.Events {
		d.Events = append(d.Events, parley.Event{
			Source: ref(e.Source), Target: ref(e.Target), CAMEO: e.CAMEO, PLOVER: e.PLOVER,
			Goldstein: e.Goldstein, QuadClass: e.QuadClass, Mode: e.Mode,
			Date: value(e.Date), DateText: value(e.DateText), Span: span(e.Start, e.End), Text: e.Text,
		})
	}
	for _, s := range r.Stances {
		d.Stances = append(d.Stances, parley.Stance{
			Actor: parley.ActorRef{Name: s.Actor.Name, Code: s.Actor.Code}, Issue: s.Issue, Polarity: s.Polarity,
			Date: value(s.Date), Span: span(s.Start, s.End), Text: s.Text,
		})
	}
	for _, f := range r.Flags {
		d.Flags = append(d.Flags, parley.Flag{Kind: f.Kind, Detail: f.Detail, Span: span(f.Start, f.End)})
	}
	for _, x := range r.References {
		d.References = append(d.References, parley.Reference{Span: span(x.Start, x.End), Label: x.Label, Outlet: x.Outlet, Title: x.Title, Date: value(x.Date)})
	}
	return d, nil
}

// Encoder writes records as JSON Lines or as one indented JSON array.
type Encoder struct {
	w      io.Writer
	pretty bool
	n      int
}

// NewEncoder returns an encoder for format "jsonl" or "json".
func NewEncoder(w io.Writer, format string) (*Encoder, error) {
	switch format {
	case "jsonl":
		return &Encoder{w: w}, nil
	case "json":
		return &Encoder{w: w, pretty: true}, nil
	}
	return nil, parley.Errorf(parley.EINVALID, "unknown record format %q (want jsonl or json)", format)
}

// Encode writes one document's record.
func (e *Encoder) Encode(d *parley.Document) error {
	b, err := Marshal(FromDocument(d), e.pretty)
	if err != nil {
		return fmt.Errorf("encode record of %s: %w", d.Source, err)
	}
	if e.pretty {
		sep := "[\n"
		if e.n > 0 {
			sep = ",\n"
		}
		if _, err := io.WriteString(e.w, sep); err != nil {
			return err
		}
	}
	e.n++
	b = append(b, '\n')
	if e.pretty {
		b = b[:len(b)-1]
	}
	_, err = e.w.Write(b)
	return err
}

// Close ends a JSON array; for JSON Lines it does nothing.
func (e *Encoder) Close() error {
	if !e.pretty {
		return nil
	}
	end := "\n]\n"
	if e.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(e.w, end)
	return err
}

// Marshal encodes a record without HTML escaping: records carry article text, and "<" written
// as \u003c only makes them harder to read.
func Marshal(r *Record, pretty bool) ([]byte, error) {
	var buf jsonBuffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	b := buf.b
	return b[:len(b)-1], nil // Encode adds a newline
}

type jsonBuffer struct{ b []byte }

func (j *jsonBuffer) Write(p []byte) (int, error) {
	j.b = append(j.b, p...)
	return len(p), nil
}
