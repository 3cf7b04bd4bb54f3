package names

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHanjaReadings: a Korean name in Chinese characters is read as Korean
// reads them; a Chinese name whose first character is no Korean surname,
// or with a character not in the table, gets no reading.
func TestHanjaReadings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"金正恩", "kim jong un"},
		{"崔龙海", "choi ryong hae"}, // simplified 龙, as Chinese sources write it
		{"崔龍海", "choi ryong hae"},
		{"李雪主", "ri sol ju"}, // the North's 리
		{"金 正恩", "kim jong un"},
		{"习近平", ""}, // 习 is no Korean surname
		{"张德江", ""}, // 江 is not in the table
		{"金", ""},
		{"金正恩金正恩", ""}, // more than four characters
		{"金正恩 Kim", ""},
	} {
		got := strings.Join(HanjaReadings(c.in), "|")
		if got != c.want {
			t.Errorf("HanjaReadings(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHanjaTable: every field of data/hanja.txt is a character and its
// reading, one Hangul syllable; a typo there would leave a name unread.
func TestHanjaTable(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(hanjaTable))
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		for _, f := range strings.Fields(sc.Text()) {
			_, size := utf8.DecodeRuneInString(f)
			r, rest := utf8.DecodeRuneInString(f[size:])
			if size+rest != len(f) || !isHangulSyllable(r) {
				t.Errorf("data/hanja.txt line %d: %q is not a character and its reading", n, f)
			}
		}
	}
	if h := hanjaReadings(); len(h.surnames) < 100 || len(h.reading) < 500 {
		t.Errorf("%d surnames and %d characters read from the table", len(h.surnames), len(h.reading))
	}
}

// FuzzHanjaReadings: any text gives at most one reading, of Latin words.
func FuzzHanjaReadings(f *testing.F) {
	for _, s := range []string{"金正恩", "崔龙海", "习近平", "金", "", "金 ", "・", "金正恩金"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := HanjaReadings(s)
		if len(rs) > 1 {
			t.Fatalf("%d readings of %q", len(rs), s)
		}
		for _, r := range rs {
			if Parse(r).Empty() || !isASCII(r) {
				t.Fatalf("reading %q of %q", r, s)
			}
		}
	})
}
