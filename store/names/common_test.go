package names

import "testing"

func TestCommonName(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Nguyen Van Hung", true},
		{"Muhammad bin Abdullah", true},
		{"Ion Popescu", true},
		{"POPESCU ION", true},
		{"Mehmet Yılmaz", true},
		{"Wang Wei", true},
		{"Oleksandr Shevchenko", true},
		{"Abdi Mohamed", true},
		{"DIALLO Mamadou", true},
		{"Gurpreet Singh", true},
		{"Paramjit Kaur", true},
		{"KAMAU JOHN", true},
		{"Moses Okello", true},
		{"Mohamed Osman Ahmed", true},
		{"Mohamed Osman Ahmed Elsheikh", false}, // the common name held in a rarer one
		{"Jan de Jong", true},
		{"ANDERSSON ERIK", true},
		{"Yonas Tesfay", true},
		{"Mohammad Rahimi", true},
		{"Dedi Kurniawan", true},
		{"HIDAYAT, UJANG", true},
		{"Lim Chee Keong", true},
		{"Juan Dela Cruz", true},
		{"Dong Wang", false},       // not the particle do before the Hokkien Ng
		{"Nguyen Tan Dung", false}, // Tan is Vietnam's Tấn as much as Hokkien's 陈
		{"Hendra Wijaya Sudarsono", false},
		{"Ion Brătianu", false}, // one word common, one not
		{"Wojciech Brzeczyszczykiewicz", false},
		{"Popescu", false}, // one word is not judged
	} {
		if got := CommonName(Parse(c.name)); got != c.want {
			t.Errorf("CommonName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// PopularName adds the regional lists of long names' words: José Luis
// Hernández García is popular, not common (an undated record of it still
// joins its bearer), and a rare surname beside them is neither.
func TestPopularName(t *testing.T) {
	for _, c := range []struct {
		name            string
		common, popular bool
	}{
		{"José Luis Hernández García", false, true},
		{"Jesús Torres Sánchez", false, true},
		{"Ana Maria da Silva", false, true},
		{"Nguyen Van Hung", true, true},
		{"Marlon Javier Mejía Zelaya", false, false},
		{"Jesús", false, false},
	} {
		n := Parse(c.name)
		if got := CommonName(n); got != c.common {
			t.Errorf("CommonName(%q) = %v, want %v", c.name, got, c.common)
		}
		if got := PopularName(n) || CommonName(n); got != c.popular {
			t.Errorf("popular(%q) = %v, want %v", c.name, got, c.popular)
		}
	}
}
