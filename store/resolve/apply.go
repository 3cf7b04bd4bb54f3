package resolve

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/names"
)

// Apply is the feed stage: it resolves every changed person-like record and
// attaches identifiers from Passport and Identification records to their
// holder. It runs inside the feed consumer's transaction, so its writes and
// the feed cursor commit together.
func (r *Resolver) Apply(txn *store.Txn, changes []store.Change) error {
	if err := r.markIndexVersion(txn); err != nil {
		return err
	}
	b := r.newBatch(txn)
	r.cur = b
	for _, c := range changes {
		rec, err := store.GetRecord(txn, c.Key)
		if errors.Is(err, store.ErrNotFound) {
			continue // expired since (retention)
		}
		if err != nil {
			return err
		}
		if rec.Seq != c.Seq {
			continue // a newer version is further down the feed
		}
		switch {
		case SubjectSchema(rec.Schema):
			err = r.resolve(txn, b, rec.Key(), rec.Schema, rec.Properties)
		case rec.Schema == "Passport" || rec.Schema == "Identification":
			err = r.attach(txn, b, rec)
		}
		if err != nil {
			return fmt.Errorf("resolve %s: %w", rec.Key(), err)
		}
	}
	return r.flushCounts(txn, b)
}

// attach gives the holder of a Passport or Identification record its number
// as an identifier, then resolves the holder again (the number may be the
// evidence that joins two subjects).
func (r *Resolver) attach(txn *store.Txn, b *batch, rec store.Record) error {
	number := rec.First("number")
	if number == "" {
		number = rec.First("passportNumber")
	}
	kind := "national_id"
	if rec.Schema == "Passport" {
		kind = "passport"
	}
	for _, holder := range rec.Properties["holder"] {
		hk := store.Key{Source: rec.Source, ID: holder}
		att := map[string][]string{}
		if number != "" {
			if kind == "passport" {
				att["passportNumber"] = []string{number}
			} else {
				att["idNumber"] = []string{number}
			}
		}
		raw, _ := json.Marshal(att)
		if err := txn.Set(pair(pAttach, rk(hk), rk(rec.Key())), raw); err != nil {
			return err
		}
		h, err := store.GetRecord(txn, hk)
		if errors.Is(err, store.ErrNotFound) {
			continue // the holder arrives later and picks the attachment up
		}
		if err != nil {
			return err
		}
		if SubjectSchema(h.Schema) {
			if err := r.resolve(txn, b, hk, h.Schema, h.Properties); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *Resolver) buildFeatures(txn *store.Txn, k store.Key, schema string, props map[string][]string) (features, error) {
	f := features{Schema: schema, Props: map[string][]string{}}
	for _, p := range identityProps {
		if v := props[p]; len(v) > 0 {
			f.Props[p] = slices.Clone(v)
		}
	}
	prefix := []byte(pAttach + rk(k) + "\x00\x00")
	err := txn.Iterate(prefix, store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
		raw, err := val()
		if err != nil {
			return err
		}
		var att map[string][]string
		if err := json.Unmarshal(raw, &att); err != nil {
			return fmt.Errorf("decode attachment: %w", err)
		}
		for p, vs := range att {
			for _, v := range vs {
				if !slices.Contains(f.Props[p], v) {
					f.Props[p] = append(f.Props[p], v)
				}
			}
		}
		return nil
	})
	return f, err
}

// scored is a candidate record with its score against the record resolved.
type scored struct {
	e      *entry
	result match.Result
}

func (r *Resolver) matchOptions(txn *store.Txn, b *batch) match.Options {
	o := match.DefaultOptions()
	o.Threshold = r.opt.MatchThreshold
	if total, err := r.totalRecords(txn, b); err == nil && total >= minWeightedRecords {
		o.Weights = storeWeights{r: r, txn: txn, b: b, total: total, memo: map[string]float64{}}
	} else if r.pairs != nil {
		o.Weights = builtinWeights{r.pairs}
	}
	return o
}

// builtinWeights are the built-in weights (nil weights to the scorer) of
// a store too small for its own counts, with the resolver's memo of
// compared words.
type builtinWeights struct{ pairs *names.PairMemo }

func (builtinWeights) Weight(tok string) float64   { return names.DefaultWeights{}.Weight(tok) }
func (w builtinWeights) PairMemo() *names.PairMemo { return w.pairs }

// resolveOptions are matchOptions without explanations: resolution reads
// only scores and flags.
func (r *Resolver) resolveOptions(txn *store.Txn, b *batch) match.Options {
	o := r.matchOptions(txn, b)
	o.Brief = true
	return o
}

// resolve (re)indexes one person-like record and places it in a subject.
func (r *Resolver) resolve(txn *store.Txn, b *batch, k store.Key, schema string, props map[string][]string) error {
	key := rk(k)
	f, err := r.buildFeatures(txn, k, schema, props)
	if err != nil {
		return err
	}
	e := r.newEntry(k, f)
	e.f.Keys = indexKeys(e.person)

	old, err := r.load(txn, b, key)
	switch {
	case errors.Is(err, store.ErrNotFound):
		old = nil
		if err := r.setTotal(txn, b, 1); err != nil {
			return err
		}
	case err != nil:
		return err
	}
	var drop, add []string
	if old != nil {
		oldKeys, err := r.storedKeys(txn, key)
		if err != nil {
			return err
		}
		for _, ok := range oldKeys {
			if !slices.Contains(e.f.Keys, ok) {
				drop = append(drop, ok)
			}
		}
		for _, nk := range e.f.Keys {
			if !slices.Contains(oldKeys, nk) {
				add = append(add, nk)
			}
		}
	} else {
		add = e.f.Keys
	}
	if err := r.removeKeys(txn, b, key, drop); err != nil {
		return err
	}
	if err := r.addKeys(txn, b, key, add); err != nil {
		return err
	}
	if err := txn.Set([]byte(pFeatures+key), encodeFeatures(e.f)); err != nil {
		return err
	}
	e.f.Props = nil // written; the cached entry needs only its prepared person
	b.entries[key] = e

	current, err := r.subjectOf(txn, b, key, 0)
	if err != nil {
		return err
	}
	judged, err := judgementsOf(txn, key)
	if err != nil {
		return err
	}

	cands, err := r.retrieve(txn, b, e.f.Keys, key, r.opt.MaxCandidates, 0, false)
	if err != nil {
		return err
	}
	// Records judged the same are candidates whatever the index says.
	for other, j := range judged {
		if j.Same && !slices.ContainsFunc(cands, func(c candidate) bool { return c.key == other }) {
			cands = append(cands, candidate{key: other})
		}
	}
	excluded := map[string]bool{}
	mo := r.resolveOptions(txn, b)
	// The candidates are read in order, then scored and filed under their
	// subjects in the same order.
	sc := &b.scratch
	filed := sc.filed[:0]
	for _, c := range cands {
		ce, err := r.load(txn, b, c.key)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		s, err := r.subjectOf(txn, b, c.key, 0)
		if err != nil {
			return err
		}
		if s == "" {
			continue
		}
		if j, ok := judged[c.key]; ok {
			if !j.Same {
				excluded[s] = true
				continue
			}
			filed = append(filed, filing{s, ce, true, j.By})
			continue
		}
		if !compatible(schema, ce.f.Schema) {
			continue
		}
		filed = append(filed, filing{subject: s, e: ce})
	}
	// Each subject's records are a window of one array (capacity exact, so
	// an append to one never writes into the next): a map of slices grown
	// one record at a time was a tenth of what resolution allocated.
	sc.filed = filed
	perSubject := reused(&sc.per, len(filed))
	for _, f := range filed {
		perSubject[f.subject]++
	}
	all := sc.scoredOf(len(filed))
	bySubject := reused(&sc.bySubj, len(perSubject))
	next := 0
	for _, f := range filed {
		var res match.Result
		if f.judged {
			res = match.Result{Score: 1, Match: true, Evidence: []string{"judged the same by " + f.by}}
		} else {
			// Scored in order on this goroutine: a record has a few dozen
			// candidates at most, and the pipeline shares the cores with
			// Badger's compactions and the ingest (on two cores, scoring on
			// both resolved 100k records 10-15% slower while another job
			// ran, 4% faster on an idle machine).
			res = r.compare(txn, b, e, f.e, mo)
		}
		recs, ok := bySubject[f.subject]
		if !ok {
			n := perSubject[f.subject]
			recs, next = all[next:next:next+n], next+n
		}
		bySubject[f.subject] = append(recs, scored{f.e, res})
	}

	var hits []subjScore
	for s, recs := range bySubject {
		if excluded[s] {
			continue
		}
		best, judge := 0.0, false
		for _, sc := range recs {
			best = max(best, sc.result.Score)
			if _, ok := judged[rk(sc.e.key)]; ok {
				judge = true
			}
		}
		if best < r.opt.Threshold && pieced(recs, r.opt.Threshold) {
			best = r.opt.Threshold
		}
		if best >= r.opt.Threshold || judge {
			hits = append(hits, subjScore{s, best, recs, judge})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].best != hits[j].best {
			return hits[i].best > hits[j].best
		}
		return olderSubject(hits[i].id, hits[j].id)
	})

	target := current
	if current != "" && excluded[current] {
		// A judgement says this record is not the same as someone in its
		// subject: it leaves, and is placed afresh.
		if err := leave(txn, b, current, key); err != nil {
			return err
		}
		target, current = "", ""
	}
	// A record alone in its subject that now matches others (it was
	// updated, or a document attached to it arrived after it) is placed as
	// a new record would be: its subject merges into the one it joins, so
	// that watches on either follow.
	alone := false
	var refused []subjScore // subjects this new record matches and may not join
	if current != "" && len(hits) > 0 {
		members, err := records(txn, current, 2)
		if err != nil {
			return err
		}
		alone = len(members) == 1
	}
	if (target == "" || alone) && len(hits) > 0 {
		// Join the best subject that holds no one this record conflicts
		// with (see joinable) — unless another subject matches about as
		// well and the two conflict: then the record is ambiguous (a
		// common name with no date, between two namesakes) and starts a
		// subject of its own rather than guessing.
		target = ""
		var joinable []subjScore
		for _, h := range hits {
			ok, odd, err := r.joinableOdd(txn, b, e, mo, h)
			if err == nil && (!ok || odd) && !alone {
				// Refused, or let in beside a member naming another
				// father (or another entry of its list) that a name
				// alone may have placed: that member may have to go.
				var made bool
				made, err = r.makeRoom(txn, b, e, mo, &h)
				ok = ok || made
			}
			if err != nil {
				return err
			}
			if ok {
				joinable = append(joinable, h)
			} else if !alone {
				refused = append(refused, h)
			}
		}
		hits = heldFirst(joinable, r.opt.Threshold)
		if len(hits) > 0 {
			target = hits[0].id
			for _, h := range hits[1:] {
				if h.best < hits[0].best-ambiguityMargin || hits[0].judge {
					break
				}
				if heldBy(hits[0], r.opt.Threshold) && !heldBy(h, r.opt.Threshold) {
					// A phone or a document ties the record to the first;
					// a home or a name alone to this one: the first is
					// the person, this one maybe the household.
					continue
				}
				fits, err := r.nameFitsOnly(txn, b, e, mo, hits[0], h)
				if err != nil {
					return err
				}
				if fits {
					continue // the initial says which (nameFitsOnly)
				}
				apart, err := r.conflicting(txn, b, e, hits[0].recs, h.recs)
				if err != nil {
					return err
				}
				if apart {
					target, hits = "", nil
					break
				}
			}
		}
	}
	joined := target // the subject matched, before a merge may rename it
	switch {
	case alone && target == "":
		target = current // it stays where it is
	case alone:
		into, err := mergeIntoOlder(txn, b, target, current)
		if err != nil {
			return err
		}
		r.log.Debug("placed a record alone in its subject", "into", into, "record", k.String())
		target = into
	case target == "":
		if target, err = r.newSubject(txn); err != nil {
			return err
		}
	}
	if current == "" {
		if err := join(txn, b, target, key); err != nil {
			return err
		}
	}
	// Other subjects this record matches are merged only with evidence
	// between them beyond this record.
	var targetRecs []scored
	for _, h := range hits {
		if h.id == joined {
			targetRecs = h.recs
		}
	}
	for _, h := range hits {
		if h.id == target || h.id == joined {
			continue
		}
		strong := bestOf(targetRecs) >= r.opt.StrongBridge && h.best >= r.opt.StrongBridge
		ok, err := r.mergeAllowed(txn, b, e, targetRecs, h.recs, h.judge, strong)
		if err == nil && !ok {
			ok, err = r.wouldJoin(txn, b, e, h, target, mo)
		}
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		into, err := mergeIntoOlder(txn, b, target, h.id)
		if err != nil {
			return err
		}
		r.log.Debug("merged subjects", "into", into, "via", k.String())
		target = into
		targetRecs = append(targetRecs, h.recs...)
	}
	// A record alone in its subject that this record and the subject it
	// joined complete (pieced: the bank's phone, the case file's name) is
	// placed as it would be had it come after them.
	for _, f := range sc.filed { // in the candidates' order, not the map's
		s, recs := f.subject, bySubject[f.subject]
		if s == target || s == joined || excluded[s] || len(recs) != 1 || !piece(recs[0], r.opt.Threshold) {
			continue
		}
		ok, err := r.completes(txn, b, e, recs[0], s, target, mo)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		into, err := mergeIntoOlder(txn, b, target, s)
		if err != nil {
			return err
		}
		r.log.Debug("merged a record the subject completes", "into", into, "via", k.String())
		target = into
	}
	for _, h := range refused {
		if err := r.takeHeld(txn, b, e, h, target, mo); err != nil {
			return err
		}
		if err := r.unplaceAmbiguous(txn, b, e, h, mo); err != nil {
			return err
		}
	}
	return nil
}

