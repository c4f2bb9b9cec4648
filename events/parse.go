package events

import (
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// span is a half-open range of token indexes; b == 0 means none.
type span struct{ a, b int }

func (s span) ok() bool { return s.b > s.a }

// cand is one event the shallow parse found in a sentence, before actors and dates are resolved.
type cand struct {
	trig, trigEnd int // trigger tokens (verb with particle, or noun)
	noun          bool
	lemma         string // trigger lemma, with its particle
	light         string // the light verb that governs a noun trigger
	e             *entry
	code          string
	ctl           string // the control verb's kind ("intend", "refuse", …)
	modal         string
	neg, passive  bool
	mode          string
	src, tgt      span
	obj           span
	prep          string // the preposition that introduced the target
	fallback      bool   // the target came from any preposition, not one the entry names
	indirect      span   // the person a light verb's noun is given to ("gave Canada a deadline")
	symmetric     bool   // both directions are coded (coordinated subject)
	reported      int    // index of the reporting verb whose clause holds the event, or -1
	reportSrc     span   // that reporting verb's subject
	pron          span   // a pronoun subject that src stands in for, when it was reported
	generic       bool   // no lexicon entry: the model alone says what it is
	participle    bool   // a participle clause after a comma, whose subject is the main clause's
	cond          bool   // in a clause of condition or of a time yet to come ("if X attacks")
	place         bool   // a consultation whose "from"/"in"/"at" phrase names only where it was
}

// sentence holds the tokens of one sentence and the lexicon used to read them.
type sentence struct {
	text  string
	toks  []token
	lx    *lexicon
	verb  []int8    // memoised verb reading: 0 unknown, 1 verb, 2 not a verb
	upper int8      // memoised headline test: 0 unknown, 1 yes, 2 no
	nouns []nounHit // memoised nounTrigger, made at its first call unless given
	key   []byte    // scratch for compoundKey
	fb    *featBuf  // scratch for the model's features; see features
}

func (s *sentence) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].low
}

func (s *sentence) isWord(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tkWord
}

// nounLemma is the lemma of token i read as a noun, "" for no token; it is read once a token,
// however many rules ask.
func (s *sentence) nounLemma(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	t := &s.toks[i]
	if !t.hasNoun {
		t.noun, t.hasNoun = syntax.Lemma(t.low, parley.POSNOUN), true
	}
	return t.noun
}

// compoundKey is the key of the two-word noun at token j in lexicon.compounds: the first word
// as written, the second as a noun lemma. The key is made in a buffer of the sentence's, so
// the string lives only until the next call: a map index, not a value to keep.
func (s *sentence) compoundKey(j int) []byte {
	s.key = append(append(append(s.key[:0], s.low(j)...), ' '), s.nounLemma(j+1)...)
	return s.key
}

func (s *sentence) lemma(i int) string {
	t := &s.toks[i]
	if t.lemma == "" {
		if l, ok := s.lx.verbForm(t.low); ok {
			t.lemma = l
		} else {
			t.lemma = syntax.Lemma(t.low, parley.POSVERB)
		}
	}
	return t.lemma
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= '0' && c <= '9'
}

