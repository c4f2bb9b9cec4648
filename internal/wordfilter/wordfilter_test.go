package wordfilter

import (
	"strconv"
	"testing"
)

// Every word added is kept; of words never added, only a few get through.
func TestFilter(t *testing.T) {
	f := New(2000)
	for i := range 2000 {
		f.Add("said" + strconv.Itoa(i))
	}
	for i := range 2000 {
		if w := "said" + strconv.Itoa(i); !f.MayHave(w) {
			t.Fatalf("%q was added but the filter says it was not", w)
		}
	}
	through := 0
	for i := range 20000 {
		if f.MayHave("talks" + strconv.Itoa(i)) {
			through++
		}
	}
	if through > 600 {
		t.Errorf("%d of 20000 words never added got through, want about 1%%", through)
	}
	if New(0).MayHave("") {
		t.Error("an empty filter holds the empty word")
	}
}
