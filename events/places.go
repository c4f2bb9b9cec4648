package events

import "strings"

// countryWords maps country names, adjectives, capitals and a few metonyms to CAMEO country
// codes (ISO 3166 alpha-3 in the main). Lower case; multi-word names joined by spaces.
var countryWords = map[string]string{}

const countryText = `
USA: us|u.s.|u.s|usa|united states|america|american|americans|washington|white house|pentagon
RUS: russia|russian|russians|moscow|kremlin|russian federation
UKR: ukraine|ukrainian|ukrainians|kyiv|kiev
CHN: china|chinese|beijing
GBR: britain|british|uk|u.k.|united kingdom|england|english|london|downing street
FRA: france|french|paris|elysee
DEU: germany|german|germans|berlin
ITA: italy|italian|italians|rome
ESP: spain|spanish|madrid
IRN: iran|iranian|iranians|tehran
IRQ: iraq|iraqi|iraqis|baghdad
ISR: israel|israeli|israelis|jerusalem|tel aviv|idf
PSE: palestine|palestinian|palestinians|gaza|ramallah|west bank|hamas
SYR: syria|syrian|syrians|damascus
TUR: turkey|turkish|turks|ankara|turkiye
SAU: saudi|saudi arabia|saudis|riyadh
EGY: egypt|egyptian|egyptians|cairo
IND: india|indian|indians|delhi|new delhi|mumbai
PAK: pakistan|pakistani|pakistanis|islamabad
AFG: afghanistan|afghan|afghans|kabul|taliban
JPN: japan|japanese|tokyo
KOR: south korea|south korean|seoul|korean
PRK: north korea|north korean|pyongyang
CAN: canada|canadian|canadians|ottawa
MEX: mexico|mexican|mexicans
BRA: brazil|brazilian|brazilians|brasilia
ARG: argentina|argentine|argentinian|buenos aires
VEN: venezuela|venezuelan|venezuelans|caracas
COL: colombia|colombian|colombians|bogota
CUB: cuba|cuban|cubans|havana
AUS: australia|australian|australians|canberra
NZL: new zealand
NGA: nigeria|nigerian|nigerians|abuja|lagos
ZAF: south africa|south african|pretoria
KEN: kenya|kenyan|nairobi
ETH: ethiopia|ethiopian|addis ababa
SDN: sudan|sudanese|khartoum
SSD: south sudan|south sudanese|juba
SOM: somalia|somali|mogadishu|al-shabab|al-shabaab
LBY: libya|libyan|libyans|tripoli
YEM: yemen|yemeni|yemenis|sanaa|houthi|houthis
LBN: lebanon|lebanese|beirut|hezbollah
JOR: jordan|jordanian|amman
QAT: qatar|qatari|doha
ARE: uae|united arab emirates|emirati|abu dhabi|dubai
POL: poland|polish|warsaw
HUN: hungary|hungarian|budapest
CZE: czech|czech republic|prague
ROU: romania|romanian|bucharest
BLR: belarus|belarusian|minsk
GEO: georgia|georgian|tbilisi
ARM: armenia|armenian|yerevan
AZE: azerbaijan|azerbaijani|baku
KAZ: kazakhstan|kazakh|astana
KGZ: kyrgyzstan|kyrgyz|bishkek
NLD: netherlands|dutch|amsterdam|the hague
BEL: belgium|belgian|brussels
SWE: sweden|swedish|stockholm
NOR: norway|norwegian|oslo
FIN: finland|finnish|helsinki
DNK: denmark|danish|copenhagen
CHE: switzerland|swiss|geneva|bern
AUT: austria|austrian|vienna
GRC: greece|greek|athens
SRB: serbia|serbian|serb|serbs|belgrade
BIH: bosnia|bosnian
XKX: kosovo
PRT: portugal|portuguese|lisbon
IRL: ireland|irish|dublin
MLT: malta|maltese
IDN: indonesia|indonesian|jakarta
MYS: malaysia|malaysian|kuala lumpur
PHL: philippines|philippine|filipino|filipinos|manila
THA: thailand|thai|bangkok
VNM: vietnam|vietnamese|hanoi
MMR: myanmar|burma|burmese|yangon|naypyitaw
KHM: cambodia|cambodian|phnom penh
BGD: bangladesh|bangladeshi|dhaka
LKA: sri lanka|sri lankan|colombo
NPL: nepal|nepalese|nepali|kathmandu
ZWE: zimbabwe|zimbabwean|harare
COD: congo|congolese|kinshasa|democratic republic of congo
UGA: uganda|ugandan|kampala
RWA: rwanda|rwandan|kigali
MLI: mali|malian|bamako
TCD: chad|chadian|ndjamena
DZA: algeria|algerian|algiers
MAR: morocco|moroccan|rabat
TUN: tunisia|tunisian|tunis
ERI: eritrea|eritrean|asmara
DJI: djibouti
MRT: mauritania|mauritanian|nouakchott
HTI: haiti|haitian|port-au-prince
PER: peru|peruvian|lima
BOL: bolivia|bolivian|la paz
CHL: chile|chilean|santiago
ECU: ecuador|ecuadorian|quito
GTM: guatemala|guatemalan
NIC: nicaragua|nicaraguan|managua
FJI: fiji|fijian
PNG: papua new guinea
TWN: taiwan|taiwanese|taipei
KWT: kuwait|kuwaiti
BHR: bahrain|bahraini
OMN: oman|omani
IGOUNO: un|u.n.|united nations|unsmil|unhcr|unicef|security council
IGOWSTNAT: nato|north atlantic treaty organization
IGOEUREEC: eu|european union|european commission|european parliament|brussels
IGOAFRAFU: african union
`

