package graph

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
)

func mustOpen(t testing.TB) *store.DB {
	t.Helper()
	o := store.DefaultOptions(t.TempDir())
	o.SyncWrites = false
	o.Logger = slog.New(slog.DiscardHandler)
	db, err := store.Open(o)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustGraph(t testing.TB, mod func(*Options)) *Graph {
	t.Helper()
	o := DefaultOptions()
	if mod != nil {
		mod(&o)
	}
	g, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return g
}

// ent builds an incoming FtM-like record; props alternate name, value.
func ent(source, id, schema string, props ...string) store.Incoming {
	p := map[string][]string{}
	for i := 0; i+1 < len(props); i += 2 {
		p[props[i]] = append(p[props[i]], props[i+1])
	}
	return store.Incoming{Source: source, ID: id, Schema: schema, Properties: p}
}

// ingest stores records and runs the graph stage over the feed, returning
// the link events.
func ingest(t testing.TB, db *store.DB, g *Graph, recs ...store.Incoming) []LinkEvent {
	t.Helper()
	ctx := context.Background()
	for len(recs) > 0 {
		n := min(len(recs), 500)
		if _, err := db.Put(ctx, recs[:n]); err != nil {
			t.Fatalf("put: %v", err)
		}
		recs = recs[n:]
	}
	var events []LinkEvent
	if _, err := db.Drain(ctx, "graph", 200, func(txn *store.Txn, ch []store.Change) error {
		evs, err := g.ApplyWithEvents(txn, ch)
		if err == nil {
			txn.OnCommit(func() { events = append(events, evs...) })
		}
		return err
	}); err != nil {
		t.Fatalf("apply: %v", err)
	}
	return events
}

// identity maps every record to its own subject "S:source/id".
type identity struct{}

func (identity) SubjectOf(_ *store.Txn, k store.Key) (string, error) { return "S:" + k.String(), nil }

func (identity) Records(_ *store.Txn, s string) ([]store.Key, error) {
	src, id, _ := strings.Cut(strings.TrimPrefix(s, "S:"), "/")
	return []store.Key{{Source: src, ID: id}}, nil
}

// mapped maps listed records to subjects; others have no subject.
type mapped map[store.Key]string

func (m mapped) SubjectOf(_ *store.Txn, k store.Key) (string, error) { return m[k], nil }

func (m mapped) Records(_ *store.Txn, s string) ([]store.Key, error) {
	var out []store.Key
	for k, v := range m {
		if v == s {
			out = append(out, k)
		}
	}
	return out, nil
}

func subj(source, id string) string { return "S:" + source + "/" + id }

func summary(t testing.TB, db *store.DB, g *Graph, subs Subjects, s string, depth int, flagged map[string]string) Summary {
	t.Helper()
	var out Summary
	err := db.View(func(txn *store.Txn) error {
		var err error
		out, err = g.Summary(txn, subs, s, depth, func(n string) (bool, string) {
			w, ok := flagged[n]
			return ok, w
		})
		return err
	})
	if err != nil {
		t.Fatalf("Summary(%q): %v", s, err)
	}
	return out
}

func paths(t testing.TB, db *store.DB, g *Graph, subs Subjects, a, b string, k, hops int) []Path {
	t.Helper()
	var out []Path
	err := db.View(func(txn *store.Txn) error {
		var err error
		out, err = g.Paths(txn, subs, a, b, k, hops)
		return err
	})
	if err != nil {
		t.Fatalf("Paths(%q, %q): %v", a, b, err)
	}
	return out
}

// direct flattens a summary's direct links to "type subject" strings.
func direct(s Summary) []string {
	var out []string
	for _, gr := range s.Direct {
		for _, l := range gr.Links {
			out = append(out, string(gr.Type)+" "+l.Subject)
		}
	}
	return out
}
