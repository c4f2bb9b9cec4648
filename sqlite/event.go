package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parleynews/parley"
)

// actorMatches reports whether a resolved actor passes an actor filter: a case-insensitive part
// of its name, or a prefix of its code (USA matches USAGOV).
func actorMatches(filter, name, code string) bool {
	if filter == "" {
		return true
	}
	f := strings.ToLower(filter)
	return strings.Contains(strings.ToLower(name), f) || (code != "" && strings.HasPrefix(strings.ToUpper(code), strings.ToUpper(filter)))
}

// dated builds the shared part of the event and stance listings: the date bounds, compared
// with the row's own date or else its document's, and the order.
func dated(op string, since, until string) (where []string, args []any, err error) {
	lo, err := dateBound(since)
	if err != nil {
		return nil, nil, &parley.Error{Code: parley.EINVALID, Message: "sqlite: " + op + ": since", Err: err}
	}
	hi, err := dateBound(until)
	if err != nil {
		return nil, nil, &parley.Error{Code: parley.EINVALID, Message: "sqlite: " + op + ": until", Err: err}
	}
	if lo != "" {
		where = append(where, "eff != '' AND substr(eff, 1, length(?)) >= ?")
		args = append(args, lo, lo)
	}
	if hi != "" {
		where = append(where, "eff != '' AND substr(eff, 1, length(?)) <= ?")
		args = append(args, hi, hi)
	}
	return where, args, nil
}

// Events lists stored events that pass every non-zero field of f, in date order (the event's
// date, else its document's), then ingest order; undated events come last.
func (db *DB) Events(ctx context.Context, f parley.EventFilter) ([]parley.StoredEvent, error) {
	where, args, err := dated("events", f.Since, f.Until)
	if err != nil {
		return nil, err
	}
	if f.PLOVER != "" {
		where = append(where, "plover = ?")
		args = append(args, strings.ToUpper(f.PLOVER))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultQuoteLimit
	}
	query := `SELECT source_name, source_code, source_start, source_end, target_name, target_code, target_start, target_end,
		cameo, plover, goldstein, quad_class, mode, date, date_text, span_start, span_end, text, doc_id, source, published
		FROM (SELECT e.*, d.id AS doc_id, d.source, d.published, d.seq,
			CASE WHEN e.date != '' THEN e.date ELSE substr(d.published, 1, 10) END AS eff
			FROM events e JOIN documents d ON d.seq = e.doc)`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY eff = '', eff, seq, pos"
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	source := strings.ToLower(f.Source)
	var out []parley.StoredEvent
	for rows.Next() {
		var e parley.StoredEvent
		var src, tgt nullRef
		if err := rows.Scan(&src.name, &src.code, &src.start, &src.end, &tgt.name, &tgt.code, &tgt.start, &tgt.end,
			&e.CAMEO, &e.PLOVER, &e.Goldstein, &e.QuadClass, &e.Mode, &e.Date, &e.DateText, &e.Start, &e.End, &e.Text,
			&e.DocumentID, &e.Source, &e.Published); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		e.Event.Source, e.Target = src.ref(), tgt.ref()
		if f.Actor != "" {
			ok := false
			for _, a := range []*parley.ActorRef{e.Event.Source, e.Target} {
				if a != nil && actorMatches(f.Actor, a.Name, a.Code) {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if source != "" && !strings.Contains(strings.ToLower(e.Source), source) {
			continue
		}
		out = append(out, e)
		if len(out) == limit {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return out, nil
}

// Stances lists stored stances that pass every non-zero field of f, in date order (the
// stance's date, else its document's), then ingest order; undated stances come last.
func (db *DB) Stances(ctx context.Context, f parley.StanceFilter) ([]parley.StoredStance, error) {
	where, args, err := dated("stances", f.Since, f.Until)
	if err != nil {
		return nil, err
	}
	if f.Issue != "" {
		where = append(where, "issue = ?")
		args = append(args, f.Issue)
	}
	if f.Polarity != "" {
		where = append(where, "polarity = ?")
		args = append(args, f.Polarity)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultQuoteLimit
	}
	query := `SELECT actor_name, actor_code, actor_start, actor_end, issue, polarity, date, span_start, span_end, text,
		doc_id, source, published
		FROM (SELECT s.*, d.id AS doc_id, d.source, d.published, d.seq,
			CASE WHEN s.date != '' THEN s.date ELSE substr(d.published, 1, 10) END AS eff
			FROM stances s JOIN documents d ON d.seq = s.doc)`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY eff = '', eff, seq, pos"
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stances: %w", err)
	}
	defer rows.Close()
	source := strings.ToLower(f.Source)
	var out []parley.StoredStance
	for rows.Next() {
		var s parley.StoredStance
		if err := rows.Scan(&s.Actor.Name, &s.Actor.Code, &s.Actor.Start, &s.Actor.End, &s.Issue, &s.Polarity, &s.Date,
			&s.Start, &s.End, &s.Text, &s.DocumentID, &s.Source, &s.Published); err != nil {
			return nil, fmt.Errorf("sqlite: stances: %w", err)
		}
		if !actorMatches(f.Actor, s.Actor.Name, s.Actor.Code) {
			continue
		}
		if source != "" && !strings.Contains(strings.ToLower(s.Source), source) {
			continue
		}
		out = append(out, s)
		if len(out) == limit {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stances: %w", err)
	}
	return out, nil
}
