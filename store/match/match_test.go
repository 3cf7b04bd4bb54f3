package match

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		amb  bool
		ok   bool
	}{
		{"1989-09-15", "1989-09-15", false, true},
		{"1989-09-15T00:00:00Z", "1989-09-15", false, true},
		{"1989-09", "1989-09", false, true},
		{"1989", "1989", false, true},
		{"19890915", "1989-09-15", false, true},
		{"15/09/1989", "1989-09-15", false, true},
		{"09/15/1989", "1989-09-15", false, true},
		{"3/4/1980", "1980-03-04", true, true},
		{"15.09.1989", "1989-09-15", false, true},
		{"15 Sep 1989", "1989-09-15", false, true},
		{"Sept 15, 1989", "1989-09-15", false, true},
		{"15-Mar-92", "1992-03-15", false, true},
		{"Mar 1 1970", "1970-03-01", false, true},
		{"5/24/11", "2011-05-24", false, true},
		{"2/4/31", "1931-02-04", true, true},
		{"21 мая 1955", "1955-05-21", false, true},
		{"circa 1955", "1955", false, true},
		{"Approximately 1962", "1962", false, true},
		{"ca. 1970", "1970", false, true},
		{"21 мая 1955 г.", "1955-05-21", false, true},
		{"15 de septiembre de 1989", "1989-09-15", false, true},
		{"15. März 1989", "1989-03-15", false, true},
		{"3 травня 1971 року", "1971-05-03", false, true},
		{"12 Ağustos 1980", "1980-08-12", false, true},
		{"4 giugno 1962", "1962-06-04", false, true},
		{"1989-02-30", "", false, false},
		{"hello", "", false, false},
		{"", "", false, false},
		{"12", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ParseDate(tt.in)
			if ok != tt.ok || ok && (d.String() != tt.want || d.Ambiguous != tt.amb) {
				t.Errorf("ParseDate(%q) = %v %v (amb %v), want %q %v (amb %v)", tt.in, d, ok, d.Ambiguous, tt.want, tt.ok, tt.amb)
			}
		})
	}
}

func TestNormalizeIdentifier(t *testing.T) {
	tests := []struct{ kind, in, want string }{
		{"passport", "eh-123 456", "EH123456"},
		{"phone", "+33 6 12 34 56 78", "33612345678"},
		{"phone", "0033 6 12 34 56 78", "33612345678"},
		{"phone", "06 12 34 56 78", "612345678"},
		{"email", " Salah@Example.ORG ", "salah@example.org"},
		{"email", "not an email", ""},
		{"email", `"Jay Jones" <JJones@fmail.com>`, "jjones@fmail.com"},
		{"plate", "ab-123-cd", "AB123CD"},
		{"passport", "--", ""},
		// Numbers as lists write them: a country in brackets, a label
		// before, a remark after.
		{"passport", "N1234567 (Russia)", "N1234567"},
		{"passport", "Passport no. 1234567", "1234567"},
		{"passport", "N° 556677", "556677"},
		{"passport", "A12345678, issued in Damascus", "A12345678"},
		{"passport", "A12345678 issued 2010", "A12345678"},
		{"national_id", "Passport no: 778899 (expired)", "778899"},
		{"passport", "N 1234567", "N1234567"}, // a series letter is no label
	}
	for _, tt := range tests {
		if got := NormalizeIdentifier(tt.kind, tt.in); got != tt.want {
			t.Errorf("NormalizeIdentifier(%q, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

func person(name, dob string, ids ...Identifier) Person {
	p := Person{Names: []string{name}, Identifiers: ids}
	if dob != "" {
		p.BirthDates = []string{dob}
	}
	return p
}

func TestCompareEvidence(t *testing.T) {
	opt := DefaultOptions()
	pass := func(v string) Identifier { return Identifier{Kind: "passport", Value: v} }
	nid := func(v string) Identifier { return Identifier{Kind: "national_id", Value: v} }
	phone := func(v string) Identifier { return Identifier{Kind: "phone", Value: v} }
	tests := []struct {
		name  string
		a, b  Person
		match bool
		lo    float64
		hi    float64
	}{
		{"same rare name", person("Salah Abdeslam", ""), person("ABDESLAM, Salah", ""), true, .75, 1},
		{"name and DOB", person("Salah Abdeslam", "1989-09-15"), person("صلاح عبد السلام", "15/09/1989"), true, .85, 1},
		{"DOB conflict pulls down", person("Salah Abdeslam", "1989-09-15"), person("Salah Abdeslam", "1962-01-03"), false, 0, .6},
		{"DOB swapped", person("Salah Abdeslam", "1989-09-05"), person("Salah Abdeslam", "1989-05-09"), true, .8, 1},
		{"year only", person("Salah Abdeslam", "1989"), person("Salah Abdeslam", "1989-09-15"), true, .8, 1},
		{"passport carries a weak name", person("S. Abdeslam", "", pass("EH123456")), person("Salah Abdeslam", "", pass("eh 123456")), true, .7, 1},
		// A telecom operator's nickname: the number and the phone, both the
		// same, carry it; either alone does not.
		{"document and phone carry a nickname", person("Besnik Gjoka", "", nid("7416107171"), phone("+33 7 22 73 08 44")), person("BENI", "", nid("7416107171"), phone("+33722730844")), true, .7, 1},
		{"document alone carries no nickname", person("Besnik Gjoka", "", nid("7416107171")), person("BENI", "", nid("7416107171")), false, 0, .69},
		{"phone alone carries no nickname", person("Besnik Gjoka", "", phone("+33 7 22 73 08 44")), person("BENI", "", phone("+33722730844")), false, 0, .69},
		// A kunya made of the father's name (an eldest son is named after
		// his grandfather), with one phone: the man. Not without the phone,
		// not when it is the man's own name (his son), not Umm.
		{"kunya of the father's name and a phone", person("Abdullah Saleh Al-Amri", "1962-12-12", phone("+971 586 809 198")), person("ABU SALEH", "", phone("971586809198")), true, .7, 1},
		{"kunya surname first", person("AL-AMRI, Abdullah Saleh", "", phone("+971 586 809 198")), person("Abou Saleh", "", phone("971586809198")), true, .7, 1},
		{"kunya without the phone", person("Abdullah Saleh Al-Amri", "1962-12-12", phone("+971 586 809 198")), person("ABU SALEH", ""), false, 0, .3},
		{"kunya of his own name", person("Saleh Abdullah Al-Amri", "", phone("+971 586 809 198")), person("ABU SALEH", "", phone("971586809198")), false, 0, .69},
		{"umm is a woman's", person("Abdullah Saleh Al-Amri", "", phone("+971 586 809 198")), person("UMM SALEH", "", phone("971586809198")), false, 0, .69},
		{"kunya of another name", person("Abdullah Saleh Al-Amri", "", phone("+971 586 809 198")), person("ABU AHMED", "", phone("971586809198")), false, 0, .69},
		{"passport conflict", person("Salah Abdeslam", "", pass("EH123456")), person("Salah Abdeslam", "", pass("ZZ999999")), false, 0, .69},
		{"common single token", person("Mohamed", ""), person("Mohamed Ali Hassan", ""), false, 0, .6},
		{"different people", person("Ivan Petrov", "1970-01-01"), person("Pavel Sidorov", "1970-01-01"), false, 0, .3},
		{"siblings", person("Brahim Abdeslam", "1984-07-30"), person("Salah Abdeslam", "1989-09-15"), false, 0, .5},
		{"junior on one name only", person("Ferdinand Marcos", ""), person("Ferdinand Marcos Jr", ""), false, 0, .69},
		{"junior with the same date", person("Ferdinand Marcos", "1957-09-13"), person("Ferdinand Marcos Jr", "1957-09-13"), true, .8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.a, tt.b, opt)
			if r.Match != tt.match || r.Score < tt.lo || r.Score > tt.hi {
				t.Errorf("Compare = %.3f match=%v %v, want match=%v in [%.2f, %.2f]", r.Score, r.Match, r.Evidence, tt.match, tt.lo, tt.hi)
			}
			back := Compare(tt.b, tt.a, opt)
			if math.Abs(back.Score-r.Score) > 1e-9 {
				t.Errorf("not symmetric: %.3f vs %.3f", r.Score, back.Score)
			}
			if len(r.Evidence) == 0 {
				t.Errorf("no evidence")
			}
		})
	}
}

func TestFromProperties(t *testing.T) {
	p := FromProperties("Person", map[string][]string{
		"firstName": {"Salah"}, "lastName": {"Abdeslam"}, "alias": {"Abou Abdeslam"},
		"birthDate": {"1989-09-15"}, "passportNumber": {"EH123456"}, "phone": {"+32 470 12 34 56"},
		"nationality": {"French", "be"}, "gender": {"male"},
	})
	if len(p.Names) != 2 || p.Names[1] != "Salah Abdeslam" {
		t.Errorf("names = %v", p.Names)
	}
	if len(p.Identifiers) != 2 || len(p.prep.nats) != 2 || p.prep.gender != "m" {
		t.Errorf("person = %+v %+v", p, p.prep)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1989-09-15", "15/09/1989", "Sept 15, 1989", "2/4/31", "19890915", "0000-00-00", "--", "15-Mar-92", "21 мая 1955 г.", "15 de septiembre de 1989", "15. März 1989"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			return
		}
		back, ok2 := ParseDate(d.String())
		if !ok2 || back.Year != d.Year || back.Month != d.Month || back.Day != d.Day {
			t.Fatalf("%q → %v does not round-trip (%v %v)", s, d, back, ok2)
		}
	})
}

