package watch

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/resolve"
)

// RefProps are the FtM entity-reference properties through which a record
// touches the subject of another record of the same source (a Passport's
// holder, an Event's involved persons, a Family's relative…).
var refProps = []string{
	"holder", "person", "relative", "associate", "member", "involved", "owner",
	"subject", "object", "entity", "organization", "asset", "participant",
	"director", "organizer", "driver", "passenger", "claimant", "respondent",
}

// Bounds on the work one record may cause, so a hostile or giant record
// cannot stall the pipeline. Each bound that bites is logged.
const (
	maxRefs          = 64   // referenced records followed per record
	maxKeyPostings   = 2000 // query watches read per index key
	maxQueryCands    = 5000 // query watches scored per person record
	maxNeighbours    = 5000 // neighbours looked at per subject
	maxWatchesPerHit = 5000 // watches read per subject id
)

// RuleHit is a rule that fired on a record, as the rule engine reports it.
type RuleHit struct {
	Rule     string
	Severity string
	Flag     string
	// Route lists where the alert goes; "channel:NAME" is a channel.
	Route   []string
	Message string
	// Key, for a hit without a record (a deadline rule), makes the alert
	// id unique per firing (e.g. the deadline).
	Key string
}

// ruleEvaluator evaluates record rules; the rules engine satisfies it
// through a small adapter the caller writes.
type ruleEvaluator interface {
	EvalRecord(ctx context.Context, rec store.Record, subject string) []RuleHit
}

// batchState caches what one pipeline batch has read.
type batchState struct {
	now      time.Time
	watches  map[string]*Watch // nil value: not found
	maxDepth int
	written  []Alert
}

