package segment

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
)

func texts(text string, spans []parley.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.In(text)
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"only space", "  \n\n \t \r\n", []string{}},
		{"one line", "Trump met Zelensky.", []string{"Trump met Zelensky."}},
		{"single newline ends a paragraph", "Title\nFirst line.\nSecond line.", []string{"Title", "First line.", "Second line."}},
		{"blank lines", "One.\n\n\nTwo.\n", []string{"One.", "Two."}},
		{"crlf and cr", "One.\r\nTwo.\rThree.\r\n\r\n", []string{"One.", "Two.", "Three."}},
		{"unicode separators", "One.\u2028Two.\u2029Three.", []string{"One.", "Two.", "Three."}},
		{"nel form feed vertical tab", "One.\u0085Two.\fThree.\vFour.", []string{"One.", "Two.", "Three.", "Four."}},
		{"trimmed", "  \t Skip to content  \n\u00a0 Latest\u00a0\n", []string{"Skip to content", "Latest"}},
		{"bom and zero width space", "\uFEFFTitle\n\u200B\nBody.", []string{"Title", "Body."}},
		{"list items", "He sought:\n– A written U.S. pledge\n– Continued weapons transfers[3][5].", []string{"He sought:", "– A written U.S. pledge", "– Continued weapons transfers[3][5]."}},
		{"no final newline", "A\n\nB", []string{"A", "B"}},
		{"invalid utf8 kept", "a\xffb\n\xe2\x80", []string{"a\xffb", "\xe2\x80"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Paragraphs(tt.in)
			if got := texts(tt.in, ps); !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkSpans(t, tt.in, ps, nil, true)
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Abbreviations.
		{"titles never end a sentence", "Mr. Smith went to Washington. He met Sen. Jones and Gov. Abbott.",
			[]string{"Mr. Smith went to Washington.", "He met Sen. Jones and Gov. Abbott."}},
		{"title chain", "Gen. Mark Milley met Lt. Col. Alexander Vindman, Dr. Fauci and Pres. Lincoln on Tuesday.",
			[]string{"Gen. Mark Milley met Lt. Col. Alexander Vindman, Dr. Fauci and Pres. Lincoln on Tuesday."}},
		{"plural titles", "Sens. Ted Cruz and Marco Rubio met Reps. Jim Jordan and Mrs. Clinton.",
			[]string{"Sens. Ted Cruz and Marco Rubio met Reps. Jim Jordan and Mrs. Clinton."}},
		{"all capital title", "MR. TRUMP GOES TO WASHINGTON", []string{"MR. TRUMP GOES TO WASHINGTON"}},
		{"U.S. before a name", "U.S. officials said the U.S. Army and U.N. Security Council would act.",
			[]string{"U.S. officials said the U.S. Army and U.N. Security Council would act."}},
		{"U.S. ends a sentence before The", "The plan came from the U.S. The Kremlin rejected it.",
			[]string{"The plan came from the U.S.", "The Kremlin rejected it."}},
		{"U.S. ends a sentence before He", "Trump proposed a ban on Muslims trying to enter the U.S. He defended it.",
			[]string{"Trump proposed a ban on Muslims trying to enter the U.S.", "He defended it."}},
		{"U.S. before a number", "The deal gives the U.S. 50% of future revenues.",
			[]string{"The deal gives the U.S. 50% of future revenues."}},
		{"U.S. before a quotation", "The aid came from the U.S. “We need more,” Zelensky said.",
			[]string{"The aid came from the U.S.", "“We need more,” Zelensky said."}},
		{"U.S. inside a closing quote", "He said: “I love the U.S.” Then he smiled.",
			[]string{"He said: “I love the U.S.”", "Then he smiled."}},
		{"U.S. hyphenated", "The U.S.-Ukraine deal and U.S.-backed force failed.",
			[]string{"The U.S.-Ukraine deal and U.S.-backed force failed."}},
		{"a.m. before a day", "He spoke at 10 a.m. Monday in the Rose Garden.",
			[]string{"He spoke at 10 a.m. Monday in the Rose Garden."}},
		{"p.m. ends a sentence", "The vote ended at 5 p.m. It was close. Polls close at 8 p.m. But turnout is high.",
			[]string{"The vote ended at 5 p.m.", "It was close.", "Polls close at 8 p.m.", "But turnout is high."}},
		{"time stamp alone", "11:30 a.m.", []string{"11:30 a.m."}},
		{"D.C. and states", "He spoke in Washington, D.C. The crowd cheered. He campaigned in Manchester, N.H. He then flew to Fort Mill, S.C., on Friday.",
			[]string{"He spoke in Washington, D.C.", "The crowd cheered.", "He campaigned in Manchester, N.H.", "He then flew to Fort Mill, S.C., on Friday."}},
		{"state abbreviation", "The shooting in San Bernardino, Calif. Together they shaped the race. Sen. Marco Rubio, R-Fla. Rubio disagreed.",
			[]string{"The shooting in San Bernardino, Calif.", "Together they shaped the race.", "Sen. Marco Rubio, R-Fla. Rubio disagreed."}},
		{"state in brackets then full stop", "Clinton led Sen. Bernie Sanders (I-Vt.). Clinton won Iowa. Sen. Ron Johnson (R-Wis.) said no.",
			[]string{"Clinton led Sen. Bernie Sanders (I-Vt.).", "Clinton won Iowa.", "Sen. Ron Johnson (R-Wis.) said no."}},
		{"months", "The talks began Sept. 3 and ended Oct. 12, after a pause in Aug. and a summit on Jan. 20.",
			[]string{"The talks began Sept. 3 and ended Oct. 12, after a pause in Aug. and a summit on Jan. 20."}},
		{"month ends a sentence", "The vote is set for Feb. The date may slip.",
			[]string{"The vote is set for Feb.", "The date may slip."}},
		{"numbered", "He returned to No. 10 Downing Street. Rubio is No. 1 in the polls. He said no. Then he left.",
			[]string{"He returned to No. 10 Downing Street.", "Rubio is No. 1 in the polls.", "He said no.", "Then he left."}},
		{"vs and v", "It was Trump vs. Clinton again, as in Roe v. Wade. Das Volk vs. The State.",
			[]string{"It was Trump vs. Clinton again, as in Roe v. Wade.", "Das Volk vs. The State."}},
		{"etc ends a sentence", "They sent tanks, drones, etc. The aid arrived late.",
			[]string{"They sent tanks, drones, etc.", "The aid arrived late."}},
		{"company names", "Apple Inc. CEO Tim Cook spoke. He works for Acme Corp. The firm is small. Warner Bros. Theater Ventures agreed.",
			[]string{"Apple Inc. CEO Tim Cook spoke.", "He works for Acme Corp.", "The firm is small.", "Warner Bros. Theater Ventures agreed."}},
		{"Jr and St", "Martin Luther King Jr. Day is a holiday in St. Louis. She moved to St. Paul. It is cold.",
			[]string{"Martin Luther King Jr. Day is a holiday in St. Louis.", "She moved to St. Paul.", "It is cold."}},
		{"Latin abbreviations", "Some states, e.g. Texas, voted early, i.e. Before the deadline.",
			[]string{"Some states, e.g. Texas, voted early, i.e. Before the deadline."}},

		// Initials.
		{"initials", "George W. Bush met J. K. Rowling and George H.W. Bush in Texas.",
			[]string{"George W. Bush met J. K. Rowling and George H.W. Bush in Texas."}},
		{"initial A is no article", "Samuel A. Alito Jr. and Anthony M. Kennedy joined John G. Roberts Jr. in the ruling.",
			[]string{"Samuel A. Alito Jr. and Anthony M. Kennedy joined John G. Roberts Jr. in the ruling."}},
		{"letter ends a sentence", "He served in World War I. Then he came home to a standing O. The crowd left.",
			[]string{"He served in World War I.", "Then he came home to a standing O.", "The crowd left."}},
		{"AT&T", "Boycotts hit employers including Marriott and AT&T. And in Georgia, a bill died.",
			[]string{"Boycotts hit employers including Marriott and AT&T.", "And in Georgia, a bill died."}},

		// Numbers, URLs, e-mail.
		{"decimals and versions", "Growth slowed to 2.5 percent. Version 3.0 of the plan followed in 2015. It cost $2.7 billion.",
			[]string{"Growth slowed to 2.5 percent.", "Version 3.0 of the plan followed in 2015.", "It cost $2.7 billion."}},
		{"section numbers", "Part 2.5.1 of the plan failed. The vote was 52-48. Democrats objected.",
			[]string{"Part 2.5.1 of the plan failed.", "The vote was 52-48.", "Democrats objected."}},
		{"url", "Read more at https://www.example.com/news/a.b?x=1. The site is free.",
			[]string{"Read more at https://www.example.com/news/a.b?x=1.", "The site is free."}},
		{"email", "Write to john.doe@example.org. He replies fast.",
			[]string{"Write to john.doe@example.org.", "He replies fast."}},
		{"code-like dots", "Call os.Exit(1) to stop the U.S. Treasury.gov site.",
			[]string{"Call os.Exit(1) to stop the U.S. Treasury.gov site."}},

		// Quotes.
		{"quote closes a sentence", "“We want peace,” he said. “But we need guarantees.” He left.",
			[]string{"“We want peace,” he said.", "“But we need guarantees.”", "He left."}},
		{"straight quotes", `French President Macron said "it is up to Ukrainians." Similarly, others agreed.`,
			[]string{`French President Macron said "it is up to Ukrainians."`, "Similarly, others agreed."}},
		{"question in a quote then lower case", "“Who cares?” asked one voter. “Why?” Because it works.",
			[]string{"“Who cares?” asked one voter.", "“Why?”", "Because it works."}},
		{"exclamation in a quote mid-sentence", "He shouted “Enough!” and walked out. His bluster act—“My plan will be tremendous!”—is wearing thin.",
			[]string{"He shouted “Enough!” and walked out.", "His bluster act—“My plan will be tremendous!”—is wearing thin."}},
		{"single quotes", "He called it ‘a disaster.’ Nobody disagreed.",
			[]string{"He called it ‘a disaster.’", "Nobody disagreed."}},
		{"quote then lower-case cue", "“It is over.” said Trump, leaving.",
			[]string{"“It is over.” said Trump, leaving."}},
		{"markdown quote with citations", "Trump said: *”Nobody’s going to mess around with our people”*[3][5]. He rejected NATO membership[3][7].",
			[]string{"Trump said: *”Nobody’s going to mess around with our people”*[3][5].", "He rejected NATO membership[3][7]."}},
		{"markdown after full stop", "As Lawrence summarized: *”Trump sees dollars as deterrence.”*[5][9] Analysts disagreed.",
			[]string{"As Lawrence summarized: *”Trump sees dollars as deterrence.”*[5][9]", "Analysts disagreed."}},
		{"emphasis closes", "*Trump spoke.* He left.", []string{"*Trump spoke.*", "He left."}},

		// Citation markers.
		{"markers after the full stop", "Talks stalled.[1][3] Russia advanced.[2]",
			[]string{"Talks stalled.[1][3]", "Russia advanced.[2]"}},
		{"markers before the full stop", "Zelenskyy demanded commitments against future aggression[1][3][5]. Kyiv insisted on guarantees [2].",
			[]string{"Zelenskyy demanded commitments against future aggression[1][3][5].", "Kyiv insisted on guarantees [2]."}},
		{"marker after space at the end", "Talks failed. [4]", []string{"Talks failed. [4]"}},
		{"reference list entries", `[1] BBC News, "Putin meeting: What we know," 2025-04-01. [2] Reuters, "Talks stall," 2025-04-02.`,
			[]string{`[1] BBC News, "Putin meeting: What we know," 2025-04-01.`, `[2] Reuters, "Talks stall," 2025-04-02.`}},
		{"marker with commas", "The deal collapsed.[1, 4] Europe scrambled.", []string{"The deal collapsed.[1, 4]", "Europe scrambled."}},

		// Ellipses and dashes.
		{"ellipsis glued to a word", "He warned: *”A ceasefire is meaningless for our people…They need to know America stays”*[1][7].",
			[]string{"He warned: *”A ceasefire is meaningless for our people…They need to know America stays”*[1][7]."}},
		{"ellipsis before a capital", "We waited… Nothing happened. And then... The lights went out.",
			[]string{"We waited…", "Nothing happened.", "And then...", "The lights went out."}},
		{"ellipsis before lower case", "We will help, especially probably ... by air because we can.",
			[]string{"We will help, especially probably ... by air because we can."}},
		{"spaced ellipsis", "It was a hard fight. . . . If you were there, you knew.",
			[]string{"It was a hard fight. . . .", "If you were there, you knew."}},
		{"leading ellipsis in a quote", `He spoke in Springfield, Ill. ". . . I just want somebody" he said.`,
			[]string{`He spoke in Springfield, Ill. ". . . I just want somebody" he said.`}},
		{"leading ellipsis", "…and then it ended.", []string{"…and then it ended."}},
		{"em dash", "Putin is not preparing for talks—he is preparing to deceive. Zelensky said so.",
			[]string{"Putin is not preparing for talks—he is preparing to deceive.", "Zelensky said so."}},
		{"dash after question", "– Using Ted Cruz? –.", []string{"– Using Ted Cruz? –."}},

		// Questions, exclamations, brackets.
		{"question and exclamation", "Will Europe step up? Or will the US leave? Nobody knows! Really?!",
			[]string{"Will Europe step up?", "Or will the US leave?", "Nobody knows!", "Really?!"}},
		{"exclamation inside a name", "Jeb! was better than before. Jeb!, Ben Carson, and Trump spoke.",
			[]string{"Jeb! was better than before.", "Jeb!, Ben Carson, and Trump spoke."}},
		{"closing parenthesis", "He left (for good). The door closed. (He denied it.) The panel disagreed.",
			[]string{"He left (for good).", "The door closed.", "(He denied it.)", "The panel disagreed."}},
		{"bracketed insertion", "He said they came [to the U.S.]. The rest is history.",
			[]string{"He said they came [to the U.S.].", "The rest is history."}},

		// Headlines and lists.
		{"headline without a full stop", "Zelensky Pushes for Security Guarantees as U.S. Seeks to End War",
			[]string{"Zelensky Pushes for Security Guarantees as U.S. Seeks to End War"}},
		{"headline with question", "What’s Next for Ukraine?", []string{"What’s Next for Ukraine?"}},
		{"numbered list", "1. The first item is here.\n2. The second one.\niv. A roman one.\nB. A lettered one.",
			[]string{"1. The first item is here.", "2. The second one.", "iv. A roman one.", "B. A lettered one."}},
		{"dash list", "He sought:\n– A written U.S. pledge to defend Ukraine\n– Continued weapons transfers[3][5].",
			[]string{"He sought:", "– A written U.S. pledge to defend Ukraine", "– Continued weapons transfers[3][5]."}},
		{"bullets", "• Item one\n• Item two. It has two sentences.",
			[]string{"• Item one", "• Item two.", "It has two sentences."}},
		{"year is no list number", "2016. The year it all changed.", []string{"2016.", "The year it all changed."}},

		// Texts run together by a paste.
		{"glued after a full stop", "No comments available for this post.As Ukraine demands guarantees, Europe waits.",
			[]string{"No comments available for this post.", "As Ukraine demands guarantees, Europe waits."}},
		{"glued after a quote", "“It was over,” he concluded.Graham: Trump is wrong.",
			[]string{"“It was over,” he concluded.", "Graham: Trump is wrong."}},
		{"glued before an acronym", "Demographics will doom his candidacy.U.S. Flexes Muscles in Asia",
			[]string{"Demographics will doom his candidacy.", "U.S. Flexes Muscles in Asia"}},
		{"glued before an abbreviation", "Production by Audrey Horwitz.St. Paul Votes To Condemn Ban",
			[]string{"Production by Audrey Horwitz.", "St. Paul Votes To Condemn Ban"}},
		{"URL glued after a full stop", "The offer was rejected, they said.https://t.co/Ab3xY9 — Olena K.",
			[]string{"The offer was rejected, they said.", "https://t.co/Ab3xY9 — Olena K."}},
		{"URL glued after a quotation", "“We will not sign,” he wrote.\"http://bit.ly/2Qx Then talks ended.",
			[]string{"“We will not sign,” he wrote.\"", "http://bit.ly/2Qx Then talks ended."}},
		{"URL ends a sentence", "The full text is at https://example.org/talks/2025/plan.pdf. Kyiv has not replied.",
			[]string{"The full text is at https://example.org/talks/2025/plan.pdf.", "Kyiv has not replied."}},
		{"abbreviated month glued to its day", "Since the Sept.11 attacks the alliance has changed. On Feb.24, 2022 it changed again.",
			[]string{"Since the Sept.11 attacks the alliance has changed.", "On Feb.24, 2022 it changed again."}},
		{"date and time with a slash", "Kyiv, Mar 3, 2025/14:30 pm (AFP) The envoys met.",
			[]string{"Kyiv, Mar 3, 2025/14:30 pm (AFP) The envoys met."}},
		{"glued lower case stays", "The site is breitbart.com and node.js runs it.",
			[]string{"The site is breitbart.com and node.js runs it."}},

		// White space and other scripts.
		{"no-break space", "He recalled it.\u00a0He smiled.", []string{"He recalled it.", "He smiled."}},
		{"other scripts", "Zelenskyy’s aides met in Kyiv. Они согласились. 他们同意了。",
			[]string{"Zelenskyy’s aides met in Kyiv.", "Они согласились.", "他们同意了。"}},
		{"only marks", "?! ...", []string{"?! ..."}},
		{"surrounding space", "  Trump spoke.   He left.  \n", []string{"Trump spoke.", "He left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Paragraphs(tt.in)
			ss := Sentences(tt.in, ps)
			if got := texts(tt.in, ss); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkSpans(t, tt.in, ps, ss, true)
			if nilPs := Sentences(tt.in, nil); !slices.Equal(nilPs, ss) {
				t.Errorf("Sentences(text, nil) = %v, want %v", nilPs, ss)
			}
		})
	}
}

