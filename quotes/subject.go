package quotes

import "strings"

// leftSubject finds the subject of the cue at c: the noun phrase just before it, past
// auxiliaries and adverbs. edge is the token just before the subject (or the cue, if none).
func (z *analyzer) leftSubject(c cueAt) (src span2, edge int) {
	j := c.i - 1
	for j >= z.a && z.skippable(j) {
		j--
	}
	j = z.skipTimeAdjunct(j)
	if z.punct(j, ")") {
		// Paul Ryan (R-WI) said: step over the parenthesis.
		for m := j - 1; m >= z.a && j-m < 12; m-- {
			if z.punct(m, "(") {
				j = m - 1
				break
			}
		}
	}
	if d := z.lowAt(j); d == "—" || d == "–" || d == "-" {
		// The justice -- who has been involved in a scuffle -- said: step over the dashes.
		for m := j - 1; m > z.a && j-m < 40; m-- {
			if w := z.lowAt(m); (w == "—" || w == "–" || w == "-") && m < j-2 {
				j = m - 1
				for z.lowAt(j) == "-" {
					j--
				}
				break
			}
		}
	}
	if j < z.a {
		return noSpan, j
	}
	t := &z.toks[j]
	if t.k == kWord && (t.low == "who" || t.low == "which") {
		// The antecedent of "who": Smith, who said … The mention runs from the name to the
		// pronoun, so that it both names the speaker and holds the word that is the subject.
		k := j - 1
		if z.punct(k, ",") {
			k--
		}
		np := z.npLeft(k)
		if np.ok() {
			return span2{np.a, j + 1}, np.a - 1
		}
		return span2{j, j + 1}, j - 1
	}
	if t.k == kWord && (t.low == "and" || t.low == "but") {
		return noSpan, j
	}
	np := z.npLeft(j)
	if !np.ok() {
		np = z.cueNounLeft(j)
	}
	if !np.ok() {
		return noSpan, j
	}
	if np.b-np.a == 1 && !z.toks[np.a].is(fCap) && !subjPronouns[z.toks[np.a].low] {
		// "will help defend": a bare lower-case word after an auxiliary is a verb.
		if p := z.lowAt(np.a - 1); auxWords[p] || p == "to" {
			return noSpan, j
		}
	}
	if p := np.a - 1; p >= z.a && z.word(p) && prepositions[z.toks[p].low] {
		// The nominee for the Nov. 8 election said: the phrase is a modifier of the subject,
		// which stands before the preposition. "In fact, …": no subject at all.
		if pp := z.toks[p].low; pp == "of" || pp == "for" || pp == "from" || pp == "at" || pp == "with" || pp == "in" || pp == "on" {
			if head := z.npLeft(p - 1); head.ok() && !subjPronouns[z.toks[head.b-1].low] {
				if hp := head.a - 1; !(hp >= z.a && z.word(hp) && prepositions[z.toks[hp].low]) {
					return span2{head.a, np.b}, head.a - 1
				}
			}
		}
		return noSpan, j
	}
	return np, np.a - 1
}

// skipTimeAdjunct steps left over a time adjunct between a subject and its verb: "Sanders on
// Saturday said", "Trump at the time said", "Obama last week said". It returns the index of the
// token before the adjunct, or j when there is none.
func (z *analyzer) skipTimeAdjunct(j int) int {
	if !z.word(j) || !timeNouns[z.toks[j].low] {
		return j
	}
	k := j - 1
	for k >= z.a && j-k <= 4 && z.word(k) {
		w := z.toks[k].low
		if timeLead[w] {
			k--
			for k >= z.a && z.skippable(k) {
				k--
			}
			return k
		}
		if !(determiners[w] || timeNouns[w] || z.toks[k].is(fDigit)) {
			break
		}
		k--
	}
	// A bare day name: "Clinton Tuesday said".
	if weekdays[z.toks[j].low] {
		return j - 1
	}
	return j
}

