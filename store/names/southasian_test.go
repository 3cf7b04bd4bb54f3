package names

import (
	"strings"
	"testing"
)

func TestSouthAsianNamesAsRecordsWriteThem(t *testing.T) {
	for in, want := range map[string]string{
		"শেখ হাসিনা ওয়াজেদ": "shekh hasina wajed", // ওয় before a vowel a w
		"হাওয়া":          "hawa",
		"দোয়েল":          "doyel",          // য় before a vowel sign e, no ও: a y
		"ज्ञानेन्द्र शाह": "gyanendra shah", // ज्ञ said gy
		"प्रज्ञा":         "pragya",
		"संहिता":          "samhita", // the nasal sign before a sounded h an m
	} {
		if got := strings.Join(Parse(in).Tokens, " "); got != want {
			t.Errorf("Parse(%s) = %q, want %q", in, got, want)
		}
	}
	for _, p := range [][2]string{
		{"Mamata Banerjee", "Mamata Bandyopadhyay"}, {"Pranab Mukherjee", "প্রণব মুখোপাধ্যায়"}, {"Sourav Ganguly", "Sourav Gangopadhyay"},
		{"Rabindranath Tagore", "রবীন্দ্রনাথ ঠাকুর"}, {"Chandrababu Naidu", "చంద్రబాబు నాయుడు"}, {"Sheikh Hasina Wazed", "শেখ হাসিনা ওয়াজেদ"},
		{"Dolkun Isa", "Dolqun Eysa"}, {"Bir Bikram Shah", "वीर विक्रम शाह"}, {"Binod Chaudhary", "विनोद चौधरी"},
		{"Kalvakuntla Chandrashekar Rao", "కల్వకుంట్ల చంద్రశేఖర్ రావు"}, {"P. V. Narasimha Rao", "పి. వి. నరసింహారావు"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .9 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want ≥ 0.9", p[0], p[1], s.Value, s.Explanation)
		}
	}
	// Two families' names stay two.
	if s := Similarity(Parse("Mamata Banerjee"), Parse("Mamata Chatterjee"), nil); s.Value > .5 {
		t.Errorf("Banerjee / Chatterjee: %.2f (%s), want ≤ 0.5", s.Value, s.Explanation)
	}
}
