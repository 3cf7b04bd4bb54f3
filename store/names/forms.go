package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"iter"
	"slices"
	"strings"
	"sync"
)

// The table of East Slavic given names is vigie's own (see its header):
// no maintained library pairs Russian, Ukrainian and Belarusian forms of
// a name, and sanctions and police records name the same person in all
// three — Sergey in a Russian passport, Serhii in a Ukrainian register,
// Siarhei in a Belarusian one.
//
//go:embed data/eastslavic.txt
var eastSlavic []byte

// The Korean surname table pairs the spellings of North and South Korean
// sources (Ri, Lee; Pak, Park) for the same reason.
//
//go:embed data/korean.txt
var koreanSurnames []byte

// The Chinese surname table pairs the pinyin of the characters with the
// Wade-Giles, Cantonese and Hokkien spellings (Zhang, Chang, Cheung).
//
//go:embed data/chinese.txt
var chineseSurnames []byte

// The South Asian family-name table pairs the Bengali names with their
// anglicised forms (Bandyopadhyay, Banerjee) and the like; see its header.
//
//go:embed data/southasian.txt
var southAsianNames []byte

// The Arabic given-name table pairs the vocalisations sources choose
// (Omar, Umar; Said, Saeed; Daud, Dawood) and tells look-alike names
// apart (Hasan, Husayn); see its header.
//
//go:embed data/arabic.txt
var arabicNames []byte

// The table of European given names pairs the forms one name takes in
// the languages of Europe (William, Guillermo, Wilhelm; László,
// Ladislaus, Władysław), which no spelling rule reaches; see its header.
//
//go:embed data/european.txt
var europeanNames []byte

// formTable maps each form of a name (an East Slavic given name, a Korean
// or Chinese surname) to the name (line) it is a form of, and each
// patronymic stem to the given names it derives from.
type formTable struct {
	forms     map[string]int32
	stems     map[string][]int32
	canonical []string
	// distinct says, by name, whether a form of it and a form of another
	// listed name are two names (Olga, Oleg) — true of the East Slavic
	// given names, not of the Korean and Chinese surnames.
	distinct []bool
	// europeanFrom is the first name of the European table's own lines,
	// arabicFrom the first of the Arabic table, read last.
	europeanFrom, arabicFrom int32
	// eastSlavicTo is the first name after the East Slavic table's.
	eastSlavicTo int32
}

var languageForms = sync.OnceValue(func() formTable {
	t := formTable{forms: map[string]int32{}, stems: map[string][]int32{}}
	t.read(eastSlavic, true)
	t.eastSlavicTo = int32(len(t.canonical))
	t.read(koreanSurnames, false)
	t.read(chineseSurnames, false)
	t.read(southAsianNames, false)
	t.read(latinVariants(myanmarTable), false)
	t.europeanFrom = int32(len(t.canonical))
	t.extend(europeanNames)
	t.arabicFrom = int32(len(t.canonical))
	t.read(arabicNames, true)
	return t
})

func (t *formTable) read(data []byte, distinct bool) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		g := int32(len(t.canonical))
		for i, f := range strings.Fields(line) {
			if i == 0 {
				t.canonical = append(t.canonical, f)
				t.distinct = append(t.distinct, distinct)
			}
			stem, isStem := strings.CutPrefix(f, "~")
			if !isStem {
				if _, dup := t.forms[f]; !dup { // a form on two lines keeps its first
					t.forms[f] = g
				}
			}
			if c := stemCore(stem); distinct && !slices.Contains(t.stems[c], g) {
				t.stems[c] = append(t.stems[c], g)
			}
		}
	}
}

// extend reads a table whose lines may add forms to a name already
// listed (Peter, Pedro to the East Slavic Pyotr): a line holding a listed
// form joins that name, and keeps its distinct; any other line is a name
// of its own that tells no names apart. A form listed under another name
// keeps that name (TestEuropeanFormsJoinOneName finds none).
func (t *formTable) extend(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		g := int32(-1)
		for _, f := range fs {
			if h, ok := t.forms[f]; ok {
				g = h
				break
			}
		}
		if g < 0 {
			g = int32(len(t.canonical))
			t.canonical = append(t.canonical, fs[0])
			t.distinct = append(t.distinct, false)
		}
		for _, f := range fs {
			if _, dup := t.forms[f]; !dup {
				t.forms[f] = g
			}
		}
	}
}

