package story

import (
	"embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/lexfile"
	"github.com/parleynews/parley/segment"
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

// words returns the words of s, a name, a role, a quotation or a sentence standing on its own,
// split as the documents' words are (see docWords).
func words(s string) []token {
	if s == "" {
		return nil
	}
	whole := []parley.Span{{Start: 0, End: len(s)}}
	return docWords(s, segment.Tokens(s, whole, whole, nil), 0, len(s), nil)
}

// docWords appends to out the words of text[from:to], read from toks: text's tokens as package
// segment made them, in text order. The clitics segment splits off stay words of their own,
// which content words and names leave out (see contentWord, nameTokens) while the wording of
// a quotation keeps them: 's, 're and 'll read so, with a straight apostrophe, and n't reads
// "not". Abbreviations lose their full stops (U.S. is "us"); hyphenated words split into their
// parts even where segment keeps them whole (pro-Russian); @ and # are not part of a name, nor
// an apostrophe part of an elided year ('90s); marks are no words.
func docWords(text string, toks []parley.Token, from, to int, out []token) []token {
	from, to = max(from, 0), min(to, len(text))
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= from })
	for ; k < len(toks) && toks[k].Start < to; k++ {
		t := &toks[k]
		if t.End > to || t.Start >= t.End || t.Kind != parley.TokenWord && t.Kind != parley.TokenNumber {
			continue
		}
		if k > 0 && toks[k-1].End == t.Start && (toks[k-1].Kind == parley.TokenWord || toks[k-1].Kind == parley.TokenNumber) {
			// A piece of the word before it: n't, 's, 're (the na of gonna is a word of its own).
			switch s := text[t.Start:t.End]; {
			case s == "n't" || s == "n’t" || s == "N'T" || s == "N’T" || s == "nt" || s == "NT":
				out = append(out, token{start: t.Start, end: t.End, lower: "not"})
				continue
			case s[0] == '\'' || strings.HasPrefix(s, "’"):
				if hasLetter(s) { // not the lone apostrophe of leaders'
					out = append(out, token{start: t.Start, end: t.End, lower: "'" + fold(strings.TrimLeft(s, "'’"))})
				}
				continue
			}
		}
		start := t.Start
		for start < t.End && (text[start] == '@' || text[start] == '#' || text[start] == '\'') {
			start++
		}
		if strings.HasPrefix(text[start:t.End], "’") {
			start += len("’")
		}
		if t.Kind == parley.TokenWord {
			for {
				h := strings.IndexByte(text[start:t.End], '-')
				if h <= 0 || start+h+1 >= t.End {
					break
				}
				out = appendWord(out, text, start, start+h)
				start += h + 1
			}
		}
		if start < t.End {
			out = appendWord(out, text, start, t.End)
		}
	}
	return out
}

func appendWord(out []token, text string, start, end int) []token {
	w := text[start:end]
	r, _ := utf8.DecodeRuneInString(w)
	lower := fold(w)
	if strings.IndexByte(lower, '.') >= 0 && !unicode.IsDigit(r) {
		lower = strings.ReplaceAll(lower, ".", "")
	}
	if strings.Contains(lower, "’") {
		lower = strings.ReplaceAll(lower, "’", "'")
	}
	if lower == "" {
		return out
	}
	return append(out, token{start: start, end: end, lower: lower, upper: unicode.IsUpper(r)})
}

// hasLetter reports whether s holds a letter: a number in any notation (2,000, 9/11, 3.5) has
// none.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// contentWord reports whether a folded token carries meaning for grouping: not a stop word, a
// clitic or a number, at least three letters.
func contentWord(w string) bool {
	return len(w) >= 3 && w[0] != '\'' && hasLetter(w) && !stopWords[w]
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
	for i, t := range words(sentence) {
		if i == 0 || !t.upper || len(t.lower) < 2 || !hasLetter(t.lower) || stopWords[t.lower] || roleWords[t.lower] {
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
	toks := words(name)
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
		if anyUpper && !t.upper || len(t.lower) < 2 || t.lower[0] == '\'' || nameNoise[t.lower] || nameTitles[t.lower] {
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
