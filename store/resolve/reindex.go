package resolve

import (
	"context"
	"fmt"
	"slices"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
)

// reindexChunk is how many records one Reindex transaction checks.
const reindexChunk = 500

// Reindex recomputes the index keys of every resolved record from its
// stored features with the name readings of this version, and rewrites
// those that differ — postings, counts and features — in transactions of
// reindexChunk records. It places no record again: subjects stay as they
// are. A store indexed by an earlier version lacks keys its lookups now
// ask for (a reading added since) until its records change; this gives
// them at once, and marks the store with IndexVersion. progress, when set,
// is called after each chunk.
func (r *Resolver) Reindex(ctx context.Context, progress func(checked, rewritten int)) (checked, rewritten int, err error) {
	var from []byte
	for {
		if err := ctx.Err(); err != nil {
			return checked, rewritten, err
		}
		var keys []string
		err := r.db.View(func(txn *store.Txn) error {
			return txn.Iterate([]byte(pFeatures), store.IterOptions{KeysOnly: true, From: from, Limit: reindexChunk}, func(k []byte, _ func() ([]byte, error)) error {
				keys = append(keys, string(k[len(pFeatures):]))
				return nil
			})
		})
		if err != nil {
			return checked, rewritten, fmt.Errorf("list records to reindex: %w", err)
		}
		if len(keys) == 0 {
			return checked, rewritten, r.setIndexVersion()
		}
		n := 0
		err = r.db.Update(func(txn *store.Txn) error {
			n = 0 // the transaction may be run again
			b := r.newBatch(txn)
			for _, key := range keys {
				changed, err := r.reindexOne(txn, b, key)
				if err != nil {
					return fmt.Errorf("reindex %s: %w", parseRK(key), err)
				}
				if changed {
					n++
				}
			}
			return r.flushCounts(txn, b)
		})
		if err != nil {
			return checked, rewritten, err
		}
		checked += len(keys)
		rewritten += n
		if progress != nil {
			progress(checked, rewritten)
		}
		if len(keys) < reindexChunk {
			return checked, rewritten, r.setIndexVersion()
		}
		from = []byte(pFeatures + keys[len(keys)-1] + "\x00") // the next key after the last
	}
}

// reindexOne rewrites one record's keys when this version computes others
// from its stored features, and reports whether it did.
func (r *Resolver) reindexOne(txn *store.Txn, b *batch, key string) (bool, error) {
	raw, err := txn.Get([]byte(pFeatures + key))
	if err != nil {
		return false, err
	}
	f, err := decodeFeatures(raw)
	if err != nil {
		return false, err
	}
	keys := indexKeys(match.Prepare(match.FromProperties(f.Schema, f.Props)))
	var drop, add []string
	for _, k := range f.Keys {
		if !slices.Contains(keys, k) {
			drop = append(drop, k)
		}
	}
	for _, k := range keys {
		if !slices.Contains(f.Keys, k) {
			add = append(add, k)
		}
	}
	if len(drop) == 0 && len(add) == 0 {
		return false, nil
	}
	if err := r.removeKeys(txn, b, key, drop); err != nil {
		return false, err
	}
	if err := r.addKeys(txn, b, key, add); err != nil {
		return false, err
	}
	f.Keys = keys
	if err := txn.Set([]byte(pFeatures+key), encodeFeatures(f)); err != nil {
		return false, err
	}
	b.entries[key] = nil // the cached entry holds the old keys: read it again
	return true, nil
}

// setIndexVersion marks the store as indexed with IndexVersion.
func (r *Resolver) setIndexVersion() error {
	return r.db.Update(writeIndexVersion)
}
