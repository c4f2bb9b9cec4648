package clean

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleynews/parley"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Published : 20 Aug 2025, 02:11", "2025-08-20"},
		{"August 20, 2025 5:01 PM EDT", "2025-08-20"},
		{"Aug. 20 2025", "2025-08-20"},
		{"Wednesday, 20th of August, 2025", "2025-08-20"},
		{"2025-08-20T14:03:00Z", "2025-08-20"},
		{"2025/8/20", "2025-08-20"},
		{"20/08/2025", "2025-08-20"},
		{"08/20/2025", "2025-08-20"},
		{"03/04/2025", "2025-03-04"}, // ambiguous: month first, as in American usage
		{"20.08.2025", "2025-08-20"},
		{"sept 3, 2024", "2024-09-03"},
		{"31 April 2025", ""}, // no such day
		{"2025-13-01", ""},
		{"Updated 3 hours ago", ""},
		{"in May 2025", ""}, // no day
		{"the 60-day ceasefire", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		date     string
		labelled bool
	}{
		{"Published : 20 Aug 2025, 02:11", true, "2025-08-20", true},
		{"August 20, 2025 5:01 PM EDT", true, "2025-08-20", false},
		{"Updated 3 hours ago", true, "", true},
		{"By Jane Doe", true, "", true},
		{"By Jane Doe, Reuters", true, "", true},
		{"BY JANE DOE AND JOHN ROE", true, "", true},
		{"By Jane Doe | Aug 20, 2025 | 4 min read", true, "2025-08-20", true},
		{"Posted on Tuesday, March 5, 2024 at 10:30 a.m.", true, "2024-03-05", true},
		{"9:05 p.m.", false, "", false},
		{"By Tuesday, the talks had collapsed.", false, "", false},
		{"Cruz dropped out of the race May 3, 2016.", false, "", false},
		{"Trump - Clinton", false, "", false},
	}
	for _, tt := range tests {
		l := newLine(tt.in, parley.Span{Start: 0, End: len(tt.in)})
		date, _, labelled, ok := dateLine(&l)
		if ok != tt.ok || date != tt.date || labelled != tt.labelled {
			t.Errorf("dateLine(%q) = %q, labelled %v, ok %v; want %q, %v, %v", tt.in, date, labelled, ok, tt.date, tt.labelled, tt.ok)
		}
	}
}

func TestCitationMarkers(t *testing.T) {
	text := "A claim[1][3]. Another [2, 4], a range [5-7], a big one [12] and an array x[a] or [1a]."
	var got [][]string
	for _, m := range CitationMarkers(text) {
		if !strings.HasPrefix(m.In(text), "[") {
			t.Errorf("marker span %q", m.In(text))
		}
		got = append(got, m.Labels)
	}
	want := [][]string{{"1"}, {"3"}, {"2", "4"}, {"5", "6", "7"}, {"12"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("labels = %v, want %v", got, want)
	}
}

func TestParseReferences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []parley.Reference // spans are checked through entry texts
		ents []string
	}{
		{
			name: "entries sharing one line",
			text: "Some prose here.\n[1] Daily Planet, \"Bridge reopens after repairs,\" 2024-02-01. [2] Metro Wire, “Traffic returns to normal,” Feb. 3, 2024.",
			want: []parley.Reference{
				{Label: "1", Outlet: "Daily Planet", Title: "Bridge reopens after repairs", Date: "2024-02-01"},
				{Label: "2", Outlet: "Metro Wire", Title: "Traffic returns to normal", Date: "2024-02-03"},
			},
			ents: []string{"[1] Daily Planet, \"Bridge reopens after repairs,\" 2024-02-01.", "[2] Metro Wire, “Traffic returns to normal,” Feb. 3, 2024."},
		},
		{
			name: "title first, outlet after",
			text: "[1] \"Harbour plan approved,\" Coastal Times, 5 March 2023.",
			want: []parley.Reference{{Label: "1", Outlet: "Coastal Times", Title: "Harbour plan approved", Date: "2023-03-05"}},
			ents: []string{"[1] \"Harbour plan approved,\" Coastal Times, 5 March 2023."},
		},
		{
			name: "numbered under a heading, without quotes",
			text: "References\n1. Farm Journal, Wheat estimates trimmed again, June 3, 2024\n2) Grain Report, Heat wave threatens yields, https://example.org/x, 2024-06-04",
			want: []parley.Reference{
				{Label: "1", Outlet: "Farm Journal", Title: "Wheat estimates trimmed again", Date: "2024-06-03"},
				{Label: "2", Outlet: "Grain Report", Title: "Heat wave threatens yields", Date: "2024-06-04"},
			},
			ents: []string{"1. Farm Journal, Wheat estimates trimmed again, June 3, 2024", "2) Grain Report, Heat wave threatens yields, https://example.org/x, 2024-06-04"},
		},
		{
			name: "a numbered list without a heading is not a reference list",
			text: "Three things to know:\n1. The vote is on Tuesday, March 5, 2024.\n2. Polls close at 8 p.m.",
		},
		{
			name: "bracketed footnotes that cite nothing are not a list",
			text: "[1] This is an aside about the author.\n[2] Another aside.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseReferences(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d references %+v, want %d", len(got), got, len(tt.want))
			}
			for i, r := range got {
				if e := r.In(tt.text); e != tt.ents[i] {
					t.Errorf("entry %d text %q, want %q", i, e, tt.ents[i])
				}
				r.Span = parley.Span{}
				if r != tt.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, r, tt.want[i])
				}
			}
		})
	}
}

