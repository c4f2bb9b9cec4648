package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/parleynews/parley"
)

// feedItem is one entry of a test feed; an empty link is left out of the feed.
type feedItem struct {
	title, link, published string // published: RFC 3339 or ""
}

// testItems is a feed with a malformed item among good ones. BASE is replaced with the server's
// URL.
var testItems = []feedItem{
	{"First", "BASE/articles/1", "2025-04-01T10:00:00Z"},
	{"Second", "/articles/2", ""}, // relative: resolved against the feed's URL
	{"Broken item", "", "2025-04-02T10:00:00Z"},
	{"Bad link", "http://[bad", ""},
	{"Missing", "BASE/articles/404", ""},
	{"Already read", "BASE/articles/seen", ""},
	{"First again", "BASE/articles/1#comments", ""}, // the same article: fetched once
	{"Third", "BASE/articles/3", "2025-04-03T08:30:00+02:00"},
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func rssFeed(base, _ string) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>` + base + `/</link><description>Tests</description>`)
	for i, it := range testItems {
		fmt.Fprintf(&sb, "\n<item><title>%s</title>", html.EscapeString(it.title))
		if it.link != "" {
			fmt.Fprintf(&sb, "<link>%s</link>", html.EscapeString(strings.ReplaceAll(it.link, "BASE", base)))
		}
		if it.published != "" {
			t, _ := time.Parse(time.RFC3339, it.published)
			fmt.Fprintf(&sb, "<pubDate>%s</pubDate>", t.Format("Mon, 02 Jan 2006 15:04:05 -0700"))
		}
		fmt.Fprintf(&sb, `<guid isPermaLink="false">item-%d</guid></item>`, i)
	}
	sb.WriteString("\n</channel></rss>\n")
	return sb.String()
}

func atomFeed(base, _ string) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test feed</title><id>urn:test:feed</id><updated>2025-04-03T10:00:00Z</updated>`)
	for i, it := range testItems {
		fmt.Fprintf(&sb, "\n<entry><title>%s</title><id>urn:test:item:%d</id><updated>2025-04-03T10:00:00Z</updated>", html.EscapeString(it.title), i)
		if it.link != "" {
			fmt.Fprintf(&sb, `<link rel="alternate" href="%s"/>`, html.EscapeString(strings.ReplaceAll(it.link, "BASE", base)))
		}
		if it.published != "" {
			fmt.Fprintf(&sb, "<published>%s</published>", it.published)
		}
		sb.WriteString("</entry>")
	}
	sb.WriteString("\n</feed>\n")
	return sb.String()
}

func jsonFeed(base, _ string) string {
	type item struct {
		ID            string `json:"id"`
		URL           string `json:"url,omitempty"`
		Title         string `json:"title"`
		DatePublished string `json:"date_published,omitempty"`
	}
	f := struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Items   []item `json:"items"`
	}{Version: "https://jsonfeed.org/version/1.1", Title: "Test feed"}
	for i, it := range testItems {
		f.Items = append(f.Items, item{fmt.Sprint(i), strings.ReplaceAll(it.link, "BASE", base), it.title, it.published})
	}
	b, _ := json.Marshal(f)
	return string(b)
}

// feedSite serves a feed at /feed and articles under /articles/, counting the requests of each
// path.
type feedSite struct {
	srv *httptest.Server
	mu  sync.Mutex
	hit map[string]int
}

func (s *feedSite) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hit[path]
}

func newFeedSite(t *testing.T, contentType string, feed func(base, _ string) string, extra http.Handler) *feedSite {
	s := &feedSite{hit: make(map[string]int)}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		serve(200, contentType, feed(s.srv.URL, ""))(w, r)
	})
	mux.Handle("/articles/1", serve(200, "text/html", "<html><body><p>One.</p></body></html>"))
	mux.Handle("/articles/2", serve(200, "text/html", "<html><body><p>Two.</p></body></html>"))
	mux.Handle("/articles/3", serve(200, "text/plain; charset=utf-8", "Three.\n"))
	mux.Handle("/articles/seen", serve(200, "text/html", "<p>Seen.</p>"))
	if extra != nil {
		mux.Handle("/extra/", extra)
	}
	s.srv = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hit[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	return s
}

// emitted is what Feed emitted, in order: documents as "doc SOURCE|TITLE|PUBLISHED|FORMAT",
// errors as "err CODE MESSAGE".
type emitted []string

func (e *emitted) emit(doc *parley.Document, err error) error {
	if err != nil {
		*e = append(*e, fmt.Sprintf("err %s %s", parley.ErrorCode(err), err))
		return nil
	}
	*e = append(*e, fmt.Sprintf("doc %s|%s|%s|%s", doc.Source, doc.Title, doc.Published, doc.Format))
	return nil
}

