package syntax

import (
	"math"
	"sort"
)

// Features are 64-bit hashes of a template number and the values it combines. mix folds one
// more value into a hash; it is a multiply-xorshift step, cheap enough to run some two hundred
// times a word.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xff51afd7ed558ccd
	return h ^ (h >> 29)
}

// tmpl starts the hash of template number t.
func tmpl(t int) uint64 { return mix(0x2545f4914f6cdd1d, uint64(t)) }

// hashString is FNV-1a over the bytes of s, as a feature value.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// trainWeights is an averaged perceptron's weights while it learns: a row of class weights per
// feature hash, created on the first update of the feature. Averaging uses the running-sum
// trick: acc holds the sum of step × delta, so the average is w - acc/step.
type trainWeights struct {
	nclass int
	index  map[uint64]int32
	keys   []uint64
	w      []float32
	acc    []float64
	step   float64
}

func newTrainWeights(nclass int) *trainWeights {
	return &trainWeights{nclass: nclass, index: make(map[uint64]int32), step: 1}
}

// score adds the weights of the features to scores (len nclass).
func (t *trainWeights) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	n := t.nclass
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*n : int(r)*n+n]
		for c, v := range row {
			scores[c] += v
		}
	}
}

func (t *trainWeights) row(f uint64) int {
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.keys))
		t.index[f] = r
		t.keys = append(t.keys, f)
		for i := 0; i < t.nclass; i++ {
			t.w = append(t.w, 0)
			t.acc = append(t.acc, 0)
		}
	}
	return int(r) * t.nclass
}

// update moves the weights of the features toward class good and away from class bad.
func (t *trainWeights) update(feats []uint64, good, bad int, delta float32) {
	for _, f := range feats {
		r := t.row(f)
		t.w[r+good] += delta
		t.acc[r+good] += t.step * float64(delta)
		t.w[r+bad] -= delta
		t.acc[r+bad] -= t.step * float64(delta)
	}
}

// tick counts one training example, for the average.
func (t *trainWeights) tick() { t.step++ }

// averaged returns the averaged weights, in key order so that the frozen table does not depend
// on map iteration.
func (t *trainWeights) averaged() (keys []uint64, w []float32) {
	n := t.nclass
	order := make([]int, len(t.keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return t.keys[order[a]] < t.keys[order[b]] })
	keys = make([]uint64, len(order))
	w = make([]float32, len(order)*n)
	for j, i := range order {
		keys[j] = t.keys[i]
		for c := 0; c < n; c++ {
			w[j*n+c] = t.w[i*n+c] - float32(t.acc[i*n+c]/t.step)
		}
	}
	return keys, w
}

// table is a frozen weight table: open addressing over slots of nclass+2 int16s, the first two
// holding a 32-bit fingerprint of the feature hash (0 marks an empty slot) and the rest the
// class weights quantised by scale. A feature's fingerprint and weights share a cache line.
type table struct {
	nclass int
	stride int
	mask   uint64
	scale  float32
	slots  []int16
}

func fingerprint(h uint64) uint32 {
	fp := uint32(h >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// freeze builds a table from averaged weights, dropping features whose largest weight is below
// prune times the largest weight of the table (they change almost no decision).
func freeze(nclass int, keys []uint64, w []float32, prune float64) *table {
	maxAbs := float32(0)
	for _, v := range w {
		if a := float32(math.Abs(float64(v))); a > maxAbs {
			maxAbs = a
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32000
	keep := make([]int, 0, len(keys))
	minQ := int(prune*32000 + 0.5)
	for i := range keys {
		big := 0
		for c := 0; c < nclass; c++ {
			q := int(math.Abs(math.Round(float64(w[i*nclass+c] / scale))))
			if q > big {
				big = q
			}
		}
		if big > minQ && big > 0 {
			keep = append(keep, i)
		}
	}
	size := 16
	for size < len(keep)*3/2+1 {
		size <<= 1
	}
	t := &table{nclass: nclass, stride: nclass + 2, mask: uint64(size - 1), scale: scale}
	t.slots = make([]int16, size*t.stride)
	for _, i := range keep {
		h := keys[i]
		fp := fingerprint(h)
		s := h & t.mask
		for t.slots[int(s)*t.stride] != 0 || t.slots[int(s)*t.stride+1] != 0 {
			s = (s + 1) & t.mask
		}
		base := int(s) * t.stride
		t.slots[base] = int16(uint16(fp))
		t.slots[base+1] = int16(uint16(fp >> 16))
		for c := 0; c < nclass; c++ {
			t.slots[base+2+c] = int16(math.Round(float64(w[i*nclass+c] / scale)))
		}
	}
	return t
}

// features is the number of features the table holds.
func (t *table) features() int {
	n := 0
	for i := 0; i < len(t.slots); i += t.stride {
		if t.slots[i] != 0 || t.slots[i+1] != 0 {
			n++
		}
	}
	return n
}

// score adds the quantised weights of the features to scores (len nclass), after zeroing it.
func (t *table) score(feats []uint64, scores []int32) {
	for i := range scores {
		scores[i] = 0
	}
	slots, stride, mask := t.slots, t.stride, t.mask
	n := t.nclass
	for _, h := range feats {
		fp := fingerprint(h)
		lo, hi := int16(uint16(fp)), int16(uint16(fp>>16))
		s := h & mask
		for {
			base := int(s) * stride
			a, b := slots[base], slots[base+1]
			if a == lo && b == hi {
				row := slots[base+2 : base+2+n]
				for c, v := range row {
					scores[c] += int32(v)
				}
				break
			}
			if a == 0 && b == 0 {
				break
			}
			s = (s + 1) & mask
		}
	}
}
