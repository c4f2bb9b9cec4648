package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// ContentID is a document's identity: a sha256 prefix of its text with white space folded and
// trimmed. The same article pasted with other line breaks or trailing blanks gets the same ID, so
// a second ingest of it stores nothing; any change to the words gives a new one.
func ContentID(text string) string {
	h := sha256.New()
	var b strings.Builder
	b.Grow(4096)
	space := false
	wrote := false
	flush := func() {
		h.Write([]byte(b.String()))
		b.Reset()
	}
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = wrote
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		wrote = true
		if b.Len() >= 4096 {
			flush()
		}
	}
	flush()
	return hex.EncodeToString(h.Sum(nil))[:16]
}
