package resolve

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/match"
)

// An agency's own files hold people at home: a father and the son named
// after him at one address, a vehicle registered there to a name either
// bears, namesakes of the commonest names born a year apart. These tests
// keep such records apart unless something one person holds (a phone, a
// document) ties them.

// The same name millions bear, with dates of birth a slip apart, is two
// people; under a rare name the same slip is a clerk's.
func TestACommonNameBornASlipApartIsTwoPeople(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, person("referrals", "b", "name", "HUNG, Nguyen Van", "birthDate", "2003-06-30", "nationality", "vn"))
	f.put(t, person("asylum", "b", "name", "Nguyen Van Hung", "birthDate", "2003", "nationality", "vn"))
	f.put(t, person("police", "berlin", "name", "Nguyen Van Hung", "birthDate", "2004-07-19"))
	f.checkClusters(t, "common name a year apart", "asylum/b referrals/b", "police/berlin")

	g := mustOpen(t, DefaultOptions())
	g.put(t, person("referrals", "w", "name", "BRZECZYSZCZYKIEWICZ, Wojciech Jan", "birthDate", "2003-06-30", "nationality", "pl"))
	g.put(t, person("police", "w", "name", "Wojciech Jan Brzeczyszczykiewicz", "birthDate", "2004-07-19"))
	g.checkClusters(t, "rare name a year apart", "police/w referrals/w")
}

// A father and the son named after him share a home: a record tied to
// that home alone (a vehicle registered there, undated) is either's, and
// stays apart from both; the father's phone ties his own records. Among
// them, as an agency's files hold them, four other men of the name (ftm34).
func TestAVehicleAtTheHomeOfAFatherAndHisNamesakeSon(t *testing.T) {
	const home = "Frankfurter Allee 218, 10365 Berlin"
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed( // as FtM files of each source load: entries of their source
		person("asylum", "minor", "name", "Nguyen Van Hung", "birthDate", "2003", "nationality", "vn", "gender", "male"),
		person("police", "warsaw", "name", "Nguyen Van Hung", "nationality", "vn", "address", "ul. Marywilska 44, 03-228 Warszawa"),
		person("population", "father", "name", "Nguyen Van Hung", "firstName", "Van Hung", "lastName", "Nguyen", "birthDate", "1978-04-12",
			"birthPlace", "Nam Dinh, Vietnam", "nationality", "vn", "gender", "male", "address", home),
		person("telecom", "warsaw", "name", "Nguyen Hung", "phone", "+48 512 330 871", "address", "ul. Marywilska 44, 03-228 Warszawa"),
		person("referrals", "minor", "name", "HUNG, Nguyen Van", "birthDate", "2003-06-30", "nationality", "vn"),
		person("population", "prague", "name", "Nguyễn Văn Hưng", "birthDate", "1991-11-03", "nationality", "vn", "gender", "male",
			"address", "Libušská 319, 142 00 Praha 4", "passportNumber", "C2290815"),
		person("visas", "other", "name", "NGUYEN VAN HUNG", "birthDate", "1978-04-12", "birthPlace", "Thai Binh, Vietnam",
			"nationality", "vn", "passportNumber", "B9120344", "gender", "male"),
		person("vehicles", "car", "name", "NGUYEN, Van Hung", "address", home, "idNumber", "B-NH 2004"),
		person("vehicles", "prague", "name", "Hung Nguyen Van", "address", "Libušská 319, 142 00 Praha 4", "idNumber", "CZ-9111039876"),
		person("border", "prague", "name", "NGUYEN VAN HUNG", "birthDate", "1991-11-03", "nationality", "vn", "passportNumber", "C2290815"),
		person("police", "son", "name", "Nguyen Van Hung", "birthDate", "2004-07-19"),
		person("telecom", "father", "name", "NGUYEN VAN HUNG", "phone", "+49 176 4418 2093", "address", home),
		person("bank", "father", "name", "Nguyễn Văn Hùng", "birthDate", "1978-04-12", "nationality", "vn",
			"passportNumber", "C4471206", "phone", "+49 176 4418 2093"),
		person("population", "son", "name", "Nguyen Van Hung", "birthDate", "2004-07-19", "birthPlace", "Berlin",
			"nationality", "de", "gender", "male", "address", home),
	)...) // one load, in the order the agency's files gave them
	got := map[string]string{}
	for _, c := range f.clusters(t) {
		for _, k := range strings.Fields(c) {
			got[k] = c
		}
	}
	for _, want := range []string{"bank/father population/father telecom/father", "police/son population/son", "vehicles/car", "visas/other"} {
		if k := strings.Fields(want)[0]; got[k] != want {
			t.Errorf("%s is in %q, want %q", k, got[k], want)
		}
	}
}

