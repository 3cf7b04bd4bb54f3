package quality

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/resolve"
)

const dataDir = "../../../shared/data"

func open(t *testing.T) (*store.DB, *resolve.Resolver) {
	t.Helper()
	opt := store.DefaultOptions(t.TempDir())
	opt.SyncWrites = false
	db, err := store.Open(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	res, err := resolve.New(db, resolve.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return db, res
}

// TestClusteringBars runs entity resolution over the development sets and
// fails below the pairwise bars of DESIGN.md (precision ≥ 0.97, recall ≥
// 0.95).
func TestClusteringBars(t *testing.T) {
	if _, err := os.Stat(dataDir); err != nil {
		t.Skip("development data not present")
	}
	// The floors are DESIGN's bars (precision 0.97, recall 0.95) except for
	// recall on Splink's fake_1000, where vigie is below it (see README,
	// "Matching quality"): the floor there guards the figure reached so far
	// against regressions.
	sets := []struct {
		name         string
		load         func() ([]Labelled, error)
		minRecall    float64
		minPrecision float64
	}{
		{"febrl-dataset1", func() ([]Labelled, error) { return FEBRL(filepath.Join(dataDir, "febrl/dataset1.csv"), "febrl1") }, .95, .97},
		{"febrl-dataset2", func() ([]Labelled, error) { return FEBRL(filepath.Join(dataDir, "febrl/dataset2.csv"), "febrl2") }, .95, .97},
		{"splink-fake_1000", func() ([]Labelled, error) { return Splink(filepath.Join(dataDir, "splink/fake_1000.csv")) }, .93, .97},
		{"senzing-truthset", func() ([]Labelled, error) { return Senzing(filepath.Join(dataDir, "senzing")) }, .95, .97},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			recs, err := s.load()
			if err != nil {
				t.Fatal(err)
			}
			db, res := open(t)
			p, err := Cluster(context.Background(), db, res, s.name, recs)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: records %d clusters %d subjects %d precision %.4f recall %.4f F1 %.4f", s.name, p.Records, p.Clusters, p.Subjects, p.Precision, p.Recall, p.F1)
			for _, e := range p.Errors {
				t.Log(e)
			}
			if p.Precision < s.minPrecision || p.Recall < s.minRecall {
				t.Errorf("%s fell: precision %.4f (floor %.2f), recall %.4f (floor %.2f)", s.name, p.Precision, s.minPrecision, p.Recall, s.minRecall)
			}
			if p.Precision < .97 || p.Recall < .95 {
				t.Logf("%s: below DESIGN's bars (precision 0.97, recall 0.95)", s.name)
			}
		})
	}
}

