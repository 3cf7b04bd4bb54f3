package mapping

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vigie/vigie/store/ftm"
)

// Input formats a mapping reads.
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// Mapping is a parsed mapping file: how the rows of one CSV or JSON lines
// export become FtM entities. It is immutable once parsed and safe to share.
type Mapping struct {
	// Source names the dataset every produced entity is put in (Entity.Datasets).
	Source string
	// Classification is the label the caller stores the records under; the
	// mapping only carries it.
	Classification string
	// Format is FormatCSV (default) or FormatJSONL.
	Format string
	// Delimiter separates CSV fields. Default ','.
	Delimiter rune
	// SkipEmpty counts a row that yields no entity (every query filtered out,
	// every entity optional and empty) as skipped; by default such a row is
	// rejected, so that nothing is dropped silently.
	SkipEmpty bool
	Queries   []*Query

	columns []string // every column the mapping reads, sorted
}

// Query maps each row to a set of entities that may refer to one another.
type Query struct {
	Line int
	// Filters keep a row only when each named column equals one of the
	// values; FiltersNot drop it when any named column equals one of its values.
	Filters    map[string][]string
	FiltersNot map[string][]string
	Entities   []*Entity
}

// Entity maps one row to one FtM entity.
type Entity struct {
	Name   string
	Line   int
	Schema *ftm.Schema
	// Exactly one of Keys, IDColumn and IDTemplate says how the entity id is
	// made. Keys: IDPrefix + hex SHA-1 of KeyLiteral and the key values (as
	// in FtM; KeyLiteral defaults to Name). IDColumn: IDPrefix + the column's
	// value, so the id traces back to the source record. IDTemplate: the
	// rendered template.
	Keys       []string
	KeyLiteral string
	IDColumn   string
	IDPrefix   string
	IDTemplate *Template
	// Optional entities are left out of a row that cannot give them an id or
	// a required property; otherwise such a row is rejected.
	Optional bool
	// Referents are other ids of the same entity (FtM referents), rendered
	// from templates, so relation pointers such as Senzing REL_POINTER_KEY
	// can name the entity by another key.
	Referents  []*Template
	Properties []*Property
}

// Property maps one FtM property from the row.
type Property struct {
	Name string
	Line int
	Prop *ftm.Property
	// Exactly one source: Column, Columns, Literals, Template or Entity.
	Column   string
	Columns  []string
	Join     string // joins Columns' non-empty values into one value when set
	Literals []string
	Template *Template
	Entity   string // name of another entity of the same query
	// Split cuts each column value into several values.
	Split string
	// Formats are date layouts (strptime %Y %m %d %y %b %B %H %M %S, or Go
	// layouts) tried in turn; a value that parses is stored as ISO 8601, one
	// that does not is kept as given.
	Formats []string
	layouts []dateLayout
	// Required empties make the entity fail for the row.
	Required bool
}

// Columns returns every column the mapping reads, sorted.
func (m *Mapping) Columns() []string { return slices.Clone(m.columns) }

// Load reads and parses the mapping file at path; see Parse for the errors.
func Load(path string) (*Mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load mapping %q: %w", path, err)
	}
	m, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load mapping %q: %w", path, err)
	}
	return m, nil
}

// ParseError is one problem in a mapping file, at a line.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse parses a mapping file. It reports every problem at once — unknown
// keys, schemata and properties, an entity without keys, a reference to an
// undefined entity, a bad template or date format — as *ParseError values
// joined with errors.Join.
func Parse(data []byte) (*Mapping, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("parse mapping: %w", err)
	}
	p := &parser{}
	m := p.mapping(&root)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return m, nil
}

type parser struct{ errs []error }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// pairs returns the key/value pairs of a mapping node, reporting a duplicate
// or unknown key.
func (p *parser) pairs(n *yaml.Node, what string, known ...string) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.errorf(k, "%s: %q given twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		if len(known) > 0 && !slices.Contains(known, k.Value) {
			p.errorf(k, "%s: unknown key %q (known: %s)", what, k.Value, strings.Join(known, ", "))
			continue
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be a single value", what)
		return ""
	}
	return n.Value
}

func (p *parser) bool(n *yaml.Node, what string) bool {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		p.errorf(n, "%s must be true or false", what)
	}
	return b
}

// strs accepts a single value or a list of values.
func (p *parser) strs(n *yaml.Node, what string) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				p.errorf(c, "%s: items must be single values", what)
				continue
			}
			out = append(out, c.Value)
		}
		return out
	}
	p.errorf(n, "%s must be a value or a list of values", what)
	return nil
}

func topKeys() []string {
	return []string{"source", "classification", "format", "delimiter", "skip_empty", "queries", "query"}
}

