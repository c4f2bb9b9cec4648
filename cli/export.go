package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/record"
)

type exportCommand struct{}

func (c *exportCommand) Run(ctx context.Context, m *Main, args []string) error {
	fs := newFlags(m, "export", "[--db PATH] [--format jsonl|csv] [--kind documents|quotes|events|stances]", `
Writes the store's contents to standard output. With --kind documents and --format jsonl each
line is a document's full analysis record (CONTRACT.md); the other kinds give one row per
quote, event or stance with the document it came from. Offsets are in code points, as in
the record.`)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "jsonl or csv")
	kind := fs.String("kind", "documents", "documents, quotes, events or stances")
	rest, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q", rest[0])
	}
	rows, ok := exporters[*kind]
	if !ok {
		return usageErr("unknown kind %q (want documents, quotes, events or stances)", *kind)
	}
	if *format != "jsonl" && *format != "csv" {
		return usageErr("unknown format %q (want jsonl or csv)", *format)
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	out := bufio.NewWriterSize(m.Stdout, 1<<16)
	var emit func(header []string, row []string, obj any) error
	var cw *csv.Writer
	if *format == "csv" {
		cw = csv.NewWriter(out)
		if err := cw.Write(rows.header); err != nil {
			return err
		}
		emit = func(_ []string, row []string, _ any) error { return cw.Write(row) }
	} else {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		emit = func(_ []string, _ []string, obj any) error { return enc.Encode(obj) }
	}
	err = store.Documents(ctx, func(d *parley.Document) error {
		return rows.each(record.FromDocument(d), func(row []string, obj any) error { return emit(rows.header, row, obj) })
	})
	if err != nil {
		return err
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	if err := out.Flush(); err != nil && err != io.ErrShortWrite {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// exporter flattens one record into rows (for CSV) and objects (for JSON Lines).
type exporter struct {
	header []string
	each   func(r *record.Record, emit func(row []string, obj any) error) error
}

func itoa(i int) string { return strconv.Itoa(i) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func refFields(r *record.Ref) (string, string) {
	if r == nil {
		return "", ""
	}
	return r.Name, r.Code
}

var exporters = map[string]exporter{
	"documents": {
		header: []string{"id", "source", "title", "published", "characters", "sentences", "actors", "quotes", "events", "stances", "flags"},
		each: func(r *record.Record, emit func([]string, any) error) error {
			return emit([]string{r.ID, r.Source, deref(r.Title), deref(r.Published), itoa(len([]rune(r.Text))),
				itoa(len(r.Sentences)), itoa(len(r.Actors)), itoa(len(r.Quotes)), itoa(len(r.Events)), itoa(len(r.Stances)), itoa(len(r.Flags))}, r)
		},
	},
	"quotes": {
		header: []string{"document", "source", "start", "end", "kind", "speaker", "speaker_code", "cue", "date", "text"},
		each: func(r *record.Record, emit func([]string, any) error) error {
			for _, q := range r.Quotes {
				name, code := refFields(q.Speaker)
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Text
				}
				obj := struct {
					Document string `json:"document"`
					Source   string `json:"source"`
					record.Quote
				}{r.ID, r.Source, q}
				if err := emit([]string{r.ID, r.Source, itoa(q.Start), itoa(q.End), q.Kind, name, code, cue, deref(q.Date), q.Text}, obj); err != nil {
					return err
				}
			}
			return nil
		},
	},
	"events": {
		header: []string{"document", "source", "date", "actor", "actor_code", "target", "target_code", "cameo", "plover", "goldstein", "quad_class", "mode", "date_text", "start", "end", "text"},
		each: func(r *record.Record, emit func([]string, any) error) error {
			for _, e := range r.Events {
				sn, sc := refFields(e.Source)
				tn, tc := refFields(e.Target)
				obj := struct {
					Document string `json:"document"`
					Source   string `json:"document_source"`
					record.Event
				}{r.ID, r.Source, e}
				row := []string{r.ID, r.Source, deref(e.Date), sn, sc, tn, tc, e.CAMEO, e.PLOVER,
					strconv.FormatFloat(e.Goldstein, 'f', 1, 64), itoa(e.QuadClass), e.Mode, deref(e.DateText), itoa(e.Start), itoa(e.End), e.Text}
				if err := emit(row, obj); err != nil {
					return err
				}
			}
			return nil
		},
	},
	"stances": {
		header: []string{"document", "source", "actor", "actor_code", "issue", "polarity", "date", "start", "end", "text"},
		each: func(r *record.Record, emit func([]string, any) error) error {
			for _, s := range r.Stances {
				obj := struct {
					Document string `json:"document"`
					Source   string `json:"source"`
					record.Stance
				}{r.ID, r.Source, s}
				if err := emit([]string{r.ID, r.Source, s.Actor.Name, s.Actor.Code, s.Issue, s.Polarity, deref(s.Date), itoa(s.Start), itoa(s.End), s.Text}, obj); err != nil {
					return err
				}
			}
			return nil
		},
	},
}
