package parley

import "sort"

// POS is a universal part of speech (Universal Dependencies UPOS). The zero value is POSX, "no
// tag", so a token that no tagger has seen reads as unknown rather than as a noun.
type POS uint8

// The seventeen UPOS tags, in the order of the UD guidelines' list, after X.
const (
	POSX POS = iota
	POSADJ
	POSADP
	POSADV
	POSAUX
	POSCCONJ
	POSDET
	POSINTJ
	POSNOUN
	POSNUM
	POSPART
	POSPRON
	POSPROPN
	POSPUNCT
	POSSCONJ
	POSSYM
	POSVERB
	// NumPOS is the number of tags, for tables indexed by POS.
	NumPOS
)

var posNames = [NumPOS]string{"X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
	"NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"}

func (p POS) String() string {
	if p < NumPOS {
		return posNames[p]
	}
	return "X"
}

// ParsePOS reads a UPOS tag as CoNLL-U writes it; ok is false for anything else.
func ParsePOS(s string) (p POS, ok bool) {
	for i, n := range posNames {
		if n == s {
			return POS(i), true
		}
	}
	return POSX, false
}

// TokenKind says what sort of thing a token is, before any tagger has looked at it.
type TokenKind uint8

const (
	TokenWord   TokenKind = iota // letters, possibly with digits, inner hyphens, apostrophes, dots
	TokenNumber                  // starts with a digit: 2,000, 9/11, 3.5
	TokenPunct                   // a punctuation mark other than a quotation mark
	TokenQuote                   // a double or single quotation mark ('' and `` included)
	TokenSymbol                  // $, %, &, emoji and other symbols
)

// Token is one word or mark of the text: the unit every stage reads, made once by package
// segment and analysed once by package syntax. Words are split as Universal Dependencies
// splits them ("don't" is "do" + "n't", "Trump's" is "Trump" + "'s"), so the parser sees what
// it was trained on and every stage counts words the same way.
type Token struct {
	Span
	Kind TokenKind
	// Sent is the index of the sentence in Document.Sentences.
	Sent int32
	// Pair is, for a quotation mark, the index in Document.Tokens of the mark it pairs with,
	// and -1 for an unpaired mark and every other token.
	Pair int32
	// Lemma is the base form in lower case ("said" → "say", "talks" → "talk").
	Lemma string
	POS   POS
	// Head is the index in Document.Tokens of the token this one depends on; -1 for the root
	// of its sentence (and for every token before parsing).
	Head int32
	// Rel is the Universal Dependencies relation to the head ("nsubj", "obj", "obl:tmod",
	// "root"); "" before parsing.
	Rel string
}

// Opens reports whether t is a quotation mark that opens a quotation.
func (t *Token) Opens(self int) bool {
	return t.Kind == TokenQuote && t.Pair > int32(self)
}

// Closes reports whether t is a quotation mark that closes a quotation.
func (t *Token) Closes(self int) bool {
	return t.Kind == TokenQuote && t.Pair >= 0 && t.Pair < int32(self)
}

// SentenceTokens returns the tokens of sentence sent (an index of Document.Sentences): a part
// of toks, which must be in sentence order, as package segment makes Document.Tokens.
func SentenceTokens(toks []Token, sent int) []Token {
	lo := sort.Search(len(toks), func(i int) bool { return int(toks[i].Sent) >= sent })
	hi := lo
	for hi < len(toks) && int(toks[hi].Sent) == sent {
		hi++
	}
	return toks[lo:hi]
}

// Granularity says how precisely a temporal expression pins its date.
type Granularity uint8

const (
	GranularityDay   Granularity = iota // "on Monday", "20 August 2025"
	GranularityWeek                     // "last week"
	GranularityMonth                    // "earlier this month", "in March"
	GranularityVague                    // "recently": no date at all
)

// Timex is one temporal expression of the text, found once for every stage that dates what it
// reads.
type Timex struct {
	Span
	Sent        int32  // index of the sentence in Document.Sentences
	Text        string // the words, e.g. "on Monday"
	Date        string // YYYY-MM-DD, or "" when it cannot be resolved to a day
	Granularity Granularity
	Future      bool // the expression points forward ("next Friday", "tomorrow")
	// Relative is N for "N days after" and -N for "N days before": the clause it opens happened
	// that many days before (after) what the rest of the sentence tells of.
	Relative int
}
