package story

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
)

// storyCtx is the state of building one story.
type storyCtx struct {
	b     *Builder
	g     *group
	st    *parley.Story
	docs  []*docEntry
	rep   map[string]*docEntry // the first document of each copy family: the independent source
	tab   *actorTable
	capDF map[string]int // independent documents of the story with each capitalised word
	nInd  int

	clusters []*evCluster
}

func (c *storyCtx) independent(d *docEntry) bool { return c.rep[d.root] == d }

// build assembles the story view of a group from its documents.
func (b *Builder) build(g *group) *parley.Story {
	c := &storyCtx{b: b, g: g, st: &parley.Story{ID: g.id}, docs: g.docs, rep: map[string]*docEntry{},
		tab: newActorTable(), capDF: map[string]int{}}
	for _, d := range c.docs {
		if c.rep[d.root] == nil {
			c.rep[d.root] = d
			c.nInd++
			for w := range d.caps {
				c.capDF[w]++
			}
		}
		c.st.Documents = append(c.st.Documents, parley.StoryDocument{
			ID: d.id, Source: d.source, Title: d.title, Published: d.published, CopyOf: d.copyOf,
		})
	}
	c.actors()
	c.events()
	c.quotes()
	c.stances()
	c.numberConflicts()
	c.roleConflicts()
	c.notes()
	c.span()
	c.label()
	sort.SliceStable(c.st.Claims, func(i, j int) bool { return c.st.Claims[i].Sources > c.st.Claims[j].Sources })
	return c.st
}

func (c *storyCtx) actors() {
	for _, d := range c.docs {
		ind := c.independent(d)
		for _, a := range d.actors {
			r := c.tab.get(a.name, a.code)
			if r == nil {
				continue
			}
			if a.name != "" {
				r.resolved[strings.TrimSpace(a.name)] = true
			}
			if a.role != "" {
				r.roles = append(r.roles, roleRec{doc: d, role: a.role, ev: a.roleEv})
			}
			if !ind {
				continue
			}
			r.mentions += a.mentions
			r.countDoc(d)
		}
	}
	// Actors named only by the facts (a speaker the actor stage missed) still take part.
	note := func(d *docEntry, ref *parley.ActorRef) {
		if ref == nil {
			return
		}
		r := c.tab.get(ref.Name, ref.Code)
		if r != nil && c.independent(d) {
			r.countDoc(d)
		}
	}
	for _, d := range c.docs {
		for i := range d.events {
			note(d, d.events[i].Source)
			note(d, d.events[i].Target)
		}
		for i := range d.quotes {
			note(d, d.quotes[i].Speaker)
		}
		for i := range d.stances {
			note(d, &d.stances[i].Actor)
		}
	}
	for _, r := range sortedActors(c.tab) {
		c.st.Actors = append(c.st.Actors, parley.StoryActor{
			Name: r.name(), Code: r.code(), Role: r.role(), Mentions: r.mentions, Documents: r.docs,
		})
	}
}

func (c *storyCtx) ref(a *parley.ActorRef) *actorRec {
	if a == nil {
		return nil
	}
	return c.tab.get(a.Name, a.Code)
}

// sourcesOf counts the independent sources among evidence: copy families, not documents.
func (c *storyCtx) sourcesOf(ev []parley.Evidence) int {
	roots := map[string]bool{}
	for _, e := range ev {
		if d := c.b.docs[e.DocumentID]; d != nil {
			roots[d.root] = true
		}
	}
	return len(roots)
}

func (c *storyCtx) rootOf(docID string) string {
	if d := c.b.docs[docID]; d != nil {
		return d.root
	}
	return docID
}

// disagreement reports whether the sides of a would-be conflict come from independent sources
// that disagree: some source gives one value and not the other, and another source the reverse.
// A document that gives two numbers contradicts nobody.
func (c *storyCtx) disagreement(sides []parley.ConflictSide) bool {
	roots := make([]map[string]bool, len(sides))
	for i, s := range sides {
		roots[i] = map[string]bool{}
		for _, e := range s.Evidence {
			roots[i][c.rootOf(e.DocumentID)] = true
		}
	}
	only := func(i, j int) bool {
		for r := range roots[i] {
			if !roots[j][r] {
				return true
			}
		}
		return false
	}
	for i := range sides {
		for j := i + 1; j < len(sides); j++ {
			if only(i, j) && only(j, i) {
				return true
			}
		}
	}
	return false
}

