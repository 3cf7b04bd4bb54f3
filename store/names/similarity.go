package names

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Weights tells the scorer how much a token identifies a person: about 1 for
// an ordinary token, less for common ones (Mohamed, Ali, Smith), more for
// rare ones. A nil Weights uses DefaultWeights.
type Weights interface {
	Weight(token string) float64
}

// KeyedWeights is a Weights that can use a token's key (TokenKey), which a
// parsed Name already holds, instead of computing it again: the resolver's
// weights are looked up by key, and computing keys was a third of scoring.
type KeyedWeights interface {
	Weights
	WeightKeyed(token, key string) float64
}

// commonTokens are given names and surnames so widespread, across the
// populations an agency meets, that sharing one says little. Used when no
// frequency from the store is available.
var commonTokens = map[string]float64{
	"mohammed": .35, "mohamed": .35, "muhammad": .35, "mohammad": .35, "mohamad": .35, "muhammed": .35,
	"ahmed": .45, "ahmad": .45, "ali": .4, "hassan": .5, "hasan": .5, "hussein": .5, "husain": .5,
	"abdullah": .5, "abdlah": .5, "omar": .55, "ibrahim": .5, "mahmoud": .55, "mustafa": .55,
	"khan": .4, "singh": .35, "kumar": .4, "wang": .4, "li": .4, "zhang": .4, "liu": .45, "chen": .45,
	"nguyen": .4, "tran": .5, "kim": .4, "lee": .45, "park": .5,
	"smith": .45, "johnson": .55, "williams": .55, "brown": .55, "jones": .55, "garcia": .55,
	"martin": .5, "rodriguez": .55, "martinez": .55, "hernandez": .55, "lopez": .55, "gonzalez": .55,
	"muller": .55, "schmidt": .6, "ivanov": .55, "petrov": .6, "kuznetsov": .6, "dubois": .6,
	"john": .5, "james": .55, "david": .5, "michael": .5, "maria": .5, "anna": .55, "jose": .5,
	"juan": .55, "peter": .55, "paul": .55, "robert": .55, "mary": .55, "jean": .5,
	"alexander": .6, "sergei": .6, "sergey": .6, "vladimir": .6, "andrei": .6, "elena": .6, "olga": .6,
	"fatima": .5, "aisha": .55, "yusuf": .55, "youssef": .55, "khalid": .55, "said": .5, "karim": .55,
}

// DefaultWeights weighs the tokens in a built-in list of very common names
// below 1 and every other token 1.
type DefaultWeights struct{}

// Weight returns the default weight of tok.
func (DefaultWeights) Weight(tok string) float64 {
	if w, ok := commonTokens[tok]; ok {
		return w
	}
	return 1
}

// Score is the similarity of two names with the reason for it.
type Score struct {
	// Value is in [0, 1]: 1 for the same tokens, about 0.9 for spelling
	// variants of every token, below 0.6 when a token disagrees or when
	// only a common token is shared.
	Value float64
	// Explanation says how tokens were aligned: "exact", "variant",
	// "nickname", "initial", "typo", "missing", "different".
	Explanation string
	// Different counts the words of the shorter name that disagree with
	// every word of the other (John / Jane in John Smith, Jane Smith).
	Different int
	// Spelled is set when every word of the shorter name is the same word
	// or another spelling of it in the other (exact or variant): no typo,
	// initial, nickname or disagreeing word.
	Spelled bool
	// Father is set when the shorter name was read as the longer's
	// father's (fatherNamed); Unfathered is then the score without that
	// reading, for a caller that knows better (two records born the same
	// day are no father and son).
	Father     bool
	Unfathered float64
	// Exact counts the words of the shorter name written as in the other.
	Exact int
}

// WithoutFather returns s as it would be without the father reading.
func (s Score) WithoutFather() Score {
	if !s.Father {
		return s
	}
	s.Value, s.Different, s.Father = s.Unfathered, s.Different-1, false
	s.Explanation = strings.Replace(s.Explanation, fatherNote, "", 1)
	return s
}

// fatherNote is what the father reading adds to an explanation.
const fatherNote = ", the longer's father's name"

// How a pair of tokens agrees.
const (
	kindDifferent = iota
	kindTypo
	kindInitial
	kindNickname
	kindVariant
	kindExact
)

var kindNames = [...]string{"different", "typo", "initial", "nickname", "variant", "exact"}

// tokenSim scores two normalised tokens.
func tokenSim(a, b string) (float64, int) {
	wa, wb := newWord(a), newWord(b)
	return tokenSimW(&wa, &wb)
}

