package rules

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/vigie/vigie/store"
)

// Options tune loading and evaluation. The zero value is not ready to use;
// start from DefaultOptions.
type Options struct {
	// NameMatch scores two names in [0,1] for nameMatch(a, b). Default: 1
	// when the names are equal ignoring case and surrounding space, else 0.
	// Plug the store/names scorer in here.
	NameMatch func(a, b string) float64
	// NameThreshold is the score at which nameMatch holds. Default 0.9.
	NameThreshold float64
	// EvalBudget is the p99 time one rule may take on a worst-case input
	// (every collection at its cap) before it is refused at load. Default
	// 10µs; a negative value turns the guard off.
	EvalBudget time.Duration
	// Logger receives load and evaluation reports. Default slog.Default().
	Logger *slog.Logger
	// Now is the clock for backtests of deadline and subject rules.
	// Default time.Now.
	Now func() time.Time
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		NameMatch:     equalFoldScore,
		NameThreshold: 0.9,
		EvalBudget:    10 * time.Microsecond,
		Logger:        slog.Default(),
		Now:           time.Now,
	}
}

func equalFoldScore(a, b string) float64 {
	if strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) {
		return 1
	}
	return 0
}

func (o *Options) validate() error {
	if o.NameMatch == nil {
		o.NameMatch = equalFoldScore
	}
	if o.NameThreshold == 0 {
		o.NameThreshold = 0.9
	}
	if o.NameThreshold < 0 || o.NameThreshold > 1 {
		return fmt.Errorf("name threshold %v: want a value in (0,1]", o.NameThreshold)
	}
	if o.EvalBudget == 0 {
		o.EvalBudget = 10 * time.Microsecond
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return nil
}

// Rule is one compiled rule. It is immutable once loaded.
type Rule struct {
	Name        string
	Description string
	Kind        Kind
	Severity    Severity
	Flag        string
	Route       []string
	// After is a deadline rule's term; Window a window rule's window.
	After  time.Duration
	Window time.Duration
	// When and Until are the expressions as written.
	When  string
	Until string
	Tests []TestCase
	// Pos is where the rule starts in its file.
	Pos Pos

	when, until *vm.Program
	// whenFull and untilFull are compiled without short-circuits, for
	// timing every branch at load.
	whenFull, untilFull *vm.Program
	matched             string // the rule's part of a hit's evidence
	message             *template.Template
}

// Hit is a rule firing on a record (record, window and deadline rules).
type Hit struct {
	Rule      string    `json:"rule"`
	Kind      Kind      `json:"kind"`
	Severity  Severity  `json:"severity"`
	Flag      string    `json:"flag"`
	Route     []string  `json:"route,omitempty"`
	Message   string    `json:"message"`
	Record    store.Key `json:"record"`
	SubjectID string    `json:"subjectId,omitempty"`
	Evidence  string    `json:"evidence"`
}

// Flag is a subject rule firing on a subject, shown on its card.
type Flag struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Text     string   `json:"text"`
	Message  string   `json:"message"`
}

// Set is an immutable, compiled rule set, safe for concurrent use.
type Set struct {
	rules     []*Rule
	byName    map[string]*Rule
	match     func(a, b string) bool
	vms       sync.Pool
	dir       string
	fileCount int
}

// Rules returns the rules in file order.
func (s *Set) Rules() []*Rule { return slices.Clone(s.rules) }

// Rule returns the rule with the given name, or nil.
func (s *Set) Rule(name string) *Rule { return s.byName[name] }

// Deadlines returns the deadline rules, which a Scheduler runs.
func (s *Set) Deadlines() []*Rule {
	var out []*Rule
	for _, r := range s.rules {
		if r.Kind == KindDeadline {
			out = append(out, r)
		}
	}
	return out
}

// Len returns the number of rules.
func (s *Set) Len() int { return len(s.rules) }

// ruleFiles lists the YAML files directly in dir, sorted.
func ruleFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read rules folder %q: %w", dir, err)
	}
	var files []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(n, ".") && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			files = append(files, filepath.Join(dir, n))
		}
	}
	sort.Strings(files)
	return files, nil
}

