package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Kind says when a rule is evaluated.
type Kind string

// The rule kinds.
const (
	// KindRecord rules run on every new or changed record at ingest.
	KindRecord Kind = "record"
	// KindSubject rules run on lookups; a firing rule flags the subject card.
	KindSubject Kind = "subject"
	// KindWindow rules run at ingest like record rules, and see their
	// `window:` duration as `window`.
	KindWindow Kind = "window"
	// KindDeadline rules start a clock when `when` holds for a record, stop
	// it when `until` holds for a later record of the subject, and fire once
	// if `after` passes first.
	KindDeadline Kind = "deadline"
)

// Severity ranks hits.
type Severity string

// The severities, lowest first.
const (
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

// Pos is a position in a rule file; Line and Col count from 1.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns file:line:col.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Problem is one thing wrong with a rule file.
type Problem struct {
	Pos  Pos
	Rule string
	Msg  string
}

// Error returns "file:line:col: rule NAME: message".
func (p *Problem) Error() string {
	if p.Rule == "" {
		return fmt.Sprintf("%s: %s", p.Pos, p.Msg)
	}
	return fmt.Sprintf("%s: rule %s: %s", p.Pos, p.Rule, p.Msg)
}

// TestCase is one of a rule's tests: the fixture it is given and what
// it must do.
type TestCase struct {
	Given  string // fixture path, relative to the rule file's folder
	Expect string // "fire" or "pass"
	Flag   string // when set, the fired flag text must equal it
	Pos    Pos
}

// spec is a rule as written, with the positions of its parts.
type spec struct {
	Name, Description, Flag, Message string
	Kind                             Kind
	Severity                         Severity
	Route                            []string
	When, Until                      string
	WhenNode, UntilNode              *yaml.Node
	MessagePos                       Pos
	After, Window                    time.Duration
	Tests                            []TestCase
	Pos                              Pos
	// Bad says the rule has problems of its own; its expressions are
	// still compiled, so that every problem is reported at once.
	Bad bool
}

var ruleKeys = map[string]bool{
	"name": true, "description": true, "kind": true, "when": true, "until": true, "after": true,
	"window": true, "severity": true, "flag": true, "route": true, "message": true, "tests": true,
}

// MaxFileSize caps a rule file; anything larger is refused unread.
const MaxFileSize = 1 << 20

// parseFile reads the rules of one file. It returns every problem found,
// never stopping at the first.
func parseFile(name string, data []byte) ([]spec, []error) {
	var errs []error
	at := func(n *yaml.Node) Pos {
		if n == nil {
			return Pos{File: name, Line: 1, Col: 1}
		}
		return Pos{File: name, Line: n.Line, Col: n.Column}
	}
	bad := func(n *yaml.Node, rule, format string, args ...any) {
		errs = append(errs, &Problem{Pos: at(n), Rule: rule, Msg: fmt.Sprintf(format, args...)})
	}
	if len(data) > MaxFileSize {
		bad(nil, "", "file is %d bytes, more than the %d allowed", len(data), MaxFileSize)
		return nil, errs
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		msg := err.Error()
		// yaml.v3 says "yaml: line N: …"; keep the line, drop the prefix.
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			if i := strings.Index(rest, ":"); i > 0 {
				if n, err := strconv.Atoi(rest[:i]); err == nil {
					line, msg = n, strings.TrimSpace(rest[i+1:])
				}
			}
		}
		errs = append(errs, &Problem{Pos: Pos{File: name, Line: line, Col: 1}, Msg: "yaml: " + msg})
		return nil, errs
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file holds no rules
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		bad(root, "", "want a mapping with a `rules:` list")
		return nil, errs
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "rules" {
			bad(k, "", "unknown key %q (want `rules:`)", k.Value)
			continue
		}
		list = v
	}
	if list == nil {
		bad(root, "", "no `rules:` list")
		return nil, errs
	}
	if list.Kind != yaml.SequenceNode {
		bad(list, "", "`rules:` must be a list")
		return nil, errs
	}
	var specs []spec
	for _, rn := range list.Content {
		s, e := parseRule(name, rn)
		errs = append(errs, e...)
		s.Bad = len(e) > 0
		specs = append(specs, s)
	}
	return specs, errs
}

