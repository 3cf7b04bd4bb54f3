package resolve

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
)

// scoreEach loads and scores on several goroutines what one goroutine
// would: the same results in the same places, nothing where a candidate
// is gone, and the load's error when a read fails.
func TestScoreEachLoadsOnTheWorkers(t *testing.T) {
	q := match.Prepare(match.Person{Names: []string{"Omar Haddad"}, BirthDates: []string{"1980-08-08"}})
	var cands []*entry
	for i := range 40 {
		props := map[string][]string{"name": {[]string{"Omar Haddad", "Umar Hadad", "Olga Ivanova", "Omar Hadad"}[i%4]}}
		if i%3 == 0 {
			props["birthDate"] = []string{fmt.Sprintf("1980-08-%02d", 1+i%9)}
		}
		cands = append(cands, &entry{key: store.Key{Source: "s", ID: fmt.Sprint(i)}, person: match.FromProperties("Person", props)})
	}
	load := func(i int) (*entry, error) {
		if i%7 == 3 {
			return nil, nil // gone since it was retrieved
		}
		return cands[i], nil
	}
	mo := match.DefaultOptions()
	ents1, res1, err := scoreEach(len(cands), load, q, mo, 1)
	if err != nil {
		t.Fatal(err)
	}
	ents4, res4, err := scoreEach(len(cands), load, q, mo, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cands {
		if ents1[i] != ents4[i] || res1[i].Score != res4[i].Score {
			t.Errorf("candidate %d: one worker %v %.3f, four %v %.3f", i, ents1[i] != nil, res1[i].Score, ents4[i] != nil, res4[i].Score)
		}
		if gone := i%7 == 3; gone != (ents4[i] == nil) || (gone && res4[i].Score != 0) {
			t.Errorf("candidate %d: gone %v, entry %v, score %.3f", i, gone, ents4[i] != nil, res4[i].Score)
		}
	}
	if res4[0].Score < 0.9 {
		t.Errorf("Omar Haddad against himself scored %.3f", res4[0].Score)
	}
	damaged := errors.New("damaged features")
	for _, workers := range []int{1, 4} {
		_, _, err := scoreEach(len(cands), func(i int) (*entry, error) {
			if i == 25 {
				return nil, damaged
			}
			return cands[i], nil
		}, q, mo, workers)
		if !errors.Is(err, damaged) {
			t.Errorf("%d workers: error %v, want the load's", workers, err)
		}
	}
}
