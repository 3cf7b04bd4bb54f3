// Package resolve groups records that describe the same person (or
// organisation) into subjects, incrementally as records arrive on the
// change feed, and answers lookups from indexes kept in the store.
//
// Every person-like record gets index keys (name keys from store/names,
// pairs of name keys, normalised identifiers, full dates of birth). A new or
// changed record retrieves candidates through those keys, never by scanning,
// skips keys shared by more than Options.GiantBucket records, scores the
// best candidates with store/match, and joins the subject it matches best
// at or above Options.Threshold — or starts a new one. Two existing subjects
// that both match a new record are merged only when there is evidence
// between them as well (a guard against chaining: A~B and B~C does not make
// A~C). Human judgements ("same person", "not the same") always win over
// the scorer and are kept by record key, so they survive re-ingest.
package resolve

import (
	"errors"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/names"
)

// Options tune resolution and retrieval. Start from DefaultOptions.
type Options struct {
	// Threshold is the score at or above which a record joins a subject.
	// Default 0.70, the scorer's own match threshold.
	Threshold float64
	// MatchThreshold is the score at or above which a lookup calls a
	// candidate a match (below it, candidates are shown as weak). Default 0.70.
	MatchThreshold float64
	// MergeFloor is the least score between records of two subjects for a
	// record matching both to merge them. Default 0.60.
	MergeFloor float64
	// StrongBridge and BridgeFloor: a record matching two subjects at
	// StrongBridge or better merges them with only BridgeFloor between
	// them, when nothing between them conflicts. Defaults 0.90 and 0.30.
	StrongBridge, BridgeFloor float64
	// NameOnly is the least name similarity at which a record joins a
	// subject on the name alone, with nothing else agreeing. Default 0.96:
	// a spelling variant, not a nickname (Andy / Andrew Anderson is 0.95).
	NameOnly float64
	// NameSpelled is NameOnly for names that differ in spelling only —
	// every word the same or another spelling of it (Tetiana / Tatiana,
	// a name in its own script beside its Latin spelling), no typo or
	// nickname. Default 0.88.
	NameSpelled float64
	// NameSpelledWhole is NameSpelled for names that hold as many words
	// as each other, none missing: two words each read from another
	// script score 0.877 (דניאלה וייס / Daniella Weiss, ח'ליל אל-חיה /
	// Khalil al-Hayya), where a word missing beside them is more often
	// another man's name (Mohamed Abdirahman Farmajo / Abdelrahman,
	// Mohamed). Default 0.875.
	NameSpelledWhole float64
	// NameSpelledScripts is NameSpelledWhole for whole names of which one
	// is not in Latin letters, or both in two other scripts: a reading of
	// katakana or Chinese (ムハンマド・デイフ / Mohammed Deif) scores 0.85 to
	// 0.877 for a name spelt alike. Between Latin spellings, the same
	// scores join namesakes of a generated population (an undated Khaled
	// Mansouri to a dated Khalid's; at 0.85 for all names pairwise
	// precision 0.9442 -> 0.9427 at 100k records); across scripts, from
	// 0.86 down to 0.83 no held-out set lost a pair and three gained some.
	// Default 0.85.
	NameSpelledScripts float64
	// GiantBucket: an index key with more postings than this is too common
	// to retrieve candidates by (pairs of keys still are). Default 5000.
	GiantBucket int
	// MaxCandidates bounds the records scored per resolved record. Default 25.
	MaxCandidates int
	// LookupCandidates bounds the records scored per lookup, the likeliest
	// by their keys first. Default 200 (at 1M records, 300 cost a quarter
	// more time for 0.001 of recall@10).
	LookupCandidates int
	// PostingCap bounds the postings read per index key. Default 2000.
	PostingCap int
	// PostingBudget bounds the postings read per resolved record or
	// lookup, rarest keys first. Default 3000.
	PostingBudget int
	// CacheSize is the number of prepared records kept in memory. Default 200,000.
	CacheSize int
	// WordPairs is the number of compared pairs of words remembered
	// (names.PairMemo, 32 bytes each): scoring compares the same few
	// thousand given names and surnames again and again. 0 remembers none.
	// Default 262,144 (8 MiB).
	WordPairs int
	// Workers is how many goroutines score one lookup's candidates.
	// Default GOMAXPROCS: scoring is half a lookup's time. Resolution
	// scores a record's few candidates on one.
	Workers int
	// Logger gets resolution diagnostics; default discard.
	Logger *slog.Logger
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		Threshold: 0.70, MatchThreshold: 0.70, MergeFloor: 0.60,
		StrongBridge: 0.90, BridgeFloor: 0.30, NameOnly: 0.96, NameSpelled: 0.88, NameSpelledWhole: 0.875, NameSpelledScripts: 0.85,
		GiantBucket: 5000, MaxCandidates: 25, LookupCandidates: 200,
		PostingCap: 2000, PostingBudget: 3000, CacheSize: 200_000, WordPairs: 1 << 18,
		Workers: runtime.GOMAXPROCS(0),
	}
}

