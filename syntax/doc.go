// Package syntax reads the grammar of sentences: a part-of-speech tagger, a lemmatiser and a
// dependency parser that predict Universal Dependencies tags and relations. Every stage reads
// subjects, objects and clauses from this one analysis instead of guessing them from
// capitalisation and word order. The models are trained on the Universal Dependencies English
// treebank by cmd/train-syntax and embedded in the binary.
package syntax
