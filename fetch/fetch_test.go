package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleynews/parley"
)

// The tests talk to real HTTP servers on the loopback interface (httptest), never to mocks.

// newClient returns a client for tests: no spacing between requests and a short timeout unless
// the options ask otherwise.
func newClient(t *testing.T, opt Options) *Client {
	t.Helper()
	if opt.HostInterval == 0 {
		opt.HostInterval = -1
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	c := New(opt)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// wantError checks that err is a *parley.Error of the code whose message holds every part.
func wantError(t *testing.T, err error, code string, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s error with %q", code, parts)
	}
	var pe *parley.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %q (%T) is not a *parley.Error", err, err)
	}
	if got := parley.ErrorCode(err); got != code {
		t.Errorf("error %q has code %s, want %s", err, got, code)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

// serve answers with a fixed status, content type and body. A contentType of "none" sends no
// Content-Type at all (the server would otherwise sniff one).
func serve(status int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType == "none" {
			w.Header()["Content-Type"] = nil
		} else {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

const articleHTML = "<!doctype html><html><head><title>T</title></head><body><p>Hello.</p></body></html>"

var pngBytes = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

func TestPage(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/article.html", serve(200, "text/html; charset=utf-8", articleHTML))
	mux.Handle("/moved", http.RedirectHandler("/article.html", http.StatusMovedPermanently))
	mux.Handle("/no-type", serve(200, "none", articleHTML))
	mux.Handle("/xhtml", serve(200, "application/xhtml+xml", articleHTML))
	mux.Handle("/html-1252", serve(200, "text/html; charset=windows-1252", "<html><body><p>caf\xe9 \x93x\x94</p></body></html>"))
	mux.Handle("/html-utf8-mislabelled", serve(200, "text/html; charset=iso-8859-1", "<html><body><p>café</p></body></html>"))
	mux.Handle("/plain-1252", serve(200, "text/plain; charset=windows-1252", "Caf\xe9 \x93quoted\x94 costs 5 \x80.\n"))
	mux.Handle("/plain-latin1", serve(200, "text/plain; charset=ISO-8859-1", "Caf\xe9 cr\xe8me.\n"))
	mux.Handle("/plain-guess", serve(200, "text/plain", "Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve.\n"))
	mux.Handle("/plain-utf8-mislabelled", serve(200, "text/plain; charset=iso-8859-1", "Café “quoted”.\n"))
	mux.Handle("/plain-utf16", serve(200, "text/plain; charset=utf-16le", "H\x00i\x00!\x00"))
	mux.Handle("/plain-unknown-charset", serve(200, "text/plain; charset=x-no-such", "Plain words.\n"))
	mux.Handle("/markdown", serve(200, "text/markdown", "# Title\n\nWords.\n"))
	mux.Handle("/octet-text", serve(200, "application/octet-stream", "Just words in a file.\n"))
	mux.Handle("/bad-type", serve(200, "text/html; charset", articleHTML)) // unparsable: sniffed
	mux.Handle("/bmw", serve(200, "text/plain", "BMW said so.\n"))         // "BM" opens a BMP image
	srv := newServer(t, mux)
	c := newClient(t, Options{})

	tests := []struct {
		path, format, url, text string
		raw                     string
	}{
		{"/article.html", parley.FormatHTML, "/article.html", "", articleHTML},
		{"/moved", parley.FormatHTML, "/article.html", "", articleHTML},
		{"/no-type", parley.FormatHTML, "/no-type", "", articleHTML},
		{"/xhtml", parley.FormatHTML, "/xhtml", "", articleHTML},
		{"/html-1252", parley.FormatHTML, "/html-1252", "", "<html><body><p>café “x”</p></body></html>"},
		{"/html-utf8-mislabelled", parley.FormatHTML, "/html-utf8-mislabelled", "", "<html><body><p>café</p></body></html>"},
		{"/bad-type", parley.FormatHTML, "/bad-type", "", articleHTML},
		{"/plain-1252", parley.FormatText, "/plain-1252", "Café “quoted” costs 5 €.\n", ""},
		{"/plain-latin1", parley.FormatText, "/plain-latin1", "Café crème.\n", ""},
		{"/plain-guess", parley.FormatText, "/plain-guess", "Café crème brûlée, naïve.\n", ""},
		{"/plain-utf8-mislabelled", parley.FormatText, "/plain-utf8-mislabelled", "Café “quoted”.\n", ""},
		{"/plain-utf16", parley.FormatText, "/plain-utf16", "Hi!", ""},
		{"/plain-unknown-charset", parley.FormatText, "/plain-unknown-charset", "Plain words.\n", ""},
		{"/markdown", parley.FormatText, "/markdown", "# Title\n\nWords.\n", ""},
		{"/octet-text", parley.FormatText, "/octet-text", "Just words in a file.\n", ""},
		{"/bmw", parley.FormatText, "/bmw", "BMW said so.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src := srv.URL + tt.path
			doc, err := c.Page(context.Background(), src)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != src || doc.URL != srv.URL+tt.url || doc.Format != tt.format {
				t.Errorf("Source %q URL %q Format %q, want %q %q %q", doc.Source, doc.URL, doc.Format, src, srv.URL+tt.url, tt.format)
			}
			if doc.Text != tt.text {
				t.Errorf("Text %q, want %q", doc.Text, tt.text)
			}
			if string(doc.Raw) != tt.raw {
				t.Errorf("Raw %q, want %q", doc.Raw, tt.raw)
			}
		})
	}
}

func TestPageRefused(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/image.png", serve(200, "image/png", pngBytes))
	mux.Handle("/png-as-html", serve(200, "text/html", pngBytes))
	mux.Handle("/doc.pdf", serve(200, "application/pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
	mux.Handle("/binary", serve(200, "application/octet-stream", "\x01\x02\x03\x04\x05\x06\x07\x08binary"))
	mux.Handle("/png-untyped", serve(200, "none", pngBytes))
	mux.Handle("/gif-as-text", serve(200, "text/plain", "GIF89a\x01\x00\x01\x00\x80\x00\x00"))
	mux.Handle("/script.js", serve(200, "text/javascript", "let x = 1;"))
	mux.Handle("/data.json", serve(200, "application/json", `{"a": 1}`))
	mux.Handle("/feed.rss", serve(200, "application/rss+xml", rssFeed("http://x", "")))
	mux.Handle("/feed-as-xml", serve(200, "text/xml", rssFeed("http://x", "")))
	mux.Handle("/feed-untyped", serve(200, "none", atomFeed("http://x", "")))
	mux.Handle("/empty.html", serve(200, "text/html", " \n "))
	mux.Handle("/empty.txt", serve(200, "text/plain", ""))
	mux.Handle("/nul.txt", serve(200, "text/plain", "a\x00b\x00c\x00d"))
	mux.Handle("/missing", serve(404, "text/html", "<p>no</p>"))
	mux.Handle("/gone", serve(410, "text/html", "<p>gone</p>"))
	mux.Handle("/broken", serve(500, "text/html", "<p>oops</p>"))
	mux.Handle("/busy", serve(503, "text/html", "<p>later</p>"))
	mux.Handle("/forbidden", serve(403, "text/html", "<p>no</p>"))
	mux.Handle("/throttled", serve(429, "text/html", "<p>slow down</p>"))
	mux.Handle("/bad-request", serve(400, "text/html", "<p>what</p>"))
	mux.Handle("/moved-missing", http.RedirectHandler("/missing", http.StatusFound))
	srv := newServer(t, mux)
	c := newClient(t, Options{})

	tests := []struct {
		path  string
		code  string
		parts []string
	}{
		{"/image.png", parley.EINVALID, []string{"unsupported content type image/png"}},
		{"/png-as-html", parley.EINVALID, []string{"unsupported content type image/png"}},
		{"/doc.pdf", parley.EINVALID, []string{"unsupported content type application/pdf"}},
		{"/png-untyped", parley.EINVALID, []string{"unsupported content type image/png"}},
		{"/gif-as-text", parley.EINVALID, []string{"unsupported content type image/gif"}},
		{"/binary", parley.EINVALID, []string{"unsupported content type application/octet-stream"}},
		{"/script.js", parley.EINVALID, []string{"unsupported content type text/javascript"}},
		{"/data.json", parley.EINVALID, []string{"unsupported content type application/json"}},
		{"/feed.rss", parley.EINVALID, []string{"a feed, not a page", "application/rss+xml"}},
		{"/feed-as-xml", parley.EINVALID, []string{"a feed, not a page", "text/xml"}},
		{"/feed-untyped", parley.EINVALID, []string{"a feed, not a page"}},
		{"/empty.html", parley.EINVALID, []string{"empty page"}},
		{"/empty.txt", parley.EINVALID, []string{"empty document"}},
		{"/nul.txt", parley.EINVALID, []string{"binary data"}},
		{"/missing", parley.ENOTFOUND, []string{"HTTP 404 Not Found"}},
		{"/gone", parley.ENOTFOUND, []string{"HTTP 410 Gone"}},
		{"/broken", parley.EUNAVAILABLE, []string{"HTTP 500 Internal Server Error"}},
		{"/busy", parley.EUNAVAILABLE, []string{"HTTP 503 Service Unavailable"}},
		{"/forbidden", parley.EUNAVAILABLE, []string{"HTTP 403 Forbidden"}},
		{"/throttled", parley.EUNAVAILABLE, []string{"HTTP 429 Too Many Requests"}},
		{"/bad-request", parley.EINVALID, []string{"HTTP 400 Bad Request"}},
		{"/moved-missing", parley.ENOTFOUND, []string{"HTTP 404 Not Found at " + srv.URL + "/missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src := srv.URL + tt.path
			doc, err := c.Page(context.Background(), src)
			if doc != nil {
				t.Errorf("got a document: %+v", doc)
			}
			wantError(t, err, tt.code, append([]string{src + ": "}, tt.parts...)...)
		})
	}
	t.Run("ErrIsFeed", func(t *testing.T) {
		_, err := c.Page(context.Background(), srv.URL+"/feed.rss")
		if !errors.Is(err, ErrIsFeed) {
			t.Errorf("error %q does not wrap ErrIsFeed", err)
		}
	})
}

func TestPageBadURL(t *testing.T) {
	c := newClient(t, Options{})
	for _, u := range []string{"", "ftp://example.com/x", "example.com/x", "http://", "http://[::1", "file:///etc/passwd", "mailto:a@b.c"} {
		_, err := c.Page(context.Background(), u)
		wantError(t, err, parley.EINVALID, u)
	}
}

func TestPageConnectionRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/article"
	srv.Close() // nothing listens on its port any more
	for _, robots := range []bool{false, true} {
		c := newClient(t, Options{IgnoreRobots: !robots})
		_, err := c.Page(context.Background(), u)
		if robots {
			wantError(t, err, parley.EUNAVAILABLE, "robots.txt of "+srv.Listener.Addr().String()+" could not be read", "refused")
		} else {
			wantError(t, err, parley.EUNAVAILABLE, u+": ", "refused")
		}
	}
}

func TestPageTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release) // before srv.Close (deferred by Cleanup), or it waits for the handlers
	wait := func(r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) { wait(r) })
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The start"))
		w.(http.Flusher).Flush()
		wait(r)
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { wait(r) })
	srv := newServer(t, mux)
	const timeout = 300 * time.Millisecond

	for _, path := range []string{"/slow-headers", "/slow-body"} {
		t.Run(path, func(t *testing.T) {
			c := newClient(t, Options{Timeout: timeout, IgnoreRobots: true})
			start := time.Now()
			_, err := c.Page(context.Background(), srv.URL+path)
			wantError(t, err, parley.EUNAVAILABLE, srv.URL+path+": ", "timed out after 300ms")
			if d := time.Since(start); d > 10*timeout {
				t.Errorf("took %s with a timeout of %s", d, timeout)
			}
		})
	}
	t.Run("robots.txt", func(t *testing.T) {
		c := newClient(t, Options{Timeout: timeout})
		_, err := c.Page(context.Background(), srv.URL+"/slow-headers")
		wantError(t, err, parley.EUNAVAILABLE, "robots.txt of", "timed out after 300ms")
	})
	t.Run("caller cancels", func(t *testing.T) {
		c := newClient(t, Options{Timeout: time.Minute, IgnoreRobots: true})
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		_, err := c.Page(ctx, srv.URL+"/slow-body")
		if !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "timed out") {
			t.Errorf("error %q: want the caller's context.DeadlineExceeded, not our timeout", err)
		}
		if !strings.Contains(fmt.Sprint(err), srv.URL+"/slow-body") {
			t.Errorf("error %q does not name the URL", err)
		}
	})
}

