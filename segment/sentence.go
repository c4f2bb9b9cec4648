package segment

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// Sentences splits each paragraph into sentences; a sentence never crosses a paragraph
// boundary. When paragraphs is nil, Paragraphs(text) is used. The spans are sorted, do not
// overlap, exclude white space at either end, and together cover every non-white-space byte of
// every paragraph, so with the paragraphs of Paragraphs(text) they cover the whole text.
//
// Paragraph spans from elsewhere are taken as given but made safe first: clamped to the text,
// sorted, cut where they overlap, moved onto rune boundaries and trimmed of white space. A line
// break inside a given paragraph is treated as any other white space.
//
// The rules, in short: ".", "?", "!" and ellipses end a sentence before white space and a word
// that can open one (not a lower-case word); closing quotes, brackets, markdown asterisks and
// citation markers ("[1][3]") after the mark stay with the sentence. After a title ("Mr.",
// "Sen.") a full stop never ends a sentence; after an abbreviation that may also end one
// ("U.S.", "a.m.", "Inc.", an initial) it does only before a common opener ("The", "He",
// "But"...). A full stop glued to the next capitalised word ("post.As") ends a sentence when
// both sides are plain words, as when two pasted texts run together; an ellipsis glued to a
// word does not.
func Sentences(text string, paragraphs []parley.Span) []parley.Span {
	if paragraphs == nil {
		paragraphs = Paragraphs(text)
	} else {
		paragraphs = sanitize(text, paragraphs)
	}
	// News sentences average well over 100 bytes.
	out := make([]parley.Span, 0, len(text)/100+len(paragraphs))
	for _, p := range paragraphs {
		out = splitParagraph(text, p, out)
	}
	return out
}

// sanitize returns paragraph spans that splitParagraph can trust. It copies only when a span
// needs changing.
func sanitize(text string, ps []parley.Span) []parley.Span {
	ok := true
	prev := 0
	for _, p := range ps {
		if p.Start < prev || p.End <= p.Start || p.End > len(text) ||
			!runeBoundary(text, p.Start) || !runeBoundary(text, p.End) {
			ok = false
			break
		}
		if s, trimmed := trim(text, p.Start, p.End); !trimmed || s != p {
			ok = false
			break
		}
		prev = p.End
	}
	if ok {
		return ps
	}
	in := slices.Clone(ps)
	slices.SortStableFunc(in, func(a, b parley.Span) int { return cmp.Compare(a.Start, b.Start) })
	out := make([]parley.Span, 0, len(in))
	prev = 0
	for _, p := range in {
		start, end := max(p.Start, prev, 0), min(p.End, len(text))
		for start < end && !runeBoundary(text, start) {
			start++
		}
		for end > start && !runeBoundary(text, end) {
			end--
		}
		s, ok := trim(text, start, end)
		if !ok {
			continue
		}
		out = append(out, s)
		prev = s.End
	}
	return out
}

// runeBoundary reports whether i is where a rune starts (or the end of text), counting as a
// Go range loop does: an invalid byte is a rune of one byte.
func runeBoundary(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return i == 0 || i == len(text)
	}
	if utf8.RuneStart(text[i]) {
		return true
	}
	// A continuation byte starts a rune only when no valid sequence before it covers it.
	for k := 1; k <= utf8.UTFMax-1 && i-k >= 0; k++ {
		if c := text[i-k]; c >= 0xC0 {
			r, w := utf8.DecodeRuneInString(text[i-k:])
			return (r == utf8.RuneError && w == 1) || i-k+w <= i
		} else if c < 0x80 {
			return true
		}
	}
	return true
}

// splitter holds the state of splitting one paragraph.
type splitter struct {
	text    string
	end     int  // end of the paragraph
	start   int  // start of the current sentence
	checked int  // how far hasWord has looked
	word    bool // a letter or digit seen in text[start:checked]
}

func splitParagraph(text string, p parley.Span, out []parley.Span) []parley.Span {
	s := splitter{text: text, end: p.End, start: p.Start, checked: p.Start}
	for i := p.Start; i < s.end; {
		c := text[i]
		if c != '.' && c != '?' && c != '!' && (c != 0xE2 || !ellipsisAt(text, i, s.end)) {
			i++
			continue
		}
		next, split := s.candidate(i)
		if !split {
			i = next
			continue
		}
		out = append(out, parley.Span{Start: s.start, End: next})
		for next < s.end {
			sp, w := spaceAt(text, next)
			if !sp {
				break
			}
			next += w
		}
		s.start, s.checked, s.word = next, next, false
		i = next
	}
	if sp, ok := trim(text, s.start, s.end); ok {
		out = append(out, sp)
	}
	return out
}

// ellipsisAt reports whether "…" (U+2026) starts at i.
func ellipsisAt(text string, i, end int) bool {
	return i+2 < end && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0xA6
}