// arabicGivenName reports whether tok is a spelling of a name of the
// Arabic given-name table (data/arabic.txt).
func arabicGivenName(tok string) bool {
	return givenName(tok) >= languageForms().arabicFrom
}

// europeanOrUnlisted reports whether w is a name of the European
// table's own lines, or of no table.
func europeanOrUnlisted(w *word) bool {
	t := languageForms()
	return w.group < 0 || w.group >= t.europeanFrom && w.group < t.arabicFrom
}

// westernGivenName reports whether tok is a European or East Slavic given
// name, of the form tables or of the English nickname tables (Serge,
// Emmanuel, Maria).
func westernGivenName(tok string) bool {
	if englishGivenName(tok) {
		return true
	}
	t := languageForms()
	g := givenName(tok)
	return g >= 0 && (g < t.eastSlavicTo || g >= t.europeanFrom && g < t.arabicFrom)
}

// givenName returns the line of the table tok is a form of, -1 when tok
// is not listed.
func givenName(tok string) int32 {
	if g, ok := languageForms().forms[tok]; ok {
		return g
	}
	return -1
}

// canonicalForm returns the canonical form of a given name listed in the
// table (Serhii → sergey), or "" when tok is not listed.
func canonicalForm(tok string) string {
	if g := givenName(tok); g >= 0 {
		return languageForms().canonical[g]
	}
	return ""
}

// CanonicalKey is TokenKey of a token's canonical form when the token is a
// listed form of a given name (Serhii and Sergey key alike; see listedForm), of its English
// reading when it is spelt as another European language romanises Russian
// (europeReading: Sjtjerbakov, Szczerbakow and Shcherbakov key alike),
// TokenKey of the token otherwise. Index keys built from pairs of words
// use it, so that a pair reaches the records whose words are other forms
// of the same names.
func CanonicalKey(tok string) string {
	if c := listedForm(tok); c != "" {
		return TokenKey(c)
	}
	if r := europeReading(tok); r != "" {
		return TokenKey(r)
	}
	return TokenKey(tok)
}

// CanonicalKeyAt is CanonicalKey of the name's token i, reading a Korean
// name's McCune–Reischauer syllable with j (mrReading: Kim Chong Il and
// Kim Jong Il pair alike).
func (n Name) CanonicalKeyAt(i int) string {
	t := n.Tokens[i]
	if j := mrReading(n.word(i), t); j != "" {
		t = j
	}
	return CanonicalKey(t)
}

// SharesWord reports whether a word of n and a word of o have one key
// (TokenKey or a fold key) or are forms of one listed name: a cheap test
// that two names may be alike, for names a comparison reaches only that
// way (match.MaxNames).
func (n Name) SharesWord(o Name) bool {
	for i := range n.Tokens {
		x := n.word(i)
		for j := range o.Tokens {
			y := o.word(j)
			if x.key != "" && x.key == y.key || x.group >= 0 && x.group == y.group ||
				slices.Contains(x.folds, y.key) || slices.Contains(y.folds, x.key) {
				return true
			}
		}
	}
	return false
}

// Truncated reports whether short is long cut before its last word, as
// the name is said: short's words meet long's first words, one for one and
// in order, and long's last word meets none of them (Amir Khan and Amir
// Khan Muttaqi, Ahmed Abdi and Ahmed Abdi Godane). Such a short name is a
// given name and a father's, or a compound given name, that many people
// bear, the longer name's bearer among them. A name that skips a word
// (Maikel Moreno, Maikel José Moreno Pérez) is a given name and a surname;
// a last word a word of short ends with is a given name written apart
// (Wang Junzheng, 王君正: wang jun zheng); a patronymic last (Medvedchuk
// Viktor Volodymyrovych, as a Ukrainian register orders it) is a middle
// name moved, not a surname cut.
func Truncated(short, long Name) bool {
	m, k := min(len(long.Tokens), maxAlign), len(short.Tokens)
	if m <= k || k == 0 {
		return false
	}
	var said [maxAlign]int
	long.order(said[:m])
	meets := func(i, j int) bool { return wordsMeet(long.word(i), short.word(j), .8) }
	for j := range k {
		if !meets(said[j], j) {
			return false
		}
	}
	last := long.Tokens[said[m-1]]
	if _, _, ok := patronymic(last); ok {
		return false
	}
	for j := range k {
		if meets(said[m-1], j) || len(last) >= 2 && strings.HasSuffix(short.Tokens[j], last) {
			return false
		}
	}
	return true
}

