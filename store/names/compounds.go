package names

import "strings"

// Sikh given names are built of two parts, the second shared by many
// (Gurpreet, Harpreet, Manpreet; Harjit, Harpreet; Jaswinder, Jasdeep):
// one part changed is another name, though the letters differ by one or
// two and the phonetic key may agree. sikhParts splits such a name into
// its first part's key and its second part's group.
var sikhEndings = [...]struct {
	ending string
	group  int
}{
	{"preet", 0}, {"prit", 0}, {"jeet", 1}, {"jit", 1}, {"deep", 2}, {"dip", 2},
	{"inder", 3}, {"indar", 3}, {"winder", 3}, {"want", 4}, {"vant", 4},
	{"veer", 5}, {"vir", 5}, {"meet", 6}, {"mit", 6}, {"pal", 7},
}

func sikhParts(t string) (first string, group int, ok bool) {
	for _, e := range sikhEndings {
		if len(t) >= len(e.ending)+2 && strings.HasSuffix(t, e.ending) {
			return skeleton(strings.TrimSuffix(t, e.ending)), e.group, true
		}
	}
	return "", 0, false
}

// sikhNamesApart reports whether a and b are two Sikh given names of the
// same shape with another first or second part: Gurpreet / Harpreet,
// Harpreet / Harjit. Gurpreet / Gurprit, one name, are not apart.
func sikhNamesApart(a, b string) bool {
	fa, ga, okA := sikhParts(a)
	fb, gb, okB := sikhParts(b)
	return okA && okB && (fa != fb || ga != gb)
}

// ichForm writes the South Slavic -ić, its accent dropped (Bajramovic),
// and German's -itsch (Bajramowitsch) as the -ich other romanisations
// write: a German clerk's spelling of a Bosnian or Serbian name meets the
// passport's. Only words of six letters or more are read so.
func ichForm(t string) string {
	switch {
	case len(t) < 6:
		return t
	case strings.HasSuffix(t, "itsch"):
		return t[:len(t)-5] + "ich"
	case strings.HasSuffix(t, "itch"):
		return t[:len(t)-4] + "ich"
	case strings.HasSuffix(t, "ic"):
		return t + "h"
	}
	return t
}
