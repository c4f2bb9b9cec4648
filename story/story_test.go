package story

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleynews/parley"
)

func TestGrouping(t *testing.T) {
	b := NewBuilder(Options{})
	a1 := newDoc(t, "a1", "2031-03-04", borduria1, borduria2).actor("Anton Kovalenko", "BRDGOV", "President", "Anton Kovalenko").actor("Marta Velsk", "SYLGOV", "Prime Minister", "Marta Velsk").done()
	h1 := newDoc(t, "h1", "2031-03-05", haven1, haven2).actor("Ines Dorado", "PHVGOV", "Mayor", "Ines Dorado").done()
	a2 := newDoc(t, "a2", "2031-03-06", borduria3, borduria4).actor("Anton Kovalenko", "BRDGOV", "", "Kovalenko").actor("Marta Velsk", "SYLGOV", "", "Velsk").done()
	h2 := newDoc(t, "h2", "2031-03-06", haven3, haven4).done()
	// Arrives last and must find its story among both.
	a3 := newDoc(t, "a3", "2031-03-07", "Kovalenko and Velsk will resume border talks on the Vardar valley after the artillery withdrawal stalled.").actor("Anton Kovalenko", "BRDGOV", "", "Kovalenko").done()
	h3 := newDoc(t, "h3", "2031-03-08", "Residents of Port Haven began returning home as the Lenna river fell and flood shelters emptied.").done()

	ids := map[string]string{}
	for _, d := range []*parley.Document{a1, h1, a2, h2, a3, h3} {
		ids[d.ID] = mustAdd(t, b, d, "")
	}
	stories := b.Stories()
	if len(stories) != 2 {
		for _, s := range stories {
			t.Logf("story %s: %v", s.Label, docIDs(s))
		}
		t.Fatalf("got %d stories, want 2", len(stories))
	}
	a, h := storyWith(t, stories, "a1"), storyWith(t, stories, "h1")
	if got := docIDs(a); !reflect.DeepEqual(got, []string{"a1", "a2", "a3"}) {
		t.Errorf("Borduria story holds %v", got)
	}
	if got := docIDs(h); !reflect.DeepEqual(got, []string{"h1", "h2", "h3"}) {
		t.Errorf("Port Haven story holds %v", got)
	}
	if a.ID != storyID("a1") || ids["a3"] != a.ID {
		t.Errorf("story ID %s, a3 went to %s; want %s", a.ID, ids["a3"], storyID("a1"))
	}
	if got, ok := b.StoryOf("h3"); !ok || got != h.ID {
		t.Errorf("StoryOf(h3) = %q %v, want %q", got, ok, h.ID)
	}
	if !strings.Contains(a.Label, "Kovalenko") || !strings.Contains(a.Label, "Velsk") {
		t.Errorf("label %q should name the main actors", a.Label)
	}
	if a.Start != "2031-03-04" || a.End != "2031-03-07" {
		t.Errorf("Borduria story runs %s..%s", a.Start, a.End)
	}
	if len(a.Actors) < 2 || a.Actors[0].Name != "Anton Kovalenko" || a.Actors[0].Documents != 3 {
		t.Errorf("actors %+v: Kovalenko, in 3 documents, should come first", a.Actors)
	}

	// The same words a year later are another story: developments that far apart are news of
	// their own.
	late := newDoc(t, "a4", "2032-05-01", borduria1, borduria2).done()
	if got := mustAdd(t, b, late, ""); got == a.ID {
		t.Errorf("a document 14 months later joined the story")
	}
}

func TestCopiesJoinOriginalAndDoNotCount(t *testing.T) {
	b := NewBuilder(Options{})
	orig := newDoc(t, "o1", "", borduria1, borduria3).
		event(kovalenko, velsk, "040", "CONSULT", "", "met Syldavian Prime Minister").
		stance(kovalenko, "monitors", "oppose", "", "rejected international monitors").done()
	// A syndicated copy whose text would not match on its own (it is about the flood), to show
	// that copyOf, not similarity, decides.
	cp := newDoc(t, "c1", "", haven1, borduria1, borduria3).
		event(kovalenko, velsk, "040", "CONSULT", "", "met Syldavian Prime Minister").
		stance(kovalenko, "monitors", "oppose", "", "rejected international monitors").done()
	mustAdd(t, b, newDoc(t, "h1", "", haven1, haven2, haven3).done(), "")
	sid := mustAdd(t, b, orig, "")
	if got := mustAdd(t, b, cp, "o1"); got != sid {
		t.Fatalf("copy went to story %s, original is in %s", got, sid)
	}
	s := storyWith(t, b.Stories(), "o1")
	if len(s.Events) != 1 || len(s.Events[0].Reports) != 2 || s.Events[0].Sources != 1 {
		t.Fatalf("events %+v: want one event, two reports, one source", s.Events)
	}
	if len(s.Claims) != 0 {
		t.Errorf("a copy corroborates nothing, got claims %+v", s.Claims)
	}
	if s.Documents[1].CopyOf != "o1" {
		t.Errorf("documents %+v", s.Documents)
	}
	found := false
	for _, n := range s.Notes {
		if n.DocumentID == "c1" && strings.Contains(strings.Join(n.Notes, ";"), "copy of document o1") {
			found = true
		}
	}
	if !found {
		t.Errorf("notes %+v should say c1 is a copy", s.Notes)
	}
	// A second copy of a document the builder never saw counts once with the first.
	x1 := newDoc(t, "x1", "", haven1, haven4).done()
	x2 := newDoc(t, "x2", "", haven1, haven4).done()
	if mustAdd(t, b, x1, "unseen") != mustAdd(t, b, x2, "unseen") {
		t.Errorf("two copies of one original went to different stories")
	}
}

