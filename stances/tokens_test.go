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
	for _, tc := range tests {
		var got []string
		for _, tk := range fromTokens(tc.text, segment.Tokens(tc.text, nil, nil, nil), nil) {
			if tc.text[tk.start:tk.end] != tk.raw {
				t.Errorf("%q: token %q at [%d,%d) holds %q", tc.text, tk.raw, tk.start, tk.end, tc.text[tk.start:tk.end])
			}
			if tk.punct {
				got = append(got, tk.raw)
			} else {
				got = append(got, tk.raw+"|"+tk.norm)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
}
