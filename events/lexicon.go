package events

import (
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/syntax"
)

// The coding lexicon: which words name which kind of event. Lines are
//
//	v CODE lemma[_particle] [o=noun|noun] [p=prep|prep] [sym] [conv] [clause]
//	n CODE noun [p=prep|prep]
//
// "v" entries are verbs; "n" entries are nouns that name an event ("talks", "sanctions") and
// take their source from a possessive or from the light verb that governs them ("held talks
// with"). o= restricts an entry to objects headed by one of the nouns (the entry's target is then
// the noun phrase after one of the prepositions: "cut aid to Ukraine"); p= lists the
// prepositions that introduce the target, in order of preference; sym marks symmetric events
// ("met" codes both directions when the subject is a coordination); conv marks verbs whose
// grammatical subject is the target ("received aid from"); clause takes the target from a
// that-clause ("demanded that X step down"). More specific entries (with o=) are tried first.
const lexiconText = `
v 020 appeal p=to|for
v 020 urge
v 020 call_on p=on
v 020 call_for p=for|from|on|against
v 020 ask
v 020 plead p=with
v 020 implore
v 020 beg
v 020 petition
v 020 lobby
v 020 press_for p=from|on
v 020 push_for p=from|on
v 020 invite
v 020 request p=from|to
v 020 seek o=asylum|refuge|help|support|assistance|aid|extradition|release p=from|in|to
v 100 demand clause
v 100 insist_on
v 100 press
v 030 promise
v 030 pledge
v 030 vow
v 030 commit p=to
v 031 agree p=with|to
v 036 offer_talks
v 030 offer
v 083 accept o=demand|demands|request|requests|terms|resignation|conditions p=from|of|by
v 038 accept o=mediation|offer
v 057 accept o=agreement|deal|plan|proposal
v 030 accept
v 040 meet sym p=with
v 040 talk sym p=with|to
v 040 discuss p=with
v 046 negotiate sym p=with
v 040 consult p=with
v 040 confer p=with
v 042 visit
v 043 host
v 043 welcome o=visit|delegation|visitor|visitors
v 041 phone
v 041 speak p=with|to
v 041 telephone
v 045 mediate p=between|in
v 051 praise
v 051 hail
v 051 commend
v 051 welcome
v 051 endorse
v 051 back
v 051 support
v 051 applaud
v 051 laud
v 051 congratulate
v 051 thank
v 051 salute
v 051 respect
v 051 approve o=plan|proposal|deal|agreement|decision|resolution|bill
v 052 defend
v 053 rally_behind
v 054 recognize
v 054 recognise
v 055 apologize p=to
v 055 apologise p=to
v 056 forgive
v 057 sign o=agreement|agreements|deal|deals|treaty|treaties|accord|accords|pact|memorandum|mou|contract|declaration|protocol|charter|document|documents|ceasefire|truce|facility p=with
v 057 conclude o=agreement|deal|treaty|accord|pact p=with
v 057 ink o=agreement|deal|treaty|accord|pact p=with
v 057 reach o=agreement|deal|accord|settlement|compromise p=with
v 057 strike o=deal|agreement|accord|bargain p=with
v 060 cooperate sym p=with
v 060 collaborate sym p=with
v 060 partner sym p=with
v 060 work_with p=with
v 064 share o=intelligence|information|evidence|data|details|findings p=with
v 062 train
v 063 extradite p=to
v 062 exercise p=with
v 070 provide p=to|for|with
v 070 aid
v 070 help
v 070 assist
v 071 donate p=to
v 071 lend p=to
v 071 loan p=to
v 071 fund
v 071 finance
v 071 pay p=to|for
v 071 award
v 071 allocate p=to|for
v 071 disburse p=to
v 070 contribute p=to
v 070 give o=aid|assistance|money|funds|support|help|loan|loans|grant|weapons|arms|equipment|vaccines|food|supplies p=to
v 075 grant o=asylum|refuge p=to
v 070 grant o=aid|assistance|loan|loans|funds p=to
v 086 grant o=permission|access|approval p=to|for
v 084 grant o=pardon|amnesty|clemency p=to
v 070 send o=aid|assistance|support|help|food|supplies|medicine|medicines|vaccines|money|doctors|relief|equipment p=to|into
v 072 send o=troops|soldiers|forces|weapons|arms|missiles|tanks|jets|warships|peacekeepers|experts|team|teams|platoon|contingent|battalion|brigade|unit|mission|delegation|advisers|advisors|operatives|officers|police|units|ammunition p=to|into
v 070 deliver o=aid|assistance|supplies|food|relief|weapons|arms p=to
v 072 supply p=to|with
v 072 arm
v 074 protect
v 074 deploy o=peacekeepers p=to|in|into
v 073 evacuate p=from
v 073 rescue
v 075 shelter
v 075 open o=border|borders p=to
v 084 release p=from
v 084 free p=from
v 084 pardon
v 084 return p=to
v 084 hand_over p=to
v 084 repatriate p=to
v 084 let_go
v 085 lift o=sanctions|sanction|embargo|embargoes|boycott|blockade|tariffs|tariff|duties p=on|against|of
v 081 lift o=ban|bans|restrictions|restriction|curfew|emergency|state|order|suspension|limits|controls p=on|against|of
v 080 lift p=on|against|of
v 085 ease o=sanctions|embargo|tariffs|blockade p=on|against
v 081 ease o=restrictions|ban|curfew|rules|controls p=on|against
v 085 roll_back o=sanctions|tariffs p=on|against
v 085 reduce o=tariffs|tariff|duties p=on
v 085 cut o=tariffs|tariff|duties p=on
v 081 repeal p=on|against
v 081 revoke p=on|against
v 081 drop o=charges|charge|case|investigation|probe|lawsuit|ban p=against|of|into
v 081 withdraw o=charges|charge|case|lawsuit p=against
v 081 remove o=restrictions|ban|sanctions p=on
v 083 accede p=to
v 080 concede p=to
v 080 yield p=to
v 080 comply p=with
v 080 give_in p=to
v 083 resign
v 083 step_down
v 082 call_off o=strike|protest|protests|boycott|march|rally|sit-in
v 082 end o=strike|protest|protests|boycott|hunger|sit-in
v 083 approve o=request|requests|demand|demands|application p=from|of
v 086 allow
v 086 permit
v 086 admit
v 087 withdraw o=troops|forces|soldiers|army|units p=from
v 087 pull_out p=of|from
v 087 retreat p=from
v 087 surrender p=to
v 087 disarm
v 087 demobilize
v 087 de-escalate
v 087 renew o=ceasefire|truce p=with|in
v 087 extend o=ceasefire|truce p=with|in
v 090 investigate
v 090 probe
v 090 look_into p=into
v 090 examine
v 090 inspect
v 090 audit
v 090 review
v 112 accuse p=of
v 112 blame p=for
v 112 charge p=with
v 112 indict
v 112 allege
v 111 criticize
v 111 criticise
v 111 condemn
v 111 denounce
v 111 slam
v 111 blast
v 111 decry
v 111 deplore
v 111 censure
v 111 rebuke
v 111 reprimand
v 111 lambaste
v 111 chastise
v 111 castigate
v 111 fault
v 111 attack_verbally
v 111 mock
v 111 ridicule
v 111 question
v 111 dispute
v 111 refute
v 111 challenge
v 111 warn_against
v 114 complain p=about|to|of
v 114 summon
v 115 sue
v 116 convict p=of
v 116 find o=guilty
v 113 rally_against p=against
v 120 reject
v 172 outlaw
v 190 torch
v 190 overthrow
v 192 overrun
v 190 capture
v 084 let_free
v 084 set_free
v 060 join_forces p=with
v 083 reinstate
v 143 stop o=work
v 040 attend o=summit|meeting|talks|conference|negotiations|session p=in|with|at
v 163 prolong o=sanctions|embargo p=on|against
v 163 extend o=sanctions|embargo p=on|against
v 163 renew o=sanctions|embargo p=on|against
v 070 fly o=aid|medicine|supplies|food|relief|assistance p=to|into
v 041 call
v 100 order
v 100 pressure
v 100 pressurize
v 192 take_over
v 190 suffer o=attack|attacks|strike|strikes|assault|bombardment|shelling|airstrike|airstrikes|raid|raids|bombing conv p=from|by
v 111 face o=criticism|condemnation|accusations|accusation|charges|censure|backlash conv p=from
v 120 renege p=on
v 120 cancel
v 090 search
v 054 establish o=ties|relations|relation p=with
v 054 restore o=ties|relations|relation p=with
v 050 upgrade o=ties|relations|relation p=with
v 050 normalize o=ties|relations|relation p=with
v 070 receive o=aid|support|assistance|funding|help|weapons|loan|loans|money|backing conv p=from
v 172 extend o=curfew|ban|restrictions|emergency p=in|on
v 120 rule_out
v 120 refuse
v 120 decline
v 120 turn_down
v 120 rebuff
v 120 spurn
v 120 dismiss
v 120 oppose
v 120 deny
v 120 snub
v 120 resist
v 120 ignore
v 120 overrule
v 120 uphold
v 128 defy
v 128 violate o=law|laws|order|rules|norms|sovereignty|agreement|accord|resolution|rights|constitution|ban|sanctions|airspace|territory
v 129 veto
v 130 threaten
v 130 warn
v 130 menace
v 130 intimidate
v 141 protest p=against|in
v 141 demonstrate p=against|in
v 141 rally p=against|in|for
v 141 march p=against|in|on|to
v 141 picket
v 143 boycott
v 143 strike_work
v 145 riot
v 145 clash sym p=with
v 144 block
v 144 obstruct
v 154 mobilize p=against|to|in
v 154 mobilise p=against|to|in
v 154 deploy p=to|in|into|along|near
v 154 reinforce
v 154 mass p=on|along|near
v 154 beef_up p=along|in|near|on
v 152 alert
v 161 recall o=ambassador|envoy|diplomats|diplomat p=from
v 161 expel o=ambassador|envoy|diplomat|diplomats p=from
v 161 sever o=ties|relations|links p=with
v 161 cut o=ties|relations|links|contact p=with
v 161 break o=ties|relations|links p=with
v 161 downgrade o=ties|relations p=with
v 162 cut o=aid|assistance|funding|support|funds|loans|help p=to|for
v 162 reduce o=aid|assistance|funding|support|funds|loans|help p=to|for
v 162 suspend o=aid|assistance|funding|support|funds|loans|deliveries|help p=to|for|in
v 162 halt o=aid|assistance|funding|support|funds|loans|deliveries|shipments|help p=to|for|in
v 162 pause o=aid|assistance|funding|support|funds|loans|deliveries|shipments|help p=to|for|in
v 162 freeze o=aid|assistance|funding|support|funds|loans|help p=to|for
v 162 withhold o=aid|assistance|funding|support|funds|loans|help p=to|for|from
v 162 stop o=aid|assistance|funding|support|funds|loans|help p=to|for
v 162 end o=aid|assistance|funding|support|funds|help p=to|for
v 162 withdraw o=aid|assistance|funding|support|help p=to|for|from
v 164 suspend o=talks|negotiations|dialogue|cooperation p=with|in
v 164 halt o=talks|negotiations|dialogue|cooperation p=with|in
v 164 pause o=talks|negotiations|dialogue p=with|in
v 164 end o=talks|negotiations|dialogue|discussions p=with|in
v 164 break_off o=talks|negotiations|dialogue p=with
v 164 walk_out p=of|on
v 165 suspend o=mediation p=between|in
v 166 withdraw o=peacekeepers|observers|inspectors|monitors|mission|staff|personnel|diplomats p=from
v 166 expel p=from
v 166 pull o=peacekeepers|observers|inspectors|monitors|staff|personnel p=from|out
v 160 suspend o=membership|relations|ties|cooperation p=with|of
v 172 suspend
v 163 sanction
v 163 blacklist
v 163 embargo
v 163 impose o=sanctions|sanction|embargo|tariffs|tariff|duties|boycott p=on|against
v 172 impose o=ban|restrictions|restriction|curfew|limits|controls|fine|fines|martial p=on|against|in
v 191 impose o=blockade|siege p=on
v 172 ban
v 172 bar p=from
v 172 restrict
v 172 censor
v 172 shut_down
v 172 close o=embassy|consulate|office|offices|newspaper|border|borders|station|channel p=with|to|for
v 173 arrest
v 173 detain
v 173 jail
v 173 imprison
v 173 sentence p=to
v 173 prosecute
v 173 apprehend
v 173 nab
v 173 round_up
v 171 seize
v 171 confiscate
v 171 raid
v 174 deport p=to|from
v 175 crack_down p=on
v 175 repress
v 191 blockade
v 191 besiege
v 192 occupy
v 192 annex
v 181 kidnap
v 181 abduct
v 181 hijack
v 182 assault
v 182 beat
v 182 torture
v 186 assassinate
v 183 bomb
v 190 attack
v 190 strike
v 190 hit
v 190 target
v 190 kill
v 190 invade
v 190 storm
v 190 fight p=against|with
v 190 battle
v 190 ambush
v 190 destroy
v 190 fire_on p=on|at
v 190 fire_at p=at
v 193 shoot
v 194 shell
v 194 bombard
v 194 pound
v 195 airstrike
v 196 violate o=ceasefire|truce|armistice
v 202 massacre
v 087 cease o=operations|operation|fire|fighting|hostilities|attacks|offensive|strikes|shelling
v 087 halt o=offensive|operations|fighting|attacks|hostilities|advance|strikes|bombing|shelling p=in|against
v 087 stop o=fighting|attacks|offensive|operations|hostilities|shelling|bombing p=in|against
v 087 end o=war|wars|fighting|conflict|hostilities|violence|offensive|invasion|attacks|bombing|shelling|occupation p=in|against|with
v 087 suspend o=offensive|operations|attacks|strikes|hostilities|bombing p=in|against
v 087 declare o=ceasefire|cease-fire|truce|cessation|armistice p=in|with
v 087 observe o=ceasefire|cease-fire|truce
v 087 respect o=ceasefire|cease-fire|truce
v 087 lay_down o=arms|weapons
v 164 withdraw o=talks|negotiations|dialogue|mediation p=from|with
v 120 withdraw o=agreement|treaty|deal|accord|pact|convention p=from|with
v 087 withdraw p=from
v 080 back_down p=on|over
v 080 relent
v 080 cave p=to|in
v 080 bow p=to
v 080 backtrack p=on
v 080 abandon o=plan|plans|policy|demand|demands|claim|claims|bid|proposal|threat|stance|position
v 080 reverse o=decision|policy|course|ban|order|ruling
v 080 retract
v 081 relax o=restrictions|restriction|rules|ban|curfew|controls|sanctions|measures|limits p=on|against|for
v 081 loosen o=restrictions|restriction|rules|ban|curfew|controls|sanctions|measures|limits p=on|against|for
v 084 exchange o=prisoners|captives|detainees|hostages|bodies p=with
v 084 swap o=prisoners|captives|detainees|hostages p=with
v 086 grant o=citizenship|visa|visas|permit|license|licence|authorization|authorisation|approval|mandate|extension|waiver|bail|immunity|independence|autonomy p=to|for
v 075 accept o=refugees|migrants|asylum-seekers|seekers|evacuees p=from
v 075 admit o=refugees|migrants|asylum-seekers|seekers|evacuees p=from
v 075 resettle p=in|from
v 075 take_in p=from
v 071 give o=dollars|euros|pounds|yuan|yen|rupees|million|billion|cash|grant|grants|donation|donations|funding p=to|for
v 071 send o=dollars|euros|million|billion|cash|funds|money|donations p=to|for
v 071 raise o=money|funds p=for
v 033 pledge o=aid|assistance|dollars|euros|million|billion|funds|money|funding p=to|for
v 051 pledge o=support|backing|solidarity p=for|to|with
v 074 deploy o=peacekeepers|peacekeeping p=to|in|into
v 074 send o=peacekeepers|peacekeeping p=to|into
v 061 invest p=in
v 060 team_up p=with
v 060 ally p=with
v 060 coordinate p=with
v 061 trade p=with
v 143 walk_off p=at|in
v 112 implicate p=in
v 111 berate
v 111 assail
v 111 excoriate
v 111 scold
v 111 reproach
v 111 disparage
v 111 vilify
v 114 object p=to
v 120 repudiate
v 120 quash
v 120 overturn
v 120 throw_out
v 122 deny o=request|requests|access|aid|application|permission|visa|visas|entry p=to|for|from
v 125 refuse o=talks|negotiations|dialogue|meeting p=with
v 130 vow o=revenge|retaliation|retribution p=against|on
v 138 threaten o=attack|attacks|strike|strikes|war|force|action p=against|on
v 181 hold o=hostage|hostages|captive|captives
v 180 abuse
v 190 shoot_down
v 190 gun_down
v 190 seize o=town|city|village|base|territory|area|airport|port|capital|district|province|region|oilfield|oilfields|positions|control
v 190 retake
v 190 recapture
v 171 raze
v 171 demolish
v 192 take_control p=of
v 193 fire o=rockets|rocket|missiles|missile|shells|mortars|artillery|shots|bullets p=at|on|into|toward|towards
v 051 reaffirm o=support|commitment|solidarity|backing p=for|to|with
v 051 reiterate o=support|commitment|solidarity|backing p=for|to|with
v 051 express o=support|solidarity|backing p=for|to|with
v 111 express o=condemnation|outrage|anger|indignation|disapproval p=of|at|over|with
v 043 receive o=ambassador|envoy|delegation|minister|counterpart|president|premier|visitor|visitors|delegates p=from
v 042 tour
v 175 disperse
v 191 close o=crossings|crossing|checkpoints|checkpoint p=into|to|with
n 182 torture p=of
n 175 repression p=of|against
n 051 solidarity p=with|to
n 030 commitment p=to
n 173 warrant p=for|against
n 040 meeting p=with|between
n 040 meet p=with
n 046 talks p=with|between
n 046 negotiation p=with|between
n 040 summit p=with|between
n 040 discussion p=with|between
n 042 visit p=to
n 041 phone p=with
n 041 call p=with
n 045 mediation p=between|in
n 045 mediation_effort p=between|in
n 020 appeal p=to|for
n 020 plea p=to|for
n 020 request p=to|for
n 100 demand p=to|for|from
n 020 invitation p=to|from
n 036 offer p=to|of
n 057 agreement p=with|between
n 057 deal p=with|between
n 057 pact p=with|between
n 057 accord p=with|between
n 057 treaty p=with|between
n 087 ceasefire p=with|in
n 087 cease-fire p=with|in
n 087 truce p=with|in
n 051 support p=for|to
n 051 praise p=for|of
n 055 apology p=to
n 111 condemnation p=of
n 111 criticism p=of
n 111 attack_verbal p=on|against
n 120 rejection p=of
n 112 accusation p=against|of
n 112 allegation p=against|of
n 112 charge p=against
n 115 lawsuit p=against
n 115 suit p=against
n 115 complaint p=against|with
n 115 case p=against
n 115 legal_action p=against
n 090 investigation p=into|of|against|on
n 090 probe p=into|of|against|on
n 090 inquiry p=into|of|on
n 090 enquiry p=into|of|on
n 090 audit p=of|into
n 090 review p=of|into
n 163 sanction p=on|against
n 163 embargo p=on|against
n 163 tariff p=on|against
n 172 ban p=on|against
n 172 restriction p=on|against
n 191 blockade p=of|on|against
n 191 siege p=of|on|in
n 143 boycott p=of|against
n 141 protest p=against|outside|at|in
n 141 demonstration p=against|in
n 141 rally p=against|in
n 141 march p=against|in|on
n 142 hunger_strike p=against|in
n 143 strike_labor p=against|in
n 145 riot p=in|against
n 139 ultimatum p=to
n 139 deadline p=for|to
n 130 threat p=to|against
n 130 warning p=to|against
n 154 mobilization p=against|in|to
n 154 deployment p=to|in|into|of
n 162 suspension p=to|for|of
n 161 expulsion p=of|from
n 152 alert p=in|along|on
n 084 release p=of|from
n 084 pardon p=to|for
n 063 extradition p=of|to
n 173 arrest p=of
n 173 detention p=of
n 174 deportation p=of|to
n 075 asylum p=to
n 086 permission p=to|for
n 086 access p=to|for
n 070 aid p=to|for
n 070 assistance p=to|for
n 070 funding p=to|for
n 070 loan p=to|for
n 190 attack p=on|against|in|into
n 190 assault p=on|against|in|into
n 190 offensive p=on|against|in|into
n 190 operation p=against|in|into
n 190 strike p=on|against|in|into
n 195 airstrike p=on|against|in|into
n 195 air_strike p=on|against|in|into
n 195 bombing p=of|on|in
n 194 shelling p=of|on|in
n 190 raid p=on|against|in|into
n 190 invasion p=of
n 190 war p=on|against|with|in
n 190 warfare p=on|against|in
n 195 bombardment p=of|on|in
n 172 emergency p=in|on
n 060 cooperation p=with|between
n 190 incursion p=into|in
n 190 fire p=on|at
n 183 bombing_suicide p=in|on
n 181 kidnapping p=of
n 186 assassination p=of
n 202 massacre p=of|in
n 064 intelligence_sharing p=with
n 062 exercise p=with|in
n 062 drill p=with|in
n 062 game p=with|in
n 062 war_game p=with|in
n 087 withdrawal p=from|of
n 087 pullout p=from|of
n 087 cessation p=in|of
n 087 armistice p=with|in
n 070 donation p=to|for
n 070 contribution p=to|for
n 070 relief p=to|for
n 074 peacekeeping_mission p=in|to
n 074 peacekeeping_operation p=in|to
n 060 partnership p=with|between
n 060 collaboration p=with|between
n 141 sit-in p=against|in|at
n 141 walkout p=against|in|at
n 111 rebuke p=of|to
n 111 denunciation p=of
n 120 refusal p=of|to
n 130 ultimatum p=to
n 173 crackdown p=on|against
n 181 abduction p=of
`

