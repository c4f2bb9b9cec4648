package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/fetch"
	"github.com/parleynews/parley/input"
	"github.com/parleynews/parley/pipeline"
)

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// sources reads what the command line names, in order: local inputs through package input,
// pages by URL and feeds through package fetch.
type sources struct {
	m      *Main
	args   []string
	feeds  []string
	client *fetch.Client
	// seen tells whether a feed item's URL is stored already; nil reads every item.
	seen func(url string) bool
	// notModified counts pages and feeds that had not changed since they were last fetched.
	notModified int
}

func newSources(m *Main, args, feeds []string, cache fetch.Cache) (*sources, error) {
	s := &sources{m: m, args: args, feeds: feeds}
	needNet := len(feeds) > 0
	for _, a := range args {
		needNet = needNet || isURL(a)
	}
	if needNet {
		opt := fetch.Options{UserAgent: fetch.UserAgent(Version), Cache: cache}
		s.client = fetch.New(opt)
	}
	return s, nil
}

// read feeds the pipeline. Local arguments between URLs are read together so that input keeps
// its order.
func (s *sources) read(ctx context.Context) func(emit func(pipeline.Item) error) error {
	return func(emit func(pipeline.Item) error) error {
		local := func(args []string) error {
			if len(args) == 0 {
				return nil
			}
			return input.Read(ctx, args, input.Options{Stdin: s.m.Stdin}, func(it input.Item) error {
				return emit(pipeline.Item{Doc: it.Doc, Err: it.Err})
			})
		}
		var pending []string
		for _, a := range s.args {
			if !isURL(a) {
				pending = append(pending, a)
				continue
			}
			if err := local(pending); err != nil {
				return err
			}
			pending = nil
			doc, err := s.client.Page(ctx, a)
			switch {
			case errors.Is(err, fetch.ErrNotModified):
				s.notModified++
				continue
			case errors.Is(err, fetch.ErrIsFeed):
				err = fmt.Errorf("%w (to read its items, use --feed %s)", err, a)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := emit(pipeline.Item{Doc: doc, Err: err}); err != nil {
				return err
			}
		}
		if err := local(pending); err != nil {
			return err
		}
		for _, f := range s.feeds {
			seen := s.seen
			if seen == nil {
				seen = func(string) bool { return false }
			}
			err := s.client.Feed(ctx, f, seen, func(doc *parley.Document, err error) error {
				return emit(pipeline.Item{Doc: doc, Err: err})
			})
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// A feed that cannot be read costs that feed, like a file that cannot be read.
				if err := emit(pipeline.Item{Err: err}); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// feedList collects repeated --feed flags.
type feedList []string

func (f *feedList) String() string     { return strings.Join(*f, ",") }
func (f *feedList) Set(v string) error { *f = append(*f, v); return nil }
