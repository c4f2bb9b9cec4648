// Package dates finds temporal expressions in news text ("on Monday", "Tuesday", "last week",
// "20 Aug 2025", "August 18") and resolves them against the publication date, so that events and
// statements can be placed on a timeline. Where the text gives no anchor, the date stays unknown
// and the words are still reported.
package dates

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// token is one word of a sentence, lower-cased, with its byte offsets in the document's text.
type token struct {
	start, end int
	word       string // lower case, without a trailing full stop, with straight apostrophes
	dot        bool   // the word was followed by "." ("Aug.")
	comma      bool   // the word was followed by ","
	rangeEnd   bool   // the number ends a range or a score: the 7 of "30-7"
}

// words makes the finder's words of a sentence from its tokens (as package segment made them),
// appended to out: words and numbers, marks left out, except that a full stop or comma right
// after a word is noted on it. Hyphens split words except between digits, so that "mid-March"
// reads as "mid" and "march" while "2025-04-01" stays one word; so does a full stop between a
// letter and a digit, for tokens that keep it inside a word ("Sept.11" is "sept" and "11";
// segment itself splits it as "Sept." and "11").
func words(text string, stoks []parley.Token, out []token) []token {
	for k := range stoks {
		t := &stoks[k]
		if t.Kind != parley.TokenWord && t.Kind != parley.TokenNumber || t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		end, dot, comma := t.End, false, false
		if end-t.Start > 1 && text[end-1] == '.' {
			end, dot = end-1, true // an abbreviation's own stop: Aug., Sept.
		}
		if t.End < len(text) {
			switch text[t.End] {
			case '.':
				dot = true
			case ',':
				comma = true
			}
		}
		start := t.Start
		for h := start + 1; h < end-1; h++ {
			c := text[h]
			if c == '-' && !(isDigit(text[h-1]) && isDigit(text[h+1])) ||
				c == '.' && isLetter(text[h-1]) && isDigit(text[h+1]) {
				if h > start {
					out = append(out, token{start: start, end: h, word: lowerWord(text[start:h]), dot: c == '.'})
				}
				start = h + 1
			}
		}
		if start < end {
			// Segment splits a range of numbers at its hyphen (1946 - 1954, 30 - 7).
			rangeEnd := t.Kind == parley.TokenNumber && k >= 2 && stoks[k-2].Kind == parley.TokenNumber &&
				stoks[k-1].Start == stoks[k-2].End && stoks[k-1].End == t.Start && text[stoks[k-1].Start] == '-'
			out = append(out, token{start: start, end: end, word: lowerWord(text[start:end]), dot: dot, comma: comma, rangeEnd: rangeEnd})
		}
	}
	return out
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lowerWord lower-cases w and straightens its apostrophes (n’t is n't).
func lowerWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// monthAbbrev reports whether w, in lower case, is a key of months. ASCII is lowered in a
// buffer on the stack, since hint asks this of every capital letter of a text.
func monthAbbrev(w string) bool {
	var buf [3]byte
	if len(w) != len(buf) {
		_, ok := months[strings.ToLower(w)]
		return ok
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			_, ok := months[strings.ToLower(w)]
			return ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	_, ok := months[string(buf[:])]
	return ok
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

// find appends to out the temporal expressions of one sentence, sentence sent of text, read
// from its words (see words), resolved against ref when known is true. It reads words rather
// than running a regular expression: most sentences hold no date, and Go's regexp engine would
// make this the slowest stage of the pipeline.
func find(out []parley.Timex, text string, toks []token, sent int32, ref time.Time, known bool) []parley.Timex {
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].word
	}
	emit := func(from, to int, e parley.Timex) {
		e.Start, e.End = toks[from].start, toks[to].end
		e.Text = text[e.Start:e.End]
		e.Sent = sent
		out = append(out, e)
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	for i := 0; i < len(toks); i++ {
		w := toks[i].word
		if isISO(w) {
			if t, err := time.Parse("2006-01-02", w); err == nil {
				emit(i, i, parley.Timex{Date: day(t)})
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
			e := parley.Timex{Future: rel == "next" || ahead}
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
			if d, ok := dayNumber(word(i - 1)); ok && !toks[i-1].dot && !toks[i-1].rangeEnd || (word(i-1) == "of" && validDay(word(i-2))) {
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
				emit(i-1, to, parley.Timex{Granularity: parley.GranularityMonth})
				i = to
			}
			continue
		}
		switch w {
		case "yesterday", "today", "tonight", "tomorrow":
			e := parley.Timex{Future: w == "tomorrow"}
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
			g := parley.GranularityVague
			switch w {
			case "week", "weekend":
				g = parley.GranularityWeek
			case "month":
				g = parley.GranularityMonth
			}
			emit(from, i, parley.Timex{Granularity: g, Future: p1 == "next" || p2 == "later"})
			continue
		case "ago", "earlier", "later", "before", "after":
			unit := word(i - 1)
			n := number(word(i - 2))
			if n <= 0 || i < 2 {
				continue
			}
			e := parley.Timex{}
			switch strings.TrimSuffix(unit, "s") {
			case "day":
				if w == "ago" && known {
					e.Date = day(ref.AddDate(0, 0, -n))
				}
			case "week":
				e.Granularity = parley.GranularityWeek
			case "month":
				e.Granularity = parley.GranularityMonth
			default:
				continue
			}
			if w != "ago" {
				// "three days after the summit" counts from another event, not from today.
				e.Granularity, e.Date = parley.GranularityVague, ""
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
func dayMonth(d int, mo time.Month, y int, hasYear bool, ref time.Time, known bool) (parley.Timex, bool) {
	if !hasYear {
		if !known {
			return parley.Timex{}, true // a day and month with no year and no anchor: keep the words
		}
		y = nearestYear(ref, mo, d)
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return parley.Timex{}, false // 31 June
	}
	return parley.Timex{Date: t.Format("2006-01-02")}, true
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

// nearest chooses among n expressions that at describes: their span and whether they are
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
// none, and reading their words would be wasted work.
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
		if c >= 'A' && c <= 'Z' && i+3 <= len(text) && monthAbbrev(text[i:i+3]) {
			return true
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
		case "will", "'ll", "shall", "upcoming", "tomorrow":
			return true
		case "wo":
			if next == "n't" || next == "nt" {
				return true // won't, wont
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