// takeHeld moves into subject target, where the new record e went, the
// members of subject h, which e may not join, that e holds by a phone or
// a document while only a home or a name ties them to the rest of h: a
// money remitter's customer Mohamed Osman Ahmed, at the Al Qusais address
// of a bank's Mohamed Osman Ahmed, joined that one; the suspicious
// transaction report that gives the remitter's phone, and an identity
// number that is not the bank's customer's, shows whose the remitter's
// record is. A member something identifying ties to h (a phone, a
// document, a full date of birth), or that a judgement placed, stays.
func (r *Resolver) takeHeld(txn *store.Txn, b *batch, e *entry, h subjScore, target string, mo match.Options) error {
	if h.judge || target == "" || target == h.id {
		return nil
	}
	for _, y := range h.recs {
		if !y.result.Held || y.result.Conflict || y.result.Score < r.opt.Threshold {
			continue
		}
		tied, others := false, 0
		judged, err := r.againstRest(txn, b, y.e, h.id, mo, func(res match.Result) {
			others++
			tied = tied || res.Held || res.Strong && !res.HomeOnly
		})
		if err != nil {
			return err
		}
		if judged || tied || others == 0 {
			continue
		}
		ykey := rk(y.e.key)
		subject, err := r.subjectOf(txn, b, ykey, 0)
		if err != nil {
			return err
		}
		if subject != h.id {
			continue
		}
		// It joins target as any record would: nothing there conflicts
		// with it beyond what agrees (joinable).
		ok, err := r.joinable(txn, b, y.e, mo, subjScore{id: target, best: y.result.Score, recs: []scored{{e: e, result: y.result}}})
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := leave(txn, b, subject, ykey); err != nil {
			return err
		}
		if err := join(txn, b, target, ykey); err != nil {
			return err
		}
		r.log.Debug("moved a record the new record holds out of a subject only a home or a name tied it to", "record", y.e.key.String(), "from", subject, "into", target, "via", e.key.String())
	}
	return nil
}

