package match

import (
	"testing"
)

func readGroups(t *testing.T, path string) [][]string {
	t.Helper()
	groups, err := ReadNamePairs(path)
	if err != nil {
		t.Fatal(err)
	}
	return groups
}

// pairsF1 scores Compare on every pair within a line of variants (one
// person's spellings) and on each pair of different (two people), at the
// default threshold, logging the pairs it gets wrong.
func pairsF1(t *testing.T, variants, different string) (n int, prec, rec, f1 float64) {
	t.Helper()
	opt := DefaultOptions()
	var tp, fp, fn, tn int
	score := func(a, b string, same bool) {
		r := Compare(Person{Names: []string{a}}, Person{Names: []string{b}}, opt)
		switch {
		case r.Match && same:
			tp++
		case r.Match && !same:
			fp++
			t.Logf("false match %.3f: %q / %q %v", r.Score, a, b, r.Evidence)
		case !r.Match && same:
			fn++
			t.Logf("missed     %.3f: %q / %q %v", r.Score, a, b, r.Evidence)
		default:
			tn++
		}
	}
	for _, g := range readGroups(t, variants) {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				score(g[i], g[j], true)
			}
		}
	}
	for _, p := range readGroups(t, different) {
		if len(p) != 2 {
			t.Fatalf("bad pair %q", p)
		}
		score(p[0], p[1], false)
	}
	n = tp + fp + fn + tn
	prec = float64(tp) / float64(tp+fp)
	rec = float64(tp) / float64(tp+fn)
	f1 = 2 * prec * rec / (prec + rec)
	t.Logf("%d pairs (%d same, %d different): precision %.3f recall %.3f F1 %.3f", n, tp+fn, fp+tn, prec, rec, f1)
	return n, prec, rec, f1
}

// TestHardNamePairsF1 scores Compare on name pairs built to be hard:
// cross-script, reordered and transliterated spellings of one person
// (testdata/variants.txt, every pair within a line) against look-alike
// names of different people (testdata/different.txt). The bar is an F1
// of 0.85 at the default threshold.
func TestHardNamePairsF1(t *testing.T) {
	n, _, _, f1 := pairsF1(t, "testdata/variants.txt", "testdata/different.txt")
	if n < 300 {
		t.Errorf("only %d pairs; the set must hold at least 300", n)
	}
	if f1 < .85 {
		t.Errorf("F1 %.3f below the bar of 0.85", f1)
	}
	// A floor at the figure reached (0.984 on 2026-12-02) less a margin,
	// so that a rule that costs pairs fails here, not only the bar.
	if f1 < .975 {
		t.Errorf("F1 %.3f fell below 0.975: a change lost pairs the scorer had (see the missed and false matches above)", f1)
	}
}

// TestHeldOutNamePairsF1 scores the held-out pairs (heldout-*.txt,
// heldout2-*.txt, heldout3-*.txt and heldout5-*.txt to heldout7-*.txt:
// written after the scorer was tuned on the others, the last four blind to
// its rules; F1 0.963, 0.978, 0.975, 0.988, 0.952 and 0.961 when first
// measured)
// against the bar,
// with a floor under those first figures:
// a rule written for the hard pairs that costs names it was not written
// for fails here. The fourth (heldout4, East Asian, Cyrillic and Southeast
// Asian names written blind, F1 0.904 when first measured: English names
// and Cantonese and Hokkien readings no spelling rule reaches) has a floor
// of its own under that figure, and so has the eighth (heldout8, European
// and American names, 0.923: nicknames and translations of a given name no
// table holds, married names). The ninth (heldout9, a mix in a consolidated
// list's proportions) was measured once before rules its misses led to:
// F1 0.972; the tenth (heldout10, the same mix) once at the end of session
// 24, not tuned on: F1 0.976; the eleventh (heldout11, the same mix, European
// given names in several languages among them) once at the end of session
// 25, not tuned on: F1 0.987. The eighth's floor rose to the bar's 0.95 once
// session 25's table of European given names, tuned on it, brought it to
// 0.962. The thirteenth (heldout13, people listed since 2022, noms de
// guerre among the spellings) was measured once in session 25 before any
// rule for it: F1 0.948, its floor under that. The fourteenth (heldout14,
// heads of state, ministers and oligarchs of every continent as Wikidata
// labels them in several languages) and the fifteenth (heldout15, ordinary
// people of some thirty origins as police and immigration records write
// them), written blind in session 26, were measured once before any rule
// for them: F1 0.917 and 0.964, floors under those. The sixteenth
// (heldout16, ordinary people of origins the others cover little: Thai,
// Burmese, Armenian, Central Asian, Greek, Hebrew, Portuguese, Haitian),
// written blind in session 27, first measured F1 0.933; its floor rose
// to the bar's 0.95 once the session's rules tuned on it (Thai read as
// said, Armenian names' Russian forms, clerks' short forms) brought it to
// 0.967. The seventeenth (heldout17, people of the consolidated lists
// with the aliases several sources give them, call signs and kunyas among
// them), written blind in session 28, first measured F1 0.882: its floor
// under that. The eighteenth (heldout18, people of origins the others
// cover less — South Asia in its scripts, the Horn and West Africa,
// Uyghurs, Mongolia —, their aliases and native labels), written blind in
// session 35, first measured F1 0.900: its floor under that.
func TestHeldOutNamePairsF1(t *testing.T) {
	for _, set := range []struct {
		prefix string
		pairs  int
		floor  float64
	}{{"heldout", 400, .95}, {"heldout2", 200, .95}, {"heldout3", 200, .95}, {"heldout4", 400, .90}, {"heldout5", 300, .95}, {"heldout6", 300, .95}, {"heldout7", 300, .95}, {"heldout8", 300, .95}, {"heldout9", 300, .95}, {"heldout10", 300, .95}, {"heldout11", 300, .95}, {"heldout12", 300, .95}, {"heldout13", 300, .94}, {"heldout14", 300, .91}, {"heldout15", 300, .95}, {"heldout16", 300, .95}, {"heldout17", 300, .87}, {"heldout18", 300, .88}} {
		n, _, _, f1 := pairsF1(t, "testdata/"+set.prefix+"-variants.txt", "testdata/"+set.prefix+"-different.txt")
		if n < set.pairs || f1 < set.floor {
			t.Errorf("%s: %d pairs, F1 %.3f: below the floor of %.2f", set.prefix, n, f1, set.floor)
		}
	}
}

