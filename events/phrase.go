package events

import "strings"

// Noun phrases: their bounds left and right of a token, and what they name (an actor, a
// country, a head word).

// shortIngWord is the longest -ing word npTok does not take for a verb form by its ending, since
// the short ones mostly are not ("thing", "king", "wing", "ring"); chosen by hand.
const shortIngWord = 5

// maxNP is the most tokens npLeft and npRight take into one noun phrase; chosen by hand on the seed
// and PLV sentences.
const maxNP = 16

// npTok reports whether token i can stand inside a noun phrase.
func (s *sentence) npTok(i int) bool {
	t := s.toks[i]
	switch t.kind {
	case tkPoss:
		return true
	case tkPunct:
		switch t.low {
		case "&", "-", "(", ")", "'", ".", "$", "%", "€", "£":
			return t.low != "." || i+1 < len(s.toks)
		}
		return false
	}
	w := t.low
	if clauseStops[w] && w != "and" || modals[w] || auxiliaries[w] || negations[w] && w != "no" {
		return false
	}
	if w == "to" || w == "by" || w == "with" || w == "against" || w == "into" || w == "on" {
		return false
	}
	if !t.cap && s.verbAt(i) {
		return false
	}
	if !t.cap && (strings.HasSuffix(w, "ing") && len(w) > shortIngWord && !strings.Contains(w, "-") && !(i+1 < len(s.toks) && s.toks[i+1].cap && (i == 0 || !s.isWord(i-1) || determiners[s.low(i-1)] || s.verbAt(i-1))) && !s.ingModifier(i) && !agentNouns[w] && s.lx.nouns[w] == nil && !strings.HasSuffix(w, "thing")) {
		return false
	}
	return true
}

// ingModifier reports whether the -ing word at i modifies the actor noun after it, right after
// a determiner: "the ruling party", "the mining company", "its governing coalition".
func (s *sentence) ingModifier(i int) bool {
	if i == 0 || i+1 >= len(s.toks) || !determiners[s.low(i-1)] || !s.isWord(i+1) || s.toks[i+1].cap {
		return false
	}
	return agentNouns[s.low(i+1)] || agentNouns[s.nounLemma(i+1)]
}

// npLeft collects the noun phrase that ends at token k (inclusive), scanning left.
func (s *sentence) npLeft(k int) span {
	if k < 0 || k >= len(s.toks) || !s.npTok(k) || s.low(k) == "and" || prepositions[s.low(k)] {
		return span{}
	}
	a := k
	for a-1 >= 0 && k-(a-1) < maxNP && s.npTok(a-1) {
		a--
	}
	// Leading prepositions and conjunctions belong to what came before.
	for a <= k && (prepositions[s.low(a)] || s.low(a) == "and" || s.toks[a].kind == tkPunct || s.isTime(a) && a < k) {
		a++
	}
	// A prepositional opener without a comma: "In 2004 a Belgian court".
	if a <= k && s.isTime(a) {
		for j := a; j <= k; j++ {
			if s.low(j) == "the" || s.low(j) == "a" || s.low(j) == "an" {
				a = j
				break
			}
		}
	}
	if a > k {
		return span{}
	}
	return span{a, k + 1}
}

var institutions = vocab.Set("institutions")

var quantifiers = vocab.Set("quantifiers")

