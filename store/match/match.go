// Package match scores whether two descriptions of a person are the same
// person: names (through store/names), dates of birth, identifiers,
// nationality, gender, place of birth and address.
//
// The score is built like OpenSanctions' logic-v2: the name gives the base,
// positive evidence (a date of birth, an identifier) raises it, and
// qualifiers (a conflicting date of birth or identifier, another gender or
// nationality) pull it down. A strong identifier (passport, national id,
// tax number, e-mail) carries a weak name; a conflicting one outweighs a
// good name. The weights are fixed so that the threshold means the same for
// every query: at the default 0.70, two ordinary full names spelt alike
// match on the name alone, a common name needs a date of birth or an
// identifier, and one common token never matches.
package match

import (
	edlib "github.com/hbollon/go-edlib"

	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vigie/vigie/store/names"
)

// Identifier is an identifying number or address of a person. Kind is one of
// passport, national_id, tax, licence, phone, email, plate, other.
type Identifier struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// Person is what the scorer knows of one person. Build it with
// FromProperties (from FtM properties) or as a literal; Prepare it once when
// it will be compared many times.
type Person struct {
	Names []string
	// WeakNames are weak aliases (FtM weakAlias: a nom de guerre, "Abu
	// Ali", a nickname shared by many): compared like names, but a name
	// agreeing only through one counts WeakNameFactor of its similarity.
	WeakNames     []string
	BirthDates    []string
	Identifiers   []Identifier
	Nationalities []string
	Genders       []string
	Places        []string
	Addresses     []string
	// Fathers are the names of the person's father (FtM fatherName):
	// two records that name two fathers are two people.
	Fathers []string
	// Countries are the countries a source ties the person to without
	// saying how (FtM country: where a politician holds office, where a
	// wanted man is sought). Two records tied to no country in common,
	// by these or by nationality, are not one person on a name alone.
	Countries []string
	// Positions are the offices a source says the person holds or held
	// (FtM position: "Governor of Borno State"). The same office named
	// on both sides backs a name as a year of birth does.
	Positions []string
	// NamePart says which part of a name the record gives when it gives
	// one only: "given" (a first name and no surname) or "surname"; ""
	// otherwise. A given name alone and a surname alone say nothing of
	// each other: Jaes and Cox are not two names that disagree.
	NamePart string
	// Individual says the names are an individual's (an FtM Person), whose
	// fuller name may tell a father from a son (fullerNamesDisagree); a
	// company's fuller name adds a legal form or a country.
	Individual bool
	// Sanctioned says a government's sanctions list names the person (an
	// FtM topic "sanction"): few people are, and two such entries of one
	// common name are one person far more often than an entry and any
	// other record of it.
	Sanctioned bool

	prep *prepared
}

type prepared struct {
	names []names.Name
	// han holds, for each name written in Chinese characters or read from
	// them, their syllables (names.HanSounds); "" for any other.
	han []string
	// strong is the number of names that are not weak aliases (they come
	// first in names).
	strong int
	// longer holds, for a strong name i, the strong names of the person
	// that hold every word of it and more (longerNames); nil when none.
	longer [][]int
	dates  []Date
	ids    []Identifier // normalised, empty values dropped
	nats   []string
	gender string
	places []place
	addrs  [][]string
	// fathers are the parsed names of the person's father.
	fathers []names.Name
	// countries are the nationalities and the countries, as codes.
	countries []string
	// positions are the words of each office held (see officeWords).
	positions [][]string
}

// Limits on what one comparison looks at.
const (
	// MaxNames is the number of distinct names of a person compared with
	// every name of another. A list naming a person in each of the
	// European Union's languages and several scripts gives twenty or
	// thirty: the names past MaxNames (up to 4×MaxNames) are compared only
	// with names sharing a word with them (names.Name.SharesWord), which
	// bounds the work on such records without losing the spelling another
	// source chose.
	MaxNames = 12
	// WeakNameFactor scales the similarity of a name agreeing only
	// through a weak alias: alone it is no match; with a date of birth it
	// may be.
	WeakNameFactor = .7
	maxDates       = 6
	maxFathers     = 4
	maxCountries   = 8
	// maxPositions bounds the offices compared; minOfficeWords is the
	// fewest words an office must name to tell one (Member of
	// Parliament, Senator name thousands).
	maxPositions   = 6
	minOfficeWords = 3
	maxIDs         = 24
)

// Prepare parses the person's names, dates and identifiers once, so that
// later comparisons of p are cheap. Comparing an unprepared Person works
// but parses it every time.
func Prepare(p Person) Person { return prepare(p, nil) }

