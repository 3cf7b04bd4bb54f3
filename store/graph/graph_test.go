package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigie/vigie/store"
)

// A small fictional case: cousins Ali and Karim; Karim shares a phone
// with Farid (written differently); Farid crossed the border at Menton 40
// minutes after Omar; Nadia crossed there five hours later; Ali and Sami
// were stopped together.
func scenario() []store.Incoming {
	return []store.Incoming{
		ent("police", "ali", "Person", "name", "Ali Benali"),
		ent("police", "karim", "Person", "name", "Karim Benali", "phone", "+33 6 12 34 56 78"),
		ent("police", "farid", "Person", "name", "Farid Haddad", "phone", "06.12.34.56.78"),
		ent("partner", "omar", "Person", "name", "Omar K."),
		ent("police", "nadia", "Person", "name", "Nadia S."),
		ent("police", "sami", "Person", "name", "Sami T."),
		ent("police", "fam1", "Family", "person", "ali", "relative", "karim", "relationship", "cousin"),
		ent("police", "x1", "Event", "name", "Border crossing", "location", "Menton", "country", "fr", "startDate", "2015-11-12T10:00:00Z", "involved", "farid"),
		ent("police", "x2", "Event", "name", "Border  Crossing", "location", "menton", "country", "FR", "startDate", "2015-11-12T09:20:00Z", "involved", "omar-p"),
		ent("police", "x3", "Event", "name", "Border crossing", "location", "Menton", "country", "fr", "startDate", "2015-11-12T15:00:00Z", "involved", "nadia"),
		ent("police", "stop1", "Event", "name", "Police stop", "date", "2015-11-14", "involved", "ali", "involved", "sami"),
		ent("police", "omar-p", "Person", "name", "Omar Kacem"),
	}
}

func TestScenario(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	events := ingest(t, db, g, scenario()...)
	P := func(id string) string { return subj("police", id) }

	t.Run("direct links", func(t *testing.T) {
		for _, tc := range []struct {
			subject string
			want    []string
		}{
			{P("ali"), []string{"co-presence " + P("sami"), "family " + P("karim")}},
			{P("karim"), []string{"family " + P("ali"), "shared-phone " + P("farid")}},
			{P("farid"), []string{"co-presence " + P("omar-p"), "shared-phone " + P("karim")}},
			{P("nadia"), nil},
		} {
			got := direct(summary(t, db, g, identity{}, tc.subject, 1, nil))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Summary(%s) direct (-want +got):\n%s", tc.subject, diff)
			}
		}
	})

	t.Run("evidence", func(t *testing.T) {
		s := summary(t, db, g, identity{}, P("karim"), 1, nil)
		for _, gr := range s.Direct {
			e := gr.Links[0].Evidence[0]
			switch gr.Type {
			case Family:
				want := Evidence{Type: Family, Records: []store.Key{{Source: "police", ID: "fam1"}}, Role: "cousin"}
				if diff := cmp.Diff(want, e); diff != "" {
					t.Errorf("family evidence (-want +got):\n%s", diff)
				}
			case SharedPhone:
				want := Evidence{Type: SharedPhone, Value: "612345678", Records: []store.Key{{Source: "police", ID: "karim"}, {Source: "police", ID: "farid"}}}
				if diff := cmp.Diff(want, e); diff != "" {
					t.Errorf("phone evidence (-want +got):\n%s", diff)
				}
			}
		}
	})

	t.Run("flagged path over three hops", func(t *testing.T) {
		s := summary(t, db, g, identity{}, P("ali"), 3, map[string]string{P("omar-p"): "partner warning"})
		if len(s.Flagged) != 1 {
			t.Fatalf("Flagged = %+v, want one path", s.Flagged)
		}
		p := s.Flagged[0]
		if want := []string{P("ali"), P("karim"), P("farid"), P("omar-p")}; !slices.Equal(p.Subjects, want) {
			t.Errorf("path = %v, want %v", p.Subjects, want)
		}
		var types []LinkType
		for _, h := range p.Hops {
			types = append(types, h.Evidence[0].Type)
		}
		if want := []LinkType{Family, SharedPhone, CoPresence}; !slices.Equal(types, want) {
			t.Errorf("hop types = %v, want %v", types, want)
		}
		if p.Why != "partner warning" {
			t.Errorf("why = %q", p.Why)
		}
		if s2 := summary(t, db, g, identity{}, P("ali"), 2, map[string]string{P("omar-p"): "x"}); len(s2.Flagged) != 0 {
			t.Errorf("depth 2 found %v, want nothing (omar is 3 hops away)", s2.Flagged)
		}
	})

	t.Run("paths", func(t *testing.T) {
		got := paths(t, db, g, identity{}, P("sami"), P("omar-p"), 3, 4)
		if len(got) != 1 || !slices.Equal(got[0].Subjects, []string{P("sami"), P("ali"), P("karim"), P("farid"), P("omar-p")}) {
			t.Errorf("Paths(sami, omar) = %+v", got)
		}
		if got := paths(t, db, g, identity{}, P("sami"), P("omar-p"), 3, 3); len(got) != 0 {
			t.Errorf("Paths within 3 hops = %+v, want none", got)
		}
		if got := paths(t, db, g, identity{}, P("nadia"), P("ali"), 3, 4); len(got) != 0 {
			t.Errorf("Paths(nadia, ali) = %+v, want none", got)
		}
	})

	t.Run("link events", func(t *testing.T) {
		var got []string
		for _, e := range events {
			a, b := e.A.ID, e.B.ID
			if a > b {
				a, b = b, a
			}
			got = append(got, fmt.Sprintf("%s %s-%s", e.Type, a, b))
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := []string{"co-presence ali-sami", "co-presence farid-omar-p", "family ali-karim", "shared-phone farid-karim"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("link events (-want +got):\n%s", diff)
		}
	})
}

