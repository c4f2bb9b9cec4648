package morph

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/parleynews/parley"
)

// The table's text form: "#" comment lines, a "[POS]" line opening each part of speech's
// section, then one entry a line, "form lemma", or just "form" for a form that is its own
// lemma (one the rules would otherwise change: "news", "need").

// Parse reads a table in its text form. The maps' strings share data's memory.
func Parse(data string) (*Table, error) {
	t := new(Table)
	var cur map[string]string
	for n := 1; data != ""; n++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '[':
			name := strings.TrimSuffix(line[1:], "]")
			pos, ok := parley.ParsePOS(name)
			if !ok || len(name) != len(line)-2 {
				return nil, fmt.Errorf("line %d: bad section %q", n, line)
			}
			if t[pos] == nil {
				t[pos] = map[string]string{}
			}
			cur = t[pos]
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("line %d: entry before the first section", n)
		}
		form, lemma, two := strings.Cut(line, " ")
		if !two {
			lemma = form
		}
		if form == "" || lemma == "" || strings.Contains(lemma, " ") {
			return nil, fmt.Errorf("line %d: bad entry %q", n, line)
		}
		cur[form] = lemma
	}
	return t, nil
}

// Format writes t in its text form, sections in POS order and entries sorted, after the
// header's lines as comments, so the same table always reads the same.
func (t *Table) Format(w io.Writer, header []string) error {
	b := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(b, "# %s\n", h)
	}
	for pos, m := range t {
		if len(m) == 0 {
			continue
		}
		fmt.Fprintf(b, "[%s]\n", parley.POS(pos))
		forms := make([]string, 0, len(m))
		for f := range m {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		for _, f := range forms {
			if l := m[f]; l == f {
				fmt.Fprintf(b, "%s\n", f)
			} else {
				fmt.Fprintf(b, "%s %s\n", f, l)
			}
		}
	}
	return b.Flush()
}
