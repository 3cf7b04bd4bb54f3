package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
)

// Change is one entry of the change feed: a record was created or got a new
// version. Entries are ordered by Seq with no reordering: Put commits
// sequence numbers in order.
type Change struct {
	Seq     uint64 `json:"seq"`
	Key     Key    `json:"key"`
	Version int    `json:"version"`
	Created bool   `json:"created,omitempty"`
}

func seqBytes(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

func (db *DB) loadSeq() error {
	return db.View(func(txn *Txn) error {
		raw, err := txn.Get([]byte(PrefixMeta + "seq"))
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read sequence number: %w", err)
		}
		if len(raw) != 8 {
			return fmt.Errorf("sequence number is %d bytes, want 8", len(raw))
		}
		db.lastSeq = binary.BigEndian.Uint64(raw)
		return nil
	})
}

// LastSeq returns the sequence number of the latest committed change.
func (db *DB) LastSeq() uint64 {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.lastSeq
}

// ChangesAfter returns up to limit changes with Seq > after, in order.
func ChangesAfter(txn *Txn, after uint64, limit int) ([]Change, error) {
	var out []Change
	err := txn.Iterate([]byte(PrefixFeed), IterOptions{From: feedKey(after + 1), Limit: limit},
		func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			var c Change
			if err := json.Unmarshal(raw, &c); err != nil {
				return fmt.Errorf("decode change: %w", err)
			}
			out = append(out, c)
			return nil
		})
	return out, err
}

func cursorKey(name string) []byte { return []byte(PrefixCursor + name) }

// Cursor returns the last sequence number a consumer acknowledged (0 for a
// new consumer).
func (db *DB) Cursor(name string) (uint64, error) {
	var seq uint64
	err := db.View(func(txn *Txn) error {
		var err error
		seq, err = readCursor(txn, name)
		return err
	})
	return seq, err
}

func readCursor(txn *Txn, name string) (uint64, error) {
	raw, err := txn.Get(cursorKey(name))
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read cursor %q: %w", name, err)
	}
	if len(raw) != 8 {
		return 0, fmt.Errorf("cursor %q is %d bytes, want 8", name, len(raw))
	}
	return binary.BigEndian.Uint64(raw), nil
}

// ConsumeFunc handles a batch of changes inside the transaction that also
// advances the consumer's cursor: its writes and the acknowledgement commit
// together, so a crash replays the batch from the start and never half of it.
type ConsumeFunc func(txn *Txn, changes []Change) error

// ConsumeBatch hands the next batch (at most max changes after the
// consumer's cursor) to fn and advances the cursor in the same transaction.
// It returns the number of changes handled (0 when the feed is drained).
// When fn's writes do not fit one transaction, the batch is halved and tried
// again.
func (db *DB) ConsumeBatch(ctx context.Context, name string, max int, fn ConsumeFunc) (int, error) {
	if max <= 0 {
		max = 1
	}
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		n := 0
		err := db.Update(func(txn *Txn) error {
			after, err := readCursor(txn, name)
			if err != nil {
				return err
			}
			changes, err := ChangesAfter(txn, after, max)
			if err != nil || len(changes) == 0 {
				return err
			}
			if err := fn(txn, changes); err != nil {
				return err
			}
			n = len(changes)
			return txn.Set(cursorKey(name), seqBytes(changes[n-1].Seq))
		})
		if errors.Is(err, ErrTooBig) && max > 1 {
			max /= 2
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("consume feed as %q: %w", name, err)
		}
		return n, nil
	}
}

// Drain consumes until the feed is empty for this consumer and returns the
// number of changes handled.
func (db *DB) Drain(ctx context.Context, name string, max int, fn ConsumeFunc) (int, error) {
	total := 0
	for {
		n, err := db.ConsumeBatch(ctx, name, max, fn)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// Follow consumes the feed until ctx ends, waking at every commit. It
// returns nil when ctx is done and the first error of fn otherwise.
func (db *DB) Follow(ctx context.Context, name string, max int, fn ConsumeFunc) error {
	for {
		woken := db.Changed() // taken before draining so no commit is missed
		if _, err := db.Drain(ctx, name, max, fn); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-db.closed:
			return nil
		case <-woken:
		}
	}
}
