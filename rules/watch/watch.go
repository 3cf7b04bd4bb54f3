package watch

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/resolve"
)

// Keys kept by this package, all under store.PrefixWatch and
// store.PrefixOutbox. rk is "source\x00id".
const (
	pWatch    = store.PrefixWatch + "w/"  // w/<id> → Watch (JSON)
	pBySubj   = store.PrefixWatch + "s/"  // s/<subject>\x00<id> → nothing: active subject watches
	pByKey    = store.PrefixWatch + "q/"  // q/<index key>\x00<id> → nothing: active query watches
	pDepth    = store.PrefixWatch + "d/"  // d/<depth:1><id> → nothing: active watches with a neighbourhood
	pExpiry   = store.PrefixWatch + "e/"  // e/<unix:8><id> → nothing: active watches by end of term
	pSilence  = store.PrefixWatch + "n/"  // n/<id>\x00<rk> → Silence: "not the same person"
	pHistory  = store.PrefixWatch + "h/"  // h/<id>\x00<unix nano:8> → Event
	kCounter  = store.PrefixWatch + "c"   // watch id counter
	pAlert    = store.PrefixOutbox + "a/" // a/<alert id> → Alert (JSON)
	pQueue    = store.PrefixOutbox + "q/" // q/<due unix nano:8><alert id> → nothing: to deliver
	pList     = store.PrefixOutbox + "l/" // l/<created unix nano:8><alert id> → nothing: every alert, by time
	pThread   = store.PrefixOutbox + "t/" // t/<channel>\x00<subject> → Thread (JSON)
	pByWatchA = store.PrefixOutbox + "w/" // w/<watch id>\x00<alert id> → nothing
)

// Kinds of watch.
const (
	KindSubject = "subject"
	KindQuery   = "query"
)

// Watch is a standing request to be told about new data on a subject, or on
// anyone matching a query, in a channel.
type Watch struct {
	ID string `json:"id"`
	// Kind is KindSubject or KindQuery.
	Kind string `json:"kind"`
	// Subject is the watched subject id (KindSubject), as given: merges are
	// followed at match time.
	Subject string `json:"subject,omitempty"`
	// Query is the query text as typed (KindQuery) and Parsed what
	// resolve.ParseQuery made of it.
	Query  string         `json:"query,omitempty"`
	Parsed *resolve.Query `json:"parsed,omitempty"`
	// Keys are the query's index keys (resolve.QueryKeys).
	Keys []string `json:"keys,omitempty"`
	// Channel receives the alerts.
	Channel   string `json:"channel"`
	Case      string `json:"case,omitempty"`
	Requester string `json:"requester"`
	// Depth > 0 also fires on subjects linked within Depth hops, and on new
	// links to the watched subject.
	Depth    int           `json:"depth,omitempty"`
	Term     time.Duration `json:"term"`
	Created  time.Time     `json:"created"`
	Expires  time.Time     `json:"expires"`
	Reminded bool          `json:"reminded,omitempty"`
	// FromSeq is the feed position when the watch was added: it fires on
	// record versions after it, so a replay of the feed from the start
	// gives the same alerts as the first pass.
	FromSeq uint64 `json:"fromSeq"`
	// State is "active", "expired" or "removed".
	State     string    `json:"state"`
	Ended     time.Time `json:"ended,omitzero"`
	EndedBy   string    `json:"endedBy,omitempty"`
	Renewals  int       `json:"renewals,omitempty"`
	Severity  string    `json:"severity,omitempty"`
	Threshold float64   `json:"threshold,omitempty"`
}

// Watch states.
const (
	StateActive  = "active"
	StateExpired = "expired"
	StateRemoved = "removed"
)

// ActiveAt reports whether w matches records at t: active and within term.
func (w *Watch) ActiveAt(t time.Time) bool {
	return w.State == StateActive && t.Before(w.Expires)
}

// Event is one entry of a watch's history (added, renewed, removed,
// expired, reminded), also handed to the auditor.
type Event struct {
	Watch   string    `json:"watch"`
	Action  string    `json:"action"` // watch.add, watch.renew, watch.remove, watch.expire, watch.remind
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	Channel string    `json:"channel"`
	Case    string    `json:"case,omitempty"`
	Subject string    `json:"subject,omitempty"`
	Query   string    `json:"query,omitempty"`
	Detail  string    `json:"detail,omitempty"`
}

