package dedup

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleynews/parley"
)

func TestAddReportsEarliestCopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	ix := NewIndex(Options{})
	orig := synthDoc(10)
	steps := []struct {
		id, text, wantCopyOf string
	}{
		{"a", orig, ""},
		{"other", synthDoc(11), ""},
		{"b", synthCopy(orig, rng), "a"},
		{"c", synthCopy(orig, rng), "a"}, // a copy of both a and b: the earliest is reported
		{"d", orig, "a"},
		{"e", synthDoc(12), ""},
	}
	for _, s := range steps {
		got, score := ix.Add(s.id, s.text)
		if got != s.wantCopyOf {
			t.Errorf("Add(%s) = %q, want %q", s.id, got, s.wantCopyOf)
		}
		if (got == "") != (score == 0) || score < 0 || score > 1 {
			t.Errorf("Add(%s): score %v for copy of %q", s.id, score, got)
		}
	}
	if ix.Len() != len(steps) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(steps))
	}
	ms := ix.Query(orig)
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"a", "b", "c", "d"}) {
		t.Errorf("Query(original) = %v, want a, b, c, d", ms)
	}
	if ms[0].Score != 1 || ms[0].ID != "a" {
		t.Errorf("best match %+v, want a with score 1 (identical, earliest first on ties)", ms[0])
	}
	if !slices.IsSortedFunc(ms, func(x, y Match) int { return -cmpFloat(x.Score, y.Score) }) {
		t.Errorf("matches not sorted by score: %v", ms)
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestAddSameIDTwice(t *testing.T) {
	ix := NewIndex(Options{})
	text := synthDoc(20)
	if got, _ := ix.Add("x", text); got != "" {
		t.Fatalf("first Add = %q", got)
	}
	if got, _ := ix.Add("x", text); got != "" {
		t.Errorf("second Add of the same id = %q, want \"\" (a document is no copy of itself)", got)
	}
	if ix.Len() != 1 {
		t.Errorf("Len = %d after adding one id twice", ix.Len())
	}
	if got, _ := ix.Add("y", text); got != "x" {
		t.Errorf("Add(y) = %q, want x", got)
	}
}

func TestShortTexts(t *testing.T) {
	ix := NewIndex(Options{})
	short := "Breaking: the senate passed the budget bill late on Tuesday night."
	ix.Add("short", short)
	ix.Add("long", synthDoc(30)+"\n\n"+short)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"identical short text", short, []string{"short"}},
		{"same words other typography", "BREAKING — The Senate passed the budget bill late on Tuesday night…", []string{"short"}},
		{"other short text", "Breaking: the house passed the budget bill late on Tuesday night.", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range ix.Query(tt.text) {
				got = append(got, m.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Query = %v, want %v", got, tt.want)
			}
		})
	}
	if got, _ := ix.Add("empty1", ""); got != "" {
		t.Errorf("Add(empty1) = %q", got)
	}
	if got, _ := ix.Add("empty2", "  ...  "); got != "empty1" {
		t.Errorf("Add(empty2) = %q, want empty1: two empty texts are identical", got)
	}
}

