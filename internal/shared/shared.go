// Package shared locates the read-only benchmark and seed material (corpora, gold answer keys,
// benchmark sets) that tests and benchmarks read from ../shared beside the repository. A user's
// clone has no such folder, so its absence skips the test; under CI it must be there, so its
// absence fails the test instead.
package shared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of ../shared/<parts...> relative to the module root, found by walking up
// from the working directory to the folder holding go.mod. When it is absent, the test or
// benchmark is skipped with a message naming the path, except under CI=true, where it fails.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatalf("locate shared material: %v", err)
	}
	root, err := findRoot(wd)
	if err != nil {
		// go test always runs inside the module, so this is a broken setup, not missing data.
		tb.Fatalf("locate shared material: %v", err)
	}
	path := filepath.Join(append([]string{root, "..", "shared"}, parts...)...)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI needs %s: %v", path, err)
		}
		tb.Skipf("%s not found: the shared benchmark and seed material belongs at ../shared beside the repository, and this checkout has none", path)
	}
	return path
}

// findRoot returns the nearest folder at or above start that holds a go.mod file.
func findRoot(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find module root from %s: %w", start, err)
	}
	for {
		fi, err := os.Stat(filepath.Join(dir, "go.mod"))
		if err == nil && !fi.IsDir() {
			return dir, nil
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("find module root from %s: %w", start, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find module root from %s: no go.mod in it or any parent", start)
		}
		dir = parent
	}
}

// Text is one file of a folder of texts: its base name and its content.
type Text struct {
	Name string
	Body string
}

// Texts reads every .txt file of ../shared/<parts...>, in name order, with Dir's rules for a
// missing folder. An empty folder or an unreadable file fails the test.
func Texts(tb testing.TB, parts ...string) []Text {
	tb.Helper()
	dir := Dir(tb, parts...)
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no texts in %s (%v)", dir, err)
	}
	out := make([]Text, 0, len(names))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		out = append(out, Text{Name: filepath.Base(name), Body: string(b)})
	}
	return out
}
