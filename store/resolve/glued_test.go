package resolve

import (
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/names"
)

// FuzzRespaced feeds respaced any query name over a small store: it must
// not panic, must add at most respacedMaxNames names, and each must be the
// query's letters, spaced otherwise.
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
		letters := func(s string) string { return strings.ReplaceAll(names.Parse(s).String(), " ", "") }
		for _, n := range got {
			// The query's words spaced otherwise, read as words that drop
			// none of their letters: two words, or one when a particle
			// glues them (abu salem, bou cyd: the one word the store's
			// keys hold), or a short form spelt out (mohd rafi, muhammad
			// rafi).
			if len(names.Parse(n).Tokens) == 0 || strings.ReplaceAll(n, " ", "") != letters(q) || len(letters(n)) < len(letters(q)) {
				t.Fatalf("%q respaced as %q, not its letters spaced otherwise", q, n)
			}
		}
	})
}
