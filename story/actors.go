package story

import (
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// actorRec is one actor of a story, whatever names the documents give it ("Donald Trump",
// "Trump", "President Trump").
type actorRec struct {
	idx      int
	names    map[string]int  // surface name -> weight
	resolved map[string]bool // names the actor stage gave (not phrases of facts)
	codes    map[string]int
	first    string // folded given name, when some document gives one
	sur      string // folded surname (or last word of an organisation's name)
	mentions int
	docs     int
	counted  map[*docEntry]bool // the documents counted in docs
	roles    []roleRec
	tokens   map[string]bool // folded words of all its names
}

// countDoc counts d among the actor's documents once, however many of its mentions and facts
// name the actor. (Remembering only the last document counted each one again when a second
// pass over the facts began from the first.)
func (r *actorRec) countDoc(d *docEntry) {
	if r.counted[d] {
		return
	}
	if r.counted == nil {
		r.counted = map[*docEntry]bool{}
	}
	r.counted[d] = true
	r.docs++
}

type roleRec struct {
	doc  *docEntry
	role string
	ev   parley.Evidence
}

// actorTable resolves the actor references of a story's documents to story actors.
type actorTable struct {
	recs   []*actorRec
	bySur  map[string][]*actorRec
	byCode map[string][]*actorRec
	words  map[string][]string // nameTokens of each name seen: a story names its actors often
}

func newActorTable() *actorTable {
	return &actorTable{bySur: map[string][]*actorRec{}, byCode: map[string][]*actorRec{}, words: map[string][]string{}}
}

// nameTokens is nameTokens(name), remembered.
func (t *actorTable) nameTokens(name string) []string {
	toks, ok := t.words[name]
	if !ok {
		toks = nameTokens(name)
		t.words[name] = toks
	}
	return toks
}

func surKey(sur string) string {
	s := collapse(sur)
	if len(s) > 4 {
		s = s[:4]
	}
	return s
}

// match finds the story actor a name (or, without a name, a code) refers to; nil when none.
// Names match on the surname, allowing a letter of difference in transliteration, when the given
// names do not contradict each other; the most mentioned of several candidates wins.
func (t *actorTable) match(name, code string) *actorRec {
	toks := t.nameTokens(name)
	var best *actorRec
	if len(toks) > 0 {
		sur := toks[len(toks)-1]
		first := ""
		if len(toks) > 1 {
			first = toks[0]
		}
		country := len(toks) == 1 && len(code) == 3
		for _, r := range t.bySur[surKey(sur)] {
			if country && r.first != "" || len(toks) > 1 && r.country() {
				continue // "Washington" (USA) is not George Washington, nor "Bank of China" China
			}
			if sameWord(r.sur, sur) && compatibleFirst(r.first, first) && r.compatibleCode(code) && (best == nil || r.mentions > best.mentions) {
				best = r
			}
		}
		return best
	}
	for _, r := range t.byCode[code] {
		if best == nil || r.mentions > best.mentions {
			best = r
		}
	}
	return best
}

// country reports whether the actor is a country or a capital standing for it: known by one
// word and only by bare country codes ("China" CHN, "Washington" USA). A one-word name so coded
// does not match a person or an organisation whose name ends with it ("George Washington",
// "Bank of China"), nor they it; one-word names match each other as before.
func (r *actorRec) country() bool {
	if r.first != "" || len(r.codes) == 0 {
		return false
	}
	for c := range r.codes {
		if len(c) != 3 {
			return false
		}
	}
	return true
}

// compatibleCode reports whether an actor known by the codes of r may be one coded code: the
// same country or organisation (the first three letters), or no code on either side. "Eastern
// Europe" (EEU) is not "Europe" (EUR), nor a British Johnson an American one, however alike
// their last words.
func (r *actorRec) compatibleCode(code string) bool {
	if len(code) < 3 || len(r.codes) == 0 || sectorOnly[code[:3]] {
		return true
	}
	for c := range r.codes {
		if len(c) < 3 || sectorOnly[c[:3]] || c[:3] == code[:3] {
			return true
		}
	}
	return false
}

// sectorOnly are CAMEO sector codes that open a code when the country is unknown ("GOV" for a
// regional governor the dictionary does not know): no country to disagree with.
var sectorOnly = vocab.Set("sectorOnly")

// get returns the story actor a reference names, adding one when none matches; nil when the
// reference has neither name nor code.
func (t *actorTable) get(name, code string) *actorRec {
	name = strings.TrimSpace(name)
	if name == "" && code == "" {
		return nil
	}
	r := t.match(name, code)
	toks := t.nameTokens(name)
	if r == nil {
		r = &actorRec{idx: len(t.recs), names: map[string]int{}, resolved: map[string]bool{}, codes: map[string]int{}, tokens: map[string]bool{}}
		t.recs = append(t.recs, r)
		if len(toks) > 0 {
			r.sur = toks[len(toks)-1]
			t.bySur[surKey(r.sur)] = append(t.bySur[surKey(r.sur)], r)
		}
	}
	if len(toks) > 1 && r.first == "" {
		r.first = toks[0]
	}
	for _, w := range toks {
		r.tokens[w] = true
	}
	if name != "" {
		r.names[name]++
	}
	if code != "" {
		if r.codes[code] == 0 {
			t.byCode[code] = append(t.byCode[code], r)
		}
		r.codes[code]++
	}
	return r
}

// name is the actor's display name. Among the names the actor stage resolved, the fullest wins
// ("Donald Trump" over "Trump"); names known only from facts are the words of the sentence
// ("the talks followed Trump"), so there the most used, then the shortest, wins.
func (r *actorRec) name() string {
	best, bestN, bestW := "", -1, -1
	anyResolved := len(r.resolved) > 0
	for n, w := range r.names {
		if anyResolved && !r.resolved[n] {
			continue
		}
		k := len(nameTokens(n))
		if !anyResolved {
			k = 0
		}
		if k > bestN || k == bestN && (w > bestW || w == bestW && (len(n) < len(best) || len(n) == len(best) && n < best)) {
			best, bestN, bestW = n, k, w
		}
	}
	if best == "" {
		return r.code()
	}
	return best
}

func (r *actorRec) code() string {
	best, bestW := "", 0
	for c, w := range r.codes {
		if w > bestW || w == bestW && c < best {
			best, bestW = c, w
		}
	}
	return best
}

func (r *actorRec) actorName() parley.ActorName {
	return parley.ActorName{Name: r.name(), Code: r.code()}
}

// role is the role most documents give the actor, the latest document's among equals.
func (r *actorRec) role() string {
	count := map[string]int{}
	best, bestN := "", 0
	for _, rr := range r.roles {
		count[rr.role]++
		if count[rr.role] >= bestN {
			best, bestN = rr.role, count[rr.role]
		}
	}
	return best
}

// sortedActors orders the story's actors by prominence: documents naming them, then mentions.
func sortedActors(t *actorTable) []*actorRec {
	out := make([]*actorRec, 0, len(t.recs))
	for _, r := range t.recs {
		if r.docs > 0 {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].docs != out[j].docs {
			return out[i].docs > out[j].docs
		}
		return out[i].mentions > out[j].mentions
	})
	return out
}

// isName reports whether a folded word is one of the actor's names, in any spelling that
// sameWord allows ("Zelenskyy" for Zelensky): a name of a party to an event says nothing about
// which of their events it is.
func (r *actorRec) isName(w string) bool {
	if r.tokens[w] {
		return true
	}
	for t := range r.tokens {
		if sameWord(t, w) {
			return true
		}
	}
	return false
}
