package mapping

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Template is a value pattern such as "{{first}} {{last}}": text with column
// names in double braces, as in FtM mapping files.
type Template struct {
	src   string
	parts []part
}

type part struct {
	text   string
	column string // set for a column reference
}

// ParseTemplate parses a template. It returns an error for an unclosed or
// empty {{ }} and for a template naming no column.
func ParseTemplate(s string) (*Template, error) {
	t := &Template{src: s}
	rest := s
	for rest != "" {
		i := strings.Index(rest, "{{")
		if i < 0 {
			t.parts = append(t.parts, part{text: rest})
			break
		}
		if i > 0 {
			t.parts = append(t.parts, part{text: rest[:i]})
		}
		j := strings.Index(rest[i+2:], "}}")
		if j < 0 {
			return nil, fmt.Errorf("template %q: unclosed {{", s)
		}
		col := strings.TrimSpace(rest[i+2 : i+2+j])
		if col == "" {
			return nil, fmt.Errorf("template %q: empty {{}}", s)
		}
		t.parts = append(t.parts, part{column: col})
		rest = rest[i+2+j+2:]
	}
	if len(t.Columns()) == 0 {
		return nil, fmt.Errorf("template %q names no column; use literal", s)
	}
	return t, nil
}

// String returns the template as written.
func (t *Template) String() string { return t.src }

// Columns returns the columns the template names, in order.
func (t *Template) Columns() []string {
	var out []string
	for _, p := range t.parts {
		if p.column != "" {
			out = append(out, p.column)
		}
	}
	return out
}

// render fills the template from get. all reports whether every named column
// had a value, some whether at least one had.
func (t *Template) render(get func(string) string) (s string, all, some bool) {
	var b strings.Builder
	all = true
	for _, p := range t.parts {
		if p.column == "" {
			b.WriteString(p.text)
			continue
		}
		v := get(p.column)
		if v == "" {
			all = false
		} else {
			some = true
		}
		b.WriteString(v)
	}
	return b.String(), all, some
}

// dateLayout is a Go time layout with the precision it carries.
type dateLayout struct {
	layout    string
	precision int // 1 year, 2 month, 3 day, 4 time
}

// parseLayout converts an strptime format (as FtM mappings use) to a Go
// layout. Months, days, hours, minutes and seconds parse with or without a
// leading zero.
func parseLayout(f string) (dateLayout, error) {
	if !strings.Contains(f, "%") {
		return dateLayout{}, errors.New("want an strptime format such as %d.%m.%Y")
	}
	var b strings.Builder
	l := dateLayout{}
	has := map[byte]bool{}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			// Go reads digits and some words in a layout as fields; only
			// separators are safe as literal text.
			if strings.IndexByte(" -/.,:T", c) < 0 {
				return dateLayout{}, fmt.Errorf("literal %q: only separators may appear between fields", c)
			}
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(f) {
			return dateLayout{}, errors.New("trailing %")
		}
		code := f[i]
		if has[code] {
			return dateLayout{}, fmt.Errorf("%%%c given twice", code)
		}
		has[code] = true
		switch code {
		case 'Y':
			b.WriteString("2006")
		case 'y':
			b.WriteString("06")
		case 'm':
			b.WriteString("1")
		case 'b':
			b.WriteString("Jan")
		case 'B':
			b.WriteString("January")
		case 'd', 'e':
			b.WriteString("2")
		case 'H':
			b.WriteString("15")
		case 'M':
			b.WriteString("4")
		case 'S':
			b.WriteString("5")
		default:
			return dateLayout{}, fmt.Errorf("unsupported %%%c", code)
		}
	}
	switch {
	case !has['Y'] && !has['y']:
		return dateLayout{}, errors.New("no year (%Y or %y)")
	case has['H']:
		l.precision = 4
	case has['d'] || has['e']:
		l.precision = 3
	case has['m'] || has['b'] || has['B']:
		l.precision = 2
	default:
		l.precision = 1
	}
	if (has['d'] || has['e']) && !(has['m'] || has['b'] || has['B']) {
		return dateLayout{}, errors.New("a day without a month")
	}
	l.layout = b.String()
	return l, nil
}

// formatDate parses v with the first layout that fits and returns it as ISO
// 8601 at the layout's precision; ok is false when none fits.
func formatDate(v string, layouts []dateLayout) (string, bool) {
	for _, l := range layouts {
		t, err := time.Parse(l.layout, v)
		if err != nil {
			continue
		}
		switch l.precision {
		case 1:
			return t.Format("2006"), true
		case 2:
			return t.Format("2006-01"), true
		case 3:
			return t.Format("2006-01-02"), true
		default:
			return t.Format("2006-01-02T15:04:05"), true
		}
	}
	return "", false
}
