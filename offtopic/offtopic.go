// Package offtopic finds paragraphs that belong to another story: the Gaza update or the
// business brief pasted into a Ukraine article. A paragraph is judged by its coherence with the
// rest of the document: whether the people, places and organisations it names, and the words
// it uses, occur anywhere else in it. Off-topic paragraphs are listed in Removed with reason
// "off-topic" and flagged; their facts stay in the record but belong to no story.
package offtopic

import (
	"context"
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/lexfile"
	"github.com/parleynews/parley/segment"
	"github.com/parleynews/parley/syntax"
)

// The word lists of the stage (data/words.txt, in the format of internal/lexfile).
//
//go:embed data/words.txt
var dataFS embed.FS

var vocab = lexfile.MustRead(dataFS, "data/words.txt")

// Stage is the off-topic stage of the pipeline; it holds no state and is safe for concurrent
// use.
type Stage struct{}

func New() *Stage { return &Stage{} }

func (*Stage) Name() string { return "offtopic" }

// para is one paragraph's evidence.
type para struct {
	span     parley.Span
	entities map[string]int // named things: capitalised words not at a sentence start, and actor codes
	words    []int32        // content words, one per occurrence, by lemma (an index of words.lemmas)
	marker   bool           // opens with "In other news" and the like
	shift    bool           // opens with "Meanwhile" and the like (weakShift)
	nEntity  int
	nWords   int
}

// Process marks off-topic paragraphs. It needs paragraphs (from segmentation), reads the
// document's tokens (made here when the tokens stage has not run) and uses actors when the
// actors stage has run.
func (s *Stage) Process(_ context.Context, doc *parley.Document) error {
	var skip []parley.Span
	for _, r := range doc.Removed {
		skip = append(skip, r.Span)
	}
	toks := doc.Tokens
	if len(toks) == 0 {
		toks = segment.Tokens(doc.Text, doc.Paragraphs, doc.Sentences, skip)
	}
	var paras []*para
	r := newWords(doc)
	defer r.release()
	for _, p := range doc.Paragraphs {
		if covered(p, skip) {
			continue
		}
		paras = append(paras, r.read(toks, p))
	}
	if len(paras) < 3 {
		return nil // too little of a document to have a centre
	}
	// Document frequency of each entity and word across paragraphs: what the rest of the
	// document talks about. last is the paragraph that last counted a word.
	entDF := map[string]int{}
	n := len(r.lemmas)
	r.df, r.last = slices.Grow(r.df[:0], n)[:n], slices.Grow(r.last[:0], n)[:n]
	wordDF, last := r.df, r.last
	for i := range last {
		wordDF[i], last[i] = 0, -1
	}
	for i, p := range paras {
		for e := range p.entities {
			entDF[e]++
		}
		for _, w := range p.words {
			if last[w] != int32(i) {
				last[w] = int32(i)
				wordDF[w]++
			}
		}
	}
	restCodes := func(p *para) bool {
		for e := range entDF {
			if strings.HasPrefix(e, "code:") && entDF[e]-p.entities[e] > 0 {
				return true
			}
		}
		return false
	}
	for i, p := range paras {
		if i == 0 {
			continue // the title or lead defines the story; it cannot be off it
		}
		entShared, wordShared, codes, codesShared, codesNear := 0, 0, 0, 0, 0
		restRegions := map[string]bool{}
		for e, n := range entDF {
			if strings.HasPrefix(e, "code:") && n-p.entities[e] > 0 {
				restRegions[regionOf(e[len("code:"):])] = true
			}
		}
		delete(restRegions, "")
		for e, n := range p.entities {
			if entDF[e] > 1 {
				entShared += n
			}
			if strings.HasPrefix(e, "code:") {
				codes++
				if entDF[e] > 1 {
					codesShared++
				}
				if restRegions[regionOf(e[len("code:"):])] {
					codesNear++
				}
			}
		}
		for _, w := range p.words {
			if wordDF[w] > 1 {
				wordShared++
			}
		}
		wordCover := ratio(wordShared, p.nWords)
		entCover := ratio(entShared, p.nEntity)
		// Another story has actors of its own: it names countries or organisations that
		// appear nowhere else in the document, and no name it uses is shared. New people alone
		// are not enough (news brings in a new source in every other paragraph), nor is a
		// paragraph that names nobody (usually commentary on the story around it); an explicit
		// change of subject ("In other news") with nothing shared is. One new country alone
		// is not enough either when the paragraph shares much of its wording: coverage of a
		// multinational story brings in one more government at a time ("Poland's prime
		// minister ruled out sending soldiers"). Nor are governments from the part of the
		// world the rest of the document is about: a Ukraine story brings in Paris and London
		// as a matter of course, a Gaza paragraph brings in Israel and Qatar.
		off := false
		switch {
		case (codes >= 2 || wordCover < minOwnWordCover) && codes >= 1 && codesShared == 0 && codesNear == 0 && entShared == 0 && p.nEntity >= 2 && restCodes(p) &&
			(p.shift || codes >= 2 && wordCover < maxForeignWordCover && p.nWords >= minJudgedWords):
			off = true
		case p.marker && p.nEntity >= 1 && entCover < 0.5 && wordCover < 0.6:
			off = true
		}
		if !off {
			continue
		}
		detail := fmt.Sprintf("names %d actors of its own that occur nowhere else in the document, and shares %.0f%% of its words", codes, 100*wordCover)
		if p.marker {
			detail = fmt.Sprintf("opens with a change of subject; %.0f%% of its names and %.0f%% of its words occur elsewhere in the document", 100*entCover, 100*wordCover)
		}
		doc.Removed = append(doc.Removed, parley.Removal{Span: p.span, Reason: parley.ReasonOffTopic})
		doc.Flags = append(doc.Flags, parley.Flag{Kind: parley.FlagOffTopicParagraph, Detail: detail, Span: p.span})
	}
	sortRemoved(doc.Removed)
	return nil
}

