package segment

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// Tokens splits every sentence into words and marks, leaving out the bytes inside skip (what
// the cleaner removed), and pairs the quotation marks (see Quotations). paragraphs are needed
// for the pairing, which runs over paragraphs rather than sentences: a quotation may hold many
// sentences and go on into the next paragraph. When paragraphs is nil, Paragraphs(text) is used;
// when sentences is nil, Sentences(text, paragraphs). Spans from elsewhere are made safe first
// (clamped, sorted, cut where they overlap, moved onto rune boundaries).
//
// Each token's Sent is the index of its sentence in the sentences given; Pair is the index of
// the partner mark for a paired quotation mark and -1 otherwise; Head is -1.
//
// Words are split as Universal Dependencies English (the English Web Treebank) splits them:
//   - contractions and possessives: "don't" is do + n't, "can't" ca + n't, "Trump's" Trump + 's,
//     "they're" they + 're; "cannot", "gonna", "gotta" and a few spellings without the
//     apostrophe ("dont", "im") split the same way. The apostrophe after a plural ("leaders'")
//     is a token of its own.
//   - hyphenated words split at the hyphen ("long-term" is long - term) unless the first part
//     is a bound prefix (e-mail, anti-war, co-founder, non-profit, re-election); digit groups
//     joined by hyphens stay whole when they read as a telephone number, zip or date
//     (853-7906, 2005-03-09) and split as a range otherwise (1946 - 1954).
//   - a full stop stays with an abbreviation, an initial or a dotted initialism (Mr., Sen.,
//     U.S., a.m., M.), except when it ends the sentence, where it is the sentence's own mark;
//     a month or No. glued to a number splits as if spaced (Sept.11 is Sept. 11).
//   - numbers keep thousands separators, decimals, times and dates (2,000 3.5 11:30 9/11), but
//     a slash between a date and a time splits them (2009 / 02:00); URLs (also one glued to
//     the full stop before it), e-mail addresses, @handles and #hashtags stay whole.
//   - runs of . ! ? ("...", "?!") and of dashes ("--") are one token each.
//   - citation markers ("[3]") and markdown emphasis (*, _) are not tokens.
func Tokens(text string, paragraphs, sentences, skip []parley.Span) []parley.Token {
	if paragraphs == nil {
		paragraphs = Paragraphs(text)
	} else {
		paragraphs = sanitize(text, paragraphs)
	}
	if sentences == nil {
		sentences = Sentences(text, paragraphs)
	}
	skip = sanitizeSkip(text, skip)
	// News text averages a little over five bytes a token.
	z := tokenizer{text: text, out: make([]parley.Token, 0, len(text)/5+8)}
	prev, k := 0, 0
	for _, si := range sentenceOrder(sentences) {
		s := sentences[si]
		start, end := max(s.Start, prev, 0), min(s.End, len(text))
		for start < end && !runeBoundary(text, start) {
			start++
		}
		for end > start && !runeBoundary(text, end) {
			end--
		}
		if end <= start {
			continue
		}
		prev = end
		z.sent, z.sentEnd = int32(si), end
		// The live stretches of the sentence: what lies between the skipped spans.
		for k < len(skip) && skip[k].End <= start {
			k++
		}
		at := start
		for j := k; j < len(skip) && skip[j].Start < end; j++ {
			if skip[j].Start > at {
				z.stretch(at, skip[j].Start)
			}
			at = max(at, skip[j].End)
		}
		if at < end {
			z.stretch(at, end)
		}
	}
	toks := z.out
	for _, q := range pairMarks(text, toks, z.marks, live(text, paragraphs, skip)) {
		if q.Close >= 0 {
			toks[q.Open].Pair, toks[q.Close].Pair = int32(q.Close), int32(q.Open)
		}
	}
	// An apostrophe glued to a plural that closes no quotation is its possessive: leaders'.
	for _, i := range z.apos {
		t := &toks[i]
		if t.Pair < 0 && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind == parley.TokenWord {
			if c := text[t.Start-1]; c == 's' || c == 'S' {
				t.Kind = parley.TokenWord
			}
		}
	}
	return toks
}

