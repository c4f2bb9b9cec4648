package quotes

import "strings"

// sentence runs the attribution patterns over the current sentence [z.a, z.b) and appends what
// it finds. colon is an attribution whose content was announced by a colon at the very end of
// the sentence (…, stating:), to be filled from the next paragraph.
func (z *analyzer) sentence(found []attribution, sent int, cs []cueAt, cueIdx []int) (_ []attribution, colon *attribution) {
	first := len(found)
	for _, c := range cs {
		at := attribution{cue: c, hasCue: true, src: noSpan, content: noSpan, q1: none, q2: none, sent: sent}
		var ok, open bool
		switch {
		case c.acc:
			ok = z.according(&at, cueIdx)
		case c.w.class&cEvid != 0:
			ok = z.hedge(&at, cueIdx)
		default:
			ok, open = z.report(&at, found[first:], cueIdx)
		}
		if ok {
			found = append(found, at)
		} else if open && colon == nil {
			tmp := at
			colon = &tmp
		}
	}
	return found, colon
}

// hedge fills the content of "seems", "appears", "is expected to", "reportedly": the whole
// clause, with nobody as its source.
func (z *analyzer) hedge(at *attribution, cueIdx []int) bool {
	start := z.clauseStart(at.cue.i)
	end := z.clauseEnd(at.cue.j, cueIdx)
	for end > start && z.toks[end-1].k == kPunct {
		end--
	}
	if end <= start {
		return false
	}
	at.content = span2{start, end}
	z.markDirect(at)
	return true
}

// report fills the speaker and content of a reporting verb. open reports a cue whose content
// a colon announces past the end of the sentence.
func (z *analyzer) report(at *attribution, found []attribution, cueIdx []int) (ok, open bool) {
	c := at.cue
	src, inverted := z.speaker(c, found)
	if !src.ok() {
		return z.asked(at), false
	}
	at.src = src
	// Where is the content: before the subject and cue (“…,” he said) or after the cue?
	lead := none
	switch {
	case inverted:
		lead = c.i - 1
		for lead >= z.a && z.skippable(lead) {
			lead--
		}
	case src.a-1 >= z.a && z.quote(src.a-1) && !z.titleLike(src.a-1) && !(z.lowAt(c.j) == "that" || z.punct(c.j, ":")):
		// “…,” Trump said 30 minutes into the debate: the quotation was the content.
		lead = src.a - 1
	case src.a-1 >= z.a && z.punct(src.a-1, ",") && z.endsClause(c):
		lead = src.a - 1
	}
	if lead != none && lead >= z.a {
		return z.contentBefore(at, lead, inverted, cueIdx), false
	}
	at.content = z.contentAfter(c, cueIdx)
	if !at.content.ok() {
		return false, z.b-1 >= c.j && z.punct(z.b-1, ":")
	}
	if noTopicCues[c.w.lemma] && at.content.a == c.j && prepositions[z.lowAt(at.content.a)] && z.negated(c) {
		// "The Kremlin did not comment on the call": a topic that nobody spoke about.
		return false, false
	}
	z.markDirect(at)
	if w := z.lowAt(at.content.a); at.q1 == none && (w == "and" || w == "by") {
		// "… and …", "… by …": the verb had no content of its own (passives, lists).
		return false, false
	}
	if at.q1 == none && utteranceVerbs[c.w.lemma] && !z.clauseLike(at.content) && !(at.content.a > 0 && (z.lowAt(at.content.a-1) == "that" || z.punct(at.content.a-1, ":"))) {
		// "He added more clarity in the interview": a verb of saying with a plain object
		// reports nothing.
		return false, false
	}
	return true, false
}

