package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/ar2en.tsv
var ar2enTSV []byte

type script int

const (
	otherScript script = iota
	arabic
	hebrew
	hangul
	armenian
	georgian
	greek
	myanmar
	khmer
	kana
	han
	indic
	ethiopic
	sinhala
	thai
	// alphabet is Latin or Cyrillic: go-unidecode's output is kept as it
	// is (a Cyrillic "ii" is two letters: Юрий, iurii).
	alphabet
)

// scriptOf returns the script of the first letter of w.
func scriptOf(w string) script {
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return arabic
		case unicode.Is(unicode.Hebrew, r):
			return hebrew
		case isHangulSyllable(r):
			return hangul
		case unicode.Is(unicode.Armenian, r):
			return armenian
		case unicode.Is(unicode.Georgian, r):
			return georgian
		case unicode.Is(unicode.Greek, r):
			return greek
		case unicode.Is(unicode.Myanmar, r):
			return myanmar
		case unicode.Is(unicode.Khmer, r):
			return khmer
		case isKana(r) && r != kanaLong:
			return kana
		case unicode.In(r, unicode.Latin, unicode.Cyrillic):
			return alphabet
		case unicode.Is(unicode.Han, r):
			return han
		case isIndic(r):
			return indic
		case isEthiopic(r):
			return ethiopic
		case isSinhala(r):
			return sinhala
		case unicode.Is(unicode.Thai, r):
			return thai
		case unicode.IsLetter(r):
			return otherScript
		}
	}
	return otherScript
}

// arabicDict maps an Arabic word (without diacritics) to its common English
// spelling, from google/transliteration's Wikipedia pairs. It is read once,
// on first use, from the embedded table.
var arabicDict = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 16000)
	sc := bufio.NewScanner(bytes.NewReader(ar2enTSV))
	for sc.Scan() {
		ar, en, ok := strings.Cut(sc.Text(), "\t")
		if !ok || en == "" {
			continue
		}
		ar = stripArabicMarks(ar)
		if _, dup := m[ar]; !dup {
			m[ar] = en
		}
	}
	return m
})

// arabicDictLetters maps each reading of the dictionary (arabicDict) to
// the letter-by-letter readings (arabicLetterWord) of the Arabic words it
// is given for, where they differ: the dictionary reads a foreign name as
// the English one it most resembles (كورتس curtis, شولتس schultes), while
// the same letters write Kurz and Scholz, as Wikidata's Arabic labels of
// European people do. arabicMeets tries these readings too.
var arabicDictLetters = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(ar2enTSV))
	for sc.Scan() {
		ar, en, ok := strings.Cut(sc.Text(), "\t")
		if !ok || en == "" || strings.IndexFunc(en, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		if r := arabicLetterWord(stripArabicMarks(ar), false); r != en && !slices.Contains(m[en], r) {
			m[en] = append(m[en], r)
		}
	}
	return m
})

// arabicLetters transliterates Arabic letters the way names are commonly
// spelt in Latin script. Short vowels are not written in Arabic, so the
// result is a consonant frame ("mhmd"), which the skeleton keys and the
// scorer compare with any vocalised spelling ("Mohammed").
var arabicLetters = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ء': "", 'ؤ': "", 'ئ': "",
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d",
	'ط': "t", 'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k",
	'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ة': "a", 'ى': "a",
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ی': "i", 'ە': "e",
	// Kurdish (Sorani) letters, which were dropped: ڵ and ڕ are its heavy l
	// and r (تاڵەبانی, Talabani), ۆ and ێ its o and e; ڤ is v there and in
	// the Arabic of foreign names.
	'ڵ': "l", 'ڕ': "r", 'ۆ': "o", 'ێ': "e", 'ڤ': "v",
	// Uyghur's vowels and consonants (ئەركىن تۇنىياز, Erkin Tuniyaz;
	// شۆھرەت زاكىر, Shohrat Zakir), which were dropped.
	'ۇ': "u", 'ۈ': "u", 'ۋ': "w", 'ڭ': "ng", 'ې': "e",
}

func stripArabicMarks(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) || r == 'ـ' { // harakat and tatweel
			return -1
		}
		return r
	}, w)
}