// piece says whether y, scored against a new record below threshold,
// holds one piece of what pieced asks (a phone or a document in common,
// or the name written alike) with nothing against it, and holds an
// identifier or a phone of its own, as the records pieced together do.
func piece(y scored, threshold float64) bool {
	res := y.result
	return res.Score < threshold && !res.Conflict && !res.Disagreeing &&
		(res.Held || res.Name >= piecedName) && len(y.e.person.Identifiers) > 0
}

// completes says whether y, the one record of subject ys, joins subject
// target (which holds e) as it would had it come after them: e and the
// members of target piece it together (pieced) and it may join
// (joinable).
func (r *Resolver) completes(txn *store.Txn, b *batch, e *entry, y scored, ys, target string, mo match.Options) (bool, error) {
	members, err := records(txn, ys, 2)
	if err != nil || len(members) != 1 {
		return false, err
	}
	ykey, ekey := rk(y.e.key), rk(e.key)
	recs := []scored{{e: e, result: y.result}}
	err = r.compareMembers(txn, b, y.e, target, mo, func(key string) bool { return key == ykey || key == ekey }, func(me *entry, res match.Result) {
		recs = append(recs, scored{me, res})
	})
	if err != nil || !pieced(recs, r.opt.Threshold) {
		return false, err
	}
	return r.joinable(txn, b, y.e, mo, subjScore{id: target, best: r.opt.Threshold, recs: recs})
}

// makeRoom takes out of subject h the members that keep the new record e
// from joining it, or that e conflicts with though the rest let it in,
// when a name alone placed them there and e is tied to the rest by more:
// a record of a common name with no date of birth (Muhammad Umar, son of
// Ghulam Rasool, on Pakistan's list) joins the first namesake to arrive
// (Mullah Omar, listed as Muhammad Umar too), and a later record of that
// namesake that names another father would otherwise be kept out of its
// own person's subject. Each member e
// conflicts with must have no date of birth, no judgement, and nothing
// but a name in common with the rest of h; e must agree with some of the
// rest on more than a name (a date of birth, a document) and conflict with
// none of them. The members taken out start subjects of their own, as
// they would have had they come after both. It reports whether it made
// room (h's records are then the rest).
func (r *Resolver) makeRoom(txn *store.Txn, b *batch, e *entry, mo match.Options, h *subjScore) (bool, error) {
	if h.judge {
		return false, nil
	}
	// The members as joinable reads them (eachMember).
	var odd, rest []scored
	blocked := false
	file := func(me *entry, res match.Result) {
		switch {
		case !res.Conflict || res.Score >= r.opt.MergeFloor:
			rest = append(rest, scored{me, res})
		case len(me.person.BirthDates) > 0 || !res.Kin:
			blocked = true
		default:
			odd = append(odd, scored{me, res})
		}
	}
	if err := r.eachMember(txn, b, e, *h, mo, file); err != nil {
		return false, err
	}
	if blocked {
		return false, nil
	}
	held := false
	for _, x := range rest {
		held = held || x.result.Score >= r.opt.Threshold && x.result.Corroborated
	}
	if !held || len(odd) == 0 {
		return false, nil
	}
	for _, y := range odd {
		judged, err := judgementsOf(txn, rk(y.e.key))
		if err != nil || len(judged) > 0 {
			return false, err
		}
		for _, x := range rest {
			if res := r.compare(txn, b, y.e, x.e, mo); res.Corroborated || res.Strong {
				return false, nil
			}
		}
	}
	for _, y := range odd {
		own, err := r.setApart(txn, b, h.id, rk(y.e.key))
		if err != nil {
			return false, err
		}
		r.log.Debug("took a record placed by its name alone out of its subject", "record", y.e.key.String(), "from", h.id, "into", own, "via", e.key.String())
	}
	var recs []scored
	best := 0.0
	for _, sc := range h.recs {
		if !slices.ContainsFunc(odd, func(y scored) bool { return y.e == sc.e }) {
			recs = append(recs, sc)
			best = max(best, sc.result.Score)
		}
	}
	h.recs, h.best = recs, best
	return true, nil
}

// setApart moves record key out of subject into a new subject of its own
// and returns that subject.
func (r *Resolver) setApart(txn *store.Txn, b *batch, subject, key string) (string, error) {
	if err := leave(txn, b, subject, key); err != nil {
		return "", err
	}
	own, err := r.newSubject(txn)
	if err != nil {
		return "", err
	}
	return own, join(txn, b, own, key)
}

