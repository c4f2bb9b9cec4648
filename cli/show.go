package cli

import (
	"bufio"
	"context"

	"github.com/parleynews/parley/record"
)

type showCommand struct{}

func (c *showCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "show", "[--db PATH] [--format text|json] ID", `
Shows one stored document with its annotations. ID may be any unique prefix of the id that
'parley search' and 'parley export' print.`)
	db := dbFlag(fs)
	format := fs.String("format", "text", "text, or json for the analysis record")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("want exactly one document id")
	}
	if *format != "text" && *format != "json" {
		return usageErr("unknown format %q (want text or json)", *format)
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	doc, err := store.Document(ctx, rest[0])
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if *format == "json" {
		b, err := record.Marshal(record.FromDocument(doc), true)
		if err != nil {
			return err
		}
		out.Write(append(b, '\n'))
		return out.Flush()
	}
	sources, err := store.Sources(ctx, doc.ID)
	if err != nil {
		return err
	}
	if err := writeText(out, doc, sources...); err != nil {
		return err
	}
	return out.Flush()
}
