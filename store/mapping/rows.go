package mapping

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vigie/vigie/store/ftm"
)

// Limits on one input row.
const (
	// MaxRowBytes is the longest JSON line read; a longer one is rejected
	// without being held in memory.
	MaxRowBytes = 1 << 20
	// MaxFields is the most columns a CSV row may have.
	MaxFields = 1000
)

// RowReader turns the rows of one input into entities. Next returns the
// entities of one row at a time; a row the mapping cannot use comes back
// as an *ftm.LineError naming its line, and the next call goes on with
// the following row.
type RowReader struct {
	m    *Mapping
	csv  *csv.Reader
	js   *bufio.Reader
	head map[string]int
	line int
	raw  []byte
	done bool
}

// Rows reads r as the mapping's format (CSV with a header row, or JSON
// lines with one object per line).
func (m *Mapping) Rows(r io.Reader) *RowReader {
	rr := &RowReader{m: m}
	if m.Format == FormatJSONL {
		rr.js = bufio.NewReaderSize(r, 64<<10)
		return rr
	}
	c := csv.NewReader(r)
	c.Comma = m.Delimiter
	c.FieldsPerRecord = -1
	c.TrimLeadingSpace = true
	c.ReuseRecord = true
	rr.csv = c
	return rr
}

// Line is the line of the last row read.
func (rr *RowReader) Line() int { return rr.line }

// Next returns the entities the next row makes. It returns io.EOF at the
// end, an *ftm.LineError for a rejected row, and any other error (a header
// that lacks the mapping's columns, a read failure) for an input that
// cannot be read at all.
func (rr *RowReader) Next() ([]ftm.Entity, error) {
	for {
		if rr.done {
			return nil, io.EOF
		}
		get, err := rr.row()
		if err != nil {
			return nil, err
		}
		ents, err := rr.m.entities(get)
		if err != nil {
			return nil, rr.reject("%v", err)
		}
		for i := range ents {
			if len(ents[i].SetAside) > 0 {
				ents[i].Raw = bytes.Clone(rr.raw[:min(len(rr.raw), 4<<10)]) // for the quarantine
			}
		}
		if len(ents) == 0 {
			if rr.m.SkipEmpty {
				continue
			}
			return nil, rr.reject("the row gives no entity (filtered out, or every entity empty); set skip_empty: true to skip such rows")
		}
		return ents, nil
	}
}

func (rr *RowReader) reject(format string, args ...any) error {
	raw := rr.raw
	if len(raw) > 4<<10 {
		raw = raw[:4<<10]
	}
	return &ftm.LineError{Line: rr.line, Reason: fmt.Sprintf(format, args...), Raw: bytes.Clone(raw), Err: ftm.ErrMalformed}
}

// row reads one row and returns a function giving a column's values.
func (rr *RowReader) row() (func(string) []string, error) {
	if rr.csv != nil {
		return rr.csvRow()
	}
	return rr.jsonRow()
}

func (rr *RowReader) csvRow() (func(string) []string, error) {
	if rr.head == nil {
		head, err := rr.csv.Read()
		if err == io.EOF {
			rr.done = true
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("read the header row: %w", err)
		}
		rr.head = map[string]int{}
		for i, h := range head {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			if _, dup := rr.head[h]; !dup {
				rr.head[h] = i
			}
		}
		var missing []string
		for _, c := range rr.m.columns {
			if _, ok := rr.head[c]; !ok {
				missing = append(missing, c)
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("the header row lacks the columns %s that the mapping reads", strings.Join(missing, ", "))
		}
	}
	rec, err := rr.csv.Read()
	if err == io.EOF {
		rr.done = true
		return nil, io.EOF
	}
	if err == nil && len(rec) > 0 {
		rr.line, _ = rr.csv.FieldPos(0)
	} else {
		rr.line++
	}
	rr.raw = []byte(strings.Join(rec, string(rr.m.Delimiter)))
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		rr.line = pe.StartLine
		return nil, rr.reject("malformed CSV: %v", pe.Err)
	}
	if err != nil {
		return nil, fmt.Errorf("read line %d: %w", rr.line, err)
	}
	if len(rec) != len(rr.head) && len(rec) > 0 {
		if len(rec) > MaxFields || len(rec) < len(rr.head) {
			return nil, rr.reject("the row has %d fields, the header %d", len(rec), len(rr.head))
		}
	}
	for _, v := range rec {
		if !utf8.ValidString(v) {
			return nil, rr.reject("invalid UTF-8")
		}
	}
	vals := slices.Clone(rec)
	return func(col string) []string {
		i, ok := rr.head[col]
		if !ok || i >= len(vals) {
			return nil
		}
		if v := strings.TrimSpace(vals[i]); v != "" {
			return []string{v}
		}
		return nil
	}, nil
}

func (rr *RowReader) jsonRow() (func(string) []string, error) {
	for {
		line, tooLong, err := rr.readLine()
		if err == io.EOF && len(line) == 0 && !tooLong {
			rr.done = true
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("read line %d: %w", rr.line+1, err)
		}
		rr.line++
		rr.raw = line
		if tooLong {
			return nil, rr.reject("line longer than %d bytes", MaxRowBytes)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				rr.done = true
				return nil, io.EOF
			}
			continue
		}
		if !utf8.Valid(line) {
			return nil, rr.reject("invalid UTF-8")
		}
		var obj map[string]any
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		if err := d.Decode(&obj); err != nil {
			return nil, rr.reject("malformed JSON: %v", err)
		}
		return func(col string) []string { return jsonValues(obj, col) }, nil
	}
}

