// Package lexfile reads the word lists and tables that parley's stages keep as data files
// instead of Go source: the event coder's verbs and nouns, the quote and stance cues, the words
// of web-page furniture, office titles. Each package embeds its own files (an embed.FS) and
// reads them once, when the package is initialised; this package is the one reader and the one
// format they share.
//
// # Format
//
// A lexicon file is UTF-8 text with one record a line, written to be edited by hand and to diff
// well:
//
//   - Blank lines, and lines whose first non-blank character is #, are comments. There are no
//     comments at the end of a record: a # inside a record is part of it.
//   - A line [name] opens the section called name (letters, digits, '-', '_', '.', ' ');
//     records before the first such line belong to the unnamed section "". A section name may
//     appear once a file.
//   - A record's fields are separated by single tabs, and trimmed of spaces around them. An
//     empty field may be written "-". A field that holds a list separates its items with "|".
//   - A section of words (read with Words or Set) may hold several words a line, separated by
//     spaces. A section of phrases (Phrases) holds one phrase a line; runs of spaces in it
//     count as one.
//
// A byte-order mark at the start of the file and carriage returns at the ends of lines are
// ignored. For example:
//
//	# Reporting verbs: base form, then its class.
//	[verbs]
//	say	inv
//	tell	obj
//
//	[function words]
//	the a an of in on
//	and or but
//
// # Errors
//
// Reading a file fails on a malformed section line or a repeated section, naming the file and
// the line. The accessors used on embedded data (Lines, Words, Set, Phrases, Map) panic when
// the file lacks the section asked for or a record does not have the shape asked for, with the
// same message, which names the file and the line: the sections a package reads are part of its code, its embedded files
// part of its build, so a mismatch is a bug that fails the package's tests at initialisation.
// Code that reads a user's file uses Read or Parse and Line.Errorf instead, which never panic.
package lexfile

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// File is a parsed lexicon file.
type File struct {
	Name     string // the name errors give, usually the path inside the embedded file system
	sections map[string]*Section
	order    []string

	mu   sync.Mutex
	used map[string]bool
}

// Section is one section of a file.
type Section struct {
	Name  string
	N     int // line number of the [name] line; 0 for the unnamed section
	Lines []Line
}

// Line is one record.
type Line struct {
	File   string
	N      int      // line number, from 1
	Text   string   // the record, trimmed of surrounding spaces
	Fields []string // the record split at tabs, each field trimmed
}

// Errorf returns an error that names the file and line of l.
func (l Line) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s line %d: %s", l.File, l.N, fmt.Sprintf(format, args...))
}

// Field returns field i, or "" when the record has fewer fields or the field is "-".
func (l Line) Field(i int) string {
	if i >= len(l.Fields) || l.Fields[i] == "-" {
		return ""
	}
	return l.Fields[i]
}

// List returns the items of field i, split at "|" and trimmed, without empty items; nil when
// the field is empty or "-".
func (l Line) List(i int) []string {
	f := l.Field(i)
	if f == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(f, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Words returns the words of the record: its text split at runs of white space.
func (l Line) Words() []string { return strings.Fields(l.Text) }

// maxLine bounds a line; lexicon lines are short, but a user's actor file may hold a long alias list.
const maxLine = 1 << 20

// Parse reads a lexicon file from r; name is what errors call it.
func Parse(name string, r io.Reader) (*File, error) {
	f := &File{Name: name, sections: map[string]*Section{}, used: map[string]bool{}}
	cur := &Section{Name: ""}
	f.sections[""] = cur
	f.order = append(f.order, "")
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] == '[' {
			name, err := sectionName(trimmed)
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %v", f.Name, n, err)
			}
			if old, dup := f.sections[name]; dup {
				if old.N == 0 {
					return nil, fmt.Errorf("%s line %d: section [%s] repeated", f.Name, n, name)
				}
				return nil, fmt.Errorf("%s line %d: section [%s] already opened at line %d", f.Name, n, name, old.N)
			}
			cur = &Section{Name: name, N: n}
			f.sections[name] = cur
			f.order = append(f.order, name)
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		cur.Lines = append(cur.Lines, Line{File: f.Name, N: n, Text: trimmed, Fields: fields})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s after line %d: %w", f.Name, n, err)
	}
	return f, nil
}

