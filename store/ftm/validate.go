package ftm

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie/vigie/store/match"
)

// Sentinel errors behind every *ValidationError and *LineError, for callers
// that count rejects by kind (errors.Is).
var (
	// ErrMalformed marks a line that is not one JSON object of the FtM shape.
	ErrMalformed = errors.New("malformed entity")
	// ErrMissing marks an entity without id or schema.
	ErrMissing = errors.New("missing id or schema")
	// ErrUnknownSchema marks a schema vigie does not support.
	ErrUnknownSchema = errors.New("unknown schema")
	// ErrUnknownProperty marks a property its schema does not have.
	ErrUnknownProperty = errors.New("unknown property")
	// ErrInvalidValue marks a value that is not valid UTF-8, holds control
	// characters, or is clearly not of its property's type.
	ErrInvalidValue = errors.New("invalid value")
	// ErrTooLarge marks a line, value, or entity over a limit.
	ErrTooLarge = errors.New("over limit")
)

// ValidationError says why an entity was rejected. Err is one of the
// sentinel errors above.
type ValidationError struct {
	ID       string
	Schema   string
	Property string // empty when the problem is not in one property
	Reason   string
	Err      error
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.ID != "" {
		fmt.Fprintf(&b, "entity %q: ", clip(e.ID, 80))
	}
	if e.Property != "" {
		fmt.Fprintf(&b, "property %q: ", clip(e.Property, 80))
	}
	b.WriteString(e.Reason)
	return b.String()
}

func (e *ValidationError) Unwrap() error { return e.Err }

// Limits bound what one entity may hold, so a hostile or broken feed cannot
// exhaust memory or index space. A zero field means "use the default".
type Limits struct {
	// MaxValues is the most values one property may hold. Default 1,000.
	MaxValues int
	// MaxValueBytes is the longest value, in bytes. Default 64 KiB.
	MaxValueBytes int
	// MaxProperties is the most distinct properties on one entity. Default 256.
	MaxProperties int
	// MaxIDBytes is the longest entity id (and dataset name). Default 512.
	MaxIDBytes int
}

// DefaultLimits returns the limits used by Validate and by a Reader whose
// options leave them zero.
func DefaultLimits() Limits {
	return Limits{MaxValues: 1000, MaxValueBytes: 64 << 10, MaxProperties: 256, MaxIDBytes: 512}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxValues <= 0 {
		l.MaxValues = d.MaxValues
	}
	if l.MaxValueBytes <= 0 {
		l.MaxValueBytes = d.MaxValueBytes
	}
	if l.MaxProperties <= 0 {
		l.MaxProperties = d.MaxProperties
	}
	if l.MaxIDBytes <= 0 {
		l.MaxIDBytes = d.MaxIDBytes
	}
	return l
}

// Validate checks e with DefaultLimits; see Limits.Validate.
func Validate(e *Entity) error { return DefaultLimits().Validate(e) }

