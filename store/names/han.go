package names

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
)

// Chinese writes a foreign name with characters chosen for their sound,
// its words joined by a middle dot: 弗拉基米尔·普京 (fu la ji mi er · pu
// jing) is Vladimir Putin, 唐纳德·特朗普 (tang na de · te lang pu) Donald
// Trump. go-unidecode reads each character as a pinyin syllable, so the
// words fell apart into syllables no Latin spelling has. A word of such a
// name is read whole here (hanForeignWord), and compared with a Latin
// word as katakana's are (transcribedSim), through what Chinese cannot
// write: a syllable ends only in n or ng (朗 lang is the "rum" of Trump),
// j and q stand for di, gi, ki and chi (基 ji is the di of Vladimir), x
// for s, sh and h (希拉里, Hillary), l for r, and a vowel follows every
// other consonant. A Chinese person's own name (习近平, Xi Jinping) is not
// such a name and is read syllable by syllable, as before.

// hanTranscription is how Chinese characters write foreign names.
var hanTranscription = &transcription{forms: hanForms, vowels: hanVowels}

// hanForms are the forms of a Chinese reading's skeleton letters
// (transcription).
var hanForms = map[byte]string{
	'j': "jtks",  // 基 ji is di, gi or ki; 吉 ji is j or g; 扎 zha is z (卡尔扎伊, Karzai)
	'h': "hj",    // 哈 ha, 胡 hu are Spanish's j (哈维尔, Javier; 胡安, Juan)
	'c': "ctksj", // 奇 qi is chi or ki; 契 qi ti; 茨 ci ts; 琼 qiong jo (琼斯, Jones)
	's': "scth",  // 斯 si is s or th (史密斯, Smith); 希 xi is hi
	'l': "lr",    // 拉 la is ra, 里 li ri
	'r': "rl",    // 尔 er is a final r or l
	'n': "nm",    // a syllable's n or ng stands for an m (特朗普, Trump)
	'k': "kc",    // 克 ke, 卡 ka are a c or ch (克里斯蒂娜, Christine)
	'f': "fp",    // 沃 wo, 韦 wei, 瓦 wa write Spanish's b, said as a v (诺沃亚, Noboa; 乌里韦, Uribe)
}

// hanVowels are the pinyin vowels each Latin vowel is written with
// besides itself: Chinese has no syllable for many of a foreign name's
// (唐 tang is the Don of Donald, 戈 ge the Gor of Gorbachev, 赛 sai the
// sse of Hussein, 侯 hou its Hu). An a is written a: Hassan (哈桑) is not
// Hussein (侯赛因).
// An e of ie, ue or ei is a Latin e (E); an e alone stands for any vowel.
var hanVowels = map[byte]string{
	'o': "aeu",
	'e': "aiE",
	'i': "eyE",
	'u': "oe",
}

// hanDots are the middle dots that join the words of a foreign name in
// Chinese (U+00B7 in China, U+2027 in Taiwan, U+30FB and U+2022 in text
// typed on Japanese or Western keyboards, U+22C5 and U+2219 by mistake).
const hanDots = "·‧・•⋅∙"

// minHanForeign is the number of characters from which a name without a
// middle dot is read as a foreign one: a Chinese name is two to four
// characters (欧阳建国, a surname of two), a foreign one five or more
// (弗拉基米尔, 谢尔盖 绍伊古 with a space for the dot).
const minHanForeign = 5

// hanForeign reports whether s is a foreign name as Chinese writes it: a
// middle dot between Chinese characters (弗拉基米尔·普京), or
// minHanForeign characters or more.
func hanForeign(s string) bool {
	if !hasByteFrom(s, 0xE3) {
		return false
	}
	n, afterDot := 0, false
	var prev rune
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			if n++; afterDot || n >= minHanForeign {
				return true
			}
		case strings.ContainsRune(hanDots, r) && unicode.Is(unicode.Han, prev):
			afterDot = true
		case unicode.IsSpace(r):
			// 弗拉基米尔 · 普京: spaces around the dot
		default:
			afterDot = false
		}
		if !unicode.IsSpace(r) {
			prev = r
		}
	}
	return false
}

