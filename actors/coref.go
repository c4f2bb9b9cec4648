package actors

import (
	"slices"
	"strings"
)

// surnameRef is a way to name a person alone, learnt from a full mention.
type surnameRef struct {
	actor int
	seq   []string
	pos   int // token of the full mention
}

// resolveSurnames links "Trump" after "Donald Trump" and "Lawrence" after "Edward Lawrence":
// a capitalised word equal to the surname of a person already named in full refers to the
// most recent such person. A surname met before any full mention refers to the one person of
// the document with that surname, if there is just one.
func (st *docState) resolveSurnames() {
	toks := st.toks
	regs := map[string][]surnameRef{} // first token of the surname -> references
	full := func(m *mention) bool {
		switch m.kind {
		case mDict:
			return m.pat.entry.Kind == KindPerson && !m.pat.short
		case mPerson:
			return m.t1-m.t0 >= 2
		}
		return false
	}
	register := func(m *mention) {
		a := st.actors[m.actor]
	next:
		for _, seq := range a.surnames {
			rs := regs[seq[0]]
			for k := range rs {
				if rs[k].actor == m.actor && slices.Equal(rs[k].seq, seq) {
					rs[k].pos = m.t0 // the same person named again: only the latest counts
					continue next
				}
			}
			regs[seq[0]] = append(rs, surnameRef{actor: m.actor, seq: seq, pos: m.t0})
		}
	}
	var pending []int // uncovered tokens that may be surnames named before the full name
	for i := 0; i < len(toks); i++ {
		if m := st.mentionAt(i); m != nil && m.t0 == i && !m.dead {
			if full(m) {
				register(m)
			} else if st.lonePersonLike(m) {
				if ref, ok := st.bestRef(regs, i, m.t1-m.t0); ok && ref.actor != m.actor {
					st.relink(m, ref.actor)
				}
			}
			i = m.t1 - 1
			continue
		}
		if st.covered(i) || !st.surnameCandidate(i) {
			continue
		}
		if ref, ok := st.bestRef(regs, i, 0); ok {
			st.addMention(mention{t0: i, t1: i + len(ref.seq), kind: mSurname, actor: ref.actor})
			i += len(ref.seq) - 1
			continue
		}
		pending = append(pending, i)
	}
	for _, i := range pending {
		if st.covered(i) {
			continue
		}
		var only *surnameRef
		unique := true
		for _, r := range regs[normToken(toks[i].text)] {
			if !st.seqAt(i, r.seq) {
				continue
			}
			if only != nil && only.actor != r.actor {
				unique = false
				break
			}
			r := r
			only = &r
		}
		if only != nil && unique {
			st.addMention(mention{t0: i, t1: i + len(only.seq), kind: mSurname, actor: only.actor})
		}
	}
	// A lone surname after a title that names nobody else in the document is a person of its
	// own; give it its name as found.
	for i := range st.actors {
		a := st.actors[i]
		if strings.HasPrefix(a.key, "s:") {
			a.surnames = [][]string{strings.Fields(a.name)}
		}
	}
}

// lonePersonLike reports whether a mention is a single word that a surname could take over: a
// surname alias, a one-word organisation or country, or a person found with a title alone.
func (st *docState) lonePersonLike(m *mention) bool {
	switch m.kind {
	case mDict:
		return m.t1-m.t0 == 1 && (m.pat.short || m.pat.entry.Kind == KindOrg && !m.pat.article)
	case mPerson:
		return m.t1-m.t0 == 1
	}
	return false
}

func (st *docState) relink(m *mention, actor int) {
	old := st.actors[m.actor]
	m.actor = actor
	if strings.HasPrefix(old.key, "s:") {
		a := st.actors[actor]
		a.titles = append(a.titles, old.titles...)
		if a.gender == 0 {
			a.gender = old.gender
		}
	}
}

// bestRef returns the most recent reference whose surname starts at token i (and is n tokens
// long when n > 0).
func (st *docState) bestRef(regs map[string][]surnameRef, i, n int) (surnameRef, bool) {
	var best surnameRef
	found := false
	for _, r := range regs[normToken(st.toks[i].text)] {
		if n > 0 && len(r.seq) != n {
			continue
		}
		if !st.seqAt(i, r.seq) {
			continue
		}
		if !found || r.pos > best.pos {
			best, found = r, true
		}
	}
	return best, found
}

func (st *docState) seqAt(i int, seq []string) bool {
	if i+len(seq) > len(st.toks) {
		return false
	}
	for k, s := range seq {
		t := &st.toks[i+k]
		if k > 0 && t.brk || st.covered(i+k) || normToken(t.text) != s {
			return false
		}
	}
	return true
}

