package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/parleynews/parley/internal/furniture"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/atom"
)

// cleanParagraphs turns the rendered blocks into the article's paragraphs: the headline (which
// Result.Title carries) and the standfirst under it go, and so do lines that are page furniture
// rather than prose: share prompts, newsletter pitches, bylines and datelines, related-story
// rails, credits and captions.
func cleanParagraphs(blocks []block, md trafilatura.Metadata, anchors map[string]bool) []string {
	blocks = dropHeadline(blocks, md)
	blocks = dropRails(blocks)
	blocks = dropTeasers(blocks, anchors)
	var out []string
	for i, b := range blocks {
		edge := i < edgeBlocks || i >= len(blocks)-edgeBlocks
		var kept []string
		for _, line := range strings.Split(b.text, "\n") {
			if !isBoilerplate(line, edge) {
				kept = append(kept, line)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	return out
}

// edgeBlocks is how many blocks at either end of the text count as its edges, where bylines,
// datelines and credits sit. In the middle such short lines may be a live blog's time stamps.
const edgeBlocks = 4

// dropHeadline removes the headline from the top of the text, with any short kicker above it
// ("Politics", "immunology"), and a standfirst set as a heading just below it.
func dropHeadline(blocks []block, md trafilatura.Metadata) []block {
	title := normText(md.Title)
	for i := 0; i < len(blocks) && i < 3; i++ {
		b := blocks[i]
		words := normText(b.text)
		if words == "" {
			continue
		}
		isTitle := title != "" && (words == title || strings.Contains(" "+title+" ", " "+words+" ") && 2*len(words) >= len(title))
		if !isTitle && !(b.tag == atom.H1 && i == 0) {
			if len(splitWords(b.text)) > maxKickerWords {
				break
			}
			continue
		}
		rest := blocks[i+1:]
		if len(rest) > 1 && isHeading(rest[0].tag) && isStandfirst(rest[0].text, md.Description) {
			rest = rest[1:]
		}
		return rest
	}
	return blocks
}

// maxKickerWords is the longest a label above a headline may be.
const maxKickerWords = 6

// isStandfirst reports whether a heading under the headline is a standfirst: a sentence, not a
// section title, or the page's own description.
func isStandfirst(text, description string) bool {
	if d := normText(description); d != "" && strings.HasPrefix(d, normText(text)) {
		return true
	}
	return len(splitWords(text)) >= 8
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// dropRails cuts a rail of related stories: a heading such as "More Great Stories" or "You may
// also like" and the short teaser lines after it, up to the next real paragraph.
func dropRails(blocks []block) []block {
	out := blocks[:0:0]
	for i := 0; i < len(blocks); i++ {
		if !railHeading.MatchString(strings.TrimSpace(blocks[i].text)) {
			out = append(out, blocks[i])
			continue
		}
		for i+1 < len(blocks) && isTeaser(blocks[i+1]) {
			i++
		}
	}
	return out
}

// dropTeasers removes links to other stories that the extractor took for paragraphs: blocks
// whose whole text is the text of a link on the page, when two or more come in a row (with at
// most a one-line summary between them), when they shout in capitals, or when they end the text.
// A single linked heading amid prose, such as a product name in a buying guide, stays.
func dropTeasers(blocks []block, anchors map[string]bool) []block {
	linked := make([]bool, len(blocks))
	for i, b := range blocks {
		linked[i] = anchors[normText(b.text)]
	}
	drop := make([]bool, len(blocks))
	for i := 0; i < len(blocks); i++ {
		if !linked[i] {
			continue
		}
		if isShouting(blocks[i].text) {
			drop[i] = true
		}
		// The next linked block, past at most one short summary line.
		j := i + 1
		if j < len(blocks) && !linked[j] && len(splitWords(blocks[j].text)) <= maxSummaryWords {
			j++
		}
		if j < len(blocks) && linked[j] {
			for k := i; k <= j; k++ {
				drop[k] = true
			}
		}
	}
	// Teasers closing the text.
	for i := len(blocks) - 1; i >= 0 && (linked[i] || drop[i]); i-- {
		drop[i] = true
	}
	out := blocks[:0:0]
	for i, b := range blocks {
		if !drop[i] {
			out = append(out, b)
		}
	}
	return out
}

// maxSummaryWords is the longest line taken for a teaser's summary.
const maxSummaryWords = 25

// isShouting reports whether s is written in capitals, as promotional links often are.
func isShouting(s string) bool {
	upper, lower := 0, 0
	for _, c := range s {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
	}
	return upper >= 10 && lower*10 < upper
}

// isTeaser reports whether a block looks like an item of a story rail: a short line, or a list
// item, rather than a paragraph of prose.
func isTeaser(b block) bool {
	n := len(splitWords(b.text))
	return n <= 30 && (b.tag == atom.Li || n <= 20)
}

var railHeading = regexp.MustCompile(`(?i)^(?:` +
	`(?:more|top|latest|related|recommended|popular|trending|further|most (?:read|popular|viewed|shared))\b.{0,40}\b(?:stories|articles|news|reads?|reading|posts|videos|links|coverage)` +
	`|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)` +
	`|(?:related|more|see also|also read|read also|read more|don'?t miss|explore further|recommended|trending now|most read|popular on \S+|you may have missed)` +
	`|más noticias|te puede interesar|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|leia também|você pode gostar|veja também|ti potrebbe interessare|leggi anche` +
	`)\W*$`)

// Lines that are furniture wherever they stand.
var furnitureLine = regexp.MustCompile(`(?i)^(?:` +
	`advertisement|advertising|sponsored(?: content)?|ad|continue reading(?: below)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?` +
	`|share(?: this)?(?: (?:article|story|post))?(?: on)?|print|email|comments?|tags?|topics|filed under:?.*|categories:?.*` +
	`|(?:read|see|watch|listen) (?:more|also|next|full story)\b.{0,150}` +
	`|related(?: (?:post|article|story|stories|links?|coverage|reading))?:.{0,150}` +
	`|also:.{0,150}` +
	`|(?:sign up|subscribe)\b.{0,200}` +
	`|thanks? (?:you )?for (?:signing up|subscribing).{0,100}` +
	`|like this (?:story|article)\?.{0,100}` +
	`|you must (?:be )?log(?:ged)? in to (?:post|leave) a comment.{0,20}` +
	`|(?:this|the) (?:article|story|copy) is for your personal,? non-?commercial use only.*` +
	`)\W*$`)

// Phrases that mark a short line as a pitch or a footer, wherever they stand in it. Every one has
// one of pitchKeys in it, which is cheaper to look for first.
var pitch = regexp.MustCompile(`(?i)` +
	`\b(?:delivered|straight|right) (?:to|in|into) your inbox\b` +
	`|\bclick(?:ing)? here\b` +
	`|\bfollow (?:us|\S+(?: \S+){0,4}) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b` +
	`|\ball rights reserved\b` +
	`|\bretrieved \d{1,2} \w+ \d{4} from https?://` +
	`|\bcontributed (?:reporting|to this (?:report|story|article))\b`)

var pitchKeys = []string{"inbox", "click", "follow", "rights reserved", "retrieved", "contributed"}

// A newsletter pitch talks to the reader ("Sign up for our newsletter", "delivered to your
// inbox"); prose that mentions a subscription does not.
var (
	newsletter      = regexp.MustCompile(`(?i)\b(?:sign(?:ing)? up|subscribe|subscription|newsletters?)\b.{0,80}\b(?:inbox|email|newsletters?|free|today|here|daily|weekly)\b`)
	addressesReader = regexp.MustCompile(`(?i)\b(?:you|your|our|us)\b|^(?:sign|subscribe|get|join)\b`)
)

// Openings that mark a short line as a credit or a footer.
var footer = regexp.MustCompile(`(?i)^(?:` +
	`(?:copyright|©|\(c\))\s` +
	`|\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b` +
	`|with (?:\S+ ){0,3}wires?\W*$` +
	`|(?:reach|write to|email|contact) (?:the )?(?:\S+ ){0,4}(?:at|on|via)\b.*(?:@|https?://)` +
	`|have a (?:news )?tip\?)`)

// maxPitchWords bounds the lines the pitch patterns may remove: a long paragraph that mentions a
// newsletter is prose.
const maxPitchWords = 40

var (
	urlOnly    = regexp.MustCompile(`(?i)^(?:\S+@\S+\.\w+|@\w+|(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com/\S+)(?:\s+(?:\S+@\S+\.\w+|@\w+))*$`)
	breadcrumb = regexp.MustCompile(`[»›].*[»›]`)
	caption    = regexp.MustCompile(`(?i)^(?:(?:photo|image|picture|foto|credit|source|bild|fonte|quelle)s?\s*(?:credit)?\s*:` +
		`|\(?(?:image|photo)\s+(?:credit|source|courtesy)\b` +
		`|embed from getty images$` +
		`|(?:©|\(c\))\s*\S+(?:\s+\S+){0,5}$)`)
	// "(AP Photo/Evan Vucci)", "(NASA via AP, File)" closing a caption.
	photoCredit = regexp.MustCompile(`(?i)\([^()]*\b(?:photo|photograph|file|getty|images|via ap|credit|courtesy)\b[^()]*\)\W*$`)
	byline      = regexp.MustCompile(`(?i)^(?:by|von|por|par|di|door)\s+\p{Lu}`)
	dateMarker  = regexp.MustCompile(`(?i)^(?:published|updated|posted|last updated|first published|atualizado|publicado|actualizado|publié|mis à jour|aktualisiert|veröffentlicht|pubblicato|aggiornato)\b`)
	readTime    = regexp.MustCompile(`(?i)\b(?:\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read|reading time|read time|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\b`)
)

// isBoilerplate reports whether a line of text is page furniture. edge is true for lines near
// the start or end of the text, where bylines, datelines and credits sit.
func isBoilerplate(line string, edge bool) bool {
	return boilerplateRule(line, edge) != ""
}

// boilerplateRule names the rule by which a line is furniture, "" when it is not.
func boilerplateRule(line string, edge bool) string {
	line = strings.TrimSpace(line)
	if line == "" {
		return "empty"
	}
	words := splitWords(line)
	n := len(words)
	switch {
	case n == 0:
		return "ornament" // "___", "* * *"
	case n <= 30 && furnitureLine.MatchString(line):
		return "furniture"
	case n <= 70 && (caption.MatchString(line) || strings.HasSuffix(strings.TrimRightFunc(line, isClosing), ")") && photoCredit.MatchString(line)):
		return "caption"
	case n <= maxPitchWords && (footer.MatchString(line) || hasPitchKey(line) && pitch.MatchString(line) ||
		newsletter.MatchString(line) && addressesReader.MatchString(line)):
		return "pitch"
	case n <= 15 && breadcrumb.MatchString(line):
		return "breadcrumb"
	case n <= 8 && isShareRow(words):
		return "share"
	case n <= 8 && readTime.MatchString(line):
		return "reading-time"
	}
	// "— Name (@handle) November 18, 2019" signs an embedded post: it stays with the post.
	if edge && n <= 15 && !strings.Contains(line, "(@") {
		switch {
		case urlOnly.MatchString(line):
			return "address"
		case byline.MatchString(line) && n <= 8 && !strings.HasSuffix(line, "."):
			return "byline"
		case dateMarker.MatchString(line) || isDateline(line, words):
			return "dateline"
		}
	}
	return ""
}

func hasPitchKey(line string) bool {
	lower := strings.ToLower(line)
	for _, k := range pitchKeys {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// isClosing is trailing punctuation after a closing parenthesis: "(AP Photo)." ends with ")".
func isClosing(c rune) bool {
	return c != ')' && (unicode.IsPunct(c) || unicode.IsSpace(c))
}

func isShareRow(words []string) bool {
	known := 0
	for _, w := range words {
		if furniture.ShareWords[strings.ToLower(w)] {
			known++
		}
	}
	return known >= 2 && known*2 >= len(words)+1
}

// isDateline reports whether a short line is a date stamp, perhaps with a name: most of its
// words are dates, times, month or day names. A line ending a sentence is prose ("The vote is
// on March 3."), unless the full stop is that of "p.m.".
func isDateline(line string, words []string) bool {
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(strings.ToLower(line), ".m.") ||
		strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?") {
		return false
	}
	named, numbers, other := 0, 0, 0
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case furniture.DateWords[lw]:
			named++
		case isNumber(lw):
			numbers++
		case furniture.DatelineFillers[lw]:
		default:
			other++
		}
	}
	// Numbers alone make a score line ("Rockledge 14 11 6 15 — 44"), not a date.
	if named == 0 && !clockOrDate.MatchString(line) {
		return false
	}
	return named+numbers >= 2 && named+numbers >= other && other <= 3
}

var clockOrDate = regexp.MustCompile(`\b\d{1,2}[:/.]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b`)

func isNumber(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// splitWords returns the words of s: runs of letters, digits and underscores, as the extraction
// benchmark counts them.
func splitWords(s string) []string {
	var words []string
	start := -1
	for i, c := range s {
		word := c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsNumber(c)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			words = append(words, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}
