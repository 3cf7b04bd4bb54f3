package rules

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigie/vigie/store"
)

// testOptions are the defaults with the timing budget widened under the
// race detector, which slows evaluation about tenfold.
func testOptions(t testing.TB) Options {
	opt := DefaultOptions()
	if raceEnabled {
		opt.EvalBudget *= 20
	}
	return opt
}

func writeRules(t testing.TB, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustLoad(t testing.TB, body string) *Set {
	t.Helper()
	dir := t.TempDir()
	writeRules(t, dir, "r.yaml", body)
	set, err := Load(dir, testOptions(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return set
}

var now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func stopInput() Input {
	warn := RecordView{Source: "partner-warnings", ID: "pw-1", Schema: "Note", FirstSeen: now.AddDate(0, 0, -30)}
	return Input{
		Record: store.Record{
			Source: "police-stops", ID: "ps-1", Schema: "Event", Version: 1,
			Properties: map[string][]string{"summary": {"Police stop"}, "date": {"2025-06-01"}, "location": {"Cambrai"}},
			FirstSeen:  now.Add(-time.Minute), LastSeen: now.Add(-time.Minute),
		},
		Subject: Subject{
			ID: "s-1", Names: []string{"Karim Benali"}, Sources: []string{"police-stops", "partner-warnings"},
			RecordCount: 2, Flags: []string{"armed"},
			Records: []RecordView{
				{Source: "police-stops", ID: "ps-1", Schema: "Event", FirstSeen: now.Add(-time.Minute)},
				{Source: "border-crossings", ID: "bc-1", Schema: "Event", Properties: map[string][]string{"country": {"SY"}}, FirstSeen: now.AddDate(0, 0, -3)},
				warn,
			},
		},
		Links: []Link{
			{Type: "shared-phone", Other: "s-2", OtherFlags: []string{"Under partner warning"}, Date: now.AddDate(0, 0, -2)},
			{Type: "family", Other: "s-3", OtherWatched: true, Date: now.AddDate(-1, 0, 0)},
		},
		Now: now,
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // substrings of the joined error, in order
	}{
		{"type error names file:line:col", "rules:\n  - name: a\n    when: record.source == 3\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:25: rule a: when: invalid operation: == (mismatched types string and int) (expression column 15)"}},
		{"unknown name", "rules:\n  - name: a\n    when: recrd.source == \"x\"\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:11: rule a: when: unknown name recrd"}},
		{"not a bool", "rules:\n  - name: a\n    when: record.source\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:11: rule a: when: expected bool"}},
		{"quoted expression column", "rules:\n  - name: a\n    when: \"subject.nope\"\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:20: rule a: when: type rules.subjectView has no field nope"}},
		{"block expression line", "rules:\n  - name: a\n    when: >-\n      record.source == \"x\"\n      and subject.nope\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:5:19: rule a: when:"}},
		{"every problem at once", "rules:\n  - name: a\n    when: 1\n    severity: extreme\n    flag: f\n  - name: b\n    when: true\n    severity: low\n    colour: red\n",
			[]string{"r.yaml:3:11: rule a: when: expected bool", "r.yaml:4:15: rule a: severity \"extreme\"", "r.yaml:6:5: rule b: missing \"flag\"", "r.yaml:9:5: rule b: unknown key \"colour\""}},
		{"duplicate name", "rules:\n  - {name: a, when: 'true', severity: low, flag: f}\n  - {name: a, when: 'true', severity: low, flag: f}\n",
			[]string{"r.yaml:3:5: rule a: name already used at"}},
		{"bad duration literal", "rules:\n  - name: a\n    when: age(record) > duration(\"14 days\")\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:34: rule a: when: duration \"14 days\""}},
		{"deadline needs after and until", "rules:\n  - {name: a, kind: deadline, when: 'true', severity: low, flag: f}\n",
			[]string{"needs `after:`", "needs `until:`"}},
		{"window needs window", "rules:\n  - {name: a, kind: window, when: 'true', severity: low, flag: f}\n",
			[]string{"needs `window:`"}},
		{"bad route", "rules:\n  - {name: a, when: 'true', severity: low, flag: f, route: [ct-triage]}\n",
			[]string{"route \"ct-triage\": want channel:NAME"}},
		{"bad yaml", "rules:\n  - name: a\n   when: x\n", []string{"r.yaml:", ": yaml: "}},
		{"bad template", "rules:\n  - {name: a, when: 'true', severity: low, flag: f, message: '{{.Flag'}\n", []string{"rule a: message:"}},
		{"nested predicate", "rules:\n  - name: a\n    when: any(subject.records, any(links, .type == \"family\"))\n    severity: low\n    flag: f\n",
			[]string{"r.yaml:3:32: rule a: when: nested predicate any inside any"}},
		{"method call", "rules:\n  - name: a\n    when: record.firstSeen.Year() > 2000\n    severity: low\n    flag: f\n",
			[]string{"only the helper functions can be called"}},
		{"disabled builtin", "rules:\n  - name: a\n    when: len(repeat(\"x\", 1000000)) > 0\n    severity: low\n    flag: f\n",
			[]string{"rule a: when:"}},
		{"env access", "rules:\n  - name: a\n    when: $env.source == \"x\"\n    severity: low\n    flag: f\n",
			[]string{"$env is not available"}},
		{"big range", "rules:\n  - name: a\n    when: \"any(1..100000, # > 5)\"\n    severity: low\n    flag: f\n",
			[]string{"a range may span at most"}},
		{"computed regexp", "rules:\n  - name: a\n    when: record.source matches record.id\n    severity: low\n    flag: f\n",
			[]string{"matches needs a constant pattern"}},
		{"no rules list", "alerts: []\n", []string{"r.yaml:1:1: unknown key \"alerts\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeRules(t, dir, "r.yaml", tt.body)
			set, err := Load(dir, testOptions(t))
			if err == nil {
				t.Fatalf("Load = %d rules, want an error", set.Len())
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("Load error =\n%s\nwant it to contain %q", msg, w)
				}
			}
			for _, e := range errorsOf(err) {
				var p *Problem
				if !errors.As(e, &p) {
					t.Errorf("error %v is not a *Problem", e)
				} else if !strings.HasPrefix(p.Error(), filepath.Join(dir, "r.yaml")+":") {
					t.Errorf("problem %q does not start with the file name", p.Error())
				}
			}
		})
	}
}

