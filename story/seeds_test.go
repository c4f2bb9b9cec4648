package story_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/input"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/pipeline"
	"github.com/parleynews/parley/stances"
	"github.com/parleynews/parley/story"
)

type seedGold struct {
	Documents map[string]struct {
		OffTopic []string `json:"off_topic"`
	} `json:"documents"`
	Corroborated []struct {
		Fact string   `json:"fact"`
		Docs []string `json:"docs"`
	} `json:"corroborated"`
}

// analyseSeeds runs the seed files through the analysis pipeline the CLI uses.
func analyseSeeds(t *testing.T, dir string) ([]*parley.Document, *stances.Profile) {
	t.Helper()
	prof, err := stances.LoadProfile(filepath.Join("..", "examples", "profiles", "ukraine-security-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.Default(pipeline.Options{Profile: prof})
	ctx := context.Background()
	var docs []*parley.Document
	err = p.Run(ctx, func(emit func(pipeline.Item) error) error {
		return input.Read(ctx, []string{dir}, input.Options{}, func(it input.Item) error {
			return emit(pipeline.Item{Doc: it.Doc, Err: it.Err})
		})
	}, func(it pipeline.Item) error {
		if it.Err != nil {
			t.Errorf("analyse: %v", it.Err)
			return nil
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, prof
}

// TestSeedsStory is the acceptance test of the story view over the five seed articles. It needs
// the whole pipeline (actors, quotes, events, stances, off-topic detection); until every stage is
// in place, some ACCEPTANCE assertions below fail by design.
func TestSeedsStory(t *testing.T) {
	dir := shared.Dir(t, "corpus", "seeds")
	goldPath := shared.Dir(t, "gold", "seeds.json")
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}

	docs, prof := analyseSeeds(t, dir)
	if len(docs) != 5 {
		t.Fatalf("analysed %d seeds, want 5", len(docs))
	}
	var issues []string
	for _, is := range prof.Issues {
		issues = append(issues, is.ID)
	}
	b := story.NewBuilder(story.Options{Issues: issues})
	idOf := map[string]string{} // seed file name -> document ID
	var doc003 *parley.Document
	for _, d := range docs {
		if _, err := b.Add(d, story.CopyOf(d)); err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(d.Source)
		idOf[name] = d.ID
		if strings.HasPrefix(name, "003_") {
			doc003 = d
		}
	}
	stories := b.Stories()
	for _, s := range stories {
		t.Logf("story %s %q: %d documents, %d actors, %d events, %d quotes, %d claims, %d conflicts, %d positions",
			s.ID, s.Label, len(s.Documents), len(s.Actors), len(s.Events), len(s.Quotes), len(s.Claims), len(s.Conflicts), len(s.Positions))
		for _, c := range s.Claims {
			t.Logf("  claim (%s, %d sources): %s", c.Kind, c.Sources, c.Summary)
		}
		for _, c := range s.Conflicts {
			t.Logf("  conflict (%s): %s", c.Kind, c.Summary)
		}
		for _, n := range s.Notes {
			t.Logf("  notes on %s: %s", filepath.Base(n.Source), strings.Join(n.Notes, "; "))
		}
	}

	// ACCEPTANCE 1: one story holds all five seeds.
	if len(stories) != 1 || len(stories[0].Documents) != 5 {
		t.Fatalf("ACCEPTANCE 1 (one story holds all five seeds): got %d stories", len(stories))
	}
	s := stories[0]

	// ACCEPTANCE 2: seed 003's off-topic paragraphs contribute no facts. Checked two ways: no
	// fact's evidence lies in text the pipeline marked off-topic, and no fact's evidence holds
	// the off-topic passages the answer key names (this second check needs the off-topic stage).
	var offSpans []parley.Span
	for _, r := range doc003.Removed {
		if r.Reason == parley.ReasonOffTopic {
			offSpans = append(offSpans, r.Span)
		}
	}
	if len(offSpans) == 0 {
		t.Logf("the pipeline marked no off-topic text in seed 003")
	}
	var offKeys []string
	for name, d := range gold.Documents {
		if strings.HasPrefix(name, "003_") {
			offKeys = d.OffTopic
		}
	}
	for _, ev := range allEvidence(s) {
		if ev.DocumentID != doc003.ID {
			continue
		}
		for _, o := range offSpans {
			if o.Overlaps(ev.Span) {
				t.Errorf("ACCEPTANCE 2 (off-topic text contributes no facts): evidence %q lies in off-topic text", ev.Text)
			}
		}
		for _, k := range offKeys {
			if strings.Contains(ev.Text, k) {
				t.Errorf("ACCEPTANCE 2 (off-topic text contributes no facts; needs the off-topic stage): evidence %q holds off-topic passage %q", ev.Text, k)
			}
		}
	}

	// ACCEPTANCE 3: each corroborated fact of the answer key is one event or claim carrying both
	// of its sources. A fact is recognised by its words (most of them in the item's summary,
	// actors and evidence) and by the documents the item cites.
	for _, f := range gold.Corroborated {
		var want []string
		for _, name := range f.Docs {
			want = append(want, idOf[name])
		}
		found := false
		for _, it := range factItems(s) {
			if it.covers(want) && it.about(f.Fact) {
				found = true
				t.Logf("%q is %s", f.Fact, it.what)
				break
			}
		}
		if !found {
			t.Errorf("ACCEPTANCE 3 (corroborated facts; needs the actor, event and stance stages): no event or claim for %q carries both %v", f.Fact, f.Docs)
		}
	}
}

// allEvidence lists every span the story cites.
func allEvidence(s *parley.Story) []parley.Evidence {
	var out []parley.Evidence
	for _, e := range s.Events {
		out = append(out, e.Reports...)
	}
	for _, q := range s.Quotes {
		out = append(out, q.Reports...)
	}
	for _, c := range s.Claims {
		out = append(out, c.Evidence...)
	}
	for _, p := range s.Positions {
		for _, pt := range p.Points {
			out = append(out, pt.Evidence)
		}
	}
	return out
}

type factItem struct {
	what string
	text string
	ev   []parley.Evidence
}

func factItems(s *parley.Story) []factItem {
	var out []factItem
	for _, c := range s.Claims {
		text := c.Summary
		for _, e := range c.Evidence {
			text += " " + e.Text
		}
		out = append(out, factItem{what: "claim " + c.Summary, text: text, ev: c.Evidence})
	}
	for _, e := range s.Events {
		text := e.Source.Name + " " + e.PLOVER
		if e.Target != nil {
			text += " " + e.Target.Name
		}
		for _, r := range e.Reports {
			text += " " + r.Text
		}
		out = append(out, factItem{what: "event " + e.ID + " (" + e.CAMEO + ")", text: text, ev: e.Reports})
	}
	return out
}

func (it factItem) covers(ids []string) bool {
	for _, id := range ids {
		ok := false
		for _, e := range it.ev {
			if e.DocumentID == id {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// about reports whether most content words of a fact occur in the item's words (a word matches
// another it begins, so "Zelensky" finds "Zelenskyy").
func (it factItem) about(fact string) bool {
	have := strings.FieldsFunc(strings.ToLower(it.text), notLetter)
	var need []string
	for _, w := range strings.FieldsFunc(strings.ToLower(fact), notLetter) {
		if len(w) > 3 && w != "between" && w != "with" {
			need = append(need, w)
		}
	}
	hits := 0
	for _, w := range need {
		for _, h := range have {
			if strings.HasPrefix(h, w) || strings.HasPrefix(w, h) && len(h) > 3 {
				hits++
				break
			}
		}
	}
	return len(need) > 0 && 10*hits >= 6*len(need)
}

func notLetter(r rune) bool { return !('a' <= r && r <= 'z') }
