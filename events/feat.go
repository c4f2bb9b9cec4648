package events

// featBuf collects the features of one candidate or target option: every feature is written
// into one byte buffer and the list is cut from a single string at the end, so that a list of
// twenty features costs two allocations rather than one a feature.
type featBuf struct {
	b    []byte
	ends []int
}

// add appends one feature, the concatenation of parts.
func (fb *featBuf) add(parts ...string) {
	for _, p := range parts {
		fb.b = append(fb.b, p...)
	}
	fb.ends = append(fb.ends, len(fb.b))
}

// list returns the features in the order they were added.
func (fb *featBuf) list() []string {
	s := string(fb.b)
	out := make([]string, len(fb.ends))
	start := 0
	for i, e := range fb.ends {
		out[i] = s[start:e]
		start = e
	}
	return out
}

// features returns the sentence's feature buffer, emptied: the stage hands one buffer to all
// the sentences of a document, and the lists cut from it are copies.
func (s *sentence) features() *featBuf {
	if s.fb == nil {
		s.fb = new(featBuf)
	}
	s.fb.b, s.fb.ends = s.fb.b[:0], s.fb.ends[:0]
	return s.fb
}
