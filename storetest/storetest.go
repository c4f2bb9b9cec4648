// Package storetest is the contract every parley.Store backend must meet, as a test suite that
// each backend runs against itself:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) parley.Store { ... a fresh, empty store ... })
//	}
//
// Besides what the parley.Store comments say, the contract fixes these details, which callers
// (the CLI, the web UI) rely on:
//
//   - Document gives back everything PutDocument was given except Raw, in the same order;
//     nil and empty annotation slices are interchangeable (compare through Normalize).
//   - Document accepts an exact ID or a unique prefix of at least 4 characters: no match is
//     ENOTFOUND, several are ECONFLICT, and the error message names what was asked for.
//   - Search takes plain words, never query syntax: no input makes it fail. Snippets wrap the
//     matched words in [ and ]. Scores are higher-is-better and hits come best first.
//   - Quotes orders by date (the quote's, else the document's published date), then ingest
//     order, then position in the document, with undated quotes last; a malformed Since or
//     Until is EINVALID.
package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

// Run runs the contract against stores made by open, which must return a new, empty store for
// each call and arrange for its cleanup (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("PutIdempotent", func(t *testing.T) { testPutIdempotent(t, open(t)) })
	t.Run("DocumentLookup", func(t *testing.T) { testDocumentLookup(t, open(t)) })
	t.Run("HasDocument", func(t *testing.T) { testHasDocument(t, open(t)) })
	t.Run("Sources", func(t *testing.T) { testSources(t, open(t)) })
	t.Run("Events", func(t *testing.T) { testEvents(t, open(t)) })
	t.Run("Stances", func(t *testing.T) { testStances(t, open(t)) })
	t.Run("Count", func(t *testing.T) { testCount(t, open(t)) })
	t.Run("DocumentsOrder", func(t *testing.T) { testDocumentsOrder(t, open(t)) })
	t.Run("DocumentsStop", func(t *testing.T) { testDocumentsStop(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("SearchHostile", func(t *testing.T) { testSearchHostile(t, open(t)) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, open(t)) })
}

func put(t *testing.T, s parley.Store, docs ...*parley.Document) {
	t.Helper()
	for _, d := range docs {
		created, err := s.PutDocument(t.Context(), d)
		if err != nil {
			t.Fatalf("PutDocument(%s): %v", d.ID, err)
		}
		if !created {
			t.Fatalf("PutDocument(%s): created = false for a new document", d.ID)
		}
	}
}

// doc makes a small document with only the fields a test cares about.
func doc(id, source, title, published, text string) *parley.Document {
	return &parley.Document{ID: id, Source: source, Title: title, Published: published, Text: text,
		Format: parley.FormatText, Language: "en"}
}

// hexID makes a 64-character ID from a short distinguishing prefix.
func hexID(prefix string) string { return prefix + strings.Repeat("0", 64-len(prefix)) }

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want code %s", what, code)
	}
	if got := parley.ErrorCode(err); got != code {
		t.Fatalf("%s: error %q has code %s, want %s", what, err, got, code)
	}
}

func testRoundTrip(t *testing.T, s parley.Store) {
	rich := Rich()
	for name, sp := range spans(rich) {
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(rich.Text) {
			t.Fatalf("fixture: %s = %v is outside the text", name, sp)
		}
	}
	minimal := &parley.Document{ID: hexID("1111"), Source: "-", Text: "Short."}
	empty := &parley.Document{ID: hexID("2222"), Source: "empty.txt", Format: parley.FormatText}
	emptySlices := &parley.Document{ID: hexID("3333"), Text: "x", Removed: []parley.Removal{}, Quotes: []parley.Quote{},
		Actors: []parley.Actor{{Name: "Nobody", Mentions: []parley.Span{}}}}
	docs := []*parley.Document{rich, Generate(1), Generate(2), minimal, empty, emptySlices}
	put(t, s, docs...)
	for _, want := range docs {
		got, err := s.Document(t.Context(), want.ID)
		if err != nil {
			t.Fatalf("Document(%s): %v", want.ID, err)
		}
		if d := Diff(want, got); d != "" {
			t.Errorf("Document(%s) differs from what was put:\n%s", want.ID, d)
		}
		if got.Raw != nil {
			t.Errorf("Document(%s).Raw = %d bytes, want nil (stores do not keep Raw)", want.ID, len(got.Raw))
		}
	}
	// The input must not be changed by storing it.
	if d := Diff(Rich(), rich); d != "" {
		t.Errorf("PutDocument changed its argument:\n%s", d)
	}
}

