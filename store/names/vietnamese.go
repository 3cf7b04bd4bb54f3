package names

import (
	"slices"
	"strings"
)

// A Vietnamese name is a family name, often a middle name (Văn, Thị) and
// a given name, each one syllable; written without its diacritics, as
// lists write it, a syllable keeps its letters (Nguyễn Văn Minh is Nguyen
// Van Minh), and two syllables with other vowels are two names: Minh and
// Manh, Tuan and Toan, Hung and Hang share their consonants, which the
// skeleton compares, and nothing else. Its words are no particles either:
// Le, Do and Van are a family name and a middle name, not the French le
// and the Dutch van (Parse leaves them apart).

// vietnameseSurnames are the common family names; those that are also
// common words or names elsewhere (Le, Do, Ho, Ha, Mai, Lam, Ly, Cao)
// count only beside a middle name.
var (
	vietnameseSurnames = map[string]bool{
		"nguyen": true, "tran": true, "pham": true, "huynh": true, "phan": true, "dang": true,
		"bui": true, "duong": true, "truong": true, "trinh": true, "doan": true, "luong": true,
		"quach": true, "hoang": true, "vuong": true,
	}
	vietnameseShortSurnames = map[string]bool{
		"le": true, "do": true, "ho": true, "ha": true, "mai": true, "lam": true, "ly": true,
		"cao": true, "vu": true, "vo": true, "ngo": true, "dinh": true, "ta": true,
	}
	vietnameseMiddles = map[string]bool{
		"van": true, "thi": true, "duc": true, "huu": true, "quang": true, "xuan": true,
		"thanh": true, "ngoc": true, "cong": true, "trong": true, "minh": true,
	}
)

// vietnameseLetters reports whether s (composed, NFC) holds a letter only
// Vietnamese writes: ơ, ư, ă, or a vowel with a tone mark of the Latin
// Extended Additional block (ỗ, ạ, ế, ự). In such a name Đ is a d (Đỗ,
// Đặng, Đinh: Do, Dang, Dinh), not the Serbo-Croatian dj that Latinize
// writes elsewhere (Đoković, Djokovic). Romanian's ă comes with no Đ.
func vietnameseLetters(s string) bool {
	for _, r := range s {
		if r >= 0x1EA0 && r <= 0x1EF9 || strings.ContainsRune("ơƠưƯăĂ", r) {
			return true
		}
	}
	return false
}

var vietnameseD = strings.NewReplacer("Đ", "D", "đ", "d")

// vietnameseName reports whether a name's words read as Vietnamese: two
// to four words of six letters or fewer, with a common family name (a
// short one only beside a middle name).
func vietnameseName(words []string) bool {
	if len(words) < 2 || len(words) > 4 || slices.ContainsFunc(words, func(w string) bool { return len(w) > 6 }) {
		return false
	}
	surname, short, middle := false, false, false
	for _, w := range words {
		surname = surname || vietnameseSurnames[w]
		short = short || vietnameseShortSurnames[w]
		middle = middle || vietnameseMiddles[w]
	}
	return surname || short && middle
}

// markVietnamese flags the words of a Vietnamese name (vietnameseName).
func markVietnamese(ws []word) {
	words := make([]string, 0, MaxTokens)
	for _, w := range ws {
		words = append(words, w.s)
	}
	if !vietnameseName(words) {
		return
	}
	for i := range ws {
		ws[i].vietnamese = true
	}
}

// vowelsApart reports whether a and b have the same consonants in the
// same places and other vowels (Minh / Manh), i and y counted one letter.
func vowelsApart(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	apart := false
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y || (x == 'i' || x == 'y') && (y == 'i' || y == 'y') {
			continue
		}
		if !isVowel(x) || !isVowel(y) {
			return false
		}
		apart = true
	}
	return apart
}

// iForY writes y as i: Vietnamese spellings use either (Thy, Thi; Huy).
func iForY(r rune) rune {
	if r == 'y' {
		return 'i'
	}
	return r
}

// vietnameseKanaForm returns the Vietnamese word l as katakana writes what
// it says, or l: an initial ng a g (Nguyen, グエン guen; Ngo, ゴー), tr a
// ch (Trong, チョン chon), x an s (Xuan, スアン suan), and a final ng or nh
// an n (ン: Minh, ミン; Chinh, チン).
func vietnameseKanaForm(l string) string {
	f := l
	switch {
	case strings.HasPrefix(f, "ng") && len(f) > 2 && isVowel(f[2]):
		f = f[1:]
	case strings.HasPrefix(f, "tr"):
		f = "ch" + f[2:]
	case strings.HasPrefix(f, "x"):
		f = "s" + f[1:]
	}
	if n := len(f); n > 3 && (strings.HasSuffix(f, "ng") || strings.HasSuffix(f, "nh")) {
		f = f[:n-1]
	}
	return f
}