func shortID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// --- stances, claims on them and positions -------------------------------------------------

var polarityWords = map[string]string{
	parley.StanceSupport:     "supports",
	parley.StanceOppose:      "opposes",
	parley.StanceConditional: "conditionally supports",
}

type stanceRep struct {
	doc *docEntry
	st  *parley.Stance
	ev  parley.Evidence
}

func (c *storyCtx) stances() {
	type key struct {
		actor    *actorRec
		issue    string
		polarity string
	}
	type posKey struct {
		actor *actorRec
		issue string
	}
	groups := map[key][]stanceRep{}
	var order []key
	positions := map[posKey][]stanceRep{}
	var posOrder []posKey
	for _, d := range c.docs {
		for i := range d.stances {
			st := &d.stances[i]
			r := c.tab.get(st.Actor.Name, st.Actor.Code)
			if r == nil || st.Issue == "" {
				continue
			}
			rep := stanceRep{doc: d, st: st, ev: parley.Evidence{DocumentID: d.id, Source: d.source, Span: st.Span, Text: st.Text}}
			k := key{r, st.Issue, st.Polarity}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], rep)
			if c.independent(d) {
				pk := posKey{r, st.Issue}
				if _, ok := positions[pk]; !ok {
					posOrder = append(posOrder, pk)
				}
				positions[pk] = append(positions[pk], rep)
			}
		}
	}
	for _, k := range order {
		reps := groups[k]
		ev := firstPerDocument(reps)
		n := c.sourcesOf(ev)
		if n < 2 {
			continue
		}
		verb := polarityWords[k.polarity]
		if verb == "" {
			verb = "takes the position " + strconv.Quote(k.polarity) + " on"
		}
		c.st.Claims = append(c.st.Claims, parley.Claim{
			Kind: "stance", Summary: fmt.Sprintf("%s %s %s", k.actor.name(), verb, k.issue), Evidence: ev, Sources: n,
		})
	}

	// Positions, most prominent actors first, issues in profile order.
	rank := map[*actorRec]int{}
	for i, r := range sortedActors(c.tab) {
		rank[r] = i + 1
	}
	issues := c.issueOrder(func(yield func(string)) {
		for _, pk := range posOrder {
			yield(pk.issue)
		}
	})
	issueRank := map[string]int{}
	for i, is := range issues {
		issueRank[is] = i
	}
	sort.SliceStable(posOrder, func(i, j int) bool {
		ri, rj := rank[posOrder[i].actor], rank[posOrder[j].actor]
		if ri == 0 {
			ri = 1 << 30
		}
		if rj == 0 {
			rj = 1 << 30
		}
		if ri != rj {
			return ri < rj
		}
		return issueRank[posOrder[i].issue] < issueRank[posOrder[j].issue]
	})
	for _, pk := range posOrder {
		c.st.Positions = append(c.st.Positions, position(pk.actor.actorName(), pk.issue, positions[pk]))
	}
	c.st.Issues = issues
}

// firstPerDocument keeps one piece of evidence per document: a claim needs each source once.
func firstPerDocument(reps []stanceRep) []parley.Evidence {
	seen := map[string]bool{}
	var out []parley.Evidence
	for _, r := range reps {
		if !seen[r.doc.id] {
			seen[r.doc.id] = true
			out = append(out, r.ev)
		}
	}
	return out
}

