package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigie/vigie/store"
)

const senzingDir = "../../../shared/data/senzing"

type senzingRecord struct {
	Source   string              `json:"DATA_SOURCE"`
	ID       string              `json:"RECORD_ID"`
	Features []map[string]string `json:"FEATURES"`
}

// loadSenzing turns the Senzing truth set into FtM-like records: people
// and organisations with their identifiers, and one UnknownLink per
// REL_POINTER (pointing at the record whose REL_ANCHOR has that key). It
// returns the records and the expected relationship pairs "from→to role".
func loadSenzing(t *testing.T) ([]store.Incoming, []string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(senzingDir, "*.jsonl"))
	if len(files) == 0 {
		t.Skip("Senzing truth set not found at " + senzingDir)
	}
	var all []senzingRecord
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r senzingRecord
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			all = append(all, r)
		}
		fh.Close()
	}
	anchors := map[string]string{} // domain \x00 key → record id
	for _, r := range all {
		for _, f := range r.Features {
			if k := f["REL_ANCHOR_KEY"]; k != "" {
				anchors[f["REL_ANCHOR_DOMAIN"]+"\x00"+k] = r.ID
			}
		}
	}
	var recs []store.Incoming
	var want []string
	for _, r := range all {
		schema := "Person"
		props := map[string][]string{}
		add := func(p, v string) {
			if v = strings.TrimSpace(v); v != "" {
				props[p] = append(props[p], v)
			}
		}
		for i, f := range r.Features {
			if f["RECORD_TYPE"] == "ORGANIZATION" {
				schema = "Organization"
			}
			add("name", strings.TrimSpace(f["NAME_FIRST"]+" "+f["NAME_LAST"]+f["NAME_FULL"]+f["NAME_ORG"]))
			add("phone", f["PHONE_NUMBER"])
			add("email", f["EMAIL_ADDRESS"])
			add("passportNumber", f["PASSPORT_NUMBER"])
			add("idNumber", f["NATIONAL_ID_NUMBER"])
			add("licenseNumber", f["DRIVERS_LICENSE_NUMBER"])
			if k := f["REL_POINTER_KEY"]; k != "" {
				to, ok := anchors[f["REL_POINTER_DOMAIN"]+"\x00"+k]
				if !ok {
					t.Fatalf("record %s points to unknown anchor %s", r.ID, k)
				}
				id := fmt.Sprintf("rel-%s-%d", r.ID, i)
				recs = append(recs, ent(r.Source, id, "UnknownLink", "subject", r.ID, "object", to, "role", f["REL_POINTER_ROLE"]))
				want = append(want, r.Source+"/"+r.ID+"→"+r.Source+"/"+to+" "+f["REL_POINTER_ROLE"])
			}
		}
		recs = append(recs, store.Incoming{Source: r.Source, ID: r.ID, Schema: schema, Properties: props})
	}
	slices.Sort(want)
	return recs, want
}

func TestSenzingRelationships(t *testing.T) {
	recs, want := loadSenzing(t)
	if len(want) < 10 {
		t.Fatalf("only %d relationships in the truth set", len(want))
	}
	db := mustOpen(t)
	g := mustGraph(t, nil)
	ingest(t, db, g, recs...)

	var got []string
	for _, r := range recs {
		if r.Schema == "UnknownLink" {
			continue
		}
		s := summary(t, db, g, identity{}, subj(r.Source, r.ID), 1, nil)
		for _, gr := range s.Direct {
			if gr.Type != UnknownLink {
				continue
			}
			for _, l := range gr.Links {
				for _, e := range l.Evidence {
					// Each relation is seen from both ends; keep the
					// pointer's side.
					rel, err := db.Get(e.Records[0])
					if err != nil {
						t.Fatal(err)
					}
					if rel.First("subject") == r.ID {
						got = append(got, r.Source+"/"+r.ID+"→"+strings.TrimPrefix(l.Subject, "S:")+" "+e.Role)
					}
				}
			}
		}
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("relationships (-truth +graph):\n%s", diff)
	}

	// Bob Smith's two customer records share a home phone.
	s := summary(t, db, g, identity{}, subj("CUSTOMERS", "1001"), 1, nil)
	if !slices.Contains(direct(s), "shared-phone "+subj("CUSTOMERS", "1002")) {
		t.Errorf("CUSTOMERS/1001 links %v, want a shared phone with 1002", direct(s))
	}
	// Universal Exports: a principal of the US company reaches the owners
	// of its global parent in three hops.
	ps := paths(t, db, g, identity{}, subj("REFERENCE", "2101"), subj("REFERENCE", "2081"), 3, 4)
	if len(ps) == 0 || len(ps[0].Subjects) != 4 {
		t.Errorf("Paths(Keeley Jones, Howard Hughes) = %+v, want a 3-hop path first", ps)
	}
}
