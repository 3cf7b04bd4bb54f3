package names

import "testing"

// TestHangulChineseReadings: a Chinese name in Hangul is read back into
// pinyin, every reading Hangul leaves open among them; a Korean name, a
// foreign one and a name too long get none.
func TestHangulChineseReadings(t *testing.T) {
	checkReadings(t, "HangulChineseReadings", HangulChineseReadings, maxHangulChineseReadings, []readingCase{
		{"시진핑", []string{"xi jinping"}},
		{"시 진핑", []string{"xi jinping"}},
		{"마오쩌둥", []string{"mao zedong"}},   // 쩌 ze; 둥 dong
		{"리커창", []string{"li keqiang"}},    // 창 is chang or qiang
		{"장더장", []string{"zhang dejiang"}}, // 장 zhang or jiang
		{"천취안궈", []string{"chen quanguo"}}, // 취안 quan: two blocks
		{"저우언라이", []string{"zhou enlai"}},  // a surname of two blocks
		{"김정은", nil},                       // 김: Mandarin has no final m
		{"블라디미르 푸틴", nil},                  // a foreign name
		{"시진핑시진핑시진핑", nil},                 // too long
		{"Xi 진핑", nil},
	})
}

// FuzzHangulChineseReadings: any text gives at most the bounded readings,
// each of pinyin syllables.
func FuzzHangulChineseReadings(f *testing.F) {
	for _, s := range []string{"시진핑", "천취안궈", "김정은", "이", "", "시 ", "·", "타오타오타오타오"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := HangulChineseReadings(s)
		if len(rs) > maxHangulChineseReadings {
			t.Fatalf("%d readings of %q", len(rs), s)
		}
		for _, r := range rs {
			if Parse(r).Empty() {
				t.Fatalf("reading %q of %q parses empty", r, s)
			}
		}
	})
}
