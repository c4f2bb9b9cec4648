package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// lexEntry is what the model knows about one word form beyond its letters.
type lexEntry struct {
	// cluster is the word's Brown cluster as a bit string with a leading 1 (0: no cluster), so
	// that prefixes of several lengths are features of several granularities.
	cluster uint32
	// amb is the set of tags (bit per parley.POS) the word had in training at least twice, or
	// once for a word seen once: its ambiguity class.
	amb uint32
	// wn is the set of WordNet parts of speech of the word or its base form (wnNoun…).
	wn uint8
	// caps, on lower-case forms, is how often the word is capitalised inside a sentence in
	// unlabelled text (caseBucket), and freq how often it occurs at all (log scale): a
	// capitalised word that is usually written lower case is rarely a proper noun.
	caps, freq uint8
	// sure is the tag + 1 of a frequent word that had one tag in at least 99.5% of its
	// training occurrences ("the", ",", "of"); the tagger gives it that tag without scoring.
	sure uint8
	// row is 1 + the index of the word's summed word-feature scores in Model.wordScores, 0
	// for none; set when the model loads, not saved.
	row int32
}

const (
	wnNoun uint8 = 1 << iota
	wnVerb
	wnAdj
	wnAdv
	wnKnown   // set on entries that came from WordNet at all, so "no part of speech" differs from "absent"
	wnChecked // set on entries whose inflected forms were already looked up (see settle)
)

// lexicon maps normalised forms to entries.
type lexicon map[string]lexEntry

// normalize is appendNorm for a string.
func normalize(w string) string { return string(appendNorm(nil, w)) }

func toLowerRune(r rune) rune { return unicode.ToLower(r) }

// shapeFlags returns the hash of the word's shape (character classes, runs cut to two: "Obama"
// → "Xx", "U.S." → "X.X.", "1990s" → "dx") and a few cheap facts for unknown words.
func shapeFlags(w []byte) (shapeHash, flags uint64) {
	h := uint64(14695981039346656037)
	var last byte
	run, n := 0, 0
	letters, uppers := 0, 0
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRune(w[i:])
		}
		var c byte
		switch {
		case r < 0x80 && r >= 'A' && r <= 'Z', r >= 0x80 && unicode.IsUpper(r):
			c = 'X'
			letters++
			uppers++
			if i == 0 {
				flags |= flagUpperInitial
			}
		case r < 0x80 && r >= 'a' && r <= 'z', r >= 0x80 && unicode.IsLetter(r):
			c = 'x'
			letters++
		case r >= '0' && r <= '9':
			c = 'd'
			flags |= flagHasDigit
		case r < 0x80:
			c = byte(r)
			if r == '-' {
				flags |= flagHasHyphen
			} else if r == '.' {
				flags |= flagHasPeriod
			}
		default:
			c = '*'
		}
		i += size
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		if n < 12 {
			h ^= uint64(c)
			h *= 1099511628211
			n++
		}
	}
	if letters == 0 {
		flags |= flagNoLetter
	} else if uppers == letters && letters > 1 {
		flags |= flagAllUpper
	}
	return h, flags
}

// flags of a word, cheap facts for unknown words.
const (
	flagUpperInitial = 1 << iota
	flagAllUpper
	flagHasDigit
	flagHasHyphen
	flagHasPeriod
	flagNoLetter
)

// lookupBytes finds what the lexicon knows of a normalised form: its own entry, with the
// cluster and WordNet classes of its lower-case form where its own has none (a capitalised
// sentence-initial word shares its cluster with the plain word).
func (lx lexicon) lookupBytes(form, low []byte) lexEntry {
	e := lx[string(form)]
	if string(low) != string(form) {
		l := lx[string(low)]
		if e.cluster == 0 {
			e.cluster = l.cluster
		}
		if e.wn == 0 {
			e.wn = l.wn
		}
		e.caps, e.freq = l.caps, l.freq
	}
	if e.wn == 0 {
		e.wn = lx.wordnetGuess(low)
	}
	return e
}

// wordIndex is the lexicon again, keyed by the hash of the form (hashBytes) that info
// computes anyway, so that a word costs one probe of a flat table instead of hashing and
// comparing strings in a map.
type wordIndex struct {
	mask  uint64
	slots []indexSlot
}

type indexSlot struct {
	key uint64 // 0: empty
	e   lexEntry
}

// newWordIndex indexes lx, or returns nil if two of its words share a hash (or one hashes to
// 0), which the map keeps apart.
func newWordIndex(lx lexicon) *wordIndex {
	size := 16
	for size*7 < 10*len(lx) {
		size <<= 1
	}
	x := &wordIndex{mask: uint64(size - 1), slots: make([]indexSlot, size)}
	for w, e := range lx {
		h := hashBytes([]byte(w))
		if h == 0 {
			return nil
		}
		s := h & x.mask
		for x.slots[s].key != 0 {
			if x.slots[s].key == h {
				return nil
			}
			s = (s + 1) & x.mask
		}
		x.slots[s] = indexSlot{key: h, e: e}
	}
	return x
}

