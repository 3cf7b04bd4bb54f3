package names

import "testing"

// Burmese names have no family name: a syllable more is another man (Tin
// Aung San, Aung San; Pye Phyo Tay Za, his father Tay Za), while an
// honorific more, or another of the same sex (Ko, Maung; U), is the one
// person; a name of the same syllables in another language (Lin Min, a
// Chinese name) is left to the other rules.
func TestBurmeseNames(t *testing.T) {
	for _, p := range [][2]string{
		{"Ko Min Thu", "Maung Min Thu"}, {"Mg Min Thu", "Ko Min Thu"}, {"U Kyaw Zaw Win", "Kyaw Zaw Win"},
		{"Maung Min Thu", "Min Thu"}, {"U Tay Za", "Tay Za"},
		{"Htet Aung Naing", "NAING, Htet Aung"}, {"Aung Pyae Sone", "Aung Pyi Sone"}, // one syllable's spellings
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .85 {
			t.Errorf("%s / %s: %.2f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
	for _, p := range [][2]string{
		{"Tin Aung San", "Aung San"}, {"Tay Za", "Pye Phyo Tay Za"}, {"တင်အောင်စန်း", "အောင်ဆန်း"},
		{"Ko Min Thu", "Ma Min Thu"}, // a man's honorific and a woman's
		{"Than Shwe", "Than Swe"},    // two syllables (gold, friend)
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value >= .7 {
			t.Errorf("%s / %s: %.2f (%s), want below 0.7", p[0], p[1], s.Value, s.Explanation)
		}
	}
	if burmeseSyllableMissing(Parse("Lin Min Hui"), Parse("Min Hui")) {
		t.Errorf("Lin Min Hui / Min Hui read as Burmese")
	}
}
