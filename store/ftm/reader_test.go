package ftm

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readAll reads every line, collecting entities and rejects.
func readAll(t *testing.T, r *Reader) ([]Entity, []*LineError) {
	t.Helper()
	var ents []Entity
	var rejects []*LineError
	for {
		e, err := r.Next()
		if errors.Is(err, io.EOF) {
			return ents, rejects
		}
		var le *LineError
		switch {
		case errors.As(err, &le):
			rejects = append(rejects, le)
		case err != nil:
			t.Fatalf("Next() = %v, want a *LineError or io.EOF", err)
		default:
			ents = append(ents, e)
		}
	}
}

func TestReaderYenteFixture(t *testing.T) {
	f, err := os.Open("../../../shared/data/ftm/yente_fixture_t1_entities.ftm.json")
	if err != nil {
		t.Skipf("fixture not available: %v", err)
	}
	defer f.Close()
	ents, rejects := readAll(t, NewReader(f, ReaderOptions{}))
	for _, le := range rejects {
		t.Errorf("rejected: %v", le)
	}
	counts := map[string]int{}
	for _, e := range ents {
		counts[e.Schema]++
	}
	want := map[string]int{"Person": 4, "Organization": 2, "Address": 1}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("schemata read (-want +got):\n%s", diff)
	}
	var kuz Entity
	for _, e := range ents {
		if e.ID == "NK-2Ka3UvopqbpZmVDFjWd4LA" {
			kuz = e
		}
	}
	if got, want := kuz.Properties["lastName"], []string{"КУЗЬМЕНКО", "KUZMENKO", "Kuzmenko"}; !cmp.Equal(got, want) {
		t.Errorf("lastName = %q, want %q", got, want)
	}
	if kuz.Caption != "Vitaly Yurievich KUZMENKO" || !cmp.Equal(kuz.Datasets, []string{"eu_fsf"}) || len(kuz.Referents) != 7 || !kuz.Target {
		t.Errorf("metadata not kept: caption %q datasets %q referents %d target %v", kuz.Caption, kuz.Datasets, len(kuz.Referents), kuz.Target)
	}
}

