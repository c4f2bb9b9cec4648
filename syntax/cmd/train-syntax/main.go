// Command train-syntax trains parley's tagger and parser on the Universal Dependencies English
// EWT dev and test files, measures them on English PUD, and writes the model that package
// syntax embeds. Run it from the repository root:
//
//	go run ./syntax/cmd/train-syntax ../shared/bench/ud
//
// Word clusters are computed first from unlabelled text: PolNeAR's training texts and ECB+'s
// dev texts in the shared folder beside the UD folder, and the EWT sentences. PUD is read only
// to measure the trained model.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parleynews/parley/segment"
	"github.com/parleynews/parley/syntax"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "train-syntax: %v\n", err)
		os.Exit(1)
	}
}

type options struct {
	ud, shared, wordnet, out, clusterFile, reuseClusters              string
	seed                                                              int64
	epochs, tagEpochs, folds, clusters, minCount, average, tagAverage int
	prune                                                             float64
	cross, final                                                      bool
}

func run(args []string) error {
	var o options
	fs := flag.NewFlagSet("train-syntax", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./syntax/cmd/train-syntax [flags] UD_FOLDER\n\nTrains the tagger and parser on UD_FOLDER's en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu,\nprints their scores on en_pud-ud-test.conllu and across the two EWT files, and writes the model.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.Int64Var(&o.seed, "seed", 1, "random seed (same seed, same model)")
	fs.IntVar(&o.epochs, "epochs", 15, "parser training epochs")
	fs.IntVar(&o.tagEpochs, "tag-epochs", 10, "tagger training epochs")
	fs.IntVar(&o.average, "average", 6, "parsers trained on different sentence orders whose weights are averaged")
	fs.IntVar(&o.tagAverage, "tag-average", 4, "taggers trained on different sentence orders whose weights are averaged")
	fs.IntVar(&o.folds, "folds", 10, "jackknife folds for the parser's training tags (0: gold tags)")
	fs.IntVar(&o.clusters, "clusters", 256, "number of Brown clusters (0: none)")
	fs.IntVar(&o.minCount, "min-count", 3, "least count of a word to be clustered")
	fs.Float64Var(&o.prune, "prune", 0.03, "drop features whose largest weight is below this share of the table's largest")
	fs.StringVar(&o.shared, "shared", "", "folder with the unlabelled texts (default: two folders above UD_FOLDER)")
	fs.StringVar(&o.wordnet, "wordnet", "/usr/share/wordnet", "WordNet 3.0 dictionary folder (Debian package wordnet-base); empty: none")
	fs.StringVar(&o.out, "out", "syntax/model/syntax.bin.gz", "model file to write")
	fs.StringVar(&o.clusterFile, "cluster-out", "syntax/model/clusters.txt", "where to write the word clusters")
	fs.StringVar(&o.reuseClusters, "reuse-clusters", "", "read clusters from this file instead of computing them")
	fs.BoolVar(&o.cross, "cross", true, "also train on each EWT file alone and score on the other")
	fs.BoolVar(&o.final, "final", true, "train the final model on both EWT files and write it")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("want one argument, the UD folder (../shared/bench/ud)")
	}
	o.ud = fs.Arg(0)
	if fi, err := os.Stat(o.ud); err != nil || !fi.IsDir() {
		return fmt.Errorf("UD folder %s not found: give the folder holding en_ewt-ud-dev.conllu, en_ewt-ud-test.conllu and en_pud-ud-test.conllu (../shared/bench/ud)", o.ud)
	}
	if o.shared == "" {
		o.shared = filepath.Join(o.ud, "..", "..")
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "[%5.0fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}

	dev, err := readTreebank(filepath.Join(o.ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	test, err := readTreebank(filepath.Join(o.ud, "en_ewt-ud-test.conllu"))
	if err != nil {
		return err
	}
	pud, err := readTreebank(filepath.Join(o.ud, "en_pud-ud-test.conllu"))
	if err != nil {
		return err
	}
	logf("read %d + %d EWT sentences, %d PUD sentences", len(dev), len(test), len(pud))

	var wn map[string]uint8
	if o.wordnet != "" {
		wn, err = syntax.ReadWordNet(o.wordnet)
		if err != nil {
			return fmt.Errorf("%w (install Debian's wordnet-base, or pass --wordnet '')", err)
		}
		logf("read %d WordNet words", len(wn))
	}

	text, err := unlabelled(o.shared, append(append([]syntax.Sentence(nil), dev...), test...))
	if err != nil {
		return err
	}
	nwords := 0
	for _, s := range text {
		nwords += len(s)
	}
	cases := syntax.CaseProfile(text)
	logf("read %d unlabelled sentences, %d words; case profiles of %d words", len(text), nwords, len(cases))
	var clusters map[string]string
	switch {
	case o.reuseClusters != "":
		clusters, err = readClusters(o.reuseClusters)
		if err != nil {
			return err
		}
		logf("read %d clusters of words from %s", len(clusters), o.reuseClusters)
	case o.clusters > 0:
		logf("clustering words into %d clusters", o.clusters)
		clusters = syntax.BrownClusters(text, o.clusters, o.minCount, logf)
		if err := writeClusters(o.clusterFile, clusters); err != nil {
			return err
		}
		logf("wrote %d word clusters to %s", len(clusters), o.clusterFile)
	}

	cfg := func(sents []syntax.Sentence) syntax.TrainConfig {
		return syntax.TrainConfig{Sentences: sents, Clusters: clusters, Case: cases, WordNet: wn, Seed: o.seed,
			TagEpochs: o.tagEpochs, ParseEpochs: o.epochs, Folds: o.folds, Average: o.average, TagAverage: o.tagAverage, Prune: o.prune, Log: logf}
	}
	var report []string
	if o.cross {
		for _, c := range []struct {
			name        string
			train, eval []syntax.Sentence
		}{{"train EWT dev, test EWT test", dev, test}, {"train EWT test, test EWT dev", test, dev}} {
			m, err := syntax.Train(cfg(c.train))
			if err != nil {
				return err
			}
			line := fmt.Sprintf("%s: %s", c.name, m.Evaluate(c.eval))
			logf("%s", line)
			report = append(report, line)
		}
	}
	if o.final {
		t0 := time.Now()
		m, err := syntax.Train(cfg(append(append([]syntax.Sentence(nil), dev...), test...)))
		if err != nil {
			return err
		}
		logf("trained the final model in %.0fs", time.Since(t0).Seconds())
		if err := save(o.out, m); err != nil {
			return err
		}
		fi, err := os.Stat(o.out)
		if err != nil {
			return err
		}
		logf("wrote %s (%.1f MB)", o.out, float64(fi.Size())/1e6)
		report = append(report, fmt.Sprintf("train EWT dev+test, test PUD: %s", m.Evaluate(pud)))
	}
	for _, l := range report {
		fmt.Println(l)
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

// unlabelled returns the sentences of the texts that the clusters are learnt from, split into
// words: PolNeAR's training texts, ECB+'s dev texts and the EWT sentences.
func unlabelled(shared string, ewt []syntax.Sentence) ([][]string, error) {
	var out [][]string
	for _, dir := range []string{"bench/polnear/train/text", "bench/ecbplus/dev/text"} {
		names, err := filepath.Glob(filepath.Join(shared, dir, "*.txt"))
		if err != nil || len(names) == 0 {
			return nil, fmt.Errorf("no unlabelled texts in %s (give the shared folder with --shared)", filepath.Join(shared, dir))
		}
		sort.Strings(names)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("read unlabelled text: %w", err)
			}
			text := string(b)
			for _, sp := range segment.Sentences(text, segment.Paragraphs(text)) {
				if words := syntax.SplitWords(text[sp.Start:sp.End]); len(words) > 0 {
					out = append(out, words)
				}
			}
		}
	}
	for _, s := range ewt {
		out = append(out, s.Words)
	}
	return out, nil
}

func writeClusters(path string, clusters map[string]string) error {
	words := make([]string, 0, len(clusters))
	for w := range clusters {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if clusters[words[i]] != clusters[words[j]] {
			return clusters[words[i]] < clusters[words[j]]
		}
		return words[i] < words[j]
	})
	var b strings.Builder
	b.WriteString("# Brown clusters of words from unlabelled news and web text, written by syntax/cmd/train-syntax: bit string, word\n")
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%s\n", clusters[w], w)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}

func readClusters(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		bits, w, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("read clusters %s: bad line %q", path, line)
		}
		out[w] = bits
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read clusters %s: %w", path, err)
	}
	return out, nil
}

func save(path string, m *syntax.Model) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