func (p *parser) mapping(root *yaml.Node) *Mapping {
	m := &Mapping{Format: FormatCSV, Delimiter: ','}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		p.errorf(root, "empty mapping file")
		return m
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		p.errorf(doc, "a mapping file must be a mapping with queries")
		return m
	}
	// FtM's own files nest everything under the dataset name:
	// `my_dataset: {queries: […]}`. Accept that and take the name as source.
	if len(doc.Content) == 2 && !slices.Contains(topKeys(), doc.Content[0].Value) && doc.Content[1].Kind == yaml.MappingNode {
		m.Source = doc.Content[0].Value
		doc = doc.Content[1]
	}
	var queries []*yaml.Node
	for _, kv := range p.pairs(doc, "mapping", topKeys()...) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "source":
			m.Source = p.str(v, "source")
		case "classification":
			m.Classification = p.str(v, "classification")
		case "format":
			switch f := strings.ToLower(p.str(v, "format")); f {
			case FormatCSV, FormatJSONL:
				m.Format = f
			case "json", "ndjson":
				m.Format = FormatJSONL
			default:
				p.errorf(v, "format %q: want csv or jsonl", f)
			}
		case "delimiter":
			d := p.str(v, "delimiter")
			if d == `\t` || d == "tab" {
				d = "\t"
			}
			r, size := utf8.DecodeRuneInString(d)
			if size == 0 || size != len(d) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
				p.errorf(v, "delimiter %q: want one character other than a quote or line break", d)
			} else {
				m.Delimiter = r
			}
		case "skip_empty":
			m.SkipEmpty = p.bool(v, "skip_empty")
		case "queries":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "queries must be a list")
				continue
			}
			queries = append(queries, v.Content...)
		case "query":
			queries = append(queries, v)
		}
	}
	if len(queries) == 0 {
		p.errorf(doc, "no queries")
	}
	cols := map[string]bool{}
	for _, q := range queries {
		if query := p.query(q, cols); query != nil {
			m.Queries = append(m.Queries, query)
		}
	}
	for c := range cols {
		m.columns = append(m.columns, c)
	}
	slices.Sort(m.columns)
	return m
}

func queryKeys() []string {
	return []string{"csv_url", "csv_urls", "source_url", "filters", "filters_not", "entities"}
}

func (p *parser) query(n *yaml.Node, cols map[string]bool) *Query {
	q := &Query{Line: n.Line}
	var entities *yaml.Node
	for _, kv := range p.pairs(n, "query", queryKeys()...) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "filters", "filters_not":
			f := map[string][]string{}
			for _, fkv := range p.pairs(v, k.Value) {
				f[fkv[0].Value] = p.strs(fkv[1], k.Value+" "+fkv[0].Value)
				cols[fkv[0].Value] = true
			}
			if k.Value == "filters" {
				q.Filters = f
			} else {
				q.FiltersNot = f
			}
		case "entities":
			entities = v
		}
	}
	if entities == nil {
		p.errorf(n, "query has no entities")
		return q
	}
	pairs := p.pairs(entities, "entities")
	names := map[string]bool{}
	for _, kv := range pairs {
		names[kv[0].Value] = true
	}
	for _, kv := range pairs {
		if e := p.entity(kv[0], kv[1], names, cols); e != nil {
			q.Entities = append(q.Entities, e)
		}
	}
	if len(pairs) == 0 {
		p.errorf(entities, "query has no entities")
	}
	return q
}

func entityKeys() []string {
	return []string{"schema", "keys", "key", "key_literal", "id_column", "id_prefix", "id_template", "optional", "referents", "properties"}
}

