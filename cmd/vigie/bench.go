package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/quality"
	"github.com/vigie/vigie/store/resolve"
)

// header prints the head of the figures' table: the machine, the date
// and the run's settings.
func (rep benchReport) header(w io.Writer) {
	names := slices.Sorted(maps.Keys(rep.Settings))
	set := make([]string, len(names))
	for i, n := range names {
		set[i] = n + "=" + rep.Settings[n]
	}
	fmt.Fprintf(w, "| figure | value |\n|---|---|\n| machine | %s |\n| date | %s |\n| settings | %s |\n", rep.Machine, rep.Date, strings.Join(set, " "))
}

// benchReport is what `vigie bench` prints (and writes with --json).
type benchReport struct {
	Machine string `json:"machine"`
	Date    string `json:"date"`
	// Settings are the memory and cache settings of the run, as
	// VIGIE_… variables: what its speed and memory depend on.
	Settings       map[string]string `json:"settings"`
	People         int               `json:"people"`
	Records        int               `json:"records"`
	StoreRate      float64           `json:"store_records_per_s"`
	ResolveRate    float64           `json:"resolve_records_per_s"`
	IngestRate     float64           `json:"ingest_with_resolution_records_per_s"`
	Queries        int               `json:"queries"`
	WarmP50Ms      float64           `json:"lookup_warm_p50_ms"`
	WarmP99Ms      float64           `json:"lookup_warm_p99_ms"`
	ColdP50Ms      float64           `json:"lookup_after_restart_p50_ms"`
	ColdP99Ms      float64           `json:"lookup_after_restart_p99_ms"`
	RecallAt10     float64           `json:"recall_at_10"`
	RecordRecall10 float64           `json:"record_recall_at_10"`
	PrecisionAt1   float64           `json:"precision_at_1"`
	PeakRSSBytes   int64             `json:"peak_rss_bytes"`
	// Memory is the same figure phase by phase (benchmem.go).
	Memory          *phaseMemory `json:"memory,omitempty"`
	BytesOnDisk     int64        `json:"bytes_on_disk"`
	ResolveSeconds  float64      `json:"resolve_seconds"`
	StoreSeconds    float64      `json:"store_seconds"`
	SubjectsCreated int          `json:"subjects"`
	PairPrecision   float64      `json:"pairwise_precision"`
	PairRecall      float64      `json:"pairwise_recall"`
	PGP50Ms         float64      `json:"postgres_p50_ms,omitempty"`
	PGP99Ms         float64      `json:"postgres_p99_ms,omitempty"`
	PGRecallAt10    float64      `json:"postgres_recall_at_10,omitempty"`
	PGLoadSeconds   float64      `json:"postgres_load_seconds,omitempty"`
}

