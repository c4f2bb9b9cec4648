package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parleynews/parley"
)

func TestRobotsRules(t *testing.T) {
	tests := []struct {
		name   string
		robots string
		allow  []string
		deny   []string
	}{
		{
			name:   "no rules",
			robots: "",
			allow:  []string{"/", "/anything"},
		},
		{
			name:   "star group",
			robots: "User-agent: *\nDisallow: /private\n",
			allow:  []string{"/", "/public", "/Private"},
			deny:   []string{"/private", "/private/x", "/privateer"},
		},
		{
			name:   "our group wins over star, whatever the order",
			robots: "User-agent: parley\nDisallow: /only-us\n\nUser-agent: *\nDisallow: /\n",
			allow:  []string{"/", "/news"},
			deny:   []string{"/only-us/x"},
		},
		{
			name:   "product token case-insensitive, with version",
			robots: "User-agent: *\nDisallow: /\n\nUser-agent: Parley/2.0 (+https://x)\nAllow: /\n",
			allow:  []string{"/news"},
		},
		{
			name:   "another bot's group is not ours",
			robots: "User-agent: parleybot\nDisallow: /\n\nUser-agent: googlebot\nDisallow: /\n",
			allow:  []string{"/news"},
		},
		{
			name:   "other groups only: not bound",
			robots: "User-agent: googlebot\nDisallow: /\n",
			allow:  []string{"/"},
		},
		{
			name:   "group naming several agents",
			robots: "User-agent: googlebot\nUser-agent: parley\nUser-agent: bingbot\nDisallow: /shared\n",
			deny:   []string{"/shared/1"},
			allow:  []string{"/other"},
		},
		{
			name:   "groups for us are merged",
			robots: "User-agent: parley\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\nUser-agent: parley\nDisallow: /b\n",
			deny:   []string{"/a", "/b"},
			allow:  []string{"/c"},
		},
		{
			name:   "our empty group allows all",
			robots: "User-agent: *\nDisallow: /\n\nUser-agent: parley\nDisallow:\n",
			allow:  []string{"/", "/x"},
		},
		{
			name:   "longest match wins",
			robots: "User-agent: *\nDisallow: /news\nAllow: /news/public\nDisallow: /news/public/drafts\n",
			deny:   []string{"/news", "/news/x", "/news/public/drafts/1"},
			allow:  []string{"/news/public", "/news/public/story", "/new"},
		},
		{
			name:   "allow wins a tie",
			robots: "User-agent: *\nDisallow: /page\nAllow: /page\n",
			allow:  []string{"/page"},
		},
		{
			name:   "wildcards",
			robots: "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/print\nDisallow: /search*q=\n",
			deny:   []string{"/a.pdf", "/docs/b.pdf", "/x/print", "/x/y/print/z", "/search?q=1", "/search/page?lang=en&q=x"},
			allow:  []string{"/a.pdf?download=1", "/a.pdfx", "/print", "/search", "/search?lang=en"},
		},
		{
			name:   "dollar anchors",
			robots: "User-agent: *\nDisallow: /$\nDisallow: /exact$\n",
			deny:   []string{"/", "/exact"},
			allow:  []string{"/index.html", "/exact/", "/exactly"},
		},
		{
			name:   "query is part of the path",
			robots: "User-agent: *\nDisallow: /*?sessionid=\nDisallow: /list?page=\n",
			deny:   []string{"/a?sessionid=1", "/list?page=2"},
			allow:  []string{"/a?id=1", "/list"},
		},
		{
			name:   "comments, spaces, CRLF, case of keys, BOM",
			robots: "\ufeff# robots\r\nUSER-AGENT : *   # all\r\n  disallow :  /tmp  # temporary\r\nSitemap: https://x/sitemap.xml\r\n",
			deny:   []string{"/tmp/1"},
			allow:  []string{"/sitemap.xml"},
		},
		{
			name:   "lines outside groups ignored",
			robots: "Disallow: /\nSitemap: https://x/s.xml\nUser-agent: *\nCrawl-delay: 10\nDisallow: /b\n",
			deny:   []string{"/b"},
			allow:  []string{"/a"},
		},
		{
			name:   "non-group lines do not end a group",
			robots: "User-agent: *\nCrawl-delay: 5\nDisallow: /x\nSitemap: /s\nDisallow: /y\n",
			deny:   []string{"/x", "/y"},
		},
		{
			name:   "pattern without a leading slash",
			robots: "User-agent: *\nDisallow: private\n",
			deny:   []string{"/private"},
		},
		{
			name:   "percent-encoding compared normalised",
			robots: "User-agent: *\nDisallow: /café\nDisallow: /%e2%82%ac\n",
			deny:   []string{"/caf%C3%A9/menu", "/%E2%82%AC"},
			allow:  []string{"/cafe"},
		},
		{
			name:   "robots.txt itself always allowed",
			robots: "User-agent: *\nDisallow: /\n",
			allow:  []string{"/robots.txt"},
			deny:   []string{"/robots.txt.bak", "/"},
		},
		{
			name:   "lines without a colon skipped",
			robots: "User-agent *\nDisallow /\nUser-agent: *\nDisallow: /z\n",
			allow:  []string{"/a"},
			deny:   []string{"/z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseRobots([]byte(tt.robots), robotsToken)
			for _, p := range tt.allow {
				if !r.allowed(p) {
					t.Errorf("%s disallowed, want allowed", p)
				}
			}
			for _, p := range tt.deny {
				if r.allowed(p) {
					t.Errorf("%s allowed, want disallowed", p)
				}
			}
		})
	}
}

