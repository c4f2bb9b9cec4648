// Package morph holds what syntax.Lemma knows of English inflection: suffix rules for the
// regular forms, and the table of forms the rules get wrong. The generator of that table
// (syntax/internal/genlemma) reads words through the same code as Lemma does, so the table
// holds exactly the forms whose lemma the rules would not find.
package morph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// Table maps forms to lemmas, one map per part of speech, for the forms the rules miss. A
// Table is read-only once built, so one may serve any number of goroutines.
type Table [parley.NumPOS]map[string]string

// Lemma returns the lemma of the folded word w (see Fold) read as pos: the table's entry for
// pos, else, for an auxiliary, the verb's; for a word without a tag, its entry as a verb, then
// as a noun; else the suffix rules.
func (t *Table) Lemma(w string, pos parley.POS) string {
	if pos >= parley.NumPOS {
		pos = parley.POSX
	}
	if l, ok := t.lookup(w, pos); ok {
		return l
	}
	return Rules(w, pos)
}

// Fold lower-cases a word and writes typographic apostrophes and quotation marks as ASCII
// ones, so "Said", "SAID" and "said" share one entry and "n’t" reads as "n't". A word that is
// already folded is returned as it is, without allocating.
func Fold(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.Map(foldRune, word)
		}
	}
	return word
}

func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	}
	return unicode.ToLower(r)
}

// Rules returns the lemma of the folded word w read as pos by suffix rules alone: plural
// nouns, inflected verbs, comparative adjectives and adverbs lose their endings; numbers lose
// the commas of their thousands; every other word is its own lemma. A word without a tag is
// read as a verb if it ends like one (-ing, -ed) and as a noun otherwise.
func Rules(w string, pos parley.POS) string {
	if !plainWord(w) {
		if pos == parley.POSNUM {
			return number(w)
		}
		return w
	}
	switch pos {
	case parley.POSNOUN:
		return noun(w)
	case parley.POSVERB, parley.POSAUX:
		return verb(w)
	case parley.POSADJ:
		return comparative(w)
	case parley.POSADV:
		// Few adverbs compare with -er (the table lists those: faster, sooner, later); most
		// that end in it are whole words: however, whenever, neither.
		if n := len(w); n > 4 && strings.HasSuffix(w, "ier") {
			return w[:n-3] + "y" // earlier
		} else if n > 5 && strings.HasSuffix(w, "iest") {
			return w[:n-4] + "y"
		}
		return w
	case parley.POSPROPN:
		return properNoun(w)
	case parley.POSX:
		if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
			return verb(w)
		}
		return noun(w)
	}
	return w
}

// plainWord reports whether w is made of ASCII letters and inner hyphens only: the words
// that inflect. Numbers, addresses, abbreviations with dots and words with apostrophes are
// their own lemmas.
func plainWord(w string) bool {
	if w == "" || w[0] == '-' || w[len(w)-1] == '-' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

// number writes 5,000 as 5000, as the treebank's lemmas do; anything else is kept.
func number(w string) string {
	i := strings.IndexByte(w, ',')
	if i < 1 || i > 3 || !digits(w[:i]) {
		return w
	}
	for rest := w[i:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != ',' || !digits(rest[1:4]) {
			return w
		}
	}
	return strings.ReplaceAll(w, ",", "")
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// noun returns the singular of a regular plural.
func noun(w string) string {
	n := len(w)
	if n > 0 && w[n-1] != 's' && w[n-1] != 'n' {
		return w // every rule below takes an -s or an -en away; most words have neither
	}
	switch {
	case n <= 3 || hasAnySuffix(w, "ss", "us", "is", "ous"):
		return w
	case n > 4 && strings.HasSuffix(w, "men"):
		return w[:n-3] + "man" // policemen, women
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y" // countries; pies and ties are too short to be -y words
	case strings.HasSuffix(w, "ves"):
		return fPlural(w)
	case hasAnySuffix(w, "xes", "ches", "shes", "sses", "zzes", "oes"):
		return w[:n-2] // taxes, churches, wishes, heroes
	case strings.HasSuffix(w, "s"):
		return w[:n-1] // talks, cases, days
	}
	return w
}

// fPlural reads a plural in -ves. Most are plurals of -ve words (motives, waves); the f
// plurals follow a few endings (wolves, thieves, leaves, scarves, loaves).
func fPlural(w string) string {
	n := len(w)
	switch {
	case n > 5 && hasAnySuffix(w, "elves", "olves", "alves"):
		return w[:n-3] + "f"
	case hasAnySuffix(w, "ieves", "eaves", "arves", "oaves"):
		return w[:n-3] + "f"
	}
	return w[:n-1]
}

// properNoun keeps names as they are (Texas, Reuters, Jones) but reads the plural of a
// people's or a creed's name as its singular: Americans, Israelis, Marxists, Shiites.
func properNoun(w string) string {
	n := len(w)
	switch {
	case n > 5 && hasAnySuffix(w, "ans", "ists", "ites", "qis"):
		return w[:n-1]
	case n > 5 && strings.HasSuffix(w, "lis") && isVowel(w[n-4]):
		return w[:n-1]
	}
	return w
}

// verb returns the base form of a regular verb form: -s, -ed, -ing.
func verb(w string) string {
	n := len(w)
	if c := w[n-1]; c != 's' && c != 'd' && c != 'g' {
		return w // every rule below takes an -s, -d or -ing away
	}
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y" // carries; dies and lies are die and lie
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y" // carried; died and lied are die and lie
	case n > 4 && strings.HasSuffix(w, "ing"):
		s := w[:n-3]
		if !hasVowel(s) {
			return w // sing, bring, string
		}
		if len(s) == 2 && s[1] == 'y' {
			return s[:1] + "ie" // dying, lying, tying
		}
		if l, ok := undouble(s); ok {
			return l
		}
		if needsE(s) {
			return s + "e"
		}
		return s
	case n > 3 && strings.HasSuffix(w, "ed"):
		s := w[:n-2]
		if !hasVowel(s) {
			return w // shed, bred: short words that are no -ed forms
		}
		if strings.HasSuffix(s, "e") {
			return w[:n-1] // agreed, freed
		}
		if l, ok := undouble(s); ok {
			return l
		}
		if needsE(s) {
			return w[:n-1] // hoped, used: the e and the d are the form's own
		}
		return s
	case n > 3 && hasAnySuffix(w, "xes", "ches", "shes", "sses", "zzes", "oes"):
		return w[:n-2] // fixes, reaches, pushes, passes, goes
	case n > 3 && strings.HasSuffix(w, "s") && !hasAnySuffix(w, "ss", "us", "is", "as"):
		return w[:n-1]
	}
	return w
}

// comparative returns the positive of a comparative or superlative: bigger, latest, happier.
// Only short words compare with -er and -est, so longer ones are kept: slender, modest.
func comparative(w string) string {
	n := len(w)
	var s string
	switch {
	case n > 5 && strings.HasSuffix(w, "iest"):
		return w[:n-4] + "y"
	case n > 4 && strings.HasSuffix(w, "ier"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "est"):
		s = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "er"):
		s = w[:n-2]
	default:
		return w
	}
	if !hasVowel(s) || syllables(s) > 2 {
		return w
	}
	if strings.HasSuffix(s, "e") {
		return s + "e" // freer, freest
	}
	if l, ok := undouble(s); ok {
		return l
	}
	if needsE(s) {
		return s + "e"
	}
	return s
}

