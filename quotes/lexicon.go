package quotes

import "strings"

// cueClass describes how a reporting verb behaves.
type cueClass uint16

const (
	cInv    cueClass = 1 << iota // may follow its content and precede its subject: “…,” said Trump
	cObj                         // may take a hearer before the content: told reporters that …
	cNoun                        // its bare and -s forms are common nouns too: a report, claims
	cThink                       // a verb of thought or feeling: believes, fears
	cObject                      // its content is often a noun phrase: criticized the plan
	cEvid                        // hedges with no speaker: seems, appears, is expected to, reportedly
)

type formKind uint8

const (
	formBase formKind = iota
	form3sg
	formPast
	formIng
	formPart // a past participle distinct from the past tense
)

type cueWord struct {
	lemma   string
	class   cueClass
	form    formKind
	learned bool // from lexicon_learned.go, not the hand-made table
}

// cueTable lists reporting verbs as "base 3sg past ing [participle]" with their class. It holds
// the verbs of speech, writing, thought and evaluation that introduce what someone said or holds
// (the cues that news attribution corpora such as PolNeAR annotate), not every verb they mark.
var cueTable = []struct {
	forms string
	class cueClass
}{
	{"say says said saying", cInv},
	{"tell tells told telling", cObj},
	{"add adds added adding", cInv},
	{"write writes wrote writing written", cInv},
	{"note notes noted noting", cInv | cNoun},
	{"ask asks asked asking", cObj | cInv},
	{"argue argues argued arguing", cInv},
	{"claim claims claimed claiming", cInv | cNoun},
	{"insist insists insisted insisting", cInv},
	{"explain explains explained explaining", cInv},
	{"acknowledge acknowledges acknowledged acknowledging", cInv},
	{"announce announces announced announcing", cInv},
	{"state states stated stating", cInv | cNoun},
	{"tweet tweets tweeted tweeting", cInv | cNoun},
	{"warn warns warned warning", cObj | cInv},
	{"stress stresses stressed stressing", cInv | cNoun},
	{"emphasize emphasizes emphasized emphasizing", cInv},
	{"emphasise emphasises emphasised emphasising", cInv},
	{"observe observes observed observing", cInv},
	{"suggest suggests suggested suggesting", cInv},
	{"report reports reported reporting", cInv | cNoun},
	{"reply replies replied replying", cInv | cNoun},
	{"respond responds responded responding", cInv},
	{"declare declares declared declaring", cInv},
	{"predict predicts predicted predicting", cInv},
	{"promise promises promised promising", cObj | cNoun},
	{"vow vows vowed vowing", cNoun},
	{"pledge pledges pledged pledging", cNoun},
	{"admit admits admitted admitting", cInv},
	{"concede concedes conceded conceding", cInv},
	{"contend contends contended contending", cInv},
	{"assert asserts asserted asserting", cInv},
	{"maintain maintains maintained maintaining", 0},
	{"deny denies denied denying", 0},
	{"confirm confirms confirmed confirming", cInv},
	{"reveal reveals revealed revealing", 0},
	{"recall recalls recalled recalling", cInv | cNoun},
	{"remark remarks remarked remarking", cInv | cNoun},
	{"comment comments commented commenting", cInv | cNoun},
	{"complain complains complained complaining", cInv},
	{"caution cautions cautioned cautioning", cInv | cObj | cNoun},
	{"urge urges urged urging", cObj | cObject},
	{"allege alleges alleged alleging", 0},
	{"counter counters countered countering", cInv},
	{"conclude concludes concluded concluding", cInv},
	{"continue continues continued continuing", cInv},
	{"estimate estimates estimated estimating", cNoun},
	{"indicate indicates indicated indicating", 0},
	{"mention mentions mentioned mentioning", cNoun},
	{"signal signals signaled signaling", cNoun},
	{"signal signals signalled signalling", cNoun},
	{"propose proposes proposed proposing", cObject},
	{"recommend recommends recommended recommending", 0},
	{"demand demands demanded demanding", cNoun | cObject},
	{"testify testifies testified testifying", 0},
	{"quip quips quipped quipping", cInv},
	{"joke jokes joked joking", cInv},
	{"boast boasts boasted boasting", cInv},
	{"brag brags bragged bragging", cInv},
	{"lament laments lamented lamenting", cInv},
	{"summarize summarizes summarized summarizing", cInv},
	{"summarise summarises summarised summarising", cInv},
	{"exclaim exclaims exclaimed exclaiming", cInv},
	{"reiterate reiterates reiterated reiterating", cInv},
	{"repeat repeats repeated repeating", 0},
	{"retort retorts retorted retorting", cInv},
	{"assure assures assured assuring", cObj},
	{"reassure reassures reassured reassuring", cObj},
	{"inform informs informed informing", cObj},
	{"remind reminds reminded reminding", cObj | cInv},
	{"advise advises advised advising", cObj},
	{"echo echoes echoed echoing", cInv},
	{"clarify clarifies clarified clarifying", 0},
	{"hint hints hinted hinting", cNoun},
	{"imply implies implied implying", 0},
	{"posit posits posited positing", 0},
	{"speculate speculates speculated speculating", 0},
	{"wonder wonders wondered wondering", cInv},
	{"proclaim proclaims proclaimed proclaiming", 0},
	{"threaten threatens threatened threatening", 0},
	{"charge charges charged charging", cNoun},
	{"post posts posted posting", cNoun},
	{"show shows showed showing shown", cNoun},
	{"find finds found finding", 0},
	{"think thinks thought thinking", cThink},
	{"believe believes believed believing", cThink},
	{"hope hopes hoped hoping", cThink | cNoun},
	{"fear fears feared fearing", cThink | cNoun},
	{"expect expects expected expecting", cThink},
	{"know knows knew knowing known", cThink},
	{"worry worries worried worrying", cThink},
	{"feel feels felt feeling", cThink},
	{"doubt doubts doubted doubting", cThink | cNoun},
	{"suspect suspects suspected suspecting", cThink},
	{"agree agrees agreed agreeing", 0},
	{"criticize criticizes criticized criticizing", cObject},
	{"criticise criticises criticised criticising", cObject},
	{"praise praises praised praising", cObject | cNoun},
	{"accuse accuses accused accusing", cObject},
	{"blame blames blamed blaming", cObject | cNoun},
	{"describe describes described describing", cObject},
	{"call calls called calling", cObject | cNoun},
	{"dismiss dismisses dismissed dismissing", cObject},
	{"reject rejects rejected rejecting", cObject},
	{"endorse endorses endorsed endorsing", cObject},
	{"defend defends defended defending", cObject},
	{"cite cites cited citing", cObject},
	{"fume fumes fumed fuming", cInv},
	{"shout shouts shouted shouting", cInv},
	{"yell yells yelled yelling", cInv},
	{"chant chants chanted chanting", cInv},
	{"scream screams screamed screaming", cInv},
	{"whisper whispers whispered whispering", cInv},
	{"laugh laughs laughed laughing", cInv},
	{"snap snaps snapped snapping", cInv},
	{"scoff scoffs scoffed scoffing", cInv},
	{"sigh sighs sighed sighing", cInv},
	{"muse muses mused musing", cInv},
	{"interject interjects interjected interjecting", cInv},
	{"grumble grumbles grumbled grumbling", cInv},
	{"gush gushes gushed gushing", cInv},
	{"rave raves raved raving", cInv},
	{"gripe gripes griped griping", cInv},
	{"marvel marvels marveled marveling", cInv},
	{"beg begs begged begging", cInv},
	{"plead pleads pleaded pleading", cInv},
	{"answer answers answered answering", cInv},
	{"text texts texted texting", cInv},
	{"seem seems seemed seeming", cEvid},
	{"appear appears appeared", cEvid},
	{"reportedly", cEvid},
	{"expected", cEvid},
}