func TestHelpers(t *testing.T) {
	tests := []struct {
		when string
		want bool
	}{
		{`source == "police-stops" and record.schema == "Event"`, true},
		{`prop(record, "summary") == "Police stop" and has(record, "location") and !has(record, "nothing")`, true},
		{`"partner-warnings" in subject.sources and subject.recordCount == 2`, true},
		{`age(record) == duration("12h")`, true}, // dated by its date property
		{`within(record.firstSeen, duration("1h")) and !within(record.firstSeen, duration("30s"))`, true},
		{`record.date == now() - duration("12h")`, true}, // the date property, at midnight
		{`countRecords("border-crossings", duration("7d")) == 1 and countRecords("*", duration("1d")) == 1`, true},
		{`countRecords("border-crossings", duration("2d")) == 0`, true},
		{`countRecordsWith("border-crossings", "country", "IQ|sy", duration("7d")) == 1`, true},
		{`countLinks("shared-phone|family", "flagged", 0) == 2 and countLinks("*", "watched", duration("30d")) == 0`, true},
		{`countLinks("", "under partner warning", 0) == 1`, true},
		{`hasLink("SHARED-PHONE") and !hasLink("membership")`, true},
		{`linkedTo("under partner warning") and linkedTo("watched") and !linkedTo("armed")`, true},
		{`nameMatch(subject.names[0], " karim benali ") and !nameMatch("a", "b")`, true},
		{`any(subject.records, .source == "border-crossings" and prop(#, "country") == "SY")`, true},
		{`count(links, .type == "family" and .otherWatched) == 1`, true},
		{`"armed" in subject.flags and not subject.watched`, true},
		{`lower(prop(record, "summary")) contains "stop" and upper(source) startsWith "POLICE"`, true},
		{`record.version == 1 and subject.followUps == 0`, true},
		{`len(links) == 2 and links[0].other == "s-2"`, true},
	}
	for _, tt := range tests {
		t.Run(tt.when, func(t *testing.T) {
			set := mustLoad(t, "rules:\n  - name: r\n    when: '"+strings.ReplaceAll(tt.when, "'", "''")+"'\n    severity: low\n    flag: f\n")
			hits, err := set.EvalRecord(context.Background(), stopInput())
			if err != nil {
				t.Fatalf("EvalRecord: %v", err)
			}
			if got := len(hits) == 1; got != tt.want {
				t.Errorf("EvalRecord(%s) fired = %v, want %v", tt.when, got, tt.want)
			}
		})
	}
}

