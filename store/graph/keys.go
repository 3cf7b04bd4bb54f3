package graph

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/vigie/vigie/store"
)

// Key layout, all under store.PrefixGraph. Strings are length-prefixed
// (uvarint) so that every part is self-delimiting whatever bytes an id holds.
//
//	g/m/<hub><member><evidence>  → membership (JSON)    members of a hub
//	g/r/<member><hub><evidence>  → inline list or ""    hubs of a record
//	g/c/<hub>                    → count (uint64)       memberships of a hub
//	g/G/<hub>                    → ""                   hub seen above GiantCount
//	g/u/<evidence>               → undo (JSON)          what a record wrote
//	g/E/<event>                  → eventInfo (JSON)     kind, place, time of an event
//	g/e/<kind><place><t:8><event>→ ""                   events by kind, place, time
//
// A hub is 'r' + record (a relation, event, vehicle or address record) or
// 'v' + kind + normalised value.
//
// The value of a g/r key of a hub with at most maxInline memberships is a
// copy of all of them: 'L', then per membership, in g/m key order, the
// member, the evidence record and the membership JSON, each
// length-prefixed. An empty value (a larger hub, or a store written
// before copies existed) sends the reader to g/m.
const (
	pMember  = store.PrefixGraph + "m/"
	pRecHubs = store.PrefixGraph + "r/"
	pCount   = store.PrefixGraph + "c/"
	pGiant   = store.PrefixGraph + "G/"
	pUndo    = store.PrefixGraph + "u/"
	pEvent   = store.PrefixGraph + "E/"
	pEvIndex = store.PrefixGraph + "e/"
)

var errBadKey = errors.New("malformed graph key")

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func readStr(b []byte) (string, []byte, error) {
	n, w := binary.Uvarint(b)
	if w <= 0 || uint64(len(b)-w) < n {
		return "", nil, errBadKey
	}
	return string(b[w : w+int(n)]), b[w+int(n):], nil
}

func appendRec(b []byte, k store.Key) []byte { return appendStr(appendStr(b, k.Source), k.ID) }

func readRec(b []byte) (store.Key, []byte, error) {
	src, rest, err := readStr(b)
	if err != nil {
		return store.Key{}, nil, err
	}
	id, rest, err := readStr(rest)
	return store.Key{Source: src, ID: id}, rest, err
}

// hub is an encoded hub id (see the key layout).
type hub string

func recordHub(k store.Key) hub { return hub(appendRec([]byte{'r'}, k)) }

func valueHub(kind, value string) hub { return hub(appendStr(appendStr([]byte{'v'}, kind), value)) }

// record returns the record of a record hub.
func (h hub) record() (store.Key, bool) {
	if len(h) == 0 || h[0] != 'r' {
		return store.Key{}, false
	}
	k, rest, err := readRec([]byte(h[1:]))
	return k, err == nil && len(rest) == 0
}

// value returns the kind and value of a value hub.
func (h hub) value() (kind, value string, ok bool) {
	if len(h) == 0 || h[0] != 'v' {
		return "", "", false
	}
	kind, rest, err := readStr([]byte(h[1:]))
	if err != nil {
		return "", "", false
	}
	value, rest, err = readStr(rest)
	return kind, value, err == nil && len(rest) == 0
}

// readHub splits an encoded hub off the front of b.
func readHub(b []byte) (hub, []byte, error) {
	if len(b) == 0 || (b[0] != 'r' && b[0] != 'v') {
		return "", nil, errBadKey
	}
	_, rest, err := readStr(b[1:])
	if err != nil {
		return "", nil, err
	}
	_, rest, err = readStr(rest)
	if err != nil {
		return "", nil, err
	}
	return hub(b[:len(b)-len(rest)]), rest, nil
}

func memberPrefix(h hub) []byte { return append([]byte(pMember), h...) }

func memberKey(h hub, member, ev store.Key) []byte {
	return appendRec(appendRec(memberPrefix(h), member), ev)
}

func recHubsPrefix(member store.Key) []byte { return appendRec([]byte(pRecHubs), member) }

func recHubKey(member store.Key, h hub, ev store.Key) []byte {
	return appendRec(append(recHubsPrefix(member), h...), ev)
}

func countKey(h hub) []byte       { return append([]byte(pCount), h...) }
func giantKey(h hub) []byte       { return append([]byte(pGiant), h...) }
func undoKey(k store.Key) []byte  { return appendRec([]byte(pUndo), k) }
func eventKey(k store.Key) []byte { return appendRec([]byte(pEvent), k) }
func evPlacePrefix(kind, place string) []byte {
	return appendStr(appendStr([]byte(pEvIndex), kind), place)
}

func evIndexKey(kind, place string, unix int64, ev store.Key) []byte {
	b := binary.BigEndian.AppendUint64(evPlacePrefix(kind, place), uint64(unix)^(1<<63))
	return appendRec(b, ev)
}

// inlineTag starts an inline copy of a hub's memberships.
const inlineTag = 'L'

func appendInline(b []byte, es []entry) []byte {
	b = append(b, inlineTag)
	for _, e := range es {
		b = appendStr(appendRec(appendRec(b, e.member), e.ev), string(e.raw))
	}
	return b
}

// readInline decodes an inline copy; ok is false for an empty value.
func readInline(b []byte) (es []entry, ok bool, err error) {
	if len(b) == 0 {
		return nil, false, nil
	}
	if b[0] != inlineTag {
		return nil, false, errBadKey
	}
	for b = b[1:]; len(b) > 0; {
		var e entry
		var raw string
		if e.member, b, err = readRec(b); err != nil {
			return nil, false, err
		}
		if e.ev, b, err = readRec(b); err != nil {
			return nil, false, err
		}
		if raw, b, err = readStr(b); err != nil {
			return nil, false, err
		}
		e.raw = []byte(raw)
		es = append(es, e)
	}
	return es, true, nil
}

// readEntry decodes a g/m key (past the hub) and its value.
func readEntry(key []byte, val func() ([]byte, error)) (entry, error) {
	member, rest, err := readRec(key)
	if err != nil {
		return entry{}, fmt.Errorf("member key: %w", err)
	}
	ev, _, err := readRec(rest)
	if err != nil {
		return entry{}, fmt.Errorf("member key: %w", err)
	}
	raw, err := val()
	return entry{member: member, ev: ev, raw: raw}, err
}
