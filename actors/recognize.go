package actors

import (
	"strings"
	"time"

	"github.com/parleynews/parley"
)

type mKind uint8

const (
	mDict    mKind = iota // a dictionary name
	mOrg                  // an organisation found by its head word ("... Institute for ...")
	mPerson               // a person found by a title, a given name or an apposition
	mGroup                // a country's forces or government by demonym ("Russian forces")
	mSurname              // a surname after a full mention
	mDesc                 // a description ("the Ukrainian leader")
	mPron                 // a pronoun
)

type mention struct {
	t0, t1     int // tokens [t0, t1)
	start, end int // bytes
	actor      int
	kind       mKind
	pat        *pattern
	title      *title
	dead       bool
}

// docActor is an actor of one document while it is being analysed.
type docActor struct {
	key      string
	entry    *Entry
	name     string
	kind     string
	code     string
	role     string
	gender   byte
	plural   bool
	titles   []*title
	surnames [][]string
	first    int // byte offset of the first mention, for output order
}

// docState is everything the stage knows about one document while it works on it.
type docState struct {
	d         *Dictionary
	text      string
	toks      []token
	cover     []int32 // token -> mention index, -1 when none
	ments     []mention
	actors    []*docActor
	byKey     map[string]int
	buf       []byte
	ref       time.Time // the date roles are read on
	refOK     bool
	rolesOK   bool   // roles are read on ref; otherwise each actor's latest role is reported
	refFrom   string // "published", "estimated" or ""
	flags     []parley.Flag
	pooled    *buffers
	window    []int // scratch for pronoun resolution
	sentFirst []int // index of the first token of each sentence
	flagged   map[parley.Span]bool
	orgPfx    map[string]string // word prefixes of discovered organisations' names -> actor key
}

// maxTitle bounds title phrases and descriptions, in tokens, so that a run of title words
// costs linear time.
const maxTitle = 12

func (st *docState) covered(i int) bool { return st.cover[i] >= 0 }

// Classes of capitalised words, looked up once per token rather than once per pass.
const (
	clsStop  uint8 = 1 << iota // stopCaps: "The", "Tuesday"
	clsVocab                   // may stand in a title: "President", "Foreign"
	clsIndex                   // starts a dictionary name
	clsFirstM
	clsFirstF
	clsFirstU
)

// classify sets token.cls for every capitalised word.
func (st *docState) classify() {
	for i := range st.toks {
		t := &st.toks[i]
		if t.kind != tokWord || !t.cap {
			continue
		}
		var c uint8
		if stopCaps[t.text] {
			c |= clsStop
		}
		if inVocab(t.text, st.buf) {
			c |= clsVocab
		}
		if st.d.index[normToken(t.text)] != nil {
			c |= clsIndex
		}
		switch st.d.firstNames[t.text] {
		case 'm':
			c |= clsFirstM
		case 'f':
			c |= clsFirstF
		case 'u':
			c |= clsFirstU
		}
		t.cls = c
	}
}

// stop reports whether token i is a capitalised word that begins no name.
func (st *docState) stop(i int) bool { return st.toks[i].cls&clsStop != 0 }

// vocab reports whether token i may stand in a title phrase.
func (st *docState) vocab(i int) bool {
	t := &st.toks[i]
	if t.cap {
		return t.cls&clsVocab != 0
	}
	return t.kind == tokWord && inVocab(t.text, st.buf)
}

// firstName returns 'm', 'f', 'u' when token i is a known given name, else 0.
func (st *docState) firstName(i int) byte {
	switch c := st.toks[i].cls; {
	case c&clsFirstM != 0:
		return 'm'
	case c&clsFirstF != 0:
		return 'f'
	case c&clsFirstU != 0:
		return 'u'
	}
	return 0
}

func (st *docState) mentionAt(i int) *mention {
	if i < 0 || i >= len(st.toks) || st.cover[i] < 0 {
		return nil
	}
	return &st.ments[st.cover[i]]
}

