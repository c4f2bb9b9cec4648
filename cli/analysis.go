package cli

import (
	"flag"
	"fmt"
	"os"

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
		profile: fs.String("profile", "", "tracking profile (YAML) naming the issues to read stances on; default $PARLEY_PROFILE, else parley-profile.yaml in the current directory, else issues are derived from the text"),
		actors:  fs.String("actors", "", "actor file (TSV, see actors/data/README.md) that extends or overrides the built-in dictionary; default $PARLEY_ACTORS"),
	}
}

// newPipeline loads what the flags name and builds the analysis pipeline.
func (m *Main) newPipeline(a *analysisOptions) (*pipeline.Pipeline, error) {
	var opt pipeline.Options
	path := m.profilePath(*a.profile)
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

// workspaceProfile is the tracking profile parley uses when it runs in a folder that keeps one:
// an analyst following a story works in its folder, and its issues should not have to be named
// on every command.
const workspaceProfile = "parley-profile.yaml"

// profilePath resolves the tracking profile: the flag, then $PARLEY_PROFILE, then
// parley-profile.yaml in the current directory (said on standard error, so that no one is
// surprised by where the issues came from). "" means none: issues are derived from the text.
func (m *Main) profilePath(flagValue string) string {
	if p := firstOf(flagValue, m.Getenv("PARLEY_PROFILE")); p != "" {
		return p
	}
	if m.Getenv("PARLEY_NO_WORKSPACE_PROFILE") != "" {
		return ""
	}
	if _, err := os.Stat(workspaceProfile); err == nil {
		fmt.Fprintf(m.Stderr, "parley: tracking profile %s (from the current directory)\n", workspaceProfile)
		return workspaceProfile
	}
	return ""
}