// MiddleAdded reports whether long is short with words added between its
// first and last, as the names are said: Mehmed Can Yilmaz and Mehmed
// Yilmaz, John Michael Smith and John Smith.
func MiddleAdded(short, long Name) bool {
	ls, ss, m, k := saidLonger(short, long)
	if m == 0 {
		return false
	}
	if k == 2 && !slices.ContainsFunc(ls[1:m-1], func(i int) bool { return long.Tokens[i] != "van" && long.Tokens[i] != "thi" }) {
		// Every word added a Vietnamese middle name of sex: Nguyen Hung is
		// Nguyen Van Hung written short. Van says a man, and names no son.
		return false
	}
	return wordsMeet(long.word(ls[0]), short.word(ss[0]), .8) && wordsMeet(long.word(ls[m-1]), short.word(ss[k-1]), .8)
}

// FirstAdded reports whether long is short with words added before its
// first, as the names are said: Hodan Abdirahman Warsame and Abdirahman
// Warsame. Where a name is the given name, the father's and the
// family's (Somali, Arabic, Eritrean names), the shorter is the father's
// own name as much as the longer's bearer written short.
func FirstAdded(short, long Name) bool {
	ls, ss, m, k := saidLonger(short, long)
	if m == 0 {
		return false
	}
	for i := range k {
		if !wordsMeet(long.word(ls[m-k+i]), short.word(ss[i]), .8) {
			return false
		}
	}
	return !wordsMeet(long.word(ls[0]), short.word(ss[0]), .8)
}

// saidLonger orders the words of long and of short as the names are
// said, and gives their counts m and k (within maxAlign); m is 0 when long
// is not the longer or short has fewer than two words.
func saidLonger(short, long Name) (ls, ss [maxAlign]int, m, k int) {
	m, k = min(len(long.Tokens), maxAlign), min(len(short.Tokens), maxAlign)
	if m <= k || k < 2 {
		return ls, ss, 0, 0
	}
	long.order(ls[:m])
	short.order(ss[:k])
	return ls, ss, m, k
}

// wordsMeet reports whether x and y are alike at bar or better
// (tokenSimW).
func wordsMeet(x, y *word, bar float64) bool {
	s, _ := tokenSimW(x, y)
	return s >= bar
}

// listedForm is canonicalForm of tok or, when tok is not listed, of its
// reading in another European romanisation that is (Siergiej, Szergej,
// Sergejs, Sergejus → sergey): a reading is trusted only when it lands on
// a listed name.
func listedForm(tok string) string {
	if c := canonicalForm(tok); c != "" {
		return c
	}
	base := europeBase(tok)
	if base != tok {
		if c := canonicalForm(base); c != "" {
			return c
		}
	}
	for _, r := range europeFolds(base) {
		if c := canonicalForm(r); c != "" {
			return c
		}
	}
	return ""
}

