package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
)

func TestSpoolTakesEachFileOnceAndKeepsIt(t *testing.T) {
	dir := t.TempDir()
	o := store.DefaultOptions(filepath.Join(dir, "db"))
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g, err := New(db, Options{QuarantineDir: filepath.Join(dir, "q")})
	if err != nil {
		t.Fatal(err)
	}
	spool := filepath.Join(dir, "spool")
	if err := os.MkdirAll(filepath.Join(spool, "work"), 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(spool, "a.jsonl"), `{"id":"a1","schema":"Person","properties":{"name":["Karim Benali"]},"datasets":["police"]}
garbage
`)
	write(filepath.Join(spool, "b.jsonl.part"), `{"id":"b1","schema":"Person","properties":{"name":["Not Yet"]}}`)
	// A file left in work/ by a crash is resumed.
	write(filepath.Join(spool, "work", "c.jsonl"), `{"id":"c1","schema":"Person","properties":{"name":["Nadia Haddad"]},"datasets":["police"]}`)
	var done []Result
	s := &Spool{Dir: spool, Ingester: g, After: func(_ context.Context, r Result) { done = append(done, r) }}
	s.Interval = 20 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := s.Run(ctx); err != nil { // resumes work/, scans until the timeout
		t.Fatal(err)
	}
	if err := s.Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, k := range []store.Key{{Source: "police", ID: "a1"}, {Source: "police", ID: "c1"}} {
		if _, err := db.Get(k); err != nil {
			t.Errorf("%s not stored: %v", k, err)
		}
	}
	if _, err := db.Get(store.Key{Source: "b.jsonl", ID: "b1"}); err == nil {
		t.Error("a .part file was taken")
	}
	doneFiles, _ := filepath.Glob(filepath.Join(spool, "done", "*"))
	if len(doneFiles) != 2 {
		t.Errorf("done/ holds %v, want the two files", doneFiles)
	}
	if left, _ := filepath.Glob(filepath.Join(spool, "*.jsonl")); len(left) != 0 {
		t.Errorf("files left in the spool: %v", left)
	}
	rejected := 0
	for _, r := range done {
		rejected += r.Rejected
	}
	if rejected != 1 {
		t.Errorf("rejected = %d, want the garbage line quarantined", rejected)
	}
	// Scanning again takes nothing twice.
	before, _ := db.Stats()
	if err := s.Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	after, _ := db.Stats()
	if after.LastSeq != before.LastSeq {
		t.Error("a second scan ingested again")
	}
}

// TestRetentionPerSource: a source's own retention expires its records;
// other sources keep theirs.
func TestRetentionPerSource(t *testing.T) {
	o := store.DefaultOptions(t.TempDir())
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g, err := New(db, Options{QuarantineDir: t.TempDir(), SourceTTL: map[string]time.Duration{"short": time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	in := `{"id":"a","schema":"Person","properties":{"name":["Short Lived"]},"datasets":["short"]}
{"id":"b","schema":"Person","properties":{"name":["Kept Long"]},"datasets":["long"]}
`
	if _, err := g.Run(context.Background(), "x", FtM(strings.NewReader(in)), Defaults{}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, errShort := db.Get(store.Key{Source: "short", ID: "a"})
		if errShort != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the short-retention record never expired")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, err := db.Get(store.Key{Source: "long", ID: "b"}); err != nil {
		t.Errorf("a record of another source expired: %v", err)
	}
}