// TestEuropeanRomanisations requires every pair of spellings of one name
// in testdata/europe.txt — the romanisations of the European Union's
// languages, which its sanctions list carries as aliases — to match on
// the name alone. Before these forms were read, half the pairs scored
// below the threshold (Jurjevitj Sjtjerbakov / Yuryevich Shcherbakov: 0).
func TestEuropeanRomanisations(t *testing.T) {
	opt := DefaultOptions()
	pairs, missed := 0, 0
	for _, g := range readGroups(t, "testdata/europe.txt") {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				pairs++
				r := Compare(Person{Names: []string{g[i]}}, Person{Names: []string{g[j]}}, opt)
				if !r.Match {
					missed++
					t.Errorf("%q / %q: %.3f %v", g[i], g[j], r.Score, r.Evidence)
				}
			}
		}
	}
	if pairs < 250 {
		t.Errorf("only %d pairs", pairs)
	}
	t.Logf("%d pairs, %d missed", pairs, missed)
}

// TestTranscribedLabels compares the Latin spelling of each public figure
// of testdata/chinese-labels.txt, japanese-labels.txt and korean-labels.txt
// with the label of the same person in Chinese characters, katakana or
// Hangul (recall) and with every other person's (look-alikes matched).
// Session 32's reading of transcriptions took recall from 135 of 159 to
// 146 in Chinese, from 95 of 136 to 120 in katakana (Korean names among
// them: Kim Yo Jong, キム・ヨジョン) and from 75 of 98 to 90 in Hangul;
// the look-alikes matched were 7 of 25,122, 2 of 18,360 and none of 9,506
// before and after (a father and his son named in full; Kim Jong Il and
// his daughter Kim Yo Jong; Julian Assange read as Donald Trump, word for
// word through the transcription's loose letters and a typo each). The
// Arabic and Russian labels (arabic-labels.txt, russian-labels.txt),
// written the same day and tuned on by no rule, were found 70 of 80 and
// 87 of 95 times, with no look-alike matched. Session 34's rules (English
// vowels as Japanese and Chinese hear them, -es, -ić, George, ow) took
// the first lists to 150 of 159, 127 of 136 and 93 of 98; twenty
// English-speaking figures then added to each (Steve Jobs, James Mattis)
// were found 9, 15 and 18 times before its rules for English's long
// vowels and 18, 19 and 19 times after, with the same look-alikes. At
// the session's end (a final d unwritten, 戴维 David; ei an e or i, ニール
// Neil; Thai's unwritten stops, 他信 Thaksin): 171 of 179, 146 of 156, 113
// of 118 — 161, 129 and 107 before it. Session 36's Arabic vowels in
// katakana (ムハンマド for Mohamed): 149 of 156.
func TestTranscribedLabels(t *testing.T) {
	for _, set := range []struct {
		file              string
		lines, found, max int
	}{{"chinese-labels.txt", 179, 169, 7}, {"japanese-labels.txt", 156, 149, 2}, {"korean-labels.txt", 118, 111, 0}, {"arabic-labels.txt", 80, 68, 0}, {"russian-labels.txt", 95, 85, 0}} {
		found, lookalikes, lines := transcribedLabels(t, "testdata/"+set.file)
		t.Logf("%s: %d of %d found, %d look-alikes matched", set.file, found, lines, lookalikes)
		if lines < set.lines || found < set.found || lookalikes > set.max {
			t.Errorf("%s: %d lines: %d found (floor %d), %d look-alikes matched (at most %d)", set.file, lines, found, set.found, lookalikes, set.max)
		}
	}
}

// transcribedLabels compares each line's Latin spelling with its own
// label and every other line's.
func transcribedLabels(t *testing.T, path string) (found, lookalikes, lines int) {
	opt := DefaultOptions()
	groups := readGroups(t, path)
	for i, a := range groups {
		for j, b := range groups {
			r := Compare(Person{Names: []string{a[0]}}, Person{Names: []string{b[1]}}, opt)
			switch {
			case i == j && r.Match:
				found++
			case i == j:
				t.Logf("missed %.3f: %s / %s %v", r.Score, a[0], b[1], r.Evidence)
			case r.Match:
				lookalikes++
				t.Logf("false match %.3f: %s / %s %v", r.Score, a[0], b[1], r.Evidence)
			}
		}
	}
	return found, lookalikes, len(groups)
}
