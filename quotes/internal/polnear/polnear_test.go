package polnear

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

func TestGoldKind(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`"We will win."`, "direct"},
		{`  “We will win,”  `, "direct"},
		{`that "we will win."`, "direct"},
		{`''We will win.''`, "direct"},
		{`the plan was "reckless"`, "mixed"},
		{`the plan was reckless`, "indirect"},
		{``, "direct"}, // as Python's "" in s
	} {
		if got := GoldKind(c.in); got != c.want {
			t.Errorf("GoldKind(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// writeSplit writes a split of one article: "Smith said the plan was reckless. “It will fail,”
// Jones said." with its two attributions.
func writeSplit(t *testing.T) (string, string) {
	dir := t.TempDir()
	text := "Smith said the plan was reckless. “It will fail,” Jones said.\n"
	ann := strings.Join([]string{
		"T1\tSource 0 5\tSmith",
		"T2\tCue 6 10\tsaid",
		"T3\tContent 11 32\tthe plan was reckless",
		"T4\tAttribution 6 10\tsaid",
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
		"T5\tContent 34 49\t“It will fail,”",
		"T6\tSource 50 55\tJones",
		"T7\tCue 56 60;60 60\tsaid",
		"E2\tAttribution:T4 Content:T5 Cue:T7 Source:T6",
		"",
	}, "\n")
	for _, p := range []struct{ name, data string }{
		{"text/a.txt", text},
		{"attributions/a_x.ann", ann},
		{"attributions/b_x.ann", ann}, // no text: skipped
	} {
		path := filepath.Join(dir, p.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(p.data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, text
}

func TestLoadAndScore(t *testing.T) {
	dir, text := writeSplit(t)
	docs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "a" || len(docs[0].Gold) != 2 {
		t.Fatalf("docs %+v", docs)
	}
	g := docs[0].Gold
	if g[0].Kind != "indirect" || g[0].Content != [2]int{11, 32} || *g[0].Source != [2]int{0, 5} || *g[0].Cue != [2]int{6, 10} {
		t.Errorf("first attribution %+v", g[0])
	}
	if g[1].Kind != "direct" || *g[1].Cue != [2]int{56, 60} {
		t.Errorf("second attribution %+v", g[1])
	}
	// Predictions in bytes: the curly marks are three bytes each.
	b := func(s string) int { return strings.Index(text, s) }
	doc := &parley.Document{Text: text, Quotes: []parley.Quote{
		{Span: parley.Span{Start: b("the plan"), End: b(". “")}, Kind: "indirect", Speaker: &parley.ActorRef{Span: parley.Span{Start: 0, End: 5}},
			Cue: &parley.Cue{Text: "said"}},
		{Span: parley.Span{Start: b("“It"), End: b(" Jones")}, Kind: "direct", Speaker: &parley.ActorRef{Span: parley.Span{Start: b("Jones"), End: b(" said.\n")}},
			Cue: &parley.Cue{Text: "Said"}},
	}}
	preds := Predictions(doc)
	if preds[1].Start != 34 || preds[1].End != 49 || *preds[1].Speaker != [2]int{50, 55} {
		t.Errorf("direct prediction in code points %+v", preds[1])
	}
	for _, group := range []string{"direct+mixed", "indirect"} {
		gs := Score(docs, [][]Pred{preds}, group)
		if gs.TP != 1 || gs.FP != 0 || gs.FN != 0 || gs.Right != 1 || gs.CueTP["said"] != 1 || gs.CueAll["said"] != 1 {
			t.Errorf("%s: %+v", group, gs)
		}
		if line, f := gs.Line(); f != 1 || !strings.Contains(line, "end-to-end P 1.000 R 1.000 F1 1.000") {
			t.Errorf("%s line %q, F1 %v", group, line, f)
		}
	}
	// A wrong speaker is a false positive and a miss.
	preds[0].Speaker = &[2]int{50, 55}
	gs := Score(docs, [][]Pred{preds}, "indirect")
	if gs.TP != 0 || gs.FP != 1 || gs.FN != 1 || len(gs.SrcWrong) != 1 || gs.CueTP["said"] != 0 {
		t.Errorf("wrong speaker: %+v", gs)
	}
	if _, err := Load(filepath.Join(dir, "none")); err == nil {
		t.Error("Load of a missing split did not fail")
	}
}
