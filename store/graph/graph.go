// Package graph connects the dots: it keeps the evidence that links records
// (explicit relations, shared identifiers, co-presence in events) under the
// store's "g/" prefix, updates it incrementally from the change feed, and
// answers link summaries and shortest evidenced paths between subjects.
//
// Evidence is stored between records, never between subjects, so links
// survive entity-resolution merges and splits: records are mapped to
// subjects at query time through the Subjects interface.
//
// The model is a bipartite one of records and hubs. A hub is either a record
// that relates others (a Family, an Event, a Vehicle without a plate, an
// Address entity) or a normalised identifier value (phone, e-mail, address,
// vehicle plate, document number). Two records are linked when they are
// members of the same hub; a hub with more members than Options.GiantCount,
// or a value listed as innocent, links nobody and is reported by Giants.
package graph

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/vigie/vigie/store"
)

// LinkType names the kind of evidence behind a link.
type LinkType string

// Link types.
const (
	Family          LinkType = "family"
	Associate       LinkType = "associate"
	Membership      LinkType = "membership"
	Ownership       LinkType = "ownership"
	Directorship    LinkType = "directorship"
	Employment      LinkType = "employment"
	Representation  LinkType = "representation"
	Succession      LinkType = "succession"
	UnknownLink     LinkType = "link"
	SharedPhone     LinkType = "shared-phone"
	SharedEmail     LinkType = "shared-email"
	SharedAddress   LinkType = "shared-address"
	SharedVehicle   LinkType = "shared-vehicle"
	SharedDocument  LinkType = "shared-document"
	CoPresence      LinkType = "co-presence"
	DocumentHolding LinkType = "document"
)

// Identifier kinds, as used by the normaliser and the innocent-values file.
const (
	KindPhone    = "phone"
	KindEmail    = "email"
	KindAddress  = "address"
	KindVehicle  = "vehicle"
	KindDocument = "document"
)

// Subjects maps records to resolved subjects; store/resolve implements it.
type Subjects interface {
	// SubjectOf returns the subject id of a record ("" if it has none yet).
	SubjectOf(txn *store.Txn, k store.Key) (string, error)
	// Records returns the records of a subject.
	Records(txn *store.Txn, subject string) ([]store.Key, error)
}

// Options configure a Graph. Start from DefaultOptions.
type Options struct {
	// GiantCount is the number of memberships above which a hub (a shared
	// value, an event, a relation record) stops linking and is reported by
	// Giants. Default 50.
	GiantCount int
	// CoPresenceWindow is how close in time two events of the same kind at
	// the same place must be for their participants to be co-present.
	// Default 2h.
	CoPresenceWindow time.Duration
	// Normalize turns an identifier of a kind (KindPhone, …) into its
	// matching form, "" when unusable. Default DefaultNormalize; the lead
	// plugs store/match's NormalizeIdentifier in here.
	Normalize func(kind, value string) string
	// Innocent lists values that never link (a hotel's address). Default none.
	Innocent *Innocent
	// MaxRecordsPerSubject caps the records of one subject read when
	// expanding it. Default 200.
	MaxRecordsPerSubject int
	// MaxHubsPerRecord caps the hubs read per record. Default 200.
	MaxHubsPerRecord int
	// MaxNeighbours caps the distinct neighbours returned for one subject;
	// a subject with more is marked truncated. Default 500.
	MaxNeighbours int
	// MaxCoEvents caps the co-located events considered per event. Default 50.
	MaxCoEvents int
	// MaxExpand caps the subjects expanded by one Summary or Paths query,
	// so a giant neighbourhood cannot stall a lookup. Default 3000.
	MaxExpand int
	// MaxReads caps the store reads (a record's hubs, a hub's members, an
	// event's co-located events) one Summary makes beyond the subject's
	// own links, so that the neighbourhood of a hub subject cannot stall
	// a lookup. Default 5000.
	MaxReads int
	// MaxPaths caps the flagged paths a Summary lists. Default 50.
	MaxPaths int
	// Logger receives diagnostics tagged component=graph. Default discard.
	Logger *slog.Logger
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		GiantCount:           50,
		CoPresenceWindow:     2 * time.Hour,
		Normalize:            DefaultNormalize,
		MaxRecordsPerSubject: 200,
		MaxHubsPerRecord:     200,
		MaxNeighbours:        500,
		MaxCoEvents:          50,
		MaxExpand:            3000,
		MaxReads:             5000,
		MaxPaths:             50,
	}
}

func (o *Options) validate() error {
	var errs []error
	if o.GiantCount < 2 {
		errs = append(errs, fmt.Errorf("giant count %d is below 2", o.GiantCount))
	}
	if o.CoPresenceWindow < 0 {
		errs = append(errs, fmt.Errorf("co-presence window %s is negative", o.CoPresenceWindow))
	}
	for name, v := range map[string]*int{
		"max records per subject": &o.MaxRecordsPerSubject, "max hubs per record": &o.MaxHubsPerRecord,
		"max neighbours": &o.MaxNeighbours, "max co-events": &o.MaxCoEvents,
		"max expand": &o.MaxExpand, "max reads": &o.MaxReads, "max paths": &o.MaxPaths,
	} {
		if *v <= 0 {
			errs = append(errs, fmt.Errorf("%s %d is not positive", name, *v))
		}
	}
	if o.Normalize == nil {
		o.Normalize = DefaultNormalize
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return errors.Join(errs...)
}

// Graph keeps and queries links. It holds no state outside the store and is
// safe for concurrent use.
type Graph struct {
	opts Options
	log  *slog.Logger
}

// New returns a Graph; it returns an error when the options are invalid.
func New(opts Options) (*Graph, error) {
	if err := opts.validate(); err != nil {
		return nil, fmt.Errorf("graph options: %w", err)
	}
	return &Graph{opts: opts, log: opts.Logger.With("component", "graph")}, nil
}

// Evidence is one piece of proof for a link.
type Evidence struct {
	// Type is the kind of link.
	Type LinkType `json:"type"`
	// Records are the records that prove it: the relation, event or
	// document record, or the records that state a shared value.
	Records []store.Key `json:"records"`
	// Value is the shared identifier (normalised) for shared-* links.
	Value string `json:"value,omitempty"`
	// Role is the relationship or role given by the source ("brother").
	Role string `json:"role,omitempty"`
	// Date is the date the source gives for the relation or event.
	Date string `json:"date,omitempty"`
}

// LinkEvent is a new link between two records, reported by
// ApplyWithEvents so that watches can fire on a new connection.
type LinkEvent struct {
	A, B     store.Key
	Type     LinkType
	Evidence Evidence
}
