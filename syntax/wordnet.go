package syntax

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ReadWordNet reads the parts of speech of single-word lemmas, and of the irregular forms its
// exception lists give ("children" → noun, "went" → verb), from a WordNet 3.0 dictionary folder
// (index.noun … and noun.exc …, as Debian's wordnet-base installs them in /usr/share/wordnet).
// The tagger reads them for words its training data never showed.
func ReadWordNet(dir string) (map[string]uint8, error) {
	out := map[string]uint8{}
	for _, p := range []struct {
		name string
		bit  uint8
	}{{"noun", wnNoun}, {"verb", wnVerb}, {"adj", wnAdj}, {"adv", wnAdv}} {
		for _, file := range []string{"index." + p.name, p.name + ".exc"} {
			path := filepath.Join(dir, file)
			f, err := os.Open(path)
			if err != nil {
				return nil, fmt.Errorf("read WordNet: %w", err)
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<16), 1<<20)
			for sc.Scan() {
				line := sc.Text()
				if line == "" || line[0] == ' ' {
					continue // the licence header
				}
				w, _, _ := strings.Cut(line, " ")
				if strings.ContainsAny(w, "_") {
					continue
				}
				out[w] |= p.bit
			}
			err = sc.Err()
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("read WordNet %s: %w", path, err)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read WordNet: no lemmas in %s", dir)
	}
	return out, nil
}
