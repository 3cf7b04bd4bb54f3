package names

import (
	"slices"
	"strings"
	"sync"
)

// Chinese names in Hangul. Korean writes a Chinese person's name as
// Mandarin sounds, by the transcription rules of the National Institute of
// the Korean Language (시진핑, Xi Jinping; 리커창, Li Keqiang; 천취안궈,
// Chen Quanguo), and South Korea's lists and Korean aliases write Chinese
// names so. The Hangul reader romanises them as Korean (si jin ping), which
// meets the pinyin only by chance. HangulChineseReadings reads such a name
// back into pinyin, through the inverse of a table built from pinyin's own
// (pinyinFinals) and the rules' spelling of each initial and final; the
// readings are compared beside the Korean one, never instead of it, as
// names in kanji are (KanjiReadings), for a Korean name (김정은) is written
// the same way.
//
// Hangul loses what tells some syllables apart: 장 is zhang or jiang, 주
// zhu or jiu, 창 chang or qiang (ㅈ, ㅊ and ㅅ are both Mandarin series);
// a name's readings are its combinations, the surname's first, at most
// maxHangulChineseReadings.

// hangulChineseInitials are the Hangul initials (indices of the choseong)
// of pinyin's initials.
var hangulChineseInitials = map[string]int{
	"b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5, "g": 0, "k": 15, "h": 18,
	"j": 12, "q": 14, "x": 9, "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13, "c": 14, "s": 10, "": 11,
}

// Hangul medials (jungseong) and finals (jongseong) by their indices.
const (
	jA, jYa, jEo, jE, jYeo, jYe, jO, jWa, jU, jWo, jWe, jWi, jYu, jEu, jI = 0, 2, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16, 17, 18, 20
	fNone, fN, fL, fNg                                                    = 0, 4, 8, 21
)

// hangulChineseFinal is a pinyin final as Hangul writes it: the first
// block's medial and final, and the blocks that follow it.
type hangulChineseFinal struct {
	medial, final int
	then          string
}

var hangulChineseFinals = map[string]hangulChineseFinal{
	"a": {jA, fNone, ""}, "o": {jO, fNone, ""}, "e": {jEo, fNone, ""}, "ai": {jA, fNone, "이"},
	"ei": {jE, fNone, "이"}, "ao": {jA, fNone, "오"}, "ou": {jEo, fNone, "우"}, "an": {jA, fN, ""},
	"en": {jEo, fN, ""}, "ang": {jA, fNg, ""}, "eng": {jEo, fNg, ""}, "er": {jEo, fL, ""}, "ong": {jU, fNg, ""},
	"i": {jI, fNone, ""}, "ia": {jYa, fNone, ""}, "iao": {jYa, fNone, "오"}, "ie": {jYe, fNone, ""},
	"iu": {jYu, fNone, ""}, "ian": {jYe, fN, ""}, "in": {jI, fN, ""}, "iang": {jYa, fNg, ""}, "ing": {jI, fNg, ""},
	"iong": {jYu, fNg, ""}, "u": {jU, fNone, ""}, "ua": {jWa, fNone, ""}, "uo": {jWo, fNone, ""},
	"uai": {jWa, fNone, "이"}, "ui": {jU, fNone, "이"}, "uan": {jWa, fN, ""}, "un": {jU, fN, ""},
	"uang": {jWa, fNg, ""}, "ue": {jWe, fNone, ""}, "v": {jWi, fNone, ""}, "ve": {jWe, fNone, ""},
}

// hangulChineseAlone are the syllables with no initial, y- and w- being
// spellings of i, u and ü there.
var hangulChineseAlone = map[string]string{
	"a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우", "an": "안", "en": "언",
	"ang": "앙", "eng": "엉", "er": "얼", "yi": "이", "ya": "야", "ye": "예", "yao": "야오", "you": "유", "yan": "옌",
	"yin": "인", "yang": "양", "ying": "잉", "yong": "융", "yu": "위", "yue": "웨", "yuan": "위안", "yun": "윈",
	"wu": "우", "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완", "wen": "원", "wang": "왕", "weng": "웡",
}

// hangulBlock composes a Hangul syllable.
func hangulBlock(initial, medial, final int) string {
	return string(rune(hangulFirst + (initial*21+medial)*28 + final))
}

