package names

import (
	"slices"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"github.com/mozillazg/go-unidecode"
)

// Hong Kong and Macau write their people's names as Cantonese says them
// (Lee Ka-chiu, Lam Cheng Yuet-ngor, Tung Chee-hwa), Singapore and
// Malaysia often as Hokkien or Teochew does (Lee Kuan Yew), while lists
// give the same people's names in Chinese characters (李家超, 林鄭月娥,
// 董建華, 李光耀), which vigie reads in pinyin (li jia chao, lin zheng yue
// e). No rule turns a Cantonese syllable into the Mandarin one: ka is jia
// (家, 嘉), chiu chao or zhao (超, 趙), ngor e (娥). cantoneseSyllables
// lists, for the syllables these spellings write in given names, the
// pinyin syllables of the characters they most often stand for; a name
// whose every word is such a syllable, a Wade-Giles one or a Chinese
// surname is read in pinyin through them (markWadeGiles), as a Wade-Giles
// name is. The surnames' own spellings are in data/chinese.txt and
// data/korean.txt. Written for vigie from the Hong Kong government's
// romanisation of Cantonese and the characters common in names; syllables
// that are common words or names of other languages are left out (kim,
// moon, van, hee, young), as are the Hokkien spellings of surnames (Tan
// is 陳 in Singapore and 譚 elsewhere).
var cantoneseSyllables = map[string][]string{
	"ah": {"a", "ya"}, "beng": {"ming"}, "boon": {"wen"}, "chak": {"ze", "zhai"},
	"chau": {"zhou", "qiu"}, "chee": {"zhi", "qi", "ci", "chi", "zi"},
	"cheng": {"zheng", "qing", "jing"}, "cheong": {"chang", "zhang", "xiang"}, "cheuk": {"zhuo"},
	"cheung": {"zhang", "xiang", "chang"}, "chi": {"zhi", "zi", "chi", "ci"}, "chik": {"zhi"},
	"chim": {"zhan"}, "chin": {"qian", "zhan"}, "ching": {"zheng", "cheng", "jing", "qing"},
	"chit": {"zhe", "jie"}, "chiu": {"chao", "zhao", "qiao"}, "choi": {"cai"}, "chor": {"chu", "zuo"},
	"chow": {"zhou", "chou"}, "chuen": {"quan", "chuan", "cun"}, "chuk": {"zhu"}, "cho": {"zu", "cao", "zuo"}, "dik": {"di"}, "bun": {"bin", "ban"}, "pik": {"bi"}, "oi": {"ai"}, "suet": {"xue"}, "fook": {"fu"},
	"chun": {"zhen", "jun", "chun", "jin"}, "chung": {"zhong", "cong", "chong", "zong"}, "fai": {"hui"},
	"fat": {"fa"}, "fok": {"huo"}, "fong": {"fang"}, "foo": {"fu"}, "fuk": {"fu"},
	"fun": {"fen", "huan", "kuan"}, "fung": {"feng"}, "ha": {"xia"}, "hak": {"ke", "hei"},
	"hang": {"xing", "heng", "hang", "keng"}, "hau": {"hou", "qiao"}, "hei": {"xi", "qi"},
	"him": {"qian", "xian"}, "hin": {"xuan", "xian"}, "hing": {"xing", "qing"},
	"ho": {"hao", "he", "ke"}, "hock": {"fu"}, "hoi": {"kai", "hai"}, "hok": {"xue", "he"},
	"hon": {"han"}, "hong": {"kang", "hang", "hong"}, "huat": {"fa"}, "hui": {"xu", "hui"},
	"hung": {"hong", "xiong", "kong"}, "hwa": {"hua"}, "ip": {"ye"}, "ka": {"jia"}, "kim": {"jian", "jin"}, "lam": {"lin", "lan"}, "mung": {"meng"},
	"kai": {"jie", "qi", "jia", "ji"}, "kam": {"jin", "gan", "qin"}, "kan": {"jian", "gan"},
	"kau": {"jiu", "qiu", "gou"}, "kee": {"ji", "qi"}, "kei": {"ji", "qi"},
	"keung": {"qiang", "jiang"}, "ki": {"ji", "qi"}, "kiat": {"jie"}, "kin": {"jian", "qian"},
	"king": {"jing", "qiong", "qing"}, "kit": {"jie"}, "kiu": {"qiao", "jiao"}, "kok": {"guo"},
	"kong": {"jiang", "gang", "kang"}, "kuan": {"guang", "guan"}, "kuen": {"quan", "juan"},
	"kuk": {"ju", "qu"}, "kwai": {"gui", "kui"}, "kwan": {"jun", "qun", "kun", "guan"},
	"kwok": {"guo"}, "kwong": {"guang", "kuang"}, "kwun": {"guan", "kun", "jun"},
	"lai": {"li", "lai"}, "lap": {"li"}, "lik": {"li"}, "lok": {"le", "luo"}, "loong": {"long"},
	"lui": {"lei", "lu"}, "lung": {"long"}, "man": {"wen", "min", "wan", "man"}, "ming": {"ming"},
	"mo": {"mao", "wu", "mo"}, "mui": {"mei"}, "mun": {"men", "man"}, "nam": {"nan"},
	"ngai": {"wei", "yi"}, "ngan": {"yan", "yin"}, "ngar": {"ya"}, "ngo": {"e", "ao"}, "ngor": {"e"},
	"nin": {"nian"}, "on": {"an"}, "pak": {"bai", "bo", "bei"}, "ping": {"ping", "bing"},
	"po": {"bao", "bo", "pu"}, "pok": {"bo", "pu"}, "pong": {"bang", "pang"}, "pui": {"pei", "bei"},
	"sai": {"xi", "shi"}, "sam": {"sen", "shen", "san", "cen"}, "san": {"shan", "xin", "san"},
	"sang": {"sheng"}, "sau": {"xiu", "shou"}, "sek": {"shi", "xi"}, "seng": {"cheng", "sheng"},
	"shek": {"shi"}, "sheung": {"shang", "chang"}, "shing": {"cheng", "sheng"},
	"shiu": {"shao", "zhao"}, "shuk": {"shu"}, "shun": {"shun", "chun", "xin"}, "sik": {"shi", "xi"},
	"sin": {"xian", "shan"}, "sing": {"xing", "sheng", "cheng"}, "siu": {"xiao", "shao", "zhao"},
	"suen": {"sun", "xuan"}, "sui": {"rui", "sui", "xu"}, "suk": {"shu", "su"},
	"sum": {"shen", "xin", "sen"}, "sun": {"xin", "sun", "shen"}, "sung": {"song"},
	"sze": {"si", "shi"}, "tai": {"dai", "di"}, "tak": {"de"}, "tat": {"da"}, "teck": {"de"},
	"tim": {"tian"}, "tin": {"tian"}, "ting": {"ding", "ting"}, "tiong": {"zhong"},
	"to": {"du", "tao"}, "tsang": {"zeng", "ceng"}, "tse": {"xie"}, "tsoi": {"cai"},
	"tsui": {"xu", "cui"}, "tsun": {"jun", "zun", "cun", "jin"}, "tsz": {"zi", "ci"}, "wa": {"hua"},
	"wah": {"hua"}, "wai": {"wei", "hui"}, "wan": {"yun", "wen", "huan", "yin", "wan"},
	"wing": {"rong", "yong", "ying"}, "woon": {"huan"}, "yat": {"yi", "ri"},
	"yau": {"you", "qiu", "rou"}, "yee": {"yi", "er"}, "yeuk": {"ruo", "yue"}, "yew": {"yao", "you"},
	"yi": {"yi", "er"}, "yik": {"yi"}, "yim": {"yan"}, "yin": {"xian", "yan", "ran"},
	"yiu": {"yao", "rao"}, "yan": {"ren", "en", "xin", "yin"}, "yu": {"yu", "ru"}, "yuen": {"yuan", "ruan"}, "yuet": {"yue"},
	"yuk": {"yu"}, "yung": {"rong", "weng", "yong"},
	// Surnames the tables spell for another character: Hong Kong's Tang is
	// 鄧 (Deng) more often than 唐, its Wong 黃 (Huang) more often than 王.
	"au": {"ou"}, "chui": {"cui", "xu"}, "koo": {"gu"}, "lo": {"lu", "luo"}, "mak": {"mai"},
	"mok": {"mo"}, "sham": {"cen"}, "so": {"su"}, "tam": {"tan"}, "tang": {"deng"},
	"wong": {"huang", "wang"}, "wu": {"hu"}, "yam": {"ren", "yin"},
}

