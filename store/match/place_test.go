package match

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestSamePlace(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Qom", "Qom, Iran", true},
		{"London, United Kingdom", "London", true},
		{"Yenakiieve, Donetsk Oblast, Ukraine", "Yenakiieve", true},
		{"Khan Younis Refugee Camp, Gaza Strip", "Khan Yunis", true},
		{"Lombok Timur, Nusa Tenggara Barat, Indonesia", "East Lombok", true},
		{"Zarqa, Jordan", "al-Zarqa", true},
		{"Kaluga Russia", "Kaluga", true},
		{"Basrah, Iraq", "Basra", true},
		// One beginning is not one place.
		{"Najaf, Iraq", "Najafabad, Iran", false},
		{"Constanta, Romania", "Constantine, Algeria", false},
		// A region both are in is not the place: the locality is.
		{"Arzamas, Nizhny Novgorod Oblast", "Dzerzhinsk, Nizhny Novgorod Oblast", false},
		{"Lombok Timur", "Lombok Barat", false},
		// A country alone names no locality.
		{"Iran", "Qom, Iran", false},
		{"", "Qom", false},
	}
	for _, tt := range tests {
		if got := samePlace(newPlace(tt.a), newPlace(tt.b)); got != tt.want {
			t.Errorf("samePlace(%q, %q) = %v, want %v (places %+v, %+v)", tt.a, tt.b, got, tt.want, newPlace(tt.a), newPlace(tt.b))
		}
	}
}

func TestPlacesApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Nam Dinh, Vietnam", "Thai Binh, Vietnam", true},
		{"Arzamas, Nizhny Novgorod Oblast", "Dzerzhinsk, Nizhny Novgorod Oblast", true},
		{"Nam Dinh, Vietnam", "Nam Dinh", false},
		{"Giao Thuy, Nam Dinh", "Nam Dinh", false}, // a district of the province, maybe
		{"Khan Younis Refugee Camp, Gaza Strip", "Khan Yunis", false},
		{"Vietnam", "Thai Binh, Vietnam", false}, // a country alone says no locality
		{"", "Thai Binh", false},
	}
	for _, tt := range tests {
		if got := placesApart(newPlace(tt.a), newPlace(tt.b)); got != tt.want {
			t.Errorf("placesApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := placesApart(newPlace(tt.b), newPlace(tt.a)); got != tt.want {
			t.Errorf("placesApart(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// The place of birth is evidence in a comparison when the localities
// agree, however each list writes the region and the country after it.
func TestComparePlaceOfBirthByItsLocality(t *testing.T) {
	a := person("Abu Jibril", "1958")
	a.Places = []string{"Lombok Timur, Indonesia"}
	b := person("Abu Jibriel", "1958")
	b.Places = []string{"East Lombok"}
	r := Compare(a, b, Options{})
	if !slices.Contains(r.Evidence, "birth place same") || !r.PlaceSame {
		t.Errorf("Compare: evidence %q (PlaceSame %v), want the birth place same", r.Evidence, r.PlaceSame)
	}
	b.Places = []string{"Lombok Barat"}
	if r := Compare(a, b, Options{}); slices.Contains(r.Evidence, "birth place same") || r.PlaceSame {
		t.Errorf("Compare with West Lombok: evidence %q, want no place in common", r.Evidence)
	}
}

// A place of birth of any bytes is read without a panic, its locality is
// made of the words of the whole, and a place is the same as itself.
func FuzzPlace(f *testing.F) {
	for _, s := range []string{"Qom, Iran", "Khan Younis Refugee Camp, Gaza Strip", "Lombok Timur", "м. Москва", "(,;/)", "Iran", strings.Repeat("Ñ", 150)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p := newPlace(raw)
		if len(p.whole) > 4*maxPlaceLen {
			t.Fatalf("newPlace(%q): whole of %d bytes", raw, len(p.whole))
		}
		for w := range strings.FieldsSeq(p.local) {
			if !slices.Contains(strings.Fields(p.whole), w) && !slices.Contains(slices.Collect(maps.Values(compass)), w) {
				t.Fatalf("newPlace(%q): locality word %q not in %q", raw, w, p.whole)
			}
		}
		if p.whole != "" && !samePlace(p, p) {
			t.Fatalf("newPlace(%q) = %+v: not the same as itself", raw, p)
		}
		if placesApart(p, p) {
			t.Fatalf("newPlace(%q) = %+v: apart from itself", raw, p)
		}
	})
}
