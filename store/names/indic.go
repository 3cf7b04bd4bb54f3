package names

import "strings"

// The scripts of India, from Devanagari to Malayalam, share one layout:
// each has a block of 128 code points, and a letter sits at the same
// offset in each (क, ক, ਕ, ક, କ, க, క, ಕ, ക are all ka, at 0x15). Their
// consonants carry a vowel a unless a vowel sign or the virama (्, which
// joins consonants into a cluster) says otherwise. go-unidecode wrote
// every consonant bare (मनमोहन सिंह, Manmohan Singh, as "mnmohn sinh";
// மகிந்த ராஜபக்ச, Mahinda Rajapaksa, as "mkint rajpkc"), so the names
// fell far from their Latin spellings. indicWord reads a word syllable by
// syllable, with the vowel a where it is written by its absence, then
// drops it where Hindi, Punjabi, Gujarati and Bengali do not say it (a
// word's last single consonant: राम is Ram; and in Hindi, Punjabi and
// Gujarati, a consonant between two sounded vowels: मनमोहन is
// man-mo-han). Tamil's consonants are voiced after a nasal (மகிந்த,
// Mahinda). Sinhala, laid out otherwise, is read by go-unidecode.

const (
	indicFirst = 0x0900 // Devanagari
	indicLast  = 0x0D7F // the end of Malayalam
	indicBlock = 0x80

	blockDevanagari = 0x0900
	blockBengali    = 0x0980
	blockGurmukhi   = 0x0A00
	blockGujarati   = 0x0A80
	blockOriya      = 0x0B00
	blockTamil      = 0x0B80
	blockTelugu     = 0x0C00

	offVirama = 0x4D
	offNukta  = 0x3C
)

// isIndic reports whether r is in one of the blocks indicWord reads.
func isIndic(r rune) bool { return r >= indicFirst && r <= indicLast }

// indicConsonants are the consonants by offset in their block.
var indicConsonants = map[int]string{
	0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "n",
	0x1A: "ch", 0x1B: "chh", 0x1C: "j", 0x1D: "jh", 0x1E: "n",
	0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh", 0x23: "n",
	0x24: "t", 0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x29: "n",
	0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m",
	0x2F: "y", 0x30: "r", 0x31: "r", 0x32: "l", 0x33: "l", 0x34: "zh", 0x35: "v",
	0x36: "sh", 0x37: "sh", 0x38: "s", 0x39: "h",
	// Consonants with a nukta, precomposed (क़ q, ज़ z, फ़ f; ড় r, য় y).
	0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r", 0x5D: "rh", 0x5E: "f", 0x5F: "y",
}

// withNukta is what a consonant becomes with a nukta after it (ज़ is z,
// फ़ f, ड़ r; ਸ਼ sh).
var withNukta = map[string]string{"k": "q", "j": "z", "ph": "f", "d": "r", "dh": "rh", "s": "sh", "g": "gh"}

// indicVowels are the independent vowels and the vowel signs by offset;
// long and short vowels are written alike, as Latin spellings of names
// mostly do.
var indicVowels = map[int]string{
	0x04: "a", 0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0C: "li",
	0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o", 0x13: "o", 0x14: "au",
	0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x44: "ri",
	0x45: "e", 0x46: "e", 0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o", 0x4C: "au",
	0x62: "li", 0x63: "li",
}

// indicSign reports whether offset off is a vowel sign among indicVowels
// (the rest stand alone).
func indicSign(off int) bool { return off >= 0x3E && off <= 0x4C || off == 0x62 || off == 0x63 }

// indicCoda returns the mark that ends a syllable, if off is one: the nasal signs (ं, ँ,
// Gurmukhi's tippi ੰ), the visarga (ः) and Malayalam's chillu letters, a
// consonant without its vowel (ൻ n, ർ r, ൽ l).
func indicCoda(block rune, off int) (string, bool) {
	switch {
	case off == 0x01, off == 0x02:
		return "n", true
	case off == 0x03:
		return "h", true
	case block == blockGurmukhi && off == 0x70:
		return "n", true
	case block == 0x0D00:
		switch off {
		case 0x7A, 0x7B:
			return "n", true
		case 0x7C:
			return "r", true
		case 0x7D, 0x7E:
			return "l", true
		case 0x7F:
			return "k", true
		case 0x54:
			return "m", true
		}
	case block == blockBengali && off == 0x4E: // ৎ, a final t
		return "t", true
	}
	return "", false
}

