package quality

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/vigie/vigie/store"
)

// Population generates a fictional population for benchmarks: People
// persons of several origins (Maghrebi and Middle-Eastern, French,
// Slavic, Turkish, English, Spanish, Vietnamese), each with about
// RecordsPerPerson records in several sources that spell the name the way
// sources do — transliteration variants, word order, "SURNAME, Given",
// typos, a dropped middle name — with the date of birth sometimes missing
// or reduced to the year. Names are drawn with a skew so that common names
// (Mohamed, Nguyen, Martin) are shared by many distinct people, who differ
// by date of birth. Person i is derived from (Seed, i) alone, so records
// are generated in a stream and queries about any person need no table.
type Population struct {
	Seed             uint64
	People           int
	RecordsPerPerson int
}

type origin struct {
	given, family, middle []string
	variants              map[string][]string
}

var origins = []origin{
	{ // Maghrebi / Middle-Eastern
		given:  []string{"Mohamed", "Ahmed", "Youssef", "Karim", "Omar", "Rachid", "Samir", "Nadia", "Fatima", "Amina", "Yasmine", "Khalid", "Hamza", "Bilal", "Sofiane", "Walid", "Mehdi", "Ilyes", "Nour", "Salma"},
		family: []string{"Benali", "Haddad", "Mansouri", "El Amrani", "Bouzid", "Cherif", "Abdeslam", "Belkacem", "Rahmani", "Ziani", "Khelifi", "Bensaid", "Ait Ahmed", "El Idrissi", "Benyahia", "Hamdan", "Saidi", "Touati", "Meziane", "Ouali"},
		middle: []string{"Ben", "Abdel"},
		variants: map[string][]string{"Mohamed": {"Mohammed", "Muhammad", "Mohamad"}, "Youssef": {"Yusuf", "Youcef", "Yousef"}, "Rachid": {"Rashid"},
			"Khalid": {"Khaled"}, "Walid": {"Oualid"}, "Cherif": {"Sharif", "Chérif"}, "Abdeslam": {"Abdessalam", "Abd al-Salam"},
			"El Amrani": {"Elamrani", "al-Amrani"}, "Ilyes": {"Ilyas"}, "Hamza": {"Hamsa"}},
	},
	{ // French
		given:    []string{"Jean", "Pierre", "Marie", "Camille", "Lucas", "Hugo", "Chloe", "Julien", "Nicolas", "Sophie", "Thomas", "Claire", "Antoine", "Léa", "Manon"},
		family:   []string{"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier", "Lefebvre", "Mercier", "Dupont", "Lambert", "Faure", "Rousseau", "Blanc"},
		variants: map[string][]string{"Léa": {"Lea"}, "Chloe": {"Chloé"}},
	},
	{ // Slavic
		given:    []string{"Aleksandr", "Dmitriy", "Sergey", "Yevgeny", "Natalia", "Olga", "Ivan", "Tatyana", "Viktor", "Yuri", "Elena", "Pavel"},
		family:   []string{"Petrov", "Ivanov", "Volkov", "Kuznetsov", "Smirnov", "Sokolov", "Popov", "Novak", "Kovalenko", "Morozov", "Zhuravlev", "Vesnin"},
		variants: map[string][]string{"Aleksandr": {"Alexander", "Oleksandr", "Alexandre"}, "Dmitriy": {"Dmitri", "Dmitry"}, "Sergey": {"Sergei", "Serguei"}, "Yevgeny": {"Evgeni", "Evgeny"}, "Natalia": {"Natalya"}, "Tatyana": {"Tatiana"}, "Yuri": {"Iouri", "Yury"}, "Zhuravlev": {"Zjuravlev", "Juravlev"}},
	},
	{ // Turkish
		given:    []string{"Mehmet", "Mustafa", "Ayse", "Emre", "Zeynep", "Hasan", "Huseyin", "Elif", "Burak", "Fatma"},
		family:   []string{"Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk", "Aydin", "Arslan", "Dogan", "Kilic"},
		variants: map[string][]string{"Mehmet": {"Mehmed"}, "Huseyin": {"Hüseyin", "Hussein"}, "Ozturk": {"Öztürk"}, "Ayse": {"Ayşe"}},
	},
	{ // English
		given:    []string{"Robert", "William", "James", "John", "Mary", "Elizabeth", "Michael", "Sarah", "David", "Katherine"},
		family:   []string{"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker"},
		variants: map[string][]string{"Robert": {"Bob", "Rob"}, "William": {"Bill", "Will"}, "Elizabeth": {"Liz", "Beth"}, "Katherine": {"Catherine", "Kathryn"}, "Michael": {"Mike"}},
	},
	{ // Spanish
		given:    []string{"José", "María", "Juan", "Carmen", "Luis", "Ana", "Javier", "Lucía"},
		family:   []string{"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz"},
		variants: map[string][]string{"José": {"Jose"}, "María": {"Maria"}, "García": {"Garcia"}},
	},
	{ // Vietnamese
		given:  []string{"Minh", "Anh", "Linh", "Huy", "Thao", "Duc", "Lan", "Tuan"},
		family: []string{"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"},
		middle: []string{"Van", "Thi"},
	},
}