func FuzzNormalizeIdentifier(f *testing.F) {
	for _, s := range []string{"EH-123 456", "+33 6 12", "a@b", "ЕН123456", "\xff"} {
		f.Add("passport", s)
		f.Add("phone", s)
		f.Add("email", s)
	}
	f.Fuzz(func(t *testing.T, kind, v string) {
		n := NormalizeIdentifier(kind, v)
		if NormalizeIdentifier(kind, n) != n && kind != "phone" {
			t.Fatalf("not idempotent: %q → %q → %q", v, n, NormalizeIdentifier(kind, n))
		}
	})
}

func FuzzCompare(f *testing.F) {
	f.Add("Salah Abdeslam", "1989-09-15", "EH123456", "ABDESLAM, Salah", "15/09/1989", "EH123456")
	f.Add("", "", "", "x", "1", "2")
	f.Add("弗拉基米尔·普京", "1952", "", "ウラジーミル・プーチン", "1952-10-07", "")
	f.Add("雅伊尔·博索纳罗", "", "", "Jair Bolsonaro", "", "")
	f.Add("チェ・リョンヘ", "", "", "Choe Ryong Hae", "", "")
	f.Add("빌 게이츠", "", "", "Bill Gates", "", "")
	f.Fuzz(func(t *testing.T, n1, d1, i1, n2, d2, i2 string) {
		a := person(n1, d1, Identifier{Kind: "passport", Value: i1})
		b := person(n2, d2, Identifier{Kind: "passport", Value: i2})
		// The identifiers' values are offices too.
		a.Positions, b.Positions = []string{i1, n1}, []string{i2}
		r := Compare(a, b, DefaultOptions())
		if r.Score < 0 || r.Score > 1 || math.IsNaN(r.Score) {
			t.Fatalf("score out of range: %v", r.Score)
		}
		pa, pb := Prepare(a).prep.positions, Prepare(b).prep.positions
		if sameOffice(pa, pb) != sameOffice(pb, pa) {
			t.Fatalf("sameOffice not symmetric for %q, %q", pa, pb)
		}
		if len(pa) > 0 && !sameOffice(pa, pa) {
			t.Fatalf("an office is not itself: %q", pa)
		}
	})
}

func BenchmarkCompare(b *testing.B) {
	x := FromProperties("Person", map[string][]string{"name": {"Mohammed Abdel Rahman Hassan", "Abu Hassan"}, "birthDate": {"1980-03-04"}})
	y := FromProperties("Person", map[string][]string{"name": {"Muhammad Abdulrahman Hasan"}, "birthDate": {"1980-04-03"}, "passportNumber": {"X1234567"}})
	opt := DefaultOptions()
	for b.Loop() {
		Compare(x, y, opt)
	}
}

// How two full dates of birth agree: a slip of a few weeks or a digit is
// near, a decade digit with a slip is close, anything else a conflict.
func TestCompareDatesKinds(t *testing.T) {
	cases := []struct {
		a, b string
		want dateAgreement
	}{
		{"1985-05-21", "1985-05-21", dateExact},
		{"1985-05-09", "1985-09-05", dateSwapped},
		{"1985-05-21", "1985-05-27", dateNear}, // one digit
		{"1985-05-21", "1985-06-19", dateNear}, // four weeks apart
		{"1985-12-30", "1986-01-20", dateNear}, // across a new year
		{"1985-05-21", "1985-08-19", dateConflict},
		{"1987-01-28", "1977-01-29", dateClose}, // decade digit and a day
		{"1986-12-29", "1977-01-01", dateClose}, // a decade less three days
		{"1974-02-28", "1975-03-31", dateClose}, // a year and a month
		{"1976-10-27", "1997-09-28", dateConflict},
	}
	for _, c := range cases {
		da, _ := ParseDate(c.a)
		db, _ := ParseDate(c.b)
		if got := compareDates(da, db); got != c.want {
			t.Errorf("%s / %s: %s, want %s", c.a, c.b, dateWords[got], dateWords[c.want])
		}
	}
}

// What a household shares is not a person: the scorer holds these below the
// threshold unless a document agrees.
func TestHouseholdIsNotAPerson(t *testing.T) {
	opt := DefaultOptions()
	home := "1304 Poppy Hills Dr Blacklick OH 43004"
	rec := func(props ...string) Person {
		m := map[string][]string{}
		for i := 0; i+1 < len(props); i += 2 {
			m[props[i]] = append(m[props[i]], props[i+1])
		}
		return FromProperties("Person", m)
	}
	tests := []struct {
		name  string
		a, b  Person
		match bool
	}{
		{"twins: a name word differs",
			rec("name", "Mark Kusha", "birthDate", "1997-09-28", "email", "kusha123@hmail.com", "address", home),
			rec("name", "Marsha Kusha", "birthDate", "1997-09-28", "email", "kusha123@hmail.com", "address", home), false},
		{"parent and child: born years apart",
			rec("name", "Mary Kusha", "birthDate", "1976-10-27", "email", "kusha123@hmail.com", "address", home),
			rec("name", "Mary Kusha", "birthDate", "1997-10-27", "email", "kusha123@hmail.com", "address", home), false},
		{"no name: contacts only",
			rec("email", "kusha123@hmail.com", "address", home),
			rec("name", "Mark Kusha", "email", "kusha123@hmail.com", "address", home), false},
		{"no name but a document",
			rec("email", "kusha123@hmail.com", "passportNumber", "X1234567"),
			rec("name", "Mark Kusha", "passportNumber", "X1234567"), true},
		{"a name word differs but a document agrees",
			rec("name", "Mark Kusha", "passportNumber", "X1234567", "birthDate", "1997-09-28"),
			rec("name", "Marsha Kusha", "passportNumber", "X1234567", "birthDate", "1997-09-28"), true},
		{"short names a letter apart are two names",
			rec("name", "Mary Kusha"), rec("name", "Mark Kusha"), false},
		{"a middle name more at one home, no date: a father and his son",
			rec("name", "MEHMED YILMAZ", "address", home), rec("name", "Mehmed Can Yılmaz", "address", home), false},
		{"a middle name more at one home and a date",
			rec("name", "Mehmed Yilmaz", "birthDate", "1990-08-07", "address", home), rec("name", "Mehmed Can Yılmaz", "birthDate", "1990-08-07", "address", home), true},
		{"the middle name as an initial at one home, the register's first and last names beside it",
			rec("name", "Alexander I. Macleod", "firstName", "Alexander", "lastName", "Macleod", "address", home),
			rec("name", "Alexander Iain Macleod", "address", home), true},
		{"another middle initial at one home",
			rec("name", "Alexander J. Macleod", "firstName", "Alexander", "lastName", "Macleod", "address", home),
			rec("name", "Alexander Iain Macleod", "address", home), false},
		{"a first name more at one home, no date: a father's name and his daughter's",
			rec("name", "WARSAME, ABDIRAHMAN", "address", home), rec("name", "Hodan Abdirahman Warsame", "address", home), false},
		{"a first name more at one home and a date",
			rec("name", "Abdirahman Warsame", "birthDate", "1999-08-08", "address", home), rec("name", "Hodan Abdirahman Warsame", "birthDate", "1999-08-08", "address", home), true},
		{"a Vietnamese man's middle name more at one home: one man written short",
			rec("name", "Nguyen Hung", "address", home), rec("name", "Nguyen Van Hung", "address", home), true},
		{"a surname more at one home (a married name)",
			rec("name", "Susan Meyer", "address", home), rec("name", "Susan Meyer Thomas", "address", home), true},
	}
	for _, tt := range tests {
		r := Compare(tt.a, tt.b, opt)
		if r.Match != tt.match {
			t.Errorf("%s: Compare = %.3f match=%v %v, want match=%v", tt.name, r.Score, r.Match, r.Evidence, tt.match)
		}
	}
	// Contacts and addresses that all differ mark a name-only agreement.
	r := Compare(rec("name", "Patricia Smith", "address", "3212 W. 32nd St Palm Harbor, FL 60527"),
		rec("name", "Patricia Smith", "address", "1515 Adela Ln, LV, NV 89132", "email", "psmith@email.com"), opt)
	if !r.Disagreeing || r.Corroborated {
		t.Errorf("different addresses: disagreeing=%v corroborated=%v, want true, false", r.Disagreeing, r.Corroborated)
	}
}