// tokenSimW is tokenSim of two prepared words.
func tokenSimW(x, y *word) (float64, int) {
	a, b := x.s, y.s
	if a == b {
		return 1, kindExact
	}
	if (a == "mo" && muhammadWord(y) || b == "mo" && muhammadWord(x)) && !x.pinyin && !y.pinyin && !x.vietnamese && !y.vietnamese {
		// Mo, as Britain shortens Mohammed (Mo Farah, Mo Salah); not the
		// Chinese or Vietnamese syllable. Kept out of the tables of short
		// forms, which would make every spelling of Muhammad an English
		// given name.
		return .85, kindNickname
	}
	if syllablesApart(x, y) || syllablesApart(y, x) {
		return .3, kindDifferent // Jong / Jianguo: one syllable against two
	}
	if muhammadCompound(b) != "" && muhammadWord(x) || muhammadCompound(a) != "" && muhammadWord(y) {
		return .3, kindDifferent // Mohammad / Mohammadreza: the compound is another given name
	}
	if georgianVowelApart(a, b) {
		return .3, kindDifferent // Beridze / Beradze: Georgian writes every vowel, so its spellings agree on them
	}
	// A syllable's Cantonese or Wade-Giles spelling meets its pinyin: Ka /
	// Jia, Chiu / Chao (李家超), Ngor / E (娥). The other name must be
	// pinyin only: Chan Ka Man and Chan Ka Wan, both readable either way,
	// would meet through 萬 (man, wan).
	if x.wadeGiles && y.pinyin && !y.wadeGiles && slices.Contains(wadeGilesForms(a), b) || y.wadeGiles && x.pinyin && !x.wadeGiles && slices.Contains(wadeGilesForms(b), a) {
		return .9, kindVariant
	}
	if len(a) == 1 || len(b) == 1 {
		if a[0] == b[0] {
			return .75, kindInitial
		}
		return 0, kindDifferent
	}
	switch tx, ty := transcriptionOf(x.transcribed), transcriptionOf(y.transcribed); {
	case tx != nil && ty == nil && abjadRead(y) && !firstConsonantsMeet(a, b),
		ty != nil && tx == nil && abjadRead(x) && !firstConsonantsMeet(b, a):
		// Both words are guesses: a reading of Arabic or Hebrew letters
		// has no vowels for the transcription's vowels to meet, and its
		// loose consonants then meet most words (عبد الله abdlah and 瓦塔拉
		// wa-ta-la, Ouattara, as w-t-l and b-t-l).
		return .3, kindDifferent
	case tx != nil && ty == nil:
		return transcribedWordSim(tx, a, y)
	case tx == nil && ty != nil:
		return transcribedWordSim(ty, b, x)
	case tx != nil && transcriptionsMeet(tx, a, ty, b):
		return .85, kindVariant // ドミトリー / 드미트리 / 德米特里: katakana, Hangul and Chinese of one name
	}
	if x.schwa != y.schwa {
		h, other := a, b
		if y.schwa {
			h, other = b, a
		}
		if c := clusterSchwa(h); c != "" {
			if s, k := tokenSim(c, other); s >= .85 {
				return s, k // अलेक्सांद्र aleksandra, Aleksandr; नरेन्द्र narendra, Narender
			}
		}
	}
	if x.hebrew != y.hebrew && len(a) >= 2 && len(b) >= 2 {
		// אהוד ahod, Ehud; לפיד lefid, Lapid; גנץ genetz, Gantz: the
		// vowels read from Hebrew letters are a guess, and so are p/f,
		// b/v, k/kh.
		h, l := a, b
		if y.hebrew {
			h, l = b, a
		}
		if hebrewMeets(hebrewPattern(h), vowelPattern(l)) || hebrewSoftG(h, l) {
			if s, k := tokenSim(h, l); s > .88 && k >= kindVariant {
				return s, k // the letters alone meet better (גולדשטיין, Goldstein)
			}
			return .88, kindVariant
		}
	}
	if x.somali && somaliMeets(a, b) || y.somali && somaliMeets(b, a) {
		return .92, kindVariant // Cali, Ali: Somali writes the ain c (markSomali)
	}
	if sikhNamesApart(a, b) {
		return .3, kindDifferent // Gurpreet / Harpreet, Harpreet / Harjit: one part of the name changed
	}
	if ea, eb := ichEnding(a), ichEnding(b); ea != eb && ea != 0 && eb != 0 {
		if ia, ib := ichForm(a), ichForm(b); ia != ib {
			if s, k := tokenSim(ia, ib); s >= .9 {
				return s, k // Bajramović, Bajramovic / Bajramowitsch: -ić as German writes it
			}
			// Russian's Дж for the Serbian Đ, written d without its stroke
			// (Джуканович, Dukanovic): the -ich and the dzh read together.
			if strings.Contains(ia, "dzh") != strings.Contains(ib, "dzh") {
				da, db := strings.ReplaceAll(ia, "dzh", "d"), strings.ReplaceAll(ib, "dzh", "d")
				if da == db {
					return .9, kindVariant
				}
			}
		}
	}
	for _, r := range spellingReadings {
		h, w := a, b
		if !strings.Contains(h, r.spelt) {
			h, w = b, a
		}
		if !strings.Contains(h, r.spelt) || strings.IndexByte(w, r.said) < 0 {
			continue
		}
		if f := respell(h, r.spelt, r.said, r.before); f != h {
			if s, k := tokenSim(f, w); s >= .9 {
				return min(s, .95), min(k, kindVariant) // Haoua / Hawa; Quiala / Kiala
			}
		}
	}
	if x.armenian && y.armenian {
		if fa, fb := armenianForm(a), armenianForm(b); fa != a || fb != b {
			if s, _ := tokenSim(fa, fb); s >= .9 {
				return .88, kindVariant // Hovhannes / Ovanes, Hakobyan / Akopyan: an Armenian name's Russian form
			}
		}
	}
	if x.distinct && y.distinct && x.group != y.group {
		if x.arabic != y.arabic && arabicLettersMeet(x, y) {
			// سالم, which the dictionary reads salem, is Salim Hamdan's
			// name too: the letters say s-a-l-m, and Salim's i is a short
			// vowel they leave out. Salem and Salim as written are two
			// names (سالم and سليم).
			return .88, kindVariant
		}
		return .3, kindDifferent // Olga / Oleg, Mariya / Marina: two names spelt alike
	}
	if x.group < 0 && initialDropped(a, b) || y.group < 0 && initialDropped(b, a) {
		return .3, kindDifferent // Samer / Amer, Wasim / Asim: brothers Foz, a letter apart
	}
	if x.distinct && y.group < 0 && muhammadWord(y) || y.distinct && x.group < 0 && muhammadWord(x) {
		// Mahmud / Mohamed: the consonants of Muhammad, whose spellings
		// the table leaves to the keys (there are dozens), are another
		// listed name's.
		return .3, kindDifferent
	}
	if enkoForms(a, b) || koForms(a, b) {
		return .9, kindVariant // Lukashenko / Lukashenka, Sojko / Sojka: Ukrainian and Belarusian spellings
	}
	if same, opposite := patronymicPair(x, y); same {
		return .92, kindVariant // Sergeyevich / Serhiiovych / Siarheevich
	} else if opposite {
		return .3, kindDifferent // Ivanovich / Ivanovna
	}
	if mongolianGenitive(a, b) || mongolianGenitive(b, a) {
		return .9, kindVariant // Ukhnaagiin / Ukhnaa: the father's name, with or without its genitive
	}
	if kazakhSurname(x, y) || kazakhSurname(y, x) {
		return .9, kindVariant // Satybaldyuly / Satybaldy, Satybaldiyev: the father's name with -uly is the surname
	}
	if bekName(x, y) || bekName(y, x) {
		return .88, kindVariant // Kamchybek / Kamchy: the -bek of a Kyrgyz or Kazakh given name, said or not
	}
	if bareFatherName(x, y) || bareFatherName(y, x) {
		return .88, kindVariant // Asanbekovich / Asanbek: the father's name without the Russian ending
	}
	if patronymicOfSurname(x, y) || patronymicOfSurname(y, x) {
		return .3, kindDifferent // Ivanovna / Ivanova: her father's name, not her family's
	}
	if x.group >= 0 && x.group == y.group {
		return .92, kindVariant // Sergey / Serhii / Siarhei; Ri / Lee; Elena / Eleni
	}
	if genderForms(a, b) {
		return .3, kindDifferent // Aleksandr / Aleksandra, Petrov / Petrova, Mario / Maria
	}
	if x.bengali != y.bengali {
		z, other := bengaliZ(a), b
		if y.bengali {
			z, other = bengaliZ(b), a
		}
		if z != "" {
			if s, k := tokenSim(z, other); s >= .85 {
				return s, k // জিয়া jiya, Zia: Bengali's জ for a z
			}
		}
	}
	if x.bv != y.bv && (x.bv && bvSpelling(a, b) || y.bv && bvSpelling(b, a)) {
		return .88, kindVariant // ନବୀନ nabin, Naveen: one letter for b and v
	}
	if x.greek != y.greek {
		g, other := greekForeign(a), b
		if y.greek {
			g, other = greekForeign(b), a
		}
		if g != "" {
			if s, k := tokenSim(g, other); s >= .85 {
				return s, k // Γεβγκένι gevgkeni, Yevgeny; Τζόνσον tzonson, Johnson
			}
		}
	}
	if x.cyrillic != y.cyrillic && (x.cyrillic && centralC(b, a) || y.cyrillic && centralC(a, b)) {
		return .9, kindVariant // Фицо fitso, Fico: the c of Central Europe is Cyrillic's ц
	}
	if x.cyrillic != y.cyrillic {
		lat, cyr := x, y
		if x.cyrillic {
			lat, cyr = y, x
		}
		if cyr.group < 0 && (x.key != y.key || len(x.key) <= 3 && (lat.group >= 0 || JaroWinkler(a, b) < .85)) && russianSpelt(lat.s, cyr) {
			return .88, kindVariant // Сирил siril, Cyril; Джордж dzhordzh, George: a foreign name as Russian says it
		}
	}
	if x.tamil != y.tamil && (x.tamil && tamilSpelling(a, b) || y.tamil && tamilSpelling(b, a)) {
		return .88, kindVariant // பிரபாகரன் pirapakaran, Prabhakaran
	}
	if x.kartvelian && y.kartvelian && georgianGiven(a, b) {
		return .92, kindVariant // Otar / Otari Partskhaladze: the nominative i, kept or dropped
	}
	if x.georgian != y.georgian && (x.georgian && georgianNominative(a, b) || y.georgian && georgianNominative(b, a)) {
		return .92, kindVariant // პუტინი putini, Putin: Georgian's nominative, no nisba
	}
	if a+"i" == b && a == "abdlah" || b+"i" == a && b == "abdlah" {
		return .92, kindVariant // Abdullahi, the Hausa and Somali Abdullah, no nisba
	}
	if nisba(a, b) || nisba(b, a) || persianNisba(a, b) || persianNisba(b, a) {
		return .3, kindDifferent // Cherif / Cherifi, Nour / Nouri, Hassan / Hassani: another family
	}
	if sa, sb := adjectivalStem(a), adjectivalStem(b); sa != "" && sa == sb && a != b {
		return max(.9, JaroWinkler(a, b)), kindVariant // Sytyi, Sytii, Syty: Сытый as each romanisation ends it
	}
	if belarusianSurname(a, b) || belarusianSurname(b, a) {
		return .9, kindVariant // Halouchanka / Golovchenko, Naumau / Naumov: Belarusian's spelling and Russian's
	}
	if feminineSpelling(a, b) || feminineSpelling(b, a) {
		return .3, kindDifferent // Samira / Sameer, Khalida / Khaled: Samir's sister, spelt otherwise
	}
	if x.pinyin && y.pinyin && pinyinApart(x, y) {
		return .3, kindDifferent // Xiaoping / Xiaoming, Denghui / Denghai: another character
	}
	if wadeGilesApart(x, y) || wadeGilesApart(y, x) {
		return .3, kindDifferent // Ching / Qinghua: one syllable against two
	}
	if x.vietnamese && y.vietnamese && len(a) == len(b) {
		if vowelsApart(a, b) {
			return .3, kindDifferent // Minh / Manh: Vietnamese syllables keep their letters
		}
		if strings.Map(iForY, a) == strings.Map(iForY, b) {
			return .92, kindVariant // Thy / Thi: an older spelling
		}
	}
	if x.arabic != y.arabic && (x.arabic && nisbaUnwritten(a, b) || y.arabic && nisbaUnwritten(b, a)) {
		return .3, kindDifferent // الحاكم / Hakimi: Arabic writes the nisba's final ya
	}
	ka, kb := x.key, y.key
	if k := ka; k == kb {
		jw := JaroWinkler(a, b)
		if jw > .93 {
			return jw, kindVariant
		}
		if twoGivenNames(x, y) {
			goto spelt // Jane / Joan, Lena / Leon: their keys meet, the names do not
		}
		// A skeleton of one or two consonants is shared by unrelated names
		// (Lucia, Luis): it is evidence only when the spellings are close.
		// Three consonants are shared by unrelated names too (Putin,
		// Patton: ptn) when the spellings are far apart, unless one is the
		// other in another language's romanisation (Jussuf, Joesoef).
		if len(k) > 3 || len(k) == 3 && (jw >= .75 || foldsClose(a, b)) || jw >= .85 {
			return .93, kindVariant
		}
		if spelledAlike(a, b) {
			return .9, kindVariant // Oesama / Usama: the skeleton alone cannot tell
		}
		if len(a) >= 4 && len(b) >= 4 && max(len(a), len(b)) >= 5 && vowelFold(a) == vowelFold(b) {
			return .88, kindVariant // Oneissi / Unaysi, Qalei / Kalai: Arabic's vowels, written each source's way
		}
		if ya, yb := icaoY(a), icaoY(b); (ya != a || yb != b) && JaroWinkler(ya, yb) >= .85 {
			return .9, kindVariant // Iasin / Yassin, Iarovaia / Yarovaya: Russian passports' ia for я
		}
		if sa, sb := shortSpelling.Replace(a), shortSpelling.Replace(b); sa == sb || min(len(a), len(b)) >= 3 && max(len(a), len(b)) >= 4 && englishLongVowels.Replace(sa) == englishLongVowels.Replace(sb) {
			// Qais / Kais: ق, written k in the Maghreb and Turkey; Dzhuma /
			// Juma; Aqeel / Akil, Mahmood / Mahmud: a long vowel written
			// twice, as English spells it.
			return .9, kindVariant
		}
		if x.wadeGiles && slices.Contains(wadeGilesForms(a), b) || y.wadeGiles && slices.Contains(wadeGilesForms(b), a) {
			return .9, kindVariant // Tan, Dan: Wade-Giles writes pinyin's d as t
		}
		if adjectivalFeminine(a, b) || adjectivalFeminine(b, a) {
			return .9, kindVariant // Yarovaya / Ярова (Iarova): a Russian surname as Ukrainian writes it
		}
		if consonantFrame(a, b) || consonantFrame(b, a) {
			return .88, kindVariant // مکی mki / Makki: Arabic letters write no short vowel
		}
		if ea, eb := persianAyi(a), persianAyi(b); (ea != a || eb != b) && JaroWinkler(ea, eb) >= .85 {
			return .88, kindVariant // رضایی rzaei / Rezaee: the -ayi of Persian family names, spelt -aee, -ayi, -aie
		}
	}
	if x.arabic != y.arabic {
		f, l := a, b
		if y.arabic {
			f, l = b, a
		}
		if arabicMeets(f, l) || slices.ContainsFunc(arabicDictLetters()[f], func(r string) bool { return arabicMeets(r, l) }) {
			// وفيق wfiq, Wafic; دقلو dqlu, Dagalo; ميسر misr, Muyassar;
			// كورتس, which the dictionary reads curtis, Kurz
			return .88, kindVariant
		}
	}
spelt:
	if x.cyrKorean != y.cyrKorean && cyrKoreanFinal(a, b) {
		return .9, kindVariant // Чон jong / Jon: Cyrillic writes n and ng alike
	}
	if x.korean && y.korean && (a+"g" == b && strings.HasSuffix(a, "n") || b+"g" == a && strings.HasSuffix(b, "n")) {
		return .3, kindDifferent // Son / Song: 선 and 성, two syllables
	}
	if koreanForms(a, b) || (x.korean || y.korean) && mrForms(a, b) {
		return .9, kindVariant // Geun / Kun, Yeo / Yo; Chong / Jong
	}
	if x.korean && y.korean {
		switch koreanSyllables(a, b) {
		case syllableSame:
			return .9, kindVariant // Ryong / Yong: the South drops an r before i and y; Hui / Hee
		case syllableApart:
			return 0, kindDifferent // Myong / Pyong: another consonant begins another syllable
		}
	}
	if Nickname(a, b) {
		return .9, kindNickname
	}
	jw := JaroWinkler(a, b)
	// Spelling alternates and glued articles only matter between tokens
	// that already look alike; the checks allocate, so they come last.
	if jw >= .6 {
		korean := x.korean || y.korean
		for _, alt := range alternates {
			if korean && (alt[0] == "ch" || alt[0] == "j") {
				continue // Korean's ch is a j (Chong, Jong), never an sh: Chong Il is not Song Il; nor is its j a y (Jong, Yong)
			}
			// The word holding the alternate, rewritten, and the other.
			var rewritten, other string
			switch {
			case strings.Contains(a, alt[0]) && TokenKey(strings.ReplaceAll(a, alt[0], alt[1])) == kb:
				rewritten, other = strings.ReplaceAll(a, alt[0], alt[1]), b
			case strings.Contains(b, alt[0]) && TokenKey(strings.ReplaceAll(b, alt[0], alt[1])) == ka:
				rewritten, other = strings.ReplaceAll(b, alt[0], alt[1]), a
			default:
				continue
			}
			if ka != kb && len(TokenKey(other)) <= 2 && JaroWinkler(rewritten, other) < .75 {
				// The alternate made the keys meet on a skeleton of two
				// consonants, which unrelated names share (as in the keys'
				// own test above): Sanjay, rewritten sanyay, keys as Sonia
				// does (0.73), where Sojka's soyka meets Сойко's soiko
				// (0.79) and Jusuf's yusuf Youssef (0.81).
				continue
			}
			if genderForms(rewritten, other) && !enkoForms(rewritten, other) && !koForms(rewritten, other) {
				return .3, kindDifferent // Rachida / Rashid: Rachid's sister, in another spelling (Sojka is Soyko)
			}
			if nisbaSpelt(rewritten, other) || nisbaSpelt(other, rewritten) {
				return .3, kindDifferent // Cherifi / Sharif: the nisba, in another spelling
			}
			return .88, kindVariant
		}
	}
	if awSpelling(a, b) || awSpelling(b, a) || oSpelling(a, b) || oSpelling(b, a) {
		if genderForms(awForm(a), awForm(b)) || genderForms(oForm(a), oForm(b)) {
			return .3, kindDifferent // Fawzia / Fauzi: his sister
		}
		return .88, kindVariant // Awlaki / Aulaqi, Fawzi / Fauzi, Rowhani / Rouhani; Fawz / Foz
	}
	// Another romanisation (Ukrainian, Belarusian, ISO 9, German, French,
	// Turkish) changes enough letters (Hramau, Gromov; Chudjakow,
	// Khudyakov) that the words need not look alike first.
	if !x.korean && !y.korean && foldsMeet(x, y) {
		return .88, kindVariant // Prihozhyn / Prigozhin, Zuravlova / Zhuravleva, Schukow / Zhukov
	}
	if russifiedSpelling(a, b) || russifiedSpelling(b, a) {
		return .85, kindVariant // Rahmon / Rakhmonov: the -ov a Tajik surname dropped in 2007
	}
	ga, gb := stripGluedArticle(a), stripGluedArticle(b)
	if ga == gb || (ga != a || gb != b) && TokenKey(ga) == TokenKey(gb) {
		return .92, kindVariant
	}
	if suffixed(a, b) || suffixed(b, a) {
		return .3, kindDifferent // Hayashi / Hayashida, Peters / Petersen: a syllable more makes another name
	}
	if x.cyrillic != y.cyrillic && (x.cyrillic && russianKh(a, b) || y.cyrillic && russianKh(b, a)) {
		return .88, kindVariant // Шах shakh, Shah: Russian writes a foreign h х
	}
	if ponticGreek(a, b) || ponticGreek(b, a) {
		return .88, kindVariant // Savvidis / Savvidi: a Greek family's name as Russia registered it
	}
	if thaiSpelling(a, b) {
		return .88, kindVariant // Siriporn / Siriphon, Kaewkao / Kaeokhao: a Thai name in the common spelling and in the royal system
	}
	if len(a) >= 4 && len(b) >= 4 && oneEdit(a, b) {
		if len(a) == 4 && len(b) == 4 && substitution(a, b) {
			// One letter replaced in a four-letter name is as often
			// another name: Mark / Mary, Jane / June, Dina / Dora.
			return .45, kindTypo
		}
		return .85, kindTypo
	}
	s := 0.0
	if jw > .8 {
		s = (jw - .8) / .2 * .8
	}
	if len(a) >= 6 && len(b) >= 6 && editsWithin2(a, b) && !twoConsonantsReplaced(a, b) {
		s = max(s, .7) // two typos in a long name: Theodore / eTheodroe
	}
	if s < rearrangedSim && (rearranged(a, b) || shortSlip(a, b)) {
		// The letters of one name in another order (Pcire / Price, hNoaN /
		// Noah): a typist's scramble more often than another name, but
		// weak evidence — Leon and Noel are two names.
		s = rearrangedSim
	}
	if s == 0 {
		return 0, kindDifferent
	}
	return s, kindTypo
}

// adjectivalFeminine reports whether long is a Russian surname of a
// woman in the adjective's -aya and short the same name as Ukrainian and
// Belarusian write it, in -a (Яровая Yarovaya, Ярова Iarova; Золотая,
// Золота): the stems one name, the ending the languages'.
func adjectivalFeminine(long, short string) bool {
	stem, ok := strings.CutSuffix(long, "aya")
	if !ok || len(stem) < 3 || len(short) < 5 || short[len(short)-1] != 'a' || len(short) >= len(long) {
		return false
	}
	s, _ := tokenSim(stem+"a", short)
	return s >= .85
}

// arabicLettersMeet reports whether, of x and y, the word read from
// Arabic letters through the dictionary has letters (arabicDictLetters)
// that can be the other, Latin word (arabicMeets).
func arabicLettersMeet(x, y *word) bool {
	f, l := x.s, y.s
	if y.arabic {
		f, l = y.s, x.s
	}
	return slices.ContainsFunc(arabicDictLetters()[f], func(r string) bool { return arabicMeets(r, l) })
}

