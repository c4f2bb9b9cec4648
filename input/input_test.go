package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// result is an Item flattened for comparison. Err is matched as a substring of the error's text.
type result struct {
	Source, Format, Text, Raw string
	Title, URL, Published     string
	Code, Err                 string
}

func flatten(it Item) result {
	if it.Err != nil {
		return result{Code: parley.ErrorCode(it.Err), Err: it.Err.Error()}
	}
	d := it.Doc
	return result{Source: d.Source, Format: d.Format, Text: d.Text, Raw: string(d.Raw),
		Title: d.Title, URL: d.URL, Published: d.Published}
}

// collect runs Read and returns what it emitted, checking the invariants every item must keep.
func collect(t *testing.T, args []string, opt Options) []result {
	t.Helper()
	var got []result
	err := Read(context.Background(), args, opt, func(it Item) error {
		if it.Seq != len(got) {
			t.Errorf("item %d has Seq %d", len(got), it.Seq)
		}
		if (it.Doc == nil) == (it.Err == nil) {
			t.Errorf("item %d: Doc %v, Err %v: want exactly one", it.Seq, it.Doc, it.Err)
		}
		if it.Err != nil {
			var pe *parley.Error
			if !errors.As(it.Err, &pe) {
				t.Errorf("item %d: error %T is not a *parley.Error", it.Seq, it.Err)
			}
		} else if it.Doc.ID != "" {
			t.Errorf("item %d: ID set to %q", it.Seq, it.Doc.ID)
		}
		got = append(got, flatten(it))
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return got
}

func compare(t *testing.T, got, want []result) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("item %d missing, want %+v", i, want[i])
		case i >= len(want):
			t.Errorf("unexpected item %d: %+v", i, got[i])
		default:
			g, w := got[i], want[i]
			if w.Err != "" && strings.Contains(g.Err, w.Err) {
				g.Err = w.Err
			}
			if g != w {
				t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
	}
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeTree makes the files under dir, creating folders as needed.
func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func text(src, s string) result    { return result{Source: src, Format: parley.FormatText, Text: s} }
func html(src, s string) result    { return result{Source: src, Format: parley.FormatHTML, Raw: s} }
func fail(code, msg string) result { return result{Code: code, Err: msg} }

const page = "<!DOCTYPE html><html><body><p>Bee</p></body></html>"

func TestReadFolder(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string][]byte{
		"corpus/a.txt":              []byte("Alpha text."),
		"corpus/b.html":             []byte(page),
		"corpus/c.txt.gz":           gz(t, []byte("Gamma, gzipped.")),
		"corpus/d.htm.gz":           gz(t, []byte(page)),
		"corpus/e.txt":              gz(t, []byte("Gzipped without saying so.")),
		"corpus/.hidden.txt":        []byte("hidden"),
		"corpus/.git/x.txt":         []byte("hidden folder"),
		"corpus/notes.ann":          []byte("T1\tSource 0 5\tAlpha"),
		"corpus/meta.json":          []byte(`{"a":1}`),
		"corpus/img.png":            []byte("\x89PNG\r\n\x1a\n\x00\x00"),
		"corpus/README":             []byte("read me"),
		"corpus/sub/Z.TXT":          []byte("Upper-case extension."),
		"corpus/sub/deeper/g.htm":   []byte("<html><p>Deep</p></html>"),
		"corpus/sub/deeper/h.jsonl": []byte(`{"id":"h1","text":"From JSONL."}` + "\n"),
		"corpus/w.txt":              []byte("caf\xe9 cr\xe8me"),
		"corpus/x-bin.txt":          []byte("abc\x00\x01\x02"),
		"corpus/y-empty.txt":        []byte(" \n"),
	})
	dir := filepath.Join(root, "corpus")
	got := collect(t, []string{dir}, Options{})
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	compare(t, got, []result{
		text(p("a.txt"), "Alpha text."),
		html(p("b.html"), page),
		text(p("c.txt.gz"), "Gamma, gzipped."),
		html(p("d.htm.gz"), page),
		text(p("e.txt"), "Gzipped without saying so."),
		text(p("sub/Z.TXT"), "Upper-case extension."),
		html(p("sub/deeper/g.htm"), "<html><p>Deep</p></html>"),
		text("h1", "From JSONL."),
		text(p("w.txt"), "café crème"),
		fail(parley.EINVALID, p("x-bin.txt")+": binary data"),
		fail(parley.EINVALID, p("y-empty.txt")+": empty document"),
	})
}