// npRight collects the noun phrase that starts at token k, scanning right.
func (s *sentence) npRight(k, end int) span {
	if k < end && k+1 < len(s.toks) && quantifiers[s.low(k)] && (isNumber(s.low(k+1)) || s.low(k+1) == "least" || s.low(k+1) == "than" || s.low(k+1) == "to") {
		inner := s.npRight(k+1, end)
		if s.low(k+1) == "least" || s.low(k+1) == "than" || s.low(k+1) == "to" {
			inner = s.npRight(k+2, end)
		}
		if inner.ok() {
			return span{k, inner.b}
		}
	}
	if k >= end || k >= len(s.toks) || !s.npTok(k) || prepositions[s.low(k)] || s.low(k) == "and" {
		return span{}
	}
	b := k
	for b < end && b-k < maxNP && s.npTok(b) {
		w := s.low(b)
		if b > k && s.newPhrase(b) {
			break // "gave Hezbollah an ultimatum", "lent Kenya $500 million"
		}
		if w == "and" || prepositions[w] && w != "of" {
			// Keep a coordination or an "in"-phrase only when a noun phrase follows.
			next := b + 1
			ok := next < end && (s.toks[next].cap || determiners[s.low(next)] || isNumber(s.low(next)))
			if w == "and" && next < end && !ok && s.isWord(next) && !pronouns[s.low(next)] && !s.verbAt(next) && !s.genericVerb(next) && !clauseStops[s.low(next)] && !prepositions[s.low(next)] && !modals[s.low(next)] && !auxiliaries[s.low(next)] {
				ok = true // "air and ground assaults"
			}
			if w == "in" && !institutions[s.low(b-1)] {
				break // "protesters in Minsk" ends at the place; "the court in Lyon" does not
			}
			if !ok || w != "and" && w != "in" && w != "from" && w != "for" {
				break
			}
		}
		b++
	}
	for b > k && (s.toks[b-1].kind == tkPunct && s.low(b-1) != ")" || s.low(b-1) == "of" || s.low(b-1) == "and" || b-1 > k && s.isTime(b-1) && !s.isTime(k)) {
		b--
	}
	if b <= k {
		return span{}
	}
	return span{k, b}
}

// newPhrase reports whether token b, inside what npRight reads as one phrase, starts a second
// noun phrase: an article or a currency sign right after a name or an actor noun (the two
// objects of "gave Hezbollah an ultimatum", "lent Kenya $500 million").
func (s *sentence) newPhrase(b int) bool {
	w := s.low(b)
	if w != "a" && w != "an" && w != "the" && w != "$" && w != "€" && w != "£" {
		return false
	}
	p := s.low(b - 1)
	return s.isWord(b-1) && (b-1 > 0 && s.toks[b-1].cap || agentNouns[p]) && !prepositions[p] && !determiners[p]
}

// capRun is the first run of capitalised words inside a noun phrase.
func (s *sentence) capRun(np span) span {
	m := np.a
	for m < np.b && !(s.isWord(m) && s.toks[m].cap) {
		m++
	}
	b := m
	for b < np.b && s.isWord(b) && s.toks[b].cap {
		b++
	}
	return span{m, b}
}

// headOf is the index of a noun phrase's head: its last word before any preposition.
func (s *sentence) headOf(np span) int {
	for j := np.a + 1; j < np.b; j++ {
		if prepositions[s.low(j)] {
			return j - 1
		}
	}
	return np.b - 1
}

// adjectival reports whether a word before a noun is more likely a modifier than a noun of its
// own: a number, an amount word or an adjective ending.
func (s *sentence) adjectival(k int) bool {
	w := s.low(k)
	if isNumber(w) || quantityNouns[w] || determiners[w] {
		return true
	}
	for _, suf := range []string{"al", "ic", "ive", "ary", "ous", "ful", "ian", "ese", "ish", "an", "ed", "-term", "-year"} {
		if strings.HasSuffix(w, suf) && !agentNouns[w] {
			return true
		}
	}
	return false
}

var quantityNouns = vocab.Set("quantityNouns")

// agentLike reports whether a noun phrase can name an actor: a name, a pronoun or a noun for
// people or institutions.
func (s *sentence) agentLike(np span) bool {
	for j := np.a; j < np.b; j++ {
		t := s.toks[j]
		if t.kind != tkWord {
			continue
		}
		if t.low == "of" && j > np.a && !quantityNouns[s.low(j-1)] {
			// "a sculpture of Emperor X" is a thing; "the government of Italy" was caught above.
			return false
		}
		if t.cap || pronouns[t.low] || agentNouns[t.low] || agentNouns[s.nounLemma(j)] {
			return true
		}
	}
	return false
}

// countryName reports whether a noun phrase is a country's name.
func (s *sentence) countryName(np span) bool {
	words := make([]string, 0, np.b-np.a)
	for j := np.a; j < np.b; j++ {
		words = append(words, s.low(j))
	}
	_, ok := countryOf(strings.Join(words, " "))
	return ok
}