func (p *parser) entity(name, n *yaml.Node, names, cols map[string]bool) *Entity {
	e := &Entity{Name: name.Value, Line: name.Line}
	var props *yaml.Node
	for _, kv := range p.pairs(n, "entity "+e.Name, entityKeys()...) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "schema":
			s := p.str(v, "schema")
			schema, ok := ftm.Lookup(s)
			switch {
			case !ok:
				p.errorf(v, "entity %s: unknown schema %q", e.Name, s)
			case schema.Abstract:
				p.errorf(v, "entity %s: schema %s is abstract", e.Name, s)
			default:
				e.Schema = schema
			}
		case "keys", "key":
			e.Keys = append(e.Keys, p.strs(v, "keys")...)
		case "key_literal":
			e.KeyLiteral = p.str(v, "key_literal")
		case "id_column":
			e.IDColumn = p.str(v, "id_column")
		case "id_prefix":
			e.IDPrefix = p.str(v, "id_prefix")
		case "id_template":
			e.IDTemplate = p.template(v, "id_template")
		case "optional":
			e.Optional = p.bool(v, "optional")
		case "referents":
			for _, s := range p.strs(v, "referents") {
				if t, err := ParseTemplate(s); err != nil {
					p.errorf(v, "entity %s: referents: %v", e.Name, err)
				} else {
					e.Referents = append(e.Referents, t)
				}
			}
		case "properties":
			props = v
		}
	}
	if _, ok := findKey(n, "schema"); !ok {
		p.errorf(name, "entity %s: no schema", e.Name)
	}
	modes := 0
	for _, set := range []bool{len(e.Keys) > 0, e.IDColumn != "", e.IDTemplate != nil} {
		if set {
			modes++
		}
	}
	switch {
	case modes == 0:
		p.errorf(name, "entity %s: no keys (give keys, id_column or id_template)", e.Name)
	case modes > 1:
		p.errorf(name, "entity %s: give only one of keys, id_column and id_template", e.Name)
	}
	if e.KeyLiteral == "" {
		e.KeyLiteral = e.Name
	}
	for _, k := range e.Keys {
		cols[k] = true
	}
	if e.IDColumn != "" {
		cols[e.IDColumn] = true
	}
	for _, t := range append(slices.Clone(e.Referents), e.IDTemplate) {
		if t != nil {
			for _, c := range t.Columns() {
				cols[c] = true
			}
		}
	}
	if props == nil {
		p.errorf(name, "entity %s: no properties", e.Name)
		return e
	}
	for _, kv := range p.pairs(props, "properties of "+e.Name) {
		if prop := p.property(e, kv[0], kv[1], names, cols); prop != nil {
			e.Properties = append(e.Properties, prop)
		}
	}
	return e
}

func propertyKeys() []string {
	return []string{"column", "columns", "join", "literal", "literals", "template", "entity", "format", "formats", "required", "split"}
}

func (p *parser) property(e *Entity, name, n *yaml.Node, names, cols map[string]bool) *Property {
	pm := &Property{Name: name.Value, Line: name.Line}
	where := fmt.Sprintf("entity %s property %s", e.Name, pm.Name)
	if e.Schema != nil {
		prop, ok := e.Schema.Property(pm.Name)
		if !ok {
			p.errorf(name, "entity %s: schema %s has no property %q", e.Name, e.Schema.Name, pm.Name)
		}
		pm.Prop = prop
	}
	sources := 0
	joinSet := false
	for _, kv := range p.pairs(n, where, propertyKeys()...) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "column":
			sources++
			pm.Column = p.str(v, where+" column")
			cols[pm.Column] = true
		case "columns":
			sources++
			pm.Columns = p.strs(v, where+" columns")
			for _, c := range pm.Columns {
				cols[c] = true
			}
		case "join":
			joinSet = true
			pm.Join = p.str(v, where+" join")
		case "literal", "literals":
			sources++
			pm.Literals = p.strs(v, where+" "+k.Value)
		case "template":
			sources++
			pm.Template = p.template(v, where+" template")
			if pm.Template != nil {
				for _, c := range pm.Template.Columns() {
					cols[c] = true
				}
			}
		case "entity":
			sources++
			pm.Entity = p.str(v, where+" entity")
			switch {
			case !names[pm.Entity]:
				p.errorf(v, "%s: refers to entity %q, not defined in this query", where, pm.Entity)
			case pm.Entity == e.Name:
				p.errorf(v, "%s: refers to its own entity", where)
			case pm.Prop != nil && !pm.Prop.IsEntity():
				p.errorf(v, "%s: %s is a %s property, not an entity reference", where, pm.Name, pm.Prop.Type)
			}
		case "format", "formats":
			pm.Formats = append(pm.Formats, p.strs(v, where+" format")...)
		case "required":
			pm.Required = p.bool(v, where+" required")
		case "split":
			pm.Split = p.str(v, where+" split")
			if pm.Split == "" {
				p.errorf(v, "%s: split must not be empty", where)
			}
		}
	}
	if sources != 1 {
		p.errorf(name, "%s: give exactly one of column, columns, literal, template and entity", where)
	}
	if joinSet && pm.Columns == nil {
		p.errorf(name, "%s: join needs columns", where)
	}
	for _, f := range pm.Formats {
		l, err := parseLayout(f)
		if err != nil {
			p.errorf(name, "%s: format %q: %v", where, f, err)
			continue
		}
		pm.layouts = append(pm.layouts, l)
	}
	return pm
}

func (p *parser) template(n *yaml.Node, what string) *Template {
	t, err := ParseTemplate(p.str(n, what))
	if err != nil {
		p.errorf(n, "%s: %v", what, err)
		return nil
	}
	return t
}

func findKey(n *yaml.Node, key string) (*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		return nil, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1], true
		}
	}
	return nil, false
}
