package parley

import "testing"

func TestSentenceTokens(t *testing.T) {
	toks := []Token{{Sent: 0}, {Sent: 0}, {Sent: 2}, {Sent: 3}, {Sent: 3}, {Sent: 3}}
	for sent, want := range map[int][2]int{0: {0, 2}, 1: {2, 2}, 2: {2, 3}, 3: {3, 6}, 4: {6, 6}, -1: {0, 0}} {
		got := SentenceTokens(toks, sent)
		if len(got) != want[1]-want[0] {
			t.Errorf("sentence %d: %d tokens, want %d", sent, len(got), want[1]-want[0])
		}
		for _, tk := range got {
			if int(tk.Sent) != sent {
				t.Errorf("sentence %d: token of sentence %d", sent, tk.Sent)
			}
		}
	}
	if got := SentenceTokens(nil, 0); len(got) != 0 {
		t.Errorf("tokens of nothing: %v", got)
	}
}
