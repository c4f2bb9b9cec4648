package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parleynews/parley"
)

// jsonLine is one line of a JSONL input. Text and HTML are pointers so that a field given empty
// ("empty document") can be told from a field not given at all.
type jsonLine struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
}

// jsonl emits one document (or error) per non-blank line of src. Lines are read into one reused
// buffer and a line over the limit is skipped without being held, so memory stays at the longest
// acceptable line whatever the size of the input.
func (r *reader) jsonl(name string, src io.Reader) error {
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, bufSize)
	}
	var buf []byte
	for ln := 1; ; ln++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, over, err := r.readLine(br, buf[:0])
		loc := fmt.Sprintf("%s:%d", name, ln)
		if err != nil && err != io.EOF {
			if cerr := r.ctx.Err(); cerr != nil {
				return cerr
			}
			// The stream cannot be resynchronised after a read error (a truncated gzip file,
			// say): report it and move on to the next input.
			return r.fail(loc, fmt.Errorf("read: %w", err))
		}
		buf = line
		if over {
			lerr := parley.Errorf(parley.EINVALID, "line longer than %d bytes", r.opt.MaxLineBytes)
			if serr := r.fail(loc, lerr); serr != nil {
				return serr
			}
		} else {
			if ln == 1 {
				line = bytes.TrimPrefix(line, bomUTF8)
			}
			if line = bytes.TrimSpace(line); len(line) > 0 {
				doc, derr := parseLine(line, loc)
				if serr := r.send(doc, derr); serr != nil {
					return serr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line into buf, without its line ending. When the line is longer than
// MaxLineBytes, over is true and the rest of the line is read and dropped piece by piece, never
// held whole. err is io.EOF on the last line.
func (r *reader) readLine(br *bufio.Reader, buf []byte) (line []byte, over bool, err error) {
	limit := r.opt.MaxLineBytes + int64(len("\r\n"))
	for {
		frag, err := br.ReadSlice('\n')
		if !over {
			if int64(len(buf))+int64(len(frag)) > limit {
				over, buf = true, buf[:0]
			} else {
				buf = append(buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			if over {
				if cerr := r.ctx.Err(); cerr != nil {
					return buf, over, cerr
				}
			}
			continue
		}
		if !over {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			buf = bytes.TrimSuffix(buf, []byte("\r"))
			over = int64(len(buf)) > r.opt.MaxLineBytes
		}
		return buf, over, err
	}
}

// parseLine reads one JSONL object into a document. loc ("PATH:LINE") names the document when the
// line gives neither url nor id, and every error.
func parseLine(line []byte, loc string) (*parley.Document, error) {
	bad := func(format string, args ...any) error {
		return &parley.Error{Code: parley.EINVALID, Message: loc, Err: fmt.Errorf(format, args...)}
	}
	if line[0] != '{' {
		return nil, bad("not a JSON object: starts with %q", line[0])
	}
	var jl jsonLine
	if err := json.Unmarshal(line, &jl); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, bad("not a JSON object: %v (at byte %d)", err, se.Offset)
		case errors.As(err, &te) && te.Field != "":
			return nil, bad("field %q is a JSON %s, not a string", te.Field, te.Value)
		}
		return nil, bad("not a JSON object: %v", err)
	}
	id, err := idString(jl.ID)
	if err != nil {
		return nil, bad("%v", err)
	}
	published, ok := normalDate(jl.Published)
	if !ok {
		// A date that is not one would sort as a string and date nothing: refuse the line.
		return nil, bad(`field "published" is %q, not a date (YYYY-MM-DD, RFC 3339 or a date such as "Mon, 3 Mar 2025")`, jl.Published)
	}
	doc := &parley.Document{Title: jl.Title, URL: jl.URL, Published: published}
	switch {
	case jl.URL != "":
		doc.Source = jl.URL
	case id != "":
		doc.Source = id
	default:
		doc.Source = loc
	}
	switch {
	case jl.Text != nil && (*jl.Text != "" || jl.HTML == nil):
		// A line with both takes its text: it is what the producer already extracted.
		if err := checkText(*jl.Text); err != nil {
			return nil, invalid(loc, err)
		}
		doc.Format, doc.Text = parley.FormatText, *jl.Text
	case jl.HTML != nil:
		raw := []byte(*jl.HTML)
		if err := checkRaw(raw); err != nil {
			return nil, invalid(loc, err)
		}
		doc.Format, doc.Raw = parley.FormatHTML, raw
	default:
		return nil, bad(`no "text" or "html" field`)
	}
	return doc, nil
}

// idString reads a line's "id", which producers write as a string or a number.
func idString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf(`field "id": %w`, err)
		}
		return s, nil
	case c == '-' || c >= '0' && c <= '9':
		return string(raw), nil
	}
	return "", errors.New(`field "id" is not a string or number`)
}

// dateLayouts are the forms of "published" that producers write: the store's own first, then
// those of feeds and HTTP headers, then dates written out.
var dateLayouts = []struct {
	layout string
	clock  bool // the form holds a time of day
}{
	{time.RFC3339, true}, {"2006-01-02T15:04:05", true}, {"2006-01-02 15:04:05", true}, {"2006-01-02 15:04", true},
	{"2006-01-02", false}, {time.RFC1123Z, true}, {time.RFC1123, true}, {"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true}, {"Mon, 2 Jan 2006", false}, {"2 Jan 2006", false}, {"2 January 2006", false},
	{"Jan 2, 2006", false}, {"January 2, 2006", false},
}

// normalDate turns a "published" value into the form documents keep (YYYY-MM-DD, or RFC 3339
// when it holds a time); "" stays "". ok is false for anything that is not a real date
// ("2025-13-45").
func normalDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.layout == time.RFC3339 || l.layout == "2006-01-02" {
			return s, true // already in a form the store keeps, zone and all
		}
		if l.clock {
			return t.Format(time.RFC3339), true
		}
		return t.Format("2006-01-02"), true
	}
	return "", false
}
