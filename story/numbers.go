package story

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// numberRE finds a written number with its currency sign, percent sign and multiplier.
var numberRE = regexp.MustCompile(`(?i)([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*(?:%|percent\b|per cent\b))?(\s+(?:thousand|million|billion|trillion)\b)?`)

var multipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var monthWords = vocab.Set("monthWords")

// appendNumbers adds the numbers of one sentence that count something named right after them
// ("133 drones", "$2.7 billion deal", "50%"). toks are the document's tokens.
func appendNumbers(out []numMention, doc *parley.Document, toks []parley.Token, s parley.Span) []numMention {
	text := doc.Text[s.Start:s.End]
	if !strings.ContainsAny(text, "0123456789") {
		return out
	}
	locs := numberRE.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 {
		return out
	}
	// The sentence's words, for the words around each number and its context.
	ws := docWords(doc.Text, toks, s.Start, s.End, nil)
	var context map[string]bool
	for _, m := range locs {
		start, end := m[0], m[1]
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			// Part of a word or code ("G7", "Su-35"), a citation marker ("[3]") or a time.
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '[' || r == ':' || r == '.' || r == '-' || r == '/' {
				continue
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if r == ']' || r == ':' || r == '/' || unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		digits := text[m[4]:m[5]]
		if m[2] < 0 && m[6] < 0 && m[8] < 0 && m[10] < 0 && len(digits) == 4 {
			if y, _ := strconv.Atoi(digits); y >= 1800 && y <= 2100 {
				continue // a year
			}
		}
		if prev := wordBefore(doc.Text, ws, s.Start+start); monthWords[prev] {
			continue // "Aug 20"
		}
		numText := digits
		if m[6] >= 0 {
			numText += text[m[6]:m[7]]
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(numText, ",", ""), 64)
		if err != nil {
			continue
		}
		if m[10] >= 0 {
			v *= multipliers[strings.ToLower(strings.TrimSpace(text[m[10]:m[11]]))]
		}
		var noun string
		if m[8] >= 0 {
			noun = "percent"
		} else {
			noun = wordAfter(doc.Text, ws, s.Start+end)
			if !contentWord(noun) || monthWords[noun] {
				continue
			}
			noun = syntax.Lemma(noun, parley.POSNOUN) // "drone" and "drones" name one quantity
		}
		if context == nil {
			context = map[string]bool{}
			for _, t := range ws {
				if contentWord(t.lower) {
					context[syntax.Lemma(t.lower, parley.POSNOUN)] = true
				}
			}
		}
		out = append(out, numMention{
			value: v, shown: strings.TrimSpace(text[start:end]), noun: noun, context: context,
			ev: evidence(doc, s, ""),
		})
	}
	return out
}

// wordBefore returns the word of ws (a sentence's words, in order) that ends right before
// offset p of text, with only spaces between; "" when there is none.
func wordBefore(text string, ws []token, p int) string {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].end > p }) - 1
	if i < 0 || strings.Trim(text[ws[i].end:p], " \u00a0") != "" {
		return ""
	}
	return ws[i].lower
}

// wordAfter returns the word of ws that starts right after offset p of text, with only spaces
// and hyphens between ("a 20-mile convoy"); "" when there is none.
func wordAfter(text string, ws []token, p int) string {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].start >= p })
	if i == len(ws) || strings.Trim(text[p:ws[i].start], " -\u00a0") != "" {
		return ""
	}
	return ws[i].lower
}

// contextSimilar reports whether two sentences with a number on one noun speak of the same
// quantity: they share most of their content words besides the number and the noun.
func contextSimilar(a, b numMention) bool {
	shared, union := 0, 0
	for w := range a.context {
		if w == a.noun {
			continue
		}
		union++
		if b.context[w] {
			shared++
		}
	}
	for w := range b.context {
		if w != b.noun && !a.context[w] {
			union++
		}
	}
	return shared >= 2 && union > 0 && float64(shared)/float64(union) >= 0.3
}
