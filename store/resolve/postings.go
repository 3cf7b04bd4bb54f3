package resolve

import (
	"slices"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"

	"github.com/vigie/vigie/store"
)

// Posting lists (i/<index key>\x00<record> → nothing) are the resolver's
// hottest reads: every resolved record and every lookup reads a dozen of
// them, and opening a Badger iterator per list cost a quarter of
// resolution. The resolver keeps the complete, sorted lists of the keys it
// read most recently in memory (lists of up to PostingCap records), and
// mirrors its own writes into them when a batch commits. The pipeline is
// the only writer of postings, so the committed list it reads is the latest
// one; readers add what they read only when nothing committed since their
// snapshot (see cacheMu).

// postingCache holds posting lists, bounded both in lists and in the
// postings they hold together (a list may hold up to PostingCap records, so
// a bound on lists alone would not bound memory).
type postingCache struct {
	mu        sync.Mutex
	lru       *simplelru.LRU[string, []string]
	held, max int
}

func newPostingCache(lists, postings int) (*postingCache, error) {
	c := &postingCache{max: postings}
	l, err := simplelru.NewLRU(lists, func(_ string, v []string) { c.held -= len(v) })
	if err != nil {
		return nil, err
	}
	c.lru = l
	return c, nil
}

func (c *postingCache) get(key string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

func (c *postingCache) peek(key string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Peek(key)
}

func (c *postingCache) add(key string, list []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key) // the old list's postings leave the count
	c.lru.Add(key, list)
	c.held += len(list)
	for c.held > c.max && c.lru.Len() > 1 {
		c.lru.RemoveOldest()
	}
}

func (c *postingCache) remove(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key)
}

// postingOps are a batch's changes to one posting list: record → true when
// added, false when removed.
type postingOps map[string]bool

// notePosting records a batch's change to a posting list.
func (b *batch) notePosting(key, record string, added bool) {
	ops := b.postings[key]
	if ops == nil {
		ops = postingOps{}
		b.postings[key] = ops
	}
	ops[record] = added
	delete(b.merged, key)
}

// applyOps returns list (sorted) with ops applied, as a new sorted slice.
func applyOps(list []string, ops postingOps) []string {
	var adds []string
	removals := false
	for rec, added := range ops {
		if added {
			adds = append(adds, rec)
		} else {
			removals = true
		}
	}
	slices.Sort(adds)
	// One merge of two sorted lists; a record added that is already
	// listed appears once.
	out := make([]string, 0, len(list)+len(adds))
	i := 0
	for _, rec := range list {
		for i < len(adds) && adds[i] < rec {
			out = append(out, adds[i])
			i++
		}
		if i < len(adds) && adds[i] == rec {
			i++
		}
		if removals {
			if added, ok := ops[rec]; ok && !added {
				continue
			}
		}
		out = append(out, rec)
	}
	return append(out, adds[i:]...)
}

// eachOf calls fn for the first limit records of list and returns how
// many it called it for.
func eachOf(list []string, limit int, fn func(record string)) int {
	n := min(limit, len(list))
	for _, rec := range list[:n] {
		fn(rec)
	}
	return n
}

// hasRemovals says whether ops removes any record.
func (ops postingOps) hasRemovals() bool {
	for _, added := range ops {
		if !added {
			return true
		}
	}
	return false
}

// commitPostings folds a committed batch's posting changes into the cached
// lists (copies: readers may hold the old slices). Called under cacheMu.
func (r *Resolver) commitPostings(b *batch) {
	for key, ops := range b.postings {
		list, ok := r.postings.peek(key)
		if !ok {
			continue
		}
		if next := applyOps(list, ops); len(next) <= r.opt.PostingCap {
			r.postings.add(key, next)
		} else {
			r.postings.remove(key)
		}
	}
}

// eachPosting calls fn for the first limit records of an index key's
// posting list, in key order, as the transaction sees it, and returns how
// many it visited.
func (r *Resolver) eachPosting(txn *store.Txn, b *batch, key string, limit int, gen uint64, fn func(record string)) (int, error) {
	var ops postingOps
	if b != nil {
		ops = b.postings[key]
		if merged, ok := b.merged[key]; ok && len(ops) > 0 {
			return eachOf(merged, limit, fn), nil
		}
	}
	list, ok := r.postings.get(key)
	if !ok {
		// Read the committed list (one past PostingCap, to know whether it
		// is complete) and keep it when it is.
		prefix := []byte(store.PrefixIndex + key + "\x00")
		err := txn.IterateCommitted(prefix, store.IterOptions{KeysOnly: true, Limit: r.opt.PostingCap + 1}, func(k []byte, _ func() ([]byte, error)) error {
			list = append(list, string(k[len(prefix):]))
			return nil
		})
		if err != nil {
			return 0, err
		}
		if len(list) <= r.opt.PostingCap {
			r.cacheMu.Lock()
			if b != nil || r.gen == gen {
				r.postings.add(key, list)
			}
			r.cacheMu.Unlock()
		}
	}
	if len(ops) > 0 && len(list)+len(ops) > limit {
		// The limit may cut the list: merge in order first, once per
		// batch and change.
		list = applyOps(list, ops)
		if b.merged != nil {
			b.merged[key] = list
		}
		return eachOf(list, limit, fn), nil
	}
	n := 0
	removals := ops.hasRemovals()
	for _, rec := range list {
		if n == limit {
			return n, nil
		}
		if removals {
			if added, changed := ops[rec]; changed && !added {
				continue
			}
		}
		fn(rec)
		n++
	}
	// Everything fits: the batch's additions, in any order.
	for rec, added := range ops {
		if _, found := slices.BinarySearch(list, rec); added && !found {
			fn(rec)
			n++
		}
	}
	return n, nil
}
