package brief

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parleynews/parley"
)

func ev(doc, src, text string) parley.Evidence {
	return parley.Evidence{DocumentID: doc, Source: src, Span: parley.Span{Start: 10, End: 10 + len(text)}, Text: text}
}

// fixture is a made-up story with every part of the model filled in.
func fixture() *parley.Story {
	a := ev("aaaa1111bbbb2222", "https://example.org/a", "Carter ruled out American troops on Monday.")
	b := ev("cccc3333dddd4444", "https://example.net/b", "Carter again said there would be no US troops.")
	c := ev("cccc3333dddd4444", "https://example.net/b", "Koval met Carter at the White House on Tuesday.")
	d := ev("eeee5555ffff6666", "feeds/c.txt", "Koval said <drones> & 133 “missiles” hit Lviv.")
	e := ev("aaaa1111bbbb2222", "https://example.org/a", "The attack involved 100 drones.")
	ruiz := parley.ActorName{Name: "Pablo Ruiz", Code: "ESPGOV"}
	return &parley.Story{
		ID: "st-1", Label: "Carter, Koval: security guarantees", Start: "2025-08-18", End: "2025-08-20",
		Documents: []parley.StoryDocument{{ID: "aaaa1111bbbb2222", Source: a.Source}, {ID: "cccc3333dddd4444", Source: b.Source},
			{ID: "eeee5555ffff6666", Source: d.Source}, {ID: "9999", Source: "copy", CopyOf: "aaaa1111bbbb2222"}},
		Actors: []parley.StoryActor{{Name: "Jane Carter", Code: "USAGOV", Role: "President", Mentions: 9, Documents: 3}, {Name: "Olena Koval", Code: "UKRGOV", Mentions: 4, Documents: 2}},
		Issues: []string{"us-troops", "nato-membership"},
		Events: []parley.StoryEvent{
			{ID: "e1", Source: parley.ActorName{Name: "Olena Koval", Code: "UKRGOV"}, Target: &parley.ActorName{Name: "Jane Carter", Code: "USAGOV"},
				CAMEO: "040", PLOVER: "CONSULT", Goldstein: 1, QuadClass: 1, Mode: "asserted", Date: "2025-08-19", Reports: []parley.Evidence{c}, Sources: 1},
			{ID: "e2", Source: parley.ActorName{Name: "Russia", Code: "RUS"}, Target: &parley.ActorName{Name: "Ukraine", Code: "UKR"},
				CAMEO: "190", PLOVER: "ASSAULT", Goldstein: -10, QuadClass: 4, Mode: "asserted", Date: "2025-08-20", Reports: []parley.Evidence{d, e}, Sources: 2},
			{ID: "e3", Source: ruiz, CAMEO: "120", PLOVER: "REJECT", Goldstein: -4, QuadClass: 3, Mode: "asserted"},
		},
		Quotes:    []parley.StoryQuote{{ID: "q1", Text: "No US troops, full stop", Speaker: &parley.ActorName{Name: "Jane Carter"}, Kind: "direct", Date: "2025-08-19", Reports: []parley.Evidence{b}, Sources: 1}},
		Claims:    []parley.Claim{{Kind: "stance", Summary: "Jane Carter opposes us-troops", Evidence: []parley.Evidence{a, b}, Sources: 2}},
		Conflicts: []parley.Conflict{{Kind: "number", Summary: "how many drones were launched", Sides: []parley.ConflictSide{{Value: "133", Evidence: []parley.Evidence{d}}, {Value: "100", Evidence: []parley.Evidence{e}}}}},
		Positions: []parley.Position{
			{Actor: parley.ActorName{Name: "Jane Carter", Code: "USAGOV"}, Issue: "us-troops", Current: "oppose",
				Points: []parley.PositionPoint{{Date: "2025-08-18", Polarity: "oppose", Evidence: a}, {Date: "2025-08-20", Polarity: "oppose", Evidence: b}}},
			{Actor: parley.ActorName{Name: "Jane Carter", Code: "USAGOV"}, Issue: "nato-membership", Current: "oppose",
				Points:  []parley.PositionPoint{{Date: "2025-08-18", Polarity: "support", Evidence: a}, {Date: "2025-08-20", Polarity: "oppose", Evidence: b}},
				Changes: []parley.PositionChange{{From: "support", To: "oppose", Date: "2025-08-20", Before: a, After: b}}},
		},
		Notes: []parley.SourceNote{{DocumentID: "eeee5555ffff6666", Source: d.Source, Notes: []string{"citation markers [1]-[3] point to no reference list"}}},
	}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"# Brief: Carter, Koval: security guarantees", "4 documents from 3 independent sources",
		"| Jane Carter | opposes [E", "opposes (changed)", "changed from support to oppose on 2025-08-20",
		"2025-08-19: Olena Koval → Jane Carter: CONSULT (CAMEO 040, asserted, Goldstein +1.0), 1 source",
		"undated: Pablo Ruiz: REJECT", "**Jane Carter** (2025-08-19): “No US troops, full stop”",
		"Jane Carter opposes us-troops (stance; 2 independent sources)", "how many drones were launched (number): “133”",
		"citation markers \\[1\\]-\\[3\\] point to no reference list", `Koval said &lt;drones&gt; & 133 “missiles” hit Lviv.`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	checkLinks(t, md, regexp.MustCompile(`\(#e(\d+)\)`), regexp.MustCompile(`<a id="e(\d+)"></a>`))
}