func (o *Options) validate() error {
	var errs []error
	for name, v := range map[string]float64{"threshold": o.Threshold, "match threshold": o.MatchThreshold, "merge floor": o.MergeFloor, "name-only threshold": o.NameOnly, "spelled-name threshold": o.NameSpelled, "whole spelled-name threshold": o.NameSpelledWhole, "cross-script spelled-name threshold": o.NameSpelledScripts} {
		if v <= 0 || v > 1 {
			errs = append(errs, fmt.Errorf("%s %v: want (0, 1]", name, v))
		}
	}
	if o.WordPairs < 0 {
		errs = append(errs, fmt.Errorf("word pairs %d: want 0 or more", o.WordPairs))
	}
	if o.GiantBucket < 10 || o.MaxCandidates < 1 || o.LookupCandidates < 1 || o.PostingCap < 10 || o.CacheSize < 100 {
		errs = append(errs, errors.New("giant bucket ≥ 10, candidates ≥ 1, posting cap ≥ 10 and cache ≥ 100 are required"))
	}
	if o.Workers < 1 {
		o.Workers = 1
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return errors.Join(errs...)
}

// Resolver resolves records into subjects and answers lookups. It is safe
// for concurrent use; Apply must be called by one feed consumer at a time.
type Resolver struct {
	db  *store.DB
	opt Options
	log *slog.Logger

	cache *lru.Cache[string, *entry]
	// members mirrors r/<record> → subject (members.go).
	members *memberCache
	// postings holds complete posting lists of index keys (postings.go).
	postings *postingCache
	// cacheMu orders cache writes: the pipeline's committed entries, and
	// entries a reader decoded from a snapshot, which it may only add when
	// no commit happened since its snapshot (gen unchanged) — otherwise a
	// slow reader could put back an entry older than the committed one.
	cacheMu sync.Mutex
	gen     uint64
	// cur is the batch of the pipeline transaction in progress, so later
	// stages of the same transaction (watches) see what resolve wrote.
	cur *batch

	mu sync.RWMutex
	// counts mirrors i/c/ (postings per index key) for the keys seen,
	// keyed by a hash of the key: millions of them, and a map without
	// pointers costs the garbage collector nothing to scan.
	counts map[uint64]uint32
	seed   maphash.Seed
	// pairs remembers compared pairs of words for every scoring, the
	// pipeline's and the lookups' (names.PairMemo is safe for concurrent use).
	pairs *names.PairMemo
	// names remembers how names were read, for the records it prepares
	// (match.NameMemo: many records share a name).
	names  *match.NameMemo
	total  uint64 // records indexed, mirrors i/total
	loaded bool
	// versionMarked is set once the store's index version is known to be
	// written, or another's kept (markIndexVersion).
	versionMarked atomic.Bool
}

// New returns a resolver over db.
func New(db *store.DB, opt Options) (*Resolver, error) {
	if err := opt.validate(); err != nil {
		return nil, fmt.Errorf("resolve options: %w", err)
	}
	c, err := lru.New[string, *entry](opt.CacheSize)
	if err != nil {
		return nil, err
	}
	m := newMemberCache(opt.CacheSize * 4)
	// Lists of CacheSize keys holding 20 postings each on average.
	p, err := newPostingCache(opt.CacheSize, opt.CacheSize*20)
	if err != nil {
		return nil, err
	}
	return &Resolver{db: db, opt: opt, log: opt.Logger.With("component", "resolve"), cache: c, members: m, postings: p, counts: map[uint64]uint32{}, seed: maphash.MakeSeed(), pairs: names.NewPairMemo(opt.WordPairs),
		// A name for every four prepared records the cache holds.
		names: match.NewNameMemo(opt.CacheSize / 4)}, nil
}

// Options returns the resolver's options.
func (r *Resolver) Options() Options { return r.opt }

// SubjectSchema reports whether records of schema become subjects.
func SubjectSchema(schema string) bool {
	switch schema {
	case "Person", "LegalEntity", "Organization", "Company", "PublicBody":
		return true
	}
	return false
}

func compatible(a, b string) bool {
	if a == b || a == "LegalEntity" || b == "LegalEntity" {
		return true
	}
	return a != "Person" && b != "Person"
}

// identityProps are the properties kept in a record's features.
var identityProps = []string{
	"name", "alias", "weakAlias", "previousName", "firstName", "middleName", "lastName", "secondName",
	"fatherName", "motherName", "title", "birthDate", "birthPlace", "deathDate", "nationality", "citizenship",
	"country", "gender", "passportNumber", "idNumber", "taxNumber", "socialSecurityNumber", "phone", "email",
	"registrationNumber", "innCode", "ogrnCode", "leiCode", "vatCode", "incorporationDate", "jurisdiction", "address",
	"licenseNumber", "driverLicenseNumber", "position", "topics",
}

// features is what resolve keeps per person-like record: the identity
// properties (with identifiers attached from Passport/Identification
// records) and the index keys written for it, so an update can remove them.
// Entries in memory keep Props only until they are written (nil after).
type features struct {
	Schema string              `json:"s"`
	Props  map[string][]string `json:"p"`
	Keys   []string            `json:"k"`
}

// entry is a record's features with the matching craft's prepared form.
// An entry loaded from the store or kept in the cache holds no index keys
// (f.Keys nil: a fifth of the heap's objects at 100k records, marked by
// the collector on every cycle); storedKeys reads them when an update
// needs them.
type entry struct {
	key    store.Key
	f      features
	person match.Person
}

// newEntry prepares a record's features. The entry keeps the schema, the
// index keys and the prepared person; its caller drops f.Props once it has
// no more use for them (a cache of 200,000 entries holding a map each
// cost the garbage collector a quarter of a lookup's time).
func (r *Resolver) newEntry(k store.Key, f features) *entry {
	return &entry{key: k, f: f, person: r.names.FromProperties(f.Schema, f.Props)}
}

// indexKeys returns the index keys of a prepared person: name keys, pairs of
// name keys (selective even when each token is common), identifiers, the
// local parts of e-mail addresses (a mistyped domain, ar20@miller-t2orres.org,
// still reaches ar20@miller-torres.org; role mailboxes have none) and full
// dates of birth, and each word of a name with a year of birth. Keys carry a
// type prefix: n/, p/, x/, m/, d/, y/.
func indexKeys(p match.Person) []string {
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	// The names the scorer compares, parsed once when p was prepared (a
	// name past what match.Prepare keeps could find a record no comparison
	// matches).
	for _, n := range p.ParsedNames() {
		for _, k := range n.Keys() {
			add("n/" + k)
		}
		_, pairs := nameKeys(n)
		for _, k := range pairs {
			add(k)
		}
	}
	for _, id := range p.Identifiers {
		if v := match.NormalizeIdentifier(id.Kind, id.Value); v != "" {
			add(identKey(id.Kind, v))
			if id.Kind == "email" {
				if local, _, ok := strings.Cut(v, "@"); ok && len(local) >= 3 && !match.RoleMailbox(v) {
					add("m/" + local)
				}
			}
		}
	}
	var years []int
	for _, d := range p.BirthDates {
		dt, ok := match.ParseDate(d)
		if !ok {
			continue
		}
		if dt.Day > 0 {
			add(fmt.Sprintf("d/%04d-%02d-%02d", dt.Year, dt.Month, dt.Day))
		}
		if dt.Year > 0 && len(years) < yearKeyYears && !slices.Contains(years, dt.Year) {
			years = append(years, dt.Year)
		}
	}
	// Each word of the name with the year of birth (y/): a typo in the
	// other word still finds the record among the namesakes of the word
	// spelt right. Olievr Waton, born 2013, shares no word's key with
	// Oliver Watson (ftn, fsn); among the store's Olivers, those born in
	// 2013 are few.
	for _, n := range p.ParsedNames() {
		primary, _ := nameKeys(n)
		for _, k := range primary {
			for _, y := range years {
				add(fmt.Sprintf("y/%s|%04d", k, y))
			}
		}
	}
	if len(keys) > 200 {
		keys = keys[:200]
	}
	return keys
}

// identKey is the index key of a normalised identifier: its kind and value,
// a phone by its last nine digits (match.PhoneKey), as the scorer compares
// them — a remitter's 0754369250 finds the bank's +256 754 369 250.
func identKey(kind, v string) string {
	if kind == "phone" {
		v = match.PhoneKey(v)
	}
	return "x/" + kind + ":" + v
}

// nameKeys returns the token keys of a name (its first six distinct ones;
// of a given name listed in several languages, its canonical form's key)
// and the pair keys (p/) of every two of them.
func nameKeys(n names.Name) (primary, pairs []string) {
	for i := range n.Tokens {
		if k := n.CanonicalKeyAt(i); k != "" && !slices.Contains(primary, k) {
			primary = append(primary, k)
		}
	}
	if len(primary) > 6 {
		primary = primary[:6]
	}
	for i := range primary {
		for j := i + 1; j < len(primary); j++ {
			a, b := primary[i], primary[j]
			if a > b {
				a, b = b, a
			}
			pairs = append(pairs, "p/"+a+"|"+b)
		}
	}
	return primary, pairs
}

// batch holds what one feed batch changed in memory-mirrored state; it is
// folded into the resolver's caches only after the batch commits.
type batch struct {
	counts   map[string]int64
	total    int64
	entries  map[string]*entry
	members  map[string]string     // record → subject, "" when it left
	postings map[string]postingOps // index key → records added or removed
	// merged holds, by index key, the committed list with the batch's
	// changes applied, for lists read often within a batch; dropped when
	// the batch changes the list again.
	merged map[string]plist
	// namesakes holds, by record, the rarest key of its name and how many
	// records of the store share it (see Resolver.namesakes), read once
	// per batch.
	namesakes map[string]namesake
	// people holds, by index key, how many people hold it (see
	// Resolver.namesakePeople), read once per batch.
	people map[string]uint32
	// acc is retrieve's map of candidates' weights, cleared and used again
	// for each record of the batch: made afresh, it was a sixth of what
	// resolution allocated (up to PostingBudget entries per record).
	acc map[string]float64
	// scratch is resolve's working space, used again for each record.
	scratch resolveScratch
	// listed holds, by source, whether it is a published list (see
	// store.ListedSource), read once per batch.
	listed map[string]bool
}

func (r *Resolver) newBatch(txn *store.Txn) *batch {
	b := &batch{counts: map[string]int64{}, entries: map[string]*entry{}, members: map[string]string{}, postings: map[string]postingOps{}, merged: map[string]plist{}, namesakes: map[string]namesake{}, people: map[string]uint32{}, listed: map[string]bool{}}
	txn.OnCommit(func() {
		r.mu.Lock()
		for k, d := range b.counts {
			// Keys not mirrored are read from the store when next needed
			// (the mirror is bounded).
			if c, ok := r.counts[r.countKey(k)]; ok {
				r.counts[r.countKey(k)] = uint32(max(0, int64(c)+d))
			}
		}
		r.total = uint64(int64(r.total) + b.total)
		r.mu.Unlock()
		r.cacheMu.Lock()
		r.gen++
		for k, e := range b.entries {
			if e == nil {
				r.cache.Remove(k)
			} else {
				e.f.Keys = nil // stored; see entry
				r.cache.Add(k, e)
			}
		}
		for k, s := range b.members {
			r.members.add(k, s)
		}
		r.commitPostings(b)
		r.cacheMu.Unlock()
	})
	return b
}

// maxMirroredCounts bounds the postings counts kept in memory (and 25 per
// cached record below that).
const maxMirroredCounts = 5_000_000

// countKey is the key of an index key's count in the mirror. A collision of
// two 64-bit hashes (about one in 10¹² pairs at this size) would only blur
// a common-name weight.
func (r *Resolver) countKey(key string) uint64 { return maphash.String(r.seed, key) }

// count returns the postings of an index key as the transaction sees them.
func (r *Resolver) count(txn *store.Txn, b *batch, key string) (uint32, error) {
	r.mu.RLock()
	c, ok := r.counts[r.countKey(key)]
	r.mu.RUnlock()
	if !ok {
		raw, err := txn.Get([]byte(pCount + key))
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return 0, err
		}
		c = getU32(raw)
		r.mu.Lock()
		if len(r.counts) < min(maxMirroredCounts, 25*r.opt.CacheSize) {
			r.counts[r.countKey(key)] = c
		}
		r.mu.Unlock()
	}
	if b != nil {
		c = uint32(int64(c) + b.counts[key])
	}
	return c, nil
}

