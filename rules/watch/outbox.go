package watch

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/vigie/vigie/store"
)

// Alert kinds.
const (
	AlertWatch    = "watch"
	AlertRule     = "rule"
	AlertReminder = "reminder"
	AlertLink     = "link"
)

// Alert states.
const (
	StateNew          = "new"
	StateSending      = "sending"
	StateDelivered    = "delivered"
	StateAcknowledged = "acknowledged"
	StateSnoozed      = "snoozed"
	StateEscalated    = "escalated"
	StateResolved     = "resolved"
)

// RecordRef names one version of a record.
type RecordRef struct {
	Source  string `json:"source"`
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// Alert is one entry of the outbox; its JSON shape is a contract (see the
// package documentation).
type Alert struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Watch    string    `json:"watch,omitempty"`
	Rule     string    `json:"rule,omitempty"`
	Channel  string    `json:"channel"`
	Subject  string    `json:"subject,omitempty"`
	Record   RecordRef `json:"record,omitzero"`
	Schema   string    `json:"schema,omitempty"`
	Case     string    `json:"case,omitempty"`
	Severity string    `json:"severity"`
	Evidence []string  `json:"evidence,omitempty"`
	Message  string    `json:"message,omitempty"`
	State    string    `json:"state"`
	Created  time.Time `json:"created"`
	// Due is when the alert is next to be delivered (creation, or the end
	// of a snooze).
	Due          time.Time `json:"due,omitzero"`
	Attempts     int       `json:"attempts,omitempty"`
	Delivered    time.Time `json:"delivered,omitzero"`
	AckedBy      string    `json:"acked_by,omitempty"`
	Acked        time.Time `json:"acked,omitzero"`
	SnoozedUntil time.Time `json:"snoozed_until,omitzero"`
	SnoozedBy    string    `json:"snoozed_by,omitempty"`
	EscalatedBy  string    `json:"escalated_by,omitempty"`
	EscalatedTo  string    `json:"escalated_to,omitempty"`
	ResolvedBy   string    `json:"resolved_by,omitempty"`
	Post         string    `json:"post,omitempty"`
	Root         string    `json:"root,omitempty"`
}

// Thread is the delivery state of one (channel, subject) thread.
type Thread struct {
	Root string    `json:"root,omitempty"`
	Last time.Time `json:"last,omitzero"`
}

// AlertID is the deterministic id of an alert: the first 16 bytes of
// sha256 over the parts, hex. The same watch (or rule × channel) and record
// version always give the same id, so a retry or a re-ingest never makes
// two alerts.
func AlertID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func timeKey(prefix string, t time.Time, id string) []byte {
	b := binary.BigEndian.AppendUint64([]byte(prefix), uint64(t.UnixNano()))
	return append(b, id...)
}

func putAlert(txn *store.Txn, a *Alert) error {
	raw, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return txn.Set([]byte(pAlert+a.ID), raw)
}

func getAlert(txn *store.Txn, id string) (Alert, error) {
	raw, err := txn.Get([]byte(pAlert + id))
	if errors.Is(err, store.ErrNotFound) {
		return Alert{}, fmt.Errorf("%s: %w", id, ErrNoAlert)
	}
	if err != nil {
		return Alert{}, err
	}
	var a Alert
	if err := json.Unmarshal(raw, &a); err != nil {
		return Alert{}, fmt.Errorf("decode alert %s: %w", id, err)
	}
	return a, nil
}

// emit writes a new alert in txn unless one with its id exists, and reports
// whether it wrote one. The caller's transaction is the one that commits
// the cause (the record's pipeline batch), so alert and cause are atomic.
func (wr *Watcher) emit(txn *store.Txn, a *Alert, written *[]Alert) error {
	ok, err := txn.Has([]byte(pAlert + a.ID))
	if err != nil || ok {
		return err
	}
	a.State, a.Due = StateNew, a.Created
	if err := putAlert(txn, a); err != nil {
		return err
	}
	if err := txn.Set(timeKey(pQueue, a.Due, a.ID), nil); err != nil {
		return err
	}
	if err := txn.Set(timeKey(pList, a.Created, a.ID), nil); err != nil {
		return err
	}
	if a.Watch != "" {
		if err := txn.Set([]byte(pByWatchA+a.Watch+"\x00"+a.ID), nil); err != nil {
			return err
		}
	}
	*written = append(*written, *a)
	return nil
}

