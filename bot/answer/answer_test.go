package answer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vigie/vigie/bot"
	"github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/rules/input"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/graph"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

type fixture struct {
	desk *Desk
	db   *store.DB
	pipe *pipeline.Pipeline
	w    *watch.Watcher
	dm   []string // notices sent
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	o := store.DefaultOptions(t.TempDir())
	o.SyncWrites = false
	db, err := store.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	res, err := resolve.New(db, resolve.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	go2 := graph.DefaultOptions()
	go2.Normalize = match.NormalizeIdentifier
	g, err := graph.New(go2)
	if err != nil {
		t.Fatal(err)
	}
	wo := watch.DefaultOptions()
	wo.GroupWait = time.Millisecond // tests need no burst coalescing
	w, err := watch.New(db, res, wo)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{db: db, w: w}
	f.pipe = pipeline.New(db, "pipeline", 100, nil,
		pipeline.Named{Name: "resolve", Stage: res}, pipeline.Named{Name: "links", Stage: g}, pipeline.Named{Name: "watch", Stage: w})
	dir := StaticDirectory{
		People: map[string]Person{
			"u-officer": {ID: "u-officer", Name: "olivia", Officer: true, Clearance: "OFFICIAL"},
			"u-secret":  {ID: "u-secret", Name: "sam", Officer: true, Clearance: "SECRET", Compartments: []string{"HUMINT"}},
			"u-super":   {ID: "u-super", Name: "sue", Officer: true, Supervisor: true, Clearance: "SECRET", Compartments: []string{"HUMINT"}},
			"u-bot":     {ID: "u-bot", Name: "vigie", Bot: true},
		},
		Channels: map[string][]string{
			"ch-case":  {"u-super", "u-secret", "u-bot"},
			"ch-mixed": {"u-super", "u-officer", "u-bot"},
		},
	}
	opt := DefaultOptions()
	opt.Charts = false
	opt.Notify = func(_ context.Context, user, text string) error { f.dm = append(f.dm, user+": "+text); return nil }
	f.desk = New(Services{DB: db, Resolver: res, Graph: g, Watcher: w, Audit: audit.New(db),
		Input: &input.Builder{DB: db, Resolver: res, Graph: g}}, dir, opt)
	return f
}

func (f *fixture) put(t *testing.T, recs ...store.Incoming) {
	t.Helper()
	if _, err := f.db.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	if _, err := f.pipe.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func person(src, id, class string, kv ...string) store.Incoming {
	p := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = append(p[kv[i]], kv[i+1])
	}
	return store.Incoming{Source: src, ID: id, Schema: "Person", Properties: p, Classification: class}
}

func (f *fixture) do(t *testing.T, req bot.Request, text string) bot.Answer {
	t.Helper()
	cmd, err := command.Parse(text)
	if err != nil {
		t.Fatalf("parse %q: %v", text, err)
	}
	a, err := f.desk.Do(context.Background(), req, cmd)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return a
}

func req(user, channel, typ string) bot.Request {
	names := map[string]string{"u-officer": "olivia", "u-secret": "sam", "u-super": "sue", "u-stranger": "eve"}
	return bot.Request{UserID: user, UserName: names[user], ChannelID: channel, ChannelType: typ, From: "slash"}
}

func allText(a bot.Answer) string {
	var b strings.Builder
	b.WriteString(a.Text)
	for _, at := range a.Attachments {
		b.WriteString("\n" + at.Title + "\n" + at.Text)
	}
	return b.String()
}

func TestLookupIsPrivateAuditedAndCleared(t *testing.T) {
	f := newFixture(t)
	f.put(t,
		person("police", "p1", "OFFICIAL", "name", "Karim Benali", "birthDate", "1990-03-04"),
		person("partner", "w1", "SECRET", "name", "Karim Ben Ali", "birthDate", "1990-03-04"),
	)
	a := f.do(t, req("u-officer", "dm-1", "D"), "lookup Karim Benali born 1990-03-04")
	text := allText(a)
	if !a.Private || !strings.Contains(text, "police/p1") {
		t.Fatalf("officer's answer: private=%v\n%s", a.Private, text)
	}
	if strings.Contains(text, "partner/w1") || !strings.Contains(text, "not cleared") {
		t.Errorf("an OFFICIAL officer sees the SECRET record or is not told it is hidden:\n%s", text)
	}
	b := allText(f.do(t, req("u-secret", "dm-2", "D"), "lookup Karim Benali born 1990-03-04"))
	if !strings.Contains(b, "partner/w1") {
		t.Errorf("a SECRET officer does not see the SECRET record:\n%s", b)
	}
	// A stranger is refused, politely, and the refusal is audited.
	r := f.do(t, req("u-stranger", "dm-3", "D"), "lookup Karim Benali")
	if !strings.Contains(r.Text, "officers") || strings.Contains(allText(r), "police/p1") {
		t.Errorf("stranger: %s", allText(r))
	}
	entries, err := f.desk.s.Audit.BySubject(context.Background(), subjectOf(t, f, "police", "p1"), 10)
	if err != nil || len(entries) < 2 {
		t.Fatalf("audit by subject: %v %v", entries, err)
	}
	var buf strings.Builder
	if _, err := f.desk.s.Audit.Export(context.Background(), time.Time{}, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"refused"`) || !strings.Contains(buf.String(), "Karim Benali born 1990-03-04") {
		t.Errorf("audit lacks the refusal or the query:\n%s", buf.String())
	}
}

func subjectOf(t *testing.T, f *fixture, src, id string) string {
	var s string
	_ = f.db.View(func(txn *store.Txn) error {
		s, _ = f.desk.s.Resolver.SubjectOf(txn, store.Key{Source: src, ID: id})
		return nil
	})
	if s == "" {
		t.Fatalf("%s/%s has no subject", src, id)
	}
	return s
}

func TestCasesWatchesAndAlertButtons(t *testing.T) {
	f := newFixture(t)
	f.put(t, person("police", "p1", "OFFICIAL", "name", "Karim Benali", "birthDate", "1990-03-04"))
	s := subjectOf(t, f, "police", "p1")

	// Only a supervisor opens a case, and only in a private channel.
	if a := f.do(t, req("u-secret", "ch-case", "P"), "case open C-1"); !strings.Contains(a.Text, "supervisor") {
		t.Errorf("officer opening a case: %s", a.Text)
	}
	if a := f.do(t, req("u-super", "town-square", "O"), "case open C-1"); !strings.Contains(a.Text, "private") {
		t.Errorf("case in a public channel: %s", a.Text)
	}
	if a := f.do(t, req("u-secret", "ch-case", "P"), "watch "+s); !strings.Contains(a.Text, "case channel") {
		t.Errorf("watch before the case is open: %s", a.Text)
	}
	f.do(t, req("u-super", "ch-case", "P"), "case open C-1")
	a := f.do(t, req("u-secret", "ch-case", "P"), "watch "+s+" for 10d")
	if !strings.Contains(a.Text, "W-") || a.Private {
		t.Fatalf("watch: %+v", a)
	}
	if w := f.do(t, req("u-secret", "ch-case", "P"), "watches"); !strings.Contains(w.Text, s) {
		t.Errorf("watches: %s", w.Text)
	}

	// New data on the watched subject: one alert for the case channel.
	f.put(t, person("police-stops", "s9", "OFFICIAL", "name", "Karim Benali", "birthDate", "1990-03-04"))
	groups, err := pending(t, NewOutbox(f.desk, nil))
	if err != nil || len(groups) != 1 || groups[0].ChannelID != "ch-case" || len(groups[0].Alerts) != 1 {
		t.Fatalf("pending: %+v %v", groups, err)
	}
	al := groups[0].Alerts[0]
	if al.Card.Title == "Restricted hit" || !strings.Contains(al.Card.Title, "Karim") {
		t.Errorf("alert card: %+v", al.Card)
	}
	// Acknowledge from the button: the post is updated with who and when.
	ack, err := f.desk.Press(context.Background(), req("u-secret", "ch-case", "P"), bot.ActAck, map[string]string{"alert": al.ID})
	if err != nil || !strings.Contains(ack.Update, "Acknowledged by @sam") {
		t.Fatalf("ack: %+v %v", ack, err)
	}
	// From another channel, the same button is refused.
	other, _ := f.desk.Press(context.Background(), req("u-super", "ch-mixed", "P"), bot.ActAck, map[string]string{"alert": al.ID})
	if !strings.Contains(other.Text, "another channel") {
		t.Errorf("ack from another channel: %+v", other)
	}
}

func TestAlertRedactedWhenAMemberIsNotCleared(t *testing.T) {
	f := newFixture(t)
	f.put(t, person("partner", "w1", "SECRET", "name", "Nadia Haddad", "birthDate", "1991-07-08"))
	f.do(t, req("u-super", "ch-mixed", "P"), "case open C-2")
	f.do(t, req("u-super", "ch-mixed", "P"), "watch Nadia Haddad born 1991-07-08")
	f.put(t, person("partner", "w2", "SECRET", "name", "Nadia Haddad", "birthDate", "1991-07-08"))
	groups, err := pending(t, NewOutbox(f.desk, nil))
	if err != nil || len(groups) == 0 {
		t.Fatalf("pending: %v %v", groups, err)
	}
	card := groups[0].Alerts[0].Card
	if card.Title != "Restricted hit" || strings.Contains(card.Text, "Nadia") || !strings.Contains(card.Text, "@sue") {
		t.Errorf("alert in a channel with an OFFICIAL member: %+v", card)
	}
}

func TestDeconfliction(t *testing.T) {
	f := newFixture(t)
	f.put(t, person("police", "p1", "OFFICIAL", "name", "Karim Benali", "birthDate", "1990-03-04"))
	s := subjectOf(t, f, "police", "p1")
	f.do(t, req("u-super", "ch-case", "P"), "case open C-1")
	f.do(t, req("u-super", "ch-case", "P"), "watch "+s)
	a := f.do(t, req("u-officer", "dm-9", "D"), "lookup Karim Benali born 1990-03-04")
	if !strings.Contains(a.Text, "Another unit") || !strings.Contains(a.Text, "@sue") || strings.Contains(a.Text, "C-1") {
		t.Errorf("lookup of a subject another case watches: %s", a.Text)
	}
	if len(f.dm) == 0 || !strings.HasPrefix(f.dm[0], "u-super:") {
		t.Errorf("the watching case's owner was not told: %v", f.dm)
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t)
	f.desk.lim = newLimiter(0.0001, 3, time.Now)
	var last bot.Answer
	for range 5 {
		last = f.do(t, req("u-officer", "dm", "D"), "help")
	}
	if !strings.Contains(last.Text, "too fast") {
		t.Errorf("6th request: %s", last.Text)
	}
}

// pending polls the outbox until a group is due (the watcher holds a new
// group back for its group wait).
func pending(t *testing.T, ob *Outbox) ([]bot.Group, error) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		g, _, err := ob.Pending(context.Background(), 10)
		if err != nil || len(g) > 0 || time.Now().After(deadline) {
			return g, err
		}
		time.Sleep(5 * time.Millisecond)
	}
}