// An organisation's mailbox (info@, contact@) is read by many people: in
// common it is weak evidence that neither corroborates a name nor backs a
// date, and two different ones say nothing against a match.
func TestRoleMailboxIsNotAPerson(t *testing.T) {
	opt := DefaultOptions()
	p := func(name, email string) Person {
		return FromProperties("Person", map[string][]string{"name": {name}, "email": {email}})
	}
	r := Compare(p("Andrew Anderson", "info@ca-state.gov"), p("Andy Anderson", "INFO@ca-state.gov"), opt)
	if r.Corroborated || r.Backed {
		t.Errorf("shared info@ mailbox: corroborated=%v backed=%v %v, want neither", r.Corroborated, r.Backed, r.Evidence)
	}
	r = Compare(p("Andrew Anderson", "aanderson@ca-state.gov"), p("Andy Anderson", "aanderson@ca-state.gov"), opt)
	if !r.Corroborated || !r.Backed {
		t.Errorf("same personal e-mail: corroborated=%v backed=%v %v, want both", r.Corroborated, r.Backed, r.Evidence)
	}
	r = Compare(p("Andrew Anderson", "info@a.example"), p("Andrew Anderson", "contact@b.example"), opt)
	if r.Disagreeing {
		t.Errorf("two role mailboxes: disagreeing %v, want not (they are not the person's)", r.Evidence)
	}
}

// A date of birth a few weeks or a year out is a clerk's slip when an
// e-mail or a document agrees: it pulls the score down but says nothing of
// two people. Without them, or years apart, it is still a conflict.
func TestDateSlipWithContactInCommon(t *testing.T) {
	opt := DefaultOptions()
	p := func(dob, email string) Person {
		m := map[string][]string{"name": {"Isla Price"}, "birthDate": {dob}}
		if email != "" {
			m["email"] = []string{email}
		}
		return FromProperties("Person", m)
	}
	if r := Compare(p("2015-03-03", "iprice@carr.com"), p("2015-04-30", "iprice@carr.com"), opt); r.Conflict || !r.Match {
		t.Errorf("same e-mail, dates 58 days apart: %.3f conflict=%v %v, want a match without conflict", r.Score, r.Conflict, r.Evidence)
	}
	if r := Compare(p("2015-03-03", ""), p("2015-04-30", ""), opt); !r.Conflict {
		t.Errorf("no e-mail, dates 58 days apart: %v, want a conflict", r.Evidence)
	}
	if r := Compare(p("2012-03-03", "iprice@carr.com"), p("2015-04-30", "iprice@carr.com"), opt); !r.Conflict {
		t.Errorf("same e-mail, born three years apart: %v, want a conflict", r.Evidence)
	}
}

// Brief changes nothing but the explanation.
func TestBriefScoresTheSame(t *testing.T) {
	pairs := [][2]Person{
		{{Names: []string{"Isla Price"}, BirthDates: []string{"2015-03-03"}, Addresses: []string{"1 High St London"}},
			{Names: []string{"Isla Pcire"}, BirthDates: []string{"2015-04-30"}, Addresses: []string{"1 High Street London"}}},
		{{Names: []string{"Mark Kusha"}, Identifiers: []Identifier{{"passport", "X1234567"}}},
			{Names: []string{"Marsha Kusha"}, Identifiers: []Identifier{{"passport", "X1234567"}, {"email", "k@h.com"}}}},
	}
	for _, p := range pairs {
		full := Compare(p[0], p[1], DefaultOptions())
		brief := Compare(p[0], p[1], Options{Threshold: .70, Brief: true})
		if len(full.Evidence) == 0 || len(brief.Evidence) != 0 || len(brief.Features) != 0 {
			t.Errorf("evidence: full %v, brief %v %v", full.Evidence, brief.Evidence, brief.Features)
		}
		full.Evidence, full.Features = nil, nil
		if !reflect.DeepEqual(full, brief) {
			t.Errorf("brief %+v differs from full %+v", brief, full)
		}
	}
}

// Registers write a nationality as a code of two or three letters, a
// country's short or formal name, or an adjective: all fold to one code,
// so that two records of one person do not conflict over the spelling.
func TestCountryCodeFoldsEveryWritingOfACountry(t *testing.T) {
	groups := [][]string{
		{"ru", "RUS", "Russia", "Russian Federation", "russian"},
		{"ir", "IRN", "Iran", "Iran (Islamic Republic of)", "Iranian"},
		{"kp", "PRK", "North Korea", "Korea, Democratic People's Republic of", "DPRK"},
		{"sy", "SYR", "Syrian Arab Republic", "Syria", "Syrian"},
		{"by", "BLR", "Belarus", "Belarusian"},
	}
	for _, g := range groups {
		for _, c := range g {
			if got := countryCode(c); got != g[0] {
				t.Errorf("countryCode(%q) = %q, want %q", c, got, g[0])
			}
		}
	}
	if got := countryCode("ddde"); got != "de" {
		t.Errorf("countryCode(ddde) = %q, want de (East Germany is Germany)", got)
	}
	for _, c := range []string{"USSR", "Soviet Union", "su", "SUHH", "yu", "Yugoslavia", "cshh", ""} {
		if got := countryCode(c); got != "" {
			t.Errorf("countryCode(%q) = %q, want no evidence", c, got)
		}
	}
	if got := countryCode("Atlantis"); got != "atlantis" {
		t.Errorf("countryCode(Atlantis) = %q, want it as written", got)
	}
}

// A weak alias (FtM weakAlias: "Abu Ali", a nom de guerre many share) is
// compared, but agreeing through it alone is no match; with the date of
// birth it is. A record with nothing but weak aliases is known by them.
func TestWeakAliasAloneIsNoMatch(t *testing.T) {
	a := FromProperties("Person", map[string][]string{"name": {"Khalid Haddad"}, "weakAlias": {"Abu Ali"}})
	b := FromProperties("Person", map[string][]string{"name": {"Omar Zein"}, "weakAlias": {"Abu Ali"}})
	if r := Compare(a, b, DefaultOptions()); r.Match || r.Name > .7 {
		t.Errorf("two men sharing the weak alias Abu Ali: %v (name %.2f), want no match", r.Evidence, r.Name)
	}
	c := FromProperties("Person", map[string][]string{"name": {"Abu Ali"}, "birthDate": {"1979-04-02"}})
	d := FromProperties("Person", map[string][]string{"name": {"Khalid Haddad"}, "weakAlias": {"Abu Ali"}, "birthDate": {"1979-04-02"}})
	if r := Compare(c, d, DefaultOptions()); !r.Match {
		t.Errorf("weak alias and the date of birth: %v, want a match", r.Evidence)
	}
	e := FromProperties("Person", map[string][]string{"weakAlias": {"Abu Ali"}})
	f := FromProperties("Person", map[string][]string{"weakAlias": {"Abu Ali"}})
	g := FromProperties("Person", map[string][]string{"name": {"Abu Ali"}})
	if r, want := Compare(e, f, DefaultOptions()), Compare(g, g, DefaultOptions()); r.Name != want.Name {
		t.Errorf("records known only by one weak alias: name %.2f, want %.2f as for a name", r.Name, want.Name)
	}
}

// The same town backs a date of birth a slip away when the name agrees
// less than the date alone would need ("Toby" beside "Toby Haall", born
// 2003-04-23 and 2013-03-21, both in London); without the town the pair
// is not corroborated; an e-mail two letters away backs it as the town
// does. One e-mail with such a date is the person even
// with no name on one side; with dates a generation apart it is not.
func TestTownAndMailBackASlippedDate(t *testing.T) {
	p := func(kv ...string) Person {
		props := map[string][]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			props[kv[i]] = append(props[kv[i]], kv[i+1])
		}
		return FromProperties("Person", props)
	}
	a := p("name", "Toby", "birthDate", "2013-03-21", "address", "London")
	b := p("name", "Toby Haall", "birthDate", "2003-04-23", "address", "London")
	if r := Compare(a, b, DefaultOptions()); !r.Corroborated {
		t.Errorf("same town and a slipped date: %v, want corroborated", r.Evidence)
	}
	c := p("name", "Toby", "birthDate", "2013-03-21")
	if r := Compare(c, b, DefaultOptions()); r.Corroborated {
		t.Errorf("a slipped date alone under a one-word name: %v, want no corroboration", r.Evidence)
	}
	d := p("name", "Poppy", "birthDate", "1983-07-12", "email", "poppy.fox63@rivera.com")
	e := p("name", "Poppy Fox", "birthDate", "1982-07-14", "email", "poppy.fox63@rcvera.iom")
	if r := Compare(d, e, DefaultOptions()); !r.Corroborated {
		t.Errorf("an e-mail two letters away and a slipped date: %v, want corroborated", r.Evidence)
	}
	// Slips that move letters as well as replace them (another length):
	// close, not a conflict, and with a slipped date they corroborate.
	f := p("name", "Taylr", "birthDate", "1989-02-09", "email", "jt40@cotbs.nm")
	g := p("name", "Taylor", "birthDate", "1989-03-11", "email", "jt40@combs.net")
	if r := Compare(f, g, DefaultOptions()); !r.Corroborated || r.Disagreeing || !slices.Contains(r.Evidence, "email close") {
		t.Errorf("an e-mail three slips away in fourteen characters: %v, want email close, corroborated", r.Evidence)
	}
	for _, pair := range [][2]string{{"john.smith@x.com", "jane.doe@x.com"}, {"jt40@gmail.com", "jt40@yahoo.com"}, {"jt40@combs.net", "kq71@combs.net"}} {
		x, y := p("name", "Sam Moss", "email", pair[0]), p("name", "Sam Moss", "email", pair[1])
		if r := Compare(x, y, DefaultOptions()); !slices.Contains(r.Evidence, "email conflict") {
			t.Errorf("%s / %s: %v, want email conflict", pair[0], pair[1], r.Evidence)
		}
	}
	m := p("email", "l.webb66@smith.com", "birthDate", "2005-05-29")
	n := p("name", "Webb Logan", "email", "l.webb66@smith.com", "birthDate", "2006-04-29")
	if r := Compare(m, n, DefaultOptions()); !r.Match {
		t.Errorf("one e-mail and a slipped date, no name on one side: %.3f %v, want a match", r.Score, r.Evidence)
	}
	o := p("email", "l.webb66@smith.com", "birthDate", "1975-02-11")
	if r := Compare(o, n, DefaultOptions()); r.Match {
		t.Errorf("one e-mail, born a generation apart: %.3f %v, want no match", r.Score, r.Evidence)
	}
}

