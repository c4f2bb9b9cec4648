package segment

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/shared"
)

// tokenTexts returns the text of each token, joined by " | ".
func tokenTexts(text string, toks []parley.Token) string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return strings.Join(out, " | ")
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"contractions", "They don't know, can't say and won't go; I'm sure they're gonna.",
			"They | do | n't | know | , | ca | n't | say | and | wo | n't | go | ; | I | 'm | sure | they | 're | gon | na | ."},
		{"curly contractions", "It’s what we’ve said: he’ll come, she’d stay.",
			"It | ’s | what | we | ’ve | said | : | he | ’ll | come | , | she | ’d | stay | ."},
		{"possessives", "Trump's aides met the leaders' envoys at Kyiv’s airport.",
			"Trump | 's | aides | met | the | leaders | ' | envoys | at | Kyiv | ’s | airport | ."},
		{"possessive of an initialism", "The U.N.'s envoy met the E.U.’s.",
			"The | U.N. | 's | envoy | met | the | E.U. | ’s | ."},
		{"plural possessive with curly apostrophe", "The allies’ plan failed.",
			"The | allies | ’ | plan | failed | ."},
		{"apostrophe inside a name", "O'Neill met D’Souza.", "O'Neill | met | D’Souza | ."},
		{"cannot and fused spellings", "You cannot stop it, I dont think so.",
			"You | can | not | stop | it | , | I | do | nt | think | so | ."},
		{"a decade keeps its 's", "Music of the 80's and '90s.", "Music | of | the | 80's | and | '90s | ."},
		{"hyphens split", "A long-term, Russia-backed plan.", "A | long | - | term | , | Russia | - | backed | plan | ."},
		{"bound prefixes stay", "An e-mail from the anti-war co-founder of a non-profit.",
			"An | e-mail | from | the | anti-war | co-founder | of | a | non-profit | ."},
		{"number and hyphen", "A 15-year term from 1946-1954; call 853-7906.",
			"A | 15 | - | year | term | from | 1946 | - | 1954 | ; | call | 853-7906 | ."},
		{"titles and initials keep their stop", "Mr. Smith and Sen. Lindsey O. Graham met Gen. Lee.",
			"Mr. | Smith | and | Sen. | Lindsey | O. | Graham | met | Gen. | Lee | ."},
		{"initialisms", "The U.S. and the U.K. met at 10 a.m. in Washington, D.C., with Acme Inc. staff.",
			"The | U.S. | and | the | U.K. | met | at | 10 | a.m. | in | Washington | , | D.C. | , | with | Acme | Inc. | staff | ."},
		{"abbreviation ending the sentence", "He moved to the U.S.", "He | moved | to | the | U.S | ."},
		{"abbreviation before a closing quote", "“He works for Acme Inc.”", "“ | He | works | for | Acme | Inc | . | ”"},
		{"numbers", "It cost $2,000, or 3.5% more, on 9/11 at 11:30 and 1,993,045 units.",
			"It | cost | $ | 2,000 | , | or | 3.5 | % | more | , | on | 9/11 | at | 11:30 | and | 1,993,045 | units | ."},
		{"number with a unit", "About 2.7bn at 3pm, the 21st in the 1990s.",
			"About | 2.7 | bn | at | 3 | pm | , | the | 21st | in | the | 1990s | ."},
		{"no joins a number", "It was No. 10 and no. 3.", "It | was | No. | 10 | and | no. | 3 | ."},
		{"URL and e-mail", "See https://example.com/a?b=1, www.bbc.co.uk or mail jane.doe@example.org.",
			"See | https://example.com/a?b=1 | , | www.bbc.co.uk | or | mail | jane.doe@example.org | ."},
		{"URL glued after a full stop", "They said.https://t.co/Ab3xY9 — Olena",
			"They | said | . | https://t.co/Ab3xY9 | — | Olena"},
		{"URL ending a sentence", "Read https://example.org/talks/plan.pdf. Or www.example.org/a.",
			"Read | https://example.org/talks/plan.pdf | . | Or | www.example.org/a | ."},
		{"URL glued after a full stop in one given sentence", "Read it.http://bit.ly/2Qx.",
			"Read | it | . | http://bit.ly/2Qx | ."},
		{"abbreviated month glued to a number", "The Sept.11 attacks, the Jan.6 riot and Feb.24.",
			"The | Sept. | 11 | attacks | , | the | Jan. | 6 | riot | and | Feb. | 24 | ."},
		{"numbered abbreviation glued to a number", "The world's No.1 player, Vol.3.",
			"The | world | 's | No. | 1 | player | , | Vol. | 3 | ."},
		{"a month inside a hyphenated word", "The post-Sept.11 era.", "The | post | - | Sept. | 11 | era | ."},
		{"a full stop between letters and digits otherwise stays", "Version v2.5 of Web3.0 and A.1 stay.",
			"Version | v2.5 | of | Web3.0 | and | A.1 | stay | ."},
		{"date and time joined by a slash", "Kyiv, Mar 3, 2025/14:30 pm; posted 2025/03/03/09:15 and 14:30/2025.",
			"Kyiv | , | Mar | 3 | , | 2025 | / | 14:30 | pm | ; | posted | 2025/03/03 | / | 09:15 | and | 14:30 | / | 2025 | ."},
		{"dates and fractions keep their slash", "On 9/11, 01/24/2001 and 3/4 of 2024/25.",
			"On | 9/11 | , | 01/24/2001 | and | 3/4 | of | 2024/25 | ."},
		{"handles and hashtags", "@POTUS wrote #Ukraine and #1.", "@POTUS | wrote | #Ukraine | and | # | 1 | ."},
		{"domain names", "Read Space.com today.", "Read | Space.com | today | ."},
		{"runs of marks", "Wait... what?! No -- never.", "Wait | ... | what | ?! | No | -- | never | ."},
		{"ellipsis character", "So…", "So | …"},
		{"citations and emphasis vanish", "This is **important**.[1][3] It _is_.",
			"This | is | important | . | It | is | ."},
		{"a bullet stands apart", "* Ireland", "* | Ireland"},
		{"brackets", "(see [a] {b})", "( | see | [ | a | ] | { | b | } | )"},
		{"its as it's", "its a shame but its own fault", "it | s | a | shame | but | its | own | fault"},
		{"Ive after a name", "Jony Ive said Ive been there.", "Jony | Ive | said | I | ve | been | there | ."},
		{"emoticon", "Great :) thanks :-(", "Great | :) | thanks | :-("},
		{"non-ASCII words", "Зеленський said “ça va” in Kyiv—again.",
			"Зеленський | said | “ | ça | va | ” | in | Kyiv | — | again | ."},
		{"symbols", "A & B + 5°C ☺", "A | & | B | + | 5 | ° | C | ☺"},
		{"AT&T", "AT&T and Q&A.", "AT&T | and | Q&A | ."},
		{"w/ and b/c", "Go w/ him b/c.", "Go | w/ | him | b/c | ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokens(tt.text, nil, nil, nil)
			if got := tokenTexts(tt.text, toks); got != tt.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			checkTokens(t, tt.text, nil, toks)
		})
	}
}