// prepare is Prepare reading names through memo (nil: none).
func prepare(p Person, memo *NameMemo) Person {
	if p.prep != nil {
		return p
	}
	pr := &prepared{}
	seen := map[string]bool{}
	add := func(pn names.Name, han string) {
		// One name with and without Jr. or Sr. is two: the suffix tells
		// a father from his son (GenerationsApart) and a query for one.
		key := pn.String()
		if pn.Generation != "" {
			key += "\x00" + pn.Generation
		}
		if pn.Empty() || seen[key] || len(pr.names) == 4*MaxNames {
			return
		}
		seen[key] = true
		pr.names = append(pr.names, pn)
		pr.han = append(pr.han, han)
	}
	addNames := func(ns []string) {
		for _, n := range ns {
			if len(pr.names) == 4*MaxNames {
				return
			}
			r := memo.read(n)
			for _, f := range r.forms {
				add(f, r.han)
			}
		}
	}
	addNames(p.Names)
	pr.strong = len(pr.names)
	addNames(p.WeakNames)
	if pr.strong == 0 {
		pr.strong = len(pr.names) // nothing but weak aliases: they are its names
	}
	if p.Individual {
		pr.longer = longerNames(pr.names[:pr.strong])
	}
	for _, d := range p.BirthDates {
		if dt, ok := ParseDate(d); ok && !slices.Contains(pr.dates, dt) && len(pr.dates) < maxDates {
			pr.dates = append(pr.dates, dt)
			continue
		}
		// "1965-1967", "between 1960 and 1962": each year of the range.
		for _, y := range YearRange(d) {
			if dt := (Date{Year: y}); !slices.Contains(pr.dates, dt) && len(pr.dates) < maxDates {
				pr.dates = append(pr.dates, dt)
			}
		}
	}
	for _, id := range p.Identifiers {
		v := NormalizeIdentifier(id.Kind, id.Value)
		if v == "" || len(pr.ids) == maxIDs {
			continue
		}
		nid := Identifier{Kind: id.Kind, Value: v}
		if !slices.Contains(pr.ids, nid) {
			pr.ids = append(pr.ids, nid)
		}
	}
	for _, c := range p.Nationalities {
		if c = countryCode(c); c != "" && !slices.Contains(pr.nats, c) {
			pr.nats = append(pr.nats, c)
		}
	}
	for _, g := range p.Genders {
		if g = gender(g); g != "" {
			if pr.gender != "" && pr.gender != g {
				pr.gender = "" // the sources disagree: say nothing
				break
			}
			pr.gender = g
		}
	}
	for _, pl := range p.Places {
		if p := newPlace(pl); p.whole != "" && len(pr.places) < 4 {
			pr.places = append(pr.places, p)
		}
	}
	codes := pr.nats
	for _, c := range p.Countries {
		if c = countryCode(c); c != "" && !slices.Contains(codes, c) {
			codes = append(codes[:len(codes):len(codes)], c)
		}
	}
	if len(codes) > 0 {
		// The country of birth ties a record to a country too (Denis
		// Pushilin, born in Makiivka, Ukraine, listed under ru by one
		// list and ua by another); only beside a country the record
		// gives, so that it keeps records together and never parts them.
		for _, pl := range p.Places {
			if c := birthCountry(pl); c != "" && !slices.Contains(codes, c) {
				codes = append(codes[:len(codes):len(codes)], c)
			}
		}
	}
	for _, c := range codes {
		for _, c := range []string{c, sovereignOf[c]} {
			if c != "" && !slices.Contains(pr.countries, c) && len(pr.countries) < maxCountries {
				pr.countries = append(pr.countries, c)
			}
		}
	}
	for _, f := range p.Fathers {
		if fn := names.Parse(f); !fn.Empty() && len(pr.fathers) < maxFathers {
			pr.fathers = append(pr.fathers, fn)
		}
	}
	for _, a := range p.Addresses {
		if toks := strings.Fields(names.Normalize(a)); len(toks) > 0 && len(pr.addrs) < 4 {
			pr.addrs = append(pr.addrs, toks)
		}
	}
	for _, o := range p.Positions {
		if ws := officeWords(o); len(ws) >= minOfficeWords && !seat(ws) && len(pr.positions) < maxPositions {
			pr.positions = append(pr.positions, ws)
		}
	}
	p.prep = pr
	return p
}

// ParsedNames returns the person's distinct parsed names (at most 4×MaxNames).
func (p Person) ParsedNames() []names.Name { return Prepare(p).prep.names }

// Options tune a comparison.
type Options struct {
	// Threshold is the score at or above which two persons match.
	Threshold float64
	// Weights weighs name tokens by how much they identify; nil uses
	// names.DefaultWeights. The resolver passes the token frequencies of
	// the store.
	Weights names.Weights
	// Brief leaves Evidence and Features empty: entity resolution reads
	// only the score and the flags, thousands of times a second.
	Brief bool
}

// DefaultOptions returns a threshold of 0.70 and the default name weights.
func DefaultOptions() Options { return Options{Threshold: .70} }

// Feature is one piece of evidence and its contribution to the score.
type Feature struct {
	Name   string  `json:"feature"`
	Score  float64 `json:"score"`
	Detail string  `json:"detail,omitempty"`
}

// Result is the outcome of a comparison.
type Result struct {
	// Score is in [0, 1].
	Score float64 `json:"score"`
	// Match is Score ≥ the threshold.
	Match bool `json:"match"`
	// Evidence is the human explanation, strongest first:
	// "name 0.96", "DOB exact", "passport exact", "DOB conflict".
	Evidence []string `json:"evidence"`
	// Features are the contributions that make up Score.
	Features []Feature `json:"features"`
	// Name is the name similarity alone.
	Name float64 `json:"name"`
	// Conflict is set when a date of birth, a document number, the gender,
	// the patronymic or the generation (Jr., Sr.) disagrees: evidence the
	// two are different people.
	Conflict bool `json:"conflict"`
	// Corroborated is set when something besides the name agrees: a date
	// of birth (at least its year), an identifier, a full address.
	// Entity resolution merges on the name alone only for long names.
	Corroborated bool `json:"corroborated"`
	// Disagreeing is set when both sides give a full address, an e-mail
	// or a phone and none of them agrees, or nationalities and none is
	// shared: nothing conflicts (people move, change numbers, hold
	// several passports), but a name alone must not make them one.
	Disagreeing bool `json:"disagreeing,omitempty"`
	// Strong is set when something that identifies one person agrees
	// besides the name: a document, a full date of birth (exact, swapped
	// or a slip away), a full address or an e-mail. A year of birth or a
	// town is weak.
	Strong bool `json:"-"`
	// Kin is set when the conflict is the records' naming two fathers
	// (two patronymics, two fathers' names) or two generations: said by
	// the sources in words, not a slip of a date or a second passport.
	// Resolution sets it too for two entries of one published list.
	Kin bool `json:"-"`
	// NameSpelled is set when the best pair of names differs in spelling
	// only (see names.Score.Spelled).
	NameSpelled bool `json:"-"`
	// NameSyllables is set when the best pair of names is two names of
	// words of five letters or fewer — syllables, as Korean, Chinese,
	// Burmese and Vietnamese names are made of — that spelling alone
	// cannot tell one: every word another spelling and none written alike
	// (Ri Chang Ho, Li Cheng He), or a name of one or two such words
	// spelled alike in one of a word more (Than Shwe, Than Than Swe).
	NameSyllables bool `json:"-"`
	// NameCommon is set when the shorter name of the best pair, what the
	// two share, is made of the commonest words only (names.CommonName):
	// Nguyen Van Hung, Muhammad bin Abdullah.
	NameCommon bool `json:"-"`
	// NamePopular is NameCommon with the regional lists of long names'
	// words too (names.PopularName): Jesús Torres Sánchez.
	NamePopular bool `json:"-"`
	// DOBOneSided is set when one record gives a date of birth and the
	// other none.
	DOBOneSided bool `json:"-"`
	// BothSanctioned is set when both records are sanctions entries
	// (Person.Sanctioned).
	BothSanctioned bool `json:"-"`
	// NameTokens is the number of words of the shorter name compared, and
	// NameExtra how many more the longer one holds.
	NameTokens, NameExtra int `json:"-"`
	// PlaceSame is set when the places of birth agree, PlaceApart when
	// every pair of them names two localities (placesApart).
	PlaceSame, PlaceApart bool `json:"-"`
	// NameApart is set when a word of the best pair's shorter name has no
	// counterpart in the longer (García Mendoza, García Restrepo).
	NameApart bool `json:"-"`
	// NameTruncated is set when the shorter name is the longer one cut
	// before its last word (see names.Truncated).
	NameTruncated bool `json:"-"`
	// NameScripts is set when the best pair of names is written in two
	// scripts, one of them not Latin letters, or two others.
	NameScripts bool `json:"-"`
	// DOB says how the dates of birth agree: "" (one side has none),
	// "conflict", "close", "near", "year", "swapped" or "exact".
	DOB string `json:"-"`
	// DOBWeeks is set when DOB is "near" only for full dates of birth a
	// few weeks apart, with no typo between them.
	DOBWeeks bool `json:"-"`
	// DOBSlip is set when the dates of birth agree only a slip apart: a
	// digit, weeks, a year (DOB "close" or "near", or "year" for a year
	// of birth a year out).
	DOBSlip bool `json:"-"`
	// Backed is set when an identifier or a full address agrees: evidence
	// besides the name and the date of birth, which namesakes share less.
	Backed bool `json:"-"`
	// Held is set when something one person holds agrees: a document, an
	// e-mail or a phone number — not the address a household shares.
	Held bool `json:"-"`
	// HomeOnly is set when Strong is set for a full address in common
	// alone: what a household's members share.
	HomeOnly bool `json:"-"`
}

