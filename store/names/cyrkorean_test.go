package names

import "testing"

// TestCyrillicKorean: a Korean name in Cyrillic, a syllable to a word, is
// read as the Hangul is, so that its Latin spellings meet it; a Russian
// Korean's Russian given name, and a namesake, are not taken for it.
func TestCyrillicKorean(t *testing.T) {
	checkLatinize(t, [][2]string{
		{"Ким Чен Ын", "kim jong un"},     // the older spelling: 정 чен
		{"Чхве Рён Хэ", "choi ryong hae"}, // ㅊ чх, ㅚ ве is the surname's
		{"Мун Чжэ Ин", "moon jae in"},
		{"Ри Сон Гвон", "ri song kwon"}, // ㄱ between vowels is г
		{"Ким Анна", "kim anna"},        // two words: read as Russian
		{"Ким Ирина Сон", "kim irina son"},
		{"Пак Иван Ли", "pak ivan li"}, // Иван is no syllable
	})
	checkSimilar(t, []similarCase{
		{"Ким Чен Ын", "Kim Jong Un", .95, 1},
		{"Ким Чен Ын", "김정은", .95, 1},
		{"Ким Ир Сен", "Kim Il Sung", .9, 1},
		{"Пак Пон Чжу", "Pak Pong Ju", .9, 1},
		{"Чон Сын Хун", "Jong Sung Hun", .9, 1}, // н is n or ng: сын, Sung
		{"Чон Ир Чхун", "Jon Il Chun", .9, 1},   // Чон, Jon (전)
		{"Ли Ён Хо", "Ri Yong Ho", .9, 1},       // Хо, last, is no surname after Ли
		{"Ким Чен Ын", "Kim Jong Il", 0, .7},
		{"Пак Пон Чжу", "Pak Pong Chol", 0, .7},
	})
	if !sharesAny(Parse("Ким Ё Чжон").Keys(), Parse("Kim Yo Jong").Keys()) {
		t.Error("Ким Ё Чжон and Kim Yo Jong share no key: a lookup in one script misses the other")
	}
}

// TestCyrKoreanFinal: n and ng meet only between a word read from Cyrillic
// and one that was not, the rest of the syllable agreeing.
func TestCyrKoreanFinal(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"jong", "jon", true}, {"jong", "jeon", true}, {"sun", "sung", true},
		{"jong", "jung", false}, {"son", "son", false}, {"ng", "n", false}, {"kang", "kan", true},
	} {
		if got := cyrKoreanFinal(c.a, c.b); got != c.want {
			t.Errorf("cyrKoreanFinal(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	a, b := Parse("Ким Чен Ын"), Parse("Kim Jon Un")
	if s := Similarity(a, b, nil); s.Value < .9 {
		t.Errorf("Ким Чен Ын / Kim Jon Un = %.3f (%s): Cyrillic's н is n or ng", s.Value, s.Explanation)
	}
	if s := Similarity(Parse("Kim Son Il"), Parse("Kim Song Il"), nil); s.Value >= .9 {
		t.Errorf("Kim Son Il / Kim Song Il = %.3f (%s): two Latin spellings keep n and ng apart", s.Value, s.Explanation)
	}
}

// TestCyrKoreanSurnamesSpelt: every Korean surname in Cyrillic has the
// Hangul whose spelling the Hangul reader gives.
func TestCyrKoreanSurnamesSpelt(t *testing.T) {
	for c, h := range cyrKoreanSurnames {
		if h != 0 && hangulSurnames[h] == "" {
			t.Errorf("%s: %c has no spelling in hangulSurnames", c, h)
		}
	}
}
