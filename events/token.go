package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// Token kinds.
const (
	tkWord  = iota
	tkPoss  // the possessive 's or a bare apostrophe after a plural
	tkPunct // any other mark
)

// token is one word or mark of a sentence as the shallow parser reads it, with byte offsets
// into the document text. It is made from the document's tokens (see view).
type token struct {
	start, end int
	kind       int
	text       string // as written
	low        string // lower case, with the treebank's pieces written out ("n't" is "not")
	cap        bool   // starts with an upper-case letter
	lemma      string // verb or noun base form, filled in by the tagger
	noun       string // the lemma read as a noun, once hasNoun (see sentence.nounLemma)
	hasNoun    bool
}

// docTokens finds the tokens of each sentence among a document's tokens.
type docTokens struct {
	text   string
	toks   []parley.Token
	sents  []parley.Span
	ranges []tokRange // per sentence, its tokens in toks
	// dates says, per sentence, whether mayHoldDate holds of its tokens: 0 not yet known, 1
	// yes, 2 no. Earlier sentences are asked when a later one carries their date.
	dates   []int8
	scratch []token
}

type tokRange struct{ a, b int32 }

// newDocTokens indexes the tokens of doc by sentence. sents are the sentences the stage reads;
// when they are not the document's own (a text without sentences read as one), or the
// document has no tokens (a caller that ran no tokens stage), the text is split here as the
// pipeline's tokens stage splits it: live text only, off-topic text included.
func newDocTokens(doc *parley.Document, sents []parley.Span) *docTokens {
	toks := doc.Tokens
	own := len(doc.Sentences) > 0
	if (len(toks) == 0 || !own) && doc.Text != "" {
		var skip []parley.Span
		for _, r := range doc.Removed {
			if r.Reason != parley.ReasonOffTopic {
				skip = append(skip, r.Span)
			}
		}
		toks = segment.Tokens(doc.Text, doc.Paragraphs, sents, skip)
	}
	d := &docTokens{text: doc.Text, toks: toks, sents: sents, ranges: make([]tokRange, len(sents)),
		dates: make([]int8, len(sents))}
	// Segment makes the tokens of a sentence one run; a token out of its run, or from some
	// other hand, is left out rather than trusted.
	for k := range toks {
		si := toks[k].Sent
		if si < 0 || int(si) >= len(sents) {
			continue
		}
		r := &d.ranges[si]
		switch {
		case r.b == 0:
			r.a, r.b = int32(k), int32(k+1)
		case int(r.b) == k:
			r.b++
		}
	}
	return d
}

// tokenise splits a bare text as the pipeline's stages before this one do: paragraphs,
// sentences and tokens (of the live text, when doc has removals). For training, evaluation and
// tests, which give the stage texts rather than analysed documents.
func tokenise(doc *parley.Document) {
	doc.Paragraphs = segment.Paragraphs(doc.Text)
	doc.Sentences = segment.Sentences(doc.Text, doc.Paragraphs)
	var skip []parley.Span
	for _, r := range doc.Removed {
		skip = append(skip, r.Span)
	}
	doc.Tokens = segment.Tokens(doc.Text, doc.Paragraphs, doc.Sentences, skip)
}

// sentence appends the parser's tokens of sentence si to out.
func (d *docTokens) sentence(si int, out []token) []token {
	r := d.ranges[si]
	return view(d.text, d.sents[si], d.toks[r.a:r.b], out)
}

// noteDate records whether sentence si may hold a date, and returns it.
func (d *docTokens) noteDate(si int, may bool) bool {
	d.dates[si] = 2
	if may {
		d.dates[si] = 1
	}
	return may
}

// mayHoldDate reports whether the tokens of sentence si pass mayHoldDate.
func (d *docTokens) mayHoldDate(si int) bool {
	if d.dates[si] == 0 {
		d.scratch = d.sentence(si, d.scratch[:0])
		d.noteDate(si, mayHoldDate(d.scratch))
	}
	return d.dates[si] == 1
}

