// Package polnear reads the PolNeAR attribution corpus (brat standoff files) and scores quote
// predictions against it as tools/score-quotes does. The quote stage's tests and the generator
// of its learned cues (internal/genlexicon) share it, so that both count the same way.
package polnear

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
)

// Attribution is one gold attribution, in code points, as tools/score-quotes reads it.
type Attribution struct {
	Content [2]int
	Source  *[2]int
	Cue     *[2]int
	Kind    string // direct, mixed or indirect
}

// Doc is one article with its gold attributions.
type Doc struct {
	Name  string
	Text  string
	Runes []rune
	Gold  []Attribution
}

var annSuffix = regexp.MustCompile(`_[^_]+\.ann$`)

// bratSpan reads brat offsets "10 20" or "10 20;30 40", as one range covering all fragments.
func bratSpan(field string) ([2]int, bool) {
	lo, hi := -1, -1
	for _, part := range strings.Split(field, ";") {
		f := strings.Fields(part)
		if len(f) != 2 {
			return [2]int{}, false
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil {
			return [2]int{}, false
		}
		if lo < 0 || a < lo {
			lo = a
		}
		if b > hi {
			hi = b
		}
	}
	return [2]int{lo, hi}, true
}

const doubleMarks = "\"\u201c\u201d"

var thatColon = regexp.MustCompile(`^(that|:)\s+`)

// pyStrip trims white space as Python's str.strip() does.
func pyStrip(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

// GoldKind classifies a gold attribution's content exactly as score-quotes does.
func GoldKind(content string) string {
	content = pyStrip(content)
	content = thatColon.ReplaceAllString(content, "")
	// The NYT's and PTB's two-character double marks, as the scorer reads them.
	content = strings.NewReplacer("''", `"`, "``", `"`).Replace(content)
	marks := 0
	for _, r := range content {
		if strings.ContainsRune(doubleMarks, r) {
			marks++
		}
	}
	// Python: "" in "abc" is True, so an empty end counts as a mark.
	firstIn := true
	if r, _ := utf8.DecodeRuneInString(content); content != "" {
		firstIn = strings.ContainsRune(doubleMarks, r)
	}
	rest := strings.TrimRight(content, ".,;:!?")
	lastIn := true
	if rest != "" {
		r, _ := utf8.DecodeLastRuneInString(rest)
		lastIn = strings.ContainsRune(doubleMarks, r)
	}
	switch {
	case firstIn && lastIn:
		return "direct"
	case marks > 0:
		return "mixed"
	}
	return "indirect"
}

// Load reads a split: dir holds attributions/*.ann and text/*.txt. Articles are in name order;
// an annotation without its text is skipped, as the scorer skips it.
func Load(dir string) ([]Doc, error) {
	anns, err := os.ReadDir(filepath.Join(dir, "attributions"))
	if err != nil {
		return nil, fmt.Errorf("read PolNeAR split %s: %w", dir, err)
	}
	names := make([]string, 0, len(anns))
	for _, a := range anns {
		names = append(names, a.Name())
	}
	sort.Strings(names)
	seen := map[string]bool{}
	var docs []Doc
	for _, ann := range names {
		name := annSuffix.ReplaceAllString(ann, "")
		if seen[name] {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			continue
		}
		seen[name] = true
		d := Doc{Name: name, Text: string(raw), Runes: []rune(string(raw))}
		annText, err := os.ReadFile(filepath.Join(dir, "attributions", ann))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", ann, err)
		}
		type tspan struct {
			label string
			span  [2]int
		}
		spans := map[string]tspan{}
		var rels []map[string]string
		for _, line := range strings.Split(string(annText), "\n") {
			cols := strings.Split(line, "\t")
			if strings.HasPrefix(line, "T") && len(cols) >= 2 {
				label, offsets, _ := strings.Cut(cols[1], " ")
				if sp, ok := bratSpan(offsets); ok {
					spans[cols[0]] = tspan{label, sp}
				}
			} else if strings.HasPrefix(line, "E") && len(cols) >= 2 {
				rel := map[string]string{}
				for _, arg := range strings.Fields(cols[1]) {
					k, v, _ := strings.Cut(arg, ":")
					rel[k] = v
				}
				rels = append(rels, rel)
			}
		}
		for _, rel := range rels {
			c, ok := spans[rel["Content"]]
			if !ok {
				continue
			}
			g := Attribution{Content: c.span}
			if s, ok := spans[rel["Source"]]; ok && rel["Source"] != "" {
				sp := s.span
				g.Source = &sp
			}
			if s, ok := spans[rel["Cue"]]; ok && rel["Cue"] != "" {
				sp := s.span
				g.Cue = &sp
			}
			lo, hi := max(0, min(c.span[0], len(d.Runes))), max(0, min(c.span[1], len(d.Runes)))
			g.Kind = GoldKind(string(d.Runes[lo:max(lo, hi)]))
			d.Gold = append(d.Gold, g)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Pred is a predicted quote in code points.
type Pred struct {
	Start, End int
	Kind       string
	Speaker    *[2]int
	Quote      parley.Quote
}

// Predictions returns the quotes of an analysed document in code points.
func Predictions(doc *parley.Document) []Pred {
	rp := newRunePos(doc.Text)
	out := make([]Pred, 0, len(doc.Quotes))
	for _, q := range doc.Quotes {
		p := Pred{Start: rp[q.Start], End: rp[q.End], Kind: q.Kind, Quote: q}
		if q.Speaker != nil {
			sp := [2]int{rp[q.Speaker.Start], rp[q.Speaker.End]}
			p.Speaker = &sp
		}
		out = append(out, p)
	}
	return out
}

// runePos converts byte offsets of text to code-point offsets.
type runePos []int

func newRunePos(text string) runePos {
	pos := make([]int, len(text)+1)
	n := 0
	for i := range text {
		pos[i] = n
		n++
	}
	// Bytes inside a rune map to the rune's index; the end maps to the rune count.
	last := 0
	for i := 0; i < len(text); i++ {
		if utf8.RuneStart(text[i]) {
			last = pos[i]
		}
		pos[i] = last
	}
	pos[len(text)] = n
	return pos
}

func overlap(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }

func sourceOK(g Attribution, p Pred) bool {
	if g.Source == nil {
		return p.Speaker == nil
	}
	return p.Speaker != nil && overlap(g.Source[0], g.Source[1], p.Speaker[0], p.Speaker[1]) > 0
}

// GroupScore is the score of one group of attributions: direct+mixed or indirect.
type GroupScore struct {
	Name                  string
	Matched, NPred, NGold int
	TP, FP, FN            int
	Right, Judged         int
	// CueTP and CueAll count, per lower-cased cue text ("(none)" for none), the predictions
	// that were right end to end and all predictions.
	CueTP, CueAll map[string]int
	// Missed, Wrong and SrcWrong describe the errors, for study.
	Missed, Wrong, SrcWrong []string
}

// pair is one candidate match, ordered as Python orders (ov, gi, pi) tuples in reverse.
type pair struct{ ov, gi, pi int }

// Score matches the predictions of group ("direct+mixed" or "indirect") to the gold
// attributions of the same group, as score-quotes does.
func Score(docs []Doc, preds [][]Pred, group string) *GroupScore {
	gs := &GroupScore{Name: group, CueTP: map[string]int{}, CueAll: map[string]int{}}
	for di, d := range docs {
		var golds []Attribution
		for _, g := range d.Gold {
			if (g.Kind == "indirect") == (group == "indirect") {
				golds = append(golds, g)
			}
		}
		var ps []Pred
		for _, p := range preds[di] {
			if (p.Kind == "indirect") == (group == "indirect") {
				ps = append(ps, p)
			}
		}
		var pairs []pair
		for gi, g := range golds {
			for pi, p := range ps {
				ov := overlap(g.Content[0], g.Content[1], p.Start, p.End)
				shorter := min(g.Content[1]-g.Content[0], p.End-p.Start)
				if shorter > 0 && ov*2 >= shorter {
					pairs = append(pairs, pair{ov, gi, pi})
				}
			}
		}
		sort.Slice(pairs, func(i, j int) bool {
			a, b := pairs[i], pairs[j]
			if a.ov != b.ov {
				return a.ov > b.ov
			}
			if a.gi != b.gi {
				return a.gi > b.gi
			}
			return a.pi > b.pi
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		matchP := map[int]int{}
		hits := 0
		for _, pr := range pairs {
			if usedG[pr.gi] || usedP[pr.pi] {
				continue
			}
			usedG[pr.gi], usedP[pr.pi] = true, true
			matchP[pr.pi] = pr.gi
			g, p := golds[pr.gi], ps[pr.pi]
			ok := sourceOK(g, p)
			if g.Source != nil {
				gs.Judged++
				if ok {
					gs.Right++
				}
			}
			if ok {
				hits++
			} else {
				gs.SrcWrong = append(gs.SrcWrong, fmt.Sprintf("%s: gold src %q pred src %q | %q", d.Name, runeText(d.Runes, g.Source), predSpeaker(d.Text, p), Clip(p.Quote.Text, 120)))
			}
		}
		for pi, p := range ps {
			cue := "(none)"
			if p.Quote.Cue != nil {
				cue = strings.ToLower(p.Quote.Cue.Text)
			}
			gs.CueAll[cue]++
			gi, ok := matchP[pi]
			if ok && sourceOK(golds[gi], p) {
				gs.CueTP[cue]++
			} else if !ok {
				// The gold content it overlaps most, to tell a wrong boundary from no quote.
				near := ""
				best := 0
				for _, g := range golds {
					if ov := overlap(g.Content[0], g.Content[1], p.Start, p.End); ov > best {
						best, near = ov, string(d.Runes[g.Content[0]:g.Content[1]])
					}
				}
				gs.Wrong = append(gs.Wrong, fmt.Sprintf("%s: [%s cue %q src %q] %q\n\tNEAR %q", d.Name, p.Kind, cue, predSpeaker(d.Text, p), Clip(p.Quote.Text, 160), Clip(near, 160)))
			}
		}
		for gi, g := range golds {
			if !usedG[gi] {
				cue := runeText(d.Runes, g.Cue)
				gs.Missed = append(gs.Missed, fmt.Sprintf("%s: [%s cue %q src %q] %q", d.Name, g.Kind, cue, runeText(d.Runes, g.Source), Clip(string(d.Runes[g.Content[0]:g.Content[1]]), 160)))
			}
		}
		gs.TP += hits
		gs.FP += len(ps) - hits
		gs.FN += len(golds) - hits
		gs.Matched += len(usedG)
		gs.NPred += len(ps)
		gs.NGold += len(golds)
	}
	return gs
}

func runeText(r []rune, sp *[2]int) string {
	if sp == nil {
		return ""
	}
	return string(r[sp[0]:sp[1]])
}

func predSpeaker(text string, p Pred) string {
	if p.Quote.Speaker == nil {
		return ""
	}
	return text[p.Quote.Speaker.Start:p.Quote.Speaker.End]
}

// Clip cuts s to at most n bytes on a rune boundary, marking the cut with an ellipsis.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Ratio is a/b, and 0 when b is 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Line formats the score as score-quotes prints it, and returns the end-to-end F1.
func (gs *GroupScore) Line() (string, float64) {
	cp, cr := Ratio(gs.Matched, gs.NPred), Ratio(gs.Matched, gs.NGold)
	p, r := Ratio(gs.TP, gs.TP+gs.FP), Ratio(gs.TP, gs.TP+gs.FN)
	f := f1(p, r)
	return fmt.Sprintf("%13s: gold %d, predicted %d; content P %.3f R %.3f F1 %.3f; source accuracy %.3f on %d; end-to-end P %.3f R %.3f F1 %.3f",
		gs.Name, gs.NGold, gs.NPred, cp, cr, f1(cp, cr), Ratio(gs.Right, gs.Judged), gs.Judged, p, r, f), f
}