// TestPageTooLarge serves a 50 MB page and checks that the client gives up after its limit,
// without the server getting to send the whole of it.
func TestPageTooLarge(t *testing.T) {
	const total = 50 << 20
	const limit = 1 << 20
	var written atomic.Int64
	done := make(chan struct{}, 2)
	stream := func(w http.ResponseWriter, r *http.Request) {
		defer func() { done <- struct{}{} }()
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/declared" {
			w.Header().Set("Content-Length", fmt.Sprint(total))
		}
		chunk := bytes.Repeat([]byte("<p>All work and no play makes Jack a dull boy.</p>\n"), 1300)
		written.Store(0)
		for written.Load() < total {
			n, err := w.Write(chunk[:min(len(chunk), int(total-written.Load()))])
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}
	srv := newServer(t, http.HandlerFunc(stream))
	c := newClient(t, Options{MaxBytes: limit, IgnoreRobots: true})

	for _, path := range []string{"/streamed", "/declared"} {
		t.Run(path, func(t *testing.T) {
			_, err := c.Page(context.Background(), srv.URL+path)
			wantError(t, err, parley.EINVALID, srv.URL+path+": ", "larger than the limit of 1 MiB (1048576 bytes)")
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the server is still sending: the client did not hang up")
			}
			// What the server got out is the limit plus the socket buffers, far from all of it.
			t.Logf("the server got %d bytes out before the client hung up", written.Load())
			if n := written.Load(); n >= total/2 {
				t.Errorf("the server sent %d bytes of %d before the client hung up", n, total)
			}
		})
	}
}

