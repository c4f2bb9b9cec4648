package main

import (
	"slices"
	"strings"
	"testing"
)

// Lines in the shape of WordNet 3.0's index.verb and data.verb, made up for the test.
const (
	idxStorm    = "storm v 3 3 @ ~ + 3 2 90000001 90000002 90000003  "
	idxRare     = "stormfront v 1 1 @ 1 0 90000003  "
	idxParticle = "storm_off v 1 1 @ 1 1 90000002  "
	datStorm    = "90000001 33 v 02 storm 0 assault 1 002 @ 90000009 v 0000 + 90000010 n 0101 01 + 08 00 | attack in force"
	datLeave    = "90000002 38 v 01 storm 0 001 @ 90000011 v 0000 01 + 02 00 | go off in a rage"
	datWeather  = "90000003 43 v 01 Storm 0 000 01 + 01 00 | blow hard"
)

func TestParseIndexLine(t *testing.T) {
	e, err := parseIndexLine(idxStorm)
	if err != nil {
		t.Fatal(err)
	}
	if e.lemma != "storm" || e.tagged != 2 || !slices.Equal(e.offsets, []string{"90000001", "90000002", "90000003"}) {
		t.Errorf("parseIndexLine = %+v", e)
	}
	for _, bad := range []string{
		"storm v 3",                               // too short
		"storm v x 3 @ ~ + 3 2 90000001",          // synset count
		"storm v 3 3 @ ~ + 3 2 90000001 90000002", // two offsets for three synsets
		"storm v 1 9 @ 1 1 90000001",              // pointer count past the end
	} {
		if _, err := parseIndexLine(bad); err == nil {
			t.Errorf("parseIndexLine(%q): no error", bad)
		}
	}
}

func TestParseDataLine(t *testing.T) {
	s, err := parseDataLine(datStorm)
	if err != nil {
		t.Fatal(err)
	}
	if s.offset != "90000001" || s.class != 33 {
		t.Errorf("parseDataLine = %+v", s)
	}
	for _, bad := range []string{"90000001 33", "90000001 xx v 01 storm 0 000 | gloss", "90000001 33 v 09 storm 0 000 | gloss"} {
		if _, err := parseDataLine(bad); err == nil {
			t.Errorf("parseDataLine(%q): no error", bad)
		}
	}
}

func TestBuild(t *testing.T) {
	synsets := map[string]synset{}
	for _, l := range []string{datStorm, datLeave, datWeather} {
		s, err := parseDataLine(l)
		if err != nil {
			t.Fatal(err)
		}
		synsets[s.offset] = s
	}
	var entries []indexEntry
	for _, l := range []string{idxStorm, idxRare, idxParticle} {
		e, err := parseIndexLine(l)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	// storm: its two counted senses (the third is not counted); stormfront: none counted, left out.
	if got := classes(entries[0], synsets); !slices.Equal(got, []string{"competition", "motion"}) {
		t.Errorf("classes(storm) = %q", got)
	}
	if got := classes(entries[1], synsets); got != nil {
		t.Errorf("classes(stormfront) = %q, want none", got)
	}
	table := build(entries, synsets)
	body := table[strings.Index(table, "[verbs]\n"):]
	if want := "[verbs]\ncompetition|motion\tstorm\nmotion\tstorm_off\n"; body != want {
		t.Errorf("build:\n%s\nwant\n%s", body, want)
	}
}
