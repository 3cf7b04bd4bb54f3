package names

import "strings"

// Armenian names reach records in two traditions: the Latin spellings of
// Armenia's passports (Hovhannes Sargsyan, Lilit Hakobyan) and the Russian
// forms Soviet papers gave them, which drop the h and voice and unvoice
// consonants as Western Armenian does (Ованес Саркисян, Лилит Акопян;
// Hagopian in the diaspora). In a name whose surname ends as Armenian
// ones do, the scorer compares the words without their h and with b, g, d
// read as p, k, t (armenianForm).

// armenianSurname reports whether s ends as an Armenian family name does:
// -yan, -ian, -jan (Sargsyan, Sarkissian, Hakobjan), or -ants, -unts.
func armenianSurname(s string) bool {
	if len(s) < 6 {
		return false
	}
	for _, e := range []string{"yan", "ian", "jan", "ants", "unts"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// markArmenian marks every word of a name holding an Armenian surname.
func markArmenian(ws []word) {
	for _, w := range ws {
		if armenianSurname(w.s) {
			for i := range ws {
				ws[i].armenian = true
			}
			return
		}
	}
}

// armenianForm writes t without its h (but for kh, ch, sh, zh, th and
// gh), with b, g, d as p, k, t, and doubled letters single.
func armenianForm(t string) string {
	var b []byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case 'h':
			if i > 0 && strings.IndexByte("kcszgt", t[i-1]) >= 0 {
				break
			}
			continue
		case 'b':
			c = 'p'
		case 'g':
			if i+1 < len(t) && t[i+1] == 'h' {
				break
			}
			c = 'k'
		case 'd':
			c = 't'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
