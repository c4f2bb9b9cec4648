package dates

import (
	"context"
	"fmt"
	"sort"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// Stage finds the temporal expressions of a document once, for every stage that dates what it
// reads (quotes, events, stances): it fills Document.Timexes from each live sentence, resolved
// against the document's publication date. It runs after the cleaner, whose removals decide
// which sentences are live, and holds no state, so one Stage serves any number of goroutines.
type Stage struct{}

// New returns the dates stage.
func New() *Stage { return &Stage{} }

func (*Stage) Name() string { return "dates" }

// Process sets doc.Timexes, in text order, from the tokens of each live sentence
// (doc.Tokens, as the tokens stage made them; the stage makes them itself when they are
// missing). A sentence is live unless a removal other than an off-topic one covers it whole:
// off-topic text is still news, and a sentence the cleaner only trimmed (a citation marker cut
// out) is still read, without what was cut.
func (*Stage) Process(ctx context.Context, doc *parley.Document) error {
	if doc == nil {
		return parley.Errorf(parley.EINVALID, "dates: no document")
	}
	ref, known := doc.PublishedTime()
	stoks := doc.Tokens
	if len(stoks) == 0 {
		var cut []parley.Span
		for _, r := range doc.Removed {
			if r.Reason != parley.ReasonOffTopic {
				cut = append(cut, r.Span)
			}
		}
		stoks = segment.Tokens(doc.Text, doc.Paragraphs, doc.Sentences, cut)
	}
	var out []parley.Timex
	var buf []token
	for si, sp := range doc.Sentences {
		if si%256 == 0 && ctx.Err() != nil {
			return fmt.Errorf("dates: %w", ctx.Err())
		}
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End || removed(doc.Removed, sp) {
			continue
		}
		// Most sentences hold no date, and a look at their letters is cheaper than their words.
		if !hint(doc.Text[sp.Start:sp.End]) {
			continue
		}
		buf = words(doc.Text, parley.SentenceTokens(stoks, si), buf[:0])
		out = find(out, doc.Text, buf, int32(si), ref, known)
	}
	doc.Timexes = out
	return nil
}

func removed(rs []parley.Removal, sp parley.Span) bool {
	for _, r := range rs {
		if r.Reason != parley.ReasonOffTopic && r.Span.Contains(sp) {
			return true
		}
	}
	return false
}

// InSentence returns the timexes of sentence sent (an index of Document.Sentences): a part of
// ts, which must be in text order, as the stage writes them.
func InSentence(ts []parley.Timex, sent int) []parley.Timex {
	lo := sort.Search(len(ts), func(i int) bool { return int(ts[i].Sent) >= sent })
	hi := lo
	for hi < len(ts) && int(ts[hi].Sent) == sent {
		hi++
	}
	return ts[lo:hi]
}

// NearestIn returns the timex in ts that best dates something said or done at byte offset pos
// of the document, by the rule of Nearest: a resolved one before one that is not, then the
// closest. ok is false when ts is empty.
func NearestIn(ts []parley.Timex, pos int) (parley.Timex, bool) {
	i := nearest(len(ts), func(i int) (int, int, bool) { return ts[i].Start, ts[i].End, ts[i].Date != "" }, pos)
	if i < 0 {
		return parley.Timex{}, false
	}
	return ts[i], true
}
