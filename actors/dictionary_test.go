package actors

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

func TestBuiltin(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range d.Entries() {
		counts[e.Kind]++
		for _, r := range e.Roles {
			// Every role must mean something to the title matcher, or stale-title checks
			// and descriptions silently ignore it.
			if r.office == nil && e.Kind == KindPerson {
				t.Errorf("%s: role %q names no known office", e.Name, r.Title)
			}
			if r.Code == "" {
				t.Errorf("%s: role %q has no code", e.Name, r.Title)
			}
		}
		if e.Kind == KindCountry && len(e.Code) != 3 {
			t.Errorf("country %s: code %q is not ISO-3", e.Name, e.Code)
		}
	}
	if counts[KindPerson] < 300 || counts[KindOrg] < 150 || counts[KindCountry] < 190 {
		t.Errorf("dictionary smaller than expected: %v", counts)
	}
	t.Logf("built-in dictionary: %v, %d given names", counts, len(d.firstNames))
}

func TestLookup(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want, code string }{
		{"Zelenskyy", "Volodymyr Zelensky", "UKRGOV"},
		{"Vladimir Zelensky", "Volodymyr Zelensky", "UKRGOV"},
		{"zelenskiy", "Volodymyr Zelensky", "UKRGOV"},
		{"Melanie Joly", "Mélanie Joly", "CANGOV"},
		{"Ukrainian", "Ukraine", "UKR"},
		{"Kyiv", "Ukraine", "UKR"},
		{"the Kremlin", "Kremlin", "RUSGOV"},
		{"Washington Post", "The Washington Post", "USAMED"},
		{"O’Malley", "Martin O'Malley", "USAELI"},
	}
	for _, tc := range tests {
		e, ok := d.Lookup(tc.name)
		if !ok || e.Name != tc.want || e.Code != tc.code {
			t.Errorf("Lookup(%q) = %q %q %v, want %q %q", tc.name, e.Name, e.Code, ok, tc.want, tc.code)
		}
	}
	if _, ok := d.Lookup("Nobody Inparticular"); ok {
		t.Error("Lookup found an unknown name")
	}
	e, _ := d.Lookup("Donald Trump")
	for _, c := range []struct {
		day, title string
	}{
		{"2016-03-01", "Republican presidential candidate"},
		{"2017-01-20", "President of the United States"},
		{"2021-01-20", ""},
		{"2025-08-20", "President of the United States"},
	} {
		day, _ := time.Parse("2006-01-02", c.day)
		r, ok := e.RoleOn(day)
		if r.Title != c.title || ok != (c.title != "") {
			t.Errorf("Trump on %s: %q %v, want %q", c.day, r.Title, ok, c.title)
		}
	}
}

func TestLoadUserFile(t *testing.T) {
	user := strings.Join([]string{
		"# a newsroom's own list",
		"person\tVolodymyr Zelensky\tUKRGOV\tm\tZelensky|Ze",
		"role\tVolodymyr Zelensky\tPresident of Ukraine\tUKRGOV\t2019-05-20\t",
		"person\tJane Roe\tGBRMED\tf\tRoe",
		"role\tJane Roe\tBBC correspondent\tGBRMED\t2020\t",
		"role\tKeir Starmer\tHonorary Chair of the Example Society\tGBRELI\t2030\t",
		"org\tExample Watch\tGBRNGO\t\t",
		"given\tZaphod\tm",
	}, "\n")
	d, err := Load(strings.NewReader(user))
	if err != nil {
		t.Fatal(err)
	}
	// The user's entry replaces the built-in one, aliases and all.
	if e, ok := d.Lookup("Ze"); !ok || e.Name != "Volodymyr Zelensky" {
		t.Errorf("user alias: %v %v", e.Name, ok)
	}
	if _, ok := d.Lookup("Zelenskiy"); ok {
		t.Error("built-in alias survived the override")
	}
	if e, _ := d.Lookup("Volodymyr Zelensky"); len(e.Roles) != 1 {
		t.Errorf("overridden entry has %d roles, want 1", len(e.Roles))
	}
	// A role line for a built-in name adds to it.
	if e, _ := d.Lookup("Keir Starmer"); len(e.Roles) < 3 || e.Roles[len(e.Roles)-1].Code != "GBRELI" {
		t.Errorf("role not added to the built-in entry: %+v", e.Roles)
	}
	if d.FirstNameGender("Zaphod") != 'm' {
		t.Error("user given name not loaded")
	}
	text := "BBC correspondent Jane Roe said Ze would speak. Roe added that Example Watch agreed."
	doc := &parley.Document{Text: text}
	if err := New(d).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sub, name, code string }{
		{"Jane Roe", "Jane Roe", "GBRMED"},
		{"Ze", "Volodymyr Zelensky", "UKRGOV"},
		{"Example Watch", "Example Watch", "GBRNGO"},
	} {
		if name, code := who(doc, spanOf(t, text, c.sub, 1)); name != c.name || code != c.code {
			t.Errorf("%q -> %q %q, want %q %q", c.sub, name, code, c.name, c.code)
		}
	}
	// The built-in dictionary is not touched by a user file.
	b, _ := Builtin()
	if _, ok := b.Lookup("Jane Roe"); ok {
		t.Error("user entry leaked into the built-in dictionary")
	}
}

