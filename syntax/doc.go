// Package syntax reads the grammar of sentences: a part-of-speech tagger, a lemmatiser and a
// dependency parser that predict Universal Dependencies tags and relations. Every stage reads
// subjects, objects and clauses from this one analysis instead of guessing them from
// capitalisation and word order. The models are trained on the Universal Dependencies English
// treebank by cmd/train-syntax and embedded in the binary.
//
// Default returns the embedded model; Model.Parse tags and parses one sentence of words into
// an Analysis whose slices it reuses, without allocating, and a Model serves any number of
// goroutines. The tagger is a greedy averaged perceptron over UPOS; the parser is arc-eager
// with a dynamic oracle, an averaged perceptron choosing the transition and another the
// relation (with its subtype) of each arc. Both read Brown clusters and capitalisation counts
// learnt from unlabelled news text, and the tagger WordNet's parts of speech for words the
// treebank lacks. Weights are int8 in hash tables sized to stay in the processor's caches.
package syntax
