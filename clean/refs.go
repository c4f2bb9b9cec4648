package clean

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// Marker is a citation marker in running text, such as "[3]" or "[1, 4]" or "[2-4]", with the
// labels it cites (ranges expanded).
type Marker struct {
	parley.Span
	Labels []string
}

var (
	markerRe = regexp.MustCompile(`\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]`)
	// entryLabelRe finds the label of a bracketed reference entry: at a line start, or after
	// white space when several entries share one line.
	entryLabelRe = regexp.MustCompile(`(?:^|\s)\[(\d{1,3})\][ \t]*`)
	// numberedRe is a numbered or bulleted entry under a "References" heading.
	numberedRe = regexp.MustCompile(`^(?:\[(\d{1,3})\]|(\d{1,3})[.)]|[-•*–·])\s+`)
	// listHeadingRe is the heading of a list of sources, as normalize leaves it.
	// ("Reference(s):" reads "reference(s", its closing parenthesis trimmed with the colon.)
	listHeadingRe = regexp.MustCompile(`^(?:references?|sources?|citations?|(?:reference|source|citation|note)\(s\)?|bibliography|works cited|footnotes|notes|further reading|sources and references|references and notes)$`)
	urlRe         = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	urlLineRe     = regexp.MustCompile(`(?i)^(?:<?(?:https?://|www\.)\S+>?|(?:retrieved|accessed|archived)\b.{0,80})$`)
)

// isMarkerBody reports whether s (the inside of brackets) is a list of citation numbers.
func isMarkerBody(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c == ',' || c == ';' || c == '-' || c == ' ':
		default:
			if !strings.HasPrefix(s[i:], "–") {
				return false
			}
			i += len("–") - 1
		}
	}
	return digit
}

// CitationMarkers returns the citation markers in text, in order. Each bracket is one marker;
// "[2-4]" cites 2, 3 and 4 (ranges of more than 50 are not expanded, only their ends).
func CitationMarkers(text string) []Marker {
	var out []Marker
	for _, m := range markerRe.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, Marker{
			Span:   parley.Span{Start: m[0], End: m[1]},
			Labels: markerLabels(text[m[2]:m[3]]),
		})
	}
	return out
}

func markerLabels(body string) []string {
	var labels []string
	for _, part := range strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		if !isRange {
			labels = append(labels, strings.TrimLeft(part, "0")+zeroIfEmpty(part))
			continue
		}
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b, errB := strconv.Atoi(strings.TrimSpace(hi))
		if errA != nil || errB != nil {
			continue
		}
		if b < a || b-a > 50 {
			labels = append(labels, strconv.Itoa(a), strconv.Itoa(b))
			continue
		}
		for n := a; n <= b; n++ {
			labels = append(labels, strconv.Itoa(n))
		}
	}
	return labels
}

// zeroIfEmpty keeps "0" (or "00") a label rather than trimming it to nothing.
func zeroIfEmpty(s string) string {
	if strings.Trim(s, "0") == "" && s != "" {
		return "0"
	}
	return ""
}

// refList is one reference list found in the text: the lines it covers and its entries.
type refList struct {
	parley.Span
	first, last int // line indexes, inclusive
	refs        []parley.Reference
}

// ParseReferences finds the reference lists in text and returns their entries, with spans into
// text. Two layouts are read: entries labelled "[1]", "[2]"... at line starts (several may share
// one line), and numbered or bulleted entries ("1. Outlet, Title, date") under a heading such
// as "References" or "Sources". A run of entries counts as a list only if most entries look
// like citations (a date, a link or a quoted title).
func ParseReferences(text string) []parley.Reference {
	lines, err := splitLines(text, nil)
	if err != nil {
		return nil
	}
	var out []parley.Reference
	for _, l := range findReferenceLists(text, lines) {
		out = append(out, l.refs...)
	}
	return out
}

// findReferenceLists returns the reference lists among the lines, in order.
func findReferenceLists(text string, lines []line) []refList {
	var out []refList
	for i := 0; i < len(lines); i++ {
		heading := listHeadingRe.MatchString(lines[i].norm) && lines[i].words <= 4
		start := i
		if heading {
			start = i + 1
		}
		var refs []parley.Reference
		j := start
		for ; j < len(lines); j++ {
			l := lines[j]
			var got []parley.Reference
			switch {
			case strings.HasPrefix(l.text, "[") && entryLabelRe.MatchString(l.text) && entryLabelRe.FindStringIndex(l.text)[0] == 0:
				got = bracketEntries(text, l)
			case heading && numberedRe.MatchString(l.text) && l.words > 1:
				got = []parley.Reference{numberedEntry(text, l, len(refs)+1)}
			case len(refs) > 0 && urlLineRe.MatchString(l.text):
				// A link or "Retrieved…" line continues the entry above it.
				refs[len(refs)-1].End = l.End
				continue
			}
			if got == nil {
				break
			}
			refs = append(refs, got...)
		}
		if len(refs) == 0 {
			continue
		}
		if !citationLike(text, refs) {
			i = max(i, j-1) // a run of entries is judged once, not again from each of its lines
			continue
		}
		first := i
		if !heading {
			first = start
		}
		out = append(out, refList{
			Span:  parley.Span{Start: lines[first].Start, End: lines[j-1].End},
			first: first, last: j - 1, refs: refs,
		})
		i = j - 1
	}
	return out
}

