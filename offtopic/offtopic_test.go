package offtopic

import (
	"context"
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
	"github.com/parleynews/parley/segment"
)

func doc(text string) *parley.Document {
	d := &parley.Document{Text: text}
	d.Paragraphs = segment.Paragraphs(text)
	d.Sentences = segment.Sentences(text, d.Paragraphs)
	return d
}

func offTopic(d *parley.Document) []string {
	var out []string
	for _, r := range d.Removed {
		if r.Reason == parley.ReasonOffTopic {
			out = append(out, r.In(d.Text))
		}
	}
	return out
}

// A made-up article on one story with two pasted paragraphs from others.
const mixed = `Brussels weighs new sanctions on Moscow

European Union ministers met in Brussels on Monday to weigh a new package of sanctions against Russia over its war in Ukraine.
The package would target Russian oil exports and banks, officials in Brussels said, while Kyiv urged the bloc to move faster.
Hungary has threatened to block the sanctions unless its energy imports from Russia are exempted, diplomats said.
Meanwhile, flooding in Bangladesh has displaced thousands of families near Dhaka, and the Red Crescent appealed for aid.
The ministers are expected to decide on the Russia package next week, after Kyiv and the Baltic states pressed for tougher measures.
In other news, Acme Corp is going private in a $3 billion deal.`

// withActors marks every occurrence of each name as a mention of an actor with that code, as
// the actors stage would.
func withActors(d *parley.Document, codes map[string]string) *parley.Document {
	for name, code := range codes {
		a := parley.Actor{Name: name, Code: code}
		for i := 0; ; {
			j := strings.Index(d.Text[i:], name)
			if j < 0 {
				break
			}
			a.Mentions = append(a.Mentions, parley.Span{Start: i + j, End: i + j + len(name)})
			i += j + len(name)
		}
		d.Actors = append(d.Actors, a)
	}
	return d
}

var mixedActors = map[string]string{"European Union": "IGOEUREEC", "Brussels": "IGOEUREEC", "Moscow": "RUSGOV",
	"Russia": "RUS", "Ukraine": "UKR", "Kyiv": "UKRGOV", "Hungary": "HUN", "Bangladesh": "BGD", "Dhaka": "BGDGOV",
	"Red Crescent": "NGOIRC", "Baltic states": "EUR"}

func TestMixedArticle(t *testing.T) {
	d := withActors(doc(mixed), mixedActors)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := offTopic(d)
	if len(got) != 2 || !strings.Contains(got[0], "Bangladesh") || !strings.Contains(got[1], "Acme Corp") {
		t.Fatalf("off-topic paragraphs: %q", got)
	}
	if len(d.Flags) != 2 || d.Flags[0].Kind != parley.FlagOffTopicParagraph {
		t.Fatalf("flags: %+v", d.Flags)
	}
}

func TestCoherentArticleKept(t *testing.T) {
	text := `Senate passes budget bill

The Senate passed the budget bill late on Thursday after a long debate.
Senator Jane Ray, who led the opposition in Ohio, said the bill cut too deeply into schools.
"This is a bad day for our children," Ray said.
Budget negotiators from the House are expected to take up the bill next week.
Analysts said the vote showed a rare agreement on spending.`
	d := withActors(doc(text), map[string]string{"Senate": "USALEG", "House": "USALEG", "Jane Ray": "USALEG", "Ohio": "USA"})
	New().Process(context.Background(), d)
	if got := offTopic(d); len(got) != 0 {
		t.Fatalf("coherent article lost paragraphs: %q", got)
	}
}

func TestActorsCountByCode(t *testing.T) {
	// "Washington" and "the United States" name one actor; the paragraph shares it.
	text := "US and Kyiv talk\n\nThe United States and Ukraine talked.\nWashington said Kyiv must decide.\nOfficials in Washington, Paris and Berlin agreed."
	d := doc(text)
	at := func(s string) parley.Span { i := strings.Index(text, s); return parley.Span{Start: i, End: i + len(s)} }
	d.Actors = []parley.Actor{
		{Name: "United States", Code: "USA", Mentions: []parley.Span{at("The United States")}},
		{Name: "US government", Code: "USAGOV", Mentions: []parley.Span{at("Washington said"), at("Washington, Paris")}},
		{Name: "Ukraine", Code: "UKR", Mentions: []parley.Span{at("Ukraine"), at("Kyiv must")}},
		{Name: "France", Code: "FRA", Mentions: []parley.Span{at("Paris")}},
	}
	New().Process(context.Background(), d)
	if got := offTopic(d); len(got) != 0 {
		t.Fatalf("%q", got)
	}
}

// TestOneMoreGovernment keeps a closing paragraph that brings in one more country's government
// on the story's subject: multinational coverage adds participants one at a time.
func TestOneMoreGovernment(t *testing.T) {
	text := `Starmer says UK ready to put troops on the ground in Ukraine

Prime minister Keir Starmer said Britain is prepared to deploy troops to Ukraine as part of a peace deal, if the United States provides a backstop.
The Russian foreign ministry rejected the idea and said Moscow would regard Western troops in Ukraine as a target.
Volodymyr Zelensky welcomed the offer and said security guarantees were the only way to stop Russia.
Poland's prime minister Donald Tusk, however, ruled out sending Polish soldiers as part of any peace deal.`
	d := withActors(doc(text), map[string]string{"Keir Starmer": "GBRGOV", "Britain": "GBR", "UK": "GBR", "Ukraine": "UKR",
		"United States": "USA", "Russian foreign ministry": "RUSGOV", "Moscow": "RUSGOV", "Russia": "RUS",
		"Volodymyr Zelensky": "UKRGOV", "Poland": "POL", "Donald Tusk": "POLGOV", "Polish soldiers": "POLMIL"})
	New().Process(context.Background(), d)
	if got := offTopic(d); len(got) != 0 {
		t.Fatalf("on-topic paragraph cut: %q", got)
	}
}

