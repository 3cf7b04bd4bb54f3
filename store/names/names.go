// Package names turns a person's name, as heard on a phone call or read off
// a foreign document, into comparable Latin tokens, retrieval keys and a
// similarity score.
//
// A name goes through: Unicode normalisation (NFKC), transliteration of
// Arabic (a word dictionary first, then letters), Hebrew (letters), katakana
// and foreign names in Hangul (kana.go; compared as transcriptions), and
// every other script through go-unidecode (Cyrillic, Greek, CJK, …), removal of
// diacritics, case folding, splitting on anything that is not a letter or a
// digit, and folding of particles: standalone particles (al, el, bin, ibn,
// abu, van, von, de, da, ould, …) are dropped from the tokens, glued Arabic
// articles are kept in the token but ignored by keys and the scorer, and
// "Abd al-X" / "Abdul X" / "Abdelx" become the one token "abdx".
//
// Word order does not matter: "SURNAME, Given" and "Given Surname" give the
// same tokens. Initials, nicknames (Bob/Robert) and spelling variants are
// handled by Keys and Similarity.
//
// The phonetic skeleton used for keys is written here rather than taken from
// a library: Soundex, Metaphone and NYSIIS are tuned for English surnames
// and split the Latin spellings of transliterated Arabic, Slavic and Greek
// names (Mohammed/Muhammad/Mehmet, Tchaikovsky/Chaykovskiy) that an officer
// meets every day; the skeleton folds exactly those alternations.
package names

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// Limits on the work Parse does, so that a hostile 10 KB "name" costs no
// more than a long real one.
const (
	// MaxInput is the number of bytes of input Parse reads; the rest is
	// ignored.
	MaxInput = 512
	// MaxTokens is the number of tokens a Name keeps.
	MaxTokens = 10
)

// Name is a parsed person name.
type Name struct {
	// Original is the input as given (truncated to MaxInput bytes).
	Original string
	// Tokens are the normalised Latin tokens in input order, particles
	// glued to the word they introduce (benali, albaghdadi, vanderberg).
	// Empty when the input holds no letter or digit.
	Tokens []string
	// Cores are the tokens without their glued particles (ali, baghdadi,
	// berg), index for index; nil when built by hand (then Tokens count).
	Cores []string
	// words and coreWords are the tokens and cores prepared for
	// comparison (Parse fills them, coreWords only when a core differs
	// from its token; hand-built names prepare them on use).
	words, coreWords []word
	// Generation is a trailing generational suffix (jr, sr, i, ii, iii,
	// iv), taken out of the tokens: John Smith Jr and John Smith Sr are two
	// people.
	Generation string
	// hyphens are the name's two words joined by a hyphen, latinised
	// (hyphenPairs), which compoundReversed compares; nil for most names.
	hyphens [][2]string
	// comma is the number of tokens written before a comma (AL-ASSAD,
	// Bashar Hafez: 1), which are said last (order); 0 for a name with
	// no comma, or more than one.
	comma int
}

// order writes into out the indices of n's first len(out) tokens in the
// order the name is said: the words after its comma first (AL-ASSAD,
// Bashar Hafez is Bashar Hafez al-Assad). Only a name of that many tokens
// is read so; a name cut to fewer keeps its written order.
func (n Name) order(out []int) {
	m, k := len(out), n.comma
	if k >= m || m != len(n.Tokens) {
		k = 0
	}
	for p := range out {
		out[p] = (p + k) % m
	}
}

func (n Name) key(i int) string {
	if i < len(n.words) {
		return n.words[i].key
	}
	return TokenKey(n.Tokens[i])
}

func (n Name) word(i int) *word {
	if i < len(n.words) {
		return &n.words[i]
	}
	w := newWord(n.Tokens[i])
	return &w
}

func (n Name) coreWord(i int) *word {
	if i < len(n.coreWords) {
		return &n.coreWords[i]
	}
	if c := n.core(i); c != n.Tokens[i] && n.words == nil {
		w := newWord(c)
		return &w
	}
	return n.word(i)
}

func (n Name) core(i int) string {
	if i < len(n.Cores) {
		return n.Cores[i]
	}
	return n.Tokens[i]
}

// Empty reports whether the name has no token.
func (n Name) Empty() bool { return len(n.Tokens) == 0 }

