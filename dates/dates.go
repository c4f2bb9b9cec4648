// Package dates finds temporal expressions in news text ("on Monday", "Tuesday", "last week",
// "20 Aug 2025", "August 18") and resolves them against the publication date, so that events and
// statements can be placed on a timeline. Where the text gives no anchor, the date stays unknown
// and the words are still reported.
package dates

import (
	"strconv"
	"strings"
	"time"
)

// Granularity says how precisely an expression pins its date.
type Granularity int

const (
	Day   Granularity = iota // "on Monday", "20 August 2025"
	Week                     // "last week"
	Month                    // "earlier this month", "in March"
	Vague                    // "recently": no date at all
)

// Expr is one temporal expression found in a text.
type Expr struct {
	Start, End  int    // byte offsets in the text that was searched
	Text        string // the words, e.g. "on Monday"
	Date        string // YYYY-MM-DD, or "" when it cannot be resolved to a day
	Granularity Granularity
	Future      bool // the expression points forward ("next Friday", "tomorrow")
	// Relative is set for "N days after" (N) and "N days before" (-N): the clause it opens
	// happened that many days before (after) what the rest of the sentence tells of, so
	// "the talks came three days after the leaders met" dates the meeting three days before
	// the talks. Weeks count as seven days.
	Relative int
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// token is one word of the searched text, lower-cased, with its byte offsets.
type token struct {
	start, end int
	word       string // lower case, without a trailing full stop
	dot        bool   // the word was followed by "." ("Aug.")
	comma      bool   // the word was followed by ","
}

// tokenize splits text into words of letters and digits (hyphens kept inside, for ISO dates).
func tokenize(text string) []token {
	var toks []token
	for i := 0; i < len(text); {
		c := text[i]
		if !isWordByte(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) || (text[j] == '-' && j+1 < len(text) && isDigit(text[j+1]) && isDigit(text[j-1]))) {
			j++
		}
		t := token{start: i, end: j, word: strings.ToLower(text[i:j])}
		if j < len(text) {
			t.dot = text[j] == '.'
			t.comma = text[j] == ','
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// dayNumber reads "18", "18th", "3rd" as a day of the month.
func dayNumber(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1 && n <= 31
}

func year(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1000
}

func isISO(w string) bool {
	return len(w) == 10 && w[4] == '-' && w[7] == '-' && isDigit(w[0]) && isDigit(w[9])
}

// Find returns the temporal expressions in text, resolved against ref when known is true. It
// reads words rather than running a regular expression: most sentences hold no date, and Go's
// regexp engine would make this the slowest stage of the pipeline.
func Find(text string, ref time.Time, known bool) []Expr {
	if !hint(text) {
		return nil
	}
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	toks := tokenize(text)
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].word
	}
	var out []Expr
	emit := func(from, to int, e Expr) {
		e.Start, e.End = toks[from].start, toks[to].end
		e.Text = text[e.Start:e.End]
		out = append(out, e)
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	for i := 0; i < len(toks); i++ {
		w := toks[i].word
		if isISO(w) {
			if t, err := time.Parse("2006-01-02", w); err == nil {
				emit(i, i, Expr{Date: day(t)})
			}
			continue
		}
		if wd, ok := weekdays[w]; ok {
			from, to := i, i
			rel := ""
			switch p := word(i - 1); p {
			case "last", "this", "next", "on", "earlier", "later", "late":
				from, rel = i-1, p
				if p == "on" && (word(i-2) == "earlier" || word(i-2) == "late") {
					from = i - 2
				}
			}
			switch word(i + 1) {
			case "morning", "afternoon", "evening", "night":
				to = i + 1
			}
			ahead := (rel == "" || rel == "on" || rel == "this") && futureClause(toks, from)
			e := Expr{Future: rel == "next" || ahead}
			if known {
				back := (int(ref.Weekday()) - int(wd) + 7) % 7
				switch {
				case ahead:
					// "will meet Putin on Friday" in a Thursday paper: the coming Friday, and
					// the paper's own weekday is today.
					e.Date = day(ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7))
				case rel == "next":
					fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
					if fwd == 0 {
						fwd = 7
					}
					e.Date = day(ref.AddDate(0, 0, fwd))
				case rel == "last":
					if back == 0 {
						back = 7
					}
					e.Date = day(ref.AddDate(0, 0, -back))
				default:
					// News writes of the week just gone: "Tuesday" in a Wednesday paper is
					// yesterday, and the paper's own weekday is today.
					e.Date = day(ref.AddDate(0, 0, -back))
				}
			}
			emit(from, to, e)
			i = to
			continue
		}
		if mo, ok := months[w]; ok {
			// "may" and "march" are verbs far more often than months: take them only with a day
			// number or a year beside them, or capitalised after "in".
			verbLike := w == "may" || w == "march"
			if d, ok := dayNumber(word(i - 1)); ok && !toks[i-1].dot || (word(i-1) == "of" && validDay(word(i-2))) {
				from := i - 1
				if word(i-1) == "of" {
					from = i - 2
					d, _ = dayNumber(word(i - 2))
				}
				to, y, hasYear := i, 0, false
				if yy, ok := year(word(i + 1)); ok {
					to, y, hasYear = i+1, yy, true
				}
				if e, ok := dayMonth(d, mo, y, hasYear, ref, known); ok {
					emit(from, to, e)
				}
				i = to
				continue
			}
			if d, ok := dayNumber(word(i + 1)); ok {
				to, y, hasYear := i+1, 0, false
				if yy, ok := year(word(i + 2)); ok {
					to, y, hasYear = i+2, yy, true
				}
				if e, ok := dayMonth(d, mo, y, hasYear, ref, known); ok {
					emit(i, to, e)
				}
				i = to
				continue
			}
			switch word(i - 1) {
			case "in", "since", "until", "by", "early", "late", "mid":
				capital := text[toks[i].start] >= 'A' && text[toks[i].start] <= 'Z'
				if verbLike && !capital {
					continue
				}
				to := i
				if _, ok := year(word(i + 1)); ok {
					to = i + 1
				}
				emit(i-1, to, Expr{Granularity: Month})
				i = to
			}
			continue
		}
		switch w {
		case "yesterday", "today", "tonight", "tomorrow":
			e := Expr{Future: w == "tomorrow"}
			if known {
				switch w {
				case "yesterday":
					e.Date = day(ref.AddDate(0, 0, -1))
				case "today", "tonight":
					e.Date = day(ref)
				case "tomorrow":
					e.Date = day(ref.AddDate(0, 0, 1))
				}
			}
			emit(i, i, e)
			continue
		case "week", "weekend", "month", "year":
			from := -1
			p1, p2 := word(i-1), word(i-2)
			switch {
			case p1 == "this" && (p2 == "earlier" || p2 == "later"), p1 == "last" && p2 == "late", p1 == "next" && p2 == "early":
				from = i - 2
			case p1 == "last" || p1 == "this" || p1 == "next":
				from = i - 1
			}
			if from < 0 {
				continue
			}
			g := Vague
			switch w {
			case "week", "weekend":
				g = Week
			case "month":
				g = Month
			}
			emit(from, i, Expr{Granularity: g, Future: p1 == "next" || p2 == "later"})
			continue
		case "ago", "earlier", "later", "before", "after":
			unit := word(i - 1)
			n := number(word(i - 2))
			if n <= 0 || i < 2 {
				continue
			}
			e := Expr{}
			switch strings.TrimSuffix(unit, "s") {
			case "day":
				if w == "ago" && known {
					e.Date = day(ref.AddDate(0, 0, -n))
				}
			case "week":
				e.Granularity = Week
			case "month":
				e.Granularity = Month
			default:
				continue
			}
			if w != "ago" {
				// "three days after the summit" counts from another event, not from today.
				e.Granularity, e.Date = Vague, ""
				days := n
				if strings.HasPrefix(unit, "week") {
					days = 7 * n
				}
				if strings.HasPrefix(unit, "day") || strings.HasPrefix(unit, "week") {
					if w == "after" || w == "later" {
						e.Relative = days
					} else {
						e.Relative = -days
					}
				}
			}
			emit(i-2, i, e)
		}
	}
	return out
}

func validDay(w string) bool {
	_, ok := dayNumber(w)
	return ok
}

// dayMonth builds the expression for a day and month, with the year given or taken from the
// reference date.
func dayMonth(d int, mo time.Month, y int, hasYear bool, ref time.Time, known bool) (Expr, bool) {
	if !hasYear {
		if !known {
			return Expr{}, true // a day and month with no year and no anchor: keep the words
		}
		y = nearestYear(ref, mo, d)
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Expr{}, false // 31 June
	}
	return Expr{Date: t.Format("2006-01-02")}, true
}

// nearestYear picks the year that puts month/day closest to the reference date: an article of
// 3 January that mentions "December 30" means the December just gone.
func nearestYear(ref time.Time, mo time.Month, d int) int {
	best, bestDiff := ref.Year(), time.Duration(1<<62)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		diff := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Sub(ref)
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDiff {
			best, bestDiff = y, diff
		}
	}
	return best
}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func number(s string) int {
	s = strings.ToLower(s)
	if n, ok := numberWords[s]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// Nearest returns the expression in exprs that best dates something said or done at byte offset
// pos: a day-precise expression before one that is not, then the closest one. ok is false when
// exprs is empty.
func Nearest(exprs []Expr, pos int) (Expr, bool) {
	i := nearest(len(exprs), func(i int) (int, int, bool) { return exprs[i].Start, exprs[i].End, exprs[i].Date != "" }, pos)
	if i < 0 {
		return Expr{}, false
	}
	return exprs[i], true
}

// nearest is Nearest over n expressions that at describes: their span and whether they are
// resolved. It returns -1 for none.
func nearest(n int, at func(i int) (start, end int, dated bool), pos int) int {
	best := -1
	bestScore := 1 << 60
	for i := 0; i < n; i++ {
		start, end, dated := at(i)
		dist := 0
		switch {
		case pos < start:
			dist = start - pos
		case pos > end:
			dist = pos - end
		}
		score := dist
		if !dated {
			score += 1 << 20
		}
		if score < bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// hint is a cheap test for whether a text can hold an expression at all: most sentences hold
// none, and tokenising them would be wasted work.
func hint(text string) bool {
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if isDigit(c) {
			return true
		}
		switch c | 0x20 {
		case 'd': // Monday, today, yesterday, days
			if text[i+1]|0x20 == 'a' && text[i+2]|0x20 == 'y' {
				return true
			}
		case 'w': // week
			if text[i+1]|0x20 == 'e' && text[i+2]|0x20 == 'e' {
				return true
			}
		case 'm': // month
			if text[i+1]|0x20 == 'o' && text[i+2]|0x20 == 'n' {
				return true
			}
		case 'y': // year
			if text[i+1]|0x20 == 'e' && text[i+2]|0x20 == 'a' {
				return true
			}
		case 't': // tonight, tomorrow
			if text[i+1]|0x20 == 'o' && (text[i+2]|0x20 == 'n' || text[i+2]|0x20 == 'm') {
				return true
			}
		}
		if c >= 'A' && c <= 'Z' && i+3 <= len(text) {
			if _, ok := months[strings.ToLower(text[i:i+3])]; ok {
				return true
			}
		}
	}
	return false
}

// futureClause reports whether the clause before token i speaks of what is still to come:
// "will meet Putin on Friday", "prepares to meet him in Alaska on Friday", "is due to sign the
// deal on Monday". A weekday there is the coming one, not the one just gone. The look-back stops
// at a comma and at words that open another clause, so that "will say that they met on Friday"
// keeps its past.
func futureClause(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if toks[k].comma {
			return false
		}
		w := toks[k].word
		next := ""
		if k+1 < len(toks) {
			next = toks[k+1].word
		}
		switch w {
		case "will", "ll", "shall", "upcoming", "tomorrow":
			return true
		case "won":
			if next == "t" {
				return true
			}
		case "due", "set", "scheduled", "plans", "plan", "planning", "planned", "prepares", "preparing",
			"expected", "going", "intends", "aims", "poised":
			if next == "to" {
				return true
			}
		case "ahead":
			if next == "of" {
				return true
			}
		case "and", "but", "said", "says", "that", "after", "before", "when", "while", "since", "who",
			"which", "because", "as", "where":
			return false
		}
	}
	return false
}