// Load reads, compiles and times every rule in the YAML files of dir. It
// returns every problem at once, joined with errors.Join, each a *Problem
// reading "file:line:col: rule NAME: message"; with any problem it returns
// no set, so a caller never runs half a folder.
func Load(dir string, opt Options) (*Set, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	files, err := ruleFiles(dir)
	if err != nil {
		return nil, err
	}
	srcs := make(map[string][]byte, len(files))
	var errs []error
	for _, f := range files {
		data, err := readCapped(f)
		if err != nil {
			errs = append(errs, &Problem{Pos: Pos{File: f, Line: 1, Col: 1}, Msg: err.Error()})
			continue
		}
		srcs[f] = data
	}
	set, cerrs := compileFiles(files, srcs, opt)
	errs = append(errs, cerrs...)
	sortProblems(errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	set.dir = dir
	return set, nil
}

// sortProblems orders problems by file, line and column, so a supervisor
// reads them top to bottom.
func sortProblems(errs []error) {
	pos := func(e error) Pos {
		var p *Problem
		if errors.As(e, &p) {
			return p.Pos
		}
		return Pos{}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := pos(errs[i]), pos(errs[j])
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, more than the %d allowed", st.Size(), MaxFileSize)
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil && st.Size() > 0 {
		return nil, err
	}
	return data, nil
}

// compileFiles parses and compiles the given sources (in order) into a set.
func compileFiles(files []string, srcs map[string][]byte, opt Options) (*Set, []error) {
	threshold := opt.NameThreshold
	score := opt.NameMatch
	set := &Set{
		byName: map[string]*Rule{},
		match:  func(a, b string) bool { return score(a, b) >= threshold },
	}
	set.vms.New = func() any { return new(vm.VM) }
	var errs []error
	var worst *env
	for _, f := range files {
		src, ok := srcs[f]
		if !ok {
			continue
		}
		set.fileCount++
		specs, perrs := parseFile(f, src)
		errs = append(errs, perrs...)
		for _, sp := range specs {
			if sp.WhenNode == nil {
				continue // reported by parseFile
			}
			r, rerrs := compileRule(f, src, sp)
			errs = append(errs, rerrs...)
			if len(rerrs) > 0 || sp.Bad {
				continue
			}
			if prev := set.byName[r.Name]; prev != nil {
				errs = append(errs, &Problem{Pos: sp.Pos, Rule: r.Name, Msg: fmt.Sprintf("name already used at %s", prev.Pos)})
				continue
			}
			if opt.EvalBudget > 0 {
				if worst == nil {
					worst = worstCaseEnv(set.match)
				}
				if err := set.timeRule(r, worst, opt.EvalBudget); err != nil {
					errs = append(errs, &Problem{Pos: sp.Pos, Rule: r.Name, Msg: err.Error()})
					continue
				}
			}
			set.byName[r.Name] = r
			set.rules = append(set.rules, r)
		}
	}
	return set, errs
}

func compileRule(file string, src []byte, sp spec) (*Rule, []error) {
	r := &Rule{
		Name: sp.Name, Description: sp.Description, Kind: sp.Kind, Severity: sp.Severity,
		Flag: sp.Flag, Route: sp.Route, After: sp.After, Window: sp.Window,
		When: sp.When, Until: sp.Until, Tests: sp.Tests, Pos: sp.Pos,
	}
	r.matched = matchedEvidence(r)
	var errs []error
	var err error
	if r.when, r.whenFull, err = compileExpr(file, r.Name, "when", sp.WhenNode, src); err != nil {
		errs = append(errs, err)
	}
	if sp.UntilNode != nil {
		if r.until, r.untilFull, err = compileExpr(file, r.Name, "until", sp.UntilNode, src); err != nil {
			errs = append(errs, err)
		}
	}
	if sp.Message != "" {
		t, err := template.New(r.Name).Option("missingkey=zero").Funcs(template.FuncMap{"prop": tmplProp}).Parse(sp.Message)
		if err != nil {
			errs = append(errs, &Problem{Pos: sp.MessagePos, Rule: r.Name, Msg: fmt.Sprintf("message: %v", err)})
		}
		r.message = t
	}
	return r, errs
}

func tmplProp(r RecordView, name string) string {
	if v := r.Properties[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// run evaluates one compiled expression. A panic or error inside is an
// error for this rule only.
func (s *Set) run(m *vm.VM, p *vm.Program, e *env) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok, err = false, fmt.Errorf("panic: %v", r)
		}
	}()
	out, err := m.Run(p, e)
	if err != nil {
		return false, err
	}
	b, _ := out.(bool)
	return b, nil
}

// EvalRecord runs the record and window rules on in and returns their
// hits; deadline rules run through a Scheduler, which the caller feeds
// the same input. A rule that fails at run time is skipped; the returned error joins
// those failures ("rule NAME: …") while the hits of every other rule are
// still returned. It returns ctx's error if ctx ends first.
func (s *Set) EvalRecord(ctx context.Context, in Input) ([]Hit, error) {
	if s == nil || len(s.rules) == 0 {
		return nil, nil
	}
	e := newEnv(&in, s.match)
	m := s.vms.Get().(*vm.VM)
	defer s.vms.Put(m)
	var hits []Hit
	var errs []error
	recEvidence := ""
	for i, r := range s.rules {
		if r.Kind != KindRecord && r.Kind != KindWindow {
			continue
		}
		if i%32 == 31 && ctx.Err() != nil {
			return hits, ctx.Err()
		}
		e.Window = r.Window
		ok, err := s.run(m, r.when, e)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.Name, err))
			continue
		}
		if ok {
			msg, err := r.render(e)
			if err != nil {
				errs = append(errs, err)
			}
			if recEvidence == "" {
				recEvidence = recordEvidence(e)
			}
			hits = append(hits, Hit{
				Rule: r.Name, Kind: r.Kind, Severity: r.Severity, Flag: r.Flag,
				Route: r.Route, Message: msg, Record: in.Record.Key(),
				SubjectID: in.Subject.ID, Evidence: recEvidence + r.matched,
			})
		}
	}
	return hits, errors.Join(errs...)
}