// speaker finds the subject of cue c: the noun phrase before it, the one after it when the
// order is inverted ("said Trump"), the subject of the main clause for a participle or a
// second verb ("…, stating:", "… and added"), or the name before an apposition.
func (z *analyzer) speaker(c cueAt, found []attribution) (src span2, inverted bool) {
	src, edge := z.leftSubject(c)
	if c.w.form == formIng && src.ok() && !z.progressive(c) && z.lowAt(src.a-1) != "with" {
		// "released a statement saying …": a participle shares the main subject.
		return z.mainSubject(c.i, found), false
	}
	if src.ok() || edge < z.a {
		return src, false
	}
	if z.punct(edge, ",") && c.w.form != formIng {
		// "Chris Collins, a Trump supporter, said Trump's strategists plan …": the sentence
		// opens with a name and its apposition, so the words after the cue are the content,
		// not an inverted subject.
		if ap := z.appositionSubject(edge); ap.ok() {
			if cs := z.clauseSubject(c.i); cs.ok() && cs.a < ap.b && ap.a < cs.b {
				return ap, false
			}
		}
		if np := z.appositionOpener(edge); np.ok() {
			return np, false
		}
	}
	if (z.punct(edge, ",") || z.quote(edge)) && c.w.class&cInv != 0 && c.w.form != formIng {
		if np := z.npRight(c.j); np.ok() && z.invertedEnd(np, z.quote(edge)) {
			return np, true
		}
	}
	switch {
	case z.punct(edge, ",") && c.w.form == formIng:
		src = z.mainSubject(c.i, found)
	case z.punct(edge, ","):
		src = z.appositionSubject(edge)
	case z.word(edge) && (z.toks[edge].low == "and" || z.toks[edge].low == "but"):
		src = z.mainSubject(c.i, found)
	case z.word(edge) && c.w.form == formIng && ingLeads[z.toks[edge].low]:
		src = z.mainSubject(c.i, found) // "by saying", "after warning"
	}
	return src, false
}

var ingLeads = vocab.Set("ingLeads")

// asked handles "Asked whether …, Reid said …": the question has no speaker in the text,
// unless "asked by X".
func (z *analyzer) asked(at *attribution) bool {
	if !z.askedClause(at.cue) {
		return false
	}
	k := at.cue.j
	if z.lowAt(k) == "by" {
		if np := z.npRight(k + 1); np.ok() {
			at.src = np
			k = np.b
		}
	}
	end := k
	for end < z.b && !z.punct(end, ",") && !z.punct(end, ";") {
		end++
	}
	if end <= k {
		return false
	}
	at.content = span2{k, end}
	z.markDirect(at)
	return true
}

// utteranceVerbs report words, never a plain object: "added more clarity" is no report. (Only
// "add" is listed: "said" with a noun phrase is usually a content whose verb we missed.)
var utteranceVerbs = vocab.Set("utteranceVerbs")

// clauseLike reports whether a stretch of tokens holds a verb: an auxiliary or form of "be",
// "have" or "do", a past tense, a reporting verb, or a quotation.
func (z *analyzer) clauseLike(s span2) bool {
	for i := s.a; i < s.b; i++ {
		t := &z.toks[i]
		switch t.k {
		case kQuote:
			if !z.titleLike(i) {
				return true
			}
		case kWord:
			if clauseVerbs[t.low] || (!t.is(fCap) && len(t.low) > 3 && strings.HasSuffix(t.low, "ed")) {
				return true
			}
			if _, cue := cues[t.low]; cue && !t.is(fCap) && !z.nounSlot(i, s.a) {
				return true
			}
			if i > s.a && len(t.low) > 3 && !t.is(fCap) && t.low[len(t.low)-1] == 's' && (z.toks[i-1].is(fCap) || subjPronouns[z.toks[i-1].low]) {
				return true // "he supports", "Trump wants"
			}
		}
	}
	return false
}

// nounSlot reports whether token i, no earlier than token a, stands where a noun does: after an
// article, a possessive or a preposition, or after an article and a modifier ("after a video
// call with Trump", "after talks with Trump").
func (z *analyzer) nounSlot(i, a int) bool {
	if i <= a {
		return false
	}
	p := &z.toks[i-1]
	if p.k != kWord {
		return false
	}
	if articles[p.low] || p.is(fPoss) || prepositions[p.low] || nounLeads[p.low] {
		return true
	}
	return i-2 >= a && !p.is(fCap) && z.word(i-2) && articles[z.toks[i-2].low]
}

var clauseVerbs = vocab.Set("clauseVerbs")

// askedClause reports an "Asked whether …" or "When asked about …" opening a sentence.
func (z *analyzer) askedClause(c cueAt) bool {
	if c.w.lemma != "ask" || c.w.form != formPast {
		return false
	}
	p := c.i - 1
	if p >= z.a && z.word(p) && (z.toks[p].low == "when" || z.toks[p].low == "being" || z.toks[p].low == "after" || z.toks[p].low == "if") {
		p--
	}
	if p >= z.a && !z.punct(p, ",") {
		return false
	}
	switch z.lowAt(c.j) {
	case "whether", "if", "about", "to", "what", "how", "why", "who", "which", "by", "for", "when", "where":
		return true
	}
	return false
}

