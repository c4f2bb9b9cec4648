package cli

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/sqlite"
)

const defaultDBHint = "the user's data directory ($XDG_DATA_HOME/parley/parley.db, ~/.local/share/parley/parley.db)"

// dbFlag adds the --db flag shared by every command that uses the store.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store file (default $PARLEY_DB, else "+defaultDBHint+")")
}

// dbPath resolves where the store lives: the flag, then PARLEY_DB, then the data directory.
func (m *Main) dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := m.Getenv("PARLEY_DB"); p != "" {
		return p, nil
	}
	if d := m.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "parley", "parley.db"), nil
	}
	home := m.Getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", parley.Errorf(parley.EINVALID, "no store given and no home directory: use --db PATH or PARLEY_DB")
		}
		home = h
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Application Support", "parley", "parley.db"), nil
	}
	return filepath.Join(home, ".local", "share", "parley", "parley.db"), nil
}

func (m *Main) openStore(ctx context.Context, flagValue string) (*sqlite.DB, error) {
	path, err := m.dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, path)
}