// word is a token prepared for tokenSim: its keys and what the table of
// East Slavic names says of it. Parse prepares the words of a name once.
type word struct {
	s, key string
	// folds are the token's foldKeys.
	folds []string
	// group is the name the token is a form of (givenName), -1 none;
	// distinct whether that name's forms are told apart from other names'.
	group    int32
	distinct bool
	// korean says the word's name holds a Korean surname (markKorean).
	korean bool
	// wadeGiles says the word's name is read in pinyin too (markWadeGiles).
	wadeGiles bool
	// somali says the word is read the English way too (markSomali), and
	// uzbek says so of a word in Uzbek's Latin letters (markUzbek).
	somali, uzbek bool
	// pinyin says the word's name is written in pinyin (markPinyin),
	// vietnamese that it reads as a Vietnamese name (markVietnamese).
	pinyin, vietnamese bool
	// hebrew says the word was read from Hebrew letters, whose vowels are
	// guessed (markHebrew); georgian that its name is in Georgian letters,
	// which end a foreign name with the nominative i (georgianNominative);
	// arabic that its name is in Arabic-script letters, which write no
	// short vowel (arabicMeets).
	hebrew, georgian, arabic bool
	// bengali says the word was read from Bengali letters, whose জ is a
	// j or, in names from Arabic and Persian, a z (bengaliZ); tamil from
	// Tamil letters, which write no aspiration (tamilSpelling).
	bengali, tamil bool
	// bv says the word was read from Bengali or Oriya letters, whose ব
	// (ବ) writes both b and v (নবীন, ନବୀନ: Nabin, Naveen), or from
	// Devanagari, whose व Nepali and eastern Indian names write b (वीर
	// विक्रम, Bir Bikram; विनोद, Binod).
	bv bool
	// cyrKorean says the word was read from a Korean name in Cyrillic
	// letters or in katakana, whose н and ン are a final n or ng
	// (cyrKoreanFinal); cyrillic that
	// its name is in Cyrillic letters, whose ц a Latin c may be (centralC).
	cyrKorean, cyrillic bool
	// greek says the word's name is in Greek letters, which write a
	// foreign name's g, b, d, j and y as γκ, μπ, ντ, τζ and γ (greekForeign).
	greek bool
	// schwa says the word was read from Devanagari, Gurmukhi or Gujarati,
	// which keep the a after a final cluster that a foreign name does not
	// say (अलेक्सांद्र aleksandra, Aleksandr: clusterSchwa).
	schwa bool
	// kartvelian says the word's name is a Georgian's: in Georgian letters,
	// or with a Georgian family name (georgianFamily), whose given name
	// Latin spellings write with or without the nominative i (Otar, Otari).
	kartvelian bool
	// caron says the word's name was written with a caron or cedilla
	// letter or in Cyrillic, read with an h (caronText): Ž is zh here, z
	// where a source drops the caron, and the word is indexed both ways.
	caron bool
	// transcribed says the word is a foreign name read from a script
	// that transcribes it (markTranscribed), and which (a byte, not a
	// pointer: millions of words stay cached).
	transcribed script
	// pat describes a patronymic; nil for any other token. (Millions of
	// prepared words stay in the resolver's cache: what most do not need
	// is kept behind a pointer.)
	pat *patronym
	// armenian says the word's name holds an Armenian surname
	// (markArmenian), whose Russian forms drop its h (Ovanes, Hovhannes);
	// uyghur that its name is in Uyghur's Arabic letters, which, unlike
	// Arabic's and Persian's, write every vowel (abjadRead); arabLatin
	// that its name is an Arab's in Latin letters (arabLatinName), whose
	// vowels a transcription may write otherwise (transcribedArabSim).
	armenian, uyghur, arabLatin bool
	// sig is a hash of the word's marks and folds (memo.go), 0 until seal.
	sig uint64
}

// patronym is a patronymic's stem, the stem's TokenKey and its sex.
type patronym struct {
	stem, stemKey string
	female        bool
}

func newWord(s string) word {
	key := TokenKey(s)
	forms := foldForms(s)
	w := word{s: s, key: key, folds: keysOf(forms, s, key), group: givenName(s)}
	if n := len(s); w.group < 0 && n >= 4 && s[n-1] == 'h' && isVowel(s[n-2]) {
		w.group = givenName(s[:n-1]) // a final h after a vowel is silent: Usamah is Usama
	}
	if w.group >= 0 {
		w.distinct = languageForms().distinct[w.group]
	}
	// A patronymic in another romanisation (Nikolajevitj, Jurjewicz,
	// Nyikolajevics) is read in the English one.
	stem, female, ok := patronymic(s)
	// (Every patronymic spelling that needs a fold holds a v or a w.)
	for i := 0; !ok && i < len(forms) && len(s) >= 7 && strings.ContainsAny(s, "vw"); i++ {
		stem, female, ok = patronymic(forms[i])
	}
	if ok {
		w.pat = &patronym{stem, TokenKey(stem), female}
	}
	return w
}

