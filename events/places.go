package events

import (
	"fmt"
	"strings"
	"sync"

	"github.com/parleynews/parley/actors"
)

// countryWords maps country names, demonyms, aliases and capitals (the actor dictionary's, in
// lower case) and a few metonyms and organisations (data/places.txt) to CAMEO country codes.
// It is built on first use, from the dictionary the actors stage builds anyway.
var (
	countryOnce  sync.Once
	countryWords map[string]string
)

func countryOf(name string) (string, bool) {
	countryOnce.Do(loadCountries)
	c, ok := countryWords[name]
	return c, ok
}

func loadCountries() {
	m := map[string]string{}
	d, err := actors.Builtin()
	if err != nil {
		// The dictionary is embedded data: the actors stage fails the same way at start-up.
		panic(fmt.Sprintf("events: actor dictionary: %v", err))
	}
	for _, e := range d.Entries() {
		if e.Kind != actors.KindCountry {
			continue
		}
		for _, names := range [][]string{{e.Name}, e.Demonyms, e.Aliases, e.Capitals} {
			for _, n := range names {
				if n = strings.ToLower(n); m[n] == "" {
					m[n] = e.Code
				}
			}
		}
	}
	for _, l := range places.Records("countries", 2, 2) {
		for _, n := range l.List(1) {
			if old, dup := m[n]; dup {
				panic("events: " + l.Errorf("%q is already %s", n, old).Error())
			}
			m[n] = l.Fields[0]
		}
	}
	countryWords = m
}

// roleWords give the CAMEO sector of a noun phrase's head ("army" MIL, "court" JUD).
var roleWords = places.Map("roleWords")

// guessCode reads a CAMEO-style actor code from the words of a noun phrase: a country from a
// name or adjective, and a sector from the head noun.
func guessCode(words []string) string {
	country, sector := "", ""
	frozen := false // after a preposition the head noun has been passed
	for i := 0; i < len(words); i++ {
		w := strings.TrimSuffix(words[i], ".")
		if w == "" {
			continue
		}
		if country == "" {
			// Longest names first: "south sudan" before "sudan".
			for n := 3; n >= 1; n-- {
				if i+n > len(words) {
					continue
				}
				key := strings.Join(words[i:i+n], " ")
				if c, ok := countryOf(key); ok {
					country = c
					i += n - 1
					break
				}
				if c, ok := countryOf(strings.TrimSuffix(key, ".")); ok && n == 1 {
					country = c
					break
				}
			}
			if country != "" {
				continue
			}
		}
		if s, ok := roleWords[w]; ok && !frozen {
			sector = s
		}
		if prepositions[w] && sector != "" {
			frozen = true // "spokesman for President X": the head comes first
		}
	}
	switch {
	case strings.HasPrefix(country, "IGO"):
		return country
	case country == "":
		return ""
	}
	return country + sector
}
