package events

import "strings"

// The parser's word classes (data/words.txt).
var (
	determiners  = vocab.Set("determiners")
	pronouns     = vocab.Set("pronouns")
	prepositions = vocab.Set("prepositions")
	auxiliaries  = vocab.Set("auxiliaries")
	modals       = vocab.Set("modals")
	negations    = vocab.Set("negations")
	// clauseStops end a leftward search for a subject: they open a clause of their own.
	clauseStops = vocab.Set("clauseStops")
	// reporting verbs take a clause whose events belong to that clause's subject.
	reportingVerbs = vocab.Set("reportingVerbs")
	// lightVerbs carry no event of their own: the noun they take does ("launched an investigation").
	lightVerbs = vocab.Set("lightVerbs")
	timeWords  = vocab.Set("timeWords")
	adverbs    = vocab.Set("adverbs")
	// nounsOfIdea open clauses that state no fact: "fears that Russia would attack".
	nounsOfIdea = vocab.Set("nounsOfIdea")
	// agentNouns head noun phrases that can act: a target or source in their own right.
	agentNouns = vocab.Set("agentNouns")
)

// irregular verb forms and the lemma they belong to.
var irregular = vocab.Map("irregular")

// lemmaOf returns the base form of a word, preferring a form that the lexicon knows. known may
// be nil.
func lemmaOf(w string, known func(string) bool) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	n := len(w)
	try := func(cands ...string) string {
		for _, c := range cands {
			if c != "" && known != nil && known(c) {
				return c
			}
		}
		return ""
	}
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		if l := try(w[:n-3]+"y", w[:n-1]); l != "" {
			return l
		}
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "ed"):
		cands := []string{w[:n-1], w[:n-2]}
		if n > 4 && w[n-3] == w[n-4] {
			cands = append(cands, w[:n-3])
		}
		if l := try(cands...); l != "" {
			return l
		}
		if n > 4 && w[n-3] == w[n-4] && !strings.HasSuffix(w, "lled") && !strings.HasSuffix(w, "ssed") {
			return w[:n-3]
		}
		switch w[n-3] {
		case 'v', 'c', 'z', 'u':
			return w[:n-1]
		}
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "ing"):
		cands := []string{w[:n-3], w[:n-3] + "e"}
		if n > 6 && w[n-4] == w[n-5] {
			cands = append(cands, w[:n-4])
		}
		if l := try(cands...); l != "" {
			return l
		}
		return w[:n-3]
	case n > 3 && strings.HasSuffix(w, "es"):
		if l := try(w[:n-2], w[:n-1]); l != "" {
			return l
		}
		switch w[n-3] {
		case 's', 'x', 'z', 'h':
			return w[:n-2]
		}
		return w[:n-1]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// nounBase returns the singular of a plural noun, as far as a cheap rule can tell.
func nounBase(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}
