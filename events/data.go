package events

import (
	"embed"
	"fmt"

	"github.com/parleynews/parley/internal/lexfile"
)

// The package's word lists and tables, in the format of internal/lexfile: lexicon.txt (the
// coding lexicon), words.txt (the parser's word classes), places.txt (the names of places and
// organisations the actor dictionary's countries lack, and the sectors of actor codes),
// plover.txt (PLOVER categories and CAMEO roots), verbclasses.txt (WordNet's classes of verbs,
// generated) and cameo.tsv (the CAMEO codes, generated). They are read when the package is
// initialised, except the lexicon, which is checked against the CAMEO table when the first
// stage is made.
//
//go:embed data/*.txt data/cameo.tsv
var dataFS embed.FS

var (
	vocab  = lexfile.MustRead(dataFS, "data/words.txt")
	places = lexfile.MustRead(dataFS, "data/places.txt")
	plover = lexfile.MustRead(dataFS, "data/plover.txt")
)

// category is a PLOVER category.
type category struct {
	name        string
	defaultRoot string // the CAMEO root of an event the model put in this category
	verb        string // for summaries
}

var (
	categories map[string]*category
	// ploverFold maps every PLOVER name the package accepts, older ones included, to the
	// category it uses.
	ploverFold map[string]string
	rootVerbs  map[string]string
	// verbalRoots are the CAMEO roots of verbal acts.
	verbalRoots map[string]bool
)

func init() {
	categories = map[string]*category{}
	ploverFold = map[string]string{}
	for _, l := range plover.Records("categories", 3, 4) {
		c := &category{name: l.Fields[0], defaultRoot: l.Fields[1], verb: l.Fields[2]}
		for _, n := range append([]string{c.name}, l.List(3)...) {
			if old, dup := ploverFold[n]; dup {
				panic(fmt.Sprintf("events: %v", l.Errorf("PLOVER name %s is already %s", n, old)))
			}
			ploverFold[n] = c.name
		}
		categories[c.name] = c
	}
	rootVerbs = map[string]string{}
	verbalRoots = map[string]bool{}
	for _, l := range plover.Records("roots", 3, 3) {
		switch l.Fields[1] {
		case "verbal":
			verbalRoots[l.Fields[0]] = true
		case "material":
		default:
			panic(fmt.Sprintf("events: %v", l.Errorf("root kind %q is not verbal or material", l.Fields[1])))
		}
		rootVerbs[l.Fields[0]] = l.Fields[2]
	}
}

// defaultRoot is the CAMEO root written for an event the model put in a category ("" for none).
func defaultRoot(category string) string {
	if c := categories[category]; c != nil {
		return c.defaultRoot
	}
	return ""
}

// FoldPLOVER returns the name the package uses for a PLOVER category, folding the older and
// finer names the 2021 conversion and the PLV data write (CONCEDE and RETREAT are YIELD);
// a name it does not know is returned as it is.
func FoldPLOVER(name string) string {
	if f, ok := ploverFold[name]; ok {
		return f
	}
	return name
}

// SummaryVerb returns the words a summary uses for an event of PLOVER category plover ("met",
// "attacked"), or, when the category is empty or unknown, for the root of its CAMEO code; ""
// when neither is known.
func SummaryVerb(plover, cameo string) string {
	if c := categories[FoldPLOVER(plover)]; c != nil {
		return c.verb
	}
	return rootVerbs[rootOf(cameo)]
}
