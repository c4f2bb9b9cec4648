package actors

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/lexfile"
)

// Kinds of dictionary entries.
const (
	KindPerson  = "person"
	KindOrg     = "org"
	KindCountry = "country"
	KindRegion  = "region"
	// KindIgnore names capitalised phrases that look like actors but are not ("Oval Office",
	// "Cold War"): matching them keeps discovery from inventing an organisation out of them.
	KindIgnore = "ignore"
)

//go:embed data/*.tsv
var builtinFS embed.FS

// Role is an office an actor held, with the period it was held. From and To are zero when
// unknown or open; To is exclusive, so the day a successor takes office belongs to the
// successor.
type Role struct {
	Title string
	Code  string
	From  time.Time
	To    time.Time

	office *office // what the title means, parsed once at load
	place  string  // country or organisation code prefix the office belongs to
}

// HeldOn reports whether the role was held on day t.
func (r Role) HeldOn(t time.Time) bool {
	return (r.From.IsZero() || !t.Before(r.From)) && (r.To.IsZero() || t.Before(r.To))
}

// Entry is one actor of the dictionary.
type Entry struct {
	Name     string // canonical name, as the record shows it
	Kind     string // KindPerson, KindOrg, KindCountry, KindRegion or KindIgnore
	Code     string // CAMEO-style code used when no role applies
	Gender   string // "m", "f" or "" (persons only)
	Aliases  []string
	Demonyms []string // countries and regions: "Ukrainian", "Ukrainians"
	Capitals []string // countries: "Kyiv", "Kiev"
	Roles    []Role   // in the order of the file; the first held role is the one reported
	Plural   bool     // organisations named in the plural ("Democrats"): "they", not "it"

	surnames [][]string // token sequences that name a person on their own after a full mention
}

// RoleOn returns the first role the entry held on day t.
func (e *Entry) RoleOn(t time.Time) (Role, bool) {
	for _, r := range e.Roles {
		if r.HeldOn(t) {
			return r, true
		}
	}
	return Role{}, false
}

// latestRole returns the role the dictionary has as current: the first one still held, else
// the one that started last.
func (e *Entry) latestRole() (Role, bool) {
	for _, r := range e.Roles {
		if r.To.IsZero() && !r.From.IsZero() {
			return r, true
		}
	}
	best := -1
	for i, r := range e.Roles {
		if best < 0 || r.From.After(e.Roles[best].From) {
			best = i
		}
	}
	if best < 0 {
		return Role{}, false
	}
	return e.Roles[best], true
}

// pattern is one way an entry is written in text, as a sequence of tokens.
type pattern struct {
	toks    []string
	entry   *Entry
	article bool // written "the X": matches only after "the"/"The", which joins the span
	short   bool // a person's single-token alias (a surname): "Trump", "Zelenskyy"
	demonym bool // "Ukrainian": a country or region named by its adjective
	capital bool // "Kyiv": a country named by its capital
}

// Dictionary is the compiled list of known actors. It is read-only once built, so one
// Dictionary serves any number of concurrent stages.
type Dictionary struct {
	entries       []*Entry
	byName        map[string]*Entry // canonical names, aliases, demonyms, capitals
	byFold        map[string]*Entry // the same, lower-cased
	index         map[string][]*pattern
	firstNames    map[string]byte // given name -> 'm', 'f' or 'u'
	surnames      map[string][]*Entry
	lowerFirst    [4]uint64 // first bytes of index keys that do not start with a capital
	lowerNonASCII bool      // some such key starts with a non-ASCII letter
}

// Len returns the number of entries (people, organisations, countries, regions).
func (d *Dictionary) Len() int {
	n := 0
	for _, e := range d.entries {
		if e.Kind != KindIgnore {
			n++
		}
	}
	return n
}

// Entries returns the entries in load order.
func (d *Dictionary) Entries() []*Entry { return d.entries }

// Lookup finds an entry by its canonical name or any of its aliases, demonyms or capitals,
// exactly first and then ignoring case. Curly apostrophes count as straight ones.
func (d *Dictionary) Lookup(name string) (Entry, bool) {
	key := normName(name)
	if e, ok := d.byName[key]; ok {
		return *e, true
	}
	if e, ok := d.byFold[strings.ToLower(key)]; ok {
		return *e, true
	}
	return Entry{}, false
}

// FirstNameGender returns 'm' or 'f' for a known given name, 0 otherwise.
func (d *Dictionary) FirstNameGender(name string) byte {
	g := d.firstNames[name]
	if g == 'u' {
		return 0
	}
	return g
}

