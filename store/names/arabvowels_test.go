package names

import (
	"strings"
	"testing"
)

// TestArabNamesInTranscriptions: an Arab's name in Latin letters meets
// its katakana, Hangul or Chinese whatever vowels each side writes, and
// the readings of Arabic and Hebrew letters, which write none, meet a
// transcription only from the same first consonant.
func TestArabNamesInTranscriptions(t *testing.T) {
	for _, p := range [][2]string{
		{"Mohamed Morsi", "ムハンマド・ムルシ"}, // o/u, e/a: Arabic's u and a
		{"Ahmed Shah Massoud", "アフマド・シャー・マスード"},
		{"Mohammed Deif", "ムハンマド・デイフ"},
		{"Omar al-Bashir", "ウマル・バシール"},         // Omar / Umar, a line of the Arabic table
		{"Muhammad Yusuf", "モハメド・ユスフ"},         // katakana's e and o for Arabic's a and u
		{"Maher al-Assad", "マーヒル・アル＝アサド"},      // an Arab's by its article; Maher's er no English -er
		{"Masood Azhar", "マスード・アズハル"},          // Azhar's zh a z and an h, as each transcription says them
		{"Jalaluddin Haqqani", "ジャラルディン・ハッカニ"}, // jararudin read as the compound jarardin, still a transcription
		{"Masood Azhar", "马苏德·阿兹哈尔"},
		{"Masood Azhar", "마수드 아즈하르"},
		{"بشار الأسد", "巴沙尔·阿萨德"}, // an abjad's reading and a transcription, one first consonant
		{"אהוד ברק", "埃胡德·巴拉克"},
		{"قاسم سليماني", "卡西姆·苏莱曼尼"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value < .8 || !s.Spelled {
			t.Errorf("%s / %s: %.2f (%s, spelled %v), want ≥ 0.80 and spelled", p[0], p[1], s.Value, s.Explanation, s.Spelled)
		}
	}
	for _, p := range [][2]string{
		// عبد الله abdlah and 瓦塔拉 wa-ta-la (Ouattara): b-t-l and w-t-l
		// through Chinese's loose letters, with no vowels to tell them.
		{"عبد الله الثاني بن الحسين", "阿拉萨内·瓦塔拉"},
		{"Omar Hussein", "ウマル・ハサン"},    // Hussain, Hussein's spelling, keeps its i
		{"Omar Hassan", "ウマル・フセイン"},    // Hassan's vowels are not Hussein's
		{"Ali Khalid", "アリ・ハリル"},       // Khalid / Khalil: two lines
		{"Salem Ali", "サリーム・アリー"},      // Salem / Salim: two lines that differ in a vowel
		{"Yahya Sanwar", "ヤヒヤ・シンワル"},   // Sanwar / Sinwar: an a is not an i
		{"Boris Johnson", "ブリス・ジュンスン"}, // no Arab name: its vowels stay its own
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value >= .7 {
			t.Errorf("%s / %s: %.2f (%s), want < 0.70", p[0], p[1], s.Value, s.Explanation)
		}
	}
}

// TestTranscribedParticles: the article, ibn and ould of an Arab's name in
// katakana or Hangul are read as the Latin particles, not as names of
// their own that the Latin spelling lacks.
func TestTranscribedParticles(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"オマル・アル＝バシール", "omaru albashiru"},
		{"アブ・ムハンマド・アル＝ジャウラニ", "abumuhanmado aljaurani"},
		{"モハメド・ウルド・ガズワニ", "mohamedo ouldgazuwani"},
		{"압둘 라흐만 야신", "abdraheuman yasin"},
		{"サイフ・アル", "saifu aru"}, // last, it introduces no name
	} {
		if got := strings.Join(Parse(c.in).Tokens, " "); got != c.want {
			t.Errorf("Parse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, p := range [][2]string{
		{"Omar al-Bashir", "オマル・アル＝バシール"},
		{"Abdul Rahman Yasin", "압둘 라흐만 야신"},
		{"Anwar al-Awlaki", "アンワル・アル＝アウラキ"},  // the word with its article still a transcription
		{"Nasir al-Wuhayshi", "ナセル・アル＝ウハイシ"}, // and the name behind it read as a word of its own
		{"Saif al-Islam Gaddafi", "セイフ・アル＝イスラム・カダフィ"},
		{"Abdel Fattah el-Sisi", "압델 파타 엘시시"}, // Abdel joined as abd, still a transcription
		{"Osama bin Laden", "오사마 빈 라덴"},       // 빈 pin: bin
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value < .88 || !s.Spelled || strings.Contains(s.Explanation, "missing") {
			t.Errorf("%s / %s: %.2f (%s), want ≥ 0.88, spelled, with no word missing", p[0], p[1], s.Value, s.Explanation)
		}
	}
}
