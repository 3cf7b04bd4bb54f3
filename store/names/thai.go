package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Thai is read here rather than letter by letter (go-unidecode writes
// สมชาย smchay and แก้วขาว aekwkhaw): Thai writes no vowel between the
// consonants of most syllables, writes some vowels before the consonant
// they follow in speech, gives a consonant another sound at the end of a
// syllable, and marks silent letters. thaiWord reads a word the way the
// Royal Thai General System of Transcription does, which passports and
// the lists follow closely enough for the scorer (สมชาย somchai, แก้วขาว
// kaeokhao, ศรีสุข srisuk, ประยุทธ์ prayut); no library for Go does, and the
// rules are few. A syllable's reading is not always in the letters — a
// consonant may end one syllable and begin the next (ชัชวาล chatchawan) —
// and such words, but for the commonest case, come out one vowel short,
// which the scorer reads as a slip.

// thaiConsonant is a consonant's sound at the start and at the end of a
// syllable ("" where it cannot end one).
type thaiConsonant struct{ initial, final string }

var thaiConsonants = map[rune]thaiConsonant{
	'ก': {"k", "k"}, 'ข': {"kh", "k"}, 'ฃ': {"kh", "k"}, 'ค': {"kh", "k"}, 'ฅ': {"kh", "k"}, 'ฆ': {"kh", "k"},
	'ง': {"ng", "ng"}, 'จ': {"ch", "t"}, 'ฉ': {"ch", "t"}, 'ช': {"ch", "t"}, 'ซ': {"s", "t"}, 'ฌ': {"ch", "t"},
	'ญ': {"y", "n"}, 'ฎ': {"d", "t"}, 'ฏ': {"t", "t"}, 'ฐ': {"th", "t"}, 'ฑ': {"th", "t"}, 'ฒ': {"th", "t"},
	'ณ': {"n", "n"}, 'ด': {"d", "t"}, 'ต': {"t", "t"}, 'ถ': {"th", "t"}, 'ท': {"th", "t"}, 'ธ': {"th", "t"},
	'น': {"n", "n"}, 'บ': {"b", "p"}, 'ป': {"p", "p"}, 'ผ': {"ph", "p"}, 'ฝ': {"f", "p"}, 'พ': {"ph", "p"},
	'ฟ': {"f", "p"}, 'ภ': {"ph", "p"}, 'ม': {"m", "m"}, 'ย': {"y", "i"}, 'ร': {"r", "n"}, 'ล': {"l", "n"},
	'ว': {"w", "o"}, 'ศ': {"s", "t"}, 'ษ': {"s", "t"}, 'ส': {"s", "t"}, 'ห': {"h", ""}, 'ฬ': {"l", "n"},
	'อ': {"", ""}, 'ฮ': {"h", ""},
}

const (
	thaiSilent   = '\u0E4C' // thanthakhat: the letter before it is not said
	thaiRorHan   = 'ร'      // doubled (รร), an a and the next letter its end
	thaiO        = 'อ'      // after a consonant with no vowel, the vowel o
	thaiMaiHan   = '\u0E31' // ั, a short a in a closed syllable
	thaiSaraA    = '\u0E30' // ะ
	thaiSaraAa   = '\u0E32' // า
	thaiSaraAm   = '\u0E33' // ำ
	thaiSaraE    = 'เ'
	thaiSaraAe   = 'แ'
	thaiSaraOo   = 'โ'
	thaiMaiMalai = 'ไ'
	thaiMaiMuan  = 'ใ'
)

// thaiFollowing are the vowels written after or above or below their
// consonant, with their sound.
var thaiFollowing = map[rune]string{
	thaiSaraA: "a", thaiMaiHan: "a", thaiSaraAa: "a", thaiSaraAm: "am",
	'\u0E34': "i", '\u0E35': "i", '\u0E36': "ue", '\u0E37': "ue", '\u0E38': "u", '\u0E39': "u",
}

func isThaiConsonant(r rune) bool {
	_, ok := thaiConsonants[r]
	return ok
}

func isThaiLeading(r rune) bool {
	return r == thaiSaraE || r == thaiSaraAe || r == thaiSaraOo || r == thaiMaiMalai || r == thaiMaiMuan
}

// thaiUnit is a consonant with the vowel written around it, if any.
type thaiUnit struct {
	c     rune
	vowel string
	has   bool
	// short says the vowel is ั, whose syllable a consonant always ends.
	short bool
}

// thaiCluster reports whether two consonants begin a syllable together
// (กร kr, ปล pl, กว kw, ศร sr) rather than end one and begin the next.
func thaiCluster(a, b rune) bool {
	switch b {
	case 'ร', 'ล':
		return strings.ContainsRune("กขคตปพผบฟทศส", a)
	case 'ว':
		return strings.ContainsRune("กขค", a)
	}
	return false
}

// thaiUnits cuts a word into consonants with their vowels: the tone marks
// dropped, silent letters taken out, and a vowel written before its
// consonant put after it.
func thaiUnits(w string) []thaiUnit {
	var rs []rune
	// toned marks, index for index, the consonants a tone mark sat on: a
	// syllable's first consonant, never the second of a cluster's two
	// (แก้ว is k-aeo).
	var toned []bool
	for _, r := range w {
		switch {
		case r >= '\u0E48' && r <= '\u0E4B':
			if len(toned) > 0 {
				toned[len(toned)-1] = true
			}
		case r == '\u0E47', r == '\u0E4D', r == '\u0E4E', r == 'ๆ', r == '\u0E3A':
			// the short mark, nikhahit, yamakkan, the repetition sign
		case r == thaiSilent:
			// The consonant before it (and a vowel sign on it) is not said;
			// ทร์ and ตร์ end a syllable with neither letter said (จันทร์ chan).
			for len(rs) > 0 && thaiFollowing[rs[len(rs)-1]] != "" {
				rs, toned = rs[:len(rs)-1], toned[:len(toned)-1]
			}
			if len(rs) > 0 {
				silent := rs[len(rs)-1]
				rs, toned = rs[:len(rs)-1], toned[:len(toned)-1]
				if n := len(rs); silent == 'ร' && n >= 2 && (rs[n-1] == 'ท' || rs[n-1] == 'ต') && isThaiConsonant(rs[n-2]) {
					rs, toned = rs[:n-1], toned[:n-1]
				}
			}
		default:
			rs, toned = append(rs, r), append(toned, false)
		}
	}
	var units []thaiUnit
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lead := rune(0)
		if isThaiLeading(r) && i+1 < len(rs) {
			lead, i, r = r, i+1, rs[i+1]
		}
		if !isThaiConsonant(r) {
			if v, ok := thaiFollowing[r]; ok && len(units) > 0 && !units[len(units)-1].has {
				units[len(units)-1].vowel, units[len(units)-1].has = v, true
			}
			continue
		}
		u := thaiUnit{c: r}
		// A consonant cluster with r, l or w (ประ pra, เพล phle) takes the
		// leading vowel after its second letter.
		if lead != 0 && i+2 < len(rs) && !toned[i] && thaiCluster(r, rs[i+1]) && thaiFollowing[rs[i+2]] == "" {
			units = append(units, u)
			i++
			u = thaiUnit{c: rs[i]}
		}
		var v strings.Builder
		switch lead {
		case thaiSaraE:
			v.WriteString("e")
		case thaiSaraAe:
			v.WriteString("ae")
		case thaiSaraOo:
			v.WriteString("o")
		case thaiMaiMalai, thaiMaiMuan:
			v.WriteString("ai")
		}
		// The vowel signs after it.
		for i+1 < len(rs) {
			f, ok := thaiFollowing[rs[i+1]]
			if !ok {
				break
			}
			i++
			switch {
			case lead == thaiSaraE && rs[i] == thaiSaraAa:
				v.Reset()
				v.WriteString("ao") // เ-า
			case lead == thaiSaraE && (rs[i] == '\u0E35' || rs[i] == '\u0E37'):
				v.Reset()
				if rs[i] == '\u0E35' {
					v.WriteString("ia") // เ-ีย
				} else {
					v.WriteString("uea") // เ-ือ
				}
				if i+1 < len(rs) && (rs[i+1] == 'ย' || rs[i+1] == thaiO) {
					i++
				}
			case lead != 0 && (rs[i] == thaiSaraA):
				// เ-ะ, แ-ะ, โ-ะ: the short form of the leading vowel
			case rs[i] == thaiMaiHan && i+1 < len(rs) && rs[i+1] == 'ว':
				v.WriteString("ua") // ัว
				i++
			case rs[i] == thaiMaiHan:
				v.WriteString(f)
				u.short = true
			default:
				v.WriteString(f)
			}
		}
		if v.Len() == 0 && lead == 0 && i+1 < len(rs) && rs[i+1] == thaiO && r != thaiO {
			// ทอง: อ after a consonant with no vowel is the vowel o.
			if i+2 >= len(rs) || thaiFollowing[rs[i+2]] == "" {
				v.WriteString("o")
				i++
			}
		}
		if v.Len() == 0 && lead == 0 && r != thaiRorHan && i+2 < len(rs) && rs[i+1] == thaiRorHan && rs[i+2] == thaiRorHan {
			// กรรม, วรรณ: รร after a consonant is an a, the next letter its end.
			v.WriteString("a")
			i += 2
			if i+1 >= len(rs) {
				v.WriteString("n")
			}
		}
		u.vowel, u.has = v.String(), v.Len() > 0 || lead != 0
		units = append(units, u)
	}
	return units
}

