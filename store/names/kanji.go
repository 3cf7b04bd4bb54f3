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

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// A Japanese name written in kanji (麻原彰晃) says nothing of its sound:
// go-unidecode reads each character's Chinese pinyin (ma yuan zhang huang),
// while the Latin records of the person write its Japanese reading
// (Asahara Shoko). The reading of a name's characters depends on the name,
// so it takes a dictionary; the IPA dictionary of the kagome morphological
// analyser holds some hundred thousand family and given names with their
// readings (麻原 アサハラ, 彰晃 ショウコウ). KanjiReadings asks it.
//
// The same characters write Chinese names, and Korean ones in hanja, so
// the reading is offered beside the pinyin, never instead of it, and only
// when the dictionary reads the whole name as a person's names, or its
// family name of two or three characters (familyFirst): 習近平 (its 近平
// is a place to the dictionary) and 金正恩 (恩 is a common noun) get none.

// maxKanjiName bounds the characters of a name given to the dictionary,
// and maxKanjiReadings the readings kept of one name.
const (
	maxKanjiName     = 16
	maxKanjiReadings = 3
)

// kanjiDict is the dictionary and its analyser, loaded on the first name
// in kanji (about 90 MiB of memory and two seconds; a store without one
// never pays them). Both are safe for concurrent use.
type kanjiDict struct {
	d   *dict.Dict
	tok *tokenizer.Tokenizer
}

var loadKanjiDict = sync.OnceValues(func() (kanjiDict, error) {
	d := ipa.Dict()
	tok, err := tokenizer.New(d, tokenizer.OmitBosEos())
	return kanjiDict{d: d, tok: tok}, err
})

// KanjiReadings returns the Japanese readings of a name written in kanji
// (and kana), in Hepburn's romanisation without long vowels as Latin
// records write Japanese names (麻原彰晃 → "asahara shoko"), the likeliest
// first and at most maxKanjiReadings; none when s is not such a name or
// the dictionary does not read it as a person's names.
//
// A Japanese name is a family name then a given name, with or without a
// space. Each way of cutting it into a family name and a given name the
// dictionary knows gives the readings it lists for them (土谷正実 is
// Tsuchiya or Tsuchitani Masami; 平田信 Hirata Makoto, Nobu or Shin: a
// given name's characters have many readings, and the record says none).
// A name no such cut reads is given to the analyser, which must read each
// of its parts as a person's name.
func KanjiReadings(s string) []string {
	han, n := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case isKana(r) || unicode.IsSpace(r) || r == '・':
		default:
			return nil
		}
		if n++; n > maxKanjiName {
			return nil
		}
	}
	if han < 2 {
		return nil
	}
	kd, err := loadKanjiDict()
	if err != nil {
		return nil
	}
	s = kanjiVariants.Replace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '・' })
	if rs := kd.cuts(parts); len(rs) > 0 {
		return rs
	}
	var words []string
	for _, part := range parts {
		for _, t := range kd.tok.Tokenize(part) {
			f := t.Features()
			reading, ok := t.Reading()
			if !ok || reading == "" || len(f) < 3 || f[1] != "固有名詞" || f[2] != "人名" {
				return kd.familyFirst(parts)
			}
			words = append(words, japaneseRomaji(reading))
		}
	}
	if len(words) < 2 {
		return nil // a family name alone, or a given name alone
	}
	return []string{strings.Join(words, " ")}
}

// kanjiVariants are the older or variant forms of characters that family
// registers keep (髙山, Takayama; 﨑 in 山﨑) and the dictionary lists under
// the common form.
var kanjiVariants = strings.NewReplacer("髙", "高", "﨑", "崎", "濵", "浜", "邉", "辺", "邊", "辺", "櫻", "桜", "齋", "斎", "齊", "斉", "德", "徳")

// familyFirst reads a name whose family name the dictionary lists but
// whose given name it does not (岡本公三: 公三 is no entry): the family
// name of two or three characters as listed, the given name of one to
// three as the analyser reads its characters, a guess (Kozo comes out
// kosan: the voicing names take is not in the dictionary) that still
// shares the family name with the Latin records. A family name of one
// character is not taken: Chinese and Korean names begin so (習近平,
// 金正恩), and this reading is for Japanese ones.
func (kd kanjiDict) familyFirst(parts []string) []string {
	var family, given []rune
	var fs []kanjiEntry // the family name's readings
	switch len(parts) {
	case 1:
		rs := []rune(parts[0])
		for k := 3; k >= 2 && len(fs) == 0; k-- {
			if k < len(rs) {
				family, given = rs[:k], rs[k:]
				fs = kd.lookup(string(family), "姓")
			}
		}
	case 2:
		family, given = []rune(parts[0]), []rune(parts[1])
		if len(family) >= 2 && len(family) <= 3 {
			fs = kd.lookup(string(family), "姓")
		}
	}
	if len(fs) == 0 || len(given) == 0 || len(given) > 3 {
		return nil
	}
	// The given name as the nanori table reads its characters, then as
	// the analyser does.
	readings := nanoriGiven(given)
	var reading strings.Builder
	for _, t := range kd.tok.Tokenize(string(given)) {
		r, ok := t.Reading()
		if !ok || r == "" || strings.IndexFunc(r, func(c rune) bool { return !isKana(c) }) >= 0 {
			reading.Reset()
			break
		}
		reading.WriteString(r)
	}
	if reading.Len() > 0 {
		readings = slices.Insert(readings, min(1, len(readings)), japaneseRomaji(reading.String()))
	}
	var out []string
	for _, g := range readings {
		if r := fs[0].text + " " + g; !slices.Contains(out, r) && len(out) < maxKanjiReadings {
			out = append(out, r)
		}
	}
	return out
}

