package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
)

// treebankSentence is one sentence of a CoNLL-U file: its text and its words (the syntactic
// words, so a multi-word token such as "don't" gives do and n't).
type treebankSentence struct {
	text  string
	words []string
}

// readTreebank reads the sentences of a CoNLL-U file.
func readTreebank(tb testing.TB, path string) []treebankSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []treebankSentence
	var cur treebankSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = treebankSentence{}
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 || strings.ContainsAny(cols[0], "-.") {
				continue
			}
			cur.words = append(cur.words, cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	if cur.text != "" {
		out = append(out, cur)
	}
	return out
}

// treebankMatch tokenises each sentence's text as one paragraph and sentence and returns the
// share of sentences whose tokens are exactly the treebank's words, logging the others; plain
// is the share among sentences without asterisks or underscores, which the treebank keeps as
// tokens and Tokens drops as markdown emphasis.
func treebankMatch(t *testing.T, path string, logMisses bool) (all, plain float64) {
	sents := readTreebank(t, path)
	if len(sents) < 500 {
		t.Fatalf("%s: only %d sentences", path, len(sents))
	}
	match, plainN, plainMatch := 0, 0, 0
	for _, s := range sents {
		isPlain := !strings.ContainsAny(s.text, "*_")
		if isPlain {
			plainN++
		}
		whole := []parley.Span{{Start: 0, End: len(s.text)}}
		toks := Tokens(s.text, whole, whole, nil)
		got := make([]string, len(toks))
		for i, tk := range toks {
			got[i] = s.text[tk.Start:tk.End]
		}
		if strings.Join(got, "\x00") == strings.Join(s.words, "\x00") {
			match++
			if isPlain {
				plainMatch++
			}
		} else if logMisses {
			t.Logf("%s\n  got  %s\n  want %s", s.text, strings.Join(got, " | "), strings.Join(s.words, " | "))
		}
	}
	return float64(match) / float64(len(sents)), float64(plainMatch) / float64(plainN)
}

// TestTokensTreebank checks the split against the English Web Treebank's: tokenising the text
// of each sentence must give exactly its words for nearly every sentence. Most of the rest are
// misspellings that the treebank splits by their meaning ("its" for it's, "McDonalds" as
// McDonald + s, "alot") and markdown asterisks, which the treebank keeps and Tokens drops.
// TOKENS_TREEBANK_MISSES=1 logs the sentences that differ.
func TestTokensTreebank(t *testing.T) {
	dir := shared.Dir(t, "bench", "ud")
	for _, name := range []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		all, plain := treebankMatch(t, filepath.Join(dir, name), os.Getenv("TOKENS_TREEBANK_MISSES") != "")
		t.Logf("%s: %.1f%% of sentences tokenised as the treebank does (%.1f%% of those without * or _)", name, 100*all, 100*plain)
		if all < 0.96 {
			t.Errorf("%s: %.1f%% of sentences match, want at least 96%%", name, 100*all)
		}
	}
	// PUD, news and Wikipedia, is for measuring only: the rules were written from EWT.
	all, plain := treebankMatch(t, filepath.Join(dir, "en_pud-ud-test.conllu"), false)
	t.Logf("en_pud-ud-test.conllu: %.1f%% (%.1f%% without * or _)", 100*all, 100*plain)
}
