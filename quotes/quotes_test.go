package quotes

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dates"
	"github.com/parleynews/parley/segment"
)

// want describes one expected quote; empty fields are not checked. speaker is the text of the
// speaker mention ("-" for no speaker), name its resolved name.
type want struct {
	kind, text, speaker, name, cue string
}

// actor is a hand-built actor for a test: its mentions are every occurrence of the names.
type actor struct {
	name, code string
	names      []string
}

func analyze(t *testing.T, text string, removed []parley.Removal, actors ...actor) *parley.Document {
	t.Helper()
	paras := segment.Paragraphs(text)
	doc := &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras), Removed: removed}
	if err := dates.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, a := range actors {
		act := parley.Actor{Name: a.name, Code: a.code}
		for _, n := range a.names {
			for i := 0; ; {
				j := strings.Index(text[i:], n)
				if j < 0 {
					break
				}
				act.Mentions = append(act.Mentions, parley.Span{Start: i + j, End: i + j + len(n)})
				i += j + len(n)
			}
		}
		doc.Actors = append(doc.Actors, act)
	}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func describe(doc *parley.Document) string {
	var b strings.Builder
	for _, q := range doc.Quotes {
		sp, cue := "-", "-"
		if q.Speaker != nil {
			sp = doc.Text[q.Speaker.Start:q.Speaker.End] + "=" + q.Speaker.Name
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		b.WriteString("\n  [" + q.Kind + "] " + q.Text + " | " + sp + " | " + cue)
	}
	return b.String()
}

// check finds, for every want, the quote with that text and compares the other fields.
func check(t *testing.T, doc *parley.Document, wants []want) {
	t.Helper()
	for _, w := range wants {
		var got *parley.Quote
		for i := range doc.Quotes {
			if doc.Quotes[i].Text == w.text {
				got = &doc.Quotes[i]
				break
			}
		}
		if got == nil {
			t.Errorf("no quote %q; got:%s", w.text, describe(doc))
			continue
		}
		if w.kind != "" && got.Kind != w.kind {
			t.Errorf("%q: kind %s, want %s", w.text, got.Kind, w.kind)
		}
		sp := "-"
		if got.Speaker != nil {
			sp = doc.Text[got.Speaker.Start:got.Speaker.End]
		}
		if w.speaker != "" && sp != w.speaker {
			t.Errorf("%q: speaker %q, want %q", w.text, sp, w.speaker)
		}
		if w.name != "" && (got.Speaker == nil || got.Speaker.Name != w.name) {
			t.Errorf("%q: speaker name %+v, want %q", w.text, got.Speaker, w.name)
		}
		if w.cue != "" && (got.Cue == nil || got.Cue.Text != w.cue) {
			t.Errorf("%q: cue %+v, want %q", w.text, got.Cue, w.cue)
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		actors []actor
		want   []want
	}{
		{
			name: "straight marks, cue after",
			text: `"We want peace very much, but we need real security guarantees," Zelensky stressed, indicating his concerns.`,
			want: []want{{kind: "direct", text: "We want peace very much, but we need real security guarantees", speaker: "Zelensky", cue: "stressed"}},
		},
		{
			name: "curly marks, inverted cue with two names",
			text: "“A ‘bluff and pray’ approach would be irresponsible,” wrote Claudia Major and Aldo Kleemann of the German Institute for International and Security Affairs.",
			want: []want{{kind: "direct", text: "A ‘bluff and pray’ approach would be irresponsible", speaker: "Claudia Major and Aldo Kleemann", cue: "wrote"}},
		},
		{
			name: "closing mark used to open, in markdown emphasis, with citation markers",
			text: "Trump claimed this arrangement provided “automatic security” without binding military commitments, stating: *”Nobody’s going to mess around with our people when we’re there”*[3][5].",
			want: []want{
				{kind: "direct", text: "Nobody’s going to mess around with our people when we’re there", speaker: "Trump", cue: "stating"},
				{kind: "mixed", text: "this arrangement provided “automatic security” without binding military commitments", speaker: "Trump", cue: "claimed"},
			},
		},
		{
			name:   "description as speaker, resolved by the actors stage",
			text:   "The Ukrainian leader warned: *”A ceasefire without security guarantees is meaningless for our people”*[1][7].",
			actors: []actor{{"Volodymyr Zelensky", "UKRGOV", []string{"The Ukrainian leader"}}},
			want:   []want{{kind: "direct", text: "A ceasefire without security guarantees is meaningless for our people", speaker: "The Ukrainian leader", name: "Volodymyr Zelensky", cue: "warned"}},
		},
		{
			name: "colon at the end of a paragraph introduces the next",
			text: "Zelensky used the attack to highlight Russia’s continued aggression, stating:\n\n\"Putin is definitely not preparing for negotiations.\"\n",
			want: []want{{kind: "direct", text: "Putin is definitely not preparing for negotiations.", speaker: "Zelensky", cue: "stating"}},
		},
		{
			name: "a quotation over two paragraphs",
			text: "Lawrence said: \"The mood turned south very quickly.\n\n\"Zelenskyy wanted guarantees, not just investment.\"\n",
			want: []want{{kind: "direct", text: "The mood turned south very quickly.\n\n\"Zelenskyy wanted guarantees, not just investment.", speaker: "Lawrence"}},
		},
		{
			name: "the quotation goes on after its attribution",
			text: "\"It is going well so far,\" Ross said. \"Police are out there doing their jobs.\"",
			want: []want{{kind: "direct", text: "It is going well so far,\" Ross said. \"Police are out there doing their jobs.", speaker: "Ross", cue: "said"}},
		},
		{
			name: "a paragraph of quotation after an attributed one keeps the speaker",
			text: "\"When it comes to security, they're willing to put people on the ground,\" Trump said, referring to the European countries.\n\"We're willing to help them with things.\"\n",
			want: []want{{kind: "direct", text: "When it comes to security, they're willing to put people on the ground,\" Trump said, referring to the European countries.\n\"We're willing to help them with things.", speaker: "Trump"}},
		},
		{
			name: "interrupted quotation",
			text: "“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”",
			want: []want{{kind: "direct", text: "She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.", speaker: "an Iowa Democrat"}},
		},
		{
			name: "reported speech with a quoted fragment",
			text: "French President Emmanuel Macron acknowledged that maintaining a truce would be “very difficult.”",
			want: []want{{kind: "mixed", text: "maintaining a truce would be “very difficult.”", speaker: "French President Emmanuel Macron", cue: "acknowledged"}},
		},
		{
			name: "indirect speech, that-clause and made it clear",
			text: "Security analysts warn that deploying a weak force would be disastrous. Vance, while assuring Ukraine of support, also made it clear that the U.S. is focused on peace.",
			want: []want{
				{kind: "indirect", text: "deploying a weak force would be disastrous", speaker: "Security analysts", name: "Security analysts", cue: "warn"},
				{kind: "indirect", text: "the U.S. is focused on peace", speaker: "Vance", cue: "made it clear"},
			},
		},
		{
			name: "content first, subject and cue after; a pronoun resolved to the last speaker",
			text: "Trump has directed his team to work on a framework, White House press secretary Karoline Leavitt said Tuesday. Both sides expressed willingness for talks, she told a press briefing.",
			want: []want{
				{kind: "indirect", text: "Trump has directed his team to work on a framework", speaker: "White House press secretary Karoline Leavitt", cue: "said"},
				{kind: "indirect", text: "Both sides expressed willingness for talks", speaker: "she", name: "White House press secretary Karoline Leavitt", cue: "told"},
			},
		},
		{
			name:   "names come from the actors stage where it covers the mention",
			text:   "Trump has directed his team to work on a framework, White House press secretary Karoline Leavitt said Tuesday.",
			actors: []actor{{"Karoline Leavitt", "USAGOV", []string{"Karoline Leavitt"}}},
			want:   []want{{text: "Trump has directed his team to work on a framework", speaker: "White House press secretary Karoline Leavitt", name: "Karoline Leavitt"}},
		},
		{
			name: "according to, and an institution as subject",
			text: "Donald Trump will likely win the nomination, according to a new article in Politico. Russia's Ministry of Foreign Affairs said it rejects any deployment of NATO troops.",
			want: []want{
				{kind: "indirect", text: "Donald Trump will likely win the nomination", speaker: "a new article", cue: "according to"},
				{kind: "indirect", text: "it rejects any deployment of NATO troops", speaker: "Russia's Ministry of Foreign Affairs", cue: "said"},
			},
		},
		{
			name: "it noted: the outlet quoted before",
			text: "\"The issue has proved to be a sticking point,\" reported The Washington Post.\n\"European leaders have been encouraged,\" it noted.\n",
			want: []want{
				{kind: "direct", text: "The issue has proved to be a sticking point", speaker: "The Washington Post", cue: "reported"},
				{kind: "direct", text: "European leaders have been encouraged", speaker: "it", name: "The Washington Post", cue: "noted"},
			},
		},
		{
			name: "single marks as quotation marks; apostrophes are not",
			text: "‘We will not give up,’ she said. Zelenskyy’s aides couldn’t say more about the leaders’ meeting.",
			want: []want{{kind: "direct", text: "We will not give up", speaker: "she", cue: "said"}},
		},
		{
			name: "apposition between subject and cue",
			text: "Mike DuHaime, a Republican strategist, said the vote was a sign that voters are angry.",
			want: []want{{kind: "indirect", text: "the vote was a sign that voters are angry", speaker: "Mike DuHaime"}},
		},
		{
			name: "name particles and an opening adverb",
			text: "Similarly, EU Commission President Ursula von der Leyen warned that forcing Ukraine into a bad deal would harm U.S. interests.",
			want: []want{{kind: "indirect", text: "forcing Ukraine into a bad deal would harm U.S. interests", speaker: "EU Commission President Ursula von der Leyen", cue: "warned"}},
		},
		{
			name: "a hedge reports without a speaker",
			text: "Sanders seemed to be of two minds on Tuesday night.",
			want: []want{{kind: "indirect", text: "Sanders seemed to be of two minds on Tuesday night", speaker: "-"}},
		},
		{
			name: "'' is a double quotation mark, as archives write it",
			text: "''This was not the guiding basis of our policy,'' Mr. Rhodes said.",
			want: []want{{kind: "direct", text: "This was not the guiding basis of our policy", speaker: "Mr. Rhodes"}},
		},
		{
			name: "`` opens and '' closes, as the Penn Treebank writes them",
			text: "The plan is ``a first step,'' Ms. Hill said.",
			want: []want{{kind: "direct", text: "a first step", speaker: "Ms. Hill"}},
		},
		{
			name: "an apostrophe after a plural is no mark",
			text: "The voters' choice was clear, Mr. Rhodes said.",
			want: []want{{kind: "indirect", text: "The voters' choice was clear", speaker: "Mr. Rhodes"}},
		},
		{
			name: "apposition opening the sentence is no content before an inverted subject",
			text: "Murshed Zaheed, acting political director of CREDO Action, which organized the letter, said Clinton’s response was undercut by her campaign.",
			want: []want{{kind: "indirect", text: "Clinton’s response was undercut by her campaign", speaker: "Murshed Zaheed", cue: "said"}},
		},
		{
			name: "a subject whose head is also a cue word",
			text: "Jeb Bush in a Medium post said the party is lost.",
			want: []want{{kind: "indirect", text: "the party is lost", speaker: "Jeb Bush in a Medium post", cue: "said"}},
		},
		{
			name: "a noun-like cue form after a singular noun is a verb",
			text: "A new Fox News poll shows Sanders with 47 percent.",
			want: []want{{kind: "indirect", text: "Sanders with 47 percent", speaker: "A new Fox News poll", cue: "shows"}},
		},
		{
			name: "a base form after an article and a modifier is a noun",
			text: "Kaine was a strong advocate for abortion rights.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, nil, tt.actors...)
			if tt.want == nil && len(doc.Quotes) > 0 {
				t.Errorf("want no quote, got:%s", describe(doc))
			}
			check(t, doc, tt.want)
		})
	}
}

// TestNobodysWords checks that quoted names and titles get no speaker: scare quotes in a
// headline, programmes, titles in a reference list.
func TestNobodysWords(t *testing.T) {
	tests := []struct{ name, text, key string }{
		{"headline scare quotes", "Zelensky Pushes for ‘Security Guarantees’ as U.S. Seeks to End Ukraine War\n\nThe meeting was held.", "Security Guarantees"},
		{"programme", "He added more clarity in the morning interview with \"Fox & Friends.\"", "Fox & Friends"},
		{"reference list", "[1] BBC News, \"Putin-Zelenskyy meeting: What we know so far,\" 2025-04-01. [2] Reuters, \"Russian military actions intensify as talks stall,\" 2025-04-02.", "What we know so far"},
		{"book title", "Trump wrote \"Crippled America: How to Make America Great Again,\" last year.", "Crippled America"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, nil)
			at := strings.Index(tt.text, tt.key)
			for _, q := range doc.Quotes {
				if q.Speaker != nil && q.Start <= at && at < q.End {
					t.Errorf("%q got a speaker:%s", tt.key, describe(doc))
				}
			}
		})
	}
}

