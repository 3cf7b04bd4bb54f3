package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vigie/vigie/store"
)

// undo is what one record wrote, kept so that its next version (or its
// removal) can take exactly that back.
type undo struct {
	Members []undoMember `json:"m,omitempty"`
	Event   *eventInfo   `json:"e,omitempty"`
}

type undoMember struct {
	Hub    []byte    `json:"h"`
	Member store.Key `json:"k"`
}

// Apply is the change-feed stage: for every changed record it removes the
// evidence the previous version gave and adds what the current one gives
// (a record that no longer exists gives none). It returns store errors and
// errors decoding its own keys; nothing is written then, as the caller's
// transaction fails.
func (g *Graph) Apply(txn *store.Txn, changes []store.Change) error {
	_, err := g.apply(txn, changes, false)
	return err
}

// ApplyWithEvents is Apply that also returns the links the batch created,
// one LinkEvent per new pair of records per piece of evidence, so watches
// can fire on a new connection. Links through innocent or giant hubs are
// not reported, as they are not links. Errors are those of Apply.
func (g *Graph) ApplyWithEvents(txn *store.Txn, changes []store.Change) ([]LinkEvent, error) {
	return g.apply(txn, changes, true)
}

func (g *Graph) apply(txn *store.Txn, changes []store.Change, wantEvents bool) ([]LinkEvent, error) {
	var events []LinkEvent
	for _, c := range changes {
		evs, err := g.applyOne(txn, c.Key, wantEvents)
		if err != nil {
			return nil, fmt.Errorf("link record %s: %w", c.Key, err)
		}
		events = append(events, evs...)
	}
	return events, nil
}

func (g *Graph) applyOne(txn *store.Txn, self store.Key, wantEvents bool) ([]LinkEvent, error) {
	var old undo
	switch raw, err := txn.Get(undoKey(self)); {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal(raw, &old); err != nil {
			return nil, fmt.Errorf("decode undo: %w", err)
		}
	}
	var (
		next []membership
		ev   *eventInfo
	)
	switch r, err := store.GetRecord(txn, self); {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		next, ev = g.extract(&r)
	}

	id := func(h hub, m store.Key) string { return string(memberKey(h, m, store.Key{})) }
	keep := make(map[string]bool, len(next))
	for _, m := range next {
		keep[id(m.Hub, m.Member)] = true
	}
	// Hubs whose inline copies need refreshing, with their count before
	// this record changed them.
	before := map[hub]uint64{}
	var touched []hub
	touch := func(h hub) error {
		if _, ok := before[h]; ok {
			return nil
		}
		n, err := hubCount(txn, h)
		before[h] = n
		touched = append(touched, h)
		return err
	}
	had := make(map[string]bool, len(old.Members))
	for _, m := range old.Members {
		h := hub(m.Hub)
		had[id(h, m.Member)] = true
		if keep[id(h, m.Member)] {
			continue
		}
		if err := touch(h); err != nil {
			return nil, err
		}
		if err := txn.Delete(memberKey(h, m.Member, self)); err != nil {
			return nil, err
		}
		if err := txn.Delete(recHubKey(m.Member, h, self)); err != nil {
			return nil, err
		}
		if _, err := g.addCount(txn, h, -1); err != nil {
			return nil, err
		}
	}

	var events []LinkEvent
	var nu undo
	for _, m := range next {
		raw, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		if err := touch(m.Hub); err != nil {
			return nil, err
		}
		if err := txn.Set(memberKey(m.Hub, m.Member, self), raw); err != nil {
			return nil, err
		}
		nu.Members = append(nu.Members, undoMember{Hub: []byte(m.Hub), Member: m.Member})
		if had[id(m.Hub, m.Member)] {
			continue
		}
		// Written bare; refreshInline fills in the copy.
		if err := txn.Set(recHubKey(m.Member, m.Hub, self), nil); err != nil {
			return nil, err
		}
		n, err := g.addCount(txn, m.Hub, 1)
		if err != nil {
			return nil, err
		}
		if wantEvents && n <= uint64(g.opts.GiantCount) && !g.innocentHub(m.Hub) {
			evs, err := g.newLinks(txn, self, m)
			if err != nil {
				return nil, err
			}
			events = append(events, evs...)
		}
	}

	for _, h := range touched {
		if err := g.refreshInline(txn, h, before[h]); err != nil {
			return nil, err
		}
	}

	if old.Event != nil && (ev == nil || *ev != *old.Event) {
		if err := txn.Delete(evIndexKey(old.Event.Kind, old.Event.Place, old.Event.Unix, self)); err != nil {
			return nil, err
		}
		if err := txn.Delete(eventKey(self)); err != nil {
			return nil, err
		}
	}
	if ev != nil {
		nu.Event = ev
		if old.Event == nil || *ev != *old.Event {
			raw, _ := json.Marshal(ev)
			if err := txn.Set(eventKey(self), raw); err != nil {
				return nil, err
			}
			if err := txn.Set(evIndexKey(ev.Kind, ev.Place, ev.Unix, self), nil); err != nil {
				return nil, err
			}
			if wantEvents {
				evs, err := g.newCoPresence(txn, self, *ev)
				if err != nil {
					return nil, err
				}
				events = append(events, evs...)
			}
		}
	}

	if len(nu.Members) == 0 && nu.Event == nil {
		return events, txn.Delete(undoKey(self))
	}
	raw, err := json.Marshal(nu)
	if err != nil {
		return nil, err
	}
	return events, txn.Set(undoKey(self), raw)
}

