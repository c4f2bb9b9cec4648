package actors

import (
	"strings"
)

// discoverOrgs finds organisations the dictionary lacks: capitalised phrases with a head word
// ("German Institute for International and Security Affairs", "Russia's Ministry of Foreign
// Affairs", "Rice University").
func (st *docState) discoverOrgs() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if !st.orgRunStart(i) {
			continue
		}
		j := i
		for j < len(toks) && j-i < 16 {
			if j > i && toks[j].brk {
				break
			}
			if m := st.mentionAt(j); m != nil {
				a := st.actors[m.actor]
				if a.kind == KindCountry || a.kind == KindRegion {
					j = m.t1
					continue
				}
				break
			}
			t := &toks[j]
			if j > i && st.officeWord(j) || st.loudWord(j) {
				break // "UMWA Director of Government Affairs Phil Smith": a title, not a name
			}
			if t.kind == tokWord && t.cap && !st.stop(j) {
				j++
				continue
			}
			if j > i && (t.kind == tokWord || t.text == "&" || t.text == "-") && j+1 < len(toks) &&
				!toks[j+1].brk && (st.capWord(j+1) && !st.stop(j+1) || st.countryAt(j+1) ||
				toks[j+1].text == "the" && t.text != "and" && j+2 < len(toks) && st.capWord(j+2) && !toks[j+2].brk) {
				switch strings.ToLower(t.text) {
				case "of", "for", "and", "on", "the", "de", "&", "-", "des", "du":
					j++
					continue
				}
			}
			break
		}
		// Trim connectors the run may end with ("of the").
		for j > i && !st.capWord(j-1) && st.mentionAt(j-1) == nil {
			j--
		}
		if j-i < 2 || st.shouting(i, j) {
			i = max(i, j-1)
			continue
		}
		sector, head, ok := st.orgSector(i, j)
		if !ok {
			i = j - 1
			continue
		}
		// "Peter Lindqvist and Anna Berg of the Swedish Institute ...": what comes before the
		// last connector ahead of the head word is not part of the name if it has no head
		// word of its own.
		start := i
		for c := head - 1; c > i; c-- {
			if st.toks[c].kind == tokWord && !st.toks[c].cap && st.mentionAt(c) == nil || st.toks[c].text == "&" {
				start = c + 1
				for k := i; k < c; k++ {
					if _, isHead := orgHeads[string(st.lowerB(k))]; isHead && st.capWord(k) {
						start = i
						break
					}
				}
				break
			}
		}
		if j-start >= 2 {
			st.addOrg(start, j, sector)
		}
		i = j - 1
	}
}

// officeWord reports whether token i is a capitalised office word ("Director", "President")
// that is not also an organisation's head word.
func (st *docState) officeWord(i int) bool {
	if !st.capWord(i) || st.toks[i].cls&clsVocab == 0 {
		return false
	}
	b := st.lowerB(i)
	if _, head := orgHeads[string(b)]; head {
		return false
	}
	for _, p := range lexicon().phrases[string(b)] {
		if len(p.toks) == 1 {
			return true
		}
	}
	return false
}

