package quotes

import (
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

// TestData checks that every embedded file parses and that the package reads every list in
// them, and that the learned words join the table as learned object cues.
func TestData(t *testing.T) {
	files, err := lexfile.CheckFS(dataFS, "data/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Errorf("%d data files, want cues.txt, learned.txt and words.txt", len(files))
	}
	for _, f := range []*lexfile.File{vocab, cueData} {
		if u := f.Unused(); len(u) > 0 {
			t.Errorf("%s: sections %q are never read", f.Name, u)
		}
	}
	for _, c := range []struct {
		w       string
		lemma   string
		class   cueClass
		form    formKind
		learned bool
	}{
		{"said", "say", cInv, formPast, false},
		{"written", "write", cInv, formPart, false},
		{"claims", "claim", cInv | cNoun, form3sg, false},
		{"reportedly", "reportedly", cEvid, formBase, false},
		{"blasted", "blasted", cObject, formPast, true},
		{"touting", "touting", cObject, formIng, true},
	} {
		got, ok := cues[c.w]
		if !ok || got.lemma != c.lemma || got.class != c.class || got.form != c.form || got.learned != c.learned {
			t.Errorf("cues[%q] = %+v, %v; want lemma %s class %b form %d learned %v", c.w, got, ok, c.lemma, c.class, c.form, c.learned)
		}
	}
	for _, w := range []string{"known", "thought", "report"} {
		if _, ok := cues[w]; ok {
			t.Errorf("noisy form %q is a cue", w)
		}
	}
	if got := multiCues["made"]; len(got) != 2 || len(got[0]) != 3 || got[1][1] != "clear" {
		t.Errorf(`multiCues["made"] = %q, want "made it clear" before "made clear"`, got)
	}
}
