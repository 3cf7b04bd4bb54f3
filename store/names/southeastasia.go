package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// Myanmar names are a few syllables written without spaces (မင်းအောင်လှိုင်,
// Min Aung Hlaing), which Latin sources write as one word per syllable in
// a spelling no letter-by-letter rule gives: go-unidecode writes
// "mng:aeaangliung". A syllable found in the table is written as sources
// write it; any other is read letter by letter.
//
//go:embed data/myanmar.txt
var myanmarTable []byte

var myanmarSyllables = sync.OnceValue(func() map[string]string { return readSpellings(myanmarTable) })

// latinVariants returns the lines of a table of spellings that give a
// word more than one (ပြည် pyi pyae pye) as lines of those spellings, for
// the table of forms: Aung Pyae Sone and Aung Pyi Sone are one name.
func latinVariants(table []byte) []byte {
	var b bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(table))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 3 && !strings.HasPrefix(f[0], "#") {
			b.WriteString(strings.Join(f[1:], " "))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// Khmer names are written word by word, but their vowels read differently
// after the two series of consonants and names keep spellings no letter
// rule gives (ហ៊ុន សែន, Hun Sen): common name words are looked up whole.
//
//go:embed data/khmer.txt
var khmerTable []byte

var khmerWords = sync.OnceValue(func() map[string]string { return readSpellings(khmerTable) })

// khmerWord romanises a Khmer word: from the table, or letter by letter.
func khmerWord(w string) string {
	if en, ok := khmerWords()[w]; ok {
		return en
	}
	return translitOther(w)
}

// readSpellings reads a table of "word spelling" lines (# starts a comment).
func readSpellings(table []byte) map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(table))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) >= 2 {
			m[f[0]] = f[1] // the spellings after the first are its variants (latinVariants)
		}
	}
	return m
}

const (
	myanmarAsat   = '\u103a' // a consonant before it closes the syllable
	myanmarVirama = '\u1039' // the consonant after it is stacked in the syllable
)

// myanmarTones are the tone marks, which do not change a name's spelling.
var myanmarTones = strings.NewReplacer("\u1037", "", "\u1038", "")

// myanmarWord romanises a Myanmar word, one Latin word per syllable.
func myanmarWord(w string) string {
	rs := []rune(myanmarTones.Replace(w))
	table := myanmarSyllables()
	starts := []int{0}
	for i := 1; i < len(rs); i++ {
		if myanmarSyllableStart(rs, i) {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(rs))
	var parts []string
	for k := 0; k+1 < len(starts); k++ {
		start, end := starts[k], starts[k+1]
		syl := string(rs[start:end])
		if k+2 < len(starts) {
			// Two syllables the table holds together: a Pali or Sanskrit word
			// read as it is spelt in names (သီရိ Thiri, where ရ alone is y).
			if en, ok := table[string(rs[start:starts[k+2]])]; ok {
				parts = append(parts, en)
				k++
				continue
			}
		}
		if syl == "ဦ" && start == 0 {
			parts = append(parts, "u") // first, the honorific U (ဦးသိန်းစိန်, U Thein Sein)
		} else if en, ok := table[syl]; ok {
			parts = append(parts, en)
		} else {
			parts = append(parts, myanmarRead(rs[start:end], table))
		}
	}
	return strings.Join(parts, " ")
}

// myanmarSyllableStart reports whether a syllable begins at rs[i]: a
// consonant or an independent vowel that no asat or virama after it makes
// a final, and no virama before it stacks.
func myanmarSyllableStart(rs []rune, i int) bool {
	r := rs[i]
	if !(r >= '\u1000' && r <= '\u1021' || r >= '\u1023' && r <= '\u102a') {
		return false
	}
	if rs[i-1] == myanmarVirama {
		return false
	}
	return i+1 >= len(rs) || rs[i+1] != myanmarAsat && rs[i+1] != myanmarVirama
}

// myanmarRead reads a syllable the table does not hold by the rules of
// the spellings Myanmar names take in Latin letters, the sound rather
// than the letters: an initial consonant (သ th, ထ ht, ဇ z, ရ y), its
// medials (ျ and ြ a y, ကျ ky, ချ ch; ှ an h before, လှ hl, ရှ sh; ွ a w),
// and the vowel the marks and the final consonant make together (တင်
// tin, ထက် htet, လှိုင် hlaing, မြတ် myat, သိန် thein, ဇော် zaw). A
// consonant stacked under a virama closes this syllable and begins the
// next (သန္တာ, than-da: Thandar). Written for vigie from the spellings of
// the syllables in data/myanmar.txt; what they disagree on is in the table.
func myanmarRead(rs []rune, table map[string]string) string {
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == myanmarVirama {
			next := string(rs[i+1:])
			if en, ok := table[next]; ok {
				return myanmarRead(append(rs[:i:i], myanmarAsat), table) + " " + en
			}
			return myanmarRead(append(rs[:i:i], myanmarAsat), table) + " " + myanmarRead(rs[i+1:], table)
		}
	}
	if len(rs) == 0 {
		return ""
	}
	onset, ok := myanmarInitials[rs[0]]
	vowelOnly := false
	if !ok {
		v, ok := myanmarVowelLetters[rs[0]]
		if !ok {
			return strings.ReplaceAll(translitOther(string(rs)), ":", "")
		}
		onset, vowelOnly = v, true
	}
	var y, w, h, e, a, i, u, uu, ai, an bool
	final := ""
	for k := 1; k < len(rs); k++ {
		switch r := rs[k]; r {
		case '\u103b', '\u103c':
			y = true
		case '\u103d':
			w = true
		case '\u103e':
			h = true
		case '\u1031':
			e = true
		case '\u102b', '\u102c':
			a = true
		case '\u102d', '\u102e':
			i = true
		case '\u102f':
			u = true
		case '\u1030':
			uu = true
		case '\u1032':
			ai = true
		case '\u1036':
			an = true
		case myanmarAsat:
		default:
			if k+1 < len(rs) && rs[k+1] == myanmarAsat {
				if c, ok := myanmarInitials[r]; ok {
					final = c
				}
			}
		}
	}
	if vowelOnly {
		return onset
	}
	switch {
	case y && onset == "k":
		onset = "ky"
	case y && onset == "kh":
		onset = "ch"
	case y && onset == "g":
		onset = "gy"
	case y && onset == "ng":
		onset = "ny"
	case y:
		onset += "y"
	}
	if h {
		switch onset {
		case "y":
			onset = "sh"
		case "":
		default:
			onset = "h" + onset
		}
	}
	closedW := w && (final == "t" || final == "n" || final == "p" || final == "m")
	if w && !closedW {
		onset += "w"
	}
	return onset + myanmarRhyme(onset, final, e, a, i, u, uu, ai, an, closedW)
}

