package names

import "strings"

// Somali's official Latin orthography (1972) writes ħ as x, the ain as c
// and long vowels doubled: Maxamed Cabdullaahi is Mohamed Abdullahi,
// Xasan Daahir Aweys Hassan Dahir Aweys, Cumar Omar. Somali registers and
// media write names so; lists and the press write them the English way.

// somaliForm is t read the English way: x as h, a c before a vowel at a
// word's start or between vowels as nothing (the ain), a doubled vowel as
// one. "" when nothing changes.
func somaliForm(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == 'x':
			b.WriteByte('h')
		case c == 'c' && i+1 < len(t) && isVowel(t[i+1]) && (i == 0 || isVowel(t[i-1])),
			c == 'c' && i+1 == len(t) && i > 1 && isVowel(t[i-1]):
			// the ain: dropped, last too (Jaamac, Jama)
		case isVowel(c) && i > 0 && t[i-1] == c && c != 'y':
			// the second letter of a long vowel
		default:
			b.WriteByte(c)
		}
	}
	if f := b.String(); f != t {
		return f
	}
	return ""
}

// somaliMarked reports whether t has a mark of Somali spelling: an x
// beginning a word or after an a, i or u (Xasan, Maxamed, Axmed; not
// Alexander's or Roxana's) or a doubled a, i or u (Cabdullaahi,
// Maxamuud).
func somaliMarked(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		switch {
		case t[i] == 'x' && (i == 0 && isVowel(t[1]) || i > 0 && strings.IndexByte("aiu", t[i-1]) >= 0):
			return true
		case (t[i] == 'a' || t[i] == 'i' || t[i] == 'u') && t[i+1] == t[i]:
			return true
		}
	}
	return false
}

// markSomali reads the words of a name in Somali spelling the English way
// too: a name of two words or more, two of them with a mark of Somali
// spelling, or one and a word beginning with c and a vowel (Cumar Xasan,
// Cali Mahdi Maxamed), or a word beginning xa or xo, which no pinyin
// syllable does (Xasan Warsame); one other mark alone is not enough
// (Alexander, Maarten, Xu).
// Their forms join the words' fold keys, compared and indexed (Keys).
func markSomali(ws []word) {
	if len(ws) < 2 {
		return
	}
	marked, ain := 0, 0
	for _, w := range ws {
		if somaliMarked(w.s) {
			marked++
			if len(w.s) > 2 && w.s[0] == 'x' && (w.s[1] == 'a' || w.s[1] == 'o') {
				ain++ // Xasan, Xamsa: no pinyin syllable begins xa or xo
			}
		}
		if len(w.s) > 2 && w.s[0] == 'c' && isVowel(w.s[1]) {
			ain++ // with a mark, two (Cabdullaahi)
		}
	}
	if marked == 0 || marked+ain < 2 {
		return
	}
	for i := range ws {
		f := somaliForm(ws[i].s)
		if f == "" {
			continue
		}
		if b := abdBase(f); b != "" && b != "abd" {
			f = b // Cabdullaahi read abdullahi is Abdullahi, the one word abdlahi
		}
		ws[i].somali = true
		forms := []string{f}
		if e := ainE(ws[i].s, f); e != "" {
			forms = append(forms, e)
		}
		ws[i].addFolds(forms)
	}
}

// ainE is the English way's other reading of a Somali word beginning with
// the ain (f its somaliForm): before i an e as often as an i (Cigaal is
// Egal, Cilmi Elmi, Ciise Eisa), before u an o as often as a u (Cumar is
// Omar, Cusmaan Osman, Cukaash Okash). "" for any other word.
func ainE(t, f string) string {
	switch {
	case strings.HasPrefix(t, "ci") && strings.HasPrefix(f, "i"):
		return "e" + f[1:]
	case strings.HasPrefix(t, "cu") && strings.HasPrefix(f, "u"):
		return "o" + f[1:]
	}
	return ""
}

// somaliMeets reports whether the Somali spelling a, read the English way,
// is b.
func somaliMeets(a, b string) bool {
	f := somaliForm(a)
	return f != "" && (f == b || b != "" && ainE(a, f) == b)
}
