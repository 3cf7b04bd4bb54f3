package ftm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ReaderOptions bound what a Reader accepts. A zero field means "use the
// default"; DefaultReaderOptions spells the defaults out.
type ReaderOptions struct {
	// Limits bound each entity; see Limits for the defaults.
	Limits
	// MaxLineBytes is the longest line accepted, newline excluded. A longer
	// line is rejected with a *LineError and skipped without being held in
	// memory. Default 1 MiB.
	MaxLineBytes int
}

// DefaultReaderOptions returns the options a Reader uses for zero fields.
func DefaultReaderOptions() ReaderOptions {
	return ReaderOptions{Limits: DefaultLimits(), MaxLineBytes: 1 << 20}
}

// rawKeep is how much of an over-long line a LineError carries, so the
// quarantine shows what the line was without holding all of it.
const rawKeep = 4 << 10

// LineError reports one rejected line (or row, from store/mapping) so the
// caller can quarantine it and go on reading. Err is one of the package's
// sentinel errors (ErrMalformed, ErrUnknownSchema, ErrTooLarge, …).
type LineError struct {
	// Line is the 1-based line number in the input where the record starts.
	Line int
	// Reason is a one-line explanation safe to show to an operator.
	Reason string
	// ID and Schema are set when they could be read.
	ID     string
	Schema string
	// Raw is the rejected line without its line break; only its first 4 KiB
	// when the line was over the length limit.
	Raw []byte
	Err error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

func (e *LineError) Unwrap() error { return e.Err }

// Reader reads FtM entities from JSON lines, one entity per line. Blank lines
// are skipped; a UTF-8 byte order mark at the start is ignored.
type Reader struct {
	br   *bufio.Reader
	opt  ReaderOptions
	line int
	buf  []byte
	eof  bool
	// queue holds the entities nested in the last line read (the nested
	// export form), returned before the next line is read.
	queue []queued
}

// queued is a nested entity read from a line, or why it was refused.
type queued struct {
	e   Entity
	err error
}

// maxNesting is how deep entities nested in entities are read as entities
// of their own; deeper ones stand for their id only.
const maxNesting = 3

// NewReader returns a Reader of r.
func NewReader(r io.Reader, opt ReaderOptions) *Reader {
	if opt.MaxLineBytes <= 0 {
		opt.MaxLineBytes = DefaultReaderOptions().MaxLineBytes
	}
	opt.Limits = opt.Limits.withDefaults()
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), opt: opt}
}

// Line returns the number of the last line read.
func (r *Reader) Line() int { return r.line }

// Next returns the next entity, validated and normalised as by
// Limits.Validate. A bad line yields a *LineError and the next call goes on
// with the following line; io.EOF comes back at the end of the input, and
// any other error is a read error of the underlying reader, after which
// reading should stop.
func (r *Reader) Next() (Entity, error) {
	for {
		if len(r.queue) > 0 {
			q := r.queue[0]
			r.queue = r.queue[1:]
			return q.e, q.err
		}
		if r.eof {
			return Entity{}, io.EOF
		}
		line, tooLong, err := r.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			return Entity{}, fmt.Errorf("read line %d: %w", r.line+1, err)
		}
		if errors.Is(err, io.EOF) {
			r.eof = true
			if line == nil && !tooLong {
				return Entity{}, io.EOF
			}
		}
		if tooLong {
			return Entity{}, &LineError{Line: r.line, Err: ErrTooLarge, Raw: bytes.Clone(line),
				Reason: fmt.Sprintf("line longer than the limit of %d bytes", r.opt.MaxLineBytes)}
		}
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		e, err := r.parse(line)
		if err != nil {
			return Entity{}, err
		}
		return e, nil
	}
}