func TestEventMerging(t *testing.T) {
	consult := func(id, published, date, text string) *parley.Document {
		return newDoc(t, id, published, text).event(kovalenko, velsk, "040", "CONSULT", date, text[:30]).done()
	}
	const (
		pavilion1 = "Kovalenko hosted Velsk at the Glass Pavilion for three hours of border talks."
		pavilion2 = "Velsk and Kovalenko argued about artillery during their meeting at the Glass Pavilion."
		plain1    = "Kovalenko met Velsk to talk about the border."
		plain2    = "Velsk held talks with Kovalenko about artillery."
	)
	tests := []struct {
		name        string
		docs        []*parley.Document
		copyOf      []string
		events      int
		sources     int // of the first event
		claims      int
		dateConflit bool
	}{
		{"undated, shared place", []*parley.Document{consult("d1", "", "", pavilion1), consult("d2", "", "", pavilion2)}, nil, 1, 2, 1, false},
		{"undated, nothing shared", []*parley.Document{consult("d1", "", "", plain1), consult("d2", "", "", plain2)}, nil, 2, 1, 0, false},
		{"undated, documents of the same days", []*parley.Document{consult("d1", "2031-03-04", "", plain1), consult("d2", "2031-03-05", "", plain2)}, nil, 1, 2, 1, false},
		{"undated, documents months apart", []*parley.Document{consult("d1", "2031-03-04", "", plain1), consult("d2", "2031-04-25", "", plain2)}, nil, 2, 1, 0, false},
		{"dated, equal", []*parley.Document{consult("d1", "", "2031-03-04", plain1), consult("d2", "", "2031-03-04", plain2)}, nil, 1, 2, 1, false},
		{"dated, different, shared place", []*parley.Document{consult("d1", "", "2031-03-04", pavilion1), consult("d2", "", "2031-03-05", pavilion2)}, nil, 1, 2, 1, true},
		{"dated, different, nothing shared", []*parley.Document{consult("d1", "", "2031-03-04", plain1), consult("d2", "", "2031-03-05", plain2)}, nil, 2, 1, 0, false},
		{"dated and undated, shared place", []*parley.Document{consult("d1", "", "2031-03-04", pavilion1), consult("d2", "", "", pavilion2)}, nil, 1, 2, 1, false},
		{"copy", []*parley.Document{consult("d1", "", "", pavilion1), consult("d2", "", "", pavilion1)}, []string{"", "d1"}, 1, 1, 0, false},
		{"three reports, one a copy", []*parley.Document{consult("d1", "", "", pavilion1), consult("d2", "", "", pavilion1), consult("d3", "", "", pavilion2)}, []string{"", "d1", ""}, 1, 2, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Documents months apart would be separate stories; this test is about events.
			b := NewBuilder(Options{Window: 1000 * 24 * time.Hour})
			for i, d := range tc.docs {
				cp := ""
				if tc.copyOf != nil {
					cp = tc.copyOf[i]
				}
				mustAdd(t, b, d, cp)
			}
			stories := b.Stories()
			if len(stories) != 1 {
				t.Fatalf("%d stories", len(stories))
			}
			s := stories[0]
			if len(s.Events) != tc.events {
				t.Fatalf("%d events, want %d: %+v", len(s.Events), tc.events, s.Events)
			}
			if s.Events[0].Sources != tc.sources {
				t.Errorf("sources %d, want %d", s.Events[0].Sources, tc.sources)
			}
			if len(s.Claims) != tc.claims {
				t.Errorf("claims %+v, want %d", s.Claims, tc.claims)
			}
			var dc *parley.Conflict
			for i := range s.Conflicts {
				if s.Conflicts[i].Kind == "date" {
					dc = &s.Conflicts[i]
				}
			}
			if (dc != nil) != tc.dateConflit {
				t.Fatalf("date conflict %+v, want %v", dc, tc.dateConflit)
			}
			if dc != nil {
				if len(dc.Sides) != 2 || dc.Sides[0].Value != "2031-03-04" || dc.Sides[1].Value != "2031-03-05" || dc.Sides[0].Evidence[0].DocumentID != "d1" {
					t.Errorf("date conflict sides %+v", dc.Sides)
				}
			}
			if tc.claims > 0 {
				c := s.Claims[0]
				if c.Kind != "event" || c.Sources != tc.sources || !strings.Contains(c.Summary, "Kovalenko met Marta Velsk") {
					t.Errorf("claim %+v", c)
				}
				if tc.name == "undated, shared place" && !strings.Contains(c.Summary, "Glass Pavilion") {
					t.Errorf("summary %q should name the shared place", c.Summary)
				}
			}
		})
	}
}

