package events

// The candidate loop: every verb trigger of a sentence with its entry, source and target, then
// the event nouns no verb governs.

// reporter is the last reporting verb before a token, whose clause the later verbs stand in.
type reporter struct {
	at   int  // its index, or -1 for none yet
	subj span // its subject
}

// candidates finds the events of one sentence: the verbs left to right, a threat of
// consequences in a reported clause, then the event nouns no verb governs.
func (s *sentence) candidates() []cand {
	var out []cand
	rep := reporter{at: -1}
	for i := range s.toks {
		out = s.verbEvents(out, i, &rep)
	}
	if rep.at >= 0 {
		if c, ok := s.consequences(rep.at, rep.subj); ok {
			out = append(out, c)
		}
	}
	out = s.dropControlVerbs(out)
	out = s.modifiedNouns(out)
	// An event noun's possessive or a "between" phrase is read only in a sentence where
	// nothing else gave an event.
	if len(out) == 0 {
		out = s.possessiveNouns(out)
		if len(out) == 0 {
			out = s.meetingBetween(out)
		}
	}
	return out
}

// verbEvents adds to out the events of token i read as a verb. A reporting verb becomes rep,
// the clause the verbs after it are reported in, and may itself make a request ("said Y must
// V", see mustRequest); it is a trigger of its own only when the lexicon has an entry for it or
// it is a light verb.
func (s *sentence) verbEvents(out []cand, i int, rep *reporter) []cand {
	generic := false
	if !s.verbAt(i) {
		if !genericVerbs || !s.genericCandidate(i) {
			return out
		}
		generic = true
	}
	lem := s.lemma(i)
	if reportingVerbs[lem] || reportingVerbs[s.low(i)] {
		if g := s.groupStart(i); g >= 0 {
			rep.at, rep.subj = i, s.subject(g)
			if c, ok := s.mustRequest(i, rep.subj); ok {
				out = append(out, c)
			}
		}
		if s.lx.verbs[lem] == nil && !lightVerbs[lem] {
			return out
		}
	}
	if c, ok := s.verbCand(i, lem, generic, *rep); ok {
		out = append(out, c)
	}
	return out
}

// verbCand reads the verb at token i, with lemma lem, as a trigger: its verb group, the entry
// its particle and object select or the event noun a light verb hands its event to, its
// source and its target. It decides there is no event for an auxiliary, a verb that is
// neither finite nor the head of a participle clause with a named subject, a verb with no
// entry (unless generic), a proposition after a noun of idea, and an event with no source.
func (s *sentence) verbCand(i int, lem string, generic bool, rep reporter) (cand, bool) {
	n := len(s.toks)
	if (lem == "have" || lem == "do" || lem == "be") && i+1 < n {
		if nf := formOf(s.low(i+1), s.lemma(i+1)); nf == "ed" || nf == "ing" || negations[s.low(i+1)] || s.low(i+1) == "been" || isAdverb(s.low(i+1)) {
			return cand{}, false // an auxiliary, not "have talks"
		}
	}
	c := cand{trig: i, trigEnd: i + 1, lemma: lem, reported: -1}
	g := s.group(&c, i)
	var partSrc span
	if g < 0 {
		if !s.participleClause(i) {
			return cand{}, false
		}
		// ", killing 40 people": the clause's subject is that of the main clause.
		if partSrc = s.mainSubject(i); !partSrc.ok() || !s.namesActor(partSrc) {
			return cand{}, false
		}
		g, c.participle = i, true
	}
	end := s.clauseEnd(i + 1)
	var early span
	if c.passive {
		early = s.passiveTheme(g)
	}
	e := s.verbEntry(&c, i, lem, early, end)
	obj, oprep := s.objectOf(c.trigEnd, end)
	c.obj = obj
	e = s.lightNoun(&c, e, lem, oprep, end)
	if e == nil && !generic {
		return cand{}, false
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
		return cand{}, false // a proposition someone fears, hopes or asks for, not an event
	}
	if rep.at >= 0 && rep.at < g {
		c.reported, c.reportSrc = rep.at, rep.subj
		if isPronounSpan(s, c.src) && rep.subj.ok() {
			// "Ethiopia said it would allow …": without an actor for "it", the speaker.
			c.pron, c.src = c.src, rep.subj
		}
	}
	if !s.verbTarget(&c, e, lem, early, oprep, end) || !c.src.ok() {
		return cand{}, false
	}
	return c, true
}

// passiveTheme is the subject of a passive verb group at g, which is its theme; a phrase it
// ends in "to" or "for" takes in the noun before ("aid to Ukraine was paused").
func (s *sentence) passiveTheme(g int) span {
	early := s.subject(g) // "aid to Ukraine was paused": the theme is the subject
	if early.ok() && early.a >= 2 && (s.low(early.a-1) == "to" || s.low(early.a-1) == "for") {
		if head := s.npLeft(early.a - 2); head.ok() {
			early.a = head.a
		}
	}
	return early
}