// Born the same day under a name millions bear, in two towns and with two
// passports: two men.
func TestACommonNameBornTheSameDayInTwoTowns(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, person("population", "a", "name", "Nguyen Van Hung", "birthDate", "1978-04-12", "birthPlace", "Nam Dinh, Vietnam", "nationality", "vn"))
	f.put(t, person("bank", "a", "name", "Nguyễn Văn Hùng", "birthDate", "1978-04-12", "nationality", "vn", "passportNumber", "C4471206"))
	f.put(t, person("visas", "b", "name", "NGUYEN VAN HUNG", "birthDate", "1978-04-12", "birthPlace", "Thai Binh, Vietnam",
		"nationality", "vn", "passportNumber", "B9120344"))
	f.checkClusters(t, "common name, one day, two towns", "bank/a population/a", "visas/b")

	// In one town, the date and the name make one man, whatever the
	// region written after it.
	g := mustOpen(t, DefaultOptions())
	g.put(t, person("population", "a", "name", "Nguyen Van Hung", "birthDate", "1978-04-12", "birthPlace", "Nam Dinh, Vietnam", "nationality", "vn"))
	g.put(t, person("visas", "a", "name", "NGUYEN VAN HUNG", "birthDate", "1978-04-12", "birthPlace", "Nam Dinh", "nationality", "vn"))
	g.checkClusters(t, "common name, one day, one town", "population/a visas/a")
}

// A bare name that namesakes share alike finds first the one more sources
// write so: three records of one Mehmet Yilmaz before the one record of
// another, whichever came first.
func TestLookupNamesakesBySourcesThatWriteTheName(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, person("police", "vienna", "name", "Mehmet Yilmaz", "birthDate", "1970-05-01", "nationality", "tr"))
	f.put(t, person("population", "rotterdam", "name", "Mehmet Yilmaz", "birthDate", "1985-08-08", "nationality", "tr"),
		person("border", "rotterdam", "name", "Mehmet Yilmaz", "birthDate", "1985-08-08", "passportNumber", "U11092384"),
		person("bank", "rotterdam", "name", "Mehmet Yilmaz", "birthDate", "1985-08-08", "passportNumber", "U11092384"))
	f.checkClusters(t, "two Mehmet Yilmaz", "bank/rotterdam border/rotterdam population/rotterdam", "police/vienna")
	hits := f.lookup(t, "Mehmet Yilmaz", 5)
	if len(hits) != 2 || hits[0].Score != hits[1].Score {
		t.Fatalf("lookup: %+v, want two hits scored alike", hits)
	}
	if got := hits[0].Records[0].Source; got == "police" {
		t.Errorf("first hit is the Vienna record's subject; want the one three sources write so")
	}
}

// Twins in one population register: born the same day at one home, their
// given names a typo apart. The register holds each once; a register's
// duplicate would write the name alike or share a document.
func TestTwinsOfOneRegister(t *testing.T) {
	const home = "Via Giacomo Leopardi 18, 20010 Bareggio"
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("population", "dritan", "name", "Dritan Krasniqi", "birthDate", "2000-07-07", "birthPlace", "Milano", "gender", "male", "address", home),
		person("population", "dorian", "name", "Dorian Krasniqi", "birthDate", "2000-07-07", "birthPlace", "Milano", "gender", "male", "address", home),
		person("population", "ilir", "name", "Ilir Krasniqi", "birthDate", "1975-01-20", "idNumber", "KRSLRI75A20Z100P", "address", home),
		person("population", "ilir2", "name", "Ilir Kraniqi", "birthDate", "1975-01-20", "idNumber", "KRSLRI75A20Z100P", "address", home),
	)...)
	f.checkClusters(t, "twins of one register", "population/dorian", "population/dritan", "population/ilir population/ilir2")
	// Two sources, each holding one of them, may be one person's.
	g := mustOpen(t, DefaultOptions())
	g.put(t, listed(
		person("population", "dritan", "name", "Dritan Krasniqi", "birthDate", "2000-07-07", "address", home),
		person("police", "dritan", "name", "Dorian Krasniqi", "birthDate", "2000-07-07", "address", home),
	)...)
	g.checkClusters(t, "a typo between two sources", "police/dritan population/dritan")
}

