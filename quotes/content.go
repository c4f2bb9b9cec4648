package quotes

import (
	"slices"
	"strings"
)

// contentAfter finds what a cue reports when the content follows it: that-clauses, colons,
// quotations, or a plain clause. It returns the token range of the content.
func (z *analyzer) contentAfter(c cueAt, cueIdx []int) span2 {
	k := c.j
	if c.w.class&cObj != 0 && k < z.b && z.word(k) && z.toks[k].low != "that" {
		if objPronouns[z.toks[k].low] {
			k++
		} else if np := z.npRight(k); np.ok() && !subjPronouns[z.toks[np.a].low] {
			k = np.b
		}
	}
	k = z.skipTime(k)
	start := none
	for m := k; m < z.b && m < k+12; m++ {
		t := &z.toks[m]
		if t.k == kQuote {
			// A quotation right after the cue (or after an adjunct closed by a comma) is the
			// content; one inside the clause is a fragment of it (called him a “con artist”).
			if m == k || z.punct(m-1, ",") || z.punct(m-1, ":") {
				if z.bookTitle(m) {
					return noSpan // Trump wrote “Crippled America: How to Make America Great Again”
				}
				// The quotation is the content, whatever follows it (“…,” and shared a link).
				return span2{m, m + 1}
			}
			break
		}
		if t.k == kPunct {
			if t.low == ":" {
				start = m + 1
				break
			}
			if t.low == "," && z.quote(m+1) {
				continue
			}
			if t.low == "," || t.low == ";" || t.low == "." || t.low == "(" {
				break
			}
			continue
		}
		if w, cue := cues[t.low]; subjPronouns[t.low] || cue && w.form != formIng && z.isCueAt(m, cueIdx) {
			break // a clause of its own has begun: "said he welcomed it and added, “…”"
		}
		if t.low == "that" {
			// "said on Monday during meetings that …", but not "said the vote was a sign
			// that …": a verb before "that" means the content had begun.
			if !z.clauseLike(span2{k, m}) {
				start = m + 1
				if m > k && determiners[z.toks[k].low] && c.w.class&cObj == 0 {
					// "rejected any deal that would require a withdrawal": a noun phrase
					// before "that" is the object, and "that" opens its relative clause.
					start = k
				}
			}
			break
		}
	}
	if start == none {
		// said on Twitter on Monday, in reference to …, “Next summer …”: a quotation that
		// closes the sentence after a comma is the content.
		if q := z.closingQuote(k); q != none {
			return span2{q, q + 1}
		}
		start = k
		if z.punct(start, ",") {
			start++
		}
	}
	end := z.clauseEnd(start, cueIdx)
	for end > start && z.toks[end-1].k == kPunct && z.toks[end-1].low != ")" {
		end--
	}
	if end <= start {
		return noSpan
	}
	return span2{start, end}
}

func (z *analyzer) isCueAt(m int, cueIdx []int) bool {
	_, ok := slices.BinarySearch(cueIdx, m)
	return ok
}

// bookTitle reports whether the quotation at token m names a work: several words, each
// capitalised, not ending as a sentence ends.
func (z *analyzer) bookTitle(m int) bool {
	sg := int(z.toks[m].seg)
	in := z.text[z.segs[sg].Inner.Start:z.segs[sg].Inner.End]
	in = strings.TrimRight(in, ", ")
	if in == "" || strings.ContainsAny(in[len(in)-1:], ".!?") {
		return false
	}
	return z.wordsIn(sg) >= 2 && z.capitalised(sg)
}

// closingQuote returns the quotation that ends the sentence after a comma or colon, with no
// other cue between k and it; none if there is none.
func (z *analyzer) closingQuote(k int) int {
	if z.b-k > maxReach {
		return none
	}
	q := z.b - 1
	for q > k && z.toks[q].k == kPunct {
		q--
	}
	if q <= k || !z.quote(q) || !(z.punct(q-1, ",") || z.punct(q-1, ":")) {
		return none
	}
	for m := k; m < q; m++ {
		if z.word(m) {
			if _, cue := cues[z.toks[m].low]; cue {
				return none
			}
		}
	}
	return q
}

