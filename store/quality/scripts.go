package quality

import (
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
	same, err := match.ReadNamePairs(variants)
	if err != nil {
		return nil, nil, err
	}
	diff, err := match.ReadNamePairs(different)
	if err != nil {
		return nil, nil, err
	}
	// Lines sharing a spelling are one person (Vladimir Sokolov has a
	// line in katakana and one in Hangul): one record, every other
	// spelling of them all a query.
	owner := map[string]int{} // spelling → the first line holding it
	people := [][]string{}
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
	for i, g := range diff {
		if _, known := owner[g[len(g)-1]]; len(g) < 2 || known {
			continue
		}
		owner[g[len(g)-1]] = -1
		c := "d" + strconv.Itoa(i)
		recs = append(recs, Labelled{Record: person(c, g[len(g)-1]), Cluster: c})
	}
	return recs, qs, nil
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
