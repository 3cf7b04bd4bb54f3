package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

// Innocent is a set of identifier values known to be shared innocently (a
// hotel's address, a police station's switchboard): they never link.
// The zero value and nil are empty sets.
type Innocent struct {
	values map[string]bool // kind + "\x00" + normalised value
}

// maxInnocentLine bounds one line of an innocent-values file.
const maxInnocentLine = 4096

// ParseInnocent reads an innocent-values file: one `kind:value` per line,
// kind one of phone, email, address, vehicle, document; blank lines and
// lines starting with '#' are skipped, and a ' #' starts a trailing
// comment. Values are normalised with normalize (DefaultNormalize when nil)
// so that they compare with what the graph stores. Every bad line is
// reported, with its number, in one joined error; nothing is returned then.
func ParseInnocent(r io.Reader, normalize func(kind, value string) string) (*Innocent, error) {
	if normalize == nil {
		normalize = DefaultNormalize
	}
	in := &Innocent{values: map[string]bool{}}
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), maxInnocentLine)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			errs = append(errs, fmt.Errorf("line %d: not valid UTF-8", n))
			continue
		}
		kind, value, ok := strings.Cut(line, ":")
		kind, value = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(value)
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("line %d: want kind:value, got %q", n, line))
			continue
		case kindType[kind] == "":
			errs = append(errs, fmt.Errorf("line %d: unknown kind %q (want phone, email, address, vehicle or document)", n, kind))
			continue
		}
		v := normalize(kind, value)
		if v == "" {
			errs = append(errs, fmt.Errorf("line %d: %s value %q normalises to nothing", n, kind, value))
			continue
		}
		in.values[kind+"\x00"+v] = true
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read: %w", err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return in, nil
}

// LoadInnocent reads an innocent-values file from path (see ParseInnocent).
// It returns the open error or the parse errors, wrapped with the path.
func LoadInnocent(path string, normalize func(kind, value string) string) (*Innocent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load innocent values %q: %w", path, err)
	}
	defer f.Close()
	in, err := ParseInnocent(f, normalize)
	if err != nil {
		return nil, fmt.Errorf("load innocent values %q: %w", path, err)
	}
	return in, nil
}

// Has reports whether a normalised value of a kind is innocent.
func (in *Innocent) Has(kind, value string) bool {
	return in != nil && in.values[kind+"\x00"+value]
}

// Len returns the number of values.
func (in *Innocent) Len() int {
	if in == nil {
		return 0
	}
	return len(in.values)
}

// List returns the values as sorted "kind:value" strings.
func (in *Innocent) List() []string {
	if in == nil {
		return nil
	}
	out := make([]string, 0, len(in.values))
	for k := range in.values {
		kind, v, _ := strings.Cut(k, "\x00")
		out = append(out, kind+":"+v)
	}
	sort.Strings(out)
	return out
}

func (g *Graph) innocentHub(h hub) bool {
	kind, v, ok := h.value()
	return ok && g.opts.Innocent.Has(kind, v)
}