// twoGivenNames reports whether x and y are two given names of the
// nickname tables, neither a form of the other, spelt otherwise than by
// English spelling's alternates (y or i, c or k, ph or f, a letter
// doubled, a final h after a vowel, Hebrew's tz for z: Bryan / Brian,
// Kaitlyn / Caitlin, Tzvi / Zvi): the phonetic key, written for
// transliterations, reads vowels loosely and makes Jane and Joan, Lena and
// Leon one name (Brian and Bruno still meet: Bruno is in no table). Names
// of the language tables (Tatiana / Tetiana) are told there, but for the
// European table's own, which tells no names apart (Carlos / Carol).
func twoGivenNames(x, y *word) bool {
	a, b := x.s, y.s
	return europeanOrUnlisted(x) && europeanOrUnlisted(y) && englishGivenName(a) && englishGivenName(b) &&
		englishSpelling(a) != englishSpelling(b) && !Nickname(a, b) && commonPrefix(a, b) < 4
}

// commonPrefix is how many letters a and b begin with alike: names that
// share their first four letters and their key are spellings of one name
// more often than two (Katherine / Kathryn).
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// englishSpelling writes a given name with English spelling's alternates
// made one (see twoGivenNames).
func englishSpelling(t string) string {
	t = undouble(englishAlternates.Replace(t))
	if len(t) > 3 && t[len(t)-1] == 'h' && isVowel(t[len(t)-2]) {
		t = t[:len(t)-1]
	}
	return t
}

var englishAlternates = strings.NewReplacer("ph", "f", "ck", "c", "k", "c", "y", "i", "tz", "z")

// persianAyi writes the Latin endings of the Persian -ayi (Rezaee, Rezayi,
// Rezaie) as the reading of the Persian letters does, -aei.
func persianAyi(t string) string {
	for _, e := range []string{"aee", "ayi", "aie"} {
		if len(t) > len(e)+1 && strings.HasSuffix(t, e) {
			return t[:len(t)-len(e)] + "aei"
		}
	}
	return t
}

// suffixed reports whether b is a with two letters or more added at its
// end (Hayashi / Hayashida, Peters / Petersen, Tanaka / Tanakada): a typist
// slips a letter, not a syllable, so the longer word is another name — a
// family's, as Japanese and Scandinavian surnames are built. Known
// variants (the -ov a registry gave, Tamil's -an, Abdul / Abdullah) are
// told before; a must have four letters or more.
func suffixed(a, b string) bool {
	return len(a) >= 4 && len(b) >= len(a)+2 && strings.HasPrefix(b, a)
}

// russifiedSpelling reports whether b is a, or another spelling of it,
// with the Russian -ov or -ev a Soviet registry gave surnames: Tajik,
// Uzbek and Caucasian families have dropped it since independence (Emomali
// Rakhmonov, now Rahmon), or replaced it with the Persian -zoda, son of
// (Rahimov, now Rahimzoda), and lists write both; the p Russian wrote for
// an f goes with the ending (Sharipov, Sharif). The stem must be five
// letters or more, as a given name's is not (Ivan / Ivanov, Petr /
// Petrov), and a must not itself end so.
func russifiedSpelling(a, b string) bool {
	if len(b) < 7 || !strings.HasSuffix(b, "ov") && !strings.HasSuffix(b, "ev") ||
		strings.HasSuffix(a, "ov") || strings.HasSuffix(a, "ev") {
		return false
	}
	for _, z := range []string{"zoda", "zada", "zade"} {
		if len(a) > len(z)+3 && strings.HasSuffix(a, z) {
			a = a[:len(a)-len(z)] // Rahimzoda: Rahim's son
			break
		}
	}
	if len(a) < 5 {
		return false
	}
	stem := b[:len(b)-2]
	if stem == a || russianPForF(stem, a) {
		return true
	}
	if stem[0] != a[0] {
		return false // a spelling keeps the first letter (Rahmon, Rakhmonov); tokenSim allocates
	}
	s, k := tokenSim(a, stem)
	return s >= .88 && k == kindVariant
}

// russianPForF reports whether stem, a surname's without its Russian
// ending, is the name with the p Russian wrote for its last f (Sharip,
// Sharif).
func russianPForF(stem, name string) bool {
	return strings.HasSuffix(stem, "p") && strings.HasSuffix(name, "f") && stem[:len(stem)-1] == name[:len(name)-1]
}

// awForm writes t's aw and ow before a consonant as au and ou: the
// diphthongs of Fawzi, Tawfiq, Awlaki and Rowhani, which Indonesian,
// Malaysian and older English spellings write Fauzi, Taufiq, Aulaqi and
// Persian sources Rouhani. The skeleton reads the w as a consonant, so
// the two spellings key apart. A w before a vowel is a consonant (Nawaz,
// Howard) and stays. t itself when it holds none.
func awForm(t string) string {
	if !strings.Contains(t, "aw") && !strings.Contains(t, "ow") {
		return t
	}
	b := []byte(t)
	for i := 0; i+1 < len(b); i++ {
		if wDiphthong(t, i) {
			b[i+1] = 'u'
		}
	}
	return string(b)
}

// wDiphthong reports whether t holds at i an a or o and a w before a
// consonant or at the end: the diphthong awForm and oForm rewrite.
func wDiphthong(t string, i int) bool {
	return i+1 < len(t) && (t[i] == 'a' || t[i] == 'o') && t[i+1] == 'w' && (i+2 == len(t) || !isVowel(t[i+2]))
}

// awSpelling reports whether a's aw or ow before a consonant is b's au or
// ou (awForm) and the words are otherwise one spelling (Awlaki / Aulaqi,
// where k is q too). b must write the same diphthong itself: Dawson is
// not Dyson, Fowler not Fuller, Bowman not Bauman.
func awSpelling(a, b string) bool {
	f := awForm(a)
	if f == a {
		return false
	}
	for i := 0; i+1 < len(f); i++ {
		if a[i+1] == 'w' && f[i+1] == 'u' && !strings.Contains(b, f[i:i+2]) {
			return false
		}
	}
	return TokenKey(f) == TokenKey(b)
}

// shortSpelling writes alike the letters that spell one sound in the
// names whose skeleton is too short to tell them apart (see tokenSimW):
// ق as q or k (Qais, Kais), Russian дж as dzh or j (Dzhuma, Juma).
var shortSpelling = strings.NewReplacer("q", "k", "dzh", "j")

// englishLongVowels are the English spellings of the long i and u of Arabic,
// Persian and Urdu names (Aqeel, Rasheed, Mahmood, Noor).
var englishLongVowels = strings.NewReplacer("ee", "i", "oo", "u")

// nisba reports whether b is a with an i added after its final consonant:
// the suffix Arabic and Persian surnames take (Cherifi, Nouri, Hassani,
// Karimi), another name than the word it is made from. Not after a vowel
// (Andre / Andrei, Serge / Sergei are one name in two languages).
func nisba(a, b string) bool {
	if len(a) < 4 || isVowel(a[len(a)-1]) {
		return false
	}
	if len(b) == len(a)+1 && b[len(a)] == 'i' && b[:len(a)] == a {
		return true
	}
	// The vowel before the final consonant of an Arabic given name falls
	// out (Yousef / Yousfi, Jaber / Jabri, Saber / Sabri); a typo in other
	// names does that too (Walker, Walkri).
	n := len(a)
	if len(b) == n && arabicGivenName(a) && b[n-1] == 'i' && isVowel(a[n-2]) && !isVowel(a[n-3]) && b[:n-2] == a[:n-2] && b[n-2] == a[n-1] {
		return true
	}
	// The name the surname is made from spelt otherwise (Baqer / Bagheri,
	// Husayn / Hosseini, Jaafar / Jafari): the word without its i ends in
	// a vowel and a consonant, as a name does (a typo's Gaskni does not),
	// keys as the other and is as long, give or take two letters. Not
	// when the other ends in a vowel and h, Arabic's ta marbuta: Ghazaleh
	// and Ghazali are one name as lists write it; nor when the other is
	// this word with its last two letters swapped, a typist's slip
	// (Mansouir, Mansouri).
	if len(b) < 5 || a[n-1] == 'h' && isVowel(a[n-2]) {
		return false
	}
	stem := b[:len(b)-1]
	m := len(stem)
	if b[m] != 'i' || isVowel(stem[m-1]) || !isVowel(stem[m-2]) || stem == a || m > n+2 || n > m+2 {
		return false
	}
	if n == m+1 && a[n-2] == 'i' && a[n-1] == stem[m-1] && a[:n-2] == stem[:m-1] {
		return false // Mansouir: the i and the r of Mansouri swapped
	}
	return TokenKey(stem) == TokenKey(a)
}

// initialDropped reports whether short is name, a name of the Arabic
// table, without its first letter, and no spelling of it: another name
// (Samer / Amer, Samir / Amir, Wasim / Asim, Nasir / Asir), not a typo.
// Not when the letter is a vowel, h or y, which sources drop (Hassane
// and Assane are one name in Senegal), nor when what is left begins with
// h (Khalid / Halid, the Turkish spelling).
func initialDropped(short, name string) bool {
	if len(short) < 3 || len(name) != len(short)+1 || name[1:] != short || short[0] == 'h' ||
		strings.IndexByte("aeiouyh", name[0]) >= 0 {
		return false
	}
	return arabicGivenName(name)
}

// persianNisba reports whether b is a, a name that ends in a, with the
// ending Persian surnames take after a vowel (Reza / Rezaei, Rezaee,
// Rezaie; Mirza / Mirzaei), or with a plain i when a is a name of the
// Arabic table (Reza / Rezai) — not otherwise, as Nikola and Nikolai are
// one name.
func persianNisba(a, b string) bool {
	if len(a) < 4 || a[len(a)-1] != 'a' {
		return false
	}
	rest, ok := strings.CutPrefix(b, a)
	return ok && (rest == "ei" || rest == "ee" || rest == "ie" || rest == "i" && arabicGivenName(a))
}

// mongolianGenitive reports whether a is b in the genitive Mongolian
// names put the father's name in (Ukhnaagiin Khurelsukh, Tsakhiagiin
// Elbegdorj, Boldyn Batbayar): b and -giin, -iin or -yn, as Mongolian
// registers write it and foreign lists often do not (Khurelsukh Ukhnaa).
func mongolianGenitive(a, b string) bool {
	if len(b) < 4 {
		return false
	}
	if rest, ok := strings.CutPrefix(a, b); ok && (rest == "giin" || rest == "iin" || rest == "yn") {
		return true // Ukhnaagiin, Boldyn
	}
	// A final short vowel gives way to the ending: Gantulga, Gantulgyn.
	n := len(b)
	return strings.IndexByte("aeo", b[n-1]) >= 0 && !isVowel(b[n-2]) && strings.HasPrefix(a, b[:n-1]) && (a[n-1:] == "yn" || a[n-1:] == "iin")
}

