package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/storetest"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.Store { return openTemp(t) })
}

func TestOpenSettings(t *testing.T) {
	db := openTemp(t)
	ctx := t.Context()
	for name, conn := range map[string]querier{"write": db.write, "read": db.read} {
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"foreign_keys": "1",
			"busy_timeout": strconv.Itoa(int(busyTimeout / time.Millisecond)),
			"synchronous":  "1", // NORMAL
		} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatalf("%s pool: PRAGMA %s: %v", name, pragma, err)
			}
			if got != want {
				t.Errorf("%s pool: PRAGMA %s = %s, want %s", name, pragma, got, want)
			}
		}
	}
	// The read pool cannot write, so a bug cannot slip a write past the single writer.
	if _, err := db.read.ExecContext(ctx, "DELETE FROM documents"); err == nil {
		t.Error("read pool accepted a write")
	}
}

func TestOpenPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		filepath.Join("a", "b", "c", "parley.db"), // missing parents are made
		"with space.db",
		"odd?name#with%25chars&x=y.db", // characters that mean something in a URI
		"ünïcode.db",
	} {
		path := filepath.Join(dir, name)
		db, err := Open(t.Context(), path)
		if err != nil {
			t.Errorf("Open(%q): %v", name, err)
			continue
		}
		if db.Path() != path {
			t.Errorf("Path() = %q, want %q", db.Path(), path)
		}
		if _, err := db.PutDocument(t.Context(), storetest.Rich()); err != nil {
			t.Errorf("Open(%q): put: %v", name, err)
		}
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("Open(%q) did not create the file where asked: %v", name, err)
		}
	}
	if _, err := Open(t.Context(), ""); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("Open(\"\") = %v, want EINVALID", err)
	}
	// A file that is not a database is refused as bad input, and left alone.
	junk := filepath.Join(dir, "notes.txt")
	content := []byte(strings.Repeat("These are my notes, not a database.\n", 200))
	if err := os.WriteFile(junk, content, 0o644); err != nil {
		t.Fatal(err)
	}
	if db, err := Open(t.Context(), junk); parley.ErrorCode(err) != parley.EINVALID {
		if err == nil {
			db.Close()
		}
		t.Errorf("Open(text file) = %v, want EINVALID", err)
	}
	if b, _ := os.ReadFile(junk); string(b) != string(content) {
		t.Error("Open changed a file that is not a database")
	}
	// A directory cannot be a store.
	if db, err := Open(t.Context(), dir); err == nil {
		db.Close()
		t.Errorf("Open(directory) succeeded")
	}
}

func TestMigrationsRunOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].version != 1 {
		t.Fatalf("embedded migrations = %+v, want a first version 1", ms)
	}
	d := storetest.Rich()
	for i := range 3 {
		db, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var n, newest int
		if err := db.read.QueryRowContext(t.Context(), "SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &newest); err != nil {
			t.Fatal(err)
		}
		if n != len(ms) || newest != ms[len(ms)-1].version {
			t.Errorf("open %d: schema_migrations has %d rows up to version %d, want %d up to %d", i, n, newest, len(ms), ms[len(ms)-1].version)
		}
		created, err := db.PutDocument(t.Context(), d)
		if err != nil || created != (i == 0) {
			t.Errorf("open %d: PutDocument = %v, %v", i, created, err)
		}
		if c, err := db.Count(t.Context()); err != nil || c != 1 {
			t.Errorf("open %d: Count = %d, %v; want 1", i, c, err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.ExecContext(t.Context(),
		"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 'later')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(t.Context(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a store with a newer schema succeeded")
	}
	if parley.ErrorCode(err) != parley.ECONFLICT {
		t.Fatalf("Open of a newer store: %v (code %s), want ECONFLICT", err, parley.ErrorCode(err))
	}
	if !strings.Contains(err.Error(), "9999") || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q should name the store and its schema version", err)
	}
}

