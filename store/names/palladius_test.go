package names

import (
	"slices"
	"testing"
)

// TestPalladius: a Chinese name in Cyrillic (Palladius, or Ukrainian's
// spelling of it) is read back into pinyin; a Russian name beside a
// Chinese surname is not.
func TestPalladius(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"цзиньпин", []string{"jin", "ping"}},
		{"хунин", []string{"hu", "ning"}},    // a tie: the next syllable begins with a consonant
		{"сюэсян", []string{"xue", "xiang"}}, // x before ü and i, s elsewhere
		{"цзыян", []string{"zi", "yang"}},    // цзы is zi, цзи ji
		{"хуэйлян", []string{"hui", "liang"}},
		{"го", []string{"guo"}}, // uo after a consonant is о
		{"бо", []string{"bo"}},  // but bo has no u
		{"люй", []string{"lu"}}, // lü
		{"сергей", nil},
		{"владимир", nil},
	} {
		if got := palladiusWord(c.in); !slices.Equal(got, c.want) {
			t.Errorf("palladiusWord(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	checkLatinize(t, [][2]string{
		{"Си Цзиньпин", "xi jinping"},
		{"Сі Цзіньпін", "xi jinping"}, // Ukrainian
		{"Мао Цзэдун", "mao zedong"},
		{"Цзиньпин Си", "jinping xi"}, // the given name first (firstName, lastName)
		{"Ли Анна", "li anna"},        // a Russian given name: read as Russian
		{"Ли Иван", "li ivan"},
		{"Ван Владимир", "van vladimir"},
		{"Ли Цзиньпинмин", "li tszin'pinmin"}, // three syllables: no Chinese given name
	})
	checkSimilar(t, []similarCase{
		{"Си Цзиньпин", "Xi Jinping", .95, 1},
		{"Си Цзиньпин", "习近平", .95, 1},
		{"Дэн Сяопин", "Deng Xiaoping", .95, 1},
		{"Чжоу Эньлай", "Zhou Enlai", .95, 1},
		{"Си Цзиньпин", "Xi Jinming", 0, .7},
	})
	if !sharesAny(Parse("Ху Цзиньтао").Keys(), Parse("Hu Jintao").Keys()) {
		t.Error("Ху Цзиньтао and Hu Jintao share no key: a lookup in one script misses the other")
	}
}
