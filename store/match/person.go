package match

import (
	"net/mail"
	"slices"
	"strings"

	"github.com/biter777/countries"

	"github.com/vigie/vigie/store/names"
)

// MaxIdentifier is the longest identifier value compared; longer values are
// not identifiers and normalise to "".
const MaxIdentifier = 128

// NormalizeIdentifier brings an identifier to the form it is compared in:
// passports, ids, licences and plates upper-case letters and digits only
// (EH-123 456 → EH123456); phones digits only, a leading 00 or + and the
// trunk 0 dropped (+33 6 12 34 56 78 → 33612345678, 06 12 34 56 78 →
// 612345678); e-mail trimmed and lower-cased. It returns "" for a value with
// nothing left to compare.
func NormalizeIdentifier(kind, value string) string {
	// Bytes that are not UTF-8 are dropped first: lower-casing would widen
	// each into a replacement character and push a value over the limit.
	value = strings.TrimSpace(strings.ToValidUTF8(value, ""))
	if value == "" || len(value) > MaxIdentifier {
		return ""
	}
	switch kind {
	case "email":
		v := strings.TrimSpace(value)
		if strings.Contains(v, "<") {
			// "Jay Jones" <jjones@example.com>: the address, not the name.
			if a, err := mail.ParseAddress(v); err == nil {
				v = a.Address
			}
		}
		v = strings.ToLower(v)
		if strings.Count(v, "@") != 1 || strings.ContainsAny(v, " \t") {
			return ""
		}
		return v
	case "phone":
		var b []byte
		for i := 0; i < len(value); i++ {
			if c := value[i]; c >= '0' && c <= '9' {
				b = append(b, c)
			}
		}
		s := string(b)
		s = strings.TrimPrefix(s, "00")
		s = strings.TrimLeft(s, "0")
		if len(s) < 5 {
			return ""
		}
		return s
	}
	var b []byte
	for _, r := range strings.ToUpper(names.Latinize(documentCore(value))) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b = append(b, byte(r))
		}
	}
	if len(b) < 3 && kind != "other" {
		return ""
	}
	if len(b) > MaxIdentifier {
		// Transliteration lengthens (џ is DZH): the normalised value
		// stays within the limit, so normalising it again keeps it.
		b = b[:MaxIdentifier]
	}
	return string(b)
}

