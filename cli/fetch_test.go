package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

const pageHTML = `<!doctype html><html><head><title>%s</title></head><body><nav>Home | World</nav>
<article><h1>%s</h1><p>Officials in Kyiv said on Monday that talks with Washington on security guarantees would continue this week.</p>
<p>The foreign minister told reporters that a written pledge was needed before any ceasefire could hold, and that allies agreed.</p>
<p>%s</p></article>
<footer>Copyright</footer></body></html>`

func TestIngestOverHTTP(t *testing.T) {
	var hits = map[string]int{}
	mux := http.NewServeMux()
	page := func(title, extra string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			hits[r.URL.Path]++
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, pageHTML, title, title, extra)
		}
	}
	mux.HandleFunc("/a", page("Kyiv presses for a written pledge", "The minister said the pledge would have to be ratified by parliament before it could take effect."))
	mux.HandleFunc("/b", page("Europe weighs a peacekeeping force", "European diplomats said a peacekeeping force was being discussed, though no country has yet committed troops to it."))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>%[1]s/a</link><pubDate>Mon, 18 Aug 2025 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>%[1]s/b</link></item>
<item><title>no link</title></item></channel></rss>`, srv.URL)
	})

	env := map[string]string{"PARLEY_DB": filepath.Join(t.TempDir(), "store.db")}
	code, out, errOut := run(t, env, "", "ingest", srv.URL+"/a")
	if code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("ingest of a page: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, env, "", "ingest", srv.URL+"/a")
	if code != 0 || !strings.Contains(out, "1 pages not modified") {
		t.Fatalf("second ingest of an unchanged page: exit %d\n%s", code, out)
	}
	// The feed's malformed item is reported; its good items are stored, /a only as a source.
	code, out, errOut = run(t, env, "", "ingest", "--feed", srv.URL+"/feed.xml")
	if code != 1 || !strings.Contains(errOut, "feed.xml") || !strings.Contains(out, "1 new") {
		t.Fatalf("feed ingest: exit %d\n%s%s", code, out, errOut)
	}
	if hits["/a"] != 2 || hits["/b"] != 1 {
		t.Errorf("page fetches: %v (the feed's item /a was stored already and should not be fetched)", hits)
	}
	code, out, _ = run(t, env, "", "search", "peacekeeping")
	if code != 0 || !strings.Contains(out, srv.URL+"/b") || strings.Contains(out, srv.URL+"/a") {
		t.Fatalf("search after feed ingest: %s", out)
	}
	code, _, errOut = run(t, env, "", "analyze", srv.URL+"/missing")
	if code != 1 || !strings.Contains(errOut, "/missing") || !strings.Contains(errOut, "404") {
		t.Errorf("a 404 page: exit %d, %s", code, errOut)
	}
}
