package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"sort"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/sqlite"
)

// viewFilter holds the flags that every view of the store shares.
type viewFilter struct {
	actor, source, since, until, format *string
	limit                               *int
}

func viewFlags(fs *flag.FlagSet) *viewFilter {
	return &viewFilter{
		actor:  fs.String("actor", "", "actor: part of a name, or a code prefix (USA, UKRGOV)"),
		source: fs.String("source", "", "part of the document's source path or URL"),
		since:  fs.String("since", "", "earliest date, YYYY-MM-DD (or YYYY-MM, YYYY)"),
		until:  fs.String("until", "", "latest date, YYYY-MM-DD (or YYYY-MM, YYYY)"),
		format: fs.String("format", "text", "text or jsonl"),
		limit:  fs.Int("limit", 200, "how many rows at most"),
	}
}

// open parses the command line, checks the shared filters, and opens the store, for commands
// that only read it; extra checks the command's own flags.
func (v *viewFilter) open(ctx context.Context, m *Main, fs *flag.FlagSet, args []string, db *string, extra func() error) (*sqlite.DB, error) {
	rest, err := parse(m, fs, args)
	if err != nil {
		return nil, err
	}
	if err := v.check(rest); err != nil {
		return nil, err
	}
	if extra != nil {
		if err := extra(); err != nil {
			return nil, err
		}
	}
	return m.openExisting(ctx, *db)
}

func (v *viewFilter) check(rest []string) error {
	if len(rest) > 0 {
		return usageErr("unexpected argument %q (filters are flags, e.g. --actor %q)", rest[0], rest[0])
	}
	if *v.format != "text" && *v.format != "jsonl" {
		return usageErr("unknown format %q (want text or jsonl)", *v.format)
	}
	if *v.limit <= 0 {
		return usageErr("--limit must be positive")
	}
	return nil
}

// writeJSONL writes one JSON object per row and flushes.
func writeJSONL[T any](out *bufio.Writer, rows []T) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return out.Flush()
}

func dateOr(date, published string) string {
	switch {
	case date != "":
		return date
	case len(published) >= 10:
		return published[:10] + "~" // the document's date, not the event's own
	}
	return "undated   "
}

func actorName(a *parley.ActorRef) string {
	if a == nil {
		return "-"
	}
	if a.Code != "" {
		return a.Name + " (" + a.Code + ")"
	}
	return a.Name
}

type eventsCommand struct{}

func (c *eventsCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "events", "[--db PATH] [--actor A] [--plover TYPE] [--source S] [--since D] [--until D]", `
Lists stored events, by date: who did what to whom, coded in CAMEO and PLOVER, with the
Goldstein value and the sentence it was read from. A date marked ~ is the document's date,
used where the text gives the event none.`)
	db := dbFlag(fs)
	v := viewFlags(fs)
	plover := fs.String("plover", "", "PLOVER type, e.g. CONSULT, REJECT, ASSAULT")
	store, err := v.open(ctx, m, fs, args, db, nil)
	if err != nil {
		return err
	}
	defer store.Close()
	evs, err := store.Events(ctx, parley.EventFilter{Actor: *v.actor, PLOVER: *plover, Source: *v.source, Since: *v.since, Until: *v.until, Limit: *v.limit})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if *v.format == "jsonl" {
		return writeJSONL(out, evs)
	}
	if len(evs) == 0 {
		fmt.Fprintln(out, "no events match")
	}
	for _, e := range evs {
		fmt.Fprintf(out, "%s  %s -> %s  %s %s (%s, Goldstein %+.1f)\n    %s\n    %s  %s\n\n",
			dateOr(e.Date, e.Published), actorName(e.Event.Source), actorName(e.Target), e.CAMEO, e.PLOVER, e.Mode, e.Goldstein,
			shorten(e.Text, 200), short(e.DocumentID), e.Source)
	}
	return out.Flush()
}

type stancesCommand struct{}

