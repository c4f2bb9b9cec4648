package events

import (
	"slices"
	"testing"
)

// TestVerbClasses checks the generated table against what WordNet 3.0 says of a few verbs.
func TestVerbClasses(t *testing.T) {
	if len(verbClasses) < 3000 {
		t.Fatalf("verbclasses.txt has %d lemmas, want thousands", len(verbClasses))
	}
	for _, c := range []struct {
		lemma string
		want  []string
	}{
		{"attack", []string{"competition", "communication"}},
		{"arrive", []string{"motion"}},
		{"hack", []string{"contact"}},
		{"confirm", []string{"cognition", "communication"}},
		{"postpone", []string{"stative"}},
		{"reduce", []string{"change", "social"}},
		{"carry out", []string{"creation", "change"}},
		{"carry_out", []string{"creation", "change"}},
		{"telephone", []string{"communication"}},
		{"parley", nil}, // WordNet has it, but no sense of it is counted
		{"zzz", nil},
	} {
		if got := classesOf(c.lemma); !slices.Equal(got, c.want) {
			t.Errorf("classesOf(%q) = %q, want %q", c.lemma, got, c.want)
		}
	}
	for lemma, want := range map[string]bool{"arrive": true, "hack": true, "telephone": true, "attack": true,
		"postpone": false, "confirm": false, "reduce": false, "seem": false, "zzz": false} {
		if got := eventVerb(lemma); got != want {
			t.Errorf("eventVerb(%q) = %v, want %v", lemma, got, want)
		}
	}
}

// TestGenericCandidate checks which verbs the lexicon lacks the generic path would propose.
func TestGenericCandidate(t *testing.T) {
	lx := New(WithModel(nil)).lx
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"Ukrainian troops arrived in Kherson on Friday.", "arrived", true},
		{"Russian hackers hacked the ministry's servers.", "hacked", true},
		{"Villagers fled the town before dawn.", "fled", true},
		{"Soldiers wandered into the minefield.", "wandered", true},
		// Verbs WordNet puts outside the event classes.
		{"Western officials postponed the summit.", "postponed", false},
		{"European diplomats doubted the figures.", "doubted", false},
		// Not a finite verb: after a determiner.
		{"The hacked servers were offline.", "hacked", false},
	} {
		toks := sentenceTokens(c.text)
		st := &sentence{text: c.text, toks: toks, lx: lx, verb: make([]int8, len(toks))}
		i := slices.IndexFunc(toks, func(tk token) bool { return tk.low == c.word })
		if i < 0 {
			t.Fatalf("%q: no token %q", c.text, c.word)
		}
		if lx.knownVerb(st.lemma(i)) {
			t.Errorf("%q: the lexicon now knows %q; the test wants a verb it lacks", c.text, st.lemma(i))
			continue
		}
		if got := st.genericCandidate(i); got != c.want {
			t.Errorf("%q: genericCandidate(%q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}
