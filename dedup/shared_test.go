package dedup

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sharedDir is ../shared from the repository root; this package is one level below the root.
var sharedDir = filepath.Join("..", "..", "shared")

// shared returns the path of a file or folder under ../shared, skipping the test when it is
// absent (a user's clone has none) and failing under CI, where it must be there.
func shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data missing under CI: %v", err)
		}
		t.Skipf("shared data not available (%v): skipping", err)
	}
	return p
}

type article struct {
	name string
	text string
}

// polnear reads the PolNeAR training texts, sorted by name.
func polnear(t testing.TB) []article {
	t.Helper()
	dir := shared(t, filepath.Join("bench", "polnear", "train", "text"))
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