// unplaceAmbiguous takes out of subject h the members the new record e
// matches as well as it matches the rest of h, when e may not join h: a
// record that holds only a name two people share (Sajid Mir, the senator
// born 1938, and Sajid Mir of the Mumbai attacks) joined the first of
// them to arrive; had it come after both it would have been ambiguous
// and kept a subject of its own (see resolve), and so it does now. Only a
// member with no date of birth whose name is the new record's, written
// the same: one spelt otherwise, or dated, is placed by more than a
// name's luck (taking those out too cost recall on eleven held-out
// sets). A member that something identifying ties to the rest of h (a
// full date of birth, a document, a phone), or that a judgement placed,
// stays — unless it is tied as strongly to e and only by an address: a
// vehicle of Nguyen Van Hung at the home of the father and of the son
// named after him is either's.
func (r *Resolver) unplaceAmbiguous(txn *store.Txn, b *batch, e *entry, h subjScore, mo match.Options) error {
	for _, y := range h.recs {
		if y.result.Score < r.opt.Threshold || y.result.Name < .99 || len(y.e.person.BirthDates) > 0 {
			continue
		}
		best, tied, held := 0.0, false, false
		judged, err := r.againstRest(txn, b, y.e, h.id, mo, func(res match.Result) {
			best = max(best, res.Score)
			tied = tied || res.Strong
			held = held || res.Held
		})
		if err != nil {
			return err
		}
		if judged {
			continue
		}
		ykey := rk(y.e.key)
		// A phone or a document ties it to h for good; a home or a full
		// date only unless it ties it as strongly to e.
		keptBy := held || tied && !(y.result.Strong && y.result.Score >= best)
		if keptBy || best == 0 || y.result.Score < best-ambiguityMargin {
			continue
		}
		subject, err := r.subjectOf(txn, b, ykey, 0)
		if err != nil {
			return err
		}
		if subject != h.id {
			continue // gone already: takeHeld gave it to the new record
		}
		own, err := r.setApart(txn, b, subject, ykey)
		if err != nil {
			return err
		}
		r.log.Debug("took an ambiguous record out of its subject", "record", y.e.key.String(), "from", subject, "into", own, "via", e.key.String())
	}
	return nil
}

// againstRest hands fn the result of member y of subject against each
// other member (the first joinMembers), unless a judgement names y: then
// it reports judged, and a person placed it, not a score.
func (r *Resolver) againstRest(txn *store.Txn, b *batch, y *entry, subject string, mo match.Options, fn func(match.Result)) (judged bool, err error) {
	ykey := rk(y.key)
	j, err := judgementsOf(txn, ykey)
	if err != nil || len(j) > 0 {
		return len(j) > 0, err
	}
	return false, r.compareMembers(txn, b, y, subject, mo, func(key string) bool { return key == ykey }, func(_ *entry, res match.Result) { fn(res) })
}

// filing is a candidate of resolve filed under its subject.
type filing struct {
	subject string
	e       *entry
	judged  bool // by: judged the same, not scored
	by      string
}

// resolveScratch is the working space of resolve, kept by the batch and
// used again for each of its records: made afresh, its slices and maps
// were a tenth of what resolution allocated. Nothing of it outlives the
// record's resolve (the subjects' windows of all are exact, so an append
// to one copies it out).
type resolveScratch struct {
	filed  []filing
	all    []scored
	per    map[string]int
	bySubj map[string][]scored
}

// reused returns *m emptied, made with room for n entries the first time.
func reused[K comparable, V any](m *map[K]V, n int) map[K]V {
	if *m == nil {
		*m = make(map[K]V, n)
	}
	clear(*m)
	return *m
}

// scoredOf returns n zeroed scored records.
func (sc *resolveScratch) scoredOf(n int) []scored {
	if cap(sc.all) < n {
		sc.all = make([]scored, n)
	}
	sc.all = sc.all[:n]
	clear(sc.all)
	return sc.all
}

// wouldJoin says whether a subject h of one record, which the new record
// e matches, would have taken e's subject target had it come after e:
// its record matches e, and joins target as any record would (see
// joinable: no member of target conflicts with it beyond what agrees).
// Resolution then does not depend on the order records arrive in — Icsac
// James, a typo away, kept apart from Isaac James because he came first.
func (r *Resolver) wouldJoin(txn *store.Txn, b *batch, e *entry, h subjScore, target string, mo match.Options) (bool, error) {
	if h.judge || len(h.recs) != 1 || h.recs[0].result.Score < r.opt.Threshold {
		return false, nil
	}
	members, err := records(txn, h.id, 2)
	if err != nil || len(members) != 1 {
		return false, err
	}
	y := h.recs[0]
	return r.joinable(txn, b, y.e, mo, subjScore{id: target, best: y.result.Score, recs: []scored{{e: e, result: y.result}}})
}

// mergeIntoOlder merges subjects a and c into the older of the two (whose
// id stays; the other becomes its alias) and returns that id.
func mergeIntoOlder(txn *store.Txn, b *batch, a, c string) (string, error) {
	into, from := a, c
	if olderSubject(from, into) {
		into, from = from, into
	}
	return into, merge(txn, b, into, from)
}

// subjScore is a subject a record matches, with the records scored.
type subjScore struct {
	id    string
	best  float64
	recs  []scored
	judge bool
}

// heldBy says whether a record of subject h matches the new record at
// threshold or better with something one person holds in common (a
// document, a phone, an e-mail: Result.Held).
func heldBy(h subjScore, threshold float64) bool {
	for _, sc := range h.recs {
		if sc.result.Held && sc.result.Score >= threshold {
			return true
		}
	}
	return false
}

// heldFirst moves to the front, among the subjects matching about as well
// as the best (within ambiguityMargin), the first one heldBy ties: KAYA
// Hueseyin of a bank, whose phone is the son's and whose address the
// father's, is the son. hits is sorted best first; it is reordered in
// place and returned.
func heldFirst(hits []subjScore, threshold float64) []subjScore {
	if len(hits) < 2 || heldBy(hits[0], threshold) || hits[0].judge {
		return hits
	}
	for i := 1; i < len(hits) && hits[i].best >= hits[0].best-ambiguityMargin; i++ {
		if heldBy(hits[i], threshold) {
			h := hits[i]
			copy(hits[1:i+1], hits[:i])
			hits[0] = h
			break
		}
	}
	return hits
}

// pieced says whether a subject's records, each matching the new record
// below threshold, together make it the subject's person: one holds what
// the record holds (a phone, a document: Result.Held) though its name is
// written otherwise, another writes the name as the record does (at
// piecedName or better), and none conflicts or disagrees. A telecom
// subscriber OKAFOR C whose phone is Emeka Okafor's at a bank is
// Chukwuemeka Okafor of the case file, whom the bank knows as Emeka.
func pieced(recs []scored, threshold float64) bool {
	held, named := false, false
	for _, sc := range recs {
		res := sc.result
		if res.Conflict || res.Disagreeing {
			return false
		}
		held = held || res.Held
		named = named || res.Name >= piecedName
	}
	return held && named
}

// piecedName is the least name similarity at which a member's name, beside
// another member's document or phone, makes a record the subject's person
// (see pieced): a surname and an initial of the given name (0.85).
const piecedName = 0.8

// nameFitsOnly says whether the record's name fits every member of the
// best subject, while a member of the other writes it with a word it
// has no counterpart for: Michael J. O'Neill, at the home of Michael
// Joseph O'Neill (1950) and of his son Michael Patrick (1978), whom a
// telecom's Mickey O'Neill there fits as well. The initial says which.
func (r *Resolver) nameFitsOnly(txn *store.Txn, b *batch, e *entry, mo match.Options, best, other subjScore) (bool, error) {
	apartIn := func(h subjScore) (bool, error) {
		apart := false
		err := r.eachMember(txn, b, e, h, mo, func(_ *entry, res match.Result) { apart = apart || res.NameApart })
		return apart, err
	}
	if apart, err := apartIn(other); err != nil || !apart {
		return false, err
	}
	apart, err := apartIn(best)
	return !apart, err
}

