package events

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// sentenceTokens makes the parser's tokens of a text read as one sentence.
func sentenceTokens(text string) []token {
	sp := parley.Span{Start: 0, End: len(text)}
	return view(text, sp, segment.Tokens(text, nil, []parley.Span{sp}, nil), nil)
}

func TestView(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// Possessives are marks of their own; n't reads "not" and its host whole.
		{"Trump's and Zelenskyy’s aides, the leaders' views.", "Trump|'s|and|Zelenskyy|'s|aides|,|the|leaders|'s|views|."},
		{"The U.N.'s envoy and the U.S.’s plan.", "The|U.N.|'s|envoy|and|the|U.S.|'s|plan|."},
		{"Russia didn't attack; it won't, can't, cannot.", "Russia|did|not|attack|;|it|will|not|,|can|not|,|can|not|."},
		{"They're sure she'll go, we've seen it.", "They|'re|sure|she|'ll|go|,|we|'ve|seen|it|."},
		{"It is not, we did n't.", "It|is|not|,|we|did|not|."},
		// Words segment split without an apostrophe are whole again, but for a negation.
		{"He's gonna meet them at 3pm. Dont.", "He|'s|gonna|meet|them|at|3pm|.|Do|not|."},
		// Hyphens join, except after a stop.
		{"Russian-backed long-term al-Assad 12-year-old pro-Russian U.S.-led", "Russian-backed|long-term|al-Assad|12-year-old|pro-Russian|U.S.|-|led"},
		// Initialisms keep their stop, at the end of a sentence too; titles do not.
		{"Mr. Smith met Sen. Rubio in the U.S.", "Mr|.|Smith|met|Sen|.|Rubio|in|the|U.S."},
		{"Talks in Washington, D.C. on Jan. 5 at 9 a.m. began.", "Talks|in|Washington|,|D.C.|on|Jan|.|5|at|9|a.m.|began|."},
		{"2,000 troops, 12.5 per cent, @POTUS #Ukraine", "2,000|troops|,|12.5|per|cent|,|@|POTUS|#|Ukraine"},
		// A quotation mark is no possessive.
		{"He said 'yes' and ‘no’.", "He|said|'|yes|'|and|‘|no|’|."},
	} {
		var got []string
		for _, tk := range sentenceTokens(c.text) {
			s := tk.text
			if tk.kind == tkPoss {
				s = tk.low
			} else if tk.kind == tkWord && tk.low != strings.ToLower(tk.text) {
				s = tk.low
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("tokens of %q\n got %s\nwant %s", c.text, g, c.want)
		}
	}
}

// TestDocTokens checks that each sentence gets its own tokens, that a document without tokens
// is split as the pipeline would, and that tokens from elsewhere cannot point outside a
// sentence or the text.
func TestDocTokens(t *testing.T) {
	text := "Russia attacked Ukraine. BOILERPLATE. Police arrested the protesters."
	doc := &parley.Document{Text: text,
		Removed: []parley.Removal{{Span: parley.Span{Start: 25, End: 37}, Reason: parley.ReasonBoilerplate}}}
	tokenise(doc)
	fresh := &parley.Document{Text: text, Paragraphs: doc.Paragraphs, Sentences: doc.Sentences, Removed: doc.Removed}
	for _, d := range []*parley.Document{doc, fresh} {
		dt := newDocTokens(d, d.Sentences)
		var got []string
		for si := range d.Sentences {
			var ws []string
			for _, tk := range dt.sentence(si, nil) {
				ws = append(ws, tk.text)
			}
			got = append(got, strings.Join(ws, " "))
		}
		if g := strings.Join(got, "|"); g != "Russia attacked Ukraine .||Police arrested the protesters ." {
			t.Errorf("sentences %q", g)
		}
	}
	bad := &parley.Document{Text: "short", Sentences: []parley.Span{{Start: 0, End: 5}},
		Tokens: []parley.Token{{Span: parley.Span{Start: 3, End: 5}, Sent: 7}, {Span: parley.Span{Start: 0, End: 9}},
			{Span: parley.Span{Start: 0, End: 5}}, {Span: parley.Span{Start: 2, End: 4}}}}
	if toks := newDocTokens(bad, bad.Sentences).sentence(0, nil); len(toks) != 1 || toks[0].text != "short" {
		t.Errorf("tokens of a bad document: %+v", toks)
	}
	if toks := view("short", parley.Span{Start: -3, End: 9}, []parley.Token{{Span: parley.Span{Start: -2, End: 1}},
		{Span: parley.Span{Start: 0, End: 5}}, {Span: parley.Span{Start: 5, End: 8}}}, nil); len(toks) != 1 {
		t.Errorf("tokens outside the text: %+v", toks)
	}
}
