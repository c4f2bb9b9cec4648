// Command gencameo writes the package's compact CAMEO table (cameo.tsv) from the public CAMEO
// codebook facts: each code's name and Goldstein value, and the PLOVER category the 2021
// CAMEO-to-PLOVER conversion assigns it. It runs at development time only (go generate), reading
// a codebook table and a conversion table given on the command line, and the package's own
// table of PLOVER categories (data/plover.txt), which says how the conversion's older names fold
// into the categories the package uses. The committed data/cameo.tsv is its output.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/parleynews/parley/internal/lexfile"
)

func main() {
	codebook := flag.String("codebook", "", "CSV of CAMEO codes with columns code, name, goldstein")
	plover := flag.String("plover", "", "CAMEO-to-PLOVER conversion table (code: CATEGORY, ...)")
	categories := flag.String("categories", "data/plover.txt", "the package's PLOVER categories and the older names they fold")
	out := flag.String("o", "data/cameo.tsv", "output file")
	flag.Parse()
	if err := run(*codebook, *plover, *categories, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

func run(codebookPath, ploverPath, categoriesPath, outPath string) error {
	mapping, err := readPlover(ploverPath)
	if err != nil {
		return err
	}
	fold, err := readFold(categoriesPath)
	if err != nil {
		return err
	}
	f, err := os.Open(codebookPath)
	if err != nil {
		return fmt.Errorf("open codebook: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("read codebook header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{"code", "name", "goldstein"} {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("codebook has no %q column", need)
		}
	}
	type row struct{ code, name, gold, plover string }
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read codebook: %w", err)
		}
		code := rec[col["code"]]
		if len(code) > 3 { // the package codes to three digits at most
			continue
		}
		p := mapping[code]
		if p == "" && len(code) == 2 {
			p = mapping[code+"0"]
		}
		switch {
		case strings.HasPrefix(code, "01"):
			p = "" // public statements have no PLOVER category
		case strings.HasPrefix(code, "02"):
			p = "REQUEST" // PLOVER merges CAMEO's appeals into REQUEST
		}
		if p != "" {
			f, ok := fold[p]
			if !ok {
				return fmt.Errorf("code %s: PLOVER category %s is not in %s", code, p, categoriesPath)
			}
			p = f
		}
		name := strings.Join(strings.Fields(rec[col["name"]]), " ")
		rows = append(rows, row{code, name, rec[col["goldstein"]], p})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	var b strings.Builder
	b.WriteString("# CAMEO event codes used by package events: code, Goldstein value, PLOVER category, name.\n")
	b.WriteString("# Derived from the public CAMEO codebook facts (code names, Goldstein scale values) and the\n")
	b.WriteString("# 2021 CAMEO-to-PLOVER conversion, with CONCEDE/RETREAT written YIELD and statements (01) left\n")
	b.WriteString("# without a category. Regenerate with go generate.\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", r.code, r.gold, r.plover, r.name)
	}
	return os.WriteFile(outPath, []byte(b.String()), 0o644)
}

// readFold reads the categories of data/plover.txt: each maps to itself, and its older names to it.
func readFold(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open PLOVER categories: %w", err)
	}
	defer f.Close()
	lf, err := lexfile.Parse(path, f)
	if err != nil {
		return nil, err
	}
	if !lf.Has("categories") {
		return nil, fmt.Errorf("%s has no [categories] section", path)
	}
	fold := map[string]string{}
	for _, l := range lf.Lines("categories") {
		if len(l.Fields) < 3 {
			return nil, l.Errorf("want a category, a root and words, got %q", l.Text)
		}
		for _, n := range append([]string{l.Fields[0]}, l.List(3)...) {
			fold[n] = l.Fields[0]
		}
	}
	return fold, nil
}

func readPlover(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open PLOVER table: %w", err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		cat, _, _ := strings.Cut(rest, ",")
		code, cat = strings.TrimSpace(code), strings.TrimSpace(cat)
		if code == "" || cat == "" {
			continue
		}
		if _, seen := m[code]; !seen {
			m[code] = cat
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read PLOVER table: %w", err)
	}
	return m, nil
}