func TestEventDyads(t *testing.T) {
	const (
		s1 = "Kovalenko rejected the Syldavian offer on the Vardar border."
		s2 = "Velsk rejected the Bordurian offer on the Vardar border."
		s3 = "Velsk met Kovalenko on the Vardar border."
		s4 = "Kovalenko met Velsk on the Vardar border."
	)
	b := NewBuilder(Options{})
	mustAdd(t, b, newDoc(t, "d1", "", s1, s3).event(kovalenko, velsk, "120", "REJECT", "2031-03-04", "Kovalenko rejected").event(velsk, kovalenko, "040", "CONSULT", "2031-03-04", "Velsk met").done(), "")
	mustAdd(t, b, newDoc(t, "d2", "", s2, s4).event(velsk, kovalenko, "120", "REJECT", "2031-03-04", "Velsk rejected").event(ref("Kovalenko", "BRDGOV"), ref("Velsk", ""), "042", "CONSULT", "2031-03-04", "Kovalenko met").done(), "")
	s := b.Stories()[0]
	var meetings, rejections int
	for _, e := range s.Events {
		switch e.PLOVER {
		case "CONSULT":
			meetings++
			if e.Sources != 2 {
				t.Errorf("the meeting, reported both ways round, has %d sources", e.Sources)
			}
		case "REJECT":
			rejections++
		}
	}
	if meetings != 1 || rejections != 2 {
		t.Errorf("%d meetings and %d rejections, want 1 and 2 (a rejection has a direction)", meetings, rejections)
	}
}

func TestQuoteMerging(t *testing.T) {
	const (
		q1 = "We will never trade our valley for a piece of paper"
		q2 = "We will never trade our valley for a piece of paper, whatever the mediators promise"
		q3 = "we will never trade our valley for a piece of paper whatever mediators promise us"
		q4 = "Never again will artillery decide where our farmers may plough"
	)
	b := NewBuilder(Options{})
	mustAdd(t, b, newDoc(t, "d1", "", borduria2, "“"+q2+",” Velsk told reporters.", "“"+q4+",” said Velsk.", "Talks are “very difficult”, Velsk said.").
		quote(q2, velsk).quote(q4, velsk).quote("very difficult", velsk).done(), "")
	mustAdd(t, b, newDoc(t, "d2", "", borduria2, "Velsk said: “"+q1+".”", "“"+q4+",” Kovalenko said.", "Talks will be “very difficult”, said Kovalenko.").
		quote(q1, ref("Velsk", "SYLGOV")).quote(q4, kovalenko).quote("very difficult", kovalenko).done(), "")
	mustAdd(t, b, newDoc(t, "d3", "", borduria2, "She said "+q3+".").quote(q3, nil).done(), "")
	s := b.Stories()[0]

	var valley, artillery *parley.StoryQuote
	for i := range s.Quotes {
		switch {
		case strings.Contains(s.Quotes[i].Text, "valley"):
			if valley != nil {
				t.Fatalf("the valley statement is split: %+v", s.Quotes)
			}
			valley = &s.Quotes[i]
		case strings.Contains(s.Quotes[i].Text, "artillery"):
			artillery = &s.Quotes[i]
		}
	}
	if valley == nil || valley.Sources != 3 || len(valley.Reports) != 3 || valley.Text != q2 && valley.Text != q3 {
		t.Fatalf("valley quote %+v: want 3 sources and the longest wording", valley)
	}
	if valley.Speaker == nil || valley.Speaker.Name != "Marta Velsk" {
		t.Errorf("speaker %+v", valley.Speaker)
	}
	if artillery == nil || artillery.Sources != 2 {
		t.Fatalf("artillery quote %+v", artillery)
	}
	var speakers []parley.Conflict
	for _, c := range s.Conflicts {
		if c.Kind == "speaker" {
			speakers = append(speakers, c)
		}
	}
	if len(speakers) != 1 || !strings.Contains(speakers[0].Summary, "artillery") {
		t.Fatalf("speaker conflicts %+v: want one, on the artillery quote (two words are not a statement)", speakers)
	}
	sides := speakers[0].Sides
	if len(sides) != 2 || sides[0].Value != "Marta Velsk" || sides[1].Value != "Anton Kovalenko" ||
		!strings.Contains(sides[0].Evidence[0].Text, "said Velsk") || !strings.HasSuffix(sides[1].Evidence[0].Text, "Kovalenko") {
		t.Errorf("sides %+v: each should show the quote with its speaker", sides)
	}
	short := 0
	for _, q := range s.Quotes {
		if q.Text == "very difficult" {
			short++
		}
	}
	if short != 2 {
		t.Errorf("a two-word phrase from two speakers should stay two quotes, got %d", short)
	}
	claims := 0
	for _, c := range s.Claims {
		if c.Kind == "quote" {
			claims++
		}
	}
	if claims != 2 {
		t.Errorf("quote claims %+v", s.Claims)
	}
}

