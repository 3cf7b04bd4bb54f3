package match

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vigie/vigie/store/names"
)

// A place of birth as two lists write it: "Qom" and "Qom, Iran"; "Khan
// Younis Refugee Camp, Gaza Strip" and "Khan Yunis"; "Lombok Timur" and
// "East Lombok". Read whole, the strings are far apart; their localities
// are one.
type place struct {
	whole string // normalised, as written
	local string // the locality: the first part that names no country, its words sorted
}

// newPlace reads a place of birth; each part is normalised once, for
// both the whole and the locality.
func newPlace(raw string) place {
	if len(raw) > maxPlaceLen {
		n := maxPlaceLen
		for n > 0 && !utf8.RuneStart(raw[n]) {
			n--
		}
		raw = raw[:n]
	}
	var p place
	var whole []string
	for part := range strings.FieldsFuncSeq(raw, func(r rune) bool { return strings.ContainsRune(",;()/", r) }) {
		n := names.Normalize(part)
		if n == "" {
			continue
		}
		whole = append(whole, n)
		if p.local == "" {
			p.local = locality(strings.TrimSpace(part), n)
		}
	}
	p.whole = strings.Join(whole, " ")
	return p
}

// maxPlaceLen bounds the place read.
const maxPlaceLen = 200

// locality is the locality a part of a place of birth (n normalised)
// names, or "" when it names a country or nothing. Lists write the town
// first, then the region and the country, so the first part with a
// locality is the most specific. The words every list adds its own way
// are dropped (city, district, oblast, refugee camp, the Russian "g." and
// "s." for town and village), the words of the compass are written in one
// language (Timur, Est, Vostochny: east), and the words are sorted, for
// "Lombok Timur" is East Lombok.
func locality(part, n string) string {
	if _, ok := knownCountry(part, n); ok {
		return ""
	}
	var words []string
	for w := range strings.FieldsSeq(n) {
		if placeNoise[w] {
			continue
		}
		if c, ok := compass[w]; ok {
			w = c
		}
		words = append(words, w)
	}
	if len(words) > 1 {
		// "Kaluga Russia", written without its comma.
		if _, ok := knownCountry(words[len(words)-1], words[len(words)-1]); ok {
			words = words[:len(words)-1]
		}
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// placeNoise are the words a place of birth is written with that name no
// place: kinds of place, in the languages lists write them, and the
// article of Arabic names (al-Zarqa, Zarqa).
var placeNoise = map[string]bool{
	"city": true, "town": true, "village": true, "district": true, "province": true, "region": true,
	"oblast": true, "governorate": true, "county": true, "municipality": true, "prefecture": true,
	"refugee": true, "camp": true, "krai": true, "kray": true, "raion": true, "rayon": true,
	"wilaya": true, "wilayah": true, "kabupaten": true, "kota": true, "muhafazat": true,
	"g": true, "s": true, "m": true, "pgt": true, "selo": true, "gorod": true, "ville": true,
	"of": true, "the": true, "al": true, "el": true, "now": true, "former": true, "formerly": true,
}

// compass writes the points of the compass in one language.
var compass = map[string]string{
	"east": "east", "eastern": "east", "est": "east", "ost": "east", "timur": "east", "oriental": "east", "orientale": "east", "vostochny": "east", "vostochnyy": "east",
	"west": "west", "western": "west", "ouest": "west", "barat": "west", "occidental": "west", "occidentale": "west", "zapadny": "west", "zapadnyy": "west",
	"north": "north", "northern": "north", "nord": "north", "utara": "north", "norte": "north", "severny": "north", "severnyy": "north",
	"south": "south", "southern": "south", "sud": "south", "selatan": "south", "yuzhny": "south", "yuzhnyy": "south",
	"central": "central", "centre": "central", "center": "central", "tengah": "central", "centrale": "central",
}

// samePlace reports whether two places of birth name one place: the whole
// strings alike (as they were read before localities), or their
// localities.
func samePlace(a, b place) bool {
	if names.JaroWinkler(a.whole, b.whole) >= .9 {
		return true
	}
	if a.local == "" || b.local == "" {
		return false
	}
	// A locality is a word or two: the similarity of a long word's
	// beginning (Najaf, Najafabad; Constanta, Constantine) is not enough.
	d := len(a.local) - len(b.local)
	return a.local == b.local || d >= -2 && d <= 2 && names.JaroWinkler(a.local, b.local) >= .93
}

// placesApart reports whether two places of birth name two localities:
// they are not the same (samePlace) and localitiesApart.
func placesApart(a, b place) bool {
	return !samePlace(a, b) && localitiesApart(a, b)
}

// localitiesApart reports, for two places samePlace does not join,
// whether each names a locality and no word of either's locality is in
// the other written whole — "Giao Thuy, Nam Dinh" may be in Nam Dinh,
// "Thai Binh" is not.
func localitiesApart(a, b place) bool {
	if a.local == "" || b.local == "" {
		return false
	}
	within := func(local, whole string) bool {
		for w := range strings.FieldsSeq(local) {
			for v := range strings.FieldsSeq(whole) {
				if v == w {
					return true
				}
			}
		}
		return false
	}
	return !within(a.local, b.whole) && !within(b.local, a.whole)
}