// addMention records a mention over tokens [t0, t1) and claims them.
func (st *docState) addMention(m mention) int {
	m.start = st.toks[m.t0].start
	m.end = st.toks[m.t1-1].end
	idx := len(st.ments)
	st.ments = append(st.ments, m)
	for k := m.t0; k < m.t1; k++ {
		st.cover[k] = int32(idx)
	}
	return idx
}

// kill drops a mention (absorbed into a title or a longer name) and frees its tokens.
func (st *docState) kill(idx int) {
	m := &st.ments[idx]
	m.dead = true
	for k := m.t0; k < m.t1; k++ {
		if st.cover[k] == int32(idx) {
			st.cover[k] = -1
		}
	}
}

// actorFor returns the index of the document actor for key, creating it with mk.
func (st *docState) actorFor(key string, mk func() *docActor) int {
	if i, ok := st.byKey[key]; ok {
		return i
	}
	a := mk()
	a.key = key
	a.first = -1
	st.actors = append(st.actors, a)
	st.byKey[key] = len(st.actors) - 1
	return len(st.actors) - 1
}

func (st *docState) entryActor(e *Entry) int {
	return st.actorFor("e:"+e.Name, func() *docActor {
		a := &docActor{entry: e, name: e.Name, kind: e.Kind, code: e.Code, plural: e.Plural, surnames: e.surnames}
		switch e.Gender {
		case "m":
			a.gender = 'm'
		case "f":
			a.gender = 'f'
		}
		return a
	})
}

func (st *docState) lower(i int) string {
	return string(st.lowerB(i))
}

// lowerB returns token i in lower case in a shared buffer, valid until the next call; use it
// as m[string(b)] so the lookup does not allocate.
func (st *docState) lowerB(i int) []byte {
	st.buf = lowerInto(st.toks[i].text, st.buf)
	return st.buf
}

func (st *docState) word(i int) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].kind == tokWord
}

func (st *docState) capWord(i int) bool {
	return st.word(i) && st.toks[i].cap
}

// matchDictionary finds every dictionary name, longest first, left to right.
func (st *docState) matchDictionary() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tokWord || st.cover[i] >= 0 || t.cap && t.cls&clsIndex == 0 {
			continue
		}
		// Most words are lower-case and start no name; a bitmap of the first bytes of the
		// few names that do start in lower case ("al-Qaeda", "von der Leyen") skips the map.
		if c := t.text[0]; !t.cap && (c >= 0x80 && !st.d.lowerNonASCII || c < 0x80 && st.d.lowerFirst[c/64]&(1<<(c%64)) == 0) {
			continue
		}
		ps := st.d.index[normToken(t.text)]
		for _, p := range ps {
			n := len(p.toks)
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < n; k++ {
				tk := &toks[i+k]
				if tk.brk || tk.kind == tokPoss || normToken(tk.text) != p.toks[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			s := i
			if p.article {
				if i == 0 || t.brk || st.cover[i-1] >= 0 || (toks[i-1].text != "the" && toks[i-1].text != "The") {
					continue
				}
				s = i - 1
			}
			if !st.acceptMatch(p, s, i+n) {
				continue
			}
			st.addMention(mention{t0: s, t1: i + n, kind: mDict, pat: p, actor: -1})
			i += n - 1
			break
		}
	}
	// Actors are created after matching so a rejected pattern leaves nothing behind.
	for i := range st.ments {
		m := &st.ments[i]
		if m.kind == mDict && m.actor < 0 {
			m.actor = st.entryActor(m.pat.entry)
		}
	}
}

