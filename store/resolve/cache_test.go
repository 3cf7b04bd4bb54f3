package resolve

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vigie/vigie/store"
)

// The resolver's caches (entries, memberships, posting lists) and the
// number of goroutines scoring a lookup's candidates must never change an
// answer: the same records resolved with caches too small to hold anything
// and with caches holding everything, looked up on one goroutine and on
// four, give the same subjects and the same lookups, through updates that
// move records between keys.
func TestCachesAndWorkersNeverChangeAnswers(t *testing.T) {
	small := DefaultOptions()
	small.CacheSize, small.Workers = 100, 1
	big := DefaultOptions()
	big.Workers = 1
	parallel := DefaultOptions()
	parallel.Workers = 4 // whatever the machine's cores: the race detector watches
	fs := []*fixture{mustOpen(t, small), mustOpen(t, big), mustOpen(t, parallel)}
	what := []string{"small caches", "large caches", "four workers"}

	given := []string{"Ahmed", "Ali", "Omar", "Yusuf", "Karim", "John", "Jon", "Maria", "Marie", "Olga"}
	family := []string{"Hassan", "Hasan", "Benali", "Smith", "Smyth", "Ivanova", "Ivanov", "Haddad", "Nguyen"}
	rng := rand.New(rand.NewPCG(11, 12))
	gen := func(i int) store.Incoming {
		name := given[rng.IntN(len(given))] + " " + family[rng.IntN(len(family))]
		props := []string{"name", name}
		if rng.IntN(3) > 0 {
			props = append(props, "birthDate", fmt.Sprintf("19%02d-%02d-%02d", 50+rng.IntN(10), 1+rng.IntN(2), 1+rng.IntN(3)))
		}
		if rng.IntN(4) == 0 {
			props = append(props, "phone", fmt.Sprintf("+3361234%04d", rng.IntN(40)))
		}
		return person("src", fmt.Sprintf("r%04d", i), props...)
	}
	var rounds [][]store.Incoming
	for round := 0; round < 10; round++ { // past minWeightedRecords, so counts weigh names
		var batch []store.Incoming
		for i := 0; i < 250; i++ {
			id := round*250 + i
			if round > 0 && rng.IntN(4) == 0 {
				id = rng.IntN(round * 250) // an update: new name, keys move
			}
			batch = append(batch, gen(id))
		}
		rounds = append(rounds, batch)
	}
	for _, batch := range rounds {
		for _, f := range fs {
			f.put(t, batch...)
		}
	}
	for _, f := range fs {
		checkCounts(t, f.db)
		checkPostings(t, f.db)
	}
	for i := 1; i < len(fs); i++ {
		if diff := cmp.Diff(fs[0].clusters(t), fs[i].clusters(t)); diff != "" {
			t.Fatalf("subjects differ between %s and %s (-%[1]s +%[2]s):\n%s", what[0], what[i], diff)
		}
	}
	for _, q := range []string{"Ahmed Hassan", "Jon Smith 1955-01-02", "Marie Ivanova", "Ali Benali"} {
		pq, err := ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		answers := make([][]string, len(fs))
		for i, f := range fs {
			for range 2 { // the second lookup reads what the first cached
				hits, err := f.res.Lookup(context.Background(), pq, LookupOptions{Limit: 10})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range hits {
					got = append(got, fmt.Sprintf("%s %.3f", h.Subject, h.Score))
				}
				if answers[i] != nil {
					if diff := cmp.Diff(answers[i], got); diff != "" {
						t.Fatalf("%q: a repeated lookup differs:\n%s", q, diff)
					}
				}
				answers[i] = got
			}
		}
		for i := 1; i < len(fs); i++ {
			if diff := cmp.Diff(answers[0], answers[i]); diff != "" {
				t.Fatalf("%q: lookups differ between %s and %s (-%[2]s +%[3]s):\n%s", q, what[0], what[i], diff)
			}
		}
	}
}

func TestApplyOpsKeepsASortedSet(t *testing.T) {
	got := applyOps(packList([]string{"a", "cc", "e"}), postingOps{"b": true, "cc": false, "e": true, "ff": true, "a": false, "x\x00y": true})
	if diff := cmp.Diff([]string{"b", "e", "ff", "x\x00y"}, unpack(got)); diff != "" {
		t.Fatal(diff)
	}
	for _, rec := range []string{"b", "e", "ff", "x\x00y"} {
		if !got.contains(rec) {
			t.Errorf("contains(%q) = false", rec)
		}
	}
	for _, rec := range []string{"", "a", "cc", "f", "x", "z"} {
		if got.contains(rec) {
			t.Errorf("contains(%q) = true", rec)
		}
	}
	if empty := applyOps(plist{}, postingOps{"a": false}); empty.len() != 0 || empty.contains("a") {
		t.Errorf("removing from an empty list gave %q", unpack(empty))
	}
}

func unpack(l plist) []string {
	var out []string
	for i := range l.len() {
		out = append(out, l.at(i))
	}
	return out
}

// checkCounts verifies that every stored postings count equals the number of
// postings under its key (counts are written once per batch).
func checkCounts(t *testing.T, db *store.DB) {
	t.Helper()
	err := db.View(func(txn *store.Txn) error {
		n := 0
		err := txn.Iterate([]byte(pCount), store.IterOptions{}, func(k []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			key := string(k[len(pCount):])
			got, err := txn.CountPrefix([]byte(store.PrefixIndex+key+"\x00"), 0)
			if err != nil {
				return err
			}
			if int(getU32(raw)) != got {
				t.Errorf("count of %q is %d, postings %d", key, getU32(raw), got)
			}
			n++
			return nil
		})
		if n == 0 {
			t.Error("no counts stored")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkPostings fails unless the postings are exactly the index keys the
// records' stored features list: each listed key has its posting, and
// there are no more postings than listed keys (no key an update moved
// away left behind). The counts stand for the postings (checkCounts).
func checkPostings(t *testing.T, db *store.DB) {
	t.Helper()
	err := db.View(func(txn *store.Txn) error {
		listed, postings := 0, 0
		err := txn.Iterate([]byte(pFeatures), store.IterOptions{}, func(k []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			keys, err := decodeFeatureKeys(raw)
			if err != nil {
				return err
			}
			rec := string(k[len(pFeatures):])
			for _, key := range keys {
				ok, err := txn.Has(posting(store.PrefixIndex, key, rec))
				if err != nil {
					return err
				}
				if !ok {
					t.Errorf("%s: no posting for its key %q", parseRK(rec), key)
				}
			}
			listed += len(keys)
			return nil
		})
		if err != nil {
			return err
		}
		err = txn.Iterate([]byte(pCount), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			postings += int(getU32(raw))
			return err
		})
		if postings != listed {
			t.Errorf("%d postings, %d keys listed by the records", postings, listed)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