func TestSentencesGivenParagraphs(t *testing.T) {
	text := "Title line\nFirst sentence. Second\nsentence.\n\nOther paragraph. Done."
	tests := []struct {
		name  string
		paras []parley.Span
		want  []string
	}{
		{"empty list", []parley.Span{}, []string{}},
		{"whole text, inner line breaks are space", []parley.Span{{Start: 0, End: len(text)}},
			[]string{"Title line\nFirst sentence.", "Second\nsentence.", "Other paragraph.", "Done."}},
		{"untrimmed", []parley.Span{{Start: 10, End: 44}}, []string{"First sentence.", "Second\nsentence."}},
		{"unsorted and overlapping", []parley.Span{{Start: 45, End: len(text)}, {Start: 11, End: 26}, {Start: 20, End: 34}},
			[]string{"First sentence.", "Second", "Other paragraph.", "Done."}},
		{"out of range", []parley.Span{{Start: -5, End: 10}, {Start: 62, End: 1000}, {Start: 7, End: 3}},
			[]string{"Title line", "Done."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Sentences(text, tt.paras)
			if got := texts(text, ss); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			checkSpans(t, text, nil, ss, false)
		})
	}

	// Spans that cut a rune in two are moved onto rune boundaries.
	multi := "Zelenskyy’s aides. “They agreed.”"
	ss := Sentences(multi, []parley.Span{{Start: 1, End: 11}, {Start: 12, End: len(multi) - 1}})
	checkSpans(t, multi, nil, ss, false)
}

