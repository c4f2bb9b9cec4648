// Package quotes is parley's quote stage: for every statement a news text reports, it finds the
// reported words, whether they are quoted whole (direct), in fragments (partial), mixed into
// reported speech (mixed) or paraphrased (indirect), the reporting cue ("said", "according to")
// and the mention of the speaker, which it resolves through the document's actors.
//
// The method is shallow and general: the document's tokens and quotation marks come from
// package segment, which pairs marks by what stands around them rather than by their glyphs;
// quotations are collapsed into single tokens, and a lexicon of reporting
// verbs with a handful of patterns (“…,” he said; said Trump; X warned that …; according to X)
// finds speaker and content, with a small noun-phrase chunker for the speaker's words. The
// lexicon and word classes are data files (data/*.txt); part of the cue lexicon is learned from
// PolNeAR's training split (data/learned.txt, written by go generate: internal/genlexicon).
//
// Conventions of the output:
//   - Kinds: "direct" when the content is quoted words only; "mixed" when reported speech holds
//     quoted fragments (its span is the whole reported content); "partial" for a quoted fragment
//     in the writer's own sentence that no cue claims; "indirect" for paraphrase, its span the
//     reported clause without "that".
//   - One quote per attribution, as attribution corpora annotate them: a quotation interrupted
//     by its attribution (“…,” he said, “…”) or going on in the next sentences or paragraphs in
//     the same voice is one quote from its first quoted word to its last, so its Text holds the
//     attribution in between.
//   - Quoted names of things (programmes, books, scare-quoted headline words) are not
//     quotes: none is made of them and none gets a speaker for them.
//   - Two apostrophes in a row are a quotation mark when they pair with another, as the New
//     York Times writes them; alone, they are dropped, as the PolNeAR scorer reads them as
//     apostrophes.
//   - Date is left empty: the dates stage fills it.
package quotes

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// Stage finds the quotations of a document. It holds no state and is safe for concurrent use.
type Stage struct{}

// New returns the quote stage.
func New() *Stage { return &Stage{} }

// Name is the stage's name in the pipeline.
func (*Stage) Name() string { return "quotes" }

// Process sets doc.Quotes, sorted by position. It reads Text, Paragraphs, Sentences, Removed
// and Actors; where Paragraphs or Sentences are missing it falls back to lines and a plain
// full-stop rule.
func (*Stage) Process(ctx context.Context, doc *parley.Document) error {
	if doc == nil {
		return parley.Errorf(parley.EINVALID, "quotes: no document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quotes %s: %w", doc.Source, err)
	}
	doc.Quotes = find(doc)
	dateQuotes(doc)
	return nil
}

// find does the work of Process.
func find(doc *parley.Document) []parley.Quote {
	text := doc.Text
	if text == "" {
		return nil
	}
	paras := doc.Paragraphs
	if len(paras) == 0 {
		paras = lines(text)
	}
	// What the cleaner took out of the article (boilerplate, navigation, reference lists) is
	// no one's words, but off-topic text still is.
	var cut []parley.Span
	for _, r := range doc.Removed {
		if r.Reason != parley.ReasonOffTopic {
			cut = append(cut, r.Span)
		}
	}
	live := segment.Live(text, paras, cut)
	if len(live) == 0 {
		return nil
	}
	// The tokens stage ran before off-topic text was marked, so its tokens are those of the
	// text cut here.
	stoks := doc.Tokens
	if len(stoks) == 0 {
		stoks = segment.Tokens(text, paras, doc.Sentences, cut)
	}
	quots := segment.Quotations(text, stoks, paras, cut)
	low := lowerASCII(text)
	buf := tokenPool.Get().(*[]token)
	toks := tokenize(text, low, stoks, quots, live, *buf)
	defer func() {
		// The quotes hold no token: the buffer is the next document's.
		clear(toks)
		if cap(toks) <= maxPooledTokens {
			*buf = toks[:0]
			tokenPool.Put(buf)
		}
	}()
	sents := macroSentences(toks, sentenceEnds(text, doc.Sentences, live))

	z := &analyzer{text: text, low: low, toks: toks, segs: quots, res: newResolver(doc)}
	found := z.run(sents)
	return z.output(doc, found)
}

// tokenPool keeps the token buffers of documents read before, so that each document does not
// allocate one of its own.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// maxPooledTokens bounds a buffer worth keeping: an outsized document's is left to the
// collector.
const maxPooledTokens = 1 << 16