// sectionName reads "[name]".
func sectionName(s string) (string, error) {
	if !strings.HasSuffix(s, "]") {
		return "", fmt.Errorf("section line %q does not end with ]", s)
	}
	name := strings.TrimSpace(s[1 : len(s)-1])
	if name == "" {
		return "", fmt.Errorf("section line %q has no name", s)
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_' || r == '.' || r == ' '
		if !ok {
			return "", fmt.Errorf("section name %q holds %q: use letters, digits, '-', '_', '.' and spaces", name, r)
		}
	}
	return name, nil
}

// Read parses the file name of fsys.
func Read(fsys fs.FS, name string) (*File, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read lexicon %s: %w", name, err)
	}
	return Parse(name, strings.NewReader(string(b)))
}

// MustRead is Read for files embedded in the binary, where a failure is a bug: it panics.
func MustRead(fsys fs.FS, name string) *File {
	f, err := Read(fsys, name)
	if err != nil {
		panic("lexfile: " + err.Error())
	}
	return f
}

// CheckFS parses every file of fsys that matches pattern (as fs.Glob reads it), for a test
// that the embedded data of a package is well formed. It fails when no file matches.
func CheckFS(fsys fs.FS, pattern string) ([]*File, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", pattern, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no lexicon file matches %s", pattern)
	}
	var files []*File
	for _, n := range names {
		f, err := Read(fsys, n)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// Sections returns the file's sections in file order, the unnamed one first.
func (f *File) Sections() []*Section {
	out := make([]*Section, 0, len(f.order))
	for _, n := range f.order {
		out = append(out, f.sections[n])
	}
	return out
}

// Has reports whether the file has the section name.
func (f *File) Has(name string) bool {
	_, ok := f.sections[name]
	return ok
}

// Lines returns the records of section name, in file order. It panics if the file has no such
// section (the unnamed section "" always exists).
func (f *File) Lines(name string) []Line {
	s, ok := f.sections[name]
	if !ok {
		panic(fmt.Sprintf("lexfile: %s has no section [%s]", f.Name, name))
	}
	f.mu.Lock()
	f.used[name] = true
	f.mu.Unlock()
	return s.Lines
}

// Records returns the records of section name, like Lines, and panics, naming the line, on a
// record with fewer than min or more than max fields.
func (f *File) Records(name string, min, max int) []Line {
	ls := f.Lines(name)
	for _, l := range ls {
		if len(l.Fields) < min || len(l.Fields) > max {
			want := fmt.Sprintf("%d to %d", min, max)
			if min == max {
				want = fmt.Sprint(min)
			}
			panic("lexfile: " + l.Errorf("want %s tab-separated fields, got %d in %q", want, len(l.Fields), l.Text).Error())
		}
	}
	return ls
}

// Words returns every word of section name, in file order.
func (f *File) Words(name string) []string {
	var out []string
	for _, l := range f.Lines(name) {
		out = append(out, l.Words()...)
	}
	return out
}

// Set returns the words of section name as a set.
func (f *File) Set(name string) map[string]bool {
	ws := f.Words(name)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Phrases returns the records of section name, one phrase a line, with runs of white space
// made single spaces.
func (f *File) Phrases(name string) []string {
	ls := f.Lines(name)
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, strings.Join(l.Words(), " "))
	}
	return out
}

// Map returns section name as a table of two-field records, key and value. It panics, naming
// the line, on a record without exactly two fields or with a key seen before.
func (f *File) Map(name string) map[string]string {
	ls := f.Lines(name)
	m := make(map[string]string, len(ls))
	for _, l := range ls {
		if len(l.Fields) != 2 || l.Fields[0] == "" {
			panic("lexfile: " + l.Errorf("want a key and a value separated by a tab, got %q", l.Text).Error())
		}
		if _, dup := m[l.Fields[0]]; dup {
			panic("lexfile: " + l.Errorf("key %q given twice", l.Fields[0]).Error())
		}
		m[l.Fields[0]] = l.Field(1)
	}
	return m
}

// Unused returns the sections that no accessor has read, sorted (the unnamed section counts
// when it holds records): a test of the package that owns the file can require it to be empty,
// so that no list in a data file is dead.
func (f *File) Unused() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, n := range f.order {
		if !f.used[n] && (n != "" || len(f.sections[n].Lines) > 0) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
