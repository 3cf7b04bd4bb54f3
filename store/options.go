package store

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Options configure a store. Start from DefaultOptions and change what you
// need; Open validates them.
type Options struct {
	// Dir is the data folder. Required unless InMemory.
	Dir string
	// InMemory keeps everything in memory (tests of code that does not need
	// durability, and the demo when asked). Default false.
	InMemory bool
	// EncryptionKey turns on Badger's AES encryption at rest when non-empty.
	// It must be 16, 24 or 32 bytes (AES-128/192/256). Default none.
	EncryptionKey []byte
	// EncryptionKeyRotation is how often Badger rotates the data keys that
	// the master key protects. Default 10 days (Badger's own default).
	EncryptionKeyRotation time.Duration
	// SyncWrites makes every commit durable (fsync) before it returns, so a
	// record reported as stored survives a crash of the machine, not only of
	// the process. Default true.
	SyncWrites bool
	// ReadOnly opens the store without taking the write lock (audit verify,
	// export). Default false.
	ReadOnly bool
	// BlockCacheSize and IndexCacheSize bound Badger's caches in bytes.
	// Defaults 256 MiB and 128 MiB.
	BlockCacheSize int64
	IndexCacheSize int64
	// Compactors is how many of Badger's compactions run at once, 2 or
	// more. Each builds its tables in memory, so they set how far memory
	// bursts while a large store compacts. Default (and 0) 4, Badger's.
	Compactors int
	// MemTableSize is Badger's memtable size in bytes; a write batch may be
	// at most about a tenth of it. Default 64 MiB.
	MemTableSize int64
	// Logger receives Badger's own logs and the store's, tagged
	// component=store. Default: discard.
	Logger *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

// defaultCompactors is Badger's own number of compactors.
const defaultCompactors = 4

// DefaultOptions returns the documented defaults for a store in dir.
func DefaultOptions(dir string) Options {
	return Options{
		Dir:                   dir,
		EncryptionKeyRotation: 10 * 24 * time.Hour,
		SyncWrites:            true,
		BlockCacheSize:        256 << 20,
		IndexCacheSize:        128 << 20,
		MemTableSize:          64 << 20,
		Compactors:            defaultCompactors,
	}
}

func (o *Options) validate() error {
	var errs []error
	if o.Dir == "" && !o.InMemory {
		errs = append(errs, errors.New("data folder is empty"))
	}
	switch len(o.EncryptionKey) {
	case 0, 16, 24, 32:
	default:
		errs = append(errs, fmt.Errorf("encryption key is %d bytes, want 16, 24 or 32", len(o.EncryptionKey)))
	}
	if o.Compactors == 0 {
		o.Compactors = defaultCompactors
	}
	if o.Compactors < 2 {
		errs = append(errs, fmt.Errorf("%d compactors: want 2 or more", o.Compactors))
	}
	if o.MemTableSize < 1<<20 {
		errs = append(errs, fmt.Errorf("memtable size %d is below 1 MiB", o.MemTableSize))
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.EncryptionKeyRotation <= 0 {
		o.EncryptionKeyRotation = 10 * 24 * time.Hour
	}
	return errors.Join(errs...)
}
