package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Katakana is how Japanese writes foreign names (and Hangul how Korean
// does: hangulForeign), and Japan's lists write
// the names of the persons they sanction in it (ウラジーミル・プーチン,
// Vladimir Putin). The words are read here rather than by go-unidecode,
// which reads kana one by one: a small kana changes the vowel of the one
// before it (ティ is ti, ファ fa, シェ she), and go-unidecode writes
// "tei", "hua", "shie". The reading is Hepburn's (shi, chi, ji, fu, tsu),
// the long-vowel mark and the doubled consonant are not written, as
// Latin spellings of the same names do not write them.
//
// A Japanese transcription loses what Japanese does not hear — l and r are
// one sound, v is written as b (ラブロフ, Lavrov), a vowel is put after
// every consonant that has none (Medvedev, メドベージェフ, medobejefu) and
// ti, di are written chi, ji — so a katakana word is compared with a Latin
// one through those equivalences (transcribedSim), and is indexed under the Latin
// keys it can stand for (transcribedKeys).

// kanaSyllables reads the katakana letters from ァ (U+30A1) to ヶ (U+30F6)
// in code-point order; an empty reading is a small kana or a mark handled
// by readKana.
var kanaSyllables = [...]string{
	"", "a", "", "i", "", "u", "", "e", "", "o", // ァアィイゥウェエォオ
	"ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
	"sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
	"ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do", // ッ (U+30C3) is the small tsu
	"na", "ni", "nu", "ne", "no",
	"ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
	"ma", "mi", "mu", "me", "mo",
	"", "ya", "", "yu", "", "yo", // ャヤュユョヨ
	"ra", "ri", "ru", "re", "ro",
	"", "wa", "i", "e", "o", "n", "vu", "", "", // ヮワヰヱヲンヴヵヶ
}

const (
	kanaFirst = 0x30A1 // ァ
	kanaLast  = 0x30F6 // ヶ
	kanaLong  = 'ー'
	// hiraganaShift takes a hiragana letter to its katakana.
	hiraganaShift = 0x60
)

// isKana reports whether r is a katakana or hiragana letter or the
// long-vowel mark.
func isKana(r rune) bool {
	return r >= kanaFirst && r <= kanaLast || r >= kanaFirst-hiraganaShift && r <= kanaLast-hiraganaShift-2 || r == kanaLong
}

// smallKana gives the vowel (a, i, u, e, o) or y-syllable a small kana
// writes onto the kana before it.
var smallKana = map[rune]string{
	'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o",
	'ャ': "ya", 'ュ': "yu", 'ョ': "yo", 'ヮ': "wa",
}

// kanaWord reads a word of kana (any other letter in it through
// translitOther) as Latin letters: readKana, with the long vowels a
// Japanese name writes as two letters (Tarou, Yuuki) written as one.
func kanaWord(w string) string {
	return kanaLongVowels.Replace(readKana(w))
}

var kanaLongVowels = strings.NewReplacer("aa", "a", "ii", "i", "uu", "u", "ee", "e", "oo", "o", "ou", "o")

// readKana is the Hepburn reading of w's kana, small kana joined to the
// kana before them and the doubled consonant (ッ) and the long-vowel mark
// left unwritten.
func readKana(w string) string {
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if r >= kanaFirst-hiraganaShift && r <= kanaLast-hiraganaShift-2 {
			r += hiraganaShift
		}
		if r == kanaLong || r == 'ッ' {
			continue
		}
		if small, ok := smallKana[r]; ok {
			b.WriteString(joinSmall(&b, small, prev == 'ウ'))
			prev = r
			continue
		}
		prev = r
		if r < kanaFirst || r > kanaLast {
			b.WriteString(translitOther(string(r)))
			continue
		}
		b.WriteString(kanaSyllables[r-kanaFirst])
	}
	return b.String()
}

