// Package dedup recognises copies of a news article across sources: the same wire story under
// another site's boilerplate, with another headline, with paragraphs trimmed or reordered. It
// fingerprints each text with MinHash over word shingles and finds candidates with LSH banding,
// so that looking a document up costs a few map reads however many documents are indexed: there
// is never an all-pairs pass. Candidates are confirmed on the signatures themselves by estimated
// containment, which stays high when a copy keeps only part of the original.
//
// Sign the article text as the clean stage leaves it: a site's navigation and newsletter boxes
// are shared by every article of that site, and under enough of them two short articles do look
// like copies of each other.
package dedup

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/parleynews/parley"
)

// Options tune an Index. Zero fields take the value of DefaultOptions; out-of-range values are
// brought into range (see NewIndex).
type Options struct {
	// Shingle is the number of words per shingle. Five words are specific enough that distinct
	// articles on the same event (same names, same stock phrases) share few of them, and short
	// enough that an edited sentence loses only the shingles around the edit.
	Shingle int
	// Hashes is the number of MinHash functions, the length of a signature (at most 1024).
	Hashes int
	// Bands and Rows split the first Bands*Rows hash values into LSH bands. Two texts become
	// candidates when all Rows values of some band agree, which for Jaccard similarity J happens
	// with probability 1-(1-J^Rows)^Bands.
	Bands, Rows int
	// Threshold is the containment, |A∩B|/min(|A|,|B|) over shingle sets, that confirms a
	// candidate as a copy. It is compared with a cautious estimate (see confidence), so pairs
	// whose estimate rests on a handful of agreeing hash values need more than the threshold.
	Threshold float64
	// MinWords is the length below which a text is matched only against identical texts: a
	// handful of shingles gives no reliable estimate.
	MinWords int
}

// DefaultOptions are the options tuned on PolNeAR copies (see TestTuneOptions). With 42 bands
// of 3 rows a pair is a candidate with probability 0.68 at Jaccard 0.3, 0.94 at 0.4 and 0.996
// at 0.5, so a short article under a site's boilerplate and with paragraphs cut is still found;
// unrelated texts (Jaccard near 0) almost never collide.
func DefaultOptions() Options {
	return Options{Shingle: 5, Hashes: 128, Bands: 42, Rows: 3, Threshold: 0.5, MinWords: 30}
}

// withDefaults fills zero fields and clamps the others, so that any Options give a working index.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Shingle <= 0 {
		o.Shingle = d.Shingle
	}
	o.Shingle = min(o.Shingle, math.MaxUint8)
	if o.Hashes <= 0 {
		o.Hashes = d.Hashes
	}
	o.Hashes = min(o.Hashes, maxHashes)
	if o.Rows <= 0 {
		o.Rows = d.Rows
	}
	o.Rows = min(o.Rows, o.Hashes)
	if o.Bands <= 0 {
		o.Bands = d.Bands
	}
	o.Bands = min(o.Bands, o.Hashes/o.Rows)
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	o.Threshold = min(o.Threshold, 1)
	if o.MinWords <= 0 {
		o.MinWords = d.MinWords
	}
	o.MinWords = max(o.MinWords, o.Shingle)
	return o
}

// confidence is how many standard deviations below its Jaccard estimate a candidate is judged.
// With very unequal set sizes a chance agreement of two or three hash values between a short
// text and a long one would otherwise read as a high containment.
const confidence = 2

// maxWalk bounds the documents read from one LSH bucket per look-up. Buckets only grow long with
// many copies of one text; the oldest document always stays first in its bucket, so the earliest
// copy is still found.
const maxWalk = 512

// Match is an indexed document found to be a copy of the text looked up.
type Match struct {
	ID string
	// Score is the estimated containment of the smaller shingle set in the larger, in [0, 1]:
	// 1 for identical texts and for a copy that only dropped paragraphs.
	Score float64
	// Jaccard is the estimated Jaccard similarity of the two shingle sets.
	Jaccard float64
}

