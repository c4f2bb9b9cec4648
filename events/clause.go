package events

import "strings"

// Clauses: where one ends, whether it is supposed or yet to come, participle clauses, and the
// events a reporting verb's clause codes by itself (requests with "must", threats of
// consequences).

// clauseEnd is the index where the clause that holds token i ends.
func (s *sentence) clauseEnd(i int) int {
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if t.kind == tkPunct {
			switch t.low {
			case ";", ":", "—", "--", "–", "(", "\"", "“", "”":
				return j
			case ",":
				n := s.low(j + 1)
				if n == "which" || n == "who" || n == "saying" || n == "adding" || n == "while" || n == "but" ||
					n == "after" || n == "as" || n == "because" || n == "when" || n == "although" || n == "though" ||
					n == "according" || n == "where" || strings.HasSuffix(n, "ing") {
					return j
				}
			}
			continue
		}
		switch t.low {
		case "because", "when", "while", "although", "though", "unless", "whereas", "after", "before":
			if j > i {
				return j
			}
		case "that", "which", "who":
			if j > i+1 && !determiners[s.low(j+1)] {
				return j
			}
		}
	}
	return len(s.toks)
}

// condOpeners open a clause whose event is only supposed; timeOpeners one whose event is yet to
// come when its verb is in the present ("before Russia attacks again").
var (
	condOpeners = vocab.Set("condOpeners")
	timeOpeners = vocab.Set("timeOpeners")
)

// conditional reports whether the verb group at g, with subject subj, stands in a clause of
// condition ("if Putin did not agree") or of a future time ("before Russia attacks again").
func (s *sentence) conditional(g int, subj span) bool {
	k := g - 1
	if subj.ok() && subj.a < g {
		k = subj.a - 1
	}
	for k >= 0 && (isAdverb(s.low(k)) && !s.toks[k].cap || s.low(k) == "even") {
		k--
	}
	w := s.low(k)
	if s.low(k-1) == "in" && w == "case" || condOpeners[w] {
		return true
	}
	if !timeOpeners[w] || !s.isWord(g) {
		return false
	}
	// The tense of the clause's first verb word: a past tense tells what happened.
	switch f := s.low(g); f {
	case "was", "were", "had", "did", "'d":
		return false
	default:
		return formOf(f, s.lemma(g)) != "ed"
	}
}

// minMainClause is the fewest tokens before a participle clause's comma: a subject and a verb.
const minMainClause = 2

// participleClause reports whether token i is an -ing form that opens a participle clause after
// a comma ("…, accusing him of fraud"), which acts with the main clause's subject.
func (s *sentence) participleClause(i int) bool {
	if !s.isWord(i) || s.toks[i].cap || formOf(s.low(i), s.lemma(i)) != "ing" || reportingVerbs[s.lemma(i)] {
		return false
	}
	j := i - 1
	for j >= 0 && isAdverb(s.low(j)) {
		j--
	}
	if j < minMainClause || s.low(j) != "," {
		return false
	}
	// "…, warning that…", "…, warning such a move could…": the clause reports speech.
	if n := s.low(i + 1); n == "that" || n == "of" {
		return false
	}
	if np := s.npRight(i+1, len(s.toks)); np.ok() && (modals[s.low(np.b)] || auxiliaries[s.low(np.b)]) {
		return false
	}
	return true
}

// mustRequest codes "X said (that) Y must/should V" as a request from X to Y.
func (s *sentence) mustRequest(i int, subj span) (cand, bool) {
	if !subj.ok() {
		return cand{}, false
	}
	k := i + 1
	if s.low(k) == "that" {
		k++
	}
	for s.isTime(k) || s.low(k) == "on" && s.isTime(k+1) {
		k++
	}
	np := s.npRight(k, len(s.toks))
	if !np.ok() || np.b >= len(s.toks) || !s.agentLike(np) {
		return cand{}, false // "any deal must not be a pause" asks nothing of anyone
	}
	m := s.low(np.b)
	if m != "must" && m != "should" && !(m == "needs" || m == "need") {
		return cand{}, false
	}
	e := s.lx.verbs["demand"][0]
	return cand{trig: i, trigEnd: i + 1, lemma: s.lemma(i) + " must", e: e, code: "100", src: subj, tgt: np, reported: -1}, true
}

// How consequences reads "X said there would be very severe consequences": "there" at most
// thereReach tokens after the reporting verb, fewer than thereVerbWords modals, negations and
// adverbs before "be", and at most consequenceAdjs words between it and the noun; chosen by hand on
// the seed and PLV sentences.
const (
	thereReach      = 16
	thereVerbWords  = 4
	consequenceAdjs = 4
)

// consequenceNouns name a harm held over someone without saying what it is.
var consequenceNouns = vocab.Set("consequenceNouns")

// consequences codes "X said there would be severe consequences (for Y | if Y …)" as a threat
// (CAMEO 130) by the speaker, aimed at whoever the consequences are for or whose act sets them
// off. The speaker's clause is the reporting verb at rep, with subject subj.
func (s *sentence) consequences(rep int, subj span) (cand, bool) {
	if !subj.ok() || len(s.lx.verbs["warn"]) == 0 {
		return cand{}, false
	}
	n := len(s.toks)
	for j := rep + 1; j < n && j-rep < thereReach; j++ {
		if s.low(j) != "there" {
			continue
		}
		k := j + 1
		for k < n && k-j < thereVerbWords && (modals[s.low(k)] || negations[s.low(k)] || isAdverb(s.low(k))) {
			k++
		}
		if !isBe(s.low(k)) && s.low(k) != "been" {
			return cand{}, false
		}
		k++
		if s.low(k) == "been" {
			k++
		}
		// Adjectives and adverbs before the noun: "very severe", "serious".
		h := k
		for h < n && h-k < consequenceAdjs && s.isWord(h) && !consequenceNouns[s.low(h)] && !clauseStops[s.low(h)] && !prepositions[s.low(h)] && !s.verbAt(h) {
			h++
		}
		if h >= n || !consequenceNouns[s.low(h)] || negations[s.low(k-1)] || negations[s.low(j+1)] || s.low(k) == "no" {
			return cand{}, false
		}
		c := cand{trig: h, trigEnd: h + 1, noun: true, lemma: s.low(h), e: s.lx.verbs["warn"][0], code: "130",
			src: subj, reported: rep, reportSrc: subj}
		end := minInt(n, h+nounTargetReach)
		if t, p := s.prepTarget([]string{"for", "against", "on"}, h+1, end); t.ok() && s.agentLike(t) {
			c.tgt, c.prep = t, p
			return c, true
		}
		for m := h + 1; m < end; m++ {
			if condOpeners[s.low(m)] {
				if t := s.npRight(m+1, n); t.ok() && s.agentLike(t) {
					c.tgt = t
				}
				break
			}
		}
		return c, true
	}
	return cand{}, false
}
