package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
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

// burmeseOnly are syllables no Chinese, Korean or Vietnamese name
// writes, which tell a name of the table's syllables for a Burmese one
// (Lin Min could be Chinese; Aung Lin is Burmese).
var burmeseOnly = map[string]bool{
	"aung": true, "hlaing": true, "kyaw": true, "thein": true, "myint": true, "htun": true,
	"htoo": true, "htet": true, "htike": true, "htin": true, "naing": true, "soe": true,
	"zaw": true, "maung": true, "nyunt": true, "thaung": true, "shwe": true, "swe": true,
	"khin": true, "lwin": true, "thet": true, "kyi": true, "myo": true, "phyo": true,
	"pyae": true, "nyein": true, "khaing": true, "kyaing": true, "saung": true, "taung": true,
	"naung": true, "paing": true, "hein": true, "moe": true, "toe": true, "thiri": true,
	"wunna": true, "myat": true, "hla": true, "mya": true, "sein": true, "thant": true,
	"tay": true, "htay": true, "nwe": true,
}

// burmeseExtra are syllables names spell that the table reads by rule
// (တေဇ, Tay Za) rather than lists.
var burmeseExtra = map[string]bool{"za": true, "ne": true, "ni": true, "la": true, "ma": true}

// burmeseHonorifics come before a Burmese name (U Thant, Daw Khin, Ko
// Min Thu, Maung Min Thu, Saw Ba): a name with one and the name without
// are the one person's, and so are two with honorifics of one sex (Ko
// and Maung, a man's; Daw and Ma, a woman's: true for a man's).
var burmeseHonorifics = map[string]bool{
	"u": true, "ko": true, "maung": true, "mg": true, "saw": true, "sai": true, "bo": true, "thakin": true,
	"daw": false, "ma": false, "naw": false, "nang": false,
}

// burmeseSyllableMissing reports whether a and b are Burmese names (every
// word a syllable of the table, one at least no other language's) and b
// holds a's syllables but one or more of them, once a leading honorific
// is set aside: Burmese names have no family name, and Aung San and Tin
// Aung San are two men.
func burmeseSyllableMissing(a, b Name) bool {
	if len(b.Tokens) >= len(a.Tokens) || len(b.Tokens) < 2 || len(a.Tokens) > MaxTokens {
		return false
	}
	_, ta := burmeseWords(a.Tokens)
	_, tb := burmeseWords(b.Tokens)
	if ta == nil || tb == nil || len(tb) >= len(ta) {
		return false
	}
	left := slices.Clone(ta)
	for _, t := range tb {
		i := slices.Index(left, t)
		if i < 0 {
			return false // another word: the scorer's own rules decide
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// burmeseWords reads ts as a Burmese name: every word a syllable of the
// table (or one names spell that the table reads by rule), one at least
// no other language's; it returns the name's leading honorific, "" for
// none, and its words without it (nil when ts is no Burmese name). A name
// of two words keeps its first (Maung Kyaw: the honorific may be the name).
func burmeseWords(ts []string) (string, []string) {
	h, ts, distinct := burmeseRead(ts)
	if !distinct {
		return "", nil
	}
	return h, ts
}

// burmeseRead is burmeseWords, with whether a word is no other
// language's: ts is nil when a word is no syllable of the table.
func burmeseRead(ts []string) (string, []string, bool) {
	if len(ts) == 0 {
		return "", nil, false
	}
	table := burmeseLines()
	distinct := false
	for _, t := range ts {
		_, syllable := table[t]
		if _, h := burmeseHonorifics[t]; !syllable && !h && !burmeseOnly[t] && !burmeseExtra[t] {
			return "", nil, false
		}
		distinct = distinct || burmeseOnly[t]
	}
	if _, h := burmeseHonorifics[ts[0]]; h && len(ts) > 2 {
		return ts[0], ts[1:], distinct
	}
	return "", ts, distinct
}

// burmeseHonorificsAlike reports whether a and b are one Burmese name
// after honorifics of one sex, or one of them alone (Ko Min Thu, Maung
// Min Thu; U Kyaw Zaw Win, Kyaw Zaw Win): a man is Maung as a youth, Ko
// among his peers, U when older, and lists keep whichever a source wrote.
// A man's and a woman's honorifics (U, Daw) are two people.
func burmeseHonorificsAlike(a, b Name) bool {
	if len(a.Tokens) > MaxTokens || len(b.Tokens) > MaxTokens {
		return false
	}
	// One of the two names is enough to tell them Burmese: the other
	// holds the same words (Ko Min Thu, Maung Min Thu).
	ha, ta, da := burmeseRead(a.Tokens)
	hb, tb, db := burmeseRead(b.Tokens)
	if ta == nil || tb == nil || !da && !db || ha == hb || !slices.Equal(ta, tb) {
		return false
	}
	return ha == "" || hb == "" || burmeseHonorifics[ha] == burmeseHonorifics[hb]
}

// burmeseLines are the Latin spellings of the table's syllables, each
// with the line it is on: two spellings on one line are one syllable
// (Pyae, Pyi, Pye).
var burmeseLines = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(myanmarTable))
	for line := 0; sc.Scan(); line++ {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && !strings.HasPrefix(f[0], "#") {
			for _, l := range f[1:] {
				if _, seen := m[l]; !seen {
					m[l] = line
				}
			}
		}
	}
	return m
})

// burmeseSyllablesApart reports whether a and b are Burmese names of as
// many syllables, all the same but one, which is another syllable of the
// table (Than Shwe, Than Swe: ရွှေ and ဆွေ, gold and friend): the
// spellings of two syllables, not of one.
func burmeseSyllablesApart(a, b Name) bool {
	if len(a.Tokens) > MaxTokens || len(b.Tokens) > MaxTokens {
		return false
	}
	_, ta := burmeseWords(a.Tokens)
	_, tb := burmeseWords(b.Tokens)
	if ta == nil || tb == nil || len(ta) != len(tb) {
		return false
	}
	// The words both hold set aside (a clerk may put the last first:
	// NAING, Htet Aung), the one left on each side must be two syllables.
	left := slices.Clone(tb)
	var only []string
	for _, t := range ta {
		if i := slices.Index(left, t); i >= 0 {
			left = slices.Delete(left, i, i+1)
		} else {
			only = append(only, t)
		}
	}
	if len(only) != 1 || len(left) != 1 {
		return false
	}
	lines := burmeseLines()
	la, oka := lines[only[0]]
	lb, okb := lines[left[0]]
	return oka && okb && la != lb
}

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
