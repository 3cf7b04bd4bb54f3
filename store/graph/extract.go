package graph

import (
	"strings"
	"time"
	"unicode"

	"github.com/vigie/vigie/store"
)

// relation describes an FtM schema that relates the entities its
// properties point to.
type relation struct {
	typ  LinkType
	ends []string // properties holding entity references
	role []string // properties holding the relationship or role
}

// relations lists the FtM relation schemata and how they link.
var relations = map[string]relation{
	"Family":         {Family, []string{"person", "relative"}, []string{"relationship"}},
	"Associate":      {Associate, []string{"person", "associate"}, []string{"relationship"}},
	"Membership":     {Membership, []string{"member", "organization"}, []string{"role"}},
	"Ownership":      {Ownership, []string{"owner", "asset"}, []string{"role", "percentage"}},
	"Directorship":   {Directorship, []string{"director", "organization"}, []string{"role"}},
	"Employment":     {Employment, []string{"employee", "employer"}, []string{"role"}},
	"Representation": {Representation, []string{"agent", "client"}, []string{"role"}},
	"Succession":     {Succession, []string{"predecessor", "successor"}, []string{"role"}},
	"UnknownLink":    {UnknownLink, []string{"subject", "object"}, []string{"role"}},
	"Event":          {CoPresence, []string{"involved", "organizer"}, []string{"name", "summary"}},
}

// identifierProps maps properties of any entity to identifier kinds.
var identifierProps = []struct{ prop, kind string }{
	{"phone", KindPhone},
	{"email", KindEmail},
	{"address", KindAddress},
	{"passportNumber", KindDocument},
	{"idNumber", KindDocument},
	{"socialSecurityNumber", KindDocument},
	{"taxNumber", KindDocument},
	{"vatCode", KindDocument},
	{"innCode", KindDocument},
	{"licenseNumber", KindDocument},
}

var kindType = map[string]LinkType{
	KindPhone: SharedPhone, KindEmail: SharedEmail, KindAddress: SharedAddress,
	KindVehicle: SharedVehicle, KindDocument: SharedDocument,
}

// membership is one record's (member's) place in a hub, stated by an
// evidence record; its JSON is the value of a g/m/ key.
type membership struct {
	Hub    hub       `json:"-"`
	Member store.Key `json:"-"`
	Type   LinkType  `json:"t"`
	Role   string    `json:"r,omitempty"`
	Date   string    `json:"d,omitempty"`
	Raw    string    `json:"v,omitempty"`
}

// eventInfo places an event for co-presence.
type eventInfo struct {
	Kind  string `json:"k"`
	Place string `json:"p"`
	Unix  int64  `json:"t"`
}

