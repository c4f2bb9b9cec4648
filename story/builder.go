// Package story builds parley's story view: it groups analysed documents into developing news
// stories and, for each story, merges what the documents say into one sourced account. The same
// event or statement reported by several documents becomes one fact with every report and a
// count of independent sources; facts that independent sources corroborate become claims; facts
// they disagree on (numbers, speakers, dates, roles) become conflicts; each actor's positions are
// laid out over time; and every document gets reliability notes from its flags.
//
// Documents are added one at a time and compared with the centroids of the stories formed so far
// (never with every earlier document), so building stays near-linear in the number of documents.
// Text the cleaner removed does not count: off-topic paragraphs, which are about another story,
// neither pull a document's grouping nor lend the story their facts.
package story

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parleynews/parley"
)

// Defaults of Options.
const (
	DefaultThreshold      = 0.18
	DefaultMergeThreshold = 0.15
	DefaultWindow         = 21 * 24 * time.Hour
	DefaultDecay          = 14 * 24 * time.Hour
)

// Options tune the builder. The zero value is ready to use.
type Options struct {
	// Issues are the issues of the tracking profile in its order; a story lists the issues its
	// positions are on in this order, then any others alphabetically.
	Issues []string
	// Threshold is the similarity (0..1) a document needs with a story to join it rather than
	// start a new one; 0 means DefaultThreshold.
	Threshold float64
	// MergeThreshold is the mean similarity (0..1) of the pairs of documents of two stories
	// above which they are merged into one when Stories is called (a story may begin in two
	// places before the documents that bridge them arrive); 0 means DefaultMergeThreshold, a
	// negative value turns merging off.
	MergeThreshold float64
	// Window is how far apart in time a document may be from a story's documents without its
	// similarity being lowered; 0 means DefaultWindow.
	Window time.Duration
	// Decay is how quickly similarity fades beyond Window: it halves every Decay; 0 means
	// DefaultDecay.
	Decay time.Duration
}

// Builder groups documents into stories as they are added. It is safe for concurrent use.
type Builder struct {
	mu  sync.Mutex
	opt Options

	seq      int
	n        int // independent documents seen, for IDF
	dict     map[string]int32
	words    []string       // by ID: terms ("w", "w w") and actor keys ("n:", "c:")
	df       []int32        // by ID: documents with the feature
	postings [][]*group     // by ID: the stories whose centroid has the feature
	capsDF   map[string]int // document frequency of capitalised words
	docs     map[string]*docEntry
	docGroup map[string]*group
	byRoot   map[string]*group // the story of each copy family
	groups   []*group          // in order of creation
	liveN    int               // groups not merged into another
}

// vec is a sparse vector over feature IDs.
type vec struct {
	keys []int32
	vals []float64
}

// group is a story being built: its documents and the centroid of their features.
type group struct {
	seq        int
	id         string
	docs       []*docEntry
	mergedInto *group

	terms, actors map[int32]float64 // sums of the independent documents' unit TF-IDF vectors
	n             int               // independent documents in the centroid
	sqT, sqA      float64           // squared norms of terms and actors
	minDay        int
	maxDay        int
	dated         bool

	built   *parley.Story
	dirty   bool
	checked bool // compared with the other stories for merging since it last changed
}

// NewBuilder returns an empty builder.
func NewBuilder(opt Options) *Builder {
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultThreshold
	}
	if opt.MergeThreshold == 0 {
		opt.MergeThreshold = DefaultMergeThreshold
	}
	if opt.Window <= 0 {
		opt.Window = DefaultWindow
	}
	if opt.Decay <= 0 {
		opt.Decay = DefaultDecay
	}
	return &Builder{
		opt: opt, dict: map[string]int32{}, capsDF: map[string]int{}, docs: map[string]*docEntry{},
		docGroup: map[string]*group{}, byRoot: map[string]*group{},
	}
}

