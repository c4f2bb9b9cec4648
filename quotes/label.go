package quotes

import "github.com/parleynews/parley"

// A speaker label opens a paragraph with a name and a colon: the headline convention
// ("Zelensky: Ukraine Will Not Give Up Its Land", "Trump: ‘I’m the Worst Thing That Ever
// Happened to the Establishment’") and transcripts ("Q: …", "KATE BOLDUAN: …"). The words after
// the colon, to the end of the paragraph, are the speaker's, quoted or paraphrased.

// maxLabelWords bounds a label: a name with a title or an outlet ("NY Daily News"); a longer
// run of capitalised words before a colon is a headline's topic, not a speaker.
const maxLabelWords = 4

// label reports the speaker label opening the current sentence, if it starts a paragraph, and
// the content it introduces.
func (z *analyzer) label() (at attribution, ok bool) {
	if z.a >= z.b || !z.toks[z.a].is(fParaStart) {
		return at, false
	}
	colon := none
	for k := z.a; k < z.b && k <= z.a+maxLabelWords; k++ {
		if z.punct(k, ":") {
			colon = k
			break
		}
		t := &z.toks[k]
		if t.k != kWord || t.is(fDigit) || t.is(fPoss) || labelWords[t.low] || timeNouns[t.low] {
			return at, false
		}
		if _, cue := cues[t.low]; cue {
			return at, false // "Trump Says: …" is a reporting verb's business
		}
		inner := k > z.a && (t.low == "and" || t.low == "of" || nameParticles[t.low])
		if !t.is(fCap) && !inner {
			return at, false
		}
	}
	if colon == none || colon == z.a || !z.word(colon-1) || !z.toks[colon-1].is(fCap) || clauseOpeners[z.toks[z.a].low] {
		return at, false
	}
	if !z.speakerLabel(z.a, colon) {
		return at, false
	}
	// The content runs to the end of the paragraph, which may hold several sentences.
	end := colon + 1
	for end < len(z.toks) && !z.toks[end].is(fParaStart) {
		end++
	}
	if !z.labelContent(colon+1, end) {
		return at, false
	}
	at = attribution{
		cue:     cueAt{i: colon, j: colon + 1, w: cueWord{lemma: ":", class: cObject}},
		hasCue:  true,
		src:     span2{z.a, colon},
		content: span2{colon + 1, end},
		q1:      none, q2: none,
	}
	return at, true
}

// speakerLabel reports whether tokens [a, b) can name a speaker. A transcript's labels are in
// capitals ("KATE BOLDUAN", "Q"). Otherwise, where the actors stage has run, the label's head
// must be an actor's mention, which tells "John McCain: …" from a headline's topic ("Geneva
// Summit: What We Know"); without actors, a short run of capitalised words is taken as a name.
func (z *analyzer) speakerLabel(a, b int) bool {
	caps := true
	for k := a; k < b; k++ {
		if !z.toks[k].is(fAllCap) && z.toks[k].e-z.toks[k].s > 1 {
			caps = false
		}
	}
	if caps && !z.titleCase() {
		return true
	}
	if z.res == nil || len(z.res.mentions) == 0 {
		return true
	}
	head := parley.Span{Start: z.toks[b-1].s, End: z.toks[b-1].e}
	_, ok := z.res.actorAt(head)
	return ok
}

// labelContent reports whether tokens [a, b) can be somebody's words: a quotation, or three
// words or more that are not a list of figures ("Clinton: 1,769.") or another label
// ("Name: Jane Doe Age: 27").
func (z *analyzer) labelContent(a, b int) bool {
	words, digits := 0, 0
	for k := a; k < b; k++ {
		switch z.toks[k].k {
		case kQuote:
			return true
		case kWord:
			words++
			if z.toks[k].is(fDigit) {
				digits++
			}
			if k+1 < b && k-a < 6 && z.toks[k+1].k == kPunct && z.toks[k+1].low == ":" {
				return false
			}
		}
	}
	return words >= 3 && digits*3 < words
}

// labelWords open the labels that are no speaker: section names, notes to the reader, media
// captions, running headlines ("The Latest:", "Editor's note:", "Watch:", "Poll Update:").
var labelWords = vocab.Set("labelWords")