func TestFeed(t *testing.T) {
	formats := []struct {
		name, contentType string
		feed              func(string, string) string
	}{
		{"RSS", "application/rss+xml", rssFeed},
		{"Atom", "application/atom+xml; charset=utf-8", atomFeed},
		{"JSON Feed", "application/feed+json", jsonFeed},
		{"RSS as text/xml", "text/xml", rssFeed},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			site := newFeedSite(t, f.contentType, f.feed, nil)
			base := site.srv.URL
			c := newClient(t, Options{})
			var got emitted
			var asked []string
			seen := func(u string) bool {
				asked = append(asked, u)
				return u == base+"/articles/seen"
			}
			if err := c.Feed(context.Background(), base+"/feed", seen, got.emit); err != nil {
				t.Fatal(err)
			}
			second := "" // Atom's <updated> stands in for a missing <published>
			if f.name == "Atom" {
				second = "2025-04-03T10:00:00Z"
			}
			want := emitted{
				"doc " + base + "/articles/1|First|2025-04-01T10:00:00Z|html",
				"doc " + base + "/articles/2|Second|" + second + "|html",
				"err invalid " + base + "/feed: item 3 (\"Broken item\"): no link",
				"err invalid " + base + "/feed: item 4 (\"Bad link\"): bad link \"http://[bad\"",
				"err not_found " + base + "/articles/404: HTTP 404 Not Found",
				"doc " + base + "/articles/3|Third|2025-04-03T08:30:00+02:00|text",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("emitted\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			wantAsked := []string{base + "/articles/1", base + "/articles/2", base + "/articles/404", base + "/articles/seen", base + "/articles/3"}
			if fmt.Sprint(asked) != fmt.Sprint(wantAsked) {
				t.Errorf("seen asked about %q, want %q", asked, wantAsked)
			}
			for path, n := range map[string]int{"/articles/1": 1, "/articles/seen": 0, "/feed": 1, "/robots.txt": 1} {
				if got := site.hits(path); got != n {
					t.Errorf("%s fetched %d times, want %d", path, got, n)
				}
			}
		})
	}
}