func testPutIdempotent(t *testing.T, s parley.Store) {
	d := Rich()
	put(t, s, d)
	again := Rich()
	again.Title = "A different title"
	again.Quotes = nil
	created, err := s.PutDocument(t.Context(), again)
	if err != nil {
		t.Fatalf("second PutDocument: %v", err)
	}
	if created {
		t.Fatal("second PutDocument with the same ID: created = true, want false")
	}
	got, err := s.Document(t.Context(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := Diff(d, got); diff != "" {
		t.Errorf("second PutDocument changed the stored document:\n%s", diff)
	}
	if n, err := s.Count(t.Context()); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want 1", n, err)
	}
	// Quotes and index entries are not duplicated either.
	qs, err := s.Quotes(t.Context(), parley.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != len(d.Quotes) {
		t.Errorf("after two puts Quotes lists %d quotes, want %d", len(qs), len(d.Quotes))
	}
	hits, err := s.Search(t.Context(), "Grassley", 100)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, h := range hits {
		if h.Kind == "document" {
			seen[h.DocumentID]++
		}
	}
	if seen[d.ID] != 1 {
		t.Errorf("Search finds the document %d times, want once", seen[d.ID])
	}
}

func testDocumentLookup(t *testing.T, s parley.Store) {
	a := doc(hexID("abcd01"), "a.txt", "A", "", "First document.")
	b := doc(hexID("abcd02"), "b.txt", "B", "", "Second document.")
	c := doc(hexID("9f"), "c.txt", "C", "", "Third document.")
	put(t, s, a, b, c)
	ctx := t.Context()

	for _, tc := range []struct {
		query, want string
	}{
		{a.ID, a.ID},
		{"abcd01", a.ID},
		{"abcd02", b.ID},
		{"abcd020", b.ID},
		{"9f00", c.ID},
	} {
		got, err := s.Document(ctx, tc.query)
		if err != nil {
			t.Errorf("Document(%q): %v", tc.query, err)
			continue
		}
		if got.ID != tc.want {
			t.Errorf("Document(%q).ID = %s, want %s", tc.query, got.ID, tc.want)
		}
	}

	for _, tc := range []struct {
		query, code string
	}{
		{"abcd", parley.ECONFLICT},
		{"abcd0", parley.ECONFLICT},
		{"ffff", parley.ENOTFOUND},
		{"abcd03", parley.ENOTFOUND},
		{hexID("ffff"), parley.ENOTFOUND},
		{a.ID + "0", parley.ENOTFOUND},
		{"ab", parley.ENOTFOUND}, // too short to be a prefix
		{"9f", parley.ENOTFOUND},
		{"ABCD01", parley.ENOTFOUND}, // IDs are case-sensitive
		{"abcd%", parley.ENOTFOUND},  // no wildcard semantics
		{"abc_", parley.ENOTFOUND},
	} {
		_, err := s.Document(ctx, tc.query)
		wantCode(t, fmt.Sprintf("Document(%q)", tc.query), err, tc.code)
		if !strings.Contains(err.Error(), tc.query) {
			t.Errorf("Document(%q): error %q does not name the ID", tc.query, err)
		}
	}
}

func testHasDocument(t *testing.T, s parley.Store) {
	d := Rich()
	ctx := t.Context()
	if ok, err := s.HasDocument(ctx, d.ID); err != nil || ok {
		t.Fatalf("HasDocument before put = %v, %v; want false, nil", ok, err)
	}
	put(t, s, d)
	if ok, err := s.HasDocument(ctx, d.ID); err != nil || !ok {
		t.Fatalf("HasDocument after put = %v, %v; want true, nil", ok, err)
	}
	if ok, err := s.HasDocument(ctx, d.ID[:8]); err != nil || ok {
		t.Errorf("HasDocument(prefix) = %v, %v; want false, nil (exact IDs only)", ok, err)
	}
}

func testCount(t *testing.T, s parley.Store) {
	ctx := t.Context()
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Fatalf("Count of an empty store = %d, %v; want 0", n, err)
	}
	for i := range 5 {
		put(t, s, Generate(100+i))
		if n, err := s.Count(ctx); err != nil || n != i+1 {
			t.Fatalf("Count after %d puts = %d, %v", i+1, n, err)
		}
	}
	if _, err := s.PutDocument(ctx, Generate(100)); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(ctx); err != nil || n != 5 {
		t.Fatalf("Count after a repeated put = %d, %v; want 5", n, err)
	}
}

func testDocumentsOrder(t *testing.T, s parley.Store) {
	ctx := t.Context()
	if err := s.Documents(ctx, func(d *parley.Document) error {
		return fmt.Errorf("called for %s on an empty store", d.ID)
	}); err != nil {
		t.Fatal(err)
	}
	// Enough documents that a store reading in batches crosses a batch boundary, with IDs
	// whose order differs from ingest order.
	const n = 300
	var want []string
	for i := range n {
		id := fmt.Sprintf("%04x%060d", (i*7919)%65536, i)
		put(t, s, doc(id, fmt.Sprintf("doc-%d.txt", i), "", "", fmt.Sprintf("Document number %d.", i)))
		want = append(want, id)
	}
	rich := Rich()
	put(t, s, rich)
	want = append(want, rich.ID)

	var got []string
	err := s.Documents(ctx, func(d *parley.Document) error {
		got = append(got, d.ID)
		if d.ID == rich.ID {
			if diff := Diff(rich, d); diff != "" {
				t.Errorf("Documents gives a document that differs from what was put:\n%s", diff)
			}
		}
		// fn may use the store while the walk is under way.
		if ok, err := s.HasDocument(ctx, d.ID); err != nil || !ok {
			return fmt.Errorf("HasDocument(%s) inside Documents = %v, %v", d.ID, ok, err)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("Documents visited %d documents, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Documents order: position %d is %s, want %s (ingest order)", i, got[i], want[i])
		}
	}
}

func testDocumentsStop(t *testing.T, s parley.Store) {
	put(t, s, Generate(1), Generate(2), Generate(3))
	stop := errors.New("stop here")
	calls := 0
	err := s.Documents(t.Context(), func(*parley.Document) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Documents returned %v, want fn's error", err)
	}
	if calls != 2 {
		t.Fatalf("Documents called fn %d times after it failed on call 2", calls)
	}
}

// searchCorpus is three documents of decreasing relevance to "Clinton emails".
func searchCorpus() (strong, weak, none *parley.Document) {
	strong = doc(hexID("5a01"), "news/clinton.html", "Clinton emails released",
		"2015-07-01", "The State Department released Clinton emails on Friday. The Clinton emails cover the years "+
			"2009 to 2013. Reporters read the emails overnight, and Clinton said: I never sent classified material.")
	q := strings.Index(strong.Text, "I never sent classified material")
	c := strings.Index(strong.Text, "Clinton said")
	strong.Quotes = []parley.Quote{{
		Span: parley.Span{Start: q, End: q + len("I never sent classified material")},
		Text: "I never sent classified material", Kind: parley.QuoteDirect,
		Speaker: &parley.ActorRef{Name: "Hillary Clinton", Code: "USAGOV", Span: parley.Span{Start: c, End: c + len("Clinton")}},
	}}
	weak = doc(hexID("5a02"), "news/budget.html", "Budget vote delayed", "2015-07-02",
		"Parliament delayed the budget vote again on Thursday after a long debate about taxes, pensions "+
			"and the cost of energy for households and small firms. In other news, an aide to Clinton "+
			"declined to comment on the schedule. Lawmakers said that emails sent to the committee had "+
			"gone unanswered for weeks, and the opposition promised to keep up the pressure.")
	none = doc(hexID("5a03"), "news/kyiv.html", "Talks in Kyiv", "2015-07-03",
		"Ukrainian and European officials met in Kyiv to discuss energy aid for the winter.")
	return strong, weak, none
}

func testSearch(t *testing.T, s parley.Store) {
	ctx := t.Context()
	if hits, err := s.Search(ctx, "Clinton", 10); err != nil || len(hits) != 0 {
		t.Fatalf("Search on an empty store = %v, %v; want no hits", hits, err)
	}
	strong, weak, none := searchCorpus()
	put(t, s, none, weak, strong)

	for _, query := range []string{"Clinton emails", "clinton EMAILS", `"Clinton" emails.`} {
		hits, err := s.Search(ctx, query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", query, err)
		}
		var docs []parley.SearchHit
		for i, h := range hits {
			if i > 0 && h.Score > hits[i-1].Score {
				t.Errorf("Search(%q): hit %d scores %v, more than hit %d (%v): not best first", query, i, h.Score, i-1, hits[i-1].Score)
			}
			if h.Kind != "document" && h.Kind != "quote" {
				t.Errorf("Search(%q): hit %d has kind %q", query, i, h.Kind)
			}
			if h.Kind == "document" {
				docs = append(docs, h)
			}
		}
		if len(docs) != 2 || docs[0].DocumentID != strong.ID || docs[1].DocumentID != weak.ID {
			t.Fatalf("Search(%q) document hits = %+v; want %s then %s", query, docs, strong.ID, weak.ID)
		}
		top := docs[0]
		if top.Title != strong.Title || top.Source != strong.Source {
			t.Errorf("Search(%q): top hit title %q source %q, want %q %q", query, top.Title, top.Source, strong.Title, strong.Source)
		}
		low := strings.ToLower(top.Snippet)
		if !strings.Contains(low, "[clinton]") && !strings.Contains(low, "[emails]") {
			t.Errorf("Search(%q): snippet %q does not mark a matched word with [ ]", query, top.Snippet)
		}
		if strings.Contains(top.Snippet, "[Kyiv]") || strings.Contains(top.Snippet, "[energy]") {
			t.Errorf("Search(%q): snippet %q marks words that were not searched", query, top.Snippet)
		}
	}

	// Quotes are searchable by their words.
	hits, err := s.Search(ctx, "classified material", 10)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range hits {
		if h.Kind == "quote" && h.DocumentID == strong.ID {
			found = true
			if !strings.Contains(strings.ToLower(h.Snippet), "[classified]") {
				t.Errorf("quote hit snippet %q does not mark [classified]", h.Snippet)
			}
		}
	}
	if !found {
		t.Errorf(`Search("classified material") = %+v; want a quote hit in %s`, hits, strong.ID)
	}

	// Limits hold and a word found nowhere finds nothing.
	if hits, err := s.Search(ctx, "the", 1); err != nil || len(hits) != 1 {
		t.Errorf(`Search("the", 1) = %d hits, %v; want 1`, len(hits), err)
	}
	if hits, err := s.Search(ctx, "zyzzyva", 10); err != nil || len(hits) != 0 {
		t.Errorf(`Search("zyzzyva") = %+v, %v; want nothing`, hits, err)
	}
	if hits, err := s.Search(ctx, "Kyiv", 0); err != nil || len(hits) != 1 || hits[0].DocumentID != none.ID {
		t.Errorf(`Search("Kyiv", 0) = %+v, %v; want the Kyiv document (limit 0 means a default)`, hits, err)
	}
}

// hostileQueries are strings that are FTS query syntax, or broken syntax, or otherwise odd.
var hostileQueries = []string{
	``, ` `, `"`, `""`, `"""`, `'`, `*`, `**`, `-`, `--`, `+`, `^`, `:`, `(`, `)`, `()`, `{`, `}`, `[`, `]`,
	`AND`, `OR`, `NOT`, `NEAR`, `NEAR(`, `NEAR(a b, 2)`, `AND OR NOT`, `clinton AND`, `OR clinton`,
	`NOT clinton`, `-clinton`, `clinton*`, `*clinton`, `cl*nton`, `title:clinton`, `text : emails`,
	`{title text}: clinton`, `"unterminated`, `clinton"`, `c"l"i"n"t"o"n`, `\`, `\"`, `%`, `_`, `;`,
	`'; DROP TABLE documents; --`, `clinton) OR (emails`, "\x00", "clinton\x00emails", "\xff\xfe",
	"emails\n\tclinton", `日本語`, `Zürich`, `e-mails`, `U.S.`, `3,000`, `#1`, `@user`, `a.b.c`,
	strings.Repeat("clinton ", 500), strings.Repeat(`"`, 1000), strings.Repeat("(", 100),
}

func testSearchHostile(t *testing.T, s parley.Store) {
	strong, weak, none := searchCorpus()
	put(t, s, strong, weak, none, Rich())
	for _, q := range hostileQueries {
		hits, err := s.Search(t.Context(), q, 5)
		if err != nil {
			t.Errorf("Search(%.40q): %v", q, err)
		}
		if len(hits) > 5 {
			t.Errorf("Search(%.40q) gave %d hits with limit 5", q, len(hits))
		}
		if _, err := s.Quotes(t.Context(), parley.QuoteFilter{Words: q, Speaker: q, Source: q}); err != nil {
			t.Errorf("Quotes(words %.40q): %v", q, err)
		}
	}
	// Words that are operators in FTS syntax are searched as words.
	hits, err := s.Search(t.Context(), "-Kyiv", 5)
	if err != nil || len(hits) == 0 || hits[0].DocumentID != none.ID {
		t.Errorf(`Search("-Kyiv") = %+v, %v; want the Kyiv document`, hits, err)
	}
}

// quoteCorpus is three documents whose quotes exercise every Quotes filter: dated and undated
// quotes, documents with and without a published date, and a speaker name that is not ASCII.
func quoteCorpus() (rich, kyiv, undated *parley.Document) {
	rich = Rich() // published 2015-07-01; quotes dated 2015-06-30, -, -, - (no speaker)
	kyiv = doc(hexID("6b01"), "https://EXAMPLE.org/news/kyiv", "Talks", "2016-03-10",
		`Zelenskyy said "we will not give up" and Élodie Durand said "Paris stands with Kyiv".`)
	undated = doc(hexID("6c01"), "notes/undated.txt", "Notes", "",
		`Élodie Durand said "talks will resume" and nobody else said anything.`)
	quote := func(d *parley.Document, words, speaker, code, date string) {
		i := strings.Index(d.Text, words)
		j := strings.Index(d.Text, speaker)
		d.Quotes = append(d.Quotes, parley.Quote{
			Span: parley.Span{Start: i, End: i + len(words)}, Text: words, Kind: parley.QuoteDirect, Date: date,
			Speaker: &parley.ActorRef{Name: speaker, Code: code, Span: parley.Span{Start: j, End: j + len(speaker)}},
		})
	}
	quote(kyiv, "we will not give up", "Zelenskyy", "UKRGOV", "2016-03-09")
	quote(kyiv, "Paris stands with Kyiv", "Élodie Durand", "FRAGOV", "")
	quote(undated, "talks will resume", "Élodie Durand", "FRAGOV", "")
	return rich, kyiv, undated
}

func testQuotes(t *testing.T, s parley.Store) {
	ctx := t.Context()
	if qs, err := s.Quotes(ctx, parley.QuoteFilter{}); err != nil || len(qs) != 0 {
		t.Fatalf("Quotes on an empty store = %v, %v", qs, err)
	}
	rich, kyiv, undated := quoteCorpus()
	put(t, s, undated, rich, kyiv)

	// key names a quote by document and position.
	type key struct {
		doc *parley.Document
		i   int
	}
	kirby, clinton, grassley, noSpeaker := key{rich, 0}, key{rich, 1}, key{rich, 2}, key{rich, 3}
	zelenskyy, durandKyiv, durandUndated := key{kyiv, 0}, key{kyiv, 1}, key{undated, 0}

	for _, tc := range []struct {
		name   string
		filter parley.QuoteFilter
		want   []key
	}{
		// Dated by quote date or published date; ingest order breaks ties; undated last.
		{"all", parley.QuoteFilter{}, []key{kirby, clinton, grassley, noSpeaker, zelenskyy, durandKyiv, durandUndated}},
		{"speaker substring", parley.QuoteFilter{Speaker: "clinton"}, []key{clinton}},
		{"speaker case", parley.QuoteFilter{Speaker: "CHUCK GRASS"}, []key{grassley}},
		{"speaker code", parley.QuoteFilter{Speaker: "USALEG"}, []key{grassley}},
		{"speaker code shared", parley.QuoteFilter{Speaker: "USAGOV"}, []key{kirby, clinton}},
		{"speaker not ASCII", parley.QuoteFilter{Speaker: "élodie"}, []key{durandKyiv, durandUndated}},
		{"speaker not ASCII upper", parley.QuoteFilter{Speaker: "ÉLODIE DURAND"}, []key{durandKyiv, durandUndated}},
		{"speaker none", parley.QuoteFilter{Speaker: "Nobody Known"}, nil},
		{"words", parley.QuoteFilter{Words: "transparency"}, []key{kirby}},
		{"words all must match", parley.QuoteFilter{Words: "committed transparency"}, []key{kirby}},
		{"words all must match miss", parley.QuoteFilter{Words: "committed Kyiv"}, nil},
		{"words not speaker", parley.QuoteFilter{Words: "Clinton"}, []key{noSpeaker}},
		{"words case", parley.QuoteFilter{Words: "KYIV"}, []key{durandKyiv}},
		{"source", parley.QuoteFilter{Source: "example.org"}, []key{zelenskyy, durandKyiv}},
		{"source case", parley.QuoteFilter{Source: "Example.ORG/NEWS"}, []key{zelenskyy, durandKyiv}},
		{"source none", parley.QuoteFilter{Source: "nowhere"}, nil},
		{"since by quote and published date", parley.QuoteFilter{Since: "2015-07-01"}, []key{clinton, grassley, noSpeaker, zelenskyy, durandKyiv}},
		{"until", parley.QuoteFilter{Until: "2015-06-30"}, []key{kirby}},
		{"since until", parley.QuoteFilter{Since: "2016-03-09", Until: "2016-03-09"}, []key{zelenskyy}},
		{"since year", parley.QuoteFilter{Since: "2016"}, []key{zelenskyy, durandKyiv}},
		{"until month", parley.QuoteFilter{Until: "2015-06"}, []key{kirby}},
		{"since RFC 3339", parley.QuoteFilter{Since: "2016-03-10T00:00:00Z"}, []key{durandKyiv}},
		{"limit", parley.QuoteFilter{Limit: 2}, []key{kirby, clinton}},
		{"combined", parley.QuoteFilter{Speaker: "durand", Since: "2016-01-01", Words: "Paris"}, []key{durandKyiv}},
		{"combined limit", parley.QuoteFilter{Speaker: "usagov", Source: "clinton", Limit: 1}, []key{kirby}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Quotes(ctx, tc.filter)
			if err != nil {
				t.Fatalf("Quotes(%+v): %v", tc.filter, err)
			}
			var want []parley.StoredQuote
			for _, k := range tc.want {
				want = append(want, parley.StoredQuote{Quote: k.doc.Quotes[k.i], DocumentID: k.doc.ID, Source: k.doc.Source})
			}
			if len(got) != len(want) {
				t.Fatalf("Quotes(%+v) = %d quotes %s; want %d %s", tc.filter, len(got), quoteTexts(got), len(want), quoteTexts(want))
			}
			for i := range want {
				if d := Diff(&parley.Document{Quotes: []parley.Quote{want[i].Quote}}, &parley.Document{Quotes: []parley.Quote{got[i].Quote}}); d != "" ||
					got[i].DocumentID != want[i].DocumentID || got[i].Source != want[i].Source {
					t.Errorf("Quotes(%+v)[%d] = %s in %s (%s); want %s in %s (%s)\n%s", tc.filter, i,
						got[i].Text, got[i].DocumentID, got[i].Source, want[i].Text, want[i].DocumentID, want[i].Source, d)
				}
			}
		})
	}

	for _, bad := range []string{"yesterday", "2015-13-01", "15-07-01", "2015/07/01", "2015-7-1"} {
		_, err := s.Quotes(ctx, parley.QuoteFilter{Since: bad})
		wantCode(t, fmt.Sprintf("Quotes(Since %q)", bad), err, parley.EINVALID)
		_, err = s.Quotes(ctx, parley.QuoteFilter{Until: bad})
		wantCode(t, fmt.Sprintf("Quotes(Until %q)", bad), err, parley.EINVALID)
	}
}

func quoteTexts(qs []parley.StoredQuote) string {
	var s []string
	for _, q := range qs {
		s = append(s, fmt.Sprintf("%q", q.Text))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// testSources checks that a document's sources are recorded: its own on put, a copy's once.
func testSources(t *testing.T, s parley.Store) {
	d := Rich()
	put(t, s, d)
	ctx := t.Context()
	got, err := s.Sources(ctx, d.ID)
	if err != nil || len(got) != 1 || got[0] != d.Source {
		t.Fatalf("Sources after put = %q, %v; want [%q]", got, err, d.Source)
	}
	added, err := s.AddSource(ctx, d.ID, "https://example.org/copy")
	if err != nil || !added {
		t.Fatalf("AddSource of a new source = %v, %v; want true", added, err)
	}
	added, err = s.AddSource(ctx, d.ID, "https://example.org/copy")
	if err != nil || added {
		t.Fatalf("AddSource of a known source = %v, %v; want false", added, err)
	}
	if added, err = s.AddSource(ctx, d.ID, d.Source); err != nil || added {
		t.Fatalf("AddSource of the document's own source = %v, %v; want false", added, err)
	}
	got, err = s.Sources(ctx, d.ID)
	if err != nil || len(got) != 2 || got[1] != "https://example.org/copy" {
		t.Fatalf("Sources = %q, %v", got, err)
	}
	if _, err := s.AddSource(ctx, "0000000000000000", "x"); parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("AddSource to a missing document: %v, want ENOTFOUND", err)
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; a source is not a document", n, err)
	}
	for src, want := range map[string]bool{d.Source: true, "https://example.org/copy": true, "https://example.org/other": false} {
		if has, err := s.HasSource(ctx, src); err != nil || has != want {
			t.Errorf("HasSource(%q) = %v, %v; want %v", src, has, err, want)
		}
	}
}

func testEvents(t *testing.T, s parley.Store) {
	d := Rich()
	put(t, s, d)
	ctx := t.Context()
	tests := []struct {
		name string
		f    parley.EventFilter
		want []string // CAMEO codes in order
	}{
		{"all, dated first", parley.EventFilter{}, []string{"051", "111", "1312"}},
		{"actor by name part", parley.EventFilter{Actor: "grassley"}, []string{"111", "1312"}},
		{"actor as target", parley.EventFilter{Actor: "state dep"}, []string{"051", "111", "1312"}},
		{"actor by code prefix", parley.EventFilter{Actor: "USALEG"}, []string{"111", "1312"}},
		{"plover", parley.EventFilter{PLOVER: "threaten"}, []string{"1312"}},
		{"since: undated events take their document's date", parley.EventFilter{Since: "2015-07"}, []string{"111", "1312"}},
		{"since after all", parley.EventFilter{Since: "2015-07-02"}, nil},
		{"until", parley.EventFilter{Until: "2015-06-30"}, []string{"051"}},
		{"source", parley.EventFilter{Source: "nowhere"}, nil},
		{"limit", parley.EventFilter{Limit: 1}, []string{"051"}},
	}
	for _, tc := range tests {
		got, err := s.Events(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var codes []string
		for _, e := range got {
			codes = append(codes, e.CAMEO)
			if e.DocumentID != d.ID || e.Source != d.Source {
				t.Errorf("%s: event without its document: %+v", tc.name, e)
			}
		}
		if strings.Join(codes, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: got %v, want %v", tc.name, codes, tc.want)
		}
	}
	if _, err := s.Events(ctx, parley.EventFilter{Since: "yesterday"}); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("a bad date: %v, want EINVALID", err)
	}
}

func testStances(t *testing.T, s parley.Store) {
	d := Rich()
	put(t, s, d)
	ctx := t.Context()
	tests := []struct {
		name string
		f    parley.StanceFilter
		want []string // actor/polarity in order
	}{
		{"all", parley.StanceFilter{}, []string{"Chuck Grassley/oppose", "Hillary Clinton/support"}},
		{"issue", parley.StanceFilter{Issue: "email-release", Polarity: "support"}, []string{"Hillary Clinton/support"}},
		{"other issue", parley.StanceFilter{Issue: "taxes"}, nil},
		{"actor", parley.StanceFilter{Actor: "clinton"}, []string{"Hillary Clinton/support"}},
		{"code", parley.StanceFilter{Actor: "USA"}, []string{"Chuck Grassley/oppose", "Hillary Clinton/support"}},
		{"since", parley.StanceFilter{Since: "2015-07-01"}, []string{"Chuck Grassley/oppose", "Hillary Clinton/support"}},
		{"until before all", parley.StanceFilter{Until: "2015-06"}, nil},
	}
	for _, tc := range tests {
		got, err := s.Stances(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var out []string
		for _, st := range got {
			out = append(out, st.Actor.Name+"/"+st.Polarity)
		}
		if strings.Join(out, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: got %v, want %v", tc.name, out, tc.want)
		}
	}
}