//go:embed data/nanori.txt
var nanoriTable []byte

// nanori are the readings of a character in given names (data/nanori.txt):
// anywhere, only after another character, only alone.
type nanori struct{ any, later, alone []string }

var nanoriReadings = sync.OnceValue(func() map[rune]nanori {
	m := map[rune]nanori{}
	sc := bufio.NewScanner(bytes.NewReader(nanoriTable))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f[0])
		n := m[r]
		for _, x := range f[1:] {
			switch x[0] {
			case '-':
				n.later = append(n.later, x[1:])
			case '=':
				n.alone = append(n.alone, x[1:])
			default:
				n.any = append(n.any, x)
			}
		}
		m[r] = n
	}
	return m
})

// nanoriGiven reads a given name of one to three characters by the nanori
// table, the commonest readings first and at most maxKanjiReadings; none
// when a character is not in the table or cannot stand where it stands
// (三 -zo first). 晋三 is Shinzo, 智津夫 Chizuo, 悟 Satoru.
func nanoriGiven(given []rune) []string {
	table := nanoriReadings()
	if len(given) == 0 || len(given) > 3 {
		return nil
	}
	out := []string{""}
	for i, r := range given {
		n, ok := table[r]
		if !ok {
			return nil
		}
		var rs []string
		switch {
		case len(given) == 1:
			rs = append(slices.Clone(n.alone), n.any...)
		case i == 0:
			rs = n.any
		default:
			rs = append(slices.Clone(n.later), n.any...)
		}
		if out = products(out, rs, "", maxKanjiReadings); len(out) == 0 {
			return nil
		}
	}
	return out
}

// cuts reads parts (a name's words) as a family name and a given name the
// dictionary lists: the two words when there are two, else each cut of the
// one word. The readings come likeliest first (by the dictionary's costs).
func (kd kanjiDict) cuts(parts []string) []string {
	var found []kanjiEntry
	try := func(family, given string) {
		for _, f := range kd.lookup(family, "姓") {
			for _, g := range kd.lookup(given, "名") {
				found = append(found, kanjiEntry{f.text + " " + g.text, f.cost + g.cost})
			}
		}
	}
	switch len(parts) {
	case 1:
		rs := []rune(parts[0])
		for k := 1; k < len(rs); k++ {
			try(string(rs[:k]), string(rs[k:]))
		}
	case 2:
		try(parts[0], parts[1])
	}
	slices.SortStableFunc(found, func(a, b kanjiEntry) int { return a.cost - b.cost })
	var out []string
	for _, r := range found {
		if !slices.Contains(out, r.text) && len(out) < maxKanjiReadings {
			out = append(out, r.text)
		}
	}
	return out
}

type kanjiEntry struct {
	text string
	cost int
}

// lookup returns the romanised readings the dictionary lists for word as a
// person's name of the kind given (姓, a family name; 名, a given name).
func (kd kanjiDict) lookup(word, kind string) []kanjiEntry {
	var out []kanjiEntry
	names := kd.d.POSTable.NameList
	for _, id := range kd.d.Index.Search(word) {
		pos := kd.d.POSTable.POSs[id]
		if len(pos) < 4 || names[pos[1]] != "固有名詞" || names[pos[2]] != "人名" || names[pos[3]] != kind {
			continue
		}
		c := kd.d.Contents[id]
		ri := int(kd.d.ContentsMeta[dict.ReadingIndex]) - len(pos)
		if ri < 0 || ri >= len(c) || c[ri] == "" || c[ri] == "*" {
			continue
		}
		out = append(out, kanjiEntry{japaneseRomaji(c[ri]), int(kd.d.Morphs[id].Weight)})
	}
	return out
}

// japaneseRomaji writes a katakana reading of a Japanese name as Latin
// records do: Hepburn's letters, the doubled consonant of ッ kept (ハットリ,
// Hattori; ッチ tch), and the long vowels ou, oo and uu written short
// before a consonant or at the end (ショウコウ Shoko, オオノ Ono, ユウスケ
// Yusuke) but not before a vowel, where they are two syllables (イノウエ,
// Inoue).
func japaneseRomaji(kata string) string {
	parts := strings.Split(kata, "ッ")
	var b strings.Builder
	b.WriteString(readKana(parts[0]))
	for _, p := range parts[1:] {
		r := readKana(p)
		switch {
		case strings.HasPrefix(r, "ch"):
			b.WriteByte('t')
		case r != "" && !isVowel(r[0]):
			b.WriteByte(r[0])
		}
		b.WriteString(r)
	}
	s := b.String()
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		out.WriteByte(s[i])
		if i+1 < len(s) && (s[i] == 'o' && (s[i+1] == 'u' || s[i+1] == 'o') || s[i] == 'u' && s[i+1] == 'u') &&
			(i+2 == len(s) || !strings.ContainsRune("aeiou", rune(s[i+2]))) {
			i++ // the long vowel's second letter
		}
	}
	return out.String()
}
