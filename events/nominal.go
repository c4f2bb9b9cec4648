package events

import "strings"

// Event nouns: the lexicon's nouns and compounds at a token, and the events they make when no
// verb governs them: with a name before them, with a possessive, or a meeting between two
// parties named elsewhere.

// nounTrigger returns the lexicon entry of an event noun at token j ("talks", "air strike"),
// and how many tokens it spans. The rules ask of most tokens more than once; the answer is
// kept per token.
func (s *sentence) nounTrigger(j int) (*entry, int) {
	if !s.isWord(j) {
		return nil, 0
	}
	if len(s.nouns) != len(s.toks) {
		s.nouns = make([]nounHit, len(s.toks))
	}
	h := &s.nouns[j]
	if !h.known {
		h.e, h.width = s.findNoun(j)
		h.known = true
	}
	return h.e, int(h.width)
}

// nounHit is what nounTrigger found at a token.
type nounHit struct {
	e     *entry
	width int8
	known bool
}

func (s *sentence) findNoun(j int) (*entry, int8) {
	if !s.lx.nounForm(s.toks[j].low) {
		return nil, 0
	}
	if j+1 < len(s.toks) {
		if e := s.lx.compounds[string(s.compoundKey(j))]; e != nil {
			return e, 2
		}
	}
	w := s.low(j)
	if (w == "strike" || w == "strikes") && (s.low(j-1) == "on" || s.low(j-1) == "general") && s.lx.laborStrike != nil {
		return s.lx.laborStrike, 1 // "went on strike", "a general strike": labour, not arms
	}
	if e := s.lx.nouns[w]; e != nil {
		return e, 1
	}
	if e := s.lx.nouns[s.nounLemma(j)]; e != nil {
		return e, 1
	}
	return nil, 0
}

// conflictNoun says whether a noun's code is material conflict, the kind whose modifier names
// who did it ("a Taliban attack"); for other nouns a modifier is as often the target.
func conflictNoun(e *entry) bool {
	return attackNouns[e.lemma]
}

var attackNouns = vocab.Set("attackNouns")

// meetingNouns name encounters between two parties, whose participants may stand anywhere in
// the sentence.
var meetingNouns = vocab.Set("meetingNouns")

func (s *sentence) inObject(cs []cand, k int) bool {
	for _, c := range cs {
		if c.obj.a <= k && k < c.obj.b {
			return true
		}
	}
	return false
}

func (s *sentence) coveredNoun(cs []cand, k int) bool {
	for _, c := range cs {
		if c.trig == k {
			return true
		}
	}
	return false
}

// nounTargetReach is how many tokens after an event noun the search for its target's preposition
// runs (at most to the clause's end); chosen by hand on the seed and PLV sentences.
const nounTargetReach = 12

// How far the noun steps look: at most modifierWords words before a conflict noun for the name that
// did it ("a Taliban suicide attack"), fewer than possWords tokens after a possessive for the event
// noun ("Trump's long-awaited meeting"), and betweenNP tokens after "between" for the two parties;
// chosen by hand on the seed and PLV sentences.
const (
	modifierWords = 4
	possWords     = 4
	betweenNP     = 14
)

// modifiedNouns adds the conflict nouns that no candidate covers and whose modifier names who
// did it: "a Taliban attack on X", "a U.S. airstrike". The first capitalised run before the
// noun is the source.
func (s *sentence) modifiedNouns(out []cand) []cand {
	n := len(s.toks)
	for j := 1; j < n; j++ {
		e, w := s.nounTrigger(j)
		if e == nil || s.toks[j].cap || !conflictNoun(e) || s.coveredNoun(out, j) || s.verbAt(j) || s.inObject(out, j) {
			continue
		}
		a := j
		for a-1 >= 0 && j-a < modifierWords && s.isWord(a-1) && (s.toks[a-1].cap || !determiners[s.low(a-1)] && !prepositions[s.low(a-1)] && !clauseStops[s.low(a-1)] && !s.verbAt(a-1) && a-1 > 0 && s.toks[a-2].cap) {
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
		c.tgt, c.prep = s.prepTarget(e.preps, j+w, minInt(end, j+w+nounTargetReach))
		out = append(out, c)
	}
	return out
}

// possessiveNouns adds the event nouns with a possessive source: "Trump's meeting with Putin".
// Only the first event noun after each possessive counts, and only if no candidate covers it.
func (s *sentence) possessiveNouns(out []cand) []cand {
	n := len(s.toks)
	for j := 1; j < n; j++ {
		if s.toks[j].kind != tkPoss {
			continue
		}
		k := j + 1
		for k < n && k-j < possWords && s.isWord(k) && !s.toks[k].cap {
			e, w := s.nounTrigger(k)
			if e != nil {
				if s.coveredNoun(out, k) {
					break
				}
				c := cand{trig: k, trigEnd: k + w, noun: true, lemma: s.low(k), e: e, code: e.code, reported: -1}
				c.src = s.npLeft(j - 1)
				end := s.clauseEnd(k + w)
				c.tgt, c.prep = s.prepTarget(e.preps, k+w, minInt(end, k+w+nounTargetReach))
				if c.src.ok() {
					out = append(out, c)
				}
				break
			}
			k++
		}
	}
	return out
}

// meetingBetween adds a meeting whose participants the sentence names elsewhere, in a "between"
// phrase: "the divide between Trump and Zelensky deepened after a contentious Oval Office
// meeting". Only the first meeting noun is tried; one with its own target ("meeting with X")
// is passed over.
func (s *sentence) meetingBetween(out []cand) []cand {
	n := len(s.toks)
	for j := 1; j < n; j++ {
		e, w := s.nounTrigger(j)
		if e == nil || !meetingNouns[e.lemma] || s.toks[j].cap || s.verbAt(j) {
			continue
		}
		if t, _ := s.prepTarget(e.preps, j+w, minInt(s.clauseEnd(j+w), j+w+nounTargetReach)); t.ok() {
			continue // "meeting with X" is coded where it has its own target
		}
		for k := 0; k < n; k++ {
			if s.low(k) != "between" || k == j-1 {
				continue
			}
			parts := s.conjuncts(s.npRight(k+1, minInt(n, k+betweenNP)))
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
	return out
}
