package events

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	determiners = set(`the a an this these those its his her their our my your some any all both each every
		no several many few another other such either neither most more much whose`)
	pronouns     = set(`he she it they we i you him them us who whom`)
	prepositions = set(`of in on at to from with against by for into over about after before during under
		between among across through near without within toward towards amid amidst despite upon onto per via
		outside inside along behind beyond since until throughout alongside around off`)
	auxiliaries = set(`is are was were be been being am has have had having do does did 's 're 've 'd`)
	modals      = set(`will would could might may can should must shall 'll cannot`)
	negations   = set(`not n't never no longer`)
	// clauseStops end a leftward search for a subject: they open a clause of their own.
	clauseStops = set(`that which who whom whose when while after before because although though if unless
		whereas where since and but or so yet as until once whether than`)
	// reporting verbs take a clause whose events belong to that clause's subject.
	reportingVerbs = set(`say tell add note report state claim insist argue stress explain write confirm
		acknowledge believe think allege assert announce suggest indicate reveal recall mention reiterate
		declare emphasize emphasise underline told said`)
	// lightVerbs carry no event of their own: the noun they take does ("launched an investigation").
	lightVerbs = set(`launch hold have make issue file impose begin start open conduct carry express stage
		order level lodge deliver give mount step intensify continue resume undertake announce initiate
		unveil take pursue lead join seek call bring press raise extend offer sign reach declare grant provide
		do set complete finalize finalise approve authorize authorise pass adopt voice register hand slap
		commence escalate perform wage unleash remain stay go put place keep head`)
	timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
		tomorrow morning afternoon evening night week weekend month year january february march april may june
		july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
		earlier later recently previously already ago last this next dawn overnight`)
	adverbs = set(`long also again reportedly allegedly swiftly strongly sharply flatly categorically firmly
		formally officially publicly jointly finally quickly immediately reluctantly repeatedly unilaterally
		still just even only now then recently already partially partly fully largely effectively
		further duly abruptly openly directly personally once twice very previously subsequently later
		earlier initially eventually separately respectively currently apparently temporarily indefinitely
		briefly heavily harshly bitterly sternly roundly vehemently loudly seriously secretly quietly hastily
		`)
	// nounsOfIdea open clauses that state no fact: "fears that Russia would attack".
	nounsOfIdea = set(`assurance assurances guarantee guarantees fear fears concern concerns hope hopes worry
		worries idea possibility risk risks chance chances prospect prospects doubt doubts belief suspicion
		suspicions speculation speculations rumour rumours rumor rumors demand demands request requests call calls
		proposal plan plans condition conditions insistence expectation expectations warning warnings threat
		threats scenario fact view hypothesis`)
	// agentNouns head noun phrases that can act: a target or source in their own right.
	agentNouns = set(`government governments authorities authority police army military forces force troops
		soldiers officials official ministry minister ministers president presidents leader leaders court
		courts judge prosecutor prosecutors parliament senate congress council commission agency administration
		state states country countries nation nations regime rebels rebel militants militant insurgents
		protesters demonstrators people workers students group groups party parties opposition coalition
		alliance union company companies firm bank banks embassy ambassador diplomat diplomats envoy delegation
		spokesman spokeswoman spokesperson navy guards guard fighters activists activist journalist journalists
		prisoners detainees refugees migrants citizens civilians residents members member officers officer
		chief chiefs secretary premier chancellor king queen prince mayor governor counterpart counterparts
		lawmakers legislators senators mps cabinet department office organization organisation team staff
		administration's host`)
)

// irregular verb forms and the lemma they belong to.
var irregular = map[string]string{
	"met": "meet", "held": "hold", "sent": "send", "gave": "give", "given": "give", "took": "take",
	"taken": "take", "froze": "freeze", "frozen": "freeze", "struck": "strike", "stricken": "strike",
	"fought": "fight", "shot": "shoot", "brought": "bring", "sought": "seek", "led": "lead",
	"made": "make", "began": "begin", "begun": "begin", "withdrew": "withdraw", "withdrawn": "withdraw",
	"threw": "throw", "thrown": "throw", "caught": "catch", "bought": "buy", "stood": "stand",
	"kept": "keep", "left": "leave", "spoke": "speak", "spoken": "speak", "told": "tell", "said": "say",
	"says": "say", "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose",
	"drove": "drive", "driven": "drive", "fell": "fall", "fallen": "fall", "flew": "fly", "flown": "fly",
	"forgave": "forgive", "forgiven": "forgive", "hid": "hide", "hidden": "hide", "laid": "lay",
	"lost": "lose", "paid": "pay", "ran": "run", "rose": "rise", "risen": "rise", "saw": "see",
	"seen": "see", "stole": "steal", "stolen": "steal", "swore": "swear", "sworn": "swear",
	"tore": "tear", "torn": "tear", "undertook": "undertake", "undertaken": "undertake", "went": "go",
	"gone": "go", "won": "win", "wrote": "write", "written": "write", "bound": "bind", "found": "find",
	"fled": "flee", "overthrew": "overthrow", "overthrown": "overthrow", "shook": "shake",
	"shaken": "shake", "arose": "arise", "grew": "grow", "grown": "grow", "knew": "know", "known": "know",
	"drew": "draw", "drawn": "draw", "hung": "hang", "sank": "sink", "sunk": "sink", "sold": "sell",
	"spent": "spend", "upheld": "uphold", "withheld": "withhold", "forbade": "forbid",
	"forbidden": "forbid", "underwent": "undergo", "slew": "slay", "slain": "slay", "beaten": "beat",
	"bombed": "bomb", "felt": "feel", "meant": "mean", "heard": "hear", "lent": "lend", "lended": "lend",
	"rang": "ring", "sat": "sit", "sped": "speed", "swept": "sweep", "wept": "weep", "won't": "will",
	"dealt": "deal", "built": "build", "blew": "blow", "blown": "blow", "bit": "bite", "bitten": "bite",
	"shut": "shut", "cut": "cut", "put": "put", "set": "set", "hit": "hit", "let": "let", "quit": "quit",
	"hurt": "hurt", "beat": "beat", "bid": "bid", "cast": "cast", "spread": "spread", "burst": "burst",
	"has": "have", "had": "have", "did": "do", "does": "do", "done": "do", "was": "be", "were": "be",
	"is": "be", "are": "be", "been": "be", "am": "be", "being": "be", "overtook": "overtake",
	"overtaken": "overtake", "forgot": "forget", "forgotten": "forget", "fed": "feed", "fired": "fire",
	"rid": "rid", "sought's": "seek", "understood": "understand", "stuck": "stick", "strove": "strive",
	"wound": "wind", "wore": "wear", "worn": "wear", "shed": "shed", "spat": "spit", "oversaw": "oversee",
	"overseen": "oversee", "mislead": "mislead", "misled": "mislead", "foresaw": "foresee", "came": "come", "become": "become", "became": "become", "ate": "eat",
	"gotten": "get", "got": "get", "sought-after": "seek", "spoke's": "speak", "withstood": "withstand",
}
