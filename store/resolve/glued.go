package resolve

import (
	"errors"
	"strings"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/names"
)

// Limits on the spaces a lookup puts back (respaced).
const (
	// respacedMaxTokens is the most words a query's name may have for its
	// spaces to be tried elsewhere.
	respacedMaxTokens = 4
	// respacedMaxNames is the most names respaced adds to a query.
	respacedMaxNames = 2
	// respacedMaxProbes bounds the counts read per query.
	respacedMaxProbes = 48
	// respacedMinWord is the shortest word a split may leave.
	respacedMinWord = 2
)

// respaced returns the query's name with a space put back where an officer
// left it out or typed it a letter off ("AlexanderPetrov", "Kari
// mBouzeid"): the scorer compares a glued name with its words joined
// (names' joinedAlign), but no index key of the glued word reaches the
// records. A word of the query (six letters or more) is split in two, and
// two neighbouring words are joined and split again up to two letters from
// where they were, when one of the words is unknown to the store (no
// record holds it); a split is kept only when some record of the store
// holds its two words as one name (their pair key, p/, is counted; the
// key of the one word a particle makes of them, abu salem), so a name is
// never made up. At most respacedMaxNames names, from at most
// respacedMaxProbes counts read; a count that cannot be read is skipped.
//
// With anyWord, every word is tried as if unknown: a lookup asks so when
// the name as typed found no one (see lookup).
func (r *Resolver) respaced(txn *store.Txn, name string, anyWord bool) []string {
	n := names.Parse(name)
	toks := n.Tokens
	if len(toks) == 0 || len(toks) > respacedMaxTokens {
		return nil
	}
	// Only a word no record holds is respaced: a store of typed records
	// holds the odd misplaced space too (FEBRL's grac ewhite), and Grace
	// White, known, is what was meant.
	unknown := make([]bool, len(toks))
	some := false
	for i := range toks {
		k := n.CanonicalKeyAt(i)
		unknown[i] = k != "" && (anyWord || r.peekCount(txn, "n/"+k) == 0)
		some = some || unknown[i]
	}
	if !some {
		return nil
	}
	var out []string
	probes := 0
	// try splits joined (the words toks[i:j] as one) at p, keeping the
	// query's other words; it reports whether a name was added.
	try := func(i, j int, joined string, p int) bool {
		if p < respacedMinWord || len(joined)-p < respacedMinWord || probes >= respacedMaxProbes {
			return false
		}
		probes++
		left, right := joined[:p], joined[p:]
		pn := names.Parse(left + " " + right)
		if len(strings.Join(pn.Tokens, "")) < len(joined) {
			return false // a word the parser drops, no name (caram ii: a generation; mr smith)
		}
		primary, pairs := nameKeys(pn)
		var key string
		switch {
		case len(pn.Tokens) == 2 && len(pairs) == 1:
			key = pairs[0]
		case len(pn.Tokens) == 1 && len(primary) == 1:
			// A particle glued back (abu salem, abusalem: the word the
			// store holds). Two words of one key (Kazuaki Okazaki, ksk)
			// have no pair key and are not tried: any split of theirs
			// keys alike (kazuak iokazaki).
			key = "n/" + primary[0]
		default:
			return false
		}
		if r.peekCount(txn, key) == 0 {
			return false
		}
		words := make([]string, 0, len(toks)+1)
		words = append(words, toks[:i]...)
		words = append(words, left, right)
		words = append(words, toks[j:]...)
		out = append(out, strings.Join(words, " "))
		return true
	}
	for i, t := range toks {
		if len(t) < 6 || !unknown[i] {
			continue
		}
		for p := respacedMinWord; p <= len(t)-respacedMinWord && len(out) < respacedMaxNames; p++ {
			if try(i, i+1, t, p) {
				break
			}
		}
	}
	for i := 0; i+1 < len(toks) && len(out) < respacedMaxNames; i++ {
		if !unknown[i] && !unknown[i+1] {
			continue
		}
		joined, at := toks[i]+toks[i+1], len(toks[i])
		for _, d := range []int{-1, 1, -2, 2} {
			if try(i, i+2, joined, at+d) {
				break
			}
		}
	}
	return out
}

// peekCount reads an index key's count without mirroring it (see count):
// a query's made-up words would fill the mirror with keys no record
// holds. A failed read counts as none.
func (r *Resolver) peekCount(txn *store.Txn, key string) uint32 {
	r.mu.RLock()
	c, ok := r.counts[r.countKey(key)]
	r.mu.RUnlock()
	if ok {
		return c
	}
	raw, err := txn.Get([]byte(pCount + key))
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			r.log.Warn("index count unreadable; the query's respaced name is skipped", "key", key, "err", err)
		}
		return 0
	}
	return getU32(raw)
}