// syllable is a cluster of consonants and its vowel.
type syllable struct {
	cons     []string // the cluster's consonants
	vowel    string
	inherent bool   // vowel is the a no sign wrote
	coda     string // a nasal sign, visarga or chillu after the vowel
}

// indicWord writes a word of an Indian script in Latin letters.
func indicWord(w string) string {
	var syls []syllable
	block := rune(0)
	joined := false // a virama: the next consonant joins the cluster
	double := false // Gurmukhi's addak: the next consonant is doubled
	lastCons := 0   // the offset of the last consonant read
	for _, r := range w {
		if !isIndic(r) {
			syls = append(syls, syllable{vowel: translitOther(string(r))})
			joined = false
			continue
		}
		block = r &^ (indicBlock - 1)
		off := int(r - block)
		last := len(syls) - 1
		if c, ok := indicConsonants[off]; ok {
			prevCons := lastCons
			lastCons = off
			c = blockConsonant(block, off, c, joined)
			if joined && off == 0x1E && prevCons == 0x1C && last >= 0 && len(syls[last].cons) > 0 &&
				(block == blockDevanagari || block == blockBengali) {
				// ज्ञ, জ্ঞ is said gy in Hindi, Nepali and Bengali, and names
				// write it so (ज्ञानेन्द्र, Gyanendra; प्रज्ञा, Pragya).
				syls[last].cons[len(syls[last].cons)-1], c = "g", "y"
			}
			if double {
				c = c[:1] + c
				double = false
			}
			if joined && last >= 0 {
				syls[last].cons = append(syls[last].cons, c)
				syls[last].vowel, syls[last].inherent = "a", true
			} else {
				syls = append(syls, syllable{cons: []string{c}, vowel: "a", inherent: true})
			}
			joined = false
			continue
		}
		joined = false
		switch v, vowel := indicVowel(block, off); {
		case vowel && indicSign(off) && last >= 0 && len(syls[last].cons) > 0:
			syls[last].vowel, syls[last].inherent = v, false
		case vowel:
			// An i before another vowel is a y (ইউনূস, Yunus).
			if last >= 0 && len(syls[last].cons) == 0 && syls[last].vowel == "i" && syls[last].coda == "" {
				syls[last].vowel = "y"
			}
			syls = append(syls, syllable{vowel: v})
		case off == offVirama && last >= 0:
			syls[last].vowel, syls[last].inherent = "", false
			joined = true
		case off == offNukta && last >= 0 && len(syls[last].cons) > 0:
			cs := syls[last].cons
			if n, ok := withNukta[cs[len(cs)-1]]; ok {
				cs[len(cs)-1] = n
			}
			if lastCons == 0x2F {
				cs[len(cs)-1] = "y" // য় and ୟ, decomposed: y
			}
		case block == blockGurmukhi && off == 0x71:
			double = true
		case block == blockGurmukhi && (off == 0x72 || off == 0x73):
			// ੲ and ੳ carry a vowel sign; alone they are i and u.
			v := "i"
			if off == 0x73 {
				v = "u"
			}
			syls = append(syls, syllable{cons: []string{""}, vowel: v})
		case off >= 0x66 && off <= 0x6F:
			syls = append(syls, syllable{vowel: string(rune('0' + off - 0x66))})
		default:
			c, ok := indicCoda(block, off)
			switch {
			case ok && last >= 0:
				syls[last].coda += c
			case ok:
				syls = append(syls, syllable{vowel: c})
			}
		}
	}
	dropSchwas(syls, block)
	if block == blockTamil {
		voiceAfterNasals(syls)
	}
	var b strings.Builder
	for i, s := range syls {
		for _, c := range s.cons {
			b.WriteString(c)
		}
		b.WriteString(s.vowel)
		coda := s.coda
		if strings.HasPrefix(coda, "n") && i+1 < len(syls) && len(syls[i+1].cons) > 0 {
			switch next := syls[i+1].cons[0]; {
			case next == "m":
				coda = coda[1:] // ਅੰਮ੍ਰਿਤ: the nasal sign doubles the m
			case next == "p" || next == "b" || next == "bh":
				coda = "m" + coda[1:]
			}
		}
		if coda == "n" && i+1 < len(syls) && len(syls[i+1].cons) == 1 && syls[i+1].cons[0] == "h" {
			if syls[i+1].vowel == "" {
				coda = "ng" // सिंह, Singh
			} else {
				coda = "m" // నరసింహ, संहिता: Narasimha, Samhita, as Sanskrit's ṃ before h is written
			}
		}
		b.WriteString(coda)
	}
	r := b.String()
	switch {
	case block == blockTelugu && strings.HasSuffix(r, "ravu"):
		// Telugu's రావు, said with the vowel Telugu ends its words with, is
		// the family name Rao, alone or joined (నరసింహారావు, Narasimha Rao).
		return r[:len(r)-len("ravu")] + "rao"
	case block == blockBengali:
		return bengaliW(w, r)
	}
	return r
}

