package syntax

import (
	"encoding/binary"
	"math"
	"sort"
)

// Features are 64-bit hashes of a template number and the values it combines. mix folds one
// more value into a hash; it is a multiply-xorshift step, cheap enough to run some two hundred
// times a word.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0xff51afd7ed558ccd
	return h ^ (h >> 32)
}

// tmpl starts the hash of template number t.
func tmpl(t int) uint64 { return tmplSeeds[t] }

var tmplSeeds = func() (s [512]uint64) {
	for i := range s {
		s[i] = mix(0x2545f4914f6cdd1d, uint64(i))
	}
	return s
}()

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

// table is a frozen weight table. Weights are quantised to int8 by scale (the sums of a few
// dozen features keep their order; the table shrinks fourfold, and how fast a model runs is how
// much of it the caches hold). slots is open addressing at most half full, each slot holding a
// 32-bit fingerprint of the feature hash above a 32-bit payload: up to four class weights
// inline (biased like rows), or the offset of the feature's row in rows. An absent feature, the common case, costs
// one probe of the slots alone.
type table struct {
	nclass int
	mask   uint64
	scale  float32
	slots  []uint64
	// rows holds each feature's weights plus 128, as bytes, padded to a multiple of eight so
	// that score adds eight classes at a time in the lanes of a uint64.
	rows []byte
}

// rowStride is the length of a row in rows.
func (t *table) rowStride() int { return (t.nclass + 7) &^ 7 }

func (t *table) inline() bool { return t.nclass <= 4 }

func fingerprint(h uint64) uint64 {
	fp := h >> 32
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
	const levels = 127
	scale := maxAbs / levels
	minQ := int(prune*levels + 0.5)
	q := func(v float32) int8 { return int8(math.Round(float64(v / scale))) }
	keep := make([]int, 0, len(keys))
	for i := range keys {
		big := 0
		for c := 0; c < nclass; c++ {
			if a := abs(int(q(w[i*nclass+c]))); a > big {
				big = a
			}
		}
		if big > minQ && big > 0 {
			keep = append(keep, i)
		}
	}
	size := 16
	// Linear probing stays within a cache line or two up to this load, and a smaller table
	// leaves more of the caches to the others.
	for size*5 < 7*len(keep) {
		size <<= 1
	}
	t := &table{nclass: nclass, mask: uint64(size - 1), scale: scale, slots: make([]uint64, size)}
	for _, i := range keep {
		h := keys[i]
		s := h & t.mask
		for t.slots[s] != 0 {
			s = (s + 1) & t.mask
		}
		var payload uint64
		if t.inline() {
			for c := 0; c < nclass; c++ {
				payload |= uint64(uint8(int(q(w[i*nclass+c]))+128)) << (8 * c)
			}
		} else {
			payload = uint64(len(t.rows))
			for c := 0; c < t.rowStride(); c++ {
				var x int8
				if c < nclass {
					x = q(w[i*nclass+c])
				}
				t.rows = append(t.rows, byte(int(x)+128))
			}
		}
		t.slots[s] = fingerprint(h)<<32 | payload
	}
	return t
}

// features is the number of features the table holds.
func (t *table) features() int {
	n := 0
	for _, v := range t.slots {
		if v != 0 {
			n++
		}
	}
	return n
}

// score adds the weights of the features to scores (len nclass), after zeroing it. The first
// pass only loads each feature's first slot: those loads do not depend on one another, so the
// processor overlaps their cache misses, where one loop would wait for each behind its
// branches. Rows are summed eight classes at a time, each byte into a 16-bit lane (128
// features of at most 255 fit), and the bias taken off at the end.
func (t *table) score(feats []uint64, scores []int32, buf *scoreBuf) {
	if t.inline() && len(scores) == 4 {
		t.scoreFour(feats, scores, buf)
		return
	}
	for i := range scores {
		scores[i] = 0
	}
	slots, mask := t.slots, t.mask
	inline := t.inline()
	words := t.rowStride() / 8
	first, offs := &buf.first, &buf.offs
	var even, odd [8]uint64
	found := 0
	for len(feats) > 0 {
		chunk := feats
		if len(chunk) > len(first) {
			chunk = chunk[:len(first)]
		}
		feats = feats[len(chunk):]
		for k, h := range chunk {
			first[k] = slots[h&mask]
		}
		nrows := 0
		for k, h := range chunk {
			v := first[k]
			if v == 0 {
				continue
			}
			fp := fingerprint(h)
			s := h & mask
			for v>>32 != fp {
				s = (s + 1) & mask
				v = slots[s]
				if v == 0 {
					break
				}
			}
			if v == 0 {
				continue
			}
			if inline {
				even[0] += v & 0x00ff00ff
				odd[0] += (v >> 8) & 0x00ff00ff
				nrows++
				continue
			}
			offs[nrows] = int32(uint32(v))
			nrows++
		}
		if inline {
			found += nrows
			if found > 120 {
				t.flush(scores, &even, &odd, found)
				found = 0
			}
			continue
		}
		found += nrows
		t.addRows(offs[:nrows], &even, &odd, words)
		if found > 120 {
			t.flush(scores, &even, &odd, found)
			found = 0
		}
	}
	if found > 0 {
		t.flush(scores, &even, &odd, found)
	}
}

