// Package audit keeps vigie's tamper-evident audit trail: an append-only,
// hash-chained list of who did what, when, from where, for which case, and
// with what outcome. Every lookup, watch change, judgement, alert delivery,
// rule reload, refusal and administrative command is an entry.
//
// Each entry carries the SHA-256 hash of its predecessor and its own hash
// over both; a head key records the last sequence number and hash. Verify
// walks the chain and reports an edited entry (its hash no longer matches),
// a deleted one (a gap, or a broken link), a reordered one (a broken link)
// and a truncated tail (the head points past the end).
package audit

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/vigie/vigie/store"
)

// Outcomes of an audited action.
const (
	OK      = "ok"
	Refused = "refused"
	Failed  = "error"
)

// Entry is one audited action.
type Entry struct {
	Seq     uint64    `json:"seq"`
	Time    time.Time `json:"time"`
	Actor   string    `json:"actor"`              // Mattermost user id or username, or "cli:<os user>"
	Action  string    `json:"action"`             // lookup, watch.add, judge, alert.deliver, rules.reload, …
	Query   string    `json:"query,omitempty"`    // what was asked, as typed
	Subject string    `json:"subjects,omitempty"` // subject ids concerned, space-separated
	Case    string    `json:"case,omitempty"`     // case reference
	From    string    `json:"from,omitempty"`     // channel id, "dm", "cli", remote address
	Outcome string    `json:"outcome"`            // ok, refused, error
	Detail  string    `json:"detail,omitempty"`   // reason of a refusal, counts, …
	Prev    string    `json:"prev"`               // hash of the previous entry (hex)
	Hash    string    `json:"hash"`               // hash of this entry (hex)
}

// Log appends to and reads the audit trail of one store.
type Log struct {
	db  *store.DB
	now func() time.Time

	mu       sync.Mutex
	loaded   bool
	lastSeq  uint64
	lastHash string
}

// New returns the audit log kept in db.
func New(db *store.DB) *Log { return &Log{db: db, now: db.Now} }

const (
	prefixEntry   = store.PrefixAudit + "e/"
	prefixSubject = store.PrefixAudit + "s/"
	keyHead       = store.PrefixAudit + "head"
)

func entryKey(seq uint64) []byte { return binary.BigEndian.AppendUint64([]byte(prefixEntry), seq) }

func subjectKey(subject string, seq uint64) []byte {
	b := append([]byte(prefixSubject), subject...)
	b = append(b, 0)
	return binary.BigEndian.AppendUint64(b, seq)
}

type head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// genesis is the Prev of the first entry.
const genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// hashOf computes an entry's hash over its content and Prev (Hash excluded).
func hashOf(e Entry) string {
	e.Hash = ""
	b, _ := json.Marshal(e) // Entry has only strings, numbers and a time: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (l *Log) load(txn *store.Txn) error {
	if l.loaded {
		return nil
	}
	raw, err := txn.Get([]byte(keyHead))
	switch {
	case errors.Is(err, store.ErrNotFound):
		l.lastSeq, l.lastHash = 0, genesis
	case err != nil:
		return fmt.Errorf("read audit head: %w", err)
	default:
		var h head
		if err := json.Unmarshal(raw, &h); err != nil {
			return fmt.Errorf("decode audit head: %w", err)
		}
		l.lastSeq, l.lastHash = h.Seq, h.Hash
	}
	l.loaded = true
	return nil
}

