package names

import (
	"slices"
	"testing"
)

func TestUyghurScriptReadWithItsVowels(t *testing.T) {
	for in, want := range map[string][]string{
		"ئىلھام تۇختى":      {"ilham", "tukhti"},
		"ئەلىيېۋ":           {"eliyew"},
		"رەبىيە قادىر":      {"rebiye", "qadir"},
		"مۇھەممەت ئابدۇللا": {"muhemmet", "abdulla"},
		"عيسى موسى":         {"isa", "musa"}, // Arabic: no Uyghur letter, ى only last
	} {
		if got := Parse(in).Tokens; !slices.Equal(got, want) {
			t.Errorf("Parse(%s).Tokens = %q, want %q", in, got, want)
		}
	}
	for _, p := range [][2]string{
		{"ئىلھام ئەلىيېۋ", "Ilham Aliyev"}, {"ئىلھام تۇختى", "Ilham Tohti"}, {"مۇھەممەت ئابدۇللا", "Muhammad Abdullah"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .8 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want ≥ 0.8", p[0], p[1], s.Value, s.Explanation)
		}
	}
	for in, want := range map[string]bool{"تۇختى": true, "زاكىر": true, "عيسى": false, "خامنه‌ای": false, "ګلبدین": false} {
		if got := uyghurName(in); got != want {
			t.Errorf("uyghurName(%s) = %v, want %v", in, got, want)
		}
	}
}