// documentCore is the number in a document value as sources write it:
// without what is in brackets (N1234567 (Russia)), a label before it
// (Passport no. 1234567) or what follows a comma or a word that starts a
// remark (A1234567, issued 2010; A1234567 expires 2030). A number written
// in groups (EH 123 456) keeps them.
func documentCore(v string) string {
	var b strings.Builder
	depth := 0
	for _, r := range v {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	v = b.String()
	if i := strings.Index(v, ", "); i > 0 {
		v = v[:i]
	}
	if i := strings.Index(v, "; "); i > 0 {
		v = v[:i]
	}
	words := strings.Fields(v)
	for i, w := range words {
		if documentRemarks[strings.ToLower(strings.Trim(w, ".:"))] && i > 0 {
			words = words[:i]
			break
		}
	}
	for len(words) > 1 && documentLabels[strings.ToLower(strings.Trim(words[0], ".:"))] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// documentLabels are words written before a document number; documentRemarks
// start what is written after it.
var (
	documentLabels = map[string]bool{
		"no": true, "nr": true, "n°": true, "nº": true, "#": true, "number": true, "num": true, "": true, "passport": true,
		"passeport": true, "pasaporte": true, "passaporto": true, "reisepass": true, "id": true,
		"card": true, "national": true, "identity": true, "licence": true, "license": true,
	}
	documentRemarks = map[string]bool{
		"issued": true, "expires": true, "expiry": true, "expired": true, "valid": true, "dated": true,
		"delivered": true, "issue": true, "exp": true, "délivré": true, "expedido": true,
	}
)

// IdentifierProperties returns the properties read as identifiers, so that
// whoever keeps a record's identity properties keeps them all.
func IdentifierProperties() []string {
	out := make([]string, len(identifierProps))
	for i, p := range identifierProps {
		out[i] = p[0]
	}
	return out
}

// identifierProps maps FtM properties to identifier kinds.
var identifierProps = [][2]string{
	{"passportNumber", "passport"}, {"idNumber", "national_id"}, {"socialSecurityNumber", "national_id"},
	{"taxNumber", "tax"}, {"innCode", "tax"}, {"vatCode", "tax"}, {"phone", "phone"}, {"email", "email"},
	{"licenseNumber", "licence"}, {"driverLicenseNumber", "licence"},
	{"registrationNumber", "other"}, {"ogrnCode", "other"}, {"leiCode", "other"},
}

// FromProperties builds the Person an FtM entity describes: its names
// (name, alias, previousName, and firstName/middleName/fatherName/lastName
// put together; weakAlias as WeakNames), birthDate, identifiers (passport,
// national id, tax, phone, e-mail, licence; a Vehicle's registrationNumber
// as a plate), nationality and citizenship, gender, birthPlace and address.
func FromProperties(schema string, props map[string][]string) Person {
	return Prepare(fromProperties(schema, props))
}

// fromProperties is FromProperties without preparing the person.
func fromProperties(schema string, props map[string][]string) Person {
	var p Person
	addName := func(n string) {
		n = strings.TrimSpace(n)
		if n != "" && !contains(p.Names, n) && len(p.Names) < 4*MaxNames {
			p.Names = append(p.Names, n)
		}
	}
	addWeak := func(v string) {
		if v = strings.TrimSpace(v); v != "" && !contains(p.Names, v) && !contains(p.WeakNames, v) && len(p.WeakNames) < MaxNames {
			p.WeakNames = append(p.WeakNames, v)
		}
	}
	for _, prop := range []string{"name", "alias", "previousName"} {
		for _, v := range props[prop] {
			for _, n := range splitNameValue(v) {
				if names.TitleOnly(n) {
					addWeak(n) // a title two leaders held: kept for lookups, no name
					continue
				}
				addName(n)
			}
		}
	}
	first, middle, father, last := props["firstName"], props["middleName"], props["fatherName"], props["lastName"]
	if len(first) > 0 || len(last) > 0 {
		for _, f := range orEmpty(first) {
			for _, l := range orEmpty(last) {
				addName(f + " " + l)
				for _, m := range middle {
					addName(f + " " + m + " " + l)
				}
				for _, fa := range father {
					addName(f + " " + fa + " " + l)
				}
			}
		}
	}
	for _, v := range props["weakAlias"] {
		addWeak(v)
	}
	p.BirthDates = append(p.BirthDates, props["birthDate"]...)
	if len(p.BirthDates) == 0 {
		p.BirthDates = identityDates(props) // a register that keeps the number, not the date
	}
	for _, pk := range identifierProps {
		prop, kind := pk[0], pk[1]
		if prop == "registrationNumber" && schema == "Vehicle" {
			kind = "plate"
		}
		for _, v := range props[prop] {
			p.Identifiers = append(p.Identifiers, Identifier{Kind: kind, Value: v})
		}
	}
	p.Nationalities = append(append(p.Nationalities, props["nationality"]...), props["citizenship"]...)
	p.NamePart = namePart(p.Names, first, last)
	p.Genders = props["gender"]
	p.Places = props["birthPlace"]
	p.Fathers = father
	p.Countries = props["country"]
	p.Positions = props["position"]
	p.Addresses = props["address"]
	p.Individual = schema == "Person"
	p.Sanctioned = slices.ContainsFunc(props["topics"], func(t string) bool { return t == "sanction" || strings.HasPrefix(t, "sanction.") })
	return p
}

// splitNameValue splits a name value that holds several names, as raw
// lists write them: "Osama bin Laden a.k.a. Usama bin Ladin", "Hassan
// Nasrallah; Hasan Nasr Allah", "Ivan Petrov (Иван Петров)", and India's
// "Sajid Majeed @ Sajid Mir" (an @ in a value of several words). The value
// itself comes first, so that nothing is lost; then each name in it. What
// is in brackets is a name of its own when it has two words or more, or
// is in another script (a note, or Mary in "Maria (Mary) Smith", is not),
// and the value without it is one.
func splitNameValue(v string) []string {
	out := []string{v}
	lower := strings.ToLower(v)
	at := strings.Contains(v, "@") && strings.Contains(strings.TrimSpace(v), " ")
	if !at && !strings.ContainsAny(v, "(;") && !strings.Contains(lower, "a.k.a") &&
		!strings.Contains(lower, " aka ") && !strings.Contains(lower, " alias ") {
		return out
	}
	add := func(n string) {
		n = strings.TrimSpace(n)
		n = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(n, "alias "), "a.k.a. "))
		if n != "" && !slices.Contains(out, n) && len(out) < 8 {
			out = append(out, n)
		}
	}
	// Brackets first: the value without them, and what they hold.
	var outside strings.Builder
	rest := v
	for {
		i := strings.IndexByte(rest, '(')
		j := strings.IndexByte(rest, ')')
		if i < 0 || j < i {
			outside.WriteString(rest)
			break
		}
		outside.WriteString(rest[:i])
		inner := strings.TrimSpace(rest[i+1 : j])
		if len(strings.Fields(inner)) >= 2 || names.Latinize(inner) != strings.ToLower(inner) {
			add(inner)
		}
		rest = rest[j+1:]
	}
	split := strings.NewReplacer(" a.k.a. ", ";", " A.K.A. ", ";", " a.k.a ", ";", " aka ", ";",
		" AKA ", ";", " alias ", ";", " ALIAS ", ";", " Alias ", ";")
	whole := split.Replace(outside.String())
	if at {
		whole = strings.ReplaceAll(whole, "@", ";")
	}
	for _, part := range strings.Split(whole, ";") {
		add(strings.Join(strings.Fields(part), " "))
	}
	return out
}

