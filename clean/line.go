package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// line is one line of the text (a paragraph of pasted text) with the features the rules read.
type line struct {
	parley.Span
	text     string
	words    int     // tokens holding a letter or digit
	terminal bool    // ends a sentence: . ! ? … (before closing quotes, brackets, markers)
	fullStop bool    // the terminal mark is a full stop (not ? or !)
	titled   float64 // share of content words that start with a capital
	function float64 // share of words that are English function words
	quoted   bool    // holds quote marks (not apostrophes)
	prose    bool    // reads like a sentence of article prose
	sentence bool    // a sentence of any kind: some words, closing punctuation, mostly lower case
	norm     string  // lower case, folded apostrophes, trimmed of decoration, single spaces; "" for long lines
	key      string  // white space folded, for spotting repeats
}

// splitLines cuts the text into trimmed non-empty lines. Paragraph spans from segmentation are
// used when given (each is cut again at line breaks, in case a paragraph holds several lines);
// otherwise the text is split at line breaks directly.
func splitLines(text string, paragraphs []parley.Span) ([]line, error) {
	var spans []parley.Span
	if len(paragraphs) == 0 {
		spans = lineSpans(text, 0, len(text), nil)
	} else {
		prev := 0
		for _, p := range paragraphs {
			if p.Start < prev || p.End < p.Start || p.End > len(text) {
				return nil, parley.Errorf(parley.EINVALID, "paragraph span [%d,%d) out of order or outside the text (%d bytes)", p.Start, p.End, len(text))
			}
			prev = p.End
			spans = lineSpans(text, p.Start, p.End, spans)
		}
	}
	out := make([]line, 0, len(spans))
	for _, s := range spans {
		out = append(out, newLine(text, s))
	}
	return out, nil
}

// lineSpans appends the trimmed, non-empty lines of text[start:end]. Boundaries are moved onto
// rune starts so that a span handed in mid-rune cannot produce an invalid one.
func lineSpans(text string, start, end int, out []parley.Span) []parley.Span {
	for start < end && !runeBoundary(text, start) {
		start++
	}
	for end > start && !runeBoundary(text, end) {
		end--
	}
	ls := start
	for i := start; i < end; {
		w := lineBreak(text, i)
		if w == 0 {
			i++
			continue
		}
		if s, ok := segment.Trim(text, ls, i); ok {
			out = append(out, s)
		}
		i += w
		ls = i
	}
	if s, ok := segment.Trim(text, ls, end); ok {
		out = append(out, s)
	}
	return out
}

// runeBoundary reports whether i starts a rune as a Go range loop sees the text: an invalid
// byte counts as a rune of its own, so only the inside of a valid multi-byte rune is not a
// boundary.
func runeBoundary(text string, i int) bool {
	if i <= 0 || i >= len(text) || utf8.RuneStart(text[i]) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(text[j]) {
			_, w := utf8.DecodeRuneInString(text[j:])
			return j+w <= i
		}
	}
	return true
}

