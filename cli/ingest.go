package cli

import (
	"context"
	"fmt"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/pipeline"
)

type ingestCommand struct{}

func (c *ingestCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "ingest", "[--db PATH] [--feed URL]... INPUT...", `
Analyses documents and keeps them, with all their annotations, in the store. Takes the same
inputs as 'parley analyze'. A document already in the store (same text, same id) is not
analysed or stored again, so an interrupted ingest is finished by running it again; when
the same text comes from a new source (a copy elsewhere), the source is recorded. Each
document is stored in one transaction: a crash never leaves half a document behind.`)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "documents analysed in parallel (default: one per core)")
	an := analysisFlags(fs)
	var feeds feedList
	fs.Var(&feeds, "feed", "an RSS, Atom or JSON feed to read new items from (repeatable)")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 && len(feeds) == 0 {
		return usageErr("no input given")
	}
	p, err := m.newPipeline(an)
	if err != nil {
		return err
	}
	store, err := m.openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	validators := newStoreValidators(ctx, store, feeds)
	src, err := newSources(m, rest, feeds, validators)
	if err != nil {
		return err
	}
	src.seen = func(url string) bool {
		has, err := store.HasSource(ctx, url)
		return err == nil && has
	}

	p.Workers = *workers
	dups := newCopies()
	if err := dups.prime(ctx, store); err != nil {
		return fmt.Errorf("load copy-detection signatures: %w", err)
	}
	p.SkipAfter = pipeline.StagePrepare
	p.Skip = func(d *parley.Document) bool {
		has, err := store.HasDocument(ctx, d.ID)
		return err == nil && has
	}

	bar := newProgress(m.Stderr)
	var added, copies, present, failed, bytes int
	err = p.Run(ctx, src.read(ctx), func(it pipeline.Item) error {
		defer func() {
			bar.update("ingest: %d documents (%d new, %d new sources, %d already stored, %d failed), %.1f MB",
				added+copies+present+failed, added, copies, present, failed, float64(bytes)/1e6)
		}()
		if it.Err != nil {
			failed++
			bar.done()
			fmt.Fprintf(m.Stderr, "parley ingest: %s\n", errorText(it.Err))
			return nil
		}
		bytes += len(it.Doc.Text)
		if !it.Skip {
			has, err := store.HasDocument(ctx, it.Doc.ID)
			if err != nil {
				return fmt.Errorf("store %s: %w", it.Doc.Source, err)
			}
			if !has {
				sig, _ := dups.check(it.Doc)
				if _, err := store.PutDocument(ctx, it.Doc); err != nil {
					return fmt.Errorf("store %s: %w", it.Doc.Source, err)
				}
				raw, err := sig.MarshalBinary()
				if err == nil {
					err = store.PutSignature(ctx, it.Doc.ID, raw)
				}
				if err != nil {
					return fmt.Errorf("store signature of %s: %w", it.Doc.Source, err)
				}
				added++
				return validators.stored(it.Doc.Source)
			}
		}
		// The text is stored already: from this source (a rerun), or from another one (a copy
		// of the same article elsewhere), which is recorded so that no article read is lost.
		isNew, err := store.AddSource(ctx, it.Doc.ID, it.Doc.Source)
		if err != nil {
			return fmt.Errorf("store %s: %w", it.Doc.Source, err)
		}
		if isNew {
			copies++
		} else {
			present++
		}
		return validators.stored(it.Doc.Source)
	})
	if verr := validators.finish(err == nil && failed == 0); err == nil {
		err = verr
	}
	bar.done()
	secs := bar.elapsed().Seconds()
	total := added + copies + present + failed
	fmt.Fprintf(m.Stdout, "ingested %d documents: %d new, %d new source%s of stored texts, %d already stored, %d failed (%.1f MB in %.1f s, %.0f documents/s)\nstore: %s\n",
		total, added, copies, plural(copies), present, failed, float64(bytes)/1e6, secs, float64(total)/max(secs, 1e-3), store.Path())
	if src.notModified > 0 {
		fmt.Fprintf(m.Stdout, "%d pages not modified since the last fetch\n", src.notModified)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