// addRows adds the rows at offs (at most 120 of them) to the lanes of even and odd. Rows of 24
// and 32 classes, the tagger's and the labellers', are added by straight code that keeps the
// lanes in registers.
func (t *table) addRows(offs []int32, even, odd *[8]uint64, words int) {
	const m = 0x00ff00ff00ff00ff
	rows := t.rows
	le := binary.LittleEndian
	switch words {
	case 3:
		e0, e1, e2, o0, o1, o2 := even[0], even[1], even[2], odd[0], odd[1], odd[2]
		for _, off := range offs {
			r := rows[off : off+24 : off+24]
			v0, v1, v2 := le.Uint64(r[0:8]), le.Uint64(r[8:16]), le.Uint64(r[16:24])
			e0 += v0 & m
			o0 += v0 >> 8 & m
			e1 += v1 & m
			o1 += v1 >> 8 & m
			e2 += v2 & m
			o2 += v2 >> 8 & m
		}
		even[0], even[1], even[2], odd[0], odd[1], odd[2] = e0, e1, e2, o0, o1, o2
	case 4:
		e0, e1, e2, e3, o0, o1, o2, o3 := even[0], even[1], even[2], even[3], odd[0], odd[1], odd[2], odd[3]
		for _, off := range offs {
			r := rows[off : off+32 : off+32]
			v0, v1, v2, v3 := le.Uint64(r[0:8]), le.Uint64(r[8:16]), le.Uint64(r[16:24]), le.Uint64(r[24:32])
			e0 += v0 & m
			o0 += v0 >> 8 & m
			e1 += v1 & m
			o1 += v1 >> 8 & m
			e2 += v2 & m
			o2 += v2 >> 8 & m
			e3 += v3 & m
			o3 += v3 >> 8 & m
		}
		even[0], even[1], even[2], even[3], odd[0], odd[1], odd[2], odd[3] = e0, e1, e2, e3, o0, o1, o2, o3
	default:
		for _, off := range offs {
			r := rows[off : int(off)+8*words]
			for j := 0; j < words; j++ {
				v := le.Uint64(r[8*j:])
				even[j] += v & m
				odd[j] += (v >> 8) & m
			}
		}
	}
}

// scoreFour is score for a table of four classes (the transitions), whose weights are in the
// slots: the sums stay in two registers.
func (t *table) scoreFour(feats []uint64, scores []int32, buf *scoreBuf) {
	slots, mask := t.slots, t.mask
	first := &buf.first
	var even, odd uint64
	var sum [4]int32
	found := 0
	for len(feats) > 0 {
		chunk := feats
		if len(chunk) > len(first) {
			chunk = chunk[:len(first)]
		}
		feats = feats[len(chunk):]
		for k, h := range chunk {
			first[k] = slots[h&mask]
		}
		for k, h := range chunk {
			v := first[k]
			if v == 0 {
				continue
			}
			fp := fingerprint(h)
			if v>>32 != fp {
				s := h & mask
				for {
					s = (s + 1) & mask
					v = slots[s]
					if v == 0 || v>>32 == fp {
						break
					}
				}
				if v == 0 {
					continue
				}
			}
			even += v & 0x00ff00ff
			odd += (v >> 8) & 0x00ff00ff
			found++
		}
		// 128 features of at most 255 fit a 16-bit lane.
		bias := int32(128 * found)
		sum[0] += int32(uint16(even)) - bias
		sum[1] += int32(uint16(odd)) - bias
		sum[2] += int32(uint16(even>>16)) - bias
		sum[3] += int32(uint16(odd>>16)) - bias
		even, odd, found = 0, 0, 0
	}
	scores[0], scores[1], scores[2], scores[3] = sum[0], sum[1], sum[2], sum[3]
}

// scoreBuf is score's working memory, kept by the caller so that it is not cleared on every
// call.
type scoreBuf struct {
	first [128]uint64
	offs  [128]int32
}

// flush adds the lanes of even and odd, less the bias of found rows, to scores, and clears
// them.
func (t *table) flush(scores []int32, even, odd *[8]uint64, found int) {
	bias := int32(128 * found)
	n := len(scores)
	if n%8 == 0 && n <= 64 {
		// Whole words of lanes (the labellers' 32 classes): no test per class.
		for j := 0; j < n/8; j++ {
			e, o := even[j], odd[j]
			sc := scores[8*j : 8*j+8 : 8*j+8]
			sc[0] += int32(uint16(e)) - bias
			sc[1] += int32(uint16(o)) - bias
			sc[2] += int32(uint16(e>>16)) - bias
			sc[3] += int32(uint16(o>>16)) - bias
			sc[4] += int32(uint16(e>>32)) - bias
			sc[5] += int32(uint16(o>>32)) - bias
			sc[6] += int32(uint16(e>>48)) - bias
			sc[7] += int32(uint16(o>>48)) - bias
		}
		*even, *odd = [8]uint64{}, [8]uint64{}
		return
	}
	for j := 0; 8*j < n; j++ {
		e, o := even[j], odd[j]
		for l := 0; l < 4; l++ {
			c := 8*j + 2*l
			if c < n {
				scores[c] += int32(uint16(e>>(16*l))) - bias
			}
			if c+1 < n {
				scores[c+1] += int32(uint16(o>>(16*l))) - bias
			}
		}
	}
	*even, *odd = [8]uint64{}, [8]uint64{}
}
