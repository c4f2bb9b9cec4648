package stances

import (
	"strings"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
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

// fromTokens makes the stance tokens of text from its tokens as package segment made them,
// appended to out. Cues and issue phrases are written as writers write words, so the pieces
// segment splits a word into (do + n't, Trump + 's, can + not, leaders + ') are one token
// again; hyphens split words, even those segment keeps whole (anti-war), so that a phrase inside
// a compound still matches ("U.S.-backed" is "us", "-" and "backed"). Every other mark counts
// one rune a token: "--" is two dashes, "”" two apostrophes. norms, when not nil, keeps the
// normal forms already made (see normWord), by the word as written: a document says its words
// again and again, and normWord is pure.
func fromTokens(text string, stoks []parley.Token, out []tok, norms map[string]string) []tok {
	for k := 0; k < len(stoks); k++ {
		t := &stoks[k]
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		if t.Kind != parley.TokenWord && t.Kind != parley.TokenNumber {
			for i := t.Start; i < t.End; {
				_, w := utf8.DecodeRuneInString(text[i:t.End])
				out = append(out, tok{start: i, end: i + w, raw: text[i : i+w], norm: text[i : i+w], punct: true})
				i += w
			}
			continue
		}
		start, end := t.Start, t.End
		for k+1 < len(stoks) && stoks[k+1].Start == end && stoks[k+1].End <= len(text) &&
			(stoks[k+1].Kind == parley.TokenWord || stoks[k+1].Kind == parley.TokenNumber) {
			k++
			end = stoks[k].End
		}
		for {
			h := strings.IndexByte(text[start:end], '-')
			if h <= 0 || start+h+1 >= end {
				break
			}
			out = append(out, word(text, start, start+h, norms),
				tok{start: start + h, end: start + h + 1, raw: "-", norm: "-", punct: true})
			start += h + 1
		}
		out = append(out, word(text, start, end, norms))
	}
	return out
}

func word(text string, start, end int, norms map[string]string) tok {
	raw := text[start:end]
	if norms == nil {
		return tok{start: start, end: end, raw: raw, norm: normWord(raw)}
	}
	norm, ok := norms[raw]
	if !ok {
		norm = normWord(raw)
		norms[raw] = norm
	}
	return tok{start: start, end: end, raw: raw, norm: norm}
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
	for _, t := range fromTokens(s, segment.Tokens(s, nil, nil, nil), nil, nil) {
		if !t.punct {
			out = append(out, t.norm)
		}
	}
	return out
}
