package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
)

// cli runs vigie in-process against one data folder.
type cli struct {
	t   *testing.T
	env map[string]string
}

func newCLI(t *testing.T) *cli {
	dir := t.TempDir()
	return &cli{t: t, env: map[string]string{
		"VIGIE_DATA_DIR":       filepath.Join(dir, "data"),
		"VIGIE_QUARANTINE_DIR": filepath.Join(dir, "quarantine"),
		"VIGIE_RULES_DIR":      filepath.Join(dir, "no-rules"),
		"VIGIE_LOG_LEVEL":      "error",
		// Tests run under -race on a busy machine: the load-time timing
		// guard of rules gets room (it is exercised in package rules).
		"VIGIE_RULE_BUDGET": "5ms",
	}}
}

func (c *cli) run(stdin string, args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	lookup := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
	code = run(context.Background(), append([]string{"vigie"}, args...), lookup, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const sharedData = "../../../shared/data"

func needData(t *testing.T) {
	if _, err := os.Stat(sharedData); err != nil {
		t.Skip("development data not present")
	}
}

// TestIngestShippedMappings loads the Senzing, FEBRL and Splink files
// through the mappings in deploy/mappings: every row accepted, ids as in
// the source.
func TestIngestShippedMappings(t *testing.T) {
	needData(t)
	c := newCLI(t)
	for _, m := range []struct{ mapping, file string }{
		{"febrl.yml", "febrl/dataset1.csv"},
		{"senzing-customers.yml", "senzing/customers.csv"},
		{"senzing-watchlist.yml", "senzing/watchlist.csv"},
		{"senzing-reference.yml", "senzing/reference.csv"},
		{"splink.yml", "splink/fake_1000.csv"},
	} {
		code, out, errs := c.run("", "ingest", "--json", "--mapping", "../../deploy/mappings/"+m.mapping, filepath.Join(sharedData, m.file))
		if code != exitOK {
			t.Fatalf("ingest %s: exit %d: %s %s", m.file, code, out, errs)
		}
		var sum ingestSummary
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatal(err)
		}
		if sum.Rejected != 0 || sum.Created == 0 {
			t.Errorf("%s: %+v", m.file, sum)
		}
		if m.mapping == "splink.yml" && (sum.Created != 1000 || sum.SetAside != 6) {
			// Six rows give an e-mail without @: stored without it.
			t.Errorf("%s: %+v, want 1000 created, 6 of them without their e-mail", m.file, sum)
		}
	}
	// Re-ingesting is an update, never a duplicate.
	code, out, _ := c.run("", "ingest", "--json", "--mapping", "../../deploy/mappings/febrl.yml", filepath.Join(sharedData, "febrl/dataset1.csv"))
	var sum ingestSummary
	_ = json.Unmarshal([]byte(out), &sum)
	if code != exitOK || sum.Unchanged != 1000 || sum.Created != 0 {
		t.Errorf("re-ingest: exit %d %+v, want 1000 unchanged", code, sum)
	}

	// The lookup contract: {"query", "subjects": [{subject, score, match,
	// evidence, names, records: [{source, id}]}]}.
	code, out, errs := c.run("", "lookup", "--json", "Bob Smith", "--dob", "1978-12-11")
	if code != exitOK {
		t.Fatalf("lookup: exit %d %s", code, errs)
	}
	var lk struct {
		Query    map[string]any `json:"query"`
		Subjects []struct {
			Subject  string   `json:"subject"`
			Score    float64  `json:"score"`
			Match    bool     `json:"match"`
			Evidence []string `json:"evidence"`
			Records  []struct {
				Source string `json:"source"`
				ID     string `json:"id"`
			} `json:"records"`
		} `json:"subjects"`
	}
	if err := json.Unmarshal([]byte(out), &lk); err != nil {
		t.Fatal(err)
	}
	if len(lk.Subjects) == 0 || !lk.Subjects[0].Match || len(lk.Subjects[0].Evidence) == 0 {
		t.Fatalf("lookup answer: %s", out)
	}
	ids := map[string]bool{}
	for _, r := range lk.Subjects[0].Records {
		ids[r.Source+"/"+r.ID] = true
	}
	for _, want := range []string{"CUSTOMERS/1001", "CUSTOMERS/1002"} {
		if !ids[want] {
			t.Errorf("Robert/Bob Smith subject lacks %s: %v", want, ids)
		}
	}

	// subjects export: one JSON line per subject, every record once.
	code, out, _ = c.run("", "subjects", "export", "--json")
	if code != exitOK {
		t.Fatalf("export: exit %d", code)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s struct {
			Subject string `json:"subject"`
			Records []struct{ Source, ID string }
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil || s.Subject == "" {
			t.Fatalf("export line %q: %v", line, err)
		}
		for _, r := range s.Records {
			k := r.Source + "/" + r.ID
			if seen[k] {
				t.Errorf("%s in two subjects", k)
			}
			seen[k] = true
		}
	}
	if len(seen) < 1000+100 {
		t.Errorf("export lists %d records", len(seen))
	}

	// Not found is exit 4.
	if code, _, _ := c.run("", "lookup", "Zzyzx Qwertyuiop"); code != exitNotFound {
		t.Errorf("lookup of nobody: exit %d, want %d", code, exitNotFound)
	}
}

func TestCompareContract(t *testing.T) {
	c := newCLI(t)
	code, out, errs := c.run("", "compare", "--json", "Salah Abdeslam", "صلاح عبد السلام")
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	var r struct {
		Score    *float64 `json:"score"`
		Match    *bool    `json:"match"`
		Evidence []string `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Score == nil || r.Match == nil {
		t.Fatalf("compare output %q: %v", out, err)
	}
	if !*r.Match || len(r.Evidence) == 0 {
		t.Errorf("cross-script compare: %s", out)
	}
	rec := `{"schema":"Person","properties":{"name":["Salah Abdeslam"],"birthDate":["1989-09-15"]}}`
	other := `{"schema":"Person","properties":{"name":["Salah Abdeslam"],"birthDate":["1962-01-01"]}}`
	code, out, _ = c.run("", "compare", "--json", rec, other)
	if code != exitOK || !strings.Contains(out, "DOB conflict") || strings.Contains(out, `"match": true`) {
		t.Errorf("records with conflicting DOBs: exit %d %s", code, out)
	}
	// Records as ingest reads them: a single value for a list, a nested
	// entity, a malformed e-mail set aside — not a refusal.
	nested := `{"id":"x","schema":"Person","properties":{"name":"Salah Abdeslam","birthDate":"1989-09-15","email":["nobody"],` +
		`"sanctions":[{"id":"s","schema":"Sanction","properties":{"authority":["EU"]}}]}}`
	code, out, errs = c.run("", "compare", "--json", nested, rec)
	if code != exitOK || !strings.Contains(out, "DOB exact") || !strings.Contains(out, `"match": true`) {
		t.Errorf("nested record: exit %d %s %s", code, out, errs)
	}
	if code, _, _ := c.run("", "compare", "only-one"); code != exitUsage {
		t.Errorf("one argument: exit %d, want %d", code, exitUsage)
	}
}

// TestIngestQuarantinesBadLines: a bad line is rejected with its line
// number and reason into the quarantine file; the rest goes on; exit 3.
func TestIngestQuarantinesBadLines(t *testing.T) {
	c := newCLI(t)
	in := strings.Join([]string{
		`{"id":"a1","schema":"Person","properties":{"name":["Karim Benali"]}}`,
		`{"id":"a2","schema":"Spaceship","properties":{"name":["Nope"]}}`,
		`not json at all`,
		`{"id":"a3","schema":"Person","properties":{"name":["Nadia Haddad"]}}`,
	}, "\n")
	code, out, errs := c.run(in, "ingest", "--json", "--source", "police", "-")
	if code != exitRejected {
		t.Fatalf("exit %d, want %d: %s %s", code, exitRejected, out, errs)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || sum.Rejected != 2 || sum.Files[0].Quarantine == "" {
		t.Fatalf("summary %+v", sum)
	}
	q, err := os.ReadFile(sum.Files[0].Quarantine)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(q)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"line":2`) || !strings.Contains(lines[1], `"line":3`) {
		t.Errorf("quarantine:\n%s", q)
	}
}

// TestIngestKeepsARecordWithABadValue: a record with a malformed value (an
// e-mail without @, a property its schema lacks) is stored without it and
// found by a lookup; the value, the reason and the line are in the
// quarantine file; the summary counts it. Entities nested in a line (the
// nested export form) are stored as records of their own.
func TestIngestKeepsARecordWithABadValue(t *testing.T) {
	c := newCLI(t)
	in := strings.Join([]string{
		`{"id":"b1","schema":"Person","properties":{"name":["Oliver Jones"],"email":["oliverjones82bond.biz"],"birthDate":["1991-08-31"],"shoeSize":["44"]}}`,
		`{"id":"b2","schema":"Person","properties":{"name":["Ivan Petrov"],"passportNumber":["12345678"],` +
			`"addressEntity":[{"id":"addr1","schema":"Address","properties":{"full":["1 Red Square, Moscow"]}}],` +
			`"sanctions":[{"id":"san1","schema":"Sanction","properties":{"authority":["EU"],"entity":["b2"]}}]}}`,
	}, "\n")
	code, out, errs := c.run(in, "ingest", "--json", "--source", "police", "-")
	if code != exitOK {
		t.Fatalf("exit %d, want %d: %s %s", code, exitOK, out, errs)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Created != 4 || sum.Rejected != 0 || sum.SetAside != 1 || sum.Files[0].Quarantine == "" {
		t.Fatalf("summary %+v, want 4 records created (2 nested), 1 stored without a bad value", sum)
	}
	q, err := os.ReadFile(sum.Files[0].Quarantine)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(q), `"kept":true`) || !strings.Contains(string(q), "oliverjones82bond.biz") ||
		!strings.Contains(string(q), "shoeSize") || !strings.Contains(string(q), `"line":1`) {
		t.Errorf("quarantine:\n%s", q)
	}
	code, out, _ = c.run("", "lookup", "--json", "Oliver Jones 1991-08-31")
	if code != exitOK || !strings.Contains(out, `"id": "b1"`) && !strings.Contains(out, `"id":"b1"`) {
		t.Errorf("lookup: exit %d\n%s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{"nosuch"}, {"lookup"}, {"ingest"}, {"lookup", "--limit", "0", "x"}, {"lookup", strings.Repeat("a", 3000)}} {
		if code, _, errs := c.run("", args...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d (%q), want %d with a message", args, code, errs, exitUsage)
		}
	}
}

// TestReindexCommand: `vigie reindex --json` checks every resolved record
// of the store (a fresh store needs no rewrite) and leaves an audit entry.
func TestReindexCommand(t *testing.T) {
	c := newCLI(t)
	in := `{"id":"p1","schema":"Person","properties":{"name":["Kim Chong Il"]}}
{"id":"p2","schema":"Person","properties":{"name":["Salah Abdeslam"],"birthDate":["1989-09-15"]}}
{"id":"o1","schema":"Organization","properties":{"name":["Acme"]}}
`
	if code, _, errs := c.run(in, "ingest", "--source", "t", "-"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, errs := c.run("", "reindex", "--json")
	if code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, errs)
	}
	var got struct{ Checked, Rewritten int }
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Checked != 3 || got.Rewritten != 0 {
		t.Errorf("reindex --json = %q (%v), want the 3 resolved records checked (persons and the organisation), none rewritten", out, err)
	}
	if code, out, _ := c.run("", "audit", "export"); code != 0 || !strings.Contains(out, `"action":"reindex"`) {
		t.Errorf("no reindex entry in the audit trail:\n%s", out)
	}
	if code, _, _ := c.run("", "reindex", "extra"); code != exitUsage {
		t.Errorf("reindex with an argument: exit %d, want %d", code, exitUsage)
	}
}

// A store indexed by an earlier version (no index version written) makes
// every command warn that `vigie reindex` is due, until it is run.
func TestOldIndexWarnsUntilReindex(t *testing.T) {
	c := newCLI(t)
	c.env["VIGIE_LOG_LEVEL"] = "warn"
	in := `{"id":"p1","schema":"Person","properties":{"name":["Salah Abdeslam"],"birthDate":["1989-09-15"]}}
`
	if code, _, errs := c.run(in, "ingest", "--source", "t", "-"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if _, _, errs := c.run("", "lookup", "Salah Abdeslam"); strings.Contains(errs, "vigie reindex") {
		t.Fatalf("a store this version indexed warns of reindex:\n%s", errs)
	}
	db, err := store.Open(store.DefaultOptions(c.env["VIGIE_DATA_DIR"]))
	if err != nil {
		t.Fatal(err)
	}
	// The version mark (resolve's kIndexVersion), as a store written before
	// versions were lacks it.
	err = db.Update(func(txn *store.Txn) error { return txn.Delete([]byte(store.PrefixResolve + "v")) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, _, errs := c.run("", "lookup", "Salah Abdeslam"); !strings.Contains(errs, "vigie reindex") {
		t.Fatalf("an older store's lookup does not warn of reindex:\n%s", errs)
	}
	if code, _, errs := c.run("", "reindex"); code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, errs)
	}
	if _, _, errs := c.run("", "lookup", "Salah Abdeslam"); strings.Contains(errs, "vigie reindex") {
		t.Fatalf("still warns after reindex:\n%s", errs)
	}
}

// vigie eval reports the cross-script lookups and lists on the hard name pairs beside
// the development sets, and says when it cannot find the pairs.
func TestEvalReportsCrossScriptLookups(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skip("development data not present")
	}
	c := newCLI(t)
	code, out, errs := c.run("", "eval", "--json", "--queries", "30", "--data", data, "--pairs", filepath.Join("..", "..", "store", "match", "testdata"))
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	var rep struct {
		Lookups []struct {
			Dataset    string  `json:"dataset"`
			Queries    int     `json:"queries"`
			RecallAt10 float64 `json:"recall_at_10"`
		} `json:"lookups"`
		Bars map[string]bool `json:"bars_met"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval output %q: %v", out, err)
	}
	found := false
	for _, l := range rep.Lookups {
		if l.Dataset == "hard-pairs-lookups" {
			found = l.Queries > 400 && l.RecallAt10 > .9
		}
	}
	if _, ok := rep.Bars["lookups hard-pairs"]; !found || !ok {
		t.Errorf("no cross-script lookups in %s", out)
	}
	for _, set := range []string{"clustering hard-pairs-lists", "clustering hard-pairs-aliases", "lookups heldout", "clustering heldout-lists", "clustering heldout-aliases", "lookups heldout-aliases", "lookups heldout2", "clustering heldout2-lists", "clustering heldout2-aliases", "lookups heldout3", "clustering heldout3-lists", "clustering heldout3-aliases", "lookups heldout4", "clustering heldout4-lists", "clustering heldout4-aliases", "lookups heldout5", "clustering heldout5-lists", "clustering heldout5-aliases", "lookups heldout6", "clustering heldout6-lists", "clustering heldout6-aliases", "lookups heldout7", "clustering heldout7-lists", "clustering heldout7-aliases", "lookups heldout8", "clustering heldout8-lists", "clustering heldout8-aliases", "lookups heldout9", "clustering heldout9-lists", "clustering heldout9-aliases", "lookups heldout10", "clustering heldout10-lists", "clustering heldout10-aliases", "lookups heldout11", "clustering heldout11-lists", "clustering heldout11-aliases", "lookups heldout12", "clustering heldout12-lists", "clustering heldout12-aliases", "lookups heldout13", "clustering heldout13-lists", "clustering heldout13-aliases", "lookups heldout14", "clustering heldout14-lists", "clustering heldout14-aliases", "lookups heldout15", "clustering heldout15-lists", "clustering heldout15-aliases", "lookups heldout16", "clustering heldout16-lists", "clustering heldout16-aliases", "lookups heldout17", "clustering heldout17-lists", "clustering heldout17-aliases", "lookups heldout18", "clustering heldout18-lists", "clustering heldout18-aliases", "clustering heldout-ftm", "lookups heldout-ftm", "clustering heldout-ftm2", "lookups heldout-ftm2", "clustering heldout-ftm3", "lookups heldout-ftm3", "clustering heldout-ftm4", "lookups heldout-ftm4", "clustering heldout-ftm5", "lookups heldout-ftm5", "clustering heldout-ftm6", "lookups heldout-ftm6", "clustering heldout-ftm7", "lookups heldout-ftm7", "clustering heldout-ftm8", "lookups heldout-ftm8", "clustering heldout-ftm9", "lookups heldout-ftm9", "clustering heldout-ftm10", "lookups heldout-ftm10", "clustering heldout-ftm11", "lookups heldout-ftm11", "clustering heldout-ftm12", "lookups heldout-ftm12", "clustering heldout-ftm13", "lookups heldout-ftm13", "clustering heldout-ftm14", "lookups heldout-ftm14", "clustering heldout-ftm15", "lookups heldout-ftm15", "clustering heldout-ftm16", "lookups heldout-ftm16", "clustering heldout-ftm17", "lookups heldout-ftm17", "clustering heldout-ftm18", "lookups heldout-ftm18", "clustering heldout-ftm19", "lookups heldout-ftm19", "clustering heldout-ftm20", "lookups heldout-ftm20", "clustering heldout-ftm21", "lookups heldout-ftm21", "clustering heldout-ftm22", "lookups heldout-ftm22", "clustering heldout-ftm23", "lookups heldout-ftm23", "clustering heldout-ftm24", "lookups heldout-ftm24", "clustering heldout-ftm25", "lookups heldout-ftm25", "clustering heldout-ftm26", "lookups heldout-ftm26", "clustering heldout-ftm27", "lookups heldout-ftm27", "clustering heldout-ftm28", "lookups heldout-ftm28", "clustering heldout-ftm29", "lookups heldout-ftm29", "clustering heldout-ftm30", "lookups heldout-ftm30", "clustering heldout-ftm31", "lookups heldout-ftm31", "clustering heldout-ftm32", "lookups heldout-ftm32", "clustering heldout-ftm33", "lookups heldout-ftm33", "clustering heldout-ftm34", "lookups heldout-ftm34", "clustering heldout-ftm35", "lookups heldout-ftm35", "clustering heldout-ftm36", "lookups heldout-ftm36", "clustering heldout-ftm37", "lookups heldout-ftm37"} {
		if _, ok := rep.Bars[set]; !ok {
			t.Errorf("no %s in %s", set, out)
		}
	}
	code, _, errs = c.run("", "eval", "--json", "--queries", "30", "--data", data, "--pairs", t.TempDir())
	if code != exitOK || !strings.Contains(errs, "hard-pairs lookups and lists skipped") || !strings.Contains(errs, "heldout lookups and lists skipped") || !strings.Contains(errs, "heldout2 lookups and lists skipped") || !strings.Contains(errs, "heldout3 lookups and lists skipped") || !strings.Contains(errs, "FtM held-out sets skipped") {
		t.Errorf("eval without the pairs: exit %d, stderr %q", code, errs)
	}
}
