package fetch

import (
	"sync"
	"testing"
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