// acceptMatch rejects a dictionary match that context shows to be part of something else.
func (st *docState) acceptMatch(p *pattern, s, e int) bool {
	toks := st.toks
	e0 := p.entry
	if e < len(toks) && !toks[e].brk && toks[e].kind == tokWord && nameFollowers[toks[e].text] &&
		(e0.Kind == KindPerson || e0.Kind == KindOrg && e-s == 1) {
		return false
	}
	if e-s == 1 {
		// "Lara Trump", "George Washington", "Michael Jordan": a given name before a
		// single-token name makes a different name.
		if s > 0 && !toks[s].brk && toks[s-1].kind == tokWord && toks[s-1].cap && st.cover[s-1] < 0 &&
			st.firstName(s-1) != 0 {
			return false
		}
		// "Lara Trump": an unknown capitalised word before a surname is a given name.
		if p.short && s > 0 && !toks[s].brk && st.capWord(s-1) && st.cover[s-1] < 0 &&
			toks[s-1].cls&(clsStop|clsVocab|clsIndex) == 0 {
			return false
		}
		// "Ryan Zinke": a surname alias followed by an unknown capitalised word is a given name.
		if p.short && e < len(toks) && !toks[e].brk && st.capWord(e) &&
			toks[e].cls&(clsStop|clsVocab|clsIndex) == 0 && st.firstName(s) != 0 {
			return false
		}
		// "Chad Wolf", "Jordan Peterson": a country that is also a given name, before a name.
		if e0.Kind == KindCountry && st.firstName(s) != 0 && e < len(toks) && !toks[e].brk &&
			st.capWord(e) && toks[e].cls&(clsStop|clsVocab|clsIndex) == 0 {
			return false
		}
		if e0.Kind == KindCountry && usStates[toks[s].text] && !p.demonym {
			return false // "Georgia" in American news is the state
		}
		if e < len(toks) && !toks[e].brk && (toks[e].text == "state" || toks[e].text == "State") &&
			usStates[toks[s].text] {
			return false
		}
	}
	if p.demonym && e < len(toks) && !toks[e].brk && toks[e].text == "-" && e+1 < len(toks) &&
		(toks[e+1].text == "born" || toks[e+1].text == "based" || toks[e+1].text == "led" ||
			toks[e+1].text == "speaking" || toks[e+1].text == "made") {
		// "Russian-born", "Ukrainian-made" describe something else.
		return false
	}
	return true
}

// parseTitle reads tokens [a, b) as a title phrase. With first, the first office phrase is
// the office (role titles: "Head of the Office of the President"); otherwise the last one is
// (titles before a name: "White House press secretary").
func (st *docState) parseTitle(a, b int, first bool) *title {
	if a >= b {
		return nil
	}
	t := &title{t0: a, t1: b, start: st.toks[a].start, end: st.toks[b-1].end}
	t.text = st.text[t.start:t.end]
	bestLen := 0
	deputyPending := false
	for i := a; i < b; {
		tk := &st.toks[i]
		if m := st.mentionAt(i); m != nil && !m.dead && m.t0 == i {
			st.noteTitleMention(t, m)
		}
		if o, n := matchOffice(st.toks, i, b, st.buf); o != nil {
			// A role title names its office first ("Spokesman for the Secretary-General"),
			// unless a generic "chief" or "head" leads a compound ("Chief Cabinet Secretary").
			generic := o.key == "chair" && n == 1
			set := false
			switch {
			case !first, t.office == nil:
				set = true
			case t.office.key == "chair" && bestLen == 1 && t.oEnd == i && !generic:
				set = true
			}
			if set {
				t.office = o
				t.oEnd = i + n
				t.deputy = deputyPending
				bestLen = n
			}
			deputyPending = false
			i += n
			continue
		}
		if m := st.mentionAt(i); m != nil && !m.dead {
			i = m.t1
			continue
		}
		if tk.kind != tokWord {
			i++
			continue
		}
		lw := st.lowerB(i)
		if g, ok := honorifics[string(lw)]; ok {
			t.honor = true
			if g != 'u' {
				t.honorGen = g
			}
		}
		if f, ok := titleModifiers[string(lw)]; ok {
			switch {
			case f&modFormer != 0:
				t.former = true
			case f&modThen != 0:
				t.then = true
			case f&modDeputy != 0:
				deputyPending = true
			case f&modUSParty != 0:
				t.usParty = true
			}
		}
		if n := st.stateAt(i, b); n > 0 {
			t.state = true
			i += n
			continue
		}
		i++
	}
	return t
}

