package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Korean names in Chinese characters (hanja). Chinese and Japanese
// sources, and the Chinese and Japanese aliases of a list, write a North
// Korean official's name in the characters it is made of (金正恩, 崔龙海):
// read as Chinese (jin zhengen), it met no Latin spelling. HanjaReadings
// reads such a name by the Sino-Korean readings of its characters
// (data/hanja.txt: 金 김, 正 정, 恩 은) and romanises the Hangul as the
// Hangul reader does (kim jong un); the reading is compared beside the
// pinyin, never instead of it, as kanji readings are. A name is read so
// when its first character is a Korean surname and every character is in
// the table: 习近平 (习 is no Korean surname) and 张德江 (江 is not in the
// table) get none; a Chinese name made only of characters Korean names use
// (李明) gets the Korean reading too, as its characters allow.

//go:embed data/hanja.txt
var hanjaTable []byte

// hanja is the table: every character's reading, and the surnames'.
type hanja struct {
	reading  map[rune]rune
	surnames map[rune]bool
}

var hanjaReadings = sync.OnceValue(func() hanja {
	h := hanja{reading: map[rune]rune{}, surnames: map[rune]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(hanjaTable))
	surnames := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "# Surnames.":
			surnames = true
			continue
		case strings.HasPrefix(line, "#"):
			surnames = surnames && !strings.HasPrefix(line, "# Given")
			continue
		}
		for _, pair := range strings.Fields(line) {
			c, n := utf8.DecodeRuneInString(pair)
			r, m := utf8.DecodeRuneInString(pair[n:])
			if n+m != len(pair) || !isHangulSyllable(r) {
				continue // not a character and its reading: skipped (the table test says which)
			}
			if _, ok := h.reading[c]; !ok {
				h.reading[c] = r
			}
			if surnames {
				h.surnames[c] = true
			}
		}
	}
	return h
})

// HanjaReadings returns the Korean reading of a name written in Chinese
// characters (金正恩 → "kim jong un"): one, or none when s is not such a
// name (two to four characters, the first a Korean surname of the table,
// every one in it; spaces and middle dots between them allowed).
func HanjaReadings(s string) []string {
	if !hasByteFrom(s, 0xE3) {
		return nil // no character from U+3000 on: no Chinese characters
	}
	h := hanjaReadings()
	var hangul []rune
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			k, ok := h.reading[r]
			if !ok || len(hangul) == 4 || len(hangul) == 0 && !h.surnames[r] {
				return nil
			}
			hangul = append(hangul, k)
		case r == ' ' || r == '·' || r == '・':
		default:
			return nil
		}
	}
	if len(hangul) < 2 {
		return nil
	}
	return []string{hangulWord(string(hangul), true)}
}