// Index finds copies among the documents added to it. It is safe for concurrent use.
//
// Documents are numbered in the order they were added, and everything about them lives in flat
// slices indexed by that number, so a million documents are a few large allocations rather than
// millions of small ones.
type Index struct {
	opt Options
	z   float64 // confidence, a field so that the tuning test can vary it

	mu    sync.RWMutex
	ids   []string
	seq   map[string]uint32 // id -> number
	docs  []docInfo
	mins  []uint32            // [n*Hashes:(n+1)*Hashes]: MinHash values of document n
	heads []map[uint32]uint32 // per band: bucket key -> oldest document in the bucket
	next  []uint32            // [n*Bands+band]: the document after n in its bucket, or noDoc
	short map[uint64][]uint32 // text hash -> documents too short for LSH
}

const noDoc = math.MaxUint32

// NewIndex returns an empty index. Zero fields of opt take their default; Hashes is capped at
// 1024, Bands at Hashes/Rows, Threshold at 1 and MinWords is at least Shingle.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults()
	ix := &Index{
		opt:   opt,
		z:     confidence,
		seq:   make(map[string]uint32),
		heads: make([]map[uint32]uint32, opt.Bands),
		short: make(map[uint64][]uint32),
	}
	for b := range ix.heads {
		ix.heads[b] = make(map[uint32]uint32)
	}
	return ix
}

// Options returns the options in effect, defaults filled in.
func (ix *Index) Options() Options { return ix.opt }

// Len is the number of documents indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Sign computes the signature of text with the index's shingle size and hash count.
func (ix *Index) Sign(text string) Signature {
	return sign(text, ix.opt.Shingle, ix.opt.Hashes)
}

// Add reports the earliest indexed document that text is a copy of, with its score ("" and 0
// when there is none), then indexes text under id. Adding an id a second time only reports.
func (ix *Index) Add(id, text string) (copyOf string, score float64) {
	copyOf, score, _ = ix.AddSignature(id, ix.Sign(text))
	return copyOf, score
}

