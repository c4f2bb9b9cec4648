package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/sqlite"
)

func TestIngestPolnearTwiceAndSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 840 articles")
	}
	corpus := shared.Dir(t, "bench", "polnear", "train", "text")
	env := map[string]string{"PARLEY_DB": filepath.Join(t.TempDir(), "store.db")}
	code, out, errOut := run(t, env, "", "ingest", corpus)
	if code != 0 || !regexp.MustCompile(`ingested 840 documents: (\d+) new, (\d+) new sources? `).MatchString(out) || sourceCount(t, env["PARLEY_DB"]) != 840 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, env, "", "ingest", corpus)
	if code != 0 || !strings.Contains(out, "0 new, 0 new sources of stored texts, 840 already stored") || sourceCount(t, env["PARLEY_DB"]) != 840 {
		t.Fatalf("second ingest: %s", out)
	}
	code, out, errOut = run(t, env, "", "search", "Clinton emails")
	if code != 0 {
		t.Fatalf("search: exit %d %s", code, errOut)
	}
	hits := regexp.MustCompile(`(?m)^ *\d+\. `).FindAllString(out, -1)
	if len(hits) < 5 || !strings.Contains(strings.ToLower(out), "[email") || !strings.Contains(out, "source: ") {
		t.Fatalf("want ranked hits with snippets, got:\n%s", out)
	}
}

// TestIngestSurvivesSIGKILL kills a real ingest process mid-way, checks that the store it leaves
// is consistent, and runs the ingest again to completion.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds parley and ingests 840 articles")
	}
	corpus := shared.Dir(t, "bench", "polnear", "train", "text")
	dir := t.TempDir()
	bin := filepath.Join(dir, "parley")
	build := exec.Command("go", "build", "-o", bin, "../cmd/parley")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "store.db")
	ctx := context.Background()

	cmd := exec.Command(bin, "ingest", "--db", db, "--workers", "1", corpus)
	var childOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &childOut, &childOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some documents are in, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	stored := 0
	for stored < 40 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("ingest stored only %d documents in 60 s; it said:\n%s", stored, childOut.String())
		}
		time.Sleep(50 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		stored = countDocs(t, ctx, db)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("store after SIGKILL does not open: %v", err)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	if err := raw.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	raw.Close()
	before, err := store.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sourcesBefore := sourceCount(t, db)
	if before >= 840 {
		t.Fatalf("ingest finished (%d documents) before it was killed: the test proves nothing", before)
	}
	// Every stored document is whole: it loads, and its sentences are there.
	err = store.Documents(ctx, func(d *parley.Document) error {
		if len(d.Sentences) == 0 || d.Text == "" {
			t.Errorf("document %s stored without its annotations", d.ID)
		}
		return nil
	})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}

	out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	want := regexp.MustCompile(`ingested 840 documents: (\d+) new, (\d+) new sources? of stored texts, (\d+) already stored, 0 failed`)
	m := want.FindStringSubmatch(string(out))
	if m == nil || m[3] != itoa(sourcesBefore) {
		t.Fatalf("rerun after %d stored: %s", before, out)
	}
	if n := sourceCount(t, db); n != 840 {
		t.Fatalf("%d articles recorded after the rerun, want 840", n)
	}
}

func countDocs(t *testing.T, ctx context.Context, path string) int {
	t.Helper()
	// Read-only and without the store's own Open, whose migration check takes the write lock:
	// polling through it would compete with the ingest it watches.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0 // the child may be creating the schema right now
	}
	return n
}

// sourceCount is how many article sources the store has recorded: every file read is one, even
// when two files hold the same text (PolNeAR's train split has such a pair).
func sourceCount(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM document_sources").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
