package events

import "strings"

// countryWords maps country names, adjectives, capitals and a few metonyms to CAMEO country
// codes (data/places.txt).
var countryWords = func() map[string]string {
	m := map[string]string{}
	for _, l := range places.Records("countries", 2, 2) {
		for _, n := range l.List(1) {
			if old, dup := m[n]; dup {
				panic("events: " + l.Errorf("%q is already %s", n, old).Error())
			}
			m[n] = l.Fields[0]
		}
	}
	return m
}()

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
				if c, ok := countryWords[key]; ok {
					country = c
					i += n - 1
					break
				}
				if c, ok := countryWords[strings.TrimSuffix(key, ".")]; ok && n == 1 {
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
