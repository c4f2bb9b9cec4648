package dedup

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// copyEval is the outcome of the PolNeAR copy test for one set of options.
type copyEval struct {
	tp, fp, fn     int
	byKind         map[string][2]int // kind -> found, total
	missed         []string
	falsePositives []string
}

func (e copyEval) precision() float64 { return float64(e.tp) / float64(max(e.tp+e.fp, 1)) }
func (e copyEval) recall() float64    { return float64(e.tp) / float64(max(e.tp+e.fn, 1)) }

// editionRatio is the exact containment of 5-word shingles from which two PolNeAR originals are
// taken for editions of one story (an updated live blog, a print and a web version). The corpus
// has a clear gap: the editions share 69% to 100%, the next pair 51% (a short piece that is half
// "Related:" links also found under another article), then 23% and less.
const editionRatio = 0.6

// copiesOf lists, for every article, the other articles that are copies of it: identical
// normalised texts and editions of the same story.
func copiesOf(arts []article) map[string][]string {
	ex := computeExact(arts, 5)
	norm := make([]string, len(arts))
	for i, a := range arts {
		norm[i] = Normalize(a.text)
	}
	out := map[string][]string{}
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if norm[i] == norm[j] || ex.containment(i, j) >= editionRatio {
				out[arts[i].name] = append(out[arts[i].name], arts[j].name)
				out[arts[j].name] = append(out[arts[j].name], arts[i].name)
			}
		}
	}
	return out
}

// evalCopies indexes every original, then looks up variants of every kind of a sample of the
// articles, and every original against the others. A variant must find its original and any
// text identical to it; it may find editions of it (they are not counted either way); anything
// else it finds is a false positive. An original must find its copies and nothing else.
func evalCopies(t testing.TB, arts []article, opt Options, sample int, z float64) copyEval {
	ix := NewIndex(opt)
	if z >= 0 {
		ix.z = z
	}
	sigs := make([]Signature, len(arts))
	for i, a := range arts {
		sigs[i] = ix.Sign(a.text)
		if _, _, err := ix.AddSignature(a.name, sigs[i]); err != nil {
			t.Fatal(err)
		}
	}
	copies := copiesOf(arts)
	byName := map[string]int{}
	titles := make([]string, len(arts))
	var eligible []int
	for i, a := range arts {
		byName[a.name] = i
		if ps := paragraphs(a.text); len(ps) > 0 {
			titles[i] = ps[0]
		}
		if sigs[i].Words() >= ix.Options().MinWords {
			eligible = append(eligible, i)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	eligible = eligible[:min(sample, len(eligible))]
	slices.Sort(eligible)

	e := copyEval{byKind: map[string][2]int{}}
	score := func(query, label string, sig Signature, truth, ignore []string, ms []Match) bool {
		found := false
		for _, m := range ms {
			switch {
			case slices.Contains(truth, m.ID):
				e.tp++
				found = true
			case slices.Contains(ignore, m.ID):
			default:
				e.fp++
				e.falsePositives = append(e.falsePositives, fmt.Sprintf("%s (%s) -> %s score %.2f jaccard %.2f", query, label, m.ID, m.Score, m.Jaccard))
			}
		}
		for _, want := range truth {
			if !slices.ContainsFunc(ms, func(m Match) bool { return m.ID == want }) {
				e.fn++
				j, c := sig.Compare(sigs[byName[want]])
				e.missed = append(e.missed, fmt.Sprintf("%s (%s, %d words) missed %s (%d words): jaccard %.2f containment %.2f",
					query, label, sig.Words(), want, sigs[byName[want]].Words(), j, c))
			}
		}
		return found
	}
	for _, i := range eligible {
		a := arts[i]
		var truth, ignore []string
		truth = append(truth, a.name)
		for _, c := range copies[a.name] {
			if Normalize(arts[byName[c]].text) == Normalize(a.text) {
				truth = append(truth, c)
			} else {
				ignore = append(ignore, c)
			}
		}
		for _, k := range variantKinds {
			v := makeVariant(rng, a.text, titles, k)
			found := score(a.name, k.name, ix.Sign(v), truth, ignore, ix.Query(v))
			c := e.byKind[k.name]
			c[1]++
			if found {
				c[0]++
			}
			e.byKind[k.name] = c
		}
	}
	for i, a := range arts {
		ms := slices.DeleteFunc(ix.Query(a.text), func(m Match) bool { return m.ID == a.name })
		score(a.name, "original", sigs[i], copies[a.name], nil, ms)
	}
	return e
}

func TestPolNeARCopies(t *testing.T) {
	arts := polnear(t)
	sample := 300
	if testing.Short() {
		sample = 60
	}
	e := evalCopies(t, arts, Options{}, sample, -1)
	t.Logf("PolNeAR copies, %d originals indexed, %d sampled x %d variant kinds: precision %.4f recall %.4f (tp %d fp %d fn %d)",
		len(arts), sample, len(variantKinds), e.precision(), e.recall(), e.tp, e.fp, e.fn)
	for _, k := range variantKinds {
		c := e.byKind[k.name]
		t.Logf("  %-22s found %d/%d", k.name, c[0], c[1])
	}
	for _, s := range e.falsePositives {
		t.Logf("  false positive: %s", s)
	}
	for _, s := range e.missed[:min(len(e.missed), 20)] {
		t.Logf("  missed: %s", s)
	}
	if e.precision() < 0.99 {
		t.Errorf("precision %.4f, want >= 0.99", e.precision())
	}
	if e.recall() < 0.95 {
		t.Errorf("recall %.4f, want >= 0.95", e.recall())
	}
}

// TestPolNeARHardNegatives takes the pairs of distinct PolNeAR articles with the most words in
// common (same event, same names, different writers) and checks that none is taken for a copy.
func TestPolNeARHardNegatives(t *testing.T) {
	arts := polnear(t)
	copies := copiesOf(arts)
	ix := NewIndex(Options{})
	sets := make([][]uint64, len(arts))
	sigs := make([]Signature, len(arts))
	for i, a := range arts {
		sigs[i] = ix.Sign(a.text)
		seen := map[uint64]bool{}
		eachWord(a.text, func(w []byte) { seen[hashWord(w)] = true })
		for h := range seen {
			sets[i] = append(sets[i], h)
		}
		slices.Sort(sets[i])
	}
	type pair struct {
		i, j    int
		overlap float64
	}
	var pairs []pair
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if slices.Contains(copies[arts[i].name], arts[j].name) {
				continue
			}
			pairs = append(pairs, pair{i, j, jaccardSorted(sets[i], sets[j])})
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a].overlap > pairs[b].overlap })
	const n = 200
	flagged := 0
	maxScore := 0.0
	for rank, p := range pairs[:n] {
		j, c, ok := ix.confirm(sigs[p.i].docInfo, sigs[p.i].mins, sigs[p.j].docInfo, sigs[p.j].mins)
		maxScore = max(maxScore, c)
		if ok {
			flagged++
			t.Errorf("hard negative taken for a copy: %s ~ %s (word overlap %.2f, jaccard %.2f, containment %.2f)",
				arts[p.i].name, arts[p.j].name, p.overlap, j, c)
		}
		if rank < 5 {
			t.Logf("hard negative #%d: %s ~ %s word overlap %.2f, estimated jaccard %.3f containment %.3f",
				rank+1, arts[p.i].name, arts[p.j].name, p.overlap, j, c)
		}
	}
	t.Logf("%d pairs with the most words in common (word-set Jaccard %.2f..%.2f): %d flagged, highest containment estimate %.3f",
		n, pairs[n-1].overlap, pairs[0].overlap, flagged, maxScore)

	// The pairs that share the most 5-word shingles without being editions of one story: a
	// long quotation, a block of "Related:" links, an editor's note under every article.
	ex := computeExact(arts, ix.Options().Shingle)
	pairs = pairs[:0]
	for p := range ex.shared {
		if !slices.Contains(copies[arts[p[0]].name], arts[p[1]].name) {
			pairs = append(pairs, pair{p[0], p[1], ex.containment(p[0], p[1])})
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].overlap != pairs[b].overlap {
			return pairs[a].overlap > pairs[b].overlap
		}
		return pairs[a].i < pairs[b].i || pairs[a].i == pairs[b].i && pairs[a].j < pairs[b].j
	})
	const m = 100
	flagged, maxScore = 0, 0
	for rank, p := range pairs[:m] {
		j, c, ok := ix.confirm(sigs[p.i].docInfo, sigs[p.i].mins, sigs[p.j].docInfo, sigs[p.j].mins)
		maxScore = max(maxScore, c)
		if ok {
			flagged++
			t.Errorf("hard negative taken for a copy: %s ~ %s (shingle containment %.2f, estimated jaccard %.2f, containment %.2f)",
				arts[p.i].name, arts[p.j].name, p.overlap, j, c)
		}
		if rank < 3 {
			t.Logf("shared-passage negative #%d: %s ~ %s shingle containment %.3f, estimated jaccard %.3f containment %.3f",
				rank+1, arts[p.i].name, arts[p.j].name, p.overlap, j, c)
		}
	}
	t.Logf("%d pairs sharing the most shingles without being copies (containment %.2f..%.2f): %d flagged, highest containment estimate %.3f",
		m, pairs[m-1].overlap, pairs[0].overlap, flagged, maxScore)
}

