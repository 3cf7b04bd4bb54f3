package resolve

import (
	"sync"
	"sync/atomic"

	"github.com/vigie/vigie/store/match"
)

// minParallel is the fewest candidates worth scoring on several
// goroutines: below it, starting them costs about what they save.
const minParallel = 8

// scoreEach loads n candidates (load returns nil for one that is gone) and
// compares q with each, on up to workers goroutines, the caller's among
// them; it returns the entries and results in load's order (a nil entry
// where load found none) and load's first error. Reading is in the workers
// too: for a lookup, reading and preparing the candidates the cache does
// not hold is as much work as scoring them. load must be safe for
// concurrent use when workers > 1 (a read-only transaction's reads are).
//
// The store's token weights read the transaction through the batch, which
// is not safe for concurrent use: each worker gets its own copy of them,
// whose reads are serialised (storeWeights.worker); everything else
// Compare reads is immutable once prepared.
func scoreEach(n int, load func(i int) (*entry, error), q match.Person, mo match.Options, workers int) ([]*entry, []match.Result, error) {
	ents := make([]*entry, n)
	out := make([]match.Result, n)
	workers = min(workers, n/(minParallel/2))
	if workers < 2 || n < minParallel {
		for i := range n {
			e, err := load(i)
			if err != nil {
				return nil, nil, err
			}
			if e == nil {
				continue
			}
			ents[i], out[i] = e, match.Compare(q, e.person, mo)
		}
		return ents, out, nil
	}
	var (
		next     atomic.Int64
		failed   atomic.Bool
		mu       sync.Mutex
		errOnce  sync.Once
		firstErr error
		wg       sync.WaitGroup
	)
	work := func(o match.Options) {
		for !failed.Load() {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			e, err := load(i)
			if err == nil && e != nil {
				ents[i], out[i] = e, match.Compare(q, e.person, o)
			}
			if err != nil {
				errOnce.Do(func() { firstErr = err })
				failed.Store(true)
				return
			}
		}
	}
	options := func() match.Options {
		o := mo
		if w, ok := mo.Weights.(storeWeights); ok {
			o.Weights = w.worker(&mu)
		}
		return o
	}
	for range workers - 1 {
		o := options()
		wg.Go(func() { work(o) })
	}
	work(options())
	wg.Wait()
	if firstErr != nil {
		return nil, nil, firstErr
	}
	return ents, out, nil
}
