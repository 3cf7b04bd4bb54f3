package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
)

// buildVigie compiles the binary once per test run.
func buildVigie(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "vigie")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("build vigie: %v", err)
	}
	return bin
}

// writePeople writes n FtM persons as JSON lines.
func writePeople(t *testing.T, path string, n int) { writePeopleB(t, path, n) }

func writePeopleB(t testing.TB, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	given := []string{"Karim", "Nadia", "Youssef", "Sofia", "Ivan", "Elena", "Jean", "Marie", "Omar", "Lina"}
	family := []string{"Benali", "Haddad", "Petrov", "Dubois", "Novak", "Rossi", "Kaya", "Silva", "Meyer", "Costa"}
	for i := 0; i < n; i++ {
		e := map[string]any{
			"id": fmt.Sprintf("p%06d", i), "schema": "Person",
			"properties": map[string][]string{
				"name":      {fmt.Sprintf("%s %s%d", given[i%10], family[(i/10)%10], i/100)},
				"birthDate": {fmt.Sprintf("19%02d-%02d-%02d", 50+i%40, 1+i%12, 1+i%28)},
			},
			"datasets": []string{"police"},
		}
		if err := json.NewEncoder(w).Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestKill9DuringIngestLosesNothing SIGKILLs a real `vigie ingest` in the
// middle of a file: every record it reported as stored is in the store
// after the kill, and running the same ingest again completes the file
// with no duplicate (every record once, at version 1) and every record
// resolved into a subject.
func TestKill9DuringIngestLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a process")
	}
	bin := buildVigie(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "people.jsonl")
	const n = 8000
	writePeople(t, data, n)
	env := append(os.Environ(), "VIGIE_DATA_DIR="+filepath.Join(dir, "data"), "VIGIE_INGEST_BATCH=200",
		"VIGIE_LOG_LEVEL=error", "VIGIE_RULES_DIR="+filepath.Join(dir, "no-rules"))

	cmd := exec.Command(bin, "ingest", "--progress", data)
	cmd.Env = env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported := 0
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		for _, f := range strings.Fields(sc.Text()) {
			if v, ok := strings.CutPrefix(f, "stored="); ok {
				reported, _ = strconv.Atoi(v)
			}
		}
		if reported >= 1000 {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL, mid-file
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if reported < 1000 || reported >= n {
		t.Fatalf("killed after %d reported stored records; want mid-file", reported)
	}

	// Everything reported is there.
	db, err := store.Open(store.DefaultOptions(filepath.Join(dir, "data")))
	if err != nil {
		t.Fatal(err)
	}
	stats, err := db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if int(stats.Records) < reported {
		t.Fatalf("after kill -9: %d records in the store, %d were reported stored", stats.Records, reported)
	}
	t.Logf("killed after %d reported; %d in the store", reported, stats.Records)

	// The same ingest again completes the file without duplicates.
	again := exec.Command(bin, "ingest", "--json", data)
	again.Env = env
	out, err := again.Output()
	if err != nil {
		t.Fatalf("re-run ingest: %v\n%s", err, out)
	}
	var sum ingestSummary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("ingest --json: %v\n%s", err, out)
	}
	if sum.Created+sum.Unchanged != n || sum.Updated != 0 || sum.Rejected != 0 {
		t.Errorf("re-run: created %d unchanged %d updated %d rejected %d; want created+unchanged = %d", sum.Created, sum.Unchanged, sum.Updated, sum.Rejected, n)
	}
	if sum.Unchanged < reported {
		t.Errorf("re-run found %d records unchanged, fewer than the %d reported before the kill", sum.Unchanged, reported)
	}

	db, err = store.Open(store.DefaultOptions(filepath.Join(dir, "data")))
	if err != nil {
		t.Fatal(err)
	}
	stats, err = db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if int(stats.Records) != n {
		t.Errorf("store holds %d records, want exactly %d", stats.Records, n)
	}
	versions := 0
	err = db.Scan(context.Background(), func(r store.Record) error {
		if r.Version != 1 {
			versions++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if versions != 0 {
		t.Errorf("%d records have more than one version after an identical re-ingest", versions)
	}
	// Every record was resolved: the pipeline caught up after the kill.
	exp := exec.Command(bin, "subjects", "export", "--json")
	exp.Env = env
	var expErr strings.Builder
	exp.Stderr = &expErr
	raw, err := exp.Output()
	if err != nil {
		t.Fatalf("subjects export: %v: %s", err, expErr.String())
	}
	inSubjects := 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var s struct {
			Records []store.Key `json:"records"`
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		inSubjects += len(s.Records)
	}
	if inSubjects != n {
		t.Errorf("subjects hold %d records, want %d", inSubjects, n)
	}
}