// persianLetters are the Persian and Urdu forms of Arabic letters: the
// dictionary is Arabic, so a Persian or Urdu name is looked up with the
// Arabic letter (علی → علي, Ali; ابراہیم → ابراهيم, Ibrahim). Urdu's
// retroflex letters read as the plain ones (ٹ t, ڈ d, ڑ r), as do Pashto's
// (ټ, ډ, ړ, ڼ; its ګ is g: ګلبدین, Gulbuddin; its dz and ts, ځ and څ, are
// the z and s Latin spells them with: ځدراڼ, Zadran), its nasal noon
// as noon, its aspirating he (لکھوی, Lakhvi) as he, and the hamza on a waw
// (داؤد, Dawood) as the waw. The zero-width non-joiner inside a Persian
// word goes.
var persianLetters = strings.NewReplacer("ی", "ي", "ک", "ك", "ۀ", "ه", "\u200c", "",
	"ہ", "ه", "ھ", "ه", "ۃ", "ة", "ے", "ي", "ۓ", "ي", "ٹ", "ت", "ڈ", "د", "ڑ", "ر", "ں", "ن", "ؤ", "و",
	"ګ", "گ", "ټ", "ت", "ډ", "د", "ړ", "ر", "ږ", "ژ", "ښ", "ش", "ڼ", "ن", "ې", "ي", "ۍ", "ي",
	"ځ", "ز", "څ", "س")

