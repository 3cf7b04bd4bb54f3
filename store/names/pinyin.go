package names

import (
	"slices"
	"strings"
	"sync"
)

// Chinese names written in pinyin join a given name's syllables into one
// word (Xiaoping, Denghui), and one syllable for another is another
// character, so another name: Deng Xiaoming is not Deng Xiaoping, Li
// Denghai not Li Denghui, though a letter or a vowel apart they read as a
// typo or a spelling to the scorer. A name whose every word is a run of
// pinyin syllables and one of whose words is a Chinese surname is marked
// (markPinyin); two such words made of other syllables are two names. The
// syllable table is pinyin's own: which finals each initial takes (the
// standard table, without tones).
var pinyinFinals = sync.OnceValue(func() map[string]map[string]bool {
	group := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, f := range strings.Fields(s) {
			m[f] = true
		}
		return m
	}
	velar := "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"
	palatal := "i ia ie iao iu ian in iang ing iong u ue uan un"
	retroflex := "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang i"
	dental := "a e ai ei ao ou an en ang eng ong u uo ui uan un i"
	m := map[string]map[string]bool{
		"b":  group("a o ai ei ao an en ang eng i ie iao ian in ing u"),
		"p":  group("a o ai ei ao ou an en ang eng i ie iao ian in ing u"),
		"m":  group("a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u"),
		"f":  group("a o ei ou an en ang eng u"),
		"d":  group("a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un"),
		"t":  group("a e ai ei ao ou an ang eng ong i ie iao ian ing u uo ui uan un"),
		"n":  group("a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve"),
		"l":  group("a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve"),
		"g":  group(velar),
		"k":  group(velar),
		"h":  group(velar),
		"j":  group(palatal),
		"q":  group(palatal),
		"x":  group(palatal),
		"zh": group(retroflex),
		"ch": group(retroflex),
		"sh": group(retroflex),
		"r":  group("e ao ou an en ang eng ong u ua uo ui uan un i"),
		"z":  group(dental),
		"c":  group(dental),
		"s":  group(dental),
		"y":  group("a e ao ou an in ang ing ong i u ue uan un"),
		"w":  group("a o ai ei an en ang eng u"),
		"":   group("a o e ai ei ao ou an en ang eng er"),
	}
	return m
})

// pinyinSyllable reports whether s is a syllable of pinyin.
func pinyinSyllable(s string) bool {
	table := pinyinFinals()
	for _, n := range []int{2, 1, 0} {
		if len(s) > n {
			if finals, ok := table[s[:n]]; ok && finals[s[n:]] {
				return true
			}
		}
	}
	return false
}

// pinyinSyllables cuts a word into pinyin syllables, the fewest there can
// be (xian is one, not xi an), the longer first syllable breaking a tie,
// or returns nil when the word is not pinyin. Pinyin syllables are six
// letters at most; a word of more than 24 is not cut.
func pinyinSyllables(w string) []string {
	ends := fewestCuts(len(w), 6, true, func(i, j int) bool { return pinyinSyllable(w[i:j]) })
	if ends == nil {
		return nil
	}
	out := make([]string, 0, len(ends))
	start := 0
	for _, end := range ends {
		out, start = append(out, w[start:end]), end
	}
	return out
}

// markPinyin marks the words of a name written in pinyin: two to four
// words, each a run of pinyin syllables, one of them a Chinese surname
// (or a Korean one: Li is listed with Lee and Ri; Korean names hold
// syllables pinyin lacks, Kim, Ho, Chol). A name of Wade-Giles syllables
// may be pinyin too (Li Peng): see pinyinApart.
func markPinyin(ws []word) {
	if len(ws) < 2 || len(ws) > 4 {
		return
	}
	surnames, korean := chineseSurnameForms(), koreanSurnameForms()
	// The surname first: it is a map lookup, and most names have none.
	if !slices.ContainsFunc(ws, func(w word) bool { return surnames[w.s] || korean[w.s] }) { // Li is listed with Lee and Ri
		return
	}
	for _, w := range ws {
		if pinyinSyllables(w.s) == nil {
			return
		}
	}
	for i := range ws {
		ws[i].pinyin = true
	}
}

