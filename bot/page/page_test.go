package page

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	var big strings.Builder
	for i := 0; big.Len() < 60_000; i++ {
		fmt.Fprintf(&big, "| S-%d | Ахмед Салах عبد السلام | 1989-09-15 | 0.%02d |\n", i, i%100)
	}
	tests := []struct {
		name string
		text string
		max  int
		min  int // fewest pages expected
	}{
		{"empty", "", PostLimit, 1},
		{"short", "hello", PostLimit, 1},
		{"60 KB table", big.String(), PostLimit, 2},
		{"one long line", strings.Repeat("é", 40_000), PostLimit, 3},
		{"words", strings.Repeat("word ", 10_000), 1000, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := Split(tt.text, tt.max)
			if len(pages) < tt.min {
				t.Fatalf("Split gave %d pages, want at least %d", len(pages), tt.min)
			}
			if got := strings.Join(pages, ""); got != tt.text {
				t.Fatalf("joined pages differ from the text (%d vs %d bytes)", len(got), len(tt.text))
			}
			for i, p := range pages {
				if n := utf8.RuneCountInString(p); n > tt.max {
					t.Fatalf("page %d has %d runes, limit %d", i, n, tt.max)
				}
				if !utf8.ValidString(p) {
					t.Fatalf("page %d is not valid UTF-8", i)
				}
			}
		})
	}
}

func TestSplitPrefersLines(t *testing.T) {
	text := strings.Repeat(strings.Repeat("x", 99)+"\n", 30)
	for i, p := range Split(text, 1050) {
		if !strings.HasSuffix(p, "\n") {
			t.Fatalf("page %d ends mid-line: %q", i, p[len(p)-10:])
		}
	}
}

func TestStore(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := NewStore(time.Hour, 2, func() time.Time { return now })
	tok, err := s.Put("u1", []string{"p2", "p3"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Next(tok, "u2"); !errors.Is(err, ErrGone) {
		t.Fatalf("Next by another user = %v, want ErrGone", err)
	}
	if p, left, err := s.Next(tok, "u1"); p != "p2" || left != 1 || err != nil {
		t.Fatalf("Next = %q, %d, %v; want p2, 1, nil", p, left, err)
	}
	if p, left, err := s.Next(tok, "u1"); p != "p3" || left != 0 || err != nil {
		t.Fatalf("Next = %q, %d, %v; want p3, 0, nil", p, left, err)
	}
	if _, _, err := s.Next(tok, "u1"); !errors.Is(err, ErrGone) {
		t.Fatalf("Next after the last page = %v, want ErrGone", err)
	}
	old, _ := s.Put("u1", []string{"a"})
	now = now.Add(2 * time.Hour)
	if _, _, err := s.Next(old, "u1"); !errors.Is(err, ErrGone) {
		t.Fatalf("Next after expiry = %v, want ErrGone", err)
	}
	a, _ := s.Put("u", []string{"a"})
	now = now.Add(time.Second)
	s.Put("u", []string{"b"})
	s.Put("u", []string{"c"})
	if _, _, err := s.Next(a, "u"); !errors.Is(err, ErrGone) {
		t.Fatalf("oldest answer kept beyond the cap: %v", err)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("a\nb c", 16)
	f.Add(strings.Repeat("日本", 50), 17)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max > 1<<16 || max < -1<<16 {
			return
		}
		pages := Split(s, max)
		if strings.Join(pages, "") != s {
			t.Fatal("pages lost text")
		}
		lim := maxOf(max, 16)
		for _, p := range pages {
			if utf8.RuneCountInString(p) > lim {
				t.Fatalf("page over %d runes", lim)
			}
		}
	})
}

func BenchmarkSplit60KB(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 60_000; i++ {
		fmt.Fprintf(&sb, "| S-%d | Ахмед Салах عبد السلام | 1989-09-15 |\n", i)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text, PostLimit)
	}
}
