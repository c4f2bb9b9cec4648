package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkspaceProfile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "parley-profile.yaml"), []byte("issues:\n  - id: air-defence\n    terms: [air defence systems]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Mayor Ann Lee demanded air defence systems for the city."), 0o644)
	t.Chdir(dir)

	code, out, errOut := run(t, map[string]string{}, "", "analyze", "a.txt")
	if code != 0 || !strings.Contains(errOut, "tracking profile parley-profile.yaml") || !strings.Contains(out, `"issue":"air-defence"`) {
		t.Fatalf("the folder's profile is not used: exit %d\n%s%s", code, out, errOut)
	}
	// A named profile wins, and none at all derives issues from the text.
	code, out, errOut = run(t, map[string]string{"PARLEY_NO_WORKSPACE_PROFILE": "1"}, "", "analyze", "a.txt")
	if code != 0 || strings.Contains(errOut, "tracking profile") || !strings.Contains(out, `"issue":"air-defence-systems"`) {
		t.Fatalf("without a profile: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = run(t, map[string]string{}, "", "analyze", "--profile", "missing.yaml", "a.txt")
	if code != 1 || !strings.Contains(errOut, "missing.yaml") {
		t.Fatalf("a named profile that is missing: exit %d %s", code, errOut)
	}
}