// A date given to the month agrees less with a full date of another month
// (or a year out) than with one of the same month.
func TestPartialDateAgreesMoreWhenItAgrees(t *testing.T) {
	at := func(d string) float64 {
		a := Person{Names: []string{"Ivan Petrov"}, BirthDates: []string{"1971-03"}}
		b := Person{Names: []string{"Ivan Petrov"}, BirthDates: []string{d}}
		return Compare(a, b, DefaultOptions()).Score
	}
	same := at("1971-03-02")
	for _, d := range []string{"1971-04-02", "1972-03-02"} {
		if s := at(d); s >= same {
			t.Errorf("1971-03 against %s scores %.3f, not below %.3f against 1971-03-02", d, s, same)
		}
	}
}

// Years of birth alone a few apart are two sources' approximations, no
// conflict (Iyad Ag Ghaly, 1954 and 1958): the name decides, as with no
// date. A full date against another year, or years a generation apart,
// still conflict.
func TestApproximateYearsOfBirth(t *testing.T) {
	cmp := func(x, y string) Result {
		a := Person{Names: []string{"Iyad AG GHALI"}, BirthDates: []string{x}}
		b := Person{Names: []string{"AG GHALY Iyad"}, BirthDates: []string{y}}
		return Compare(a, b, DefaultOptions())
	}
	if r := cmp("1954", "1958"); r.Conflict || r.DOB != "" || !r.Match {
		t.Errorf("1954 / 1958: %+v, want a match on the name, no date agreement", r)
	}
	for _, p := range [][2]string{{"1954-03-01", "1958"}, {"1954", "1959"}, {"1954", "1984"}} {
		if r := cmp(p[0], p[1]); !r.Conflict || r.Match {
			t.Errorf("%s / %s: %+v, want a conflict", p[0], p[1], r)
		}
	}
}

// A record giving only a first name and one giving only a surname say
// nothing of each other's name: the e-mail and the date decide (Splink's
// Jaes / Cox). Two first names that differ still disagree.
func TestGivenNameAloneAgainstSurnameAlone(t *testing.T) {
	given := FromProperties("Person", map[string][]string{"name": {"Jaes"}, "firstName": {"Jaes"}, "email": {"j.c@white.org"}, "birthDate": {"1972-07-20"}})
	surname := FromProperties("Person", map[string][]string{"name": {"Cox"}, "lastName": {"Cox"}, "email": {"j.c@white.org"}, "birthDate": {"1971-07-20"}})
	if given.NamePart != "given" || surname.NamePart != "surname" {
		t.Fatalf("name parts %q, %q; want given, surname", given.NamePart, surname.NamePart)
	}
	if r := Compare(given, surname, DefaultOptions()); !r.Match {
		t.Errorf("Jaes / Cox with one e-mail and a date a year out: %.3f %v, want a match", r.Score, r.Evidence)
	}
	other := FromProperties("Person", map[string][]string{"name": {"Mark"}, "firstName": {"Mark"}, "email": {"j.c@white.org"}, "birthDate": {"1971-07-20"}})
	if r := Compare(given, other, DefaultOptions()); r.Match {
		t.Errorf("Jaes / Mark, two first names: %.3f %v, want no match", r.Score, r.Evidence)
	}
	full := FromProperties("Person", map[string][]string{"name": {"James Cox"}, "firstName": {"James"}, "lastName": {"Cox"}})
	if full.NamePart != "" {
		t.Errorf("a full name has name part %q", full.NamePart)
	}
}

// euSpellings is how the European Union's list names one man, in each of
// its languages and three scripts: more names than MaxNames.
var euSpellings = []string{
	"Sergei Kuzhugetovich SHOIGU", "Сергей Кужугетович ШОЙГУ", "Sergej Kuzhugetovich Shoigu",
	"Sergej Kužugetovič Šojgu", "Sergei Kuschugetowitsch Schoigu", "Sergueï Kojougetovitch Choïgou",
	"Sergej Kuzjugetovitj Sjojgu", "Siergiej Kużugietowicz Szojgu", "Szergej Kuzsugetovics Sojgu",
	"Sergejs Kužugetovičs Šoigu", "Sergejus Kužugetovičius Šoigu", "Serghei Kujughetovici Șoigu",
	"Sergei Kuzhugetovitš Šoigu", "Sergéi Kuzhuguétovich Shoigú", "Sergei Kužugetovič Šojgu",
	"Sergej Kužugetovič Šojgu", "Sergei Kuzhugetovits Shoigu", "Sergej Kuzhugetovitj Shojgu",
	"Σεργκέι Κουζουγκέτοβιτς Σοϊγκού", "Сергей Кужугетович Шойгу", "Sergey Shoygu",
	"谢尔盖·绍伊古", // as Chinese media write him: near no other spelling
}

// A source may keep any one of a person's spellings — here the Chinese,
// the last of many: the record holding them all still meets it, and
// another man's name is not thereby compared more leniently.
func TestManySpellingsMeetTheOneAnotherSourceKept(t *testing.T) {
	all := Prepare(FromProperties("Person", map[string][]string{"name": euSpellings, "birthDate": {"1955-05-21"}}))
	if n := len(all.ParsedNames()); n <= MaxNames {
		t.Fatalf("%d distinct names parsed, want more than MaxNames (%d) for this test", n, MaxNames)
	}
	chinese := FromProperties("Person", map[string][]string{"name": {"谢尔盖 绍伊古"}})
	if r := Compare(all, chinese, DefaultOptions()); r.Name < .9 {
		t.Errorf("the Chinese spelling alone: name %.2f %v, want ≥ 0.9", r.Name, r.Evidence)
	}
	other := FromProperties("Person", map[string][]string{"name": {"Nikolai Patrushev"}})
	if r := Compare(all, other, DefaultOptions()); r.Name > .5 {
		t.Errorf("another man: name %.2f %v", r.Name, r.Evidence)
	}
}

// A range of years of birth, as lists write one when they do not know the
// year, agrees with a date in it and conflicts with one far from it.
func TestYearRangeOfBirth(t *testing.T) {
	for in, want := range map[string][]int{
		"1965-1967": {1965, 1966, 1967}, "between 1960 and 1962": {1960, 1961, 1962}, "1960/62": {1960, 1961, 1962},
		"1950-1970": nil, "1965": nil, "1967-1965": nil, "born 1965 or so": nil,
	} {
		if got := YearRange(in); !slices.Equal(got, want) {
			t.Errorf("YearRange(%q) = %v, want %v", in, got, want)
		}
	}
	if r := Compare(person("Ivan Petrov", "1965-1967"), person("Ivan Petrov", "1966-05-05"), DefaultOptions()); r.DOB != "year" {
		t.Errorf("1965-1967 against 1966-05-05: DOB %q (%v), want year", r.DOB, r.Evidence)
	}
	if r := Compare(person("Ivan Petrov", "1965-1967"), person("Ivan Petrov", "1990-05-05"), DefaultOptions()); !r.Conflict {
		t.Errorf("1965-1967 against 1990-05-05: %v, want a conflict", r.Evidence)
	}
}

