package main

import (
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// A WordNet of a few words, with made-up counts, and a treebank of a few sentences.
func testWordNet() *wordNet {
	wn := &wordNet{count: map[parley.POS]map[string]int{}, exc: map[parley.POS]map[string][]string{},
		excOf: map[parley.POS]map[string][]string{}}
	add := func(pos parley.POS, counts map[string]int, exc map[string]string) {
		wn.count[pos], wn.exc[pos], wn.excOf[pos] = counts, map[string][]string{}, map[string][]string{}
		for f, l := range exc {
			wn.exc[pos][f] = append(wn.exc[pos][f], l)
			wn.excOf[pos][l] = append(wn.excOf[pos][l], f)
		}
	}
	add(parley.POSNOUN, map[string]int{"arm": 109, "arms": 11, "species": 32, "specie": 0, "movie": 5,
		"news": 41, "crisis": 3, "datum": 5, "data": 0, "businessman": 10, "businessmen": 1},
		map[string]string{"crises": "crisis", "data": "datum"})
	add(parley.POSVERB, map[string]int{"see": 500, "seed": 5, "hope": 20, "hop": 5, "stop": 30, "need": 100},
		map[string]string{"saw": "see", "seen": "see", "stopped": "stop", "stopping": "stop"})
	add(parley.POSADJ, map[string]int{"big": 50, "other": 100, "large": 30},
		map[string]string{"bigger": "big", "biggest": "big"})
	add(parley.POSADV, map[string]int{"fast": 10, "however": 50}, nil)
	return wn
}

func sentence(words ...string) syntax.Sentence {
	var s syntax.Sentence
	for i := 0; i+2 < len(words); i += 3 {
		pos, _ := parley.ParsePOS(words[i+2])
		s.Words, s.Lemmas, s.POS = append(s.Words, words[i]), append(s.Lemmas, words[i+1]), append(s.POS, pos)
	}
	return s
}

func TestBuild(t *testing.T) {
	tb := []syntax.Sentence{
		sentence("The", "the", "DET", "data", "data", "NOUN", "'s", "be", "AUX", "good", "good", "ADJ"),
		sentence("It", "it", "PRON", "'s", "be", "AUX", "for", "for", "ADP", "me", "I", "PRON"),
		sentence("Robert", "RobertSmith@EXAMPLE", "PROPN", "during", "during", "ADP"),
	}
	tab := build(testWordNet(), tb)
	tests := []struct {
		form string
		pos  parley.POS
		want string
	}{
		{"arms", parley.POSNOUN, "arm"},        // the far more frequent singular
		{"species", parley.POSNOUN, "species"}, // the far more frequent plural
		{"businessmen", parley.POSNOUN, "businessman"},
		{"movies", parley.POSNOUN, "movie"},  // the rules would say movy
		{"crises", parley.POSNOUN, "crisis"}, // WordNet's exception list
		{"news", parley.POSNOUN, "news"},     // the rules would say new
		{"data", parley.POSNOUN, "data"},     // the treebank overrules WordNet's datum
		{"saw", parley.POSVERB, "see"},
		{"seed", parley.POSVERB, "seed"}, // a verb of its own, not see + d
		{"need", parley.POSVERB, "need"},
		{"hoping", parley.POSVERB, "hope"},
		{"stopped", parley.POSVERB, "stop"},
		{"bigger", parley.POSADJ, "big"},
		{"other", parley.POSADJ, "other"}, // no comparative of "oth"
		{"faster", parley.POSADV, "fast"},
		{"however", parley.POSADV, "however"},
		{"'s", parley.POSAUX, "be"},
		{"me", parley.POSPRON, "i"},
		{"robert", parley.POSPROPN, "robert"}, // a slip of the annotation, seen once, is not learnt
		{"saw", parley.POSX, "see"},
		{"during", parley.POSX, "during"}, // a preposition in the treebank, not a verb form
	}
	for _, tt := range tests {
		if got := tab.Lemma(tt.form, tt.pos); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.pos, tt.form, got, tt.want)
		}
	}
}

func TestMajority(t *testing.T) {
	if l, n := majority(map[string]int{"be": 3, "have": 1}, "have"); l != "be" || n != 3 {
		t.Errorf("majority = %s %d", l, n)
	}
	if l, _ := majority(map[string]int{"lay": 2, "lie": 2}, "lie"); l != "lie" {
		t.Errorf("a tie goes to the rules' lemma, got %s", l)
	}
	if l, _ := majority(map[string]int{"lay": 2, "lie": 2}, "x"); l != "lay" {
		t.Errorf("a tie without the rules' lemma goes to the first by name, got %s", l)
	}
}