// TestReadFolderSourceAsGiven checks that a source keeps the folder argument as typed.
func TestReadFolderSourceAsGiven(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string][]byte{"dir/sub/a.txt": []byte("A.")})
	t.Chdir(root)
	compare(t, collect(t, []string{"dir"}, Options{}), []result{text("dir/sub/a.txt", "A.")})
	compare(t, collect(t, []string{"dir/sub/a.txt"}, Options{}), []result{text("dir/sub/a.txt", "A.")})
}

func TestReadFolderLinks(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string][]byte{"other/o.txt": []byte("Linked."), "dir/a.txt": []byte("A.")})
	dir := filepath.Join(root, "dir")
	if err := os.Symlink(filepath.Join(root, "other", "o.txt"), filepath.Join(dir, "b.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink(filepath.Join(root, "other"), filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "nowhere.txt"), filepath.Join(dir, "c.txt")); err != nil {
		t.Fatal(err)
	}
	compare(t, collect(t, []string{dir}, Options{}), []result{
		text(filepath.Join(dir, "a.txt"), "A."),
		text(filepath.Join(dir, "b.txt"), "Linked."),
		fail(parley.ENOTFOUND, filepath.Join(dir, "c.txt")+": no such file or directory"),
	})
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	writeTree(t, dir, map[string][]byte{
		"plain":          []byte("No extension, plain text."),
		"page":           []byte("\n  " + page),
		"data.json":      []byte(`{"given": "explicitly"}`),
		"angle.txt":      []byte("<Reuters> said on Monday"),
		"angle":          []byte("<Reuters> said on Monday"),
		"le.txt":         utf16Bytes("Grüße aus Köln", binary.LittleEndian),
		"be.txt":         utf16Bytes("Grüße aus Köln", binary.BigEndian),
		"u16.html":       utf16Bytes("<p>Hi</p>", binary.LittleEndian),
		"empty.html":     nil,
		"bin.html":       []byte("<html>\x00\x00\x00\x00"),
		"broken.txt.gz":  gz(t, []byte("Truncated gzip stream, long enough to be cut."))[:20],
		"damaged.txt":    []byte("Grüße \xff und schön"),
		"latin1.txt":     []byte("Stra\xdfe"),
		"bom.txt":        []byte("\xEF\xBB\xBFWith a BOM."),
		"crlf.txt":       []byte("Line one.\r\nLine two.\r\n"),
		"notgzip.txt.gz": []byte("Named .gz but plain."),
	})
	args := []string{
		p("plain"), p("page"), p("data.json"), p("angle.txt"), p("angle"), p("le.txt"), p("be.txt"),
		p("u16.html"), p("empty.html"), p("bin.html"), p("missing.txt"), p("broken.txt.gz"),
		p("damaged.txt"), p("latin1.txt"), p("bom.txt"), p("crlf.txt"), p("notgzip.txt.gz"),
	}
	compare(t, collect(t, args, Options{}), []result{
		text(p("plain"), "No extension, plain text."),
		html(p("page"), "\n  "+page),
		text(p("data.json"), `{"given": "explicitly"}`),
		text(p("angle.txt"), "<Reuters> said on Monday"),
		text(p("angle"), "<Reuters> said on Monday"),
		text(p("le.txt"), "Grüße aus Köln"),
		text(p("be.txt"), "Grüße aus Köln"),
		html(p("u16.html"), string(utf16Bytes("<p>Hi</p>", binary.LittleEndian))),
		fail(parley.EINVALID, p("empty.html")+": empty document"),
		fail(parley.EINVALID, p("bin.html")+": binary data"),
		fail(parley.ENOTFOUND, p("missing.txt")+": no such file or directory"),
		fail(parley.EINVALID, p("broken.txt.gz")+": read: unexpected EOF"),
		text(p("damaged.txt"), "Grüße \uFFFD und schön"),
		text(p("latin1.txt"), "Straße"),
		text(p("bom.txt"), "With a BOM."),
		text(p("crlf.txt"), "Line one.\r\nLine two.\r\n"),
		text(p("notgzip.txt.gz"), "Named .gz but plain."),
	})
}

func TestReadTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	big := bytes.Repeat([]byte("word "), 100) // 500 bytes
	writeTree(t, dir, map[string][]byte{
		"big.txt":    big,
		"big.txt.gz": gz(t, big), // small on disk, large once inflated
		"big.html":   append([]byte("<p>"), big...),
		"fits.txt":   big[:100],
	})
	opt := Options{MaxDocumentBytes: 100, Stdin: bytes.NewReader(big)}
	got := collect(t, []string{p("big.txt"), p("big.txt.gz"), p("big.html"), p("fits.txt"), "-"}, opt)
	compare(t, got, []result{
		fail(parley.EINVALID, p("big.txt")+": larger than 100 bytes"),
		fail(parley.EINVALID, p("big.txt.gz")+": larger than 100 bytes"),
		fail(parley.EINVALID, p("big.html")+": larger than 100 bytes"),
		text(p("fits.txt"), string(big[:100])),
		fail(parley.EINVALID, "-: larger than 100 bytes"),
	})
}

func TestReadJSONL(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "in.jsonl")
	lines := []string{
		`{"id":"a1","text":"First.","title":"T","url":"https://example.com/a","published":"2025-03-01"}`,
		`{"id":"a2","html":"<p>Second</p>"}`,
		`{"text":"Third, nameless."}`,
		``,
		`   `,
		`{"id":42,"text":"Numbered."}`,
		`{"id":"bad" "text":"x"}`,
		`{"id":"a3"}`,
		`[1,2]`,
		`null`,
		`{"id":"a4","text":17}`,
		`{"id":{"x":1},"text":"x"}`,
		`{"id":"a5","text":"   "}`,
		`{"id":"a6","text":"nul \u0000 in text"}`,
		`{"id":"a7","text":"","html":"<p>Falls back to html</p>"}`,
		`{"id":"a8","text":"Text wins.","html":"<p>html</p>"}`,
		`{"id":"a9","text":"Published as given.","published":"Mon, 3 Mar 2025","title":null}`,
		`{"id":"a10","text":"Trailing"} junk`,
		`{"id":"a11","html":""}`,
		`{"id":"a12","text":"Windows line end."}` + "\r",
		`{"id":"a14","text":"A date that is none.","published":"2025-13-45"}`,
		`{"id":"a13","text":"No final newline."}`,
	}
	writeTree(t, dir, map[string][]byte{
		"in.jsonl":        []byte("\xEF\xBB\xBF" + strings.Join(lines, "\n")),
		"z.ndjson.gz":     gz(t, []byte(`{"id":"z","text":"Zipped."}`+"\n")),
		"truncated.jsonl": gz(t, []byte(`{"id":"t1","text":"One."}`+"\n"+strings.Repeat(`{"id":"t","text":"More."}`+"\n", 200)))[:60],
	})
	loc := func(n int) string { return fmt.Sprintf("%s:%d", f, n) }
	got := collect(t, []string{f, filepath.Join(dir, "z.ndjson.gz"), filepath.Join(dir, "truncated.jsonl")}, Options{})
	compare(t, got, []result{
		{Source: "https://example.com/a", Format: "text", Text: "First.", Title: "T", URL: "https://example.com/a", Published: "2025-03-01"},
		html("a2", "<p>Second</p>"),
		text(loc(3), "Third, nameless."),
		text("42", "Numbered."),
		fail(parley.EINVALID, loc(7)+": not a JSON object: invalid character '\"' after object key:value pair"),
		fail(parley.EINVALID, loc(8)+`: no "text" or "html" field`),
		fail(parley.EINVALID, loc(9)+": not a JSON object: starts with '['"),
		fail(parley.EINVALID, loc(10)+": not a JSON object: starts with 'n'"),
		fail(parley.EINVALID, loc(11)+`: field "text" is a JSON number, not a string`),
		fail(parley.EINVALID, loc(12)+`: field "id" is not a string or number`),
		fail(parley.EINVALID, loc(13)+": empty document"),
		fail(parley.EINVALID, loc(14)+": binary data"),
		html("a7", "<p>Falls back to html</p>"),
		text("a8", "Text wins."),
		{Source: "a9", Format: "text", Text: "Published as given.", Published: "2025-03-03"},
		fail(parley.EINVALID, loc(18)+": not a JSON object: invalid character 'j' after top-level value"),
		fail(parley.EINVALID, loc(19)+": empty document"),
		text("a12", "Windows line end."),
		fail(parley.EINVALID, loc(21)+`: field "published" is "2025-13-45", not a date (YYYY-MM-DD, RFC 3339 or a date such as "Mon, 3 Mar 2025")`),
		text("a13", "No final newline."),
		text("z", "Zipped."),
		text("t1", "One."),
		fail(parley.EINVALID, filepath.Join(dir, "truncated.jsonl")+":"),
	})
	if last := got[len(got)-1].Err; !strings.Contains(last, "read: unexpected EOF") {
		t.Errorf("truncated gzip JSONL: %q", last)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []result
	}{
		{"text", []byte("Plain words."), []result{text("-", "Plain words.")}},
		{"html", []byte("<!doctype html><title>x</title><p>Hi"), []result{html("-", "<!doctype html><title>x</title><p>Hi")}},
		{"html body", []byte("\n<div><body>Hi</body></div>"), []result{html("-", "\n<div><body>Hi</body></div>")}},
		{"angle text", []byte("<Reuters> Kyiv said."), []result{text("-", "<Reuters> Kyiv said.")}},
		{"jsonl", []byte("\n\n  {\"id\":\"s1\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n"),
			[]result{text("s1", "One."), text("-:4", "Two.")}},
		{"jsonl with bom", []byte("\xEF\xBB\xBF{\"id\":\"s1\",\"text\":\"One.\"}"), []result{text("s1", "One.")}},
		{"gzip jsonl", gz(t, []byte(`{"id":"g","text":"Zipped."}`)), []result{text("g", "Zipped.")}},
		{"gzip text", gz(t, []byte("Zipped text.")), []result{text("-", "Zipped text.")}},
		{"latin-1", []byte("na\xefve caf\xe9"), []result{text("-", "naïve café")}},
		{"utf-16", utf16Bytes("Grüße", binary.BigEndian), []result{text("-", "Grüße")}},
		{"empty", nil, []result{fail(parley.EINVALID, "-: empty document")}},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00"), []result{fail(parley.EINVALID, "-: binary data")}},
		{"long white space then text", append(bytes.Repeat([]byte(" "), 3*bufSize), "words"...),
			[]result{text("-", strings.Repeat(" ", 3*bufSize)+"words")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compare(t, collect(t, []string{"-"}, Options{Stdin: bytes.NewReader(tt.in)}), tt.want)
		})
	}
}