// namePart is "given" when every name of the record is one of its first
// names and it has no surname, "surname" when every name is a surname and
// it has no first name, "" otherwise.
func namePart(all, first, last []string) string {
	if len(all) == 0 || len(first) > 0 == (len(last) > 0) {
		return ""
	}
	part, only := "given", first
	if len(last) > 0 {
		part, only = "surname", last
	}
	for _, n := range all {
		if !slices.ContainsFunc(only, func(o string) bool { return strings.EqualFold(strings.TrimSpace(o), n) }) {
			return ""
		}
	}
	return part
}

func orEmpty(xs []string) []string {
	if len(xs) == 0 {
		return []string{""}
	}
	return xs
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func gender(g string) string {
	switch strings.ToLower(strings.TrimSpace(g)) {
	case "m", "male", "man", "masculin", "homme", "h":
		return "m"
	case "f", "female", "woman", "feminin", "féminin", "femme":
		return "f"
	}
	return ""
}

// countryCode folds a nationality to a comparable code, ISO 3166 alpha-2
// lower-cased: adjectives and short names from countryNames, then codes
// (RUS, ru) and the names registers use ("Iran (Islamic Republic of)",
// "Korea, Democratic People's Republic of") through biter777/countries;
// anything else is compared as written, lower-cased.
func countryCode(c string) string {
	n := names.Normalize(c)
	if code, ok := knownCountry(c, n); ok {
		return code
	}
	return n
}

// knownCountry is the code of the country c (n normalised) names, by
// countryNames (where a country no longer there is "": no evidence) or
// biter777/countries; ok is false when it names none.
func knownCountry(c, n string) (code string, ok bool) {
	if n == "" {
		return "", true
	}
	if code, ok := countryNames[n]; ok {
		return code, true
	}
	if len(c) > 64 {
		return "", false
	}
	if code := countries.ByName(c); code.IsValid() && code != countries.Unknown {
		return strings.ToLower(code.Alpha2()), true
	}
	return "", false
}

// birthCountry is the country a place of birth ends with, by name or
// code ("Makiivka, Donetsk Oblast, Ukraine": ua), or "" when its last part
// names none.
func birthCountry(place string) string {
	if i := strings.LastIndexByte(place, ','); i >= 0 {
		place = place[i+1:]
	}
	place = strings.TrimSpace(place)
	code, _ := knownCountry(place, names.Normalize(place))
	return code
}

var countryNames = map[string]string{
	"france": "fr", "french": "fr", "belgium": "be", "belgian": "be", "belgique": "be",
	"morocco": "ma", "moroccan": "ma", "maroc": "ma", "algeria": "dz", "algerian": "dz",
	"tunisia": "tn", "tunisian": "tn", "syria": "sy", "syrian": "sy", "iraq": "iq", "iraqi": "iq",
	"germany": "de", "german": "de", "united kingdom": "gb", "uk": "gb", "british": "gb",
	"united states": "us", "usa": "us", "american": "us", "russia": "ru", "russian": "ru",
	"russian federation": "ru", "ukraine": "ua", "ukrainian": "ua", "spain": "es", "spanish": "es",
	"italy": "it", "italian": "it", "netherlands": "nl", "dutch": "nl", "turkey": "tr", "turkish": "tr",
	"egypt": "eg", "egyptian": "eg", "libya": "ly", "libyan": "ly", "iran": "ir", "iranian": "ir",
	"afghanistan": "af", "afghan": "af", "pakistan": "pk", "pakistani": "pk", "china": "cn", "chinese": "cn",
	"mexico": "mx", "mexican": "mx", "canada": "ca", "canadian": "ca", "greece": "gr", "greek": "gr",
	"israel": "il", "israeli": "il", "lebanon": "lb", "lebanese": "lb", "jordan": "jo", "jordanian": "jo",
	"saudi arabia": "sa", "saudi": "sa", "yemen": "ye", "yemeni": "ye", "somalia": "so", "somali": "so",
	"sudan": "sd", "sudanese": "sd", "chechnya": "ru", "belarus": "by", "belarusian": "by",
	"dprk": "kp", "north korean": "kp", "south korean": "kr", "korean": "kr", "venezuelan": "ve",
	"cuban": "cu", "nicaraguan": "ni", "kazakh": "kz", "uzbek": "uz", "tajik": "tj", "kyrgyz": "kg",
	"georgian": "ge", "armenian": "am", "azerbaijani": "az", "moldovan": "md", "serbian": "rs",
	"emirati": "ae", "qatari": "qa", "kuwaiti": "kw", "bahraini": "bh", "omani": "om", "palestinian": "ps",
	"nigerian": "ng", "malian": "ml", "nigerien": "ne", "chadian": "td", "eritrean": "er", "ethiopian": "et",
	"indian": "in", "bangladeshi": "bd", "indonesian": "id", "filipino": "ph", "vietnamese": "vn",
	"burmese": "mm",
	// The Soviet Union, Yugoslavia and Czechoslovakia say nothing of a
	// nationality today (a source writing su may mean what another writes
	// ru, ua or kz): no evidence either way. East Germany is Germany.
	"soviet union": "", "ussr": "", "suhh": "", "su": "",
	"yugoslavia": "", "yu": "", "yucs": "", "serbia and montenegro": "", "csxx": "",
	"czechoslovakia": "", "cshh": "", "east germany": "de", "german democratic republic": "de", "ddde": "de",
}

// DocumentInCommon reports whether a and b hold one document number
// (passport, national identity, tax, licence) alike.
func DocumentInCommon(a, b Person) bool {
	a, b = Prepare(a), Prepare(b)
	for _, x := range a.prep.ids {
		if strongKinds[x.Kind] && slices.Contains(b.prep.ids, x) {
			return true
		}
	}
	return false
}

// WithDocuments returns p with the document numbers of q it lacks beside
// its own, to be compared again: what a record that holds two numbers
// says of two records that hold one each (a custody record with a man's
// National Insurance number and his police number, which a bank and a
// court each hold alone, under one name).
func (p Person) WithDocuments(q Person) Person {
	p.prep = nil
	ids := slices.Clone(p.Identifiers)
	for _, id := range q.Identifiers {
		if strongKinds[id.Kind] && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	p.Identifiers = ids
	return p
}
