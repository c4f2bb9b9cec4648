package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns text the way copy detection reads it: lower case, compatibility forms and
// accents of Latin and Greek letters folded ("ﬁ" to "fi", "²" to "2", "é" to "e"), apostrophes dropped inside words ("O’Malley" and
// "O'Malley" both become "omalley"), quotes, dashes and other punctuation turned into spaces,
// and whitespace collapsed to single spaces. Two copies that differ only in typography normalise
// to the same string. Sign does the same work without building the string.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	eachWord(text, func(w []byte) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(w)
	})
	return b.String()
}

// eachWord calls emit with every word of text after normalisation, in order. w is only valid
// during the call. Han, Hiragana and Katakana characters are words by themselves, since those
// scripts put no spaces between words and a whole sentence would otherwise be one "word".
func eachWord(text string, emit func(w []byte)) {
	w := make([]byte, 0, 64)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// The ASCII fast path: most news text never leaves it.
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				w = append(w, c)
			case 'A' <= c && c <= 'Z':
				w = append(w, c+'a'-'A')
			case c == '\'' || c == '`':
				// An apostrophe joins: "don't" and "dont" must hash alike.
			default:
				if len(w) > 0 {
					emit(w)
					w = w[:0]
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case isApostrophe(r):
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			if len(w) > 0 {
				emit(w)
				w = w[:0]
			}
			w = utf8.AppendRune(w, r)
			emit(w)
			w = w[:0]
		case unicode.Is(unicode.Hangul, r):
			// Hangul syllables decompose into jamo; keep them whole so Normalize stays readable.
			w = utf8.AppendRune(w, r)
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			enc := text[i-size : i]
			d := norm.NFKD.PropertiesString(enc).Decomposition()
			if d != nil && norm.NFD.PropertiesString(enc).Decomposition() != nil {
				// A canonical decomposition: a letter with accents. Latin and Greek text drops
				// accents freely ("Pena" for "Peña"), other scripts do not ("й" is not "и").
				if base, _ := utf8.DecodeRune(d); !unicode.In(base, unicode.Latin, unicode.Greek) {
					d = nil
				}
			}
			if d == nil {
				if !unicode.Is(unicode.Mn, r) {
					w = utf8.AppendRune(w, unicode.ToLower(r))
				}
				break
			}
			for len(d) > 0 {
				p, n := utf8.DecodeRune(d)
				d = d[n:]
				switch {
				case unicode.Is(unicode.Mn, p), isApostrophe(p):
					// Accents go: "Peña" and "Pena" are the same name in two wire systems.
				case unicode.In(p, unicode.Han, unicode.Hiragana, unicode.Katakana):
					if len(w) > 0 {
						emit(w)
					}
					w = utf8.AppendRune(w[:0], p)
					emit(w)
					w = w[:0]
				case unicode.IsLetter(p) || unicode.IsNumber(p):
					w = utf8.AppendRune(w, unicode.ToLower(p))
				default:
					// A separator inside a decomposition (the fraction slash of "½").
					if len(w) > 0 {
						emit(w)
						w = w[:0]
					}
				}
			}
		default:
			if len(w) > 0 {
				emit(w)
				w = w[:0]
			}
		}
	}
	if len(w) > 0 {
		emit(w)
	}
}

// isApostrophe reports whether r is one of the marks that typography uses for an apostrophe.
// They are dropped rather than turned into spaces, so that straight and curly styles agree.
func isApostrophe(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032', '\uFF07', '\u00B4':
		return true
	}
	return false
}
