package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

type tokKind uint8

const (
	tokWord  tokKind = iota
	tokPunct         // one punctuation character
	tokPoss          // possessive marker: 's, ’s, or a bare apostrophe after a plural
)

// token is a word or punctuation mark of the text. Names are matched token by token, so the
// tokeniser decides what a word boundary is: "Zelenskyy’s" is "Zelenskyy" + "’s",
// "U.S.-Ukraine" is "U.S." + "-" + "Ukraine", "Sen." keeps its full stop.
type token struct {
	text  string
	start int
	end   int
	kind  tokKind
	cap   bool  // starts with an upper-case letter
	brk   bool  // a line break or a skipped span comes before it
	sent  int32 // index of the sentence it is in
	quote bool  // inside quotation marks
	cls   uint8 // what a capitalised word is known as; see docState.classify
}

// isAbbrev reports whether w (without its full stop) is in abbrevs, ignoring case.
func isAbbrev(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	var b [6]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return abbrevs[string(b[:len(w)])]
}

// tokenize appends the tokens of text to out, leaving out the bytes inside skip (sorted,
// non-overlapping spans).
func tokenize(text string, skip []parley.Span, out []token) []token {
	si := 0
	brk := false
	i := 0
	for i < len(text) {
		for si < len(skip) && skip[si].End <= i {
			si++
		}
		if si < len(skip) && skip[si].Start <= i {
			i = skip[si].End
			brk = true
			continue
		}
		limit := len(text)
		if si < len(skip) && skip[si].Start < limit {
			limit = skip[si].Start
		}
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			j := scanWord(text, i, limit)
			out = append(out, token{text: text[i:j], start: i, end: j, kind: tokWord, cap: unicode.IsUpper(r), brk: brk})
			brk = false
			i = j
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			brk = true
			i += size
		case unicode.IsSpace(r):
			i += size
		case r == '\'' || r == '’':
			// "’s" after a word is a possessive; so is a bare apostrophe after a plural.
			j := i + size
			n := len(out)
			adjacent := n > 0 && out[n-1].end == i && out[n-1].kind == tokWord
			if adjacent && j < limit && (text[j] == 's' || text[j] == 'S') && !wordRuneAt(text, j+1, limit) {
				out = append(out, token{text: text[i : j+1], start: i, end: j + 1, kind: tokPoss})
				i = j + 1
			} else if adjacent && strings.HasSuffix(out[n-1].text, "s") && !wordRuneAt(text, j, limit) {
				out = append(out, token{text: text[i:j], start: i, end: j, kind: tokPoss})
				i = j
			} else {
				out = append(out, token{text: text[i:j], start: i, end: j, kind: tokPunct, brk: brk})
				i = j
			}
			brk = false
		default:
			out = append(out, token{text: text[i : i+size], start: i, end: i + size, kind: tokPunct, brk: brk})
			brk = false
			i += size
		}
	}
	return out
}

// scanWord returns the end of the word that starts at i.
func scanWord(text string, i, limit int) int {
	j := i
	seg := i // start of the current dot-separated segment
	for j < limit {
		c := text[j]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				j++
				continue
			case c == '.':
				w := text[seg:j]
				if isOneLetter(w) {
					// An initial or an acronym: "W.", "U.S.", "J.D.".
					j++
					seg = j
					if j < limit && wordRuneAt(text, j, limit) && !isOneLetterThenDot(text, j, limit) {
						return j
					}
					continue
				}
				if seg == i && isAbbrev(w) {
					return j + 1
				}
				return j
			case c == '\'':
				if apostropheInWord(text, j+1, limit) {
					j++
					continue
				}
			}
			return j
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += size
			continue
		}
		if r == '’' && apostropheInWord(text, j+size, limit) {
			j += size
			continue
		}
		return j
	}
	return j
}

// apostropheInWord reports whether an apostrophe whose next byte is at k joins two parts of a
// word ("O'Brien", "don't") rather than starting a possessive ("Kyiv's").
func apostropheInWord(text string, k, limit int) bool {
	if !wordRuneAt(text, k, limit) {
		return false
	}
	if (text[k] == 's' || text[k] == 'S') && !wordRuneAt(text, k+1, limit) {
		return false
	}
	return true
}

func isOneLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size > 0 && size == len(w) && unicode.IsLetter(r)
}

func isOneLetterThenDot(text string, j, limit int) bool {
	_, size := utf8.DecodeRuneInString(text[j:])
	return j+size < limit && text[j+size] == '.'
}

func wordRuneAt(text string, k, limit int) bool {
	if k >= limit || k >= len(text) {
		return false
	}
	c := text[k]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// normToken folds curly apostrophes so "O’Brien" matches "O'Brien".
func normToken(s string) string {
	if strings.IndexByte(s, 0xE2) >= 0 && strings.ContainsRune(s, '’') {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// lowerInto writes s in lower case into buf and returns it; ASCII words need no allocation.
// The result is only valid until buf is reused.
func lowerInto(s string, buf []byte) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// quoteMark classifies a quotation mark; a straight double quote toggles.
func quoteMark(s string) (open, close, toggle bool) {
	switch s {
	case "“", "„", "«":
		return true, false, false
	case "”", "»":
		return false, true, false
	case "\"":
		return false, false, true
	}
	return false, false, false
}

// markQuotes sets token.quote for tokens between quotation marks. Quotes do not run past a
// line break, so one unbalanced mark spoils one paragraph at most. A closing mark with no
// quote open opens one: pasted texts often use ” for both.
func markQuotes(toks []token) {
	in := false
	for i := range toks {
		t := &toks[i]
		if t.brk {
			in = false
		}
		if t.kind == tokPunct {
			open, close, toggle := quoteMark(t.text)
			switch {
			case open:
				in = true
				continue
			case close && in:
				in = false
				continue
			case close || toggle:
				in = !in
				continue
			}
		}
		t.quote = in
	}
}

// markSentences sets token.sent from the sentence spans (sorted). A token outside every span
// keeps the index of the sentence before it.
func markSentences(toks []token, sents []parley.Span) {
	s := 0
	for i := range toks {
		for s+1 < len(sents) && sents[s+1].Start <= toks[i].start {
			s++
		}
		toks[i].sent = int32(s)
	}
}
