package watch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

// benchPeople generates distinct-looking people deterministically.
type benchPeople struct{ r *rand.Rand }

var benchSyl = []string{"ka", "ri", "mo", "ha", "ben", "al", "di", "na", "sa", "lah", "tor", "vek", "lu", "mir", "zan", "ol", "ga", "pe", "tro", "vic", "el", "ya", "sun", "dre", "bel", "kas", "rom", "ney", "fa", "tim"}

func (g benchPeople) word(n int) string {
	s := ""
	for range n {
		s += benchSyl[g.r.IntN(len(benchSyl))]
	}
	return s
}

func (g benchPeople) person() (name, dob string) {
	return g.word(2) + " " + g.word(3), fmt.Sprintf("19%02d-%02d-%02d", 40+g.r.IntN(60), 1+g.r.IntN(12), 1+g.r.IntN(28))
}

func benchEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

type benchRun struct {
	rate    float64 // records/s through the pipeline (ingest and stages)
	alerts  int
	latency []time.Duration // record committed → alert committed, trickle phase
}

// runIngest ingests n records (1% are watched people when watches > 0)
// while the pipeline follows the feed, as `vigie serve` runs it; then,
// with the store loaded, trickles watched people one by one and measures
// record committed → alert committed.
func runIngest(b *testing.B, n, watches int, withWatcher bool) benchRun {
	o := store.DefaultOptions(b.TempDir())
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	res, err := resolve.New(db, resolve.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	putAt := map[string]time.Time{}
	var latency []time.Duration
	alerts := 0
	wo := DefaultOptions()
	wo.Observe = func(as []Alert) {
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		alerts += len(as)
		for _, a := range as {
			if t, ok := putAt[a.Record.ID]; ok {
				latency = append(latency, now.Sub(t))
				delete(putAt, a.Record.ID)
			}
		}
	}
	w, err := New(db, res, wo)
	if err != nil {
		b.Fatal(err)
	}
	stages := []pipeline.Named{{Name: "resolve", Stage: res}}
	if withWatcher {
		stages = append(stages, pipeline.Named{Name: "watch", Stage: w})
	}
	pipe := pipeline.New(db, "pipeline", 500, testLogger(b), stages...)

	gen := benchPeople{rand.New(rand.NewPCG(1, 2))}
	type who struct{ name, dob string }
	var watched []who
	ctx := context.Background()
	for i := range watches {
		name, dob := gen.person()
		watched = append(watched, who{name, dob})
		if _, err := w.Add(ctx, Watch{Query: name + " born " + dob, Channel: fmt.Sprint("ch-", i%50), Requester: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	recGen := benchPeople{rand.New(rand.NewPCG(3, 4))}
	mk := func(i int) store.Incoming {
		name, dob := recGen.person()
		if len(watched) > 0 && i%100 == 0 {
			p := watched[(i/100)%len(watched)]
			name, dob = p.name, p.dob
		}
		return rec("bench", fmt.Sprint("r", i), "Person", "name", name, "birthDate", dob)
	}

	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- pipe.Run(runCtx) }() // exits when runCtx is cancelled
	waitDrained := func() {
		for {
			lag, err := pipe.Lag()
			if err != nil {
				b.Fatal(err)
			}
			if lag == 0 {
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	start := time.Now()
	const batch = 1000
	for i := 0; i < n; i += batch {
		var recs []store.Incoming
		for j := i; j < min(i+batch, n); j++ {
			recs = append(recs, mk(j))
		}
		if _, err := db.Put(ctx, recs); err != nil {
			b.Fatal(err)
		}
	}
	waitDrained()
	out := benchRun{rate: float64(n) / time.Since(start).Seconds()}

	// Trickle: one watched person at a time, as live data arrives.
	if len(watched) > 0 {
		mu.Lock()
		latency = nil
		mu.Unlock()
		for i := range 200 {
			p := watched[(i*37)%len(watched)]
			id := fmt.Sprint("t", i)
			mu.Lock()
			putAt[id] = time.Now() // set before Put: the alert may commit before Put returns
			mu.Unlock()
			if _, err := db.Put(ctx, []store.Incoming{rec("live", id, "Person", "name", p.name, "birthDate", p.dob)}); err != nil {
				b.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
		}
		waitDrained()
	}
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	mu.Lock()
	out.alerts, out.latency = alerts, latency
	mu.Unlock()
	return out
}

// BenchmarkIngestWithWatches compares the pipeline's ingest rate with
// 10,000 active query watches to the rate without the watch stage, and
// measures record committed → alert in outbox. Scale with
// VIGIE_BENCH_RECORDS (default 100,000) and VIGIE_BENCH_WATCHES (10,000).
// Run with -benchtime=1x.
func BenchmarkIngestWithWatches(b *testing.B) {
	n := benchEnvInt("VIGIE_BENCH_RECORDS", 100_000)
	nw := benchEnvInt("VIGIE_BENCH_WATCHES", 10_000)
	for range b.N {
		base := runIngest(b, n, 0, false)
		with := runIngest(b, n, nw, true)
		lat := with.latency
		slices.Sort(lat)
		p := func(q float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds()) / 1000
		}
		b.ReportMetric(base.rate, "rec/s-nowatch")
		b.ReportMetric(with.rate, "rec/s-watched")
		b.ReportMetric(with.rate/base.rate, "rate-ratio")
		b.ReportMetric(float64(with.alerts), "alerts")
		b.ReportMetric(float64(len(lat)), "latency-samples")
		b.ReportMetric(p(0.50), "ms-p50")
		b.ReportMetric(p(0.99), "ms-p99")
	}
}
