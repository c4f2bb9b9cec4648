package actors

import (
	"fmt"
	"strings"
	"time"

	"github.com/parleynews/parley"
)

// interval is a half-open range of days; a zero bound is open.
type interval struct{ from, to time.Time }

func (iv interval) contains(t time.Time) bool {
	return (iv.from.IsZero() || !t.Before(iv.from)) && (iv.to.IsZero() || t.Before(iv.to))
}

// evidence is what a title says about the date: "President Donald Trump" holds only in
// Trump's terms, "Former US President Donald Trump" only between them. Mentions that say the
// same thing (same person, office and form) are one evidence with a weight, so that a text
// repeating "President Trump" a thousand times costs no more than one that says it once.
type evidence struct {
	ments []int // the mentions, in the order met
	actor int
	t     *title // the first mention's title
	roles []Role // the actor's roles with the office the title names
	ivs   []interval
}

func (ev *evidence) consistent(t time.Time) bool {
	for _, iv := range ev.ivs {
		if iv.contains(t) {
			return true
		}
	}
	return false
}

// collectEvidence reads every title given to a dictionary person with dated roles.
func (st *docState) collectEvidence() []evidence {
	var out []evidence
	type key struct {
		actor          int
		office, place  string
		former, deputy bool
	}
	seen := map[key]int{}
	for mi := range st.ments {
		m := &st.ments[mi]
		// Descriptions ("the former president") were resolved with the date; they are no
		// evidence of it.
		if m.dead || m.kind == mDesc || m.title == nil || m.title.then || m.title.office == nil {
			continue
		}
		a := st.actors[m.actor]
		if a.entry == nil {
			continue
		}
		k := key{m.actor, m.title.officeKey(), m.title.place(), m.title.former, m.title.deputy}
		if i, ok := seen[k]; ok {
			if i >= 0 {
				out[i].ments = append(out[i].ments, mi)
			}
			continue
		}
		ev := evidence{ments: []int{mi}, actor: m.actor, t: m.title}
		for _, r := range a.entry.Roles {
			if roleMatches(r, m.title) {
				ev.roles = append(ev.roles, r)
			}
		}
		if len(ev.roles) == 0 {
			continue
		}
		if m.title.former {
			for _, r := range ev.roles {
				if r.To.IsZero() {
					continue
				}
				iv := interval{from: r.To}
				for _, o := range ev.roles {
					if !o.From.IsZero() && !o.From.Before(r.To) && (iv.to.IsZero() || o.From.Before(iv.to)) {
						iv.to = o.From
					}
				}
				ev.ivs = append(ev.ivs, iv)
			}
		} else {
			for _, r := range ev.roles {
				ev.ivs = append(ev.ivs, interval{r.From, r.To})
			}
		}
		if len(ev.ivs) > 0 {
			seen[k] = len(out)
			out = append(out, ev)
		} else {
			seen[k] = -1
		}
	}
	return out
}

