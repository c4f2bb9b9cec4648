package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// Quotation is one stretch of quoted words: from its opening mark to its closing mark, or to
// the end of the paragraph where the writer never closed it.
type Quotation struct {
	Open  int // index of the opening mark in the tokens
	Close int // index of the closing mark, -1 when the quotation was never closed
	// End is the byte offset just past the closing mark, or the end of the paragraph.
	End int
	// Inner is the quoted words, without the marks and the white space inside them.
	Inner parley.Span
	// Single is true for ‘…’ rather than “…”.
	Single bool
}

// Quotations pairs the quotation marks among toks (as Tokens made them from the same text,
// paragraphs and skipped spans) and returns the quotations in text order. Tokens runs it to
// set each mark's Pair; stages that need the quotations the writer left open, or the words
// inside, call it again on the document's tokens, and get the same pairs.
//
// Writers disagree on typography: straight and curly marks, a closing mark used to open
// (*”Nobody…”*), unclosed quotes, double marks written as two apostrophes (the New York
// Times) or as two backticks opening and two apostrophes closing (the Penn Treebank). So the
// direction of a mark is read from what stands around it, and the glyph only breaks ties. A
// quotation left open at the end of a paragraph continues when the next paragraph opens with a
// mark (the convention for quotations over several paragraphs); otherwise it ends with its
// paragraph. Single marks pair only outside double quotes, where ’ is far more often an
// apostrophe. A skipped span (removed text) breaks a paragraph as a paragraph break does.
func Quotations(text string, toks []parley.Token, paragraphs, skip []parley.Span) []Quotation {
	if paragraphs == nil {
		paragraphs = Paragraphs(text)
	} else {
		paragraphs = sanitize(text, paragraphs)
	}
	var marks []int
	for i := range toks {
		if t := &toks[i]; t.Kind == parley.TokenQuote || (t.End-t.Start <= 3 && t.Start >= 0 && t.Start < len(text) && markByte(text[t.Start])) {
			marks = append(marks, i)
		}
	}
	return pairMarks(text, toks, marks, live(text, paragraphs, sanitizeSkip(text, skip)))
}

// markByte reports whether a quotation mark may start with byte c. A lone apostrophe that
// Tokens took for a possessive is a candidate again, so that the pairs come out the same.
func markByte(c byte) bool {
	return c == '"' || c == '\'' || c == '`' || c == 0xE2 || c == 0xC2
}

// Live returns the parts of the paragraphs outside the skipped spans, trimmed of white space:
// the units over which Quotations pairs marks.
func Live(text string, paragraphs, skip []parley.Span) []parley.Span {
	if paragraphs == nil {
		paragraphs = Paragraphs(text)
	} else {
		paragraphs = sanitize(text, paragraphs)
	}
	return live(text, paragraphs, sanitizeSkip(text, skip))
}