func (r *Resolver) totalRecords(txn *store.Txn, b *batch) (uint64, error) {
	r.mu.RLock()
	loaded, t := r.loaded, r.total
	r.mu.RUnlock()
	if !loaded {
		raw, err := txn.Get([]byte(kTotal))
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return 0, err
		}
		if len(raw) == 8 {
			t = uint64(raw[0])<<56 | uint64(raw[1])<<48 | uint64(raw[2])<<40 | uint64(raw[3])<<32 | uint64(raw[4])<<24 | uint64(raw[5])<<16 | uint64(raw[6])<<8 | uint64(raw[7])
		}
		r.mu.Lock()
		if !r.loaded {
			r.total, r.loaded = t, true
		}
		t = r.total
		r.mu.Unlock()
	}
	if b != nil {
		t = uint64(int64(t) + b.total)
	}
	return t, nil
}

// snapshotGen returns the cache generation a reader's snapshot starts from.
func (r *Resolver) snapshotGen() uint64 {
	r.cacheMu.Lock()
	defer r.cacheMu.Unlock()
	return r.gen
}

// load returns a record's entry as the transaction sees it. Pipeline
// transactions pass their batch; readers pass nil and the generation their
// snapshot began at (see cacheMu).
func (r *Resolver) load(txn *store.Txn, b *batch, key string) (*entry, error) {
	return r.loadGen(txn, b, key, ^uint64(0))
}

