package match

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a date of birth as precise as the source gave it: Month and Day
// are 0 when unknown. Ambiguous is set when the source wrote day and month
// with slashes and both are ≤ 12 (3/4/1980 is 3 April in Paris and March 4
// in New York): the comparison then accepts either reading.
type Date struct {
	Year, Month, Day int
	Ambiguous        bool
}

// months maps the words of a month to its number: three-letter English and
// French prefixes (a longer word is looked up by its first three letters:
// September, septembre), and the month names no such prefix gives —
// Russian and Ukrainian (nominative and the genitive a date uses: 21 мая
// 1955), German, Spanish, Italian, Portuguese and Turkish — as officers
// and foreign documents write them.
var months = func() map[string]int {
	m := map[string]int{
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "oct": 10, "nov": 11, "dec": 12, "sept": 9, "janv": 1, "fev": 2, "fevr": 2,
		"avr": 4, "mai": 5, "juin": 6, "juil": 7, "aou": 8, "aout": 8, "okt": 10, "dez": 12,
	}
	for i, line := range []string{
		"январь января січень січня enero gennaio janeiro ocak januar",
		"февраль февраля лютий лютого febrero febbraio fevereiro şubat subat februar",
		"март марта березень березня marzo março marco mart märz marz",
		"апрель апреля квітень квітня abril aprile nisan",
		"май мая травень травня mayo maggio maio mayıs mayis",
		"июнь июня червень червня junio giugno junho haziran",
		"июль июля липень липня julio luglio julho temmuz",
		"август августа серпень серпня agosto ağustos agustos",
		"сентябрь сентября вересень вересня septiembre settembre setembro eylül eylul",
		"октябрь октября жовтень жовтня octubre ottobre outubro ekim oktober",
		"ноябрь ноября листопад листопада noviembre novembre novembro kasım kasim",
		"декабрь декабря грудень грудня diciembre dicembre dezembro aralık aralik dezember",
	} {
		for _, w := range strings.Fields(line) {
			m[w] = i + 1
		}
	}
	return m
}()

func monthWord(w string) int {
	w = strings.ToLower(strings.TrimRight(w, "."))
	if m, ok := months[w]; ok {
		return m
	}
	if len(w) > 3 && w[3] < utf8.RuneSelf && w[0] < utf8.RuneSelf {
		if m, ok := months[w[:3]]; ok {
			return m
		}
	}
	return 0
}

