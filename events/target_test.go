package events

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

// candsOf parses one sentence with the lexicon alone.
func candsOf(t *testing.T, text string) (*sentence, []cand) {
	t.Helper()
	s := New(WithModel(nil))
	toks := sentenceTokens(text)
	st := &sentence{text: text, toks: toks, lx: s.lx, verb: make([]int8, len(toks))}
	return st, st.candidates()
}

func (st *sentence) phrase(sp span) string {
	if !sp.ok() {
		return ""
	}
	return st.text[st.toks[sp.a].start:st.toks[sp.b-1].end]
}

func TestTargetOptions(t *testing.T) {
	tests := []struct {
		text, lemma string
		want        []string // phrases that must be among the options
		first       string   // the parser's own target, listed first
	}{
		{"Japan is sending troops to the United Nations peacekeeping force in South Sudan.", "send",
			[]string{"the United Nations", "South Sudan"}, "the United Nations"},
		{"The United States returned a painting, stolen in 1989 from a gallery, to the Italian government.", "return",
			[]string{"the Italian government"}, ""},
		{"Rebels attacked the army base near Kabul on Monday.", "attack",
			[]string{"the army base", "Kabul"}, "the army base"},
	}
	for _, tt := range tests {
		st, cs := candsOf(t, tt.text)
		var c *cand
		for i := range cs {
			if cs[i].lemma == tt.lemma {
				c = &cs[i]
			}
		}
		if c == nil {
			t.Errorf("%q: no candidate %q", tt.text, tt.lemma)
			continue
		}
		opts := st.targetOptions(c)
		got := map[string]bool{}
		for _, o := range opts {
			got[st.phrase(o.sp)] = true
			if o.sp.a < c.src.b && c.src.a < o.sp.b {
				t.Errorf("%q: option %q overlaps the source", tt.text, st.phrase(o.sp))
			}
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: options %v lack %q", tt.text, got, w)
			}
		}
		if tt.first != "" && (len(opts) == 0 || opts[0].kind != "parser" || st.phrase(opts[0].sp) != tt.first) {
			t.Errorf("%q: first option %+v, want the parser's %q", tt.text, opts, tt.first)
		}
	}
}

func TestTrainRankerAndPick(t *testing.T) {
	// The right option always carries "x"; the ranker must learn to prefer it.
	exs := []rankExample{
		{feats: [][]string{{"a"}, {"x", "b"}}, good: []bool{false, true}},
		{feats: [][]string{{"x", "a"}, {"b"}}, good: []bool{true, false}},
		{feats: [][]string{{"c"}, {"b"}, {"x", "c"}}, good: []bool{false, false, true}},
	}
	w := trainRanker(exs, 5, 1)
	if w["x"] <= 0 {
		t.Fatalf("ranker did not learn the telling feature: %v", w)
	}

	st, cs := candsOf(t, "Japan is sending troops to the United Nations peacekeeping force in South Sudan.")
	var c cand
	for _, x := range cs {
		if x.lemma == "send" {
			c = x
		}
	}
	parser := st.phrase(c.tgt)
	// A ranker that likes places after "in": a little is not enough to replace an actor the
	// parser found, a lot is.
	for _, tt := range []struct {
		weight float32
		want   string
	}{{1, parser}, {switchMargin + 1, "South Sudan"}} {
		m := &Model{rank: map[string]float32{"p=in": tt.weight}}
		cc := c
		m.pickTarget(st, &cc)
		if got := st.phrase(cc.tgt); got != tt.want {
			t.Errorf("weight %v: target %q, want %q", tt.weight, got, tt.want)
		}
	}
	// No ranker, no change.
	cc := c
	(*Model)(nil).pickTarget(st, &cc)
	if cc.tgt != c.tgt {
		t.Errorf("a nil model moved the target")
	}
}

func TestModelRankRoundTrip(t *testing.T) {
	m := trainPerceptron([]example{{feats: []string{"a"}, label: 0}, {feats: []string{"c"}, label: 1}}, []string{"NONE", "ASSAULT"}, 3, 1)
	m.rank = map[string]float32{"p=in": 1.5, "k=obj": -0.25, "tiny": 0.0001}
	m2 := roundTrip(t, m)
	if m2.rank["p=in"] != 1.5 || m2.rank["k=obj"] != -0.25 || len(m2.rank) != 2 {
		t.Errorf("rank weights after a round trip: %v", m2.rank)
	}
	for _, bad := range []string{"classes\tNONE\nrank\tp=in\n", "classes\tNONE\nrank\tp=in\tx\n"} {
		if _, err := ReadModel(strings.NewReader(bad)); parley.ErrorCode(err) != parley.EINVALID {
			t.Errorf("%q: err %v, want EINVALID", bad, err)
		}
	}
}
