package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

// clock is a settable clock for terms, group waits and snoozes.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testStart is the fixtures' clock at start.
var testStart = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

type fixture struct {
	dir   string
	db    *store.DB
	res   *resolve.Resolver
	w     *Watcher
	pipe  *pipeline.Pipeline
	clock *clock
	audit *recordingAuditor
}

type recordingAuditor struct {
	mu     sync.Mutex
	events []Event
}

func (a *recordingAuditor) Audit(_ context.Context, e Event) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.events = append(a.events, e)
	return nil
}

func (a *recordingAuditor) actions() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for _, e := range a.events {
		out = append(out, e.Watch+" "+e.Action)
	}
	return out
}

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// mustOpen opens a real Badger store in dir (a new temp dir when "") with
// the real resolver and the watcher behind one pipeline.
func mustOpen(t testing.TB, dir string, tune func(*Options)) *fixture {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	o := store.DefaultOptions(dir)
	o.SyncWrites = false
	o.MemTableSize = 16 << 20
	o.BlockCacheSize, o.IndexCacheSize = 16<<20, 8<<20
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{dir: dir, db: db, clock: &clock{t: testStart}, audit: &recordingAuditor{}}
	ro := resolve.DefaultOptions()
	ro.CacheSize = 10_000
	if f.res, err = resolve.New(db, ro); err != nil {
		t.Fatal(err)
	}
	wo := DefaultOptions()
	wo.Now = f.clock.Now
	wo.Auditor = f.audit
	wo.Logger = testLogger(t)
	if tune != nil {
		tune(&wo)
	}
	if f.w, err = New(db, f.res, wo); err != nil {
		t.Fatal(err)
	}
	f.pipe = pipeline.New(db, "pipeline", 100, testLogger(t),
		pipeline.Named{Name: "resolve", Stage: f.res}, pipeline.Named{Name: "watch", Stage: f.w})
	return f
}

func rec(src, id, schema string, props ...string) store.Incoming {
	in := store.Incoming{Source: src, ID: id, Schema: schema, Properties: map[string][]string{}}
	for i := 0; i+1 < len(props); i += 2 {
		in.Properties[props[i]] = append(in.Properties[props[i]], props[i+1])
	}
	return in
}

func (f *fixture) put(t testing.TB, recs ...store.Incoming) {
	t.Helper()
	if _, err := f.db.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) subject(t testing.TB, src, id string) string {
	t.Helper()
	var s string
	err := f.db.View(func(txn *store.Txn) error {
		var err error
		s, err = f.res.SubjectOf(txn, store.Key{Source: src, ID: id})
		return err
	})
	if err != nil || s == "" {
		t.Fatalf("SubjectOf(%s/%s) = %q, %v; want a subject", src, id, s, err)
	}
	return s
}

func (f *fixture) add(t testing.TB, target string, mod ...func(*Watch)) Watch {
	t.Helper()
	w := Watch{Query: target, Channel: "case-1", Requester: "officer1", Case: "C-1"}
	for _, m := range mod {
		m(&w)
	}
	got, err := f.w.Add(context.Background(), w)
	if err != nil {
		t.Fatalf("Add(%q) = %v", target, err)
	}
	return got
}

