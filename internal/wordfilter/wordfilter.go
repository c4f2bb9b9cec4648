// Package wordfilter is a Bloom filter of words: a set that answers "certainly not" or
// "maybe". Put in front of a large map that most lookups miss (a lexicon asked about every
// token of a text), it answers the misses from a bit array small enough to stay in cache,
// without hashing into the map and comparing keys.
package wordfilter

import "hash/maphash"

// bitsPerWord sizes a filter: with two bits set a word, about 1% of the words never added
// get through.
const bitsPerWord = 20

// Filter is a Bloom filter of words. Add must not run concurrently with anything; once
// filled, a Filter may serve any number of goroutines.
type Filter struct {
	bits []uint64
	mask uint64
	seed maphash.Seed
}

// New returns an empty filter sized for about n words.
func New(n int) *Filter {
	size := uint64(1024)
	for size < uint64(n)*bitsPerWord {
		size *= 2
	}
	return &Filter{bits: make([]uint64, size/64), mask: size - 1, seed: maphash.MakeSeed()}
}

func (f *Filter) positions(w string) (uint64, uint64) {
	h := maphash.String(f.seed, w)
	return h & f.mask, h >> 32 & f.mask
}

// Add puts w in the filter.
func (f *Filter) Add(w string) {
	a, b := f.positions(w)
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

// MayHave reports whether w may have been added; false means it certainly was not.
func (f *Filter) MayHave(w string) bool {
	a, b := f.positions(w)
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
