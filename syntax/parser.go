package syntax

import (
	"math/rand"

	"github.com/parleynews/parley"
)

// The parser is arc-eager (Nivre 2003) with the root at the end of the buffer (Ballesteros and
// Nivre 2013), greedy, with an averaged perceptron choosing among four unlabelled transitions
// and a second perceptron choosing the relation of each arc as it is made. It is trained with
// Goldberg and Nivre's (2012) dynamic oracle, exploring its own mistakes after the first epoch,
// so that it learns to recover from states a static oracle never shows it.

const (
	actShift = iota
	actLeft
	actRight
	actReduce
	numActs
)

// parseState is a configuration of the transition system over n words, the root being n.
// Arrays have n+2 cells: n is the root and n+1 stands for "no such word" in features.
type parseState struct {
	n        int
	stack    []int32
	b        int
	heads    []int32
	labels   []int16 // label index + 1, 0 for none
	lc1, lc2 []int32 // leftmost and second leftmost child
	rc1, rc2 []int32 // rightmost and second rightmost child
	nl, nr   []uint8 // number of left and right children
	lset     []uint64
	rset     []uint64
	inStack  []bool
	headless int

	// per-word feature atoms, n+2 long
	w, p, c4, c6, fine []uint64
}

func growI32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, 2*n)
	}
	return s[:n]
}

func growU64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, 2*n)
	}
	return s[:n]
}

func (st *parseState) reset(toks []tokenInfo, pos []parley.POS) {
	n := len(toks)
	st.n = n
	m := n + 2
	st.stack = st.stack[:0]
	st.b = 0
	st.headless = 0
	st.heads = growI32(st.heads, m)
	st.lc1, st.lc2 = growI32(st.lc1, m), growI32(st.lc2, m)
	st.rc1, st.rc2 = growI32(st.rc1, m), growI32(st.rc2, m)
	if cap(st.labels) < m {
		st.labels = make([]int16, m, 2*m)
		st.nl, st.nr = make([]uint8, m, 2*m), make([]uint8, m, 2*m)
		st.inStack = make([]bool, m, 2*m)
	}
	st.labels, st.nl, st.nr, st.inStack = st.labels[:m], st.nl[:m], st.nr[:m], st.inStack[:m]
	st.lset, st.rset = growU64(st.lset, m), growU64(st.rset, m)
	st.w, st.p, st.c4, st.c6, st.fine = growU64(st.w, m), growU64(st.p, m), growU64(st.c4, m), growU64(st.c6, m), growU64(st.fine, m)
	for i := 0; i < m; i++ {
		st.heads[i] = -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.labels[i] = 0
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
		st.inStack[i] = false
	}
	for i := range toks {
		t := &toks[i]
		p := pos[i]
		st.w[i] = t.low
		st.p[i] = uint64(p) + 1
		st.c4[i] = t.c4
		st.c6[i] = t.c6
		switch p {
		case parley.POSADP, parley.POSAUX, parley.POSCCONJ, parley.POSDET, parley.POSPART,
			parley.POSPRON, parley.POSSCONJ, parley.POSPUNCT:
			st.fine[i] = t.low
		default:
			st.fine[i] = uint64(p)<<8 | t.end
		}
	}
	for _, i := range [2]int{n, n + 1} {
		v := uint64(atomEnd)
		if i == n+1 {
			v = atomNone
		}
		st.w[i], st.p[i], st.c4[i], st.c6[i], st.fine[i] = v, v, v, v, v
	}
}

func (st *parseState) s0() int {
	if len(st.stack) == 0 {
		return -1
	}
	return int(st.stack[len(st.stack)-1])
}

