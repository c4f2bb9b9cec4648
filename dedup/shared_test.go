package dedup

import (
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
	var out []article
	for _, f := range shared.Texts(t, "bench", "polnear", "train", "text") {
		out = append(out, article{strings.TrimSuffix(f.Name, ".txt"), f.Body})
	}
	slices.SortFunc(out, func(a, b article) int { return strings.Compare(a.name, b.name) })
	if len(out) < 100 {
		t.Fatalf("PolNeAR train: only %d texts", len(out))
	}
	return out
}
