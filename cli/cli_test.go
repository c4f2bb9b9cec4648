package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/record"
)

// run executes the command line in-process and returns its exit code and output streams.
func run(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func records(t *testing.T, jsonl string) []record.Record {
	t.Helper()
	var rs []record.Record
	for i, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if line == "" {
			continue
		}
		var r record.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d is not a record: %v", i+1, err)
		}
		rs = append(rs, r)
	}
	return rs
}

// checkSpans verifies the contract's promises about offsets: every span lies inside the text, and
// the sentences cover every character of it that is not white space.
func checkSpans(t *testing.T, r record.Record) {
	t.Helper()
	text := []rune(r.Text)
	n := len(text)
	in := func(what string, s, e int) {
		if s < 0 || e > n || s > e {
			t.Errorf("%s: %s span [%d,%d) outside text of %d code points", r.Source, what, s, e, n)
		}
	}
	covered := make([]bool, n)
	last := -1
	for _, s := range r.Sentences {
		in("sentence", s.Start, s.End)
		if s.Start < last {
			t.Errorf("%s: sentences overlap or are out of order at %d", r.Source, s.Start)
		}
		last = s.End
		for i := max(s.Start, 0); i < min(s.End, n); i++ {
			covered[i] = true
		}
	}
	for i, c := range text {
		if !covered[i] && !unicode.IsSpace(c) {
			t.Errorf("%s: character %d (%q) is in no sentence: …%s…", r.Source, i, c, string(text[max(0, i-20):min(n, i+20)]))
			break
		}
	}
	for _, x := range r.Removed {
		in("removed", x.Start, x.End)
	}
	for _, x := range r.Paragraphs {
		in("paragraph", x.Start, x.End)
	}
	for _, a := range r.Actors {
		for _, m := range a.Mentions {
			in("mention", m.Start, m.End)
		}
	}
	for _, q := range r.Quotes {
		in("quote", q.Start, q.End)
		if q.Speaker != nil {
			in("speaker", q.Speaker.Start, q.Speaker.End)
		}
		if q.Cue != nil {
			in("cue", q.Cue.Start, q.Cue.End)
		}
	}
	for _, e := range r.Events {
		in("event", e.Start, e.End)
		for _, a := range []*record.Ref{e.Source, e.Target} {
			if a != nil {
				in("event actor", a.Start, a.End)
			}
		}
	}
	for _, s := range r.Stances {
		in("stance", s.Start, s.End)
	}
	for _, f := range r.Flags {
		in("flag", f.Start, f.End)
	}
}

