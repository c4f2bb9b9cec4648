package syntax

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/syntax/internal/morph"
)

// Made-up words, so that only the suffix rules can answer: one or more for each rule.
func TestLemmaRules(t *testing.T) {
	const (
		N = parley.POSNOUN
		V = parley.POSVERB
		A = parley.POSADJ
		R = parley.POSADV
		P = parley.POSPROPN
		X = parley.POSX
	)
	tests := []struct {
		word string
		pos  parley.POS
		want string
	}{
		// nouns
		{"blorks", N, "blork"},
		{"flimbies", N, "flimby"},
		{"glaxes", N, "glax"},
		{"snorches", N, "snorch"},
		{"bloshes", N, "blosh"},
		{"trimasses", N, "trimass"},
		{"mavoes", N, "mavo"},
		{"grelves", N, "grelf"},
		{"snieves", N, "snief"},
		{"plonives", N, "plonive"},
		{"zorkmen", N, "zorkman"},
		{"blorkus", N, "blorkus"},
		{"blorkness", N, "blorkness"},
		{"zax", N, "zax"},
		{"blork", N, "blork"},
		{"e-blorks", N, "e-blork"},
		{"1990s", N, "1990s"},
		{"blork.com", N, "blork.com"},
		// verbs: -s, -ies, -ied
		{"blorks", V, "blork"},
		{"grashes", V, "grash"},
		{"glarries", V, "glarry"},
		{"glarried", V, "glarry"},
		// -ed and -ing
		{"blorked", V, "blork"},
		{"blorking", V, "blork"},
		{"Blorking", V, "blork"},
		// doubled consonants
		{"zupped", V, "zup"},
		{"zupping", V, "zup"},
		{"blodding", V, "blod"},
		{"flessing", V, "fless"},
		{"grelled", V, "grell"},
		{"zanvelling", V, "zanvel"},
		// a silent e before -ing and -ed
		{"flimed", V, "flime"},
		{"fliming", V, "flime"},
		{"snoving", V, "snove"},
		{"blaucing", V, "blauce"},
		{"dreguing", V, "dregue"},
		{"frizing", V, "frize"},
		{"vandling", V, "vandle"},
		{"crosing", V, "crose"},
		{"flurging", V, "flurge"},
		{"prolated", V, "prolate"},
		{"skreed", V, "skree"},
		{"zarbled", V, "zarble"},
		{"blorkered", V, "blorker"},
		// and none where the base has none
		{"blorkening", V, "blorken"},
		{"grashing", V, "grash"},
		{"splinting", V, "splint"},
		{"thring", V, "thring"},
		// comparatives
		{"flimmer", A, "flim"},
		{"flimmest", A, "flim"},
		{"glarier", A, "glary"},
		{"glariest", A, "glary"},
		{"snover", A, "snove"},
		{"blorker", A, "blork"},
		{"zanvelistic", A, "zanvelistic"},
		{"blorkier", R, "blorky"},
		{"zanvelover", R, "zanvelover"},
		// proper nouns keep their s, except for peoples and creeds
		{"Zorkians", P, "zorkian"},
		{"Blorkists", P, "blorkist"},
		{"Blorkites", P, "blorkite"},
		{"Grobbs", P, "grobbs"},
		{"U.S.", P, "u.s."},
		// numbers and marks
		{"5,000", parley.POSNUM, "5000"},
		{"1,234,567", parley.POSNUM, "1234567"},
		{"12,34", parley.POSNUM, "12,34"},
		{"12.5", parley.POSNUM, "12.5"},
		{"“", parley.POSPUNCT, `"`},
		{"”", parley.POSPUNCT, `"`},
		// no tag: a verb form if it ends like one, else a noun
		{"blorking", X, "blork"},
		{"blorked", X, "blork"},
		{"blorks", X, "blork"},
		{"blork", X, "blork"},
	}
	for _, tt := range tests {
		if got := Lemma(tt.word, tt.pos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.pos, got, tt.want)
		}
	}
}