// hanForeignWord reads a word of Chinese characters of a foreign name as
// one Latin word: each character's pinyin (go-unidecode), its initial
// written as the Latin letters it stands for most often (x as sh, q as
// ch, zh as j, c as ts), a final ng as n, and a final n dropped before a
// syllable that begins with m or n (穆罕默德, mu-han-mo-de, is Muhammad:
// the n only doubles the m), and a final ou before a vowel as o (欧尔班,
// Orbán). 乌 wu is a u (乌萨马, Usama). Any other
// letter in the word is read as translitOther reads it.
func hanForeignWord(w string) string {
	var syllables []string
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			syllables = append(syllables, translitOther(string(r)))
			continue
		}
		p, ok := hanReadings[r]
		if !ok {
			p = strings.ToLower(strings.TrimSpace(unidecode.Unidecode(string(r))))
		}
		syllables = append(syllables, hanSyllable(p))
	}
	var b strings.Builder
	for i, syl := range syllables {
		if i+1 < len(syllables) && len(syl) > 1 {
			next := syllables[i+1]
			switch {
			case next == "":
			case strings.HasSuffix(syl, "n") && (next[0] == 'm' || next[0] == 'n'):
				syl = syl[:len(syl)-1]
			case strings.HasSuffix(syl, "ou") && isVowel(next[0]):
				syl = syl[:len(syl)-1] // 欧尔班 ou-er-ban, Orbán: an o, not the w of ou before a vowel
			}
		}
		b.WriteString(syl)
	}
	return b.String()
}

// hanReadings are the readings of characters go-unidecode gives another
// reading of (卡 qia, 叶 xie, 汉 yi) than the one they have in the
// transcription of foreign names.
var hanReadings = map[rune]string{
	'卡': "ka", '叶': "ye", '汉': "han", '宁': "ning", '万': "wan", '娜': "na", '朴': "pu", '茜': "xi",
}

// hanSyllable rewrites one pinyin syllable as hanForeignWord reads it.
func hanSyllable(p string) string {
	if p == "wu" {
		return "u"
	}
	if strings.HasSuffix(p, "ng") {
		p = p[:len(p)-1] // only n and ng end a syllable
	}
	switch {
	case strings.HasPrefix(p, "zh"):
		return "j" + p[2:]
	case strings.HasPrefix(p, "ch"), strings.HasPrefix(p, "sh"):
		return p
	case strings.HasPrefix(p, "x"):
		return "sh" + p[1:]
	case strings.HasPrefix(p, "q"):
		return "ch" + p[1:]
	case strings.HasPrefix(p, "c"):
		return "ts" + p[1:]
	}
	return p
}

// maxLatinFormsHeard bounds the Latin forms latinFormsHeard returns.
const maxLatinFormsHeard = 16

