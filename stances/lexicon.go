package stances

import "github.com/parleynews/parley"

// cue is a phrase that expresses a position on what follows it (or, for post cues, on what
// precedes it): "ruled out", "demanded", "expressed willingness to", "as a pathway to".
type cue struct {
	words    []string // normal forms, see normWord
	modal    bool
	polarity string
	post     bool // the position is on something named before the cue
	passive  bool // the holder follows, after "by"
}

// cuePhrases are written in plain words and normalised when the package loads. Inflected forms
// are listed where stemming does not reach them (past tenses, irregular verbs).
var cuePhrases = []struct {
	phrase   string
	polarity string
	post     bool
	passive  bool
}{
	// Support: asking for, backing, accepting, promising.
	{"support", parley.StanceSupport, false, false},
	{"supported", parley.StanceSupport, false, false},
	{"back", parley.StanceSupport, false, false},
	{"backed", parley.StanceSupport, false, false},
	{"endorse", parley.StanceSupport, false, false},
	{"endorsed", parley.StanceSupport, false, false},
	{"demand", parley.StanceSupport, false, false},
	{"demanded", parley.StanceSupport, false, false},
	{"call for", parley.StanceSupport, false, false},
	{"called for", parley.StanceSupport, false, false},
	{"push for", parley.StanceSupport, false, false},
	{"pushed for", parley.StanceSupport, false, false},
	{"press for", parley.StanceSupport, false, false},
	{"pressed for", parley.StanceSupport, false, false},
	{"appeal for", parley.StanceSupport, false, false},
	{"appealed for", parley.StanceSupport, false, false},
	{"seek", parley.StanceSupport, false, false},
	{"sought", parley.StanceSupport, false, false},
	{"want", parley.StanceSupport, false, false},
	{"wanted", parley.StanceSupport, false, false},
	{"insist on", parley.StanceSupport, false, false},
	{"insisted on", parley.StanceSupport, false, false},
	{"insistence on", parley.StanceSupport, false, false},
	{"propose", parley.StanceSupport, false, false},
	{"proposed", parley.StanceSupport, false, false},
	{"urge", parley.StanceSupport, false, false},
	{"urged", parley.StanceSupport, false, false},
	{"pledge", parley.StanceSupport, false, false},
	{"pledged", parley.StanceSupport, false, false},
	{"promise", parley.StanceSupport, false, false},
	{"promised", parley.StanceSupport, false, false},
	{"agree to", parley.StanceSupport, false, false},
	{"agreed to", parley.StanceSupport, false, false},
	{"willing to", parley.StanceSupport, false, false},
	{"willingness to", parley.StanceSupport, false, false},
	{"ready to", parley.StanceSupport, false, false},
	{"prepared to", parley.StanceSupport, false, false},
	{"committed to", parley.StanceSupport, false, false},
	{"commit to", parley.StanceSupport, false, false},
	{"open to", parley.StanceSupport, false, false},
	{"in favour of", parley.StanceSupport, false, false},
	{"in favor of", parley.StanceSupport, false, false},
	{"favour", parley.StanceSupport, false, false},
	{"favor", parley.StanceSupport, false, false},
	{"welcome", parley.StanceSupport, false, false},
	{"welcomed", parley.StanceSupport, false, false},
	{"advocate", parley.StanceSupport, false, false},
	{"advocated", parley.StanceSupport, false, false},
	{"offer", parley.StanceSupport, false, false},
	{"offered", parley.StanceSupport, false, false},
	{"need", parley.StanceSupport, false, false},
	{"needed", parley.StanceSupport, false, false},
	{"require", parley.StanceSupport, false, false},
	{"required", parley.StanceSupport, false, false},
	{"must come with", parley.StanceSupport, false, false},
	{"must include", parley.StanceSupport, false, false},
	{"must have", parley.StanceSupport, false, false},
	{"as a pathway to", parley.StanceSupport, true, false},
	{"as a path to", parley.StanceSupport, true, false},
	{"as the way to", parley.StanceSupport, true, false},
	{"as a way to", parley.StanceSupport, true, false},
	{"as a solution", parley.StanceSupport, true, false},
	// Judgements of the thing itself: "security guarantees are the only way", "NATO membership
	// is off the table".
	{"the only way", parley.StanceSupport, true, false},
	{"is essential", parley.StanceSupport, true, false},
	{"are essential", parley.StanceSupport, true, false},
	{"is vital", parley.StanceSupport, true, false},
	{"are vital", parley.StanceSupport, true, false},
	{"is crucial", parley.StanceSupport, true, false},
	{"are crucial", parley.StanceSupport, true, false},
	{"is off the table", parley.StanceOppose, true, false},
	{"are off the table", parley.StanceOppose, true, false},
	{"was off the table", parley.StanceOppose, true, false},
	{"is out of the question", parley.StanceOppose, true, false},
	{"are out of the question", parley.StanceOppose, true, false},
	{"is unacceptable", parley.StanceOppose, true, false},
	{"are unacceptable", parley.StanceOppose, true, false},
	{"would be unacceptable", parley.StanceOppose, true, false},
	{"would be off the table", parley.StanceOppose, true, false},
	{"would be a red line", parley.StanceOppose, true, false},
	{"is a red line", parley.StanceOppose, true, false},
	{"are a red line", parley.StanceOppose, true, false},

	// Oppose: refusing, excluding, dismissing.
	{"oppose", parley.StanceOppose, false, false},
	{"opposed", parley.StanceOppose, false, false},
	{"opposition to", parley.StanceOppose, false, false},
	{"reject", parley.StanceOppose, false, false},
	{"rejected", parley.StanceOppose, false, false},
	{"rule out", parley.StanceOppose, false, false},
	{"ruled out", parley.StanceOppose, false, false},
	{"refuse", parley.StanceOppose, false, false},
	{"refused", parley.StanceOppose, false, false},
	{"dismiss", parley.StanceOppose, false, false},
	{"dismissed", parley.StanceOppose, false, false},
	{"block", parley.StanceOppose, false, false},
	{"blocked", parley.StanceOppose, false, false},
	{"veto", parley.StanceOppose, false, false},
	{"vetoed", parley.StanceOppose, false, false},
	{"resist", parley.StanceOppose, false, false},
	{"resisted", parley.StanceOppose, false, false},
	{"warn against", parley.StanceOppose, false, false},
	{"warned against", parley.StanceOppose, false, false},
	{"downplay", parley.StanceOppose, false, false},
	{"downplayed", parley.StanceOppose, false, false},
	{"brush aside", parley.StanceOppose, false, false},
	{"brushed aside", parley.StanceOppose, false, false},
	{"condemn", parley.StanceOppose, false, false},
	{"condemned", parley.StanceOppose, false, false},
	{"not be able to", parley.StanceOppose, false, false}, // a judgement about the subject: see modal
	{"is rejected by", parley.StanceOppose, true, true},
	{"was rejected by", parley.StanceOppose, true, true},
	{"are rejected by", parley.StanceOppose, true, true},
	{"is opposed by", parley.StanceOppose, true, true},
	{"was opposed by", parley.StanceOppose, true, true},
	{"is ruled out by", parley.StanceOppose, true, true},
	{"was ruled out by", parley.StanceOppose, true, true},
	{"is supported by", parley.StanceSupport, true, true},
	{"was supported by", parley.StanceSupport, true, true},
	{"is backed by", parley.StanceSupport, true, true},
	{"was backed by", parley.StanceSupport, true, true},
}