// Latin reports whether the name was written in Latin letters only (a
// name with no letter at all is Latin too).
func (n Name) Latin() bool {
	for _, r := range n.Original {
		if r >= 0x250 && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// String returns the tokens joined by spaces.
func (n Name) String() string { return strings.Join(n.Tokens, " ") }

// particles introduce a name and are glued to it; the scorer and the keys
// also look at the name without them: "Abu Bakr al-Baghdadi",
// "Baghdadi, Abu Bakr" and "Abubakr Elbaghdadi" are the same name.
var particles = map[string]bool{
	// ul is not among them: Zia ul Haq is written Ziaul Haq, with the ul
	// on the word before (as ur in Zia ur Rahman, Ziaur); only after Abd is
	// it the article of the next (Abd ul Rahman, Abdul Rahman: see abdBase).
	"al": true, "el": true, "ad": true, "ed": true, "as": true,
	"es": true, "ash": true, "at": true, "ar": true, "an": true, "az": true,
	"bin": true, "ben": true, "ibn": true, "bint": true, "ibni": true, "binti": true,
	"abu": true, "abou": true, "abo": true, "bou": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "zu": true,
	"de": true, "da": true, "di": true, "do": true, "du": true, "dos": true,
	"das": true, "del": true, "della": true, "dei": true, "la": true, "le": true,
	"ould": true, "ag": true, "y": true, "mc": true, "st": true,
}

// romanceParticles are the particles of Italian, Spanish and Portuguese
// family names that are part of the name (De Stefano and Di Stefano are
// two families: romanceParticlesApart).
var romanceParticles = map[string]bool{
	"de": true, "da": true, "di": true, "do": true, "du": true, "dos": true,
	"das": true, "del": true, "della": true, "dei": true,
}

// otherEuropeanParticles are the other particles of European names.
var otherEuropeanParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "ter": true, "zu": true,
	"la": true, "le": true, "y": true, "mc": true, "st": true,
}

// europeanParticle reports whether t is a particle of European names (see
// foldParticles).
func europeanParticle(t string) bool { return romanceParticles[t] || otherEuropeanParticles[t] }

// honorifics are titles that are not part of a person's name.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true,
	"sir": true, "madam": true, "sheikh": true, "shaykh": true, "haji": true, "xaaji": true, "xaji": true,
	"hajji": true, "mullah": true, "maulavi": true, "mawlawi": true, "maulvi": true, "mawlavi": true,
	"moulvi": true, "maulana": true, "mawlana": true, "ayatollah": true,
	// A reciter of the Quran and a jurist, as Taliban and Pakistani
	// listings write them before the name (Qari Din Mohammad Hanif).
	"qari": true, "mufti": true, "mfti": true,
	// The style of a member of parliament, a minister or a judge in the
	// Commonwealth's lists (Hon. Mohamed Yusuf Haji): "Hon." only with
	// its full stop (Hon is also a Cantonese name).
	"honourable": true, "honorable": true, "honble": true, "rt": true,
	// And the styles and ranks national PEP lists write before or after
	// the name (His Excellency, Senator, Engr., Maj. Gen. ... (Rtd)).
	// Gen. and Col. only with their stops (Gen is a Japanese name).
	"his": true, "excellency": true, "senator": true, "engr": true, "maj": true,
	"capt": true, "lt": true, "brig": true, "rtd": true, "retd": true,
	// Ranks sanctions lists write into the name (General Ivanov).
	"general": true, "colonel": true, "lieutenant": true, "brigadier": true, "admiral": true,
	// The same titles read from Arabic and Persian letters (ملا mla, مولوی
	// mulvi, آیت‌الله aitallh, حجت‌الاسلام hjtalaslam, دکتر dktr).
	"haj": true, "hajj": true, "mla": true, "mulla": true, "mulvi": true, "aitallh": true, "ayatullah": true,
	"hjtalaslam": true, "hojatoleslam": true, "hojjatoleslam": true, "dktur": true, "duktur": true, "dktr": true,
	// Burmese names have no surname and take an honorific some records
	// keep: Daw for a woman (Daw Thandar Aye; ဒေါ် reads daw).
	"daw": true,
	// South Asia's brother, after a man's given name, as a telecom or a
	// remitter registers him (Shahid Bhai, Bilal Bhai); Gujarati glues it
	// to the name (Nikhilbhai, Vallabhbhai: foldParticles).
	"bhai": true, "bhaijan": true, "bhaijaan": true,
}

// TitleOnly reports whether s is a title and no name: Amir al-Mu'minin,
// the Commander of the Faithful, by which the Taliban's leaders one after
// the other and a self-styled caliph have been listed, in any spelling and
// in Arabic letters (أمير المؤمنين). Two people so called are not one.
func TitleOnly(s string) bool {
	// Parse only what may be it: every record's every name is asked.
	if !strings.Contains(s, "min") && !strings.Contains(s, "MIN") && !strings.Contains(s, "meen") &&
		!strings.Contains(s, "MEEN") && !strings.Contains(s, "مؤمن") && !strings.Contains(s, "مومن") {
		return false
	}
	return commanderOfTheFaithful.MatchString(strings.Join(Parse(s).Tokens, ""))
}

var commanderOfTheFaithful = regexp.MustCompile(`^(amir|ameer|emir)(al|ul|el)?m[ou]u?m(i|ee|e)?n(i|ee|e)?n$`)

// arabicTitles are the titles and ranks an Arabic name begins with behind
// the article (الحاج al-haj, الشيخ, الدكتور al-dktur, الملا, اللواء
// al-lwa, a major general; العميد al-amid, a brigadier; العقيد al-aqid, a
// colonel; الفريق al-fariq):
// the article is the title's, and both go, as honorifics do. Only in
// Arabic letters: in Latin ones, AL-HAJJ, Ali may be the family name.
var arabicTitles = map[string]bool{
	"haj": true, "hajj": true, "haji": true, "hajji": true, "sheikh": true, "shaykh": true, "shaikh": true,
	"dktur": true, "duktur": true, "mla": true, "mulla": true, "mullah": true, "lwa": true, "liwa": true,
	"aqid": true, "amid": true, "fariq": true, "muqaddam": true, "ustadh": true, "ustaz": true,
}

// abbreviations are the written short forms of given names that clerks
// use (Mhd, Mohd for Muhammad in Syrian and Malaysian records; Wm, Chas,
// Thos, Jas in English ones). Unlike nicknames they are the name itself.
var abbreviations = map[string]string{
	"mhd": "muhammad", "mohd": "muhammad", "muhd": "muhammad",
	"wm": "william", "chas": "charles", "thos": "thomas", "jas": "james", "jno": "john", "geo": "george",
	// Nepali Bdr. for Bahadur (Ram Bdr. Thapa), Burmese Mg for Maung,
	// Haitian Jn for Jean (Jn Robert).
	"bdr": "bahadur", "mg": "maung", "jn": "jean",
}

// dottedAbbreviations are short forms that are also names or words of
// their own, read as the name only when written with their full stop: Ma.
// Theresa is Maria Theresa in a Philippine record, Ma Ying-jeou is a Ma;
// Moh. Ridwan is Muhammad Ridwan in an Indonesian one.
var dottedAbbreviations = map[string]string{"ma": "maria", "moh": "muhammad", "muh": "muhammad"}

// dottedStyles are styles and ranks that are also names, read as the
// style only when written with their full stop: Hon. Mohamed Yusuf Haji,
// Gen. Bajwa (Hon is a Cantonese name, Gen a Japanese one).
var dottedStyles = map[string]string{"hon": "honourable", "gen": "general", "col": "colonel"}

