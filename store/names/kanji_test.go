package names

import (
	"strings"
	"testing"
)

func TestKanjiReadings(t *testing.T) {
	checkReadings(t, "KanjiReadings", KanjiReadings, maxKanjiReadings, []readingCase{
		{"麻原彰晃", []string{"asahara shoko"}},
		{"麻原 彰晃", []string{"asahara shoko"}},
		{"井上嘉浩", []string{"inoue yoshihiro"}}, // ou before a vowel stays
		{"土谷正実", []string{"tsuchiya masami"}}, // and Tsuchitani
		{"平田信", []string{"hirata makoto"}},
		{"服部半蔵", []string{"hattori hanzo"}}, // ッ doubles the t
		{"小泉純一郎", []string{"koizumi junichiro"}},
		{"安倍晋三", []string{"abe shinzo"}},        // a given name the dictionary lacks, read by the nanori table
		{"松本智津夫", []string{"matsumoto chizuo"}}, // three characters, the last voiced
		{"髙山清司", []string{"takayama kiyoshi"}},  // 髙, the register's form of 高
		{"細川護熙", []string{"hosokawa morihiro"}},
		{"习近平", nil}, // a Chinese name: its pinyin only
		{"習近平", nil}, // in traditional characters
		{"金正恩", nil}, // a Korean name in hanja
		{"田中", nil},  // a family name alone
		{"麻原", nil},  // the same
		{"麻原 Shoko", nil},
		{"ウラジーミル・プーチン", nil}, // katakana: no kanji to read
		{"", nil},
		{strings.Repeat("麻原彰晃", 10), nil}, // longer than a name
	})
}

// TestKanjiFamilyFirst: a name whose given name the dictionary lacks is
// read with its family name as listed and the given name as the analyser
// reads its characters, so a lookup in kanji still reaches the Latin
// records by the family name; a one-character family name (Chinese,
// Korean) gets no such reading.
func TestKanjiFamilyFirst(t *testing.T) {
	for name, family := range map[string]string{"岡本公三": "okamoto ", "篠田建市": "shinoda ", "安倍晋三": "abe "} {
		got := KanjiReadings(name)
		if len(got) == 0 {
			t.Errorf("KanjiReadings(%q) = none, want a reading beginning %q", name, family)
		}
		for _, r := range got {
			if !strings.HasPrefix(r, family) || len(r) == len(family) {
				t.Errorf("KanjiReadings(%q) = %q, want readings of %q and a given name", name, got, family)
			}
		}
	}
	for _, name := range []string{"周永康", "李家超", "陈全国"} {
		if got := KanjiReadings(name); len(got) > 0 {
			t.Errorf("KanjiReadings(%q) = %q, want none (a Chinese name)", name, got)
		}
	}
}

func TestJapaneseRomaji(t *testing.T) {
	for kata, want := range map[string]string{
		"アサハラ":  "asahara",
		"ショウコウ": "shoko",   // long o written short
		"イノウエ":  "inoue",   // o-u before a vowel: two syllables
		"オオノ":   "ono",     // oo
		"ユウスケ":  "yusuke",  // uu
		"ハットリ":  "hattori", // ッ doubles the consonant after it
		"マッチ":   "matchi",  // and writes tch before ch
		"ジョウユウ": "joyu",
		"ツチヤ":   "tsuchiya",
	} {
		if got := japaneseRomaji(kata); got != want {
			t.Errorf("japaneseRomaji(%q) = %q, want %q", kata, got, want)
		}
	}
}

// FuzzKanjiReadings: any input gives at most maxKanjiReadings readings of
// lower-case Latin words, and never panics.
func FuzzKanjiReadings(f *testing.F) {
	for _, s := range []string{"麻原彰晃", "麻原 彰晃", "土谷正実", "习近平", "大道寺あや子", "ッ", "麻ッ", "ー原", "田中・太郎"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := KanjiReadings(s)
		if len(rs) > maxKanjiReadings {
			t.Fatalf("%d readings", len(rs))
		}
		for _, r := range rs {
			for _, w := range strings.Fields(r) {
				if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
					t.Fatalf("reading %q of %q holds a word %q that is not lower-case Latin", r, s, w)
				}
			}
		}
	})
}

// TestNanoriGiven: a given name is read by its characters' readings in
// names, a later character in its voiced or suffix form, a lone one in
// its reading alone; a character the table lacks, or one that cannot
// begin a name, gives none.
func TestNanoriGiven(t *testing.T) {
	for _, c := range []struct {
		given string
		want  string // the first reading; "" for none
	}{
		{"晋三", "shinzo"}, {"公三", "kozo"}, {"建市", "kenichi"}, {"智津夫", "chizuo"}, {"悟", "satoru"},
		{"三晋", ""}, // 三 -zo does not begin a name
		{"晋鬱", ""}, // 鬱 is not in the table
		{"", ""}, {"一二三四", ""},
	} {
		got := nanoriGiven([]rune(c.given))
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		if first != c.want || len(got) > maxKanjiReadings {
			t.Errorf("nanoriGiven(%q) = %q, want %q first (at most %d)", c.given, got, c.want, maxKanjiReadings)
		}
	}
}
