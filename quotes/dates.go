package quotes

import (
	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dates"
)

// dateQuotes gives each quote the date it was said, where the attribution tells it: "said
// Tuesday", "In an interview earlier on Tuesday, Trump said". Only expressions outside the
// quoted words count, since a date inside them belongs to what was said ("we will meet on
// Friday"), not to the saying. Without such an expression the date stays unknown: a quote is not
// dated by its document, which may report it days later.
func dateQuotes(doc *parley.Document) {
	ref, known := doc.PublishedTime()
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Cue == nil || q.Date != "" {
			continue
		}
		sent, ok := sentenceOf(doc.Sentences, q.Cue.Span)
		if !ok {
			continue
		}
		text := sent.In(doc.Text)
		var outside []dates.Expr
		for _, e := range dates.Find(text, ref, known) {
			abs := parley.Span{Start: sent.Start + e.Start, End: sent.Start + e.End}
			if e.Date != "" && !abs.Overlaps(q.Span) {
				outside = append(outside, e)
			}
		}
		if e, ok := dates.Nearest(outside, q.Cue.Start-sent.Start); ok {
			q.Date = e.Date
		}
	}
	// A report of a report ("X said Tuesday, reported Xinhua") carries the date of the
	// statement it reports.
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Date != "" {
			continue
		}
		for _, inner := range doc.Quotes {
			if inner.Date != "" && inner.Cue != nil && q.Span.Contains(inner.Cue.Span) {
				q.Date = inner.Date
				break
			}
		}
	}
}

// sentenceOf is the sentence that holds the span's start.
func sentenceOf(sents []parley.Span, s parley.Span) (parley.Span, bool) {
	lo, hi := 0, len(sents)
	for lo < hi {
		mid := (lo + hi) / 2
		if sents[mid].End <= s.Start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(sents) && sents[lo].Start <= s.Start {
		return sents[lo], true
	}
	return parley.Span{}, false
}
