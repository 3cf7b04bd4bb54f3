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

// ichEndings are the ways Latin letters write the South Slavic -ić in a
// word of six letters or more: without its accent, as English and Russian
// romanisations do, as French does and as German does.
var ichEndings = [...]string{"ic", "ich", "itch", "itsch"}

// ichEnding returns which of ichEndings t ends in, counted from 1; 0 for
// none. Only words ending otherwise are compared through ichForm: two
// words spelt alike need no rewriting.
func ichEnding(t string) int {
	if len(t) < 6 {
		return 0
	}
	for i := len(ichEndings) - 1; i >= 0; i-- {
		if strings.HasSuffix(t, ichEndings[i]) {
			return i + 1
		}
	}
	return 0
}

// ichForm writes the South Slavic -ić, its accent dropped (Bajramovic),
// and German's -itsch and French's -itch (Bajramowitsch, Karadjitch) as
// the -ich other romanisations write: a clerk's spelling of a Bosnian or
// Serbian name meets the passport's.
func ichForm(t string) string {
	switch ichEnding(t) {
	case 1:
		return t + "h"
	case 3:
		return t[:len(t)-4] + "ich"
	case 4:
		return t[:len(t)-5] + "ich"
	}
	return t
}
