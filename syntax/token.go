package syntax

import (
	"math/bits"
	"unicode/utf8"
)

// tokenInfo is everything the tagger and the parser read of one word, computed once per word.
type tokenInfo struct {
	word, low    uint64 // hashes of the normalised form and of its lower case
	shape, flags uint64
	pre          [2]uint64 // hashes of the first 1-2 letters of the lower-case form
	suf          [4]uint64 // hashes of the last 1-4
	c4, c6, c10  uint64    // Brown cluster prefixes of 4, 6 and 10 bits, and the whole path
	cfull        uint64
	amb          uint64 // ambiguity class from the training tags
	wn           uint64 // WordNet classes
	end          uint64 // ending class for the parser: -ing, -ed, -s, other
	caps         uint64 // case profile and frequency in unlabelled text
	sure         uint8  // lexEntry.sure
	lexRow       int32  // lexEntry.row
}

// sentinel values for positions outside the sentence.
const (
	atomNone  = 0x5bd1e995
	atomStart = 0x1b873593
	atomEnd   = 0xcc9e2d51
)

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func clusterPrefix(c uint32, k int) uint64 {
	if c == 0 {
		return atomNone
	}
	l := bits.Len32(c) - 1
	if l > k {
		c >>= uint(l - k)
	}
	return uint64(c) + 1<<40
}

// scratch is the per-call working memory of Parse, so that analysing a sentence allocates
// nothing once the buffers have grown.
type scratch struct {
	norm, low []byte
	toks      []tokenInfo
	feats     []uint64
	scores    []int32
	state     parseState
	buf       scoreBuf
	// s0Scores are the s0Feats scores of each word as the stack top, valid where s0OK is.
	s0Scores [][numActs]int32
	s0OK     []bool
}

// appendNorm appends the normalised form of w (see normalize) to dst.
func appendNorm(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < 0x80 {
			switch {
			case c >= '0' && c <= '9':
				dst = append(dst, '0')
			case c == '`':
				dst = append(dst, '\'')
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch r {
		case '“', '”', '„', '‟', '«', '»', '″':
			dst = append(dst, '"')
		case '‘', '’', '‚', '‛', '′':
			dst = append(dst, '\'')
		case '–', '—', '―', '‒':
			dst = append(dst, "—"...)
		case '…':
			dst = append(dst, "..."...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	switch string(dst) {
	case "''", "\"\"", "''\"":
		dst = append(dst[:0], '"')
	case "--":
		dst = append(dst[:0], "—"...)
	}
	return dst
}

// appendLower appends the lower case of b to dst (ASCII fast path).
func appendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		dst = utf8.AppendRune(dst, toLowerRune(r))
	}
	return dst
}

// info computes the token information of every word into s.toks.
func (m *Model) info(s *scratch, words []string) []tokenInfo {
	if cap(s.toks) < len(words) {
		s.toks = make([]tokenInfo, len(words), 2*len(words))
	}
	toks := s.toks[:len(words)]
	for i, w := range words {
		s.norm = appendNorm(s.norm[:0], w)
		s.low = appendLower(s.low[:0], s.norm)
		t := &toks[i]
		t.word = hashBytes(s.norm)
		t.low = hashBytes(s.low)
		e := m.lookup(s.norm, s.low, t.word, t.low)
		t.amb = uint64(e.amb) + 1<<40
		t.sure = e.sure
		t.lexRow = e.row
		t.wn = uint64(e.wn&^wnChecked) + 1<<41
		t.c4 = clusterPrefix(e.cluster, 4)
		t.c6 = clusterPrefix(e.cluster, 6)
		t.c10 = clusterPrefix(e.cluster, 10)
		t.cfull = clusterPrefix(e.cluster, 32)
		t.shape, t.flags = shapeFlags(s.norm)
		t.caps = uint64(e.caps) | uint64(e.freq)<<8 | 1<<42
		for k := 0; k < 2; k++ {
			t.pre[k] = hashBytes(prefixBytes(s.low, k+1))
		}
		for k := 0; k < 4; k++ {
			t.suf[k] = hashBytes(suffixBytes(s.low, k+1)) ^ 0x77
		}
		t.end = endingClass(s.low)
	}
	return toks
}

func prefixBytes(b []byte, n int) []byte {
	i := 0
	for k := 0; k < n && i < len(b); k++ {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return b[:i]
}

func suffixBytes(b []byte, n int) []byte {
	i := len(b)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRune(b[:i])
		i -= size
	}
	return b[i:]
}

// endingClass sorts a word by the inflectional ending that tells verb forms apart (the
// tagger's UPOS says VERB for "said", "saying" and "says" alike).
func endingClass(low []byte) uint64 {
	n := len(low)
	switch {
	case n > 4 && string(low[n-3:]) == "ing":
		return 1
	case n > 3 && string(low[n-2:]) == "ed":
		return 2
	case n > 3 && string(low[n-2:]) == "en":
		return 3
	case n > 2 && low[n-1] == 's' && low[n-2] != 's':
		return 4
	}
	return 5
}
