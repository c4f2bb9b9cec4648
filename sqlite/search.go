package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/parleynews/parley"
)

// Snippet marks: Search wraps every matched term of a snippet in MarkOpen and MarkClose, and
// joins the fragments of a long text with Ellipsis. The marks are plain brackets so snippets
// stay readable in a terminal; a reader that must tell them from brackets in the article
// should look at the terms it searched for.
const (
	MarkOpen  = "["
	MarkClose = "]"
	Ellipsis  = "…"
)

const (
	defaultSearchLimit = 20
	maxSearchLimit     = 1000
	maxQueryTerms      = 32
	snippetTokens      = 16 // words per snippet, FTS5's upper limit is 64
)

// Title matches weigh more than body matches: an article about a subject usually names it in
// the title, while a passing mention does not.
// The weights go to FTS5 as "rank MATCH", with ORDER BY rank, so that FTS5 sorts the matches
// itself and SQLite stops after limit rows: snippets are then made for the rows returned only,
// not for every match.
const (
	docRank   = "bm25(5.0, 1.0)"
	quoteRank = "bm25(2.0, 1.0)"
)

// Search ranks documents and quotes against a query of plain words. The query is never passed
// to FTS5 as syntax: each whitespace-separated word becomes a quoted term (a trailing * keeps
// its prefix meaning), all terms must match, and when that finds nothing any term may match.
// Words with no letter or digit are dropped, so a query of only punctuation finds nothing
// rather than failing. Score is the negated bm25 relative to the best hit of its kind (higher is
// better, 1 at most); a limit of 0 or less means
// 20.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]parley.SearchHit, error) {
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	limit = min(limit, maxSearchLimit)
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	hits, err := db.search(ctx, strings.Join(terms, " "), limit)
	if err == nil && len(hits) == 0 && len(terms) > 1 {
		hits, err = db.search(ctx, strings.Join(terms, " OR "), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return hits, nil
}

// queryTerms turns free text into FTS5 terms that cannot be read as operators: every word is a
// double-quoted string (inner quotes doubled), which FTS5 tokenises like the indexed text, so
// "U.S." becomes the phrase "u s" and AND, NEAR or a leading - are just words.
func queryTerms(query string) []string {
	query = strings.ToValidUTF8(query, " ")
	words := strings.FieldsFunc(query, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	var terms []string
	seen := map[string]bool{}
	for _, w := range words {
		prefix := false
		if t := strings.TrimRight(w, "*"); t != w {
			w, prefix = t, true
		}
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		t := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		if seen[t] {
			continue
		}
		seen[t] = true
		terms = append(terms, t)
		if len(terms) == maxQueryTerms {
			break
		}
	}
	return terms
}

func (db *DB) search(ctx context.Context, match string, limit int) ([]parley.SearchHit, error) {
	type ranked struct {
		parley.SearchHit
		seq int64
		pos int
	}
	var all []ranked
	rows, err := db.read.QueryContext(ctx, `SELECT d.id, d.source, d.title, d.seq,
		snippet(documents_fts, -1, ?, ?, ?, ?), rank
		FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
		WHERE documents_fts MATCH ? AND rank MATCH ? ORDER BY rank LIMIT ?`,
		MarkOpen, MarkClose, Ellipsis, snippetTokens, match, docRank, limit)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	for rows.Next() {
		h := ranked{SearchHit: parley.SearchHit{Kind: "document"}}
		if err := rows.Scan(&h.DocumentID, &h.Source, &h.Title, &h.seq, &h.Snippet, &h.Score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("documents: %w", err)
		}
		h.Score = -h.Score
		h.Snippet = oneLine(h.Snippet)
		all = append(all, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}

	// A quote hit shows who said it, then the words: "[Clinton]: we will …".
	rows, err = db.read.QueryContext(ctx, `SELECT d.id, d.source, d.title, d.seq, q.pos,
		coalesce(highlight(quotes_fts, 1, ?, ?), ''), snippet(quotes_fts, 0, ?, ?, ?, ?), rank
		FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.seq = q.doc
		WHERE quotes_fts MATCH ? AND rank MATCH ? ORDER BY rank LIMIT ?`,
		MarkOpen, MarkClose, MarkOpen, MarkClose, Ellipsis, snippetTokens, match, quoteRank, limit)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	for rows.Next() {
		h := ranked{SearchHit: parley.SearchHit{Kind: "quote"}}
		var speaker, words string
		if err := rows.Scan(&h.DocumentID, &h.Source, &h.Title, &h.seq, &h.pos, &speaker, &words, &h.Score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("quotes: %w", err)
		}
		h.Score = -h.Score
		h.Snippet = oneLine(words)
		if speaker != "" {
			h.Snippet = speaker + ": " + words
		}
		all = append(all, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}

	// bm25 of two indexes is not one scale: a short quote that holds every query word scores
	// far above the article it comes from, only for being short. Each kind is ranked against
	// its own best hit, and the two interleave on that, an article first where they tie.
	best := map[string]float64{}
	for _, h := range all {
		best[h.Kind] = max(best[h.Kind], h.Score)
	}
	for i := range all {
		if b := best[all[i].Kind]; b > 0 {
			all[i].Score /= b
		}
	}
	slices.SortStableFunc(all, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.seq, b.seq), cmp.Compare(a.pos, b.pos))
	})
	if len(all) > limit {
		all = all[:limit]
	}
	hits := make([]parley.SearchHit, len(all))
	for i, h := range all {
		hits[i] = h.SearchHit
	}
	return hits, nil
}

// oneLine folds the line breaks and runs of spaces of a snippet into single spaces, so that it
// prints as one line in a terminal or a list.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}
