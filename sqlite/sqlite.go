// Package sqlite is parley's embedded store: a parley.Store kept in one SQLite file, through the
// pure-Go driver modernc.org/sqlite so that the binary still builds with CGO_ENABLED=0.
//
// The file is opened in WAL mode. Writes go through a pool of exactly one connection whose
// transactions begin IMMEDIATE, so writers in this process queue in Go rather than spinning on
// SQLITE_BUSY, and writers in other processes wait on busy_timeout. Reads go through a separate
// pool and run in their own transactions, so a document is always read from one snapshot.
//
// Every document is written in one transaction together with its full-text index entries: a
// process killed mid-ingest leaves each document wholly present or wholly absent. With
// synchronous=NORMAL a power cut may lose the last few commits, never consistency.
//
// Read-back conventions: Document returns nil (never empty) slices for annotation lists that
// hold nothing, including Actor.Mentions, and Raw is not stored, so it is always nil.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parleynews/parley"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Compile-time check that *DB is a complete parley.Store.
var _ parley.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a connection waits for another process's write lock before it gives
// up with SQLITE_BUSY. Ingest transactions are short, so this is generous.
const busyTimeout = 10 * time.Second

// DB is a parley store in one SQLite file. It is safe for concurrent use.
type DB struct {
	// Now returns the time recorded as a document's ingested_at. It defaults to time.Now;
	// tests replace it to control time.
	Now func() time.Time

	path  string
	write *sql.DB // one connection, BEGIN IMMEDIATE: the only writer of this process
	read  *sql.DB // many connections for readers
}

// Open opens the store at path, creating the file and its parent directories when missing,
// and brings the schema up to date. A store written by a newer parley, whose schema this binary
// does not know, is refused with a *parley.Error of code ECONFLICT.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, parley.Errorf(parley.EINVALID, "sqlite: open: empty store path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}

	db := &DB{Now: time.Now, path: path}
	db.write, err = sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	db.write.SetConnMaxIdleTime(0)

	// Switching to WAL writes the file header, so do it once here on the writer, before any
	// reader connects; the mode is then a property of the file.
	if err := db.initFile(ctx); err != nil {
		db.write.Close()
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB {
			return nil, &parley.Error{Code: parley.EINVALID,
				Message: fmt.Sprintf("sqlite: open %s: not a parley store (not an SQLite database)", path), Err: err}
		}
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.write.Close()
		var pe *parley.Error
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}

	db.read, err = sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(n)
	db.read.SetMaxIdleConns(n)
	if err := db.read.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// dsn builds the driver's connection string. The file: URI form is used so that a path holding
// '?' or '#' reaches SQLite intact (percent-encoded) instead of being cut at the '?'. The
// settings are per connection and go in the DSN so that every connection a pool opens has
// them, not only the first.
func dsn(abs string, writer bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.Itoa(int(busyTimeout/time.Millisecond)))
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "NORMAL")
	if writer {
		// IMMEDIATE takes the write lock at BEGIN, where busy_timeout can wait for it. A
		// deferred transaction that reads and then writes can instead fail at once with
		// SQLITE_BUSY when another process committed in between.
		q.Set("_txlock", "immediate")
	} else {
		q.Set("_query_only", "1")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	if !strings.HasPrefix(u.Path, "/") { // Windows: file:///C:/...
		u.Path = "/" + u.Path
	}
	return u.String()
}

func (db *DB) initFile(ctx context.Context) error {
	var mode string
	if err := db.write.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("set WAL mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("set WAL mode: journal mode is still %q", mode)
	}
	return nil
}

// Path returns the path the store was opened with.
func (db *DB) Path() string { return db.path }

// Close closes the store. Calling it more than once is harmless.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", db.path, err)
	}
	return nil
}

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in version order. The version is the number the file
// name starts with: 0001_init.sql is version 1.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var ms []migration
	seen := map[int]string{}
	for _, name := range names {
		base := filepath.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", base)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", prev, base, v)
		}
		seen[v] = base
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", base, err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the embedded migrations the store lacks, each in its own transaction. The
// check for "already applied" happens inside that transaction, under the write lock, so two
// processes opening a fresh store at once do not both run a migration.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	// An up-to-date store is opened with reads alone: a search while an ingest runs must not
	// queue for the write lock just to find that there is nothing to migrate.
	var tables int
	if err := db.write.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&tables); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if tables == 0 {
		if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
	}
	known := 0
	if len(ms) > 0 {
		known = ms[len(ms)-1].version
	}
	var newest int
	if err := db.write.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&newest); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if newest > known {
		return parley.Errorf(parley.ECONFLICT,
			"sqlite: store %s has schema version %d, newer than the %d this parley knows: upgrade parley",
			db.path, newest, known)
	}
	if newest == known {
		return nil // migrations apply in order, so the newest one applied means all are
	}
	for _, m := range ms {
		if err := db.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, m migration) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, db.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: record: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return nil
}
