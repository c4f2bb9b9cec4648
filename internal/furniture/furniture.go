// Package furniture holds the words of web-page furniture, what a page or a browser paste
// carries besides the article: menus, share bars, cookie notices, image credits, bylines and
// datelines, comment threads. Package extract reads the class fragments and the share words
// when it prunes HTML, package clean the phrases and the share words when it sorts the lines of
// a text, so that the two recognise the same furniture from one list (data/furniture.txt, in
// the format of internal/lexfile).
package furniture

import (
	"embed"

	"github.com/parleynews/parley/internal/lexfile"
)

//go:embed data/furniture.txt
var dataFS embed.FS

var data = lexfile.MustRead(dataFS, "data/furniture.txt")

// Phrases of lines, lower case with single spaces.
var (
	// NavExact and BoilerExact are lines that are nothing but the phrase: navigation and
	// boilerplate.
	NavExact    = set(data.Phrases("navExact"))
	BoilerExact = set(data.Phrases("boilerExact"))
	// NavLeads and BoilerLeads open lines that are furniture whatever follows ("Read also: …").
	NavLeads    = data.Phrases("navLeads")
	BoilerLeads = data.Phrases("boilerLeads")
	// ProseLeads are the leads that can also open a sentence of news ("Copyright claims
	// against…"): they count only on a line that does not read as prose.
	ProseLeads = set(data.Phrases("proseLeads"))
	// BoilerInside give a short line away wherever they stand in it.
	BoilerInside = data.Phrases("boilerInside")
	// SocialWords name social networks in a call to follow someone ("on x" is X).
	SocialWords = data.Phrases("socialWords")
	// BylineLabels open a byline or a time stamp ("written by", "last updated").
	BylineLabels = data.Phrases("bylineLabels")
)

// Words, lower case.
var (
	// ShareWords make up rows of share buttons ("Facebook Twitter WhatsApp Email").
	ShareWords = data.Set("shareWords")
	// MenuWords make up menus, with the share words ("Search Home More").
	MenuWords = data.Set("menuWords")
	// CreditEnds end image credits ("Getty Images", "Reuters").
	CreditEnds = data.Words("creditEnds")
	// DateWords are month and day names, time-zone and clock words, in several languages;
	// DatelineFillers may stand in a dateline without counting against it ("by", "updated").
	DateWords       = data.Set("dateWords")
	DatelineFillers = data.Set("datelineFillers")
)

// Fragments of HTML class and id attributes.
var (
	// ClassFragments mark furniture that is never article prose ("caption", "related").
	ClassFragments = data.Words("classFragments")
	// CommentTokens are whole class or id tokens of comment threads.
	CommentTokens = data.Set("commentTokens")
	// ContentFragments mark the element that holds the article.
	ContentFragments = data.Words("contentFragments")
)

func set(phrases []string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[p] = true
	}
	return m
}