// AddSignature is Add for a signature computed earlier (Sign, or decoded from the store when the
// index is rebuilt at start-up). A signature made with another shingle size or hash count is an
// EINVALID error and is not indexed.
func (ix *Index) AddSignature(id string, sig Signature) (copyOf string, score float64, err error) {
	if err := ix.check(sig); err != nil {
		return "", 0, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	self, known := ix.seq[id]
	if !known {
		if len(ix.ids) >= noDoc {
			return "", 0, parley.Errorf(parley.EINTERNAL, "copy index full: %d documents", len(ix.ids))
		}
		self = noDoc
	}
	first := uint32(noDoc)
	ix.match(sig, self, func(n uint32, m Match) {
		if n < first {
			first, copyOf, score = n, m.ID, m.Score
		}
	})
	if !known {
		ix.insert(id, sig)
	}
	return copyOf, score, nil
}

// Query lists the indexed documents that text is a copy of (or that are copies of text), best
// score first, without indexing it.
func (ix *Index) Query(text string) []Match {
	ms, _ := ix.QuerySignature(ix.Sign(text))
	return ms
}

// QuerySignature is Query for a signature computed earlier; a signature made with other options
// is an EINVALID error.
func (ix *Index) QuerySignature(sig Signature) ([]Match, error) {
	if err := ix.check(sig); err != nil {
		return nil, err
	}
	type found struct {
		n uint32
		Match
	}
	var fs []found
	ix.mu.RLock()
	ix.match(sig, noDoc, func(n uint32, m Match) { fs = append(fs, found{n, m}) })
	ix.mu.RUnlock()
	slices.SortFunc(fs, func(a, b found) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	ms := make([]Match, len(fs))
	for i, f := range fs {
		ms[i] = f.Match
	}
	return ms, nil
}

func (ix *Index) check(sig Signature) error {
	if sig.mins != nil && (int(sig.shingle) != ix.opt.Shingle || len(sig.mins) != ix.opt.Hashes) {
		return parley.Errorf(parley.EINVALID, "signature of %d-word shingles and %d hashes, index uses %d and %d",
			sig.shingle, len(sig.mins), ix.opt.Shingle, ix.opt.Hashes)
	}
	return nil
}

// lshable reports whether sig goes through LSH rather than exact matching only.
func (ix *Index) lshable(sig Signature) bool {
	return sig.mins != nil && int(sig.words) >= ix.opt.MinWords
}

// bandKey hashes the Rows values of band b into a bucket key. 32 bits are enough: a collision
// only adds a candidate, which confirmation then rejects.
func (ix *Index) bandKey(mins []uint32, b int) uint32 {
	r := ix.opt.Rows
	h := uint64(b)
	for _, v := range mins[b*r : (b+1)*r] {
		h = h*combinePrime + uint64(v)
	}
	return uint32(mix64(h))
}

func (ix *Index) minsOf(n uint32) []uint32 {
	k := ix.opt.Hashes
	return ix.mins[int(n)*k : (int(n)+1)*k]
}

// match calls fn for every confirmed copy of sig but document self. The caller holds mu.
func (ix *Index) match(sig Signature, self uint32, fn func(n uint32, m Match)) {
	if !ix.lshable(sig) {
		for _, n := range ix.short[sig.exact] {
			if n != self && ix.docs[n] == sig.docInfo {
				fn(n, Match{ID: ix.ids[n], Score: 1, Jaccard: 1})
			}
		}
		return
	}
	var cands []uint32
	for b := range ix.heads {
		n, ok := ix.heads[b][ix.bandKey(sig.mins, b)]
		for walked := 0; ok && n != noDoc && walked < maxWalk; walked++ {
			cands = append(cands, n)
			n = ix.next[int(n)*ix.opt.Bands+b]
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	for _, n := range cands {
		if n == self {
			continue
		}
		if j, c, ok := ix.confirm(sig.docInfo, sig.mins, ix.docs[n], ix.minsOf(n)); ok {
			fn(n, Match{ID: ix.ids[n], Score: c, Jaccard: j})
		}
	}
}

// confirm decides whether a candidate is a copy: its containment, computed from a lower
// confidence bound of the Jaccard estimate rather than the estimate itself, must reach the
// threshold.
func (ix *Index) confirm(a docInfo, am []uint32, b docInfo, bm []uint32) (jaccard, contain float64, ok bool) {
	jaccard, contain = similarity(a, am, b, bm)
	if jaccard == 1 && contain == 1 {
		return jaccard, contain, true
	}
	k := float64(len(am))
	lo := jaccard - ix.z*math.Sqrt(jaccard*(1-jaccard)/k)
	return jaccard, contain, containment(lo, a.size, b.size) >= ix.opt.Threshold
}

// insert indexes sig under id. The caller holds mu for writing.
func (ix *Index) insert(id string, sig Signature) {
	n := uint32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.seq[id] = n
	ix.docs = append(ix.docs, sig.docInfo)
	if !ix.lshable(sig) {
		// Short documents keep zeroed slots so that document numbers index every slice alike.
		ix.mins = append(ix.mins, make([]uint32, ix.opt.Hashes)...)
		for range ix.opt.Bands {
			ix.next = append(ix.next, noDoc)
		}
		ix.short[sig.exact] = append(ix.short[sig.exact], n)
		return
	}
	ix.mins = append(ix.mins, sig.mins...)
	for b := range ix.heads {
		key := ix.bandKey(sig.mins, b)
		// The oldest document stays at the head and newer ones go right behind it, so a walk
		// cut short by maxWalk still sees the earliest copy and the latest ones.
		if head, ok := ix.heads[b][key]; ok {
			at := int(head)*ix.opt.Bands + b
			ix.next = append(ix.next, ix.next[at])
			ix.next[at] = n
		} else {
			ix.heads[b][key] = n
			ix.next = append(ix.next, noDoc)
		}
	}
}
