package names

import (
	"strings"
	"unicode/utf8"
)

// Korean names in katakana. Japan's lists write the Koreans they sanction
// in katakana, surname first (キム・ジョンウン, Kim Jong Un; イ・ジェミョン,
// Lee Jae-myung; キム・ドクフン, Kim Tok Hun), and so do the Japanese labels
// of Korean officials. Read as Japanese (kimu jonun, i jemyon, kimu
// dokufun), a closed syllable gains the u Japanese puts after a final
// consonant (キム kimu, ドク doku), the surname 이 is a bare i, and the given
// name is one word whose syllables no Latin spelling's words meet. A name
// of two or three words, its first a Korean surname in katakana, each other
// word one or two syllables of Korean as katakana writes them
// (kanaKoreanWords), is read back into the romanisation hangul.go writes
// for the Hangul, a syllable to a word (kim jong un, lee jae myong, kim tok
// hun): the Latin spellings then meet it as they meet 김정은.
//
// Katakana loses what Cyrillic loses (cyrkorean.go) and more: オ is ㅓ or
// ㅗ and ウ is ㅜ or ㅡ, as the romanisation writes them alike (o, u); エ is
// ㅐ or ㅔ, read ae, the commoner in names (재 Jae, 태 Tae, 해 Hae); ン is
// ㄴ or ㅇ, read as Cyrillic's н is (ng after a and o, n after the others)
// and flagged so that the scorer lets n and ng meet; a word's first チ is
// ㅈ or ㅊ, read j (정, 장, 조 are commoner), and its others ch, as Japanese
// writes ㅈ inside a word with ジ.

// kanaKoreanSurnames are Korean surnames in katakana and their Hangul,
// whose spelling hangulSurnames gives; 0 where the katakana is two
// surnames apart only by a final n or ng (チョン 정 or 전, ソン 송 or 손),
// read as the syllable.
var kanaKoreanSurnames = map[string]rune{
	"キム": '김', "イ": '이', "リ": '리', "パク": '박', "チェ": '최', "チョン": 0, "カン": '강', "チョ": '조',
	"ユン": '윤', "チャン": '장', "イム": '임', "リム": '림', "ハン": '한', "オ": '오', "ソ": '서', "シン": '신',
	"クォン": '권', "ファン": '황', "アン": '안', "ソン": 0, "リュ": '류', "ユ": '유', "ホン": '홍', "コ": '고',
	"ムン": '문', "ヤン": '양', "リャン": '량', "ペ": '배', "ペク": '백', "ホ": '허', "ナム": '남', "ノ": '노',
	"ロ": '로', "ハ": '하', "クァク": '곽', "チャ": '차', "チュ": '주', "ウ": '우', "ミン": '민', "ヒョン": '현',
	"パン": '방', "オム": '엄', "ウォン": '원', "ピョン": '변', "ヨム": '염', "ト": '도', "ソク": '석', "マ": '마',
	"キル": '길', "ピョ": '표', "キ": '기', "ワン": '왕', "オク": '옥', "チン": '진', "チ": '지', "ク": '구',
	"ナ": '나', "シム": '심', "タク": '탁', "ユク": '육', "メン": '맹', "テ": '태', "チョイ": '최',
}

// kanaKoreanConsonants are the Korean initials of the katakana rows, by
// the consonant of their Hepburn reading (kanaSyllables): voiced or not,
// Japanese writes one Korean consonant (김 キム, 근 クン, 경 ギョン).
var kanaKoreanConsonants = map[string]string{
	"": "", "k": "k", "g": "k", "s": "s", "sh": "s", "z": "j", "j": "j", "t": "t", "d": "t", "ch": "ch",
	"n": "n", "h": "h", "f": "h", "b": "p", "p": "p", "m": "m", "y": "y", "r": "r", "w": "w",
}

// kanaKoreanFinals are the kana that close a Korean syllable, and the
// final consonant each is (ン apart: see the package comment above).
var kanaKoreanFinals = map[rune]string{'ク': "k", 'ル': "l", 'ム': "m", 'プ': "p", 'ッ': "t", 'ン': "n"}

// kanaSmallY and kanaSmallW are the vowels a small kana makes of an i
// kana's (キョ kyo) and of a u kana's (クォ kwo).
var (
	kanaSmallY = map[rune]string{'ャ': "a", 'ュ': "u", 'ョ': "o"}
	kanaSmallW = map[rune]string{'ォ': "wo", 'ァ': "wa", 'ィ': "wi", 'ェ': "we"}
)

// kanaMora is a kana with the small kana written onto it, read as a
// Korean initial and vowel; final is the kana when it may close a
// syllable (kanaKoreanFinals), only is set for ン and ッ, which cannot
// begin one.
type kanaMora struct {
	initial, vowel string
	final          rune
	only           bool
}

