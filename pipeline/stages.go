package pipeline

import (
	"context"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/extract"
	"github.com/parleynews/parley/segment"
)

// Stage names, in the order Default runs them.
const (
	StagePrepare = "prepare"
	StageSegment = "segment"
)

// Default returns the full analysis pipeline. Stages that later capabilities add (cleaning,
// actors, quotes, events, stances) slot in after segmentation.
func Default() *Pipeline {
	return &Pipeline{Stages: []Stage{
		StageFunc{StagePrepare, prepare},
		StageFunc{StageSegment, segmentStage},
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
	}
	d.ID = ContentID(d.Text)
	return nil
}

func segmentStage(_ context.Context, d *parley.Document) error {
	d.Paragraphs = segment.Paragraphs(d.Text)
	d.Sentences = segment.Sentences(d.Text, d.Paragraphs)
	return nil
}
