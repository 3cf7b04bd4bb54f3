package names

import "strings"

// TokenKey returns the retrieval key of one normalised token: its phonetic
// skeleton. Spelling variants of a name share it — Mohammed, Muhammad,
// Mohamed, Mehmet → "mhmt"; Tchaikovsky, Chaykovskiy → "ckfsk"; Youssef,
// Yusuf → "sf"; Aleksandr, Alexander, Oleksandr → "lksntr".
//
// The skeleton drops a glued Arabic article (elbaghdadi → baghdadi), folds
// digraphs (tsch/tch/ch → c, sch/sh → s, dzh/dj/zh → j, kh → h, ph → f,
// th → t, dh → d, x → ks, ou+vowel → w), folds consonant classes (b/p, d/t,
// g/k/q/hard c, f/v/w, s/z/soft c), drops vowels and y and a final h after
// a vowel, and collapses repeated letters. A token made only of vowels keys as itself behind "v".
// Tokens of one letter (initials) have no key: TokenKey returns "".
func TokenKey(tok string) string {
	if len(tok) < 2 {
		return ""
	}
	return skeleton(stripGluedArticle(tok))
}

// stripGluedArticle removes an Arabic article written onto a name
// (albaghdadi, elbaghdadi, ulhaq → baghdadi, haq) when a consonant follows
// it and at least four letters remain.
func stripGluedArticle(t string) string {
	if len(t) >= 6 && (t[0] == 'a' || t[0] == 'e' || t[0] == 'u') && t[1] == 'l' && !isVowel(t[2]) && t[2] != 'l' {
		return t[2:]
	}
	return t
}

func skeleton(t string) string {
	var out []byte
	last := byte(0)
	emit := func(c byte) {
		if c != last {
			out = append(out, c)
		}
		last = c
	}
	n := len(t)
	for i := 0; i < n; i++ {
		c := t[i]
		rest := t[i:]
		// Only these letters begin a digraph: the others skip the checks,
		// which were half of what keying cost.
		dg := i+1 < n && strings.IndexByte("tsdzckgpqo", c) >= 0
		switch {
		case dg && strings.HasPrefix(rest, "tsch"):
			emit('c')
			i += 3
		case dg && strings.HasPrefix(rest, "sch"):
			emit('s')
			i += 2
		case dg && strings.HasPrefix(rest, "tch"):
			emit('c')
			i += 2
		case dg && strings.HasPrefix(rest, "dzh"):
			emit('j')
			i += 2
		case dg && (strings.HasPrefix(rest, "dj") || strings.HasPrefix(rest, "zh") || strings.HasPrefix(rest, "dz")):
			emit('j')
			i++
		case dg && strings.HasPrefix(rest, "ch"):
			emit('c')
			i++
		case dg && strings.HasPrefix(rest, "sh"):
			emit('s')
			i++
		case dg && strings.HasPrefix(rest, "kh"):
			emit('h')
			i++
		case dg && strings.HasPrefix(rest, "gh"):
			emit('k')
			i++
		case dg && strings.HasPrefix(rest, "ph"):
			emit('f')
			i++
		case dg && (strings.HasPrefix(rest, "th") || strings.HasPrefix(rest, "dh")):
			emit('t')
			i++
		case dg && (strings.HasPrefix(rest, "ck") || strings.HasPrefix(rest, "qu")):
			emit('k')
			i++
		case dg && (strings.HasPrefix(rest, "ts") || strings.HasPrefix(rest, "tz")):
			emit('s')
			i++
		case dg && strings.HasPrefix(rest, "ou") && i+2 < n && isVowel(t[i+2]) && t[i+2] != 'y':
			emit('f') // French "ou" before a vowel is a w: Oualid = Walid
			i++
		case c == 'x':
			emit('k')
			emit('s')
		case c == 'c':
			if i+1 < n && (t[i+1] == 'e' || t[i+1] == 'i' || t[i+1] == 'y') {
				emit('s')
			} else {
				emit('k')
			}
		case c == 'b' || c == 'p':
			emit('p')
		case c == 'd' || c == 't':
			emit('t')
		case c == 'g' || c == 'k' || c == 'q':
			emit('k')
		case c == 'f' || c == 'v' || c == 'w':
			emit('f')
		case c == 's' || c == 'z':
			emit('s')
		case isVowel(c):
			last = 0 // a vowel separates repeated consonants: "Hanan" keeps n-n
		case c == 'h' && i == n-1 && i > 0 && isVowel(t[i-1]):
			// A final h after a vowel is silent and written or not (Abdullah,
			// Abdulla; Hamzah; Haniyeh, Haniya; Sarah, Sara).
		default:
			emit(c)
		}
	}
	if len(out) == 0 {
		return "v" + t
	}
	return string(out)
}