// entry is one line of the lexicon.
type entry struct {
	code     string
	lemma    string
	particle string
	objs     map[string]bool
	preps    []string
	sym      bool
	conv     bool
	clause   bool
	noun     bool
}

type lexicon struct {
	verbs map[string][]*entry // by lemma; entries with objects first
	nouns map[string]*entry   // by singular noun
	// compounds are two-word nouns ("hunger strike", "air strike") keyed by "first second".
	compounds map[string]*entry
	// laborStrike is the entry of "strike" as a labour action ("went on strike").
	laborStrike *entry
	// verbForms maps every inflected form of a known verb to its lemma, and nounForms holds
	// every form of an event noun and the first words of compounds: one map access tells the
	// parser whether a word can matter at all.
	verbForms map[string]string
	nounForms map[string]bool
}

// index fills verbForms and nounForms.
func (lx *lexicon) index() {
	lx.verbForms = map[string]string{}
	lx.nounForms = map[string]bool{}
	var lemmas []string
	for l := range lx.verbs {
		lemmas = append(lemmas, l)
	}
	for _, m := range []map[string]bool{reportingVerbs, lightVerbs} {
		for l := range m {
			lemmas = append(lemmas, l)
		}
	}
	for l := range controlVerbs {
		lemmas = append(lemmas, l)
	}
	for form, l := range irregular {
		if lx.knownVerb(l) {
			lx.verbForms[form] = l
		}
	}
	for _, l := range lemmas {
		n := len(l)
		forms := []string{l, l + "s", l + "es", l + "ed", l + "d", l + "ing"}
		if n > 1 {
			last := l[n-1]
			forms = append(forms, l+string(last)+"ed", l+string(last)+"ing")
			if last == 'e' {
				forms = append(forms, l[:n-1]+"ing")
			}
			if last == 'y' {
				forms = append(forms, l[:n-1]+"ies", l[:n-1]+"ied")
			}
		}
		for _, f := range forms {
			if _, done := lx.verbForms[f]; done {
				continue
			}
			if syntax.Lemma(f, parley.POSVERB) == l {
				lx.verbForms[f] = l
			}
		}
	}
	for n := range lx.nouns {
		lx.nounForms[n] = true
		lx.nounForms[n+"s"] = true
		lx.nounForms[n+"es"] = true
		if strings.HasSuffix(n, "y") {
			lx.nounForms[n[:len(n)-1]+"ies"] = true
		}
	}
	for c := range lx.compounds {
		first, _, _ := strings.Cut(c, " ")
		lx.nounForms[first] = true
	}
}

