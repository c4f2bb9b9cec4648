package story

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
	"github.com/parleynews/parley/syntax"
)

// docEntry is what the builder keeps of a document: its facts that belong to the story (those
// outside removed text), its grouping features, and the notes on its reliability. The document
// itself is not kept, so memory per document stays small.
type docEntry struct {
	seq       int
	id        string
	source    string
	title     string
	published string // as given
	day       int    // days since 1970-01-01 of Published
	dated     bool
	copyOf    string
	root      string // the ID of the original of its copy family: independent sources count roots

	actors  []docActor
	events  []parley.Event
	quotes  []docQuote
	stances []parley.Stance
	numbers []numMention
	notes   []string
	caps    map[string]bool // capitalised words of its kept text, for the salience of terms
	// sentences are the kept sentences with the actors each names, for finding reports of an
	// event that the document's own coder did not code as one (see mentions).
	sentences []sentenceActors

	// Grouping features, raw weights (1 + ln tf); IDF is applied when comparing.
	terms  map[string]float64
	actorF map[string]float64
}

type sentenceActors struct {
	evidence parley.Evidence
	actors   []parley.ActorRef // name and code of each actor named in the sentence
}

type docActor struct {
	name, code, role string
	mentions         int
	first            int // byte offset of the first kept mention, for salience
	roleEv           parley.Evidence
}

type docQuote struct {
	parley.Quote
	attribution parley.Evidence // the quote together with its speaker's mention
}

// numMention is a number standing next to a noun in a sentence ("133 drones"), for finding
// sources that give different numbers for one quantity.
type numMention struct {
	value   float64
	shown   string // the number as written
	noun    string // folded noun
	context map[string]bool
	ev      parley.Evidence
}

const epochDay = 24 * time.Hour

func dayOf(t time.Time) int { return int(t.Unix() / int64(epochDay/time.Second)) }

func dayString(d int) string {
	return time.Unix(int64(d)*int64(epochDay/time.Second), 0).UTC().Format("2006-01-02")
}

// parseDay reads a YYYY-MM-DD date (or the date part of a longer timestamp).
func parseDay(s string) (int, bool) {
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 0, false
	}
	return dayOf(t), true
}

// excluder tells which spans of a document lie in removed text.
type excluder struct {
	offTopic []parley.Span // facts here belong to another story
	other    []parley.Span // boilerplate and the like: not prose of the article
	all      []parley.Span // every removal, sorted, for picking the text kept for grouping
}

func newExcluder(doc *parley.Document) excluder {
	var ex excluder
	for _, r := range doc.Removed {
		if r.Start < 0 || r.End > len(doc.Text) || r.Start >= r.End {
			continue
		}
		switch r.Reason {
		case parley.ReasonOffTopic:
			ex.offTopic = append(ex.offTopic, r.Span)
		case parley.ReasonDuplicateLine:
			// A repeated line is still prose of the article; its facts are kept (they merge with
			// the first occurrence), only its words are not counted twice for grouping.
		default:
			ex.other = append(ex.other, r.Span)
		}
		ex.all = append(ex.all, r.Span)
	}
	sort.Slice(ex.all, func(i, j int) bool { return ex.all[i].Start < ex.all[j].Start })
	return ex
}

// excluded reports whether a fact at span s lies (mostly) in removed text. A fact half inside an
// off-topic paragraph is as suspect as one wholly inside it.
func (ex *excluder) excluded(s parley.Span) bool {
	if s.End <= s.Start {
		return false
	}
	for _, list := range [][]parley.Span{ex.offTopic, ex.other} {
		for _, r := range list {
			lo, hi := max(r.Start, s.Start), min(r.End, s.End)
			if hi > lo && 2*(hi-lo) >= s.Len() {
				return true
			}
		}
	}
	return false
}

// inRemoved reports whether offset p lies in any removal.
func (ex *excluder) inRemoved(p int) bool {
	for _, r := range ex.all {
		if r.Start <= p && p < r.End {
			return true
		}
	}
	return false
}

// kept returns the spans of text outside every removal.
func (ex *excluder) kept(n int) []parley.Span {
	var out []parley.Span
	pos := 0
	for _, r := range ex.all {
		if r.Start > pos {
			out = append(out, parley.Span{Start: pos, End: r.Start})
		}
		pos = max(pos, r.End)
	}
	if pos < n {
		out = append(out, parley.Span{Start: pos, End: n})
	}
	return out
}

