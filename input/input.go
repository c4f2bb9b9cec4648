// Package input reads parley's inputs: it turns the paths on a command line into a stream of raw
// documents, each decoded to UTF-8 (plain text) or kept as bytes (HTML, whose charset the
// extractor reads), and reports every unreadable document as an error of its own so that one bad
// file never stops a run over thousands.
//
// An argument is one of:
//
//   - "-": standard input, sniffed: JSONL when its first non-space byte is '{', HTML when it starts
//     with '<' and shows an <html>, <head>, <body>, <p> or <!doctype html> tag early on, text
//     otherwise;
//   - a .jsonl or .ndjson file: one document a line, {"id", "text" or "html", "title"?, "url"?,
//     "published"?} ("text" wins when a line has both), read line by line so that its size does
//     not matter; blank lines are skipped;
//   - a .html or .htm file: an HTML document;
//   - a .txt or .text file: a plain-text document, refused when it is binary;
//   - a file with any other extension or none: HTML if it looks like HTML (as for standard
//     input), plain text otherwise;
//   - a folder: every file below it, in lexical order, whose name ends in .txt, .text, .html, .htm,
//     .jsonl or .ndjson, each optionally followed by .gz. Hidden files and folders (name starting
//     with '.') are skipped, and so is everything else (.ann, .json, .png, .pdf, .zip, README…),
//     because a corpus folder holds annotations and metadata next to its articles. Symbolic links
//     to files are followed, links to folders are not (they could loop).
//
// A document's Source is the path as given (for a file found in a folder, the folder argument
// joined with the file's path inside it), "-" for standard input, and for a JSONL line its "url",
// else its "id", else "PATH:LINE".
//
// Any file or standard input may be gzip-compressed; compression is recognised by its magic bytes,
// so a .gz name is neither needed nor trusted.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parleynews/parley"
)

// Defaults for the Options limits.
const (
	DefaultMaxDocumentBytes = 64 << 20
	DefaultMaxLineBytes     = 64 << 20
)

// Options tunes Read. The zero value is ready to use.
type Options struct {
	// MaxDocumentBytes caps one text or HTML document, after decompression (so a gzip bomb is
	// cut off too); 0 means DefaultMaxDocumentBytes.
	MaxDocumentBytes int64
	// MaxLineBytes caps one JSONL line, newline excluded; 0 means DefaultMaxLineBytes.
	MaxLineBytes int64
	// Stdin is what "-" reads; nil means os.Stdin.
	Stdin io.Reader
}

// Item is one document read, or the reason one could not be.
type Item struct {
	Doc *parley.Document // nil when Err is set
	Err error            // a *parley.Error whose message names the input
	Seq int              // 0, 1, 2… in the order items are emitted
}

// bufSize is the read buffer of files and standard input. It bounds the memory a JSONL file costs
// beyond its longest line, and how far standard input is looked into to sniff its format.
const bufSize = 64 << 10

// Read walks args in order and calls emit with each document found, or with an Item carrying the
// error that kept a document from being read (a missing path is ENOTFOUND, anything else
// EINVALID); reading then goes on with the next document. Read itself fails only when ctx is done
// or emit returns an error, and returns that error.
//
// Documents have Source, Format and either Text (plain text, decoded to UTF-8) or Raw (HTML) set;
// a JSONL line may add Title, URL and Published. ID is left for the caller to compute from the
// analysed text.
func Read(ctx context.Context, args []string, opt Options, emit func(Item) error) error {
	if opt.MaxDocumentBytes <= 0 {
		opt.MaxDocumentBytes = DefaultMaxDocumentBytes
	}
	if opt.MaxLineBytes <= 0 {
		opt.MaxLineBytes = DefaultMaxLineBytes
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	r := &reader{ctx: ctx, opt: opt, emit: emit}
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.arg(arg); err != nil {
			return err
		}
	}
	return nil
}

// reader carries the state of one Read call. Its methods return only fatal errors; a document's
// own error is emitted.
type reader struct {
	ctx  context.Context
	opt  Options
	emit func(Item) error
	seq  int
}

func (r *reader) send(doc *parley.Document, err error) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	it := Item{Doc: doc, Err: err, Seq: r.seq}
	r.seq++
	return r.emit(it)
}

// fail emits an EINVALID error for the input name.
func (r *reader) fail(name string, err error) error {
	return r.send(nil, invalid(name, err))
}

// invalid names the input in front of err, keeping err's code when it has one.
func invalid(name string, err error) *parley.Error {
	code := parley.EINVALID
	var pe *parley.Error
	if errors.As(err, &pe) {
		code = pe.Code
	}
	return &parley.Error{Code: code, Message: name, Err: err}
}

func (r *reader) arg(arg string) error {
	if arg == "-" {
		return r.stdin()
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return r.send(nil, pathError(arg, err))
	}
	if fi.IsDir() {
		return r.dir(arg)
	}
	return r.file(arg, fi)
}

