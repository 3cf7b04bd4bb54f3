package names

import (
	"slices"
	"testing"
)

func TestKoreanNamesInKatakanaReadAsKorean(t *testing.T) {
	for in, want := range map[string][]string{
		"キム・ジョンウン":    {"kim", "jong", "un"},
		"イ・ジェミョン":     {"lee", "jae", "myong"},
		"キム・ドクフン":     {"kim", "tok", "hun"}, // ドク is one syllable, its u unsaid
		"ハン・ドクス":      {"han", "tok", "su"},
		"パク・クネ":       {"park", "ku", "nae"}, // クネ: no earlier kana for ク to close
		"リ・ソルジュ":      {"ri", "sol", "ju"},
		"クォン・ヨンセ":     {"kwon", "yong", "sae"},
		"チョン・ヨンホ":     {"jong", "yong", "ho"}, // 정 or 전: the scorer lets n and ng meet
		"キム・ジョン・ウン":   {"kim", "jong", "un"},
		"ヒョン・ヨンチョル":   {"hyun", "yong", "chol"},
		"ムン・ジェイン":     {"moon", "jae", "in"},
		"ウラジーミル・プーチン": {"urajimiru", "puchin"}, // no Korean surname, a long vowel
		"キム・カーダシアン":   {"kimu", "kadashian"},   // a long vowel and four syllables
	} {
		if got := Parse(in).Tokens; !slices.Equal(got, want) {
			t.Errorf("Parse(%s).Tokens = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"キム・ジョンウン": true, "キム・ジョン・ウン": true, "オ・スヨン": true,
		"キム": false, "キム・ジョンウンイル": false, "ジョン・キム": false, "キム・ノヴァク": false, "キム・ジョンウン・ウン": false, "アン・ハサウェイ": false,
	} {
		if got := kanaKoreanWords(in); got != want {
			t.Errorf("kanaKoreanWords(%s) = %v, want %v", in, got, want)
		}
	}
}
