package names

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"sync"
)

// Korean names are romanised here rather than by go-unidecode, which
// writes a whole name as one word (김정은 → gimjeongeun): a Korean name is
// a surname of one syllable and a given name of two, and Latin sources
// write the given name's syllables as words (Kim Jong Un, Kim Jong-un).
// Syllables follow the romanisation North Korean names are published in
// (ㄱ k, ㅓ o, ㅡ u), which the skeleton folds with the South's (g/k, d/t,
// b/p agree there); surnames take their usual spelling (이 Lee, 박 Park),
// and the table of name forms pairs the others (Ri, Rhee, Yi; Pak, Bak).

const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
)

var (
	hangulInitials = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulMedials  = [21]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	hangulFinals   = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// hangulForeignMedials are hangulMedials with ㅓ eo, ㅕ yeo and ㅡ eu:
// in a foreign name ㅡ is the vowel Korean writes where the name has
// none (스노든 seu-no-deun, Snowden) or an English unsaid one (존슨
// jon-seun, Johnson), any vowel to vowelsWithin.
var hangulForeignMedials = func() [21]string {
	m := hangulMedials
	m[4], m[6], m[18] = "eo", "yeo", "eu"
	return m
}()

// hangulSurnames are the usual Latin spellings of the commonest Korean
// surnames.
var hangulSurnames = map[rune]string{
	'김': "kim", '이': "lee", '리': "ri", '박': "park", '최': "choi", '정': "jung", '강': "kang",
	'조': "cho", '윤': "yoon", '장': "jang", '임': "lim", '림': "rim", '한': "han", '오': "oh",
	'서': "seo", '신': "shin", '권': "kwon", '황': "hwang", '안': "ahn", '송': "song", '류': "ryu",
	'유': "yoo", '홍': "hong", '전': "jeon", '고': "ko", '문': "moon", '양': "yang", '량': "ryang",
	'손': "son", '배': "bae", '백': "baek", '허': "heo", '남': "nam", '노': "noh", '로': "ro",
	'하': "ha", '곽': "kwak", '성': "sung", '차': "cha", '주': "ju", '우': "woo", '민': "min",
	'현': "hyun", '방': "bang", '태': "tae", '엄': "eom", '채': "chae", '원': "won", '천': "chun",
	'변': "byun", '염': "yeom", '여': "yeo", '추': "choo", '도': "do", '소': "so", '석': "seok",
	'선': "sun", '설': "seol", '마': "ma", '길': "gil", '연': "yeon", '위': "wi", '표': "pyo",
	'명': "myung", '기': "ki", '반': "ban", '왕': "wang", '금': "keum", '옥': "ok", '육': "yuk",
	'인': "in", '맹': "maeng", '제': "je", '모': "mo", '탁': "tak", '국': "kook", '진': "jin",
	'지': "ji", '구': "koo", '나': "na", '심': "shim", '경': "kyung", '봉': "bong", '용': "yong",
}

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= hangulFirst && r <= hangulLast }

// hangulSyllable romanises one precomposed syllable.
func hangulSyllable(r rune) string {
	i := int(r - hangulFirst)
	return hangulInitials[i/588] + hangulMedials[i%588/28] + hangulFinals[i%28]
}

// hangulWord romanises a Hangul word, one Latin word per syllable; when
// surname is set, the word begins the name and its first syllable is the
// surname. Other characters go through translitOther.
func hangulWord(w string, surname bool) string {
	var parts []string
	for _, r := range w {
		switch {
		case !isHangulSyllable(r):
			parts = append(parts, translitOther(string(r)))
		case surname:
			s, ok := hangulSurnames[r]
			if !ok {
				s = hangulSyllable(r)
			}
			parts = append(parts, s)
		default:
			parts = append(parts, hangulSyllable(r))
		}
		surname = false
	}
	return strings.Join(parts, " ")
}

// hangulForeign reports whether s is a foreign name as Hangul writes it
// (블라디미르 푸틴, Vladimir Putin), not a Korean name: a word of four
// syllables or more (a Korean name is a surname of one and a given name of
// two), or a syllable of ㅡ alone after a consonant (르 reu, 프 peu, 드
// deu), the vowel Korean puts after a consonant that has none, which
// Korean names do not hold, or a first word of one syllable that is no
// Korean surname (폴 비야). Such a name's words are read whole
// (hangulForeignWord) and compared as transcriptions (transcribedSim).
func hangulForeign(s string) bool {
	syllables, words, long, first := 0, 0, false, ""
	var one rune // the first word, when it is one syllable
	for i, r := range s {
		if !isHangulSyllable(r) {
			if syllables > 0 {
				if words++; words == 1 && syllables == 2 {
					first = s[i-6 : i]
				}
				long = long || syllables == 3
			}
			syllables = 0
			continue
		}
		if words == 0 && syllables == 0 {
			one = r
		} else if words == 0 {
			one = 0
		}
		i := int(r - hangulFirst)
		if i%28 == 0 && i%588/28 == 18 && i/588 != 11 { // ㅡ, no final, a consonant before
			return true
		}
		if syllables++; syllables >= 4 {
			return true
		}
	}
	if syllables > 0 {
		words++
		long = long || syllables == 3
	}
	// A Korean name in two words is a surname and a given name of one or
	// two syllables each (김 정은, 남궁 민수); a word of three beside
	// another (기시다 후미오, Kishida Fumio), or two first that are no
	// Korean surname (아베 신조, Abe Shinzo), is a foreign name.
	// So is a name whose first word is one syllable that is no Korean
	// surname (폴 비야, Paul Biya; 존 케리, John Kerry).
	return words >= 2 && (long || first != "" && !slices.Contains(koreanDoubleSurnames, first) ||
		one != 0 && hangulSurnames[one] == "" && !strings.ContainsRune(koreanRareSurnames, one))
}