// ambiguityMargin: a subject matching within this score of the best one
// makes the record ambiguous when the two conflict.
const ambiguityMargin = 0.03

// joinMembers bounds the members of a subject a record is checked against
// before it joins.
const joinMembers = 64

// joinable says whether a record may join a subject it matches: the
// members it conflicts with (a date of birth, a document, the gender, with
// not enough else agreeing) must not outnumber the members it matches, and
// at least one of those must agree on more than a name and a year of birth
// — so that a record matching the year-only member of a chain of namesakes
// does not join people it cannot be, while a record with a typo against
// one member of its own subject still joins. A judgement "same" with a member makes it
// joinable.
func (r *Resolver) joinable(txn *store.Txn, b *batch, e *entry, mo match.Options, h subjScore) (bool, error) {
	ok, _, err := r.joinableOdd(txn, b, e, mo, h)
	return ok, err
}

// joinableOdd is joinable, and says too whether e conflicts with an
// undated member as makeRoom may take out (a kin conflict: Result.Kin).
func (r *Resolver) joinableOdd(txn *store.Txn, b *batch, e *entry, mo match.Options, h subjScore) (ok, odd bool, err error) {
	if h.judge {
		return true, false, nil
	}
	agree, strong, conflict, whole, nameApart := 0, 0, 0, 0, 0
	var dated, undatedHeld []*entry // see luck below
	datedOnly := true
	count := func(me *entry, res match.Result) {
		switch {
		case res.Conflict && res.Score < r.opt.MergeFloor:
			conflict++
			odd = odd || res.Kin && len(me.person.BirthDates) == 0
			if res.DOB == "conflict" {
				dated = append(dated, me)
			} else {
				datedOnly = false
			}
		case res.Score >= r.opt.Threshold:
			agree++
			if res.Strong && !res.HomeOnly {
				// A home in common is a household's: it does not outweigh
				// a date of birth another member conflicts with (the
				// father's vehicle at the son's address).
				strong++
				if res.Held && len(me.person.BirthDates) == 0 {
					undatedHeld = append(undatedHeld, me)
				}
			}
			if res.Corroborated || !res.NameTruncated {
				whole++
			}
		case res.NameApart && !res.Corroborated:
			nameApart++
		}
	}
	if err := r.eachMember(txn, b, e, h, mo, count); err != nil {
		return false, false, err
	}
	if agree > 0 && whole == 0 && nameApart > 0 {
		// Tied only by a name to members that write it short (Juan Carlos
		// GARCIA), while another member's name disagrees in a word (García
		// Restrepo, against García Mendoza): the short name fits two
		// people, and the record is the other.
		return false, odd, nil
	}
	// A conflict is outweighed only by more agreements, one of them on
	// something that identifies a person (a year of birth shared by
	// namesakes is not).
	ok = conflict == 0 || conflict <= agree && strong > 0
	if ok && conflict > 0 && datedOnly && strong == len(undatedHeld) {
		luck, err := r.luck(txn, b, undatedHeld, dated, mo)
		if err != nil {
			return false, false, err
		}
		ok = !luck
	}
	return ok, odd, nil
}

// luck says whether the members a new record holds by a phone or a
// document (undated, each of them), which outweigh the dated members its
// date of birth conflicts with, joined those by a name alone: then the
// subject is the dated man's, and the members held by the record are a
// namesake's the name placed there — a money remitter's Xasan Sheekh
// Maxamuud, undated, joined the President of Somalia whose alias he
// writes, and a bank's Hassan Sheikh Mohamud born 1979 with the
// remitter's phone is not the President. The record then does not join;
// the members it holds follow it (takeHeld).
func (r *Resolver) luck(txn *store.Txn, b *batch, held, dated []*entry, mo match.Options) (bool, error) {
	for _, y := range held {
		judged, err := judgementsOf(txn, rk(y.key))
		if err != nil || len(judged) > 0 {
			return false, err
		}
		for _, x := range dated {
			if res := r.compare(txn, b, y, x, mo); res.Held || res.Strong && !res.HomeOnly {
				return false, nil
			}
		}
	}
	return true, nil
}

// eachMember hands fn each member of subject h and its score against the
// new record e: first those resolve scored already (h.recs), then the
// others of the subject's first joinMembers.
func (r *Resolver) eachMember(txn *store.Txn, b *batch, e *entry, h subjScore, mo match.Options, fn func(*entry, match.Result)) error {
	seen := map[string]bool{rk(e.key): true}
	for _, sc := range h.recs {
		seen[rk(sc.e.key)] = true
		fn(sc.e, sc.result)
	}
	return r.compareMembers(txn, b, e, h.id, mo, func(key string) bool { return seen[key] }, fn)
}

// compareMembers scores x against the members of subject (the first
// joinMembers of them) that skip does not name, and hands each member and
// its result to fn; a member whose record is gone is passed over.
func (r *Resolver) compareMembers(txn *store.Txn, b *batch, x *entry, subject string, mo match.Options, skip func(key string) bool, fn func(*entry, match.Result)) error {
	members, err := records(txn, subject, joinMembers)
	if err != nil {
		return err
	}
	for _, m := range members {
		key := rk(m)
		if skip(key) {
			continue
		}
		me, err := r.load(txn, b, key)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		fn(me, r.compare(txn, b, x, me, mo))
	}
	return nil
}

// conflicting says whether two subjects hold records that cannot be the
// same person: judged different, or conflicting with not enough else
// agreeing.
func (r *Resolver) conflicting(txn *store.Txn, b *batch, e *entry, a, other []scored) (bool, error) {
	mo := r.resolveOptions(txn, b)
	for _, x := range a {
		jx, err := judgementsOf(txn, rk(x.e.key))
		if err != nil {
			return false, err
		}
		for _, y := range other {
			if j, ok := jx[rk(y.e.key)]; ok {
				if !j.Same {
					return true, nil
				}
				continue
			}
			if res := match.Compare(x.e.person, y.e.person, mo); res.Conflict && res.Score < r.opt.MergeFloor && !heldWithin(x, y, a, other, mo) {
				if _, ok := r.explained(txn, b, e, x.e, y.e, mo); !ok {
					return true, nil
				}
			}
		}
	}
	return false, nil
}

// mergeAllowed says whether two subjects that both match a record may be
// merged: no record of one is judged different from a record of the other,
// and some record of one matches some record of the other at MergeFloor or
// better (or a judgement says same). When the record bridges both subjects
// strongly (strong), weaker evidence between them is enough — BridgeFloor.
// Anything conflicting between them (a date of birth, a document, the
// gender) vetoes the merge.
func (r *Resolver) mergeAllowed(txn *store.Txn, b *batch, e *entry, a, other []scored, judgedSame, strong bool) (bool, error) {
	mo := r.resolveOptions(txn, b)
	evidence := judgedSame
	bridge := false
	for _, x := range a {
		jx, err := judgementsOf(txn, rk(x.e.key))
		if err != nil {
			return false, err
		}
		for _, y := range other {
			if j, ok := jx[rk(y.e.key)]; ok {
				if !j.Same {
					return false, nil
				}
				evidence = true
				continue
			}
			res := r.compare(txn, b, x.e, y.e, mo)
			if res.Conflict && res.Score < r.opt.MergeFloor && !heldWithin(x, y, a, other, mo) {
				again, ok := r.explained(txn, b, e, x.e, y.e, mo)
				if !ok {
					// A date of birth, a document or the gender says
					// they are two people, and nothing outweighs it:
					// only a human judgement merges them.
					return false, nil
				}
				res = again
			}
			if res.Score >= r.opt.MergeFloor {
				evidence = true
			}
			if res.Score >= r.opt.BridgeFloor {
				bridge = true
			}
		}
	}
	return evidence || strong && bridge, nil
}

