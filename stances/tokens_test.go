package stances

import (
	"strings"
	"testing"

	"github.com/parleynews/parley/segment"
)

func TestFromTokens(t *testing.T) {
	tests := []struct {
		text string
		want string // raw|norm of each token, punctuation as raw only
	}{
		{"She doesn't back the U.S.-backed plan.", "She|she doesn't|doesn't back|back the|the U.S.|us - backed|back plan|plan ."},
		{"Trump's and the leaders' anti-war talks", "Trump's|trump and|and the|the leaders'|leader anti|anti - war|war talks|talk"},
		{"Mr. Ruiz cannot accept 2,000 troops -- ever.", "Mr.|mr Ruiz|ruiz cannot|cannot accept|accept 2,000|2,000 troops|troops - - ever|ever ."},
		{"would be ''unacceptable''", "would|would be|be ' ' unacceptable|unacceptable ' '"},
	}
	// Without a cache of normal forms, and with one shared by every text, read twice: the
	// cache must not change a token.
	shared := map[string]string{}
	for pass, norms := range []map[string]string{nil, shared, shared} {
		for _, tc := range tests {
			checkTokens(t, tc.text, tc.want, norms, pass)
		}
	}
	if len(shared) == 0 {
		t.Error("the cache of normal forms was never filled")
	}
}

func checkTokens(t *testing.T, text, want string, norms map[string]string, pass int) {
	t.Helper()
	var got []string
	for _, tk := range fromTokens(text, segment.Tokens(text, nil, nil, nil), nil, norms) {
		if text[tk.start:tk.end] != tk.raw {
			t.Errorf("%q: token %q at [%d,%d) holds %q", text, tk.raw, tk.start, tk.end, text[tk.start:tk.end])
		}
		if tk.punct {
			got = append(got, tk.raw)
		} else {
			got = append(got, tk.raw+"|"+tk.norm)
		}
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("pass %d, %q:\n got %s\nwant %s", pass, text, g, want)
	}
}