// view turns the tokens of one sentence (sp) into the parser's tokens, appended to out.
//
// The document's tokens are split as the Universal Dependencies treebank splits words; the
// parser's lexicon and word lists are of words as writers write them, so the view joins some
// pieces again and writes others out:
//   - a word that segment split inside a run of letters and digits is one word again (gonna,
//     3pm, dunno), except before a negation (can|not, do|nt), whose pieces the parser reads;
//   - hyphenated words are one word (long-term, al-Assad, Russian-backed, 12-year-old), as the
//     lexicon and the noun-phrase reading expect, but not after a full stop (U.S.-led);
//   - a dotted initialism keeps its full stop, at the end of a sentence too (U.S., a.m.);
//     another abbreviation's stop (Mr., Jan.) is a mark of its own;
//   - 's and a plural's apostrophe are possessive marks (tkPoss); n't reads "not", and the
//     words it leaves behind read whole ("ca" is "can", "wo" "will");
//   - the @ of a handle and the # of a hashtag stand apart.
func view(text string, sp parley.Span, src []parley.Token, out []token) []token {
	// Tokens from elsewhere are kept inside the sentence and the text.
	first, limit := max(sp.Start, 0), min(sp.End, len(text))
	for k := 0; k < len(src); k++ {
		t := &src[k]
		if t.Start < first || t.End > limit || t.Start >= t.End || len(out) > 0 && t.Start < out[len(out)-1].end {
			continue
		}
		s := text[t.Start:t.End]
		n := len(out)
		glued := n > 0 && out[n-1].end == t.Start && out[n-1].kind == tkWord
		switch t.Kind {
		case parley.TokenWord:
			if glued && possessive(s) {
				out = append(out, token{start: t.Start, end: t.End, kind: tkPoss, text: s, low: "'s"})
				continue
			}
			if negation(s) && (glued || strings.ContainsAny(s, "'’")) {
				if glued {
					// A sentence can open with the mark alone ("n’t …"): nothing to write out.
					if w := fullForm(out[n-1].low); w != "" {
						out[n-1].low = w
					}
				}
				out = append(out, token{start: t.Start, end: t.End, kind: tkWord, text: s, low: "not"})
				continue
			}
		case parley.TokenNumber:
		case parley.TokenQuote:
			// After an initialism's stop segment cuts 's in two (U.N. ' s): it is one mark.
			if k+1 < len(src) && glued && (s == "'" || s == "’") && t.Pair < 0 {
				if nx := &src[k+1]; nx.Start == t.End && nx.End <= limit && nx.End-nx.Start == 1 &&
					(text[nx.Start] == 's' || text[nx.Start] == 'S') {
					out = append(out, token{start: t.Start, end: nx.End, kind: tkPoss, text: text[t.Start:nx.End], low: "'s"})
					k++
					continue
				}
			}
			q := punct(text, t.Start, t.End)
			if s == "''" {
				// Two apostrophes read as the apostrophes they are made of, which a noun
				// phrase may hold: the ''fraudulent'' nomination.
				q.low = "'"
			}
			out = append(out, q)
			continue
		default:
			out = append(out, punct(text, t.Start, t.End))
			continue
		}
		start, end := t.Start, t.End
		if c := text[start]; (c == '@' || c == '#') && end-start > 1 {
			out = append(out, punct(text, start, start+1))
			start++
		}
		for k+1 < len(src) {
			nx := &src[k+1]
			if nx.Start != end || nx.End > limit {
				break
			}
			ns := text[nx.Start:nx.End]
			if word(nx) && !negation(ns) && wordRuneBefore(text, end) && wordRuneAt(text, nx.Start) {
				end = nx.End
				k++
				continue
			}
			if ns == "-" && k+2 < len(src) && wordRuneBefore(text, end) {
				if w := &src[k+2]; w.Start == nx.End && w.End <= limit && word(w) && wordRuneAt(text, w.Start) {
					end = w.End
					k += 2
					continue
				}
			}
			if ns == "." && initialism(text[start:end]) {
				end = nx.End
				k++
			}
			break
		}
		if end-start > 1 && text[end-1] == '.' && !initialism(text[start:end-1]) {
			out = append(out, makeWord(text, start, end-1), punct(text, end-1, end))
			continue
		}
		out = append(out, makeWord(text, start, end))
	}
	return out
}

func word(t *parley.Token) bool {
	return t.Kind == parley.TokenWord || t.Kind == parley.TokenNumber
}

func punct(text string, i, j int) token {
	p := text[i:j]
	return token{start: i, end: j, kind: tkPunct, text: p, low: p}
}

// possessive reports whether a word glued to the one before is its possessive mark: 's, or
// the apostrophe segment found after a plural (a quotation mark that pairs is no word).
func possessive(s string) bool {
	switch s {
	case "'s", "'S", "’s", "’S", "'", "’":
		return true
	}
	return false
}

// negation reports whether a piece that segment cut from the word before negates it: n't, or
// the not of cannot and the nt of dont (these two only when glued to that word).
func negation(s string) bool {
	switch s {
	case "n't", "N'T", "n’t", "N’T", "not", "NOT", "nt", "NT":
		return true
	}
	return false
}

// fullForm is the word that the treebank's piece before n't stands for, or "".
func fullForm(low string) string {
	switch low {
	case "ca":
		return "can"
	case "wo":
		return "will"
	case "sha":
		return "shall"
	}
	return ""
}

// initialism reports whether w ends as a dotted initialism does before its final stop: a
// single letter or digit after a full stop (U.S, a.m, D.C).
func initialism(w string) bool {
	n := len(w)
	return n >= 3 && w[n-2] == '.' && isAlnum(w[n-1])
}

func makeWord(text string, i, j int) token {
	w := text[i:j]
	t := token{start: i, end: j, kind: tkWord, text: w, low: w}
	r, _ := utf8.DecodeRuneInString(w)
	t.cap = unicode.IsUpper(r)
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			t.low = lowerFold(w)
			break
		}
	}
	return t
}

// lowerFold lower-cases a word and writes typographic apostrophes as plain ones.
func lowerFold(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return isAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordRuneBefore(text string, k int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:k])
	return isWordRune(r)
}

func wordRuneAt(text string, k int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	return isWordRune(r)
}