// explained reports whether the record e explains a conflict between x
// and y, records of two subjects it matches: e holds a document number of
// each, and with e's numbers beside their own the two conflict no more —
// a custody record holding a man's National Insurance number and his
// police number, where a bank's record holds the one and a court's the
// other, each under his name. It returns their score so compared, with
// what resolution asks beyond the scorer (adjust), as every path that
// merges reads it.
func (r *Resolver) explained(txn *store.Txn, b *batch, e, x, y *entry, mo match.Options) (match.Result, bool) {
	if e == nil || !match.DocumentInCommon(e.person, x.person) || !match.DocumentInCommon(e.person, y.person) {
		return match.Result{}, false
	}
	res := match.Compare(x.person.WithDocuments(e.person), y.person.WithDocuments(e.person), mo)
	if res.Conflict {
		return res, false
	}
	return r.adjust(txn, b, x, y, res), true
}

// heldWithin reports whether a conflict between x (of one subject, whose
// scored records are a) and y (of another, other) is one the subjects
// already hold within themselves: x is in a beside a record z it conflicts
// with, and y does not conflict with z — a's dates (or documents, or
// genders) already include y's, and x is the odd one out — or the same
// with the subjects' parts swapped. Reuben Davies born 1986-12-21 is not
// kept out of the subject of Reuben Davies born 1986-12-21 by a record of
// it that gives 1996-12-16: the subject took that slip in already. Only
// the records scored against the new record are asked (a few dozen at
// most), and only when a conflict is found.
func heldWithin(x, y scored, a, other []scored, mo match.Options) bool {
	odd := func(x, y scored, a []scored) bool {
		for _, z := range a {
			if z.e == x.e {
				continue
			}
			if match.Compare(x.e.person, z.e.person, mo).Conflict && !match.Compare(z.e.person, y.e.person, mo).Conflict {
				return true
			}
		}
		return false
	}
	return odd(x, y, a) || odd(y, x, other)
}

// compare scores two records for resolution: the scorer's score, held
// below the threshold when only the name agrees and it is not spelt almost
// alike, or when contacts and addresses on both sides disagree — a name
// alone makes two records one person only then (it still makes a lookup
// hit). When the name is shared by so many records of the store that
// namesakes are bound to agree on what else agrees (a year of birth, a
// date a few weeks out), the score is held below MergeFloor: the pair is
// no evidence. Joining, merging and splitting all use it, so that no path
// merges on less.
func (r *Resolver) compare(txn *store.Txn, b *batch, a, c *entry, mo match.Options) match.Result {
	return r.adjust(txn, b, a, c, match.Compare(a.person, c.person, mo))
}

// adjust applies to match.Compare's result for a and c what resolution
// asks beyond it: a name alone must be near-identical, a name misspelt
// more than a year of birth beside it, and a name shared by many records
// more than a year of birth to tell one person.
func (r *Resolver) adjust(txn *store.Txn, b *batch, a, c *entry, res match.Result) match.Result {
	if !corroborated(res) && res.Name < r.opt.NameOnly && !r.spelledAlike(txn, b, a, c, res) && !r.mononymAlike(txn, b, a, c, res) || res.Disagreeing && !res.Corroborated {
		res.Score = min(res.Score, r.opt.Threshold-0.01)
	}
	if a.key.Source == c.key.Source && a.key.ID != c.key.ID && (!res.Corroborated || listedNamesake(res) || listedTwin(res)) && r.listed(txn, b, a.key.Source) {
		// Two entries of one published list with nothing but a name in
		// common: the list itself tells them apart (Pakistan's names two
		// men Ameer Hamza, a PEP register two members called Md. Yunus).
		// So with a date of birth in common and names a typo apart: twins
		// (listedTwin).
		// A date of birth or a document shared makes them the list's own
		// duplicate, and they join. A conflict, as two fathers named are:
		// it keeps either out of a subject holding the other, and an
		// entry placed by its name alone makes room (makeRoom).
		res.Score = min(res.Score, r.opt.MergeFloor-0.01)
		res.Conflict, res.Kin = true, true
	}
	if !res.NameSpelled && res.DOB == "year" && !res.Backed && !res.PlaceSame {
		// A name read with a typo, a nickname or an initial, and a year of
		// birth the only other thing in common: namesakes a letter or two
		// apart are born the same year as often as not (Félicien Kabuga /
		// Kabanga, Salah Shehade / Shehab), and lists give many people a
		// year only. Held below the threshold: a full date, an
		// identifier (a document, an e-mail, a phone), a full address or
		// the same place of birth (Faial al-Miqdad and Faisal Mekdad, both
		// born 1954 in Ghasm) must back a name that is not spelt alike.
		res.Score = min(res.Score, r.opt.Threshold-0.01)
	}
	if (res.DOB == "close" || res.DOBWeeks) && res.NameExtra > 0 && res.NameTokens >= 2 && !res.Backed {
		// A date of birth two digits or a decade out is a bad slip or
		// someone else, and a name with a word more is as often a son or
		// a father: Denis-Christel Sassou Nguesso, born nine years after a
		// Denis Sassou Nguesso. So is a date a few weeks out with no typo
		// between them: Kim Chol, born 1971-02-05, is not Kim Chol Sam,
		// born 1971-03-11. Together they tell no one; a document, an
		// e-mail or an address must back them.
		res.Score = min(res.Score, r.opt.Threshold-0.01)
	}
	if res.NameCommon && !res.BothSanctioned {
		res.Score = min(res.Score, r.commonNameCap(res))
	} else if res.NamePopular && res.DOBSlip && !res.BothSanctioned && !res.Backed {
		// Full dates a slip apart beside a name each of whose words
		// millions bear (Jesús Torres Sánchez, 1978-02-09 and
		// 1988-02-07, both of Mazatlán, a city of half a million): as
		// commonNameCap's slip, the town of birth no backing, but not its
		// undated record, which such a long name still places
		// (regionalWords).
		res.Score = min(res.Score, r.opt.Threshold-0.01)
	}
	if res.Score >= r.opt.MergeFloor && !res.Backed {
		if limit, ok := namesakeLimits[res.DOB]; ok {
			if r.namesakes(txn, b, a) > limit || r.namesakes(txn, b, c) > limit {
				res.Score = min(res.Score, r.opt.MergeFloor-0.01)
			}
		}
	}
	return res
}

