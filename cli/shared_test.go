package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared (the read-only benchmark and seed material beside the checkout).
// A user's clone has none, so tests skip; in CI its absence is a failure.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s: %v", dir, err)
		}
		t.Skipf("%s not found: the shared benchmark material is not beside this checkout", dir)
	}
	return dir
}
