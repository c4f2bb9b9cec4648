package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

type tokKind uint8

const (
	tokWord  tokKind = iota
	tokPunct         // one punctuation character
	tokPoss          // possessive marker: 's, ’s, or a bare apostrophe after a plural
)

// token is a word or punctuation mark of the text, made from the document's tokens. Names are
// matched token by token, so these decide what a word boundary is: "Zelenskyy’s" is
// "Zelenskyy" + "’s", "U.S.-Ukraine" is "U.S." + "-" + "Ukraine", "Sen." keeps its full stop.
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

// keepsStop reports whether the word w keeps the full stop that follows it: an initial or an
// acronym ("W.", "U.S.", "J.D.") or a word of abbrevs. Other stops stand apart, wherever the
// sentence ends, so that "(D-Wis.)" reads Wis + . as the party patterns expect.
func keepsStop(w string) bool {
	last := w[strings.LastIndexByte(w, '.')+1:]
	r, size := utf8.DecodeRuneInString(last)
	return (size > 0 && size == len(last) && unicode.IsLetter(r)) || isAbbrev(w)
}

// tokenize makes the tokens of a string (a name, a title phrase) as those of a document are
// made, so that the two match token by token.
func tokenize(s string) []token {
	return fromSegment(s, segment.Tokens(s, nil, nil, nil), nil, nil)
}

// fromSegment turns the tokens package segment made of text (skip: the spans it left out) into
// the recogniser's tokens, appended to out. Segment splits as the treebank does; names are
// matched on writers' words, so the pieces of one word are joined again (do + n't, can + not),
// except the possessive 's and the apostrophe after a plural, which become tokPoss. A full stop
// stays with its word as keepsStop says, whether or not it ends a sentence.
func fromSegment(text string, toks []parley.Token, skip []parley.Span, out []token) []token {
	si := 0
	prevEnd := 0
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		if t.Start < prevEnd || t.End > len(text) {
			continue
		}
		// A line break or a skipped span before the token.
		brk := lineBreakIn(text[prevEnd:t.Start])
		for si < len(skip) && skip[si].End <= prevEnd {
			si++
		}
		if si < len(skip) && skip[si].Start < t.Start {
			brk = true
		}
		s := text[t.Start:t.End]
		n := len(out)
		glued := n > 0 && out[n-1].end == t.Start && out[n-1].kind == tokWord
		switch {
		case glued && (t.Kind == parley.TokenWord || t.Kind == parley.TokenQuote) && possessive(s, out[n-1].text):
			out = append(out, token{text: s, start: t.Start, end: t.End, kind: tokPoss})
			prevEnd = t.End
			continue
		case t.Kind != parley.TokenWord && t.Kind != parley.TokenNumber:
			out = append(out, token{text: s, start: t.Start, end: t.End, kind: tokPunct, brk: brk})
			prevEnd = t.End
			continue
		}
		start := t.Start
		// A handle's @ and a hashtag's # stand apart: @POTUS is POTUS.
		for start < t.End && (text[start] == '@' || text[start] == '#') {
			out = append(out, token{text: text[start : start+1], start: start, end: start + 1, kind: tokPunct, brk: brk})
			brk = false
			start++
		}
		if start == t.End {
			prevEnd = t.End
			continue
		}
		end := t.End
		for k+1 < len(toks) {
			nx := &toks[k+1]
			ns := text[nx.Start:min(nx.End, len(text))]
			if nx.Start != end || !wordRuneBefore(text, end) {
				break
			}
			if (nx.Kind == parley.TokenWord || nx.Kind == parley.TokenNumber) && !possessive(ns, text[start:end]) &&
				(wordRuneAt(text, nx.Start, nx.End) || ns[0] == '\'' || strings.HasPrefix(ns, "’")) {
				// n't, 're, the na of gonna, the pm of 3pm.
				end = nx.End
				k++
				continue
			}
			if ns == "." && keepsStop(text[start:end]) {
				end = nx.End
				k++
			}
			break
		}
		// Hyphens that segment kept inside a word (pro-Russian, anti-NATO, co-director) split
		// it here: the names are in its parts.
		for {
			h := strings.IndexByte(text[start:end], '-')
			if h <= 0 || start+h+1 >= end {
				break
			}
			out = appendWord(out, text, start, start+h, brk)
			out = append(out, token{text: "-", start: start + h, end: start + h + 1, kind: tokPunct})
			brk = false
			start += h + 1
		}
		if end-start > 1 && text[end-1] == '.' && !keepsStop(text[start:end-1]) {
			// A full stop segment gave to an abbreviation this recogniser does not know.
			out = appendWord(out, text, start, end-1, brk)
			out = append(out, token{text: ".", start: end - 1, end: end, kind: tokPunct})
		} else {
			out = appendWord(out, text, start, end, brk)
		}
		prevEnd = end
	}
	return out
}

func appendWord(out []token, text string, start, end int, brk bool) []token {
	r, _ := utf8.DecodeRuneInString(text[start:end])
	return append(out, token{text: text[start:end], start: start, end: end, kind: tokWord, cap: unicode.IsUpper(r), brk: brk})
}

// possessive reports whether s, glued to the word before, is its possessive marker: 's, ’s,
// or a lone apostrophe after a plural.
func possessive(s, before string) bool {
	switch s {
	case "'s", "'S", "’s", "’S":
		return true
	case "'", "’":
		return strings.HasSuffix(before, "s") || strings.HasSuffix(before, "S")
	}
	return false
}

// lineBreakIn reports whether s holds a line or paragraph break.
func lineBreakIn(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xE2:
			if strings.HasPrefix(s[i:], "\u2028") || strings.HasPrefix(s[i:], "\u2029") {
				return true
			}
		}
	}
	return false
}

func wordRuneBefore(text string, k int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:k])
	return isWordRune(r)
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
