package resolve

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie/vigie/store/match"
)

// MaxQueryLen is the longest query text accepted, in bytes.
const MaxQueryLen = 2000

// maxQueryWords bounds the words a query may have.
const maxQueryWords = 40

// Query is what an officer asks for: a name and/or dates of birth and/or
// identifiers, plus the case it is asked for.
type Query struct {
	Name        string             `json:"name,omitempty"`
	BirthDates  []string           `json:"birthDates,omitempty"`
	Identifiers []match.Identifier `json:"identifiers,omitempty"`
	Case        string             `json:"case,omitempty"`
}

// Identifier is an identifier in a query (kind "" when the query did not
// say which kind: it is then looked for under every kind).
type Identifier = match.Identifier

// Errors of ParseQuery.
var (
	ErrEmptyQuery = errors.New("the query has no name, date or identifier to look for")
	ErrQueryLong  = fmt.Errorf("the query is longer than %d characters", MaxQueryLen)
)

// identifier keywords: the word that announces a value, and its kind.
var idWords = map[string]string{
	"passport": "passport", "pass": "passport", "passeport": "passport",
	"id": "national_id", "idno": "national_id", "nid": "national_id", "national_id": "national_id", "cni": "national_id",
	"phone": "phone", "tel": "phone", "tel.": "phone", "mobile": "phone", "gsm": "phone",
	"email": "email", "e-mail": "email", "mail": "email",
	"plate": "plate", "vehicle": "plate", "reg": "plate",
	"tax": "tax", "licence": "licence", "license": "licence",
}

var dobWords = map[string]bool{"born": true, "dob": true, "b.": true, "né": true, "née": true, "ne": true, "birth": true, "birthdate": true}

// ParseQuery splits free text such as
//
//	Salah Abdeslam born 1989-09-15 passport EH123456 case C-2015-113
//
// into a name, dates of birth, identifiers and a case reference. Words that
// look like a date (also in three words with the month spelt: 15 September
// 1989), an e-mail or a phone number are taken as such even without a
// keyword; a word mixing letters and at least four digits, bare digits
// (five or more, not starting with 0) and capitals followed by digits
// (EH 123456) are taken as an identifier of unknown kind. It returns ErrQueryLong for text over
// MaxQueryLen bytes and ErrEmptyQuery when nothing searchable remains.
func ParseQuery(text string) (Query, error) {
	var q Query
	if len(text) > MaxQueryLen {
		return q, ErrQueryLong
	}
	text = strings.ToValidUTF8(text, " ")
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, text)
	words := mergePhoneGroups(strings.Fields(text))
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	var name []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		lw := strings.ToLower(strings.TrimLeft(strings.TrimSuffix(w, ":"), "(["))
		next := func() (string, bool) {
			if i+1 < len(words) {
				i++
				return words[i], true
			}
			return "", false
		}
		switch {
		case (lw == "case" || lw == "affaire") && i+1 < len(words) && hasDigit(words[i+1]):
			v, _ := next()
			q.Case = v
		case dobWords[lw]:
			if lw == "birth" && i+1 < len(words) && strings.EqualFold(words[i+1], "date") {
				i++
			}
			// a date may be written in several words: "15 Sep 1989"
			var parts []string
			dated := false
			for len(parts) < 3 && i+1+len(parts) < len(words) {
				parts = append(parts, words[i+1+len(parts)])
				d := unbracket(strings.Join(parts, " "))
				if _, ok := match.ParseDate(d); ok {
					i += len(parts)
					q.BirthDates = append(q.BirthDates, d)
					dated = true
					break
				}
			}
			if !dated {
				name = append(name, w) // no date follows: a name (Ne Win, Max Born)
			}
		case idWords[lw] != "" && identifierFollows(words[i+1:]):
			kind := idWords[lw]
			v, _ := next()
			if numberWord(v) {
				v, _ = next()
			}
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: kind, Value: v})
		case looksLikeEmail(w):
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: "email", Value: w})
		case spelledDateLen(words[i:]) > 0:
			// "15 September 1989", "Sept 15, 1989", "21 мая 1955 г." without
			// a keyword
			n := spelledDateLen(words[i:])
			q.BirthDates = append(q.BirthDates, strings.Join(words[i:i+n], " "))
			i += n - 1
		case i+1 < len(words) && isDocumentPrefix(w) && isDigits(words[i+1], 5):
			// "EH 123456": a document number typed with a space
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: "", Value: w + words[i+1]})
			i++
		case looksLikeDate(unbracket(w)):
			q.BirthDates = append(q.BirthDates, unbracket(w)) // 1971, (1971), [22.04.1971]
		case isDigits(w, 5) && !strings.HasPrefix(w, "0"):
			// Bare digits are a national number as often as a phone: looked
			// for under every kind.
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: "", Value: w})
		case looksLikePhone(w):
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: "phone", Value: w})
		case looksLikeID(w):
			q.Identifiers = append(q.Identifiers, match.Identifier{Kind: "", Value: w})
		default:
			name = append(name, w)
		}
	}
	q.Name = strings.TrimSpace(strings.Join(name, " "))
	if !hasLetter(q.Name) {
		q.Name = ""
	}
	if q.Name == "" && len(q.BirthDates) == 0 && len(q.Identifiers) == 0 {
		return q, ErrEmptyQuery
	}
	return q, nil
}

