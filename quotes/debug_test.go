package quotes

import (
	"github.com/parleynews/parley/quotes/internal/polnear"
	"os"
	"testing"
)

// TestDebugText prints the quotes of the file named by QUOTES_DEBUG (a development aid).
func TestDebugText(t *testing.T) {
	path := os.Getenv("QUOTES_DEBUG")
	if path == "" {
		t.Skip("set QUOTES_DEBUG to a text file")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := analyzeDoc(string(raw))
	for _, q := range doc.Quotes {
		sp, cue := "-", "-"
		if q.Speaker != nil {
			sp = doc.Text[q.Speaker.Start:q.Speaker.End] + " => " + q.Speaker.Name
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		t.Logf("[%s] cue=%q src=%q\n    %q", q.Kind, cue, sp, polnear.Clip(q.Text, 300))
	}
}
