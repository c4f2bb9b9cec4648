package quotes

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/quotes/internal/polnear"
	"github.com/parleynews/parley/segment"
)

// loadPolnear reads a PolNeAR split with internal/polnear.
func loadPolnear(t testing.TB, dir string) []polnear.Doc {
	t.Helper()
	docs, err := polnear.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func analyzeDoc(text string) *parley.Document {
	paras := segment.Paragraphs(text)
	doc := &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)}
	if err := New().Process(context.Background(), doc); err != nil {
		panic(err)
	}
	return doc
}

func predict(d polnear.Doc) []polnear.Pred { return polnear.Predictions(analyzeDoc(d.Text)) }

func scoreSplit(t *testing.T, split string) (direct, indirect float64) {
	dir := shared.Dir(t, "bench", "polnear", split)
	docs := loadPolnear(t, dir)
	preds := make([][]polnear.Pred, len(docs))
	for i, d := range docs {
		preds[i] = predict(d)
	}
	t.Logf("%s: articles %d, without a prediction 0", split, len(docs))
	if out := os.Getenv("QUOTES_JSONL"); out != "" {
		writeJSONL(t, out+"."+split+".jsonl", docs, preds)
	}
	dm := polnear.Score(docs, preds, "direct+mixed")
	in := polnear.Score(docs, preds, "indirect")
	l1, fd := dm.Line()
	l2, fi := in.Line()
	t.Log(l1)
	t.Log(l2)
	t.Logf("quote attribution end-to-end F1: direct+mixed %.3f, indirect %.3f", fd, fi)
	if out := os.Getenv("QUOTES_DUMP"); out != "" && split == "train" {
		dump(t, out, dm, in)
	}
	return fd, fi
}

// writeJSONL writes the predictions as analysis records, to check this port against
// tools/score-quotes: QUOTES_JSONL=/tmp/pred go test -run Polnear.
func writeJSONL(t *testing.T, path string, docs []polnear.Doc, preds [][]polnear.Pred) {
	var b strings.Builder
	for i, d := range docs {
		type sp struct {
			Start int `json:"start"`
			End   int `json:"end"`
		}
		type q struct {
			Start   int    `json:"start"`
			End     int    `json:"end"`
			Kind    string `json:"kind"`
			Speaker *sp    `json:"speaker"`
		}
		rec := struct {
			Source string `json:"source"`
			Quotes []q    `json:"quotes"`
		}{Source: d.Name + ".txt", Quotes: []q{}}
		for _, p := range preds[i] {
			x := q{Start: p.Start, End: p.End, Kind: p.Kind}
			if p.Speaker != nil {
				x.Speaker = &sp{p.Speaker[0], p.Speaker[1]}
			}
			rec.Quotes = append(rec.Quotes, x)
		}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
}

// dump writes the errors of a split for study: QUOTES_DUMP=/tmp/x go test -run Polnear.
func dump(t *testing.T, path string, groups ...*polnear.GroupScore) {
	var b strings.Builder
	for _, gs := range groups {
		fmt.Fprintf(&b, "##### %s cues (right/predicted)\n", gs.Name)
		type kv struct {
			k    string
			n, r int
		}
		var kvs []kv
		for k, n := range gs.CueAll {
			kvs = append(kvs, kv{k, n, gs.CueTP[k]})
		}
		sort.Slice(kvs, func(i, j int) bool { return kvs[i].n > kvs[j].n })
		for _, e := range kvs {
			fmt.Fprintf(&b, "%-20s %4d/%4d %.2f\n", e.k, e.r, e.n, polnear.Ratio(e.r, e.n))
		}
		fmt.Fprintf(&b, "##### %s false positives\n%s\n", gs.Name, strings.Join(gs.Wrong, "\n"))
		fmt.Fprintf(&b, "##### %s missed\n%s\n", gs.Name, strings.Join(gs.Missed, "\n"))
		fmt.Fprintf(&b, "##### %s wrong source\n%s\n", gs.Name, strings.Join(gs.SrcWrong, "\n"))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
}

// TestPolnearScore runs the stage over PolNeAR and scores it as tools/score-quotes does: the
// train split is where the rules were tuned, dev is measured only. It fails below the bars.
func TestPolnearScore(t *testing.T) {
	shared.Dir(t, "bench", "polnear", "dev")
	if testing.Short() {
		t.Skip("PolNeAR scoring skipped in -short mode")
	}
	scoreSplit(t, "train")
	fd, fi := scoreSplit(t, "dev")
	if fd < 0.80 {
		t.Errorf("dev direct+mixed end-to-end F1 %.3f, want >= 0.80", fd)
	}
	if fi < 0.55 {
		t.Errorf("dev indirect end-to-end F1 %.3f, want >= 0.55", fi)
	}
}
