package dedup

import (
	"math/rand/v2"
	"regexp"
	"strings"
)

// This file makes copies of an article the way syndication and scraping make them: another
// site's navigation, share buttons and newsletter box around it, another headline, paragraphs
// trimmed or moved, other typography. Nothing here knows the words of any article.

// site is the boilerplate one publisher puts around the stories it carries.
type site struct {
	name       string
	top        []string
	byline     string
	share      string
	newsletter string
	footer     []string
}

var sites = []site{
	{
		name:       "The Daily Ledger",
		top:        []string{"Home | News | Politics | World | Business | Opinion | Sports | Weather", "Skip to main content"},
		byline:     "By Staff and wire reports | Published 5:12 p.m. ET | Updated 7:40 p.m. ET",
		share:      "Share this article: Facebook | Twitter | Email | Print",
		newsletter: "Sign up for The Daily Ledger newsletter and get the day's top stories delivered to your inbox every morning. Enter your email address below. By subscribing you agree to our terms of service and privacy policy.",
		footer:     []string{"© 2016 The Daily Ledger. All rights reserved.", "About us | Contact | Advertise | Careers | Privacy Policy | Terms of Use"},
	},
	{
		name:       "Capitol Wire",
		top:        []string{"MENU", "Latest | Campaign 2016 | Congress | White House | Courts | Video", "Subscribe | Log in"},
		byline:     "Associated Press",
		share:      "SHARE: tweet it, post it, email it",
		newsletter: "Get Capitol Wire Playbook, the essential morning briefing on politics and policy, free in your inbox. You can unsubscribe at any time.",
		footer:     []string{"Copyright 2016 Capitol Wire Media Inc. This material may not be published, broadcast, rewritten or redistributed.", "Sitemap · Corrections · Ethics policy · Feedback"},
	},
	{
		name:       "Midwest Herald Online",
		top:        []string{"Breaking news alerts", "Local · National · World · Elections · Money · Life"},
		byline:     "From wire services",
		share:      "Like this story? Share it with your friends on Facebook and Twitter.",
		newsletter: "Never miss a story. Our free daily email brings you the headlines you need, the analysis you want and a crossword to finish the day. Sign up now.",
		footer:     []string{"Midwest Herald Online is a division of Herald Media Group.", "Terms · Privacy · Cookie settings · Accessibility"},
	},
	{
		name:       "NEWSFLASH 24",
		top:        []string{"Trending: Election 2016, Debate night, Polls, Markets", "Watch live"},
		byline:     "NEWSFLASH 24 staff",
		share:      "Tweet Share Pin Email Comments (42)",
		newsletter: "Want more? Join 2 million readers who get NEWSFLASH 24 alerts first. Download our app or subscribe to our newsletter for breaking news as it happens.",
		footer:     []string{"All content © NEWSFLASH 24 Networks LLC.", "Contact the newsroom · Send us a tip · Jobs"},
	},
}

// variantKind says what a copy changes.
type variantKind struct {
	name     string
	boiler   bool
	headline bool
	drop     int
	reorder  bool
	style    bool
}

var variantKinds = []variantKind{
	{name: "boilerplate", boiler: true},
	{name: "headline", headline: true},
	{name: "drop1", drop: 1},
	{name: "drop2", drop: 2},
	{name: "reorder", reorder: true},
	{name: "style", style: true},
	{name: "boiler+headline+drop1", boiler: true, headline: true, drop: 1},
	{name: "all", boiler: true, headline: true, drop: 2, reorder: true, style: true},
}

