package resolve

import (
	"slices"
	"sort"
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

// plist is a sorted posting list packed into one string and the ends of
// its records: two allocations the collector need not look inside, where a
// []string of the same records held one pointer per record (the cache holds
// millions of postings, and marking them cost every lookup and every
// resolved record a share of its time).
type plist struct {
	buf  string
	ends []uint32 // ends[i] is where record i ends in buf
}

// listBuilder packs records appended in order.
type listBuilder struct {
	buf  []byte
	ends []uint32
}

func (b *listBuilder) grow(bytes, records int) {
	b.buf = slices.Grow(b.buf, bytes)
	b.ends = slices.Grow(b.ends, records)
}

func (b *listBuilder) add(rec string) {
	b.buf = append(b.buf, rec...)
	b.ends = append(b.ends, uint32(len(b.buf)))
}

func (b *listBuilder) addBytes(rec []byte) {
	b.buf = append(b.buf, rec...)
	b.ends = append(b.ends, uint32(len(b.buf)))
}

func (b *listBuilder) list() plist {
	return plist{buf: string(b.buf), ends: slices.Clip(b.ends)}
}

func (l plist) len() int { return len(l.ends) }

// at returns record i; a substring of the list, not a copy.
func (l plist) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.buf[start:l.ends[i]]
}

// contains says whether the sorted list holds rec.
func (l plist) contains(rec string) bool {
	i := sort.Search(l.len(), func(i int) bool { return l.at(i) >= rec })
	return i < l.len() && l.at(i) == rec
}

// postingCache holds posting lists, bounded both in lists and in the
// postings they hold together (a list may hold up to PostingCap records, so
// a bound on lists alone would not bound memory).
type postingCache struct {
	mu        sync.Mutex
	lru       *simplelru.LRU[string, plist]
	held, max int
}

func newPostingCache(lists, postings int) (*postingCache, error) {
	c := &postingCache{max: postings}
	l, err := simplelru.NewLRU(lists, func(_ string, v plist) { c.held -= v.len() })
	if err != nil {
		return nil, err
	}
	c.lru = l
	return c, nil
}

func (c *postingCache) get(key string) (plist, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

func (c *postingCache) peek(key string) (plist, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Peek(key)
}

func (c *postingCache) add(key string, list plist) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key) // the old list's postings leave the count
	c.lru.Add(key, list)
	c.held += list.len()
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

// applyOps returns list (sorted) with ops applied, as a new sorted list.
func applyOps(list plist, ops postingOps) plist {
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
	var out listBuilder
	extra := 0
	for _, rec := range adds {
		extra += len(rec)
	}
	out.grow(len(list.buf)+extra, list.len()+len(adds))
	i := 0
	for j := range list.len() {
		rec := list.at(j)
		for i < len(adds) && adds[i] < rec {
			out.add(adds[i])
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
		out.add(rec)
	}
	for _, rec := range adds[i:] {
		out.add(rec)
	}
	return out.list()
}

// eachOf calls fn for the first limit records of list and returns how
// many it called it for.
func eachOf(list plist, limit int, fn func(record string)) int {
	n := min(limit, list.len())
	for i := range n {
		fn(list.at(i))
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
		if next := applyOps(list, ops); next.len() <= r.opt.PostingCap {
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
		var lb listBuilder
		err := txn.IterateCommitted(prefix, store.IterOptions{KeysOnly: true, Limit: r.opt.PostingCap + 1}, func(k []byte, _ func() ([]byte, error)) error {
			lb.addBytes(k[len(prefix):])
			return nil
		})
		if err != nil {
			return 0, err
		}
		list = lb.list()
		if list.len() <= r.opt.PostingCap {
			r.cacheMu.Lock()
			if b != nil || r.gen == gen {
				r.postings.add(key, list)
			}
			r.cacheMu.Unlock()
		}
	}
	if len(ops) > 0 && list.len()+len(ops) > limit {
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
	for i := range list.len() {
		rec := list.at(i)
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
		if added && !list.contains(rec) {
			fn(rec)
			n++
		}
	}
	return n, nil
}
