package ftm

import (
	"testing"
)

func TestSchemataResolve(t *testing.T) {
	// Resolving panics on a bad definition (unknown parent, cycle, edge on a
	// missing property); building the table once proves the data is sound.
	all := Schemata()
	if len(all) < 25 {
		t.Fatalf("Schemata() has %d schemata, want at least 25", len(all))
	}
	for _, s := range all {
		for _, p := range s.Properties() {
			if p.Type == "" || p.Schema == "" {
				t.Errorf("%s.%s has type %q schema %q", s.Name, p.Name, p.Type, p.Schema)
			}
			if p.IsEntity() {
				if _, ok := Lookup(p.Range); !ok {
					t.Errorf("%s.%s ranges over unknown schema %q", s.Name, p.Name, p.Range)
				}
			} else if p.Range != "" {
				t.Errorf("%s.%s is %s but has range %q", s.Name, p.Name, p.Type, p.Range)
			}
		}
	}
}

func TestLookupProperty(t *testing.T) {
	tests := []struct {
		schema, prop string
		want         Type
		declaredBy   string
	}{
		{"Person", "name", TypeName, "Thing"},
		{"Person", "alias", TypeName, "Thing"},
		{"Person", "weakAlias", TypeName, "Thing"},
		{"Person", "previousName", TypeName, "Thing"},
		{"Person", "firstName", TypeString, "Person"},
		{"Person", "middleName", TypeString, "Person"},
		{"Person", "lastName", TypeString, "Person"},
		{"Person", "fatherName", TypeString, "Person"},
		{"Person", "motherName", TypeString, "Person"},
		{"Person", "secondName", TypeString, "Person"},
		{"Person", "title", TypeString, "Person"},
		{"Person", "birthDate", TypeDate, "Person"},
		{"Person", "birthPlace", TypeString, "Person"},
		{"Person", "deathDate", TypeDate, "Person"},
		{"Person", "nationality", TypeCountry, "Person"},
		{"Person", "citizenship", TypeCountry, "Person"},
		{"Person", "gender", TypeGender, "Person"},
		{"Person", "passportNumber", TypeIdentifier, "Person"},
		{"Person", "idNumber", TypeIdentifier, "LegalEntity"},
		{"Person", "taxNumber", TypeIdentifier, "LegalEntity"},
		{"Person", "phone", TypePhone, "LegalEntity"},
		{"Person", "email", TypeEmail, "LegalEntity"},
		{"Person", "address", TypeAddress, "Thing"},
		{"Person", "addressEntity", TypeEntity, "Thing"},
		{"Person", "country", TypeCountry, "Thing"},
		{"Person", "topics", TypeTopic, "Thing"},
		{"Person", "notes", TypeText, "Thing"},
		{"Person", "summary", TypeText, "Thing"},
		{"Person", "sourceUrl", TypeURL, "Thing"},
		{"Company", "registrationNumber", TypeIdentifier, "Company"},
		{"Company", "jurisdiction", TypeCountry, "Company"},
		{"Company", "amount", TypeNumber, "Value"},
		{"PublicBody", "registrationNumber", TypeIdentifier, "LegalEntity"},
		{"Family", "person", TypeEntity, "Family"},
		{"Family", "relative", TypeEntity, "Family"},
		{"Family", "relationship", TypeString, "Family"},
		{"Family", "startDate", TypeDate, "Interval"},
		{"Associate", "associate", TypeEntity, "Associate"},
		{"Membership", "member", TypeEntity, "Membership"},
		{"Membership", "role", TypeString, "Interest"},
		{"Ownership", "owner", TypeEntity, "Ownership"},
		{"Ownership", "asset", TypeEntity, "Ownership"},
		{"Directorship", "director", TypeEntity, "Directorship"},
		{"Employment", "employer", TypeEntity, "Employment"},
		{"UnknownLink", "subject", TypeEntity, "UnknownLink"},
		{"UnknownLink", "object", TypeEntity, "UnknownLink"},
		{"UnknownLink", "role", TypeString, "Interest"},
		{"Event", "involved", TypeEntity, "Event"},
		{"Event", "organizer", TypeEntity, "Event"},
		{"Event", "location", TypeAddress, "Event"},
		{"Event", "country", TypeCountry, "Event"},
		{"Event", "name", TypeName, "Thing"},
		{"Event", "date", TypeDate, "Interval"},
		{"Passport", "holder", TypeEntity, "Identification"},
		{"Passport", "number", TypeIdentifier, "Identification"},
		{"Passport", "authority", TypeString, "Identification"},
		{"Passport", "endDate", TypeDate, "Interval"},
		{"Identification", "type", TypeString, "Identification"},
		{"Sanction", "entity", TypeEntity, "Sanction"},
		{"Sanction", "reason", TypeText, "Sanction"},
		{"Sanction", "program", TypeString, "Sanction"},
		{"Note", "entity", TypeEntity, "Note"},
		{"Note", "description", TypeText, "Thing"},
		{"Vehicle", "registrationNumber", TypeIdentifier, "Vehicle"},
		{"Vehicle", "owner", TypeEntity, "Vehicle"},
		{"Vehicle", "operator", TypeEntity, "Vehicle"},
		{"Vehicle", "model", TypeString, "Vehicle"},
		{"Vessel", "imoNumber", TypeIdentifier, "Vessel"},
		{"Airplane", "owner", TypeEntity, "Vehicle"},
		{"Address", "full", TypeAddress, "Address"},
		{"Address", "street", TypeString, "Address"},
		{"Address", "postalCode", TypeString, "Address"},
		{"Occupancy", "post", TypeEntity, "Occupancy"},
		{"Position", "organization", TypeEntity, "Position"},
	}
	for _, tt := range tests {
		t.Run(tt.schema+"."+tt.prop, func(t *testing.T) {
			s, ok := Lookup(tt.schema)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.schema)
			}
			p, ok := s.Property(tt.prop)
			if !ok {
				t.Fatalf("%s.Property(%q) not found", tt.schema, tt.prop)
			}
			if p.Type != tt.want || p.Schema != tt.declaredBy {
				t.Errorf("%s.Property(%q) = %s declared by %s, want %s declared by %s", tt.schema, tt.prop, p.Type, p.Schema, tt.want, tt.declaredBy)
			}
		})
	}
}

