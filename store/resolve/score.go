package resolve

import (
	"sync"
	"sync/atomic"

	"github.com/vigie/vigie/store/match"
)

// minParallel is the fewest candidates worth scoring on several
// goroutines: below it, starting them costs about what they save.
const minParallel = 8

// scoreAll compares q with each of cands (match.Compare) on up to workers
// goroutines, the caller's among them, and returns the results in cands'
// order. The store's token weights read the transaction, which is not safe
// for concurrent use: each worker gets its own copy of them, whose reads
// are serialised (storeWeights.worker); everything else Compare reads is
// immutable once prepared.
func scoreAll(q match.Person, cands []*entry, mo match.Options, workers int) []match.Result {
	out := make([]match.Result, len(cands))
	workers = min(workers, len(cands)/(minParallel/2))
	if workers < 2 || len(cands) < minParallel {
		for i, c := range cands {
			out[i] = match.Compare(q, c.person, mo)
		}
		return out
	}
	var (
		next atomic.Int64
		mu   sync.Mutex
		wg   sync.WaitGroup
	)
	work := func(o match.Options) {
		for {
			i := int(next.Add(1) - 1)
			if i >= len(cands) {
				return
			}
			out[i] = match.Compare(q, cands[i].person, o)
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
	return out
}