// pathError turns a file-system error into a user-facing one that reads "PATH: what went wrong".
func pathError(name string, err error) *parley.Error {
	code := parley.EINVALID
	if errors.Is(err, fs.ErrNotExist) {
		code = parley.ENOTFOUND
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in front
	}
	return &parley.Error{Code: code, Message: name, Err: err}
}

func (r *reader) dir(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable folder is one more bad input, not the end of the walk.
			if serr := r.send(nil, pathError(path, err)); serr != nil {
				return serr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !accepted(d.Name()) {
			return nil
		}
		fi, err := os.Stat(path) // follows a symbolic link
		if err != nil {
			return r.send(nil, pathError(path, err))
		}
		if !fi.Mode().IsRegular() {
			return nil // a link to a folder (not followed: it could loop), a pipe, a device
		}
		return r.file(path, fi)
	})
}

// accepted reports whether a file met inside a folder is one of ours, by its name.
func accepted(name string) bool {
	switch kindOf(name) {
	case kindText, kindHTML, kindJSONL:
		return true
	}
	return false
}

type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
)

// kindOf tells an input's format from its name, a trailing .gz ignored.
func kindOf(name string) kind {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	}
	return kindUnknown
}

func (r *reader) file(path string, fi fs.FileInfo) error {
	k := kindOf(path)
	f, err := os.Open(path)
	if err != nil {
		return r.send(nil, pathError(path, err))
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, bufSize)
	zipped := isGzip(br)
	if k != kindJSONL && !zipped && fi.Mode().IsRegular() && fi.Size() > r.opt.MaxDocumentBytes {
		// Refuse before reading a byte of it.
		return r.fail(path, tooLarge(r.opt.MaxDocumentBytes))
	}
	var src io.Reader = br
	if zipped {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(path, gzipError(err))
		}
		defer zr.Close()
		src = zr
	}
	if k == kindJSONL {
		return r.jsonl(path, src)
	}
	b, err := r.readDocument(src)
	if err != nil {
		return r.fail(path, err)
	}
	if k == kindHTML || k == kindUnknown && looksHTML(b) {
		return r.html(path, b)
	}
	return r.text(path, b)
}

func (r *reader) stdin() error {
	const name = "-"
	br := bufio.NewReaderSize(r.opt.Stdin, bufSize)
	if isGzip(br) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(name, gzipError(err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, bufSize)
	}
	if firstNonSpace(br) == '{' {
		return r.jsonl(name, br)
	}
	b, err := r.readDocument(br)
	if err != nil {
		return r.fail(name, err)
	}
	if looksHTML(b) {
		return r.html(name, b)
	}
	return r.text(name, b)
}

func (r *reader) text(name string, b []byte) error {
	s, err := Decode(b)
	if err != nil {
		return r.fail(name, err)
	}
	return r.send(&parley.Document{Source: name, Format: parley.FormatText, Text: s}, nil)
}

func (r *reader) html(name string, b []byte) error {
	if err := checkRaw(b); err != nil {
		return r.fail(name, err)
	}
	return r.send(&parley.Document{Source: name, Format: parley.FormatHTML, Raw: b}, nil)
}

// readDocument reads a whole document, refusing one over the size limit without reading more of it
// than one byte past the limit.
func (r *reader) readDocument(src io.Reader) ([]byte, error) {
	max := r.opt.MaxDocumentBytes
	b, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	return b, nil
}

func tooLarge(max int64) error {
	return parley.Errorf(parley.EINVALID, "larger than %d bytes", max)
}

// gzipError says that err came from reading a gzip header, unless it says so already.
func gzipError(err error) error {
	if strings.HasPrefix(err.Error(), "gzip: ") {
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

// isGzip reports whether the stream starts with gzip's magic bytes, without consuming them.
func isGzip(br *bufio.Reader) bool {
	magic, _ := br.Peek(2)
	return len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
}

// firstNonSpace returns the first byte after any white space and UTF-8 byte-order mark, looking no
// further than the read buffer; 0 when there is none there.
func firstNonSpace(br *bufio.Reader) byte {
	for n := 512; ; n *= 2 {
		p, err := br.Peek(n)
		p = bytes.TrimPrefix(p, bomUTF8)
		if i := bytes.IndexFunc(p, func(r rune) bool { return !isSpace(r) }); i >= 0 {
			return p[i]
		}
		if err != nil { // end of input, or the buffer is full of white space
			return 0
		}
	}
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

// htmlSniffBytes is how far into a document looksHTML searches for a telling tag.
const htmlSniffBytes = 4096

// looksHTML reports whether b starts (after white space and a byte-order mark) with '<' and shows
// one of the tags that only HTML has within its first bytes. An XML or a text that opens with
// "<Reuters>" stays text.
func looksHTML(b []byte) bool {
	b = bytes.TrimLeftFunc(bytes.TrimPrefix(b, bomUTF8), isSpace)
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	if len(b) > htmlSniffBytes {
		b = b[:htmlSniffBytes]
	}
	head := bytes.ToLower(b)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p "} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}
