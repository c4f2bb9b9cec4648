package quotes

import (
	"context"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

// BenchmarkProcess runs the stage over PolNeAR's training texts, already segmented, so the
// figure is the quote stage's own throughput.
func BenchmarkProcess(b *testing.B) {
	var docs []*parley.Document
	size := 0
	for _, f := range shared.Texts(b, "bench", "polnear", "train", "text") {
		text := f.Body
		paras := segment.Paragraphs(text)
		docs = append(docs, &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)})
		size += len(text)
	}
	st := New()
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// FuzzProcess checks that the stage never panics and that every span it returns lies inside
// the text, on rune boundaries, with its text matching.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"“Security is so easy,” Trump stated bluntly.",
		"He said: *”Nobody’s going to mess around”*[3][5].",
		"\"A,\" he said, \"B.\"\n\"C.\"",
		"Zelensky used the attack, stating:\n\n\"Putin is not preparing.\"",
		"According to Politico, the county voted.",
		"‘Security Guarantees’ as U.S. Seeks",
		"''Brexit is clearly a cautionary tale,'' said David B. Cohen, a professor.",
		"\"unclosed quote\nnext \" line",
		"Mr. Smith (R-Ohio), who said it, said, \"x\"",
		"\xff\xfe said \"",
	} {
		f.Add(s)
	}
	st := New()
	f.Fuzz(func(t *testing.T, text string) {
		paras := segment.Paragraphs(text)
		docs := []*parley.Document{
			{Text: text},
			{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)},
			// Spans from a careless upstream stage must not hurt either.
			{Text: text, Paragraphs: []parley.Span{{Start: -3, End: len(text) + 5}, {Start: 2, End: 1}},
				Sentences: []parley.Span{{Start: 1, End: len(text) / 2}, {Start: len(text) / 3, End: len(text)}},
				Removed:   []parley.Removal{{Span: parley.Span{Start: len(text) / 4, End: len(text) / 2}, Reason: parley.ReasonBoilerplate}},
				Actors:    []parley.Actor{{Name: "X", Mentions: []parley.Span{{Start: 0, End: len(text)}, {Start: 5, End: 2}}}}},
		}
		for _, doc := range docs {
			if err := st.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			for _, q := range doc.Quotes {
				checkSpan(t, text, q.Span)
				if q.Text != text[q.Start:q.End] {
					t.Fatalf("quote text %q does not match span %v", q.Text, q.Span)
				}
				if q.Speaker != nil {
					checkSpan(t, text, q.Speaker.Span)
				}
				if q.Cue != nil {
					checkSpan(t, text, q.Cue.Span)
				}
			}
		}
	})
}

func checkSpan(t *testing.T, text string, s parley.Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(text) || s.End <= s.Start {
		t.Fatalf("span %v outside text of %d bytes", s, len(text))
	}
	if !boundary(text, s.Start) || !boundary(text, s.End) {
		t.Fatalf("span %v not on rune boundaries", s)
	}
}

// boundary reports whether i is where a rune starts as a range loop reads the text (an invalid
// byte counting as a rune of its own), or the end of the text.
func boundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}
