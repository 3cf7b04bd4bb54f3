package names

import "testing"

// TestUzbekLatin: Uzbek's Latin letters meet the Russian-style spellings
// of the same names (x is kh); a Western name with an x keeps its own.
func TestUzbekLatin(t *testing.T) {
	checkSimilar(t, []similarCase{
		{"Abdulla Xo'jayev", "Abdulla Khodjaev", .85, 1},
		{"Jumaboy Xoʻjayev", "Dzhumabai Khodzhaev", .85, 1},     // the turned comma
		{"Xudoyberdi Nurmatov", "Khudoiberdy Nurmatov", .85, 1}, // no o' or g': x and a Russian-style surname
		{"Maxim Ivanov", "Makhim Ivanov", 0, .7},                // a Western x stays ks
	})
	if !sharesAny(Parse("Abdulla Xo'jayev").Keys(), Parse("Khodjaev").Keys()) {
		t.Error("Xo'jayev and Khodjaev share no key: a lookup in one spelling misses the other")
	}
}
