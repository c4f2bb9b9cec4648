package actors

import (
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

// TestWordData checks that the word lists parse, that the package reads every list in them,
// and that the records reach the tables they fill.
func TestWordData(t *testing.T) {
	if _, err := lexfile.CheckFS(lexFS, "data/*.txt"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*lexfile.File{titleData, words} {
		if u := f.Unused(); len(u) > 0 {
			t.Errorf("%s: sections %q are never read", f.Name, u)
		}
	}
	pres := offices["president"]
	if pres == nil || pres.sector != "GOV" || !pres.head || offices["spokesperson"].sector != "" {
		t.Errorf("offices: president %+v, spokesperson %+v", pres, offices["spokesperson"])
	}
	if o, n := matchOffice(tokenize("Secretary of State Rubio"), 0, 4, nil); o == nil || o.key != "foreign minister" || n != 3 {
		t.Errorf("matchOffice(Secretary of State) = %+v, %d", o, n)
	}
	if titleModifiers["former"] != modFormer || titleModifiers["vice"] != modDeputy || titleModifiers["senior"] != 0 {
		t.Error("title modifiers lost their kinds")
	}
	if _, ok := titleModifiers["senior"]; !ok || honorifics["mrs."] != 'f' || honorifics["dr."] != 'u' {
		t.Error("title words are missing")
	}
	if !usStates["New Hampshire"] || !stopCaps["Tuesday"] || !abbrevs["sen"] || orgHeads["ministry"] != "GOV" {
		t.Error("word lists lost their words")
	}
	if p := pronouns["they"]; !p.plural || !p.needVerb || p.person || pronouns["her"].gender != 'f' {
		t.Errorf("pronouns: they %+v, her %+v", p, pronouns["her"])
	}
}