// committed registers the wake-up and observer for alerts written in txn.
func (wr *Watcher) committed(txn *store.Txn, written []Alert) {
	if len(written) == 0 {
		return
	}
	txn.OnCommit(func() {
		wr.wake()
		if wr.opt.Observe != nil {
			wr.opt.Observe(written)
		}
	})
}

// Wait returns a channel that is closed when the next alert commits; the
// delivery loop waits on it (taken before calling Pending, so nothing is
// missed) together with a timer of Options.GroupWait.
func (wr *Watcher) Wait() <-chan struct{} {
	wr.notifyMu.Lock()
	defer wr.notifyMu.Unlock()
	return wr.notify
}

func (wr *Watcher) wake() {
	wr.notifyMu.Lock()
	close(wr.notify)
	wr.notify = make(chan struct{})
	wr.notifyMu.Unlock()
}

// AlertFilter narrows Alerts. Zero fields match everything.
type AlertFilter struct {
	Channel string
	Subject string
	Watch   string
	State   string
	// Limit bounds the answer (newest first); default 100.
	Limit int
}

// Alerts returns alerts newest first.
func (wr *Watcher) Alerts(ctx context.Context, f AlertFilter) ([]Alert, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	var out []Alert
	err := wr.db.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(pList), store.IterOptions{KeysOnly: true, Reverse: true}, func(k []byte, _ func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			a, err := getAlert(txn, string(k[len(pList)+8:]))
			if err != nil {
				return err
			}
			if (f.Channel == "" || f.Channel == a.Channel) && (f.Subject == "" || f.Subject == a.Subject) &&
				(f.Watch == "" || f.Watch == a.Watch) && (f.State == "" || f.State == a.State) {
				out = append(out, a)
			}
			if len(out) >= f.Limit {
				return store.ErrStop
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	return out, nil
}

// Alert returns one alert, or an error wrapping ErrNoAlert.
func (wr *Watcher) Alert(ctx context.Context, id string) (Alert, error) {
	var a Alert
	err := wr.db.View(func(txn *store.Txn) error {
		var err error
		a, err = getAlert(txn, id)
		return err
	})
	return a, err
}

// Group is the alerts of one (channel, subject) thread ready to deliver
// together: one message, replying to Root when the thread has one.
type Group struct {
	Channel string  `json:"channel"`
	Subject string  `json:"subject"`
	Root    string  `json:"root,omitempty"`
	Alerts  []Alert `json:"alerts"`
}

// maxPendingScan bounds the queue entries one Pending call reads.
const maxPendingScan = 20_000

// Pending returns up to limit groups of alerts that are due: an alert is
// due once it has waited Options.GroupWait (so a burst coalesces into one
// group) and its thread has had no delivery for Options.GroupInterval.
// Alerts a crashed delivery left in state sending are due again: delivery
// is at least once, once their send lease is over. Groups come oldest first; the second result is when
// the next not-yet-due alert falls due (zero if none), for the loop's timer;
// when limit groups come back, more may be due: call again.
func (wr *Watcher) Pending(ctx context.Context, limit int) ([]Group, time.Time, error) {
	if limit <= 0 {
		limit = 50
	}
	now := wr.opt.Now()
	ready := now.Add(-wr.opt.GroupWait)
	var groups []*Group
	byKey := map[string]*Group{}
	held := map[string]bool{}
	var next time.Time
	later := func(t time.Time) {
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	err := wr.db.View(func(txn *store.Txn) error {
		n := 0
		return txn.Iterate([]byte(pQueue), store.IterOptions{KeysOnly: true}, func(k []byte, _ func() ([]byte, error)) error {
			if n++; n > maxPendingScan {
				return store.ErrStop
			}
			due := time.Unix(0, int64(binary.BigEndian.Uint64(k[len(pQueue):])))
			if due.After(ready) {
				later(due.Add(wr.opt.GroupWait))
				return store.ErrStop
			}
			a, err := getAlert(txn, string(k[len(pQueue)+8:]))
			if err != nil {
				return err
			}
			tk := threadKey(a.Channel, groupSubject(&a))
			if held[tk] {
				return nil
			}
			g := byKey[tk]
			if g == nil {
				th, err := getThread(txn, a.Channel, groupSubject(&a))
				if err != nil {
					return err
				}
				if !th.Last.IsZero() && now.Sub(th.Last) < wr.opt.GroupInterval {
					held[tk] = true
					later(th.Last.Add(wr.opt.GroupInterval))
					return nil
				}
				if len(groups) >= limit {
					return nil
				}
				g = &Group{Channel: a.Channel, Subject: groupSubject(&a), Root: th.Root}
				byKey[tk] = g
				groups = append(groups, g)
			}
			g.Alerts = append(g.Alerts, a)
			return nil
		})
	})
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("pending alerts: %w", err)
	}
	out := make([]Group, len(groups))
	for i, g := range groups {
		out[i] = *g
	}
	return out, next, nil
}

// groupSubject is the thread an alert belongs to: its subject, or for a
// record without one, the record itself.
func groupSubject(a *Alert) string {
	if a.Subject != "" {
		return a.Subject
	}
	if a.Record.ID != "" {
		return "record:" + a.Record.Source + "/" + a.Record.ID
	}
	if a.Watch != "" {
		return "watch:" + a.Watch
	}
	return "rule:" + a.Rule
}

func threadKey(channel, subject string) string { return pThread + channel + "\x00" + subject }

func getThread(txn *store.Txn, channel, subject string) (Thread, error) {
	raw, err := txn.Get([]byte(threadKey(channel, subject)))
	if errors.Is(err, store.ErrNotFound) {
		return Thread{}, nil
	}
	if err != nil {
		return Thread{}, err
	}
	var th Thread
	if err := json.Unmarshal(raw, &th); err != nil {
		return Thread{}, fmt.Errorf("decode thread: %w", err)
	}
	return th, nil
}

func putThread(txn *store.Txn, channel, subject string, th Thread) error {
	raw, err := json.Marshal(th)
	if err != nil {
		return err
	}
	return txn.Set([]byte(threadKey(channel, subject)), raw)
}

// ThreadRoot returns the root post id of the (channel, subject) thread, ""
// when none was posted yet.
func (wr *Watcher) ThreadRoot(ctx context.Context, channel, subject string) (string, error) {
	var th Thread
	err := wr.db.View(func(txn *store.Txn) error {
		var err error
		th, err = getThread(txn, channel, subject)
		return err
	})
	return th.Root, err
}

// SetThreadRoot records the root post id of the (channel, subject) thread.
func (wr *Watcher) SetThreadRoot(ctx context.Context, channel, subject, root string) error {
	return wr.db.Update(func(txn *store.Txn) error {
		th, err := getThread(txn, channel, subject)
		if err != nil {
			return err
		}
		th.Root = root
		return putThread(txn, channel, subject, th)
	})
}

// update loads an alert, lets fn change it, and stores it with its queue
// entry moved as its due time and state require.
func (wr *Watcher) update(ctx context.Context, id, what string, fn func(txn *store.Txn, a *Alert) error) (Alert, error) {
	if err := ctx.Err(); err != nil {
		return Alert{}, err
	}
	var a Alert
	err := wr.db.Update(func(txn *store.Txn) error {
		var err error
		if a, err = getAlert(txn, id); err != nil {
			return err
		}
		oldQueue := queued(&a)
		oldDue := a.Due
		if err := fn(txn, &a); err != nil {
			return err
		}
		if oldQueue {
			if err := txn.Delete(timeKey(pQueue, oldDue, a.ID)); err != nil {
				return err
			}
		}
		if queued(&a) {
			if err := txn.Set(timeKey(pQueue, a.Due, a.ID), nil); err != nil {
				return err
			}
			txn.OnCommit(wr.wake)
		}
		return putAlert(txn, &a)
	})
	if err != nil {
		return Alert{}, fmt.Errorf("%s alert %s: %w", what, id, err)
	}
	return a, nil
}

// queued reports whether an alert is waiting for delivery.
func queued(a *Alert) bool {
	return a.State == StateNew || a.State == StateSending || a.State == StateSnoozed
}

// MarkSending records a delivery attempt (before posting) and holds the
// alert back from Pending for Options.SendLease, so a slow post is not
// fetched twice while a crash between posting and MarkDelivered makes it
// due again (Attempts > 0 tells the bot to look for its own post first).
func (wr *Watcher) MarkSending(ctx context.Context, id string) (Alert, error) {
	now := wr.opt.Now().UTC()
	return wr.update(ctx, id, "mark sending", func(_ *store.Txn, a *Alert) error {
		if a.State != StateNew && a.State != StateSending && a.State != StateSnoozed {
			return fmt.Errorf("alert is %s, not waiting for delivery", a.State)
		}
		a.State = StateSending
		a.Due = now.Add(wr.opt.SendLease)
		a.Attempts++
		return nil
	})
}

// MarkDelivered records that the alert was posted as postID in the thread
// rooted at rootID (rootID == postID for the first post of a thread; the
// thread root is then recorded too). Marking a delivered alert again is a
// no-op, so a retried acknowledgement is harmless.
func (wr *Watcher) MarkDelivered(ctx context.Context, id, postID, rootID string) (Alert, error) {
	now := wr.opt.Now().UTC()
	return wr.update(ctx, id, "mark delivered", func(txn *store.Txn, a *Alert) error {
		if !queued(a) {
			return nil
		}
		a.State, a.Delivered, a.Post, a.Root = StateDelivered, now, postID, rootID
		subj := groupSubject(a)
		th, err := getThread(txn, a.Channel, subj)
		if err != nil {
			return err
		}
		if th.Root == "" {
			th.Root = rootID
		}
		th.Last = now
		return putThread(txn, a.Channel, subj, th)
	})
}

// Ack records that by acknowledged the alert.
func (wr *Watcher) Ack(ctx context.Context, id, by string) (Alert, error) {
	now := wr.opt.Now().UTC()
	return wr.update(ctx, id, "acknowledge", func(_ *store.Txn, a *Alert) error {
		a.State, a.AckedBy, a.Acked = StateAcknowledged, by, now
		return nil
	})
}

// Snooze hides the alert until until, when it is delivered again.
func (wr *Watcher) Snooze(ctx context.Context, id, by string, until time.Time) (Alert, error) {
	if !until.After(wr.opt.Now()) {
		return Alert{}, fmt.Errorf("snooze alert %s: the end of a snooze must be in the future", id)
	}
	return wr.update(ctx, id, "snooze", func(_ *store.Txn, a *Alert) error {
		a.State, a.SnoozedUntil, a.Due, a.SnoozedBy = StateSnoozed, until.UTC(), until.UTC(), by
		return nil
	})
}

// Escalate marks the alert escalated by by, to whom (a channel or a role).
func (wr *Watcher) Escalate(ctx context.Context, id, by, to string) (Alert, error) {
	return wr.update(ctx, id, "escalate", func(_ *store.Txn, a *Alert) error {
		a.State, a.EscalatedBy, a.EscalatedTo = StateEscalated, by, to
		return nil
	})
}

// Resolve closes the alert.
func (wr *Watcher) Resolve(ctx context.Context, id, by string) (Alert, error) {
	return wr.update(ctx, id, "resolve", func(_ *store.Txn, a *Alert) error {
		a.State, a.ResolvedBy = StateResolved, by
		return nil
	})
}
