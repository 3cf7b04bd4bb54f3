package resolve

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
		err  error
	}{
		{"Salah Abdeslam born 1989-09-15 passport EH123456 case C-2015-113", Query{
			Name: "Salah Abdeslam", BirthDates: []string{"1989-09-15"},
			Identifiers: []Identifier{{Kind: "passport", Value: "EH123456"}}, Case: "C-2015-113"}, nil},
		{"ABDESLAM, Salah 15/09/1989", Query{Name: "ABDESLAM, Salah", BirthDates: []string{"15/09/1989"}}, nil},
		{"born 15 Sep 1989", Query{BirthDates: []string{"15 Sep 1989"}}, nil},
		{"+33 6 12 34 56 78", Query{Identifiers: []Identifier{{Kind: "phone", Value: "+33612345678"}}}, nil},
		{"Karim 06 12 34 56 78", Query{Name: "Karim", Identifiers: []Identifier{{Kind: "phone", Value: "0612345678"}}}, nil},
		{"+33612345678", Query{Identifiers: []Identifier{{Kind: "phone", Value: "+33612345678"}}}, nil},
		{"j.doe@example.org", Query{Identifiers: []Identifier{{Kind: "email", Value: "j.doe@example.org"}}}, nil},
		{"EH123456", Query{Identifiers: []Identifier{{Kind: "", Value: "EH123456"}}}, nil},
		{"", Query{}, ErrEmptyQuery},
		{"  ?!… ---  ", Query{}, ErrEmptyQuery},
		{"abc\x00def\x1b[31m", Query{Name: "abc def [31m"}, nil},
		{strings.Repeat("a", MaxQueryLen+1), Query{}, ErrQueryLong},
		{"Ιωάννης Παπαδόπουλος", Query{Name: "Ιωάννης Παπαδόπουλος"}, nil},
		{"Salah Abdeslam 15 September 1989", Query{Name: "Salah Abdeslam", BirthDates: []string{"15 September 1989"}}, nil},
		{"Salah Abdeslam Sept 15, 1989", Query{Name: "Salah Abdeslam", BirthDates: []string{"Sept 15, 1989"}}, nil},
		{"Theresa May 1956", Query{Name: "Theresa May", BirthDates: []string{"1956"}}, nil},
		{"June Smith 12 May", Query{Name: "June Smith 12 May"}, nil},
		{"Шойгу Сергей 21 мая 1955", Query{Name: "Шойгу Сергей", BirthDates: []string{"21 мая 1955"}}, nil},
		{"Шойгу Сергей 21 мая 1955 г. passport 123", Query{Name: "Шойгу Сергей", BirthDates: []string{"21 мая 1955 г."}, Identifiers: []Identifier{{Kind: "passport", Value: "123"}}}, nil},
		{"José de la Cruz 15 May 1980", Query{Name: "José de la Cruz", BirthDates: []string{"15 May 1980"}}, nil},
		{"José García 15 de septiembre de 1989", Query{Name: "José García", BirthDates: []string{"15 de septiembre de 1989"}}, nil},
		{"EH 123456", Query{Identifiers: []Identifier{{Kind: "", Value: "EH123456"}}}, nil},
		{"Ali Li 12345", Query{Name: "Ali Li", Identifiers: []Identifier{{Kind: "", Value: "12345"}}}, nil},
		{"John F 1963", Query{Name: "John F", BirthDates: []string{"1963"}}, nil},
		{"123456789", Query{Identifiers: []Identifier{{Kind: "", Value: "123456789"}}}, nil},
		{"0612345678", Query{Identifiers: []Identifier{{Kind: "phone", Value: "0612345678"}}}, nil},
		{"Anwar al-Awlaki (1971)", Query{Name: "Anwar al-Awlaki", BirthDates: []string{"1971"}}, nil}, // a year in brackets, as lists write it
		{"Anwar al-Awlaki (b. 22.04.1971)", Query{Name: "Anwar al-Awlaki", BirthDates: []string{"22.04.1971"}}, nil},
		{"Awlaki, Anwar, 1971-04-22, Yemen", Query{Name: "Awlaki, Anwar, Yemen", BirthDates: []string{"1971-04-22"}}, nil},
		{"Louis (XIV)", Query{Name: "Louis (XIV)"}, nil},
		// A word announcing a document, a date or a case is a name's when
		// no value follows it: Esmail mistyped, Reg for Reginald, Ne Win.
		{"Email Qaani", Query{Name: "Email Qaani"}, nil},
		{"Reg Smith 1961", Query{Name: "Reg Smith", BirthDates: []string{"1961"}}, nil},
		{"Ne Win", Query{Name: "Ne Win"}, nil},
		{"Steve Case", Query{Name: "Steve Case"}, nil},
		{"Karim email k.b@example.org case 2015-113", Query{Name: "Karim", Identifiers: []Identifier{{Kind: "email", Value: "k.b@example.org"}}, Case: "2015-113"}, nil},
		{"Karim passport no EH123456", Query{Name: "Karim", Identifiers: []Identifier{{Kind: "passport", Value: "EH123456"}}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseQuery(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseQuery(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if err != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ParseQuery(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"Salah Abdeslam born 1989-09-15 passport EH123456 case C-1", "born", "passport", "case", "+33 6", "a@b.c", "15 Sep", "محمد", "\xff\xfe", "Sept 15, 1989", "EH 123456", "June 1 1989 May"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		if q.Name == "" && len(q.BirthDates) == 0 && len(q.Identifiers) == 0 {
			t.Fatalf("ParseQuery(%q) = empty query without error", s)
		}
		_ = QueryKeys(q)
	})
}
