package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/parleynews/parley"
)

// Version is set at build time with -ldflags "-X github.com/parleynews/parley/cli.Version=…".
var Version = "dev"

type versionCommand struct{}

func (c *versionCommand) Run(_ context.Context, m *Main, args []string) error {
	fs := newFlags(m, "version", "", "Prints parley's version, the record schema it writes, and the Go version it was built with.")
	if _, err := parse(m, fs, args); err != nil {
		return err
	}
	v := Version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = "dev-" + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(m.Stdout, "parley %s (record schema %d, %s %s/%s)\n", v, parley.SchemaVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
