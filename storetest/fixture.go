package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"

	"github.com/parleynews/parley"
)

// Normalize returns a copy of d in the form the contract compares: Raw dropped (stores need not
// keep it) and every empty annotation slice, Actor.Mentions included, made nil, so that a store
// may give back nil or empty slices as it likes.
func Normalize(d *parley.Document) *parley.Document {
	if d == nil {
		return nil
	}
	c := *d
	c.Raw = nil
	c.Removed = nilIfEmpty(c.Removed)
	c.Paragraphs = nilIfEmpty(c.Paragraphs)
	c.Sentences = nilIfEmpty(c.Sentences)
	c.Quotes = nilIfEmpty(c.Quotes)
	c.Events = nilIfEmpty(c.Events)
	c.Stances = nilIfEmpty(c.Stances)
	c.Flags = nilIfEmpty(c.Flags)
	c.References = nilIfEmpty(c.References)
	c.Actors = nil
	for _, a := range d.Actors {
		a.Mentions = nilIfEmpty(a.Mentions)
		c.Actors = append(c.Actors, a)
	}
	return &c
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Diff describes how two documents differ after Normalize, field by field; "" when they are
// equal.
func Diff(want, got *parley.Document) string {
	w, g := Normalize(want), Normalize(got)
	if reflect.DeepEqual(w, g) {
		return ""
	}
	if w == nil || g == nil {
		return fmt.Sprintf("want %v, got %v", w, g)
	}
	var b strings.Builder
	wv, gv := reflect.ValueOf(*w), reflect.ValueOf(*g)
	for i := range wv.NumField() {
		name := wv.Type().Field(i).Name
		wf, gf := wv.Field(i).Interface(), gv.Field(i).Interface()
		if reflect.DeepEqual(wf, gf) {
			continue
		}
		if s, ok := wf.(string); ok && len(s) > 200 {
			fmt.Fprintf(&b, "%s: strings of %d and %d bytes differ\n", name, len(s), len(gf.(string)))
			continue
		}
		wsv, gsv := reflect.ValueOf(wf), reflect.ValueOf(gf)
		if wsv.Kind() != reflect.Slice {
			fmt.Fprintf(&b, "%s:\n\twant %s\n\tgot  %s\n", name, derefValue(wsv), derefValue(gsv))
			continue
		}
		// Slices: only the elements that differ.
		if wsv.Len() != gsv.Len() {
			fmt.Fprintf(&b, "%s: want %d elements, got %d\n", name, wsv.Len(), gsv.Len())
		}
		for j := range max(wsv.Len(), gsv.Len()) {
			we, ge := "(none)", "(none)"
			if j < wsv.Len() {
				we = derefValue(wsv.Index(j))
			}
			if j < gsv.Len() {
				ge = derefValue(gsv.Index(j))
			}
			if we != ge {
				fmt.Fprintf(&b, "%s[%d]:\n\twant %s\n\tgot  %s\n", name, j, we, ge)
			}
		}
	}
	return b.String()
}

// derefValue prints v with pointers followed, so that annotations print as values.
func derefValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		return "&" + derefValue(v.Elem())
	case reflect.Slice:
		var parts []string
		for i := range v.Len() {
			parts = append(parts, derefValue(v.Index(i)))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case reflect.Struct:
		var parts []string
		for i := range v.NumField() {
			parts = append(parts, v.Type().Field(i).Name+":"+derefValue(v.Field(i)))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return fmt.Sprintf("%v", v.Interface())
}

// textBuilder writes a document's text piece by piece and remembers where each piece went, so
// fixtures get byte offsets that are right by construction.
type textBuilder struct {
	b strings.Builder
}

func (t *textBuilder) add(s string) parley.Span {
	start := t.b.Len()
	t.b.WriteString(s)
	return parley.Span{Start: start, End: t.b.Len()}
}

// find returns the span of the n-th (from 0) occurrence of sub in text, inside the span within.
// A missing piece gives a span past the end of text, which the validity checks then report.
func find(text, sub string, within parley.Span, n int) parley.Span {
	off := within.Start
	for {
		i := strings.Index(text[off:within.End], sub)
		if i < 0 {
			return parley.Span{Start: len(text) + 1, End: len(text) + 1}
		}
		if n == 0 {
			return parley.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

// Rich returns one document with every kind of annotation, non-ASCII text (so byte and code
// point offsets differ), nil and non-nil optional pointers, an actor without mentions and a
// stance whose actor has no place in the text.
func Rich() *parley.Document {
	var t textBuilder
	nav := t.add("Share this article\n")
	p1 := t.add("WASHINGTON — The State Department released 3,000 pages of Hillary Clinton's emails on Tuesday, officials said.")
	t.add("\n\n")
	p2 := t.add(`"We are committed to transparency," said spokesman John Kirby in Zürich. Clinton said on Monday that she "welcomed the release" of the emails.`)
	t.add("\n\n")
	p3 := t.add("Senator Chuck Grassley criticised the delay and threatened to subpoena the department [1].")
	t.add("\n\n")
	refs := t.add("References\n")
	ref1 := t.add(`[1] Reuters, "State releases Clinton emails," 2015-07-01.`)
	t.add("\n")
	text := t.b.String()
	f := func(sub string, within parley.Span, n int) parley.Span { return find(text, sub, within, n) }

	s1 := p1
	s2 := f(`"We are committed to transparency," said spokesman John Kirby in Zürich.`, p2, 0)
	s3 := f(`Clinton said on Monday that she "welcomed the release" of the emails.`, p2, 0)
	s4 := p3

	clinton1 := f("Hillary Clinton", p1, 0)
	clinton2 := f("Clinton", p2, 0)
	state := f("State Department", p1, 0)
	kirby := f("John Kirby", p2, 0)
	grassley := f("Chuck Grassley", p3, 0)

	return &parley.Document{
		ID:        "5eed0c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6",
		Source:    "testdata/clinton-emails.html",
		URL:       "https://news.example.com/2015/07/01/clinton-emails",
		Format:    parley.FormatHTML,
		Raw:       []byte("<html><body><p>not kept by stores</p></body></html>"),
		Title:     "State Department releases Clinton emails",
		Published: "2015-07-01",
		Author:    "Jane Reporter",
		Language:  "en",
		Text:      text,
		Removed: []parley.Removal{
			{Span: nav, Reason: parley.ReasonNavigation},
			{Span: parley.Span{Start: refs.Start, End: ref1.End + 1}, Reason: parley.ReasonReferenceList},
		},
		Paragraphs: []parley.Span{p1, p2, p3},
		Sentences:  []parley.Span{s1, s2, s3, s4},
		Actors: []parley.Actor{
			{Name: "Hillary Clinton", Code: "USAGOV", Role: "former Secretary of State", Mentions: []parley.Span{clinton1, clinton2}},
			{Name: "State Department", Code: "USAGOV", Mentions: []parley.Span{state}},
			{Name: "John Kirby", Code: "USAGOV", Role: "State Department spokesman", Mentions: []parley.Span{kirby}},
			{Name: "Chuck Grassley", Code: "USALEG", Role: "United States Senator", Mentions: []parley.Span{grassley}},
			{Name: "Reuters", Code: "USAMED"}, // known from the reference list only: no mentions
		},
		Quotes: []parley.Quote{
			{
				Span: f("We are committed to transparency,", s2, 0), Text: "We are committed to transparency,",
				Kind:    parley.QuoteDirect,
				Speaker: &parley.ActorRef{Name: "John Kirby", Code: "USAGOV", Span: kirby},
				Cue:     &parley.Cue{Span: f("said", s2, 0), Text: "said"},
				Date:    "2015-06-30",
			},
			{
				Span: f("welcomed the release", s3, 0), Text: "welcomed the release",
				Kind:    parley.QuotePartial,
				Speaker: &parley.ActorRef{Name: "Hillary Clinton", Code: "USAGOV", Span: clinton2},
				Cue:     &parley.Cue{Span: f("said", s3, 0), Text: "said"},
			},
			{
				Span: f("criticised the delay", p3, 0), Text: "criticised the delay",
				Kind:    parley.QuoteIndirect,
				Speaker: &parley.ActorRef{Name: "Chuck Grassley", Code: "USALEG", Span: grassley},
			},
			{
				Span: f("State releases Clinton emails,", ref1, 0), Text: "State releases Clinton emails,",
				Kind: parley.QuoteDirect,
			},
		},
		Events: []parley.Event{
			{
				Source: &parley.ActorRef{Name: "State Department", Code: "USAGOV", Span: state},
				CAMEO:  "051", PLOVER: "COOPERATE", Goldstein: 3.4, QuadClass: 1, Mode: parley.ModeAsserted,
				Date: "2015-06-30", DateText: "on Tuesday",
				Span: s1, Text: s1.In(text),
			},
			{
				Source: &parley.ActorRef{Name: "Chuck Grassley", Code: "USALEG", Span: grassley},
				Target: &parley.ActorRef{Name: "State Department", Code: "USAGOV"},
				CAMEO:  "111", PLOVER: "DISAPPROVE", Goldstein: -2, QuadClass: 3, Mode: parley.ModeAsserted,
				Span: s4, Text: s4.In(text),
			},
			{
				Source: &parley.ActorRef{Name: "Chuck Grassley", Code: "USALEG", Span: grassley},
				Target: &parley.ActorRef{Name: "State Department", Code: "USAGOV"},
				CAMEO:  "1312", PLOVER: "THREATEN", Goldstein: -4.4, QuadClass: 3, Mode: parley.ModeIntended,
				Span: s4, Text: s4.In(text),
			},
		},
		Stances: []parley.Stance{
			{
				Actor: parley.ActorRef{Name: "Chuck Grassley", Code: "USALEG", Span: grassley},
				Issue: "email-release", Polarity: parley.StanceOppose, Date: "2015-07-01",
				Span: s4, Text: s4.In(text),
			},
			{
				Actor: parley.ActorRef{Name: "Hillary Clinton", Code: "USAGOV"}, // no place in the text
				Issue: "email-release", Polarity: parley.StanceSupport,
				Span: s3, Text: s3.In(text),
			},
		},
		Flags: []parley.Flag{
			{Kind: parley.FlagCitationMarkersUnresolved, Detail: "[1]", Span: f("[1]", p3, 0)},
			{Kind: parley.FlagReferenceList, Span: parley.Span{Start: refs.Start, End: ref1.End}},
			{Kind: parley.FlagStaleTitle, Detail: "title names an event 2 days older than the text"},
		},
		References: []parley.Reference{
			{Span: ref1, Label: "1", Outlet: "Reuters", Title: "State releases Clinton emails", Date: "2015-07-01"},
		},
	}
}

// spans lists every span of d with a name saying where it is, for checks that they lie in the
// text.
func spans(d *parley.Document) map[string]parley.Span {
	m := map[string]parley.Span{}
	for i, r := range d.Removed {
		m[fmt.Sprintf("Removed[%d]", i)] = r.Span
	}
	for i, s := range d.Paragraphs {
		m[fmt.Sprintf("Paragraphs[%d]", i)] = s
	}
	for i, s := range d.Sentences {
		m[fmt.Sprintf("Sentences[%d]", i)] = s
	}
	for i, a := range d.Actors {
		for j, s := range a.Mentions {
			m[fmt.Sprintf("Actors[%d].Mentions[%d]", i, j)] = s
		}
	}
	ref := func(name string, r *parley.ActorRef) {
		if r != nil {
			m[name] = r.Span
		}
	}
	for i, q := range d.Quotes {
		m[fmt.Sprintf("Quotes[%d]", i)] = q.Span
		ref(fmt.Sprintf("Quotes[%d].Speaker", i), q.Speaker)
		if q.Cue != nil {
			m[fmt.Sprintf("Quotes[%d].Cue", i)] = q.Cue.Span
		}
	}
	for i, e := range d.Events {
		m[fmt.Sprintf("Events[%d]", i)] = e.Span
		ref(fmt.Sprintf("Events[%d].Source", i), e.Source)
		ref(fmt.Sprintf("Events[%d].Target", i), e.Target)
	}
	for i, s := range d.Stances {
		m[fmt.Sprintf("Stances[%d]", i)] = s.Span
		m[fmt.Sprintf("Stances[%d].Actor", i)] = s.Actor.Span
	}
	for i, f := range d.Flags {
		m[fmt.Sprintf("Flags[%d]", i)] = f.Span
	}
	for i, r := range d.References {
		m[fmt.Sprintf("References[%d]", i)] = r.Span
	}
	return m
}

// vocabulary for generated documents: common words plus a few names, so that generated text
// has realistic token statistics for the full-text index.
var (
	genWords = strings.Fields(`the a of to in and that for on with as by at from about after before
		government minister officials said talks agreement ceasefire sanctions election vote budget
		parliament court ruling report press conference statement spokesman week month year city
		border troops aid support oppose plan proposal meeting summit leaders economy prices energy
		gas oil trade tariffs exports imports inflation bank rate growth investigation documents emails
		release hearing committee senator president prime democracy protest police arrest charges`)
	genActors = []parley.Actor{
		{Name: "Volodymyr Zelenskyy", Code: "UKRGOV", Role: "President of Ukraine"},
		{Name: "Ursula von der Leyen", Code: "IGOEUREEC", Role: "President of the European Commission"},
		{Name: "Emmanuel Macron", Code: "FRAGOV", Role: "President of France"},
		{Name: "Keir Starmer", Code: "GBRGOV", Role: "Prime Minister of the United Kingdom"},
	}
)

// Generate returns the n-th of an endless series of distinct, fully annotated documents of a
// few kilobytes each, for benchmarks and load tests. The same n always gives the same document.
func Generate(n int) *parley.Document {
	rng := rand.New(rand.NewPCG(uint64(n), 0x9e3779b97f4a7c15))
	var t textBuilder
	d := &parley.Document{
		Source:    fmt.Sprintf("generated/%06d.txt", n),
		URL:       fmt.Sprintf("https://news.example.org/%06d", n),
		Format:    parley.FormatText,
		Published: fmt.Sprintf("20%02d-%02d-%02d", 15+n%10, 1+n%12, 1+n%28),
		Author:    "Generator",
		Language:  "en",
	}
	actorIdx := map[string]int{}
	mention := func(a parley.Actor, s parley.Span) {
		i, ok := actorIdx[a.Name]
		if !ok {
			i = len(d.Actors)
			actorIdx[a.Name] = i
			a.Mentions = nil
			d.Actors = append(d.Actors, a)
		}
		d.Actors[i].Mentions = append(d.Actors[i].Mentions, s)
	}
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = genWords[rng.IntN(len(genWords))]
		}
		return strings.Join(w, " ")
	}
	d.Title = fmt.Sprintf("Report %d: %s", n, words(5))
	for p := range 6 {
		if p > 0 {
			t.add("\n\n")
		}
		pStart := t.b.Len()
		for s := range 4 {
			if s > 0 {
				t.add(" ")
			}
			a := genActors[rng.IntN(len(genActors))]
			sStart := t.b.Len()
			t.add(strings.ToUpper(words(1)[:1]) + words(1)[1:] + " " + words(6+rng.IntN(8)) + " ")
			name := t.add(a.Name)
			mention(a, name)
			ref := &parley.ActorRef{Name: a.Name, Code: a.Code, Span: name}
			switch s {
			case 1: // a quote with speaker and cue
				t.add(" ")
				cue := t.add("said")
				t.add(` "`)
				q := t.add(words(8 + rng.IntN(10)))
				t.add(`."`)
				d.Quotes = append(d.Quotes, parley.Quote{
					Span: q, Text: q.In(t.b.String()), Kind: parley.QuoteDirect, Speaker: ref,
					Cue: &parley.Cue{Span: cue, Text: "said"},
					Date: func() string {
						if rng.IntN(2) == 0 {
							return ""
						}
						return fmt.Sprintf("20%02d-%02d-%02d", 15+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28))
					}(),
				})
			case 2: // an event
				t.add(" " + words(5) + ".")
				sp := parley.Span{Start: sStart, End: t.b.Len()}
				d.Events = append(d.Events, parley.Event{
					Source: ref, CAMEO: fmt.Sprintf("%03d", 10+rng.IntN(190)), PLOVER: "CONSULT",
					Goldstein: float64(rng.IntN(201)-100) / 10, QuadClass: 1 + rng.IntN(4),
					Mode: parley.ModeAsserted, Span: sp, Text: sp.In(t.b.String()),
				})
			case 3: // a stance
				t.add(" " + words(4) + ".")
				sp := parley.Span{Start: sStart, End: t.b.Len()}
				d.Stances = append(d.Stances, parley.Stance{
					Actor: *ref, Issue: "generated-issue", Polarity: parley.StanceSupport,
					Span: sp, Text: sp.In(t.b.String()),
				})
			default:
				t.add(" " + words(3) + ".")
			}
			d.Sentences = append(d.Sentences, parley.Span{Start: sStart, End: t.b.Len()})
		}
		d.Paragraphs = append(d.Paragraphs, parley.Span{Start: pStart, End: t.b.Len()})
	}
	t.add("\n\n")
	ref := t.add(fmt.Sprintf("[1] Example News, %q, %s.", words(4), d.Published))
	d.Text = t.b.String()
	d.Removed = []parley.Removal{{Span: ref, Reason: parley.ReasonReferenceList}}
	d.References = []parley.Reference{{Span: ref, Label: "1", Outlet: "Example News", Date: d.Published}}
	d.Flags = []parley.Flag{{Kind: parley.FlagReferenceList, Span: ref}}
	sum := sha256.Sum256([]byte(d.Text))
	d.ID = hex.EncodeToString(sum[:])
	return d
}