// Keys returns the retrieval keys of a name, for an inverted index: the
// TokenKey of every token, plus the keys of the formal names a nickname
// stands for (Bob → robert's key) and of the canonical form of a given
// name listed in several languages (Serhii → sergey's key). Variant spellings of the same name share
// at least one key per token they have in common. A token has a few keys,
// one for each reading of it; initials have none. A word in Latin letters
// is also keyed without each r or l between a vowel and a consonant
// (unwrittenLiquids), as Chinese writes it: Ferdinand Marcos and
// 费迪南德·马科斯 (ma-ke-si) share a key, whichever is looked up.
func (n Name) Keys() []string {
	keys := make([]string, 0, len(n.Tokens)+2)
	add := func(k string) {
		if k == "" {
			return
		}
		for _, x := range keys {
			if x == k {
				return
			}
		}
		keys = append(keys, k)
	}
	for i, t := range n.Tokens {
		add(TokenKey(t))
		if c := n.core(i); c != t {
			add(TokenKey(c))
		}
		if c := listedForm(t); c != "" {
			add(TokenKey(c))
		}
		if r := europeReading(t); r != "" {
			add(TokenKey(r))
		}
		if j := mrReading(n.word(i), t); j != "" {
			add(TokenKey(j)) // Chong is also indexed as Jong (mrForms)
		}
		if tr := transcriptionOf(n.word(i).transcribed); tr != nil {
			for _, k := range transcribedKeys(tr, t) {
				add(k) // the Latin keys a katakana, Hangul or Chinese reading can stand for
			}
		} else {
			for _, f := range unwrittenLiquids(n.core(i)) {
				add(TokenKey(f)) // Marcos is also indexed as 马科斯 (ma-ke-si) is, Chinese writing no r
			}
		}
		for i, f := range formalNames(t) {
			if i == 4 {
				break
			}
			add(TokenKey(f))
		}
		if w := n.word(i); w.bengali {
			if z := bengaliZ(t); z != "" {
				add(TokenKey(z)) // জিয়া is indexed as Zia too (bengaliZ)
			}
		}
		if strings.Contains(t, "dh") {
			// The Arabic ذ is dh in some sources and z in others (Dhulfiqar,
			// Zulfiqar; see alternates): both reach the record.
			add(TokenKey(strings.ReplaceAll(t, "dh", "z")))
		}
		if f := awForm(n.core(i)); f != n.core(i) {
			add(TokenKey(f))                // Awlaki is also indexed as Aulaqi (awSpelling)
			add(TokenKey(oForm(n.core(i)))) // and Fawz as Foz (oSpelling)
		}
		if w := n.word(i); w.caron {
			// Željko Ražnatović, read zheljko razhnatovich, is also
			// indexed as Zeljko Raznatovic, as sources without carons
			// write him: every word of his name keys otherwise with the h.
			add(TokenKey(iso9Fold(t)))
		}
		if w := n.word(i); w.cyrillic && strings.Contains(t, "ts") {
			// Цвиянович, read tsviianovich, is also indexed as Cvijanovic,
			// the Central European spelling Russian transcribes (centralC).
			add(TokenKey(centralForm(t)))
		}
		if w := n.word(i); w.korean && w.transcribed == otherScript && i+1 < len(n.Tokens) && n.word(i+1).korean {
			// A Korean name in Latin letters is also keyed with two words
			// as one, and its ng as n: Japan's lists write the given name
			// in katakana as one word, with one ン for n and ng alike
			// (ソンテク sonteku, Song Thaek; ジェミョン, Jae-myung).
			joined := n.core(i) + n.core(i+1)
			add(TokenKey(joined))
			if strings.Contains(joined, "ng") {
				add(TokenKey(strings.ReplaceAll(joined, "ng", "n")))
			}
		}
		if w := n.word(i); w.wadeGiles || w.somali || w.uzbek {
			for _, k := range w.folds {
				add(k) // Hsi is also indexed as Xi, Ching as Jing and Qing (markWadeGiles), Xasan as Hasan (markSomali), Xo'jayev as Khojayev (markUzbek)
			}
		}
	}
	return keys
}