func TestEvalRecord(t *testing.T) {
	set := mustLoad(t, `rules:
  - name: stop-of-warned
    when: source == "police-stops" and "partner-warnings" in subject.sources
    severity: critical
    flag: stop of warned person
    route: [channel:ct-triage, channel:stops]
    message: '{{.Flag}}: {{index .Subject.Names 0}} at {{prop .Record "location"}}'
  - name: broken
    when: subject.records[10].source == "x"
    severity: low
    flag: never
  - name: burst
    kind: window
    window: 7d
    when: countRecords("*", window) >= 2
    severity: medium
    flag: burst
  - name: on-card
    kind: subject
    when: '"armed" in subject.flags'
    severity: high
    flag: armed
`)
	hits, err := set.EvalRecord(context.Background(), stopInput())
	if err == nil || !strings.Contains(err.Error(), "rule broken:") {
		t.Errorf("EvalRecord error = %v, want the broken rule reported", err)
	}
	want := []Hit{
		{Rule: "stop-of-warned", Kind: KindRecord, Severity: SeverityCritical, Flag: "stop of warned person",
			Route: []string{"channel:ct-triage", "channel:stops"}, Message: "stop of warned person: Karim Benali at Cambrai",
			Record: store.Key{Source: "police-stops", ID: "ps-1"}, SubjectID: "s-1",
			Evidence: "record police-stops/ps-1 (Event) dated 2025-06-01 matched `source == \"police-stops\" and \"partner-warnings\" in subject.sources`"},
		{Rule: "burst", Kind: KindWindow, Severity: SeverityMedium, Flag: "burst", Message: "burst: Karim Benali (police-stops/ps-1)",
			Record: store.Key{Source: "police-stops", ID: "ps-1"}, SubjectID: "s-1",
			Evidence: "record police-stops/ps-1 (Event) dated 2025-06-01 within 168h0m0s matched `countRecords(\"*\", window) >= 2`"},
	}
	if diff := cmp.Diff(want, hits); diff != "" {
		t.Errorf("EvalRecord hits (-want +got):\n%s", diff)
	}
	flags, err := set.EvalSubject(context.Background(), stopInput())
	if err != nil {
		t.Fatalf("EvalSubject: %v", err)
	}
	if diff := cmp.Diff([]Flag{{Rule: "on-card", Severity: SeverityHigh, Text: "armed", Message: "armed: Karim Benali (police-stops/ps-1)"}}, flags); diff != "" {
		t.Errorf("EvalSubject flags (-want +got):\n%s", diff)
	}
}

