// Package clean finds what in a document's text is not article prose: the navigation, bylines,
// share bars, comment boxes, image credits, repeated lines and reference lists that come along
// when coverage is pasted from a browser or extracted from a page. The text itself is never
// changed; each such stretch is listed in Document.Removed with its reason, so every later
// annotation can still point at the exact words it came from. On the way the cleaner reads the
// document's title, its publication date and its list of cited sources, and raises flags about
// citation markers that the text cannot back up.
//
// The rules are general evidence about lines — length, closing punctuation, the density of
// English function words, capitalisation, position before the first or after the last prose
// paragraph, repetition — plus a small lexicon of web furniture ("Skip to content", "Read
// more", "Leave a comment"). A line that holds quotation marks and reads as prose is never
// treated as furniture: quoted words are evidence and must stay.
package clean

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// headerLines bounds how far down the title may be looked for: past the navigation a paste
// starts with, a headline comes within the first few lines or not at all.
const headerLines = 8

// mismatchDays is how much later than its newest source a text may be dated before the sources
// are flagged as stale: a month allows for a report that cites the previous weeks.
const mismatchDays = 30

// Clean finds the non-article parts of doc.Text and lists them in doc.Removed; it sets
// doc.Title and doc.Published when they are empty and can be read from the text, fills
// doc.References from a reference list, and adds flags about citations. It reads doc.Paragraphs
// when segmentation has run, and splits the text at line breaks itself otherwise. Removals
// already in doc.Removed are kept, and new ones never overlap them. Clean keeps no state between
// calls, so it may run on different documents at once.
func Clean(doc *parley.Document) error {
	if doc == nil {
		return parley.Errorf(parley.EINVALID, "clean: no document")
	}
	lines, err := splitLines(doc.Text, doc.Paragraphs)
	if err != nil {
		return fmt.Errorf("clean %s: %w", doc.Source, err)
	}
	c := &cleaner{doc: doc, text: doc.Text, lines: lines, reason: make([]string, len(lines)), title: -1}
	c.referenceLists()
	c.header()
	c.furniture()
	c.duplicates()
	c.citations()
	c.commit()
	return nil
}

// cleaner holds one run of Clean over one document.
type cleaner struct {
	doc     *parley.Document
	text    string
	lines   []line
	reason  []string // per line: why the whole line goes, "" to keep it
	inList  []bool   // per line: part of a reference list
	partial []parley.Removal
	lists   []refList
	title   int // line index of the title, -1 when none

	published, updated string // dates read from datelines
}

// referenceLists finds the lists of sources, records their entries, and marks their lines.
func (c *cleaner) referenceLists() {
	c.inList = make([]bool, len(c.lines))
	c.lists = findReferenceLists(c.text, c.lines)
	for _, l := range c.lists {
		for i := l.first; i <= l.last; i++ {
			c.inList[i] = true
		}
	}
}

// free reports whether line i is still undecided.
func (c *cleaner) free(i int) bool { return c.reason[i] == "" && !c.inList[i] }

// protected reports whether a line carries quoted words in a sentence: such a line is never
// furniture, whatever phrases it contains.
func protected(l *line) bool {
	return l.quoted && (l.words >= 5 || l.terminal)
}

// isLabel reports whether a line is a short caption-like label: one to three words, no closing
// punctuation, capitalised ("World", "World Defense", "OPINION").
func isLabel(l *line) bool {
	return l.words >= 1 && l.words <= 3 && !l.terminal && !l.quoted && l.titled >= 0.99 &&
		!strings.HasSuffix(l.text, ":") && len(l.text) <= 40
}

// headingLike reports whether a line could be a headline: short enough, no list lead-in, and
// either without a closing full stop or capitalised as titles are.
func headingLike(l *line) bool {
	if l.words < 2 || l.words > 30 || len(l.text) > 300 || l.prose && l.words > 14 {
		return false
	}
	if strings.HasSuffix(l.text, ":") || strings.HasSuffix(l.text, ",") {
		return false
	}
	if l.fullStop {
		// Some outlets end headlines with a full stop; a short line with the function words of
		// a sentence, or two sentences, is a sentence all the same.
		return l.titled >= 0.75 && l.words <= 25 ||
			l.words <= 14 && l.function < 0.3 && !sentenceBreakRe.MatchString(l.text)
	}
	return true
}