func TestTokensKinds(t *testing.T) {
	text := "He paid $5, “twice”: 2,000 leaders' votes."
	toks := Tokens(text, nil, nil, nil)
	want := map[string]parley.TokenKind{"He": parley.TokenWord, "$": parley.TokenSymbol, "5": parley.TokenNumber,
		",": parley.TokenPunct, "“": parley.TokenQuote, "”": parley.TokenQuote, "2,000": parley.TokenNumber, "'": parley.TokenWord, ".": parley.TokenPunct}
	for _, tk := range toks {
		s := text[tk.Start:tk.End]
		if k, ok := want[s]; ok && tk.Kind != k {
			t.Errorf("%q: kind %d, want %d", s, tk.Kind, k)
		}
	}
}

func TestTokensSentencesAndSkip(t *testing.T) {
	text := "Skip to content\nMr. Smith left. He said \"no.\"\nShare this article"
	paras := Paragraphs(text)
	sents := Sentences(text, paras)
	skip := []parley.Span{
		{Start: strings.Index(text, "Share"), End: len(text)},
		{Start: 0, End: len("Skip to content")},
	}
	toks := Tokens(text, paras, sents, skip)
	if got, want := tokenTexts(text, toks), `Mr. | Smith | left | . | He | said | " | no | . | "`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	for _, tk := range toks {
		if s := sents[tk.Sent]; !s.Contains(tk.Span) {
			t.Errorf("token %q not inside its sentence %d %q", tk.Span.In(text), tk.Sent, s.In(text))
		}
	}
	if toks[0].Sent != 1 || toks[4].Sent != 2 {
		t.Errorf("sentence indices %d, %d; want 1, 2", toks[0].Sent, toks[4].Sent)
	}
	if toks[6].Pair != 9 || toks[9].Pair != 6 {
		t.Errorf("quote marks not paired: %d, %d", toks[6].Pair, toks[9].Pair)
	}
	// A removal inside a word leaves its two sides as separate stretches.
	text = "Zelensky Advertisement said"
	cut := []parley.Span{{Start: 9, End: 23}}
	if got := tokenTexts(text, Tokens(text, nil, nil, cut)); got != "Zelensky | said" {
		t.Errorf("with a removal: got %s", got)
	}
}

