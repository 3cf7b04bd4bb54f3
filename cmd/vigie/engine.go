package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"

	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/input"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/graph"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/names"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

// engine is the store with the stages that follow its change feed, wired
// in the one order they must run: resolution first (later stages ask for
// subjects), then links, then watches and rules, which raise alerts in the
// same transaction.
type engine struct {
	db       *store.DB
	resolver *resolve.Resolver
	graph    *graph.Graph
	watcher  *watch.Watcher
	audit    *audit.Log
	pipe     *pipeline.Pipeline
	input    *input.Builder
	// rules returns the live rule set (nil when the folder has none).
	rules func() *rules.Set
}

// openEngine opens the store and builds the stages. Close it when done.
// The rule set is loaded once from VIGIE_RULES_DIR; a missing folder means
// no rules, a folder that does not load is an error.
func (a *app) openEngine(ctx context.Context, readOnly bool) (*engine, error) {
	set, err := a.loadRules()
	if err != nil {
		return nil, err
	}
	return a.openEngineWith(ctx, readOnly, func() *rules.Set { return set })
}

func (a *app) loadRules() (*rules.Set, error) {
	if _, err := os.Stat(a.cfg.RulesDir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	set, err := rules.Load(a.cfg.RulesDir, a.ruleOptions())
	if err != nil {
		return nil, fmt.Errorf("load rules from %s (VIGIE_RULES_DIR): %w", a.cfg.RulesDir, err)
	}
	return set, nil
}

func (a *app) ruleOptions() rules.Options {
	o := rules.DefaultOptions()
	o.Logger = a.log
	o.EvalBudget = a.cfg.RuleBudget
	o.NameMatch = func(x, y string) float64 {
		return names.Similarity(names.Parse(x), names.Parse(y), nil).Value
	}
	return o
}

func (a *app) openEngineWith(ctx context.Context, readOnly bool, ruleSet func() *rules.Set) (*engine, error) {
	db, err := a.openStore(readOnly)
	if err != nil {
		return nil, err
	}
	e := &engine{db: db, audit: audit.New(db), rules: ruleSet}
	if err := a.buildStages(e); err != nil {
		db.Close()
		return nil, err
	}
	return e, nil
}

func (a *app) buildStages(e *engine) error {
	ro := resolve.DefaultOptions()
	ro.Threshold = a.cfg.ResolveThreshold
	ro.MatchThreshold = a.cfg.MatchThreshold
	ro.GiantBucket = a.cfg.GiantBucket
	ro.CacheSize = a.cfg.ResolveCache
	ro.LookupCandidates = a.cfg.LookupCandidates
	if a.cfg.ScoringWorkers > 0 {
		ro.Workers = a.cfg.ScoringWorkers
	}
	ro.Logger = a.log
	res, err := resolve.New(e.db, ro)
	if err != nil {
		return err
	}
	e.resolver = res
	switch v, err := res.StoredIndexVersion(); {
	case err != nil:
		a.log.Warn("the store's index version is unreadable", "err", err)
	case v < resolve.IndexVersion:
		a.log.Warn("the store was indexed by an earlier version of vigie: lookups and resolution may miss records until `vigie reindex` is run",
			"store_index_version", v, "index_version", resolve.IndexVersion)
	case v > resolve.IndexVersion:
		a.log.Warn("the store was indexed by a later version of vigie: run that version, or `vigie reindex` with this one",
			"store_index_version", v, "index_version", resolve.IndexVersion)
	}

	gro := graph.DefaultOptions()
	gro.Normalize = match.NormalizeIdentifier
	gro.GiantCount = a.cfg.LinkGiantCount
	gro.CoPresenceWindow = a.cfg.CoPresenceWindow
	gro.Logger = a.log
	if a.cfg.InnocentFile != "" {
		inn, err := graph.LoadInnocent(a.cfg.InnocentFile, match.NormalizeIdentifier)
		if err != nil {
			return fmt.Errorf("load known-innocent values (VIGIE_INNOCENT_FILE): %w", err)
		}
		gro.Innocent = inn
	}
	g, err := graph.New(gro)
	if err != nil {
		return err
	}
	e.graph = g

	e.input = &input.Builder{DB: e.db, Resolver: res, Graph: g, Rules: e.rules}
	wo := watch.DefaultOptions()
	wo.Term = a.cfg.WatchTerm
	wo.Threshold = a.cfg.MatchThreshold
	wo.Logger = a.log
	wo.Auditor = watch.AuditTrail{Log: e.audit}
	wo.Neighbours = func(txn *store.Txn, subject string, depth int) ([]string, error) {
		sum, err := g.Summary(txn, res, subject, depth, func(string) (bool, string) { return true, "" })
		if err != nil {
			return nil, err
		}
		var out []string
		for _, grp := range sum.Direct {
			for _, l := range grp.Links {
				out = append(out, l.Subject)
			}
		}
		for _, p := range sum.Flagged {
			out = append(out, p.Subjects[len(p.Subjects)-1])
		}
		return out, nil
	}
	wo.Rules = &input.Evaluator{Builder: e.input, OnError: func(err error) {
		a.log.Warn("rule evaluation failed; the rule was skipped", "err", err)
		if a.onRuleError != nil {
			a.onRuleError()
		}
	}}
	w, err := watch.New(e.db, res, wo)
	if err != nil {
		return err
	}
	e.watcher = w
	e.pipe = pipeline.New(e.db, "pipeline", 500, a.log,
		pipeline.Named{Name: "resolve", Stage: res},
		pipeline.Named{Name: "links", Stage: linkStage{g: g, w: w}},
		pipeline.Named{Name: "watch", Stage: w},
	)
	return nil
}

// linkStage applies the link graph and hands its new links to the
// watcher, in the pipeline's transaction.
type linkStage struct {
	g *graph.Graph
	w *watch.Watcher
}

func (s linkStage) Apply(txn *store.Txn, changes []store.Change) error {
	events, err := s.g.ApplyWithEvents(txn, changes)
	if err != nil {
		return err
	}
	if len(events) == 0 {
		return nil
	}
	out := make([]watch.LinkEvent, 0, len(events))
	for _, ev := range events {
		out = append(out, watch.LinkEvent{A: ev.A, B: ev.B, Type: string(ev.Type), Evidence: ev.Evidence.Records})
	}
	return s.w.Links(txn, out)
}

func (e *engine) Close() error { return e.db.Close() }

// cliActor names the person at the terminal in audit entries.
func cliActor() string {
	if u, err := user.Current(); err == nil {
		return "cli:" + u.Username
	}
	return "cli"
}

// auditCLI appends an audit entry for a command run at the terminal. An
// audit failure fails the command: what cannot be audited is not done.
func (e *engine) auditCLI(ctx context.Context, entry audit.Entry) error {
	entry.Actor = cliActor()
	entry.From = "cli"
	if _, err := e.audit.Append(ctx, entry); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// errNotFound reports a lookup, subject or record that does not exist.
var errNotFound = errors.New("not found")