func TestCaps(t *testing.T) {
	in := stopInput()
	for range 1000 {
		in.Links = append(in.Links, Link{Type: "associate", OtherFlags: make([]string, 100)})
		in.Subject.Records = append(in.Subject.Records, RecordView{Source: "x"})
		in.Subject.Names = append(in.Subject.Names, "n")
	}
	in.Record.Properties["phone"] = make([]string, 500)
	set := mustLoad(t, `rules:
  - name: capped
    when: len(links) == 16 and len(subject.records) == 16 and countRecords("x", duration("10000d")) == 0 and countLinks("associate", "", 0) == 254 and len(subject.names) == 16 and len(record.properties["phone"]) == 16 and len(links[5].otherFlags) == 8
    severity: low
    flag: f
`)
	hits, err := set.EvalRecord(context.Background(), in)
	if err != nil || len(hits) != 1 {
		t.Errorf("EvalRecord on an oversized input = %d hits, %v; want the capped view to match", len(hits), err)
	}
	if len(in.Links) != 1002 || len(in.Record.Properties["phone"]) != 500 {
		t.Errorf("capping modified the caller's input")
	}
}

func TestBudgetRefusesSlowRule(t *testing.T) {
	dir := t.TempDir()
	writeRules(t, dir, "r.yaml", "rules:\n  - name: loops\n    when: count(subject.records, prop(#, \"name\") + .id == \"x\") > 0\n    severity: low\n    flag: f\n")
	opt := testOptions(t)
	opt.EvalBudget = time.Nanosecond // nothing runs that fast: the guard must refuse
	_, err := Load(dir, opt)
	if err == nil || !strings.Contains(err.Error(), "r.yaml:2:5: rule loops: too slow: p99") {
		t.Fatalf("Load with a 1ns budget = %v, want the rule refused as too slow", err)
	}
	opt.EvalBudget = -1
	if _, err := Load(dir, opt); err != nil {
		t.Fatalf("Load with the guard off = %v", err)
	}
}

func TestSchedulerFiresOnce(t *testing.T) {
	set := mustLoad(t, `rules:
  - name: unanswered
    kind: deadline
    when: source == "partner-warnings"
    until: source != "partner-warnings"
    after: 14d
    severity: high
    flag: unanswered warning
    route: [channel:ct-triage]
`)
	ctx := context.Background()
	clocks := NewMemClocks()
	sch := NewScheduler(func() *Set { return set }, clocks)
	day := func(n int) time.Time { return now.AddDate(0, 0, n) }
	rec := func(src, id string, d int) Input {
		return Input{Record: store.Record{Source: src, ID: id, FirstSeen: day(d)}, Subject: Subject{ID: "s-1"}, Now: day(d)}
	}
	mustObserve := func(in Input) {
		t.Helper()
		if err := sch.Observe(ctx, in); err != nil {
			t.Fatalf("Observe: %v", err)
		}
	}
	tick := func(d int) []Hit {
		t.Helper()
		hits, err := sch.Tick(ctx, day(d))
		if err != nil {
			t.Fatalf("Tick: %v", err)
		}
		return hits
	}
	mustObserve(rec("partner-warnings", "pw-1", 0))
	mustObserve(rec("partner-warnings", "pw-2", 3)) // a second warning does not restart the clock
	if hits := tick(13); len(hits) != 0 {
		t.Errorf("Tick before due = %v, want none", hits)
	}
	hits := tick(14)
	if len(hits) != 1 || hits[0].Rule != "unanswered" || hits[0].Record.ID != "pw-1" || hits[0].SubjectID != "s-1" {
		t.Fatalf("Tick at due = %+v, want one hit for pw-1", hits)
	}
	if hits := tick(20); len(hits) != 0 {
		t.Errorf("Tick after firing = %v, want none (fires once)", hits)
	}

	// A follow-up before the deadline stops the clock.
	mustObserve(Input{Record: store.Record{Source: "partner-warnings", ID: "pw-9", FirstSeen: day(0)}, Subject: Subject{ID: "s-2"}, Now: day(0)})
	mustObserve(Input{Record: store.Record{Source: "police-reports", ID: "pr-1", FirstSeen: day(5)}, Subject: Subject{ID: "s-2"}, Now: day(5)})
	if _, open, _ := clocks.Get(ctx, "unanswered", "s-2"); open {
		t.Errorf("clock still open after a follow-up record")
	}
	if hits := tick(30); len(hits) != 0 {
		t.Errorf("Tick after a follow-up = %v, want none", hits)
	}
}

