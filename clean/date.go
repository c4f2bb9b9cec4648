package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The date grammar is written once as regular-expression fragments so that the finder (any date
// inside a string) and the date-line test (a line that is nothing but a date) agree on what a
// date is. Everything is case-insensitive; month abbreviations may carry a full stop.
const (
	monthPat = `(?:january|february|march|april|may|june|july|august|september|october|november|december|` +
		`jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`
	weekdayPat = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|` +
		`mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?`
	ordinalPat = `(?:st|nd|rd|th)?`
	isoPat     = `\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`
	dmyPat     = `\d{1,2}` + ordinalPat + `\s+(?:of\s+)?` + monthPat + `\.?,?\s+\d{4}`
	mdyPat     = monthPat + `\.?\s+\d{1,2}` + ordinalPat + `,?\s+\d{4}`
	numPat     = `\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})`
	datePat    = `(?:` + isoPat + `|` + dmyPat + `|` + mdyPat + `|` + numPat + `)`
	timePat    = `(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|noon|midnight)`
	tzPat      = `(?:\(?(?:utc|gmt|et|edt|est|ct|cdt|cst|mt|mdt|mst|pt|pdt|pst|bst|cet|cest|eet|eest|ist|msk|jst|kst|aest|aedt|hkt|sgt|wib|pkt)` +
		`(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2})`
	relPat = `(?:(?:\d+|an?|one|two|three|few)\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|just\s+now|yesterday|today)`
	// dateKeyPat is the label a date line may open with.
	dateKeyPat = `(?:first\s+published|last\s+updated|last\s+modified|published|updated|posted|modified|created|dated|date)`
	sepPat     = `\s*(?:,|at|@|-|–|—|\||·|•)?\s*`
)

var (
	// dateFindRe finds a full calendar date anywhere in a string. Group names tell the layout.
	dateFindRe = regexp.MustCompile(`(?i)\b(?:` +
		`(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?:t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?` +
		`|(?P<dd>\d{1,2})` + ordinalPat + `\s+(?:of\s+)?(?P<dm>` + monthPat + `)\.?,?\s+(?P<dy>\d{4})` +
		`|(?P<mm>` + monthPat + `)\.?\s+(?P<md>\d{1,2})` + ordinalPat + `,?\s+(?P<my>\d{4})` +
		`|(?P<n1>\d{1,2})(?P<ns>[/.-])(?P<n2>\d{1,2})[/.-](?P<ny>\d{4})` +
		`)\b`)
	// monthYearRe finds "August 2025" (a month with no day), used only as weak evidence of when
	// the text's events happened.
	monthYearRe = regexp.MustCompile(`(?i)\b(` + monthPat + `)\.?,?\s+(\d{4})\b`)

	// dateLineRe is a line that holds a date and perhaps a time and a zone, after an optional
	// label ("Published :", "Updated on") and weekday, and nothing else.
	dateLineRe = regexp.MustCompile(`(?i)^(?:(` + dateKeyPat + `)\s*(?:on|at)?\s*[:\-–—]?\s*)?(?:` + weekdayPat + `\s*)?` +
		`(?:` + datePat + `(?:` + sepPat + timePat + `(?:\s*` + tzPat + `)?)?` +
		`|` + timePat + `(?:\s*` + tzPat + `)?` + sepPat + `(?:` + weekdayPat + `\s*)?` + datePat + `)\s*\.?$`)
	// stampLineRe is a labelled time with no date ("Updated 3 hours ago", "Posted 5:01 PM ET").
	stampLineRe = regexp.MustCompile(`(?i)^` + dateKeyPat + `\s*(?:on|at)?\s*[:\-–—]?\s*(?:` + relPat + `|` + timePat + `(?:\s*` + tzPat + `)?)\s*\.?$`)
	// relLineRe and timeLineRe are pieces of a composite byline ("By A | 3 hours ago").
	relLineRe  = regexp.MustCompile(`(?i)^` + relPat + `\.?$`)
	timeLineRe = regexp.MustCompile(`(?i)^` + timePat + `(?:\s*` + tzPat + `)?\.?$`)
)

var monthNumbers = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthNumber maps a month name or abbreviation to 1..12, 0 if it is none.
func monthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if len(name) < 3 {
		return 0
	}
	return monthNumbers[name[:3]]
}

// DateHit is a calendar date found in a string: where, and as YYYY-MM-DD.
type DateHit struct {
	Start, End int // byte offsets of the words the date was read from
	Date       string
}

// FindDates returns every full calendar date (with a day, month and year) in s, in order. It
// reads ISO dates (2025-08-20, also with a time), day-month-year ("20 Aug 2025", "20th of
// August, 2025"), month-day-year ("August 20, 2025", "Aug. 20 2025") and numeric dates
// ("20/08/2025" when the first number cannot be a month, else month first, as in American
// usage; dotted "20.08.2025" day first). Impossible dates are skipped.
func FindDates(s string) []DateHit {
	if !hasYear(s) {
		return nil // the regular expression is costly, and every date it reads has a year
	}
	var out []DateHit
	names := dateFindRe.SubexpNames()
	for _, m := range dateFindRe.FindAllStringSubmatchIndex(s, -1) {
		g := func(name string) string {
			for i, n := range names {
				if n == name && m[2*i] >= 0 {
					return s[m[2*i]:m[2*i+1]]
				}
			}
			return ""
		}
		var y, mo, d int
		switch {
		case g("iy") != "":
			y, mo, d = atoi(g("iy")), atoi(g("im")), atoi(g("id"))
		case g("dy") != "":
			y, mo, d = atoi(g("dy")), monthNumber(g("dm")), atoi(g("dd"))
		case g("my") != "":
			y, mo, d = atoi(g("my")), monthNumber(g("mm")), atoi(g("md"))
		default:
			a, b := atoi(g("n1")), atoi(g("n2"))
			y = atoi(g("ny"))
			switch {
			case g("ns") == "." || a > 12:
				d, mo = a, b
			default:
				mo, d = a, b
			}
		}
		if date, ok := makeDate(y, mo, d); ok {
			out = append(out, DateHit{Start: m[0], End: m[1], Date: date})
		}
	}
	return out
}

// ParseDate returns the first full calendar date in s as YYYY-MM-DD; ok is false when s holds
// none. See FindDates for the forms it reads.
func ParseDate(s string) (date string, ok bool) {
	hits := FindDates(s)
	if len(hits) == 0 {
		return "", false
	}
	return hits[0].Date, true
}

// makeDate validates a calendar date; years outside 1900..2199 are taken as misreadings.
func makeDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April rolls over to 1 May: not a date
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// dayOf turns YYYY-MM-DD (or a longer RFC 3339 stamp) into a day count, for comparisons.
func dayOf(date string) (int, bool) {
	if len(date) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", date[:10])
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

// hasYear reports whether s holds a run of four digits.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