func TestNumberConflicts(t *testing.T) {
	tests := []struct {
		name      string
		d1, d2    string
		pub1      string
		pub2      string
		conflicts int
	}{
		{"different counts", "Borduria launched 212 drones at Syldavian villages in the Vardar valley overnight.", "Overnight Borduria launched 150 drones at villages in the Vardar valley.", "", "", 1},
		{"same count", "Borduria launched 212 drones at Syldavian villages in the Vardar valley overnight.", "Overnight Borduria launched 212 drones at villages in the Vardar valley.", "", "", 0},
		{"unrelated sentences", "Borduria launched 212 drones at Syldavian villages overnight.", "Syldavia has ordered 40 drones from an arms maker for its farmers.", "", "", 0},
		{"weeks apart", "Borduria launched 212 drones at Syldavian villages in the Vardar valley overnight.", "Overnight Borduria launched 150 drones at villages in the Vardar valley.", "2031-03-04", "2031-03-28", 0},
		{"thousands", "About 12,000 residents of the Vardar valley have fled their villages since the shelling began.", "Some 9,500 residents of the Vardar valley have fled their villages, officials said.", "", "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder(Options{MergeThreshold: -1})
			mustAdd(t, b, newDoc(t, "d1", tc.pub1, borduria2, tc.d1).done(), "")
			mustAdd(t, b, newDoc(t, "d2", tc.pub2, borduria2, tc.d2).done(), "")
			stories := b.Stories()
			if len(stories) != 1 {
				t.Fatalf("%d stories", len(stories))
			}
			var got []parley.Conflict
			for _, c := range stories[0].Conflicts {
				if c.Kind == "number" {
					got = append(got, c)
				}
			}
			if len(got) != tc.conflicts {
				t.Fatalf("number conflicts %+v, want %d", got, tc.conflicts)
			}
			if len(got) == 1 {
				c := got[0]
				if len(c.Sides) != 2 || c.Sides[0].Evidence[0].DocumentID != "d1" || c.Sides[1].Evidence[0].DocumentID != "d2" {
					t.Errorf("sides %+v", c.Sides)
				}
				if !strings.Contains(c.Summary, c.Sides[0].Value) || !strings.Contains(c.Summary, c.Sides[1].Value) {
					t.Errorf("summary %q", c.Summary)
				}
			}
		})
	}
	// One document giving two numbers contradicts nobody, even when another repeats both.
	b := NewBuilder(Options{})
	both := "A lasting peace would need 30,000 troops on the border, against the 8,000 troops deployed now."
	mustAdd(t, b, newDoc(t, "d1", "", borduria2, both).done(), "")
	mustAdd(t, b, newDoc(t, "d2", "", borduria2, both).done(), "")
	if c := b.Stories()[0].Conflicts; len(c) != 0 {
		t.Errorf("conflicts %+v", c)
	}
}