func TestConcurrentPut(t *testing.T) {
	db := openTemp(t)
	const workers, each = 8, 10
	shared := storetest.Rich()
	var wg sync.WaitGroup
	var mu sync.Mutex
	sharedCreated := 0
	errs := make(chan error, workers*(each+1))
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				created, err := db.PutDocument(t.Context(), storetest.Generate(w*each+i))
				if err != nil || !created {
					errs <- fmt.Errorf("worker %d put %d: created %v, %v", w, i, created, err)
				}
				if i == each/2 {
					// Every worker also tries the same document: exactly one may create it.
					created, err := db.PutDocument(t.Context(), shared)
					if err != nil {
						errs <- err
					}
					if created {
						mu.Lock()
						sharedCreated++
						mu.Unlock()
					}
					// Reads run alongside the writes.
					if _, err := db.Search(t.Context(), "government talks", 5); err != nil {
						errs <- err
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if sharedCreated != 1 {
		t.Errorf("the shared document was created %d times, want 1", sharedCreated)
	}
	if n, err := db.Count(t.Context()); err != nil || n != workers*each+1 {
		t.Errorf("Count = %d, %v; want %d", n, err, workers*each+1)
	}
	for n := range workers * each {
		want := storetest.Generate(n)
		got, err := db.Document(t.Context(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := storetest.Diff(want, got); d != "" {
			t.Fatalf("document %d after concurrent puts:\n%s", n, d)
		}
	}
}

func TestPutInvalid(t *testing.T) {
	db := openTemp(t)
	withText := func(f func(d *parley.Document)) *parley.Document {
		d := storetest.Rich()
		f(d)
		return d
	}
	for name, d := range map[string]*parley.Document{
		"nil":                nil,
		"no ID":              withText(func(d *parley.Document) { d.ID = "" }),
		"paragraph past end": withText(func(d *parley.Document) { d.Paragraphs[1].End = len(d.Text) + 1 }),
		"negative start":     withText(func(d *parley.Document) { d.Sentences[0].Start = -1 }),
		"reversed span":      withText(func(d *parley.Document) { d.Flags[0].Start = d.Flags[0].End + 1 }),
		"mention outside":    withText(func(d *parley.Document) { d.Actors[0].Mentions[0].End = 1 << 30 }),
		"speaker outside":    withText(func(d *parley.Document) { d.Quotes[0].Speaker.End = len(d.Text) + 5 }),
		"cue outside":        withText(func(d *parley.Document) { d.Quotes[0].Cue.Start = -3 }),
		"target outside":     withText(func(d *parley.Document) { d.Events[1].Target.Start = len(d.Text) + 1 }),
		"stance actor":       withText(func(d *parley.Document) { d.Stances[0].Actor.End = len(d.Text) + 1 }),
		"reference":          withText(func(d *parley.Document) { d.References[0].End = len(d.Text) + 1 }),
		"removal":            withText(func(d *parley.Document) { d.Removed[0].Start = -1 }),
		"NaN Goldstein":      withText(func(d *parley.Document) { d.Events[0].Goldstein = math.NaN() }),
	} {
		created, err := db.PutDocument(t.Context(), d)
		if created || parley.ErrorCode(err) != parley.EINVALID {
			t.Errorf("%s: PutDocument = %v, %v; want EINVALID", name, created, err)
		}
	}
	if n, err := db.Count(t.Context()); err != nil || n != 0 {
		t.Errorf("Count after refused puts = %d, %v; want 0", n, err)
	}
	// Infinite scores are odd but storable.
	d := withText(func(d *parley.Document) { d.Events[0].Goldstein = math.Inf(-1) })
	if _, err := db.PutDocument(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got, err := db.Document(t.Context(), d.ID)
	if err != nil || !math.IsInf(got.Events[0].Goldstein, -1) {
		t.Errorf("Goldstein -Inf read back as %v, %v", got.Events[0].Goldstein, err)
	}
}

func TestPutCancelled(t *testing.T) {
	db := openTemp(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := db.PutDocument(ctx, storetest.Rich()); err == nil {
		t.Fatal("PutDocument with a cancelled context succeeded")
	}
	if n, err := db.Count(t.Context()); err != nil || n != 0 {
		t.Errorf("Count = %d, %v; want 0", n, err)
	}
	// The writer is usable afterwards.
	if created, err := db.PutDocument(t.Context(), storetest.Rich()); err != nil || !created {
		t.Fatalf("PutDocument after a cancelled one = %v, %v", created, err)
	}
}

// Text is stored as given, bytes that are not UTF-8 and NULs included.
func TestOddText(t *testing.T) {
	db := openTemp(t)
	d := &parley.Document{ID: "0dd0", Source: "odd\x00source", Title: "bad \xff\xfe title",
		Text: "nul\x00inside, \xc3 broken UTF-8, and a snowman ☃.", Paragraphs: []parley.Span{{Start: 0, End: 7}}}
	if _, err := db.PutDocument(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got, err := db.Document(t.Context(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := storetest.Diff(d, got); diff != "" {
		t.Fatalf("odd text did not round-trip:\n%s", diff)
	}
	if _, err := db.Search(t.Context(), "snowman", 5); err != nil {
		t.Fatal(err)
	}
}

func TestSearchFallsBackToAnyWord(t *testing.T) {
	db := openTemp(t)
	if _, err := db.PutDocument(t.Context(), storetest.Rich()); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(t.Context(), "Grassley zyzzyva", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits: when all words cannot match, any word should")
	}
	// Prefix search, and stemming: "email" finds "emails".
	for _, q := range []string{"Grass*", "email"} {
		hits, err := db.Search(t.Context(), q, 5)
		if err != nil || len(hits) == 0 {
			t.Errorf("Search(%q) = %v, %v; want hits", q, hits, err)
		}
	}
	// Quote hits name their speaker.
	hits, err = db.Search(t.Context(), "transparency", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Kind == "quote" && !strings.HasPrefix(h.Snippet, "John Kirby: ") {
			t.Errorf("quote snippet %q does not start with the speaker", h.Snippet)
		}
	}
}

func TestQueryTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"", ""},
		{"Clinton emails", `"Clinton" "emails"`},
		{`  "Clinton"  `, `"""Clinton"""`},
		{"AND OR NOT", `"AND" "OR" "NOT"`},
		{"- * \" ( ) :", ""},
		{"clint*", `"clint"*`},
		{"clint**", `"clint"*`},
		{"*", ""},
		{"U.S. e-mails", `"U.S." "e-mails"`},
		{"a a A", `"a" "A"`},
		{"title:clinton", `"title:clinton"`},
		{"x\x00y", `"x" "y"`},
		{"\xffabc", `"abc"`},
		{"日本語 Zürich", `"日本語" "Zürich"`},
	} {
		if got := strings.Join(queryTerms(tc.in), " "); got != tc.want {
			t.Errorf("queryTerms(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if n := len(queryTerms(strings.Repeat("w ", 10) + strings.Repeat("x", 5) + strings.Repeat(" y z", 100))); n > maxQueryTerms {
		t.Errorf("queryTerms kept %d terms, want at most %d", n, maxQueryTerms)
	}
}

func TestDateBound(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"2015", "2015", true},
		{"2015-07", "2015-07", true},
		{"2015-07-01", "2015-07-01", true},
		{" 2015-07-01 ", "2015-07-01", true},
		{"2015-07-01T10:00:00+02:00", "2015-07-01", true},
		{"2015-02-30", "", false},
		{"2015-7-1", "", false},
		{"July 2015", "", false},
		{"20150701", "", false},
	} {
		got, err := dateBound(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("dateBound(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"abcd", "abce", true},
		{"ab\xff", "ac", true},
		{"\xff\xff", "", false},
	} {
		got, ok := prefixEnd(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("prefixEnd(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzSearch checks that no query text makes Search or Quotes fail.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"Clinton emails", `"`, "AND", "*", "-", "NEAR(a b)", "title:x", `a"b`, "\x00"} {
		f.Add(s)
	}
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "parley.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	if _, err := db.PutDocument(context.Background(), storetest.Rich()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(context.Background(), q, 5); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if _, err := db.Quotes(context.Background(), parley.QuoteFilter{Words: q, Speaker: q, Source: q}); err != nil {
			t.Fatalf("Quotes(%q): %v", q, err)
		}
	})
}

const crashEnv = "PARLEY_SQLITE_CRASH_STORE"

// TestCrashChild is the process TestCrashSafety kills: it stores generated documents until it
// dies.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process of TestCrashSafety")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for i := 0; time.Now().Before(deadline); i++ {
		if _, err := db.PutDocument(context.Background(), storetest.Generate(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCrashSafety kills a process with SIGKILL while it stores documents, then checks that
// every document is either whole or absent, and that the indexes agree with the tables.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs a killable subprocess")
	}
	path := filepath.Join(t.TempDir(), "parley.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()

	// Wait until the child has stored a few documents, then kill it mid-stream.
	deadline := time.Now().Add(90 * time.Second)
	for {
		if time.Now().After(deadline) {
			t.Fatal("the child stored too few documents in time")
		}
		time.Sleep(200 * time.Millisecond)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		n, err := countReadOnly(path)
		if err == nil && n >= 10 {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed = true
	cmd.Wait()

	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.write.QueryRowContext(t.Context(), "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	rows, err := db.write.QueryContext(t.Context(), "PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports dangling rows")
	}
	rows.Close()
	for _, table := range []string{"documents_fts", "quotes_fts"} {
		if _, err := db.write.ExecContext(t.Context(), fmt.Sprintf("INSERT INTO %s(%s, rank) VALUES ('integrity-check', 1)", table, table)); err != nil {
			t.Errorf("%s integrity check: %v", table, err)
		}
	}
	n := 0
	err = db.Documents(t.Context(), func(got *parley.Document) error {
		want := storetest.Generate(n)
		if d := storetest.Diff(want, got); d != "" {
			return fmt.Errorf("document %d after the crash:\n%s", n, d)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d documents survived, the child had stored at least 10", n)
	}
	t.Logf("%d documents survived the kill intact", n)
}

type querier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func openReadOnly(path string) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return sql.Open("sqlite", dsn(abs, false))
}

// countReadOnly counts documents without running migrations or taking the write lock.
func countReadOnly(path string) (int, error) {
	db, err := openReadOnly(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT count(*) FROM documents").Scan(&n)
	return n, err
}

// TestOpenWhileWriting opens an up-to-date store while another process's transaction holds the
// write lock, as 'parley search' does during an ingest: opening must not wait for it.
func TestOpenWhileWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	reader, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open while another writes: %v (after %v)", err, time.Since(start))
	}
	defer reader.Close()
	if _, err := reader.Count(ctx); err != nil {
		t.Fatalf("read while another writes: %v", err)
	}
}
