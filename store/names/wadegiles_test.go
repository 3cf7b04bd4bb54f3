package names

import (
	"slices"
	"testing"
)

func TestWadeGilesSyllablesReadInPinyin(t *testing.T) {
	for in, want := range map[string][]string{
		"ching": {"jing", "qing"}, "hsiao": {"xiao"}, "tse": {"ze", "ce"}, "tzu": {"zi", "ci"},
		"kuo": {"guo", "kuo"}, "ko": {"ge", "ke"}, "lo": {"luo"}, "chih": {"zhi", "chi"},
		"jen": {"ren"}, "ping": {"bing"}, "teng": {"deng"}, "yeh": {"ye"}, "tung": {"dong", "tong"},
		"si": {"xi"}, "ciou": {"qiu"}, "sing": {"xing"}, // Taiwan's Tongyong pinyin
	} {
		got := wadeGilesForms(in)
		for _, w := range want {
			if w != in && !slices.Contains(got, w) {
				t.Errorf("wadeGilesForms(%q) = %v, want %q among them", in, got, w)
			}
		}
	}
	for _, in := range []string{"dan", "mary", "smith", "jinping", "ba", ""} {
		if got := wadeGilesForms(in); got != nil {
			t.Errorf("wadeGilesForms(%q) = %v, want none (no Wade-Giles syllable)", in, got)
		}
	}
}

// A name in Wade-Giles meets its pinyin, its syllables written apart or
// as one word; a Western name with a syllable in it is not read so.
func TestWadeGilesNamesMeetPinyin(t *testing.T) {
	for _, p := range [][2]string{
		{"Chiang Ching-kuo", "Jiang Jingguo"}, {"Teng Hsiao-p'ing", "Deng Xiaoping"},
		{"Hsi Chin-p'ing", "Xi Jinping"}, {"Lai Ching-te", "Lai Qingde"}, {"Tan Ping", "Dan Bing"},
		{"You Si-kun", "You Xikun"}, {"You Si-kun", "游錫堃"}, // Tongyong's s for x
		{"Teresa Cheng Yeuk-wah", "Zheng Ruohua"}, {"William Lai Ching-te", "Lai Qingde"}, // an English given name beside the syllables joined
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .85 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
	for _, p := range [][2]string{{"Dan Smith", "Tan Smith"}, {"Jan Kowalski", "Chan Kowalski"}, {"Ken Lee", "Gen Lee"}} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value >= .7 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want below 0.7", p[0], p[1], s.Value, s.Explanation)
		}
	}
}

// A name in Wade-Giles is indexed under its pinyin keys too, so that a
// lookup in pinyin reaches it (Xi Jinping finds Hsi Chin-p'ing).
func TestWadeGilesNamesIndexedInPinyin(t *testing.T) {
	keys := Parse("Hsi Chin-p'ing").Keys()
	for _, k := range []string{TokenKey("xi"), TokenKey("jin")} {
		if !slices.Contains(keys, k) {
			t.Errorf("Keys(Hsi Chin-p'ing) = %v, want %q among them", keys, k)
		}
	}
	if keys := Parse("Dan Smith").Keys(); slices.Contains(keys, TokenKey("tan")) && TokenKey("tan") != TokenKey("dan") {
		t.Errorf("Keys(Dan Smith) = %v: a Western name is not read in Wade-Giles", keys)
	}
}
