package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley/segment"
)

// SplitWords splits one sentence of running text into words roughly as Universal Dependencies
// English splits them: punctuation apart, clitics apart ("don't" → "do" "n't", "Trump's" →
// "Trump" "'s"), hyphenated compounds apart ("15-year" → "15" "-" "year") except after a few
// prefixes ("e-mail", "re-elect"), and abbreviations kept whole ("U.S.", "Mr."). It is the
// stand-in for the token layer of package segment until that layer exists, and the way the
// training command reads unlabelled text.
func SplitWords(s string) []string {
	var out []string
	for _, field := range strings.FieldsFunc(s, unicode.IsSpace) {
		out = splitField(out, field)
	}
	return out
}

const openers = "\"'“‘«([{<`„"
const closers = "\"'”’»)]}>.,;:!?…"

func splitField(out []string, f string) []string {
	// Leading punctuation.
	for f != "" {
		r, size := utf8.DecodeRuneInString(f)
		if !strings.ContainsRune(openers, r) || len(f) == size {
			break
		}
		if r == '\'' || r == '’' {
			// "'90s", "'em" keep their apostrophe.
			if next, _ := utf8.DecodeRuneInString(f[size:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				break
			}
		}
		out = append(out, f[:size])
		f = f[size:]
	}
	// Trailing punctuation, kept aside to append after the word.
	var tail []string
	for f != "" {
		r, size := utf8.DecodeLastRuneInString(f)
		if !strings.ContainsRune(closers, r) || len(f) == size {
			break
		}
		// "..." stays one mark.
		if r == '.' && strings.HasSuffix(f, "...") && len(f) > 3 {
			tail = append(tail, "...")
			f = f[:len(f)-3]
			continue
		}
		if r == '.' && keepsPeriod(f) {
			break
		}
		if (r == '\'' || r == '’') && len(f) > size {
			// "students'" is the word and a possessive mark, split like "'s".
			prev, _ := utf8.DecodeLastRuneInString(f[:len(f)-size])
			if prev == 's' || prev == 'S' {
				tail = append(tail, f[len(f)-size:])
				f = f[:len(f)-size]
				break
			}
		}
		tail = append(tail, f[len(f)-size:])
		f = f[:len(f)-size]
	}
	if f != "" {
		out = splitWord(out, f)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// keepsPeriod reports whether the final period of f belongs to it: "U.S.", "Mr.", "J.".
func keepsPeriod(f string) bool {
	w := f[:len(f)-1]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "vs": true, "etc": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "no": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "mt": true, "ft": true, "rev": true, "pres": true, "dept": true, "univ": true, "approx": true,
}

var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}

var hyphenPrefixes = map[string]bool{
	"e": true, "re": true, "co": true, "un": true, "non": true, "pre": true, "anti": true, "multi": true,
	"inter": true, "counter": true, "mis": true, "ex": true, "pro": true, "post": true, "semi": true,
	"self": true, "sub": true, "mid": true, "vice": true, "over": true, "under": true, "de": true,
}

// splitWord splits clitics and hyphens inside a word without outer punctuation.
func splitWord(out []string, w string) []string {
	plain := strings.ReplaceAll(w, "’", "'")
	low := strings.ToLower(plain)
	for _, c := range clitics {
		if len(low) > len(c) && strings.HasSuffix(low, c) {
			cut := len(w) - len(c)
			if strings.Contains(w, "’") {
				// The curly apostrophe takes three bytes where ' takes one.
				cut = len(w) - len(c) - 2
			}
			if cut <= 0 {
				break
			}
			return append(splitHyphens(out, w[:cut]), w[cut:])
		}
	}
	switch low {
	case "cannot":
		return append(out, w[:3], w[3:])
	case "gonna", "wanna", "gotta":
		return append(out, w[:3], w[3:])
	}
	return splitHyphens(out, w)
}

func splitHyphens(out []string, w string) []string {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i == len(w)-1 || strings.Contains(w, "--") {
		return append(out, w)
	}
	left := w[:i]
	if hyphenPrefixes[strings.ToLower(left)] {
		return append(out, w)
	}
	out = append(out, left, "-")
	return splitHyphens(out, w[i+1:])
}

// SentenceWords splits running text into sentences of words with the token layer of package
// segment, the one every stage reads, so that `parley parse` sees text split as it is
// everywhere else in parley. (SplitWords above stays only for the training command, whose
// committed clusters and model were made with it.)
func SentenceWords(text string) [][]string {
	paras := segment.Paragraphs(text)
	sents := segment.Sentences(text, paras)
	toks := segment.Tokens(text, paras, sents, nil)
	var out [][]string
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Sent == toks[i].Sent {
			j++
		}
		words := make([]string, j-i)
		for k := range words {
			words[k] = text[toks[i+k].Start:toks[i+k].End]
		}
		out = append(out, words)
		i = j
	}
	return out
}