// modal cues judge what their grammatical subject can do ("Ukraine might not be able to join
// NATO"): the position is the speaker's, not the subject's.
var modal = map[string]bool{"not be able to": true}

// negators turn a position around when they stand between the holder and the cue.
var negators = map[string]bool{"not": true, "never": true, "n't": true, "no": true, "neither": true, "nor": true,
	"won't": true, "don't": true, "didn't": true, "doesn't": true, "wouldn't": true, "can't": true, "cannot": true}

// conditionPhrases make a position conditional when they follow what it is about.
var conditionPhrases = []string{"contingent on", "contingent upon", "conditional on", "conditioned on", "only if",
	"provided that", "as long as", "on condition", "unless", "subject to", "in exchange for", "without"}

// reportingVerbs introduce reported positions: "X said there will be no Y" is X's position.
var reportingVerbs = map[string]bool{}

func init() {
	for _, w := range []string{"said", "say", "says", "told", "tell", "stated", "state", "indicated", "indicate", "warned",
		"warn", "stressed", "stress", "noted", "note", "added", "insisted", "insist", "argued", "argue", "claimed",
		"claim", "announced", "announce", "declared", "declare", "signaled", "signalled", "suggested", "suggest",
		"acknowledged", "made it clear", "emphasized", "emphasised", "reiterated", "maintained", "explained", "wrote",
		// Reporting nouns: "Hegseth's remarks that Ukraine might not be able to join NATO".
		"remarks", "comments", "statement", "warning", "assertion", "suggestion", "assessment"} {
		reportingVerbs[normWord(w)] = true
	}
	cuesByFirst = map[string][]int{}
	for _, c := range cuePhrases {
		words := normTokens(c.phrase)
		cuesByFirst[words[0]] = append(cuesByFirst[words[0]], len(cues))
		cues = append(cues, cue{words: words, modal: modal[c.phrase], polarity: c.polarity, post: c.post, passive: c.passive})
	}
	for _, c := range conditionPhrases {
		conditions = append(conditions, normTokens(c))
	}
	for _, r := range []string{"dropped", "drop", "drops", "abandoned", "abandon", "abandons", "withdrew", "withdrawn",
		"withdraw", "gave up", "give up", "gives up", "backed away from", "backs away from", "walked back", "walks back",
		"retreated from", "retreat from", "shelved", "scrapped", "ditched"} {
		reversers = append(reversers, normTokens(r))
	}
}

