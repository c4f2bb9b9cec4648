package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parleynews/parley"
)

const defaultQuoteLimit = 100

// Quotes lists stored quotes that pass every non-zero field of f:
//
//   - Speaker: a case-insensitive substring of the speaker's name, or the speaker's code;
//   - Words: every word occurs in the quote's text (full-text match, stemmed as in Search);
//   - Source: a case-insensitive substring of the document's source;
//   - Since, Until: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (an RFC 3339 time counts by its date),
//     inclusive, compared with the quote's date or, when it has none, the document's
//     published date; quotes with neither are left out;
//   - Limit: at most this many quotes, 100 when zero or less.
//
// Quotes come in date order, then ingest order, then order in the document; undated quotes
// come last.
func (db *DB) Quotes(ctx context.Context, f parley.QuoteFilter) ([]parley.StoredQuote, error) {
	since, err := dateBound(f.Since)
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "sqlite: quotes: since", Err: err}
	}
	until, err := dateBound(f.Until)
	if err != nil {
		return nil, &parley.Error{Code: parley.EINVALID, Message: "sqlite: quotes: until", Err: err}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultQuoteLimit
	}

	var where []string
	var args []any
	if strings.TrimSpace(f.Words) != "" {
		terms := queryTerms(f.Words)
		if len(terms) == 0 {
			return nil, nil // nothing searchable in the words: nothing can match them
		}
		for i, t := range terms {
			terms[i] = "text : " + t // the quote's words, not the speaker's name
		}
		where = append(where, "id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, strings.Join(terms, " "))
	}
	if since != "" {
		where = append(where, "eff != '' AND substr(eff, 1, length(?)) >= ?")
		args = append(args, since, since)
	}
	if until != "" {
		where = append(where, "eff != '' AND substr(eff, 1, length(?)) <= ?")
		args = append(args, until, until)
	}
	query := `SELECT span_start, span_end, text, kind,
		speaker_name, speaker_code, speaker_start, speaker_end, cue_text, cue_start, cue_end, date,
		doc_id, source
		FROM (SELECT q.*, d.id AS doc_id, d.source, d.seq,
			CASE WHEN q.date != '' THEN substr(q.date, 1, 10) ELSE substr(d.published, 1, 10) END AS eff
			FROM quotes q JOIN documents d ON d.seq = q.doc)`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY eff = '', eff, seq, pos"
	// Speaker and source are matched here in Go rather than in SQL, because SQLite's lower()
	// folds only ASCII and names are not ASCII-only. Rows stream, so only kept quotes cost
	// memory.
	speaker := strings.ToLower(f.Speaker)
	source := strings.ToLower(f.Source)

	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	var out []parley.StoredQuote
	for rows.Next() {
		var sq parley.StoredQuote
		sq.Quote, err = scanQuote(rows, &sq.DocumentID, &sq.Source)
		if err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		if speaker != "" {
			s := sq.Speaker
			if s == nil || !(strings.Contains(strings.ToLower(s.Name), speaker) || strings.EqualFold(s.Code, f.Speaker)) {
				continue
			}
		}
		if source != "" && !strings.Contains(strings.ToLower(sq.Source), source) {
			continue
		}
		out = append(out, sq)
		if len(out) == limit {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	return out, nil
}

// dateBound checks a Since or Until value and returns the date prefix to compare with.
func dateBound(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > 10 {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return "", fmt.Errorf("%q is not a date (want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)", s)
		}
		return s[:10], nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return s, nil
			}
		}
	}
	return "", fmt.Errorf("%q is not a date (want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)", s)
}