// readLine reads one line; a line over MaxRowBytes is skipped to its end
// and reported as too long.
func (rr *RowReader) readLine() (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := rr.js.ReadLine()
		if len(line)+len(chunk) > MaxRowBytes {
			tooLong = true
			line = line[:0]
		} else if !tooLong {
			line = append(line, chunk...)
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}

// jsonValues reads a column of a JSON object: a top-level key, or a dotted
// path into nested objects; arrays give one value per element (and a path
// continues into each element), numbers and booleans their text.
func jsonValues(v any, path string) []string {
	if path == "" {
		return scalarValues(v)
	}
	head, rest, _ := strings.Cut(path, ".")
	switch x := v.(type) {
	case map[string]any:
		if child, ok := x[path]; ok { // a key that itself holds dots
			return scalarValues(child)
		}
		child, ok := x[head]
		if !ok {
			return nil
		}
		return jsonValues(child, rest)
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, jsonValues(e, path)...)
		}
		return out
	}
	return nil
}

func scalarValues(v any) []string {
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case json.Number:
		return []string{x.String()}
	case bool:
		return []string{strconv.FormatBool(x)}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, scalarValues(e)...)
		}
		return out
	}
	return nil
}

// entities applies every query of the mapping to one row.
func (m *Mapping) entities(get func(string) []string) ([]ftm.Entity, error) {
	first := func(col string) string {
		if v := get(col); len(v) > 0 {
			return v[0]
		}
		return ""
	}
	var out []ftm.Entity
	for _, q := range m.Queries {
		if !q.keeps(get) {
			continue
		}
		ids := map[string]string{}
		for _, e := range q.Entities {
			if id := e.id(first); id != "" {
				ids[e.Name] = id
			}
		}
		// First decide which entities this row gives, so that no entity
		// points at one that is then left out.
		for _, e := range q.Entities {
			if _, ok := ids[e.Name]; !ok {
				if e.Optional {
					continue
				}
				return nil, fmt.Errorf("entity %s (line %d of the mapping): no id, its key columns are empty", e.Name, e.Line)
			}
			values := 0
			for _, p := range e.Properties {
				if p.Entity != "" {
					continue
				}
				n := len(p.values(get, first, ids))
				values += n
				if n == 0 && p.Required {
					if !e.Optional {
						return nil, fmt.Errorf("entity %s: required property %s is empty", e.Name, p.Name)
					}
					values = -1
					break
				}
			}
			if values <= 0 && e.Optional {
				delete(ids, e.Name)
			}
		}
		for _, e := range q.Entities {
			id, ok := ids[e.Name]
			if !ok {
				continue
			}
			ent := ftm.Entity{ID: id, Schema: e.Schema.Name, Properties: map[string][]string{}}
			if m.Source != "" {
				ent.Datasets = []string{m.Source}
			}
			for _, p := range e.Properties {
				for _, v := range p.values(get, first, ids) {
					if !slices.Contains(ent.Properties[p.Name], v) {
						ent.Properties[p.Name] = append(ent.Properties[p.Name], v)
					}
				}
			}
			for _, t := range e.Referents {
				if s, all, _ := t.render(first); all && s != "" {
					ent.Referents = append(ent.Referents, s)
				}
			}
			if err := ftm.Validate(&ent); err != nil {
				return nil, fmt.Errorf("entity %s: %w", e.Name, err)
			}
			out = append(out, ent)
		}
	}
	return out, nil
}

// keeps applies the query's filters.
func (q *Query) keeps(get func(string) []string) bool {
	for col, want := range q.Filters {
		ok := false
		for _, v := range get(col) {
			if slices.Contains(want, v) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	for col, not := range q.FiltersNot {
		for _, v := range get(col) {
			if slices.Contains(not, v) {
				return false
			}
		}
	}
	return true
}

// id makes the entity's id from the row, "" when the row cannot give one.
func (e *Entity) id(first func(string) string) string {
	switch {
	case e.IDColumn != "":
		if v := first(e.IDColumn); v != "" {
			return e.IDPrefix + v
		}
	case e.IDTemplate != nil:
		if s, all, _ := e.IDTemplate.render(first); all && s != "" {
			return e.IDPrefix + s
		}
	case len(e.Keys) > 0:
		h := sha1.New()
		lit := e.KeyLiteral
		if lit == "" {
			lit = e.Name
		}
		h.Write([]byte(lit))
		some := false
		for _, k := range e.Keys {
			v := first(k)
			if v != "" {
				some = true
			}
			h.Write([]byte{0})
			h.Write([]byte(v))
		}
		if some {
			return e.IDPrefix + hex.EncodeToString(h.Sum(nil))
		}
	}
	return ""
}

// values computes the property's values from the row.
func (p *Property) values(get func(string) []string, first func(string) string, ids map[string]string) []string {
	var vals []string
	switch {
	case p.Entity != "":
		if id, ok := ids[p.Entity]; ok {
			vals = []string{id}
		}
		return vals
	case p.Column != "":
		vals = get(p.Column)
	case len(p.Columns) > 0:
		var parts []string
		for _, c := range p.Columns {
			parts = append(parts, get(c)...)
		}
		if p.Join != "" {
			if len(parts) > 0 {
				vals = []string{strings.Join(parts, p.Join)}
			}
		} else {
			vals = parts
		}
	case len(p.Literals) > 0:
		vals = slices.Clone(p.Literals)
	case p.Template != nil:
		if s, _, some := p.Template.render(first); some {
			vals = []string{strings.Join(strings.Fields(s), " ")}
		}
	}
	if p.Split != "" {
		var out []string
		for _, v := range vals {
			for _, part := range strings.Split(v, p.Split) {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
		}
		vals = out
	}
	if len(p.layouts) > 0 {
		for i, v := range vals {
			if iso, ok := formatDate(v, p.layouts); ok {
				vals[i] = iso
			}
		}
	}
	return vals
}