// sentenceOrder returns the indices of sentences in order of their start; sentences from the
// segmenter are in order already.
func sentenceOrder(ss []parley.Span) []int {
	order := make([]int, len(ss))
	sorted := true
	for i := range ss {
		order[i] = i
		if i > 0 && ss[i].Start < ss[i-1].Start {
			sorted = false
		}
	}
	if !sorted {
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ss[a].Start, ss[b].Start) })
	}
	return order
}

// sanitizeSkip clamps the skipped spans to the text, widens them to rune boundaries, sorts them
// and merges those that overlap.
func sanitizeSkip(text string, skip []parley.Span) []parley.Span {
	if len(skip) == 0 {
		return nil
	}
	out := make([]parley.Span, 0, len(skip))
	for _, s := range skip {
		start, end := max(s.Start, 0), min(s.End, len(text))
		for start > 0 && !runeBoundary(text, start) {
			start--
		}
		for end < len(text) && !runeBoundary(text, end) {
			end++
		}
		if end > start {
			out = append(out, parley.Span{Start: start, End: end})
		}
	}
	slices.SortFunc(out, func(a, b parley.Span) int { return cmp.Compare(a.Start, b.Start) })
	w := 0
	for _, s := range out {
		if w > 0 && s.Start <= out[w-1].End {
			out[w-1].End = max(out[w-1].End, s.End)
			continue
		}
		out[w] = s
		w++
	}
	return out[:w]
}

// tokenizer holds the tokens made so far and the sentence being split.
type tokenizer struct {
	text         string
	stretchStart int // the stretch being split
	stretchEnd   int
	out          []parley.Token
	sent         int32
	sentEnd      int   // end of the current sentence, to tell its final full stop
	apos         []int // lone apostrophes after a word, which may be possessives
	marks        []int // every quotation mark, for the pairing
}

func (z *tokenizer) emit(start, end int, kind parley.TokenKind) {
	if kind == parley.TokenQuote {
		z.marks = append(z.marks, len(z.out))
	}
	z.out = append(z.out, parley.Token{Span: parley.Span{Start: start, End: end}, Kind: kind,
		Sent: z.sent, Pair: -1, Head: -1})
}

// Character classes of ASCII bytes.
const (
	cSpace = 1 << iota
	cLower
	cUpper
	cDigit
	cLetter = cLower | cUpper
	cAlnum  = cLetter | cDigit
)

var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			t[c] = cSpace
		case 'a' <= c && c <= 'z':
			t[c] = cLower
		case 'A' <= c && c <= 'Z':
			t[c] = cUpper
		case '0' <= c && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

// class returns the class of byte c, 0 for anything outside ASCII.
func class(c byte) uint8 {
	if c >= utf8.RuneSelf {
		return 0
	}
	return ascii[c]
}

// alnumRune reports whether r continues a word: a letter, a digit or a combining mark.
func alnumRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// alnumAt reports whether a word character starts at i (before end).
func alnumAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return ascii[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return alnumRune(r)
}

func digitAt(text string, i, end int) bool {
	return i < end && text[i] >= '0' && text[i] <= '9'
}

// stretch tokenises text[i:end], a part of one sentence outside the skipped spans.
func (z *tokenizer) stretch(i, end int) {
	text := z.text
	z.stretchStart, z.stretchEnd = i, end
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			cl := ascii[c]
			if cl&cSpace != 0 {
				i++
				continue
			}
			if cl&cAlnum != 0 {
				i = z.word(i, end)
				continue
			}
			i = z.asciiMark(i, end)
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		switch {
		case isSpace(r):
		case alnumRune(r):
			i = z.word(i, end)
			continue
		case isDoubleMark(r) || r == '‘':
			z.emit(i, i+w, parley.TokenQuote)
		case r == '’':
			z.apostrophe(i, w)
		case r == '…':
			j := i + w
			for j+2 < end && ellipsisAt(text, j, end) {
				j += 3
			}
			z.emit(i, j, parley.TokenPunct)
			i = j
			continue
		case unicode.IsPunct(r):
			z.emit(i, i+w, parley.TokenPunct)
		default:
			// Symbols and emoji; also stray bytes of broken UTF-8, so that nothing of the
			// text is lost without a trace.
			z.emit(i, i+w, parley.TokenSymbol)
		}
		i += w
	}
}

