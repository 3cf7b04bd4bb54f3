package names

import (
	"slices"
	"testing"
)

func TestFatherNamesApart(t *testing.T) {
	parse := func(ns ...string) []Name {
		var out []Name
		for _, n := range ns {
			out = append(out, Parse(n))
		}
		return out
	}
	for _, c := range []struct {
		a, b  []string
		apart bool
	}{
		{[]string{"Ghulam Rasool"}, []string{"Ghulam Nabi"}, true},
		{[]string{"Gul Zaman"}, []string{"Ikramullah Khan Niazi"}, true},
		{[]string{"Piara Singh"}, []string{"Mohinder Singh"}, true},
		{[]string{"Ghulam Rasool", "Ghulam Nabi"}, []string{"Ghulam Nabi"}, false},
		{[]string{"Abdul Ahad Karzai"}, []string{"Abdul Ahad"}, false},
		{[]string{"Ghulam Rasool"}, []string{"Ghulam Rasul"}, false},
		{[]string{"Khan Muhammad"}, []string{"Muhammad Khan"}, false},
		{[]string{"Ivanovich"}, []string{"Ivan"}, false},
		{[]string{"Viktorovich"}, []string{"Viktorovych"}, false},
		{[]string{"Viktorovich"}, []string{"Vladimirovich"}, true},
		{[]string{"Ghulam Nabi"}, nil, false},
	} {
		if got := FatherNamesApart(parse(c.a...), parse(c.b...), DefaultWeights{}); got != c.apart {
			t.Errorf("FatherNamesApart(%q, %q) = %v, want %v", c.a, c.b, got, c.apart)
		}
		if got := FatherNamesApart(parse(c.b...), parse(c.a...), DefaultWeights{}); got != c.apart {
			t.Errorf("FatherNamesApart(%q, %q) = %v, want %v", c.b, c.a, got, c.apart)
		}
	}
}

func TestTitleOnly(t *testing.T) {
	for _, s := range []string{"Amir al-Mu'minin", "Ameer ul-Momineen", "Amir ul-Mumineen", "AMIR AL-MUMININ", "أمير المؤمنين", "امیرالمؤمنین"} {
		if !TitleOnly(s) {
			t.Errorf("TitleOnly(%q) = false", s)
		}
	}
	for _, s := range []string{"Amir Khan", "Amir Hamza", "Amir Muhammad", "Mumin Ahmed", "Emir Kusturica", ""} {
		if TitleOnly(s) {
			t.Errorf("TitleOnly(%q) = true", s)
		}
	}
}

// Hon., a member's style, is no word of the name, nor the styles and
// ranks PEP lists write around it; Hon, a Cantonese name, and Gen, a
// Japanese one, written without the stop, are.
func TestHonourableIsAStyle(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Hon. Mohamed Yusuf Haji", []string{"mohamed", "yusuf"}},
		{"Honourable Abubakar Mohammed", []string{"abubakar", "mohammed"}},
		{"Hon Kwok Wai", []string{"hon", "kwok", "wai"}},
		{"Maj. Gen. Abdullahi Mohammed (Rtd)", []string{"abdlahi", "mohammed"}},
		{"His Excellency Ilham Aliyev", []string{"ilham", "aliyev"}},
		{"Senator Bongbong Marcos", []string{"bongbong", "marcos"}},
		{"Engr. Abba Kabir Yusuf", []string{"abba", "kabir", "yusuf"}},
		{"Gen Hoshino", []string{"gen", "hoshino"}},
	} {
		got := Parse(c.in).Tokens
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Parse(%q) = %q, want %q in it", c.in, got, w)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("Parse(%q) = %q keeps the style", c.in, got)
		}
	}
}

func TestFirstAdded(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"Abdirahman Warsame", "Hodan Abdirahman Warsame", true},
		{"WARSAME, ABDIRAHMAN", "Hodan Abdirahman Warsame", true},   // read as said: Abdirahman Warsame
		{"Abdirahman Warsame", "Abdirahman Mohamed Warsame", false}, // a middle word, not a first
		{"Hodan Warsame", "Hodan Abdirahman Warsame", false},
		{"Abdirahman Warsame", "Abdirahman Warsame", false},
		{"Warsame", "Hodan Warsame", false}, // one word is no name to be a father's
		{"Ali Hassan", "Hodan Abdirahman Warsame", false},
	} {
		if got := FirstAdded(Parse(c.short), Parse(c.long)); got != c.want {
			t.Errorf("FirstAdded(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

func TestMiddleAdded(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"Mehmed Yilmaz", "Mehmed Can Yilmaz", true},
		{"John Smith", "John Michael Smith", true},
		{"Nguyen Hung", "Nguyen Van Hung", false}, // Van, a man's middle name, names no one
		{"Tran Lan", "Tran Thi Lan", false},
		{"Nguyen Hung", "Nguyen Van Minh Hung", true},
		{"Mehmed Yilmaz", "Mehmed Yilmaz", false},
	} {
		if got := MiddleAdded(Parse(c.short), Parse(c.long)); got != c.want {
			t.Errorf("MiddleAdded(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}