// citationLike reports whether at least half the entries carry what citations carry.
func citationLike(text string, refs []parley.Reference) bool {
	n := 0
	for _, r := range refs {
		body := r.In(text)
		if r.Date != "" || r.Title != "" && strings.ContainsAny(body, "\"“”«»‘’'") || urlRe.MatchString(body) {
			n++
		}
	}
	return 2*n >= len(refs)
}

// bracketEntries splits a line that starts with "[n]" into its entries.
func bracketEntries(text string, l line) []parley.Reference {
	locs := entryLabelRe.FindAllStringSubmatchIndex(l.text, -1)
	var out []parley.Reference
	for k, m := range locs {
		labelStart := m[0]
		if l.text[labelStart] != '[' { // the match began with the white space before "["
			_, w := utf8.DecodeRuneInString(l.text[labelStart:])
			labelStart += w
		}
		end := len(l.text)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		s, ok := segment.Trim(text, l.Start+labelStart, l.Start+end)
		if !ok {
			continue
		}
		body := ""
		if l.Start+m[1] < s.End {
			body = text[l.Start+m[1] : s.End]
		}
		out = append(out, makeReference(s, l.text[m[2]:m[3]], body))
	}
	return out
}

// numberedEntry reads "1. Outlet, Title, date" (or a bulleted entry, labelled by position).
func numberedEntry(text string, l line, pos int) parley.Reference {
	m := numberedRe.FindStringSubmatchIndex(l.text)
	label := strconv.Itoa(pos)
	switch {
	case m[2] >= 0:
		label = l.text[m[2]:m[3]]
	case m[4] >= 0:
		label = l.text[m[4]:m[5]]
	}
	body := strings.TrimSpace(l.text[m[1]:])
	return makeReference(l.Span, label, body)
}

// makeReference reads outlet, title and date from an entry's body.
func makeReference(s parley.Span, label, body string) parley.Reference {
	r := parley.Reference{Span: s, Label: strings.TrimLeft(label, "0") + zeroIfEmpty(label)}
	if d, ok := ParseDate(body); ok {
		r.Date = d
	}
	trimField := func(f string) string {
		return strings.TrimFunc(f, func(r rune) bool {
			return segment.IsSpace(r) || strings.ContainsRune(",.;:-–—", r)
		})
	}
	if qs, qe, ok := quotedSegment(body); ok {
		r.Title = trimField(body[qs:qe])
		r.Outlet = trimField(body[:openerStart(body, qs)])
		if r.Outlet == "" {
			// "Title," Outlet, 2025-04-01.
			for _, f := range strings.Split(body[qe:], ",") {
				f = trimField(strings.TrimLeft(f, "\"”’»"))
				if f != "" && !isDateOrURL(f) {
					r.Outlet = f
					break
				}
			}
		}
		return r
	}
	var fields []string
	for _, f := range strings.Split(urlRe.ReplaceAllString(body, ""), ",") {
		if f = trimField(f); f != "" && !isDateOrURL(f) {
			fields = append(fields, f)
		}
	}
	if len(fields) > 0 {
		r.Outlet = fields[0]
	}
	if len(fields) > 1 {
		r.Title = fields[1]
	}
	return r
}

func isDateOrURL(s string) bool {
	if urlRe.MatchString(s) {
		return true
	}
	if _, ok := ParseDate(s); ok {
		return true
	}
	return monthYearRe.MatchString(s) && len(strings.Fields(s)) <= 3 || isYear(s)
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// quotedSegment finds the first quoted stretch of s and returns the byte range inside the
// marks. Single quotes count only where they open a word, so apostrophes are not mistaken for
// them.
func quotedSegment(s string) (start, end int, ok bool) {
	closers := map[rune]string{'"': "\"", '“': "”\"", '„': "“”\"", '«': "»", '‘': "’'", '\'': "'’"}
	prev := ' '
	for i, r := range s {
		cl, isOpen := closers[r]
		if isOpen && (unicode.IsSpace(prev) || prev == '(' || i == 0) {
			from := i + utf8.RuneLen(r)
			for j, c := range s[from:] {
				if !strings.ContainsRune(cl, c) {
					continue
				}
				// A single closing mark must end a word, not sit inside one ("Putin’s").
				after, _ := utf8.DecodeRuneInString(s[from+j+utf8.RuneLen(c):])
				if (r == '‘' || r == '\'') && unicode.IsLetter(after) {
					continue
				}
				if j > 0 {
					return from, from + j, true
				}
				break
			}
		}
		prev = r
	}
	return 0, 0, false
}

// openerStart steps back from the inside of a quotation to its opening mark.
func openerStart(s string, inner int) int {
	_, w := utf8.DecodeLastRuneInString(s[:inner])
	return inner - w
}
