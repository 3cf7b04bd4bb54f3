package store

import "time"

// Record is one stored version of a source entity: what a source said about
// one thing (a person, a passport, a phone, a relation, an event), keyed by
// the source and the id the source gave it.
type Record struct {
	// Source is the dataset the record came from ("partner-warnings").
	Source string `json:"source"`
	// ID is the entity id exactly as ingested, so results trace back.
	ID string `json:"id"`
	// Schema is the FtM schema name ("Person", "Passport", "Family", …).
	Schema string `json:"schema"`
	// Properties holds every property value as given, FtM style.
	Properties map[string][]string `json:"properties"`
	// Classification is the label that decides who may see the record
	// ("OFFICIAL", "SECRET", …); Compartments narrow it further.
	Classification string   `json:"classification,omitempty"`
	Compartments   []string `json:"compartments,omitempty"`
	// FirstSeen is when this source + id was first ingested, LastSeen the
	// latest ingest that carried it (changed or not).
	FirstSeen time.Time `json:"firstSeen"`
	LastSeen  time.Time `json:"lastSeen"`
	// Seq is the ingest sequence number of this version; Version counts
	// versions from 1.
	Seq     uint64 `json:"seq"`
	Version int    `json:"version"`
	// Changed lists the properties that differ from the previous version
	// (empty for a first version).
	Changed []string `json:"changed,omitempty"`
}

// Key identifies a record across versions.
type Key struct {
	Source string `json:"source"`
	ID     string `json:"id"`
}

// Key returns the record's source + id.
func (r *Record) Key() Key { return Key{Source: r.Source, ID: r.ID} }

// First returns the first value of a property, or "".
func (r *Record) First(prop string) string {
	if v := r.Properties[prop]; len(v) > 0 {
		return v[0]
	}
	return ""
}
