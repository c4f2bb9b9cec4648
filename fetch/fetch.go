// Package fetch is parley's network input: it turns a web page URL into a document, and a news
// feed (RSS, Atom or JSON Feed) into the documents of the articles it lists that parley has not
// read yet.
//
// It is a polite client. Every request carries parley's User-Agent; requests to one host name are
// spaced (one a second by default); robots.txt is read, cached and obeyed; pages and feeds are
// fetched conditionally (If-None-Match, If-Modified-Since) when the caller keeps their validators;
// and what a server can make us do is bounded: the time of a request, the size of a response, the
// number of redirects.
//
// Every failure is a *parley.Error that names the URL: ENOTFOUND for a page that is not there
// (404, 410), EUNAVAILABLE for a server that does not answer, times out, fails (5xx) or refuses
// (401, 403, 429), EINVALID for what cannot be read as an article (an image, a page over the size
// limit, a URL robots.txt disallows). Two outcomes are not failures and have sentinels of their
// own: ErrNotModified (a conditional request found nothing new) and ErrIsFeed (a page URL that
// serves a feed).
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/input"
)

// Defaults for the zero fields of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 20 << 20
	DefaultMaxRedirects = 5
	DefaultHostInterval = time.Second
)

// DefaultUserAgent is the User-Agent of a client whose Options name none.
var DefaultUserAgent = UserAgent("dev")

// UserAgent returns parley's User-Agent for a version of parley. Its product token, "parley", is
// the name robots.txt addresses it by.
func UserAgent(version string) string {
	return "parley/" + version + " (+https://github.com/parleynews/parley)"
}

// Sentinels a caller tells apart with errors.Is.
var (
	// ErrNotModified is returned when a conditional request finds the page unchanged since the
	// validators in the Cache were stored: there is nothing new to read.
	ErrNotModified = errors.New("not modified since the last fetch")
	// ErrIsFeed is wrapped by the EINVALID error of Page for a URL that serves a feed, so that a
	// caller can offer to read it with Feed instead.
	ErrIsFeed = errors.New("a feed, not a page")
)

// Options tunes a Client. The zero value is ready to use and polite.
type Options struct {
	// UserAgent is sent with every request; "" means DefaultUserAgent. The CLI passes
	// UserAgent(version).
	UserAgent string
	// Timeout bounds each HTTP request (each redirect hop, each robots.txt), from sending it to
	// reading the last byte of the body; time spent waiting for the host's turn (HostInterval)
	// does not count. 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes caps one response body, after decompression; a larger one is refused without
	// being read further. 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects is how many redirects one fetch follows; 0 means DefaultMaxRedirects and a
	// negative value follows none (a redirect is then an error).
	MaxRedirects int
	// HostInterval is the least time between the starts of two requests to one host name
	// (robots.txt and redirect hops included). The port is not part of the key: two ports of one
	// name are one machine to be polite to. 0 means DefaultHostInterval and a negative value
	// imposes no spacing.
	HostInterval time.Duration
	// IgnoreRobots skips robots.txt. By default it is read from every host before anything else
	// and obeyed, as Client describes.
	IgnoreRobots bool
	// Cache keeps the validators of pages and feeds between fetches, for conditional requests;
	// nil means every fetch is unconditional.
	Cache Cache
	// Transport makes the HTTP requests; nil means a clone of http.DefaultTransport.
	Transport http.RoundTripper
}

// Client fetches pages and feeds. It is safe for concurrent use; its rate limit and robots.txt
// cache are shared by all its calls, so a program should use one Client.
//
// robots.txt is fetched once per scheme, host and port and kept for a day. Its rules are those of
// RFC 9309 as Google reads them: the groups naming parley's product token (case-insensitively,
// "parley/2.0" included) apply, else the "*" groups, else nothing; within them the longest
// matching Allow or Disallow path wins, Allow on a tie; "*" matches any run of characters and a
// final "$" anchors the end. A 4xx answer (including 401 and 403) means no rules; a 429, a 5xx,
// or a host that cannot be reached means everything is disallowed for the next hour, as Google
// does, since a server in trouble is the one not to load further.
type Client struct {
	opt       Options
	transport *gateTransport
	http      *http.Client // pages and feeds: our redirect policy
	robotsGet *http.Client // robots.txt: RFC 9309's redirect policy
	robots    *robotsCache
}

