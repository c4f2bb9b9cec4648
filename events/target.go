package events

import (
	"math/rand"
	"strings"
)

// targetOpt is one noun phrase that could be a candidate's target, with how it was found.
type targetOpt struct {
	sp   span
	prep string // the preposition before it, "" for an object or the parser's own choice
	kind string // "parser", "indirect", "obj", "prep" (in the clause) or "far" (past its end)
}

// How far after the trigger targetOptions looks: optionReach tokens for the phrases in the
// clause, farReach for those past its end; chosen by hand when the target picker was added
// (its commit records no tuning of them).
const (
	optionReach = 25
	farReach    = 30
)

// targetOptions lists the noun phrases after a candidate's trigger that could be its target:
// the parser's choice first, then the indirect and direct objects, the phrases after each
// preposition up to the end of the clause (at most optionReach tokens on), and those after a
// preposition past the clause's end (at most farReach tokens on). None of them overlaps the source.
func (s *sentence) targetOptions(c *cand) []targetOpt {
	opts := make([]targetOpt, 0, 8)
	seen := func(sp span) bool {
		for _, o := range opts {
			if o.sp == sp {
				return true
			}
		}
		return false
	}
	add := func(sp span, prep, kind string) {
		// Nor does it hold the trigger: a light verb's object is the event, not its target.
		if sp.ok() && !seen(sp) && !(sp.a <= c.src.a && c.src.a < sp.b) && !(c.src.a <= sp.a && sp.a < c.src.b) && !(sp.a <= c.trig && c.trig < sp.b) {
			opts = append(opts, targetOpt{sp, prep, kind})
		}
	}
	if c.tgt.ok() {
		opts = append(opts, targetOpt{c.tgt, c.prep, "parser"})
	}
	add(c.indirect, "", "indirect")
	add(c.obj, "", "obj")
	end := s.clauseEnd(c.trigEnd)
	if end > c.trigEnd+optionReach {
		end = c.trigEnd + optionReach
	}
	if end > len(s.toks) {
		end = len(s.toks)
	}
	for j := c.trigEnd; j < end; j++ {
		w := s.low(j)
		if !prepositions[w] {
			continue
		}
		if np := s.npRight(j+1, end); !c.place || !(w == "from" || w == "in" || w == "at") || !s.countryName(np) {
			add(np, w, "prep")
		}
	}
	// Past the clause's end, where a target the parser could not reach may stand ("returned
	// the paintings, stolen in 1989, to Italy").
	far := minInt(len(s.toks), c.trigEnd+farReach)
	for j := end; j < far; j++ {
		w := s.low(j)
		if !prepositions[w] {
			continue
		}
		add(s.npRight(j+1, minInt(s.clauseEnd(j+1), far)), w, "far")
	}
	return opts
}

// targetFeatures describes one target option of a candidate for the target ranker, in the
// same general terms as the category model: how the phrase was reached (object, which
// preposition, how far on), what it names (an actor, a country, a thing; its head noun), and
// what the parser's own choice was. rank is the option's place in the list.
func targetFeatures(st *sentence, c *cand, o targetOpt, rank int, parser string) []string {
	root := rootOf(c.code)
	ag := "thing"
	if st.agentLike(o.sp) {
		ag = "agent"
	}
	if st.countryName(o.sp) {
		ag = "country"
	}
	fb := st.features()
	fb.add("k=", o.kind)
	fb.add("p=", o.prep)
	fb.add("kp=", o.kind, "|", o.prep)
	fb.add("ag=", ag)
	fb.add("agp=", ag, "|", o.prep)
	fb.add("rp=", root, "|", o.prep)
	fb.add("ra=", root, "|", ag)
	fb.add("lp=", c.lemma, "|", o.prep)
	fb.add("hd=", st.nounLemma(st.headOf(o.sp)))
	fb.add("pt=", parser, "|", o.kind, "|", ag)
	fb.add("ptp=", parser, "|", o.prep)
	gc := guessCode(st.words(o.sp))
	switch {
	case gc == "":
		gc = "none"
	case strings.HasPrefix(gc, "IGO"):
		gc = "igo"
	case len(gc) == 3:
		gc = "country"
	default:
		gc = "sector"
	}
	fb.add("gc=", gc)
	fb.add("gcp=", gc, "|", o.prep)
	fb.add("gcr=", gc, "|", root)
	d := o.sp.a - c.trigEnd
	switch {
	case d < 0:
		fb.add("dist=before")
	case d < 3:
		fb.add("dist=near")
	case d < 7:
		fb.add("dist=mid")
	case d < 13:
		fb.add("dist=far")
	default:
		fb.add("dist=remote")
	}
	if rank > 3 {
		rank = 3
	}
	fb.add("ord=", string(rune('0'+rank)))
	if c.noun {
		fb.add("noun|", o.prep)
	}
	return fb.list()
}

