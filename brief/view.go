// Package brief renders a story as a brief a person can act on: the key actors and the actor ×
// issue matrix of positions, a dated timeline of events, key quotes, corroborated and contested
// claims and reliability notes, every statement linked to the source spans it rests on. It writes
// Markdown, and HTML as one self-contained file with its charts drawn in SVG.
package brief

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// view is what both renderings show, with every piece of evidence numbered once.
type view struct {
	Story     *parley.Story
	Title     string
	Period    string
	Docs      int
	Sources   int
	Actors    []parley.StoryActor
	Matrix    matrix
	Positions []positionView
	Events    []eventView
	Quotes    []quoteView
	Claims    []claimView
	Conflicts []conflictView
	Notes     []parley.SourceNote
	Evidence  []evidenceView
	index     map[string]int
}

type evidenceView struct {
	N          int
	Source     string
	DocumentID string
	Start, End int
	Text       string
}

type matrix struct {
	Issues []string
	Rows   []matrixRow
}

type matrixRow struct {
	Actor string
	Cells []cell
}

type cell struct {
	Polarity string // "" when the actor took no position on the issue
	Changed  bool
	Evidence []int
}

type positionView struct {
	Actor, Issue, Current string
	Points                []pointView
	Changes               []changeView
}

type pointView struct {
	Date, Polarity string
	Evidence       int
}

type changeView struct {
	From, To, Date string
	Before, After  int
}

type eventView struct {
	Date, Source, Target, PLOVER, CAMEO, Mode string
	Goldstein                                 float64
	QuadClass, Sources                        int
	Evidence                                  []int
}

type quoteView struct {
	Speaker, Text, Date, Kind string
	Sources                   int
	Evidence                  []int
}

type claimView struct {
	Kind, Summary string
	Sources       int
	Evidence      []int
}

type conflictView struct {
	Kind, Summary string
	Sides         []sideView
}

type sideView struct {
	Value    string
	Evidence []int
}

// cite numbers a piece of evidence, once however often it is cited.
func (v *view) cite(e parley.Evidence) int {
	key := fmt.Sprintf("%s/%d/%d", e.DocumentID, e.Start, e.End)
	if n, ok := v.index[key]; ok {
		return n
	}
	n := len(v.Evidence) + 1
	v.index[key] = n
	v.Evidence = append(v.Evidence, evidenceView{N: n, Source: e.Source, DocumentID: e.DocumentID, Start: e.Start, End: e.End, Text: strings.Join(strings.Fields(e.Text), " ")})
	return n
}

func (v *view) citeAll(es []parley.Evidence) []int {
	var out []int
	for _, e := range es {
		out = append(out, v.cite(e))
	}
	return out
}

func name(a parley.ActorName) string {
	if a.Name == "" {
		return a.Code
	}
	return a.Name
}

// Limits keep a brief readable: it is a summary, and the store holds the rest.
const (
	maxActors    = 15
	maxQuotes    = 25
	maxMatrixRow = 20
)

