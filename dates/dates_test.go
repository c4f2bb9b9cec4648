package dates

import (
	"testing"
	"time"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/segment"
)

// 20 August 2025 was a Wednesday.
var wednesday = time.Date(2025, 8, 20, 2, 11, 0, 0, time.UTC)

// findIn finds the expressions of text read as one sentence, tokenised as the tokens stage
// tokenises it.
func findIn(text string, ref time.Time, known bool) []parley.Timex {
	toks := segment.Tokens(text, nil, []parley.Span{{Start: 0, End: len(text)}}, nil)
	return find(nil, text, words(text, toks, nil), 0, ref, known)
}

func TestFind(t *testing.T) {
	tests := []struct {
		text  string
		words string
		date  string
		gran  parley.Granularity
	}{
		{"White House press secretary Karoline Leavitt said Tuesday.", "Tuesday", "2025-08-19", parley.GranularityDay},
		{"On Monday, Trump met visiting leaders.", "On Monday", "2025-08-18", parley.GranularityDay},
		{"the meeting with Putin on Friday in Alaska", "on Friday", "2025-08-15", parley.GranularityDay},
		{"In an interview earlier on Tuesday, he said", "earlier on Tuesday", "2025-08-19", parley.GranularityDay},
		{"She spoke on Wednesday evening.", "on Wednesday evening", "2025-08-20", parley.GranularityDay},
		{"They will meet next Monday.", "next Monday", "2025-08-25", parley.GranularityDay},
		{"Trump will meet Putin on Friday.", "on Friday", "2025-08-22", parley.GranularityDay},
		{"as he prepares to meet Vladimir Putin in Alaska on Friday", "on Friday", "2025-08-22", parley.GranularityDay},
		{"The deal is due to be signed on Wednesday.", "on Wednesday", "2025-08-20", parley.GranularityDay},
		{"He will say that they met on Monday.", "on Monday", "2025-08-18", parley.GranularityDay},
		{"Trump, who will travel to Paris, met Macron on Monday.", "on Monday", "2025-08-18", parley.GranularityDay},
		{"He won the vote on Monday.", "on Monday", "2025-08-18", parley.GranularityDay},
		{"He spoke last Wednesday.", "last Wednesday", "2025-08-13", parley.GranularityDay},
		{"Talks collapsed yesterday.", "yesterday", "2025-08-19", parley.GranularityDay},
		{"The vote is tomorrow.", "tomorrow", "2025-08-21", parley.GranularityDay},
		{"Published : 20 Aug 2025, 02:11", "20 Aug 2025", "2025-08-20", parley.GranularityDay},
		{"on August 18, 2025 the leaders met", "August 18, 2025", "2025-08-18", parley.GranularityDay},
		{"on Aug. 15 they met", "Aug. 15", "2025-08-15", parley.GranularityDay},
		{"signed on 3rd of March", "3rd of March", "2025-03-03", parley.GranularityDay},
		{"as of 2025-04-01 the fund", "2025-04-01", "2025-04-01", parley.GranularityDay},
		{"the strike three days ago", "three days ago", "2025-08-17", parley.GranularityDay},
		{"the talks came three days after the summit", "three days after", "", parley.GranularityVague},
		{"He met Trump last week.", "last week", "", parley.GranularityWeek},
		{"as agreed earlier this month", "earlier this month", "", parley.GranularityMonth},
		{"the offensive in March", "in March", "", parley.GranularityMonth},
		{"the offensive in mid-March", "mid-March", "", parley.GranularityMonth},
		{"the attacks of Sept.11, 2001 changed it", "Sept.11, 2001", "2001-09-11", parley.GranularityDay},
		{"Kyiv, Mar 3, 2009/14:30 pm (AFP) The envoys met", "Mar 3, 2009", "2009-03-03", parley.GranularityDay},
		{"the poll was taken September 16-19 by phone", "September 16", "2025-09-16", parley.GranularityDay},
		{"hurt in the team's 30-7 Oct. 19 loss", "Oct. 19", "2025-10-19", parley.GranularityDay},
		{"He won't sign it on Friday.", "on Friday", "2025-08-22", parley.GranularityDay},
		{"She’ll meet him on Friday.", "on Friday", "2025-08-22", parley.GranularityDay},
		{"Zelensky's visit on Aug. 18, 2025, was short", "Aug. 18, 2025", "2025-08-18", parley.GranularityDay},
	}
	for _, tc := range tests {
		got := findIn(tc.text, wednesday, true)
		if len(got) != 1 {
			t.Errorf("%q: found %d expressions %+v, want 1", tc.text, len(got), got)
			continue
		}
		e := got[0]
		if e.Text != tc.words || e.Date != tc.date || e.Granularity != tc.gran {
			t.Errorf("%q: got %q %q gran %d, want %q %q gran %d", tc.text, e.Text, e.Date, e.Granularity, tc.words, tc.date, tc.gran)
		}
		if tc.text[e.Start:e.End] != e.Text {
			t.Errorf("%q: offsets [%d,%d) do not hold %q", tc.text, e.Start, e.End, e.Text)
		}
	}
}