// addArc makes h the head of d with label lab (index + 1).
func (st *parseState) addArc(h, d int, lab int16) {
	st.heads[d] = int32(h)
	st.labels[d] = lab
	if st.inStack[d] {
		st.headless--
	}
	bit := uint64(1) << uint(lab&63)
	if d < h {
		if st.lc1[h] < 0 || int32(d) < st.lc1[h] {
			st.lc2[h] = st.lc1[h]
			st.lc1[h] = int32(d)
		} else if st.lc2[h] < 0 || int32(d) < st.lc2[h] {
			st.lc2[h] = int32(d)
		}
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= bit
	} else {
		if st.rc1[h] < 0 || int32(d) > st.rc1[h] {
			st.rc2[h] = st.rc1[h]
			st.rc1[h] = int32(d)
		} else if st.rc2[h] < 0 || int32(d) > st.rc2[h] {
			st.rc2[h] = int32(d)
		}
		if st.nr[h] < 255 {
			st.nr[h]++
		}
		st.rset[h] |= bit
	}
}

func (st *parseState) push(i int) {
	st.stack = append(st.stack, int32(i))
	st.inStack[i] = true
	if st.heads[i] < 0 {
		st.headless++
	}
}

func (st *parseState) pop() int {
	i := int(st.stack[len(st.stack)-1])
	st.stack = st.stack[:len(st.stack)-1]
	st.inStack[i] = false
	if st.heads[i] < 0 {
		st.headless--
	}
	return i
}

// valid reports which transitions are allowed, for a state whose buffer holds a word.
func (st *parseState) valid() (ok [numActs]bool) {
	ok[actShift] = true
	if s0 := st.s0(); s0 >= 0 {
		ok[actRight] = true
		if st.heads[s0] < 0 {
			ok[actLeft] = true
		} else {
			ok[actReduce] = true
		}
	}
	return ok
}

// apply performs a transition; lab is the label of the arc it makes, if any.
func (st *parseState) apply(a int, lab int16) {
	switch a {
	case actShift:
		st.push(st.b)
		st.b++
	case actLeft:
		s0 := st.pop()
		// pop counted s0 as headless when it left; addArc must not count it again.
		st.heads[s0] = -2
		st.addArc(st.b, s0, lab)
	case actRight:
		st.addArc(st.s0(), st.b, lab)
		st.push(st.b)
		st.b++
	case actReduce:
		st.pop()
	}
}

// opt returns the word at index x, or n+1 (the "none" cell) for -1.
func (st *parseState) opt(x int32) int {
	if x < 0 {
		return st.n + 1
	}
	return int(x)
}

func distBucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