func parseLexicon(src string, table map[string]cameoInfo) (*lexicon, error) {
	lx := &lexicon{verbs: map[string][]*entry{}, nouns: map[string]*entry{}, compounds: map[string]*entry{}}
	for n, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 3 || (f[0] != "v" && f[0] != "n") {
			return nil, errorf("lexicon line %d: malformed %q", n, line)
		}
		e := &entry{code: f[1], noun: f[0] == "n"}
		if _, ok := table[e.code]; !ok {
			return nil, errorf("lexicon line %d: code %s is not in the CAMEO table", n, e.code)
		}
		e.lemma, e.particle, _ = strings.Cut(f[2], "_")
		for _, opt := range f[3:] {
			switch {
			case strings.HasPrefix(opt, "o="):
				e.objs = set(strings.ReplaceAll(opt[2:], "|", " "))
			case strings.HasPrefix(opt, "p="):
				e.preps = strings.Split(opt[2:], "|")
			case opt == "sym":
				e.sym = true
			case opt == "conv":
				e.conv = true
			case opt == "clause":
				e.clause = true
			default:
				return nil, errorf("lexicon line %d: unknown option %q", n, opt)
			}
		}
		if e.noun {
			switch e.particle {
			case "":
				lx.nouns[e.lemma] = e
			case "labor":
				lx.laborStrike = e
			case "verbal", "suicide", "effort":
				// Variants kept for documentation; the plain noun carries the code.
			default:
				lx.compounds[e.lemma+" "+e.particle] = e
			}
			continue
		}
		switch e.particle {
		case "verbally", "work":
			continue // senses the tagger cannot tell apart; documented, not used
		}
		list := lx.verbs[e.lemma]
		if e.objs != nil || e.particle != "" {
			// Specific entries go before the general ones of the same lemma.
			i := 0
			for i < len(list) && (list[i].objs != nil || list[i].particle != "") {
				i++
			}
			list = append(list[:i], append([]*entry{e}, list[i:]...)...)
		} else {
			list = append(list, e)
		}
		lx.verbs[e.lemma] = list
	}
	lx.index()
	return lx, nil
}