// loudWord reports whether token i is a word of five or more capitals that is no acronym the
// dictionary knows: a headline in capitals ("ELEVEN POLICE KILLED") says nothing about names.
func (st *docState) loudWord(i int) bool {
	t := &st.toks[i]
	if t.kind != tokWord || len(t.text) < 5 || st.covered(i) {
		return false
	}
	for k := 0; k < len(t.text); k++ {
		if c := t.text[k]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// shouting reports whether tokens [i, j) are all capitals.
func (st *docState) shouting(i, j int) bool {
	loud := false
	for k := i; k < j; k++ {
		t := st.toks[k].text
		if st.toks[k].kind != tokWord || len(t) < 2 {
			continue
		}
		if strings.ToUpper(t) != t {
			return false
		}
		loud = loud || len(t) >= 5
	}
	return loud
}

// orgRunStart reports whether token i can begin an organisation's name.
func (st *docState) orgRunStart(i int) bool {
	if m := st.mentionAt(i); m != nil {
		a := st.actors[m.actor]
		return m.t0 == i && (a.kind == KindCountry || a.kind == KindRegion)
	}
	return st.capWord(i) && !st.stop(i) && !st.officeWord(i)
}

func (st *docState) countryAt(i int) bool {
	m := st.mentionAt(i)
	if m == nil {
		return false
	}
	k := st.actors[m.actor].kind
	return k == KindCountry || k == KindRegion
}

// orgSector finds the head word of [i, j) and the sector it gives. A head followed by "of" or
// "for" governs the name ("Ministry of Defence", "Institute for the Study of War"); otherwise
// the last head does ("Russian Defence Ministry").
func (st *docState) orgSector(i, j int) (string, int, bool) {
	sector := ""
	headAt := -1
	for k := i; k < j; k++ {
		if st.mentionAt(k) != nil || !st.capWord(k) {
			continue
		}
		s, ok := orgHeads[string(st.lowerB(k))]
		if !ok {
			continue
		}
		if k == i && !(k+1 < j && isOfFor(st.toks[k+1].text)) {
			continue // "Party leaders": a head word alone at the start is no name
		}
		sector, headAt = s, k
		if k+1 < j && isOfFor(st.toks[k+1].text) {
			break
		}
	}
	if headAt < 0 {
		return "", -1, false
	}
	if sector == "GOV" || sector == "BUS" || sector == "NGO" {
		for k := i; k < j; k++ {
			if kw, ok := orgKeywords[string(st.lowerB(k))]; ok {
				if kw == "MED" && sector != "BUS" {
					continue
				}
				sector = kw
				break
			}
		}
	}
	return sector, headAt, true
}

func isOfFor(s string) bool {
	switch s {
	case "of", "for", "on":
		return true
	}
	return false
}

// addOrg records a discovered organisation over tokens [i, j), taking in a possessive country
// before it ("Russia's Ministry of Foreign Affairs").
func (st *docState) addOrg(i, j int, sector string) {
	country := ""
	demonym := ""
	for k := i; k < j; k++ {
		if m := st.mentionAt(k); m != nil {
			a := st.actors[m.actor]
			if a.kind == KindCountry && country == "" {
				country = a.code
			}
			if strings.HasPrefix(a.code, "IGO") && country == "" {
				country = a.code
			}
		}
	}
	name := st.text[st.toks[i].start:st.toks[j-1].end]
	start := i
	if i >= 2 && st.toks[i-1].kind == tokPoss && !st.toks[i].brk && !st.toks[i-1].brk {
		if m := st.mentionAt(i - 2); m != nil && m.t1 == i-1 {
			a := st.actors[m.actor]
			if a.kind == KindCountry || a.kind == KindRegion {
				if country == "" {
					country = a.code
				}
				if a.entry != nil && len(a.entry.Demonyms) > 0 {
					demonym = a.entry.Demonyms[0]
				}
				start = m.t0
			}
		}
	}
	if demonym != "" {
		name = demonym + " " + name
	}
	name = strings.Join(strings.Fields(name), " ")
	for k := start; k < j; k++ {
		if st.cover[k] >= 0 {
			st.kill(int(st.cover[k]))
		}
	}
	code := sector
	if country != "" {
		if strings.HasPrefix(country, "IGO") {
			code = country
		} else {
			code = country + sector
		}
	}
	// "Turquoise Council" after "Turquoise Council of Americans and Eurasians" is the same body.
	key := "o:" + name
	if k, ok := st.orgPfx[name]; ok {
		key = k
	} else {
		if st.orgPfx == nil {
			st.orgPfx = map[string]string{}
		}
		for k := strings.IndexByte(name, ' '); k > 0; k = nextSpace(name, k) {
			if _, taken := st.orgPfx[name[:k]]; !taken {
				st.orgPfx[name[:k]] = key
			}
		}
	}
	ai := st.actorFor(key, func() *docActor {
		return &docActor{name: name, kind: KindOrg, code: code}
	})
	st.addMention(mention{t0: start, t1: j, kind: mOrg, actor: ai})
}

// nextSpace returns the index of the next space after k, or -1.
func nextSpace(s string, k int) int {
	if n := strings.IndexByte(s[k+1:], ' '); n >= 0 {
		return k + 1 + n
	}
	return -1
}

// attachTitles reads the title before every dictionary person's mention, folds the countries
// and organisations inside it into the person, and lets the title choose between namesakes
// ("President Clinton" is Bill, not Hillary).
func (st *docState) attachTitles() {
	for idx := range st.ments {
		m := &st.ments[idx]
		if m.dead || m.kind != mDict || m.pat.entry.Kind != KindPerson {
			continue
		}
		t := st.titleBefore(m.t0)
		if t == nil {
			continue
		}
		m = &st.ments[idx]
		m.title = t
		st.absorbTitle(t)
		if m.pat.short && t.office != nil {
			st.pickNamesake(idx, t)
		}
		st.actors[st.ments[idx].actor].titles = append(st.actors[st.ments[idx].actor].titles, t)
	}
}

// pickNamesake switches a surname-only mention to another dictionary person of that surname
// when only the other one ever held the office its title names.
func (st *docState) pickNamesake(idx int, t *title) {
	m := &st.ments[idx]
	e := m.pat.entry
	if entryHasOffice(e, t) {
		return
	}
	var best *Entry
	for _, o := range st.d.surnames[st.toks[m.t1-1].text] {
		if o != e && entryHasOffice(o, t) {
			if best == nil {
				best = o
			} else if lb, _ := best.latestRole(); true {
				if lo, _ := o.latestRole(); lo.From.After(lb.From) {
					best = o
				}
			}
		}
	}
	if best != nil {
		m.actor = st.entryActor(best)
	}
}

func entryHasOffice(e *Entry, t *title) bool {
	for _, r := range e.Roles {
		if roleMatches(r, t) {
			return true
		}
	}
	return false
}

// roleMatches reports whether a title names the office of a role.
func roleMatches(r Role, t *title) bool {
	if r.office == nil || t.office == nil {
		return false
	}
	if r.office.key != t.officeKey() {
		return false
	}
	p := t.place()
	return p == "" || r.place == "" || p == r.place
}

// discoverPeople finds people the dictionary lacks: capitalised names after a title
// ("Fox Business correspondent Edward Lawrence"), names that begin with a known given name
// ("Claudia Major"), and names followed by an apposition ("Michael Baselice, an Austin-based
// pollster").
func (st *docState) discoverPeople() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if st.covered(i) || !st.capWord(i) || st.stop(i) {
			continue
		}
		first := st.firstName(i)
		if first == 0 && st.vocab(i) {
			continue // a title word, not a name
		}
		j := st.nameEnd(i)
		if j <= i {
			continue
		}
		n := j - i
		if n == 1 {
			if _, head := orgHeads[string(st.lowerB(i))]; head {
				continue // "General Assembly": an institution, not General Assembly the man
			}
		}
		t := st.titleBefore(i)
		if t != nil && t.office == nil && !t.honor {
			t = nil
		}
		var app *title
		if t == nil || t.office == nil {
			app = st.apposition(j)
		}
		person := t != nil || (first != 0 && n >= 2) || (app != nil && n >= 2) ||
			(n >= 2 && isInitial(toks[i].text))
		if !person {
			i = j - 1
			continue
		}
		name := strings.Join(strings.Fields(st.text[toks[i].start:toks[j-1].end]), " ")
		g := byte(0)
		if first == 'm' || first == 'f' {
			g = first
		}
		if t != nil && t.honorGen != 0 {
			g = t.honorGen
		}
		code, role := "", ""
		if t != nil {
			st.absorbTitle(t)
			code, role = t.code(), titleRole(t)
		} else if app != nil {
			code, role = app.code(), titleRole(app)
		}
		if aff := st.affiliation(j); aff != "" && (t == nil || t.orgCode == "") {
			code = aff
		}
		if e := st.knownPerson(i, j, t); e != nil {
			// "Loretta E. Lynch", "Speaker Ryan": a dictionary person written another way.
			if t != nil {
				st.absorbTitle(t)
			}
			ai := st.entryActor(e)
			if t != nil {
				st.actors[ai].titles = append(st.actors[ai].titles, t)
			}
			st.addMention(mention{t0: i, t1: j, kind: mPerson, actor: ai, title: t})
			i = j - 1
			continue
		}
		key := "p:" + name
		if n == 1 {
			// A lone surname after a title ("Mr. Lawrence"); coreference decides who it is.
			key = "s:" + name
		}
		ai := st.actorFor(key, func() *docActor {
			return &docActor{name: name, kind: KindPerson, code: code, role: role, gender: g}
		})
		a := st.actors[ai]
		if a.code == "" {
			a.code = code
		}
		if a.role == "" {
			a.role = role
		}
		if a.gender == 0 {
			a.gender = g
		}
		if t != nil {
			a.titles = append(a.titles, t)
		}
		if n >= 2 {
			a.surnames = discoveredSurnames(toks[i:j])
		}
		mi := st.addMention(mention{t0: i, t1: j, kind: mPerson, actor: ai, title: t})
		// "Claudia Major and Aldo Kleemann of the Institute": the affiliation is shared.
		if aff := st.affiliation(j); aff != "" {
			st.shareAffiliation(mi, aff)
		}
		i = j - 1
	}
}

