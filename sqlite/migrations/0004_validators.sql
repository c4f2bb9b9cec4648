-- The HTTP validators (ETag, Last-Modified) of pages and feeds fetched into this store, for
-- conditional requests. They belong to the store: a rebuilt or second store has none, so it
-- fetches everything once rather than being told "not modified" about pages it never stored.
CREATE TABLE http_validators (
	url TEXT PRIMARY KEY,
	etag TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT ''
);