// arabicWord transliterates one Arabic-script word: the dictionary first
// (with and without the article), then letter by letter; persian says the
// name it belongs to is Persian, Urdu or Pashto (see persianOnly).
func arabicWord(w string, persian bool) string {
	w = stripArabicMarks(w)
	stripped := w
	persian = persian || strings.ContainsAny(w, persianOnly)
	// A he before a zero-width non-joiner ends a Persian word part and is
	// read e (خامنه‌ای, Khamenei): it becomes ە, the letter e of Kurdish.
	w = persianLetters.Replace(strings.ReplaceAll(w, "ه\u200c", "ە"))
	key := strings.ReplaceAll(w, "ە", "ه")
	switch key { // after the Persian and Urdu letters: Urdu writes اللہ
	case "عبد":
		return "abd" // the dictionary lacks it and the letters lose the ain
	case "عز":
		return "izz" // of Izz al-Din (عز الدين); its letters read az, the article of az-Zawahiri
	case "الله":
		return "allah" // the dictionary has it as Abdullah
	case "الدين":
		return "al-din" // the dictionary has it as Al-Dean
	case "إسحاق", "اسحاق", "أسحاق":
		return "ishaq" // the dictionary has the Bible's Isaac, which no Ishaq in Latin letters meets
	case "نوح":
		return "nuh" // and Noah
	}
	dict := arabicDict()
	if en, ok := dict[key]; ok {
		return en
	}
	if strings.HasSuffix(stripped, "ی") {
		// Persian and Urdu write a final alef maqsura ی, as they write a
		// ya (موسی, Musa; عیسی, Isa; مصطفی, Mostafa): the given names
		// are looked up with ى. Not the dictionary: its رضوى is Radwa,
		// where رضوی is Rizvi.
		if en, ok := arabicGivenNames[strings.TrimSuffix(key, "ي")+"ى"]; ok {
			return en
		}
	}
	if en, ok := arabicGivenNames[key]; ok {
		return en
	}
	if rest, ok := strings.CutPrefix(key, "ا"); ok && rest != "" {
		// The hamza on a first alef is often left out (ابراہیم, احمد
		// for إبراهيم, أحمد): the word is looked up with it.
		for _, alef := range []string{"إ", "أ"} {
			if en, ok := dict[alef+rest]; ok {
				return en
			}
		}
	}
	for _, p := range [][3]string{{"ابوال", "abul", "abol"}, {"ذوال", "dhul", "zol"}} {
		// Abu al- and Dhu al- written as one word (ابوالفضل Abolfazl,
		// ذوالقدر Zolghadr, ذوالفقار Dhulfiqar or Zulfiqar): the waw is
		// their vowel, not the w it is before an alef elsewhere.
		if rest, ok := strings.CutPrefix(key, p[0]); ok && rest != "" {
			if persian {
				return p[2] + arabicLetterWord(rest, persian)
			}
			return p[1] + arabicLetterWord(rest, persian)
		}
	}
	if rest, ok := strings.CutPrefix(key, "عبدال"); ok && utf8.RuneCountInString(rest) >= 2 {
		// Abd al-X written as one word (عبدالحق, Abdul Haq), which the
		// dictionary lacks: read as Abd al- and X, which Parse joins.
		return "abd al-" + shortVowel(arabicWord(rest, persian))
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok && rest != "" {
		if en, ok := dict[strings.ReplaceAll(rest, "ە", "ه")]; ok {
			return "al-" + en
		}
		if en, ok := arabicGivenNames[strings.ReplaceAll(rest, "ە", "ه")]; ok {
			return "al-" + en // الطيب, al-Tayyib: a given name with the article
		}
		return "al-" + shortVowel(arabicLetterWord(rest, persian))
	}
	return arabicLetterWord(w, persian)
}

// shortVowel gives a word of two consonants read from Arabic letters the
// short vowel Arabic does not write (حق hq: Haq; الحج al-hj: al-Hajj), so
// that it is a word of three letters, as a Latin name's is.
func shortVowel(r string) string {
	if len(r) == 2 && !isVowel(r[0]) && !isVowel(r[1]) {
		return r[:1] + "a" + r[1:]
	}
	return r
}

// arabicGivenNames are common given names, in Arabic letters (Persian
// and Urdu ones are read through persianLetters first), with a Latin
// spelling of each, read when the dictionary lacks the word. The
// dictionary, drawn from Wikipedia titles, lacks most of them (محمد, يوسف,
// عيسى, ليلى), and their letters alone read poorly:
// عيسى is aisa, not Isa; ليلى lila, which is another name in Latin
// letters; عدي adi for Uday. A spelling of the Arabic given-name table
// (data/arabic.txt) is chosen where it has the name, so the name meets
// all its Latin spellings. Written for vigie from general knowledge.
var arabicGivenNames = map[string]string{
	"محمد": "muhammad", "أحمد": "ahmad", "احمد": "ahmad", "محمود": "mahmud", "مصطفى": "mustafa",
	"علي": "ali", "حسن": "hasan", "حسين": "husayn", "عمر": "omar", "عثمان": "uthman",
	"خالد": "khalid", "سعيد": "said", "سعد": "saad", "يوسف": "yusuf", "طارق": "tariq",
	"وليد": "walid", "عادل": "adil", "عماد": "imad", "جمال": "jamal", "كمال": "kamal",
	"سامي": "sami", "رامي": "rami", "هاني": "hani", "نبيل": "nabil", "فيصل": "faisal",
	"فهد": "fahd", "ماجد": "majid", "راشد": "rashid", "حمزة": "hamza", "زياد": "ziad",
	"زيد": "zaid", "عدي": "uday", "قصي": "qusay", "معاذ": "muadh", "معتز": "mutaz",
	"معتصم": "mutasim", "جعفر": "jafar", "مصعب": "musab", "عبيدة": "ubayda", "عكرمة": "ikrima",
	"نعيم": "naim", "أنس": "anas", "عمار": "ammar", "ياسر": "yasir", "بلال": "bilal",
	"حافظ": "hafiz", "صدام": "saddam", "سليم": "salim", "سليمان": "sulayman", "داود": "daud",
	"موسى": "musa", "عيسى": "isa", "يحيى": "yahya", "زكريا": "zakariya", "يونس": "yunus",
	"أيوب": "ayyub", "إدريس": "idris", "هشام": "hisham", "منير": "munir", "أسامة": "usama",
	"اسامة": "usama", "صلاح": "salah", "مروان": "marwan", "عدنان": "adnan", "نزار": "nizar",
	"عائشة": "aisha", "فاطمة": "fatima", "خديجة": "khadija", "زينب": "zaynab", "مريم": "maryam",
	"مرتضى": "murtaza", "مجتبى": "mujtaba", "كبرى": "kubra", "بشرى": "bushra", "سلمى": "salma",
	"ليلى": "layla", "نور": "nur", "هدى": "huda", "أمينة": "amina", "إبراهيم": "ibrahim",
	"إسماعيل": "ismail", "اسماعيل": "ismail", "يعقوب": "yaqub", "إسحاق": "ishaq", "رياض": "riyad",
	"خليل": "khalil", "أمين": "amin", "سلمان": "salman", "حمد": "hamad", "عباس": "abbas",
	"شريف": "sharif", "نصر": "nasr", "هيثم": "haitham", "جهاد": "jihad", "قاسم": "qasim",
	"منصور": "mansur", "بشير": "bashir", "نادر": "nadir", "سمير": "samir", "توفيق": "tawfiq",
	"حامد": "hamid", "كريم": "karim", "ناصر": "nasir", "عامر": "amir", "فؤاد": "fuad",
	"تقي": "taqi", "نقي": "naqi", "مهدي": "mahdi", "رضا": "reza", "محسن": "mohsen",
	"ضياء": "ziya", "ضيا": "ziya", "قيس": "qays", "طيب": "tayyib",
	"عزت": "izzat", "روحي": "ruhi",
}

// persianOnly are letters of Persian, Urdu and Pashto that Arabic does not
// use: a word holding one is read as those languages say it.
const persianOnly = "یکگپچژہھےۓٹڈڑںۀۃۍېګټډړږښڼځڅ"

// persianSounds are the Arabic letters Persian, Urdu and Pashto say
// otherwise, as their Latin spellings write them: ذ, ض and ظ are all z
// (ذبیح الله, Zabihullah; رضوی, Rizvi), ث is s.
var persianSounds = map[rune]string{'ذ': "z", 'ض': "z", 'ظ': "z", 'ث': "s"}

// arabicLetterWord reads an Arabic-script word letter by letter; persian
// says it is a Persian, Urdu or Pashto word (see persianOnly), whose
// letters have Persian sounds and whose waw as a consonant is a v.
func arabicLetterWord(w string, persian bool) string {
	var b strings.Builder
	rs := []rune(w)
	for i, r := range rs {
		first := i == 0
		// Before an alef, waw and yeh carry the vowel: they are w and y
		// (السنوار, Sinwar; نواز, Nawaz), elsewhere inside a word mostly u, i.
		// A waw before a final yeh is a consonant too: the -awi, -avi of
		// family names (الموسوي, al-Musawi; نقوی, Naqvi; لکھوی, Lakhvi).
		beforeAlef := i+1 < len(rs) && (rs[i+1] == 'ا' || rs[i+1] == 'آ')
		beforeFinalYeh := i > 0 && i+2 == len(rs) && rs[i+1] == 'ي'
		if persian && i > 0 && i+1 < len(rs) && rs[i+1] == 'ي' {
			beforeFinalYeh = true // and Persian's before any yeh: پرویز, Parviz; نوید, Navid
		}
		if s, ok := persianSounds[r]; ok && persian {
			b.WriteString(s)
			continue
		}
		switch {
		case r == 'و':
			switch {
			case (first || beforeAlef || beforeFinalYeh) && persian:
				b.WriteString("v")
			case first || beforeAlef || beforeFinalYeh:
				b.WriteString("w")
			default:
				b.WriteString("u")
			}
		case r == 'ي' && persian && i > 0 && rs[i-1] == 'ا' && i+2 == len(rs) && rs[i+1] == 'ي':
			b.WriteString("e") // the -ayi of Persian family names is -aei (رضایی, Rezaei)
		case r == 'ي':
			if first || beforeAlef {
				b.WriteString("y")
			} else {
				b.WriteString("i")
			}
		case r == 'ى' && i+1 < len(rs):
			// Arabic writes its alef maksura last only; inside a word it is
			// the i of Uyghur's script, which writes every vowel (زاكىر,
			// Zakir; تۇنىياز, Tuniyaz).
			b.WriteString("i")
		case r == 'ئ' && i > 0 && rs[i-1] == 'ا' && i+1 < len(rs):
			// A hamza on its ya seat after an alef is the i of the names
			// (فائز Faiz, قائد Qaid, عائشہ Aisha, Ayesha); elsewhere it is
			// dropped (Uyghur's ئ before the vowel it carries: ئەركىن Erkin).
			b.WriteString("i")
		case r == 'ع' && i == len(rs)-1:
			// The ain is mostly written as the vowel it colours inside a
			// word (Muammar, Awad, Obaida) and not at all at its end
			// (Rabie, Sabe).
		default:
			writeArabicLetter(&b, r)
		}
	}
	return b.String()
}

// writeArabicLetter writes the reading arabicLetters gives r, an Arabic
// digit's digit, or r itself when it is ASCII; anything else is dropped.
func writeArabicLetter(b *strings.Builder, r rune) {
	if s, ok := arabicLetters[r]; ok {
		b.WriteString(s)
	} else if r >= '٠' && r <= '٩' {
		b.WriteRune('0' + r - '٠')
	} else if r < unicode.MaxASCII {
		b.WriteRune(r)
	}
}

// hebrewLetters transliterates Hebrew consonants; vav and yod are read as
// vowels inside a word, as they mostly are in names (Gurion, Yosef).
var hebrewLetters = map[rune]string{
	'א': "a", 'ב': "b", 'ג': "g", 'ד': "d", 'ה': "h", 'ז': "z", 'ח': "h",
	'ט': "t", 'כ': "k", 'ך': "k", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n",
	'ן': "n", 'ס': "s", 'ע': "", 'פ': "f", 'ף': "f", 'צ': "tz", 'ץ': "tz",
	'ק': "k", 'ר': "r", 'ש': "sh", 'ת': "t",
}

// greekWord romanises a Greek word as Greek passports do (ELOT 743):
// η, ι, υ are i, y; β is v; χ ch; ευ, αυ ev, av; ου ou; γγ, γκ ng, gk; μπ,
// ντ at the start of a word b, d. go-unidecode reads Greek the classical
// way (Δημήτρης → demetres, Βενιζέλος → benizelos), which no Greek source
// writes (Dimitris, Venizelos).
func greekWord(w string) string {
	w = strings.ToLower(stripMarks(w))
	switch {
	case strings.HasPrefix(w, "μπ"):
		w = "b" + w[len("μπ"):]
	case strings.HasPrefix(w, "ντ"):
		w = "d" + w[len("ντ"):]
	case strings.HasPrefix(w, "γκ"):
		w = "g" + w[len("γκ"):]
	}
	if rest, ok := strings.CutSuffix(w, "ντ"); ok && rest != "" {
		// No Greek word ends in ντ: a foreign name's d (Άσαντ, Assad;
		// Ντόναλντ, Donald).
		w = rest + "d"
	}
	return greekLetters.Replace(w)
}

var greekLetters = strings.NewReplacer(
	"ευ", "ev", "αυ", "av", "ηυ", "iv", "ου", "ou", "γγ", "ng", "γκ", "gk", "γξ", "nx", "γχ", "nch",
	"α", "a", "β", "v", "γ", "g", "δ", "d", "ε", "e", "ζ", "z", "η", "i", "θ", "th", "ι", "i",
	"κ", "k", "λ", "l", "μ", "m", "ν", "n", "ξ", "x", "ο", "o", "π", "p", "ρ", "r", "σ", "s",
	"ς", "s", "τ", "t", "υ", "y", "φ", "f", "χ", "ch", "ψ", "ps", "ω", "o",
)

// stripMarks removes combining marks after canonical decomposition
// (ά → α, ΐ → ι), as stripArabicMarks does for Arabic.
func stripMarks(w string) string { return stripArabicMarks(norm.NFD.String(w)) }

// hebrewNames are common Hebrew given names and surnames whose letters
// alone read wrongly: vav and yod are consonants in some (דוד, David; לוי,
// Levi) and vowels in others, which no rule tells. Written for vigie.
var hebrewNames = map[string]string{
	"דוד": "david", "לוי": "levi", "משה": "moshe", "יוסף": "yosef", "אברהם": "avraham",
	"יצחק": "yitzhak", "יעקב": "yaakov", "כהן": "cohen", "שרה": "sarah", "רחל": "rachel",
	"לאה": "leah", "רבקה": "rivka", "מרים": "miriam", "שמואל": "shmuel", "אליהו": "eliyahu",
	"בנימין": "binyamin", "חיים": "chaim", "אהרון": "aharon", "אהרן": "aharon", "מיכאל": "michael",
	"דניאל": "daniel", "יהודה": "yehuda", "שלמה": "shlomo", "אריה": "arie", "ישראל": "yisrael",
	"יונתן": "yonatan", "נתן": "natan", "אבי": "avi", "יוסי": "yossi", "רון": "ron",
	"מאיר": "meir", "אורי": "uri", "עמוס": "amos", "גדעון": "gideon", "אליעזר": "eliezer",
	"שמעון": "shimon", "ראובן": "reuven", "לוין": "levin", "כץ": "katz", "פרץ": "peretz",
	"מזרחי": "mizrahi", "ביטון": "biton", "אוחיון": "ohayon", "נתניהו": "netanyahu",
	"בן": "ben", "בר": "bar", "יגאל": "yigal", "יאיר": "yair", "נועם": "noam", "תמר": "tamar",
	"יואב": "yoav", "שאול": "shaul", "דיין": "dayan", "אסתר": "esther", "חנה": "hannah", "יעל": "yael", "נעמי": "naomi", "רות": "ruth",
	// A first pe is p in these and f in Yiddish names (פרידמן, Friedman).
	"פרס": "peres", "פנחס": "pinchas", "פנינה": "pnina", "פוטין": "putin",
}

// georgianText reports whether s holds a letter of the Georgian
// alphabet (U+10A0-U+10FF, E1 82 A0 to E1 83 BF in UTF-8).
func georgianText(s string) bool {
	return holdsRune(s, 0xE1, func(r rune) bool { return unicode.Is(unicode.Georgian, r) })
}

// georgianLetters are the Georgian letters as the national romanisation
// of 2002 writes them, which Georgian passports and the press follow:
// go-unidecode writes ც and წ c, ხ x, ღ g' and ძ z' (ფარცხალაძე read
// parcxaladze, not Partskhaladze; ბიძინა bizina, not Bidzina). The
// aspirated and ejective pairs (თ, ტ; ფ, პ; ქ, კ; ჩ, ჭ; ც, წ) are one
// letter each in Latin.
var georgianLetters = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t",
	'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh",
	'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p", 'ქ': "k", 'ღ': "gh", 'ყ': "q",
	'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz", 'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j",
	'ჰ': "h",
}