// Without a turn of phrase ("Meanwhile, …"), new actors are no evidence on their own: a news
// story brings in a foreign capital or a new organisation in passing, and on PolNeAR's 924
// single-story articles that rule alone removed 54 body paragraphs. The paragraph must then
// name two actors of its own and share under a fifth of its words with the story, and have
// enough words to judge (a list of names has none). Set by hand on PolNeAR train+dev, where it
// leaves 2 paragraphs (one a trailing headline of another story), and on the seeds.
const (
	maxForeignWordCover = 0.2
	minJudgedWords      = 8
)

// minOwnWordCover is the share of its words a paragraph naming a single actor of its own must
// hold in common with the rest of the document to stay on the story.
const minOwnWordCover = 0.3

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func covered(p parley.Span, spans []parley.Span) bool {
	for _, s := range spans {
		if s.Start <= p.Start && p.End <= s.End {
			return true
		}
	}
	return false
}

// changeOfSubject are openings with which news copy turns to another story.
var changeOfSubject, weakShift = vocab.Phrases("changeOfSubject"), vocab.Phrases("weakShift")

// read collects a paragraph's names and words from its tokens (toks are the document's, as
// package segment made them). Names are capitalised words that do not start a sentence (or
// start one but recur capitalised), folded to a canonical spelling; actor mentions count by
// their code, so "Washington" and "the United States" are one name. Words are the tokens, with
// the pieces of a contraction or possessive joined again (do + n't, Trump + 's), an
// abbreviation's full stop dropped, and hyphenated words in the parts segment splits them into
// ("African-American" names "African" and "American").
func (r *words) read(toks []parley.Token, span parley.Span) *para {
	doc := r.doc
	text := doc.Text
	p := &para{span: span, entities: r.entityMap()}
	first := len(r.arena)
	low := strings.ToLower(runePrefix(span.In(text), maxMarker))
	for _, m := range changeOfSubject {
		if strings.HasPrefix(low, m) {
			p.marker = true
		}
	}
	for _, m := range weakShift {
		if strings.HasPrefix(low, m) {
			p.shift = true
		}
	}
	// Actor mentions inside the paragraph count as names by their country or organisation.
	var mentioned []parley.Span
	for i, a := range doc.Actors {
		for _, m := range a.Mentions {
			if span.Start <= m.Start && m.End <= span.End {
				p.entities[r.actorKey(i)]++
				p.nEntity++
				mentioned = append(mentioned, m)
			}
		}
	}
	sentenceStart := true
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= span.Start })
	for ; k < len(toks) && toks[k].Start < span.End; k++ {
		t := &toks[k]
		if t.End > span.End || t.Start >= t.End {
			continue
		}
		if t.Kind != parley.TokenWord && t.Kind != parley.TokenNumber {
			if c := text[t.Start]; c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || strings.HasPrefix(text[t.Start:t.End], "“") {
				sentenceStart = true
			}
			continue
		}
		start, end := t.Start, t.End
		for k+1 < len(toks) && toks[k+1].Start == end && toks[k+1].End <= span.End &&
			(toks[k+1].Kind == parley.TokenWord || toks[k+1].Kind == parley.TokenNumber) {
			k++
			end = toks[k].End
		}
		w := text[start:end]
		for w != "" && (w[0] == '@' || w[0] == '#') {
			w = w[1:] // @POTUS and #BernieOrBust are names
		}
		rn, _ := utf8.DecodeRuneInString(w)
		abs := parley.Span{Start: start, End: end}
		inMention := false
		for _, m := range mentioned {
			if m.Overlaps(abs) {
				inMention = true
				break
			}
		}
		f := r.form(w)
		switch {
		case inMention:
		case unicode.IsUpper(rn) && !sentenceStart && !f.stop && !f.common:
			p.entities[f.name]++
			p.nEntity++
		case f.content:
			r.arena = append(r.arena, r.lemma(f))
			p.nWords++
		}
		sentenceStart = false
	}
	p.words = r.arena[first:len(r.arena):len(r.arena)]
	return p
}

