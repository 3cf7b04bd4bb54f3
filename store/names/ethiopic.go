package names

import "strings"

// Ethiopic (Amharic, Tigrinya) writes syllables: each consonant has a row
// of eight letters in Unicode, one per vowel, in the same order (ተ tä, ቱ
// tu, ቲ ti, ታ ta, ቴ te, ት t, ቶ to, ቷ twa). go-unidecode wrote the
// vowelless sixth form with an e and lost the vowel carriers አ and ዐ
// (ኢሳይያስ ኣፈወርቂ, Isaias Afwerki, came out "sayeyase afawareqi").
// ethiopicWord reads each letter as its row's consonant and its column's
// vowel: the first column's ä as e, as Latin spellings write it (መለስ,
// Meles; ተክሌ, Tekle), but as a after the throat consonants (ኃይለ, Haile;
// አሕመድ, Ahmed), and the sixth column as no vowel (ገብረ, Gebre).

const (
	ethiopicFirst = 0x1200
	ethiopicLast  = 0x135A // the last syllable; numbers and stops follow
)

// isEthiopic reports whether r is an Ethiopic syllable.
func isEthiopic(r rune) bool { return r >= ethiopicFirst && r <= ethiopicLast }

// ethiopicRows are the consonants of the rows of eight letters from
// U+1200, in order; "" is a vowel carrier (አ, ዐ), and a consonant ending
// in w is a row of labialised letters (ቈ qwä).
var ethiopicRows = []string{
	"h", "l", "h", "m", "s", "r", "s", "sh", // ሀ ለ ሐ መ ሠ ረ ሰ ሸ
	"q", "qw", "q", "qw", "b", "v", "t", "ch", // ቀ ቈ ቐ ቘ በ ቨ ተ ቸ
	"h", "hw", "n", "ny", "", "k", "kw", "kh", // ኀ ኈ ነ ኘ አ ከ ኰ ኸ
	"khw", "w", "", "z", "zh", "y", "d", "d", // ዀ ወ ዐ ዘ ዠ የ ደ ዸ
	"j", "g", "gw", "g", "t", "ch", "p", "ts", // ጀ ገ ጐ ጘ ጠ ጨ ጰ ጸ
	"ts", "f", "p", // ፀ ፈ ፐ
}

// ethiopicThroat are the rows whose first column is said with an a: the
// h sounds and the vowel carriers.
var ethiopicThroat = map[int]bool{0: true, 2: true, 16: true, 20: true, 26: true}

// ethiopicVowels are the vowels of the eight columns (the first, ä, is
// e; the sixth has none; the eighth is wa).
var ethiopicVowels = [8]string{"e", "u", "i", "a", "e", "", "o", "wa"}

// ethiopicWord writes an Ethiopic word in Latin letters; other letters
// in it are read as translitOther reads them.
func ethiopicWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if !isEthiopic(r) {
			b.WriteString(translitOther(string(r)))
			continue
		}
		off := int(r - ethiopicFirst)
		row, col := off/8, off%8
		if row >= len(ethiopicRows) {
			b.WriteString(translitOther(string(r))) // ፘ ፙ ፚ: rare ligatures
			continue
		}
		c, v := ethiopicRows[row], ethiopicVowels[col]
		switch {
		case col == 0 && ethiopicThroat[row]:
			v = "a"
		case strings.HasSuffix(c, "w") && col == 3:
			v = "a" // ቋ qwa
		case strings.HasSuffix(c, "w") && col == 7:
			v = "" // the labialised rows have no eighth column
		case col == 7:
			v = "wa"
		}
		if c == "" && v == "" {
			v = "i" // እ: a vowel said i or e (እስክንድር, Eskinder)
		}
		b.WriteString(c)
		b.WriteString(v)
	}
	return b.String()
}
