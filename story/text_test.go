package story

import (
	"strings"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Ukraine’s pro-Russian U.S. envoy didn't come", "ukraine 's pro russian us envoy did not come"},
		{"The leaders' talks on Sam's Club in the '90s", "the leaders talks on sam 's club in the 90s"},
		{"@POTUS and #BernieOrBust: 2,000 at 4 p.m.", "potus and bernieorbust 2,000 at 4 pm"},
		{"Élysée, O'Neill", "elysee o'neill"},
	}
	for _, tc := range tests {
		var got []string
		for _, w := range words(tc.text) {
			got = append(got, w.lower)
			if w.start < 0 || w.end > len(tc.text) || w.start >= w.end {
				t.Errorf("%q: bad span [%d,%d) of %q", tc.text, w.start, w.end, w.lower)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
	// Content words and names leave the clitics out.
	if contentWord("'re") || contentWord("2,000") || !contentWord("envoy") {
		t.Error("contentWord keeps a clitic or a number, or drops a word")
	}
	if got := strings.Join(nameTokens("Ukraine's President Volodymyr Zelenskyy's"), " "); got != "volodymyr zelenskyy" {
		t.Errorf("nameTokens = %q", got)
	}
}

// A document's words come from its tokens, those of a span only.
func TestDocWords(t *testing.T) {
	text := "Kyiv said so. Then Moscow's envoy left."
	toks := segment.Tokens(text, nil, nil, nil)
	from := strings.Index(text, "Moscow")
	var got []string
	for _, w := range docWords(text, toks, from, len(text), nil) {
		got = append(got, text[w.start:w.end])
	}
	if g := strings.Join(got, "|"); g != "Moscow|'s|envoy|left" {
		t.Errorf("words %s", g)
	}
	if n := len(docWords(text, []parley.Token{}, 0, len(text), nil)); n != 0 {
		t.Errorf("%d words without tokens", n)
	}
}
