package input

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, order binary.ByteOrder) []byte {
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...)
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  error // errBinary, errEmpty or nil
	}{
		{"ascii", []byte("Hello, world.\n"), "Hello, world.\n", nil},
		{"utf-8", []byte("Café – “quoted” 世界\n"), "Café – “quoted” 世界\n", nil},
		{"utf-8 bom stripped", []byte("\xEF\xBB\xBFKyiv said"), "Kyiv said", nil},
		{"form feed and crlf kept", []byte("page one\f\r\npage two"), "page one\f\r\npage two", nil},
		{"utf-16 le", utf16Bytes("Grüße, 世界 😀", binary.LittleEndian), "Grüße, 世界 😀", nil},
		{"utf-16 be", utf16Bytes("Grüße, 世界 😀", binary.BigEndian), "Grüße, 世界 😀", nil},
		{"utf-16 odd trailing byte", append(utf16Bytes("ab", binary.LittleEndian), 'c'), "ab\uFFFD", nil},
		{"utf-16 unpaired surrogate", append(utf16Bytes("ab", binary.LittleEndian), 0x00, 0xD8, 'c', 0), "ab\uFFFDc", nil},
		{"windows-1252", []byte("caf\xe9 \x93quoted\x94 \x80 5 \x96 6"), "café “quoted” € 5 – 6", nil},
		{"latin-1", []byte("Stra\xdfe, na\xefve Gar\xe7on \xa9"), "Straße, naïve Garçon ©", nil},
		{"one latin-1 letter", []byte("Bogot\xe1 mayor"), "Bogotá mayor", nil},
		{"damaged utf-8", []byte("Grüße \xff und schön, Zürich"), "Grüße \uFFFD und schön, Zürich", nil},
		{"truncated utf-8 at end", []byte("über straße café\xe2\x80"), "über straße café\uFFFD\uFFFD", nil},
		{"rare control kept", []byte("an escape \x1b in a long enough line of text"), "an escape \x1b in a long enough line of text", nil},
		{"nul", []byte("text\x00more text"), "", errBinary},
		{"png header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", errBinary},
		{"controls", []byte("a\x01b\x02c\x03d\x04e\x05f\x06g\x07h"), "", errBinary},
		{"utf-16 without bom", []byte("h\x00i\x00"), "", errBinary},
		{"utf-16 with nul char", utf16Bytes("a\x00b", binary.LittleEndian), "", errBinary},
		{"empty", nil, "", errEmpty},
		{"white space", []byte(" \n\t\r\n  "), "", errEmpty},
		{"bom only", []byte("\xEF\xBB\xBF"), "", errEmpty},
		{"bom and space", []byte("\xEF\xBB\xBF \n"), "", errEmpty},
		{"utf-16 bom only", []byte{0xFF, 0xFE}, "", errEmpty},
		{"utf-16 spaces", utf16Bytes("  \n", binary.BigEndian), "", errEmpty},
		{"unicode spaces", []byte("\u00a0\u2003\n"), "", errEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) || parley.ErrorCode(err) != parley.EINVALID {
					t.Fatalf("Decode(%q) error = %v, want %v", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestDecodeKeepsValidUTF8 checks that valid UTF-8 comes back byte for byte: offsets into
// Document.Text must match the file.
func TestDecodeKeepsValidUTF8(t *testing.T) {
	in := []byte(strings.Repeat("Zelensky met Trump in Riyadh — “a good meeting”, he said.\n", 1000))
	got, err := Decode(in)
	if err != nil || got != string(in) {
		t.Fatalf("Decode changed valid UTF-8 (err %v)", err)
	}
}

// TestCheckBinaryWords compares the eight-bytes-at-a-time scan with a byte-by-byte one.
func TestCheckBinaryWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("abc \n\t\r\f\x00\x01\x1f\x20\x7f\x80\xc3\xa9\xff")
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = byte('a' + rng.IntN(26))
			}
		}
		ascii, err := checkBinary(b)
		wantASCII, wantErr := finishBinary(b, 0, true, len(b))
		if ascii != wantASCII || err != wantErr {
			t.Fatalf("checkBinary(%q) = %v, %v; byte by byte %v, %v", b, ascii, err, wantASCII, wantErr)
		}
	}
}

func TestCheckRaw(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		err  error
	}{
		{"html", []byte("<html><body><p>Hi</p></body></html>"), nil},
		{"utf-16 html", utf16Bytes("<html><p>Hi</p></html>", binary.LittleEndian), nil},
		{"latin-1 html", []byte("<p>caf\xe9</p>"), nil},
		{"empty", []byte(""), errEmpty},
		{"blank", []byte("\xEF\xBB\xBF\n \n"), errEmpty},
		{"binary", []byte("<html>\x00\x00\x00\x01"), errBinary},
		// A few stray NULs in a long page: the extractor drops them and flags the page.
		{"stray nul", []byte("<html><body><p>" + strings.Repeat("Talks resumed. ", 200) + "\x00</p></body></html>"), nil},
	}
	for _, tt := range tests {
		if err := checkRaw(tt.in); err != tt.err {
			t.Errorf("%s: checkRaw = %v, want %v", tt.name, err, tt.err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "plain text", "Café", "caf\xe9", "\xEF\xBB\xBFbom", "\xff\xfeh\x00i\x00", "\xfe\xff\x00h\x00i",
		"\xff\xfe\x00\xd8", "\x00", "a\x01b\x02", "über\xe2\x80", " \n ",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		s, err := Decode(b)
		if !bytes.Equal(in, b) {
			t.Fatalf("Decode modified its input")
		}
		if err != nil {
			if parley.ErrorCode(err) != parley.EINVALID {
				t.Fatalf("Decode(%q) error %v is not EINVALID", b, err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) = %q: not valid UTF-8", b, s)
		}
		if strings.TrimSpace(s) == "" {
			t.Fatalf("Decode(%q) returned blank text without error", b)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, bomUTF8) && !bytes.HasPrefix(b, bomUTF16LE) &&
			!bytes.HasPrefix(b, bomUTF16BE) && s != string(b) {
			t.Fatalf("Decode(%q) = %q: valid UTF-8 not kept", b, s)
		}
	})
}

func benchmarkDecode(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeASCII(b *testing.B) {
	benchmarkDecode(b, bytes.Repeat([]byte("The minister said on Monday that talks would resume in Geneva.\n"), 16<<10))
}

func BenchmarkDecodeUTF8(b *testing.B) {
	benchmarkDecode(b, bytes.Repeat([]byte("Der Minister sagte am Montag, die Gespräche würden in Genf „bald“ fortgesetzt.\n"), 16<<10))
}

func BenchmarkDecodeWindows1252(b *testing.B) {
	benchmarkDecode(b, bytes.Repeat([]byte("Le ministre a d\xe9clar\xe9 lundi que les n\xe9gociations reprendraient \xe0 Gen\xe8ve.\n"), 16<<10))
}
