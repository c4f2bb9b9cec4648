package brief

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parleynews/parley"
)

// refs writes evidence numbers as links to the evidence list at the end: [E3](#e3).
func refs(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[E%d](#e%d)", n, n)
	}
	return b.String()
}

// mdEscape keeps article text from being read as Markdown syntax.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "`", "\\`")
	return r.Replace(s)
}

// Markdown writes the story's brief as Markdown.
func Markdown(w io.Writer, st *parley.Story) error {
	v := newView(st)
	b := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }

	p("# Brief: %s\n\n", mdEscape(v.Title))
	if v.Period != "" {
		p("Period: %s. ", v.Period)
	}
	p("%d documents from %d independent sources (copies counted once). Story `%s`.\n\n", v.Docs, v.Sources, st.ID)

	p("## Key actors\n\n")
	if len(v.Actors) == 0 {
		p("No actors were found.\n\n")
	} else {
		p("| actor | code | role | mentions | documents |\n|---|---|---|---|---|\n")
		for _, a := range v.Actors {
			p("| %s | %s | %s | %d | %d |\n", mdEscape(a.Name), a.Code, mdEscape(a.Role), a.Mentions, a.Documents)
		}
		p("\n")
	}

	p("## Positions\n\n")
	if len(v.Matrix.Rows) == 0 {
		p("No positions were found.\n\n")
	} else {
		p("| actor |")
		for _, is := range v.Matrix.Issues {
			p(" %s |", is)
		}
		p("\n|---|%s\n", strings.Repeat("---|", len(v.Matrix.Issues)))
		for _, r := range v.Matrix.Rows {
			p("| %s |", mdEscape(r.Actor))
			for _, c := range r.Cells {
				mark := symbol(c.Polarity)
				if c.Changed {
					mark += " (changed)"
				}
				p(" %s %s |", mark, refs(c.Evidence))
			}
			p("\n")
		}
		p("\n")
		for _, pos := range v.Positions {
			p("- **%s** on **%s**: %s now", mdEscape(pos.Actor), pos.Issue, symbol(pos.Current))
			for _, pt := range pos.Points {
				p("; %s %s %s", pt.Date, symbol(pt.Polarity), refs([]int{pt.Evidence}))
			}
			for _, c := range pos.Changes {
				p("; changed from %s to %s on %s %s", c.From, c.To, orUndated(c.Date), refs([]int{c.Before, c.After}))
			}
			p("\n")
		}
		p("\n")
	}

	p("## Timeline of events\n\n")
	if len(v.Events) == 0 {
		p("No events were found.\n\n")
	}
	for _, e := range v.Events {
		target := ""
		if e.Target != "" {
			target = " → " + mdEscape(e.Target)
		}
		p("- %s: %s%s: %s (CAMEO %s, %s, Goldstein %+.1f), %d source%s %s\n", e.Date, mdEscape(e.Source), target, e.PLOVER, e.CAMEO, e.Mode,
			e.Goldstein, e.Sources, plural(e.Sources), refs(e.Evidence))
	}
	p("\n## Key quotes\n\n")
	if len(v.Quotes) == 0 {
		p("No attributed quotes were found.\n\n")
	}
	for _, q := range v.Quotes {
		date := ""
		if q.Date != "" {
			date = " (" + q.Date + ")"
		}
		p("- **%s**%s: “%s” — %d source%s %s\n", mdEscape(q.Speaker), date, mdEscape(q.Text), q.Sources, plural(q.Sources), refs(q.Evidence))
	}
	p("\n## Corroborated\n\n")
	if len(v.Claims) == 0 {
		p("Nothing is reported by more than one independent source.\n\n")
	}
	for _, c := range v.Claims {
		p("- %s (%s; %d independent sources) %s\n", mdEscape(c.Summary), c.Kind, c.Sources, refs(c.Evidence))
	}
	p("\n## Contested\n\n")
	if len(v.Conflicts) == 0 {
		p("No disagreements between sources were found.\n\n")
	}
	for _, c := range v.Conflicts {
		p("- %s (%s):", mdEscape(c.Summary), c.Kind)
		for i, s := range c.Sides {
			if i > 0 {
				p(" versus")
			}
			p(" “%s” %s", mdEscape(s.Value), refs(s.Evidence))
		}
		p("\n")
	}
	p("\n## Reliability notes\n\n")
	if len(v.Notes) == 0 {
		p("No reliability problems were found.\n\n")
	}
	for _, n := range v.Notes {
		p("- `%s`: %s\n", n.Source, mdEscape(strings.Join(n.Notes, "; ")))
	}
	p("\n## Evidence\n\n")
	for _, e := range v.Evidence {
		p("<a id=\"e%d\"></a>**E%d** `%s` (document %s, bytes %d–%d): “%s”\n\n", e.N, e.N, e.Source, short(e.DocumentID), e.Start, e.End, mdEscape(e.Text))
	}
	return b.Flush()
}

func orUndated(d string) string {
	if d == "" {
		return "an unknown date"
	}
	return d
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