// actionFeats writes the features of the state for the transition classifier, after Zhang and
// Nivre (2011), with Brown cluster and fine-tag variants.
func (st *parseState) actionFeats(dst []uint64, withBuffer bool) []uint64 {
	n := st.n
	none := n + 1
	s0 := none
	if k := len(st.stack); k > 0 {
		s0 = int(st.stack[k-1])
	}
	n0 := st.b
	n1 := none
	if n0+1 <= n {
		n1 = n0 + 1
	}
	s0h, s0h2 := none, none
	if s0 != none && st.heads[s0] >= 0 {
		s0h = int(st.heads[s0])
		if s0h < n && st.heads[s0h] >= 0 {
			s0h2 = int(st.heads[s0h])
		}
	}
	s0l, s0l2, s0r, s0r2 := st.opt(st.lc1[s0]), st.opt(st.lc2[s0]), st.opt(st.rc1[s0]), st.opt(st.rc2[s0])
	n0l, n0l2 := st.opt(st.lc1[n0]), st.opt(st.lc2[n0])
	w, p, c, c4 := st.w, st.p, st.c6, st.c4
	l := func(i int) uint64 { return uint64(st.labels[i]) }
	dist := uint64(0)
	if s0 != none {
		dist = distBucket(n0 - s0)
	}
	m2 := func(t int, a, b uint64) uint64 { return mix(mix(tmpl(t), a), b) }
	m3 := func(t int, a, b, c uint64) uint64 { return mix(mix(mix(tmpl(t), a), b), c) }
	f := dst[:0]
	if withBuffer {
		f = st.bufferFeats(f)
	}
	f = append(f,
		// single words
		m2(101, w[s0], p[s0]), mix(tmpl(102), w[s0]), mix(tmpl(103), p[s0]),
		// pairs
		mix(m2(113, w[s0], p[s0]), m2(0, w[n0], p[n0])),
		m3(114, w[s0], p[s0], w[n0]),
		m3(115, w[s0], w[n0], p[n0]),
		m3(116, w[s0], p[s0], p[n0]),
		m3(117, p[s0], w[n0], p[n0]),
		m2(118, w[s0], w[n0]),
		m2(119, p[s0], p[n0]),
		// three words
		m3(122, p[s0], p[n0], p[n1]),
		m3(123, p[s0h], p[s0], p[n0]),
		m3(124, p[s0], p[s0l], p[n0]),
		m3(125, p[s0], p[s0r], p[n0]),
		m3(126, p[s0], p[n0], p[n0l]),
		// unigrams of the tree around s0 and n0
		mix(tmpl(139), w[s0h]), mix(tmpl(140), p[s0h]), mix(tmpl(141), l(s0)),
		mix(tmpl(142), w[s0l]), mix(tmpl(143), p[s0l]), mix(tmpl(144), l(s0l)),
		mix(tmpl(145), w[s0r]), mix(tmpl(146), p[s0r]), mix(tmpl(147), l(s0r)),
		mix(tmpl(148), w[n0l]), mix(tmpl(149), p[n0l]), mix(tmpl(150), l(n0l)),
		// third order
		mix(tmpl(151), w[s0h2]), mix(tmpl(152), p[s0h2]), mix(tmpl(153), l(s0h)),
		mix(tmpl(154), w[s0l2]), mix(tmpl(155), p[s0l2]), mix(tmpl(156), l(s0l2)),
		mix(tmpl(157), w[s0r2]), mix(tmpl(158), p[s0r2]), mix(tmpl(159), l(s0r2)),
		mix(tmpl(160), w[n0l2]), mix(tmpl(161), p[n0l2]), mix(tmpl(162), l(n0l2)),
		m3(163, p[s0], p[s0l], p[s0l2]),
		m3(164, p[s0], p[s0r], p[s0r2]),
		m3(165, p[s0], p[s0h], p[s0h2]),
		m3(166, p[n0], p[n0l], p[n0l2]),
		// clusters
		m2(182, c[s0], c[n0]), m2(183, c4[s0], c4[n0]), m2(184, c[s0], p[n0]), m2(185, p[s0], c[n0]),
		mix(tmpl(186), c[s0]),
		m3(189, c4[s0], c4[n0], p[n1]), m3(190, p[s0], c[n0], p[n1]),
		m3(191, c[s0], p[n0], dist),
		// whether the buffer front is the root
		m2(192, p[s0], uint64(st.headless)),
	)
	return f
}

// The transition features fall in four groups by what they read, so that parsing scores each
// group only when what it reads has changed (the sums are the same integers): bufferFeats,
// s0Feats (the stack top and its tree: they change only when it gains a right child),
// n0TreeFeats (the buffer front's left children: they change with a left arc) and pairFeats,
// the rest. Together they are actionFeats, which training reads, in its own order; a test
// checks that the groups are the same features.

// s0Feats writes the features of the stack top s0 and its tree alone.
func (st *parseState) s0Feats(dst []uint64) []uint64 {
	n := st.n
	none := n + 1
	s0 := int(st.stack[len(st.stack)-1])
	s0h, s0h2 := none, none
	if st.heads[s0] >= 0 {
		s0h = int(st.heads[s0])
		if s0h < n && st.heads[s0h] >= 0 {
			s0h2 = int(st.heads[s0h])
		}
	}
	s0l, s0l2, s0r, s0r2 := st.opt(st.lc1[s0]), st.opt(st.lc2[s0]), st.opt(st.rc1[s0]), st.opt(st.rc2[s0])
	w, p, c := st.w, st.p, st.c6
	l := func(i int) uint64 { return uint64(st.labels[i]) }
	m2 := func(t int, a, b uint64) uint64 { return mix(mix(tmpl(t), a), b) }
	m3 := func(t int, a, b, c uint64) uint64 { return mix(mix(mix(tmpl(t), a), b), c) }
	return append(dst,
		m2(101, w[s0], p[s0]), mix(tmpl(102), w[s0]), mix(tmpl(103), p[s0]),
		mix(tmpl(139), w[s0h]), mix(tmpl(140), p[s0h]), mix(tmpl(141), l(s0)),
		mix(tmpl(142), w[s0l]), mix(tmpl(143), p[s0l]), mix(tmpl(144), l(s0l)),
		mix(tmpl(145), w[s0r]), mix(tmpl(146), p[s0r]), mix(tmpl(147), l(s0r)),
		mix(tmpl(151), w[s0h2]), mix(tmpl(152), p[s0h2]), mix(tmpl(153), l(s0h)),
		mix(tmpl(154), w[s0l2]), mix(tmpl(155), p[s0l2]), mix(tmpl(156), l(s0l2)),
		mix(tmpl(157), w[s0r2]), mix(tmpl(158), p[s0r2]), mix(tmpl(159), l(s0r2)),
		m3(163, p[s0], p[s0l], p[s0l2]),
		m3(164, p[s0], p[s0r], p[s0r2]),
		m3(165, p[s0], p[s0h], p[s0h2]),
		mix(tmpl(186), c[s0]),
	)
}

