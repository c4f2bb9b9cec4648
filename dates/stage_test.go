package dates

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

// doc makes a document of sentences, one a line.
func doc(published string, sentences ...string) *parley.Document {
	d := &parley.Document{Text: strings.Join(sentences, "\n"), Published: published}
	at := 0
	for _, s := range sentences {
		d.Sentences = append(d.Sentences, parley.Span{Start: at, End: at + len(s)})
		at += len(s) + 1
	}
	return d
}

func TestStage(t *testing.T) {
	d := doc("2025-08-20",
		"On Monday, the leaders met in Geneva.",
		"Subscribe by Friday to read more.",
		"The talks came three days after the summit, and they resume next week.",
		"In other news, the markets fell on Tuesday.",
		"No date here.")
	d.Removed = []parley.Removal{
		{Span: d.Sentences[1], Reason: parley.ReasonBoilerplate},
		{Span: d.Sentences[3], Reason: parley.ReasonOffTopic},
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	type want struct {
		sent int32
		text string
		date string
		gran parley.Granularity
		rel  int
		fut  bool
	}
	wants := []want{
		{0, "On Monday", "2025-08-18", parley.GranularityDay, 0, false},
		// sentence 1 is boilerplate: its Friday is no date of the story
		{2, "three days after", "", parley.GranularityVague, 3, false},
		{2, "next week", "", parley.GranularityWeek, 0, true},
		// off-topic text is still news, and still dated
		{3, "on Tuesday", "2025-08-19", parley.GranularityDay, 0, false},
	}
	if len(d.Timexes) != len(wants) {
		t.Fatalf("timexes %+v, want %d", d.Timexes, len(wants))
	}
	for i, w := range wants {
		x := d.Timexes[i]
		if x.Sent != w.sent || x.Text != w.text || x.Date != w.date || x.Granularity != w.gran || x.Relative != w.rel || x.Future != w.fut {
			t.Errorf("timex %d = %+v, want %+v", i, x, w)
		}
		if x.Span.In(d.Text) != x.Text {
			t.Errorf("timex %d: span %v holds %q, not %q", i, x.Span, x.Span.In(d.Text), x.Text)
		}
	}
	if got := InSentence(d.Timexes, 2); len(got) != 2 || got[0].Text != "three days after" {
		t.Errorf("InSentence(2) = %+v", got)
	}
	for _, s := range []int{1, 4, 9} {
		if got := InSentence(d.Timexes, s); len(got) != 0 {
			t.Errorf("InSentence(%d) = %+v, want none", s, got)
		}
	}
}

func TestStageWithoutPublished(t *testing.T) {
	d := doc("", "On Monday, the leaders met.", "They met on 18 August 2025.")
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Timexes) != 2 || d.Timexes[0].Date != "" || d.Timexes[1].Date != "2025-08-18" {
		t.Errorf("timexes %+v: a weekday needs the publication date, a full date does not", d.Timexes)
	}
}

func TestStageBadInput(t *testing.T) {
	if err := New().Process(context.Background(), nil); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("nil document: %v", err)
	}
	// Sentences outside the text are skipped, not trusted.
	d := &parley.Document{Text: "On Monday.", Sentences: []parley.Span{{Start: 3, End: 99}, {Start: -1, End: 2}, {Start: 5, End: 5}}}
	if err := New().Process(context.Background(), d); err != nil || len(d.Timexes) != 0 {
		t.Errorf("timexes %+v, err %v", d.Timexes, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, doc("", "On Monday.")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// NearestIn, on the document's offsets, chooses as Nearest does on a sentence's.
func TestNearestIn(t *testing.T) {
	const offset = 1000
	text := "In an interview on Monday, he said last week that the talks of Tuesday failed."
	exprs := Find(text, wednesday, true)
	var ts []parley.Timex
	for _, e := range exprs {
		ts = append(ts, parley.Timex{Span: parley.Span{Start: offset + e.Start, End: offset + e.End}, Text: e.Text, Date: e.Date})
	}
	for pos := 0; pos <= len(text); pos += 3 {
		e, ok1 := Nearest(exprs, pos)
		x, ok2 := NearestIn(ts, offset+pos)
		if ok1 != ok2 || e.Text != x.Text {
			t.Errorf("at %d: Nearest %q, NearestIn %q", pos, e.Text, x.Text)
		}
	}
	if _, ok := NearestIn(nil, 3); ok {
		t.Error("NearestIn of nothing found something")
	}
}
