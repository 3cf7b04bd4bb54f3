package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/expr-lang/expr/vm"
)

// typicalRules are the shapes supervisors write most: a source test with a
// subject fact, an age check, a window count, a link test.
var typicalRules = []string{
	`source == "partner-warnings" and subject.followUps == 0 and age(record) > duration("336h")`,
	`source in ["police-stops", "border-crossings"] and ("partner-warnings" in subject.sources or subject.watched)`,
	`source == "border-crossings" and countRecords("border-crossings", duration("7d")) >= 3`,
	`record.schema == "Event" and hasLink("shared-phone") and linkedTo("watched")`,
}

func typicalSet(b *testing.B, n int) *Set {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("rules:\n")
	for i := range n {
		fmt.Fprintf(&sb, "  - name: r%d\n    when: '%s'\n    severity: low\n    flag: f\n", i, strings.ReplaceAll(typicalRules[i%len(typicalRules)], "'", "''"))
	}
	return mustLoad(b, sb.String())
}

// BenchmarkEvalTypical measures one typical rule on a realistic record with
// the env built once and a reused VM: the per-rule cost at ingest.
func BenchmarkEvalTypical(b *testing.B) {
	set := typicalSet(b, len(typicalRules))
	in := stopInput()
	e := newEnv(&in, set.match)
	m := new(vm.VM)
	for i, r := range set.rules {
		b.Run(fmt.Sprintf("rule%d", i), func(b *testing.B) {
			for b.Loop() {
				if _, err := set.run(m, r.when, e); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "evals/s")
		})
	}
}

// BenchmarkEvalRecord100 measures EvalRecord with 100 active rules: the
// added cost per ingested record, env construction included. "quiet" is
// the common case, a record no rule fires on; "firing" has half the rules
// fire, so it adds rendering 50 hits.
func BenchmarkEvalRecord100(b *testing.B) {
	set := typicalSet(b, 100)
	quiet := stopInput()
	quiet.Record.Source, quiet.Record.Schema, quiet.Links = "company-registry", "Company", nil
	for _, bc := range []struct {
		name string
		in   Input
		hits int
	}{{"quiet", quiet, 0}, {"firing", stopInput(), 50}} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				hits, err := set.EvalRecord(ctx, bc.in)
				if err != nil || len(hits) != bc.hits {
					b.Fatalf("EvalRecord = %d hits, %v; want %d", len(hits), err, bc.hits)
				}
			}
			b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "evals/s")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/record")
		})
	}
}

// BenchmarkNewEnv measures building the env for one record.
func BenchmarkNewEnv(b *testing.B) {
	in := stopInput()
	match := func(a, b string) bool { return a == b }
	for b.Loop() {
		_ = newEnv(&in, match)
	}
}