func TestReaderLines(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		want   *Entity
		reason string // substring of the LineError reason
		err    error
	}{
		{name: "string and array values, numbers coerced, duplicates removed",
			line: `{"id":"p1","schema":"Person","properties":{"name":"Ann  Lee","idNumber":[12345,"12345","X 9"],"alias":["A. Lee","A. Lee",""]},"datasets":"police"}`,
			want: &Entity{ID: "p1", Schema: "Person", Properties: map[string][]string{"name": {"Ann Lee"}, "idNumber": {"12345", "X 9"}, "alias": {"A. Lee"}}, Datasets: []string{"police"}}},
		{name: "whitespace normalised, text keeps lines",
			line: `{"id":"n1","schema":"Note","properties":{"description":["  first line\r\n\tsecond\u00a0 line  "],"name":["a\tb\nc"]}}`,
			want: &Entity{ID: "n1", Schema: "Note", Properties: map[string][]string{"description": {"first line\nsecond line"}, "name": {"a b c"}}}},
		{name: "property named twice is merged",
			line: `{"id":"p2","schema":"Person","properties":{"name":["A"],"name":["B"]}}`,
			want: &Entity{ID: "p2", Schema: "Person", Properties: map[string][]string{"name": {"A", "B"}}}},
		{name: "null and empty properties",
			line: `{"id":"p3","schema":"Person","properties":null}`,
			want: &Entity{ID: "p3", Schema: "Person", Properties: map[string][]string{}}},
		{name: "loose dates kept as given",
			line: `{"id":"p4","schema":"Person","properties":{"birthDate":["1989","1989-09","1989-09-15","15/09/1989","Sep 15 1989","2001-02-03T04:05:06Z","21 мая 1955 г.","15 de septiembre de 1989","1970 to 1972","between 1960 and 1962"]}}`,
			want: &Entity{ID: "p4", Schema: "Person", Properties: map[string][]string{"birthDate": {"1989", "1989-09", "1989-09-15", "15/09/1989", "Sep 15 1989", "2001-02-03T04:05:06Z", "21 мая 1955 г.", "15 de septiembre de 1989", "1970 to 1972", "between 1960 and 1962"}}}},
		{name: "malformed JSON", line: `{"id":"x","schema":`, reason: "not a JSON entity", err: ErrMalformed},
		{name: "not an object", line: `["id"]`, reason: "not a JSON entity", err: ErrMalformed},
		{name: "trailing garbage", line: `{"id":"x","schema":"Person"} {}`, err: ErrMalformed},
		{name: "missing id", line: `{"schema":"Person","properties":{"name":["A"]}}`, reason: "no id", err: ErrMissing},
		{name: "missing schema", line: `{"id":"x","properties":{"name":["A"]}}`, reason: "no schema", err: ErrMissing},
		{name: "unknown schema", line: `{"id":"x","schema":"Spaceship"}`, reason: `unknown schema "Spaceship"`, err: ErrUnknownSchema},
		{name: "abstract schema", line: `{"id":"x","schema":"Thing"}`, reason: "abstract", err: ErrUnknownSchema},
		{name: "invalid UTF-8", line: "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xff\"]}}", reason: "UTF-8", err: ErrInvalidValue},
		{name: "id with space", line: `{"id":"a b","schema":"Person"}`, reason: "white space", err: ErrInvalidValue},
		{name: "value too long", line: `{"id":"x","schema":"Person","properties":{"notes":["` + strings.Repeat("a", 65<<10) + `"]}}`, reason: "limit", err: ErrTooLarge},
		{name: "too many values", line: `{"id":"x","schema":"Person","properties":{"alias":[` + strings.Repeat(`"a",`, 1000) + `"a"]}}`, reason: "1001 values", err: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.line+"\n"), ReaderOptions{})
			got, err := r.Next()
			if tt.want != nil {
				if err != nil {
					t.Fatalf("Next() error = %v", err)
				}
				if diff := cmp.Diff(*tt.want, got); diff != "" {
					t.Errorf("Next() (-want +got):\n%s", diff)
				}
			} else {
				var le *LineError
				if !errors.As(err, &le) {
					t.Fatalf("Next() = %v, want *LineError", err)
				}
				if le.Line != 1 || !strings.Contains(le.Reason, tt.reason) || !errors.Is(err, tt.err) {
					t.Errorf("Next() = line %d %q (%v), want line 1 containing %q, is %v", le.Line, le.Reason, le.Err, tt.reason, tt.err)
				}
				if len(le.Raw) == 0 {
					t.Errorf("LineError.Raw is empty")
				}
			}
			if _, err := r.Next(); !errors.Is(err, io.EOF) {
				t.Errorf("second Next() = %v, want io.EOF", err)
			}
		})
	}
}

