package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/parleynews/parley"
)

// robotsToken is the product token parley answers to in robots.txt.
const robotsToken = "parley"

// How long a robots.txt answer is trusted: a day for rules (RFC 9309 asks for no more), an hour
// for a failure, after which the host is asked again.
const (
	robotsTTL      = 24 * time.Hour
	robotsRetryTTL = time.Hour
)

// robotsMaxBytes is how much of a robots.txt is read; RFC 9309 asks parsers to take at least
// 500 KiB and lets them ignore the rest.
const robotsMaxBytes = 500 << 10

// robotsMaxRedirects is how many redirects are followed to a robots.txt (RFC 9309: at least five).
const robotsMaxRedirects = 5

// allowed checks u against the robots.txt of its host, fetching that first when it is not cached.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	path := robotsPath(u)
	if path == "/robots.txt" {
		return nil
	}
	host := strings.ToLower(u.Host)
	e := c.robots.entry(strings.ToLower(u.Scheme) + "://" + host)
	// One fetch per host at a time: the others wait for its answer.
	select {
	case e.busy <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("robots.txt of %s: %w", host, ctx.Err())
	}
	defer func() { <-e.busy }()
	if time.Now().After(e.expires) {
		rules, failure, err := c.fetchRobots(ctx, u)
		if err != nil {
			return err // the caller gave up: nothing learnt, nothing cached
		}
		e.rules, e.failure = rules, failure
		e.expires = time.Now().Add(robotsTTL)
		if failure != nil {
			e.expires = time.Now().Add(robotsRetryTTL)
		}
	}
	if e.failure != nil {
		return &parley.Error{Code: parley.EUNAVAILABLE,
			Message: fmt.Sprintf("robots.txt of %s could not be read, so %s is not fetched", host, path), Err: e.failure}
	}
	if !e.rules.allowed(path) {
		return parley.Errorf(parley.EINVALID, "robots.txt of %s disallows %s", host, path)
	}
	return nil
}

