// Command train-events trains the event coder's model on a PLV-style TSV (sentences with the
// source and target marked and the gold PLOVER category) and writes it where package events
// embeds it. It also reports k-fold cross-validated scores, the honest measure of the model:
// the in-sample score of a model trained on all the data says little.
//
//	go run ./events/cmd/train-events -data ../shared/bench/plover/PLV_train.tsv -o events/model/events.model
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/parleynews/parley/events"
)

func main() {
	data := flag.String("data", "", "PLV-style TSV with marked_sentence and gold_root columns")
	out := flag.String("o", "", "where to write the model (nothing is written when empty)")
	folds := flag.Int("k", 5, "cross-validation folds (0 to skip)")
	epochs := flag.Int("epochs", 10, "training passes")
	seed := flag.Int64("seed", 1, "shuffling seed")
	flag.Parse()
	if err := run(*data, *out, *folds, events.TrainConfig{Epochs: *epochs, Seed: *seed}); err != nil {
		fmt.Fprintln(os.Stderr, "train-events:", err)
		os.Exit(1)
	}
}

func run(dataPath, out string, folds int, cfg events.TrainConfig) error {
	if dataPath == "" {
		return fmt.Errorf("-data is required")
	}
	f, err := os.Open(dataPath)
	if err != nil {
		return fmt.Errorf("open data: %w", err)
	}
	defer f.Close()
	data, err := events.ReadPLV(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", dataPath, err)
	}
	ctx := context.Background()
	if folds >= 2 {
		cv, err := events.CrossValidate(ctx, data, folds, cfg)
		if err != nil {
			return err
		}
		fmt.Printf("%d-fold cross-validated (honest):\n%s\n", folds, cv)
	}
	m, err := events.Train(data, cfg)
	if err != nil {
		return err
	}
	in, _, err := events.New(events.WithModel(m)).Evaluate(ctx, data)
	if err != nil {
		return err
	}
	fmt.Printf("in-sample (trained on all of it):\n%s", in)
	if out == "" {
		return nil
	}
	w, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create model: %w", err)
	}
	if _, err := m.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