var (
	builtinOnce sync.Once
	builtinDict *Dictionary
	builtinErr  error
)

// Builtin returns the dictionary compiled from the embedded data only. It is built once.
func Builtin() (*Dictionary, error) {
	builtinOnce.Do(func() { builtinDict, builtinErr = Load() })
	return builtinDict, builtinErr
}

// Load builds a dictionary from the embedded data and then each extra source, in order, in
// the same format (see data/README.md). An entry of an extra source replaces the built-in or
// earlier entry of the same name, with its roles; a role line for a name the source does not
// define adds a role to the entry loaded before.
func Load(extra ...io.Reader) (*Dictionary, error) {
	var srcs []source
	files, err := fs.Glob(builtinFS, "data/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("list built-in actor data: %w", err)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := builtinFS.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read built-in %s: %w", f, err)
		}
		srcs = append(srcs, source{name: f, r: strings.NewReader(string(b))})
	}
	for i, r := range extra {
		if r == nil {
			continue
		}
		name := fmt.Sprintf("actor file %d", i+1)
		if nr, ok := r.(namedReader); ok {
			name = nr.name
		}
		srcs = append(srcs, source{name: name, r: r, user: true})
	}
	return build(srcs)
}

// LoadFiles is Load with the extra sources read from files, for a command-line option such
// as --actors FILE.
func LoadFiles(paths ...string) (*Dictionary, error) {
	var readers []io.Reader
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			code := parley.EINVALID
			if errors.Is(err, fs.ErrNotExist) {
				code = parley.ENOTFOUND
			}
			return nil, &parley.Error{Code: code, Message: "read actor file " + p, Err: err}
		}
		readers = append(readers, namedReader{strings.NewReader(string(b)), p})
	}
	return Load(readers...)
}

// namedReader lets error messages name the file a line comes from.
type namedReader struct {
	io.Reader
	name string
}

type source struct {
	name string
	r    io.Reader
	user bool
}

// build parses the sources in order and compiles the result.
func build(srcs []source) (*Dictionary, error) {
	d := &Dictionary{
		byName:     map[string]*Entry{},
		byFold:     map[string]*Entry{},
		index:      map[string][]*pattern{},
		firstNames: map[string]byte{},
		surnames:   map[string][]*Entry{},
	}
	byName := map[string]*Entry{}
	var order []*Entry
	userEntries := map[*Entry]bool{}
	for _, src := range srcs {
		local := map[string]*Entry{}
		lf, err := lexfile.Parse(src.name, src.r)
		if err != nil {
			return nil, &parley.Error{Code: parley.EINVALID, Message: "read actor data", Err: err}
		}
		if ss := lf.Sections(); len(ss) > 1 {
			return nil, &parley.Error{Code: parley.EINVALID,
				Message: fmt.Sprintf("%s line %d: actor files have no [sections]", src.name, ss[1].N)}
		}
		for _, l := range lf.Lines("") {
			f := l.Fields
			bad := func(format string, args ...any) error {
				return &parley.Error{Code: parley.EINVALID, Message: l.Errorf(format, args...).Error()}
			}
			kind := strings.ToLower(f[0])
			switch kind {
			case "given":
				if len(f) < 3 || f[1] == "" {
					return nil, bad("a given-name line needs: given, name, m|f|u")
				}
				g := strings.ToLower(f[2])
				if g != "m" && g != "f" && g != "u" {
					return nil, bad("gender %q is not m, f or u", f[2])
				}
				d.firstNames[f[1]] = g[0]
			case "role":
				if len(f) < 4 || f[1] == "" || f[2] == "" {
					return nil, bad("a role line needs: role, name, title, code, from, to")
				}
				e := local[f[1]]
				if e == nil {
					e = byName[f[1]]
				}
				if e == nil {
					return nil, bad("role for %q, which no earlier line defines", f[1])
				}
				r := Role{Title: f[2], Code: f[3]}
				var err error
				if len(f) > 4 && f[4] != "" {
					if r.From, err = parseDate(f[4], false); err != nil {
						return nil, bad("from date: %v", err)
					}
				}
				if len(f) > 5 && f[5] != "" {
					if r.To, err = parseDate(f[5], true); err != nil {
						return nil, bad("to date: %v", err)
					}
				}
				if !r.From.IsZero() && !r.To.IsZero() && !r.From.Before(r.To) {
					return nil, bad("role of %q ends before it starts", f[1])
				}
				if r.Code == "" {
					r.Code = e.Code
				}
				e.Roles = append(e.Roles, r)
			case KindPerson, KindOrg, KindCountry, KindRegion, KindIgnore:
				if len(f) < 2 || f[1] == "" {
					return nil, bad("a %s line needs a name", kind)
				}
				e := &Entry{Name: f[1], Kind: kind}
				if len(f) > 2 {
					e.Code = f[2]
				}
				if kind != KindIgnore && e.Code == "" {
					return nil, bad("%s %q has no code", kind, f[1])
				}
				attr := ""
				if len(f) > 3 {
					attr = f[3]
				}
				switch kind {
				case KindPerson:
					switch attr {
					case "m", "f":
						e.Gender = attr
					case "", "-":
					default:
						return nil, bad("gender %q is not m, f or -", attr)
					}
				case KindOrg:
					e.Plural = attr == "plural"
				case KindCountry, KindRegion:
					e.Demonyms = splitList(attr)
				}
				if len(f) > 4 {
					e.Aliases = splitList(f[4])
				}
				if len(f) > 5 && kind == KindCountry {
					e.Capitals = splitList(f[5])
				}
				if old := byName[e.Name]; old != nil {
					// Replace in place so the file order (and so match priority) is kept.
					i := slices.Index(order, old)
					order[i] = e
				} else {
					order = append(order, e)
				}
				byName[e.Name] = e
				local[e.Name] = e
				if src.user {
					userEntries[e] = true
				}
			default:
				return nil, bad("unknown kind %q (want person, org, country, region, ignore, role or given)", f[0])
			}
		}
	}
	// User entries are indexed first so that their aliases win over built-in ones.
	slices.SortStableFunc(order, func(a, b *Entry) int {
		switch {
		case userEntries[a] && !userEntries[b]:
			return -1
		case userEntries[b] && !userEntries[a]:
			return 1
		}
		return 0
	})
	d.entries = order
	for _, e := range order {
		d.compile(e)
	}
	for k, ps := range d.index {
		// Longest first, so the first pattern that matches is the one to keep.
		slices.SortStableFunc(ps, func(a, b *pattern) int { return len(b.toks) - len(a.toks) })
		if r, _ := utf8.DecodeRuneInString(k); !unicode.IsUpper(r) {
			if c := k[0]; c < 0x80 {
				d.lowerFirst[c/64] |= 1 << (c % 64)
			} else {
				d.lowerNonASCII = true
			}
		}
	}
	for _, e := range order {
		for i := range e.Roles {
			r := &e.Roles[i]
			t := parseTitleString(d, r.Title)
			r.office = t.office
			r.place = codePlace(r.Code)
			if t.country != "" {
				r.place = t.country
			}
		}
	}
	return d, nil
}