// FoldKeys returns the keys of the name's tokens rewritten as the common
// English romanisation of a Russian name would write them (Chudjakow →
// Khudyakov's key; see foldKeys) that Keys does not already hold. Records
// are not indexed by them; a lookup adds them, so that an officer
// spelling a name the German, French or Ukrainian way reaches records
// spelt the English way.
//
// They hold the keys of a Latin word without a final r after a vowel (and
// without the r or l before a consonant, unwrittenLiquids): Keir Starmer
// finds 基尔·斯塔默 and スターマー.
//
// They also hold the keys of a surname with and without the Soviet -ov
// (Rakhmonov finds Rahmon, Rahmon finds Rakhmonov; Rahimzoda finds Rahimov
// and Rahim; see russifiedSpelling), a given name listed in the tables
// excepted.
func (n Name) FoldKeys() []string {
	own := n.Keys()
	var keys []string
	add := func(k string) {
		if k != "" && !contains(own, k) && !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for i := range n.Tokens {
		for _, k := range n.word(i).folds {
			add(k)
		}
		for _, f := range russifiedForms(n.core(i)) {
			add(TokenKey(f))
		}
		if c := n.core(i); n.word(i).transcribed == otherScript && len(c) >= 5 && c[len(c)-1] == 'r' && isVowel(c[len(c)-2]) {
			// A final -er, -or said as a vowel, as Chinese, Japanese and
			// Korean write it (斯塔默 si-ta-mo, スターマー, 스타머: Starmer).
			// Records are not keyed so: FEBRL's Walkers and Millers,
			// given one more key each, lost true pairs to the crowd.
			add(TokenKey(c[:len(c)-1]))
			for _, f := range unwrittenLiquids(c[:len(c)-1]) {
				add(TokenKey(f))
			}
		}
	}
	return keys
}

// russifiedForms are the spellings of surname t with and without the
// Russian -ov, or with the Persian -zoda for it (russifiedSpelling); none
// for a word of a given-name table or too short to be a surname's stem.
func russifiedForms(t string) []string {
	if givenName(t) >= 0 {
		return nil
	}
	for _, z := range []string{"zoda", "zada", "zade"} {
		if stem, ok := strings.CutSuffix(t, z); ok && len(stem) >= 5 {
			return []string{stem, stem + "ov"}
		}
	}
	if len(t) >= 7 && (strings.HasSuffix(t, "ov") || strings.HasSuffix(t, "ev")) {
		return []string{t[:len(t)-2]}
	}
	if len(t) >= 5 && !strings.HasSuffix(t, "ov") && !strings.HasSuffix(t, "ev") && !strings.HasSuffix(t, "ova") && !strings.HasSuffix(t, "eva") {
		return []string{t + "ov"}
	}
	return nil
}

// FuzzyKeys returns keys that reach records whose name has one consonant
// fewer than this one in a token's skeleton — a typo the phonetic key
// cannot absorb (Smiht → smht finds Smith → smt). Meant for lookups, where
// an officer's spelling is noisier than a source's; each token of three or
// more skeleton letters gives up to six variants.
func (n Name) FuzzyKeys() []string {
	var keys []string
	for i := range n.Tokens {
		k := TokenKey(n.core(i))
		if len(k) < 3 || k[0] == 'v' && !strings.ContainsAny(k[1:], "bcdfghjklmnpqrstvwxz") {
			continue
		}
		for i := 0; i < len(k) && i < 6; i++ {
			v := k[:i] + k[i+1:]
			if len(v) >= 2 && !contains(keys, v) && v != k {
				keys = append(keys, v)
			}
		}
	}
	return keys
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