func TestStanceClaimsAndPositions(t *testing.T) {
	b := NewBuilder(Options{Issues: []string{"referendum", "monitors"}})
	mustAdd(t, b, newDoc(t, "d1", "2031-03-01", borduria2, "Kovalenko said he would accept neutral monitors in the valley.").
		stance(ref("Kovalenko", "BRDGOV"), "monitors", "support", "", "accept neutral monitors").done(), "")
	mustAdd(t, b, newDoc(t, "d2", "2031-03-10", borduria2, "Kovalenko rejected international monitors in the valley.", "Velsk backs a referendum on the border.").
		stance(kovalenko, "monitors", "oppose", "", "rejected international").
		stance(velsk, "referendum", "support", "", "backs a referendum").done(), "")
	mustAdd(t, b, newDoc(t, "d3", "2031-03-12", borduria2, "President Kovalenko again ruled out monitors in the valley.").
		stance(ref("President Anton Kovalenko", "BRDGOV"), "monitors", "oppose", "", "ruled out monitors").done(), "")
	// Undated: goes last, so it decides the current position.
	mustAdd(t, b, newDoc(t, "d4", "", borduria2, "Kovalenko could accept monitors if Syldavia withdrew first.").
		stance(kovalenko, "monitors", "conditional", "", "could accept monitors").done(), "")
	// Dated by its own date, before everything else.
	mustAdd(t, b, newDoc(t, "d5", "2031-03-20", borduria2, "In February Kovalenko had welcomed monitors.").
		stance(kovalenko, "monitors", "support", "2031-02-15", "had welcomed monitors").done(), "")
	s := b.Stories()[0]

	var claim *parley.Claim
	for i := range s.Claims {
		if s.Claims[i].Summary == "Anton Kovalenko opposes monitors" {
			claim = &s.Claims[i]
		}
	}
	if claim == nil || claim.Kind != "stance" || claim.Sources != 2 ||
		!reflect.DeepEqual(evidenceDocs(claim.Evidence), map[string]bool{"d2": true, "d3": true}) {
		t.Fatalf("stance claims %+v", s.Claims)
	}
	if len(s.Claims) != 2 { // and "supports monitors", from d1 and d5
		t.Errorf("claims %+v", s.Claims)
	}
	// Two actors with stances; the one with the most documents first; issues in profile order.
	if !reflect.DeepEqual(s.Issues, []string{"referendum", "monitors"}) {
		t.Errorf("issues %v", s.Issues)
	}
	var p *parley.Position
	for i := range s.Positions {
		if s.Positions[i].Issue == "monitors" {
			p = &s.Positions[i]
		}
	}
	if p == nil || p.Actor.Name != "Anton Kovalenko" {
		t.Fatalf("positions %+v", s.Positions)
	}
	var seq []string
	for _, pt := range p.Points {
		seq = append(seq, pt.Date+" "+pt.Polarity)
	}
	want := []string{"2031-02-15 support", "2031-03-01 support", "2031-03-10 oppose", "2031-03-12 oppose", " conditional"}
	if !reflect.DeepEqual(seq, want) {
		t.Errorf("points %q, want %q", seq, want)
	}
	// The undated conditional reading is listed but neither changes nor sets the position:
	// nothing says when it was taken.
	if p.Current != "oppose" || len(p.Changes) != 1 {
		t.Fatalf("current %q, changes %+v", p.Current, p.Changes)
	}
	ch := p.Changes[0]
	if ch.From != "support" || ch.To != "oppose" || ch.Date != "2031-03-10" || ch.Before.DocumentID != "d1" || ch.After.DocumentID != "d2" {
		t.Errorf("change %+v", ch)
	}
}