// A bank's record of Hüseyin Kaya gives the son's phone and the father's
// address: the phone, which one person holds, says whose it is.
func TestAPhoneOutweighsAHome(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("population", "father", "name", "Hüseyin Kaya", "birthDate", "1958-06-06", "birthPlace", "Sivas", "nationality", "tr",
			"gender", "male", "address", "Langstrasse 120, 8004 Zürich"),
		person("police", "son", "name", "Hüseyin Kaya", "birthDate", "1981-01-01", "nationality", "tr", "phone", "+41 79 330 12 45"),
		person("telecom", "son", "name", "Huseyin Kaya", "phone", "+41 79 330 12 45"),
		person("bank", "son", "name", "KAYA Hueseyin", "phone", "+41 79 330 12 45", "address", "Langstrasse 120, 8004 Zürich"),
	)...)
	f.checkClusters(t, "father and son, the son's phone", "bank/son police/son telecom/son", "population/father")
}

// Chukwuemeka Okafor is Emeka at his bank, OKAFOR C at his telephone
// company: the phone is the bank's record's, the initial the case file's
// name. Together they place the subscriber, whichever arrives last.
func TestARecordPiecedTogetherFromTwoOfASubject(t *testing.T) {
	bank := person("bank", "okafor", "name", "Emeka Okafor", "birthDate", "1986-04-30", "phone", "+353 87 441 2009", "address", "14 Parnell Street, Dublin 1")
	visa := person("visas", "okafor", "name", "OKAFOR CHUKWUEMEKA JOHN", "birthDate", "1986-04-30", "nationality", "ng", "passportNumber", "A08812455")
	phone := person("telecom", "okafor", "name", "OKAFOR C", "phone", "+353 87 441 2009")
	police := person("police", "okafor", "name", "Chukwuemeka Okafor", "alias", "Emeka", "birthDate", "1986-04-30", "nationality", "ng")
	other := person("population", "okafor", "name", "Emeka Okafor", "birthDate", "1979-11-11", "birthPlace", "Enugu", "nationality", "ng",
		"address", "Brusselsestraat 30, 2018 Antwerpen")
	want := []string{"bank/okafor police/okafor telecom/okafor visas/okafor", "population/okafor"}
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {0, 1, 3, 4, 2}, {2, 0, 1, 4, 3}} {
		recs := []store.Incoming{bank, visa, phone, police, other}
		f := mustOpen(t, DefaultOptions())
		for _, i := range order {
			f.put(t, listed(recs[i])...)
		}
		f.checkClusters(t, fmt.Sprintf("order %v", order), want...)
	}
}

// An undated Ion Popescu of a bank, in Bucharest, is any of the name's
// bearers: not the one born 1995 whose border crossing gives no address,
// nor the one of Madrid.
func TestAnUndatedIonPopescu(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("bank", "nodob", "name", "Ion Popescu", "nationality", "ro", "address", "Strada Lipscani 40, București", "phone", "+40 722 311 090"),
		person("population", "1970", "name", "Ion Popescu", "birthDate", "1970-02-02", "birthPlace", "Craiova", "nationality", "ro",
			"address", "Calle Alcalá 421, 28027 Madrid"),
		person("border", "1995", "name", "POPESCU ION", "birthDate", "1995-08-14", "nationality", "ro", "idNumber", "RO-1950814226631"),
		person("police", "1995", "name", "Ion Popescu", "birthDate", "1995-08-14", "birthPlace", "Iași", "nationality", "ro",
			"address", "Via Nizza 112, 10126 Torino"),
	)...)
	f.checkClusters(t, "three Ion Popescus", "bank/nodob", "border/1995 police/1995", "population/1970")
}