// skewed draws an index in [0, n) favouring the first entries (a Zipf-like
// skew: common names are much more common).
func skewed(rng *rand.Rand, n int) int {
	x := rng.Float64()
	return int(float64(n) * x * x)
}

// PersonTruth is one generated person.
type PersonTruth struct {
	ID        string
	Given     string
	Middle    string
	Family    string
	BirthDate string
	Origin    int
}

// Person returns person i.
func (p Population) Person(i int) PersonTruth {
	rng := rand.New(rand.NewPCG(p.Seed, uint64(i)*0x9e3779b97f4a7c15+1))
	oi := rng.IntN(len(origins))
	o := origins[oi]
	pt := PersonTruth{ID: fmt.Sprintf("P%08d", i), Origin: oi,
		Given: o.given[skewed(rng, len(o.given))], Family: o.family[skewed(rng, len(o.family))]}
	if len(o.middle) > 0 && rng.IntN(3) == 0 {
		pt.Middle = o.middle[rng.IntN(len(o.middle))]
	} else if rng.IntN(4) == 0 {
		pt.Middle = o.given[rng.IntN(len(o.given))]
	}
	pt.BirthDate = fmt.Sprintf("%04d-%02d-%02d", 1940+rng.IntN(65), 1+rng.IntN(12), 1+rng.IntN(28))
	return pt
}

func variant(rng *rand.Rand, o origin, w string) string {
	if vs, ok := o.variants[w]; ok && rng.IntN(2) == 0 {
		return vs[rng.IntN(len(vs))]
	}
	return w
}

// Records returns the records of person i.
func (p Population) Records(i int) []Labelled {
	pt := p.Person(i)
	rng := rand.New(rand.NewPCG(p.Seed^0xabcdef, uint64(i)))
	o := origins[pt.Origin]
	n := 1 + rng.IntN(2*max(p.RecordsPerPerson, 1)-1)
	sources := []string{"police", "visa", "partner-warnings", "border-crossings", "telecom", "police-stops"}
	out := make([]Labelled, 0, n)
	for r := 0; r < n; r++ {
		given, family := variant(rng, o, pt.Given), variant(rng, o, pt.Family)
		words := []string{given}
		if pt.Middle != "" && rng.IntN(2) == 0 {
			words = append(words, pt.Middle)
		}
		words = append(words, family)
		name := strings.Join(words, " ")
		switch rng.IntN(6) {
		case 0:
			name = strings.ToUpper(family) + ", " + given
		case 1:
			rs := []rune(name)
			if len(rs) > 5 {
				j := 1 + rng.IntN(len(rs)-2)
				rs[j], rs[j+1] = rs[j+1], rs[j]
			}
			name = string(rs)
		}
		props := map[string][]string{"name": {name}}
		switch rng.IntN(5) {
		case 0: // no date
		case 1:
			props["birthDate"] = []string{pt.BirthDate[:4]}
		default:
			props["birthDate"] = []string{pt.BirthDate}
		}
		if rng.IntN(4) == 0 {
			props["passportNumber"] = []string{fmt.Sprintf("X%07d", i)}
		}
		src := sources[rng.IntN(len(sources))]
		out = append(out, Labelled{
			Record:  store.Incoming{Source: src, ID: fmt.Sprintf("%s-%d", pt.ID, r), Schema: "Person", Properties: props},
			Cluster: pt.ID,
		})
	}
	return out
}

// Query returns a noisy lookup for person i: a variant spelling, often
// with the date of birth, as an officer would type it.
func (p Population) Query(i int) Query {
	pt := p.Person(i)
	rng := rand.New(rand.NewPCG(p.Seed^0x5151, uint64(i)))
	o := origins[pt.Origin]
	name := variant(rng, o, pt.Given) + " " + variant(rng, o, pt.Family)
	noise := "variant"
	if rng.IntN(3) == 0 {
		name = strings.ToLower(variant(rng, o, pt.Family) + " " + pt.Given)
		noise = "reordered"
	}
	if rng.IntN(5) != 0 { // four queries in five know the date of birth
		name += " born " + pt.BirthDate
		noise += "+dob"
	}
	return Query{Text: name, Want: pt.ID, Noise: noise}
}
