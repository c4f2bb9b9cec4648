package quotes

import (
	"context"
	"encoding/json"
	"github.com/parleynews/parley/quotes/internal/polnear"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

// seedActors stands in for the actors stage: who is who in the seed story, found by name and
// by the descriptions the stage resolves ("the Ukrainian leader"). Pronouns are left to the
// quote stage's own fallback.
var seedActors = []struct {
	name, code string
	pattern    string
}{
	{"Donald Trump", "USAGOV", `(?:President )?(?:Donald )?Trump`},
	{"Volodymyr Zelensky", "UKRGOV", `(?:Volodymyr )?Zelenskyy?|[Tt]he Ukrainian leader`},
	{"Vladimir Putin", "RUSGOV", `(?:Vladimir )?Putin`},
	{"Emmanuel Macron", "FRAGOV", `(?:Emmanuel )?Macron`},
	{"Keir Starmer", "GBRGOV", `(?:Keir )?Starmer`},
	{"Olaf Scholz", "DEUGOV", `(?:Olaf )?Scholz`},
	{"Giorgia Meloni", "ITAGOV", `(?:Giorgia )?Meloni`},
	{"Ursula von der Leyen", "IGOEUREEC", `(?:Ursula )?von der Leyen`},
	{"JD Vance", "USAGOV", `(?:JD )?Vance`},
	{"Karoline Leavitt", "USAGOV", `(?:Karoline )?Leavitt`},
	{"Edward Lawrence", "USAMED", `(?:Edward )?Lawrence`},
	{"Melanie Joly", "CANGOV", `(?:Melanie )?Joly`},
	{"Pete Hegseth", "USAGOV", `(?:Pete )?Hegseth`},
	{"Sergei Lavrov", "RUSGOV", `(?:Sergei )?Lavrov`},
	{"Claudia Major", "DEU", `Claudia Major`},
	{"Aldo Kleemann", "DEU", `Aldo Kleemann`},
	{"The Washington Post", "USAMED", `The Washington Post`},
	{"Xinhua", "CHNMED", `Xinhua`},
	{"Russian Ministry of Foreign Affairs", "RUSGOV", `Russia's Ministry of Foreign Affairs`},
}

func seedDoc(text string) *parley.Document {
	paras := segment.Paragraphs(text)
	doc := &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)}
	for _, a := range seedActors {
		act := parley.Actor{Name: a.name, Code: a.code}
		for _, m := range regexp.MustCompile(a.pattern).FindAllStringIndex(text, -1) {
			act.Mentions = append(act.Mentions, parley.Span{Start: m[0], End: m[1]})
		}
		if len(act.Mentions) > 0 {
			doc.Actors = append(doc.Actors, act)
		}
	}
	return doc
}

// seedNorm folds quote marks, dashes, case and white space as tools/common.py's norm does.
func seedNorm(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\"'`*", r) {
			return -1
		}
		return r
	}, s)
	s = strings.NewReplacer("\u2014", "-", "\u2013", "-", "\u2026", "...").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// sameWords is score-seeds' test that a predicted quote holds the key's words.
func sameWords(key, got string) bool {
	k, g := seedNorm(key), seedNorm(got)
	return g != "" && (strings.Contains(g, k) || (strings.Contains(k, g) && float64(len([]rune(g))) >= 0.6*float64(len([]rune(k)))))
}

func who(r *parley.ActorRef) string {
	if r == nil {
		return ""
	}
	return strings.TrimSpace(r.Name + " " + r.Code)
}

// TestSeeds scores the five seed articles as tools/score-seeds scores quotes, with hand-built
// actors: every "must" quote found with its speaker, and every speaker-bearing quote other than
// indirect speech in the key. It also checks that quoted names and titles get no speaker.
func TestSeeds(t *testing.T) {
	goldPath := shared.Dir(t, "gold", "seeds.json")
	seeds := shared.Dir(t, "corpus", "seeds")
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Documents map[string]json.RawMessage
		Quotes    []struct {
			Doc, Key, Speaker, Kind string
			Must                    bool
		}
		NotQuotes []struct{ Doc, Key, Why string } `json:"not_quotes"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("read %s: %v", goldPath, err)
	}
	docs := map[string]*parley.Document{}
	for name := range gold.Documents {
		text, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		doc := seedDoc(string(text))
		if err := New().Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		docs[name] = doc
	}
	must, found := 0, 0
	for _, q := range gold.Quotes {
		if !q.Must {
			continue
		}
		must++
		re := regexp.MustCompile("(?i)" + q.Speaker)
		doc := docs[q.Doc]
		ok := false
		for _, p := range doc.Quotes {
			if sameWords(q.Key, p.Text) && re.MatchString(who(p.Speaker)) {
				ok = true
				t.Logf("%s %-9s %q <- %q (%s) [%s]", q.Doc[:3], p.Kind, polnear.Clip(q.Key, 50), doc.Text[p.Speaker.Start:p.Speaker.End], who(p.Speaker), p.Cue.Text)
				break
			}
		}
		if ok {
			found++
		} else {
			t.Errorf("%s: quote not found with its speaker: %q (%s)", q.Doc[:3], q.Key, q.Speaker)
		}
	}
	judged, right := 0, 0
	for name, doc := range docs {
		for _, p := range doc.Quotes {
			if p.Speaker == nil || p.Kind == parley.QuoteIndirect {
				continue
			}
			judged++
			ok := false
			for _, q := range gold.Quotes {
				if q.Doc == name && sameWords(q.Key, p.Text) && regexp.MustCompile("(?i)"+q.Speaker).MatchString(who(p.Speaker)) {
					ok = true
				}
			}
			if ok {
				right++
			} else {
				t.Errorf("%s: quote wrong or not in the key: %q -> %s", name[:3], polnear.Clip(p.Text, 60), who(p.Speaker))
			}
		}
		for _, nq := range gold.NotQuotes {
			if nq.Doc != name {
				continue
			}
			at := strings.Index(doc.Text, nq.Key)
			if at < 0 {
				t.Fatalf("%s: not-quote %q not in the text", name[:3], nq.Key)
			}
			for _, p := range doc.Quotes {
				if p.Speaker != nil && p.Start <= at && at+len(nq.Key) <= p.End {
					t.Errorf("%s: %q (%s) got speaker %s in %s %q", name[:3], nq.Key, nq.Why, who(p.Speaker), p.Kind, p.Text)
				}
			}
		}
	}
	recall, precision := polnear.Ratio(found, must), polnear.Ratio(right, judged)
	t.Logf("seeds: quotes recall %.3f (%d/%d), precision %.3f (%d/%d)", recall, found, must, precision, right, judged)
	if recall < 1 || precision < 0.95 {
		t.Errorf("seed quotes: recall %.2f precision %.2f, want 1.00 and >= 0.95", recall, precision)
	}
}
