package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

// analyse segments and cleans a text the way the pipeline does.
func analyse(t testing.TB, name, text string) *parley.Document {
	t.Helper()
	doc := &parley.Document{Source: name, Text: text}
	doc.Paragraphs = segment.Paragraphs(text)
	doc.Sentences = segment.Sentences(text, doc.Paragraphs)
	if err := Clean(doc); err != nil {
		t.Fatalf("Clean(%s): %v", name, err)
	}
	checkRemovals(t, doc)
	return doc
}

// inside mirrors the seed scorer: the first occurrence of key lies in one of the spans.
func inside(text, key string, spans []parley.Span) bool {
	at := strings.Index(text, key)
	if at < 0 {
		return false
	}
	for _, s := range spans {
		if s.Start <= at && at+len(key) <= s.End {
			return true
		}
	}
	return false
}

var foldRe = regexp.MustCompile(`[\s"“”‘’'«»]+`)

func fold(s string) string {
	return strings.ToLower(strings.TrimSpace(foldRe.ReplaceAllString(s, " ")))
}

// TestSeeds checks the cleaning part of the seed answer key: titles, publication dates,
// boilerplate removed, flags raised, and no quoted words removed.
func TestSeeds(t *testing.T) {
	dir := shared.Dir(t, "corpus", "seeds")
	raw, err := os.ReadFile(shared.Dir(t, "gold", "seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Documents map[string]struct {
			Title       *string  `json:"title"`
			Published   *string  `json:"published"`
			Flags       []string `json:"flags"`
			Boilerplate []string `json:"boilerplate"`
			References  int      `json:"references"`
		} `json:"documents"`
		Quotes []struct {
			Doc string `json:"doc"`
			Key string `json:"key"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("read seeds.json: %v", err)
	}
	// Flags that other stages raise.
	others := map[string]bool{parley.FlagStaleTitle: true, parley.FlagOffTopicParagraph: true}
	names := make([]string, 0, len(gold.Documents))
	for name := range gold.Documents {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want := gold.Documents[name]
		t.Run(name[:3], func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			doc := analyse(t, name, string(text))
			for _, r := range doc.Removed {
				t.Logf("removed %-14s %q", r.Reason, r.In(doc.Text))
			}
			for _, f := range doc.Flags {
				t.Logf("flag %s: %s", f.Kind, f.Detail)
			}
			if want.Title != nil && fold(doc.Title) != fold(*want.Title) {
				t.Errorf("title = %q, want %q", doc.Title, *want.Title)
			}
			if want.Title == nil && doc.Title != "" {
				t.Errorf("title = %q, want none", doc.Title)
			}
			wantPub := ""
			if want.Published != nil {
				wantPub = *want.Published
			}
			if doc.Published != wantPub {
				t.Errorf("published = %q, want %q", doc.Published, wantPub)
			}
			var all, kept []parley.Span
			for _, r := range doc.Removed {
				all = append(all, r.Span)
				if r.Reason != parley.ReasonOffTopic {
					kept = append(kept, r.Span)
				}
			}
			for _, key := range want.Boilerplate {
				if !inside(doc.Text, key, all) {
					t.Errorf("boilerplate not removed: %q", key)
				}
			}
			kinds := map[string]bool{}
			for _, f := range doc.Flags {
				kinds[f.Kind] = true
			}
			for _, k := range want.Flags {
				if !others[k] && !kinds[k] {
					t.Errorf("flag %s not raised", k)
				}
			}
			if want.References > 0 && len(doc.References) != want.References {
				t.Errorf("%d references, want %d", len(doc.References), want.References)
			}
			for _, q := range gold.Quotes {
				if q.Doc == name && inside(doc.Text, q.Key, kept) {
					t.Errorf("quoted words removed: %q", q.Key)
				}
			}
		})
	}
}

// TestPolNeARRemovesLittle guards against false positives: the PolNeAR texts are clean article
// bodies, so the cleaner must remove almost nothing from them and never a line of reported
// speech.
func TestPolNeARRemovesLittle(t *testing.T) {
	files := shared.Texts(t, "bench", "polnear", "train", "text")
	quoteCue := regexp.MustCompile(`["“”«»]|(^|\s)['‘]`)
	cue := regexp.MustCompile(`(?i)\b(said|says|told|tells|added|asked|stated|wrote|explained|noted|argued|warned|according)\b`)
	var total, removed int
	for _, f := range files {
		doc := analyse(t, f.Name, f.Body)
		total += len(doc.Text)
		for _, r := range doc.Removed {
			removed += r.Len()
			s := r.In(doc.Text)
			if testing.Verbose() {
				t.Logf("%s: %-14s %q", f.Name, r.Reason, s)
			}
			if loc := quoteCue.FindStringIndex(s); loc != nil && cue.MatchString(s[loc[1]:]) {
				t.Errorf("%s: removed reported speech (%s): %q", f.Name, r.Reason, s)
			}
		}
	}
	rate := float64(removed) / float64(total)
	t.Logf("PolNeAR train: %d files, %d of %d bytes removed (%.3f%%)", len(files), removed, total, 100*rate)
	if rate >= 0.02 {
		t.Errorf("removed %.2f%% of clean article text, want < 2%%", 100*rate)
	}
}
