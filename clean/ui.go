package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// The lexicon of web-page furniture: what a browser paste carries besides the article. Phrases
// are matched against the normalised line (lower case, decoration trimmed), never against a
// line that reads as quoted prose.
var (
	// navExact and boilerExact are lines that are nothing but the phrase.
	navExact = wordSet(`skip to content|skip to main content|skip to navigation|skip navigation|jump to content|
		menu|main menu|open menu|close menu|home|homepage|search|latest|latest news|latest stories|latest articles|
		latest updates|read also|also read|read more|see also|related|related articles|related stories|related news|
		related content|related posts|related topics|related coverage|more stories|more news|more from|most read|
		most popular|most viewed|most shared|trending|trending now|top stories|recommended|recommended for you|
		you may also like|you might also like|don't miss|editor's picks|editors' picks|back to top|next article|
		previous article|next story|previous story|next|previous|tags|topics|sections|categories|show more|
		load more|view all|see all|explore more|more|breaking|breaking news|live|live updates|watch live|in pictures`)
	boilerExact = wordSet(`share|share this|share this article|share this story|share article|share on facebook|
		share on twitter|share on x|share via email|tweet|email|print|copy link|link copied|comments|comment|
		leave a comment|leave a reply|post a comment|add a comment|no comments|no comments yet|show comments|
		view comments|subscribe|subscribe now|sign up|sign in|log in|login|register|newsletter|advertisement|
		advertisements|advertising|sponsored|sponsored content|promoted|paid content|ad|accept|accept all|
		accept cookies|reject all|manage cookies|cookie settings|cookie policy|privacy policy|terms of use|
		terms of service|terms and conditions|all rights reserved|listen|listen to this article|watch|play video|
		video|audio|gallery|photos|loading|close|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|
		instagram|youtube|continue reading|read full article|read the full article|download the app|get the app|
		report an error|feedback|font size|save|save article|bookmark|getty|getty images`)

	// Lines opening with these phrases are furniture whatever follows ("Read also: <a headline>").
	navLeads = []string{"skip to", "read also", "also read", "read more", "see also", "related:",
		"related articles", "related stories", "related coverage", "related news", "related content",
		"more on this", "more from", "most read", "most popular", "recommended for you",
		"you may also like", "you might also like", "don't miss", "tags:", "topics:", "filed under",
		"watch:", "listen:", "more:", "latest:", "trending:", "breadcrumb"}
	boilerLeads = []string{"leave a comment", "leave a reply", "post a comment", "add a comment",
		"no comments", "comments are closed", "be the first to comment", "view comments",
		"show comments", "join the conversation", "subscribe to", "subscribe for", "subscribe now",
		"sign up for", "sign up to", "sign up now", "click here", "follow us", "like us on",
		"like the page", "share this", "share on", "share via", "advertisement", "sponsored by",
		"we use cookies", "this site uses cookies", "this website uses cookies", "by continuing to use",
		"cookie", "all rights reserved", "copyright", "©", "(c) ", "terms of use", "privacy policy",
		"download the app", "get the app", "sign in to", "log in to", "register to", "reporting by",
		"additional reporting by", "editing by", "writing by", "contact us", "email us", "have a tip",
		"got a tip", "get our newsletter", "our newsletter", "newsletter:", "support our journalism",
		"support independent journalism", "this article was originally published",
		"this article first appeared", "this story was originally published"}
	// proseLeads are leads that can also open a sentence of news ("Copyright claims against…"):
	// they count only on a line that does not read as prose.
	proseLeads = wordSet(`copyright|cookie|advertisement|click here|contact us|register to|share this|
		share on|follow us|like us on|download the app|get the app|sign in to|log in to|email us`)
	// Phrases that give a short line away wherever they stand in it.
	boilerInside = []string{"like the page", "like us on facebook", "follow us on", "sign up for our",
		"subscribe to our", "comment box", "comments available", "all rights reserved",
		"this post has no comments", "cookies to improve", "turn off your ad blocker", "disable your ad blocker"}
	// uiWords make up share bars and menus ("Facebook Twitter WhatsApp Email").
	uiWords = wordSet(`share|facebook|twitter|x|whatsapp|email|e-mail|print|linkedin|copy|link|reddit|telegram|
		comments|comment|tweet|pinterest|messenger|save|follow|subscribe|instagram|youtube|tiktok|flipboard|
		threads|bluesky|mastodon|sms|more|close|menu|search|home`)
	socialWords = []string{"twitter", "facebook", "instagram", "tiktok", "youtube", "linkedin", "telegram",
		"threads", "bluesky", "on x", "whatsapp"}
)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(list, "|") {
		if w = strings.Join(strings.Fields(w), " "); w != "" {
			m[w] = true
		}
	}
	return m
}

