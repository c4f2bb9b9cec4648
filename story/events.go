package story

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/events"
)

// evRep is one report of an event in one document.
type evRep struct {
	doc      *docEntry
	ev       *parley.Event
	src, tgt *actorRec
	root     string // CAMEO root: the first two digits
	day      int
	dated    bool
	caps     map[string]bool // salient capitalised words of the evidence sentence
	evidence parley.Evidence
}

// evCluster is one real-world event: the reports that describe it.
type evCluster struct {
	reps []*evRep
}

// symmetricRoots are CAMEO roots whose two actors do the same thing to each other: a meeting of
// Trump with Zelensky is a meeting of Zelensky with Trump.
var symmetricRoots = vocab.Set("symmetricRoots")

func cameoRoot(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return code
}

// salient reports whether a capitalised word can identify an event: it is not in most of the
// story's documents, nor in most documents overall ("Ukrainian" in a story about Ukraine is not;
// "Oval Office" is).
func (c *storyCtx) salient(w string) bool {
	if c.nInd >= 4 && 10*c.capDF[w] > 6*c.nInd {
		return false
	}
	if c.b.n >= 4 && 10*c.b.capsDF[w] > 6*c.b.n {
		return false
	}
	return true
}

func (c *storyCtx) events() {
	type bucketKey struct {
		root, mode string
		a, b       *actorRec
	}
	buckets := map[bucketKey][]*evCluster{}
	for _, d := range c.docs {
		for i := range d.events {
			ev := &d.events[i]
			r := &evRep{doc: d, ev: ev, src: c.ref(ev.Source), tgt: c.ref(ev.Target), root: cameoRoot(ev.CAMEO),
				evidence: parley.Evidence{DocumentID: d.id, Source: d.source, Span: ev.Span, Text: ev.Text}}
			if r.src == nil {
				continue
			}
			if day, ok := parseDay(ev.Date); ok {
				r.day, r.dated = day, true
			}
			r.caps = map[string]bool{}
			for w := range capsTerms(ev.Text) {
				if r.src.isName(w) || r.tgt != nil && r.tgt.isName(w) || !c.salient(w) {
					continue
				}
				r.caps[w] = true
			}
			mode := ev.Mode
			if mode == "" {
				mode = parley.ModeAsserted
			}
			k := bucketKey{root: r.root, mode: mode, a: r.src, b: r.tgt}
			if symmetricRoots[r.root] && r.tgt != nil && r.tgt.idx < r.src.idx {
				k.a, k.b = r.tgt, r.src
			}
			placed := false
			for _, cl := range buckets[k] {
				if cl.accepts(r) {
					cl.reps = append(cl.reps, r)
					placed = true
					break
				}
			}
			if !placed {
				cl := &evCluster{reps: []*evRep{r}}
				buckets[k] = append(buckets[k], cl)
				c.clusters = append(c.clusters, cl)
			}
		}
	}
	c.mentions()
	for _, cl := range c.clusters {
		c.st.Events = append(c.st.Events, c.storyEvent(cl))
	}
	// Dated events in order of date, then the undated ones in order of first report.
	idx := make([]int, len(c.st.Events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := c.st.Events[idx[i]].Date, c.st.Events[idx[j]].Date
		if (a == "") != (b == "") {
			return a != ""
		}
		return a < b
	})
	events := make([]parley.StoryEvent, len(idx))
	clusters := make([]*evCluster, len(idx))
	for i, j := range idx {
		events[i], clusters[i] = c.st.Events[j], c.clusters[j]
	}
	c.st.Events, c.clusters = events, clusters
}