// patronymicSuffixes are the endings of Russian, Ukrainian and Belarusian
// patronymics, longest first, with the sex they mark. The forms without
// their last letter are ISO 9 romanisations that lost a diacritic
// (Jurijovyč → jurijovyc); -ovici is the Romanian spelling (Nikolaevici).
// Other languages' spellings are read through their folds (newWord).
var patronymicSuffixes = []struct {
	suffix string
	female bool
}{
	{"ovich", false}, {"evich", false}, {"ovych", false}, {"evych", false}, {"avich", false},
	{"ovici", false}, {"evici", false}, {"ovic", false}, {"evic", false}, {"ovyc", false}, {"avic", false},
	{"ovna", true}, {"evna", true}, {"ivna", true}, {"auna", true}, {"ichna", true},
	// Kazakh and Kyrgyz write the father's name with -ұлы, -уулу (son) and
	// -қызы, -кызы (daughter) glued to it where Russian writes -ovich,
	// -ovna (Нұрсұлтанқызы, Nursultanovna; Әбішұлы, Abishevich).
	{"kyzy", true}, {"qyzy", true}, {"uulu", false}, {"uly", false},
}

// patronymic splits a patronymic into the stem of the father's name and
// the sex it marks. ok is false for a token that is no patronymic.
func patronymic(t string) (stem string, female, ok bool) {
	for _, s := range patronymicSuffixes {
		if len(t) >= len(s.suffix)+3 && strings.HasSuffix(t, s.suffix) {
			return stemCore(t[:len(t)-len(s.suffix)]), s.female, true
		}
	}
	return "", false, false
}

