package cli

import (
	"bufio"
	"context"
	"fmt"

	"github.com/parleynews/parley"
)

type quotesCommand struct{}

func (c *quotesCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "quotes", "[--db PATH] [--speaker NAME] [--words TEXT] [--source TEXT] [--since DATE] [--until DATE]", `
Lists stored quotes: who said what, when, and in which document. Filters combine; dates are
YYYY-MM-DD and compare against the date the quote was made, or else the document's date.`)
	db := dbFlag(fs)
	var f parley.QuoteFilter
	fs.StringVar(&f.Speaker, "speaker", "", "speaker name (any part) or actor code")
	fs.StringVar(&f.Words, "words", "", "words the quote contains")
	fs.StringVar(&f.Source, "source", "", "part of the document's source path or URL")
	fs.StringVar(&f.Since, "since", "", "earliest date, YYYY-MM-DD")
	fs.StringVar(&f.Until, "until", "", "latest date, YYYY-MM-DD")
	fs.IntVar(&f.Limit, "limit", 100, "how many quotes at most")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q (filters are flags, e.g. --words %q)", rest[0], rest[0])
	}
	for _, d := range []string{f.Since, f.Until} {
		if d != "" && !isDate(d) {
			return usageErr("%q is not a date of the form YYYY-MM-DD", d)
		}
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	qs, err := store.Quotes(ctx, f)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if len(qs) == 0 {
		fmt.Fprintln(out, "no quotes match")
		return out.Flush()
	}
	for _, q := range qs {
		who := "(no speaker)"
		if q.Speaker != nil {
			who = q.Speaker.Name
			if q.Speaker.Code != "" {
				who += " (" + q.Speaker.Code + ")"
			}
		}
		date := q.Date
		if date == "" {
			date = "undated"
		}
		fmt.Fprintf(out, "%s  %s [%s]\n    “%s”\n    %s  %s\n\n", date, who, q.Kind, shorten(q.Text, 300), short(q.DocumentID), q.Source)
	}
	return out.Flush()
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