// TestCrossScriptLists resolves the hard name pairs published as sanctions
// lists publish them (ScriptClusters: one record per spelling, each from
// another list, some with an alias in another script, dates of birth in
// full, as a year or missing, namesakes born the same year) and fails
// below DESIGN's pairwise bars. It needs no development data. It found
// that a record with no date of birth never joined the person's other
// spellings (a transliteration scores 0.88-0.95, a name alone joined at
// 0.96): recall was 0.895.
func TestCrossScriptLists(t *testing.T) {
	recs, err := ScriptClusters("../match/testdata/variants.txt", "../match/testdata/different.txt", 1)
	if err != nil {
		t.Fatal(err)
	}
	db, res := open(t)
	p, err := Cluster(context.Background(), db, res, "hard-pairs-lists", recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("records %d clusters %d subjects %d precision %.4f recall %.4f", p.Records, p.Clusters, p.Subjects, p.Precision, p.Recall)
	for _, e := range p.Errors {
		t.Log(e)
	}
	if p.Precision < .97 || p.Recall < .95 {
		t.Errorf("below the bars: precision %.4f (0.97), recall %.4f (0.95)", p.Precision, p.Recall)
	}
}

// TestCrossScriptAliases resolves the hard name pairs as ScriptAliasClusters
// publishes them (two or three records per person, each with up to four of
// its spellings as name and aliases) and fails below DESIGN's pairwise
// bars. It found Ismail Qaani merged with Ismail Haniya (Haniya read as
// Ukrainian keys as Qaani does) and Mohammadreza Rezaei with Gholam Reza
// Rezaie: precision was 0.966 and 0.969 on the first two seeds.
func TestCrossScriptAliases(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		recs, err := ScriptAliasClusters("../match/testdata/variants.txt", "../match/testdata/different.txt", seed)
		if err != nil {
			t.Fatal(err)
		}
		db, res := open(t)
		p, err := Cluster(context.Background(), db, res, "hard-pairs-aliases", recs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("seed %d: records %d clusters %d subjects %d precision %.4f recall %.4f", seed, p.Records, p.Clusters, p.Subjects, p.Precision, p.Recall)
		for _, e := range p.Errors {
			t.Log(e)
		}
		if p.Precision < .97 || p.Recall < .95 {
			t.Errorf("seed %d below the bars: precision %.4f (0.97), recall %.4f (0.95)", seed, p.Precision, p.Recall)
		}
	}
}

// TestCrossScriptAliasLookups looks up every spelling of the hard name
// pairs, and each Latin one with a typo anywhere (ScriptAliasQueries), in
// the store of TestCrossScriptAliases, and fails below DESIGN's lookup
// bars. A space left out or moved ("AlexanderPetrov") found nothing before
// lookups put it back: recall@10 of the typos was 0.972 (0.989 with).
func TestCrossScriptAliasLookups(t *testing.T) {
	recs, qs, err := ScriptAliasQueries("../match/testdata/variants.txt", "../match/testdata/different.txt", 1)
	if err != nil {
		t.Fatal(err)
	}
	rep, _ := clusteredLookups(t, "hard-pairs-aliases", recs, qs)
	if rep.RecallAt10 < .98 || rep.PrecisionAt1 < .95 {
		t.Errorf("below the bars: recall@10 %.4f (0.98), precision@1 %.4f (0.95)", rep.RecallAt10, rep.PrecisionAt1)
	}
	if typo := rep.ByNoise["typo"]; typo[0] < .98 {
		t.Errorf("typos: recall@10 %.4f (0.989 when written, 0.972 without respacing)", typo[0])
	}
}

// TestHeldOutPairs resolves and looks up the held-out name pairs
// (heldout-variants.txt: written after the rules were tuned on the hard
// pairs, and measured before any change for them) as lists publish them,
// as records with aliases, and by each spelling, against DESIGN's bars.
// The first set's lookups caught Zeljko Raznatovic missing Željko
// Ražnatović, and its lists namesakes a letter or two from the person born
// the same year joining on the year alone (precision 0.946-0.992 over
// seeds and draws); the second (heldout2) was measured once, with no rule
// changed after it that session; the third (heldout3, mostly names in
// Arabic script) was written by a helper that did not read the rules, and
// measured before the rules for Arabic letters of session 24 (see its
// header). The fourth (heldout4: Chinese, Korean, Japanese, Cyrillic and
// Southeast Asian names, written blind the same way) does not meet the
// bars — English names taken by Chinese people (Karl Lee, Miles Guo),
// Cantonese and Hokkien readings of given names, Japanese family names the
// dictionary lacks — and is held to floors under its first figures
// instead, so that a change that costs it more fails; so is the eighth
// (heldout8: European and American names), for the reasons given below.
func TestHeldOutPairs(t *testing.T) {
	bars := heldOutFloors{precision: .97, recall: .95, recallAt10: .98, precisionAt1: .95}
	for _, set := range []struct {
		prefix string
		floors heldOutFloors
	}{
		{"heldout", bars}, {"heldout2", bars}, {"heldout3", bars},
		// First measured: lists 0.984-0.995 / 0.898-0.926, aliases
		// 0.963-0.986 / 0.971-1.000, lookups 0.939 / 0.929.
		{"heldout4", heldOutFloors{precision: .96, recall: .89, recallAt10: .93, precisionAt1: .92}},
		{"heldout5", bars}, {"heldout6", bars}, {"heldout7", bars},
		// First measured: lists 0.963-0.985 / 0.896-0.947, aliases
		// 0.943-1.000 / 0.986-0.993, lookups 0.994 / 0.982 — fathers and
		// sons told apart by Jr. and Sr. that some records leave out, De
		// and Di Stefano, nicknames that share no letter with the name
		// (Whitey, Dudus), a name in another language (Ladislaus, László).
		// Since session 25's table of European given names (tuned on its
		// Ladislaus and William): lists recall 0.926-0.973.
		{"heldout8", heldOutFloors{precision: .94, recall: .92, recallAt10: .98, precisionAt1: .95}},
		// Measured once and not tuned on: lists 0.992 / 0.974-0.990, with
		// aliases 0.969-0.986 / 0.981-1.000 (a son whose name holds his
		// father's, Ziad Tariq Aziz; Choe Il beside Choe Pu Il).
		{"heldout9", heldOutFloors{precision: .96, recall: .95, recallAt10: .98, precisionAt1: .95}},
		// Measured once at the end of session 24 and not tuned on.
		{"heldout10", bars},
		// Measured once at the end of session 25 and not tuned on.
		{"heldout11", bars},
		// Written blind during session 25, measured once before any rule
		// for them.
		{"heldout12", bars},
		// First measured: lists 0.985-0.995 / 0.948-0.955, aliases
		// 0.971-0.987 / 0.986-1.000, lookups 0.974 / 0.972 — noms de
		// guerre written as spellings of the name (El Marro, Bilal
		// al-Sudani), which no name lookup finds.
		{"heldout13", heldOutFloors{precision: .97, recall: .94, recallAt10: .97, precisionAt1: .96}},
		// Written blind during session 26, measured once before any rule
		// for them. The fourteenth first: lists 0.970-0.996 / 0.911-0.934,
		// aliases 0.947-1.000 / 0.952-0.983, lookups 0.949 / 0.935 —
		// Chinese and Russian labels of foreign names, nicknames sharing
		// no word with the name (AMLO, Jokowi). The fifteenth: aliases
		// precision 0.932-0.952 — look-alikes only word order tells apart.
		// Lists precision 0.9965 (first seed) since session 40 (dates
		// weeks apart); aliases 0.961 on the third.
		{"heldout14", heldOutFloors{precision: .95, recall: .91, recallAt10: .94, precisionAt1: .93}},
		{"heldout15", heldOutFloors{precision: .93, recall: .95, recallAt10: .98, precisionAt1: .95}},
		// Written blind during session 27, measured once before any rule
		// for it: lists 1.000 / 0.934-0.964, aliases 1.000 / 0.977-0.992,
		// lookups 0.977 / 0.977 — Thai script, Burmese honorifics, Russian
		// forms of Armenian names; and the Chinese names of Chinese
		// Indonesians, which no name lookup finds.
		// Since tuned on it (Thai read as said, Armenian names' Russian
		// forms, clerks' short forms): lists 1.000 / 0.954-0.986, aliases
		// 1.000 / 0.981-1.000, lookups 0.981 / 0.981; floors at the bars.
		{"heldout16", heldOutFloors{precision: .99, recall: .95, recallAt10: .98, precisionAt1: .98}},
		// Written blind during session 28, measured once before any rule
		// for it: lists 0.991-0.998 / 0.895-0.911, aliases 0.960-0.994 /
		// 0.965-0.991, lookups 0.904 / 0.888 — aliases sharing no word with
		// the name (call signs, kunyas, cartel nicknames), Hong Kong names'
		// Cantonese syllables; floors under those.
		{"heldout17", heldOutFloors{precision: .95, recall: .89, recallAt10: .90, precisionAt1: .88}},
		// Written blind during session 35 (South Asia in its scripts, the
		// Horn and West Africa, Uyghurs, Mongolia), first measured on
		// 5263d67: lists 0.990-0.995 / 0.906-0.922, aliases 0.975-0.989 /
		// 0.957-0.990, lookups 0.942 / 0.925 — aliases sharing no word with
		// the name (Prachanda, Karuna Amman, Tiger Memon, Mullah Radio);
		// floors under those.
		{"heldout18", heldOutFloors{precision: .97, recall: .90, recallAt10: .93, precisionAt1: .91}},
	} {
		t.Run(set.prefix, func(t *testing.T) {
			heldOutPairs(t, "../match/testdata/"+set.prefix+"-variants.txt", "../match/testdata/"+set.prefix+"-different.txt", set.floors)
		})
	}
}

// heldOutFloors are the figures a held-out set must keep: pairwise
// precision and recall as lists and with aliases, and the lookups'.
type heldOutFloors struct{ precision, recall, recallAt10, precisionAt1 float64 }

func heldOutPairs(t *testing.T, v, d string, floors heldOutFloors) {
	ctx := context.Background()
	for _, seed := range []uint64{1, 2, 3} {
		for _, set := range []struct {
			name  string
			build func(string, string, uint64) ([]Labelled, error)
		}{{"heldout-lists", ScriptClusters}, {"heldout-aliases", ScriptAliasClusters}} {
			recs, err := set.build(v, d, seed)
			if err != nil {
				t.Fatal(err)
			}
			db, res := open(t)
			p, err := Cluster(ctx, db, res, set.name, recs)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s seed %d: records %d precision %.4f recall %.4f %v", set.name, seed, p.Records, p.Precision, p.Recall, p.Errors)
			if p.Precision < floors.precision || p.Recall < floors.recall {
				t.Errorf("%s seed %d: precision %.4f (%.2f), recall %.4f (%.2f)", set.name, seed, p.Precision, floors.precision, p.Recall, floors.recall)
			}
		}
	}
	for _, set := range []struct {
		name string
		load func() ([]Labelled, []Query, error)
	}{
		{"heldout", func() ([]Labelled, []Query, error) { return ScriptQueries(v, d) }},
		{"heldout-aliases", func() ([]Labelled, []Query, error) { return ScriptAliasQueries(v, d, 1) }},
	} {
		recs, qs, err := set.load()
		if err != nil {
			t.Fatal(err)
		}
		rep, _ := clusteredLookups(t, set.name, recs, qs)
		if rep.Queries < 100 || rep.RecallAt10 < floors.recallAt10 || rep.PrecisionAt1 < floors.precisionAt1 {
			t.Errorf("%s: %d queries, recall@10 %.4f (%.2f), precision@1 %.4f (%.2f)", set.name, rep.Queries, rep.RecallAt10, floors.recallAt10, rep.PrecisionAt1, floors.precisionAt1)
		}
	}
}

// clusteredLookups resolves recs in a new store, runs qs on it and logs
// the report; it returns the report and the resolver.
func clusteredLookups(t *testing.T, name string, recs []Labelled, qs []Query) (LookupReport, *resolve.Resolver) {
	t.Helper()
	db, res := open(t)
	ctx := context.Background()
	if _, err := Cluster(ctx, db, res, name, recs); err != nil {
		t.Fatal(err)
	}
	rep, err := Lookups(ctx, res, name+"-lookups", recs, qs)
	if err != nil {
		t.Fatal(err)
	}
	logLookups(t, rep)
	return rep, res
}

// TestLookupBars runs noisy name queries (see NoisyQueries for the noise
// model) against FEBRL dataset2 resolved into subjects, and fails below
// recall@10 0.98 or precision@1 0.95.
func TestLookupBars(t *testing.T) {
	if _, err := os.Stat(dataDir); err != nil {
		t.Skip("development data not present")
	}
	recs, err := FEBRL(filepath.Join(dataDir, "febrl/dataset2.csv"), "febrl2")
	if err != nil {
		t.Fatal(err)
	}
	db, res := open(t)
	ctx := context.Background()
	if _, err := Cluster(ctx, db, res, "febrl2", recs); err != nil {
		t.Fatal(err)
	}
	rep, err := Lookups(ctx, res, "febrl2-lookups", recs, NoisyQueries(recs, 600, 7))
	if err != nil {
		t.Fatal(err)
	}
	logLookups(t, rep)
	if rep.RecallAt10 < .98 || rep.PrecisionAt1 < .95 {
		t.Errorf("below the bar: recall@10 %.4f (≥ 0.98), precision@1 %.4f (≥ 0.95)", rep.RecallAt10, rep.PrecisionAt1)
	}
}

// logLookups writes a lookup report and its misses to the test log.
func logLookups(t *testing.T, rep LookupReport) {
	t.Helper()
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	for _, m := range rep.Misses {
		t.Log(m)
	}
}

// TestCrossScriptLookups looks up each spelling of the hard name pairs
// (store/match/testdata) in a store holding one spelling of each person
// and the namesakes written against them (ScriptQueries). It found that a
// record in Wade-Giles was out of reach of a query in pinyin (Hsi
// Chin-p'ing, Xi Jinping: their keys did not meet). The floors are the
// lookup bars less a margin: the pairs keep the misses of the readings
// they were written before (names in kanji the dictionary lacks), and new
// lines are added before the readings they test.
func TestCrossScriptLookups(t *testing.T) {
	recs, qs, err := ScriptQueries("../match/testdata/variants.txt", "../match/testdata/different.txt")
	if err != nil {
		t.Fatal(err)
	}
	rep, res := clusteredLookups(t, "hard-pairs", recs, qs)
	if rep.Queries < 400 || rep.RecallAt10 < .97 || rep.PrecisionAt1 < .94 {
		t.Errorf("%d queries, recall@10 %.4f (floor 0.97), precision@1 %.4f (floor 0.94)", rep.Queries, rep.RecallAt10, rep.PrecisionAt1)
	}
	for _, q := range []string{"Xi Jinping", "Deng Xiaoping"} {
		pq, err := resolve.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := res.Lookup(context.Background(), pq, resolve.LookupOptions{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Names[0] == "" || !strings.Contains(strings.Join(hits[0].Names, " "), "-") {
			t.Errorf("lookup %q: %+v, want the person stored in Wade-Giles first", q, hits)
		}
	}
}

// TestPopulationKeepsNamesakesApart resolves a generated population of
// 3,000 people (about 15,000 records) in which common names are shared by
// dozens of people: the subjects must stay precise — a wrongly merged
// namesake is the error that costs an investigation most. The floor is the
// figure reached (0.970) less a margin for the scorer's other trade-offs.
func TestPopulationKeepsNamesakesApart(t *testing.T) {
	if testing.Short() {
		t.Skip("15,000 records")
	}
	pop := Population{Seed: 42, People: 3000, RecordsPerPerson: 5}
	var recs []Labelled
	for i := range pop.People {
		recs = append(recs, pop.Records(i)...)
	}
	db, res := open(t)
	p, err := Cluster(context.Background(), db, res, "population-3000", recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("records %d subjects %d precision %.4f recall %.4f", p.Records, p.Subjects, p.Precision, p.Recall)
	if p.Precision < 0.95 || p.Recall < 0.5 {
		t.Errorf("population of namesakes: precision %.4f (floor 0.95), recall %.4f (floor 0.50)", p.Precision, p.Recall)
	}
}

// TestHeldOutFtM resolves the blind FtM held-out sets — real persons as
// several sanctions and PEP sources hold them, each its own record, names
// in several scripts, dates as each source gives them, look-alike
// relatives and namesakes — and looks each record's names up. The first
// (heldout-ftm) gives most records a date; the second (heldout-ftm2) at
// most one full date a person, a third of the names in their script only.
// Floors under their first measures (see MEASUREMENTS, session 35).
func TestHeldOutFtM(t *testing.T) {
	for _, set := range []struct {
		name                                        string
		precision, recall, recallAt10, precisionAt1 float64
	}{
		// First measured (on a9a7fdc): 1.0000 / 1.0000; lookups 1.000 /
		// 0.999 (Viktor Yanukovych's son first for the father's name).
		{"heldout-ftm", .98, .98, .99, .99},
		// First measured (on edb43bc): 0.9915 / 0.9434 — a name alone,
		// written in another script and with a word fewer, scores just
		// under what joins on a name alone (katakana ニコライ・パトルシェフ
		// against Nikolai Platonovich Patrushev, 0.87); years of birth
		// sources give apart (Iyad Ag Ghaly 1954 and 1958); lookups 0.996 /
		// 0.994. Since a patronymic one source leaves out costs half a
		// word (Patrushev 0.87 -> 0.89): 0.9916 / 0.9596, at the bars;
		// since a whole name spelt otherwise joins at 0.875 and years of
		// birth alone a few apart are no conflict: 0.9918 / 0.9784; with
		// Hebrew's ש an s too, 0.9918 / 0.9811.
		{"heldout-ftm2", .98, .96, .99, .98},
		// The third (heldout-ftm3: less famous persons, dates on most
		// records), measured once at the session's end and the same on
		// 5263d67: 0.9695 / 1.0000 — undated records of one name held by
		// two people (Soe Win; Oleksandr Klymenko, the judge and the
		// prosecutor) join one of them; lookups 0.990 / 0.987.
		// Session 38 (a name of the Arabic table without its first letter
		// another name: Samer and Amer Foz): 0.9757 / 1.000, lookups 0.992 /
		// 0.990.
		{"heldout-ftm3", .98, .98, .99, .98}, // 0.9885 / 0.9950 since session 39 (a71cc15)
		// The fourth (heldout-ftm4: second-rank militants, bankers,
		// procurement agents and officials with long alias lists in many
		// scripts, common name parts, 45 look-alikes), measured once in
		// session 36 and the same on fada76f: 0.9625 / 1.0000, lookups
		// 0.993 / 0.987 — under the precision bar: a son joined his father
		// through the father's short alias (Ismael Zambada, alias of
		// Ismael Zambada García, and his son Ismael Zambada Sicairos).
		// Since a short alias is held to the fuller name it shortens
		// (match.fullerNamesDisagree): 0.9844 / 1.0000, lookups 0.997 /
		// 0.991 — this set and the fifth had shown the error, and are no
		// longer blind to that rule.
		// Session 38 (Samer and Amer Foz): 0.9957 / 1.000, lookups 0.999 /
		// 0.993.
		{"heldout-ftm4", .99, .98, .99, .99},
		// The fifth (heldout-ftm5: politically exposed persons of 37
		// countries, names in their national scripts, and 63 relatives and
		// namesakes who share their family names), measured once in
		// session 36 and the same on fada76f: 0.9762 / 0.9891, lookups
		// 0.994 / 0.984; since a short alias is held to the fuller name
		// it shortens: 0.9891 / 0.9891, lookups 0.995 / 0.985. Left: a son
		// joined to a record of his father's short name, a record of its
		// own (Andrés Manuel López / López Beltrán), the Papandreous.
		{"heldout-ftm5", .99, .98, .99, .98}, // 1.000 / 0.9891 since session 39
		// The sixth (heldout-ftm6: 121 members of families that share
		// names — fathers and sons, brothers, Hispanic families that differ
		// in the second surname, Arabic chains —, 70 relatives, 31
		// ordinary persons; written blind to measure the rule above), measured
		// once in session 36: 0.8599 / 0.9818, lookups 0.966 / 0.951 on
		// 60cc24b and on fada76f, before it; 0.8987 / 0.9879, lookups 0.981
		// / 0.969 with it — far under the precision bar. Session 37:
		// Sanjay no spelling of Sonia, and two short forms held to their
		// fuller names (Vicente Carrillo Leyva and Fuentes): 0.9282 /
		// 0.9939, lookups 0.985 / 0.976; with the father's name read in
		// an Arab's chain: 0.9443 / 0.9960, lookups 0.990 / 0.981. Session
		// 38, the Arabic table's common given names: 0.9517 / 0.9980,
		// lookups 0.990 / 0.985; with two second surnames after a comma a
		// conflict (the Ismael Zambadas): 0.9781 / 0.9960, lookups 0.996 /
		// 0.987.
		{"heldout-ftm6", .99, .98, .99, .98}, // 0.9939 / 0.9939 since session 40 (a list's two entries)
		// The seventh (heldout-ftm7: 139 less famous sanctioned and
		// exposed persons of 25 sources and 13 scripts, 52 relatives and
		// namesakes), written blind in session 37 and measured once, on
		// c1ffd3f and on ec183f0 alike: 0.9776 / 0.9962, lookups 0.995 /
		// 0.995. Still unread: 1.000 / 0.9962, lookups 1.000 / 1.000 since
		// session 38's rule for surnames made from a name spelt otherwise,
		// written from heldout-ftm10.
		{"heldout-ftm7", .99, .98, .99, .99},
		// The eighth (heldout-ftm8: 69 families and namesake groups, 219
		// persons, 44 relatives with one record), written blind in session
		// 37 and measured once, on c1ffd3f and on ec183f0 alike: 0.9319 /
		// 0.9979, lookups 0.972 / 0.964 — under the precision bar, as
		// the sixth. Read then (it is no longer blind): with an Arab's
		// name without its first word read as his father's and two
		// Western given names traded read as two people: 0.9627 / 0.9979,
		// lookups 0.986 / 0.978. Session 38, the Arabic table's common
		// given names (Jawad, Saadi): 0.9748 / 0.9979, lookups 0.992 /
		// 0.983.
		// With Samer and Amer Foz told apart: 0.9915 / 0.9979, lookups
		// 0.998 / 0.990.
		{"heldout-ftm8", .99, .98, .99, .98},
		// The ninth (heldout-ftm9: 140 persons of 25 sources and 13
		// scripts from regions the others covered less — the Sahel,
		// Central Africa, the Horn, the Balkans, Central America — and 60
		// of their relatives and namesakes), written blind in session 37
		// after the rules it measures and measured once: 0.9636 / 0.9956,
		// lookups 0.990 / 0.986 on c1ffd3f, the session's start; 0.9740 /
		// 0.9956, lookups 0.994 / 0.989 on c1cc322.
		{"heldout-ftm9", .99, .98, .99, .98}, // 1.000 / 0.9956 since session 40 (a list's two entries)
		// The tenth (heldout-ftm10: 142 persons of the sanctions on
		// Russia, Belarus, Iran, North Korea, China and Myanmar as 25
		// sources write them, in 11 scripts, and 59 relatives and
		// namesakes), written blind in session 38 and measured once, on
		// f64b131 and on ee8b5a1 alike: 0.9856 / 0.9946, lookups 0.996 /
		// 0.972. Read then (no longer blind): with a surname made from a
		// name spelt otherwise read as another family's (Bagheri, Baqer),
		// 0.9964 / 0.9946, lookups 1.000 / 0.976.
		{"heldout-ftm10", .99, .98, .99, .97},
		// The eleventh (heldout-ftm11: 147 persons of South Asia,
		// Afghanistan, Southeast Asia, the Gulf and Turkey as 30 sources
		// write them, in 18 scripts, and 77 relatives and namesakes —
		// undated records of common names that echo famous ones among
		// them), written blind in session 38 and measured once, on f64b131
		// and on 7bf5cd7 alike: 0.9476 / 0.9805, lookups 0.993 / 0.984 —
		// under the precision bar: an undated record of a name two people
		// hold joins the first of them to arrive (Sajid Mir, Imran Khan,
		// Muhammad Umar). Read then; since India's @ is read as a.k.a.,
		// lookups 0.993 / 0.983; since such a record is taken back out
		// when the second namesake arrives, 0.9538 / 0.9848, lookups 0.994
		// / 0.985. Since session 39's fathers' names and countries (two
		// fathers named, or two countries and no nationality in common,
		// are two men), 0.9701 / 0.9848, lookups 0.995 / 0.985: the
		// precision bar.
		{"heldout-ftm11", .99, .98, .99, .99}, // 0.9913 / 0.9892 since session 41 (a list's entries a word apart; a name written short)
		// The twelfth (heldout-ftm12: 149 persons in a consolidated
		// database's proportions — a third Russian, then the Middle East,
		// Latin America, Europe, Africa, Asia — as 29 sources write them,
		// in 14 scripts, and 68 relatives and namesakes), written blind in
		// session 38 after its rules and measured once, on f64b131,
		// 26db59a and eaa1c7f alike: 1.000 / 0.9952, lookups 0.9994 /
		// 0.9889. Not read.
		{"heldout-ftm12", .99, .98, .99, .98},
		// The thirteenth (heldout-ftm13: 141 persons, less famous ones,
		// in the same proportions, 17 sources and 11 scripts, 51
		// relatives and namesakes), written blind at the end of session
		// 38 and measured once, on f64b131 and aee67ee alike: 1.000 /
		// 1.000, lookups 0.9994 / 0.9886. Not read.
		{"heldout-ftm13", .99, .99, .99, .98},
		// The fourteenth (heldout-ftm14: 250 persons of South Asia,
		// Afghanistan, Iran, the Arab world and Turkey, 27 sources, a third
		// of its records undated — Pakistan's and India's lists, which name
		// a man with his father's name — and 81 relatives and namesakes:
		// Muhammad Umar, Abdul Rauf, Imran Khan, Mohammad Ismail), written
		// blind in session 39 and measured once: 0.8723 / 0.9438, lookups
		// 0.9818 / 0.9659 on d79f127; 0.9155 / 0.9391 with f49bebd's
		// fathers' names. Read afterwards: with Amir al-Mu'minin a title,
		// bin marking a son's own name and countries apart holding a name
		// alone, 0.9460 / 0.9438, lookups 0.994 / 0.974. Under the
		// precision and recall bars: the floors keep what it reaches.
		{"heldout-ftm14", .97, .95, .99, .97}, // 0.9783 / 0.9508 since session 40 (a list's two entries; the same office)
		// The fifteenth (heldout-ftm15: 244 persons in a consolidated
		// database's proportions, a third Russian, 20 sources, 12 scripts,
		// a quarter undated, 71 relatives and namesakes), written blind in
		// session 39: 0.9947 / 0.9973, lookups 0.9988 / 0.9935 on d79f127
		// and f49bebd alike. Not read.
		{"heldout-ftm15", .99, .99, .99, .99},
		// The sixteenth (heldout-ftm16: 251 persons of Nigeria and the
		// Sahel, the Horn, Sudan, Libya, Egypt, the Levant, Yemen,
		// Afghanistan and Pakistan, Central Asia, the Caucasus and
		// Southeast Asia, 31 sources, 29% undated, 81 relatives and
		// namesakes: five Mohammed Yusufs, six Abdullahi Mohameds),
		// written blind in session 39 and measured once: 0.9532 / 0.9558,
		// lookups 0.9888 / 0.9771 on d79f127; 0.9584 / 0.9558 with the
		// session's rules (5ba9912). Read afterwards: with a kunya no
		// longer the name it holds (Abu Mohamed al-Masri, Mohammed Deif),
		// Hon. a style, and a long name held across two countries, 0.9943
		// / 0.9558, lookups 0.9994 / 0.9894. What is left split is
		// undated records of common names and Somalia's own orthography
		// (Maxamed Cumar Carte, Mohamed Omar Arte: reading its x as h
		// and its c as ʕ gained two pairs of lists and cost a few
		// lookups their first place, not kept).
		{"heldout-ftm16", .99, .96, .99, .98}, // 0.9943 / 0.9641 since session 40 (the same office)
		// The seventeenth (heldout-ftm17: 241 persons in a consolidated
		// database's proportions, 20 sources, 37% Russian, Ukrainian and
		// Belarusian, 68 relatives and namesakes, 21 persons whose
		// sources disagree on their countries — exiles, dual nationals,
		// Canada's Ukraine schedule listing Crimea's officials under ua),
		// written blind in session 39: 1.000 / 0.9851, lookups 1.000 /
		// 0.9973 on d79f127; 1.000 / 0.9777 on e3c7c2c — the session's
		// countries rules cost it two people's records (Sergei Aksyonov,
		// Denis Pushilin: ua on Canada's list, ru elsewhere), measured at
		// each commit without reading the set. Read afterwards; the rules
		// kept (they bring heldout-ftm11 to the precision bar).
		{"heldout-ftm17", .99, .97, .99, .99}, // 1.000 / 0.9802 since session 40 (a country of birth)
		// The eighteenth (heldout-ftm18: 218 persons, less famous ones —
		// occupation governors, IRGC commanders, militia leaders, Taliban
		// ministers, cartel figures — in every region, 18 sources, 17
		// scripts, 60 relatives and namesakes, a quarter undated),
		// written blind at the end of session 39 and measured once: 0.9934
		// / 0.9967, lookups 0.9987 / 0.9941 on d79f127 and ee9d63c
		// alike. Not read.
		{"heldout-ftm18", .99, .99, .99, .99},
		// The nineteenth (heldout-ftm19: 220 persons of East and Southeast
		// Asia, Latin America and Europe, 24 sources, Hangul, Chinese
		// characters, kana, Burmese, Khmer, Thai, Cyrillic and Greek, 75
		// relatives and namesakes — three Li Weis, three José Luis
		// Rodríguezes, the Ortega Murillos), written blind in session 40
		// and measured once: 0.9656 / 0.9795, lookups 0.9907 / 0.9454 on
		// 78a78f7.
		{"heldout-ftm19", .98, .97, .99, .95}, // 0.9896 / 0.9774 since session 43 (an undated NGUYỄN Văn Hùng, without topics, is not placed on the dated one)
		// The twentieth (heldout-ftm20: 237 persons of the former Soviet
		// space, the Caucasus, Iran, Iraq, Syria, Lebanon, Yemen and the
		// Gulf, 21 sources, Cyrillic, Arabic, Persian, Hebrew, Georgian,
		// Armenian and katakana, 76 relatives and namesakes beside their
		// kin — seven al-Assads, five Sergei Ivanovs, the Makhlouf twins),
		// written blind in session 40 and measured once: 0.9847 / 0.9934,
		// lookups 0.9960 / 0.9936 on 78a78f7.
		{"heldout-ftm20", .99, .99, .99, .99}, // 0.9956 / 1.000 since session 40 (Hajji-Zadeh; makeRoom beside a list's other entry)
		// The twenty-first (heldout-ftm21: 239 politically exposed persons
		// as PEP registers and Wikidata hold them, 25 sources, 89% with a
		// position; 170 successive holders of one office, relatives sharing
		// a position's words, deputies beside their principals and
		// namesakes; two persons listed twice by one register), written
		// blind in session 40 after its rules and measured once: 0.9688 /
		// 0.9528, lookups 0.9930 / 0.9874 on 78a78f7; 0.9807 / 0.9575,
		// lookups 0.9972 / 0.9916 on 88796e6.
		{"heldout-ftm21", .97, .95, .99, .98},
		// The twenty-second (heldout-ftm22: 228 less famous persons in a
		// consolidated sanctions and wanted database's proportions — a
		// third Russian, Ukrainian and Belarusian — 21 sources in 11
		// scripts, 68 relatives and namesakes, 27% undated), written blind
		// at the end of session 40 and measured once: 0.9940 / 0.9901,
		// lookups 0.9993 / 0.9850 on 78a78f7; 0.9980 / 0.9901, lookups
		// the same, on d806a82. Not read.
		{"heldout-ftm22", .99, .99, .99, .98},
		// Four more written blind in session 41, each measured once on
		// 682a782 (the session's start) before it was read:
		// heldout-ftm23 (234 persons of sub-Saharan Africa, the Sahel, the
		// Horn and Libya, 24 sources; Somali, Ethiopian, Hausa and Fulani,
		// Congolese and Arabic names, Ge'ez and Arabic letters; 57
		// relatives and namesakes): 0.9689 / 0.9822, lookups 0.9946 /
		// 0.9892. heldout-ftm24 (233 persons of Afghanistan, Pakistan,
		// India, Bangladesh, Sri Lanka and Nepal, 24 sources; honorifics,
		// -ur- and -ud-din compounds, Perso-Arabic, Devanagari, Bengali,
		// Gurmukhi, Tamil and Sinhala letters; 64 relatives and
		// namesakes): 0.9563 / 0.9831, lookups 0.9937 / 0.9882.
		// heldout-ftm25 (238 wanted persons of Europe, Turkey, the Balkans
		// and the Caucasus, 24 sources; split name fields, diacritics
		// kept and dropped, Cyrillic, Greek, Georgian and Armenian
		// letters, maiden names, twins and Sr./Jr.): 0.9980 / 0.9942,
		// lookups 1.000 / 0.9230 (twins and namesakes a name alone cannot
		// rank). heldout-ftm26 (207 persons of an agency's own files —
		// case files, border crossings, a bank's customers, telecom and
		// population registers — beside partners' lists; addresses,
		// phones, documents, households, twins): 0.9898 / 0.9797, lookups
		// 0.9984 / 0.9516.
		{"heldout-ftm23", .99, .98, .99, .99}, // 0.9920 / 0.9822 since session 41 (the first words of a name)
		{"heldout-ftm24", .99, .98, .99, .99}, // 1.000 / 0.9831 since session 41 (the first words of a name; a list's entries a word apart)
		{"heldout-ftm25", .99, .99, .99, .92}, // 1.000 / 0.9961 since session 41 (Jr. beside the bare name; a father named against a patronymic)
		{"heldout-ftm26", .99, .98, .99, .95}, // 0.9949 / 0.9848 since session 41 (Cigaal is Egal; a middle name more at one home)
		// Three more written blind in session 41 after its rules, each
		// measured once on 682a782 and at e6bc1d4 before it was read:
		// heldout-ftm27 (237 persons of Latin America, Spain, Portugal and
		// the Philippines, 24 sources; double surnames written whole,
		// reversed or cut, Filho and Jr., 66 relatives and namesakes):
		// 0.9866 / 1.000, lookups 0.9954 / 0.9896 on both. heldout-ftm28
		// (230 persons of the Arab world, 23 sources; name chains of two to
		// six words, kunyas, Arabic letters; 51 brothers, fathers and sons,
		// cousins and namesakes): 1.000 / 0.9938, lookups 1.000 / 0.9985 on
		// both. heldout-ftm29 (231 persons in a consolidated database's
		// proportions, 27 sources, 20 scripts, 59 relatives and
		// namesakes): 0.9757 / 0.9977, lookups 0.9927 / 0.9718 on both.
		{"heldout-ftm27", .99, .99, .99, .98}, // 0.9981 / 1.000 since session 41 (a name written short)
		{"heldout-ftm28", .99, .99, .99, .99},
		{"heldout-ftm29", .98, .99, .99, .97}, // 0.9822 / 0.9977 since session 41 (Kim Chol is not Kim Yong Chol)
		// Four more written blind in session 43, each measured once on
		// 016e61c (heldout-ftm30 on b5ff194) before it was read:
		// heldout-ftm30 (223 persons of Central Asia and the Caucasus, 38
		// sources; patronymics in -oglu, -qizi, -uly, -zoda, Georgian and
		// Armenian letters, 32 namesakes): 0.9966 / 0.9898, lookups
		// 0.9967 / 0.9900. heldout-ftm31 (234 persons of Southeast Asia,
		// 40 sources; Burmese, Thai, Khmer, Lao and Vietnamese, bin and
		// binti, single names, 48 namesakes): 0.9642 / 0.9593, lookups
		// 0.9900 / 0.9811. heldout-ftm32 (234 persons of Iran, Iraq, the
		// Levant and the Gulf, 23 sources; nasab chains, kunyas, Arabic
		// and Persian letters, 108 namesakes): 0.9833 / 0.9762, lookups
		// 0.9989 / 0.9939. heldout-ftm33 (238 persons of China, the Koreas,
		// Japan and Mongolia, 29 sources; Han characters, Hangul, kana,
		// romanisations, 29 namesakes): 0.9658 / 0.9680, lookups 0.9965 /
		// 0.9645.
		{"heldout-ftm30", .99, .98, .99, .98},
		{"heldout-ftm31", .98, .95, .99, .98}, // 0.9921 / 0.9593 since session 43 (Than Shwe is not Than Than Swe; an undated Nguyen Van Hung is no minister, Muhammad bin Abdullah no Mohd Shahar bin Abdullah)
		{"heldout-ftm32", .98, .97, .99, .99},
		{"heldout-ftm33", .99, .96, .99, .96}, // 1.000 / 0.9703 since session 43 (崔炅煥 is not 韩正; Ri Chang Ho is not Li Cheng He)
		// Two more written blind at the end of session 43, after its
		// rules, measured once on 6b734a2: heldout-ftm34 (162 persons of
		// a European police unit's own files — case files, border
		// crossings, bank, telecom, population, vehicle and visa
		// registers, no topics, 108 of 354 undated — beside a few lists;
		// 77 namesakes in 28 groups of common names, 14 households, 5
		// pairs of twins): 0.9234 / 0.9026, lookups 0.9851 / 0.8447,
		// below every bar but recall@10 (the floors hold it there).
		// heldout-ftm35 (170 persons of Russia, Ukraine and Belarus, 20
		// sources, Ukrainian and Russian lists in Cyrillic only):
		// 0.9912 / 0.9869, lookups 0.9957 / 0.9957.
		{"heldout-ftm34", .98, .92, .99, .86}, // 0.9841 / 0.9251 since a word beginning xa marks a Somali name (Xamsa, session 48); 0.9839 / 0.9176, lookups 0.9979 / 0.8702 since session 44 (namesakes of the commonest names a slip apart, in two towns, with two passports; a vehicle at the home of a father and his namesake son; twins of one register; namesakes a bare name finds alike ranked by the sources that write it; a phone outweighs a home; a record pieced together from two of a subject; the commonest Romanian, Turkish, Chinese, Ukrainian and Somali names)
		{"heldout-ftm35", .99, .98, .99, .99},
		// Two more of an agency's own files, written blind in session 44
		// after its rules and measured once on 81abea4 (on bd83c62, before
		// the session's rules: 0.8613 / 0.9141, lookups 0.9624 / 0.8390;
		// 0.8677 / 0.9216, lookups 0.9481 / 0.8696): heldout-ftm36 (176
		// persons of a Spanish, French and Belgian police unit's files,
		// Maghrebi, Colombian, Sahelian, Romanian, Punjabi and Albanian,
		// 18 sources; Mohamed Benali ×6, Gurpreet Singh ×6) 0.8976 /
		// 0.9141, lookups 0.9696 / 0.8533; heldout-ftm37 (202 persons of
		// a financial intelligence unit's files in the Gulf and East
		// Africa, Somali spelling and Arabic script, 17 sources) 0.8840 /
		// 0.9216, lookups 0.9511 / 0.8756. Below the bars; the floors hold
		// them there.
		{"heldout-ftm36", .98, .95, .98, .85}, // 0.9810 / 0.9509, lookups 0.9875 / 0.8569 since session 47 (a date read from a Belgian national number, a document and a phone together carry a nickname, Bhai an honorific); 0.9739 / 0.9172 since session 45's fix to takeHeld; 0.9738 / 0.9110, lookups 0.9875 / 0.8587 since a generation two digits apart conflicts, a common name born the same year with a word more needs backing, West Africa's and Punjab's commonest names are common (6093dc0), and two identity numbers of one form are two people (session 45)
		{"heldout-ftm37", .94, .95, .97, .89}, // 0.9421 / 0.9575 since a kunya made of the father's name, with one phone, is the man (session 48); 0.9412 / 0.9412, lookups 0.9763 / 0.8919 since session 47 (Somali Cumar is Omar, Bhai an honorific, a nisba's final ya written on one side only); 0.9281 / 0.9281, lookups 0.9615 / 0.8770 since session 45: identity numbers of one form, a phone takes back what a home or a name placed, East Africa's commonest names, a phone keyed by its last nine digits
		// One more, written blind in session 45 after its rules and
		// measured once on 56583bc: heldout-ftm38 (170 persons of a Dutch,
		// German and Swedish police and customs unit's files, Turkish and
		// Kurdish, Iraqi and Syrian, Eritrean and Ethiopian, Afghan,
		// Polish and Lithuanian, Surinamese and Nigerian, 18 sources;
		// Mehmet Yılmaz ×6, Mohammed Ahmad ×6) 0.9003 / 0.8209, lookups
		// 0.9810 / 0.8596 — the same on 2e6301e, the session's start.
		// Below the bars; the floors hold it there.
		{"heldout-ftm38", .94, .85, .99, .86}, // 0.9441 / 0.8583, lookups 0.9905 / 0.8672 since a record takeHeld gave stays given, two identity numbers of two forms beside one birthday are two documents, Polish, Swedish, Dutch and Igbo short forms are read, and Northern Europe's, the Horn of Africa's, Afghanistan's and Nigeria's commonest names are common (session 45)
		// One more in a consolidated database's proportions, written
		// blind in session 46 and measured once on 15bc6e3:
		// heldout-ftm39 (230 less famous persons of 23 sources, a third
		// Russian, Ukrainian and Belarusian, the rest of the lists'
		// regions; 66 relatives and namesakes) 0.9946 / 0.9920, lookups
		// 0.9985 / 0.9949 — every bar met at first sight.
		{"heldout-ftm39", .99, .99, .99, .99},
		// One more of an agency's own files, written blind in session 47
		// and measured once on d5af8ee: heldout-ftm40 (223 persons of an
		// English-speaking police and intelligence unit's files in the
		// UK, Ireland, the US, Canada and Australia, 21 sources: English
		// nicknames, initials, Jr. and Sr., married and maiden names,
		// Irish-language forms on an electoral roll, the diasporas such a
		// unit meets; John Smith ×5, Muhammad Khan ×5, 5 pairs of twins,
		// 5 fathers and sons of one name at one address, 31% undated)
		// 0.9780 / 0.8794, lookups 0.9970 / 0.9669 — on cf99f8c, the
		// session's start, 0.9782 / 0.8860 and 0.9684. Recall below the
		// bar; the floors hold it there.
		{"heldout-ftm40", .97, .91, .99, .96}, // 0.9788 / 0.9101 since Mo is Mohammed's short form and a middle initial tells a father from his son between two subjects (session 48); 0.9786 / 0.9035 since Nikhilbhai is Nikhil, Dec Declan, a middle name both records write is no word added, and a record holding two document numbers explains their holders' conflict (session 47)
		// One more of an agency's own files, written blind in session 48
		// and measured once on 5472cce: heldout-ftm41 (216 persons of a
		// Southeast Asian fusion unit's files in Malaysia, Singapore,
		// Indonesia, the Philippines, Thailand and Vietnam beside nine
		// partner lists, 20 sources: Malay bin and binti, Indonesian
		// mononyms and Dutch-era spellings, Hokkien and Cantonese names
		// with English ones and Han, Filipino maternal middle names,
		// Thai and Vietnamese letters, MyKad and NIK numbers; 33 groups
		// of namesakes, 28% of the agency's records undated) 0.9564 /
		// 0.9723, lookups 0.993 / 0.927 — the same clustering on 6e882fb,
		// the session's start.
		{"heldout-ftm41", .98, .98, .99, .93}, // 0.9888 / 0.9815, lookups 1.000 / 0.936 since a Vietnamese Đ is a d, a Thai title is dropped, Southeast Asia's commonest names are common and a MyKad number's date is read (session 48)
		// And one of Latin America, written blind in session 48 after its
		// first rules and measured once on 50dd97f: heldout-ftm42 (201
		// persons of a regional anti-organised-crime and financial
		// intelligence unit's files in Mexico, Central America, Colombia,
		// Peru, Brazil and Venezuela beside seven partner lists, 18
		// sources: two surnames and the maternal one dropped, compound
		// given names, Portuguese names, hypocoristics, married names,
		// CURP, RFC, CPF and cédula numbers; 27 groups of namesakes, 37%
		// of the agency's records undated) 0.9318 / 0.9318, lookups
		// 0.9873 / 0.9150 — the same clustering on 6e882fb. Below the
		// bars; the floors hold it there.
		{"heldout-ftm42", .97, .93, .99, .91}, // 0.9716 / 0.9318, lookups 1.000 / 0.9186 since full dates a slip apart beside a name of Mexico's or Brazil's commonest words need backing; 0.9557 / 0.9318, lookups 0.9946 / 0.9150 since two full dates eleven years and months apart are no decade mistyped (session 48)
	} {
		t.Run(set.name, func(t *testing.T) {
			// Each set has a store of its own: on two cores the sets run
			// side by side once the other packages' tests are done.
			t.Parallel()
			recs, qs, err := FtMClusters("../match/testdata/"+set.name+".ftm.json", "../match/testdata/"+set.name+"-truth.tsv")
			if err != nil {
				t.Fatal(err)
			}
			db, res := open(t)
			ctx := context.Background()
			p, err := Cluster(ctx, db, res, set.name, recs)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: records %d clusters %d subjects %d precision %.4f recall %.4f F1 %.4f", set.name, p.Records, p.Clusters, p.Subjects, p.Precision, p.Recall, p.F1)
			for _, e := range p.Errors {
				t.Log(e)
			}
			rep, err := Lookups(ctx, res, set.name+"-lookups", recs, qs)
			if err != nil {
				t.Fatal(err)
			}
			logLookups(t, rep)
			if p.Precision < set.precision || p.Recall < set.recall || rep.RecallAt10 < set.recallAt10 || rep.PrecisionAt1 < set.precisionAt1 {
				t.Errorf("%s fell: precision %.4f recall %.4f, lookups %.3f / %.3f", set.name, p.Precision, p.Recall, rep.RecallAt10, rep.PrecisionAt1)
			}
		})
	}
}

// TestFtMClustersChecksTruth: an entity without a person, or a person
// line without an entity, is an error, not a record left out of the count.
func TestFtMClustersChecksTruth(t *testing.T) {
	dir := t.TempDir()
	ents := filepath.Join(dir, "e.ftm.json")
	if err := os.WriteFile(ents, []byte(`{"id": "a-1", "schema": "Person", "datasets": ["a"], "properties": {"name": ["Ann Lee"]}}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for truth, ok := range map[string]bool{"# c\na-1\tann\n": true, "b-2\tbob\n": false, "a-1\tann\nb-2\tbob\n": false, "a-1 ann\n": false} {
		path := filepath.Join(dir, "truth.tsv")
		if err := os.WriteFile(path, []byte(truth), 0o600); err != nil {
			t.Fatal(err)
		}
		recs, qs, err := FtMClusters(ents, path)
		if (err == nil) != ok {
			t.Errorf("truth %q: error %v, want ok %v", truth, err, ok)
		}
		if ok && (len(recs) != 1 || recs[0].Cluster != "ann" || recs[0].Record.Source != "a" || len(qs) != 1) {
			t.Errorf("truth %q: records %+v, queries %+v", truth, recs, qs)
		}
	}
}
