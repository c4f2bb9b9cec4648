package dates

import (
	"testing"
	"time"
)

// 20 August 2025 was a Wednesday.
var wednesday = time.Date(2025, 8, 20, 2, 11, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text  string
		words string
		date  string
		gran  Granularity
	}{
		{"White House press secretary Karoline Leavitt said Tuesday.", "Tuesday", "2025-08-19", Day},
		{"On Monday, Trump met visiting leaders.", "On Monday", "2025-08-18", Day},
		{"the meeting with Putin on Friday in Alaska", "on Friday", "2025-08-15", Day},
		{"In an interview earlier on Tuesday, he said", "earlier on Tuesday", "2025-08-19", Day},
		{"She spoke on Wednesday evening.", "on Wednesday evening", "2025-08-20", Day},
		{"They will meet next Monday.", "next Monday", "2025-08-25", Day},
		{"Trump will meet Putin on Friday.", "on Friday", "2025-08-22", Day},
		{"as he prepares to meet Vladimir Putin in Alaska on Friday", "on Friday", "2025-08-22", Day},
		{"The deal is due to be signed on Wednesday.", "on Wednesday", "2025-08-20", Day},
		{"He will say that they met on Monday.", "on Monday", "2025-08-18", Day},
		{"Trump, who will travel to Paris, met Macron on Monday.", "on Monday", "2025-08-18", Day},
		{"He won the vote on Monday.", "on Monday", "2025-08-18", Day},
		{"He spoke last Wednesday.", "last Wednesday", "2025-08-13", Day},
		{"Talks collapsed yesterday.", "yesterday", "2025-08-19", Day},
		{"The vote is tomorrow.", "tomorrow", "2025-08-21", Day},
		{"Published : 20 Aug 2025, 02:11", "20 Aug 2025", "2025-08-20", Day},
		{"on August 18, 2025 the leaders met", "August 18, 2025", "2025-08-18", Day},
		{"on Aug. 15 they met", "Aug. 15", "2025-08-15", Day},
		{"signed on 3rd of March", "3rd of March", "2025-03-03", Day},
		{"as of 2025-04-01 the fund", "2025-04-01", "2025-04-01", Day},
		{"the strike three days ago", "three days ago", "2025-08-17", Day},
		{"the talks came three days after the summit", "three days after", "", Vague},
		{"He met Trump last week.", "last week", "", Week},
		{"as agreed earlier this month", "earlier this month", "", Month},
		{"the offensive in March", "in March", "", Month},
	}
	for _, tc := range tests {
		got := Find(tc.text, wednesday, true)
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
		if got := Find(s, wednesday, true); len(got) != 0 {
			t.Errorf("%q: found %+v", s, got)
		}
	}
}

func TestUnknownReference(t *testing.T) {
	got := Find("He said on Monday that talks went well.", time.Time{}, false)
	if len(got) != 1 || got[0].Date != "" || got[0].Text != "on Monday" {
		t.Fatalf("without a publication date the words stay and the date is unknown: %+v", got)
	}
	got = Find("It was signed on 18 August 2025.", time.Time{}, false)
	if len(got) != 1 || got[0].Date != "2025-08-18" {
		t.Fatalf("an explicit date needs no anchor: %+v", got)
	}
}

func TestNearYearBoundary(t *testing.T) {
	jan := time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	got := Find("the attack on December 30", jan, true)
	if len(got) != 1 || got[0].Date != "2025-12-30" {
		t.Fatalf("December 30 in a 3 January paper: %+v", got)
	}
}

func TestNearest(t *testing.T) {
	s := "On Monday, Trump said he would meet Putin on Friday."
	exprs := Find(s, wednesday, true)
	e, ok := Nearest(exprs, len("On Monday, Trump sa"))
	if !ok || e.Text != "On Monday" {
		t.Errorf("nearest to 'said' is %+v", e)
	}
	if _, ok := Nearest(nil, 0); ok {
		t.Error("nearest of nothing")
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On Monday, Trump met Zelensky on 18 August 2025.")
	f.Add("three days ago, last week, 31 June, 99 Dec 0001")
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range Find(s, wednesday, true) {
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

func BenchmarkFind(b *testing.B) {
	s := "The talks followed Trump's meeting with Russian President Vladimir Putin on Friday in the U.S. state of Alaska, where progress was reported but no deal was reached. "
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, wednesday, true)
	}
}

func TestRelative(t *testing.T) {
	for text, want := range map[string]int{
		"the talks came three days after the leaders met": 3,
		"two weeks before the vote":                       -14,
		"a day later they signed":                         1,
		"three months after the war":                      0, // too coarse to count in days
	} {
		got := Find(text, wednesday, true)
		if len(got) != 1 || got[0].Relative != want {
			t.Errorf("%q: %+v, want Relative %d", text, got, want)
		}
	}
}
