package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/brief"
	"github.com/parleynews/parley/sqlite"
	"github.com/parleynews/parley/stances"
	"github.com/parleynews/parley/story"
)

// buildStories groups the stored documents into stories, in ingest order, so that copies
// follow their originals.
func (m *Main) buildStories(ctx context.Context, store *sqlite.DB, profile string) ([]*parley.Story, error) {
	var opt story.Options
	profile = m.profilePath(profile)
	if profile != "" {
		p, err := stances.LoadProfile(profile)
		if err != nil {
			return nil, err
		}
		for _, is := range p.Issues {
			opt.Issues = append(opt.Issues, is.ID)
		}
	}
	b := story.NewBuilder(opt)
	err := store.Documents(ctx, func(d *parley.Document) error {
		_, err := b.Add(d, story.CopyOf(d))
		return err
	})
	if err != nil {
		return nil, err
	}
	return b.Stories(), nil
}

type storiesCommand struct{}

func (c *storiesCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "stories", "[--db PATH]", `
Groups the stored documents into stories (by their actors, words and dates; copies join
their originals) and lists them, largest first, with the id that 'parley brief --story'
takes.`)
	db := dbFlag(fs)
	profile := fs.String("profile", "", "tracking profile, for the order of issues (default $PARLEY_PROFILE)")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q", rest[0])
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	sts, err := m.buildStories(ctx, store, *profile)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	if len(sts) == 0 {
		fmt.Fprintln(out, "no stories: the store holds no documents")
	}
	for _, s := range sts {
		period := s.Start
		if s.End != "" && s.End != s.Start {
			period += " to " + s.End
		}
		fmt.Fprintf(out, "%s  %d documents, %d events, %d quotes, %d positions  %s\n    %s\n", s.ID, len(s.Documents),
			len(s.Events), len(s.Quotes), len(s.Positions), period, s.Label)
	}
	return out.Flush()
}

type briefCommand struct{}

func (c *briefCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "brief", "[--db PATH] [--story ID] [--format md|html] [-o FILE]", `
Writes a brief of one story: key actors and the actor × issue matrix of positions, a dated
timeline of events, key quotes with speakers and sources, corroborated and contested claims,
and reliability notes per source, every statement linked to the spans it rests on. The HTML
brief is one self-contained file with its charts, readable offline. Without --story, the
largest story is briefed; 'parley stories' lists them.`)
	db := dbFlag(fs)
	id := fs.String("story", "", "story id (or a unique prefix) from 'parley stories'")
	format := fs.String("format", "md", "md or html")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	profile := fs.String("profile", "", "tracking profile, for the order of issues (default $PARLEY_PROFILE)")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q", rest[0])
	}
	if *format != "md" && *format != "html" {
		return usageErr("unknown format %q (want md or html)", *format)
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	sts, err := m.buildStories(ctx, store, *profile)
	if err != nil {
		return err
	}
	if len(sts) == 0 {
		return parley.Errorf(parley.ENOTFOUND, "no stories: the store holds no documents (run 'parley ingest' first)")
	}
	chosen := sts[0]
	if *id != "" {
		chosen = nil
		for _, s := range sts {
			if strings.HasPrefix(s.ID, *id) {
				if chosen != nil {
					return parley.Errorf(parley.ECONFLICT, "story id %q is ambiguous: give more of it", *id)
				}
				chosen = s
			}
		}
		if chosen == nil {
			return parley.Errorf(parley.ENOTFOUND, "no story %q: 'parley stories' lists them", *id)
		}
	}
	w := m.Stdout
	var f *os.File
	if *outPath != "" {
		f, err = os.Create(*outPath)
		if err != nil {
			return parley.Errorf(parley.EINVALID, "write brief: %v", err)
		}
		w = f
	}
	buf := bufio.NewWriter(w)
	if *format == "html" {
		err = brief.HTML(buf, chosen)
	} else {
		err = brief.Markdown(buf, chosen)
	}
	if err == nil {
		err = buf.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write brief: %w", err)
	}
	return nil
}
