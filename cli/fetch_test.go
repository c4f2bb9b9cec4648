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

// TestIngestIntoTwoStores is the data-loss case of a validator cache shared by the stores of
// one folder: the second store, which holds nothing, must fetch and store the page, not be
// told it was not modified. A page whose document could not be stored keeps no validators
// either, so the next run fetches it again.
func TestIngestIntoTwoStores(t *testing.T) {
	var hits, conditional int
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		hits++
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, pageHTML, "Kyiv presses for a written pledge", "Kyiv presses for a written pledge",
			"The minister said the pledge would have to be ratified by parliament before it could take effect.")
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"e1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"e1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><body><nav>Home</nav></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir() // both stores in one folder, as the old shared cache file had it
	for _, name := range []string{"one.db", "two.db"} {
		env := map[string]string{"PARLEY_DB": filepath.Join(dir, name)}
		code, out, errOut := run(t, env, "", "ingest", srv.URL+"/a")
		if code != 0 || !strings.Contains(out, "1 new") {
			t.Fatalf("ingest into %s: exit %d\n%s%s", name, code, out, errOut)
		}
		code, out, _ = run(t, env, "", "search", "ratified")
		if code != 0 || !strings.Contains(out, srv.URL+"/a") {
			t.Fatalf("%s does not hold the page after its ingest: %s", name, out)
		}
	}
	if hits != 2 || conditional != 0 {
		t.Errorf("the page was fetched %d times, %d conditionally; want 2 plain fetches", hits, conditional)
	}
	env := map[string]string{"PARLEY_DB": filepath.Join(dir, "one.db")}
	if code, out, _ := run(t, env, "", "ingest", srv.URL+"/a"); code != 0 || !strings.Contains(out, "1 pages not modified") {
		t.Errorf("a rerun into the store that holds the page should be conditional: exit %d\n%s", code, out)
	}
	// A page with no article text fails; the rerun must try it again in full.
	for i := 0; i < 2; i++ {
		if code, _, errOut := run(t, env, "", "ingest", srv.URL+"/empty"); code != 1 || !strings.Contains(errOut, "/empty") {
			t.Fatalf("ingest of an empty page, run %d: exit %d, %s", i+1, code, errOut)
		}
	}
	if conditional != 1 {
		t.Errorf("%d conditional requests; want 1 (the rerun of the stored page only)", conditional)
	}
}
