package events

import (
	"testing"
)

// TestRoots codes at least five news sentences for each PLOVER category, written for this test and
// varied in syntax: active and passive clauses, coordination, control verbs, event nouns
// governed by light verbs, and reported clauses. root, when given, is the CAMEO root the
// event must fall under.
func TestRoots(t *testing.T) {
	tests := []struct {
		text         string
		src, tgt     string
		plover, root string
	}{
		// AGREE
		{"Prime Minister Ana Kovac agreed to hold talks with the rebel leadership next month.", "Prime Minister Ana Kovac", "the rebel leadership", "AGREE", "03"},
		{"Tarsia promised to send food aid to the flood-hit province of Belmar.", "Tarsia", "the flood-hit province of Belmar", "AGREE", "03"},
		{"The mining company pledged $40 million to the regional development fund.", "The mining company", "the regional development fund", "AGREE", "03"},
		{"The rebel commander offered to negotiate with the government.", "The rebel commander", "the government", "AGREE", "03"},
		{"Opposition leader Mara Lind said her party would cooperate with the new cabinet.", "her party", "the new cabinet", "AGREE", "03"},

		// CONSULT
		{"Foreign Minister Lena Brandt held talks with her Polish counterpart in Warsaw on Tuesday.", "Foreign Minister Lena Brandt", "her Polish counterpart", "CONSULT", "04"},
		{"President Okafor visited Nairobi last week.", "President Okafor", "Nairobi", "CONSULT", "04"},
		{"Chancellor Weiss spoke by telephone with the Japanese prime minister.", "Chancellor Weiss", "the Japanese prime minister", "CONSULT", "04"},
		{"The Veldrian president and his Tarsian counterpart met in Vienna on Sunday.", "The Veldrian president", "his Tarsian counterpart", "CONSULT", "04"},
		{"The defence minister hosted a delegation from Seoul, officials said.", "The defence minister", "a delegation from Seoul", "CONSULT", "04"},
		{"The envoy was received by King Harald at the palace.", "King Harald", "The envoy", "CONSULT", "04"},

		// SUPPORT
		{"The European Union praised Moldova for its reforms.", "The European Union", "Moldova", "SUPPORT", "05"},
		{"Brazil recognised the new government in Caracas.", "Brazil", "the new government in Caracas", "SUPPORT", "05"},
		{"Ukraine signed a security agreement with Denmark on Monday.", "Ukraine", "Denmark", "SUPPORT", "05"},
		{"The minister apologised to the families of the victims.", "The minister", "the families of the victims", "SUPPORT", "05"},
		{"Several Gulf states expressed support for the Jordanian king.", "Several Gulf states", "the Jordanian king", "SUPPORT", "05"},

		// COOPERATE
		{"Police in Austria are cooperating with their Italian colleagues on the case.", "Police in Austria", "their Italian colleagues", "COOPERATE", "06"},
		{"Estonia shared intelligence with Finland about the cable sabotage.", "Estonia", "Finland", "COOPERATE", "06"},
		{"Colombia extradited the cartel leader to the United States.", "Colombia", "the United States", "COOPERATE", "06"},
		{"British instructors trained Ukrainian soldiers in Kent.", "British instructors", "Ukrainian soldiers", "COOPERATE", "06"},
		{"The Indian navy held joint exercises with the French fleet.", "The Indian navy", "the French fleet", "COOPERATE", "06"},
		{"Japan is working with the Philippines to upgrade its coast guard.", "Japan", "the Philippines", "COOPERATE", "06"},

		// AID
		{"Japan donated 200 tonnes of rice to Madagascar.", "Japan", "Madagascar", "AID", "07"},
		{"The United Nations delivered food aid to the besieged town of Marib.", "The United Nations", "the besieged town of Marib", "AID", "07"},
		{"Weapons were supplied to the Kurdish fighters by France.", "France", "the Kurdish fighters", "AID", "07"},
		{"Canada granted asylum to the dissident journalist.", "Canada", "the dissident journalist", "AID", "07"},
		{"The World Bank lent Kenya $500 million for road building.", "The World Bank", "Kenya", "AID", "07"},

		// YIELD
		{"The government released 40 political prisoners on Friday.", "The government", "40 political prisoners", "YIELD", "08"},
		{"Washington eased sanctions on Venezuela.", "Washington", "Venezuela", "YIELD", "08"},
		{"Rebel forces withdrew from the northern town of Kessa.", "Rebel forces", "the northern town of Kessa", "YIELD", "08"},
		{"Interior Minister Paul Ruso resigned after weeks of protests.", "Interior Minister Paul Ruso", "", "YIELD", "08"},
		{"The junta allowed United Nations inspectors into the country.", "The junta", "United Nations inspectors", "YIELD", "08"},

		// REQUEST
		{"The opposition urged the president to resign.", "The opposition", "the president", "REQUEST", "02"},
		{"Hungary called on the European Commission to release frozen funds.", "Hungary", "the European Commission", "REQUEST", "02"},
		{"Moscow demanded that Kyiv withdraw its troops.", "Moscow", "Kyiv", "REQUEST", "10"},
		{"The families appealed to the government for help.", "The families", "the government", "REQUEST", "02"},
		{"Union leaders said they had asked the employers to reopen the plant.", "Union leaders", "the employers", "REQUEST", "02"},

		// ACCUSE
		{"Ankara accused Athens of violating its airspace.", "Ankara", "Athens", "ACCUSE", "11"},
		{"The minister was criticised by opposition lawmakers.", "opposition lawmakers", "The minister", "ACCUSE", "11"},
		{"Amnesty International condemned the Belarusian authorities for the arrests.", "Amnesty International", "the Belarusian authorities", "ACCUSE", "11"},
		{"Prosecutors charged the former mayor with corruption.", "Prosecutors", "the former mayor", "ACCUSE", "11"},
		{"The company sued the government over the licence cancellation.", "The company", "the government", "ACCUSE", "11"},
		{"Investigators are probing the finance ministry over missing funds.", "Investigators", "the finance ministry", "ACCUSE", "09"},

		// REJECT
		{"Tehran rejected the proposal by the European negotiators.", "Tehran", "the European negotiators", "REJECT", "12"},
		{"Beijing refused to meet the envoy of the Dalai Lama.", "Beijing", "the envoy of the Dalai Lama", "REJECT", "12"},
		{"The union turned down the latest offer from the employers.", "The union", "the latest offer from the employers", "REJECT", "12"},
		{"President Alves vetoed the bill passed by Congress.", "President Alves", "Congress", "REJECT", "12"},
		{"The prime minister dismissed the demands of the protesters.", "The prime minister", "the protesters", "REJECT", "12"},
		{"Moldova defied Moscow and joined the energy pact.", "Moldova", "Moscow", "REJECT", "12"},

		// THREATEN
		{"North Korea threatened to strike American bases in the Pacific.", "North Korea", "American bases", "THREATEN", "13"},
		{"The European Union threatened Belgrade with sanctions.", "The European Union", "Belgrade", "THREATEN", "13"},
		{"The union warned the government that it would call a general strike.", "The union", "the government", "THREATEN", "13"},
		{"Israel gave Hezbollah an ultimatum to withdraw from the border.", "Israel", "Hezbollah", "THREATEN", "13"},
		{"Turkey threatened military action against Kurdish militias.", "Turkey", "Kurdish militias", "THREATEN", "13"},
		{"The militia leader said his fighters would attack the airport unless the army withdrew.", "his fighters", "the airport", "THREATEN", "13"},

		// PROTEST
		{"Farmers protested against the government in Brussels.", "Farmers", "the government in Brussels", "PROTEST", "14"},
		{"Opposition supporters rallied in the capital against President Mensah.", "Opposition supporters", "President Mensah", "PROTEST", "14"},
		{"Residents boycotted the municipal elections.", "Residents", "the municipal elections", "PROTEST", "14"},

		{"Taxi drivers demonstrated outside the transport ministry on Wednesday.", "Taxi drivers", "the transport ministry", "PROTEST", "14"},
		{"Students held a rally against the education minister in Accra.", "Students", "the education minister", "PROTEST", "14"},
		{"Opposition activists staged a sit-in outside the electoral commission.", "Opposition activists", "the electoral commission", "PROTEST", "14"},
		{"Miners picketed the headquarters of the state coal company.", "Miners", "the state coal company", "PROTEST", "14"},

		// MOBILIZE
		{"Russia massed troops along the border with Ukraine.", "Russia", "Ukraine", "MOBILIZE", "15"},
		{"The defence ministry mobilised reservists against the insurgents.", "The defence ministry", "the insurgents", "MOBILIZE", "15"},
		{"Pakistan deployed additional troops along the Line of Control.", "Pakistan", "the Line of Control", "MOBILIZE", "15"},

		{"Moscow deployed warships to the eastern Mediterranean.", "Moscow", "the eastern Mediterranean", "MOBILIZE", "15"},
		{"Ethiopia massed troops near the Eritrean border.", "Ethiopia", "the Eritrean border", "MOBILIZE", "15"},
		{"China deployed additional warships near the disputed islands.", "China", "the disputed islands", "MOBILIZE", "15"},

		// SANCTION
		{"Morocco recalled its ambassador from Algiers.", "Morocco", "Algiers", "SANCTION", "16"},
		{"The United States cut aid to Niger after the coup.", "The United States", "Niger", "SANCTION", "16"},
		{"Mali severed ties with France.", "Mali", "France", "SANCTION", "16"},
		{"The rebels suspended talks with the government.", "The rebels", "the government", "SANCTION", "16"},
		{"Lithuania expelled two Russian diplomats.", "Lithuania", "two Russian diplomats", "SANCTION", "16"},
		{"The government said it was withdrawing its observers from the mission in Kosovo.", "The government", "Kosovo", "SANCTION", "16"},

		// COERCE
		{"Police arrested the opposition leader in Tbilisi on Saturday.", "Police", "the opposition leader", "COERCE", "17"},
		{"The European Union imposed sanctions on Belarusian officials.", "The European Union", "Belarusian officials", "COERCE", "16"},
		{"Authorities seized the tanker off the coast of Oman.", "Authorities", "the tanker off the coast of Oman", "COERCE", "17"},
		{"Three journalists were detained by security forces in Khartoum.", "security forces in Khartoum", "Three journalists", "COERCE", "17"},
		{"The government banned the main opposition party.", "The government", "the main opposition party", "COERCE", "17"},

		// ASSAULT
		{"Insurgents ambushed an army convoy near Gao.", "Insurgents", "an army convoy", "ASSAULT", "19"},
		{"Russian drones struck the port of Odesa overnight.", "Russian drones", "the port of Odesa", "ASSAULT", "19"},
		{"The village was shelled by government forces.", "government forces", "The village", "ASSAULT", "19"},
		{"Gunmen kidnapped a British engineer in the Niger Delta.", "Gunmen", "a British engineer", "ASSAULT", "18"},
		{"Militants killed twelve soldiers in an attack on a checkpoint.", "Militants", "twelve soldiers", "ASSAULT", "19"},
		{"The army said rebels had shot down a military helicopter.", "rebels", "a military helicopter", "ASSAULT", "19"},
	}
	for _, tt := range tests {
		doc := analyse(t, tt.text, "2025-09-01")
		var got []string
		ok := false
		for _, ev := range doc.Events {
			tgt := ""
			if ev.Target != nil {
				tgt = ev.Target.Name
			}
			got = append(got, ev.Source.Name+"->"+tgt+" "+ev.CAMEO+" "+ev.PLOVER+" "+ev.Mode)
			if ev.Source.Name == tt.src && tgt == tt.tgt && ev.PLOVER == tt.plover &&
				(tt.root == "" || rootOf(ev.CAMEO) == tt.root) && ev.Mode != "negated" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want %s->%s %s %s; got %v", tt.text, tt.src, tt.tgt, tt.plover, tt.root, got)
		}
	}
}