// A bank's Hafiz Muhammad Saeed born 1981-06-05 is not the listed one born
// 1950-06-05, though the two dates are two digits apart: a generation is
// no slip, and an undated entry of the list does not chain them. Nor is a
// population register's Hardeep Singh, born 1977, the wanted Hardeep Singh
// Nijjar that Interpol gives the year 1977: a name Punjab gives thousands,
// and a word more.
func TestNamesakesOfListedMenInAnAgencysFiles(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("eu", "saeed", "name", "Hafiz Muhammad Saeed", "birthDate", "1950-06-05", "nationality", "pk", "topics", "sanction"),
		person("bank", "saeed", "name", "Hafiz Muhammad Saeed", "birthDate", "1981-06-05", "nationality", "pk"),
		person("mha", "saeed", "name", "Hafiz Muhammad Saeed", "nationality", "pk", "topics", "sanction"),
		person("population", "saeed", "name", "Hafiz Muhammad Saeed", "birthDate", "1981-06-05", "nationality", "pk"),
		person("un", "saeed", "name", "HAFIZ MUHAMMAD SAEED", "birthDate", "1950-06-05", "nationality", "pk", "topics", "sanction"),
		person("population", "hardeep", "name", "Hardeep Singh", "birthDate", "1977-03-03", "nationality", "in"),
		person("interpol", "nijjar", "name", "NIJJAR HARDEEP SINGH", "birthDate", "1977", "nationality", "ca", "topics", "crime"),
	)...)
	got := map[string]string{}
	for _, c := range f.clusters(t) {
		for _, k := range strings.Fields(c) {
			got[k] = c
		}
	}
	if got["bank/saeed"] != "bank/saeed population/saeed" {
		t.Errorf("the bank's Hafiz Muhammad Saeed is in %q, want with the population register's only", got["bank/saeed"])
	}
	if got["population/hardeep"] != "population/hardeep" {
		t.Errorf("Hardeep Singh is in %q, want alone", got["population/hardeep"])
	}
}

// A money remitter's customer, at the address of a bank's customer of the
// same name, joins him by that home; a suspicious transaction report
// giving the remitter's phone and an identity number of the form the
// bank's customer's has, but another, shows the remitter's record is the
// reported man's, and it goes with him (ftm37).
func TestAPhoneTakesARecordAHomePlaced(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(append(alQusais(), alQusaisReport())...)...)
	f.checkClusters(t, "one home, two men", "bank/a permits/a", "remitters/b reports/b")
}

// alQusais are a permit and a bank account of one Mohamed Osman Ahmed
// (one passport, one identity number) and a money remitter's customer of
// the name at the same Al Qusais address; alQusaisReport is the
// suspicious transaction report that gives the remitter's phone beside
// another identity number of the permit's form.
func alQusais() []store.Incoming {
	return []store.Incoming{
		person("permits", "a", "name", "محمد عثمان أحمد", "alias", "MOHAMED OSMAN AHMED", "passportNumber", "P07840459",
			"idNumber", "784-1980-0721086-4", "nationality", "sd", "gender", "male", "birthDate", "1980-01-01"),
		person("bank", "a", "name", "Mohamed Osman Ahmed", "phone", "+971 580 751 443", "passportNumber", "P07840459",
			"idNumber", "784-1980-0721086-4", "address", "Al Qusais, Dubai", "nationality", "sd", "birthDate", "1980-01-01"),
		person("remitters", "b", "name", "Mohamed Osman Ahmed", "phone", "+971569056368", "address", "Al Qusais, Dubai",
			"nationality", "sd", "gender", "male"),
	}
}

func alQusaisReport() store.Incoming {
	return person("reports", "b", "name", "محمد عثمان أحمد", "phone", "+971569056368", "idNumber", "784-1979-1487304-7", "nationality", "sd")
}

// Two telecom subscriptions on one identity card, then a bank's customer
// of the name with another card of that form and a passport, then a
// customs declaration with the passport alone: the declaration joins the
// bank's customer, and the card keeps the subscriptions apart.
func TestTwoCardsOfOneFormAreTwoMen(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("telecom", "a1", "name", "OKELLO MOSES", "phone", "256717376784", "idNumber", "CM638CX82M60W", "nationality", "ug"),
		person("telecom", "a2", "name", "MOSES OKELLO", "phone", "256755992250", "idNumber", "CM638CX82M60W", "nationality", "ug"),
		person("bank", "b", "name", "Moses Okello", "phone", "+256 782 414 260", "passportNumber", "B9856878",
			"idNumber", "CM99T6LNXYJ31", "address", "Namirembe, Kampala", "nationality", "ug", "birthDate", "1999-10-10"),
		person("customs", "b", "name", "MOSES OKELLO", "passportNumber", "B9856878", "nationality", "ug", "birthDate", "1999-10-10"),
	)...)
	f.checkClusters(t, "two cards", "bank/b customs/b", "telecom/a1 telecom/a2")
}

