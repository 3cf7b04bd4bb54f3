package resolve

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/names"
	"github.com/vigie/vigie/store/pipeline"
)

// A store indexed before a reading was added lacks the keys it gives:
// here a McCune–Reischauer record (Kim Chong Il) indexed without its j
// spelling's key, as before 2026-12-01, is not found by Kim Jong Il under
// a crowded Kim and Il. Reindex rewrites that record's keys (only it),
// the counts stay equal to the postings, the subjects do not move, and
// the lookup finds it.
func TestReindexGivesOldRecordsTheKeysOfNewReadings(t *testing.T) {
	f := mustOpenKimCrowd(t, person("ofac", "kp1", "name", "Kim Chong Il", "birthDate", "1941-02-16"))
	before := f.clusters(t)

	// Take the j spelling's keys away, as an older vigie indexed it.
	key := rk(store.Key{Source: "ofac", ID: "kp1"})
	jong := names.TokenKey("jong") // in n/ and in the pair keys
	err := f.db.Update(func(txn *store.Txn) error {
		raw, err := txn.Get([]byte(pFeatures + key))
		if err != nil {
			return err
		}
		feat, err := decodeFeatures(raw)
		if err != nil {
			return err
		}
		var drop []string
		feat.Keys = slices.DeleteFunc(feat.Keys, func(k string) bool {
			old := strings.Contains(k, jong)
			if old {
				drop = append(drop, k)
			}
			return old
		})
		if len(drop) == 0 {
			return fmt.Errorf("no key of the j spelling among %v", feat.Keys)
		}
		b := f.res.newBatch(txn)
		if err := f.res.removeKeys(txn, b, key, drop); err != nil {
			return err
		}
		b.entries[key] = nil
		if err := txn.Set([]byte(pFeatures+key), encodeFeatures(feat)); err != nil {
			return err
		}
		return f.res.flushCounts(txn, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The keys of the name as typed no longer reach it (a lookup that
	// matches no one tries the keys a letter away, chong's among them:
	// see misspelt, which would hide the gap).
	asTyped := func() []Hit {
		q, err := ParseQuery("Kim Jong Il")
		if err != nil {
			t.Fatal(err)
		}
		var hits []Hit
		if err := f.db.View(func(txn *store.Txn) error {
			hits, err = f.res.lookupSpaced(context.Background(), txn, q, LookupOptions{Limit: 3, MinScore: .25, MaxRecords: 50}, f.res.snapshotGen())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return hits
	}
	if hits := asTyped(); len(hits) > 0 && hits[0].Records[0].ID == "kp1" {
		t.Fatalf("the old-style record is found before reindexing (%+v): the test no longer shows the gap", hits[0])
	}

	checked, rewritten, err := f.res.Reindex(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if checked != 301 || rewritten != 1 {
		t.Errorf("Reindex checked %d and rewrote %d records, want 301 and 1", checked, rewritten)
	}
	checkCounts(t, f.db)
	if hits := asTyped(); len(hits) == 0 || hits[0].Records[0].ID != "kp1" {
		t.Errorf("lookup Kim Jong Il after Reindex: %+v, want ofac/kp1 first", hits)
	}
	f.checkClusters(t, "subjects after Reindex", before...)
	if _, rewritten, err := f.res.Reindex(context.Background(), nil); err != nil || rewritten != 0 {
		t.Errorf("a second Reindex rewrote %d records (%v), want 0", rewritten, err)
	}
}

// A store records the index version its records were indexed with: an
// empty store takes this version's at its first batch, a store without
// one (indexed before versions were) reads as 0 until Reindex marks it.
func TestIndexVersionMarkedAndReindexed(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	if v, err := f.res.StoredIndexVersion(); err != nil || v != IndexVersion {
		t.Fatalf("empty store: version %d (%v), want %d", v, err, IndexVersion)
	}
	f.put(t, person("a", "1", "name", "Salah Abdeslam", "birthDate", "1989-09-15"))
	f.put(t, person("a", "2", "name", "Karim Benali"))
	if v, err := f.res.StoredIndexVersion(); err != nil || v != IndexVersion {
		t.Fatalf("after ingest: version %d (%v), want %d", v, err, IndexVersion)
	}
	// A store of an earlier version: no mark.
	if err := f.db.Update(func(txn *store.Txn) error { return txn.Delete([]byte(kIndexVersion)) }); err != nil {
		t.Fatal(err)
	}
	res, err := New(f.db, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if v, err := res.StoredIndexVersion(); err != nil || v != 0 {
		t.Fatalf("unmarked store: version %d (%v), want 0", v, err)
	}
	// New records do not mark it: its older records still lack keys.
	p := pipeline.New(f.db, "later", 100, res.log, pipeline.Named{Name: "resolve", Stage: res})
	if _, err := f.db.Put(context.Background(), []store.Incoming{person("a", "3", "name", "Omar Haddad")}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v, _ := res.StoredIndexVersion(); v != 0 {
		t.Fatalf("unmarked store after a new record: version %d, want 0 until reindex", v)
	}
	if _, _, err := res.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if v, err := res.StoredIndexVersion(); err != nil || v != IndexVersion {
		t.Fatalf("after reindex: version %d (%v), want %d", v, err, IndexVersion)
	}
}