// apostrophe makes a token of the lone apostrophe (or single quotation mark) at i: a quotation
// mark unless pairing finds none and a plural stands before it.
func (z *tokenizer) apostrophe(i, w int) {
	if n := len(z.out); n > 0 && z.out[n-1].End == i && z.out[n-1].Kind == parley.TokenWord {
		z.apos = append(z.apos, n)
	}
	z.emit(i, i+w, parley.TokenQuote)
}

// asciiMark makes the token of the ASCII punctuation or symbol at i and returns where the next
// token may start.
func (z *tokenizer) asciiMark(i, end int) int {
	text := z.text
	c := text[i]
	switch c {
	case '*', '_':
		// Markdown emphasis touches the words it marks; a run standing apart is a bullet or
		// a rule (* item, *****, ______).
		j := i + 1
		for j < end && text[j] == c {
			j++
		}
		if (i == z.stretchStart || class(text[i-1])&cSpace != 0) && (j == end || class(text[j])&cSpace != 0) {
			z.emit(i, j, parley.TokenPunct)
		}
		return j
	case '[':
		if w := citationAt(text, i, end); w > 0 {
			return i + w
		}
	case '"':
		z.emit(i, i+1, parley.TokenQuote)
		return i + 1
	case '\'', '`':
		if _, w, ok := doubleMarkAt(text, i, end); ok {
			z.emit(i, i+w, parley.TokenQuote)
			return i + w
		}
		if c == '`' {
			break
		}
		// '68, '90s: an elided year.
		if digitAt(text, i+1, end) && digitAt(text, i+2, end) {
			j := i + 3
			if j < end && text[j] == 's' {
				j++
			}
			if !alnumAt(text, j, end) {
				z.emit(i, j, parley.TokenNumber)
				return j
			}
		}
		z.apostrophe(i, 1)
		return i + 1
	case '.', '!', '?':
		// An ellipsis is one token, and so is a run of other marks (?!, !!!, .?).
		j := i + 1
		for j < end && text[j] == '.' {
			j++
		}
		if j == i+1 {
			for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
		}
		z.emit(i, j, parley.TokenPunct)
		return j
	case '=':
		if w := emoticonAt(text, i, end); w > 0 {
			z.emit(i, i+w, parley.TokenSymbol)
			return i + w
		}
		fallthrough
	case '-', '~', '<', '>', '^', '$', '+', '/', '\\':
		// Runs of dashes and rules: --, ----==, +++.
		j := i + 1
		for j < end && (text[j] == c || (c == '-' || c == '=') && (text[j] == '-' || text[j] == '=')) {
			j++
		}
		kind := parley.TokenSymbol
		if c == '-' || c == '/' || c == '\\' {
			kind = parley.TokenPunct
		}
		z.emit(i, j, kind)
		return j
	case '@', '#':
		// @handles and #hashtags; a handle may name a domain (@paulhastings.com).
		j := i + 1
		for j < end {
			d := text[j]
			if class(d)&cAlnum != 0 || d == '_' || (c == '@' && d == '.' && j+1 < end && class(text[j+1])&cAlnum != 0 && j > i+1) {
				j++
				continue
			}
			break
		}
		if j > i+1 && (c == '@' || class(text[i+1])&cLetter != 0) {
			z.emit(i, j, parley.TokenWord)
			return j
		}
	case '(':
		// (: is a smiley turned round.
		if i+1 < end && text[i+1] == ':' && (i+2 == end || class(text[i+2])&cSpace != 0) {
			z.emit(i, i+2, parley.TokenSymbol)
			return i + 2
		}
	case ':', ';':
		if w := emoticonAt(text, i, end); w > 0 {
			z.emit(i, i+w, parley.TokenSymbol)
			return i + w
		}
	}
	kind := parley.TokenPunct
	switch c {
	case '$', '%', '&', '+', '<', '=', '>', '^', '|', '~', '`':
		kind = parley.TokenSymbol
	}
	if c < ' ' || c == 0x7F {
		kind = parley.TokenSymbol
	}
	z.emit(i, i+1, kind)
	return i + 1
}

