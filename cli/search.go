package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"
)

type searchCommand struct{}

func (c *searchCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "search", "[--db PATH] [--limit N] QUERY...", `
Searches the stored documents and quotes and prints the best matches first, each with a
snippet (matched words in [brackets]), its source and its id for 'parley show'.`)
	db := dbFlag(fs)
	limit := fs.Int("limit", 10, "how many hits at most")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	if query == "" {
		return usageErr("no query given")
	}
	if *limit <= 0 {
		return usageErr("--limit must be positive")
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if len(hits) == 0 {
		fmt.Fprintf(out, "no matches for %q\n", query)
		return nil
	}
	for i, h := range hits {
		title := h.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(out, "%2d. %s  [%s %s, score %.2f]\n    %s\n    source: %s\n\n",
			i+1, title, h.Kind, short(h.DocumentID), h.Score, shorten(h.Snippet, 240), h.Source)
	}
	return out.Flush()
}

// short is the id prefix people type; 'parley show' accepts any unique prefix.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