func jaccardSorted(a, b []uint64) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch cmp.Compare(a[i], b[j]) {
		case -1:
			i++
		case 1:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(max(len(a)+len(b)-inter, 1))
}

// TestTuneOptions sweeps shingle sizes and banding on the PolNeAR copies. It only runs with
// DEDUP_TUNE=1: it is how DefaultOptions were chosen, not a check.
func TestTuneOptions(t *testing.T) {
	if os.Getenv("DEDUP_TUNE") != "1" {
		t.Skip("set DEDUP_TUNE=1 to sweep the options")
	}
	arts := polnear(t)
	for _, sh := range []int{3, 4, 5, 6, 7} {
		for _, br := range [][2]int{{64, 2}, {42, 3}, {32, 4}, {25, 5}} {
			for _, th := range []float64{0.4, 0.5, 0.6} {
				for _, z := range []float64{0, 1, 2} {
					e := evalCopies(t, arts, Options{Shingle: sh, Bands: br[0], Rows: br[1], Threshold: th}, 300, z)
					var kinds []string
					for _, k := range variantKinds {
						c := e.byKind[k.name]
						kinds = append(kinds, fmt.Sprintf("%d", c[1]-c[0]))
					}
					t.Logf("shingle %d bands %2d x rows %d threshold %.1f z %.0f: precision %.4f recall %.4f fp %d fn %d misses by kind %s",
						sh, br[0], br[1], th, z, e.precision(), e.recall(), e.fp, e.fn, strings.Join(kinds, " "))
				}
			}
		}
	}
}