func TestRobotsPath(t *testing.T) {
	for in, want := range map[string]string{
		"http://x":              "/",
		"http://x/a b":          "/a%20b",
		"http://x/café?q=é":     "/caf%C3%A9?q=%C3%A9",
		"http://x/a%2fb?x=%7e1": "/a%2Fb?x=%7E1",
		"http://x/p?":           "/p?",
	} {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := robotsPath(u); got != want {
			t.Errorf("robotsPath(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestRobotsFetch checks robots.txt over HTTP: fetched once per host, obeyed for pages and for
// redirect hops, and what its absence or failure means.
func TestRobotsFetch(t *testing.T) {
	var robotsHits, pageHits atomic.Int32
	site := func(robotsStatus int, robots string) *robotsSite {
		mux := http.NewServeMux()
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
			robotsHits.Add(1)
			if r.UserAgent() != DefaultUserAgent {
				t.Errorf("robots.txt asked for with User-Agent %q", r.UserAgent())
			}
			serve(robotsStatus, "text/plain", robots)(w, r)
		})
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			pageHits.Add(1)
			if r.URL.Path == "/go-private" {
				http.Redirect(w, r, "/private/x", http.StatusFound)
				return
			}
			serve(200, "text/html", articleHTML)(w, r)
		})
		return &robotsSite{newServer(t, mux).URL}
	}
	const robots = "User-agent: *\nDisallow: /\n\nUser-agent: parley\nDisallow: /private\nAllow: /private/ok\n"

	t.Run("obeyed", func(t *testing.T) {
		robotsHits.Store(0)
		pageHits.Store(0)
		s := site(200, robots)
		c := newClient(t, Options{})
		host := strings.TrimPrefix(s.url, "http://")
		for _, p := range []string{"/public", "/private/ok", "/private/ok/deeper"} {
			if _, err := c.Page(context.Background(), s.url+p); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
		_, err := c.Page(context.Background(), s.url+"/private/secret?id=1")
		wantError(t, err, parley.EINVALID)
		if want := "robots.txt of " + host + " disallows /private/secret?id=1"; fmt.Sprint(err) != want {
			t.Errorf("error %q, want %q", err, want)
		}
		_, err = c.Page(context.Background(), s.url+"/go-private")
		wantError(t, err, parley.EINVALID, "robots.txt of "+host+" disallows /private/x")
		if n := robotsHits.Load(); n != 1 {
			t.Errorf("robots.txt fetched %d times, want once", n)
		}
		if n := pageHits.Load(); n != 4 { // three pages and the redirect, not the disallowed ones
			t.Errorf("%d page requests, want 4", n)
		}
		// Feeds obey it too.
		err = c.Feed(context.Background(), s.url+"/private/feed.xml", nil, func(*parley.Document, error) error { return nil })
		wantError(t, err, parley.EINVALID, "disallows /private/feed.xml")
	})

	t.Run("ignored", func(t *testing.T) {
		s := site(200, robots)
		c := newClient(t, Options{IgnoreRobots: true})
		robotsHits.Store(0)
		if _, err := c.Page(context.Background(), s.url+"/private/secret"); err != nil {
			t.Error(err)
		}
		if robotsHits.Load() != 0 {
			t.Error("robots.txt fetched although ignored")
		}
	})

	for _, tt := range []struct {
		status int
		ok     bool
	}{{404, true}, {410, true}, {401, true}, {403, true}, {500, false}, {503, false}, {429, false}} {
		t.Run(fmt.Sprint("robots.txt ", tt.status), func(t *testing.T) {
			s := site(tt.status, "User-agent: *\nDisallow: /\n")
			c := newClient(t, Options{})
			pageHits.Store(0)
			robotsHits.Store(0)
			for range 2 {
				_, err := c.Page(context.Background(), s.url+"/news")
				if tt.ok && err != nil {
					t.Errorf("page refused: %v", err)
				}
				if !tt.ok {
					wantError(t, err, parley.EUNAVAILABLE, "robots.txt of", "could not be read, so /news is not fetched", fmt.Sprintf("HTTP %d", tt.status))
				}
			}
			if n := robotsHits.Load(); n != 1 {
				t.Errorf("robots.txt fetched %d times, want once (the answer is cached)", n)
			}
			if want := map[bool]int32{true: 2, false: 0}[tt.ok]; pageHits.Load() != want {
				t.Errorf("%d page requests, want %d", pageHits.Load(), want)
			}
		})
	}

	t.Run("cancelled is not cached", func(t *testing.T) {
		s := site(200, robots)
		c := newClient(t, Options{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := c.Page(ctx, s.url+"/public"); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
		if _, err := c.Page(context.Background(), s.url+"/public"); err != nil {
			t.Error(err)
		}
	})
}

type robotsSite struct{ url string }

// referenceMatch is the obvious exponential-free dynamic programme for robots.txt patterns, to
// check robotsMatch against.
func referenceMatch(pat, path string) bool {
	anchored := strings.HasSuffix(pat, "$")
	if anchored {
		pat = pat[:len(pat)-1]
	}
	// m[j]: pat[:i] matches path[:j]
	m := make([]bool, len(path)+1)
	m[0] = true
	for i := 0; i < len(pat); i++ {
		next := make([]bool, len(path)+1)
		for j := 0; j <= len(path); j++ {
			if pat[i] == '*' {
				next[j] = m[j] || j > 0 && next[j-1]
			} else {
				next[j] = j > 0 && m[j-1] && path[j-1] == pat[i]
			}
		}
		m = next
	}
	if anchored {
		return m[len(path)]
	}
	for _, ok := range m {
		if ok {
			return true
		}
	}
	return false
}

func TestRobotsMatch(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"/", "/", true},
		{"/a", "/abc", true},
		{"/a$", "/abc", false},
		{"/a$", "/a", true},
		{"/*", "/", true},
		{"/*$", "/x", true},
		{"/*.php$", "/index.php", true},
		{"/*.php$", "/index.php?x", false},
		{"/*.php", "/index.php?x", true},
		{"/a*b*c", "/aXbYc", true},
		{"/a*b*c", "/aXcYb", false},
		{"/a*b*c$", "/abcabc", true},
		{"/a*b*c$", "/abcab", false},
		{"*", "/anything", true},
		{"/**", "/", true},
		{"/fish*", "/fis", false},
		{"/$", "/", true},
		{"/$", "/a", false},
		{"/x$y", "/x$y", true}, // '$' is special only at the end
	}
	for _, tt := range tests {
		if got := robotsMatch(tt.pat, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
		if ref := referenceMatch(tt.pat, tt.path); ref != tt.want {
			t.Errorf("referenceMatch(%q, %q) = %v, want %v", tt.pat, tt.path, ref, tt.want)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /private/ok\n"), "/private/x")
	f.Add([]byte("User-agent: parley\nUser-agent: *\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte("user-agent:*\r\ndisallow:/a*b*c$\r\n"), "/aXbXc")
	f.Add([]byte("\ufeffUser-agent: *\nDisallow: %\nDisallow: /%e2\n# x\n"), "/%E2%82")
	f.Add([]byte(":\n::\nUser-agent\nDisallow: *\n"), "")
	f.Fuzz(func(t *testing.T, robots []byte, path string) {
		r := parseRobots(robots, robotsToken)
		got := r.allowed(path)
		if path == "/robots.txt" && !got {
			t.Fatal("/robots.txt disallowed")
		}
		if parseRobots(robots, robotsToken).allowed(path) != got {
			t.Fatal("verdict not deterministic")
		}
		for _, rule := range r.rules {
			if rule.pattern == "" || rule.pattern[0] != '/' && rule.pattern[0] != '*' {
				t.Fatalf("pattern %q does not start with / or *", rule.pattern)
			}
			if len(path) < 200 && len(rule.pattern) < 200 && robotsMatch(rule.pattern, path) != referenceMatch(rule.pattern, path) {
				t.Fatalf("robotsMatch(%q, %q) disagrees with the reference", rule.pattern, path)
			}
		}
		// Any URL path can be checked.
		if u, err := url.Parse("http://example.com/" + path); err == nil {
			r.allowed(robotsPath(u))
		}
	})
}

// benchRobots is a robots.txt of the size and shape of a big news site's.
func benchRobots() []byte {
	var sb strings.Builder
	sb.WriteString("# robots.txt of a news site\nSitemap: https://news.example/sitemap.xml\n\n")
	for _, bot := range []string{"googlebot", "bingbot", "gptbot", "ccbot"} {
		fmt.Fprintf(&sb, "User-agent: %s\n", bot)
		for i := range 30 {
			fmt.Fprintf(&sb, "Disallow: /%s/section-%d/*?amp=*\n", bot, i)
		}
		sb.WriteString("\n")
	}
	sb.WriteString("User-agent: *\n")
	for i := range 200 {
		fmt.Fprintf(&sb, "Disallow: /archive/%d/*/print$\nAllow: /archive/%d/public/\n", 1900+i, 1900+i)
	}
	sb.WriteString("Disallow: /*?*utm_source=\nDisallow: /search\n")
	return []byte(sb.String())
}

func BenchmarkRobotsParse(b *testing.B) {
	robots := benchRobots()
	b.SetBytes(int64(len(robots)))
	for b.Loop() {
		parseRobots(robots, robotsToken)
	}
}

func BenchmarkRobotsAllowed(b *testing.B) {
	r := parseRobots(benchRobots(), robotsToken)
	path := "/archive/2024/world/europe/2024-04-01-a-long-article-slug-about-something-newsworthy?utm_source=feed&utm_medium=rss"
	b.SetBytes(int64(len(path)))
	for b.Loop() {
		r.allowed(path)
	}
}
