package rules

import (
	"strings"
	"time"

	"github.com/vigie/vigie/store"
)

// Collection caps bound what one rule can loop over, so that the CPU a rule
// may spend is bounded even though expr's own limits only bound nodes and
// memory. Values past a cap are not shown to rules: subject records are kept
// newest first, so the cap drops the oldest; Subject.RecordCount still
// carries the full count.
const (
	// MaxRecords caps subject.records as an expression sees it.
	MaxRecords = 16
	// MaxLinks caps links as an expression sees it.
	MaxLinks = 16
	// MaxHelperItems caps the records and links the helpers written in Go
	// (countRecords, countRecordsWith, countLinks, hasLink, linkedTo) look
	// at: they cost a few nanoseconds per item where an expr predicate
	// costs hundreds, so they can look further back.
	MaxHelperItems = 256
	// MaxValues caps every other list a rule sees: names, sources, flags,
	// the values of one property.
	MaxValues = 16
	// MaxLinkValues caps a link's other names and other flags.
	MaxLinkValues = 8
	// MaxProperties caps how many properties of one record a rule sees.
	MaxProperties = 64
)

// RecordView is the plain-data view of a store.Record that rules see as
// `record` and as the items of `subject.records`.
type RecordView struct {
	Source         string              `json:"source" expr:"source"`
	ID             string              `json:"id" expr:"id"`
	Schema         string              `json:"schema" expr:"schema"`
	Properties     map[string][]string `json:"properties,omitempty" expr:"properties"`
	Classification string              `json:"classification,omitempty" expr:"classification"`
	FirstSeen      time.Time           `json:"firstSeen" expr:"firstSeen"`
	LastSeen       time.Time           `json:"lastSeen" expr:"lastSeen"`
	// Date is when the thing the record describes happened: the first
	// parsable date, startDate, endDate, createdAt, authoredAt or
	// modifiedAt property, else FirstSeen.
	Date time.Time `json:"date,omitempty" expr:"date"`
	// Version counts the record's versions from 1; 1 means new.
	Version int `json:"version,omitempty" expr:"version"`
}

// Subject is the resolved person a record belongs to, as rules see it.
type Subject struct {
	ID          string   `json:"id" expr:"id"`
	Names       []string `json:"names,omitempty" expr:"names"`
	Sources     []string `json:"sources,omitempty" expr:"sources"`
	RecordCount int      `json:"recordCount,omitempty" expr:"recordCount"`
	// FollowUps counts the subject's records dated after its first
	// partner-warnings record that come from another source: the answer
	// a warning is waiting for. Callers fill it; FollowUpsOf computes it.
	FollowUps int          `json:"followUps" expr:"followUps"`
	Flags     []string     `json:"flags,omitempty" expr:"flags"`
	Watched   bool         `json:"watched,omitempty" expr:"watched"`
	Records   []RecordView `json:"records,omitempty" expr:"records"`
}

// Link is evidence that the subject is related to another subject.
type Link struct {
	// Type is family, associate, membership, shared-phone, shared-address,
	// shared-email, shared-document, shared-vehicle, co-presence, …
	Type         string    `json:"type" expr:"type"`
	Other        string    `json:"other" expr:"other"`
	OtherNames   []string  `json:"otherNames,omitempty" expr:"otherNames"`
	OtherFlags   []string  `json:"otherFlags,omitempty" expr:"otherFlags"`
	OtherWatched bool      `json:"otherWatched,omitempty" expr:"otherWatched"`
	Evidence     string    `json:"evidence,omitempty" expr:"evidence"`
	Date         time.Time `json:"date,omitempty" expr:"date"`
}

// Input is everything a rule evaluation looks at.
type Input struct {
	Record  store.Record `json:"record"`
	Subject Subject      `json:"subject"`
	Links   []Link       `json:"links,omitempty"`
	// Now is the evaluation time; zero means time.Now().
	Now time.Time `json:"now"`
}

// PartnerWarnings is the source whose records start the follow-up count.
const PartnerWarnings = "partner-warnings"

// dateProps are the FtM properties that date what a record describes.
var dateProps = [...]string{"date", "startDate", "endDate", "createdAt", "authoredAt", "modifiedAt"}