// dotted reports whether s writes the word w (lower-case ASCII) with a
// full stop after it, at the start of a word.
func dotted(s, w string) bool {
	for i := 0; i+len(w) < len(s); i++ {
		if (i == 0 || !isASCIILetterByte(s[i-1])) && s[i+len(w)] == '.' && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// latinDigraphs are the pairs of Latin letters that write one sound of
// another script (Х kh, Ц ts, Ш sh, Ч ch, Ж zh, غ gh).
var latinDigraphs = map[string]bool{"kh": true, "ts": true, "sh": true, "ch": true, "zh": true, "gh": true}

// capitalInitials spells out a word of raw that s writes as two or three
// capital consonants in a name that is not all capitals (MK Stalin, KP
// Oli, YS Jaganmohan Reddy): initials written without their stops, as
// Indian and Nepali names often are. Ng, a surname, stays; so do the
// abbreviations (Md, Mhd), MD after a name and the titles (DR).
func capitalInitials(s string, raw []string) []string {
	if len(raw) < 2 || !strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
		return raw
	}
	var out []string
	for i, t := range raw {
		_, abbreviation := abbreviations[t]
		if len(t) < 2 || len(t) > 3 || t == "ng" || t == "md" || abbreviation || honorifics[t] || strings.ContainsAny(t, "aeiou0123456789") || !capitalWord(s, t) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(raw)+2), raw[:i]...)
		}
		for j := range len(t) {
			out = append(out, t[j:j+1])
		}
	}
	if out == nil {
		return raw
	}
	return out
}

// capitalWord reports whether s holds the lower-case ASCII word w in
// capitals, as a word of its own.
func capitalWord(s, w string) bool {
	u := strings.ToUpper(w)
	for i := 0; ; {
		j := strings.Index(s[i:], u)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || !isASCIILetterByte(s[j-1])) && (j+len(u) == len(s) || !isASCIILetterByte(s[j+len(u)])) {
			return true
		}
		i = j + 1
	}
}

// letterNames are the English names of letters as Indian scripts spell
// them, read by their readings (వై vai, Y; ఎస్ es, S; కె ke, K).
var letterNames = map[string]string{
	"bi": "b", "si": "c", "di": "d", "ef": "f", "eph": "f", "ech": "h", "hech": "h", "je": "j", "jay": "j", "ke": "k",
	"kay": "k", "el": "l", "em": "m", "en": "n", "pi": "p", "kyu": "q", "ar": "r", "aar": "r", "es": "s", "ti": "t",
	"vi": "v", "dablyu": "w", "eks": "x", "vai": "y", "vay": "y", "wai": "y", "jed": "z", "zed": "z",
}

// abbreviatedInitial is the initial an abbreviated word stands for: the
// letter whose English name its reading spells, else its first letter.
func abbreviatedInitial(reading string) string {
	reading = strings.ToLower(strings.TrimSpace(reading))
	if l, ok := letterNames[reading]; ok {
		return l
	}
	for i := 0; i < len(reading); i++ {
		if c := reading[i]; c >= 'a' && c <= 'z' {
			return string(c)
		}
	}
	return reading
}

// generations distinguish a father from a son of the same name.
var generations = map[string]string{
	"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "i": "i", "ii": "ii", "iii": "iii", "iv": "iv",
	// Portuguese Filho, the son of a father of the same name.
	"filho": "jr",
}

// Parse normalises s into a Name. It never fails: input with no letters
// gives an empty Name. Work is bounded by MaxInput and MaxTokens.
func Parse(s string) Name {
	if len(s) > MaxInput {
		s = truncate(s, MaxInput)
	}
	n := Name{Original: s}
	latin, readKorean := latinize(s)
	n.hyphens = hyphenPairs(latin)
	raw := readTranscribedParticles(s, split(latin))
	// A generational suffix: last, or anywhere after the first word when it
	// cannot be an initial (Senzing writes "Morris II" as the first name).
	for i := len(raw) - 1; i >= 1; i-- {
		// A lone i is an initial here (Ivanov I. I.); generationOf reads
		// it as the First beside a name that says II.
		if g, ok := generations[raw[i]]; ok && raw[i] != "i" && (i == len(raw)-1 || len(raw[i]) > 1) {
			n.Generation = g
			raw = append(raw[:i:i], raw[i+1:]...)
			break
		}
	}
	for i, t := range raw {
		if full, ok := abbreviations[t]; ok {
			raw[i] = full
		} else if full, ok := dottedAbbreviations[t]; ok && i+1 < len(raw) && dotted(s, t) {
			raw[i] = full
		} else if (t == "st" || t == "ste") && i+1 < len(raw) {
			// St. Fleur, St-Fleur: Saint, which Saintfleur joins.
			raw[i] = "saint"
			if t == "ste" {
				raw[i] = "sainte"
			}
		} else if i+1 < len(raw) && latinDigraphs[t] && dotted(s, t) {
			// Kh. Battulga, Ts. Elbegdorj: a Mongolian father's name cut to
			// its first sound, which Latin letters write with two.
			raw[i] = t[:1]
		} else if full, ok := dottedStyles[t]; ok && i+1 < len(raw) && dotted(s, t) {
			raw[i] = full
		} else if t == "md" && i+1 < len(raw) {
			// Md. before a name is Muhammad in Bangladesh and Malaysia (Md.
			// Jahangir Alam); after it, a doctor's title.
			raw[i] = "muhammad"
		}
	}
	raw = capitalInitials(s, raw)
	raw = turkicFiliation(raw)
	if vietnameseName(raw) {
		n.Tokens, n.Cores = slices.Clone(raw), slices.Clone(raw) // Le Van Tuan: no particles (vietnamese.go)
	} else {
		n.Tokens, n.Cores = foldParticles(raw, holdsRune(s, 0xD8, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }), hebrewName(s))
	}
	if len(n.Tokens) > MaxTokens {
		n.Tokens, n.Cores = n.Tokens[:MaxTokens], n.Cores[:MaxTokens]
	}
	n.words = make([]word, len(n.Tokens))
	for i, t := range n.Tokens {
		n.words[i] = newWord(t)
		if n.Cores[i] != t {
			if n.coreWords == nil {
				n.coreWords = make([]word, len(n.Tokens))
				copy(n.coreWords, n.words[:i])
			}
			n.coreWords[i] = newWord(n.Cores[i])
		} else if n.coreWords != nil {
			n.coreWords[i] = n.words[i]
		}
	}
	markKorean(n.words)
	markKorean(n.coreWords)
	if !hanText(s) {
		markWadeGiles(n.words)
		markWadeGiles(n.coreWords)
	}
	markSomali(n.words)
	markSomali(n.coreWords)
	markArmenian(n.words)
	markArmenian(n.coreWords)
	if uzbekLetters(s) || uzbekX(n.words) {
		markUzbek(n.words)
		markUzbek(n.coreWords)
	}
	markPinyin(n.words)
	markPinyin(n.coreWords)
	markVietnamese(n.words)
	markVietnamese(n.coreWords)
	// The scripts whose readings are compared in their own way: every word
	// of a name written in them says so.
	bengali, georgian, arabic := bengaliText(s), georgianText(s), arabicName(s)
	for _, sc := range []struct {
		in  bool
		set func(*word)
	}{
		{hebrewName(s), func(w *word) { w.hebrew = true }},
		{arabic, func(w *word) { w.arabic = true }},
		{arabic && uyghurName(s), func(w *word) { w.uyghur = true }},
		{!arabic && arabLatinName(&n), func(w *word) { w.arabLatin = true }},
		{bengali, func(w *word) { w.bengali = true }},
		{bengali || oriyaText(s) || writtenIn(s, 0xE0, unicode.Devanagari), func(w *word) { w.bv = true }},
		{tamilText(s), func(w *word) { w.tamil = true }},
		{georgian, func(w *word) { w.georgian = true }},
		{readKorean, func(w *word) { w.cyrKorean = true }},
		{writtenIn(s, 0xD0, unicode.Cyrillic), func(w *word) { w.cyrillic = true }},
		{writtenIn(s, 0xCD, unicode.Greek), func(w *word) { w.greek = true }},
		{writtenIn(s, 0xE0, unicode.Devanagari) || writtenIn(s, 0xE0, unicode.Gurmukhi) || writtenIn(s, 0xE0, unicode.Gujarati), func(w *word) { w.schwa = true }},
		{caronText(s), func(w *word) { w.caron = true }},
		{georgian || slices.ContainsFunc(n.Tokens, georgianFamily), func(w *word) { w.kartvelian = true }},
	} {
		if !sc.in {
			continue
		}
		for i := range n.words {
			sc.set(&n.words[i])
		}
		for i := range n.coreWords {
			sc.set(&n.coreWords[i])
		}
	}
	if hasTranscription(s) {
		markTranscribed(s, n.words, readKorean)
		markTranscribed(s, n.coreWords, readKorean)
	} else if pinyinTranscription(n.words) {
		// A foreign name as Chinese writes it, in pinyin (Aierken
		// Tuniyazi, 艾尔肯·吐尼亚孜, for Erkin Tuniyaz): read as the
		// characters would be.
		for i := range n.words {
			n.words[i].transcribed = han
		}
		for i := range n.coreWords {
			n.coreWords[i].transcribed = han
		}
	}
	seal(n.words)
	seal(n.coreWords)
	if i := strings.IndexByte(s, ','); i > 0 && strings.Count(s, ",") == 1 {
		// The words before the comma, as they are parsed alone: where the
		// whole name's first tokens are those, they are the ones said last.
		if head := Parse(s[:i]).Tokens; len(head) > 0 && len(head) < len(n.Tokens) && slices.Equal(head, n.Tokens[:len(head)]) {
			n.comma = len(head)
		}
	}
	return n
}