// Errors returned by the watch API.
var (
	ErrInvalid  = errors.New("invalid watch")
	ErrNotFound = errors.New("no such watch")
	ErrEnded    = errors.New("the watch has ended")
	ErrNoAlert  = errors.New("no such alert")
)

// subjects is what the watcher needs from entity resolution;
// *resolve.Resolver satisfies it.
type subjects interface {
	SubjectOf(txn *store.Txn, k store.Key) (string, error)
	PersonOf(txn *store.Txn, k store.Key) (match.Person, []string, error)
	// Records returns the records of a subject, following merges.
	Records(txn *store.Txn, subject string) ([]store.Key, error)
}

// auditor records watch events; an adapter over store/audit satisfies it.
type auditor interface {
	Audit(ctx context.Context, e Event) error
}

// Neighbours returns the subjects linked to subject within depth hops
// (store/graph, wired by the caller).
type Neighbours func(txn *store.Txn, subject string, depth int) ([]string, error)

// Silenced reports whether a human judged that record is not the person
// watch is about (besides the watcher's own silence list).
type Silenced func(txn *store.Txn, w *Watch, record store.Key) (bool, error)

// Options configure a Watcher. Start from DefaultOptions.
type Options struct {
	// Term is the default term of a watch. Default 30 days.
	Term time.Duration
	// MaxTerm bounds a requested term. Default 365 days.
	MaxTerm time.Duration
	// RemindBefore is how long before the end of term the channel is
	// reminded, once. Default 48 h.
	RemindBefore time.Duration
	// Threshold is the least score for a query watch to fire. Default
	// match.DefaultOptions().Threshold (0.70).
	Threshold float64
	// MaxDepth bounds a watch's neighbourhood depth. Default 3.
	MaxDepth int
	// GroupWait is how long Pending holds a new group of alerts so that a
	// burst becomes one message. Default 300 ms.
	GroupWait time.Duration
	// GroupInterval is the least time between two deliveries to the same
	// (channel, subject) thread. Default 2 s.
	GroupInterval time.Duration
	// SendLease is how long an alert marked sending is held back from
	// Pending; after it (a crashed or stuck delivery) it is due again.
	// Default 30 s.
	SendLease time.Duration
	// Severity of a watch hit when the watch sets none. Default "high".
	Severity string
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// Neighbours, when set, makes Depth work (store/graph).
	Neighbours Neighbours
	// Silenced, when set, is consulted besides the silence list.
	Silenced Silenced
	// Rules, when set, raises rule alerts at ingest.
	Rules ruleEvaluator
	// Auditor, when set, is told of every watch event.
	Auditor auditor
	// Observe, when set, is called after a transaction that wrote alerts
	// commits (metrics, benchmarks).
	Observe func(alerts []Alert)
	// Logger; default discard.
	Logger *slog.Logger
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		Term: 30 * 24 * time.Hour, MaxTerm: 365 * 24 * time.Hour, RemindBefore: 48 * time.Hour,
		Threshold: match.DefaultOptions().Threshold, MaxDepth: 3,
		GroupWait: 300 * time.Millisecond, GroupInterval: 2 * time.Second, SendLease: 30 * time.Second, Severity: "high",
	}
}