func FuzzYearRange(f *testing.F) {
	for _, s := range []string{"1965-1967", "between 1960 and 1962", "1960/62", "1999-", "-", "9999999999999999999-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ys := YearRange(s)
		if len(ys) > 6 || len(ys) == 1 {
			t.Fatalf("YearRange(%q) = %v: a range is 2 to 6 years", s, ys)
		}
		for i := 1; i < len(ys); i++ {
			if ys[i] != ys[i-1]+1 {
				t.Fatalf("YearRange(%q) = %v: not consecutive", s, ys)
			}
		}
	})
}

// A name value holding several names, as raw lists write them, is also
// compared name by name.
func TestNameValueWithSeveralNames(t *testing.T) {
	for in, want := range map[string][]string{
		"Osama bin Laden a.k.a. Usama bin Ladin": {"Osama bin Laden a.k.a. Usama bin Ladin", "Osama bin Laden", "Usama bin Ladin"},
		"Ivan Petrov (Иван Петров)":              {"Ivan Petrov (Иван Петров)", "Иван Петров", "Ivan Petrov"},
		"Maria (Mary) Smith":                     {"Maria (Mary) Smith", "Maria Smith"},
		"Hassan Nasrallah; Hasan Nasr Allah":     {"Hassan Nasrallah; Hasan Nasr Allah", "Hassan Nasrallah", "Hasan Nasr Allah"},
		"Salah Abdeslam":                         {"Salah Abdeslam"},
		"Sajid Majeed @ Sajid Mir":               {"Sajid Majeed @ Sajid Mir", "Sajid Majeed", "Sajid Mir"},
		"Abdul Rauf Asghar @ Mufti @ Saad Baba":  {"Abdul Rauf Asghar @ Mufti @ Saad Baba", "Abdul Rauf Asghar", "Mufti", "Saad Baba"},
		"ali@example.org":                        {"ali@example.org"},
	} {
		if got := splitNameValue(in); !slices.Equal(got, want) {
			t.Errorf("splitNameValue(%q) = %q, want %q", in, got, want)
		}
	}
	a := FromProperties("Person", map[string][]string{"name": {"KIM Jong Un (김정은)"}})
	b := FromProperties("Person", map[string][]string{"name": {"Kim Jong-un"}})
	if r := Compare(a, b, DefaultOptions()); r.Name < .99 {
		t.Errorf("KIM Jong Un (김정은) / Kim Jong-un: name %.2f %v, want the names compared apart", r.Name, r.Evidence)
	}
}

func FuzzSplitNameValue(f *testing.F) {
	for _, s := range []string{"Osama bin Laden a.k.a. Usama bin Ladin", "a (b (c) d", ")(", "x; ;y", "(((((", "a @ b@ @c", "@ @"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := splitNameValue(s)
		if len(got) == 0 || got[0] != s || len(got) > 8 {
			t.Fatalf("splitNameValue(%q) = %q: the value first, at most 8 names", s, got)
		}
	})
}

// TestReadingsOfOtherScripts: a name in Chinese characters or Hangul is also
// compared as it reads in Korean or in pinyin (names.HanjaReadings,
// names.HangulChineseReadings), beside its own reading; another man of the
// same surname stays apart.
func TestReadingsOfOtherScripts(t *testing.T) {
	for _, c := range []struct {
		a, b   string
		lo, hi float64
	}{
		{"金正恩", "Kim Jong Un", .95, 1},
		{"崔龙海", "Choe Ryong Hae", .9, 1},
		{"李明博", "Lee Myung-bak", .85, 1},
		{"金正恩", "Kim Jong Il", 0, .7},
		{"시진핑", "Xi Jinping", .95, 1},
		{"천취안궈", "Chen Quanguo", .9, 1},
		{"시진핑", "Xi Jinming", 0, .7},
	} {
		a := FromProperties("Person", map[string][]string{"name": {c.a}})
		b := FromProperties("Person", map[string][]string{"name": {c.b}})
		if r := Compare(a, b, DefaultOptions()); r.Name < c.lo || r.Name > c.hi {
			t.Errorf("%s / %s: name %.2f %v, want in [%.2f, %.2f]", c.a, c.b, r.Name, r.Evidence, c.lo, c.hi)
		}
	}
}

// FuzzMistyped: the e-mail slip test takes any two strings, and says the
// same whichever comes first.
func FuzzMistyped(f *testing.F) {
	f.Add("jt40@combs.net", "jt40@cotbs.nm")
	f.Add("a@b", "@")
	f.Add("é@ü.com", "e@u.com")
	f.Fuzz(func(t *testing.T, a, b string) {
		if mistyped(a, b) != mistyped(b, a) {
			t.Fatalf("mistyped(%q, %q) is not symmetric", a, b)
		}
	})
}

// Two patronymics name two fathers: a record naming Pyotr Olegovich
// Tolstoy beside a spelling without the patronymic is not the Pyotr
// Andreyevich Tolstoy of another record, though "Petr Tolstoy" alone meets
// him; a passport both hold still makes them one. A patronymic in another
// romanisation (Kostiantynovych) or with a slip is the same father.
func TestPatronymicsNameTwoFathers(t *testing.T) {
	son := FromProperties("Person", map[string][]string{"name": {"Petr Tolstoy"}, "alias": {"Пётр Олегович Толстой"}})
	other := FromProperties("Person", map[string][]string{"name": {"Pyotr Andreyevich Tolstoy"}})
	if r := Compare(son, other, DefaultOptions()); r.Match || !r.Conflict {
		t.Errorf("Olegovich / Andreyevich: %v (score %.2f, conflict %v), want a conflict and no match", r.Evidence, r.Score, r.Conflict)
	}
	alone := FromProperties("Person", map[string][]string{"name": {"Petr Tolstoy"}})
	if r := Compare(alone, other, DefaultOptions()); r.Conflict {
		t.Errorf("no patronymic on one side: %v, want no conflict", r.Evidence)
	}
	sonP := FromProperties("Person", map[string][]string{"name": {"Petr Tolstoy"}, "alias": {"Пётр Олегович Толстой"}, "passportNumber": {"722222222"}})
	otherP := FromProperties("Person", map[string][]string{"name": {"Pyotr Andreyevich Tolstoy"}, "passportNumber": {"722222222"}})
	if r := Compare(sonP, otherP, DefaultOptions()); !r.Match {
		t.Errorf("one passport: %v (score %.2f), want a match", r.Evidence, r.Score)
	}
	for _, p := range [][2]string{
		{"Dmitry Konstantinovich Kiselyov", "Дмитро Костянтинович Кисельов"},
		{"Leonid Eduardovich Slutsky", "Leonid Eduardovitch Sloutski"},
		{"Sergey Viktorovich Lavrov", "Sergei Viktorovitsj Lavrov"},
		// A name of two words holds no patronymic: its -ovich, -ović is
		// the family's (two spellings of Đukanović called a conflict
		// before session 25).
		{"Milo Djukanovic", "Мило Джуканович"},
		{"Roman Abramovich", "Roman Abramovitch"},
	} {
		a := FromProperties("Person", map[string][]string{"name": {p[0]}})
		b := FromProperties("Person", map[string][]string{"name": {p[1]}})
		if r := Compare(a, b, DefaultOptions()); r.Conflict || !r.Match {
			t.Errorf("%s / %s: %v (score %.2f), want a match without conflict", p[0], p[1], r.Evidence, r.Score)
		}
	}
	// Two spellings of a Serbian -ović, too far apart to be one name, are
	// no conflict either: neither is a patronymic.
	if r := Compare(FromProperties("Person", map[string][]string{"name": {"Milo Dukanovic"}}),
		FromProperties("Person", map[string][]string{"name": {"Мило Джуканович"}}), DefaultOptions()); r.Conflict {
		t.Errorf("Dukanovic / Джуканович: %v, want no conflict", r.Evidence)
	}
	a := FromProperties("Person", map[string][]string{"name": {"Leonid Eduardovich Slutsky"}})
	b := FromProperties("Person", map[string][]string{"name": {"Leonid Viktorovich Slutsky"}})
	if r := Compare(a, b, DefaultOptions()); !r.Conflict || r.Match {
		t.Errorf("Eduardovich / Viktorovich: %v, want a conflict", r.Evidence)
	}
}