// readLine returns the next line without its line break. The slice is only
// valid until the next call. When the line is over the limit, tooLong is set,
// the rest of it is read and discarded, and line holds its first rawKeep
// bytes.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	r.buf = r.buf[:0]
	read := 0
	for {
		frag, err := r.br.ReadSlice('\n')
		read += len(frag)
		if !tooLong {
			// A line may end in CR LF, so only more than MaxLineBytes+2
			// bytes prove it too long before its end is seen.
			if len(r.buf)+len(frag) > r.opt.MaxLineBytes+2 {
				tooLong = true
				r.buf = append(r.buf, frag[:min(len(frag), max(0, rawKeep-len(r.buf)))]...)
				r.buf = r.buf[:min(len(r.buf), rawKeep)]
			} else {
				r.buf = append(r.buf, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && read == 0 {
			return nil, false, err
		}
		r.line++
		line = r.buf
		if !tooLong {
			line = bytes.TrimSuffix(line, []byte{'\n'})
			line = bytes.TrimSuffix(line, []byte{'\r'})
			if len(line) > r.opt.MaxLineBytes {
				tooLong = true
				line = line[:min(len(line), rawKeep)]
			}
		}
		return line, tooLong, err
	}
}

// wireEntity is the JSON shape of a line; properties and datasets are decoded
// by hand because sources write single values as strings and numbers.
type wireEntity struct {
	ID         string          `json:"id"`
	Schema     string          `json:"schema"`
	Properties json.RawMessage `json:"properties"`
	Datasets   json.RawMessage `json:"datasets"`
	Caption    string          `json:"caption"`
	Referents  json.RawMessage `json:"referents"`
	FirstSeen  string          `json:"first_seen"`
	LastSeen   string          `json:"last_seen"`
	LastChange string          `json:"last_change"`
	Target     bool            `json:"target"`
}

func (r *Reader) parse(line []byte) (Entity, error) {
	if !utf8.Valid(line) {
		return Entity{}, &LineError{Line: r.line, Reason: "line is not valid UTF-8", Raw: bytes.Clone(line), Err: ErrInvalidValue}
	}
	return r.parseEntity(line, nil)
}

// parseEntity reads one entity object; the entities nested in it are
// queued after it (see Reader.queue). ancestors are the ids of the
// entities it is nested in.
func (r *Reader) parseEntity(raw []byte, ancestors []string) (Entity, error) {
	reject := func(e *Entity, sentinel error, reason string) error {
		le := &LineError{Line: r.line, Reason: reason, Raw: bytes.Clone(raw), Err: sentinel}
		if e != nil {
			le.ID, le.Schema = e.ID, e.Schema
		}
		return le
	}
	var w wireEntity
	if err := json.Unmarshal(raw, &w); err != nil {
		return Entity{}, reject(nil, ErrMalformed, "not a JSON entity object: "+clip(err.Error(), 200))
	}
	e := Entity{ID: w.ID, Schema: w.Schema, Caption: w.Caption, FirstSeen: w.FirstSeen,
		LastSeen: w.LastSeen, LastChange: w.LastChange, Target: w.Target}
	props, err := decodeProperties(w.Properties)
	if err != nil {
		return Entity{}, reject(&e, ErrMalformed, err.Error())
	}
	e.Properties = props.values
	for _, b := range props.bad {
		e.setAside(b.Property, b.Value, b.Reason)
	}
	if s, ok := Lookup(strings.TrimSpace(e.Schema)); ok {
		// The nested form writes a relation on both ends: the reverse
		// property here (a Person's "sanctions") holds what the nested
		// entity's own property says (the Sanction's "entity"), so it is
		// not a property of this schema to keep or set aside.
		for name := range props.reverse {
			if _, known := s.Property(name); !known {
				delete(e.Properties, name)
			}
		}
	}
	if e.Datasets, err = decodeValues(w.Datasets); err != nil {
		return Entity{}, reject(&e, ErrMalformed, "datasets: "+err.Error())
	}
	if e.Referents, err = decodeValues(w.Referents); err != nil {
		return Entity{}, reject(&e, ErrMalformed, "referents: "+err.Error())
	}
	if err := r.opt.Limits.Validate(&e); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return Entity{}, reject(&e, ve.Err, ve.Error())
		}
		return Entity{}, reject(&e, ErrMalformed, err.Error())
	}
	if len(e.SetAside) > 0 {
		e.Raw = bytes.Clone(raw[:min(len(raw), rawKeep)])
	}
	if len(ancestors)+1 >= maxNesting {
		return e, nil
	}
	ancestors = append(ancestors, e.ID)
	for _, n := range props.nested {
		if n.stub(ancestors) {
			continue
		}
		at := len(r.queue)
		r.queue = append(r.queue, queued{})
		ne, err := r.parseEntity(n.raw, ancestors)
		if len(ne.Datasets) == 0 && err == nil {
			ne.Datasets = e.Datasets // a nested entity belongs to its parent's sources
		}
		r.queue[at] = queued{ne, err}
	}
	return e, nil
}

