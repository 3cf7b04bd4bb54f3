package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sanctionsLists are FtM persons as several lists publish them: the same
// people in Russian, Ukrainian, Belarusian, Persian and Korean, in their
// own scripts and in several romanisations, some with a weak alias, and
// namesakes who must stay apart. Fictional people.
const sanctionsLists = `{"id":"eu-101","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["Sergey Ivanovich GRITSENKO"],"birthDate":["1971-03-02"],"nationality":["ru"],"gender":["male"]}}
{"id":"ua-7","schema":"Person","datasets":["ua_nsdc"],"properties":{"name":["Hrytsenko Serhii Ivanovych"],"birthDate":["1971-03-02"],"citizenship":["RUS"]}}
{"id":"by-3","schema":"Person","datasets":["by_kgb"],"properties":{"name":["Siarhei Ivanavich HRYTSENKA"],"birthDate":["02.03.1971"]}}
{"id":"ch-55","schema":"Person","datasets":["ch_seco"],"properties":{"name":["Sergej Iwanowitsch Grizenko"],"birthDate":["1971-03-02"]}}
{"id":"ua-8","schema":"Person","datasets":["ua_nsdc"],"properties":{"name":["Hrytsenko Serhii Petrovych"],"birthDate":["1985-06-11"]}}
{"id":"eu-202","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["Sviatlana Paulauna PAKHODAVA"],"birthDate":["1968-11-30"],"nationality":["by"],"gender":["female"]}}
{"id":"gb-9","schema":"Person","datasets":["gb_hmt"],"properties":{"name":["POKHODOVA, Svetlana Pavlovna"],"birthDate":["1968-11-30"],"nationality":["Belarus"]}}
{"id":"us-301","schema":"Person","datasets":["us_ofac"],"properties":{"name":["Hossein KARIMI HAJIZADEH"],"weakAlias":["Abu Reza"],"birthDate":["1962-01-15"],"nationality":["Iran (Islamic Republic of)"]}}
{"id":"eu-303","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["حسین کریمی حاجی‌زاده"],"birthDate":["1962-01-15"],"nationality":["IRN"]}}
{"id":"us-302","schema":"Person","datasets":["us_ofac"],"properties":{"name":["Mahmoud TAHERI"],"weakAlias":["Abu Reza"]}}
{"id":"il-5","schema":"Person","datasets":["il_mod"],"properties":{"name":["Abu Reza"]}}
{"id":"un-401","schema":"Person","datasets":["un_sc"],"properties":{"name":["RI Myong Su"],"birthDate":["1934"],"nationality":["Korea, Democratic People's Republic of"]}}
{"id":"kr-9","schema":"Person","datasets":["kr_mofa"],"properties":{"name":["리명수"],"birthDate":["1934-01-01"],"nationality":["kp"]}}
`

// TestSanctionsListsInSeveralScripts ingests FtM persons from several
// lists, as a user would with vigie ingest, and checks the subjects vigie
// exports and what a lookup in another script finds.
func TestSanctionsListsInSeveralScripts(t *testing.T) {
	c := newCLI(t)
	file := filepath.Join(t.TempDir(), "lists.ftm.json")
	if err := os.WriteFile(file, []byte(sanctionsLists), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := c.run("", "ingest", "--json", file); code != exitOK {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	code, out, _ := c.run("", "subjects", "export", "--json")
	if code != exitOK {
		t.Fatalf("export: exit %d", code)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s struct {
			Records []struct{ Source, ID string }
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		var ids []string
		for _, r := range s.Records {
			ids = append(ids, r.ID)
		}
		sort.Strings(ids)
		got = append(got, strings.Join(ids, " "))
	}
	sort.Strings(got)
	want := []string{"by-3 ch-55 eu-101 ua-7", "eu-202 gb-9", "eu-303 us-301", "il-5", "kr-9 un-401", "ua-8", "us-302"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("subjects:\n got %q\nwant %q", got, want)
	}

	// A lookup in Ukrainian Cyrillic finds the man every list spells its
	// own way.
	code, out, errs := c.run("", "lookup", "--json", "Сергій Гриценко 1971-03-02")
	if code != exitOK {
		t.Fatalf("lookup: exit %d %s", code, errs)
	}
	var lk struct {
		Subjects []struct {
			Match   bool `json:"match"`
			Records []struct {
				ID string `json:"id"`
			} `json:"records"`
		} `json:"subjects"`
	}
	if err := json.Unmarshal([]byte(out), &lk); err != nil {
		t.Fatal(err)
	}
	if len(lk.Subjects) == 0 || !lk.Subjects[0].Match || len(lk.Subjects[0].Records) != 4 {
		t.Fatalf("lookup answer: %s", out)
	}
}