// checkLinks asserts that every evidence link has its target, and that every evidence item is
// cited somewhere.
func checkLinks(t *testing.T, doc string, link, anchor *regexp.Regexp) {
	t.Helper()
	targets := map[string]bool{}
	for _, m := range anchor.FindAllStringSubmatch(doc, -1) {
		targets[m[1]] = true
	}
	cited := map[string]bool{}
	for _, m := range link.FindAllStringSubmatch(doc, -1) {
		cited[m[1]] = true
		if !targets[m[1]] {
			t.Errorf("link to evidence E%s, which is not listed", m[1])
		}
	}
	for n := range targets {
		if !cited[n] {
			t.Errorf("evidence E%s is listed but cited nowhere", n)
		}
	}
	if len(targets) == 0 {
		t.Error("no evidence listed")
	}
}

func renderHTML(t *testing.T, st *parley.Story) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, st); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestHTML(t *testing.T) {
	page := renderHTML(t, fixture())
	if _, err := html.Parse(strings.NewReader(page)); err != nil {
		t.Fatalf("not HTML: %v", err)
	}
	for _, want := range []string{
		`<title>Brief: Carter, Koval: security guarantees</title>`, `<td class="oppose changed">opposes ↻`,
		`aria-label="Events per day by quad class"`, `aria-label="Goldstein value over time per dyad"`,
		`Koval said &lt;drones&gt; &amp; 133 “missiles” hit Lviv.`, `<div><b>133</b>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	for _, never := range []string{"<script", "http://", "src=\"https"} {
		if strings.Contains(page, never) {
			t.Errorf("the brief must be self-contained and script-free, but has %q", never)
		}
	}
	checkLinks(t, page, regexp.MustCompile(`href="#e(\d+)"`), regexp.MustCompile(`<li id="e(\d+)">`))
}

func TestEmptyStory(t *testing.T) {
	st := &parley.Story{ID: "empty"}
	var md bytes.Buffer
	if err := Markdown(&md, st); err != nil {
		t.Fatal(err)
	}
	page := renderHTML(t, st)
	for _, out := range []string{md.String(), page} {
		if !strings.Contains(out, "No events were found.") || !strings.Contains(out, "No positions were found.") {
			t.Errorf("an empty story should say what it lacks:\n%s", out)
		}
	}
}

// chromium finds Debian's Chromium; CI installs it (.ci/run), a developer may not have it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("PARLEY_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI needs Chromium (Debian package chromium) for the brief's rendering test")
	}
	t.Skip("no Chromium found: install Debian's chromium package to render the brief")
	return ""
}

// render loads a page in headless Chromium and returns the console messages it logged and
// the screenshot it took.
func render(t *testing.T, bin, path string) (console []string, shot image.Image) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--enable-logging=stderr", "--v=0", "--window-size=1200,2400", "--screenshot="+out, "file://"+path)
	logs, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, logs)
	}
	for _, line := range strings.Split(string(logs), "\n") {
		if strings.Contains(line, ":CONSOLE") {
			console = append(console, line)
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, logs)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return console, img
}

// blank reports whether an image is all one colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	r0, g0, b0, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				return false
			}
		}
	}
	return true
}

func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := chromium(t)
	dir := t.TempDir()

	// A control page with a script error proves that the check below can fail.
	bad := filepath.Join(dir, "bad.html")
	os.WriteFile(bad, []byte(`<!doctype html><p>x</p><script>console.error("broken"); nope();</script>`), 0o644)
	if console, _ := render(t, bin, bad); len(console) == 0 {
		t.Fatal("the console check saw nothing on a page with an error: it cannot be trusted")
	}

	path := filepath.Join(dir, "brief.html")
	if err := os.WriteFile(path, []byte(renderHTML(t, fixture())), 0o644); err != nil {
		t.Fatal(err)
	}
	console, shot := render(t, bin, path)
	if len(console) > 0 {
		t.Errorf("console messages while rendering the brief:\n%s", strings.Join(console, "\n"))
	}
	if b := shot.Bounds(); b.Dx() < 100 || b.Dy() < 100 || blank(shot) {
		t.Errorf("screenshot is empty: %v, blank %v", b, blank(shot))
	}
	if os.Getenv("PARLEY_KEEP_SCREENSHOT") != "" {
		f, _ := os.Create(os.Getenv("PARLEY_KEEP_SCREENSHOT"))
		png.Encode(f, shot)
		f.Close()
		fmt.Println("screenshot kept at", os.Getenv("PARLEY_KEEP_SCREENSHOT"))
	}
}

// TestKeyActors: an unresolved pronoun, and a phrase with no code and no mention, are no key
// actors.
func TestKeyActors(t *testing.T) {
	st := fixture()
	st.Actors = append(st.Actors,
		parley.StoryActor{Name: "they", Mentions: 3, Documents: 2},
		parley.StoryActor{Name: "Security analysts", Documents: 1},
		parley.StoryActor{Name: "Pablo Ruiz", Code: "ESPGOV", Documents: 1})
	var names []string
	for _, a := range newView(st).Actors {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, ", "); got != "Jane Carter, Olena Koval, Pablo Ruiz" {
		t.Errorf("key actors: %s", got)
	}
}