// referenceDate fixes the day on which roles are read: the publication date when known.
// Otherwise it is estimated: the day on which the most titles of the document hold true
// ("President Donald Trump" and "Vice President JD Vance" put an undated text in 2025), with
// half a vote for the first day of each year the text mentions, so that "President Obama"
// in a text that talks of 2016 is read in 2016 rather than in 2009. Ties go to the later day.
func (st *docState) referenceDate(doc *parley.Document, evs []evidence) {
	if t, ok := doc.PublishedTime(); ok {
		st.ref = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		st.refOK, st.rolesOK, st.refFrom = true, true, "published"
		return
	}
	years := st.yearsMentioned()
	if len(evs) == 0 {
		// No titles to go by: the year the text talks about most (the latest of equals) is
		// the best guess there is.
		best, n := 0, 0
		for y, c := range years {
			if c > n || c == n && y > best {
				best, n = y, c
			}
		}
		if n > 0 {
			st.ref = time.Date(best, 1, 1, 0, 0, 0, 0, time.UTC)
			st.refOK, st.rolesOK, st.refFrom = true, true, "estimated"
		}
		return
	}
	var points []time.Time
	for _, ev := range evs {
		for _, iv := range ev.ivs {
			if !iv.from.IsZero() {
				points = append(points, iv.from)
			}
		}
	}
	for y := range years {
		points = append(points, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	votes := func(p time.Time) int {
		n := 0
		for i := range evs {
			if evs[i].consistent(p) {
				n += len(evs[i].ments)
			}
		}
		return n
	}
	best, bestN, bestScore := time.Time{}, 0, -1.0
	for _, p := range points {
		n := votes(p)
		score := float64(n)
		if years[p.Year()] > 0 {
			score += 0.5
		}
		if score > bestScore || score == bestScore && p.After(best) {
			best, bestN, bestScore = p, n, score
		}
	}
	if bestN == 0 {
		return
	}
	st.ref, st.refOK, st.refFrom = best, true, "estimated"
	// Titles that hold "since 2007" say little about how late the text is: unless a title
	// that ends or a year the text names bounds the estimate, roles are read as the
	// dictionary's latest (the stale-title check still uses the estimate).
	if years[best.Year()] > 0 {
		st.rolesOK = true
		return
	}
	for _, iv := range intervalsAt(evs, best) {
		if !iv.to.IsZero() {
			st.rolesOK = true
			return
		}
	}
}

// intervalsAt returns the intervals of the evidence that contain t.
func intervalsAt(evs []evidence, t time.Time) []interval {
	var out []interval
	for _, ev := range evs {
		for _, iv := range ev.ivs {
			if iv.contains(t) {
				out = append(out, iv)
			}
		}
	}
	return out
}

// yearsMentioned counts the plausible years (1990-2039) the text names.
func (st *docState) yearsMentioned() map[int]int {
	out := map[int]int{}
	for i := range st.toks {
		t := &st.toks[i]
		if t.kind != tokWord || len(t.text) != 4 || (t.text[:2] != "19" && t.text[:2] != "20") {
			continue
		}
		y := 0
		for k := 0; k < 4; k++ {
			c := t.text[k]
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y >= 1990 && y < 2040 {
			out[y]++
		}
	}
	return out
}

// staleTitles flags titles that contradict the actor's role on the reference date: "former"
// for someone in office, "President-elect" after the inauguration, or a title the rest of
// the document contradicts.
func (st *docState) staleTitles(evs []evidence) {
	if st.refOK {
		for i := range evs {
			ev := &evs[i]
			if ev.consistent(st.ref) {
				continue
			}
			if detail := st.staleDetail(ev, evs); detail != "" {
				for _, mi := range ev.ments {
					st.flag(st.ments[mi].title, strings.Replace(detail, ev.t.text, st.ments[mi].title.text, 1))
				}
			}
		}
	}
	st.contradictoryTitles()
}

func (st *docState) staleDetail(ev *evidence, evs []evidence) string {
	a := st.actors[ev.actor]
	day := st.ref.Format("2006-01-02")
	held, heldOK := Role{}, false
	for _, r := range ev.roles {
		if r.HeldOn(st.ref) {
			held, heldOK = r, true
			break
		}
	}
	if st.refFrom == "estimated" {
		// Without a date, only a "former" that the document's own titles for the same office
		// contradict counts: a bare title for an office left long ago is usually history
		// ("when President Clinton signed the bill").
		if !ev.t.former {
			return ""
		}
		var other *evidence
		for i := range evs {
			o := &evs[i]
			if o.actor == ev.actor && o != ev && !o.t.former && o.t.officeKey() == ev.t.officeKey() &&
				o.consistent(st.ref) {
				other = o
				break
			}
		}
		if other == nil {
			return ""
		}
		what := "does not hold the office"
		if heldOK {
			what = fmt.Sprintf("is %s (since %s)", held.Title, dayOf(held.From))
		}
		return fmt.Sprintf("%q for %s contradicts %q elsewhere in the document: the document's titles "+
			"agree on %s or later, when %s %s", ev.t.text, a.name, other.t.text, day, pronounFor(a), what)
	}
	switch {
	case ev.t.former && heldOK:
		return fmt.Sprintf("%q calls %s a former holder of an office %s holds on the document's date "+
			"(%s): %s since %s", ev.t.text, a.name, pronounFor(a), day, held.Title, dayOf(held.From))
	case ev.t.office.key == "president-elect":
		for _, r := range ev.roles {
			if !r.To.IsZero() && !st.ref.Before(r.To) && st.ref.Sub(r.To) < 5*365*24*time.Hour {
				return fmt.Sprintf("%q for %s: the term began on %s, before the document's date (%s)",
					ev.t.text, a.name, dayOf(r.To), day)
			}
		}
	case !ev.t.former:
		// A bare title for an office left recently; older ones are history, not staleness.
		var last Role
		for _, r := range ev.roles {
			if !r.To.IsZero() && !r.To.After(st.ref) && r.To.After(last.To) {
				last = r
			}
		}
		if !last.To.IsZero() && st.ref.Sub(last.To) < 8*365*24*time.Hour {
			return fmt.Sprintf("%q for %s: %s term as %s ended on %s, before the document's date (%s)",
				ev.t.text, a.name, possessiveFor(a), last.Title, dayOf(last.To), day)
		}
	}
	return ""
}

// contradictoryTitles flags, for people the dictionary has no dates for, a "former" title
// when the same document gives them the same office as current.
func (st *docState) contradictoryTitles() {
	type key struct {
		actor  int
		office string
	}
	current := map[key]*title{}
	var formers []*mention
	for mi := range st.ments {
		m := &st.ments[mi]
		if m.dead || m.kind == mDesc || m.title == nil || m.title.office == nil || m.title.then {
			continue
		}
		a := st.actors[m.actor]
		if a.kind != KindPerson || a.entry != nil && len(a.entry.Roles) > 0 {
			continue
		}
		if m.title.former {
			formers = append(formers, m)
		} else if k := (key{m.actor, m.title.officeKey()}); current[k] == nil {
			current[k] = m.title
		}
	}
	for _, m := range formers {
		if o := current[key{m.actor, m.title.officeKey()}]; o != nil {
			st.flag(m.title, fmt.Sprintf("%q for %s contradicts %q elsewhere in the document",
				m.title.text, st.actors[m.actor].name, o.text))
		}
	}
}

func (st *docState) flag(t *title, detail string) {
	span := parley.Span{Start: t.start, End: t.end}
	if st.flagged[span] {
		return
	}
	if st.flagged == nil {
		st.flagged = map[parley.Span]bool{}
	}
	st.flagged[span] = true
	st.flags = append(st.flags, parley.Flag{Kind: parley.FlagStaleTitle, Detail: detail, Span: span})
}

func dayOf(t time.Time) string {
	if t.IsZero() {
		return "an unknown date"
	}
	return t.Format("2006-01-02")
}

func pronounFor(a *docActor) string {
	switch a.gender {
	case 'm':
		return "he"
	case 'f':
		return "she"
	}
	return "they"
}

func possessiveFor(a *docActor) string {
	switch a.gender {
	case 'm':
		return "his"
	case 'f':
		return "her"
	}
	return "their"
}

// settleRoles gives every dictionary actor the code and role of the reference date. Someone
// who held an office of the dictionary but holds none that day is "former ...", coded ELI as
// CAMEO codes former officials.
func (st *docState) settleRoles() {
	for _, a := range st.actors {
		e := a.entry
		if e == nil || len(e.Roles) == 0 {
			continue
		}
		if !st.refOK || !st.rolesOK {
			if r, ok := e.latestRole(); ok {
				a.role, a.code = r.Title, r.Code
			}
			continue
		}
		if r, ok := e.RoleOn(st.ref); ok {
			a.role, a.code = r.Title, r.Code
			continue
		}
		var last Role
		for _, r := range e.Roles {
			if !r.To.IsZero() && !r.To.After(st.ref) && (last.To.IsZero() || r.To.After(last.To)) {
				last = r
			}
		}
		if !last.To.IsZero() {
			a.role = "former " + last.Title
			if p := codePlace(last.Code); len(p) == 3 && e.Kind == KindPerson {
				a.code = p + "ELI"
			}
		}
	}
}