// hasLead reports whether norm opens with phrase as whole words.
func hasLead(norm, phrase string) bool {
	if !strings.HasPrefix(norm, phrase) {
		return false
	}
	if len(norm) == len(phrase) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(phrase)
	next, _ := utf8.DecodeRuneInString(norm[len(phrase):])
	return !isWordRune(last) || !isWordRune(next)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' }

var handleRe = regexp.MustCompile(`(?:^|\s)@\w{2,}`)

// uiReason tells whether a line is page furniture and which kind: ReasonNavigation,
// ReasonBoilerplate or "".
func uiReason(l *line) string {
	n := l.norm
	if n == "" {
		return ""
	}
	if navExact[n] {
		return parley.ReasonNavigation
	}
	if boilerExact[n] {
		return parley.ReasonBoilerplate
	}
	if l.words > 20 {
		return ""
	}
	for _, p := range navLeads {
		if hasLead(n, p) {
			return parley.ReasonNavigation
		}
	}
	for _, p := range boilerLeads {
		if hasLead(n, p) && !(l.sentence && proseLeads[p]) {
			return parley.ReasonBoilerplate
		}
	}
	if l.words > 15 {
		return ""
	}
	for _, p := range boilerInside {
		if strings.Contains(n, p) {
			return parley.ReasonBoilerplate
		}
	}
	// "Follow Jane Doe on Twitter @janedoe": a call to follow, with the network or handle.
	if (hasLead(n, "follow") || hasLead(n, "like") || hasLead(n, "share")) &&
		(handleRe.MatchString(l.text) || containsAny(n, socialWords)) {
		return parley.ReasonBoilerplate
	}
	if l.words <= 8 && allUIWords(n) {
		return parley.ReasonBoilerplate
	}
	if breadcrumb(l) {
		return parley.ReasonNavigation
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if i := strings.Index(s, p); i >= 0 {
			end := i + len(p)
			if (i == 0 || !isWordRune(rune(s[i-1]))) && (end == len(s) || !isWordRune(rune(s[end]))) {
				return true
			}
		}
	}
	return false
}

func allUIWords(n string) bool {
	words := strings.FieldsFunc(n, func(r rune) bool { return segment.IsSpace(r) || strings.ContainsRune("|•·/,", r) })
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !uiWords[w] {
			return false
		}
	}
	return true
}

// breadcrumb spots a menu or trail: three or more short items between separators
// ("Home > World > Europe", "News | Sport | Weather").
func breadcrumb(l *line) bool {
	if l.terminal || l.words > 15 {
		return false
	}
	parts := strings.FieldsFunc(l.text, func(r rune) bool { return strings.ContainsRune("›»>|•·/", r) })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// Bylines and the pieces of a dateline.
var (
	nameWordPat = `(?:\p{Lu}[\p{L}'’.\-]*|de|van|von|der|den|da|di|du|la|le|bin|al|el|ibn|dos|del)`
	namePat     = `\p{Lu}[\p{L}'’.\-]*(?:\s+` + nameWordPat + `){0,4}`
	bylineRe    = regexp.MustCompile(`^(?:(?i:by|written by|words by|reported by|story by|text by)|(?i:authors?|reporter|writer)\s*:)\s+` +
		namePat + `(?:\s*(?:,|and|&)\s*` + namePat + `)*` +
		`(?:\s*(?:,|/|-|–|—|\|)\s*\p{Lu}[\p{L}&'’.\- ]{0,40})?\.?$`)
	readTimeRe = regexp.MustCompile(`(?i)^\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?(?:\s+read)?$`)
	partSplit  = regexp.MustCompile(`\s*[|•·]\s*|\s+[-–—]\s+`)
)

// dateLine reads a byline or dateline: a line made only of a date (with time and zone), a
// labelled time stamp ("Updated 3 hours ago"), an author ("By Jane Doe"), a reading time, or
// several of these between separators. date is the calendar date it gives, if any; keyword
// is the label before it in lower case ("published", "updated", "" when bare); labelled
// reports whether the line carries a label or a byline, which makes it safe to drop anywhere
// in the text rather than only at the top or bottom.
func dateLine(l *line) (date, keyword string, labelled, ok bool) {
	if l.words == 0 || l.words > 25 || len(l.text) > 200 {
		return "", "", false, false
	}
	// Every dateline has a digit or opens with a label; checking first spares the costly
	// expressions on most lines.
	if !strings.ContainsAny(l.text, "0123456789") && !dateLabelStart(l.norm) || !datelineStart(l) {
		return "", "", false, false
	}
	parts := partSplit.Split(l.text, -1)
	var strong bool
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		switch {
		case bylineRe.MatchString(p):
			strong, labelled = true, true
		case dateLineRe.MatchString(p):
			m := dateLineRe.FindStringSubmatch(p)
			if d, found := ParseDate(p); found && date == "" {
				date, keyword = d, strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
			}
			if m[1] != "" {
				labelled = true
			}
			strong = true
		case stampLineRe.MatchString(p):
			strong, labelled = true, true
		case readTimeRe.MatchString(p):
			strong, labelled = true, true
		case relLineRe.MatchString(p), timeLineRe.MatchString(p):
			// A bare time or "2 hours ago" counts only beside a date or a byline.
		case len(parts) > 1 && allCapitalised(p) && len(strings.Fields(p)) <= 4:
			// An outlet or place beside a byline: "By Jane Doe | Reuters".
		default:
			return "", "", false, false
		}
	}
	if !strong {
		return "", "", false, false
	}
	return date, keyword, labelled, true
}