// extract lists what a record says about links: its memberships (each
// with the record itself as evidence) and, for an event with a kind, a
// place and a time of day, where it sits for co-presence.
//
// FtM references point to entity ids of the record's own source, so an
// end "p1" of a Family in source S is the record S/p1; cross-source
// references are not followed (the resolver joins sources instead).
func (g *Graph) extract(r *store.Record) ([]membership, *eventInfo) {
	self := r.Key()
	ref := func(id string) store.Key { return store.Key{Source: r.Source, ID: strings.TrimSpace(id)} }
	date := firstOf(r, "startDate", "date")
	var out []membership
	seen := map[string]bool{}
	add := func(m membership) {
		id := string(m.Hub) + "\x00" + m.Member.Source + "\x00" + m.Member.ID
		if m.Member.ID == "" || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, m)
	}

	// Holders of what this record states: the entity the document or
	// vehicle belongs to, else the record itself.
	holders := []store.Key{self}
	var ev *eventInfo
	switch r.Schema {
	case "Passport", "Identification":
		if hs := refs(r, ref, "holder"); len(hs) > 0 {
			holders = hs
		}
		for _, n := range append(r.Properties["number"], r.Properties["passportNumber"]...) {
			if v := g.opts.Normalize(KindDocument, n); v != "" {
				for _, h := range holders {
					add(membership{Hub: valueHub(KindDocument, v), Member: h, Type: SharedDocument, Raw: n, Date: date})
				}
			}
		}
	case "Vehicle":
		if hs := refs(r, ref, "owner", "operator"); len(hs) > 0 {
			holders = hs
		}
		plates := 0
		for _, n := range r.Properties["registrationNumber"] {
			if v := g.opts.Normalize(KindVehicle, n); v != "" {
				plates++
				for _, h := range holders {
					add(membership{Hub: valueHub(KindVehicle, v), Member: h, Type: SharedVehicle, Raw: n})
				}
			}
		}
		if plates == 0 && len(holders) > 1 {
			for _, h := range holders {
				add(membership{Hub: recordHub(self), Member: h, Type: SharedVehicle})
			}
		}
	default:
		if rel, ok := relations[r.Schema]; ok {
			role := firstOf(r, rel.role...)
			for _, m := range refs(r, ref, rel.ends...) {
				add(membership{Hub: recordHub(self), Member: m, Type: rel.typ, Role: role, Date: date})
			}
			if r.Schema == "Event" {
				ev = g.eventPlace(r)
			}
		}
	}
	if r.Schema != "Passport" && r.Schema != "Identification" && r.Schema != "Vehicle" {
		for _, a := range refs(r, ref, "addressEntity") {
			add(membership{Hub: recordHub(a), Member: self, Type: SharedAddress})
		}
	}
	for _, ip := range identifierProps {
		for _, raw := range r.Properties[ip.prop] {
			if v := g.opts.Normalize(ip.kind, raw); v != "" {
				for _, h := range holders {
					add(membership{Hub: valueHub(ip.kind, v), Member: h, Type: kindType[ip.kind], Raw: raw})
				}
			}
		}
	}
	if r.Schema != "Vehicle" {
		for _, raw := range r.Properties["registrationNumber"] {
			if v := g.opts.Normalize(KindDocument, raw); v != "" {
				add(membership{Hub: valueHub(KindDocument, v), Member: self, Type: SharedDocument, Raw: raw})
			}
		}
	}
	return out, ev
}

func refs(r *store.Record, ref func(string) store.Key, props ...string) []store.Key {
	var out []store.Key
	for _, p := range props {
		for _, v := range r.Properties[p] {
			if k := ref(v); k.ID != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

func firstOf(r *store.Record, props ...string) string {
	for _, p := range props {
		if v := strings.TrimSpace(r.First(p)); v != "" {
			return v
		}
	}
	return ""
}

// eventPlace returns where and when an event happened, or nil when it has
// no kind (name or summary), no place or no time of day: a date without a
// time cannot say whether two crossings were within the window.
func (g *Graph) eventPlace(r *store.Record) *eventInfo {
	kind := foldText(firstOf(r, "name", "summary"))
	place := foldText(firstOf(r, "location", "address"))
	if c := foldText(r.First("country")); c != "" {
		place += "|" + c
	}
	if kind == "" || place == "" {
		return nil
	}
	t, ok := parseTime(firstOf(r, "startDate", "date"))
	if !ok {
		return nil
	}
	return &eventInfo{Kind: kind, Place: place, Unix: t.Unix()}
}

var timeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// DefaultNormalize is the simple local identifier normaliser: the last 9
// digits of a phone (at least 6 digits), a lower-case e-mail with an '@',
// upper-case letters and digits of a document or plate (at least 2), and
// lower-case words of an address with punctuation and spacing folded. It
// returns "" for a value that cannot identify anything.
func DefaultNormalize(kind, value string) string {
	switch kind {
	case KindPhone:
		var d []rune
		for _, c := range value {
			if c >= '0' && c <= '9' {
				d = append(d, c)
			}
		}
		if len(d) < 6 {
			return ""
		}
		if len(d) > 9 {
			d = d[len(d)-9:]
		}
		return string(d)
	case KindEmail:
		v := strings.ToLower(strings.TrimSpace(value))
		if i := strings.IndexByte(v, '@'); i <= 0 || i == len(v)-1 {
			return ""
		}
		return v
	case KindDocument, KindVehicle:
		var b strings.Builder
		for _, c := range value {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				b.WriteRune(unicode.ToUpper(c))
			}
		}
		if b.Len() < 2 {
			return ""
		}
		return b.String()
	case KindAddress:
		v := foldText(value)
		if len(v) < 4 {
			return ""
		}
		return v
	}
	return foldText(value)
}

// foldText lower-cases s and folds runs of spaces and punctuation into one
// space.
func foldText(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(c))
			continue
		}
		space = true
	}
	return b.String()
}