// myanmarRhyme is the Latin spelling of a syllable's vowel marks and final,
// after the onset: an open syllable's vowels as names spell them (ေ ay,
// ာ ar, ူ oo, ို oe: Nay, Thar, Htoo, Soe), but e and o after a w or y
// (Swe, Myo) and aye alone (Aye).
func myanmarRhyme(onset, final string, e, a, i, u, uu, ai, an, closedW bool) string {
	glide := strings.HasSuffix(onset, "w") || strings.HasSuffix(onset, "y")
	switch {
	case closedW && (final == "n" || final == "m"):
		return "un"
	case closedW:
		return "ut"
	case e && a:
		switch final {
		case "k":
			return "auk"
		case "ng":
			return "aung"
		}
		return "aw"
	case i && u:
		switch final {
		case "k":
			return "aik"
		case "ng":
			return "aing"
		}
		if glide {
			return "o"
		}
		return "oe"
	case final == "":
		switch {
		case an && u:
			return "on"
		case an:
			return "an"
		case e && onset == "":
			return "aye"
		case e && !glide:
			return "ay"
		case e, ai:
			return "e"
		case i:
			return "i"
		case u:
			return "u"
		case uu:
			return "oo"
		case a:
			return "ar"
		}
		return "a"
	case i:
		return "ei" + myanmarFinalSound[final]
	case u, uu:
		return "o" + myanmarFinalSound[final]
	}
	switch final {
	case "k":
		return "et"
	case "ng":
		return "in"
	case "s":
		return "it"
	case "ny":
		return "i"
	case "y":
		return "e"
	case "t", "p":
		return "at"
	}
	return "a" + myanmarFinalSound[final]
}

// myanmarFinalSound is how a final consonant sounds after i and u: a stop
// is said as a glottal stop, written k (သိပ် theik, ကုတ် kok; after a w,
// t: ထွတ် htut), a nasal as n.
var myanmarFinalSound = map[string]string{"k": "k", "t": "k", "p": "k", "s": "k", "n": "n", "m": "n", "ng": "n", "ny": "n"}

// myanmarInitials are the Latin spellings of Myanmar's consonants at the
// head of a syllable, and (myanmarFinalSound) at its end.
var myanmarInitials = map[rune]string{
	'က': "k", 'ခ': "kh", 'ဂ': "g", 'ဃ': "g", 'င': "ng", 'စ': "s", 'ဆ': "s", 'ဇ': "z", 'ဈ': "z",
	'ဉ': "ny", 'ည': "ny", 'ဋ': "t", 'ဌ': "ht", 'ဍ': "d", 'ဎ': "d", 'ဏ': "n", 'တ': "t", 'ထ': "ht",
	'ဒ': "d", 'ဓ': "d", 'န': "n", 'ပ': "p", 'ဖ': "ph", 'ဗ': "b", 'ဘ': "b", 'မ': "m", 'ယ': "y",
	'ရ': "y", 'လ': "l", 'ဝ': "w", 'သ': "th", 'ဟ': "h", 'ဠ': "l", 'အ': "",
}

// myanmarVowelLetters are the independent vowels, read whole.
var myanmarVowelLetters = map[rune]string{'ဣ': "i", 'ဤ': "i", 'ဥ': "u", 'ဦ': "u", 'ဧ': "e", 'ဩ': "aw", 'ဪ': "aw"}