func validSpan(s parley.Span, n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// evidence makes the evidence of a fact; text falls back to the document's words at the span.
func evidence(doc *parley.Document, s parley.Span, text string) parley.Evidence {
	if !validSpan(s, len(doc.Text)) {
		s = parley.Span{}
	}
	if text == "" && s.End > s.Start {
		text = doc.Text[s.Start:s.End]
	}
	return parley.Evidence{DocumentID: doc.ID, Source: doc.Source, Span: s, Text: text}
}

// analyse reads what the builder needs of a document.
func analyse(doc *parley.Document, seq int, copyOf string) *docEntry {
	e := &docEntry{
		seq: seq, id: doc.ID, source: doc.Source, title: doc.Title, published: doc.Published,
		copyOf: copyOf, terms: map[string]float64{}, actorF: map[string]float64{}, caps: map[string]bool{},
	}
	if t, ok := doc.PublishedTime(); ok {
		e.day, e.dated = dayOf(t), true
	}
	ex := newExcluder(doc)
	kept := ex.kept(len(doc.Text))
	sentences := doc.Sentences
	paras := doc.Paragraphs
	if len(sentences) == 0 && doc.Text != "" {
		if len(paras) == 0 {
			paras = segment.Paragraphs(doc.Text)
		}
		sentences = segment.Sentences(doc.Text, paras)
	}
	// A stored document carries no tokens: they are made again, as the tokens stage made them.
	stoks := doc.Tokens
	if len(stoks) == 0 && doc.Text != "" {
		stoks = segment.Tokens(doc.Text, paras, sentences, nil)
	}

	// Terms of the kept text: unigrams and the bigrams of adjacent content words.
	counts := map[string]int{}
	var toks []token
	for _, k := range kept {
		toks = docWords(doc.Text, stoks, k.Start, k.End, toks[:0])
		prev := ""
		for _, t := range toks {
			if !contentWord(t.lower) {
				prev = ""
				continue
			}
			w := syntax.Lemma(t.lower, parley.POSNOUN)
			counts[w]++
			if prev != "" {
				counts[prev+" "+w]++
			}
			prev = w
			if t.upper && !roleWords[t.lower] {
				e.caps[t.lower] = true
			}
		}
	}
	if doc.Title != "" && !strings.Contains(doc.Text[:min(len(doc.Text), 2*len(doc.Title))], doc.Title) {
		// A title kept apart from the text (HTML) names the story as well as any sentence.
		for _, t := range words(doc.Title) {
			if contentWord(t.lower) {
				counts[syntax.Lemma(t.lower, parley.POSNOUN)]++
			}
		}
	}
	for w, c := range counts {
		x := 1 + math.Log(float64(c))
		if strings.IndexByte(w, ' ') >= 0 {
			x /= 2 // a pair of words is mostly a rewording of its two words, already counted
		}
		e.terms[w] = x
	}

	// Kept sentences with the actors named in each.
	for _, s := range sentences {
		if !validSpan(s, len(doc.Text)) || ex.excluded(s) {
			continue
		}
		var named []parley.ActorRef
		for _, a := range doc.Actors {
			for _, m := range a.Mentions {
				if s.Start <= m.Start && m.End <= s.End {
					named = append(named, parley.ActorRef{Name: a.Name, Code: a.Code})
					break
				}
			}
		}
		if len(named) >= 2 {
			e.sentences = append(e.sentences, sentenceActors{evidence: evidence(doc, s, s.In(doc.Text)), actors: named})
		}
	}

	// Actors, by their kept mentions.
	for _, a := range doc.Actors {
		da := docActor{name: a.Name, code: a.Code, role: a.Role, first: -1}
		for _, m := range a.Mentions {
			if !validSpan(m, len(doc.Text)) || ex.inRemoved(m.Start) {
				continue
			}
			da.mentions++
			if da.first < 0 || m.Start < da.first {
				da.first = m.Start
			}
		}
		if da.mentions == 0 && len(a.Mentions) > 0 {
			continue // named only in removed text: another story's actor, or boilerplate
		}
		if da.role != "" {
			da.roleEv = roleEvidence(doc, stoks, a, da.role, sentences, &ex)
		}
		e.actors = append(e.actors, da)
		w := 1 + math.Log(float64(max(da.mentions, 1)))
		if da.first >= 0 && len(doc.Text) > 0 && da.first < len(doc.Text)/5 {
			w *= 1.5 // named early: the article is about it
		}
		if key := actorKey(a.Name); key != "" {
			e.actorF["n:"+key] = max(e.actorF["n:"+key], w)
		}
		if a.Code != "" {
			// Codes are shared by many people (every US official is USAGOV), so they count less.
			e.actorF["c:"+a.Code] = max(e.actorF["c:"+a.Code], w/2)
		}
	}

	// Actors the actor stage missed but the facts name still say who the article is about.
	refs := map[string]float64{}
	addRef := func(r *parley.ActorRef) {
		if r == nil {
			return
		}
		if key := actorKey(r.Name); key != "" {
			refs["n:"+key]++
		} else if r.Code != "" {
			refs["c:"+r.Code] += 0.5
		}
	}

	for _, ev := range doc.Events {
		if ex.excluded(ev.Span) || ev.Source == nil {
			continue
		}
		if !validSpan(ev.Span, len(doc.Text)) {
			ev.Span = parley.Span{} // a span outside the text cannot be cited
		}
		if ev.Text == "" {
			ev.Text = doc.Text[ev.Start:ev.End]
		}
		e.events = append(e.events, ev)
		addRef(ev.Source)
		addRef(ev.Target)
	}
	for _, q := range doc.Quotes {
		if ex.excluded(q.Span) {
			continue
		}
		if !validSpan(q.Span, len(doc.Text)) {
			q.Span = parley.Span{}
		}
		if q.Text == "" {
			q.Text = doc.Text[q.Start:q.End]
		}
		dq := docQuote{Quote: q, attribution: evidence(doc, q.Span, q.Text)}
		if q.Speaker != nil && q.Speaker.End > q.Speaker.Start && q.End > q.Start && validSpan(q.Speaker.Span, len(doc.Text)) {
			lo, hi := min(q.Start, q.Speaker.Start), max(q.End, q.Speaker.End)
			if q.Cue != nil && validSpan(q.Cue.Span, len(doc.Text)) && q.Cue.End > q.Cue.Start {
				lo, hi = min(lo, q.Cue.Start), max(hi, q.Cue.End)
			}
			if hi-lo <= q.Len()+400 { // a speaker far away is shown by the quote alone
				dq.attribution = evidence(doc, parley.Span{Start: lo, End: hi}, "")
			}
		}
		e.quotes = append(e.quotes, dq)
		addRef(q.Speaker)
	}
	for _, st := range doc.Stances {
		if ex.excluded(st.Span) {
			continue
		}
		if !validSpan(st.Span, len(doc.Text)) {
			st.Span = parley.Span{}
		}
		if st.Text == "" {
			st.Text = doc.Text[st.Start:st.End]
		}
		e.stances = append(e.stances, st)
		addRef(&st.Actor)
	}
	for _, s := range sentences {
		if !validSpan(s, len(doc.Text)) || ex.excluded(s) {
			continue
		}
		e.numbers = appendNumbers(e.numbers, doc, stoks, s)
	}
	for k, n := range refs {
		if _, ok := e.actorF[k]; !ok {
			e.actorF[k] = 1 + math.Log(n)
		}
	}
	e.notes = documentNotes(doc, copyOf)
	return e
}

// actorKey is the grouping feature of an actor's name: its folded surname without doubled
// letters, so "Donald Trump" and "Trump" are one feature.
func actorKey(name string) string {
	t := nameTokens(name)
	if len(t) == 0 {
		return ""
	}
	return collapse(t[len(t)-1])
}

// roleEvidence finds the sentence that gives an actor's role: the first kept sentence with a
// mention of the actor and a word of the role, else the first with a mention. toks are the
// document's tokens.
func roleEvidence(doc *parley.Document, toks []parley.Token, a parley.Actor, role string, sentences []parley.Span, ex *excluder) parley.Evidence {
	roleToks := map[string]bool{}
	for _, t := range words(role) {
		if len(t.lower) >= 3 && t.lower[0] != '\'' && !stopWords[t.lower] || t.lower == "ex" {
			roleToks[t.lower] = true
		}
	}
	var fallback *parley.Evidence
	for _, m := range a.Mentions {
		if !validSpan(m, len(doc.Text)) || ex.inRemoved(m.Start) {
			continue
		}
		s := sentenceAt(sentences, m.Start)
		if s.End <= s.Start {
			s = parley.Span{Start: max(0, m.Start-100), End: min(len(doc.Text), m.End+100)}
			s = snapRunes(doc.Text, s)
		}
		ev := evidence(doc, s, "")
		lo := max(s.Start, m.Start-60)
		for _, t := range docWords(doc.Text, toks, lo, m.End, nil) {
			if roleToks[t.lower] {
				return ev
			}
		}
		if fallback == nil {
			fallback = &ev
		}
	}
	if fallback != nil {
		return *fallback
	}
	return parley.Evidence{DocumentID: doc.ID, Source: doc.Source, Text: role}
}

// snapRunes widens a span so that it does not cut a UTF-8 sequence.
func snapRunes(text string, s parley.Span) parley.Span {
	for s.Start > 0 && s.Start < len(text) && text[s.Start]&0xC0 == 0x80 {
		s.Start--
	}
	for s.End < len(text) && text[s.End]&0xC0 == 0x80 {
		s.End++
	}
	return s
}

func sentenceAt(sentences []parley.Span, p int) parley.Span {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > p })
	if i < len(sentences) && sentences[i].Start <= p {
		return sentences[i]
	}
	return parley.Span{}
}

