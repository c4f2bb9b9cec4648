package cli

import (
	"bufio"
	"context"
	"fmt"

	"github.com/parleynews/parley/pipeline"
	"github.com/parleynews/parley/record"
)

type analyzeCommand struct{}

func (c *analyzeCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "analyze", "[--format jsonl|json|text] INPUT...", `
Analyses documents and writes one record per document to standard output, in input order, as
CONTRACT.md defines it. Nothing is stored. INPUT is a .txt or .html file (either may be
gzipped), a folder (read recursively), a JSONL file with one document a line
({"id", "text" or "html", "title"?, "url"?, "published"?}), an http(s) URL of a page, or -
for standard input.
A document that cannot be read is reported on standard error and the others go on; the exit
status is then 1.`)
	format := fs.String("format", "jsonl", "output format: jsonl, json or text")
	workers := fs.Int("workers", 0, "documents analysed in parallel (default: one per core)")
	an := analysisFlags(fs)
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr("no input given")
	}
	p, err := m.newPipeline(an)
	if err != nil {
		return err
	}
	var write func(*pipeline.Item) error
	out := bufio.NewWriterSize(m.Stdout, 1<<16)
	defer out.Flush()
	closeOut := func() error { return nil }
	switch *format {
	case "jsonl", "json":
		enc, err := record.NewEncoder(out, *format)
		if err != nil {
			return usageErr("%v", err)
		}
		write = func(it *pipeline.Item) error { return enc.Encode(it.Doc) }
		closeOut = enc.Close
	case "text":
		write = func(it *pipeline.Item) error { return writeText(out, it.Doc) }
	default:
		return usageErr("unknown format %q (want jsonl, json or text)", *format)
	}

	p.Workers = *workers
	failed := 0
	src, err := newSources(m, rest, nil, nil)
	if err != nil {
		return err
	}
	dups := newCopies()
	err = p.Run(ctx, src.read(ctx), func(it pipeline.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "parley analyze: %s\n", errorText(it.Err))
			return nil
		}
		dups.check(it.Doc)
		return write(&it)
	})
	if err != nil {
		return err
	}
	if err := closeOut(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}
