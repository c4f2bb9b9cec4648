package dedup

import (
	"math/rand/v2"
	"strings"
	"sync"
)

// Synthetic articles for benchmarks and estimator tests, so they need no shared data: words
// drawn from a generated vocabulary with the Zipf distribution of real text (a few words very
// common, most rare), in sentences and paragraphs of realistic length. Two documents share
// common words and the odd common phrase, as distinct news articles do, and little else.

var vocab = sync.OnceValue(func() []string {
	rng := rand.New(rand.NewPCG(7, 7))
	syllables := strings.Fields("ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu " +
		"ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu an en in on un ar er ir or ur st tr pl gr")
	seen := map[string]bool{}
	var words []string
	for len(words) < 30000 {
		var b strings.Builder
		for n := 1 + rng.IntN(4); n > 0; n-- {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
})

// synthDoc returns synthetic article number i: the same i gives the same text.
func synthDoc(i uint64) string {
	rng := rand.New(rand.NewPCG(i, 0x5eed))
	words := vocab()
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(words)-1))
	var b strings.Builder
	paras := 5 + rng.IntN(16)
	for p := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for s := 1 + rng.IntN(4); s > 0; s-- {
			n := 8 + rng.IntN(25)
			for k := range n {
				w := words[zipf.Uint64()]
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if k < n-1 {
					if rng.IntN(12) == 0 {
						b.WriteByte(',')
					}
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
		}
	}
	return b.String()
}

// synthCopy makes a copy of synthetic text: a paragraph dropped, a line of boilerplate on top
// and at the bottom.
func synthCopy(text string, rng *rand.Rand) string {
	ps := strings.Split(text, "\n\n")
	if len(ps) > 3 {
		i := rng.IntN(len(ps))
		ps = append(ps[:i:i], ps[i+1:]...)
	}
	return "Home | News | World | Sign in\n\n" + strings.Join(ps, "\n\n") +
		"\n\nShare this story. Sign up for our newsletter to get the news in your inbox."
}
