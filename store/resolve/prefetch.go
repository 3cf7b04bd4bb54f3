package resolve

import (
	"errors"
	"sync"

	"github.com/vigie/vigie/store"
)

// Resolution is one goroutine: each record waits for its posting lists,
// its candidates' prepared entries and their subjects, and on a large
// store most of those are reads from Badger (at 1M records, a third of
// resolution's time), while the second core idles. A prefetcher reads
// them, a few records ahead of resolution, on another goroutine and puts
// them in the resolver's caches, as a concurrent lookup would: through a
// snapshot of the last commit, adding only what no commit has changed
// since (see cacheMu). It never writes to the store and decides nothing;
// resolution then finds in memory what it would have read, overlaid with
// its batch's own changes as always, so what it decides is the same with
// or without the prefetcher.

// prefetcher reads ahead of one Apply.
type prefetcher struct {
	mu   sync.Mutex
	cond *sync.Cond
	at   int  // the record resolution is on
	done bool // resolution finished: stop
	end  chan struct{}
}

// startPrefetch starts reading ahead of the changes Apply resolves, or
// returns nil when there is nothing worth reading ahead of.
func (r *Resolver) startPrefetch(changes []store.Change) *prefetcher {
	if r.opt.Prefetch <= 0 || len(changes) < 2 {
		return nil
	}
	p := &prefetcher{end: make(chan struct{})}
	p.cond = sync.NewCond(&p.mu)
	gen := r.snapshotGen()
	go func() {
		defer close(p.end)
		err := r.db.View(func(txn *store.Txn) error {
			for i, c := range changes {
				if !p.wait(i, r.opt.Prefetch) {
					return nil
				}
				if err := r.warm(txn, c, gen); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			// Only the caches are the poorer: resolution reads for itself.
			r.log.Debug("prefetch stopped", "err", err)
		}
	}()
	return p
}

// wait blocks until record i is at most ahead records past the one
// resolution is on, and reports whether it is still worth reading: false
// once resolution is done, or has already reached it.
func (p *prefetcher) wait(i, ahead int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.done && i > p.at+ahead {
		p.cond.Wait()
	}
	return !p.done && i > p.at
}

// advance tells the prefetcher resolution is on record i.
func (p *prefetcher) advance(i int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.at = i
	p.mu.Unlock()
	p.cond.Signal()
}

// stop ends the prefetcher and waits for it: it must add nothing to the
// caches once the batch commits.
func (p *prefetcher) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.done = true
	p.mu.Unlock()
	p.cond.Signal()
	<-p.end
}

// warm reads what resolving change c will read: its candidates' posting
// lists, prepared entries and subjects.
func (r *Resolver) warm(txn *store.Txn, c store.Change, gen uint64) error {
	rec, err := store.GetRecord(txn, c.Key)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if rec.Seq != c.Seq || !SubjectSchema(rec.Schema) {
		return nil
	}
	f, err := r.buildFeatures(txn, rec.Key(), rec.Schema, rec.Properties)
	if err != nil {
		return err
	}
	e := newEntry(rec.Key(), f)
	key := rk(rec.Key())
	cands, err := r.retrieve(txn, nil, indexKeys(e.person), key, r.opt.MaxCandidates, gen, false)
	if err != nil {
		return err
	}
	// The record's own entry (an update replaces it) and subject, then its
	// candidates'.
	read := []string{key}
	for _, cand := range cands {
		read = append(read, cand.key)
	}
	for _, k := range read {
		if _, err := r.loadGen(txn, nil, k, gen); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if _, err := r.subjectOf(txn, nil, k, gen); err != nil {
			return err
		}
	}
	return nil
}
