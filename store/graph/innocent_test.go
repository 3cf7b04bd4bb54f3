package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseInnocent(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      string
		want    []string
		wantErr []string
	}{
		{name: "empty", in: "", want: []string{}},
		{name: "comments and blanks", in: "# hotels\n\n   # more\n", want: []string{}},
		{
			name: "values normalised",
			in:   "phone: +33 (0)4 93 00 00 00\nEMAIL:Front.Desk@Hotel.fr\naddress: 1, Hotel Square — NICE # the hotel\nvehicle: ab-123-cd\ndocument:x 12\n",
			want: []string{"address:1 hotel square nice", "document:X12", "email:front.desk@hotel.fr", "phone:493000000", "vehicle:AB123CD"},
		},
		{
			name:    "every bad line reported",
			in:      "phone 0493\nfax:0493000000\nphone:12\nemail:ok@x.y\n",
			wantErr: []string{"line 1: want kind:value", "line 2: unknown kind \"fax\"", "line 3: phone value \"12\" normalises to nothing"},
		},
		{name: "long line", in: "address:" + strings.Repeat("a", 5000) + "\n", wantErr: []string{"read:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseInnocent(strings.NewReader(tc.in), nil)
			if len(tc.wantErr) > 0 {
				if err == nil {
					t.Fatalf("ParseInnocent(%q) = %v, want errors", tc.in, got.List())
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("ParseInnocent error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseInnocent(%q): %v", tc.in, err)
			}
			l := got.List()
			if l == nil {
				l = []string{}
			}
			if diff := cmp.Diff(tc.want, l); diff != "" {
				t.Errorf("ParseInnocent(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestLoadInnocent(t *testing.T) {
	p := filepath.Join(t.TempDir(), "innocent.txt")
	if err := os.WriteFile(p, []byte("phone:0493000000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := LoadInnocent(p, nil)
	if err != nil || !in.Has(KindPhone, "493000000") || in.Len() != 1 {
		t.Errorf("LoadInnocent = %v, %v", in.List(), err)
	}
	if _, err := LoadInnocent(filepath.Join(t.TempDir(), "missing"), nil); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("LoadInnocent(missing) error = %v", err)
	}
	var none *Innocent
	if none.Has(KindPhone, "1") || none.Len() != 0 {
		t.Error("nil Innocent is not empty")
	}
}

func FuzzParseInnocent(f *testing.F) {
	f.Add("# c\nphone: +33 4 93 00 00 00\naddress:1 Hotel Square # x\n")
	f.Add("email:a@b\nvehicle:AB-1\ndocument:é\x00\n")
	f.Add("fax:1\n:\n\xff:\xfe\n")
	f.Fuzz(func(t *testing.T, s string) {
		in, err := ParseInnocent(strings.NewReader(s), nil)
		if err != nil {
			if in != nil {
				t.Fatalf("ParseInnocent returned values with an error")
			}
			return
		}
		// Every listed value parses back to the same set.
		again, err := ParseInnocent(strings.NewReader(strings.Join(in.List(), "\n")), nil)
		if err != nil {
			t.Fatalf("re-parse of %q: %v", in.List(), err)
		}
		if diff := cmp.Diff(in.List(), again.List()); diff != "" {
			t.Fatalf("re-parse differs (-first +second):\n%s", diff)
		}
	})
}