// thaiWord romanises a Thai word.
func thaiWord(w string) string {
	w = thaiTitle(w)
	units := thaiUnits(w)
	// bare counts the consonants without a vowel from k on.
	bare := func(k int) int {
		n := 0
		for ; k < len(units) && !units[k].has; k++ {
			n++
		}
		return n
	}
	var b strings.Builder
	for i := 0; i < len(units); i++ {
		u := units[i]
		c := thaiConsonants[u.c]
		if u.has {
			b.WriteString(c.initial)
			b.WriteString(u.vowel)
			// The bare consonant after a vowel ends its syllable when an odd
			// number of them follow (บุญ bun, ชินวัตร chinwat), or always
			// after ั; of two, they make the next syllable (ศิริพร siriphon).
			if n := bare(i + 1); n > 0 && (u.short || n%2 == 1) {
				i++
				b.WriteString(thaiConsonants[units[i].c].final)
				// ร after such a final is not said (ฉัตร chat, จักร chak).
				if n == 2 && units[i+1].c == 'ร' {
					i++
				} else if u.short && n >= 4 && n%2 == 0 {
					// A final after ั before three bare consonants begins
					// the next syllable too, as in words of Pali and
					// Sanskrit (รัตนพงษ์ rattanaphong).
					b.WriteString(thaiConsonants[units[i].c].initial + "a")
				}
			}
			continue
		}
		if i+1 >= len(units) {
			b.WriteString(c.initial + "o") // a consonant alone: kho
			continue
		}
		n := units[i+1]
		switch {
		case u.c == thaiO && n.c == 'ย':
			// อย: the อ leads the ย and is not said (อยู่ yu).
		case n.has && thaiCluster(u.c, n.c):
			b.WriteString(c.initial) // ประ pra, ศรี sri, กวาง kwang
		case n.has, bare(i)%2 == 1:
			// Before a vowel's consonant (ทวี thawi), or first of an odd
			// number of bare consonants (กนก kanok): an a.
			b.WriteString(c.initial + "a")
		default:
			// Two bare consonants make a syllable in o (สม som, พร phon).
			b.WriteString(c.initial + "o" + thaiConsonants[n.c].final)
			i++
		}
	}
	return b.String()
}

