package dates

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
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

// The stage reads the tokens the tokens stage made: what the cleaner cut out of a sentence is
// not read, and the offsets are the document's.
func TestStageReadsTokens(t *testing.T) {
	d := doc("2025-08-20", "Talks resumed.", "They met on Monday [Read more on Friday] in Geneva.")
	cut := strings.Index(d.Text, "[Read")
	removal := parley.Span{Start: cut, End: strings.Index(d.Text, "] in") + 1}
	d.Removed = []parley.Removal{{Span: removal, Reason: parley.ReasonBoilerplate}}
	d.Tokens = segment.Tokens(d.Text, nil, d.Sentences, []parley.Span{removal})
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Timexes) != 1 || d.Timexes[0].Text != "on Monday" || d.Timexes[0].Sent != 1 ||
		d.Timexes[0].Span.In(d.Text) != "on Monday" || d.Timexes[0].Date != "2025-08-18" {
		t.Errorf("timexes %+v, want only on Monday in sentence 1", d.Timexes)
	}
}