// knownPerson returns the dictionary person that tokens [i, j) name in a way the dictionary
// does not list: with middle initials ("Loretta E. Lynch"), or by surname after a title that
// only one person of that surname held ("Speaker Ryan").
func (st *docState) knownPerson(i, j int, t *title) *Entry {
	var parts []string
	for k := i; k < j; k++ {
		if k > i && k < j-1 && isInitial(st.toks[k].text) {
			continue
		}
		parts = append(parts, normToken(st.toks[k].text))
	}
	if len(parts) >= 2 {
		if e := st.d.byName[strings.Join(parts, " ")]; e != nil && e.Kind == KindPerson {
			return e
		}
		return nil
	}
	if t == nil || t.office == nil {
		return nil
	}
	var found *Entry
	for _, e := range st.d.surnames[parts[0]] {
		if entryHasOffice(e, t) {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

func titleRole(t *title) string {
	words := strings.Fields(t.text)
	for len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "the", "a", "an":
			words = words[1:]
			continue
		}
		break
	}
	for len(words) > 0 {
		switch strings.ToLower(words[len(words)-1]) {
		case "the", "a", "an", "at", "of", "for", "in", "on", "with", "and", "to", "from", "-":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// discoveredSurnames returns the tail of a found name, which may stand alone later.
func discoveredSurnames(toks []token) [][]string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, normToken(t.text))
	}
	for len(parts) > 1 && isNameSuffix(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) < 2 {
		return nil
	}
	rest := parts[1:]
	for len(rest) > 1 && isInitial(rest[0]) {
		rest = rest[1:]
	}
	out := [][]string{rest}
	if len(rest) > 1 && rest[len(rest)-2] != "-" {
		out = append(out, rest[len(rest)-1:])
	}
	return out
}

// nameEnd returns the end of the capitalised name that starts at token i.
func (st *docState) nameEnd(i int) int {
	toks := st.toks
	j := i
	for j < len(toks) && j-i < 6 {
		t := &toks[j]
		if j > i && t.brk || st.covered(j) {
			break
		}
		if t.kind == tokWord && t.cap && !st.stop(j) {
			if j > i && st.vocab(j) && st.firstName(j) == 0 && j+1 < len(toks) &&
				st.capWord(j+1) && !toks[j+1].brk {
				break // "... Kasich Senator Cruz": a title starts the next name
			}
			j++
			continue
		}
		if j > i && t.kind == tokWord && particles[t.text] && j+1 < len(toks) && !toks[j+1].brk &&
			(st.capWord(j+1) || toks[j+1].text == "-") && !st.covered(j+1) {
			j++
			continue
		}
		if j > i && t.text == "-" && t.start == toks[j-1].end && j+1 < len(toks) && toks[j+1].start == t.end &&
			st.capWord(j+1) && !st.covered(j+1) {
			j++
			continue
		}
		break
	}
	// A name does not end on a particle or a hyphen.
	for j > i && (toks[j-1].text == "-" || particles[toks[j-1].text]) {
		j--
	}
	return j
}

// apposition reads ", a/an/the <title> ..." after a name ending at token j.
func (st *docState) apposition(j int) *title {
	toks := st.toks
	if j >= len(toks) || toks[j].text != "," || toks[j].brk {
		return nil
	}
	k := j + 1
	if k < len(toks) {
		switch strings.ToLower(toks[k].text) {
		case "a", "an", "the":
			k++
		}
	}
	end := k
	for end < len(toks) && end-k < 12 && !toks[end].brk {
		t := &toks[end]
		if t.kind == tokPunct && t.text != "-" && t.text != "&" {
			break
		}
		if t.kind == tokWord {
			switch strings.ToLower(t.text) {
			case "who", "which", "that", "said", "says", "told", "whose", "when", "where":
				goto done
			}
		}
		end++
	}
done:
	if end <= k {
		return nil
	}
	t := st.parseTitle(k, end, false)
	if t == nil || t.office == nil {
		return nil
	}
	return t
}

// affiliation returns the code of an organisation named right after a person ("of the German
// Institute ...", "at Rice University", "from Reuters").
func (st *docState) affiliation(j int) string {
	toks := st.toks
	if j >= len(toks) || toks[j].brk || toks[j].kind != tokWord {
		return ""
	}
	switch toks[j].text {
	case "of", "at", "from", "with":
	default:
		return ""
	}
	k := j + 1
	if k < len(toks) && (toks[k].text == "the" || toks[k].text == "The") && st.mentionAt(k) == nil {
		k++
	}
	m := st.mentionAt(k)
	if m == nil || m.dead || m.t0 != k {
		return ""
	}
	a := st.actors[m.actor]
	if a.kind != KindOrg {
		return ""
	}
	return a.code
}

// shareAffiliation gives an affiliation to the people listed before mention mi ("A and B of
// X", "A, B and C of X") that have no code of their own yet.
func (st *docState) shareAffiliation(mi int, code string) {
	k := st.ments[mi].t0 - 1
	for n := 0; k > 0 && n < 10; n++ {
		if st.toks[k].text != "and" && st.toks[k].text != "," {
			return
		}
		p := st.mentionAt(k - 1)
		if p == nil || p.dead || p.kind != mPerson {
			return
		}
		a := st.actors[p.actor]
		if a.code == "" {
			a.code = code
		}
		k = p.t0 - 1
	}
}

// groups turns "Russian forces", "U.S. troops" and "Ukraine's military" into the country's
// military (or government, media...) as an actor of its own.
func (st *docState) groups() {
	toks := st.toks
	for idx := range st.ments {
		m := &st.ments[idx]
		if m.dead || m.kind != mDict || m.pat.entry.Kind != KindCountry {
			continue
		}
		e := m.pat.entry
		k := m.t1
		if k < len(toks) && toks[k].kind == tokPoss && !m.pat.demonym {
			k++
		}
		if k >= len(toks) || toks[k].brk || toks[k].kind != tokWord || toks[k].cap {
			continue
		}
		sector, n := "", 0
		if k+1 < len(toks) && !toks[k+1].brk {
			if s, ok := groupNouns[st.lower(k)+" "+strings.ToLower(toks[k+1].text)]; ok {
				sector, n = s, 2
			}
		}
		if n == 0 {
			if s, ok := groupNouns[string(st.lowerB(k))]; ok {
				sector, n = s, 1
			}
		}
		if n == 0 {
			continue
		}
		// "military aid", "government bonds": the noun modifies another noun.
		if n == 1 && (toks[k].text == "military" || toks[k].text == "government" || toks[k].text == "press" ||
			toks[k].text == "intelligence" || toks[k].text == "police" || toks[k].text == "media") {
			nx := k + 1
			if nx < len(toks) && !toks[nx].brk && toks[nx].kind == tokWord && !toks[nx].cap && !isVerbish(toks[nx].text) {
				continue
			}
		}
		demonym := e.Name
		if len(e.Demonyms) > 0 {
			demonym = e.Demonyms[0]
		}
		name := demonym + " " + sectorNames[sector]
		code := e.Code + sector
		t0 := m.t0
		st.kill(idx)
		ai := st.actorFor("g:"+code, func() *docActor {
			return &docActor{name: name, kind: KindOrg, code: code, plural: true}
		})
		st.addMention(mention{t0: t0, t1: k + n, kind: mGroup, actor: ai})
	}
}

// isVerbish recognises the auxiliaries and reporting verbs that follow a subject.
func isVerbish(w string) bool {
	switch w {
	case "said", "says", "say", "has", "have", "had", "is", "are", "was", "were", "will", "would",
		"could", "can", "may", "might", "must", "should", "did", "does", "do", "launched", "struck",
		"attacked", "fired", "claimed", "denied", "announced", "reported", "warned", "stated",
		"added", "noted", "continued", "began", "seized", "captured", "shot", "killed":
		return true
	}
	return false
}