// koreanRareSurnames are Korean surnames of one syllable that
// hangulSurnames, which gives the commonest their spelling, lacks: a name
// whose first word is one of them, or one of hangulSurnames, is read as
// Korean (hangulForeign).
const koreanRareSurnames = "공함편어은범빈피사상시아애야엽영예옹요운음자점종좌준즙초춘팽평포풍필학해형호화환후흥간갈감견계골군궁근내뇌단담당대돈동두라란랑려렴뢰룡륙매묵미복부비빙삼새섭수순승악온완웅을저증창탄판곡교낭등만망목묘무보십"

// koreanDoubleSurnames are the Korean surnames of two syllables.
var koreanDoubleSurnames = []string{"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절", "강전", "소봉"}

// hangulForeignWord reads a Hangul word of a foreign name as one Latin
// word, its syllables joined; a final ㄹ before an initial ㄹ is one l
// (블라 is bla: the ㄹㄹ Korean writes for an l before a vowel). ㅓ and ㅕ
// are written eo and yeo, as South Korea does: the vowel stands for an
// English a, e, o or u (도널드, Donald; vowelsWithin).
func hangulForeignWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if !isHangulSyllable(r) {
			b.WriteString(translitOther(string(r)))
			continue
		}
		i := int(r - hangulFirst)
		syl := hangulInitials[i/588] + hangulForeignMedials[i%588/28] + hangulFinals[i%28]
		if strings.HasSuffix(b.String(), "l") && strings.HasPrefix(syl, "r") {
			syl = syl[1:]
		}
		b.WriteString(syl)
	}
	return b.String()
}

// koreanForms reports whether a and b are one Korean syllable in the
// South's romanisation and the North's: eo, eu and oo of one are the o, u
// and u of the other, and a syllable that has them may begin with g, d, b
// where the other has k, t, p (Geun, Kun; Yeo, Yo; Soo, Su). Only
// syllables of six letters or fewer, one of them with eo, eu or oo, are
// compared, so Dan and Tan stay two names.
func koreanForms(a, b string) bool {
	if len(a) > 6 || len(b) > 6 || !southKorean(a) && !southKorean(b) {
		return false
	}
	return northKorean(a) == northKorean(b)
}

// mrForms reports whether a and b are one Korean syllable in
// McCune–Reischauer, which older lists and many Western sources use for
// North Korean names, and in a romanisation writing j where it writes ch
// (Chong / Jong, Chu / Ju, Chol / Jol: Kim Chong Il is Kim Jong Il). Only
// syllables of five letters or fewer beginning ch and a vowel; the scorer
// asks only about words of a name with a Korean surname (word.korean), or
// Chon Smith would be Jon Smith.
func mrForms(a, b string) bool {
	if len(a) > 5 || len(b) > 5 {
		return false
	}
	na, nb := northKorean(a), northKorean(b)
	ja, jb := jSpelling(na), jSpelling(nb)
	return ja != "" && ja == nb || jb != "" && jb == na
}

// mrReading is the j spelling of a Korean name's syllable that
// McCune–Reischauer writes ch (Chong → jong), or "".
func mrReading(w *word, t string) string {
	if !w.korean || len(t) > 5 {
		return ""
	}
	return jSpelling(t)
}

// jSpelling is t with the ch it begins with before a vowel written j
// (chong → jong), or "" when t does not begin so.
func jSpelling(t string) string {
	if rest, ok := strings.CutPrefix(t, "ch"); ok && rest != "" && isVowel(rest[0]) {
		return "j" + rest
	}
	return ""
}

// koreanSurnameForms are the Latin spellings of Korean surnames: those vigie
// writes for the Hangul and those of the surname table.
var koreanSurnameForms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, s := range hangulSurnames {
		m[s] = true
	}
	addTableForms(m, koreanSurnames)
	return m
})

// addTableForms adds every spelling of a table of forms (one name per
// line, # for comments) to m.
func addTableForms(m map[string]bool, table []byte) {
	sc := bufio.NewScanner(bytes.NewReader(table))
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "#") {
			for _, f := range strings.Fields(line) {
				m[f] = true
			}
		}
	}
}

