package syntax

import (
	"math/rand"
	"sort"

	"github.com/parleynews/parley"
)

// The tagger is a greedy left-to-right averaged perceptron over UPOS. It reads the word, its
// affixes, shape, Brown clusters, WordNet classes and training ambiguity class, the same of two
// words either side, and the two tags it has already chosen.

const numTags = int(parley.NumPOS)

// tag values for positions before the sentence, as feature values.
const tagStart = numTags + 1

// wordFeats writes the tagger features that read only the word itself, the same wherever it
// stands: for the words of the lexicon their scores are added up once, when the model loads.
func wordFeats(dst []uint64, t *tokenInfo) []uint64 {
	return append(dst,
		tmpl(0),
		mix(tmpl(1), t.word),
		mix(tmpl(2), t.low),
		mix(tmpl(3), t.suf[0]),
		mix(tmpl(4), t.suf[1]),
		mix(tmpl(5), t.suf[2]),
		mix(tmpl(6), t.suf[3]),
		mix(tmpl(7), t.pre[0]),
		mix(tmpl(8), t.pre[1]),
		mix(tmpl(12), t.c4),
		mix(tmpl(13), t.c6),
		mix(tmpl(15), t.cfull),
		mix(tmpl(16), t.amb),
		mix(mix(tmpl(17), t.wn), t.flags&flagUpperInitial),
		mix(mix(tmpl(45), t.caps), t.flags&flagUpperInitial),
	)
}

// tagFeats writes all the tagger features of word i, given the two tags before it.
func tagFeats(dst []uint64, toks []tokenInfo, i, t1, t2 int) []uint64 {
	return contextFeats(wordFeats(dst[:0], &toks[i]), toks, i, t1, t2)
}

// contextFeats appends the features that read the neighbours and the tags before.
func contextFeats(dst []uint64, toks []tokenInfo, i, t1, t2 int) []uint64 {
	t := &toks[i]
	at := func(k int) *tokenInfo {
		if k < 0 || k >= len(toks) {
			return nil
		}
		return &toks[k]
	}
	lowAt := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.low
		}
		if k < 0 {
			return atomStart
		}
		return atomEnd
	}
	sufAt := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.suf[2]
		}
		return atomNone
	}
	c6At := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.c6
		}
		return atomNone
	}
	cfAt := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.cfull
		}
		return atomNone
	}
	ambAt := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.amb
		}
		return atomNone
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	T1, T2 := uint64(t1), uint64(t2)
	f := append(dst,
		mix(mix(tmpl(10), t.shape), first),
		mix(mix(tmpl(11), t.flags), first),
		mix(tmpl(18), T1),
		mix(mix(tmpl(20), T1), T2),
		mix(mix(tmpl(21), T1), t.low),
		mix(tmpl(22), lowAt(i-1)),
		mix(tmpl(24), lowAt(i+1)),
		mix(tmpl(25), lowAt(i+2)),
		mix(tmpl(26), sufAt(i-1)),
		mix(tmpl(27), sufAt(i+1)),
		mix(tmpl(28), c6At(i-1)),
		mix(tmpl(29), c6At(i+1)),
		mix(tmpl(30), cfAt(i-1)),
		mix(tmpl(31), cfAt(i+1)),
		mix(tmpl(32), ambAt(i+1)),
		mix(tmpl(33), ambAt(i+2)),
		mix(mix(tmpl(34), T1), t.amb),
		mix(mix(tmpl(35), t.amb), ambAt(i+1)),
		mix(mix(tmpl(36), t.low), lowAt(i+1)),
		mix(mix(tmpl(37), lowAt(i-1)), t.low),
		mix(mix(tmpl(38), T1), t.suf[2]),
		mix(mix(tmpl(39), T1), t.c6),
		mix(mix(tmpl(41), T1), ambAt(i+1)),
		mix(mix(mix(tmpl(44), t.caps&0xff), t.flags&flagUpperInitial), first),
		mix(mix(mix(tmpl(46), t.caps&0xff), t.flags&flagUpperInitial), T1),
	)
	return f
}

// tagSentence tags words with the frozen weights into pos.
func (m *Model) tagSentence(s *scratch, toks []tokenInfo, pos []parley.POS) {
	scores := s.scores[:numTags]
	var ctx [numTags]int32
	t1, t2 := tagStart, tagStart
	for i := range toks {
		t := &toks[i]
		if t.sure > 0 {
			pos[i] = parley.POS(t.sure - 1)
			t2, t1 = t1, int(t.sure-1)
			continue
		}
		if r := t.lexRow; r > 0 {
			row := m.wordScores[int(r-1)*numTags : int(r)*numTags]
			for c := range scores {
				scores[c] = int32(row[c])
			}
		} else {
			s.feats = wordFeats(s.feats[:0], t)
			m.tagger.score(s.feats, scores, &s.buf)
		}
		s.feats = contextFeats(s.feats[:0], toks, i, t1, t2)
		m.tagger.score(s.feats, ctx[:], &s.buf)
		best := 0
		for c := range scores {
			scores[c] += ctx[c]
			if scores[c] > scores[best] {
				best = c
			}
		}
		pos[i] = parley.POS(best)
		t2, t1 = t1, best
	}
}

// scoreWords adds up, for every word the training data showed, the scores of its word
// features, so that tagging reads one row instead of fifteen features for it.
func (m *Model) scoreWords() {
	var s scratch
	s.scores = make([]int32, numTags)
	words := make([]string, 0, len(m.lex))
	for w, e := range m.lex {
		if e.amb != 0 {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	m.wordScores = make([]int16, 0, len(words)*numTags)
	for _, w := range words {
		t := &m.info(&s, []string{w})[0]
		s.feats = wordFeats(s.feats[:0], t)
		m.tagger.score(s.feats, s.scores, &s.buf)
		for _, v := range s.scores {
			m.wordScores = append(m.wordScores, int16(max(min(v, 32767), -32768)))
		}
		e := m.lex[w]
		e.row = int32(len(m.wordScores) / numTags)
		m.lex[w] = e
	}
	m.index = newWordIndex(m.lex)
}

// trainTagger learns tagger weights from sentences whose tokens were computed by info.
func trainTagger(sents []Sentence, toks [][]tokenInfo, epochs int, rng *rand.Rand) *trainWeights {
	w := newTrainWeights(numTags)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, numTags)
	var feats []uint64
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, si := range order {
			s := &sents[si]
			tk := toks[si]
			t1, t2 := tagStart, tagStart
			for i := range tk {
				feats = tagFeats(feats, tk, i, t1, t2)
				w.score(feats, scores)
				best := 0
				for c := 1; c < numTags; c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				gold := int(s.POS[i])
				if best != gold {
					w.update(feats, gold, best, 1)
				}
				w.tick()
				t2, t1 = t1, best
			}
		}
	}
	return w
}
