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
//
// The expressions are the dates stage's (Document.Timexes), which must have run.
func dateQuotes(doc *parley.Document) {
	var outside []parley.Timex
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Cue == nil || q.Date != "" {
			continue
		}
		sent, ok := sentenceOf(doc.Sentences, q.Cue.Span)
		if !ok {
			continue
		}
		outside = outside[:0]
		for _, e := range dates.InSentence(doc.Timexes, sent) {
			if e.Date != "" && !e.Overlaps(q.Span) {
				outside = append(outside, e)
			}
		}
		if e, ok := dates.NearestIn(outside, q.Cue.Start); ok {
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

// sentenceOf is the index of the sentence that holds the span's start.
func sentenceOf(sents []parley.Span, s parley.Span) (int, bool) {
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
		return lo, true
	}
	return 0, false
}
