package morph

import (
	"math/bits"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/internal/wordfilter"
)

// Index is a Table compiled for reading: one lookup of a form answers every part of speech,
// where Table.Lemma may look a word up in three maps before it falls back on the rules. Most
// words a text holds are in no section of the table, and those cost the Index a single miss.
// An Index is read-only, so one may serve any number of goroutines; it gives exactly the
// answers of the Table it was made from, as that table was when Index was called.
type Index struct {
	forms  map[string]indexEntry
	lemmas []string
	// maybe is a Bloom filter of the forms: a word whose two bits are not both set is in no
	// section of the table. Three words in four of running text are not, and the filter, small
	// enough to stay in cache, answers them without a probe of the map.
	maybe *wordfilter.Filter
}

// indexEntry says for which parts of speech the table answers a form (bit pos of has), and
// where in Index.lemmas those answers start, one for each set bit in order.
type indexEntry struct {
	has   uint32
	first uint32
}

// Index compiles t. The lookup order of Table.Lemma (an auxiliary falls back on the verbs, a
// word without a tag on the verbs, then on the nouns) is resolved here, once for each form.
func (t *Table) Index() *Index {
	ix := &Index{forms: map[string]indexEntry{}}
	seen := map[string]bool{}
	var forms []string
	for pos := range t {
		for f := range t[pos] {
			if !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
	}
	for _, f := range forms {
		e := indexEntry{first: uint32(len(ix.lemmas))}
		for pos := parley.POS(0); pos < parley.NumPOS; pos++ {
			if l, ok := t.lookup(f, pos); ok {
				e.has |= 1 << pos
				ix.lemmas = append(ix.lemmas, l)
			}
		}
		ix.forms[f] = e
	}
	ix.maybe = wordfilter.New(len(forms))
	for _, f := range forms {
		ix.maybe.Add(f)
	}
	return ix
}

// lookup is the table's part of Lemma: its answer for w read as pos, if it has one.
func (t *Table) lookup(w string, pos parley.POS) (string, bool) {
	if l, ok := t[pos][w]; ok {
		return l, true
	}
	switch pos {
	case parley.POSAUX:
		if l, ok := t[parley.POSVERB][w]; ok {
			return l, true
		}
	case parley.POSX:
		if l, ok := t[parley.POSVERB][w]; ok {
			return l, true
		}
		if l, ok := t[parley.POSNOUN][w]; ok {
			return l, true
		}
	}
	return "", false
}

// Lemma returns what Table.Lemma returns for the folded word w read as pos.
func (ix *Index) Lemma(w string, pos parley.POS) string {
	if pos >= parley.NumPOS {
		pos = parley.POSX
	}
	if !ix.maybe.MayHave(w) {
		return Rules(w, pos)
	}
	if e, ok := ix.forms[w]; ok && e.has&(1<<pos) != 0 {
		return ix.lemmas[e.first+uint32(bits.OnesCount32(e.has&(1<<pos-1)))]
	}
	return Rules(w, pos)
}