// macroSentences groups tokens into sentences. A boundary inside a quotation does not count,
// since the quotation is one token; a paragraph always ends a sentence.
func macroSentences(toks []token, ends []int) []span2 {
	var out []span2
	start := 0
	ei := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) {
			out = append(out, span2{start, i})
			break
		}
		boundary := toks[i].is(fParaStart)
		for ei < len(ends) && ends[ei] < toks[i-1].e {
			ei++
		}
		if ei < len(ends) && ends[ei] <= toks[i].s {
			boundary = true
		}
		if boundary {
			out = append(out, span2{start, i})
			start = i
		}
	}
	if len(toks) == 0 {
		return nil
	}
	return out
}

// run applies the patterns sentence by sentence, then the rules that cross sentences: a
// quotation introduced by a colon at the end of the previous paragraph, and a quotation that
// goes on after its attribution (“…,” he said. “…”).
func (z *analyzer) run(sents []span2) []attribution {
	var found []attribution
	var cs []cueAt
	var cueIdx []int
	var colon *attribution
	for si, s := range sents {
		z.a, z.b = s.a, s.b
		cs = z.findCues(cs[:0])
		onlyQuotes := len(cs) == 0 && z.onlyQuotes()
		if onlyQuotes && colon == nil && si+1 < len(sents) && !z.toks[sents[si+1].a].is(fParaStart) && z.attributesBack(sents[si+1], cs) {
			// “Who do they think they are?” Trump said …: the splitter cut after the
			// question mark; the quotation belongs to the next sentence's cue.
			sents[si+1].a = s.a
			continue
		}
		if onlyQuotes {
			first, last := z.firstLastQuote()
			switch {
			case colon != nil:
				at := *colon
				at.q1, at.q2 = int(z.toks[first].seg), int(z.toks[last].seg)
				at.content = span2{first, last + 1}
				at.sent = si
				found = append(found, at)
			case len(found) > 0 && found[len(found)-1].sent == si-1 && found[len(found)-1].q1 != none && found[len(found)-1].src.ok() &&
				z.endsWith(found[len(found)-1], sents[si-1]):
				// The quotation goes on, in this sentence or the next paragraph, in the same
				// voice: one quote, as attribution corpora annotate it.
				prev := &found[len(found)-1]
				prev.q2 = int(z.toks[last].seg)
				prev.sent = si
			}
			colon = nil
			continue
		}
		cueIdx = cueIdx[:0]
		for _, c := range cs {
			cueIdx = append(cueIdx, c.i)
		}
		first := len(found)
		if at, ok := z.label(); ok {
			at.sent = si
			z.markDirect(&at)
			found = append(found, at)
		}
		found, colon = z.sentence(found, si, cs, cueIdx)
		found = z.orphans(found, first, si)
	}
	return found
}

// orphans adds the quotations of the current sentence that no cue claimed: quoted fragments in
// the writer's own sentence (Bush referred to Rubio as “a bright, charismatic leader”). Their
// speaker is the subject of the clause they stand in, when it has one; names of things get no
// quote at all.
func (z *analyzer) orphans(found []attribution, first, sent int) []attribution {
	for i := z.a; i < z.b; i++ {
		if !z.quote(i) || z.segs[z.toks[i].seg].Single || z.titleLike(i) {
			continue
		}
		seg := int(z.toks[i].seg)
		claimed := false
		for _, at := range found[first:] {
			if (at.q1 != none && at.q1 <= seg && seg <= at.q2) || (at.content.a <= i && i < at.content.b) {
				claimed = true
				break
			}
		}
		if claimed {
			continue
		}
		if z.wordsIn(seg) < orphanMinWords || z.capitalised(seg) {
			continue // a scare quote or the title of a show
		}
		src := z.fragmentSpeaker(i)
		if !src.ok() {
			continue
		}
		found = append(found, attribution{src: src, content: span2{i, i + 1}, q1: seg, q2: seg, sent: sent, partial: true})
	}
	return found
}

// orphanMinWords is the shortest unclaimed fragment worth reporting: "establishment" in quote
// marks is a scare quote, not a statement.
const orphanMinWords = 3

// capitalised reports whether every content word of segment i starts with a capital letter,
// as titles of books and shows do ("The Late Show With Stephen Colbert").
func (z *analyzer) capitalised(i int) bool {
	s := z.text[z.segs[i].Inner.Start:z.segs[i].Inner.End]
	in := false
	for k, r := range s {
		if isAlnum(r) {
			if !in && !isUpper(r) && !isDigit(r) && !smallWord(s[k:]) {
				return false
			}
			in = true
		} else if r != '\'' && r != '’' && r != '-' {
			in = false
		}
	}
	return true
}

