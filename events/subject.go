package events

// Subjects: the noun phrase left of a verb group, found over adverbials, parenthetical and
// relative clauses and coordinated verbs, and the main clause's subject for a participle clause.

// How far skipLeft looks for the commas around an adverbial between a subject and its verb:
// adverbialComma for the opening comma of ", yesterday," or ", in a statement," from the closing
// one, looseComma for the comma before an unclosed one ("X, in a statement condemned"); chosen by
// hand on the seed and PLV sentences.
const (
	adverbialComma = 8
	looseComma     = 6
)

// skipLeft steps left over adverbs, time expressions and bracketed adverbial phrases that stand
// between a subject and its verb.
func (s *sentence) skipLeft(k int) int {
	for k >= 0 {
		w := s.low(k)
		switch {
		case isAdverb(w) && !s.toks[k].cap, s.isTime(k):
			k--
			continue
		case (w == "on" || w == "in" || w == "at" || w == "since" || w == "during" || w == "over") && (s.isTime(k+1) || determiners[s.low(k+1)] && s.isTime(k+2)):
			k--
			continue
		case determiners[w] && s.isTime(k+1) && k+1 < len(s.toks):
			k--
			continue
		case w == ",":
			// ", yesterday," or ", in a statement," or an apposition.
			j := k - 1
			for j >= 0 && k-j < adverbialComma && s.low(j) != "," {
				j--
			}
			if j >= 0 && s.low(j) == "," && (prepositions[s.low(j+1)] || s.isTime(j+1) || isAdverb(s.low(j+1)) || s.adverbial(j+1, k)) {
				k = j - 1
				continue
			}
			// "Zelenskyy, who joined the call from Berlin, warned": the subject stands before
			// the relative or participle clause, whatever that clause names.
			if o := s.insertOpen(k); o > 0 {
				k = o - 1
				continue
			}
			return k - 1
		}
		// An adverbial phrase set off by a comma: "X, in a statement, condemned"; "X, in a statement condemned".
		if j := s.commaBefore(k, looseComma); j >= 0 && prepositions[s.low(j+1)] && s.low(j+1) != "of" {
			k = j - 1
			continue
		}
		return k
	}
	return k
}

// relativeOpeners open a non-restrictive relative clause set off by commas.
var relativeOpeners = vocab.Set("relativeOpeners")

// insertReach is how many tokens left of its closing comma insertOpen looks for the comma that
// opens a relative or participle clause ("X, who is due to meet Y in Washington next week,");
// chosen by hand on the seed and PLV sentences.
const insertReach = 30

// insertOpen finds, for the comma at k that closes a parenthetical clause between a subject and
// its verb ("X, who is due to meet Y in Washington next week, has refused"), the comma that opens
// it, when that clause is a relative or participle clause after a noun phrase; else -1.
// Inner commas ("who met Y, Z and W,") are stepped over; clause punctuation ends the search.
func (s *sentence) insertOpen(k int) int {
	for j := k - 1; j > 0 && k-j <= insertReach; j-- {
		t := s.toks[j]
		if t.kind == tkPunct {
			switch t.low {
			case ";", ":", "\"", "“", "”", "(", ")", "—", "--", "–":
				return -1
			}
		}
		if t.low != "," || j+1 >= k {
			continue
		}
		n := s.toks[j+1]
		opens := relativeOpeners[n.low] ||
			n.kind == tkWord && !n.cap && formOf(n.low, s.lemma(j+1)) == "ing" && !reportingVerbs[s.lemma(j+1)] && s.lx.nouns[n.low] == nil
		if !opens {
			continue
		}
		// A noun phrase must stand before it, to be the subject.
		if np := s.npLeft(j - 1); !np.ok() || !s.agentLike(np) {
			return -1
		}
		return j
	}
	return -1
}

var smallAdverbials = vocab.Set("smallAdverbials")

// adverbial reports whether tokens [a, b) are all adverbs or time words.
func (s *sentence) adverbial(a, b int) bool {
	if a >= b {
		return false
	}
	for j := a; j < b; j++ {
		w := s.low(j)
		if !(smallAdverbials[w] || isAdverb(w) || s.isTime(j)) {
			return false
		}
	}
	return true
}

