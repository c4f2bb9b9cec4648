package events

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dates"
	"github.com/parleynews/parley/internal/shared"
)

func analyse(t testing.TB, text, published string, actors ...parley.Actor) *parley.Document {
	t.Helper()
	doc := &parley.Document{Text: text, Published: published, Actors: actors}
	tokenise(doc)
	if err := dates.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// actor builds an actor whose mentions are every occurrence of the given strings.
func actor(text, name, code string, surfaces ...string) parley.Actor {
	a := parley.Actor{Name: name, Code: code}
	for _, s := range surfaces {
		for at := 0; ; {
			i := strings.Index(text[at:], s)
			if i < 0 {
				break
			}
			a.Mentions = append(a.Mentions, parley.Span{Start: at + i, End: at + i + len(s)})
			at += i + len(s)
		}
	}
	return a
}

func TestCoding(t *testing.T) {
	tests := []struct {
		text             string
		src, tgt, plover string
		cameo, mode      string
	}{
		{"Trump met Zelensky at the White House.", "Trump", "Zelensky", "CONSULT", "040", "asserted"},
		{"Trump plans to meet Putin in Alaska.", "Trump", "Putin", "AGREE", "036", "intended"},
		{"The president again ruled out Ukraine joining NATO.", "The president", "Ukraine", "REJECT", "120", "asserted"},
		{"Washington paused military aid to Ukraine.", "Washington", "Ukraine", "SANCTION", "162", "asserted"},
		{"Military aid to Ukraine was paused by Washington.", "Washington", "Ukraine", "SANCTION", "162", "asserted"},
		{"Officials said Russian forces attacked Kharkiv on Monday.", "Russian forces", "Kharkiv", "ASSAULT", "190", "asserted"},
		{"The Israeli army launched drone strikes on Gaza.", "The Israeli army", "Gaza", "ASSAULT", "190", "asserted"},
		{"Zelenskyy refused to sign the minerals pact with Washington.", "Zelenskyy", "Washington", "REJECT", "127", "asserted"},
		{"Iran's foreign minister condemned the sanctions imposed by Washington.", "Iran's foreign minister", "Washington", "ACCUSE", "111", "asserted"},
		{"The government will not lift the blockade of Qatar.", "The government", "Qatar", "REJECT", "124", "asserted"},
		{"The rebels threatened to shell the town of Vitez.", "The rebels", "the town of Vitez", "THREATEN", "138", "asserted"},
		{"Police arrested dozens of protesters in Minsk.", "Police", "dozens of protesters", "COERCE", "173", "asserted"},
		{"Trump's meeting with Putin on Friday ended without a deal.", "Trump", "Putin", "CONSULT", "040", "asserted"},
		{"The French and German leaders met in the Polish city of Gdansk.", "The French", "German leaders", "CONSULT", "040", "asserted"},
		{"The rift between Chancellor Weber and President Duval widened after a tense Elysee meeting.", "Chancellor Weber", "President Duval", "CONSULT", "040", "asserted"},
		{"A Delhi court convicted the former minister of fraud.", "A Delhi court", "the former minister", "ACCUSE", "116", "asserted"},
		{"Russia could attack Poland next year.", "Russia", "Poland", "ASSAULT", "190", "hypothetical"},
		// Participle clauses act with the main clause's subject.
		{"The army moved into the border town overnight, killing Mayor Ivan Petrov.", "The army", "Mayor Ivan Petrov", "ASSAULT", "190", "asserted"},
		{"A French lawyer has appeared in a Paris court, accusing Prime Minister Karel Novak of fraud.", "A French lawyer", "Prime Minister Karel Novak", "ACCUSE", "112", "asserted"},
		// Thousands separators keep a number whole.
		{"Police arrested 1,200 protesters in Minsk.", "Police", "1,200 protesters", "COERCE", "173", "asserted"},
		// The receiver of a ditransitive verb stands before the thing given.
		{"The European Commission granted the Portuguese government permission to inject funds.", "The European Commission", "the Portuguese government", "YIELD", "086", "asserted"},
		// Own forces are not the target of a deployment; the target follows.
		{"Israel mobilized troops for a ground assault against Hamas.", "Israel", "Hamas", "MOBILIZE", "154", "asserted"},
		// A purpose clause names the target of material help.
		{"Germany sent $2 million to help Ethiopia.", "Germany", "Ethiopia", "AID", "071", "asserted"},
		{"Thousands of dock workers went on strike against the Port Authority.", "Thousands of dock workers", "the Port Authority", "PROTEST", "143", "asserted"},
		// Contractions read as the words they stand for.
		{"The government won't lift the blockade of Qatar.", "The government", "Qatar", "REJECT", "124", "asserted"},
		{"The rebels didn't attack the town of Vitez.", "The rebels", "the town of Vitez", "ASSAULT", "190", "negated"},
		{"The rebels did not attack the town of Vitez.", "The rebels", "the town of Vitez", "ASSAULT", "190", "negated"},
		{"Officials say they're sending troops to the Lebanese army.", "Officials", "the Lebanese army", "AID", "072", "asserted"},
		{"Officials say they are sending troops to the Lebanese army.", "Officials", "the Lebanese army", "AID", "072", "asserted"},
		// Decimals and hyphenated words are one word.
		{"Germany gave 352.5 million euros to the Ethiopian government.", "Germany", "the Ethiopian government", "AID", "071", "asserted"},
		// An offer is an intent, not the thing offered.
		{"Moldova offered military aid to Romania.", "Moldova", "Romania", "AGREE", "033", "intended"},
		// A warning is a threat when it is addressed to someone or names a consequence.
		{"The president warned the rebels that his army would retake the port.", "The president", "the rebels", "THREATEN", "130", "asserted"},
		{"The junta warned Britain that it would expel the ambassador if the sanctions stayed.", "The junta", "Britain", "THREATEN", "130", "asserted"},
	}
	for _, tt := range tests {
		doc := analyse(t, tt.text, "2025-08-20")
		var got *parley.Event
		for i := range doc.Events {
			if doc.Events[i].Source.Name == tt.src {
				got = &doc.Events[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no event from %q; got %v", tt.text, tt.src, summary(doc.Events))
			continue
		}
		tgt := ""
		if got.Target != nil {
			tgt = got.Target.Name
		}
		if tgt != tt.tgt || got.PLOVER != tt.plover || got.CAMEO != tt.cameo || got.Mode != tt.mode {
			t.Errorf("%q: got %s->%s %s %s %s, want %s->%s %s %s %s", tt.text, got.Source.Name, tgt, got.CAMEO, got.PLOVER, got.Mode, tt.src, tt.tgt, tt.cameo, tt.plover, tt.mode)
		}
		if got.Goldstein == 0 && got.CAMEO != "" && !strings.HasPrefix(got.CAMEO, "01") && got.CAMEO != "04" {
			if info := New().table[got.CAMEO]; info.Goldstein != got.Goldstein {
				t.Errorf("%q: Goldstein %v, table says %v", tt.text, got.Goldstein, info.Goldstein)
			}
		}
		if want := quadClass(got.CAMEO); got.QuadClass != want {
			t.Errorf("%q: quad class %d, want %d", tt.text, got.QuadClass, want)
		}
	}
}

func summary(evs []parley.Event) []string {
	var out []string
	for _, e := range evs {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Name
		}
		out = append(out, e.Source.Name+"->"+tgt+" "+e.CAMEO+" "+e.PLOVER)
	}
	return out
}

func TestCodesAndCountries(t *testing.T) {
	for words, want := range map[string]string{
		"iranian foreign minister mohammad javad zarif": "IRNGOV",
		"israeli army":                      "ISRMIL",
		"delhi court":                       "INDJUD",
		"the tis hazari court in new delhi": "INDJUD",
		"nato":                              "IGOWSTNAT",
		"a cat":                             "",
	} {
		if got := guessCode(strings.Fields(words)); got != want {
			t.Errorf("guessCode(%q) = %q, want %q", words, got, want)
		}
	}
	s := New()
	for code, info := range s.table {
		if len(code) == 3 && code[:2] != "01" && info.PLOVER == "" {
			t.Errorf("code %s has no PLOVER category", code)
		}
	}
	if s.table["120"].PLOVER != "REJECT" || s.table["036"].PLOVER != "AGREE" || s.table["162"].PLOVER != "SANCTION" || s.table["084"].PLOVER != "YIELD" {
		t.Errorf("CAMEO to PLOVER mapping is off: %+v %+v", s.table["120"], s.table["084"])
	}
}

// TestActorsAndDates uses resolved actors (as the actors stage gives them), pronouns included,
// and dates relative to the publication date.
func TestActorsAndDates(t *testing.T) {
	text := "Trump gave an interview on Tuesday. He again ruled out Ukraine joining NATO. On Monday, Trump met visiting Ukrainian President Volodymyr Zelensky."
	trumpA := actor(text, "Donald Trump", "USAGOV", "Trump")
	trumpA.Mentions = append(trumpA.Mentions, parley.Span{Start: strings.Index(text, "He"), End: strings.Index(text, "He") + 2})
	doc := analyse(t, text, "2025-08-20", trumpA, actor(text, "Ukraine", "UKR", "Ukraine"),
		actor(text, "Volodymyr Zelensky", "UKRGOV", "Volodymyr Zelensky"))
	want := map[string]string{"REJECT": "2025-08-19", "CONSULT": "2025-08-18"}
	for _, e := range doc.Events {
		if d, ok := want[e.PLOVER]; ok {
			if e.Source.Code != "USAGOV" || e.Target == nil || !strings.HasPrefix(e.Target.Code, "UKR") || e.Date != d {
				t.Errorf("%s: got %s->%v on %s", e.PLOVER, e.Source.Code, e.Target, e.Date)
			}
			delete(want, e.PLOVER)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v; got %v", want, summary(doc.Events))
	}
}

func TestRemovedAndBadInput(t *testing.T) {
	text := "Russia attacked Ukraine. Police arrested the protesters."
	doc := &parley.Document{Text: text, Sentences: []parley.Span{{Start: 0, End: 24}, {Start: 25, End: len(text)}},
		Removed: []parley.Removal{{Span: parley.Span{Start: 0, End: 24}, Reason: parley.ReasonBoilerplate}}}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Events {
		if e.Start < 25 {
			t.Errorf("event from removed text: %+v", e)
		}
	}
	if err := New().Process(context.Background(), nil); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("nil document: %v", err)
	}
	// Sentences that point outside the text are skipped, not trusted.
	doc = &parley.Document{Text: "short", Sentences: []parley.Span{{Start: 2, End: 99}, {Start: -1, End: 3}}}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}

// roundTrip writes m and reads it back.
func roundTrip(t *testing.T, m *Model) *Model {
	t.Helper()
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return m2
}

func TestModelRoundTrip(t *testing.T) {
	m := trainPerceptron([]example{{feats: []string{"a", "b"}, label: 0}, {feats: []string{"c"}, label: 1}}, []string{"NONE", "ASSAULT"}, 3, 1)
	m2 := roundTrip(t, m)
	if len(m2.Classes) != 2 || !m2.Knows("c") {
		t.Errorf("round trip lost the model: %+v", m2)
	}
	if _, err := ReadModel(strings.NewReader("nonsense\t1\n")); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("bad model: %v", err)
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Trump met Zelensky on Monday.", "He rejected Zelenskyy’s requests for NATO membership.",
		"Aid was paused by Washington, officials said.", "", "’s 's ' -- , and", "U.S. Lifts Travel Ban to Lebanon.",
		"Russia and Ukraine agreed to a ceasefire in Donbas and the U.S. and Russian presidents met.",
		"0 0 0 0 00to a e n D and the S and R nts met.", // a run of numbers once recursed without end
	} {
		f.Add(s)
	}
	s := New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := &parley.Document{Text: text, Published: "2025-08-20"}
		tokenise(doc)
		if len(text) > 4 {
			doc.Actors = []parley.Actor{{Name: "X", Code: "USA", Mentions: []parley.Span{{Start: 0, End: 3}, {Start: 2, End: len(text) + 5}}}}
		}
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Events {
			for _, sp := range []parley.Span{e.Span, e.Source.Span} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(text))
				}
			}
			if e.Target != nil && (e.Target.Start < 0 || e.Target.End > len(text) || e.Target.Start > e.Target.End) {
				t.Fatalf("target span %v outside text", e.Target.Span)
			}
			if e.PLOVER == "" || e.QuadClass < 1 || e.QuadClass > 4 {
				t.Fatalf("incomplete event %+v", e)
			}
		}
		// Without tokens the stage splits the text as the tokens stage does.
		bare := &parley.Document{Text: text, Published: doc.Published, Paragraphs: doc.Paragraphs,
			Sentences: doc.Sentences, Actors: doc.Actors}
		if err := s.Process(context.Background(), bare); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(bare.Events, doc.Events) {
			t.Fatalf("events without tokens differ:\n%v\n%v", summary(bare.Events), summary(doc.Events))
		}
	})
}