// multiCues are reporting phrases of several words, keyed by their first word.
var multiCues = map[string][][]string{
	"according": {{"according", "to"}},
	"made":      {{"made", "it", "clear"}, {"made", "clear"}},
	"make":      {{"make", "it", "clear"}, {"make", "clear"}},
	"makes":     {{"makes", "it", "clear"}, {"makes", "clear"}},
	"making":    {{"making", "it", "clear"}, {"making", "clear"}},
	"pointed":   {{"pointed", "out"}},
	"point":     {{"point", "out"}},
	"points":    {{"points", "out"}},
	"pointing":  {{"pointing", "out"}},
	"went":      {{"went", "on", "to", "say"}},
	"referring": {{"referring", "to"}},
	"ruled":     {{"ruled", "out"}},
	"rules":     {{"rules", "out"}},
	"rule":      {{"rule", "out"}},
	"spoke":     {{"spoke", "of"}},
	"shot":      {{"shot", "back"}},
	"fired":     {{"fired", "back"}},
	"expressed": {{"expressed", "hope"}, {"expressed", "concern"}, {"expressed", "willingness"}},
	"expresses": {{"expresses", "hope"}, {"expresses", "concern"}},
	"raised":    {{"raised", "concerns"}},
}

var cues = buildCues()

// noisyForms are cue forms that mislead more often than not: on PolNeAR's training split fewer
// than a quarter of the attributions they yielded were right ("known as", "pledged delegates",
// "the United States", "continued to").
var noisyForms = wordSet(`known know thought thinking showing continue continues feel felt find state states
	pledged maintained believed endorse warning urging report`)