func init() {
	for _, line := range strings.Split(countryText, "\n") {
		code, names, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		for _, n := range strings.Split(names, "|") {
			countryWords[n] = code
		}
	}
}

// roleWords give the CAMEO sector of a noun phrase's head ("army" MIL, "court" JUD).
var roleWords = map[string]string{
	"government": "GOV", "governments": "GOV", "ministry": "GOV", "minister": "GOV", "ministers": "GOV",
	"president": "GOV", "premier": "GOV", "chancellor": "GOV", "cabinet": "GOV", "official": "GOV",
	"officials": "GOV", "authorities": "GOV", "authority": "GOV", "embassy": "GOV", "ambassador": "GOV",
	"diplomat": "GOV", "diplomats": "GOV", "administration": "GOV", "leader": "GOV", "king": "GOV",
	"prime": "GOV", "secretary": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "envoy": "GOV",
	"state": "GOV", "regime": "GOV", "mayor": "GOV", "governor": "GOV", "department": "GOV",
	"army": "MIL", "military": "MIL", "troops": "MIL", "soldiers": "MIL", "forces": "MIL", "navy": "MIL",
	"defense": "MIL", "defence": "MIL", "commander": "MIL", "general": "MIL", "jets": "MIL",
	"warplanes": "MIL", "artillery": "MIL", "drones": "MIL", "missiles": "MIL",
	"police": "COP", "court": "JUD", "courts": "JUD", "judge": "JUD", "judges": "JUD",
	"prosecutor": "JUD", "prosecutors": "JUD", "tribunal": "JUD",
	"parliament": "LEG", "senate": "LEG", "lawmakers": "LEG", "legislators": "LEG", "congress": "LEG",
	"senator": "LEG", "senators": "LEG", "mps": "LEG", "assembly": "LEG",
	"rebels": "REB", "rebel": "REB", "insurgents": "INS", "militants": "INS", "militant": "INS",
	"opposition": "OPP", "party": "PTY", "company": "BUS", "firm": "BUS", "bank": "BUS", "banks": "BUS",
	"media": "MED", "newspaper": "MED", "journalist": "MED", "journalists": "MED",
	"protesters": "CVL", "demonstrators": "CVL", "activists": "CVL", "activist": "CVL", "civilians": "CVL",
	"people": "CVL", "students": "EDU", "workers": "LAB", "refugees": "REF", "migrants": "REF",
}

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