// TestRemoved checks that text the cleaner removed is skipped, except off-topic text.
func TestRemoved(t *testing.T) {
	text := "Skip to content \"Subscribe now,\" the site said.\n\"We won,\" Smith said.\n"
	boiler := parley.Removal{Span: parley.Span{Start: 0, End: strings.Index(text, "\n")}, Reason: parley.ReasonBoilerplate}
	doc := analyze(t, text, []parley.Removal{boiler})
	if len(doc.Quotes) != 1 || doc.Quotes[0].Text != "We won" {
		t.Errorf("with boilerplate removed, want only “We won”, got:%s", describe(doc))
	}
	boiler.Reason = parley.ReasonOffTopic
	doc = analyze(t, text, []parley.Removal{boiler})
	if len(doc.Quotes) != 2 {
		t.Errorf("off-topic text still holds quotes, got:%s", describe(doc))
	}
}

func TestProcessErrors(t *testing.T) {
	st := New()
	if st.Name() != "quotes" {
		t.Errorf("Name() = %q", st.Name())
	}
	err := st.Process(context.Background(), nil)
	if parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("nil document: error %v, want code %s", err, parley.EINVALID)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, &parley.Document{Text: "\"x,\" he said."}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error %v", err)
	}
	doc := &parley.Document{Text: "\"We won,\" Smith said."}
	if err := st.Process(context.Background(), doc); err != nil || len(doc.Quotes) != 1 {
		t.Errorf("without paragraphs and sentences: %v, %d quotes", err, len(doc.Quotes))
	}
}