// Readings returns the other readings of a name written in Chinese
// characters or Hangul, to be compared beside its own: as Japanese
// (KanjiReadings: 麻原彰晃 is Asahara Shoko), as Korean (HanjaReadings: 金正恩
// is Kim Jong Un) and as Mandarin (HangulChineseReadings: 시진핑 is Xi
// Jinping); of a name in Thai, its letter-by-letter reading; of a
// Japanese name in Cyrillic, its Hepburn (polivanovReading); of an
// English name in Cyrillic, its э read a and an initial у before a vowel
// w (englishReading). A name in
// other letters has none.
func Readings(s string) []string {
	if len(s) <= MaxInput && (strings.Contains(s, "\xe0\xb8") || strings.Contains(s, "\xe0\xb9")) {
		// (Thai letters are U+0E00 to U+0E7F: E0 B8 or E0 B9 in UTF-8.)
		// A Thai name is read as it is said (thaiWord), and letter by
		// letter too, as the spellings that keep its Sanskrit letters do
		// (ชินวัตร chinwat and Shinawatra, วิทยา witya and Vidhya).
		return []string{translitOther(s)}
	}
	if !hasByteFrom(s, 0xE3) {
		// No letter from U+3000 on, where kana, Hangul and Chinese
		// characters are. A Japanese name in Cyrillic (Кадзуо Уэда) is
		// read in Hepburn (polivanovReading); Russian's letters are
		// U+0410 to U+0451, D0 or D1 first in UTF-8.
		if len(s) <= MaxInput && (strings.Contains(s, "\xd0") || strings.Contains(s, "\xd1")) {
			if r := polivanovReading(s); r != "" {
				return []string{r}
			}
			if r := englishReading(s); r != "" {
				return []string{r}
			}
		}
		return nil
	}
	rs := KanjiReadings(s)
	rs = append(rs, HanjaReadings(s)...)
	return append(rs, HangulChineseReadings(s)...)
}

