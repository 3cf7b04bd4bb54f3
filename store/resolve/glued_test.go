package resolve

import (
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/names"
)

// FuzzRespaced feeds respaced any query name over a small store: it must
// not panic, must add at most respacedMaxNames names, and each must be a
// name of words (the query's letters, spaced otherwise).
func FuzzRespaced(f *testing.F) {
	fx := mustOpen(f, DefaultOptions())
	fx.put(f,
		person("un", "p1", "name", "Alexander Petrov"),
		person("un", "k1", "name", "Karim Bouzeid"),
		person("un", "a1", "name", "Abu Salem"),
	)
	for _, s := range []string{"AlexanderPetrov", "Kari mBouzeid", "abusalem", "", "a b c d e", "Ka rimbouzeid", "ال", "\xff", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		var got []string
		if err := fx.db.View(func(txn *store.Txn) error {
			got = fx.res.respaced(txn, q, false)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) > respacedMaxNames {
			t.Fatalf("%q: %d names", q, len(got))
		}
		for _, n := range got {
			if len(names.Parse(n).Tokens) < 2 {
				t.Fatalf("%q respaced as %q, not a name of words", q, n)
			}
		}
	})
}
