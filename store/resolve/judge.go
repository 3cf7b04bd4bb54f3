package resolve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/vigie/vigie/store"
)

// Errors of Judge.
var (
	ErrNotPerson  = errors.New("only person and organisation records can be judged")
	ErrSameRecord = errors.New("a record cannot be judged against itself")
)

// Judge records a human judgement that two records are the same person
// (same=true) or not, and applies it at once: "same" merges their subjects,
// "different" splits a subject holding both. The judgement is kept by record
// key, so it survives re-ingest and overrides the scorer from then on. It
// returns store.ErrNotFound for an unknown record and ErrNotPerson for a
// record that is not person-like.
func (r *Resolver) Judge(ctx context.Context, same bool, a, b store.Key, by, caseRef string, at time.Time) error {
	if a == b {
		return ErrSameRecord
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return r.db.Update(func(txn *store.Txn) error {
		for _, k := range []store.Key{a, b} {
			rec, err := store.GetRecord(txn, k)
			if err != nil {
				return fmt.Errorf("record %s: %w", k, err)
			}
			if !SubjectSchema(rec.Schema) {
				return fmt.Errorf("record %s is a %s: %w", k, rec.Schema, ErrNotPerson)
			}
		}
		raw, _ := json.Marshal(Judgement{Same: same, By: by, At: at.UTC(), Case: caseRef})
		ka, kb := rk(a), rk(b)
		if err := txn.Set(pair(pJudge, ka, kb), raw); err != nil {
			return err
		}
		if err := txn.Set(pair(pJudge, kb, ka), raw); err != nil {
			return err
		}
		b := r.newBatch(txn)
		sa, err := r.subjectOf(txn, b, ka, 0)
		if err != nil {
			return err
		}
		sb, err := r.subjectOf(txn, b, kb, 0)
		if err != nil {
			return err
		}
		if sa == "" || sb == "" {
			return nil // applied when the record is resolved
		}
		if same {
			if sa == sb {
				return nil
			}
			into, from := sa, sb
			if olderSubject(from, into) {
				into, from = from, into
			}
			return merge(txn, b, into, from)
		}
		if sa != sb {
			return nil
		}
		return r.split(txn, b, sa)
	})
}

// split re-clusters the records of a subject after a "not the same"
// judgement: records are placed in order, each joining the first cluster
// where it matches a member at Threshold (or is judged the same) and no
// member is judged different. The cluster of the oldest record keeps the
// subject id; the others become new subjects.
func (r *Resolver) split(txn *store.Txn, b *batch, subject string) error {
	members, err := records(txn, subject, 0)
	if err != nil {
		return err
	}
	type member struct {
		key string
		e   *entry
		seq uint64
		j   map[string]Judgement
	}
	var ms []member
	for _, m := range members {
		key := rk(m)
		e, err := r.load(txn, b, key)
		if err != nil {
			return err
		}
		rec, err := store.GetRecord(txn, m)
		if err != nil {
			return err
		}
		j, err := judgementsOf(txn, key)
		if err != nil {
			return err
		}
		ms = append(ms, member{key, e, rec.Seq, j})
		if err := leave(txn, b, subject, key); err != nil {
			return err
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].seq < ms[j].seq })
	mo := r.resolveOptions(txn, b)
	var clusters [][]member
	for _, m := range ms {
		placed := false
		for ci, c := range clusters {
			ok, conflict := false, false
			for _, o := range c {
				if j, has := m.j[o.key]; has {
					if !j.Same {
						conflict = true
						break
					}
					ok = true
					continue
				}
				if !ok && r.compare(txn, b, m.e, o.e, mo).Score >= r.opt.Threshold {
					ok = true
				}
			}
			if ok && !conflict {
				clusters[ci] = append(clusters[ci], m)
				placed = true
				break
			}
		}
		if !placed {
			clusters = append(clusters, []member{m})
		}
	}
	for i, c := range clusters {
		id := subject
		if i > 0 {
			if id, err = r.newSubject(txn); err != nil {
				return err
			}
		}
		for _, m := range c {
			if err := join(txn, b, id, m.key); err != nil {
				return err
			}
		}
	}
	return nil
}

// Export calls fn for every subject with its records, in subject key order.
func (r *Resolver) Export(ctx context.Context, fn func(subject string, records []store.Key) error) error {
	return r.db.View(func(txn *store.Txn) error {
		var cur string
		var recs []store.Key
		flush := func() error {
			if cur == "" {
				return nil
			}
			err := fn(cur, recs)
			recs = nil
			return err
		}
		prefix := []byte(pSubject)
		err := txn.Iterate(prefix, store.IterOptions{KeysOnly: true}, func(k []byte, _ func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			rest := string(k[len(prefix):])
			i := 0
			for i < len(rest) && rest[i] != 0 {
				i++
			}
			s, key := rest[:i], rest[min(i+1, len(rest)):]
			if s != cur {
				if err := flush(); err != nil {
					return err
				}
				cur = s
			}
			recs = append(recs, parseRK(key))
			return nil
		})
		if err != nil {
			return err
		}
		return flush()
	})
}
