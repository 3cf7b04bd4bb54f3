package names

import "testing"

// thaiWord reads Thai as the Royal Thai General System writes it: vowels
// Thai leaves unwritten, vowels written before their consonant, a
// consonant's sound at a syllable's end, silent letters.
func TestThaiWord(t *testing.T) {
	for _, c := range []struct{ thai, want string }{
		{"สมชาย", "somchai"},      // an o between two bare consonants; ย ends as i
		{"ศรีสุข", "srisuk"},      // a cluster; ข ends as k
		{"กนกวรรณ", "kanokwan"},   // three bare consonants; รร
		{"แก้วขาว", "kaeokhao"},   // แ before its consonant, the tone mark on ก; ว ends as o
		{"ฉัตรชัย", "chatchai"},   // ร after a final unsaid
		{"ทวีศักดิ์", "thawisak"}, // ดิ์ silent
		{"ทองดี", "thongdi"},      // อ as the vowel o
		{"ศิริพร", "siriphon"},    // two bare consonants after a vowel: a syllable
		{"บุญมี", "bunmi"},        // ญ ends as n
		{"ประยุทธ์", "prayut"},    // ปร a cluster, ธ์ silent
		{"จันทร์", "chan"},        // ทร์ both silent
		{"อยู่", "yu"},            // อ leading ย
		{"แพทองธาร", "phaethongthan"},
		{"รัตนพงษ์", "rattanaphong"},  // ต ends a syllable and begins the next
		{"นายวิชัย", "wichai"},        // a register's Mr, glued to the name
		{"นางสาวกนกวรรณ", "kanokwan"}, // Miss
		{"นาง", "nang"},               // a title alone is read as written
	} {
		if got := thaiWord(c.thai); got != c.want {
			t.Errorf("thaiWord(%s) = %q, want %q", c.thai, got, c.want)
		}
	}
}

// A Thai name is also read letter by letter, as spellings that keep its
// Sanskrit letters write it (ชินวัตร, Shinawatra), and compared so in match.
func TestThaiReadings(t *testing.T) {
	rs := Readings("ทักษิณ ชินวัตร")
	if len(rs) != 1 {
		t.Fatalf("Readings: %q", rs)
	}
	if s := Similarity(Parse("Thaksin Shinawatra"), Parse(rs[0]), nil); s.Value < .85 {
		t.Errorf("Thaksin Shinawatra / %q: %.3f (%s)", rs[0], s.Value, s.Explanation)
	}
	if s := Similarity(Parse("Thaksin Shinawatra"), Parse("ทักษิณ ชินวัตร"), nil); s.Value >= .85 {
		t.Errorf("the spoken reading alone met Shinawatra (%.3f): the test no longer needs Readings", s.Value)
	}
	if Readings("Thaksin Shinawatra") != nil {
		t.Error("a Latin name has readings")
	}
}

func FuzzThaiWord(f *testing.F) {
	for _, s := range []string{"สมชาย", "แก้ว", "เ", "์", "ดิ์", "รร", "กรร", "อ", "ๆ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		for _, r := range thaiWord(s) {
			if r >= 0x80 {
				t.Fatalf("thaiWord(%q) wrote %q", s, r)
			}
		}
	})
}

// A Thai name's royal-system spelling meets its common one (Siriphon /
// Siriporn, Kaeokhao / Kaewkao, Sisuk / Srisook); words without a Thai
// spelling are left to the other rules.
func TestThaiSpellings(t *testing.T) {
	for _, p := range [][2]string{{"siriphon", "siriporn"}, {"kaeokhao", "kaewkao"}, {"sisuk", "srisook"}, {"kaewkhao", "kaeokao"}} {
		if !thaiSpelling(p[0], p[1]) {
			t.Errorf("thaiSpelling(%s, %s) = false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"thomas", "tomas"}, {"siriporn", "siripen"}, {"kaewkao", "kaewkan"}} {
		if thaiSpelling(p[0], p[1]) {
			t.Errorf("thaiSpelling(%s, %s) = true", p[0], p[1])
		}
	}
	if s := Similarity(Parse("ศิริพร แก้วขาว"), Parse("Siriporn Kaewkao"), nil); s.Value < .85 {
		t.Errorf("ศิริพร แก้วขาว / Siriporn Kaewkao: %.2f (%s), want ≥ 0.85", s.Value, s.Explanation)
	}
}