// lineSource generates a JSONL stream whose first line is n bytes long without holding it, then
// one good line.
type lineSource struct {
	n      int64 // bytes of the long line still to give
	tail   *strings.Reader
	onRead func() // called on every read, if set
}

func (s *lineSource) Read(p []byte) (int, error) {
	if s.onRead != nil {
		s.onRead()
	}
	if s.n > 0 {
		k := min(int64(len(p)), s.n)
		for i := range p[:k] {
			p[i] = 'x'
		}
		if s.n == k { // the line ends in a quote, as a real (too long) text field would
			p[k-1] = '"'
		}
		s.n -= k
		return int(k), nil
	}
	return s.tail.Read(p)
}

func TestReadLongLine(t *testing.T) {
	const lineBytes = 200 << 20
	if testing.Short() {
		t.Skip("reads a 200 MB line")
	}
	src := &lineSource{n: lineBytes, tail: strings.NewReader("\n" + `{"id":"after","text":"Still read."}` + "\n")}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := collect(t, []string{"-"}, Options{Stdin: io.MultiReader(strings.NewReader(`{"text":"`), src), MaxLineBytes: 1 << 20})
	runtime.ReadMemStats(&after)
	compare(t, got, []result{
		fail(parley.EINVALID, "-:1: line longer than 1048576 bytes"),
		text("after", "Still read."),
	})
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("a %d-byte line cost %d bytes of allocation", lineBytes, alloc)
	if alloc > 32<<20 {
		t.Errorf("reading a %d-byte line allocated %d bytes: it was buffered", lineBytes, alloc)
	}
}