// commonNameCap is the most a comparison of two records sharing a name
// millions bear (Nguyen Van Hung, Muhammad bin Abdullah: NameCommon) may
// score, when they are not both sanctions entries (governments sanction
// few, and two lists naming one Nguyen Van Hung name one man). Something
// besides the name must tie them:
//   - when one record has no date of birth beside one that gives his, the
//     undated one is any of the name's bearers, the dated one a man; and
//     undated both, or born the same year, such a name held in a longer
//     one (Muhammad bin Abdullah, Mohd Shahar bin Abdullah; Hardeep Singh,
//     Hardeep Singh Nijjar) says no more;
//   - when the dates are a slip apart (2003-06-30 and 2004-07-19, a year
//     2003 and 2004-07-19): among so many bearers two are born that close
//     as surely as a clerk slips — Nguyen Van Hung of a Birmingham
//     referral is not the Berlin one born a year later.
//
// There a document, an address or the place of birth must back them.
// Born the same day in two towns (Nguyen Van Hung, 1978-04-12, of Nam Dinh
// and of Thai Binh) they are two men unless a document or a phone ties
// them; and with two passports (a conflict) two men born the same day are
// as likely as one man's renewed passport: the conflict stands, below
// MergeFloor, as joinable reads one.
func (r *Resolver) commonNameCap(res match.Result) float64 {
	limit := 1.0
	undated := res.DOBOneSided || (res.DOB == "" || res.DOB == "year") && res.NameExtra > 0
	if (undated || res.DOBSlip) && !res.Backed && !res.PlaceSame || res.PlaceApart && !res.Held {
		limit = r.opt.Threshold - 0.01
	}
	if res.Conflict && !res.Held {
		limit = min(limit, r.opt.MergeFloor-0.01)
	}
	return limit
}

// listedNamesake says whether two entries of one list, corroborated, are
// still two people: a year of birth, or none, beside a name with a word
// more (Mohammad Abbas, Sher Mohammad Abbas Stanekzai, both born 1963 on
// the UN's list): a list that named one man twice would have written his
// name alike or given what ties them (a full date, a document).
func listedNamesake(res match.Result) bool {
	return res.NameExtra > 0 && (res.DOB == "year" || res.DOB == "") && !res.Backed
}

// listedTwin says whether two entries of one list born the same day are
// two people: their names differ by more than spelling (a typo, an
// initial: Dritan and Dorian Krasniqi, twins of one population register)
// and no document or phone ties them. A list that named one person twice
// would have written the name alike or given what ties the entries.
func listedTwin(res match.Result) bool {
	return res.DOB == "exact" && !res.NameSpelled && !res.Held
}

// listed says whether source is a published list (store.ListedSource),
// read once per batch. A source whose flag cannot be read is taken as an
// ordinary one, as every source of a store written before lists were
// told apart is, and the error logged.
func (r *Resolver) listed(txn *store.Txn, b *batch, source string) bool {
	l, ok := b.listed[source]
	if !ok {
		var err error
		if l, err = store.ListedSource(txn, source); err != nil {
			r.log.Warn("could not read whether a source is a list", "source", source, "err", err)
		}
		b.listed[source] = l
	}
	return l
}

// spelledAlike says whether two records' names differ in spelling only
// (res.NameSpelled, at NameSpelled or better; one word alone scores below
// it) and are rare enough in the store for that to tell one person: a
// transliteration is not a typo, but among a dozen people called Mohammed
// Benali, Muhammad Benali is any of them.
func (r *Resolver) spelledAlike(txn *store.Txn, b *batch, a, c *entry, res match.Result) bool {
	if res.NameTruncated && res.NameTokens < 3 {
		// Two words that begin a longer name (Ahmed Abdi, Ahmed Abdi
		// Godane; Amir Khan, Amir Khan Muttaqi): a given name and a
		// father's, or a compound given name, that many bear, the longer
		// name's bearer among them. Alone they tell no one.
		return false
	}
	if res.NameSyllables && !res.NameScripts {
		// Every word another spelling of a syllable, in one script: Ri
		// Chang Ho and Li Cheng He, a Korean name and a Chinese reading
		// of another, are as alike as two spellings of one name. And a
		// syllable more is another name: Than Shwe, Than Than Swe.
		return false
	}
	bar := r.opt.NameSpelled
	if res.NameExtra == 0 {
		bar = min(bar, r.opt.NameSpelledWhole)
		if res.NameScripts {
			bar = min(bar, r.opt.NameSpelledScripts)
		}
	}
	return res.NameSpelled && res.Name >= bar &&
		r.namesakePeople(txn, b, a) <= spelledNamesakes && r.namesakePeople(txn, b, c) <= spelledNamesakes
}

// mononymAlike says whether two records give one long name of one word,
// written the same (Siddaramaiah, Veerappan; Abu Salem, the one word
// abusalem), held by no one else in the store, with nothing conflicting:
// a name of one word scores below NameOnly however alike (a word says
// less than two), yet lists name people so, and two records of such a
// name no one else holds are the one person. The word must have
// mononymLetters letters or more.
func (r *Resolver) mononymAlike(txn *store.Txn, b *batch, a, c *entry, res match.Result) bool {
	if res.NameTokens != 1 || !res.NameSpelled || res.Conflict || res.Name < mononymName ||
		a.person.NamePart != "" || c.person.NamePart != "" {
		return false // a given name or a surname alone is a name in part, not of one word
	}
	same := false
	for _, x := range a.person.ParsedNames() {
		if len(x.Tokens) != 1 || len(x.Tokens[0]) < mononymLetters {
			continue
		}
		if t := x.Tokens[0]; len(x.Cores) == 1 && x.Cores[0] != t && !kunya(t) {
			continue // a word glued to a particle (La nNguyen, lannguyen): a name of two, mistyped
		}
		for _, y := range c.person.ParsedNames() {
			if len(y.Tokens) == 1 && y.Tokens[0] == x.Tokens[0] {
				same = true
			}
		}
	}
	return same && r.namesakePeople(txn, b, a) <= spelledNamesakes && r.namesakePeople(txn, b, c) <= spelledNamesakes
}

// kunya reports whether t is a name of the form Abu X or Umm X, written
// as one word: a name lists give alone.
func kunya(t string) bool {
	for _, p := range []string{"abu", "abou", "umm", "oum"} {
		if strings.HasPrefix(t, p) && len(t) > len(p)+2 {
			return true
		}
	}
	return false
}

// mononymName is the least name similarity of mononymAlike (one word
// written the same scores 0.83), mononymLetters its shortest word.
const (
	mononymName    = 0.8
	mononymLetters = 7
)

// spelledNamesakes is the most people that may share a name for a
// spelling of it alone to join them (see spelledAlike).
const spelledNamesakes = 2

// namesakeLimits is, by how the dates of birth agree, the most records
// sharing a name for that agreement (and the name) to tell one person:
// with a few hundred records of Aleksandr Novak, some are born the same
// year or weeks apart without being one man. A swapped date (04-06 and
// 06-04) is no rarer between namesakes than the same date, and a clerk
// swaps day and month in few records: it is held as a year is. An exact
// date has no limit here.
var namesakeLimits = map[string]uint32{"": 10, "year": 10, "near": 40, "close": 40, "swapped": 10}

