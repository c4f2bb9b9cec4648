package events

// Event nouns: the lexicon's nouns and compounds at a token, and the tests of whether a noun is
// already a candidate's trigger or inside its object.

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