// sharedSurnames are the Chinese spellings of surnames on the lines of
// data/korean.txt (李 Lee, 林 Lam, 鄭 Cheng, 張 Cheung, 楊 Yeung, 高 Ko),
// which markWadeGiles reads as Chinese ones; Kim, Park and Choi are not.
var sharedSurnames = map[string]bool{
	"lee": true, "li": true, "lam": true, "lim": true, "lin": true, "cheng": true, "chung": true,
	"zheng": true, "cheung": true, "cheong": true, "chang": true, "zhang": true, "teoh": true,
	"ko": true, "koh": true, "gao": true, "kao": true, "yeung": true, "yang": true, "ieong": true,
	"koo": true, "gu": true,
}

// chineseSurname reports whether t is a Chinese surname: of the Chinese
// table, or a Chinese form on a line of the Korean one.
func chineseSurname(t string) bool { return chineseSurnameForms()[t] || sharedSurnames[t] }

// chineseReadings returns the pinyin syllables a syllable of a Chinese
// name in Latin letters can stand for, other than s itself — its
// Wade-Giles readings (wadeGiles) and its Cantonese or Hokkien ones
// (cantoneseSyllables) — and whether s is such a syllable at all.
func chineseReadings(s string) (forms []string, ok bool) {
	forms, ok = wadeGiles(s)
	c, isCantonese := cantoneseSyllables[s]
	if !isCantonese {
		return forms, ok
	}
	return withCantonese(forms, s, c), true
}

