package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestIterateMergesOwnWrites checks iteration inside a read-write
// transaction against an oracle: committed keys, then pending sets and
// deletes, over forward, reverse, From and Limit.
func TestIterateMergesOwnWrites(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	rng := rand.New(rand.NewPCG(1, 2))
	oracle := map[string]string{}
	key := func() string { return fmt.Sprintf("t/%c/%02d", 'a'+rng.IntN(3), rng.IntN(40)) }
	if err := db.Update(func(txn *Txn) error {
		for range 60 {
			k := key()
			oracle[k] = "c" + k
			if err := txn.Set([]byte(k), []byte("c"+k)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(txn *Txn) error {
		for range 80 {
			k := key()
			if rng.IntN(3) == 0 {
				delete(oracle, k)
				if err := txn.Delete([]byte(k)); err != nil {
					return err
				}
			} else {
				oracle[k] = "p" + k
				if err := txn.Set([]byte(k), []byte("p"+k)); err != nil {
					return err
				}
			}
		}
		for _, prefix := range []string{"t/", "t/a/", "t/b/", "t/c/", "t/d/"} {
			var want []string
			for k, v := range oracle {
				if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
					want = append(want, k+"="+v)
				}
			}
			sort.Strings(want)
			for _, o := range []IterOptions{{}, {Reverse: true}, {Limit: 3}, {Reverse: true, Limit: 4}, {From: []byte(prefix + "2")}} {
				var got []string
				err := txn.Iterate([]byte(prefix), o, func(k []byte, v func() ([]byte, error)) error {
					val, err := v()
					got = append(got, string(k)+"="+string(val))
					return err
				})
				if err != nil {
					return err
				}
				exp := slices.Clone(want)
				if o.From != nil {
					exp = slices.DeleteFunc(exp, func(s string) bool { return s < string(o.From) })
				}
				if o.Reverse {
					slices.Reverse(exp)
				}
				if o.Limit > 0 && len(exp) > o.Limit {
					exp = exp[:o.Limit]
				}
				if !slices.Equal(got, exp) {
					t.Errorf("prefix %q %+v:\n got %v\nwant %v", prefix, o, got, exp)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