// New returns a client with the given options, zero fields taking their defaults.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.HostInterval == 0 {
		opt.HostInterval = DefaultHostInterval
	}
	next := opt.Transport
	if next == nil {
		next = http.DefaultTransport.(*http.Transport).Clone()
	}
	c := &Client{
		opt:       opt,
		transport: &gateTransport{next: next, gate: newGate(opt.HostInterval), timeout: opt.Timeout},
		robots:    newRobotsCache(),
	}
	c.http = &http.Client{Transport: c.transport, CheckRedirect: c.checkRedirect}
	c.robotsGet = &http.Client{Transport: c.transport, CheckRedirect: robotsRedirect}
	return c
}

// CloseIdleConnections closes the connections kept open for reuse. A program need not call it;
// tests that count goroutines do.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// Accept headers: what we can read, best first.
const (
	acceptPage = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
	acceptFeed = "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
)

// Page fetches one web page and returns it as a document: HTML with Source the URL as given, URL
// the final URL after redirects, Format FormatHTML and Raw the body (converted to UTF-8 when the
// server declares another charset and the bytes are not UTF-8 already); plain text decoded to
// UTF-8 into Text, with Format FormatText. Anything else (an image, a PDF, binary data) is
// refused with EINVALID, and a feed with an EINVALID error wrapping ErrIsFeed.
//
// With a Cache, the request is conditional on the validators stored for the URL, and a 304
// answer returns an error wrapping ErrNotModified; after a successful fetch the page's new
// validators are stored. A caller that then fails to keep the document should forget them with
// Cache.Put(url, Validators{}), or the next fetch will find it "not modified".
func (c *Client) Page(ctx context.Context, rawURL string) (*parley.Document, error) {
	return c.page(ctx, rawURL, c.opt.Cache)
}

func (c *Client) page(ctx context.Context, rawURL string, cache Cache) (*parley.Document, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	resp, err := c.get(ctx, rawURL, u, acceptPage, cache)
	if err != nil {
		return nil, err
	}
	doc, err := document(rawURL, resp)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		cache.Put(rawURL, resp.validators)
	}
	return doc, nil
}

// parseURL accepts absolute http and https URLs only.
func parseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named already
		}
		return nil, &parley.Error{Code: parley.EINVALID, Message: rawURL, Err: fmt.Errorf("not a URL: %w", err)}
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, parley.Errorf(parley.EINVALID, "%s: not an http or https URL", rawURL)
	}
	u.Fragment, u.RawFragment = "", "" // never sent; it would only defeat loop detection
	return u, nil
}

// response is a fetched body with what we need to know about it.
type response struct {
	body        []byte
	contentType string
	final       *url.URL
	validators  Validators
}