// closerAt returns the width of a mark at i that closes what went before and stays with the
// sentence ending there: a closing quote or bracket, or markdown emphasis; 0 if none. quote
// reports a closing quotation mark, which shows that the sentence ends with the quotation.
func closerAt(text string, i, end int) (w int, quote bool) {
	switch c := text[i]; c {
	case '"', '\'':
		return 1, true
	case ')', ']', '}', '*', '_':
		// A bracket may close an aside inside the sentence: "(Bergen County, N.J.) Record".
		return 1, false
	case 0xE2:
		// ” ’ ›
		if i+2 < end && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99 || text[i+2] == 0xBA) {
			return 3, true
		}
	case 0xC2:
		// »
		if i+1 < end && text[i+1] == 0xBB {
			return 2, true
		}
	}
	return 0, false
}

// citationAt returns the width of a citation marker such as "[3]" or "[1, 4]" at i, 0 if none.
func citationAt(text string, i, end int) int {
	if text[i] != '[' {
		return 0
	}
	digits := false
	for j := i + 1; j < end && j <= i+16; j++ {
		switch c := text[j]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == ',' || c == ' ' || c == '-':
		case c == ']':
			if digits {
				return j + 1 - i
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// candidate looks at the sentence-ending mark at i. It returns where the run of marks and what
// stays with them ends, and whether the sentence ends there.
func (s *splitter) candidate(i int) (int, bool) {
	text, end := s.text, s.end

	// The run of marks: ".", "?!", "...", "…", or a spaced ". . .".
	j := i
	dots, qmark, ellipsis := 0, false, false
	if n, k := spacedDots(text, i, end); n >= 3 {
		ellipsis, j = true, k
	}
run:
	for j < end {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
		case c == '?' || c == '!':
			qmark = true
			j++
		case ellipsisAt(text, j, end):
			ellipsis = true
			j += 3
		default:
			break run
		}
	}
	if dots >= 3 {
		ellipsis = true
	}

	// What stays with the marks: closing quotes and brackets, asterisks, citation markers, and
	// any mark after them ("U.S.]." or "”[5][9].").
	closed := false
	for j < end {
		if w, q := closerAt(text, j, end); w > 0 {
			closed = closed || q
			j += w
			continue
		}
		if w := citationAt(text, j, end); w > 0 {
			j += w
			continue
		}
		// A mark after the closers ends the sentence whatever stood before them: "(Calif.).".
		if c := text[j]; c == '.' || c == '?' || c == '!' {
			closed = true
			j++
			continue
		}
		if ellipsisAt(text, j, end) {
			closed = true
			j += 3
			continue
		}
		break
	}
	if j >= end {
		return j, false // the paragraph's end closes the sentence anyway
	}

	if sp, _ := spaceAt(text, j); !sp {
		return j, !ellipsis && dots <= 1 && s.glued(i, j, closed)
	}

	// The first thing after the white space.
	k := j
	for k < end {
		sp, w := spaceAt(text, k)
		if !sp {
			break
		}
		k += w
	}
	if k >= end || !s.hasWord(i) || !wordAhead(text, k, end) {
		return j, false
	}
	if ellipsis && s.leading(i) {
		return j, false // an ellipsis opening a quotation: "". . . I just want"
	}

	r, _ := utf8.DecodeRuneInString(text[k:])
	switch r {
	case ',', ';', ':', ')', ']', '}', '.', '…', '”', '’', '»', '›', '?', '!':
		return j, false
	}
	if unicode.IsLower(r) {
		return j, false
	}
	if r == '[' {
		if w := citationAt(text, k, end); w > 0 && onlySpace(text, k+w, end) {
			return j, false // a marker after the last full stop of the paragraph
		}
	}
	// Look past opening quotes and brackets at the word itself.
	inner := k
	for n := 0; n < 3 && inner < end; n++ {
		w := openerAt(text, inner, end)
		if w == 0 {
			break
		}
		inner += w
	}
	ir := utf8.RuneError
	if inner < end {
		ir, _ = utf8.DecodeRuneInString(text[inner:])
	}
	if unicode.IsLower(ir) {
		return j, false
	}

	switch {
	case ellipsis:
		return j, unicode.IsUpper(ir) || unicode.IsTitle(ir)
	case qmark:
		return j, true
	case dots > 1:
		return j, true
	}
	// A single full stop.
	if s.listMarker(i) {
		return j, false // "1. First item", "A. Options"
	}
	kind := s.wordBefore(i)
	if closed && kind != title {
		// “...I love the U.S.” He...: a closing quote (or a second mark, as in "(Calif.).")
		// after the abbreviation shows the full stop is also the sentence's.
		return j, true
	}
	digit := unicode.IsDigit(ir)
	switch kind {
	case title, never:
		return j, false
	case numbered:
		return j, !digit
	case month:
		if digit {
			return j, false
		}
		return j, s.starter(inner)
	case ambiguous:
		// A quotation opening after "U.S." most likely opens a sentence too.
		quoted := inner > k && text[k] != '(' && text[k] != '[' && unicode.IsUpper(ir)
		return j, !digit && (quoted || s.starter(inner))
	}
	return j, true
}

// spacedDots counts the full stops of a spaced ellipsis ". . ." starting at i, and returns where
// it ends.
func spacedDots(text string, i, end int) (n, j int) {
	if text[i] != '.' {
		return 0, i
	}
	n, j = 1, i+1
	for j+1 < end && text[j] == ' ' && text[j+1] == '.' {
		n++
		j += 2
	}
	return n, j
}

// openerAt returns the width of an opening quote or bracket (or markdown emphasis) at i, 0 if
// none.
func openerAt(text string, i, end int) int {
	switch c := text[i]; c {
	case '"', '\'', '(', '[', '{', '*', '_':
		return 1
	case 0xE2:
		// “ ‘ „ ‹ ; and ” used as an opener, as pasted text often does.
		if i+2 < end && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x98, 0x9E, 0xB9, 0x9D:
				return 3
			}
		}
	case 0xC2:
		if i+1 < end && (text[i+1] == 0xAB || text[i+1] == 0xBF || text[i+1] == 0xA1) {
			return 2 // « ¿ ¡
		}
	}
	return 0
}

