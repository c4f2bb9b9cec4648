package events

import (
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// Verb triggers: whether a token reads as a verb in its context, its lemma and inflection, and
// the group of auxiliaries, modals, negation and control verbs before it.

// lemma is token i's verb lemma: the lexicon's own form first, else the general lemmatiser's;
// it is kept on the token.
func (s *sentence) lemma(i int) string {
	t := &s.toks[i]
	if t.lemma == "" {
		if l, ok := s.lx.verbForm(t.low); ok {
			t.lemma = l
		} else {
			t.lemma = syntax.Lemma(t.low, parley.POSVERB)
		}
	}
	return t.lemma
}

// verbAt reports whether token i reads as a verb of the lexicon (or a reporting, light or
// control verb) in this context.
func (s *sentence) verbAt(i int) bool {
	if s.verb[i] != 0 {
		return s.verb[i] == 1
	}
	v := s.verbReading(i)
	if v {
		s.verb[i] = 1
	} else {
		s.verb[i] = 2
	}
	return v
}

func (s *sentence) verbReading(i int) bool {
	if !s.isWord(i) {
		return false
	}
	t := s.toks[i]
	lem, known := s.lx.verbForm(t.low)
	if !known {
		return false
	}
	s.toks[i].lemma = lem // what lemma would look up again
	if t.cap && i > 0 && !s.headline() {
		return false
	}
	t.lemma = lem
	p := s.low(i - 1)
	if i > 0 && s.toks[i-1].kind == tkPoss || determiners[p] && p != "that" {
		return false
	}
	if prepositions[p] && p != "to" {
		return false
	}
	form := formOf(t.low, lem)
	switch form {
	case "ing":
		// Progressive only: "is suing"; a bare -ing form is a gerund or a participle clause,
		// unless an aspectual verb governs it ("has begun withdrawing").
		if aspectual[s.lemma(maxInt(i-1, 0))] && i > 0 && s.isWord(i-1) && formOf(s.low(i-1), s.lemma(i-1)) != "ing" {
			return true
		}
		j := i - 1
		for j >= 0 && (isAdverb(s.low(j)) || negations[s.low(j)]) {
			j--
		}
		if s.participleClause(i) {
			return true
		}
		return auxiliaries[s.low(j)] && isBe(s.low(j))
	case "ed":
		return true
	case "s":
		if e, _ := s.nounTrigger(i); e != nil {
			// "Venezuela releases dozens", not "Russian attacks on Kyiv" or "the latest talks".
			if i == 0 || !(s.toks[i-1].cap || pronouns[p] || s.toks[i-1].kind == tkPunct && p == ")") || s.isTime(i-1) {
				return false
			}
			n := i + 1
			if n >= len(s.toks) || !s.isWord(n) {
				return false
			}
			nl := s.low(n)
			return !(prepositions[nl] || auxiliaries[nl] || modals[nl] || clauseStops[nl] || formOf(nl, s.lemma(n)) == "ed")
		}
		// "Iraqi forces have launched": a plural noun before its own verb; "Western arms
		// shipments": a plural noun in a compound.
		if n := i + 1; n < len(s.toks) {
			nl := s.low(n)
			if auxiliaries[nl] || modals[nl] || (formOf(nl, s.lemma(n)) == "ed" && s.lx.knownVerb(s.lemma(n))) {
				return false
			}
			if s.isWord(n) && !s.toks[n].cap && !(determiners[nl] || pronouns[nl] || isNumber(nl) || prepositions[nl] && nl != "of" || isAdverb(nl) || nl == "that") && !s.takesObject(lem, n) {
				return false
			}
		}
		return true
	}
	// Base form; some participles are too: "have hit", "has cut".
	if (p == "have" || p == "has" || p == "had") && irregular[t.low] == t.low {
		return true
	}
	if modals[p] || p == "to" || p == "did" || p == "do" || p == "does" || negations[p] || pronouns[p] {
		return true
	}
	if isAdverb(p) {
		j := i - 1
		for j >= 0 && isAdverb(s.low(j)) {
			j--
		}
		q := s.low(j)
		return modals[q] || q == "to" || q == "did" || q == "do" || negations[q] || pronouns[q] || (s.isWord(j) && s.toks[j].cap)
	}
	if _, isNoun := s.lx.nouns[t.low]; isNoun {
		return false
	}
	// After a plural or a name: "the leaders meet", "Ukraine and Russia meet".
	if i == 0 || !s.isWord(i-1) || clauseStops[p] || auxiliaries[p] {
		return false
	}
	if n := i + 1; n < len(s.toks) && s.isWord(n) && !s.toks[n].cap {
		// "White House press secretary": a noun in a compound, not a verb.
		nl := s.low(n)
		if !(determiners[nl] || pronouns[nl] || isNumber(nl) || prepositions[nl] && nl != "of" || isAdverb(nl) || s.lx.hasParticle(lem, nl) || s.namesObject(lem, n)) {
			// "Washington cut aid": the verb's own object word follows.
			return false
		}
	}
	return s.toks[i-1].cap || strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && !s.verbAt(i-1)
}

var aspectual = vocab.Set("aspectual")

// objectReach is how many words after a verb takesObject reads for an object word or an event noun
// ("lifts the blockade", "holds peace talks"); chosen by hand on the seed and PLV sentences.
const objectReach = 3

// takesObject reports whether the word at n is an object the verb's entries name, or an event
// noun after a light verb: "lifts blockade", "holds talks".
func (s *sentence) takesObject(lem string, n int) bool {
	for k := n; k < n+objectReach && s.isWord(k); k++ {
		w := s.low(k)
		if lightVerbs[lem] {
			if e, _ := s.nounTrigger(k); e != nil {
				return true
			}
		}
		for _, e := range s.lx.verbs[lem] {
			if e.objs != nil && (e.objs[w] || e.objs[s.nounLemma(k)]) {
				return true
			}
		}
		if prepositions[w] || clauseStops[w] {
			break
		}
	}
	return false
}

// namesObject reports whether the word at n is one of the object words of lem's entries, or
// an event noun after a light verb: "Washington cut aid", "allies launch war games".
func (s *sentence) namesObject(lem string, n int) bool {
	if lightVerbs[lem] {
		if e, _ := s.nounTrigger(n); e != nil {
			return true
		}
	}
	for _, e := range s.lx.verbs[lem] {
		if e.objs != nil && (e.objs[s.low(n)] || e.objs[s.nounLemma(n)]) {
			return true
		}
	}
	return false
}

// headline reports whether the sentence is set in title case, where verbs are capitalised too.
func (s *sentence) headline() bool {
	if s.upper == 0 {
		s.upper = 2
		if allUpperWords(s.toks) {
			s.upper = 1
		}
	}
	return s.upper == 1
}

// A headline is told by its longer words, since short function words ("of", "the", "and") stay in
// lower case in title case: words longer than headlineShortWord, at least headlineMinWords of them,
// and at least headlineCapsPercent per cent capitalised; chosen by hand on the seed and PLV
// sentences.
const (
	headlineShortWord   = 3
	headlineMinWords    = 3
	headlineCapsPercent = 80
)

func allUpperWords(toks []token) bool {
	caps, words := 0, 0
	for _, t := range toks {
		if t.kind == tkWord && len(t.low) > headlineShortWord {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= headlineMinWords && caps*100 >= words*headlineCapsPercent
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m":
		return true
	}
	return false
}

// formOf says which inflection a word form shows: "ed" (past or participle), "s", "ing" or "".
func formOf(w, lemma string) string {
	if w == lemma {
		return ""
	}
	if irr, ok := irregular[w]; ok && irr == lemma {
		if strings.HasSuffix(w, "s") && w != "was" && w != "has" {
			return "s"
		}
		return "ed"
	}
	switch {
	case strings.HasSuffix(w, "ing"):
		return "ing"
	case strings.HasSuffix(w, "ed"):
		return "ed"
	case strings.HasSuffix(w, "s"):
		return "s"
	}
	return ""
}

// group walks left from a trigger over its auxiliaries, modals, negation and control verbs, and
// fills in the candidate's mode fields. It returns the first index of the group, or -1 when the
// verb is not finite in a clause of its own (a bare infinitive or participle).
func (s *sentence) group(c *cand, i int) int {
	form := formOf(s.low(i), s.lemma(i))
	j := i - 1
	hasAux := false
	for j >= 0 {
		w := s.low(j)
		switch {
		case isAdverb(w) && !s.toks[j].cap:
		case negations[w] || w == "no" && s.low(j+1) == "longer" || w == "longer" && s.low(j-1) == "no":
			c.neg = true
		case modals[w]:
			if c.modal == "" {
				c.modal = w
			}
			hasAux = true
		case auxiliaries[w]:
			hasAux = true
			if isBe(w) && form == "ed" && (j == i-1 || isAdverb(s.low(j+1)) || s.low(j+1) == "been" || s.low(j+1) == "being") {
				c.passive = true
			}
		case form == "ing" && j == i-1 && aspectual[s.lemma(j)]:
			form = formOf(w, s.lemma(j))
			hasAux = form != "ing" && form != "" || hasAux
			if form == "" || form == "s" || form == "ed" {
				hasAux = true
			}
		case w == "to":
			p := j - 1
			for p >= 0 && isAdverb(s.low(p)) {
				p--
			}
			if p < 0 {
				return -1
			}
			pl := s.low(p)
			switch pl {
			case "ready", "willing", "prepared", "poised", "set", "due", "expected", "about", "going", "determined", "eager", "keen", "likely", "able":
				if c.ctl == "" {
					c.ctl = "intend"
				}
				j = p - 1
				continue
			}
			if !s.isWord(p) || s.toks[p].cap {
				return -1
			}
			lem := s.lemma(p)
			kind, ok := controlVerbs[lem]
			if !ok || (pl == lem && !s.verbAt(p) && pl != "want" && pl != "need") {
				return -1
			}
			if c.ctl == "" || c.ctl == "do" {
				c.ctl = kind
			}
			if kind == "ask" {
				return -1 // "urged X to V": the request is coded at the asking verb
			}
			if c.light == "" && s.lx.verbs[lem] != nil {
				c.light = lem
			}
			j = p
			form = formOf(pl, lem)
		default:
			goto done
		}
		j--
	}
done:
	if form == "ing" && !hasAux {
		return -1
	}
	return j + 1
}

// groupStart is group() for verbs that only need their subject found.
func (s *sentence) groupStart(i int) int {
	var c cand
	return s.group(&c, i)
}

// genericVerbs turns on candidates for verbs the lexicon does not know, for the model to code.
// Off: in cross-validation they added nothing, and on news text they add noise.
const genericVerbs = false

// minGenericVerb is the shortest word genericVerb reads as a verb the lexicon does not know:
// shorter -s and -ed words are mostly nouns and function words ("gas", "bus", "red"); chosen by
// hand on the seed and PLV sentences.
const minGenericVerb = 4

// genericEntry stands for a verb the lexicon does not know; the model decides what it codes.
var genericEntry = &entry{preps: fallbackPreps}

// genericVerb reports whether token i looks like a finite verb the lexicon does not know: an
// -ed or -s form after what can end a subject.
func (s *sentence) genericVerb(i int) bool {
	if !s.isWord(i) || i == 0 {
		return false
	}
	t := s.toks[i]
	if t.cap || len(t.low) < minGenericVerb || isAdverb(t.low) || prepositions[t.low] || clauseStops[t.low] || auxiliaries[t.low] || modals[t.low] || determiners[t.low] {
		return false
	}
	if s.lx.knownVerb(s.lemma(i)) || s.lx.nouns[t.low] != nil {
		return false
	}
	form := formOf(t.low, s.lemma(i))
	if form != "ed" && form != "s" {
		return false
	}
	if form == "s" {
		// Plural nouns look the same: "Islamic State militants were". Ask for an object.
		n := s.low(i + 1)
		if agentNouns[t.low] || roleWords[t.low] != "" || !(determiners[n] || pronouns[n] || isNumber(n)) {
			return false
		}
	}
	if strings.HasSuffix(t.low, "ss") || strings.HasSuffix(t.low, "ous") || strings.HasSuffix(t.low, "ics") {
		return false
	}
	p := i - 1
	for p > 0 && isAdverb(s.low(p)) {
		p--
	}
	pt := s.toks[p]
	pl := pt.low
	switch {
	case pt.kind == tkPunct:
		return pl == ")"
	case determiners[pl] || prepositions[pl] || pt.kind == tkPoss:
		return false
	case auxiliaries[pl]:
		return form == "ed"
	case pronouns[pl]:
		return true
	case pt.cap:
		return true
	}
	// After a plural noun, and only when an object or a preposition follows.
	n := s.low(i + 1)
	return form == "ed" && strings.HasSuffix(pl, "s") && (determiners[n] || prepositions[n] || i+1 < len(s.toks) && s.toks[i+1].cap)
}
