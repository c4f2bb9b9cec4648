package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

type parseCommand struct{}

func (c *parseCommand) Run(_ context.Context, m *Main, args []string) error {
	fs := newFlags(m, "parse", "[flags] FILE...", `
Tags and parses sentences with parley's Universal Dependencies model: part of speech (UPOS),
head and relation of every word.

With --tokenized, each FILE is CoNLL-U whose sentences and words are kept as they are: UPOS,
HEAD and DEPREL are filled in, comments and FORM stay. Otherwise each FILE is plain text, split
into sentences and words first. "-" or no FILE reads standard input.`)
	tokenized := fs.Bool("tokenized", false, "the input is CoNLL-U: keep its sentences and words")
	format := fs.String("format", "conllu", "output format: conllu, or jsonl (one object per sentence: tokens, pos, head, rel)")
	outPath := fs.String("o", "", "write to this file instead of standard output")
	files, err := parse(m, fs, args)
	if err != nil {
		return err
	}
	if *format != "conllu" && *format != "jsonl" {
		return usageErr("unknown --format %q (conllu or jsonl)", *format)
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	model := syntax.Default()
	if err := syntax.DefaultErr(); err != nil {
		return parley.Errorf(parley.EINTERNAL, "parse: %v", err)
	}

	out := m.Stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			return fmt.Errorf("parse: %w", err)
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriter(out)
	var a syntax.Analysis
	for _, name := range files {
		sents, err := readParseInput(m, name, *tokenized)
		if err != nil {
			return err
		}
		for i := range sents {
			s := &sents[i]
			model.Parse(s.Words, &a)
			s.POS = append(s.POS[:0], a.POS...)
			s.Heads = append(s.Heads[:0], a.Heads...)
			s.Rels = append(s.Rels[:0], a.Rels...)
		}
		if *format == "jsonl" {
			err = writeParseJSONL(bw, sents)
		} else {
			err = syntax.WriteCoNLLU(bw, sents)
		}
		if err != nil {
			return fmt.Errorf("parse: write: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parse: write: %w", err)
	}
	if f, ok := out.(*os.File); ok && *outPath != "" {
		if err := f.Close(); err != nil {
			return fmt.Errorf("parse: write %s: %w", *outPath, err)
		}
	}
	return nil
}

// readParseInput reads one input, CoNLL-U or text, into sentences of words.
func readParseInput(m *Main, name string, tokenized bool) ([]syntax.Sentence, error) {
	var r io.Reader = m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
		defer f.Close()
		r = f
	}
	if tokenized {
		sents, err := syntax.ReadCoNLLU(r, name)
		if err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
		return sents, nil
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parse: read %s: %w", name, err)
	}
	var sents []syntax.Sentence
	for _, words := range sentenceWords(string(b)) {
		sents = append(sents, syntax.Sentence{Words: words})
	}
	return sents, nil
}

// sentenceWords splits text into sentences of words with the token layer every stage reads.
func sentenceWords(text string) [][]string { return syntax.SentenceWords(text) }

type parsedSentence struct {
	Tokens []string `json:"tokens"`
	POS    []string `json:"pos"`
	Head   []int    `json:"head"`
	Rel    []string `json:"rel"`
}

// writeParseJSONL writes one object per sentence; heads are 0-based word indices, -1 for the
// root.
func writeParseJSONL(w io.Writer, sents []syntax.Sentence) error {
	enc := json.NewEncoder(w)
	for _, s := range sents {
		p := parsedSentence{Tokens: s.Words, Head: s.Heads, Rel: s.Rels, POS: make([]string, len(s.POS))}
		for i, t := range s.POS {
			p.POS[i] = t.String()
		}
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return nil
}
