// Command genlemma writes the lemma table that syntax.Lemma embeds (syntax/data/lemmas.txt):
// the forms whose lemma the suffix rules of syntax/internal/morph miss. It learns them from
// two sources. WordNet 3.0 gives the lemmas of English and its exception lists the irregular
// forms; genlemma inflects every lemma regularly, and where the rules cannot find the lemma
// again (hoped is hope, not hop; movies is movie), or where one form belongs to two lemmas
// (saw: see or saw), it writes down the one used most in WordNet's sense-tagged corpus. The
// lemma column of the Universal Dependencies English Web Treebank then overrides WordNet
// wherever the treebank says otherwise, since its conventions are the ones to follow ("data"
// is "data", "'s" as an auxiliary is "be", "me" is "I").
//
// go generate in package syntax runs it with the treebank at ../shared/bench/ud and WordNet as
// Debian's wordnet-base package installs it. The output depends on those files alone.
//
// With -eval, it also reports how often the table and rules find the gold lemma of a treebank
// read with its gold parts of speech, and the most frequent misses.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
	"github.com/parleynews/parley/syntax/internal/morph"
)

func main() {
	ud := flag.String("ud", "../../shared/bench/ud", "folder of the Universal Dependencies treebanks")
	banks := flag.String("treebanks", "en_ewt-ud-dev.conllu,en_ewt-ud-test.conllu", "comma-separated treebanks in -ud to learn from")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder (Debian's wordnet-base)")
	out := flag.String("o", "data/lemmas.txt", "table to write; - for standard output")
	eval := flag.String("eval", "", "treebank to measure the table on (never one it learnt from)")
	flag.Parse()
	if err := run(*ud, strings.Split(*banks, ","), *wordnet, *out, *eval); err != nil {
		fmt.Fprintln(os.Stderr, "genlemma:", err)
		os.Exit(1)
	}
}

func run(ud string, banks []string, wordnetDir, out, eval string) error {
	wn, err := readWordNet(wordnetDir)
	if err != nil {
		return err
	}
	var tb []syntax.Sentence
	for _, b := range banks {
		s, err := readTreebank(filepath.Join(ud, b))
		if err != nil {
			return err
		}
		tb = append(tb, s...)
	}
	t := build(wn, tb)
	var buf bytes.Buffer
	header := []string{
		"Lemma exceptions for syntax.Lemma: the forms whose lemma the suffix rules of",
		"syntax/internal/morph get wrong. Written by syntax/internal/genlemma (go generate); do not edit.",
		"Derived from WordNet 3.0 (lemma lists, exception lists, sense-tag counts; Princeton University,",
		"WordNet 3.0 licence) and from the lemma column of the Universal Dependencies English Web",
		"Treebank, dev and test splits (CC BY-SA 4.0), whose choices override WordNet's.",
		"Format: a [POS] line opens each part of speech; then \"form lemma\", or \"form\" alone for a",
		"form that is its own lemma.",
	}
	if err := t.Format(&buf, header); err != nil {
		return err
	}
	// The table must read back as written: Lemma parses this very file.
	back, err := morph.Parse(buf.String())
	if err != nil {
		return fmt.Errorf("generated table does not parse: %w", err)
	}
	n := 0
	for pos := range back {
		n += len(back[pos])
	}
	fmt.Fprintf(os.Stderr, "genlemma: %d entries\n", n)
	if eval != "" {
		if err := evaluate(back, eval); err != nil {
			return err
		}
	}
	if out == "-" {
		_, err = os.Stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

func readTreebank(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read treebank: %w", err)
	}
	defer f.Close()
	return syntax.ReadCoNLLU(f, path)
}

// The parts of speech WordNet has, as its files name them.
var wordnetPOS = []struct {
	file string
	pos  parley.POS
}{{"noun", parley.POSNOUN}, {"verb", parley.POSVERB}, {"adj", parley.POSADJ}, {"adv", parley.POSADV}}

type wordNet struct {
	// count is, per part of speech, every single-word lemma with the number of times its
	// senses are tagged in WordNet's sense-tagged corpus (0 for most).
	count map[parley.POS]map[string]int
	// exc is, per part of speech, each irregular form's lemmas, and excOf each lemma's forms.
	exc, excOf map[parley.POS]map[string][]string
}

func readWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{count: map[parley.POS]map[string]int{}, exc: map[parley.POS]map[string][]string{},
		excOf: map[parley.POS]map[string][]string{}}
	for _, p := range wordnetPOS {
		wn.count[p.pos], wn.exc[p.pos], wn.excOf[p.pos] = map[string]int{}, map[string][]string{}, map[string][]string{}
		err := eachLine(filepath.Join(dir, "index."+p.file), func(f []string) error {
			if len(f) > 0 && word(f[0]) {
				wn.count[p.pos][f[0]] = 0
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		err = eachLine(filepath.Join(dir, p.file+".exc"), func(f []string) error {
			if len(f) < 2 || !word(f[0]) {
				return nil
			}
			for _, l := range f[1:] {
				if word(l) {
					wn.exc[p.pos][f[0]] = append(wn.exc[p.pos][f[0]], l)
					wn.excOf[p.pos][l] = append(wn.excOf[p.pos][l], f[0])
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// cntlist.rev: "lemma%ss_type:…  sense_number tag_count"; ss_type 1 noun, 2 verb, 3 and 5
	// adjective, 4 adverb.
	kinds := map[byte]parley.POS{'1': parley.POSNOUN, '2': parley.POSVERB, '3': parley.POSADJ, '4': parley.POSADV, '5': parley.POSADJ}
	err := eachLine(filepath.Join(dir, "cntlist.rev"), func(f []string) error {
		if len(f) != 3 {
			return nil
		}
		lemma, key, ok := strings.Cut(f[0], "%")
		n, err := strconv.Atoi(f[2])
		if !ok || key == "" || err != nil {
			return nil
		}
		pos, ok := kinds[key[0]]
		if _, known := wn.count[pos][lemma]; ok && known {
			wn.count[pos][lemma] += n
		}
		return nil
	})
	return wn, err
}

// word reports whether a WordNet entry is one lower-case word of letters and inner hyphens, the
// only entries that inflect (the rest, like "new_york", never meet the table as one token).
func word(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || c == '-' && i > 0 && i < len(s)-1) {
			return false
		}
	}
	return s != ""
}

func eachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' { // the licence at the head of the index files
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// Where a candidate lemma comes from, in the order that breaks ties: an irregular form listed
// by WordNet, a regular inflection, the form as a lemma itself.
const (
	fromSelf = iota
	fromRegular
	fromExc
)

type cand struct {
	lemma string
	from  int
	count int
}

// better orders candidates: the more frequent lemma, then the likelier source, then by name.
func (a cand) better(b cand) bool {
	if a.count != b.count {
		return a.count > b.count
	}
	if a.from != b.from {
		return a.from > b.from
	}
	return a.lemma < b.lemma
}

type candidates map[string][]cand

func (c candidates) add(form, lemma string, from, count int) {
	for i, x := range c[form] {
		if x.lemma == lemma {
			if from > x.from {
				c[form][i].from = from
			}
			return
		}
	}
	c[form] = append(c[form], cand{lemma, from, count})
}

// best is the form's likeliest lemma. A verb form that is itself a verb is that verb, not a
// regular form of another one, however frequent: "seed" is no past of "see", nor "bed" of "be".
func (c candidates) best(form string, pos parley.POS) (cand, bool) {
	cs := c[form]
	self := false
	for _, x := range cs {
		self = self || x.lemma == form
	}
	found := false
	var b cand
	for _, x := range cs {
		if pos == parley.POSVERB && self && x.from == fromRegular {
			continue
		}
		if !found || x.better(b) {
			b, found = x, true
		}
	}
	return b, found
}

// inflect lists every WordNet lemma of pos and its forms: the irregular ones WordNet lists and,
// where it lists none of a kind, the regular ones.
func inflect(wn *wordNet, pos parley.POS) candidates {
	c := candidates{}
	count := wn.count[pos]
	for l, n := range count {
		c.add(l, l, fromSelf, n)
		for _, f := range regularForms(l, pos, n, wn.excOf[pos][l]) {
			c.add(f, l, fromRegular, n)
		}
	}
	for f, ls := range wn.exc[pos] {
		for _, l := range ls {
			c.add(f, l, fromExc, count[l])
		}
	}
	return c
}

func regularForms(l string, pos parley.POS, count int, irregular []string) []string {
	has := func(suffix string) bool {
		for _, f := range irregular {
			if strings.HasSuffix(f, suffix) {
				return true
			}
		}
		return false
	}
	n := len(l)
	last := l[n-1]
	consonantY := last == 'y' && n > 1 && !strings.ContainsRune("aeiou", rune(l[n-2]))
	sibilant := strings.HasSuffix(l, "s") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") ||
		strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "sh")
	consonantO := last == 'o' && n > 1 && !strings.ContainsRune("aeiou", rune(l[n-2]))
	plural := func() []string {
		switch {
		case sibilant:
			return []string{l + "es"}
		case consonantY:
			return []string{l[:n-1] + "ies"}
		case consonantO:
			return []string{l + "s", l + "es"}
		case strings.HasSuffix(l, "man"):
			return []string{l[:n-3] + "men", l + "s"} // businessmen, but Germans
		}
		return []string{l + "s"}
	}
	if n < 3 {
		return nil
	}
	var out []string
	switch pos {
	case parley.POSNOUN:
		// A lemma in -s is a plural already (humanities, doubles) or a Latin word (crisis,
		// apotheosis, whose plurals WordNet lists) unless it ends like bus, gas or lens.
		if last == 's' && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !strings.HasSuffix(l, "as") && !strings.HasSuffix(l, "ns") {
			return nil
		}
		// Of the -us words, the genera of plants and animals (amygdalus) have no plural in
		// use; the nouns that do (virus, bonus, campus) are the ones seen in WordNet's corpus.
		if strings.HasSuffix(l, "us") && count == 0 {
			return nil
		}
		out = plural()
	case parley.POSVERB:
		out = plural()
		if !has("ed") {
			switch {
			case last == 'e':
				out = append(out, l+"d")
			case consonantY:
				out = append(out, l[:n-1]+"ied")
			default:
				out = append(out, l+"ed")
			}
		}
		if !has("ing") {
			switch {
			case strings.HasSuffix(l, "ie"):
				out = append(out, l[:n-2]+"ying")
			case strings.HasSuffix(l, "ee") || strings.HasSuffix(l, "ye") || strings.HasSuffix(l, "oe") || l == "be":
				out = append(out, l+"ing")
			case last == 'e' && n > 2:
				out = append(out, l[:n-1]+"ing")
			default:
				out = append(out, l+"ing")
			}
		}
	case parley.POSADJ, parley.POSADV:
		// Words of one syllable take -er and -est, and those of two that end in -y, -le or
		// -ow (happy, simple, narrow), but no participle (coupled) and, of the adverbs, only
		// the short ones (fast, hard, soon).
		syl := syllables(l)
		short := syl == 1 && !strings.HasSuffix(l, "ed") ||
			syl == 2 && (consonantY || strings.HasSuffix(l, "le") || strings.HasSuffix(l, "ow"))
		if pos == parley.POSADV {
			short = syl == 1
		}
		if !short || len(irregular) > 0 || strings.Contains(l, "-") {
			return nil
		}
		switch {
		case last == 'e':
			out = []string{l + "r", l + "st"}
		case consonantY:
			out = []string{l[:n-1] + "ier", l[:n-1] + "iest"}
		default:
			out = []string{l + "er", l + "est"}
		}
	}
	return out
}

func syllables(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte("aeiouy", s[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// build makes the table: WordNet's choices where the rules miss them, the treebank's choices
// over them, and last the table for words without a tag, which reads the others.
func build(wn *wordNet, tb []syntax.Sentence) *morph.Table {
	t := new(morph.Table)
	for i := range t {
		t[i] = map[string]string{}
	}
	inflected := map[parley.POS]candidates{}
	for _, p := range wordnetPOS {
		c := inflect(wn, p.pos)
		inflected[p.pos] = c
		for f := range c {
			if b, _ := c.best(f, p.pos); morph.Rules(f, p.pos) != b.lemma {
				t[p.pos][f] = b.lemma
			}
		}
	}

	// The treebank's lemma for each form and part of speech: the most frequent one.
	seen := map[parley.POS]map[string]map[string]int{}
	for _, s := range tb {
		for i, w := range s.Words {
			form, lemma, pos := morph.Fold(w), strings.ToLower(s.Lemmas[i]), s.POS[i]
			if pos == parley.POSX || lemma == "_" || !entry(form) || !entry(lemma) {
				continue
			}
			if seen[pos] == nil {
				seen[pos] = map[string]map[string]int{}
			}
			if seen[pos][form] == nil {
				seen[pos][form] = map[string]int{}
			}
			seen[pos][form][lemma]++
		}
	}
	learn := func(pos parley.POS) {
		for _, form := range sortedKeys(seen[pos]) {
			delete(t[pos], form)
			rule := t.Lemma(form, pos)
			lemma, n := majority(seen[pos][form], rule)
			// A lemma seen once and much longer than its form is more likely a slip of the
			// annotation (a name run into an address) than a form to learn.
			if n < 2 && len(lemma) > len(form)+3 {
				continue
			}
			if lemma != rule {
				t[pos][form] = lemma
			}
		}
	}
	learn(parley.POSVERB) // first: auxiliaries fall back on the verbs' entries
	for pos := parley.POS(0); pos < parley.NumPOS; pos++ {
		if pos != parley.POSVERB && pos != parley.POSX {
			learn(pos)
		}
	}

	// A word without a tag takes its most frequent reading: the treebank's if it has the
	// word, else WordNet's. A word the treebank mostly reads as a closed-class word
	// ("during", "something", "her") is its own lemma: pronouns and determiners keep their
	// form where nothing says which one is meant.
	untagged := map[string]map[string]int{}
	closed := map[string]int{}
	for pos := parley.POS(0); pos < parley.NumPOS; pos++ {
		open := pos == parley.POSNOUN || pos == parley.POSVERB || pos == parley.POSADJ || pos == parley.POSADV || pos == parley.POSAUX || pos == parley.POSPROPN
		for form, ls := range seen[pos] {
			if untagged[form] == nil {
				untagged[form] = map[string]int{}
			}
			for l, n := range ls {
				if open {
					untagged[form][l] += n
				} else {
					closed[form] += n
				}
			}
		}
	}
	for form, n := range closed {
		total := 0
		for _, c := range untagged[form] {
			total += c
		}
		if n > total {
			untagged[form] = map[string]int{form: n}
		}
	}
	// The forms to read without a tag: the treebank's words, WordNet's lemmas and irregular
	// forms, and the regular forms of nouns and verbs (comparatives of rare adjectives are
	// mostly not English, and read as nouns they keep their ending anyway).
	forms := map[string]bool{}
	for pos, c := range inflected {
		for f, cs := range c {
			for _, x := range cs {
				if x.from != fromRegular || pos == parley.POSNOUN || pos == parley.POSVERB {
					forms[f] = true
				}
			}
		}
	}
	for f := range untagged {
		forms[f] = true
	}
	for _, f := range sortedKeys(forms) {
		rule := t.Lemma(f, parley.POSX)
		var lemma string
		if ls, ok := untagged[f]; ok {
			lemma, _ = majority(ls, rule)
		} else {
			var best cand
			found := false
			for _, p := range wordnetPOS {
				if b, ok := inflected[p.pos].best(f, p.pos); ok && (!found || b.better(best)) {
					best, found = b, true
				}
			}
			lemma = best.lemma
		}
		if lemma != rule {
			t[parley.POSX][f] = lemma
		}
	}
	return t
}

// entry reports whether a string can stand in the table's text form.
func entry(s string) bool {
	return s != "" && s[0] != '#' && s[0] != '[' && !strings.ContainsAny(s, " \t\n")
}

// majority returns the most frequent lemma and its count; a tie goes to the rules' lemma, then
// to the first by name.
func majority(ls map[string]int, rule string) (string, int) {
	best, n := "", 0
	for _, l := range sortedKeys(ls) {
		if c := ls[l]; c > n || c == n && l == rule {
			best, n = l, c
		}
	}
	return best, n
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// evaluate prints the share of words of a treebank whose lemma the table finds, with gold
// parts of speech, lemmas compared without case, and the most frequent misses to stderr.
func evaluate(t *morph.Table, path string) error {
	tb, err := readTreebank(path)
	if err != nil {
		return err
	}
	var total, right int
	byPOS := map[parley.POS][2]int{}
	misses := map[string]int{}
	for _, s := range tb {
		for i, w := range s.Words {
			gold := strings.ToLower(s.Lemmas[i])
			if gold == "_" {
				continue
			}
			got := t.Lemma(morph.Fold(w), s.POS[i])
			c := byPOS[s.POS[i]]
			c[0]++
			total++
			if got == gold {
				right++
				c[1]++
			} else {
				misses[fmt.Sprintf("%s %s: %s, not %s", s.POS[i], w, got, gold)]++
			}
			byPOS[s.POS[i]] = c
		}
	}
	if total == 0 {
		return fmt.Errorf("%s: no lemmas", path)
	}
	w := io.Writer(os.Stderr)
	fmt.Fprintf(w, "%s: lemma accuracy %.4f (%d/%d)\n", filepath.Base(path), float64(right)/float64(total), right, total)
	for pos := parley.POS(0); pos < parley.NumPOS; pos++ {
		if c := byPOS[pos]; c[0] > 0 {
			fmt.Fprintf(w, "  %-5s %.4f (%d/%d)\n", pos, float64(c[1])/float64(c[0]), c[1], c[0])
		}
	}
	keys := sortedKeys(misses)
	sort.SliceStable(keys, func(i, j int) bool { return misses[keys[i]] > misses[keys[j]] })
	for i, k := range keys {
		if i == 150 {
			break
		}
		fmt.Fprintf(w, "  %3d %s\n", misses[k], k)
	}
	return nil
}