// TestLinearTime guards against patterns that go quadratic on text without sentence breaks.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var b strings.Builder
	for b.Len() < 300_000 {
		b.WriteString("officials said that he told them, 'according to Smith, \"they warned\" that it seems to ")
	}
	text := b.String()
	doc := &parley.Document{Text: text}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := New().Process(context.Background(), doc); err != nil {
			t.Error(err)
		}
	}()
	start := time.Now()
	select {
	case <-done:
		t.Logf("%d bytes in %v", len(text), time.Since(start))
	case <-time.After(30 * time.Second):
		t.Fatal("300 KB without a full stop took over 30 s")
	}
}

func TestQuoteDates(t *testing.T) {
	text := "The president has ordered a review of the deal, his spokeswoman Ann Lee said Tuesday, reported the agency.\n" +
		"“We will meet on Friday,” Lee told reporters.\n" +
		"In an interview on Monday, the minister said talks would resume."
	d := &parley.Document{Text: text, Published: "2025-08-20"}
	d.Paragraphs = segment.Paragraphs(text)
	d.Sentences = segment.Sentences(text, d.Paragraphs)
	if err := dates.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range d.Quotes {
		got[q.Text] = q.Date
	}
	want := map[string]string{
		"The president has ordered a review of the deal": "2025-08-19", // said Tuesday
		"We will meet on Friday,":                        "",           // the date is inside the words
		"talks would resume.":                            "2025-08-18", // in an interview on Monday
	}
	for text, date := range want {
		found := false
		for q, d := range got {
			if strings.HasPrefix(q, strings.TrimRight(text, ",.")) {
				found = true
				if d != date {
					t.Errorf("%q dated %q, want %q", q, d, date)
				}
			}
		}
		if !found {
			t.Errorf("no quote %q among %q", text, got)
		}
	}
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, "Ann Lee said Tuesday") && q.Date != "2025-08-19" {
			t.Errorf("a report of a dated statement is undated: %q %q", q.Text, q.Date)
		}
	}
}

