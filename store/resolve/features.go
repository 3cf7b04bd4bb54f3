package resolve

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"slices"
)

// Features are stored in a compact binary form: resolution decodes one for
// every candidate it does not hold in memory, and JSON decoding was half of
// that cost on a large store. The form is a version byte (featuresV1), then
// the schema, the properties (count, then name, value count and values,
// names in order) and the index keys, each string as a uvarint length and
// its bytes. Values written by earlier versions, in JSON (they start with
// '{'), are still read.
const featuresV1 = 1

var errBadFeatures = errors.New("damaged features value")

func encodeFeatures(f features) []byte {
	n := 16 + len(f.Schema)
	for p, vs := range f.Props {
		n += 8 + len(p)
		for _, v := range vs {
			n += 4 + len(v)
		}
	}
	for _, k := range f.Keys {
		n += 4 + len(k)
	}
	b := make([]byte, 0, n)
	b = append(b, featuresV1)
	b = appendString(b, f.Schema)
	props := make([]string, 0, len(f.Props))
	for p := range f.Props {
		props = append(props, p)
	}
	slices.Sort(props)
	b = binary.AppendUvarint(b, uint64(len(props)))
	for _, p := range props {
		b = appendString(b, p)
		b = binary.AppendUvarint(b, uint64(len(f.Props[p])))
		for _, v := range f.Props[p] {
			b = appendString(b, v)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.Keys)))
	for _, k := range f.Keys {
		b = appendString(b, k)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func decodeFeatures(raw []byte) (features, error) {
	var f features
	if len(raw) > 0 && raw[0] == '{' {
		err := json.Unmarshal(raw, &f)
		return f, err
	}
	if len(raw) == 0 || raw[0] != featuresV1 {
		return f, errBadFeatures
	}
	d := decoder{b: raw[1:]}
	f.Schema = d.string()
	np := d.count()
	f.Props = make(map[string][]string, np)
	for range np {
		p := d.string()
		nv := d.count()
		vs := make([]string, 0, nv)
		for range nv {
			vs = append(vs, d.string())
		}
		f.Props[p] = vs
	}
	nk := d.count()
	f.Keys = make([]string, 0, nk)
	for range nk {
		f.Keys = append(f.Keys, d.string())
	}
	if d.bad || len(d.b) != 0 {
		return features{}, errBadFeatures
	}
	return f, nil
}

// decodeFeatureKeys returns the index keys of encoded features, skipping
// their properties: what an update of the record needs of the version it
// replaces (cached entries keep no keys, see entry).
func decodeFeatureKeys(raw []byte) ([]string, error) {
	if len(raw) == 0 || raw[0] != featuresV1 {
		f, err := decodeFeatures(raw)
		return f.Keys, err
	}
	d := decoder{b: raw[1:]}
	d.skip()
	for range d.count() {
		d.skip()
		for range d.count() {
			d.skip()
		}
	}
	nk := d.count()
	keys := make([]string, 0, nk)
	for range nk {
		keys = append(keys, d.string())
	}
	if d.bad || len(d.b) != 0 {
		return nil, errBadFeatures
	}
	return keys, nil
}

// decoder reads uvarint-prefixed strings and counts; it remembers the
// first error and returns zero values after it.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	if d.bad {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of items; each takes at least a byte, so a count
// larger than what is left is damage (and never allocates).
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad = true
		return 0
	}
	return int(n)
}

// skip passes over a string.
func (d *decoder) skip() {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)) {
		d.bad = true
		return
	}
	d.b = d.b[n:]
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)) {
		d.bad = true
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