// emoticonAt returns the width of a smiley such as :) :-( ;P =) at i, not part of a number or
// a word; 0 if there is none.
func emoticonAt(text string, i, end int) int {
	if i > 0 && class(text[i-1])&cDigit != 0 {
		return 0
	}
	j := i + 1
	if j < end && text[j] == '-' {
		j++
	}
	if j >= end {
		return 0
	}
	switch text[j] {
	case ')', '(', 'D', 'P', 'p':
	default:
		return 0
	}
	j++
	if alnumAt(text, j, end) {
		return 0
	}
	return j - i
}

// word reads the word starting at i, where a letter or digit stands, emits its tokens and
// returns where it ends.
func (z *tokenizer) word(i, end int) int {
	text := z.text
	if j := urlAt(text, i, end); j > i {
		z.emit(i, j, parley.TokenWord)
		return j
	}
	start := i // start of the current token
	j := i
	run := 0        // letters and digits since the last connector
	part := i       // start of the current hyphen-free part
	digits := true  // the word so far is digits and number punctuation only
	hyphens := 0    // hyphens joined so far
	dotted := false // a full stop joined inside the word (U.S, a.m)
	timed := false  // a time's colon joined inside the word (11:30)
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			if cl := ascii[c]; cl&cAlnum != 0 {
				if cl&cDigit == 0 {
					if digits && j > start && !numberSuffix(text, j, end) {
						// A number and its unit: 3 pm, 2.7 bn, 375 mm.
						break
					}
					digits = false
				}
				run++
				j++
				continue
			}
		} else {
			r, w := utf8.DecodeRuneInString(text[j:end])
			if alnumRune(r) {
				digits = false
				run++
				j += w
				continue
			}
			if r == '’' && alnumAt(text, j+w, end) {
				if k, ok := z.clitic(start, j, w, end); ok {
					start = k
				}
				run = 0
				j += w
				continue
			}
			break
		}
		// An ASCII connector joins only when a letter or digit follows it, except in w/.
		if !alnumAt(text, j+1, end) {
			if c == '/' && j == start+1 && class(text[start])&cLetter != 0 && (j+1 == end || class(text[j+1])&cSpace != 0) {
				j++
			}
			break
		}
		joined := false
		switch c {
		case '\'':
			if k, ok := z.clitic(start, j, 1, end); ok {
				start = k
			}
			joined = true
			digits = false
		case '-':
			if digits && digitAt(text, j+1, end) {
				if k := digitChain(text, j-run, end); k > j {
					j, run = k, 0
					continue
				}
			} else if digits && part == start {
				if k := dayMonthYear(text, j, end); k > 0 {
					j, run, digits = k, 0, false
					continue
				}
			} else if hyphens == 0 && part == start && boundPrefix(text[part:j]) {
				joined = true
				hyphens++
			}
		case '.':
			// U.S, e.g, a.m (single letters), 3.5, Space.com (a lower-case letter or digit
			// after), Ph.D (a single letter and full stop after); not post.As. A URL after the
			// stop starts a token of its own (said.https://...), and an abbreviation that stands
			// before numbers keeps its stop apart from the number glued to it, as if a space
			// stood there (Sept.11 is Sept. 11, No.1 is No. 1).
			if urlAt(text, j+1, end) > j+1 {
				break
			}
			if !digits && part == start && run >= 2 && digitAt(text, j+1, end) {
				if k := lookupAbbrev(text[start:j]); k == month || k == numbered {
					break
				}
			}
			initial := run <= 1 || (j+2 < end && text[j+2] == '.')
			if initial || class(text[j+1])&(cLower|cDigit) != 0 || topLevelDomain(text, j+1, end) {
				joined = true
				dotted = dotted || (initial && !digits)
			}
		case ',':
			// Thousands: 2,000 and 1,993,045, but not 1,2.
			if digits && run <= 3 && j > start && digitAt(text, j+1, end) && digitAt(text, j+2, end) &&
				digitAt(text, j+3, end) && !digitAt(text, j+4, end) {
				joined = true
			}
		case ':':
			// Times: 11:30, 12:42:55.
			joined = digits && j > start && digitAt(text, j-1, end) && digitAt(text, j+1, end)
			timed = timed || joined
		case '/':
			// Dates and fractions (9/11, 01/24/2001, 1/2) and b/c, w/o. A slash between a date
			// and a time (2009/02:00, 14:30/2009) splits them, as a space would: neither is a
			// part of the other.
			joined = (digits && digitAt(text, j+1, end) && !timed && !timeAt(text, j+1, end)) ||
				(run == 1 && !digits && class(text[j+1])&cLetter != 0 && !alnumAt(text, j+2, end))
		case '&', '_':
			// AT&T, Q&A, file_name.
			joined = true
			digits = false
		}
		if !joined {
			break
		}
		run = 0
		j++
		if c == '-' {
			part = j
		}
	}
	if j < end && (text[j] == '@' || text[j] == '.' || text[j] == '-') && start == i {
		// An e-mail address: jane.doe@x.org, Move-Team@ENRON, franz371...@gmail.com.
		if k := emailAt(text, i, end); k > j {
			z.emit(i, k, parley.TokenWord)
			return k
		}
	}
	// A full stop after an abbreviation belongs to it, unless it ends the sentence.
	if j < end && text[j] == '.' && z.keepsStop(start, j, dotted, end) {
		switch {
		case j+1 < end && text[j+1] == '.':
			// "Inc.." at the end: the abbreviation's stop, then the sentence's.
			if j+2 < end && text[j+2] == '.' || !z.finalStop(j+2) {
				break
			}
			j++
		case !z.finalStop(j + 1):
			j++
		}
	}
	z.emitWord(start, j)
	if j > start && text[j-1] == '.' {
		// "the U.N.'s envoy": the stop of an initialism ends the word before the apostrophe
		// could be read as a clitic, so the possessive is taken here, not as a quotation mark.
		if k := possessiveAt(text, j, end); k > j {
			z.emit(j, k, parley.TokenWord)
			return k
		}
	}
	return j
}