// TestNeighbouringGovernments keeps a paragraph naming leaders of countries from the part of
// the world the story is about, none of them named elsewhere in it.
func TestNeighbouringGovernments(t *testing.T) {
	text := `Zelensky to join Trump at White House talks

Ukrainian President Volodymyr Zelensky will travel to Washington on Monday for talks with Donald Trump.
The Commission's Ursula von der Leyen, French President Emmanuel Macron and British Prime Minister Keir Starmer will join the meeting, their offices confirmed.
Trump met Russian President Vladimir Putin in Anchorage on Friday and said he now favoured a peace agreement.
Zelensky rejected any deal that would require Ukraine to withdraw from the Donbas.`
	d := withActors(doc(text), map[string]string{"Volodymyr Zelensky": "UKRGOV", "Zelensky": "UKRGOV", "Washington": "USAGOV",
		"Donald Trump": "USAGOV", "Trump": "USAGOV", "Ursula von der Leyen": "IGOEUREEC", "Emmanuel Macron": "FRAGOV",
		"Keir Starmer": "GBRGOV", "Vladimir Putin": "RUSGOV", "Ukraine": "UKR"})
	New().Process(context.Background(), d)
	if got := offTopic(d); len(got) != 0 {
		t.Fatalf("on-topic paragraph cut: %q", got)
	}
}

// TestPolnearFalsePositives guards against cutting real articles: PolNeAR's texts are single
// stories, so almost nothing in them is off-topic.
func TestPolnearFalsePositives(t *testing.T) {
	paras, flagged := 0, 0
	for _, f := range shared.Texts(t, "bench", "polnear", "train", "text") {
		d := doc(f.Body)
		New().Process(context.Background(), d)
		paras += len(d.Paragraphs)
		for _, p := range offTopic(d) {
			flagged++
			if flagged <= 15 {
				t.Logf("%s: %.100s", f.Name, p)
			}
		}
	}
	rate := float64(flagged) / float64(paras)
	t.Logf("PolNeAR train: %d of %d paragraphs flagged off-topic (%.2f%%)", flagged, paras, 100*rate)
	if rate > 0.01 {
		t.Errorf("%.2f%% of paragraphs of single-story articles flagged off-topic", 100*rate)
	}
}

func BenchmarkProcess(b *testing.B) {
	var docs []*parley.Document
	var total int64
	for _, f := range shared.Texts(b, "bench", "polnear", "train", "text") {
		d := doc(f.Body)
		d.Tokens = segment.Tokens(d.Text, d.Paragraphs, d.Sentences, nil) // as the tokens stage does
		docs = append(docs, d)
		total += int64(len(f.Body))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, d := range docs {
			d.Removed, d.Flags = nil, nil
			New().Process(context.Background(), d)
		}
	}
}

// A paragraph's names and words are read from the document's tokens.
func TestReadTokens(t *testing.T) {
	d := doc("Then Mr. Phillips met African-American voters in Ohio’s capital, and @POTUS didn't reply.")
	d.Tokens = segment.Tokens(d.Text, d.Paragraphs, d.Sentences, nil)
	r := newWords(d)
	defer r.release()
	p := r.read(d.Tokens, d.Paragraphs[0])
	count := map[string]int{}
	for _, w := range p.words {
		count[r.lemmas[w]]++
	}
	for _, e := range []string{"phillips", "african", "american", "ohio", "potus"} {
		if p.entities[e] != 1 {
			t.Errorf("name %q counted %d times, want 1; names %v", e, p.entities[e], p.entities)
		}
	}
	for _, w := range []string{"meet", "voter", "capital", "reply"} {
		if count[w] != 1 {
			t.Errorf("word %q counted %d times, want 1; words %v", w, count[w], count)
		}
	}
	if p.nEntity != 5 || len(p.entities) != 5 {
		t.Errorf("names %v (%d), want the five above", p.entities, p.nEntity)
	}
}

// TestForeignActorsInPassing keeps a paragraph of a single story that names other countries in
// passing, with no turn to another story: new actors alone are no evidence.
func TestForeignActorsInPassing(t *testing.T) {
	text := `Senator presses for a vote on leak inquiry

Senator Jane Ray said on Tuesday that the Senate should vote on an inquiry into the leaked campaign emails.
Ray said the leak had damaged the campaign and that voters deserved to know who was behind it.
The leaked emails were published by a group that has worked from Sweden and Ecuador, and the campaign called the leak an attack on voters.
Senate leaders said a vote on the inquiry could come next month.`
	d := withActors(doc(text), map[string]string{"Senate": "USALEG", "Jane Ray": "USALEG", "Ray": "USALEG",
		"Sweden": "SWE", "Ecuador": "ECU"})
	New().Process(context.Background(), d)
	if got := offTopic(d); len(got) != 0 {
		t.Fatalf("on-topic paragraph cut: %q", got)
	}
}