// Add puts an analysed document into the story it fits best, or starts a new story with it, and
// returns the story's ID. copyOf is the ID of an earlier document this one copies ("" for an
// independent document): a copy joins its original's story and is not counted as an independent
// source. Adding a document whose ID was already added changes nothing. The builder keeps what
// it needs of the document, not the document, which the caller may reuse.
func (b *Builder) Add(doc *parley.Document, copyOf string) (string, error) {
	if doc == nil {
		return "", parley.Errorf(parley.EINVALID, "story: no document")
	}
	if doc.ID == "" {
		return "", parley.Errorf(parley.EINVALID, "story: document %q has no ID", doc.Source)
	}
	if copyOf == doc.ID {
		copyOf = ""
	}
	e := analyse(doc, 0, copyOf) // outside the lock: this is the costly part
	b.mu.Lock()
	defer b.mu.Unlock()
	if g, ok := b.docGroup[doc.ID]; ok {
		return live(g).id, nil
	}
	e.seq = b.seq
	b.seq++
	e.root = doc.ID
	if copyOf != "" {
		e.root = copyOf
		if orig, ok := b.docs[copyOf]; ok {
			e.root = orig.root
		}
	}
	b.docs[doc.ID] = e
	if g, ok := b.byRoot[e.root]; ok {
		// Another member of the copy family is grouped already: the copy goes with it and adds
		// no weight to the story's features.
		g = live(g)
		b.join(g, e)
		return g.id, nil
	}
	b.n++
	for k := range e.caps {
		b.capsDF[k]++
	}
	// IDF is fixed when the document arrives: a story's centroid then never needs reweighting,
	// and the first documents, weighed against little, count no less for it.
	tv, av := b.intern(e.terms), b.intern(e.actorF)
	b.weigh(tv)
	b.weigh(av)
	e.terms, e.actorF = nil, nil
	g, score := b.nearest(tv, av, e.dated, e.day, e.day, nil)
	if g == nil || score < b.opt.Threshold {
		g = &group{seq: len(b.groups), id: storyID(e.id), terms: map[int32]float64{}, actors: map[int32]float64{}}
		b.groups = append(b.groups, g)
		b.liveN++
	}
	b.join(g, e)
	b.addFeatures(g, tv, av)
	g.n++
	b.byRoot[e.root] = g
	return g.id, nil
}

// StoryOf returns the ID of the story a document was put in.
func (b *Builder) StoryOf(docID string) (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	g, ok := b.docGroup[docID]
	if !ok {
		return "", false
	}
	return live(g).id, true
}

// Len returns the number of documents added.
func (b *Builder) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.docs)
}

// Stories returns every story, fully built, largest first. Stories that have grown alike are
// merged first. A story is rebuilt only when documents were added to it since the last call, so
// calling Stories after each batch is cheap; the returned stories must not be modified.
func (b *Builder) Stories() []*parley.Story {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.mergeGroups()
	var live []*group
	for _, g := range b.groups {
		if g.mergedInto != nil {
			continue
		}
		if g.dirty || g.built == nil {
			g.built = b.build(g)
			g.dirty = false
		}
		live = append(live, g)
	}
	sort.SliceStable(live, func(i, j int) bool { return len(live[i].docs) > len(live[j].docs) })
	out := make([]*parley.Story, len(live))
	for i, g := range live {
		out[i] = g.built
	}
	return out
}

func storyID(firstDoc string) string {
	h := sha256.Sum256([]byte("story\x00" + firstDoc))
	return "s" + hex.EncodeToString(h[:6])
}

func live(g *group) *group {
	for g.mergedInto != nil {
		g = g.mergedInto
	}
	return g
}

