package rules

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/vigie/vigie/store"
)

// worstCaseInput fills every collection a rule can see to its cap, with
// values long enough that string work costs what it would on real data.
func worstCaseInput() Input {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	long := func(prefix string, i int) string {
		return prefix + "-" + strconv.Itoa(i) + "-" + strings.Repeat("x", 40)
	}
	values := func(prefix string) []string {
		out := make([]string, MaxValues)
		for i := range out {
			out[i] = long(prefix, i)
		}
		return out
	}
	props := func() map[string][]string {
		p := make(map[string][]string, MaxProperties)
		for i := range MaxProperties {
			p[long("prop", i)] = values("value")
		}
		for _, k := range []string{"name", "summary", "date", "country", "phone", "address"} {
			p[k] = values(k)
		}
		return p
	}
	rec := store.Record{
		Source: "worst-case", ID: "worst-case-record", Schema: "Event", Properties: props(),
		FirstSeen: now.Add(-time.Hour), LastSeen: now, Version: 2,
	}
	sub := Subject{
		ID: "worst-case-subject", Names: values("name"), Sources: values("source"),
		Flags: values("flag"), RecordCount: 10 * MaxRecords, FollowUps: 1,
	}
	p := props()
	for i := range MaxRecords {
		sub.Records = append(sub.Records, RecordView{
			Source: "source-" + strconv.Itoa(i%8), ID: long("record", i), Schema: "Event",
			Properties: p, FirstSeen: now.Add(-time.Duration(i) * time.Hour),
		})
	}
	var links []Link
	for i := range MaxLinks {
		links = append(links, Link{
			Type: "type-" + strconv.Itoa(i%8), Other: long("subject", i), OtherNames: values("name"),
			OtherFlags: values("flag"), Evidence: long("evidence", i), Date: now.Add(-time.Duration(i) * time.Hour),
		})
	}
	return Input{Record: rec, Subject: sub, Links: links, Now: now}
}

func worstCaseEnv(match func(a, b string) bool) *env {
	in := worstCaseInput()
	return newEnv(&in, match)
}

// timeRule refuses a rule whose p99 evaluation time on the worst-case
// input exceeds budget. The rule is timed as compiled without
// short-circuits, so that every branch runs whatever the worst-case record
// holds. Each sample is the fastest of three small batches run back to
// back: a busy machine (preemption, other processes) only ever makes a
// batch slower, so the minimum is the rule's own cost. A collection is
// run first, so that no collection runs during the timing (the timing
// allocates a few hundred kilobytes): a collection under way lasts over
// many samples, and its assists charged them the marking of the heap
// rather than the rule — at start-up, with a small heap, that made the
// starter rules (1–4 µs) time at 11 µs now and then.
func (s *Set) timeRule(r *Rule, e *env, budget time.Duration) error {
	const samples, batch, reps = 100, 4, 3
	runtime.GC()
	m := new(vm.VM)
	progs := []*vm.Program{r.whenFull}
	if r.untilFull != nil {
		progs = append(progs, r.untilFull)
	}
	e.Window = r.Window
	d := make([]time.Duration, samples)
	for i := range d {
		d[i] = time.Duration(1<<63 - 1)
		for range reps {
			start := time.Now()
			for range batch {
				for _, p := range progs {
					_, _ = s.run(m, p, e) // run-time errors on synthetic data are fine here
				}
			}
			d[i] = min(d[i], time.Since(start)/batch)
		}
	}
	slices.Sort(d)
	p99 := d[samples*99/100-1]
	if p99 <= budget {
		return nil
	}
	return fmt.Errorf("too slow: p99 %v per evaluation on a worst-case record (every list at its cap: %d records, %d links, %d values), over the %v budget; loop over fewer items or use a helper such as countRecords, hasLink or linkedTo", p99, MaxRecords, MaxLinks, MaxValues, budget)
}