// markKorean flags the words of a name holding a Korean surname (mrForms).
func markKorean(ws []word) {
	forms := koreanSurnameForms()
	if !slices.ContainsFunc(ws, func(w word) bool { return forms[w.s] }) {
		return
	}
	for i := range ws {
		ws[i].korean = true
	}
}

func southKorean(t string) bool {
	return strings.Contains(t, "eo") || strings.Contains(t, "eu") || strings.Contains(t, "oo")
}

var northVowels = strings.NewReplacer("eo", "o", "eu", "u", "oo", "u")

func northKorean(t string) string {
	if !southKorean(t) {
		return t
	}
	t = northVowels.Replace(t)
	switch t[0] {
	case 'g':
		t = "k" + t[1:]
	case 'd':
		t = "t" + t[1:]
	case 'b':
		t = "p" + t[1:]
	}
	return t
}

// How two Korean syllables written in Latin letters compare (see
// koreanSyllables).
const (
	syllableUnknown = iota
	syllableSame
	syllableApart
)

// koreanSyllables compares two words of Korean names, each one syllable
// of five letters or fewer: the same syllable when they differ only by an
// initial r or n the South drops before i and y (룡 Ryong / Yong, 렬 Ryol
// / Yol), by the spelling of one initial consonant (Bu / Pu, Gil / Kil) or
// by a spelling of 희 (Hui, Hee, Heui); apart when what follows
// their initial consonants is the same and the consonants are not one
// sound's spellings (Myong / Pyong, Song / Jong: g and k, d and t, b and p,
// j and ch, s and sh, r, l and n are); unknown otherwise, for the other
// rules to tell.
func koreanSyllables(a, b string) int {
	if len(a) > 5 || len(b) > 5 || a == b {
		return syllableUnknown
	}
	if huiForms[a] && huiForms[b] {
		return syllableSame
	}
	oa, ra := koreanOnset(a)
	ob, rb := koreanOnset(b)
	informal := false
	if na, nb := northKorean(ra), northKorean(rb); na != nb {
		// The u of the South's own spellings, with the onset spelt alike
		// (Son / Sun) or after a y (Pyong / Byung, Hyon / Hyun); not Jon /
		// Chun, 전 and 춘, which differ in both.
		if informalU(na) != informalU(nb) || oa != ob && !strings.Contains(na, "y") {
			return syllableUnknown
		}
		informal = true
	}
	ca, cb := onsetClass(oa, ra), onsetClass(ob, rb)
	switch {
	case ca != cb:
		return syllableApart
	case (ca == "r" || ca == "") && (oa == "" || ob == ""):
		return syllableSame // Ryong / Yong
	case oa != ob && ca != "":
		// One consonant in the two romanisations: the South's b, g, d, j
		// are McCune–Reischauer's p, k, t, ch (Bu-il / Pu Il, Gil / Kil).
		return syllableSame
	case informal:
		return syllableSame // Son / Sun, Sop / Sup: 선, 섭 as the South's own spellings write them
	}
	return syllableUnknown
}

// informalU writes the u that South Koreans' own spellings give ㅓ and ㅕ
// in a closed syllable (Sun for 선 seon, Hyun for 현 hyeon, Byung for 병
// byeong, Sup for 섭 seop) as the o of McCune–Reischauer's ŏ (Son, Hyon,
// Pyong, Sop).
func informalU(rest string) string {
	if n := len(rest); n >= 2 && !isVowel(rest[n-1]) {
		if i := strings.LastIndexByte(rest, 'u'); i >= 0 && i+1 < n && !isVowel(rest[i+1]) {
			return rest[:i] + "o" + rest[i+1:]
		}
	}
	return rest
}

// huiForms are the Latin spellings of 희.
var huiForms = map[string]bool{"hui": true, "hee": true, "heui": true, "hi": true}

// koreanOnset splits a syllable into its initial consonants and the rest
// (y and w belong to the vowel: 여 yeo, 와 wa).
func koreanOnset(t string) (onset, rest string) {
	i := 0
	for i < len(t) && !isVowel(t[i]) && t[i] != 'y' && t[i] != 'w' {
		i++
	}
	return t[:i], t[i:]
}

// onsetClass is the sound an initial consonant spelling stands for: the
// romanisations write one Korean consonant g or k, d or t, b or p, j, ch
// or tch, s or sh, r, l or n (리, 이, 니: Ri, Yi, Ni before i and y).
func onsetClass(onset, rest string) string {
	switch onset {
	case "g", "k", "kk", "gg":
		return "k"
	case "d", "t", "tt", "dd":
		return "t"
	case "b", "p", "pp", "bb":
		return "p"
	case "j", "ch", "tch", "jj":
		return "j"
	case "s", "sh", "ss":
		return "s"
	case "r", "l", "n":
		if onset == "n" && rest != "" && rest[0] != 'i' && rest[0] != 'y' {
			return "n"
		}
		return "r"
	case "":
		if rest != "" && (rest[0] == 'i' || rest[0] == 'y') {
			return "r" // an r or n the South does not write
		}
		return ""
	}
	return onset
}
