package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"
)

// ContentID is a document's identity: a sha256 prefix of its text with white space folded and
// trimmed. The same article pasted with other line breaks or trailing blanks gets the same ID, so
// a second ingest of it stores nothing; any change to the words gives a new one.
func ContentID(text string) string {
	h := sha256.New()
	// The folded text goes to the hash in pieces of about 4 KB: runs of ASCII are copied
	// whole, and other runes as the range loop reads them, an invalid byte as U+FFFD.
	buf := make([]byte, 0, 4096+utf8.UTFMax)
	space := false
	wrote := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				space = wrote
				i++
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			j := i + 1
			for j < len(text) && j-i < 4096 && text[j] < utf8.RuneSelf && !asciiSpace(text[j]) {
				j++
			}
			buf = append(buf, text[i:j]...)
			i = j
		} else {
			r, w := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = wrote
				i += w
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			if r == utf8.RuneError && w == 1 {
				buf = utf8.AppendRune(buf, r)
			} else {
				buf = append(buf, text[i:i+w]...)
			}
			i += w
		}
		wrote = true
		if len(buf) >= 4096 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// asciiSpace reports whether c is one of the ASCII bytes unicode.IsSpace reports.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}
