package cli

import (
	"flag"

	"github.com/parleynews/parley/actors"
	"github.com/parleynews/parley/pipeline"
	"github.com/parleynews/parley/stances"
)

// analysisOptions are the flags that shape the analysis, shared by analyze and ingest.
type analysisOptions struct {
	profile *string
	actors  *string
}

func analysisFlags(fs *flag.FlagSet) *analysisOptions {
	return &analysisOptions{
		profile: fs.String("profile", "", "tracking profile (YAML) naming the issues to read stances on; default $PARLEY_PROFILE, else issues are derived from the text"),
		actors:  fs.String("actors", "", "actor file (TSV, see actors/data/README.md) that extends or overrides the built-in dictionary; default $PARLEY_ACTORS"),
	}
}

// newPipeline loads what the flags name and builds the analysis pipeline.
func (m *Main) newPipeline(a *analysisOptions) (*pipeline.Pipeline, error) {
	var opt pipeline.Options
	path := *a.profile
	if path == "" {
		path = m.Getenv("PARLEY_PROFILE")
	}
	if path != "" {
		p, err := stances.LoadProfile(path)
		if err != nil {
			return nil, err
		}
		opt.Profile = p
	}
	if path := firstOf(*a.actors, m.Getenv("PARLEY_ACTORS")); path != "" {
		d, err := actors.LoadFiles(path)
		if err != nil {
			return nil, err
		}
		opt.Actors = d
	}
	return pipeline.Default(opt), nil
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