// View returns the plain-data view of r that rules see.
func View(r store.Record) RecordView {
	v := RecordView{
		Source: r.Source, ID: r.ID, Schema: r.Schema, Properties: r.Properties,
		Classification: r.Classification, FirstSeen: r.FirstSeen, LastSeen: r.LastSeen,
		Version: r.Version,
	}
	v.Date = recordDate(v)
	return v
}

func recordDate(v RecordView) time.Time {
	if !v.Date.IsZero() {
		return v.Date
	}
	for _, p := range dateProps {
		for _, s := range v.Properties[p] {
			if t, ok := parseDate(s); ok {
				return t
			}
		}
	}
	return v.FirstSeen
}

// parseDate reads the FtM date forms: full RFC 3339, a date with time but
// no zone, or a plain date (prefixes of it are FtM's partial dates).
func parseDate(s string) (time.Time, bool) {
	for _, layout := range [...]string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// FollowUpsOf counts the records dated after the first partner warning
// among records that come from another source, the definition of
// Subject.FollowUps. Without a partner warning it returns 0.
func FollowUpsOf(records []RecordView) int {
	var first time.Time
	for _, r := range records {
		if r.Source == PartnerWarnings {
			if d := recordDate(r); first.IsZero() || d.Before(first) {
				first = d
			}
		}
	}
	if first.IsZero() {
		return 0
	}
	n := 0
	for _, r := range records {
		if r.Source != PartnerWarnings && recordDate(r).After(first) {
			n++
		}
	}
	return n
}

// env is what an expression sees. Its func fields are closures over the
// env with signatures expr calls without reflection; the helpers that need
// the env but have no such signature (age, within, countRecords) are expr
// functions given the env as a hidden first argument (see envArgs). The env
// is built once per evaluated record and shared by every rule; the struct
// has no methods, so an expression can reach nothing but these fields.
type env struct {
	Record  *RecordView  `expr:"record"`
	Subject *subjectView `expr:"subject"`
	Links   []*Link      `expr:"links"`
	Source  string       `expr:"source"`
	// Window is the rule's window (window rules; zero elsewhere).
	Window time.Duration `expr:"window"`

	Now       func() time.Time          `expr:"now"`
	HasLink   func(string) bool         `expr:"hasLink"`
	LinkedTo  func(string) bool         `expr:"linkedTo"`
	NameMatch func(string, string) bool `expr:"nameMatch"`

	now   time.Time
	sub   Subject // capped at MaxHelperItems, for templates and helpers
	links []Link  // capped at MaxHelperItems
}

// subjectView is Subject with its records behind pointers, so that a
// predicate over them does not copy every record into an interface.
type subjectView struct {
	ID          string        `expr:"id"`
	Names       []string      `expr:"names"`
	Sources     []string      `expr:"sources"`
	RecordCount int           `expr:"recordCount"`
	FollowUps   int           `expr:"followUps"`
	Flags       []string      `expr:"flags"`
	Watched     bool          `expr:"watched"`
	Records     []*RecordView `expr:"records"`
}

// helperNames are the names an expression may call.
var helperNames = map[string]bool{
	"now": true, "age": true, "within": true, "countRecords": true, "hasLink": true,
	"linkedTo": true, "nameMatch": true, "prop": true, "has": true, "duration": true,
	"countRecordsWith": true, "countLinks": true,
}

func capStrings(s []string, n int) []string {
	if len(s) > n {
		return s[:n:n]
	}
	return s
}

func capProps(p map[string][]string) map[string][]string {
	over := len(p) > MaxProperties
	if !over {
		for _, v := range p {
			if len(v) > MaxValues {
				over = true
				break
			}
		}
	}
	if !over {
		return p
	}
	out := make(map[string][]string, min(len(p), MaxProperties))
	for k, v := range p {
		if len(out) == MaxProperties {
			break
		}
		out[k] = capStrings(v, MaxValues)
	}
	return out
}

func capView(v RecordView) RecordView {
	v.Properties = capProps(v.Properties)
	v.Date = recordDate(v)
	return v
}

// newEnv builds the capped, plain-data environment for one input.
func newEnv(in *Input, match func(a, b string) bool) *env {
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	rec := capView(View(in.Record))
	sub := in.Subject
	sub.Names = capStrings(sub.Names, MaxValues)
	sub.Sources = capStrings(sub.Sources, MaxValues)
	sub.Flags = capStrings(sub.Flags, MaxValues)
	recs := sub.Records
	if len(recs) > MaxHelperItems {
		recs = recs[:MaxHelperItems]
	}
	capped := make([]RecordView, len(recs))
	ptrs := make([]*RecordView, len(recs))
	for i, r := range recs {
		capped[i] = capView(r)
		ptrs[i] = &capped[i]
	}
	sub.Records = capped
	links := in.Links
	if len(links) > MaxHelperItems {
		links = links[:MaxHelperItems]
	}
	cl := make([]Link, len(links))
	lptrs := make([]*Link, len(links))
	for i, l := range links {
		l.OtherNames = capStrings(l.OtherNames, MaxLinkValues)
		l.OtherFlags = capStrings(l.OtherFlags, MaxLinkValues)
		cl[i] = l
		lptrs[i] = &cl[i]
	}
	sv := &subjectView{
		ID: sub.ID, Names: sub.Names, Sources: sub.Sources, RecordCount: sub.RecordCount,
		FollowUps: sub.FollowUps, Flags: sub.Flags, Watched: sub.Watched, Records: ptrs[:min(len(ptrs), MaxRecords)],
	}
	e := &env{Record: &rec, Subject: sv, Links: lptrs[:min(len(lptrs), MaxLinks)], Source: rec.Source, now: now, sub: sub, links: cl}
	e.Now = func() time.Time { return e.now }
	e.HasLink = func(typ string) bool {
		for i := range e.links {
			if typ == "" || typ == "*" || strings.EqualFold(e.links[i].Type, typ) {
				return true
			}
		}
		return false
	}
	e.LinkedTo = func(flag string) bool {
		for i := range e.links {
			l := &e.links[i]
			if l.OtherWatched && strings.EqualFold(flag, "watched") {
				return true
			}
			for _, f := range l.OtherFlags {
				if strings.EqualFold(f, flag) {
					return true
				}
			}
		}
		return false
	}
	e.NameMatch = match
	return e
}

func (e *env) within(t time.Time, d time.Duration) bool {
	return !t.IsZero() && !t.After(e.now) && e.now.Sub(t) <= d
}

func (e *env) countRecords(source string, window time.Duration) int {
	n := 0
	for i := range e.sub.Records {
		r := &e.sub.Records[i]
		if (source == "" || source == "*" || r.Source == source) && e.within(r.Date, window) {
			n++
		}
	}
	return n
}

func firstProp(r *RecordView, name string) string {
	if v := r.Properties[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func hasProp(r *RecordView, name string) bool {
	for _, s := range r.Properties[name] {
		if s != "" {
			return true
		}
	}
	return false
}

// choices is a '|'-separated list of accepted values, compared ignoring
// case; an empty list or "*" accepts anything.
type choices []string

func splitChoices(s string) choices {
	if s == "" || s == "*" {
		return nil
	}
	var c choices
	for v := range strings.SplitSeq(s, "|") {
		c = append(c, strings.TrimSpace(v))
	}
	return c
}

func (c choices) has(v string) bool {
	if c == nil {
		return true
	}
	for _, x := range c {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// countRecordsWith counts the subject's records from source (""/"*" any)
// dated within window whose property prop has a value among values
// ('|'-separated).
func (e *env) countRecordsWith(source, prop, values string, window time.Duration) int {
	n := 0
	sources, vals := splitChoices(source), splitChoices(values)
	for i := range e.sub.Records {
		r := &e.sub.Records[i]
		if !sources.has(r.Source) || !e.within(r.Date, window) {
			continue
		}
		for _, v := range r.Properties[prop] {
			if vals.has(v) {
				n++
				break
			}
		}
	}
	return n
}

// countLinks counts links of the given types ('|'-separated, ""/"*" any)
// dated within window (0: any date) whose other subject is: anyone
// (other ""), flagged or watched ("flagged"), watched ("watched"), or
// carries the named flag.
func (e *env) countLinks(types, other string, window time.Duration) int {
	n := 0
	ts := splitChoices(types)
	for i := range e.links {
		l := &e.links[i]
		if !ts.has(l.Type) || (window > 0 && !e.within(l.Date, window)) {
			continue
		}
		ok := false
		switch strings.ToLower(other) {
		case "", "*":
			ok = true
		case "flagged":
			ok = l.OtherWatched || len(l.OtherFlags) > 0
		case "watched":
			ok = l.OtherWatched
		default:
			for _, f := range l.OtherFlags {
				ok = ok || strings.EqualFold(f, other)
			}
		}
		if ok {
			n++
		}
	}
	return n
}
