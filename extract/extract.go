// Package extract turns a web page into the article it carries: the body text with its paragraph
// breaks, and the title, author, publication date and language, for the ingest stage to build a
// parley.Document from.
package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/parleynews/parley"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Result is the article found in a page.
type Result struct {
	Text       string // paragraphs separated by one blank line ("\n\n")
	Title      string
	Author     string
	Published  string // "YYYY-MM-DD" or ""
	Language   string // ISO 639-1 code or ""
	URL        string // canonical URL where known, else the URL given
	Paragraphs int    // how many paragraphs Text has
	// Repairs say what was wrong with the page and mended so that its text could be read
	// ("3 stray NUL bytes removed"); the document is flagged with them.
	Repairs []string
}

// MaxStrayNULs is how many NUL bytes a page of n bytes may hold and still be read as a page, the
// NULs dropped: one in a thousand bytes, at least one. Binary files hold far more.
func MaxStrayNULs(n int) int { return max(1, n/1000) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// maxDepth is the nesting kept when a page is nested too deep to parse: far below the parser's
// limit of 512 open elements (which counts elements the parser opens itself) and far above any
// article's markup.
const maxDepth = 256

// flatten writes the page again without the start and end tags of elements nested deeper than
// depth, keeping their text, so that the parser's limit is not reached.
func flatten(page string, depth int) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	b.Grow(len(page))
	d := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(atom.Lookup(name)) {
				b.Write(z.Raw())
				continue
			}
			d++
			if d > depth {
				continue
			}
		case html.EndTagToken:
			d--
			if d >= depth {
				continue
			}
		}
		b.Write(z.Raw())
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// HTML extracts the article from a raw web page. pageURL is where the page came from ("" when
// unknown); it resolves relative links and is the fallback for Result.URL. A page in which no
// article text can be found is an EINVALID error.
func HTML(raw []byte, pageURL string) (res *Result, err error) {
	// The extractors are third-party code run on whatever the web serves: a panic in them must
	// not take the caller down.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, parley.Errorf(parley.EINTERNAL, "extract article: panic: %v", r)
		}
	}()
	var repairs []string
	text, err := decode(raw, &repairs)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "open stack of elements") {
		// Nested deeper than the HTML parser goes (512 elements): keep the text, drop the
		// tags below a depth no article needs.
		doc, err = html.Parse(strings.NewReader(flatten(text, maxDepth)))
		repairs = append(repairs, fmt.Sprintf("elements nested deeper than %d flattened", maxDepth))
	}
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "parse HTML", Err: err}
	}
	anchors := anchorTexts(doc)
	pruneFurniture(doc)
	ext, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:    parseURL(pageURL),
		EnableFallback: true,
		// The date is htmldate's job below, where its slow extensive search can be skipped
		// when the fast one succeeds.
		HtmlDateMode: trafilatura.Disabled,
	})
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "no article text found", Err: err}
	}
	paras := cleanParagraphs(render(ext.ContentNode), ext.Metadata, anchors)
	if len(paras) == 0 {
		return nil, parley.Errorf(parley.EINVALID, "no article text found")
	}
	md := ext.Metadata
	res = &Result{
		Text:       strings.Join(paras, "\n\n"),
		Title:      clean(md.Title),
		Author:     clean(md.Author),
		Language:   md.Language,
		URL:        md.URL,
		Paragraphs: len(paras),
		Repairs:    repairs,
	}
	// A guess from a few words is noise ("Home About" reads as Akan); the page's declaration is
	// better then.
	if lang := declaredLanguage(doc); lang != "" && (res.Language == "" || len(splitWords(res.Text)) < minGuessWords) {
		res.Language = lang
	}
	if res.URL == "" {
		res.URL = pageURL
	}
	if !md.Date.IsZero() {
		res.Published = md.Date.Format(time.DateOnly)
	} else {
		res.Published = publishedDate(doc, res.URL)
	}
	return res, nil
}

// minGuessWords is the shortest text whose guessed language beats the declared one.
const minGuessWords = 50

// declaredLanguage is the primary subtag of <html lang>, lower-cased: "pt" for "pt-BR".
func declaredLanguage(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			lang, _, _ := strings.Cut(strings.TrimSpace(attr(n, "lang")), "-")
			lang = strings.ToLower(lang)
			if len(lang) == 2 || len(lang) == 3 {
				return lang
			}
		}
	}
	return ""
}

// publishedDate asks htmldate for the page's original publication date, "" when it finds none.
// The fast search (metadata, URL, common markup) usually settles it; the extensive one, which runs
// a multilingual date parser over the page's text, is some ten times slower and only runs when
// the fast one finds nothing.
func publishedDate(doc *html.Node, pageURL string) string {
	for _, skipExtensive := range []bool{true, false} {
		d, err := htmldate.FromDocument(doc, htmldate.Options{
			UseOriginalDate:     true,
			URL:                 pageURL,
			SkipExtensiveSearch: skipExtensive,
		})
		if err == nil && !d.IsZero() {
			return d.DateTime.Format(time.DateOnly)
		}
	}
	return ""
}

// maxPrescan is how far into a page a charset declaration is looked for. The HTML standard says
// 1024 bytes, but real pages often declare it later, after a pile of other meta tags.
const maxPrescan = 16 << 10

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// decode returns the page as NFC-normalised UTF-8, reading its encoding from a byte-order mark or
// a meta declaration. Bytes that are valid UTF-8 are taken as UTF-8 even against a declaration,
// because a page saved or served by a tool that re-encoded it keeps its old meta tag.
func decode(raw []byte, repairs *[]string) (string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", parley.Errorf(parley.EINVALID, "empty page")
	}
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case !utf8.Valid(raw):
		enc = legacyEncoding(raw)
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return "", &parley.Error{Code: parley.EINVALID, Message: "decode page", Err: err}
		}
		raw = out
	}
	if n := bytes.Count(raw, []byte{0}); n > MaxStrayNULs(len(raw)) {
		return "", parley.Errorf(parley.EINVALID, "not an HTML page: binary data")
	} else if n > 0 {
		raw = bytes.ReplaceAll(raw, []byte{0}, nil)
		*repairs = append(*repairs, fmt.Sprintf("%d stray NUL byte%s removed", n, plural(n)))
	}
	text := strings.ToValidUTF8(string(raw), "\uFFFD")
	// A soft hyphen splits a word in two for every later stage and shows nothing to a reader.
	return strings.ReplaceAll(norm.NFC.String(text), "\u00AD", ""), nil
}

// legacyEncoding returns the encoding of a page that is not UTF-8: the one its meta tag declares,
// else the web's default guess (windows-1252). Nil means UTF-8 with the bad bytes replaced, which
// is how the HTML standard reads a page whose meta tag claims UTF-16: a tag cannot be written in
// the encoding it declares if that is UTF-16.
func legacyEncoding(raw []byte) encoding.Encoding {
	if m := metaCharset.FindSubmatch(raw[:min(len(raw), maxPrescan)]); m != nil {
		enc, name := charset.Lookup(string(m[1]))
		switch {
		case strings.HasPrefix(name, "utf-16"), name == "utf-8":
			return nil
		case enc != nil:
			return enc
		}
	}
	enc, _, _ := charset.DetermineEncoding(raw, "text/html")
	return enc
}

// parseURL returns nil for an empty or unusable URL, so that trafilatura falls back on the URL the
// page itself declares.
func parseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.ParseRequestURI(s)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// clean collapses runs of white space to one space and trims the ends.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
