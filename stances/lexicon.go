package stances

import (
	"embed"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/lexfile"
)

// cue is a phrase that expresses a position on what follows it (or, for post cues, on what
// precedes it): "ruled out", "demanded", "expressed willingness to", "as a pathway to".
type cue struct {
	words    []string // normal forms, see normWord
	modal    bool
	polarity string
	post     bool // the position is on something named before the cue
	passive  bool // the holder follows, after "by"
}

// The package's cues and word classes, in the format of internal/lexfile: cues.txt and
// words.txt.
//
//go:embed data/*.txt
var dataFS embed.FS

var (
	cueData = lexfile.MustRead(dataFS, "data/cues.txt")
	vocab   = lexfile.MustRead(dataFS, "data/words.txt")
)

// negators turn a position around when they stand between the holder and the cue.
var negators = vocab.Set("negators")

// reportingVerbs introduce reported positions: "X said there will be no Y" is X's position.
var reportingVerbs = map[string]bool{}

func init() {
	for _, w := range vocab.Phrases("reportingVerbs") {
		reportingVerbs[normWord(w)] = true
	}
	cuesByFirst = map[string][]int{}
	for _, l := range cueData.Records("cues", 3, 3) {
		c := cue{words: normTokens(l.Fields[0]), polarity: l.Fields[1]}
		if c.polarity != parley.StanceSupport && c.polarity != parley.StanceOppose {
			panic("stances: " + l.Errorf("polarity %q is not %s or %s", c.polarity, parley.StanceSupport, parley.StanceOppose).Error())
		}
		for _, f := range l.List(2) {
			switch f {
			case "post":
				c.post = true
			case "passive":
				c.passive = true
			case "modal":
				c.modal = true
			default:
				panic("stances: " + l.Errorf("unknown flag %q", f).Error())
			}
		}
		if len(c.words) == 0 {
			panic("stances: " + l.Errorf("cue %q has no words", l.Fields[0]).Error())
		}
		cuesByFirst[c.words[0]] = append(cuesByFirst[c.words[0]], len(cues))
		cues = append(cues, c)
	}
	for _, c := range vocab.Phrases("conditionPhrases") {
		conditions = append(conditions, normTokens(c))
	}
	for _, r := range vocab.Phrases("reversers") {
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
var prepositions = vocab.Set("prepositions")

// clauseWords end a clause: what is said after "but" or "while" is another proposition.
var clauseWords = vocab.Set("clauseWords")

// detachers between a cue and an issue phrase mean the phrase belongs to another noun of the
// object: "demands for Russian influence over Ukraine's security guarantees" is no demand for
// guarantees.
var detachers = vocab.Set("detachers")

// objectStops end the object phrase of a cue when issues are derived from the text.
var objectStops = vocab.Set("objectStops")

// objectFillers are words at the head of an object phrase that name no issue.
var objectFillers = vocab.Set("objectFillers")

// vagueObject words open an object phrase that names no issue: pronouns, people in general,
// and prepositions left at the head once fillers are gone.
var vagueObject = vocab.Set("vagueObject")

// lightNouns head an object phrase but name no issue: "calls for a ceasefire" is about the
// ceasefire. Normal forms (see normWord).
var lightNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range vocab.Words("lightNouns") {
		m[normWord(w)] = true
	}
	return m
}()