// namesake is the rarest index key of a record's name and how many
// records hold it.
type namesake struct {
	key   string
	count uint32
}

// namesakes is how many records of the store share a's name: for each of
// its names the count of its rarest pair of words (of its one word for a
// one-word name), the least over its names. It reads counts, never
// postings, and is kept for the batch; a failed read is logged and counts
// as rare.
func (r *Resolver) namesakes(txn *store.Txn, b *batch, a *entry) uint32 {
	return r.rarestName(txn, b, a).count
}

// rarestName is the rarest index key of a's names and its count, as
// namesakes describes, kept for the batch.
func (r *Resolver) rarestName(txn *store.Txn, b *batch, a *entry) namesake {
	key := rk(a.key)
	if v, ok := b.namesakes[key]; ok {
		return v
	}
	var least namesake
	for i, raw := range a.person.Names {
		primary, pairs := nameKeys(names.Parse(raw))
		keys := pairs
		if len(pairs) == 0 && len(primary) == 1 {
			keys = []string{"n/" + primary[0]}
		}
		var rarest namesake
		for j, k := range keys {
			c, err := r.count(txn, b, k)
			if err != nil {
				// Compare has no error to return: say it, and judge the
				// name rare (the scorer's own rules still apply).
				r.log.Warn("namesake count unreadable; treating the name as rare", "key", k, "record", a.key.String(), "err", err)
				c = 0
			}
			if j == 0 || c < rarest.count {
				rarest = namesake{k, c}
			}
		}
		if i == 0 || rarest.count < least.count {
			least = rarest
		}
	}
	b.namesakes[key] = least
	return least
}

// namesakePeople is how many people hold a's name: namesakes counts
// records, and a person listed by five sources holds the name five times.
// When more than spelledNamesakes records hold it (and no more than
// namesakeReads), the postings of its rarest key are read and counted by
// subject (a record not yet in one counts alone), once per key and batch;
// past namesakeReads, or when a read fails (logged), the count of records
// stands.
func (r *Resolver) namesakePeople(txn *store.Txn, b *batch, a *entry) uint32 {
	ns := r.rarestName(txn, b, a)
	if ns.count <= spelledNamesakes || ns.count > namesakeReads || ns.key == "" {
		return ns.count
	}
	if n, ok := b.people[ns.key]; ok {
		return n
	}
	people := map[string]bool{}
	var failed error
	_, err := r.eachPosting(txn, b, ns.key, namesakeReads, 0, func(rec string) {
		s, err := r.subjectOf(txn, b, rec, 0)
		if err != nil {
			failed = err
		}
		if s == "" {
			s = "record " + rec
		}
		people[s] = true
	})
	if err = errors.Join(err, failed); err != nil {
		r.log.Warn("namesakes unreadable; counting records, not people", "key", ns.key, "record", a.key.String(), "err", err)
		return ns.count
	}
	b.people[ns.key] = uint32(len(people))
	return uint32(len(people))
}

// namesakeReads bounds the postings namesakePeople reads.
const namesakeReads = 64

// corroborated reports whether a comparison has evidence besides the name,
// or a name of three words or more that matches almost exactly.
func corroborated(r match.Result) bool {
	return r.Corroborated || r.NameTokens >= 3 && r.Name >= .95
}

func bestOf(recs []scored) float64 {
	best := 0.0
	for _, r := range recs {
		best = max(best, r.result.Score)
	}
	return best
}

// Judgement is a human decision about two records.
type Judgement struct {
	Same bool      `json:"same"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
	Case string    `json:"case,omitempty"`
}

func judgementsOf(txn *store.Txn, key string) (map[string]Judgement, error) {
	prefix := []byte(pJudge + key + "\x00\x00")
	var out map[string]Judgement
	err := txn.Iterate(prefix, store.IterOptions{}, func(k []byte, val func() ([]byte, error)) error {
		raw, err := val()
		if err != nil {
			return err
		}
		var j Judgement
		if err := json.Unmarshal(raw, &j); err != nil {
			return fmt.Errorf("decode judgement: %w", err)
		}
		if out == nil {
			out = map[string]Judgement{}
		}
		out[string(k[len(prefix):])] = j
		return nil
	})
	return out, err
}

// minWeightedRecords is the store size from which token frequencies in the
// store weigh names; below it, the built-in list of common names does.
const minWeightedRecords = 2000

// storeWeights weighs a name token by how many records of the store share
// its key: a token on 0.1% of the records or fewer counts fully, one on 5%
// or more (Mohamed, Nguyen, Smith in their populations) counts 0.3, and
// the weight falls log-linearly between.
type storeWeights struct {
	r     *Resolver
	txn   *store.Txn
	b     *batch
	total uint64
	// memo holds the weights already read, by token: one set of options
	// serves one record's comparisons, during which counts do not change,
	// and a record's tokens are weighed once per candidate otherwise.
	memo map[string]float64
	// shared and mu are set on a scoring worker's copy (worker): shared is
	// the memo of the options it was copied from, read-only while workers
	// run, and mu serialises the workers' reads of the transaction and the
	// batch, which are not safe for concurrent use.
	shared map[string]float64
	mu     *sync.Mutex
}

// worker returns a copy of w for one of several goroutines scoring at
// once: its own memo, the original's read through, reads serialised by mu.
func (w storeWeights) worker(mu *sync.Mutex) storeWeights {
	return storeWeights{r: w.r, txn: w.txn, b: w.b, total: w.total, memo: map[string]float64{}, shared: w.memo, mu: mu}
}

// PairMemo lends the scorer the resolver's memo of compared words.
func (w storeWeights) PairMemo() *names.PairMemo { return w.r.pairs }

func (w storeWeights) Weight(tok string) float64 {
	return w.WeightKeyed(tok, names.TokenKey(tok))
}

// WeightKeyed is Weight for a token whose key the caller knows.
func (w storeWeights) WeightKeyed(tok, k string) float64 {
	if v, ok := w.memo[tok]; ok {
		return v
	}
	if v, ok := w.shared[tok]; ok {
		return v
	}
	if w.mu != nil {
		w.mu.Lock()
		defer w.mu.Unlock()
	}
	v := w.weigh(tok, k)
	if w.memo != nil && len(w.memo) < maxWeightMemo {
		w.memo[tok] = v
	}
	return v
}

// maxWeightMemo bounds the tokens one set of options remembers.
const maxWeightMemo = 4096

func (w storeWeights) weigh(tok, k string) float64 {
	base := names.DefaultWeights{}.Weight(tok)
	if k == "" {
		return base
	}
	c, err := w.r.count(w.txn, w.b, "n/"+k)
	if err != nil || c == 0 {
		return base
	}
	f := float64(c) / float64(w.total)
	const lo, hi = 0.001, 0.05
	var sw float64
	switch {
	case f <= lo:
		sw = 1
	case f >= hi:
		sw = .3
	default:
		sw = 1 - .7*math.Log(f/lo)/math.Log(hi/lo)
	}
	return min(base, sw)
}