// Real words, irregular or ambiguous, as the English Web Treebank lemmatises them.
func TestLemmaWords(t *testing.T) {
	tests := []struct {
		word string
		pos  parley.POS
		want string
	}{
		{"said", parley.POSVERB, "say"},
		{"went", parley.POSVERB, "go"},
		{"hoping", parley.POSVERB, "hope"},
		{"hopping", parley.POSVERB, "hop"},
		{"stopped", parley.POSVERB, "stop"},
		{"agreed", parley.POSVERB, "agree"},
		{"needed", parley.POSVERB, "need"},
		{"need", parley.POSVERB, "need"},
		{"visited", parley.POSVERB, "visit"},
		{"created", parley.POSVERB, "create"},
		{"focused", parley.POSVERB, "focus"},
		{"dying", parley.POSVERB, "die"},
		{"talks", parley.POSNOUN, "talk"},
		{"children", parley.POSNOUN, "child"},
		{"women", parley.POSNOUN, "woman"},
		{"movies", parley.POSNOUN, "movie"},
		{"wolves", parley.POSNOUN, "wolf"},
		{"crises", parley.POSNOUN, "crisis"},
		{"news", parley.POSNOUN, "news"},
		{"species", parley.POSNOUN, "species"},
		{"data", parley.POSNOUN, "data"},
		{"meeting", parley.POSNOUN, "meeting"},
		{"better", parley.POSADJ, "good"},
		{"best", parley.POSADJ, "good"},
		{"bigger", parley.POSADJ, "big"},
		{"larger", parley.POSADJ, "large"},
		{"happier", parley.POSADJ, "happy"},
		{"other", parley.POSADJ, "other"},
		{"better", parley.POSADV, "well"},
		{"later", parley.POSADV, "late"},
		{"however", parley.POSADV, "however"},
		{"U.S.", parley.POSPROPN, "u.s."},
		{"Americans", parley.POSPROPN, "american"},
		{"Texas", parley.POSPROPN, "texas"},
		{"n't", parley.POSPART, "not"},
		{"n’t", parley.POSPART, "not"},
		{"'s", parley.POSAUX, "be"},
		{"'s", parley.POSPART, "'s"},
		{"was", parley.POSAUX, "be"},
		{"ca", parley.POSAUX, "can"},
		{"wo", parley.POSAUX, "will"},
		{"me", parley.POSPRON, "i"},
		{"them", parley.POSPRON, "they"},
		{"an", parley.POSDET, "a"},
		{"said", parley.POSX, "say"},
		{"was", parley.POSX, "be"},
		{"hundred", parley.POSX, "hundred"},
		{"states", parley.POSX, "state"},
	}
	for _, tt := range tests {
		if got := Lemma(tt.word, tt.pos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.pos, got, tt.want)
		}
	}
}

func TestLemmaNoAllocation(t *testing.T) {
	words := []string{"talk", "the", "meeting", "news", "u.s.", "hundred", "however"}
	for _, w := range words {
		for _, pos := range []parley.POS{parley.POSNOUN, parley.POSX, parley.POSADV} {
			if n := testing.AllocsPerRun(100, func() { Lemma(w, pos) }); n != 0 {
				t.Errorf("Lemma(%q, %s) allocates %v times", w, pos, n)
			}
		}
	}
}

func TestLemmaConcurrent(t *testing.T) {
	words := strings.Fields("Officials said the talks were stopped after hoping for better news")
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				Lemma(words[i%len(words)], parley.POS(i%int(parley.NumPOS)))
			}
		}()
	}
	wg.Wait()
}

// TestLemmaPUD measures the lemmas on the PUD treebank (news and Wikipedia), read with its gold
// parts of speech and compared without case. The table never learns from PUD.
func TestLemmaPUD(t *testing.T) {
	path := shared.Dir(t, "bench", "ud", "en_pud-ud-test.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var total, right int
	for _, s := range sents {
		for i, w := range s.Words {
			if s.Lemmas[i] == "_" {
				continue
			}
			total++
			if Lemma(w, s.POS[i]) == strings.ToLower(s.Lemmas[i]) {
				right++
			}
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("PUD lemma accuracy %.4f (%d/%d)", acc, right, total)
	if acc < 0.99 {
		t.Errorf("PUD lemma accuracy %.4f, want at least 0.99", acc)
	}
}

func BenchmarkLemma(b *testing.B) {
	words := strings.Fields(`Ukraine's president said on Monday that the talks in Geneva had produced
		better guarantees than the officials were hoping for, and that the allies would meet again
		next week to discuss the remaining questions of troops, weapons and sanctions`)
	pos := []parley.POS{parley.POSPROPN, parley.POSNOUN, parley.POSVERB, parley.POSX}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Lemma(words[i%len(words)], pos[i%len(pos)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// The compiled index Lemma reads gives the embedded table's answers for every form the table
// holds, under every tag, and for words of its forms changed so that only the rules know them.
func TestLemmaIndexMatchesTable(t *testing.T) {
	tb, err := morph.Parse(lemmaData)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range tb {
		for f := range m {
			for _, w := range []string{f, f + "s", f + "ed", f + "ing", "x" + f} {
				for pos := parley.POS(0); pos <= parley.NumPOS; pos++ {
					if got, want := lemmas.Lemma(w, pos), tb.Lemma(w, pos); got != want {
						t.Fatalf("Lemma(%q, %s) = %q, the table says %q", w, pos, got, want)
					}
				}
			}
		}
	}
}
