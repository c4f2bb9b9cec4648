package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

// TestTokensStage runs the default pipeline on a pasted article and checks that the tokens
// cover the live text only, in order, with the quotation marks paired.
func TestTokensStage(t *testing.T) {
	text := "Skip to content\n" +
		"Zelensky met Mr. Vance in Munich on Friday.\n" +
		"“We don't want a ceasefire without guarantees,” Zelensky said.\n" +
		"Share this article"
	d := &parley.Document{Source: "t.txt", Format: parley.FormatText, Text: text}
	p := Default(Options{})
	for _, st := range p.Stages {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
	}
	if len(d.Tokens) == 0 {
		t.Fatal("no tokens")
	}
	var words []string
	prev := 0
	for i, tk := range d.Tokens {
		if tk.Start < prev {
			t.Fatalf("token %d out of order", i)
		}
		prev = tk.End
		for _, r := range d.Removed {
			if r.Reason != parley.ReasonOffTopic && r.Overlaps(tk.Span) {
				t.Errorf("token %q inside removed %s text", tk.In(text), r.Reason)
			}
		}
		if !d.Sentences[tk.Sent].Contains(tk.Span) {
			t.Errorf("token %q outside its sentence", tk.In(text))
		}
		words = append(words, tk.In(text))
	}
	got := strings.Join(words, " ")
	if len(d.Removed) == 0 || strings.Contains(got, "Share") || strings.Contains(got, "Skip") {
		t.Errorf("boilerplate kept: removed %+v, tokens %q", d.Removed, got)
	}
	for _, want := range []string{"Mr. Vance", "“ We do n't want", "guarantees , ” Zelensky said ."} {
		if !strings.Contains(got, want) {
			t.Errorf("tokens %q lack %q", got, want)
		}
	}
	open := strings.Index(text, "“")
	for i, tk := range d.Tokens {
		if tk.Start == open {
			if tk.Pair < 0 || d.Tokens[tk.Pair].In(text) != "”" || d.Tokens[tk.Pair].Pair != int32(i) {
				t.Errorf("opening mark pairs with %d", tk.Pair)
			}
		}
	}
	if len(d.Quotes) != 1 {
		t.Errorf("quotes: %+v", d.Quotes)
	}
}
