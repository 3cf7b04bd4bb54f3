package names

import (
	"slices"
	"sync"
)

// An Arabic name has three vowels, a, i and u, and Latin spellings write
// them as dialects and habits say them (Mohamed and Muhammad, Omar and
// Umar, Morsi and Mursi, Ould and Uld), while Japanese and Korean lists
// write the name's own vowels, or the spelling's (ムハンマド muhanmado and
// モハメド mohamedo, ムルシ murushi, ウマル umaru; 무함마드 muhammadeu): a
// katakana or Hangul transcription of an Arab's name is heard with the
// vowels of any of those spellings, and its particles (アル al, イブン ibn,
// 빈 bin) read as the Latin ones.

// arabLatinName reports whether the Latin name n is an Arab's: it holds a
// given name of the Arabic table, a spelling of Muhammad or an Abd-
// compound (in its words or in their cores, the words without particles:
// Abu Mohammed's Mohammed), or a particle only Arabic names have — ibn,
// bin, bint, abu, ould, or the article al after the first word (Maher
// al-Assad; Al Gore's Al is a name).
func arabLatinName(n *Name) bool {
	lf := languageForms()
	for _, ws := range [2][]word{n.words, n.coreWords} {
		for i := range ws {
			if w := &ws[i]; w.group >= lf.arabicFrom || muhammadWord(w) || abdBase(w.s) != "" {
				return true
			}
		}
	}
	for i, t := range n.Tokens {
		if c := n.Cores[i]; c != t && len(t) > len(c) {
			switch t[:len(t)-len(c)] {
			case "ibn", "bin", "bint", "abu", "ould":
				return true
			case "al":
				if i > 0 {
					return true
				}
			}
		}
	}
	return false
}

// transcribedArabSim is transcribedSim of the reading k and the Latin word
// y, which, when y's name is an Arab's (arabLatinName), is also heard
// with Arabic's vowels (arabVowelsMeet): Morsi's o is the u of ムルシ
// murushi, Mohamed's e the a of ムハンマド muhanmado, Muhammad's a the e of
// モハメド mohamedo. Every vowel of y must then be heard: the
// transcription may leave one out of a foreign name, not here (Hussain,
// a spelling of Hussein, is no ハサン hasan). Chinese's vowels are loose
// enough (hanVowels), and its er's e, an r, is no vowel of the name.
// When both words begin with the article (al-Wuhayshi, アル＝ウハイシ
// aluhaishi), the names behind it are compared too, as the words they
// begin (the w a transcription writes u).
func transcribedArabSim(tr *transcription, k string, y *word) (float64, int) {
	arab := y.arabLatin && tr == kanaTranscription
	s, kind := transcribedSimArab(tr, k, y.s, arab)
	if kind < kindVariant && len(k) > 4 && len(y.s) > 4 && k[1] == 'l' && y.s[1] == 'l' && (k[0] == 'a' || k[0] == 'e') && (y.s[0] == 'a' || y.s[0] == 'e') {
		if rs, rk := transcribedSimArab(tr, k[2:], y.s[2:], arab); rk >= kindVariant {
			return rs, rk
		}
	}
	return s, kind
}

// transcribedSimArab is transcribedArabSim of two words, without the
// article's second look. A word of the Arabic table is heard as each
// spelling of its line, every vowel as written (Omar as Umar: ウマル
// umaru), not with Arabic's vowels: the table's names that differ in a
// vowel only are two names (Salem and Salim: サリーム sarimu is Salim).
func transcribedSimArab(tr *transcription, k, l string, arab bool) (float64, int) {
	s, kind := transcribedSim(tr, k, l)
	if kind >= kindVariant || !arab {
		return s, kind
	}
	if g := givenName(l); g >= languageForms().arabicFrom {
		for _, f := range arabicLines()[g] {
			if f == l {
				continue
			}
			if fs, fk := transcribedSimOf(tr, k, f, varyForms|allVowels); fk >= kindVariant {
				return min(fs, .88), kindVariant
			}
		}
		return s, kind
	}
	if as, ak := transcribedSimOf(tr, k, l, varyForms|arabVowels); ak >= kindVariant {
		return min(as, .88), kindVariant
	}
	return s, kind
}

// arabVowelsMeet is vowelMeets for the vowels of an Arab's name: a Latin
// vowel c and a reading's v meet when they may write one of Arabic's
// three, a (a, e), i (i, e) and u (u, o). vowelsWithin's marks meet as
// vowelMeets says.
func arabVowelsMeet(c, v byte, forms map[byte]string) bool {
	ac, av := arabVowelClass(c), arabVowelClass(v)
	if ac == 0 || av == 0 {
		return vowelMeets(c, v, forms)
	}
	return ac&av != 0
}

// arabVowelClass returns the set of Arabic's vowels a Latin vowel writes
// (1 a, 2 i, 4 u), 0 for vowelsWithin's marks.
func arabVowelClass(c byte) byte {
	switch c {
	case 'a':
		return 1
	case 'e':
		return 1 | 2
	case 'i':
		return 2
	case 'o', 'u':
		return 4
	}
	return 0
}

// transcribedParticles are the particles of Arabic names as katakana and
// Hangul write them, read back: アル aru and 알 al the article, エル eru
// its French el, イブン ibun and 이븐 ibeun ibn, ウルド urudo and 울드 uldeu
// ould, 빈 pin bin, 압델 aptel Abdel and 압둘 aptul Abdul — so that foldParticles
// reads them as it reads the Latin ones (オマル・アル＝バシール, Omar
// al-Bashir: the article, not a third name). Katakana's アブドゥル
// abuduru is left as read: joined to the name after it (Abd al-Rahman,
// abdrafuman) it would no longer read as the transcription it is.
var transcribedParticles = map[string]string{
	"aru": "al", "eru": "el", "ibun": "ibn", "ibeun": "ibn", "urudo": "ould", "uldeu": "ould",
	"aptel": "abdel", "aptul": "abdul", "pin": "bin",
}

// readTranscribedParticles rewrites the words of raw, a name read from
// katakana or Hangul (s), that are particles of Arabic names
// (transcribedParticles). A particle last stays as read: it introduces no
// name. One written onto the name after it stays too (アブデルアジズ
// abuderuajizu): the word is then read as the transcription it is.
func readTranscribedParticles(s string, raw []string) []string {
	if !hasByteFrom(s, 0xE3) {
		return raw
	}
	for i, t := range raw[:max(len(raw)-1, 0)] {
		if p, ok := transcribedParticles[t]; ok {
			raw[i] = p
		}
	}
	return raw
}

// arabicLines returns the spellings of each line of the Arabic table, by
// line, in one order run to run.
var arabicLines = sync.OnceValue(func() map[int32][]string {
	lf := languageForms()
	m := map[int32][]string{}
	for f, g := range lf.forms {
		if g >= lf.arabicFrom {
			m[g] = append(m[g], f)
		}
	}
	for _, fs := range m {
		slices.Sort(fs)
	}
	return m
})