// joinSmall rewrites the end of what b holds for a small kana and returns
// what is left to append: ティ (te + i) is ti, ファ (fu + a) fa, ウィ
// (u + i) wi, イェ (i + e) ye, キャ (ki + ya) kya, シャ (shi + ya) sha,
// ジェ (ji + e) je; afterU says the kana before is ウ, whose small
// vowel makes a w whatever comes before it (ヨンウォン yon-won, not
// yo-no-n). After anything else a small kana is its own sound.
func joinSmall(b *strings.Builder, small string, afterU bool) string {
	prev := b.String()
	if prev == "" || !isVowel(prev[len(prev)-1]) {
		return small
	}
	last, stem := prev[len(prev)-1], prev[:len(prev)-1]
	bare := stem == "" || isVowel(stem[len(stem)-1]) // the kana before is a vowel alone
	switch {
	case (bare || afterU) && last == 'u' && small[0] != 'y':
		stem += "w" // ウィ wi, ウォ wo
	case last == 'u' && small[0] != 'y' && small != "u" && (strings.HasSuffix(stem, "k") || strings.HasSuffix(stem, "g")):
		stem += "w" // クォ kwo, グァ gwa (Korean's 권 gwon: グォン)
	case bare && last == 'i' && small == "e":
		stem += "y"
	case bare:
		return small
	case small[0] == 'y' && (strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "j")):
		small = small[1:] // shi + ya is sha, not shya
	}
	b.Reset()
	b.WriteString(stem)
	return small
}

// transcription is how a script writes foreign names, as far as
// comparing them with Latin spellings needs: the Latin skeleton letters
// each letter of a reading's skeleton (TokenKey) can stand for, the first
// its own (a letter not in forms stands for itself), and how many of a
// Latin word's vowels the reading may lack.
type transcription struct {
	forms map[byte]string
	// vowels are the vowels of a reading each Latin vowel may be written
	// as, besides itself (Chinese writes Donald 唐纳德, tang-na-de).
	vowels map[byte]string
}

// kanaTranscription is how katakana and Hangul write foreign names
// (hanTranscription how Chinese characters do).
var kanaTranscription = &transcription{forms: kanaForms}

// transcriptionOf returns how the script sc writes foreign names, nil for
// a script that spells them (otherScript: the word is not transcribed).
func transcriptionOf(sc script) *transcription {
	switch sc {
	case kana, hangul:
		return kanaTranscription
	case han:
		return hanTranscription
	}
	return nil
}

// kanaForms are the forms of a katakana or Hangul reading's skeleton
// letters (transcription).
var kanaForms = map[byte]string{
	'r': "rl",   // Japanese has one liquid
	'p': "pf",   // ブ is b or v (ラブロフ, Lavrov)
	'c': "ctsj", // チ is ti (プーチン, Putin) or chi; 초 is tso (쿠즈네초프, Kuznetsov); チョ is Korean's j (Jo, Jong)
	'j': "jtsk", // ジ is di (ウラジーミル), zh or j, zi (ジナイーダ, Zinaida), or a soft g (アサンジ, Assange)
	's': "st",   // ス, 스 is also th (スミス, 스미스, Smith)
	'h': "hfj",  // 후 hu is Japanese's fu (후미오, Fumio; 후쿠다, Fukuda); ハ, ホ are Spanish's j (ハビエル, Javier)
	'f': "fh",   // フ is also hu, which Japanese cannot write otherwise (フセイン, Hussein; ウフル, Uhuru)
	'k': "kc",   // ク, 크 are a c or ch (クリスティーヌ, 크리스틴: Christine)
}

// eq reports whether the skeleton letter k of a reading can stand for the
// Latin skeleton letter l.
func (tr *transcription) eq(k, l byte) bool {
	if k == l {
		return true
	}
	return strings.IndexByte(tr.forms[k], l) >= 0
}

// formsOf returns what the skeleton letter c of a reading can stand for,
// itself first.
func (tr *transcription) formsOf(c byte) string {
	if f := tr.forms[c]; f != "" {
		return f
	}
	return string(c)
}

// maxTranscribedKeys bounds the Latin keys a katakana word is indexed under.
const maxTranscribedKeys = 32

// transcribedKeys returns the Latin skeletons a katakana word's reading can stand
// for (its transcription's forms), its own first, at most maxTranscribedKeys: ラブロフ (raburofu,
// skeleton rprf) is indexed under lfrf, Lavrov's key, among others. A word
// read with a leading u before an r (ウラジーミル) is also indexed with
// an f before it, as Vladimir is.
func transcribedKeys(tr *transcription, t string) []string {
	sk := TokenKey(t)
	if sk == "" || sk[0] == 'v' && !strings.ContainsAny(sk[1:], "bcdfghjklmnpqrstvwxz") {
		return nil
	}
	limit := maxTranscribedKeys
	vl := len(t) > 1 && t[0] == 'u' && t[1] == 'r'
	if vl {
		limit /= 2
	}
	keys := []string{""}
	for i := 0; i < len(sk); i++ {
		forms := tr.formsOf(sk[i])
		next := make([]string, 0, min(len(keys)*len(forms), limit))
		for _, k := range keys {
			for j := 0; j < len(forms) && len(next) < limit; j++ {
				next = append(next, k+forms[j:j+1])
			}
		}
		keys = next
	}
	if vl {
		for _, k := range keys {
			keys = append(keys, "f"+k)
		}
	}
	return keys
}