// verbEntry chooses the first of lem's lexicon entries whose particle follows the verb at i and
// whose object words the object (for a passive, the theme early) holds, or nil. For that entry
// it sets the trigger's particle and c.indirect, a receiver named before the thing ("granted
// the Pentagon permission").
func (s *sentence) verbEntry(c *cand, i int, lem string, early span, end int) *entry {
	for _, ce := range s.lx.verbs[lem] {
		k := i + 1
		if ce.particle != "" {
			if s.low(k) != ce.particle {
				continue
			}
			k++
		}
		if ce.objs != nil {
			obj, _ := s.objectOf(k, end)
			if c.passive {
				obj = early
			}
			if !c.passive && obj.ok() && !s.objWords(obj, ce.objs) && s.agentLike(obj) && obj.b < end {
				// "granted the Pentagon permission": the receiver comes before the thing.
				if obj2 := s.npRight(obj.b, end); obj2.ok() && s.objWords(obj2, ce.objs) {
					c.indirect = obj
					obj = obj2
				}
			}
			if !obj.ok() || !s.objWords(obj, ce.objs) {
				c.indirect = span{}
				continue
			}
			if !c.passive && !c.indirect.ok() && transferVerbs[lem] {
				// "granted the Portuguese government permission" reads as one phrase.
				k := obj.a
				for k < obj.b && !(ce.objs[s.low(k)] || ce.objs[s.nounLemma(k)]) {
					k++
				}
				if head := (span{obj.a, k}); head.ok() && s.isWord(k-1) && !s.adjectival(k-1) && s.agentLike(head) {
					c.indirect = head
				}
			}
		}
		if ce.particle != "" {
			c.trigEnd = i + 2
			c.lemma = lem + " " + ce.particle
		}
		return ce
	}
	return nil
}

// takeNoun makes the event noun at token j, if it is one, the trigger of c under the light
// verb lem, and returns its entry; nil when j names no event.
func (s *sentence) takeNoun(c *cand, j int, lem string) *entry {
	ne, w := s.nounTrigger(j)
	if ne == nil {
		return nil
	}
	c.noun, c.light, c.lemma = true, lem, s.low(j)
	c.trig, c.trigEnd = j, j+w
	return ne
}

// lightNoun decides whether the verb lem with entry e (nil for none) gives way to an event noun
// in its object c.obj, introduced by oprep: a light verb, or a general entry of one, does
// ("launched an investigation", "went on strike"); a verb whose entries all name other objects
// does not ("end the war" is no act of war). The noun then becomes c's trigger and its entry
// is returned; else e.
func (s *sentence) lightNoun(c *cand, e *entry, lem, oprep string, end int) *entry {
	obj := c.obj
	if !((e == nil && (lightVerbs[lem] || !s.lx.restricted(lem)) || e != nil && e.objs == nil && e.particle == "" && lightVerbs[lem]) && obj.ok() && (oprep == "" || oprep == "on" || oprep == "under" || oprep == "into")) {
		return e
	}
	for j := obj.a; j < obj.b; j++ {
		if ne := s.takeNoun(c, j, lem); ne != nil {
			e = ne
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
				if ne := s.takeNoun(c, j, lem); ne != nil {
					e = ne
					c.indirect = obj
					break
				}
			}
		}
	}
	return e
}

// verbTarget finds the target of the verb candidate c with entry e, and for a passive its source
// too; it decides there is no event when a passive names no one who did it. An active verb
// with no target yet takes any preposition's phrase (fallbackPreps), and an actor later in the
// clause wins over a thing; a converse entry swaps source and target. lem is the verb's lemma,
// early a passive's theme (see passiveTheme), oprep the preposition before the object.
func (s *sentence) verbTarget(c *cand, e *entry, lem string, early span, oprep string, end int) bool {
	obj := c.obj
	if c.passive {
		if !s.passiveRoles(c, e, early, end) {
			return false
		}
	} else {
		s.activeTarget(c, e, lem, oprep, end)
	}
	if c.tgt == obj && obj.ok() && hasPrep(e.preps, "of") {
		for j := obj.a + 1; j < obj.b; j++ {
			if s.low(j) == "of" {
				c.tgt.b = j // "convicted the minister of fraud"
				break
			}
		}
	}
	if !c.noun && c.tgt.ok() {
		c.tgt = s.cutReason(c.tgt)
	}
	if !c.tgt.ok() && !c.passive && !e.conv {
		c.tgt, c.prep = s.prepTarget(fallbackPreps, c.trigEnd, end)
		c.fallback = true
		if (c.prep == "from" || c.prep == "in" || c.prep == "at") && rootOf(e.code) == "04" && s.countryName(c.tgt) {
			// "joined the call from Berlin", "talks in Geneva": where, not with whom.
			c.tgt, c.prep = span{}, ""
			c.place = true
		}
	}
	if !c.passive && !e.conv && !c.place && (!c.tgt.ok() || !s.agentLike(c.tgt)) {
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
	return true
}

// passiveRoles makes a passive's subject (or its theme early) the target and its "by" phrase
// the source, or for coercion (CAMEO 17) the country it happened in; false when there is no
// source. An entry with objects and prepositions takes the recipient in or after the theme.
func (s *sentence) passiveRoles(c *cand, e *entry, early span, end int) bool {
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
		return false
	}
	if len(e.preps) > 0 && (e.objs != nil || transferVerbs[c.lemma] && s.thing(c.tgt)) {
		// "aid to Ukraine was paused": the subject is the theme, the recipient is in it
		// or follows.
		if t, p := s.prepTarget(e.preps, c.tgt.a, c.tgt.b+1); t.ok() {
			c.tgt, c.prep = t, p
		} else if t, p := s.prepTarget(e.preps, c.trigEnd, end); t.ok() {
			c.tgt, c.prep = t, p
		}
	}
	return true
}

