package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigie/vigie/store"
)

// bruteForce enumerates every simple path from a of 1..maxHops hops whose
// end satisfies end, ordered by length then lexically: the oracle.
func bruteForce(adj map[string][]string, a string, maxHops int, end func(string) bool) [][]string {
	var out [][]string
	path := []string{a}
	var walk func()
	walk = func() {
		cur := path[len(path)-1]
		if len(path) > 1 && end(cur) {
			out = append(out, slices.Clone(path))
		}
		if len(path)-1 == maxHops {
			return
		}
		for _, m := range adj[cur] {
			if !slices.Contains(path, m) {
				path = append(path, m)
				walk()
				path = path[:len(path)-1]
			}
		}
	}
	walk()
	slices.SortFunc(out, func(x, y []string) int {
		if len(x) != len(y) {
			return len(x) - len(y)
		}
		return slices.Compare(x, y)
	})
	return out
}

// randomGraph stores n people and m random relations between them (a mix
// of family records and shared phones) and returns the true adjacency by
// subject.
func randomGraph(t *testing.T, db *store.DB, g *Graph, rng *rand.Rand, n, m int) (map[string][]string, []string) {
	var recs []store.Incoming
	phones := map[int][]string{}
	adj := map[string]map[string]bool{}
	link := func(i, j int) {
		a, b := subj("s", fmt.Sprint("p", i)), subj("s", fmt.Sprint("p", j))
		if adj[a] == nil {
			adj[a] = map[string]bool{}
		}
		if adj[b] == nil {
			adj[b] = map[string]bool{}
		}
		adj[a][b], adj[b][a] = true, true
	}
	for e := range m {
		i, j := rng.IntN(n), rng.IntN(n)
		if i == j {
			continue
		}
		if rng.IntN(3) == 0 {
			// A shared phone: j takes i's number (a hub of any size).
			num := fmt.Sprintf("07%08d", e)
			phones[i] = append(phones[i], num)
			phones[j] = append(phones[j], num)
		} else {
			recs = append(recs, ent("s", fmt.Sprint("f", e), "Family", "person", fmt.Sprint("p", i), "relative", fmt.Sprint("p", j)))
		}
		link(i, j)
	}
	var nodes []string
	for i := range n {
		r := ent("s", fmt.Sprint("p", i), "Person")
		r.Properties["phone"] = phones[i]
		recs = append(recs, r)
		nodes = append(nodes, subj("s", fmt.Sprint("p", i)))
	}
	ingest(t, db, g, recs...)
	out := map[string][]string{}
	for a, bs := range adj {
		for b := range bs {
			out[a] = append(out[a], b)
		}
		slices.Sort(out[a])
	}
	return out, nodes
}

func TestPathsAgainstBruteForce(t *testing.T) {
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			db := mustOpen(t)
			g := mustGraph(t, nil)
			n := 15 + rng.IntN(25)
			adj, nodes := randomGraph(t, db, g, rng, n, 2*n+rng.IntN(2*n))
			total := 0
			defer func() { t.Logf("%d paths checked", total) }()
			for range 25 {
				a, b := nodes[rng.IntN(n)], nodes[rng.IntN(n)]
				if a == b {
					continue
				}
				hops, k := 1+rng.IntN(4), 1+rng.IntN(8)
				want := bruteForce(adj, a, hops, func(x string) bool { return x == b })
				// The oracle walks past b; a simple path ends at b.
				want = slices.DeleteFunc(want, func(p []string) bool { return slices.Index(p, b) != len(p)-1 })
				want = want[:min(k, len(want))]
				total += len(want)
				var got [][]string
				for _, p := range paths(t, db, g, identity{}, a, b, k, hops) {
					got = append(got, p.Subjects)
					for _, h := range p.Hops {
						if len(h.Evidence) == 0 {
							t.Errorf("hop %s→%s has no evidence", h.From, h.To)
						}
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Paths(%s, %s, k=%d, hops=%d) (-oracle +got):\n%s", a, b, k, hops, diff)
				}
			}
		})
	}
}

func TestSummaryAgainstBruteForce(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			db := mustOpen(t)
			g := mustGraph(t, func(o *Options) { o.MaxPaths = 1 << 20 })
			n := 20 + rng.IntN(20)
			adj, nodes := randomGraph(t, db, g, rng, n, n+rng.IntN(n))
			flagged := map[string]string{}
			for range 3 {
				flagged[nodes[rng.IntN(n)]] = "flag"
			}
			for range 10 {
				a := nodes[rng.IntN(n)]
				depth := 1 + rng.IntN(3)
				want := bruteForce(adj, a, depth, func(x string) bool { _, ok := flagged[x]; return ok && x != a })
				s := summary(t, db, g, identity{}, a, depth, flagged)
				var got [][]string
				for _, p := range s.Flagged {
					got = append(got, p.Subjects)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Summary(%s, depth %d) flagged paths (-oracle +got):\n%s", a, depth, diff)
				}
				var neigh []string
				for _, gr := range s.Direct {
					for _, l := range gr.Links {
						neigh = append(neigh, l.Subject)
					}
				}
				slices.Sort(neigh)
				neigh = slices.Compact(neigh)
				if diff := cmp.Diff(adj[a], neigh); diff != "" {
					t.Errorf("Summary(%s) neighbours (-oracle +got):\n%s", a, diff)
				}
			}
		})
	}
}
