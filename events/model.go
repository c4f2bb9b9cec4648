package events

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
)

// Model is an averaged perceptron that picks the PLOVER category (or NONE) of a candidate event
// from general word features: the trigger's lemma, the lexicon's code, the words between and
// around source and target, the prepositions and the mode. Beside it, a ranking perceptron
// picks a candidate's target among the phrases after its trigger (target.go).
type Model struct {
	Classes []string
	weights map[string][]float32
	// rank weighs the features of a candidate's target options (targetFeatures): the ranker
	// that picks which noun phrase after the trigger is the target.
	rank map[string]float32
}

// Predict returns the model's category for a candidate coded with code by the lexicon, and how
// far its score stands above that of the lexicon's category (lexPlover).
func (m *Model) Predict(st *sentence, c *cand, code, lexPlover string) (string, float32) {
	scores := make([]float32, len(m.Classes))
	for _, f := range features(st, c, code) {
		if w, ok := m.weights[f]; ok {
			for k := range scores {
				scores[k] += w[k]
			}
		}
	}
	best, lex := 0, -1
	for k := range scores {
		if scores[k] > scores[best] {
			best = k
		}
		if m.Classes[k] == lexPlover {
			lex = k
		}
	}
	if lex < 0 {
		return m.Classes[best], scores[best]
	}
	return m.Classes[best], scores[best] - scores[lex]
}

// Knows reports whether the model has a weight for a feature.
func (m *Model) Knows(f string) bool {
	_, ok := m.weights[f]
	return ok
}

// features describes a candidate in words. It never uses anything but the sentence's words, so
// what the model learns carries over to text it has not seen.
func features(st *sentence, c *cand, code string) []string {
	fb := st.features()
	fb.add("bias")
	fb.add("lex=", rootOf(code))
	fb.add("trig=", c.lemma)
	if c.light != "" {
		fb.add("light=", c.light)
		fb.add("lt=", c.light, "|", c.lemma)
	}
	if c.e != nil {
		fb.add("entry=", c.e.code, "|", c.lemma)
	}
	if c.ctl != "" {
		fb.add("ctl=", c.ctl)
		fb.add("ctlroot=", c.ctl, "|", rootOf(code))
	}
	if c.modal != "" {
		fb.add("modal=", c.modal)
		fb.add("modalroot=", c.modal, "|", rootOf(code))
	}
	if c.neg {
		fb.add("neg")
		fb.add("negroot=", rootOf(code))
	}
	if c.passive {
		fb.add("passive")
	}
	if c.noun {
		fb.add("noun")
	}
	if c.participle {
		fb.add("participle")
		fb.add("partroot=", rootOf(code))
	}
	if c.prep != "" {
		fb.add("prep=", c.prep)
		fb.add("tp=", c.lemma, "|", c.prep)
	}
	word := func(j int) string {
		if st.toks[j].kind != tkWord {
			return st.toks[j].low
		}
		return st.nounLemma(j)
	}
	// The words right after the trigger and the object's words. A wider window (10 words was
	// tried) lets the model learn the topics of its training sentences and overrule the lexicon
	// on text about other things: cross-validation and the gold-standard examples both fell.
	end := minInt(len(st.toks), c.trigEnd+2)
	for j := c.trigEnd; j < end; j++ {
		fb.add("after=", word(j))
	}
	if c.trigEnd < len(st.toks) {
		fb.add("next=", c.lemma, "|", word(c.trigEnd))
	}
	if c.obj.ok() {
		for j := c.obj.a; j < c.obj.b && j < c.obj.a+6; j++ {
			fb.add("obj=", word(j))
		}
	}
	if c.tgt.ok() {
		fb.add("thead=", word(c.tgt.b-1))
	} else {
		fb.add("notarget")
	}
	if c.src.ok() {
		fb.add("shead=", word(c.src.b-1))
	}
	for j := maxInt(0, c.trig-3); j < c.trig; j++ {
		fb.add("before=", word(j))
	}
	return fb.list()
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// WriteTo writes the model in its text format: a line of classes, then one line per feature
// with a weight per class, then one "rank" line per target-ranker feature with its weight.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	k, err := fmt.Fprintf(bw, "# parley events model: averaged perceptron; classes then feature weights\nclasses\t%s\n", strings.Join(m.Classes, "\t"))
	n += int64(k)
	if err != nil {
		return n, fmt.Errorf("write model: %w", err)
	}
	names := make([]string, 0, len(m.weights))
	for f := range m.weights {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		var b strings.Builder
		b.WriteString(f)
		zero := true
		for _, v := range m.weights[f] {
			b.WriteByte('\t')
			if v > -0.0005 && v < 0.0005 {
				b.WriteString("0")
				continue
			}
			zero = false
			b.WriteString(strconv.FormatFloat(float64(v), 'f', 3, 32))
		}
		if zero {
			continue
		}
		b.WriteByte('\n')
		k, err := bw.WriteString(b.String())
		n += int64(k)
		if err != nil {
			return n, fmt.Errorf("write model: %w", err)
		}
	}
	rnames := make([]string, 0, len(m.rank))
	for f := range m.rank {
		rnames = append(rnames, f)
	}
	sort.Strings(rnames)
	for _, f := range rnames {
		v := m.rank[f]
		if v > -0.0005 && v < 0.0005 {
			continue
		}
		k, err := fmt.Fprintf(bw, "rank\t%s\t%s\n", f, strconv.FormatFloat(float64(v), 'f', 3, 32))
		n += int64(k)
		if err != nil {
			return n, fmt.Errorf("write model: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("write model: %w", err)
	}
	return n, nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	m := &Model{weights: map[string][]float32{}}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if f[0] == "classes" && m.Classes == nil {
			m.Classes = f[1:]
			continue
		}
		if f[0] == "rank" {
			// A target-ranker weight: "rank", the feature, one weight.
			if len(f) != 3 {
				return nil, parley.Errorf(parley.EINVALID, "model line %d: want a rank feature and one weight", line)
			}
			v, err := strconv.ParseFloat(f[2], 32)
			if err != nil {
				return nil, parley.Errorf(parley.EINVALID, "model line %d: weight %q", line, f[2])
			}
			if m.rank == nil {
				m.rank = map[string]float32{}
			}
			m.rank[f[1]] = float32(v)
			continue
		}
		if m.Classes == nil || len(f) != len(m.Classes)+1 {
			return nil, parley.Errorf(parley.EINVALID, "model line %d: want %d weights", line, len(m.Classes))
		}
		w := make([]float32, len(m.Classes))
		for k, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return nil, parley.Errorf(parley.EINVALID, "model line %d: weight %q", line, s)
			}
			w[k] = float32(v)
		}
		m.weights[f[0]] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if len(m.Classes) == 0 {
		return nil, parley.Errorf(parley.EINVALID, "model has no classes line")
	}
	return m, nil
}