// get fetches u (rawURL as the user gave it, for messages), conditionally when cache has
// validators for rawURL, and reads the body within the size limit.
func (c *Client) get(ctx context.Context, rawURL string, u *url.URL, accept string, cache Cache) (*response, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("GET %s: %w", rawURL, err)
	}
	if !c.opt.IgnoreRobots {
		if err := c.allowed(ctx, u); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: rawURL, Err: err}
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", accept)
	conditional := false
	if cache != nil {
		if v, ok := cache.Get(rawURL); ok {
			if v.ETag != "" {
				req.Header.Set("If-None-Match", v.ETag)
				conditional = true
			}
			if v.LastModified != "" {
				req.Header.Set("If-Modified-Since", v.LastModified)
				conditional = true
			}
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.requestError(ctx, rawURL, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return nil, fmt.Errorf("%s: %w", rawURL, ErrNotModified)
	case resp.StatusCode >= 300 && resp.StatusCode < 400 && c.opt.MaxRedirects < 0:
		return nil, &parley.Error{Code: parley.EUNAVAILABLE, Message: rawURL,
			Err: fmt.Errorf("redirected to %s, and redirects are not followed", resp.Header.Get("Location"))}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, statusError(rawURL, final, resp)
	}
	body, err := c.readBody(resp)
	if err != nil {
		var pe *parley.Error
		if errors.As(err, &pe) {
			return nil, &parley.Error{Code: pe.Code, Message: rawURL, Err: err}
		}
		return nil, c.requestError(ctx, rawURL, err)
	}
	return &response{
		body:        body,
		contentType: resp.Header.Get("Content-Type"),
		final:       final,
		validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}, nil
}

// readBody reads a response body, refusing one over MaxBytes without reading more than one byte
// past the limit (or any of it, when the server declares its length).
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	max := c.opt.MaxBytes
	if resp.ContentLength > max {
		return nil, tooLarge(max)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	return b, nil
}

func tooLarge(max int64) error {
	return parley.Errorf(parley.EINVALID, "response larger than the limit of %s", byteSize(max))
}

// byteSize writes a limit the way a person set it: "20 MiB (20971520 bytes)", "1500 bytes".
func byteSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d %s (%d bytes)", n/u.size, u.name, n)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// statusError turns an HTTP error status into a user-facing error naming the URL and the status.
func statusError(rawURL string, final *url.URL, resp *http.Response) error {
	code := parley.EUNAVAILABLE
	switch s := resp.StatusCode; {
	case s == http.StatusNotFound || s == http.StatusGone:
		code = parley.ENOTFOUND
	case s == http.StatusUnauthorized || s == http.StatusForbidden || s == http.StatusRequestTimeout ||
		s == http.StatusTooManyRequests || s >= 500:
		// Refused or failed: the source is there but does not answer us, perhaps only for now.
	case s >= 400:
		code = parley.EINVALID // the request itself is wrong: a malformed URL, a method not allowed
	}
	status := resp.Status
	if status == "" {
		status = fmt.Sprint(resp.StatusCode)
	}
	msg := "HTTP " + status
	if final != nil && final.String() != rawURL {
		msg += " at " + final.String()
	}
	return &parley.Error{Code: code, Message: rawURL, Err: errors.New(msg)}
}

// redirectError is why a redirect was not followed; the caller names the URL.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// checkRedirect bounds the redirects of one fetch, detects loops, and checks every new URL
// against its host's robots.txt.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if c.opt.MaxRedirects < 0 {
		return http.ErrUseLastResponse
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return &redirectError{fmt.Sprintf("redirect loop: %s redirects back to %s", via[len(via)-1].URL, next)}
		}
	}
	if len(via) > c.opt.MaxRedirects {
		return &redirectError{fmt.Sprintf("too many redirects (more than %d), the last to %s", c.opt.MaxRedirects, next)}
	}
	if !c.opt.IgnoreRobots {
		return c.allowed(req.Context(), req.URL)
	}
	return nil
}

// errTimeout marks a request that ran out of Options.Timeout, as opposed to one whose caller gave
// up.
var errTimeout = errors.New("timed out")

// requestError turns a failed exchange into a user-facing error naming the URL. The caller's own
// cancellation is returned as such (wrapping ctx.Err()), so that it is not mistaken for a server
// that did not answer.
func (c *Client) requestError(ctx context.Context, rawURL string, err error) error {
	var pe *parley.Error
	if errors.As(err, &pe) { // robots.txt refused a redirect
		return pe
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("GET %s: %w", rawURL, cerr)
	}
	var re *redirectError
	if errors.As(err, &re) {
		return &parley.Error{Code: parley.EUNAVAILABLE, Message: rawURL, Err: re}
	}
	var ne net.Error
	if errors.Is(err, errTimeout) || errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return &parley.Error{Code: parley.EUNAVAILABLE, Message: rawURL, Err: fmt.Errorf("timed out after %s", c.opt.Timeout)}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // it names the URL again, with the method
	}
	return &parley.Error{Code: parley.EUNAVAILABLE, Message: rawURL, Err: err}
}

// document makes a document of a fetched page according to what it is.
func document(rawURL string, r *response) (*parley.Document, error) {
	k, mediaType, params := classify(r.contentType, r.body)
	finalURL := r.final.String()
	switch k {
	case kindHTML:
		if len(bytes.TrimSpace(r.body)) == 0 {
			return nil, parley.Errorf(parley.EINVALID, "%s: empty page", rawURL)
		}
		return &parley.Document{Source: rawURL, URL: finalURL, Format: parley.FormatHTML,
			Raw: toUTF8(r.body, params["charset"])}, nil
	case kindText:
		s, err := input.Decode(toUTF8(r.body, params["charset"]))
		if err != nil {
			return nil, &parley.Error{Code: parley.ErrorCode(err), Message: rawURL, Err: err}
		}
		return &parley.Document{Source: rawURL, URL: finalURL, Format: parley.FormatText, Text: s}, nil
	case kindFeed:
		return nil, &parley.Error{Code: parley.EINVALID, Message: rawURL, Err: fmt.Errorf("%w (%s)", ErrIsFeed, mediaType)}
	}
	return nil, parley.Errorf(parley.EINVALID, "%s: unsupported content type %s", rawURL, mediaType)
}

type kind int

const (
	kindUnsupported kind = iota
	kindHTML
	kindText
	kindFeed
)