// join adds a document to a group; its features are added apart, copies having none.
func (b *Builder) join(g *group, e *docEntry) {
	g.docs = append(g.docs, e)
	b.docGroup[e.id] = g
	g.dirty, g.checked = true, false
	e.terms, e.actorF = nil, nil // the centroid holds what counts of them
	if e.dated {
		if !g.dated {
			g.minDay, g.maxDay, g.dated = e.day, e.day, true
		}
		g.minDay, g.maxDay = min(g.minDay, e.day), max(g.maxDay, e.day)
	}
}

// intern maps a document's features to IDs, counting each in the document frequencies.
func (b *Builder) intern(m map[string]float64) vec {
	v := vec{keys: make([]int32, 0, len(m)), vals: make([]float64, 0, len(m))}
	for k, w := range m {
		id, ok := b.dict[k]
		if !ok {
			id = int32(len(b.words))
			b.dict[k] = id
			b.words = append(b.words, k)
			b.df = append(b.df, 0)
			b.postings = append(b.postings, nil)
		}
		b.df[id]++
		v.keys = append(v.keys, id)
		v.vals = append(v.vals, w)
	}
	return v
}

const (
	maxCentroid   = 6000 // terms a story keeps before pruning the weakest
	keepCentroid  = 3000
	maxPosting    = 4000 // stories under one term beyond which the term is too common to look up
	scanAllBelow  = 64   // with fewer stories than this, every story is a candidate
	topDocTerms   = 24   // a document's strongest terms used to find candidate stories
	shortlist     = 4    // candidates scored in full
	closeDays     = 2    // documents this close in time report the same undated event
	dateSlackDays = 7    // dated reports this far apart may still be one event, in conflict
)

func (b *Builder) addFeatures(g *group, terms, actors vec) {
	fresh := func(k int32) { b.postings[k] = append(b.postings[k], g) }
	g.sqT = addInto(g.terms, terms, g.sqT, fresh)
	g.sqA = addInto(g.actors, actors, g.sqA, fresh)
	if len(g.terms) > maxCentroid {
		pruneTo(g.terms, keepCentroid)
		g.sqT = 0
		for _, w := range g.terms {
			g.sqT += w * w
		}
	}
}

// addInto adds v to the centroid c, keeping its squared norm sq up to date; fresh is called for
// each key new to c.
func addInto(c map[int32]float64, v vec, sq float64, fresh func(int32)) float64 {
	for i, k := range v.keys {
		w := v.vals[i]
		old, ok := c[k]
		if !ok {
			fresh(k)
		}
		c[k] = old + w
		sq += 2*old*w + w*w
	}
	return max(sq, 0)
}

// weigh turns raw weights into a unit TF-IDF vector, in place.
func (b *Builder) weigh(v vec) {
	s := 0.0
	for i, k := range v.keys {
		x := v.vals[i] * b.idf(k)
		v.vals[i] = x
		s += x * x
	}
	if s == 0 {
		return
	}
	n := math.Sqrt(s)
	for i := range v.vals {
		v.vals[i] /= n
	}
}

// vecOf makes a vector of a centroid.
func vecOf(m map[int32]float64) vec {
	v := vec{keys: make([]int32, 0, len(m)), vals: make([]float64, 0, len(m))}
	for k, w := range m {
		v.keys = append(v.keys, k)
		v.vals = append(v.vals, w)
	}
	return v
}

// pruneTo keeps the n heaviest entries of m.
func pruneTo(m map[int32]float64, n int) {
	ws := make([]float64, 0, len(m))
	for _, w := range m {
		ws = append(ws, w)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ws)))
	cut := ws[n]
	for k, w := range m {
		if w <= cut {
			delete(m, k)
		}
	}
}

func (v vec) sqNorm() float64 {
	s := 0.0
	for _, w := range v.vals {
		s += w * w
	}
	return s
}

func (b *Builder) idf(k int32) float64 {
	return math.Log(float64(b.n+1)/float64(b.df[k]+1)) + 1
}

