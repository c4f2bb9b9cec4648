package cli

import (
	"flag"

	"github.com/parleynews/parley/pipeline"
	"github.com/parleynews/parley/stances"
)

// analysisOptions are the flags that shape the analysis, shared by analyze and ingest.
type analysisOptions struct {
	profile *string
}

func analysisFlags(fs *flag.FlagSet) *analysisOptions {
	return &analysisOptions{
		profile: fs.String("profile", "", "tracking profile (YAML) naming the issues to read stances on; default $PARLEY_PROFILE, else issues are derived from the text"),
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
	return pipeline.Default(opt), nil
}