// Validate checks e against its schema and the limits, and normalises it in
// place: whitespace in values is collapsed and trimmed (text properties keep
// their line breaks), empty values are dropped, duplicate values, datasets and
// referents are removed keeping the first, and a property left without values
// is deleted. Values are otherwise kept exactly as given: a date stays
// "12/11/1978" — only values that are clearly not of their type ("hello" as a
// birth date, an e-mail without @) are refused.
//
// A value that is not of its property's type, and a property the schema
// does not have, are taken out and listed in e.SetAside: the entity is kept
// without them (one mistyped e-mail must not lose a person). It returns a
// *ValidationError wrapping ErrMissing, ErrUnknownSchema, ErrInvalidValue
// (of the id, a dataset, the caption) or ErrTooLarge for the first problem
// that refuses the whole entity, and leaves e partly normalised in that
// case.
func (l Limits) Validate(e *Entity) error {
	l = l.withDefaults()
	fail := func(prop string, sentinel error, format string, args ...any) error {
		return &ValidationError{ID: e.ID, Schema: e.Schema, Property: prop, Reason: fmt.Sprintf(format, args...), Err: sentinel}
	}
	e.ID = strings.TrimSpace(e.ID)
	e.Schema = strings.TrimSpace(e.Schema)
	if e.ID == "" {
		return fail("", ErrMissing, "no id")
	}
	if e.Schema == "" {
		return fail("", ErrMissing, "no schema")
	}
	if reason := checkID(e.ID, l.MaxIDBytes); reason != "" {
		return &ValidationError{ID: clip(strings.ToValidUTF8(e.ID, "?"), 40), Schema: e.Schema, Reason: "id " + reason, Err: ErrInvalidValue}
	}
	s, ok := Lookup(e.Schema)
	if !ok {
		return fail("", ErrUnknownSchema, "unknown schema %q", clip(strings.ToValidUTF8(e.Schema, "?"), 80))
	}
	if s.Abstract {
		return fail("", ErrUnknownSchema, "schema %s is abstract and cannot hold entities", s.Name)
	}
	if len(e.Properties) > l.MaxProperties {
		return fail("", ErrTooLarge, "%d properties, more than the limit of %d", len(e.Properties), l.MaxProperties)
	}
	for name, values := range e.Properties {
		if len(values) > l.MaxValues {
			return fail(name, ErrTooLarge, "%d values, more than the limit of %d", len(values), l.MaxValues)
		}
		for _, v := range values {
			if len(v) > l.MaxValueBytes {
				return fail(name, ErrTooLarge, "a value of %d bytes, more than the limit of %d", len(v), l.MaxValueBytes)
			}
		}
		p, ok := s.Property(name)
		if !ok {
			for _, v := range values {
				e.setAside(strings.ToValidUTF8(name, "?"), v, "schema "+s.Name+" has no such property")
			}
			delete(e.Properties, name)
			continue
		}
		out := values[:0:0]
		for _, v := range values {
			c, reason := cleanValue(v, p.Type, l)
			if reason != "" {
				e.setAside(name, v, reason)
				continue
			}
			if c != "" && !contains(out, c) {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			delete(e.Properties, name)
			continue
		}
		e.Properties[name] = out
	}
	var err error
	if e.Datasets, err = cleanIDs(e.Datasets, l.MaxIDBytes); err != nil {
		return fail("", ErrInvalidValue, "dataset %v", err)
	}
	if e.Referents, err = cleanIDs(e.Referents, l.MaxIDBytes); err != nil {
		return fail("", ErrInvalidValue, "referent %v", err)
	}
	for _, f := range []*string{&e.Caption, &e.FirstSeen, &e.LastSeen, &e.LastChange} {
		c, reason := cleanValue(*f, TypeString, l)
		if reason != "" {
			return fail("", ErrInvalidValue, "%q %s", clip(strings.ToValidUTF8(*f, "?"), 60), reason)
		}
		*f = c
	}
	return nil
}

// setAside records a value Validate takes out of e (see Entity.SetAside).
func (e *Entity) setAside(prop, v, reason string) {
	switch {
	case len(e.SetAside) < maxSetAside-1:
		e.SetAside = append(e.SetAside, SetAside{Property: clip(prop, 80), Value: clip(strings.ToValidUTF8(v, "?"), 200), Reason: reason})
	case len(e.SetAside) == maxSetAside-1:
		e.SetAside = append(e.SetAside, SetAside{Reason: "more values set aside, not listed"})
	}
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// cleanIDs trims, checks and de-duplicates a list of ids or dataset names.
func cleanIDs(ids []string, max int) ([]string, error) {
	if len(ids) == 0 {
		return ids, nil
	}
	out := ids[:0:0]
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if reason := checkID(id, max); reason != "" {
			return nil, fmt.Errorf("%q %s", clip(strings.ToValidUTF8(id, "?"), 40), reason)
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// checkID returns why s cannot be an entity id, or "".
func checkID(s string, max int) string {
	if len(s) > max {
		return fmt.Sprintf("is %d bytes, more than the limit of %d", len(s), max)
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return "holds white space or a control character"
		}
	}
	return ""
}

// cleanValue normalises one value and returns why it is refused, or "".
func cleanValue(v string, t Type, l Limits) (string, string) {
	if len(v) > l.MaxValueBytes {
		return "", fmt.Sprintf("is %d bytes, more than the limit of %d", len(v), l.MaxValueBytes)
	}
	if !utf8.ValidString(v) {
		return "", "is not valid UTF-8"
	}
	c, ok := normalizeSpace(v, t == TypeText)
	if !ok {
		return "", "holds a control character"
	}
	if c == "" {
		return "", ""
	}
	if reason := checkType(c, t, l); reason != "" {
		return "", reason
	}
	return c, ""
}

// normalizeSpace collapses runs of white space to one space and trims the
// ends; with keepLines, line breaks survive (CR LF becomes LF) and only
// spaces within a line are collapsed. ok is false when s holds a control
// character that is not white space.
func normalizeSpace(s string, keepLines bool) (string, bool) {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, pendingLines := false, 0
	for _, r := range s {
		switch {
		case keepLines && r == '\n':
			pendingLines++
			pendingSpace = false
		case keepLines && r == '\r':
			// dropped: CR LF and lone CR both end a line through the LF or
			// the next rune.
		case unicode.IsSpace(r):
			pendingSpace = true
		case unicode.IsControl(r):
			return "", false
		default:
			if b.Len() > 0 {
				if pendingLines > 0 {
					b.WriteString(strings.Repeat("\n", min(pendingLines, 2)))
				} else if pendingSpace {
					b.WriteByte(' ')
				}
			}
			pendingSpace, pendingLines = false, 0
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// checkType returns why c is clearly not a value of type t, or "". The checks
// are deliberately loose: sources write dates, phones and countries in many
// ways, and the product keeps values as given.
func checkType(c string, t Type, l Limits) string {
	switch t {
	case TypeDate:
		if _, ok := match.ParseDate(c); !ok && !looksLikeDate(c) && match.YearRange(c) == nil {
			// (what the matcher reads is a date: 21 мая 1955 too, and a
			// range of years: 1970 to 1972)
			return "is not a date"
		}
	case TypeNumber:
		if !strings.ContainsAny(c, "0123456789") {
			return "is not a number"
		}
	case TypePhone:
		digits := 0
		for _, r := range c {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 3 {
			return "is not a phone number"
		}
	case TypeEmail:
		at := strings.LastIndexByte(c, '@')
		if at <= 0 || at == len(c)-1 {
			return "is not an e-mail address"
		}
	case TypeCountry:
		hasLetter := false
		for _, r := range c {
			if unicode.IsDigit(r) {
				return "is not a country"
			}
			if unicode.IsLetter(r) {
				hasLetter = true
			}
		}
		if !hasLetter {
			return "is not a country"
		}
	case TypeURL:
		if strings.ContainsFunc(c, unicode.IsSpace) {
			return "is not a URL"
		}
		if _, err := url.Parse(c); err != nil {
			return "is not a URL"
		}
	case TypeEntity:
		if reason := checkID(c, l.MaxIDBytes); reason != "" {
			return "is not an entity id: it " + reason
		}
	}
	return ""
}

// looksLikeDate accepts ISO 8601 prefixes (1989, 1989-09, 1989-09-15,
// 1989-09-15T10:00:00Z) and the usual written forms (15/09/1989, 15.9.89,
// Sep 15 1989, 15 September 1989): digits, separators and month names only,
// with at least one digit.
func looksLikeDate(s string) bool {
	if len(s) > 64 {
		return false
	}
	digit := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
			i++
		case strings.IndexByte(" -/.:,+", c) >= 0:
			i++
		case isASCIILetter(c):
			j := i
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			if !dateWord(strings.ToLower(s[i:j])) {
				return false
			}
			i = j
		default:
			return false
		}
	}
	return digit
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// dateWord reports whether w may appear in a written date: an English month
// name or its abbreviation, an ordinal suffix, or an ISO time marker.
func dateWord(w string) bool {
	switch w {
	case "t", "z", "utc", "gmt", "st", "nd", "rd", "th", "sept":
		return true
	}
	months := []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for _, m := range months {
		if w == m || (len(w) == 3 && strings.HasPrefix(m, w)) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