func (o *Options) validate() error {
	var errs []error
	if o.Term <= 0 || o.MaxTerm < o.Term {
		errs = append(errs, fmt.Errorf("term %v / max term %v: want 0 < term ≤ max term", o.Term, o.MaxTerm))
	}
	if o.Threshold <= 0 || o.Threshold > 1 {
		errs = append(errs, fmt.Errorf("threshold %v: want (0, 1]", o.Threshold))
	}
	if o.MaxDepth < 0 || o.MaxDepth > 6 {
		errs = append(errs, fmt.Errorf("max depth %d: want 0..6", o.MaxDepth))
	}
	if o.GroupWait < 0 || o.GroupInterval < 0 || o.RemindBefore < 0 {
		errs = append(errs, errors.New("group wait, group interval and remind-before must not be negative"))
	}
	if o.SendLease <= 0 {
		errs = append(errs, errors.New("send lease must be positive"))
	}
	if o.Severity == "" {
		o.Severity = "high"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return errors.Join(errs...)
}

// Watcher keeps watches, matches changes against them as a pipeline stage,
// and keeps the alert outbox. It is safe for concurrent use; Apply must be
// called by one feed consumer at a time.
type Watcher struct {
	db   *store.DB
	subj subjects
	opt  Options
	log  *slog.Logger

	// persons caches what matching needs of a query watch by id; a watch
	// never changes what it matches, so an entry never goes stale.
	persons sync.Map // string → compiled

	notifyMu sync.Mutex
	notify   chan struct{}
}

// New returns a watcher over db, resolving records through subj
// (*resolve.Resolver). It returns an error for invalid options.
func New(db *store.DB, subj subjects, opt Options) (*Watcher, error) {
	if err := opt.validate(); err != nil {
		return nil, fmt.Errorf("watch options: %w", err)
	}
	return &Watcher{db: db, subj: subj, opt: opt, log: opt.Logger.With("component", "watch"), notify: make(chan struct{})}, nil
}

// subjectID matches a subject id as resolve hands them out.
var subjectID = regexp.MustCompile(`^S-[0-9]{1,18}$`)

// maxTarget bounds a watch target's text.
const maxTarget = resolve.MaxQueryLen

// ParseTarget turns what an officer typed after "watch" into a watch
// target: a subject id like "S-123" gives a subject watch, anything else is
// parsed as a query by resolve.ParseQuery. It returns an error wrapping
// ErrInvalid for empty, overlong or unsearchable text.
func ParseTarget(text string) (Watch, error) {
	text = strings.TrimSpace(text)
	if len(text) > maxTarget {
		return Watch{}, fmt.Errorf("%w: target longer than %d bytes", ErrInvalid, maxTarget)
	}
	if subjectID.MatchString(strings.ToUpper(text)) {
		return Watch{Kind: KindSubject, Subject: strings.ToUpper(text)}, nil
	}
	q, err := resolve.ParseQuery(text)
	if err != nil {
		return Watch{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	keys := resolve.QueryKeys(q)
	if len(keys) == 0 {
		return Watch{}, fmt.Errorf("%w: the query %q has nothing to match records by", ErrInvalid, text)
	}
	return Watch{Kind: KindQuery, Query: text, Parsed: &q, Keys: keys}, nil
}

// ParseTerm parses a watch term: Go durations ("72h") and whole days or
// weeks ("30d", "2w"). It returns an error for anything else or a term that
// is not positive.
func ParseTerm(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, ok := strings.CutSuffix(s, "d"); ok {
		return days(n, 1, s)
	}
	if n, ok := strings.CutSuffix(s, "w"); ok {
		return days(n, 7, s)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("term %q: want e.g. 30d, 2w or 72h", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("term %q: must be positive", s)
	}
	return d, nil
}

func days(n string, mult int, s string) (time.Duration, error) {
	v, err := strconv.Atoi(n)
	if err != nil || v <= 0 || v > 3650/mult {
		return 0, fmt.Errorf("term %q: want a whole number of days or weeks up to ten years", s)
	}
	return time.Duration(v*mult) * 24 * time.Hour, nil
}

// Add registers a watch. w carries either a target from ParseTarget (Kind
// set) or the raw target text in Query with Kind empty, plus Channel,
// Requester, and optionally Case, Term (0: the default), Depth and
// Severity. A subject watch must name a known subject. Add returns the
// stored watch, or an error wrapping ErrInvalid.
func (wr *Watcher) Add(ctx context.Context, w Watch) (Watch, error) {
	if err := ctx.Err(); err != nil {
		return Watch{}, err
	}
	if w.Kind == "" {
		t, err := ParseTarget(w.Query)
		if err != nil {
			return Watch{}, err
		}
		w.Kind, w.Subject, w.Query, w.Parsed, w.Keys = t.Kind, t.Subject, t.Query, t.Parsed, t.Keys
	}
	switch {
	case strings.TrimSpace(w.Channel) == "":
		return Watch{}, fmt.Errorf("%w: a channel is required", ErrInvalid)
	case strings.TrimSpace(w.Requester) == "":
		return Watch{}, fmt.Errorf("%w: a requester is required", ErrInvalid)
	case w.Depth < 0 || w.Depth > wr.opt.MaxDepth:
		return Watch{}, fmt.Errorf("%w: depth %d, want 0..%d", ErrInvalid, w.Depth, wr.opt.MaxDepth)
	case w.Term < 0 || w.Term > wr.opt.MaxTerm:
		return Watch{}, fmt.Errorf("%w: term %v, want up to %v", ErrInvalid, w.Term, wr.opt.MaxTerm)
	case w.Kind == KindSubject && !subjectID.MatchString(w.Subject):
		return Watch{}, fmt.Errorf("%w: %q is not a subject id", ErrInvalid, w.Subject)
	case w.Kind == KindQuery && (w.Parsed == nil || len(w.Keys) == 0):
		return Watch{}, fmt.Errorf("%w: query watch without a parsed query", ErrInvalid)
	case w.Kind != KindSubject && w.Kind != KindQuery:
		return Watch{}, fmt.Errorf("%w: kind %q", ErrInvalid, w.Kind)
	}
	if w.Term == 0 {
		w.Term = wr.opt.Term
	}
	now := wr.opt.Now().UTC()
	w.Created, w.Expires, w.State = now, now.Add(w.Term), StateActive
	w.Reminded, w.Renewals, w.Ended, w.EndedBy = false, 0, time.Time{}, ""
	w.FromSeq = wr.db.LastSeq()
	if w.Parsed != nil && w.Case == "" {
		w.Case = w.Parsed.Case
	}
	err := wr.db.Update(func(txn *store.Txn) error {
		if w.Kind == KindSubject {
			recs, err := wr.subj.Records(txn, w.Subject)
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				return fmt.Errorf("%w: unknown subject %s", ErrInvalid, w.Subject)
			}
		}
		id, err := nextID(txn)
		if err != nil {
			return err
		}
		w.ID = id
		if err := putWatch(txn, &w); err != nil {
			return err
		}
		if err := index(txn, &w, true); err != nil {
			return err
		}
		return history(txn, wr.event(&w, "watch.add", w.Requester, now, ""))
	})
	if err != nil {
		return Watch{}, fmt.Errorf("add watch: %w", err)
	}
	wr.audit(ctx, wr.event(&w, "watch.add", w.Requester, now, ""))
	return w, nil
}

func nextID(txn *store.Txn) (string, error) {
	raw, err := txn.Get([]byte(kCounter))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	var n uint64
	if len(raw) == 8 {
		n = binary.BigEndian.Uint64(raw)
	}
	n++
	if err := txn.Set([]byte(kCounter), binary.BigEndian.AppendUint64(nil, n)); err != nil {
		return "", err
	}
	return "W-" + strconv.FormatUint(n, 10), nil
}

func putWatch(txn *store.Txn, w *Watch) error {
	raw, err := json.Marshal(w)
	if err != nil {
		return err
	}
	return txn.Set([]byte(pWatch+w.ID), raw)
}

func getWatch(txn *store.Txn, id string) (Watch, error) {
	raw, err := txn.Get([]byte(pWatch + id))
	if errors.Is(err, store.ErrNotFound) {
		return Watch{}, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Watch{}, err
	}
	var w Watch
	if err := json.Unmarshal(raw, &w); err != nil {
		return Watch{}, fmt.Errorf("decode watch %s: %w", id, err)
	}
	return w, nil
}

// index adds (on) or removes the match and expiry indexes of an active
// watch. Match index entries carry the watch's end of term and feed
// position (entryValue), so matching skips ended and too-young watches
// without decoding them.
func index(txn *store.Txn, w *Watch, on bool) error {
	var match, other [][]byte
	switch w.Kind {
	case KindSubject:
		match = append(match, []byte(pBySubj+w.Subject+"\x00"+w.ID))
	case KindQuery:
		for _, k := range w.Keys {
			match = append(match, []byte(pByKey+k+"\x00"+w.ID))
		}
	}
	if w.Depth > 0 {
		other = append(other, append([]byte(pDepth), append([]byte{byte(w.Depth)}, w.ID...)...))
	}
	other = append(other, expiryKey(w))
	val := entryValue(w)
	for i, k := range append(match, other...) {
		var err error
		switch {
		case !on:
			err = txn.Delete(k)
		case i < len(match):
			err = txn.Set(k, val)
		default:
			err = txn.Set(k, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// entryValue is the value of a match index entry: end of term (unix
// nanoseconds) and FromSeq, 8 bytes each.
func entryValue(w *Watch) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(w.Expires.UnixNano()))
	return binary.BigEndian.AppendUint64(b, w.FromSeq)
}

// liveEntry reports whether a match index entry's watch can fire on a
// record version with seq at now. An entry of another shape is treated as
// live, so the full check on the watch decides.
func liveEntry(v []byte, now time.Time, seq uint64) bool {
	if len(v) != 16 {
		return true
	}
	return now.UnixNano() < int64(binary.BigEndian.Uint64(v)) && seq > binary.BigEndian.Uint64(v[8:])
}

func expiryKey(w *Watch) []byte {
	b := binary.BigEndian.AppendUint64([]byte(pExpiry), uint64(w.Expires.Unix()))
	return append(b, w.ID...)
}

func history(txn *store.Txn, e Event) error {
	raw, err := json.Marshal(e)
	if err != nil {
		return err
	}
	// Events keep their order even when the clock repeats or steps back:
	// the key is the later of the event time and just after the last one.
	prefix := []byte(pHistory + e.Watch + "\x00")
	at := uint64(e.At.UnixNano())
	err = txn.Iterate(prefix, store.IterOptions{KeysOnly: true, Reverse: true, Limit: 1}, func(k []byte, _ func() ([]byte, error)) error {
		if len(k) == len(prefix)+8 {
			at = max(at, binary.BigEndian.Uint64(k[len(prefix):])+1)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return txn.Set(binary.BigEndian.AppendUint64(prefix, at), raw)
}

func (wr *Watcher) event(w *Watch, action, by string, at time.Time, detail string) Event {
	return Event{Watch: w.ID, Action: action, By: by, At: at, Channel: w.Channel, Case: w.Case, Subject: w.Subject, Query: w.Query, Detail: detail}
}

// audit hands an event to the auditor; the event is already in the watch
// history, so a failing audit trail is logged, not fatal to the change.
func (wr *Watcher) audit(ctx context.Context, e Event) {
	if wr.opt.Auditor == nil {
		return
	}
	if err := wr.opt.Auditor.Audit(ctx, e); err != nil {
		wr.log.Error("audit watch event", "watch", e.Watch, "action", e.Action, "err", err)
	}
}

// Filter narrows List. Zero fields match everything.
type Filter struct {
	Channel string
	// All includes ended (expired, removed) watches.
	All bool
}

// List returns watches in id order, active ones only unless f.All.
func (wr *Watcher) List(ctx context.Context, f Filter) ([]Watch, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Watch
	err := wr.db.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(pWatch), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			var w Watch
			if err := json.Unmarshal(raw, &w); err != nil {
				return fmt.Errorf("decode watch: %w", err)
			}
			if (f.Channel == "" || f.Channel == w.Channel) && (f.All || w.State == StateActive) {
				out = append(out, w)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list watches: %w", err)
	}
	sortWatches(out)
	return out, nil
}

func sortWatches(ws []Watch) {
	num := func(id string) uint64 { n, _ := strconv.ParseUint(strings.TrimPrefix(id, "W-"), 10, 64); return n }
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && num(ws[j].ID) < num(ws[j-1].ID); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// Get returns one watch, or an error wrapping ErrNotFound.
func (wr *Watcher) Get(ctx context.Context, id string) (Watch, error) {
	var w Watch
	err := wr.db.View(func(txn *store.Txn) error {
		var err error
		w, err = getWatch(txn, id)
		return err
	})
	return w, err
}

// History returns a watch's events, oldest first.
func (wr *Watcher) History(ctx context.Context, id string) ([]Event, error) {
	var out []Event
	err := wr.db.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(pHistory+id+"\x00"), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			var e Event
			if err := json.Unmarshal(raw, &e); err != nil {
				return fmt.Errorf("decode watch event: %w", err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// Remove ends a watch at once; it stops matching and is kept in the
// history. It returns an error wrapping ErrNotFound or ErrEnded.
func (wr *Watcher) Remove(ctx context.Context, id, by string) error {
	return wr.end(ctx, id, by, StateRemoved, "watch.remove")
}

func (wr *Watcher) end(ctx context.Context, id, by, state, action string) error {
	now := wr.opt.Now().UTC()
	var ev Event
	err := wr.db.Update(func(txn *store.Txn) error {
		w, err := getWatch(txn, id)
		if err != nil {
			return err
		}
		if w.State != StateActive {
			return fmt.Errorf("%s is %s: %w", id, w.State, ErrEnded)
		}
		if err := index(txn, &w, false); err != nil {
			return err
		}
		w.State, w.Ended, w.EndedBy = state, now, by
		if err := putWatch(txn, &w); err != nil {
			return err
		}
		ev = wr.event(&w, action, by, now, "")
		return history(txn, ev)
	})
	if err != nil {
		return fmt.Errorf("%s watch %s: %w", strings.TrimPrefix(action, "watch."), id, err)
	}
	wr.audit(ctx, ev)
	return nil
}

// Renew extends an active watch to term from now (0: the default term) and
// re-arms its reminder. It returns the renewed watch, or an error wrapping
// ErrNotFound, ErrEnded or ErrInvalid.
func (wr *Watcher) Renew(ctx context.Context, id string, term time.Duration, by string) (Watch, error) {
	if term == 0 {
		term = wr.opt.Term
	}
	if term < 0 || term > wr.opt.MaxTerm {
		return Watch{}, fmt.Errorf("renew watch %s: %w: term %v, want up to %v", id, ErrInvalid, term, wr.opt.MaxTerm)
	}
	now := wr.opt.Now().UTC()
	var w Watch
	var ev Event
	err := wr.db.Update(func(txn *store.Txn) error {
		var err error
		if w, err = getWatch(txn, id); err != nil {
			return err
		}
		if !w.ActiveAt(now) {
			return fmt.Errorf("%s is %s: %w", id, w.State, ErrEnded)
		}
		if err := txn.Delete(expiryKey(&w)); err != nil {
			return err
		}
		old := w.Expires
		w.Expires, w.Term, w.Reminded = now.Add(term), term, false
		w.Renewals++
		if err := index(txn, &w, true); err != nil {
			return err
		}
		if err := putWatch(txn, &w); err != nil {
			return err
		}
		ev = wr.event(&w, "watch.renew", by, now, fmt.Sprintf("term ended %s, now ends %s", old.Format(time.RFC3339), w.Expires.Format(time.RFC3339)))
		return history(txn, ev)
	})
	if err != nil {
		return Watch{}, fmt.Errorf("renew watch %s: %w", id, err)
	}
	wr.audit(ctx, ev)
	return w, nil
}

// Silence records that record is not the person watch w is about ("not
// the same person"): w never fires on it again. It returns an error
// wrapping ErrNotFound for an unknown watch.
func (wr *Watcher) Silence(ctx context.Context, id string, record store.Key, by string) error {
	now := wr.opt.Now().UTC()
	var ev Event
	err := wr.db.Update(func(txn *store.Txn) error {
		w, err := getWatch(txn, id)
		if err != nil {
			return err
		}
		raw, _ := json.Marshal(Event{Watch: id, Action: "watch.silence", By: by, At: now, Detail: record.String()})
		if err := txn.Set([]byte(pSilence+id+"\x00"+record.Source+"\x00"+record.ID), raw); err != nil {
			return err
		}
		ev = wr.event(&w, "watch.silence", by, now, "not the same person: "+record.String())
		return history(txn, ev)
	})
	if err != nil {
		return fmt.Errorf("silence watch %s for %s: %w", id, record, err)
	}
	wr.audit(ctx, ev)
	return nil
}

func (wr *Watcher) silenced(txn *store.Txn, w *Watch, k store.Key) (bool, error) {
	ok, err := txn.Has([]byte(pSilence + w.ID + "\x00" + k.Source + "\x00" + k.ID))
	if err != nil || ok || wr.opt.Silenced == nil {
		return ok, err
	}
	return wr.opt.Silenced(txn, w, k)
}
