package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// Myanmar names are a few syllables written without spaces (မင်းအောင်လှိုင်,
// Min Aung Hlaing), which Latin sources write as one word per syllable in
// a spelling no letter-by-letter rule gives: go-unidecode writes
// "mng:aeaangliung". A syllable found in the table is written as sources
// write it; any other is read letter by letter.
//
//go:embed data/myanmar.txt
var myanmarTable []byte

var myanmarSyllables = sync.OnceValue(func() map[string]string { return readSpellings(myanmarTable) })

// Khmer names are written word by word, but their vowels read differently
// after the two series of consonants and names keep spellings no letter
// rule gives (ហ៊ុន សែន, Hun Sen): common name words are looked up whole.
//
//go:embed data/khmer.txt
var khmerTable []byte

var khmerWords = sync.OnceValue(func() map[string]string { return readSpellings(khmerTable) })

// khmerWord romanises a Khmer word: from the table, or letter by letter.
func khmerWord(w string) string {
	if en, ok := khmerWords()[w]; ok {
		return en
	}
	return translitOther(w)
}

// readSpellings reads a table of "word spelling" lines (# starts a comment).
func readSpellings(table []byte) map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(table))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) == 2 {
			m[f[0]] = f[1]
		}
	}
	return m
}

const (
	myanmarAsat   = '\u103a' // a consonant before it closes the syllable
	myanmarVirama = '\u1039' // the consonant after it is stacked in the syllable
)

// myanmarTones are the tone marks, which do not change a name's spelling.
var myanmarTones = strings.NewReplacer("\u1037", "", "\u1038", "")

// myanmarWord romanises a Myanmar word, one Latin word per syllable.
func myanmarWord(w string) string {
	rs := []rune(myanmarTones.Replace(w))
	table := myanmarSyllables()
	var parts []string
	start := 0
	flush := func(end int) {
		if end > start {
			syl := string(rs[start:end])
			if syl == "ဦ" && start == 0 {
				parts = append(parts, "u") // first, the honorific U (ဦးသိန်းစိန်, U Thein Sein)
			} else if en, ok := table[syl]; ok {
				parts = append(parts, en)
			} else {
				parts = append(parts, strings.ReplaceAll(translitOther(syl), ":", ""))
			}
		}
		start = end
	}
	for i := 1; i < len(rs); i++ {
		if myanmarSyllableStart(rs, i) {
			flush(i)
		}
	}
	flush(len(rs))
	return strings.Join(parts, " ")
}

// myanmarSyllableStart reports whether a syllable begins at rs[i]: a
// consonant or an independent vowel that no asat or virama after it makes
// a final, and no virama before it stacks.
func myanmarSyllableStart(rs []rune, i int) bool {
	r := rs[i]
	if !(r >= '\u1000' && r <= '\u1021' || r >= '\u1023' && r <= '\u102a') {
		return false
	}
	if rs[i-1] == myanmarVirama {
		return false
	}
	return i+1 >= len(rs) || rs[i+1] != myanmarAsat && rs[i+1] != myanmarVirama
}
