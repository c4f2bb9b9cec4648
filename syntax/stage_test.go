package syntax

import (
	"context"
	"testing"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// TestStage runs the stage on a document of two sentences and checks that heads point into
// Document.Tokens (not into the sentence) and never leave the sentence, and that every token
// gets a tag, a lemma and a relation.
func TestStage(t *testing.T) {
	text := "Officials said the talks failed. The president signed the agreement on Tuesday."
	d := &parley.Document{Text: text}
	d.Paragraphs = segment.Paragraphs(text)
	d.Sentences = segment.Sentences(text, d.Paragraphs)
	d.Tokens = segment.Tokens(text, d.Paragraphs, d.Sentences, nil)
	st := New()
	if st.Name() != "syntax" {
		t.Errorf("stage name %q", st.Name())
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	roots := map[int32]int{}
	for i, tk := range d.Tokens {
		if tk.Lemma == "" || tk.Rel == "" || tk.POS == parley.POSX {
			t.Errorf("token %d %q: lemma %q rel %q pos %v", i, tk.In(text), tk.Lemma, tk.Rel, tk.POS)
		}
		if tk.Head < 0 {
			roots[tk.Sent]++
			continue
		}
		if int(tk.Head) >= len(d.Tokens) || d.Tokens[tk.Head].Sent != tk.Sent || int(tk.Head) == i {
			t.Errorf("token %d %q: head %d outside its sentence", i, tk.In(text), tk.Head)
		}
	}
	if roots[0] != 1 || roots[1] != 1 {
		t.Errorf("roots per sentence: %v, want one each", roots)
	}
	// The second sentence's tokens must name heads in the second sentence.
	for i, tk := range d.Tokens {
		if tk.In(text) == "president" && (tk.Head < 0 || d.Tokens[tk.Head].In(text) != "signed") {
			t.Errorf("token %d president: head %d, want signed", i, tk.Head)
		}
		if tk.In(text) == "signed" && tk.Lemma != "sign" {
			t.Errorf("signed: lemma %q", tk.Lemma)
		}
	}
}