// sentenceBreakRe is a full stop inside a line followed by the capital of a new sentence.
var sentenceBreakRe = regexp.MustCompile(`\p{Ll}{2}\.\s+\p{Lu}`)

// header finds the title: the first heading-like line near the top, after the navigation,
// kickers and datelines that may come before it. What is skipped on the way is removed, as
// are section labels and datelines between the title and the first paragraph of prose.
func (c *cleaner) header() {
	i := 0
	for ; i < len(c.lines) && i < headerLines; i++ {
		l := &c.lines[i]
		if !c.free(i) {
			break
		}
		if protected(l) {
			break
		}
		if r := uiReason(l); r != "" {
			c.reason[i] = r
			continue
		}
		if c.dateline(i, true, true) {
			continue
		}
		if creditLine(l) {
			c.reason[i] = parley.ReasonBoilerplate
			continue
		}
		if l.words == 0 {
			continue // a rule or a stray symbol: neither title nor furniture worth listing
		}
		// A one-word capitalised line, or a short label above a longer headline, is a section
		// kicker ("World", "Politics | Europe").
		if isLabel(l) && (l.words == 1 || c.longerHeadingNext(i)) {
			c.reason[i] = parley.ReasonNavigation
			continue
		}
		break
	}
	// A headline has at least four words: a shorter line at the top is a label or a dateline
	// ("World Defense", "BAAR, SWITZERLAND") more often than a title.
	if i >= len(c.lines) || i >= headerLines || !c.free(i) || !headingLike(&c.lines[i]) || c.lines[i].words < 4 {
		return
	}
	c.title = i
	title := c.lines[i].text
	if date, rest, ok := fusedDate(title); ok {
		// "date 2025-08-19 Trump says …", "Trump says … | 19 August 2025": the paste ran the
		// date line into the headline.
		if c.published == "" {
			c.published = date
		}
		title = rest
	}
	if c.doc.Title == "" {
		c.doc.Title = title
	}
	// Between the title and the first prose paragraph: section labels and datelines.
	for j := i + 1; j < len(c.lines) && j < i+headerLines; j++ {
		l := &c.lines[j]
		if l.prose || !c.free(j) {
			break
		}
		if protected(l) || c.dateline(j, true, true) {
			continue
		}
		if r := uiReason(l); r != "" {
			c.reason[j] = r
			continue
		}
		if isLabel(l) && l.key != c.lines[i].key {
			c.reason[j] = parley.ReasonNavigation
		}
	}
}

// longerHeadingNext reports whether the next line is a headline longer than line i.
func (c *cleaner) longerHeadingNext(i int) bool {
	if i+1 >= len(c.lines) {
		return false
	}
	n := &c.lines[i+1]
	return headingLike(n) && !n.prose && n.words > c.lines[i].words
}

// dateline removes line i if it is a byline or dateline, and keeps the date it gives. Bare
// dates count only where bylines stand (top or bottom, edge); labelled ones anywhere. Only a
// date above the article, or one labelled as such, is taken as the publication date: a bare date
// at the bottom usually dates a correction or an update.
func (c *cleaner) dateline(i int, edge, top bool) bool {
	l := &c.lines[i]
	if protected(l) {
		return false
	}
	date, keyword, labelled, ok := dateLine(l)
	if !ok || !(labelled || edge) {
		return false
	}
	if keyword == "" && !top {
		date = ""
	}
	c.reason[i] = parley.ReasonBoilerplate
	if date != "" {
		switch keyword {
		case "updated", "last updated", "modified", "last modified":
			if c.updated == "" {
				c.updated = date
			}
		default:
			if c.published == "" {
				c.published = date
			}
		}
	}
	return true
}