func isAdverb(w string) bool {
	if adverbs[w] {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ally") || strings.HasSuffix(w, "ically")
}

// isTime reports whether token i is part of a time expression that a parser should step over.
func (s *sentence) isTime(i int) bool {
	if !s.isWord(i) {
		return false
	}
	t := s.toks[i]
	switch t.low {
	case "may", "march", "sat", "sun", "mar", "jan", "sep", "dec", "oct", "nov", "jun", "jul", "aug", "feb", "apr":
		return t.cap
	case "this", "last", "next", "earlier", "later", "ago":
		return s.isWord(i+1) && timeWords[s.low(i+1)] || t.low == "ago" || t.low == "earlier" || t.low == "later"
	}
	if timeWords[t.low] {
		return true
	}
	if isNumber(t.low) {
		// Dates and years, not amounts: "on 4 October 2007", "in 2004".
		return s.timeWord(i-1) || s.timeWord(i+1) || len(t.low) == 4 && (t.low[0] == '1' || t.low[0] == '2')
	}
	return false
}

// timeWord is isTime without numbers, so that a run of numbers cannot recurse.
func (s *sentence) timeWord(i int) bool {
	return s.isWord(i) && !isNumber(s.low(i)) && s.isTime(i)
}

// verbAt reports whether token i reads as a verb of the lexicon (or a reporting, light or
// control verb) in this context.
func (s *sentence) verbAt(i int) bool {
	if s.verb[i] != 0 {
		return s.verb[i] == 1
	}
	v := s.verbReading(i)
	if v {
		s.verb[i] = 1
	} else {
		s.verb[i] = 2
	}
	return v
}

func (s *sentence) verbReading(i int) bool {
	if !s.isWord(i) {
		return false
	}
	t := s.toks[i]
	lem, known := s.lx.verbForm(t.low)
	if !known {
		return false
	}
	s.toks[i].lemma = lem // what lemma would look up again
	if t.cap && i > 0 && !s.headline() {
		return false
	}
	t.lemma = lem
	p := s.low(i - 1)
	if i > 0 && s.toks[i-1].kind == tkPoss || determiners[p] && p != "that" {
		return false
	}
	if prepositions[p] && p != "to" {
		return false
	}
	form := formOf(t.low, lem)
	switch form {
	case "ing":
		// Progressive only: "is suing"; a bare -ing form is a gerund or a participle clause,
		// unless an aspectual verb governs it ("has begun withdrawing").
		if aspectual[s.lemma(maxInt(i-1, 0))] && i > 0 && s.isWord(i-1) && formOf(s.low(i-1), s.lemma(i-1)) != "ing" {
			return true
		}
		j := i - 1
		for j >= 0 && (isAdverb(s.low(j)) || negations[s.low(j)]) {
			j--
		}
		if s.participleClause(i) {
			return true
		}
		return auxiliaries[s.low(j)] && isBe(s.low(j))
	case "ed":
		return true
	case "s":
		if e, _ := s.nounTrigger(i); e != nil {
			// "Venezuela releases dozens", not "Russian attacks on Kyiv" or "the latest talks".
			if i == 0 || !(s.toks[i-1].cap || pronouns[p] || s.toks[i-1].kind == tkPunct && p == ")") || s.isTime(i-1) {
				return false
			}
			n := i + 1
			if n >= len(s.toks) || !s.isWord(n) {
				return false
			}
			nl := s.low(n)
			return !(prepositions[nl] || auxiliaries[nl] || modals[nl] || clauseStops[nl] || formOf(nl, s.lemma(n)) == "ed")
		}
		// "Iraqi forces have launched": a plural noun before its own verb; "Western arms
		// shipments": a plural noun in a compound.
		if n := i + 1; n < len(s.toks) {
			nl := s.low(n)
			if auxiliaries[nl] || modals[nl] || (formOf(nl, s.lemma(n)) == "ed" && s.lx.knownVerb(s.lemma(n))) {
				return false
			}
			if s.isWord(n) && !s.toks[n].cap && !(determiners[nl] || pronouns[nl] || isNumber(nl) || prepositions[nl] && nl != "of" || isAdverb(nl) || nl == "that") && !s.takesObject(lem, n) {
				return false
			}
		}
		return true
	}
	// Base form; some participles are too: "have hit", "has cut".
	if (p == "have" || p == "has" || p == "had") && irregular[t.low] == t.low {
		return true
	}
	if modals[p] || p == "to" || p == "did" || p == "do" || p == "does" || negations[p] || pronouns[p] {
		return true
	}
	if isAdverb(p) {
		j := i - 1
		for j >= 0 && isAdverb(s.low(j)) {
			j--
		}
		q := s.low(j)
		return modals[q] || q == "to" || q == "did" || q == "do" || negations[q] || pronouns[q] || (s.isWord(j) && s.toks[j].cap)
	}
	if _, isNoun := s.lx.nouns[t.low]; isNoun {
		return false
	}
	// After a plural or a name: "the leaders meet", "Ukraine and Russia meet".
	if i == 0 || !s.isWord(i-1) || clauseStops[p] || auxiliaries[p] {
		return false
	}
	if n := i + 1; n < len(s.toks) && s.isWord(n) && !s.toks[n].cap {
		// "White House press secretary": a noun in a compound, not a verb.
		nl := s.low(n)
		if !(determiners[nl] || pronouns[nl] || isNumber(nl) || prepositions[nl] && nl != "of" || isAdverb(nl) || s.lx.hasParticle(lem, nl)) {
			return false
		}
	}
	return s.toks[i-1].cap || strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && !s.verbAt(i-1)
}

var aspectual = vocab.Set("aspectual")

// takesObject reports whether the word at n is an object the verb's entries name, or an event
// noun after a light verb: "lifts blockade", "holds talks".
func (s *sentence) takesObject(lem string, n int) bool {
	for k := n; k < n+3 && s.isWord(k); k++ {
		w := s.low(k)
		if lightVerbs[lem] {
			if e, _ := s.nounTrigger(k); e != nil {
				return true
			}
		}
		for _, e := range s.lx.verbs[lem] {
			if e.objs != nil && (e.objs[w] || e.objs[s.nounLemma(k)]) {
				return true
			}
		}
		if prepositions[w] || clauseStops[w] {
			break
		}
	}
	return false
}

// headline reports whether the sentence is set in title case, where verbs are capitalised too.
func (s *sentence) headline() bool {
	if s.upper == 0 {
		s.upper = 2
		if allUpperWords(s.toks) {
			s.upper = 1
		}
	}
	return s.upper == 1
}

func allUpperWords(toks []token) bool {
	caps, words := 0, 0
	for _, t := range toks {
		if t.kind == tkWord && len(t.low) > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m":
		return true
	}
	return false
}

// formOf says which inflection a word form shows: "ed" (past or participle), "s", "ing" or "".
func formOf(w, lemma string) string {
	if w == lemma {
		return ""
	}
	if irr, ok := irregular[w]; ok && irr == lemma {
		if strings.HasSuffix(w, "s") && w != "was" && w != "has" {
			return "s"
		}
		return "ed"
	}
	switch {
	case strings.HasSuffix(w, "ing"):
		return "ing"
	case strings.HasSuffix(w, "ed"):
		return "ed"
	case strings.HasSuffix(w, "s"):
		return "s"
	}
	return ""
}

// clauseEnd is the index where the clause that holds token i ends.
func (s *sentence) clauseEnd(i int) int {
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if t.kind == tkPunct {
			switch t.low {
			case ";", ":", "—", "--", "–", "(", "\"", "“", "”":
				return j
			case ",":
				n := s.low(j + 1)
				if n == "which" || n == "who" || n == "saying" || n == "adding" || n == "while" || n == "but" ||
					n == "after" || n == "as" || n == "because" || n == "when" || n == "although" || n == "though" ||
					n == "according" || n == "where" || strings.HasSuffix(n, "ing") {
					return j
				}
			}
			continue
		}
		switch t.low {
		case "because", "when", "while", "although", "though", "unless", "whereas", "after", "before":
			if j > i {
				return j
			}
		case "that", "which", "who":
			if j > i+1 && !determiners[s.low(j+1)] {
				return j
			}
		}
	}
	return len(s.toks)
}

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
	if !t.cap && (strings.HasSuffix(w, "ing") && len(w) > 5 && !strings.Contains(w, "-") && !(i+1 < len(s.toks) && s.toks[i+1].cap && (i == 0 || !s.isWord(i-1) || determiners[s.low(i-1)] || s.verbAt(i-1))) && !agentNouns[w] && s.lx.nouns[w] == nil && !strings.HasSuffix(w, "thing")) {
		return false
	}
	return true
}

