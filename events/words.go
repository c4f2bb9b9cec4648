package events

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
