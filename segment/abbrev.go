package segment

// abbrevKind says what a word before a full stop is, and so whether that full stop may end a
// sentence.
type abbrevKind uint8

const (
	// notAbbrev: an ordinary word; the full stop ends the sentence before a capital.
	notAbbrev abbrevKind = iota
	// title: a word that always stands before a name ("Mr.", "Sen.", "Gen."), so it never ends
	// a sentence.
	title
	// ambiguous: a word that often ends a sentence too ("U.S.", "a.m.", "Inc.", "Calif."); the
	// full stop ends the sentence only when a common sentence opener follows.
	ambiguous
	// month: "Jan." before a day number never ends a sentence; otherwise ambiguous.
	month
	// numbered: "No. 10", "Vol. 3": never ends a sentence before a number; otherwise an
	// ordinary word, since "No." is also a whole answer.
	numbered
	// never: lower-case Latin abbreviations ("e.g.", "i.e.", "vs.") that stand mid-sentence.
	never
)

// abbrevs maps a word, as written before its final full stop, to its kind. All-capital spellings
// of titles ("MR.") are looked up through the capitalised form.
var abbrevs = map[string]abbrevKind{
	// Titles and ranks.
	"Mr": title, "Mrs": title, "Ms": title, "Mx": title, "Messrs": title, "Mmes": title,
	"Dr": title, "Drs": title, "Prof": title, "Rev": title, "Hon": title, "Fr": title,
	"Gen": title, "Gens": title, "Lt": title, "Col": title, "Maj": title, "Capt": title,
	"Cmdr": title, "Cdr": title, "Adm": title, "Brig": title, "Sgt": title, "Cpl": title,
	"Pvt": title, "Spc": title, "Ens": title, "Sen": title, "Sens": title, "Rep": title,
	"Reps": title, "Gov": title, "Govs": title, "Pres": title, "Supt": title, "Atty": title,
	"Amb": title, "Sec": title, "Secs": title, "Insp": title, "Det": title, "Mt": title,
	"Ft": title, "Msgr": title, "Lieut": title, "Sr": ambiguous, "Jr": ambiguous,
	"St": ambiguous, "Ste": ambiguous,

	// Companies, places and other abbreviations that often end a sentence.
	"Inc": ambiguous, "Corp": ambiguous, "Co": ambiguous, "Cos": ambiguous, "Ltd": ambiguous,
	"Bros": ambiguous, "Assn": ambiguous, "Dept": ambiguous, "Univ": ambiguous,
	"Ave": ambiguous, "Blvd": ambiguous, "Rd": ambiguous, "Hwy": ambiguous, "al": ambiguous,
	"Ala": ambiguous, "Ariz": ambiguous, "Ark": ambiguous, "Calif": ambiguous,
	"Colo": ambiguous, "Conn": ambiguous, "Del": ambiguous, "Fla": ambiguous, "Ga": ambiguous,
	"Ill": ambiguous, "Ind": ambiguous, "Kan": ambiguous, "Kans": ambiguous, "Ky": ambiguous,
	"La": ambiguous, "Md": ambiguous, "Mass": ambiguous, "Mich": ambiguous, "Minn": ambiguous,
	"Miss": ambiguous, "Mo": ambiguous, "Mont": ambiguous, "Neb": ambiguous, "Nev": ambiguous,
	"Okla": ambiguous, "Ore": ambiguous, "Pa": ambiguous, "Penn": ambiguous, "Tenn": ambiguous,
	"Tex": ambiguous, "Va": ambiguous, "Vt": ambiguous, "Wash": ambiguous, "Wis": ambiguous,
	"Wyo": ambiguous,

	// Months.
	"Jan": month, "Feb": month, "Mar": month, "Apr": month, "Jun": month, "Jul": month,
	"Aug": month, "Sep": month, "Sept": month, "Oct": month, "Nov": month, "Dec": month,

	// Before a number.
	"No": numbered, "no": numbered, "Nos": numbered, "nos": numbered, "Vol": numbered,
	"vol": numbered, "Art": numbered, "art": numbered, "Fig": numbered, "fig": numbered,
	"p": numbered, "pp": numbered, "Ch": numbered, "ch": numbered, "Para": numbered,
	"para": numbered, "Op": numbered, "op": numbered,

	// Lower-case abbreviations that stand inside a sentence.
	"vs": never, "v": never, "cf": never, "viz": never, "approx": never, "ca": never,
	"esp": never, "incl": never, "resp": never, "eq": never,
}

// starters are words that commonly open a sentence and hardly ever follow an abbreviation such as
// "U.S." or "a.m." inside one: after an ambiguous abbreviation, a full stop ends the sentence
// only before one of these. A name ("U.S. Army", "10 a.m. Monday") keeps the sentence going.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "There": true, "Here": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "You": true, "His": true, "Her": true, "Its": true,
	"Their": true, "Our": true, "My": true, "Your": true, "But": true, "And": true, "Or": true,
	"So": true, "Yet": true, "Still": true, "However": true, "Meanwhile": true,
	"Moreover": true, "Also": true, "In": true, "On": true, "At": true, "By": true, "For": true,
	"From": true, "With": true, "Without": true, "After": true, "Before": true, "During": true,
	"Since": true, "Until": true, "Under": true, "Over": true, "Among": true, "As": true,
	"If": true, "When": true, "While": true, "Where": true, "Why": true, "How": true,
	"What": true, "Who": true, "Which": true, "Whether": true, "Although": true,
	"Though": true, "Because": true, "Despite": true, "Some": true, "Many": true, "Most": true,
	"Several": true, "Few": true, "Both": true, "Each": true, "Every": true, "All": true,
	"Any": true, "No": true, "None": true, "Neither": true, "Nor": true, "Not": true,
	"Now": true, "Then": true, "Today": true, "Yesterday": true, "Tomorrow": true,
	"Last": true, "Next": true, "Earlier": true, "Later": true, "Instead": true,
	"Indeed": true, "Even": true, "Only": true, "Just": true, "Such": true, "Another": true,
	"Other": true, "Others": true, "According": true, "Mr": true, "Mrs": true, "Ms": true,
	"Asked": true, "Officials": true, "Yes": true, "Thus": true,
	"Nevertheless": true, "Furthermore": true, "Additionally": true, "Separately": true,
	"Similarly": true, "Finally": true, "First": true, "Second": true, "Third": true,
	"Once": true, "Unlike": true, "Like": true, "Given": true, "Speaking": true,
	"Together": true, "Overall": true, "Currently": true, "Recently": true, "Already": true,
	"Otherwise": true, "Perhaps": true, "Maybe": true, "Sometimes": true, "Afterward": true,
}

// lookupAbbrev returns the kind of word w (the letters before a full stop, without it).
func lookupAbbrev(w string) abbrevKind {
	if k, ok := abbrevs[w]; ok {
		return k
	}
	// "MR." and "SEN." in all-capital headlines: fold to the capitalised form. Only titles fold,
	// because all-capital "MISS" or "ILL" is more often a word than a state.
	if len(w) >= 2 && len(w) <= 6 && isUpperASCII(w) {
		var buf [6]byte
		buf[0] = w[0]
		for i := 1; i < len(w); i++ {
			buf[i] = w[i] + ('a' - 'A')
		}
		if k := abbrevs[string(buf[:len(w)])]; k == title {
			return title
		}
	}
	return notAbbrev
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
