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
}