// scale maps the evidence sum onto [0, 1] so that 0.70 is the boundary
// measured on the development sets (see store/quality).
const scale = 1.18

// strong identifier kinds identify one person; weak ones (phone, plate) are
// shared by households and fleets.
var strongKinds = map[string]bool{"passport": true, "national_id": true, "tax": true, "licence": true}

// kinChecks are what tells a father from a son of one name in two
// records' names (see Compare).
var kinChecks = [...]struct {
	apart          func(as, bs []names.Name) bool
	what, evidence string
}{{names.FathersApart, "patronymic", "patronymic conflict"}, {names.GenerationsApart, "generation", "generation conflict"},
	{names.SurnamesApart, "second surname", "second surname conflict"}}

// KinPenalty is what a kin conflict takes off a score (Compare subtracts
// .3 from the evidence, before scale).
const KinPenalty = .3 * scale

// SaysKin reports whether p's names say a generation (Sr., Jr.) or a
// patronymic, which KinApart reads.
func (p Person) SaysKin() bool { return names.SaysKin(p.ParsedNames()) }

// KinApart reports whether the names of q and those of ps taken together,
// the records of one subject, say two relatives by their generations or
// their fathers: a lookup for Dragan Petrović Sr. and a subject that one
// record names Dragan Petrović Jr. and another Dragan Petrović. Compare
// reads each record alone, and the second record says nothing to it; the
// subject's whole says Jr. Two surnames before a comma are not read here:
// a query typed with a slip in the second (SHAH EV for SHAH DEV) is not
// another mother's son. It returns the evidence Compare gives.
func KinApart(q Person, ps []Person) (string, bool) {
	var all []names.Name
	for _, p := range ps {
		all = append(all, p.ParsedNames()...)
	}
	qn := q.ParsedNames()
	switch {
	case names.GenerationsApart(qn, all):
		return "generation conflict", true
	case names.FathersApart(qn, all):
		return "patronymic conflict", true
	}
	return "", false
}

// wordWritten reports whether two names of three words or more of pa and
// pb, one of each, meet word for word, none disagreeing: both records
// write the middle word, as a name or an initial (Alexander I. Macleod,
// Alexander Iain Macleod), though another pair of their names met better
// without it (a register's first and last names put together, Alexander
// Macleod).
func wordWritten(pa, pb *prepared, w names.Weights) bool {
	for _, x := range pa.names[:pa.strong] {
		for _, y := range pb.names[:pb.strong] {
			if len(x.Tokens) >= 3 && len(x.Tokens) == len(y.Tokens) {
				if s := names.Similarity(x, y, w); s.Different == 0 && s.Value >= .9 {
					return true
				}
			}
		}
	}
	return false
}

// shortWords reports whether every word of n has five letters or fewer.
func shortWords(n names.Name) bool {
	for _, t := range n.Tokens {
		if utf8.RuneCountInString(t) > 5 {
			return false
		}
	}
	return len(n.Tokens) > 0
}

