package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/parleynews/parley/internal/shared"
)

type aebPage struct {
	name string // file name without .html.gz: the ground truth's key
	url  string
	html []byte
	body string // the ground truth's articleBody
}

// loadAEB decompresses every benchmark page, skipping (or failing under CI) when the shared
// data is absent.
func loadAEB(tb testing.TB) []aebPage {
	tb.Helper()
	truthPath := shared.Dir(tb, "bench", "aeb", "ground-truth.json")
	aebDir := filepath.Dir(truthPath)
	raw, err := os.ReadFile(truthPath)
	if err != nil {
		tb.Fatalf("read article-extraction ground truth: %v", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatalf("read ground truth: %v", err)
	}
	pages := make([]aebPage, 0, len(truth))
	for name, t := range truth {
		path := filepath.Join(aebDir, "html", name+".html.gz")
		html, err := gunzipFile(path)
		if err != nil {
			tb.Fatalf("read %s: %v", path, err)
		}
		pages = append(pages, aebPage{name: name, url: t.URL, html: html, body: t.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].name < pages[j].name })
	return pages
}

func gunzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// The scorer's measure (tools/score-extraction), ported: Python's \w is Unicode letters, digits
// and the underscore.
var scoreWord = regexp.MustCompile(`[\p{L}\p{N}_]+`)

func shingles(text string) map[string]int {
	const n = 4
	words := scoreWord.FindAllString(text, -1)
	out := make(map[string]int)
	if len(words) == 0 {
		return out
	}
	for i := 0; i < max(1, len(words)-n+1); i++ {
		out[strings.Join(words[i:min(i+n, len(words))], "\x00")]++
	}
	return out
}

// shingleCounts returns a document's true positives, false positives and false negatives,
// scaled to sum to one.
func shingleCounts(truth, pred string) (tp, fp, fn float64) {
	t, p := shingles(truth), shingles(pred)
	var itp, ifp, ifn int
	for k, c := range p {
		both := min(c, t[k])
		itp += both
		ifp += c - both
	}
	for k, c := range t {
		ifn += max(0, c-p[k])
	}
	total := float64(itp + ifp + ifn)
	if total == 0 {
		return 0, 0, 0
	}
	return float64(itp) / total, float64(ifp) / total, float64(ifn) / total
}

// extractionF1 averages precision and recall over documents as the scorer does and returns the
// F1 of the two means.
func extractionF1(truths, preds []string) (f1, precision, recall float64) {
	var ps, rs []float64
	for i := range truths {
		tp, fp, fn := shingleCounts(truths[i], preds[i])
		if tp+fp > 0 {
			if fp == 0 && fn == 0 {
				ps = append(ps, 1)
			} else {
				ps = append(ps, tp/(tp+fp))
			}
		}
		if tp+fn > 0 {
			if fp == 0 && fn == 0 {
				rs = append(rs, 1)
			} else {
				rs = append(rs, tp/(tp+fn))
			}
		}
	}
	mean := func(xs []float64) float64 {
		if len(xs) == 0 {
			return 0
		}
		var s float64
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	}
	precision, recall = mean(ps), mean(rs)
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return f1, precision, recall
}

// plainTrafilatura is the baseline: go-trafilatura's flat text with its fallback extractors.
func plainTrafilatura(page aebPage) string {
	res, err := trafilatura.Extract(bytes.NewReader(page.html), trafilatura.Options{
		EnableFallback: true,
		OriginalURL:    parseURL(page.url),
		HtmlDateMode:   trafilatura.Disabled,
	})
	if err != nil {
		return ""
	}
	return res.ContentText
}

// minAEBF1 is the bar the extractor must clear on the benchmark; go-trafilatura's flat text
// scores about 0.960.
const minAEBF1 = 0.965

func TestAEB(t *testing.T) {
	if testing.Short() {
		t.Skip("benchmark run skipped in -short mode")
	}
	pages := loadAEB(t)
	truths := make([]string, len(pages))
	base := make([]string, len(pages))
	ours := make([]string, len(pages))
	for i, p := range pages {
		truths[i] = p.body
		base[i] = plainTrafilatura(p)
		if res, err := HTML(p.html, p.url); err == nil {
			ours[i] = res.Text
		} else {
			t.Logf("%s: %v", p.name, err)
		}
	}
	bf, bp, br := extractionF1(truths, base)
	f, p, r := extractionF1(truths, ours)
	t.Logf("AEB, %d pages: plain go-trafilatura F1 %.4f (P %.4f R %.4f); extract.HTML F1 %.4f (P %.4f R %.4f)",
		len(pages), bf, bp, br, f, p, r)
	if f < minAEBF1 {
		t.Errorf("extraction F1 %.4f below %.3f", f, minAEBF1)
	}
}

// BenchmarkHTML extracts every benchmark page per iteration; MB/s is over the decompressed HTML.
func BenchmarkHTML(b *testing.B) {
	pages := loadAEB(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := HTML(p.html, p.url); err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
		}
	}
}
