// Package stances finds where each actor stands on each issue of a story: who supports,
// opposes or conditionally accepts what, with the evidence span and the date. Issues come from
// a tracking profile the user writes; with none, they are derived from the objects of stance
// expressions ("ruled out X", "demanded X").
package stances

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dates"
	"github.com/parleynews/parley/segment"
)

// Stage is the stance stage of the pipeline. It is read-only after New and safe for concurrent
// use.
type Stage struct {
	profile *Profile
	terms   map[string][]term // by first word
}

type term struct {
	issue string
	words []string
}

// New returns the stance stage for a profile; nil means issues are derived from the text.
func New(p *Profile) *Stage {
	s := &Stage{profile: p, terms: map[string][]term{}}
	if p != nil {
		for _, is := range p.Issues {
			for _, t := range is.Terms {
				w := normTokens(t)
				s.terms[w[0]] = append(s.terms[w[0]], term{issue: is.ID, words: w})
			}
		}
	}
	return s
}

func (s *Stage) Name() string { return "stances" }

// mention is an actor mention of the document, for finding who holds a position.
type mention struct {
	parley.Span
	actor *parley.Actor
}

// match is a phrase of a sentence that names an issue, in token indices [from, to).
type match struct {
	from, to int
	issue    string
}

// cueAt is a stance cue found in a sentence, in token indices.
type cueAt struct {
	from, to int
	cue      *cue
	used     bool
}

// Process sets doc.Stances from the sentences the cleaner kept. A stance whose holder gives no
// date takes the nearest date of its sentence that the dates stage found (doc.Timexes).
func (s *Stage) Process(ctx context.Context, doc *parley.Document) error {
	var skip []parley.Span
	for _, r := range doc.Removed {
		if r.Reason != parley.ReasonOffTopic {
			skip = append(skip, r.Span)
		}
	}
	var mentions []mention
	for i := range doc.Actors {
		for _, m := range doc.Actors[i].Mentions {
			mentions = append(mentions, mention{m, &doc.Actors[i]})
		}
	}
	sort.Slice(mentions, func(i, j int) bool { return mentions[i].Start < mentions[j].Start })

	stoks := doc.Tokens
	if len(stoks) == 0 {
		stoks = segment.Tokens(doc.Text, doc.Paragraphs, doc.Sentences, skip)
	}
	var buf []tok
	norms := normsPool.Get().(map[string]string)
	defer func() {
		if len(norms) <= maxPooledNorms {
			clear(norms)
			normsPool.Put(norms)
		}
	}()
	for si, sent := range doc.Sentences {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if inAny(sent, skip) {
			continue
		}
		buf = fromTokens(doc.Text, parley.SentenceTokens(stoks, si), buf[:0], norms)
		toks := buf
		if len(toks) == 0 {
			continue
		}
		cs := findCues(toks)
		if len(cs) == 0 && !hasNegatedTerm(toks) {
			continue
		}
		var ms []match
		if s.profile != nil {
			ms = s.findTerms(toks)
		} else {
			ms = deriveIssues(toks, cs)
		}
		for _, m := range ms {
			st, ok := s.stance(doc, toks, cs, m, ms, mentions)
			if !ok {
				continue
			}
			if st.Date == "" {
				if e, ok := dates.NearestIn(dates.InSentence(doc.Timexes, si), st.Start); ok && e.Date != "" {
					st.Date = e.Date
				}
			}
			doc.Stances = append(doc.Stances, st)
		}
	}
	return nil
}

// normsPool keeps the caches of normal forms of documents read before (see fromTokens):
// cleared, a map keeps its room, so the next document does not grow one word by word.
var normsPool = sync.Pool{New: func() any { return map[string]string{} }}

// maxPooledNorms bounds the cache worth keeping: an outsized document's is left to the
// collector.
const maxPooledNorms = 1 << 14

func inAny(s parley.Span, spans []parley.Span) bool {
	for _, r := range spans {
		if r.Contains(s) {
			return true
		}
	}
	return false
}

// findTerms finds the profile's issue phrases in a sentence, longest first, without overlaps.
// One extra word may stand inside a phrase ("ironclad security guarantees" for "ironclad
// guarantees").
func (s *Stage) findTerms(toks []tok) []match {
	var found []match
	for i, t := range toks {
		if t.punct {
			continue
		}
		for _, cand := range s.terms[t.norm] {
			// A phrase does not end on the first word of a condition: "a peacekeeping force
			// contingent on air cover" is no "peacekeeping contingent" with a word inside.
			if end, ok := matchWords(toks, i, cand.words); ok && !opensCondition(toks, end-1) {
				found = append(found, match{from: i, to: end, issue: cand.issue})
			}
		}
	}
	sort.SliceStable(found, func(a, b int) bool {
		la, lb := found[a].to-found[a].from, found[b].to-found[b].from
		if la != lb {
			return la > lb
		}
		return found[a].from < found[b].from
	})
	var kept []match
	for _, m := range found {
		clash := false
		for _, k := range kept {
			if m.from < k.to && k.from < m.to {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].from < kept[b].from })
	return kept
}