// npLeft collects the noun phrase that ends at token k (inclusive), scanning left.
func (s *sentence) npLeft(k int) span {
	if k < 0 || k >= len(s.toks) || !s.npTok(k) || s.low(k) == "and" || prepositions[s.low(k)] {
		return span{}
	}
	a := k
	for a-1 >= 0 && k-(a-1) < 16 && s.npTok(a-1) {
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
	for b < end && b-k < 16 && s.npTok(b) {
		w := s.low(b)
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
			for j >= 0 && k-j < 8 && s.low(j) != "," {
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
		if j := s.commaBefore(k, 6); j >= 0 && prepositions[s.low(j+1)] && s.low(j+1) != "of" {
			k = j - 1
			continue
		}
		return k
	}
	return k
}

// relativeOpeners open a non-restrictive relative clause set off by commas.
var relativeOpeners = vocab.Set("relativeOpeners")

// insertOpen finds, for the comma at k that closes a parenthetical clause between a subject and
// its verb ("X, who is due to meet Y in Washington next week, has refused"), the comma that opens
// it, when that clause is a relative or participle clause after a noun phrase; else -1.
// Inner commas ("who met Y, Z and W,") are stepped over; clause punctuation ends the search.
func (s *sentence) insertOpen(k int) int {
	for j := k - 1; j > 0 && k-j <= 30; j-- {
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

func (s *sentence) subjectDepth(g, depth int) span {
	k := s.skipLeft(g - 1)
	if k < 0 {
		return span{}
	}
	w := s.low(k)
	if (w == "and" || w == "but") && depth < 3 {
		// "The EU would step up its efforts and would hold talks": the first verb's subject.
		for j := k - 1; j >= 0 && k-j < 20; j-- {
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

// group walks left from a trigger over its auxiliaries, modals, negation and control verbs, and
// fills in the candidate's mode fields. It returns the first index of the group, or -1 when the
// verb is not finite in a clause of its own (a bare infinitive or participle).
func (s *sentence) group(c *cand, i int) int {
	form := formOf(s.low(i), s.lemma(i))
	j := i - 1
	hasAux := false
	for j >= 0 {
		w := s.low(j)
		switch {
		case isAdverb(w) && !s.toks[j].cap:
		case negations[w] || w == "no" && s.low(j+1) == "longer" || w == "longer" && s.low(j-1) == "no":
			c.neg = true
		case modals[w]:
			if c.modal == "" {
				c.modal = w
			}
			hasAux = true
		case auxiliaries[w]:
			hasAux = true
			if isBe(w) && form == "ed" && (j == i-1 || isAdverb(s.low(j+1)) || s.low(j+1) == "been" || s.low(j+1) == "being") {
				c.passive = true
			}
		case form == "ing" && j == i-1 && aspectual[s.lemma(j)]:
			form = formOf(w, s.lemma(j))
			hasAux = form != "ing" && form != "" || hasAux
			if form == "" || form == "s" || form == "ed" {
				hasAux = true
			}
		case w == "to":
			p := j - 1
			for p >= 0 && isAdverb(s.low(p)) {
				p--
			}
			if p < 0 {
				return -1
			}
			pl := s.low(p)
			switch pl {
			case "ready", "willing", "prepared", "poised", "set", "due", "expected", "about", "going", "determined", "eager", "keen", "likely", "able":
				if c.ctl == "" {
					c.ctl = "intend"
				}
				j = p - 1
				continue
			}
			if !s.isWord(p) || s.toks[p].cap {
				return -1
			}
			lem := s.lemma(p)
			kind, ok := controlVerbs[lem]
			if !ok || (pl == lem && !s.verbAt(p) && pl != "want" && pl != "need") {
				return -1
			}
			if c.ctl == "" || c.ctl == "do" {
				c.ctl = kind
			}
			if kind == "ask" {
				return -1 // "urged X to V": the request is coded at the asking verb
			}
			if c.light == "" && s.lx.verbs[lem] != nil {
				c.light = lem
			}
			j = p
			form = formOf(pl, lem)
		default:
			goto done
		}
		j--
	}
done:
	if form == "ing" && !hasAux {
		return -1
	}
	return j + 1
}

// objectOf finds the direct object after token k (or the noun phrase after a preposition when
// the verb takes one at once).
func (s *sentence) objectOf(k, end int) (obj span, prep string) {
	for k < end {
		w := s.low(k)
		if (w == "out" || w == "up" || w == "off") && k+1 < end && !prepositions[s.low(k+1)] {
			k++ // "carried out air strikes", "stepped up attacks"
			continue
		}
		if isAdverb(w) && !s.toks[k].cap || s.isTime(k) || (w == "on" || w == "in" || w == "at") && s.isTime(k+1) {
			k++
			continue
		}
		break
	}
	if k >= end {
		return span{}, ""
	}
	w := s.low(k)
	if prepositions[w] {
		np := s.npRight(k+1, end)
		return np, w
	}
	return s.npRight(k, end), ""
}

// prepTarget finds the noun phrase after the first of the preferred prepositions between from
// and end.
func (s *sentence) prepTarget(preps []string, from, end int) (span, string) {
	// The target's phrase follows the trigger closely; adjuncts ("amid allegations of …") end
	// the search.
	if end > from+20 {
		end = from + 20
	}
	for j := from; j < end; j++ {
		if adjunctStops[s.low(j)] {
			end = j
			break
		}
	}
	// The nearest of the prepositions wins: "lifted its boycott of X, a venue on Y".
	for j := from; j < end; j++ {
		w := s.low(j)
		if !hasPrep(preps, w) || w == "to" && s.low(j-1) == "up" {
			continue
		}
		if np := s.npRight(j+1, end); np.ok() && !s.adverbial(np.a, np.b) {
			return np, w
		}
	}
	return span{}, ""
}

// actorAfter finds the first actor-like noun phrase introduced by a preposition in [k, end).
func (s *sentence) actorAfter(k, end int, purpose bool) (span, string) {
	if end > k+20 {
		end = k + 20
	}
	for j := k; j < end; j++ {
		w := s.low(j)
		if adjunctStops[w] {
			break
		}
		if w == "to" && s.isWord(j+1) && !s.toks[j+1].cap && !determiners[s.low(j+1)] && !isNumber(s.low(j+1)) {
			// A purpose clause: "sent troops to help the Philippine army" acts on that verb's
			// object when it names an actor.
			if purpose && formOf(s.low(j+1), s.lemma(j+1)) == "" && !prepositions[s.low(j+1)] {
				if np := s.npRight(j+2, end); np.ok() && s.agentLike(np) && !s.adverbial(np.a, np.b) {
					return np, "to"
				}
			}
			break
		}
		if !prepositions[w] || w == "of" {
			continue
		}
		if np := s.npRight(j+1, end); np.ok() && s.agentLike(np) && !s.adverbial(np.a, np.b) {
			return np, w
		}
	}
	return span{}, ""
}

// ownerTarget finds an actor right after a thing: "a request by X", "cooperation with X".
func (s *sentence) ownerTarget(k, end int) (span, string) {
	if k >= end {
		return span{}, ""
	}
	switch p := s.low(k); p {
	case "by", "from", "of", "to", "with", "for", "on", "against":
		if t := s.npRight(k+1, end); t.ok() && s.agentLike(t) {
			return t, p
		}
	}
	return span{}, ""
}

var adjunctStops = vocab.Set("adjunctStops")

// fallbackPreps find a target for an entry whose own prepositions found none.
var fallbackPreps = []string{"against", "on", "with", "to", "into", "in", "at", "from", "of", "for"}

func (s *sentence) objWords(np span, objs map[string]bool) bool {
	for j := np.a; j < np.b; j++ {
		if objs[s.low(j)] || objs[s.nounLemma(j)] {
			return true
		}
	}
	return false
}

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

// nounTrigger returns the lexicon entry of an event noun at token j ("talks", "air strike"),
// and how many tokens it spans. The rules ask of most tokens more than once; the answer is
// kept per token.
func (s *sentence) nounTrigger(j int) (*entry, int) {
	if !s.isWord(j) {
		return nil, 0
	}
	if len(s.nouns) != len(s.toks) {
		s.nouns = make([]nounHit, len(s.toks))
	}
	h := &s.nouns[j]
	if !h.known {
		h.e, h.width = s.findNoun(j)
		h.known = true
	}
	return h.e, int(h.width)
}

// nounHit is what nounTrigger found at a token.
type nounHit struct {
	e     *entry
	width int8
	known bool
}

func (s *sentence) findNoun(j int) (*entry, int8) {
	if !s.lx.nounForm(s.toks[j].low) {
		return nil, 0
	}
	if j+1 < len(s.toks) {
		if e := s.lx.compounds[string(s.compoundKey(j))]; e != nil {
			return e, 2
		}
	}
	w := s.low(j)
	if (w == "strike" || w == "strikes") && (s.low(j-1) == "on" || s.low(j-1) == "general") && s.lx.laborStrike != nil {
		return s.lx.laborStrike, 1 // "went on strike", "a general strike": labour, not arms
	}
	if e := s.lx.nouns[w]; e != nil {
		return e, 1
	}
	if e := s.lx.nouns[s.nounLemma(j)]; e != nil {
		return e, 1
	}
	return nil, 0
}

// candidates finds the events of one sentence.
func (s *sentence) candidates() []cand {
	var out []cand
	n := len(s.toks)
	reportAt, reportSubj := -1, span{}
	for i := 0; i < n; i++ {
		generic := false
		if !s.verbAt(i) {
			if !genericVerbs || !s.genericCandidate(i) {
				continue
			}
			generic = true
		}
		lem := s.lemma(i)
		if reportingVerbs[lem] || reportingVerbs[s.low(i)] {
			if g := s.groupStart(i); g >= 0 {
				reportAt, reportSubj = i, s.subject(g)
				if c, ok := s.mustRequest(i, reportSubj); ok {
					out = append(out, c)
				}
			}
			if s.lx.verbs[lem] == nil && !lightVerbs[lem] {
				continue
			}
		}
		if (lem == "have" || lem == "do" || lem == "be") && i+1 < n {
			if nf := formOf(s.low(i+1), s.lemma(i+1)); nf == "ed" || nf == "ing" || negations[s.low(i+1)] || s.low(i+1) == "been" || isAdverb(s.low(i+1)) {
				continue // an auxiliary, not "have talks"
			}
		}
		c := cand{trig: i, trigEnd: i + 1, lemma: lem, reported: -1}
		g := s.group(&c, i)
		var partSrc span
		if g < 0 {
			if !s.participleClause(i) {
				continue
			}
			// ", killing 40 people": the clause's subject is that of the main clause.
			if partSrc = s.mainSubject(i); !partSrc.ok() || !s.namesActor(partSrc) {
				continue
			}
			g, c.participle = i, true
		}
		end := s.clauseEnd(i + 1)
		var early span
		if c.passive {
			early = s.subject(g) // "aid to Ukraine was paused": the theme is the subject
			if early.ok() && early.a >= 2 && (s.low(early.a-1) == "to" || s.low(early.a-1) == "for") {
				if head := s.npLeft(early.a - 2); head.ok() {
					early.a = head.a
				}
			}
		}
		// Choose the entry.
		var e *entry
		for _, cand := range s.lx.verbs[lem] {
			k := i + 1
			if cand.particle != "" {
				if s.low(k) != cand.particle {
					continue
				}
				k++
			}
			if cand.objs != nil {
				obj, _ := s.objectOf(k, end)
				if c.passive {
					obj = early
				}
				if !c.passive && obj.ok() && !s.objWords(obj, cand.objs) && s.agentLike(obj) && obj.b < end {
					// "granted the Pentagon permission": the receiver comes before the thing.
					if obj2 := s.npRight(obj.b, end); obj2.ok() && s.objWords(obj2, cand.objs) {
						c.indirect = obj
						obj = obj2
					}
				}
				if !obj.ok() || !s.objWords(obj, cand.objs) {
					c.indirect = span{}
					continue
				}
				if !c.passive && !c.indirect.ok() && transferVerbs[lem] {
					// "granted the Portuguese government permission" reads as one phrase.
					k := obj.a
					for k < obj.b && !(cand.objs[s.low(k)] || cand.objs[s.nounLemma(k)]) {
						k++
					}
					if head := (span{obj.a, k}); head.ok() && s.isWord(k-1) && !s.adjectival(k-1) && s.agentLike(head) {
						c.indirect = head
					}
				}
			}
			e = cand
			if cand.particle != "" {
				c.trigEnd = i + 2
				c.lemma = lem + " " + cand.particle
			}
			break
		}
		obj, oprep := s.objectOf(c.trigEnd, end)
		c.obj = obj
		// A light verb, or a general entry of one, gives way to an event noun in its object
		// ("launched an investigation", "went on strike").
		// A verb whose entries all name other objects does not hand its event to the noun:
		// "end the war" is no act of war.
		if (e == nil && (lightVerbs[lem] || !s.lx.restricted(lem)) || e != nil && e.objs == nil && e.particle == "" && lightVerbs[lem]) && obj.ok() && (oprep == "" || oprep == "on" || oprep == "under" || oprep == "into") {
			for j := obj.a; j < obj.b; j++ {
				if ne, w := s.nounTrigger(j); ne != nil {
					e = ne
					c.noun = true
					c.light = lem
					c.lemma = s.low(j)
					c.trig, c.trigEnd = j, j+w
					break
				}
				if s.low(j) == "of" && s.low(j-1) != "state" {
					break
				}
			}
			// "gave Canada a deadline": the thing comes after the person.
			if !c.noun && s.agentLike(obj) && obj.b < end {
				if obj2 := s.npRight(obj.b, end); obj2.ok() {
					for j := obj2.a; j < obj2.b; j++ {
						if ne, w := s.nounTrigger(j); ne != nil {
							e = ne
							c.noun = true
							c.light = lem
							c.lemma = s.low(j)
							c.trig, c.trigEnd = j, j+w
							c.indirect = obj
							break
						}
					}
				}
			}
		}
		if e == nil && !generic {
			continue
		}
		c.e = e
		if e != nil {
			c.code = e.code
		} else {
			c.generic = true
			e = genericEntry
		}
		c.src = s.subject(g)
		c.cond = s.conditional(g, c.src)
		if c.participle {
			c.src = partSrc
		}
		if c.src.ok() && c.src.a >= 2 && s.low(c.src.a-1) == "that" && nounsOfIdea[s.low(c.src.a-2)] {
			continue // a proposition someone fears, hopes or asks for, not an event
		}
		if reportAt >= 0 && reportAt < g {
			c.reported, c.reportSrc = reportAt, reportSubj
			if isPronounSpan(s, c.src) && reportSubj.ok() {
				// "Ethiopia said it would allow …": without an actor for "it", the speaker.
				c.pron, c.src = c.src, reportSubj
			}
		}
		// Target.
		switch {
		case c.passive:
			c.tgt = c.src
			if early.ok() {
				c.tgt = early
			}
			c.src, _ = s.prepTarget([]string{"by"}, c.trigEnd, end)
			if !c.src.ok() && rootOf(e.code) == "17" {
				// "was arrested in Niger": the state where it happened did it.
				if in, _ := s.prepTarget([]string{"in"}, c.trigEnd, end); in.ok() && s.countryName(in) {
					c.src = in
				}
			}
			if !c.src.ok() {
				continue
			}
			if len(e.preps) > 0 && e.objs != nil {
				// "aid to Ukraine was paused": the subject is the theme, the recipient is in it
				// or follows.
				if t, p := s.prepTarget(e.preps, c.tgt.a, c.tgt.b+1); t.ok() {
					c.tgt, c.prep = t, p
				} else if t, p := s.prepTarget(e.preps, c.trigEnd, end); t.ok() {
					c.tgt, c.prep = t, p
				}
			}
		case e.clause && (s.low(c.trigEnd) == "that" || s.low(c.trigEnd) == ","):
			c.tgt = s.npRight(c.trigEnd+1, len(s.toks))
		case c.noun && c.indirect.ok():
			c.tgt = c.indirect
		case c.noun:
			c.tgt, c.prep = s.prepTarget(e.preps, c.trigEnd, end)
		case e.objs != nil && c.indirect.ok():
			c.tgt = c.indirect
		case e.objs != nil:
			c.tgt, c.prep = s.prepTarget(e.preps, c.trigEnd, end)
			if !c.tgt.ok() && obj.ok() && s.agentLike(obj) {
				c.tgt = obj // "expelled the top American diplomat"
			}
		case transferVerbs[lem] && !c.noun && hasPrep(e.preps, "to") && s.hasPrepTarget("to", c.trigEnd, end):
			// "returned the prisoners to Russia": the receiver is the target.
			c.tgt, c.prep = s.prepTarget([]string{"to"}, c.trigEnd, end)
		case obj.ok() && oprep == "" && s.agentLike(obj) && !(ownForces[s.nounLemma(s.headOf(obj))] && s.hasAnyPrepTarget(e.preps, s.headOf(obj)+1, end)):
			// "mobilized troops against Iraq": the forces are the actor's own, the target follows.
			c.tgt = obj
		default:
			if t, p := s.prepTarget(e.preps, c.trigEnd, end); t.ok() {
				c.tgt, c.prep = t, p
			} else if obj.ok() {
				c.tgt, c.prep = obj, oprep
				// "refused a request by X": the thing's owner is the target.
				if t, p := s.ownerTarget(obj.b, end); t.ok() && !s.agentLike(obj) {
					c.tgt, c.prep = t, p
				} else if !s.agentLike(obj) && obj.b < end && prepositions[s.low(obj.b)] {
					// "rejected appeals against the demolition": the phrase runs on.
					if t := s.npRight(obj.b+1, end); t.ok() {
						c.tgt.b = t.b
					}
				}
			}
		}
		if c.tgt == obj && obj.ok() && hasPrep(e.preps, "of") {
			for j := obj.a + 1; j < obj.b; j++ {
				if s.low(j) == "of" {
					c.tgt.b = j // "convicted the minister of fraud"
					break
				}
			}
		}
		place := false
		if !c.tgt.ok() && !c.passive && !e.conv {
			c.tgt, c.prep = s.prepTarget(fallbackPreps, c.trigEnd, end)
			c.fallback = true
			if (c.prep == "from" || c.prep == "in" || c.prep == "at") && rootOf(e.code) == "04" && s.countryName(c.tgt) {
				// "joined the call from Berlin", "talks in Geneva": where, not with whom.
				c.tgt, c.prep = span{}, ""
				c.place, place = true, true
			}
		}
		if !c.passive && !e.conv && !place && (!c.tgt.ok() || !s.agentLike(c.tgt)) {
			// A thing is no target when an actor follows in the clause: "set up a centre in
			// Mumbai", "condemned the threats made by the United States".
			from := c.trigEnd
			if c.tgt.ok() {
				from = c.tgt.b
			}
			// A purpose clause names the target only when the object names no one ("sent
			// $2 million to help X", not "demanded a meeting of the Council to discuss Y").
			// Verbal acts ("demanded commitments to protect Ukraine") are aimed at their
			// hearer, not at whom the thing would serve.
			purpose := (!c.tgt.ok() || s.capRun(c.tgt).b <= s.capRun(c.tgt).a) && !verbalRoots[rootOf(e.code)]
			if alt, p := s.actorAfter(from, end, purpose); alt.ok() {
				c.tgt, c.prep = alt, p
			}
		}
		if e.conv {
			c.src, c.tgt = c.tgt, c.src
			if e.objs != nil && obj.ok() && (!c.src.ok() || c.src == obj) {
				// "Ukraine suffered a Russian drone attack": the attacker is the modifier.
				if m := s.capRun(obj); m.ok() {
					c.src = m
				}
			}
		}
		if !c.src.ok() {
			continue
		}
		out = append(out, c)
	}
	if reportAt >= 0 {
		if c, ok := s.consequences(reportAt, reportSubj); ok {
			out = append(out, c)
		}
	}
	// A control verb with an infinitive ("refused to sign") is coded at the infinitive when that
	// makes a candidate of its own, else at the control verb.
	kept := out[:0]
	for _, c := range out {
		if _, isCtl := controlVerbs[s.lemma(c.trig)]; isCtl && !c.noun && s.low(c.trig+1) == "to" && s.coveredVerb(out, c.trig+2) {
			continue
		}
		kept = append(kept, c)
	}
	out = kept
	// Event nouns with a name before them: "a Taliban attack on X", "a U.S. airstrike".
	for j := 1; j < n; j++ {
		e, w := s.nounTrigger(j)
		if e == nil || s.toks[j].cap || !conflictNoun(e) || s.coveredNoun(out, j) || s.verbAt(j) || s.inObject(out, j) {
			continue
		}
		a := j
		for a-1 >= 0 && j-a < 4 && s.isWord(a-1) && (s.toks[a-1].cap || !determiners[s.low(a-1)] && !prepositions[s.low(a-1)] && !clauseStops[s.low(a-1)] && !s.verbAt(a-1) && a-1 > 0 && s.toks[a-2].cap) {
			a--
		}
		// The first capitalised run before the noun is the attacker.
		m := a
		for m < j && !s.toks[m].cap {
			m++
		}
		b := m
		for b < j && s.toks[b].cap {
			b++
		}
		if m >= j || m == 0 && !determiners[s.low(0)] && b == j || strings.Contains(s.toks[m].low, "-") {
			continue
		}
		c := cand{trig: j, trigEnd: j + w, noun: true, lemma: s.low(j), e: e, code: e.code, reported: -1, src: span{m, b}}
		end := s.clauseEnd(j + w)
		c.tgt, c.prep = s.prepTarget(e.preps, j+w, minInt(end, j+w+12))
		out = append(out, c)
	}
	// Event nouns with a possessive source: "Trump's meeting with Putin".
	verbal := len(out)
	for j := 1; j < n; j++ {
		if s.toks[j].kind != tkPoss {
			continue
		}
		k := j + 1
		for k < n && k-j < 4 && s.isWord(k) && !s.toks[k].cap {
			e, w := s.nounTrigger(k)
			if e != nil {
				if verbal > 0 || s.coveredNoun(out, k) {
					break
				}
				c := cand{trig: k, trigEnd: k + w, noun: true, lemma: s.low(k), e: e, code: e.code, reported: -1}
				c.src = s.npLeft(j - 1)
				end := s.clauseEnd(k + w)
				c.tgt, c.prep = s.prepTarget(e.preps, k+w, minInt(end, k+w+12))
				if c.src.ok() {
					out = append(out, c)
				}
				break
			}
			k++
		}
	}
	// A meeting whose participants the sentence names elsewhere: "the divide between Trump and
	// Zelensky deepened after a contentious Oval Office meeting".
	if verbal == 0 && len(out) == 0 {
		for j := 1; j < n; j++ {
			e, w := s.nounTrigger(j)
			if e == nil || !meetingNouns[e.lemma] || s.toks[j].cap || s.verbAt(j) {
				continue
			}
			if t, _ := s.prepTarget(e.preps, j+w, minInt(s.clauseEnd(j+w), j+w+12)); t.ok() {
				continue // "meeting with X" is coded where it has its own target
			}
			for k := 0; k < n; k++ {
				if s.low(k) != "between" || k == j-1 {
					continue
				}
				parts := s.conjuncts(s.npRight(k+1, minInt(n, k+14)))
				if len(parts) != 2 {
					continue
				}
				// A name ends where its capitals do: "President Duval widened" is President Duval
				// and a verb the lexicon does not know.
				for pi := range parts {
					if r := s.capRun(parts[pi]); r.a == parts[pi].a && r.ok() {
						parts[pi] = r
					}
				}
				out = append(out, cand{trig: j, trigEnd: j + w, noun: true, lemma: s.low(j), e: e, code: e.code,
					reported: -1, src: parts[0], tgt: parts[1], symmetric: true})
				break
			}
			break
		}
	}
	return out
}

// condOpeners open a clause whose event is only supposed; timeOpeners one whose event is yet to
// come when its verb is in the present ("before Russia attacks again").
var (
	condOpeners = vocab.Set("condOpeners")
	timeOpeners = vocab.Set("timeOpeners")
)

// conditional reports whether the verb group at g, with subject subj, stands in a clause of
// condition ("if Putin did not agree") or of a future time ("before Russia attacks again").
func (s *sentence) conditional(g int, subj span) bool {
	k := g - 1
	if subj.ok() && subj.a < g {
		k = subj.a - 1
	}
	for k >= 0 && (isAdverb(s.low(k)) && !s.toks[k].cap || s.low(k) == "even") {
		k--
	}
	w := s.low(k)
	if s.low(k-1) == "in" && w == "case" || condOpeners[w] {
		return true
	}
	if !timeOpeners[w] || !s.isWord(g) {
		return false
	}
	// The tense of the clause's first verb word: a past tense tells what happened.
	switch f := s.low(g); f {
	case "was", "were", "had", "did", "'d":
		return false
	default:
		return formOf(f, s.lemma(g)) != "ed"
	}
}

// meetingNouns name encounters between two parties, whose participants may stand anywhere in
// the sentence.
var meetingNouns = vocab.Set("meetingNouns")

var quantityNouns = vocab.Set("quantityNouns")

var transferVerbs = vocab.Set("transferVerbs")

func (s *sentence) hasPrepTarget(p string, from, end int) bool {
	t, _ := s.prepTarget([]string{p}, from, end)
	return t.ok()
}

func hasPrep(ps []string, p string) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
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

// countryName reports whether a noun phrase is a country's name.
func (s *sentence) countryName(np span) bool {
	words := make([]string, 0, np.b-np.a)
	for j := np.a; j < np.b; j++ {
		words = append(words, s.low(j))
	}
	_, ok := countryOf(strings.Join(words, " "))
	return ok
}

// conflictNoun says whether a noun's code is material conflict, the kind whose modifier names
// who did it ("a Taliban attack"); for other nouns a modifier is as often the target.
func conflictNoun(e *entry) bool {
	return attackNouns[e.lemma]
}

var attackNouns = vocab.Set("attackNouns")

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func (s *sentence) inObject(cs []cand, k int) bool {
	for _, c := range cs {
		if c.obj.a <= k && k < c.obj.b {
			return true
		}
	}
	return false
}

func (s *sentence) coveredNoun(cs []cand, k int) bool {
	for _, c := range cs {
		if c.trig == k {
			return true
		}
	}
	return false
}

// genericVerbs turns on candidates for verbs the lexicon does not know, for the model to code.
// Off: in cross-validation they added nothing, and on news text they add noise.
const genericVerbs = false

// genericEntry stands for a verb the lexicon does not know; the model decides what it codes.
var genericEntry = &entry{preps: fallbackPreps}

// genericVerb reports whether token i looks like a finite verb the lexicon does not know: an
// -ed or -s form after what can end a subject.
func (s *sentence) genericVerb(i int) bool {
	if !s.isWord(i) || i == 0 {
		return false
	}
	t := s.toks[i]
	if t.cap || len(t.low) < 4 || isAdverb(t.low) || prepositions[t.low] || clauseStops[t.low] || auxiliaries[t.low] || modals[t.low] || determiners[t.low] {
		return false
	}
	if s.lx.knownVerb(s.lemma(i)) || s.lx.nouns[t.low] != nil {
		return false
	}
	form := formOf(t.low, s.lemma(i))
	if form != "ed" && form != "s" {
		return false
	}
	if form == "s" {
		// Plural nouns look the same: "Islamic State militants were". Ask for an object.
		n := s.low(i + 1)
		if agentNouns[t.low] || roleWords[t.low] != "" || !(determiners[n] || pronouns[n] || isNumber(n)) {
			return false
		}
	}
	if strings.HasSuffix(t.low, "ss") || strings.HasSuffix(t.low, "ous") || strings.HasSuffix(t.low, "ics") {
		return false
	}
	p := i - 1
	for p > 0 && isAdverb(s.low(p)) {
		p--
	}
	pt := s.toks[p]
	pl := pt.low
	switch {
	case pt.kind == tkPunct:
		return pl == ")"
	case determiners[pl] || prepositions[pl] || pt.kind == tkPoss:
		return false
	case auxiliaries[pl]:
		return form == "ed"
	case pronouns[pl]:
		return true
	case pt.cap:
		return true
	}
	// After a plural noun, and only when an object or a preposition follows.
	n := s.low(i + 1)
	return form == "ed" && strings.HasSuffix(pl, "s") && (determiners[n] || prepositions[n] || i+1 < len(s.toks) && s.toks[i+1].cap)
}

func (s *sentence) coveredVerb(cs []cand, k int) bool {
	for _, c := range cs {
		if c.trig == k || c.noun && c.trig > k && c.trig < k+6 {
			return true
		}
	}
	return false
}

// groupStart is group() for verbs that only need their subject found.
func (s *sentence) groupStart(i int) int {
	var c cand
	return s.group(&c, i)
}

// mustRequest codes "X said (that) Y must/should V" as a request from X to Y.
func (s *sentence) mustRequest(i int, subj span) (cand, bool) {
	if !subj.ok() {
		return cand{}, false
	}
	k := i + 1
	if s.low(k) == "that" {
		k++
	}
	for s.isTime(k) || s.low(k) == "on" && s.isTime(k+1) {
		k++
	}
	np := s.npRight(k, len(s.toks))
	if !np.ok() || np.b >= len(s.toks) || !s.agentLike(np) {
		return cand{}, false // "any deal must not be a pause" asks nothing of anyone
	}
	m := s.low(np.b)
	if m != "must" && m != "should" && !(m == "needs" || m == "need") {
		return cand{}, false
	}
	e := s.lx.verbs["demand"][0]
	return cand{trig: i, trigEnd: i + 1, lemma: s.lemma(i) + " must", e: e, code: "100", src: subj, tgt: np, reported: -1}, true
}

// consequenceNouns name a harm held over someone without saying what it is.
var consequenceNouns = vocab.Set("consequenceNouns")

// consequences codes "X said there would be severe consequences (for Y | if Y …)" as a threat
// (CAMEO 130) by the speaker, aimed at whoever the consequences are for or whose act sets them
// off. The speaker's clause is the reporting verb at rep, with subject subj.
func (s *sentence) consequences(rep int, subj span) (cand, bool) {
	if !subj.ok() || len(s.lx.verbs["warn"]) == 0 {
		return cand{}, false
	}
	n := len(s.toks)
	for j := rep + 1; j < n && j-rep < 16; j++ {
		if s.low(j) != "there" {
			continue
		}
		k := j + 1
		for k < n && k-j < 4 && (modals[s.low(k)] || negations[s.low(k)] || isAdverb(s.low(k))) {
			k++
		}
		if !isBe(s.low(k)) && s.low(k) != "been" {
			return cand{}, false
		}
		k++
		if s.low(k) == "been" {
			k++
		}
		// Adjectives and adverbs before the noun: "very severe", "serious".
		h := k
		for h < n && h-k < 4 && s.isWord(h) && !consequenceNouns[s.low(h)] && !clauseStops[s.low(h)] && !prepositions[s.low(h)] && !s.verbAt(h) {
			h++
		}
		if h >= n || !consequenceNouns[s.low(h)] || negations[s.low(k-1)] || negations[s.low(j+1)] || s.low(k) == "no" {
			return cand{}, false
		}
		c := cand{trig: h, trigEnd: h + 1, noun: true, lemma: s.low(h), e: s.lx.verbs["warn"][0], code: "130",
			src: subj, reported: rep, reportSrc: subj}
		end := minInt(n, h+12)
		if t, p := s.prepTarget([]string{"for", "against", "on"}, h+1, end); t.ok() && s.agentLike(t) {
			c.tgt, c.prep = t, p
			return c, true
		}
		for m := h + 1; m < end; m++ {
			if condOpeners[s.low(m)] {
				if t := s.npRight(m+1, n); t.ok() && s.agentLike(t) {
					c.tgt = t
				}
				break
			}
		}
		return c, true
	}
	return cand{}, false
}

// participleClause reports whether token i is an -ing form that opens a participle clause after
// a comma ("…, accusing him of fraud"), which acts with the main clause's subject.
func (s *sentence) participleClause(i int) bool {
	if !s.isWord(i) || s.toks[i].cap || formOf(s.low(i), s.lemma(i)) != "ing" || reportingVerbs[s.lemma(i)] {
		return false
	}
	j := i - 1
	for j >= 0 && isAdverb(s.low(j)) {
		j--
	}
	if j < 2 || s.low(j) != "," {
		return false
	}
	// "…, warning that…", "…, warning such a move could…": the clause reports speech.
	if n := s.low(i + 1); n == "that" || n == "of" {
		return false
	}
	if np := s.npRight(i+1, len(s.toks)); np.ok() && (modals[s.low(np.b)] || auxiliaries[s.low(np.b)]) {
		return false
	}
	return true
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

// mainSubject finds the subject of the finite verb before the comma that opens the participle
// clause at token i.
func (s *sentence) mainSubject(i int) span {
	j := i - 1
	for j >= 0 && s.low(j) != "," {
		j--
	}
	for k := j - 1; k >= 0 && j-k < 30; k-- {
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

// ownForces are nouns for an actor's own armed forces, which a verb moves or sends rather than
// acts against.
var ownForces = vocab.Set("ownForces")

func (s *sentence) hasAnyPrepTarget(preps []string, from, end int) bool {
	t, _ := s.prepTarget(preps, from, end)
	return t.ok()
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

// headOf is the index of a noun phrase's head: its last word before any preposition.
func (s *sentence) headOf(np span) int {
	for j := np.a + 1; j < np.b; j++ {
		if prepositions[s.low(j)] {
			return j - 1
		}
	}
	return np.b - 1
}
