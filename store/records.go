package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a record may hold; the readers enforce them first with
// friendlier errors, the store enforces them last.
const (
	MaxKeyPart   = 1024    // bytes in a source name or an id
	MaxValueSize = 1 << 20 // bytes in an encoded record
)

// Incoming is a record offered to Put.
type Incoming struct {
	Source         string
	ID             string
	Schema         string
	Properties     map[string][]string
	Classification string
	Compartments   []string
	// TTL expires the record (all its versions) after this long; 0 keeps it.
	TTL time.Duration
	// Listed says the record is an entry of a published list that names
	// each person once (an FtM entity of the dataset it is stored under:
	// a sanctions list, a PEP register). A source is a list while every
	// record it created was one (see ListedSource).
	Listed bool
}

// Outcome says what Put did with one record.
type Outcome int

// Outcomes of Put.
const (
	Created   Outcome = iota + 1 // a new source + id
	Updated                      // a known source + id whose content changed: a new version
	Unchanged                    // a known source + id, same content: last seen updated only
)

func (o Outcome) String() string {
	switch o {
	case Created:
		return "created"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "invalid"
}

// ErrInvalid wraps every validation error of Put.
var ErrInvalid = errors.New("invalid record")

func (in *Incoming) validate() error {
	switch {
	case in.Source == "" || in.ID == "":
		return fmt.Errorf("%w: source and id are required", ErrInvalid)
	case len(in.Source) > MaxKeyPart || len(in.ID) > MaxKeyPart:
		return fmt.Errorf("%w: source or id longer than %d bytes", ErrInvalid, MaxKeyPart)
	case strings.ContainsRune(in.Source, sep) || strings.ContainsRune(in.ID, sep):
		return fmt.Errorf("%w: NUL byte in source or id", ErrInvalid)
	case !utf8.ValidString(in.Source) || !utf8.ValidString(in.ID):
		return fmt.Errorf("%w: source or id is not valid UTF-8", ErrInvalid)
	case in.Schema == "":
		return fmt.Errorf("%w: schema is required", ErrInvalid)
	}
	return nil
}

// Put stores a batch of records in one durable transaction and returns what
// happened to each, in order. The same source + id again is an update (a
// new version, the previous one kept, the changed properties listed) when
// its content differs, and only a last-seen update when it does not. Every
// created or updated record gets the next sequence number and an entry in
// the change feed in the same transaction, so a record reported stored is
// never missing from the feed. Put returns an error wrapping ErrInvalid for
// a record that cannot be stored (nothing of the batch is then written), and
// ErrTooBig when the batch does not fit one transaction: split it.
func (db *DB) Put(ctx context.Context, batch []Incoming) ([]Outcome, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range batch {
		if err := batch[i].validate(); err != nil {
			return nil, fmt.Errorf("record %d (%s/%s): %w", i, batch[i].Source, batch[i].ID, err)
		}
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()

	now := db.opts.Now().UTC()
	outcomes := make([]Outcome, len(batch))
	seq := db.lastSeq
	err := db.Update(func(txn *Txn) error {
		seq = db.lastSeq
		// Sources that created a record, and whether every one of those
		// was a list entry: marked once per batch (markSource).
		created := map[string]bool{}
		for i := range batch {
			o, err := putOne(txn, &batch[i], now, &seq)
			if err != nil {
				return fmt.Errorf("record %s/%s: %w", batch[i].Source, batch[i].ID, err)
			}
			outcomes[i] = o
			if o == Created {
				listed, seen := created[batch[i].Source]
				created[batch[i].Source] = batch[i].Listed && (listed || !seen)
			}
		}
		for src, listed := range created {
			if err := markSource(txn, src, listed); err != nil {
				return fmt.Errorf("source %s: %w", src, err)
			}
		}
		if seq != db.lastSeq {
			return txn.Set([]byte(PrefixMeta+"seq"), seqBytes(seq))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if seq != db.lastSeq {
		db.lastSeq = seq
		db.wake()
	}
	return outcomes, nil
}

func putOne(txn *Txn, in *Incoming, now time.Time, seq *uint64) (Outcome, error) {
	key := Key{Source: in.Source, ID: in.ID}
	rk := RecordKey(key)
	props := cleanProps(in.Properties)
	var prev *Record
	if raw, err := txn.Get(rk); err == nil {
		prev = new(Record)
		if err := json.Unmarshal(raw, prev); err != nil {
			return 0, fmt.Errorf("decode stored record: %w", err)
		}
	} else if !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	rec := Record{
		Source: in.Source, ID: in.ID, Schema: in.Schema, Properties: props,
		Classification: in.Classification, Compartments: in.Compartments,
		FirstSeen: now, LastSeen: now, Version: 1,
	}
	outcome := Created
	if prev != nil {
		rec.FirstSeen = prev.FirstSeen
		changed := diffProps(prev.Properties, props)
		if prev.Schema != in.Schema {
			changed = append(changed, "schema")
		}
		if prev.Classification != in.Classification || !slices.Equal(prev.Compartments, in.Compartments) {
			changed = append(changed, "classification")
		}
		if len(changed) == 0 {
			prev.LastSeen = now
			raw, err := json.Marshal(prev)
			if err != nil {
				return 0, err
			}
			return Unchanged, txn.SetTTL(rk, raw, in.TTL)
		}
		sort.Strings(changed)
		rec.Changed = changed
		rec.Version = prev.Version + 1
		old, err := json.Marshal(prev)
		if err != nil {
			return 0, err
		}
		if err := txn.SetTTL(versionKey(key, prev.Version), old, in.TTL); err != nil {
			return 0, err
		}
		outcome = Updated
	}
	*seq++
	rec.Seq = *seq
	raw, err := json.Marshal(&rec)
	if err != nil {
		return 0, err
	}
	if len(raw) > MaxValueSize {
		return 0, fmt.Errorf("%w: encoded record is %d bytes, limit %d", ErrInvalid, len(raw), MaxValueSize)
	}
	if err := txn.SetTTL(rk, raw, in.TTL); err != nil {
		return 0, err
	}
	ch := Change{Seq: rec.Seq, Key: key, Version: rec.Version, Created: outcome == Created}
	fraw, err := json.Marshal(&ch)
	if err != nil {
		return 0, err
	}
	return outcome, txn.Set(feedKey(rec.Seq), fraw)
}

// cleanProps drops empty values and empty properties and removes repeated
// values, keeping the order given.
func cleanProps(in map[string][]string) map[string][]string {
	out := make(map[string][]string, len(in))
	for k, vs := range in {
		var kept []string
		for _, v := range vs {
			if v == "" || slices.Contains(kept, v) {
				continue
			}
			kept = append(kept, v)
		}
		if len(kept) > 0 {
			out[k] = kept
		}
	}
	return out
}

func diffProps(a, b map[string][]string) []string {
	var changed []string
	for k, av := range a {
		if !slices.Equal(av, b[k]) {
			changed = append(changed, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			changed = append(changed, k)
		}
	}
	return changed
}

// Get returns the current version of a record, or ErrNotFound.
func (db *DB) Get(k Key) (Record, error) {
	var r Record
	err := db.View(func(txn *Txn) error {
		var err error
		r, err = GetRecord(txn, k)
		return err
	})
	return r, err
}

// GetRecord reads the current version of a record inside a transaction.
//
// A transaction keeps the records it decoded (up to maxTxnRecords), so the
// stages of one pipeline batch — resolution, links, watches — decode each
// record once; a write to the record drops it. Each caller gets its own
// Properties map.
func GetRecord(txn *Txn, k Key) (Record, error) {
	key := RecordKey(k)
	if r, ok := txn.records[string(key)]; ok {
		r.Properties = maps.Clone(r.Properties)
		return r, nil
	}
	var r Record
	raw, err := txn.Get(key)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return r, fmt.Errorf("decode record %s: %w", k, err)
	}
	if txn.records == nil || len(txn.records) >= maxTxnRecords {
		txn.records = make(map[string]Record, 64)
	}
	txn.records[string(key)] = r
	r.Properties = maps.Clone(r.Properties)
	return r, nil
}

// maxTxnRecords bounds the decoded records a transaction keeps.
const maxTxnRecords = 4096

// Versions returns every stored version of a record, oldest first, the
// current one last. It returns ErrNotFound for an unknown record.
func (db *DB) Versions(k Key) ([]Record, error) {
	var out []Record
	err := db.View(func(txn *Txn) error {
		cur, err := GetRecord(txn, k)
		if err != nil {
			return err
		}
		err = txn.Iterate(versionPrefix(k), IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			var r Record
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("decode version of %s: %w", k, err)
			}
			out = append(out, r)
			return nil
		})
		out = append(out, cur)
		return err
	})
	return out, err
}

// Scan calls fn for every current record in key order (source, then id).
// Return ErrStop to end early.
func (db *DB) Scan(ctx context.Context, fn func(Record) error) error {
	return db.View(func(txn *Txn) error {
		return txn.Iterate([]byte(PrefixRecord), IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			raw, err := val()
			if err != nil {
				return err
			}
			var r Record
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("decode record: %w", err)
			}
			return fn(r)
		})
	})
}

// Stats counts what the store holds.
type Stats struct {
	Records uint64 `json:"records"`
	LastSeq uint64 `json:"lastSeq"`
	Bytes   int64  `json:"bytes"`
}

// Stats returns counts; counting records walks the record keys.
func (db *DB) Stats() (Stats, error) {
	s := Stats{LastSeq: db.LastSeq(), Bytes: db.Size()}
	err := db.View(func(txn *Txn) error {
		n, err := txn.CountPrefix([]byte(PrefixRecord), 0)
		s.Records = uint64(n)
		return err
	})
	return s, err
}

// sourceListed is the value of a source's m/src/ key while every record it
// created was a list entry; an empty value is a source like any other.
var sourceListed = []byte("listed")

// markSource notes that source has created records, and whether it is
// still a list: listed says every one of them was a list entry
// (Incoming.Listed); one that was not makes it an ordinary source for good.
func markSource(txn *Txn, source string, listed bool) error {
	key := []byte(PrefixMeta + "src/" + source)
	if !listed {
		return txn.Set(key, nil)
	}
	// A source known already stays what it is: a list, or an ordinary
	// source for good.
	if known, err := txn.Has(key); known || err != nil {
		return err
	}
	return txn.Set(key, sourceListed)
}

// ListedSource says whether source is a published list: every record it
// created came as an entry of that list (Incoming.Listed). Two entries of
// a list are two people unless more than a name ties them.
func ListedSource(txn *Txn, source string) (bool, error) {
	raw, err := txn.Get([]byte(PrefixMeta + "src/" + source))
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return len(raw) > 0, err
}

// Sources returns the names of every source that has stored a record.
func (db *DB) Sources() ([]string, error) {
	var out []string
	prefix := []byte(PrefixMeta + "src/")
	err := db.View(func(txn *Txn) error {
		return txn.Iterate(prefix, IterOptions{KeysOnly: true}, func(k []byte, _ func() ([]byte, error)) error {
			out = append(out, string(k[len(prefix):]))
			return nil
		})
	})
	return out, err
}

// FindRecord resolves a record reference as a user types it: "SOURCE/ID",
// or a bare ID when exactly one source has it. It returns ErrNotFound when
// no record matches and ErrAmbiguous when several sources have the id.
func (db *DB) FindRecord(ref string) (Key, error) {
	if src, id, ok := strings.Cut(ref, "/"); ok {
		k := Key{Source: src, ID: id}
		if _, err := db.Get(k); err == nil {
			return k, nil
		}
	}
	srcs, err := db.Sources()
	if err != nil {
		return Key{}, err
	}
	var found []Key
	for _, s := range srcs {
		k := Key{Source: s, ID: ref}
		if _, err := db.Get(k); err == nil {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return Key{}, fmt.Errorf("record %q: %w", ref, ErrNotFound)
	case 1:
		return found[0], nil
	}
	return Key{}, fmt.Errorf("record %q is in %d sources, say which as SOURCE/ID: %w", ref, len(found), ErrAmbiguous)
}

// ErrAmbiguous is returned when a reference names several records.
var ErrAmbiguous = errors.New("ambiguous record reference")