var (
	cues []cue
	// cuesByFirst indexes cues by their first word, so that each token is tried against the
	// few cues it can open.
	cuesByFirst map[string][]int
	conditions  [][]string
	// reversers abandon the position of the cue right after them: "dropped his demand for".
	reversers [][]string
)

// prepositions before a mention make it unlikely to be the subject that holds a position.
var prepositions = map[string]bool{"with": true, "of": true, "to": true, "for": true, "from": true, "by": true,
	"against": true, "on": true, "in": true, "at": true, "about": true, "over": true, "between": true, "into": true}

// clauseWords end a clause: what is said after "but" or "while" is another proposition.
var clauseWords = map[string]bool{"but": true, "while": true, "whereas": true, "although": true, "though": true,
	"however": true, "yet": true}

// detachers between a cue and an issue phrase mean the phrase belongs to another noun of the
// object: "demands for Russian influence over Ukraine's security guarantees" is no demand for
// guarantees.
var detachers = map[string]bool{"over": true, "about": true, "against": true, "on": true, "onto": true, "into": true,
	"from": true, "than": true, "under": true, "at": true, "within": true, "among": true, "across": true, "despite": true}

// objectStops end the object phrase of a cue when issues are derived from the text.
var objectStops = map[string]bool{"that": true, "as": true, "because": true, "in": true, "for": true, "with": true,
	"after": true, "before": true, "and": true, "or": true, "but": true, "if": true, "unless": true, "without": true,
	"on": true, "at": true, "from": true, "by": true, "which": true, "who": true, "while": true, "to": true, "until": true,
	"amid": true, "despite": true, "since": true, "when": true, "where": true}

// objectFillers are words at the head of an object phrase that name no issue.
var objectFillers = map[string]bool{"any": true, "the": true, "a": true, "an": true, "all": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "some": true, "further": true, "scenario": true, "involving": true, "idea": true,
	"possibility": true, "prospect": true, "notion": true, "of": true, "such": true, "this": true, "that": true, "these": true,
	"those": true, "more": true, "new": true, "explicit": true, "real": true, "very": true, "specific": true, "plan": true}

// vagueObject words open an object phrase that names no issue: pronouns, people in general,
// and prepositions left at the head once fillers are gone.
var vagueObject = map[string]bool{"them": true, "him": true, "her": true, "it": true, "us": true, "you": true,
	"me": true, "people": true, "everyone": true, "something": true, "anything": true, "nothing": true,
	"for": true, "to": true, "with": true, "on": true, "in": true, "at": true, "from": true, "what": true, "how": true}

// lightNouns head an object phrase but name no issue: "calls for a ceasefire" is about the
// ceasefire. Normal forms (see normWord).
var lightNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"request", "requests", "call", "calls", "demand", "demands", "plan", "plans", "proposal",
		"proposals", "bid", "bids", "push", "idea", "prospect", "possibility", "attempt", "attempts", "effort", "efforts"} {
		m[normWord(w)] = true
	}
	return m
}()