// timeAt reports whether a time of day (one or two digits, a colon, two digits: 9:15, 14:30)
// starts at i.
func timeAt(text string, i, end int) bool {
	k := i
	for k < end && k-i < 3 && digitAt(text, k, end) {
		k++
	}
	return k > i && k-i <= 2 && k < end && text[k] == ':' && digitAt(text, k+1, end) && digitAt(text, k+2, end)
}

// possessiveAt returns the end of a possessive 's (straight or curly apostrophe) that starts at
// j and is followed by no letter or digit, or j when there is none.
func possessiveAt(text string, j, end int) int {
	w := 0
	switch {
	case j < end && text[j] == '\'':
		w = 1
	case strings.HasPrefix(text[j:end], "’"):
		w = len("’")
	default:
		return j
	}
	k := j + w
	if k < end && (text[k]|0x20) == 's' && !alnumAt(text, k+1, end) {
		return k + 1
	}
	return j
}

// emitWord emits text[start:end] as one word, or as the pieces of a contraction written
// without its apostrophe ("dont" is do + nt, "cannot" can + not), as the treebank splits them.
func (z *tokenizer) emitWord(start, end int) {
	kind := parley.TokenWord
	if c := z.text[start]; c >= '0' && c <= '9' {
		kind = parley.TokenNumber
	} else if n := end - start; n >= 2 && n <= 8 && fusedFirst&(1<<(c|0x20-'a')) != 0 &&
		fusedLast&(1<<(z.text[end-1]|0x20-'a')) != 0 {
		var buf [8]byte
		lower := buf[:n]
		for k := range n {
			c := z.text[start+k]
			if class(c)&cLetter == 0 {
				lower = nil
				break
			}
			lower[k] = c | 0x20
		}
		if lower != nil && (string(lower) == "its" || string(lower) == "your") && z.clauseFollows(end) {
			// "its a reel", "your the best": it's and you're without the apostrophe, since
			// the possessive is never followed by an article, a negation or a preposition.
			cut := end - 1
			z.emit(start, cut, parley.TokenWord)
			z.emit(cut, end, parley.TokenWord)
			return
		}
		// "Ive" may be a name (Jony Ive): capitalised, it splits only when no capitalised word
		// stands before it.
		if lower != nil && (n > 3 || class(z.text[start])&cLower != 0 || !z.afterName(start)) {
			if cut1, cut2 := fusedSplit(string(lower)); cut1 > 0 {
				z.emit(start, start+cut1, parley.TokenWord)
				if cut2 > 0 {
					z.emit(start+cut1, start+cut2, parley.TokenWord)
					cut1 = cut2
				}
				z.emit(start+cut1, end, parley.TokenWord)
				return
			}
		}
	}
	z.emit(start, end, kind)
}

