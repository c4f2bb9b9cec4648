package events

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// Labeled is a sentence with its marked source and target spans (byte offsets into Text) and
// the gold PLOVER category, as in the PLV data set.
type Labeled struct {
	ID      string
	Text    string
	Sources []parley.Span
	Targets []parley.Span
	Label   string
}

// ReadPLV reads a PLV-style TSV (columns include marked_sentence and gold_root; the first column
// may be unnamed).
func ReadPLV(r io.Reader) ([]Labeled, error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "read PLV header: %v", err)
	}
	marked, gold := -1, -1
	for i, h := range header {
		switch h {
		case "marked_sentence":
			marked = i
		case "gold_root":
			gold = i
		}
	}
	if marked < 0 || gold < 0 {
		return nil, parley.Errorf(parley.EINVALID, "PLV file lacks marked_sentence or gold_root columns")
	}
	var out []Labeled
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, parley.Errorf(parley.EINVALID, "read PLV row %d: %v", n, err)
		}
		if len(rec) <= marked || len(rec) <= gold {
			return nil, parley.Errorf(parley.EINVALID, "PLV row %d: too few columns", n)
		}
		l := parseMarked(rec[marked])
		l.ID = fmt.Sprint(n)
		l.Label = FoldPLOVER(rec[gold])
		out = append(out, l)
	}
	return out, nil
}

// parseMarked strips <s>…</s> and <t>…</t> from a sentence and records where they stood.
func parseMarked(m string) Labeled {
	var b strings.Builder
	var l Labeled
	open := map[byte]int{}
	for i := 0; i < len(m); {
		if m[i] == '<' {
			closing := i+1 < len(m) && m[i+1] == '/'
			j := i + 1
			if closing {
				j++
			}
			if j+1 < len(m) && (m[j] == 's' || m[j] == 't') && m[j+1] == '>' {
				tag := m[j]
				if closing {
					sp := parley.Span{Start: open[tag], End: b.Len()}
					if tag == 's' {
						l.Sources = append(l.Sources, sp)
					} else {
						l.Targets = append(l.Targets, sp)
					}
				} else {
					open[tag] = b.Len()
				}
				i = j + 2
				continue
			}
		}
		b.WriteByte(m[i])
		i++
	}
	l.Text = b.String()
	return l
}

// PredictLabeled runs the stage on one labelled sentence and returns the PLOVER category of the first
// event whose source overlaps a marked source and whose target overlaps a marked target, or
// NONE, exactly as the event scorer reads a record.
func (s *Stage) PredictLabeled(ctx context.Context, l Labeled) (string, error) {
	doc := &parley.Document{Text: l.Text}
	tokenise(doc)
	if err := s.Process(ctx, doc); err != nil {
		return "", err
	}
	for _, ev := range doc.Events {
		if hits(l.Sources, ev.Source) && hits(l.Targets, ev.Target) {
			return FoldPLOVER(ev.PLOVER), nil
		}
	}
	return "NONE", nil
}

func hits(marks []parley.Span, ref *parley.ActorRef) bool {
	if len(marks) == 0 {
		return true
	}
	if ref == nil || ref.End <= ref.Start {
		return false
	}
	for _, m := range marks {
		if m.Overlaps(ref.Span) {
			return true
		}
	}
	return false
}

// ClassScore is one line of an evaluation.
type ClassScore struct {
	Label     string
	Gold      int
	Precision float64
	Recall    float64
	F1        float64
}

// Evaluation is the event scorer's figures: accuracy, macro-F1 over the gold categories, and
// each category's line.
type Evaluation struct {
	Rows     int
	NoEvent  int
	Accuracy float64
	MacroF1  float64
	Classes  []ClassScore
}

func (e Evaluation) String() string {
	var b strings.Builder
	for _, c := range e.Classes {
		fmt.Fprintf(&b, "%10s gold %4d  P %.3f R %.3f F1 %.3f\n", c.Label, c.Gold, c.Precision, c.Recall, c.F1)
	}
	fmt.Fprintf(&b, "rows %d, no event found %d\naccuracy %.3f macro-F1 %.3f\n", e.Rows, e.NoEvent, e.Accuracy, e.MacroF1)
	return b.String()
}