// indicVowel is the vowel a letter or sign writes in its script: Bengali's
// ঔ and ৌ are ou as Bengali names spell them (চৌধুরী Choudhury, Chowdhury;
// গৌতম Goutam), where Devanagari's औ is au (Gautam, Chaudhary).
func indicVowel(block rune, off int) (string, bool) {
	if block == blockBengali && (off == 0x14 || off == 0x4C) {
		return "ou", true
	}
	v, ok := indicVowels[off]
	return v, ok
}

// blockConsonant adjusts a consonant for its script: Bengali and Oriya
// write j with য and ଯ (y only after a virama), Tamil s with ச.
func blockConsonant(block rune, off int, c string, joined bool) string {
	switch {
	case (block == blockBengali || block == blockOriya) && off == 0x2F && !joined:
		return "j"
	case block == blockTamil && off == 0x1A:
		return "s"
	case block == blockTamil && off == 0x24:
		return "th" // த: Muthu, Jayalalithaa
	}
	return c
}

// dropSchwas drops the vowel a where the languages of northern India do
// not say it: after a word's last single consonant (राम, Ram; but नरेन्द्र,
// Narendra, keeps it after its cluster), and in Hindi, Punjabi and
// Gujarati after a single consonant between two sounded vowels, taken
// from the end (मनमोहन, man-mo-han; अजमल, Ajmal).
func dropSchwas(syls []syllable, block rune) {
	switch block {
	case blockDevanagari, blockGurmukhi, blockGujarati, blockBengali, blockOriya:
	default:
		return
	}
	n := len(syls)
	if n > 1 && syls[n-1].inherent && len(syls[n-1].cons) == 1 && syls[n-1].coda == "" {
		syls[n-1].vowel, syls[n-1].inherent = "", false
	}
	if block == blockBengali || block == blockOriya {
		return // Bengali sounds them (মমতা, Mamata)
	}
	for i := n - 2; i >= 1; i-- {
		s := &syls[i]
		if s.inherent && len(s.cons) == 1 && s.coda == "" && syls[i-1].vowel != "" && syls[i-1].coda == "" &&
			len(syls[i+1].cons) > 0 && syls[i+1].vowel != "" {
			s.vowel, s.inherent = "", false
		}
	}
}

// tamilVoiced are Tamil's stops as said after a nasal.
var tamilVoiced = map[string]string{"k": "g", "s": "j", "t": "d", "th": "d", "p": "b"}