var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// paragraphs splits text at blank lines; the first paragraph of a PolNeAR text is its title.
func paragraphs(text string) []string {
	var out []string
	for _, p := range blankLine.Split(text, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// makeVariant makes a copy of arts[i] of the given kind. titles are the titles of all articles,
// for "Read more" links to other stories.
func makeVariant(rng *rand.Rand, text string, titles []string, k variantKind) string {
	paras := paragraphs(text)
	if len(paras) == 0 {
		return text
	}
	title, body := paras[0], append([]string(nil), paras[1:]...)

	if k.headline {
		title = newHeadline(rng, title, body)
	}
	if k.drop > 0 {
		body = dropParagraphs(rng, body, k.drop)
	}
	if k.reorder && len(body) > 2 {
		i := rng.IntN(len(body))
		p := body[i]
		body = append(body[:i], body[i+1:]...)
		j := rng.IntN(len(body) + 1)
		for j == i {
			j = rng.IntN(len(body) + 1)
		}
		body = append(body[:j], append([]string{p}, body[j:]...)...)
	}

	var out []string
	s := sites[rng.IntN(len(sites))]
	if k.boiler {
		out = append(out, s.top...)
	}
	if title != "" {
		out = append(out, title)
	}
	if k.boiler {
		out = append(out, s.byline)
		// Ad markers and a related link inside the story, as scrapers leave them.
		at := 1 + rng.IntN(max(len(body)-1, 1))
		related := []string{"Advertisement", "Related: " + titles[rng.IntN(len(titles))]}
		if at < len(body) {
			body = append(body[:at], append(related, body[at:]...)...)
		} else {
			body = append(body, related...)
		}
	}
	out = append(out, body...)
	if k.boiler {
		out = append(out, s.share, "Read more: "+titles[rng.IntN(len(titles))], s.newsletter)
		out = append(out, s.footer...)
	}
	sep := "\n\n"
	if k.style {
		sep = []string{"\n", "\r\n\r\n", "\n \n\t", "\n\n\n"}[rng.IntN(4)]
	}
	v := strings.Join(out, sep)
	if k.style {
		v = restyle(rng, v)
	}
	return v
}

// newHeadline gives the story another headline, as another desk would write it.
func newHeadline(rng *rand.Rand, title string, body []string) string {
	switch rng.IntN(4) {
	case 0: // a headline made from the lede
		if len(body) > 0 {
			w := strings.Fields(body[0])
			n := min(len(w), 6+rng.IntN(5))
			for i := range w[:n] {
				if r := []rune(w[i]); len(r) > 0 {
					w[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
				}
			}
			return strings.Join(w[:n], " ")
		}
		return ""
	case 1:
		return strings.TrimSuffix(title, ".") + " | " + sites[rng.IntN(len(sites))].name
	case 2:
		return "UPDATE: " + strings.ToUpper(title)
	default:
		return "" // the copy carries no headline at all
	}
}

// dropParagraphs removes up to n paragraphs, either the last ones (a trimmed wire story) or any
// ones, keeping at least two thirds of the words, as editors cut for space.
func dropParagraphs(rng *rand.Rand, body []string, n int) []string {
	if len(body) < 3 {
		return body
	}
	total := 0
	for _, p := range body {
		total += len(strings.Fields(p))
	}
	tail := rng.IntN(2) == 0
	for range n {
		i := len(body) - 1
		if !tail {
			i = rng.IntN(len(body))
		}
		if len(body) < 3 {
			break
		}
		left := 0
		for j, p := range body {
			if j != i {
				left += len(strings.Fields(p))
			}
		}
		if 3*left < 2*total {
			continue
		}
		body = append(body[:i:i], body[i+1:]...)
	}
	return body
}

// restyle changes typography only: quote style, dashes, ellipses and spacing.
func restyle(rng *rand.Rand, s string) string {
	if strings.ContainsAny(s, "‘’“”") {
		s = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace(s)
	} else {
		var b strings.Builder
		open := true
		for _, r := range s {
			switch r {
			case '"':
				if open {
					b.WriteRune('“')
				} else {
					b.WriteRune('”')
				}
				open = !open
			case '\'':
				b.WriteRune('’')
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if strings.Contains(s, "—") {
		s = strings.ReplaceAll(s, "—", " -- ")
	} else {
		s = strings.ReplaceAll(s, " -- ", " — ")
	}
	s = strings.ReplaceAll(s, "...", "…")
	switch rng.IntN(3) {
	case 0:
		s = strings.ReplaceAll(s, ". ", ".  ")
	case 1:
		s = strings.ReplaceAll(s, ", ", ",\u00a0")
	default:
		s = strings.ReplaceAll(s, " ", " \t ")
	}
	return s
}
