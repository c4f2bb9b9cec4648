package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleynews/parley/internal/shared"
)

// TestSeedsBrief ingests the seed articles and checks the brief an analyst would read: one
// story of all five, Trump's positions on US troops and NATO membership with the sources they
// rest on, and an HTML rendering of the same.
func TestSeedsBrief(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(shared.Dir(t, "corpus", "seeds"), "*.txt"))
	profile := filepath.Join("..", "examples", "profiles", "ukraine-security-2025.yaml")
	env := map[string]string{"PARLEY_DB": filepath.Join(t.TempDir(), "store.db"), "PARLEY_PROFILE": profile}
	if code, out, errOut := run(t, env, "", append([]string{"ingest"}, seeds...)...); code != 0 {
		t.Fatalf("ingest: %s%s", out, errOut)
	}
	code, out, errOut := run(t, env, "", "stories")
	if code != 0 || !strings.Contains(out, "5 documents") {
		t.Fatalf("stories: exit %d\n%s%s", code, out, errOut)
	}
	code, md, errOut := run(t, env, "", "brief")
	if code != 0 {
		t.Fatalf("brief: exit %d %s", code, errOut)
	}
	// The matrix row of Donald Trump: opposes on both issues, each cell citing evidence.
	i, j := strings.Index(md, "## Positions"), strings.Index(md, "## Timeline")
	if i < 0 || j < i {
		t.Fatalf("no positions section:\n%s", md)
	}
	positions := md[i:j]
	row := regexp.MustCompile(`(?m)^\| Donald Trump \|.*$`).FindString(positions)
	if row == "" {
		t.Fatalf("no matrix row for Donald Trump:\n%s", md)
	}
	header := regexp.MustCompile(`(?m)^\| actor \|.*$`).FindString(positions)
	cols := strings.Split(header, "|")
	cells := strings.Split(row, "|")
	for _, issue := range []string{"us-troops", "nato-membership"} {
		found := false
		for i, c := range cols {
			if strings.TrimSpace(c) == issue && i < len(cells) {
				found = true
				if !strings.Contains(cells[i], "opposes") || !strings.Contains(cells[i], "](#e") {
					t.Errorf("Trump on %s: %q, want opposes with evidence", issue, cells[i])
				}
			}
		}
		if !found {
			t.Errorf("no column for %s in %q", issue, header)
		}
	}
	// The evidence of the us-troops position names both documents that report it.
	line := regexp.MustCompile(`(?m)^- \*\*Donald Trump\*\* on \*\*us-troops\*\*.*$`).FindString(md)
	refs := regexp.MustCompile(`#e(\d+)`).FindAllStringSubmatch(line, -1)
	sources := map[string]bool{}
	for _, r := range refs {
		ev := regexp.MustCompile(`(?m)^<a id="e` + r[1] + `"></a>\*\*E\d+\*\* ` + "`([^`]+)`").FindStringSubmatch(md)
		if ev != nil {
			sources[filepath.Base(ev[1])[:3]] = true
		}
	}
	if !sources["003"] || !sources["004"] {
		t.Errorf("Trump's us-troops position cites %v, want seeds 003 and 004:\n%s", sources, line)
	}
	if !strings.Contains(md, "Donald Trump met Volodymyr Zelensky") {
		t.Errorf("the Oval Office meeting is not among the corroborated facts")
	}

	out = filepath.Join(t.TempDir(), "brief.html")
	if code, _, errOut := run(t, env, "", "brief", "--format", "html", "-o", out); code != 0 {
		t.Fatalf("html brief: %s", errOut)
	}
	page, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(page), "<svg") || !strings.Contains(string(page), "us-troops") {
		t.Fatalf("html brief: %v\n%.500s", err, page)
	}
}
