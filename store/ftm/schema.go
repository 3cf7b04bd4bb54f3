package ftm

import (
	"slices"
	"sync"
)

// Type is the FtM property type of a value: it says how a value is compared,
// validated and indexed (a name is matched fuzzily, an identifier exactly, an
// entity value is the id of another entity).
type Type string

// The FtM property types vigie knows. Values of types without a check of their
// own (string, text, name, identifier, address, topic, …) are kept as given.
const (
	TypeString     Type = "string"
	TypeText       Type = "text"
	TypeName       Type = "name"
	TypeDate       Type = "date"
	TypeCountry    Type = "country"
	TypeIdentifier Type = "identifier"
	TypePhone      Type = "phone"
	TypeEmail      Type = "email"
	TypeAddress    Type = "address"
	TypeEntity     Type = "entity"
	TypeURL        Type = "url"
	TypeGender     Type = "gender"
	TypeTopic      Type = "topic"
	TypeNumber     Type = "number"
	TypeLanguage   Type = "language"
	TypeIP         Type = "ip"
	TypeIBAN       Type = "iban"
)

// Property is one property of a schema: its name, FtM type and, for entity
// references, the schema its values must point at.
type Property struct {
	Name  string
	Label string
	Type  Type
	// Range is the schema an entity reference points at; empty unless Type is
	// TypeEntity.
	Range string
	// Schema names the schema that declares the property (Person's birthDate
	// is declared by Person, its name by Thing).
	Schema string
}

// IsEntity reports whether the property's values are ids of other entities.
func (p *Property) IsEntity() bool { return p.Type == TypeEntity }

// Edge says which two properties of a relationship schema (Family, Ownership,
// UnknownLink, …) hold the two ends of the link.
type Edge struct {
	Source   string
	Target   string
	Directed bool
	// Label describes the link read from source to target ("owns").
	Label string
}

// Schema is one FtM schema with its properties resolved through inheritance.
// Schemata are immutable and shared: never modify one.
type Schema struct {
	Name     string
	Label    string
	Abstract bool
	// Extends lists the direct parents, as in the FtM YAML.
	Extends []string
	// Edge is set for relationship schemata, nil otherwise.
	Edge *Edge

	own       []*Property
	props     map[string]*Property
	sorted    []*Property
	refs      []*Property
	ancestors map[string]bool
}

// Property returns the named property of the schema, declared on it or
// inherited from a parent; ok is false when the schema has no such property.
func (s *Schema) Property(name string) (p *Property, ok bool) {
	p, ok = s.props[name]
	return p, ok
}

// Properties returns every property of the schema, inherited ones included,
// sorted by name. The slice is shared: do not modify it.
func (s *Schema) Properties() []*Property { return s.sorted }

// References returns the properties whose values are ids of other entities
// (Passport.holder, Ownership.owner, Thing.addressEntity, …), sorted by name:
// the properties a link graph follows. The slice is shared: do not modify it.
func (s *Schema) References() []*Property { return s.refs }

// IsA reports whether the schema is name or inherits from it: a Person IsA
// LegalEntity and a Thing; a Company IsA Asset.
func (s *Schema) IsA(name string) bool { return s.ancestors[name] }

// Lookup returns the schema called name (case-sensitive, as in FtM: "Person");
// ok is false for a schema vigie does not support.
func Lookup(name string) (s *Schema, ok bool) {
	s, ok = registry().byName[name]
	return s, ok
}

// Schemata returns every supported schema sorted by name, abstract ones
// included.
func Schemata() []*Schema { return slices.Clone(registry().sorted) }

type schemaSet struct {
	byName map[string]*Schema
	sorted []*Schema
}

// registry is the resolved schema table, built once on first use. It is a
// read-only table standing in for a constant: Go has no constant maps, and
// building it on every Lookup would cost an allocation per call on the ingest
// path.
var registry = sync.OnceValue(func() *schemaSet { return resolve(definitions()) })

// resolve flattens inheritance: a schema's own properties win over inherited
// ones of the same name, and parents are visited in declaration order.
func resolve(defs []*Schema) *schemaSet {
	set := &schemaSet{byName: make(map[string]*Schema, len(defs))}
	for _, s := range defs {
		if _, dup := set.byName[s.Name]; dup {
			panic("ftm: schema defined twice: " + s.Name)
		}
		set.byName[s.Name] = s
		set.sorted = append(set.sorted, s)
	}
	var visit func(s *Schema, path []string)
	visit = func(s *Schema, path []string) {
		if s.props != nil {
			return
		}
		if slices.Contains(path, s.Name) {
			panic("ftm: inheritance cycle through " + s.Name)
		}
		props := make(map[string]*Property)
		anc := map[string]bool{s.Name: true}
		for _, p := range s.own {
			p.Schema = s.Name
			props[p.Name] = p
		}
		for _, name := range s.Extends {
			parent, ok := set.byName[name]
			if !ok {
				panic("ftm: " + s.Name + " extends unknown schema " + name)
			}
			visit(parent, append(path, s.Name))
			for n, p := range parent.props {
				if _, have := props[n]; !have {
					props[n] = p
				}
			}
			for a := range parent.ancestors {
				anc[a] = true
			}
		}
		s.props, s.ancestors = props, anc
		for _, p := range props {
			s.sorted = append(s.sorted, p)
			if p.IsEntity() {
				s.refs = append(s.refs, p)
			}
		}
		byName := func(a, b *Property) int { return compareStrings(a.Name, b.Name) }
		slices.SortFunc(s.sorted, byName)
		slices.SortFunc(s.refs, byName)
	}
	for _, s := range set.sorted {
		visit(s, nil)
	}
	slices.SortFunc(set.sorted, func(a, b *Schema) int { return compareStrings(a.Name, b.Name) })
	for _, s := range set.sorted {
		if s.Edge != nil {
			for _, end := range []string{s.Edge.Source, s.Edge.Target} {
				if p, ok := s.props[end]; !ok || !p.IsEntity() {
					panic("ftm: edge of " + s.Name + " names " + end + ", not an entity property")
				}
			}
		}
	}
	return set
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