func TestNothingToFind(t *testing.T) {
	for _, s := range []string{
		"Ukraine may join later, he said.",
		"A force of 48,000 troops in 1999 was 50 times smaller.",
		"Security is about 2% of the problem.",
		"They march on.",
		"",
	} {
		if got := findIn(s, wednesday, true); len(got) != 0 {
			t.Errorf("%q: found %+v", s, got)
		}
	}
}

func TestUnknownReference(t *testing.T) {
	got := findIn("He said on Monday that talks went well.", time.Time{}, false)
	if len(got) != 1 || got[0].Date != "" || got[0].Text != "on Monday" {
		t.Fatalf("without a publication date the words stay and the date is unknown: %+v", got)
	}
	got = findIn("It was signed on 18 August 2025.", time.Time{}, false)
	if len(got) != 1 || got[0].Date != "2025-08-18" {
		t.Fatalf("an explicit date needs no anchor: %+v", got)
	}
}

func TestNearYearBoundary(t *testing.T) {
	jan := time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	got := findIn("the attack on December 30", jan, true)
	if len(got) != 1 || got[0].Date != "2025-12-30" {
		t.Fatalf("December 30 in a 3 January paper: %+v", got)
	}
}

func TestNearestIn(t *testing.T) {
	s := "On Monday, Trump said he would meet Putin on Friday, but not last week."
	const offset = 1000
	var ts []parley.Timex
	for _, x := range findIn(s, wednesday, true) {
		x.Start, x.End = x.Start+offset, x.End+offset
		ts = append(ts, x)
	}
	for _, tc := range []struct {
		at   string // the text up to the position
		want string
	}{
		{"On Monday, Trump sa", "On Monday"},
		{"On Monday, Trump said he would meet Putin on Fr", "on Friday"},
		// a resolved date is preferred to a closer one that is not
		{"On Monday, Trump said he would meet Putin on Friday, but not last we", "on Friday"},
	} {
		x, ok := NearestIn(ts, offset+len(tc.at))
		if !ok || x.Text != tc.want {
			t.Errorf("nearest to %q is %+v, want %q", tc.at, x, tc.want)
		}
	}
	if _, ok := NearestIn(nil, 0); ok {
		t.Error("nearest of nothing")
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On Monday, Trump met Zelensky on 18 August 2025.")
	f.Add("three days ago, last week, 31 June, 99 Dec 0001")
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range findIn(s, wednesday, true) {
			if e.Start < 0 || e.End > len(s) || e.Start > e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %+v in %q", e, s)
			}
			if e.Date != "" {
				if _, err := time.Parse("2006-01-02", e.Date); err != nil {
					t.Fatalf("bad date %q", e.Date)
				}
			}
		}
	})
}

// BenchmarkFind measures the stage's work on a sentence whose tokens the tokens stage made.
func BenchmarkFind(b *testing.B) {
	s := "The talks followed Trump's meeting with Russian President Vladimir Putin on Friday in the U.S. state of Alaska, where progress was reported but no deal was reached. "
	toks := segment.Tokens(s, nil, []parley.Span{{Start: 0, End: len(s)}}, nil)
	var buf []token
	var out []parley.Timex
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if hint(s) {
			buf = words(s, toks, buf[:0])
			out = find(out[:0], s, buf, 0, wednesday, true)
		}
	}
}

func TestRelative(t *testing.T) {
	for text, want := range map[string]int{
		"the talks came three days after the leaders met": 3,
		"two weeks before the vote":                       -14,
		"a day later they signed":                         1,
		"three months after the war":                      0, // too coarse to count in days
	} {
		got := findIn(text, wednesday, true)
		if len(got) != 1 || got[0].Relative != want {
			t.Errorf("%q: %+v, want Relative %d", text, got, want)
		}
	}
}

// hint finds a month's abbreviation in any case, and only where its three letters stand.
func TestHintMonth(t *testing.T) {
	tests := map[string]bool{
		"Talks in Feb went on":  true,
		"talks in feb went on":  false, // lower case is no hint: "mar", "may" are words
		"FEB":                   true,
		"OCT talks":             true,
		"Fé talks":              false,
		"The Kremlin answered":  false,
		"Xyz Ab":                false,
		"In Décembre they met":  false,
		"Sept. talks continued": true,
	}
	for in, want := range tests {
		if got := hint(in); got != want {
			t.Errorf("hint(%q) = %v, want %v", in, got, want)
		}
	}
}
