package ftm

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"unicode/utf8"
)

func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"id":"p1","schema":"Person","properties":{"name":["Ann Lee"],"birthDate":"1989-09-15"},"datasets":["x"]}` + "\n"))
	f.Add([]byte(`{"id":"a","schema":"Passport","properties":{"holder":"p1","number":[123]}}` + "\r\n\n" + `{"id":"b"}`))
	f.Add([]byte(`{"id":"n","schema":"Note","properties":{"description":["a\r\nb"],"name":["a","a"]},"referents":["r"],"target":true}`))
	f.Add([]byte("\xef\xbb\xbf{\"id\":\"x\",\"schema\":\"Thing\"}\nnot json\n\xff\n"))
	f.Add([]byte(`{"id":"p","schema":"Person","properties":{"email":["x"],"shoe":["44"],"sanctions":[{"id":"s","schema":"Sanction","properties":{"entity":[{"id":"p","schema":"Person","properties":{}}]}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), ReaderOptions{MaxLineBytes: 512, Limits: Limits{MaxValues: 8, MaxValueBytes: 64, MaxProperties: 8, MaxIDBytes: 32}})
		lastLine := 0
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatalf("more results than lines")
			}
			e, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if r.Line() < lastLine {
				t.Fatalf("line number went back from %d to %d", lastLine, r.Line())
			}
			lastLine = r.Line()
			var le *LineError
			if errors.As(err, &le) {
				if le.Line != r.Line() || le.Reason == "" || le.Err == nil || len(le.Raw) > rawKeep {
					t.Fatalf("bad LineError %+v", le)
				}
				continue
			}
			if err != nil {
				t.Fatalf("Next() = %v", err)
			}
			if len(e.SetAside) > maxSetAside || (len(e.SetAside) > 0) != (len(e.Raw) > 0) || len(e.Raw) > rawKeep {
				t.Fatalf("set aside %d values with %d raw bytes", len(e.SetAside), len(e.Raw))
			}
			// Whatever comes out must be valid, stable under re-validation
			// and survive a JSON round trip.
			s, ok := Lookup(e.Schema)
			if !ok || s.Abstract || e.ID == "" {
				t.Fatalf("accepted entity with schema %q id %q", e.Schema, e.ID)
			}
			for name, vals := range e.Properties {
				if _, ok := s.Property(name); !ok || len(vals) == 0 {
					t.Fatalf("accepted property %q = %q", name, vals)
				}
				for _, v := range vals {
					if !utf8.ValidString(v) || v == "" {
						t.Fatalf("accepted value %q", v)
					}
				}
			}
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			again, err := NewReader(bytes.NewReader(b), ReaderOptions{MaxLineBytes: 1 << 20, Limits: Limits{MaxValues: 8, MaxValueBytes: 64, MaxProperties: 8, MaxIDBytes: 32}}).Next()
			if err != nil {
				t.Fatalf("re-reading %s: %v", b, err)
			}
			b2, _ := json.Marshal(again)
			if !bytes.Equal(b, b2) {
				t.Fatalf("not stable:\n%s\n%s", b, b2)
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	line := []byte(`{"id":"NK-2Ka3UvopqbpZmVDFjWd4LA","schema":"Person","properties":{"lastName":["КУЗЬМЕНКО","KUZMENKO"],"birthDate":["1971-01-22"],"name":["Vitalij Kuzmenko","Виталий Юрьевич КУЗЬМЕНКО"],"firstName":["Виталий","Vitaly"],"taxNumber":["366510784303"],"gender":["male"],"topics":["sanction"],"nationality":["ru"]},"datasets":["eu_fsf"]}` + "\n")
	data := bytes.Repeat(line, 10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data), ReaderOptions{})
		n := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("read %d", n)
		}
	}
	b.ReportMetric(float64(b.N*10000)/b.Elapsed().Seconds(), "entities/s")
}
