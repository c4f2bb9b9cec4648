package fetch

import "sync"

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
