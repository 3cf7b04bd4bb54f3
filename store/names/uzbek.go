package names

import "strings"

// Uzbek's Latin alphabet (1995) writes х as x, ў as o' and ғ as g', with
// an apostrophe or the turned comma ʻ: Xo'jayev, Yo'ldoshev, G'ulomov.
// Lists and Russian-language sources write the same names from Cyrillic:
// Khodzhaev, Yuldashev, Gulomov. The apostrophes are gone by the time a
// name is cut into words (Xo'jayev is xojayev), so the letters are told
// from the raw text; the x, read kh, is what keeps the two apart.

// uzbekLetters reports whether s writes o' or g' the Uzbek way: the
// letter, an apostrophe or turned comma, and a letter.
func uzbekLetters(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if c := s[i] | 0x20; c != 'o' && c != 'g' {
			continue
		}
		rest := s[i+1:]
		for _, a := range []string{"'", "ʻ", "‘", "’", "`"} {
			if strings.HasPrefix(rest, a) && len(rest) > len(a) && isASCIILetterByte(rest[len(a)]) {
				return true
			}
		}
	}
	return false
}

func isASCIILetterByte(c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z'
}

// uzbekX reports whether a name without those letters still reads as
// Uzbek: a word beginning with x and a vowel (Xudoyberdi, Xurshid), or
// with an x inside it no other Latin spelling writes (Shoxrux), beside
// a surname ending as Russian writes Central Asian ones (-ov, -ev, -ova,
// -eva: Nurmatov). A Western name with an initial x (Xavier Dupont) has
// no such surname; Xenia Ivanova read Khenia stays Kseniya's spelling.
func uzbekX(ws []word) bool {
	x, surname := false, false
	for _, w := range ws {
		s := w.s
		if len(s) >= 3 && s[0] == 'x' && isVowel(s[1]) {
			x = true
		}
		// or an x after a vowel and before a consonant or at the word's
		// end, where English and French write none (Shoxrux, Baxtiyor;
		// not Alexander, Maxim).
		for i := 1; i < len(s) && len(s) >= 4; i++ {
			if s[i] == 'x' && isVowel(s[i-1]) && (i == len(s)-1 || !isVowel(s[i+1])) {
				x = true
			}
		}
		for _, e := range []string{"ov", "ev", "ova", "eva"} {
			if len(s) > len(e)+2 && strings.HasSuffix(s, e) {
				surname = true
			}
		}
	}
	return x && surname
}

// markUzbek reads the x of a name's words as kh, the Cyrillic х it
// writes; the forms join the words' fold keys, compared and indexed.
func markUzbek(ws []word) {
	for i := range ws {
		if strings.IndexByte(ws[i].s, 'x') < 0 {
			continue
		}
		ws[i].uzbek = true
		ws[i].addFolds([]string{strings.ReplaceAll(ws[i].s, "x", "kh")})
	}
}