// Normalize folds any string (a place, a city, an address) to lower-case
// Latin words separated by single spaces, without particle handling.
func Normalize(s string) string {
	if len(s) > 4*MaxInput {
		s = truncate(s, 4*MaxInput)
	}
	return strings.Join(split(Latinize(s)), " ")
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Latinize transliterates s to lower-case ASCII, keeping separators. It is
// exported for callers that want to show what vigie compared.
func Latinize(s string) string {
	l, _ := latinize(s)
	return l
}

// latinize is Latinize, and says whether s was read as a Korean name in
// Cyrillic letters (cyrKoreanWords) or in katakana (kanaKoreanWords),
// whose words the scorer compares so.
func latinize(s string) (string, bool) {
	s = norm.NFKC.String(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s), false
	}
	if strings.ContainsAny(s, "Đđ") && vietnameseLetters(s) {
		s = vietnameseD.Replace(s) // Đỗ Công Khoa is Do Cong Khoa (vietnameseLetters)
	}
	var b strings.Builder
	b.Grow(len(s))
	// Transliterate word by word, so a dictionary can take whole Arabic words.
	start := -1
	korean := false // a Hangul word was read: the surname is behind
	// A foreign name in Hangul (whose syllables' UTF-8 begins EA-ED).
	foreign := hasByteFrom(s, 0xEA) && hangulForeign(s)
	hanName := hanForeign(s) // and in Chinese characters
	hanSeen := false         // a word of a Chinese name was read: the surname is behind
	// A Korean or a Chinese name in Cyrillic (Ким Чен Ын, Си Цзиньпин), its
	// words read; the two ask the same of the name's first and last words.
	var cyrKorean, cyrSurname, cyrRead int
	var palladius []string
	if hasByteFrom(s, 0xD0) { // Cyrillic letters are D0-D4 xx in UTF-8
		first, last, words := endWords(s)
		if cyrKorean, cyrSurname = cyrKoreanWords(s, first, last, words); cyrKorean == 0 {
			palladius = palladiusName(s, first, last, words)
		}
	}
	// A name with a letter only Persian, Urdu or Pashto use is read so
	// in all its words (محمدرضا رضایی: the first has no such letter).
	persian := strings.ContainsAny(s, persianOnly)
	uyghur := uyghurName(s)
	// A Korean name in katakana (キム・ジョンウン), its words read back
	// into Korean syllables (kanakorean.go).
	kanaKorean, kanaRead, kanaWords := false, 0, 0
	if isKanaName(s) && kanaKoreanWords(s) {
		_, _, kanaWords = endWords(s)
		kanaKorean = true
	}
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			sc := scriptOf(w)
			switch {
			case sc == hangul && foreign:
				b.WriteString(hangulForeignWord(w))
			case sc == han && hanName:
				b.WriteString(hanForeignWord(w))
			case sc == han:
				b.WriteString(hanNativeWord(w, !hanSeen))
				hanSeen = true
			case sc == kana && kanaKorean:
				b.WriteString(kanaKoreanWord(w, kanaRead == 0, kanaWords))
				kanaRead++
			case sc == arabic && uyghur:
				b.WriteString(uyghurWord(w))
			case sc == alphabet && cyrKorean > 0:
				b.WriteString(cyrKoreanWord(w, cyrRead == cyrSurname))
				cyrRead++
			case sc == alphabet && cyrRead < len(palladius):
				b.WriteString(palladius[cyrRead])
				cyrRead++
			case end < len(s) && s[end] == '.' && (sc == indic || sc == alphabet && utf8.RuneCountInString(w) == 1 && w[0] >= utf8.RuneSelf):
				// An abbreviated word: a Cyrillic letter (Ц. Элбэгдорж, Х.
				// Баттулга) or an Indic syllable (மு. க. ஸ்டாலின், M. K.
				// Stalin) is an initial, or the letter whose English name
				// it spells (వై. ఎస్., Y. S.).
				b.WriteString(abbreviatedInitial(translitWord(w, sc, !korean, persian)))
			default:
				b.WriteString(translitWord(w, sc, !korean, persian))
			}
			korean = korean || sc == hangul
			start = -1
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteByte(' ')
	}
	flush(len(s))
	return strings.ToLower(b.String()), cyrKorean > 0 || kanaKorean
}

// turkicSon and turkicDaughter are the words Azerbaijani, Uzbek, Kazakh
// and Kyrgyz write after the father's name where Russian writes a
// patronymic (Ilham Heydar oğlu Aliyev, Ilham Heydarovich Aliyev; Saida
// Shavkat qizi, Saida Shavkatovna).
var (
	turkicSon      = map[string]bool{"oglu": true, "ogly": true, "ogli": true, "ugli": true, "uly": true, "uulu": true}
	turkicDaughter = map[string]bool{"qizi": true, "kizi": true, "gizi": true, "kyzy": true, "qyzy": true}
)

// turkicFiliation writes a father's name followed by oğlu, qızı and their
// kin, or by Georgian's dze and asuli, as the patronymic Russian makes of
// it (heydar oglu → heydarovich, arif qizi → arifovna, nikolozis dze →
// nikolozovich), so that the two forms of a name compare as one
// patronymic (patronymicPair). A given name must come before the father's.
func turkicFiliation(raw []string) []string {
	for i := 2; i < len(raw); i++ {
		son, daughter := turkicSon[raw[i]], turkicDaughter[raw[i]]
		father := raw[i-1]
		if georgian, ok := strings.CutSuffix(father, "is"); ok && len(georgian) >= 3 && (raw[i] == "dze" || raw[i] == "asuli") {
			// Georgian's son and daughter: the father's name in the
			// genitive, then dze or asuli (Mikheil Nikolozis dze
			// Saakashvili, Mikhail Nikolozovich).
			son, daughter, father = raw[i] == "dze", raw[i] == "asuli", georgian
		}
		if !son && !daughter || len(father) < 3 || strings.ContainsAny(father, "0123456789") {
			continue
		}
		suffix := "ovich"
		if daughter {
			suffix = "ovna"
		}
		if (raw[i] == "uulu" || raw[i] == "kyzy") && i == len(raw)-1 {
			// A Kyrgyz uulu or kyzy last stands for the surname Russian
			// made of the father's name, which records write in its place
			// (Bakyt Toktogul uulu, Bakyt Toktogulov).
			suffix = "ov"
			if daughter {
				suffix = "ova"
			}
		}
		out := slices.Clone(raw[:i-1])
		out = append(out, stemCore(father)+suffix)
		return append(out, raw[i+1:]...)
	}
	return raw
}