// Junior and Senior on names of two records make them two people, however
// one of them is also written without it; a record naming no generation
// says nothing either way, and two juniors are one.
func TestGenerationsNameTwoPeople(t *testing.T) {
	son := FromProperties("Person", map[string][]string{"name": {"William Bradford Bishop Jr."}, "alias": {"William Bradford Bishop"}})
	father := FromProperties("Person", map[string][]string{"name": {"William Bradford Bishop Sr."}})
	if r := Compare(son, father, DefaultOptions()); r.Match || !r.Conflict {
		t.Errorf("Jr. / Sr.: %v (score %.2f), want a conflict and no match", r.Evidence, r.Score)
	}
	plain := FromProperties("Person", map[string][]string{"name": {"William Bradford Bishop"}})
	if r := Compare(plain, father, DefaultOptions()); r.Conflict {
		t.Errorf("no generation on one side: %v, want no conflict", r.Evidence)
	}
	if r := Compare(son, FromProperties("Person", map[string][]string{"name": {"BISHOP, William Bradford Jr."}}), DefaultOptions()); r.Conflict || !r.Match {
		t.Errorf("Jr. / Jr.: %v, want a match", r.Evidence)
	}
	// A record naming its man with and without the suffix keeps both
	// names: a query for the son finds him whole, and the father's record
	// conflicts with it (the two names once counted as one, the first).
	listed := FromProperties("Person", map[string][]string{"name": {"Gennaro Liguori"}, "alias": {"Gennaro Liguori Jr."}})
	if r := Compare(FromProperties("Person", map[string][]string{"name": {"Gennaro Liguori Jr."}}), listed, DefaultOptions()); r.Name < 1 {
		t.Errorf("Jr. against a record naming him with and without it: %v, want the whole name", r.Evidence)
	}
	elder := FromProperties("Person", map[string][]string{"name": {"LIGUORI Gennaro"}, "alias": {"Gennaro Liguori Sr."}})
	if r := Compare(listed, elder, DefaultOptions()); !r.Conflict || r.Match {
		t.Errorf("Jr. and Sr. each beside the bare name: %v (score %.2f), want a conflict", r.Evidence, r.Score)
	}
}

// BenchmarkCompareWithPatronymics times Compare of two records whose names
// carry patronymics, which FathersApart reads on every pair.
func BenchmarkCompareWithPatronymics(b *testing.B) {
	x := FromProperties("Person", map[string][]string{"name": {"Pyotr Olegovich Tolstoy"}, "alias": {"Petr Tolstoy", "Пётр Олегович Толстой"}})
	y := FromProperties("Person", map[string][]string{"name": {"Pyotr Andreyevich Tolstoy"}})
	b.ReportAllocs()
	for b.Loop() {
		Compare(x, y, DefaultOptions())
	}
}

