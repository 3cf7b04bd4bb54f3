package resolve

import (
	"context"
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
)

// LookupOptions shape a lookup.
type LookupOptions struct {
	// Limit is the number of subjects returned. Default 10.
	Limit int
	// MinScore drops candidates scoring below it. Default 0.25: candidates
	// between MinScore and the match threshold are returned as weak.
	MinScore float64
	// MaxRecords bounds the records listed per subject. Default 50.
	MaxRecords int
	// Visible filters records by clearance: a record it rejects is neither
	// scored nor shown. Nil shows everything.
	Visible func(store.Record) bool
}

// RecordRef is a record as a lookup lists it.
type RecordRef struct {
	Source         string    `json:"source"`
	ID             string    `json:"id"`
	Schema         string    `json:"schema"`
	Caption        string    `json:"caption,omitempty"`
	Score          float64   `json:"score,omitempty"`
	Classification string    `json:"classification,omitempty"`
	FirstSeen      time.Time `json:"firstSeen"`
	LastSeen       time.Time `json:"lastSeen"`
}

// Hit is one subject found by a lookup.
type Hit struct {
	Subject    string      `json:"subject"`
	Score      float64     `json:"score"`
	Match      bool        `json:"match"`
	Strength   string      `json:"strength"` // "strong" at or above the match threshold, "weak" below
	Evidence   []string    `json:"evidence"`
	Names      []string    `json:"names"`
	BirthDates []string    `json:"birthDates,omitempty"`
	Records    []RecordRef `json:"records"`
	// Best is the record that matched the query best.
	Best store.Key `json:"best"`
	// Hidden counts records of the subject the asker is not cleared for.
	Hidden int `json:"hidden,omitempty"`
}

var anyIDKinds = []string{"passport", "national_id", "phone", "email", "plate", "tax", "licence", "other"}

// QueryPerson turns a parsed query into the person the scorer compares.
func QueryPerson(q Query) match.Person {
	p := match.Person{BirthDates: q.BirthDates, Identifiers: q.Identifiers}
	if q.Name != "" {
		p.Names = []string{q.Name}
	}
	return p
}

// Lookup finds the subjects best matching q, strongest first. It never
// scans the store: candidates come from the indexes, bounded per key and
// in total.
func (r *Resolver) Lookup(ctx context.Context, q Query, opt LookupOptions) ([]Hit, error) {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	if opt.MinScore <= 0 {
		opt.MinScore = 0.25
	}
	if opt.MaxRecords <= 0 {
		opt.MaxRecords = 50
	}
	var hits []Hit
	gen := r.snapshotGen() // before the snapshot: see cacheMu
	err := r.db.View(func(txn *store.Txn) error {
		var err error
		hits, err = r.lookup(ctx, txn, q, opt, gen)
		return err
	})
	return hits, err
}

// respaceBelow is the best score under which a lookup's hits count as no
// one, for respacing the name (see lookup).
const respaceBelow = 0.1

// lookup runs q. A name typed with a space missing or misplaced is looked
// for again with the space put back (see respaced): at once when one of
// its words is unknown to the store, else when the name as typed found no
// one (LiShangfu: the skeleton of the one word keys like others', so it is
// not unknown) — and a respaced name's hits are kept only when one reaches
// the match threshold. Asked of every lookup whose best hit scored below
// 0.5, the second lookup took the generated population's p99 at 300k
// records from 7.5 to 13.7 ms for no recall; "no one" is a best hit below
// respaceBelow, a name that shares a word's key and nothing else (O SuYong
// found only Tan Yao Zong at 0.03, and Oh Su-yong was not looked for).
//
// A name that matched no one, respaced or not, is looked for once more
// under the keys a letter away from its words' (misspelt), and those hits
// are kept when one of them matches.
func (r *Resolver) lookup(ctx context.Context, txn *store.Txn, q Query, opt LookupOptions, gen uint64) ([]Hit, error) {
	if q.Name == "" {
		return r.lookupNames(ctx, txn, q, nil, nil, opt, gen)
	}
	hits, err := r.lookupSpaced(ctx, txn, q, opt, gen)
	if err != nil || slices.ContainsFunc(hits, isMatch) {
		return hits, err
	}
	near := r.misspelt(txn, q.Name)
	if len(near) == 0 {
		return hits, nil
	}
	again, err := r.lookupNames(ctx, txn, q, nil, near, opt, gen)
	if err != nil || !slices.ContainsFunc(again, isMatch) {
		return hits, err // no better: the hits of the name as typed stand
	}
	return again, nil
}

// isMatch reports whether a hit reaches the match threshold.
func isMatch(h Hit) bool { return h.Match }

// lookupSpaced runs q, and again with its name respaced (see lookup).
func (r *Resolver) lookupSpaced(ctx context.Context, txn *store.Txn, q Query, opt LookupOptions, gen uint64) ([]Hit, error) {
	extra := r.respaced(txn, q.Name, false)
	hits, err := r.lookupNames(ctx, txn, q, extra, nil, opt, gen)
	if err != nil || len(extra) > 0 || len(hits) > 0 && hits[0].Score >= respaceBelow {
		return hits, err
	}
	if extra = r.respaced(txn, q.Name, true); len(extra) == 0 {
		return hits, nil
	}
	again, err := r.lookupNames(ctx, txn, q, extra, nil, opt, gen)
	if err != nil || !slices.ContainsFunc(again, isMatch) {
		return hits, err // no better: the name as typed stands
	}
	return again, nil
}

