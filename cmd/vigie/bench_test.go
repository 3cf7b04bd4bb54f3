package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// BenchmarkIngestCommand runs `vigie ingest` in-process on generated
// persons (b.N records), resolution, links and watches included, and
// reports records/s.
func BenchmarkIngestCommand(b *testing.B) {
	dir := b.TempDir()
	data := filepath.Join(dir, "people.jsonl")
	writePeopleB(b, data, b.N)
	env := map[string]string{"VIGIE_DATA_DIR": filepath.Join(dir, "data"), "VIGIE_LOG_LEVEL": "error", "VIGIE_RULES_DIR": filepath.Join(dir, "none")}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	var out, errb bytes.Buffer
	b.ResetTimer()
	code := run(context.Background(), []string{"vigie", "ingest", data}, lookup, nil, &out, &errb)
	b.StopTimer()
	if code != 0 {
		b.Fatalf("exit %d: %s", code, errb.String())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// TestBenchCommand runs `vigie bench` on a small population: the JSON
// figures are there and plausible, --misses lists exactly the queries
// whose person no shown record belongs to, and --peakprofile writes a heap
// profile.
func TestBenchCommand(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	figures, misses, peak := filepath.Join(dir, "bench.json"), filepath.Join(dir, "misses.jsonl"), filepath.Join(dir, "peak.pprof")
	code, out, errs := c.run("", "bench", "--people", "300", "--queries", "40", "--json", figures, "--misses", misses, "--peakprofile", peak, "--dir", filepath.Join(dir, "scratch"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "| lookup warm p50 / p99 (ms) |") {
		t.Errorf("no lookup figures in the table:\n%s", out)
	}
	raw, err := os.ReadFile(figures)
	if err != nil {
		t.Fatal(err)
	}
	var rep benchReport
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.People != 300 || rep.Records < 300 || rep.Queries != 40 || rep.RecordRecall10 <= 0 || rep.RecordRecall10 > 1 {
		t.Errorf("implausible figures: %+v", rep)
	}
	if rep.Settings["VIGIE_BLOCK_CACHE"] != "256MiB" || rep.Settings["VIGIE_RESOLVE_CACHE"] != "200000" || rep.Settings["VIGIE_LOOKUP_CANDIDATES"] != "200" || !strings.Contains(out, "| settings | VIGIE_BLOCK_CACHE=256MiB ") {
		t.Errorf("the run's settings are not reported: %v\n%s", rep.Settings, out)
	}
	checkMemoryPhases(t, rep, "store", "resolution", "scoring the subjects (the bench's own accounting)", "warm lookups", "lookups after a restart")
	if prof, err := os.ReadFile(peak); err != nil || len(prof) < 2 || prof[0] != 0x1f || prof[1] != 0x8b {
		t.Errorf("--peakprofile: %d bytes, %v; want a gzipped profile", len(prof), err)
	}
	raw, err = os.ReadFile(misses)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if l == "" {
			continue
		}
		var m struct {
			Query, Want string
			Vigie       bool
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil || m.Query == "" || m.Want == "" || m.Vigie {
			t.Errorf("miss line %q: %v", l, err)
		}
		lines++
	}
	if want := 40 - int(rep.RecordRecall10*40+0.5); lines != want {
		t.Errorf("%d misses listed, want %d (record recall@10 %.3f of 40 queries)", lines, want, rep.RecordRecall10)
	}

	// --lookups-only on the store the run left: the same queries, so the
	// same answers, and the same records counted.
	again := filepath.Join(dir, "again.json")
	code, out, errs = c.run("", "bench", "--people", "300", "--queries", "40", "--lookups-only", "--json", again, "--dir", filepath.Join(dir, "scratch"))
	if code != 0 {
		t.Fatalf("--lookups-only: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "| lookup after restart p50 / p99 (ms) |") {
		t.Errorf("--lookups-only printed no lookup figures:\n%s", out)
	}
	raw, err = os.ReadFile(again)
	if err != nil {
		t.Fatal(err)
	}
	var rep2 benchReport
	if err := json.Unmarshal(raw, &rep2); err != nil {
		t.Fatal(err)
	}
	if rep2.Records != rep.Records || rep2.RecordRecall10 != rep.RecordRecall10 || rep2.RecallAt10 != rep.RecallAt10 || rep2.PrecisionAt1 != rep.PrecisionAt1 {
		t.Errorf("--lookups-only measured another store or other queries: %+v, the run %+v", rep2, rep)
	}
	if rep2.WarmP50Ms <= 0 || rep2.ColdP50Ms <= 0 {
		t.Errorf("no latencies: %+v", rep2)
	}
	checkMemoryPhases(t, rep2, "lookups after a restart", "warm lookups")
}

// checkMemoryPhases checks that a report measured memory in each phase, in
// order, and that its peak is the highest of theirs.
func checkMemoryPhases(t *testing.T, rep benchReport, phases ...string) {
	t.Helper()
	if rep.Memory == nil {
		t.Fatal("no memory figures in the report")
	}
	var got []string
	var peak int64
	for _, p := range rep.Memory.Phases {
		got = append(got, p.Name)
		if p.PeakRSS <= 0 || p.RSSAnon <= 0 || p.GoHeapLive <= 0 || p.GoRuntime < p.GoHeapLive {
			t.Errorf("phase %q: implausible memory figures %+v", p.Name, p)
		}
		// The highest samples are at least the end's, and the peak
		// resident set holds the anonymous memory at its highest.
		if p.PeakAnon < p.RSSAnon || p.PeakGoHeapLive < p.GoHeapLive || p.PeakRSS < p.PeakAnon {
			t.Errorf("phase %q: highest samples below the end's or above the peak: %+v", p.Name, p)
		}
		peak = max(peak, p.PeakRSS)
	}
	if !slices.Equal(got, phases) {
		t.Errorf("memory phases %q, want %q", got, phases)
	}
	if rep.PeakRSSBytes != peak {
		t.Errorf("peak RSS %d, the phases' highest %d", rep.PeakRSSBytes, peak)
	}
}

func TestBenchLookupsOnlyNeedsAnEarlierStore(t *testing.T) {
	c := newCLI(t)
	if code, _, errs := c.run("", "bench", "--lookups-only"); code != exitUsage || !strings.Contains(errs, "--dir") {
		t.Errorf("without --dir: exit %d, %q", code, errs)
	}
	if code, _, errs := c.run("", "bench", "--lookups-only", "--dir", filepath.Join(t.TempDir(), "none")); code == 0 || !strings.Contains(errs, "no store") {
		t.Errorf("on an empty folder: exit %d, %q", code, errs)
	}
}
