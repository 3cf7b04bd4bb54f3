package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// sanctionsLists are FtM persons as several lists publish them: the same
// people in Russian, Ukrainian, Belarusian, Persian and Korean, in their
// own scripts and in several romanisations, some with a weak alias, and
// namesakes who must stay apart; one Russian name in the Swedish, Polish,
// Latvian and English spellings of the EU's languages (one record with a
// malformed e-mail, stored without it); Urdu, Greek and Serbian names
// beside their Latin spellings; an Arabic name vocalised two ways, one
// record in the nested export form. Fictional people.
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
{"id":"se-11","schema":"Person","datasets":["se_list"],"properties":{"name":["Vladimir Jurjevitj SJTJERBAKOV"],"birthDate":["1966-03-04"]}}
{"id":"pl-12","schema":"Person","datasets":["pl_list"],"properties":{"name":["Władimir Jurjewicz SZCZERBAKOW"],"birthDate":["1966-03-04"]}}
{"id":"lv-13","schema":"Person","datasets":["lv_list"],"properties":{"name":["Vladimirs Jurjevičs ŠČERBAKOVS"],"birthDate":["1966"]}}
{"id":"gb-14","schema":"Person","datasets":["gb_hmt"],"properties":{"name":["SHCHERBAKOV, Vladimir Yuryevich"],"birthDate":["1966-03-04"],"email":["v.shcherbakov at mail.ru"]}}
{"id":"un-21","schema":"Person","datasets":["un_sc"],"properties":{"name":["Hafiz Abdul SALAM"],"alias":["حافظ عبد السلام"],"birthDate":["1958"]}}
{"id":"pk-22","schema":"Person","datasets":["pk_nacta"],"properties":{"name":["حافظ عبدالسلام"],"birthDate":["1958-05-05"]}}
{"id":"gr-31","schema":"Person","datasets":["gr_list"],"properties":{"name":["Δημήτρης Καραγιάννης"],"birthDate":["1975-07-07"]}}
{"id":"eu-32","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["Dimitris KARAGIANNIS"],"birthDate":["1975-07-07"]}}
{"id":"rs-41","schema":"Person","datasets":["rs_list"],"properties":{"name":["Драган Јовановић"],"birthDate":["1969-02-02"]}}
{"id":"eu-42","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["Dragan JOVANOVIC"],"birthDate":["1969-02-02"]}}
{"id":"os-51","schema":"Person","datasets":["opensanctions"],"properties":{"name":["Omar Haddad"],"birthDate":["1980-08-08"],"sanctions":[{"id":"os-51-s","schema":"Sanction","properties":{"authority":["UN"],"entity":["os-51"]}}]}}
{"id":"us-52","schema":"Person","datasets":["us_ofac"],"properties":{"name":["Umar HADAD"],"birthDate":["1980-08-08"]}}
`

// subjects runs vigie subjects export --json and returns each subject as
// its sorted, space-separated record ids, sorted.
func (c *cli) subjects() []string {
	c.t.Helper()
	code, out, errs := c.run("", "subjects", "export", "--json")
	if code != exitOK {
		c.t.Fatalf("export: exit %d %s", code, errs)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s struct {
			Records []struct{ Source, ID string }
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			c.t.Fatalf("export line %q: %v", line, err)
		}
		var ids []string
		for _, r := range s.Records {
			ids = append(ids, r.ID)
		}
		sort.Strings(ids)
		got = append(got, strings.Join(ids, " "))
	}
	sort.Strings(got)
	return got
}

// TestAListsTwoEntriesOfOneNameAreTwoPeople: two entities of one dataset
// with only a name in common, ingested as that dataset's (no --source),
// are the list's two people; loaded as an ordinary source's records
// (--source), they are one person as any two records of that name are.
func TestAListsTwoEntriesOfOneNameAreTwoPeople(t *testing.T) {
	file := filepath.Join(t.TempDir(), "nacta.ftm.json")
	lines := `{"id":"pk-1","schema":"Person","datasets":["pk_nacta"],"properties":{"name":["Ameer Hamza"],"country":["pk"]}}
{"id":"pk-2","schema":"Person","datasets":["pk_nacta"],"properties":{"name":["Ameer Hamza"],"country":["pk"]}}
`
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"ingest", file}, []string{"pk-1", "pk-2"}},
		{[]string{"ingest", "--source", "stops", file}, []string{"pk-1 pk-2"}},
	} {
		c := newCLI(t)
		if code, out, errs := c.run("", tc.args...); code != exitOK {
			t.Fatalf("%q: exit %d %s %s", tc.args, code, out, errs)
		}
		if got := c.subjects(); !slices.Equal(got, tc.want) {
			t.Errorf("%q: subjects %q, want %q", tc.args, got, tc.want)
		}
	}
}

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
	got := c.subjects()
	want := []string{"by-3 ch-55 eu-101 ua-7", "eu-202 gb-9", "eu-303 us-301", "eu-32 gr-31", "eu-42 rs-41",
		"gb-14 lv-13 pl-12 se-11", "il-5", "kr-9 un-401", "os-51 us-52", "pk-22 un-21", "ua-8", "us-302"}
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
