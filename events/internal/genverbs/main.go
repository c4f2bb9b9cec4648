// Command genverbs writes the package's table of verb classes (data/verbclasses.txt) from
// WordNet 3.0: for each verb lemma, the lexicographer classes (verb.communication,
// verb.competition, verb.motion …) of its most frequent senses. It runs at development time
// only (go generate), reading index.verb and data.verb from a WordNet folder such as the one
// Debian's wordnet-base installs in /usr/share/wordnet. The committed data/verbclasses.txt is
// its output; the event coder reads it to know what kind of act a verb its lexicon lacks names.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dictionary folder (index.verb, data.verb)")
	out := flag.String("o", "data/verbclasses.txt", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genverbs:", err)
		os.Exit(1)
	}
}

// classNames are WordNet's verb lexicographer files by number, without the "verb." prefix.
var classNames = map[int]string{
	29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition",
	34: "consumption", 35: "contact", 36: "creation", 37: "emotion", 38: "motion",
	39: "perception", 40: "possession", 41: "social", 42: "stative", 43: "weather",
}

// indexEntry is one line of index.verb: a lemma and its synsets, most frequent sense first,
// of which the first tagged have counts in the semantic concordance.
type indexEntry struct {
	lemma   string
	offsets []string
	tagged  int
}

// synset is the part of a data.verb line the table needs.
type synset struct {
	offset string
	class  int
}

// parseIndexLine reads "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…".
func parseIndexLine(line string) (indexEntry, error) {
	f := strings.Fields(line)
	if len(f) < 6 {
		return indexEntry{}, fmt.Errorf("index line %q: too few fields", line)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return indexEntry{}, fmt.Errorf("index line %q: synset count %q", line, f[2])
	}
	p, err := strconv.Atoi(f[3])
	if err != nil || 4+p+2 > len(f) {
		return indexEntry{}, fmt.Errorf("index line %q: pointer count %q", line, f[3])
	}
	tagged, err := strconv.Atoi(f[4+p+1])
	if err != nil {
		return indexEntry{}, fmt.Errorf("index line %q: tagged sense count %q", line, f[4+p+1])
	}
	offs := f[4+p+2:]
	if len(offs) != n {
		return indexEntry{}, fmt.Errorf("index line %q: %d synsets, %d offsets", line, n, len(offs))
	}
	return indexEntry{lemma: f[0], offsets: offs, tagged: tagged}, nil
}

// parseDataLine reads the start of "offset lex_filenum ss_type w_cnt word lex_id … p_cnt …
// | gloss", where w_cnt is two hexadecimal digits.
func parseDataLine(line string) (synset, error) {
	body, _, _ := strings.Cut(line, " | ")
	f := strings.Fields(body)
	if len(f) < 4 {
		return synset{}, fmt.Errorf("data line %.40q: too few fields", line)
	}
	class, err := strconv.Atoi(f[1])
	if err != nil {
		return synset{}, fmt.Errorf("data line %.40q: lexicographer file %q", line, f[1])
	}
	w, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil || w < 1 || 4+2*int(w) > len(f) {
		return synset{}, fmt.Errorf("data line %.40q: word count %q", line, f[3])
	}
	return synset{offset: f[0], class: class}, nil
}

// readLines calls fn on every line of a WordNet file that is not part of its licence header
// (those lines begin with a space).
func readLines(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read WordNet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func run(dir, outPath string) error {
	var entries []indexEntry
	if err := readLines(filepath.Join(dir, "index.verb"), func(l string) error {
		e, err := parseIndexLine(l)
		if err == nil {
			entries = append(entries, e)
		}
		return err
	}); err != nil {
		return err
	}
	synsets := map[string]synset{}
	if err := readLines(filepath.Join(dir, "data.verb"), func(l string) error {
		s, err := parseDataLine(l)
		if err == nil {
			synsets[s.offset] = s
		}
		return err
	}); err != nil {
		return err
	}
	if len(entries) == 0 || len(synsets) == 0 {
		return fmt.Errorf("read WordNet: no verbs in %s", dir)
	}
	table := build(entries, synsets)
	if err := os.WriteFile(outPath, []byte(table), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	fmt.Fprintf(os.Stderr, "genverbs: %d bytes\n", len(table))
	return nil
}

const header = `# Verb classes, derived from WordNet 3.0 (Princeton University; licence in NOTICE) by
# events/internal/genverbs (go generate ./events) from index.verb and data.verb.
#
#	class[|class]	lemma lemma …
#
# A record lists the verb lemmas whose most frequent senses WordNet puts in the given
# lexicographer classes (verb.communication is written communication): the first sense's class,
# then the next class among the senses with counts in WordNet's semantic concordance, in
# WordNet's order of frequency. Only lemmas with at least one such counted sense are listed:
# single words, and particle verbs written with "_" ("carry_out"). A class may take several
# lines.

`

// maxClasses is how many classes a lemma keeps.
const maxClasses = 2

// lineWidth is where the generator wraps a record's list of lemmas.
const lineWidth = 96

// build writes the table: one record a set of classes, lemmas in alphabetical order.
func build(entries []indexEntry, synsets map[string]synset) string {
	bySig := map[string][]string{}
	for _, e := range entries {
		if cs := classes(e, synsets); cs != nil {
			sig := strings.Join(cs, "|")
			bySig[sig] = append(bySig[sig], e.lemma)
		}
	}
	sigs := make([]string, 0, len(bySig))
	for s := range bySig {
		sigs = append(sigs, s)
	}
	sort.Strings(sigs)
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("[verbs]\n")
	for _, sig := range sigs {
		ls := bySig[sig]
		sort.Strings(ls)
		n := 0
		for _, l := range ls {
			if n > 0 && n+1+len(l) > lineWidth {
				b.WriteByte('\n')
				n = 0
			}
			if n == 0 {
				b.WriteString(sig)
				b.WriteByte('\t')
				n = len(sig) + 8
			} else {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(l)
			n += len(l)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// classes returns the classes the table gives a lemma, or nil when it leaves the lemma out:
// a lemma with no counted sense, of more than two words, or with digits or punctuation.
func classes(e indexEntry, synsets map[string]synset) []string {
	if e.tagged == 0 || strings.Count(e.lemma, "_") > 1 || strings.ContainsAny(e.lemma, "-.'0123456789") {
		return nil
	}
	var out []string
	for _, off := range e.offsets[:min(e.tagged, len(e.offsets))] {
		s, ok := synsets[off]
		if !ok {
			continue
		}
		c := classNames[s.class]
		if c == "" || slices.Contains(out, c) {
			continue
		}
		out = append(out, c)
		if len(out) == maxClasses {
			break
		}
	}
	return out
}