// Append writes e durably at the end of the chain and returns it with its
// sequence number, time and hashes filled in. Subject may list several
// subject ids separated by spaces; each is indexed for BySubject.
func (l *Log) Append(ctx context.Context, e Entry) (Entry, error) {
	if err := ctx.Err(); err != nil {
		return e, err
	}
	if e.Outcome == "" {
		e.Outcome = OK
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	err := l.db.Update(func(txn *store.Txn) error {
		if err := l.load(txn); err != nil {
			return err
		}
		e.Seq = l.lastSeq + 1
		if e.Time.IsZero() {
			e.Time = l.now().UTC()
		}
		e.Prev = l.lastHash
		e.Hash = hashOf(e)
		raw, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := txn.Set(entryKey(e.Seq), raw); err != nil {
			return err
		}
		for _, s := range splitSubjects(e.Subject) {
			if err := txn.Set(subjectKey(s, e.Seq), nil); err != nil {
				return err
			}
		}
		hraw, _ := json.Marshal(head{Seq: e.Seq, Hash: e.Hash})
		return txn.Set([]byte(keyHead), hraw)
	})
	if err != nil {
		l.loaded = false // re-read the head next time: the write may or may not have landed
		return e, fmt.Errorf("append audit entry %s: %w", e.Action, err)
	}
	l.lastSeq, l.lastHash = e.Seq, e.Hash
	return e, nil
}

func splitSubjects(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == ',' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// Problem is one finding of Verify.
type Problem struct {
	Seq    uint64 `json:"seq"`
	Reason string `json:"reason"`
}

func (p Problem) String() string { return fmt.Sprintf("entry %d: %s", p.Seq, p.Reason) }

// Report is the result of Verify.
type Report struct {
	Entries  uint64    `json:"entries"`
	Head     string    `json:"head"`
	Problems []Problem `json:"problems,omitempty"`
}

// OK reports whether the chain is intact.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// Verify walks the whole chain and reports every problem found: an entry
// whose hash does not match its content (edited), a gap in the sequence
// (deleted), a Prev that is not the previous entry's hash (deleted or
// reordered), and a head that does not match the last entry (truncated).
func (l *Log) Verify(ctx context.Context) (Report, error) {
	var rep Report
	err := l.db.View(func(txn *store.Txn) error {
		prevHash, prevSeq := genesis, uint64(0)
		err := txn.Iterate([]byte(prefixEntry), store.IterOptions{}, func(k []byte, val func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			keySeq := binary.BigEndian.Uint64(k[len(prefixEntry):])
			raw, err := val()
			if err != nil {
				return err
			}
			var e Entry
			if err := json.Unmarshal(raw, &e); err != nil {
				rep.Problems = append(rep.Problems, Problem{keySeq, "unreadable entry: " + err.Error()})
				prevSeq = keySeq
				return nil
			}
			rep.Entries++
			if e.Seq != keySeq {
				rep.Problems = append(rep.Problems, Problem{keySeq, fmt.Sprintf("stored at position %d but numbered %d (moved)", keySeq, e.Seq)})
			}
			if keySeq != prevSeq+1 {
				rep.Problems = append(rep.Problems, Problem{keySeq, fmt.Sprintf("entries %d to %d are missing (deleted)", prevSeq+1, keySeq-1)})
			}
			if hashOf(e) != e.Hash {
				rep.Problems = append(rep.Problems, Problem{keySeq, "content does not match its hash (edited)"})
			}
			if e.Prev != prevHash {
				rep.Problems = append(rep.Problems, Problem{keySeq, "does not follow the previous entry (deleted or reordered before it)"})
			}
			prevHash, prevSeq = e.Hash, keySeq
			return nil
		})
		if err != nil {
			return err
		}
		rep.Head = prevHash
		raw, err := txn.Get([]byte(keyHead))
		if errors.Is(err, store.ErrNotFound) {
			if prevSeq != 0 {
				rep.Problems = append(rep.Problems, Problem{prevSeq, "the chain head is missing"})
			}
			return nil
		}
		if err != nil {
			return err
		}
		var h head
		if err := json.Unmarshal(raw, &h); err != nil {
			rep.Problems = append(rep.Problems, Problem{prevSeq, "the chain head is unreadable"})
			return nil
		}
		if h.Seq != prevSeq || h.Hash != prevHash {
			rep.Problems = append(rep.Problems, Problem{h.Seq, fmt.Sprintf("the head names entry %d but the chain ends at %d (entries removed from the end)", h.Seq, prevSeq)})
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("verify audit trail: %w", err)
	}
	return rep, nil
}

// Export writes every entry at or after since as JSON lines, in order, and
// returns how many it wrote.
func (l *Log) Export(ctx context.Context, since time.Time, w io.Writer) (int, error) {
	n := 0
	enc := json.NewEncoder(w)
	err := l.db.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(prefixEntry), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			raw, err := val()
			if err != nil {
				return err
			}
			var e Entry
			if err := json.Unmarshal(raw, &e); err != nil {
				return fmt.Errorf("decode audit entry: %w", err)
			}
			if e.Time.Before(since) {
				return nil
			}
			n++
			return enc.Encode(e)
		})
	})
	if err != nil {
		return n, fmt.Errorf("export audit trail: %w", err)
	}
	return n, nil
}

// BySubject returns the entries that concern a subject, newest first, at
// most limit of them.
func (l *Log) BySubject(ctx context.Context, subject string, limit int) ([]Entry, error) {
	var out []Entry
	prefix := append([]byte(prefixSubject), subject...)
	prefix = append(prefix, 0)
	err := l.db.View(func(txn *store.Txn) error {
		return txn.Iterate(prefix, store.IterOptions{KeysOnly: true, Reverse: true, Limit: limit}, func(k []byte, _ func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			seq := binary.BigEndian.Uint64(k[len(prefix):])
			raw, err := txn.Get(entryKey(seq))
			if errors.Is(err, store.ErrNotFound) {
				return nil // reported by Verify, not here
			}
			if err != nil {
				return err
			}
			var e Entry
			if err := json.Unmarshal(raw, &e); err != nil {
				return fmt.Errorf("decode audit entry %d: %w", seq, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("audit entries of %s: %w", subject, err)
	}
	return out, nil
}
