package names

import (
	"slices"
	"strings"
	"sync"
)

// Wade-Giles is how Taiwan, older lists and the press before 1979 write
// Mandarin: Chiang Ching-kuo for Jiang Jingguo, Teng Hsiao-p'ing for Deng
// Xiaoping, Lai Ching-te for Lai Qingde (賴清德, which vigie reads in
// pinyin). The Chinese surname table pairs the surnames' spellings; these
// functions read any syllable, so that given names meet too. Sources drop
// the apostrophe that marks aspiration (and Parse drops it anyway), so a
// syllable has up to four readings: ching is jing or qing, ping bing or
// ping. Written for vigie from the two systems' published tables.

// wgInitials are the Wade-Giles initials, longest first, with their pinyin
// readings; ch's are split by the final (see wadeGilesForms).
var wgInitials = []struct {
	wg     string
	pinyin []string
}{
	{"tz", []string{"z", "c"}}, {"ts", []string{"z", "c"}}, {"ch", nil}, {"hs", []string{"x"}},
	{"sh", []string{"sh"}}, {"ss", []string{"s"}}, {"sz", []string{"s"}},
	{"p", []string{"b", "p"}}, {"t", []string{"d", "t"}}, {"k", []string{"g", "k"}},
	{"m", []string{"m"}}, {"f", []string{"f"}}, {"n", []string{"n"}}, {"l", []string{"l"}},
	{"h", []string{"h"}}, {"j", []string{"r"}}, {"s", []string{"s"}}, {"y", []string{"y"}},
	{"w", []string{"w"}},
}

// wgFinals maps the finals Wade-Giles writes otherwise to pinyin's; the
// finals both write alike map to themselves. A syllable whose final is
// neither is no Wade-Giles.
var wgFinals = map[string]string{
	"ih": "i", "ieh": "ie", "ien": "ian", "ueh": "ue", "iung": "iong", "ung": "ong", "uei": "ui",
	"a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "e", "ei": "ei", "en": "en",
	"eng": "eng", "i": "i", "ia": "ia", "iang": "iang", "iao": "iao", "in": "in", "ing": "ing",
	"iu": "iu", "o": "o", "ou": "ou", "u": "u", "ua": "ua", "uai": "uai", "uan": "uan",
	"uang": "uang", "ui": "ui", "un": "un", "uo": "uo", "eh": "e", "iai": "iai",
}

// wadeGilesForms returns the pinyin spellings a Wade-Giles or Cantonese
// syllable can stand for, other than s itself (chineseReadings); nil when
// s is no such syllable (Dan, Mary) or reads the same in pinyin.
func wadeGilesForms(s string) []string {
	forms, _ := chineseReadings(s)
	return forms
}

// wadeGiles reads s as a Wade-Giles syllable: its pinyin spellings other
// than s, and whether s is a syllable at all (lai, ma and wen are, and read
// the same in pinyin).
func wadeGiles(s string) (forms []string, ok bool) {
	if len(s) < 1 || len(s) > 6 {
		return nil, false
	}
	switch s {
	case "erh":
		return []string{"er"}, true
	case "yeh":
		return []string{"ye"}, true
	case "yen":
		return []string{"yan"}, true
	case "yung":
		return []string{"yong"}, true
	case "yu":
		return []string{"you"}, true // and yü, written yu without its dots
	}
	initial, readings := "", []string{""}
	for _, in := range wgInitials {
		if strings.HasPrefix(s, in.wg) {
			initial, readings = in.wg, in.pinyin
			break
		}
	}
	rest := s[len(initial):]
	final, ok := wgFinals[rest]
	if !ok {
		if t := tongyong(s); t != "" {
			return []string{t}, true
		}
		return nil, false
	}
	if t := tongyong(s); t != "" {
		forms = append(forms, t)
	}
	switch {
	case initial == "ch" && (rest[0] == 'i' || rest == "u" || rest == "uan" || rest == "un" || rest == "ueh"):
		// Before i and ü (written u once its dots are gone), ch is j or q;
		// before the other vowels zh or ch.
		readings = []string{"j", "q", "zh", "ch"}
	case initial == "ch":
		readings = []string{"zh", "ch"}
	case initial == "hs" && rest[0] != 'i' && rest[0] != 'u':
		return nil, false
	}
	switch {
	case rest == "u" && (initial == "tz" || initial == "ts" || initial == "ss" || initial == "sz"):
		final = "i" // tzu is zi, ssu si
	case rest == "ih" && initial != "ch" && initial != "sh" && initial != "j":
		return nil, false
	case rest == "o" && (initial == "k" || initial == "h"):
		final = "e" // ko is ge, ho he (kuo is guo)
	case rest == "o" && initial != "" && initial != "p" && initial != "m" && initial != "f" && initial != "w" && initial != "y":
		final = "uo" // to is duo, lo luo, so suo
	}
	for _, r := range readings {
		if f := r + final; f != s && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms, true
}

// tongyong reads s as Taiwan's Tongyong pinyin (2002–2008, still on
// many of its people's papers), which writes pinyin's x and q as s and c
// before an i: Si-kun is Xikun (游錫堃), Ciou Qiu. It returns the pinyin
// syllable, or "" when s is none of these or reads the same. Wade-Giles
// has no si (it writes ssu) and no c, so the two readings do not clash.
func tongyong(s string) string {
	if len(s) < 2 || s[1] != 'i' || s[0] != 's' && s[0] != 'c' {
		return ""
	}
	final := s[1:]
	if final == "iou" {
		final = "iu" // Tongyong's ciou, siou
	}
	if f, ok := wgFinals[final]; !ok || f != final {
		return "" // a Wade-Giles final (sieh) is no Tongyong
	}
	if s[0] == 's' {
		return "x" + final
	}
	return "q" + final
}

// chineseSurnameForms are the spellings of the Chinese surname table
// (Lee, Chan, Wong, Teoh: not all are syllables of Wade-Giles).
var chineseSurnameForms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	addTableForms(m, chineseSurnames)
	return m
})