func TestOffTopicParagraphs(t *testing.T) {
	// A Borduria report with two long paragraphs about the Port Haven flood, marked off-topic.
	off1 := haven1 + " " + haven3
	off2 := haven2 + " " + haven4 + " Dorado rejected the river authority's plan, and “the harbour will not reopen this month,” Dorado said."
	b := NewBuilder(Options{})
	mustAdd(t, b, newDoc(t, "h1", "", haven1, haven2, haven3).actor("Ines Dorado", "PHVGOV", "Mayor", "Ines Dorado").done(), "")
	mustAdd(t, b, newDoc(t, "a1", "", borduria1, borduria2, borduria4).done(), "")
	mixed := func(id string, removed bool) *parley.Document {
		d := newDoc(t, id, "", borduria3, off1, off2, "Kovalenko will meet Velsk again in Klow to discuss the Vardar border and the artillery withdrawal.").
			actor("Ines Dorado", "PHVGOV", "Mayor", "Dorado").
			actor("Anton Kovalenko", "BRDGOV", "", "Kovalenko").
			event(dorado, ref("river authority", ""), "120", "REJECT", "", "Dorado rejected").
			quote("the harbour will not reopen this month", dorado).
			stance(dorado, "harbour", "oppose", "", "Dorado rejected").
			stance(kovalenko, "monitors", "oppose", "", "Kovalenko rejected")
		if removed {
			d.removed(parley.ReasonOffTopic, off1).removed(parley.ReasonOffTopic, off2).flag(parley.FlagOffTopicParagraph, "")
		}
		return d.done()
	}
	// Without its removals the article reads as flood news: the off-topic paragraphs are most
	// of it.
	if got := mustAdd(t, NewBuilder(Options{}), mixed("m0", false), ""); got != storyID("m0") {
		t.Fatalf("setup: %s", got)
	}
	b0 := NewBuilder(Options{})
	mustAdd(t, b0, newDoc(t, "h1", "", haven1, haven2, haven3).done(), "")
	mustAdd(t, b0, newDoc(t, "a1", "", borduria1, borduria2, borduria4).done(), "")
	if got := mustAdd(t, b0, mixed("m0", false), ""); got != storyID("h1") {
		t.Fatalf("setup: without removals the article should go to the flood story, went to %s", got)
	}
	mix := mixed("m1", true)
	sid := mustAdd(t, b, mix, "")
	stories := b.Stories()
	s := storyWith(t, stories, "m1")
	if sid != storyID("a1") || s.ID != storyID("a1") {
		t.Fatalf("the mixed article went to %s (story of %v), want the Borduria story", sid, docIDs(s))
	}
	for _, e := range s.Events {
		t.Errorf("event from an off-topic paragraph: %+v", e)
	}
	for _, q := range s.Quotes {
		t.Errorf("quote from an off-topic paragraph: %+v", q)
	}
	if len(s.Positions) != 1 || s.Positions[0].Issue != "monitors" {
		t.Errorf("positions %+v: only Kovalenko's on monitors should remain", s.Positions)
	}
	for _, a := range s.Actors {
		if strings.Contains(a.Name, "Dorado") {
			t.Errorf("an actor named only off-topic: %+v", a)
		}
	}
	var notes []string
	for _, n := range s.Notes {
		if n.DocumentID == "m1" {
			notes = n.Notes
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "2 off-topic paragraphs") {
		t.Errorf("notes %q", notes)
	}
}

func TestRoleConflicts(t *testing.T) {
	tests := []struct {
		name       string
		role1      string
		role2      string
		pub1, pub2 string
		conflict   bool
	}{
		{"former against sitting", "President of Borduria", "former Bordurian President", "2031-03-04", "2031-03-06", true},
		{"same role, other words", "President of Borduria", "Bordurian President", "2031-03-04", "2031-03-06", false},
		{"years apart", "President of Borduria", "former Bordurian President", "2031-03-04", "2035-03-06", false},
		{"undated", "President of Borduria", "former Bordurian President", "", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder(Options{MergeThreshold: -1, Window: 5000 * 24 * time.Hour})
			mustAdd(t, b, newDoc(t, "d1", tc.pub1, borduria1, borduria2).actor("Anton Kovalenko", "BRDGOV", tc.role1, "Anton Kovalenko").done(), "")
			mustAdd(t, b, newDoc(t, "d2", tc.pub2, borduria2, "Former President Anton Kovalenko visited the Vardar valley.").actor("Anton Kovalenko", "BRDGOV", tc.role2, "Anton Kovalenko").done(), "")
			stories := b.Stories()
			if len(stories) != 1 {
				t.Fatalf("%d stories", len(stories))
			}
			var got []parley.Conflict
			for _, c := range stories[0].Conflicts {
				if c.Kind == "role" {
					got = append(got, c)
				}
			}
			if (len(got) == 1) != tc.conflict || len(got) > 1 {
				t.Fatalf("role conflicts %+v, want %v", got, tc.conflict)
			}
			if tc.conflict {
				sides := got[0].Sides
				if len(sides) != 2 || sides[0].Value != tc.role1 || !strings.Contains(sides[1].Evidence[0].Text, "Former President Anton Kovalenko") {
					t.Errorf("sides %+v", sides)
				}
			}
		})
	}
}

func TestNotes(t *testing.T) {
	b := NewBuilder(Options{})
	text := []string{"Skip to content", borduria1 + "[1][2]", borduria2, "Share this article"}
	d := newDoc(t, "d1", "", text...).
		removed(parley.ReasonBoilerplate, "Skip to content").removed(parley.ReasonNavigation, "Share this article").
		flag(parley.FlagCitationMarkersUnresolved, "markers [1]-[2] point to no reference list").
		flag(parley.FlagStaleTitle, "the title calls Kovalenko former President").
		flag(parley.FlagReferenceDateMismatch, "").
		flag("new-kind", "something else").done()
	mustAdd(t, b, d, "")
	notes := b.Stories()[0].Notes
	if len(notes) != 1 {
		t.Fatalf("notes %+v", notes)
	}
	want := []string{
		"citation markers point to no reference list: markers [1]-[2] point to no reference list",
		"gives a role that does not hold on the article's date: the title calls Kovalenko former President",
		"the dates of its references do not match the story's",
		"new kind: something else",
		"2 spans of boilerplate removed",
	}
	got := notes[0].Notes
	if len(got) != len(want) {
		t.Fatalf("notes %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("note %d = %q, want %q…", i, got[i], want[i])
		}
	}
}

func TestAddErrors(t *testing.T) {
	b := NewBuilder(Options{})
	for _, d := range []*parley.Document{nil, {Source: "x.txt", Text: "no id"}} {
		_, err := b.Add(d, "")
		var pe *parley.Error
		if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
			t.Errorf("Add(%v) error %v, want EINVALID", d, err)
		}
	}
	d := newDoc(t, "d1", "", borduria1).done()
	first := mustAdd(t, b, d, "")
	if again := mustAdd(t, b, d, ""); again != first || b.Len() != 1 {
		t.Errorf("adding a document twice: %s then %s, %d documents", first, again, b.Len())
	}
	// Spans out of range and a document with nothing in it do no harm.
	bad := &parley.Document{ID: "bad", Text: "short",
		Removed: []parley.Removal{{Span: parley.Span{Start: 3, End: 99}, Reason: parley.ReasonOffTopic}},
		Actors:  []parley.Actor{{Name: "X", Mentions: []parley.Span{{Start: -4, End: 2}}}},
		Events:  []parley.Event{{Source: ref("X", ""), Span: parley.Span{Start: 10, End: 4}}},
		Quotes:  []parley.Quote{{Span: parley.Span{Start: 2, End: 50}}},
	}
	mustAdd(t, b, bad, "")
	mustAdd(t, b, &parley.Document{ID: "empty"}, "")
	if n := len(b.Stories()); n < 2 {
		t.Errorf("%d stories", n)
	}
}

