//go:build genlexicon

// Command genlexicon learns the quote stage's learned cue words (data/learned.txt) from
// PolNeAR's training split. It is the package's go generate step:
//
//	go generate ./quotes
//
// runs it as go run -tags genlexicon ./internal/genlexicon; the tag opens the lexicon of
// package quotes to it (learn.go) without adding anything to the parley binary.
//
// A word is learned when, outside quotation marks, it stands inside a gold cue span in at least
// 25% of its occurrences and at least 5 times, the hand-made tables do not already account for
// it, and, with all such candidates added, the attributions the stage makes with it as their
// cue come out right end to end at least 30% of the time and at least 4 times are made. The
// output is sorted and depends only on the split and the code, so a second run writes the same
// file; -check compares instead of writing.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/quotes"
	"github.com/parleynews/parley/quotes/internal/polnear"
	"github.com/parleynews/parley/segment"
)

const (
	minRate, minCount = 0.25, 5 // first pass: share and number of occurrences inside gold cues
	minRight, minMade = 0.30, 4 // second pass: share right and number of attributions made
)

func main() {
	dir := flag.String("polnear", "../../shared/bench/polnear/train", "PolNeAR training split (attributions/ and text/)")
	out := flag.String("o", "data/learned.txt", "output file")
	check := flag.Bool("check", false, "compare the output with the file instead of writing it; fail if they differ")
	flag.Parse()
	if err := run(*dir, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

func run(dir, outPath string, check bool) error {
	if _, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("PolNeAR training split %s not found: the learned cues are counted on it, and it belongs in the shared material at ../shared beside the repository (-polnear names another place)", dir)
		}
		return fmt.Errorf("PolNeAR training split: %w", err)
	}
	docs, err := polnear.Load(dir)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("PolNeAR training split %s holds no annotated articles", dir)
	}
	entries, err := learn(docs)
	if err != nil {
		return err
	}
	b := format(entries)
	if check {
		old, err := os.ReadFile(outPath)
		if err != nil {
			return fmt.Errorf("read %s: %w", outPath, err)
		}
		if !bytes.Equal(old, b) {
			return fmt.Errorf("%s is not what the generator writes from %s: run go generate ./quotes", outPath, dir)
		}
		return nil
	}
	if err := os.WriteFile(outPath, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	fmt.Fprintf(os.Stderr, "genlexicon: wrote %d learned cues to %s\n", len(entries), outPath)
	return nil
}

// entry is a learned word with the counts that kept it.
type entry struct {
	word        string
	right, made int
}

// learn runs both passes over the split.
func learn(docs []polnear.Doc) ([]entry, error) {
	// First pass, with the hand-made table alone: how often each word stands in a gold cue.
	quotes.SetLearnedCues(nil)
	total, inCue := map[string]int{}, map[string]int{}
	for _, d := range docs {
		cues := cueBytes(d)
		for _, w := range quotes.Words(d.Text) {
			total[w.Low]++
			for _, c := range cues {
				if w.Start < c[1] && c[0] < w.End {
					inCue[w.Low]++
					break
				}
			}
		}
	}
	var cands []string
	for w, c := range inCue {
		if c < minCount || float64(c) < minRate*float64(total[w]) || quotes.Accounted(w) {
			continue
		}
		cands = append(cands, w)
	}
	sort.Strings(cands)
	// Second pass: run the stage with every candidate and keep the words whose attributions
	// come out right often enough.
	quotes.SetLearnedCues(cands)
	preds := make([][]polnear.Pred, len(docs))
	for i, d := range docs {
		doc, err := analyse(d.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		preds[i] = polnear.Predictions(doc)
	}
	right, made := map[string]int{}, map[string]int{}
	for _, group := range []string{"direct+mixed", "indirect"} {
		gs := polnear.Score(docs, preds, group)
		for k, n := range gs.CueAll {
			made[k] += n
			right[k] += gs.CueTP[k]
		}
	}
	var out []entry
	for _, w := range cands {
		if made[w] >= minMade && float64(right[w]) >= minRight*float64(made[w]) {
			out = append(out, entry{w, right[w], made[w]})
		}
	}
	return out, nil
}

// cueBytes returns the gold cue spans of d in bytes.
func cueBytes(d polnear.Doc) [][2]int {
	pos := make([]int, len(d.Runes)+1)
	b := 0
	for i, r := range d.Runes {
		pos[i] = b
		b += len(string(r))
	}
	pos[len(d.Runes)] = b
	var out [][2]int
	for _, g := range d.Gold {
		if g.Cue != nil {
			out = append(out, [2]int{pos[min(g.Cue[0], len(d.Runes))], pos[min(g.Cue[1], len(d.Runes))]})
		}
	}
	return out
}

func analyse(text string) (*parley.Document, error) {
	paras := segment.Paragraphs(text)
	doc := &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)}
	if err := quotes.New().Process(context.Background(), doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// format writes the entries as data/learned.txt.
func format(entries []entry) []byte {
	var b strings.Builder
	b.WriteString("# Code generated by internal/genlexicon from PolNeAR's training split; DO NOT EDIT.\n#\n")
	fmt.Fprintf(&b, "# learnedCues: words that stood inside an annotated cue in at least %.0f%% of their occurrences\n", minRate*100)
	fmt.Fprintf(&b, "# (and %d times or more) and whose attributions came out right in at least %.0f%% of the cases:\n", minCount, minRight*100)
	b.WriteString("# attitude and intention verbs the hand-made table lacks. Fields: the word, then right\n")
	b.WriteString("# attributions and attributions made with the word, on the training split.\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", e.word, e.right, e.made)
	}
	return []byte(b.String())
}