// pairs describes the quotation marks of the tokens: each paired mark as "open>close" by its
// text, and unpaired marks as "~mark".
func pairs(text string, toks []parley.Token) string {
	var out []string
	for i, t := range toks {
		switch {
		case t.Kind != parley.TokenQuote:
		case t.Pair < 0:
			out = append(out, "~"+text[t.Start:t.End])
		case int(t.Pair) > i:
			in := text[t.End:toks[t.Pair].Start]
			out = append(out, text[t.Start:t.End]+in+text[toks[t.Pair].Start:toks[t.Pair].End])
		}
	}
	return strings.Join(out, " ")
}

func TestTokensQuotePairs(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"straight", `"We want peace," he said.`, `"We want peace,"`},
		{"curly", "“We want peace,” he said, “now.”", "“We want peace,” “now.”"},
		{"NYT marks", "''This was not our policy,'' Mr. Rhodes said.", "''This was not our policy,''"},
		{"PTB marks", "The plan is ``a first step,'' Ms. Hill said.", "``a first step,''"},
		{"closing mark used to open", "*”Nobody wants this,” she said.*", "”Nobody wants this,”"},
		{"unclosed", "“We will never give up, he said.", "~“"},
		{"single quotes", "Zelensky Pushes for ‘Security Guarantees’ Now", "‘Security Guarantees’"},
		{"straight single quotes", "He called it 'a farce' today.", "'a farce'"},
		{"single marks inside double quotes stay unpaired", "“The voters’ choice is ‘clear’,” he said.",
			"“The voters’ choice is ‘clear’,” ~‘ ~’"},
		{"apostrophes are no marks", "Trump's and the leaders' plans don't matter.", ""},
		{"plural apostrophe closing a single quote", "Talk of ‘peace for the allies’ is cheap.",
			"‘peace for the allies’"},
		{"stray mark", `He was 6" tall.`, `~"`},
		{"empty quotation", `It said "" and left.`, `~" ~"`},
		{"multi-paragraph", "“First part of it.\n“Second part,” he said.\nNext.", "“First part of it.\n“Second part,” ~“"},
		{"a paragraph ends an unclosed quote", "“Open and never closed.\nThen “new”.", "~“ “new”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokens(tt.text, nil, nil, nil)
			if got := pairs(tt.text, toks); got != tt.want {
				t.Errorf("pairs in %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkTokens(t, tt.text, nil, toks)
		})
	}
}

func TestQuotations(t *testing.T) {
	text := "“We want peace,” he said.\n“We need it. We want\n“guarantees.”\n‘Security’ and “open end"
	paras := Paragraphs(text)
	toks := Tokens(text, paras, nil, nil)
	qs := Quotations(text, toks, paras, nil)
	type q struct {
		inner  string
		closed bool
		single bool
	}
	want := []q{
		{"We want peace,", true, false},
		{"We need it. We want\n“guarantees.", true, false},
		{"Security", true, true},
		{"open end", false, false},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotations, want %d: %+v", len(qs), len(want), qs)
	}
	for i, w := range want {
		g := qs[i]
		if got := g.Inner.In(text); got != w.inner || (g.Close >= 0) != w.closed || g.Single != w.single {
			t.Errorf("quotation %d: %q closed=%v single=%v, want %+v", i, got, g.Close >= 0, g.Single, w)
		}
		if toks[g.Open].Kind != parley.TokenQuote {
			t.Errorf("quotation %d opens at token %d, no mark", i, g.Open)
		}
		if g.Close >= 0 && (g.End != toks[g.Close].End || toks[g.Open].Pair != int32(g.Close)) {
			t.Errorf("quotation %d: end %d, close token %+v", i, g.End, toks[g.Close])
		}
	}
	if last := qs[len(qs)-1]; last.End != len(text) {
		t.Errorf("unclosed quotation ends at %d, want the paragraph's end %d", last.End, len(text))
	}
	// Removed text breaks the paragraph: the quotation no longer reaches past it.
	text = "“First words BOILERPLATE more words” he said."
	cut := []parley.Span{{Start: strings.Index(text, "BOILER"), End: strings.Index(text, " more")}}
	toks = Tokens(text, nil, nil, cut)
	qs = Quotations(text, toks, nil, cut)
	if len(qs) != 1 || qs[0].Close >= 0 || qs[0].Inner.In(text) != "First words" {
		t.Errorf("quotations across a removal: %+v", qs)
	}
}

