package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/parleynews/parley"
)

// writeText renders a document and its annotations for a person reading a terminal: the header,
// the article with what was removed marked, then each kind of annotation with its offsets.
func writeText(w io.Writer, d *parley.Document, alsoAt ...string) error {
	var b strings.Builder
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "%s\n%s\n", title, strings.Repeat("=", min(len([]rune(title)), 78)))
	fmt.Fprintf(&b, "id:        %s\nsource:    %s\n", d.ID, d.Source)
	for _, s := range alsoAt {
		if s != d.Source {
			fmt.Fprintf(&b, "also at:   %s\n", s)
		}
	}
	if d.Published != "" {
		fmt.Fprintf(&b, "published: %s\n", d.Published)
	}
	if d.Author != "" {
		fmt.Fprintf(&b, "author:    %s\n", d.Author)
	}
	fmt.Fprintf(&b, "length:    %d characters, %d paragraphs, %d sentences\n\n", len([]rune(d.Text)), len(d.Paragraphs), len(d.Sentences))

	paragraphs := d.Paragraphs
	if len(paragraphs) == 0 && d.Text != "" {
		paragraphs = []parley.Span{{Start: 0, End: len(d.Text)}}
	}
	for _, p := range paragraphs {
		reason := ""
		for _, r := range d.Removed {
			if r.Contains(p) {
				reason = r.Reason
				break
			}
		}
		text := strings.TrimSpace(p.In(d.Text))
		if reason != "" {
			fmt.Fprintf(&b, "  [removed: %s] %s\n\n", reason, shorten(text, 100))
			continue
		}
		fmt.Fprintf(&b, "  %s\n\n", text)
	}

	if len(d.Actors) > 0 {
		b.WriteString("Actors\n")
		for _, a := range d.Actors {
			fmt.Fprintf(&b, "  %-28s %-10s %d mention(s)", a.Name, a.Code, len(a.Mentions))
			if a.Role != "" {
				fmt.Fprintf(&b, "  %s", a.Role)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(d.Quotes) > 0 {
		b.WriteString("Quotes\n")
		for _, q := range d.Quotes {
			who := "(no speaker)"
			if q.Speaker != nil {
				who = q.Speaker.Name
			}
			date := ""
			if q.Date != "" {
				date = " on " + q.Date
			}
			fmt.Fprintf(&b, "  %s%s [%s]: “%s”\n", who, date, q.Kind, shorten(q.Text, 160))
		}
		b.WriteString("\n")
	}
	if len(d.Events) > 0 {
		b.WriteString("Events\n")
		for _, e := range d.Events {
			src, tgt := "?", "-"
			if e.Source != nil {
				src = e.Source.Name
			}
			if e.Target != nil {
				tgt = e.Target.Name
			}
			date := e.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(&b, "  %s  %s -> %s  CAMEO %s %s (%s, Goldstein %.1f)\n      %s\n", date, src, tgt, e.CAMEO, e.PLOVER, e.Mode, e.Goldstein, shorten(e.Text, 150))
		}
		b.WriteString("\n")
	}
	if len(d.Stances) > 0 {
		b.WriteString("Stances\n")
		for _, s := range d.Stances {
			fmt.Fprintf(&b, "  %s %s %s: %s\n", s.Actor.Name, s.Polarity, s.Issue, shorten(s.Text, 150))
		}
		b.WriteString("\n")
	}
	if len(d.Flags) > 0 {
		b.WriteString("Flags\n")
		for _, f := range d.Flags {
			fmt.Fprintf(&b, "  %s: %s\n", f.Kind, f.Detail)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shorten cuts s to at most n characters at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