// ParseDate reads a date of birth in the forms sources use: 1989-09-15
// (a time after it is ignored), 1989-09, 1989, 19890915, 15/09/1989,
// 09/15/1989, 15.09.1989, 15-09-1989, 15 Sep 1989, Sept 15, 1989,
// 15-Mar-92, with two-digit years read as 19xx unless that would be in the
// future. It reports false for anything else, and for impossible dates.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 || s == "" {
		return Date{}, false
	}
	if i := strings.IndexAny(s, "T "); i == 10 && s[4] == '-' {
		s = s[:10]
	}
	// Only digits: YYYY, YYYYMM, YYYYMMDD.
	if allDigits(s) {
		switch len(s) {
		case 4:
			return valid(Date{Year: atoi(s)})
		case 6:
			return valid(Date{Year: atoi(s[:4]), Month: atoi(s[4:])})
		case 8:
			return valid(Date{Year: atoi(s[:4]), Month: atoi(s[4:6]), Day: atoi(s[6:])})
		}
		return Date{}, false
	}
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ' ' || r == ','
	})
	// "15 de septiembre de 1989", "21 мая 1955 г.": the words around the
	// parts go.
	f = slices.DeleteFunc(f, func(w string) bool { return dateFiller[strings.ToLower(w)] })
	if len(f) == 2 && approximately[strings.ToLower(f[0])] && len(f[1]) == 4 && allDigits(f[1]) {
		// "circa 1955", "approximately 1962" (OFAC, the UN): the year.
		return valid(Date{Year: atoi(f[1])})
	}
	if len(f) < 2 || len(f) > 3 {
		return Date{}, false
	}
	slashy := strings.ContainsAny(s, "/.") || (strings.Contains(s, "-") && len(f[0]) <= 2)
	if len(f) == 2 {
		// 1989-09, 09/1989, Sep 1989
		if len(f[0]) == 4 && allDigits(f[0]) && allDigits(f[1]) {
			return valid(Date{Year: atoi(f[0]), Month: atoi(f[1])})
		}
		if len(f[1]) == 4 && allDigits(f[1]) {
			if m := monthWord(f[0]); m > 0 {
				return valid(Date{Year: atoi(f[1]), Month: m})
			}
			if allDigits(f[0]) {
				return valid(Date{Year: atoi(f[1]), Month: atoi(f[0])})
			}
		}
		return Date{}, false
	}
	// Three parts.
	if len(f[0]) == 4 && allDigits(f[0]) && allDigits(f[1]) && allDigits(f[2]) {
		return valid(Date{Year: atoi(f[0]), Month: atoi(f[1]), Day: atoi(f[2])})
	}
	if m := monthWord(f[1]); m > 0 && allDigits(f[0]) && allDigits(f[2]) { // 15 Sep 1989, 15-Mar-92
		return valid(Date{Year: year(f[2]), Month: m, Day: atoi(f[0])})
	}
	if m := monthWord(f[0]); m > 0 && allDigits(f[1]) && allDigits(f[2]) { // Sept 15, 1989
		return valid(Date{Year: year(f[2]), Month: m, Day: atoi(f[1])})
	}
	if !allDigits(f[0]) || !allDigits(f[1]) || !allDigits(f[2]) || len(f[0]) > 2 || len(f[1]) > 2 {
		return Date{}, false
	}
	a, b, y := atoi(f[0]), atoi(f[1]), year(f[2])
	switch {
	case a > 12 && b <= 12: // 15/09/1989
		return valid(Date{Year: y, Month: b, Day: a})
	case b > 12 && a <= 12: // 09/15/1989
		return valid(Date{Year: y, Month: a, Day: b})
	}
	// Both ≤ 12: read day first (dots and dashes are European), but say so.
	d := Date{Year: y, Month: b, Day: a, Ambiguous: slashy && a != b}
	if strings.Contains(s, "/") {
		d = Date{Year: y, Month: a, Day: b, Ambiguous: a != b} // slashes: US month first
	}
	return valid(d)
}

var approximately = map[string]bool{"circa": true, "ca": true, "c": true, "approximately": true, "approx": true, "about": true, "around": true, "vers": true, "environ": true}

var dateFiller = map[string]bool{"de": true, "del": true, "г": true, "года": true, "р": true, "року": true}

// DateFiller reports whether w (lower-case, without its dot) is a word
// written around the parts of a date (15 de septiembre de 1989, 21 мая
// 1955 г.), which ParseDate skips.
func DateFiller(w string) bool { return dateFiller[w] }

func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		// Two-digit years: the most recent past century.
		if y <= 26 {
			return 2000 + y
		}
		return 1900 + y
	}
	if len(s) != 4 {
		return -1
	}
	return y
}

func valid(d Date) (Date, bool) {
	if d.Year < 1800 || d.Year > 2100 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return Date{}, false
	}
	if d.Day > 0 && d.Month == 0 {
		return Date{}, false
	}
	if d.Day > 0 && d.Day > daysIn(d.Year, d.Month) {
		return Date{}, false
	}
	return d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// String writes the date as ISO 8601 with the precision it has.