func TestReaderGoesOnAfterBadLines(t *testing.T) {
	long := `{"id":"big","schema":"Person","properties":{"notes":["` + strings.Repeat("x", 3000) + `"]}}`
	in := "\xef\xbb\xbf" + `{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\r\n" +
		"\n" +
		"not json\n" +
		long + "\n" +
		"   \n" +
		`{"id":"b","schema":"Company","properties":{"name":"B"}}` + "\n" +
		`{"id":"c","schema":"Vessel","properties":{"name":"C"}}` // no final newline
	r := NewReader(strings.NewReader(in), ReaderOptions{MaxLineBytes: 2048})
	ents, rejects := readAll(t, r)
	var ids []string
	for _, e := range ents {
		ids = append(ids, e.ID)
	}
	if want := []string{"a", "b", "c"}; !cmp.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	if len(rejects) != 2 || rejects[0].Line != 3 || rejects[1].Line != 4 {
		t.Fatalf("rejects = %v, want lines 3 and 4", rejects)
	}
	if !errors.Is(rejects[1], ErrTooLarge) || len(rejects[1].Raw) > rawKeep || !strings.HasPrefix(string(rejects[1].Raw), `{"id":"big"`) {
		t.Errorf("long line reject = %v with %d raw bytes", rejects[1], len(rejects[1].Raw))
	}
	if r.Line() != 7 {
		t.Errorf("Line() = %d, want 7", r.Line())
	}
}

func TestReaderLongLineNotHeld(t *testing.T) {
	// A 10 MiB line with a 1 KiB limit: the reader must skip it and still
	// find the entity after it, holding no more than its buffers.
	in := io.MultiReader(strings.NewReader(`{"id":"x","schema":"Person","properties":{"name":["`),
		io.LimitReader(repeatReader('a'), 10<<20),
		strings.NewReader("\"]}}\n"+`{"id":"ok","schema":"Person"}`+"\n"))
	r := NewReader(in, ReaderOptions{MaxLineBytes: 1024})
	ents, rejects := readAll(t, r)
	if len(ents) != 1 || ents[0].ID != "ok" || len(rejects) != 1 || !errors.Is(rejects[0], ErrTooLarge) {
		t.Fatalf("got %d entities, rejects %v", len(ents), rejects)
	}
	if cap(r.buf) > 64<<10 {
		t.Errorf("line buffer grew to %d bytes", cap(r.buf))
	}
}

type repeatReader byte

func (b repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

func TestReaderReadError(t *testing.T) {
	boom := errors.New("disk gone")
	r := NewReader(io.MultiReader(strings.NewReader(`{"id":"a","schema":"Person"}`+"\n"), errReader{boom}), ReaderOptions{})
	if _, err := r.Next(); err != nil {
		t.Fatalf("first Next() = %v", err)
	}
	_, err := r.Next()
	var le *LineError
	if !errors.Is(err, boom) || errors.As(err, &le) {
		t.Errorf("Next() = %v, want the read error, not a LineError", err)
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func TestValidateNormalises(t *testing.T) {
	e := Entity{ID: " p1 ", Schema: "Person", Properties: map[string][]string{
		"name":    {" Ann ", "Ann", "  "},
		"country": {"fr", "France"},
		"gender":  {},
	}, Datasets: []string{"a", " a", ""}}
	if err := Validate(&e); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	want := Entity{ID: "p1", Schema: "Person", Properties: map[string][]string{
		"name": {"Ann"}, "country": {"fr", "France"}}, Datasets: []string{"a"}}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Validate() left (-want +got):\n%s", diff)
	}
}

func TestValidateLimits(t *testing.T) {
	props := map[string][]string{}
	s, _ := Lookup("Person")
	for _, p := range s.Properties()[:5] {
		props[p.Name] = nil
	}
	e := Entity{ID: "p", Schema: "Person", Properties: props}
	err := Limits{MaxProperties: 4}.Validate(&e)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Validate() with 5 properties over a limit of 4 = %v, want ErrTooLarge", err)
	}
	e = Entity{ID: strings.Repeat("i", 600), Schema: "Person"}
	if err := Validate(&e); !errors.Is(err, ErrInvalidValue) {
		t.Errorf("Validate() with a 600-byte id = %v, want ErrInvalidValue", err)
	}
}

func TestLooksLikeDate(t *testing.T) {
	tests := map[string]bool{
		"1989": true, "1989-09-15": true, "15.9.89": true, "15 September 1989": true,
		"3rd of may 1990": false, "March 3rd, 1990": true, "19890915": true,
		"hello": false, "": false, "--": false, "2001-02-03T04:05:06+01:00": true,
		"12/11/1978": true, "Mar 1 1970": true, "1978-13-45": true, // odd but date-shaped: kept
	}
	for in, want := range tests {
		if got := looksLikeDate(in); got != want {
			t.Errorf("looksLikeDate(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestReaderSetsAsideBadValues: a value that is not of its type, or a
// property the schema lacks, is taken out of the entity and listed in
// SetAside with the raw line — the entity is kept, not refused.
func TestReaderSetsAsideBadValues(t *testing.T) {
	tests := []struct {
		name, line, prop, reason string
	}{
		{name: "unknown property", line: `{"id":"x","schema":"Person","properties":{"holder":["y"]}}`, prop: "holder", reason: "no such property"},
		{name: "object value", line: `{"id":"x","schema":"Person","properties":{"name":{"a":1}}}`, prop: "name", reason: "not an entity"},
		{name: "nested list", line: `{"id":"x","schema":"Person","properties":{"name":[["a"]]}}`, prop: "name", reason: ""},
		{name: "control character", line: `{"id":"x","schema":"Person","properties":{"name":["a\u0007b"]}}`, prop: "name", reason: "control character"},
		{name: "NUL", line: `{"id":"x","schema":"Person","properties":{"name":["a\u0000"]}}`, prop: "name", reason: "control character"},
		{name: "garbage date", line: `{"id":"x","schema":"Person","properties":{"birthDate":["hello"]}}`, prop: "birthDate", reason: "not a date"},
		{name: "garbage email", line: `{"id":"x","schema":"Person","properties":{"email":["nobody"]}}`, prop: "email", reason: "not an e-mail"},
		{name: "garbage country", line: `{"id":"x","schema":"Person","properties":{"nationality":["123"]}}`, prop: "nationality", reason: "not a country"},
		{name: "garbage phone", line: `{"id":"x","schema":"Person","properties":{"phone":["call me"]}}`, prop: "phone", reason: "not a phone"},
		{name: "entity ref with space", line: `{"id":"x","schema":"Passport","properties":{"holder":["a b"]}}`, prop: "holder", reason: "not an entity id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.line+"\n"), ReaderOptions{})
			got, err := r.Next()
			if err != nil {
				t.Fatalf("Next() error = %v, want the entity without the value", err)
			}
			if got.ID != "x" || len(got.SetAside) != 1 || got.SetAside[0].Property != tt.prop ||
				!strings.Contains(got.SetAside[0].Reason, tt.reason) || len(got.Raw) == 0 {
				t.Fatalf("Next() = %+v, want x with %s set aside (%q) and the raw line", got, tt.prop, tt.reason)
			}
			if _, kept := got.Properties[tt.prop]; kept {
				t.Errorf("property %s kept: %v", tt.prop, got.Properties[tt.prop])
			}
		})
	}
}

// TestReaderReadsNestedEntities: the nested export form (OpenSanctions'
// targets.nested.json, yente) puts related entities inside properties; each
// is read as an entity of its own, and stands for its id in the parent.
func TestReaderReadsNestedEntities(t *testing.T) {
	line := `{"id":"p1","schema":"Person","datasets":["eu_fsf"],"properties":{"name":["Ivan Petrov"],` +
		`"sanctions":[{"id":"s1","schema":"Sanction","properties":{"authority":["EU"],"entity":["p1"]}}],` +
		`"addressEntity":[{"id":"a1","schema":"Address","properties":{"full":["Moscow"]}}],` +
		`"identification":[{"id":"i1","schema":"Passport","properties":{"number":["123"],"holder":[{"id":"p1","schema":"Person","properties":{}}]}}]}}` + "\n" +
		`{"id":"p2","schema":"Person","properties":{"name":["Next One"]}}` + "\n"
	r := NewReader(strings.NewReader(line), ReaderOptions{})
	var got []Entity
	for {
		e, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID+":"+e.Schema)
	}
	want := "p1:Person s1:Sanction a1:Address i1:Passport p2:Person" // the p1 inside i1 is a back reference
	if strings.Join(ids, " ") != want {
		t.Fatalf("entities %v, want %s", ids, want)
	}
	p := got[0]
	if p.Properties["addressEntity"][0] != "a1" || len(p.SetAside) != 0 {
		t.Errorf("parent: %+v", p)
	}
	if _, ok := p.Properties["sanctions"]; ok {
		t.Errorf("a reverse property of the nested form was kept: %v", p.Properties)
	}
	if got[1].Properties["entity"][0] != "p1" || got[1].Datasets[0] != "eu_fsf" {
		t.Errorf("nested sanction: %+v", got[1])
	}
	if got[3].Properties["holder"][0] != "p1" {
		t.Errorf("nested passport: %+v", got[3])
	}
	if got[0].Raw != nil {
		t.Errorf("raw kept with nothing set aside")
	}
}
