// Package input builds what a rule sees — the record, its subject and the
// subject's links — from the store, the resolver and the link graph. The
// pipeline uses it at ingest, lookups use it for subject flags, and
// backtests replay stored records through it.
package input

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/graph"
	"github.com/vigie/vigie/store/resolve"
)

// maxSubjectRecords bounds the records read to describe one subject.
const maxSubjectRecords = 256

// Builder assembles rule inputs. Graph may be nil (no links).
type Builder struct {
	DB       *store.DB
	Resolver *resolve.Resolver
	Graph    *graph.Graph
	// Watched reports whether a subject is watched; nil: never.
	Watched func(subject string) bool
	// Rules returns the live rule set, for subject flags; nil: none.
	Rules func() *rules.Set
}

// Subject describes a subject as rules see it, within txn.
func (b *Builder) Subject(txn *store.Txn, subject string) (rules.Subject, error) {
	s := rules.Subject{ID: subject}
	if subject == "" {
		return s, nil
	}
	keys, err := b.Resolver.Records(txn, subject)
	if err != nil {
		return s, fmt.Errorf("records of %s: %w", subject, err)
	}
	s.RecordCount = len(keys)
	if len(keys) > maxSubjectRecords {
		keys = keys[:maxSubjectRecords]
	}
	var views []rules.RecordView
	for _, k := range keys {
		rec, err := store.GetRecord(txn, k)
		if err != nil {
			continue // a record removed since: the subject is described without it
		}
		views = append(views, rules.View(rec))
		for _, n := range rec.Properties["name"] {
			if !slices.Contains(s.Names, n) && len(s.Names) < 16 {
				s.Names = append(s.Names, n)
			}
		}
		if !slices.Contains(s.Sources, rec.Source) {
			s.Sources = append(s.Sources, rec.Source)
		}
	}
	sort.SliceStable(views, func(i, j int) bool { return views[i].LastSeen.After(views[j].LastSeen) })
	s.FollowUps = rules.FollowUpsOf(views)
	s.Records = views
	if b.Watched != nil {
		s.Watched = b.Watched(subject)
	}
	return s, nil
}

// Links lists the subject's direct links as rules see them.
func (b *Builder) Links(txn *store.Txn, subject string) ([]rules.Link, error) {
	if b.Graph == nil || subject == "" {
		return nil, nil
	}
	sum, err := b.Graph.Summary(txn, b.Resolver, subject, 1, nil)
	if err != nil {
		return nil, fmt.Errorf("links of %s: %w", subject, err)
	}
	var out []rules.Link
	for _, g := range sum.Direct {
		for _, l := range g.Links {
			rl := rules.Link{Type: string(g.Type), Other: l.Subject}
			var ev []string
			for _, e := range l.Evidence {
				ev = append(ev, evidenceText(e))
				if d, err := time.Parse("2006-01-02", firstN(e.Date, 10)); err == nil && d.After(rl.Date) {
					rl.Date = d
				}
			}
			rl.Evidence = strings.Join(ev, "; ")
			if b.Watched != nil {
				rl.OtherWatched = b.Watched(l.Subject)
			}
			out = append(out, rl)
		}
	}
	return out, nil
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func evidenceText(e graph.Evidence) string {
	var b strings.Builder
	b.WriteString(string(e.Type))
	if e.Value != "" {
		b.WriteString(" " + e.Value)
	}
	if e.Role != "" {
		b.WriteString(" (" + e.Role + ")")
	}
	for i, r := range e.Records {
		if i == 3 {
			break
		}
		b.WriteString(" " + r.String())
	}
	return b.String()
}

// Input builds the whole input for a record within txn.
func (b *Builder) Input(txn *store.Txn, rec store.Record, subject string) (rules.Input, error) {
	in := rules.Input{Record: rec, Now: rec.LastSeen}
	var err error
	if subject == "" {
		if subject, err = b.Resolver.SubjectOf(txn, rec.Key()); err != nil {
			return in, err
		}
	}
	if in.Subject, err = b.Subject(txn, subject); err != nil {
		return in, err
	}
	if in.Links, err = b.Links(txn, subject); err != nil {
		return in, err
	}
	return in, nil
}

// Records implements rules.RecordSource for backtests: every record last
// seen at or after since, with its subject and links as they are now.
func (b *Builder) Records(ctx context.Context, since time.Time, fn func(store.Record, rules.Subject, []rules.Link) error) error {
	return b.DB.Scan(ctx, func(rec store.Record) error {
		if rec.LastSeen.Before(since) {
			return nil
		}
		var in rules.Input
		err := b.DB.View(func(txn *store.Txn) error {
			var err error
			in, err = b.Input(txn, rec, "")
			return err
		})
		if err != nil {
			return err
		}
		return fn(rec, in.Subject, in.Links)
	})
}

// Evaluator raises record and window rule hits at ingest for the watch
// stage (watch.Options.Rules). A rule that fails is logged by the rule set
// and skipped; the rest still fire.
type Evaluator struct {
	Builder *Builder
	// OnError is told of rule and store errors; nil ignores them.
	OnError func(error)
}

// EvalRecord evaluates the live rules on rec of subject.
func (e *Evaluator) EvalRecord(ctx context.Context, rec store.Record, subject string) []watch.RuleHit {
	if e.Builder.Rules == nil {
		return nil
	}
	set := e.Builder.Rules()
	if set == nil || set.Len() == 0 {
		return nil
	}
	var in rules.Input
	err := e.Builder.DB.View(func(txn *store.Txn) error {
		var err error
		in, err = e.Builder.Input(txn, rec, subject)
		return err
	})
	if err != nil {
		e.report(fmt.Errorf("rule input for %s: %w", rec.Key(), err))
		return nil
	}
	hits, err := set.EvalRecord(ctx, in)
	if err != nil {
		e.report(err)
	}
	out := make([]watch.RuleHit, 0, len(hits))
	for _, h := range hits {
		out = append(out, watch.RuleHit{Rule: h.Rule, Severity: string(h.Severity), Flag: h.Flag, Route: h.Route, Message: h.Message})
	}
	return out
}

func (e *Evaluator) report(err error) {
	if e.OnError != nil && err != nil {
		e.OnError(err)
	}
}

// Flags evaluates the subject rules on a subject for a lookup answer.
func (b *Builder) Flags(ctx context.Context, subject string) ([]rules.Flag, error) {
	if b.Rules == nil {
		return nil, nil
	}
	set := b.Rules()
	if set == nil {
		return nil, nil
	}
	var in rules.Input
	err := b.DB.View(func(txn *store.Txn) error {
		var err error
		in.Subject, err = b.Subject(txn, subject)
		if err != nil {
			return err
		}
		in.Links, err = b.Links(txn, subject)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(in.Subject.Records) > 0 {
		in.Record = store.Record{Source: in.Subject.Records[0].Source, ID: in.Subject.Records[0].ID}
	}
	in.Now = time.Now()
	return set.EvalSubject(ctx, in)
}
