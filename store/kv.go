package store

import (
	"strings"

	"bytes"
	"errors"
	"fmt"
	"github.com/google/btree"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Txn is a read or read-write transaction over the store's keys. Packages
// inside store keep their data under their own key prefix (see keys.go).
// A Txn must not be used after the function it was handed to returns.
//
// In a read-write transaction, Txn keeps its own ordered copy of what it
// wrote and iterates a read snapshot of committed data merged with it:
// Badger sorts every pending write each time an iterator opens in a
// read-write transaction, which made a feed stage that writes thousands of
// index keys per batch and scans many small ranges quadratic.
type Txn struct {
	t        *badger.Txn
	bdb      *badger.DB
	snap     *badger.Txn                 // committed data, opened on first merged iteration
	pend     *btree.BTreeG[pendingWrite] // this transaction's writes, in key order
	onCommit []func()
	// records holds the records GetRecord decoded in this transaction, by
	// record key; a write under the record prefix drops its entry.
	records map[string]Record
}

type pendingWrite struct {
	key string
	val []byte
	del bool
}

func lessPending(a, b pendingWrite) bool { return a.key < b.key }

func (t *Txn) remember(key, val []byte, del bool) {
	if t.records != nil && bytes.HasPrefix(key, []byte(PrefixRecord)) {
		delete(t.records, string(key))
	}
	if t.bdb == nil {
		return
	}
	if t.pend == nil {
		t.pend = btree.NewG(16, lessPending)
	}
	t.pend.ReplaceOrInsert(pendingWrite{key: string(key), val: bytes.Clone(val), del: del})
}

// committed returns a read-only snapshot of what is committed, opened on
// first use and discarded with the transaction.
func (t *Txn) committed() *badger.Txn {
	if t.bdb == nil {
		return t.t
	}
	if t.snap == nil {
		t.snap = t.bdb.NewTransaction(false)
	}
	return t.snap
}

func (t *Txn) discardSnapshot() {
	if t.snap != nil {
		t.snap.Discard()
		t.snap = nil
	}
}

// OnCommit registers f to run after the transaction commits successfully
// (never when it fails or is retried). Caches that mirror what a
// transaction wrote are updated there, so they never run ahead of the store.
func (t *Txn) OnCommit(f func()) { t.onCommit = append(t.onCommit, f) }

// View runs fn in a read-only snapshot.
func (db *DB) View(fn func(*Txn) error) error {
	select {
	case <-db.closed:
		return ErrClosed
	default:
	}
	return translate(db.bdb.View(func(t *badger.Txn) error { return fn(&Txn{t: t}) }))
}

// Update runs fn in a read-write transaction and commits it durably
// (Options.SyncWrites). A conflict with a concurrent writer is retried up to
// five times with fn called afresh, so fn must not have side effects outside
// the transaction.
func (db *DB) Update(fn func(*Txn) error) error {
	select {
	case <-db.closed:
		return ErrClosed
	default:
	}
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var txn *Txn
		err = db.bdb.Update(func(t *badger.Txn) error {
			txn = &Txn{t: t, bdb: db.bdb}
			defer txn.discardSnapshot()
			return fn(txn)
		})
		if err == nil {
			for _, f := range txn.onCommit {
				f()
			}
			return nil
		}
		if !errors.Is(err, badger.ErrConflict) {
			break
		}
	}
	return translate(err)
}

func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return ErrNotFound
	case errors.Is(err, badger.ErrTxnTooBig):
		return ErrTooBig
	case errors.Is(err, badger.ErrDBClosed):
		return ErrClosed
	}
	return err
}

// Get returns a copy of the value at key, or ErrNotFound.
func (t *Txn) Get(key []byte) ([]byte, error) {
	it, err := t.t.Get(key)
	if err != nil {
		return nil, translate(err)
	}
	v, err := it.ValueCopy(nil)
	if err != nil {
		return nil, fmt.Errorf("read value: %w", translate(err))
	}
	return v, nil
}

// Has reports whether key exists.
func (t *Txn) Has(key []byte) (bool, error) {
	_, err := t.t.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, translate(err)
}

// Set writes value at key. It returns ErrTooBig when the transaction is full:
// commit and continue in a new one.
func (t *Txn) Set(key, value []byte) error {
	if err := t.t.Set(key, value); err != nil {
		return translate(err)
	}
	t.remember(key, value, false)
	return nil
}

// SetTTL writes value at key; the key expires after ttl (retention).
func (t *Txn) SetTTL(key, value []byte, ttl time.Duration) error {
	if ttl <= 0 {
		return t.Set(key, value)
	}
	if err := t.t.SetEntry(badger.NewEntry(key, value).WithTTL(ttl)); err != nil {
		return translate(err)
	}
	t.remember(key, value, false)
	return nil
}

// Delete removes key.
func (t *Txn) Delete(key []byte) error {
	if err := t.t.Delete(key); err != nil {
		return translate(err)
	}
	t.remember(key, nil, true)
	return nil
}

// IterOptions shape an iteration.
type IterOptions struct {
	// KeysOnly skips reading values (index scans).
	KeysOnly bool
	// Reverse iterates from the largest key under the prefix down.
	Reverse bool
	// From starts at this key (inclusive) instead of the prefix's first
	// (or, with Reverse, last) key. It must start with the prefix.
	From []byte
	// Limit stops after this many keys when > 0.
	Limit int
}

// Iterate calls fn for each key under prefix in key order. The key and the
// value are valid only during the call; copy what you keep. Return ErrStop
// to end early.
func (t *Txn) Iterate(prefix []byte, o IterOptions, fn func(key []byte, value func() ([]byte, error)) error) error {
	bo := iterOptions(prefix, o)
	if t.pend != nil {
		return t.iterateMerged(prefix, o, bo, fn)
	}
	return iterate(t.t, prefix, o, bo, fn)
}