// markWadeGiles reads the words of a name written in Wade-Giles in pinyin
// too: a name of two words or more, every one a syllable or a Chinese
// surname, one of them at least read otherwise in pinyin (Chiang Ching
// kuo, Lai Ching te). A name with any other word is not read so: Dan
// Smith is not Tan Smith, nor Jan Kowalski Chan Kowalski. A name that also
// holds a surname of the Chinese table or a Chinese one of the Korean
// table (Lee, Lam, Tung; sharedSurnames) reads
// its syllables in Cantonese too (chineseReadings: Lee Ka-chiu is Li
// Jiachao), and may hold one English given name besides (John Lee
// Ka-chiu, as Hong Kong writes its people), which is not read so; without
// a surname it does not, as Tim King or Sam Wing, whose words are all
// Cantonese syllables, are no Chinese names. A name Parse read from
// Chinese characters is pinyin, not Wade-Giles: it is not marked.
func markWadeGiles(ws []word) {
	if len(ws) < 2 || len(ws) > MaxTokens {
		return
	}
	surnames := chineseSurnameForms()
	var wg, all [MaxTokens][]string
	wgOK, allOK := true, true
	wgOther, allOther, surname, chinese := false, false, false, false
	english := -1 // the English given name beside a Cantonese one
	for i, w := range ws {
		f, ok := wadeGiles(w.s)
		wgOK = wgOK && (ok || surnames[w.s])
		wg[i], wgOther = f, wgOther || len(f) > 0
		af, aok := f, ok
		if c := cantoneseSyllables[w.s]; c != nil {
			af, aok = withCantonese(f, w.s, c), true
		}
		isSurname := chineseSurname(w.s)
		if !aok && !isSurname {
			// One word of English: a given name of the tables beside two
			// words of Chinese at least, any other first or last word
			// beside three (Edwina Lau Chi-wai, Fernando Chui Sai-on).
			if english >= 0 || len(ws) < 3 || !englishGivenName(w.s) && (len(ws) < 4 || i != 0 && i != len(ws)-1) {
				allOK = false
			}
			english = i
		}
		all[i], allOther, surname, chinese = af, allOther || len(af) > 0, surname || isSurname, chinese || surnames[w.s]
		if !wgOK && !allOK {
			return
		}
	}
	forms := &wg
	switch {
	case allOK && allOther && surname && (chinese || len(ws) >= 3):
		// A surname of the Korean table (Lee, Lam) in a name of two words
		// leaves it English: Ken Lee is not Gen Lee.
		forms = &all
	case wgOK && wgOther:
		english = -1
	default:
		return
	}
	for i := range ws {
		if i != english {
			ws[i].wadeGiles = true
			ws[i].addFolds(forms[i])
		}
	}
}

// addFolds adds the keys of other spellings of w (a reading in pinyin, in
// English) to its fold keys, which the scorer compares and lookups and
// Keys search.
func (w *word) addFolds(forms []string) {
	for _, k := range keysOf(forms, w.s, w.key) {
		if !slices.Contains(w.folds, k) {
			w.folds = append(w.folds, k)
		}
	}
}

// wadeGilesJoin reports whether two Wade-Giles syllables, read in pinyin,
// are the word x: the two syllables of a given name written apart
// (Chin-p'ing) against the one word pinyin writes (Jinping).
func wadeGilesJoin(a, b, x string) bool {
	if len(x) < 4 || len(x) > 12 || len(a)+len(b) > 14 {
		return false
	}
	fa, fb := wadeGilesForms(a), wadeGilesForms(b)
	if fa == nil && fb == nil {
		return false
	}
	fa, fb = append(fa, a), append(fb, b)
	for _, p := range fa {
		if !strings.HasPrefix(x, p) {
			continue
		}
		for _, q := range fb {
			if len(p)+len(q) == len(x) && x[len(p):] == q {
				return true
			}
		}
	}
	return false
}