// n0TreeFeats writes the features of the buffer front's left children.
func (st *parseState) n0TreeFeats(dst []uint64) []uint64 {
	n0 := st.b
	n0l, n0l2 := st.opt(st.lc1[n0]), st.opt(st.lc2[n0])
	w, p := st.w, st.p
	l := func(i int) uint64 { return uint64(st.labels[i]) }
	return append(dst,
		mix(tmpl(148), w[n0l]), mix(tmpl(149), p[n0l]), mix(tmpl(150), l(n0l)),
		mix(tmpl(160), w[n0l2]), mix(tmpl(161), p[n0l2]), mix(tmpl(162), l(n0l2)),
		mix(mix(mix(tmpl(166), p[n0]), p[n0l]), p[n0l2]),
	)
}

// pairFeats writes the features that read both the stack and the buffer.
func (st *parseState) pairFeats(dst []uint64) []uint64 {
	n := st.n
	none := n + 1
	s0 := int(st.stack[len(st.stack)-1])
	n0 := st.b
	n1 := none
	if n0+1 <= n {
		n1 = n0 + 1
	}
	s0h := none
	if st.heads[s0] >= 0 {
		s0h = int(st.heads[s0])
	}
	s0l, s0r := st.opt(st.lc1[s0]), st.opt(st.rc1[s0])
	n0l := st.opt(st.lc1[n0])
	w, p, c, c4 := st.w, st.p, st.c6, st.c4
	dist := distBucket(n0 - s0)
	m2 := func(t int, a, b uint64) uint64 { return mix(mix(tmpl(t), a), b) }
	m3 := func(t int, a, b, c uint64) uint64 { return mix(mix(mix(tmpl(t), a), b), c) }
	return append(dst,
		mix(m2(113, w[s0], p[s0]), m2(0, w[n0], p[n0])),
		m3(114, w[s0], p[s0], w[n0]),
		m3(115, w[s0], w[n0], p[n0]),
		m3(116, w[s0], p[s0], p[n0]),
		m3(117, p[s0], w[n0], p[n0]),
		m2(118, w[s0], w[n0]),
		m2(119, p[s0], p[n0]),
		m3(122, p[s0], p[n0], p[n1]),
		m3(123, p[s0h], p[s0], p[n0]),
		m3(124, p[s0], p[s0l], p[n0]),
		m3(125, p[s0], p[s0r], p[n0]),
		m3(126, p[s0], p[n0], p[n0l]),
		m2(182, c[s0], c[n0]), m2(183, c4[s0], c4[n0]), m2(184, c[s0], p[n0]), m2(185, p[s0], c[n0]),
		m3(189, c4[s0], c4[n0], p[n1]), m3(190, p[s0], c[n0], p[n1]),
		m3(191, c[s0], p[n0], dist),
		m2(192, p[s0], uint64(st.headless)),
	)
}