// documentNotes puts a document's flags and removals into words for a reader.
func documentNotes(doc *parley.Document, copyOf string) []string {
	var notes []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			notes = append(notes, s)
		}
	}
	if copyOf != "" {
		add(fmt.Sprintf("copy of document %s: not counted as an independent source", copyOf))
	}
	for _, f := range doc.Flags {
		detail := strings.TrimSpace(f.Detail)
		with := func(s string) string {
			if detail == "" {
				return s
			}
			return s + ": " + detail
		}
		switch f.Kind {
		case parley.FlagCitationMarkersUnresolved:
			add(with("citation markers point to no reference list"))
		case parley.FlagReferenceList:
			if n := len(doc.References); n > 0 && detail == "" {
				add(fmt.Sprintf("ends with a reference list of %d entries", n))
			} else {
				add(with("ends with a reference list"))
			}
		case parley.FlagReferenceDateMismatch:
			add(with("the dates of its references do not match the story's"))
		case parley.FlagOffTopicParagraph:
			// Said below, from the removals, with their size.
		case parley.FlagStaleTitle:
			add(with("gives a role that does not hold on the article's date"))
		case parley.FlagDuplicateOf:
			if copyOf == "" || !strings.Contains(detail, copyOf) {
				add(with("copy of an earlier document"))
			}
		default:
			add(with(strings.ReplaceAll(f.Kind, "-", " ")))
		}
	}
	var offN, offBytes, boilN, boilBytes, dupN int
	for _, r := range doc.Removed {
		if !validSpan(r.Span, len(doc.Text)) {
			continue
		}
		switch r.Reason {
		case parley.ReasonOffTopic:
			offN++
			offBytes += r.Len()
		case parley.ReasonReferenceList:
		case parley.ReasonDuplicateLine:
			dupN++
		default:
			boilN++
			boilBytes += r.Len()
		}
	}
	if offN > 0 {
		add(fmt.Sprintf("%d off-topic %s about another story left out of the story (%d bytes)", offN, plural(offN, "paragraph", "paragraphs"), offBytes))
	} else {
		for _, f := range doc.Flags {
			if f.Kind == parley.FlagOffTopicParagraph {
				add("has off-topic paragraphs about another story")
				break
			}
		}
	}
	if dupN > 0 {
		add(fmt.Sprintf("%d repeated %s left out", dupN, plural(dupN, "line", "lines")))
	}
	if boilN > 0 && len(doc.Text) > 0 {
		add(fmt.Sprintf("%d %s of boilerplate removed (%d%% of the text)", boilN, plural(boilN, "span", "spans"), (100*boilBytes+len(doc.Text)/2)/len(doc.Text)))
	}
	return notes
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
