package rules

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Reloader keeps the live rule set of a folder: it watches the folder,
// and on a change loads and checks everything first, then swaps the new
// immutable set in atomically. A failed load leaves the previous set
// running.
type Reloader struct {
	dir       string
	opt       Options
	debounce  time.Duration
	onError   func(error)
	onSuccess func(*Set)
	cur       atomic.Pointer[Set]
}

// ReloaderOptions tune a Reloader.
type ReloaderOptions struct {
	// Debounce is how long the folder must be quiet before a reload, so
	// an editor's burst of writes loads once. Default 250ms.
	Debounce time.Duration
	// OnError is told of every failed reload (the joined load problems);
	// the previous set stays live. Default: log it.
	OnError func(error)
	// OnSuccess is told of every set that went live.
	OnSuccess func(*Set)
}

// NewReloader loads dir once and returns a reloader serving that set. It
// returns Load's error if the first load fails: there is no previous set
// to keep.
func NewReloader(dir string, opt Options, ro ReloaderOptions) (*Reloader, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	if ro.Debounce <= 0 {
		ro.Debounce = 250 * time.Millisecond
	}
	if ro.OnError == nil {
		logger := opt.Logger
		ro.OnError = func(err error) { logger.Error("rules reload failed; keeping the previous set", "dir", dir, "err", err) }
	}
	if ro.OnSuccess == nil {
		ro.OnSuccess = func(*Set) {}
	}
	set, err := Load(dir, opt)
	if err != nil {
		return nil, err
	}
	r := &Reloader{dir: dir, opt: opt, debounce: ro.Debounce, onError: ro.OnError, onSuccess: ro.OnSuccess}
	r.cur.Store(set)
	return r, nil
}

// Set returns the live set. It never returns nil.
func (r *Reloader) Set() *Set { return r.cur.Load() }

// Reload loads the folder now; on success the new set goes live and
// OnSuccess is called, on failure OnError is called, the previous set
// stays and the error is returned.
func (r *Reloader) Reload() error {
	set, err := Load(r.dir, r.opt)
	if err != nil {
		r.onError(err)
		return err
	}
	r.cur.Store(set)
	r.onSuccess(set)
	return nil
}

// Run watches the folder until ctx ends, reloading after each quiet spell
// that follows a change. It returns nil when ctx ends, or an error if the
// watch cannot be set up or breaks.
func (r *Reloader) Run(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch rules folder %q: %w", r.dir, err)
	}
	defer w.Close()
	if err := w.Add(r.dir); err != nil {
		return fmt.Errorf("watch rules folder %q: %w", r.dir, err)
	}
	timer := time.NewTimer(r.debounce)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return fmt.Errorf("watch rules folder %q: watcher closed", r.dir)
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			timer.Reset(r.debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return fmt.Errorf("watch rules folder %q: watcher closed", r.dir)
			}
			r.onError(fmt.Errorf("watch rules folder %q: %w", r.dir, err))
		case <-timer.C:
			_ = r.Reload() // reported through OnError
		}
	}
}
