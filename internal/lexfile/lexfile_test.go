package lexfile

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const sample = "\ufeff# Reporting verbs.\r\n" +
	"top\tlevel\n" +
	"[verbs]\n" +
	"say\tinv\n" +
	"  tell \t obj|noun | \r\n" +
	"\n" +
	"   # an indented comment\n" +
	"[function words]\n" +
	"the a  an\n" +
	"of #in\n" +
	"[phrases]\n" +
	"skip   to content\n" +
	"read more\n" +
	"[pairs]\n" +
	"met\tmeet\n" +
	"sent\t-\n"

func TestParse(t *testing.T) {
	f, err := Parse("sample.txt", strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range f.Sections() {
		names = append(names, s.Name)
	}
	if want := []string{"", "verbs", "function words", "phrases", "pairs"}; !reflect.DeepEqual(names, want) {
		t.Errorf("sections %q, want %q", names, want)
	}
	top := f.Lines("")
	if len(top) != 1 || top[0].N != 2 || !reflect.DeepEqual(top[0].Fields, []string{"top", "level"}) {
		t.Errorf("unnamed section %+v", top)
	}
	verbs := f.Records("verbs", 2, 2)
	if len(verbs) != 2 {
		t.Fatalf("verbs %+v", verbs)
	}
	if l := verbs[1]; l.N != 5 || l.Field(0) != "tell" || !reflect.DeepEqual(l.List(1), []string{"obj", "noun"}) || l.Field(2) != "" {
		t.Errorf("tell line %+v, list %q", l, l.List(1))
	}
	if got := f.Words("function words"); !reflect.DeepEqual(got, []string{"the", "a", "an", "of", "#in"}) {
		t.Errorf("words %q", got)
	}
	if got := f.Set("function words"); len(got) != 5 || !got["an"] {
		t.Errorf("set %v", got)
	}
	if got := f.Phrases("phrases"); !reflect.DeepEqual(got, []string{"skip to content", "read more"}) {
		t.Errorf("phrases %q", got)
	}
	if got := f.Map("pairs"); !reflect.DeepEqual(got, map[string]string{"met": "meet", "sent": ""}) {
		t.Errorf("map %v", got)
	}
	if !f.Has("verbs") || f.Has("nouns") {
		t.Error("Has is wrong")
	}
	if u := f.Unused(); len(u) != 0 {
		t.Errorf("unused %q after reading every section", u)
	}
}

func TestUnused(t *testing.T) {
	f, err := Parse("u.txt", strings.NewReader("x\n[a]\nw\n[b]\nv\n[c]\n"))
	if err != nil {
		t.Fatal(err)
	}
	f.Words("a")
	if got, want := f.Unused(), []string{"", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("unused %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a\n[x\n", "bad.txt line 2: section line \"[x\" does not end with ]"},
		{"[]\n", "bad.txt line 1: section line \"[]\" has no name"},
		{"[a/b]\n", "bad.txt line 1: section name \"a/b\" holds '/'"},
		{"[a]\nx\n[b]\n[a]\n", "bad.txt line 4: section [a] already opened at line 1"},
		{"x\n[]]\n", "bad.txt line 2: section name \"]\" holds ']'"},
		{strings.Repeat("x", maxLine+1), "read bad.txt after line 0"},
	} {
		_, err := Parse("bad.txt", strings.NewReader(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%.20q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
}

// mustPanic runs f and returns the panic message.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("no panic")
		}
		msg = r.(string)
	}()
	f()
	return ""
}

func TestAccessorPanics(t *testing.T) {
	f, err := Parse("p.txt", strings.NewReader("[pairs]\na\tb\nc\n[dup]\nk\t1\nk\t2\n[rec]\na\tb\tc\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    func()
		want string
	}{
		{func() { f.Words("nouns") }, "lexfile: p.txt has no section [nouns]"},
		{func() { f.Map("pairs") }, "lexfile: p.txt line 3: want a key and a value separated by a tab, got \"c\""},
		{func() { f.Map("dup") }, "lexfile: p.txt line 6: key \"k\" given twice"},
		{func() { f.Records("rec", 1, 2) }, "lexfile: p.txt line 8: want 1 to 2 tab-separated fields, got 3"},
		{func() { f.Records("rec", 2, 2) }, "lexfile: p.txt line 8: want 2 tab-separated fields, got 3"},
	} {
		if got := mustPanic(t, c.f); !strings.HasPrefix(got, c.want) {
			t.Errorf("panic %q, want %q", got, c.want)
		}
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"data/a.txt": {Data: []byte("[x]\nw\n")},
		"data/b.txt": {Data: []byte("[x\n")},
	}
	if f := MustRead(fsys, "data/a.txt"); !f.Set("x")["w"] {
		t.Error("MustRead lost the word")
	}
	if _, err := Read(fsys, "data/none.txt"); err == nil || !strings.Contains(err.Error(), "read lexicon data/none.txt") {
		t.Errorf("Read of a missing file: %v", err)
	}
	if got := mustPanic(t, func() { MustRead(fsys, "data/b.txt") }); !strings.HasPrefix(got, "lexfile: data/b.txt line 1:") {
		t.Errorf("MustRead panic %q", got)
	}
	if _, err := CheckFS(fsys, "data/*.txt"); err == nil || !strings.Contains(err.Error(), "data/b.txt line 1") {
		t.Errorf("CheckFS = %v, want the error of b.txt", err)
	}
	if _, err := CheckFS(fsys, "none/*.txt"); err == nil {
		t.Error("CheckFS of no files did not fail")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("[a]\n[b]\n\t\t\n#\n[")
	f.Fuzz(func(t *testing.T, src string) {
		lf, err := Parse("fuzz.txt", strings.NewReader(src))
		if err != nil {
			return
		}
		for _, s := range lf.Sections() {
			for _, l := range s.Lines {
				if l.Text == "" || l.Text[0] == '#' || len(l.Fields) == 0 {
					t.Fatalf("line %+v should have been skipped", l)
				}
				_ = l.List(0)
			}
			lf.Words(s.Name)
			lf.Phrases(s.Name)
		}
	})
}
