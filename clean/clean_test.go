package clean

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// checkRemovals asserts what the contract promises about Removed: inside the text, on rune
// boundaries, sorted, not overlapping, with a known reason, and not starting or ending with
// white space.
func checkRemovals(t testing.TB, doc *parley.Document) {
	t.Helper()
	reasons := map[string]bool{parley.ReasonBoilerplate: true, parley.ReasonDuplicateLine: true,
		parley.ReasonOffTopic: true, parley.ReasonReferenceList: true, parley.ReasonNavigation: true}
	prev := 0
	for _, r := range doc.Removed {
		if r.Start < prev || r.End <= r.Start || r.End > len(doc.Text) {
			t.Fatalf("bad removal [%d,%d) after %d in %d bytes", r.Start, r.End, prev, len(doc.Text))
		}
		if !boundary(doc.Text, r.Start) || !boundary(doc.Text, r.End) {
			t.Fatalf("removal [%d,%d) not on rune boundaries", r.Start, r.End)
		}
		s := r.In(doc.Text)
		if first, _ := utf8.DecodeRuneInString(s); segment.IsSpace(first) {
			t.Fatalf("removal %q starts with white space", s)
		}
		if last, _ := utf8.DecodeLastRuneInString(s); segment.IsSpace(last) {
			t.Fatalf("removal %q ends with white space", s)
		}
		if !reasons[r.Reason] {
			t.Fatalf("unknown reason %q", r.Reason)
		}
		prev = r.End
	}
	for _, f := range doc.Flags {
		if f.Start < 0 || f.End < f.Start || f.End > len(doc.Text) {
			t.Fatalf("flag %s span [%d,%d) outside the text", f.Kind, f.Start, f.End)
		}
	}
	for _, ref := range doc.References {
		if ref.Start < 0 || ref.End <= ref.Start || ref.End > len(doc.Text) ||
			!boundary(doc.Text, ref.Start) || !boundary(doc.Text, ref.End) {
			t.Fatalf("reference span [%d,%d) invalid", ref.Start, ref.End)
		}
	}
}

