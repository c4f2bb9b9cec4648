package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// qseg is one stretch of quoted words: from its opening mark to its closing mark, or to the
// end of the paragraph where the writer never closed it.
type qseg struct {
	open   int         // byte offset of the opening mark
	end    int         // byte offset just past the closing mark, or the end of the paragraph
	inner  parley.Span // the quoted words, without the marks and white space around them
	single bool        // ‘…’ rather than “…”
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// Archives and treebanks write double quotation marks with two characters: the New York
// Times' ”…” and the Penn Treebank's “…”. They stand for one mark each; “ only opens,
// while ” goes either way, as a straight " does.
const (
	markTicks   rune = -2 // ``
	markApostro rune = -3 // ''
)

// doubleMarkAt reads the double quotation mark at byte i of text[:end], if there is one, with
// its width in bytes.
func doubleMarkAt(text string, i, end int) (rune, int, bool) {
	c := text[i]
	if (c == '\'' || c == '`') && i+1 < end && text[i+1] == c && (i+2 >= end || text[i+2] != c) {
		if c == '`' {
			return markTicks, 2, true
		}
		return markApostro, 2, true
	}
	r, w := utf8.DecodeRuneInString(text[i:end])
	return r, w, isDoubleMark(r)
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

// before and after decode the rune next to position i within [lo, hi); ok is false at the edge.
func before(text string, lo, i int) (rune, bool) {
	if i <= lo {
		return 0, false
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r, true
}

func after(text string, i, hi int) (rune, bool) {
	if i >= hi {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r, true
}

// opensAfter reports whether a quote mark may open after rune r: at the start of a paragraph,
// after white space, a bracket, a dash, markdown emphasis or another mark.
func opensAfter(r rune, ok bool) bool {
	if !ok || segment.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '*', '_', '/', ':', ',', ';', '‘', '\'', '’':
		return true
	}
	return isDoubleMark(r)
}

// closesBefore reports whether a quote mark may close before rune r: at the end of the
// paragraph, before white space or punctuation.
func closesBefore(r rune, ok bool) bool {
	if !ok || segment.IsSpace(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '*', '_', '—', '–', '-', '…', '/', '’', '\'':
		return true
	}
	return isDoubleMark(r)
}

// findSegments pairs the quote marks of each paragraph. Writers disagree on typography: straight
// and curly marks, a closing mark used to open (*”Nobody…”*), unclosed quotes. So the direction
// of a mark is read from what stands around it, and the glyph only breaks ties. A quote left
// open at the end of a paragraph continues when the next paragraph opens with a mark (the
// convention for quotations over several paragraphs); otherwise it ends with its paragraph.
// Single marks pair only outside double quotes, where ’ is far more often an apostrophe.
func findSegments(text string, paras []parley.Span) []qseg {
	var segs []qseg
	open, carried := -1, false
	openW := 0
	for pi, p := range paras {
		skipFirst := carried
		carried = false
		first := len(segs)
		for i := p.Start; i < p.End; {
			r, w, ok := doubleMarkAt(text, i, p.End)
			if !ok {
				i += w
				continue
			}
			if skipFirst {
				// The mark that re-opens a quote continued from the previous paragraph.
				skipFirst = false
				i += w
				continue
			}
			pr, pok := before(text, p.Start, i)
			nr, nok := after(text, i+w, p.End)
			o := opensAfter(pr, pok) && nok && !segment.IsSpace(nr)
			c := pok && !segment.IsSpace(pr) && closesBefore(nr, nok)
			if o && c {
				switch r {
				case '“', '„', '«', markTicks:
					c = false
				case '”', '»':
					o = false
				default:
					if open >= 0 {
						o = false
					} else {
						c = false
					}
				}
			}
			switch {
			case open < 0 && o:
				open, openW = i, w
			case open >= 0 && c:
				segs = appendSegment(segs, text, open, openW, i, i+w, false)
				open = -1
			case open >= 0 && o:
				// A second opener: the first mark was stray or never closed.
				open, openW = i, w
			}
			i += w
		}
		if open >= 0 {
			if pi+1 < len(paras) && opensParagraph(text, paras[pi+1]) && open < p.End {
				carried = true
				continue
			}
			segs = appendSegment(segs, text, open, openW, p.End, p.End, false)
			open = -1
		}
		segs = pairSingles(segs, first, text, p)
	}
	return segs
}

// opensParagraph reports whether p starts with a double quote mark followed by a word.
func opensParagraph(text string, p parley.Span) bool {
	start := p.Start
	if start < p.End && (text[start] == '*' || text[start] == '_') {
		start++
	}
	if start >= p.End {
		return false
	}
	_, w, ok := doubleMarkAt(text, start, p.End)
	if !ok {
		return false
	}
	nr, ok := after(text, start+w, p.End)
	return ok && !segment.IsSpace(nr)
}

func appendSegment(segs []qseg, text string, open, openW, closeAt, end int, single bool) []qseg {
	in, ok := segment.Trim(text, open+openW, closeAt)
	if !ok {
		return segs
	}
	return append(segs, qseg{open: open, end: end, inner: in, single: single})
}

// pairSingles adds the single-quoted stretches of paragraph p that no double quote holds:
// ‘Security Guarantees’ in a headline, or a British-style quotation. An opening single mark
// must start a word and its closing mark must end one; ’ inside a word is an apostrophe.
func pairSingles(segs []qseg, first int, text string, p parley.Span) []qseg {
	doubles := segs[first:]
	var added []qseg
	d := 0
	for i := p.Start; i < p.End; {
		for d < len(doubles) && doubles[d].end <= i {
			d++
		}
		if d < len(doubles) && doubles[d].open <= i {
			i = doubles[d].end
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:p.End])
		if r != '‘' && r != '\'' {
			i += w
			continue
		}
		if _, mw, ok := doubleMarkAt(text, i, p.End); ok && mw == 2 {
			// '' is a double mark that no double quote paired (a stray one).
			i += mw
			continue
		}
		pr, pok := before(text, p.Start, i)
		nr, nok := after(text, i+w, p.End)
		if !opensAfter(pr, pok) || !nok || !isAlnum(nr) {
			i += w
			continue
		}
		// A quotation in single marks is short; looking further would make a paragraph of
		// apostrophes quadratic.
		limit := min(p.End, i+w+400)
		if d < len(doubles) && doubles[d].open < limit {
			limit = doubles[d].open
		}
		end := -1
		for j := i + w; j < limit; {
			r2, w2 := utf8.DecodeRuneInString(text[j:limit])
			if r2 == '’' || r2 == '\'' {
				pr2, _ := before(text, p.Start, j)
				nr2, nok2 := after(text, j+w2, p.End)
				if !segment.IsSpace(pr2) && closesBefore(nr2, nok2) && !(nok2 && isAlnum(nr2)) {
					end = j
					break
				}
			}
			j += w2
		}
		if end < 0 {
			i += w
			continue
		}
		_, cw := utf8.DecodeRuneInString(text[end:])
		added = appendSegment(added, text, i, w, end, end+cw, true)
		i = end + cw
	}
	if len(added) == 0 {
		return segs
	}
	segs = append(segs, added...)
	tail := segs[first:]
	// Keep segments in text order; paragraphs hold few of them.
	for i := 1; i < len(tail); i++ {
		for j := i; j > 0 && tail[j].open < tail[j-1].open; j-- {
			tail[j], tail[j-1] = tail[j-1], tail[j]
		}
	}
	return segs
}
