package quality

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
)

// ScriptQueries builds a lookup test from the hard name pairs of
// store/match/testdata: each line of variants (spellings of one person,
// in several scripts, separated by |) becomes a person stored under its
// first spelling and queried by each of the others; the namesake of each
// line of different (its second spelling) is stored beside them as a
// person of its own, to be ranked below the one asked for. The queries
// are names alone, without a date of birth: what an officer types after
// reading a name off a foreign document. Each stored person has a date
// of birth of its own, so that resolution keeps the namesakes apart (they
// are chosen one letter from the person: on their names alone some would
// be merged, and the test is of lookups, not of resolution).
func ScriptQueries(variants, different string) ([]Labelled, []Query, error) {
	people, namesakes, err := scriptPeople(variants, different)
	if err != nil {
		return nil, nil, err
	}
	var recs []Labelled
	var qs []Query
	born := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC)
	person := func(id, name string) store.Incoming {
		born = born.AddDate(0, 1, 3)
		return store.Incoming{Source: "pairs", ID: id, Schema: "Person",
			Properties: props("name", name, "birthDate", born.Format(time.DateOnly))}
	}
	for i, g := range people {
		c := "v" + strconv.Itoa(i)
		recs = append(recs, Labelled{Record: person(c, g[0]), Cluster: c})
		for _, q := range g[1:] {
			qs = append(qs, Query{Text: q, Want: c, Noise: scriptOf(q) + "→" + scriptOf(g[0])})
		}
	}
	for _, n := range namesakes {
		c := "d" + strconv.Itoa(n.line)
		recs = append(recs, Labelled{Record: person(c, n.name), Cluster: c})
	}
	return recs, qs, nil
}

// ScriptClusters builds an entity resolution test from the hard name
// pairs, in the shape of sanctions lists: each person of variants (a line
// of spellings in several scripts) is published by several lists, one
// record per spelling, each from another source; a third of the records
// also carry another spelling of the person as an alias. Each person has
// a date of birth, which a record gives in full (half of them), in the
// European order DD.MM.YYYY (15%), as a year (15%) or not at all (20%).
// The namesake of each line of different (its last spelling) is a person
// of its own with one record, born in the same year as the person it is
// written against half of the time, on another day; its date is given in
// the same proportions. Deterministic from seed.
func ScriptClusters(variants, different string, seed uint64) ([]Labelled, error) {
	people, namesakes, err := scriptPeople(variants, different)
	if err != nil {
		return nil, err
	}
	l := newListGen(seed, len(people))
	for i, g := range people {
		l.born[i] = l.birth()
		for k, name := range g {
			names := []string{name}
			if l.rng.Float64() < 1.0/3 {
				names = append(names, g[(k+1+l.rng.IntN(len(g)-1))%len(g)])
			}
			l.add(i, k, names)
		}
	}
	return l.withNamesakes(namesakes), nil
}

// ScriptAliasClusters builds the test of ScriptClusters with records as
// most lists write them: each person is published by two or three lists,
// each record holding one of its spellings as the name and up to three
// others as aliases, in any scripts (two records of a person may share no
// spelling, or all of them). Dates of birth and namesakes are as in
// ScriptClusters. A record with more names has more chances to meet a
// namesake: this is the test of that.
func ScriptAliasClusters(variants, different string, seed uint64) ([]Labelled, error) {
	people, namesakes, err := scriptPeople(variants, different)
	if err != nil {
		return nil, err
	}
	l := newListGen(seed, len(people))
	for i, g := range people {
		l.born[i] = l.birth()
		for k := range 2 + l.rng.IntN(2) {
			perm := l.rng.Perm(len(g))
			names := make([]string, 0, 4)
			for _, j := range perm[:1+l.rng.IntN(min(len(g), 4))] {
				names = append(names, g[j])
			}
			l.add(i, k, names)
		}
	}
	return l.withNamesakes(namesakes), nil
}

// ScriptAliasQueries are lookups on the store ScriptAliasClusters builds
// (resolved into subjects): each spelling of each person, as written
// (noise "latin" or "other", by its script), and each Latin spelling with
// one typo anywhere in it, a space included — left out, or moved a letter
// (noise "typo"; see typo for the kinds). The wanted subject is the one
// holding most of the person's records. Deterministic from seed (the
// typos draw from their own generator).
func ScriptAliasQueries(variants, different string, seed uint64) ([]Labelled, []Query, error) {
	recs, err := ScriptAliasClusters(variants, different, seed)
	if err != nil {
		return nil, nil, err
	}
	people, _, err := scriptPeople(variants, different)
	if err != nil {
		return nil, nil, err
	}
	rng := rand.New(rand.NewPCG(seed^0x7f4a7c15, seed))
	var qs []Query
	for i, g := range people {
		c := "v" + strconv.Itoa(i)
		for _, n := range g {
			qs = append(qs, Query{Text: n, Want: c, Noise: scriptOf(n)})
			if scriptOf(n) == "latin" {
				qs = append(qs, Query{Text: typo(rng, n), Want: c, Noise: "typo"})
			}
		}
	}
	return recs, qs, nil
}