// TestLabels covers the speaker label that opens a paragraph, in headlines and transcripts, and
// the labels that name no speaker.
func TestLabels(t *testing.T) {
	zel := actor{name: "Volodymyr Zelensky", code: "UKRGOV", names: []string{"Zelensky"}}
	trump := actor{name: "Donald Trump", code: "USAGOV", names: []string{"Trump"}}
	geneva := actor{name: "Switzerland", code: "CHE", names: []string{"Swiss"}}
	doc := analyze(t, "Zelensky: Ukraine Will Not Give Up Its Land to the Occupier\n\n"+
		"KYIV — The president spoke on Monday.\n\n"+
		"Q: Will the talks go on after the summit in Alaska?\n\n"+
		"A: We are ready for any format. But there will be no peace without guarantees.\n\n"+
		"Trump: “We are going to get it done.”", nil, zel, trump)
	check(t, doc, []want{
		{kind: "indirect", text: "Ukraine Will Not Give Up Its Land to the Occupier", speaker: "Zelensky", name: "Volodymyr Zelensky", cue: ":"},
		{kind: "indirect", text: "Will the talks go on after the summit in Alaska?", speaker: "Q"},
		{kind: "indirect", text: "We are ready for any format. But there will be no peace without guarantees.", speaker: "A"},
		{kind: "direct", text: "We are going to get it done.", speaker: "Trump", cue: ":"},
	})
	for _, text := range []string{
		"The Latest: Trump meets Zelensky at the White House",
		"Editor's note: This story has been updated.",
		"Hillary Clinton: 1,769.",
		"Tomahawk Missiles and Drones From the United States of America: What We Know",
		"Ukraine Peace Talks in Geneva Resume With Both Delegations Present",
		"Name: Jane Doe Age: 27 City: Kyiv",
		"Monday: talks resume in Geneva with both delegations.",
		"In Geneva: the talks resumed on Monday morning.",
	} {
		if doc := analyze(t, text, nil, zel, trump); len(doc.Quotes) != 0 {
			t.Errorf("%q: want no quote, got:%s", text, describe(doc))
		}
	}
	// Where the actors stage has run, a label must name one of them: a headline's topic is no
	// speaker.
	if doc := analyze(t, "Geneva Summit: What We Know About the Swiss Proposal So Far", nil, geneva); len(doc.Quotes) != 0 {
		t.Errorf("topic label: want no quote, got:%s", describe(doc))
	}
}