func TestMergeStories(t *testing.T) {
	// Two documents that share little start two stories; a third that bridges them does not
	// join both, but once the stories have grown alike they are merged, keeping the ID of the
	// one that began first.
	add := func(b *Builder) {
		mustAdd(t, b, newDoc(t, "a1", "", borduria1, borduria2).done(), "")
		mustAdd(t, b, newDoc(t, "a2", "", borduria3).done(), "")
		mustAdd(t, b, newDoc(t, "a3", "", borduria3, borduria1, borduria2, borduria4).done(), "")
		mustAdd(t, b, newDoc(t, "a4", "", borduria3, borduria1).done(), "")
	}
	unmerged := NewBuilder(Options{Threshold: 0.35, MergeThreshold: -1})
	add(unmerged)
	if n := len(unmerged.Stories()); n < 2 {
		t.Fatalf("setup: without merging there should be two stories, got %d", n)
	}
	b := NewBuilder(Options{Threshold: 0.35})
	add(b)
	stories := b.Stories()
	if len(stories) != 1 {
		for _, s := range stories {
			t.Logf("%v", docIDs(s))
		}
		t.Fatalf("%d stories after merging", len(stories))
	}
	if stories[0].ID != storyID("a1") || !slices.Equal(docIDs(stories[0]), []string{"a1", "a2", "a3", "a4"}) {
		t.Errorf("story %s holds %v", stories[0].ID, docIDs(stories[0]))
	}
	if got, _ := b.StoryOf("a2"); got != storyID("a1") {
		t.Errorf("StoryOf(a2) = %s after the merge", got)
	}
}

func TestNameMatching(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Volodymyr Zelenskyy", "Zelensky", true},
		{"Volodymyr Zelenskiy", "Volodymyr Zelensky", true},
		{"Donald Trump", "President Trump", true},
		{"Donald Trump", "Melania Trump", false},
		{"JD Vance", "J. Vance", true},
		{"Keir Starmer", "Olaf Scholz", false},
		{"Russia's Ministry of Foreign Affairs", "Ukraine's Ministry of Foreign Affairs", false},
		{"Ukrainian President Volodymyr Zelensky", "Volodymyr Zelenskyy", true},
		{"U.S. Vice President JD Vance", "Vance", true},
		{"The talks followed Trump", "Donald Trump", true},
		{"U.S. President Trump", "Donald Trump", true},
		{"EU Commission President Ursula von der Leyen", "von der Leyen", true},
		{"Theresa May", "May", true},
		{"Theresa May", "Brian May", false},
	}
	for _, tc := range tests {
		tab := newActorTable()
		ra := tab.get(tc.a, "")
		rb := tab.get(tc.b, "")
		if (ra == rb) != tc.same {
			t.Errorf("%q and %q: same=%v, want %v", tc.a, tc.b, ra == rb, tc.same)
		}
	}
	// Codes of different countries keep alike names apart; a code without a country does not.
	coded := []struct {
		a, ac, b, bc string
		same         bool
	}{
		{"Europe", "EUR", "Eastern Europe", "EEU", false},
		{"South Korea", "KOR", "North Korea", "PRK", false},
		{"Boris Johnson", "GBRGOV", "Mike Johnson", "USALEG", false},
		{"Donald Trump", "USAGOV", "Trump", "USAPTY", true},
		{"Oleh Syniehubov", "GOV", "Syniehubov", "UKRGOV", true},
		// A country, or a capital for it, is not a person or body whose name ends with it.
		{"George Washington", "USAGOV", "Washington", "USA", false},
		{"Washington", "USA", "George Washington", "USAGOV", false},
		{"China", "CHN", "Bank of China", "CHNBUS", false},
		{"Bank of China", "CHNBUS", "China", "CHN", false},
		{"China", "CHN", "China", "CHN", true},
		{"Washington", "USA", "Washington", "USAGOV", true},
	}
	for _, tc := range coded {
		tab := newActorTable()
		ra := tab.get(tc.a, tc.ac)
		rb := tab.get(tc.b, tc.bc)
		if (ra == rb) != tc.same {
			t.Errorf("%q (%s) and %q (%s): same=%v, want %v", tc.a, tc.ac, tc.b, tc.bc, ra == rb, tc.same)
		}
	}
}