// transcribedWordSim is transcribedSim of the reading k and the Latin word
// y, heard as y's language says it: an Arab's name with Arabic's vowels
// and article (transcribedArabSim), a Vietnamese one in katakana as
// Vietnamese says its letters (vietnameseKanaForm: グエン, Nguyen), with
// as many vowels as the reading (Minh, ミン, is no マイン, Manh).
func transcribedWordSim(tr *transcription, k string, y *word) (float64, int) {
	s, kind := transcribedArabSim(tr, k, y)
	if kind < kindVariant && y.vietnamese && tr == kanaTranscription {
		if f := vietnameseKanaForm(y.s); f != y.s && vowelCount(f) == vowelCount(unepenthetic(k)) {
			if vs, vk := transcribedSim(tr, k, f); vk >= kindVariant {
				return min(vs, .9), kindVariant
			}
		}
	}
	return s, kind
}

// vowelCount returns the number of vowels (a, e, i, o, u) of s.
func vowelCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) && s[i] != 'y' {
			n++
		}
	}
	return n
}

// unepenthetic returns the katakana reading k without the u or o it ends
// a final consonant with (フック fukku, ド do).
func unepenthetic(k string) string {
	if n := len(k); n > 2 && (k[n-1] == 'u' || k[n-1] == 'o') && !isVowel(k[n-2]) {
		return k[:n-1]
	}
	return k
}

// transcribedSim is the similarity of a katakana word's reading k and a Latin
// word l: their skeletons must agree letter for letter through tr's forms
// (or with one letter more or less in a long one), and the vowels of l
// must be found in k's in their order — Japanese adds vowels, it does not
// drop them — which tells Putin (u, i) from Patton (a, o), both p-t-n.
func transcribedSim(tr *transcription, k, l string) (float64, int) {
	return transcribedSimOf(tr, k, l, varyForms)
}

// simFlags tell transcribedSimOf what it may try.
type simFlags uint8

const (
	// varyForms tries the forms of the Latin word a transcription hears
	// (latinFormsHeard).
	varyForms simFlags = 1 << iota
	// lettersTaken marks a form of the Latin word with letters taken
	// away (nonRhotic, latinFormsHeard): the vowels it brings together
	// do not tell English's long ones (starmer read stame or stamer is
	// not said stayme), so englishLongVowel is not asked.
	lettersTaken
	// arabVowels asks every vowel of the Latin word to be found in the
	// reading, none left out, as Arabic's three vowels (arabVowelsMeet):
	// the Latin word is an Arab's name (transcribedArabSim).
	arabVowels
	// allVowels asks every vowel of the Latin word to be found in the
	// reading as itself, none left out: the Latin word is a spelling of
	// a line of the Arabic table (transcribedSimArab).
	allVowels
)