func TestRebuildFromSignatures(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	first := NewIndex(Options{})
	var stored [][]byte
	for i := range 200 {
		text := synthDoc(uint64(100 + i))
		if i%10 == 9 {
			text = synthCopy(synthDoc(uint64(100+i-1)), rng)
		}
		sig := first.Sign(text)
		first.AddSignature(fmt.Sprint(i), sig)
		stored = append(stored, must(sig.MarshalBinary()))
	}
	rebuilt := NewIndex(Options{})
	for i, data := range stored {
		var sig Signature
		if err := sig.UnmarshalBinary(data); err != nil {
			t.Fatal(err)
		}
		if _, _, err := rebuilt.AddSignature(fmt.Sprint(i), sig); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 200 {
		q := synthCopy(synthDoc(uint64(100+i)), rng)
		a, b := first.Query(q), rebuilt.Query(q)
		if !slices.Equal(a, b) {
			t.Errorf("query %d: %v before, %v after rebuild", i, a, b)
		}
		// Every tenth document was replaced by a copy of the one before it.
		found := slices.ContainsFunc(a, func(m Match) bool { return m.ID == fmt.Sprint(i) })
		if i%10 == 9 && len(a) > 0 || i%10 != 9 && !found {
			t.Errorf("query %d found %v", i, a)
		}
	}
}

func TestAddSignatureOtherOptions(t *testing.T) {
	ix := NewIndex(Options{Shingle: 4})
	_, _, err := ix.AddSignature("x", Sign(synthDoc(40)))
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
		t.Fatalf("AddSignature of a 5-word-shingle signature into a 4-word index: %v, want EINVALID", err)
	}
	if _, err := ix.QuerySignature(Sign(synthDoc(40))); err == nil {
		t.Error("QuerySignature accepted a signature of other options")
	}
	if ix.Len() != 0 {
		t.Errorf("Len = %d: a rejected signature was indexed", ix.Len())
	}
	// A signature without MinHash values (a text shorter than a shingle) fits any index.
	if _, _, err := ix.AddSignature("y", Sign("two words")); err != nil {
		t.Errorf("short signature: %v", err)
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name string
		in   Options
		want Options
	}{
		{"zero is default", Options{}, DefaultOptions()},
		{"too many bands", Options{Hashes: 64, Bands: 100, Rows: 4}, Options{Shingle: 5, Hashes: 64, Bands: 16, Rows: 4, Threshold: 0.5, MinWords: 30}},
		{"negatives", Options{Shingle: -1, Hashes: -1, Bands: -1, Rows: -1, Threshold: -1, MinWords: -1}, DefaultOptions()},
		{"caps", Options{Shingle: 1000, Hashes: 5000, Rows: 2000, Threshold: 3}, Options{Shingle: 255, Hashes: 1024, Bands: 1, Rows: 1024, Threshold: 1, MinWords: 255}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewIndex(tt.in).Options(); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	// Any options give a working index.
	ix := NewIndex(Options{Shingle: 3, Hashes: 16, Bands: 8, Rows: 2})
	ix.Add("a", synthDoc(50))
	if got, _ := ix.Add("b", synthDoc(50)); got != "a" {
		t.Errorf("small index: Add(b) = %q", got)
	}
}

// A bucket holding many copies of one text is read only up to maxWalk, yet the earliest copy
// is still the one reported.
func TestManyCopies(t *testing.T) {
	ix := NewIndex(Options{Bands: 2}) // few bands: every Add walks each of them to maxWalk
	text := synthDoc(60)
	for i := range maxWalk + 100 {
		got, _ := ix.Add(fmt.Sprint(i), text)
		if i > 0 && got != "0" {
			t.Fatalf("copy %d: Add = %q, want 0", i, got)
		}
	}
	if ms := ix.Query(text); len(ms) == 0 || ms[0].ID != "0" || len(ms) > maxWalk {
		t.Errorf("Query: %d matches, first %v", len(ms), ms[:min(len(ms), 1)])
	}
}

func TestConcurrentUse(t *testing.T) {
	ix := NewIndex(Options{})
	const workers, per = 4, 25
	var wg sync.WaitGroup
	errs := make(chan string, workers*per*2)
	for w := range workers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 9))
			for i := range per {
				n := uint64(1000*w + i)
				text := synthDoc(n)
				if got, _ := ix.Add(fmt.Sprint(n), text); got != "" {
					errs <- fmt.Sprintf("original %d: copy of %q", n, got)
				}
				if got, _ := ix.Add(fmt.Sprint(n, "-copy"), synthCopy(text, rng)); got != fmt.Sprint(n) {
					errs <- fmt.Sprintf("copy of %d: Add = %q", n, got)
				}
			}
		})
		wg.Go(func() {
			for i := range per {
				ix.Query(synthDoc(uint64(1000*w + i)))
				_ = ix.Len()
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if ix.Len() != workers*per*2 {
		t.Errorf("Len = %d, want %d", ix.Len(), workers*per*2)
	}
}

// Distinct articles built from the same vocabulary, as the benchmark index is, are not copies.
func TestSyntheticDocumentsDistinct(t *testing.T) {
	ix := NewIndex(Options{})
	for i := range 1000 {
		if got, score := ix.Add(fmt.Sprint(i), synthDoc(uint64(i))); got != "" {
			t.Errorf("synthetic document %d taken for a copy of %s (score %.2f)", i, got, score)
		}
	}
	words := 0
	for i := range 100 {
		words += len(strings.Fields(synthDoc(uint64(i))))
	}
	t.Logf("synthetic documents have %d words on average", words/100)
}