// Score computes the scorer's metric from gold and predicted categories.
func Score(truth, guess []string) Evaluation {
	labels := map[string]bool{}
	for _, t := range truth {
		labels[t] = true
	}
	var names []string
	for l := range labels {
		names = append(names, l)
	}
	sort.Strings(names)
	ev := Evaluation{Rows: len(truth)}
	right := 0
	for i := range truth {
		if truth[i] == guess[i] {
			right++
		}
		if guess[i] == "NONE" {
			ev.NoEvent++
		}
	}
	if len(truth) > 0 {
		ev.Accuracy = float64(right) / float64(len(truth))
	}
	for _, l := range names {
		tp, fp, fn, gold := 0, 0, 0, 0
		for i := range truth {
			switch {
			case truth[i] == l && guess[i] == l:
				tp++
			case guess[i] == l:
				fp++
			case truth[i] == l:
				fn++
			}
			if truth[i] == l {
				gold++
			}
		}
		cs := ClassScore{Label: l, Gold: gold}
		if tp+fp > 0 {
			cs.Precision = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			cs.Recall = float64(tp) / float64(tp+fn)
		}
		if cs.Precision+cs.Recall > 0 {
			cs.F1 = 2 * cs.Precision * cs.Recall / (cs.Precision + cs.Recall)
		}
		ev.Classes = append(ev.Classes, cs)
		ev.MacroF1 += cs.F1
	}
	if len(names) > 0 {
		ev.MacroF1 /= float64(len(names))
	}
	return ev
}

// Evaluate runs the stage over labelled sentences and scores it.
func (s *Stage) Evaluate(ctx context.Context, data []Labeled) (Evaluation, []string, error) {
	truth := make([]string, len(data))
	guess := make([]string, len(data))
	for i, l := range data {
		g, err := s.PredictLabeled(ctx, l)
		if err != nil {
			return Evaluation{}, nil, err
		}
		truth[i], guess[i] = l.Label, g
	}
	return Score(truth, guess), guess, nil
}

// TrainConfig sets the training of a model.
type TrainConfig struct {
	Epochs int   // passes over the data; 10 when zero
	Seed   int64 // shuffling seed
}