func TestPageGzipBomb(t *testing.T) {
	// The limit applies to the decompressed body, which is what would fill memory.
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(bytes.Repeat([]byte("words "), 400<<10))) // 2.4 MiB, a few KiB compressed
	})
	srv := newServer(t, mux)
	c := newClient(t, Options{MaxBytes: 1 << 20, IgnoreRobots: true})
	_, err := c.Page(context.Background(), srv.URL+"/bomb.txt")
	wantError(t, err, parley.EINVALID, "larger than the limit of 1 MiB")
}

func TestRedirects(t *testing.T) {
	var hops atomic.Int32
	mux := http.NewServeMux()
	mux.Handle("/loop/a", http.RedirectHandler("/loop/b", http.StatusFound))
	mux.Handle("/loop/b", http.RedirectHandler("/loop/a", http.StatusFound))
	mux.Handle("/self", http.RedirectHandler("/self", http.StatusMovedPermanently))
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		hops.Add(1)
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			serve(200, "text/html", articleHTML)(w, r)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/endless/{n}", func(w http.ResponseWriter, r *http.Request) {
		hops.Add(1)
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/endless/%d", n+1), http.StatusFound)
	})
	srv := newServer(t, mux)

	tests := []struct {
		path     string
		max      int
		hops     int32 // requests made, -1 when not counted
		code     string
		parts    []string
		finalURL string
	}{
		{"/loop/a", 0, -1, parley.EUNAVAILABLE, []string{"redirect loop: " + srv.URL + "/loop/b redirects back to " + srv.URL + "/loop/a"}, ""},
		{"/self", 0, -1, parley.EUNAVAILABLE, []string{"redirect loop"}, ""},
		{"/endless/0", 3, 4, parley.EUNAVAILABLE, []string{"too many redirects (more than 3)"}, ""},
		{"/endless/0", 0, 6, parley.EUNAVAILABLE, []string{"too many redirects (more than 5)"}, ""},
		{"/hop/3", 3, 4, "", nil, "/hop/0"},
		{"/hop/3", 2, 3, parley.EUNAVAILABLE, []string{"too many redirects (more than 2)"}, ""},
		{"/hop/1", -1, 1, parley.EUNAVAILABLE, []string{"redirected to /hop/0, and redirects are not followed"}, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.path, tt.max), func(t *testing.T) {
			hops.Store(0)
			c := newClient(t, Options{MaxRedirects: tt.max})
			doc, err := c.Page(context.Background(), srv.URL+tt.path)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				if doc.URL != srv.URL+tt.finalURL {
					t.Errorf("URL %q, want %q", doc.URL, srv.URL+tt.finalURL)
				}
			} else {
				wantError(t, err, tt.code, append([]string{srv.URL + tt.path + ": "}, tt.parts...)...)
			}
			if tt.hops >= 0 && hops.Load() != tt.hops {
				t.Errorf("%d requests, want %d", hops.Load(), tt.hops)
			}
		})
	}
}

