package shared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindRoot(t *testing.T) {
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "mod")
	deep := filepath.Join(mod, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder named go.mod is not a module file: the walk must pass it by.
	if err := os.Mkdir(filepath.Join(mod, "a", "go.mod"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(tmp, "outside")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		start string
		want  string
	}{
		{"at the root", mod, mod},
		{"one below", filepath.Join(mod, "a"), mod},
		{"deep below", deep, mod},
		{"relative dots", filepath.Join(deep, "..", ".."), mod},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := findRoot(tc.start)
			if err != nil {
				t.Fatalf("findRoot(%s): %v", tc.start, err)
			}
			if got != tc.want {
				t.Errorf("findRoot(%s) = %s, want %s", tc.start, got, tc.want)
			}
		})
	}
	// The temp dir may itself sit under some go.mod; only when it does not must the walk fail.
	if got, err := findRoot(outside); err == nil {
		if _, serr := os.Stat(filepath.Join(got, "go.mod")); serr != nil {
			t.Errorf("findRoot(%s) = %s, which holds no go.mod", outside, got)
		}
	}
}

func TestFindRootThisModule(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := findRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	// This package is internal/shared, two levels below the module root.
	if want := filepath.Dir(filepath.Dir(wd)); root != want {
		t.Errorf("findRoot(%s) = %s, want %s", wd, root, want)
	}
}

func TestDir(t *testing.T) {
	dir := Dir(t)
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatalf("Dir() = %s: %v", dir, err)
	}
	if !fi.IsDir() {
		t.Errorf("Dir() = %s, not a directory", dir)
	}
	if filepath.Base(dir) != "shared" || !filepath.IsAbs(dir) {
		t.Errorf("Dir() = %s, want an absolute path ending in shared", dir)
	}
}

func TestDirParts(t *testing.T) {
	dir := Dir(t, "corpus", "seeds")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Errorf("Dir(corpus, seeds) = %s: not a directory (%v)", dir, err)
	}
	if want := filepath.Join(Dir(t), "corpus", "seeds"); dir != want {
		t.Errorf("Dir(corpus, seeds) = %s, want %s", dir, want)
	}
}

func TestTexts(t *testing.T) {
	texts := Texts(t, "corpus", "seeds")
	if len(texts) != 5 {
		t.Fatalf("%d seed texts, want 5", len(texts))
	}
	for i, tx := range texts {
		if filepath.Ext(tx.Name) != ".txt" || tx.Body == "" || i > 0 && texts[i-1].Name >= tx.Name {
			t.Errorf("text %d: name %q, %d bytes (want .txt files in name order, none empty)", i, tx.Name, len(tx.Body))
		}
	}
}