// Train fits a model on labelled sentences. First the target ranker: for every candidate whose
// source is the marked one, which of its target options overlaps the marked target. Then,
// with the ranker's targets, the category model: every candidate event the lexicon finds in a
// sentence is an example, labelled with the gold category when its source and target overlap
// the marked ones, NONE otherwise.
func Train(data []Labeled, cfg TrainConfig) (*Model, error) {
	if len(data) == 0 {
		return nil, parley.Errorf(parley.EINVALID, "train: no data")
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	base := New(WithModel(nil))
	classSet := map[string]bool{"NONE": true}
	for _, l := range data {
		classSet[l.Label] = true
	}
	var classes []string
	for c := range classSet {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	cands := make([][]located, len(data))
	for i, l := range data {
		cands[i] = base.candidatesOf(l.Text)
	}
	// The target ranker learns first, from the candidates whose source is the marked one: which
	// of the phrases after the trigger is the marked target.
	var rexs []rankExample
	for i, l := range data {
		if len(l.Targets) == 0 {
			continue
		}
		for _, c := range cands[i] {
			if !overlapsAny(l.Sources, c.srcSpan) || !rerankable(c.st, &c.cand) {
				continue
			}
			opts := c.st.targetOptions(&c.cand)
			ex := rankExample{}
			ngood := 0
			parser := parserTarget(c.st, &c.cand)
			for k, o := range opts {
				good := overlapsAny(l.Targets, c.st.spanOf(o.sp))
				if good {
					ngood++
				}
				ex.feats = append(ex.feats, targetFeatures(c.st, &c.cand, o, k, parser))
				ex.good = append(ex.good, good)
			}
			if ngood > 0 && ngood < len(opts) {
				rexs = append(rexs, ex)
			}
		}
	}
	ranker := &Model{rank: map[string]float32{}}
	for r := 0; r < shuffles; r++ {
		for f, v := range trainRanker(rexs, cfg.Epochs, cfg.Seed+int64(r)*101) {
			ranker.rank[f] += v / shuffles
		}
	}
	var exs []example
	for i, l := range data {
		for _, c := range cands[i] {
			ranker.pickTarget(c.st, &c.cand)
			if c.tgt.ok() {
				c.tgtSpan = c.st.spanOf(c.tgt)
			}
			label := "NONE"
			if overlapsAny(l.Sources, c.srcSpan) && (len(l.Targets) == 0 || overlapsAny(l.Targets, c.tgtSpan)) {
				label = l.Label
			}
			exs = append(exs, example{feats: features(c.st, &c.cand, c.code), label: index[label]})
		}
	}
	m := &Model{Classes: classes, weights: map[string][]float32{}}
	for r := 0; r < shuffles; r++ {
		for f, v := range trainPerceptron(exs, classes, cfg.Epochs, cfg.Seed+int64(r)*101).weights {
			w, ok := m.weights[f]
			if !ok {
				w = make([]float32, len(classes))
				m.weights[f] = w
			}
			for k := range v {
				w[k] += v[k] / shuffles
			}
		}
	}
	m.rank = ranker.rank
	return m, nil
}

// shuffles is how many perceptrons, each over its own order of the examples, are averaged
// into the model: one order's accidents weigh less.
const shuffles = 5

func overlapsAny(marks []parley.Span, sp parley.Span) bool {
	if sp.End <= sp.Start {
		return false
	}
	for _, m := range marks {
		if m.Overlaps(sp) {
			return true
		}
	}
	return false
}

// located is a candidate with the byte spans of its source and target.
type located struct {
	cand
	st               *sentence
	code             string
	srcSpan, tgtSpan parley.Span
}

// spanOf is the byte span of a token span.
func (st *sentence) spanOf(sp span) parley.Span {
	return parley.Span{Start: st.toks[sp.a].start, End: st.toks[sp.b-1].end}
}

// candidatesOf runs the parser over a text and returns its candidates with the lexicon's code.
func (s *Stage) candidatesOf(text string) []located {
	doc := &parley.Document{Text: text}
	tokenise(doc)
	dt := newDocTokens(doc, doc.Sentences)
	var out []located
	for si := range doc.Sentences {
		toks := dt.sentence(si, nil)
		if len(toks) < 3 {
			continue
		}
		st := &sentence{text: text, toks: toks, lx: s.lx, verb: make([]int8, len(toks))}
		for _, c := range st.candidates() {
			cc := c
			s.codeNoModel(st, &cc)
			s.model.pickTarget(st, &c)
			l := located{cand: c, st: st, code: cc.code}
			if c.src.ok() {
				l.srcSpan = parley.Span{Start: toks[c.src.a].start, End: toks[c.src.b-1].end}
			}
			if c.tgt.ok() {
				l.tgtSpan = parley.Span{Start: toks[c.tgt.a].start, End: toks[c.tgt.b-1].end}
			}
			out = append(out, l)
		}
	}
	return out
}

func (s *Stage) codeNoModel(st *sentence, c *cand) {
	m := s.model
	s.model = nil
	s.code(st, c)
	s.model = m
}

// CrossValidate trains on k-1 folds and scores the held-out fold, k times, and scores all the
// held-out predictions together.
func CrossValidate(ctx context.Context, data []Labeled, k int, cfg TrainConfig) (Evaluation, error) {
	if k < 2 {
		return Evaluation{}, parley.Errorf(parley.EINVALID, "cross-validation needs at least 2 folds")
	}
	order := rand.New(rand.NewSource(cfg.Seed + 7)).Perm(len(data))
	truth := make([]string, len(data))
	guess := make([]string, len(data))
	for f := 0; f < k; f++ {
		var train, test []int
		for i, idx := range order {
			if i%k == f {
				test = append(test, idx)
			} else {
				train = append(train, idx)
			}
		}
		td := make([]Labeled, len(train))
		for i, idx := range train {
			td[i] = data[idx]
		}
		m, err := Train(td, cfg)
		if err != nil {
			return Evaluation{}, err
		}
		st := New(WithModel(m))
		for _, idx := range test {
			g, err := st.PredictLabeled(ctx, data[idx])
			if err != nil {
				return Evaluation{}, err
			}
			truth[idx], guess[idx] = data[idx].Label, g
		}
	}
	return Score(truth, guess), nil
}