// A money remitter's customer writes his name as a president's alias and
// joins him, undated, by that name alone; a bank's customer born 1979
// with the remitter's phone is not the president born 1955, and takes the
// remitter's record with him (ftm37).
func TestAPhoneOutweighsNoDateANameAlonePlaced(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, person("peps", "president", "name", "Hassan Sheikh Mohamud", "alias", "حسن شيخ محمود", "alias", "Xasan Sheekh Maxamuud",
		"birthDate", "1955-11-29", "nationality", "so", "gender", "male"))
	f.put(t, person("remitters", "dealer", "name", "Xasan Sheekh Maxamuud", "phone", "+252635060242", "address", "Bakaara, Muqdisho",
		"nationality", "so", "gender", "male"))
	f.put(t, person("bank", "dealer", "name", "Hassan Sheikh Mohamud", "firstName", "Hassan", "middleName", "Sheikh", "lastName", "Mohamud",
		"phone", "+252 635 060 242", "passportNumber", "P00556573", "address", "Bakaara, Mogadishu", "nationality", "so",
		"gender", "male", "birthDate", "1979"))
	f.checkClusters(t, "the dealer", "bank/dealer remitters/dealer", "peps/president")
}

// A remitter writes a Ugandan phone as the country dials it (0754369250),
// a bank as the world does (+256 754 369 250): one number, and the
// remitter's record, its name in Somali spelling, is found by it and
// joins; so does a lookup of the number as either writes it.
func TestAPhoneWrittenTwoWaysFindsItsRecord(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("remitters", "a", "name", "Xuseen Cali Nuur", "phone", "0754369250", "address", "Kisenyi, Kampala", "nationality", "so"),
		person("bank", "a", "name", "Hussein Ali Nur", "phone", "+256 754 369 250", "passportNumber", "P00188883",
			"address", "Kisenyi, Kampala", "nationality", "so", "birthDate", "1970-09-09"),
	)...)
	f.checkClusters(t, "one phone", "bank/a remitters/a")
	for _, q := range []string{"0754369250", "+256 754 369 250"} {
		hits := f.lookup(t, q, 5)
		if len(hits) == 0 || len(hits[0].Records) != 2 {
			t.Errorf("lookup %q: %+v, want the subject of both records first", q, hits)
		}
	}
}

// The index keys a phone by the digits the scorer compares: the number as
// the country dials it and as the world does is one key.
func TestAPhoneIsKeyedAsItIsCompared(t *testing.T) {
	key := func(phone string) string {
		for _, k := range indexKeys(match.Prepare(match.Person{Identifiers: []match.Identifier{{Kind: "phone", Value: phone}}})) {
			if strings.HasPrefix(k, "x/phone:") {
				return k
			}
		}
		return ""
	}
	if a, b := key("0754369250"), key("+256 754 369 250"); a == "" || a != b {
		t.Errorf("0754369250 keyed %q, +256 754 369 250 %q: want one key", a, b)
	}
	if a, b := key("+256 754 369 250"), key("+256 754 369 251"); a == b {
		t.Errorf("two numbers keyed alike: %q", a)
	}
}

// What an officer judged stays where the judgement put it: the remitter's
// record judged the bank customer's is not taken by the report that
// holds its phone.
func TestAJudgedRecordIsNotTakenByAPhone(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(alQusais()...)...)
	if err := f.res.Judge(context.Background(), true, store.Key{Source: "remitters", ID: "b"}, store.Key{Source: "bank", ID: "a"}, "officer1", "C-7", time.Now()); err != nil {
		t.Fatal(err)
	}
	f.put(t, listed(alQusaisReport())...)
	f.checkClusters(t, "judged", "bank/a permits/a remitters/b", "reports/b")
}

// A bank's Maher Asaad, undated, joins the listed Maher al-Assad by the
// name; the population register's Maher Asaad born 1995, with the bank's
// identity number, takes the bank's record with him, and it stays with
// him when the next list entry of Maher al-Assad arrives (ftm38).
func TestARecordTakenByItsDocumentStaysTaken(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("bank", "m", "name", "Maher Asaad", "address", "Nydalavägen 52, 214 63 Malmö", "nationality", "sy",
			"idNumber", "950419-2379", "phone", "+46 76 696 7661"),
		person("gb_hmt", "assad", "name", "AL-ASSAD, Maher", "birthDate", "1967-12-08", "nationality", "sy"),
		person("ofac", "assad", "name", "AL-ASAD, Maher", "birthDate", "1967-12-08", "nationality", "sy"),
		person("population", "m", "name", "Maher Asaad", "firstName", "Maher", "lastName", "Asaad", "birthDate", "1995-04-19",
			"birthPlace", "Latakia", "nationality", "sy", "idNumber", "950419-2379", "address", "Nydalavägen 52, 214 63 Malmö"),
		person("eu", "assad", "name", "Maher AL-ASSAD", "alias", "ماهر الأسد", "birthDate", "1967-12-08", "nationality", "sy"),
	)...)
	f.checkClusters(t, "two Mahers", "bank/m population/m", "eu/assad gb_hmt/assad ofac/assad")
}

