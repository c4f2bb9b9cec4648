package extract

import (
	"strings"

	"github.com/parleynews/parley/internal/furniture"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pruning removes elements whose class or id names page furniture that is never article prose
// (internal/furniture's class fragments and comment tokens): captions and credits, embeds,
// comment threads, related-story rails, share and newsletter boxes, pop-ups. Trafilatura drops
// much of this itself, but the fallback extractors it consults (readability, DOM distiller) do
// not, and a rail of related stories is often longer than a short article, so the fallback
// picks it. Pruning before extraction keeps every extractor off them. Only whole tokens count
// as comment threads, because "commentary" and "comment-is-free" are article sections; a token
// with a content fragment ("article", "body") and no furniture fragment vetoes pruning.

// keepAtoms are never pruned: they are the article or hold it.
var keepAtoms = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Head: true, atom.Main: true, atom.Article: true,
}

// maxFurnitureShare bounds what pruning may take: an element holding more than this share of the
// page's text is the article itself, whatever its class says ("article-body share-enabled").
const maxFurnitureShare = 0.4

// pruneFurniture removes captions, credits, comment threads, related-story rails and similar
// page furniture from doc, before any extractor sees it.
func pruneFurniture(doc *html.Node) {
	textLen := make(map[*html.Node]int)
	total := measureText(doc, textLen)
	var doomed []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isFurnitureTag(c) || isFurniture(c) && !keepAtoms[c.DataAtom] &&
				float64(textLen[c]) <= maxFurnitureShare*float64(total) && !holdsHeadline(c) {
				doomed = append(doomed, c)
				continue
			}
			visit(c)
		}
	}
	visit(doc)
	doomed = append(doomed, otherArticles(doc, textLen, total)...)
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// otherArticles returns the <article> elements that are neither the one holding the headline nor
// inside it nor around it: on a story page these are teasers for other stories, which a fallback
// extractor happily takes for a continuation of the text.
func otherArticles(doc *html.Node, textLen map[*html.Node]int, total int) []*html.Node {
	h1 := headline(doc)
	if h1 == nil {
		return nil
	}
	var main *html.Node
	for p := h1.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Article {
			main = p
			break
		}
	}
	if main == nil {
		return nil
	}
	var out []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == main || c.Type != html.ElementNode:
			case c.DataAtom == atom.Article && !contains(c, main) &&
				float64(textLen[c]) <= maxFurnitureShare*float64(total):
				out = append(out, c)
			default:
				visit(c)
			}
		}
	}
	visit(doc)
	return out
}

// headline returns the first <h1> whose words are all in the page's <title> or og:title: the
// story's headline, not a teaser's or the site logo's. Nil when there is none.
func headline(doc *html.Node) *html.Node {
	var titles []string
	var h1s []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				titles = append(titles, normText(textOf(n)))
			case atom.Meta:
				if attr(n, "property") == "og:title" || attr(n, "name") == "twitter:title" {
					titles = append(titles, normText(attr(n, "content")))
				}
			case atom.H1:
				h1s = append(h1s, n)
				return
			case atom.Script, atom.Style:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	for _, h := range h1s {
		words := normText(textOf(h))
		if words == "" {
			continue
		}
		for _, t := range titles {
			if strings.Contains(" "+t+" ", " "+words+" ") {
				return h
			}
		}
	}
	return nil
}

// textOf is the text under n, unformatted.
func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode, html.DocumentNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
	}
	visit(n)
	return b.String()
}

// normText is s as lower-case words separated by single spaces, for comparing headings.
func normText(s string) string {
	return strings.ToLower(strings.Join(splitWords(s), " "))
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

// contains reports whether d is n or lies under it.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// measureText records the length of the visible text under every element and returns the
// length under n.
func measureText(n *html.Node, lens map[*html.Node]int) int {
	switch n.Type {
	case html.TextNode:
		return len(strings.TrimSpace(n.Data))
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return 0
		}
	case html.DocumentNode:
	default:
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += measureText(c, lens)
	}
	lens[n] = sum
	return sum
}

// isFurnitureTag reports whether n's element is furniture by its very kind, whatever its size.
func isFurnitureTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figcaption, atom.Nav:
		return true
	case atom.Figure:
		// A figure is a picture, a chart or a video, with its caption and credit, unless it
		// holds a quotation: some sites set embedded posts and pull quotes as figures.
		return findFirst(n, atom.Blockquote) == nil
	}
	return false
}

// isFurniture reports whether n's attributes mark it as furniture: hidden, or with a class or id
// of captions, comments, rails and the like.
func isFurniture(n *html.Node) bool {
	if attr(n, "aria-hidden") == "true" || hasAttr(n, "hidden") {
		return true
	}
	style := strings.ToLower(attr(n, "style"))
	if strings.Contains(style, "display:none") || strings.Contains(style, "display: none") {
		return true
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(names) == "" {
		return false
	}
	for _, tok := range strings.Fields(names) {
		if furniture.CommentTokens[tok] {
			return true
		}
	}
	marked := false
	for _, tok := range strings.Fields(names) {
		switch {
		case hasFragment(tok, furniture.ClassFragments):
			marked = true
		case hasFragment(tok, furniture.ContentFragments):
			// "entry-content entry-content-read-more": the article, with a toggle.
			return false
		}
	}
	// An embedded post ("social-embed", "twitter-embed") quotes someone, which is what parley
	// reads articles for; the credit line under it goes with the line rules.
	return marked && findFirst(n, atom.Blockquote) == nil
}

func hasFragment(tok string, frags []string) bool {
	for _, f := range frags {
		if strings.Contains(tok, f) {
			return true
		}
	}
	return false
}

// holdsHeadline reports whether n contains an <h1>: whatever holds the headline holds the
// article.
func holdsHeadline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || holdsHeadline(c)) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// anchorTexts returns the normalised text of every link on the page that reads like a headline
// (three words or more): a paragraph of the extraction that is exactly such a text is a teaser
// for another page, not prose.
func anchorTexts(doc *html.Node) map[string]bool {
	out := make(map[string]bool)
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if t := normText(textOf(n)); strings.Count(t, " ") >= 2 {
				out[t] = true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	return out
}