// transcribedSimOf is transcribedSim, which tries the forms of l
// the transcription may write (latinFormsHeard) when how has varyForms.
func transcribedSimOf(tr *transcription, k, l string, how simFlags) (float64, int) {
	vary := how&varyForms != 0
	sk, sl := TokenKey(k), TokenKey(l)
	if sk == "" || sl == "" {
		return 0, kindDifferent
	}
	readingKey := sk // sk before the adjustments below
	if (strings.HasPrefix(l, "al") || strings.HasPrefix(l, "el")) && len(sk) == len(sl)+1 && (sk[0] == 'r' || sk[0] == 'l') && sl[0] != 'l' {
		sl = "l" + sl // the key reads Alberto's al as Arabic's article: アルベルト is Alberto, 埃尔薇拉 Elvira
	}
	if k[0] == 'u' && len(k) > 1 && k[1] == 'r' && len(sl) == len(sk)+1 && (sl[0] == 'f' || sl[0] == 'p') {
		sl = sl[1:] // ウラジーミル: the v of Vladimir is the u
	}
	if transcribedGenderForms(k, l) {
		return .3, kindDifferent
	}
	if len(sk) > 1 && sk[len(sk)-1] == 'h' && sl[len(sl)-1] != 'h' && l[len(l)-1] == 'h' {
		sk = sk[:len(sk)-1] // 赫 he is the silent final h of Saleh (萨利赫)
	}
	vowels := vowelsWithin(l, k, tr.vowels, how)
	if len(sl) > 3 && sl[len(sl)-1] == 'r' && sk[len(sk)-1] != 'r' && l[len(l)-1] == 'r' && isVowel(l[len(l)-2]) {
		sl = sl[:len(sl)-1] // a final -er, -ar is a long vowel (アレクサンダー, 亚历山大: Alexander)
	}
	switch {
	case tr.skeletonsMeet(sk, sl, 0) && vowels:
		return .9, kindVariant
	case tr == kanaTranscription && strings.Contains(l, "ng"):
		// ン is n and ng alike: ジョンウン is Jong-un, ヨンチョル Yong-chol
		// (Korean names in katakana, as Japan's lists write them).
		if s, kind := transcribedSimOf(tr, k, strings.ReplaceAll(l, "ng", "n"), how); s >= .9 {
			return s, kind
		}
	}
	if nr := nonRhotic(l, false); nr != l && !strings.ContainsRune(sk, 'r') {
		// English says no r after a vowel but before one, and Chinese and
		// Japanese write what English says: 阿德恩, アーダーン, Ardern;
		// its er and ir are then an a (ザッカーバーグ, Zuckerberg). Only
		// a final r taken leaves the vowels' length to be read (Peter,
		// pete, ピーター); one before a consonant does not (Starmer,
		// stame, is no 谢钦 xie-qin).
		nrHow := how | lettersTaken
		if nr == l[:len(l)-1] {
			nrHow = how
		}
		if s, kind := transcribedSimOf(tr, k, nr, nrHow); s >= .9 {
			return s, kind
		}
		if na := nonRhotic(l, true); na != nr {
			if s, kind := transcribedSimOf(tr, k, na, how|lettersTaken); s >= .9 {
				return s, kind
			}
		}
	}
	if vary && tr == kanaTranscription && strings.Contains(k, "nm") && !strings.Contains(l, "nm") {
		// ン before マ doubles the m (ムアンマル, muanmaru: Muammar).
		if s, kind := transcribedSimOf(tr, strings.ReplaceAll(k, "nm", "m"), l, how&^varyForms); s >= .9 {
			return s, kind
		}
	}
	if vary {
		for _, f := range latinFormsHeard(k, readingKey, l) {
			// The forms take letters away, which lets the transcription's
			// loose letters meet more: their first letters must be one
			// (Donald without its l, d-n-d, is not 阿桑奇 a-san-chi), or
			// in katakana and Hangul one the reading's stands for (ジ,
			// 조 j: George's g; 부 p: Vucic's v). Chinese's looser forms
			// would let 武契奇 (Vucic) meet Sheikh.
			sf := TokenKey(f)
			if len(f) > 1 && f[1] == 'l' && (f[0] == 'a' || f[0] == 'e') {
				sf = "l" + sf // Alberto's al, not an article (above)
			}
			if sf == "" || sf[0] != sk[0] && !(tr == kanaTranscription && tr.eq(sk[0], sf[0])) && !(strings.IndexByte("rl", sf[0]) >= 0 && strings.IndexByte("rl", sk[0]) >= 0) {
				continue
			}
			if s, kind := transcribedSimOf(tr, k, f, how&^varyForms|lettersTaken); s >= .9 {
				return s, kind
			}
		}
	}
	if len(sl) >= 4 && tr.skeletonsMeet(sk, sl, 1) && vowels {
		return .8, kindTypo
	}
	return 0, kindDifferent
}

// vowelMeets reports whether the Latin vowel c can be written as the
// reading's vowel v (vowelsWithin; forms: the transcription's vowels).
// Upper-case letters are vowelsWithin's marks: on the Latin side U for ou,
// A for au, Y for a final ey, Q for a final oe, and those of eitherVowel,
// which stand for one of two vowels; on the reading's, * for
// Hangul's ㅓ and ㅡ, O for a ё after a consonant, X for a kana or Hangul
// ei, E for pinyin's ie, ue, ei.
func vowelMeets(c, v byte, forms map[byte]string) bool {
	switch {
	case v == c || v == '*' || strings.IndexByte(forms[c], v) >= 0:
		return true
	case c == 'U':
		return vowelOf(v, "ou", forms)
	case c == 'A':
		return vowelOf(v, "aou", forms)
	case c == 'Y':
		return vowelOf(v, "ei", forms)
	case c == 'Q':
		return vowelOf(v, "oe", forms)
	case c == 'W':
		return vowelOf(v, "ou", forms)
	case eitherVowel[c] != "":
		e := eitherVowel[c]
		return vowelMeets(e[0], v, forms) || vowelMeets(e[1], v, forms)
	case v == 'O':
		return c == 'o' || c == 'e'
	case v == 'X':
		return c == 'e' || c == 'a'
	}
	return false
}

