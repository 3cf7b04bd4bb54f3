package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
)

// The benchmarks build a random link graph straight into the store's graph
// keys (as Apply would write them, without the records themselves, which
// the queries never read) and time link summaries and path searches.
//
// Scale: VIGIE_GRAPH_BENCH_SUBJECTS subjects (default 20,000) with about
// five links each (family and associate pairs, and phones shared by three).
// Full scale, about 1M subjects and 5M links (a few minutes to build):
//
//	VIGIE_GRAPH_BENCH_SUBJECTS=1000000 VIGIE_GRAPH_BENCH_DIR=/tmp/graphbench \
//	  go test -run '^$' -bench . -benchtime 2000x -timeout 60m ./store/graph/
//
// VIGIE_GRAPH_BENCH_DIR keeps the built store for later runs; a store built
// before hub rows carried inline copies of small hubs reads every hub from
// g/m, so rebuild it in a fresh directory.

func benchScale() int {
	if n, err := strconv.Atoi(os.Getenv("VIGIE_GRAPH_BENCH_SUBJECTS")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

type benchGraph struct {
	db    *store.DB
	g     *Graph
	n     int
	links int
}

func benchKey(i int) store.Key { return store.Key{Source: "bench", ID: fmt.Sprintf("p%08d", i)} }

// buildBench writes n subjects and ~5n links: 2.5n relation pairs, and
// 0.85n phones each shared by three subjects (three links each).
func buildBench(b *testing.B) *benchGraph {
	n := benchScale()
	dir := os.Getenv("VIGIE_GRAPH_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	} else {
		dir = fmt.Sprintf("%s/%d", dir, n)
	}
	o := store.DefaultOptions(dir)
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	g, err := New(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	bg := &benchGraph{db: db, g: g, n: n, links: 5*n/2 + 3*(85*n/100)}
	marker := []byte(store.PrefixGraph + "bench-built")
	var built bool
	if err := db.View(func(txn *store.Txn) error {
		_, err := txn.Get(marker)
		built = err == nil
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if built {
		return bg
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(1, 2))
	type hubDef struct {
		h       hub
		typ     LinkType
		members []int
	}
	var batch []hubDef
	flush := func() {
		for len(batch) > 0 {
			n := min(len(batch), 5000)
			err := db.Update(func(txn *store.Txn) error {
				for _, d := range batch[:n] {
					// The memberships in g/m key order, each once, as
					// refreshInline copies them.
					raw, _ := json.Marshal(membership{Type: d.typ})
					var es []entry
					for _, m := range d.members {
						k := benchKey(m)
						es = append(es, entry{member: k, ev: k, raw: raw})
					}
					key := func(e entry) string { return string(memberKey(d.h, e.member, e.ev)) }
					slices.SortFunc(es, func(a, b entry) int { return strings.Compare(key(a), key(b)) })
					es = slices.CompactFunc(es, func(a, b entry) bool { return key(a) == key(b) })
					inline := appendInline(nil, es)
					for _, e := range es {
						if err := txn.Set(memberKey(d.h, e.member, e.ev), e.raw); err != nil {
							return err
						}
						if err := txn.Set(recHubKey(e.member, d.h, e.ev), inline); err != nil {
							return err
						}
					}
					if err := txn.Set(countKey(d.h), binary.BigEndian.AppendUint64(nil, uint64(len(es)))); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			batch = batch[n:]
		}
	}
	// A relation record's hub holds both ends (its evidence is the record
	// itself in real data; here the ends state it, which reads the same).
	for i := range 5 * n / 2 {
		a, c := rng.IntN(n), rng.IntN(n)
		if a == c {
			c = (a + 1) % n
		}
		typ := Family
		if i%2 == 1 {
			typ = Associate
		}
		batch = append(batch, hubDef{recordHub(store.Key{Source: "bench", ID: fmt.Sprint("rel", i)}), typ, []int{a, c}})
		if len(batch) >= 50_000 {
			flush()
		}
	}
	for i := range 85 * n / 100 {
		a := rng.IntN(n)
		batch = append(batch, hubDef{valueHub(KindPhone, fmt.Sprintf("6%08d", i)), SharedPhone, []int{a, (a + 1 + rng.IntN(1000)) % n, rng.IntN(n)}})
		if len(batch) >= 50_000 {
			flush()
		}
	}
	flush()
	if err := db.Update(func(txn *store.Txn) error { return txn.Set(marker, nil) }); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d subjects, ~%d links in %s", n, bg.links, time.Since(start).Round(time.Second))
	return bg
}

// benchFlag flags about 1% of subjects.
func benchFlag(s string) (bool, string) {
	var h uint32
	for i := 0; i < len(s); i++ {
		h = h*31 + uint32(s[i])
	}
	return h%100 == 7, "bench flag"
}

func reportLatencies(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	if len(d) == 0 {
		return
	}
	q := func(p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkGraph(b *testing.B) {
	bg := buildBench(b)
	subs := identity{}
	b.Run(fmt.Sprintf("summary-2hop/subjects=%d/links=%d", bg.n, bg.links), func(b *testing.B) {
		rng := rand.New(rand.NewPCG(3, 4))
		var lat []time.Duration
		flagged := 0
		for b.Loop() {
			s := subj("bench", benchKey(rng.IntN(bg.n)).ID)
			t0 := time.Now()
			err := bg.db.View(func(txn *store.Txn) error {
				sum, err := bg.g.Summary(txn, subs, s, 2, benchFlag)
				flagged += len(sum.Flagged)
				return err
			})
			lat = append(lat, time.Since(t0))
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(flagged)/float64(len(lat)), "flagged-paths/op")
		reportLatencies(b, lat)
	})
	b.Run(fmt.Sprintf("paths-4hop/subjects=%d/links=%d", bg.n, bg.links), func(b *testing.B) {
		rng := rand.New(rand.NewPCG(5, 6))
		var lat []time.Duration
		found := 0
		for b.Loop() {
			a := subj("bench", benchKey(rng.IntN(bg.n)).ID)
			// Half the pairs are 2–4 hops apart (a random walk), half random
			// (usually farther than 4 hops: the search must give up fast).
			target := subj("bench", benchKey(rng.IntN(bg.n)).ID)
			if rng.IntN(2) == 0 {
				target = bg.walk(b, a, 2+rng.IntN(3), rng)
			}
			t0 := time.Now()
			err := bg.db.View(func(txn *store.Txn) error {
				ps, err := bg.g.Paths(txn, subs, a, target, 3, 4)
				found += min(len(ps), 1)
				return err
			})
			lat = append(lat, time.Since(t0))
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(found)/float64(len(lat)), "found/op")
		reportLatencies(b, lat)
	})
}

// walk follows random links from s for steps hops.
func (bg *benchGraph) walk(b *testing.B, s string, steps int, rng *rand.Rand) string {
	err := bg.db.View(func(txn *store.Txn) error {
		for range steps {
			q := bg.g.newQuery(txn, identity{})
			if err := q.expand(s); err != nil {
				return err
			}
			next := q.order[s]
			if len(next) == 0 {
				return errors.New("dead end")
			}
			s = next[rng.IntN(len(next))]
		}
		return nil
	})
	if err != nil && err.Error() != "dead end" {
		b.Fatal(err)
	}
	return s
}