// maxInline is the largest hub whose memberships are copied into the hub
// rows (g/r) of its members, so that a query reads the links of a record
// in one scan rather than one per hub. Relations and most shared values
// have two or three members; a larger hub is read from its g/m rows, and
// copying it would cost a write per member at each change.
const maxInline = 8

// refreshInline rewrites the inline copies of a hub's memberships after a
// change: the full list in every member's hub row while the hub has at
// most maxInline memberships, none once it has more. before is its count
// before the change: only a hub that had copies needs them cleared.
func (g *Graph) refreshInline(txn *store.Txn, h hub, before uint64) error {
	limit := maxInline + 1
	if before <= maxInline {
		limit = 0 // clear every copy if the hub outgrew them
	}
	var es []entry
	p := memberPrefix(h)
	err := txn.Iterate(p, store.IterOptions{KeysOnly: true, Limit: limit}, func(key []byte, val func() ([]byte, error)) error {
		e, err := readEntry(key[len(p):], val)
		es = append(es, e)
		return err
	})
	if err != nil {
		return err
	}
	var v []byte
	if len(es) <= maxInline {
		v = appendInline(nil, es)
	} else if before > maxInline {
		return nil
	}
	for _, e := range es {
		if err := txn.Set(recHubKey(e.member, h, e.ev), v); err != nil {
			return err
		}
	}
	return nil
}

// addCount changes a hub's membership count and keeps the giant marker in
// step; it returns the new count.
func (g *Graph) addCount(txn *store.Txn, h hub, delta int) (uint64, error) {
	n, err := hubCount(txn, h)
	if err != nil {
		return 0, err
	}
	switch {
	case delta < 0 && n > 0:
		n--
	case delta > 0:
		n++
	}
	if n == 0 {
		if err := txn.Delete(countKey(h)); err != nil {
			return 0, err
		}
	} else if err := txn.Set(countKey(h), binary.BigEndian.AppendUint64(nil, n)); err != nil {
		return 0, err
	}
	if n > uint64(g.opts.GiantCount) {
		return n, txn.Set(giantKey(h), nil)
	}
	return n, txn.Delete(giantKey(h))
}

func hubCount(txn *store.Txn, h hub) (uint64, error) {
	raw, err := txn.Get(countKey(h))
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if len(raw) != 8 {
		return 0, fmt.Errorf("hub count is %d bytes: %w", len(raw), errBadKey)
	}
	return binary.BigEndian.Uint64(raw), nil
}

// newLinks reports the links a new membership makes with the hub's other
// members.
func (g *Graph) newLinks(txn *store.Txn, self store.Key, m membership) ([]LinkEvent, error) {
	var out []LinkEvent
	err := g.members(txn, m.Hub, 0, func(other, ev store.Key, om membership) error {
		if other == m.Member {
			return nil
		}
		out = append(out, LinkEvent{A: m.Member, B: other, Type: m.Type, Evidence: evidenceOf(m.Hub, m, om, self, ev)})
		return nil
	})
	return out, err
}