func TestReadLineLimitEdge(t *testing.T) {
	const max = 64
	fits := `{"text":"` + strings.Repeat("a", max-11) + `"}` // exactly max bytes
	over := `{"text":"` + strings.Repeat("a", max-10) + `"}` // max+1 bytes
	if len(fits) != max || len(over) != max+1 {
		t.Fatal("bad test lines")
	}
	in := fits + "\r\n" + over + "\n" + fits + "\n" + over
	got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(in), MaxLineBytes: max})
	compare(t, got, []result{
		text("-:1", strings.Repeat("a", max-11)),
		fail(parley.EINVALID, "-:2: line longer than 64 bytes"),
		text("-:3", strings.Repeat("a", max-11)),
		fail(parley.EINVALID, "-:4: line longer than 64 bytes"),
	})
}

func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string][]byte{"a.txt": []byte("A."), "b.txt": []byte("B."), "c.txt": []byte("C.")})
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{dir}, Options{}, func(Item) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("emit error: Read = %v after %d items, want %v after 2", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{dir, dir}, Options{}, func(Item) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("cancelled: Read = %v after %d items, want context.Canceled after 1", err, n)
	}

	// Cancelling while a long line is skipped stops the skipping too.
	ctx, cancel = context.WithCancel(context.Background())
	src := &lineSource{n: 1 << 40, tail: strings.NewReader(""), onRead: cancel}
	err = Read(ctx, []string{"-"}, Options{Stdin: io.MultiReader(strings.NewReader("{"), src), MaxLineBytes: 10}, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before a 1 TB line: Read = %v", err)
	}
}

func TestReadUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any folder")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string][]byte{"a/x.txt": []byte("X."), "b/y.txt": []byte("Y.")})
	locked := filepath.Join(dir, "a")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	compare(t, collect(t, []string{dir}, Options{}), []result{
		fail(parley.EINVALID, locked+": permission denied"),
		text(filepath.Join(dir, "b", "y.txt"), "Y."),
	})
}

// FuzzReadStdin feeds arbitrary bytes to "-" with small limits: Read must not panic or fail, and
// every document must have valid UTF-8 text or non-empty HTML.
func FuzzReadStdin(f *testing.F) {
	for _, s := range []string{
		"plain", "<html><p>x</p></html>", `{"id":"a","text":"x"}` + "\n" + `{"html":"<p>y"}`,
		"{\n{\"text\":\"\\u0000\"}\n[", `{"id":1e3,"text":"x","url":null}`, "{" + strings.Repeat("a", 100),
		"caf\xe9", "\xff\xfeh\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		opt := Options{Stdin: bytes.NewReader(b), MaxDocumentBytes: 256, MaxLineBytes: 64}
		err := Read(context.Background(), []string{"-"}, opt, func(it Item) error {
			switch {
			case it.Err != nil:
				if c := parley.ErrorCode(it.Err); c != parley.EINVALID {
					t.Errorf("error %v has code %s", it.Err, c)
				}
			case it.Doc.Format == parley.FormatText:
				if !utf8.ValidString(it.Doc.Text) || strings.TrimSpace(it.Doc.Text) == "" {
					t.Errorf("bad text %q", it.Doc.Text)
				}
			case it.Doc.Format == parley.FormatHTML:
				if len(it.Doc.Raw) == 0 {
					t.Errorf("empty HTML")
				}
			default:
				t.Errorf("format %q", it.Doc.Format)
			}
			if it.Doc != nil && it.Doc.Source == "" {
				t.Errorf("document without source")
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
	})
}

func TestNormalDate(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"2025-08-19", "2025-08-19", true},
		{"2025-08-19T14:02:00+02:00", "2025-08-19T14:02:00+02:00", true},
		{"2025-08-19 14:02", "2025-08-19T14:02:00Z", true},
		{"Tue, 19 Aug 2025 14:02:00 GMT", "2025-08-19T14:02:00Z", true},
		{"19 August 2025", "2025-08-19", true},
		{"August 19, 2025", "2025-08-19", true},
		{"2025-13-45", "", false},
		{"2025-02-30", "", false},
		{"yesterday", "", false},
	} {
		got, ok := normalDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("normalDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
