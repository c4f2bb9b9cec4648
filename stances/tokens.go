package stances

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// tok is a word or punctuation mark of a sentence, with its byte offsets and a normal form that
// makes phrases match however a text typesets them.
type tok struct {
	start, end int
	raw        string
	norm       string // lower case, abbreviation dots and possessives gone, light stemming
	punct      bool
}

// tokenize splits s into words and punctuation. Hyphens split words ("U.S.-backed" is "us" and
// "backed") so that a phrase inside a compound still matches.
func tokenize(s string, base int) []tok {
	var toks []tok
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += sz
					continue
				}
				// A dot between letters belongs to an abbreviation (U.S., U.K.); an apostrophe
				// followed by a letter to a contraction or possessive.
				if (r2 == '.' || r2 == '\'' || r2 == '’') && j+sz < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+sz:])
					if unicode.IsLetter(r3) && (r2 != '.' || j-i <= 2) {
						j += sz
						continue
					}
				}
				// The final dot of an abbreviation ("U.S.", "J.") belongs to it.
				if r2 == '.' && (j-i == 1 || strings.Contains(s[i:j], ".")) {
					j += sz
				}
				break
			}
			raw := s[i:j]
			toks = append(toks, tok{start: base + i, end: base + j, raw: raw, norm: normWord(raw)})
			i = j
		default:
			toks = append(toks, tok{start: base + i, end: base + i + size, raw: s[i : i+size], norm: string(r), punct: true})
			i += size
		}
	}
	return toks
}

// normWord folds case, drops abbreviation dots and possessives, and reads the word's lemma so
// that "joining", "joins" and "joined" all read "join". The part of speech is not known here,
// so the lemma is the word's as a verb, else as a noun.
func normWord(w string) string {
	w = strings.ToLower(w)
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	if strings.Contains(w, ".") {
		w = strings.ReplaceAll(w, ".", "")
	}
	return syntax.Lemma(w, parley.POSX)
}

// normTokens is the normal form of a phrase as a list of words, punctuation dropped.
func normTokens(s string) []string {
	var out []string
	for _, t := range tokenize(s, 0) {
		if !t.punct {
			out = append(out, t.norm)
		}
	}
	return out
}