func (x *wordIndex) get(h uint64) lexEntry {
	for s := h & x.mask; ; s = (s + 1) & x.mask {
		sl := &x.slots[s]
		if sl.key == h {
			return sl.e
		}
		if sl.key == 0 {
			return lexEntry{}
		}
	}
}

// lookup is lexicon.lookupBytes through the index, given the hashes of form and low.
func (m *Model) lookup(form, low []byte, hForm, hLow uint64) lexEntry {
	x := m.index
	if x == nil {
		return m.lex.lookupBytes(form, low)
	}
	e := x.get(hForm)
	if string(low) != string(form) {
		l := x.get(hLow)
		if e.cluster == 0 {
			e.cluster = l.cluster
		}
		if e.wn == 0 {
			e.wn = l.wn
		}
		e.caps, e.freq = l.caps, l.freq
	}
	if e.wn == 0 {
		e.wn = m.lex.wordnetGuess(low)
	}
	return e
}

// settle gives every entry without WordNet classes those of its base form, once, so that
// tagging does not look the base forms up word by word.
func (lx lexicon) settle() {
	for w, e := range lx {
		if e.wn != 0 {
			continue
		}
		low := appendLower(nil, []byte(w))
		if l, ok := lx[string(low)]; ok && l.wn&^wnChecked != 0 {
			e.wn = l.wn | wnChecked
		} else {
			e.wn = lx.wordnetGuess(low) | wnChecked
		}
		lx[w] = e
	}
}

// wordnetGuess reads WordNet classes of an inflected form from its base: "ministries" →
// "ministry" (noun), "vetoed" → "veto" (verb), "bigger" → "big" (adjective).
func (lx lexicon) wordnetGuess(low []byte) uint8 {
	type rule struct {
		suffix, repl string
		keep         uint8
	}
	rules := [...]rule{
		{"ies", "y", wnNoun | wnVerb}, {"es", "", wnNoun | wnVerb}, {"s", "", wnNoun | wnVerb},
		{"ied", "y", wnVerb}, {"ed", "", wnVerb}, {"ed", "e", wnVerb}, {"ing", "", wnVerb}, {"ing", "e", wnVerb},
		{"er", "", wnAdj}, {"er", "e", wnAdj}, {"est", "", wnAdj}, {"est", "e", wnAdj},
	}
	var buf [64]byte
	if len(low) > len(buf)-4 {
		return 0
	}
	for _, r := range rules {
		if len(low) <= len(r.suffix)+2 || string(low[len(low)-len(r.suffix):]) != r.suffix {
			continue
		}
		base := append(append(buf[:0], low[:len(low)-len(r.suffix)]...), r.repl...)
		// Only WordNet's own entries are bases, not forms whose classes were guessed, so that
		// the guess does not depend on what was guessed before.
		if e, ok := lx[string(base)]; ok && e.wn&wnChecked == 0 && e.wn&r.keep != 0 {
			return e.wn&r.keep | wnKnown
		}
		// A doubled consonant: "stopped" → "stop", "bigger" → "big".
		if n := len(base); r.repl == "" && n > 2 && base[n-1] == base[n-2] {
			if e, ok := lx[string(base[:n-1])]; ok && e.wn&wnChecked == 0 && e.wn&r.keep != 0 {
				return e.wn&r.keep | wnKnown
			}
		}
	}
	return 0
}

// posBit is the ambiguity class bit of a tag.
func posBit(p parley.POS) uint32 { return 1 << uint(p) }

// caseBucket sorts the share of a word's occurrences inside sentences that are capitalised.
func caseBucket(capital, all int) uint8 {
	if all == 0 {
		return 0
	}
	r := float64(capital) / float64(all)
	switch {
	case r < 0.02:
		return 1
	case r < 0.2:
		return 2
	case r < 0.5:
		return 3
	case r < 0.8:
		return 4
	case r < 0.98:
		return 5
	}
	return 6
}

func freqBucket(n int) uint8 {
	b := uint8(1)
	for n > 1 && b < 12 {
		n >>= 1
		b++
	}
	return b
}

// CaseProfile counts, for every lower-case form of unlabelled sentences, how often it is
// written capitalised where capitals are not forced (not first in its sentence), as the tagger
// reads it: bucket of the capitalised share in the low byte, bucket of the frequency above.
func CaseProfile(sents [][]string) map[string]uint16 {
	type c struct{ capital, all, total int }
	counts := map[string]*c{}
	for _, s := range sents {
		for i, w := range s {
			f := normalize(w)
			low := string(appendLower(nil, []byte(f)))
			x := counts[low]
			if x == nil {
				x = &c{}
				counts[low] = x
			}
			x.total++
			if i == 0 || (i > 0 && (s[i-1] == "\"" || s[i-1] == "“" || s[i-1] == ":")) {
				continue
			}
			x.all++
			if low != f {
				x.capital++
			}
		}
	}
	out := make(map[string]uint16, len(counts))
	for w, x := range counts {
		out[w] = uint16(caseBucket(x.capital, x.all)) | uint16(freqBucket(x.total))<<8
	}
	return out
}