func cmdBench(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("bench", "bench [--people N] [--records N] [--queries N] [--json FILE] [--misses FILE] [--postgres] [--dir DIR]")
	people := fs.Int("people", 20000, "generated people")
	perPerson := fs.Int("records", 5, "average records per person")
	queries := fs.Int("queries", 1000, "noisy lookups to time")
	jsonOut := fs.String("json", "", "also write the figures as JSON to FILE")
	dirFlag := fs.String("dir", "", "scratch folder for the store (default: a temporary one, removed)")
	storeOnly := fs.Bool("store-only", false, "measure storing records (versions, change feed) only, without resolution")
	cpuProfile := fs.String("cpuprofile", "", "write CPU profiles of the resolution phase to FILE and of the warm lookups to FILE.lookup (with --lookups-only: of the lookups after the restart; for `go tool pprof`)")
	memProfile := fs.String("memprofile", "", "write a heap profile taken after the resolution phase to FILE (for `go tool pprof`)")
	peakProfile := fs.String("peakprofile", "", "write the heap profile of the collection that found resolution's live heap highest to FILE (for `go tool pprof`)")
	missesOut := fs.String("misses", "", "write the queries vigie (or PostgreSQL, with --postgres) did not answer with a record of the person to FILE, as JSON lines with vigie's first hits")
	lookupsOnly := fs.Bool("lookups-only", false, "time the lookups only, on the store an earlier run with the same --people and --records left in --dir (after a change to lookups: same store, same queries)")
	withPG := fs.Bool("postgres", false, "also load the same records into a scratch PostgreSQL with pg_trgm and fuzzystrmatch and time the same queries there")
	if _, err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	if *people < 100 || *people > 20_000_000 || *perPerson < 1 || *perPerson > 20 || *queries < 10 {
		return a.usageErr(fs, "--people 100..20000000, --records 1..20, --queries ≥ 10")
	}
	dir := *dirFlag
	if dir == "" {
		tmp, err := os.MkdirTemp("", "vigie-bench-")
		if err != nil {
			return a.fail("%v", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	a.cfg.DataDir = filepath.Join(dir, "data")
	a.cfg.RulesDir = filepath.Join(dir, "no-rules")
	pop := quality.Population{Seed: 42, People: *people, RecordsPerPerson: *perPerson}
	rep := benchReport{Machine: machine(), Date: time.Now().UTC().Format("2006-01-02"), Settings: a.cfg.memorySettings(), People: *people, Queries: *queries}
	if *lookupsOnly {
		if *dirFlag == "" {
			return a.usageErr(fs, "--lookups-only needs the --dir of an earlier run")
		}
		return benchLookupsOnly(ctx, a, pop, rep, *jsonOut, *cpuProfile)
	}

	mem := &phaseMemory{profile: *peakProfile, profilePhase: "resolution"}
	rep.Memory = mem
	mem.begin("store")
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stderr, "generating and storing %d people…\n", *people)
	start := time.Now()
	batch := make([]store.Incoming, 0, 2000)
	for i := 0; i < *people; i++ {
		for _, l := range pop.Records(i) {
			batch = append(batch, l.Record)
		}
		if len(batch) >= 4000 || i == *people-1 {
			if _, err := e.db.Put(ctx, batch); err != nil {
				e.Close()
				return a.fail("store: %v", err)
			}
			rep.Records += len(batch)
			batch = batch[:0]
		}
	}
	rep.StoreSeconds = time.Since(start).Seconds()
	rep.StoreRate = float64(rep.Records) / rep.StoreSeconds
	fmt.Fprintf(a.stderr, "stored %d records in %.1fs\n", rep.Records, rep.StoreSeconds)
	mem.end()
	if *storeOnly {
		e.Close()
		rep.BytesOnDisk, rep.PeakRSSBytes = dirSize(a.cfg.DataDir), mem.peak()
		rep.header(a.stdout)
		fmt.Fprintf(a.stdout, "| records | %d |\n| store (records/s) | %.0f |\n| peak RSS | %.0f MiB |\n| bytes on disk | %.0f MiB |\n",
			rep.Records, rep.StoreRate, float64(rep.PeakRSSBytes)/(1<<20), float64(rep.BytesOnDisk)/(1<<20))
		return exitOK
	}
	fmt.Fprintln(a.stderr, "resolving, linking, matching watches…")
	mem.begin("resolution")
	start = time.Now()
	done, lastReport := 0, time.Now()
	e.pipe.Observe = func(n int, _ time.Duration) {
		done += n
		if time.Since(lastReport) >= 30*time.Second {
			lastReport = time.Now()
			fmt.Fprintf(a.stderr, "  %d of %d records resolved (%.0f/s)\n", done, rep.Records, float64(done)/time.Since(start).Seconds())
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			e.Close()
			return a.fail("cpu profile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			e.Close()
			return a.fail("cpu profile: %v", err)
		}
		defer f.Close()
	}
	_, err = e.pipe.Drain(ctx)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		e.Close()
		return a.fail("pipeline: %v", err)
	}
	rep.ResolveSeconds = time.Since(start).Seconds()
	rep.ResolveRate = float64(rep.Records) / rep.ResolveSeconds
	mem.end()
	if mem.profileErr != nil {
		e.Close()
		return a.fail("peak heap profile: %v", mem.profileErr)
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			e.Close()
			return a.fail("heap profile: %v", err)
		}
	}
	rep.IngestRate = float64(rep.Records) / (rep.StoreSeconds + rep.ResolveSeconds)
	mem.begin("scoring the subjects (the bench's own accounting)")
	// Pairwise precision and recall of the subjects against the generated
	// truth (a record id is "<person>-<n>").
	truth, pred := map[store.Key]string{}, map[store.Key]string{}
	_ = e.resolver.Export(ctx, func(s string, keys []store.Key) error {
		rep.SubjectsCreated++
		for _, k := range keys {
			pred[k] = s
			if i := strings.LastIndexByte(k.ID, '-'); i > 0 {
				truth[k] = k.ID[:i]
			}
		}
		return nil
	})
	pw := quality.Score("population", truth, pred)
	rep.PairPrecision, rep.PairRecall = pw.Precision, pw.Recall
	mem.end()

	qs := benchQueries(pop, *queries)
	mem.begin("warm lookups")
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile + ".lookup")
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer f.Close()
		}
	}
	run := timeLookups(ctx, e.resolver, qs)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	rep.WarmP50Ms, rep.WarmP99Ms = pct(run.lat, 50), pct(run.lat, 99)
	rep.RecallAt10, rep.RecordRecall10, rep.PrecisionAt1 = run.recall, run.recordRecall, run.precisionAt1
	mem.end()
	e.Close()
	rep.BytesOnDisk = dirSize(a.cfg.DataDir)
	e = nil
	// What the ingest's caches held goes back to the system, as it would
	// with a new process, before the restart is measured.
	debug.FreeOSMemory()

	// After a restart: caches empty.
	mem.begin("lookups after a restart")
	e, err = a.openEngine(ctx, true)
	if err != nil {
		return a.fail("%v", err)
	}
	cold := timeLookups(ctx, e.resolver, qs).lat
	rep.ColdP50Ms, rep.ColdP99Ms = pct(cold, 50), pct(cold, 99)
	mem.end()
	e.Close()
	rep.PeakRSSBytes = mem.peak()
	var pgFound []bool
	if *withPG {
		fmt.Fprintln(a.stderr, "loading the same records into PostgreSQL (pg_trgm, fuzzystrmatch)…")
		pg, err := pgCompare(ctx, filepath.Join(dir, "postgres"), pop, qs)
		if err != nil {
			return a.fail("postgres comparison: %v", err)
		}
		rep.PGP50Ms, rep.PGP99Ms, rep.PGRecallAt10, rep.PGLoadSeconds = pg.P50Ms, pg.P99Ms, pg.RecallAt10, pg.LoadSeconds
		pgFound = pg.Found
	}
	if *missesOut != "" {
		if err := writeMisses(*missesOut, qs, run, pgFound); err != nil {
			return a.fail("misses: %v", err)
		}
	}

	rep.header(a.stdout)
	fmt.Fprintf(a.stdout, "| people / records | %d / %d |\n", rep.People, rep.Records)
	fmt.Fprintf(a.stdout, "| store only (records/s) | %.0f |\n| resolution + links + watches (records/s) | %.0f |\n| ingest with resolution, end to end (records/s) | %.0f |\n", rep.StoreRate, rep.ResolveRate, rep.IngestRate)
	fmt.Fprintf(a.stdout, "| subjects | %d |\n| entity resolution pairwise precision / recall | %.4f / %.4f |\n", rep.SubjectsCreated, rep.PairPrecision, rep.PairRecall)
	fmt.Fprintf(a.stdout, "| lookup warm p50 / p99 (ms) | %.2f / %.2f |\n| lookup after restart p50 / p99 (ms) | %.2f / %.2f |\n", rep.WarmP50Ms, rep.WarmP99Ms, rep.ColdP50Ms, rep.ColdP99Ms)
	fmt.Fprintf(a.stdout, "| recall@10 / precision@1 (%d noisy queries; a subject counts when most of its records are the person's) | %.3f / %.3f |\n", rep.Queries, rep.RecallAt10, rep.PrecisionAt1)
	fmt.Fprintf(a.stdout, "| record recall@10 (a record of the person among those shown, as PostgreSQL's is counted) | %.3f |\n", rep.RecordRecall10)
	fmt.Fprintf(a.stdout, "| peak RSS | %.0f MiB |\n%s| bytes on disk | %.0f MiB |\n", float64(rep.PeakRSSBytes)/(1<<20), mem.table(), float64(rep.BytesOnDisk)/(1<<20))
	if *withPG {
		fmt.Fprintf(a.stdout, "| PostgreSQL + pg_trgm lookup p50 / p99 (ms) | %.2f / %.2f |\n| PostgreSQL recall@10 | %.3f |\n| PostgreSQL load and index (s) | %.1f |\n", rep.PGP50Ms, rep.PGP99Ms, rep.PGRecallAt10, rep.PGLoadSeconds)
		if rep.WarmP50Ms > 0 && rep.WarmP99Ms > 0 {
			fmt.Fprintf(a.stdout, "| speed ratio PostgreSQL / vigie, p50 and p99 | %.1f× / %.1f× |\n", rep.PGP50Ms/rep.WarmP50Ms, rep.PGP99Ms/rep.WarmP99Ms)
		}
	}
	return writeBenchJSON(a, *jsonOut, rep)
}