func (r *Resolver) loadGen(txn *store.Txn, b *batch, key string, gen uint64) (*entry, error) {
	if b != nil {
		if e, ok := b.entries[key]; ok {
			if e == nil {
				return nil, store.ErrNotFound
			}
			return e, nil
		}
	}
	if e, ok := r.cache.Get(key); ok {
		return e, nil
	}
	raw, err := txn.Get([]byte(pFeatures + key))
	if err != nil {
		return nil, err
	}
	f, err := decodeFeatures(raw)
	if err != nil {
		return nil, fmt.Errorf("decode features of %s: %w", parseRK(key), err)
	}
	e := r.newEntry(parseRK(key), f)
	e.f.Props, e.f.Keys = nil, nil
	if b == nil {
		r.cacheMu.Lock()
		if r.gen == gen {
			r.cache.Add(key, e)
		}
		r.cacheMu.Unlock()
	}
	return e, nil
}

// subjectOf returns the subject of a record ("" when it has none) as the
// transaction sees it. Pipeline and judgement transactions pass their batch;
// readers pass nil and their snapshot's generation (see cacheMu).
func (r *Resolver) subjectOf(txn *store.Txn, b *batch, key string, gen uint64) (string, error) {
	if b != nil {
		if s, ok := b.members[key]; ok {
			return s, nil
		}
	}
	if s, ok := r.members.get(key); ok {
		return s, nil
	}
	raw, err := txn.Get([]byte(pMember + key))
	switch {
	case errors.Is(err, store.ErrNotFound):
		raw = nil
	case err != nil:
		return "", err
	}
	s := string(raw)
	if b == nil {
		r.cacheMu.Lock()
		if r.gen == gen {
			r.members.add(key, s)
		}
		r.cacheMu.Unlock()
	}
	return s, nil
}