// clauseStart is where the clause holding token i starts: after the last comma, semicolon or
// dash before it that is followed by a subject, else at the start of the sentence.
func (z *analyzer) clauseStart(i int) int {
	for m := i - 1; m > z.a && i-m < maxReach; m-- {
		t := &z.toks[m]
		if t.k == kPunct && (t.low == ";" || t.low == "—" || t.low == "–") {
			return m + 1
		}
		if t.k == kPunct && t.low == "," {
			// "…, but the race seemed": a new clause when a subject follows the comma.
			if np := z.npRight(m + 1); np.ok() && np.b <= i {
				if z.lowAt(m+1) == "but" || z.lowAt(m+1) == "and" {
					return m + 2
				}
				return m + 1
			}
			if w := z.lowAt(m + 1); w == "but" || w == "and" || w == "while" || w == "though" || w == "although" {
				return m + 2
			}
		}
	}
	k := z.a
	for k < i && z.word(k) && leadingConj[z.toks[k].low] {
		k++
	}
	return k
}

// progressive reports whether an -ing cue follows a form of "be": "he is saying".
func (z *analyzer) progressive(c cueAt) bool {
	j := c.i - 1
	for j >= z.a && z.skippable(j) && !beVerbs[z.toks[j].low] {
		j--
	}
	return j >= z.a && z.word(j) && beVerbs[z.toks[j].low]
}

// invertedEnd reports whether the noun phrase after a cue is its subject ("said Trump",
// "wrote Claudia Major and Aldo Kleemann of …"): it must close the clause, not start one
// ("said he would", "told her supporters, “…”").
func (z *analyzer) invertedEnd(np span2, afterQuote bool) bool {
	first := z.toks[np.a].low
	if first == "it" || first == "that" || first == "this" {
		return false
	}
	m := np.b
	if m >= z.b {
		return true
	}
	t := &z.toks[m]
	if t.k == kPunct {
		// “…,” said an Iowa Democrat, “and …” goes on; told her supporters, “…” does not.
		return (afterQuote || !(t.low == "," && z.quote(m+1))) && t.low != ":"
	}
	if t.k == kQuote {
		return false
	}
	if subjPronouns[first] || strings.ContainsAny(first, "’'") && !z.toks[np.a].is(fCap) {
		return false
	}
	// said Jeffrey Lewis of the James Martin Center; said Trump on Tuesday.
	return (adjunctStarts[t.low] && !adverbLike(t.low) && t.low != "also" && t.low != "again") || t.low == "who"
}

// according handles "according to X": the content is the rest of the sentence when the phrase
// opens it, else what comes before.
func (z *analyzer) according(at *attribution, cueIdx []int) bool {
	c := at.cue
	src := z.npRight(c.j)
	if !src.ok() {
		return false
	}
	at.src = src
	k := z.a
	for k < c.i && z.word(k) && leadingConj[z.toks[k].low] {
		k++
	}
	if c.i <= k {
		start := src.b
		for start < z.b && z.toks[start].k != kPunct && start-src.b < 20 {
			start++ // the rest of a longer source phrase: according to a new article in Politico
		}
		if z.punct(start, ",") {
			start++
		}
		end := z.clauseEnd(start, cueIdx)
		for end > start && z.toks[end-1].k == kPunct {
			end--
		}
		if end <= start {
			return false
		}
		at.content = span2{start, end}
	} else {
		end := c.i
		for end > z.a && z.toks[end-1].k == kPunct {
			end--
		}
		start := z.a
		// Start after the last comma-free stretch that holds another cue's subject.
		for m := end - 1; m > z.a && end-m < maxReach; m-- {
			if z.punct(m, ";") {
				start = m + 1
				break
			}
		}
		if end <= start {
			return false
		}
		at.content = span2{start, end}
	}
	z.markDirect(at)
	return true
}