// TestNameScripts: Compare says when the best pair of names is written in
// two scripts (resolve joins such a pair on a lower spelled-name bar).
func TestNameScripts(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Mohammed Deif", "ムハンマド・デイフ", true},
		{"Mohammad Moqiseh", "Mohammad Moghiseh", false},
		{"José Díaz", "Jose Diaz", false}, // Latin letters with marks are Latin
		{"Владимир Путин", "Βλαντιμίρ Πούτιν", true},
	} {
		a := FromProperties("Person", map[string][]string{"name": {c.a}})
		b := FromProperties("Person", map[string][]string{"name": {c.b}})
		if got := Compare(a, b, DefaultOptions()).NameScripts; got != c.want {
			t.Errorf("%s / %s: NameScripts %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestFullerNameDisagrees: a short alias of a fuller name says no more
// than the fuller name — Ismael Zambada, an alias of Ismael Zambada
// García, does not make his son Ismael Zambada Sicairos the same man —,
// unless the two were born the same day; a company's fuller name is not
// held against it, and a record giving the short form alone still meets
// the fuller one.
func TestFullerNameDisagrees(t *testing.T) {
	father := map[string][]string{"name": {"ZAMBADA GARCÍA, Ismael"}, "alias": {"Ismael Zambada", "El Mayo Zambada"}, "birthDate": {"1948-01-01"}}
	son := map[string][]string{"name": {"ZAMBADA SICAIROS, Ismael"}, "alias": {"Ismael Zambada Sicairos"}}
	for _, c := range []struct {
		what   string
		schema string
		a, b   map[string][]string
		match  bool
	}{
		{"father and son", "Person", father, son, false},
		{"born the same day", "Person", father, map[string][]string{"name": {"ZAMBADA SICAIROS, Ismael"}, "birthDate": {"1948-01-01"}}, true},
		{"the short form alone", "Person", father, map[string][]string{"name": {"Ismael ZAMBADA"}}, true},
		// Both give the short form: their fuller names are held to each
		// other (Vicente Carrillo Leyva and his uncle Vicente Carrillo
		// Fuentes, both listed also as Vicente Carrillo).
		{"both short", "Person", map[string][]string{"name": {"CARRILLO LEYVA, Vicente"}, "alias": {"Vicente Carrillo"}},
			map[string][]string{"name": {"Vicente Carrillo Fuentes"}, "alias": {"Vicente Carrillo"}}, false},
		{"both short, one man", "Person", map[string][]string{"name": {"CARRILLO FUENTES, Vicente"}, "alias": {"Vicente Carrillo"}},
			map[string][]string{"name": {"Vicente Carrillo Fuentes"}, "alias": {"Vicente Carrillo"}}, true},
		// A name read as the other's father's (Imad Mughniyeh, in his son
		// Jihad Imad Mughniyeh's) is not, between records born the same day.
		{"the father's name", "Person", map[string][]string{"name": {"Imad Mughniyeh"}, "nationality": {"lb"}},
			map[string][]string{"name": {"Jihad Imad Mughniyeh"}, "nationality": {"lb"}}, false},
		{"the father's name, born the same day", "Person", map[string][]string{"name": {"Imad Mughniyeh"}, "birthDate": {"1962-12-07"}},
			map[string][]string{"name": {"Jihad Imad Mughniyeh"}, "birthDate": {"1962-12-07"}}, true},
		// Two second surnames, two mothers' sons, whatever else agrees (a
		// short alias both lists give); a second surname mistyped or
		// written once without the other is the same man.
		{"two second surnames", "Person", map[string][]string{"name": {"ZAMBADA IMPERIAL, Ismael"}, "alias": {"Ismael Zambada"}, "nationality": {"mx"}},
			map[string][]string{"name": {"ZAMBADA GARCIA, Ismael"}, "alias": {"Ismael Zambada"}, "nationality": {"mx"}}, false},
		{"a second surname mistyped", "Person", map[string][]string{"name": {"ZAMBADA GARCIA, Ismael"}, "birthDate": {"1948-01-01"}},
			map[string][]string{"name": {"ZAMBADA GRACIA, Ismael"}, "birthDate": {"1948-01-01"}}, true},
		{"one surname written", "Person", map[string][]string{"name": {"ZAMBADA GARCIA, Ismael"}, "birthDate": {"1948-01-01"}},
			map[string][]string{"name": {"ZAMBADA, Ismael"}, "birthDate": {"1948-01-01"}}, true},
		{"a company", "Organization", map[string][]string{"name": {"Universal Exports", "USA Universal Exports"}}, map[string][]string{"name": {"Universal Exports Inc"}}, true},
	} {
		a, b := FromProperties(c.schema, c.a), FromProperties(c.schema, c.b)
		for _, r := range []Result{Compare(a, b, DefaultOptions()), Compare(b, a, DefaultOptions())} {
			if r.Match != c.match {
				t.Errorf("%s: score %.3f match %v, want %v (%v)", c.what, r.Score, r.Match, c.match, r.Evidence)
			}
		}
	}
}

// Two records naming two fathers are two men, whatever their names; a
// father's name written otherwise, or on one record only, says nothing.
func TestFathersNamedApart(t *testing.T) {
	person := func(props ...string) Person {
		m := map[string][]string{}
		for i := 0; i+1 < len(props); i += 2 {
			m[props[i]] = append(m[props[i]], props[i+1])
		}
		return FromProperties("Person", m)
	}
	opt := Options{Threshold: .7}
	umar := person("name", "Muhammad Umar", "fatherName", "Ghulam Rasool")
	omar := person("name", "Mohammed Omar Ghulam Nabi", "alias", "Muhammad Umar", "fatherName", "Ghulam Nabi")
	r := Compare(umar, omar, opt)
	if r.Match || !r.Conflict || !r.Kin || !slices.Contains(r.Evidence, "father's name conflict") {
		t.Errorf("two fathers: %+v", r)
	}
	for _, other := range []Person{
		person("name", "Mohammed Omar Ghulam Nabi", "alias", "Muhammad Umar", "fatherName", "Ghulam Rasul"),
		person("name", "Mohammed Omar Ghulam Nabi", "alias", "Muhammad Umar"),
	} {
		if r := Compare(umar, other, opt); !r.Match || r.Conflict || r.Kin {
			t.Errorf("one father, or none named: %+v", r)
		}
	}
	// A patronymic in the names says it already: one conflict, not two.
	a := person("firstName", "Pyotr", "lastName", "Tolstoy", "fatherName", "Olegovich")
	b := person("firstName", "Pyotr", "lastName", "Tolstoy", "fatherName", "Andreyevich")
	if r := Compare(a, b, Options{Threshold: .7}); !r.Kin || strings.Count(strings.Join(r.Evidence, "|"), "conflict") != 1 {
		t.Errorf("patronymics: %+v", r)
	}
	// A father named on one record, a patronymic in the other's name: of
	// another father, two sons; of the same, in another script or
	// romanisation or given as the patronymic itself, one man.
	witalij := person("name", "MELNYK Witalij", "fatherName", "Oleh", "nationality", "ua")
	if r := Compare(witalij, person("name", "Мельник Віталій Сергійович", "nationality", "ua"), opt); r.Match || !r.Kin {
		t.Errorf("Oleh against Serhiyovych: %+v", r)
	}
	for _, same := range []Person{
		person("name", "Мельник Віталій Олегович", "nationality", "ua"),
		person("name", "Vitaliy Olegovich Melnik", "nationality", "ua"),
		person("name", "Melnyk Vitaliy Olehovych", "fatherName", "Olehovych"),
	} {
		if r := Compare(witalij, same, opt); !r.Match || r.Conflict {
			t.Errorf("Oleh against %v: %+v", same.Names, r)
		}
	}
	if r := Compare(person("name", "Gennady Nikolayevich Timchenko", "fatherName", "Nikolayevich"), person("name", "Gennadii Nikolaevich Timchenko"), opt); r.Conflict {
		t.Errorf("a fatherName that is the patronymic: %+v", r)
	}
}

// A title two leaders were listed by is kept as a weak alias, not a name:
// Hibatullah Akhundzada is not Mullah Omar for being Amir al-Mu'minin too.
func TestTitleIsNoName(t *testing.T) {
	hibatullah := FromProperties("Person", map[string][]string{"name": {"Hibatullah Akhundzada"}, "alias": {"Amir al-Mu'minin"}})
	if slices.Contains(hibatullah.Names, "Amir al-Mu'minin") || !slices.Contains(hibatullah.WeakNames, "Amir al-Mu'minin") {
		t.Errorf("names %q, weak %q", hibatullah.Names, hibatullah.WeakNames)
	}
	omar := FromProperties("Person", map[string][]string{"name": {"Mohammed Omar"}, "alias": {"Ameer ul-Momineen"}})
	if r := Compare(hibatullah, omar, Options{Threshold: .7}); r.Match {
		t.Errorf("two leaders of one title: %+v", r)
	}
}

// Records a source ties to two countries (FtM country), and no
// nationality in common, are not one person on a name alone; the country
// says nothing against a date of birth in common.
func TestCountriesApartHoldANameAlone(t *testing.T) {
	opt := Options{Threshold: .7}
	pti := FromProperties("Person", map[string][]string{"name": {"Imran Khan"}, "country": {"pk"}})
	pune := FromProperties("Person", map[string][]string{"name": {"Mohammed Imran Khan"}, "alias": {"Imran Khan"}, "country": {"in"}})
	if r := Compare(pti, pune, opt); !r.Disagreeing || !slices.Contains(r.Evidence, "countries differ") {
		t.Errorf("two countries: %+v", r)
	}
	again := FromProperties("Person", map[string][]string{"name": {"Imran Khan"}, "nationality": {"Pakistan"}})
	if r := Compare(pti, again, opt); r.Disagreeing {
		t.Errorf("a country and a nationality in common: %+v", r)
	}
	dated := func(c string) Person {
		return FromProperties("Person", map[string][]string{"name": {"Imran Khan"}, "country": {c}, "birthDate": {"1952-10-05"}})
	}
	if r := Compare(dated("pk"), dated("gb"), opt); !r.Match || r.Conflict {
		t.Errorf("a date of birth in common: %+v", r)
	}
}

// Born years apart by a full date, one name: below the merge floor
// entity resolution reads as a conflict outweighed (0.6). By years
// alone on both sides (sources' guesses), at the threshold's edge.
func TestBornYearsApartByAFullDate(t *testing.T) {
	opt := Options{Threshold: .7}
	kim := func(dob string) Person {
		return FromProperties("Person", map[string][]string{"name": {"KIM Yong Chol"}, "birthDate": {dob}, "nationality": {"kp"}})
	}
	if r := Compare(kim("1946"), kim("1962-02-18"), opt); r.Score >= .6 || !r.Conflict {
		t.Errorf("a full date sixteen years apart: %+v", r)
	}
	if r := Compare(kim("1945"), kim("1958"), opt); r.Score < .6 || r.Score >= .7 {
		t.Errorf("years alone: %+v", r)
	}
}

// Hong Kong and Macau are China's for the countries two records are tied
// to: a legislator listed under hk by one source and cn by another.
func TestTerritoryIsItsCountrys(t *testing.T) {
	hk := FromProperties("Person", map[string][]string{"name": {"Nathan Law Kwun-chung"}, "country": {"hk"}})
	cn := FromProperties("Person", map[string][]string{"name": {"Nathan Law Kwun-chung"}, "country": {"cn"}})
	if r := Compare(hk, cn, Options{Threshold: .7}); r.Disagreeing {
		t.Errorf("hk and cn: %+v", r)
	}
}

// Dates of birth a few weeks apart are near, and said to be so by weeks
// only when no pair of the records' dates is a typo apart.
func TestDatesNearByWeeks(t *testing.T) {
	opt := Options{Threshold: .7}
	kim := func(dobs ...string) Person {
		return FromProperties("Person", map[string][]string{"name": {"KIM Chol"}, "birthDate": dobs})
	}
	for _, c := range []struct {
		a, b  []string
		weeks bool
	}{
		{[]string{"1971-02-05"}, []string{"1971-03-11"}, true},
		{[]string{"1971-02-05"}, []string{"1971-02-06"}, false},               // one digit
		{[]string{"1971-02-05"}, []string{"1972-02-05"}, false},               // a year out, same day
		{[]string{"1971-02-05", "1971-03-12"}, []string{"1971-03-11"}, false}, // one pair a typo apart
		{[]string{"1971-02"}, []string{"1971-03-11"}, false},                  // a month only
		{[]string{"1971-02-05"}, []string{"1971-02-05"}, false},
	} {
		r := Compare(kim(c.a...), kim(c.b...), opt)
		if r.DOBWeeks != c.weeks || c.weeks && r.DOB != "near" {
			t.Errorf("%q / %q: DOB %q, weeks %v; want weeks %v", c.a, c.b, r.DOB, r.DOBWeeks, c.weeks)
		}
	}
}

// A year of birth a year off another record's full date is no evidence
// that identifies one person (Strong), as the same year is not: two
// Francesco Schiavones of Casal di Principe, born 1953 and 1954-03-03.
func TestAYearOffIsNotStrong(t *testing.T) {
	opt := Options{Threshold: .7}
	fs := func(dob string) Person {
		return FromProperties("Person", map[string][]string{"name": {"Francesco SCHIAVONE"}, "birthDate": {dob}, "nationality": {"it"}})
	}
	for _, c := range []struct {
		a, b   string
		strong bool
	}{
		{"1954-03-03", "1953", false},
		{"1954-03-03", "1954", false},
		{"1954-03", "1954-04", false},
		{"1954-03-03", "1954-03-05", true},
		{"1954-03-03", "1955-03-03", true},
		{"1954-03-03", "1954-03-03", true},
	} {
		if r := Compare(fs(c.a), fs(c.b), opt); r.Strong != c.strong {
			t.Errorf("%s / %s: strong %v, want %v (%v)", c.a, c.b, r.Strong, c.strong, r.Evidence)
		}
	}
}

// The same office on both sides backs a name as a year of birth does, in
// the forms sources write it; an office too generic to tell one person
// (Member of Parliament), a seat among many or another office does not.
func TestSameOfficeBacksAName(t *testing.T) {
	opt := Options{Threshold: .7}
	zulum := func(name string, offices ...string) Person {
		return FromProperties("Person", map[string][]string{"name": {name}, "position": offices, "country": {"ng"}})
	}
	for _, c := range []struct {
		a, b []string
		same bool
	}{
		{[]string{"Governor of Borno State"}, []string{"Governor of Borno State"}, true},
		{[]string{"Acting Minister of Refugees and Repatriation"}, []string{"Minister of Refugees and Repatriation (former)"}, true},
		{[]string{"Prime Minister of Myanmar (2004-2007)"}, []string{"Senator", "Prime Minister of Myanmar"}, true},
		{[]string{"Member of Parliament"}, []string{"Member of Parliament"}, false},
		{[]string{"Member of the National Assembly"}, []string{"Member of the National Assembly"}, false}, // a seat among many
		{[]string{"Deputy of the State Duma"}, []string{"Deputy of the State Duma"}, false},
		{[]string{"Deputy Minister of Defence"}, []string{"Deputy Minister of Defence"}, true},
		{[]string{"Speaker of the National Assembly"}, []string{"Speaker of the National Assembly (2019-2024)"}, true},
		{[]string{"Deputy Prime Minister of Somalia"}, []string{"Prime Minister of Somalia"}, false},
		{[]string{"Vice President of Kenya"}, []string{"President of Kenya"}, false},
		{[]string{"Deputy Prime Minister of Somalia"}, []string{"Deputy Prime Minister, Somalia"}, true},
		{[]string{"Minister of Foreign Affairs of Somalia"}, []string{"Minister of Foreign Affairs of Kenya"}, false},
		{[]string{"Governor of Borno State"}, nil, false},
		{[]string{"Dep. Min. of Foreign Affairs"}, []string{"Deputy Minister of Foreign Affairs"}, true}, // the short forms lists write
		{[]string{"Dep. Min. of Foreign Affairs"}, []string{"Minister of Foreign Affairs"}, false},
	} {
		r := Compare(zulum("Babagana Zulum", c.a...), zulum("Babagana Zulum", c.b...), opt)
		if r.Corroborated != c.same || r.Backed != c.same {
			t.Errorf("%q / %q: corroborated %v backed %v, want %v (%v)", c.a, c.b, r.Corroborated, r.Backed, c.same, r.Evidence)
		}
	}
}

// The country of birth ties a record to a country beside those it gives:
// Denis Pushilin, listed under ru and born in Makiivka, Ukraine, is not
// apart from Canada's record of him under ua. A birth place alone never
// parts two records that gave no country.
func TestBirthCountryTiesARecordToACountry(t *testing.T) {
	opt := Options{Threshold: .7}
	p := func(props ...string) Person {
		m := map[string][]string{"name": {"Denis Vladimirovich Pushilin"}}
		for i := 0; i+1 < len(props); i += 2 {
			m[props[i]] = append(m[props[i]], props[i+1])
		}
		return FromProperties("Person", m)
	}
	ca := p("country", "ua")
	for _, c := range []struct {
		other    Person
		disagree bool
	}{
		{p("country", "ru", "birthPlace", "Makiivka, Donetsk Oblast, Ukraine"), false},
		{p("country", "ru", "birthPlace", "Makiivka, UA"), false},
		{p("country", "ru", "birthPlace", "Beltsy (Balti), Moldova"), true},
		{p("country", "ru"), true},
		{p("birthPlace", "Moscow, Russia"), false},
	} {
		if r := Compare(ca, c.other, opt); r.Disagreeing != c.disagree {
			t.Errorf("%v: disagreeing %v, want %v (%v)", c.other.Places, r.Disagreeing, c.disagree, r.Evidence)
		}
	}
	for _, c := range []struct{ place, want string }{
		{"Makiivka, Donetsk Oblast, Ukraine", "ua"}, {"Caracas, Venezuela", "ve"}, {"Kabul", ""}, {"Paris, France", "fr"}, {"", ""},
	} {
		if got := birthCountry(c.place); got != c.want {
			t.Errorf("birthCountry(%q) = %q, want %q", c.place, got, c.want)
		}
	}
}

// Two names in Chinese characters are compared by their characters, not
// by how Korean or Japanese reads them: 崔炅煥 (Choi Kyung-hwan) and 韩正
// (Han Zheng) share none, though their Korean readings, choi kyong hwan
// and han jong, come out alike. A name's traditional and simplified
// forms are one (張軍, 张军), and a reading still meets a name written in
// Hangul or Latin letters.
func TestHanNamesAreComparedByTheirCharacters(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		match bool
	}{
		{"崔炅煥", "韩正", false},
		{"崔炅煥", "韓正", false},
		{"張軍", "张军", true},
		{"崔炅煥", "최경환", true},
		{"崔炅煥", "Choi Kyung-hwan", true},
		{"鈴木俊一", "Suzuki Shunichi", true},
	} {
		r := Compare(person(tc.a, ""), person(tc.b, ""), Options{})
		if r.Score >= .7 != tc.match {
			t.Errorf("Compare(%s, %s) = %.3f %v, want match %v", tc.a, tc.b, r.Score, r.Evidence, tc.match)
		}
	}
	r := Compare(person("崔炅煥", ""), person("韩正", ""), Options{})
	if !slices.Contains(r.Evidence, "name 0.00 (no Chinese character in common)") {
		t.Errorf("Compare(崔炅煥, 韩正): evidence %q does not say why", r.Evidence)
	}
}

// Two identity numbers of one form (eight digits each, as Kenya's are)
// say two people under one name, below what resolution reads as a conflict
// outweighed; numbers of two forms (a card's eight digits, a tax PIN of
// letters and digits, both filed as idNumber) stay the ordinary conflict,
// and so do two passports (renewed under a new number) and two identity
// numbers beside a full date of birth or a home in common (a clerk's
// slip).
func TestAnotherNumberOfOneForm(t *testing.T) {
	opt := Options{Threshold: .7}
	p := func(props ...string) Person {
		m := map[string][]string{"name": {"Moses Okello"}, "nationality": {"ug"}}
		for i := 0; i+1 < len(props); i += 2 {
			m[props[i]] = append(m[props[i]], props[i+1])
		}
		return FromProperties("Person", m)
	}
	if r := Compare(p("idNumber", "26877165"), p("idNumber", "22677433"), opt); r.Score >= .6 || !r.Conflict {
		t.Errorf("two identity numbers of one form: %+v", r)
	}
	if r := Compare(p("idNumber", "CM638CX82M60W"), p("idNumber", "CM99T6LNXYJ31"), opt); r.Score >= .6 || !r.Conflict {
		t.Errorf("two Ugandan identity numbers: %+v", r)
	}
	for _, c := range []struct {
		what string
		a, b Person
	}{
		{"two forms", p("idNumber", "26877165"), p("idNumber", "A012345678Z")},
		{"two passports", p("passportNumber", "AK0832529"), p("passportNumber", "AK0197070")},
		{"a full date in common", p("idNumber", "26877165", "birthDate", "1990-12-30"), p("idNumber", "22677433", "birthDate", "1990-12-30")},
		{"a home in common", p("idNumber", "26877165", "address", "Plot 14, Bombo Road, Kawempe, Kampala"), p("idNumber", "22677433", "address", "Plot 14, Bombo Road, Kawempe, Kampala")},
	} {
		if r := Compare(c.a, c.b, opt); r.Score < .6 || !r.Conflict {
			t.Errorf("%s: %+v", c.what, r)
		}
	}
	if r := Compare(p("idNumber", "26877165"), p("idNumber", "26877166"), opt); r.Conflict {
		t.Errorf("a digit apart is a slip: %+v", r)
	}
}

// Two numbers of two forms in idNumber (a Swedish personnummer, the
// migration agency's case number) beside the same full date of birth are
// two documents of one man; without that date they stay a conflict.
func TestIdentityNumbersOfTwoForms(t *testing.T) {
	opt := Options{Threshold: .7}
	p := func(id, dob string) Person {
		m := map[string][]string{"name": {"Mohammad Hassan"}, "nationality": {"af"}, "birthPlace": {"Kandahar"}, "idNumber": {id}}
		if dob != "" {
			m["birthDate"] = []string{dob}
		}
		return FromProperties("Person", m)
	}
	if r := Compare(p("900101-8234", "1990-01-01"), p("02553926", "1990-01-01"), opt); !r.Match || r.Conflict {
		t.Errorf("two forms, one birthday: %+v", r)
	}
	if r := Compare(p("900101-8234", ""), p("02553926", ""), opt); !r.Conflict {
		t.Errorf("two forms, no date: %+v", r)
	}
	if r := Compare(p("900101-8234", "1990-01-01"), p("900101-2935", "1990-01-01"), opt); !r.Conflict {
		t.Errorf("one form, one birthday (twins): %+v", r)
	}
}

// Dates years apart read as a decade digit mistyped only when they may be
// one: two full dates eleven years and months apart are two people, and
// the score falls below the merge floor (0.6) even for a name of three
// words written alike (Ana Maria da Silva, ftm42), so that an undated
// record of the name cannot chain them.
func TestDecadeSlip(t *testing.T) {
	d := func(s string) []Date {
		x, ok := ParseDate(s)
		if !ok {
			t.Fatalf("ParseDate(%q)", s)
		}
		return []Date{x}
	}
	for _, c := range []struct {
		a, b string
		da   dateAgreement
		want bool
	}{
		{"1977-03-02", "1987-03-12", dateClose, true},
		{"1953-06-05", "1958-07-05", dateClose, false}, // two digits, five years: no decade
		{"1945", "1955", dateConflict, true},
		{"1945", "1955-06-01", dateConflict, true},
		{"1951-01-11", "1962-09-10", dateConflict, false},
		{"1951", "1962-09-10", dateConflict, false},
		{"1982-10-12", "1992-09-11", dateConflict, true}, // a decade and a month out
		{"2026-01-08", "2016-01-12", dateConflict, true},
		{"1951-01-11", "1952-09-10", dateConflict, false}, // a year apart: no decade
	} {
		if got := decadeSlip(d(c.a), d(c.b), c.da, yearsApart(d(c.a), d(c.b)), false); got != c.want {
			t.Errorf("decadeSlip(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	p := func(date string) Person {
		return FromProperties("Person", map[string][]string{"name": {"ANA MARIA DA SILVA"}, "birthDate": {date}, "nationality": {"br"}})
	}
	if r := Compare(p("1951-01-11"), p("1962-09-10"), DefaultOptions()); r.Score >= .6 || !r.Conflict {
		t.Errorf("Ana Maria da Silva born 1951 and 1962: %.3f conflict=%v %v, want below 0.6 and a conflict", r.Score, r.Conflict, r.Evidence)
	}
}