// checkTokens checks the invariants of Tokens' result: spans inside the text, sorted and
// apart, on rune boundaries, outside skip; pairs symmetric and only between marks.
func checkTokens(t testing.TB, text string, skip []parley.Span, toks []parley.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %v out of order or empty (previous end %d, text %d bytes)", i, tk.Span, prev, len(text))
		}
		if !runeBoundary(text, tk.Start) || !runeBoundary(text, tk.End) {
			t.Fatalf("token %d %v %q not on rune boundaries", i, tk.Span, tk.Span.In(text))
		}
		for _, s := range skip {
			if s.Overlaps(tk.Span) {
				t.Fatalf("token %d %v %q inside skipped %v", i, tk.Span, tk.Span.In(text), s)
			}
		}
		if tk.Head != -1 || tk.Kind > parley.TokenSymbol {
			t.Fatalf("token %d: head %d kind %d", i, tk.Head, tk.Kind)
		}
		if tk.Pair >= 0 {
			if int(tk.Pair) >= len(toks) || int(tk.Pair) == i || toks[tk.Pair].Pair != int32(i) {
				t.Fatalf("token %d pairs with %d, not symmetric", i, tk.Pair)
			}
			if tk.Kind != parley.TokenQuote {
				t.Fatalf("token %d %q paired but no quotation mark", i, tk.Span.In(text))
			}
		} else if tk.Pair != -1 {
			t.Fatalf("token %d: pair %d", i, tk.Pair)
		}
		prev = tk.End
	}
}

func FuzzTokens(f *testing.F) {
	seeds := []string{
		"",
		"Mr. Smith didn't go to the U.S. He's gonna. The leaders' envoys met.",
		"“We want peace…They need to know.”*[1][7]. ''Next,'' he said. ``Yes.''",
		"‘Security’ and 'a farce'\n“Open\n“still open",
		"See https://x.com/a(b), jane@x.org, @h #t 2,000 3.5 9/11 853-7906 01-Feb-02 :) (:",
		"\xff\xfe' \xe2\x80\x99s \xe2\x80. \xe2\x80\xa6 X''' ``` 'a' '",
		"its a dont Ive Inc.. etc. No. 5 w/ b/c",
	}
	for _, s := range seeds {
		f.Add(s, 3, 9)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		paras := Paragraphs(text)
		toks := Tokens(text, paras, Sentences(text, paras), nil)
		checkTokens(t, text, nil, toks)
		// Spans from elsewhere, however broken, are made safe.
		skip := []parley.Span{{Start: a, End: b}, {Start: b - 2, End: a + 5}}
		sents := []parley.Span{{Start: b, End: len(text) + 3}, {Start: -1, End: a}, {Start: 1, End: b}}
		toks = Tokens(text, []parley.Span{{Start: a, End: b}, {Start: -5, End: 2}}, sents, skip)
		checkTokens(t, text, sanitizeSkip(text, skip), toks)
		for _, tk := range toks {
			if tk.Sent < 0 || int(tk.Sent) >= len(sents) {
				t.Fatalf("sentence index %d of %d", tk.Sent, len(sents))
			}
		}
		for _, q := range Quotations(text, toks, nil, skip) {
			if q.Open < 0 || q.Open >= len(toks) || q.Close >= len(toks) || q.Inner.End > len(text) || q.Inner.Start < toks[q.Open].End {
				t.Fatalf("bad quotation %+v", q)
			}
		}
	})
}

// BenchmarkTokens runs over the PolNeAR training texts, already split into sentences.
func BenchmarkTokens(b *testing.B) {
	var sb strings.Builder
	for _, tx := range shared.Texts(b, "bench", "polnear", "train", "text") {
		sb.WriteString(tx.Body)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	paras := Paragraphs(text)
	sents := Sentences(text, paras)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(text, paras, sents, nil)
	}
}
