package names

import "strings"

// Sinhala names (Sri Lanka's, beside their Tamil and Latin spellings) are
// read letter by letter here: go-unidecode wrote every consonant bare
// (මහින්ද රාජපක්ෂ, Mahinda Rajapaksa, as "mhind rajpks"), far from the Latin
// spelling. Sinhala's block is laid out unlike the scripts of India
// (indic.go), but works alike: a consonant carries the vowel a unless a
// vowel sign follows it or the al-lakuna (්) takes it away; unlike Hindi,
// Sinhala says the a of a word's last consonant (සිරිසේන, Sirisena). The
// letters are written as Sri Lankan names are in Latin letters: the
// aspirated consonants of Sanskrit words without their h (ගෝඨාභය,
// Gotabaya), the dental t as th (සජිත්, Sajith), ව as w (වික්‍රමසිංහ,
// Wickremesinghe), ෂ as s (Rajapaksa), æ as a (බැසිල්, Basil). Written for vigie.

const (
	sinhalaFirst    = 0x0D80
	sinhalaLast     = 0x0DFF
	sinhalaVirama   = 0x0DCA // al-lakuna
	zeroWidthJoiner = 0x200D
)

// isSinhala reports whether r is in Sinhala's block.
func isSinhala(r rune) bool { return r >= sinhalaFirst && r <= sinhalaLast }

// sinhalaConsonants are the consonants, by code point.
var sinhalaConsonants = map[rune]string{
	'ක': "k", 'ඛ': "k", 'ග': "g", 'ඝ': "g", 'ඞ': "n", 'ඟ': "ng", 'ච': "ch", 'ඡ': "ch", 'ජ': "j", 'ඣ': "j",
	'ඤ': "ny", 'ඥ': "gn", 'ඦ': "nj", 'ට': "t", 'ඨ': "t", 'ඩ': "d", 'ඪ': "d", 'ණ': "n", 'ඬ': "nd", 'ත': "th",
	'ථ': "th", 'ද': "d", 'ධ': "d", 'න': "n", 'ඳ': "nd", 'ප': "p", 'ඵ': "p", 'බ': "b", 'භ': "b", 'ම': "m",
	'ඹ': "mb", 'ය': "y", 'ර': "r", 'ල': "l", 'ව': "w", 'ශ': "sh", 'ෂ': "s", 'ස': "s", 'හ': "h", 'ළ': "l",
	'ෆ': "f",
}

// sinhalaVowels are the vowels standing alone and the vowel signs, long
// and short alike.
var sinhalaVowels = map[rune]string{
	'අ': "a", 'ආ': "a", 'ඇ': "a", 'ඈ': "a", 'ඉ': "i", 'ඊ': "i", 'උ': "u", 'ඌ': "u", 'ඍ': "ri", 'ඎ': "ri",
	'ඏ': "li", 'ඐ': "li", 'එ': "e", 'ඒ': "e", 'ඓ': "ai", 'ඔ': "o", 'ඕ': "o", 'ඖ': "au",
	'ා': "a", 'ැ': "a", 'ෑ': "a", 'ි': "i", 'ී': "i", 'ු': "u", 'ූ': "u", 'ෘ': "ru", 'ෙ': "e", 'ේ': "e",
	'ෛ': "ai", 'ො': "o", 'ෝ': "o", 'ෞ': "au", 'ෟ': "lu", 'ෲ': "ru",
}

// sinhalaSign reports whether r is a vowel sign (it follows a consonant).
func sinhalaSign(r rune) bool { return r >= 'ා' && r <= 'ෟ' || r == 'ෲ' || r == 'ෳ' }

// sinhalaWord reads a word of Sinhala letters.
func sinhalaWord(w string) string {
	var b strings.Builder
	pending := false // a consonant was written and its vowel is not yet known
	for _, r := range w {
		switch {
		case r == zeroWidthJoiner:
			continue // it shapes a cluster (ක්‍ර, kra) and says no sound
		case r == sinhalaVirama:
			pending = false
		case sinhalaSign(r):
			b.WriteString(sinhalaVowels[r])
			pending = false
		default:
			if pending {
				b.WriteByte('a')
			}
			pending = false
			if c, ok := sinhalaConsonants[r]; ok {
				b.WriteString(c)
				pending = true
			} else if v, ok := sinhalaVowels[r]; ok {
				b.WriteString(v)
			} else if r == 'ං' {
				b.WriteString("ng") // the anusvara: සිංහ, Singha
			} else if r == 'ඃ' {
				b.WriteByte('h')
			} else if !isSinhala(r) {
				b.WriteString(translitOther(string(r)))
			}
		}
	}
	if pending {
		b.WriteByte('a')
	}
	return b.String()
}