// activeTarget chooses the target of an active verb or of a light verb's noun, the first case
// that holds: the subject of a clause the verb takes ("warned that X …"), the indirect object,
// the phrase after one of the entry's prepositions, a transfer's receiver, an actor as object,
// else a preposition's phrase or the object (or the owner of that thing).
func (s *sentence) activeTarget(c *cand, e *entry, lem, oprep string, end int) {
	obj := c.obj
	switch {
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
		} else if obj.ok() && !adjunctStops[oprep] {
			// Not "resigned after weeks of protests": a time or cause is no target.
			c.tgt, c.prep = obj, oprep
			// "refused a request by X": the thing's owner is the target.
			if t, p := s.ownerTarget(obj.b, end); t.ok() && !s.agentLike(obj) {
				c.tgt, c.prep = t, p
			} else if !s.agentLike(obj) && obj.b < end && prepositions[s.low(obj.b)] && !s.infinitive(obj.b) {
				// "rejected appeals against the demolition": the phrase runs on.
				if t := s.npRight(obj.b+1, end); t.ok() {
					c.tgt.b = t.b
				}
			}
		}
	}
}

// dropControlVerbs drops a control verb with an infinitive ("refused to sign") when the
// infinitive makes a candidate of its own: the event is coded there, else at the control verb.
func (s *sentence) dropControlVerbs(out []cand) []cand {
	kept := out[:0]
	for _, c := range out {
		if _, isCtl := controlVerbs[s.lemma(c.trig)]; isCtl && !c.noun && s.low(c.trig+1) == "to" && s.coveredVerb(out, c.trig+2) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// infinitiveNoun is how many tokens after an infinitive a noun candidate may stand to be that
// infinitive's event ("agreed to hold peace talks"); chosen by hand on the seed and PLV sentences.
const infinitiveNoun = 6

// coveredVerb reports whether a candidate has its trigger at token k, or is a noun fewer than
// infinitiveNoun tokens after it.
func (s *sentence) coveredVerb(cs []cand, k int) bool {
	for _, c := range cs {
		if c.trig == k || c.noun && c.trig > k && c.trig < k+infinitiveNoun {
			return true
		}
	}
	return false
}

var transferVerbs = vocab.Set("transferVerbs")

// ownForces are nouns for an actor's own armed forces, which a verb moves or sends rather than
// acts against.
var ownForces = vocab.Set("ownForces")

// infinitive reports whether "to" at k opens an infinitive ("asked the employers to reopen the
// plant") rather than a prepositional phrase ("tortured him to death"): a verb's base form
// follows, by WordNet's verb lemmas.
func (s *sentence) infinitive(k int) bool {
	if s.low(k) != "to" || k+1 >= len(s.toks) || !s.isWord(k+1) {
		return false
	}
	n := s.low(k + 1)
	return !s.toks[k+1].cap && !determiners[n] && !isNumber(n) && !prepositions[n] && !pronouns[n] && classesOf(n) != nil
}

// thing reports whether a noun phrase names a thing rather than an actor: its head is no
// agent noun and no name (a capital at the start of the sentence is no sign of a name).
func (s *sentence) thing(np span) bool {
	h := s.headOf(np)
	return !agentNouns[s.low(h)] && !agentNouns[s.nounLemma(h)] && !(h > 0 && s.toks[h].cap) && !pronouns[s.low(h)]
}

// cutReason ends a target that names an actor before a "for" phrase of reason or of the thing
// sought: "praised Moldova for its reforms", "asked Germany for more air defence systems". A
// "for" before a name stays: "the Minister for Energy".
func (s *sentence) cutReason(np span) span {
	for j := np.a + 1; j+1 < np.b; j++ {
		if s.low(j) == "for" && !s.toks[j+1].cap {
			if head := (span{np.a, j}); s.agentLike(head) {
				return head
			}
			break
		}
	}
	return np
}