// newCoPresence reports the links between the participants of a newly
// placed event and those of events of the same kind at the same place
// within the window. It reports at most MaxNeighbours links, logging when
// it stops short (the links themselves are kept and found by queries).
func (g *Graph) newCoPresence(txn *store.Txn, self store.Key, ev eventInfo) ([]LinkEvent, error) {
	var mine []membership
	if err := g.members(txn, recordHub(self), 0, func(k, _ store.Key, m membership) error {
		m.Member = k
		mine = append(mine, m)
		return nil
	}); err != nil || len(mine) == 0 {
		return nil, err
	}
	var out []LinkEvent
	truncated := false
	err := g.coEvents(txn, self, ev, func(other store.Key) error {
		return g.members(txn, recordHub(other), 0, func(k, _ store.Key, om membership) error {
			for _, m := range mine {
				if m.Member == k {
					continue
				}
				if len(out) >= g.opts.MaxNeighbours {
					truncated = true
					return store.ErrStop
				}
				out = append(out, LinkEvent{A: m.Member, B: k, Type: CoPresence, Evidence: Evidence{
					Type: CoPresence, Records: []store.Key{self, other}, Role: m.Role, Date: m.Date,
				}})
			}
			return nil
		})
	})
	if truncated {
		g.log.Warn("co-presence link events truncated", "event", self.String(), "reported", len(out))
	}
	return out, err
}

func evidenceOf(h hub, a, b membership, evA, evB store.Key) Evidence {
	e := Evidence{Type: a.Type, Records: []store.Key{evA}, Role: a.Role, Date: a.Date}
	if evB != evA {
		e.Records = append(e.Records, evB)
	}
	if e.Role == "" {
		e.Role = b.Role
	}
	if e.Date == "" {
		e.Date = b.Date
	}
	if _, v, ok := h.value(); ok {
		e.Value = v
	}
	return e
}

// members calls fn for each membership of a hub (member, evidence record,
// membership), for at most limit of them when limit > 0. fn may return
// store.ErrStop.
func (g *Graph) members(txn *store.Txn, h hub, limit int, fn func(member, ev store.Key, m membership) error) error {
	p := memberPrefix(h)
	return txn.Iterate(p, store.IterOptions{Limit: limit}, func(key []byte, val func() ([]byte, error)) error {
		member, rest, err := readRec(key[len(p):])
		if err != nil {
			return fmt.Errorf("member key: %w", err)
		}
		ev, _, err := readRec(rest)
		if err != nil {
			return fmt.Errorf("member key: %w", err)
		}
		raw, err := val()
		if err != nil {
			return err
		}
		var m membership
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("decode membership: %w", err)
		}
		m.Hub, m.Member = h, member
		return fn(member, ev, m)
	})
}

// coEvents calls fn for each other event of the same kind at the same place
// within the co-presence window, at most MaxCoEvents of them.
func (g *Graph) coEvents(txn *store.Txn, self store.Key, ev eventInfo, fn func(other store.Key) error) error {
	p := evPlacePrefix(ev.Kind, ev.Place)
	w := int64(g.opts.CoPresenceWindow.Seconds())
	from := binary.BigEndian.AppendUint64(append([]byte(nil), p...), uint64(ev.Unix-w)^(1<<63))
	n := 0
	return txn.Iterate(p, store.IterOptions{KeysOnly: true, From: from}, func(key []byte, _ func() ([]byte, error)) error {
		rest := key[len(p):]
		if len(rest) < 8 {
			return errBadKey
		}
		t := int64(binary.BigEndian.Uint64(rest[:8]) ^ (1 << 63))
		if t > ev.Unix+w {
			return store.ErrStop
		}
		other, _, err := readRec(rest[8:])
		if err != nil {
			return err
		}
		if other == self {
			return nil
		}
		if n >= g.opts.MaxCoEvents {
			return store.ErrStop
		}
		n++
		return fn(other)
	})
}

func jsonUnmarshal(raw []byte, v any) error { return json.Unmarshal(raw, v) }
