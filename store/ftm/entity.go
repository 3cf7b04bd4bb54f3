// Package ftm reads and validates FollowTheMoney entities, the data model of
// OCCRP Aleph and OpenSanctions, as JSON lines.
package ftm

// Entity is one FollowTheMoney entity as it appears on a JSON line:
// {"id":…, "schema":…, "properties":{…}, "datasets":[…]}.
// Every property holds a list of string values, as in FtM itself.
type Entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets,omitempty"`
	// Caption, Referents, FirstSeen and LastSeen appear in exports from
	// Aleph and OpenSanctions; they are kept when present and ignored otherwise.
	Caption   string   `json:"caption,omitempty"`
	Referents []string `json:"referents,omitempty"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	// LastChange and Target are OpenSanctions export fields, kept likewise.
	LastChange string `json:"last_change,omitempty"`
	Target     bool   `json:"target,omitempty"`

	// SetAside lists what Validate took out of the entity rather than
	// refuse it whole: values not of their property's type (an e-mail
	// without @, "unknown" as a birth date) and properties its schema does
	// not have. The entity is kept without them; whoever stores it reports
	// them (ingest writes them, with Raw, to the quarantine file), so a
	// person is not lost for one mistyped field and nothing goes unsaid.
	SetAside []SetAside `json:"-"`
	// Raw is the line or row the entity was read from, kept (up to 4 KiB)
	// only when something was set aside.
	Raw []byte `json:"-"`
}

// SetAside is one value (or property) Validate took out of an entity.
type SetAside struct {
	Property string `json:"property"`
	Value    string `json:"value,omitempty"`
	Reason   string `json:"reason"`
}

// maxSetAside bounds the set-aside values listed per entity; the last
// entry counts the rest.
const maxSetAside = 16
