package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A Japanese name in Cyrillic is read back into Hepburn; a Russian or
// Korean name in Cyrillic is not read so.
func TestPolivanovReading(t *testing.T) {
	for in, want := range map[string]string{
		"Кадзуо Уэда":         "kazuo ueda",
		"Синдзо Абэ":          "shinzo abe",
		"Дзюнъитиро Коидзуми": "junichiro koizumi",
		"Ёсихидэ Суга":        "yoshihide suga",
		"Фумио Кисида":        "fumio kishida",
		"Кэйдзо Обути":        "keizo obuchi",
		"Хаттори Хандзо":      "hattori hanzo",
		"ИСИКАВА, Сатоси":     "ishikawa satoshi",
	} {
		if got := polivanovReading(in); got != want {
			t.Errorf("polivanovReading(%s) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"Ирина Сидорова", "Владимир Путин", "Ким Чен Ын", "Марина Иванова", "Анна", "Kazuo Ueda", ""} {
		if got := polivanovReading(in); got != "" {
			t.Errorf("polivanovReading(%s) = %q, want none", in, got)
		}
	}
}

// An English name in Cyrillic is also read with its э as the a English
// writes, and an у before a vowel that begins a word as its w; a Chinese
// or Korean name in Cyrillic, or an э that begins a word, is not.
func TestEnglishReading(t *testing.T) {
	for in, want := range map[string]string{
		"Сэм Бэнкман-Фрид": "sam bankman frid",
		"Дэвид Кэмерон":    "david kameron",
		"Уильям Руто":      "vil'iam ruto",
		"Уинстон Черчилль": "vinston cherchill'",
	} {
		if got := englishReading(in); got != want {
			t.Errorf("englishReading(%s) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"Мэн Ваньчжоу", "Ли Мён Бак", "Эдуард Лимонов", "Ирина Сидорова", "Улугбек Усманов", "Руслан Аушев", ""} {
		if got := englishReading(in); got != "" {
			t.Errorf("englishReading(%s) = %q, want none", in, got)
		}
	}
}

// Through the reading, the name meets its Latin spellings (and a
// Japanese one its kanji).
func TestPolivanovNamesMeetHepburn(t *testing.T) {
	for _, p := range [][2]string{
		{"Кадзуо Уэда", "Kazuo Ueda"}, {"Синдзо Абэ", "ABE, Shinzo"}, {"Дзюнъитиро Коидзуми", "Junichiro Koizumi"},
		{"Сэм Бэнкман-Фрид", "Sam Bankman-Fried"},
	} {
		a, b := Parse(p[0]), Parse(p[1])
		best := Similarity(a, b, nil).Value
		for _, r := range Readings(p[0]) {
			best = max(best, Similarity(Parse(r), b, nil).Value)
		}
		if best < .95 {
			t.Errorf("%s / %s: best %.2f over its readings %v, want ≥ 0.95", p[0], p[1], best, Readings(p[0]))
		}
	}
}

// FuzzPolivanov: any text read as a Japanese name in Cyrillic gives ASCII
// words, one per word of the name, or nothing; read as an English one,
// text.
func FuzzPolivanov(f *testing.F) {
	for _, s := range []string{"Кадзуо Уэда", "Дзюнъитиро", "нъ", "й", "кк", "ссси", "Ирина", "\xd0", "дз дз дз", strings.Repeat("си", 100), "Сэм Бэнкман-Фрид", "Сэ", "\xd1\x8d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r := englishReading(s); r != "" && !utf8.ValidString(r) {
			t.Fatalf("englishReading(%q) = %q: not UTF-8", s, r)
		}
		r := polivanovReading(s)
		if r == "" {
			return
		}
		if !utf8.ValidString(r) || strings.ContainsFunc(r, func(c rune) bool { return c > 'z' || c < 'a' && c != ' ' }) {
			t.Fatalf("polivanovReading(%q) = %q: not ASCII words", s, r)
		}
		if len(strings.Fields(r)) > MaxTokens {
			t.Fatalf("polivanovReading(%q) = %q: too many words", s, r)
		}
	})
}

// Russian writes a foreign h х: read kh, it is the h of the Latin name
// first or after a vowel, not after a consonant (тхан, a Korean's aspirate).
func TestRussianKh(t *testing.T) {
	for _, p := range [][2]string{{"shakh", "shah"}, {"khan", "han"}, {"akhmed", "ahmed"}} {
		if !russianKh(p[0], p[1]) {
			t.Errorf("russianKh(%s, %s) = false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"tkhan", "than"}, {"shakh", "shak"}, {"khan", "khan"}, {"kha", "hah"}} {
		if russianKh(p[0], p[1]) {
			t.Errorf("russianKh(%s, %s) = true", p[0], p[1])
		}
	}
}

// A Pontic Greek's family name and its Russian registration without the s
// are one spelling, not a slip (which beside a year of birth joins no
// records); a short name and its s are not read so (Mahdi, Mahdis).
func TestPonticGreekIsASpelling(t *testing.T) {
	if _, kind := tokenSim("savvidis", "savvidi"); kind != kindVariant {
		t.Errorf("Savvidis / Savvidi: kind %d, want a variant", kind)
	}
	if _, kind := tokenSim("mahdis", "mahdi"); kind == kindVariant {
		t.Errorf("Mahdis / Mahdi: a variant")
	}
}