// surnameCandidate reports whether token i may be a surname standing alone.
func (st *docState) surnameCandidate(i int) bool {
	toks := st.toks
	if !st.capWord(i) || st.stop(i) {
		return false
	}
	// Another capitalised word right after makes it part of a different name ("Lawrence
	// Summers"), unless that word is already a mention.
	if i+1 < len(toks) && !toks[i+1].brk && st.capWord(i+1) && !st.covered(i+1) {
		return false
	}
	// "Major" (Claudia Major) at the head of a sentence is more likely the adjective.
	if st.vocab(i) && (i == 0 || toks[i-1].sent != toks[i].sent) {
		return false
	}
	return true
}

// descriptions resolves "the Ukrainian leader", "the former secretary of state", "the U.S.
// president" and "Ukraine's president" to the person of the document who holds (or held)
// that office.
func (st *docState) descriptions() {
	toks := st.toks
	order := st.liveOrder()
	next := 0
	latest := make([]int, len(st.actors))
	for i := range latest {
		latest[i] = -1
	}
	for i := 0; i < len(toks); i++ {
		if st.covered(i) && st.mentionAt(i).t0 != i {
			continue
		}
		start, k := -1, -1
		switch {
		case !st.covered(i) && (toks[i].text == "the" || toks[i].text == "The"):
			start, k = i, i+1
		case st.covered(i):
			m := st.mentionAt(i)
			if m.dead || st.actors[m.actor].kind != KindCountry || m.t1 >= len(toks) || toks[m.t1].kind != tokPoss {
				continue
			}
			start, k = i, m.t1+1
		default:
			continue
		}
		j := k
		for j < len(toks) && !toks[j].brk && j-k < maxTitle {
			if m := st.mentionAt(j); m != nil {
				kind := st.actors[m.actor].kind
				if m.t0 == j && (kind == KindCountry || kind == KindRegion || kind == KindOrg) && m.kind != mGroup {
					j = m.t1
					continue
				}
				break
			}
			t := &toks[j]
			if t.kind == tokWord && st.vocab(j) {
				j++
				continue
			}
			if t.text == "-" && j > k && t.start == toks[j-1].end && j+1 < len(toks) && toks[j+1].start == t.end {
				j++
				continue
			}
			// "secretary of state", "leader of the opposition"
			if j > k && j+1 < len(toks) && !toks[j+1].brk && (t.text == "of" || t.text == "for" ||
				t.text == "the" && (toks[j-1].text == "of" || toks[j-1].text == "for")) &&
				(st.word(j+1) && st.vocab(j+1) || toks[j+1].text == "the" || st.mentionAt(j+1) != nil) {
				j++
				continue
			}
			break
		}
		if j == k {
			continue
		}
		t := st.parseTitle(k, j, false)
		if t == nil || t.office == nil {
			continue
		}
		if t.oEnd < j {
			// Words after the office are not part of it: "the president left early".
			j = t.oEnd
			if t = st.parseTitle(k, j, false); t == nil || t.office == nil {
				continue
			}
		}
		// A title before a name ("the U.S. President Donald Trump") is not a description.
		if j < len(toks) && !toks[j].brk {
			if st.capWord(j) && !st.stop(j) && !st.covered(j) {
				continue
			}
			if m := st.mentionAt(j); m != nil && st.actors[m.actor].kind == KindPerson {
				continue
			}
		}
		if st.covered(start) && start == i {
			t.country = st.actors[st.mentionAt(start).actor].code
		}
		pos := toks[start].start
		for next < len(order) && st.ments[order[next]].start < pos {
			if m := &st.ments[order[next]]; !m.dead {
				latest[m.actor] = m.start
			}
			next++
		}
		ai := st.resolveDescription(t, latest)
		if ai < 0 {
			i = j - 1
			continue
		}
		for q := start; q < j; q++ {
			if st.covered(q) {
				st.kill(int(st.cover[q]))
			}
		}
		st.addMention(mention{t0: start, t1: j, kind: mDesc, actor: ai, title: t})
		latest[ai] = pos
		i = j - 1
	}
}

// resolveDescription returns the person whose office matches t and whose latest mention
// (latest[actor], -1 for none) is the most recent, or -1.
func (st *docState) resolveDescription(t *title, latest []int) int {
	best, bestPos := -1, -1
	for ai, a := range st.actors {
		if ai >= len(latest) || a.kind != KindPerson || latest[ai] < 0 || latest[ai] <= bestPos {
			continue
		}
		if st.holdsOffice(a, t) {
			best, bestPos = ai, latest[ai]
		}
	}
	return best
}

