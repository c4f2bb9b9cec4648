package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

type tokKind uint8

const (
	kWord  tokKind = iota // letters and digits, with inner hyphens, apostrophes and dots
	kPunct                // one punctuation rune
	kQuote                // a whole quoted stretch, marks included
)

type tokFlag uint8

const (
	fCap       tokFlag = 1 << iota // starts with an upper-case letter
	fAllCap                        // two or more letters, all upper case
	fPoss                          // a possessive: Trump’s, leaders’
	fParaStart                     // first token of a paragraph
	fDigit                         // starts with a digit
)

// token is a word, a punctuation mark or a collapsed quotation. Collapsing quotations lets the
// attribution patterns see “…,” he said as three tokens, however many sentences the quote holds.
type token struct {
	s, e int
	low  string // lower-cased (ASCII) text, for the lexicon; "" for quotations
	k    tokKind
	f    tokFlag
	seg  int32 // index of the quotation, for kQuote
}

func (t *token) is(f tokFlag) bool { return t.f&f != 0 }

// lowerASCII returns text with ASCII letters lower-cased; byte offsets stay the same.
func lowerASCII(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			// One copy of the text, made in the Builder's own buffer, not a byte slice first.
			var b strings.Builder
			b.Grow(len(text))
			b.WriteString(text[:i])
			for j := i; j < len(text); j++ {
				c := text[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			return b.String()
		}
	}
	return text
}

// contractionBase are words whose ’s is "is" or "has" or "us".
var contractionBase = map[string]bool{"it": true, "that": true, "there": true, "here": true, "what": true,
	"who": true, "he": true, "she": true, "let": true, "where": true, "how": true, "this": true}

// tokenize makes the analyzer's tokens from the document's tokens (stoks, as package segment
// made them) over the live paragraphs. Each quotation becomes one token. A word is what the
// writer glued together, as the lexicon and the patterns read words: segment's pieces of one
// word (do + n't, Trump + 's, long + - + term) are joined again, and other marks count one rune
// each. Quotation marks that pair with nothing stay marks, except a double apostrophe, which is
// dropped, as the PolNeAR scorer reads it as the two apostrophes it is made of; bullets of
// asterisks go too.
// The tokens are appended to buf, which may be a buffer of an earlier call.
func tokenize(text, low string, stoks []parley.Token, quots []segment.Quotation, paras []parley.Span, buf []token) []token {
	toks := slices.Grow(buf[:0], len(stoks)+8)
	qi, pi := 0, 0
	resume := 0   // end of the last collapsed quotation
	flagged := -1 // the paragraph whose first token has been emitted
	for k := 0; k < len(stoks); k++ {
		st := &stoks[k]
		if st.Start < resume {
			continue
		}
		for pi < len(paras) && paras[pi].End <= st.Start {
			pi++
		}
		if pi >= len(paras) || st.Start < paras[pi].Start || st.End > len(text) {
			continue
		}
		paraStart := false
		if pi != flagged {
			paraStart = resume <= paras[pi].Start
		}
		n := len(toks)
		for qi < len(quots) && quots[qi].Open < k {
			qi++
		}
		switch {
		case qi < len(quots) && quots[qi].Open == k:
			q := quots[qi]
			toks = append(toks, token{s: st.Start, e: max(q.End, st.End), k: kQuote, seg: int32(qi)})
			resume = q.End
			qi++
		case st.Kind == parley.TokenWord || st.Kind == parley.TokenNumber:
			toks, k = appendWord(toks, text, low, stoks, k)
		default:
			s := text[st.Start:st.End]
			if s == "''" || strings.Trim(s, "*_") == "" {
				continue
			}
			toks = appendMarks(toks, low, st.Start, st.End)
		}
		if len(toks) > n {
			flagged = pi
			if paraStart {
				toks[n].f |= fParaStart
			}
		}
	}
	return toks
}

// appendMarks adds the runes of text[s:e] as punctuation tokens, one each.
func appendMarks(toks []token, low string, s, e int) []token {
	for i := s; i < e; {
		_, w := utf8.DecodeRuneInString(low[i:e])
		toks = append(toks, token{s: i, e: i + w, low: low[i : i+w], k: kPunct})
		i += w
	}
	return toks
}

// appendWord adds the word that starts with segment token k, joined with the pieces glued to it,
// and returns the tokens and the index of the word's last piece.
func appendWord(toks []token, text, low string, stoks []parley.Token, k int) ([]token, int) {
	s, e := stoks[k].Start, stoks[k].End
	// Marks before the first letter or digit stand alone: '90s, #hashtag, @handle.
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if isAlnum(r) {
			break
		}
		toks = appendMarks(toks, low, s, s+w)
		s += w
	}
	if s == e {
		return toks, k
	}
	last := k
	poss := false
	for last+1 < len(stoks) {
		b := &stoks[last+1]
		if b.Start != e || !endsAlnum(text[s:e]) {
			break
		}
		bs := text[b.Start:b.End]
		switch {
		case b.Kind == parley.TokenWord && (startsAlnum(bs) || isClitic(bs)):
			// do + n't, Trump + 's, gon + na, 3 + pm; the lone apostrophe of leaders'.
			poss = isApostrophe(bs)
			e, last = b.End, last+1
			continue
		case b.Kind == parley.TokenNumber && startsAlnum(bs):
			e, last = b.End, last+1
			continue
		case (bs == "-" || bs == "&") && last+2 < len(stoks):
			c := &stoks[last+2]
			if c.Start == b.End && (c.Kind == parley.TokenWord || c.Kind == parley.TokenNumber) &&
				startsAlnum(text[c.Start:c.End]) {
				e, last = c.End, last+2
				continue
			}
		case bs == "." && (initial(text[s:e]) || strings.Contains(text[s:e], ".")):
			// U.S at the end of a sentence keeps its full stop here, as inside one.
			e, last = b.End, last+1
		}
		break
	}
	t := token{s: s, e: e, k: kWord, low: low[s:e]}
	r, _ := utf8.DecodeRuneInString(text[s:e])
	if isUpper(r) {
		t.f |= fCap
	} else if isDigit(r) {
		t.f |= fDigit
	}
	letters, uppers := 0, 0
	for _, c := range text[s:e] {
		if isLetter(c) {
			letters++
			if isUpper(c) {
				uppers++
			}
		}
	}
	if letters >= 2 && uppers == letters {
		t.f |= fAllCap
	}
	word := text[s:e]
	switch {
	case strings.HasSuffix(word, "’s") || strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’S") || strings.HasSuffix(word, "'S"):
		// it’s, that’s, he’s are "is", not possessives.
		base := strings.TrimSuffix(strings.TrimSuffix(word[:len(word)-1], "’"), "'")
		if !contractionBase[low[s:s+len(base)]] {
			t.f |= fPoss
		}
	case poss:
		// Plural possessive: leaders’ meeting.
		t.f |= fPoss
	}
	return append(toks, t), last
}

func startsAlnum(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isAlnum(r)
}

func endsAlnum(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isAlnum(r)
}

// isClitic reports whether s is an apostrophe, alone or before letters ('s, ’re).
func isClitic(s string) bool {
	return strings.HasPrefix(s, "'") || strings.HasPrefix(s, "’")
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

// initial reports whether s is one capital letter.
func initial(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	return w == len(s) && isUpper(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}
