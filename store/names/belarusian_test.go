package names

import "testing"

func TestBelarusianSurname(t *testing.T) {
	for _, c := range []struct {
		by, ru string
		want   bool
	}{
		{"halouchanka", "golovchenko", true},
		{"navumau", "naumov", true},
		{"naumau", "naumov", true},
		{"karpenka", "karpenko", true},
		{"ivanou", "ivanov", true},
		{"lukashenka", "lukashenko", true},
		{"hancharou", "goncharov", true},
		{"makei", "makey", false},   // no ending to pair
		{"petrau", "ivanov", false}, // another stem
		{"kau", "kov", false},       // a stem too short to say anything
		{"moreau", "morov", false},  // French's -eau is no Belarusian ending
		{"halouchanka", "golovko", false},
	} {
		if got := belarusianSurname(c.by, c.ru); got != c.want {
			t.Errorf("belarusianSurname(%q, %q) = %v, want %v", c.by, c.ru, got, c.want)
		}
	}
}
