package store

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// testLogger sends store logs to t.Logf.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) { w.t.Logf("%s", p); return len(p), nil }

func mustOpen(t testing.TB, dir string, key []byte) *DB {
	t.Helper()
	o := DefaultOptions(dir)
	o.EncryptionKey = key
	o.SyncWrites = false
	o.Logger = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	db, err := Open(o)
	if err != nil {
		t.Fatalf("Open(%q) = %v", dir, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func person(id, name string) Incoming {
	return Incoming{Source: "police", ID: id, Schema: "Person", Properties: map[string][]string{"name": {name}}, Classification: "OFFICIAL"}
}

func TestPutCreateUpdateUnchanged(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	ctx := context.Background()
	got, err := db.Put(ctx, []Incoming{person("p1", "Ann Smith"), person("p2", "Bob Jones")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Outcome{Created, Created}, got); diff != "" {
		t.Fatalf("first Put outcomes (-want +got):\n%s", diff)
	}
	changed := person("p1", "Ann Smyth")
	changed.Properties["birthDate"] = []string{"1980-01-02"}
	got, err = db.Put(ctx, []Incoming{person("p2", "Bob Jones"), changed, changed})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Outcome{Unchanged, Updated, Unchanged}, got); diff != "" {
		t.Fatalf("second Put outcomes (-want +got):\n%s", diff)
	}
	vs, err := db.Versions(Key{"police", "p1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].First("name") != "Ann Smith" || vs[1].First("name") != "Ann Smyth" {
		t.Fatalf("Versions = %+v, want Ann Smith then Ann Smyth", vs)
	}
	if diff := cmp.Diff([]string{"birthDate", "name"}, vs[1].Changed); diff != "" {
		t.Errorf("Changed (-want +got):\n%s", diff)
	}
	if vs[1].Version != 2 || vs[1].Seq != 3 || !vs[1].FirstSeen.Equal(vs[0].FirstSeen) {
		t.Errorf("current version = v%d seq %d first %v, want v2 seq 3 first %v", vs[1].Version, vs[1].Seq, vs[1].FirstSeen, vs[0].FirstSeen)
	}
	if db.LastSeq() != 3 {
		t.Errorf("LastSeq = %d, want 3", db.LastSeq())
	}
	if _, err := db.Get(Key{"police", "nope"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(unknown) = %v, want ErrNotFound", err)
	}
}

func TestPutRejectsInvalidWholeBatch(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	for name, bad := range map[string]Incoming{
		"no id":     {Source: "s", Schema: "Person"},
		"no schema": {Source: "s", ID: "x"},
		"nul":       {Source: "s", ID: "a\x00b", Schema: "Person"},
		"utf8":      {Source: "s", ID: "\xff", Schema: "Person"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := db.Put(context.Background(), []Incoming{person("ok", "A"), bad})
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Put = %v, want ErrInvalid", err)
			}
			if _, err := db.Get(Key{"police", "ok"}); !errors.Is(err, ErrNotFound) {
				t.Errorf("valid record of a rejected batch was stored: %v", err)
			}
		})
	}
}

func TestFeedConsumerResumesAfterReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	db := mustOpen(t, dir, nil)
	var batch []Incoming
	for i := range 25 {
		batch = append(batch, person(fmt.Sprint("p", i), fmt.Sprint("Name ", i)))
	}
	if _, err := db.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	var seen []uint64
	n, err := db.ConsumeBatch(ctx, "test", 10, func(_ *Txn, cs []Change) error {
		for _, c := range cs {
			seen = append(seen, c.Seq)
		}
		return nil
	})
	if err != nil || n != 10 {
		t.Fatalf("ConsumeBatch = %d, %v; want 10, nil", n, err)
	}
	// A failing handler must not advance the cursor.
	boom := errors.New("boom")
	if _, err := db.ConsumeBatch(ctx, "test", 10, func(*Txn, []Change) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("ConsumeBatch(failing) = %v, want boom", err)
	}
	db.Close()

	db = mustOpen(t, dir, nil)
	if db.LastSeq() != 25 {
		t.Fatalf("LastSeq after reopen = %d, want 25", db.LastSeq())
	}
	total, err := db.Drain(ctx, "test", 7, func(_ *Txn, cs []Change) error {
		for _, c := range cs {
			seen = append(seen, c.Seq)
		}
		return nil
	})
	if err != nil || total != 15 {
		t.Fatalf("Drain = %d, %v; want 15, nil", total, err)
	}
	for i, s := range seen {
		if s != uint64(i+1) {
			t.Fatalf("seen[%d] = %d, want %d (feed out of order or replayed): %v", i, s, i+1, seen)
		}
	}
	// New records continue the sequence.
	if _, err := db.Put(ctx, []Incoming{person("late", "Late Comer")}); err != nil {
		t.Fatal(err)
	}
	r, _ := db.Get(Key{"police", "late"})
	if r.Seq != 26 {
		t.Errorf("seq after reopen = %d, want 26", r.Seq)
	}
}

func TestFollowWakesOnPut(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan Change, 10)
	done := make(chan error, 1)
	go func() {
		done <- db.Follow(ctx, "follower", 100, func(_ *Txn, cs []Change) error {
			for _, c := range cs {
				got <- c
			}
			return nil
		})
	}()
	for i := range 3 {
		if _, err := db.Put(ctx, []Incoming{person(fmt.Sprint(i), "X")}); err != nil {
			t.Fatal(err)
		}
		select {
		case c := <-got:
			if c.Seq != uint64(i+1) {
				t.Fatalf("change seq = %d, want %d", c.Seq, i+1)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("follower never saw the change")
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Follow = %v", err)
	}
}

func TestEncryptionNeedsTheKey(t *testing.T) {
	dir := t.TempDir()
	key := make([]byte, 32)
	rand.Read(key)
	db := mustOpen(t, dir, key)
	if _, err := db.Put(context.Background(), []Incoming{person("p1", "Secret Person")}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	o := DefaultOptions(dir)
	if _, err := Open(o); !errors.Is(err, ErrKeyMismatch) {
		t.Errorf("Open without key = %v, want ErrKeyMismatch", err)
	}
	other := make([]byte, 32)
	rand.Read(other)
	o.EncryptionKey = other
	if _, err := Open(o); !errors.Is(err, ErrKeyMismatch) {
		t.Errorf("Open with wrong key = %v, want ErrKeyMismatch", err)
	}
	db = mustOpen(t, dir, key)
	r, err := db.Get(Key{"police", "p1"})
	if err != nil || r.First("name") != "Secret Person" {
		t.Errorf("Get with the right key = %+v, %v", r, err)
	}
}

func TestIterateReverseAndFrom(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	err := db.Update(func(txn *Txn) error {
		for _, k := range []string{"t/a", "t/b", "t/c", "t0", "u/a"} {
			if err := txn.Set([]byte(k), []byte(k)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	collect := func(o IterOptions) []string {
		var out []string
		db.View(func(txn *Txn) error {
			return txn.Iterate([]byte("t/"), o, func(k []byte, _ func() ([]byte, error)) error {
				out = append(out, string(k))
				return nil
			})
		})
		return out
	}
	for name, tc := range map[string]struct {
		o    IterOptions
		want []string
	}{
		"forward": {IterOptions{}, []string{"t/a", "t/b", "t/c"}},
		"reverse": {IterOptions{Reverse: true}, []string{"t/c", "t/b", "t/a"}},
		"from":    {IterOptions{From: []byte("t/b")}, []string{"t/b", "t/c"}},
		"limit":   {IterOptions{Limit: 2, KeysOnly: true}, []string{"t/a", "t/b"}},
	} {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, collect(tc.o)); diff != "" {
				t.Errorf("Iterate (-want +got):\n%s", diff)
			}
		})
	}
}

// A transaction decodes a record once for all its readers, gives each its
// own Properties, and never serves a record it has since rewritten.
func TestGetRecordInATransactionFollowsItsWrites(t *testing.T) {
	db := mustOpen(t, t.TempDir(), nil)
	k := Key{Source: "s", ID: "1"}
	if _, err := db.Put(context.Background(), []Incoming{{Source: "s", ID: "1", Schema: "Person", Properties: map[string][]string{"name": {"Ann Lee"}}}}); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(txn *Txn) error {
		a, err := GetRecord(txn, k)
		if err != nil {
			return err
		}
		a.Properties["name"] = []string{"changed by a reader"}
		b, err := GetRecord(txn, k)
		if err != nil {
			return err
		}
		if got := b.Properties["name"][0]; got != "Ann Lee" {
			t.Errorf("second reader sees %q, want Ann Lee", got)
		}
		b.Properties["name"] = []string{"Ann Li"}
		raw, _ := json.Marshal(b)
		if err := txn.Set(RecordKey(k), raw); err != nil {
			return err
		}
		c, err := GetRecord(txn, k)
		if err != nil {
			return err
		}
		if got := c.Properties["name"][0]; got != "Ann Li" {
			t.Errorf("after the write: %q, want Ann Li", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Badger's compactions are a setting: one compactor is refused (Badger
// needs two), none set means Badger's four, and two open a store.
func TestCompactorsSetting(t *testing.T) {
	for n, ok := range map[int]bool{1: false, -3: false, 0: true, 2: true} {
		o := DefaultOptions(t.TempDir())
		o.SyncWrites, o.Compactors = false, n
		db, err := Open(o)
		if (err == nil) != ok {
			t.Errorf("Open with %d compactors: %v, want success %v", n, err, ok)
		}
		if db != nil {
			db.Close()
		}
	}
}

// A source is a list while every record it created came as a list entry;
// one record that did not makes it an ordinary source for good, whatever
// comes after. Sources still lists both.
func TestListedSourceStaysAListOnlyWhileEveryRecordIsAnEntry(t *testing.T) {
	dir := t.TempDir()
	db := mustOpen(t, dir, nil)
	ctx := context.Background()
	entry := func(src, id string) Incoming {
		in := person(id, "Ameer Hamza")
		in.Source, in.Listed = src, true
		return in
	}
	ordinary := func(src, id string) Incoming {
		in := person(id, "Ameer Hamza")
		in.Source = src
		return in
	}
	steps := [][]Incoming{
		{entry("nacta", "1"), entry("nacta", "2"), ordinary("stops", "1")},
		{entry("stops", "2")},
		{ordinary("nacta", "3")},
		{entry("nacta", "4")},
	}
	want := []map[string]bool{
		{"nacta": true, "stops": false, "none": false},
		{"nacta": true, "stops": false},
		{"nacta": false, "stops": false},
		{"nacta": false},
	}
	for i, batch := range steps {
		if _, err := db.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for src, w := range want[i] {
			var got bool
			err := db.View(func(txn *Txn) (err error) {
				got, err = ListedSource(txn, src)
				return err
			})
			if err != nil || got != w {
				t.Errorf("step %d: ListedSource(%s) = %v, %v; want %v", i, src, got, err, w)
			}
		}
	}
	srcs, err := db.Sources()
	if err != nil || !cmp.Equal(srcs, []string{"nacta", "stops"}) {
		t.Errorf("Sources() = %q, %v", srcs, err)
	}
}