// voiceAfterNasals voices Tamil's stops after a nasal, as they are said
// (மகிந்த, ma-hin-da; சந்திரன், Chandran is written s-n-t).
func voiceAfterNasals(syls []syllable) {
	prevNasal := false
	for i := range syls {
		for j, c := range syls[i].cons {
			if v, ok := tamilVoiced[c]; ok && prevNasal {
				syls[i].cons[j] = v
			}
			prevNasal = c == "n" || c == "m"
		}
		if syls[i].vowel != "" || syls[i].coda != "" {
			prevNasal = strings.HasSuffix(syls[i].coda, "n") || strings.HasSuffix(syls[i].coda, "m")
		}
	}
}

// bengaliText reports whether s holds a Bengali letter (U+0980-U+09FF).
func bengaliText(s string) bool {
	return holdsRune(s, 0xE0, func(r rune) bool { return r >= blockBengali && r < blockBengali+indicBlock })
}

// bengaliZ returns a, read from Bengali letters, with its j written z:
// Bengali writes the z of names from Arabic and Persian with জ, its j
// (জিয়া is Zia, জিল্লুর Zillur); "" when a has no j.
func bengaliZ(a string) string {
	if !strings.Contains(a, "j") {
		return ""
	}
	return strings.ReplaceAll(a, "j", "z")
}

// oriyaText reports whether s holds an Oriya letter (U+0B00-U+0B7F). Oriya
// writes b and v with one letter (ବ), as Bengali does (ব), read b.
func oriyaText(s string) bool {
	return holdsRune(s, 0xE0, func(r rune) bool { return r >= blockOriya && r < blockOriya+indicBlock })
}

// bvSpelling reports whether t, read from Bengali or Oriya letters,
// is the Latin word l with its v or w written b: ନବୀନ, read nabin, is
// Naveen; or, read from Devanagari, l with its b written v: वीर, read
// vir, is Bir. Words with one key already are compared as any two
// spellings.
func bvSpelling(t, l string) bool {
	if TokenKey(t) == TokenKey(l) {
		return false
	}
	for _, p := range [][2]string{{"b", "v"}, {"v", "b"}} {
		if strings.Contains(t, p[0]) && strings.Contains(l, p[1]) {
			if s, _ := tokenSim(strings.ReplaceAll(t, p[0], p[1]), l); s >= .85 {
				return true
			}
		}
	}
	return false
}

// tamilText reports whether s holds a Tamil letter (U+0B80-U+0BFF).
func tamilText(s string) bool {
	return holdsRune(s, 0xE0, func(r rune) bool { return r >= blockTamil && r < blockTamil+indicBlock })
}

// tamilSpelling reports whether t, read from Tamil letters, and the Latin
// word l are one name: Tamil writes neither aspiration nor voicing (the
// phonetic key ignores voicing already) and its ச is s or ch, so
// பிரபாகரன், read pirapakaran, is Prabhakaran, and சந்திரசேகரன்
// (sandirasekaran) Chandrasekaran.
func tamilSpelling(t, l string) bool {
	if len(t) < 4 || TokenKey(t) == TokenKey(l) {
		return false // one key already: compared as any two spellings are
	}
	return TokenKey(strings.ReplaceAll(t, "ch", "s")) == TokenKey(tamilLatin.Replace(l))
}

// tamilLatin writes a Latin name as Tamil letters would: no aspirate, ch
// as s.
var tamilLatin = strings.NewReplacer("bh", "b", "dh", "d", "gh", "g", "kh", "k", "ph", "p", "jh", "j", "th", "t", "ch", "s")

// bengaliW gives the reading of a Bengali word that writes a w as ও and য়
// before a vowel (ওয়াজেদ, Wazed; হাওয়া, hawa) that w, where the letters
// read oy (oyajed).
func bengaliW(w, reading string) string {
	if !strings.Contains(w, "ওয়") && !strings.Contains(w, "ওয\u09bc") {
		return reading
	}
	var b strings.Builder
	for i := 0; i < len(reading); i++ {
		if reading[i] == 'o' && i+2 < len(reading) && reading[i+1] == 'y' && isVowel(reading[i+2]) {
			b.WriteByte('w')
			i++
			continue
		}
		b.WriteByte(reading[i])
	}
	return b.String()
}