// conditionalServer serves a page with an ETag, a Last-Modified date, or both, answering 304
// when the request's validators match, and records the validators it was sent.
type conditionalServer struct {
	etag, lastModified string
	mu                 sync.Mutex
	version            int
	got                []string // "If-None-Match|If-Modified-Since" of each request
}

func (s *conditionalServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	inm, ims := r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
	s.got = append(s.got, inm+"|"+ims)
	etag := ""
	if s.etag != "" {
		etag = fmt.Sprintf(`"%s-%d"`, s.etag, s.version)
		w.Header().Set("ETag", etag)
	}
	if s.lastModified != "" {
		w.Header().Set("Last-Modified", s.lastModified)
	}
	// As RFC 9110 says: If-None-Match, when sent, decides alone.
	if inm != "" && inm == etag || inm == "" && ims != "" && ims == s.lastModified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprintf(w, "<html><body><p>Version %d.</p></body></html>", s.version)
}

func TestPageNotModified(t *testing.T) {
	const date = "Tue, 01 Apr 2025 10:00:00 GMT"
	tests := []struct {
		name string
		srv  *conditionalServer
		sent string // the validators of the second request
	}{
		{"ETag", &conditionalServer{etag: "abc"}, `"abc-0"|`},
		{"Last-Modified", &conditionalServer{lastModified: date}, "|" + date},
		{"both", &conditionalServer{etag: "abc", lastModified: date}, `"abc-0"|` + date},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, tt.srv)
			cache := NewMemoryCache()
			c := newClient(t, Options{Cache: cache})
			u := srv.URL + "/page"
			if _, err := c.Page(context.Background(), u); err != nil {
				t.Fatal(err)
			}
			_, err := c.Page(context.Background(), u)
			if !errors.Is(err, ErrNotModified) || !strings.Contains(err.Error(), u) {
				t.Fatalf("second fetch: error %v, want ErrNotModified naming %s", err, u)
			}
			if got := tt.srv.got; len(got) != 2 || got[0] != "|" || got[1] != tt.sent {
				t.Errorf("validators sent %q, want none then %q", got, tt.sent)
			}
			// A new version is fetched.
			tt.srv.mu.Lock()
			tt.srv.version++
			if tt.srv.lastModified != "" {
				tt.srv.lastModified = "Wed, 02 Apr 2025 10:00:00 GMT"
			}
			tt.srv.mu.Unlock()
			doc, err := c.Page(context.Background(), u)
			if err != nil || !strings.Contains(string(doc.Raw), "Version 1.") {
				t.Fatalf("after a change: %v, %v", doc, err)
			}
			// A caller that could not keep the page forgets its validators and gets it again.
			cache.Put(u, Validators{})
			if _, err := c.Page(context.Background(), u); err != nil {
				t.Fatalf("after forgetting the validators: %v", err)
			}
		})
	}
}

