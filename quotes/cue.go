package quotes

import "strings"

// findCues returns the reporting cues of the current sentence.
func (z *analyzer) findCues(out []cueAt) []cueAt {
	for i := z.a; i < z.b; i++ {
		t := &z.toks[i]
		if t.k != kWord {
			continue
		}
		if phrases, ok := multiCues[t.low]; ok {
			matched := false
			for _, ph := range phrases {
				if z.matchPhrase(i, ph) {
					c := cueAt{i: i, j: i + len(ph), acc: ph[0] == "according"}
					if w, ok := cues[t.low]; ok {
						c.w = w
					} else {
						c.w = cueWord{lemma: t.low, class: cObject}
					}
					if c.acc || z.verbContext(i, c.w) {
						out = append(out, c)
						matched = true
					}
					break
				}
			}
			if matched {
				i = out[len(out)-1].j - 1
				continue
			}
		}
		w, ok := cues[t.low]
		if !ok || !z.verbContext(i, w) {
			continue
		}
		if t.is(fCap) && i > z.a && (!z.titleCase() || w.learned) {
			// A capitalised verb inside a sentence is part of a name: the United States. In a
			// headline every word is capitalised, and the learned cues, attitude words that
			// are nouns as often as verbs, are too ambiguous there ("Peace Talks Resume").
			continue
		}
		out = append(out, cueAt{i: i, j: i + 1, w: w})
	}
	return out
}

// titleCase reports whether the current sentence capitalises most of its longer words, as
// headlines do ("Bellwether County Says Trump Should Win").
func (z *analyzer) titleCase() bool {
	if z.tcFor != (span2{z.a, z.b}) {
		z.tcFor = span2{z.a, z.b}
		z.tc = z.computeTitleCase()
	}
	return z.tc
}

func (z *analyzer) computeTitleCase() bool {
	caps, words := 0, 0
	for i := z.a; i < z.b; i++ {
		t := &z.toks[i]
		if t.k != kWord || len(t.low) <= 3 {
			continue
		}
		words++
		if t.is(fCap) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func (z *analyzer) matchPhrase(i int, ph []string) bool {
	if i+len(ph) > z.b {
		return false
	}
	for k, w := range ph {
		if z.toks[i+k].k != kWord || z.toks[i+k].low != w {
			return false
		}
	}
	return true
}

// verbContext tells a reporting verb from the noun or participle that looks the same: not
// after a determiner or possessive ("the report", "his claims"), not an infinitive ("declined
// to say") and not a passive ("was asked").
func (z *analyzer) verbContext(i int, w cueWord) bool {
	p := i - 1
	if p < z.a {
		return !(w.class&cNoun != 0 && (w.form == formBase || w.form == form3sg))
	}
	pt := &z.toks[p]
	if pt.k == kWord {
		if pt.is(fPoss) || articles[pt.low] {
			return false
		}
		if pt.low == "to" {
			return false
		}
		if (w.form == form3sg || w.form == formBase) && (prepositions[pt.low] || nounLeads[pt.low]) {
			return false // "after talks with Trump", "for comment": a noun after a preposition
		}
	}
	if w.form == formBase && pt.k == kWord && !pt.is(fCap) {
		// "a strong advocate", "an outspoken critic": after "a" and a modifier a base form is
		// a singular noun; a verb there would have to be "advocates".
		if a := z.lowAt(p - 1); a == "a" || a == "an" {
			return false
		}
	}
	if w.class&cEvid != 0 {
		return z.evidential(i, w)
	}
	// Passive: was asked, were told, is expected.
	q := p
	for q >= z.a && z.skippable(q) && !beVerbs[z.toks[q].low] {
		q--
	}
	if q >= z.a && z.toks[q].k == kWord && beVerbs[z.toks[q].low] && (w.form == formPast || w.form == formPart) {
		return false
	}
	if w.class&cNoun != 0 && (w.form == formBase || w.form == form3sg) {
		// A noun-like form is a verb only after something that can be its subject.
		if pt.k != kWord {
			return false
		}
		if subjPronouns[pt.low] || pt.low == "who" {
			return true
		}
		if pt.is(fCap) {
			// "Trump claims", but not "a key Ukrainian demand".
			return !articles[z.lowAt(p-1)] && !(z.word(p-1) && !z.toks[p-1].is(fCap) && z.npWord(p-1) && articles[z.lowAt(p-2)])
		}
		if adverbLike(pt.low) || auxWords[pt.low] {
			return w.form == formBase // "will state", "also notes"
		}
		if w.form == form3sg && len(pt.low) > 3 && !strings.HasSuffix(pt.low, "s") && !strings.HasSuffix(pt.low, "ly") &&
			!strings.HasSuffix(pt.low, "ed") && z.npWord(p) && !prepositions[pt.low] {
			// "a new poll shows", "the campaign claims": a singular noun before the 3rd
			// person form is its subject.
			return true
		}
		return len(pt.low) > 3 && pt.low[len(pt.low)-1] == 's' && w.form == formBase
	}
	return true
}

// nounLeads take a clause or a noun phrase; a bare or -s form right after one is a noun, since
// a clause would need its subject first ("after talks with Trump", "while talks continued").
var nounLeads = vocab.Set("nounLeads")

// evidential checks the hedges that report without a speaker: "X seemed to", "X appears to",
// "X is expected to", "reportedly".
func (z *analyzer) evidential(i int, w cueWord) bool {
	next := z.lowAt(i + 1)
	switch w.lemma {
	case "reportedly", "seem":
		return true
	case "appear":
		return next == "to" || next == "that" || next == "as" || next == "likely" || next == "certain" || next == "poised" || next == "ready"
	case "expected":
		p := i - 1
		for p >= z.a && z.word(p) && (z.toks[p].low == "not" || z.toks[p].low == "widely" || z.toks[p].low == "also" || z.toks[p].low == "still") {
			p--
		}
		return next == "to" && p >= z.a && z.word(p) && beVerbs[z.toks[p].low]
	}
	return false
}