// SubjectOf returns the subject a record belongs to, or "" if it has none
// (not a person-like record, or not resolved yet).
func (r *Resolver) SubjectOf(txn *store.Txn, k store.Key) (string, error) {
	raw, err := txn.Get([]byte(pMember + rk(k)))
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return string(raw), err
}

// Canonical follows merges: the subject id that an old id now lives in.
// It returns the id itself when it was never merged.
func Canonical(txn *store.Txn, subject string) (string, error) {
	for range 20 {
		raw, err := txn.Get([]byte(pAlias + subject))
		if errors.Is(err, store.ErrNotFound) {
			return subject, nil
		}
		if err != nil {
			return "", err
		}
		subject = string(raw)
	}
	return subject, nil
}

// Records returns the records of a subject (following merges), at most
// limit when limit > 0.
func (r *Resolver) Records(txn *store.Txn, subject string) ([]store.Key, error) {
	return records(txn, subject, 0)
}

func records(txn *store.Txn, subject string, limit int) ([]store.Key, error) {
	subject, err := Canonical(txn, subject)
	if err != nil {
		return nil, err
	}
	prefix := []byte(pSubject + subject + "\x00")
	var out []store.Key
	err = txn.Iterate(prefix, store.IterOptions{KeysOnly: true, Limit: limit}, func(k []byte, _ func() ([]byte, error)) error {
		out = append(out, parseRK(string(k[len(prefix):])))
		return nil
	})
	return out, err
}

