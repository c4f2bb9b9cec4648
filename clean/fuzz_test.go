package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

var fuzzSeeds = []string{
	"",
	"\n\n\n",
	"Skip to content\nA Title Line Here\nBy Jane Doe\nProse that runs on for a while, as prose does, officials said.\nLatest",
	"[1] Outlet, \"Title,\" 2025-04-01. [2] Other, “Another,” 3 May 2025.",
	"Claim[1][2-4][7, 9]. [12]\nReferences\n1. A, B, June 3, 2024\n- C, D, 2024",
	"Embed from Getty ImagesA Heading\nPhoto: X/ReutersB",
	"\"Quoted,\" he said.\n\"Quoted,\" he said.\nShare",
	"Published : 20 Aug 2025, 02:11\n\xff\xfe[1]\r\n\u2028x\u2029[",
	"[1] \xe2\x80",
	"[1]\n[2] \"",
	"Photo: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
}

// FuzzClean checks that Clean never panics and that what it reports is always well formed,
// with and without segmentation having run first.
func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, segmented bool) {
		doc := &parley.Document{Text: text}
		if segmented {
			doc.Paragraphs = segment.Paragraphs(text)
		}
		if err := Clean(doc); err != nil {
			t.Fatalf("Clean: %v", err)
		}
		checkRemovals(t, doc)
		if doc.Published != "" {
			if _, ok := doc.PublishedTime(); !ok {
				t.Fatalf("unreadable Published %q", doc.Published)
			}
		}
	})
}

// FuzzParseReferences checks that reference spans always lie in the text on rune boundaries,
// in order, and that dates are well formed.
func FuzzParseReferences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, r := range ParseReferences(text) {
			if r.Start < prev || r.End <= r.Start || r.End > len(text) || !boundary(text, r.Start) || !boundary(text, r.End) {
				t.Fatalf("bad reference span [%d,%d) after %d in %d bytes", r.Start, r.End, prev, len(text))
			}
			prev = r.End
			if r.Date != "" {
				if _, ok := dayOf(r.Date); !ok || len(r.Date) != 10 {
					t.Fatalf("bad date %q", r.Date)
				}
			}
			if utf8.ValidString(text) && (!utf8.ValidString(r.Title) || !utf8.ValidString(r.Outlet)) {
				t.Fatalf("invalid UTF-8 in %+v", r)
			}
		}
		for _, m := range CitationMarkers(text) {
			if !strings.HasPrefix(m.In(text), "[") || !strings.HasSuffix(m.In(text), "]") {
				t.Fatalf("bad marker %q", m.In(text))
			}
		}
	})
}

// benchText is a made-up pasted article of about 6 kB with the usual furniture.
func benchText() string {
	var b strings.Builder
	b.WriteString("Skip to content\nWorld\nLeaders Meet to Discuss Trade Pact Amid Rising Tensions\nBy Jane Doe | Updated 2 hours ago\nPublished: 12 March 2025, 10:04\n\n")
	for i := 0; i < 12; i++ {
		b.WriteString("Negotiators from both sides met on Tuesday to discuss the terms of a new trade pact, officials said, as tensions over tariffs continued to rise[1][2].\n\n")
		b.WriteString("“We are closer than we have ever been,” the chief negotiator told reporters after the meeting, adding that several issues remained open.\n\n")
		if i%4 == 3 {
			b.WriteString("What Comes Next\n\n")
		}
	}
	b.WriteString("[1] Example Wire, \"Talks resume,\" 2025-03-10. [2] Daily Ledger, \"Tariffs rise,\" 2025-03-11.\n\nRead also:\nLatest\nShare this article\n")
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	text := benchText()
	paras := segment.Paragraphs(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &parley.Document{Text: text, Paragraphs: paras}
		if err := Clean(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanPolNeAR measures the cleaner on real article texts.
func BenchmarkCleanPolNeAR(b *testing.B) {
	dir := shared.Dir(b, "bench", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	var paras [][]parley.Span
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		paras = append(paras, segment.Paragraphs(string(raw)))
		size += int64(len(raw))
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, text := range texts {
			if err := Clean(&parley.Document{Text: text, Paragraphs: paras[i]}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
