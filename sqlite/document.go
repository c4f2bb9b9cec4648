package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/parleynews/parley"
)

// minPrefix is the shortest ID prefix Document accepts; shorter ones match too much to be
// useful and are likely typing mistakes.
const minPrefix = 4

// PutDocument stores doc with all its annotations and their full-text index entries in one
// transaction. When a document with the same ID is already stored it writes nothing and
// returns created == false. Spans outside doc.Text are refused with EINVALID, so what is stored
// can always be sliced out of the text again.
func (db *DB) PutDocument(ctx context.Context, doc *parley.Document) (created bool, err error) {
	if doc == nil {
		return false, parley.Errorf(parley.EINVALID, "sqlite: put document: nil document")
	}
	if doc.ID == "" {
		return false, parley.Errorf(parley.EINVALID, "sqlite: put document from %q: empty ID", doc.Source)
	}
	if err := validate(doc); err != nil {
		return false, &parley.Error{Code: parley.EINVALID, Message: fmt.Sprintf("sqlite: put document %s", doc.ID), Err: err}
	}
	now := db.Now().UTC().Format(time.RFC3339Nano)

	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("sqlite: put document %s: begin: %w", doc.ID, err)
	}
	defer tx.Rollback()

	var exists int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE id = ?", doc.ID).Scan(&exists); err != nil {
		return false, fmt.Errorf("sqlite: put document %s: %w", doc.ID, err)
	}
	if exists > 0 {
		return false, nil
	}
	if err := insertDocument(ctx, tx, doc, now); err != nil {
		return false, fmt.Errorf("sqlite: put document %s: %w", doc.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sqlite: put document %s: commit: %w", doc.ID, err)
	}
	return true, nil
}

// validate checks that every span lies inside the text and that nothing holds a value SQLite
// would not give back (a NaN REAL reads back as NULL).
func validate(d *parley.Document) error {
	n := len(d.Text)
	check := func(what string, i int, s parley.Span) error {
		if s.Start < 0 || s.End < s.Start || s.End > n {
			return fmt.Errorf("%s %d: span [%d,%d) is outside the text (%d bytes)", what, i, s.Start, s.End, n)
		}
		return nil
	}
	checkRef := func(what string, i int, r *parley.ActorRef) error {
		if r == nil {
			return nil
		}
		return check(what, i, r.Span)
	}
	var errs []error
	for i, r := range d.Removed {
		errs = append(errs, check("removal", i, r.Span))
	}
	for i, s := range d.Paragraphs {
		errs = append(errs, check("paragraph", i, s))
	}
	for i, s := range d.Sentences {
		errs = append(errs, check("sentence", i, s))
	}
	for i, a := range d.Actors {
		for _, m := range a.Mentions {
			errs = append(errs, check("mention of actor", i, m))
		}
	}
	for i, q := range d.Quotes {
		errs = append(errs, check("quote", i, q.Span), checkRef("speaker of quote", i, q.Speaker))
		if q.Cue != nil {
			errs = append(errs, check("cue of quote", i, q.Cue.Span))
		}
	}
	for i, e := range d.Events {
		errs = append(errs, check("event", i, e.Span), checkRef("source of event", i, e.Source), checkRef("target of event", i, e.Target))
		if math.IsNaN(e.Goldstein) {
			errs = append(errs, fmt.Errorf("event %d: Goldstein score is NaN", i))
		}
	}
	for i, s := range d.Stances {
		errs = append(errs, check("stance", i, s.Span), check("actor of stance", i, s.Actor.Span))
	}
	for i, f := range d.Flags {
		errs = append(errs, check("flag", i, f.Span))
	}
	for i, r := range d.References {
		errs = append(errs, check("reference", i, r.Span))
	}
	return errors.Join(errs...)
}

