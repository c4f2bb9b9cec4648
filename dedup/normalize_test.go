package dedup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only punctuation", " -- ... !? ", ""},
		{"lower case", "The Senate VOTED", "the senate voted"},
		{"whitespace collapsed", "  a\t\tb\r\n\r\nc\u00a0d\u2003e  ", "a b c d e"},
		{"curly apostrophe", "O’Malley’s campaign doesn’t", "omalleys campaign doesnt"},
		{"straight apostrophe", "O'Malley's campaign doesn't", "omalleys campaign doesnt"},
		{"quotes are separators", `he said "no" and “yes” and «peut-être»`, "he said no and yes and peut etre"},
		{"dashes", "well-known — or not – or -- maybe", "well known or not or maybe"},
		{"numbers", "$3.2 million, 40% in 2016", "3 2 million 40 in 2016"},
		{"accents folded", "Peña Nieto in Zürich, café", "pena nieto in zurich cafe"},
		{"compatibility forms", "ﬁnal ＡＢＣ x²", "final abc x2"},
		{"fraction splits", "½ cup", "1 2 cup"},
		{"turkish capital i", "İstanbul", "istanbul"},
		{"cyrillic", "Президент Зеленский", "президент зеленский"},
		{"han characters are words", "習近平主席", "習 近 平 主 席"},
		{"hangul kept whole", "대통령 윤석열", "대통령 윤석열"},
		{"ellipsis", "wait… what...now", "wait what now"},
		{"combining accents", "Pen\u0303a", "pena"},
		{"invalid utf-8", "a\xffb", "a b"},
		{"apostrophe inside a decomposition", "ŉ", "n"},
		{"ideograph inside a decomposition", "a㈠b", "a 一 b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Typography must not change a signature: copies differ in exactly these ways.
func TestSignIgnoresTypography(t *testing.T) {
	a := "“It’s a disgrace,” the senator said -- and the crowd cheered.\n\nThe vote is set for Tuesday."
	b := "\"It's a disgrace,\"  the Senator said — and the crowd cheered.\r\n\r\n\r\nThe vote is set for Tuesday…"
	sa, sb := Sign(a), Sign(b)
	if j, c := sa.Compare(sb); j != 1 || c != 1 {
		t.Errorf("Compare = %v, %v, want 1, 1", j, c)
	}
	if sa.exact != sb.exact {
		t.Error("text hashes differ")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "O’Malley's", "ﬁ½İ", "習近平", "a\xffb", "  x  y  ", "0ŉ", "㈠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("Normalize(%q) = %q: whitespace not collapsed", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, again)
		}
		_ = Sign(s)
	})
}
