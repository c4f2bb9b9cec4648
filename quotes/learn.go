//go:build genlexicon

package quotes

import (
	"strings"

	"github.com/parleynews/parley/segment"
)

// This file exists only in builds with the genlexicon tag: it opens the lexicon to
// internal/genlexicon, the go generate step that learns data/learned.txt, and adds nothing to
// the parley binary.

// Word is a word the cue lexicon sees: a token outside quotation marks, lower-cased.
type Word struct {
	Start, End int // byte offsets
	Low        string
}

// Words returns the words of text that are candidates for the cue lexicon: the word tokens
// outside quotations that do not start with a digit.
func Words(text string) []Word {
	paras := segment.Paragraphs(text)
	low := lowerASCII(text)
	var out []Word
	stoks := segment.Tokens(text, paras, nil, nil)
	for _, tk := range tokenize(text, low, stoks, segment.Quotations(text, stoks, paras, nil), paras, nil) {
		if tk.k == kWord && !tk.is(fDigit) {
			out = append(out, Word{tk.s, tk.e, tk.low})
		}
	}
	return out
}

// Accounted reports whether the hand-made tables already account for w or rule it out as a
// cue: a cue or cue phrase of data/cues.txt, a noisy form, a function word, a pronoun or
// determiner, a word with an apostrophe, a word shorter than three letters, an adverb. Call it
// after SetLearnedCues(nil).
func Accounted(w string) bool {
	_, known := cues[w]
	return known || noisyForms[w] || functionWords[w] || determiners[w] || subjPronouns[w] || objPronouns[w] ||
		multiCues[w] != nil || strings.ContainsAny(w, "’'") || len(w) < 3 || adverbLike(w)
}

// SetLearnedCues makes the stage use words as its learned cues instead of data/learned.txt. It
// changes the package for the whole process, so only the generator calls it, before it runs
// the stage.
func SetLearnedCues(words []string) { cues = buildCues(words) }