func newView(st *parley.Story) *view {
	v := &view{Story: st, index: map[string]int{}}
	v.Title = st.Label
	if v.Title == "" {
		v.Title = "Story " + st.ID
	}
	switch {
	case st.Start != "" && st.End != "" && st.Start != st.End:
		v.Period = st.Start + " to " + st.End
	case st.Start != "":
		v.Period = st.Start
	}
	v.Docs = len(st.Documents)
	for _, d := range st.Documents {
		if d.CopyOf == "" {
			v.Sources++
		}
	}
	for _, a := range st.Actors {
		if len(v.Actors) == maxActors {
			break
		}
		if keyActor(a) {
			v.Actors = append(v.Actors, a)
		}
	}

	// The matrix: actors with positions, issues in profile order, then any others.
	issues := append([]string(nil), st.Issues...)
	seen := map[string]bool{}
	for _, is := range issues {
		seen[is] = true
	}
	rows := map[string]*matrixRow{}
	var order []string
	for _, p := range st.Positions {
		if !seen[p.Issue] {
			seen[p.Issue] = true
			issues = append(issues, p.Issue)
		}
		a := name(p.Actor)
		if rows[a] == nil {
			rows[a] = &matrixRow{Actor: a}
			order = append(order, a)
		}
	}
	// Only issues someone took a position on earn a column.
	var used []string
	for _, is := range issues {
		for _, p := range st.Positions {
			if p.Issue == is {
				used = append(used, is)
				break
			}
		}
	}
	v.Matrix.Issues = used
	for _, a := range order {
		r := rows[a]
		r.Cells = make([]cell, len(used))
		for _, p := range st.Positions {
			if name(p.Actor) != a {
				continue
			}
			for i, is := range used {
				if is == p.Issue {
					c := cell{Polarity: p.Current, Changed: len(p.Changes) > 0}
					for _, pt := range p.Points {
						c.Evidence = append(c.Evidence, v.cite(pt.Evidence))
					}
					r.Cells[i] = c
				}
			}
		}
		v.Matrix.Rows = append(v.Matrix.Rows, *r)
	}
	sort.SliceStable(v.Matrix.Rows, func(i, j int) bool { return filled(v.Matrix.Rows[i]) > filled(v.Matrix.Rows[j]) })
	if len(v.Matrix.Rows) > maxMatrixRow {
		v.Matrix.Rows = v.Matrix.Rows[:maxMatrixRow]
	}

	for _, p := range st.Positions {
		pv := positionView{Actor: name(p.Actor), Issue: p.Issue, Current: p.Current}
		for _, pt := range p.Points {
			date := pt.Date
			if date == "" {
				date = "undated"
			}
			pv.Points = append(pv.Points, pointView{Date: date, Polarity: pt.Polarity, Evidence: v.cite(pt.Evidence)})
		}
		for _, c := range p.Changes {
			pv.Changes = append(pv.Changes, changeView{From: c.From, To: c.To, Date: c.Date, Before: v.cite(c.Before), After: v.cite(c.After)})
		}
		v.Positions = append(v.Positions, pv)
	}

	events := append([]parley.StoryEvent(nil), st.Events...)
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i].Date, events[j].Date
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	for _, e := range events {
		ev := eventView{Date: e.Date, Source: name(e.Source), PLOVER: e.PLOVER, CAMEO: e.CAMEO, Mode: e.Mode,
			Goldstein: e.Goldstein, QuadClass: e.QuadClass, Sources: e.Sources, Evidence: v.citeAll(e.Reports)}
		if ev.Date == "" {
			ev.Date = "undated"
		}
		if e.Target != nil {
			ev.Target = name(*e.Target)
		}
		v.Events = append(v.Events, ev)
	}

	quotes := append([]parley.StoryQuote(nil), st.Quotes...)
	sort.SliceStable(quotes, func(i, j int) bool { return quotes[i].Sources > quotes[j].Sources })
	for _, q := range quotes {
		if q.Speaker == nil || q.Kind == parley.QuoteIndirect && len(quotes) > maxQuotes {
			continue
		}
		v.Quotes = append(v.Quotes, quoteView{Speaker: name(*q.Speaker), Text: q.Text, Date: q.Date, Kind: q.Kind,
			Sources: q.Sources, Evidence: v.citeAll(q.Reports)})
		if len(v.Quotes) == maxQuotes {
			break
		}
	}
	for _, c := range st.Claims {
		v.Claims = append(v.Claims, claimView{Kind: c.Kind, Summary: c.Summary, Sources: c.Sources, Evidence: v.citeAll(c.Evidence)})
	}
	for _, c := range st.Conflicts {
		cv := conflictView{Kind: c.Kind, Summary: c.Summary}
		for _, s := range c.Sides {
			cv.Sides = append(cv.Sides, sideView{Value: s.Value, Evidence: v.citeAll(s.Evidence)})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	for _, n := range st.Notes {
		if len(n.Notes) > 0 {
			v.Notes = append(v.Notes, n)
		}
	}
	return v
}

func filled(r matrixRow) int {
	n := 0
	for _, c := range r.Cells {
		if c.Polarity != "" {
			n++
		}
	}
	return n
}

// symbol is the matrix's mark for a polarity.
func symbol(p string) string {
	switch p {
	case parley.StanceSupport:
		return "supports"
	case parley.StanceOppose:
		return "opposes"
	case parley.StanceConditional:
		return "conditional"
	}
	return ""
}

var quadNames = map[int]string{1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

// keyActor reports whether a story actor belongs in the key-actors table: someone named, not a
// pronoun the resolver left ("they"), nor a phrase known only from one fact, with no code and
// no mention ("Security analysts").
func keyActor(a parley.StoryActor) bool {
	switch strings.ToLower(strings.TrimSpace(a.Name)) {
	case "", "he", "she", "it", "they", "we", "i", "you", "who":
		return false
	}
	return a.Code != "" || a.Mentions > 0
}
