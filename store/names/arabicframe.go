package names

import (
	"strings"
	"unicode"
)

// Arabic letters write a name's consonants and long vowels and leave out
// its short vowels and doubled letters; the Latin spellings of one name
// then differ in what the letters leave open — the short vowels (وفيق
// wfiq, Wafiq), the sound of a letter where Arabic's dialects part (ق q,
// said g in Sudan and the Gulf and k in the Maghreb: دقلو dqlu, Dagalo;
// Wafic), a long vowel's colour (كوشيب kushib, Kosheib). arabicMeets
// compares a word read from Arabic letters with a Latin one on what the
// letters do say. Written for vigie: the readings are vigie's own
// (arabicLetterWord), and so are the letters' Latin spellings below.

// arabicName reports whether every letter of s is an Arabic-script one
// (Arabic, Persian, Urdu, Pashto): a name mixing scripts is not. The
// Arabic block begins at U+0600, D8 80 in UTF-8.
func arabicName(s string) bool { return writtenIn(s, 0xD8, unicode.Arabic) }

// arabicSpellings are the Latin spellings of each consonant of a reading
// from Arabic letters (arabicLetters, persianLetters), beside itself:
// the letters whose sound dialects or romanisations part. A letter not
// here is spelt only as itself.
var arabicSpellings = map[string][]string{
	"q":  {"q", "k", "c", "g", "gh"},    // ق: Qasim, Kasim; Wafic; Dagalo
	"k":  {"k", "c", "q"},               // ك, ک: Karim, Carim
	"kh": {"kh", "h", "x", "ch", "k"},   // خ: Khalid, Halid, Xalid, Chalid
	"gh": {"gh", "g", "r"},              // غ: Ghani, Gani; the French r (Rhali)
	"j":  {"j", "dj", "g", "zh", "dzh"}, // ج: Jamal, Djamel, Gamal
	"sh": {"sh", "ch", "sch", "s", "x"}, // ش: Shukri, Choukri, Schukri; pinyin's and Portuguese x
	"th": {"th", "t", "s"},              // ث: Thabit, Tabet, Sabit
	"dh": {"dh", "z", "d", "th"},        // ذ: Dhikr, Zikr
	"z":  {"z", "dh", "s"},              // ظ, ز: Zahir, Dhahir
	"d":  {"d", "dh", "z"},              // ض: Dirar, Dhirar; Persian's z (Ramazan, Zarrab)
	"s":  {"s", "ss", "c"},              // ص: Saleh, Salih; the French c (Cherif's ç)
	"t":  {"t", "th"},                   // ط: Tariq, Thariq
	"w":  {"w", "v", "ou", "u"},         // و: Walid, Valid, Oualid
	"v":  {"v", "w"},                    // Persian و: Navid, Nawid
	"y":  {"y", "i", "j"},               // ي: Yusuf, Iusuf, Jusuf
	"f":  {"f", "ph", "v"},              // ف; a foreign v (فلاديمير, Vladimir; لاوروف, Lavrov)
	"p":  {"p", "b"},                    // پ, written ب by Arabic sources
	"b":  {"b", "p"},                    // ب for a foreign p (بينغ, Ping; بوتين, Putin)
	// Two letters for one foreign sound: تس the German z (شولتس, Scholz)
	// and ts, تش ch (تشافيز, Chávez; تشيانغ, pinyin's Qiang), كس x.
	"ts":  {"ts", "tz", "z", "c"},
	"ks":  {"ks", "x", "cs"}, // كس for x (ألكسندر, Alexander)
	"tsh": {"tsh", "ch", "tch", "tsch", "c", "q", "cz"},
	"ch":  {"ch", "tch", "tsh", "c"}, // چ
	"zh":  {"zh", "j", "z"},          // ژ
}

// arabicDigraphs are the readings of one Arabic letter in two Latin ones.
// (and tsh, ts, ks: two letters for one foreign sound), tried before the
// letters one by one.
var arabicDigraphs = []string{"tsh", "ts", "ks", "kh", "gh", "sh", "th", "dh", "ch", "zh"}