// position lays an actor's stances on one issue out in time: by the stance's date, else its
// document's; undated readings come last, in the order the documents were added.
func position(actor parley.ActorName, issue string, reps []stanceRep) parley.Position {
	p := parley.Position{Actor: actor, Issue: issue}
	type point struct {
		day   int
		dated bool
		pp    parley.PositionPoint
	}
	pts := make([]point, 0, len(reps))
	for _, r := range reps {
		pt := point{pp: parley.PositionPoint{Polarity: r.st.Polarity, Evidence: r.ev}}
		if d, ok := parseDay(r.st.Date); ok {
			pt.day, pt.dated = d, true
		} else if r.doc.dated {
			pt.day, pt.dated = r.doc.day, true
		}
		if pt.dated {
			pt.pp.Date = dayString(pt.day)
		}
		pts = append(pts, pt)
	}
	sort.SliceStable(pts, func(i, j int) bool {
		if pts[i].dated != pts[j].dated {
			return pts[i].dated
		}
		return pts[i].dated && pts[i].day < pts[j].day
	})
	for i, pt := range pts {
		p.Points = append(p.Points, pt.pp)
		// A change needs both readings placed in time: undated ones come in the order their
		// documents arrived, which says nothing about which position came first.
		if i > 0 && pt.dated && pts[i-1].dated && pt.pp.Polarity != pts[i-1].pp.Polarity {
			p.Changes = append(p.Changes, parley.PositionChange{
				From: pts[i-1].pp.Polarity, To: pt.pp.Polarity, Date: pt.pp.Date,
				Before: pts[i-1].pp.Evidence, After: pt.pp.Evidence,
			})
		}
	}
	if len(pts) > 0 {
		// The latest dated reading is the current position; with none dated, the last one.
		p.Current = pts[len(pts)-1].pp.Polarity
		for i := len(pts) - 1; i >= 0; i-- {
			if pts[i].dated {
				p.Current = pts[i].pp.Polarity
				break
			}
		}
	}
	return p
}

// issueOrder orders issues as the profile does, then the others alphabetically.
func (c *storyCtx) issueOrder(each func(yield func(string))) []string {
	seen := map[string]bool{}
	var extra []string
	each(func(is string) {
		if !seen[is] {
			seen[is] = true
			extra = append(extra, is)
		}
	})
	var out []string
	inProfile := map[string]bool{}
	for _, is := range c.b.opt.Issues {
		inProfile[is] = true
		if seen[is] {
			out = append(out, is)
		}
	}
	sort.Strings(extra)
	for _, is := range extra {
		if !inProfile[is] {
			out = append(out, is)
		}
	}
	return out
}

// --- conflicts on roles --------------------------------------------------------------------

var roleModifiers = vocab.Set("roleModifiers")

// roleSignature reduces a role to what can contradict another role: its head title and its
// modifiers ("former", "acting"). "U.S. President" and "President of the United States" agree;
// "former President" and "President" do not.
func roleSignature(role string) string {
	toks := words(role)
	var mods []string
	head := ""
	cut := false
	for _, t := range toks {
		w := t.lower
		if w == "of" || w == "for" || w == "to" || w == "at" {
			cut = true
		}
		if roleModifiers[w] {
			mods = append(mods, w)
			continue
		}
		if !cut && len(w) > 2 && !stopWords[w] {
			head = w
		}
	}
	sort.Strings(mods)
	return strings.Join(mods, "+") + "/" + head
}

// samePeriod reports whether two documents may speak of the same moment: a role may change
// between documents months apart, but not between documents of the same weeks, and undated
// documents are taken to be of the story's time.
func samePeriod(a, b *docEntry) bool {
	if !a.dated || !b.dated {
		return true
	}
	d := a.day - b.day
	return -90 <= d && d <= 90
}