// codePlace returns the part of a code that says whose office it is: the country for a
// domestic code (USAGOV -> USA), the organisation for an IGO code.
func codePlace(code string) string {
	if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG") {
		if len(code) >= 9 {
			return code[:9]
		}
		return code
	}
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

func splitList(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD. As an end date, a year or month stands for
// its whole span, so the exclusive end is the first day after it.
func parseDate(s string, end bool) (time.Time, error) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end {
				return l.next(t), nil
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// normName folds the typographic variants that should not make two names differ.
func normName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// compile adds an entry's names to the lookup maps and the token index.
func (d *Dictionary) compile(e *Entry) {
	type form struct {
		text                    string
		short, demonym, capital bool
	}
	var forms []form
	add := func(text string, short, demonym, capital bool) {
		forms = append(forms, form{text, short, demonym, capital})
		if f := foldDiacritics(text); f != text {
			forms = append(forms, form{f, short, demonym, capital})
		}
	}
	add(e.Name, false, false, false)
	if e.Kind == KindPerson {
		// A person's single-token aliases are surnames and transliterations ("Zelenskyy");
		// every given name of the entry combines with every one of them, so "Vladimir
		// Zelenskyy" needs no line of its own.
		var firsts, singles []string
		names := append([]string{e.Name}, e.Aliases...)
		for _, a := range names {
			toks := tokenTexts(a)
			if len(toks) == 1 {
				singles = append(singles, toks[0])
			} else if len(toks) > 1 {
				firsts = append(firsts, toks[0])
			}
		}
		for _, a := range e.Aliases {
			add(a, len(tokenTexts(a)) == 1, false, false)
		}
		for _, f := range firsts {
			for _, s := range singles {
				if s != f && !slices.Contains(firsts, s) {
					add(f+" "+s, false, false, false)
				}
			}
		}
		e.surnames = personSurnames(e)
		for _, s := range e.surnames {
			last := s[len(s)-1]
			if !slices.Contains(d.surnames[last], e) {
				d.surnames[last] = append(d.surnames[last], e)
			}
		}
	} else {
		for _, a := range e.Aliases {
			add(a, false, false, false)
		}
	}
	for _, a := range e.Demonyms {
		add(a, false, true, false)
	}
	for _, a := range e.Capitals {
		add(a, false, false, true)
	}
	for _, f := range forms {
		key := normName(f.text)
		if _, ok := d.byName[key]; !ok {
			d.byName[key] = e
		}
		if _, ok := d.byFold[strings.ToLower(key)]; !ok {
			d.byFold[strings.ToLower(key)] = e
		}
		toks := tokenTexts(key)
		article := false
		if len(toks) > 1 && (toks[0] == "the" || toks[0] == "The") {
			toks = toks[1:]
			article = true
		}
		if len(toks) == 0 {
			continue
		}
		p := &pattern{toks: toks, entry: e, article: article, short: f.short, demonym: f.demonym, capital: f.capital}
		if d.hasPattern(p) {
			continue
		}
		d.index[toks[0]] = append(d.index[toks[0]], p)
		if article {
			// "The Washington Post" is also written "Washington Post".
			p2 := *p
			p2.article = false
			if !d.hasPattern(&p2) {
				d.index[toks[0]] = append(d.index[toks[0]], &p2)
			}
		}
	}
}

func (d *Dictionary) hasPattern(p *pattern) bool {
	for _, q := range d.index[p.toks[0]] {
		if q.article == p.article && slices.Equal(q.toks, p.toks) {
			return true
		}
	}
	return false
}

// personSurnames returns the token sequences that can stand for the person alone after a full
// mention: the canonical name without its given name (and without Jr./Sr.), and each
// single-token alias.
func personSurnames(e *Entry) [][]string {
	var out [][]string
	toks := tokenTexts(e.Name)
	for len(toks) > 1 && isNameSuffix(toks[len(toks)-1]) {
		toks = toks[:len(toks)-1]
	}
	if len(toks) > 1 {
		rest := toks[1:]
		// "George W. Bush": skip middle initials.
		for len(rest) > 1 && isInitial(rest[0]) {
			rest = rest[1:]
		}
		out = append(out, rest)
	}
	for _, a := range e.Aliases {
		if t := tokenTexts(a); len(t) == 1 {
			out = append(out, t)
		}
	}
	return out
}

func isNameSuffix(s string) bool {
	switch s {
	case "Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

func isInitial(s string) bool {
	return len(s) == 2 && s[1] == '.' && s[0] >= 'A' && s[0] <= 'Z'
}

// tokenTexts splits a name the way the recogniser splits text.
func tokenTexts(s string) []string {
	toks := tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, normToken(t.text))
	}
	return out
}

// foldDiacritics writes Latin letters without their accents, for the many texts that drop
// them ("Melanie Joly", "Erdogan").
func foldDiacritics(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if f, ok := diacritics[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var diacritics = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"ÀÁÂÃÄÅĀĂĄ", "A"}, {"çćĉċč", "c"}, {"ÇĆĈĊČ", "C"}, {"ďđ", "d"}, {"ĎĐ", "D"},
		{"èéêëēĕėęě", "e"}, {"ÈÉÊËĒĔĖĘĚ", "E"}, {"ĝğġģ", "g"}, {"ĜĞĠĢ", "G"}, {"ìíîïĩīĭįı", "i"},
		{"ÌÍÎÏĨĪĬĮİ", "I"}, {"ķ", "k"}, {"Ķ", "K"}, {"ĺļľŀł", "l"}, {"ĹĻĽĿŁ", "L"}, {"ñńņňŉ", "n"},
		{"ÑŃŅŇ", "N"}, {"òóôõöøōŏő", "o"}, {"ÒÓÔÕÖØŌŎŐ", "O"}, {"ŕŗř", "r"}, {"ŔŖŘ", "R"},
		{"śŝşšș", "s"}, {"ŚŜŞŠȘ", "S"}, {"ţťŧț", "t"}, {"ŢŤŦȚ", "T"}, {"ùúûüũūŭůűų", "u"},
		{"ÙÚÛÜŨŪŬŮŰŲ", "U"}, {"ýÿŷ", "y"}, {"ÝŸŶ", "Y"}, {"źżž", "z"}, {"ŹŻŽ", "Z"},
	} {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	m['ß'] = "ss"
	m['æ'] = "ae"
	m['Æ'] = "Ae"
	m['œ'] = "oe"
	m['Œ'] = "Oe"
	return m
}()
