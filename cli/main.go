// Package cli is parley's command line: one type per subcommand, each with its own flags and
// --help. cmd/parley only wires it to the process; tests drive it the same way.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parleynews/parley"
)

// Main holds the process's streams and environment, so that tests can run commands in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// errUsage marks an error in how the command was called; it exits 2.
var errUsage = errors.New("usage")

type command interface {
	// Run executes the subcommand with its arguments (after the subcommand's name).
	Run(ctx context.Context, m *Main, args []string) error
}

type entry struct {
	name    string
	summary string
	cmd     func() command
}

func commands() []entry {
	return []entry{
		{"analyze", "analyse documents and write their records (no store)", func() command { return &analyzeCommand{} }},
		{"ingest", "analyse documents and keep them in the store", func() command { return &ingestCommand{} }},
		{"search", "full-text search over stored documents and quotes", func() command { return &searchCommand{} }},
		{"show", "show one stored document with its annotations", func() command { return &showCommand{} }},
		{"quotes", "list stored quotes by speaker, words, date and source", func() command { return &quotesCommand{} }},
		{"events", "list stored events by actor, type, date and source", func() command { return &eventsCommand{} }},
		{"stances", "list stored stances by actor, issue, date and source", func() command { return &stancesCommand{} }},
		{"timeline", "events, stances and quotes of the store in date order", func() command { return &timelineCommand{} }},
		{"stories", "group stored documents into stories and list them", func() command { return &storiesCommand{} }},
		{"brief", "write a brief of a story (Markdown or self-contained HTML)", func() command { return &briefCommand{} }},
		{"export", "export stored documents, quotes, events or stances", func() command { return &exportCommand{} }},
		{"parse", "tag and parse sentences (CoNLL-U or JSONL)", func() command { return &parseCommand{} }},
		{"version", "print the version", func() command { return &versionCommand{} }},
	}
}

// Run runs the command line args and returns the process exit code. Errors are printed once,
// here, and nowhere else.
func (m *Main) Run(ctx context.Context, args []string) int {
	if m.Getenv == nil {
		m.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 && args[0] == "help" {
			return m.Run(ctx, []string{args[1], "--help"})
		}
		m.usage(m.Stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" {
		args[0] = "version"
	}
	for _, e := range commands() {
		if e.name != args[0] {
			continue
		}
		err := e.cmd().Run(ctx, m, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			if msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), errUsage.Error()+":")); msg != "" && msg != errUsage.Error() {
				fmt.Fprintf(m.Stderr, "parley %s: %s\n", e.name, msg)
			}
			fmt.Fprintf(m.Stderr, "Run 'parley %s --help' for usage.\n", e.name)
			return exitUsage
		case errors.Is(err, errReported):
			return exitError
		default:
			fmt.Fprintf(m.Stderr, "parley %s: %s\n", e.name, errorText(err))
			return exitError
		}
	}
	fmt.Fprintf(m.Stderr, "parley: unknown command %q\n", args[0])
	m.usage(m.Stderr)
	return exitUsage
}

// errReported is returned by a command that has already told the user about each failure (for
// example, the documents that could not be read) and only needs to exit 1.
var errReported = errors.New("errors reported")

// errorText is the one line a person sees for an error.
func errorText(err error) string {
	if parley.ErrorCode(err) == parley.EINTERNAL {
		return "internal error: " + err.Error()
	}
	return err.Error()
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprint(w, `parley builds a sourced record of a news story from its coverage.

Usage:
  parley <command> [flags] [arguments]

Commands:
`)
	for _, e := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", e.name, e.summary)
	}
	fmt.Fprint(w, `
Run 'parley <command> --help' for a command's flags.
The store is a SQLite file: --db PATH, or PARLEY_DB, or `+defaultDBHint+`.
`)
}

// newFlags returns a flag set whose errors come back to the caller instead of exiting, with a
// usage text made of the synopsis, the description and the flags.
func newFlags(m *Main, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: parley %s %s\n\n%s\n", name, synopsis, strings.TrimSpace(description))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(out, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses flags, allowing them after positional arguments too ("parley search QUERY
// --limit 5"), which is how people type. --help prints the usage to standard output.
func parse(m *Main, fs *flag.FlagSet, args []string) ([]string, error) {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(m.Stdout)
			fs.Usage()
			return nil, flag.ErrHelp
		}
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		// "-" is an argument (standard input), "--" ends the flags.
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func usageErr(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, a...))
}