func (lx *lexicon) knownVerb(w string) bool {
	_, ok := lx.verbs[w]
	return ok || reportingVerbs[w] || lightVerbs[w] || controlVerbs[w] != ""
}

// controlVerbs take an infinitive and say how the action it names stands: intended, refused,
// threatened, agreed, asked for, or simply done.
var controlVerbs = map[string]string{
	"plan": "intend", "intend": "intend", "want": "intend", "hope": "intend", "seek": "intend",
	"aim": "intend", "vow": "intend", "pledge": "intend", "promise": "intend", "offer": "offer",
	"prepare": "intend", "expect": "intend", "wish": "intend", "propose": "intend", "mean": "intend",
	"agree": "agree", "threaten": "threaten", "refuse": "refuse", "decline": "refuse", "fail": "refuse",
	"reject": "refuse", "decide": "do", "move": "do", "try": "do", "attempt": "do", "begin": "do",
	"start": "do", "continue": "do", "resume": "do", "manage": "do", "help": "do", "vote": "do",
	"choose": "do", "opt": "do", "rush": "do", "scramble": "do", "work": "do", "need": "intend",
	"urge": "ask", "ask": "ask", "call": "ask", "press": "ask", "push": "ask", "demand": "ask",
	"order": "do", "instruct": "ask", "tell": "ask", "encourage": "ask", "invite": "ask",
	"appeal": "ask", "get": "do", "commit": "intend", "threat": "threaten", "go": "intend",
}

// hasParticle reports whether a verb has an entry with the particle p ("let free", "call off").
func (lx *lexicon) hasParticle(lemma, p string) bool {
	for _, e := range lx.verbs[lemma] {
		if e.particle == p {
			return true
		}
	}
	return false
}

// restricted reports whether every entry of a verb names the objects it takes ("end" a strike,
// talks or aid): such a verb means something else with other objects.
func (lx *lexicon) restricted(lemma string) bool {
	es := lx.verbs[lemma]
	for _, e := range es {
		if e.objs == nil {
			return false
		}
	}
	return len(es) > 0
}
