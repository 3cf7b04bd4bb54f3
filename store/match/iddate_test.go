package match

import "testing"

func TestDateInIdentityNumber(t *testing.T) {
	for _, c := range []struct{ v, want string }{
		// The forms' published examples, and numbers whose check digits
		// were worked out by hand from each form's rule.
		{"93.05.18-223.61", "1993-05-18"},
		{"930518 223 61", "1993-05-18"},
		{"17.01.01-001.71", "2017-01-01"}, // born from 2000: a 2 before the nine digits
		{"811218-9876", "1981-12-18"},
		{"19811218-9876", "1981-12-18"},
		{"811218+9876", "1881-12-18"}, // the plus: a hundred years more
		{"811278-9873", "1981-12-18"}, // a coordination number: the day plus 60
		{"131052-308T", "1952-10-13"},
		{"131052A308T", ""}, // the 2000s: a birth in 2052 is not yet
		{"11010519491231002X", "1949-12-31"},
		{"11010519491231002x", "1949-12-31"},
		{"784-1987-0123456-3", "1987"},
		{"784198701234563", "1987"},
		{"LOQF690806HDFPNR70", "1969-08-06"}, // CURP
		{"loqf690806hdfpnr70", "1969-08-06"},
		{"MAHJ280603MSPRRV09", "1928-06-03"},
		{"GARC050101HDFRRLA7", "2005-01-01"}, // a letter before the check digit: born from 2000
		{"790512-07-5313", "1979-05-12"},     // MyKad: born in Penang (07)
		{"790512 07 5313", "1979-05-12"},
		{"050101-14-0021", "2005-01-01"},
		{"500909 71 9803", "1950-09-09"}, // born abroad

		// A check that fails, and forms that hold no date.
		{"93.05.18-223.62", ""},
		{"93051822361", ""}, // bare: as likely another country's eleven digits
		{"811218-9875", ""},
		{"8112189876", ""}, // no dash: any ten digits
		{"131052-308A", ""},
		{"110105194912310021", ""},
		{"784-1987-0123456-4", ""},
		{"93.13.18-223.xx", ""},
		{"00.00.00-001.xx", ""},
		{"LOQF690806HDFPNR71", ""}, // CURP: the check digit fails
		{"LOQF691306HDFPNR70", ""},
		{"LOQF690806QDFPNR70", ""}, // no such sex
		{"790512075313", ""},       // MyKad bare: as likely Vietnam's twelve digits
		{"790512-00-5313", ""},     // no such place of birth
		{"790512-17-5313", ""},
		{"791312-07-5313", ""}, // no thirteenth month
		{"790512-07 5313", "1979-05-12"},
		{"P00688807", ""},
		{"DVZ-2024-185494", ""},
		{"", ""},
	} {
		got, ok := DateInIdentityNumber(c.v, 2026)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("DateInIdentityNumber(%q) = %q, %v; want %q", c.v, got, ok, c.want)
		}
	}
	// A month out of range (a Belgian bis number) gives no date even when
	// the check holds.
	if d, ok := DateInIdentityNumber("93.25.18-223.07", 2026); ok {
		t.Errorf("bis number read as %s", d)
	}
}

// A register that keeps the number and not the date (a telecom
// operator's) and the population register that writes both: the number's
// date makes the names' agreement count, and a number of another form
// beside it (an asylum case number) is another document, not another
// person.
func TestIdentityNumberDateJoins(t *testing.T) {
	register := FromProperties("Person", map[string][]string{
		"name": {"Muhammad ASIF"}, "birthDate": {"1993-05-18"}, "idNumber": {"DVZ-2024-185494"},
		"phone": {"+32 488 27 78 94"},
	})
	telecom := FromProperties("Person", map[string][]string{
		"name": {"ASIF MUHAMMAD"}, "idNumber": {"93.05.18-223.61"}, "phone": {"+32 488 27 78 94"},
	})
	if r := Compare(register, telecom, DefaultOptions()); !r.Match {
		t.Errorf("the number's date did not join them: %+v", r)
	}
	// The same number with a check digit that fails says nothing of a
	// date, and the two numbers then conflict.
	wrong := FromProperties("Person", map[string][]string{
		"name": {"ASIF MUHAMMAD"}, "idNumber": {"93.05.18-223.62"}, "phone": {"+32 488 27 78 94"},
	})
	if r := Compare(register, wrong, DefaultOptions()); r.Match {
		t.Errorf("joined without a date: %+v", r)
	}
	// Another date in the number: another man of the name.
	other := FromProperties("Person", map[string][]string{
		"name": {"Muhammad Asif"}, "idNumber": {"811218-9876"},
	})
	if r := Compare(register, other, DefaultOptions()); r.Match || r.DOB != "conflict" {
		t.Errorf("a number born in 1981 against a birth in 1993: %+v", r)
	}
	// A record that gives its date keeps it: the number adds none.
	dated := FromProperties("Person", map[string][]string{
		"name": {"Muhammad Asif"}, "birthDate": {"1993"}, "idNumber": {"811218-9876"},
	})
	if got := dated.BirthDates; len(got) != 1 || got[0] != "1993" {
		t.Errorf("dated record's dates = %v", got)
	}
}

// FuzzDateInIdentityNumber: any value gives a date that exists and is not
// in the future, or none, and never panics.
func FuzzDateInIdentityNumber(f *testing.F) {
	for _, s := range []string{"93.05.18-223.61", "811218-9876", "19811218-9876", "131052-308T", "11010519491231002X", "784-1987-0123456-3", "790512-07-5313", "LOQF690806HDFPNR70", "", "--------", "811218+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := DateInIdentityNumber(v, 2026)
		if !ok {
			if d != "" {
				t.Fatalf("%q: no date but %q", v, d)
			}
			return
		}
		dt, parsed := ParseDate(d)
		if !parsed || dt.Year < 1850 || dt.Year > 2026 || dt.String() != d {
			t.Fatalf("%q gave %q, read back as %+v", v, d, dt)
		}
	})
}
