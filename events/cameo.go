package events

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
)

//go:generate go run ./internal/gencameo -codebook ../../shared/reference/cameo-codes.csv -plover ../../shared/reference/CAMEO2PLOVER-2021.txt -o cameo.tsv

//go:embed cameo.tsv
var cameoTSV string

// cameoInfo is what the package knows of one CAMEO code.
type cameoInfo struct {
	Name      string
	Goldstein float64
	PLOVER    string
}

func errorf(format string, args ...any) error {
	return &parley.Error{Code: parley.EINTERNAL, Message: fmt.Sprintf(format, args...)}
}

func parseCameo(src string) (map[string]cameoInfo, error) {
	m := map[string]cameoInfo{}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, errorf("cameo table line %d: want 4 fields, got %d", n+1, len(f))
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, errorf("cameo table line %d: Goldstein value %q: %v", n+1, f[1], err)
		}
		m[f[0]] = cameoInfo{Name: f[3], Goldstein: g, PLOVER: f[2]}
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

// ploverDefault is the CAMEO root written for an event whose category the model chose and the
// lexicon did not name.
var ploverDefault = map[string]string{
	"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "YIELD": "08",
	"ACCUSE": "11", "REQUEST": "10", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
	"MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "19",
}
