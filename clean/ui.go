package clean

import (
	"embed"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/furniture"
	"github.com/parleynews/parley/internal/lexfile"
	"github.com/parleynews/parley/segment"
)

// The words of web-page furniture, what a browser paste carries besides the article, are
// internal/furniture's, shared with package extract; the cleaner's own word classes are
// data/words.txt, in the format of internal/lexfile. Furniture phrases are matched against the
// normalised line (lower case, decoration trimmed), never against a line that reads as quoted
// prose.
//
//go:embed data/words.txt
var dataFS embed.FS

var vocab = lexfile.MustRead(dataFS, "data/words.txt")

// uiWord reports whether w is a word of share bars and menus ("Facebook Twitter WhatsApp
// Email", "Search Home").
func uiWord(w string) bool { return furniture.ShareWords[w] || furniture.MenuWords[w] }

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
	if furniture.NavExact[n] {
		return parley.ReasonNavigation
	}
	if furniture.BoilerExact[n] {
		return parley.ReasonBoilerplate
	}
	if l.words > 20 {
		return ""
	}
	for _, p := range furniture.NavLeads {
		if hasLead(n, p) {
			return parley.ReasonNavigation
		}
	}
	for _, p := range furniture.BoilerLeads {
		if hasLead(n, p) && !(l.sentence && furniture.ProseLeads[p]) {
			return parley.ReasonBoilerplate
		}
	}
	if l.words > 15 {
		return ""
	}
	for _, p := range furniture.BoilerInside {
		if strings.Contains(n, p) {
			return parley.ReasonBoilerplate
		}
	}
	// "Follow Jane Doe on Twitter @janedoe": a call to follow, with the network or handle.
	if (hasLead(n, "follow") || hasLead(n, "like") || hasLead(n, "share")) &&
		(handleRe.MatchString(l.text) || containsAny(n, furniture.SocialWords)) {
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
		if !uiWord(w) {
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
			d, ok := bylineDate(p)
			if !ok {
				return "", "", false, false
			}
			if date == "" {
				date = d
			}
			strong, labelled = true, true
		}
	}
	if !strong {
		return "", "", false, false
	}
	return date, keyword, labelled, true
}

// bylineDate reads a byline that ends in its date after a comma ("By Jane Smith, August 19,
// 2025"), returning the date.
func bylineDate(p string) (string, bool) {
	for k := strings.IndexByte(p, ','); k > 0; {
		head, tail := strings.TrimSpace(p[:k]), strings.TrimSpace(p[k+1:])
		if bylineRe.MatchString(head) && dateLineRe.MatchString(tail) {
			return ParseDate(tail)
		}
		next := strings.IndexByte(p[k+1:], ',')
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return "", false
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
		for _, w := range furniture.CreditEnds {
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
	for _, p := range furniture.BylineLabels {
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