func parseRule(file string, rn *yaml.Node) (spec, []error) {
	s := spec{Pos: Pos{File: file, Line: rn.Line, Col: rn.Column}, Kind: KindRecord}
	var errs []error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &Problem{Pos: Pos{File: file, Line: n.Line, Col: n.Column}, Rule: s.Name, Msg: fmt.Sprintf(format, args...)})
	}
	if rn.Kind != yaml.MappingNode {
		bad(rn, "a rule must be a mapping")
		return s, errs
	}
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(rn.Content); i += 2 {
		k, v := rn.Content[i], rn.Content[i+1]
		if k.Value == "name" && v.Kind == yaml.ScalarNode {
			s.Name = v.Value
		}
		if fields[k.Value] != nil {
			bad(k, "key %q given twice", k.Value)
		}
		fields[k.Value] = v
	}
	for i := 0; i+1 < len(rn.Content); i += 2 {
		if k := rn.Content[i]; !ruleKeys[k.Value] {
			bad(k, "unknown key %q", k.Value)
		}
	}
	str := func(key string, required bool) (string, *yaml.Node) {
		n := fields[key]
		if n == nil {
			if required {
				bad(rn, "missing %q", key)
			}
			return "", nil
		}
		if n.Kind != yaml.ScalarNode {
			bad(n, "%q must be text", key)
			return "", nil
		}
		if required && strings.TrimSpace(n.Value) == "" {
			bad(n, "%q is empty", key)
		}
		return n.Value, n
	}
	dur := func(key string) (time.Duration, *yaml.Node) {
		v, n := str(key, false)
		if n == nil {
			return 0, nil
		}
		d, err := ParseDuration(v)
		if err != nil {
			bad(n, "%s: %v", key, err)
		} else if d <= 0 {
			bad(n, "%s must be positive", key)
		}
		return d, n
	}
	if _, n := str("name", true); n != nil && !validName(s.Name) {
		bad(n, "name %q: use letters, digits, '-', '_' or '.'", s.Name)
	}
	s.Description, _ = str("description", false)
	if k, n := str("kind", false); n != nil {
		s.Kind = Kind(k)
		switch s.Kind {
		case KindRecord, KindSubject, KindWindow, KindDeadline:
		default:
			bad(n, "kind %q: want record, subject, window or deadline", k)
		}
	}
	s.When, s.WhenNode = str("when", true)
	s.Until, s.UntilNode = str("until", false)
	var afterNode, windowNode *yaml.Node
	s.After, afterNode = dur("after")
	s.Window, windowNode = dur("window")
	if sev, n := str("severity", true); n != nil {
		s.Severity = Severity(sev)
		switch s.Severity {
		case SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical:
		default:
			bad(n, "severity %q: want low, medium, high or critical", sev)
		}
	}
	s.Flag, _ = str("flag", true)
	var msgNode *yaml.Node
	s.Message, msgNode = str("message", false)
	if msgNode != nil {
		s.MessagePos = Pos{File: file, Line: msgNode.Line, Col: msgNode.Column}
	}
	if n := fields["route"]; n != nil {
		var route []string
		if n.Kind == yaml.ScalarNode {
			route = []string{n.Value}
		} else if err := n.Decode(&route); err != nil {
			bad(n, "route must be a list of targets like channel:ct-triage")
		}
		for _, r := range route {
			if !validRoute(r) {
				bad(n, "route %q: want channel:NAME", r)
			}
		}
		s.Route = route
	}
	switch s.Kind {
	case KindDeadline:
		if afterNode == nil {
			bad(rn, "a deadline rule needs `after:` (e.g. 14d)")
		}
		if s.UntilNode == nil {
			bad(rn, "a deadline rule needs `until:`, the expression a later record must meet to stop the clock")
		}
	default:
		if afterNode != nil {
			bad(afterNode, "`after:` is for deadline rules")
		}
		if s.UntilNode != nil {
			bad(s.UntilNode, "`until:` is for deadline rules")
		}
	}
	if s.Kind == KindWindow && windowNode == nil {
		bad(rn, "a window rule needs `window:` (e.g. 7d)")
	}
	if s.Kind != KindWindow && windowNode != nil {
		bad(windowNode, "`window:` is for window rules")
	}
	if n := fields["tests"]; n != nil {
		if n.Kind != yaml.SequenceNode {
			bad(n, "tests must be a list")
		} else {
			for _, tn := range n.Content {
				var tc struct {
					Given  string `yaml:"given"`
					Expect string `yaml:"expect"`
					Flag   string `yaml:"flag"`
				}
				if err := tn.Decode(&tc); err != nil || tn.Kind != yaml.MappingNode {
					bad(tn, "a test is a mapping with given, expect and optional flag")
					continue
				}
				for i := 0; i+1 < len(tn.Content); i += 2 {
					if k := tn.Content[i].Value; k != "given" && k != "expect" && k != "flag" {
						bad(tn.Content[i], "unknown test key %q", k)
					}
				}
				if tc.Given == "" {
					bad(tn, "test needs `given:` (a JSON fixture)")
				}
				if tc.Expect != "fire" && tc.Expect != "pass" {
					bad(tn, "test expect %q: want fire or pass", tc.Expect)
				}
				s.Tests = append(s.Tests, TestCase{Given: tc.Given, Expect: tc.Expect, Flag: tc.Flag, Pos: Pos{File: file, Line: tn.Line, Col: tn.Column}})
			}
		}
	}
	return s, errs
}

func validName(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func validRoute(s string) bool {
	name, ok := strings.CutPrefix(s, "channel:")
	return ok && validName(name)
}

// ParseDuration reads a Go duration ("336h", "90m") or whole days and
// weeks ("14d", "2w"), which supervisors write more naturally. It returns
// an error for anything else.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if num, ok := strings.CutSuffix(s, suffix); ok {
			n, err := strconv.Atoi(num)
			if err != nil || n < 0 || n > 100000 {
				return 0, fmt.Errorf("duration %q: want a whole number of days or weeks, or a Go duration like 336h", s)
			}
			return time.Duration(n) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: want a Go duration like 336h, or 14d, 2w", s)
	}
	return d, nil
}

// errorsOf flattens a joined error into its parts.
func errorsOf(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