// accepts reports whether a report describes the cluster's event: same date, or a date missing
// on one side but a place or thing named in both sentences, or documents of the same days.
// Reports with different dates are one event (whose date is then in conflict) only when they
// also share such a name and lie within a week.
func (cl *evCluster) accepts(r *evRep) bool {
	for _, o := range cl.reps {
		shared := false
		for w := range r.caps {
			if o.caps[w] {
				shared = true
				break
			}
		}
		if r.dated && o.dated {
			if r.day == o.day || shared && abs(r.day-o.day) <= dateSlackDays {
				return true
			}
			continue
		}
		if shared {
			return true
		}
		if r.doc != o.doc && r.doc.root != o.doc.root {
			ra, rok := anchor(r)
			oa, ook := anchor(o)
			if rok && ook && abs(ra-oa) <= closeDays {
				return true
			}
		}
	}
	return false
}

// anchor is when a report places its event: its date, else its document's date.
func anchor(r *evRep) (int, bool) {
	if r.dated {
		return r.day, true
	}
	return r.doc.day, r.doc.dated
}

func (c *storyCtx) storyEvent(cl *evCluster) parley.StoryEvent {
	first := cl.reps[0]
	// The most common CAMEO code among the reports speaks for the event.
	count := map[string]int{}
	best := first
	for _, r := range cl.reps {
		count[r.ev.CAMEO]++
		if count[r.ev.CAMEO] > count[best.ev.CAMEO] {
			best = r
		}
	}
	se := parley.StoryEvent{
		ID:     shortID(c.g.id, "event", first.doc.id, fmt.Sprint(first.ev.Start), first.ev.CAMEO),
		Source: first.src.actorName(), CAMEO: best.ev.CAMEO, PLOVER: best.ev.PLOVER,
		Goldstein: best.ev.Goldstein, QuadClass: best.ev.QuadClass, Mode: best.ev.Mode,
	}
	if first.tgt != nil {
		t := first.tgt.actorName()
		se.Target = &t
	}
	byDate := map[string][]parley.Evidence{}
	var dates []string
	for _, r := range cl.reps {
		se.Reports = append(se.Reports, r.evidence)
		if r.dated {
			d := dayString(r.day)
			if _, ok := byDate[d]; !ok {
				dates = append(dates, d)
			}
			byDate[d] = append(byDate[d], r.evidence)
		}
	}
	se.Sources = c.sourcesOf(se.Reports)
	if len(dates) > 0 {
		// The date most reports give; the earliest among equals.
		sort.Strings(dates)
		se.Date = dates[0]
		for _, d := range dates {
			if c.sourcesOf(byDate[d]) > c.sourcesOf(byDate[se.Date]) {
				se.Date = d
			}
		}
	}
	summary := c.eventSummary(se, cl)
	if se.Sources >= 2 {
		c.st.Claims = append(c.st.Claims, parley.Claim{Kind: "event", Summary: summary, Evidence: onePerDocument(se.Reports), Sources: se.Sources})
	}
	if len(dates) > 1 {
		var sides []parley.ConflictSide
		for _, d := range dates {
			sides = append(sides, parley.ConflictSide{Value: d, Evidence: byDate[d]})
		}
		if c.disagreement(sides) {
			c.st.Conflicts = append(c.st.Conflicts, parley.Conflict{Kind: "date", Summary: "the date of: " + summary, Sides: sides})
		}
	}
	return se
}

func onePerDocument(ev []parley.Evidence) []parley.Evidence {
	seen := map[string]bool{}
	var out []parley.Evidence
	for _, e := range ev {
		if !seen[e.DocumentID] {
			seen[e.DocumentID] = true
			out = append(out, e)
		}
	}
	return out
}

// eventSummary puts an event into words: "Donald Trump met Volodymyr Zelensky (Oval Office)".
func (c *storyCtx) eventSummary(se parley.StoryEvent, cl *evCluster) string {
	verb := events.SummaryVerb(se.PLOVER, se.CAMEO)
	if verb == "" {
		verb = "acted (CAMEO " + se.CAMEO + ") towards"
	}
	var b strings.Builder
	b.WriteString(se.Source.Name)
	switch se.Mode {
	case parley.ModeNegated:
		b.WriteString(" did not: ")
	case parley.ModeIntended:
		b.WriteString(" intends: ")
	case parley.ModeHypothetical:
		b.WriteString(" may: ")
	default:
		b.WriteString(" ")
	}
	b.WriteString(verb)
	if se.Target != nil {
		b.WriteString(" " + se.Target.Name)
	}
	if place := sharedNames(cl); place != "" {
		b.WriteString(" (" + place + ")")
	}
	if se.Date != "" {
		b.WriteString(" on " + se.Date)
	}
	return b.String()
}