// live is Live for paragraphs and skipped spans already made safe.
func live(text string, paras, skip []parley.Span) []parley.Span {
	if len(skip) == 0 {
		return paras
	}
	out := make([]parley.Span, 0, len(paras)+len(skip))
	k := 0
	for _, p := range paras {
		start := p.Start
		for k < len(skip) && skip[k].End <= p.Start {
			k++
		}
		for _, c := range skip[k:] {
			if c.Start >= p.End {
				break
			}
			if c.Start > start {
				if s, ok := trim(text, start, c.Start); ok {
					out = append(out, s)
				}
			}
			start = max(start, c.End)
		}
		if start < p.End {
			if s, ok := trim(text, start, p.End); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// Archives and treebanks write double quotation marks with two characters: the New York Times
// two apostrophes, the Penn Treebank two backticks to open and two apostrophes to close. They
// stand for one mark each; the backticks only open, while the apostrophes go either way, as a
// straight " does.
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

// tokenMark reads the quotation mark that token t is, if it is one: double reports a double
// mark (r is then the rune, markTicks or markApostro), else r is ‘, ’ or '.
func tokenMark(text string, t *parley.Token) (r rune, double, ok bool) {
	if t.End-t.Start > 3 || t.End > len(text) || t.Start < 0 || t.End <= t.Start {
		return 0, false, false
	}
	r, w, dbl := doubleMarkAt(text, t.Start, t.End)
	if w != t.End-t.Start {
		return 0, false, false
	}
	if dbl {
		return r, true, true
	}
	return r, false, r == '‘' || r == '’' || r == '\''
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
	if !ok || isSpace(r) {
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
	if !ok || isSpace(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '*', '_', '—', '–', '-', '…', '/', '’', '\'':
		return true
	}
	return isDoubleMark(r)
}

// pairMarks pairs the quotation marks among toks over the live paragraphs; marks holds the
// indices of the tokens that may be marks, in order. See Quotations.
func pairMarks(text string, toks []parley.Token, marks []int, paras []parley.Span) []Quotation {
	var qs []Quotation
	open, carried := -1, false
	mi := 0
	for pi, p := range paras {
		skipFirst := carried
		carried = false
		first := len(qs)
		for mi < len(marks) && toks[marks[mi]].Start < p.Start {
			mi++
		}
		lo := mi
		for ; mi < len(marks) && toks[marks[mi]].Start < p.End; mi++ {
			ti := marks[mi]
			t := &toks[ti]
			if t.End > p.End {
				continue
			}
			r, double, ok := tokenMark(text, t)
			if !ok || !double {
				continue
			}
			if skipFirst {
				// The mark that re-opens a quote continued from the previous paragraph.
				skipFirst = false
				continue
			}
			i := t.Start
			pr, pok := before(text, p.Start, i)
			nr, nok := after(text, t.End, p.End)
			o := opensAfter(pr, pok) && nok && !isSpace(nr)
			c := pok && !isSpace(pr) && closesBefore(nr, nok)
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
				open = ti
			case open >= 0 && c:
				qs = appendQuotation(qs, text, toks, open, ti, t.End, false)
				open = -1
			case open >= 0 && o:
				// A second opener: the first mark was stray or never closed.
				open = ti
			}
		}
		if open >= 0 {
			if pi+1 < len(paras) && opensParagraph(text, paras[pi+1]) {
				carried = true
				continue
			}
			qs = appendQuotation(qs, text, toks, open, -1, p.End, false)
			open = -1
		}
		qs = pairSingles(qs, first, text, toks, marks[lo:mi], p)
	}
	return qs
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
	return ok && !isSpace(nr)
}

// appendQuotation adds the quotation opened by token open and closed by token close (-1 when
// unclosed, ending at end), unless nothing stands between the marks.
func appendQuotation(qs []Quotation, text string, toks []parley.Token, open, close, end int, single bool) []Quotation {
	closeAt := end
	if close >= 0 {
		closeAt = toks[close].Start
	}
	in, ok := trim(text, toks[open].End, closeAt)
	if !ok {
		return qs
	}
	return append(qs, Quotation{Open: open, Close: close, End: end, Inner: in, Single: single})
}

// pairSingles adds the single-quoted stretches among the marks of paragraph p that no double
// quote holds: ‘Security Guarantees’ in a headline, or a British-style quotation. An opening
// single mark must start a word and its closing mark must end one.
func pairSingles(qs []Quotation, first int, text string, toks []parley.Token, marks []int, p parley.Span) []Quotation {
	doubles := qs[first:]
	var added []Quotation
	d := 0
	for mk := 0; mk < len(marks); {
		k := marks[mk]
		t := &toks[k]
		i := t.Start
		for d < len(doubles) && doubles[d].End <= i {
			d++
		}
		if d < len(doubles) && toks[doubles[d].Open].Start <= i {
			for mk < len(marks) && toks[marks[mk]].Start < doubles[d].End {
				mk++
			}
			continue
		}
		r, double, ok := tokenMark(text, t)
		if !ok || double || (r != '‘' && r != '\'') || t.End > p.End {
			mk++
			continue
		}
		pr, pok := before(text, p.Start, i)
		nr, nok := after(text, t.End, p.End)
		if !opensAfter(pr, pok) || !nok || !isAlnum(nr) {
			mk++
			continue
		}
		// A quotation in single marks is short; looking further would make a paragraph of
		// apostrophes quadratic.
		limit := min(p.End, t.End+400)
		if d < len(doubles) && toks[doubles[d].Open].Start < limit {
			limit = toks[doubles[d].Open].Start
		}
		end, endMark := -1, 0
		for mm := mk + 1; mm < len(marks) && toks[marks[mm]].Start < limit; mm++ {
			m := marks[mm]
			u := &toks[m]
			r2, double2, ok2 := tokenMark(text, u)
			if !ok2 || double2 || (r2 != '’' && r2 != '\'') || u.End > limit {
				continue
			}
			pr2, _ := before(text, p.Start, u.Start)
			nr2, nok2 := after(text, u.End, p.End)
			if !isSpace(pr2) && closesBefore(nr2, nok2) && !(nok2 && isAlnum(nr2)) {
				end, endMark = m, mm
				break
			}
		}
		if end < 0 {
			mk++
			continue
		}
		added = appendQuotation(added, text, toks, k, end, toks[end].End, true)
		mk = endMark + 1
	}
	if len(added) == 0 {
		return qs
	}
	qs = append(qs, added...)
	tail := qs[first:]
	// Keep quotations in text order; paragraphs hold few of them.
	for i := 1; i < len(tail); i++ {
		for j := i; j > 0 && tail[j].Open < tail[j-1].Open; j-- {
			tail[j], tail[j-1] = tail[j-1], tail[j]
		}
	}
	return qs
}