// sameFullDate reports whether a and b share a full date (day, month and
// year).
func sameFullDate(a, b []Date) bool {
	for _, x := range a {
		if x.Day > 0 && x.Month > 0 && !x.Ambiguous && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// longerNames returns, for each name of ns, the names of ns that hold every
// word of it and more (Ismael Zambada García for Ismael Zambada); nil
// when no name has one.
func longerNames(ns []names.Name) [][]int {
	var out [][]int
	for i, short := range ns {
		for j, long := range ns {
			if len(long.Tokens) > len(short.Tokens) && holdsWords(long.Tokens, short.Tokens) {
				if out == nil {
					out = make([][]int, len(ns))
				}
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// holdsWords reports whether long holds every word of short.
func holdsWords(long, short []string) bool {
	for _, w := range short {
		if !slices.Contains(long, w) {
			return false
		}
	}
	return true
}

// fullerNamesDisagree is the similarity s of the names i of pa and j of
// pb, unless one of them is a short form of a fuller name of its person
// that disagrees with the other name in a word: then it is that fuller
// pair's. A list that names Ismael Zambada García also as Ismael Zambada
// says no more with the short form than with the full one, and Ismael
// Zambada Sicairos, his son, disagrees with the full one in the second
// surname; the short alias would hide it.
func fullerNamesDisagree(pa, pb *prepared, i, j int, s names.Score, w names.Weights) names.Score {
	check := func(p *prepared, k int, other names.Name) {
		if p.longer == nil || k >= len(p.longer) {
			return
		}
		for _, l := range p.longer[k] {
			if f := names.Similarity(other, p.names[l], w); f.Different > 0 && f.Value < s.Value {
				s = f
				s.Explanation += ", a fuller name disagrees"
			}
		}
	}
	check(pb, j, pa.names[i])
	check(pa, i, pb.names[j])
	if pa.longer != nil && pb.longer != nil && i < len(pa.longer) && j < len(pb.longer) {
		// Both short (Vicente Carrillo, an alias of Vicente Carrillo Leyva
		// and of Vicente Carrillo Fuentes, his uncle): the fuller names
		// are held to each other.
		for _, l := range pa.longer[i] {
			for _, m := range pb.longer[j] {
				if f := names.Similarity(pa.names[l], pb.names[m], w); f.Different > 0 && f.Value < s.Value {
					s = f
					s.Explanation += ", the fuller names disagree"
				}
			}
		}
	}
	return s
}

// Compare scores whether a and b are the same person.
func Compare(a, b Person, opt Options) Result {
	a, b = Prepare(a), Prepare(b)
	pa, pb := a.prep, b.prep
	var r Result
	add := func(name string, score float64, detail string) {
		if !opt.Brief {
			r.Features = append(r.Features, Feature{Name: name, Score: round(score), Detail: detail})
		}
	}
	say := func(evidence string) {
		if !opt.Brief {
			r.Evidence = append(r.Evidence, evidence)
		}
	}

	// Name: the best pair of names. Born the same day, two records that
	// name a person by a short form and by a fuller one are not held to
	// the fuller (fullerNamesDisagree), nor is a name read as the other's
	// father's (names.Score.Father): relatives are not born the same
	// day, and sources write a chain of Arabic names each their way
	// (Khalil Ahmad Haqqani, Khalil al-Rahman Haqqani).
	sameDay := sameFullDate(pa.dates, pb.dates)
	ns, nd, ndiff, spelled, exact := 0.0, "", 0, false, 0
	var bestX, bestY names.Name // the best pair, read below for its words' places
	hanApart := false           // a pair in Chinese characters was passed over
names:
	for i, x := range pa.names {
		for j, y := range pb.names {
			if (i >= MaxNames || j >= MaxNames) && !x.SharesWord(y) {
				continue
			}
			if pa.han[i] != "" && pb.han[j] != "" && !names.ShareSound(pa.han[i], pb.han[j]) {
				hanApart = true
				continue // two names in Chinese characters, none in common, whatever their readings
			}
			s := names.Similarity(x, y, opt.Weights)
			if sameDay {
				s = s.WithoutFather() // a father and his son are not born the same day
			}
			if i >= pa.strong || j >= pb.strong {
				s.Value, s.Explanation = s.Value*WeakNameFactor, s.Explanation+", weak alias"
			}
			if s.Value > ns && !sameDay {
				s = fullerNamesDisagree(pa, pb, i, j, s, opt.Weights)
			}
			if s.Value > ns {
				ns, nd, ndiff, spelled, exact = s.Value, s.Explanation, s.Different, s.Spelled, s.Exact
				r.NameTokens = min(len(x.Tokens), len(y.Tokens))
				r.NameExtra = max(len(x.Tokens), len(y.Tokens)) - r.NameTokens
				bestX, bestY = x, y
				r.NameScripts = !x.Latin() || !y.Latin()
				if ns >= 1 {
					break names
				}
			}
		}
	}
	if nd == "" && hanApart {
		nd = "no Chinese character in common"
	}
	r.Name, r.NameSpelled, r.NameApart = round(ns), spelled, ndiff > 0
	r.NameSyllables = spelled && shortWords(bestX) && shortWords(bestY) &&
		(exact == 0 || r.NameExtra == 1 && r.NameTokens <= 2)
	shorter := bestX
	if len(bestY.Tokens) < len(bestX.Tokens) {
		shorter = bestY
	}
	r.NameCommon = names.CommonName(shorter)
	r.NamePopular = r.NameCommon || names.PopularName(shorter)
	r.DOBOneSided = (len(pa.dates) > 0) != (len(pb.dates) > 0)
	r.BothSanctioned = a.Sanctioned && b.Sanctioned
	// Whether the best pair's shorter name is the longer cut before its
	// last word, or lacks a word inside it: once, for the pair kept.
	if r.NameExtra > 0 {
		r.NameTruncated = names.Truncated(bestX, bestY) || names.Truncated(bestY, bestX)
	}
	// middle says whether the best pair's longer name adds a word inside
	// the shorter's, or before it; asked only where a home is shared (a
	// lookup's query gives none).
	middle := func() bool {
		return r.NameExtra > 0 && (names.MiddleAdded(bestX, bestY) || names.MiddleAdded(bestY, bestX) ||
			names.FirstAdded(bestX, bestY) || names.FirstAdded(bestY, bestX)) &&
			!wordWritten(pa, pb, opt.Weights)
	}
	score := .8 * ns
	haveName := len(pa.names) > 0 && len(pb.names) > 0 &&
		!(a.NamePart != "" && b.NamePart != "" && a.NamePart != b.NamePart)
	if haveName {
		add("name", .8*ns, nd)
		if !opt.Brief {
			say(fmt.Sprintf("name %.2f (%s)", ns, nd))
		}
		if ndiff > 0 && ns > 0 {
			// A word of one name has no counterpart in the other: John /
			// Jane Smith, or twins. Other evidence must not carry it alone.
			score -= .25
			add("name", -.25, "a name word disagrees")
			say("name word disagrees")
		}
	} else {
		// One side gives no name (a query by passport number): neither for
		// nor against; the other evidence decides.
		score = .45
		add("name", score, "no name to compare")
	}

	// Identifiers.
	strongMatch, idScore, otherNumber := false, 0.0, false
	contactsDiffer, contactsAgree, contactExact, mailClose := false, false, false, false
	heldExact := false // a phone or an e-mail the same
	for _, kind := range kindsOf(pa.ids, pb.ids) {
		agreement := compareIDs(pa.ids, pb.ids, kind)
		if agreement == "conflict" && lifelong[kind] {
			if sameForm(pa.ids, pb.ids, kind) {
				otherNumber = true // two people, unless more ties them (below)
			} else if sameBirthday(pa.dates, pb.dates) {
				// Two numbers of two forms in one field (FtM's idNumber
				// holds a Swedish personnummer in one register, the
				// migration agency's case number in another) beside the
				// same full date of birth: two documents, not two people.
				agreement = "of two forms"
			}
		}
		var s float64
		switch agreement {
		case "exact":
			if kind == "email" || kind == "phone" {
				contactsAgree = true
			}
			if kind == "email" {
				contactExact = true
			}
			if kind == "email" || kind == "phone" {
				heldExact = true
			}
			switch {
			case kind == "email":
				s = .3 // strong, but households share one: never carries a name alone
			case strongKinds[kind]:
				strongMatch = true
				s = .3
			default:
				s = .1
			}
			r.Corroborated, r.Backed = true, true
		case "near":
			s = .08
			r.Corroborated, r.Backed = true, true
			if kind == "email" || kind == "phone" {
				contactsAgree = true
			}
		case "shared":
			// info@, contact@: an organisation's mailbox, read by many.
			s = .03
		case "close", "of two forms":
			s = 0
			if kind == "email" {
				mailClose = true
			}
		case "conflict":
			if strongKinds[kind] && kind != "email" {
				s = -.3
				r.Conflict = true
			}
			if kind == "email" || kind == "phone" {
				contactsDiffer = true
			}
		}
		if s != 0 || agreement == "conflict" || agreement == "close" || agreement == "of two forms" {
			idScore += s
			if agreement == "shared" {
				agreement = "same, a shared mailbox"
			}
			add(kind, s, agreement)
			say(kind + " " + agreement)
		}
	}
	if strongMatch && haveName && (ns >= .3 || heldExact) {
		// A document number in common carries a weak name, never a
		// completely different one on its own; with a phone number or an
		// e-mail address in common as well, it does: two things one
		// person holds, both the same, under the nickname a telecom
		// operator registered (BENI for Besnik Gjoka, HAMIDO for
		// Abdelhamid Ouali).
		score = math.Max(score, .5)
	}
	if heldExact && haveName && ns < .6 && kunyaOfFather(pa, pb) {
		// Abu Saleh, the name a telecom operator or a remitter gave,
		// and Abdullah Saleh al-Amri, both with one phone: an eldest son
		// is named after his father's father, so a man is called by his
		// own father's name. The phone must be the same; a kunya alone
		// fits too many men.
		score = .6
		add("name", .6, "a kunya naming the other's father")
		say("kunya of the father's name")
	}
	score += math.Min(idScore, .45)

	// Dates of birth.
	da, partial, typo := dateNone, false, false
	for _, x := range pa.dates {
		for _, y := range pb.dates {
			g := compareDates(x, y)
			if g > da {
				da, partial = g, x.Day == 0 || y.Day == 0
			}
			typo = typo || g == dateNear && !weeksApart(x, y)
		}
	}
	r.DOBWeeks = da == dateNear && !typo
	if da == dateConflict && onlyYears(pa.dates) && onlyYears(pb.dates) && yearsApart(pa.dates, pb.dates) < generationGap {
		// Years of birth alone, a few apart: lists that know only a year
		// give one approximately, and two sources give two (Iyad Ag Ghaly,
		// 1954 and 1958). They neither back nor refute one person; the
		// name must, as when no date is given.
		da = dateNone
	}
	if da == dateConflict && (strongMatch || contactExact) && yearsApart(pa.dates, pb.dates) <= 1 {
		// A document or an e-mail in common with dates of birth within a
		// year of each other: a clerk's slip is likelier than two people.
		da = dateClose
	}
	if da != dateNone {
		s := map[dateAgreement]float64{dateConflict: -.3, dateClose: -.06, dateNear: .04, dateYear: .03, dateSwapped: .1, dateExact: .15}[da]
		r.DOB = dateCodes[da]
		r.DOBSlip = da == dateNear || da == dateClose
		if partial && da == dateNear {
			// A year of birth a year out, or a month of birth that is
			// another month, says less than the same year: no bonus
			// (1971-03 against 1971-04-02 scored above 1971-03-02).
			s, r.DOB = 0, dateCodes[dateYear]
		}
		score += s
		r.Conflict = r.Conflict || da == dateConflict
		r.Corroborated = r.Corroborated || da >= dateYear || (da == dateNear && ns >= .8 || da == dateClose && ns >= .9)
		add("birthDate", s, dateWords[da])
		say(dateWords[da])
	}

	// Addresses: a full address in common is strong, a town weak.
	addrFull, addrDiffer, town := false, false, false
	if len(pa.addrs) > 0 && len(pb.addrs) > 0 {
		best, full := 0.0, false
		for _, x := range pa.addrs {
			for _, y := range pb.addrs {
				o := tokenOverlap(x, y)
				f := len(x) >= 3 && len(y) >= 3
				if o > best || o == best && f {
					best, full = o, f
				}
			}
		}
		switch {
		case full && best >= .7:
			s := .15 * best
			score += s
			addrFull = true
			r.Corroborated, r.Backed = true, true
			if !opt.Brief {
				add("address", s, fmt.Sprintf("%.0f%% of words shared", best*100))
			}
			say("address same")
		case best >= .99:
			score += .03
			add("address", .03, "same town")
			say("address town")
			town = true
		case full && best < .5:
			addrDiffer = true
		}
	}
	if town && (da == dateNear && ns >= .7 || da == dateClose && ns >= .8) ||
		mailClose && (da == dateNear || da == dateClose) && ns >= .7 {
		// A date of birth a slip away and the same town, or an e-mail two
		// letters away, back a name that agrees less than the date alone
		// would need.
		r.Corroborated = true
	}
	// Two independent strong agreements identify a person whatever the
	// name says: a document number with the date of birth or the address,
	// or the date of birth with the full address and a name not unlike.
	if strongMatch && (da == dateExact || addrFull) {
		score = math.Max(score, .8)
	}
	if da == dateExact && addrFull && ns >= .5 {
		score = math.Max(score, .75)
	}

	// Gender, nationality, place of birth, address.
	if pa.gender != "" && pb.gender != "" && pa.gender != pb.gender {
		score -= .15
		r.Conflict = true
		add("gender", -.15, "conflict")
		say("gender conflict")
	}
	// Two patronymics, two fathers (a son named after his father's
	// namesake, a statesman of another century); Junior and Senior on
	// names of the two records, father and son however one of them is also
	// written without it: each as strong against as a document that
	// differs.
	kinApart := false
	for _, kin := range kinChecks {
		if haveName && kin.apart(pa.names, pb.names) {
			score -= .3
			r.Conflict, r.Kin, kinApart = true, true, true
			add(kin.what, -.3, "conflict")
			say(kin.evidence)
		}
	}
	if !kinApart && len(pa.fathers) > 0 && len(pb.fathers) > 0 && names.FatherNamesApart(pa.fathers, pb.fathers, opt.Weights) {
		// Two fathers named: two sons of one name (Pakistan's and India's
		// lists name each man with his father's name). A patronymic in
		// the names has said so already.
		score -= .3
		r.Conflict, r.Kin, kinApart = true, true, true
		add("fatherName", -.3, "conflict")
		say("father's name conflict")
	}
	if !kinApart && haveName && (names.FatherNamedApart(pa.fathers, pb.names) || names.FatherNamedApart(pb.fathers, pa.names)) {
		// One record names the father (Oleh), the other's name carries a
		// patronymic of another (Vitaliy Serhiyovych Melnyk): two sons.
		score -= .3
		r.Conflict, r.Kin = true, true
		add("fatherName", -.3, "conflict")
		say("father's name conflicts with the patronymic")
	}
	natsDiffer := false
	if len(pa.nats) > 0 && len(pb.nats) > 0 {
		natsDiffer = !overlaps(pa.nats, pb.nats)
		if !natsDiffer {
			score += .02
			add("nationality", .02, "same")
			say("nationality same")
		} else {
			score -= .08
			add("nationality", -.08, "conflict")
			say("nationality conflict")
		}
	}
	if len(pa.places) > 0 && len(pb.places) > 0 {
		same, apart := false, true
		for _, x := range pa.places {
			for _, y := range pb.places {
				if samePlace(x, y) {
					same, apart = true, false
				} else if apart {
					apart = localitiesApart(x, y)
				}
			}
		}
		r.PlaceApart = apart
		if same {
			score += .03
			add("birthPlace", .03, "same")
			say("birth place same")
			r.PlaceSame = true
		}
	}
	officeSame := len(pa.positions) > 0 && len(pb.positions) > 0 && sameOffice(pa.positions, pb.positions)
	if officeSame {
		// The same office on both sides (Governor of Borno State, Chief
		// of Staff to the President of Nigeria): the name is the
		// officeholder's, as a year of birth would say.
		score += .03
		r.Corroborated, r.Backed = true, true
		add("position", .03, "same")
		say("position same")
	}
	// The sum above puts the same-person boundary near 0.6; scaling it
	// makes the documented threshold (0.70) that boundary.
	countriesDiffer := !natsDiffer && len(pa.countries) > 0 && len(pb.countries) > 0 && !overlaps(pa.countries, pb.countries)
	if countriesDiffer {
		say("countries differ")
	}
	r.Disagreeing = (addrDiffer || contactsDiffer) && !addrFull && !contactsAgree || natsDiffer || countriesDiffer
	r.Held = strongMatch || contactsAgree
	dated := da == dateExact || da == dateSwapped || da == dateNear && !partial
	r.Strong = r.Held || addrFull || dated
	r.HomeOnly = addrFull && !r.Held && !dated
	r.Score = round(math.Max(0, math.Min(1, score*scale)))
	if !haveName && !strongMatch && da < dateNear && !(contactExact && da == dateClose) {
		// No name on one side: an e-mail, a phone and an address are a
		// household's as much as a person's; only a document or the date
		// of birth makes the record this person (shared values still link
		// them). One e-mail with a date one slip away (a decade digit, a
		// day) is the person: a household's members are born years apart.
		r.Score = math.Min(r.Score, round(opt.Threshold-.05))
	}
	if addrFull && da == dateNone && !strongMatch && !contactsAgree && !officeSame && middle() {
		// One home and a name with a middle word more (Mehmed Yilmaz,
		// Mehmed Can Yilmaz, at one address): a father and the son named
		// after him as often as one man written short, with no date to
		// tell them. So with a first word more (Abdirahman Warsame, Hodan
		// Abdirahman Warsame): a father and the daughter named by him.
		r.Score = math.Min(r.Score, round(opt.Threshold-.05))
	}
	if ndiff > 0 && ns > 0 && !strongMatch {
		// A name word with no counterpart (Mark / Marsha Kusha, twins at
		// one address with one e-mail): only a document in common makes
		// them one.
		r.Score = math.Min(r.Score, round(opt.Threshold-.05))
	}
	if gap := yearsApart(pa.dates, pb.dates); da <= dateClose && da != dateNone && !strongMatch && gap >= generationGap && !decadeSlip(pa.dates, pb.dates, da, gap, heldExact) {
		// Born years apart (and not a decade digit mistyped), with no
		// document in common: a parent and a child at one address with one
		// e-mail, never one person — unless decadeSlip reads one date
		// written a decade out (with a phone or an e-mail in common, any
		// date nine to eleven years out: Splink's Eliza Taylor, 1983-12-15
		// and 1993-02-08). When a full date says so, the score
		// falls below what entity resolution reads as a conflict outweighed
		// (its merge floor, 0.6): two Kim Yong Chols, born 1946 and on
		// 1962-02-18, one name in three words, are no evidence for a merge.
		// Years alone on both sides are sources' guesses (1945, and
		// 1955-1958 elsewhere, for one Taliban minister) and stay at the
		// threshold's edge.
		cap := opt.Threshold - .05
		if !onlyYears(pa.dates) || !onlyYears(pb.dates) {
			cap = opt.Threshold - .15
		}
		r.Score = math.Min(r.Score, round(cap))
		say("born years apart")
		if da == dateClose {
			// Two full dates two digits apart but a generation out
			// (1950-06-05, 1981-06-05): no slip, two people — a
			// conflict, as any other date that far out is.
			r.Conflict = true
		}
	}
	if otherNumber && !r.Strong {
		// Two numbers of one form where a person holds one for life (a
		// national identity number, a tax number: two Kenyan identity
		// cards of eight digits), at least three digits apart, and
		// nothing else that identifies in common: two people, whatever
		// the name — Moses Okello of a telecom and Moses Okello of a bank
		// are namesakes. As with dates a generation apart, the score
		// falls below what resolution reads as a conflict outweighed. A
		// passport is renewed under another number; a document, a phone,
		// a home or a full date of birth in common says a clerk mistyped
		// the number (FEBRL's soc_sec_id, three digits out) or wrote
		// another document in its field: those stay a conflict
		// outweighed by more.
		r.Score = math.Min(r.Score, round(opt.Threshold-.15))
		say("another number of one form")
	}
	r.Match = r.Score >= opt.Threshold
	return r
}

// sameBirthday reports whether a full date of birth (a day) is on both
// sides.
func sameBirthday(a, b []Date) bool {
	for _, x := range a {
		if x.Day > 0 && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// lifelong are the kinds of identifier a person holds one number of for
// life, unlike a passport or a phone.
var lifelong = map[string]bool{"national_id": true, "tax": true}

// sameForm reports whether some identifier of kind on one side has the
// form of one on the other: as long, and both of digits alone or both
// with letters among them (a country's identity numbers, not a tax number
// beside them). Only numbers of six characters or more say anything.
func sameForm(a, b []Identifier, kind string) bool {
	for _, x := range a {
		if x.Kind != kind || len(x.Value) < 6 {
			continue
		}
		for _, y := range b {
			if y.Kind == kind && len(y.Value) == len(x.Value) && digitsOnly(x.Value) == digitsOnly(y.Value) {
				return true
			}
		}
	}
	return false
}

func digitsOnly(v string) bool {
	return strings.IndexFunc(v, func(c rune) bool { return c < '0' || c > '9' }) < 0
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

// generationGap is the difference in years of birth from which two
// people, whatever else they share, are not taken for one without a
// document in common.
const generationGap = 5

// yearsApart is the least difference between the years of birth of a and
// b.
// decadeSlip says whether dates of birth years apart may be one date
// written a decade out: two full dates within a season of each other once
// one is moved ten years (1982-10-12, 1992-09-11: a decade digit and a
// day or a month mistyped, or misremembered), or a year given alone that
// differs from the other's in its tens digit only (1945, 1955). Two full
// dates eleven years and eight months apart (1951-01-11, 1962-09-10) are
// two people. gap is the dates' yearsApart; contact says a phone or an
// e-mail is held in common, with which nine to eleven years apart are no
// parent and child.
func decadeSlip(a, b []Date, da dateAgreement, gap int, contact bool) bool {
	if (da == dateClose || contact) && gap >= 9 && gap <= 11 {
		return true
	}
	if da == dateClose {
		return false // two digits apart but five years or more: a parent and a child
	}
	for _, x := range a {
		for _, y := range b {
			dy := y.Year - x.Year
			switch {
			case x.Year == y.Year || abs(dy) < 9 || abs(dy) > 11:
			case x.Day == 0 || y.Day == 0:
				if x.Year/100 == y.Year/100 && x.Year%10 == y.Year%10 {
					return true
				}
			default:
				shifted := x
				shifted.Year += 10 * (dy / abs(dy))
				if abs(shifted.dayNumber()-y.dayNumber()) <= decadeSlipDays {
					return true
				}
			}
		}
	}
	return false
}

// decadeSlipDays is how far apart, once moved a decade, two full dates
// may be and still be read as one date written a decade out.
const decadeSlipDays = 92

func yearsApart(a, b []Date) int {
	least := math.MaxInt
	for _, x := range a {
		for _, y := range b {
			least = min(least, abs(x.Year-y.Year))
		}
	}
	return least
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// officeWords are the words of an office as sources write it, without
// what only joins them or dates the tenure: "Prime Minister of Myanmar
// (2004-2007)" is prime minister myanmar; "Acting Minister of Refugees",
// "Governor of Herat Province (former)" the office itself.
func officeWords(o string) []string {
	var ws []string
	for _, w := range strings.Fields(names.Normalize(o)) {
		if full, ok := officeAbbreviations[w]; ok {
			w = full // Min. of Finance, Sec. of Economy: the CIA's World Leaders
		}
		if !officeFiller[w] && strings.Trim(w, "0123456789") != "" && !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	return ws
}

// officeAbbreviations are the short forms lists write offices with, and
// the words they stand for.
var officeAbbreviations = map[string]string{
	"min": "minister", "sec": "secretary", "secy": "secretary", "dep": "deputy", "gov": "governor",
	"pres": "president", "amb": "ambassador", "dir": "director", "gen": "general", "cmdr": "commander",
	"cdr": "commander", "chmn": "chairman", "natl": "national", "dept": "department", "asst": "assistant",
	"govt": "government", "intl": "international", "coord": "coordinating",
}

var officeFiller = map[string]bool{
	"of": true, "the": true, "and": true, "to": true, "for": true, "in": true, "on": true, "at": true,
	"a": true, "an": true, "former": true, "acting": true, "de": true, "du": true, "des": true, "la": true,
	"le": true, "del": true, "y": true, "e": true,
}

// seat says whether an office is a seat among many (a member of a
// parliament, a council or a party's leadership, a deputy of a Duma): its
// holders share its name, and it tells none of them.
func seat(office []string) bool {
	assembly := slices.ContainsFunc(office, func(w string) bool { return assemblyWords[w] })
	return slices.ContainsFunc(office, func(w string) bool { return seatWords[w] || w == "deputy" && assembly })
}

var (
	seatWords = map[string]bool{
		"member": true, "members": true, "mp": true, "councillor": true, "councilor": true, "delegate": true,
		"legislator": true, "lawmaker": true, "deputies": true, "representative": true,
	}
	assemblyWords = map[string]bool{
		"parliament": true, "assembly": true, "duma": true, "council": true, "congress": true, "senate": true,
		"rada": true, "majlis": true, "jirga": true, "knesset": true, "legislature": true, "chamber": true,
		"house": true, "representatives": true, "seimas": true, "sejm": true, "saeima": true,
	}
)

// sameOffice says whether two records name one office: every word of one
// of their offices is a word of one of the other's, and the other adds no
// word that makes it another office (a deputy's, a vice-president's).
func sameOffice(a, b [][]string) bool {
	for _, x := range a {
		for _, y := range b {
			short, long := x, y
			if len(short) > len(long) {
				short, long = long, short
			}
			missing := func(w string) bool { return !slices.Contains(long, w) }
			ranked := func(w string) bool { return officeRank[w] && !slices.Contains(short, w) }
			if !slices.ContainsFunc(short, missing) && !slices.ContainsFunc(long, ranked) {
				return true
			}
		}
	}
	return false
}

// officeRank are the words that make an office another: the Deputy Prime
// Minister is not the Prime Minister.
var officeRank = map[string]bool{
	"deputy": true, "vice": true, "assistant": true, "under": true, "associate": true, "adjoint": true,
	"first": true, "second": true, "sub": true, "co": true, "chief": true, "senior": true, "junior": true,
}

// sovereignOf gives the country a territory with codes of its own belongs
// to, for the countries two records are tied to: a Hong Kong legislator is
// listed under hk by one source and cn by the next.
var sovereignOf = map[string]string{"hk": "cn", "mo": "cn"}

// tokenOverlap is the share of the shorter token list found (spelt alike)
// in the longer.
func tokenOverlap(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y || len(x) > 3 && names.JaroWinkler(x, y) > .92 {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a))
}

func kindsOf(a, b []Identifier) []string {
	var kinds []string
	for _, x := range a {
		if x.Kind == "other" || slices.Contains(kinds, x.Kind) {
			continue
		}
		for _, y := range b {
			if y.Kind == x.Kind {
				kinds = append(kinds, x.Kind)
				break
			}
		}
	}
	// "other" identifiers only ever count when equal.
	for _, x := range a {
		if x.Kind == "other" {
			for _, y := range b {
				if y.Value == x.Value && !slices.Contains(kinds, "other") {
					kinds = append(kinds, "other")
				}
			}
		}
	}
	return kinds
}

// compareIDs compares the identifiers of one kind: "exact" when a value is
// on both sides, "near" when two values are one typo apart, "close" when
// two, "conflict" otherwise.
func compareIDs(a, b []Identifier, kind string) string {
	near, close, shared, compared := false, false, false, false
	for _, x := range a {
		if x.Kind != kind {
			continue
		}
		for _, y := range b {
			if y.Kind != kind {
				continue
			}
			if kind == "email" && (roleMailbox(x.Value) || roleMailbox(y.Value)) {
				if x.Value == y.Value {
					shared = true
				}
				continue
			}
			compared = true
			if x.Value == y.Value {
				return "exact"
			}
			if kind == "phone" && len(x.Value) >= 7 && len(y.Value) >= 7 && PhoneKey(x.Value) == PhoneKey(y.Value) {
				return "exact"
			}
			if len(x.Value) >= 6 && typoApart(x.Value, y.Value) {
				near = true
			} else if len(x.Value) >= 6 && len(x.Value) == len(y.Value) && digitDiff(x.Value, y.Value) <= 2 {
				close = true
			} else if kind == "email" && mistyped(x.Value, y.Value) {
				close = true
			}
		}
	}
	if kind == "other" {
		return ""
	}
	if shared {
		return "shared"
	}
	if !compared {
		return "" // only organisations' mailboxes: nothing said of the person
	}
	if near {
		return "near"
	}
	if close {
		return "close"
	}
	return "conflict"
}

// mistyped reports whether two e-mail addresses are a few slips of the
// keyboard apart (a letter replaced, left out, added, or two swapped):
// one in a local part of four characters or more (two from eight), two in
// the domain (three from eight), three in all — jt40@combs.net /
// jt40@cotbs.nm, evejones@brewer-sparksi.org / eviejones@brewer-sparks.org.
// Such a pair is "close", not a conflict: it neither counts against a name
// nor, alone, for it. Different local parts (ab@x.org, cd@x.org) and
// different providers (jt40@gmail.com, jt40@yahoo.com) stay a conflict.
func mistyped(a, b string) bool {
	if len(a) > 254 || len(b) > 254 {
		return false
	}
	la, da, ok1 := strings.Cut(a, "@")
	lb, db, ok2 := strings.Cut(b, "@")
	if !ok1 || !ok2 {
		return false
	}
	local := edlib.OSADamerauLevenshteinDistance(la, lb)
	domain := edlib.OSADamerauLevenshteinDistance(da, db)
	localLimit := min(len(la), len(lb)) / 4
	domainLimit := 1
	switch n := min(len(da), len(db)); {
	case n >= 8:
		domainLimit = 3
	case n >= 5:
		domainLimit = 2
	}
	return local <= min(localLimit, 2) && domain <= domainLimit && local+domain <= 3
}

// roleMailboxes are the local parts of addresses an organisation gives to a
// function rather than to a person (RFC 2142 and common practice).
var roleMailboxes = map[string]bool{
	"info": true, "contact": true, "admin": true, "office": true, "sales": true, "support": true,
	"help": true, "hello": true, "mail": true, "enquiries": true, "inquiries": true, "noreply": true,
	"no-reply": true, "team": true, "hr": true, "accounts": true, "billing": true, "reception": true,
	"webmaster": true, "postmaster": true, "service": true, "customerservice": true, "abuse": true,
}

// roleMailbox reports whether a normalised e-mail address is a role
// account (info@…): many people read and write from one, so it neither
// identifies a person nor, when two differ, tells two people apart.
func roleMailbox(email string) bool { return RoleMailbox(email) }

// RoleMailbox reports whether a normalised e-mail address is a role
// account (info@…), which identifies no one.
func RoleMailbox(email string) bool {
	local, _, ok := strings.Cut(email, "@")
	return ok && roleMailboxes[local]
}

// PhoneKey is what two normalised phone numbers of seven digits or more
// must share to be one number: their last nine digits, the subscriber's
// number without the country's code or the trunk's 0 (+256 754 369 250,
// 0754369250).
func PhoneKey(v string) string { return lastN(v, 9) }

func lastN(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// typoApart reports whether a and b differ by one substitution, one
// adjacent transposition, or one insertion.
func typoApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		d := 0
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				d++
			}
		}
		return d == 1 || digitDiff(a, b) == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// onlyYears reports whether every date of ds is a year alone (no month,
// no day).
func onlyYears(ds []Date) bool {
	for _, d := range ds {
		if d.Month != 0 || d.Day != 0 {
			return false
		}
	}
	return len(ds) > 0
}

// kunyaOfFather reports whether a strong name of one record is only a
// kunya made of the father's name in a strong name of the other
// (names.KunyaOfFather).
func kunyaOfFather(pa, pb *prepared) bool {
	for i := 0; i < pa.strong; i++ {
		for j := 0; j < pb.strong; j++ {
			if names.KunyaOfFather(pa.names[i], pb.names[j]) || names.KunyaOfFather(pb.names[j], pa.names[i]) {
				return true
			}
		}
	}
	return false
}