func TestUserAgent(t *testing.T) {
	if DefaultUserAgent != "parley/dev (+https://github.com/parleynews/parley)" {
		t.Errorf("DefaultUserAgent %q", DefaultUserAgent)
	}
	if got := agentToken(UserAgent("1.2.3")); got != robotsToken {
		t.Errorf("robots.txt would know our User-Agent as %q, not %q", got, robotsToken)
	}
	var mu sync.Mutex
	var got []string
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.URL.Path+" "+r.UserAgent())
		mu.Unlock()
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		serve(200, "text/html", articleHTML)(w, r)
	}))
	for _, ua := range []string{"", UserAgent("1.2.3")} {
		got = nil
		c := newClient(t, Options{UserAgent: ua})
		if _, err := c.Page(context.Background(), srv.URL+"/moved"); err != nil {
			t.Fatal(err)
		}
		want := ua
		if want == "" {
			want = DefaultUserAgent
		}
		wantGot := []string{"/robots.txt " + want, "/moved " + want, "/page " + want}
		if fmt.Sprint(got) != fmt.Sprint(wantGot) {
			t.Errorf("requests %q, want %q", got, wantGot)
		}
	}
}

// arrivals records when requests reach a server.
type arrivals struct {
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.times = append(a.times, time.Now())
		a.mu.Unlock()
		serve(200, "text/html", articleHTML)(w, r)
	})
}

func (a *arrivals) gaps() []time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	var d []time.Duration
	for i := 1; i < len(a.times); i++ {
		d = append(d, a.times[i].Sub(a.times[i-1]))
	}
	return d
}

