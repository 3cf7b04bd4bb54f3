package watch

import (
	"bufio"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/resolve"
)

// TestWatchIndexRecall checks the index keys a query watch is filed
// under: over generated name variants (nicknames, typos, reordering and
// case, Arabic script for the surname) that the scorer matches to the
// query, the watch's keys retrieve at least 98% — a variant they miss is
// an alert that never fires. (Filing under pair keys only, to spare
// common first names, was tried and lost a third of nickname and typo
// variants.)
func TestWatchIndexRecall(t *testing.T) {
	nick := readPairs(t, "/work/shared/data/names/nicknames_carltonnorthern_names.csv", ',', 0, 2, 1)
	ar := readPairs(t, "/work/shared/data/names/google_ar2en.tsv", '\t', 1, 0, -1)
	if len(nick) < 100 || len(ar) < 100 {
		t.Skipf("development name data not found (%d nicknames, %d Arabic pairs)", len(nick), len(ar))
	}
	r := rand.New(rand.NewPCG(7, 9))
	firsts := make([]string, 0, len(nick))
	for k := range nick {
		firsts = append(firsts, k)
	}
	slices.Sort(firsts)
	lasts := make([]string, 0, len(ar))
	for k := range ar {
		if len(k) >= 4 {
			lasts = append(lasts, k)
		}
	}
	slices.Sort(lasts)
	typo := func(s string) string {
		if len(s) < 4 {
			return s
		}
		i := 1 + r.IntN(len(s)-2)
		return s[:i] + s[i+1:]
	}
	matched, found := 0, 0
	for i := range 3000 {
		first, last := firsts[r.IntN(len(firsts))], lasts[r.IntN(len(lasts))]
		q := first + " " + last
		var v string
		switch i % 5 {
		case 0:
			v = nick[first][r.IntN(len(nick[first]))] + " " + last
		case 1:
			v = first + " " + typo(last)
		case 2:
			v = strings.ToUpper(last) + ", " + first
		case 3:
			v = first + " " + ar[last][r.IntN(len(ar[last]))]
		case 4:
			v = typo(first) + " " + last
		}
		w, err := ParseTarget(q)
		if err != nil {
			continue
		}
		rp := match.FromProperties("Person", map[string][]string{"name": {v}})
		if !match.Compare(resolve.QueryPerson(*w.Parsed), rp, match.DefaultOptions()).Match {
			continue
		}
		matched++
		recKeys := resolve.IndexKeysOf("Person", map[string][]string{"name": {v}})
		if slices.ContainsFunc(w.Keys, func(k string) bool { return slices.Contains(recKeys, k) }) {
			found++
		} else if testing.Verbose() {
			t.Logf("missed: query %q record %q", q, v)
		}
	}
	t.Logf("%d matching variants, %d retrieved through the watch index", matched, found)
	if matched < 500 {
		t.Fatalf("only %d variants matched; the generator is broken", matched)
	}
	if float64(found) < 0.98*float64(matched) {
		t.Errorf("the watch index retrieves %d of %d matching variants, want ≥ 98%%", found, matched)
	}
}

// readPairs reads a two-column equivalence file into key → values; mid
// relcol, when ≥ 0, is a relation column that must say has_nickname.
func readPairs(t *testing.T, path string, sep rune, kcol, vcol, relcol int) map[string][]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReader(f))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
	out := map[string][]string{}
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if len(rec) <= max(kcol, vcol, relcol) || (relcol >= 0 && rec[relcol] != "has_nickname") {
			continue
		}
		k, v := strings.TrimSpace(rec[kcol]), strings.TrimSpace(rec[vcol])
		if k != "" && v != "" && !strings.Contains(k, " ") {
			out[k] = append(out[k], v)
		}
	}
	return out
}