func (wr *Watcher) watchIn(txn *store.Txn, b *batchState, id string) (*Watch, error) {
	if w, ok := b.watches[id]; ok {
		return w, nil
	}
	w, err := getWatch(txn, id)
	if errors.Is(err, ErrNotFound) {
		// An index entry without its watch would be a bug; log it rather
		// than failing every batch after it.
		wr.log.Error("watch index names a missing watch", "watch", id)
		b.watches[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	b.watches[id] = &w
	return &w, nil
}

// Apply is the pipeline stage: every change is matched against the active
// watches through their indexes, and record rules are evaluated; each hit
// becomes an alert in the outbox, written in txn — the transaction that
// also advances the feed cursor — so a crash replays the batch and the
// deterministic alert ids make the replay write nothing twice. It must
// run after the resolve stage in the same transaction.
func (wr *Watcher) Apply(txn *store.Txn, changes []store.Change) error {
	b := &batchState{now: wr.opt.Now(), watches: map[string]*Watch{}, maxDepth: -1}
	// The stage interface carries no context; rule evaluation is bounded
	// by the rule engine itself.
	ctx := context.Background()
	for _, c := range changes {
		rec, err := store.GetRecord(txn, c.Key)
		if errors.Is(err, store.ErrNotFound) {
			continue // expired since (retention): nothing left to alert on
		}
		if err != nil {
			return err
		}
		if rec.Seq != c.Seq {
			continue // a newer version is further down the feed
		}
		if err := wr.matchRecord(txn, b, &rec); err != nil {
			return fmt.Errorf("watch %s: %w", rec.Key(), err)
		}
		if wr.opt.Rules != nil {
			subj, err := wr.subj.SubjectOf(txn, rec.Key())
			if err != nil {
				return fmt.Errorf("rules %s: %w", rec.Key(), err)
			}
			for _, h := range wr.opt.Rules.EvalRecord(ctx, rec, subj) {
				ref := RecordRef{Source: rec.Source, ID: rec.ID, Version: rec.Version}
				if err := wr.ruleAlerts(txn, h, subj, ref, rec.Schema, b.now, &b.written); err != nil {
					return fmt.Errorf("rule %s on %s: %w", h.Rule, rec.Key(), err)
				}
			}
		}
	}
	wr.committed(txn, b.written)
	return nil
}

// touched is a record through which the changed record concerns a subject.
type touched struct {
	key  store.Key
	via  string // "" for the record itself, else the reference property
	subj string
}

func (wr *Watcher) matchRecord(txn *store.Txn, b *batchState, rec *store.Record) error {
	self := rec.Key()
	list := []touched{{key: self}}
	seen := map[store.Key]bool{self: true}
	for _, p := range refProps {
		for _, v := range rec.Properties[p] {
			k := store.Key{Source: rec.Source, ID: v}
			if v == "" || seen[k] {
				continue
			}
			if len(list) > maxRefs {
				wr.log.Warn("record references too many records; the rest are not matched", "record", self.String(), "max", maxRefs)
				break
			}
			seen[k] = true
			list = append(list, touched{key: k, via: p})
		}
	}
	fired := map[string]bool{} // watch ids that already have an alert for this record
	for i := range list {
		t := &list[i]
		s, err := wr.subj.SubjectOf(txn, t.key)
		if err != nil {
			return err
		}
		t.subj = s
		if s != "" {
			if err := wr.subjectHits(txn, b, rec, t, fired); err != nil {
				return err
			}
		}
		if err := wr.queryHits(txn, b, rec, t, fired); err != nil {
			return err
		}
	}
	return nil
}

// idsOf returns a subject id and the ids merged into it, so a watch on an
// old id still fires.
func idsOf(txn *store.Txn, subject string) ([]string, error) {
	canon, err := resolve.Canonical(txn, subject)
	if err != nil {
		return nil, err
	}
	al, err := resolve.Aliases(txn, canon)
	if err != nil {
		return nil, err
	}
	return append([]string{canon}, al...), nil
}

// watchesOn calls fn with the watches on subject that can fire on a
// record version with seq at now.
func (wr *Watcher) watchesOn(txn *store.Txn, subject string, now time.Time, seq uint64, fn func(id string) error) error {
	prefix := []byte(pBySubj + subject + "\x00")
	return txn.Iterate(prefix, store.IterOptions{Limit: maxWatchesPerHit}, func(k []byte, val func() ([]byte, error)) error {
		v, err := val()
		if err != nil {
			return err
		}
		if !liveEntry(v, now, seq) {
			return nil
		}
		return fn(string(k[len(prefix):]))
	})
}

func (wr *Watcher) subjectHits(txn *store.Txn, b *batchState, rec *store.Record, t *touched, fired map[string]bool) error {
	ids, err := idsOf(txn, t.subj)
	if err != nil {
		return err
	}
	how := "record of " + t.subj
	if t.via != "" {
		how = fmt.Sprintf("%s %s of %s", rec.Schema, t.via, t.subj)
	}
	for _, id := range ids {
		err := wr.watchesOn(txn, id, b.now, rec.Seq, func(wid string) error {
			ev := []string{how}
			if id != t.subj {
				ev = append(ev, "watched as "+id+", merged into "+t.subj)
			}
			return wr.hit(txn, b, rec, t, wid, ev, fired)
		})
		if err != nil {
			return err
		}
	}
	return wr.neighbourHits(txn, b, rec, t, fired)
}

// maxDepthOf returns the largest depth of any active watch (0 if none),
// read once per batch.
func (wr *Watcher) maxDepthOf(txn *store.Txn, b *batchState) (int, error) {
	if b.maxDepth >= 0 {
		return b.maxDepth, nil
	}
	b.maxDepth = 0
	err := txn.Iterate([]byte(pDepth), store.IterOptions{KeysOnly: true, Reverse: true, Limit: 1}, func(k []byte, _ func() ([]byte, error)) error {
		b.maxDepth = int(k[len(pDepth)])
		return nil
	})
	return b.maxDepth, err
}

func (wr *Watcher) neighbourHits(txn *store.Txn, b *batchState, rec *store.Record, t *touched, fired map[string]bool) error {
	if wr.opt.Neighbours == nil {
		return nil
	}
	maxD, err := wr.maxDepthOf(txn, b)
	if err != nil || maxD == 0 {
		return err
	}
	seen := map[string]bool{t.subj: true}
	for d := 1; d <= maxD; d++ {
		ns, err := wr.opt.Neighbours(txn, t.subj, d)
		if err != nil {
			return fmt.Errorf("neighbours of %s: %w", t.subj, err)
		}
		if len(ns) > maxNeighbours {
			wr.log.Warn("subject has too many neighbours; the rest are not matched", "subject", t.subj, "max", maxNeighbours)
			ns = ns[:maxNeighbours]
		}
		for _, n := range ns {
			if seen[n] {
				continue
			}
			seen[n] = true
			ids, err := idsOf(txn, n)
			if err != nil {
				return err
			}
			for _, id := range ids {
				err := wr.watchesOn(txn, id, b.now, rec.Seq, func(wid string) error {
					w, err := wr.watchIn(txn, b, wid)
					if err != nil || w == nil || w.Depth < d {
						return err
					}
					ev := []string{fmt.Sprintf("%s is linked to watched %s (%d hop%s)", t.subj, id, d, plural(d))}
					return wr.hit(txn, b, rec, t, wid, ev, fired)
				})
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (wr *Watcher) queryHits(txn *store.Txn, b *batchState, rec *store.Record, t *touched, fired map[string]bool) error {
	p, keys, err := wr.subj.PersonOf(txn, t.key)
	if errors.Is(err, store.ErrNotFound) {
		return nil // not a person-like record, or not resolved
	}
	if err != nil {
		return err
	}
	cands := map[string]bool{}
	var order []string
	for _, k := range keys {
		prefix := []byte(pByKey + k + "\x00")
		err := txn.Iterate(prefix, store.IterOptions{Limit: maxKeyPostings}, func(key []byte, val func() ([]byte, error)) error {
			v, err := val()
			if err != nil {
				return err
			}
			id := string(key[len(prefix):])
			if !cands[id] && len(order) < maxQueryCands && liveEntry(v, b.now, rec.Seq) {
				cands[id] = true
				order = append(order, id)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(order) == 0 {
		return nil
	}
	p = match.Prepare(p)
	for _, id := range order {
		if fired[id] {
			continue
		}
		q, err := wr.queryOf(txn, b, id)
		if err != nil {
			return err
		}
		if q.person == nil {
			continue
		}
		res := match.Compare(*q.person, p, match.Options{Threshold: q.threshold})
		if !res.Match {
			continue
		}
		ev := append([]string{fmt.Sprintf("matches query %q: score %.2f", q.text, res.Score)}, res.Evidence...)
		if t.via != "" {
			ev[0] = fmt.Sprintf("%s %s %s", rec.Schema, t.via, ev[0])
		}
		if err := wr.hit(txn, b, rec, t, id, ev, fired); err != nil {
			return err
		}
	}
	return nil
}

// compiled is what matching needs of a query watch; it never changes
// for a watch id, so it is cached for the watcher's life.
type compiled struct {
	person    *match.Person // nil: not a query watch
	threshold float64
	text      string
}

func (wr *Watcher) queryOf(txn *store.Txn, b *batchState, id string) (compiled, error) {
	if c, ok := wr.persons.Load(id); ok {
		return c.(compiled), nil
	}
	w, err := wr.watchIn(txn, b, id)
	if err != nil || w == nil {
		return compiled{}, err // a missing watch is not cached: it may be committing
	}
	c := compiled{threshold: wr.opt.Threshold, text: w.Query}
	if w.Threshold > 0 {
		c.threshold = w.Threshold
	}
	if w.Kind == KindQuery && w.Parsed != nil {
		p := match.Prepare(resolve.QueryPerson(*w.Parsed))
		c.person = &p
	}
	wr.persons.Store(id, c)
	return c, nil
}

// hit turns a match of watch wid on rec (through t) into an alert, unless
// the watch is not active at batch time, the record was judged not the
// person, or the watch already has one for this record version.
func (wr *Watcher) hit(txn *store.Txn, b *batchState, rec *store.Record, t *touched, wid string, evidence []string, fired map[string]bool) error {
	if fired[wid] {
		return nil
	}
	w, err := wr.watchIn(txn, b, wid)
	if err != nil || w == nil || !w.ActiveAt(b.now) || rec.Seq <= w.FromSeq {
		return err
	}
	for _, k := range []store.Key{rec.Key(), t.key} {
		s, err := wr.silenced(txn, w, k)
		if err != nil {
			return err
		}
		if s {
			return nil
		}
	}
	fired[wid] = true
	sev := w.Severity
	if sev == "" {
		sev = wr.opt.Severity
	}
	a := Alert{
		ID:   AlertID(AlertWatch, w.ID, rec.Source, rec.ID, strconv.Itoa(rec.Version)),
		Kind: AlertWatch, Watch: w.ID, Channel: w.Channel, Subject: t.subj, Case: w.Case,
		Record:   RecordRef{Source: rec.Source, ID: rec.ID, Version: rec.Version},
		Schema:   rec.Schema,
		Severity: sev, Evidence: evidence, Created: b.now.UTC(),
	}
	return wr.emit(txn, &a, &b.written)
}

// ruleAlerts writes one alert per channel route of a rule hit.
func (wr *Watcher) ruleAlerts(txn *store.Txn, h RuleHit, subject string, ref RecordRef, schema string, now time.Time, written *[]Alert) error {
	for _, route := range h.Route {
		ch, ok := strings.CutPrefix(route, "channel:")
		if !ok || ch == "" {
			wr.log.Warn("rule route is not a channel; no alert for it", "rule", h.Rule, "route", route)
			continue
		}
		idParts := []string{AlertRule, h.Rule, ch, ref.Source, ref.ID, strconv.Itoa(ref.Version), h.Key}
		if ref.ID == "" {
			idParts = append(idParts, subject)
		}
		ev := []string{}
		if h.Flag != "" {
			ev = append(ev, h.Flag)
		}
		a := Alert{
			ID: AlertID(idParts...), Kind: AlertRule, Rule: h.Rule, Channel: ch, Subject: subject,
			Record: ref, Schema: schema, Severity: h.Severity, Evidence: ev, Message: h.Message, Created: now.UTC(),
		}
		if err := wr.emit(txn, &a, written); err != nil {
			return err
		}
	}
	return nil
}

// RaiseRule writes the alerts of a rule hit that did not come from a
// record change (a deadline rule firing at a tick), about subject. The
// alert id depends on the rule, channel, subject and h.Key, so a repeated
// tick for the same deadline raises nothing new.
func (wr *Watcher) RaiseRule(ctx context.Context, h RuleHit, subject string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := wr.db.Update(func(txn *store.Txn) error {
		var written []Alert
		if err := wr.ruleAlerts(txn, h, subject, RecordRef{}, "", wr.opt.Now(), &written); err != nil {
			return err
		}
		wr.committed(txn, written)
		return nil
	})
	if err != nil {
		return fmt.Errorf("raise rule %s: %w", h.Rule, err)
	}
	return nil
}

// LinkEvent is a new link between two records (store/graph reports them as
// it applies a batch).
type LinkEvent struct {
	A, B store.Key
	Type string
	// Evidence are the records that prove the link; the first is the
	// alert's record.
	Evidence []store.Key
}

// Links alerts watches with a neighbourhood (Depth > 0) on a new link
// to their subject. Call it in the pipeline transaction, after the graph
// stage, with the events it reported.
func (wr *Watcher) Links(txn *store.Txn, events []LinkEvent) error {
	b := &batchState{now: wr.opt.Now(), watches: map[string]*Watch{}, maxDepth: -1}
	for _, e := range events {
		sa, err := wr.subj.SubjectOf(txn, e.A)
		if err != nil {
			return err
		}
		sb, err := wr.subj.SubjectOf(txn, e.B)
		if err != nil {
			return err
		}
		if sa == "" || sb == "" || sa == sb {
			continue
		}
		ref := RecordRef{}
		seq := ^uint64(0) // a link without a record is new to every watch
		if len(e.Evidence) > 0 {
			r, err := store.GetRecord(txn, e.Evidence[0])
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
			ref = RecordRef{Source: e.Evidence[0].Source, ID: e.Evidence[0].ID, Version: r.Version}
			if err == nil {
				seq = r.Seq
			}
		}
		for _, side := range [][2]string{{sa, sb}, {sb, sa}} {
			ids, err := idsOf(txn, side[0])
			if err != nil {
				return err
			}
			for _, id := range ids {
				err := wr.watchesOn(txn, id, b.now, seq, func(wid string) error {
					w, err := wr.watchIn(txn, b, wid)
					if err != nil || w == nil || w.Depth == 0 || !w.ActiveAt(b.now) {
						return err
					}
					a := Alert{
						ID:   AlertID(AlertLink, w.ID, side[1], e.Type, e.A.String(), e.B.String()),
						Kind: AlertLink, Watch: w.ID, Channel: w.Channel, Subject: side[0], Case: w.Case,
						Record: ref, Severity: orDefault(w.Severity, wr.opt.Severity),
						Evidence: []string{fmt.Sprintf("new %s link between watched %s and %s", e.Type, side[0], side[1])},
						Created:  b.now.UTC(),
					}
					return wr.emit(txn, &a, &b.written)
				})
				if err != nil {
					return err
				}
			}
		}
	}
	wr.committed(txn, b.written)
	return nil
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// maxSweep bounds the watches one Sweep transaction handles; Sweep loops.
const maxSweep = 500

// Sweep ends the watches whose term is over at now and reminds the
// channel of those ending within Options.RemindBefore (once per term). It
// returns how many it reminded and ended. Matching already ignores expired
// watches; Sweep makes it visible, keeps it in the history and audits it.
func (wr *Watcher) Sweep(ctx context.Context, now time.Time) (reminded, expired int, err error) {
	horizon := uint64(now.Add(wr.opt.RemindBefore).Unix())
	var from []byte
	for {
		if err := ctx.Err(); err != nil {
			return reminded, expired, err
		}
		var events []Event
		var written []Alert
		var last []byte
		n := 0
		err := wr.db.Update(func(txn *store.Txn) error {
			events, written, last, n = nil, nil, nil, 0
			return txn.Iterate([]byte(pExpiry), store.IterOptions{KeysOnly: true, From: from, Limit: maxSweep}, func(k []byte, _ func() ([]byte, error)) error {
				if binary.BigEndian.Uint64(k[len(pExpiry):]) > horizon {
					return store.ErrStop
				}
				n++
				last = append(last[:0], k...)
				w, err := getWatch(txn, string(k[len(pExpiry)+8:]))
				if err != nil {
					return err
				}
				switch {
				case !now.Before(w.Expires):
					if err := index(txn, &w, false); err != nil {
						return err
					}
					w.State, w.Ended, w.EndedBy = StateExpired, w.Expires, "system"
					ev := wr.event(&w, "watch.expire", "system", now.UTC(), "term ended "+w.Expires.Format(time.RFC3339))
					events = append(events, ev)
					if err := history(txn, ev); err != nil {
						return err
					}
				case !w.Reminded:
					w.Reminded = true
					a := Alert{
						ID:   AlertID(AlertReminder, w.ID, strconv.FormatInt(w.Expires.Unix(), 10)),
						Kind: AlertReminder, Watch: w.ID, Channel: w.Channel, Subject: w.Subject, Case: w.Case,
						Severity: "info", Created: now.UTC(),
						Message: fmt.Sprintf("Watch %s (%s) ends %s; renew it to keep watching.", w.ID, w.target(), w.Expires.Format(time.RFC3339)),
					}
					if err := wr.emit(txn, &a, &written); err != nil {
						return err
					}
					ev := wr.event(&w, "watch.remind", "system", now.UTC(), "ends "+w.Expires.Format(time.RFC3339))
					events = append(events, ev)
					if err := history(txn, ev); err != nil {
						return err
					}
				default:
					return nil
				}
				return putWatch(txn, &w)
			})
		})
		if err != nil {
			return reminded, expired, fmt.Errorf("sweep watches: %w", err)
		}
		if len(written) > 0 {
			wr.wake()
		}
		for _, e := range events {
			if e.Action == "watch.expire" {
				expired++
			} else {
				reminded++
			}
			wr.audit(ctx, e)
		}
		if n < maxSweep {
			return reminded, expired, nil
		}
		from = append(last, 0) // just past the last key handled
	}
}

func (w *Watch) target() string {
	if w.Kind == KindSubject {
		return w.Subject
	}
	return fmt.Sprintf("%q", w.Query)
}
