package events

import (
	"fmt"
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

// TestData checks that every embedded file parses, that the package reads every list in them,
// and that the PLOVER and CAMEO tables agree.
func TestData(t *testing.T) {
	if _, err := lexfile.CheckFS(dataFS, "data/*"); err != nil {
		t.Fatal(err)
	}
	New() // reads cameo.tsv and lexicon.txt
	for name, want := range map[string]string{"niger": "NER", "ukrainian": "UKR", "kyiv": "UKR", "kremlin": "RUS",
		"brussels": "IGOEUREEC", "south sudan": "SSD", "tegucigalpa": "HND", "u.s": "USA"} {
		if got, _ := countryOf(name); got != want {
			t.Errorf("countryOf(%q) = %q, want %q", name, got, want)
		}
	}
	for _, f := range []*lexfile.File{vocab, places, plover, verbClassFile} {
		if u := f.Unused(); len(u) > 0 {
			t.Errorf("%s: sections %q are never read", f.Name, u)
		}
	}
	for root := 1; root <= 20; root++ {
		r := fmt.Sprintf("%02d", root)
		if rootVerbs[r] == "" {
			t.Errorf("CAMEO root %s has no entry in plover.txt [roots]", r)
		}
	}
	used := map[string]bool{}
	for code, info := range New().table {
		if info.PLOVER != "" {
			used[info.PLOVER] = true
			if c := categories[info.PLOVER]; c == nil || SummaryVerb(info.PLOVER, code) != c.verb {
				t.Errorf("code %s: category %q has no summary words", code, info.PLOVER)
			}
		}
	}
	for name, c := range categories {
		if !used[name] {
			t.Errorf("category %s: no CAMEO code of cameo.tsv has it", name)
		}
		if rootVerbs[c.defaultRoot] == "" {
			t.Errorf("category %s: default root %q is not a CAMEO root", name, c.defaultRoot)
		}
	}
}

func TestFoldAndSummaryVerb(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"CONCEDE", "YIELD"}, {"RETREAT", "YIELD"}, {"YIELD", "YIELD"}, {"FIGHT", "ASSAULT"},
		{"INVESTIGATE", "ACCUSE"}, {"DISAPPROVE", "ACCUSE"}, {"DEMAND", "REQUEST"}, {"NONE", "NONE"}, {"", ""},
	} {
		if got := FoldPLOVER(c.in); got != c.want {
			t.Errorf("FoldPLOVER(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ plover, cameo, want string }{
		{"YIELD", "084", "yielded to"},
		{"CONCEDE", "081", "yielded to"},
		{"ASSAULT", "190", "attacked"},
		{"", "010", "made a statement about"},
		{"UNKNOWN", "182", "assaulted"},
		{"", "", ""},
		{"", "990", ""},
	} {
		if got := SummaryVerb(c.plover, c.cameo); got != c.want {
			t.Errorf("SummaryVerb(%q, %q) = %q, want %q", c.plover, c.cameo, got, c.want)
		}
	}
}