func isWordRune(r rune) bool {
	// Spacing marks (Mc) are the vowel signs of Devanagari, Bengali, Tamil,
	// Khmer, Myanmar…: inside the word, or मोदी and តារា fall apart.
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
		r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`' ||
		r == '׳' || // the Hebrew geresh (ג׳מאל, Jamal)
		r == '\u200c' || // the zero-width non-joiner inside a Persian word (احمدی‌نژاد)
		r == '\u200d' // and the joiner inside a Sinhala or Devanagari cluster (වික්‍රම, क्‍ष)
}

// translitWord transliterates one word of script sc to ASCII; surname
// says a Hangul word begins the name (its first syllable is the surname),
// persian that an Arabic-script name is Persian, Urdu or Pashto.
func translitWord(w string, sc script, surname, persian bool) string {
	switch sc {
	case arabic:
		return arabicWord(w, persian)
	case hebrew:
		return hebrewWord(w)
	case hangul:
		return hangulWord(w, surname)
	case armenian:
		// go-unidecode writes the Armenian u (ու) as "ow": Պուտին is
		// Putin, not Powtin.
		return strings.ReplaceAll(unidecode.Unidecode(w), "ow", "u")
	case greek:
		return greekWord(w)
	case myanmar:
		return myanmarWord(w)
	case khmer:
		return khmerWord(w)
	case kana:
		return kanaWord(w)
	case indic:
		return indicWord(w)
	case ethiopic:
		return ethiopicWord(w)
	case sinhala:
		return sinhalaWord(w)
	case thai:
		return thaiWord(w)
	case georgian:
		return georgianWord(w)
	case alphabet:
		if hasHachek(w) {
			w = hachekLetters.Replace(w) // Ščerbakov is Shcherbakov (see hachekLetters)
		}
		if strings.ContainsAny(w, "ҷҶ") {
			// Tajik's ҷ is a j (Ҷумъаев, Jumaev), which go-unidecode writes ch.
			w = strings.NewReplacer("ҷ", "j", "Ҷ", "J").Replace(w)
		}
		if strings.ContainsAny(w, "əƏәӘǝƎ") {
			// Azerbaijani's ə and the Kazakh, Tatar and Bashkir ә are an a
			// in English spellings (Əliyev, Aliyev; Әбіш, Abish), which
			// go-unidecode drops; ǝ and Ǝ, the turned e, are typed for
			// them.
			w = strings.NewReplacer("ə", "a", "Ə", "A", "ә", "a", "Ә", "A", "ǝ", "a", "Ǝ", "A").Replace(w)
		}
		return unidecode.Unidecode(w)
	}
	return translitOther(w)
}

// translitOther transliterates text of a script with no rules of its own
// here (Sinhala, Thai, Ethiopic, Chinese names, …) through go-unidecode,
// writing single the long vowels it doubles (ゆうき → yuuki), as Latin
// sources write those names (Yuki).
func translitOther(w string) string { return longVowels.Replace(unidecode.Unidecode(w)) }

var longVowels = strings.NewReplacer("aa", "a", "ii", "i", "uu", "u")

// split lower-cases ASCII text and cuts it into tokens of letters and
// digits. Apostrophes inside a word are dropped (O'Brien → obrien), every
// other character separates tokens.
func split(s string) []string {
	var toks []string
	var cur []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			cur = append(cur, c)
		case c >= 'A' && c <= 'Z':
			cur = append(cur, c+'a'-'A')
		case c == '\'' || c == '`':
			// inside a word: join (o'brien); elsewhere: ignore
		default:
			if len(cur) > 0 {
				toks = append(toks, string(cur))
				cur = cur[:0]
				if len(toks) >= 4*MaxTokens {
					return toks
				}
			}
		}
	}
	if len(cur) > 0 {
		toks = append(toks, string(cur))
	}
	return toks
}

// abdLam are the spellings of "Abd al-" (servant of the) whose article is
// written with its l; abdSun those where the article took the sound of the
// next word's first letter (Abd ar-Rahman → Abdurrahman, Abd as-Salam →
// Abdeslam). Both glue onto the next word and become "abd" + the word.
var (
	abdLam = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abd"}
	abdSun = []string{"abdes", "abdus", "abdas", "abdur", "abdar", "abder", "abdor"}
)

// muhammadCompound returns the name after Muhammad in a Persian compound
// given name written as one word (Mohammadjavad, Mohammadreza: محمدجواد,
// محمدرضا), by which its bearer goes as often as by the whole (Javad
// Zarif); "" when t is no such compound. The name after must be one of the
// Arabic table or of persianSeconds.
func muhammadCompound(t string) string {
	if len(t) < 7 || t[0] != 'm' {
		return ""
	}
	for _, m := range []string{"mohammad", "mohammed", "muhammad", "mohamad", "mohamed", "muhammed"} {
		if rest, ok := strings.CutPrefix(t, m); ok && len(rest) >= 3 && (arabicGivenName(rest) || persianSeconds[rest]) {
			return rest
		}
	}
	// محمدجواد read letter by letter: mhmdjvad. The rest must key as a
	// name of the tables, and be no ending of a surname made from
	// Muhammad's (Mohammadzadeh, Mohammadian, Mohammadpour).
	if rest, ok := strings.CutPrefix(t, "mhmd"); ok && len(rest) >= 3 && !muhammadSurnameEndings[rest] && compoundSecondKeys()[TokenKey(rest)] {
		return rest
	}
	return ""
}

// zadeh is Persian's "son of" ending a surname, in the spellings a source
// writes apart from the name it ends (Hajji-Zadeh; Tajik's -zoda).
var zadeh = map[string]bool{"zadeh": true, "zade": true, "zada": true, "zadah": true, "zoda": true}

// muhammadSurnameEndings are the endings of Persian surnames made from
// Muhammad's name, as Latin and Persian letters write them.
var muhammadSurnameEndings = map[string]bool{
	"zadh": true, "zadeh": true, "zade": true, "pvr": true, "pour": true, "nia": true, "ian": true, "yan": true,
	"khani": true, "lv": true, "lou": true, "vnd": true, "vand": true, "nzhad": true, "njad": true, "nejad": true,
	"nezhad": true, "abadi": true, "bigi": true, "beigi": true, "khan": true,
}

// compoundSecondKeys are the keys of the names that follow Muhammad in a
// compound (persianSeconds, and the Arabic table's).
var compoundSecondKeys = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for n := range persianSeconds {
		m[TokenKey(n)] = true
	}
	lf := languageForms()
	for f, g := range lf.forms {
		if g >= lf.arabicFrom {
			m[TokenKey(f)] = true
		}
	}
	return m
})

