package stances

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dates"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

const testProfile = `
story: test
issues:
  - id: us-troops
    label: US troops
    terms: [US troops, American troops, US boots on the ground]
  - id: nato-membership
    label: NATO membership
    terms: [NATO membership, join NATO, join the North Atlantic alliance]
  - id: peacekeeping
    label: European peacekeeping
    terms: [peacekeeping force, peacekeeping forces, Spanish troops, peacekeeping contingent]
  - id: minerals-deal
    label: Minerals deal
    terms: [minerals deal, minerals pact]
  - id: security-guarantees
    label: Security guarantees
    terms: [security guarantees, ironclad guarantees]
`

// actor says that every occurrence of each of its words in the text is a mention of it.
type actor struct {
	name, code string
	words      []string
}

func build(t *testing.T, text, published string, actors ...actor) *parley.Document {
	t.Helper()
	d := &parley.Document{Text: text, Published: published}
	d.Paragraphs = segment.Paragraphs(text)
	d.Sentences = segment.Sentences(text, d.Paragraphs)
	if err := dates.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, a := range actors {
		act := parley.Actor{Name: a.name, Code: a.code}
		for _, w := range a.words {
			for i := 0; ; {
				j := strings.Index(text[i:], w)
				if j < 0 {
					break
				}
				act.Mentions = append(act.Mentions, parley.Span{Start: i + j, End: i + j + len(w)})
				i += j + len(w)
			}
		}
		d.Actors = append(d.Actors, act)
	}
	return d
}

