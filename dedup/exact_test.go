package dedup

import (
	"cmp"
	"slices"
	"testing"
)

// exactOverlap computes, without sketches, the shingle-set size of every article and the
// number of shingles each pair of articles shares, through an inverted index so that only
// pairs that share something cost anything.
type exactOverlap struct {
	sizes  []int
	shared map[[2]int]int // i < j
}

func computeExact(arts []article, shingle int) exactOverlap {
	var buf buffers
	post := map[uint64][]int{}
	e := exactOverlap{sizes: make([]int, len(arts)), shared: map[[2]int]int{}}
	for i, a := range arts {
		_, sh := buf.shingle(a.text, shingle)
		e.sizes[i] = len(sh)
		for _, h := range sh {
			post[h] = append(post[h], i)
		}
	}
	for _, docs := range post {
		for x := range docs {
			for y := x + 1; y < len(docs); y++ {
				e.shared[[2]int{docs[x], docs[y]}]++
			}
		}
	}
	return e
}

// containment is |A∩B|/min(|A|,|B|) for articles i and j.
func (e exactOverlap) containment(i, j int) float64 {
	if i > j {
		i, j = j, i
	}
	small := min(e.sizes[i], e.sizes[j])
	if small == 0 {
		return 0
	}
	return float64(e.shared[[2]int{i, j}]) / float64(small)
}

// TestPolNeAREditions lists the PolNeAR pairs that share the most shingles and checks that
// exactly the editions of one story among them are taken for copies.
func TestPolNeAREditions(t *testing.T) {
	arts := polnear(t)
	e := computeExact(arts, 5)
	ix := NewIndex(Options{})
	for _, a := range arts {
		ix.Add(a.name, a.text)
	}
	var pairs [][2]int
	for p := range e.shared {
		if e.containment(p[0], p[1]) >= 0.2 {
			pairs = append(pairs, p)
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		return cmp.Or(cmp.Compare(e.containment(b[0], b[1]), e.containment(a[0], a[1])), cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, p := range pairs {
		a, b := arts[p[0]], arts[p[1]]
		c := e.containment(p[0], p[1])
		flagged := slices.ContainsFunc(ix.Query(a.text), func(m Match) bool { return m.ID == b.name })
		t.Logf("shingle containment %.3f (%4d and %4d shingles): flagged %-5v %s ~ %s", c, e.sizes[p[0]], e.sizes[p[1]], flagged, a.name, b.name)
		if flagged != (c >= editionRatio) {
			t.Errorf("%s ~ %s: flagged %v at shingle containment %.3f", a.name, b.name, flagged, c)
		}
	}
}
