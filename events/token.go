package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tkWord  = iota
	tkPoss  // the possessive 's or a bare apostrophe after a plural
	tkPunct // any other mark
)

// token is one word or mark of a sentence, with byte offsets into the document text.
type token struct {
	start, end int
	kind       int
	text       string // as written
	low        string // lower case
	cap        bool   // starts with an upper-case letter
	lemma      string // verb or noun base form, filled in by the tagger
}

// tokenize splits text[start:end] into tokens. It scans bytes and never allocates more than the
// token slice and the lower-case forms of words that have upper-case letters.
func tokenize(text string, start, end int, toks []token) []token {
	i := start
	for i < end {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= 0x80 {
			r, size = utf8.DecodeRuneInString(text[i:end])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		if isWordRune(r) {
			j := i + size
			for j < end {
				d := text[j]
				if d < 0x80 {
					if isAlnum(d) {
						j++
						continue
					}
					// Thousands separators keep a number whole: "2,000 workers", not "000 workers".
					if d == ',' && isDigit(text[i]) && isDigit(text[j-1]) && j+3 < end &&
						isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) && (j+4 >= end || !isAlnum(text[j+4])) {
						j += 4
						continue
					}
					// Internal marks that keep a word whole: U.S., al-Assad, AT&T, O'Neill.
					if (d == '.' || d == '-' || d == '&' || d == '\'') && j+1 < end && isAlnum(text[j+1]) {
						if d == '\'' && (text[j+1] == 's' || text[j+1] == 'S') && (j+2 >= end || !isAlnum(text[j+2])) {
							break // possessive 's
						}
						if d == '.' && !(j-i == 1 || text[j-2] == '.') {
							break // a full stop inside "end.Next" is not an initialism
						}
						j += 2
						continue
					}
					// Keep the final dot of an initialism: U.S. U.N.
					if d == '.' && j-i >= 3 && text[j-2] == '.' {
						j++
					}
					break
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:end])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if r2 == '’' && j+s2 < end && isAlnum(text[j+s2]) {
					if (text[j+s2] == 's' || text[j+s2] == 'S') && (j+s2+1 >= end || !isAlnum(text[j+s2+1])) {
						break
					}
					j += s2 + 1
					continue
				}
				break
			}
			toks = append(toks, makeWord(text, i, j))
			i = j
			continue
		}
		// Possessives: 's, ’s, and a bare apostrophe after a plural.
		if c == '\'' || r == '’' {
			if i+size < end && (text[i+size] == 's' || text[i+size] == 'S') && (i+size+1 >= end || !isAlnum(text[i+size+1])) && len(toks) > 0 && toks[len(toks)-1].end == i {
				toks = append(toks, token{start: i, end: i + size + 1, kind: tkPoss, text: text[i : i+size+1], low: "'s"})
				i += size + 1
				continue
			}
			if len(toks) > 0 && toks[len(toks)-1].end == i && toks[len(toks)-1].kind == tkWord && strings.HasSuffix(toks[len(toks)-1].low, "s") {
				toks = append(toks, token{start: i, end: i + size, kind: tkPoss, text: text[i : i+size], low: "'s"})
				i += size
				continue
			}
		}
		// Runs of the same dash count as one mark.
		j := i + size
		if c == '-' {
			for j < end && text[j] == '-' {
				j++
			}
		}
		p := text[i:j]
		toks = append(toks, token{start: i, end: j, kind: tkPunct, text: p, low: p})
		i = j
	}
	return toks
}

func makeWord(text string, i, j int) token {
	w := text[i:j]
	t := token{start: i, end: j, kind: tkWord, text: w, low: w}
	r, _ := utf8.DecodeRuneInString(w)
	t.cap = unicode.IsUpper(r)
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			t.low = lowerFold(w)
			break
		}
	}
	return t
}

// lowerFold lower-cases a word and writes typographic apostrophes as plain ones.
func lowerFold(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordRune(r rune) bool {
	if r < 0x80 {
		return isAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