func (r *Resolver) newSubject(txn *store.Txn) (string, error) {
	raw, err := txn.Get([]byte(kCounter))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	n := uint64(0)
	if len(raw) > 0 {
		n, err = strconv.ParseUint(string(raw), 10, 64)
		if err != nil {
			return "", fmt.Errorf("subject counter: %w", err)
		}
	}
	n++
	if err := txn.Set([]byte(kCounter), []byte(strconv.FormatUint(n, 10))); err != nil {
		return "", err
	}
	return subjectID(n), nil
}

// join and leave are the only writers of membership; they note it in the
// batch so the member cache follows the store once the batch commits.
func join(txn *store.Txn, b *batch, subject, key string) error {
	if err := txn.Set([]byte(pMember+key), []byte(subject)); err != nil {
		return err
	}
	b.members[key] = subject
	return txn.Set([]byte(pSubject+subject+"\x00"+key), nil)
}

func leave(txn *store.Txn, b *batch, subject, key string) error {
	if err := txn.Delete([]byte(pMember + key)); err != nil {
		return err
	}
	b.members[key] = ""
	return txn.Delete([]byte(pSubject + subject + "\x00" + key))
}

// merge moves every record of from into into and leaves an alias behind so
// that watches and links naming from still find the subject.
func merge(txn *store.Txn, b *batch, into, from string) error {
	if into == from {
		return nil
	}
	members, err := records(txn, from, 0)
	if err != nil {
		return err
	}
	for _, m := range members {
		k := rk(m)
		if err := leave(txn, b, from, k); err != nil {
			return err
		}
		if err := join(txn, b, into, k); err != nil {
			return err
		}
	}
	if err := txn.Set([]byte(pMerged+into+"\x00"+from), nil); err != nil {
		return err
	}
	return txn.Set([]byte(pAlias+from), []byte(into))
}

