package events

import (
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// The shallow parser's state: a span of tokens, a candidate event and the sentence it is read
// from, with the token tests every other file uses (words, numbers, adverbs, time expressions).

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

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= '0' && c <= '9'
}

// shortLyWord is the longest -ly word not read as an adverb by its ending alone, since the short
// ones mostly are not ("fly", "holy", "ugly", "July", "rely"); chosen by hand.
const shortLyWord = 4

func isAdverb(w string) bool {
	if adverbs[w] {
		return true
	}
	return len(w) > shortLyWord && strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ally") || strings.HasSuffix(w, "ically")
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

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