func TestIncrementalUpdate(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	ingest(t, db, g,
		ent("s", "a", "Person", "phone", "0600000001"),
		ent("s", "b", "Person", "phone", "0600000001"),
		ent("s", "c", "Person", "phone", "0600000002"),
	)
	if got := direct(summary(t, db, g, identity{}, subj("s", "a"), 1, nil)); !slices.Equal(got, []string{"shared-phone " + subj("s", "b")}) {
		t.Fatalf("before: %v", got)
	}
	events := ingest(t, db, g, ent("s", "a", "Person", "phone", "0600000002"))
	if got := direct(summary(t, db, g, identity{}, subj("s", "a"), 1, nil)); !slices.Equal(got, []string{"shared-phone " + subj("s", "c")}) {
		t.Errorf("after a changed phone, a links %v, want c only", got)
	}
	if got := direct(summary(t, db, g, identity{}, subj("s", "b"), 1, nil)); len(got) != 0 {
		t.Errorf("after a changed phone, b still links %v", got)
	}
	if len(events) != 1 || events[0].A.ID != "a" || events[0].B.ID != "c" || events[0].Evidence.Value != "600000002" {
		t.Errorf("events = %+v, want one a→c on 600000002", events)
	}
	// The same content again is no change and no event.
	if ev := ingest(t, db, g, ent("s", "a", "Person", "phone", "0600000002")); len(ev) != 0 {
		t.Errorf("unchanged record gave events %+v", ev)
	}
	// A relation record that changes an end moves the link.
	ingest(t, db, g, ent("s", "f", "Family", "person", "a", "relative", "b"))
	ingest(t, db, g, ent("s", "f", "Family", "person", "a", "relative", "d"), ent("s", "d", "Person"))
	if got := direct(summary(t, db, g, identity{}, subj("s", "b"), 1, nil)); len(got) != 0 {
		t.Errorf("b still linked after the family record moved: %v", got)
	}
	if got := direct(summary(t, db, g, identity{}, subj("s", "d"), 1, nil)); !slices.Equal(got, []string{"family " + subj("s", "a")}) {
		t.Errorf("d links %v, want family a", got)
	}
}

func TestGiantValue(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, func(o *Options) { o.GiantCount = 10 })
	var recs []store.Incoming
	for i := range 12 {
		recs = append(recs, ent("s", fmt.Sprint("p", i), "Person", "address", "1 Hotel Square, Nice", "phone", fmt.Sprint("06000000", 10+i/2)))
	}
	ingest(t, db, g, recs...)
	var giants []Giant
	if err := db.View(func(txn *store.Txn) (err error) { giants, err = g.Giants(txn); return err }); err != nil {
		t.Fatal(err)
	}
	if want := []Giant{{Kind: KindAddress, Value: "1 hotel square nice", Count: 12}}; !cmp.Equal(giants, want) {
		t.Errorf("Giants = %+v, want %+v", giants, want)
	}
	// The hotel address links nobody; the pairwise phones still do.
	if got := direct(summary(t, db, g, identity{}, subj("s", "p0"), 1, nil)); !slices.Equal(got, []string{"shared-phone " + subj("s", "p1")}) {
		t.Errorf("p0 links %v, want p1 by phone only", got)
	}
	// Back under the threshold, the value links again and is no giant.
	ingest(t, db, g, ent("s", "p10", "Person"), ent("s", "p11", "Person"), ent("s", "p9", "Person"))
	if err := db.View(func(txn *store.Txn) (err error) { giants, err = g.Giants(txn); return err }); err != nil {
		t.Fatal(err)
	}
	if len(giants) != 0 {
		t.Errorf("Giants = %+v after removals, want none", giants)
	}
	s := summary(t, db, g, identity{}, subj("s", "p0"), 1, nil)
	if n := len(s.Direct); n != 2 || len(s.Direct[0].Links)+len(s.Direct[1].Links) != 9 {
		t.Errorf("p0 links %v, want 8 by address and 1 by phone", direct(s))
	}
}