// persianSeconds are the second names of Persian compounds with Muhammad
// that the Arabic table (data/arabic.txt) lacks in their Persian spelling.
var persianSeconds = map[string]bool{
	"reza": true, "javad": true, "jawad": true, "bagher": true, "baqer": true, "bager": true, "taghi": true,
	"taqi": true, "mehdi": true, "sadegh": true, "sadeq": true, "kazem": true, "hossein": true,
	"hosein": true, "hasan": true, "ebrahim": true, "esmaeil": true, "esmail": true, "amin": true,
	"jafar": true, "nabi": true, "saleh": true, "vali": true, "eghbal": true,
}

// foldParticles drops honorifics (and, in a name written in Arabic letters,
// a title behind the article: arabicTitles), joins the theophoric "Abd
// al-X" in all its spellings into "abdx", and glues particles onto the word
// they introduce ("ben ali" → "benali", "van der berg" → "vanderberg"),
// because sources write them both ways; cores receives each token without
// its particles ("ali", "berg") for the keys and the scorer.
//
// In Hebrew letters the particles of European names are not read: the
// reading puts an e where the letters write no vowel, and דן, Dan, would be
// den, glued to the surname after it (Dan Gertler, דן גרטלר).
func foldParticles(raw []string, arabicScript, hebrewScript bool) (toks, cores []string) {
	toks = make([]string, 0, len(raw))
	cores = make([]string, 0, len(raw))
	var pending string
	emit := func(t string) {
		toks = append(toks, pending+t)
		cores = append(cores, t)
		pending = ""
	}
	for i := 0; i < len(raw); i++ {
		t := raw[i]
		if arabicScript && pending == "al" && len(toks) == 0 && arabicTitles[t] && i+1 < len(raw) {
			pending = "" // الحاج علي حسن: al-haj is the title, not a name glued to its article
			continue
		}
		if honorifics[t] && len(raw) > 1 && pending == "" && !(len(toks) > 0 && (t == "sheikh" || t == "shaykh")) &&
			!(i+1 < len(raw) && zadeh[raw[i+1]]) {
			// After a particle it is a name: Ould Sheikh, Bin Haji. So is
			// Sheikh after a name, in a chain of fathers' names (Sharif
			// Sheikh Ahmed, Shariif Sheekh Axmed): only a leading one is
			// the title. Before Persian's -zadeh written apart it is the
			// surname's first part (Hajji-Zadeh, Hajizadeh).
			continue
		}
		if stem, ok := strings.CutSuffix(t, "bhai"); ok && len(stem) >= 3 {
			t = stem // Nikhilbhai Patel is Nikhil Patel: Gujarati's brother glued to the name
		}
		if base := abdBase(t); base != "" {
			if base != "abd" {
				emit(base)
				continue
			}
			// "abd al rahman", "abdel rahman", "abdul rahman" → abdrahman
			j := i + 1
			for j < len(raw) && (particles[raw[j]] || raw[j] == "ul") {
				j++
			}
			if j < len(raw) && len(raw[j]) >= 3 && abdBase(raw[j]) == "" {
				// The core is the word itself: "Abdel Touati" still compares
				// with "Touati" when a source used Abdel as a middle name.
				w := stripArticle(raw[j])
				core := w
				if w == "lah" {
					core = "abdlah" // عبد الله: Abdallah is the one name, as the Latin abdallah reads
				}
				toks = append(toks, pending+"abd"+w)
				cores = append(cores, core)
				pending = ""
				i = j
				continue
			}
			emit(t)
			continue
		}
		if core := muhammadCompound(t); core != "" {
			toks = append(toks, pending+t)
			cores = append(cores, core)
			pending = ""
			continue
		}
		if tok, next, ok := dhuCompound(raw, i); ok {
			toks = append(toks, pending+tok)
			cores = append(cores, tok)
			pending = ""
			i = next - 1
			continue
		}
		if tok, core, next, ok := dinCompound(raw, i); ok {
			toks = append(toks, pending+tok)
			cores = append(cores, core)
			pending = ""
			i = next - 1
			continue
		}
		if (t == "allah" || t == "ullah") && len(toks) > 0 && pending == "" && !strings.HasPrefix(toks[len(toks)-1], "abd") {
			// "Nasr Allah", "Fadl Allah" are the one name Nasrallah,
			// Fadlallah, as most sources write it; so are Urdu's "Fazal
			// Ullah", "Sami Ullah" (Fazlullah, Samiullah).
			toks[len(toks)-1] += t
			cores[len(cores)-1] += t
			continue
		}
		if particles[t] && !(hebrewScript && europeanParticle(t)) && i+1 < len(raw) && len(pending) < 12 {
			pending += t
			continue
		}
		emit(t)
	}
	if pending != "" {
		toks = append(toks, pending)
		cores = append(cores, pending)
	}
	articleOnWordBefore(toks, cores)
	return toks, cores
}

// articleOnWordBefore gives a word that carries the article of the next
// (Ziaul Haq, Ziaur Rahman, Nurul Islam: Zia al-Haq, Zia al-Rahman, Nur
// al-Islam, as Pakistani and Bangladeshi sources write them) its stem as
// core, so that it meets the name written apart (ضیاء الحق, Zia ul Haq).
// Only before the words such names end with (articleWords), and when the
// stem keeps three letters or more: Raoul Ahmed is not Rao Ahmed.
func articleOnWordBefore(toks, cores []string) {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if cores[i] != t || len(t) < 5 || !articleWords[cores[i+1]] {
			continue
		}
		if a := t[len(t)-2:]; a == "ur" && cores[i+1][0] == 'r' || a == "ul" && cores[i+1][0] != 'r' {
			cores[i] = t[:len(t)-2]
		}
	}
}

// articleWords are the words that end compound names with the article
// (Zia ul Haq, Habib ur Rahman, Nur ul Islam, Zain ul Abidin).
var articleWords = map[string]bool{
	"haq": true, "haque": true, "islam": true, "hassan": true, "hasan": true, "hussain": true, "husain": true,
	"amin": true, "alam": true, "aziz": true, "abidin": true, "abedin": true, "huda": true, "hadi": true,
	"hakim": true, "hai": true, "ahad": true,
	"rahman": true, "rehman": true, "rashid": true, "razzaq": true, "rauf": true, "rab": true,
	"rahim": true, "rehim": true, "raheem": true,
}

