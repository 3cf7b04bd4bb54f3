package names

import (
	"slices"
	"testing"
)

func TestPinyinSyllables(t *testing.T) {
	for w, want := range map[string][]string{
		"xiaoping": {"xiao", "ping"}, "xian": {"xian"}, "denghui": {"deng", "hui"}, "zhuangzi": {"zhuang", "zi"},
		"er": {"er"}, "mohamed": nil, "smith": nil, "kim": nil, "": nil,
	} {
		if got := pinyinSyllables(w); !slices.Equal(got, want) {
			t.Errorf("pinyinSyllables(%q) = %q, want %q", w, got, want)
		}
	}
}

// A given name in pinyin one syllable from another is another name; the
// same name in characters, in Wade-Giles or with its syllables apart is
// not.
func TestPinyinGivenNamesOneSyllableApart(t *testing.T) {
	for _, p := range [][2]string{
		{"Deng Xiaoming", "Deng Xiaoping"}, {"Li Denghai", "Li Denghui"}, {"Li Peng", "Li Ping"}, {"Zhou Enlin", "Zhou Enlai"},
		{"Deng Qinghua", "Deng Qing"}, // a syllable more: qinghua and qing share their consonants
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value >= .7 {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want below 0.7", p[0], p[1], s.Value, s.Explanation)
		}
	}
	for _, p := range [][2]string{
		{"Li Peng", "Li P'eng"}, {"Zhou Enlai", "Chou En-lai"}, {"Deng Xiaoping", "邓小平"}, {"Xi Jinping", "习近平"},
		{"Wang Yi", "王毅"}, {"Li Xiaoping", "Li Xiao Ping"}, {"Zhang Wei", "Chang Wei"}, {"Zhang Xiaoming", "张小明"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .85 {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
}

// A Uyghur name in the pinyin of its Chinese characters meets its own
// spelling; names whose words happen to be pinyin syllables are not read
// so (Amina Ali; Asanka Senanayake, a Sinhala name).
func TestPinyinTranscription(t *testing.T) {
	for _, p := range [][2]string{{"Aierken Tuniyazi", "Erkin Tuniyaz"}, {"Nuer Baikeli", "Nur Bekri"}} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .85 {
			t.Errorf("%s / %s: %.2f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
	for _, n := range []string{"Amina Ali", "Asanka Senanayake", "Li Xiaoming", "Wang Aierken"} {
		if p := Parse(n); pinyinTranscription(p.words) {
			t.Errorf("%s read as a foreign name in pinyin", n)
		}
	}
	if s := Similarity(Parse("Asanka Senanayake"), Parse("Asanka Dissanayake"), nil); s.Value >= .7 {
		t.Errorf("Asanka Senanayake / Dissanayake: %.2f (%s), want below 0.7", s.Value, s.Explanation)
	}
}