// holdsOffice reports whether an actor holds (or, for a "former" description, held) the
// office a description names, on the reference date when there is one.
func (st *docState) holdsOffice(a *docActor, t *title) bool {
	key := t.officeKey()
	place := t.place()
	officeOK := func(o *office) bool {
		if o == nil {
			return false
		}
		return o.key == key || key == "leader" && (o.head || o.key == "leader")
	}
	placeOK := func(p string) bool { return place == "" || p == "" || p == place }
	if a.entry != nil {
		held, left := false, false
		for _, r := range a.entry.Roles {
			if !officeOK(r.office) || !placeOK(r.place) {
				continue
			}
			switch {
			case !st.refOK || !st.rolesOK:
				return true
			case r.HeldOn(st.ref):
				held = true
			case !r.To.IsZero() && !r.To.After(st.ref):
				left = true
			}
		}
		// A former president is one who left the office and has not come back to it.
		if t.former && left && !held || !t.former && held {
			return true
		}
	}
	for _, at := range a.titles {
		if at.former == t.former && officeOK(at.office) && placeOK(at.place()) {
			return true
		}
	}
	return false
}

type pronoun struct {
	gender   byte // 'm', 'f', or 0 for it/they
	person   bool
	plural   bool
	needVerb bool // "it said": resolved only as the subject of a verb, to skip "it is clear"
}

// pronounOf looks a word up in pronouns without allocating; most words fail on the first byte.
func pronounOf(w string) (pronoun, bool) {
	if len(w) < 2 || len(w) > 7 {
		return pronoun{}, false
	}
	switch w[0] | 0x20 {
	case 'h', 's', 'i', 't':
	default:
		return pronoun{}, false
	}
	var b [7]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	p, ok := pronouns[string(b[:len(w)])]
	return p, ok
}

// resolvePronouns links he/she/him/her/his, it/its and they to the nearest compatible actor:
// in the same sentence, the closest one before the pronoun (outside quotes when the pronoun
// is outside them); otherwise the subject of the nearest earlier sentence that has a
// compatible actor, going back three sentences at most.
func (st *docState) resolvePronouns() {
	toks := st.toks
	order := st.liveOrder()
	var prons []int // resolved pronouns, in text order: all of them precede the next one
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tokWord || st.covered(i) {
			continue
		}
		p, ok := pronounOf(t.text)
		if !ok {
			continue
		}
		if p.needVerb {
			if i+1 >= len(toks) || toks[i+1].brk || !isReportVerb(toks[i+1].text) {
				continue
			}
		}
		ai := st.antecedent(order, prons, i, p)
		if ai < 0 {
			continue
		}
		prons = append(prons, st.addMention(mention{t0: i, t1: i + 1, kind: mPron, actor: ai}))
	}
}

// liveOrder returns the indices of live mentions sorted by position.
func (st *docState) liveOrder() []int {
	var order []int
	for i := range st.ments {
		if !st.ments[i].dead {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return st.ments[a].start - st.ments[b].start })
	return order
}

func (st *docState) compatible(m *mention, p pronoun) bool {
	a := st.actors[m.actor]
	if p.person {
		return a.kind == KindPerson && (a.gender == 0 || a.gender == p.gender)
	}
	if a.kind == KindPerson {
		return false
	}
	if p.plural {
		// "They said" is most often people the text does not name; only a body named in the
		// plural ("Democrats", "Russian forces") is a safe antecedent.
		return a.plural
	}
	return !a.plural
}

// maxLookback bounds how many mentions a pronoun looks back over, so that a text with no
// sentence breaks stays linear.
const maxLookback = 64

func (st *docState) antecedent(order, prons []int, i int, p pronoun) int {
	toks := st.toks
	sent := toks[i].sent
	inQuote := toks[i].quote
	// The mentions before the pronoun, nearest first, from the two sorted lists.
	a, _ := slices.BinarySearchFunc(order, toks[i].start, func(x int, s int) int { return st.ments[x].start - s })
	b := len(prons)
	win := st.window[:0]
	sents := 0
	last := sent
	for len(win) < maxLookback && (a > 0 || b > 0) {
		var mi int
		if b == 0 || a > 0 && st.ments[order[a-1]].start > st.ments[prons[b-1]].start {
			a--
			mi = order[a]
		} else {
			b--
			mi = prons[b]
		}
		if s := toks[st.ments[mi].t0].sent; s != last {
			last = s
			if sents++; sents > 3 {
				break
			}
		}
		win = append(win, mi)
	}
	st.window = win
	k := 0
	// Same sentence, nearest first, unless the pronoun opens the sentence. An organisation or
	// country as the object of a verb or preposition ("join NATO or reclaim all its lost
	// territory") gives way to a nearer subject.
	for k < len(win) && toks[st.ments[win[k]].t0].sent == sent {
		k++
	}
	if !st.opensSentence(i) {
		for pass := 0; pass < 2; pass++ {
			if pass == 0 && p.person {
				continue
			}
			for _, mi := range win[:k] {
				m := &st.ments[mi]
				if !inQuote && toks[m.t0].quote {
					continue
				}
				if pass == 0 && !st.subjectLike(m) {
					continue
				}
				if st.compatible(m, p) {
					return m.actor
				}
			}
		}
	}
	// Earlier sentences, nearest first: their subject.
	for k < len(win) {
		s := toks[st.ments[win[k]].t0].sent
		hi := k
		for hi < len(win) && toks[st.ments[win[hi]].t0].sent == s {
			hi++
		}
		group := slices.Clone(win[k:hi])
		slices.Reverse(group)
		if ai := st.subject(group, s, p); ai >= 0 {
			return ai
		}
		k = hi
	}
	return -1
}