// parserTarget sums up the parser's own choice of target for targetFeatures.
func parserTarget(st *sentence, c *cand) string {
	switch {
	case !c.tgt.ok():
		return "none"
	case st.countryName(c.tgt):
		return "country"
	case st.agentLike(c.tgt):
		return "agent"
	}
	return "thing"
}

// rerankable reports whether a candidate's target may be chosen again: not where the target
// came from the grammatical subject (passives, converse verbs) or from a coordination.
func rerankable(st *sentence, c *cand) bool {
	return !c.passive && !c.symmetric && (c.e == nil || !c.e.conv) && len(st.conjuncts(c.src)) < 2
}

// pickTarget lets the model's target ranker choose among a candidate's target options.
func (m *Model) pickTarget(st *sentence, c *cand) {
	if m == nil || len(m.rank) == 0 || !rerankable(st, c) {
		return
	}
	opts := st.targetOptions(c)
	if len(opts) < 2 && !(len(opts) == 1 && !c.tgt.ok()) {
		return
	}
	parser := parserTarget(st, c)
	best, bestScore, first := -1, float32(0), float32(0)
	for i, o := range opts {
		var sc float32
		for _, f := range targetFeatures(st, c, o, i, parser) {
			sc += m.rank[f]
		}
		if i == 0 {
			first = sc
		}
		if best < 0 || sc > bestScore {
			best, bestScore = i, sc
		}
	}
	// An actor the parser found (always the first option) gives way only to a clearly better
	// phrase.
	if best > 0 && c.tgt.ok() && parser != "thing" && bestScore-first < switchMargin {
		return
	}
	c.tgt, c.prep = opts[best].sp, opts[best].prep
}

// switchMargin is how far an option must score above an actor the parser chose as target
// before the ranker replaces it. Chosen by cross-validation (0 to 12 tried, averaged over five
// fold seeds): below 4 the ranker trades right actors for wrong ones; from 4 to 12 the figures
// are level.
const switchMargin = 6

// rankExample is a candidate's target options with which of them are right.
type rankExample struct {
	feats [][]string
	good  []bool
}

// trainRanker fits an averaged ranking perceptron: on each example the best-scoring option
// should be one of the right ones.
func trainRanker(exs []rankExample, epochs int, seed int64) map[string]float32 {
	w := map[string]float32{}
	acc := map[string]float32{}
	stamp := map[string]int{}
	step := 1
	update := func(f string, d float32) {
		acc[f] += float32(step-stamp[f]) * w[f]
		stamp[f] = step
		w[f] += d
	}
	rng := rand.New(rand.NewSource(seed))
	order := rng.Perm(len(exs))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := exs[i]
			best, bestGood := -1, -1
			var bs, gs float32
			for k, fs := range ex.feats {
				var sc float32
				for _, f := range fs {
					sc += w[f]
				}
				if best < 0 || sc > bs {
					best, bs = k, sc
				}
				if ex.good[k] && (bestGood < 0 || sc > gs) {
					bestGood, gs = k, sc
				}
			}
			if !ex.good[best] {
				for _, f := range ex.feats[bestGood] {
					update(f, 1)
				}
				for _, f := range ex.feats[best] {
					update(f, -1)
				}
			}
			step++
		}
	}
	out := map[string]float32{}
	for f, v := range w {
		if a := (acc[f] + float32(step-stamp[f])*v) / float32(step); a != 0 {
			out[f] = a
		}
	}
	return out
}