// wordsIn counts the words of segment i.
func (z *analyzer) wordsIn(i int) int {
	n, in := 0, false
	for _, r := range z.text[z.segs[i].Inner.Start:z.segs[i].Inner.End] {
		if isAlnum(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' && r != '-' {
			in = false
		}
	}
	return n
}

// fragmentSpeaker finds who a quoted fragment at token q belongs to: the subject of its clause
// when a verb follows it, else the nearest personal pronoun before it.
func (z *analyzer) fragmentSpeaker(q int) span2 {
	if np := z.clauseSubject(q); np.ok() && np.b <= q {
		v := np.b
		for v < q && z.skippable(v) {
			v++
		}
		if v < q && z.word(v) && !z.toks[v].is(fCap) && !prepositions[z.toks[v].low] && z.toks[v].low != "and" && z.toks[v].low != "or" {
			return np
		}
	}
	for m := q - 1; m >= z.a && q-m <= 12; m-- {
		if z.word(m) && personal[z.toks[m].low] {
			return span2{m, m + 1}
		}
		if z.quote(m) || z.punct(m, ";") {
			break
		}
	}
	return noSpan
}

var personal = vocab.Set("personal")

// attributesBack reports whether sentence s opens with a cue that reports what precedes it:
// "Trump said of Apple …", "said Trump".
func (z *analyzer) attributesBack(s span2, buf []cueAt) bool {
	a, b := z.a, z.b
	defer func() { z.a, z.b = a, b }()
	z.a, z.b = s.a, s.b
	cs := z.findCues(buf[:0])
	if len(cs) == 0 || cs[0].i-z.a > 8 || cs[0].acc {
		return false
	}
	c := cs[0]
	if c.i == z.a {
		return c.w.class&cInv != 0 && z.npRight(c.j).ok()
	}
	src, _ := z.leftSubject(c)
	next := z.lowAt(c.j)
	return src.ok() && src.a == z.a && next != "that" && !z.punct(c.j, ":") && !z.quote(c.j)
}

// endsWith reports whether attribution at closes sentence s, so that a quotation right after
// it goes on in the same voice: not so in “…,” Ebeling said, and her husband cut in. “…”
func (z *analyzer) endsWith(at attribution, s span2) bool {
	last := max(at.cue.j, at.src.b)
	if at.content.b > last {
		last = at.content.b
	}
	for i := last; i+1 < s.b; i++ {
		if t, n := &z.toks[i], &z.toks[i+1]; t.k == kPunct && t.low == "," && (n.low == "and" || n.low == "but") {
			return false
		}
	}
	return s.b-last <= 12
}

// onlyQuotes reports whether the current sentence is quotations and punctuation only.
func (z *analyzer) onlyQuotes() bool {
	n := 0
	for i := z.a; i < z.b; i++ {
		switch z.toks[i].k {
		case kQuote:
			n++
		case kWord:
			return false
		}
	}
	return n > 0
}

