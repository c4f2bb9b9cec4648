package clean

import (
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

func TestData(t *testing.T) {
	if _, err := lexfile.CheckFS(dataFS, "data/*.txt"); err != nil {
		t.Fatal(err)
	}
	if u := vocab.Unused(); len(u) > 0 {
		t.Errorf("sections %q of %s are never read", u, vocab.Name)
	}
	if !functionWords["the"] || !smallWords["vs."] || functionWords["share"] {
		t.Error("word classes lost their words")
	}
	for _, c := range []struct {
		w    string
		want bool
	}{{"whatsapp", true}, {"viber", true}, {"home", true}, {"ukraine", false}} {
		if got := uiWord(c.w); got != c.want {
			t.Errorf("uiWord(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
