package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
)

// Sentence is one sentence of a treebank, or one sentence as the parser analysed it: its word
// tokens (multi-word token lines and empty nodes left out, as the scorers leave them out) with
// their analyses. Head is 0-based and -1 for the root, unlike CoNLL-U's 1-based column.
type Sentence struct {
	Comments []string // the "# …" lines before the sentence, without the "#"
	Words    []string
	Lemmas   []string
	POS      []parley.POS
	XPOS     []string
	Feats    []string
	Heads    []int
	Rels     []string
}

// Len is the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// ReadCoNLLU reads every sentence of a CoNLL-U file. name is used in errors only.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case l == "":
			flush()
			continue
		case strings.HasPrefix(l, "#"):
			cur.Comments = append(cur.Comments, strings.TrimSpace(l[1:]))
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // a multi-word token or an empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q out of sequence", name, line, cols[0])
		}
		pos, ok := parley.ParsePOS(cols[3])
		if !ok && cols[3] != "_" {
			return nil, fmt.Errorf("%s:%d: unknown UPOS %q", name, line, cols[3])
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, fmt.Errorf("%s:%d: bad head %q", name, line, cols[6])
			}
			head = h - 1
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Lemmas = append(cur.Lemmas, cols[2])
		cur.POS = append(cur.POS, pos)
		cur.XPOS = append(cur.XPOS, cols[4])
		cur.Feats = append(cur.Feats, cols[5])
		cur.Heads = append(cur.Heads, head)
		cur.Rels = append(cur.Rels, cols[7])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flush()
	for i := range out {
		for j, h := range out[i].Heads {
			if h >= len(out[i].Words) {
				return nil, fmt.Errorf("%s: sentence %d word %d: head %d past the sentence", name, i+1, j+1, h+1)
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U, with the comments they carry. Columns the sentence
// lacks are written as "_".
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	col := func(s []string, i int) string {
		if i < len(s) && s[i] != "" {
			return s[i]
		}
		return "_"
	}
	for _, s := range sents {
		for _, c := range s.Comments {
			fmt.Fprintf(bw, "# %s\n", c)
		}
		for i, word := range s.Words {
			pos := "_"
			if i < len(s.POS) {
				pos = s.POS[i].String()
			}
			head := "_"
			if i < len(s.Heads) {
				head = strconv.Itoa(s.Heads[i] + 1)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t_\n", i+1, word, col(s.Lemmas, i), pos,
				col(s.XPOS, i), col(s.Feats, i), head, col(s.Rels, i))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
