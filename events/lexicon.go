package events

import (
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"

	"github.com/parleynews/parley/internal/lexfile"
	"github.com/parleynews/parley/internal/wordfilter"
)

// entry is one line of the lexicon.
type entry struct {
	code     string
	lemma    string
	particle string
	objs     map[string]bool
	preps    []string
	sym      bool
	conv     bool
	clause   bool
	noun     bool
}

type lexicon struct {
	verbs map[string][]*entry // by lemma; entries with objects first
	nouns map[string]*entry   // by singular noun
	// compounds are two-word nouns ("hunger strike", "air strike") keyed by "first second".
	compounds map[string]*entry
	// laborStrike is the entry of "strike" as a labour action ("went on strike").
	laborStrike *entry
	// verbForms maps every inflected form of a known verb to its lemma, and nounForms holds
	// every form of an event noun and the first words of compounds: one map access tells the
	// parser whether a word can matter at all.
	verbForms map[string]string
	nounForms map[string]bool
	// verbFilter and nounFilter hold the keys of verbForms and nounForms: most words are
	// neither, and the filters say so without a map lookup.
	verbFilter, nounFilter *wordfilter.Filter
}

// verbForm is verbForms[w], asked through verbFilter.
func (lx *lexicon) verbForm(w string) (string, bool) {
	if !lx.verbFilter.MayHave(w) {
		return "", false
	}
	l, ok := lx.verbForms[w]
	return l, ok
}

// nounForm is nounForms[w], asked through nounFilter.
func (lx *lexicon) nounForm(w string) bool {
	return lx.nounFilter.MayHave(w) && lx.nounForms[w]
}

// index fills verbForms and nounForms.
func (lx *lexicon) index() {
	lx.verbForms = map[string]string{}
	lx.nounForms = map[string]bool{}
	var lemmas []string
	for l := range lx.verbs {
		lemmas = append(lemmas, l)
	}
	for _, m := range []map[string]bool{reportingVerbs, lightVerbs} {
		for l := range m {
			lemmas = append(lemmas, l)
		}
	}
	for l := range controlVerbs {
		lemmas = append(lemmas, l)
	}
	for form, l := range irregular {
		if lx.knownVerb(l) {
			lx.verbForms[form] = l
		}
	}
	for _, l := range lemmas {
		n := len(l)
		forms := []string{l, l + "s", l + "es", l + "ed", l + "d", l + "ing"}
		if n > 1 {
			last := l[n-1]
			forms = append(forms, l+string(last)+"ed", l+string(last)+"ing")
			if last == 'e' {
				forms = append(forms, l[:n-1]+"ing")
			}
			if last == 'y' {
				forms = append(forms, l[:n-1]+"ies", l[:n-1]+"ied")
			}
		}
		for _, f := range forms {
			if _, done := lx.verbForms[f]; done {
				continue
			}
			if syntax.Lemma(f, parley.POSVERB) == l {
				lx.verbForms[f] = l
			}
		}
	}
	for n := range lx.nouns {
		lx.nounForms[n] = true
		lx.nounForms[n+"s"] = true
		lx.nounForms[n+"es"] = true
		if strings.HasSuffix(n, "y") {
			lx.nounForms[n[:len(n)-1]+"ies"] = true
		}
	}
	for c := range lx.compounds {
		first, _, _ := strings.Cut(c, " ")
		lx.nounForms[first] = true
	}
	lx.verbFilter, lx.nounFilter = wordfilter.New(len(lx.verbForms)), wordfilter.New(len(lx.nounForms))
	for f := range lx.verbForms {
		lx.verbFilter.Add(f)
	}
	for f := range lx.nounForms {
		lx.nounFilter.Add(f)
	}
}

// parseLexicon compiles the entries of data/lexicon.txt; every code must be in the CAMEO table.
func parseLexicon(lines []lexfile.Line, table map[string]cameoInfo) (*lexicon, error) {
	lx := &lexicon{verbs: map[string][]*entry{}, nouns: map[string]*entry{}, compounds: map[string]*entry{}}
	for _, l := range lines {
		f := l.Fields
		if len(f) < 3 || (f[0] != "v" && f[0] != "n") {
			return nil, errorf("%v", l.Errorf("malformed entry %q: want v or n, a code and a word, separated by tabs", l.Text))
		}
		e := &entry{code: f[1], noun: f[0] == "n"}
		if _, ok := table[e.code]; !ok {
			return nil, errorf("%v", l.Errorf("code %s is not in the CAMEO table", e.code))
		}
		e.lemma, e.particle, _ = strings.Cut(f[2], "_")
		for _, opt := range f[3:] {
			switch {
			case strings.HasPrefix(opt, "o="):
				e.objs = map[string]bool{}
				for _, o := range strings.Split(opt[2:], "|") {
					if o != "" {
						e.objs[o] = true
					}
				}
			case strings.HasPrefix(opt, "p="):
				e.preps = strings.Split(opt[2:], "|")
			case opt == "sym":
				e.sym = true
			case opt == "conv":
				e.conv = true
			case opt == "clause":
				e.clause = true
			default:
				return nil, errorf("%v", l.Errorf("unknown option %q", opt))
			}
		}
		if e.noun {
			switch e.particle {
			case "":
				lx.nouns[e.lemma] = e
			case "labor":
				lx.laborStrike = e
			case "verbal", "suicide", "effort":
				// Variants kept for documentation; the plain noun carries the code.
			default:
				lx.compounds[e.lemma+" "+e.particle] = e
			}
			continue
		}
		switch e.particle {
		case "verbally", "work":
			continue // senses the tagger cannot tell apart; documented, not used
		}
		list := lx.verbs[e.lemma]
		if e.objs != nil || e.particle != "" {
			// Specific entries go before the general ones of the same lemma.
			i := 0
			for i < len(list) && (list[i].objs != nil || list[i].particle != "") {
				i++
			}
			list = append(list[:i], append([]*entry{e}, list[i:]...)...)
		} else {
			list = append(list, e)
		}
		lx.verbs[e.lemma] = list
	}
	lx.index()
	return lx, nil
}

func (lx *lexicon) knownVerb(w string) bool {
	_, ok := lx.verbs[w]
	return ok || reportingVerbs[w] || lightVerbs[w] || controlVerbs[w] != ""
}

// controlVerbs take an infinitive and say how the action it names stands: intended, refused,
// threatened, agreed, asked for, or simply done.
var controlVerbs = vocab.Map("controlVerbs")

// hasParticle reports whether a verb has an entry with the particle p ("let free", "call off").
func (lx *lexicon) hasParticle(lemma, p string) bool {
	for _, e := range lx.verbs[lemma] {
		if e.particle == p {
			return true
		}
	}
	return false
}

// restricted reports whether every entry of a verb names the objects it takes ("end" a strike,
// talks or aid): such a verb means something else with other objects.
func (lx *lexicon) restricted(lemma string) bool {
	es := lx.verbs[lemma]
	for _, e := range es {
		if e.objs == nil {
			return false
		}
	}
	return len(es) > 0
}