// listGen writes the records of ScriptClusters and ScriptAliasClusters.
type listGen struct {
	rng  *rand.Rand
	seed uint64
	born []time.Time
	out  []Labelled
}

var listSources = []string{"eu_fsf", "un_sc", "us_ofac", "gb_hmt", "ua_nsdc", "ch_seco", "fr_tresor", "jp_mof"}

func newListGen(seed uint64, people int) *listGen {
	return &listGen{rng: rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d)), seed: seed, born: make([]time.Time, people)}
}

// birth draws a date of birth between 1940 and 2005.
func (l *listGen) birth() time.Time {
	return time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, l.rng.IntN(65*365))
}

// date writes d as a list would: in full, DD.MM.YYYY, a year, or not at all.
func (l *listGen) date(d time.Time) []string {
	switch r := l.rng.Float64(); {
	case r < .5:
		return []string{d.Format(time.DateOnly)}
	case r < .65:
		return []string{d.Format("02.01.2006")}
	case r < .8:
		return []string{strconv.Itoa(d.Year())}
	}
	return nil
}

// add writes record k of person i: its first name as the name, the others
// as aliases. Every record is a sanctions entry, as the lists it is drawn
// after write theirs (FtM topic "sanction").
func (l *listGen) add(i, k int, names []string) {
	p := map[string][]string{"name": names[:1], "topics": {"sanction"}}
	if len(names) > 1 {
		p["alias"] = names[1:]
	}
	if d := l.date(l.born[i]); d != nil {
		p["birthDate"] = d
	}
	c := "v" + strconv.Itoa(i)
	l.out = append(l.out, Labelled{Cluster: c, Record: store.Incoming{
		Source: listSources[(i+k)%len(listSources)], ID: c + "-" + strconv.Itoa(k), Schema: "Person", Properties: p}})
}

// withNamesakes adds a record for each namesake and returns the records.
// The namesakes draw from a generator of their own, so that a line added
// to variants leaves their dates as they were: drawn after the people,
// every namesake's date changed with the people's number, and the
// figures with it.
func (l *listGen) withNamesakes(namesakes []scriptNamesake) []Labelled {
	l.rng = rand.New(rand.NewPCG(l.seed^0x9e3779b97f4a7c15, l.seed))
	for _, n := range namesakes {
		d := l.birth()
		if o := n.of; o >= 0 && l.rng.IntN(2) == 0 {
			// Born the same year as the person, on another day.
			d = time.Date(l.born[o].Year(), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, l.rng.IntN(365))
			if d.YearDay() == l.born[o].YearDay() {
				d = d.AddDate(0, 0, 1+l.rng.IntN(360)).AddDate(l.born[o].Year()-d.Year(), 0, 0)
			}
		}
		p := map[string][]string{"name": {n.name}, "topics": {"sanction"}}
		if dd := l.date(d); dd != nil {
			p["birthDate"] = dd
		}
		c := "d" + strconv.Itoa(n.line)
		l.out = append(l.out, Labelled{Cluster: c, Record: store.Incoming{
			Source: listSources[n.line%len(listSources)], ID: c, Schema: "Person", Properties: p}})
	}
	return l.out
}

// scriptNamesake is the namesake a line of different writes against a
// person: its last spelling, the line's index, and the person of variants
// its first spelling is (-1 when none).
type scriptNamesake struct {
	name string
	line int
	of   int
}

// scriptPeople reads the hard name pairs: the people of variants (lines
// sharing a spelling are one person: Vladimir Sokolov has a line in
// katakana and one in Hangul), each with its distinct spellings, and the
// namesakes of different — each line's last spelling, once, unless it is
// a spelling of a person.
func scriptPeople(variants, different string) (people [][]string, namesakes []scriptNamesake, err error) {
	same, err := match.ReadNamePairs(variants)
	if err != nil {
		return nil, nil, err
	}
	diff, err := match.ReadNamePairs(different)
	if err != nil {
		return nil, nil, err
	}
	owner := map[string]int{} // spelling → its person; -1 for a namesake
	for _, g := range same {
		if len(g) < 2 {
			continue
		}
		p := -1
		for _, n := range g {
			if o, ok := owner[n]; ok {
				p = o
				break
			}
		}
		if p < 0 {
			p = len(people)
			people = append(people, nil)
		}
		for _, n := range g {
			if _, ok := owner[n]; !ok {
				owner[n] = p
				people[p] = append(people[p], n)
			}
		}
	}
	for i, g := range diff {
		if len(g) < 2 {
			continue
		}
		last := g[len(g)-1]
		if _, known := owner[last]; known {
			continue
		}
		owner[last] = -1
		of, ok := owner[g[0]]
		if !ok {
			of = -1
		}
		namesakes = append(namesakes, scriptNamesake{name: last, line: i, of: of})
	}
	return people, namesakes, nil
}

// scriptOf names the writing of a name for the report: latin, or other.
func scriptOf(s string) string {
	for _, r := range s {
		if r > 0x24f && r != '’' && r != 'ʼ' {
			return "other"
		}
	}
	return "latin"
}