func buildCues() map[string]cueWord {
	m := make(map[string]cueWord, len(cueTable)*5)
	for _, e := range cueTable {
		f := strings.Fields(e.forms)
		kinds := []formKind{formBase, form3sg, formPast, formIng, formPart}
		for i, w := range f {
			if old, dup := m[w]; (dup && kinds[i] != formPast && e.class&cEvid == 0) || noisyForms[w] || (dup && old.class&cEvid != 0) {
				continue
			}
			m[w] = cueWord{lemma: f[0], class: e.class, form: kinds[i]}
		}
	}
	for w := range learnedCues {
		if _, known := m[w]; known || noisyForms[w] {
			continue
		}
		form := formBase
		switch {
		case strings.HasSuffix(w, "ing"):
			form = formIng
		case strings.HasSuffix(w, "ed"):
			form = formPast
		case strings.HasSuffix(w, "s"):
			form = form3sg
		}
		m[w] = cueWord{lemma: w, class: cObject, form: form, learned: true}
	}
	return m
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	subjPronouns = wordSet(`he she they we i you it who
		i’m i'm he’s he's she’s she's they’re they're we’re we're you’re you're it’s it's
		i’ve i've we’ve we've they’ve they've i’d i'd he’d he'd she’d she'd they’d they'd we’d we'd
		i’ll i'll he’ll he'll she’ll she'll they’ll they'll we’ll we'll`)
	// prepositions take a noun phrase, never a clause ("after" and "before" may take either).
	prepositions = wordSet(`in on at of for to from with by about during into over under between
		against among through without within across via per amid despite toward towards around
		upon onto near behind beyond`)
	objPronouns = wordSet("him her them us me you it")
	// articles and possessive determiners: what follows them is a noun ("the report").
	articles    = wordSet("the a an his her their its our my your this these those such no every each another")
	determiners = wordSet("the a an this that these those his her their its our my your some many several most all both each every any no another such few other one two three four five")
	// functionWords end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns.
	functionWords = wordSet(`in on at of for to from with by about after before during into over under between
		against among through without within across since until via per amid despite toward towards around
		like than as upon onto off out up down near behind beyond
		and or but nor so yet because although though while when where whether if unless that which who whom
		whose what how why then there here now not also just even still only already again however meanwhile
		is are was were be been being has have had do does did will would can could shall should may might must
		he she it they we i you him them us me whenever wherever whatever whoever
		it’s it's that’s that's there’s there's here’s here's what’s what's let’s let's`)
	// auxiliaries and adverbs that may stand between a subject and its verb: has also said.
	auxWords = wordSet(`however too instead now today yesterday perhaps maybe always ever often sometimes usually rarely
		soon almost nearly don’t don't doesn’t doesn't didn’t didn't won’t won't wouldn’t wouldn't can’t
		can't cannot couldn’t couldn't isn’t isn't wasn’t wasn't hasn’t hasn't haven’t haven't hadn’t
		hadn't shouldn’t shouldn't aren’t aren't weren’t weren't has have had was were is are will would could should may might must can did does do
		also then later once again earlier previously recently repeatedly reportedly publicly privately
		not never often still even just already further ultimately simply flatly bluntly frequently
		separately similarly subsequently first last long initially finally quickly immediately`)
	beVerbs = wordSet("is are was were be been being am get gets got")
	// adjunctStarts open phrases that may follow a cue before its content or the end of the clause.
	adjunctStarts = wordSet(`in on at during to after before while from via through of about last this earlier
		later recently today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday
		sunday again also repeatedly publicly privately bluntly flatly simply then once afterward afterwards
		when outside inside ahead following`)
	// clauseOpeners start a sentence with an adverbial that runs to the first comma.
	clauseOpeners = wordSet(`in on at during while as after before when despite although though since because
		if for with following amid under over speaking asked responding meanwhile however still yet but and
		also similarly moreover indeed instead later earlier separately elsewhere nonetheless nevertheless
		last this by from unlike like according`)
	leadingConj = wordSet("but and yet so still also then")
	// nameParticles may stand inside a person's name: Ursula von der Leyen.
	nameParticles = wordSet("von der van den de la le du da di del al bin ibn el bint dos das")
)

var (
	weekdays  = wordSet("monday tuesday wednesday thursday friday saturday sunday")
	timeNouns = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
		time week weeks month months year years day days morning afternoon evening night weekend
		ago earlier later january february march april may june july august september october november
		december jan feb aug sept oct nov dec moment point`)
	timeLead = wordSet("on at in during last this earlier later next that ago over")
)

// adverbLike reports whether a lower-case word is an adverb that may sit beside a verb.
func adverbLike(w string) bool {
	if auxWords[w] {
		return true
	}
	if len(w) > 4 && strings.HasSuffix(w, "ly") {
		switch w {
		case "family", "ally", "rally", "supply", "reply", "assembly", "italy", "july", "apply", "early", "only", "fly":
			return false
		}
		return true
	}
	return false
}
