package store

import (
	"encoding/binary"
	"strings"
)

// Key prefixes. Each package that keeps data in the store owns one prefix;
// they are listed here so that no two collide. Prefixes end in '/'.
const (
	PrefixRecord   = "r/" // r/<source>\x00<id> → current version (JSON Record)
	PrefixVersion  = "v/" // v/<source>\x00<id>\x00<version:4> → an older version
	PrefixFeed     = "f/" // f/<seq:8> → Change
	PrefixCursor   = "c/" // c/<consumer> → last acknowledged seq
	PrefixMeta     = "m/" // m/<name> → store metadata
	PrefixResolve  = "s/" // store/resolve: subjects, memberships, judgements
	PrefixIndex    = "i/" // store/resolve: candidate indexes
	PrefixGraph    = "g/" // store/graph: links
	PrefixAudit    = "a/" // store/audit: hash-chained audit trail
	PrefixWatch    = "w/" // rules/watch: watches and their indexes
	PrefixOutbox   = "o/" // rules/watch: alerts outbox
	PrefixRules    = "x/" // rules: deadline clocks, fired deadlines
	PrefixChannels = "h/" // bot: case channels, thread roots
)

const sep = '\x00'

// RecordKey returns the store key of the current version of a record.
func RecordKey(k Key) []byte {
	b := make([]byte, 0, len(PrefixRecord)+len(k.Source)+1+len(k.ID))
	b = append(b, PrefixRecord...)
	b = append(b, k.Source...)
	b = append(b, sep)
	return append(b, k.ID...)
}

func versionKey(k Key, version int) []byte {
	b := make([]byte, 0, len(PrefixVersion)+len(k.Source)+len(k.ID)+6)
	b = append(b, PrefixVersion...)
	b = append(b, k.Source...)
	b = append(b, sep)
	b = append(b, k.ID...)
	b = append(b, sep)
	return binary.BigEndian.AppendUint32(b, uint32(version))
}

func versionPrefix(k Key) []byte {
	b := versionKey(k, 0)
	return b[:len(b)-4]
}

// ParseRecordKey is the inverse of RecordKey.
func ParseRecordKey(b []byte) (Key, bool) {
	s, ok := strings.CutPrefix(string(b), PrefixRecord)
	if !ok {
		return Key{}, false
	}
	src, id, ok := strings.Cut(s, string(sep))
	return Key{Source: src, ID: id}, ok
}

func feedKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte(PrefixFeed), seq)
}

// String renders a key as source/id for messages.
func (k Key) String() string { return k.Source + "/" + k.ID }
