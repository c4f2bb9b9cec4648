package story

import (
	"embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley/internal/lexfile"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// token is one word of a text with its byte offsets; lower is folded (lower case, no accents).
type token struct {
	start, end int
	lower      string
	upper      bool // the word begins with a capital letter
}

// fold lower-cases s and strips accents, so that "Zelenskyy" and "Zelenskyý" or "Élysée" and
// "Elysee" compare equal.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		// A transformer chain keeps state, so one is made per call rather than shared.
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
	}
	return strings.ToLower(s)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// words splits text[from:to] into tokens: runs of letters and digits. Apostrophes and hyphens
// split words ("Ukraine’s" gives "Ukraine" and "s"), which is what term matching wants.
func words(text string, from, to int, out []token) []token {
	if from < 0 {
		from = 0
	}
	if to > len(text) {
		to = len(text)
	}
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		for i < to {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += n
		}
		out = append(out, token{start: start, end: i, lower: fold(text[start:i]), upper: upper})
	}
	return out
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// contentWord reports whether a folded token carries meaning for grouping: not a stop word, not
// a number, at least three letters.
func contentWord(w string) bool {
	return len(w) >= 3 && !allDigits(w) && !stopWords[w]
}

// stopWords are function words and words so common in news text that they say nothing about
// which story a document belongs to.
var stopWords = vocab.Set("stopWords")

// roleWords are titles and generic words that begin with a capital in news prose but name no
// place or thing of their own, so two reports sharing them share nothing.
var roleWords = vocab.Set("roleWords")

// The word lists of the builder (data/words.txt, in the format of internal/lexfile).
//
//go:embed data/words.txt
var dataFS embed.FS

var vocab = lexfile.MustRead(dataFS, "data/words.txt")

// capsTerms returns the folded words of a sentence that begin with a capital letter and are
// neither stop words nor titles: the names of places, buildings and things that let two reports
// of one event recognise each other ("Oval Office", "Alaska"). The first word is left out: it
// has a capital because it comes first.
func capsTerms(sentence string) map[string]bool {
	out := map[string]bool{}
	for i, t := range words(sentence, 0, len(sentence), nil) {
		if i == 0 || !t.upper || len(t.lower) < 2 || allDigits(t.lower) || stopWords[t.lower] || roleWords[t.lower] {
			continue
		}
		out[t.lower] = true
	}
	return out
}

// --- names ---------------------------------------------------------------------------------

// nameTitles are titles that may stand before a name; what precedes them ("Ukrainian", "U.S.
// Vice") qualifies the title, not the person.
var nameTitles = vocab.Set("nameTitles")

// nameNoise are words that may stand in an actor's name without telling who it is.
var nameNoise = vocab.Set("nameNoise")

// nameTokens folds a name into its identifying words: "Ukrainian President Volodymyr
// Zelenskyy" gives [volodymyr zelenskyy]. Names as the text wrote them may carry lower-case
// words of the sentence ("the talks followed Trump"); when a name has capitalised words, only
// those count.
func nameTokens(name string) []string {
	toks := words(name, 0, len(name), nil)
	start := 0
	for i, t := range toks {
		if nameTitles[t.lower] && i+1 < len(toks) {
			start = i + 1
		}
	}
	toks = toks[start:]
	anyUpper := false
	for _, t := range toks {
		anyUpper = anyUpper || t.upper
	}
	var out []string
	for _, t := range toks {
		if anyUpper && !t.upper || len(t.lower) < 2 || nameNoise[t.lower] || nameTitles[t.lower] {
			continue
		}
		out = append(out, t.lower)
	}
	return out
}

// collapse removes doubled letters, so transliterations such as "Zelenskyy" and "Zelensky"
// meet.
func collapse(s string) string {
	var b strings.Builder
	var prev rune
	for i, r := range s {
		if i > 0 && r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// sameWord compares two folded name words allowing one letter of difference in long words
// ("zelenskiy", "zelensky"): transliterations of one name differ that little.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	a, b = collapse(a), collapse(b)
	if a == b {
		return true
	}
	if len(a) < 6 || len(b) < 6 {
		return false
	}
	return editDistanceAtMostOne(a, b)
}

func editDistanceAtMostOne(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// compatibleFirst reports whether two given names can be the same person's: equal, or one an
// initial or prefix of the other ("J" and "JD").
func compatibleFirst(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) || sameWord(a, b)
}