// classify decides what a body is from its declared Content-Type, and from its bytes when the
// declaration is missing or generic, or is contradicted by a binary format's signature. mediaType
// is what messages call it.
func classify(contentType string, body []byte) (k kind, mediaType string, params map[string]string) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, params = "", nil
	}
	sniffed := http.DetectContentType(body)
	// An image or an archive is not an article, whatever the server calls it. For a body declared
	// as text, the signature must come with binary bytes: "BM" opens a BMP image, and "BMW said…"
	// a story.
	binary := binarySignature(sniffed)
	declaredBinary := binary && hasBinaryBytes(body)
	switch mt {
	case "text/html", "application/xhtml+xml":
		if declaredBinary {
			return kindUnsupported, mediaTypeOf(sniffed), params
		}
		return kindHTML, mt, params
	case "text/plain", "text/markdown", "text/x-markdown":
		if declaredBinary {
			return kindUnsupported, mediaTypeOf(sniffed), params
		}
		return kindText, mt, params
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return kindFeed, mt, params
	case "", "application/octet-stream", "binary/octet-stream", "text/xml", "application/xml", "application/json":
		switch {
		case binary:
			return kindUnsupported, mediaTypeOf(sniffed), params
		case looksHTML(body):
			return kindHTML, orSniffed(mt, sniffed), params
		case isFeed(body):
			return kindFeed, orSniffed(mt, sniffed), params
		case (mt == "" || strings.HasSuffix(mt, "octet-stream")) && strings.HasPrefix(sniffed, "text/plain"):
			return kindText, "text/plain", params
		}
		return kindUnsupported, orSniffed(mt, sniffed), params
	}
	return kindUnsupported, mt, params
}

// hasBinaryBytes reports whether the first 512 bytes of b hold a byte no text has, by the
// definition of the WHATWG sniffing standard that http.DetectContentType follows.
func hasBinaryBytes(b []byte) bool {
	for _, c := range b[:min(len(b), 512)] {
		if c <= 0x08 || c == 0x0B || 0x0E <= c && c <= 0x1A || 0x1C <= c && c <= 0x1F {
			return true
		}
	}
	return false
}

// isFeed reports whether a body starts like an RSS or Atom feed, or like a JSON Feed (which,
// unlike any JSON, names its version's URL).
func isFeed(body []byte) bool {
	head := body[:min(len(body), htmlSniffBytes)]
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	return false
}

func orSniffed(mt, sniffed string) string {
	if mt == "" || strings.HasSuffix(mt, "octet-stream") {
		return mediaTypeOf(sniffed)
	}
	return mt
}

func mediaTypeOf(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.TrimSpace(mt)
}

// binarySignature reports whether http.DetectContentType recognised a binary format by its
// magic bytes. "application/octet-stream" (unrecognised bytes) is not one: an HTML page with a
// stray control character sniffs as that.
func binarySignature(sniffed string) bool {
	mt := mediaTypeOf(sniffed)
	switch {
	case strings.HasPrefix(mt, "text/"), mt == "application/octet-stream", mt == "application/json":
		return false
	}
	return true
}

// htmlSniffBytes is how far into a body looksHTML searches for a telling tag.
const htmlSniffBytes = 4096

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// looksHTML reports whether b starts with '<' (after white space and a byte-order mark) and shows
// a tag only HTML has early on, as package input judges files.
func looksHTML(b []byte) bool {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, bomUTF8), " \t\r\n\f")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	head := bytes.ToLower(b[:min(len(b), htmlSniffBytes)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p "} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// toUTF8 decodes b from the charset its Content-Type declares, when the declaration is
// believable: a byte-order mark overrides it (as browsers do), and bytes that are valid UTF-8 are
// kept as they are, since servers that label every page ISO-8859-1 by default are common and
// real Latin-1 text is almost never valid UTF-8. (The HTML extractor takes valid UTF-8 as UTF-8
// over a <meta> declaration, so converting HTML here never makes it decode the page twice.) An
// unknown charset leaves b alone, for the sniffing of input.Decode or of the extractor. UTF-16
// declared without a byte-order mark is honoured even though ASCII in UTF-16 is valid UTF-8, NUL
// bytes and all.
func toUTF8(b []byte, charset string) []byte {
	if charset == "" || bytes.HasPrefix(b, bomUTF8) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return b
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return b
	}
	name, _ := htmlindex.Name(enc)
	utf16 := name == "utf-16le" || name == "utf-16be"
	if name == "utf-8" || !utf16 && utf8.Valid(b) {
		return b
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}
