package names

import "strings"

// KunyaOfFather reports whether a is only a kunya, Abu X, and X is the
// word b says second, its bearer's father's name in an Arab name. By
// custom an eldest son is named after his father's father, so Abdullah
// Saleh al-Amri is called Abu Saleh, and a telecom operator or a money
// remitter registers him so. A kunya alone does not say which of the
// many men it fits is meant: the caller must hold more in common (a
// phone). X as b's first word is the son himself, not his father: no.
func KunyaOfFather(a, b Name) bool {
	if len(a.Tokens) != 1 || len(b.Tokens) < 2 {
		return false
	}
	tok, core := a.Tokens[0], a.core(0)
	if len(core) < 3 || !strings.HasSuffix(tok, core) {
		return false
	}
	switch tok[:len(tok)-len(core)] {
	case "abu", "abou", "abo":
	default:
		return false // Umm X names a woman by her son
	}
	idx := make([]int, len(b.Tokens))
	b.order(idx) // AL-AMRI, Abdullah Saleh is said Abdullah Saleh al-Amri
	own, father := b.coreWord(idx[0]), b.coreWord(idx[1])
	if kunyaWord(b.Tokens[idx[0]]) {
		return false
	}
	x := a.coreWord(0)
	if s, kind := tokenSimW(x, own); s >= .9 && kind != kindDifferent {
		return false
	}
	s, kind := tokenSimW(x, father)
	return s >= .9 && kind != kindDifferent
}
