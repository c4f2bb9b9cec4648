package story

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
