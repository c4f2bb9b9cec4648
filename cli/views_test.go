package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleynews/parley/sqlite"
	"github.com/parleynews/parley/storetest"
)

func TestViews(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutDocument(context.Background(), storetest.Rich()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	env := map[string]string{"PARLEY_DB": path}
	tests := []struct {
		args []string
		code int
		want []string
		not  []string
	}{
		{[]string{"events"}, 0, []string{"2015-06-30  State Department (USAGOV) -> -  051 COOPERATE", "Chuck Grassley (USALEG) -> State Department (USAGOV)  111"}, nil},
		{[]string{"events", "--actor", "grassley", "--plover", "THREATEN"}, 0, []string{"1312 THREATEN"}, []string{"051"}},
		{[]string{"events", "--format", "jsonl", "--limit", "1"}, 0, []string{`"CAMEO":"051"`}, []string{"1312"}},
		{[]string{"stances", "--issue", "email-release", "--polarity", "oppose"}, 0, []string{"Chuck Grassley (USALEG) oppose email-release"}, []string{"Clinton"}},
		{[]string{"stances", "--polarity", "maybe"}, 2, nil, nil},
		{[]string{"timeline"}, 0, []string{"2015-06-30\n", "[event]", "[stance] Chuck Grassley (USALEG) oppose email-release", "[quote]"}, nil},
		{[]string{"timeline", "--issue", "email-release"}, 0, []string{"[stance]"}, []string{"[event]", "[quote]"}},
		{[]string{"timeline", "--since", "2016"}, 0, []string{"nothing on the timeline matches"}, nil},
		{[]string{"events", "--since", "soon"}, 1, nil, nil},
		{[]string{"events", "stray"}, 2, nil, nil},
	}
	for _, tc := range tests {
		code, out, errOut := run(t, env, "", tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d: %s", tc.args, code, tc.code, errOut)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(out, w) {
				t.Errorf("%v: output has %q:\n%s", tc.args, w, out)
			}
		}
	}
}
