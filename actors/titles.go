package actors

import (
	"strings"
	"sync"
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

func defOffice(key, sector string, head bool, phrases ...string) {
	o := &office{key: key, sector: sector, head: head}
	offices[key] = o
	for _, p := range phrases {
		officePhrases = append(officePhrases, officePhrase{p, o})
	}
}

type officePhrase struct {
	phrase string
	office *office
}

var officePhrases []officePhrase

// Defence ministers code as GOVMIL, as the CAMEO actor codebook (3.1.4, 3.2.5) prescribes for
// government members whose portfolio is military.
func init() {
	defOffice("president", "GOV", true, "president", "pres.")
	defOffice("vice president", "GOV", false, "vice president", "vice-president", "veep")
	defOffice("president-elect", "GOV", false, "president-elect", "president elect")
	defOffice("prime minister", "GOV", true, "prime minister", "premier", "pm", "taoiseach")
	defOffice("chancellor", "GOV", true, "chancellor", "federal chancellor")
	defOffice("monarch", "GOV", true, "king", "queen", "emperor", "emir", "sultan", "monarch", "crown prince")
	defOffice("supreme leader", "GOV", true, "supreme leader")
	defOffice("leader", "", false, "leader", "majority leader", "minority leader", "party leader", "whip")
	defOffice("foreign minister", "GOV", false, "foreign minister", "foreign secretary", "secretary of state",
		"minister of foreign affairs", "minister for foreign affairs", "foreign affairs minister",
		"top diplomat", "external affairs minister", "minister of external affairs",
		"minister for europe and foreign affairs", "foreign affairs secretary")
	defOffice("defence minister", "GOVMIL", false, "defence minister", "defense minister", "defence secretary",
		"defense secretary", "secretary of defense", "secretary of defence", "minister of defence",
		"minister of defense", "minister for defence", "pentagon chief", "pentagon head", "secretary of war",
		"war secretary", "minister of the armed forces", "armed forces minister", "defence chief", "defense chief")
	defOffice("finance minister", "GOV", false, "finance minister", "minister of finance", "treasury secretary",
		"secretary of the treasury", "chancellor of the exchequer", "finance secretary")
	defOffice("interior minister", "GOV", false, "interior minister", "minister of the interior",
		"home secretary", "homeland security secretary", "secretary of homeland security", "interior secretary")
	defOffice("minister", "GOV", false, "minister", "secretary", "cabinet minister", "cabinet secretary")
	defOffice("press secretary", "GOV", false, "press secretary", "press officer", "communications director")
	defOffice("spokesperson", "", false, "spokesman", "spokeswoman", "spokesperson", "mouthpiece")
	defOffice("senator", "LEG", false, "senator", "sen.", "sens.")
	defOffice("legislator", "LEG", false, "representative", "rep.", "congressman", "congresswoman",
		"lawmaker", "legislator", "mp", "member of parliament", "mep", "member of congress")
	defOffice("speaker", "LEG", false, "speaker", "house speaker")
	defOffice("governor", "GOV", false, "governor", "gov.", "lieutenant governor", "governor general")
	defOffice("mayor", "GOV", false, "mayor")
	defOffice("secretary-general", "", true, "secretary-general", "secretary general")
	defOffice("high representative", "", false, "high representative")
	defOffice("commissioner", "GOV", false, "commissioner")
	defOffice("attorney general", "GOV", false, "attorney general")
	defOffice("national security adviser", "GOV", false, "national security adviser", "national security advisor")
	defOffice("chief of staff", "GOV", false, "chief of staff")
	defOffice("ambassador", "GOV", false, "ambassador", "envoy", "special envoy", "diplomat", "amb.", "emissary",
		"permanent representative")
	defOffice("official", "GOV", false, "official", "aide", "adviser", "advisor", "counselor", "counsellor",
		"strategist", "consultant", "czar", "tsar")
	defOffice("director", "", false, "director", "administrator", "director general", "director-general",
		"inspector general")
	defOffice("chair", "", false, "chairman", "chairwoman", "chair", "chairperson", "head", "chief", "boss",
		"president and ceo")
	defOffice("executive", "BUS", false, "ceo", "chief executive", "chief executive officer", "executive",
		"founder", "businessman", "businesswoman", "billionaire", "tycoon", "entrepreneur", "investor",
		"banker", "developer")
	defOffice("journalist", "MED", false, "correspondent", "reporter", "journalist", "editor", "anchor",
		"anchorman", "anchorwoman", "columnist", "commentator", "host", "presenter", "editor-in-chief",
		"broadcaster", "pundit", "blogger", "writer")
	defOffice("analyst", "EDU", false, "analyst", "expert", "researcher", "professor", "prof.", "scholar",
		"fellow", "senior fellow", "economist", "political scientist", "historian", "pollster", "lecturer",
		"academic", "scientist", "specialist")
	defOffice("candidate", "PTY", false, "candidate", "nominee", "hopeful", "front-runner", "frontrunner",
		"contender", "challenger", "standard-bearer", "running mate")
	defOffice("campaign manager", "PTY", false, "campaign manager", "campaign chairman", "campaign chair",
		"campaign chief")
	defOffice("military officer", "MIL", false, "general", "gen.", "admiral", "adm.", "commander", "colonel",
		"col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "marshal",
		"commander-in-chief", "commander in chief", "chief of the general staff", "soldier", "officer",
		"lieutenant general", "major general", "brigadier general", "lt. gen.")
	defOffice("judge", "JUD", false, "judge", "justice", "chief justice", "chief judge", "prosecutor",
		"special counsel")
	defOffice("lawyer", "CVL", false, "lawyer", "attorney")
	defOffice("police", "COP", false, "police chief", "police commissioner", "sheriff", "detective")
	defOffice("activist", "CVL", false, "activist", "campaigner", "protester", "dissident", "organizer")
	defOffice("opposition leader", "OPP", true, "opposition leader")
	defOffice("first lady", "ELI", false, "first lady")
	defOffice("pope", "GOV", true, "pope", "pontiff")
	defOffice("politician", "ELI", false, "politician", "statesman")
}

// Words that may stand inside a title phrase without being its office.
var (
	titleModifiers = map[string]uint8{
		"former": modFormer, "ex": modFormer, "retired": modFormer, "erstwhile": modFormer,
		"then": modThen, "late": modThen,
		"deputy": modDeputy, "assistant": modDeputy, "under": modDeputy, "associate": modDeputy,
		"outgoing": 0, "incoming": 0, "acting": 0, "interim": 0, "top": 0, "senior": 0, "longtime": 0,
		"current": 0, "new": 0, "newly": 0, "elected": 0, "sitting": 0, "embattled": 0,
		"veteran": 0, "presumptive": 0, "likely": 0, "would": 0, "be": 0, "putative": 0,
		"presidential": 0, "visiting": 0, "federal": 0, "junior": 0, "ranking": 0, "powerful": 0,
		"influential": 0, "controversial": 0, "beleaguered": 0, "populist": 0, "nationalist": 0,
		"hawkish": 0, "far": 0, "right": 0, "left": 0, "wing": 0, "centrist": 0, "leading": 0,
		"prominent": 0, "key": 0, "fellow": 0, "respected": 0, "special": 0,
		"vice": modDeputy, "chief": 0, "lead": 0, "principal": 0, "permanent": 0, "designate": 0,
		"nominated": 0, "appointed": 0, "disgraced": 0, "ousted": 0, "exiled": 0, "jailed": 0,
		"democratic": modUSParty, "republican": modUSParty, "gop": modUSParty, "democrat": modUSParty,
		"libertarian": 0, "labour": 0, "conservative": 0, "tory": 0, "liberal": 0, "socialist": 0,
		"independent": 0, "progressive": 0, "green": 0, "state": 0, "national": 0, "city": 0,
		"county": 0, "regional": 0, "local": 0, "party": 0, "campaign": 0, "committee": 0,
		"commission": 0, "council": 0, "parliament": 0, "ministry": 0, "department": 0,
		"house": 0, "senate": 0, "agency": 0, "bank": 0, "cabinet": 0, "government": 0,
		"administration": 0, "office": 0, "army": 0, "navy": 0, "force": 0, "court": 0,
		"union": 0, "assembly": 0, "congress": 0, "caucus": 0, "staff": 0, "service": 0,
		"foreign": 0, "defence": 0, "defense": 0, "finance": 0, "treasury": 0, "interior": 0,
		"home": 0, "homeland": 0, "security": 0, "justice": 0, "health": 0, "energy": 0,
		"economy": 0, "economic": 0, "trade": 0, "commerce": 0, "agriculture": 0, "education": 0,
		"labor": 0, "transport": 0, "transportation": 0, "environment": 0, "culture": 0,
		"digital": 0, "veterans": 0, "affairs": 0, "housing": 0, "development": 0,
		"intelligence": 0, "communications": 0, "policy": 0, "press": 0, "war": 0, "armed": 0,
		"forces": 0, "public": 0, "social": 0, "european": 0, "immigration": 0, "climate": 0,
		"budget": 0, "infrastructure": 0, "military": 0, "political": 0, "research": 0,
		"polling": 0, "business": 0, "news": 0, "television": 0, "radio": 0, "white": 0,
		"world": 0, "global": 0, "international": 0, "nuclear": 0, "legal": 0, "opposition": 0,
		"majority": 0, "minority": 0, "democratic-leaning": 0, "election": 0, "electoral": 0,
		"strategic": 0, "diplomatic": 0, "investigative": 0, "managing": 0, "executive": 0,
		"&": 0, "and": 0,
	}
	honorifics = map[string]byte{
		"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f',
		"sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "madam": 'f', "dr.": 'u', "dr": 'u',
		"prof.": 'u', "rev.": 'u', "messrs.": 'u', "ayatollah": 'm', "sheikh": 'm', "prince": 'm',
		"princess": 'f', "cardinal": 'm', "archbishop": 'm', "bishop": 'u', "rabbi": 'u', "imam": 'm',
	}
)

const (
	modFormer uint8 = 1 << iota
	modThen
	modDeputy
	modUSParty
)

// usStates lets "Ohio Gov. John Kasich" and "Texas Sen. Ted Cruz" read as American titles.
var usStates = map[string]bool{}

func init() {
	for _, s := range strings.Split("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|"+
		"Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|"+
		"Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"+
		"New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|"+
		"Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"+
		"Washington|West Virginia|Wisconsin|Wyoming", "|") {
		usStates[s] = true
	}
}

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