// georgianWord romanises a Georgian word (georgianLetters); a letter the
// table lacks (the old letters, Asomtavruli capitals) goes through
// go-unidecode.
func georgianWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if s, ok := georgianLetters[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(unidecode.Unidecode(string(r)))
		}
	}
	return b.String()
}

// georgianFamily reports whether t is a Georgian family name by its
// ending: -dze (son of) or -shvili (child of), in English, German
// (-schwili) or a Latin spelling without the caron (-svili).
func georgianFamily(t string) bool {
	for _, suffix := range []string{"dze", "shvili", "schwili", "svili"} {
		if len(t) > len(suffix)+2 && strings.HasSuffix(t, suffix) {
			return true
		}
	}
	return false
}

// georgianVowelApart reports whether a and b are Georgian family names
// (georgianFamily) one vowel apart and otherwise alike (Beridze, Beradze;
// Gelashvili, Gulashvili): Georgian letters write every vowel, so the
// romanisations of one name agree on its vowels, and two such names are
// two families.
func georgianVowelApart(a, b string) bool {
	if len(a) != len(b) || !georgianFamily(a) || !georgianFamily(b) {
		return false
	}
	diff := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && isVowel(a[diff]) && isVowel(b[diff])
}

// georgianGiven reports whether a and b, words of Georgians' names, are
// one given name with and without the nominative i that Georgian adds to
// a name ending in a consonant, which Latin spellings keep or drop (Otar,
// Otari; Zurab, Zurabi; Levan, Levani).
func georgianGiven(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && !isVowel(a[len(a)-1]) && b == a+"i"
}

