package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

type tokKind uint8

const (
	kWord  tokKind = iota // letters and digits, with inner hyphens, apostrophes and dots
	kPunct                // one punctuation rune, or '' used as a quote mark
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
	seg  int32 // index of the segment, for kQuote
}

func (t *token) is(f tokFlag) bool { return t.f&f != 0 }

// lowerASCII returns text with ASCII letters lower-cased; byte offsets stay the same.
func lowerASCII(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b := []byte(text)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

// abbrevDot lists words that keep a following full stop: titles and common abbreviations.
var abbrevDot = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"prof": true, "rev": true, "hon": true, "sec": true, "pres": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "amb": true, "supt": true, "insp": true, "det": true, "atty": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "no": true, "gov't": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
}

// contractionBase are words whose ’s is "is" or "has" or "us".
var contractionBase = map[string]bool{"it": true, "that": true, "there": true, "here": true, "what": true,
	"who": true, "he": true, "she": true, "let": true, "where": true, "how": true, "this": true}

// tokenize turns the live paragraphs into tokens. Quotation segments become single tokens;
// citation markers ("[3]") and markdown emphasis vanish.
func tokenize(text, low string, paras []parley.Span, segs []qseg) []token {
	toks := make([]token, 0, len(text)/5+8)
	si := 0
	resume := 0
	for _, p := range paras {
		i := p.Start
		if i < resume {
			i = resume
		}
		paraStart := i == p.Start
		for i < p.End {
			for si < len(segs) && segs[si].open < i {
				si++
			}
			if si < len(segs) && segs[si].open == i {
				sg := segs[si]
				t := token{s: sg.open, e: sg.end, k: kQuote, seg: int32(si)}
				if paraStart {
					t.f |= fParaStart
					paraStart = false
				}
				toks = append(toks, t)
				i = sg.end
				si++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[i:p.End])
			if segment.IsSpace(r) {
				i += w
				continue
			}
			var t token
			switch {
			case isAlnum(r):
				t = wordAt(text, low, i, p.End, r)
				t.low = low[t.s:t.e]
			case r == '[':
				// Citation markers: [1][3][5].
				j := i + 1
				for j < p.End && isDigit(rune(text[j])) {
					j++
				}
				if j > i+1 && j < p.End && text[j] == ']' {
					i = j + 1
					continue
				}
				t = token{s: i, e: i + w, k: kPunct}
				t.low = low[t.s:t.e]
			case r == '*' || r == '_':
				i += w
				continue
			case r == '\'' && i+1 < p.End && text[i+1] == '\'':
				// '' as archives write quote marks: treated like the apostrophes it is made
				// of, as the PolNeAR scorer and its annotation do, so it drops out.
				i += 2
				continue
			default:
				t = token{s: i, e: i + w, k: kPunct}
				t.low = low[t.s:t.e]
			}
			if paraStart {
				t.f |= fParaStart
				paraStart = false
			}
			toks = append(toks, t)
			i = t.e
		}
		if i > resume {
			resume = i
		}
	}
	return toks
}

// wordAt reads the word starting at i, whose first rune is r.
func wordAt(text, low string, i, end int, r rune) token {
	t := token{s: i, k: kWord}
	if isUpper(r) {
		t.f |= fCap
	} else if isDigit(r) {
		t.f |= fDigit
	}
	j := i
	letters, uppers := 0, 0
	runLen := 0 // letters in the current dot-free part, for U.S.-style abbreviations
	dotted := false
	for j < end {
		c, w := utf8.DecodeRuneInString(text[j:end])
		if isAlnum(c) {
			if isLetter(c) {
				letters++
				if isUpper(c) {
					uppers++
				}
			}
			runLen++
			j += w
			continue
		}
		// A connector joins when an alphanumeric rune follows it.
		nc, nw := utf8.DecodeRuneInString(text[min(j+w, end):end])
		if j+w >= end || nw == 0 || !isAlnum(nc) {
			break
		}
		switch c {
		case '-', '’', '\'', '&':
		case '.':
			if runLen > 1 {
				// "post.As": two words glued by a missing space, not an abbreviation.
				goto done
			}
			dotted = true
		case ',':
			if !isDigit(rune(text[j-1])) || !isDigit(nc) {
				goto done
			}
		default:
			goto done
		}
		runLen = 0
		j += w
	}
done:
	t.e = j
	if letters >= 2 && uppers == letters {
		t.f |= fAllCap
	}
	// A full stop belongs to an initial, a dotted abbreviation or a title.
	if j < end && text[j] == '.' {
		if (letters == 1 && uppers == 1 && j-i <= 2) || dotted || abbrevDot[low[i:j]] {
			t.e = j + 1
		}
	}
	word := text[t.s:t.e]
	switch {
	case strings.HasSuffix(word, "’s") || strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’S") || strings.HasSuffix(word, "'S"):
		// it’s, that’s, he’s are "is", not possessives.
		base := strings.TrimSuffix(strings.TrimSuffix(word[:len(word)-1], "’"), "'")
		if !contractionBase[low[t.s:t.s+len(base)]] {
			t.f |= fPoss
		}
	case j < end && (word[len(word)-1] == 's' || word[len(word)-1] == 'S'):
		// Plural possessive: leaders’ meeting.
		c, w := utf8.DecodeRuneInString(text[j:end])
		if c == '’' || c == '\'' {
			nc, ok := after(text, j+w, end)
			if !ok || !isAlnum(nc) {
				t.e = j + w
				t.f |= fPoss
			}
		}
	}
	return t
}