// furniture applies the line rules to the whole text: the lexicon, datelines, image credits
// (also glued to a heading), and short lines after the last paragraph of prose.
func (c *cleaner) furniture() {
	firstProse, lastProse, lastBody := -1, -1, -1
	for i := range c.lines {
		l := &c.lines[i]
		if !c.free(i) {
			continue
		}
		if l.prose {
			if firstProse < 0 {
				firstProse = i
			}
			lastProse = i
		}
		// The body runs to the last line of some length that is not itself furniture; list
		// items without a full stop count.
		if l.words >= 6 && uiReason(l) == "" && !creditLine(l) {
			lastBody = i
		}
	}
	for i := range c.lines {
		l := &c.lines[i]
		if !c.free(i) {
			continue
		}
		// A credit glued to a heading or a paragraph goes even from a line of quoted prose:
		// only the credit is removed, never the words after it.
		if n := gluedCredit(l); n > 0 {
			if s, ok := segment.Trim(c.text, l.Start, l.Start+n); ok {
				c.partial = append(c.partial, parley.Removal{Span: s, Reason: parley.ReasonBoilerplate})
			}
			continue
		}
		if i == c.title || protected(l) {
			continue
		}
		edge := firstProse < 0 || i < firstProse || i > lastProse
		if r := uiReason(l); r != "" {
			c.reason[i] = r
			continue
		}
		if c.dateline(i, edge, firstProse < 0 || i < firstProse) {
			continue
		}
		if creditLine(l) {
			c.reason[i] = parley.ReasonBoilerplate
			continue
		}
		// After the last paragraph of the body, short lines without closing punctuation are
		// the page's tail: tags, "Latest", link lists.
		if lastProse >= 0 && i > lastBody && l.words >= 1 && l.words <= 5 && !l.terminal {
			c.reason[i] = parley.ReasonNavigation
		}
	}
}

// duplicates removes later copies of a line: of the title whatever its length, of any other
// line if it has at least three words. The first copy stays.
func (c *cleaner) duplicates() {
	seen := make(map[string]bool, len(c.lines))
	titleKey := ""
	if c.title >= 0 {
		titleKey = c.lines[c.title].key
	}
	for i := range c.lines {
		l := &c.lines[i]
		if c.inList[i] || l.words == 0 {
			continue
		}
		if seen[l.key] && (l.words >= 3 || l.key == titleKey) {
			if c.reason[i] == "" {
				c.reason[i] = parley.ReasonDuplicateLine
			}
			continue
		}
		seen[l.key] = true
	}
}

// citations records the reference lists and checks the markers of the text against them.
func (c *cleaner) citations() {
	if c.doc.Published == "" {
		if c.published != "" {
			c.doc.Published = c.published
		} else if c.updated != "" {
			c.doc.Published = c.updated
		}
	}
	labels := map[string]bool{}
	var refs []parley.Reference
	for _, l := range c.lists {
		refs = append(refs, l.refs...)
		for _, r := range l.refs {
			labels[r.Label] = true
		}
		n := len(l.refs)
		detail := strconv.Itoa(n) + " references"
		if n == 1 {
			detail = "1 reference"
		}
		c.flag(parley.Flag{Kind: parley.FlagReferenceList, Detail: detail, Span: l.Span})
	}
	if len(c.doc.References) == 0 {
		c.doc.References = refs
	}

	var missing []string
	var span parley.Span
	seen := map[string]bool{}
	for _, m := range CitationMarkers(c.text) {
		if c.inListSpan(m.Span) {
			continue
		}
		for _, lab := range m.Labels {
			if labels[lab] {
				continue
			}
			if span.End == 0 {
				span.Start = m.Start
			}
			span.End = m.End
			if !seen[lab] {
				seen[lab] = true
				missing = append(missing, lab)
			}
		}
	}
	if len(missing) > 0 {
		sort.Slice(missing, func(a, b int) bool {
			x, _ := strconv.Atoi(missing[a])
			y, _ := strconv.Atoi(missing[b])
			return x < y
		})
		why := "and the text has no reference list"
		if len(c.lists) > 0 {
			why = "which the reference list does not hold"
		}
		c.flag(parley.Flag{Kind: parley.FlagCitationMarkersUnresolved,
			Detail: "markers cite [" + strings.Join(missing, "] [") + "] " + why, Span: span})
	}
	c.staleReferences(refs)
}

