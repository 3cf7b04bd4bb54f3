package names

// An Arabic name has three vowels, a, i and u, and Latin spellings write
// them as dialects and habits say them (Mohamed and Muhammad, Omar and
// Umar, Morsi and Mursi, Ould and Uld), while Japanese and Korean lists
// write the name's own vowels, or the spelling's (ムハンマド muhanmado and
// モハメド mohamedo, ムルシ murushi, ウマル umaru; 무함마드 muhammadeu): a
// katakana or Hangul transcription of an Arab's name is heard with the
// vowels of any of those spellings.

// arabLatinName reports whether the Latin name of the words ws (and of
// their cores, the words without particles: Abu Mohammed's Mohammed) is
// an Arab's: it holds a given name of the Arabic table, a spelling of
// Muhammad, or an Abd- compound.
func arabLatinName(ws, cores []word) bool {
	lf := languageForms()
	for _, ws := range [2][]word{ws, cores} {
		for i := range ws {
			if w := &ws[i]; w.group >= lf.arabicFrom || muhammadWord(w) || abdBase(w.s) != "" {
				return true
			}
		}
	}
	return false
}

// transcribedArabSim is transcribedSim of the reading k and the Latin word
// y, which, when y's name is an Arab's (arabLatinName), is also heard
// with Arabic's vowels (arabVowelsMeet): Morsi's o is the u of ムルシ
// murushi, Mohamed's e the a of ムハンマド muhanmado, Muhammad's a the e of
// モハメド mohamedo. Every vowel of y must then be heard: the
// transcription may leave one out of a foreign name, not here (Hussain,
// a spelling of Hussein, is no ハサン hasan). Chinese's vowels are loose
// enough (hanVowels), and its er's e, an r, is no vowel of the name.
func transcribedArabSim(tr *transcription, k string, y *word) (float64, int) {
	s, kind := transcribedSim(tr, k, y.s)
	if kind >= kindVariant || !y.arabLatin || tr != kanaTranscription {
		return s, kind
	}
	if as, ak := transcribedSimOf(tr, k, y.s, varyForms|arabVowels); ak >= kindVariant {
		return min(as, .88), kindVariant
	}
	return s, kind
}

// arabVowelsMeet is vowelMeets for the vowels of an Arab's name: a Latin
// vowel c and a reading's v meet when they may write one of Arabic's
// three, a (a, e), i (i, e) and u (u, o). vowelsWithin's marks meet as
// vowelMeets says.
func arabVowelsMeet(c, v byte, forms map[byte]string) bool {
	ac, av := arabVowelClass(c), arabVowelClass(v)
	if ac == 0 || av == 0 {
		return vowelMeets(c, v, forms)
	}
	return ac&av != 0
}

// arabVowelClass returns the set of Arabic's vowels a Latin vowel writes
// (1 a, 2 i, 4 u), 0 for vowelsWithin's marks.
func arabVowelClass(c byte) byte {
	switch c {
	case 'a':
		return 1
	case 'e':
		return 1 | 2
	case 'i':
		return 2
	case 'o', 'u':
		return 4
	}
	return 0
}