func TestFeedDocuments(t *testing.T) {
	site := newFeedSite(t, "application/rss+xml", rssFeed, nil)
	c := newClient(t, Options{})
	var docs []*parley.Document
	err := c.Feed(context.Background(), site.srv.URL+"/feed", nil, func(d *parley.Document, err error) error {
		if d != nil {
			docs = append(docs, d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 { // seen is nil: /articles/seen is read too
		t.Fatalf("%d documents, want 4", len(docs))
	}
	d := docs[0]
	if d.URL != site.srv.URL+"/articles/1" || string(d.Raw) != "<html><body><p>One.</p></body></html>" || d.Text != "" {
		t.Errorf("first document %+v", d)
	}
	if d := docs[3]; d.Text != "Three.\n" || d.Raw != nil {
		t.Errorf("text document %+v", d)
	}
}

func TestFeedFails(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/html", serve(200, "text/html", articleHTML))
	mux.Handle("/garbage", serve(200, "application/rss+xml", "this is not a feed"))
	mux.Handle("/truncated", serve(200, "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><item><title>A`))
	mux.Handle("/bad-json", serve(200, "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`))
	mux.Handle("/missing", serve(404, "text/plain", "no"))
	mux.Handle("/down", serve(502, "text/plain", "no"))
	srv := newServer(t, mux)
	c := newClient(t, Options{})
	for path, code := range map[string]string{
		"/html": parley.EINVALID, "/garbage": parley.EINVALID, "/truncated": parley.EINVALID, "/bad-json": parley.EINVALID,
		"/missing": parley.ENOTFOUND, "/down": parley.EUNAVAILABLE,
	} {
		t.Run(path, func(t *testing.T) {
			calls := 0
			err := c.Feed(context.Background(), srv.URL+path, nil, func(*parley.Document, error) error { calls++; return nil })
			wantError(t, err, code, srv.URL+path+": ")
			if code == parley.EINVALID && !strings.Contains(err.Error(), "not a readable RSS, Atom or JSON feed") {
				t.Errorf("error %q does not say the feed is unreadable", err)
			}
			if calls != 0 {
				t.Errorf("emit called %d times", calls)
			}
		})
	}
	t.Run("bad URL", func(t *testing.T) {
		err := c.Feed(context.Background(), "feed.xml", nil, func(*parley.Document, error) error { return nil })
		wantError(t, err, parley.EINVALID, "feed.xml")
	})
}

func TestFeedStopsWhenEmitFails(t *testing.T) {
	site := newFeedSite(t, "application/rss+xml", rssFeed, nil)
	c := newClient(t, Options{})
	stop := errors.New("stop")
	calls := 0
	err := c.Feed(context.Background(), site.srv.URL+"/feed", nil, func(*parley.Document, error) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("error %v after %d calls, want the emit error after 1", err, calls)
	}
	if n := site.hits("/articles/2"); n != 0 {
		t.Errorf("went on fetching after emit failed")
	}
}

func TestFeedCancelled(t *testing.T) {
	site := newFeedSite(t, "application/rss+xml", rssFeed, nil)
	c := newClient(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	err := c.Feed(ctx, site.srv.URL+"/feed", nil, func(*parley.Document, error) error { cancel(); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestFeedNotModified reads a feed twice: the second time the server answers 304 and nothing is
// fetched or emitted. A feed one of whose articles failed for a passing reason is read in full
// the next time.
func TestFeedNotModified(t *testing.T) {
	var mu sync.Mutex
	articleDown := true
	feedHits := 0
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		feedHits++
		mu.Unlock()
		w.Header().Set("ETag", `"feed-1"`)
		if r.Header.Get("If-None-Match") == `"feed-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2025-04-03T10:00:00Z</updated>
<entry><title>A</title><id>urn:a</id><updated>2025-04-03T10:00:00Z</updated><link href="%s/a"/></entry>
<entry><title>B</title><id>urn:b</id><updated>2025-04-03T10:00:00Z</updated><link href="%s/b"/></entry></feed>`, base, base)
	})
	mux.Handle("/a", serve(200, "text/html", articleHTML))
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		down := articleDown
		mu.Unlock()
		if down {
			serve(503, "text/plain", "busy")(w, r)
			return
		}
		serve(200, "text/html", articleHTML)(w, r)
	})
	srv := newServer(t, mux)
	base = srv.URL
	c := newClient(t, Options{Cache: NewMemoryCache()})
	stored := map[string]bool{}
	seen := func(u string) bool { return stored[u] }
	run := func() (docs, errs int) {
		t.Helper()
		err := c.Feed(context.Background(), base+"/feed", seen, func(d *parley.Document, err error) error {
			if err != nil {
				errs++
				return nil
			}
			stored[d.Source] = true
			docs++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return docs, errs
	}
	if docs, errs := run(); docs != 1 || errs != 1 {
		t.Fatalf("first pass: %d documents, %d errors; want 1 and 1", docs, errs)
	}
	mu.Lock()
	articleDown = false
	mu.Unlock()
	// /b failed with a 503: the feed's validators were not kept, so it is read again.
	if docs, errs := run(); docs != 1 || errs != 0 {
		t.Fatalf("second pass: %d documents, %d errors; want 1 and 0", docs, errs)
	}
	// Everything was read: now the feed is not modified and there is nothing to do.
	if docs, errs := run(); docs != 0 || errs != 0 {
		t.Fatalf("third pass: %d documents, %d errors; want none", docs, errs)
	}
	if feedHits != 3 {
		t.Errorf("feed requested %d times, want 3", feedHits)
	}
}

func TestItemLink(t *testing.T) {
	base, _ := url.Parse("https://news.example/feeds/world.xml")
	tests := []struct {
		link  string
		links []string
		guid  string
		want  string
		err   string
	}{
		{link: "https://news.example/a", want: "https://news.example/a"},
		{link: "  /b?x=1#frag ", want: "https://news.example/b?x=1"},
		{link: "c.html", want: "https://news.example/feeds/c.html"},
		{links: []string{"", "https://news.example/d"}, want: "https://news.example/d"},
		{guid: "https://news.example/e", want: "https://news.example/e"},
		{guid: "tag:news.example,2025:e", err: "no link"},
		{err: "no link"},
		{link: "mailto:editor@news.example", err: `bad link "mailto:editor@news.example": not an http or https URL`},
		{link: "http://[bad", err: `bad link "http://[bad"`},
	}
	for _, tt := range tests {
		got, err := itemLink(base, &gofeed.Item{Link: tt.link, Links: tt.links, GUID: tt.guid})
		if got != tt.want || fmt.Sprint(err) != fmt.Sprint(errOrNil(tt.err)) {
			t.Errorf("itemLink(%q, %q, %q) = %q, %v; want %q, %s", tt.link, tt.links, tt.guid, got, err, tt.want, tt.err)
		}
	}
}

func errOrNil(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}

func TestTitleNote(t *testing.T) {
	long := strings.Repeat("é", 100)
	for in, want := range map[string]string{
		"":              "",
		"  A\n  title ": ` ("A title")`,
		`Say "no"`:      ` ("Say \"no\"")`,
		long:            ` ("` + strings.Repeat("é", 79) + `…")`,
	} {
		if got := titleNote(in); got != want {
			t.Errorf("titleNote(%q) = %q, want %q", in, got, want)
		}
	}
}