func profile(t *testing.T) *Profile {
	t.Helper()
	p, err := ParseProfile(strings.NewReader(testProfile), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	carter = actor{"Jane Carter", "USAGOV", []string{"Jane Carter", "Carter", "She "}}
	ruiz   = actor{"Pablo Ruiz", "ESPGOV", []string{"Spanish Prime Minister Pablo Ruiz", "Ruiz"}}
	kovals = actor{"Olena Koval", "UKRGOV", []string{"Olena Koval", "Koval"}}
	minfa  = actor{"Ministry of Foreign Affairs", "RUSGOV", []string{"Russia's Ministry of Foreign Affairs"}}
)

func TestStances(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		actors    []actor
		want      []string // "actor issue polarity" in order
		evidences []string // a phrase each evidence must hold
	}{
		{"rule out", "Spanish Prime Minister Pablo Ruiz flatly ruled out any deployment of Spanish troops.", []actor{ruiz},
			[]string{"Pablo Ruiz peacekeeping oppose"}, []string{"ruled out any deployment of Spanish troops"}},
		{"pronoun subject and first object only", "Koval spoke first. She rejected Koval's call for NATO membership or a peacekeeping force, urging calm.",
			[]actor{kovals, {"Jane Carter", "USAGOV", []string{"She"}}},
			[]string{"Jane Carter nato-membership oppose"}, []string{"She rejected Koval's call for NATO membership"}},
		{"demand", "Olena Koval demanded ironclad security guarantees from the allies.", []actor{kovals},
			[]string{"Olena Koval security-guarantees support"}, nil},
		{"reported negation", "In an interview on Tuesday, Carter said there will be no US boots on the ground, but added more.", []actor{carter},
			[]string{"Jane Carter us-troops oppose"}, []string{"Carter said there will be no US boots on the ground"}},
		{"subject after reporting verb", "Russia's Ministry of Foreign Affairs said it rejects any scenario involving US troops in the region.", []actor{minfa},
			[]string{"Ministry of Foreign Affairs us-troops oppose"}, nil},
		{"willingness", "Pablo Ruiz expressed willingness to deploy peacekeeping forces but said it would be hard.", []actor{ruiz},
			[]string{"Pablo Ruiz peacekeeping support"}, []string{"willingness to deploy peacekeeping forces"}},
		{"post cue", "Carter framed the minerals deal as a pathway to prosperity, arguing it would help.", []actor{carter},
			[]string{"Jane Carter minerals-deal support"}, []string{"minerals deal as a pathway to prosperity"}},
		{"condition", "Koval refused to sign the minerals pact without parallel security guarantees.", []actor{kovals},
			[]string{"Olena Koval minerals-deal conditional"}, []string{"without parallel security guarantees"}},
		{"conditional support", "Ruiz backed a peacekeeping force contingent on American air cover.", []actor{ruiz},
			[]string{"Pablo Ruiz peacekeeping conditional"}, nil},
		{"condition after a phrase that could take one more word", "Ruiz proposing a peacekeeping force contingent on air cover.",
			[]actor{ruiz}, []string{"Pablo Ruiz peacekeeping conditional"}, nil},
		{"-ing form of a cue", "Koval, urging ironclad security guarantees, spoke last.", []actor{kovals},
			[]string{"Olena Koval security-guarantees support"}, nil},
		{"what the addressee should do is the verb's", "Carter spoke, urging Koval to handle security guarantees.",
			[]actor{carter, kovals}, nil, nil},
		{"the addressee's verb is a cue", "Carter urged Koval to reject NATO membership.", []actor{carter, kovals},
			[]string{"Jane Carter nato-membership oppose"}, []string{"Carter urged Koval to reject NATO membership"}},
		{"the addressee's verb supports", "Carter urged Koval to back ironclad guarantees.", []actor{carter, kovals},
			[]string{"Jane Carter security-guarantees support"}, nil},
		{"negated support", "Carter did not support NATO membership for the country.", []actor{carter},
			[]string{"Jane Carter nato-membership oppose"}, nil},
		// "were ruled out by" is the cue "was ruled out by": the lemma of both is "be".
		{"passive", "American troops in the region were ruled out by Carter.", []actor{carter},
			[]string{"Jane Carter us-troops oppose"}, nil},
		{"passive with by", "Deploying American troops is rejected by Carter as part of any deal.", []actor{carter},
			[]string{"Jane Carter us-troops oppose"}, nil},
		{"no cue, no stance", "Carter discussed American troops and a peacekeeping force with Ruiz.", []actor{carter, ruiz}, nil, nil},
		{"no holder, no stance", "Some observers ruled out NATO membership.", nil, nil, nil},
		{"compound modifier is no cue", "Carter rejected Koval's call for NATO membership or a US-backed peacekeeping force.", []actor{carter, kovals},
			[]string{"Jane Carter nato-membership oppose"}, nil},
		{"modal judgement is the reporter's", "Defence chief Pablo Ruiz's remarks that Spain might not be able to join NATO worried allies.",
			[]actor{ruiz, {"Spain", "ESP", []string{"Spain"}}}, []string{"Pablo Ruiz nato-membership oppose"}, nil},
		{"modal judgement without a reporter", "Spain might not be able to join NATO soon.", []actor{{"Spain", "ESP", []string{"Spain"}}}, nil, nil},
		{"possessive is not the holder", "Carter, brushing aside Koval's worries, downplayed the importance of security guarantees.", []actor{carter, kovals},
			[]string{"Jane Carter security-guarantees oppose"}, nil},
		{"phrase inside another object", "Koval demanded a say over American troops and their rules.", []actor{kovals}, nil, nil},
		{"abbreviation dots", "Carter said there will be no U.S. boots on the ground.", []actor{carter},
			[]string{"Jane Carter us-troops oppose"}, nil},
		{"object of a relative clause is not the holder", "Jane Carter, who is due to meet Koval in Kyiv next week, has refused to commit US troops.",
			[]actor{carter, kovals}, []string{"Jane Carter us-troops oppose"}, nil},
		{"judgement after the thing, reported", "Koval said security guarantees were the only way to stop the war.", []actor{kovals},
			[]string{"Olena Koval security-guarantees support"}, nil},
		{"off the table", "Carter said NATO membership is off the table for now.", []actor{carter},
			[]string{"Jane Carter nato-membership oppose"}, nil},
		{"condition in a participle clause", "Olena Koval demanded security guarantees, adding that talks without Kyiv would fail.", []actor{kovals},
			[]string{"Olena Koval security-guarantees support"}, nil},
		{"quoted judgement", "Koval warned that any deployment of Spanish troops would be \"unacceptable\" to her government.", []actor{kovals},
			[]string{"Olena Koval peacekeeping oppose"}, nil},
		{"abandoned demand", "Carter dropped her demand for NATO membership after the summit.", []actor{carter},
			[]string{"Jane Carter nato-membership oppose"}, nil},
		{"joining with the article", "Carter again ruled out the country joining the North Atlantic alliance.", []actor{carter},
			[]string{"Jane Carter nato-membership oppose"}, nil},
	}
	stage := New(profile(t))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.text, "2025-08-20", tc.actors...)
			if err := stage.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Stances {
				got = append(got, s.Actor.Name+" "+s.Issue+" "+s.Polarity)
				if s.Text != s.Span.In(d.Text) {
					t.Errorf("text %q is not the span's", s.Text)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i, e := range tc.evidences {
				if !strings.Contains(d.Stances[i].Text, e) {
					t.Errorf("evidence %q lacks %q", d.Stances[i].Text, e)
				}
			}
		})
	}
}

func TestStanceFromQuoteSpeaker(t *testing.T) {
	text := "“We need ironclad guarantees,” Koval said on Monday."
	d := build(t, text, "2025-08-20", kovals)
	qs := strings.Index(text, "We")
	qe := strings.Index(text, ",”")
	ks := strings.Index(text, "Koval")
	d.Quotes = []parley.Quote{{Span: parley.Span{Start: qs, End: qe}, Kind: parley.QuoteDirect, Date: "2025-08-18",
		Speaker: &parley.ActorRef{Name: "Olena Koval", Code: "UKRGOV", Span: parley.Span{Start: ks, End: ks + 5}}}}
	if err := New(profile(t)).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Stances) != 1 || d.Stances[0].Actor.Name != "Olena Koval" || d.Stances[0].Polarity != parley.StanceSupport || d.Stances[0].Date != "2025-08-18" {
		t.Fatalf("stances %+v", d.Stances)
	}
}

