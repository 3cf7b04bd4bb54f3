package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/vigie/vigie/store/ftm"
)

// scenario is the demo's fictional story: the records vigie starts with,
// the records that arrive while the demo runs, and what to try.
type scenario struct {
	Seed  []ftm.Entity
	Feed  []ftm.Entity
	Story string
	Try   []string
}

func ent(id, schema, dataset string, kv ...string) ftm.Entity {
	p := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = append(p[kv[i]], kv[i+1])
	}
	return ftm.Entity{ID: id, Schema: schema, Properties: p, Datasets: []string{dataset}}
}

// demoScenario is a made-up case. Every name in it is invented for the
// demo; none refers to a real person.
func demoScenario() scenario {
	s := scenario{Story: `A FICTIONAL CASE (every person here is invented).

A partner service warned twice, in September and October, about Yanis DARKAOUI
(born 17 April 1993). Nobody logged anything about him since. His cousin Sofiane
uses a phone that Malik FERHANI also uses; Ferhani was stopped at a road check
last month and let go. Darkaoui's associate Anton VESNIN is known under a
Cyrillic spelling. A retired namesake, Yanis Darkaoui born 1971, lives in Lyon
and has nothing to do with any of it.

While the demo runs, new records arrive from the sources: watch what vigie says.`}
	s.Try = []string{
		"lookup yanis darkawi born 1993",
		"lookup Янис Даркауи",
		"links S-1",
		`path "Malik Ferhani" to "Yanis Darkaoui"`,
		"watch Anton Vesnin born 1988-06-05",
		"watches",
		"rules",
	}
	s.Seed = []ftm.Entity{
		// The warned man, under three spellings in three sources.
		ent("w-101", "Person", "partner-warnings", "name", "Yanis DARKAOUI", "birthDate", "1993-04-17", "nationality", "fr",
			"notes", "Partner service: subject expressed intent to travel to a conflict zone.", "phone", "+33 6 12 48 90 33"),
		ent("w-117", "Person", "partner-warnings", "name", "Yanis Darkaoui", "alias", "Abou Yanis", "birthDate", "17/04/1993",
			"notes", "Second warning: contact with a known facilitator."),
		ent("visa-4471", "Person", "visa", "name", "يانيس درقاوي", "alias", "Yanis Darkawi", "birthDate", "1993-04-17", "passportNumber", "19FR22841"),
		ent("pp-4471", "Passport", "visa", "holder", "visa-4471", "number", "19 FR 22841", "country", "fr"),
		// His cousin, and the family link.
		ent("p-2210", "Person", "police", "name", "Sofiane Darkaoui", "birthDate", "1996-11-02", "phone", "+33 6 41 22 90 17"),
		ent("p-2209", "Person", "police", "name", "Yanis Darkaoui", "birthDate", "1993-04-17"),
		ent("fam-12", "Family", "police", "person", "p-2209", "relative", "p-2210", "relationship", "cousin"),
		// The man stopped at a road check, who shares the cousin's phone.
		ent("tel-881", "Person", "telecom", "name", "M. Ferhani", "phone", "0033641229017"),
		ent("p-3150", "Person", "police", "name", "Malik Ferhani", "birthDate", "1990-01-30", "phone", "06 41 22 90 17"),
		ent("stop-77", "Event", "police-stops", "name", "police stop", "summary", "road check A1 northbound", "involved", "p-3150",
			"date", "2026-10-28", "location", "A1 northbound"),
		// The associate, in Latin and Cyrillic script.
		ent("p-4001", "Person", "police", "name", "Anton Vesnin", "birthDate", "1988-06-05", "nationality", "ru"),
		ent("assoc-3", "Associate", "police", "person", "p-2209", "associate", "p-4001", "relationship", "known associate"),
		// Innocent namesakes.
		ent("p-0915", "Person", "police", "name", "Yanis Darkaoui", "birthDate", "1971-02-09", "address", "12 rue des Tilleuls, Lyon"),
		ent("p-5521", "Person", "police", "name", "Sofia Darkaoui", "birthDate", "2001-08-14"),
	}
	// A town's worth of other (invented) people, so that lookups have
	// something to tell apart.
	rng := rand.New(rand.NewPCG(7, 11))
	given := []string{"Lina", "Hugo", "Amira", "Lucas", "Ines", "Nour", "Emma", "Karim", "Jade", "Omar", "Chloe", "Bilal", "Sara", "Tom", "Yasmine", "Leo"}
	family := []string{"Moreau", "Haddad", "Bernard", "Kovac", "Petit", "Mansouri", "Laurent", "Rahmani", "Girard", "Novak", "Roux", "Benyahia"}
	for i := 0; i < 60; i++ {
		g, f := given[rng.IntN(len(given))], family[rng.IntN(len(family))]
		s.Seed = append(s.Seed, ent(fmt.Sprintf("p-%d", 6000+i), "Person", "police", "name", g+" "+f,
			"birthDate", fmt.Sprintf("19%02d-%02d-%02d", 60+rng.IntN(40), 1+rng.IntN(12), 1+rng.IntN(28))))
	}
	s.Feed = []ftm.Entity{
		// A road check stops the warned man, spelt another way.
		ent("ps-9102", "Person", "police-stops", "name", "DARKAOUI Yanis", "birthDate", "17.04.1993",
			"summary", "police stop, road check A6 southbound", "location", "road check A6 southbound", "notes", "released after ID check"),
		// His associate crosses a border under a Cyrillic spelling.
		ent("bc-3320", "Person", "border-crossings", "name", "Антон Веснин", "birthDate", "05.06.1988",
			"summary", "border crossing, land border post 4", "nationality", "ru"),
		// A new phone record ties Ferhani to the warned man's own phone.
		ent("tel-902", "Person", "telecom", "name", "Malik Ferhani", "phone", "+33 6 12 48 90 33"),
		// The innocent namesake turns up too: no alert for the watch on the
		// warned man, whose date of birth differs.
		ent("ps-9177", "Person", "police-stops", "name", "Yanis Darkaoui", "birthDate", "1971-02-09", "summary", "parking fine"),
	}
	return s
}
