package cli

import (
	"context"
	"sync"

	"github.com/parleynews/parley/fetch"
	"github.com/parleynews/parley/sqlite"
)

// storeValidators is the fetch cache of an ingest: the HTTP validators live in the store they
// were fetched into, so that another or a rebuilt store is never told "not modified" about a
// page it does not hold. A validator is kept only once what was fetched with it is stored: a
// page's when its document is committed, a feed's when the run ends with every item stored.
// A crash before that leaves the old validators, and the next run fetches the page again.
type storeValidators struct {
	ctx   context.Context
	store *sqlite.DB
	feeds map[string]bool

	mu      sync.Mutex
	pending map[string]fetch.Validators
	err     error // the first failure to read or write the table
}

func newStoreValidators(ctx context.Context, store *sqlite.DB, feeds []string) *storeValidators {
	v := &storeValidators{ctx: ctx, store: store, feeds: map[string]bool{}, pending: map[string]fetch.Validators{}}
	for _, f := range feeds {
		v.feeds[f] = true
	}
	return v
}

// Get implements fetch.Cache. A page's validators count only while the store holds a document
// read from it.
func (v *storeValidators) Get(url string) (fetch.Validators, bool) {
	etag, lm, ok, err := v.store.Validator(v.ctx, url)
	if err != nil {
		v.fail(err)
		return fetch.Validators{}, false
	}
	if !ok {
		return fetch.Validators{}, false
	}
	if !v.feeds[url] {
		has, err := v.store.HasSource(v.ctx, url)
		if err != nil {
			v.fail(err)
			return fetch.Validators{}, false
		}
		if !has {
			return fetch.Validators{}, false
		}
	}
	return fetch.Validators{ETag: etag, LastModified: lm}, true
}

// Put implements fetch.Cache: the validators wait until what they validate is stored.
// Forgetting a URL cannot lose anything, and is done at once.
func (v *storeValidators) Put(url string, val fetch.Validators) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if val.IsZero() {
		delete(v.pending, url)
		if err := v.store.PutValidator(v.ctx, url, "", ""); err != nil && v.err == nil {
			v.err = err
		}
		return
	}
	v.pending[url] = val
}

// stored records that the document read from source is in the store, so the validators it was
// fetched with are kept.
func (v *storeValidators) stored(source string) error {
	v.mu.Lock()
	val, ok := v.pending[source]
	delete(v.pending, source)
	v.mu.Unlock()
	if !ok {
		return nil
	}
	return v.store.PutValidator(v.ctx, source, val.ETag, val.LastModified)
}

// finish keeps the feeds' validators after a run in which every item was stored, and returns
// the first failure to read or write them.
func (v *storeValidators) finish(complete bool) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if complete {
		for url, val := range v.pending {
			if !v.feeds[url] {
				continue
			}
			if err := v.store.PutValidator(v.ctx, url, val.ETag, val.LastModified); err != nil && v.err == nil {
				v.err = err
			}
			delete(v.pending, url)
		}
	}
	return v.err
}

func (v *storeValidators) fail(err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err == nil {
		v.err = err
	}
}