// boundary is the contract's notion of a rune boundary: where a Go range loop puts one.
func boundary(s string, i int) bool {
	for j := range s {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return i == len(s) || i == 0
}

// removal is what a test expects to be removed: the exact text and the reason.
type removal struct{ text, reason string }

func removals(doc *parley.Document) []removal {
	var out []removal
	for _, r := range doc.Removed {
		out = append(out, removal{r.In(doc.Text), r.Reason})
	}
	return out
}

func flagKinds(doc *parley.Document) map[string]parley.Flag {
	m := map[string]parley.Flag{}
	for _, f := range doc.Flags {
		m[f.Kind] = f
	}
	return m
}

const (
	bp  = parley.ReasonBoilerplate
	nav = parley.ReasonNavigation
	dup = parley.ReasonDuplicateLine
	ref = parley.ReasonReferenceList
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     string
		published string
		removed   []removal
		flags     []string
		refs      int
	}{
		{
			name: "browser paste with menu, byline and comment box",
			text: "Skip to main content\n\nPolitics\n\nSenate Panel Advances Border Bill After Late-Night Deal\n\n" +
				"By Maria Lopez and Tom Reed\nUpdated: March 4, 2024 at 9:15 PM ET\n\nShare\n\n" +
				"A Senate committee advanced a border security bill on Monday after negotiators struck a late-night deal on asylum rules.\n\n" +
				"“We got this done because both sides gave something up,” the committee chairman said in a statement.\n\n" +
				"What Happens Next\n\n" +
				"The full Senate is expected to take up the measure next week, aides said, although its fate in the House remains unclear.\n\n" +
				"Read more: Governors split over new asylum rules\n\n" +
				"Tags\nImmigration\nCongress\n\n" +
				"Leave a Reply: Your email address will not be published\n" +
				"We use cookies to improve your experience on our site.",
			title:     "Senate Panel Advances Border Bill After Late-Night Deal",
			published: "2024-03-04",
			removed: []removal{
				{"Skip to main content", nav}, {"Politics", nav},
				{"By Maria Lopez and Tom Reed", bp}, {"Updated: March 4, 2024 at 9:15 PM ET", bp},
				{"Share", bp}, {"Read more: Governors split over new asylum rules", nav},
				{"Tags", nav}, {"Immigration", nav}, {"Congress", nav},
				{"Leave a Reply: Your email address will not be published", bp},
				{"We use cookies to improve your experience on our site.", bp},
			},
		},
		{
			name: "section label after the title and a repeated headline",
			text: "Farmers Brace for ‘Long Dry Summer’ as Reservoirs Shrink\n\nBusiness Climate\n\n" +
				"Farmers Brace for ‘Long Dry Summer’ as Reservoirs Shrink\n\n" +
				"Water levels in the region's main reservoirs have fallen to their lowest point in a decade, officials said on Friday.\n\n" +
				"A Season of Hard Choices\n\n" +
				"Growers in the valley are already leaving fields fallow and selling livestock early to save feed and water.\n\n" +
				"No comments yet. Be the first to comment!",
			title: "Farmers Brace for ‘Long Dry Summer’ as Reservoirs Shrink",
			removed: []removal{
				{"Business Climate", nav},
				{"Farmers Brace for ‘Long Dry Summer’ as Reservoirs Shrink", dup},
				{"No comments yet. Be the first to comment!", bp},
			},
		},
		{
			name: "starts with prose: no title, unresolved markers",
			text: "The central bank raised its key rate by half a point on Thursday, the largest increase in two decades, as inflation kept climbing[2][4].\n" +
				"Officials signalled further increases were likely before the end of the year, according to minutes released later[1, 4].\n" +
				"Markets fell sharply after the announcement[6].",
			removed: nil,
			flags:   []string{parley.FlagCitationMarkersUnresolved},
		},
		{
			name: "glued image credits keep the heading",
			text: "City Council Votes to Expand Bus Lanes\n" +
				"The council voted nine to four on Tuesday to add twelve miles of dedicated bus lanes across the city center.\n" +
				"Photo: Jane Smith/ReutersA Long Road to Approval\n" +
				"The plan had stalled for three years amid objections from shop owners who feared losing parking spaces.\n" +
				"AFP via Getty ImagesWhat Riders Say\n" +
				"Commuters on the busiest routes have waited years for faster service and welcomed the decision on Tuesday night.\n" +
				"(AP Photo/John Doe)\n" +
				"Officials expect construction to begin in the spring and to finish before the end of next year.",
			title: "City Council Votes to Expand Bus Lanes",
			removed: []removal{
				{"Photo: Jane Smith/Reuters", bp}, {"AFP via Getty Images", bp}, {"(AP Photo/John Doe)", bp},
			},
		},
		{
			name: "quoted prose with furniture words stays",
			text: "Union Leaders Urge Members to Reject Offer\n" +
				"\"Share the burden fairly, or we walk out,\" the union's president told a rally on Saturday.\n" +
				"“Subscribe to nothing they promise,” she added.\n" +
				"Latest\n" +
				"Negotiations are scheduled to resume next week, but neither side has signalled it will move on pay.",
			title:   "Union Leaders Urge Members to Reject Offer",
			removed: []removal{{"Latest", nav}},
		},
		{
			name: "reference list with one entry per line and a date mismatch",
			text: "Ceasefire Talks Stall Over Prisoner Exchange\n" +
				"Published 12 September 2025\n" +
				"Negotiators failed to agree on the terms of a prisoner exchange, delaying a ceasefire deal once again [1][2].\n" +
				"Both sides accused each other of bad faith in statements issued late on Wednesday [3].\n" +
				"[1] Example Wire, “Talks resume in Geneva,” May 2, 2025.\n" +
				"[2] The Daily Ledger, \"Prisoner swap on the table,\" 3 May 2025.\n" +
				"https://example.com/ledger/prisoner-swap\n" +
				"[3] Global Monitor, 'Mediators see narrow path', 2025/05/04.\n" +
				"Related Stories",
			title:     "Ceasefire Talks Stall Over Prisoner Exchange",
			published: "2025-09-12",
			removed: []removal{
				{"Published 12 September 2025", bp},
				{"[1] Example Wire, “Talks resume in Geneva,” May 2, 2025.\n" +
					"[2] The Daily Ledger, \"Prisoner swap on the table,\" 3 May 2025.\n" +
					"https://example.com/ledger/prisoner-swap\n" +
					"[3] Global Monitor, 'Mediators see narrow path', 2025/05/04.", ref},
				{"Related Stories", nav},
			},
			flags: []string{parley.FlagReferenceList, parley.FlagReferenceDateMismatch},
			refs:  3,
		},
		{
			name: "numbered sources under a heading, one marker unresolved",
			text: "Drought Cuts Wheat Harvest Forecasts\n" +
				"Forecasters cut their estimates for the wheat harvest for a second time this month, citing heat and drought [1][2].\n" +
				"Prices for flour have already begun to rise in several markets, traders said [4].\n" +
				"Sources:\n" +
				"1. Farm Journal, Wheat estimates trimmed again, June 3, 2024\n" +
				"2. Grain Report, Heat wave threatens yields, 2024-06-04",
			title:   "Drought Cuts Wheat Harvest Forecasts",
			removed: []removal{{"Sources:\n1. Farm Journal, Wheat estimates trimmed again, June 3, 2024\n2. Grain Report, Heat wave threatens yields, 2024-06-04", ref}},
			flags:   []string{parley.FlagReferenceList, parley.FlagCitationMarkersUnresolved},
			refs:    2,
		},
		{
			name: "repeated paragraph and dateline formats",
			text: "Wildfire Forces Evacuations Near Coastal Town\n" +
				"Aug 20, 2025 5:01 PM EDT | By Sam Carter\n" +
				"Firefighters battled a fast-moving wildfire that forced hundreds of residents to leave their homes on Wednesday.\n" +
				"Strong winds pushed the flames toward the coast overnight, officials said.\n" +
				"Firefighters battled a fast-moving wildfire that forced hundreds of residents to leave their homes on Wednesday.\n" +
				"Evacuation centers have been opened at two schools and a community hall.\n" +
				"Follow us on Facebook and X for updates",
			title:     "Wildfire Forces Evacuations Near Coastal Town",
			published: "2025-08-20",
			removed: []removal{
				{"Aug 20, 2025 5:01 PM EDT | By Sam Carter", bp},
				{"Firefighters battled a fast-moving wildfire that forced hundreds of residents to leave their homes on Wednesday.", dup},
				{"Follow us on Facebook and X for updates", bp},
			},
		},
		{
			name: "subheads between prose stay",
			text: "Port Strike Enters Second Week\n\n" +
				"Dockworkers at the country's largest port stayed off the job for an eighth day on Monday, idling dozens of ships.\n\n" +
				"Talks Break Down\n\n" +
				"Mediators said talks broke down late on Sunday over pay and automation, with no new meeting scheduled.\n\n" +
				"Ripple Effects\n\n" +
				"Retailers warned that shelves could empty within weeks if the strike continues into next month.",
			title: "Port Strike Enters Second Week",
		},
		{
			name: "furniture words opening a sentence stay",
			text: "Authors Sue Over Training Data\n" +
				"Copyright claims against technology firms multiplied this year, lawyers said.\n" +
				"Advertisement revenue at the publishers fell for a third straight quarter, according to filings.\n" +
				"Getty Images“We will defend our members,” the guild's president said on Monday.\n" +
				"Copyright 2025 Example Media. All rights reserved.",
			title: "Authors Sue Over Training Data",
			removed: []removal{
				{"Getty Images", bp}, {"Copyright 2025 Example Media. All rights reserved.", bp},
			},
		},
		{
			name: "a bare date under a correction is not the publication date",
			text: "Mayor Announces New Housing Plan for Downtown\n" +
				"The mayor unveiled a plan on Monday to build four thousand affordable homes downtown over the next decade.\n" +
				"Correction: An earlier version of this article misstated the number of homes in the plan.\n" +
				"Friday, June 10, 2016.",
			title:   "Mayor Announces New Housing Plan for Downtown",
			removed: []removal{{"Friday, June 10, 2016.", bp}},
		},
		{
			name: "a Reference(s) heading",
			text: "Kyiv Presses for a Written Pledge\n" +
				"Ukrainian officials said on Monday that talks on security guarantees would continue this week [1].\n" +
				"The foreign minister told reporters that a written pledge was needed before any ceasefire could hold [2].\n" +
				"Reference(s):\n" +
				"1. Example Wire, \"Kyiv presses Washington\", 18 August 2025.\n" +
				"2. Daily Ledger, \"Talks continue\", 18 August 2025.",
			title: "Kyiv Presses for a Written Pledge",
			removed: []removal{{"Reference(s):\n" +
				"1. Example Wire, \"Kyiv presses Washington\", 18 August 2025.\n" +
				"2. Daily Ledger, \"Talks continue\", 18 August 2025.", ref}},
			flags: []string{parley.FlagReferenceList},
			refs:  2,
		},
		{
			name: "a date run into the headline before it",
			text: "date 2025-08-19 Harbour Workers Vote to End Strike\n" +
				"Dock workers voted on Monday to end a two-week strike after the port authority raised its pay offer.",
			title:     "Harbour Workers Vote to End Strike",
			published: "2025-08-19",
		},
		{
			name: "a date run into the headline after it",
			text: "Harbour Workers Vote to End Strike | 19 August 2025\n" +
				"Dock workers voted on Monday to end a two-week strike after the port authority raised its pay offer.",
			title:     "Harbour Workers Vote to End Strike",
			published: "2025-08-19",
		},
		{
			name: "a headline that ends with a date of its own keeps it",
			text: "Harbour Strike Talks Set for 19 August 2025\n" +
				"Dock workers and the port authority will meet again, mediators said on Monday.",
			title: "Harbour Strike Talks Set for 19 August 2025",
		},
		{
			name: "a byline with its date",
			text: "Harbour Workers Vote to End Strike\n" +
				"By Jane Smith, August 19, 2025\n" +
				"Dock workers voted on Monday to end a two-week strike after the port authority raised its pay offer.",
			title:     "Harbour Workers Vote to End Strike",
			published: "2025-08-19",
			removed:   []removal{{"By Jane Smith, August 19, 2025", bp}},
		},
		{
			name: "relative stamp and reading time",
			text: "Updated 3 hours ago\n5 min read\n" +
				"Heavy rain caused flooding across the northern districts, closing roads and schools for a second day on Thursday.",
			removed: []removal{{"Updated 3 hours ago", bp}, {"5 min read", bp}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyse(t, tt.name, tt.text)
			if doc.Title != tt.title {
				t.Errorf("title = %q, want %q", doc.Title, tt.title)
			}
			if doc.Published != tt.published {
				t.Errorf("published = %q, want %q", doc.Published, tt.published)
			}
			got := removals(doc)
			if !slices.Equal(got, tt.removed) {
				t.Errorf("removed:\n got %q\nwant %q", got, tt.removed)
			}
			kinds := flagKinds(doc)
			if len(kinds) != len(tt.flags) {
				t.Errorf("flags = %v, want %v", doc.Flags, tt.flags)
			}
			for _, k := range tt.flags {
				if _, ok := kinds[k]; !ok {
					t.Errorf("flag %s missing (have %v)", k, doc.Flags)
				}
			}
			if len(doc.References) != tt.refs {
				t.Errorf("%d references, want %d: %+v", len(doc.References), tt.refs, doc.References)
			}
		})
	}
}
