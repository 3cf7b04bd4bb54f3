package watch

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

const childEnv = "VIGIE_WATCH_KILL_CHILD"

// TestKillChildIngest is the process that TestKill9DuringIngest kills: it
// ingests records touching watched people while the pipeline follows the
// feed, printing how many records are stored, until it is killed.
func TestKillChildIngest(t *testing.T) {
	dir := os.Getenv(childEnv)
	if dir == "" {
		t.Skip("run by TestKill9DuringIngest")
	}
	o := store.DefaultOptions(dir) // SyncWrites on: acknowledged means durable
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	res, err := resolve.New(db, resolve.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	wo := DefaultOptions()
	start := (&clock{t: testStart}).Now
	wo.Now = start // the watches' clock, as the parent's fixture has it
	w, err := New(db, res, wo)
	if err != nil {
		t.Fatal(err)
	}
	pipe := pipeline.New(db, "pipeline", 50, testLogger(t), pipeline.Named{Name: "resolve", Stage: res}, pipeline.Named{Name: "watch", Stage: w})
	go pipe.Run(context.Background()) // runs until the process is killed
	for i := 0; ; i += 10 {
		var recs []store.Incoming
		for j := i; j < i+10; j++ {
			recs = append(recs, rec("k", fmt.Sprint("e", j), "Event", "involved", "p0"),
				rec("k", fmt.Sprint("q", j), "Person", "name", "Nadia Haddad", "birthDate", "1991-07-08"))
		}
		if _, err := db.Put(context.Background(), recs); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("stored %d\n", i+10)
	}
}

// TestKill9DuringIngest SIGKILLs a real process in the middle of an
// ingest with active watches, restarts on the same data folder and drains
// the pipeline: every stored record that hits a watch has exactly one
// alert per watch, and no alert is made twice.
func TestKill9DuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process")
	}
	dir := t.TempDir()
	f := mustOpen(t, dir, nil)
	f.put(t, rec("k", "p0", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"))
	sw := f.add(t, f.subject(t, "k", "p0"))
	qw := f.add(t, "Nadia Haddad born 1991-07-08")
	f.db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChildIngest$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() && acked < 300 {
		if n, ok := strings.CutPrefix(sc.Text(), "stored "); ok {
			acked, _ = strconv.Atoi(n)
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if acked < 300 {
		t.Fatalf("child stored %d records before it ended, want ≥ 300", acked)
	}

	g := mustOpen(t, dir, nil)
	cursor, err := g.db.Cursor("pipeline")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	as := g.alerts(t, AlertFilter{})
	perPair := map[string]int{}
	for _, a := range as {
		perPair[a.Watch+" "+a.Record.ID]++
	}
	stored := 0
	err = g.db.View(func(txn *store.Txn) error {
		for i := 0; ; i++ {
			_, err := store.GetRecord(txn, store.Key{Source: "k", ID: fmt.Sprint("e", i)})
			if err != nil {
				if i < acked {
					return fmt.Errorf("acknowledged record e%d lost: %w", i, err)
				}
				return nil
			}
			stored++
			if c := perPair[sw.ID+" "+fmt.Sprint("e", i)]; c != 1 {
				t.Errorf("record e%d: %d alerts for %s, want 1", i, c, sw.ID)
			}
			if c := perPair[qw.ID+" "+fmt.Sprint("q", i)]; c != 1 {
				t.Errorf("record q%d: %d alerts for %s, want 1", i, c, qw.ID)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2*stored {
		t.Errorf("alerts = %d, want %d (two per stored pair of records)", len(as), 2*stored)
	}
	t.Logf("killed after %d acknowledged, %d stored, pipeline at seq %d; %d alerts after restart", acked, stored, cursor, len(as))
	if len(as) == 0 {
		t.Fatal("no alerts")
	}
}
