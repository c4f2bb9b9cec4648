package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/parleynews/parley"
)

// Feed reads an RSS, Atom or JSON feed and fetches, with Page's rules, the article of every item
// whose link seen does not know (seen may be nil: nothing is known). Items are taken in the
// feed's order, each link once. For every article it calls emit(doc, nil); for every item that
// cannot be read it calls emit(nil, err) and goes on with the next: an item without a usable link
// is an EINVALID error naming the feed and the item (its number from 1, and its title), an article
// that cannot be fetched is Page's error naming its URL.
//
// A document's Source is the item's link, made absolute against the feed's URL. Its Title is the
// item's title, and its Published the item's publication time (RFC 3339), when the feed gives
// them; they are hints from the feed, which the pipeline may keep or replace with what it
// extracts from the page.
//
// Feed fails as a whole only when the feed cannot be fetched or parsed (an error naming its URL),
// when ctx is done, or when emit returns an error, which it then returns. A feed unchanged since
// the last fetch (with a Cache) is not an error: there is nothing to do and Feed returns nil. Its
// validators are stored only after a pass in which no article failed for a reason that may pass
// (EUNAVAILABLE), so that a feed whose articles could not all be fetched is read in full again
// next time. The articles themselves are fetched unconditionally: seen is what keeps them from
// being read twice.
func (c *Client) Feed(ctx context.Context, feedURL string, seen func(itemURL string) bool, emit func(*parley.Document, error) error) error {
	if emit == nil {
		return errors.New("fetch: Feed needs an emit function")
	}
	u, err := parseURL(feedURL)
	if err != nil {
		return err
	}
	resp, err := c.get(ctx, feedURL, u, acceptFeed, c.opt.Cache)
	if errors.Is(err, ErrNotModified) {
		return nil
	}
	if err != nil {
		return err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.body))
	if err != nil {
		return &parley.Error{Code: parley.EINVALID, Message: feedURL, Err: fmt.Errorf("not a readable RSS, Atom or JSON feed: %w", err)}
	}
	retry := false // an article failed for a reason that may pass
	done := make(map[string]bool, len(feed.Items))
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("feed %s: %w", feedURL, err)
		}
		if it == nil {
			continue
		}
		link, err := itemLink(resp.final, it)
		if err != nil {
			err = &parley.Error{Code: parley.EINVALID, Message: fmt.Sprintf("%s: item %d%s", feedURL, i+1, titleNote(it.Title)), Err: err}
			if err := emit(nil, err); err != nil {
				return err
			}
			continue
		}
		if done[link] {
			continue
		}
		done[link] = true
		if seen != nil && seen(link) {
			continue
		}
		doc, err := c.page(ctx, link, nil)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return fmt.Errorf("feed %s: %w", feedURL, cerr)
			}
			if parley.ErrorCode(err) == parley.EUNAVAILABLE {
				retry = true
			}
			if err := emit(nil, err); err != nil {
				return err
			}
			continue
		}
		doc.Title = strings.TrimSpace(it.Title)
		doc.Published = published(it)
		if err := emit(doc, nil); err != nil {
			return err
		}
	}
	if c.opt.Cache != nil && !retry {
		c.opt.Cache.Put(feedURL, resp.validators)
	}
	return nil
}

// published is an item's publication time in RFC 3339, "" when the feed gives none. gofeed
// reads it in UTC; the time zone the feed wrote it in is kept when the text says it plainly,
// since the date of a story is the one where it was published. (For an Atom entry without
// <published>, gofeed takes <updated>.)
func published(it *gofeed.Item) string {
	if it.PublishedParsed == nil {
		return ""
	}
	t := *it.PublishedParsed
	s := strings.TrimSpace(it.Published)
	for _, layout := range []string{time.RFC3339, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC822Z} {
		if lt, err := time.Parse(layout, s); err == nil && lt.Equal(t) {
			t = lt
			break
		}
	}
	return t.Format(time.RFC3339)
}

// itemLink is the absolute http(s) URL of an item's article: its link, else its first other link,
// else its GUID when that is a URL (RSS's permalink GUID). Relative links are resolved against
// the feed's final URL.
func itemLink(base *url.URL, it *gofeed.Item) (string, error) {
	raw := strings.TrimSpace(it.Link)
	if raw == "" {
		for _, l := range it.Links {
			if l = strings.TrimSpace(l); l != "" {
				raw = l
				break
			}
		}
	}
	if raw == "" {
		g := strings.TrimSpace(it.GUID)
		if strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
			raw = g
		}
	}
	if raw == "" {
		return "", errors.New("no link")
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("bad link %q", raw)
	}
	abs := base.ResolveReference(ref)
	if abs.Scheme != "http" && abs.Scheme != "https" || abs.Host == "" {
		return "", fmt.Errorf("bad link %q: not an http or https URL", raw)
	}
	abs.Fragment, abs.RawFragment = "", ""
	return abs.String(), nil
}

// titleNote is an item's title for a message: ` ("Title")`, shortened, or nothing.
func titleNote(title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return ""
	}
	if r := []rune(title); len(r) > 80 {
		title = string(r[:79]) + "…"
	}
	return fmt.Sprintf(" (%q)", title)
}
