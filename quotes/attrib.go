package quotes

// The attribution patterns. They run on one "macro sentence" at a time: the tokens between two
// sentence boundaries that lie outside quotations, so that a quotation of several sentences is
// one token and “…,” he said. is a sentence of four tokens.

import "github.com/parleynews/parley/segment"

const none = -1

// span2 is a half-open range of token indexes; a is none when the range is empty.
type span2 struct{ a, b int }

var noSpan = span2{none, none}

func (s span2) ok() bool { return s.a >= 0 && s.b > s.a }

// cueAt is one reporting cue found in a sentence.
type cueAt struct {
	i, j int // token range of the cue phrase
	w    cueWord
	acc  bool // "according to"
}

// attribution is what one cue reports: who (src) and what (content).
type attribution struct {
	cue     cueAt
	hasCue  bool
	src     span2
	content span2
	// direct quotations: the first and last segment when the content is quoted words only.
	q1, q2  int
	sent    int
	partial bool // a quoted fragment in the writer's sentence, claimed by no cue
}

type analyzer struct {
	text, low string
	toks      []token
	segs      []segment.Quotation
	a, b      int   // the current sentence
	tcFor     span2 // the sentence titleCase was computed for
	tc        bool
	res       *resolver // the document's actor mentions
}

// maxReach bounds how far a pattern looks for the end of a clause, so that a paragraph with no
// full stops costs linear time, not quadratic.
const maxReach = 250

func (z *analyzer) word(i int) bool { return i >= 0 && i < len(z.toks) && z.toks[i].k == kWord }

func (z *analyzer) lowAt(i int) string {
	if i < z.a || i >= z.b {
		return ""
	}
	return z.toks[i].low
}

func (z *analyzer) punct(i int, p string) bool {
	return i >= z.a && i < z.b && z.toks[i].k == kPunct && z.toks[i].low == p
}

func (z *analyzer) quote(i int) bool { return i >= z.a && i < z.b && z.toks[i].k == kQuote }

// skippable reports tokens that stand between a subject and its verb: auxiliaries and adverbs.
func (z *analyzer) skippable(i int) bool {
	t := &z.toks[i]
	return t.k == kWord && !t.is(fCap) && adverbLike(t.low)
}
