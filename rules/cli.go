package rules

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"path/filepath"
	"strings"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/vigie/vigie/store"
)

// Check loads every rule file in dir, reads every test fixture, and prints
// each problem on its own line as "file:line:col: rule NAME: message", or a
// one-line summary when all is well. It returns a non-nil error (for a non-zero exit) when there
// is any problem.
func Check(dir string, w io.Writer, opt Options) error {
	set, err := Load(dir, opt)
	if err != nil {
		n := printProblems(w, err)
		return fmt.Errorf("rules check %s: %d problem(s)", dir, n)
	}
	// A test whose fixture is missing or malformed is a problem of the
	// rule file too: CI should catch it before `rules test` runs.
	var errs []error
	for _, r := range set.rules {
		for _, tc := range r.Tests {
			if !filepath.IsLocal(tc.Given) {
				errs = append(errs, &Problem{Pos: tc.Pos, Rule: r.Name, Msg: fmt.Sprintf("test fixture %q must stay inside the rules folder", tc.Given)})
			} else if _, err := Fixture(filepath.Join(dir, tc.Given)); err != nil {
				errs = append(errs, &Problem{Pos: tc.Pos, Rule: r.Name, Msg: "test " + err.Error()})
			}
		}
	}
	if len(errs) > 0 {
		n := printProblems(w, errors.Join(errs...))
		return fmt.Errorf("rules check %s: %d problem(s)", dir, n)
	}
	fmt.Fprintf(w, "%s: %d rule(s) in %d file(s) OK\n", dir, set.Len(), set.fileCount)
	return nil
}

func printProblems(w io.Writer, err error) int {
	errs := errorsOf(err)
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
	return len(errs)
}

// MaxFixtureSize caps a test fixture.
const MaxFixtureSize = 4 << 20

// Fixture reads a rule test fixture: a JSON object with record, subject,
// links and now (RFC 3339). When the subject lists records but leaves out
// recordCount, sources or followUps, they are derived from its records
// (followUps as FollowUpsOf). It returns an error naming the path for an
// unreadable or malformed fixture or unknown fields.
func Fixture(path string) (Input, error) {
	data, err := readCapped(path)
	if err != nil {
		return Input{}, fmt.Errorf("fixture %q: %w", path, err)
	}
	if len(data) > MaxFixtureSize {
		return Input{}, fmt.Errorf("fixture %q: more than %d bytes", path, MaxFixtureSize)
	}
	in, err := parseFixture(data)
	if err != nil {
		return Input{}, fmt.Errorf("fixture %q: %w", path, err)
	}
	return in, nil
}

func parseFixture(data []byte) (Input, error) {
	var in Input
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return Input{}, err
	}
	if dec.More() {
		return Input{}, errors.New("trailing data after the fixture object")
	}
	var present struct {
		Subject map[string]json.RawMessage `json:"subject"`
	}
	if err := json.Unmarshal(data, &present); err != nil {
		return Input{}, err
	}
	s := &in.Subject
	for i := range s.Records {
		s.Records[i].Date = recordDate(s.Records[i])
	}
	if _, ok := present.Subject["recordCount"]; !ok {
		s.RecordCount = len(s.Records)
	}
	if _, ok := present.Subject["sources"]; !ok {
		seen := map[string]bool{}
		for _, r := range s.Records {
			if !seen[r.Source] {
				seen[r.Source] = true
				s.Sources = append(s.Sources, r.Source)
			}
		}
	}
	if _, ok := present.Subject["followUps"]; !ok {
		s.FollowUps = FollowUpsOf(s.Records)
	}
	return in, nil
}

// evalOne runs one rule of any kind on in and says whether it fires, with
// its message.
func (s *Set) evalOne(r *Rule, in Input) (bool, string, error) {
	if r.Kind == KindDeadline {
		ok, err := s.evalDeadline(r, in)
		if err != nil || !ok {
			return false, "", err
		}
		e := newEnv(&in, s.match)
		msg, err := r.render(e)
		return true, msg, err
	}
	e := newEnv(&in, s.match)
	e.Window = r.Window
	m := s.vms.Get().(*vm.VM)
	defer s.vms.Put(m)
	ok, err := s.run(m, r.when, e)
	if err != nil || !ok {
		return false, "", err
	}
	msg, err := r.render(e)
	return true, msg, err
}