// englishShortU reports whether the u at l[i] is English's short u, said
// as in "but": after a consonant and before two (Musk, Justin) or a
// doubled one (Buffett, Russell), which Japanese and Chinese write a.
func englishShortU(l string, i int) bool {
	if i == 0 || i+2 >= len(l) || isVowel(l[i-1]) || l[i-1] == 'q' || l[i-1] == 'y' {
		return false
	}
	a, b := l[i+1], l[i+2]
	return !isVowel(a) && !isVowel(b) && a != 'y' && b != 'y' && a != 'r' && a != 'h' && b != 'h' && !(a == 'n' && b == 'g')
}

// eitherVowel are vowelsWithin's marks for a Latin vowel the reading may
// write as either of two: V English's short u (Buffett, バフェット), Z its
// a after an initial w (Warren, ウォーレン), G, H, J its long a, e, i
// (englishLongVowel), also G and J its e and i before an r and a
// consonant or in a final er (Robert, ロバート), and H a Latin ei (Neil,
// ニール).
var eitherVowel = map[byte]string{'V': "ua", 'Z': "ao", 'G': "ae", 'H': "ei", 'J': "ia"}

// vowelOf reports whether the reading's vowel v can write one of the
// Latin vowels of ls (forms: the transcription's vowels).
func vowelOf(v byte, ls string, forms map[byte]string) bool {
	for i := 0; i < len(ls); i++ {
		if v == ls[i] || strings.IndexByte(forms[ls[i]], v) >= 0 {
			return true
		}
	}
	return false
}

// nonRhotic returns l without each r between a vowel and a consonant or
// the word's end (Ardern, adeen), l itself when it has none; heardA also
// writes an e or i before such an r, not the word's first letter, as an
// a (Zuckerberg, zuckabag; ザッカーバーグ).
func nonRhotic(l string, heardA bool) string {
	var b []byte
	for i := 1; i < len(l); i++ {
		if l[i] == 'r' && isVowel(l[i-1]) && (i+1 == len(l) || !isVowel(l[i+1]) && l[i+1] != 'y') {
			if b == nil {
				b = append(make([]byte, 0, len(l)), l[:i]...)
			}
			if heardA && i > 1 && (l[i-1] == 'e' || l[i-1] == 'i') {
				b[len(b)-1] = 'a'
			}
			continue
		}
		if b != nil {
			b = append(b, l[i])
		}
	}
	if b == nil {
		return l
	}
	return string(b)
}

// transcriptionsMeet reports whether two readings of transcriptions (of
// katakana and Hangul, say) can stand for one Latin name: their skeletons
// have the same length and each two letters share a Latin letter they can
// stand for (ta's and tb's forms). All add vowels, so vowels are not asked.
func transcriptionsMeet(ta *transcription, a string, tb *transcription, b string) bool {
	sa, sb := TokenKey(a), TokenKey(b)
	if len(sa) < 2 || len(sb) < 2 || sa[0] == 'v' || sb[0] == 'v' {
		return false
	}
	switch {
	case len(sb) == len(sa)+1 && strings.HasPrefix(a, "ur") && (sb[0] == 'f' || sb[0] == 'p'):
		sb = sb[1:] // ウラジーミル: the u is the v of 블라디미르 and 弗拉基米尔
	case len(sa) == len(sb)+1 && strings.HasPrefix(b, "ur") && (sa[0] == 'f' || sa[0] == 'p'):
		sa = sa[1:]
	}
	if len(sa) != len(sb) {
		return false
	}
	for i := 0; i < len(sa); i++ {
		if !strings.ContainsAny(ta.formsOf(sa[i]), tb.formsOf(sb[i])) {
			return false
		}
	}
	return true
}

