package names

import "strings"

// The European Union's sanctions list names each person in every official
// language, and each language romanises a Russian, Ukrainian or Belarusian
// name its own way: Vladimir Yuryevich Shcherbakov is Vladimir Jurjevitj
// Sjtjerbakov in Swedish, Vladimir Joerjevitsj Sjtsjerbakov in Dutch,
// Władimir Jurjewicz Szczerbakow in Polish, Vlagyimir Jurjevics Scserbakov
// in Hungarian, Vladimir Jurjevič Ščerbakov in Czech, Vladimirs Jurjevičs
// Ščerbakovs in Latvian, Vladimiras Jurjevičius Ščerbakovas in Lithuanian.
// Lists copied from it carry these forms as aliases, and another source
// has only one of them. The rules below are the published romanisation
// tables of those languages, read back to the English one (BGN/PCGN) that
// the other folds and keys work from; they are written here because no
// maintained library reads a romanisation back.

// hachekLetters are the Latin letters with a caron or a cedilla that stand
// for the sounds English writes with an h: Czech, Slovak, Slovene,
// Croatian, Latvian, Lithuanian, Finnish and Estonian č, š, ž, and the
// Turkish and Romanian ş, ș, the Polish ż, and the Serbo-Croatian đ (dj, as
// English sources and Serbian passports write it: Djokovic). Latinize
// writes them so before the remaining diacritics go (Ščerbakov → shcherbakov, not scerbakov); a name spelt
// without its diacritics (Scerbakov) still meets it through iso9Fold.
var hachekPairs = []string{
	"č", "ch", "Č", "ch", "š", "sh", "Š", "sh", "ž", "zh", "Ž", "zh",
	"ş", "sh", "Ş", "sh", "ș", "sh", "Ș", "sh", "ż", "zh", "Ż", "zh",
	"đ", "dj", "Đ", "dj",
	// Serbian Cyrillic as its Latin twin is read here: ћ is ć (c), ђ đ
	// (dj), џ dž (dzh); go-unidecode writes ћ "tsh" (Караџић, karadzhitsh).
	"ћ", "c", "Ћ", "c", "ђ", "dj", "Ђ", "dj", "џ", "dzh", "Џ", "dzh",
}

var (
	hachekLetters = strings.NewReplacer(hachekPairs...)
	// hachekSet is the letters hachekLetters replaces, to tell cheaply
	// whether a word needs it.
	hachekSet = func() string {
		var b strings.Builder
		for i := 0; i < len(hachekPairs); i += 2 {
			b.WriteString(hachekPairs[i])
		}
		return b.String()
	}()
)

// hasHachek reports whether w holds one of hachekLetters.
func hasHachek(w string) bool { return strings.ContainsAny(w, hachekSet) }

// caronText reports whether s holds a letter read with an h that a source
// writing plain Latin letters reads without one: one of hachekLetters
// (Ražnatović, Şahin), or the Cyrillic ж, ч, ш, щ or х (Ражнатовић is
// razhnatovich; the same man is Raznatovic in a source with no carons).
func caronText(s string) bool {
	return hasHachek(s) || strings.ContainsAny(s, "жчшщхЖЧШЩХ")
}

// Romanisations of Cyrillic read back to English, one per family of
// languages; each applies to a word that shows its letters (europeFolds).
var (
	// Swedish, Danish, Norwegian (tj, zj, sj, j) and Dutch (tsj, sj, zj,
	// oe), with Finnish and Estonian tš, štš once the caron is read (tsh).
	nordicRoman = strings.NewReplacer(
		"shtsh", "shch", "sjtsj", "shch", "sjtj", "shch", "tsj", "ch", "tsh", "ch", "tj", "ch",
		"zj", "zh", "sj", "sh", "oe", "u", "ch", "kh", "j", "y")
	// Polish: szcz, cz, sz, rz, w, ch, j, and ie for е after a consonant
	// (Siergiej, Pietrowna).
	polishRoman = strings.NewReplacer(
		"szcz", "shch", "cz", "ch", "sz", "sh", "rz", "zh", "ch", "kh", "w", "v", "ie", "e", "j", "y")
	// Hungarian: cs, zs, sz, s (an English sh), gy, ny, ty (Vlagyimir,
	// Nyikolaj, Putyin).
	hungarianRoman = strings.NewReplacer(
		"cs", "ch", "zs", "zh", "sz", "s", "s", "sh", "gy", "d", "ny", "n", "ty", "t", "j", "y")
)

// balticEndings are the case endings Latvian (-s) and Lithuanian (-as,
// -us, -is) put on a man's name and surname, with what they stand for:
// Vladimirs, Vladimiras; Vitālijs, Vitalijus; Morozovs, Morozovas;
// Jurjevičs, Jurjevičius. Only endings after the letters Russian names and
// patronymics end in are read (Williams and Thomas are not Latvian).
var balticEndings = []struct{ ending, base string }{
	{"ichius", "ich"}, {"ijus", "iy"}, {"ejus", "ey"}, {"ajus", "ay"},
	{"ovas", "ov"}, {"evas", "ev"}, {"inas", "in"}, {"iras", "ir"}, {"oras", "or"}, {"dras", "dr"},
	{"ilas", "il"}, {"imas", "im"}, {"egas", "eg"}, {"elas", "el"}, {"anas", "an"}, {"isas", "is"},
	{"ichs", "ich"}, {"ijs", "iy"}, {"ejs", "ey"}, {"ajs", "ay"},
	{"ovs", "ov"}, {"evs", "ev"}, {"ins", "in"}, {"irs", "ir"}, {"ors", "or"}, {"drs", "dr"},
}