func (d Date) String() string {
	switch {
	case d.Day > 0:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
	case d.Month > 0:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	}
	return pad(d.Year, 4)
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// How two dates of birth agree, strongest first.
type dateAgreement int

const (
	dateNone     dateAgreement = iota // one side has no date
	dateConflict                      // both have dates that cannot be the same
	dateClose                         // two digits apart: a bad typo or someone else
	dateNear                          // a typo away: one digit, a year off by one
	dateYear                          // consistent, but one side has only the year
	dateSwapped                       // day and month swapped
	dateExact
)

var dateCodes = map[dateAgreement]string{
	dateConflict: "conflict", dateClose: "close", dateNear: "near", dateYear: "year", dateSwapped: "swapped", dateExact: "exact",
}

var dateWords = map[dateAgreement]string{
	dateConflict: "DOB conflict", dateClose: "DOB close", dateNear: "DOB near", dateYear: "DOB year",
	dateSwapped: "DOB day/month swapped", dateExact: "DOB exact",
}

func compareDates(a, b Date) dateAgreement {
	if a.Day == 0 || b.Day == 0 {
		if a.Year != b.Year {
			if abs(a.Year-b.Year) == 1 {
				return dateNear
			}
			return dateConflict
		}
		if a.Month > 0 && b.Month > 0 && a.Month != b.Month {
			if a.Day > 0 && a.Day == b.Month || b.Day > 0 && b.Day == a.Month {
				return dateSwapped
			}
			return dateNear
		}
		return dateYear
	}
	if a.Year == b.Year {
		if a.Month == b.Month && a.Day == b.Day {
			return dateExact
		}
		if a.Month == b.Day && a.Day == b.Month {
			if a.Ambiguous || b.Ambiguous {
				return dateExact
			}
			return dateSwapped
		}
	}
	if datesTypoApart(a, b) {
		return dateNear
	}
	// Dates recorded a few weeks apart (a registration date taken for the
	// birth date, a clerk's slip) are a typo away too.
	if days := abs(a.dayNumber() - b.dayNumber()); days <= nearDays {
		return dateNear
	}
	if digitDiff(a.String(), b.String()) == 2 {
		return dateClose
	}
	// A year off by one or by a decade digit (1977 / 1987) with the day a
	// few weeks out: a bad typo or someone else, as two digits apart are.
	if dy := abs(a.Year - b.Year); dy == 1 || dy >= 9 && dy <= 11 {
		for _, y := range []int{b.Year - 1, b.Year, b.Year + 1} {
			shifted := a
			shifted.Year = y
			if abs(shifted.dayNumber()-b.dayNumber()) <= nearDays {
				return dateClose
			}
		}
	}
	return dateConflict
}

// datesTypoApart says whether two full dates are a typo apart: one digit, or
// the same day and month a year out; an ambiguous a is read both ways.
func datesTypoApart(a, b Date) bool {
	if digitDiff(a.String(), b.String()) <= 1 || a.Month == b.Month && a.Day == b.Day && abs(a.Year-b.Year) <= 1 {
		return true
	}
	if a.Ambiguous {
		a.Month, a.Day = a.Day, a.Month
		return digitDiff(a.String(), b.String()) <= 1
	}
	return false
}

// weeksApart says whether two dates compareDates finds near are so only
// for being a few weeks apart: full dates, no typo between them.
func weeksApart(a, b Date) bool {
	return a.Day > 0 && b.Day > 0 && !datesTypoApart(a, b)
}

// nearDays is how far apart two full dates of birth may be and still be
// read as one date with a slip.
const nearDays = 45

// dayNumber counts days from a fixed origin (full dates only).
func (d Date) dayNumber() int {
	return int(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func digitDiff(a, b string) int {
	if len(a) != len(b) {
		return len(a) + len(b)
	}
	n := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			n++
		}
	}
	// An adjacent transposition (1989 / 1998) is one typo.
	if n == 2 {
		for i := 0; i+1 < len(a); i++ {
			if a[i] != b[i] {
				if a[i] == b[i+1] && a[i+1] == b[i] {
					return 1
				}
				break
			}
		}
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// YearRange reads a range of years of birth as lists write one when they
// do not know the year ("1965-1967", "1965 to 1967", "between 1960 and
// 1962", "1960/62") and returns its years; nil for anything else or for a
// range of more than five years, which says too little to compare.
func YearRange(s string) []int {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > 40 {
		return nil
	}
	s = strings.TrimPrefix(s, "between ")
	var nums []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil
		}
		nums = append(nums, n)
	}
	rest := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s))
	switch rest {
	case "-", "–", "to", "and", "/", "or":
	default:
		return nil
	}
	if len(nums) != 2 || nums[0] < 1800 || nums[0] > 2200 {
		return nil
	}
	from, to := nums[0], nums[1]
	if to < 100 { // 1960/62
		to += from / 100 * 100
	}
	if to <= from || to-from > 5 {
		return nil
	}
	out := make([]int, 0, to-from+1)
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}