// transcribedGenderForms reports whether the katakana reading k and the Latin l
// are the man's and the woman's form of a Slavic surname: ヴォルコフ
// (vorukofu) is Volkov, ヴォルコワ (vorukowa) Volkova, クズミン (kuzumin)
// Kuzmin and クズミナ Kuzmina; in Hangul 볼코프 (polkopeu) is Volkov and
// 볼코바 (polkopa) Volkova.
func transcribedGenderForms(k, l string) bool {
	if strings.HasSuffix(l, "a") {
		return strings.HasSuffix(k, "fu") || strings.HasSuffix(k, "pu") || strings.HasSuffix(k, "peu") || strings.HasSuffix(k, "n")
	}
	for _, m := range []string{"ov", "ev", "in", "yn", "iy", "ii", "yi", "oy", "sky", "ski"} {
		if strings.HasSuffix(l, m) {
			return strings.HasSuffix(k, "wa") || strings.HasSuffix(k, "pa") || strings.HasSuffix(k, "na") || strings.HasSuffix(k, "ya")
		}
	}
	return false
}

// skeletonsMeet reports whether the skeleton k of a reading and the Latin
// skeleton l are equal through eq after at most edits insertions,
// deletions or substitutions.
func (tr *transcription) skeletonsMeet(k, l string, edits int) bool {
	if abs(len(k)-len(l)) > edits || len(k) > 32 || len(l) > 32 {
		return false
	}
	var prev, cur [33]int
	for j := 0; j <= len(l); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(k); i++ {
		cur[0] = i
		for j := 1; j <= len(l); j++ {
			c := prev[j-1]
			if !tr.eq(k[i-1], l[j-1]) {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(l)] <= edits
}

// vowelsWithin reports whether the vowels of the Latin word l appear in
// the reading k in their order (a y after a consonant counts as i; the
// eo of a Hangul reading, ㅓ, is Korean's vowel for an English a, e, o or
// u: 도널드, Donald). One
// vowel of a word of three or more may be missing: a Russian ё is written
// o (ゴルバチョフ, Gorbachev), an English -er a long a (アレクサンダー,
// Alexander). A Latin vowel is also found as any of its forms (the
// transcription's vowels: 戈尔巴乔夫, ge-er-ba-qiao-fu, is Gorbachev).
// With long, English's long vowels are read too (englishLongVowel); a
// form of the word with letters taken away (how has lettersTaken) is read
// without them. With arabVowels, no vowel may be missing, each is met as
// Arabic's three (arabVowelsMeet), and English's ways with vowels are not
// read (Maher's er is no English -er); with allVowels, no vowel may be
// missing either.
func vowelsWithin(l, k string, forms map[byte]string, how simFlags) bool {
	long, arab := how&lettersTaken == 0, how&arabVowels != 0
	var lv, kv []byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c == 'y' && i > 0 && !isVowel(l[i-1]) && (i+1 == len(l) || !isVowel(l[i+1])) {
			c = 'i'
		}
		if c == 'o' && i+2 < len(l) && l[i+1] == 'u' && isVowel(l[i+2]) {
			i++ // French ou before a vowel is a w (Ouattara, 瓦塔拉 wa-ta-la)
			continue
		}
		switch rest := l[i:]; {
		case strings.HasPrefix(rest, "oo"):
			lv = append(lv, 'W') // oo is an o, or English's and Korean's u (Moon, ムン mun)
			i++
			continue
		case len(rest) > 1 && rest[1] == c && c != 'y':
			continue // a vowel written twice is one (Kiir, キール kiru)
		case rest == "ey":
			lv = append(lv, 'Y') // English final ey is an i (Jeffrey, ジェフリー jefuri)
			i++
			continue
		case strings.HasPrefix(rest, "ei") && (len(rest) == 2 || !isVowel(rest[2])):
			lv = append(lv, 'H') // ei is an e or an i (Neil, ニール niru; Keith, キース kisu), German's ai (Stein, シュタイン)
			i++
			continue
		case strings.HasPrefix(rest, "au"):
			lv = append(lv, 'A') // au is an o or an a and a u (Paul, ポール poru, 保罗 bao-luo)
			i++
			continue
		case !arab && c == 'a' && i == 1 && l[0] == 'w' && !strings.HasPrefix(rest, "ay") && !strings.HasPrefix(rest, "ai"):
			lv = append(lv, 'Z') // English's initial wa is a wo (Warren, ウォーレン woren, 沃伦 wo-lun)
			continue
		case !arab && c == 'u' && englishShortU(l, i):
			lv = append(lv, 'V') // English's u before two consonants is an a or a u (Buffett, バフェット bafetto; Justin, 贾斯廷 jia-si-ting)
			continue
		case !arab && (c == 'e' || c == 'i') && i > 0 && len(rest) > 2 && rest[1] == 'r' && !isVowel(rest[2]) && rest[2] != 'y' && rest[2] != 'r',
			!arab && c == 'e' && i > 1 && rest == "er":
			// English's er, ir before a consonant or a final er is an a
			// too (Robert, ロバート robaato; Pervez, パルヴェーズ paruveezu;
			// Peter, ピーター pita): e or a is G, i or a J.
			if c == 'e' {
				lv = append(lv, 'G')
			} else {
				lv = append(lv, 'J')
			}
			continue
		case long && !arab && i > 0 && englishLongVowel(rest) != 0:
			lv = append(lv, englishLongVowel(rest)) // English's a said ei, e said i, i said ai (James, ジェームズ jemuzu; Steve, スティーブ sutibu; Mike, マイク maiku)
			continue
		case strings.HasPrefix(rest, "eau"):
			lv = append(lv, 'o') // French eau is an o (Trudeau, 特鲁多 te-lu-duo)
			i += 2
			continue
		case rest == "oe":
			lv = append(lv, 'Q') // a final oe is an o or an e (Joe, 乔 qiao; Choe, チェ che)
			i++
			continue
		case strings.HasPrefix(rest, "ou"):
			lv = append(lv, 'U') // French ou is a u, English ou an o or u (Tebboune, 特本 te-ben)
			i++
			continue
		}
		if c != 'y' && isVowel(c) {
			lv = append(lv, c)
		}
	}
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case forms == nil && c == 'e' && i+1 < len(k) && (k[i+1] == 'o' || k[i+1] == 'u'):
			kv = append(kv, '*') // Hangul ㅓ: any of a, e, o, u; ㅡ, no vowel or any
			i++
		case forms == nil && c == 'o' && i > 1 && k[i-1] == 'y' && !isVowel(k[i-2]):
			kv = append(kv, 'O') // ピョ, 표 after a consonant: Russian's ё, an o or an e (Pyotr, Petr)
		case forms == nil && c == 'e' && i+1 < len(k) && k[i+1] == 'i':
			kv = append(kv, 'X') // ゲイ, 게이: an e or English's a said ei (Gates, Jacob)
		case forms != nil && c == 'e' && (i > 0 && strings.IndexByte("iuy", k[i-1]) >= 0 || i+1 < len(k) && k[i+1] == 'i'):
			kv = append(kv, 'E') // pinyin ie, ue, ei: an e, where e alone is any vowel (hanVowels)
		case c != 'y' && isVowel(c):
			kv = append(kv, c)
		}
	}
	if len(lv) > 32 || len(kv) > 32 {
		return false
	}
	// The most of l's vowels found in k in their order (a longest common
	// subsequence): taking each at its first place could spend a vowel of
	// k a later one needs (Jacinda's first a, 杰辛达 jie-xin-da, is not
	// written; its i and a are).
	if arab {
		return vowelsFound(lv, kv, forms, arabVowelsMeet) == len(lv)
	}
	if how&allVowels != 0 {
		return vowelsFound(lv, kv, forms, vowelMeets) == len(lv)
	}
	missing := len(lv) - vowelsFound(lv, kv, forms, vowelMeets)
	if missing == 1 && len(lv) == 2 && (silentFinalE(l) || strings.HasSuffix(l, "es") && silentFinalE(l[:len(l)-1])) {
		return vowelsFound(lv[:1], kv, forms, vowelMeets) == 1 // English's final e is not said (Gates, ゲイツ; Rose, ローズ; James, ジェームズ)
	}
	return missing == 0 || missing == 1 && len(lv) >= 3
}

