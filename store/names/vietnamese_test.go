package names

import "testing"

// TestVietnameseSyllables: a Vietnamese name's syllables keep their
// letters, so two with other vowels are two names (Minh / Manh), and its
// Le, Do and Van are words of the name, not particles.
func TestVietnameseSyllables(t *testing.T) {
	for _, c := range []struct {
		a, b   string
		lo, hi float64
	}{
		{"Nguyen Van Minh", "Nguyen Van Manh", 0, .7},
		{"Le Van Tuan", "Le Van Toan", 0, .8},
		{"Tran Thi Hang", "Tran Thi Hung", 0, .75},
		{"Nguyễn Văn Minh", "Minh Nguyen Van", .95, 1},
		{"Nguyen Thi Thy", "Nguyen Thi Thi", .9, 1}, // i and y: one letter
		{"Le Van Tuan", "Lê Văn Tuấn", .95, 1},
		// Vietnamese's Đ is a d, not the Serbo-Croatian dj (Đoković).
		{"Đỗ Công Khoa", "DO CONG KHOA", .95, 1},
		{"ĐẶNG THỊ HƯƠNG", "Dang Thi Huong", .95, 1},
		{"Đỗ Văn Cường", "Đỗ Công Khoa", 0, .7},
		{"Novak Đoković", "Novak Djokovic", .95, 1},
		{"Đỗ Văn Cường", "DO Cuong Van", .95, 1}, // the middle name last, as Western files write it; Do no Korean surname here
	} {
		s := Similarity(Parse(c.a), Parse(c.b), nil)
		if s.Value < c.lo || s.Value > c.hi {
			t.Errorf("Similarity(%q, %q) = %.3f (%s), want in [%.2f, %.2f]", c.a, c.b, s.Value, s.Explanation, c.lo, c.hi)
		}
	}
	if n := Parse("Đỗ Văn Cường"); len(n.Tokens) != 3 || n.Tokens[0] != "do" {
		t.Errorf("Đỗ Văn Cường parsed as %q: Đ read dj, Văn glued as a particle", n.Tokens)
	}
	if n := Parse("Le Van Tuan"); len(n.Tokens) != 3 {
		t.Errorf("Le Van Tuan parsed as %q: Le and Van glued as particles", n.Tokens)
	}
	if n := Parse("Jan van Dam"); len(n.Tokens) != 2 {
		t.Errorf("Jan van Dam parsed as %q: the Dutch van is a particle", n.Tokens)
	}
}

// TestVietnameseInKatakana: katakana writes what Vietnamese says, not its
// letters — Nguyen グエン, Trong チョン, Xuan スアン, Minh ミン — and the
// vowels still tell two names apart.
func TestVietnameseInKatakana(t *testing.T) {
	for _, p := range [][2]string{
		{"Nguyen Phu Trong", "グエン・フー・チョン"},
		{"Nguyen Xuan Phuc", "グエン・スアン・フック"},
		{"Pham Minh Chinh", "ファム・ミン・チン"},
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value < .85 || !s.Spelled {
			t.Errorf("%s / %s: %.2f (%s, spelled %v), want ≥ 0.85 and spelled", p[0], p[1], s.Value, s.Explanation, s.Spelled)
		}
	}
	for _, p := range [][2]string{
		{"Nguyen Phu Trong", "グエン・フー・チュン"}, // Trung, not Trong
		{"Pham Minh Chinh", "ファム・マイン・チン"},  // Manh, not Minh
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), DefaultWeights{}); s.Value >= .7 {
			t.Errorf("%s / %s: %.2f (%s), want < 0.70", p[0], p[1], s.Value, s.Explanation)
		}
	}
}
