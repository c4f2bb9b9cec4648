package furniture

import (
	"strings"
	"testing"

	"github.com/parleynews/parley/internal/lexfile"
)

func TestData(t *testing.T) {
	if _, err := lexfile.CheckFS(dataFS, "data/*.txt"); err != nil {
		t.Fatal(err)
	}
	if u := data.Unused(); len(u) > 0 {
		t.Errorf("sections %q of %s are never read", u, data.Name)
	}
	// Phrases are matched against normalised lines: lower case, single spaces, trimmed.
	for _, list := range [][]string{NavLeads, BoilerLeads, BoilerInside, SocialWords, BylineLabels} {
		for _, p := range list {
			if p != strings.ToLower(p) || p != strings.Join(strings.Fields(p), " ") {
				t.Errorf("phrase %q is not normalised", p)
			}
		}
	}
	for _, c := range []struct {
		got  bool
		what string
	}{
		{NavExact["skip to content"], "skip to content is navigation"},
		{BoilerExact["getty images"], "getty images is boilerplate"},
		{ProseLeads["copyright"], "copyright is a prose lead"},
		{ShareWords["whatsapp"] && ShareWords["viber"] && ShareWords["bluesky"], "the share words of both lists"},
		{MenuWords["home"] && !ShareWords["home"], "home is a menu word"},
		{DateWords["märz"] && DatelineFillers["updated"], "dateline words"},
		{CommentTokens["comment-list"], "comment tokens"},
		{len(ClassFragments) > 20 && len(ContentFragments) == 7 && len(CreditEnds) > 20, "fragment lists"},
	} {
		if !c.got {
			t.Error(c.what)
		}
	}
}
