package quotes

import (
	"slices"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// safeSpans returns spans clamped to the text, on rune boundaries, sorted, without overlaps
// and without empty ones. Stages upstream are trusted but not blindly: a bad span must cost a
// quote, never a panic.
func safeSpans(text string, in []parley.Span) []parley.Span {
	out := make([]parley.Span, 0, len(in))
	for _, s := range in {
		s.Start = clampRune(text, s.Start)
		s.End = clampRune(text, s.End)
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b parley.Span) int { return a.Start - b.Start })
	// Cut overlaps so that every byte belongs to at most one span.
	w := 0
	for _, s := range out {
		if w > 0 && s.Start < out[w-1].End {
			s.Start = out[w-1].End
			if s.End <= s.Start {
				continue
			}
		}
		out[w] = s
		w++
	}
	return out[:w]
}

// clampRune moves i into [0, len(text)] and back onto the start of a rune.
func clampRune(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(text) {
		return len(text)
	}
	// Step back to the start of the rune that holds i, if a valid rune does; a stray byte is a
	// rune of its own, as in a range loop.
	for s := i - 1; s >= 0 && s >= i-3; s-- {
		if utf8.RuneStart(text[s]) {
			if _, w := utf8.DecodeRuneInString(text[s:]); s+w > i {
				return s
			}
			break
		}
	}
	return i
}

// lines splits text at line breaks: the paragraphs of a document that came without them.
func lines(text string) []parley.Span {
	var out []parley.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' || text[i] == '\r' {
			if s, ok := segment.Trim(text, start, i); ok {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// sentenceEnds returns where sentences end, sorted. Without sentences from the segmenter it
// falls back to a plain rule: a full stop, question or exclamation mark before white space and
// an upper-case letter, digit or quote mark.
func sentenceEnds(text string, sentences []parley.Span, paras []parley.Span) []int {
	if len(sentences) > 0 {
		ends := make([]int, 0, len(sentences))
		for _, s := range safeSpans(text, sentences) {
			ends = append(ends, s.End)
		}
		return ends
	}
	var ends []int
	for _, p := range paras {
		for i := p.Start; i < p.End; i++ {
			c := text[i]
			if c != '.' && c != '?' && c != '!' {
				continue
			}
			j := i + 1
			for j < p.End && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
				j++
			}
			if j < p.End && text[j] == ' ' {
				k := j
				for k < p.End && text[k] == ' ' {
					k++
				}
				if k < p.End {
					r, _ := utf8.DecodeRuneInString(text[k:])
					if isUpper(r) || isDigit(r) || isDoubleMark(r) {
						ends = append(ends, j)
					}
				}
			}
		}
		ends = append(ends, p.End)
	}
	slices.Sort(ends)
	return ends
}