func (c *storyCtx) roleConflicts() {
	for _, r := range sortedActors(c.tab) {
		if len(r.roles) < 2 {
			continue
		}
		bySig := map[string][]roleRec{}
		var sigs []string
		for _, rr := range r.roles {
			s := roleSignature(rr.role)
			if _, ok := bySig[s]; !ok {
				sigs = append(sigs, s)
			}
			bySig[s] = append(bySig[s], rr)
		}
		if len(sigs) < 2 {
			continue
		}
		period := false
		for i := 0; i < len(sigs) && !period; i++ {
			for j := i + 1; j < len(sigs) && !period; j++ {
				for _, a := range bySig[sigs[i]] {
					for _, b := range bySig[sigs[j]] {
						if a.doc.root != b.doc.root && samePeriod(a.doc, b.doc) {
							period = true
						}
					}
				}
			}
		}
		if !period {
			continue
		}
		var sides []parley.ConflictSide
		for _, s := range sigs {
			rrs := bySig[s]
			count := map[string]int{}
			value, best := "", 0
			var ev []parley.Evidence
			seen := map[string]bool{}
			for _, rr := range rrs {
				count[rr.role]++
				if count[rr.role] > best {
					value, best = rr.role, count[rr.role]
				}
				if !seen[rr.doc.id] {
					seen[rr.doc.id] = true
					ev = append(ev, rr.ev)
				}
			}
			sides = append(sides, parley.ConflictSide{Value: value, Evidence: ev})
		}
		if !c.disagreement(sides) {
			continue
		}
		c.st.Conflicts = append(c.st.Conflicts, parley.Conflict{
			Kind: "role", Summary: "the role of " + r.name(), Sides: sides,
		})
	}
}

// --- conflicts on numbers ------------------------------------------------------------------

// numberConflicts finds quantities that independent sources give differently: numbers on the
// same noun, in reports of one event or in sentences that otherwise say the same thing, from
// documents of the same days.
func (c *storyCtx) numberConflicts() {
	type num struct {
		doc *docEntry
		m   *numMention
	}
	byNoun := map[string][]num{}
	var nouns []string
	for _, d := range c.docs {
		for i := range d.numbers {
			m := &d.numbers[i]
			if _, ok := byNoun[m.noun]; !ok {
				nouns = append(nouns, m.noun)
			}
			if len(byNoun[m.noun]) < 300 { // bounds the pairs compared per noun
				byNoun[m.noun] = append(byNoun[m.noun], num{d, m})
			}
		}
	}
	// Which event each sentence reports, so two reports of one event can be compared whatever
	// else their sentences say.
	eventsAt := map[string][]struct {
		s   parley.Span
		idx int
	}{}
	for i, cl := range c.clusters {
		for _, r := range cl.reps {
			eventsAt[r.doc.id] = append(eventsAt[r.doc.id], struct {
				s   parley.Span
				idx int
			}{r.ev.Span, i})
		}
	}
	sameEvent := func(a, b num) bool {
		for _, x := range eventsAt[a.doc.id] {
			if !x.s.Overlaps(a.m.ev.Span) {
				continue
			}
			for _, y := range eventsAt[b.doc.id] {
				if y.idx == x.idx && y.s.Overlaps(b.m.ev.Span) {
					return true
				}
			}
		}
		return false
	}
	for _, noun := range nouns {
		ms := byNoun[noun]
		if len(ms) < 2 {
			continue
		}
		parent := make([]int, len(ms))
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		linked := false
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				a, b := ms[i], ms[j]
				if a.doc.root == b.doc.root {
					continue
				}
				close := !a.doc.dated || !b.doc.dated || abs(a.doc.day-b.doc.day) <= closeDays+1
				if sameEvent(a, b) || close && contextSimilar(*a.m, *b.m) {
					parent[find(i)] = find(j)
					linked = true
				}
			}
		}
		if !linked {
			continue
		}
		comps := map[int][]num{}
		var compOrder []int
		for i := range ms {
			r := find(i)
			if _, ok := comps[r]; !ok {
				compOrder = append(compOrder, r)
			}
			comps[r] = append(comps[r], ms[i])
		}
		for _, r := range compOrder {
			comp := comps[r]
			var sides []parley.ConflictSide
			sideOf := map[float64]int{}
			seen := map[string]bool{}
			for _, n := range comp {
				i, ok := sideOf[n.m.value]
				if !ok {
					i = len(sides)
					sideOf[n.m.value] = i
					sides = append(sides, parley.ConflictSide{Value: n.m.shown})
				}
				k := fmt.Sprint(i, n.doc.id, n.m.ev.Start)
				if !seen[k] {
					seen[k] = true
					sides[i].Evidence = append(sides[i].Evidence, n.m.ev)
				}
			}
			if len(sides) < 2 || !c.disagreement(sides) {
				continue
			}
			values := make([]string, len(sides))
			for i, s := range sides {
				values[i] = s.Value
			}
			c.st.Conflicts = append(c.st.Conflicts, parley.Conflict{
				Kind:    "number",
				Summary: fmt.Sprintf("how many %s: %s", plural(2, noun, nounPlural(noun)), strings.Join(values, " or ")),
				Sides:   sides,
			})
		}
	}
}