// arabicMeets reports whether f, a word read from Arabic letters, can be
// the Latin word l: each consonant of f spelt in l by one of its
// arabicSpellings, each long vowel of f met by a vowel of l of its colour
// (a ya by an i, e or y; a waw by a u or o; an alef or ain by any), and
// nothing else in l but a short vowel between two consonants, a doubled
// consonant, or a final h after a vowel (Fatimah). Three consonants at
// least must meet, or two with no short vowel added: fewer are shared by
// too many names (سيد sayed, Saeed).
func arabicMeets(f, l string) bool {
	if len(f) < 3 || len(l) < 3 || len(f) > maxFrameWord || len(l) > maxFrameWord {
		return false
	}
	if frameMeets(f, l) {
		return true
	}
	if f[len(f)-1] == 'a' && len(l) >= 4 && l[len(l)-1] == 't' && isVowel(l[len(l)-2]) {
		// A final ta marbuta (read a) is said t where the name is read in
		// construct or as Persian, Turkish and Urdu say it: حياة Hayat,
		// عزة Izzat, رحمة Rahmat, نصرة Nusrat.
		return arabicMeets(f+"t", l)
	}
	// A ya or waw is read as the vowel it mostly is; it may be the
	// consonant (ميسر misr, Muyassar; قوام qwam read quam, Qawam; معاوية
	// maauia, Muawiya, whose waw and ya are both): each such letter
	// inside the word is tried as y or w, alone and then with one other,
	// three letters at most.
	var glides [3]int
	n := 0
	for p := 1; p+1 < len(f) && n < len(glides); p++ {
		if f[p] == 'i' || f[p] == 'u' {
			glides[n] = p
			n++
		}
	}
	buf := []byte(f)
	asConsonant := func(p int) {
		if f[p] == 'i' {
			buf[p] = 'y'
		} else {
			buf[p] = 'w'
		}
	}
	for a := range n {
		asConsonant(glides[a])
		if frameMeets(string(buf), l) {
			return true
		}
		for b := a + 1; b < n; b++ {
			asConsonant(glides[b])
			if frameMeets(string(buf), l) {
				return true
			}
			buf[glides[b]] = f[glides[b]]
		}
		buf[glides[a]] = f[glides[a]]
	}
	return false
}

// maxFrameWord bounds the words arabicMeets compares: the search visits
// up to four states for each pair of their letters, and no word of a name
// is this long (a 500-letter word against another would cost a million).
const maxFrameWord = 48

// frameMeets is arabicMeets of f as read.
func frameMeets(f, l string) bool {
	// Each state is visited once (a failed one stays failed), so the
	// search is bounded by the product of the lengths.
	m := frameMatcher{f: f, l: l, failed: map[[3]int]bool{}, need: 3}
	if m.match(0, 0, 0) {
		return true
	}
	// Two consonants are enough when the Latin adds no vowel the letters
	// do not write, only spells theirs (فوز fuz, Foz; المولى almula,
	// al-Mawla; نور nur, Noor).
	m = frameMatcher{f: f, l: l, failed: map[[3]int]bool{}, need: 2, strict: true}
	if m.match(0, 0, 0) {
		return true
	}
	// A word ending in a long i or u that the Latin spells with two
	// vowels is most often one that ended in an ain, which the reading
	// drops (سريع sri, Saree, Sarea; بديع bdi, Badee; جديع jdi, Juday):
	// its two consonants are three, and a short vowel may be added.
	if n := len(l); n >= 4 && (f[len(f)-1] == 'i' || f[len(f)-1] == 'u') && latinVowelAt(l, n-1) && latinVowelAt(l, n-2) {
		m = frameMatcher{f: f, l: l, failed: map[[3]int]bool{}, need: 2}
		return m.match(0, 0, 0)
	}
	return false
}

type frameMatcher struct {
	f, l   string
	failed map[[3]int]bool
	need   int  // the consonants that must meet
	strict bool // no short vowel added between consonants
}

// match says whether f[i:] meets l[j:] with cons consonants of f met so
// far (at most 3 counted: more change nothing).
func (m *frameMatcher) match(i, j, cons int) bool {
	f, l := m.f, m.l
	if i == len(f) {
		if j < len(l) && l[j] == 'h' && j+1 == len(l) && j > 0 && isVowel(l[j-1]) {
			j++ // Fatimah, Fatima
		}
		if j+2 == len(l) && j > 0 && l[j] == l[j-1] && !isVowel(l[j]) && l[j+1] == 'e' {
			j++ // its consonant doubled before it: Boumedienne
		}
		if j+1 == len(l) && l[j] == 'e' && j > 0 && !isVowel(l[j-1]) && l[j-1] != 'y' {
			j++ // French's unsaid final e: Boumediene, Amine; George
		}
		return j == len(l) && cons >= m.need
	}
	state := [3]int{i, j, min(cons, 3)}
	if m.failed[state] {
		return false
	}
	ok := m.step(i, j, cons)
	if !ok {
		m.failed[state] = true
	}
	return ok
}