// sharedNames returns the salient capitalised words that every report's sentence has, as the
// first report writes them, adjacent words joined: "Oval Office".
func sharedNames(cl *evCluster) string {
	if len(cl.reps) < 2 {
		return ""
	}
	common := map[string]bool{}
	for w := range cl.reps[0].caps {
		common[w] = true
	}
	for _, r := range cl.reps[1:] {
		for w := range common {
			if !r.caps[w] {
				delete(common, w)
			}
		}
	}
	if len(common) == 0 {
		return ""
	}
	text := cl.reps[0].ev.Text
	var parts []string
	var cur []string
	prevEnd := -1
	for _, t := range words(text) {
		if common[t.lower] {
			if prevEnd >= 0 && strings.TrimSpace(text[prevEnd:t.start]) == "" && len(cur) > 0 {
				cur = append(cur, text[t.start:t.end])
			} else {
				if len(cur) > 0 {
					parts = append(parts, strings.Join(cur, " "))
				}
				cur = []string{text[t.start:t.end]}
			}
			delete(common, t.lower)
			prevEnd = t.end
			continue
		}
		prevEnd = -1
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	return strings.Join(parts, ", ")
}

// meetingWords say that a sentence speaks of an encounter.
var meetingWords = vocab.Set("meetingWords")

// mentions attaches to each meeting the sentences of other documents that report it without
// the coder having made an event of them: "During a tense Oval Office exchange with Trump,
// Zelensky pressed for assurances" reports the Oval Office meeting even though its main event
// is the pressing. Such a sentence must name both parties, speak of an encounter, and share a
// salient name (a place, an occasion) with the event's own reports, so it is the same meeting
// and not just another one between the same two.
func (c *storyCtx) mentions() {
	for _, cl := range c.clusters {
		first := cl.reps[0]
		if first.root != "04" || first.tgt == nil {
			continue
		}
		names := map[string]bool{}
		has := map[string]bool{}
		for _, r := range cl.reps {
			for w := range r.caps {
				names[w] = true
			}
			has[r.doc.id] = true
		}
		if len(names) == 0 {
			continue
		}
		for _, d := range c.docs {
			if has[d.id] {
				continue
			}
			for _, s := range d.sentences {
				if !c.namesBoth(s, first.src, first.tgt) || !speaksOfMeeting(s.evidence.Text) || !sharesName(s.evidence.Text, names) {
					continue
				}
				ev := *first.ev
				ev.Date, ev.DateText, ev.Span, ev.Text = "", "", s.evidence.Span, s.evidence.Text
				cl.reps = append(cl.reps, &evRep{doc: d, ev: &ev, src: first.src, tgt: first.tgt, root: first.root,
					caps: first.caps, evidence: s.evidence})
				has[d.id] = true
				break
			}
		}
	}
}

func (c *storyCtx) namesBoth(s sentenceActors, a, b *actorRec) bool {
	var hasA, hasB bool
	for i := range s.actors {
		switch c.ref(&s.actors[i]) {
		case a:
			hasA = true
		case b:
			hasB = true
		}
	}
	return hasA && hasB
}

func speaksOfMeeting(text string) bool {
	for _, t := range words(text) {
		if meetingWords[t.lower] {
			return true
		}
	}
	return false
}

func sharesName(text string, names map[string]bool) bool {
	for w := range capsTerms(text) {
		if names[w] {
			return true
		}
	}
	return false
}
