package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Chinese names in Cyrillic letters. Russian writes Chinese in the
// Palladius system (Си Цзиньпин, Ли Кэцян, Мао Цзэдун), a table of
// syllables as exact as pinyin's: go-unidecode reads them as Russian
// (si tszinpin), which no Latin spelling meets. A name of two or three
// words, every one a run of Palladius syllables, the first (or the last) a
// Chinese surname and the given name one or two syllables, is read back into
// pinyin (xi jinping), which the pinyin rules then compare as they
// compare the Latin name. Ukrainian's і is read as и (Сі Цзіньпін).
//
// The inverse table is built from pinyin's (pinyinFinals) and Palladius'
// spelling of each initial and final, written for vigie from the
// system's published table: j and z are both цз, q and c ц, x and s с,
// told apart by the final (цзи ji, цзы zi); -n is нь and -ng н (цзинь
// jin, пин ping); uo after a consonant is о (го guo, ло luo).

// palladiusInitials are the Cyrillic of pinyin's initials.
var palladiusInitials = map[string]string{
	"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
	"h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}

// palladiusFinals are the Cyrillic of pinyin's finals after an initial.
var palladiusFinals = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
	"ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
	"ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
	"uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "ue": "юэ", "v": "юй", "ve": "юэ",
}

// palladiusAlone are the syllables with no initial (y- and w- are
// spellings of i, u and ü there).
var palladiusAlone = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
	"ang": "ан", "eng": "эн", "er": "эр",
	"yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
	"ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
	"wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
}

// palladiusSyllables maps a Palladius syllable to its pinyin.
var palladiusSyllables = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for py, cy := range palladiusAlone {
		m[cy] = py
	}
	m["хуэй"] = "hui" // 回, 惠: Palladius' own spelling of hui (гуй, дуй for the others)
	for ini, finals := range pinyinFinals() {
		ci, ok := palladiusInitials[ini]
		if !ok {
			continue // y, w and none: palladiusAlone
		}
		for fin := range finals {
			cf := palladiusFinals[fin]
			switch {
			case fin == "i" && (ini == "z" || ini == "c" || ini == "s"):
				cf = "ы" // цзы zi, цы ci, сы si
			case ini == "j" || ini == "q" || ini == "x":
				switch fin {
				case "u":
					cf = "юй" // цзюй ju: pinyin's u there is ü
				case "uan":
					cf = "юань"
				case "un":
					cf = "юнь"
				}
			}
			py := ini + fin
			if fin == "v" || fin == "ve" {
				py = ini + "u" + fin[1:] // lü, nüe: Latin sources write lu, lue (Lyu too)
			}
			cy := ci + cf
			// ло is luo and lo: the name is luo (罗); the map keeps the
			// reading with u, and the other finals are distinct.
			if prev, ok := m[cy]; ok && (strings.Contains(prev, "uo") || len(prev) > len(py)) {
				continue
			}
			m[cy] = py
		}
	}
	return m
})

// palladiusLongest is the most letters a Palladius syllable has (чжуань).
const palladiusLongest = 6

// palladiusWord cuts a lower-case Cyrillic word into Palladius syllables,
// the fewest there can be, and returns their pinyin, or nil when the word
// is not Palladius.
func palladiusWord(w string) []string {
	// at[i] is where the word's i-th letter begins, at[n] its end: the
	// syllables are looked up as slices of w, which allocate nothing.
	var buf [maxUnits + 1]int
	at := buf[:0]
	for i := range w {
		if len(at) == maxUnits {
			return nil
		}
		at = append(at, i)
	}
	at = append(at, len(w))
	table := palladiusSyllables()
	// Shorter first syllables win a tie, so that the next syllable begins
	// with a consonant (хунин: ху-нин, Huning, not хун-ин), as pinyin
	// writes a syllable with no initial inside a word only after an
	// apostrophe (Xi'an).
	ends := fewestCuts(len(at)-1, palladiusLongest, false, func(i, j int) bool {
		_, ok := table[w[at[i]:at[j]]]
		return ok
	})
	if ends == nil {
		return nil
	}
	out := make([]string, 0, len(ends))
	start := 0
	for _, end := range ends {
		out, start = append(out, table[w[at[start]:at[end]]]), end
	}
	return out
}

// ukrainianLetters are the letters Ukrainian writes where Russian's
// Palladius has и and е (Сі Цзіньпін).
var ukrainianLetters = strings.NewReplacer("і", "и", "ї", "и", "є", "е")

// palladiusSurnames are common Chinese surnames data/chinese.txt does not
// list (it lists those whose Latin spellings tell a Chinese name, and
// these, Hu, Long or Fang, are words of other languages too): in Cyrillic
// with a Palladius given name, they are Chinese.
var palladiusSurnames = map[string]bool{
	"hu": true, "song": true, "ding": true, "shen": true, "yao": true, "zhong": true, "jin": true, "liao": true,
	"fu": true, "fang": true, "zou": true, "meng": true, "xue": true, "long": true, "tao": true, "gong": true,
	"xiang": true, "xi": true, "wen": true, "hua": true, "niu": true, "ge": true, "zhan": true, "bo": true,
	"bi": true, "mi": true, "ji": true, "shi": true, "yu": true, "qi": true, "geng": true, "lian": true,
}

// russianLookalikes are the common Russian given names (and short forms)
// that cut into one or two Palladius syllables: Анна (ан-на, angna), Иван
// (и-ван, yiwang). Ян is also Chinese (Yang) and is not among them.
var russianLookalikes = map[string]bool{
	"иван": true, "анна": true, "дина": true, "ева": true, "жанна": true, "инна": true, "майя": true,
	"нина": true, "яна": true, "лена": true, "ина": true, "ася": true, "аня": true, "таня": true,
	"маша": true, "саша": true, "ваня": true, "миша": true, "гоша": true, "паша": true, "яша": true, "ада": true,
}

// palladiusName reports whether s (first and last its end words, words
// their number: endWords) is a Chinese name in Palladius: two or
// three words of Cyrillic letters, every one cut into Palladius syllables,
// the first (or else the last, as a given name put before the family
// name leaves it) one syllable and a Chinese surname, the others one or
// two syllables in all. It returns the words' pinyin, each word's
// syllables joined (Xi Jinping's Цзиньпин is jinping).
func palladiusName(s, first, last string, words int) []string {
	// A Chinese name's surname is one syllable (six letters at most) and
	// its given name two: a Russian name, whose words are longer, passes
	// without a word cut.
	if words < 2 || words > 3 ||
		utf8.RuneCountInString(first) > palladiusLongest && utf8.RuneCountInString(last) > palladiusLongest ||
		utf8.RuneCountInString(s) > 3*palladiusLongest+2 {
		return nil
	}
	ws := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
	syls := make([][]string, len(ws))
	for i, w := range ws {
		for _, r := range w {
			if !unicode.Is(unicode.Cyrillic, r) {
				return nil
			}
		}
		w = ukrainianLetters.Replace(strings.ToLower(w))
		if syls[i] = palladiusWord(w); syls[i] == nil || russianLookalikes[w] {
			return nil
		}
	}
	surname := func(syl []string) bool {
		return len(syl) == 1 && (chineseSurname(syl[0]) || palladiusSurnames[syl[0]])
	}
	at := 0
	if !surname(syls[0]) {
		if at = len(ws) - 1; !surname(syls[at]) {
			return nil
		}
	}
	out := make([]string, len(ws))
	given := 0
	for i, syl := range syls {
		if i != at {
			given += len(syl)
		}
		out[i] = strings.Join(syl, "")
	}
	if given > 2 {
		return nil
	}
	return out
}