// IterateCommitted is Iterate over what is committed only, without this
// transaction's own writes: a cache of committed data fills from it while
// the transaction's changes wait for the commit.
func (t *Txn) IterateCommitted(prefix []byte, o IterOptions, fn func(key []byte, value func() ([]byte, error)) error) error {
	bo := iterOptions(prefix, o)
	return iterate(t.committed(), prefix, o, bo, fn)
}

func iterOptions(prefix []byte, o IterOptions) badger.IteratorOptions {
	bo := badger.DefaultIteratorOptions
	if !o.Reverse {
		// Badger's Prefix option also makes Valid() false off the prefix,
		// which would hide the key a reverse seek lands on past the range.
		bo.Prefix = prefix
	}
	bo.PrefetchValues = !o.KeysOnly
	bo.Reverse = o.Reverse
	if o.KeysOnly {
		bo.PrefetchSize = 0
	} else {
		bo.PrefetchSize = 32
	}
	return bo
}

func iterate(bt *badger.Txn, prefix []byte, o IterOptions, bo badger.IteratorOptions, fn func(key []byte, value func() ([]byte, error)) error) error {
	it := bt.NewIterator(bo)
	defer it.Close()
	start := prefix
	if o.From != nil {
		start = o.From
	} else if o.Reverse {
		start = prefixEnd(prefix)
	}
	n := 0
	it.Seek(start)
	if o.Reverse && o.From == nil && it.Valid() && !bytes.HasPrefix(it.Item().Key(), prefix) {
		// Seek landed on the first key past the range; step back into it.
		it.Next()
	}
	for ; it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		err := fn(item.Key(), func() ([]byte, error) {
			v, err := item.ValueCopy(nil)
			return v, translate(err)
		})
		if errors.Is(err, ErrStop) {
			return nil
		}
		if err != nil {
			return err
		}
		n++
		if o.Limit > 0 && n >= o.Limit {
			return nil
		}
	}
	return nil
}

// iterateMerged iterates the committed snapshot and this transaction's own
// writes as one ordered sequence; a pending write shadows the committed
// value of its key, a pending delete hides it.
func (t *Txn) iterateMerged(prefix []byte, o IterOptions, bo badger.IteratorOptions, fn func(key []byte, value func() ([]byte, error)) error) error {
	var pend []pendingWrite
	if !o.Reverse {
		start := prefix
		if o.From != nil {
			start = o.From
		}
		t.pend.AscendGreaterOrEqual(pendingWrite{key: string(start)}, func(p pendingWrite) bool {
			if !strings.HasPrefix(p.key, string(prefix)) {
				return false
			}
			pend = append(pend, p)
			return true
		})
	} else {
		end := prefixEnd(prefix)
		pivot := o.From
		if pivot == nil {
			pivot = end
		}
		collect := func(p pendingWrite) bool {
			if !strings.HasPrefix(p.key, string(prefix)) {
				return end != nil && p.key >= string(end) // past the range: go on down
			}
			pend = append(pend, p)
			return true
		}
		if pivot == nil {
			t.pend.Descend(collect)
		} else {
			t.pend.DescendLessOrEqual(pendingWrite{key: string(pivot)}, collect)
		}
	}
	it := t.committed().NewIterator(bo)
	defer it.Close()
	start := prefix
	if o.From != nil {
		start = o.From
	} else if o.Reverse {
		start = prefixEnd(prefix)
	}
	it.Seek(start)
	if o.Reverse && o.From == nil && it.Valid() && !bytes.HasPrefix(it.Item().Key(), prefix) {
		it.Next()
	}
	n, i := 0, 0
	for {
		cvalid := it.ValidForPrefix(prefix)
		if !cvalid && i >= len(pend) {
			return nil
		}
		var err error
		usePend := i < len(pend)
		if usePend && cvalid {
			c := strings.Compare(pend[i].key, string(it.Item().Key()))
			if o.Reverse {
				c = -c
			}
			switch {
			case c == 0:
				it.Next() // shadowed by the pending write
			case c > 0:
				usePend = false
			}
		}
		if usePend {
			p := pend[i]
			i++
			if p.del {
				continue
			}
			err = fn([]byte(p.key), func() ([]byte, error) { return bytes.Clone(p.val), nil })
		} else {
			item := it.Item()
			err = fn(item.Key(), func() ([]byte, error) {
				v, err := item.ValueCopy(nil)
				return v, translate(err)
			})
			it.Next()
		}
		if errors.Is(err, ErrStop) {
			return nil
		}
		if err != nil {
			return err
		}
		n++
		if o.Limit > 0 && n >= o.Limit {
			return nil
		}
	}
}

// CountPrefix counts keys under prefix, stopping at max (when > 0).
func (t *Txn) CountPrefix(prefix []byte, max int) (int, error) {
	n := 0
	err := t.Iterate(prefix, IterOptions{KeysOnly: true, Limit: max}, func([]byte, func() ([]byte, error)) error {
		n++
		return nil
	})
	return n, err
}

// prefixEnd returns the smallest key greater than every key with prefix p,
// used to seek the end of a range when iterating in reverse.
func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return append(end, 0xff)
}

// Changed returns a channel that is closed when the next change is committed
// to the feed.
// Feed consumers wait on it instead of polling.
func (db *DB) Changed() <-chan struct{} {
	db.notifyMu.Lock()
	defer db.notifyMu.Unlock()
	return db.notify
}

func (db *DB) wake() {
	db.notifyMu.Lock()
	close(db.notify)
	db.notify = make(chan struct{})
	db.notifyMu.Unlock()
}