func TestAnalyzeSeeds(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(shared.Dir(t, "corpus", "seeds"), "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	code, out, errOut := run(t, nil, "", append([]string{"analyze", "--format", "jsonl"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rs := records(t, out)
	if len(rs) != len(seeds) {
		t.Fatalf("%d records for %d seeds", len(rs), len(seeds))
	}
	for i, r := range rs {
		if r.Source != seeds[i] {
			t.Errorf("record %d is %s, want %s (input order)", i, r.Source, seeds[i])
		}
		raw, _ := os.ReadFile(seeds[i])
		if r.Text != string(raw) {
			t.Errorf("%s: text is not the input exactly as decoded", r.Source)
		}
		if r.Schema != 1 || len(r.ID) != 16 || len(r.Sentences) == 0 {
			t.Errorf("%s: schema %d, id %q, %d sentences", r.Source, r.Schema, r.ID, len(r.Sentences))
		}
		checkSpans(t, r)
	}
}

func TestAnalyzeStdinAndFormats(t *testing.T) {
	text := "Trump met Zelensky on Monday. “We want peace,” Zelensky said.\n\nThe talks went on.\n"
	for _, format := range []string{"jsonl", "json", "text"} {
		code, out, errOut := run(t, nil, text, "analyze", "--format", format, "-")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		switch format {
		case "jsonl":
			rs := records(t, out)
			if len(rs) != 1 || rs[0].Source != "-" || rs[0].Text != text {
				t.Fatalf("jsonl from stdin: %+v", rs)
			}
			checkSpans(t, rs[0])
		case "json":
			var rs []record.Record
			if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 1 {
				t.Fatalf("json output: %v\n%s", err, out)
			}
		case "text":
			if !strings.Contains(out, "The talks went on.") || !strings.Contains(out, "source:    -") {
				t.Errorf("text output lacks the article:\n%s", out)
			}
		}
	}
}

func TestErrorsAndUsage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("A sentence about talks in Kyiv."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	env := map[string]string{"PARLEY_DB": filepath.Join(dir, "store.db")}

	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string
		stderr  string
		records int
	}{
		{"no command", nil, 2, "Commands:", "", 0},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`, 0},
		{"help", []string{"--help"}, 0, "Commands:", "", 0},
		{"analyze help", []string{"analyze", "--help"}, 0, "Usage: parley analyze", "", 0},
		{"ingest help", []string{"help", "ingest"}, 0, "Usage: parley ingest", "", 0},
		{"bad flag", []string{"analyze", "--frob", good}, 2, "", "Run 'parley analyze --help'", 0},
		{"no input", []string{"analyze"}, 2, "", "no input given", 0},
		{"bad format", []string{"analyze", "--format", "xml", good}, 2, "", `unknown format "xml"`, 0},
		{"missing file, others go on", []string{"analyze", filepath.Join(dir, "nope.txt"), good}, 1, `"schema":1`, "nope.txt", 1},
		{"empty file", []string{"analyze", empty}, 1, "", "empty.txt", 0},
		{"search without store", []string{"search", "kyiv"}, 1, "", "no store at", 0},
		{"show needs an id", []string{"show"}, 2, "", "want exactly one document id", 0},
		{"export bad kind", []string{"export", "--kind", "bananas"}, 2, "", `unknown kind "bananas"`, 0},
		{"version", []string{"version"}, 0, "record schema 1", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, env, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
			if tc.stderr != "" && strings.Count(errOut, tc.stderr) != 1 {
				t.Errorf("error printed %d times:\n%s", strings.Count(errOut, tc.stderr), errOut)
			}
			if tc.records > 0 && len(records(t, out)) != tc.records {
				t.Errorf("want %d records:\n%s", tc.records, out)
			}
		})
	}
}

func TestIngestSearchShowExport(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PARLEY_DB": filepath.Join(dir, "sub", "store.db")}
	docs := filepath.Join(dir, "docs")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "a.txt"), []byte("Clinton's emails were discussed at length by the committee.\nThe hearing lasted hours."), 0o644)
	os.WriteFile(filepath.Join(docs, "b.txt"), []byte("The senator spoke about trade with Mexico and tariffs."), 0o644)

	code, out, errOut := run(t, env, "", "ingest", docs)
	if code != 0 || !strings.Contains(out, "2 new") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, env, "", "ingest", docs)
	if code != 0 || !strings.Contains(out, "0 new, 0 new sources of stored texts, 2 already stored") {
		t.Fatalf("second ingest stored again: %s", out)
	}
	code, out, errOut = run(t, env, "", "search", "Clinton", "emails")
	if code != 0 || !strings.Contains(out, "a.txt") || strings.Contains(out, "b.txt") || !strings.Contains(out, "[") {
		t.Fatalf("search: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, env, "", "export", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "id,source,title") {
		t.Fatalf("export csv: %s", out)
	}
	id := strings.Split(lines[1], ",")[0]
	code, out, errOut = run(t, env, "", "show", id[:8])
	if code != 0 || !strings.Contains(out, "id:        "+id) {
		t.Fatalf("show %s: exit %d\n%s%s", id[:8], code, out, errOut)
	}
	code, out, _ = run(t, env, "", "export")
	if rs := records(t, out); code != 0 || len(rs) != 2 {
		t.Fatalf("export jsonl: %d records", len(rs))
	}
	code, _, errOut = run(t, env, "", "show", "ffffffffff")
	if code != 1 || !strings.Contains(errOut, "ffffffffff") {
		t.Errorf("show of a missing id: exit %d, %s", code, errOut)
	}
}