// lookupRun is what timeLookups measured: latencies (ms), recall@10 and
// precision@1 against the generated truth (record ids start with the
// person id; a subject is the person's when most of its records are), and
// record recall@10 — some record of the person among those the top ten
// subjects show — which is what PostgreSQL's recall counts (a record of
// the person among its ten rows). found and top say, per query, whether a
// record of the person was shown and what the first hits were.
type lookupRun struct {
	lat                                []float64
	recall, recordRecall, precisionAt1 float64
	found                              []bool
	top                                [][]string
}

// benchQueries returns the noisy queries of a run: the same for the same
// population, so that --lookups-only times what the full run timed.
func benchQueries(pop quality.Population, n int) []quality.Query {
	return queriesOf(pop, n, 7)
}

// queriesOf returns n noisy queries drawn with seed.
func queriesOf(pop quality.Population, n int, seed uint64) []quality.Query {
	rng := rand.New(rand.NewPCG(seed, seed))
	qs := make([]quality.Query, n)
	for i := range qs {
		qs[i] = pop.Query(rng.IntN(pop.People))
	}
	return qs
}

// benchLookupsOnly times the queries on a store an earlier run left, just
// opened (as after a restart); the recall figures are theirs. The warm
// figures are of as many other queries, on the store the first pass warmed:
// timing the same queries again would time the caches they filled, not a
// lookup. The report carries the lookup figures only; the others stay zero.
// A CPU profile, when asked for, is of the first pass (FILE.lookup).
func benchLookupsOnly(ctx context.Context, a *app, pop quality.Population, rep benchReport, jsonOut, cpuProfile string) int {
	if _, err := os.Stat(a.cfg.DataDir); err != nil {
		return a.fail("no store of an earlier run in --dir: %v", err)
	}
	mem := &phaseMemory{}
	rep.Memory = mem
	mem.begin("lookups after a restart")
	e, err := a.openEngine(ctx, true)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	qs := benchQueries(pop, rep.Queries)
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile + ".lookup")
		if err != nil {
			return a.fail("%v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return a.fail("starting the CPU profile: %v", err)
		}
	}
	cold := timeLookups(ctx, e.resolver, qs)
	if cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	mem.end()
	mem.begin("warm lookups")
	warm := timeLookups(ctx, e.resolver, queriesOf(pop, rep.Queries, 8))
	mem.end()
	rep.PeakRSSBytes = mem.peak()
	// Counted after the timing: the walk over the record keys would warm
	// the caches the first pass is meant to find cold.
	st, err := e.db.Stats()
	if err != nil {
		return a.fail("counting the records: %v", err)
	}
	rep.Records = int(st.Records)
	rep.ColdP50Ms, rep.ColdP99Ms = pct(cold.lat, 50), pct(cold.lat, 99)
	rep.WarmP50Ms, rep.WarmP99Ms = pct(warm.lat, 50), pct(warm.lat, 99)
	rep.RecallAt10, rep.RecordRecall10, rep.PrecisionAt1 = cold.recall, cold.recordRecall, cold.precisionAt1
	rep.header(a.stdout)
	fmt.Fprintf(a.stdout, "| people / records | %d / %d |\n", rep.People, rep.Records)
	fmt.Fprintf(a.stdout, "| lookup after restart p50 / p99 (ms) | %.2f / %.2f |\n| lookup warm p50 / p99 (ms; as many other queries, after those) | %.2f / %.2f |\n", rep.ColdP50Ms, rep.ColdP99Ms, rep.WarmP50Ms, rep.WarmP99Ms)
	fmt.Fprintf(a.stdout, "| recall@10 / precision@1 (%d noisy queries) | %.3f / %.3f |\n| record recall@10 | %.3f |\n%s", rep.Queries, rep.RecallAt10, rep.PrecisionAt1, rep.RecordRecall10, mem.table())
	return writeBenchJSON(a, jsonOut, rep)
}

