package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that start and end a paragraph of their own.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Menu: true,
}

// skipAtoms hold no article prose: code, form controls, media and their captions. (Figures went
// before extraction, unless they hold a quotation.)
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Figcaption: true, atom.Svg: true, atom.Math: true,
	atom.Button: true, atom.Iframe: true, atom.Select: true, atom.Option: true,
	atom.Textarea: true, atom.Input: true, atom.Head: true, atom.Title: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Canvas: true, atom.Picture: true, atom.Map: true,
}

// renderer turns an element tree into paragraphs: block elements become paragraphs of their
// own, inline text is joined with its white space collapsed, a single <br> is a line break
// inside a paragraph and two in a row end it.
type renderer struct {
	paras   []block
	tag     atom.Atom // the innermost block element open
	cur     strings.Builder
	space   bool // white space seen since the last word
	newline bool // a <br> seen since the last word
	brOnly  bool // nothing but <br> and white space since the last <br>
	inPre   int
	edge    bool // an inline element started or ended since the last word
}

// block is one rendered paragraph and the element it came from.
type block struct {
	text string
	tag  atom.Atom // h1…h6, li, p, td (table rows), div…
}

// render returns the paragraphs of the tree under n, each trimmed and non-empty.
func render(n *html.Node) []block {
	if n == nil {
		return nil
	}
	r := &renderer{}
	r.walk(n)
	r.flush()
	return r.paras
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		return
	default:
		return
	}
	a := tagAtom(n)
	if skipAtoms[a] {
		return
	}
	switch a {
	case atom.Br:
		r.lineBreak()
		return
	case atom.Td, atom.Th:
		r.space = true
		r.children(n)
		r.space = true
		return
	}
	if blockAtoms[a] {
		r.flush()
		outer := r.tag
		r.tag = a
		if a == atom.Pre {
			r.inPre++
			defer func() { r.inPre-- }()
		}
		r.children(n)
		r.flush()
		r.tag = outer
		return
	}
	if !wordEdgeAtoms[a] {
		r.children(n)
		return
	}
	// Trafilatura trims the text around the formatting it keeps, so "doing <b>this</b> that"
	// comes back as "doing<b>this</b>that": the edge of such an element between two words is
	// taken as a space. Markup inside a word is subscripts, superscripts and drop caps in spans,
	// which are left alone; bold or a link in mid-word is rare in news prose.
	r.edge = true
	r.children(n)
	r.edge = true
}

// wordEdgeAtoms are the inline elements whose edges fall between words.
var wordEdgeAtoms = map[atom.Atom]bool{
	atom.A: true, atom.B: true, atom.Strong: true, atom.I: true, atom.Em: true, atom.U: true,
	atom.Mark: true, atom.Q: true, atom.Cite: true, atom.Small: true, atom.S: true,
	atom.Del: true, atom.Ins: true, atom.Code: true, atom.Kbd: true, atom.Samp: true,
	atom.Tt: true, atom.Var: true, atom.Time: true,
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func (r *renderer) text(s string) {
	if r.inPre > 0 {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			if i > 0 {
				r.lineBreak()
			}
			r.words(line)
		}
		return
	}
	r.words(s)
}

// words appends s with its white space collapsed.
func (r *renderer) words(s string) {
	for s != "" {
		i := strings.IndexFunc(s, isSpace)
		if i < 0 {
			r.word(s)
			return
		}
		if i > 0 {
			r.word(s[:i])
		}
		r.space = true
		s = strings.TrimLeftFunc(s[i:], isSpace)
	}
}

func (r *renderer) word(w string) {
	if r.cur.Len() > 0 {
		switch {
		case r.newline:
			r.cur.WriteByte('\n')
		case r.space:
			r.cur.WriteByte(' ')
		case r.edge && wordEnd(r.cur.String()) && wordStart(w):
			r.cur.WriteByte(' ')
		}
	}
	r.cur.WriteString(w)
	r.space, r.newline, r.brOnly, r.edge = false, false, false, false
}

func (r *renderer) lineBreak() {
	if r.brOnly {
		r.flush()
		return
	}
	r.newline, r.brOnly = true, true
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	if r.cur.Len() > 0 {
		r.paras = append(r.paras, block{text: r.cur.String(), tag: r.tag})
		r.cur.Reset()
	}
	r.space, r.newline, r.brOnly = false, false, false
}

// isSpace is white space as a browser collapses it, plus the no-break and other Unicode
// spaces that pages use for layout.
func isSpace(c rune) bool {
	return unicode.IsSpace(c) || c == '\u200B' || c == '\uFEFF'
}

// tagAtom is n's tag as an atom. Trafilatura builds elements by name only, leaving DataAtom zero.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func wordEnd(s string) bool {
	c, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

func wordStart(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}
