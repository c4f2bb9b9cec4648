package actors

import (
	"embed"

	"github.com/parleynews/parley/internal/lexfile"
)

// The stage's word lists, in the format of internal/lexfile: titles.txt (offices, title
// modifiers, honorifics, U.S. states) and words.txt (organisation heads, name particles,
// pronouns and the other word lists of recognition). The dictionary of actors is data/*.tsv.
//
//go:embed data/titles.txt data/words.txt
var lexFS embed.FS

var words = lexfile.MustRead(lexFS, "data/words.txt")

var (
	// orgHeads are the words that make a capitalised phrase an organisation, with the CAMEO
	// role code it gets.
	orgHeads = words.Map("orgHeads")
	// orgKeywords are words inside an organisation's name that decide its sector over the head
	// word.
	orgKeywords = words.Map("orgKeywords")
	// stopCaps are capitalised words that do not begin or continue a name.
	stopCaps = words.Set("stopCaps")
	// particles join the parts of a name: "Ursula von der Leyen", "Ahmed al-Sharaa".
	particles = words.Set("particles")
	// groupNouns turn a demonym into one of its country's institutions: "Russian forces" is
	// the Russian military, "Ukrainian officials" the Ukrainian government.
	groupNouns  = words.Map("groupNouns")
	sectorNames = words.Map("sectorNames")
	// introWords open a sentence with a phrase that is not its subject ("During a tense Oval
	// Office exchange with Trump, Zelensky pressed ..."); the subject comes after the comma.
	introWords = words.Set("introWords")
	// nameFollowers are words after which a name is part of another name: "Trump Tower",
	// "George Washington University", "Donald Trump Jr.".
	nameFollowers = words.Set("nameFollowers")
	// abbrevs are words whose full stop belongs to them, in lower case ("Sen." and "sen."
	// alike, so that the title lexicon, written in lower case, splits the same way as the text).
	abbrevs = words.Set("abbrevs")
	// pronouns are the pronouns the stage resolves.
	pronouns = func() map[string]pronoun {
		m := map[string]pronoun{}
		for _, l := range words.Records("pronouns", 3, 3) {
			var p pronoun
			switch g := l.Fields[1]; g {
			case "m", "f":
				p.gender = g[0]
			case "-":
			default:
				panic("actors: " + l.Errorf("gender %q is not m, f or -", g).Error())
			}
			for _, f := range l.List(2) {
				switch f {
				case "person":
					p.person = true
				case "plural":
					p.plural = true
				case "verb":
					p.needVerb = true
				default:
					panic("actors: " + l.Errorf("unknown pronoun property %q", f).Error())
				}
			}
			m[l.Fields[0]] = p
		}
		return m
	}()
)

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
