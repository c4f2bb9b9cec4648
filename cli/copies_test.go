package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const wire = `Ministers from twelve countries met in Geneva on Thursday to discuss a framework for monitoring a ceasefire along the contact line, officials said.
The draft, seen by reporters, would place unarmed observers in a strip thirty kilometres wide and set up a hotline between the two militaries.
Diplomats said the text still had to be approved by capitals and that several delegations wanted stronger language on prisoner exchanges.
The next round of talks is expected to take place later this month, possibly in Vienna, after technical teams have met to settle the maps.`

func TestCopiesFlagged(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "a.txt")
	copy := filepath.Join(dir, "b.txt")
	other := filepath.Join(dir, "c.txt")
	os.WriteFile(orig, []byte("Geneva talks yield draft\n"+wire), 0o644)
	// The same wire story under another site's furniture and headline, one paragraph trimmed.
	trimmed := wire[:strings.LastIndex(wire, "\n")]
	os.WriteFile(copy, []byte("Skip to content\nWORLD\nObservers may patrol the line, draft says\n"+trimmed+"\nShare this article\nRead more:"), 0o644)
	os.WriteFile(other, []byte("The central bank left its main interest rate unchanged on Thursday, citing uncertainty about energy prices and wages.\nEconomists had expected the decision, though two members of the board voted for a cut, according to the minutes published afterwards.\nThe bank said it would look again at rates in the spring, when new forecasts for growth and inflation are due."), 0o644)

	code, out, errOut := run(t, nil, "", "analyze", orig, copy, other)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rs := records(t, out)
	dup := func(i int) string {
		for _, f := range rs[i].Flags {
			if f.Kind == "duplicate-of" {
				return f.Detail
			}
		}
		return ""
	}
	if dup(0) != "" || dup(2) != "" || dup(1) != rs[0].ID {
		t.Fatalf("duplicate-of flags: %q %q %q (first id %s)", dup(0), dup(1), dup(2), rs[0].ID)
	}

	// Across ingests: the store remembers signatures, so a later copy is still recognised.
	env := map[string]string{"PARLEY_DB": filepath.Join(dir, "store.db")}
	if code, out, errOut := run(t, env, "", "ingest", orig); code != 0 {
		t.Fatalf("ingest: %s%s", out, errOut)
	}
	if code, out, errOut := run(t, env, "", "ingest", copy, other); code != 0 {
		t.Fatalf("ingest: %s%s", out, errOut)
	}
	code, out, errOut = run(t, env, "", "export")
	if code != 0 {
		t.Fatalf("export: %s%s", out, errOut)
	}
	rs = records(t, out)
	if len(rs) != 3 || dup(1) != rs[0].ID || dup(2) != "" {
		t.Fatalf("after two ingests: %d records, flags %q %q", len(rs), dup(1), dup(2))
	}
}
