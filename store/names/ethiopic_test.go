package names

import "testing"

// Ethiopic letters are read as their row's consonant and their column's
// vowel.
func TestEthiopicWords(t *testing.T) {
	for in, want := range map[string]string{
		"ኢሳይያስ ኣፈወርቂ": "isayyas afewerqi", // the carriers ኢ and ኣ are vowels
		"መለስ ዜናዊ":     "meles zenawi",     // the first column is e; the sixth none
		"ኃይለ ሥላሴ":     "hayle slase",      // ኃ: an h row, its a
		"አሕመድ":        "ahmed",            // አ: a carrier, first column a
		"ጌታቸው":        "getachew",
		"ደብረጽዮን":      "debretsyon",
		"ቋንቋ":         "qwanqwa",     // a labialised row
		"እስክንድር":      "iskndr",      // እ alone is i
		"ዮሴፍ፡ተክሌ":     "yosef tekle", // ፡ separates words
		"Abiy ዐቢይ":    "abiy abiy",
	} {
		if got := Parse(in).String(); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
}