// A father and the son named after him at one home, each with his middle
// name on a licence or a custody record, the son's telecom record under
// his nickname: an electoral roll's Michael J. O'Neill there is the
// father, whose middle name J. begins, not the son's, whose Patrick it
// is not (ftm40). Without the initial he stays apart from both.
func TestAMiddleInitialTellsFatherFromSon(t *testing.T) {
	const home = "85 Westway, Londonderry, BT48 4SJ"
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("licences", "father", "name", "MICHAEL JOSEPH O'NEILL", "firstName", "MICHAEL", "middleName", "JOSEPH", "lastName", "O'NEILL",
			"birthDate", "1950-06-29", "gender", "male", "address", home),
		person("custody", "son", "name", "Michael Patrick O'Neill", "firstName", "Michael", "middleName", "Patrick", "lastName", "O'Neill",
			"birthDate", "1978-03-04", "gender", "male", "phone", "07700 900848", "address", home),
		person("telecom", "son", "name", "Mickey ONeill", "phone", "07700 900848", "address", "85 Westway, Londonderry"),
		person("electoral", "father", "name", "Michael J. O'Neill", "firstName", "Michael", "middleName", "J.", "lastName", "O'Neill", "address", home),
		person("electoral", "either", "name", "Michael O'Neill", "address", home),
	)...)
	f.checkClusters(t, "middle initial", "custody/son telecom/son", "electoral/either", "electoral/father licences/father")
}

// Indonesia's commonest names (Dedi Kurniawan) are borne by tens of
// thousands: a prison's Dedi Kurniawan born the same year as the listed
// one, two digits of the date apart, is another man (ftm41), while the
// lists' entries of the listed one, born the same day, are his.
func TestIndonesiasCommonestNameBornMonthsApart(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("dttot", "listed", "name", "DEDI KURNIAWAN", "alias", "DEDY KURNIAWAN", "birthDate", "1983-02-11", "birthPlace", "GARUT", "nationality", "id"),
		person("prison", "other", "name", "DEDI KURNIAWAN", "birthDate", "1983-07-01", "passportNumber", "A 5116150", "gender", "male", "nationality", "id"),
		person("un", "listed", "name", "Dedi Kurniawan", "alias", "Dedy Kurniawan", "birthDate", "1983-02-11", "birthPlace", "Garut, Indonesia",
			"nationality", "id", "passportNumber", "B4450991", "gender", "male"),
	)...)
	f.checkClusters(t, "common Indonesian name", "dttot/listed un/listed", "prison/other")
}

// Mexico's commonest words make names millions of whose bearers share one
// (ftm42): Jesús Torres Sánchez of Mazatlán, born 1978-02-09, and the one
// born there 1988-02-07 are two men, however close a slip makes the dates;
// an undated José Luis Hernández García still joins the one born so.
func TestMexicosCommonestNamesAndASlipOfTheDate(t *testing.T) {
	f := mustOpen(t, DefaultOptions())
	f.put(t, listed(
		person("interpol", "1978", "name", "JESUS TORRES SANCHEZ", "birthDate", "1978-02-09", "birthPlace", "Mazatlán, Sinaloa", "nationality", "mx", "gender", "male"),
		person("civil", "1988", "name", "JESÚS TORRES SÁNCHEZ", "birthDate", "1988-02-07", "birthPlace", "Mazatlán, Sinaloa", "nationality", "mx", "gender", "male"),
		person("civil", "jlhg", "name", "José Luis Hernández García", "birthDate", "1961-03-14", "nationality", "mx"),
		person("case", "jlhg", "name", "HERNANDEZ GARCIA, Jose Luis", "nationality", "mx"),
	)...)
	f.checkClusters(t, "Mexico's commonest names", "case/jlhg civil/jlhg", "civil/1988", "interpol/1978")
}