// commaBefore finds a comma at most n tokens left of k with no clause break between.
func (s *sentence) commaBefore(k, n int) int {
	for j := k; j >= 0 && k-j <= n; j-- {
		if s.low(j) == "," {
			return j
		}
		if clauseStops[s.low(j)] || s.toks[j].kind == tkPunct && s.low(j) != "'s" && s.low(j) != "-" && s.low(j) != "." {
			return -1
		}
	}
	return -1
}

// subject finds the subject of a verb group that starts at token g.
func (s *sentence) subject(g int) span {
	return s.subjectDepth(g, 0)
}

// For a verb coordinated with an earlier one ("would step up its efforts and would hold talks"),
// subjectDepth looks at most coordReach tokens left of the "and" for that verb, through at most
// coordDepth coordinations; chosen by hand on the seed and PLV sentences.
const (
	coordReach = 20
	coordDepth = 3
)

func (s *sentence) subjectDepth(g, depth int) span {
	k := s.skipLeft(g - 1)
	if k < 0 {
		return span{}
	}
	w := s.low(k)
	if (w == "and" || w == "but") && depth < coordDepth {
		// "The EU would step up its efforts and would hold talks": the first verb's subject.
		for j := k - 1; j >= 0 && k-j < coordReach; j-- {
			if s.verbAt(j) && !s.toks[j].cap {
				var c cand
				if g2 := s.group(&c, j); g2 >= 0 {
					return s.subjectDepth(g2, depth+1)
				}
				break
			}
		}
		return span{}
	}
	if w == "who" || w == "which" || w == "that" {
		// A relative pronoun stands for the noun phrase before it.
		j := k - 1
		if s.low(j) == "," {
			j--
		}
		return s.npLeft(j)
	}
	if k < len(s.toks) && s.toks[k].kind == tkPunct && s.low(k) != ")" {
		return span{}
	}
	np := s.npLeft(k)
	if np.ok() && s.low(np.a-1) == "whose" {
		// "Putin, whose forces invaded Ukraine": the forces are his.
		j := np.a - 2
		if s.low(j) == "," {
			j--
		}
		if owner := s.npLeft(j); owner.ok() && s.agentLike(owner) {
			return owner
		}
	}
	return np
}

// mainReach is how many tokens left of a participle clause's comma mainSubject looks for the main
// clause's verb; chosen by hand on the seed and PLV sentences.
const mainReach = 30

// mainSubject finds the subject of the finite verb before the comma that opens the participle
// clause at token i.
func (s *sentence) mainSubject(i int) span {
	j := i - 1
	for j >= 0 && s.low(j) != "," {
		j--
	}
	for k := j - 1; k >= 0 && j-k < mainReach; k-- {
		w := s.low(k)
		if s.toks[k].kind == tkPunct && (w == ";" || w == ":" || w == "\"" || w == "“" || w == "”") {
			return span{}
		}
		if auxiliaries[w] || modals[w] {
			// The first word of the verb group.
			for k > 0 && (auxiliaries[s.low(k-1)] || modals[s.low(k-1)] || negations[s.low(k-1)] || isAdverb(s.low(k-1))) {
				k--
			}
			return s.subject(k)
		}
		if !s.toks[k].cap && s.isWord(k) && s.verbAt(k) && !s.participleClause(k) {
			if g := s.groupStart(k); g >= 0 {
				return s.subject(g)
			}
			return span{}
		}
	}
	return span{}
}

// namesActor reports whether a phrase holds a name or a word for people or institutions past
// its determiner, a stricter agentLike for subjects the parser had to reach for.
func (s *sentence) namesActor(np span) bool {
	for j := np.a; j < np.b; j++ {
		t := s.toks[j]
		if t.kind != tkWord || j == np.a && determiners[t.low] {
			continue
		}
		if t.cap || pronouns[t.low] || agentNouns[t.low] || agentNouns[s.nounLemma(j)] {
			return true
		}
	}
	return false
}
