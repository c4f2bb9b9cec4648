package quotes

import (
	"embed"
	"strings"

	"github.com/parleynews/parley/internal/lexfile"
)

// The package's word lists, in the format of internal/lexfile: cues.txt (the reporting verbs
// and phrases), learned.txt (cue words learned from PolNeAR's training split, generated) and
// words.txt (the word classes of the parser).
//
//go:embed data/*.txt
var dataFS embed.FS

//go:generate go run -tags genlexicon ./internal/genlexicon -polnear ../../shared/bench/polnear/train -o data/learned.txt

var vocab = lexfile.MustRead(dataFS, "data/words.txt")

// cueClass describes how a reporting verb behaves.
type cueClass uint16

const (
	cInv    cueClass = 1 << iota // may follow its content and precede its subject: “…,” said Trump
	cObj                         // may take a hearer before the content: told reporters that …
	cNoun                        // its bare and -s forms are common nouns too: a report, claims
	cThink                       // a verb of thought or feeling: believes, fears
	cObject                      // its content is often a noun phrase: criticized the plan
	cEvid                        // hedges with no speaker: seems, appears, is expected to, reportedly
)

type formKind uint8

const (
	formBase formKind = iota
	form3sg
	formPast
	formIng
	formPart // a past participle distinct from the past tense
)

type cueWord struct {
	lemma   string
	class   cueClass
	form    formKind
	learned bool // from data/learned.txt, not the hand-made table
}

// classNames are the names data/cues.txt gives the classes.
var classNames = map[string]cueClass{"inv": cInv, "obj": cObj, "noun": cNoun, "think": cThink, "object": cObject, "evid": cEvid}

var (
	cueData = lexfile.MustRead(dataFS, "data/cues.txt")
	// multiCues are reporting phrases of several words, keyed by their first word.
	multiCues = func() map[string][][]string {
		m := map[string][][]string{}
		for _, l := range cueData.Lines("multiCues") {
			ws := l.Words()
			m[ws[0]] = append(m[ws[0]], ws)
		}
		return m
	}()
	cues = buildCues(readLearned(lexfile.MustRead(dataFS, "data/learned.txt")))
)

// noisyForms are cue forms that mislead more often than not: on PolNeAR's training split fewer
// than a quarter of the attributions they yielded were right ("known as", "pledged delegates",
// "the United States", "continued to").
var noisyForms = cueData.Set("noisyForms")

// buildCues compiles the hand-made table of data/cues.txt and the learned cue words.
func buildCues(learned []string) map[string]cueWord {
	lines := cueData.Records("cues", 2, 2)
	m := make(map[string]cueWord, len(lines)*5+len(learned))
	kinds := []formKind{formBase, form3sg, formPast, formIng, formPart}
	for _, l := range lines {
		f := strings.Fields(l.Fields[0])
		if len(f) > len(kinds) {
			panic("quotes: " + l.Errorf("%d forms, want at most %d", len(f), len(kinds)).Error())
		}
		var class cueClass
		for _, c := range l.List(1) {
			b, ok := classNames[c]
			if !ok {
				panic("quotes: " + l.Errorf("unknown cue class %q", c).Error())
			}
			class |= b
		}
		for i, w := range f {
			if old, dup := m[w]; (dup && kinds[i] != formPast && class&cEvid == 0) || noisyForms[w] || (dup && old.class&cEvid != 0) {
				continue
			}
			m[w] = cueWord{lemma: f[0], class: class, form: kinds[i]}
		}
	}
	for _, w := range learned {
		if _, known := m[w]; known || noisyForms[w] {
			continue
		}
		form := formBase
		switch {
		case strings.HasSuffix(w, "ing"):
			form = formIng
		case strings.HasSuffix(w, "ed"):
			form = formPast
		case strings.HasSuffix(w, "s"):
			form = form3sg
		}
		m[w] = cueWord{lemma: w, class: cObject, form: form, learned: true}
	}
	return m
}

// readLearned returns the words of data/learned.txt (see internal/genlexicon): word, right
// attributions and attributions made with it on PolNeAR's training split.
func readLearned(f *lexfile.File) []string {
	var out []string
	for _, l := range f.Records("", 3, 3) {
		out = append(out, l.Fields[0])
	}
	return out
}

var (
	subjPronouns = vocab.Set("subjPronouns")
	// prepositions take a noun phrase, never a clause ("after" and "before" may take either).
	prepositions = vocab.Set("prepositions")
	objPronouns  = vocab.Set("objPronouns")
	// articles and possessive determiners: what follows them is a noun ("the report").
	articles    = vocab.Set("articles")
	determiners = vocab.Set("determiners")
	// functionWords end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns.
	functionWords = vocab.Set("functionWords")
	// auxiliaries and adverbs that may stand between a subject and its verb: has also said.
	auxWords = vocab.Set("auxWords")
	beVerbs  = vocab.Set("beVerbs")
	// adjunctStarts open phrases that may follow a cue before its content or the end of the clause.
	adjunctStarts = vocab.Set("adjunctStarts")
	// clauseOpeners start a sentence with an adverbial that runs to the first comma.
	clauseOpeners = vocab.Set("clauseOpeners")
	leadingConj   = vocab.Set("leadingConj")
	// nameParticles may stand inside a person's name: Ursula von der Leyen.
	nameParticles = vocab.Set("nameParticles")
)

var (
	weekdays  = vocab.Set("weekdays")
	timeNouns = vocab.Set("timeNouns")
	timeLead  = vocab.Set("timeLead")
)

// lyWords end in -ly and are no adverbs.
var lyWords = vocab.Set("lyWords")

// adverbLike reports whether a lower-case word is an adverb that may sit beside a verb.
func adverbLike(w string) bool {
	if auxWords[w] {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyWords[w]
}