// writeBenchJSON writes the report to path when one was asked for.
func writeBenchJSON(a *app, path string, rep benchReport) int {
	if path == "" {
		return exitOK
	}
	raw, _ := json.MarshalIndent(rep, "", "  ")
	if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
		return a.fail("%v", err)
	}
	return exitOK
}

// timeLookups runs each query against the resolver (see lookupRun).
func timeLookups(ctx context.Context, res *resolve.Resolver, qs []quality.Query) lookupRun {
	run := lookupRun{lat: make([]float64, 0, len(qs)), found: make([]bool, len(qs)), top: make([][]string, len(qs))}
	r10, rr10, p1 := 0, 0, 0
	for qi, q := range qs {
		pq, err := resolve.ParseQuery(q.Text)
		if err != nil {
			continue
		}
		t := time.Now()
		hits, err := res.Lookup(ctx, pq, resolve.LookupOptions{Limit: 10})
		run.lat = append(run.lat, float64(time.Since(t).Microseconds())/1000)
		if err != nil {
			continue
		}
		subject, record := false, false
		for i, h := range hits {
			mine := 0
			for _, r := range h.Records {
				if strings.HasPrefix(r.ID, q.Want+"-") {
					mine++
				}
			}
			record = record || mine > 0
			if !subject && mine*2 > len(h.Records) {
				subject = true
				if i == 0 {
					p1++
				}
			}
			if i < 3 && len(h.Records) > 0 {
				run.top[qi] = append(run.top[qi], fmt.Sprintf("%.3f %s (%d records, %d the person's) %v", h.Score, h.Records[0].Caption, len(h.Records), mine, h.Evidence))
			}
		}
		if subject {
			r10++
		}
		if record {
			rr10++
		}
		run.found[qi] = record
	}
	n := float64(len(qs))
	run.recall, run.recordRecall, run.precisionAt1 = float64(r10)/n, float64(rr10)/n, float64(p1)/n
	return run
}

// writeMisses writes, as JSON lines, the queries vigie or PostgreSQL (when
// pg is given) did not answer with a record of the person, with vigie's
// first hits: what to read when one system's recall falls behind.
func writeMisses(path string, qs []quality.Query, run lookupRun, pg []bool) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i, q := range qs {
		pgFound := i < len(pg) && pg[i]
		if run.found[i] && (pg == nil || pgFound) {
			continue
		}
		line := map[string]any{"query": q.Text, "want": q.Want, "noise": q.Noise, "vigie": run.found[i], "top": run.top[i]}
		if pg != nil {
			line["postgres"] = pgFound
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func pct(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func machine() string {
	model := ""
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%d cores %s, %s/%s", runtime.NumCPU(), model, runtime.GOOS, runtime.GOARCH)
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// writeHeapProfile writes the live heap, after a collection, to path.
func writeHeapProfile(path string) error {
	runtime.GC()
	return writeLastHeapProfile(path)
}