// identifierFollows reports whether the words after a word announcing a
// document (passport, email, reg…) begin with its value — a word with a
// digit or an @, after "number", "no" or "#" if given. Otherwise the word
// is a name's: Email Qaani (Esmail, mistyped), Reg Smith.
func identifierFollows(ws []string) bool {
	if len(ws) > 1 && numberWord(ws[0]) {
		ws = ws[1:]
	}
	return len(ws) > 0 && (hasDigit(ws[0]) || strings.Contains(ws[0], "@"))
}

// numberWord reports whether w stands between a document's word and its
// value: passport number, no or #.
func numberWord(w string) bool {
	return strings.EqualFold(w, "number") || strings.EqualFold(w, "no") || w == "#"
}

// hasDigit reports whether w holds an ASCII digit.
func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }

// unbracket is a query word without the brackets and the comma or
// semicolon a date is often written in: "(1971)", "[22.04.1971],".
func unbracket(w string) string {
	return strings.Trim(w, "()[],;")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func looksLikeEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	return at > 0 && at < len(w)-3 && strings.Contains(w[at:], ".")
}

func looksLikeDate(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '/' || r == '.':
		default:
			return false
		}
	}
	if digits < 4 {
		return false
	}
	_, ok := match.ParseDate(w)
	return ok
}

// spelledDateLen returns how many of the first words are a date with the
// month in letters and a year of four digits — "15 September 1989", "Sept
// 15, 1989", "15 de septiembre de 1989", "21 мая 1955 г." — or 0. A month
// name alone (May, June) stays a name.
func spelledDateLen(ws []string) int {
	for n := min(len(ws), 5); n >= 3; n-- {
		parts, year, letters := 0, false, 0
		for _, w := range ws[:n] {
			w = strings.ToLower(strings.TrimRight(w, ".,"))
			switch {
			case match.DateFiller(w):
				continue
			case isDigits(w, 4) && len(w) == 4:
				year = true
			case hasLetter(w):
				letters++
			}
			parts++
		}
		if parts != 3 || letters != 1 || !year {
			continue
		}
		if _, ok := match.ParseDate(strings.Join(ws[:n], " ")); ok {
			return n
		}
	}
	return 0
}

// isDocumentPrefix reports whether w is the two or three capital letters
// that begin a document number (EH; not an initial, J 1963 is a name and a
// year).
func isDocumentPrefix(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// isDigits reports whether w is at least min ASCII digits and nothing else.
func isDigits(w string, min int) bool {
	if len(w) < min {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func looksLikePhone(w string) bool {
	digits := 0
	for i, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == '.' || r == '-' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 8
}

func looksLikeID(w string) bool {
	digits, letters := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '/' || r == '.':
		default:
			return false
		}
	}
	return digits >= 4 && letters >= 1 && letters+digits >= 6
}

// mergePhoneGroups joins a phone number typed in groups ("+33 6 12 34 56
// 78", "06 12 34 56 78") into one word: a run of numeric words starting
// with "+" or "0" whose digits add up to at least 8.
func mergePhoneGroups(words []string) []string {
	numeric := func(w string) bool {
		for i, r := range w {
			if !(r >= '0' && r <= '9') && !(r == '+' && i == 0) && r != '.' && r != '-' && r != '(' && r != ')' {
				return false
			}
		}
		return w != "" && w != "+"
	}
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !(strings.HasPrefix(w, "+") || strings.HasPrefix(w, "0") || strings.HasPrefix(w, "(")) || !numeric(w) {
			out = append(out, w)
			continue
		}
		j := i + 1
		for j < len(words) && numeric(words[j]) && !strings.HasPrefix(words[j], "+") {
			j++
		}
		joined := strings.Join(words[i:j], "")
		digits := 0
		for _, r := range joined {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if j-i > 1 && digits >= 8 && digits <= 15 {
			out = append(out, joined)
			i = j - 1
			continue
		}
		out = append(out, w)
	}
	return out
}