// words reads the words of one document's paragraphs. A document uses its words again and
// again, so each spelling is folded once (form) and each content word's lemma read once;
// lemmas are numbered, so that paragraphs count them without a map each.
type words struct {
	doc     *parley.Document
	forms   map[string]int32 // index in spelled, by the word as written
	spelled []form
	ids     map[string]int32 // index in lemmas
	lemmas  []string
	// df and last are Process's per lemma: the paragraphs that use it, and the last of them.
	df, last []int32
	actors   []string // entity keys of the document's actors, by index
	// ents are the paragraphs' entity maps, the first nEnts in use; arena holds the
	// paragraphs' words, each paragraph's a part of it.
	ents  []map[string]int
	nEnts int
	arena []int32
}

// form is what read needs to know of one spelling.
type form struct {
	lw       string // lower case, without a possessive or a final full stop
	name     string // lw as a name (nameKey)
	stop     bool   // a stop word
	common   bool   // a capitalised word that names no one
	content  bool   // a content word: no stop word, longer than two letters, no digits
	lemma    int32  // index in words.lemmas, once hasLemma
	hasLemma bool
}

// wordsPool keeps the tables of documents read before: cleared, a table keeps its room, so a
// document neither allocates nor grows what the last one already had.
var wordsPool = sync.Pool{New: func() any {
	return &words{forms: map[string]int32{}, ids: map[string]int32{}}
}}

// newWords reads doc; release hands the tables back when the document is done.
func newWords(doc *parley.Document) *words {
	r := wordsPool.Get().(*words)
	r.doc = doc
	return r
}

// maxPooled bounds the spellings of a table worth keeping for the next document: an outsized
// document's tables are left to the collector.
const (
	maxPooled      = 1 << 14
	maxPooledParas = 1 << 10
)

