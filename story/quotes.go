package story

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// qRep is one report of a statement in one document.
type qRep struct {
	doc  *docEntry
	q    *docQuote
	toks []string
	spk  *actorRec
}

type qCluster struct {
	reps    []*qRep
	longest *qRep
}

// minFuzzyTokens is the length a wording needs to be matched by containment or overlap: two-word
// phrases ("very difficult") recur in unrelated statements.
const minFuzzyTokens = 4

func (c *storyCtx) quotes() {
	var clusters []*qCluster
	shingles := map[uint64][]int{}
	exact := map[string][]int{}
	for _, d := range c.docs {
		for i := range d.quotes {
			q := &d.quotes[i]
			r := &qRep{doc: d, q: q, spk: c.ref(q.Speaker)}
			for _, t := range words(q.Text) {
				r.toks = append(r.toks, t.lower)
			}
			if len(r.toks) == 0 {
				continue
			}
			target := -1
			if len(r.toks) < minFuzzyTokens {
				// A short phrase is the same statement only in the same words from the same speaker.
				key := strings.Join(r.toks, " ")
				for _, ci := range exact[key] {
					s := clusters[ci].longest.spk
					if s == nil || r.spk == nil || s == r.spk {
						target = ci
						break
					}
				}
				if target < 0 {
					exact[key] = append(exact[key], len(clusters))
				}
			} else {
				hs := shingleHashes(r.toks)
				seen := map[int]bool{}
				for _, h := range hs {
					for _, ci := range shingles[h] {
						if seen[ci] || target >= 0 {
							continue
						}
						seen[ci] = true
						for _, o := range clusters[ci].reps {
							if sameWording(r.toks, o.toks) {
								target = ci
								break
							}
						}
					}
				}
				ci := target
				if ci < 0 {
					ci = len(clusters)
				}
				for _, h := range hs {
					if l := shingles[h]; len(l) == 0 || l[len(l)-1] != ci {
						shingles[h] = append(shingles[h], ci)
					}
				}
			}
			if target < 0 {
				clusters = append(clusters, &qCluster{reps: []*qRep{r}, longest: r})
				continue
			}
			cl := clusters[target]
			cl.reps = append(cl.reps, r)
			if len(r.toks) > len(cl.longest.toks) {
				cl.longest = r
			}
		}
	}
	for _, cl := range clusters {
		c.st.Quotes = append(c.st.Quotes, c.storyQuote(cl))
	}
	sort.SliceStable(c.st.Quotes, func(i, j int) bool { return c.st.Quotes[i].Sources > c.st.Quotes[j].Sources })
}

// shingleHashes hashes every run of three words; a wording contained in another shares all of
// its runs with it, and a close rewording most of them.
func shingleHashes(toks []string) []uint64 {
	var out []uint64
	for i := 0; i+3 <= len(toks); i++ {
		h := fnv.New64a()
		h.Write([]byte(toks[i]))
		h.Write([]byte{' '})
		h.Write([]byte(toks[i+1]))
		h.Write([]byte{' '})
		h.Write([]byte(toks[i+2]))
		out = append(out, h.Sum64())
	}
	return out
}

// sameWording reports whether two wordings are one statement: the shorter is contained in the
// longer, or they share most of their words.
func sameWording(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < minFuzzyTokens {
		return strings.Join(a, " ") == strings.Join(b, " ")
	}
	if containsRun(b, a) {
		return true
	}
	sa := map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	sb := map[string]bool{}
	for _, w := range b {
		sb[w] = true
	}
	shared := 0
	for w := range sa {
		if sb[w] {
			shared++
		}
	}
	union := len(sa) + len(sb) - shared
	return union > 0 && float64(shared)/float64(union) >= 0.7
}

func containsRun(long, short []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		match := true
		for j := range short {
			if long[i+j] != short[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func (c *storyCtx) storyQuote(cl *qCluster) parley.StoryQuote {
	l := cl.longest
	sq := parley.StoryQuote{
		ID:   shortID(c.g.id, "quote", cl.reps[0].doc.id, fmt.Sprint(cl.reps[0].q.Start)),
		Text: l.q.Text, Kind: l.q.Kind,
	}
	// The speaker most independent sources name; the one named first among equals.
	speakers := map[*actorRec][]parley.Evidence{}
	var order []*actorRec
	for _, r := range cl.reps {
		sq.Reports = append(sq.Reports, parley.Evidence{DocumentID: r.doc.id, Source: r.doc.source, Span: r.q.Span, Text: r.q.Text})
		if sq.Date == "" {
			sq.Date = r.q.Date
		}
		if r.spk != nil {
			if _, ok := speakers[r.spk]; !ok {
				order = append(order, r.spk)
			}
			speakers[r.spk] = append(speakers[r.spk], r.q.attribution)
		}
	}
	sq.Sources = c.sourcesOf(sq.Reports)
	var spk *actorRec
	for _, s := range order {
		if spk == nil || c.sourcesOf(speakers[s]) > c.sourcesOf(speakers[spk]) {
			spk = s
		}
	}
	if spk != nil {
		n := spk.actorName()
		sq.Speaker = &n
	}
	if sq.Sources >= 2 {
		who := "unattributed"
		if spk != nil {
			who = spk.name() + " said"
		}
		c.st.Claims = append(c.st.Claims, parley.Claim{
			Kind: "quote", Summary: fmt.Sprintf("%s: “%s”", who, clip(sq.Text, 160)),
			Evidence: onePerDocument(sq.Reports), Sources: sq.Sources,
		})
	}
	if len(order) > 1 {
		var sides []parley.ConflictSide
		for _, s := range order {
			sides = append(sides, parley.ConflictSide{Value: s.name(), Evidence: speakers[s]})
		}
		if c.disagreement(sides) {
			c.st.Conflicts = append(c.st.Conflicts, parley.Conflict{
				Kind: "speaker", Summary: fmt.Sprintf("who said “%s”", clip(sq.Text, 120)), Sides: sides,
			})
		}
	}
	return sq
}

// clip shortens s to about n bytes at a word boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}