func TestCleanErrors(t *testing.T) {
	if err := Clean(nil); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("Clean(nil) = %v, want EINVALID", err)
	}
	doc := &parley.Document{Text: "short", Paragraphs: []parley.Span{{Start: 0, End: 99}}}
	if err := Clean(doc); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("Clean with a paragraph past the text = %v, want EINVALID", err)
	}
	if err := Clean(&parley.Document{}); err != nil {
		t.Errorf("Clean(empty) = %v", err)
	}
}

// TestCleanKeepsEarlierRemovals checks that removals made by others stay, that new ones do not
// overlap them, that a title already known is not replaced, and that a second run adds nothing.
func TestCleanKeepsEarlierRemovals(t *testing.T) {
	text := "Skip to content\nMarkets Rally on Rate Cut Hopes\nStocks rose for a third day on Friday as investors bet on lower interest rates, traders said.\nAdvertisement\nShare this article"
	doc := &parley.Document{Text: text, Title: "Given title"}
	at := strings.Index(text, "Advertisement")
	doc.Removed = []parley.Removal{{Span: parley.Span{Start: at, End: at + len("Advertisement")}, Reason: parley.ReasonOffTopic}}
	if err := Clean(doc); err != nil {
		t.Fatal(err)
	}
	checkRemovals(t, doc)
	want := []removal{{"Skip to content", nav}, {"Advertisement", parley.ReasonOffTopic}, {"Share this article", bp}}
	if got := removals(doc); !slices.Equal(got, want) {
		t.Errorf("removed %q, want %q", got, want)
	}
	if doc.Title != "Given title" {
		t.Errorf("title replaced: %q", doc.Title)
	}
	before := len(doc.Removed)
	if err := Clean(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Removed) != before || len(doc.Flags) != 0 {
		t.Errorf("second run changed the result: %v %v", doc.Removed, doc.Flags)
	}
}

// TestCleanConcurrent runs Clean on many documents at once; with -race it proves there is no
// shared mutable state.
func TestCleanConcurrent(t *testing.T) {
	text := "Latest\nHeadline About Something Happening Today\nBy A Writer\nA sentence of prose that is long enough to count as article text, officials said [1].\n[1] Wire, \"Something happened,\" 2024-01-02."
	var wg sync.WaitGroup
	docs := make([]*parley.Document, 16)
	for i := range docs {
		docs[i] = &parley.Document{Text: text}
		wg.Add(1)
		go func(d *parley.Document) {
			defer wg.Done()
			if err := Clean(d); err != nil {
				t.Error(err)
			}
		}(docs[i])
	}
	wg.Wait()
	for _, d := range docs[1:] {
		if !slices.Equal(d.Removed, docs[0].Removed) || d.Title != docs[0].Title {
			t.Fatalf("results differ between goroutines")
		}
	}
}