// wordAhead reports whether a letter or digit follows at i before the paragraph ends, so that a
// stray mark ("–.") never makes a sentence of its own. It looks a few bytes ahead only, and
// assumes a word when it finds none there but the paragraph goes on.
func wordAhead(text string, i, end int) bool {
	for n := 0; i < end; n++ {
		if n == 8 {
			return true
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) {
				return true
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += w
	}
	return false
}

// onlySpace reports whether text[i:end] is all white space.
func onlySpace(text string, i, end int) bool {
	for i < end {
		sp, w := spaceAt(text, i)
		if !sp {
			return false
		}
		i += w
	}
	return true
}

// hasWord reports whether the current sentence has a letter or digit before i, so that a run of
// marks on its own never makes a sentence. It resumes where it last stopped.
func (s *splitter) hasWord(i int) bool {
	for !s.word && s.checked < i {
		c := s.text[s.checked]
		if c < utf8.RuneSelf {
			s.word = isAlnumASCII(c)
			s.checked++
			continue
		}
		r, w := utf8.DecodeRuneInString(s.text[s.checked:])
		s.word = unicode.IsLetter(r) || unicode.IsDigit(r)
		s.checked += w
	}
	return s.word
}

func isAlnumASCII(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func isLetterASCII(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// leading reports whether the ellipsis at i opens a quotation or the sentence rather than
// closing anything.
func (s *splitter) leading(i int) bool {
	if i <= s.start {
		return true
	}
	r, w := utf8.DecodeLastRuneInString(s.text[s.start:i])
	switch r {
	case '“', '‘', '(', '[', '«', '„':
		return true
	case '"', '\'':
		// A straight quote opens when white space or the sentence start stands before it.
		before := i - w
		if before <= s.start {
			return true
		}
		p, _ := utf8.DecodeLastRuneInString(s.text[s.start:before])
		return isSpace(p)
	}
	return false
}

// listMarker reports whether the sentence so far, up to the full stop at i, is only a list
// number or letter: "1", "12", "a", "B", "iv".
func (s *splitter) listMarker(i int) bool {
	m := s.text[s.start:i]
	if len(m) == 0 || len(m) > 4 {
		return false // and a four-digit year ("2016. The...") is no list number
	}
	digits, roman := true, true
	for k := 0; k < len(m); k++ {
		c := m[k] | 0x20 // fold ASCII letters to lower case
		if m[k] < '0' || m[k] > '9' {
			digits = false
		}
		if c != 'i' && c != 'v' && c != 'x' {
			roman = false
		}
	}
	return (digits && len(m) <= 3) || roman || (len(m) == 1 && isLetterASCII(m[0]))
}

// maxWord bounds how far the word tests look, so that no input makes splitting slow.
const maxWord = 24

// wordBefore classifies the word ending at the full stop at i.
func (s *splitter) wordBefore(i int) abbrevKind {
	text := s.text
	b := i
	for b > s.start && i-b < maxWord && (isLetterASCII(text[b-1]) || text[b-1] == '.') {
		b--
	}
	for b < i && text[b] == '.' {
		b++
	}
	if b == i || i-b >= maxWord {
		return notAbbrev
	}
	if b > s.start && text[b-1] >= utf8.RuneSelf {
		// A word that goes on in non-ASCII letters ("Mañ.") is no abbreviation of ours.
		if r, _ := utf8.DecodeLastRuneInString(text[s.start:b]); unicode.IsLetter(r) {
			return notAbbrev
		}
	}
	w := text[b:i]
	if acr, dotted := acronymSuffix(w); acr != "" {
		switch {
		case acr == "a.m" || acr == "p.m":
			return ambiguous
		case isLowerASCII(acr):
			return never // "e.g", "i.e", "a.k.a"
		}
		return ambiguous // "U.S", "D.C", "Ph.D", "H.W"; also "candidacy.U.S" run together
	} else if dotted {
		// A domain or words run together: only the last part counts ("breitbart.com",
		// "Horwitz.St").
		w = w[strings.LastIndexByte(w, '.')+1:]
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return ambiguous // an initial: "George W. Bush", but also "World War I."
	}
	return lookupAbbrev(w)
}

// acronymSuffix returns the longest dotted acronym at the end of w, made of parts of one or two
// letters ("U.S", "Ph.D", "e.g"; "U.S" out of "candidacy.U.S"), or "" when there is none; dotted
// reports whether w holds a full stop at all.
func acronymSuffix(w string) (acr string, dotted bool) {
	parts, start := 0, len(w)
	end := len(w)
	for k := len(w) - 1; k >= -1; k-- {
		if k >= 0 && w[k] != '.' {
			continue
		}
		if k >= 0 {
			dotted = true
		}
		if n := end - (k + 1); n < 1 || n > 2 {
			break
		}
		parts++
		start = k + 1
		end = k
	}
	if parts < 2 {
		return "", dotted
	}
	return w[start:], dotted
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// starter reports whether the word at i is one that commonly opens a sentence.
func (s *splitter) starter(i int) bool {
	text := s.text
	j := i
	for j < s.end && j-i < maxWord && isLetterASCII(text[j]) {
		j++
	}
	if j == i || j-i >= maxWord {
		return false
	}
	if j < s.end {
		c := text[j]
		if c == '.' && j-i == 1 {
			return false // an initial: "J. A. Smith"
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
				return false
			}
		}
	}
	return starters[text[i:j]]
}

// glued reports whether the sentence mark at i, whose run ends at j right before a non-space,
// ends a sentence glued to the next: "this post.As Ukraine", "he concluded.”Graham said". Both
// sides must look like plain words, so "2.5", "U.S.-led", "example.com" and "os.Exit(1)" stay
// whole. A URL glued to the mark ("too.https://t.co/x", as pasted tweets run) starts a
// sentence after a plain word too, though it is in lower case.
func (s *splitter) glued(i, j int, closed bool) bool {
	text := s.text
	if urlAt(text, j, s.end) > j {
		return s.hasWord(i) && (closed || s.plainWordBefore(i))
	}
	// The right side: a capitalised word with a lower-case letter in it ("As", "NYTimes"), an
	// abbreviation ("Dr.", "St.") or a dotted acronym ("U.S.").
	if !(text[j] >= 'A' && text[j] <= 'Z') {
		return false
	}
	k := j + 1
	lower := false
	for k < s.end && k-j < maxWord && isLetterASCII(text[k]) {
		lower = lower || text[k] >= 'a'
		k++
	}
	if k-j >= maxWord {
		return false
	}
	acr := k == j+1 && k+2 < s.end && text[k] == '.' && text[k+1] >= 'A' && text[k+1] <= 'Z' &&
		text[k+2] == '.'
	if !lower && !acr {
		return false
	}
	if k < s.end {
		switch c := text[k]; {
		case c == '.':
			if !acr && lookupAbbrev(text[j:k]) == notAbbrev {
				return false // "Example.Com." or a path, unless "…NEN.Dr. Ben"
			}
		case isAlnumASCII(c), c == '/', c == '@', c == '(', c == '_', c == '=', c == '&', c == '?':
			return false
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLetter(r) {
				return false
			}
		}
	}
	if !s.hasWord(i) {
		return false
	}
	if closed {
		return true
	}
	return s.plainWordBefore(i)
}

// plainWordBefore reports whether a plain word of two letters or more that is no abbreviation
// ends at i, the left side of a glued sentence break.
func (s *splitter) plainWordBefore(i int) bool {
	text := s.text
	b := i
	for b > s.start && i-b < maxWord && isLetterASCII(text[b-1]) {
		b--
	}
	if i-b < 2 || i-b >= maxWord {
		return false
	}
	if b > s.start {
		if c := text[b-1]; c == '.' && i-b <= 2 {
			return false // a dotted acronym: "Ph.D.Candidate"
		}
	}
	return lookupAbbrev(text[b:i]) == notAbbrev
}
