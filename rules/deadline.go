package rules

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/vigie/vigie/store"
)

// Clock is one running deadline: rule Rule's `when` held for Record of
// subject SubjectID at Started; it is Due at Started + the rule's `after`.
// Fired is set once its hit has been raised, so it never fires twice.
type Clock struct {
	Rule      string    `json:"rule"`
	SubjectID string    `json:"subjectId"`
	Record    store.Key `json:"record"`
	Started   time.Time `json:"started"`
	Due       time.Time `json:"due"`
	Fired     bool      `json:"fired,omitempty"`
}

// ClockStore persists deadline clocks; the lead backs it with Badger, and
// MemClocks serves tests and the demo. There is at most one clock per rule
// and subject.
type ClockStore interface {
	// Get returns the clock of rule for subject; ok is false if none.
	Get(ctx context.Context, rule, subjectID string) (c Clock, ok bool, err error)
	// Put stores c, replacing the clock of the same rule and subject.
	Put(ctx context.Context, c Clock) error
	// Delete removes the clock of rule for subject, if any.
	Delete(ctx context.Context, rule, subjectID string) error
	// Due calls fn for every clock not yet fired and due at or before now.
	Due(ctx context.Context, now time.Time, fn func(Clock) error) error
}

// Scheduler runs the deadline rules: Observe starts and stops clocks as
// records arrive, Tick raises a hit for each clock that expired. It reads
// the live rule set through set on each call, so reloads apply at once;
// the clock of a rule that is no longer loaded stays stored and untouched.
type Scheduler struct {
	set    func() *Set
	clocks ClockStore
}

// NewScheduler returns a scheduler over the given set source and store.
func NewScheduler(set func() *Set, clocks ClockStore) *Scheduler {
	return &Scheduler{set: set, clocks: clocks}
}

// Observe runs every deadline rule on a new or changed record: an open clock
// of the subject stops when `until` holds for a record dated after it
// started; a clock starts when `when` holds and none is open. A rule that
// fails at run time is skipped and its error joined into the result; a
// store error stops Observe and is returned.
func (s *Scheduler) Observe(ctx context.Context, in Input) error {
	set := s.set()
	if set == nil || in.Subject.ID == "" {
		return nil
	}
	e := newEnv(&in, set.match)
	m := set.vms.Get().(*vm.VM)
	defer set.vms.Put(m)
	var errs []error
	for _, r := range set.rules {
		if r.Kind != KindDeadline {
			continue
		}
		c, open, err := s.clocks.Get(ctx, r.Name, in.Subject.ID)
		if err != nil {
			return fmt.Errorf("deadline %s: get clock: %w", r.Name, err)
		}
		if open {
			if e.Record.Date.After(c.Started) && in.Record.Key() != c.Record {
				stop, err := set.run(m, r.until, e)
				if err != nil {
					errs = append(errs, fmt.Errorf("rule %s: until: %w", r.Name, err))
				} else if stop {
					if err := s.clocks.Delete(ctx, r.Name, in.Subject.ID); err != nil {
						return fmt.Errorf("deadline %s: stop clock: %w", r.Name, err)
					}
				}
			}
			continue
		}
		start, err := set.run(m, r.when, e)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: when: %w", r.Name, err))
			continue
		}
		if !start {
			continue
		}
		c = Clock{Rule: r.Name, SubjectID: in.Subject.ID, Record: in.Record.Key(), Started: e.Record.Date, Due: e.Record.Date.Add(r.After)}
		if err := s.clocks.Put(ctx, c); err != nil {
			return fmt.Errorf("deadline %s: start clock: %w", r.Name, err)
		}
	}
	return errors.Join(errs...)
}