// dot is the dot product of a vector and a centroid.
func dot(v vec, c map[int32]float64) float64 {
	s := 0.0
	for i, k := range v.keys {
		if w, ok := c[k]; ok {
			s += v.vals[i] * w
		}
	}
	return s
}

func cosine(v vec, c map[int32]float64, sqV, sqC float64) float64 {
	if sqV <= 0 || sqC <= 0 {
		return 0
	}
	return dot(v, c) / math.Sqrt(sqV*sqC)
}

// similarity combines the cosine similarity of terms and of actors, lowered by distance in time.
func (b *Builder) similarity(terms, actors vec, sqT, sqA float64, dated bool, lo, hi int, g *group) float64 {
	sim := cosine(terms, g.terms, sqT, g.sqT)
	if sqA > 0 && g.sqA > 0 {
		sim = 0.6*sim + 0.4*cosine(actors, g.actors, sqA, g.sqA)
	}
	return sim * b.timeFactor(dated, lo, hi, g)
}

func (b *Builder) timeFactor(dated bool, lo, hi int, g *group) float64 {
	if !dated || !g.dated {
		return 1 // an undated document may belong anywhere in time
	}
	gap := 0
	switch {
	case hi < g.minDay:
		gap = g.minDay - hi
	case lo > g.maxDay:
		gap = lo - g.maxDay
	}
	window := b.opt.Window.Hours() / 24
	if float64(gap) <= window {
		return 1
	}
	return math.Pow(0.5, (float64(gap)-window)/(b.opt.Decay.Hours()/24))
}

