package names

import "testing"

func TestSomaliSpellingReadTheEnglishWay(t *testing.T) {
	for in, want := range map[string]string{"maxamed": "mahamed", "cabdullaahi": "abdullahi", "xasan": "hasan", "cumar": "umar", "daahir": "dahir", "aweys": "", "jaamac": "jama"} {
		if got := somaliForm(in); got != want {
			t.Errorf("somaliForm(%q) = %q, want %q", in, got, want)
		}
	}
	for _, p := range [][2]string{
		{"Maxamed Cabdullaahi Farmaajo", "Mohamed Abdullahi Farmajo"}, {"Xasan Daahir Aweys", "Hassan Dahir Aweys"},
		{"Cali Mahdi Maxamed", "Ali Mahdi Mohamed"}, {"Cumar Xasan", "Umar Hasan"}, {"Ibraahim Xaaji Jaamac Meecaad", "Ibrahim Haji Jama Meeaad"},
		{"Cabdiraxmaan Cabdi Cigaal", "Abdirahman Abdi Egal"}, {"Cilmi Xasan Faarax", "Elmi Hassan Farah"}, {"Cilmi Xasan Faarax", "Ilmi Hassan Farah"},
		{"Axmed Bashiir Cumar", "Ahmed Bashir Omar"}, {"Yaasiin Ibraahim Cumar", "Omar Yasin Ibrahim"}, // the ain before u written o
		{"Xamsa Warsame", "Hamza Warsame"}, {"Xasan Warsame", "Hassan Warsame"}, // x before a: no pinyin syllable
	} {
		if s := Similarity(Parse(p[0]), Parse(p[1]), nil); s.Value < .85 {
			t.Errorf("Similarity(%s, %s) = %.2f (%s), want ≥ 0.85", p[0], p[1], s.Value, s.Explanation)
		}
	}
	// One mark alone is not Somali: Alexander Cole keeps its c, and
	// pinyin's x before i or u stays (Xu Ming).
	for _, name := range []string{"Alexander Cole", "Xu Ming", "Xiong Wei"} {
		n := Parse(name)
		for i := range n.Tokens {
			if n.words[i].somali {
				t.Errorf("%s: %q read as Somali", name, n.Tokens[i])
			}
		}
	}
	// A record in Somali spelling is indexed the English way too.
	keys := Parse("Xasan Daahir Aweys").Keys()
	if k := TokenKey("hasan"); !contains(keys, k) {
		t.Errorf("Keys(Xasan Daahir Aweys) = %v, want %q among them", keys, k)
	}
	keys = Parse("Cabdiraxmaan Cabdi Cigaal").Keys()
	if k := TokenKey("egal"); !contains(keys, k) {
		t.Errorf("Keys(Cabdiraxmaan Cabdi Cigaal) = %v, want %q among them", keys, k)
	}
}