// TestContentEdges covers where reported content starts: after an adjunct holding a noun that
// looks like a cue, after a time adverbial, and not at all for a denied comment.
func TestContentEdges(t *testing.T) {
	doc := analyze(t, "German Chancellor Friedrich Merz said after a video call with Trump that the U.S. president had agreed.\n\n"+
		"Merz said after talks with Trump that Europe would pay.\n\n"+
		"European leaders urged Trump on Wednesday to keep Ukraine at the center of any deal.\n\n"+
		"Zelensky rejected any deal that would require Ukraine to withdraw from the Donbas.", nil)
	check(t, doc, []want{
		{kind: "indirect", text: "the U.S. president had agreed", speaker: "German Chancellor Friedrich Merz"},
		{kind: "indirect", text: "Europe would pay", speaker: "Merz"},
		{kind: "indirect", text: "to keep Ukraine at the center of any deal", speaker: "European leaders"},
		{kind: "indirect", text: "any deal that would require Ukraine to withdraw from the Donbas", speaker: "Zelensky"},
	})
	for _, text := range []string{
		"The Kremlin did not comment on the call.",
		"The ministry has not responded to a request for comment.",
	} {
		if doc := analyze(t, text, nil); len(doc.Quotes) != 0 {
			t.Errorf("%q: want no quote, got:%s", text, describe(doc))
		}
	}
}

