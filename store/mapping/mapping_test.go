package mapping

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie/vigie/store/ftm"
)

const people = `source: police
classification: RESTRICTED
queries:
  - filters: {kind: [person]}
    entities:
      person:
        schema: Person
        id_column: id
        properties:
          name: {columns: [first, last], join: " "}
          birthDate: {column: dob, format: "%d/%m/%Y"}
      passport:
        schema: Passport
        id_template: "{{id}}-pp"
        optional: true
        properties:
          holder: {entity: person}
          number: {column: passport, required: true}
`

func rows(t *testing.T, m *Mapping, in string) (ents []ftm.Entity, rejects []*ftm.LineError) {
	t.Helper()
	rr := m.Rows(strings.NewReader(in))
	for {
		es, err := rr.Next()
		if err == io.EOF {
			return
		}
		var le *ftm.LineError
		if errors.As(err, &le) {
			rejects = append(rejects, le)
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		ents = append(ents, es...)
	}
}

func TestRowsMakeReferencingEntities(t *testing.T) {
	m, err := Parse([]byte(people))
	if err != nil {
		t.Fatal(err)
	}
	if m.Source != "police" || m.Classification != "RESTRICTED" {
		t.Errorf("source %q classification %q", m.Source, m.Classification)
	}
	in := "id,kind,first,last,dob,passport\n" +
		"p1,person,Karim,Benali,04/03/1990,EH123\n" +
		"p2,person,Nadia,Haddad,,\n" +
		"x9,vehicle,,,,\n" +
		"p3,person,Too,Few\n" +
		",person,No,Id,,\n"
	ents, rejects := rows(t, m, in)
	if len(ents) != 3 {
		t.Fatalf("entities = %+v", ents)
	}
	if ents[0].ID != "p1" || ents[0].Properties["name"][0] != "Karim Benali" || ents[0].Properties["birthDate"][0] != "1990-03-04" {
		t.Errorf("person: %+v", ents[0])
	}
	if ents[1].ID != "p1-pp" || ents[1].Properties["holder"][0] != "p1" {
		t.Errorf("passport: %+v", ents[1])
	}
	if ents[2].ID != "p2" {
		t.Errorf("optional passport without number was not left out: %+v", ents[2])
	}
	// x9 is filtered out and gives nothing (rejected: skip_empty is off),
	// p3 has too few fields, the last row has no id.
	if len(rejects) != 3 || rejects[0].Line != 4 || rejects[1].Line != 5 || rejects[2].Line != 6 {
		for _, r := range rejects {
			t.Logf("reject line %d: %s", r.Line, r.Reason)
		}
		t.Errorf("rejects = %d", len(rejects))
	}
}

func TestJSONLinesWithNestedColumns(t *testing.T) {
	m, err := Parse([]byte(`format: jsonl
source: partner
queries:
  - entities:
      p:
        schema: Person
        id_column: rid
        properties:
          name: {column: names.full}
          phone: {column: phones}
`))
	if err != nil {
		t.Fatal(err)
	}
	ents, rejects := rows(t, m, `{"rid": 7, "names": [{"full": "Anton Vesnin"}, {"full": "Антон Веснин"}], "phones": ["+33 1", "+33 2"]}
{broken
`)
	if len(ents) != 1 || len(rejects) != 1 || rejects[0].Line != 2 {
		t.Fatalf("ents %+v rejects %v", ents, rejects)
	}
	if ents[0].ID != "7" || len(ents[0].Properties["name"]) != 2 || len(ents[0].Properties["phone"]) != 2 {
		t.Errorf("entity %+v", ents[0])
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	_, err := Parse([]byte(`queries:
  - entities:
      a:
        schema: Spaceship
        id_column: id
      b:
        schema: Person
        id_column: id
        properties:
          wingspan: {column: w}
          holder: {entity: nowhere}
`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Spaceship", "wingspan"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestShippedMappingsLoad(t *testing.T) {
	files, _ := filepath.Glob("../../deploy/mappings/*.yml")
	if len(files) < 4 {
		t.Fatalf("shipped mappings: %v", files)
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat("../../../shared/data/febrl/dataset1.csv"); err != nil {
		return
	}
	m, _ := Load("../../deploy/mappings/febrl.yml")
	f, _ := os.Open("../../../shared/data/febrl/dataset1.csv")
	defer f.Close()
	raw, _ := io.ReadAll(f)
	ents, rejects := rows(t, m, string(raw))
	if len(ents) != 1000 || len(rejects) != 0 || ents[0].ID != "rec-223-org" {
		t.Errorf("febrl: %d entities, %d rejects, first %q", len(ents), len(rejects), ents[0].ID)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(people))
	f.Add([]byte("queries: [{entities: {a: {schema: Person, keys: [x]}}}]"))
	f.Add([]byte("\x00: ["))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err == nil && m == nil {
			t.Fatal("nil mapping without error")
		}
	})
}

func FuzzRows(f *testing.F) {
	m, err := Parse([]byte(people))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("id,kind,first,last,dob,passport\np1,person,Karim,Benali,04/03/1990,EH123\n")
	f.Add("id,kind\n\"unclosed,person\n")
	f.Add("\xff\xfe,,,\n,,,,,,,,,,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		rr := m.Rows(strings.NewReader(in))
		for i := 0; i < 10000; i++ {
			ents, err := rr.Next()
			if err == io.EOF {
				return
			}
			var le *ftm.LineError
			if err != nil && !errors.As(err, &le) {
				return // a header that cannot be read ends the input
			}
			for _, e := range ents {
				if err := ftm.Validate(&e); err != nil {
					t.Fatalf("invalid entity out of a row: %v", err)
				}
			}
		}
		t.Fatal("Next never ended")
	})
}
