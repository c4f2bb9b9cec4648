package dedup

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/parleynews/parley"
)

// The hash scheme is part of the persisted format: the word hash (FNV-1a 64, then a SplitMix64
// finaliser), the way word hashes combine into shingle hashes, and the MinHash functions drawn
// from hashSeed. Signatures made with a different scheme would compare as unrelated without any
// error, so any change to them must bump formatVersion.
const (
	formatVersion = 1
	hashSeed      = 0x7061726c6579 // "parley"
	maxHashes     = 1024
	fnvOffset     = 14695981039346656037
	fnvPrime      = 1099511628211
	combinePrime  = 0x9e3779b97f4a7c15
)

// hashA and hashB define MinHash function i as x -> high 32 bits of hashA[i]*x + hashB[i] (mod
// 2^64), a multiply-add-shift family: one multiplication per shingle and function, no
// allocation. The shingle hash x is already well mixed, which is what the family needs.
var hashA, hashB = func() (a, b [maxHashes]uint64) {
	s := uint64(hashSeed)
	next := func() uint64 {
		s += 0x9e3779b97f4a7c15
		return mix64(s)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return a, b
}()

// mix64 is the SplitMix64 finaliser: every input bit affects every output bit.
func mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}

func hashWord(w []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range w {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix64(h)
}

// Signature is the compact fingerprint of a text: MinHash values of its set of word shingles,
// the size of that set (which containment needs and MinHash alone cannot give), the number of
// words and a hash of the whole normalised text. It is about 530 bytes for 128 hash functions
// and is meant to be stored beside the document, so the index can be rebuilt at start-up without
// reading the texts again. The zero Signature compares like the signature of an empty text.
type Signature struct {
	shingle uint8 // words per shingle it was made with
	docInfo
	mins []uint32 // nil when the text has fewer words than a shingle
}

// docInfo is what a signature holds besides its MinHash values; the index keeps it for every
// document.
type docInfo struct {
	words uint32 // words in the normalised text
	size  uint32 // distinct shingles
	exact uint64 // hash of the normalised text, for identical texts too short to shingle
}

// Words is the number of words of the normalised text.
func (s Signature) Words() int { return int(s.words) }

// Shingles is the number of distinct shingles of the text.
func (s Signature) Shingles() int { return int(s.size) }

// Sign computes the signature of text with the default options (DefaultOptions). Signatures are
// deterministic across processes and machines, so they can be persisted.
func Sign(text string) Signature {
	o := DefaultOptions()
	return sign(text, o.Shingle, o.Hashes)
}

// buffers holds the per-call scratch space of sign, so that signing allocates only the result.
type buffers struct {
	words    []uint64
	shingles []uint64
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

func sign(text string, shingle, k int) Signature {
	buf := bufPool.Get().(*buffers)
	defer bufPool.Put(buf)
	sig, sh := buf.shingle(text, shingle)
	sig.shingle = uint8(shingle)
	if len(sh) == 0 {
		return sig
	}
	sig.mins = make([]uint32, k)
	minHash(sig.mins, sh)
	return sig
}

// minHash sets mins[i] to the least value of hash function i over the shingles. Four functions
// go through the shingles at once, so each shingle is loaded once per four and the minima stay
// in registers; this loop is most of the cost of signing.
func minHash(mins []uint32, sh []uint64) {
	a, b := hashA[:len(mins)], hashB[:len(mins)]
	i := 0
	for ; i+4 <= len(mins); i += 4 {
		a0, a1, a2, a3 := a[i], a[i+1], a[i+2], a[i+3]
		b0, b1, b2, b3 := b[i], b[i+1], b[i+2], b[i+3]
		m0, m1, m2, m3 := uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32)
		for _, x := range sh {
			m0 = min(m0, uint32((a0*x+b0)>>32))
			m1 = min(m1, uint32((a1*x+b1)>>32))
			m2 = min(m2, uint32((a2*x+b2)>>32))
			m3 = min(m3, uint32((a3*x+b3)>>32))
		}
		mins[i], mins[i+1], mins[i+2], mins[i+3] = m0, m1, m2, m3
	}
	for ; i < len(mins); i++ {
		m := uint32(math.MaxUint32)
		for _, x := range sh {
			m = min(m, uint32((a[i]*x+b[i])>>32))
		}
		mins[i] = m
	}
}

// shingle hashes the words of text and returns a signature with its word count, text hash and
// shingle-set size filled in, and the sorted set of shingle hashes, which lives in buf.
func (buf *buffers) shingle(text string, shingle int) (Signature, []uint64) {
	words := buf.words[:0]
	eachWord(text, func(w []byte) { words = append(words, hashWord(w)) })
	buf.words = words

	var sig Signature
	sig.words = clampU32(len(words))
	h := uint64(len(words))
	for _, w := range words {
		h = (h ^ w) * combinePrime
	}
	sig.exact = mix64(h)
	if len(words) < shingle {
		return sig, nil
	}
	sh := buf.shingles[:0]
	for i := 0; i+shingle <= len(words); i++ {
		h := uint64(shingle)
		for _, w := range words[i : i+shingle] {
			h = h*combinePrime + w
		}
		sh = append(sh, mix64(h))
	}
	slices.Sort(sh)
	sh = slices.Compact(sh)
	buf.shingles = sh
	sig.size = clampU32(len(sh))
	return sig, sh
}

func clampU32(n int) uint32 {
	if n > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(n)
}

// Compare estimates how much two texts share from their signatures: jaccard is |A∩B|/|A∪B| and
// containment |A∩B|/min(|A|,|B|) over their shingle sets, so a copy that kept only some
// paragraphs of the original still has a containment near 1. Identical normalised texts give
// 1, 1 whatever their length; signatures made with other options compare as 0, 0.
func (s Signature) Compare(o Signature) (jaccard, contain float64) {
	if s.shingle != o.shingle && s.mins != nil && o.mins != nil {
		return 0, 0
	}
	return similarity(s.docInfo, s.mins, o.docInfo, o.mins)
}

func similarity(a docInfo, am []uint32, b docInfo, bm []uint32) (jaccard, contain float64) {
	if a == b {
		return 1, 1
	}
	if len(am) == 0 || len(am) != len(bm) {
		return 0, 0
	}
	j := float64(agree(am, bm)) / float64(len(am))
	return j, containment(j, a.size, b.size)
}

// agree counts the hash functions on which a and b (of equal length) have the same minimum.
func agree(a, b []uint32) int {
	b = b[:len(a)]
	n := 0
	for i, v := range a {
		if v == b[i] {
			n++
		}
	}
	return n
}

// containment turns a Jaccard estimate into a containment estimate using the set sizes:
// |A∩B| = J(|A|+|B|)/(1+J).
func containment(j float64, sa, sb uint32) float64 {
	small := min(sa, sb)
	if small == 0 || j <= 0 {
		return 0
	}
	inter := j * float64(uint64(sa)+uint64(sb)) / (1 + j)
	return min(inter/float64(small), 1)
}

// MarshalBinary encodes the signature: a format version byte, the shingle size, the word count,
// the shingle-set size, the hash count (uvarints), the text hash and the MinHash values
// (little-endian). It never fails.
func (s Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, 0, 2+3*binary.MaxVarintLen32+8+4*len(s.mins))
	out = append(out, formatVersion, s.shingle)
	out = binary.AppendUvarint(out, uint64(s.words))
	out = binary.AppendUvarint(out, uint64(s.size))
	out = binary.AppendUvarint(out, uint64(len(s.mins)))
	out = binary.LittleEndian.AppendUint64(out, s.exact)
	for _, v := range s.mins {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote. Data of another format version, truncated
// or inconsistent data is an EINVALID error and leaves s unchanged.
func (s *Signature) UnmarshalBinary(data []byte) error {
	bad := func(format string, args ...any) error {
		return &parley.Error{Code: parley.EINVALID, Message: "decode signature", Err: fmt.Errorf(format, args...)}
	}
	if len(data) < 2 {
		return bad("%d bytes: too short", len(data))
	}
	if data[0] != formatVersion {
		return bad("format version %d, want %d", data[0], formatVersion)
	}
	var out Signature
	out.shingle = data[1]
	rest := data[2:]
	var vals [3]uint64
	for i := range vals {
		v, n := binary.Uvarint(rest)
		// A varint with needless continuation bytes would decode to a signature that encodes
		// differently; accept only the canonical form.
		if n <= 0 || v > math.MaxUint32 || n != len(binary.AppendUvarint(nil, v)) {
			return bad("bad or truncated header")
		}
		vals[i] = v
		rest = rest[n:]
	}
	out.words, out.size = uint32(vals[0]), uint32(vals[1])
	k := vals[2]
	if k > maxHashes {
		return bad("%d hash values, at most %d", k, maxHashes)
	}
	if uint64(len(rest)) != 8+4*k {
		return bad("%d bytes of body, want %d", len(rest), 8+4*k)
	}
	if out.size > out.words {
		return bad("%d shingles for %d words", out.size, out.words)
	}
	if (k == 0) != (out.size == 0) {
		return bad("%d hash values for %d shingles", k, out.size)
	}
	if k > 0 && out.shingle == 0 {
		return bad("hash values of 0-word shingles")
	}
	out.exact = binary.LittleEndian.Uint64(rest)
	rest = rest[8:]
	if k > 0 {
		out.mins = make([]uint32, k)
		for i := range out.mins {
			out.mins[i] = binary.LittleEndian.Uint32(rest[4*i:])
		}
	}
	*s = out
	return nil
}