// balticBase strips a Latvian or Lithuanian ending from t, a word of six
// letters or more; ok is false when t has none.
func balticBase(t string) (string, bool) {
	if len(t) < 6 || t[len(t)-1] != 's' {
		return t, false
	}
	for _, e := range balticEndings {
		if strings.HasSuffix(t, e.ending) {
			return t[:len(t)-len(e.ending)] + e.base, true
		}
	}
	return t, false
}

// slovakBase undoes the -ová that Czech and Slovak add to a woman's
// foreign surname ending in -a (Pachodava → Pachodavová, Zhukova →
// Zhukovová, Putina → Putinová); ok is false for any other word. Only the
// -vová and -inová of Russian and Belarusian surnames are read, so that a
// Czech surname in -ová (Nováková) is left as it is.
func slovakBase(t string) (string, bool) {
	if len(t) < 8 || t[len(t)-1] != 'a' {
		return t, false
	}
	if strings.HasSuffix(t, "vova") || strings.HasSuffix(t, "inova") {
		return t[:len(t)-3] + "a", true
	}
	return t, false
}

// europeBase is t without a Latvian or Lithuanian ending or a Slovak
// -ová (balticBase, slovakBase), its j read as y; t when it has none.
func europeBase(t string) string {
	base, baltic := balticBase(t)
	base, slovak := slovakBase(base)
	if !baltic && !slovak {
		return t
	}
	return strings.ReplaceAll(base, "j", "y") // Sergejs, Vitalijus: a j is a y in every language here
}

// europeFolds are the readings of t as a Nordic, Dutch, Finnish, Polish
// or Hungarian romanisation, in English letters.
func europeFolds(t string) []string {
	m := marksOf(t)
	if m == 0 {
		return nil
	}
	var out []string
	if m&(markNordic|markDutch) != 0 {
		out = append(out, nordicRoman.Replace(t))
	}
	if m&(markPolish|markPolishSoft|markSz) != 0 {
		out = append(out, polishRoman.Replace(t))
	}
	if m&(markHungarian|markSz) != 0 {
		out = append(out, hungarianRoman.Replace(t))
	}
	return out
}

// Marks of a romanisation in a word (marksOf).
const (
	markNordic     = 1 << iota // tj, zj, sj
	markDutch                  // oe, tsh
	markPolish                 // cz, rz
	markPolishSoft             // w, ie: also German, French, English
	markHungarian              // cs, zs, gy, ny, ty
	markSz                     // sz: Polish or Hungarian
)

// marksOf reads, in one pass, which romanisations t shows letters of.
func marksOf(t string) uint8 {
	var m uint8
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == 'w' {
			m |= markPolishSoft
		}
		if i == 0 {
			continue
		}
		switch p := t[i-1]; c {
		case 'j':
			if p == 't' || p == 'z' || p == 's' {
				m |= markNordic
			}
		case 'e':
			if p == 'o' {
				m |= markDutch
			} else if p == 'i' {
				m |= markPolishSoft
			}
		case 'h':
			if p == 's' && i >= 2 && t[i-2] == 't' {
				m |= markDutch
			}
		case 'z':
			switch p {
			case 'c', 'r':
				m |= markPolish
			case 's':
				m |= markSz
			}
		case 's':
			if p == 'c' || p == 'z' {
				m |= markHungarian
			}
		case 'y':
			if p == 'g' || p == 'n' || p == 't' {
				m |= markHungarian
			}
		}
	}
	return m
}

// europeReading is the one English reading of t that retrieval keys use
// (CanonicalKey, Name.Keys) when t shows letters no English romanisation
// writes — Nordic or Dutch tj, zj, sj; Polish cz, rz; Hungarian cs, zs,
// gy, sz — or a Latvian, Lithuanian or Slovak ending; "" otherwise. Only
// such marks are read, so that the keys of English spellings (Joe, Dowie)
// never change.
func europeReading(t string) string {
	base := europeBase(t)
	m := marksOf(base)
	switch {
	case m&markNordic != 0:
		return nordicRoman.Replace(base)
	case m&markPolish != 0:
		return polishRoman.Replace(base)
	case m&(markHungarian|markSz) != 0:
		return hungarianRoman.Replace(base)
	case base != t:
		return base
	}
	return ""
}

// koForms reports whether a and b are the Ukrainian -ko and the Belarusian
// -ka of one surname, as enkoForms does for -enko and -enka (Sojko, Sojka;
// Bojko, Bojka; Ivashko, Ivashka; Prykhodko, Prykhodka). Only after the
// letters those surnames put before it: Janko and Janka, Mirko and Mirka
// are a man's and a woman's given name.
func koForms(a, b string) bool {
	if len(a) != len(b) || len(a) < 5 {
		return false
	}
	stem := len(a) - 2
	if a[:stem] != b[:stem] && strings.ReplaceAll(a[:stem], "y", "i") != strings.ReplaceAll(b[:stem], "y", "i") ||
		strings.IndexByte("jyihsd", a[stem-1]) < 0 {
		return false
	}
	return a[stem:] == "ko" && b[stem:] == "ka" || a[stem:] == "ka" && b[stem:] == "ko"
}
