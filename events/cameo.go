package events

import (
	"fmt"
	"strconv"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/lexfile"
)

//go:generate go run ./internal/gencameo -codebook ../../shared/reference/cameo-codes.csv -plover ../../shared/reference/CAMEO2PLOVER-2021.txt -categories data/plover.txt -o data/cameo.tsv
//go:generate go run ./internal/genverbs -wordnet /usr/share/wordnet -o data/verbclasses.txt

// cameoInfo is what the package knows of one CAMEO code.
type cameoInfo struct {
	Name      string
	Goldstein float64
	PLOVER    string
}

func errorf(format string, args ...any) error {
	return &parley.Error{Code: parley.EINTERNAL, Message: fmt.Sprintf(format, args...)}
}

// parseCameo reads data/cameo.tsv: code, Goldstein value, PLOVER category (empty for
// statements), name. Every category must be one of data/plover.txt.
func parseCameo(f *lexfile.File) (map[string]cameoInfo, error) {
	m := map[string]cameoInfo{}
	for _, l := range f.Lines("") {
		if len(l.Fields) != 4 {
			return nil, errorf("%v", l.Errorf("want 4 fields, got %d", len(l.Fields)))
		}
		g, err := strconv.ParseFloat(l.Fields[1], 64)
		if err != nil {
			return nil, errorf("%v", l.Errorf("Goldstein value %q: %v", l.Fields[1], err))
		}
		p := l.Fields[2]
		if p != "" && categories[p] == nil {
			return nil, errorf("%v", l.Errorf("PLOVER category %q is not in data/plover.txt", p))
		}
		m[l.Fields[0]] = cameoInfo{Name: l.Fields[3], Goldstein: g, PLOVER: p}
	}
	return m, nil
}

// quadClass is CAMEO's four-way split of its roots.
func quadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root <= 5:
		return 1
	case root <= 9:
		return 2
	case root <= 14:
		return 3
	}
	return 4
}

// rootOf is the two-digit root of a code.
func rootOf(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}