// Test loads dir and runs every rule's tests, printing one line per test
// and a summary, like `promtool test rules`. Fixture paths are relative to
// dir. It returns a non-nil error when the rules do not load or any test
// fails.
func Test(dir string, w io.Writer, opt Options) error {
	set, err := Load(dir, opt)
	if err != nil {
		n := printProblems(w, err)
		return fmt.Errorf("rules test %s: %d load problem(s)", dir, n)
	}
	var pass, fail, untested int
	for _, r := range set.rules {
		if len(r.Tests) == 0 {
			untested++
			fmt.Fprintf(w, "WARN  %s: rule %s has no tests\n", r.Pos, r.Name)
			continue
		}
		for _, tc := range r.Tests {
			verdict, detail := runTest(set, dir, r, tc)
			if verdict {
				pass++
				fmt.Fprintf(w, "PASS  %s: rule %s: %s: %s\n", tc.Pos, r.Name, tc.Given, detail)
			} else {
				fail++
				fmt.Fprintf(w, "FAIL  %s: rule %s: %s: %s\n", tc.Pos, r.Name, tc.Given, detail)
			}
		}
	}
	fmt.Fprintf(w, "%d test(s): %d passed, %d failed; %d rule(s) without tests\n", pass+fail, pass, fail, untested)
	if fail > 0 {
		return fmt.Errorf("rules test %s: %d of %d test(s) failed", dir, fail, pass+fail)
	}
	return nil
}

func runTest(set *Set, dir string, r *Rule, tc TestCase) (bool, string) {
	path := tc.Given
	if !filepath.IsLocal(path) {
		return false, "fixture path must stay inside the rules folder"
	}
	in, err := Fixture(filepath.Join(dir, path))
	if err != nil {
		return false, err.Error()
	}
	fired, msg, err := set.evalOne(r, in)
	if err != nil {
		return false, fmt.Sprintf("run-time error: %v", err)
	}
	got := map[bool]string{true: "fire", false: "pass"}[fired]
	if got != tc.Expect {
		return false, fmt.Sprintf("want %s, got %s", tc.Expect, got)
	}
	if tc.Flag != "" && fired && tc.Flag != r.Flag {
		return false, fmt.Sprintf("want flag %q, got %q", tc.Flag, r.Flag)
	}
	if fired {
		return true, fmt.Sprintf("fired: %s", msg)
	}
	return true, "passed (did not fire)"
}

// RecordSource replays stored records, each with its subject and links
// as they are now, for backtests.
type RecordSource interface {
	Records(ctx context.Context, since time.Time, fn func(store.Record, Subject, []Link) error) error
}

// Backtest replays every record since the given time through the rules in
// dir and prints, per rule, how many records it would have fired on, with
// up to three examples. Record and window rules are evaluated as at ingest
// (now = the record's LastSeen), subject rules and deadline rules as of
// now. It returns a non-nil error if the rules do not load or the source
// fails; run-time errors of rules are counted and printed, not returned.
func Backtest(ctx context.Context, dir string, since time.Time, src RecordSource, w io.Writer, opt Options) error {
	if err := opt.validate(); err != nil {
		return err
	}
	set, err := Load(dir, opt)
	if err != nil {
		n := printProblems(w, err)
		return fmt.Errorf("rules backtest %s: %d load problem(s)", dir, n)
	}
	now := opt.Now()
	type tally struct {
		fired, errs int
		examples    []string
		lastErr     error
	}
	tallies := make([]tally, len(set.rules))
	total := 0
	err = src.Records(ctx, since, func(rec store.Record, sub Subject, links []Link) error {
		total++
		for i, r := range set.rules {
			in := Input{Record: rec, Subject: sub, Links: links, Now: rec.LastSeen}
			if r.Kind == KindDeadline || r.Kind == KindSubject {
				in.Now = now
			}
			fired, msg, err := set.evalOne(r, in)
			t := &tallies[i]
			if err != nil {
				t.errs++
				t.lastErr = err
				continue
			}
			if fired {
				t.fired++
				if len(t.examples) < 3 {
					t.examples = append(t.examples, fmt.Sprintf("%s/%s subject %s: %s", rec.Source, rec.ID, sub.ID, msg))
				}
			}
		}
		return ctx.Err()
	})
	fmt.Fprintf(w, "backtest %s since %s: %d record(s)\n", dir, since.Format(time.RFC3339), total)
	for i, r := range set.rules {
		t := tallies[i]
		fmt.Fprintf(w, "rule %s (%s, %s): would have fired on %d record(s)", r.Name, r.Kind, r.Severity, t.fired)
		if t.errs > 0 {
			fmt.Fprintf(w, ", %d run-time error(s), last: %v", t.errs, t.lastErr)
		}
		fmt.Fprintln(w)
		for _, ex := range t.examples {
			fmt.Fprintf(w, "  e.g. %s\n", strings.ReplaceAll(ex, "\n", " "))
		}
	}
	if err != nil {
		return fmt.Errorf("rules backtest %s: %w", dir, err)
	}
	return nil
}
