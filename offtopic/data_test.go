package offtopic

import (
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

// TestData checks that the embedded word lists parse and that the package reads every one.
func TestData(t *testing.T) {
	if _, err := lexfile.CheckFS(dataFS, "data/*.txt"); err != nil {
		t.Fatal(err)
	}
	if u := vocab.Unused(); len(u) > 0 {
		t.Errorf("sections %q of %s are never read", u, vocab.Name)
	}
}

func TestRegions(t *testing.T) {
	for code, want := range map[string]string{"UKR": "europe", "XKX": "europe", "USA": "north-america", "SSD": "africa", "CAS": "asia", "ATA": ""} {
		if got := regionOf(code); got != want {
			t.Errorf("regionOf(%s) = %q, want %q", code, got, want)
		}
	}
	if !commonCapital["tuesday"] || !stopword["there's"] || len(changeOfSubject) != 10 {
		t.Error("word lists lost their words")
	}
}