func TestLoadErrors(t *testing.T) {
	for _, bad := range []string{
		"person\tNo Code\t\tm",
		"role\tNobody Known\tPresident\tXXXGOV\t2020\t",
		"person\tA B\tUSAGOV\tx",
		"planet\tMars\tMRS",
		"person\tA B\tUSAGOV\tm\nrole\tA B\tPresident\tUSAGOV\t2020-13-01\t",
		"person\tA B\tUSAGOV\tm\nrole\tA B\tPresident\tUSAGOV\t2021\t2020",
		"given\tZed\tq",
		"person\tA B\tUSAGOV\tm\n[people]\nperson\tC D\tUSAGOV\tm",
		"[bad/section]",
		strings.Repeat("x", 2<<20),
	} {
		_, err := Load(strings.NewReader(bad))
		if parley.ErrorCode(err) != parley.EINVALID || !strings.Contains(err.Error(), "line") {
			t.Errorf("Load(%q) = %v, want an invalid-input error naming the line", bad, err)
		}
	}
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.tsv")
	if err := os.WriteFile(good, []byte("org\tExample Gazette\tNZLMED\t\tGazette\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadFiles(good)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := d.Lookup("Gazette"); !ok || e.Code != "NZLMED" {
		t.Errorf("Lookup(Gazette) = %+v %v", e, ok)
	}
	if _, err := LoadFiles(filepath.Join(dir, "missing.tsv")); parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("org\tNo Code\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFiles(bad); parley.ErrorCode(err) != parley.EINVALID || !strings.Contains(err.Error(), "bad.tsv line 1") {
		t.Errorf("bad file: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		s    string
		end  bool
		want string
	}{
		{"2017-01-20", false, "2017-01-20"},
		{"2017-01-20", true, "2017-01-20"},
		{"2017", false, "2017-01-01"},
		{"2017", true, "2018-01-01"},
		{"2025-12", true, "2026-01-01"},
	} {
		got, err := parseDate(c.s, c.end)
		if err != nil || got.Format("2006-01-02") != c.want {
			t.Errorf("parseDate(%q, %v) = %v %v, want %s", c.s, c.end, got, err, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Zelenskyy’s U.S.-Ukraine deal, Sen. O'Brien's plan; Ukrainians’ fears. W. Bush",
			"Zelenskyy|’s|U.S.|-|Ukraine|deal|,|Sen.|O'Brien|'s|plan|;|Ukrainians|’|fears|.|W.|Bush"},
		// segment's pieces of a word are joined again, its hyphenated prefixes split.
		{"They don't say he's gonna win the pro-Russian vote at 3pm.",
			"They|don't|say|he|'s|gonna|win|the|pro|-|Russian|vote|at|3pm|."},
		// Stops as this recogniser reads them, at the end of a sentence too.
		{"Rep. Gwen Moore (D-Wis.) met the U.S.", "Rep.|Gwen|Moore|(|D|-|Wis|.|)|met|the|U.S."},
		{"@POTUS wrote -- again", "@|POTUS|wrote|--|again"},
	} {
		got := []string{}
		for _, tk := range tokenize(c.text) {
			got = append(got, tk.text)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("tokens of %q\n got %s\nwant %s", c.text, strings.Join(got, "|"), c.want)
		}
	}
	// A line break or a removed span comes before a token: brk.
	text := "Kyiv said.\nMoscow BOILERPLATE replied."
	cut := []parley.Span{{Start: strings.Index(text, "BOILER"), End: strings.Index(text, " replied")}}
	toks := fromSegment(text, segment.Tokens(text, nil, nil, cut), cut, nil)
	var brk []string
	for _, tk := range toks {
		if tk.brk {
			brk = append(brk, tk.text)
		}
	}
	if strings.Join(brk, "|") != "Moscow|replied" {
		t.Errorf("breaks before %q, want Moscow and replied", brk)
	}
}
