package actors

import (
	"strings"
	"sync"

	"github.com/parleynews/parley/internal/lexfile"
)

// office is what a title means: a key that makes "U.S. President", "President of the United
// States" and "the president" comparable, the CAMEO role code its holder gets, and whether it
// is a head of state or government (what "the Ukrainian leader" refers to).
type office struct {
	key    string
	sector string // "" when the code comes from the organisation ("spokesman", "chief")
	head   bool
}

var offices = map[string]*office{}

type officePhrase struct {
	phrase string
	office *office
}

var officePhrases []officePhrase

// The title lexicon (data/titles.txt): the offices and their phrases, the words that may stand
// inside a title phrase without being its office, honorifics and the U.S. states.
var (
	titleData = lexfile.MustRead(lexFS, "data/titles.txt")

	titleModifiers = func() map[string]uint8 {
		flags := map[string]uint8{"former": modFormer, "then": modThen, "deputy": modDeputy, "usparty": modUSParty}
		m := map[string]uint8{}
		for _, l := range titleData.Records("modifiers", 2, 2) {
			var f uint8
			if v := l.Field(1); v != "" {
				if f = flags[v]; f == 0 {
					panic("actors: " + l.Errorf("unknown modifier kind %q", v).Error())
				}
			}
			m[l.Fields[0]] = f
		}
		return m
	}()
	honorifics = func() map[string]byte {
		m := map[string]byte{}
		for _, l := range titleData.Records("honorifics", 2, 2) {
			switch g := l.Fields[1]; g {
			case "m", "f", "u":
				m[l.Fields[0]] = g[0]
			default:
				panic("actors: " + l.Errorf("gender %q is not m, f or u", g).Error())
			}
		}
		return m
	}()
	// usStates lets "Ohio Gov. John Kasich" and "Texas Sen. Ted Cruz" read as American titles.
	usStates = set(titleData.Phrases("usStates"))
)

func init() {
	for _, l := range titleData.Records("offices", 4, 4) {
		o := &office{key: l.Fields[0], sector: l.Field(1), head: l.Field(2) == "head"}
		if h := l.Field(2); h != "" && h != "head" {
			panic("actors: " + l.Errorf("third field %q is not head or -", h).Error())
		}
		offices[o.key] = o
		for _, p := range l.List(3) {
			officePhrases = append(officePhrases, officePhrase{p, o})
		}
	}
}

const (
	modFormer uint8 = 1 << iota
	modThen
	modDeputy
	modUSParty
)

// lexicon is the compiled office phrases and title vocabulary.
type lexiconT struct {
	phrases map[string][]lexPhrase // first lower-case token -> phrases, longest first
	vocab   map[string]bool        // every lower-case word that may stand in a title
}

type lexPhrase struct {
	toks   []string
	office *office
}

var (
	lexOnce sync.Once
	lex     lexiconT
)

func lexicon() *lexiconT {
	lexOnce.Do(func() {
		lex.phrases = map[string][]lexPhrase{}
		lex.vocab = map[string]bool{}
		for _, p := range officePhrases {
			var toks []string
			for _, t := range tokenize(p.phrase) {
				toks = append(toks, strings.ToLower(t.text))
			}
			lex.phrases[toks[0]] = append(lex.phrases[toks[0]], lexPhrase{toks, p.office})
			for _, t := range toks {
				if t != "-" && t != "of" && t != "the" && t != "for" && t != "in" && t != "and" {
					lex.vocab[t] = true
				}
			}
		}
		for k, ps := range lex.phrases {
			for i := 1; i < len(ps); i++ {
				for j := i; j > 0 && len(ps[j].toks) > len(ps[j-1].toks); j-- {
					ps[j], ps[j-1] = ps[j-1], ps[j]
				}
			}
			lex.phrases[k] = ps
		}
		for w := range titleModifiers {
			if w != "&" && w != "and" {
				lex.vocab[w] = true
			}
		}
		for w := range honorifics {
			lex.vocab[w] = true
		}
	})
	return &lex
}

// title is the phrase that precedes a name ("Former US President", "Fox Business
// correspondent") or an apposition after it, read into its parts.
type title struct {
	t0, t1   int // tokens
	oEnd     int // token after the office phrase
	start    int // bytes
	end      int
	text     string
	office   *office
	former   bool
	then     bool
	deputy   bool
	country  string // ISO-3 of a country or demonym in the phrase
	orgCode  string // code of an organisation in the phrase
	honorGen byte   // 'm' or 'f' from Mr./Mrs./Ms.
	honor    bool
	usParty  bool
	state    bool // a U.S. state ("Ohio Gov.")
}

// place returns whose office the title names: an organisation's or a country's.
func (t *title) place() string {
	if t.orgCode != "" {
		return codePlace(t.orgCode)
	}
	if t.country != "" {
		return t.country
	}
	if t.state || t.usParty {
		return "USA"
	}
	return ""
}

// officeKey returns the office key, marking deputies so a deputy prime minister is not taken
// for the prime minister.
func (t *title) officeKey() string {
	if t.office == nil {
		return ""
	}
	if t.deputy {
		return "deputy " + t.office.key
	}
	return t.office.key
}

// code is the CAMEO-style code the title gives a person the dictionary does not know.
func (t *title) code() string {
	sector := ""
	if t.office != nil {
		sector = t.office.sector
	}
	if t.former && t.place() != "" && !strings.HasPrefix(t.place(), "IGO") {
		return t.place() + "ELI" // CAMEO codes former officials as elites
	}
	if t.orgCode != "" {
		return t.orgCode
	}
	if p := t.place(); p != "" {
		if sector == "" {
			sector = "GOV"
		}
		return p + sector
	}
	return sector
}

// matchOffice returns the longest office phrase at toks[i:], not reaching end.
func matchOffice(toks []token, i, end int, buf []byte) (*office, int) {
	lx := lexicon()
	if toks[i].kind != tokWord {
		return nil, 0
	}
	b := lowerInto(toks[i].text, buf)
	for _, p := range lx.phrases[string(b)] {
		n := len(p.toks)
		if i+n > end {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			t := toks[i+k]
			if t.brk || !strings.EqualFold(t.text, p.toks[k]) {
				ok = false
				break
			}
		}
		if ok {
			return p.office, n
		}
	}
	return nil, 0
}

// inVocab reports whether a word may be part of a title phrase.
func inVocab(s string, buf []byte) bool {
	return lexicon().vocab[string(lowerInto(s, buf))]
}

// parseTitleString reads a role title of the data file ("President of the United States").
func parseTitleString(d *Dictionary, s string) *title {
	st := &docState{d: d, text: s, byKey: map[string]int{}}
	st.toks = tokenize(s)
	st.classify()
	st.cover = make([]int32, len(st.toks))
	for i := range st.cover {
		st.cover[i] = -1
	}
	st.matchDictionary()
	t := st.parseTitle(0, len(st.toks), true)
	return t
}