func (r *words) release() {
	if len(r.spelled) > maxPooled || len(r.ents) > maxPooledParas {
		return
	}
	clear(r.forms)
	clear(r.ids)
	clear(r.spelled)
	clear(r.lemmas)
	for _, m := range r.ents[:r.nEnts] {
		clear(m)
	}
	*r = words{forms: r.forms, ids: r.ids, spelled: r.spelled[:0], lemmas: r.lemmas[:0], df: r.df[:0], last: r.last[:0],
		ents: r.ents, arena: r.arena[:0]}
	wordsPool.Put(r)
}

// entityMap returns an empty map for a paragraph's entities: one of an earlier document's when
// the pool has one.
func (r *words) entityMap() map[string]int {
	if r.nEnts == len(r.ents) {
		r.ents = append(r.ents, map[string]int{})
	}
	r.nEnts++
	return r.ents[r.nEnts-1]
}

// actorKey returns the entity key of the document's actor i, made once a document.
func (r *words) actorKey(i int) string {
	if len(r.actors) == 0 {
		r.actors = make([]string, len(r.doc.Actors))
	}
	if r.actors[i] == "" {
		r.actors[i] = "code:" + actorKey(r.doc.Actors[i])
	}
	return r.actors[i]
}

func (r *words) form(w string) *form {
	if i, ok := r.forms[w]; ok {
		return &r.spelled[i]
	}
	lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "."), "’s"), "'s"))
	f := form{lw: lw, name: nameKey(lw), stop: stopword[lw], common: commonCapital[lw]}
	f.content = !f.stop && len(lw) > 2 && !isNumber(lw)
	r.forms[w] = int32(len(r.spelled))
	r.spelled = append(r.spelled, f)
	return &r.spelled[len(r.spelled)-1]
}

// lemma returns the number of the lemma of f, a content word.
func (r *words) lemma(f *form) int32 {
	if !f.hasLemma {
		l := syntax.Lemma(f.lw, parley.POSX)
		id, ok := r.ids[l]
		if !ok {
			id = int32(len(r.lemmas))
			r.ids[l] = id
			r.lemmas = append(r.lemmas, l)
		}
		f.lemma, f.hasLemma = id, true
	}
	return f.lemma
}

// maxMarker is the length in bytes of the longest change of subject.
var maxMarker = func() int {
	n := 0
	for _, m := range slices.Concat(changeOfSubject, weakShift) {
		n = max(n, len(m))
	}
	return n
}()

// runePrefix returns the first n runes of s, as a range loop counts them: enough of a
// paragraph to hold, in lower case, any change of subject of n bytes, since no rune lowers to
// nothing and lower case is written rune by rune.
func runePrefix(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

// actorKey groups an actor's mentions with those of its country or organisation: a paragraph
// about the Ukrainian president shares its subject with one about Kyiv.
func actorKey(a parley.Actor) string {
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return strings.ToLower(a.Name)
}

// nameKey folds spellings of one name: Zelensky, Zelenskyy, Zelenskiy.
func nameKey(w string) string {
	w = strings.TrimRight(w, "-")
	for _, suf := range []string{"yy", "iy", "yi"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)] + "y"
		}
	}
	return w
}

func isNumber(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func sortRemoved(r []parley.Removal) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].Start < r[j-1].Start; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// commonCapital are capitalised words that name no one: titles, days, months.
var commonCapital = vocab.Set("commonCapital")

var stopword = vocab.Set("stopword")

// regionOf returns the part of the world a country's code (ISO 3166 alpha-3, or one of the
// dictionary's region codes) belongs to, or "" for one not listed.
func regionOf(code string) string { return regions[code] }

var regions = func() map[string]string {
	m := map[string]string{}
	for _, l := range vocab.Records("regions", 2, 2) {
		for _, c := range strings.Fields(l.Fields[1]) {
			if old, dup := m[c]; dup {
				panic("offtopic: " + l.Errorf("%s is already in %s", c, old).Error())
			}
			m[c] = l.Fields[0]
		}
	}
	return m
}()
