package names

import "strings"

// Belarusian writes its surnames as it says them, where Russian keeps the
// older spelling: Галоўчанка Halouchanka is Головченко Golovchenko, Навумаў
// Navumau is Наумов Naumov, Карпенка Karpenka is Карпенко Karpenko. Lists
// publish a Belarusian official under both (the EU writes the Belarusian
// form first, the US and others the Russian one), so the two must meet,
// and no transliteration table joins them: the ending differs (-аў, -еў,
// -ка where Russian has -ов, -ев, -ко) and so does the stem, by the sounds
// Belarusian spells as said (an unstressed o is a, г is h, ў after a vowel
// is Russian's в, я and е before the stress are ia and ie). Written for
// vigie from general knowledge of the two languages.

// belarusianEndings pairs a Belarusian surname ending, as its Latin
// spellings write it, with the Russian one (-enka on the same stem as
// -enko is enkoForms', tried first; here the stems may differ).
var belarusianEndings = [][2]string{
	{"au", "ov"}, {"ou", "ov"}, {"eu", "ev"},
	{"anka", "enko"}, {"enka", "enko"}, {"ienka", "enko"},
}

// belarusianSurname reports whether by, a surname with a Belarusian
// ending, is ru, the Russian one: the endings pair (belarusianEndings)
// and the stems are one once the sounds Belarusian spells as said are
// folded (belarusianFold). A stem of three letters at least, so that no
// short name meets another by its ending alone.
func belarusianSurname(by, ru string) bool {
	for _, e := range belarusianEndings {
		sb, ok1 := strings.CutSuffix(by, e[0])
		sr, ok2 := strings.CutSuffix(ru, e[1])
		if ok1 && ok2 && len(sb) >= 3 && len(sr) >= 3 && belarusianFold(sb) == belarusianFold(sr) {
			return true
		}
	}
	return false
}

// belarusianFold writes a stem with Belarusian's and Russian's spellings
// of one sound made one: dz as d (Uladzimir), ia, ie, ya, ye as e
// (Yermoshina, Iarmoshyna), h as g where it is not part of kh, sh, ch, zh
// or th (Halouchanka), o as a, y as i, a vowel's u before a consonant,
// which is ў, as v (Halouch, Golovch), and the v Belarusian puts before a
// u after a vowel dropped (Navum, Naum).
func belarusianFold(s string) string {
	s = belarusianFolds.Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'h' && (i == 0 || !strings.ContainsRune("kscztg", rune(s[i-1]))):
			c = 'g'
		case c == 'o':
			c = 'a'
		case c == 'y':
			c = 'i'
		case c == 'v' && i > 0 && i+1 < len(s) && s[i+1] == 'u' && isVowel(s[i-1]):
			continue // Navumau, Naumov
		}
		b.WriteByte(c)
	}
	f := []byte(b.String())
	for i := 1; i+1 < len(f); i++ {
		if f[i] == 'u' && isVowel(f[i-1]) && !isVowel(f[i+1]) {
			f[i] = 'v' // Galouch, Golovch
		}
	}
	return string(f)
}

var belarusianFolds = strings.NewReplacer("dz", "d", "ia", "e", "ie", "e", "ya", "e", "ye", "e")
