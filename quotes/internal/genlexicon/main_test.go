//go:build genlexicon

package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley/internal/lexfile"
	"github.com/parleynews/parley/quotes/internal/polnear"
)

// doc makes an article of one sentence, "<source> <cue> that <content>.", annotated as
// PolNeAR annotates it, in code points.
func doc(name, source, cue, content string) polnear.Doc {
	text := source + " " + cue + " that " + content + ".\n"
	at := func(s string) [2]int {
		i := strings.Index(text, s)
		a := utf8.RuneCountInString(text[:i])
		return [2]int{a, a + utf8.RuneCountInString(s)}
	}
	src, c := at(source), at(cue)
	return polnear.Doc{Name: name, Text: text, Runes: []rune(text), Gold: []polnear.Attribution{
		{Content: at(content), Source: &src, Cue: &c, Kind: polnear.GoldKind(content)},
	}}
}

func TestLearn(t *testing.T) {
	var docs []polnear.Doc
	// "fumed" is a hand-made cue, "blasted" is not; "grumped" is too rare to learn.
	for i, s := range []string{"Smith", "Jones", "Mr. Brown", "The minister", "Her spokesman", "Senator Lee"} {
		docs = append(docs, doc(s, s, "blasted", "the plan would fail"))
		docs = append(docs, doc(s+"2", s, "fumed", "the talks had collapsed"))
		if i < 4 {
			docs = append(docs, doc(s+"3", s, "grumped", "the deal was unfair"))
		}
	}
	got, err := learn(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].word != "blasted" || got[0].made != 6 || got[0].right < 2 {
		t.Fatalf("learned %+v, want only blasted, made 6 times", got)
	}
	again, err := learn(docs)
	if err != nil {
		t.Fatal(err)
	}
	b := format(got)
	if string(format(again)) != string(b) {
		t.Error("a second run wrote another table")
	}
	f, err := lexfile.Parse("learned.txt", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if ls := f.Records("", 3, 3); len(ls) != 1 || ls[0].Fields[0] != "blasted" {
		t.Errorf("table %q", b)
	}
}

func TestRunWithoutSplit(t *testing.T) {
	err := run(t.TempDir()+"/none", t.TempDir()+"/learned.txt", false)
	if err == nil || !strings.Contains(err.Error(), "not found") || !strings.Contains(err.Error(), "../shared") {
		t.Errorf("run without the split: %v", err)
	}
}