func (c *stancesCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "stances", "[--db PATH] [--actor A] [--issue I] [--polarity P] [--source S] [--since D] [--until D]", `
Lists stored stances, by date: each actor's position (support, oppose, conditional) on each
issue, with its evidence.`)
	db := dbFlag(fs)
	v := viewFlags(fs)
	issue := fs.String("issue", "", "issue id, e.g. us-troops")
	polarity := fs.String("polarity", "", "support, oppose or conditional")
	store, err := v.open(ctx, m, fs, args, db, func() error {
		switch *polarity {
		case "", parley.StanceSupport, parley.StanceOppose, parley.StanceConditional:
			return nil
		}
		return usageErr("unknown polarity %q (want support, oppose or conditional)", *polarity)
	})
	if err != nil {
		return err
	}
	defer store.Close()
	sts, err := store.Stances(ctx, parley.StanceFilter{Actor: *v.actor, Issue: *issue, Polarity: *polarity, Source: *v.source, Since: *v.since, Until: *v.until, Limit: *v.limit})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if *v.format == "jsonl" {
		return writeJSONL(out, sts)
	}
	if len(sts) == 0 {
		fmt.Fprintln(out, "no stances match")
	}
	for _, s := range sts {
		a := s.Actor
		fmt.Fprintf(out, "%s  %s %s %s\n    %s\n    %s  %s\n\n", dateOr(s.Date, s.Published), actorName(&a), s.Polarity, s.Issue,
			shorten(s.Text, 200), short(s.DocumentID), s.Source)
	}
	return out.Flush()
}

type timelineCommand struct{}

// timelineEntry is one dated line of the timeline: an event, a stance or a quote.
type timelineEntry struct {
	Date     string `json:"date"`
	Kind     string `json:"kind"`
	Summary  string `json:"summary"`
	Text     string `json:"text"`
	Document string `json:"document"`
	Source   string `json:"source"`
	order    int
}

func (c *timelineCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "timeline", "[--db PATH] [--actor A] [--issue I] [--source S] [--since D] [--until D]", `
Shows the story as a dated timeline: events, stances and quotes of the stored documents in
date order, each with its source. Entries with no date of their own take their document's
date, marked ~; undated ones come last.`)
	db := dbFlag(fs)
	v := viewFlags(fs)
	issue := fs.String("issue", "", "only stances on this issue (events and quotes are left out)")
	store, err := v.open(ctx, m, fs, args, db, nil)
	if err != nil {
		return err
	}
	defer store.Close()
	var entries []timelineEntry
	if *issue == "" {
		evs, err := store.Events(ctx, parley.EventFilter{Actor: *v.actor, Source: *v.source, Since: *v.since, Until: *v.until, Limit: *v.limit})
		if err != nil {
			return err
		}
		for _, e := range evs {
			entries = append(entries, timelineEntry{Date: dateOr(e.Date, e.Published), Kind: "event",
				Summary: fmt.Sprintf("%s -> %s: %s", actorName(e.Event.Source), actorName(e.Target), e.PLOVER),
				Text:    e.Text, Document: e.DocumentID, Source: e.Source})
		}
		qs, err := store.Quotes(ctx, parley.QuoteFilter{Speaker: *v.actor, Source: *v.source, Since: *v.since, Until: *v.until, Limit: *v.limit})
		if err != nil {
			return err
		}
		for _, q := range qs {
			if q.Speaker == nil {
				continue
			}
			entries = append(entries, timelineEntry{Date: dateOr(q.Date, ""), Kind: "quote",
				Summary: actorName(q.Speaker) + " said", Text: q.Text, Document: q.DocumentID, Source: q.Source})
		}
	}
	sts, err := store.Stances(ctx, parley.StanceFilter{Actor: *v.actor, Issue: *issue, Source: *v.source, Since: *v.since, Until: *v.until, Limit: *v.limit})
	if err != nil {
		return err
	}
	for _, s := range sts {
		a := s.Actor
		entries = append(entries, timelineEntry{Date: dateOr(s.Date, s.Published), Kind: "stance",
			Summary: fmt.Sprintf("%s %s %s", actorName(&a), s.Polarity, s.Issue), Text: s.Text, Document: s.DocumentID, Source: s.Source})
	}
	for i := range entries {
		entries[i].order = i
	}
	sort.SliceStable(entries, func(i, j int) bool {
		ui, uj := entries[i].Date[0] == 'u', entries[j].Date[0] == 'u'
		if ui != uj {
			return uj
		}
		return entries[i].Date[:10] < entries[j].Date[:10]
	})
	if len(entries) > *v.limit {
		entries = entries[:*v.limit]
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if *v.format == "jsonl" {
		return writeJSONL(out, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(out, "nothing on the timeline matches")
	}
	last := ""
	for _, e := range entries {
		if e.Date != last {
			fmt.Fprintf(out, "%s\n", e.Date)
			last = e.Date
		}
		fmt.Fprintf(out, "  [%s] %s\n      %s\n      %s  %s\n", e.Kind, e.Summary, shorten(e.Text, 180), short(e.Document), e.Source)
	}
	return out.Flush()
}
