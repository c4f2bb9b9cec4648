package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/parleynews/parley"
)

// Validators are what a server said identifies the version of a page it sent, to be sent back in
// a conditional request (If-None-Match, If-Modified-Since). The zero value means none.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// IsZero reports whether there is no validator.
func (v Validators) IsZero() bool { return v.ETag == "" && v.LastModified == "" }

// Cache keeps validators by URL (as the user gave it) between fetches. Put with zero Validators
// forgets the URL. Implementations must be safe for concurrent use.
type Cache interface {
	Get(url string) (Validators, bool)
	Put(url string, v Validators)
}

// MemoryCache is a Cache that lasts as long as the process.
type MemoryCache struct {
	mu sync.Mutex
	m  map[string]Validators
}

// NewMemoryCache returns an empty MemoryCache.
func NewMemoryCache() *MemoryCache { return &MemoryCache{m: make(map[string]Validators)} }

// Get returns the validators stored for url.
func (c *MemoryCache) Get(url string) (Validators, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[url]
	return v, ok
}

// Put stores the validators of url, or forgets url when v is zero.
func (c *MemoryCache) Put(url string, v Validators) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.IsZero() {
		delete(c.m, url)
		return
	}
	c.m[url] = v
}

// FileCache is a Cache kept in a JSON file, so that validators survive from one run of parley to
// the next. Every change is written at once, atomically (a temporary file renamed over the old
// one), so a crash or a concurrent reader never sees half a file; two processes writing at once
// lose one's changes, which costs only an unconditional fetch.
type FileCache struct {
	path string
	mu   sync.Mutex
	m    map[string]Validators
	err  error // the failure of the last write, until one succeeds
}

// fileCacheVersion is the "version" of the file format this code writes and reads.
const fileCacheVersion = 1

type fileCacheJSON struct {
	Version    int                   `json:"version"`
	Validators map[string]Validators `json:"validators"`
}

// NewFileCache opens the cache kept at path; a missing file is an empty cache (the file is
// created by the first Put). An unreadable or malformed file is an EINVALID error naming it.
func NewFileCache(path string) (*FileCache, error) {
	c := &FileCache{path: path, m: make(map[string]Validators)}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "validator cache " + path, Err: err}
	}
	var f fileCacheJSON
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "validator cache " + path, Err: err}
	}
	if f.Version != fileCacheVersion {
		return nil, parley.Errorf(parley.EINVALID, "validator cache %s: version %d, this parley reads version %d", path, f.Version, fileCacheVersion)
	}
	for u, v := range f.Validators {
		if !v.IsZero() {
			c.m[u] = v
		}
	}
	return c, nil
}

// Get returns the validators stored for url.
func (c *FileCache) Get(url string) (Validators, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[url]
	return v, ok
}

// Put stores the validators of url (forgets url when v is zero) and writes the file. A failed
// write is remembered and returned by Save; the cache in memory is right either way.
func (c *FileCache) Put(url string, v Validators) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, had := c.m[url]
	if v.IsZero() {
		if !had {
			return
		}
		delete(c.m, url)
	} else {
		if had && old == v {
			return
		}
		c.m[url] = v
	}
	c.err = c.write()
}

// Save writes the file if the last write failed, and returns the error of that attempt.
func (c *FileCache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		c.err = c.write()
	}
	return c.err
}

// write replaces the file with the cache's contents; c.mu is held.
func (c *FileCache) write() error {
	b, err := json.MarshalIndent(fileCacheJSON{Version: fileCacheVersion, Validators: c.m}, "", "\t")
	if err != nil {
		return fmt.Errorf("write validator cache %s: %w", c.path, err)
	}
	dir, base := filepath.Split(c.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("write validator cache %s: %w", c.path, err)
	}
	name := tmp.Name()
	_, err = tmp.Write(append(b, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, c.path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write validator cache %s: %w", c.path, err)
	}
	return nil
}