// lookupNames runs q with the extra names (another spacing of its name)
// beside its own, and the extra index keys (misspelt) beside its keys.
func (r *Resolver) lookupNames(ctx context.Context, txn *store.Txn, q Query, extra, extraKeys []string, opt LookupOptions, gen uint64) ([]Hit, error) {
	qp := QueryPerson(q)
	// Identifiers of unknown kind are looked for under every kind.
	var ids []match.Identifier
	for _, id := range qp.Identifiers {
		if id.Kind != "" {
			ids = append(ids, id)
			continue
		}
		found := false
		for _, kind := range anyIDKinds {
			v := match.NormalizeIdentifier(kind, id.Value)
			if v == "" {
				continue
			}
			if c, err := r.count(txn, nil, identKey(kind, v)); err == nil && c > 0 {
				ids = append(ids, match.Identifier{Kind: kind, Value: id.Value})
				found = true
			}
		}
		if !found {
			ids = append(ids, match.Identifier{Kind: "other", Value: id.Value})
		}
	}
	qp.Identifiers = ids
	qp.Names = append(qp.Names, extra...)
	qp = r.names.Prepare(qp) // parsed once, not once per candidate
	keys := indexKeys(qp)
	// Spellings of the query's words in the common romanisation reach the
	// records spelt that way (Chudjakow finds Khudyakov).
	for _, n := range qp.ParsedNames() {
		for _, k := range n.FoldKeys() {
			if k := "n/" + k; !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	for _, k := range extraKeys {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	cands, err := r.retrieve(txn, nil, keys, "", r.opt.LookupCandidates, gen, true)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mo := r.matchOptions(txn, nil)
	// Candidates are read, prepared and scored on the workers together.
	entries, results, err := scoreEach(len(cands), func(i int) (*entry, error) {
		e, err := r.loadGen(txn, nil, cands[i].key, gen)
		if errors.Is(err, store.ErrNotFound) {
			return nil, nil
		}
		return e, err
	}, qp, mo, r.opt.Workers)
	if err != nil {
		return nil, err
	}
	// Subjects are read best candidate first, and only until the hits are
	// known: a lookup of a common name scores hundreds of candidates, and
	// reading each one's subject (and record, for its clearance) cost more
	// than scoring it. Once Limit subjects are found, a candidate scoring
	// below the last of them cannot enter the hits; one tied with it still
	// may (the older subject wins a tie).
	order := make([]int, 0, len(cands))
	scores := map[store.Key]float64{} // for each hit's records (fill)
	for i, res := range results {
		if entries[i] != nil && res.Score >= opt.MinScore {
			order = append(order, i)
			scores[entries[i].key] = res.Score
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return results[order[a]].Score > results[order[b]].Score })
	type best struct {
		score  float64
		result match.Result
		key    store.Key
		n      int // the subject's records scoring score
	}
	bySubject := map[string]*best{}
	floor := 0.0 // the score of the Limit-th subject found
	for _, i := range order {
		e, res := entries[i], results[i]
		if len(bySubject) >= opt.Limit && res.Score < floor {
			break
		}
		s, err := r.subjectOf(txn, nil, cands[i].key, gen)
		if err != nil {
			return nil, err
		}
		if s == "" {
			continue
		}
		// Clearance is checked only for the candidates whose subject may
		// be shown.
		if opt.Visible != nil {
			rec, err := store.GetRecord(txn, e.key)
			if err != nil || !opt.Visible(rec) {
				continue
			}
		}
		b := bySubject[s]
		if b == nil {
			b = &best{score: -1}
			bySubject[s] = b
			if len(bySubject) == opt.Limit {
				floor = res.Score
			}
		}
		switch {
		case res.Score > b.score:
			b.score, b.result, b.key, b.n = res.Score, res, e.key, 1
		case res.Score == b.score:
			b.n++
		}
	}
	if qp.SaysKin() {
		// Each record was compared alone; a subject's others may say it is
		// the query's father or son (kinApart).
		for s, b := range bySubject {
			if b.result.Kin {
				continue
			}
			ev, apart, err := r.kinApart(txn, s, qp, opt, gen)
			if err != nil {
				return nil, err
			}
			if apart {
				b.score = max(0, b.score-match.KinPenalty)
				b.result.Evidence = append(slices.Clip(b.result.Evidence), ev+" with another record of the subject")
			}
		}
	}
	type ranked struct {
		hit Hit
		n   int // best.n
	}
	ranking := make([]ranked, 0, len(bySubject))
	for s, b := range bySubject {
		ranking = append(ranking, ranked{Hit{Subject: s, Score: round3(b.score), Match: b.score >= r.opt.MatchThreshold, Evidence: b.result.Evidence, Best: b.key}, b.n})
	}
	sort.Slice(ranking, func(i, j int) bool {
		x, y := ranking[i], ranking[j]
		if x.hit.Score != y.hit.Score {
			return x.hit.Score > y.hit.Score
		}
		// Namesakes the query matches alike (Nguyen Van Hung, no date):
		// first the one more sources write so, the likelier to be meant.
		if x.n != y.n {
			return x.n > y.n
		}
		return olderSubject(x.hit.Subject, y.hit.Subject)
	})
	var hits []Hit
	for _, o := range ranking[:min(len(ranking), opt.Limit)] {
		hits = append(hits, o.hit)
	}
	for i := range hits {
		h := &hits[i]
		h.Strength = "weak"
		if h.Match {
			h.Strength = "strong"
		}
		if err := r.fill(txn, h, scores, opt); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// kinApart reports whether the records of subject, taken together, name
// a relative of the query's person (match.KinApart): one record writes
// Jr. where the query says Sr., another no generation at all, and that one
// matched the query best. Records the asker may not see say nothing.
func (r *Resolver) kinApart(txn *store.Txn, subject string, qp match.Person, opt LookupOptions, gen uint64) (string, bool, error) {
	var ps []match.Person
	var failed error
	_, err := visibleRecords(txn, subject, opt, func(k store.Key, _ store.Record) {
		e, err := r.loadGen(txn, nil, rk(k), gen)
		switch {
		case err == nil:
			ps = append(ps, e.person)
		case !errors.Is(err, store.ErrNotFound) && failed == nil:
			failed = err
		}
	})
	if err = errors.Join(err, failed); err != nil {
		return "", false, err
	}
	ev, apart := match.KinApart(qp, ps)
	return ev, apart, nil
}

// visibleRecords calls fn with each record of subject the asker may see
// (opt.Visible), the newest fillRecords among them, and returns how many
// it passed over as hidden. A record gone since it was listed is skipped.
func visibleRecords(txn *store.Txn, subject string, opt LookupOptions, fn func(store.Key, store.Record)) (hidden int, err error) {
	keys, err := records(txn, subject, fillRecords)
	if err != nil {
		return 0, err
	}
	for _, k := range keys {
		rec, err := store.GetRecord(txn, k)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return hidden, err
		}
		if opt.Visible != nil && !opt.Visible(rec) {
			hidden++
			continue
		}
		fn(k, rec)
	}
	return hidden, nil
}

// fillRecords bounds the records fill reads per subject: a subject of
// tens of thousands of records (a prolific phone owner, a bad merge) must
// not make every lookup that shows it slow. The newest are chosen among
// those read.
const fillRecords = 2000

// fill lists a hit's records (newest first), names and dates of birth.
func (r *Resolver) fill(txn *store.Txn, h *Hit, scores map[store.Key]float64, opt LookupOptions) error {
	hidden, err := visibleRecords(txn, h.Subject, opt, func(k store.Key, rec store.Record) {
		for _, p := range []string{"name", "alias"} {
			for _, n := range rec.Properties[p] {
				if !slices.Contains(h.Names, n) && len(h.Names) < 20 {
					h.Names = append(h.Names, n)
				}
			}
		}
		for _, d := range rec.Properties["birthDate"] {
			if !slices.Contains(h.BirthDates, d) && len(h.BirthDates) < 20 {
				h.BirthDates = append(h.BirthDates, d)
			}
		}
		h.Records = append(h.Records, RecordRef{
			Source: rec.Source, ID: rec.ID, Schema: rec.Schema, Caption: rec.First("name"),
			Score: round3(scores[k]), Classification: rec.Classification,
			FirstSeen: rec.FirstSeen, LastSeen: rec.LastSeen,
		})
	})
	h.Hidden += hidden
	if err != nil {
		return err
	}
	sort.SliceStable(h.Records, func(i, j int) bool { return h.Records[i].LastSeen.After(h.Records[j].LastSeen) })
	if len(h.Records) > opt.MaxRecords {
		h.Records = h.Records[:opt.MaxRecords]
	}
	return nil
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// Subject is a resolved subject with its records.
type Subject struct {
	ID      string      `json:"subject"`
	Names   []string    `json:"names"`
	Records []RecordRef `json:"records"`
	Hidden  int         `json:"hidden,omitempty"`
}

// Subject returns a subject by id (following merges) with its records.
func (r *Resolver) Subject(ctx context.Context, id string, visible func(store.Record) bool) (Subject, error) {
	var s Subject
	err := r.db.View(func(txn *store.Txn) error {
		canon, err := Canonical(txn, id)
		if err != nil {
			return err
		}
		h := Hit{Subject: canon}
		if err := r.fill(txn, &h, nil, LookupOptions{MaxRecords: 200, Visible: visible}); err != nil {
			return err
		}
		if len(h.Records) == 0 && h.Hidden == 0 {
			return store.ErrNotFound
		}
		s = Subject{ID: canon, Names: h.Names, Records: h.Records, Hidden: h.Hidden}
		return nil
	})
	return s, err
}
