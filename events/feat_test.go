package events

import (
	"slices"
	"testing"
)

// A feature buffer gives the features as their concatenations, in order, and a buffer used
// again starts empty and leaves the lists it gave before as they were.
func TestFeatBuf(t *testing.T) {
	st := &sentence{}
	fb := st.features()
	fb.add("bias")
	fb.add("lt=", "give", "|", "aid")
	fb.add("prep=", "")
	first := fb.list()
	if want := []string{"bias", "lt=give|aid", "prep="}; !slices.Equal(first, want) {
		t.Errorf("list %q, want %q", first, want)
	}
	fb = st.features()
	fb.add("k=", "obj")
	if got := fb.list(); !slices.Equal(got, []string{"k=obj"}) {
		t.Errorf("second list %q, want [k=obj]", got)
	}
	if first[1] != "lt=give|aid" {
		t.Errorf("an earlier list changed: %q", first)
	}
}