func insertDocument(ctx context.Context, tx *sql.Tx, d *parley.Document, now string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, source, url, title, published, author, language, format, text, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Source, d.URL, d.Title, d.Published, d.Author, d.Language, d.Format, d.Text, now)
	if err != nil {
		return fmt.Errorf("insert document: %w", err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert document: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO document_sources (doc, source, seen_at) VALUES (?, ?, ?)", seq, d.Source, now); err != nil {
		return fmt.Errorf("record source: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)", seq, d.Title, d.Text); err != nil {
		return fmt.Errorf("index document: %w", err)
	}

	// Each table gets one prepared statement per document; the statements die with the
	// transaction.
	ins := func(table, query string, n int, args func(i int) []any) error {
		if n == 0 {
			return nil
		}
		st, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		defer st.Close()
		for i := range n {
			if _, err := st.ExecContext(ctx, append([]any{seq, i}, args(i)...)...); err != nil {
				return fmt.Errorf("insert %s %d: %w", table, i, err)
			}
		}
		return nil
	}

	err = ins("removal", "INSERT INTO removals (doc, pos, span_start, span_end, reason) VALUES (?, ?, ?, ?, ?)",
		len(d.Removed), func(i int) []any {
			r := d.Removed[i]
			return []any{r.Start, r.End, r.Reason}
		})
	if err != nil {
		return err
	}
	err = ins("paragraph", "INSERT INTO paragraphs (doc, pos, span_start, span_end) VALUES (?, ?, ?, ?)",
		len(d.Paragraphs), func(i int) []any { return []any{d.Paragraphs[i].Start, d.Paragraphs[i].End} })
	if err != nil {
		return err
	}
	err = ins("sentence", "INSERT INTO sentences (doc, pos, span_start, span_end) VALUES (?, ?, ?, ?)",
		len(d.Sentences), func(i int) []any { return []any{d.Sentences[i].Start, d.Sentences[i].End} })
	if err != nil {
		return err
	}
	err = ins("actor", "INSERT INTO actors (doc, pos, name, code, role) VALUES (?, ?, ?, ?, ?)",
		len(d.Actors), func(i int) []any {
			a := d.Actors[i]
			return []any{a.Name, a.Code, a.Role}
		})
	if err != nil {
		return err
	}
	if err := insertMentions(ctx, tx, seq, d.Actors); err != nil {
		return err
	}
	if err := insertQuotes(ctx, tx, seq, d.Quotes); err != nil {
		return err
	}
	err = ins("event", `INSERT INTO events (doc, pos,
		source_name, source_code, source_start, source_end,
		target_name, target_code, target_start, target_end,
		cameo, plover, goldstein, quad_class, mode, date, date_text, span_start, span_end, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		len(d.Events), func(i int) []any {
			e := d.Events[i]
			args := refArgs(e.Source)
			args = append(args, refArgs(e.Target)...)
			return append(args, e.CAMEO, e.PLOVER, e.Goldstein, e.QuadClass, e.Mode, e.Date, e.DateText, e.Start, e.End, e.Text)
		})
	if err != nil {
		return err
	}
	err = ins("stance", `INSERT INTO stances (doc, pos, actor_name, actor_code, actor_start, actor_end,
		issue, polarity, date, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		len(d.Stances), func(i int) []any {
			s := d.Stances[i]
			return []any{s.Actor.Name, s.Actor.Code, s.Actor.Start, s.Actor.End, s.Issue, s.Polarity, s.Date, s.Start, s.End, s.Text}
		})
	if err != nil {
		return err
	}
	err = ins("flag", "INSERT INTO flags (doc, pos, kind, detail, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?)",
		len(d.Flags), func(i int) []any {
			f := d.Flags[i]
			return []any{f.Kind, f.Detail, f.Start, f.End}
		})
	if err != nil {
		return err
	}
	return ins("reference", `INSERT INTO refs (doc, pos, span_start, span_end, label, outlet, title, date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		len(d.References), func(i int) []any {
			r := d.References[i]
			return []any{r.Start, r.End, r.Label, r.Outlet, r.Title, r.Date}
		})
}

// refArgs gives the four columns of an optional actor reference: all NULL for nil.
func refArgs(r *parley.ActorRef) []any {
	if r == nil {
		return []any{nil, nil, nil, nil}
	}
	return []any{r.Name, r.Code, r.Start, r.End}
}

func insertMentions(ctx context.Context, tx *sql.Tx, seq int64, actors []parley.Actor) error {
	var st *sql.Stmt
	for ai, a := range actors {
		for mi, m := range a.Mentions {
			if st == nil {
				var err error
				st, err = tx.PrepareContext(ctx, "INSERT INTO mentions (doc, actor, pos, span_start, span_end) VALUES (?, ?, ?, ?, ?)")
				if err != nil {
					return fmt.Errorf("insert mention: %w", err)
				}
				defer st.Close()
			}
			if _, err := st.ExecContext(ctx, seq, ai, mi, m.Start, m.End); err != nil {
				return fmt.Errorf("insert mention %d of actor %d: %w", mi, ai, err)
			}
		}
	}
	return nil
}

func insertQuotes(ctx context.Context, tx *sql.Tx, seq int64, quotes []parley.Quote) error {
	if len(quotes) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO quotes (doc, pos, span_start, span_end, text, kind,
		speaker_name, speaker_code, speaker_start, speaker_end, cue_text, cue_start, cue_end, date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("insert quote: %w", err)
	}
	defer st.Close()
	fts, err := tx.PrepareContext(ctx, "INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)")
	if err != nil {
		return fmt.Errorf("index quote: %w", err)
	}
	defer fts.Close()
	for i, q := range quotes {
		args := []any{seq, i, q.Start, q.End, q.Text, q.Kind}
		args = append(args, refArgs(q.Speaker)...)
		if q.Cue != nil {
			args = append(args, q.Cue.Text, q.Cue.Start, q.Cue.End)
		} else {
			args = append(args, nil, nil, nil)
		}
		args = append(args, q.Date)
		res, err := st.ExecContext(ctx, args...)
		if err != nil {
			return fmt.Errorf("insert quote %d: %w", i, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("insert quote %d: %w", i, err)
		}
		var speaker any // NULL, as in quotes, when there is no speaker
		if q.Speaker != nil {
			speaker = q.Speaker.Name
		}
		if _, err := fts.ExecContext(ctx, id, q.Text, speaker); err != nil {
			return fmt.Errorf("index quote %d: %w", i, err)
		}
	}
	return nil
}

// AddSource records that the stored document id was also read from source. added is false when
// that source was already known; a missing document is ENOTFOUND.
func (db *DB) AddSource(ctx context.Context, id, source string) (added bool, err error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("sqlite: add source to %s: begin: %w", id, err)
	}
	defer tx.Rollback()
	var seq int64
	switch err := tx.QueryRowContext(ctx, "SELECT seq FROM documents WHERE id = ?", id).Scan(&seq); {
	case errors.Is(err, sql.ErrNoRows):
		return false, parley.Errorf(parley.ENOTFOUND, "no document %s", id)
	case err != nil:
		return false, fmt.Errorf("sqlite: add source to %s: %w", id, err)
	}
	res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO document_sources (doc, source, seen_at) VALUES (?, ?, ?)",
		seq, source, db.Now().UTC().Format(time.RFC3339Nano))
	if err != nil {
		return false, fmt.Errorf("sqlite: add source to %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("sqlite: add source to %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sqlite: add source to %s: commit: %w", id, err)
	}
	return n > 0, nil
}

// HasSource reports whether any stored document was read from source (a path or URL).
func (db *DB) HasSource(ctx context.Context, source string) (bool, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM document_sources WHERE source = ?", source).Scan(&n); err != nil {
		return false, fmt.Errorf("sqlite: has source %s: %w", source, err)
	}
	return n > 0, nil
}

// Sources lists every source the document with exactly this id was read from, first seen first.
func (db *DB) Sources(ctx context.Context, id string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT s.source FROM document_sources s JOIN documents d ON d.seq = s.doc
		WHERE d.id = ? ORDER BY s.seen_at, s.source`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sources of %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("sqlite: sources of %s: %w", id, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// HasDocument reports whether a document with exactly this ID is stored (no prefix matching).
func (db *DB) HasDocument(ctx context.Context, id string) (bool, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE id = ?", id).Scan(&n); err != nil {
		return false, fmt.Errorf("sqlite: has document %s: %w", id, err)
	}
	return n > 0, nil
}

// Count returns how many documents are stored.
func (db *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count documents: %w", err)
	}
	return n, nil
}

// Document loads the document whose ID is id or, failing that, starts with id (at least four
// characters). No match is ENOTFOUND; a prefix shared by several documents is ECONFLICT.
func (db *DB) Document(ctx context.Context, id string) (*parley.Document, error) {
	if id == "" {
		return nil, parley.Errorf(parley.EINVALID, "sqlite: document: empty ID")
	}
	tx, err := db.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document %s: %w", id, err)
	}
	defer tx.Rollback()
	seq, err := resolve(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	d, err := loadDocument(ctx, tx, seq)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document %s: %w", id, err)
	}
	return d, nil
}

// resolve finds the seq of the one document id names, exactly or as a prefix.
func resolve(ctx context.Context, tx *sql.Tx, id string) (int64, error) {
	var seq int64
	err := tx.QueryRowContext(ctx, "SELECT seq FROM documents WHERE id = ?", id).Scan(&seq)
	if err == nil {
		return seq, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("sqlite: document %s: %w", id, err)
	}
	if len(id) < minPrefix {
		return 0, parley.Errorf(parley.ENOTFOUND, "no document %q (an ID prefix needs at least %d characters)", id, minPrefix)
	}
	// A range scan on the id index, rather than LIKE, which folds case and treats % and _
	// specially.
	q, args := "SELECT seq, id FROM documents WHERE id >= ? ORDER BY id LIMIT 2", []any{id}
	if hi, ok := prefixEnd(id); ok {
		q, args = "SELECT seq, id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", []any{id, hi}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("sqlite: document %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var full string
		if err := rows.Scan(&seq, &full); err != nil {
			return 0, fmt.Errorf("sqlite: document %s: %w", id, err)
		}
		ids = append(ids, full)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("sqlite: document %s: %w", id, err)
	}
	switch len(ids) {
	case 0:
		return 0, parley.Errorf(parley.ENOTFOUND, "no document %q", id)
	case 1:
		return seq, nil
	}
	return 0, parley.Errorf(parley.ECONFLICT, "document ID prefix %q is ambiguous: it matches %s, %s and maybe more", id, ids[0], ids[1])
}

// prefixEnd returns the smallest string greater than every string that starts with p; ok is
// false when there is none (p is all 0xff bytes).
func prefixEnd(p string) (string, bool) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// Documents calls fn for every document in ingest order. Documents are read in batches of IDs
// so that no result set is open while fn runs (fn may call back into the store) and memory
// holds one document at a time. A document stored while the walk is under way is visited if it
// lands after the current position. fn's error is returned unwrapped.
func (db *DB) Documents(ctx context.Context, fn func(*parley.Document) error) error {
	const batch = 256
	var last int64 = -1
	for {
		seqs, err := db.nextSeqs(ctx, last, batch)
		if err != nil {
			return fmt.Errorf("sqlite: list documents: %w", err)
		}
		for _, seq := range seqs {
			d, err := db.loadOne(ctx, seq)
			if err != nil {
				return fmt.Errorf("sqlite: list documents: %w", err)
			}
			if err := fn(d); err != nil {
				return err
			}
			last = seq
		}
		if len(seqs) < batch {
			return nil
		}
	}
}

func (db *DB) nextSeqs(ctx context.Context, after int64, n int) ([]int64, error) {
	rows, err := db.read.QueryContext(ctx, "SELECT seq FROM documents WHERE seq > ? ORDER BY seq LIMIT ?", after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var seqs []int64
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		seqs = append(seqs, s)
	}
	return seqs, rows.Err()
}

func (db *DB) loadOne(ctx context.Context, seq int64) (*parley.Document, error) {
	tx, err := db.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return loadDocument(ctx, tx, seq)
}

// loadDocument reads one document and its annotations inside tx, so that all of it comes from
// one snapshot.
func loadDocument(ctx context.Context, tx *sql.Tx, seq int64) (*parley.Document, error) {
	d := &parley.Document{}
	err := tx.QueryRowContext(ctx, `SELECT id, source, url, title, published, author, language, format, text
		FROM documents WHERE seq = ?`, seq).
		Scan(&d.ID, &d.Source, &d.URL, &d.Title, &d.Published, &d.Author, &d.Language, &d.Format, &d.Text)
	if err != nil {
		return nil, fmt.Errorf("read document: %w", err)
	}
	// each runs one per-document query and hands every row to scan.
	each := func(table, query string, scan func(*sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, query, seq)
		if err != nil {
			return fmt.Errorf("read %s: %w", table, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("read %s: %w", table, err)
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read %s: %w", table, err)
		}
		return nil
	}

	err = each("removals", "SELECT span_start, span_end, reason FROM removals WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Removal
		err := r.Scan(&x.Start, &x.End, &x.Reason)
		d.Removed = append(d.Removed, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("paragraphs", "SELECT span_start, span_end FROM paragraphs WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Span
		err := r.Scan(&x.Start, &x.End)
		d.Paragraphs = append(d.Paragraphs, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("sentences", "SELECT span_start, span_end FROM sentences WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Span
		err := r.Scan(&x.Start, &x.End)
		d.Sentences = append(d.Sentences, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("actors", "SELECT name, code, role FROM actors WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Actor
		err := r.Scan(&x.Name, &x.Code, &x.Role)
		d.Actors = append(d.Actors, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("mentions", "SELECT actor, span_start, span_end FROM mentions WHERE doc = ? ORDER BY actor, pos", func(r *sql.Rows) error {
		var a int
		var x parley.Span
		if err := r.Scan(&a, &x.Start, &x.End); err != nil {
			return err
		}
		if a < 0 || a >= len(d.Actors) {
			return fmt.Errorf("mention of actor %d, which does not exist", a)
		}
		d.Actors[a].Mentions = append(d.Actors[a].Mentions, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each("quotes", `SELECT span_start, span_end, text, kind,
		speaker_name, speaker_code, speaker_start, speaker_end, cue_text, cue_start, cue_end, date
		FROM quotes WHERE doc = ? ORDER BY pos`, func(r *sql.Rows) error {
		q, err := scanQuote(r)
		d.Quotes = append(d.Quotes, q)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("events", `SELECT source_name, source_code, source_start, source_end,
		target_name, target_code, target_start, target_end,
		cameo, plover, goldstein, quad_class, mode, date, date_text, span_start, span_end, text
		FROM events WHERE doc = ? ORDER BY pos`, func(r *sql.Rows) error {
		var x parley.Event
		var src, tgt nullRef
		err := r.Scan(&src.name, &src.code, &src.start, &src.end, &tgt.name, &tgt.code, &tgt.start, &tgt.end,
			&x.CAMEO, &x.PLOVER, &x.Goldstein, &x.QuadClass, &x.Mode, &x.Date, &x.DateText, &x.Start, &x.End, &x.Text)
		x.Source, x.Target = src.ref(), tgt.ref()
		d.Events = append(d.Events, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("stances", `SELECT actor_name, actor_code, actor_start, actor_end, issue, polarity, date,
		span_start, span_end, text FROM stances WHERE doc = ? ORDER BY pos`, func(r *sql.Rows) error {
		var x parley.Stance
		err := r.Scan(&x.Actor.Name, &x.Actor.Code, &x.Actor.Start, &x.Actor.End, &x.Issue, &x.Polarity, &x.Date,
			&x.Start, &x.End, &x.Text)
		d.Stances = append(d.Stances, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("flags", "SELECT kind, detail, span_start, span_end FROM flags WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Flag
		err := r.Scan(&x.Kind, &x.Detail, &x.Start, &x.End)
		d.Flags = append(d.Flags, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each("refs", "SELECT span_start, span_end, label, outlet, title, date FROM refs WHERE doc = ? ORDER BY pos", func(r *sql.Rows) error {
		var x parley.Reference
		err := r.Scan(&x.Start, &x.End, &x.Label, &x.Outlet, &x.Title, &x.Date)
		d.References = append(d.References, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// nullRef holds the four nullable columns of an optional actor reference.
type nullRef struct {
	name, code sql.NullString
	start, end sql.NullInt64
}

func (n nullRef) ref() *parley.ActorRef {
	if !n.name.Valid {
		return nil
	}
	return &parley.ActorRef{Name: n.name.String, Code: n.code.String,
		Span: parley.Span{Start: int(n.start.Int64), End: int(n.end.Int64)}}
}

// scanQuote reads the quote columns in the order loadDocument and Quotes select them.
func scanQuote(r interface{ Scan(...any) error }, extra ...any) (parley.Quote, error) {
	var q parley.Quote
	var sp nullRef
	var cueText sql.NullString
	var cueStart, cueEnd sql.NullInt64
	dest := []any{&q.Start, &q.End, &q.Text, &q.Kind, &sp.name, &sp.code, &sp.start, &sp.end,
		&cueText, &cueStart, &cueEnd, &q.Date}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return q, err
	}
	q.Speaker = sp.ref()
	if cueText.Valid {
		q.Cue = &parley.Cue{Text: cueText.String, Span: parley.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64)}}
	}
	return q, nil
}