// oForm writes t's aw and ow before a consonant as o: the diphthong as
// Levantine and Persian speakers say it, and many sources write it (Fawz,
// Foz; Shawkat, Shokat; Hawrani, Horani; Rowhani, Rohani). t itself when
// it holds none.
func oForm(t string) string {
	if !strings.Contains(t, "aw") && !strings.Contains(t, "ow") {
		return t
	}
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if wDiphthong(t, i) {
			b = append(b, 'o')
			i++
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}

// oSpelling reports whether a's aw or ow before a consonant is b's o
// (oForm): b begins as the rewritten a does up to that o, and they key
// alike. Bawden / Boden passes too; Fawzi / Fuzi does not.
func oSpelling(a, b string) bool {
	i := strings.Index(a, "w")
	f := oForm(a)
	if f == a || i < 1 || len(b) < i || !strings.HasPrefix(b, f[:i]) {
		return false
	}
	return TokenKey(f) == TokenKey(b)
}

// nisbaSpelt reports whether b is a's nisba spelt another way: b ends in
// a consonant and i, a in the same consonant, and they key alike (the
// alternate that made them so is the caller's: Cherifi / Sharif).
func nisbaSpelt(a, b string) bool {
	n, m := len(a), len(b)
	return n >= 4 && m >= 5 && b[m-1] == 'i' && b[m-2] == a[n-1] && !isVowel(a[n-1]) && TokenKey(a) == TokenKey(b)
}

// feminineSpelling reports whether a is the feminine of a name b spells
// another way: a ends in a, b in a consonant other than h (Fatima and
// Fatimah are one name), and a without its a has b's consonants (Samira /
// Sameer, Jamila / Djamel). genderForms catches the same pair spelt alike.
// The same letters in another order are a typist's slip, not a sister:
// Oscra / Oscar.
func feminineSpelling(a, b string) bool {
	if len(a) < 5 || len(b) < 3 || a[len(a)-1] != 'a' || isVowel(a[len(a)-2]) || len(a) == len(b) && sameLetters(a, b) {
		return false
	}
	if c := b[len(b)-1]; isVowel(c) || c == 'h' || c == 'y' {
		return false
	}
	return TokenKey(a[:len(a)-1]) == TokenKey(b)
}

// rearrangedSim is the similarity of two tokens with the same letters in
// another order: above one-half, so the word is not counted as
// disagreeing, well below a typo.
const rearrangedSim = .55

// rearranged reports whether a and b, of four letters or more, hold the
// same letters in another order, give or take one letter when the longer
// has five or more.
func rearranged(a, b string) bool {
	if len(a) < 4 || len(b) < 4 || abs(len(a)-len(b)) > 1 || len(a) > 32 || len(b) > 32 {
		return false
	}
	// Letter counts by the low five bits: normalised tokens are lower-case
	// letters; any other byte makes the answer no.
	var count [32]int8
	for i := 0; i < len(a); i++ {
		if a[i] < 'a' || a[i] > 'z' {
			return false
		}
		count[a[i]&31]++
	}
	for i := 0; i < len(b); i++ {
		if b[i] < 'a' || b[i] > 'z' {
			return false
		}
		count[b[i]&31]--
	}
	extraA, extraB := 0, 0
	for _, n := range count {
		if n > 0 {
			extraA += int(n)
		} else {
			extraB -= int(n)
		}
	}
	switch max(extraA, extraB) {
	case 0:
		return true
	case 1:
		return max(len(a), len(b)) >= 5
	}
	return false
}

// shortSlip reports whether a and b, a short name and a slip of the
// typist's on it, differ by letters doubled, the letters in another order
// or one letter left out after the first: Iyvv / Ivy, Eie / Evie, Kik /
// Kirk (rearranged asks four letters and more). The first letter must
// agree — Amy and May, Ira and Ria, Leo and Noel are two names — neither
// word may be a listed name when both are (Ian, Ina), and both must keep
// three distinct letters: Li and Lin, Ng and Ngo are two surnames.
func shortSlip(a, b string) bool {
	if len(a) > 6 || len(b) > 6 || len(a) > 4 && len(b) > 4 || a == "" || b == "" || a[0] != b[0] {
		return false
	}
	ca, cb := undouble(a), undouble(b)
	if len(ca) < 3 || len(cb) < 3 || ca == cb {
		return false
	}
	if knownName(a) && knownName(b) {
		return false
	}
	if len(ca) == len(cb) {
		return sameLetters(ca, cb)
	}
	short, long := ca, cb
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(long) != len(short)+1 {
		return false
	}
	// The shorter is the longer with one letter left out, in order.
	for i := range long {
		if long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}

// undouble returns s with each run of one letter written once (Popppy,
// popy).
func undouble(s string) string {
	if len(s) < 2 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i == 0 || s[i] != s[i-1] {
			out = append(out, s[i])
		}
	}
	return string(out)
}

// sameLetters reports whether a and b hold the same letters, in any order.
func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

// knownName reports whether tok is a given name of the nickname or the
// language tables.
func knownName(tok string) bool {
	return englishGivenName(tok) || givenName(tok) >= 0
}

// alternates are spellings of one sound the skeleton keeps apart because
// other languages need them apart: French ch is English sh (Cherif,
// Sharif), German and Slavic j is English y (Josef, Yosef), Persian gh
// is the q of the same names spelt from Arabic (Ghaani, Qaani; Bagher,
// Baqer), whose skeletons agree but are too short to be trusted alone;
// the Arabic ذ is dh, th or, as Persian, Urdu and Levantine speakers say
// it, z (Muadh, Muath, Moaz; Dhia, Zia); ث is th, or s as Persian, Urdu,
// Pashto and Turkish say it (Uthman, Usman; Wathiq, Wasiq). Ukrainian h
// for Russian g is ukrainianH.
var alternates = [][2]string{{"ch", "sh"}, {"j", "y"}, {"ou", "u"}, {"kh", "k"}, {"gh", "q"}, {"dh", "z"}, {"dh", "th"}, {"th", "s"}}

// foldKeys are the TokenKeys of a token rewritten as the common English
// (BGN/PCGN) romanisation of a Russian name would write it, from the
// Ukrainian and Belarusian ones and ISO 9 without diacritics (slavicFold),
// the German (Schewtschenko, Chudjakow, Schukow) and the French
// (Chevtchenko, Joukov), those of the other languages of the European
// Union (europeFolds: Sjtjerbakov, Szczerbakow, Scserbakov, Morozovas) —
// and of a Turkish c as j (Recep, Redzhep); only those that differ from
// key, the token's own TokenKey. Parse computes them once per token.
func foldKeys(t, key string) []string {
	return keysOf(foldForms(t), t, key)
}

// keysOf are the TokenKeys of forms, a token's foldForms: those of two
// letters or more that differ from key and from each other.
func keysOf(forms []string, t, key string) []string {
	var out []string
	for _, f := range forms {
		if f == t {
			continue
		}
		// A fold key of one letter is shared by unrelated names (Caey
		// folded as Turkish, Jaey, against Joey): not kept.
		if k := TokenKey(f); len(k) >= 2 && k != key && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// foldForms are the spellings foldKeys keys: t read as each romanisation
// it may be (see foldKeys and europeFolds).
// foldsClose reports whether a spelling of a and one of b in the common
// romanisation (foldForms) are close (Jaro-Winkler .75 or more).
func foldsClose(a, b string) bool {
	fa, fb := append(foldForms(a), a), append(foldForms(b), b)
	for _, x := range fa {
		for _, y := range fb {
			if JaroWinkler(x, y) >= .75 {
				return true
			}
		}
	}
	return false
}

func foldForms(t string) []string {
	out := romanForms(t)
	if base := europeBase(t); base != t {
		out = append(append(out, base), romanForms(base)...)
	}
	return out
}

// romanForms are the readings of t as each romanisation foldKeys names.
func romanForms(t string) []string {
	out := []string{slavicFold(t)}
	if strings.ContainsAny(t, "jwz") || strings.Contains(t, "ch") {
		out = append(out, germanSh.Replace(t))
		if strings.Contains(t, "sch") {
			out = append(out, germanZh.Replace(t))
		}
	}
	if strings.IndexByte(t, 'j') >= 0 || strings.Contains(t, "ch") || strings.Contains(t, "ou") {
		out = append(out, frenchRoman.Replace(t))
	}
	if strings.IndexByte(t, 'c') >= 0 {
		out = append(out, turkishC.Replace(t))
	}
	if strings.Contains(t, "dj") {
		out = append(out, strings.ReplaceAll(t, "dj", "d")) // Đurić written without its stroke: Duric
	}
	if strings.Contains(t, "dzh") {
		// Russian's Дж for the Serbian Đ (Джуканович, Đukanović, Djukanovic,
		// Dukanovic without the stroke).
		out = append(out, strings.ReplaceAll(t, "dzh", "dj"), strings.ReplaceAll(t, "dzh", "d"))
	}
	return append(out, europeFolds(t)...)
}

// turkishC writes the Turkish c (a j sound: Recep, Cemal) as the j of
// other romanisations (Redzhep, Djemal), leaving ch and ck alone.
var turkishC = strings.NewReplacer("ch", "ch", "ck", "ck", "c", "j")

// German romanisation of Russian: шч sch-tsch, ч tsch, ш and ж sch, х ch,
// й j, в w, ц z. Its sch is either ш or ж: both readings are kept.
var (
	germanSh    = germanRoman("sh")
	germanZh    = germanRoman("zh")
	frenchRoman = strings.NewReplacer("chtch", "shch", "tch", "ch", "ch", "sh", "j", "zh", "ou", "u", "ss", "s")
)

// germanRoman rewrites German romanisation as English, reading sch as sch.
func germanRoman(sch string) *strings.Replacer {
	return strings.NewReplacer("schtsch", "shch", "tsch", "ch", "sch", sch, "ch", "kh", "j", "y", "w", "v", "z", "ts")
}

// consonantFrame reports whether f is w written as Arabic script writes
// it, which an Arabic word missing from the dictionary is read as (see
// arabicLetterWord): w without its short vowels and doubled letters, with
// a vowel only at either end (a long one, or the final yeh). No Latin name
// has that shape, so the words it joins differ only in what Arabic letters
// do not write.
func consonantFrame(f, w string) bool {
	if len(f) < 2 || len(f) >= len(w) {
		return false
	}
	for i := 1; i < len(f)-1; i++ {
		if isVowel(f[i]) {
			return false
		}
	}
	i := 0
	for j := 0; j < len(w); j++ {
		switch {
		case i < len(f) && (f[i] == w[j] || f[i] == 'v' && w[j] == 'w' || f[i] == 'w' && w[j] == 'v'):
			i++ // a Persian waw is v, an Arabic or Urdu one w (ولی: Vali, Wali)
		case isVowel(w[j]) || j > 0 && w[j] == w[j-1]:
		default:
			return false
		}
	}
	return i == len(f)
}

// spelledAlike reports whether one of a's or b's foldForms is the other
// word, or both read as one: for short words, whose fold keys are their
// own keys (Dutch Oesama, Usama).
func spelledAlike(a, b string) bool {
	fa, fb := foldForms(a), foldForms(b)
	for _, x := range fa {
		if x == b || slices.Contains(fb, x) {
			return true
		}
	}
	return slices.Contains(fb, a)
}

// romanceParticlesApart reports whether x and y, words with the cores cx
// and cy, are one family name glued to two different Romance particles
// (destefano, distefano: De Stefano and Di Stefano are two families; da
// Silva and de Silva two lines). A particle on one side only is a source
// dropping it, and stays a variant.
func romanceParticlesApart(x, cx, y, cy *word) bool {
	if cx.s == x.s || cy.s == y.s || cx.s != cy.s || x.s == y.s {
		return false
	}
	px, py := strings.TrimSuffix(x.s, cx.s), strings.TrimSuffix(y.s, cy.s)
	return romanceParticles[px] && romanceParticles[py]
}

// reordered reports whether b is a, or a with its first words and its
// last ones exchanged, the words between kept: the family name moved to
// the front or the back (Gómez Restrepo, Juan Sebastián; Kim Jong Un, Jong
// Un Kim), or the given name and the family name traded round a middle
// name (Tran Thi Thu Huong, Huong Thi Thu Tran; Jean-Marc Konan N'Guessan,
// N'Guessan Konan Jean-Marc) — the orders sources write one name in.
func reordered(a, b []string) bool {
	n := len(a)
	if n != len(b) {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	for i := 1; i < n; i++ {
		for j := i; j < n; j++ {
			if slices.Equal(b, slices.Concat(a[j:], a[i:j], a[:i])) {
				return true
			}
		}
	}
	return false
}

// movedWords reports whether the words of a, each met by the word
// pairOf[i] of a name as long, stand there in an order no source writes
// one person's name in (reordered), no Western given name among the words
// moved (westernMoved): a Western given name moved is one man's (Yao Serge
// Koffi, Serge Yao Koffi: the Christian name and the day name, in either
// order).
func movedWords(a []string, oa, ob, pairOf []int) bool {
	// Both names as said (order), b's words written as the words of a
	// they met.
	var saidA, metA [maxAlign]string
	var at [maxAlign]int // at[j]: the word of a that b's word j met
	for i, j := range pairOf {
		at[j] = i
	}
	said, met := saidA[:len(a)], metA[:len(a)]
	for p := range a {
		said[p], met[p] = a[oa[p]], a[at[ob[p]]]
	}
	return !reordered(said, met) && !westernMoved(said, met)
}

// fatherNamed reports whether short (its words in said order oa, each
// met by the word pairOf[i] of long) is long, an Arab's name (in Arabic
// letters, arabLatinName or with an al-Din compound), as said (ol) without its first word: in a
// chain of names the son's own name dropped leaves his father's. The
// word dropped must be one that is a man's own given name: not an
// initial, not Muhammad (which sources drop before the name a man goes
// by: Muhammad Nawaz Sharif, Nawaz Sharif), not a title some sources write
// and others drop (Seyyed, Hafiz, Sheikh in letters that keep it, Alhaji,
// Hj., Gen., Capitaine, Tun), not a kunya or the Abd of a compound read
// apart; and short must not begin with a kunya (Adnan Abu Walid
// al-Sahrawi goes by Abu Walid al-Sahrawi) or a Western given name
// (Matamela Cyril Ramaphosa goes by Cyril Ramaphosa). Any word, Muhammad
// too, is the son's own name when long says so with bin or ibn after it
// (Mohammed bin Salman bin Abdulaziz Al Saud, his father Salman bin
// Abdulaziz Al Saud).
func fatherNamed(short, long Name, oa, ol, pairOf []int) bool {
	for p, i := range oa {
		if pairOf[i] != ol[p+1] {
			return false
		}
	}
	arab := false
	for i := range long.Tokens {
		w := long.word(i)
		arab = arab || w.arabic || w.arabLatin || dinWord(w.s)
	}
	w, first := long.word(ol[0]), short.Tokens[oa[0]]
	nasab := len(ol) > 1 && sonOf(long, ol[1])
	own := w.arabic || arabicGivenName(w.s) || dinWord(w.s) || nasab
	return arab && own && (!muhammadWord(w) || nasab) && !titleOrKunya(w) && !kunyaWord(first) && !westernGivenName(first)
}

// titleOrKunya reports whether w, the first word of a name, is no man's
// own name: an initial, a title some sources write and others drop, a
// kunya, or the Abd of a compound read apart.
func titleOrKunya(w *word) bool {
	return len(w.s) <= 1 || titleName(w.s) || honorifics[w.s] || writtenTitles[w.s] ||
		w.key == sheikhKey() || kunyaWord(w.s) || w.s == "abd"
}

// nasabFather reports whether short names an ancestor of long, a name
// written with its chain of fathers (Imed Ben Mohamed Naceur Ben Mohamed
// Trabelsi): long's first word, the son's own name, meets no word of
// short, and short's first word meets a word bin or ibn introduces
// (Mohamed Naceur Trabelsi, his father; the grandfather's name between
// may be dropped).
func nasabFather(short, long Name, oa, ol, pairOf []int) bool {
	if len(ol) < 2 || !sonOf(long, pairOf[oa[0]]) {
		return false
	}
	for _, i := range oa {
		if pairOf[i] == ol[0] {
			return false
		}
	}
	return !titleOrKunya(long.word(ol[0]))
}

// sonOf reports whether word i of n is introduced by bin, ben (as the
// Maghreb writes it), ibn or bint (glued to it by Parse): the name before it is a son's or a daughter's.
func sonOf(n Name, i int) bool {
	if i >= len(n.Tokens) || i >= len(n.Cores) || n.Tokens[i] == n.Cores[i] {
		return false
	}
	t := n.Tokens[i]
	return strings.HasPrefix(t, "bin") || strings.HasPrefix(t, "ibn") || strings.HasPrefix(t, "ben")
}

// dinWord reports whether t is an al-Din compound as Parse writes it
// (Sirajuddin, sirajdin).
func dinWord(t string) bool { return len(t) >= 7 && strings.HasSuffix(t, "din") }

// writtenTitles are titles and ranks sources write into a name, and
// Parse keeps, that fatherNamed must not read as a son's own name.
var writtenTitles = map[string]bool{
	"alhaji": true, "alhadji": true, "elhadj": true, "elhadji": true, "hadj": true, "hadji": true, "hj": true, "hjh": true,
	"gen": true, "col": true, "lt": true, "maj": true, "capt": true, "cpt": true, "brig": true, "major": true,
	"captain": true, "capitaine": true, "commandant": true, "imam": true, "emir": true,
	"tun": true, "tan": true, "sri": true, "datuk": true, "dato": true, "datin": true, "engr": true, "eng": true,
}

// kunyaWord reports whether t is a kunya, glued or not (Abu, Abou,
// Abuubaydah, Umm).
func kunyaWord(t string) bool {
	return strings.HasPrefix(t, "abu") || strings.HasPrefix(t, "abou") || strings.HasPrefix(t, "umm")
}

// westernMoved reports whether the words a and b hold in other places
// are a Western given name (westernGivenName) and another kind of word.
func westernMoved(a, b []string) bool {
	western, other := false, false
	for i := range a {
		if a[i] != b[i] {
			w := westernGivenName(a[i])
			western, other = western || w, other || !w
		}
	}
	// Two Western given names traded are two people's (Eduardo Ramón and
	// Ramón Eduardo Arellano Félix, brothers): only a Western name moved
	// past another kind of word is one man's.
	return western && other
}

// derivedSurname reports whether s is a surname made of the name g with
// Russian's -ov, -ev, -ova, -eva (Karimov, Karim; Sharipov, Sharif), or
// Greek's genitive in -ou (Dimitriou, of Dimitrios), for telling a father
// from his son (aligned).
func derivedSurname(s, g string) bool {
	if stem, ok := strings.CutSuffix(s, "ou"); ok && len(stem) >= 3 && len(g) == len(s) && strings.HasPrefix(g, stem) {
		switch g[len(stem):] {
		case "os", "as", "is", "es":
			return true // Greek's genitive, the father's name: Dimitriou, of Dimitrios
		}
	}
	for _, end := range []string{"ova", "eva", "ov", "ev"} {
		if stem, ok := strings.CutSuffix(s, end); ok && len(stem) >= 3 {
			return stem == g || russianPForF(stem, g)
		}
	}
	return false
}

// adjectivalStem returns the stem of a Russian or Ukrainian adjectival
// surname or name ending in -ый, -ий (Sytyi, Sytii, Syty, Sytiy, Sytyj),
// "" for a word with no such ending after a consonant or a stem shorter
// than three letters.
func adjectivalStem(t string) string {
	for _, end := range []string{"yy", "yi", "ii", "iy", "ij", "yj", "y", "i"} {
		if stem, ok := strings.CutSuffix(t, end); ok {
			if len(stem) >= 3 && !isVowel(stem[len(stem)-1]) && stem[len(stem)-1] != 'y' {
				return stem
			}
			return ""
		}
	}
	return ""
}

// vowelFold writes a word with the vowels transliterations of Arabic
// disagree on made one — o as u, e as i, the diphthongs ay, ai, ei, ey as
// i — q as k, and no letter doubled: Oneissi and Unaysi are both unisi.
func vowelFold(t string) string {
	t = vowelFolds.Replace(t)
	out := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if i == 0 || t[i] != t[i-1] {
			out = append(out, t[i])
		}
	}
	return string(out)
}

var vowelFolds = strings.NewReplacer("ay", "i", "ai", "i", "ei", "i", "ey", "i", "o", "u", "e", "i", "q", "k")

// ponticGreek reports whether b is a, a Greek family name in -idis or
// -adis, without its final s, as Russia's Pontic Greeks are registered
// (Savvidis, Саввиди Savvidi; Anastasiadis, Anastasiadi).
func ponticGreek(a, b string) bool {
	return len(a) >= 8 && (strings.HasSuffix(a, "idis") || strings.HasSuffix(a, "adis")) && a[:len(a)-1] == b
}

// russianKh reports whether cyr, a word read from Cyrillic, is lat with
// its h written х, as Russian writes the h of foreign names (Шах, Shah;
// Хан, Han; Рахман, Rahman): the words otherwise the same. Only an h
// after a vowel or first counts, where an English h stands alone (kh
// after a consonant is a digraph: Sukhoi).
func russianKh(cyr, lat string) bool {
	if len(cyr) != len(lat)+1 || !strings.Contains(cyr, "kh") {
		return false
	}
	for i := 0; i+1 < len(cyr); i++ {
		if cyr[i] == 'k' && cyr[i+1] == 'h' && (i == 0 || isVowel(cyr[i-1])) && cyr[:i]+cyr[i+1:] == lat {
			return true
		}
	}
	return false
}

// foldsMeet reports whether a fold key of one word is the key or a fold
// key of the other. A key of two letters says too little (Haniya read as
// Ukrainian, ganiya, keys as Qaani does: kn): the words meet on one only
// when a fold of one spells the other (spelledAlike).
func foldsMeet(x, y *word) bool {
	short := false
	for _, fa := range x.folds {
		if fa == y.key || slices.Contains(y.folds, fa) {
			if len(fa) >= 3 {
				return true
			}
			short = true
		}
	}
	if k := x.key; slices.Contains(y.folds, k) {
		if len(k) >= 3 {
			return true
		}
		short = true
	}
	return short && spelledAlike(x.s, y.s)
}

// clusterSchwa is t, read from an Indian script of the north, without
// the a it ends in after two consonants or more (aleksandra, aleksandr),
// "" when it ends otherwise: the scripts keep that a (नरेन्द्र, Narendra),
// which names from elsewhere and Punjabi spellings do not say. A woman's
// name ending so (Priyanka) then meets a man's without it (Priyank): the
// rest of two records must still agree.
func clusterSchwa(t string) string {
	n := len(t)
	if n < 5 || t[n-1] != 'a' || isVowel(t[n-2]) || isVowel(t[n-3]) || t[n-2] == 'y' {
		return "" // -ya is a glide and a vowel, as in Divya, Aishwarya
	}
	return t[:n-1]
}

// greekForeign reads t, a word read from Greek letters as Greek passports
// romanise them (greekWord), as Greek writes a foreign name: γκ, μπ, ντ
// inside the word are g, b, d (Πριγκόζιν, Prigozhin), τζ a j (Τζόνσον,
// Johnson), and γ before e or i at the start a y (Γεβγκένι, Yevgeny). ""
// when it reads no otherwise.
func greekForeign(t string) string {
	r := greekForeignLetters.Replace(t)
	if len(r) > 2 && r[0] == 'g' && (r[1] == 'e' || r[1] == 'i') {
		r = "y" + r[1:]
		if r[1] == 'i' && len(r) > 2 && isVowel(r[2]) {
			r = "y" + r[2:] // Γιονγκ giongk, Yong
		}
	}
	if r == t {
		return ""
	}
	return r
}

var greekForeignLetters = strings.NewReplacer("ngk", "ng", "gk", "g", "mp", "b", "nt", "d", "tz", "j")

// centralC reports whether lat, a Latin word, is cyr, a word read from
// Cyrillic, once each c that is not ch, ck, cz or cs is read ts, as
// Czech, Slovak, Polish, Hungarian and the South Slavic languages say it
// and Cyrillic writes it (Fico, Фицо; Cvetković, Цветкович).
func centralC(lat, cyr string) bool {
	if !strings.Contains(cyr, "ts") || strings.IndexByte(lat, 'c') < 0 || len(lat) < 3 {
		return false
	}
	var b strings.Builder
	for i := 0; i < len(lat); i++ {
		switch {
		case lat[i] == 'c' && i+1 == len(lat) && i > 0 && lat[i-1] == 'i':
			b.WriteString("ch") // -ić without its accent, Cyrillic's -ич
		case lat[i] == 'c' && (i+1 == len(lat) || strings.IndexByte("hkzs", lat[i+1]) < 0):
			b.WriteString("ts")
		case lat[i] == 'j' && i > 0 && i+1 < len(lat) && isVowel(lat[i-1]) && isVowel(lat[i+1]):
			b.WriteByte('i') // the South Slavic j between vowels, Cyrillic's и, й (Cvijanović, Цвиянович)
		default:
			b.WriteByte(lat[i])
		}
	}
	r := b.String()
	return r == cyr || JaroWinkler(r, cyr) >= .92
}

// centralForm writes cyr, a word read from Cyrillic, as a Central European
// name Russian transcribes would be spelt without its accents: ts as c, an
// ia or iu after an i as ja, ju, a final -ich as -ic (Цвиянович
// tsviianovich, Cvijanovic; Фицо fitso, Fico).
func centralForm(cyr string) string {
	t := strings.ReplaceAll(cyr, "ts", "c")
	t = strings.ReplaceAll(strings.ReplaceAll(t, "iia", "ija"), "iiu", "iju")
	if s, ok := strings.CutSuffix(t, "ich"); ok {
		t = s + "ic"
	}
	return t
}

// icaoY writes the i that Russian passports (ICAO) give я, ю, е and ё
// at the start of a word or after a vowel (Iasin, Iurii, Iarovaia) as the
// y of other romanisations (Yasin, Yuri, Yarovaya).
func icaoY(t string) string {
	return setBytes(t, 'y', func(i int) bool {
		return t[i] == 'i' && i+1 < len(t) && (i == 0 || isVowel(t[i-1])) && strings.IndexByte("aeou", t[i+1]) >= 0
	})
}

// setBytes is t with the bytes at which at holds set to c; t itself when
// there are none.
func setBytes(t string, c byte, at func(i int) bool) string {
	var b []byte
	for i := 0; i < len(t); i++ {
		if at(i) {
			if b == nil {
				b = []byte(t)
			}
			b[i] = c
		}
	}
	if b == nil {
		return t
	}
	return string(b)
}

// slavicFold writes a Ukrainian or Belarusian romanisation of a name the
// way a Russian one reads: consonants that lost their ISO 9 diacritic
// (iso9Fold: Zuravlova, Zhuravleva) and, in words of five letters or
// more, h for g (ukrainianH) and the Belarusian -au of -ov (Hramau,
// Gromov).
func slavicFold(t string) string {
	if len(t) >= 5 {
		if strings.HasSuffix(t, "au") || strings.HasSuffix(t, "ou") {
			t = t[:len(t)-2] + "ov" // Belarusian -аў: Hramau, Ivanou
			// and ў inside such a word, after a vowel and before a
			// consonant (Раўкоў, Raukou: Ravkov).
			t = setBytes(t, 'v', func(i int) bool {
				return t[i] == 'u' && i > 0 && i+1 < len(t) && strings.IndexByte("aeo", t[i-1]) >= 0 && !isVowel(t[i+1])
			})
		}
		t = ukrainianH(t)
	}
	return iso9Fold(t)
}

// ukrainianH writes the h of a Ukrainian romanisation as the g of the
// Russian one (Prihozhyn → prigozhyn, Hrytsenko → grytsenko), leaving the
// h of zh, kh, sh, ch, th alone. Only in words of five letters or more
// (slavicFold) is it seldom another name (Hill, Gill).
func ukrainianH(t string) string {
	return setBytes(t, 'g', func(i int) bool {
		return t[i] == 'h' && (i == 0 || strings.IndexByte("zkscdtpg", t[i-1]) < 0)
	})
}

// enkoForms reports whether a and b are the Ukrainian (-enko) and
// Belarusian (-enka) spellings of one surname: not masculine and feminine
// forms, which genderForms would take them for.
func enkoForms(a, b string) bool {
	if len(a) != len(b) || len(a) < 6 {
		return false
	}
	stem := len(a) - 4
	return a[:stem] == b[:stem] && (a[stem:] == "enko" && b[stem:] == "enka" || a[stem:] == "enka" && b[stem:] == "enko")
}

// feminines are the feminine forms of given names that no ending rule
// tells (French -e and -le, -ne: a rule would also take Clark for Clarke,
// Brown for Browne, one surname), by their masculine. Laurence is left
// out: a woman in French but a man in English, Laurent's name.
var feminines = map[string]string{
	"jean": "jeanne", "michel": "michelle", "joel": "joelle", "louis": "louise",
	"denis": "denise", "pascal": "pascale", "gabriel": "gabrielle", "daniel": "danielle",
	"emmanuel": "emmanuelle", "martin": "martine", "justin": "justine", "christian": "christiane",
	"simon": "simone", "yvon": "yvonne", "lucien": "lucienne", "julien": "julienne",
	"fabien": "fabienne", "adrien": "adrienne", "noel": "noelle", "raphael": "raphaelle",
	"francis": "frances", "francois": "francoise", "marcel": "marcelle", "paul": "paule",
	"stefan": "stefania", "stephane": "stephanie", "jose": "josefa",
	"ivo": "iva", "yves": "yvette", "georges": "georgette", "henri": "henriette",
	"antoine": "antoinette", "bernard": "bernadette", "nicolas": "nicole", "charles": "charlotte",
}

// genderForms reports whether a and b are the masculine and feminine forms
// of one name: a trailing a (Samir, Samira), or Slavic surname endings
// (Petrov, Petrova; Kowalski, Kowalska; Chaykovskiy, Chaykovskaya).
func genderForms(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if feminines[a] == b || feminines[b] == a {
		return true // Jean / Jeanne, Louis / Louise, Francis / Frances, Henri / Henriette
	}
	if len(a) < 3 || len(b)-len(a) > 2 || a[:3] != b[:3] {
		return false
	}
	if b == a+"a" && (len(a) >= 4 || !isVowel(a[2])) && a[len(a)-1] != 'a' {
		return true // Samir / Samira, Jan / Jana; not Ala / Alaa, one name
	}
	if len(a) < 4 {
		return false
	}
	// Mario / Maria, Daniele / Daniela: the same name but the last vowel.
	if len(a) == len(b) && a[:len(a)-1] == b[:len(b)-1] {
		x, y := a[len(a)-1], b[len(b)-1]
		if (x == 'e' && y == 'a' || x == 'a' && y == 'e') && !masculineE(a[:len(a)-1]) {
			// A final e for an a is a man's name and a woman's only where
			// Italian and Spanish end a man's name in e (masculineE);
			// elsewhere it is one name spelt as another language writes
			// it: Marie / Maria, Sophie / Sophia (French and Latin);
			// Fatime / Fatima, Khadije / Khadija, Hamze / Hamza, Emine /
			// Emina (Persian, Turkish, Albanian and Bosnian forms of
			// Arabic names); Kahane / Kahana (the Hebrew final letter);
			// Rajapakse / Rajapaksa (the colonial spelling of Sinhala).
			return false
		}
		if (x == 'a') != (y == 'a') && isVowel(x) && isVowel(y) {
			return true
		}
	}
	// Slavic -ski / -ska; Greek surnames (Papadakis / Papadaki,
	// Papadopoulos / Papadopoulou, Georgiadis / Georgiadou) and given
	// names (Georgios / Georgia, Ioannis / Ioanna, Konstantinos /
	// Konstantina).
	for _, p := range [][2]string{{"ski", "ska"}, {"sky", "skaya"}, {"skiy", "skaya"}, {"skii", "skaia"},
		{"akis", "aki"}, {"opoulos", "opoulou"}, {"idis", "idou"}, {"ios", "ia"}, {"nis", "na"}, {"os", "a"}} {
		if strings.HasSuffix(a, p[0]) && strings.TrimSuffix(a, p[0])+p[1] == b ||
			strings.HasSuffix(b, p[0]) && strings.TrimSuffix(b, p[0])+p[1] == a {
			return true
		}
	}
	return false
}

// masculineE reports whether stem, a name without its final vowel, is
// one Italian or Spanish ends in e for a man and in a for a woman:
// Daniele / Daniela, Michele, Emanuele (-el); Simone / Simona (-on);
// Felipe / Felipa, Giuseppe (-p); Vicente / Vicenta, Clemente (-nt).
func masculineE(stem string) bool {
	for _, e := range []string{"el", "on", "p", "nt"} {
		if strings.HasSuffix(stem, e) {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by one insertion, deletion,
// substitution or transposition of adjacent letters.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := -1
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					// a second difference: only a transposition of i-1,i
					return diff == i-1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		return true
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// substitution reports whether a and b, of one length, differ in exactly
// one letter.
func substitution(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	n := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			n++
		}
	}
	return n == 1
}

// twoConsonantsReplaced reports whether a and b, of one length, differ in
// exactly two letters, each change with a consonant in it (Feldman /
// Fridman), or one a consonant for another (Karimi / Kazemi, Hamdan /
// Haddad): another name more often than two slips, where a letter
// dropped, added or swapped is a typist's. A vowel for a vowel, or for a
// letter romanisations trade with vowels (v, w, y, j, h: Paulauna /
// Pavlavna), or one consonant for a vowel beside a vowel for a vowel
// (Oesama / Ussama), is a spelling.
func twoConsonantsReplaced(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff, hard, both := 0, 0, 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			diff++
			if !softLetter(a[i]) || !softLetter(b[i]) {
				hard++
			}
			if !softLetter(a[i]) && !softLetter(b[i]) {
				both++
			}
		}
	}
	return diff == 2 && (hard == 2 || both > 0)
}

// softLetter is a vowel or a letter romanisations write for one.
func softLetter(c byte) bool {
	return isVowel(c) || strings.IndexByte("vwyjh", c) >= 0
}

// editsWithin2 reports whether the optimal-string-alignment distance of a
// and b is at most 2 (banded, so cheap).
func editsWithin2(a, b string) bool {
	if len(a) > 64 || len(b) > 64 || abs(len(a)-len(b)) > 2 {
		return false
	}
	var prev2, prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > 2 {
			return false
		}
		prev2, prev = prev, cur
	}
	return prev[len(b)] <= 2
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// maxAlign bounds the token alignment to MaxTokens on each side.
const maxAlign = MaxTokens

// Similarity scores two names in [0, 1], whatever their word order. Tokens
// are aligned one to one, best pairs first; a common token (low weight)
// counts little; a token of the shorter name with no counterpart pulls the
// score down hard (John Smith / Jane Smith), extra tokens on the longer side
// a little (a missing middle name); a name that shares only little
// identifying weight (one common token) stays well below a full match.
func Similarity(a, b Name, w Weights) Score {
	s := similarity(a, b, w)
	if ga, gb := generationOf(a, b), generationOf(b, a); ga != "" && gb != "" && ga != gb {
		s.Value *= .5
		s.Explanation += ", generation " + ga + "/" + gb
	} else if ga == "jr" && gb == "" || gb == "jr" && ga == "" {
		// Junior on one name only: the son, or the father written without
		// his Senior. The name alone no longer says which; a date of birth
		// or a document still may.
		s.Value *= .7
		s.Explanation += ", junior on one name only"
	}
	switch {
	case syllableMissing(a, b) || syllableMissing(b, a):
		s.apart("a syllable of the given name missing")
	case sonNamedAfterFather(a, b) || sonNamedAfterFather(b, a):
		s.apart("his son's name")
	case filiationReversed(a, b):
		s.apart("father and son")
	case koreanGivenSwapped(a, b):
		s.apart("the given name's syllables in the other order")
	case otherCompound(a, b) || otherCompound(b, a):
		s.apart("another compound given name")
	case mongolianReversed(a, b):
		s.apart("father and son")
	case compoundReversed(a, b):
		s.apart("a hyphenated name's words in the other order")
	case otherArticleCompound(a, b):
		s.apart("another compound given name")
	case burmeseSyllableMissing(a, b) || burmeseSyllableMissing(b, a):
		s.apart("a syllable of a Burmese name missing")
	case burmeseSyllablesApart(a, b):
		s.apart("another syllable of a Burmese name")
	case s.Value < burmeseHonorificName && burmeseHonorificsAlike(a, b):
		s = Score{Value: burmeseHonorificName, Explanation: "one Burmese name, another honorific", Spelled: true}
	}
	return s
}

// burmeseHonorificName is what one Burmese name scores after two
// honorifics of one sex (burmeseHonorificsAlike).
const burmeseHonorificName = .92

// mongolianReversed reports whether each name gives in the genitive, as
// its bearer's father's, a name the other gives as its bearer's own:
// Ganboldyn Bat-Erdene and Bat-Erdeniin Ganbold, a father and his son.
func mongolianReversed(a, b Name) bool {
	fathers := func(x, y Name) bool {
		for _, g := range x.Tokens {
			for _, t := range y.Tokens {
				if mongolianGenitive(g, t) {
					return true
				}
			}
		}
		return false
	}
	return fathers(a, b) && fathers(b, a)
}

// compoundReversed reports whether a and b write one hyphenated name's two
// words in the other order, and never in the same: Jean-Louis and
// Louis-Jean, Mohammad-Ali and Ali-Mohammad are two names, whose words
// vigie otherwise reads in any order.
func compoundReversed(a, b Name) bool {
	if a.hyphens == nil || b.hyphens == nil {
		return false
	}
	reversed := false
	for _, p := range a.hyphens {
		if slices.Contains(b.hyphens, p) {
			return false
		}
		reversed = reversed || slices.Contains(b.hyphens, [2]string{p[1], p[0]})
	}
	return reversed
}

// hyphenPairs returns the pairs of words a latinised name joins with a
// hyphen (jean-louis), or nil; Parse keeps them on the Name.
func hyphenPairs(latin string) [][2]string {
	if strings.IndexByte(latin, '-') < 0 {
		return nil
	}
	var out [][2]string
	for _, f := range strings.Fields(latin) {
		parts := strings.Split(strings.Trim(f, ",.;"), "-")
		if len(parts) == 2 && parts[0] != "" && parts[1] != "" && parts[0] != parts[1] {
			out = append(out, [2]string{parts[0], parts[1]})
		}
	}
	return out
}

// spellingReadings are letters that Romance spellings write for a sound
// other spellings give its own letter: French writes a w ou before a vowel
// (Haoua, Hawa; Ouattara, Wattara), Portuguese, Spanish and French a k qu
// before e and i (Quiala, Kiala; Quintero, Kintero). A word holding the
// spelling is read so (respell) beside a word holding the letter.
var spellingReadings = []struct {
	spelt  string
	said   byte
	before func(byte) bool
}{
	{"ou", 'w', func(c byte) bool { return isVowel(c) && c != 'u' }},
	{"qu", 'k', func(c byte) bool { return c == 'e' || c == 'i' }},
}

// respell writes the two letters spelt as the letter said wherever the
// letter after them passes before.
func respell(t, spelt string, said byte, before func(byte) bool) string {
	var out []byte
	for i := 0; i < len(t); i++ {
		if i+2 < len(t) && t[i] == spelt[0] && t[i+1] == spelt[1] && before(t[i+2]) {
			out = append(out, said)
			i++
			continue
		}
		out = append(out, t[i])
	}
	return string(out)
}

// otherCompound reports whether a holds a Persian compound with Muhammad
// written as one word (Mohammadreza) and b the same second name after
// another first one, written apart (Gholam Reza, Ali Reza): Mohammadreza
// and Gholamreza are two given names, though the compound's bearer goes by
// Reza alone as often as by the whole. b's Reza must be closer to the
// compound's than to a's other words, and the word before it match no
// word of a and be no spelling of Muhammad's.
func otherCompound(a, b Name) bool {
	for i, t := range a.Tokens {
		if i >= maxAlign || muhammadCompound(t) == "" {
			continue
		}
		core := a.coreWord(i)
		for j := 1; j < min(len(b.Tokens), maxAlign); j++ {
			s, _ := tokenSimW(core, b.word(j))
			if s < .85 || otherWordCloser(a, i, b.word(j), s) {
				continue // (رضایی, rzaei, is Rezaei, not Reza)
			}
			before := b.word(j - 1)
			if len(before.s) < 3 || muhammadSpelling(before.s) {
				continue
			}
			matched := false
			for k := range a.Tokens[:min(len(a.Tokens), maxAlign)] {
				if s, _ := tokenSimW(a.word(k), before); s >= .6 {
					matched = true
					break
				}
			}
			if !matched {
				return true
			}
		}
	}
	return false
}

// otherArticleCompound reports whether a and b each hold a compound name
// with the article (Fazl-ur-Rehman, Khalil ur Rahman, Ziaul Haq: Fazl
// al-Rahman, Zia al-Haq) ending with one word and beginning with two
// different ones: Fazl-ur-Rehman Khalil and Khalil-ur-Rehman are two given
// names, though their words meet one for one. Only compounds both names
// write with their article count: a source that drops it (Fazl Rehman)
// says nothing of where the compound begins.
func otherArticleCompound(a, b Name) bool {
	ca := articleCompounds(a)
	if ca == nil {
		return false
	}
	cb := articleCompounds(b)
	for _, x := range ca {
		for _, y := range cb {
			if wordsMeet(a.coreWord(x[1]), b.coreWord(y[1]), .85) && !wordsMeet(a.coreWord(x[0]), b.coreWord(y[0]), .7) {
				return true
			}
		}
	}
	return false
}

// articleCompounds returns the indices of the first and last words of each
// compound name with the article n holds: the article written apart (Fazl
// ur Rehman, Zia-ul-Haq) or on the word before (Fazlur Rehman, Ziaul Haq,
// whose core articleOnWordBefore shortened), before one of articleWords.
func articleCompounds(n Name) [][2]int {
	var out [][2]int
	m := min(len(n.Tokens), maxAlign)
	for i := 0; i+1 < m; i++ {
		t := n.Tokens[i]
		switch {
		case i+2 < m && (n.Tokens[i+1] == "ur" || n.Tokens[i+1] == "ul") && articleWords[n.core(i+2)] && len(t) >= 3:
			out = append(out, [2]int{i, i + 2})
		case n.core(i) != t && (strings.HasSuffix(t, "ur") || strings.HasSuffix(t, "ul")) && articleWords[n.core(i+1)]:
			out = append(out, [2]int{i, i + 1})
		}
	}
	return out
}

// otherWordCloser reports whether a word of a other than word i is as
// close to y as sim.
func otherWordCloser(a Name, i int, y *word, sim float64) bool {
	for k := range a.Tokens[:min(len(a.Tokens), maxAlign)] {
		if s, _ := tokenSimW(a.word(k), y); k != i && s >= sim {
			return true
		}
	}
	return false
}

// muhammadSpelling reports whether t spells Muhammad (Mohamed, Mhmd, Md).
func muhammadSpelling(t string) bool { return muhammadKeyed(t, TokenKey(t)) }

// muhammadWord is muhammadSpelling of a prepared word, whose key is known:
// the scorer asks it of every pair of words.
func muhammadWord(w *word) bool { return muhammadKeyed(w.s, w.key) }

// muhammadKeyed is muhammadSpelling of t, whose TokenKey is key.
func muhammadKeyed(t, key string) bool {
	return t == "mohd" || t == "md" || t == "mhmd" || key == muhammadKey()
}

var (
	muhammadKey = sync.OnceValue(func() string { return TokenKey("muhammad") })
	sheikhKey   = sync.OnceValue(func() string { return TokenKey("sheikh") })
)

// koreanGivenSwapped reports whether a and b are Korean names whose given
// names hold the same two syllables in the other order: Kim Il Sung and
// Kim Song Il (일성, 성일) are two men, though each word of one has its
// spelling in the other.
func koreanGivenSwapped(a, b Name) bool {
	ga, gb := koreanGiven(a), koreanGiven(b)
	if ga == nil || gb == nil {
		return false
	}
	alike := func(x, y *word) bool {
		s, _ := tokenSimW(x, y)
		return s >= .85
	}
	return alike(ga[0], gb[1]) && alike(ga[1], gb[0]) && !(alike(ga[0], gb[0]) && alike(ga[1], gb[1]))
}

// koreanGiven returns the two syllables of the given name of a Korean name
// of three words (the surname first, or last in Western order), or nil.
// A name read as Vietnamese is none, though Do and Ha are Korean surnames
// too: Western files write its middle name last (DO Cuong Van for Đỗ Văn
// Cường), which is no other given name.
func koreanGiven(n Name) []*word {
	if len(n.words) != 3 || !n.words[0].korean || n.words[0].vietnamese {
		return nil
	}
	forms := koreanSurnameForms()
	switch {
	case forms[n.words[0].s]:
		return []*word{&n.words[1], &n.words[2]}
	case forms[n.words[2].s]:
		return []*word{&n.words[0], &n.words[1]}
	}
	return nil
}

// apart halves s and counts a word that disagrees: the names say two
// people (why, added to the explanation) however alike their words are.
func (s *Score) apart(why string) {
	s.Value *= .5
	s.Different = max(s.Different, 1)
	s.Spelled = false
	s.Explanation += ", " + why
}

// sonNamedAfterFather reports whether b is a's full name with one more
// given name before it, as an Arab son's name is his own before his
// father's chain: Ahmed Ali Abdullah Saleh is Ali Abdullah Saleh's son, not
// Ali Abdullah Saleh with a name more. a must hold three words at least
// (a given name, the father's and the family's: Idriss Deby is too short
// to tell a son from a name shortened), the added name must be an Arabic
// given name of the table other than Muhammad's (Mohamed Hosni Mubarak is
// Hosni Mubarak) and unlike a's first. Either name may be written SURNAME,
// Given (its last word first).
func sonNamedAfterFather(a, b Name) bool {
	n := len(a.Tokens)
	if n < 3 || len(b.Tokens) != n+1 || len(a.words) != n || len(b.words) != n+1 {
		return false
	}
	// The word at position i of a name rotated by r (its first word moved
	// last: SALEH, Ali Abdullah).
	at := func(x Name, r, i int) *word { return x.coreWord((i + r) % len(x.Tokens)) }
	for _, ra := range []int{0, 1} {
		for _, rb := range []int{0, 1} {
			son := at(b, rb, 0)
			if !arabicGivenName(son.s) || muhammadSpelling(son.s) || titleName(son.s) {
				continue
			}
			if s, _ := tokenSimW(son, at(a, ra, 0)); s >= .5 {
				continue
			}
			same := true
			for i := 0; i < n && same; i++ {
				s, _ := tokenSimW(at(a, ra, i), at(b, rb, i+1))
				same = s >= .85
			}
			if same {
				return true
			}
		}
	}
	return false
}

// titleName reports whether t is a given name that is also a title
// written before a name: Sayyid (Seyyed Ali Hosseini Khamenei), Hafiz
// (Hafiz Muhammad Saeed), Qari, Mir, Agha.
func titleName(t string) bool {
	switch t {
	case "hafiz", "hafez", "qari", "mir", "pir", "agha", "aga":
		return true
	}
	g := givenName(t)
	return g >= 0 && g == givenName("sayyid")
}

// syllablesApart reports whether x, one syllable of an East Asian name
// that is no pinyin (Korean Jong, Wade-Giles or Cantonese Chiu), and y, a
// word of a name in pinyin of two syllables or more (Jianguo), are two
// names: their consonants alone (j n g) met.
func syllablesApart(x, y *word) bool {
	if x.pinyin || !y.pinyin || !x.korean && !x.wadeGiles {
		return false
	}
	if _, ok := chineseReadings(x.s); !ok && vowelRuns(x.s) != 1 {
		return false
	}
	return len(pinyinSyllables(y.s)) >= 2
}

// vowelRuns counts the runs of vowels in s: the syllables of a
// romanised Korean or Chinese word (Jong 1, Jeong 1, Jongun 2).
func vowelRuns(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// syllableMissing reports whether a, a Chinese name of a surname and a
// given name of one syllable (Tang Ping), meets b, of three such words
// (Tang Ping-keung): a Chinese given name of one syllable is another name
// than one of two, which lists write in full. Both names must be read as
// Chinese (markWadeGiles, markPinyin) in every word.
func syllableMissing(a, b Name) bool {
	if len(a.Tokens) != 2 || len(b.Tokens) != 3 || len(a.words) != 2 || len(b.words) != 3 {
		return false
	}
	if koreanSyllableMissing(a, b) {
		return true
	}
	for _, w := range a.words {
		if !w.wadeGiles && !w.pinyin {
			return false
		}
		if _, ok := chineseReadings(w.s); !ok && len(pinyinSyllables(w.s)) != 1 && !chineseSurname(w.s) {
			return false // Tang Pingkeung: the given name joined
		}
	}
	for _, w := range b.words {
		if !w.wadeGiles && !w.pinyin {
			return false
		}
	}
	return true
}

// koreanSyllableMissing reports whether a, a Korean name of a surname and
// a given name of one syllable (Kim Chol), meets b, of a surname and two
// syllables ending with it (Kim Yong Chol, 김영철): another given name,
// as in Chinese, which lists write whole. Every word of both must be read
// as Korean (markKorean) and be one syllable (Wang Junzheng, a Chinese
// given name joined, is 王君正 written so).
func koreanSyllableMissing(a, b Name) bool {
	for _, ws := range [][]word{a.words, b.words} {
		for _, w := range ws {
			if !w.korean || vowelGroups(w.s) != 1 {
				return false
			}
		}
	}
	// The surname first in both, a's syllable b's last (not Min Thu
	// beside the Burmese Maung Min Thu, nor Paul Lam beside Lam
	// Ting-kwok). The first syllable alone (Kim Jong, Kim Jong Un) is read
	// as the name cut, as before.
	meets := func(i, j int) bool { return wordsMeet(a.word(i), b.word(j), .85) }
	return meets(0, 0) && meets(1, 2) && !meets(1, 1)
}

// vowelGroups counts the runs of vowels in t (y counted as one): a
// romanised Korean or Chinese syllable holds one.
func vowelGroups(t string) int {
	n, in := 0, false
	for i := 0; i < len(t); i++ {
		v := isVowel(t[i]) || t[i] == 'y' && i > 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// filiationParticles say "son of" or "daughter of" before a father's name:
// Arabic bin, ibn, bint; Maghrebi and Hebrew ben; Malay binti; Hassaniya
// ould; Tamasheq ag.
var filiationParticles = []string{"bin", "ibn", "ben", "bint", "ibni", "binti", "ould", "ag"}

// filiationReversed reports whether the names say the same two given names
// with the filiation the other way round: Hamad bin Khalifa and Khalifa bin
// Hamad, Mohammed bin Salman and Salman bin Mohammed — a father and his
// son, or a grandson named after his grandfather, as Gulf and Maghrebi
// families name them. Word order alone says nothing (lists write names in
// any order); a particle says who is whose father.
func filiationReversed(a, b Name) bool {
	if !hasFiliation(a) || !hasFiliation(b) {
		return false // most names: no key computed
	}
	pa, fa := filiation(a)
	pb, fb := filiation(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	for _, x := range pa {
		if !slices.Contains(fb, x) || slices.Contains(fa, x) {
			continue
		}
		for _, y := range fa {
			if y != x && slices.Contains(pb, y) && !slices.Contains(fb, y) {
				return true
			}
		}
	}
	return false
}

// hasFiliation reports whether a word of n begins with a filiation
// particle glued to it (binkhalifa): the cheap test before filiation.
func hasFiliation(n Name) bool {
	for i, t := range n.Tokens {
		if len(t) > len(n.core(i)) {
			for _, f := range filiationParticles {
				if strings.HasPrefix(t, f) {
					return true
				}
			}
		}
	}
	return false
}

// filiation returns the keys of a name's own words (no particle before
// them) and of its fathers' names (after a filiation particle: bin
// Khalifa, ould Abdel Aziz).
func filiation(n Name) (own, fathers []string) {
	for i, t := range n.Tokens {
		c := n.core(i)
		p, ok := strings.CutSuffix(t, c)
		if !ok {
			continue
		}
		if p == "" || p == "abd" {
			own = append(own, n.key(i)) // Hamad; Abdelaziz, whose core is aziz
			continue
		}
		for _, f := range filiationParticles {
			if rest, ok := strings.CutPrefix(p, f); ok {
				if rest = trimParticles(rest); rest == "" || rest == "abd" {
					fathers = append(fathers, TokenKey(rest+c))
				}
				break
			}
		}
	}
	return own, fathers
}

// trimParticles removes the particles written at the start of s (the al
// of bin al-Hassan), as long as some remain to remove.
func trimParticles(s string) string {
	for s != "" {
		found := false
		for k := min(len(s), 5); k >= 1; k-- {
			if particles[s[:k]] {
				s, found = s[k:], true
				break
			}
		}
		if !found {
			return s
		}
	}
	return s
}

// similarity is Similarity before generations are compared.
func similarity(a, b Name, w Weights) Score {
	s := aligned(a, b, w)
	// Two names of as many words, one writing a compound given name as one
	// word and the other as two, each with a word the other lacks
	// (Gholamreza Jalali Farahani, Gholam Reza Jalali): tried with the two
	// words joined, on either side, when word by word they do not meet.
	if n := len(a.Tokens); n >= 3 && n == len(b.Tokens) && n <= maxAlign && s.Value < .85 {
		for _, p := range [2][2]Name{{a, b}, {b, a}} {
			if j, ok := joinedAlignTo(p[0], p[1], w, true); ok && j.Value > s.Value {
				s = j
			}
		}
	}
	return s
}

// aligned is similarity word by word, or with two words of the longer
// name joined (joinedAlign).
func aligned(a, b Name, w Weights) Score {
	if w == nil {
		w = DefaultWeights{}
	}
	if len(a.Tokens) == 0 || len(b.Tokens) == 0 {
		return Score{Explanation: "no name"}
	}
	if len(a.Tokens) > len(b.Tokens) || len(a.Tokens) == len(b.Tokens) && slices.Compare(a.Tokens, b.Tokens) > 0 {
		a, b = b, a // the shorter name first; ties broken so the score is symmetric
	}
	ta, tb := a.Tokens, b.Tokens
	if len(ta) > maxAlign {
		ta = ta[:maxAlign]
	}
	if len(tb) > maxAlign {
		tb = tb[:maxAlign]
	}
	// Joined tokens: "mary ann" vs "maryann", "abdel rahman" handled by Parse.
	// A join is a reading, not a verdict: two words whose join keys like
	// a third (frances hui, franceshui, frances) must not hide that the
	// words meet one by one (Frances Hui Wing-ting, Frances Hui).
	var joined Score
	if len(ta) < len(tb) {
		if s, ok := joinedAlign(a, b, w); ok {
			joined = s
		}
	}
	var sims [maxAlign][maxAlign]float64
	var kinds [maxAlign][maxAlign]int
	memo := memoOf(w)
	for i, x := range ta {
		for j, y := range tb {
			wx, wy := a.word(i), b.word(j)
			sims[i][j], kinds[i][j] = memo.tokenSim(wx, wy)
			if cx, cy := a.coreWord(i), b.coreWord(j); cx.s != x && cy.s != y && x != y && cx.key != cy.key && !arabicCompoundMet(wx, wy, sims[i][j]) {
				// Both glued to a particle: the words are what compares
				// (almuswi / almasri share al- and say nothing by it),
				// unless they key alike (abuobeida / abuubaidah, a vowel
				// first the scorer reads as another letter).
				if s, k := memo.tokenSim(cx, cy); s < sims[i][j] {
					sims[i][j], kinds[i][j] = s, k
				}
			} else if romanceParticlesApart(wx, cx, wy, cy) {
				sims[i][j], kinds[i][j] = .3, kindDifferent // De Stefano / Di Stefano: two Italian families
			} else if (cx.s != x || cy.s != y) && sims[i][j] < .92 && (cx.s != x && kunyaWord(x)) == (cy.s != y && kunyaWord(y)) {
				// Compare without glued particles: "benali" / "ali"; not a
				// kunya against a name, though: Abu Mohamed al-Masri is
				// the father of a Mohamed, not Mohammed al-Masri.
				for _, p := range [][2]*word{{cx, cy}, {cx, wy}, {wx, cy}} {
					if s, k := memo.tokenSim(p[0], p[1]); s*.95 > sims[i][j] {
						sims[i][j], kinds[i][j] = s*.95, min(k, kindVariant)
					}
				}
			}
		}
	}
	// A father's name without its Russian ending (Asanbek, Asanbekovich)
	// is his child's patronymic only after the same given name: Kamchybek
	// Asanbek is Kamchybek Asanbekovich, but Leonid Derkach, first word
	// Leonid, is the father of Andrii Leonidovych Derkach.
	for i := range ta {
		for j := range tb {
			if kinds[i][j] != kindVariant || !bareFatherName(a.word(i), b.word(j)) && !bareFatherName(b.word(j), a.word(i)) {
				continue
			}
			if i == 0 || j == 0 || sims[i-1][j-1] < .85 {
				sims[i][j], kinds[i][j] = .3, kindDifferent
			}
		}
	}
	weight := func(n Name, i int) float64 { return w.Weight(n.Tokens[i]) }
	if kw, ok := w.(KeyedWeights); ok {
		weight = func(n Name, i int) float64 { return kw.WeightKeyed(n.Tokens[i], n.key(i)) }
	}
	var usedA, usedB [maxAlign]bool
	var pairOf [maxAlign]int // the word of tb each word of ta met
	latin := 0               // whether both names are in Latin letters, asked once when a pair needs it: 1 yes, -1 no
	var sumW, sumWS, info float64
	crossed := 0 // see derivedSurname
	different := 0
	var counts [len(kindNames)]int
	for range ta {
		bi, bj, best := -1, -1, -1.0
		for i := range ta {
			if usedA[i] {
				continue
			}
			for j := range tb {
				if !usedB[j] && sims[i][j] > best {
					bi, bj, best = i, j, sims[i][j]
				}
			}
		}
		usedA[bi], usedB[bj] = true, true
		pairOf[bi] = bj
		if derivedSurname(ta[bi], tb[bj]) {
			crossed |= 1 // a's surname made of b's name
		} else if derivedSurname(tb[bj], ta[bi]) {
			crossed |= 2
		}
		k := kinds[bi][bj]
		wa, wb := weight(a, bi), weight(b, bj)
		wt := (wa + wb) / 2
		if k == kindInitial {
			wt *= .4 // an initial says little
		}
		sumW += wt
		sumWS += wt * best
		if best > .5 {
			// What a pair of Latin words identifies is what its commoner
			// word does: a rarer spelling of Mohammed, or a word read from
			// a kunya (Abu Mohammed), says no more of who is meant. A word
			// read from another script keeps the pair's mean: its reading
			// (ムハンマド muhanmado) is rare in any store because few
			// records write it, not because few people bear it.
			if wa != wb && latin == 0 {
				latin = -1
				if a.Latin() && b.Latin() {
					latin = 1
				}
			}
			if latin == 1 {
				wt = min(wt, wa, wb)
			}
			info += wt * best
		}
		if best < .5 {
			different++
		}
		counts[k]++
	}
	v := sumWS / sumW
	if crossed == 3 {
		// Each name's surname is made of the other's given name (Karim
		// Rahimov, Rahim Karimov): a father and his son, not one man.
		v = min(v, .4)
		different++
	}
	// Identifying weight shared: two ordinary tokens make a full match,
	// one common token does not.
	if info < 1.6 {
		v *= .55 + .45*info/1.6
	}
	extra := len(tb) - len(ta)
	if extra > 0 {
		// A word the shorter name lacks lowers the score, a patronymic
		// half as much: Western lists and Japan's, among others, leave it
		// out of a Russian or Ukrainian name that its own sources always
		// write (ニコライ・パトルシェフ, Nikolai Platonovich Patrushev).
		pats := unmatchedPatronymics(b, tb, usedB[:len(tb)])
		v -= .03*float64(min(extra-pats, 3)) + .015*float64(min(pats, 3))
	}
	if v < 0 {
		v = 0
	}
	exp := explain(counts[:], extra)
	// The names' words in the order they are said (order), for the two
	// checks below, which read only names met word for word.
	var orders [2][maxAlign]int
	oa, ob := orders[0][:len(ta)], orders[1][:len(tb)]
	spelledAll := counts[kindExact]+counts[kindVariant] == len(ta)
	if spelledAll && (extra >= 1 && len(ta) >= 2 || extra == 0 && len(ta) >= 3) {
		a.order(oa)
		b.order(ob)
	}
	father, unfathered := false, 0.0
	if extra >= 1 && len(ta) >= 2 && spelledAll && (extra == 1 && fatherNamed(a, b, oa, ob, pairOf[:len(ta)]) || nasabFather(a, b, oa, ob, pairOf[:len(ta)])) {
		// The shorter name is the longer without its first word: in a
		// chain of names, the son's own name dropped leaves his
		// father's (Jawad Hassan Nasrallah and Hassan Nasrallah;
		// NASRALLAH, Jawad Hassan alike).
		father, unfathered = true, v
		v = min(v, .6)
		different++
		exp += fatherNote
	}
	if extra == 0 && len(ta) >= 3 && spelledAll && movedWords(ta, oa, ob, pairOf[:len(ta)]) {
		// The same words in an order no source writes one man's name in:
		// Restrepo Gómez and Gómez Restrepo, two families; Ahmed Mahmoud
		// and Mahmoud Ahmed, brothers (his father's name second), in one
		// script or two (Hafez Bashar al-Assad, the son, and بشار حافظ
		// الأسد, the father).
		v = min(v, .5)
		different++
		exp += ", words in another order"
	}
	spelled := counts[kindExact]+counts[kindVariant] == len(ta)
	if joined.Explanation != "" && joined.Value >= v {
		return joined // the better reading; the join's on a tie, as before it was compared
	}
	return Score{Value: v, Explanation: exp, Different: different, Spelled: spelled, Father: father, Unfathered: unfathered, Exact: counts[kindExact]}
}

// generationOf is n's generational suffix, reading a lone "i" after the
// first word as "the first" when the other name carries a numeral (Morris
// I / Morris II Klein); on its own such an "i" is an initial.
func generationOf(n, other Name) string {
	if n.Generation != "" {
		return n.Generation
	}
	switch other.Generation {
	case "ii", "iii", "iv":
		if len(n.Tokens) > 1 && slices.Contains(n.Tokens[1:], "i") {
			return "i"
		}
	}
	return ""
}

// arabicCompoundMet reports whether x and y, one read from Arabic letters
// and one Latin, are Persian compounds with Muhammad (محمدرضا mhmdrda,
// Mohammadreza) whose whole words already meet (sim): their second names
// alone (rda, reza) are too short for the letters to say they meet.
func arabicCompoundMet(x, y *word, sim float64) bool {
	return x.arabic != y.arabic && sim >= .85 && muhammadCompound(x.s) != "" && muhammadCompound(y.s) != ""
}

// joinedAlign tries the shorter name, a, against the longer one, b, with
// two adjacent tokens of b joined ("maryann" vs "mary ann"). When b is a
// name in Wade-Giles (markWadeGiles), its two syllables may be one word of
// pinyin (Chin-p'ing, Jinping). Both names keep what Parse read of their
// other words, and a name in pinyin stays one with its given name joined
// (markPinyin) unless Wade-Giles reads its syllables otherwise: Deng Hui,
// read from 登輝, is not Denghai.
func joinedAlign(a, b Name, w Weights) (Score, bool) { return joinedAlignTo(a, b, w, false) }

// joinedAlignTo is joinedAlign; shorter allows b with two words joined to
// have fewer words than a (names of as many words: see similarity).
func joinedAlignTo(a, b Name, w Weights, shorter bool) (Score, bool) {
	ta, tb := a.Tokens, b.Tokens
	read := len(b.words) == len(tb) && len(tb) > 0
	for i := 0; i+1 < len(tb); i++ {
		// The two words read in pinyin too (markWadeGiles; not an English
		// given name beside them: Teresa Cheng Yeuk-wah).
		wg := read && b.words[i].wadeGiles && b.words[i+1].wadeGiles
		joined := tb[i] + tb[i+1]
		joinedKey := "" // TokenKey(joined), once asked
		keyed := func(k int, x string) bool {
			if joinedKey == "" {
				joinedKey = TokenKey(joined)
			}
			if k < len(a.words) && a.words[k].s == x {
				return a.words[k].key == joinedKey
			}
			return TokenKey(x) == joinedKey
		}
		for k, x := range ta {
			if wg && x != joined && wadeGilesJoin(tb[i], tb[i+1], x) {
				joined = x // the syllables read in pinyin
			}
			if k < len(a.words) && a.words[k].pinyin && wadeGilesPairApart(tb[i], tb[i+1], x) {
				continue // Teng-hui is not Denghai: compared word by word
			}
			// A letter apart joins its word only to spell the other name
			// (michae l, Michael); Morris I Klein is not Morrisi Klein.
			letter := len(tb[i]) == 1 || len(tb[i+1]) == 1
			// A compound given name Persian and Arabic letters write as one
			// word (احمدرضا, Ahmad Reza) meets its two Latin words on what
			// the letters write (arabicMeets).
			arabicJoin := !letter && read && k < len(a.words) && a.words[k].arabic && !b.words[0].arabic && arabicMeets(x, joined)
			// A compound given name written whole on one side and as its
			// first part and the second's initial on the other (Krishna P.,
			// Krishnaprasad; Ram B., Rambahadur): the initial stands for
			// the rest, four letters at least.
			initialJoin := len(tb[i]) >= 3 && len(tb[i+1]) == 1 && len(x) >= len(tb[i])+4 && strings.HasPrefix(x, tb[i]) && x[len(tb[i])] == tb[i+1][0]
			// A compound with Abd written as two initials (A. Q. Khan,
			// Abdul Qadeer Khan; A. R., Abdul Rahman): the A of Abd and the
			// initial of the name it joins.
			abdInitials := tb[i] == "a" && len(tb[i+1]) == 1 && len(x) >= 6 && strings.HasPrefix(x, "abd") && x[3] == tb[i+1][0]
			if initialJoin || abdInitials {
				joined = x
			}
			if x == joined || !letter && len(x) >= 6 && keyed(k, x) || !letter && transcribedJoin(a, k, joined) || arabicJoin {
				nb := make([]string, 0, len(tb)-1)
				nb = append(nb, tb[:i]...)
				nb = append(nb, joined)
				nb = append(nb, tb[i+2:]...)
				if len(nb) < len(ta) && !shorter {
					return Score{}, false
				}
				nn := Name{Tokens: nb}
				if read {
					// The other words keep their readings (Hsi, Xi; 登 deng).
					nn.words = make([]word, 0, len(nb))
					nn.words = append(nn.words, b.words[:i]...)
					nn.words = append(nn.words, newWord(joined))
					nn.words = append(nn.words, b.words[i+2:]...)
					nn.words[i].wadeGiles = wg
					if !wg || len(wadeGilesForms(tb[i])) == 0 && len(wadeGilesForms(tb[i+1])) == 0 {
						// Syllables Wade-Giles reads otherwise (Teng-hui, Denghui) are
						// left to it; pinyin's own keep their syllables.
						markPinyin(nn.words)
					}
					seal(nn.words)
				}
				na := Name{Tokens: ta}
				if len(a.words) == len(ta) {
					na.words = a.words
				}
				s := Similarity(na, nn, w)
				s.Explanation += ", joined " + tb[i] + " " + tb[i+1]
				if initialJoin {
					s.Value *= .97 // an initial says less than the word
					s.Spelled = false
				}
				if abdInitials {
					s.Value *= .9 // two initials say less still
					s.Spelled = false
				}
				return s, true
			}
		}
	}
	return Score{}, false
}

// transcribedJoin reports whether word k of n, read from a script that
// transcribes foreign names (katakana, Hangul), is joined: a given name
// the script writes as one word and Latin letters as two (ジョンウン,
// Jong Un).
func transcribedJoin(n Name, k int, joined string) bool {
	if k >= len(n.words) {
		return false
	}
	tr := transcriptionOf(n.words[k].transcribed)
	if tr == nil {
		return false
	}
	s, _ := transcribedSim(tr, n.Tokens[k], joined)
	return s >= .9
}

// unmatchedPatronymics counts the words of b (its tokens tb) left out of
// the alignment (used false) that are patronymics (Platonovich, Ivanovna).
func unmatchedPatronymics(b Name, tb []string, used []bool) int {
	n := 0
	for j := range tb {
		if !used[j] && b.word(j).pat != nil {
			n++
		}
	}
	return n
}

func explain(counts []int, extra int) string {
	var b strings.Builder
	for k := len(counts) - 1; k >= 0; k-- {
		if counts[k] > 0 {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(counts[k]) + " " + kindNames[k])
		}
	}
	if extra > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(extra) + " missing")
	}
	return b.String()
}

// JaroWinkler returns the Jaro-Winkler similarity of two byte strings with
// the standard match window (max(len)/2 - 1) and a prefix of up to four.
// Written here rather than taken from adrg/strutil because it runs on every
// token pair of every candidate at ingest and must not allocate; it is
// checked against jellyfish's expected values in the tests.
func JaroWinkler(a, b string) float64 {
	if a == b {
		if a == "" {
			return 0
		}
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	if la > 64 || lb > 64 {
		if la > 64 {
			a, la = a[:64], 64
		}
		if lb > 64 {
			b, lb = b[:64], 64
		}
	}
	window := max(la, lb)/2 - 1
	if window < 0 {
		window = 0
	}
	var ma, mb uint64 // matched flags
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-window), min(lb, i+window+1)
		for j := lo; j < hi; j++ {
			if mb&(1<<j) == 0 && a[i] == b[j] {
				ma |= 1 << i
				mb |= 1 << j
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, j := 0, 0
	for i := 0; i < la; i++ {
		if ma&(1<<i) == 0 {
			continue
		}
		for mb&(1<<j) == 0 {
			j++
		}
		if a[i] != b[j] {
			t++
		}
		j++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t/2))/fm) / 3
	p := 0
	for p < 4 && p < la && p < lb && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*.1*(1-jaro)
}

// abjadRead reports whether the word was read from Arabic, Persian or
// Hebrew letters, whose short vowels are not written (Uyghur's are).
func abjadRead(w *word) bool { return w.arabic && !w.uyghur || w.hebrew }

// firstConsonantsMeet reports whether the reading k of a transcribing
// script (katakana, Hangul, Chinese) and the reading l of an abjad begin
// with one consonant: with no vowels to agree on, the transcription's
// looser letters (瓦 wa for a b or a v) are not let in.
func firstConsonantsMeet(k, l string) bool {
	sk, sl := TokenKey(k), TokenKey(l)
	return sk != "" && sl != "" && sk[0] == sl[0]
}

// nisbaUnwritten reports whether the word f, read from Arabic letters,
// and the Latin word l part on a final i after a consonant: the nisba's ي
// (al-Hakimi, الحكيمي) is a letter, read i, and a word that ends in a
// consonant instead is another name (الحاكم, al-Hakim), whichever side
// writes the i. Their keys meet, as vowels are not keyed. A Latin y
// (Hamdy, حمدي) is the ya too.
func nisbaUnwritten(f, l string) bool {
	n, m := len(f), len(l)
	if n < 3 || m < 3 {
		return false
	}
	finalI := func(w string) bool { return len(w) >= 4 && w[len(w)-1] == 'i' && !isVowel(w[len(w)-2]) }
	closed := func(w string) bool { c := w[len(w)-1]; return !isVowel(c) && c != 'y' && c != 'h' }
	return finalI(l) && closed(f) || finalI(f) && closed(l)
}