// nestedEntity is an entity object found as a property value: its raw
// JSON and what decodePropertyValues read of it.
type nestedEntity struct {
	raw   json.RawMessage
	id    string
	empty bool // no properties: it only stands for its id
}

// stub reports whether a nested entity only stands for its id: it is one
// of the entities it is nested in (a back reference), or it has no
// properties. Read as an entity, it would replace the full record of that
// id with an empty one.
func (n nestedEntity) stub(ancestors []string) bool {
	return n.empty || slices.Contains(ancestors, n.id)
}

// properties is what decodeProperties read: the values by property, the
// entity objects nested as values (each standing for its id), the
// properties whose values were all such objects (reverse), and the values
// it could not read.
type properties struct {
	values  map[string][]string
	nested  []nestedEntity
	reverse map[string]bool
	bad     []SetAside
}

// decodeProperties reads the properties object. A property named twice has
// its values merged rather than the first list lost, as encoding/json would.
// A value that is an entity object — the nested form OpenSanctions and
// yente export, {"id":…,"schema":…,"properties":…} — stands for its id, and
// the object is returned to be read as an entity of its own. A property
// whose values cannot be read (an object that is no entity, a list in a
// list) is listed in bad rather than refusing the entity.
func decodeProperties(raw json.RawMessage) (properties, error) {
	out := properties{values: make(map[string][]string)}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return out, errors.New("properties must be a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out, fmt.Errorf("properties: %w", err)
		}
		name, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return out, fmt.Errorf("property %q: %w", clip(name, 80), err)
		}
		vals, nested, err := decodePropertyValues(v)
		if err != nil {
			out.bad = append(out.bad, SetAside{Property: name, Value: string(v[:min(len(v), 200)]), Reason: err.Error()})
			continue
		}
		if len(nested) > 0 {
			out.nested = append(out.nested, nested...)
			if len(nested) == len(vals) {
				if out.reverse == nil {
					out.reverse = map[string]bool{}
				}
				out.reverse[name] = true
			}
		}
		if len(vals) > 0 || out.values[name] == nil {
			out.values[name] = append(out.values[name], vals...)
		}
	}
	return out, nil
}

// decodePropertyValues reads a property's value or list of values:
// scalars as decodeValues does, and nested entity objects as their ids
// (the objects are returned in nested).
func decodePropertyValues(raw json.RawMessage) (vals []string, nested []nestedEntity, err error) {
	raw = bytes.TrimSpace(raw)
	items := []json.RawMessage{raw}
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, nil, err
		}
	}
	for _, it := range items {
		it = bytes.TrimSpace(it)
		if len(it) > 0 && it[0] == '{' {
			var ref struct {
				ID         string          `json:"id"`
				Schema     string          `json:"schema"`
				Properties json.RawMessage `json:"properties"`
			}
			if json.Unmarshal(it, &ref) != nil || ref.ID == "" || ref.Schema == "" {
				return nil, nil, errors.New("an object that is not an entity: values must be strings, numbers, entities or lists of them")
			}
			vals = append(vals, ref.ID)
			p := bytes.TrimSpace(ref.Properties)
			nested = append(nested, nestedEntity{raw: it, id: strings.TrimSpace(ref.ID),
				empty: len(p) == 0 || bytes.Equal(p, []byte("null")) || bytes.Equal(p, []byte("{}"))})
			continue
		}
		s, ok, err := scalar(it)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			vals = append(vals, s)
		}
	}
	return vals, nested, nil
}

// decodeValues accepts a string, a number, a boolean, null, or a list of
// these; numbers keep their JSON spelling ("1001", "2.5").
func decodeValues(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, nil
	}
	if raw[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			s, ok, err := scalar(it)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, ok, err := scalar(raw)
	if err != nil || !ok {
		return nil, err
	}
	return []string{s}, nil
}

func scalar(raw json.RawMessage) (s string, ok bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false, errors.New("empty value")
	}
	switch c := raw[0]; {
	case c == '"':
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false, err
		}
		return s, true, nil
	case c == '-' || (c >= '0' && c <= '9'):
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", false, err
		}
		return n.String(), true, nil
	case bytes.Equal(raw, []byte("true")), bytes.Equal(raw, []byte("false")):
		return string(raw), true, nil
	case bytes.Equal(raw, []byte("null")):
		return "", false, nil
	}
	return "", false, errors.New("values must be strings, numbers or lists of them")
}