// bufferFeats writes the transition features that read only the buffer's first words: they
// stay the same while the buffer does (a left arc or a reduce), so parsing scores them once
// per word rather than once per transition.
func (st *parseState) bufferFeats(dst []uint64) []uint64 {
	n := st.n
	none := n + 1
	n0 := st.b
	n1, n2 := none, none
	if n0+1 <= n {
		n1 = n0 + 1
	}
	if n0+2 <= n {
		n2 = n0 + 2
	}
	w, p, c := st.w, st.p, st.c6
	m2 := func(t int, a, b uint64) uint64 { return mix(mix(tmpl(t), a), b) }
	return append(dst,
		tmpl(100),
		m2(104, w[n0], p[n0]), mix(tmpl(105), w[n0]), mix(tmpl(106), p[n0]),
		m2(107, w[n1], p[n1]), mix(tmpl(108), w[n1]), mix(tmpl(109), p[n1]),
		m2(110, w[n2], p[n2]), mix(tmpl(111), w[n2]), mix(tmpl(112), p[n2]),
		m2(120, p[n0], p[n1]),
		mix(mix(mix(tmpl(121), p[n0]), p[n1]), p[n2]),
		mix(tmpl(187), c[n0]), mix(tmpl(188), c[n1]),
	)
}

// labelFeats writes the features for the relation of the arc h → d; right is d > h.
func (st *parseState) labelFeats(dst []uint64, h, d int) []uint64 {
	n := st.n
	none := n + 1
	dist := distBucket(abs(h - d))
	hh := none
	if h < n && st.heads[h] >= 0 {
		hh = int(st.heads[h])
	}
	dl, dr := st.opt(st.lc1[d]), st.opt(st.rc1[d])
	after := none
	if d+1 <= n {
		after = d + 1
	}
	before := none
	if d > 0 {
		before = d - 1
	}
	w, p, c, fi := st.w, st.p, st.c6, st.fine
	// Each direction has a table of its own, so the templates need not name it.
	t := tmpl
	m1 := func(k int, a uint64) uint64 { return mix(t(k), a) }
	m2 := func(k int, a, b uint64) uint64 { return mix(mix(t(k), a), b) }
	m3 := func(k int, a, b, c uint64) uint64 { return mix(mix(mix(t(k), a), b), c) }
	f := dst[:0]
	f = append(f,
		t(200),
		m1(201, w[d]), m1(202, p[d]), m1(204, fi[d]),
		m1(205, w[h]), m1(206, p[h]), m1(208, fi[h]),
		m2(209, p[h], p[d]), m2(210, w[h], p[d]), m2(211, p[h], w[d]),
		m2(213, fi[h], fi[d]), m2(214, c[h], c[d]),
		m3(217, p[h], p[d], dist),
		m2(219, p[d], st.lset[d]), m2(220, p[d], st.rset[d]),
		m3(223, p[h], p[d], st.lset[h]), m3(224, fi[h], p[d], st.lset[h]|st.rset[h]),
		m2(225, w[dl], p[d]), m2(226, p[dl], p[d]), m2(228, p[dr], p[d]),
		m3(230, p[hh], p[h], p[d]), m2(231, uint64(st.labels[h]), p[d]),
		m3(232, p[before], p[d], p[h]), m3(233, p[d], p[after], p[h]),
		m2(235, fi[dl], fi[d]),
	)
	return f
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dirClasses lists, for each direction of arc (0: the dependent on the left), the label
// indices seen in that direction, in order: the classes of that direction's label table.
func dirClasses(mask [2]uint64) (classes [2][]int16) {
	for d := 0; d < 2; d++ {
		for i := 0; i < 64; i++ {
			if mask[d]&(1<<uint(i)) != 0 {
				classes[d] = append(classes[d], int16(i))
			}
		}
	}
	return classes
}

func arcDir(h, d int) int {
	if d > h {
		return 1
	}
	return 0
}

// predictLabel returns the best label index + 1 for the arc h → d among those seen in its
// direction in training.
func (m *Model) predictLabel(s *scratch, st *parseState, h, d int) int16 {
	dir := arcDir(h, d)
	if l := m.sureLabels[dir][st.p[d]-1]; l > 0 {
		return l
	}
	s.feats = st.labelFeats(s.feats, h, d)
	classes := m.classes[dir]
	if len(classes) == 0 {
		return m.rootLabel
	}
	scores := s.scores[:len(classes)]
	m.labelers[dir].score(s.feats, scores, &s.buf)
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return classes[best] + 1
}

// unwind takes one step of emptying the stack once the buffer is used up: a word with a head is
// popped; a headless word goes to the word below it while another headless word remains (its
// label from label), else to the root. Parsing and training unwind alike, so that training
// sees the trees parsing makes.
func (st *parseState) unwind(rootLabel int16, label func(h, d int) int16) {
	s0 := st.s0()
	switch {
	case st.heads[s0] >= 0:
		st.pop()
	case st.headless > 1:
		s1 := int(st.stack[len(st.stack)-2])
		lab := label(s1, s0)
		st.pop()
		st.heads[s0] = -2
		st.addArc(s1, s0, lab)
	default:
		st.pop()
		st.heads[s0] = -2
		st.addArc(st.n, s0, rootLabel)
	}
}

// parseSentence parses toks (tagged pos) with the frozen weights; heads and rels are written
// into out.
func (m *Model) parseSentence(s *scratch, toks []tokenInfo, pos []parley.POS, heads []int, rels []string) {
	st := &s.state
	st.reset(toks, pos)
	n := st.n
	scores := s.scores[:numActs]
	lastB := -1
	var bufScores, treeScores [numActs]int32
	treeOK := false
	if cap(s.s0OK) < n+2 {
		s.s0OK = make([]bool, n+2, 2*(n+2))
		s.s0Scores = make([][numActs]int32, n+2, 2*(n+2))
	}
	s.s0OK = s.s0OK[:n+2]
	s.s0Scores = s.s0Scores[:n+2]
	for i := range s.s0OK {
		s.s0OK[i] = false
	}
	for {
		if st.b == n {
			if len(st.stack) == 0 {
				break
			}
			st.unwind(m.rootLabel, func(h, d int) int16 { return m.predictLabel(s, st, h, d) })
			continue
		}
		if len(st.stack) == 0 {
			st.apply(actShift, 0)
			continue
		}
		ok := st.valid()
		if st.b != lastB {
			s.feats = st.bufferFeats(s.feats[:0])
			m.actions.score(s.feats, bufScores[:], &s.buf)
			lastB = st.b
			treeOK = false
		}
		if !treeOK {
			s.feats = st.n0TreeFeats(s.feats[:0])
			m.actions.score(s.feats, treeScores[:], &s.buf)
			treeOK = true
		}
		s0 := st.s0()
		if !s.s0OK[s0] {
			s.feats = st.s0Feats(s.feats[:0])
			m.actions.score(s.feats, s.s0Scores[s0][:], &s.buf)
			s.s0OK[s0] = true
		}
		s.feats = st.pairFeats(s.feats[:0])
		m.actions.score(s.feats, scores, &s.buf)
		for a := range scores {
			scores[a] += bufScores[a] + treeScores[a] + s.s0Scores[s0][a]
		}
		best := -1
		for a := 0; a < numActs; a++ {
			if ok[a] && (best < 0 || scores[a] > scores[best]) {
				best = a
			}
		}
		var lab int16
		switch best {
		case actLeft:
			lab = m.predictLabel(s, st, st.b, s0)
			treeOK = false // the buffer front gains a left child
		case actRight:
			lab = m.predictLabel(s, st, s0, st.b)
			s.s0OK[s0] = false // the stack top gains a right child
		}
		st.apply(best, lab)
	}
	for i := 0; i < n; i++ {
		h := int(st.heads[i])
		if h >= n || h < 0 {
			h = -1
		}
		heads[i] = h
		if l := st.labels[i]; l > 0 {
			rels[i] = m.labels[l-1]
		} else {
			rels[i] = "dep"
		}
	}
}

// goldTree is a training sentence's projectivised tree with the root as n.
type goldTree struct {
	heads  []int32
	labels []int16 // index + 1
	kids   [][]int32
}

// costs returns the dynamic oracle's cost of each valid transition: the number of gold arcs it
// makes unreachable.
func (st *parseState) costs(g *goldTree, ok [numActs]bool) (c [numActs]int) {
	b := st.b
	s0 := st.s0()
	gh := g.heads
	inStack := func(k int32) bool { return k >= 0 && int(k) < b && st.inStack[k] }
	if ok[actShift] {
		if inStack(gh[b]) {
			c[actShift]++
		}
		for _, k := range g.kids[b] {
			if int(k) < b && st.inStack[k] && st.heads[k] < 0 {
				c[actShift]++
			}
		}
	}
	if ok[actRight] {
		if int(gh[b]) != s0 && (int(gh[b]) > b || inStack(gh[b])) {
			c[actRight]++
		}
		for _, k := range g.kids[b] {
			if int(k) < b && st.inStack[k] && st.heads[k] < 0 {
				c[actRight]++
			}
		}
	}
	if ok[actLeft] {
		if int(gh[s0]) != b && int(gh[s0]) >= b {
			c[actLeft]++
		}
		for _, k := range g.kids[s0] {
			if int(k) >= b {
				c[actLeft]++
			}
		}
	}
	if ok[actReduce] {
		for _, k := range g.kids[s0] {
			if int(k) >= b {
				c[actReduce]++
			}
		}
	}
	return c
}

// parserTrainer holds the weights being learnt.
type parserTrainer struct {
	actions    *trainWeights
	labelers   [2]*trainWeights
	labels     []string
	dirLabels  [2]uint64
	rootLabel  int16
	sureLabels [2][numTags]int16
}

// sureLabels finds, for each direction of arc and tag of the dependent, the relation it has in
// at least 99.5% of at least 100 training arcs (punctuation, for one): such arcs take it
// without scoring.
func sureLabels(sents []Sentence, labIndex map[string]int16, dirLabels [2]uint64) (sure [2][numTags]int16) {
	var counts [2][numTags]map[int16]int
	for _, s := range sents {
		for i, h := range s.Heads {
			if h < 0 {
				continue
			}
			d, p := arcDir(h, i), s.POS[i]
			if counts[d][p] == nil {
				counts[d][p] = map[int16]int{}
			}
			counts[d][p][labIndex[s.Rels[i]]]++
		}
	}
	for d := range counts {
		for p, c := range counts[d] {
			total := 0
			for _, n := range c {
				total += n
			}
			for l, n := range c {
				if l > 0 && total >= 100 && float64(n) >= 0.995*float64(total) && dirLabels[d]&(1<<uint(l-1)) != 0 {
					sure[d][p] = l
				}
			}
		}
	}
	return sure
}

// trainParser learns the transition and label weights. pos holds the tags the parser sees in
// training (jackknifed predictions), toks the token information.
func trainParser(sents []Sentence, toks [][]tokenInfo, pos [][]parley.POS, labels []string, dirLabels [2]uint64, epochs int, rng *rand.Rand, progress func(epoch int, uas float64, pt *parserTrainer)) *parserTrainer {
	labIndex := make(map[string]int16, len(labels))
	for i, l := range labels {
		labIndex[l] = int16(i + 1)
	}
	classes := dirClasses(dirLabels)
	var classOf [2][64]int
	for d := range classes {
		for i := range classOf[d] {
			classOf[d][i] = -1
		}
		for c, l := range classes[d] {
			classOf[d][l] = c
		}
	}
	pt := &parserTrainer{actions: newTrainWeights(numActs), labels: labels, dirLabels: dirLabels, rootLabel: labIndex["root"],
		labelers: [2]*trainWeights{newTrainWeights(max(len(classes[0]), 1)), newTrainWeights(max(len(classes[1]), 1))}}
	golds := make([]goldTree, len(sents))
	for i := range sents {
		golds[i] = makeGold(&sents[i], labIndex)
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st parseState
	var feats []uint64
	aScores := make([]float32, numActs)
	lScores := make([]float32, len(labels))
	pt.sureLabels = sureLabels(sents, labIndex, dirLabels)
	label := func(h, d int, g *goldTree, learn bool) int16 {
		dir := arcDir(h, d)
		if l := pt.sureLabels[dir][st.p[d]-1]; l > 0 {
			return l
		}
		feats = st.labelFeats(feats, h, d)
		if len(classes[dir]) == 0 {
			return pt.rootLabel
		}
		w := pt.labelers[dir]
		sc := lScores[:len(classes[dir])]
		w.score(feats, sc)
		best := 0
		for c := range sc {
			if sc[c] > sc[best] {
				best = c
			}
		}
		pred := classes[dir][best] + 1
		if learn && d < st.n && int(g.heads[d]) == h && g.labels[d] > 0 {
			gold := g.labels[d]
			if gc := classOf[dir][gold-1]; gc >= 0 && gold != pred {
				w.update(feats, gc, best, 1)
			}
			w.tick()
			return gold
		}
		return pred
	}
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		explore := ep > 0
		correct, total := 0, 0
		for _, si := range order {
			g := &golds[si]
			st.reset(toks[si], pos[si])
			n := st.n
			for {
				if st.b == n {
					if len(st.stack) == 0 {
						break
					}
					st.unwind(pt.rootLabel, func(h, d int) int16 { return label(h, d, g, true) })
					continue
				}
				if len(st.stack) == 0 {
					st.apply(actShift, 0)
					continue
				}
				ok := st.valid()
				feats = st.actionFeats(feats, true)
				pt.actions.score(feats, aScores)
				cost := st.costs(g, ok)
				pred, gold := -1, -1
				minCost := 1 << 30
				for a := 0; a < numActs; a++ {
					if ok[a] && cost[a] < minCost {
						minCost = cost[a]
					}
				}
				for a := 0; a < numActs; a++ {
					if !ok[a] {
						continue
					}
					if pred < 0 || aScores[a] > aScores[pred] {
						pred = a
					}
					if cost[a] == minCost && (gold < 0 || aScores[a] > aScores[gold]) {
						gold = a
					}
				}
				next := gold
				if cost[pred] > minCost {
					pt.actions.update(feats, gold, pred, 1)
					if explore && rng.Float64() < 0.9 {
						next = pred
					}
				}
				pt.actions.tick()
				var lab int16
				switch next {
				case actLeft:
					lab = label(st.b, st.s0(), g, true)
				case actRight:
					lab = label(st.s0(), st.b, g, true)
				}
				st.apply(next, lab)
			}
			for i := 0; i < n; i++ {
				if st.heads[i] == g.heads[i] {
					correct++
				}
				total++
			}
		}
		if progress != nil {
			progress(ep, float64(correct)/float64(max(total, 1)), pt)
		}
	}
	return pt
}

// makeGold projectivises a sentence's tree by lifting the shortest non-projective arc to the
// grandparent until none is left (the parser can only build projective trees, and the dynamic
// oracle is exact only for them); the labels stay.
func makeGold(s *Sentence, labIndex map[string]int16) goldTree {
	n := s.Len()
	g := goldTree{heads: make([]int32, n+2), labels: make([]int16, n+2), kids: make([][]int32, n+2)}
	for i := 0; i < n; i++ {
		h := s.Heads[i]
		if h < 0 {
			h = n
		}
		g.heads[i] = int32(h)
		g.labels[i] = labIndex[s.Rels[i]]
	}
	g.heads[n], g.heads[n+1] = -1, -1
	dominates := func(h, k int) bool {
		for steps := 0; k >= 0 && k != n && steps <= n; steps++ {
			if k == h {
				return true
			}
			k = int(g.heads[k])
		}
		return h == n
	}
	for {
		bestD, bestLen := -1, 0
		for d := 0; d < n; d++ {
			h := int(g.heads[d])
			lo, hi := min(h, d), max(h, d)
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, k) {
					if bestD < 0 || hi-lo < bestLen {
						bestD, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if bestD < 0 {
			break
		}
		h := int(g.heads[bestD])
		if h == n {
			break
		}
		g.heads[bestD] = g.heads[h]
	}
	for d := 0; d < n; d++ {
		h := g.heads[d]
		g.kids[h] = append(g.kids[h], int32(d))
	}
	return g
}
