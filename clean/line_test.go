package clean

import "testing"

// foldSpace folds runs of white space, ASCII or not, and keeps what strings.Fields does not
// split at (a zero-width space) where it stands.
func TestFoldSpace(t *testing.T) {
	tests := map[string]string{
		"Read more":                    "Read more",
		"Read  more":                   "Read more",
		"Read\tmore":                   "Read more",
		"Read\u00a0more":               "Read more",
		"Kyiv\u200b  said":             "Kyiv\u200b said",
		"café  au lait":                "café au lait",
		"no\u2028break":                "no break",
		"bad \xff byte":                "bad \xff byte",
		"Зеленський  сказав":           "Зеленський сказав",
		"already single spaced, “ok”.": "already single spaced, “ok”.",
	}
	for in, want := range tests {
		if got := foldSpace(in); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