// appositionSubject handles "Mike DuHaime, a Republican strategist, said": the cue's left
// neighbour is a comma that closes an apposition or relative clause after the subject.
func (z *analyzer) appositionSubject(comma int) span2 {
	commas := 0
	for k := comma - 1; k > z.a && comma-k < 40; k-- {
		if z.quote(k) || z.punct(k, ";") || z.punct(k, ":") {
			return noSpan
		}
		if !z.punct(k, ",") {
			continue
		}
		if commas++; commas > 3 {
			return noSpan
		}
		// The subject before the parenthesis is a name or a pronoun: Mike DuHaime, a
		// strategist, said; Corey Lewandowski, in a statement, said; she, too, said.
		e := k - 1
		if z.punct(e, ")") {
			// Rep. Elijah Cummings (D-Md.), chair of …, said.
			for m := e - 1; m > z.a && e-m < 10; m-- {
				if z.punct(m, "(") {
					e = m - 1
					break
				}
			}
		}
		np := z.npLeft(e)
		if !np.ok() {
			continue
		}
		head := &z.toks[np.b-1]
		if subjPronouns[head.low] && head.low != "it" && head.low != "who" {
			return np
		}
		if head.is(fCap) && !head.is(fAllCap) || roleNouns[head.low] {
			return np
		}
	}
	return noSpan
}

// mainSubject is the subject of the sentence's main clause, for a participle or a second verb
// that shares it: Zelensky used the attack …, stating: …
func (z *analyzer) mainSubject(before int, found []attribution) span2 {
	cs := z.clauseSubject(before)
	latest := noSpan
	for i := range found {
		if found[i].src.ok() && found[i].src.b <= before && found[i].cue.i < before {
			if found[i].src == cs {
				return cs
			}
			latest = found[i].src
		}
	}
	if cs.ok() {
		return cs
	}
	return latest
}

// clauseSubject is the noun phrase that opens the sentence's main clause, past a dateline,
// conjunctions and an adverbial opener ("While Trump claimed …, Zelenskyy remained …").
func (z *analyzer) clauseSubject(before int) span2 {
	k := z.a
	// A dateline: WASHINGTON — or WASHINGTON (AP) —.
	if z.word(k) && z.toks[k].is(fAllCap) {
		m := k + 1
		for m < before && z.word(m) && z.toks[m].is(fAllCap) {
			m++
		}
		if z.punct(m, "(") {
			for m < before && !z.punct(m, ")") {
				m++
			}
			m++
		}
		if z.punct(m, "—") || z.punct(m, "-") || z.punct(m, "–") {
			k = m + 1
		}
	}
	for k < before && z.word(k) && leadingConj[z.toks[k].low] {
		k++
	}
	if z.punct(k, ",") {
		k++
	}
	if k < before && z.word(k) && clauseOpeners[z.toks[k].low] && !subjPronouns[z.toks[k].low] {
		comma := none
		for m := k + 1; m < before && m < k+40; m++ {
			if z.punct(m, ",") {
				comma = m
				break
			}
		}
		if comma == none {
			return noSpan
		}
		k = comma + 1
	}
	np := z.npRight(k)
	if !np.ok() || np.b > before || z.punct(np.b, ",") && !z.appositive(np.b) {
		return noSpan
	}
	return np
}

// appositive reports whether the comma at i opens an apposition or relative clause ("Trump,
// who …," / "Clinton, the nominee,") rather than ending an opening phrase.
func (z *analyzer) appositive(i int) bool {
	w := z.lowAt(i + 1)
	return w == "who" || w == "which" || w == "a" || w == "an" || w == "the" || roleNouns[w]
}

// cueNounLeft is the noun phrase ending at j when its head is a word that is also a cue, as in
// "Jeb Bush in a Medium post said" or "the group's statement said": after a determiner or a
// possessive such a word is a noun, not a verb.
func (z *analyzer) cueNounLeft(j int) span2 {
	if !z.word(j) || z.toks[j].is(fCap) {
		return noSpan
	}
	if _, cue := cues[z.toks[j].low]; !cue {
		return noSpan
	}
	if w := z.toks[j].low; strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return noSpan
	}
	for k := j - 1; k >= z.a && j-k <= 4; k-- {
		if !z.word(k) {
			return noSpan
		}
		t := &z.toks[k]
		if determiners[t.low] && !t.is(fPoss) {
			if t.low == "that" {
				return noSpan
			}
			return span2{k, j + 1}
		}
		if t.is(fPoss) {
			if np := z.npLeft(k); np.ok() {
				return span2{np.a, j + 1}
			}
			return noSpan
		}
		if !z.npWord(k) {
			return noSpan
		}
	}
	return noSpan
}
