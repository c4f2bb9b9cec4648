package syntax

import (
	_ "embed"
	"fmt"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax/internal/morph"
)

// The table is rebuilt from the treebank beside the repository and WordNet 3.0 as Debian's
// wordnet-base package installs it (apt-get install wordnet-base).
//
//go:generate go run ./internal/genlemma -ud ../../shared/bench/ud -wordnet /usr/share/wordnet -o data/lemmas.txt

// lemmaData is the table of forms the suffix rules get wrong, learnt from the English Web
// Treebank and WordNet by internal/genlemma.
//
//go:embed data/lemmas.txt
var lemmaData string

// lemmas is the table compiled for lookup: Lemma is called for nearly every word of every
// document, most of them words the table does not hold.
var lemmas = func() *morph.Index {
	t, err := morph.Parse(lemmaData)
	if err != nil {
		// The table is part of the program, not input: a broken one is a broken build, which
		// every test of this package reports.
		panic(fmt.Sprintf("syntax: embedded lemma table: %v", err))
	}
	return t.Index()
}()

// Lemma returns the lemma of a word read as the part of speech pos, in lower case, as the
// Universal Dependencies English treebanks lemmatise: "said" as a verb is "say", "talks" as a
// noun "talk", "better" as an adjective "good", "n't" "not", "'s" as an auxiliary "be", "U.S."
// "u.s.". Irregular and ambiguous forms come from a table learnt from the English Web
// Treebank and WordNet; every other word goes by suffix rules, so an unknown word still loses
// its regular endings (doubled consonants, -ies, -ves, a silent e before -ing and -ed).
//
// A word without a tag (parley.POSX) takes its most frequent reading where the table knows it
// ("said" is "say", "during" "during"), else its entry as a verb, then as a noun; the rules
// read it as a verb if it ends in -ing or -ed and as a noun otherwise. Lemma does not allocate
// when the lemma is the word itself, already in lower case, and is safe for concurrent use.
func Lemma(word string, pos parley.POS) string {
	return lemmas.Lemma(morph.Fold(word), pos)
}