// EvalSubject runs the subject rules on in (in.Record may be empty: the
// lookup has no new record) and returns the flags for the subject card.
// Errors are reported as for EvalRecord.
func (s *Set) EvalSubject(ctx context.Context, in Input) ([]Flag, error) {
	if s == nil || len(s.rules) == 0 {
		return nil, nil
	}
	e := newEnv(&in, s.match)
	m := s.vms.Get().(*vm.VM)
	defer s.vms.Put(m)
	var flags []Flag
	var errs []error
	for i, r := range s.rules {
		if r.Kind != KindSubject {
			continue
		}
		if i%32 == 31 && ctx.Err() != nil {
			return flags, ctx.Err()
		}
		ok, err := s.run(m, r.when, e)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.Name, err))
			continue
		}
		if ok {
			msg, err := r.render(e)
			if err != nil {
				errs = append(errs, err)
			}
			flags = append(flags, Flag{Rule: r.Name, Severity: r.Severity, Text: r.Flag, Message: msg})
		}
	}
	return flags, errors.Join(errs...)
}

// MaxMessage caps a rendered message.
const MaxMessage = 4000

type messageData struct {
	Rule     string
	Flag     string
	Severity Severity
	Record   RecordView
	Subject  Subject
	Links    []Link
	Now      time.Time
}

// render fills the rule's message template; without one, or if it fails,
// the message is the flag with the subject and record it is about.
func (r *Rule) render(e *env) (string, error) {
	fallback := func() string {
		who := e.Subject.ID
		if len(e.Subject.Names) > 0 {
			who = e.Subject.Names[0]
		}
		msg := r.Flag
		if who != "" {
			msg += ": " + who
		}
		if e.Record.ID != "" {
			msg += " (" + e.Record.Source + "/" + e.Record.ID + ")"
		}
		return msg
	}
	if r.message == nil {
		return fallback(), nil
	}
	var b strings.Builder
	err := r.message.Execute(&limitWriter{b: &b, n: MaxMessage}, messageData{
		Rule: r.Name, Flag: r.Flag, Severity: r.Severity, Record: *e.Record,
		Subject: e.sub, Links: e.links, Now: e.now,
	})
	if err != nil && !errors.Is(err, errTooLong) {
		return fallback(), fmt.Errorf("rule %s: message: %w", r.Name, err)
	}
	if errors.Is(err, errTooLong) {
		return b.String() + "…", nil
	}
	return b.String(), nil
}

var errTooLong = errors.New("message too long")

type limitWriter struct {
	b *strings.Builder
	n int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if room := w.n - w.b.Len(); len(p) > room {
		w.b.Write(p[:max(room, 0)])
		return max(room, 0), errTooLong
	}
	return w.b.Write(p)
}

// recordEvidence describes the evaluated record, once per evaluation.
func recordEvidence(e *env) string {
	if e.Record.ID == "" {
		return ""
	}
	s := "record " + e.Record.Source + "/" + e.Record.ID + " (" + e.Record.Schema + ")"
	if d := e.Record.Date; !d.IsZero() {
		s += " dated " + d.Format(time.DateOnly)
	}
	return s + " "
}

// matchedEvidence is the rule's part of a hit's evidence, fixed at load.
func matchedEvidence(r *Rule) string {
	s := ""
	if r.Kind == KindWindow {
		s = fmt.Sprintf("within %s ", r.Window)
	}
	return s + "matched `" + oneLine(r.When) + "`"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