// vowelsFound returns the most of the Latin vowels lv (vowelsWithin's)
// found in the reading's kv in their order, a longest common subsequence.
func vowelsFound(lv, kv []byte, forms map[byte]string, meets func(c, v byte, forms map[byte]string) bool) int {
	var prev, cur [33]int
	for i := 1; i <= len(lv); i++ {
		c := lv[i-1]
		for j := 1; j <= len(kv); j++ {
			if meets(c, kv[j-1], forms) {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev = cur
	}
	return prev[len(kv)]
}

// englishLongVowel returns vowelsWithin's mark for the vowel that begins
// rest when English says it long, as Japanese writes it: an a before a
// consonant and an e or i, or before a y, said ei and written e (G:
// James, ジェームズ; David, デービッド; Taylor, テーラー); an e before a
// consonant and a vowel, said i (H: Peter, ピーター; Steve, スティーブ); an
// i before a consonant and a final e, said ai (J: Mike, マイク). Zero for
// any other; an r after the vowel makes none (Clare, Marie).
func englishLongVowel(rest string) byte {
	if len(rest) < 2 {
		return 0
	}
	if rest[0] == 'a' && rest[1] == 'y' {
		return 'G'
	}
	if len(rest) < 3 || isVowel(rest[1]) || strings.IndexByte("rywh", rest[1]) >= 0 {
		return 0
	}
	switch v := rest[2]; {
	case rest[0] == 'a' && (v == 'e' || v == 'i'):
		return 'G'
	case rest[0] == 'e' && isVowel(v):
		return 'H'
	case rest[0] == 'i' && v == 'e' && len(rest) == 3:
		return 'J'
	}
	return 0
}

// silentFinalE reports whether the Latin word l ends in an e after a
// consonant, with a vowel before them, as English's unsaid final e does
// (Gates, Blake, Pence, Wayne; not Kyle, whose y is the vowel).
func silentFinalE(l string) bool {
	n := len(l)
	return n >= 4 && l[n-1] == 'e' && !isVowel(l[n-2]) && l[n-2] != 'y' && strings.ContainsAny(l[:n-2], "aeiou")
}

// markTranscribed gives the words of ws read from a katakana word of s,
// from a Hangul word of a foreign name (hangulForeign) or from a Chinese
// word of one (hanForeign) the transcription they were read through;
// readAsKorean says latinize read s as a Korean name, whose katakana words
// are Korean syllables (kanakorean.go), not transcriptions.
func markTranscribed(s string, ws []word, readAsKorean bool) {
	if len(ws) == 0 {
		return
	}
	readings := map[string]script{}
	hangulName, hanName := hangulForeign(s), hanForeign(s)
	var prev string // the word before, when transcribed
	var prevScript script
	for _, w := range strings.FieldsFunc(norm.NFKC.String(s), func(r rune) bool { return !isWordRune(r) }) {
		var reading string
		sc := scriptOf(w)
		switch {
		case sc == kana && !readAsKorean:
			reading = kanaWord(w)
		case sc == hangul && hangulName:
			reading = hangulForeignWord(w)
		case sc == han && hanName:
			reading = hanForeignWord(w)
		default:
			prev = ""
			continue
		}
		readings[reading] = sc
		if tok, core, _, ok := dinCompound([]string{reading}, 0); ok {
			readings[tok], readings[core] = sc, sc // ジャラルディン jararudin, read as the compound jarardin, its core jarar (dinCompound)
		}
		if prev != "" && prevScript == sc {
			// A particle joined to the word after it (ビン・ラーディン,
			// read binradin as Bin Laden's binladen is) is transcribed too.
			readings[prev+reading] = sc
			if p, ok := transcribedParticles[prev]; ok {
				readings[p+reading] = sc // アル・アウラキ, read al as the Latin article (readTranscribedParticles)
				if strings.HasPrefix(p, "abd") {
					readings["abd"+reading] = sc // 압델 파타, abdel joined to the name as abd (foldParticles)
				}
			}
		}
		prev, prevScript = reading, sc
	}
	for i := range ws {
		ws[i].transcribed = readings[ws[i].s]
	}
}

// hasTranscription reports whether s holds a kana letter, a Hangul
// syllable or a Chinese character: the scripts markTranscribed looks at.
func hasTranscription(s string) bool {
	if !hasByteFrom(s, 0xE3) {
		return false // the common case: no letter from U+3000 on, where kana, Hangul and Chinese are
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isKana(r) && r != kanaLong || isHangulSyllable(r) || unicode.Is(unicode.Han, r) {
			return true
		}
		i += n
	}
	return false
}

// holdsRune reports whether s holds a rune for which in is true; from is
// the lowest first byte of such a rune in UTF-8, so that text with none
// (most names, in Latin letters) is passed over without decoding.
func holdsRune(s string, from byte, in func(rune) bool) bool {
	if !hasByteFrom(s, from) {
		return false
	}
	for _, r := range s {
		if in(r) {
			return true
		}
	}
	return false
}

// hasByteFrom reports whether s holds a byte of value b or more.
func hasByteFrom(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= b {
			return true
		}
	}
	return false
}