func (z *analyzer) firstLastQuote() (first, last int) {
	first, last = none, none
	for i := z.a; i < z.b; i++ {
		if z.toks[i].k == kQuote {
			if first == none {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// titleLike reports whether the quotation at token ti is a name rather than somebody's words:
// a programme, a book, an organisation, a scare-quoted headline phrase (“Fox & Friends”,
// ‘Security Guarantees’). Such stretches are short, capitalise every content word, and follow
// a preposition, a possessive or an article (an interview with “Fox & Friends”, Fox News
// channel’s “Sunday Morning Futures”); a lone capitalised word ("Holocaust") is a scare quote.
func (z *analyzer) titleLike(ti int) bool {
	sg := z.segs[z.toks[ti].seg]
	s := z.text[sg.Inner.Start:sg.Inner.End]
	words, caps := 0, 0
	inWord := false
	for i, r := range s {
		if isAlnum(r) || r == '\'' || r == '’' || r == '-' {
			if !inWord {
				inWord = true
				words++
				if isUpper(r) || isDigit(r) {
					caps++
				} else if !smallWord(s[i:]) {
					return false
				}
			}
			continue
		}
		inWord = false
		switch r {
		case '?', '!', ';':
			return false
		}
	}
	if words == 0 || words > 8 || caps == 0 {
		return false
	}
	if ti == 0 {
		return words >= 2
	}
	p := &z.toks[ti-1]
	if p.k != kWord {
		return words >= 2 && p.k == kPunct && p.low == "("
	}
	if p.is(fPoss) || prepositions[p.low] || p.low == "the" || p.low == "a" || p.low == "an" {
		return words >= 2 || sg.Single
	}
	// In a headline every word is capitalised: Zelensky Pushes for ‘Security Guarantees’.
	return words >= 2 && p.is(fCap) && ti+1 < len(z.toks) && z.toks[ti+1].is(fCap)
}

// smallWord reports whether s starts with a word that titles leave in lower case.
func smallWord(s string) bool {
	end := 0
	for end < len(s) && end < 5 && isLetter(rune(s[end])) {
		end++
	}
	switch s[:end] {
	case "a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "by", "with", "de", "von":
		return true
	}
	return false
}

// output turns attributions into quotes: spans in bytes, kinds, resolved speakers, and the
// quotations no attribution claimed.
func (z *analyzer) output(doc *parley.Document, found []attribution) []parley.Quote {
	res := z.res
	out := make([]parley.Quote, 0, len(found)+4)
	claimed := make([]bool, len(z.segs))
	for i := range found {
		at := &found[i]
		var q parley.Quote
		if at.q1 != none {
			end := z.segs[at.q2].Inner.End
			// “We want peace,” he said: the comma is the writer's, not the speaker's.
			for end > z.segs[at.q2].Inner.Start && (z.text[end-1] == ',' || z.text[end-1] == ' ') {
				end--
			}
			q.Span = parley.Span{Start: z.segs[at.q1].Inner.Start, End: end}
			q.Kind = parley.QuoteDirect
			if at.partial {
				q.Kind = parley.QuotePartial
			}
			for s := at.q1; s <= at.q2; s++ {
				claimed[s] = true
			}
		} else {
			q.Span = parley.Span{Start: z.toks[at.content.a].s, End: z.toks[at.content.b-1].e}
			q.Kind = parley.QuoteIndirect
			for t := at.content.a; t < at.content.b; t++ {
				if z.toks[t].k == kQuote {
					sg := int(z.toks[t].seg)
					claimed[sg] = true
					if !z.titleLike(t) {
						q.Kind = parley.QuoteMixed
					}
				}
			}
		}
		if q.End <= q.Start {
			continue
		}
		q.Text = z.text[q.Start:q.End]
		if at.hasCue {
			cs, ce := z.toks[at.cue.i].s, z.toks[at.cue.j-1].e
			q.Cue = &parley.Cue{Span: parley.Span{Start: cs, End: ce}, Text: z.text[cs:ce]}
		}
		if at.src.ok() {
			sp := parley.Span{Start: z.toks[at.src.a].s, End: z.toks[at.src.b-1].e}
			q.Speaker = res.resolve(sp, q.Span)
		}
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b parley.Quote) int { return a.Start - b.Start })
	// Two cues reporting the same words make one quote: keep the first.
	w := 0
	for _, q := range out {
		if w > 0 && out[w-1].Span == q.Span {
			if out[w-1].Speaker == nil && q.Speaker != nil {
				out[w-1] = q
			}
			continue
		}
		out[w] = q
		w++
	}
	return dropNested(out[:w])
}

// dropNested removes the quotes that lie inside a longer quote: in "Carter said he believes
// his use of email was a mistake" the belief is part of what Carter said, and in a mixed
// quote the quoted fragments are part of it; attribution corpora annotate the outer report
// only (on PolNeAR's training split, fewer than one in eight such inner quotes is annotated).
// A report of a report keeps both: in "X, Leavitt said Tuesday, reported Xinhua" the inner
// attribution is whole inside the outer content and the outer cue comes after it.
func dropNested(qs []parley.Quote) []parley.Quote {
	// Longest first among quotes that start together, so that a container precedes what it
	// holds; the spans are distinct, as equal ones were merged.
	slices.SortStableFunc(qs, func(a, b parley.Quote) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	drop := make([]bool, len(qs))
	reach := -1
	for i, q := range qs {
		if q.End <= reach {
			for j := i - 1; j >= 0; j-- {
				if o := &qs[j]; q.End <= o.End && !reported(o, &q) {
					drop[i] = true
					break
				}
			}
		}
		reach = max(reach, q.End)
	}
	w := 0
	for i, q := range qs {
		if !drop[i] {
			qs[w] = q
			w++
		}
	}
	return qs[:w]
}

// reported reports whether quote in is a whole attribution that the outer quote reports: its
// content, then its cue, then the outer cue, as in "X, Leavitt said Tuesday, reported Xinhua".
func reported(outer, in *parley.Quote) bool {
	return outer.Cue != nil && in.Cue != nil && in.Cue.Start >= in.End && outer.Cue.Start >= in.Cue.End && outer.Span.Contains(in.Cue.Span)
}