func TestReloader(t *testing.T) {
	dir := t.TempDir()
	good := "rules:\n  - {name: %s, when: 'true', severity: low, flag: f}\n"
	writeRules(t, dir, "a.yaml", strings.ReplaceAll(good, "%s", "first"))
	var errs, oks atomic.Int32
	var lastErr atomic.Value
	r, err := NewReloader(dir, testOptions(t), ReloaderOptions{
		Debounce:  20 * time.Millisecond,
		OnError:   func(err error) { lastErr.Store(err.Error()); errs.Add(1) },
		OnSuccess: func(*Set) { oks.Add(1) },
	})
	if err != nil {
		t.Fatalf("NewReloader: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }() // exits when ctx is cancelled below
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// The watcher may start after the first write; rewrite until seen.
	waitFor("a good reload", func() bool {
		writeRules(t, dir, "a.yaml", strings.ReplaceAll(good, "%s", "second"))
		time.Sleep(30 * time.Millisecond)
		return oks.Load() > 0
	})
	// The rewrites above may still be reloading (a reload may even have
	// read a.yaml half written): look at the live set once no reload has
	// landed for several debounces.
	waitFor("the good reloads to settle", func() bool {
		n := oks.Load()
		time.Sleep(150 * time.Millisecond)
		return oks.Load() == n
	})
	if r.Set().Rule("second") == nil {
		t.Fatalf("live set lacks the reloaded rule")
	}
	before := r.Set()
	// The broken file arrives whole (written beside, renamed in), so no
	// reload reads it empty — an empty file is a good reload.
	tmp := t.TempDir()
	writeRules(t, tmp, "b.yaml", "rules:\n  - name: broken\n    when: record.source ==\n    severity: low\n    flag: f\n")
	if err := os.Rename(filepath.Join(tmp, "b.yaml"), filepath.Join(dir, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	waitFor("the bad reload to be reported", func() bool { return errs.Load() > 0 })
	if msg, _ := lastErr.Load().(string); !strings.Contains(msg, "b.yaml:3:") {
		t.Errorf("reported error %q does not name b.yaml:3", msg)
	}
	if r.Set() != before || r.Set().Rule("second") == nil || r.Set().Rule("broken") != nil {
		t.Errorf("a failed reload changed the live set")
	}
}

func TestCommands(t *testing.T) {
	opt := testOptions(t)
	t.Run("check starter set", func(t *testing.T) {
		var out bytes.Buffer
		if err := Check("starter/rules.d", &out, opt); err != nil {
			t.Fatalf("Check(rules.d) = %v\n%s", err, out.String())
		}
	})
	t.Run("test starter set", func(t *testing.T) {
		var out bytes.Buffer
		err := Test("starter/rules.d", &out, opt)
		if err != nil || !strings.Contains(out.String(), " 0 failed") {
			t.Fatalf("Test(rules.d) = %v\n%s", err, out.String())
		}
	})
	t.Run("check prints every problem", func(t *testing.T) {
		dir := t.TempDir()
		writeRules(t, dir, "x.yaml", "rules:\n  - name: a\n    when: nope\n    severity: low\n    flag: f\n  - name: b\n    when: 'true'\n    severity: high\n")
		var out bytes.Buffer
		if err := Check(dir, &out, opt); err == nil {
			t.Fatalf("Check = nil, want an error")
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], filepath.Join(dir, "x.yaml")+":3:11: rule a: when: unknown name nope") || !strings.Contains(lines[1], ":6:5: rule b: missing \"flag\"") {
			t.Errorf("Check output =\n%s", out.String())
		}
	})
	t.Run("check reads fixtures", func(t *testing.T) {
		dir := t.TempDir()
		writeRules(t, dir, "x.yaml", "rules:\n  - name: a\n    when: 'true'\n    severity: low\n    flag: f\n    tests:\n      - {given: testdata/missing.json, expect: fire}\n")
		var out bytes.Buffer
		if err := Check(dir, &out, opt); err == nil || !strings.Contains(out.String(), "x.yaml:7:9: rule a: test fixture") {
			t.Errorf("Check = %v\n%s", err, out.String())
		}
	})
	t.Run("failing test fails", func(t *testing.T) {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "testdata"), 0o700)
		writeRules(t, dir, "testdata/in.json", `{"record": {"source": "a", "id": "1"}, "subject": {"id": "s"}, "now": "2025-06-01T00:00:00Z"}`)
		writeRules(t, dir, "x.yaml", "rules:\n  - name: a\n    when: source == 'a'\n    severity: low\n    flag: f\n    tests:\n      - {given: testdata/in.json, expect: pass}\n      - {given: testdata/in.json, expect: fire, flag: f}\n      - {given: ../escape.json, expect: fire}\n")
		var out bytes.Buffer
		err := Test(dir, &out, opt)
		if err == nil || !strings.Contains(out.String(), "3 test(s): 1 passed, 2 failed") || !strings.Contains(out.String(), "want pass, got fire") {
			t.Errorf("Test = %v\n%s", err, out.String())
		}
	})
}

type fakeSource []Input

func (f fakeSource) Records(ctx context.Context, since time.Time, fn func(store.Record, Subject, []Link) error) error {
	for _, in := range f {
		if in.Record.LastSeen.Before(since) {
			continue
		}
		if err := fn(in.Record, in.Subject, in.Links); err != nil {
			return err
		}
	}
	return nil
}

func TestBacktest(t *testing.T) {
	var src fakeSource
	for i := range 5 {
		in := stopInput()
		in.Record.ID = "ps-" + string(rune('a'+i))
		if i == 4 {
			in.Subject.Sources = nil
		}
		src = append(src, in)
	}
	old := stopInput()
	old.Record.LastSeen = now.AddDate(-2, 0, 0)
	src = append(src, old)
	opt := testOptions(t)
	opt.Now = func() time.Time { return now }
	var out bytes.Buffer
	if err := Backtest(context.Background(), "starter/rules.d", now.AddDate(0, -1, 0), src, &out, opt); err != nil {
		t.Fatalf("Backtest: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"5 record(s)",
		"rule stop-of-warned-person (record, critical): would have fired on 4 record(s)",
		"  e.g. police-stops/ps-a subject s-1:",
		"rule under-partner-warning (subject, medium): would have fired on 4 record(s)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Backtest output lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "  e.g. police-stops/"); n != 9 {
		t.Errorf("Backtest printed %d examples, want 3 for each of the 3 rules that fired\n%s", n, got)
	}
}

func TestFixture(t *testing.T) {
	in, err := parseFixture([]byte(`{"record": {"source": "partner-warnings", "id": "1"},
		"subject": {"id": "s", "records": [
			{"source": "partner-warnings", "id": "1", "properties": {"date": ["2025-01-01"]}},
			{"source": "police-reports", "id": "2", "properties": {"date": ["2025-02-01"]}},
			{"source": "police-reports", "id": "3", "properties": {"date": ["2024-02-01"]}}]},
		"now": "2025-06-01T00:00:00Z"}`))
	if err != nil {
		t.Fatalf("parseFixture: %v", err)
	}
	if in.Subject.FollowUps != 1 || in.Subject.RecordCount != 3 || !cmp.Equal(in.Subject.Sources, []string{"partner-warnings", "police-reports"}) {
		t.Errorf("derived subject = followUps %d, recordCount %d, sources %v; want 1, 3, [partner-warnings police-reports]", in.Subject.FollowUps, in.Subject.RecordCount, in.Subject.Sources)
	}
	if _, err := parseFixture([]byte(`{"record": {}, "subjekt": {}}`)); err == nil {
		t.Errorf("parseFixture accepted an unknown field")
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"336h", 336 * time.Hour, true}, {"14d", 14 * 24 * time.Hour, true}, {"2w", 14 * 24 * time.Hour, true},
		{"90m", 90 * time.Minute, true}, {"14 days", 0, false}, {"d", 0, false}, {"-3d", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