// Thai names in Latin letters are spelt two ways: by the Royal Thai
// General System, which the reader of Thai letters follows (ศิริพร
// siriphon, แก้วขาว kaeokhao, ศรีสุข srisuk), and by the spellings people
// choose for their passports (Siriporn, Kaewkao, Srisook). thaiFolds writes
// both the same way: the -porn of พร, the -aew of แก้ว and the -ook of สุข
// as the system writes them, and the h of aspiration dropped, which either
// writes or leaves out.
var thaiFolds = strings.NewReplacer("phorn", "pon", "porn", "pon", "aew", "aeo", "sook", "suk", "kh", "k", "ph", "p", "th", "t")

// thaiMarks are the spellings that tell a Latin word for a Thai one:
// thaiSpelling folds no other word.
var thaiMarks = []string{"porn", "phon", "aew", "aeo", "sook", "suk", "sri"}

// thaiSpelling reports whether a and b are one Thai word in the two ways
// Latin letters write Thai names (thaiFolds), ศรี's Sri written Si too:
// words of five letters or more, one of them with a Thai spelling.
func thaiSpelling(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || a == b {
		return false
	}
	marked := func(w string) bool {
		return slices.ContainsFunc(thaiMarks, func(m string) bool { return strings.Contains(w, m) })
	}
	if !marked(a) && !marked(b) {
		return false
	}
	fold := func(w string) string {
		if strings.HasPrefix(w, "sri") {
			w = "si" + w[3:]
		}
		return thaiFolds.Replace(w)
	}
	return fold(a) == fold(b)
}

// thaiTitles are the titles Thai writes glued to the given name, longest
// first: นางสาว (Miss), นาย (Mr), นาง (Mrs), and เด็กชาย, เด็กหญิง
// (boy, girl) with their abbreviations ด.ช. and ด.ญ. A register writes
// นายวิชัย ศรีสุวรรณ for Vichai Srisuwan.
var thaiTitles = []string{"เด็กหญิง", "เด็กชาย", "นางสาว", "ด.ญ.", "ด.ช.", "นาย", "นาง"}

// thaiTitle is w without a title glued before it (thaiTitles), when a
// name of two letters or more is left.
func thaiTitle(w string) string {
	for _, t := range thaiTitles {
		if rest, ok := strings.CutPrefix(w, t); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
}
