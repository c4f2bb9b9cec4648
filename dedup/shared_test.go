package dedup

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parleynews/parley/internal/shared"
)

type article struct {
	name string
	text string
}

// polnear reads the PolNeAR training texts, sorted by name.
func polnear(t testing.TB) []article {
	t.Helper()
	dir := shared.Dir(t, "bench", "polnear", "train", "text")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	var out []article
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		out = append(out, article{strings.TrimSuffix(e.Name(), ".txt"), string(b)})
	}
	slices.SortFunc(out, func(a, b article) int { return strings.Compare(a.name, b.name) })
	if len(out) < 100 {
		t.Fatalf("%s: only %d texts", dir, len(out))
	}
	return out
}