// checkSpans checks the invariants: paragraphs and sentences are sorted, do not overlap, lie in
// the text on rune boundaries, are trimmed and non-empty; sentences lie inside paragraphs; and,
// when cover is set, each covers every non-white-space byte of the text.
func checkSpans(t testing.TB, text string, paras, sents []parley.Span, cover bool) {
	t.Helper()
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true

	check := func(kind string, spans []parley.Span) bool {
		prev := 0
		for i, s := range spans {
			switch {
			case s.Start < prev || s.End <= s.Start || s.End > len(text):
				t.Errorf("%s %d %v: out of order, empty or out of range (previous end %d, len %d)", kind, i, s, prev, len(text))
				return false
			case !boundary[s.Start] || !boundary[s.End]:
				t.Errorf("%s %d %v: not on rune boundaries", kind, i, s)
				return false
			}
			first, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
			last, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
			if isSpace(first) || isSpace(last) {
				t.Errorf("%s %d %q: not trimmed", kind, i, s.In(text))
				return false
			}
			prev = s.End
		}
		if !cover {
			return true
		}
		k := 0
		for i, r := range text {
			for k < len(spans) && spans[k].End <= i {
				k++
			}
			inside := k < len(spans) && spans[k].Start <= i
			if !inside && !isSpace(r) {
				t.Errorf("%s: byte %d (%q) not covered", kind, i, r)
				return false
			}
		}
		return true
	}
	if paras != nil && check("paragraph", paras) {
		for i, p := range paras {
			if strings.ContainsAny(p.In(text), "\n\r\v\f\u0085\u2028\u2029") {
				t.Errorf("paragraph %d %q holds a line break", i, p.In(text))
			}
		}
	}
	if sents == nil || !check("sentence", sents) || paras == nil {
		return
	}
	k := 0
	for i, s := range sents {
		for k < len(paras) && paras[k].End <= s.Start {
			k++
		}
		if k == len(paras) || !paras[k].Contains(s) {
			t.Errorf("sentence %d %v %q crosses a paragraph boundary", i, s, s.In(text))
			return
		}
	}
}

