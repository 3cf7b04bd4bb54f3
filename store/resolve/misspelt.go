package resolve

import (
	"slices"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/names"
)

// Limits on the keys a lookup tries a letter away from its own (misspelt).
const (
	// misspeltMinKey is the shortest key tried: a key of two letters has
	// dozens of neighbours, each the key of unrelated names.
	misspeltMinKey = 3
	// misspeltMaxWords is the most words of the query tried.
	misspeltMaxWords = 4
	// misspeltPerWord is the most neighbouring keys kept for one word.
	misspeltPerWord = 6
	// misspeltMaxProbes bounds the counts read per query (a key of six
	// letters has about 160 neighbours).
	misspeltMaxProbes = 800
)

// keyLetters are the letters names.TokenKey writes: consonant classes
// (b/p as p, d/t as t, g/k/q as k, f/v/w as f, s/z as s, ch as c, zh/j as
// j, kh/h as h) and the liquids and nasals.
const keyLetters = "cfhjklmnprst"

// misspelt returns the index keys (n/) of the words the store holds that
// are one letter of their key away from a word of name — a letter more,
// less, changed, or two swapped: Souksavan against Souksavanh (sksfn,
// sksfnh), יבגני קפלן read kefelen against Kaplan (kfln, kpln), a clerk's
// Oyuntseteg against Oyuntsetseg. The scorer matches such spellings, but
// no key of the query reaches them; a lookup asks for these keys only
// when the name as typed matched no one (see lookup), and keeps their
// hits only when one of them matches. Each neighbouring key is counted
// (peekCount), so only keys some record holds are returned: at most
// misspeltPerWord per word, the rarest first, from at most
// misspeltMaxProbes counts read.
func (r *Resolver) misspelt(txn *store.Txn, name string) []string {
	n := names.Parse(name)
	var own []string
	for i := range n.Tokens {
		for _, k := range []string{names.TokenKey(n.Tokens[i]), n.CanonicalKeyAt(i)} {
			if len(k) >= misspeltMinKey && k[0] != 'v' && !slices.Contains(own, k) {
				own = append(own, k)
			}
		}
		if len(own) >= 2*misspeltMaxWords {
			break
		}
	}
	if len(own) == 0 {
		return nil
	}
	known := map[string]bool{} // the query's own keys, from every reading
	for _, k := range n.Keys() {
		known[k] = true
	}
	probes := 0
	var out []string
	for _, k := range own {
		type found struct {
			key   string
			count uint32
		}
		var near []found
		for _, c := range keyNeighbours(k) {
			if known[c] || probes >= misspeltMaxProbes {
				continue
			}
			probes++
			if n := r.peekCount(txn, "n/"+c); n > 0 {
				near = append(near, found{c, n})
			}
		}
		slices.SortStableFunc(near, func(a, b found) int { return int(a.count) - int(b.count) })
		for _, f := range near[:min(len(near), misspeltPerWord)] {
			if k := "n/" + f.key; !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// keyNeighbours returns the keys one edit from k — a letter of
// keyLetters added, left out or changed, or two neighbours swapped —
// without those that double a letter, which TokenKey never writes.
func keyNeighbours(k string) []string {
	var out []string
	seen := map[string]bool{k: true}
	add := func(s string) {
		for i := 1; i < len(s); i++ {
			if s[i] == s[i-1] {
				return
			}
		}
		if len(s) >= 2 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := 0; i < len(k); i++ {
		add(k[:i] + k[i+1:])
		if i+1 < len(k) {
			add(k[:i] + k[i+1:i+2] + k[i:i+1] + k[i+2:])
		}
		for _, c := range []byte(keyLetters) {
			if c != k[i] {
				add(k[:i] + string(c) + k[i+1:])
			}
		}
	}
	for i := 0; i <= len(k); i++ {
		for _, c := range []byte(keyLetters) {
			add(k[:i] + string(c) + k[i:])
		}
	}
	return out
}