// TestPronounNamedInsideQuote: when the actors stage links the "he" after a quotation to a man
// named only inside it, the speaker is the last speaker who fits instead.
func TestPronounNamedInsideQuote(t *testing.T) {
	text := "Keir Starmer said Britain was ready.\n\n" +
		"He added that any deal must last. 'The war cannot become a pause before Putin attacks again,' he wrote."
	at := func(s string, nth int) parley.Span {
		i := -1
		for ; nth >= 0; nth-- {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return parley.Span{Start: i, End: i + len(s)}
	}
	paras := segment.Paragraphs(text)
	doc := &parley.Document{Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras), Actors: []parley.Actor{
		{Name: "Keir Starmer", Code: "GBRGOV", Mentions: []parley.Span{at("Keir Starmer", 0), at("He added", 0)}},
		{Name: "Vladimir Putin", Code: "RUSGOV", Mentions: []parley.Span{at("Putin", 0), at("he wrote", 0)}},
	}}
	doc.Actors[0].Mentions[1].End = doc.Actors[0].Mentions[1].Start + 2
	doc.Actors[1].Mentions[1].End = doc.Actors[1].Mentions[1].Start + 2
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	check(t, doc, []want{
		{kind: "direct", text: "The war cannot become a pause before Putin attacks again", speaker: "he", name: "Keir Starmer"},
	})
}

// TestNameAfterModifier: an actor that only modifies the speaker phrase (the outlet, the
// country) does not name the speaker when the phrase ends with a name; after a preposition the
// name is a place and the actor stays.
func TestNameAfterModifier(t *testing.T) {
	tests := []struct {
		text string
		a    actor
		name string
	}{
		{"The Daily Ledger’s Ana Costa said the vote was close.", actor{"The Daily Ledger", "USAMED", []string{"The Daily Ledger"}}, "Ana Costa"},
		{"Latvia’s envoy Ilze Berzina said the talks would resume.", actor{"Latvia", "LVA", []string{"Latvia"}}, "Ilze Berzina"},
		{"Sen. Ana Costa of New Mexico said the vote was close.", actor{"Ana Costa", "USAGOV", []string{"Ana Costa"}}, "Ana Costa"},
	}
	for _, tt := range tests {
		doc := analyze(t, tt.text, nil, tt.a)
		if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker == nil {
			t.Errorf("%q: %s", tt.text, describe(doc))
			continue
		}
		if got := doc.Quotes[0].Speaker.Name; got != tt.name {
			t.Errorf("%q: speaker %q, want %q", tt.text, got, tt.name)
		}
	}
}