func nounPlural(n string) string {
	if n == "percent" {
		return "percent"
	}
	return n + "s"
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// --- notes, dates and label ----------------------------------------------------------------

func (c *storyCtx) notes() {
	for _, d := range c.docs {
		if len(d.notes) > 0 {
			c.st.Notes = append(c.st.Notes, parley.SourceNote{DocumentID: d.id, Source: d.source, Notes: d.notes})
		}
	}
}

// span sets Start and End from the documents' dates and the events' dates. Event dates far
// before the documents (a war of 1999 recalled in passing) do not stretch the story.
func (c *storyCtx) anyDocDated() bool {
	for _, d := range c.docs {
		if d.dated {
			return true
		}
	}
	return false
}

func (c *storyCtx) span() {
	lo, hi, ok := 0, 0, false
	widen := func(d int) {
		if !ok {
			lo, hi, ok = d, d, true
		}
		lo, hi = min(lo, d), max(hi, d)
	}
	for _, d := range c.docs {
		if d.dated {
			widen(d.day)
		}
	}
	docLo, docHi, docDated := lo, hi, ok
	var days []int
	for _, e := range c.st.Events {
		if d, valid := parseDay(e.Date); valid {
			days = append(days, d)
		}
	}
	if !docDated && len(days) > 0 {
		// With no dated document, the events date the story; those far from most of them are
		// history the articles recall ("since the attacks of 11 September 2001"), not the story.
		sorted := append([]int(nil), days...)
		sort.Ints(sorted)
		mid := sorted[len(sorted)/2]
		docLo, docHi, docDated = mid-120, mid+120, true
	}
	inside := 0
	for _, d := range days {
		if docDated && (d < docLo-60 || d > docHi+1) {
			continue
		}
		inside++
		widen(d)
	}
	if !c.anyDocDated() && inside < 3 {
		return // one or two stray dates are no period; better none than a misleading one
	}
	if ok {
		c.st.Start, c.st.End = dayString(lo), dayString(hi)
	}
}

// label names the story by its two most prominent actors and its most distinctive terms.
func (c *storyCtx) label() {
	var names []string
	used := map[string]bool{}
	for _, r := range sortedActors(c.tab) {
		if len(names) == 2 {
			break
		}
		names = append(names, r.name())
		for w := range r.tokens {
			used[w] = true
		}
	}
	type kw struct {
		k string
		w float64
	}
	var terms []kw
	for id, w := range c.g.terms {
		k := c.b.words[id]
		if strings.Contains(k, " ") {
			w *= 3 // "security guarantees" says more than "security"; pairs were weighed at half
		}
		terms = append(terms, kw{k, w})
	}
	sort.Slice(terms, func(i, j int) bool {
		return terms[i].w > terms[j].w || terms[i].w == terms[j].w && terms[i].k < terms[j].k
	})
	var picked []string
	for _, t := range terms {
		if len(picked) == 3 {
			break
		}
		clash := false
		for _, w := range strings.Fields(t.k) {
			if used[w] {
				clash = true
			}
		}
		if clash {
			continue
		}
		for _, w := range strings.Fields(t.k) {
			used[w] = true
		}
		picked = append(picked, t.k)
	}
	switch {
	case len(names) > 0 && len(picked) > 0:
		c.st.Label = strings.Join(names, ", ") + ": " + strings.Join(picked, ", ")
	case len(names) > 0:
		c.st.Label = strings.Join(names, ", ")
	default:
		c.st.Label = strings.Join(picked, ", ")
	}
	if c.st.Label == "" && len(c.docs) > 0 {
		c.st.Label = c.docs[0].title
	}
}
