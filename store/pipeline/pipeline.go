// Package pipeline runs the stages that follow the change feed — entity
// resolution, links, rules and watches — in order, as one feed consumer:
// each batch of changes goes through every stage inside one transaction
// that also advances the consumer's cursor, so a crash replays the batch
// whole and a stage never sees a change its predecessor missed.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/vigie/vigie/store"
)

// Stage is one step after the feed. Apply runs inside the batch's
// transaction; an error aborts the whole batch, which is retried.
type Stage interface {
	Apply(txn *store.Txn, changes []store.Change) error
}

// StageFunc adapts a function to Stage.
type StageFunc func(txn *store.Txn, changes []store.Change) error

// Apply calls f.
func (f StageFunc) Apply(txn *store.Txn, changes []store.Change) error { return f(txn, changes) }

// Named gives a stage a name for errors and logs.
type Named struct {
	Name  string
	Stage Stage
}

// Pipeline is the ordered list of stages behind one feed cursor.
type Pipeline struct {
	db     *store.DB
	name   string
	batch  int
	stages []Named
	log    *slog.Logger
	// Observe, when set, is told how many changes each batch handled and
	// how long it took (metrics).
	Observe func(changes int, took time.Duration)
}

// New returns a pipeline consuming db's feed under the cursor name, batch
// changes at a time. A nil log discards messages.
func New(db *store.DB, name string, batch int, log *slog.Logger, stages ...Named) *Pipeline {
	if batch <= 0 {
		batch = 500
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{db: db, name: name, batch: batch, stages: stages, log: log.With("component", "pipeline")}
}

func (p *Pipeline) apply(txn *store.Txn, changes []store.Change) error {
	start := time.Now()
	for _, s := range p.stages {
		if err := s.Stage.Apply(txn, changes); err != nil {
			return fmt.Errorf("stage %s: %w", s.Name, err)
		}
	}
	if p.Observe != nil {
		txn.OnCommit(func() { p.Observe(len(changes), time.Since(start)) })
	}
	return nil
}

// Drain runs every stage on all changes not yet handled and returns how
// many it handled. `vigie ingest` calls it before exiting.
func (p *Pipeline) Drain(ctx context.Context) (int, error) {
	return p.db.Drain(ctx, p.name, p.batch, p.apply)
}

// Run follows the feed until ctx ends (vigie serve). It returns nil on
// cancellation and the first stage error otherwise.
func (p *Pipeline) Run(ctx context.Context) error {
	return p.db.Follow(ctx, p.name, p.batch, p.apply)
}

// Lag returns how many changes are committed but not yet through the
// pipeline.
func (p *Pipeline) Lag() (uint64, error) {
	cur, err := p.db.Cursor(p.name)
	if err != nil {
		return 0, err
	}
	last := p.db.LastSeq()
	if last < cur {
		return 0, nil
	}
	return last - cur, nil
}
