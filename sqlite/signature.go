package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleynews/parley"
)

// PutSignature keeps the copy-detection signature of the stored document id, replacing any
// earlier one.
func (db *DB) PutSignature(ctx context.Context, id string, sig []byte) error {
	res, err := db.write.ExecContext(ctx, `INSERT OR REPLACE INTO signatures (doc, sig)
		SELECT seq, ? FROM documents WHERE id = ?`, sig, id)
	if err != nil {
		return fmt.Errorf("sqlite: put signature of %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return parley.Errorf(parley.ENOTFOUND, "no document %s", id)
	}
	return nil
}

// Signatures calls fn for every stored document in ingest order with its signature, or with a
// nil signature and its text when it has none yet.
func (db *DB) Signatures(ctx context.Context, fn func(id string, sig []byte, text func() (string, error)) error) error {
	rows, err := db.read.QueryContext(ctx, `SELECT d.id, s.sig FROM documents d LEFT JOIN signatures s ON s.doc = d.seq ORDER BY d.seq`)
	if err != nil {
		return fmt.Errorf("sqlite: signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return fmt.Errorf("sqlite: signatures: %w", err)
		}
		text := func() (string, error) {
			var t string
			err := db.read.QueryRowContext(ctx, "SELECT text FROM documents WHERE id = ?", id).Scan(&t)
			if errors.Is(err, sql.ErrNoRows) {
				return "", parley.Errorf(parley.ENOTFOUND, "no document %s", id)
			}
			return t, err
		}
		if err := fn(id, sig, text); err != nil {
			return err
		}
	}
	return rows.Err()
}
