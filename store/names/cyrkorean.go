package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Korean names in Cyrillic letters. Russian sources (and the Russian
// aliases of a sanctions list) write a Korean name a syllable to a word:
// Ким Чен Ын, Чхве Рён Хэ, Ли Мён Бак, in the Kontsevich system or in the
// older spellings of North Korea's leaders (정 чен, 성 сен, 일 ир).
// go-unidecode reads them as Russian (kim chen yn), which no Latin spelling
// of the name meets. A name of three words or more, each one syllable of
// Korean as Cyrillic writes it, its first or last a Korean surname
// (cyrKoreanWords), is read back into the romanisation hangul.go writes
// for the Hangul (kim jong un): the Latin spellings then meet it as they
// meet 김정은.
//
// Cyrillic loses what tells some syllables apart: о is ㅓ or ㅗ (written o
// either way here), and a final н is ㄴ or ㅇ (n or ng). The reading takes
// ng after a, o and their y- forms (정 чен, 강 кан, 룡 рён) and n after the
// others and wo (은 ын, 인 ин, 권 гвон); words read from such a name are flagged
// (word.cyrKorean) so that the scorer lets n and ng meet (cyrKoreanFinal).
// Written for vigie from the Kontsevich tables.

// cyrKoreanSurnames are Korean surnames in Cyrillic and their Hangul, whose
// spelling hangulSurnames gives; 0 for Чон, 정 or 전, read as the syllable
// (jong: data/korean.txt has it with Jung, cyrKoreanFinal meets Jon and
// Jeon).
var cyrKoreanSurnames = map[string]rune{
	"ким": '김', "ли": '이', "ри": '리', "пак": '박', "чхве": '최', "цой": '최', "чон": 0,
	"кан": '강', "чо": '조', "юн": '윤', "чан": '장', "лим": '임', "рим": '림', "хан": '한',
	"о": '오', "со": '서', "син": '신', "квон": '권', "хван": '황', "ан": '안', "сон": '송',
	"рю": '류', "ю": '유', "хон": '홍', "ко": '고', "мун": '문', "ян": '양', "рян": '량',
	"пэ": '배', "пэк": '백', "нам": '남', "ро": '로', "но": '노', "ха": '하', "чу": '주',
	"тхэ": '태', "чхэ": '채', "хо": '허', "пён": '변', "мин": '민', "хён": '현', "ок": '옥',
	"тхак": '탁', "сок": '석', "чин": '진', "кук": '국', "квак": '곽', "чхон": '천',
}

// cyrKoreanInitials are the consonants a syllable begins with, longest
// first, and how hangul.go writes them.
var cyrKoreanInitials = [][2]string{
	{"кх", "k"}, {"тх", "t"}, {"пх", "p"}, {"чх", "ch"}, {"чж", "j"}, {"дж", "j"}, {"кк", "kk"}, {"тт", "tt"},
	{"пп", "pp"}, {"сс", "ss"}, {"чч", "jj"}, {"к", "k"}, {"г", "k"}, {"н", "n"}, {"т", "t"}, {"д", "t"},
	{"р", "r"}, {"л", "r"}, {"м", "m"}, {"п", "p"}, {"б", "p"}, {"с", "s"}, {"ш", "s"}, {"ч", "j"},
	{"ц", "ch"}, {"х", "h"},
}

// cyrKoreanVowels are the vowels, longest first: ве is ㅚ (최 чхве, Choe),
// ой the same in the Russian Koreans' Цой.
var cyrKoreanVowels = [][2]string{
	{"вэ", "wae"}, {"ве", "oe"}, {"ва", "wa"}, {"во", "wo"}, {"ви", "wi"}, {"ый", "ui"}, {"ой", "oe"},
	{"йе", "ye"}, {"а", "a"}, {"э", "ae"}, {"я", "ya"}, {"е", "e"}, {"ё", "yo"}, {"о", "o"}, {"у", "u"},
	{"ы", "u"}, {"и", "i"}, {"ю", "yu"},
}

// cyrKoreanFinals are the consonants a syllable ends with; н is read
// apart (see the package comment above).
var cyrKoreanFinals = [][2]string{{"ль", "l"}, {"н", "n"}, {"р", "l"}, {"к", "k"}, {"м", "m"}, {"п", "p"}, {"т", "t"}}

// cyrKoreanSyllable reads a lower-case Cyrillic word as one Korean
// syllable, or reports that it is none.
func cyrKoreanSyllable(w string) (string, bool) {
	initial, rest := "", w
	for _, p := range cyrKoreanInitials {
		if strings.HasPrefix(rest, p[0]) {
			initial, rest = p[1], rest[len(p[0]):]
			break
		}
	}
	vowel, vc := "", ""
	for _, p := range cyrKoreanVowels {
		if strings.HasPrefix(rest, p[0]) {
			vowel, vc, rest = p[1], p[0], rest[len(p[0]):]
			break
		}
	}
	if vowel == "" {
		return "", false
	}
	final := ""
	for _, p := range cyrKoreanFinals {
		if rest == p[0] {
			final, rest = p[1], ""
			break
		}
	}
	if rest != "" {
		return "", false
	}
	if vc == "е" {
		switch {
		case final == "n" && initial == "":
			vowel = "yo" // 영 ен: the older spelling of ㅕ with ㅇ
		case final == "n":
			vowel = "o" // 정 чен, 성 сен
		case initial == "" || initial == "h":
			vowel = "ye" // 예 е, 혜 хе
		}
	}
	if final == "n" && vowel != "wo" && (strings.HasSuffix(vowel, "o") || strings.HasSuffix(vowel, "a")) {
		final = "ng"
	}
	return initial + vowel + final, true
}

// cyrKoreanWords returns the number of words of s (first and last its end
// words, words their number: endWords) when s is a Korean name in Cyrillic
// letters, 0 when it is not, and which of them is the surname:
// three to six words, every one a Korean syllable (cyrKoreanSyllable), the
// first (or else the last) a Korean surname. A Russian Korean's name with
// a Russian given name (Ким Ирина Сон, Пак Иван Ли) is not: the given name
// is no syllable; nor is one of two words (Ким Анна).
func cyrKoreanWords(s, first, last string, words int) (n, surname int) {
	// Most Cyrillic names are Russian: a first and a last word of more
	// than four letters (no Korean surname has more) pass without a word
	// cut or lowered.
	if words < 3 || words > 6 || utf8.RuneCountInString(first) > 4 && utf8.RuneCountInString(last) > 4 {
		return 0, 0
	}
	ws := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
	if len(ws) < 3 || len(ws) > 6 {
		return 0, 0
	}
	for i, w := range ws {
		for _, r := range w {
			if !unicode.Is(unicode.Cyrillic, r) {
				return 0, 0
			}
		}
		w = strings.ToLower(w)
		if _, ok := cyrKoreanSyllable(w); !ok {
			return 0, 0
		}
		ws[i] = w
	}
	if _, ok := cyrKoreanSurnames[ws[0]]; ok {
		return len(ws), 0
	}
	if _, ok := cyrKoreanSurnames[ws[len(ws)-1]]; ok {
		return len(ws), len(ws) - 1
	}
	return 0, 0
}

// cyrKoreanWord reads one word of a Korean name in Cyrillic
// (cyrKoreanWords); surname says it is the name's surname.
func cyrKoreanWord(w string, surname bool) string {
	w = strings.ToLower(w)
	if h := cyrKoreanSurnames[w]; h != 0 && surname {
		return hangulSurnames[h]
	}
	if r, ok := cyrKoreanSyllable(w); ok {
		return r
	}
	return translitOther(w)
}

// cyrKoreanFinal reports whether a and b are one syllable but for a final n
// and ng, which Cyrillic writes alike (н), and katakana (ン): Чон is 정
// jong or 전 jon, and Jon may be written Jeon; ゴン kong is 곤 Gon too.
func cyrKoreanFinal(a, b string) bool {
	na, nb := strings.HasSuffix(a, "ng"), strings.HasSuffix(b, "ng")
	if na == nb {
		return false
	}
	if na {
		a = a[:len(a)-1]
	} else {
		b = b[:len(b)-1]
	}
	return len(a) >= 2 && strings.HasSuffix(a, "n") && strings.HasSuffix(b, "n") &&
		(a == b || koreanForms(a, b) || koreanSyllables(a, b) == syllableSame)
}

// endWords returns the first and last words of s and how many words it
// holds (as Latinize cuts them), without allocating.
func endWords(s string) (first, last string, words int) {
	start := -1
	for i, r := range s {
		switch {
		case isWordRune(r) && start < 0:
			start = i
		case !isWordRune(r) && start >= 0:
			if words++; words == 1 {
				first = s[start:i]
			}
			last, start = s[start:i], -1
		}
	}
	if start >= 0 {
		if words++; words == 1 {
			first = s[start:]
		}
		last = s[start:]
	}
	return first, last, words
}
