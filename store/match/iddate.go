package match

import (
	"strings"
	"time"
)

// Some national identity numbers hold their holder's date of birth, and a
// check digit vouches for the number: a record that gives the number and
// no date still says when its person was born. A telecom operator, a bank
// or a vehicle register keeps the number; only the population register
// writes the date beside it. DateInIdentityNumber reads the date from the
// forms below, where the number's shape names the form and its check digit
// holds; a number of any other form, or whose check fails, gives none.
//
//   - Belgium's national register number, YY.MM.DD-SSS.CC (11 digits, the
//     check 97 less the first nine modulo 97, with a 2 before them for
//     those born from 2000), written with its separators: bare, eleven
//     digits are as likely a Turkish or a Polish number
//   - Sweden's personnummer, YYMMDD-NNNC or YYYYMMDD-NNNC (Luhn), the
//     dash a plus from the holder's hundredth year; a coordination number
//     adds 60 to the day
//   - Finland's personal identity code, DDMMYYCZZZQ, C the century (+
//     1800s; -, U to Y 1900s; A to F 2000s), Q the check character
//   - the People's Republic of China's resident identity number, 18
//     characters with YYYYMMDD from the seventh (ISO 7064 MOD 11-2)
//   - the United Arab Emirates' identity number, 784-YYYY-NNNNNNN-C: the
//     year of birth only (Luhn)
//   - Mexico's Clave Única de Registro de Población (CURP), four letters
//     of the name, YYMMDD, the sex, the state, three consonants, a
//     character that is a digit for births before 2000 and a letter
//     after, and a check digit (the weighted sum of the seventeen before
//     it over the alphabet 0-9 A-N Ñ O-Z, modulo 10)
//   - Malaysia's identity card number (MyKad), YYMMDD-PB-NNNN, written
//     with its two separators: it has no check digit, and bare, twelve
//     digits are as likely Vietnam's citizen identity number; the
//     separators and a place-of-birth code PB that is issued (01 to 16
//     and 21 to 59 for the states, 60 to 99 for a birth abroad, less
//     those never given) stand in for one
//
// A Belgian or Swedish number whose month or day is out of range (a bis
// number for someone whose date is unknown) gives none. year is the
// current year: a two-digit year is read in the latest century that does
// not put the birth in the future.
func DateInIdentityNumber(v string, year int) (string, bool) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if len(v) < 10 || len(v) > 24 {
		return "", false
	}
	for _, read := range [...]func(string, int) (string, bool){belgianDate, swedishDate, finnishDate, chineseDate, emiratiYear, malaysianDate, mexicanDate} {
		if d, ok := read(v, year); ok {
			return d, true
		}
	}
	return "", false
}

// identityDates returns the dates of birth the identity numbers of an FtM
// entity hold (DateInIdentityNumber), each once.
func identityDates(props map[string][]string) []string {
	var out []string
	year := 0 // the clock is read only for a record that holds a number
	for _, prop := range [...]string{"idNumber", "socialSecurityNumber"} {
		for _, v := range props[prop] {
			if year == 0 {
				year = time.Now().Year()
			}
			if d, ok := DateInIdentityNumber(v, year); ok && !contains(out, d) && len(out) < maxDates {
				out = append(out, d)
			}
		}
	}
	return out
}

// digitsOf returns the digits of v and whether v holds anything but
// digits and the separators . - / and space.
func digitsOf(v string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '.' || c == '-' || c == '/' || c == ' ':
		default:
			return "", false
		}
	}
	return b.String(), true
}

// isoDate writes a date that exists (valid), or "" when it does not or
// is after the year now.
func isoDate(y, m, d, now int) string {
	if y < 1850 || y > now || m < 1 || d < 1 {
		return ""
	}
	dt, ok := valid(Date{Year: y, Month: m, Day: d})
	if !ok {
		return ""
	}
	return dt.String()
}

// century puts a two-digit year in the latest century that does not pass
// now.
func century(yy, now int) int {
	y := now/100*100 + yy
	if y > now {
		y -= 100
	}
	return y
}

func belgianDate(v string, now int) (string, bool) {
	d, ok := digitsOf(v)
	if !ok || len(d) != 11 || len(d) == len(v) {
		return "", false
	}
	first, check := atoi(d[:9]), atoi(d[9:])
	var y int
	switch {
	case 97-first%97 == check:
		y = 1900 + atoi(d[:2])
	case 97-(2_000_000_000+first)%97 == check:
		y = 2000 + atoi(d[:2])
	default:
		return "", false
	}
	s := isoDate(y, atoi(d[2:4]), atoi(d[4:6]), now)
	return s, s != ""
}