// clauseEnd is where reported content that starts at token start ends: at the end of the
// sentence, a semicolon, or a comma that opens another attribution (", adding", ", he said").
func (z *analyzer) clauseEnd(start int, cueIdx []int) int {
	ci := 0
	stop := min(z.b, start+maxReach)
	for m := start; m < stop; m++ {
		t := &z.toks[m]
		if t.k == kWord && m > start && z.quote(m-1) && z.isCueAt(m, cueIdx) {
			// “…,” adding that …: the comma sat inside the quotation.
			return m
		}
		if t.k == kWord && (t.low == "and" || t.low == "but") && m > start && z.isCueAt(m+1, cueIdx) {
			// "he welcomed extradition and added, …": a second verb of the same subject.
			return m
		}
		if t.k != kPunct {
			continue
		}
		if t.low == ";" || (t.low == ":" && m > start && z.quote(m+1)) {
			// he said he was too busy: “…”: the quotation after the colon is a report of
			// its own.
			return m
		}
		if t.low != "," && t.low != "—" && t.low != "–" {
			continue
		}
		for ci < len(cueIdx) && cueIdx[ci] <= m {
			ci++
		}
		if ci < len(cueIdx) && cueIdx[ci]-m <= 10 {
			// No comma or quotation between the comma and the cue.
			clear := true
			for x := m + 1; x < cueIdx[ci]; x++ {
				if z.toks[x].k == kQuote || z.punct(x, ",") || z.lowAt(x) == "that" {
					clear = false
					break
				}
			}
			if clear {
				return m
			}
		}
	}
	return stop
}

// followsAdjunct reports whether, after the cue, the clause ends (or only adjuncts follow):
// “…,” Trump said on Tuesday.
func (z *analyzer) endsClause(c cueAt) bool {
	k := c.j
	if k >= z.b {
		return true
	}
	t := &z.toks[k]
	if t.k == kPunct {
		// "said, “…”" and "said:" go on with their content.
		return t.low != ":" && !(t.low == "," && z.quote(k+1))
	}
	if t.k == kQuote {
		return false
	}
	if adjunctStarts[t.low] || adverbLike(t.low) {
		// "said on Monday during meetings that …" still has content after it; "said on
		// ABC’s “This Week.”" does not: a quotation inside the adjunct is a name.
		for m := k; m < z.b && m < k+14; m++ {
			u := &z.toks[m]
			if (u.k == kQuote && (z.punct(m-1, ",") || z.punct(m-1, ":"))) || (u.k == kWord && u.low == "that") || (u.k == kPunct && u.low == ":") {
				return false
			}
			if u.k == kPunct && (u.low == "," || u.low == ".") {
				return !(u.low == "," && z.quote(m+1))
			}
		}
		return true
	}
	if c.w.class&cObj != 0 {
		// told a press briefing.
		np := z.npRight(k)
		if np.ok() && !subjPronouns[z.toks[np.a].low] {
			m := np.b
			return m >= z.b || (z.toks[m].k == kPunct && z.toks[m].low != ":") || (z.word(m) && adjunctStarts[z.toks[m].low] && z.toks[m].low != "that")
		}
	}
	return false
}

// skipTime steps over a time adverbial at token k ("on Wednesday", "on Monday evening",
// "yesterday", "last week"): in "urged Trump on Wednesday to keep Ukraine at the centre" the
// content starts at "to keep".
func (z *analyzer) skipTime(k int) int {
	for k < z.b && z.word(k) {
		w := z.lowAt(k)
		switch {
		case w == "today" || w == "yesterday" || w == "tonight":
			k++
		case timeLead[w] && timeNouns[z.lowAt(k+1)] && z.word(k+1):
			k += 2
			if n := z.lowAt(k); n == "morning" || n == "afternoon" || n == "evening" || n == "night" {
				k++
			}
		default:
			return k
		}
		if z.punct(k, ",") {
			k++
		}
	}
	return k
}