// Aliases returns the subject ids that were merged into subject, directly
// or through earlier merges (bounded to 1,000), so that a watch or a link
// naming an old id still finds the subject.
func Aliases(txn *store.Txn, subject string) ([]string, error) {
	var out []string
	queue := []string{subject}
	for len(queue) > 0 && len(out) < 1000 {
		s := queue[0]
		queue = queue[1:]
		prefix := []byte(pMerged + s + "\x00")
		err := txn.Iterate(prefix, store.IterOptions{KeysOnly: true, Limit: 1000}, func(k []byte, _ func() ([]byte, error)) error {
			old := string(k[len(prefix):])
			out = append(out, old)
			queue = append(queue, old)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// IndexKeysOf returns the index keys a record with these properties has
// (the same keys resolution and lookup use), so other stages — query
// watches — can index by them too.
func IndexKeysOf(schema string, props map[string][]string) []string {
	return indexKeys(match.FromProperties(schema, props))
}

// olderSubject orders subject ids by age (smaller number first), so the
// survivor of a merge is the subject officers have known longest.
func olderSubject(a, b string) bool {
	na, _ := strconv.ParseUint(strings.TrimPrefix(a, "S-"), 10, 64)
	nb, _ := strconv.ParseUint(strings.TrimPrefix(b, "S-"), 10, 64)
	if na != nb {
		return na < nb
	}
	return a < b
}

// candidate is a record retrieved through shared index keys.
type candidate struct {
	key    string
	weight float64
}

// retrieve returns up to max records sharing index keys with keys, the
// records sharing the most (and rarest) keys first. Keys with more postings
// than GiantBucket are skipped — unless every key is such and the records
// are for a lookup, when the rarest is read up to PostingCap; pairs and
// identifiers are read first. A lookup also gives the rarest keys' records
// a larger share of the candidates (see reserve).
func (r *Resolver) retrieve(txn *store.Txn, b *batch, keys []string, self string, max int, gen uint64, lookup bool) ([]candidate, error) {
	total, err := r.totalRecords(txn, b)
	if err != nil {
		return nil, err
	}
	type keyInfo struct {
		key   string
		count uint32
		w     float64
	}
	var infos []keyInfo
	var rarestGiant keyInfo
	for _, k := range keys {
		c, err := r.count(txn, b, k)
		if err != nil {
			return nil, err
		}
		if c == 0 {
			continue
		}
		if int(c) > r.opt.GiantBucket {
			if rarestGiant.key == "" || c < rarestGiant.count {
				rarestGiant = keyInfo{k, c, 1}
			}
			continue
		}
		w := math.Log(1 + float64(total+1)/float64(c))
		switch k[0] {
		case 'x':
			w *= 3
		case 'p':
			w *= 1.5
		case 'd':
			w *= 0.5
		case 'm', 'y':
			w *= 1.5
		}
		infos = append(infos, keyInfo{k, c, w})
	}
	if len(infos) == 0 && lookup && rarestGiant.key != "" {
		// Every key is too common to read whole (Mehmet Kaya with no date,
		// in a store of millions): a lookup reads the first postings of the
		// rarest one and shows the best of those namesakes rather than
		// nothing, as a database would; resolution never merges on that.
		infos = append(infos, rarestGiant)
	}
	sort.Slice(infos, func(i, j int) bool { return infos[i].count < infos[j].count })
	// A single-name key shared by many records adds little once a pair of
	// names or an identifier has been read: skip it then.
	selective := false
	for _, ki := range infos {
		if ki.key[0] != 'n' && ki.key[0] != 'y' {
			selective = true
		}
	}
	if selective {
		kept := infos[:0]
		for _, ki := range infos {
			if ki.key[0] != 'n' || int(ki.count) <= r.opt.PostingCap/8 {
				kept = append(kept, ki)
			}
		}
		infos = kept
	}
	budget := r.opt.PostingBudget
	expect := 0
	for _, ki := range infos {
		expect += int(ki.count)
	}
	// Sized once: growing it was a tenth of resolution's time. A batch's
	// map serves each of its records in turn (resolution is one goroutine);
	// a lookup, which may run beside others, has its own.
	var acc map[string]float64
	if b != nil && !lookup {
		acc = reused(&b.acc, min(budget, 4*r.opt.PostingCap))
	} else {
		acc = make(map[string]float64, min(expect, budget, 4*r.opt.PostingCap))
	}
	// The records of the rarest keys — a date of birth, a document — are
	// always among the candidates, up to a quarter of them (half for a
	// lookup): their weight alone may not outrank hundreds of namesakes who
	// share the name's pair of words, yet they are the ones the date or
	// document points at (Rob Evans born on the day asked for, against
	// Robert Evans ×1,500). At 5M records a date of birth is shared by
	// about 130 records: a quarter of a lookup's 300 candidates left them
	// out, and the namesakes of a pair read in part took their place.
	reserve, reserved := max/4, 0
	if lookup {
		reserve = max / 2
	}
	var ranking []keyInfo // y/ keys: read last, to order what the others found
	for _, ki := range infos {
		if ki.key[0] == 'y' {
			ranking = append(ranking, ki)
			continue
		}
		w := ki.w
		if reserved+int(ki.count) <= reserve {
			reserved += int(ki.count)
			w += reservedWeight
		}
		limit := min(r.opt.PostingCap, budget)
		if limit <= 0 {
			break
		}
		n, err := r.eachPosting(txn, b, ki.key, limit, gen, func(other string) {
			if other != self {
				acc[other] += w
			}
		})
		if err != nil {
			return nil, err
		}
		budget -= n
	}
	// A word with the year of birth only orders the records the other keys
	// found (the Olivers born that year before the other Olivers): read
	// first, its records would widen the candidates to namesakes of a
	// common word born the same year, which the name's own keys skip.
	for _, ki := range ranking {
		if len(acc) <= max {
			break // every record found is a candidate: nothing to order
		}
		if int(ki.count) > r.opt.PostingCap/8 {
			// A common word born a common year (Mohamed, 1985, in a store of
			// millions) orders little for what reading it costs: the lists
			// it would rank are read for a few records each.
			continue
		}
		limit := min(r.opt.PostingCap, budget)
		if limit <= 0 {
			break
		}
		n, err := r.eachPosting(txn, b, ki.key, limit, gen, func(other string) {
			if _, ok := acc[other]; ok {
				acc[other] += ki.w
			}
		})
		if err != nil {
			return nil, err
		}
		budget -= n
	}
	return topCandidates(acc, max), nil
}

// reservedWeight lifts the records of the rarest keys above any sum of
// ordinary key weights (each at most a few tens).
const reservedWeight = 1000

// yearKeyYears bounds the years of birth a record's y/ keys are made
// with: lists give some people five or more (1960, 1961, 1962...).
const yearKeyYears = 3

// topCandidates returns the max candidates of acc with the most weight,
// heaviest first (ties by key, so retrieval is deterministic). It keeps a
// sorted window of max entries instead of sorting every posting read.
func topCandidates(acc map[string]float64, max int) []candidate {
	out := make([]candidate, 0, min(max, len(acc))+1)
	better := func(a, b candidate) bool {
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.key < b.key
	}
	for k, w := range acc {
		c := candidate{k, w}
		if len(out) == max && !better(c, out[max-1]) {
			continue
		}
		i := len(out)
		if i < max {
			out = append(out, c)
		} else {
			i = max - 1
		}
		for i > 0 && better(c, out[i-1]) {
			out[i] = out[i-1]
			i--
		}
		out[i] = c
	}
	return out
}

// addKeys and removeKeys write a record's postings; the postings counts
// change in the batch only and are written once per batch by flushCounts
// (a common key gains hundreds of postings in a batch).
func (r *Resolver) addKeys(txn *store.Txn, b *batch, key string, keys []string) error {
	for _, k := range keys {
		if err := txn.Set(posting(store.PrefixIndex, k, key), nil); err != nil {
			return err
		}
		b.notePosting(k, key, true)
		b.counts[k]++
	}
	return nil
}

func (r *Resolver) removeKeys(txn *store.Txn, b *batch, key string, keys []string) error {
	for _, k := range keys {
		if err := txn.Delete(posting(store.PrefixIndex, k, key)); err != nil {
			return err
		}
		b.notePosting(k, key, false)
		c, err := r.count(txn, b, k)
		if err != nil {
			return err
		}
		if c > 0 {
			b.counts[k]--
		}
	}
	return nil
}

// flushCounts writes the postings counts a batch changed.
func (r *Resolver) flushCounts(txn *store.Txn, b *batch) error {
	for k, d := range b.counts {
		if d == 0 {
			continue
		}
		c, err := r.count(txn, nil, k)
		if err != nil {
			return err
		}
		if err := txn.Set([]byte(pCount+k), u32(uint32(max(0, int64(c)+d)))); err != nil {
			return err
		}
	}
	return nil
}

func (r *Resolver) setTotal(txn *store.Txn, b *batch, delta int64) error {
	t, err := r.totalRecords(txn, b)
	if err != nil {
		return err
	}
	nt := uint64(int64(t) + delta)
	b.total += delta
	return txn.Set([]byte(kTotal), []byte{byte(nt >> 56), byte(nt >> 48), byte(nt >> 40), byte(nt >> 32), byte(nt >> 24), byte(nt >> 16), byte(nt >> 8), byte(nt)})
}

// PersonOf returns what the scorer knows of a person-like record (its
// identity properties with attached identifiers) and its index keys. It
// returns store.ErrNotFound for a record resolve has not indexed (not
// person-like, or not yet through the pipeline).
func (r *Resolver) PersonOf(txn *store.Txn, k store.Key) (match.Person, []string, error) {
	key := rk(k)
	e, err := r.load(txn, r.cur, key)
	if err != nil {
		return match.Person{}, nil, err
	}
	keys := e.f.Keys
	if keys == nil {
		if keys, err = r.storedKeys(txn, key); err != nil {
			return match.Person{}, nil, err
		}
	}
	return e.person, keys, nil
}

// storedKeys returns the index keys of a record's stored features, nil
// when it has none.
func (r *Resolver) storedKeys(txn *store.Txn, key string) ([]string, error) {
	raw, err := txn.Get([]byte(pFeatures + key))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	keys, err := decodeFeatureKeys(raw)
	if err != nil {
		return nil, fmt.Errorf("decode index keys of %s: %w", parseRK(key), err)
	}
	return keys, nil
}

// QueryKeys returns the index keys of a lookup query, as Lookup uses them.
func QueryKeys(q Query) []string { return indexKeys(QueryPerson(q)) }