// afterName reports whether the token before position i, in the same sentence, is a
// capitalised word.
func (z *tokenizer) afterName(i int) bool {
	n := len(z.out)
	if n == 0 || z.out[n-1].Sent != z.sent || z.out[n-1].Kind != parley.TokenWord {
		return false
	}
	return class(z.text[z.out[n-1].Start])&cUpper != 0
}

// clauseFollows reports whether the word after position i (in the same stretch of text) is
// one that cannot follow a possessive: an article, a negation, a preposition, a verb form.
func (z *tokenizer) clauseFollows(i int) bool {
	text := z.text
	for i < z.stretchEnd && text[i] == ' ' {
		i++
	}
	k := i
	for k < z.stretchEnd && class(text[k])&cLetter != 0 && k-i <= 6 {
		k++
	}
	if k-i == 0 || k-i > 6 || alnumAt(text, k, z.stretchEnd) || (k < z.stretchEnd && text[k] == '-') {
		return false
	}
	var buf [6]byte
	for j := i; j < k; j++ {
		buf[j-i] = text[j] | 0x20
	}
	switch string(buf[:k-i]) {
	case "a", "an", "the", "not", "been", "gonna", "so", "really", "also", "no", "that", "this",
		"in", "on", "at", "too", "never", "always", "about", "my", "your", "still":
		return true
	}
	return false
}

// fusedFirst and fusedLast have a bit for each letter that a fused word of fusedSplit, "its"
// or "your" starts or ends with; other words need no look-up.
const (
	fusedFirst = 1 | 1<<('c'-'a') | 1<<('d'-'a') | 1<<('g'-'a') | 1<<('h'-'a') |
		1<<('i'-'a') | 1<<('l'-'a') | 1<<('o'-'a') | 1<<('s'-'a') | 1<<('t'-'a') | 1<<('w'-'a') |
		1<<('y'-'a')
	fusedLast = 1 | 1<<('e'-'a') | 1<<('m'-'a') | 1<<('o'-'a') | 1<<('r'-'a') |
		1<<('s'-'a') | 1<<('t'-'a')
)

// fusedSplit returns where the treebank splits a fused word written without an apostrophe:
// one or two cut points, 0 when the word is no such word. "cant" and "wont" are words too, but
// far rarer than the misspellings; "its" and "your" are handled apart.
func fusedSplit(w string) (int, int) {
	switch w {
	case "im", "ive", "alot":
		return 1, 0
	case "cant", "wont":
		return 2, 0
	case "dont", "isnt", "aint":
		return 2, 0
	case "cannot", "gonna", "wanna", "gotta", "outta", "lemme", "gimme", "didnt", "arent",
		"wasnt", "hasnt", "hadnt", "youre", "youve":
		return 3, 0
	case "doesnt", "werent", "havent", "theyre", "thats", "whats", "theyve", "heres":
		return 4, 0
	case "couldnt", "wouldnt", "theres":
		return 5, 0
	case "shouldnt":
		return 6, 0
	case "dunno":
		return 2, 3
	}
	return 0, 0
}

// clitic looks at the apostrophe at j (w bytes wide, a letter after it) inside the word that
// began at start. If a clitic follows ('s, 're, 'll, 've, 'd, 'm, or n't), it emits the word
// before the clitic and returns where the clitic starts; otherwise the apostrophe stays inside
// the word (O'Neill, rock'n'roll).
func (z *tokenizer) clitic(start, j, w, end int) (int, bool) {
	text := z.text
	k := j + w
	n := 0
	var buf [2]byte
	for k < end && n <= 2 {
		c := text[k]
		if c >= utf8.RuneSelf || ascii[c]&cLetter == 0 {
			break
		}
		if n < 2 {
			buf[n] = c | 0x20
		}
		n++
		k++
	}
	if n == 0 || n > 2 || alnumAt(text, k, end) {
		return 0, false
	}
	cut := j
	switch string(buf[:n]) {
	case "s":
		// 80's and 1990's are plurals, not possessives.
		if allDigits(text[start:j]) {
			return 0, false
		}
	case "d", "m", "ll", "re", "ve":
	case "t":
		// n't: the n belongs to the clitic (do + n't, ca + n't).
		if j-1 <= start || (text[j-1]|0x20) != 'n' {
			return 0, false
		}
		cut = j - 1
	default:
		return 0, false
	}
	if cut <= start {
		return 0, false
	}
	z.emit(start, cut, parley.TokenWord)
	return cut, true
}

