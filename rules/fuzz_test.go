package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/expr-lang/expr/vm"
)

func seedRuleFiles(f *testing.F) {
	files, _ := filepath.Glob("starter/rules.d/*.yaml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("rules:\n  - name: a\n    when: >-\n      any(subject.records,\n        .source == \"x\")\n    severity: low\n    flag: f\n"))
	f.Add([]byte("rules:\n  - {name: a, kind: deadline, when: 'true', until: 'false', after: 1d, severity: low, flag: f, message: '{{.Rule}}'}\n"))
	f.Add([]byte("rules: [{name: \"a\", when: \"record.source ==\", severity: low, flag: f}]"))
	f.Add([]byte("rules:\n  - name: a\n    when: \"\\u00e9 == \\\"x\\\"\"\n"))
}

// FuzzLoad feeds arbitrary rule files through parsing, compiling and,
// when they load, evaluation: a supervisor's typo must never crash the bot.
func FuzzLoad(f *testing.F) {
	seedRuleFiles(f)
	opt := DefaultOptions()
	opt.EvalBudget = -1 // timing is not what is fuzzed, and slows it down
	in := stopInput()
	f.Fuzz(func(t *testing.T, data []byte) {
		set, errs := compileFiles([]string{"f.yaml"}, map[string][]byte{"f.yaml": data}, opt)
		for _, err := range errs {
			if err.Error() == "" {
				t.Errorf("empty problem")
			}
		}
		if len(errs) > 0 {
			return
		}
		ctx := context.Background()
		_, _ = set.EvalRecord(ctx, in)
		_, _ = set.EvalSubject(ctx, in)
		for _, r := range set.Deadlines() {
			_, _ = set.evalDeadline(r, in)
		}
	})
}

// FuzzCompile feeds arbitrary expressions through compilation and the
// guard, and runs what passes on a realistic and a worst-case input.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`record.source == "partner-warnings" and subject.followUps == 0 and age(record) > duration("336h")`,
		`countRecords("border-crossings", duration("7d")) >= 3`,
		`any(subject.records, .source == "x" and within(.date, duration("30d")))`,
		`countLinks("shared-phone|shared-address", "flagged", 0) >= 2`,
		`nameMatch(subject.names[0], "x") or linkedTo("watched") or hasLink("family")`,
		`let t = lower(prop(record, "summary")); t contains "stop"`,
		`1..3 | all(# > 0)`, `record.firstSeen.Year() > 0`, `$env`, `duration(source) > 0`,
		`filter(links, .otherWatched)[0].other == "x"`, `record.properties["x"][9] == ""`,
	} {
		f.Add(s)
	}
	set, err := Load("starter/rules.d", func() Options { o := DefaultOptions(); o.EvalBudget = -1; return o }())
	if err != nil {
		f.Fatal(err)
	}
	normal := stopInput()
	worst := worstCaseInput()
	f.Fuzz(func(t *testing.T, code string) {
		if len(code) > MaxExprLen {
			return
		}
		prog, err := compileSafely(code)
		if err != nil {
			return
		}
		if _, _, bad := guard(code); bad {
			return
		}
		m := new(vm.VM)
		for _, in := range []*Input{&normal, &worst} {
			_, _ = set.run(m, prog, newEnv(in, set.match))
		}
	})
}
