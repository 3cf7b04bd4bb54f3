package names

import (
	"strings"
	"testing"
)

func TestInitialsWrittenOtherwise(t *testing.T) {
	for in, want := range map[string]string{
		"MK Stalin":         "m k stalin", // capitals without stops
		"KP Sharma Oli":     "k p sharma oli",
		"Kh. Battulga":      "k battulga", // a Mongolian father's name cut to Kh.
		"Ts. Elbegdorj":     "t elbegdorj",
		"Ц. Элбэгдорж":      "t elbegdorzh", // and in Cyrillic
		"மு. க. ஸ்டாலின்":   "m k stalin",   // Tamil syllables as initials
		"ஜெ. ஜெயலலிதா":      "j jeyalalitha",
		"NG Chi Kin":        "ng chi kin", // the surname Ng
		"John Smith MD":     "john smith md",
		"MK STALIN":         "mk stalin",   // all capitals: no telling
		"Kh Battulga":       "kh battulga", // no stop: a word
		"Md. Jahangir Alam": "muhammad jahangir alam",
		"DR John Smith":     "john smith",
		"Ayman al-Zawahiri": "ayman alzawahiri",
	} {
		if got := strings.Join(Parse(in).Tokens, " "); got != want {
			t.Errorf("Parse(%s) = %q, want %q", in, got, want)
		}
	}
	// Telugu spells the English names of the letters: వై. ఎస్. is Y. S.
	if got := abbreviatedInitial(translitWord("వై", indic, false, false)) + abbreviatedInitial(translitWord("ఎస్", indic, false, false)); got != "ys" {
		t.Errorf("వై. ఎస్. read %q, want ys", got)
	}
	for _, p := range [][2]string{
		{"MK Stalin", "Muthuvel Karunanidhi Stalin"}, {"Muthuvel Karunanidhi Stalin", "மு. க. ஸ்டாலின்"},
		{"KP Oli", "Khadga Prasad Sharma Oli"}, {"Kh. Battulga", "Khaltmaagiin Battulga"}, {"Tsakhiagiin Elbegdorj", "Ц. Элбэгдорж"},
		{"Y. S. Jagan Mohan Reddy", "వై. ఎస్. జగన్మోహన్ రెడ్డి"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .78 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want ≥ 0.78", p[0], p[1], s.Value, s.Explanation)
		}
	}
}