func swedishDate(v string, now int) (string, bool) {
	v = strings.ReplaceAll(v, " ", "")
	i := strings.IndexAny(v, "-+")
	if (i != 6 && i != 8) || len(v) != i+5 {
		return "", false
	}
	date, rest := v[:i], v[i+1:]
	if !allDigits(date) || !allDigits(rest) {
		return "", false
	}
	ten := date[i-6:] + rest
	if !luhn(ten) {
		return "", false
	}
	var y int
	if i == 8 {
		y = atoi(date[:4])
	} else {
		y = century(atoi(date[:2]), now)
		if v[i] == '+' {
			y -= 100
		}
	}
	day := atoi(date[i-2:])
	if day > 60 {
		day -= 60 // a coordination number
	}
	s := isoDate(y, atoi(date[i-4:i-2]), day, now)
	return s, s != ""
}

func finnishDate(v string, now int) (string, bool) {
	if len(v) != 11 || !allDigits(v[:6]) || !allDigits(v[7:10]) {
		return "", false
	}
	var base int
	switch c := v[6]; {
	case c == '+':
		base = 1800
	case c == '-' || c >= 'U' && c <= 'Y':
		base = 1900
	case c >= 'A' && c <= 'F':
		base = 2000
	default:
		return "", false
	}
	const checks = "0123456789ABCDEFHJKLMNPRSTUVWXY"
	if checks[atoi(v[:6]+v[7:10])%31] != v[10] {
		return "", false
	}
	s := isoDate(base+atoi(v[4:6]), atoi(v[2:4]), atoi(v[:2]), now)
	return s, s != ""
}

func chineseDate(v string, now int) (string, bool) {
	if len(v) != 18 || !allDigits(v[:17]) {
		return "", false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(v[i]-'0') * w
	}
	if "10X98765432"[sum%11] != v[17] {
		return "", false
	}
	y := atoi(v[6:10])
	if y < 1900 {
		return "", false
	}
	s := isoDate(y, atoi(v[10:12]), atoi(v[12:14]), now)
	return s, s != ""
}

func emiratiYear(v string, now int) (string, bool) {
	d, ok := digitsOf(v)
	if !ok || len(d) != 15 || !strings.HasPrefix(d, "784") || !luhn(d) {
		return "", false
	}
	y := atoi(d[3:7])
	if y < 1900 || y > now {
		return "", false
	}
	return Date{Year: y}.String(), true
}

// luhn reports whether the digits d pass the Luhn check.
func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		x := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func malaysianDate(v string, now int) (string, bool) {
	if len(v) != 14 || !allDigits(v[:6]) || !allDigits(v[7:9]) || !allDigits(v[10:]) {
		return "", false
	}
	for _, sep := range [...]byte{v[6], v[9]} {
		if sep != '-' && sep != ' ' {
			return "", false
		}
	}
	switch pb := atoi(v[7:9]); {
	case pb >= 1 && pb <= 16, pb >= 21 && pb <= 68, pb == 71, pb == 72, pb >= 74 && pb <= 79, pb >= 82 && pb <= 93, pb == 98, pb == 99:
	default:
		return "", false
	}
	s := isoDate(century(atoi(v[:2]), now), atoi(v[2:4]), atoi(v[4:6]), now)
	return s, s != ""
}

func mexicanDate(v string, now int) (string, bool) {
	if len(v) != 18 {
		return "", false
	}
	const alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ" // & for Ñ, written N or X by most systems
	letter := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 0; i < 18; i++ {
		var ok bool
		switch c := v[i]; {
		case i < 4 || i >= 10 && i <= 15: // the name's letters; the sex, the state, three consonants
			ok = letter(c)
		case i == 16: // a digit before 2000, a letter after
			ok = letter(c) || digit(c)
		default: // YYMMDD and the check digit
			ok = digit(c)
		}
		if !ok {
			return "", false
		}
	}
	if v[10] != 'H' && v[10] != 'M' && v[10] != 'X' {
		return "", false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(alphabet, v[i]) * (18 - i)
	}
	if (10-sum%10)%10 != int(v[17]-'0') {
		return "", false
	}
	y := 1900 + atoi(v[4:6])
	if letter(v[16]) {
		y += 100
	}
	s := isoDate(y, atoi(v[6:8]), atoi(v[8:10]), now)
	return s, s != ""
}
