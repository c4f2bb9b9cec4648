package quotes

import (
	"slices"
	"strings"

	"github.com/parleynews/parley"
)

type mention struct {
	parley.Span
	actor int
}

// resolver names speakers: through the actors stage's mentions where one covers the speaker's
// words, else by the words themselves, and for a bare "he", "she" or "it" by the last speaker
// that fits.
type resolver struct {
	text     string
	actors   []parley.Actor
	mentions []mention // sorted by start
	maxLen   int
	history  []parley.ActorRef // speakers named so far, in order
}

func newResolver(doc *parley.Document) *resolver {
	r := &resolver{text: doc.Text, actors: doc.Actors}
	for ai, a := range doc.Actors {
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.End <= m.Start {
				continue
			}
			r.mentions = append(r.mentions, mention{m, ai})
			r.maxLen = max(r.maxLen, m.Len())
		}
	}
	slices.SortFunc(r.mentions, func(a, b mention) int { return a.Start - b.Start })
	return r
}

// actorAt returns the actor whose mention overlaps sp, preferring the right-most mention: in
// English the head of a noun phrase comes last (Fox Business correspondent Edward Lawrence).
func (r *resolver) actorAt(sp parley.Span) (int, bool) {
	m, ok := r.mentionAt(sp)
	return m.actor, ok
}

// mentionAt is actorAt's mention.
func (r *resolver) mentionAt(sp parley.Span) (mention, bool) {
	lo, _ := slices.BinarySearchFunc(r.mentions, sp.Start-r.maxLen, func(m mention, t int) int { return m.Start - t })
	best, bestEnd := -1, -1
	for i := lo; i < len(r.mentions) && r.mentions[i].Start < sp.End; i++ {
		m := r.mentions[i]
		if m.Overlaps(sp) && (m.End > bestEnd || (m.End == bestEnd && m.Len() > r.mentions[best].Len())) {
			best, bestEnd = i, m.End
		}
	}
	if best < 0 {
		return mention{}, false
	}
	return r.mentions[best], true
}

// resolve names the speaker whose mention is sp, for the quote whose words are quote.
func (r *resolver) resolve(sp, quote parley.Span) *parley.ActorRef {
	ref := parley.ActorRef{Span: sp}
	words := r.text[sp.Start:sp.End]
	if ai, ok := r.actorAt(sp); ok {
		if pronoun(words) && r.namedOnlyWithin(ai, sp, quote) {
			// ‘… before Putin attacks again,’ he wrote: the actors stage took "he" for the
			// last man named, inside the quotation. A speaker does not quote himself in the
			// third person; the last speaker who fits is the better guess.
			if p, ok := r.last(personLike); ok && p.Name != r.actors[ai].Name {
				ref.Name, ref.Code = p.Name, p.Code
				return &ref
			}
		}
		ref.Name, ref.Code = r.actors[ai].Name, r.actors[ai].Code
		if name := r.nameAfter(sp); name != "" {
			// "U.S. special envoy Steve Witkoff": the actor found is the envoy's country, a
			// modifier; the speaker is the person the phrase ends with, on that side. A
			// possessive pronoun's actor is someone else ("his friend X"): no side then.
			ref.Name = name
			if m, _ := r.mentionAt(sp); possessivePronouns[strings.ToLower(r.text[m.Start:m.End])] {
				ref.Code = ""
			}
		}
		r.history = append(r.history, ref)
		return &ref
	}
	switch strings.ToLower(words) {
	case "he", "she":
		if p, ok := r.last(personLike); ok {
			ref.Name, ref.Code = p.Name, p.Code
			return &ref
		}
	case "it":
		if p, ok := r.last(orgLike); ok {
			ref.Name, ref.Code = p.Name, p.Code
			return &ref
		}
	}
	ref.Name = words
	if !pronoun(words) {
		r.history = append(r.history, ref)
	}
	return &ref
}

// namedOnlyWithin reports whether actor ai's nearest mention before the pronoun at sp, other
// than sp itself, lies inside the quotation quote.
func (r *resolver) namedOnlyWithin(ai int, sp, quote parley.Span) bool {
	hi, _ := slices.BinarySearchFunc(r.mentions, sp.Start, func(m mention, t int) int { return m.Start - t })
	for i := hi - 1; i >= 0; i-- {
		m := r.mentions[i]
		if m.actor != ai || m.Span == sp || m.End > sp.Start {
			continue
		}
		return quote.Start <= m.Start && m.End <= quote.End
	}
	return false
}

func (r *resolver) last(fits func(string) bool) (parley.ActorRef, bool) {
	for i := len(r.history) - 1; i >= 0 && i >= len(r.history)-50; i-- {
		if fits(r.history[i].Name) {
			return r.history[i], true
		}
	}
	return parley.ActorRef{}, false
}

func pronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "it", "they", "we", "i", "you", "who":
		return true
	}
	return false
}

// personLike guesses that a name is a person's: it starts with a capital and not with an
// article ("The Washington Post" is not).
func personLike(name string) bool {
	if name == "" || pronoun(name) {
		return false
	}
	fields := strings.Fields(name)
	last := fields[len(fields)-1]
	// A person's mention ends in a name: "Both sides" and "Security analysts" are no one.
	if !isUpper(rune(name[0])) || !isUpper(rune(last[0])) {
		return false
	}
	return !orgLike(name)
}

var orgHeads = vocab.Set("orgHeads")

// orgLike guesses that a name is an organisation's: it starts with an article or its head
// word names an institution.
func orgLike(name string) bool {
	if name == "" || pronoun(name) {
		return false
	}
	if strings.HasPrefix(name, "The ") || strings.HasPrefix(name, "the ") {
		return true
	}
	fields := strings.Fields(name)
	if orgHeads[fields[len(fields)-1]] {
		return true
	}
	return strings.Contains(name, "Ministry") || strings.Contains(name, "Department")
}

var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "my": true, "our": true, "your": true}

// nameAfter returns the name a speaker phrase ends with when its actor mention stands before
// it as a modifier: two or more capitalised words after the mention and a lower-case word
// ("U.S. special envoy Steve Witkoff" gives "Steve Witkoff", "Reuters' Luciana Lopez" gives
// "Luciana Lopez"), with no preposition on the way. It returns "" otherwise.
func (r *resolver) nameAfter(sp parley.Span) string {
	m, ok := r.mentionAt(sp)
	if !ok || m.End >= sp.End {
		return ""
	}
	words := strings.Fields(r.text[m.End:sp.End])
	k := len(words)
	for k > 0 && isUpper([]rune(words[k-1])[0]) {
		k--
	}
	if len(words)-k < 2 || k == 0 {
		return "" // no name at the end, or nothing but a name after the mention ("Trump Steve")
	}
	for _, w := range words[:k] {
		if prepositions[strings.ToLower(w)] {
			return "" // "Sen. Chuck Schumer of New York": the name at the end is a place
		}
	}
	return strings.Join(words[k:], " ")
}