func TestInnocentValues(t *testing.T) {
	in, err := ParseInnocent(strings.NewReader("# police station\nphone: +33 4 93 00 00 00\naddress:1 Hotel Square, Nice # hotel\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t)
	g := mustGraph(t, func(o *Options) { o.Innocent = in })
	events := ingest(t, db, g,
		ent("s", "a", "Person", "phone", "04 93 00 00 00", "address", "1, hotel square - NICE", "email", "A@x.org"),
		ent("s", "b", "Person", "phone", "0493000000", "address", "1 Hotel Square Nice", "email", "a@x.org"),
	)
	if got := direct(summary(t, db, g, identity{}, subj("s", "a"), 1, nil)); !slices.Equal(got, []string{"shared-email " + subj("s", "b")}) {
		t.Errorf("a links %v, want the e-mail only", got)
	}
	if len(events) != 1 || events[0].Type != SharedEmail {
		t.Errorf("events = %+v, want the e-mail link only", events)
	}
}

func TestDocumentsVehiclesAddresses(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	ingest(t, db, g,
		ent("s", "a", "Person", "addressEntity", "addr1"),
		ent("s", "b", "Person", "addressEntity", "addr1"),
		ent("s", "c", "Person"),
		ent("t", "d", "Person", "passportNumber", "12ab 34567"),
		ent("s", "pp1", "Passport", "holder", "c", "number", "12AB34567"),
		ent("s", "v1", "Vehicle", "owner", "a", "registrationNumber", "AB-123-CD"),
		ent("t", "v2", "Vehicle", "operator", "d", "registrationNumber", "ab 123 cd"),
		ent("s", "v3", "Vehicle", "owner", "b", "operator", "c"),
		ent("s", "addr1", "Address", "full", "3 rue X"),
	)
	for _, tc := range []struct {
		subject string
		want    []string
	}{
		{subj("s", "a"), []string{"shared-address " + subj("s", "b"), "shared-vehicle " + subj("t", "d")}},
		{subj("s", "c"), []string{"shared-document " + subj("t", "d"), "shared-vehicle " + subj("s", "b")}},
	} {
		if got := direct(summary(t, db, g, identity{}, tc.subject, 1, nil)); !slices.Equal(got, tc.want) {
			t.Errorf("Summary(%s) = %v, want %v", tc.subject, got, tc.want)
		}
	}
}

// Links are kept between records, so merging records into subjects only
// changes how they are grouped.
func TestLinksFollowSubjects(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	ingest(t, db, g,
		ent("s", "a1", "Person", "phone", "0611111111"),
		ent("t", "a2", "Person", "email", "x@y.z"),
		ent("s", "b", "Person", "phone", "0611111111"),
		ent("s", "c", "Person", "email", "X@Y.Z"),
		ent("s", "d", "Person"),
		ent("s", "f", "Family", "person", "a1", "relative", "b"),
	)
	k := func(src, id string) store.Key { return store.Key{Source: src, ID: id} }
	subs := mapped{k("s", "a1"): "A", k("t", "a2"): "A", k("s", "b"): "B", k("s", "c"): "C"}
	got := direct(summary(t, db, g, subs, "A", 1, nil))
	want := []string{"family B", "shared-email C", "shared-phone B"}
	if !slices.Equal(got, want) {
		t.Errorf("merged subject links %v, want %v", got, want)
	}
	// b and c merged: A's links collapse onto one subject, no self link.
	subs[k("s", "c")] = "B"
	if got := direct(summary(t, db, g, subs, "B", 1, nil)); !slices.Equal(got, []string{"family A", "shared-email A", "shared-phone A"}) {
		t.Errorf("B links %v", got)
	}
	// A record without a subject stands for itself.
	delete(subs, k("s", "c"))
	got = direct(summary(t, db, g, subs, "A", 1, nil))
	if !slices.Contains(got, "shared-email record:s/c") {
		t.Errorf("links %v lack the unresolved record", got)
	}
	if got := direct(summary(t, db, g, subs, "record:s/c", 1, nil)); !slices.Equal(got, []string{"shared-email A"}) {
		t.Errorf("record node links %v", got)
	}
}

func TestCharts(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	ingest(t, db, g, scenario()...)
	P := func(id string) string { return subj("police", id) }
	name := func(s string) string { return strings.ToUpper(strings.TrimPrefix(s, "S:police/")) }
	s := summary(t, db, g, identity{}, P("karim"), 3, map[string]string{P("omar-p"): "partner warning"})
	c := SummaryChart(s, name)
	var flagged []string
	for _, n := range c.Nodes {
		if n.Flagged {
			flagged = append(flagged, n.Label+": "+n.Why)
		}
	}
	if !slices.Equal(flagged, []string{"OMAR-P: partner warning"}) || c.Nodes[0].Label != "KARIM" || !c.Nodes[0].Focus {
		t.Errorf("SummaryChart nodes = %+v", c.Nodes)
	}
	if len(c.Edges) != 4 { // karim–farid, farid–omar on the path; karim–ali, karim–farid direct
		t.Errorf("SummaryChart edges = %+v", c.Edges)
	}
	pc := PathsChart(paths(t, db, g, identity{}, P("ali"), P("farid"), 2, 4), name)
	if pc.Title != "ALI → FARID" || len(pc.Nodes) != 3 || pc.Edges[1].Label != "shared-phone (612345678)" {
		t.Errorf("PathsChart = %+v", pc)
	}
}

// A hub subject's neighbourhood is read within MaxReads: past it the
// flagged paths are partial and say so, while the direct links stay whole.
func TestSummaryReadBudget(t *testing.T) {
	db := mustOpen(t)
	recs := []store.Incoming{ent("s", "f0", "Family", "person", "a", "relative", "hub")}
	for i := range 40 {
		recs = append(recs, ent("s", fmt.Sprint("f", i+1), "Family", "person", "hub", "relative", fmt.Sprint("p", i)))
	}
	flagged := map[string]string{subj("s", "p39"): "watched"}
	for _, tc := range []struct {
		name      string
		maxReads  int
		paths     int
		truncated bool
	}{
		{"within the budget", 5000, 1, false},
		// One read lists the hub's hubs; none is left to follow them.
		{"over the budget", 1, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := mustGraph(t, func(o *Options) { o.MaxReads = tc.maxReads })
			ingest(t, db, g, recs...)
			s := summary(t, db, g, identity{}, subj("s", "a"), 2, flagged)
			if len(s.Flagged) != tc.paths || s.Truncated != tc.truncated {
				t.Errorf("Summary(a, 2) = %d flagged paths, truncated %v; want %d, %v", len(s.Flagged), s.Truncated, tc.paths, tc.truncated)
			}
			if got := direct(s); !slices.Equal(got, []string{"family " + subj("s", "hub")}) {
				t.Errorf("Summary(a) direct = %v, want family hub", got)
			}
			// The hub's own summary reads its 40 links whatever the budget.
			if s := summary(t, db, g, identity{}, subj("s", "hub"), 1, nil); len(direct(s)) != 41 || s.Truncated {
				t.Errorf("Summary(hub) = %d direct links, truncated %v; want 41, false", len(direct(s)), s.Truncated)
			}
		})
	}
}

// The inline copies of a hub's memberships follow it as it grows past
// maxInline and shrinks back.
func TestInlineCopies(t *testing.T) {
	db := mustOpen(t)
	g := mustGraph(t, nil)
	phone := func(n int) []store.Incoming {
		var recs []store.Incoming
		for i := range maxInline + 4 {
			r := ent("s", fmt.Sprint("p", i), "Person")
			if i < n {
				r.Properties["phone"] = []string{"0612345678"}
			}
			recs = append(recs, r)
		}
		return recs
	}
	for _, n := range []int{3, maxInline + 2, maxInline, 2, maxInline + 4, 0} {
		ingest(t, db, g, phone(n)...)
		for i := range n {
			if got := len(direct(summary(t, db, g, identity{}, subj("s", fmt.Sprint("p", i)), 1, nil))); got != n-1 {
				t.Errorf("with %d sharing the phone, p%d links %d, want %d", n, i, got, n-1)
			}
		}
	}
}
