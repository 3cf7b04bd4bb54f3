package ftm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
}

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
	reject := func(e *Entity, sentinel error, reason string) error {
		le := &LineError{Line: r.line, Reason: reason, Raw: bytes.Clone(line), Err: sentinel}
		if e != nil {
			le.ID, le.Schema = e.ID, e.Schema
		}
		return le
	}
	if !utf8.Valid(line) {
		return Entity{}, reject(nil, ErrInvalidValue, "line is not valid UTF-8")
	}
	var w wireEntity
	if err := json.Unmarshal(line, &w); err != nil {
		return Entity{}, reject(nil, ErrMalformed, "not a JSON entity object: "+clip(err.Error(), 200))
	}
	e := Entity{ID: w.ID, Schema: w.Schema, Caption: w.Caption, FirstSeen: w.FirstSeen,
		LastSeen: w.LastSeen, LastChange: w.LastChange, Target: w.Target}
	props, err := decodeProperties(w.Properties)
	if err != nil {
		return Entity{}, reject(&e, ErrMalformed, err.Error())
	}
	e.Properties = props
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
	return e, nil
}

// decodeProperties reads the properties object. A property named twice has
// its values merged rather than the first list lost, as encoding/json would.
func decodeProperties(raw json.RawMessage) (map[string][]string, error) {
	props := make(map[string][]string)
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return props, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, errors.New("properties must be a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("properties: %w", err)
		}
		name, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("property %q: %w", clip(name, 80), err)
		}
		vals, err := decodeValues(v)
		if err != nil {
			return nil, fmt.Errorf("property %q: %w", clip(name, 80), err)
		}
		if len(vals) > 0 || props[name] == nil {
			props[name] = append(props[name], vals...)
		}
	}
	return props, nil
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