// hangulChineseSyllables maps a Hangul transcription of a pinyin syllable
// (one block or two) to the pinyin syllables it stands for.
var hangulChineseSyllables = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	add := func(h, py string) {
		if !slices.Contains(m[h], py) {
			m[h] = append(m[h], py)
		}
	}
	for py, h := range hangulChineseAlone {
		add(h, py)
	}
	for ini, finals := range pinyinFinals() {
		hi, ok := hangulChineseInitials[ini]
		if !ok || ini == "" {
			continue // y, w and none: hangulChineseAlone
		}
		for fin := range finals {
			f := hangulChineseFinals[fin]
			palatal := ini == "j" || ini == "q" || ini == "x"
			switch {
			case fin == "i" && retroflexOrDental[ini]:
				f.medial = jEu // 즈 zhi, 쓰 si
			case palatal && fin == "u":
				f.medial = jWi // 쥐 ju: pinyin's u there is ü
			case palatal && fin == "uan":
				f = hangulChineseFinal{jWi, fNone, "안"} // 취안 quan
			case palatal && fin == "un":
				f.medial = jWi // 쥔 jun
			}
			// After ㅈ, ㅉ and ㅊ a y-vowel is written plain: 자 jia, 주 jiu, 젠 jian.
			if hi == 12 || hi == 13 || hi == 14 {
				switch f.medial {
				case jYa:
					f.medial = jA
				case jYeo:
					f.medial = jEo
				case jYu:
					f.medial = jU
				case jYe:
					f.medial = jE
				}
			}
			py := ini + fin
			if fin == "v" || fin == "ve" {
				py = ini + "u" + fin[1:] // lü, nüe: Latin records write lu, lue
			}
			add(hangulBlock(hi, f.medial, f.final)+f.then, py)
		}
	}
	return m
})

// retroflexOrDental are the initials after which pinyin's i is the vowel
// Hangul writes ㅡ.
var retroflexOrDental = map[string]bool{"zh": true, "ch": true, "sh": true, "r": true, "z": true, "c": true, "s": true}

// maxHangulChineseReadings bounds the readings of one name.
const maxHangulChineseReadings = 4

// HangulChineseReadings returns the pinyin readings of a Chinese name
// written in Hangul (시진핑 → "xi jinping"), the likeliest first; none
// when s is not such a name: Hangul only, cut wholly into the
// transcriptions of pinyin syllables, a Chinese surname first, one or two
// syllables after it. A Korean name has syllables Mandarin has not (김,
// 박, 일, 철: Mandarin ends a syllable in n or ng only) and gets none,
// but some read both ways (이준); their Korean reading stays first.
func HangulChineseReadings(s string) []string {
	if !hasByteFrom(s, 0xEA) {
		return nil // Hangul syllables are EA-ED in their UTF-8 first byte
	}
	// The name's Hangul blocks, the spaces between words dropped: three
	// bytes each in UTF-8, so that the syllables are slices of it.
	var blocks strings.Builder
	for _, r := range s {
		switch {
		case isHangulSyllable(r):
			if blocks.WriteRune(r); blocks.Len() > 8*3 {
				return nil
			}
		case r == ' ' || r == '·' || r == '・' || r == '-':
		default:
			return nil
		}
	}
	h := blocks.String()
	table := hangulChineseSyllables()
	// Cut the blocks into syllables of one or two blocks, the fewest.
	ends := fewestCuts(len(h)/3, 2, false, func(i, j int) bool {
		_, ok := table[h[3*i:3*j]]
		return ok
	})
	if len(ends) < 2 || len(ends) > 3 {
		return nil
	}
	syls := make([][]string, 0, len(ends))
	start := 0
	for _, end := range ends {
		syls, start = append(syls, table[h[3*start:3*end]]), end
	}
	var surnames []string
	for _, py := range syls[0] {
		if chineseSurname(py) || palladiusSurnames[py] {
			surnames = append(surnames, py)
		}
	}
	if len(surnames) == 0 {
		return nil
	}
	out := surnames
	for i, alts := range syls[1:] {
		sep := "" // the given name's syllables are one word
		if i == 0 {
			sep = " "
		}
		out = products(out, alts, sep, maxHangulChineseReadings)
	}
	return out
}