// digitChain reads the digit groups joined by hyphens that start at i. It returns their end
// when they are one number (a telephone number, a zip code, a date: 853-7906, 3-5213,
// 77388-5746, 2005-03-09), and 0 when the hyphen is a range between two numbers (1946-1954,
// 13-17, 4-0).
func digitChain(text string, i, end int) int {
	groups := 0
	first, last := 0, 0
	j := i
	for {
		k := j
		for k < end && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k == j {
			return 0
		}
		groups++
		if groups == 1 {
			first = k - j
		}
		last = k - j
		j = k
		if j+1 < end && text[j] == '-' && digitAt(text, j+1, end) {
			j++
			continue
		}
		break
	}
	if alnumAt(text, j, end) {
		return 0
	}
	if groups >= 3 || (last == 4 && first != 4) {
		return j
	}
	return 0
}

// topLevelDomain reports whether a domain ending such as Com or NET stands at i, ending a word:
// Newsfeeds.Com is a name, not two sentences run together.
func topLevelDomain(text string, i, end int) bool {
	k := i
	for k < end && class(text[k])&cLetter != 0 && k-i <= 3 {
		k++
	}
	if k-i < 2 || k-i > 3 || alnumAt(text, k, end) {
		return false
	}
	var buf [3]byte
	for j := i; j < k; j++ {
		buf[j-i] = text[j] | 0x20
	}
	switch string(buf[:k-i]) {
	case "com", "net", "org", "edu", "gov", "uk", "io":
		return true
	}
	return false
}

