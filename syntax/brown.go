package syntax

import (
	"math"
	"sort"
)

// BrownClusters groups the words of unlabelled sentences into a binary hierarchy of classes by
// the words they follow and precede (Brown et al. 1992), with Liang's (2005) window: the words
// are taken in order of frequency, each becomes a cluster of its own among at most c active
// ones, and the two clusters whose merge loses the least average mutual information between
// adjacent clusters are merged. The merge history is the hierarchy; a word's cluster is its
// path from the root as a bit string, so prefixes of it are coarser classes. Words seen fewer
// than minCount times are left out. Forms are normalised as the tagger normalises them.
func BrownClusters(sents [][]string, c, minCount int, logf func(string, ...any)) map[string]string {
	if c < 2 {
		c = 2
	}
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[normalize(w)]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if counts[vocab[i]] != counts[vocab[j]] {
			return counts[vocab[i]] > counts[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	V := len(vocab)
	if V == 0 {
		return map[string]string{}
	}
	id := make(map[string]int32, V)
	for i, w := range vocab {
		id[w] = int32(i)
	}
	bigram := map[uint64]float64{}
	total := 0.0
	for _, s := range sents {
		prev := int32(-1)
		for _, w := range s {
			cur, ok := id[normalize(w)]
			if !ok {
				cur = -1
			} else {
				total++
			}
			if prev >= 0 && cur >= 0 {
				bigram[uint64(prev)<<32|uint64(cur)]++
			}
			prev = cur
		}
	}
	type nb struct {
		w int32
		n float64
	}
	right := make([][]nb, V)
	left := make([][]nb, V)
	keys := make([]uint64, 0, len(bigram))
	for k := range bigram {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		a, b := int32(k>>32), int32(uint32(k))
		right[a] = append(right[a], nb{b, bigram[k]})
		left[b] = append(left[b], nb{a, bigram[k]})
	}

	K := c + 1
	if K > V+1 {
		K = V + 1
	}
	n := make([]float64, K*K)  // bigram counts between active clusters
	L := make([]float64, K*K)  // merge losses, L[a*K+b] for a < b
	s := make([]float64, K)    // the mutual information terms a cluster takes part in
	cnt := make([]float64, K)  // unigram counts
	node := make([]int32, K)   // the hierarchy node of each active cluster
	active := make([]bool, K)  //
	slotOf := make([]int32, V) // the active cluster of each added word
	members := make([][]int32, K)
	for i := range slotOf {
		slotOf[i] = -1
	}
	// Node ids: words are 0…V-1, merges V, V+1, …
	var kids [][2]int32

	q := func(nxy, cx, cy float64) float64 {
		if nxy <= 0 || cx <= 0 || cy <= 0 {
			return 0
		}
		return nxy / total * math.Log(nxy*total/(cx*cy))
	}
	qp := func(a, b int) float64 { return q(n[a*K+b], cnt[a], cnt[b]) }
	// direct computes the loss of merging a and b from scratch.
	direct := func(a, b int) float64 {
		cm := cnt[a] + cnt[b]
		after := 0.0
		for y := 0; y < K; y++ {
			if !active[y] || y == a || y == b {
				continue
			}
			after += q(n[a*K+y]+n[b*K+y], cm, cnt[y]) + q(n[y*K+a]+n[y*K+b], cnt[y], cm)
		}
		nmm := n[a*K+a] + n[a*K+b] + n[b*K+a] + n[b*K+b]
		after += q(nmm, cm, cm)
		return s[a] + s[b] - qp(a, b) - qp(b, a) - after
	}
	sOf := func(a int) float64 {
		v := 0.0
		for y := 0; y < K; y++ {
			if active[y] {
				v += qp(a, y) + qp(y, a)
			}
		}
		return v - qp(a, a)
	}
	pairKey := func(a, b int) int {
		if a > b {
			a, b = b, a
		}
		return a*K + b
	}

	add := func(w int32, k int) {
		for y := 0; y < K; y++ {
			n[k*K+y], n[y*K+k] = 0, 0
		}
		for _, e := range right[w] {
			if e.w == w {
				n[k*K+k] += e.n
			} else if sl := slotOf[e.w]; sl >= 0 {
				n[k*K+int(sl)] += e.n
			}
		}
		for _, e := range left[w] {
			if e.w != w {
				if sl := slotOf[e.w]; sl >= 0 {
					n[int(sl)*K+k] += e.n
				}
			}
		}
		cnt[k] = float64(counts[vocab[w]])
		// Existing pairs gain the terms of the new cluster.
		for c1 := 0; c1 < K; c1++ {
			if !active[c1] {
				continue
			}
			for c2 := c1 + 1; c2 < K; c2++ {
				if !active[c2] {
					continue
				}
				L[c1*K+c2] += qp(c1, k) + qp(k, c1) + qp(c2, k) + qp(k, c2) -
					q(n[c1*K+k]+n[c2*K+k], cnt[c1]+cnt[c2], cnt[k]) - q(n[k*K+c1]+n[k*K+c2], cnt[k], cnt[c1]+cnt[c2])
			}
		}
		for y := 0; y < K; y++ {
			if active[y] {
				s[y] += qp(y, k) + qp(k, y)
			}
		}
		active[k] = true
		slotOf[w] = int32(k)
		members[k] = append(members[k][:0], w)
		node[k] = w
		s[k] = sOf(k)
		for y := 0; y < K; y++ {
			if active[y] && y != k {
				L[pairKey(y, k)] = direct(min(y, k), max(y, k))
			}
		}
	}

	best := func() (int, int) {
		ba, bb := -1, -1
		for a := 0; a < K; a++ {
			if !active[a] {
				continue
			}
			for b := a + 1; b < K; b++ {
				if active[b] && (ba < 0 || L[a*K+b] < L[ba*K+bb]) {
					ba, bb = a, b
				}
			}
		}
		return ba, bb
	}

	merge := func(a, b int) {
		cm := cnt[a] + cnt[b]
		// Other pairs: their terms with a and b become terms with the merged cluster.
		ds := make([]float64, K)
		for y := 0; y < K; y++ {
			if !active[y] || y == a || y == b {
				continue
			}
			ds[y] = q(n[y*K+a]+n[y*K+b], cnt[y], cm) + q(n[a*K+y]+n[b*K+y], cm, cnt[y]) -
				qp(y, a) - qp(a, y) - qp(y, b) - qp(b, y)
		}
		for c1 := 0; c1 < K; c1++ {
			if !active[c1] || c1 == a || c1 == b {
				continue
			}
			for c2 := c1 + 1; c2 < K; c2++ {
				if !active[c2] || c2 == a || c2 == b {
					continue
				}
				cd := cnt[c1] + cnt[c2]
				ncdA, nAcd := n[c1*K+a]+n[c2*K+a], n[a*K+c1]+n[a*K+c2]
				ncdB, nBcd := n[c1*K+b]+n[c2*K+b], n[b*K+c1]+n[b*K+c2]
				L[c1*K+c2] += ds[c1] + ds[c2] -
					(q(ncdA+ncdB, cd, cm) + q(nAcd+nBcd, cm, cd) -
						q(ncdA, cd, cnt[a]) - q(nAcd, cnt[a], cd) - q(ncdB, cd, cnt[b]) - q(nBcd, cnt[b], cd))
			}
		}
		nmm := n[a*K+a] + n[a*K+b] + n[b*K+a] + n[b*K+b]
		for y := 0; y < K; y++ {
			n[a*K+y] += n[b*K+y]
			n[y*K+a] += n[y*K+b]
		}
		n[a*K+a] = nmm
		for y := 0; y < K; y++ {
			n[b*K+y], n[y*K+b] = 0, 0
		}
		cnt[a] = cm
		cnt[b] = 0
		active[b] = false
		for y := 0; y < K; y++ {
			if active[y] && y != a {
				s[y] += ds[y]
			}
		}
		s[a] = sOf(a)
		for _, w := range members[b] {
			slotOf[w] = int32(a)
		}
		members[a] = append(members[a], members[b]...)
		members[b] = members[b][:0]
		kids = append(kids, [2]int32{node[a], node[b]})
		node[a] = int32(V + len(kids) - 1)
		for y := 0; y < K; y++ {
			if active[y] && y != a {
				L[pairKey(y, a)] = direct(min(y, a), max(y, a))
			}
		}
	}

	next := 0
	for ; next < K && next < V; next++ {
		add(int32(next), next)
	}
	for ; next < V; next++ {
		a, b := best()
		merge(a, b)
		add(int32(next), b)
		if logf != nil && next%2000 == 0 {
			logf("clusters: %d of %d words", next, V)
		}
	}
	// The active clusters are the classes; the merges among them make the hierarchy, and a word's
	// bit string is its class's path (the merges inside a class do not order its words).
	kids = kids[:0]
	leafOf := make([]int32, V)
	for k := 0; k < K; k++ {
		if active[k] {
			for _, w := range members[k] {
				leafOf[w] = int32(k)
			}
			node[k] = int32(k)
		}
	}
	V0 := V
	V = K // node ids below K are now classes
	for {
		a, b := best()
		if a < 0 {
			break
		}
		merge(a, b)
	}
	classPath := make([]string, K)

	// Paths from the root: the first child of a merge is 0, the second 1.
	type item struct {
		node int32
		path string
	}
	root := int32(V + len(kids) - 1)
	if len(kids) == 0 {
		root = 0
	}
	stack := []item{{root, ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if int(it.node) < V {
			p := it.path
			if p == "" {
				p = "0"
			}
			classPath[it.node] = p
			continue
		}
		k := kids[int(it.node)-V]
		stack = append(stack, item{k[0], it.path + "0"}, item{k[1], it.path + "1"})
	}
	paths := make(map[string]string, V0)
	for w := 0; w < V0; w++ {
		paths[vocab[w]] = classPath[leafOf[w]]
	}
	return paths
}
