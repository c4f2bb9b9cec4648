package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/syntax"
)

func readSentences(t *testing.T, path string) []syntax.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := syntax.ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkParsed checks that got keeps the sentences, words and comments of in, and that every
// sentence is a tree: one root, heads inside the sentence, a relation on every word.
func checkParsed(t *testing.T, in, got []syntax.Sentence) {
	t.Helper()
	if len(got) != len(in) {
		t.Fatalf("%d sentences out, %d in", len(got), len(in))
	}
	for i := range in {
		if strings.Join(got[i].Words, " ") != strings.Join(in[i].Words, " ") {
			t.Errorf("sentence %d: words %q, want %q", i+1, got[i].Words, in[i].Words)
			continue
		}
		if strings.Join(got[i].Comments, "\n") != strings.Join(in[i].Comments, "\n") {
			t.Errorf("sentence %d: comments %q, want %q", i+1, got[i].Comments, in[i].Comments)
		}
		roots := 0
		for k, h := range got[i].Heads {
			if h == -1 {
				roots++
			} else if h < 0 || h >= len(got[i].Words) || h == k {
				t.Errorf("sentence %d word %d: head %d", i+1, k+1, h+1)
			}
			if got[i].Rels[k] == "" || got[i].Rels[k] == "_" {
				t.Errorf("sentence %d word %d: no relation", i+1, k+1)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d: %d roots", i+1, roots)
		}
	}
}

func TestParseTokenized(t *testing.T) {
	in := filepath.Join("testdata", "parse-small.conllu")
	code, out, errOut := run(t, nil, "", "parse", "--tokenized", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := syntax.ReadCoNLLU(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	checkParsed(t, readSentences(t, in), got)
	// "signed" is the root of the first sentence, with "minister" its subject.
	if s := got[0]; s.Heads[2] != -1 || s.Heads[1] != 2 || s.Rels[1] != "nsubj" || s.POS[2] != parley.POSVERB {
		t.Errorf("first sentence: %v %v %v", s.POS, s.Heads, s.Rels)
	}

	// -o writes the same to a file.
	path := filepath.Join(t.TempDir(), "out.conllu")
	if code, _, errOut := run(t, nil, "", "parse", "--tokenized", in, "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != out {
		t.Errorf("-o wrote something else than standard output (%v)", err)
	}
}

func TestParseText(t *testing.T) {
	text := "The talks resumed in Geneva on Monday. Officials didn't say when they would end.\n"
	code, out, errOut := run(t, nil, text, "parse", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(lines), out)
	}
	var s parsedSentence
	if err := json.Unmarshal([]byte(lines[1]), &s); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Tokens, " "); got != "Officials did n't say when they would end ." {
		t.Errorf("tokens %q", got)
	}
	if len(s.POS) != len(s.Tokens) || len(s.Head) != len(s.Tokens) || len(s.Rel) != len(s.Tokens) {
		t.Errorf("columns of unequal length: %+v", s)
	}

	code, out, _ = run(t, nil, text, "parse")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got, err := syntax.ReadCoNLLU(strings.NewReader(out), "stdout"); err != nil || len(got) != 2 {
		t.Errorf("CoNLL-U output: %d sentences, %v", len(got), err)
	}
}

func TestParseUsage(t *testing.T) {
	if code, out, _ := run(t, nil, "", "parse", "--help"); code != 0 || !strings.Contains(out, "--tokenized") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	if code, _, _ := run(t, nil, "", "parse", "--format", "xml"); code != exitUsage {
		t.Errorf("bad --format: exit %d, want %d", code, exitUsage)
	}
	if code, _, errOut := run(t, nil, "", "parse", "--tokenized", "no-such-file.conllu"); code != exitError || !strings.Contains(errOut, "no-such-file") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

// TestParsePUD runs the command on English PUD with gold tokens and scores it as
// tools/score-parse does.
func TestParsePUD(t *testing.T) {
	gold := filepath.Join(shared.Dir(t, "bench", "ud"), "en_pud-ud-test.conllu")
	path := filepath.Join(t.TempDir(), "pud.conllu")
	if code, _, errOut := run(t, nil, "", "parse", "--tokenized", gold, "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, got := readSentences(t, gold), readSentences(t, path)
	checkParsed(t, want, got)
	words, upos, uas, las := 0, 0, 0, 0
	base := func(r string) string { b, _, _ := strings.Cut(r, ":"); return b }
	for i := range want {
		for k := range want[i].Words {
			words++
			if got[i].POS[k] == want[i].POS[k] {
				upos++
			}
			if got[i].Heads[k] == want[i].Heads[k] {
				uas++
				if base(got[i].Rels[k]) == base(want[i].Rels[k]) {
					las++
				}
			}
		}
	}
	w := float64(words)
	t.Logf("PUD through parley parse: UPOS %.3f UAS %.3f LAS %.3f (%d words)", float64(upos)/w, float64(uas)/w, float64(las)/w, words)
	checkPUDFloor(t, float64(upos)/w, float64(uas)/w, float64(las)/w)
}

// checkPUDFloor fails below the figures the embedded model holds on PUD (the bars,
// 0.95, 0.85 and 0.81, are not reached yet: see syntax.TestPUD).
func checkPUDFloor(t *testing.T, upos, uas, las float64) {
	t.Helper()
	if upos < 0.935 || uas < 0.775 || las < 0.730 {
		t.Errorf("PUD UPOS %.3f UAS %.3f LAS %.3f, below the floor 0.935 0.775 0.730", upos, uas, las)
	}
}
