package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Validator returns the HTTP validators kept for url; ok is false when there are none.
func (db *DB) Validator(ctx context.Context, url string) (etag, lastModified string, ok bool, err error) {
	err = db.read.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_validators WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("sqlite: validators of %s: %w", url, err)
	}
	return etag, lastModified, true, nil
}

// PutValidator keeps the HTTP validators of url, replacing earlier ones; with both empty it
// forgets url.
func (db *DB) PutValidator(ctx context.Context, url, etag, lastModified string) error {
	var err error
	if etag == "" && lastModified == "" {
		_, err = db.write.ExecContext(ctx, `DELETE FROM http_validators WHERE url = ?`, url)
	} else {
		_, err = db.write.ExecContext(ctx, `INSERT INTO http_validators (url, etag, last_modified) VALUES (?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`, url, etag, lastModified)
	}
	if err != nil {
		return fmt.Errorf("sqlite: put validators of %s: %w", url, err)
	}
	return nil
}