// undouble reads a stem that ends in a doubled consonant, as in stopping, admitted, bigger:
// the base has one consonant, except for the endings that English doubles in the base itself
// (call, miss, stuff, buzz). A -ll after e or o in a longer word is the British doubling of
// travel, cancel and control.
func undouble(s string) (string, bool) {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] || isVowel(s[n-1]) || s[n-1] == 'y' || s[n-1] == 'w' {
		return "", false
	}
	switch s[n-1] {
	case 'l':
		if syllables(s) > 1 && (s[n-3] == 'e' || s[n-3] == 'o') && !isVowel(s[n-4]) {
			return s[:n-1], true
		}
		return s, true
	case 's', 'f', 'z':
		return s, true
	}
	return s[:n-1], true
}

// needsE reports whether a stem left by -ing, -ed, -er or -est lost a silent e: hoping is
// hope (hop would be hopping), moving is move, creating create, judging judge, handling
// handle. Words the rules read wrongly are the table's to correct.
func needsE(s string) bool {
	n := len(s)
	c, p := s[n-1], s[n-2]
	single := isVowel(p) && (n == 2 || !isVowel(s[n-3]) || s[n-3] == 'u' && n > 3 && s[n-4] == 'q')
	cvc := single && !isVowel(c) && c != 'w' && c != 'x' && c != 'y'
	mono := syllables(s) == 1
	switch c {
	case 'v', 'u', 'c':
		return true // no English word ends in v; argue, continue; force, reduce
	case 'z':
		return p != 'z' && p != 't' // organize, seize, but waltz
	case 's':
		return p != 's' // use, cause, release, promise, sense, collapse
	case 'g':
		switch p {
		case 'r', 'd', 'l':
			return true // urge, judge, bulge
		case 'n':
			return strings.HasSuffix(s, "eng") || n >= 5 && strings.HasSuffix(s, "ang") // challenge, change
		}
		return cvc // age, manage, oblige: a verb in -g after one vowel doubles it (shrugging)
	case 'l':
		if !isVowel(p) && p != 'l' && p != 'r' && p != 'w' && p != 'y' {
			return true // handle, settle, enable
		}
		return cvc && (mono || p == 'u' || p == 'i' || p == 'o') // rule, schedule, compile, console
	case 'r':
		if cvc && (p == 'u' || p == 'i' || p == 'a') {
			return true // secure, require, declare
		}
		return cvc && mono // store, bore
	case 't':
		if cvc && (p == 'a' || p == 'u') {
			return true // create, update, contribute
		}
		return cvc && mono // vote, cite
	case 'd', 'k', 'm':
		return cvc // decide, explode, invoke, consume
	case 'n', 'b':
		return cvc && (mono || p == 'i') // phone, combine, describe
	}
	return cvc && mono
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) || s[i] == 'y' && i > 0 {
			return true
		}
	}
	return false
}

// syllables counts the groups of vowels in s, y after a consonant counting as one.
func syllables(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i]) || s[i] == 'y' && i > 0 && !isVowel(s[i-1])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