// The compound names in "al-Din" (the faith): Salah al-Din, Salah ud-Din,
// Salah Eddine, Salaheddine, Salahuddin are one name, written here
// "salahdin", with the first word as its core (Siraj for Sirajuddin, as
// a source shortens it).
var (
	dinWords = map[string]bool{"din": true, "deen": true, "dine": true, "ddin": true, "ddine": true}
	dinLinks = map[string]bool{"al": true, "el": true, "ul": true, "ud": true, "ad": true, "ed": true, "od": true}
	// dinGlued are the link and "din" written as one word, longest first.
	dinGlued = []string{"uddeen", "uddine", "eddine", "addine", "aldeen", "eldine", "eldeen", "uddin", "eddin", "addin", "iddin", "aldin", "eldin", "uldin", "udeen", "udin"}
)

// dinCompound reads a compound in "al-Din" starting at raw[i]: the word
// and a separate "din" (with or without its link), the word and a glued
// "uddin"/"eddine", or one glued word. It returns the compound, its core,
// the index after it, and whether there was one.
func dinCompound(raw []string, i int) (tok, core string, next int, ok bool) {
	w := raw[i]
	if len(w) < 3 || particles[w] || dinLinks[w] || dinWords[w] {
		return "", "", 0, false
	}
	for _, g := range dinGlued {
		if p, found := strings.CutSuffix(w, g); found && len(p) >= 3 {
			return p + "din", p, i + 1, true
		}
	}
	switch {
	case i+1 < len(raw) && dinWords[raw[i+1]]:
		return w + "din", w, i + 2, true
	case i+2 < len(raw) && dinLinks[raw[i+1]] && dinWords[raw[i+2]]:
		return w + "din", w, i + 3, true
	case i+1 < len(raw) && slices.Contains(dinGlued, raw[i+1]):
		return w + "din", w, i + 2, true
	}
	return "", "", 0, false
}

// The compound names in "Dhu al-" (the possessor of): Dhu al-Fiqar, Dhu
// al-Himma, Thu al-Himma, glued as Zulfiqar, Dhulfiqar, Zoulhima (as French
// writes ذ and the article assimilated). They are one name, written here
// "dhul" and the second word without its article, so that every spelling
// keys alike and compares whole; its core is the compound (Himma alone is
// no name of his).
var (
	dhuWords = map[string]bool{"dhu": true, "dhou": true, "thu": true, "zu": true, "zou": true, "dhi": true, "dhul": true, "zul": true, "zoul": true, "dhoul": true, "thul": true}
	// dhuGlued are the prefixes of the glued spellings, longest first.
	dhuGlued = []string{"dhoul", "dhul", "zoul", "thul", "zul"}
)

// dhuCompound reads a compound in "Dhu al-" starting at raw[i]: Dhu and
// the article apart (dhu al himma), Dhu and the word with its article
// (dhu alhimma), Dhul and the word (zul fiqar), or one glued word whose
// second part begins with a consonant and keeps four letters (zulfiqar;
// not Zuleta, Zulema, Zuloaga). It returns the compound, the index after
// it, and whether there was one.
func dhuCompound(raw []string, i int) (tok string, next int, ok bool) {
	w := raw[i]
	second := func(s string) bool { return len(s) >= 4 && !isVowel(s[0]) }
	if dhuWords[w] && i+1 < len(raw) {
		x := raw[i+1]
		if strings.HasSuffix(w, "l") { // dhul, zul: the article is in it
			if second(x) {
				return "dhul" + x, i + 2, true
			}
		} else if x == "al" || x == "el" || x == "ul" || x == "ol" {
			if i+2 < len(raw) && len(raw[i+2]) >= 3 {
				return "dhul" + raw[i+2], i + 3, true
			}
		} else {
			for _, article := range []string{"al", "el", "ul"} {
				if rest, found := strings.CutPrefix(x, article); found && len(rest) >= 3 && !isVowel(rest[0]) {
					return "dhul" + rest, i + 2, true
				}
			}
		}
		if tok, next, ok := dhuCompound(raw, i+1); ok && next == i+2 {
			return tok, next, true // ذو الفقار, whose second word the dictionary reads Zulfikar
		}
		return "", 0, false
	}
	for _, g := range dhuGlued {
		if rest, found := strings.CutPrefix(w, g); found && second(rest) {
			return "dhul" + rest, i + 1, true
		}
	}
	return "", 0, false
}

// abdBase returns "abd"+word for a glued "Abd al-X" form ("abdulrahman" →
// "abdrahman", "abdeslam" → "abdslam"), "abd" for a bare form that joins the
// next token ("abdul", "abdel"), and "" for any other token.
func abdBase(t string) string {
	if !strings.HasPrefix(t, "abd") {
		return ""
	}
	for _, f := range abdLam {
		if t == f {
			return "abd"
		}
	}
	for _, f := range abdSun {
		if t == f {
			return "abd"
		}
	}
	for _, f := range abdSun {
		if rest, ok := strings.CutPrefix(t, f); ok && len(rest) >= 2 {
			return "abd" + f[len(f)-1:] + rest
		}
	}
	for _, f := range abdLam[:len(abdLam)-1] {
		if rest, ok := strings.CutPrefix(t, f); ok && (rest == "ah" || rest == "ahi") {
			return "abdl" + rest // Abdulah, Abdulahi: Abdullah with one l, not Abd al-Ahi
		}
		if rest, ok := strings.CutPrefix(t, f); ok && len(rest) >= 3 {
			return "abd" + stripArticle(rest)
		}
	}
	return ""
}

// stripArticle removes a glued Arabic article left after a prefix:
// "alrahman" → "rahman", "essalam" → "salam", "rrahman" → "rahman".
func stripArticle(s string) string {
	for _, a := range []string{"al", "el", "ul", "ol"} {
		if r, ok := strings.CutPrefix(s, a); ok && len(r) >= 3 {
			return r
		}
	}
	// Sun-letter assimilation: "as-salam" written "essalam" or "assalam".
	if len(s) >= 5 && isVowel(s[0]) && s[1] == s[2] && !isVowel(s[1]) {
		return s[2:]
	}
	if len(s) >= 4 && s[0] == s[1] && !isVowel(s[0]) {
		return s[1:]
	}
	return s
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
