// Command parley reads news coverage and builds a sourced record of the story: actors, quotes,
// events, stances and reliability flags, each linked to the text it came from.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/parleynews/parley/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &cli.Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(m.Run(ctx, os.Args[1:]))
}
