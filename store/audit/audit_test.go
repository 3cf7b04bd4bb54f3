package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
)

func mustOpen(t *testing.T) *store.DB {
	t.Helper()
	o := store.DefaultOptions(t.TempDir())
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func fill(t *testing.T, l *Log, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		_, err := l.Append(context.Background(), Entry{
			Actor: fmt.Sprintf("officer%d", i%3), Action: "lookup", Query: fmt.Sprintf("name %d", i),
			Subject: fmt.Sprintf("S%d", i%2), Case: "C-1", From: "dm",
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func rawEntry(t *testing.T, db *store.DB, seq uint64) []byte {
	t.Helper()
	var raw []byte
	if err := db.View(func(txn *store.Txn) error {
		var err error
		raw, err = txn.Get(entryKey(seq))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(t *testing.T, db *store.DB)
		want   string
	}{
		{"intact", func(*testing.T, *store.DB) {}, ""},
		{"edited", func(t *testing.T, db *store.DB) {
			raw := bytes.Replace(rawEntry(t, db, 3), []byte("name 3"), []byte("name X"), 1)
			db.Update(func(txn *store.Txn) error { return txn.Set(entryKey(3), raw) })
		}, "edited"},
		{"deleted", func(t *testing.T, db *store.DB) {
			db.Update(func(txn *store.Txn) error { return txn.Delete(entryKey(2)) })
		}, "deleted"},
		{"reordered", func(t *testing.T, db *store.DB) {
			a, b := rawEntry(t, db, 2), rawEntry(t, db, 3)
			db.Update(func(txn *store.Txn) error {
				txn.Set(entryKey(2), b)
				return txn.Set(entryKey(3), a)
			})
		}, "moved"},
		{"truncated", func(t *testing.T, db *store.DB) {
			db.Update(func(txn *store.Txn) error { return txn.Delete(entryKey(5)) })
		}, "removed from the end"},
		{"rehashed edit", func(t *testing.T, db *store.DB) {
			// An editor who recomputes the edited entry's own hash still
			// breaks the link from the entry after it.
			var e Entry
			json.Unmarshal(rawEntry(t, db, 2), &e)
			e.Actor = "someone-else"
			e.Hash = hashOf(e)
			raw, _ := json.Marshal(e)
			db.Update(func(txn *store.Txn) error { return txn.Set(entryKey(2), raw) })
		}, "does not follow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := mustOpen(t)
			l := New(db)
			fill(t, l, 5)
			tc.tamper(t, db)
			rep, err := New(db).Verify(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if !rep.OK() || rep.Entries != 5 {
					t.Fatalf("Verify(intact) = %+v, want 5 entries and no problem", rep)
				}
				return
			}
			var all []string
			for _, p := range rep.Problems {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "; "), tc.want) {
				t.Errorf("Verify after %s = %q, want a problem mentioning %q", tc.name, all, tc.want)
			}
		})
	}
}

func TestChainContinuesAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	o := store.DefaultOptions(dir)
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, New(db), 3)
	db.Close()
	db, err = store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l := New(db)
	e, err := l.Append(context.Background(), Entry{Actor: "a", Action: "judge"})
	if err != nil || e.Seq != 4 {
		t.Fatalf("Append after reopen = seq %d, %v; want 4", e.Seq, err)
	}
	rep, err := l.Verify(context.Background())
	if err != nil || !rep.OK() || rep.Entries != 4 {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
}

func TestExportAndBySubject(t *testing.T) {
	db := mustOpen(t)
	l := New(db)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	l.now = func() time.Time { i++; return base.Add(time.Duration(i) * time.Hour) }
	fill(t, l, 6)
	var buf bytes.Buffer
	n, err := l.Export(context.Background(), base.Add(4*time.Hour), &buf)
	if err != nil || n != 3 {
		t.Fatalf("Export since hour 4 = %d, %v; want 3", n, err)
	}
	if got := strings.Count(buf.String(), "\n"); got != 3 {
		t.Errorf("export has %d lines, want 3", got)
	}
	es, err := l.BySubject(context.Background(), "S1", 10)
	if err != nil {
		t.Fatal(err)
	}
	var seqs []uint64
	for _, e := range es {
		seqs = append(seqs, e.Seq)
	}
	if fmt.Sprint(seqs) != "[5 3 1]" {
		t.Errorf("BySubject(S1) seqs = %v, want [5 3 1] (newest first)", seqs)
	}
}