// georgianNominative reports whether a, a word read from Georgian
// letters, is b with the nominative i Georgian adds to a foreign name
// ending in a consonant (პუტინი, Putini: Putin; ბაიდენი, Biden).
func georgianNominative(a, b string) bool {
	n := len(a)
	if n < 4 || a[n-1] != 'i' || isVowel(a[n-2]) || len(b) < 3 {
		return false
	}
	stem := a[:n-1]
	return stem == b || TokenKey(stem) == TokenKey(b) && JaroWinkler(stem, b) >= .9
}

// hebrewName reports whether s is written in Hebrew letters: every letter
// of it (a name mixing scripts is not, its words cannot be told apart).
// Hebrew letters are U+05D0-U+05EA, D7 90 to D7 AA in UTF-8.
func hebrewName(s string) bool { return writtenIn(s, 0xD7, unicode.Hebrew) }

// writtenIn reports whether every letter of s is of script, from the
// lowest first byte of its letters in UTF-8 (text with none is passed
// over without decoding).
func writtenIn(s string, from byte, script *unicode.RangeTable) bool {
	if !hasByteFrom(s, from) {
		return false
	}
	seen := false
	for _, r := range s {
		switch {
		case unicode.Is(script, r):
			seen = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return seen
}

// vowelPattern is t with each run of vowels written V and each doubled
// consonant once: the shape of a word whose vowels are uncertain (Hebrew
// writes few, and vigie guesses them: אהוד is ahod, Ehud VhVd). The
// letters Hebrew reads hard or soft by rules its spelling does not show
// are one: פ p or f (Lapid, Naftali), ב b or v, כ k or kh.
func vowelPattern(t string) string { return pattern(t, false) }

// hebrewPattern is vowelPattern of a word read from Hebrew letters, with
// the o the reader writes for a vav kept as O: a vav is a vowel or the
// consonant w (מרואן meroan, Marwan; פואד foad, Fuad), which hebrewMeets
// lets meet either.
func hebrewPattern(t string) string { return pattern(t, true) }

func pattern(t string, hebrew bool) string {
	t = hebrewSoft.Replace(t)
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case hebrew && c == 'o':
			c = 'O'
		case c == 'y' && (i+1 == len(t) || !isVowel(t[i+1])):
			c = 'V' // a y not before a vowel is one (Benny); before one a consonant (Yair)
		case c != 'y' && isVowel(c):
			c = 'V'
		}
		if n := b.Len(); n > 0 && b.String()[n-1] == c {
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hebrewMeets reports whether a word read from Hebrew letters, of vowel
// pattern h, can be the Latin word of pattern l: the same consonants, two
// at least (one in a word of one consonant and vowel), and every vowel of
// l where h has one (the reader writes an e between two consonants where
// Hebrew writes no vowel, which Latin may not say: genetz, Gantz), but
// none where h has none (ahod is not Hadi). A letter Hebrew doubles to
// show it doubled, as it writes Allah (אללה, read alele), is one letter
// of the Latin (Nasrallah), and a Latin word may end in a silent h after
// its vowel (הנייה heniye, Haniyeh).
func hebrewMeets(h, l string) bool {
	if len(h) > 32 || len(l) > 32 {
		return false // no name's word is this long; the search below is exponential in the guessed vowels
	}
	// One consonant is enough in a word of one syllable whose shape is the
	// same (חי hi, Chai; און aon, Un), no more.
	oneSyllable := len(l) == 2 && len(strings.ReplaceAll(strings.ReplaceAll(h, "O", "V"), "VV", "V")) == 2
	if len(h) > 2 && h[0] == 'y' && h[1] == 'V' && l[0] == 'V' && hebrewMeetsAt(h, l, 1, 0, 0, oneSyllable) {
		return true // a yod before the first vowel, which Latin spellings drop (יבגני, Evgeniy; יוסף, Iosif), or write j (Jewgeni)
	}
	return hebrewMeetsAt(h, l, 0, 0, 0, oneSyllable)
}

func hebrewMeetsAt(h, l string, i, j, consonants int, oneSyllable bool) bool {
	if i == len(h) {
		if j == len(l)-1 && l[j] == 'h' && j > 0 && l[j-1] == 'V' {
			j++ // a silent final h
		}
		return j == len(l) && (consonants >= 2 || consonants == 1 && oneSyllable)
	}
	if j < len(l) && (h[i] == l[j] || l[j] == 'X' && (h[i] == 'h' || h[i] == 'k') || h[i] == 'O' && (l[j] == 'V' || l[j] == 'b') || h[i] == 'y' && l[j] == 'j') {
		c := consonants
		if h[i] != 'V' && (h[i] != 'O' || l[j] == 'b') {
			c++
		}
		if hebrewMeetsAt(h, l, i+1, j+1, c, oneSyllable) {
			return true
		}
	}
	if h[i] == 'O' && j+1 < len(l) && l[j] == 'V' && l[j+1] == 'b' && hebrewMeetsAt(h, l, i+1, j+2, consonants+1, oneSyllable) {
		return true // a vav that is a w after a vowel Hebrew does not write (נואף noaf, Nawaf)
	}
	if h[i] != 'V' {
		return false
	}
	if i > 0 && i+1 < len(h) && h[i+1] == h[i-1] && h[i-1] != 'V' && hebrewMeetsAt(h, l, i+2, j, consonants, oneSyllable) {
		return true // a doubled letter (ללה, llah) and the vowel the reader put between
	}
	return hebrewMeetsAt(h, l, i+1, j, consonants, oneSyllable) // a vowel the reader guessed, which the Latin does not write
}

// hebrewSoftG reports whether the word h read from Hebrew letters, with
// a ג׳ (j), can be the Latin l said as English says it: a g before e or i
// is that j, and a final e after a consonant is not said (ג׳ורג׳ jorej,
// George; אסאנג׳ asanej, Assange). Gary is still not ג׳רי, Jerry.
func hebrewSoftG(h, l string) bool {
	if !strings.Contains(h, "j") || !strings.Contains(l, "g") {
		return false
	}
	b := []byte(l)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'g' && strings.IndexByte("eiy", b[i+1]) >= 0 {
			b[i] = 'j'
		}
	}
	if n := len(b); n > 3 && b[n-1] == 'e' && !isVowel(b[n-2]) {
		b = b[:n-1]
	}
	soft := string(b)
	return soft != l && hebrewMeets(hebrewPattern(h), vowelPattern(soft))
}

// hebrewSoft writes alike the letters a Hebrew letter may stand for in
// Latin spellings: פ p or f, ב b or v, ו v or w (Weiss, וייס), צ tz, ts or
// z (Tzvi, Zvi, צבי), ש sh or s (sin and shin are one letter; German
// names' st, sp are written שט, שפ: Epstein, אפשטיין); ch and kh are X, which meets the h of ח and the k of
// כ alike (Chai, חי; Mordechai, מרדכי).
var hebrewSoft = strings.NewReplacer("tsch", "X", "tch", "X", "sh", "s", "ph", "p", "f", "p", "v", "b", "w", "b", "kh", "X", "ch", "X", "tz", "z", "ts", "z")

// hebrewGeresh are the letters a geresh (׳, or an apostrophe) changes, as
// Hebrew writes Arabic and foreign names.
var hebrewGeresh = map[rune]string{
	'ג': "j", 'ח': "kh", 'ע': "gh", 'ד': "dh", 'ת': "th", 'צ': "ch", 'ץ': "ch", 'ט': "z", 'ז': "zh",
}

// hebrewWord transliterates a Hebrew word. Short vowels are not written,
// so an "e" goes between two consonants (כהן → kehen, read as Kohen/Cohen by
// the skeleton) and a final he is a vowel (משה → moshe).
func hebrewWord(w string) string {
	if en, ok := hebrewNames[w]; ok {
		return en
	}
	var b strings.Builder
	rs := []rune(w)
	prevConsonant := false
	consonant := func(c string) {
		if prevConsonant {
			b.WriteString("e")
		}
		b.WriteString(c)
		prevConsonant = true
	}
	vowel := func(v string) {
		b.WriteString(v)
		prevConsonant = false
	}
	for i, r := range rs {
		if i+1 < len(rs) && (rs[i+1] == '\'' || rs[i+1] == '׳' || rs[i+1] == '’') {
			if s, ok := hebrewGeresh[r]; ok {
				// A letter with a geresh writes a sound Hebrew lacks, in
				// Arabic and foreign names: ג׳מאל Jamal, ח׳אלד Khaled.
				consonant(s)
				continue
			}
		}
		switch {
		case r == '\'' || r == '׳' || r == '’':
			continue
		case r == 'ו':
			if i == 0 || (i+1 < len(rs) && rs[i+1] == 'ו') {
				consonant("v")
			} else if i > 0 && rs[i-1] == 'ו' {
				continue
			} else {
				vowel("o")
			}
		case r == 'י':
			switch {
			case i == 0:
				consonant("y")
			case rs[i-1] == 'י' && (i+1 == len(rs) || strings.ContainsRune("אהוע", rs[i+1])):
				// A doubled yod before a vowel letter is the consonant y
				// after an i (הנייה, Haniyeh); before a consonant it is
				// the ei of Yiddish and German names (וייס, Weiss).
				consonant("y")
			default:
				vowel("i")
			}
		case r == 'ה' && i == len(rs)-1 && i > 0:
			vowel("e")
		case r == 'א' || r == 'ע':
			vowel("a")
		default:
			if s, ok := hebrewLetters[r]; ok {
				consonant(s)
			} else if r < unicode.MaxASCII {
				b.WriteRune(r)
				prevConsonant = false
			}
		}
	}
	return b.String()
}