// latinFormsHeard returns the forms of the Latin word l that a script
// writing names by their sound (Chinese, Japanese, Korean) writes for it,
// as the reading k (its TokenKey sk) shows them, other than l: a j said as a y (约瑟夫
// yue-se-fu, Joseph; 雅各布, Jacob), an h not said (乌戈, ウゴ: Hugo, where
// the reading begins with no h; 아머드, Ahmed), ng as n (奥比昂, Obiang: a
// Chinese syllable ends in n or ng, read n), kh as k (칼리파, Khalifa), hw as
// f (ファン, Hwang), an r or l between a vowel and a
// consonant left unwritten, each or several (博索纳罗, Bolsonaro;
// 阿尔贝托, Alberto), as Chinese writes a syllable that has none; a
// French final s after a vowel, not said (德尼, Denis; 路易, Louis); an
// English final -es said s (ゲイツ, Gates); the c of a South Slavic -ić
// written ic said ch (ヴチッチ, Vucic); the e of an initial geo, which
// only softens the g (ジョージ, George); and the w of an ow or aw before a
// consonant, one vowel with it (斯诺登, Snowden; 奥拉基, Awlaki).
func latinFormsHeard(k, sk, l string) []string {
	if len(l) < 3 || len(k) < 2 {
		return nil
	}
	base := []string{l}
	switch {
	case l[0] == 'j' && k[0] == 'y':
		base = append(base, l[1:])
	case l[0] == 'h' && isVowel(l[1]) && k[0] != 'h':
		base = append(base, l[1:])
	case l[0] == 'h' && l[1] == 'w' && k[0] == 'f':
		base = append(base, "f"+l[2:]) // ファン fan: Korean's Hwang
	case (l[0] == 'v' || l[0] == 'w') && l[1] == 'u' && k[0] == 'u':
		base = append(base, l[1:]) // 武 wu, read u, is a Vu (武契奇, Vucic)
	}
	n := len(l)
	switch {
	case n >= 5 && strings.HasSuffix(l, "es") && silentFinalE(l[:n-1]):
		base = append(base, l[:n-2]+"s") // English's final e unsaid before an s: Gates, ゲイツ geitsu (ts one letter)
	case n >= 4 && strings.HasSuffix(l, "ic") && !isVowel(l[n-3]) || n >= 5 && strings.HasSuffix(l, "ich"):
		// The -ić of South Slavic names, written without its mark: its
		// c is a ch, and so is a c before it (Vučić, ヴチッチ, 부치치).
		for _, b := range base {
			base = append(base, strings.ReplaceAll(strings.ReplaceAll(b, "ch", "c"), "c", "ch"))
		}
	}
	if i := strings.IndexByte(l, 'w'); i > 0 && (l[i-1] == 'o' || l[i-1] == 'a') && (i+1 == n || !isVowel(l[i+1]) && l[i+1] != 'y') {
		base = append(base, l[:i]+l[i+1:]) // ow, aw a vowel before a consonant: Snowden, 斯诺登 si-nuo-deng; Awlaki, 奥拉基 ao-la-ji
	}
	if n >= 5 && isVowel(k[len(k)-1]) {
		switch {
		case l[n-1] == 'd' && isVowel(l[n-2]) && sk[len(sk)-1] != 't':
			base = append(base, l[:n-1]) // a final d unwritten: 戴维 dai-wei, 大卫 da-wei, David
		case (l[n-1] == 't' || l[n-1] == 'k' || l[n-1] == 'p') && isVowel(l[n-2]) && !strings.ContainsRune("tkcp", rune(sk[len(sk)-1])):
			base = append(base, l[:n-1]) // Thai's final stop unwritten: 钦那瓦 qin-na-wa, Chinnawat
		case n >= 7 && (strings.HasSuffix(l, "tra") || strings.HasSuffix(l, "dra")) && isVowel(l[n-4]):
			base = append(base, l[:n-3]) // Thai's unsaid final -tra: 西那瓦 xi-na-wa, Shinawatra
		}
	}
	if i := strings.Index(l, "ks"); i > 0 && isVowel(l[i-1]) && !strings.Contains(sk, "ks") {
		base = append(base, l[:i]+l[i+1:]) // Thai's k before an s unwritten: 他信 ta-xin, Thaksin
	}
	if i := strings.Index(l, "zh"); i > 0 && i+2 < len(l) && isVowel(l[i-1]) && isVowel(l[i+2]) && (strings.Contains(sk, "sh") || strings.Contains(sk, "jh")) {
		base = append(base, l[:i+1]+"e"+l[i+1:]) // Azhar's zh a z and an h (أزهر), as the reading says them: アズハル a-zu-ha-ru, 阿兹哈尔, 아즈하르
	}
	if strings.HasPrefix(l, "geo") {
		base = append(base, "g"+l[2:]) // the e only softens the g: George, ジョージ jooji, 조지 joji
	}
	for _, r := range [...][2]string{{"ng", "n"}, {"kh", "k"}} {
		if strings.Contains(l, r[0]) {
			for _, b := range base {
				base = append(base, strings.ReplaceAll(b, r[0], r[1]))
			}
		}
	}
	if i := strings.IndexByte(l, 'h'); i > 0 && i+1 < len(l) && isVowel(l[i-1]) && !isVowel(l[i+1]) {
		base = append(base, l[:i]+l[i+1:]) // 아머드 a-meo-deu: Ahmed's h unwritten
	}
	if n := len(l); l[n-1] == 's' && isVowel(l[n-2]) && !strings.HasSuffix(sk, "s") {
		for _, b := range base {
			base = append(base, b[:len(b)-1])
		}
	}
	var out []string
	for _, b := range base {
		if b != l {
			out = append(out, b)
		}
		for _, f := range unwrittenLiquids(b) {
			if len(out) < maxLatinFormsHeard {
				out = append(out, f)
			}
		}
	}
	return out
}

// unwrittenLiquids returns the forms of the Latin word l without one or
// more of its first three r or l between a vowel and a consonant, which
// Chinese leaves unwritten (博索纳罗, Bolsonaro; 费迪南德·马科斯,
// Ferdinand Marcos): every combination, at most seven.
func unwrittenLiquids(l string) []string {
	var at []int
	for i := 1; i+1 < len(l) && len(at) < 3; i++ {
		if (l[i] == 'r' || l[i] == 'l') && isVowel(l[i-1]) && !isVowel(l[i+1]) && l[i+1] != 'y' && l[i+1] != l[i] {
			at = append(at, i)
		}
	}
	var out []string
	for mask := 1; mask < 1<<len(at); mask++ {
		f := []byte(l)
		for j := len(at) - 1; j >= 0; j-- {
			if mask&(1<<j) != 0 {
				f = append(f[:at[j]], f[at[j]+1:]...)
			}
		}
		out = append(out, string(f))
	}
	return out
}