// withCantonese adds to forms, the Wade-Giles readings of s, its
// Cantonese ones c that forms lacks.
func withCantonese(forms []string, s string, c []string) []string {
	out := slices.Clip(forms) // forms is also the Wade-Giles reading alone
	for _, f := range c {
		if f != s && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// hanText reports whether s holds a Chinese character: a name read from
// them is pinyin, whose syllables are no Wade-Giles or Cantonese spelling
// (markWadeGiles).
func hanText(s string) bool {
	return holdsRune(s, 0xE3, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// hanSurnames are the readings of characters that go-unidecode reads
// otherwise than as the surnames they are (葉 Xie, 沈 Chen, 曾 Ceng: the
// surnames Ye, Shen and Zeng, among the commonest), read so as the first
// character of a Chinese name.
var hanSurnames = map[rune]string{
	'葉': "Ye", '叶': "Ye", '沈': "Shen", '曾': "Zeng", '區': "Ou", '仇': "Qiu", '單': "Shan", '单': "Shan",
	'解': "Xie", '樂': "Yue", '查': "Zha", '繆': "Miao", '缪': "Miao", '覃': "Qin", '万': "Wan", '朴': "Piao",
	'蓋': "Ge", '盖': "Ge", '種': "Chong",
}

// hanNativeWord reads a word of a Chinese person's name in pinyin, a
// syllable per character, its first character as a surname when first is
// set. The characters' readings are go-pinyin's (its most common reading
// of each), which go-unidecode's are not always: 宁 was zhu (Luo Huining,
// 骆惠宁), 洁 ji, 娜 nuo; a few characters names read otherwise than
// go-pinyin's first reading are hanGiven's (长 chang). A character
// go-pinyin lacks is read by go-unidecode (translitOther).
func hanNativeWord(w string, first bool) string {
	var b strings.Builder
	for i, r := range w {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if p, ok := hanSurnames[r]; ok && first && i == 0 {
			b.WriteString(p)
			continue
		}
		if p, ok := hanGiven[r]; ok {
			b.WriteString(p)
			continue
		}
		if ps := pinyin.SinglePinyin(r, pinyinArgs); len(ps) > 0 && ps[0] != "" {
			b.WriteString(ps[0])
			continue
		}
		b.WriteString(translitOther(string(r)))
	}
	return b.String()
}

// pinyinArgs asks go-pinyin for a character's readings without tones.
var pinyinArgs = pinyin.Args{Style: pinyin.Normal, Heteronym: false}

// hanGiven are readings of characters names take otherwise than
// go-pinyin's first reading gives them.
var hanGiven = map[rune]string{'长': "chang", '長': "chang"}

// HanSounds is the Mandarin syllable of each Chinese character of s, in
// order ("" when s has none), one per character however it is written: 张
// and 張 are both zhang. Two names in Chinese characters with no syllable
// in common share no character; their Korean or Japanese readings may
// still sound alike (韩正 han jong, 崔炅煥 choi kyong hwan), and say
// nothing then. At most MaxInput bytes of s are read.
func HanSounds(s string) string {
	if !hanText(s) {
		return ""
	}
	if len(s) > MaxInput {
		s = truncate(s, MaxInput)
	}
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(strings.TrimSpace(unidecode.Unidecode(string(r)))))
	}
	return b.String()
}

// ShareSound reports whether two HanSounds have a syllable in common.
func ShareSound(a, b string) bool {
	for x := range strings.FieldsSeq(a) {
		for y := range strings.FieldsSeq(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}
