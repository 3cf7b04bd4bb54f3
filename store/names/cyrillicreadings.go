package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Readings of foreign names in Cyrillic letters beside the Russian one
// (Readings): Japanese names in Polivanov's system, English names' a and w.

// Japanese names in Cyrillic letters. Russian writes them in Polivanov's
// system, a syllable of kana at a time: Кадзуо Уэда is Kazuo Ueda, Синдзо
// Абэ Shinzo Abe, Дзюнъитиро Коидзуми Junichiro Koizumi, Ёсихидэ Суга
// Yoshihide Suga — read as Russian (kadzuo, sindzo, dziunitiro), no
// Latin spelling meets them. polivanovReading reads such a name back into
// Hepburn, the romanisation of Japan's passports, as one more reading of
// the name (Readings). Written for vigie from the published Polivanov
// table.

// polivanovSyllables are the syllables of the system, Cyrillic to Hepburn,
// the longest first where one begins another (дз before д).
var polivanovSyllables = func() map[string]string {
	m := map[string]string{
		"а": "a", "и": "i", "у": "u", "э": "e", "е": "e", "о": "o", "я": "ya", "ю": "yu", "ё": "yo",
		"си": "shi", "ся": "sha", "сю": "shu", "сё": "sho",
		"ти": "chi", "тя": "cha", "тю": "chu", "тё": "cho", "цу": "tsu",
		"фу": "fu", "ва": "wa",
		"дзи": "ji", "дзя": "ja", "дзю": "ju", "дзё": "jo", "дза": "za", "дзу": "zu", "дзэ": "ze", "дзе": "ze", "дзо": "zo",
		"ди": "di", "ду": "du",
	}
	// The regular rows: a consonant before a, i, u, e, o and ya, yu, yo
	// (those the table above does not spell otherwise).
	vowels := map[string]string{"а": "a", "и": "i", "у": "u", "э": "e", "е": "e", "о": "o", "я": "ya", "ю": "yu", "ё": "yo"}
	for c, lc := range polivanovRows {
		for v, lv := range vowels {
			if _, ok := m[c+v]; ok {
				continue
			}
			if c == "х" && v == "у" || c == "т" && v == "у" || c == "д" && (v == "я" || v == "ю" || v == "ё") {
				continue // ху is not Japanese (fu is фу), ту neither (tsu is цу)
			}
			m[c+v] = lc + lv
		}
	}
	return m
}()

// polivanovRows are the consonants that begin the regular rows of the
// system, and their Hepburn letters.
var polivanovRows = map[string]string{"к": "k", "с": "s", "т": "t", "н": "n", "х": "h", "м": "m", "р": "r", "г": "g", "д": "d", "б": "b", "п": "p"}

// polivanovMarks are the spellings that tell a Japanese name from a
// Russian one whose words happen to be made of the same syllables (Ирина,
// Марина): a name is read so only when it holds one of them.
var polivanovMarks = []string{"дз", "э", "си", "ти", "цу", "сю", "сё", "тя", "тю", "тё", "ё", "фу"}

// polivanovReading returns the Hepburn reading of s, a name in Cyrillic
// whose every word is made of Polivanov's syllables and which holds one
// of polivanovMarks; "" for any other name.
func polivanovReading(s string) string {
	low := strings.ToLower(s)
	marked := false
	for _, m := range polivanovMarks {
		if strings.Contains(low, m) {
			marked = true
			break
		}
	}
	if !marked {
		return ""
	}
	words := strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '.' })
	if len(words) == 0 || len(words) > MaxTokens {
		return ""
	}
	out := make([]string, 0, len(words))
	for _, w := range words {
		if strings.HasSuffix(w, "ова") || strings.HasSuffix(w, "ева") {
			return "" // a Russian woman's surname (Сидорова), which Japanese does not end so
		}
		h, ok := polivanovWord(w)
		if !ok {
			return ""
		}
		out = append(out, h)
	}
	return strings.Join(out, " ")
}

// polivanovWord reads one word of Polivanov's syllables in Hepburn: its
// syllables, the syllabic н (n; нъ before a vowel), a й after a vowel
// (i: Кэйдзо, Keizo) and a consonant doubled before its syllable (кк, тт,
// сс, пп: Хоккайдо, Хаттори). ok is false when any of the word is not.
func polivanovWord(w string) (string, bool) {
	if w == "" || len(w) > 64 {
		return "", false
	}
	var b strings.Builder
	prevVowel := false
	for i := 0; i < len(w); {
		matched := false
		for _, n := range []int{3, 2, 1} { // letters, each two bytes in UTF-8
			end := i + 2*n
			if end > len(w) {
				continue
			}
			if h, ok := polivanovSyllables[w[i:end]]; ok {
				b.WriteString(h)
				i, matched, prevVowel = end, true, true
				break
			}
		}
		if matched {
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		next, _ := utf8.DecodeRuneInString(w[i+size:])
		switch {
		case r == 'н':
			b.WriteByte('n')
			if next == 'ъ' {
				size += 2
			}
		case r == 'й' && prevVowel:
			b.WriteByte('i')
		case (r == 'к' || r == 'т' || r == 'с' || r == 'п') && next == r:
			b.WriteString(polivanovRows[string(r)])
		default:
			return "", false
		}
		i += size
		prevVowel = false
	}
	return b.String(), true
}

// englishReading returns the reading of s, a name in Cyrillic, as
// English spells what Russian writes: its э after a consonant read a, as
// Russian writes the a of English names (Сэм Бэнкман-Фрид, Sam
// Bankman-Fried; Дэвид Кэмерон, David Cameron; Кэтрин, Katherine) while
// the letters read e (sem benkman); and an у that begins a word before и,
// о or а read w, as Russian writes English's w (Уильям Руто, William Ruto;
// Уинстон, Winston; Уолтер, Walter), while the letters read u (uiliam).
// "" when s has neither, or is a Korean or Chinese name in Cyrillic (Мэн
// is 孟, Meng: those are read by their own tables).
func englishReading(s string) string {
	if !strings.Contains(s, "э") && !initialUBeforeVowel(s) {
		return "" // most Russian names: no э, no word begun by у before a vowel
	}
	first, last, words := endWords(s)
	if n, _ := cyrKoreanWords(s, first, last, words); n > 0 || palladiusName(s, first, last, words) != nil {
		return ""
	}
	var b strings.Builder
	prev, wordStart := rune(0), true
	changed := false
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == 'э' && strings.ContainsRune("бвгджзклмнпрстфхцчшщ", unicode.ToLower(prev)):
			r, changed = 'а', true
		case wordStart && (r == 'у' || r == 'У') && i+1 < len(rs) && strings.ContainsRune("иоа", rs[i+1]):
			r, changed = 'в', true // English's w (Уильям): в keys as w does
		}
		b.WriteRune(r)
		prev = r
		wordStart = !unicode.IsLetter(r)
	}
	if !changed {
		return ""
	}
	return Latinize(b.String())
}

// initialUBeforeVowel reports whether a word of s begins with у before и,
// о or а (Уильям), which englishReading reads as a w.
func initialUBeforeVowel(s string) bool {
	for i := 0; ; {
		j := strings.IndexAny(s[i:], "уУ")
		if j < 0 {
			return false
		}
		at := i + j
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len("у"):])
		if (at == 0 || !unicode.IsLetter(before)) && strings.ContainsRune("иоа", after) {
			return true
		}
		i = at + len("у")
	}
}
