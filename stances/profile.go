package stances

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/parleynews/parley"
)

// Profile is a tracking profile: the issues of one story that a user wants positions on. It is
// data the user writes (a YAML file), not code: examples/profiles holds one for the seed story.
type Profile struct {
	Story  string  `yaml:"story"`
	Issues []Issue `yaml:"issues"`
}

// Issue is one question actors take positions on, with the phrases that name it.
type Issue struct {
	ID          string   `yaml:"id"`
	Label       string   `yaml:"label"`
	Description string   `yaml:"description"`
	Terms       []string `yaml:"terms"`
}

var issueID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// LoadProfile reads a tracking profile from a YAML file.
func LoadProfile(path string) (*Profile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "profile %s: %v", path, err)
	}
	return ParseProfile(bytes.NewReader(b), path)
}

// ParseProfile reads a tracking profile; name labels errors.
func ParseProfile(r io.Reader, name string) (*Profile, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true) // a misspelt key should be an error, not an issue silently ignored
	var p Profile
	if err := dec.Decode(&p); err != nil {
		if err == io.EOF {
			return nil, parley.Errorf(parley.EINVALID, "profile %s: empty", name)
		}
		return nil, parley.Errorf(parley.EINVALID, "profile %s: %v", name, err)
	}
	if len(p.Issues) == 0 {
		return nil, parley.Errorf(parley.EINVALID, "profile %s: no issues", name)
	}
	seen := map[string]bool{}
	for i, is := range p.Issues {
		where := fmt.Sprintf("profile %s: issue %d", name, i+1)
		if is.ID == "" {
			return nil, parley.Errorf(parley.EINVALID, "%s: no id", where)
		}
		if !issueID.MatchString(is.ID) {
			return nil, parley.Errorf(parley.EINVALID, "%s: id %q must be lower-case words joined by hyphens", where, is.ID)
		}
		if seen[is.ID] {
			return nil, parley.Errorf(parley.EINVALID, "%s: id %q used twice", where, is.ID)
		}
		seen[is.ID] = true
		if len(is.Terms) == 0 {
			return nil, parley.Errorf(parley.EINVALID, "%s (%s): no terms", where, is.ID)
		}
		for _, t := range is.Terms {
			if len(normTokens(t)) == 0 {
				return nil, parley.Errorf(parley.EINVALID, "%s (%s): term %q has no words", where, is.ID, t)
			}
		}
	}
	return &p, nil
}
