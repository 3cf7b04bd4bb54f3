package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkIngestCommand runs `vigie ingest` in-process on generated
// persons (b.N records), resolution, links and watches included, and
// reports records/s.
func BenchmarkIngestCommand(b *testing.B) {
	dir := b.TempDir()
	data := filepath.Join(dir, "people.jsonl")
	t := &testing.T{}
	_ = t
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