// example is one candidate with its gold category, for training.
type example struct {
	feats []string
	label int
}

// trainPerceptron fits an averaged perceptron. Averaging is what regularises it: a weight that
// only a few late examples pushed around ends up small.
func trainPerceptron(exs []example, classes []string, epochs int, seed int64) *Model {
	w := map[string][]float32{}
	acc := map[string][]float32{} // running sums for averaging
	stamp := map[string][]int{}
	step := 1
	rng := rand.New(rand.NewSource(seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	get := func(m map[string][]float32, f string) []float32 {
		v, ok := m[f]
		if !ok {
			v = make([]float32, len(classes))
			m[f] = v
		}
		return v
	}
	update := func(f string, k int, delta float32) {
		wv, av := get(w, f), get(acc, f)
		st, ok := stamp[f]
		if !ok {
			st = make([]int, len(classes))
			stamp[f] = st
		}
		av[k] += float32(step-st[k]) * wv[k]
		st[k] = step
		wv[k] += delta
	}
	scores := make([]float32, len(classes))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := exs[i]
			for k := range scores {
				scores[k] = 0
			}
			for _, f := range ex.feats {
				if v, ok := w[f]; ok {
					for k := range scores {
						scores[k] += v[k]
					}
				}
			}
			best := 0
			for k := range scores {
				if scores[k] > scores[best] {
					best = k
				}
			}
			if best != ex.label {
				for _, f := range ex.feats {
					update(f, ex.label, 1)
					update(f, best, -1)
				}
			}
			step++
		}
	}
	avg := map[string][]float32{}
	for f, wv := range w {
		av, st := acc[f], stamp[f]
		out := make([]float32, len(classes))
		for k := range wv {
			total := av[k] + float32(step-st[k])*wv[k]
			out[k] = total / float32(step)
		}
		avg[f] = out
	}
	return &Model{Classes: classes, weights: avg}
}
