package events

import (
	"context"
	"encoding/json"
	"github.com/parleynews/parley"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDebugSentence prints the parse of EVENTS_SENT; a development aid, silent otherwise.
func TestDebugSentence(t *testing.T) {
	text := os.Getenv("EVENTS_SENT")
	if text == "" {
		t.Skip("set EVENTS_SENT to a sentence to see its parse")
	}
	s := New(WithModel(nil))
	toks := sentenceTokens(text)
	st := &sentence{text: text, toks: toks, lx: s.lx, verb: make([]int8, len(toks))}
	for i, tk := range toks {
		t.Logf("%d %q lemma=%s verb=%v", i, tk.text, st.lemma(i), st.verbAt(i))
	}
	for _, c := range st.candidates() {
		sp := func(x span) string {
			if !x.ok() {
				return "-"
			}
			return text[toks[x.a].start:toks[x.b-1].end]
		}
		s.code(st, &c)
		t.Logf("cand %q code=%s ctl=%s modal=%s neg=%v pass=%v src=[%s] tgt=[%s] obj=[%s]", c.lemma, c.code, c.ctl, c.modal, c.neg, c.passive, sp(c.src), sp(c.tgt), sp(c.obj))
	}
}

// TestDebugNone lists, for PLV rows the stage misses, what it found instead (EVENTS_NONE=file).
func TestDebugNone(t *testing.T) {
	out := os.Getenv("EVENTS_NONE")
	if out == "" {
		t.Skip("set EVENTS_NONE to a file to list the misses")
	}
	data := loadPLV(t)
	s := New()
	var b []byte
	for _, l := range data {
		g, _ := s.PredictLabeled(context.Background(), l)
		if g != "NONE" {
			continue
		}
		line := l.Label + "\t" + mark(l)
		for _, c := range s.candidatesOf(l.Text) {
			line += " || " + c.lemma + ":" + c.code + " [" + sub(l.Text, c.srcSpan) + "] -> [" + sub(l.Text, c.tgtSpan) + "]"
		}
		b = append(b, line+"\n"...)
	}
	os.WriteFile(out, b, 0o644)
}

func sub(text string, sp parley.Span) string {
	if sp.End <= sp.Start {
		return "-"
	}
	return text[sp.Start:sp.End]
}

// TestDebugJSONL writes analysis records for the PLV sentences (EVENTS_JSONL=file), one per
// row with id "plv-<row>", so that the Python scorer can check the Go metric.
func TestDebugJSONL(t *testing.T) {
	out := os.Getenv("EVENTS_JSONL")
	if out == "" {
		t.Skip("set EVENTS_JSONL to a file to write records")
	}
	data := loadPLV(t)
	s := New()
	var b strings.Builder
	cp := func(text string, i int) int { return utf8.RuneCountInString(text[:i]) }
	for _, l := range data {
		doc := &parley.Document{Text: l.Text}
		tokenise(doc)
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		evs := []map[string]any{}
		for _, e := range doc.Events {
			ev := map[string]any{"plover": e.PLOVER, "cameo": e.CAMEO,
				"source": map[string]any{"start": cp(l.Text, e.Source.Start), "end": cp(l.Text, e.Source.End)}}
			if e.Target != nil {
				ev["target"] = map[string]any{"start": cp(l.Text, e.Target.Start), "end": cp(l.Text, e.Target.End)}
			}
			evs = append(evs, ev)
		}
		line, _ := json.Marshal(map[string]any{"id": "plv-" + l.ID, "text": l.Text, "events": evs})
		b.Write(line)
		b.WriteByte('\n')
	}
	os.WriteFile(out, []byte(b.String()), 0o644)
}