// TestSentencesCorpus runs over real news text: the PolNeAR training articles and the seeds.
func TestSentencesCorpus(t *testing.T) {
	dirs := []string{
		shared.Dir(t, "bench", "polnear", "train", "text"),
		shared.Dir(t, "corpus", "seeds"),
	}
	files := 0
	sentences := 0
	for _, dir := range dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatalf("list %s: %v", dir, err)
		}
		if len(names) == 0 {
			t.Fatalf("no texts in %s", dir)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			text := string(b)
			ps := Paragraphs(text)
			ss := Sentences(text, ps)
			checkSpans(t, text, ps, ss, true)
			if t.Failed() {
				t.Fatalf("invariants broken in %s", name)
			}
			files++
			sentences += len(ss)
		}
	}
	t.Logf("%d files, %d sentences", files, sentences)
}

// TestSentencesPlover measures false splits: each PLOVER training row holds one news sentence
// (a few hold two), so nearly all must come back whole.
func TestSentencesPlover(t *testing.T) {
	path := shared.Dir(t, "bench", "plover", "PLV_train.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	col := slices.Index(header, "sentence")
	if col < 0 {
		t.Fatalf("%s: no sentence column in %q", path, header)
	}
	seen := map[string]bool{}
	split := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		if col >= len(rec) || seen[rec[col]] {
			continue
		}
		text := rec[col]
		seen[text] = true
		ss := Sentences(text, []parley.Span{{Start: 0, End: len(text)}})
		if len(ss) > 1 {
			split++
			t.Logf("split: %q", texts(text, ss))
		}
	}
	if len(seen) < 500 {
		t.Fatalf("%s: only %d sentences read", path, len(seen))
	}
	if rate := float64(split) / float64(len(seen)); rate > 0.01 {
		t.Errorf("%d of %d single sentences split (%.1f%%), want at most 1%%", split, len(seen), 100*rate)
	}
}

