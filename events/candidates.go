package events

import "strings"

// The candidate loop: every verb trigger of a sentence with its entry, source and target, then
// the event nouns no verb governs.

// candidates finds the events of one sentence.
func (s *sentence) candidates() []cand {
	var out []cand
	n := len(s.toks)
	reportAt, reportSubj := -1, span{}
	for i := 0; i < n; i++ {
		generic := false
		if !s.verbAt(i) {
			if !genericVerbs || !s.genericVerb(i) {
				continue
			}
			generic = true
		}
		lem := s.lemma(i)
		if reportingVerbs[lem] || reportingVerbs[s.low(i)] {
			if g := s.groupStart(i); g >= 0 {
				reportAt, reportSubj = i, s.subject(g)
				if c, ok := s.mustRequest(i, reportSubj); ok {
					out = append(out, c)
				}
			}
			if s.lx.verbs[lem] == nil && !lightVerbs[lem] {
				continue
			}
		}
		if (lem == "have" || lem == "do" || lem == "be") && i+1 < n {
			if nf := formOf(s.low(i+1), s.lemma(i+1)); nf == "ed" || nf == "ing" || negations[s.low(i+1)] || s.low(i+1) == "been" || isAdverb(s.low(i+1)) {
				continue // an auxiliary, not "have talks"
			}
		}
		c := cand{trig: i, trigEnd: i + 1, lemma: lem, reported: -1}
		g := s.group(&c, i)
		var partSrc span
		if g < 0 {
			if !s.participleClause(i) {
				continue
			}
			// ", killing 40 people": the clause's subject is that of the main clause.
			if partSrc = s.mainSubject(i); !partSrc.ok() || !s.namesActor(partSrc) {
				continue
			}
			g, c.participle = i, true
		}
		end := s.clauseEnd(i + 1)
		var early span
		if c.passive {
			early = s.subject(g) // "aid to Ukraine was paused": the theme is the subject
			if early.ok() && early.a >= 2 && (s.low(early.a-1) == "to" || s.low(early.a-1) == "for") {
				if head := s.npLeft(early.a - 2); head.ok() {
					early.a = head.a
				}
			}
		}
		// Choose the entry.
		var e *entry
		for _, cand := range s.lx.verbs[lem] {
			k := i + 1
			if cand.particle != "" {
				if s.low(k) != cand.particle {
					continue
				}
				k++
			}
			if cand.objs != nil {
				obj, _ := s.objectOf(k, end)
				if c.passive {
					obj = early
				}
				if !c.passive && obj.ok() && !s.objWords(obj, cand.objs) && s.agentLike(obj) && obj.b < end {
					// "granted the Pentagon permission": the receiver comes before the thing.
					if obj2 := s.npRight(obj.b, end); obj2.ok() && s.objWords(obj2, cand.objs) {
						c.indirect = obj
						obj = obj2
					}
				}
				if !obj.ok() || !s.objWords(obj, cand.objs) {
					c.indirect = span{}
					continue
				}
				if !c.passive && !c.indirect.ok() && transferVerbs[lem] {
					// "granted the Portuguese government permission" reads as one phrase.
					k := obj.a
					for k < obj.b && !(cand.objs[s.low(k)] || cand.objs[s.nounLemma(k)]) {
						k++
					}
					if head := (span{obj.a, k}); head.ok() && s.isWord(k-1) && !s.adjectival(k-1) && s.agentLike(head) {
						c.indirect = head
					}
				}
			}
			e = cand
			if cand.particle != "" {
				c.trigEnd = i + 2
				c.lemma = lem + " " + cand.particle
			}
			break
		}
		obj, oprep := s.objectOf(c.trigEnd, end)
		c.obj = obj
		// A light verb, or a general entry of one, gives way to an event noun in its object
		// ("launched an investigation", "went on strike").
		// A verb whose entries all name other objects does not hand its event to the noun:
		// "end the war" is no act of war.
		if (e == nil && (lightVerbs[lem] || !s.lx.restricted(lem)) || e != nil && e.objs == nil && e.particle == "" && lightVerbs[lem]) && obj.ok() && (oprep == "" || oprep == "on" || oprep == "under" || oprep == "into") {
			for j := obj.a; j < obj.b; j++ {
				if ne, w := s.nounTrigger(j); ne != nil {
					e = ne
					c.noun = true
					c.light = lem
					c.lemma = s.low(j)
					c.trig, c.trigEnd = j, j+w
					break
				}
				if s.low(j) == "of" && s.low(j-1) != "state" {
					break
				}
			}
			// "gave Canada a deadline": the thing comes after the person.
			if !c.noun && s.agentLike(obj) && obj.b < end {
				if obj2 := s.npRight(obj.b, end); obj2.ok() {
					for j := obj2.a; j < obj2.b; j++ {
						if ne, w := s.nounTrigger(j); ne != nil {
							e = ne
							c.noun = true
							c.light = lem
							c.lemma = s.low(j)
							c.trig, c.trigEnd = j, j+w
							c.indirect = obj
							break
						}
					}
				}
			}
		}
		if e == nil && !generic {
			continue
		}
		c.e = e
		if e != nil {
			c.code = e.code
		} else {
			c.generic = true
			e = genericEntry
		}
		c.src = s.subject(g)
		c.cond = s.conditional(g, c.src)
		if c.participle {
			c.src = partSrc
		}
		if c.src.ok() && c.src.a >= 2 && s.low(c.src.a-1) == "that" && nounsOfIdea[s.low(c.src.a-2)] {
			continue // a proposition someone fears, hopes or asks for, not an event
		}
		if reportAt >= 0 && reportAt < g {
			c.reported, c.reportSrc = reportAt, reportSubj
			if isPronounSpan(s, c.src) && reportSubj.ok() {
				// "Ethiopia said it would allow …": without an actor for "it", the speaker.
				c.pron, c.src = c.src, reportSubj
			}
		}
		// Target.
		switch {
		case c.passive:
			c.tgt = c.src
			if early.ok() {
				c.tgt = early
			}
			c.src, _ = s.prepTarget([]string{"by"}, c.trigEnd, end)
			if !c.src.ok() && rootOf(e.code) == "17" {
				// "was arrested in Niger": the state where it happened did it.
				if in, _ := s.prepTarget([]string{"in"}, c.trigEnd, end); in.ok() && s.countryName(in) {
					c.src = in
				}
			}
			if !c.src.ok() {
				continue
			}
			if len(e.preps) > 0 && e.objs != nil {
				// "aid to Ukraine was paused": the subject is the theme, the recipient is in it
				// or follows.
				if t, p := s.prepTarget(e.preps, c.tgt.a, c.tgt.b+1); t.ok() {
					c.tgt, c.prep = t, p
				} else if t, p := s.prepTarget(e.preps, c.trigEnd, end); t.ok() {
					c.tgt, c.prep = t, p
				}
			}
		case e.clause && (s.low(c.trigEnd) == "that" || s.low(c.trigEnd) == ","):
			c.tgt = s.npRight(c.trigEnd+1, len(s.toks))
		case c.noun && c.indirect.ok():
			c.tgt = c.indirect
		case c.noun:
			c.tgt, c.prep = s.prepTarget(e.preps, c.trigEnd, end)
		case e.objs != nil && c.indirect.ok():
			c.tgt = c.indirect
		case e.objs != nil:
			c.tgt, c.prep = s.prepTarget(e.preps, c.trigEnd, end)
			if !c.tgt.ok() && obj.ok() && s.agentLike(obj) {
				c.tgt = obj // "expelled the top American diplomat"
			}
		case transferVerbs[lem] && !c.noun && hasPrep(e.preps, "to") && s.hasPrepTarget("to", c.trigEnd, end):
			// "returned the prisoners to Russia": the receiver is the target.
			c.tgt, c.prep = s.prepTarget([]string{"to"}, c.trigEnd, end)
		case obj.ok() && oprep == "" && s.agentLike(obj) && !(ownForces[s.nounLemma(s.headOf(obj))] && s.hasAnyPrepTarget(e.preps, s.headOf(obj)+1, end)):
			// "mobilized troops against Iraq": the forces are the actor's own, the target follows.
			c.tgt = obj
		default:
			if t, p := s.prepTarget(e.preps, c.trigEnd, end); t.ok() {
				c.tgt, c.prep = t, p
			} else if obj.ok() {
				c.tgt, c.prep = obj, oprep
				// "refused a request by X": the thing's owner is the target.
				if t, p := s.ownerTarget(obj.b, end); t.ok() && !s.agentLike(obj) {
					c.tgt, c.prep = t, p
				} else if !s.agentLike(obj) && obj.b < end && prepositions[s.low(obj.b)] {
					// "rejected appeals against the demolition": the phrase runs on.
					if t := s.npRight(obj.b+1, end); t.ok() {
						c.tgt.b = t.b
					}
				}
			}
		}
		if c.tgt == obj && obj.ok() && hasPrep(e.preps, "of") {
			for j := obj.a + 1; j < obj.b; j++ {
				if s.low(j) == "of" {
					c.tgt.b = j // "convicted the minister of fraud"
					break
				}
			}
		}
		place := false
		if !c.tgt.ok() && !c.passive && !e.conv {
			c.tgt, c.prep = s.prepTarget(fallbackPreps, c.trigEnd, end)
			c.fallback = true
			if (c.prep == "from" || c.prep == "in" || c.prep == "at") && rootOf(e.code) == "04" && s.countryName(c.tgt) {
				// "joined the call from Berlin", "talks in Geneva": where, not with whom.
				c.tgt, c.prep = span{}, ""
				c.place, place = true, true
			}
		}
		if !c.passive && !e.conv && !place && (!c.tgt.ok() || !s.agentLike(c.tgt)) {
			// A thing is no target when an actor follows in the clause: "set up a centre in
			// Mumbai", "condemned the threats made by the United States".
			from := c.trigEnd
			if c.tgt.ok() {
				from = c.tgt.b
			}
			// A purpose clause names the target only when the object names no one ("sent
			// $2 million to help X", not "demanded a meeting of the Council to discuss Y").
			// Verbal acts ("demanded commitments to protect Ukraine") are aimed at their
			// hearer, not at whom the thing would serve.
			purpose := (!c.tgt.ok() || s.capRun(c.tgt).b <= s.capRun(c.tgt).a) && !verbalRoots[rootOf(e.code)]
			if alt, p := s.actorAfter(from, end, purpose); alt.ok() {
				c.tgt, c.prep = alt, p
			}
		}
		if e.conv {
			c.src, c.tgt = c.tgt, c.src
			if e.objs != nil && obj.ok() && (!c.src.ok() || c.src == obj) {
				// "Ukraine suffered a Russian drone attack": the attacker is the modifier.
				if m := s.capRun(obj); m.ok() {
					c.src = m
				}
			}
		}
		if !c.src.ok() {
			continue
		}
		out = append(out, c)
	}
	if reportAt >= 0 {
		if c, ok := s.consequences(reportAt, reportSubj); ok {
			out = append(out, c)
		}
	}
	// A control verb with an infinitive ("refused to sign") is coded at the infinitive when that
	// makes a candidate of its own, else at the control verb.
	kept := out[:0]
	for _, c := range out {
		if _, isCtl := controlVerbs[s.lemma(c.trig)]; isCtl && !c.noun && s.low(c.trig+1) == "to" && s.coveredVerb(out, c.trig+2) {
			continue
		}
		kept = append(kept, c)
	}
	out = kept
	// Event nouns with a name before them: "a Taliban attack on X", "a U.S. airstrike".
	for j := 1; j < n; j++ {
		e, w := s.nounTrigger(j)
		if e == nil || s.toks[j].cap || !conflictNoun(e) || s.coveredNoun(out, j) || s.verbAt(j) || s.inObject(out, j) {
			continue
		}
		a := j
		for a-1 >= 0 && j-a < 4 && s.isWord(a-1) && (s.toks[a-1].cap || !determiners[s.low(a-1)] && !prepositions[s.low(a-1)] && !clauseStops[s.low(a-1)] && !s.verbAt(a-1) && a-1 > 0 && s.toks[a-2].cap) {
			a--
		}
		// The first capitalised run before the noun is the attacker.
		m := a
		for m < j && !s.toks[m].cap {
			m++
		}
		b := m
		for b < j && s.toks[b].cap {
			b++
		}
		if m >= j || m == 0 && !determiners[s.low(0)] && b == j || strings.Contains(s.toks[m].low, "-") {
			continue
		}
		c := cand{trig: j, trigEnd: j + w, noun: true, lemma: s.low(j), e: e, code: e.code, reported: -1, src: span{m, b}}
		end := s.clauseEnd(j + w)
		c.tgt, c.prep = s.prepTarget(e.preps, j+w, minInt(end, j+w+12))
		out = append(out, c)
	}
	// Event nouns with a possessive source: "Trump's meeting with Putin".
	verbal := len(out)
	for j := 1; j < n; j++ {
		if s.toks[j].kind != tkPoss {
			continue
		}
		k := j + 1
		for k < n && k-j < 4 && s.isWord(k) && !s.toks[k].cap {
			e, w := s.nounTrigger(k)
			if e != nil {
				if verbal > 0 || s.coveredNoun(out, k) {
					break
				}
				c := cand{trig: k, trigEnd: k + w, noun: true, lemma: s.low(k), e: e, code: e.code, reported: -1}
				c.src = s.npLeft(j - 1)
				end := s.clauseEnd(k + w)
				c.tgt, c.prep = s.prepTarget(e.preps, k+w, minInt(end, k+w+12))
				if c.src.ok() {
					out = append(out, c)
				}
				break
			}
			k++
		}
	}
	// A meeting whose participants the sentence names elsewhere: "the divide between Trump and
	// Zelensky deepened after a contentious Oval Office meeting".
	if verbal == 0 && len(out) == 0 {
		for j := 1; j < n; j++ {
			e, w := s.nounTrigger(j)
			if e == nil || !meetingNouns[e.lemma] || s.toks[j].cap || s.verbAt(j) {
				continue
			}
			if t, _ := s.prepTarget(e.preps, j+w, minInt(s.clauseEnd(j+w), j+w+12)); t.ok() {
				continue // "meeting with X" is coded where it has its own target
			}
			for k := 0; k < n; k++ {
				if s.low(k) != "between" || k == j-1 {
					continue
				}
				parts := s.conjuncts(s.npRight(k+1, minInt(n, k+14)))
				if len(parts) != 2 {
					continue
				}
				// A name ends where its capitals do: "President Duval widened" is President Duval
				// and a verb the lexicon does not know.
				for pi := range parts {
					if r := s.capRun(parts[pi]); r.a == parts[pi].a && r.ok() {
						parts[pi] = r
					}
				}
				out = append(out, cand{trig: j, trigEnd: j + w, noun: true, lemma: s.low(j), e: e, code: e.code,
					reported: -1, src: parts[0], tgt: parts[1], symmetric: true})
				break
			}
			break
		}
	}
	return out
}

func (s *sentence) coveredVerb(cs []cand, k int) bool {
	for _, c := range cs {
		if c.trig == k || c.noun && c.trig > k && c.trig < k+6 {
			return true
		}
	}
	return false
}

var transferVerbs = vocab.Set("transferVerbs")

// ownForces are nouns for an actor's own armed forces, which a verb moves or sends rather than
// acts against.
var ownForces = vocab.Set("ownForces")
