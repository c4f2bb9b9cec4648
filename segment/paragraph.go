// Package segment splits a document's text into paragraphs and sentences, the units every later
// stage (quotes, events, stances, cleaning) attaches its evidence to. It is tuned for English
// news as pasted from the web: one paragraph per line, abbreviations such as "U.S." and "Sen.",
// AI-summary citation markers like "[1][3]", quotes closing a sentence, and articles glued
// together without a space ("...this post.As Ukraine...").
//
// Spans are byte offsets into the text, never include surrounding white space, and always fall
// on UTF-8 rune boundaries (an invalid byte counts as a rune of its own, as in a Go range loop).
// White space here means unicode.IsSpace plus the invisible U+200B and U+FEFF that web pastes
// carry.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// isSpace reports whether r is white space for segmentation. Zero-width space and the byte-order
// mark are included because they arrive with pasted text and carry no words.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

// IsSpace reports whether r is white space as parley reads text: Unicode white space, and the
// zero-width space and byte-order mark that pasted text carries. Sentences cover every other
// character, so stages that trim spans use this one definition.
func IsSpace(r rune) bool { return isSpace(r) }

// Trim narrows [start, end) of text past white space at both ends; ok is false when nothing
// else is left. start and end must be rune boundaries.
func Trim(text string, start, end int) (parley.Span, bool) { return trim(text, start, end) }

// spaceAt decodes the rune at i and reports whether it is white space, and its width.
func spaceAt(text string, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		// Fast path: ASCII white space as unicode.IsSpace defines it.
		return c == ' ' || (c >= '\t' && c <= '\r'), 1
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	return isSpace(r), w
}

// lineBreakAt reports the width of a mandatory line break starting at i, 0 if there is none.
// \r\n counts as one break. \v, \f and NEL are breaks too, as Unicode's line-breaking rules say.
func lineBreakAt(text string, i int) int {
	switch c := text[i]; c {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // U+0085 NEL
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// Paragraphs splits text at line breaks. A single line break ends a paragraph as a blank line
// does, because pasted web text often holds one paragraph per line. Each span is trimmed of
// white space, and lines holding nothing but white space give no paragraph.
func Paragraphs(text string) []parley.Span {
	// A news article averages well over 200 bytes a paragraph; guessing saves regrowth.
	out := make([]parley.Span, 0, len(text)/200+1)
	lineStart := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		w := lineBreakAt(text, i)
		if w == 0 {
			i++
			continue
		}
		if s, ok := trim(text, lineStart, i); ok {
			out = append(out, s)
		}
		i += w
		lineStart = i
	}
	if s, ok := trim(text, lineStart, len(text)); ok {
		out = append(out, s)
	}
	return out
}

// trim narrows [start, end) to exclude leading and trailing white space; ok is false when
// nothing else is left. start and end must be rune boundaries.
func trim(text string, start, end int) (parley.Span, bool) {
	for start < end {
		sp, w := spaceAt(text, start)
		if !sp {
			break
		}
		start += w
	}
	for end > start {
		c := text[end-1]
		if c < utf8.RuneSelf {
			if c == ' ' || (c >= '\t' && c <= '\r') {
				end--
				continue
			}
			break
		}
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if r == utf8.RuneError && w == 1 {
			break // an invalid byte is a rune of its own, and not white space
		}
		if !isSpace(r) {
			break
		}
		end -= w
	}
	if start >= end {
		return parley.Span{}, false
	}
	return parley.Span{Start: start, End: end}, true
}
