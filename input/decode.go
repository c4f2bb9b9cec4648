package input

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/extract"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// errBinary and errEmpty are the two ways a document can be refused on its content alone.
// Callers wrap them with the input's name.
var (
	errBinary = parley.Errorf(parley.EINVALID, "binary data")
	errEmpty  = parley.Errorf(parley.EINVALID, "empty document")
)

// Decode turns the bytes of a plain-text document into UTF-8 text.
//
// A UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark (either order) is decoded;
// valid UTF-8 is kept byte for byte. Invalid UTF-8 is read as windows-1252 (which covers latin-1
// in everything but the C1 controls nobody writes) when most of its non-ASCII bytes fail to form
// UTF-8 sequences, since that is what a legacy single-byte file looks like; otherwise it is taken
// for UTF-8 with a few damaged bytes, and each invalid byte becomes U+FFFD.
//
// Binary data (a NUL byte, or more than one byte in twenty being a control character other than
// tab, newline, carriage return and form feed) and empty or whitespace-only input are refused with
// a *parley.Error of code EINVALID. The result is always valid UTF-8.
func Decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b)
	}
	if len(b) == 0 {
		return "", errEmpty
	}
	ascii, err := checkBinary(b)
	if err != nil {
		return "", err
	}
	var s string
	switch {
	case ascii || utf8.Valid(b):
		s = string(b)
	case looksSingleByte(b):
		out, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			// The windows-1252 decoder maps every byte, so this is unreachable; fall back rather
			// than fail a document over it.
			s = replaceInvalid(b)
		} else {
			s = string(out)
		}
	default:
		s = replaceInvalid(b)
	}
	if isBlank(s) {
		return "", errEmpty
	}
	return s, nil
}

// decodeUTF16 decodes UTF-16 that starts with its byte-order mark. Unpaired surrogates and an odd
// trailing byte become U+FFFD, so the result is valid UTF-8.
func decodeUTF16(b []byte) (string, error) {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return "", &parley.Error{Code: parley.EINVALID, Message: "bad UTF-16", Err: err}
	}
	if _, err := checkBinary(out); err != nil {
		return "", err
	}
	s := string(out)
	if isBlank(s) {
		return "", errEmpty
	}
	return s, nil
}

// checkRaw refuses raw bytes that cannot be a document (binary or blank) without decoding them:
// HTML keeps its bytes because its charset may be declared inside it.
func checkRaw(b []byte) error {
	if bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		// UTF-16 is full of NUL bytes; judge the decoded text instead.
		_, err := decodeUTF16(b)
		return err
	}
	b = bytes.TrimPrefix(b, bomUTF8)
	if n := bytes.Count(b, nul); n > 0 && n <= extract.MaxStrayNULs(len(b)) {
		// A few stray NUL bytes in a page saved or served badly: the extractor drops them and
		// flags the page; judge the rest.
		b = bytes.ReplaceAll(b, nul, nil)
	}
	if _, err := checkBinary(b); err != nil {
		return err
	}
	if isBlank(string(b)) {
		return errEmpty
	}
	return nil
}

var nul = []byte{0}

// checkText applies the binary and blank tests to text that is already a Go string (a JSONL
// field, which encoding/json has made valid UTF-8).
func checkText(s string) error {
	if err := checkString(s); err != nil {
		return err
	}
	if isBlank(s) {
		return errEmpty
	}
	return nil
}

const (
	hi8 = 0x8080808080808080
	lo8 = 0x0101010101010101
)

// checkBinary refuses b when it holds a NUL or too many control characters, and reports whether it
// is all ASCII. It is the one pass every document makes over its bytes, so it tests eight bytes at
// a time and only looks at single bytes in words that hold a control character.
func checkBinary(b []byte) (ascii bool, err error) {
	ascii = true
	controls := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// (w - 0x20…) & ^w & 0x80… is zero exactly when no byte of w is below 0x20 (the classic
		// "has less than" test); only then can the word be judged whole.
		if (w-0x20*lo8)&^w&hi8 == 0 {
			if w&hi8 != 0 {
				ascii = false
			}
			continue
		}
		for _, c := range b[i : i+8] {
			if c == 0 {
				return false, errBinary
			}
			controls, ascii = classify(c, controls, ascii)
		}
	}
	return finishBinary(b[i:], controls, ascii, len(b))
}

// checkString is checkBinary for text that is already a string.
func checkString(s string) error {
	_, err := finishBinary(s, 0, true, len(s))
	return err
}

// finishBinary classifies the bytes of rest one by one, adding to the counts of the part already
// seen, and judges the whole of total bytes.
func finishBinary[T string | []byte](rest T, controls int, ascii bool, total int) (bool, error) {
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c == 0 {
			return false, errBinary
		}
		controls, ascii = classify(c, controls, ascii)
	}
	if controls*20 > total {
		return false, errBinary
	}
	return ascii, nil
}

func classify(c byte, controls int, ascii bool) (int, bool) {
	switch {
	case c >= utf8.RuneSelf:
		ascii = false
	case c == '\t' || c == '\n' || c == '\r' || c == '\f':
	case c < 0x20:
		controls++
	}
	return controls, ascii
}

// looksSingleByte reports whether invalid UTF-8 is more likely a single-byte legacy encoding than
// damaged UTF-8: true when the bytes that fail to decode outnumber the multi-byte sequences that
// do. Legacy text has almost no valid sequences (a latin-1 letter is seldom followed by the exact
// continuation bytes UTF-8 wants); damaged UTF-8 has mostly valid ones and a few strays.
func looksSingleByte(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return invalid > valid
}

// replaceInvalid returns b as a string with each byte that is not part of a valid UTF-8 sequence
// replaced by U+FFFD, one for one, so no text is merged away.
func replaceInvalid(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[i : i+n])
		}
		i += n
	}
	return sb.String()
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
