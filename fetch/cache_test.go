package fetch

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/parleynews/parley"
)

func TestMemoryCache(t *testing.T) {
	c := NewMemoryCache()
	testCache(t, c)
}

func testCache(t *testing.T, c Cache) {
	t.Helper()
	if _, ok := c.Get("http://x/a"); ok {
		t.Fatal("empty cache has an entry")
	}
	v := Validators{ETag: `"1"`, LastModified: "Tue, 01 Apr 2025 10:00:00 GMT"}
	c.Put("http://x/a", v)
	if got, ok := c.Get("http://x/a"); !ok || got != v {
		t.Errorf("Get = %+v, %v; want %+v", got, ok, v)
	}
	c.Put("http://x/a", Validators{})
	if _, ok := c.Get("http://x/a"); ok {
		t.Error("zero validators did not forget the URL")
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			u := "http://x/" + string(rune('a'+i))
			c.Put(u, Validators{ETag: u})
			c.Get(u)
		})
	}
	wg.Wait()
}

func TestFileCache(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "validators.json")
	c, err := NewFileCache(path)
	if err != nil {
		t.Fatal(err)
	}
	testCache(t, c)
	v := Validators{ETag: `W/"x"`}
	c.Put("https://news.example/feed", v)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}

	// Another run reads what this one wrote.
	c2, err := NewFileCache(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c2.Get("https://news.example/feed"); !ok || got != v {
		t.Errorf("reopened: Get = %+v, %v; want %+v", got, ok, v)
	}
	if got, ok := c2.Get("http://x/c"); !ok || got.ETag != "http://x/c" {
		t.Errorf("reopened: Get = %+v, %v", got, ok)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
}

func TestFileCacheBadFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"corrupt.json": `{"version": 1, "validators": {`,
		"future.json":  `{"version": 99, "validators": {}}`,
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o600)
		_, err := NewFileCache(path)
		wantError(t, err, parley.EINVALID, "validator cache "+path)
	}
	_, err := NewFileCache(dir) // a folder
	wantError(t, err, parley.EINVALID, "validator cache "+dir)
}

func TestFileCacheWriteFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not-yet")
	path := filepath.Join(dir, "validators.json")
	c, err := NewFileCache(path) // a missing file is an empty cache
	if err != nil {
		t.Fatal(err)
	}
	c.Put("http://x/a", Validators{ETag: "1"}) // the folder does not exist: the write fails
	if got, ok := c.Get("http://x/a"); !ok || got.ETag != "1" {
		t.Error("the cache in memory lost the entry")
	}
	if err := c.Save(); err == nil {
		t.Fatal("Save: no error after a failed write")
	} else if want := "write validator cache " + path; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("Save: %q does not start with %q", err, want)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(); err != nil {
		t.Fatalf("Save once the folder exists: %v", err)
	}
	c2, err := NewFileCache(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c2.Get("http://x/a"); got.ETag != "1" {
		t.Errorf("saved file lacks the entry: %+v", got)
	}
}
