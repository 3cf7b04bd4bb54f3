package names

import "testing"

// The scripts of India read syllable by syllable, with the vowel a their
// consonants carry, dropped where the language does not say it.
func TestIndicWords(t *testing.T) {
	for in, want := range map[string]string{
		"मनमोहन सिंह":          "manmohan singh",       // a medial a dropped; ं before h is ng
		"नरेन्द्र मोदी":        "narendra modi",        // kept after a cluster
		"अजमल कसाब":            "ajmal kasab",          // dropped between sounded vowels
		"मसूद अज़हर":           "masud azhar",          // ज़ (nukta) is z
		"हाफ़िज़ सईद":          "hafiz said",           // फ़ f
		"राजेश कुमार शर्मा":    "rajesh kumar sharma",  // र्म: a cluster
		"পুষ্প":                "pushpa",               // Bengali keeps a after a cluster
		"মমতা বন্দ্যোপাধ্যায়": "mamata bandyopadhyay", // Bengali sounds its medial a; য় y
		"মুহাম্মদ ইউনূস":       "muhammad yunus",       // ই before a vowel is y
		"ਅੰਮ੍ਰਿਤਪਾਲ ਸਿੰਘ":      "amritpal singh",       // the tippi doubles the m
		"ਜਰਨੈਲ":                "jarnail",
		"અમિત શાહ":             "amit shah",
		"மகிந்த ராஜபக்ச":       "makinda rajapaksa", // Tamil: voiced after a nasal; ச s
		"ஜெயலலிதா":             "jeyalalitha",
		"చంద్రబాబు":            "chandrababu",
		"ವೀರಪ್ಪನ್":             "virappan",         // a virama ends the word
		"പിണറായി വിജയൻ":        "pinarayi vijayan", // ൻ, a chillu n
		"Singh सिंह":           "singh singh",
		"१९४७":                 "1947",
	} {
		if got := Parse(in).String(); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBengaliAndOriyaBV: Bengali and Oriya write b and v with one letter,
// read b; a Latin v or w meets it, and a Latin b still does.
func TestBengaliAndOriyaBV(t *testing.T) {
	checkSimilar(t, []similarCase{
		{"ନବୀନ ପଟ୍ଟନାୟକ", "Naveen Patnaik", .85, 1},
		{"বিবেকানন্দ দত্ত", "Vivekananda Dutta", .85, 1},
		{"বিবেকানন্দ দত্ত", "Bibekananda Dutta", .9, 1},
		{"Nabin Patnaik", "Naveen Patnaik", 0, .7}, // two Latin spellings: b and v stay two letters
	})
}
