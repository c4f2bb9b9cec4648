package morph

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

func TestTableRoundTrip(t *testing.T) {
	var tb Table
	tb[parley.POSVERB] = map[string]string{"went": "go", "need": "need", "hoped": "hope"}
	tb[parley.POSNOUN] = map[string]string{"news": "news"}
	var b strings.Builder
	if err := tb.Format(&b, []string{"test table"}); err != nil {
		t.Fatal(err)
	}
	const want = "# test table\n[NOUN]\nnews\n[VERB]\nhoped hope\nneed\nwent go\n"
	if b.String() != want {
		t.Fatalf("Format wrote\n%s\nwant\n%s", b.String(), want)
	}
	back, err := Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	for pos := range tb {
		if len(back[pos]) != len(tb[pos]) {
			t.Errorf("%s: %d entries read back, want %d", parley.POS(pos), len(back[pos]), len(tb[pos]))
		}
		for f, l := range tb[pos] {
			if back[pos][f] != l {
				t.Errorf("%s %s read back as %q, want %q", parley.POS(pos), f, back[pos][f], l)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"went go\n", "[VERBS]\nwent go\n", "[VERB]\nwent go far\n", "[VERB]\n go\n"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", bad)
		}
	}
}

func TestLookupOrder(t *testing.T) {
	var tb Table
	tb[parley.POSVERB] = map[string]string{"zed": "zee"}
	tb[parley.POSNOUN] = map[string]string{"zeds": "zedz"}
	tests := []struct {
		w    string
		pos  parley.POS
		want string
	}{
		{"zed", parley.POSAUX, "zee"},   // an auxiliary falls back on the verbs
		{"zed", parley.POSX, "zee"},     // no tag: the verbs first
		{"zeds", parley.POSX, "zedz"},   // then the nouns
		{"zeds", parley.POSVERB, "zed"}, // a verb does not read the nouns
		{"zed", parley.POS(200), "zee"}, // an out-of-range tag is no tag
	}
	for _, tt := range tests {
		if got := tb.Lemma(tt.w, tt.pos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.w, tt.pos, got, tt.want)
		}
		if got := tb.Index().Lemma(tt.w, tt.pos); got != tt.want {
			t.Errorf("Index().Lemma(%q, %s) = %q, want %q", tt.w, tt.pos, got, tt.want)
		}
	}
}

// The index answers as its table does, for the table's forms under every tag and for forms
// only the rules know.
func TestIndexMatchesTable(t *testing.T) {
	var tb Table
	tb[parley.POSVERB] = map[string]string{"zed": "zee", "blorked": "blork", "flimed": "flim"}
	tb[parley.POSNOUN] = map[string]string{"zeds": "zedz", "blorks": "blorks"}
	tb[parley.POSADJ] = map[string]string{"zed": "zedly"}
	tb[parley.POSX] = map[string]string{"blorks": "blork"}
	ix := tb.Index()
	for _, w := range []string{"zed", "zeds", "blorked", "blorks", "flimed", "flimes", "snorkmen", "x", "glaxes"} {
		for pos := parley.POS(0); pos <= parley.NumPOS; pos++ {
			if got, want := ix.Lemma(w, pos), tb.Lemma(w, pos); got != want {
				t.Errorf("Index().Lemma(%q, %s) = %q, Table.Lemma %q", w, pos, got, want)
			}
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{"Said": "said", "N’T": "n't", "“": `"`, "café": "café", "ÉTÉ": "été"}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { sink = Fold("said") }); n != 0 {
		t.Errorf("Fold of a folded word allocates %v times", n)
	}
}

// sink keeps the compiler from dropping a call whose result a test only allocates for.
var sink string