func (m *frameMatcher) step(i, j, cons int) bool {
	f, l := m.f, m.l
	if j > 0 && j < len(l) && l[j] == l[j-1] && !isVowel(l[j]) && m.match(i, j+1, cons) {
		return true // a consonant doubled in the Latin (Haqqani, حقاني hqani)
	}
	if f[i] == 'a' && i > 0 && !isFrameVowel(f[i-1]) && i+1 < len(f) && j > 0 && j < len(l) && l[j] == 'h' && !latinVowelAt(l, j-1) && m.match(i+1, j+1, cons+1) {
		// An ain between a consonant and what follows, which the reading
		// writes a, spelt h as Lebanese and French spellings do (مرعي
		// mrai, Merhi): the consonant it is.
		return true
	}
	if isFrameVowel(f[i]) {
		// A vowel Arabic writes (or the ain, read a): met by a run of
		// Latin vowels of its colour.
		e := i
		for e < len(f) && isFrameVowel(f[e]) {
			e++
		}
		for k := j; k < len(l); k++ {
			if !latinVowelAt(l, k) {
				break
			}
			if vowelsMeet(f[i:e], l[j:k+1]) && m.match(e, k+1, cons) {
				return true
			}
		}
		if f[i:e] == "u" && j < len(l) {
			// A waw as a vowel is also spelt w and a vowel (داود daud,
			// Dawood), or the diphthong aw, ow before a consonant (شوقي
			// shuqi, Shawqi; Mawlawi).
			if l[j] == 'w' {
				for k := j + 1; k < len(l) && latinVowelAt(l, k); k++ {
					if m.match(e, k+1, cons) {
						return true
					}
				}
			}
			if j+1 < len(l) && (l[j] == 'a' || l[j] == 'o') && l[j+1] == 'w' && (j+2 == len(l) || !isVowel(l[j+2])) && m.match(e, j+2, cons) {
				return true
			}
		}
		return false
	}
	if f[i] == 'h' && i+1 == len(f) && i > 0 {
		// A final he after a consonant is a vowel (زاده zadh, Zada) or
		// silent.
		if j == len(l) && m.match(i+1, j, cons) {
			return true
		}
		for k := j; k < len(l) && latinVowelAt(l, k); k++ {
			if m.match(i+1, k+1, cons) {
				return true
			}
		}
	}
	if i > 0 && f[i] == f[i-1] && m.match(i+1, j, cons) {
		return true // a doubled letter is one, or two (Allah)
	}
	// A short vowel between two consonants, which Arabic does not write:
	// one Latin vowel, or two that spell one (shortVowelPair); two others
	// are a diphthong the letters would write (Hussein's ei is the ya of
	// حسين, which حسن lacks).
	if !m.strict && j > 0 && j < len(l) && i > 0 && !isFrameVowel(f[i-1]) && latinVowelAt(l, j) && !latinVowelAt(l, j-1) {
		for k := j; k < len(l) && latinVowelAt(l, k); k++ {
			if k > j && (k > j+1 || !shortVowelPair(l, j)) {
				break
			}
			if m.consonant(i, k+1, cons) {
				return true
			}
		}
	}
	return m.consonant(i, j, cons)
}

// shortVowelPair reports whether the two Latin vowels at l[j:] can spell
// one short vowel: French's ou and Dutch's oe for a u (Moustafa,
// Soekarno), one vowel doubled (Sayeed), or the u French writes after a g
// or q before a vowel (Guirguis, جرجس).
func shortVowelPair(l string, j int) bool {
	a, b := l[j], l[j+1]
	return a == 'o' && (b == 'u' || b == 'e') || a == b || a == 'u' && j > 0 && (l[j-1] == 'g' || l[j-1] == 'q')
}

// consonant matches the consonant of f at i, read as a digraph or a
// single letter, against a spelling of it at l[j:].
func (m *frameMatcher) consonant(i, j int, cons int) bool {
	f := m.f
	if isFrameVowel(f[i]) {
		return false
	}
	for _, d := range arabicDigraphs {
		if strings.HasPrefix(f[i:], d) && m.spelt(d, i+len(d), j, cons) {
			return true
		}
	}
	return m.spelt(f[i:i+1], i+1, j, cons)
}

// spelt tries each Latin spelling of the letter read c at l[j:], going on
// from f[next:].
func (m *frameMatcher) spelt(c string, next, j, cons int) bool {
	l := m.l
	spellings, ok := arabicSpellings[c]
	if !ok {
		spellings = []string{c}
	}
	for _, s := range spellings {
		if strings.HasPrefix(l[j:], s) && m.match(next, j+len(s), cons+1) {
			return true
		}
	}
	return false
}

// isFrameVowel reports whether c of a reading from Arabic letters is a
// vowel: the reader writes y and w only as consonants.
func isFrameVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// latinVowelAt reports whether l[k] is a vowel: a y is one after a vowel
// and not before one (Kushayb, Sayeed's y is a consonant).
func latinVowelAt(l string, k int) bool {
	switch c := l[k]; {
	case isFrameVowel(c):
		return true
	case c == 'y':
		// ay, ey before a consonant, and a final y after a consonant
		// (Valery, فاليري; Dmitry).
		return k > 0 && isFrameVowel(l[k-1]) && (k+1 == len(l) || !isFrameVowel(l[k+1])) || k > 0 && k+1 == len(l)
	}
	return false
}

// vowelsMeet reports whether the vowels fv read from Arabic letters can
// be spelt lv: an alef or ain (a) any vowel, a ya (i) one holding an i, e
// or y, a waw (u) one holding a u or o.
func vowelsMeet(fv, lv string) bool {
	if strings.ContainsAny(fv, "a") {
		return true
	}
	for _, c := range []byte(fv) {
		switch c {
		case 'i', 'e':
			if strings.ContainsAny(lv, "iey") {
				return true
			}
		case 'u', 'o':
			if strings.ContainsAny(lv, "uo") {
				return true
			}
		}
	}
	return false
}