// fetchRobots reads the robots.txt of u's host. failure is set when the host is to be treated as
// disallowing everything (429, 5xx, unreachable); err only when ctx is done.
func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (rules *robotsRules, failure, err error) {
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, err, nil
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/plain,*/*;q=0.1")
	resp, err := c.robotsGet.Do(req)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, nil, fmt.Errorf("robots.txt of %s: %w", u.Host, cerr)
		}
		if errors.Is(err, errTimeout) {
			return nil, fmt.Errorf("timed out after %s", c.opt.Timeout), nil
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, err, nil
	}
	defer resp.Body.Close()
	switch s := resp.StatusCode; {
	case s >= 200 && s < 300:
		b, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, nil, fmt.Errorf("robots.txt of %s: %w", u.Host, cerr)
			}
			if errors.Is(err, errTimeout) {
				err = fmt.Errorf("timed out after %s", c.opt.Timeout)
			}
			return nil, err, nil
		}
		return parseRobots(b, robotsToken), nil, nil
	case s == http.StatusTooManyRequests || s >= 500:
		return nil, fmt.Errorf("HTTP %s", resp.Status), nil
	}
	// 4xx: there are no rules. 3xx: more redirects than followed, which RFC 9309 lets us read
	// as "not found" too.
	return &robotsRules{}, nil, nil
}

func robotsRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > robotsMaxRedirects {
		return http.ErrUseLastResponse
	}
	return nil
}

// robotsCache holds the robots.txt answer of each scheme://host:port.
type robotsCache struct {
	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	busy    chan struct{} // holds a token while the entry is read or refreshed
	rules   *robotsRules
	failure error // why robots.txt could not be read: everything is disallowed meanwhile
	expires time.Time
}

func newRobotsCache() *robotsCache { return &robotsCache{hosts: make(map[string]*robotsEntry)} }

func (rc *robotsCache) entry(key string) *robotsEntry {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e := rc.hosts[key]
	if e == nil {
		e = &robotsEntry{busy: make(chan struct{}, 1)}
		rc.hosts[key] = e
	}
	return e
}

// robotsPath is what robots.txt rules are matched against: the path and query of u,
// percent-encoded as sent, with upper-case escapes (see escape).
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" || u.ForceQuery {
		p += "?" + u.RawQuery
	}
	return escape(p)
}

// robotsRule is one Allow or Disallow line. pattern is normalised like a path and may hold '*'
// (any run of characters) and a final '$' (the end of the path).
type robotsRule struct {
	pattern string
	allow   bool
}

// robotsRules are the rules that apply to us; none means everything is allowed.
type robotsRules struct {
	rules []robotsRule
}

// parseRobots reads a robots.txt and keeps the rules of the groups that name token, or failing
// those of the groups that name "*". It never fails: what it cannot read it skips, as RFC 9309
// asks.
func parseRobots(b []byte, token string) *robotsRules {
	b = bytes.TrimPrefix(b, bomUTF8)
	var (
		ours, star           []robotsRule
		namesUs, namesStar   bool // some group names us, some "*"
		curOurs, curStar     bool // the current group does
		inGroup, afterAgents bool // a user-agent line was seen; the last significant line was one
	)
	for len(b) > 0 {
		var line []byte
		if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			line, b = b, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		v := strings.TrimSpace(string(value))
		switch k {
		case "user-agent", "useragent", "user agent":
			if !afterAgents { // a user-agent line after rules starts a new group
				curOurs, curStar = false, false
			}
			inGroup, afterAgents = true, true
			switch {
			case v == "*":
				curStar, namesStar = true, true
			case agentToken(v) == token:
				curOurs, namesUs = true, true
			}
		case "allow", "disallow":
			afterAgents = false
			if !inGroup || v == "" { // an empty Disallow allows everything: no rule
				continue
			}
			r := robotsRule{pattern: normalisePattern(v), allow: k == "allow"}
			if curOurs {
				ours = append(ours, r)
			}
			if curStar {
				star = append(star, r)
			}
		default:
			// Sitemap, Crawl-delay, Host…: outside the groups, and ending none.
		}
	}
	if namesUs {
		return &robotsRules{rules: ours}
	}
	if namesStar {
		return &robotsRules{rules: star}
	}
	return &robotsRules{}
}

// agentToken is the product token of a User-agent value ("parley" in "Parley/1.0 (+url)"),
// lower-cased: the run of letters, '-' and '_' it starts with.
func agentToken(v string) string {
	i := 0
	for i < len(v) {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			break
		}
		i++
	}
	return strings.ToLower(v[:i])
}

// normalisePattern makes a rule's path comparable with robotsPath: it starts with '/' (or '*'),
// it is escaped as a URL would be, and runs of '*' are one.
func normalisePattern(v string) string {
	if v[0] != '/' && v[0] != '*' {
		v = "/" + v
	}
	for strings.Contains(v, "**") {
		v = strings.ReplaceAll(v, "**", "*")
	}
	return escape(v)
}

// escape percent-encodes the bytes a URL cannot hold as they are (controls, space, non-ASCII) and
// upper-cases the hex digits of existing escapes, so that "/café", "/caf%c3%a9" and "/caf%C3%A9"
// compare equal. Reserved characters keep their meaning: nothing is unescaped.
func escape(s string) string {
	const hex = "0123456789ABCDEF"
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x7f || c <= ' ':
			sb.WriteByte('%')
			sb.WriteByte(hex[c>>4])
			sb.WriteByte(hex[c&15])
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			sb.WriteByte('%')
			sb.WriteByte(upper(s[i+1]))
			sb.WriteByte(upper(s[i+2]))
			i += 2
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// allowed applies the rules to a path (with its query): the longest matching pattern decides,
// Allow winning a tie; no match allows. /robots.txt itself is always allowed.
func (r *robotsRules) allowed(path string) bool {
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		n := len(rule.pattern)
		if n < best || n == best && allow {
			continue // cannot change the verdict
		}
		if robotsMatch(rule.pattern, path) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch reports whether a pattern matches path: from its start, '*' standing for any run of
// characters, a final '$' requiring the path to end there, and otherwise any rest of the path
// allowed. It is the greedy matcher with backtracking to the last '*', which is exact for
// patterns whose only wildcard is '*' and costs at most len(pattern)·len(path).
func robotsMatch(pat, path string) bool {
	anchored := strings.HasSuffix(pat, "$")
	if anchored {
		pat = pat[:len(pat)-1]
	}
	if !strings.Contains(pat, "*") {
		if anchored {
			return path == pat
		}
		return strings.HasPrefix(path, pat)
	}
	p, s := 0, 0
	star, mark := -1, 0
	for {
		if p == len(pat) {
			if !anchored || s == len(path) {
				return true
			}
		} else if pat[p] == '*' {
			star, mark = p, s
			p++
			continue
		} else if s < len(path) && pat[p] == path[s] {
			p++
			s++
			continue
		}
		// Mismatch: let the last '*' swallow one more character and try again.
		if star < 0 || mark >= len(path) {
			return false
		}
		mark++
		s, p = mark, star+1
	}
}