// Tick raises one hit for every clock that is due at now and not yet fired,
// marking it fired before returning it. It returns the hits raised so far
// and the first store error.
func (s *Scheduler) Tick(ctx context.Context, now time.Time) ([]Hit, error) {
	set := s.set()
	if set == nil {
		return nil, nil
	}
	var due []Clock
	if err := s.clocks.Due(ctx, now, func(c Clock) error {
		due = append(due, c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("list due clocks: %w", err)
	}
	var hits []Hit
	for _, c := range due {
		r := set.byName[c.Rule]
		if r == nil || r.Kind != KindDeadline {
			continue
		}
		c.Fired = true
		if err := s.clocks.Put(ctx, c); err != nil {
			return hits, fmt.Errorf("deadline %s: mark fired: %w", c.Rule, err)
		}
		hits = append(hits, deadlineHit(r, c))
	}
	return hits, nil
}

func deadlineHit(r *Rule, c Clock) Hit {
	return Hit{
		Rule: r.Name, Kind: KindDeadline, Severity: r.Severity, Flag: r.Flag, Route: r.Route,
		Message:   fmt.Sprintf("%s: subject %s, started by %s/%s on %s, nothing met the follow-up condition by %s", r.Flag, c.SubjectID, c.Record.Source, c.Record.ID, c.Started.Format(time.DateOnly), c.Due.Format(time.DateOnly)),
		Record:    c.Record,
		SubjectID: c.SubjectID,
		Evidence:  fmt.Sprintf("clock started %s by `%s`, due %s, `%s` not met", c.Started.Format(time.RFC3339), oneLine(r.When), c.Due.Format(time.RFC3339), oneLine(r.Until)),
	}
}

// evalDeadline decides a deadline rule on one input without a store: the
// clock starts at in.Record if `when` holds; any record of the subject dated
// after it that meets `until` stops it; it fires if in.Now is past due.
// Rule tests and backtests use it.
func (s *Set) evalDeadline(r *Rule, in Input) (bool, error) {
	e := newEnv(&in, s.match)
	m := s.vms.Get().(*vm.VM)
	defer s.vms.Put(m)
	start, err := s.run(m, r.when, e)
	if err != nil || !start {
		return false, err
	}
	started := e.Record.Date
	if e.now.Before(started.Add(r.After)) {
		return false, nil
	}
	recs := in.Subject.Records
	if len(recs) > MaxRecords {
		recs = recs[:MaxRecords]
	}
	for _, rv := range recs {
		rv.Date = recordDate(rv)
		if !rv.Date.After(started) || (rv.Source == in.Record.Source && rv.ID == in.Record.ID) {
			continue
		}
		later := in
		later.Record = store.Record{Source: rv.Source, ID: rv.ID, Schema: rv.Schema, Properties: rv.Properties, Classification: rv.Classification, FirstSeen: rv.FirstSeen, LastSeen: rv.LastSeen, Version: rv.Version}
		le := newEnv(&later, s.match)
		le.Record.Date = rv.Date
		stop, err := s.run(m, r.until, le)
		if err != nil {
			return false, err
		}
		if stop {
			return false, nil
		}
	}
	return true, nil
}

// MemClocks is an in-memory ClockStore for tests and the demo.
type MemClocks struct {
	mu sync.Mutex
	m  map[[2]string]Clock
}

// NewMemClocks returns an empty in-memory clock store.
func NewMemClocks() *MemClocks { return &MemClocks{m: map[[2]string]Clock{}} }

// Get implements ClockStore; it never fails.
func (mc *MemClocks) Get(_ context.Context, rule, subjectID string) (Clock, bool, error) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	c, ok := mc.m[[2]string{rule, subjectID}]
	return c, ok, nil
}

// Put implements ClockStore; it never fails.
func (mc *MemClocks) Put(_ context.Context, c Clock) error {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	mc.m[[2]string{c.Rule, c.SubjectID}] = c
	return nil
}

// Delete implements ClockStore; it never fails.
func (mc *MemClocks) Delete(_ context.Context, rule, subjectID string) error {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	delete(mc.m, [2]string{rule, subjectID})
	return nil
}

// Due implements ClockStore, in due order; it returns fn's first error.
func (mc *MemClocks) Due(_ context.Context, now time.Time, fn func(Clock) error) error {
	mc.mu.Lock()
	var due []Clock
	for _, c := range mc.m {
		if !c.Fired && !c.Due.After(now) {
			due = append(due, c)
		}
	}
	mc.mu.Unlock()
	sort.Slice(due, func(i, j int) bool { return due[i].Due.Before(due[j].Due) })
	for _, c := range due {
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}