// matchWords matches words at toks[i:], skipping punctuation inside the phrase ("U.S.-backed")
// and allowing one extra word in all.
func matchWords(toks []tok, i int, words []string) (end int, ok bool) {
	gaps := 0
	j := i
	for k, w := range words {
		for j < len(toks) && toks[j].punct && toks[j].raw != "," && toks[j].raw != "." {
			j++
		}
		if j >= len(toks) {
			return 0, false
		}
		if toks[j].norm != w {
			if k == 0 || gaps > 0 || j+1 >= len(toks) || toks[j+1].norm != w || toks[j].punct {
				return 0, false
			}
			gaps++
			j++
		}
		j++
	}
	return j, true
}

func findCues(toks []tok) []cueAt {
	var out []cueAt
	for i := range toks {
		best, bestEnd := -1, 0
		for _, k := range cuesByFirst[toks[i].norm] {
			c := &cues[k]
			end, ok := cueEnd(toks, i, c.words)
			if ok && (best < 0 || len(c.words) > len(cues[best].words)) {
				best, bestEnd = k, end
			}
		}
		// "U.S.-backed", "Kremlin-proposed": a cue word inside a compound modifier is no verb.
		if best >= 0 && !(i > 0 && toks[i-1].raw == "-" && toks[i-1].end == toks[i].start) {
			out = append(out, cueAt{from: i, to: bestEnd, cue: &cues[best]})
		}
	}
	// A shorter cue inside a longer one ("rejected" in "is rejected by") is the same cue.
	var kept []cueAt
	for _, c := range out {
		if len(kept) > 0 && c.from < kept[len(kept)-1].to {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// cueEnd matches the words of a cue from token i, stepping over quotation marks inside it
// (would be “unacceptable”), and returns the token after its last word.
func cueEnd(toks []tok, i int, words []string) (int, bool) {
	j := i
	for n, w := range words {
		for n > 0 && j < len(toks) && toks[j].punct && quoteMark(toks[j].raw) {
			j++
		}
		if j >= len(toks) || toks[j].norm != w {
			return 0, false
		}
		j++
	}
	return j, true
}

func quoteMark(s string) bool {
	switch s {
	case `"`, "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// hasNegatedTerm is a quick test for "no X" and "not ... X" forms, which need no cue.
func hasNegatedTerm(toks []tok) bool {
	for _, t := range toks {
		if t.norm == "no" || t.norm == "not" {
			return true
		}
	}
	return false
}

// clauseOf returns the token range of the clause around token i: clauses end at ; : dashes,
// commas, and words such as "but" and "while".
func clauseOf(toks []tok, i int) (from, to int) {
	boundary := func(t tok) bool {
		if t.punct {
			switch t.raw {
			case ";", ":", "—", "–", ",", "(", ")":
				return true
			}
			return false
		}
		return clauseWords[t.norm]
	}
	from = i
	for from > 0 && !boundary(toks[from-1]) {
		from--
	}
	to = i
	for to < len(toks) && !boundary(toks[to]) {
		to++
	}
	return from, to
}

func (s *Stage) stance(doc *parley.Document, toks []tok, cs []cueAt, m match, all []match, mentions []mention) (parley.Stance, bool) {
	cFrom, cTo := clauseOf(toks, m.from)
	var c, inner *cueAt
	// The governing cue is the first one before the phrase in its clause with no other issue
	// phrase in between: the main verb decides ("rejected X's call for Y" opposes Y), and a cue
	// takes one object ("rejected X or Y" is a position on X).
	for k := range cs {
		if cs[k].cue.post || cs[k].used || cs[k].from < cFrom || cs[k].to > m.from {
			continue
		}
		between := false
		for _, o := range all {
			if o.from >= cs[k].to && o.to <= m.from {
				between = true
				break
			}
		}
		for j := cs[k].to; j < m.from && !between; j++ {
			between = detachers[toks[j].norm]
		}
		if between {
			continue
		}
		// "urging Europe to handle security guarantees": the position is on what the cue's
		// addressee should do, so the verb after "to" decides. A cue there gives the polarity
		// ("urged Europe to reject X" opposes X); any other verb gives none.
		if to, ok := addressee(toks, cs[k].to, m.from, mentions); ok {
			inner = cueStartingAt(cs, to+1)
			if inner == nil || inner.used || inner.to > m.from {
				inner = nil
				continue
			}
		}
		c = &cs[k]
		break
	}
	if c == nil {
		for k := range cs {
			if cs[k].from >= m.to && cs[k].to <= cTo && cs[k].cue.post && !cs[k].used {
				c = &cs[k]
				break
			}
		}
	}
	polarity := ""
	var cueSpan parley.Span
	if c != nil {
		c.used = true
		polarity = c.cue.polarity
		if inner != nil {
			inner.used = true
			if polarity == parley.StanceSupport {
				polarity = inner.cue.polarity
			} else {
				polarity = flip(inner.cue.polarity)
			}
		}
		cueSpan = parley.Span{Start: toks[c.from].start, End: toks[c.to-1].end}
		rev := reversal(toks, cFrom, c.from)
		if negatedBetween(toks, cFrom, c.from) != (rev >= 0) {
			polarity = flip(polarity)
		}
		if rev >= 0 {
			cueSpan.Start = toks[rev].start // the evidence shows "dropped his demand"
		}
	} else {
		// "there will be no U.S. boots on the ground", "there will not be U.S. troops"
		for k := m.from - 1; k >= max(cFrom, m.from-3); k-- {
			if toks[k].norm == "no" || toks[k].norm == "not" {
				polarity = parley.StanceOppose
				cueSpan = parley.Span{Start: toks[k].start, End: toks[k].end}
				c = &cueAt{from: k, to: k + 1}
				break
			}
		}
		if polarity == "" {
			return parley.Stance{}, false
		}
	}
	if polarity == parley.StanceSupport || polarity == parley.StanceOppose {
		if hasCondition(toks, m.to, len(toks)) && (polarity == parley.StanceSupport || c.cue != nil && strings.HasPrefix(c.cue.words[0], "refus")) {
			polarity = parley.StanceConditional
		}
	}

	holder, date, ok := s.holder(doc, toks, c, cueSpan, m, mentions)
	if !ok {
		return parley.Stance{}, false
	}
	termSpan := parley.Span{Start: toks[m.from].start, End: toks[m.to-1].end}
	start := min(cueSpan.Start, termSpan.Start)
	if holder.Span != (parley.Span{}) && holder.Start >= toks[0].start && holder.Start < start {
		start = holder.Start
	}
	last := max(c.to, m.to) - 1
	_, clauseEnd := clauseOf(toks, last)
	end := toks[max(clauseEnd-1, last)].end
	if polarity == parley.StanceConditional {
		// The condition is part of the evidence.
		if ce := conditionEnd(toks, m.to); ce > end {
			end = ce
		}
	}
	ev := parley.Span{Start: start, End: end}
	return parley.Stance{
		Actor:    parley.ActorRef{Name: holder.Name, Code: holder.Code},
		Issue:    m.issue,
		Polarity: polarity,
		Date:     date,
		Span:     ev,
		Text:     ev.In(doc.Text),
	}, true
}

func flip(p string) string {
	switch p {
	case parley.StanceSupport:
		return parley.StanceOppose
	case parley.StanceOppose:
		return parley.StanceSupport
	}
	return p
}

// reversal finds a verb before the cue that abandons it ("dropped his demand for a ceasefire",
// "walked back its support for") and returns its first token, or -1. Only a possessive may
// stand between them.
func reversal(toks []tok, from, cue int) int {
	k := cue - 1
	if k >= from && possessiveDets[toks[k].norm] {
		k--
	}
	for _, r := range reversers {
		if start := k - len(r) + 1; start >= from && wordsAt(toks, start, r) {
			return start
		}
	}
	return -1
}

// wordsAt reports whether the tokens from i are the normal forms words.
func wordsAt(toks []tok, i int, words []string) bool {
	if i < 0 || i+len(words) > len(toks) {
		return false
	}
	for n, w := range words {
		if toks[i+n].norm != w {
			return false
		}
	}
	return true
}

var possessiveDets = vocab.Set("possessiveDets")

func negatedBetween(toks []tok, from, to int) bool {
	for k := from; k < to; k++ {
		if negators[toks[k].norm] || strings.HasSuffix(toks[k].norm, "n't") {
			return true
		}
	}
	return false
}

// addressee reports whether the words from token from name an actor and go on with "to" and a
// word before token to, where the issue phrase starts ("urging Europe to handle"), and returns
// the index of the "to".
func addressee(toks []tok, from, to int, mentions []mention) (int, bool) {
	if from >= to {
		return 0, false
	}
	for _, mn := range mentions {
		if mn.Start != toks[from].start {
			continue
		}
		j := from
		for j < to && toks[j].end <= mn.End {
			j++
		}
		return j, j+1 < to && toks[j].norm == "to"
	}
	return 0, false
}

func cueStartingAt(cs []cueAt, i int) *cueAt {
	for k := range cs {
		if cs[k].from == i {
			return &cs[k]
		}
	}
	return nil
}

// opensCondition reports whether a condition phrase starts at token i.
func opensCondition(toks []tok, i int) bool {
	for _, c := range conditions {
		if len(c) > 1 && wordsAt(toks, i, c) {
			return true
		}
	}
	return false
}

func hasCondition(toks []tok, from, to int) bool {
	return conditionEnd(toks, from) > 0 && from < to
}

// conditionEnd returns the byte end of a condition phrase after token from and the clause that
// follows it, or 0 when there is none.
func conditionEnd(toks []tok, from int) int {
	for i := from; i < len(toks); i++ {
		if toks[i].punct && (toks[i].raw == ";" || toks[i].raw == ".") {
			return 0
		}
		if toks[i].punct && quoteMark(toks[i].raw) && i > from {
			// The quoted words end here; what follows is the writer's ("…,” Zelensky stressed,
			// indicating his concerns that the U.S. may broker a ceasefire without Ukraine).
			return 0
		}
		if toks[i].punct && toks[i].raw == "," && i+1 < len(toks) && strings.HasSuffix(toks[i+1].raw, "ing") {
			return 0 // ", indicating …", ", saying …": another predication
		}
		for _, c := range conditions {
			if wordsAt(toks, i, c) {
				_, to := clauseOf(toks, i+len(c))
				return toks[max(to-1, i)].end
			}
		}
	}
	return 0
}

// holder finds who takes the position: the speaker of a quote that holds the phrase, the agent
// of a passive cue, the subject of a reporting verb, or the nearest subject-like mention before
// the cue.
func (s *Stage) holder(doc *parley.Document, toks []tok, c *cueAt, cueSpan parley.Span, m match, mentions []mention) (parley.ActorRef, string, bool) {
	termSpan := parley.Span{Start: toks[m.from].start, End: toks[m.to-1].end}
	for _, q := range doc.Quotes {
		if q.Speaker != nil && q.Span.Contains(termSpan) && q.Speaker.Name != "" {
			ref := *q.Speaker
			if !q.Span.Contains(cueSpan) && !q.Span.Overlaps(cueSpan) {
				// The cue stands outside the words: "X rejected the “peacekeeping” idea" is X's.
				break
			}
			return ref, q.Date, true
		}
	}
	sentStart, sentEnd := toks[0].start, toks[len(toks)-1].end
	if c.cue != nil && c.cue.passive {
		for _, mn := range mentions {
			if mn.Start >= cueSpan.End && mn.End <= sentEnd {
				return refOf(mn), "", true
			}
		}
		return parley.ActorRef{}, "", false
	}
	// A subject right before the cue ("it rejects", "Meloni flatly ruled out") holds it, unless
	// the cue judges its subject rather than speaks for it.
	if c.cue == nil || !c.cue.modal {
		if mn, ok := subjectBefore(toks, c.from, mentions, 4); ok {
			return refOf(mn), "", true
		}
	}
	// Otherwise, in reported speech, the reporter: "Trump said there will be no U.S. troops".
	for k := 0; k < c.from; k++ {
		if reportingVerbs[toks[k].norm] {
			// "Hegseth's remarks that" has its reporter in the possessive.
			if mn, ok := nearestBefore(toks[k].start, sentStart, mentions, toks, true); ok {
				return refOf(mn), "", true
			}
			break
		}
	}
	if c.cue != nil && c.cue.modal {
		return parley.ActorRef{}, "", false // nobody is reported as judging so
	}
	if mn, ok := nearestBefore(cueSpan.Start, sentStart, mentions, toks, false); ok {
		return refOf(mn), "", true
	}
	return parley.ActorRef{}, "", false
}

func refOf(m mention) parley.ActorRef {
	return parley.ActorRef{Name: m.actor.Name, Code: m.actor.Code, Span: m.Span}
}

// subjectBefore finds a mention ending within a few words before token i with no preposition
// in front of it.
func subjectBefore(toks []tok, i int, mentions []mention, window int) (mention, bool) {
	lo := max(0, i-window)
	for k := len(mentions) - 1; k >= 0; k-- {
		mn := mentions[k]
		if mn.End > toks[i].start {
			continue
		}
		if mn.End < toks[lo].start {
			break
		}
		// Only adverbs and auxiliaries may stand between the subject and the cue.
		between := 0
		for j := lo; j < i; j++ {
			if toks[j].start >= mn.End && !toks[j].punct {
				between++
			}
			if toks[j].start >= mn.End && toks[j].punct {
				between = window + 1
			}
		}
		if between >= window || afterPreposition(toks, mn) {
			return mention{}, false
		}
		return mn, true
	}
	return mention{}, false
}

// nearestBefore is the closest mention before pos in the sentence, preferring one that no
// preposition governs.
func nearestBefore(pos, sentStart int, mentions []mention, toks []tok, possessives bool) (mention, bool) {
	var fallback *mention
	for k := len(mentions) - 1; k >= 0; k-- {
		mn := mentions[k]
		if mn.End > pos {
			continue
		}
		if mn.Start < sentStart {
			break
		}
		if !possessives && possessive(toks, mn) {
			continue // "Zelensky's concerns" names whose concerns, not who acts
		}
		if inRelativeClause(toks, mn, pos) {
			continue // "Trump, who is due to meet Starmer next week, has refused …"
		}
		if !afterPreposition(toks, mn) {
			return mn, true
		}
		if fallback == nil {
			fallback = &mentions[k]
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return mention{}, false
}

// inRelativeClause reports whether mention mn stands in a relative clause that closes before
// pos: ", who is due to meet Mr Starmer next week," holds no subject of what follows it.
func inRelativeClause(toks []tok, mn mention, pos int) bool {
	closed := false
	for _, t := range toks {
		if t.start >= mn.End && t.end <= pos && t.punct && (t.raw == "," || t.raw == "—" || t.raw == ")") {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	for j := len(toks) - 1; j >= 0; j-- {
		t := toks[j]
		if t.end > mn.Start {
			continue
		}
		if t.punct {
			return false // the clause began with no relative word
		}
		if relativeWords[t.norm] {
			return j > 0 && toks[j-1].punct
		}
	}
	return false
}

var relativeWords = vocab.Set("relativeWords")

// possessive reports whether the mention ends in, or is followed by, 's.
func possessive(toks []tok, mn mention) bool {
	for _, t := range toks {
		if t.start < mn.End && t.end >= mn.End {
			r := strings.ToLower(t.raw)
			return strings.HasSuffix(r, "'s") || strings.HasSuffix(r, "’s")
		}
	}
	return false
}

func afterPreposition(toks []tok, mn mention) bool {
	for j := len(toks) - 1; j >= 0; j-- {
		if toks[j].end <= mn.Start {
			w := toks[j].norm
			if w == "the" && j > 0 {
				w = toks[j-1].norm
			}
			return prepositions[w]
		}
	}
	return false
}

// deriveIssues names issues from the objects of cues when there is no profile: "ruled out any
// deployment of Italian troops" gives "deployment-italian-troops".
func deriveIssues(toks []tok, cs []cueAt) []match {
	var out []match
	for _, c := range cs {
		if c.cue.post {
			continue
		}
		from := c.to
		for {
			for from < len(toks) && !toks[from].punct && objectFillers[strings.ToLower(toks[from].raw)] {
				from++
			}
			// "Zelenskyy's requests for NATO membership" is about NATO membership: a possessor
			// and a light noun with its preposition name no issue of their own.
			k := from
			if k < len(toks) && !toks[k].punct && isPossessive(toks[k].raw) {
				k++
			}
			if k+1 < len(toks) && lightNouns[toks[k].norm] && (toks[k+1].norm == "for" || toks[k+1].norm == "of" || toks[k+1].norm == "to") {
				from = k + 2
				continue
			}
			break
		}
		to := from
		var words []string
		for to < len(toks) && len(words) < 5 {
			t := toks[to]
			if t.punct && t.raw != "-" {
				break
			}
			lw := strings.ToLower(t.raw)
			if objectStops[lw] && len(words) > 0 && lw != "of" {
				break
			}
			if !t.punct && !objectFillers[lw] {
				words = append(words, strings.ReplaceAll(strings.ReplaceAll(lw, ".", ""), "’", "'"))
			}
			to++
		}
		if len(words) == 0 || vagueObject[words[0]] {
			continue // "help them", "for Ukraine": no issue named
		}
		out = append(out, match{from: from, to: to, issue: slug(words)})
	}
	return out
}

func slug(words []string) string {
	var b strings.Builder
	for _, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
		var clean strings.Builder
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				clean.WriteRune(r)
			}
		}
		if clean.Len() == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(clean.String())
	}
	return b.String()
}

func isPossessive(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}
