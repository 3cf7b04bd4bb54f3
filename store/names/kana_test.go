package names

import (
	"slices"
	"strings"
	"testing"
)

func TestKanaReading(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ウラジーミル・プーチン", "urajimiru puchin"},
		{"ティモシー", "timoshi"},       // te + small i
		{"ファルハド", "faruhado"},      // fu + small a
		{"ウィリアム", "wiriamu"},       // u + small i
		{"イェルラン", "yeruran"},       // i + small e
		{"ヨンウォン", "yonwon"},        // u + small o after n: wo, not no
		{"ソングォン", "songwon"},       // gu + small o: gwo (Korean 권)
		{"シェフチェンコ", "shefuchenko"}, // shi, chi + small e
		{"ジョンソン", "jonson"},        // ji + small yo
		{"キャサリン", "kyasarin"},      // ki + small ya
		{"ヴァレリー", "vareri"},        // vu + small a; the long mark
		{"マッテオ", "mateo"},          // the doubled consonant
		{"ヤマダ タロウ", "yamada taro"}, // ou is a long o
		{"やまだ たろう", "yamada taro"}, // hiragana reads as katakana
		{"ｳﾗｼﾞｰﾐﾙ", "urajimiru"},   // half-width, through NFKC
		{"ァ", "a"},                 // a small kana alone
		{"ーー", ""},
	} {
		if got := strings.Join(Parse(c.in).Tokens, " "); got != c.want {
			t.Errorf("Parse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// kanaPairs are names as Japan's lists write them in katakana with a
// Latin spelling of the same name; fictional combinations of common
// Russian, Belarusian and Central Asian names.
var kanaPairs = [][2]string{
	{"ウラジーミル・ソコロフ", "Vladimir Sokolov"},
	{"ドミトリー・ヴォルコフ", "Dmitry Volkov"},
	{"エレーナ・モロゾワ", "Yelena Morozova"},
	{"アレクサンドル・クズネツォフ", "Aleksandr Kuznetsov"},
	{"アレクサンドル・クズネツォフ", "Alexander Kuznetsov"},
	{"ニコライ・スミルノフ", "Nikolay Smirnov"},
	{"タチアナ・フョードロワ", "Tatiana Fedorova"},
	{"ミハイル・レベジェフ", "Mikhail Lebedev"},
	{"オリガ・クズミナ", "Olga Kuzmina"},
	{"エフゲニー・パブロフ", "Evgeny Pavlov"},
	{"セルゲイ・ミシュスチン", "Sergei Mishustin"},
	{"ラムザン・カディロフ", "Ramzan Kadyrov"},
	{"アリシェル・ウスマノフ", "Alisher Usmanov"},
	{"ヴィクトル・ゴルバチョフ", "Viktor Gorbachev"},
	{"ウラジーミル・ソコロフ", "SOKOLOV, Vladimir Ivanovich"},
	// Hangul, as Korean writes foreign names.
	{"블라디미르 소콜로프", "Vladimir Sokolov"},
	{"드미트리 볼코프", "Dmitry Volkov"},
	{"옐레나 모로조바", "Yelena Morozova"},
	{"알렉산드르 쿠즈네초프", "Aleksandr Kuznetsov"},
	{"예브게니 파블로프", "Yevgeny Pavlov"},
	{"도널드 스미스", "Donald Smith"},
	{"바샤르 하다드", "Bashar Haddad"},
}

// kanaForeignPairs are names as Japanese writes their sound rather than
// their letters (session 32): フ for hu, ハ and ホ for Spanish's j, ジ
// for a soft g, ン doubling an m, an h not said, a vowel written twice
// as one, au as o, a final ey as i, and a particle joined to the word
// after it.
var kanaForeignPairs = [][2]string{
	{"サッダーム・フセイン", "Saddam Hussein"},
	{"ウフル・ケニヤッタ", "Uhuru Kenyatta"},
	{"ハビエル・ミレイ", "Javier Milei"},
	{"ホアキン・グスマン", "Joaquin Guzman"},
	{"ジュリアン・アサンジ", "Julian Assange"},
	{"ムアンマル・カッザーフィー", "Muammar Gaddafi"},
	{"ウゴ・チャベス", "Hugo Chavez"},
	{"サルバ・キール", "Salva Kiir"},
	{"ポール・カガメ", "Paul Kagame"},
	{"ジェフリー・エプスタイン", "Jeffrey Epstein"},
	{"ムハンマド・ビン・サルマーン", "Muhammad bin Salman"},
	// Russian's ё as ョ (Pyotr, Petr); Korean names, as Japan's lists
	// write North Koreans: チェ Choe, チョ and チャン Korean's j, リョ a
	// glide, not an i.
	{"ピョートル・アヴェン", "Petr Aven"},
	{"チェ・リョンヘ", "Choe Ryong Hae"},
	{"チャン・ソンテク", "Jang Song Thaek"},
	{"チョン・ギョンテク", "Jong Kyong Thaek"},
	{"チョ・ヨンウォン", "Jo Yong Won"},
	{"リ・ソングォン", "Ri Son Gwon"},
	{"ファン・ビョンソ", "Hwang Pyong So"},
	{"ムン・ジェイン", "Moon Jae-in"}, // oo is Korean's u
	// English's vowels as Japanese hears them (session 34): er before a
	// consonant an a, a short u an a, an initial wa a wo.
	{"ロバート・ムガベ", "Robert Mugabe"},
	{"パルヴェーズ・ムシャラフ", "Pervez Musharraf"},
	{"ウォーレン・バフェット", "Warren Buffett"},
	// An English final -es said s, a South Slavic -ić written ic, the e
	// of George, which only softens the g.
	{"ビル・ゲイツ", "Bill Gates"},
	{"アレクサンダル・ヴチッチ", "Aleksandar Vucic"},
	{"알렉산다르 부치치", "Aleksandar Vucic"},
	{"ジョージ・ソロス", "George Soros"},
	{"マーク・ザッカーバーグ", "Mark Zuckerberg"}, // er an a where the r is unsaid
	// English's long a, e, i (ei, i, ai) and its unsaid final e.
	{"スティーブ・ジョブズ", "Steve Jobs"},
	{"デービッド・キャメロン", "David Cameron"},
	{"ピーター・ナバロ", "Peter Navarro"},
	{"ジェームズ・マティス", "James Mattis"},
	{"マイク・ペンス", "Mike Pence"},
	{"ウェイン・ラピエール", "Wayne LaPierre"},
	{"グレース・ムガベ", "Grace Mugabe"},
	{"ニール・アームストロング", "Neil Armstrong"}, // ei an i
	{"キア・スターマー", "Keir Starmer"},
	{"키어 스타머", "Keir Starmer"},
	{"조지 소로스", "George Soros"},
	// English's a said ei, and its final e unsaid.
	{"ジェイコブ・ズマ", "Jacob Zuma"},
	{"빌 게이츠", "Bill Gates"},
	{"찰스 테일러", "Charles Taylor"},
	// Hangul: ㅡ for no vowel or an unsaid one, kh as k, an h unwritten.
	{"보리스 존슨", "Boris Johnson"},
	{"에드워드 스노든", "Edward Snowden"},
	{"칼리파 하프타르", "Khalifa Haftar"},
	{"아비 아머드", "Abiy Ahmed"},
}

func TestKanaMatchesLatin(t *testing.T) {
	for _, p := range append(kanaPairs, kanaForeignPairs...) {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value < .85 {
			t.Errorf("%s / %s: %.2f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
	// What Japanese spelling cannot hide: the vowels (Putin is not
	// Patton), a woman's form of a surname, another name.
	for _, p := range [][2]string{
		{"プーチン", "Patton"},
		{"ドミトリー・ヴォルコフ", "Dmitry Volkova"},
		{"オリガ・クズミナ", "Olga Kuzmin"},
		{"イーゴリ・ポポフ", "Egor Popov"},
		{"ウラジーミル・ソコロフ", "Vladimir Sorokin"},
		{"ニコライ・スミルノフ", "Nikolai Smirnova"},
		{"옐레나 모로조바", "Yelena Morozov"},
		{"블라디미르 소콜로프", "Vladimir Sorokin"},
		{"드미트리 볼코프", "Dmitry Volkova"},
		{"フセイン", "Hassan"}, // フ is hu, not ha
		{"ハビエル", "Xavier"},
		{"キール", "Kyle"},
		{"ローズ", "Rise"},
		{"マン", "Moon"},
		{"ジェームズ", "Jams"}, // an a is said ei only before a consonant and an e or i
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value >= .7 {
			t.Errorf("%s / %s: %.2f (%s), want < 0.70", p[0], p[1], s.Value, s.Explanation)
		}
	}
}

// TestKanaKeysReachLatin: a katakana name is indexed under the keys of
// the Latin spellings it stands for, so that a lookup in Latin letters
// retrieves a record named only in katakana, and the other way round.
func TestKanaKeysReachLatin(t *testing.T) {
	for _, p := range kanaPairs {
		kana, latin := Parse(p[0]).Keys(), Parse(p[1])
		reached := 0
		for _, tok := range latin.Tokens {
			if slices.Contains(kana, TokenKey(tok)) {
				reached++
			}
		}
		if reached < 2 {
			t.Errorf("%s: keys %v reach %d of the words of %s (keys %v)", p[0], kana, reached, p[1], latin.Keys())
		}
	}
	if n := len(Parse("ウラジーミル・アレクサンドロヴィチ・ルリコフ").Keys()); n > 3*maxTranscribedKeys {
		t.Errorf("%d keys: transcribedKeys is not bounded", n)
	}
}

// A Korean name in Hangul is still read syllable by syllable, surname
// first; only a foreign name's words are read whole.
func TestHangulForeignOrKorean(t *testing.T) {
	if s := Similarity(Parse("기시다 후미오"), Parse("Fumio Kishida"), nil); s.Value < .8 {
		t.Errorf("기시다 후미오 / Fumio Kishida: %.2f (%s)", s.Value, s.Explanation)
	}
	for _, c := range []struct{ in, want string }{
		{"김정은", "kim jong un"},
		{"리 영호", "ri yong ho"},
		{"블라디미르 푸틴", "bladimiru putin"},
		{"도널드 트럼프", "doneoldu tureompu"},
		{"남궁 민수", "nam gung min su"}, // a Korean surname of two syllables
		{"기시다 후미오", "kisida humio"},  // a word of three beside another: a Japanese name
		{"아베 신조", "abe sinjo"},       // two syllables first that are no Korean surname
		{"폴 비야", "pol piya"},         // one syllable first that is no Korean surname: Paul Biya
		{"공 지훈", "kong ji hun"},      // one that is, if a rare one
	} {
		got := strings.Join(Parse(c.in).Tokens, " ")
		// The skeleton folds b/p, d/t, g/k: compare what it keeps.
		if TokenKey(strings.ReplaceAll(got, " ", "")) != TokenKey(strings.ReplaceAll(c.want, " ", "")) || strings.Count(got, " ") != strings.Count(c.want, " ") {
			t.Errorf("Parse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A transcription's k is also the c or ch of the Latin name it writes:
// Christine in Chinese characters, katakana or Hangul is indexed under
// Christine's key (crstn), which the Latin spelling gives.
func TestTranscribedKIsLatinC(t *testing.T) {
	for _, p := range [][2]string{
		{"克里斯蒂娜·拉加德", "Christine"}, {"クリスティーヌ・ラガルド", "Christine"}, {"크리스틴 라가르드", "Christine"},
	} {
		if keys, want := Parse(p[0]).Keys(), TokenKey(Parse(p[1]).Tokens[0]); !slices.Contains(keys, want) {
			t.Errorf("Keys(%s) = %v, want %q (%s) among them", p[0], keys, want, p[1])
		}
	}
}

// A Korean name in Latin letters shares a key with its katakana, which
// writes the given name as one word with one ン for n and ng (index
// version 13): two Latin words are also keyed as one.
func TestKoreanGivenNameKeyedJoined(t *testing.T) {
	for _, p := range [][2]string{
		{"チャン・ソンテク", "Jang Song Thaek"}, {"チョン・ギョンテク", "Jong Kyong Thaek"},
		{"キム・ジョンウン", "Kim Jong Un"}, {"イ・ジェミョン", "Lee Jae-myung"},
	} {
		kana, latin := Parse(p[0]).Keys(), Parse(p[1]).Keys()
		var given []string // the keys of the katakana's given name
		for _, k := range kana {
			if len(k) >= 3 {
				given = append(given, k)
			}
		}
		if !slices.ContainsFunc(given, func(k string) bool { return slices.Contains(latin, k) }) {
			t.Errorf("%s: keys %v share none of three letters or more with %s's %v", p[0], kana, p[1], latin)
		}
	}
}

// A lookup of a Latin name also asks for its words without a final r
// said as a vowel (FoldKeys), which the transcriptions write so: Starmer
// reaches スターマー (sutama), 스타머 and 斯塔默.
func TestFinalRUnsaidFoldKeys(t *testing.T) {
	folds := Parse("Keir Starmer").FoldKeys()
	for _, label := range []string{"キア・スターマー", "키어 스타머", "基尔·斯塔默"} {
		if keys := Parse(label).Keys(); !slices.ContainsFunc(keys, func(k string) bool { return len(k) >= 3 && slices.Contains(folds, k) }) {
			t.Errorf("%s: keys %v share none of three letters or more with Keir Starmer's fold keys %v", label, keys, folds)
		}
	}
}