// kanaKoreanMorae cuts a katakana word into morae read as Korean, or
// reports that it holds a kana Korean names are not written with (the
// long-vowel mark, ヴ, ティ…).
func kanaKoreanMorae(w string) ([]kanaMora, bool) {
	var ms []kanaMora
	for _, r := range w {
		if r == 'ン' || r == 'ッ' {
			if len(ms) == 0 {
				return nil, false
			}
			ms = append(ms, kanaMora{final: r, only: true})
			continue
		}
		if r < kanaFirst || r > kanaLast {
			return nil, false
		}
		if read := kanaSyllables[r-kanaFirst]; read != "" {
			c, ok := kanaKoreanConsonants[read[:len(read)-1]]
			if !ok {
				return nil, false
			}
			v := read[len(read)-1:]
			if c == "y" || c == "w" {
				c, v = "", c+v
			}
			if v == "e" {
				v = "ae"
			}
			m := kanaMora{initial: c, vowel: v}
			if _, ok := kanaKoreanFinals[r]; ok {
				m.final = r
			}
			ms = append(ms, m)
			continue
		}
		if len(ms) == 0 || ms[len(ms)-1].only {
			return nil, false
		}
		m := &ms[len(ms)-1]
		m.final = 0 // a kana with a small one is no final
		c, v := m.initial, m.vowel
		switch small := r; {
		case v == "i" && c != "" && (small == 'ャ' || small == 'ュ' || small == 'ョ'):
			y := kanaSmallY[small]
			if c == "s" || c == "j" || c == "ch" {
				m.vowel = y // ジョ jo, チャ cha, シュ su: Korean's palatals
			} else {
				m.vowel = "y" + y // キョ kyo, ミョ myo, リュ ryu
			}
		case v == "i" && small == 'ェ':
			if c == "" {
				m.vowel = "ye" // イェ 예
			} else {
				m.vowel = "ae" // ジェ 재, チェ 채
			}
		case v == "u" && (c == "" || c == "k" || c == "h") && (small == 'ォ' || small == 'ァ' || small == 'ィ' || small == 'ェ'):
			m.vowel = kanaSmallW[small] // ウォ 원, クォ 권, ファ 화
		default:
			return nil, false
		}
	}
	return ms, len(ms) > 0
}

// kanaKoreanSyllables reads a katakana word as want Korean syllables
// (fewer when it cannot be read as that many), each a syllable as
// hangul.go writes it; first says the word begins the given name. It
// reports false when the word is no Korean syllables.
func kanaKoreanSyllables(w string, want int, first bool) ([]string, bool) {
	ms, ok := kanaKoreanMorae(w)
	if !ok {
		return nil, false
	}
	// cut returns the syllables of ms[i:] in at most left syllables, each
	// a mora that may begin one, then optionally a final.
	var cut func(i, left int) ([][2]int, bool)
	cut = func(i, left int) ([][2]int, bool) {
		if i == len(ms) {
			return nil, true
		}
		if left == 0 || ms[i].only {
			return nil, false
		}
		// With a final first: ドクス is 덕수 dok-su before do-ku-su.
		if i+1 < len(ms) && ms[i+1].final != 0 {
			if rest, ok := cut(i+2, left-1); ok {
				return append([][2]int{{i, i + 1}}, rest...), true
			}
		}
		if rest, ok := cut(i+1, left-1); ok {
			return append([][2]int{{i, -1}}, rest...), true
		}
		return nil, false
	}
	var spans [][2]int
	for n := want; n >= 1 && spans == nil; n-- {
		if s, ok := cut(0, n); ok && len(s) == n {
			spans = s
		}
	}
	if spans == nil {
		return nil, false
	}
	out := make([]string, len(spans))
	for k, sp := range spans {
		m := ms[sp[0]]
		initial, vowel, final := m.initial, m.vowel, ""
		if initial == "ch" && k == 0 && first {
			initial = "j"
		}
		if sp[1] >= 0 {
			final = kanaKoreanFinals[ms[sp[1]].final]
		}
		if final == "n" && vowel != "wo" && (strings.HasSuffix(vowel, "o") || strings.HasSuffix(vowel, "a")) {
			final = "ng"
		}
		out[k] = initial + vowel + final
	}
	return out, true
}

// kanaKoreanWords reports whether s is a Korean name in katakana: two or
// three words, all katakana, the first a Korean surname
// (kanaKoreanSurnames), each other one or two Korean syllables
// (kanaKoreanSyllables), and the given name two syllables in all.
func kanaKoreanWords(s string) bool {
	first, _, words := endWords(s)
	if words < 2 || words > 3 {
		return false
	}
	if _, ok := kanaKoreanSurnames[first]; !ok {
		return false
	}
	given, n := 0, 0
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !isWordRune(r) }) {
		if n++; n == 1 {
			continue
		}
		want := 2
		if words == 3 {
			want = 1
		}
		syl, ok := kanaKoreanSyllables(w, want, true)
		if !ok {
			return false
		}
		given += len(syl)
	}
	return given == 2
}

// kanaKoreanWord reads one word of a Korean name in katakana
// (kanaKoreanWords); surname says it is the name's first, given its
// number of words.
func kanaKoreanWord(w string, surname bool, words int) string {
	if surname {
		if h := kanaKoreanSurnames[w]; h != 0 {
			return hangulSurnames[h]
		}
		if syl, ok := kanaKoreanSyllables(w, 1, true); ok {
			return syl[0]
		}
		return kanaWord(w)
	}
	want := 2
	if words == 3 {
		want = 1
	}
	if syl, ok := kanaKoreanSyllables(w, want, true); ok {
		return strings.Join(syl, " ")
	}
	return kanaWord(w)
}

// isKanaName reports whether s holds a katakana letter (its UTF-8 E3 82
// A1 to E3 83 BA).
func isKanaName(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xE3 && (s[i+1] == 0x82 || s[i+1] == 0x83) {
			if r, _ := utf8.DecodeRuneInString(s[i:]); r >= kanaFirst && r <= kanaLast {
				return true
			}
		}
	}
	return false
}
