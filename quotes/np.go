package quotes

import (
	"strings"
)

// A small noun-phrase chunker: enough to find who speaks in "said Trump", "one senior
// Democrat said", "Russia's Ministry of Foreign Affairs said". It reads capitalisation,
// determiners and a list of function words, not parts of speech.

// npLeft returns the noun phrase that ends at token j, walking left.
func (z *analyzer) npLeft(j int) span2 {
	if j < z.a || z.toks[j].k != kWord {
		return noSpan
	}
	t := &z.toks[j]
	if subjPronouns[t.low] {
		return span2{j, j + 1}
	}
	if !z.npWord(j) {
		return noSpan
	}
	capHead := t.is(fCap) || t.is(fDigit)
	if !capHead && (strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed")) && !roleNouns[t.low] &&
		!(j-1 >= z.a && z.word(j-1) && determiners[z.toks[j-1].low]) {
		// "sitting", "committed": verbs, not the head of a subject ("those surveyed" is one).
		return noSpan
	}
	k := j
	for k-1 >= z.a && j-(k-1) < 10 {
		p := &z.toks[k-1]
		if p.k == kPunct {
			if p.low == "&" && k-2 >= z.a && z.toks[k-2].is(fCap) {
				k--
				continue
			}
			break
		}
		if p.k != kWord {
			break
		}
		if determiners[p.low] && !p.is(fPoss) {
			if p.low != "that" && !(p.is(fCap) && k-1 > z.a && !z.toks[k-1].is(fParaStart) && p.low != "the" && p.low != "a") {
				k--
			}
			break
		}
		if p.low == "of" || nameParticles[p.low] {
			// Ministry of Foreign Affairs; Ursula von der Leyen.
			m := k - 1
			for m-1 >= z.a && z.word(m-1) && nameParticles[z.toks[m-1].low] && !z.toks[m-1].is(fCap) && k-m < 3 {
				m--
			}
			if m-1 >= z.a && z.word(m-1) && z.toks[m-1].is(fCap) && z.toks[k].is(fCap) && !functionWords[z.toks[m-1].low] {
				k = m
				continue
			}
			break
		}
		if !z.npWord(k - 1) {
			break
		}
		if capHead && !p.is(fCap) && !p.is(fDigit) && !p.is(fPoss) && !roleNouns[p.low] {
			// "one senior Democrat": lower-case modifiers join a name only after a determiner.
			m := k - 1
			for m >= z.a && k-m <= 3 && z.word(m) && !z.toks[m].is(fCap) && z.npWord(m) && !determiners[z.toks[m].low] {
				m--
			}
			if m >= z.a && z.word(m) && determiners[z.toks[m].low] && !z.toks[m].is(fPoss) {
				k = m
			}
			break
		}
		k--
	}
	return span2{k, j + 1}
}

// npWord reports whether token i can be part of a noun phrase: not a function word nor a
// reporting verb.
func (z *analyzer) npWord(i int) bool {
	t := &z.toks[i]
	if t.k != kWord {
		return false
	}
	if functionWords[t.low] {
		// "Will Doyle", "May Wong": a capitalised function word inside a sentence that a
		// name follows is a first name.
		return t.is(fCap) && i > z.a && i+1 < z.b && z.word(i+1) && z.toks[i+1].is(fCap) && !functionWords[z.toks[i+1].low]
	}
	if !t.is(fCap) && !t.is(fDigit) {
		if _, verb := cues[t.low]; verb {
			return false
		}
		if adverbLike(t.low) {
			return false
		}
	}
	// "Realistically, …": a capitalised adverb opening the sentence.
	return !(t.is(fCap) && i == z.a && adverbLike(t.low))
}

// npRight returns the noun phrase that starts at token k: a determiner, modifiers and a head,
// or a name, with coordination of names (Claudia Major and Aldo Kleemann).
func (z *analyzer) npRight(k int) span2 {
	if k < z.a || k >= z.b || z.toks[k].k != kWord {
		return noSpan
	}
	t := &z.toks[k]
	if subjPronouns[t.low] && t.low != "who" {
		return span2{k, k + 1}
	}
	j := k
	if determiners[t.low] && !t.is(fPoss) {
		j++
	}
	start := j
	if start < z.b && z.word(start) && z.toks[start].is(fCap) && strings.HasSuffix(z.toks[start].low, "ing") {
		// "Reprising his message, …": a participle, not a name.
		return noSpan
	}
	for j < z.b && j-k < 12 {
		u := &z.toks[j]
		if u.k == kPunct {
			if u.low == "&" && j > start && z.toks[j-1].is(fCap) && j+1 < z.b && z.toks[j+1].is(fCap) {
				j++
				continue
			}
			break
		}
		if u.k != kWord {
			break
		}
		if (u.low == "of" || u.low == "and" || nameParticles[u.low]) && j > start {
			// Inside a name only when capitalised words stand on both sides.
			if z.toks[j-1].is(fCap) && j+1 < z.b && z.toks[j+1].k == kWord && z.toks[j+1].is(fCap) && !functionWords[z.toks[j+1].low] {
				j++
				continue
			}
			break
		}
		if !z.npWord(j) {
			break
		}
		if j > start && z.toks[j-1].is(fCap) && !z.modifierNoun(j, j > k) {
			// A lower-case word after a name: the name has ended (said Trump on Tuesday).
			break
		}
		j++
		if u.is(fCap) && j < z.b && z.toks[j].k == kWord && !z.toks[j].is(fCap) && !z.modifierNoun(j, start > k) &&
			z.toks[j].low != "and" && z.toks[j].low != "of" && !nameParticles[z.toks[j].low] {
			break
		}
	}
	if j == start {
		return noSpan
	}
	return span2{k, j}
}

// modifierNoun reports whether the lower-case word at j goes on a phrase that a capitalised
// word began: a role (White House press secretary), a noun before a name (Clinton ally James
// Carville), or, after a determiner, any noun (one Trump confidant, the Florida senator).
func (z *analyzer) modifierNoun(j int, afterDet bool) bool {
	t := &z.toks[j]
	if t.k != kWord || t.is(fCap) {
		return t.k == kWord
	}
	if t.is(fPoss) || z.toks[j-1].is(fPoss) || roleNouns[t.low] {
		return true
	}
	if !z.npWord(j) || prepositions[t.low] {
		return false
	}
	if j+1 < z.b && z.word(j+1) && z.toks[j+1].is(fCap) && !functionWords[z.toks[j+1].low] {
		return true
	}
	return afterDet && !(j+1 < z.b && z.word(j+1) && !z.toks[j+1].is(fCap) && z.npWord(j+1))
}

// roleNouns may stand inside a capitalised noun phrase: White House press secretary Karoline
// Leavitt, Fox Business correspondent Edward Lawrence.
var roleNouns = vocab.Set("roleNouns")