// contentBefore fills the content of a cue that follows what it reports. lead is the comma or
// quotation just before the subject (or before the cue, when inverted).
func (z *analyzer) contentBefore(at *attribution, lead int, inverted bool, cueIdx []int) bool {
	q := none
	if z.quote(lead) {
		q = lead
	} else if z.punct(lead, ",") && z.quote(lead-1) {
		q = lead - 1
	}
	// What follows the cue (and, when inverted, its subject): an interrupted quotation?
	k := at.cue.j
	if inverted {
		k = at.src.b
	}
	for m := k; m < z.b && m < k+10; m++ {
		if z.quote(m) {
			// Only a quotation set off by a comma or colon goes on after the cue:
			// “…,” he said, “…”, not “…,” he said introducing her as a “global leader”.
			if m == k || z.punct(m-1, ",") || z.punct(m-1, ":") {
				k = m
			}
			break
		}
		if z.punct(m, ".") || z.punct(m, ";") || z.punct(m, ":") {
			break
		}
		if z.word(m) {
			if _, cue := cues[z.toks[m].low]; cue {
				break
			}
		}
	}
	if q != none {
		at.q1, at.q2 = int(z.toks[q].seg), int(z.toks[q].seg)
		at.content = span2{q, q + 1}
		if z.quote(k) && k > at.cue.i {
			at.q2 = int(z.toks[k].seg)
			at.content = span2{q, k + 1}
		}
		return true
	}
	start := z.a
	for start < lead && z.word(start) && leadingConj[z.toks[start].low] {
		start++
	}
	end := lead
	for end > start && z.toks[end-1].k == kPunct {
		end--
	}
	if end <= start {
		return false
	}
	at.content = span2{start, end}
	// "To get their votes, participants said, the Democrats must …": the cue stands inside
	// its content, which goes on after the next comma.
	after := at.cue.j
	if inverted {
		after = at.src.b
	}
	for after < z.b && z.word(after) && (adjunctStarts[z.toks[after].low] || timeNouns[z.toks[after].low] || z.toks[after].is(fCap)) && after-at.cue.j < 6 {
		after++ // said on Tuesday, …
	}
	if z.punct(after, ",") && after+1 < z.b && z.word(after+1) && !z.isCueAt(after+1, cueIdx) {
		if e := z.clauseEnd(after+1, cueIdx); e > after+2 {
			for e > after+1 && z.toks[e-1].k == kPunct {
				e--
			}
			at.content.b = e
		}
	}
	z.markDirect(at)
	return true
}

// markDirect sets q1 and q2 when the content is a quotation and nothing else.
func (z *analyzer) markDirect(at *attribution) {
	s := at.content
	a, b := s.a, s.b
	for b > a && z.toks[b-1].k == kPunct {
		b--
	}
	for a < b && z.toks[a].k == kPunct {
		a++
	}
	if b-a == 1 && z.toks[a].k == kQuote {
		at.q1, at.q2 = int(z.toks[a].seg), int(z.toks[a].seg)
	}
}

// appositionOpener is the name or role that opens the sentence when a comma follows it and
// the words up to the cue's comma hold no quotation: "Murshed Zaheed, acting political
// director of CREDO Action, which organized the letter, said …", "Another pollster, David
// Woodard of Clemson University, said …". Such a sentence is not content before an inverted
// subject.
func (z *analyzer) appositionOpener(edge int) span2 {
	np := z.npRight(z.a)
	if !np.ok() || !z.punct(np.b, ",") || np.b >= edge {
		return noSpan
	}
	head := &z.toks[np.b-1]
	if !(head.is(fCap) && !head.is(fAllCap) || roleNouns[head.low]) {
		return noSpan
	}
	for k := np.b + 1; k < edge; k++ {
		if z.quote(k) || z.punct(k, ";") || z.punct(k, ":") {
			return noSpan
		}
	}
	if !z.word(np.b + 1) {
		return noSpan
	}
	return np
}

// noTopicCues say nothing when denied: what follows "did not comment" or "has not responded"
// is the topic, not words. ("Did not talk about the deal" is still annotated as a report by
// attribution corpora, so the verbs of talking are not listed.)
var noTopicCues = vocab.Set("noTopicCues")

// negated reports a cue denied by the words before it: "did not comment", "has never said",
// "didn't say".
func (z *analyzer) negated(c cueAt) bool {
	for p := c.i - 1; p >= z.a && p >= c.i-3; p-- {
		if !z.word(p) {
			return false
		}
		switch w := z.toks[p].low; {
		case w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"):
			return true
		case !adverbLike(w):
			return false
		}
	}
	return false
}