// lineBreak is the width of a line break at i (\n, \r\n, \r, \v, \f, NEL, U+2028, U+2029).
func lineBreak(text string, i int) int {
	switch text[i] {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// functionWords are the commonest English closed-class words: prose is dense with them,
// menus, labels and headlines are not.
var functionWords = vocab.Set("functionWords")

// smallWords stay lower case in a title-case headline.
var smallWords = vocab.Set("smallWords")

// wordClass holds both lists for newLine, which asks of every short word: one lookup, not two.
var wordClass = func() map[string]uint8 {
	m := make(map[string]uint8, len(functionWords)+len(smallWords))
	for w := range functionWords {
		m[w] |= classFunction
	}
	for w := range smallWords {
		m[w] |= classSmall
	}
	return m
}()

const (
	classFunction = 1 << iota
	classSmall
)

func newLine(text string, s parley.Span) line {
	l := line{Span: s, text: s.In(text)}
	var content, capital, fn int
	var buf [12]byte
	eachField(l.text, func(f string) {
		if !hasAlnum(f) {
			return
		}
		l.words++
		// Function and small words are short ASCII words; only those need a lower-case copy.
		w := strings.TrimFunc(f, isWordEdge)
		if len(w) <= len(buf) {
			b := buf[:len(w)]
			ascii := true
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= utf8.RuneSelf {
					ascii = false
					break
				}
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[k] = c
			}
			// m[string(b)] does not allocate: the compiler sees the conversion is only a key.
			if ascii {
				class := wordClass[string(b)]
				if class&classFunction != 0 {
					fn++
				}
				if class&classSmall != 0 {
					return
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(f, isWordEdge))
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			content++
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				capital++
			}
		}
	})
	if content > 0 {
		l.titled = float64(capital) / float64(content)
	}
	if l.words > 0 {
		l.function = float64(fn) / float64(l.words)
	}
	l.terminal, l.fullStop = endsSentence(l.text)
	l.quoted = hasQuoteMarks(l.text)
	// Prose: a sentence of some length with the function words of running English, or any
	// long line (a pasted paragraph may lose its last full stop).
	l.prose = (l.words >= 8 && l.terminal && l.function >= 0.12) || (l.words >= 25 && l.function >= 0.15)
	l.sentence = l.words >= 6 && l.terminal && l.titled < 0.5
	if l.words <= 25 {
		// Only short lines are matched against the lexicon and the dateline grammar.
		l.norm = normalize(l.text)
	}
	l.key = foldSpace(l.text)
	return l
}

// isWordEdge is punctuation that clings to a word: quotes, brackets, stops, dashes.
func isWordEdge(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '{', '}', ',', '.', ';', ':',
		'!', '?', '*', '…', '—', '–', '-':
		return true
	}
	return false
}

// eachField calls fn for every run of non-space runes in s, without allocating.
func eachField(s string, fn func(string)) {
	start := -1
	for i, r := range s {
		if segment.IsSpace(r) {
			if start >= 0 {
				fn(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

// foldSpace turns every run of white space into one space; it returns s itself when nothing
// needs folding, which is nearly always.
func foldSpace(s string) string {
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		var sp bool
		if c < utf8.RuneSelf {
			sp = c == ' ' || '\t' <= c && c <= '\r' // segment.IsSpace of ASCII
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			sp = segment.IsSpace(r)
			i += w
		}
		if sp && (c != ' ' || prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
	}
	return s
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, looking past closing quotes,
// brackets, emphasis and citation markers ("…meaningless”*[1][7].").
func endsSentence(s string) (terminal, fullStop bool) {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		switch {
		case r == '.' && strings.HasSuffix(s, "..."):
			return true, false
		case r == '.':
			// A marker run before the stop ("…aggression[1][3].") still ends a sentence.
			return true, true
		case r == '!' || r == '?' || r == '…':
			return true, false
		case r == ']':
			open := strings.LastIndexByte(s, '[')
			if open < 0 || !isMarkerBody(s[open+1:len(s)-1]) {
				return false, false
			}
			s = s[:open]
			continue
		case strings.ContainsRune("\"'”’»)*_", r):
			s = s[:len(s)-w]
			continue
		}
		return false, false
	}
	return false, false
}

// hasQuoteMarks reports whether s holds quotation marks: double quotes of any style, or a
// single quote that opens a word (an apostrophe inside "Don't" or after "Ukrainians’" is not
// one).
func hasQuoteMarks(s string) bool {
	prev := ' '
	for i, r := range s {
		switch r {
		case '"', '“', '”', '„', '«', '»', '‟':
			return true
		case '‘', '\'', '’':
			if unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '\'' || i == 0 {
				next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
				if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '\'' {
					return true
				}
			}
		}
		prev = r
	}
	return false
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "\u00a0", " ")

// normalize lower-cases s, folds typographic apostrophes, drops decoration at either end
// (bullets, arrows, colons, full stops) and folds white space: the form the lexicon is
// matched against.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = apostrophes.Replace(s)
	s = strings.TrimFunc(s, func(r rune) bool {
		return segment.IsSpace(r) || strings.ContainsRune(":.,;!?|»›>«‹<•·*-–—_=#()[]\"“”", r)
	})
	return strings.Join(strings.Fields(s), " ")
}
