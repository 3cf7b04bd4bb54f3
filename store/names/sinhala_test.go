package names

import "testing"

// TestSinhala: Sinhala names are read with the vowels their consonants
// carry and meet their Latin and Tamil spellings; a namesake with another
// given name does not.
func TestSinhala(t *testing.T) {
	checkLatinize(t, [][2]string{
		{"මහින්ද රාජපක්ෂ", "mahinda rajapaksa"},
		{"ගෝඨාභය", "gotabaya"},           // aspirates without their h
		{"සජිත්", "sajith"},              // the al-lakuna takes the a; ත is th
		{"වික්‍රමසිංහ", "wikramasingha"}, // the joiner inside ක්‍ර; the anusvara
		{"බැසිල්", "basil"},              // æ
	})
	checkSimilar(t, []similarCase{
		{"මහින්ද රාජපක්ෂ", "Mahinda Rajapaksa", .95, 1},
		{"මහින්ද රාජපක්ෂ", "மகிந்த ராஜபக்ச", .85, 1},
		{"රනිල් වික්‍රමසිංහ", "Ranil Wickremesinghe", .85, 1},
		{"මහින්ද රාජපක්ෂ", "Namal Rajapaksa", 0, .7},
	})
	if !sharesAny(Parse("ගෝඨාභය රාජපක්ෂ").Keys(), Parse("Gotabaya Rajapaksa").Keys()) {
		t.Error("ගෝඨාභය රාජපක්ෂ and Gotabaya Rajapaksa share no key")
	}
}
