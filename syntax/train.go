package syntax

import (
	"errors"
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// TrainConfig says what Train learns from and how.
type TrainConfig struct {
	Sentences []Sentence
	// Clusters maps word forms to Brown cluster bit strings ("0110…"), from unlabelled text.
	Clusters map[string]string
	// Case maps lower-case forms to their case profile in unlabelled text (CaseProfile).
	Case map[string]uint16
	// WordNet maps lower-case lemmas to their WordNet parts of speech (wnNoun…); may be nil.
	WordNet map[string]uint8
	Seed    int64
	// TagEpochs and ParseEpochs are the passes over the data; Folds the number of parts of the
	// jackknife that gives the parser predicted tags to learn from (below 2: gold tags).
	TagEpochs, ParseEpochs, Folds int
	// TagAverage is the same for the tagger.
	TagAverage int
	// Average is the number of parsers, trained on different orders of the sentences, whose
	// weights are averaged into the model (below 2: one).
	Average int
	// Prune drops features whose largest weight is below this share of the table's largest.
	Prune float64
	// Log receives progress lines; may be nil.
	Log func(format string, args ...any)
}

func (c *TrainConfig) logf(format string, args ...any) {
	if c.Log != nil {
		c.Log(format, args...)
	}
}

// Train learns a tagger and a parser from the sentences. The same configuration and seed give
// the same model.
func Train(cfg TrainConfig) (*Model, error) {
	if len(cfg.Sentences) == 0 {
		return nil, errors.New("train syntax: no sentences")
	}
	for i := range cfg.Sentences {
		s := &cfg.Sentences[i]
		if len(s.POS) != s.Len() || len(s.Heads) != s.Len() || len(s.Rels) != s.Len() {
			return nil, fmt.Errorf("train syntax: sentence %d lacks tags or a tree", i+1)
		}
	}
	if cfg.TagEpochs <= 0 {
		cfg.TagEpochs = 10
	}
	if cfg.ParseEpochs <= 0 {
		cfg.ParseEpochs = 15
	}
	sents := cfg.Sentences
	labels, dirLabels, err := labelSet(sents)
	if err != nil {
		return nil, err
	}
	base := baseLexicon(cfg.Clusters, cfg.WordNet, cfg.Case)
	m := &Model{labels: labels, dirLabels: dirLabels}
	for i, l := range labels {
		if l == "root" {
			m.rootLabel = int16(i + 1)
		}
	}
	if m.rootLabel == 0 {
		return nil, errors.New("train syntax: no root relation in the training trees")
	}

	// Jackknife: the parser learns from tags predicted by taggers that never saw the sentence,
	// so it is trained on the kind of tag errors it will meet.
	parsePOS := make([][]parley.POS, len(sents))
	if cfg.Folds >= 2 {
		for f := 0; f < cfg.Folds; f++ {
			var in, out []int
			for i := range sents {
				if i%cfg.Folds == f {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			fm := &Model{lex: withAmbiguity(base, sents, in)}
			var taggers []*trainWeights
			for k := 0; k < max(cfg.TagAverage, 1); k++ {
				taggers = append(taggers, trainTaggerOn(base, sents, in, cfg.TagEpochs, rand.New(rand.NewSource(cfg.Seed+int64(f)+1+int64(k)*7919))))
			}
			fm.tagger = freezeMean(taggers, 0)
			var s scratch
			s.scores = make([]int32, numTags)
			right, total := 0, 0
			for _, i := range out {
				toks := fm.info(&s, sents[i].Words)
				parsePOS[i] = make([]parley.POS, len(toks))
				fm.tagSentence(&s, toks, parsePOS[i])
				for k, p := range parsePOS[i] {
					if p == sents[i].POS[k] {
						right++
					}
					total++
				}
			}
			cfg.logf("jackknife fold %d/%d: UPOS %.4f on %d words", f+1, cfg.Folds, float64(right)/float64(max(total, 1)), total)
		}
	} else {
		for i := range sents {
			parsePOS[i] = sents[i].POS
		}
	}

	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}
	m.lex = withAmbiguity(base, sents, all)
	var taggers []*trainWeights
	for k := 0; k < max(cfg.TagAverage, 1); k++ {
		taggers = append(taggers, trainTaggerOn(base, sents, all, cfg.TagEpochs, rand.New(rand.NewSource(cfg.Seed+int64(k)*7919))))
	}
	m.tagger = freezeMean(taggers, cfg.Prune)
	cfg.logf("tagger: %d features kept", m.tagger.features())

	toks := make([][]tokenInfo, len(sents))
	for i := range sents {
		var s scratch
		toks[i] = append([]tokenInfo(nil), m.info(&s, sents[i].Words)...)
	}
	// Parsers trained on different orders of the sentences make different mistakes; the mean
	// of their averaged weights is one model of the same size that errs less, like a vote of
	// them at no cost in parsing time.
	var pts []*parserTrainer
	for k := 0; k < max(cfg.Average, 1); k++ {
		pts = append(pts, trainParser(sents, toks, parsePOS, labels, dirLabels, cfg.ParseEpochs, rand.New(rand.NewSource(cfg.Seed+1000+int64(k))),
			func(ep int, uas float64, pt *parserTrainer) {
				cfg.logf("parser %d epoch %d: training UAS %.4f", k+1, ep+1, uas)
			}))
	}
	acts := make([]*trainWeights, len(pts))
	var labs [2][]*trainWeights
	for k, pt := range pts {
		acts[k] = pt.actions
		labs[0] = append(labs[0], pt.labelers[0])
		labs[1] = append(labs[1], pt.labelers[1])
	}
	m.actions = freezeMean(acts, cfg.Prune)
	m.classes = dirClasses(dirLabels)
	m.sureLabels = pts[0].sureLabels
	klab := 0
	for d := range m.labelers {
		m.labelers[d] = freezeMean(labs[d], cfg.Prune)
		klab += m.labelers[d].features()
	}
	cfg.logf("parser: %d transition and %d label features kept", m.actions.features(), klab)
	m.scoreWords()
	return m, nil
}

func freezeWeights(t *trainWeights, prune float64) *table {
	keys, w := t.averaged()
	return freeze(t.nclass, keys, w, prune)
}

// freezeMean freezes the mean of the averaged weights of several trainings.
func freezeMean(ts []*trainWeights, prune float64) *table {
	if len(ts) == 1 {
		return freezeWeights(ts[0], prune)
	}
	n := ts[0].nclass
	sum := map[uint64][]float32{}
	for _, t := range ts {
		keys, w := t.averaged()
		for i, k := range keys {
			row := sum[k]
			if row == nil {
				row = make([]float32, n)
				sum[k] = row
			}
			for c := 0; c < n; c++ {
				row[c] += w[i*n+c] / float32(len(ts))
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	w := make([]float32, 0, len(keys)*n)
	for _, k := range keys {
		w = append(w, sum[k]...)
	}
	return freeze(n, keys, w, prune)
}

// ambFolds is the number of parts the training sentences are cut into for their ambiguity
// classes: each part reads the classes of the others, so that the tagger sees as many words
// without a class in training as it will meet in new text, and learns their affixes and
// clusters instead of trusting a class that only its own sentence gave the word.
const ambFolds = 10

// trainTaggerOn trains tagger weights on the sentences listed in idx, base being the lexicon
// without ambiguity classes.
func trainTaggerOn(base lexicon, sents []Sentence, idx []int, epochs int, rng *rand.Rand) *trainWeights {
	sub := make([]Sentence, len(idx))
	toks := make([][]tokenInfo, len(idx))
	for f := 0; f < ambFolds; f++ {
		var others []int
		for k, i := range idx {
			if k%ambFolds != f {
				others = append(others, i)
			}
		}
		fm := &Model{lex: withAmbiguity(base, sents, others)}
		for k, i := range idx {
			if k%ambFolds == f {
				sub[k] = sents[i]
				var s scratch
				toks[k] = append([]tokenInfo(nil), fm.info(&s, sents[i].Words)...)
			}
		}
	}
	return trainTagger(sub, toks, epochs, rng)
}

const maxDirLabels = 32

// labelSet lists the relations of the training trees in a fixed order, with the directions
// each was seen in.
func labelSet(sents []Sentence) ([]string, [2]uint64, error) {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, r := range s.Rels {
			seen[r] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for r := range seen {
		labels = append(labels, r)
	}
	sort.Strings(labels)
	if len(labels) > 64 {
		return nil, [2]uint64{}, fmt.Errorf("train syntax: %d relations, at most 64 supported", len(labels))
	}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	// Each direction keeps its 32 most frequent relations, so that a row of label weights is
	// four words of eight: the rarer ones (reparandum, orphan, goeswith…) are not learnt from
	// a few dozen examples anyway.
	var counts [2][64]int
	for _, s := range sents {
		for i, r := range s.Rels {
			h := s.Heads[i]
			if h < 0 {
				continue
			}
			d := 0
			if i > h {
				d = 1
			}
			counts[d][index[r]]++
		}
	}
	var dir [2]uint64
	for d := range dir {
		var seen []int
		for l, n := range counts[d] {
			if n > 0 {
				seen = append(seen, l)
			}
		}
		sort.SliceStable(seen, func(a, b int) bool { return counts[d][seen[a]] > counts[d][seen[b]] })
		if len(seen) > maxDirLabels {
			seen = seen[:maxDirLabels]
		}
		for _, l := range seen {
			dir[d] |= 1 << uint(l)
		}
	}
	return labels, dir, nil
}

// baseLexicon holds the clusters and WordNet classes, before the training tags are added.
func baseLexicon(clusters map[string]string, wn map[string]uint8, cases map[string]uint16) lexicon {
	lx := lexicon{}
	for w, p := range cases {
		e := lx[w]
		e.caps, e.freq = uint8(p), uint8(p>>8)
		lx[w] = e
	}
	for w, bits := range clusters {
		var c uint32 = 1
		for _, b := range bits {
			if c >= 1<<31 {
				break
			}
			c <<= 1
			if b == '1' {
				c |= 1
			}
		}
		e := lx[w]
		e.cluster = c
		lx[w] = e
	}
	for w, classes := range wn {
		e := lx[w]
		e.wn = classes | wnKnown
		lx[w] = e
	}
	return lx
}

// withAmbiguity copies the lexicon and adds the ambiguity classes of the sentences listed in
// idx: the tags a word had at least twice, or its only tag when seen once.
func withAmbiguity(base lexicon, sents []Sentence, idx []int) lexicon {
	counts := map[string]*[numTags]int{}
	for _, i := range idx {
		s := &sents[i]
		for k, w := range s.Words {
			f := normalize(w)
			c := counts[f]
			if c == nil {
				c = new([numTags]int)
				counts[f] = c
			}
			c[s.POS[k]]++
		}
	}
	lx := make(lexicon, len(base)+len(counts))
	for w, e := range base {
		lx[w] = e
	}
	for w, c := range counts {
		total := 0
		for _, v := range c {
			total += v
		}
		var amb uint32
		for t, v := range c {
			if v >= 2 || (total == 1 && v == 1) || (v > 0 && float64(v) >= 0.1*float64(total)) {
				amb |= posBit(parley.POS(t))
			}
		}
		e := lx[w]
		e.amb = amb
		for t, v := range c {
			if total >= 20 && float64(v) >= 0.995*float64(total) {
				e.sure = uint8(t + 1)
			}
		}
		lx[w] = e
	}
	lx.settle()
	return lx
}

// Scores are the accuracies of a model on gold sentences, counted as the CoNLL 2018 shared
// task counts them: punctuation included, relation subtypes ignored for LAS.
type Scores struct {
	UPOS, UAS, LAS float64
	Words          int
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.3f UAS %.3f LAS %.3f (%d words)", s.UPOS, s.UAS, s.LAS, s.Words)
}

// Evaluate parses the gold sentences' words and compares.
func (m *Model) Evaluate(gold []Sentence) Scores {
	var a Analysis
	var sc Scores
	upos, uas, las := 0, 0, 0
	for _, g := range gold {
		m.Parse(g.Words, &a)
		for i := range g.Words {
			sc.Words++
			if a.POS[i] == g.POS[i] {
				upos++
			}
			if a.Heads[i] == g.Heads[i] {
				uas++
				if baseRel(a.Rels[i]) == baseRel(g.Rels[i]) {
					las++
				}
			}
		}
	}
	w := float64(max(sc.Words, 1))
	sc.UPOS, sc.UAS, sc.LAS = float64(upos)/w, float64(uas)/w, float64(las)/w
	return sc
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}