// stemCore drops the vowels and glides a name or stem ends in (Sergey →
// serg, Serhii → serh, Mykola → mykol), so a stem compares with the name
// it was built from whatever linking letters each language puts before the
// patronymic suffix. It keeps at least two letters.
func stemCore(s string) string {
	for len(s) > 2 && strings.IndexByte("aeiouyj", s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	return s
}

// patronymicPair compares two words. same reports whether both are
// patronymics of one sex built on forms of one name (Sergeyevich,
// Serhiiovych, Siarheevich; Pavlovna, Paulauna); opposite whether they are
// built on one name for the two sexes (Ivanovich, Ivanovna).
func patronymicPair(a, b *word) (same, opposite bool) {
	pa, pb := a.pat, b.pat
	if pa == nil || pb == nil {
		return false, false
	}
	alike := pa.stem == pb.stem || pa.stemKey == pb.stemKey
	if !alike {
		t := languageForms()
		for _, g := range t.stems[pa.stem] {
			alike = alike || slices.Contains(t.stems[pb.stem], g)
		}
	}
	if !alike {
		return false, false
	}
	return pa.female == pb.female, pa.female != pb.female
}

// FathersApart reports whether the names of one person, as, and of
// another, bs, name their fathers otherwise: each side writes a
// patronymic (Olegovich), and none of one side's is one of the other's,
// in any romanisation (Olehovych) or with a slip or two. Pyotr Olegovich Tolstoy
// is not Pyotr Andreyevich Tolstoy, nor Ivan Ivanovich Ivan Ivanovna's
// brother her; a record that names one of them without the patronymic
// (Petr Tolstoy) says nothing either way.
func FathersApart(as, bs []Name) bool {
	seenA, seenB := false, false
	for x := range patronymicWords(as) {
		seenA = true
		for y := range patronymicWords(bs) {
			seenB = true
			if sameFather(x, y) {
				return false
			}
		}
	}
	return seenA && seenB
}

// patronymicWords yields the patronymic words of ns in place, gathering
// no slice: Compare asks FathersApart of every pair of records. A name of
// two words holds none: its -ovich is the family's (Roman Abramovich), as
// the Serbian and Montenegrin -ović always is (Milo Đukanović, Мило
// Џукановић, written Dzhukanovich in Russian: two spellings, not two
// fathers).
func patronymicWords(ns []Name) iter.Seq[*word] {
	return func(yield func(*word) bool) {
		for _, n := range ns {
			if len(n.Tokens) < 3 {
				continue
			}
			for i := range n.words {
				if n.words[i].pat != nil && !yield(&n.words[i]) {
					return
				}
			}
		}
	}
}

// sameFather reports whether two patronymics name one father: forms of
// one name for one sex, or two slips or another romanisation of one
// (Konstantinovich, Kostiantynovych: 0.70); Eduardovich and Viktorovich,
// Ivanovich and Ivanovna score far below.
func sameFather(x, y *word) bool {
	if same, _ := patronymicPair(x, y); same {
		return true
	}
	s, kind := tokenSimW(x, y)
	return s >= .7 && kind != kindDifferent
}

// FatherNamesApart reports whether two records name the person's father
// otherwise (FtM's fatherName, parsed; as for one record, bs for the
// other): each gives one, and in every pairing a word of the shorter has
// no counterpart in the longer. Muhammad Umar son of Ghulam Rasool is not
// Mullah Omar son of Ghulam Nabi, nor Imran Khan son of Gul Zaman the one
// son of Ikramullah Khan Niazi. A fuller or a shorter writing of one name
// (Abdul Ahad, Abdul Ahad Karzai), another spelling (Rasool, Rasul) and
// the patronymic made of the name (Ivanovich, Ivan) agree; a record that
// names no father says nothing.
func FatherNamesApart(as, bs []Name, w Weights) bool {
	compared := false
	for _, x := range as {
		for _, y := range bs {
			if len(x.Tokens) == 0 || len(y.Tokens) == 0 {
				continue
			}
			compared = true
			if Similarity(x, y, w).Different == 0 || patronymOf(x, y) || patronymOf(y, x) {
				return false
			}
		}
	}
	return compared
}

// FatherNamedApart reports whether one record's father's names (fathers,
// FtM's fatherName, parsed) and another record's names (ns) name two
// fathers: ns write patronymics (Vitaliy Serhiyovych Melnyk) and none is
// made of a word of a father's name (Oleh) nor is one of its patronymics
// (a fatherName of Olehovych). No father or no patronymic says nothing.
func FatherNamedApart(fathers, ns []Name) bool {
	if len(fathers) == 0 {
		return false
	}
	seen := false
	for x := range patronymicWords(ns) {
		seen = true
		for _, f := range fathers {
			for j := range f.words {
				// A father's name given as the patronymic itself
				// (fatherName Nikolayevich) is compared as one.
				if v := &f.words[j]; v.pat != nil && sameFather(v, x) || v.pat == nil && stemOf(v, x.pat) {
					return false
				}
			}
		}
	}
	return seen
}

// stemOf reports whether v is a form of the name patronymic p is made of:
// its stem, in any romanisation the table knows (Oleh, Oleg for Olehovych;
// Sergei, Serhiy for Serhiyovych), or a slip away.
func stemOf(v *word, p *patronym) bool {
	if stemSpelled(v, p) {
		return true
	}
	c := stemCore(v.s)
	if c == p.stem || TokenKey(c) == p.stemKey {
		return true
	}
	t := languageForms()
	for _, g := range t.stems[c] {
		if slices.Contains(t.stems[p.stem], g) {
			return true
		}
	}
	return false
}

// stemSpelled reports whether v is the stem of patronymic p as written, or
// a slip away (Ivan for Ivanovich).
func stemSpelled(v *word, p *patronym) bool {
	return v.key == p.stemKey || JaroWinkler(v.s, p.stem) >= .9
}

// patronymOf reports whether a word of x is a patronymic made of a word
// of y (Ivanovich, Ivan; Olehovych, Oleg).
func patronymOf(x, y Name) bool {
	for i := range x.words {
		p := x.words[i].pat
		if p == nil {
			continue
		}
		for j := range y.words {
			if v := &y.words[j]; v.pat == nil && stemSpelled(v, p) {
				return true
			}
		}
	}
	return false
}

// GenerationsApart reports whether the names of one person, as, and of
// another, bs, say they are of two generations: each side writes a
// generation (Jr., Sr., II) on some name, and none of one side's is one of
// the other's. William Bradford Bishop Jr., also listed as William
// Bradford Bishop, is not William Bradford Bishop Sr.; a record naming no
// generation says nothing either way.
func GenerationsApart(as, bs []Name) bool {
	seenA, seenB := false, false
	for _, x := range as {
		if x.Generation == "" {
			continue
		}
		seenA = true
		for _, y := range bs {
			if y.Generation == "" {
				continue
			}
			seenB = true
			if x.Generation == y.Generation {
				return false
			}
		}
	}
	return seenA && seenB
}

// SaysKin reports whether ns hold what GenerationsApart or FathersApart
// read: a generation (Sr., Jr.) or a patronymic. Without one, neither can
// say two people apart.
func SaysKin(ns []Name) bool {
	for _, n := range ns {
		if n.Generation != "" {
			return true
		}
	}
	for range patronymicWords(ns) {
		return true
	}
	return false
}

// SurnamesApart reports whether two records write a person's two
// surnames, before a comma (ZAMBADA GARCIA, Ismael), with the same first
// surname and never the same second: the Spanish second surname is the
// mother's, and two of them are two mothers' children (ZAMBADA IMPERIAL,
// Ismael, the son of ZAMBADA GARCIA, Ismael). A second surname spelt
// otherwise or mistyped is the same; a record that writes no two surnames
// so says nothing.
func SurnamesApart(as, bs []Name) bool {
	seen, agree := false, false
	for _, x := range as {
		x1, x2, ok := twoSurnames(x)
		if !ok {
			continue
		}
		for _, y := range bs {
			y1, y2, ok := twoSurnames(y)
			if !ok || !sameSurname(x1, y1) {
				continue
			}
			seen = true
			agree = agree || sameSurname(x2, y2)
		}
	}
	return seen && !agree
}

// twoSurnames returns the two words of a name written with exactly two
// before its comma, neither a particle.
func twoSurnames(n Name) (first, second string, ok bool) {
	if n.comma != 2 || len(n.Tokens) < 3 || particles[n.Tokens[0]] || particles[n.Tokens[1]] {
		return "", "", false
	}
	return n.Tokens[0], n.Tokens[1], true
}

// sameSurname says whether two words are one surname: the same key, or
// a typo apart.
func sameSurname(a, b string) bool {
	return a == b || TokenKey(a) == TokenKey(b) || JaroWinkler(a, b) >= .88
}

// patronymicOfSurname reports whether a is a patronymic and b, no
// patronymic, a surname made from the same father's name (Ivanovna,
// Ivanova; Petrovich, Petrov): one letter or two apart, two words.
func patronymicOfSurname(a, b *word) bool {
	return a.pat != nil && b.pat == nil && len(a.pat.stem) >= 3 && strings.HasPrefix(b.s, a.pat.stem) && len(b.s) < len(a.s)
}

// bareFatherName reports whether a is a patronymic and b, no patronymic,
// the father's name it is made of, as Kyrgyz, Kazakhs and Tajiks write it
// once the Russian ending is dropped (Kamchybek Asanbekovich, Kamchybek
// Asanbek): the stem of five letters or more, so that a short given name
// (Ivan against Ivanovich) is not read so.
func bareFatherName(a, b *word) bool {
	return a.pat != nil && b.pat == nil && len(a.pat.stem) >= 5 && b.s == a.pat.stem
}

// kazakhSurname reports whether a is a father's name with the Kazakh -ұлы
// or -қызы glued to it (Satybaldyuly), which Kazakhs write in the place of
// the surname Russian made of the father's name, and b that name without
// it or in its Russian form (Satybaldy, Satybaldiyev): one surname.
func kazakhSurname(a, b *word) bool {
	if a.pat == nil || b.pat != nil || len(a.pat.stem) < 3 {
		return false
	}
	if !strings.HasSuffix(a.s, "uly") && !strings.HasSuffix(a.s, "kyzy") && !strings.HasSuffix(a.s, "qyzy") {
		return false
	}
	o := b.s
	for _, end := range []string{"iyeva", "yeva", "eva", "ova", "iyev", "yev", "ev", "ov"} {
		if len(o) >= len(end)+3 && strings.HasSuffix(o, end) {
			o = o[:len(o)-len(end)]
			break
		}
	}
	return stemCore(o) == a.pat.stem
}

// bekName reports whether a is a Central Asian given name in -bek (the
// Turkic title glued to it: Kamchybek, Almazbek) and b that name without
// it, as the man is called (Kamchy, Almaz): one given name. The stem keeps
// four letters, and b must not be a patronymic (Asanbekovich).
func bekName(a, b *word) bool {
	stem, ok := strings.CutSuffix(a.s, "bek")
	return ok && len(stem) >= 4 && stem == b.s && b.pat == nil
}

// iso9Fold writes the consonants that ISO 9 romanises with a diacritic
// the way they read once the diacritic is lost (Ž → z, Č → c, Š → s,
// Х → h), so that Zuravlova and Zhuravleva, Sevcenko and Shevchenko
// compare alike.
func iso9Fold(t string) string {
	if !strings.Contains(t, "h") {
		return t
	}
	return iso9Replacer.Replace(t)
}

var iso9Replacer = strings.NewReplacer("shch", "s", "zh", "z", "ch", "c", "sh", "s", "kh", "h")