// noteTitleMention records a country or organisation named inside a title.
func (st *docState) noteTitleMention(t *title, m *mention) {
	a := st.actors[m.actor]
	switch a.kind {
	case KindCountry:
		if t.country == "" {
			t.country = a.code
		}
	case KindOrg:
		if t.orgCode == "" {
			t.orgCode = a.code
		}
	case KindRegion:
		if t.country == "" && strings.HasPrefix(a.code, "IGO") {
			t.orgCode = a.code
		}
	}
}

// stateAt returns the length of a U.S. state name at token i ("New Hampshire"), or 0.
func (st *docState) stateAt(i, b int) int {
	if !st.capWord(i) {
		return 0
	}
	if usStates[st.toks[i].text] {
		if i+1 < b && st.capWord(i+1) && usStates[st.toks[i].text+" "+st.toks[i+1].text] {
			return 2
		}
		return 1
	}
	if i+1 < b && st.capWord(i+1) && usStates[st.toks[i].text+" "+st.toks[i+1].text] {
		return 2
	}
	return 0
}

// titleBefore finds the title phrase that ends right before token i and reads it. It
// returns nil when there is none or it names no office and no honorific.
func (st *docState) titleBefore(i int) *title {
	toks := st.toks
	j := i - 1
	start := i
	for j >= 0 && !toks[j+1].brk && i-j <= maxTitle {
		tk := &toks[j]
		if m := st.mentionAt(j); m != nil && !m.dead {
			a := st.actors[m.actor]
			if a.kind == KindPerson || m.kind == mPerson || m.kind == mPron || m.kind == mDesc {
				break
			}
			// A country or organisation inside a title: "Canadian", "White House", "Russia's".
			start = m.t0
			j = m.t0 - 1
			continue
		}
		if tk.kind == tokPoss {
			if pm := st.mentionAt(j - 1); pm != nil && !pm.dead && st.actors[pm.actor].kind != KindPerson {
				start = j
				j--
				continue
			}
			break
		}
		if tk.kind == tokPunct {
			if tk.text == "-" && j > 0 && toks[j-1].end == tk.start && tk.end == toks[j+1].start {
				start = j
				j--
				continue
			}
			break
		}
		if n := st.stateEndingAt(j); n > 0 {
			start = j - n + 1
			j -= n
			continue
		}
		lw := st.lowerB(j)
		if lexicon().vocab[string(lw)] || honorifics[string(lw)] != 0 {
			start = j
			j--
			continue
		}
		if (string(lw) == "of" || string(lw) == "for") && start < i {
			start = j
			j--
			continue
		}
		if string(lw) == "the" && j > 0 && start < i {
			if p := strings.ToLower(toks[j-1].text); p == "of" || p == "for" {
				start = j
				j--
				continue
			}
		}
		break
	}
	// A title does not start with a connector.
	for start < i {
		lw := strings.ToLower(toks[start].text)
		if lw == "of" || lw == "for" || lw == "the" || lw == "-" || lw == "and" || toks[start].kind == tokPoss {
			start++
			continue
		}
		break
	}
	if start >= i {
		return nil
	}
	t := st.parseTitle(start, i, false)
	if t == nil || (t.office == nil && !t.honor) {
		return nil
	}
	return t
}

// stateEndingAt returns the length of a U.S. state name ending at token j, or 0.
func (st *docState) stateEndingAt(j int) int {
	if !st.capWord(j) {
		return 0
	}
	if j > 0 && st.capWord(j-1) && usStates[st.toks[j-1].text+" "+st.toks[j].text] {
		return 2
	}
	if usStates[st.toks[j].text] {
		return 1
	}
	return 0
}

// absorbTitle kills the country and organisation mentions inside a person's title: in
// "Canadian Foreign Minister Melanie Joly", Canada is a property of the minister, not an
// actor of the sentence.
func (st *docState) absorbTitle(t *title) {
	for k := t.t0; k < t.t1; k++ {
		if m := st.mentionAt(k); m != nil && !m.dead && st.actors[m.actor].kind != KindPerson {
			st.kill(int(st.cover[k]))
		}
	}
}
