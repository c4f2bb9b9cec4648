package cli

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/sqlite"
)

// openExisting opens the store for commands that only read it: a missing file is a mistake
// (a wrong --db, or nothing ingested yet), not a reason to create an empty store.
func (m *Main) openExisting(ctx context.Context, flagValue string) (*sqlite.DB, error) {
	path, err := m.dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, parley.Errorf(parley.ENOTFOUND, "no store at %s: run 'parley ingest' first, or give --db", path)
	}
	return sqlite.Open(ctx, path)
}