// numberSuffix reports whether the letters at j, after a number, belong to it: an ordinal
// (1st, 22nd, 3rd, 29th) or the s of a decade (1990s).
func numberSuffix(text string, j, end int) bool {
	k := j
	for k < end && class(text[k])&cLetter != 0 && k-j <= 2 {
		k++
	}
	if k-j > 2 || alnumAt(text, k, end) {
		return false
	}
	var buf [2]byte
	for i := j; i < k; i++ {
		buf[i-j] = text[i] | 0x20
	}
	switch string(buf[:k-j]) {
	case "s", "st", "nd", "rd", "th", "x":
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dayMonthYear returns the end of a date such as 01-Feb-02 whose day ends at the hyphen at j,
// or 0.
func dayMonthYear(text string, j, end int) int {
	if j+5 >= end || text[j+4] != '-' || !digitAt(text, j+5, end) {
		return 0
	}
	m := text[j+1 : j+4]
	if lookupAbbrev(m) != month && m != "May" && m != "MAY" && lookupAbbrev(m[:1]+string([]byte{m[1] | 0x20, m[2] | 0x20})) != month {
		return 0
	}
	k := j + 5
	for k < end && digitAt(text, k, end) {
		k++
	}
	if alnumAt(text, k, end) {
		return 0
	}
	return k
}

// boundPrefix reports whether p, the part of a word before its first hyphen, is a prefix that
// the treebank keeps attached: e-mail, anti-war, co-founder, non-profit, re-election.
func boundPrefix(p string) bool {
	if len(p) > 7 {
		return false
	}
	var buf [7]byte
	for k := 0; k < len(p); k++ {
		buf[k] = p[k] | 0x20
	}
	switch string(buf[:len(p)]) {
	case "e", "anti", "co", "counter", "de", "ex", "extra", "inter", "intra", "mid", "mis",
		"multi", "neo", "non", "pre", "pro", "pseudo", "quasi", "re", "semi", "sub",
		"ultra", "un", "vice":
		return true
	}
	return false
}

// finalStop reports whether the full stop ending at i is the last mark of its sentence: only
// closing quotes and brackets, emphasis and citation markers follow it.
func (z *tokenizer) finalStop(i int) bool {
	text := z.text
	for i < z.sentEnd {
		if sp, w := spaceAt(text, i); sp {
			i += w
			continue
		}
		if w := citationAt(text, i, z.sentEnd); w > 0 {
			i += w
			continue
		}
		if w, _ := closerAt(text, i, z.sentEnd); w > 0 {
			i += w
			continue
		}
		return false
	}
	return true
}

// keepsStop reports whether the word text[start:j] keeps the full stop after it: an initial
// (M.), a dotted initialism (U.S., a.m.), a title or abbreviation (Mr., Inc., Jan., etc.), or
// No. and its like before a number.
func (z *tokenizer) keepsStop(start, j int, dotted bool, end int) bool {
	w := z.text[start:j]
	if dotted {
		return true
	}
	k := lookupAbbrev(w)
	if k == notAbbrev && len(w) >= 2 && len(w) <= 6 && isUpperASCII(w) {
		// LTD., INC. in capitals.
		var buf [6]byte
		buf[0] = w[0]
		for i := 1; i < len(w); i++ {
			buf[i] = w[i] | 0x20
		}
		if k = lookupAbbrev(string(buf[:len(w)])); k != ambiguous {
			k = notAbbrev
		}
	}
	if k == notAbbrev && len(w) == 1 {
		return class(w[0])&cUpper != 0
	}
	switch k {
	case title, ambiguous, month, never:
		return true
	case numbered:
		k := j + 1
		for k < end && z.text[k] == ' ' {
			k++
		}
		return digitAt(z.text, k, end)
	}
	return tokenAbbrevs[w]
}

// tokenAbbrevs are abbreviations that keep their full stop inside a sentence but that the
// sentence splitter has no need to know.
var tokenAbbrevs = map[string]bool{
	"etc": true, "ext": true, "Ont": true, "Mon": true, "Tue": true, "Tues": true, "Wed": true,
	"Thu": true, "Thur": true, "Thurs": true, "Fri": true, "Sat": true, "Sun": true, "Ph": true,
	"Bros": true, "Mt": true, "Ave": true, "tel": true, "Tel": true, "Sts": true, "st": true,
	"PS": true, "pop": true, "approx": true, "est": true, "dept": true,
}

// urlAt returns the end of the URL starting at i (http://, https://, ftp://, www.), or i.
func urlAt(text string, i, end int) int {
	c := text[i] | 0x20
	if c != 'h' && c != 'f' && c != 'w' && c != 'm' {
		return i
	}
	j := i
	switch {
	case hasPrefixFold(text[i:end], "http://"):
		j = i + 7
	case hasPrefixFold(text[i:end], "https://"):
		j = i + 8
	case hasPrefixFold(text[i:end], "ftp://"):
		j = i + 6
	case hasPrefixFold(text[i:end], "mailto:"):
		j = i + 7
	case hasPrefixFold(text[i:end], "www.") && alnumAt(text, i+4, end):
		j = i + 4
	default:
		return i
	}
	open := 0
	for j < end {
		c := text[j]
		if c >= utf8.RuneSelf || ascii[c]&cSpace != 0 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' {
			break
		}
		switch c {
		case '(':
			open++
		case ')':
			if open == 0 {
				goto done
			}
			open--
		}
		j++
	}
done:
	// Trailing punctuation belongs to the sentence, but not an ellipsis (some-techniques-to-...).
	for j > i && !(text[j-1] == '.' && text[j-2] == '.') {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '*', '_', ']':
			j--
			continue
		}
		break
	}
	return j
}

// emailAt returns the end of the e-mail address starting at i, or i: a local part, @, and a
// domain of letters, digits, dots and hyphens (janette.elbertson@enron.com, jane@ENRON).
func emailAt(text string, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf && (ascii[c]&cAlnum != 0 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
			j++
			continue
		}
		break
	}
	if j >= end || text[j] != '@' || !alnumAt(text, j+1, end) || text[j+1] >= utf8.RuneSelf {
		return i
	}
	j++
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf && (ascii[c]&cAlnum != 0 || c == '.' || c == '-' || c == '_') {
			j++
			continue
		}
		break
	}
	for text[j-1] == '.' || text[j-1] == '-' {
		j--
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}
