package stances

import (
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

// TestData checks that every embedded file parses, that the package reads every list in them,
// and that the cue flags reach the compiled cues.
func TestData(t *testing.T) {
	if _, err := lexfile.CheckFS(dataFS, "data/*.txt"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*lexfile.File{cueData, vocab} {
		if u := f.Unused(); len(u) > 0 {
			t.Errorf("%s: sections %q are never read", f.Name, u)
		}
	}
	find := func(words ...string) *cue {
		for _, i := range cuesByFirst[words[0]] {
			if c := &cues[i]; len(c.words) == len(words) && wordsAt(toksOf(c.words), 0, words) {
				return c
			}
		}
		return nil
	}
	for _, c := range []struct {
		phrase                string
		polarity              string
		post, passive, modal_ bool
	}{
		{"ruled out", "oppose", false, false, false},
		{"as a pathway to", "support", true, false, false},
		{"is backed by", "support", true, true, false},
		{"not be able to", "oppose", false, false, true},
	} {
		got := find(normTokens(c.phrase)...)
		if got == nil || got.polarity != c.polarity || got.post != c.post || got.passive != c.passive || got.modal != c.modal_ {
			t.Errorf("cue %q = %+v", c.phrase, got)
		}
	}
	if !reportingVerbs[normWord("said")] || !lightNouns[normWord("calls")] || !negators["n't"] {
		t.Error("word classes lost their words")
	}
}

func toksOf(words []string) []tok {
	out := make([]tok, len(words))
	for i, w := range words {
		out[i].norm = w
	}
	return out
}
