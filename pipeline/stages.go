package pipeline

import (
	"context"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/actors"
	"github.com/parleynews/parley/clean"
	"github.com/parleynews/parley/dates"
	"github.com/parleynews/parley/events"
	"github.com/parleynews/parley/extract"
	"github.com/parleynews/parley/offtopic"
	"github.com/parleynews/parley/quotes"
	"github.com/parleynews/parley/segment"
	"github.com/parleynews/parley/stances"
)

// Stage names, in the order Default runs them.
const (
	StagePrepare = "prepare"
	StageSegment = "segment"
	StageClean   = "clean"
	StageTokens  = "tokens"
)

// Options configure the analysis. The zero value is a sensible default.
type Options struct {
	// Profile is the tracking profile whose issues stances are read on; nil derives issues
	// from the text.
	Profile *stances.Profile
	// Actors is the actor dictionary; nil means the built-in one.
	Actors *actors.Dictionary
}

// Default returns the full analysis pipeline, in order: the text is prepared and segmented,
// cleaned and split into tokens, its actors found, then what they said, did and stand for.
func Default(opt Options) *Pipeline {
	return &Pipeline{Stages: []Stage{
		StageFunc{StagePrepare, prepare},
		StageFunc{StageSegment, segmentStage},
		StageFunc{StageClean, func(_ context.Context, d *parley.Document) error { return clean.Clean(d) }},
		StageFunc{StageTokens, tokensStage},
		dates.New(),
		actors.New(opt.Actors),
		offtopic.New(),
		quotes.New(),
		events.New(),
		stances.New(opt.Profile),
	}}
}

// prepare makes the text that everything else annotates: HTML is reduced to its article, plain
// text is kept exactly as decoded. The document's ID is fixed here, from that text.
func prepare(_ context.Context, d *parley.Document) error {
	if d.Format == parley.FormatHTML {
		res, err := extract.HTML(d.Raw, d.URL)
		if err != nil {
			return err
		}
		d.Text = res.Text
		d.Raw = nil // the page has served its purpose; keep memory per document small
		if d.Title == "" {
			d.Title = res.Title
		}
		if d.Published == "" {
			d.Published = res.Published
		}
		if d.URL == "" {
			d.URL = res.URL
		}
		d.Author, d.Language = res.Author, res.Language
		for _, r := range res.Repairs {
			d.Flags = append(d.Flags, parley.Flag{Kind: parley.FlagPageRepaired, Detail: r})
		}
	}
	d.ID = ContentID(d.Text)
	return nil
}

func segmentStage(_ context.Context, d *parley.Document) error {
	d.Paragraphs = segment.Paragraphs(d.Text)
	d.Sentences = segment.Sentences(d.Text, d.Paragraphs)
	return nil
}

// tokensStage splits the live text, what the cleaner kept, into the tokens every later stage
// reads. Off-topic text is not yet marked at this point, so its tokens are kept: it is still
// somebody's words.
func tokensStage(_ context.Context, d *parley.Document) error {
	var skip []parley.Span
	if len(d.Removed) > 0 {
		skip = make([]parley.Span, len(d.Removed))
		for i, r := range d.Removed {
			skip[i] = r.Span
		}
	}
	d.Tokens = segment.Tokens(d.Text, d.Paragraphs, d.Sentences, skip)
	return nil
}