func TestLookupMissing(t *testing.T) {
	for _, name := range []string{"", "person", "Spaceship", "Thing "} {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) found a schema", name)
		}
	}
	s, _ := Lookup("Person")
	for _, prop := range []string{"", "holder", "registrationnumber", "owner"} {
		if _, ok := s.Property(prop); ok {
			t.Errorf("Person.Property(%q) found", prop)
		}
	}
}

func TestIsA(t *testing.T) {
	tests := []struct {
		schema, parent string
		want           bool
	}{
		{"Person", "Person", true},
		{"Person", "LegalEntity", true},
		{"Person", "Thing", true},
		{"Person", "Organization", false},
		{"Company", "Organization", true},
		{"Company", "Asset", true},
		{"Company", "Value", true},
		{"Passport", "Identification", true},
		{"Passport", "Interval", true},
		{"Passport", "Thing", false},
		{"Ownership", "Interest", true},
		{"Vessel", "Vehicle", true},
		{"Event", "Thing", true},
		{"Family", "LegalEntity", false},
	}
	for _, tt := range tests {
		t.Run(tt.schema+"/"+tt.parent, func(t *testing.T) {
			s, _ := Lookup(tt.schema)
			if got := s.IsA(tt.parent); got != tt.want {
				t.Errorf("%s.IsA(%q) = %v, want %v", tt.schema, tt.parent, got, tt.want)
			}
		})
	}
}

func TestReferencesAndEdges(t *testing.T) {
	names := func(ps []*Property) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	tests := []struct {
		schema string
		refs   []string
		edge   *Edge
	}{
		{"Person", []string{"addressEntity", "parent", "proof"}, nil},
		{"Passport", []string{"holder"}, nil},
		{"Family", []string{"person", "relative"}, &Edge{Source: "person", Target: "relative", Directed: true, Label: "related to"}},
		{"Ownership", []string{"asset", "owner"}, &Edge{Source: "owner", Target: "asset", Directed: true, Label: "owns"}},
		{"Event", []string{"addressEntity", "involved", "organizer", "proof"}, nil},
		{"Vehicle", []string{"addressEntity", "operator", "owner", "proof"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			s, _ := Lookup(tt.schema)
			got := names(s.References())
			if len(got) != len(tt.refs) {
				t.Fatalf("%s.References() = %v, want %v", tt.schema, got, tt.refs)
			}
			for i := range got {
				if got[i] != tt.refs[i] {
					t.Fatalf("%s.References() = %v, want %v", tt.schema, got, tt.refs)
				}
			}
			if (s.Edge == nil) != (tt.edge == nil) || (s.Edge != nil && *s.Edge != *tt.edge) {
				t.Errorf("%s.Edge = %+v, want %+v", tt.schema, s.Edge, tt.edge)
			}
		})
	}
}