// BenchmarkProcess codes the PolNeAR training texts. "tokens" is the pipeline's case: the
// segment and tokens stages ran before and their work is not counted; "untokenised" gives the
// stage bare sentences, which it splits into tokens itself.
func BenchmarkProcess(b *testing.B) {
	var docs []*parley.Document
	total := 0
	for _, f := range shared.Texts(b, "bench", "polnear", "train", "text") {
		d := &parley.Document{Text: f.Body}
		tokenise(d)
		docs = append(docs, d)
		total += len(f.Body)
	}
	s := New()
	ctx := context.Background()
	for _, withTokens := range []bool{true, false} {
		name := "tokens"
		if !withTokens {
			name = "untokenised"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, d := range docs {
					in := &parley.Document{Text: d.Text, Paragraphs: d.Paragraphs, Sentences: d.Sentences}
					if withTokens {
						in.Tokens = d.Tokens
					}
					if err := s.Process(ctx, in); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func TestSpeakerPronounsNameNoOne(t *testing.T) {
	d := &parley.Document{Text: "“We're willing to help them with weapons,” the minister said."}
	d.Sentences = []parley.Span{{Start: 0, End: len(d.Text)}}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		if e.Source != nil && strings.EqualFold(e.Source.Name, "We're") {
			t.Errorf("an unresolved “we” as an event's source: %+v", e)
		}
	}
}

func TestRelativeDates(t *testing.T) {
	text := "On Monday, the two leaders held talks at the palace. The talks came three days after Chancellor Weber met President Duval in Geneva. Last week, Weber met Duval again."
	d := &parley.Document{Text: text, Published: "2025-08-20"}
	tokenise(d)
	if err := dates.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.Events {
		got[e.Text] = e.Date
	}
	for sentence, want := range map[string]string{
		"The talks came three days after Chancellor Weber met President Duval in Geneva.": "2025-08-15", // Monday the 18th, less three
		"Last week, Weber met Duval again.":                                               "",           // a week, not a day
	} {
		date, ok := got[sentence]
		if !ok {
			t.Errorf("no event in %q (events %v)", sentence, got)
		} else if date != want {
			t.Errorf("%q dated %q, want %q", sentence, date, want)
		}
	}
}

// TestClausesAndModes checks who acts across relative clauses, conditions and reported speech,
// and that supposed events are not asserted. Actors are given as the actors stage would.
func TestClausesAndModes(t *testing.T) {
	type ev struct{ src, tgt, plover, mode string } // "" matches anything
	tests := []struct {
		text string
		want []ev // each must be found
		not  []ev // none may be found
	}{
		// A relative clause between subject and verb: its place is not the main verb's source.
		{"Ukrainian President Volodymyr Zelenskyy, who joined the call from Berlin, warned Putin that Ukraine would strike back.",
			[]ev{{src: "Volodymyr Zelensky", plover: "THREATEN"}},
			[]ev{{src: "Germany"}, {tgt: "Germany"}}},
		{"Donald Trump, who is due to meet Keir Starmer in Washington next week, has refused to commit American forces.",
			[]ev{{src: "Donald Trump", plover: "REJECT"}},
			[]ev{{src: "Keir Starmer"}}},
		{"Putin, whose forces invaded Ukraine in 2022, rejected the proposal.",
			[]ev{{src: "Vladimir Putin", tgt: "Ukraine", plover: "ASSAULT", mode: "asserted"}},
			[]ev{{src: "forces"}}},
		{"Trump, speaking from the Oval Office, criticized Zelensky.",
			[]ev{{src: "Donald Trump", tgt: "Zelensky", plover: "ACCUSE"}}, nil},
		// Consequences threatened in reported speech are the speaker's threat; the condition's
		// subject is its target and threatens no one.
		{"Trump said there would be very severe consequences if Putin did not agree to end the war.",
			[]ev{{src: "Donald Trump", tgt: "Vladimir Putin", plover: "THREATEN"}},
			[]ev{{src: "Vladimir Putin", plover: "THREATEN"}, {src: "Vladimir Putin", mode: "asserted"}}},
		// "before X attacks again" is yet to come; "any deal must" asks nothing of anyone.
		{"He added that any deal must not be a pause before Russia attacks again.",
			nil,
			[]ev{{src: "Russia", mode: "asserted"}, {plover: "REQUEST"}}},
		{"European leaders urged President Donald Trump on Wednesday to keep Ukraine at the center of any deal with Russia",
			[]ev{{src: "European leaders", tgt: "Donald Trump", plover: "REQUEST"}}, nil},
		// Conditions and modals make events hypothetical; a past "before" clause stays asserted.
		{"If Russia attacks Poland, NATO will respond.",
			[]ev{{src: "Russia", tgt: "Poland", plover: "ASSAULT", mode: "hypothetical"}}, nil},
		{"Ukraine will strike back unless Russia halts its offensive.",
			nil, []ev{{src: "Russia", mode: "asserted"}}},
		{"Russia could refuse to sign the deal with Ukraine.",
			[]ev{{src: "Russia", plover: "REJECT", mode: "hypothetical"}}, nil},
		{"Russia shelled Kharkiv before Ukraine attacked Belgorod.",
			[]ev{{src: "Ukraine", tgt: "Belgorod", plover: "ASSAULT", mode: "asserted"}}, nil},
	}
	matches := func(e parley.Event, w ev) bool {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Name
		}
		return (w.src == "" || e.Source.Name == w.src) && (w.tgt == "" || tgt == w.tgt) &&
			(w.plover == "" || e.PLOVER == w.plover) && (w.mode == "" || e.Mode == w.mode)
	}
	for _, tt := range tests {
		text := tt.text
		doc := analyse(t, text, "2025-08-20",
			actor(text, "Volodymyr Zelensky", "UKRGOV", "Volodymyr Zelenskyy"),
			actor(text, "Germany", "DEU", "Berlin"),
			actor(text, "Vladimir Putin", "RUSGOV", "Putin"),
			actor(text, "Donald Trump", "USAGOV", "Donald Trump", "Trump"),
			actor(text, "Keir Starmer", "GBRGOV", "Keir Starmer"),
			actor(text, "United States", "USA", "Washington", "American"),
			actor(text, "Russia", "RUS", "Russia"),
			actor(text, "Ukraine", "UKR", "Ukraine"),
			actor(text, "Poland", "POL", "Poland"),
			actor(text, "European leaders", "EUR", "European leaders"))
		got := summary(doc.Events)
		for i, e := range doc.Events {
			got[i] += " " + e.Mode
		}
		for _, w := range tt.want {
			found := false
			for _, e := range doc.Events {
				found = found || matches(e, w)
			}
			if !found {
				t.Errorf("%q: no event %+v; got %v", text, w, got)
			}
		}
		for _, w := range tt.not {
			for _, e := range doc.Events {
				if matches(e, w) {
					t.Errorf("%q: unwanted event %+v; got %v", text, w, got)
					break
				}
			}
		}
	}
}

// TestWarningIsAView: a warning that only gives a view is a statement, which PLOVER does not
// code as an event (CAMEO 01), not a threat.
func TestWarningIsAView(t *testing.T) {
	for _, text := range []string{
		"The foreign minister warned that the truce could collapse within weeks.",
		"The Lithuanian leader warned: \"A ceasefire without guarantees is meaningless.\"",
		"Analysts warned that sanctions would hurt exporters.",
	} {
		doc := analyse(t, text, "2025-08-20")
		for _, ev := range doc.Events {
			if ev.PLOVER == "THREATEN" {
				t.Errorf("%q: coded as a threat: %v", text, summary(doc.Events))
			}
		}
	}
}

// TestHeadingRepeats: a headline or standfirst that repeats an event of the body is not a
// second event; one that reports something the body does not stays.
func TestHeadingRepeats(t *testing.T) {
	text := "Kyiv Presses Washington for a Written Pledge\n\n" +
		"Poland Sends Tanks to Lithuania\n\n" +
		"Ukrainian President Olena Marchuk urged Washington on Monday to give a written pledge. " +
		"She spoke in Kyiv.\n"
	doc := &parley.Document{Text: text, Published: "2025-08-20",
		Actors: []parley.Actor{
			actor(text, "Olena Marchuk", "UKRGOV", "Olena Marchuk"),
			actor(text, "Ukraine", "UKR", "Kyiv"),
			actor(text, "United States", "USA", "Washington"),
			actor(text, "Poland", "POL", "Poland"),
			actor(text, "Lithuania", "LTU", "Lithuania"),
		}}
	tokenise(doc)
	if err := dates.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var requests, poland int
	for _, ev := range doc.Events {
		if ev.PLOVER == "REQUEST" {
			requests++
			if ev.Start < strings.Index(text, "Ukrainian President") {
				t.Errorf("the headline's request repeats the body's: %v", summary(doc.Events))
			}
		}
		if ev.Source != nil && ev.Source.Name == "Poland" {
			poland++
		}
	}
	if requests != 1 || poland != 1 {
		t.Errorf("want the body's request and the second heading's own event; got %v", summary(doc.Events))
	}
}

// TestReporterIsNoParty: the journalist who reports an interaction is not its other party.
func TestReporterIsNoParty(t *testing.T) {
	text := "Donald Trump met Volodymyr Zelenskyy on Friday. Reuters correspondent Jane Roe observed that Zelenskyy rejected the offer."
	doc := analyse(t, text, "2025-08-20",
		actor(text, "Donald Trump", "USAGOV", "Donald Trump"),
		actor(text, "Volodymyr Zelensky", "UKRGOV", "Volodymyr Zelenskyy", "Zelenskyy"),
		actor(text, "Jane Roe", "GBRMED", "Jane Roe"))
	found := false
	for _, ev := range doc.Events {
		if ev.PLOVER != "REJECT" {
			continue
		}
		found = true
		if ev.Target != nil && ev.Target.Name == "Jane Roe" {
			t.Errorf("the reporter is the target of the rejection: %v", summary(doc.Events))
		}
	}
	if !found {
		t.Errorf("no rejection: %v", summary(doc.Events))
	}
}

// assaultCase is a sentence and whether an assault is to be coded in it.
type assaultCase struct {
	text string
	want bool
}

func checkAssault(t *testing.T, cases []assaultCase) {
	t.Helper()
	for _, tt := range cases {
		doc := analyse(t, tt.text, "2025-08-20")
		got := false
		for _, ev := range doc.Events {
			got = got || ev.PLOVER == "ASSAULT"
		}
		if got != tt.want {
			t.Errorf("%q: assault coded %v, want %v: %v", tt.text, got, tt.want, summary(doc.Events))
		}
	}
}

// TestClaimIsNoFact: an event in the clause of "claimed" or "alleged" is the claimant's
// statement, not coded as something that happened; after "said" it is coded.
func TestClaimIsNoFact(t *testing.T) {
	checkAssault(t, []assaultCase{
		{"The governor claimed that rebels attacked the border post.", false},
		{"The opposition alleged that the army shelled the village.", false},
		{"The governor said that rebels attacked the border post.", true},
	})
}

// TestUnrealEventNouns: an event noun marked as not having happened is no event.
func TestUnrealEventNouns(t *testing.T) {
	checkAssault(t, []assaultCase{
		{"The pact is meant to deter future Russian attacks on Ukraine.", false},
		{"Officials discussed a possible invasion of Taiwan by China.", false},
		{"Russian attacks on Kharkiv killed five people on Monday.", true},
	})
}

// TestPropositions: what someone fears, hopes or is optimistic about is no event.
func TestPropositions(t *testing.T) {
	for _, text := range []string{
		"Despite the minister's optimism that Serbia will attack the rebels, few expect it.",
		"There are fears that Serbia will attack the rebels.",
	} {
		doc := analyse(t, text, "2025-08-20")
		for _, ev := range doc.Events {
			if ev.Source != nil && ev.Source.Name == "Serbia" {
				t.Errorf("%q: coded %v", text, summary(doc.Events))
			}
		}
	}
}

// TestNoActorSource: an event needs a source that names someone; an unresolved pronoun or a
// bare number does not.
func TestNoActorSource(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"they", true}, {"It", true}, {"what they", true}, {"It's something I", true}, {"Two", true},
		{"Police", false}, {"Two soldiers", false}, {"The Kremlin", false},
	} {
		if got := noActor(tt.name); got != tt.want {
			t.Errorf("noActor(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	doc := analyse(t, "They attacked the convoy near Kharkiv.", "2025-08-20")
	if len(doc.Events) != 0 {
		t.Errorf("an unresolved pronoun as the source: %v", summary(doc.Events))
	}
}

// TestTimeIsNoTarget: a date after the trigger is when, not whom.
func TestTimeIsNoTarget(t *testing.T) {
	doc := analyse(t, "In Myanmar, the Arakan Army declared a monthlong ceasefire on 3 April.", "2025-08-20")
	if len(doc.Events) == 0 {
		t.Fatal("no event")
	}
	for _, ev := range doc.Events {
		if ev.Target != nil && strings.Contains(ev.Target.Name, "April") {
			t.Errorf("a date as the target: %v", summary(doc.Events))
		}
	}
}