// staleReferences flags a reference list whose newest entry is well older than the events the
// text reports: the document's date, or a later date the text itself gives.
func (c *cleaner) staleReferences(refs []parley.Reference) {
	newest := -1
	for _, r := range refs {
		if d, ok := dayOf(r.Date); ok && d > newest {
			newest = d
		}
	}
	if newest < 0 {
		return
	}
	best, bestDate := -1, ""
	var bestSpan parley.Span
	if d, ok := dayOf(c.doc.Published); ok {
		best, bestDate, bestSpan = d, c.doc.Published[:10], c.lists[len(c.lists)-1].Span
	}
	for i := range c.lines {
		l := &c.lines[i]
		if c.inList[i] || c.reason[i] != "" {
			continue
		}
		hits := FindDates(l.text)
		for _, h := range hits {
			if d, ok := dayOf(h.Date); ok && d > best {
				best, bestDate, bestSpan = d, h.Date, parley.Span{Start: l.Start + h.Start, End: l.Start + h.End}
			}
		}
		if !hasYear(l.text) {
			continue
		}
		for _, m := range monthYearRe.FindAllStringSubmatchIndex(l.text, -1) {
			if !isUpperASCII(l.text[m[2]]) || insideHit(hits, m[0], m[1]) {
				continue // "may 2025" in lower case is likelier a verb than a month
			}
			date, ok := makeDate(atoi(l.text[m[4]:m[5]]), monthNumber(l.text[m[2]:m[3]]), 1)
			if !ok {
				continue
			}
			if d, _ := dayOf(date); d > best {
				best, bestDate, bestSpan = d, date[:7], parley.Span{Start: l.Start + m[0], End: l.Start + m[1]}
			}
		}
	}
	if best-newest > mismatchDays {
		newestDate := ""
		for _, r := range refs {
			if d, ok := dayOf(r.Date); ok && d == newest {
				newestDate = r.Date
			}
		}
		c.flag(parley.Flag{Kind: parley.FlagReferenceDateMismatch,
			Detail: fmt.Sprintf("the text is dated %s but its newest reference is from %s", bestDate, newestDate),
			Span:   bestSpan})
	}
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func insideHit(hits []DateHit, start, end int) bool {
	for _, h := range hits {
		if h.Start < end && start < h.End {
			return true
		}
	}
	return false
}

func (c *cleaner) inListSpan(s parley.Span) bool {
	for _, l := range c.lists {
		if l.Contains(s) {
			return true
		}
	}
	return false
}

// flag adds a flag unless the same one is there already (Clean may run twice).
func (c *cleaner) flag(f parley.Flag) {
	if slices.Contains(c.doc.Flags, f) {
		return
	}
	c.doc.Flags = append(c.doc.Flags, f)
}

// commit merges the removals into doc.Removed, sorted, never overlapping what was there.
func (c *cleaner) commit() {
	var add []parley.Removal
	for _, l := range c.lists {
		add = append(add, parley.Removal{Span: l.Span, Reason: parley.ReasonReferenceList})
	}
	for i, r := range c.reason {
		if r != "" {
			add = append(add, parley.Removal{Span: c.lines[i].Span, Reason: r})
		}
	}
	add = append(add, c.partial...)
	if len(add) == 0 {
		return
	}
	sort.Slice(add, func(a, b int) bool { return add[a].Start < add[b].Start })
	old := slices.Clone(c.doc.Removed)
	sort.SliceStable(old, func(a, b int) bool { return old[a].Start < old[b].Start })
	// One merge walk: the new spans do not overlap one another, so their ends rise with their
	// starts, and an old span overlaps one exactly when it starts before its end and reaches
	// past its start.
	out := slices.Clone(old)
	j, reach := 0, -1
	for _, r := range add {
		for j < len(old) && old[j].Start < r.End {
			reach = max(reach, old[j].End)
			j++
		}
		if reach > r.Start {
			continue
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	c.doc.Removed = out
}

// fusedDate finds a date run into a headline: at its start, after an optional label ("date",
// "published"), or at its end after a separator (" | ", " - "). It returns the date and the
// headline without it, which must still be a headline of four words or more.
func fusedDate(text string) (date, rest string, ok bool) {
	hits := FindDates(text)
	if len(hits) == 0 {
		return "", "", false
	}
	const seps = " \t|-–—•·:,"
	first, last := hits[0], hits[len(hits)-1]
	if lead := strings.ToLower(strings.TrimSpace(text[:first.Start])); lead == "" || dateLabels[strings.TrimRight(lead, ": ")] {
		rest = strings.TrimLeft(text[first.End:], seps)
		if len(strings.Fields(rest)) >= 4 {
			return first.Date, rest, true
		}
	}
	if strings.TrimSpace(text[last.End:]) == "" {
		head := strings.TrimRight(text[:last.Start], " \t")
		if trimmed := strings.TrimRight(head, "|-–—•·"); len(trimmed) < len(head) {
			rest = strings.TrimRight(trimmed, seps)
			if len(strings.Fields(rest)) >= 4 {
				return last.Date, rest, true
			}
		}
	}
	return "", "", false
}

// dateLabels may stand before a date run into a headline.
var dateLabels = map[string]bool{"date": true, "published": true, "posted": true, "updated": true, "published on": true, "posted on": true}