// opensSentence reports whether token i is the first word of its sentence (quotes and
// brackets aside).
func (st *docState) opensSentence(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if st.toks[k].sent != st.toks[i].sent || st.toks[k+1].brk {
			return true
		}
		if st.toks[k].kind == tokWord {
			return false
		}
	}
	return true
}

// subject picks the antecedent among the mentions of one sentence: the first compatible one
// outside quotes after any introductory phrase, then any compatible one outside quotes, then
// any at all.
func (st *docState) subject(ms []int, sent int32, p pronoun) int {
	clause := st.clauseStart(st.ments[ms[0]].t0, sent)
	for pass := 0; pass < 3; pass++ {
		for _, mi := range ms {
			m := &st.ments[mi]
			q := st.toks[m.t0].quote
			if pass == 0 && (q || m.start < clause) || pass == 1 && q {
				continue
			}
			if st.compatible(m, p) {
				return m.actor
			}
		}
	}
	return -1
}

// clauseStart returns the byte offset where the main clause of the sentence that contains
// token from begins.
func (st *docState) clauseStart(from int, sent int32) int {
	toks := st.toks
	first := from
	if int(sent) < len(st.sentFirst) {
		first = min(from, st.sentFirst[sent])
	}
	for first < len(toks) && toks[first].kind != tokWord {
		first++
	}
	if first >= len(toks) || !introWords[strings.ToLower(toks[first].text)] {
		return 0
	}
	// An introductory phrase is short; a comma far away ends something else.
	for k := first + 1; k < len(toks) && k-first < 40 && toks[k].sent == sent; k++ {
		if toks[k].text == "," && !toks[k].quote {
			return toks[k].end
		}
	}
	return 0
}

// isReportVerb lists what an organisation or country does as the subject of "it"/"they"
// often enough for the pronoun to be worth resolving.
func isReportVerb(w string) bool {
	switch w {
	case "said", "says", "say", "noted", "notes", "added", "adds", "warned", "warns", "stated",
		"states", "reported", "reports", "announced", "announces", "rejects", "rejected",
		"reject", "denied", "denies", "deny", "claimed", "claims", "claim", "insisted", "insists",
		"argued", "argues", "urged", "urges", "called", "calls", "accused", "accuses", "wrote",
		"writes", "confirmed", "confirms", "confirm", "demanded", "demands", "demand", "wants",
		"want", "plans", "plan", "agreed", "agrees", "agree", "refused", "refuses", "refuse",
		"threatened", "threatens", "threaten", "condemned", "condemns", "condemn", "welcomed",
		"welcomes", "welcome", "told", "declared", "declares", "launched", "launches", "vowed",
		"vows", "promised", "promises", "pledged", "pledges", "opposes", "opposed", "supports",
		"supported", "backs", "backed":
		return true
	}
	return false
}

// subjectLike reports whether a mention stands where a subject does: at the start of its
// clause, after punctuation or a conjunction, rather than after a verb or a preposition.
func (st *docState) subjectLike(m *mention) bool {
	k := m.t0 - 1
	for k >= 0 && st.toks[k].kind == tokWord {
		switch strings.ToLower(st.toks[k].text) {
		case "the", "a", "an":
			k--
			continue
		}
		break
	}
	if k < 0 || st.toks[k].sent != st.toks[m.t0].sent || st.toks[k+1].brk {
		return true
	}
	t := &st.toks[k]
	if t.kind != tokWord {
		return true
	}
	if t.cap {
		return true
	}
	switch t.text {
	case "that", "and", "but", "or", "which", "while", "as", "because", "when", "if", "since",
		"after", "before", "although", "though", "whether", "so", "then", "also", "where", "once",
		"until", "unless", "whereas", "nor":
		return true
	}
	return false
}