// pinyinTranscription reports whether ws is a foreign name written in the
// pinyin of the characters Chinese transcribes it with, as China's lists
// write Uyghur, Kazakh and Tibetan names (Aierken Tuniyazi, Erkin Tuniyaz;
// Xuekelaiti Zhakeer, Shohrat Zakir; Nuer Baikeli, Nur Bekri): two to four
// words, every one pinyin, no Chinese or Korean surname among them, one
// of three syllables or more, and one syllable at least of those that
// transcribe a final consonant (er for r after another syllable; ti, zi,
// si for t, z, s and jiang for -jan at the end of a long word): Amina Ali
// and Asanka Senanayake, whose syllables pinyin has too, are not read so.
func pinyinTranscription(ws []word) bool {
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	surnames, korean := chineseSurnameForms(), koreanSurnameForms()
	long, final := false, false
	for _, w := range ws {
		if surnames[w.s] || korean[w.s] {
			return false
		}
		sy := pinyinSyllables(w.s)
		if sy == nil {
			return false
		}
		long = long || len(sy) >= 3
		for _, x := range sy[1:] {
			final = final || x == "er" // Aierken, Nuer: r
		}
		switch sy[len(sy)-1] {
		case "ti", "zi", "si", "jiang": // Xuekelaiti, Tuniyazi: a final t, z, s; -jan
			final = final || len(sy) >= 3
		}
	}
	return long && final
}

// pinyinApart reports whether two words of names written in pinyin are
// two names: other syllables, or more of them (Qinghua is not Qing: a
// given name cut in two words is joined before words are compared) — and
// neither the other's reading, when a word is Wade-Giles too (Chou, Zhou).
func pinyinApart(x, y *word) bool {
	sa, sb := pinyinSyllables(x.s), pinyinSyllables(y.s)
	if len(sa) == 0 || len(sb) == 0 || slices.Equal(sa, sb) {
		return false
	}
	return !(x.wadeGiles && slices.Contains(wadeGilesForms(x.s), y.s) || y.wadeGiles && slices.Contains(wadeGilesForms(y.s), x.s))
}

// wadeGilesApart reports whether x, one Wade-Giles syllable of a name in
// Wade-Giles, and y, a word of a name in pinyin, are two names: y has
// more syllables (Ching, Qinghua: Lai Ching-te is not Lai Qinghua) or
// another one than any x stands for (Ching, Jin).
func wadeGilesApart(x, y *word) bool {
	if !x.wadeGiles || !y.pinyin {
		return false
	}
	forms, ok := chineseReadings(x.s)
	if !ok {
		return false // not one syllable: joined words are joinedAlign's
	}
	sy := pinyinSyllables(y.s)
	switch {
	case len(sy) == 0:
		return false
	case len(sy) > 1:
		return true
	}
	return sy[0] != x.s && !slices.Contains(forms, sy[0])
}

// wadeGilesPairApart reports whether two Wade-Giles syllables written
// apart (Teng-hui) and a word of pinyin (Denghai) are two names: both are
// syllables of Wade-Giles, and the pinyin's syllables are not what they
// stand for. false when the words are not such syllables.
func wadeGilesPairApart(h1, h2, x string) bool {
	f1, ok1 := chineseReadings(h1)
	f2, ok2 := chineseReadings(h2)
	sx := pinyinSyllables(x)
	if !ok1 || !ok2 || len(sx) == 0 {
		return false
	}
	if len(sx) != 2 {
		return true
	}
	return !(sx[0] == h1 || slices.Contains(f1, sx[0])) || !(sx[1] == h2 || slices.Contains(f2, sx[1]))
}