func FuzzSentences(f *testing.F) {
	seeds := []string{
		"",
		"Mr. Smith met the U.S. delegation at 10 a.m. He left.",
		"“We want peace…They need to know.”*[1][7]. Next?! Yes.",
		"A\r\nB\rC\u2028D\u2029E\u0085F",
		"It was hard. . . . If you knew. 2.5. No. 10. post.As Ukraine",
		"\xff\xfe. \xe2\x80. \xe2\x80\xa6 X",
		"[1] BBC, 2025. [2] Reuters.",
		"1. item\n• item\n– item",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps := Paragraphs(text)
		ss := Sentences(text, ps)
		checkSpans(t, text, ps, ss, true)
	})
}

func FuzzSentencesGivenParagraphs(f *testing.F) {
	f.Add("Title\nOne. Two.\n\nThree.", 0, 5, 3, 40)
	f.Add("Zelenskyy’s aides. “They agreed.”", 1, 11, 12, 30)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		ss := Sentences(text, []parley.Span{{Start: s1, End: e1}, {Start: s2, End: e2}})
		checkSpans(t, text, nil, ss, false)
	})
}

// benchText is the PolNeAR training text when present, else generated news-like text.
func benchText(b *testing.B) string {
	b.Helper()
	// Not shared.Dir: without the corpus the benchmark falls back to generated text rather
	// than skipping.
	dir := filepath.Join("..", "..", "shared", "bench", "polnear", "train", "text")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) > 0 {
		var sb strings.Builder
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatalf("read %s: %v", name, err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
		return sb.String()
	}
	para := "Ukrainian President Volodymyr Zelensky met U.S. Vice President JD Vance at 10 a.m. on Feb. 14 in Munich. " +
		"“We want peace very much, but we need real security guarantees,” Zelensky said.[1][3] " +
		"Sen. Lindsey Graham, R-S.C., called the talks “a good start…But only a start.” Will Europe step up? " +
		"The deal would give the U.S. 50% of future revenues, worth about $2.7 billion. Mr. Trump did not comment.\n\n"
	return strings.Repeat(para, 8<<20/len(para))
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	ps := Paragraphs(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text, ps)
	}
}

func BenchmarkParagraphs(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(text)
	}
}