func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// Image credits and embed captions.
var (
	creditRe = regexp.MustCompile(`(?i)^\(?\s*(?:embed from\s.*|` +
		`(?:file\s+)?(?:photo|photos|photograph|photographs|image|images|picture|pictures|video|illustration|graphic)` +
		`(?:\s+(?:credit|credits|courtesy|source))?\s*(?::|/|©|\bby\b|\bcourtesy\b).*|` +
		`(?:credit|credits|image source|photo source)\s*:.*|` +
		`(?:getty(?:\s+images)?|afp|reuters|associated press|ap|epa|shutterstock|alamy)|` +
		`(?:ap|afp|epa|reuters)\s+photo\b.*|` +
		`.*\bvia\s+getty\s+images|` +
		`.*/\s*(?:getty images|getty|afp|reuters|ap|epa|shutterstock|alamy|bloomberg|pool)|` +
		`©.*)\s*\)?\.?$`)
	// creditEnds are the words a credit ends with, where the glued text begins.
	creditEnds = []string{"images", "image", "photos", "photo", "press", "reuters", "afp", "ap", "epa",
		"shutterstock", "alamy", "bloomberg", "pool", "handout", "file", "getty", "xinhua", "tass",
		"anadolu", "sipa", "agency", "service", "news", "stock", "wire", "photography", "media"}
)

// creditLine reports whether the whole line is an image credit or embed caption.
func creditLine(l *line) bool {
	return l.words <= 12 && !l.prose && creditRe.MatchString(l.text)
}

// gluedCredit finds an image credit glued to the heading after it ("Embed from Getty
// ImagesA Divided West") and returns the byte length of the credit part, 0 if there is none.
// The glue point is a capital or an opening quote directly after a word that ends credits
// ("Images", "Reuters"), with no space, where the text before it is a credit on its own.
func gluedCredit(l *line) int {
	limit := min(len(l.text)-1, 120)
	tokStart := 0
	for i := 1; i < limit; i++ {
		c := l.text[i]
		if c == ' ' || c == '/' {
			tokStart = i + 1
			continue
		}
		opensQuote := c == '"' || strings.HasPrefix(l.text[i:], "“") || strings.HasPrefix(l.text[i:], "‘")
		if (c < 'A' || c > 'Z') && !opensQuote || i == tokStart {
			continue
		}
		tok := strings.ToLower(l.text[tokStart:i])
		for _, w := range creditEnds {
			if tok == w || strings.HasSuffix(tok, w) && w == "images" {
				if prefix := l.text[:i]; len(strings.Fields(prefix)) <= 12 && !hasQuoteMarks(prefix) && creditRe.MatchString(prefix) {
					return i
				}
			}
		}
	}
	return 0
}

// dateLabelStart reports whether a normalised line opens like a byline or a time stamp.
func dateLabelStart(n string) bool {
	for _, p := range []string{"by", "written by", "words by", "reported by", "story by", "text by",
		"author", "reporter", "writer", "published", "updated", "posted", "first published",
		"last updated", "modified", "last modified", "created", "dated", "date"} {
		if hasLead(n, p) {
			return true
		}
	}
	return false
}

// datelineStart reports whether the first word of a line can open a dateline: a digit, a label,
// a weekday or month name, a relative time, or a name before a separator ("Reuters | ...").
func datelineStart(l *line) bool {
	n := l.norm
	if n == "" {
		return false
	}
	if n[0] >= '0' && n[0] <= '9' || dateLabelStart(n) {
		return true
	}
	first, _, _ := strings.Cut(n, " ")
	first = strings.Trim(first, ".,")
	if len(first) >= 3 && (monthNumber(first) > 0 && strings.HasPrefix(monthFull[monthNumber(first)-1], first) ||
		weekdayRe.MatchString(first)) {
		return true
	}
	switch first {
	case "a", "an", "one", "two", "three", "few", "just", "yesterday", "today", "noon", "midnight":
		return true
	}
	return strings.ContainsAny(l.text, "|•·") || strings.Contains(l.text, " - ") ||
		strings.Contains(l.text, " – ") || strings.Contains(l.text, " — ")
}

var (
	monthFull = []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"}
	weekdayRe = regexp.MustCompile(`^` + weekdayPat + `$`)
)