func TestRoleSignature(t *testing.T) {
	same := [][2]string{{"President of the United States", "U.S. President"}, {"White House press secretary", "Press Secretary"}}
	differ := [][2]string{{"former President", "President"}, {"Vice President", "President"}, {"Prime Minister", "Foreign Minister"}}
	for _, p := range same {
		if roleSignature(p[0]) != roleSignature(p[1]) {
			t.Errorf("%q (%s) and %q (%s) should agree", p[0], roleSignature(p[0]), p[1], roleSignature(p[1]))
		}
	}
	for _, p := range differ {
		if roleSignature(p[0]) == roleSignature(p[1]) {
			t.Errorf("%q and %q should differ", p[0], p[1])
		}
	}
}

func TestCopyOf(t *testing.T) {
	tests := []struct {
		flags []parley.Flag
		want  string
	}{
		{nil, ""},
		{[]parley.Flag{{Kind: parley.FlagStaleTitle, Detail: "x"}, {Kind: parley.FlagDuplicateOf, Detail: " 3eec1a690d57f060 "}}, "3eec1a690d57f060"},
		{[]parley.Flag{{Kind: parley.FlagDuplicateOf, Detail: "a copy of something"}}, ""},
	}
	for _, tc := range tests {
		if got := CopyOf(&parley.Document{Flags: tc.flags}); got != tc.want {
			t.Errorf("CopyOf(%v) = %q, want %q", tc.flags, got, tc.want)
		}
	}
}

// A sentence of another document that names both parties, an encounter and the same occasion
// is a report of the meeting even when its own main event is something else; a sentence about
// another meeting of the same two is not.
func TestMeetingMentions(t *testing.T) {
	mira := ref("Mira Stan", "BORGOV")
	karl := ref("Karl Ott", "SYLGOV")
	a := newDoc(t, "a", "",
		"The rift between Mira Stan and Karl Ott deepened after a tense Harbour Palace meeting.",
		"Officials spoke of a setback.").
		actor("Mira Stan", "BORGOV", "", "Mira Stan").actor("Karl Ott", "SYLGOV", "", "Karl Ott").
		event(mira, karl, "040", "CONSULT", "", "Harbour Palace meeting").done()
	b := newDoc(t, "b", "",
		"During a heated Harbour Palace exchange with Mira Stan, Karl Ott pressed for guarantees.",
		"The talks ended early.").
		actor("Mira Stan", "BORGOV", "", "Mira Stan").actor("Karl Ott", "SYLGOV", "", "Karl Ott").
		event(karl, mira, "020", "REQUEST", "", "pressed for guarantees").done()
	c := newDoc(t, "c", "",
		"Mira Stan met Karl Ott again at a lakeside summit, months after their first encounter.",
		"Both sides praised the talks.").
		actor("Mira Stan", "BORGOV", "", "Mira Stan").actor("Karl Ott", "SYLGOV", "", "Karl Ott").done()
	for _, d := range []*parley.Document{a, b, c} {
		d.Sentences = nil // let the builder segment them
	}
	bl := NewBuilder(Options{})
	for _, d := range []*parley.Document{a, b, c} {
		if _, err := bl.Add(d, ""); err != nil {
			t.Fatal(err)
		}
	}
	sts := bl.Stories()
	if len(sts) != 1 {
		t.Fatalf("%d stories", len(sts))
	}
	var meeting *parley.StoryEvent
	for i, e := range sts[0].Events {
		if e.PLOVER == "CONSULT" {
			meeting = &sts[0].Events[i]
		}
	}
	if meeting == nil {
		t.Fatal("no meeting")
	}
	var docs []string
	for _, r := range meeting.Reports {
		docs = append(docs, r.DocumentID)
	}
	if strings.Join(docs, ",") != "a,b" || meeting.Sources != 2 {
		t.Errorf("meeting reported by %v (%d sources), want a and b", docs, meeting.Sources)
	}
}

// TestActorDocumentCount: an actor named in two documents, by mentions and by the facts of
// each, counts two documents, not one for every pass over them.
func TestActorDocumentCount(t *testing.T) {
	b := NewBuilder(Options{})
	mustAdd(t, b, newDoc(t, "d1", "", borduria2, "“We will not give up the valley,” Velsk told reporters.").
		actor("Marta Velsk", "SYLGOV", "", "Velsk").quote("We will not give up the valley", velsk).done(), "")
	mustAdd(t, b, newDoc(t, "d2", "", borduria2, "Velsk said the talks would go on.").
		actor("Marta Velsk", "SYLGOV", "", "Velsk").quote("the talks would go on", velsk).done(), "")
	s := b.Stories()[0]
	for _, a := range s.Actors {
		if a.Name == "Marta Velsk" {
			if a.Documents != 2 {
				t.Errorf("Marta Velsk in %d documents, want 2", a.Documents)
			}
			return
		}
	}
	t.Fatalf("no Marta Velsk among %+v", s.Actors)
}