func (f *fixture) alerts(t testing.TB, filter AlertFilter) []Alert {
	t.Helper()
	filter.Limit = 1_000_000
	as, err := f.w.Alerts(context.Background(), filter)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// alertRecords lists "kind watch source/id@version" of every alert, sorted.
func alertRecords(as []Alert) []string {
	var out []string
	for _, a := range as {
		out = append(out, fmt.Sprintf("%s %s %s/%s@%d", a.Kind, a.Watch+a.Rule, a.Record.Source, a.Record.ID, a.Record.Version))
	}
	slices.Sort(out)
	return out
}

func TestSubjectWatchFiresOnOwnAndReferencingRecords(t *testing.T) {
	f := mustOpen(t, "", nil)
	f.put(t, rec("police", "p1", "Person", "name", "Salah Abdeslam", "birthDate", "1989-09-15"),
		rec("police", "p2", "Person", "name", "Mohamed Abrini", "birthDate", "1984-12-27"))
	s := f.subject(t, "police", "p1")
	w := f.add(t, strings.ToLower(s))
	if w.Kind != KindSubject || w.Subject != s || w.ID == "" {
		t.Fatalf("Add(%s) = %+v, want a subject watch on %s", s, w, s)
	}
	if got := f.alerts(t, AlertFilter{}); len(got) != 0 {
		t.Fatalf("alerts before any new record = %v, want none", alertRecords(got))
	}
	f.put(t,
		rec("police", "stop-1", "Event", "name", "road check", "involved", "p1"),
		rec("police", "pp-1", "Passport", "holder", "p1", "number", "EH123456"),
		rec("police", "stop-2", "Event", "name", "road check", "involved", "p2"),
		rec("police", "p1", "Person", "name", "Salah Abdeslam", "birthDate", "1989-09-15", "nationality", "be"),
	)
	got := alertRecords(f.alerts(t, AlertFilter{}))
	want := []string{"watch " + w.ID + " police/p1@2", "watch " + w.ID + " police/pp-1@1", "watch " + w.ID + " police/stop-1@1"}
	if !slices.Equal(got, want) {
		t.Fatalf("alerts = %q, want %q", got, want)
	}
	for _, a := range f.alerts(t, AlertFilter{}) {
		if a.Subject != s || a.Channel != "case-1" || a.Case != "C-1" || a.State != StateNew || len(a.Evidence) == 0 || a.Severity == "" {
			t.Errorf("alert %+v: want subject %s, channel case-1, case C-1, state new, evidence and severity", a, s)
		}
	}
}

func TestSubjectWatchFollowsMerges(t *testing.T) {
	f := mustOpen(t, "", nil)
	f.put(t, rec("a", "x", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"),
		rec("b", "y", "Person", "name", "Jean Dupont", "birthDate", "1970-01-01"))
	sx, sy := f.subject(t, "a", "x"), f.subject(t, "b", "y")
	if sx == sy {
		t.Fatalf("x and y share subject %s before the judgement", sx)
	}
	w := f.add(t, sy) // the younger id: merged away below
	if err := f.res.Judge(context.Background(), true, store.Key{Source: "a", ID: "x"}, store.Key{Source: "b", ID: "y"}, "o", "C-1", f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if now := f.subject(t, "b", "y"); now == sy {
		t.Fatalf("after the merge y is still in %s; the test needs it merged away", sy)
	}
	// A record of the other half of the merged subject fires the watch on the old id.
	f.put(t, rec("a", "stop", "Event", "involved", "x"))
	got := alertRecords(f.alerts(t, AlertFilter{Watch: w.ID}))
	if want := []string{"watch " + w.ID + " a/stop@1"}; !slices.Equal(got, want) {
		t.Fatalf("alerts after the merge = %q, want %q", got, want)
	}
	// A watch added on the old id after the merge is accepted too.
	f.add(t, sy)
}

func TestQueryWatchCatchesNewSubjectsAboveThreshold(t *testing.T) {
	f := mustOpen(t, "", nil)
	w := f.add(t, "Salah Abdeslam born 1989-09-15")
	if w.Kind != KindQuery || len(w.Keys) == 0 {
		t.Fatalf("Add = %+v, want a query watch with index keys", w)
	}
	f.put(t,
		rec("partner", "w1", "Person", "name", "ABDESLAM Salah", "birthDate", "1989-09-15"),
		rec("partner", "w2", "Person", "name", "Salah Abdeslam", "birthDate", "1960-01-01", "gender", "female"),
		rec("partner", "w3", "Person", "name", "Mohamed Ali", "birthDate", "1989-09-15"),
		rec("partner", "w4", "Person", "name", "صلاح عبد السلام", "birthDate", "15/09/1989"),
	)
	got := alertRecords(f.alerts(t, AlertFilter{}))
	for _, must := range []string{"watch " + w.ID + " partner/w1@1", "watch " + w.ID + " partner/w4@1"} {
		if !slices.Contains(got, must) {
			t.Errorf("alerts = %q, missing %q", got, must)
		}
	}
	if slices.Contains(got, "watch "+w.ID+" partner/w3@1") {
		t.Errorf("alerts = %q: Mohamed Ali must not match the query", got)
	}
	as := f.alerts(t, AlertFilter{})
	for _, a := range as {
		if !strings.Contains(a.Evidence[0], "score") || len(a.Evidence) < 2 {
			t.Errorf("alert on %s evidence = %q, want the score and the scorer's evidence", a.Record.ID, a.Evidence)
		}
	}
}

func TestReplayAndReingestMakeNoSecondAlert(t *testing.T) {
	f := mustOpen(t, "", nil)
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"))
	f.add(t, f.subject(t, "s", "p1"))
	f.add(t, "Karim Benali 1990-03-04")
	file := []store.Incoming{
		rec("s", "e1", "Event", "involved", "p1"),
		rec("s", "p2", "Person", "name", "Karim BENALI", "birthDate", "1990-03-04"),
	}
	f.put(t, file...)
	first := alertRecords(f.alerts(t, AlertFilter{}))
	if len(first) < 3 {
		t.Fatalf("alerts = %q, want the event for the subject watch and both records for the query watch", first)
	}
	f.put(t, file...) // the same file again: unchanged records, no feed entries
	// Replay the whole feed from the start, as after a lost cursor.
	if err := f.db.Update(func(txn *store.Txn) error { return txn.Delete([]byte(store.PrefixCursor + "pipeline")) }); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := alertRecords(f.alerts(t, AlertFilter{})); !slices.Equal(got, first) {
		t.Fatalf("after re-ingest and replay alerts = %q, want unchanged %q", got, first)
	}
}

// TestCrashDuringIngestGivesEachHitOneAlert abandons the process state in
// the middle of the pipeline (the store is closed with changes still on the
// feed, as a kill -9 leaves it), reopens and drains: every hit has exactly
// one alert.
func TestCrashDuringIngestGivesEachHitOneAlert(t *testing.T) {
	dir := t.TempDir()
	f := mustOpen(t, dir, nil)
	f.put(t, rec("s", "p0", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"))
	sw := f.add(t, f.subject(t, "s", "p0"))
	const n = 300
	var batch []store.Incoming
	for i := range n {
		batch = append(batch, rec("s", fmt.Sprint("e", i), "Event", "involved", "p0"))
	}
	if _, err := f.db.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	// Process two batches of 100, then "crash".
	for range 2 {
		if _, err := f.db.ConsumeBatch(context.Background(), "pipeline", 100, func(txn *store.Txn, ch []store.Change) error {
			if err := f.res.Apply(txn, ch); err != nil {
				return err
			}
			return f.w.Apply(txn, ch)
		}); err != nil {
			t.Fatal(err)
		}
	}
	before := len(f.alerts(t, AlertFilter{}))
	if before != 200 {
		t.Fatalf("alerts before the crash = %d, want 200", before)
	}
	f.db.Close()

	g := mustOpen(t, dir, nil)
	if _, err := g.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	as := g.alerts(t, AlertFilter{})
	seen := map[string]int{}
	for _, a := range as {
		seen[a.Record.ID]++
		if a.Watch != sw.ID {
			t.Errorf("alert %s for watch %s, want %s", a.ID, a.Watch, sw.ID)
		}
	}
	for i := range n {
		if c := seen[fmt.Sprint("e", i)]; c != 1 {
			t.Errorf("record e%d has %d alerts, want exactly 1", i, c)
		}
	}
	if len(as) != n {
		t.Errorf("alerts after restart = %d, want %d", len(as), n)
	}
}

// TestWatchAddedDuringIngestMissesNothing adds a watch while another
// goroutine ingests and the pipeline follows the feed: every matching
// record committed after Add returned has an alert.
func TestWatchAddedDuringIngestMissesNothing(t *testing.T) {
	f := mustOpen(t, "", nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runDone := make(chan error, 1)
	go func() { runDone <- f.pipe.Run(ctx) }() // exits when ctx is cancelled
	const n = 400
	ingested := make(chan error, 1)
	go func() { // exits after n records
		for i := range n {
			if _, err := f.db.Put(ctx, []store.Incoming{rec("feed", fmt.Sprint("r", i), "Person", "name", "Nadia Haddad", "birthDate", "1991-07-08")}); err != nil {
				ingested <- err
				return
			}
		}
		ingested <- nil
	}()
	for f.db.LastSeq() < n/4 {
		time.Sleep(time.Millisecond)
	}
	w := f.add(t, "Nadia Haddad born 1991-07-08")
	after := f.db.LastSeq()
	if err := <-ingested; err != nil {
		t.Fatal(err)
	}
	for {
		lag, err := f.pipe.Lag()
		if err != nil {
			t.Fatal(err)
		}
		if lag == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-runDone; err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range f.alerts(t, AlertFilter{Watch: w.ID}) {
		got[a.Record.ID] = true
	}
	missed := 0
	err := f.db.View(func(txn *store.Txn) error {
		for i := range n {
			r, err := store.GetRecord(txn, store.Key{Source: "feed", ID: fmt.Sprint("r", i)})
			if err != nil {
				return err
			}
			if r.Seq > after && !got[r.ID] {
				missed++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if missed > 0 || after >= n {
		t.Fatalf("%d records committed after Add (seq > %d) have no alert", missed, after)
	}
}

func TestTermReminderExpiryAndRenewal(t *testing.T) {
	f := mustOpen(t, "", nil)
	ctx := context.Background()
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"))
	s := f.subject(t, "s", "p1")
	w := f.add(t, s, func(w *Watch) { w.Term = 72 * time.Hour })
	r := f.add(t, s, func(w *Watch) { w.Term = 72 * time.Hour })

	f.clock.Add(20 * time.Hour) // 52 h left: no reminder yet
	if rem, exp, err := f.w.Sweep(ctx, f.clock.Now()); err != nil || rem != 0 || exp != 0 {
		t.Fatalf("Sweep at 20h = %d, %d, %v; want 0, 0", rem, exp, err)
	}
	f.clock.Add(5 * time.Hour) // 47 h left
	if rem, exp, err := f.w.Sweep(ctx, f.clock.Now()); err != nil || rem != 2 || exp != 0 {
		t.Fatalf("Sweep at 25h = %d, %d, %v; want 2 reminders", rem, exp, err)
	}
	if rem, _, _ := f.w.Sweep(ctx, f.clock.Now()); rem != 0 {
		t.Fatalf("second Sweep reminded %d again, want 0", rem)
	}
	if got := f.alerts(t, AlertFilter{Watch: w.ID}); len(got) != 1 || got[0].Kind != AlertReminder || got[0].Channel != "case-1" {
		t.Fatalf("alerts of %s = %+v, want one reminder to case-1", w.ID, got)
	}
	if _, err := f.w.Renew(ctx, r.ID, 0, "officer2"); err != nil {
		t.Fatal(err)
	}
	f.clock.Add(48 * time.Hour) // w is past its term, r renewed for 30 days
	f.put(t, rec("s", "e1", "Event", "involved", "p1"))
	if got := alertRecords(f.alerts(t, AlertFilter{Watch: w.ID, Limit: 10})); slices.Contains(got, "watch "+w.ID+" s/e1@1") {
		t.Errorf("expired watch %s fired: %q", w.ID, got)
	}
	if got := f.alerts(t, AlertFilter{Watch: r.ID, State: StateNew}); len(got) != 2 {
		t.Errorf("renewed watch %s alerts = %v, want its reminder and the event", r.ID, alertRecords(got))
	}
	if rem, exp, err := f.w.Sweep(ctx, f.clock.Now()); err != nil || rem != 0 || exp != 1 {
		t.Fatalf("Sweep after the term = %d, %d, %v; want 1 expired", rem, exp, err)
	}
	ws, err := f.w.List(ctx, Filter{})
	if err != nil || len(ws) != 1 || ws[0].ID != r.ID {
		t.Fatalf("List = %+v, %v; want only %s active", ws, err, r.ID)
	}
	all, _ := f.w.List(ctx, Filter{All: true})
	if len(all) != 2 || all[0].State != StateExpired {
		t.Fatalf("List(All) = %+v, want %s expired and %s active", all, w.ID, r.ID)
	}
	if _, err := f.w.Renew(ctx, w.ID, 0, "o"); !errors.Is(err, ErrEnded) {
		t.Errorf("Renew(expired) = %v, want ErrEnded", err)
	}
	h, err := f.w.History(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, e := range h {
		acts = append(acts, e.Action)
	}
	if want := []string{"watch.add", "watch.remind", "watch.expire"}; !slices.Equal(acts, want) {
		t.Errorf("History(%s) = %q, want %q", w.ID, acts, want)
	}
	audited := f.audit.actions()
	for _, must := range []string{w.ID + " watch.add", r.ID + " watch.renew", w.ID + " watch.expire", w.ID + " watch.remind"} {
		if !slices.Contains(audited, must) {
			t.Errorf("audited %q, missing %q", audited, must)
		}
	}
}

func TestRemoveStopsMatching(t *testing.T) {
	f := mustOpen(t, "", nil)
	ctx := context.Background()
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali"))
	w := f.add(t, f.subject(t, "s", "p1"))
	if err := f.w.Remove(ctx, w.ID, "officer1"); err != nil {
		t.Fatal(err)
	}
	// Added and removed at the same instant of the test clock: both kept, in order.
	if h, err := f.w.History(ctx, w.ID); err != nil || len(h) != 2 || h[0].Action != "watch.add" || h[1].Action != "watch.remove" {
		t.Fatalf("History = %+v, %v; want add then remove", h, err)
	}
	if err := f.w.Remove(ctx, w.ID, "officer1"); !errors.Is(err, ErrEnded) {
		t.Errorf("Remove twice = %v, want ErrEnded", err)
	}
	if err := f.w.Remove(ctx, "W-999", "officer1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Remove(unknown) = %v, want ErrNotFound", err)
	}
	f.put(t, rec("s", "e1", "Event", "involved", "p1"))
	if got := f.alerts(t, AlertFilter{}); len(got) != 0 {
		t.Fatalf("alerts after Remove = %v, want none", alertRecords(got))
	}
}

func TestAddRejects(t *testing.T) {
	f := mustOpen(t, "", nil)
	cases := []struct {
		name string
		w    Watch
	}{
		{"no channel", Watch{Query: "Karim Benali", Requester: "o"}},
		{"no requester", Watch{Query: "Karim Benali", Channel: "c"}},
		{"unknown subject", Watch{Query: "S-4242", Channel: "c", Requester: "o"}},
		{"empty query", Watch{Query: "  ", Channel: "c", Requester: "o"}},
		{"too deep", Watch{Query: "Karim Benali", Channel: "c", Requester: "o", Depth: 9}},
		{"term too long", Watch{Query: "Karim Benali", Channel: "c", Requester: "o", Term: 5000 * time.Hour * 24}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := f.w.Add(context.Background(), c.w); !errors.Is(err, ErrInvalid) {
				t.Errorf("Add(%+v) = %v, want ErrInvalid", c.w, err)
			}
		})
	}
}

func TestSilenceIsForGood(t *testing.T) {
	f := mustOpen(t, "", nil)
	w := f.add(t, "Karim Benali born 1990-03-04")
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"))
	if got := f.alerts(t, AlertFilter{}); len(got) != 1 {
		t.Fatalf("alerts = %v, want one", alertRecords(got))
	}
	if err := f.w.Silence(context.Background(), w.ID, store.Key{Source: "s", ID: "p1"}, "officer1"); err != nil {
		t.Fatal(err)
	}
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali", "birthDate", "1990-03-04", "phone", "+33612345678"),
		rec("s", "e1", "Event", "involved", "p1"))
	if got := f.alerts(t, AlertFilter{}); len(got) != 1 {
		t.Fatalf("alerts after 'not the same person' = %v, want still one", alertRecords(got))
	}
}

func TestDepthFiresOnLinkedSubjectsAndNewLinks(t *testing.T) {
	links := map[string][]string{}
	var mu sync.Mutex
	f := mustOpen(t, "", func(o *Options) {
		o.Neighbours = func(_ *store.Txn, s string, depth int) ([]string, error) {
			mu.Lock()
			defer mu.Unlock()
			seen := map[string]bool{s: true}
			frontier := []string{s}
			var out []string
			for range depth {
				var next []string
				for _, x := range frontier {
					for _, y := range links[x] {
						if !seen[y] {
							seen[y] = true
							out = append(out, y)
							next = append(next, y)
						}
					}
				}
				frontier = next
			}
			return out, nil
		}
	})
	f.put(t, rec("s", "a", "Person", "name", "Karim Benali", "birthDate", "1990-03-04"),
		rec("s", "b", "Person", "name", "Jean Dupont", "birthDate", "1970-01-01"),
		rec("s", "c", "Person", "name", "Olga Ivanova", "birthDate", "1980-05-05"))
	sa, sb, sc := f.subject(t, "s", "a"), f.subject(t, "s", "b"), f.subject(t, "s", "c")
	mu.Lock()
	links[sa], links[sb], links[sc] = []string{sb}, []string{sa, sc}, []string{sb}
	mu.Unlock()
	w1 := f.add(t, sa, func(w *Watch) { w.Depth = 1 })
	w2 := f.add(t, sa, func(w *Watch) { w.Depth = 2 })
	w0 := f.add(t, sa)
	f.put(t, rec("s", "eb", "Event", "involved", "b"), rec("s", "ec", "Event", "involved", "c"))
	got := alertRecords(f.alerts(t, AlertFilter{}))
	want := []string{"watch " + w1.ID + " s/eb@1", "watch " + w2.ID + " s/eb@1", "watch " + w2.ID + " s/ec@1"}
	if !slices.Equal(got, want) {
		t.Fatalf("alerts = %q, want %q (w0 %s has no depth)", got, want, w0.ID)
	}
	// A new link to the watched subject.
	ev := []LinkEvent{{A: store.Key{Source: "s", ID: "c"}, B: store.Key{Source: "s", ID: "a"}, Type: "associate", Evidence: []store.Key{{Source: "s", ID: "ec"}}}}
	for range 2 { // twice: the second is a replay and adds nothing
		if err := f.db.Update(func(txn *store.Txn) error { return f.w.Links(txn, ev) }); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.alerts(t, AlertFilter{State: StateNew}); len(got) != 5 {
		t.Fatalf("alerts after a new link = %q, want one link alert for each of %s and %s", alertRecords(got), w1.ID, w2.ID)
	}
}

type fakeRules struct{}

func (fakeRules) EvalRecord(_ context.Context, r store.Record, subject string) []RuleHit {
	if r.Schema != "Event" || subject != "" {
		return nil
	}
	return []RuleHit{{Rule: "police-stop", Severity: "medium", Flag: "police stop", Route: []string{"channel:ct-triage", "email:nobody", "channel:stops"}}}
}

func TestRuleHitsGoToTheirChannelsOnce(t *testing.T) {
	f := mustOpen(t, "", func(o *Options) { o.Rules = fakeRules{} })
	f.put(t, rec("s", "e1", "Event", "name", "police stop"), rec("s", "p1", "Person", "name", "Karim Benali"))
	if err := f.db.Update(func(txn *store.Txn) error { return txn.Delete([]byte(store.PrefixCursor + "pipeline")) }); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	as := f.alerts(t, AlertFilter{})
	var chans []string
	for _, a := range as {
		chans = append(chans, a.Channel)
		if a.Kind != AlertRule || a.Rule != "police-stop" || a.Severity != "medium" || a.Record.ID != "e1" {
			t.Errorf("alert %+v, want a police-stop rule alert on e1", a)
		}
	}
	slices.Sort(chans)
	if !slices.Equal(chans, []string{"ct-triage", "stops"}) {
		t.Fatalf("rule alert channels = %q, want ct-triage and stops once each", chans)
	}
	h := RuleHit{Rule: "deadline", Severity: "high", Route: []string{"channel:ct-triage"}, Key: "2026-03-15"}
	for range 2 {
		if err := f.w.RaiseRule(context.Background(), h, "S-1"); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.alerts(t, AlertFilter{Subject: "S-1"}); len(got) != 1 {
		t.Fatalf("deadline alerts = %d, want 1", len(got))
	}
}

func TestDeliveryGroupsThreadsAndLifecycle(t *testing.T) {
	f := mustOpen(t, "", nil)
	ctx := context.Background()
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali"))
	s := f.subject(t, "s", "p1")
	f.add(t, s)
	wake := f.w.Wait()
	var burst []store.Incoming
	for i := range 5 {
		burst = append(burst, rec("s", fmt.Sprint("e", i), "Event", "involved", "p1"))
	}
	f.put(t, burst...)
	select {
	case <-wake:
	default:
		t.Fatal("Wait channel not closed after alerts committed")
	}
	groups, next, err := f.w.Pending(ctx, 10)
	if err != nil || len(groups) != 0 || next.IsZero() {
		t.Fatalf("Pending within the group wait = %d groups, next %v, %v; want none and a next time", len(groups), next, err)
	}
	f.clock.Add(time.Second)
	groups, _, err = f.w.Pending(ctx, 10)
	if err != nil || len(groups) != 1 || len(groups[0].Alerts) != 5 || groups[0].Root != "" || groups[0].Subject != s {
		t.Fatalf("Pending = %+v, %v; want one group of 5 for %s without a root", groups, err, s)
	}
	for i, a := range groups[0].Alerts {
		if _, err := f.w.MarkSending(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		post := fmt.Sprint("post-", i)
		if _, err := f.w.MarkDelivered(ctx, a.ID, post, "post-0"); err != nil {
			t.Fatal(err)
		}
	}
	if root, err := f.w.ThreadRoot(ctx, "case-1", s); err != nil || root != "post-0" {
		t.Fatalf("ThreadRoot = %q, %v; want post-0", root, err)
	}
	f.put(t, rec("s", "e9", "Event", "involved", "p1"))
	f.clock.Add(time.Second) // past the group wait, within the group interval
	if groups, _, _ := f.w.Pending(ctx, 10); len(groups) != 0 {
		t.Fatalf("Pending within the group interval = %+v, want none", groups)
	}
	f.clock.Add(2 * time.Second)
	groups, _, _ = f.w.Pending(ctx, 10)
	if len(groups) != 1 || groups[0].Root != "post-0" || len(groups[0].Alerts) != 1 {
		t.Fatalf("Pending = %+v, want the new hit as a reply to post-0", groups)
	}
	id := groups[0].Alerts[0].ID
	if _, err := f.w.MarkSending(ctx, id); err != nil {
		t.Fatal(err)
	}
	f.clock.Add(3 * time.Second)
	if groups, _, _ := f.w.Pending(ctx, 10); len(groups) != 0 {
		t.Fatalf("Pending during the send lease = %+v, want none", groups)
	}
	// A crash before MarkDelivered: the alert is due again after the lease.
	f.clock.Add(time.Minute)
	groups, _, _ = f.w.Pending(ctx, 10)
	if len(groups) != 1 || groups[0].Alerts[0].ID != id || groups[0].Alerts[0].Attempts != 1 {
		t.Fatalf("Pending after a crashed delivery = %+v, want %s again with 1 attempt", groups, id)
	}
	if _, err := f.w.MarkDelivered(ctx, id, "post-9", "post-0"); err != nil {
		t.Fatal(err)
	}
	a, err := f.w.Snooze(ctx, id, "officer1", f.clock.Now().Add(24*time.Hour))
	if err != nil || a.State != StateSnoozed {
		t.Fatalf("Snooze = %+v, %v", a, err)
	}
	f.clock.Add(time.Hour)
	if groups, _, _ := f.w.Pending(ctx, 10); len(groups) != 0 {
		t.Fatalf("Pending during a snooze = %+v, want none", groups)
	}
	f.clock.Add(24 * time.Hour)
	if groups, _, _ := f.w.Pending(ctx, 10); len(groups) != 1 || groups[0].Alerts[0].ID != id {
		t.Fatalf("Pending after the snooze = %+v, want %s again", groups, id)
	}
	if a, err := f.w.Ack(ctx, id, "officer2"); err != nil || a.State != StateAcknowledged || a.AckedBy != "officer2" {
		t.Fatalf("Ack = %+v, %v", a, err)
	}
	if groups, _, _ := f.w.Pending(ctx, 10); len(groups) != 0 {
		t.Fatalf("Pending after Ack = %+v, want none", groups)
	}
	if a, err := f.w.Escalate(ctx, id, "officer2", "ct-lead"); err != nil || a.State != StateEscalated {
		t.Fatalf("Escalate = %+v, %v", a, err)
	}
	if a, err := f.w.Resolve(ctx, id, "officer3"); err != nil || a.State != StateResolved || a.ResolvedBy != "officer3" {
		t.Fatalf("Resolve = %+v, %v", a, err)
	}
	if _, err := f.w.Ack(ctx, "nope", "o"); !errors.Is(err, ErrNoAlert) {
		t.Errorf("Ack(unknown) = %v, want ErrNoAlert", err)
	}
}

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in      string
		kind    string
		subject string
		wantErr bool
	}{
		{"S-123", KindSubject, "S-123", false},
		{" s-7 ", KindSubject, "S-7", false},
		{"Salah Abdeslam born 1989-09-15", KindQuery, "", false},
		{"passport EH123456", KindQuery, "", false},
		{"S-", KindQuery, "", true},
		{"", "", "", true},
		{strings.Repeat("a ", 2000), "", "", true},
	}
	for _, c := range cases {
		t.Run(c.in[:min(len(c.in), 20)], func(t *testing.T) {
			w, err := ParseTarget(c.in)
			if (err != nil) != c.wantErr {
				t.Fatalf("ParseTarget(%q) error = %v, want error %v", c.in, err, c.wantErr)
			}
			if err != nil {
				return
			}
			if w.Kind != c.kind || w.Subject != c.subject {
				t.Errorf("ParseTarget(%q) = %s %q, want %s %q", c.in, w.Kind, w.Subject, c.kind, c.subject)
			}
		})
	}
}

func TestParseTerm(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"30d", 30 * 24 * time.Hour, false},
		{"2w", 14 * 24 * time.Hour, false},
		{"72h", 72 * time.Hour, false},
		{"0d", 0, true},
		{"-3h", 0, true},
		{"d", 0, true},
		{"99999d", 0, true},
		{"soon", 0, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseTerm(c.in)
			if (err != nil) != c.err || got != c.want {
				t.Errorf("ParseTerm(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.err)
			}
		})
	}
}

func TestAuditTrailRecordsWatchEvents(t *testing.T) {
	f := mustOpen(t, "", nil)
	trail := AuditTrail{Log: audit.New(f.db)}
	w, err := New(f.db, f.res, Options{Term: time.Hour, MaxTerm: time.Hour, Threshold: .7, SendLease: time.Second, Auditor: trail})
	if err != nil {
		t.Fatal(err)
	}
	f.put(t, rec("s", "p1", "Person", "name", "Karim Benali"))
	s := f.subject(t, "s", "p1")
	ctx := context.Background()
	added, err := w.Add(ctx, Watch{Query: s, Channel: "case-1", Requester: "officer1", Case: "C-9"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Remove(ctx, added.ID, "officer2"); err != nil {
		t.Fatal(err)
	}
	es, err := trail.Log.BySubject(ctx, s, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Actor+" "+e.Action+" "+e.Case+" "+e.From)
	}
	slices.Sort(got)
	want := []string{"officer1 watch.add C-9 case-1", "officer2 watch.remove C-9 case-1"}
	if !slices.Equal(got, want) {
		t.Fatalf("audit entries for %s = %q, want %q", s, got, want)
	}
	var buf strings.Builder
	if _, err := trail.Log.Export(ctx, time.Time{}, &buf); err != nil {
		t.Fatal(err)
	}
	if r, err := trail.Log.Verify(ctx); err != nil {
		t.Fatalf("Verify = %+v, %v", r, err)
	}
}
