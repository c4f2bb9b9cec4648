package record

import "unicode/utf8"

// runeIndex converts byte offsets of one text into code-point offsets. CONTRACT.md counts in
// code points (as brat and Python do) while Go slices strings by bytes; the conversion happens
// only here, at the edge, so that stages never have to think about it.
type runeIndex struct {
	ascii bool
	// at[i] is the code-point offset of byte offset i, for i in [0, len(text)]; nil when ascii.
	at []int32
}

func newRuneIndex(text string) runeIndex {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeIndex{ascii: true}
	}
	at := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			// A byte offset inside a multi-byte rune (which no stage should produce) maps to
			// the start of that rune, so a bad span still lands inside the text.
			at[i+k] = n
		}
		i += size
		n++
	}
	at[len(text)] = n
	return runeIndex{at: at}
}

// cp returns the code-point offset of byte offset b, clamped to the text.
func (r runeIndex) cp(b int) int {
	if b < 0 {
		return 0
	}
	if r.ascii {
		return b
	}
	if b >= len(r.at) {
		return int(r.at[len(r.at)-1])
	}
	return int(r.at[b])
}

// byteOffsets maps code-point offsets back to byte offsets of text; it is the inverse of
// runeIndex for reading records back into documents.
type byteOffsets []int

func newByteOffsets(text string) byteOffsets {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

func (b byteOffsets) at(cp int) int {
	if cp < 0 {
		return 0
	}
	if cp >= len(b) {
		return b[len(b)-1]
	}
	return b[cp]
}
