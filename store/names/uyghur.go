package names

import (
	"strings"
	"unicode/utf8"
)

// Uyghur's Arabic script (Uyghur Ereb Yéziqi) writes every vowel, so its
// words are read letter by letter, as Uyghur Latin spells them, without the
// guesses Arabic needs for the vowels it leaves out: ي is always the
// consonant y, ى the vowel i (at the end of a word too, where Arabic's alef
// maksura is an a), ې the e Pashto writes with the same letter, و the o,
// and ئ, the seat of a vowel that begins a syllable, is not read
// (ئىلھام تۇختى, Ilham Tohti; ئەلىيېۋ, Aliyev; رەبىيە قادىر, Rebiya
// Kadeer).

// uyghurLetters are the letters Uyghur writes that Arabic, Persian, Urdu
// and Pashto do not: a name holding one is read as Uyghur.
const uyghurLetters = "ۇۈۋڭ"

// uyghurName says whether an Arabic-script name is written in Uyghur's
// script: it holds one of uyghurLetters, or an ى inside a word, which
// Arabic writes only last.
func uyghurName(s string) bool {
	if strings.ContainsAny(s, uyghurLetters) {
		return true
	}
	for i := 0; ; {
		j := strings.IndexRune(s[i:], 'ى')
		if j < 0 {
			return false
		}
		i += j + len("ى")
		if r, _ := utf8.DecodeRuneInString(s[i:]); arabicLetter(r) {
			return true
		}
	}
}

// arabicLetter says whether r is a letter of the Arabic block's alphabet
// (not a mark, a digit or punctuation).
func arabicLetter(r rune) bool {
	return r >= 'ء' && r <= 'ي' || r >= 'ٱ' && r <= 'ۓ' || r == 'ە'
}

// uyghurSounds are the letters whose Uyghur reading differs from the one
// arabicLetters gives.
var uyghurSounds = map[rune]string{'ي': "y", 'ى': "i", 'و': "o", 'ھ': "h", 'ئ': ""}

// uyghurWord reads one word of a Uyghur-script name (see uyghurName).
func uyghurWord(w string) string {
	var b strings.Builder
	for _, r := range stripArabicMarks(w) {
		if s, ok := uyghurSounds[r]; ok {
			b.WriteString(s)
		} else {
			writeArabicLetter(&b, r)
		}
	}
	return b.String()
}
