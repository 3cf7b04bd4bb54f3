// Package store is vigie's system of record: an embedded Badger v4 database
// holding every record as ingested (with its versions), a change feed ordered
// by ingest sequence number, and a small key-value API on which the other
// store packages (resolve, graph, audit, …) keep their own data.
//
// Nothing above store imports Badger: Badger errors become the sentinels
// below, and Badger's logs go to the slog.Logger given in Options.
package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Errors returned by the store.
var (
	// ErrNotFound is returned when a key or record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrKeyMismatch is returned by Open when the data folder is encrypted
	// with another key, or encrypted and no key was given.
	ErrKeyMismatch = errors.New("data folder is encrypted with a different key, or no key was given")
	// ErrLocked is returned by Open when another process holds the store.
	ErrLocked = errors.New("data folder is in use by another vigie process")
	// ErrStop may be returned from an iteration callback to end it early
	// without error.
	ErrStop = errors.New("stop iteration")
	// ErrClosed is returned after Close.
	ErrClosed = errors.New("store is closed")
	// ErrTooBig is returned when one write is larger than a transaction may be.
	ErrTooBig = errors.New("write too large for one transaction")
)

// DB is an open store. It is safe for concurrent use.
type DB struct {
	bdb  *badger.DB
	opts Options
	log  *slog.Logger

	// writeMu serialises record writes so that sequence numbers are
	// committed in order: a feed consumer that has seen seq N never later
	// finds a smaller one appear.
	writeMu sync.Mutex
	lastSeq uint64

	notifyMu sync.Mutex
	notify   chan struct{} // closed and replaced on every committed write batch

	closeOnce sync.Once
	closed    chan struct{}
}

// Open opens (or creates) the store described by opts. It returns
// ErrKeyMismatch when the encryption key is wrong or missing and ErrLocked
// when another process has the folder open.
func Open(opts Options) (*DB, error) {
	if err := opts.validate(); err != nil {
		return nil, fmt.Errorf("store options: %w", err)
	}
	log := opts.Logger.With("component", "store")
	bo := badger.DefaultOptions(opts.Dir).
		WithInMemory(opts.InMemory).
		WithSyncWrites(opts.SyncWrites).
		WithReadOnly(opts.ReadOnly).
		WithBlockCacheSize(opts.BlockCacheSize).
		WithIndexCacheSize(opts.IndexCacheSize).
		WithMemTableSize(opts.MemTableSize).
		WithNumCompactors(opts.Compactors).
		WithLogger(badgerLogger{log}).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(true)
	if opts.InMemory {
		bo = bo.WithDir("").WithValueDir("")
	}
	if len(opts.EncryptionKey) > 0 {
		bo = bo.WithEncryptionKey(opts.EncryptionKey).
			WithEncryptionKeyRotationDuration(opts.EncryptionKeyRotation)
	}
	bdb, err := badger.Open(bo)
	if err != nil {
		return nil, fmt.Errorf("open store %q: %w", opts.Dir, translateOpen(err))
	}
	db := &DB{bdb: bdb, opts: opts, log: log, notify: make(chan struct{}), closed: make(chan struct{})}
	if err := db.loadSeq(); err != nil {
		_ = bdb.Close()
		return nil, fmt.Errorf("open store %q: %w", opts.Dir, err)
	}
	return db, nil
}

func translateOpen(err error) error {
	switch {
	case errors.Is(err, badger.ErrEncryptionKeyMismatch):
		return ErrKeyMismatch
	case bytes.Contains([]byte(err.Error()), []byte("Encryption key mismatch")),
		bytes.Contains([]byte(err.Error()), []byte("encryption key")):
		return fmt.Errorf("%w (%v)", ErrKeyMismatch, err)
	case bytes.Contains([]byte(err.Error()), []byte("Cannot acquire directory lock")):
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return err
}

// Close flushes and closes the store. It is safe to call more than once.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() {
		close(db.closed)
		err = db.bdb.Close()
	})
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Encrypted reports whether data at rest is encrypted.
func (db *DB) Encrypted() bool { return len(db.opts.EncryptionKey) > 0 }

// Now returns the store's clock.
func (db *DB) Now() time.Time { return db.opts.Now() }

// Logger returns the store's logger.
func (db *DB) Logger() *slog.Logger { return db.log }

// RunGC runs Badger's value-log garbage collection every interval until ctx
// ends. It returns nil when ctx is done.
func (db *DB) RunGC(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-db.closed:
			return nil
		case <-t.C:
			for db.bdb.RunValueLogGC(0.5) == nil {
				if ctx.Err() != nil {
					return nil
				}
			}
		}
	}
}

// Size returns the bytes the store occupies on disk (LSM tree + value log).
func (db *DB) Size() int64 {
	lsm, vlog := db.bdb.Size()
	return lsm + vlog
}

// badgerLogger adapts slog to Badger's logger interface. Badger's Info and
// Debug chatter goes to Debug.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any)   { b.l.Error(trim(fmt.Sprintf(f, a...))) }
func (b badgerLogger) Warningf(f string, a ...any) { b.l.Warn(trim(fmt.Sprintf(f, a...))) }
func (b badgerLogger) Infof(f string, a ...any)    { b.l.Debug(trim(fmt.Sprintf(f, a...))) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.l.Debug(trim(fmt.Sprintf(f, a...))) }

func trim(s string) string { return string(bytes.TrimSpace([]byte(s))) }