// candidates returns the live groups worth scoring against the given features: all of them
// while there are few, else those sharing an actor or one of the strongest terms.
func (b *Builder) candidates(keys []int32, actors vec, self *group) []*group {
	var out []*group
	seen := map[*group]bool{self: true}
	if b.liveN < scanAllBelow {
		for _, g := range b.groups {
			if g.mergedInto == nil && !seen[g] {
				out = append(out, g)
			}
		}
		return out
	}
	keys = append(keys, actors.keys...)
	for _, k := range keys {
		list := b.postings[k]
		if len(list) > maxPosting {
			continue
		}
		for _, g := range list {
			g = live(g)
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// nearest returns the group most similar to the given features, other than self. Candidates are
// first ranked by the strongest terms alone, and only the few best are scored in full: a
// document has hundreds of terms, and scoring each against every candidate would dominate the
// cost of adding it.
func (b *Builder) nearest(terms, actors vec, dated bool, lo, hi int, self *group) (*group, float64) {
	sqT, sqA := terms.sqNorm(), actors.sqNorm()
	top := terms.top(topDocTerms * 2)
	keys := make([]int32, min(len(top), topDocTerms))
	for i := range keys {
		keys[i] = terms.keys[top[i]]
	}
	cands := b.candidates(keys, actors, self)
	if len(cands) > shortlist {
		type scored struct {
			g *group
			s float64
		}
		ss := make([]scored, len(cands))
		for i, g := range cands {
			s := 0.0
			for _, j := range top {
				s += terms.vals[j] * g.terms[terms.keys[j]]
			}
			s = s / math.Sqrt(max(g.sqT*sqT, 1e-12))
			if sqA > 0 && g.sqA > 0 {
				s = 0.6*s + 0.4*cosine(actors, g.actors, sqA, g.sqA)
			}
			ss[i] = scored{g, s * b.timeFactor(dated, lo, hi, g)}
		}
		sort.SliceStable(ss, func(i, j int) bool { return ss[i].s > ss[j].s })
		cands = cands[:0]
		for _, x := range ss[:shortlist] {
			cands = append(cands, x.g)
		}
	}
	var best *group
	bestScore := 0.0
	for _, g := range cands {
		s := b.similarity(terms, actors, sqT, sqA, dated, lo, hi, g)
		if s > bestScore || s == bestScore && best != nil && g.seq < best.seq {
			best, bestScore = g, s
		}
	}
	return best, bestScore
}

// top returns the indices of the n heaviest entries, heaviest first.
func (v vec) top(n int) []int {
	idx := make([]int, len(v.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool {
		a, b := idx[i], idx[j]
		return v.vals[a] > v.vals[b] || v.vals[a] == v.vals[b] && v.keys[a] < v.keys[b]
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	return idx
}

// mergeGroups merges stories that have become alike, the later into the earlier, until none
// are. Only stories changed since the last pass are compared. Two stories are alike when their
// documents are, on average, as alike as the documents of one story: the mean similarity of
// their pairs of documents, which the centroids give at once (they are sums of unit vectors).
// The cosine of two centroids would not do: it grows with the stories' size, as averaging wears
// away what is particular to each document, and would merge every large story of one domain.
func (b *Builder) mergeGroups() {
	if b.opt.MergeThreshold < 0 {
		return
	}
	for changed := true; changed; {
		changed = false
		for _, g := range b.groups {
			if g.mergedInto != nil || g.checked {
				continue
			}
			g.checked = true
			best, bestScore := b.alike(g)
			if best == nil || bestScore < b.opt.MergeThreshold {
				continue
			}
			into, from := best, g
			if from.seq < into.seq {
				into, from = from, into
			}
			b.merge(into, from)
			changed = true
		}
	}
}

// alike returns the story whose documents are most like g's, by mean pairwise similarity of
// their terms. As in nearest, candidates are ranked by g's strongest terms first.
func (b *Builder) alike(g *group) (*group, float64) {
	gv := vecOf(g.terms)
	top := gv.top(topDocTerms * 2)
	keys := make([]int32, min(len(top), topDocTerms))
	for i := range keys {
		keys[i] = gv.keys[top[i]]
	}
	score := func(h *group, full bool) float64 {
		s := 0.0
		if full {
			s = dot(gv, h.terms)
		} else {
			for _, j := range top {
				s += gv.vals[j] * h.terms[gv.keys[j]]
			}
		}
		return s / float64(max(1, g.n*h.n)) * b.timeFactor(g.dated, g.minDay, g.maxDay, h)
	}
	cands := b.candidates(keys, vecOf(g.actors), g)
	if len(cands) > shortlist {
		partial := make(map[*group]float64, len(cands))
		for _, h := range cands {
			partial[h] = score(h, false)
		}
		sort.SliceStable(cands, func(i, j int) bool { return partial[cands[i]] > partial[cands[j]] })
		cands = cands[:shortlist]
	}
	var best *group
	bestScore := 0.0
	for _, h := range cands {
		if s := score(h, true); s > bestScore {
			best, bestScore = h, s
		}
	}
	return best, bestScore
}

func (b *Builder) merge(into, from *group) {
	from.mergedInto = into
	b.liveN--
	into.docs = append(into.docs, from.docs...)
	sort.Slice(into.docs, func(i, j int) bool { return into.docs[i].seq < into.docs[j].seq })
	if from.dated {
		if !into.dated {
			into.minDay, into.maxDay, into.dated = from.minDay, from.maxDay, true
		}
		into.minDay, into.maxDay = min(into.minDay, from.minDay), max(into.maxDay, from.maxDay)
	}
	b.addFeatures(into, vecOf(from.terms), vecOf(from.actors))
	into.n += from.n
	into.dirty, into.checked = true, false
	from.terms, from.actors, from.docs, from.built = nil, nil, nil, nil
}

// CopyOf returns the ID of the earlier document a document copies, as its duplicate-of flag
// records it, or "" when it has none: the copyOf argument of Add for documents whose copies were
// found during analysis.
func CopyOf(doc *parley.Document) string {
	for _, f := range doc.Flags {
		if f.Kind == parley.FlagDuplicateOf {
			if id := strings.TrimSpace(f.Detail); id != "" && !strings.ContainsAny(id, " \t\n") {
				return id
			}
		}
	}
	return ""
}