func TestRateLimit(t *testing.T) {
	const interval = 250 * time.Millisecond
	const slack = 20 * time.Millisecond // the server notes the time a little after the client starts

	t.Run("one host", func(t *testing.T) {
		var a arrivals
		srv := newServer(t, a.handler())
		c := newClient(t, Options{HostInterval: interval, IgnoreRobots: true})
		var wg sync.WaitGroup
		start := time.Now()
		for i := range 3 {
			wg.Go(func() {
				if _, err := c.Page(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i)); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		// A loaded machine can delay any request, so gaps between arrivals may shrink; but no
		// request may arrive before its turn: the k-th comes k intervals after the start at
		// the earliest.
		a.mu.Lock()
		times := append([]time.Time(nil), a.times...)
		a.mu.Unlock()
		sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
		for k, at := range times {
			if early := time.Duration(k)*interval - at.Sub(start); early > slack {
				t.Errorf("request %d arrived %s after the start, before its turn at %s", k, at.Sub(start), time.Duration(k)*interval)
			}
		}
	})

	t.Run("one host name, two ports", func(t *testing.T) {
		// Both servers listen on 127.0.0.1: one machine, one turn.
		var a arrivals
		srv1, srv2 := newServer(t, a.handler()), newServer(t, a.handler())
		c := newClient(t, Options{HostInterval: interval, IgnoreRobots: true})
		start := time.Now()
		for _, u := range []string{srv1.URL + "/a", srv2.URL + "/b"} {
			if _, err := c.Page(context.Background(), u); err != nil {
				t.Fatal(err)
			}
		}
		a.mu.Lock()
		times := append([]time.Time(nil), a.times...)
		a.mu.Unlock()
		if len(times) != 2 || times[1].Sub(start) < interval-slack {
			t.Errorf("second request %v after the start, want at least %s", times[len(times)-1].Sub(start), interval)
		}
	})

	t.Run("two host names", func(t *testing.T) {
		var a arrivals
		srvA, srvB := newServer(t, a.handler()), newServer(t, a.handler())
		// Two names for two loopback servers, as a resolver would give them.
		addrs := map[string]string{"alpha.test:80": srvA.Listener.Addr().String(), "beta.test:80": srvB.Listener.Addr().String()}
		tr := &http.Transport{Proxy: nil, DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if a, ok := addrs[addr]; ok {
				addr = a
			}
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		}}
		defer tr.CloseIdleConnections()
		c := newClient(t, Options{HostInterval: 4 * interval, IgnoreRobots: true, Transport: tr})
		for _, u := range []string{"http://alpha.test/a", "http://beta.test/b"} {
			if _, err := c.Page(context.Background(), u); err != nil {
				t.Fatal(err)
			}
		}
		if g := a.gaps(); len(g) != 1 || g[0] > interval {
			t.Errorf("requests to two hosts %v apart, want no waiting", g)
		}
	})

	t.Run("cancelled while waiting", func(t *testing.T) {
		g := newGate(time.Hour)
		if err := g.wait(context.Background(), "example.com"); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		if err := g.wait(ctx, "EXAMPLE.com"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want context.DeadlineExceeded", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("returned after %s", d)
		}
		if err := g.wait(context.Background(), "example.org"); err != nil {
			t.Errorf("another host waits: %v", err)
		}
	})
}

// TestNoGoroutineLeak runs fetches that succeed, time out, are cancelled and are refused, and
// checks that no goroutine outlives them.
func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		release := make(chan struct{})
		mux := http.NewServeMux()
		mux.Handle("/ok", serve(200, "text/html", articleHTML))
		mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		})
		mux.Handle("/big", serve(200, "text/html", strings.Repeat("<p>x</p>", 1<<12)))
		srv := httptest.NewServer(mux)
		defer srv.Close()
		defer close(release)
		c := New(Options{Timeout: 200 * time.Millisecond, MaxBytes: 1 << 10, HostInterval: time.Millisecond})
		defer c.CloseIdleConnections()
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for i := range 12 {
			wg.Go(func() {
				path := []string{"/ok", "/slow", "/big", "/missing"}[i%4]
				c.Page(ctx, srv.URL+path)
			})
		}
		wg.Go(func() { c.Page(ctx, srv.URL+"/slow?cancelled") })
		time.Sleep(50 * time.Millisecond)
		cancel()
		wg.Wait()
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{
		20 << 20: "20 MiB (20971520 bytes)",
		1 << 10:  "1 KiB (1024 bytes)",
		1 << 30:  "1 GiB (1073741824 bytes)",
		1500:     "1500 bytes",
	} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