func TestDateFromSentence(t *testing.T) {
	d := build(t, "On Monday, Carter ruled out American troops.", "2025-08-20", carter)
	New(profile(t)).Process(context.Background(), d)
	if len(d.Stances) != 1 || d.Stances[0].Date != "2025-08-18" {
		t.Fatalf("stances %+v", d.Stances)
	}
}

func TestSkipsRemovedText(t *testing.T) {
	d := build(t, "Carter ruled out American troops.", "", carter)
	d.Removed = []parley.Removal{{Span: parley.Span{Start: 0, End: len(d.Text)}, Reason: parley.ReasonBoilerplate}}
	New(profile(t)).Process(context.Background(), d)
	if len(d.Stances) != 0 {
		t.Fatalf("stance from boilerplate: %+v", d.Stances)
	}
}

func TestDerivedIssues(t *testing.T) {
	d := build(t, "Ruiz ruled out any deployment of Spanish troops. Koval demanded new air defence systems for Kyiv. Ruiz rejected Koval's calls for a naval blockade.", "", ruiz, kovals)
	New(nil).Process(context.Background(), d)
	var got []string
	for _, s := range d.Stances {
		got = append(got, s.Actor.Name+" "+s.Issue+" "+s.Polarity)
	}
	want := "Pablo Ruiz deployment-spanish-troops oppose; Olena Koval air-defence-systems support; Pablo Ruiz naval-blockade oppose; Olena Koval naval-blockade support"
	if strings.Join(got, "; ") != want {
		t.Fatalf("got %q, want %q", strings.Join(got, "; "), want)
	}
}

func TestParseProfileErrors(t *testing.T) {
	tests := map[string]string{
		"":                                      "empty",
		"issues: []":                            "no issues",
		"issues:\n  - label: x\n    terms: [a]": "no id",
		"issues:\n  - id: Bad Id\n    terms: [a]":                       "lower-case",
		"issues:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]": "used twice",
		"issues:\n  - id: a": "no terms",
		"issues:\n  - id: a\n    terms: [x]\n    colour: red": "colour",
		"issues: [": "profile p.yaml",
	}
	for in, want := range tests {
		_, err := ParseProfile(strings.NewReader(in), "p.yaml")
		if err == nil || !strings.Contains(err.Error(), want) || parley.ErrorCode(err) != parley.EINVALID {
			t.Errorf("%q: error %v, want one containing %q", in, err, want)
		}
	}
}

func TestExampleProfileLoads(t *testing.T) {
	p, err := LoadProfile(filepath.Join("..", "examples", "profiles", "ukraine-security-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"security-guarantees", "nato-membership", "us-troops", "european-peacekeeping", "minerals-deal",
		"us-air-support", "frozen-russian-assets", "nato-troops-in-ukraine", "ceasefire-first", "us-military-aid"}
	var got []string
	for _, is := range p.Issues {
		got = append(got, is.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("example profile issues %v, want the ten of CONTRACT.md %v", got, want)
	}
}

func FuzzProcess(f *testing.F) {
	f.Add("Carter ruled out American troops, but backed a peacekeeping force without US troops.")
	f.Add("no no not “US troops” - by")
	p, err := ParseProfile(strings.NewReader(testProfile), "t")
	if err != nil {
		f.Fatal(err)
	}
	stage, open := New(p), New(nil)
	f.Fuzz(func(t *testing.T, text string) {
		for _, st := range []*Stage{stage, open} {
			d := &parley.Document{Text: text}
			d.Paragraphs = segment.Paragraphs(text)
			d.Sentences = segment.Sentences(text, d.Paragraphs)
			if i := strings.Index(text, "Carter"); i >= 0 {
				d.Actors = []parley.Actor{{Name: "Carter", Mentions: []parley.Span{{Start: i, End: i + 6}}}}
			}
			if err := st.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, s := range d.Stances {
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
					t.Fatalf("bad evidence span %+v", s.Span)
				}
			}
		}
	})
}

func BenchmarkProcess(b *testing.B) {
	files := shared.Texts(b, "bench", "polnear", "train", "text")
	p, err := LoadProfile(filepath.Join("..", "examples", "profiles", "ukraine-security-2025.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []*parley.Document
	var total int64
	for _, f := range files {
		d := &parley.Document{Text: f.Body}
		d.Paragraphs = segment.Paragraphs(d.Text)
		d.Sentences = segment.Sentences(d.Text, d.Paragraphs)
		d.Tokens = segment.Tokens(d.Text, d.Paragraphs, d.Sentences, nil) // as the tokens stage does
		docs = append(docs, d)
		total += int64(len(f.Body))
	}
	stage := New(p)
	b.SetBytes(total)
	for b.Loop() {
		for _, d := range docs {
			d.Stances = d.Stances[:0]
			stage.Process(context.Background(), d)
		}
	}
}
