package names

import "strings"

// Russian writes a foreign name as it is said, not as it is spelt, and
// PEP lists copy Wikidata's Russian labels as aliases: Cyril Ramaphosa is
// Сирил Рамафоса (siril), Paul Kagame Поль Кагаме (pol), George Weah
// Джордж Веа (dzhordzh vea), Andrew Holness Эндрю Холнесс (endriu),
// Javier Milei Хавьер Милей (khaver). Read back letter by letter these
// share a skeleton with the Latin name or miss it by a letter, and a
// listed given name (Cyril, Paul) is kept from meeting an unlisted one a
// letter away (twoGivenNames), so Siril and Pol were taken for other
// names. russianReadings gives the few ways Russian's practical
// transcription writes a Latin word — as English says it, as Spanish
// does (j, g before e and i are kh), with a French final e unsaid — each
// in the letters a Cyrillic word is read into (х kh, дж dzh, ю iu, й i,
// the soft sign unwritten).
//
// The rules are written here rather than taken from a library: none reads
// a name into Russian's practical transcription, and only the few
// letters where it departs from the spelling matter for a comparison
// that already allows a letter's slip.

// russianReadings returns how Russian may write the Latin word lat, read
// back into Latin letters as a Cyrillic word is (at most three).
func russianReadings(lat string) []string {
	if len(lat) < 3 || len(lat) > 24 {
		return nil
	}
	english := russianReading(lat, false)
	out := []string{english}
	if strings.ContainsAny(lat, "jg") {
		if spanish := russianReading(lat, true); spanish != english {
			out = append(out, spanish)
		}
	}
	if e := english; len(e) > 4 && e[len(e)-1] == 'e' && !isVowel(e[len(e)-2]) {
		out = append(out, e[:len(e)-1]) // Christine, Кристин; Lagarde, Лагард
	}
	return out
}

// russianDigraphs are the letter pairs russianReading writes as one sound:
// ph is ф, ew ю (Andrew, Эндрю), au о (Paul, Поль; Claude, Клод).
var russianDigraphs = map[string]string{
	"ph": "f", "th": "t", "ck": "k", "qu": "k", "ch": "ch", "sh": "sh",
	"ew": "iu", "au": "o", "ou": "u",
}

// russianReading is one reading of russianReadings: English's j and soft
// g as дж, or Spanish's as х.
func russianReading(lat string, spanish bool) string {
	var b strings.Builder
	n := len(lat)
	at := func(i int) byte {
		if i < 0 || i >= n {
			return 0
		}
		return lat[i]
	}
	soft := func(c byte) bool { return c == 'e' || c == 'i' || c == 'y' }
	softG := "dzh" // English's j and soft g; Spanish's are kh
	if spanish {
		softG = "kh"
	}
	for i := 0; i < n; i++ {
		c, next := lat[i], at(i+1)
		if i+1 < n {
			if d, ok := russianDigraphs[lat[i:i+2]]; ok {
				b.WriteString(d)
				i++
				continue
			}
		}
		switch {
		case c == 'a' && i == 0 && !spanish && next != 0 && !isVowel(next) && at(i+2) != 0 && !isVowel(at(i+2)):
			b.WriteByte('e') // English's a before two consonants: Andrew, Эндрю
		case c == 'c':
			if soft(next) {
				b.WriteByte('s')
			} else {
				b.WriteByte('k')
			}
		case c == 'j':
			b.WriteString(softG)
		case c == 'g' && soft(next):
			b.WriteString(softG)
			if next == 'e' && isVowel(at(i+2)) {
				i++ // George: the e only softens the g
			}
		case c == 'x':
			b.WriteString("ks")
		case c == 'w':
			if i == 0 && isVowel(next) && next != 'e' && next != 'a' {
				b.WriteByte('u') // William, Уильям
			} else {
				b.WriteByte('v') // Weah, Веа
			}
		case c == 'y':
			b.WriteByte('i')
		case c == 'h':
			if i > 0 && !isVowel(at(i-1)) || next == 0 || !isVowel(next) {
				continue // a silent h: Weah, Веа
			}
			b.WriteString("kh") // Holness, Холнесс
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// russianSpelt reports whether cyr, a word read from Cyrillic that is not
// itself a listed Russian name, is the Latin lat as Russian writes it
// (russianReadings): the skeletons agree and the letters nearly do.
func russianSpelt(lat string, cyr *word) bool {
	for _, r := range russianReadings(lat) {
		if r == cyr.s || TokenKey(r) == cyr.key && JaroWinkler(r, cyr.s) >= .85 && !genderForms(r, cyr.s) {
			return true
		}
	}
	return false
}
