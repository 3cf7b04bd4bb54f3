package names

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// TestEuropeanFormsJoinOneName: every form of a line of the European
// table is written as the normaliser writes it and, once every table is
// read, is a form of the line's one name — none kept by another table
// under another name (a form on two lines keeps its first).
func TestEuropeanFormsJoinOneName(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(europeanNames))
	lines := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		lines++
		fs := strings.Fields(line)
		g := givenName(fs[0])
		for _, f := range fs {
			if got := Parse(f).String(); got != f {
				t.Errorf("%q is written %q by the normaliser", f, got)
			}
			if h := givenName(f); h != g {
				t.Errorf("%s is a form of %s, not of %s as its line says", f, languageForms().canonical[h], languageForms().canonical[g])
			}
		}
		if arabicGivenName(fs[0]) {
			t.Errorf("%s reads as an Arabic given name", fs[0])
		}
	}
	if lines < 80 {
		t.Errorf("read %d lines of the European table, want its 80 or more", lines)
	}
}

// TestEuropeanGivenNames: one person's given name in the languages of
// Europe meets its other forms, in a comparison, a key and a pair key,
// while the names the table leaves out or tells apart stay as they were.
func TestEuropeanGivenNames(t *testing.T) {
	same := [][2]string{
		{"Guillermo Lasso", "William Lasso"}, {"Wilhelm Keitel", "William Keitel"}, {"László Kovács", "Ladislaus Kovacs"},
		{"Władysław Bartoszewski", "Ladislav Bartoszewski"}, {"Carlos Habsburg", "Charles Habsburg"}, {"Karl Habsburg", "Carlo Habsburg"},
		{"Giuseppe Bonanno", "Joseph Bonanno"}, {"José Ramos", "Josef Ramos"}, {"Juan Carlos", "Johann Carlos"},
		{"Felipe VI", "Philip VI"}, {"Pedro Sánchez", "Peter Sanchez"}, {"Piotr Glinski", "Peter Glinski"},
		{"György Matolcsy", "George Matolcsy"}, {"István Tarlós", "Stephen Tarlos"}, {"Ferenc Gyurcsány", "Francis Gyurcsany"},
		{"Jorge Bergoglio", "Georg Bergoglio"}, {"Enrique Peña Nieto", "Henry Pena Nieto"}, {"Luigi Di Maio", "Louis Di Maio"},
		{"Ludwig Erhard", "Lajos Erhard"}, {"Jacques Chirac", "James Chirac"}, {"Mary Robinson", "Maria Robinson"},
		{"Yosyp Kobzon", "Iosif Kobzon"}, {"Zakhari Kalashov", "Zakhar Kalashov"},
		{"Erzsébet Kovács", "Elizabeth Kovacs"}, {"Sándor Pintér", "Alexander Pinter"}, {"Mihály Varga", "Michael Varga"},
	}
	for _, p := range same {
		a, b := Parse(p[0]), Parse(p[1])
		if s := Similarity(a, b, nil); s.Value < .85 {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
		if ka, kb := CanonicalKey(a.Tokens[0]), CanonicalKey(b.Tokens[0]); ka != kb {
			t.Errorf("CanonicalKey %s = %q, %s = %q", a.Tokens[0], ka, b.Tokens[0], kb)
		}
		shared := false
		for _, k := range a.Keys() {
			shared = shared || contains(b.Keys(), k)
		}
		if !shared {
			t.Errorf("%s %v and %s %v share no key", p[0], a.Keys(), p[1], b.Keys())
		}
	}
	// Left out (one spelling, two sexes), two names, or a man and a woman.
	apart := [][2]string{
		{"jean", "john"}, {"jan", "john"}, {"andrea", "andrew"}, {"nicola", "nicholas"},
		{"carlos", "carol"}, {"jane", "joan"}, {"mario", "maria"}, {"francis", "frances"}, {"james", "jacob"},
		{"julius", "julian"}, {"peter", "paul"}, {"george", "gregory"}, {"alexandre", "aleksandra"},
	}
	for _, p := range apart {
		if s, k := tokenSim(p[0], p[1]); k == kindVariant && s >= .85 {
			t.Errorf("%s / %s: %.2f %s, want them apart", p[0], p[1], s, kindNames[k])
		}
	}
}
