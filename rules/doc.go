// Package rules lets supervisors write, test and trust alerting rules.
//
// # Rule files
//
// Rules live in YAML files (*.yaml, *.yml) directly inside one folder
// (VIGIE_RULES_DIR, default ./rules.d). Each file holds a `rules:` list:
//
//	rules:
//	  - name: stop-of-warned-person          # letters, digits, - _ .; unique in the folder
//	    description: A stop of a person under a partner warning.
//	    kind: record                         # record (default) | subject | window | deadline
//	    when: source == "police-stops" and "partner-warnings" in subject.sources
//	    severity: critical                   # low | medium | high | critical
//	    flag: stop of a person under partner warning
//	    route: [channel:ct-triage]
//	    message: "{{.Flag}}: {{index .Subject.Names 0}} ({{.Record.Source}}/{{.Record.ID}})"
//	    tests:
//	      - given: testdata/stop.json        # relative to the folder
//	        expect: fire                     # fire | pass
//	        flag: stop of a person under partner warning   # optional
//
// Kinds:
//   - record: evaluated on every new or changed record at ingest; a match
//     is a Hit routed to the listed channels.
//   - subject: evaluated on lookups; a match is a Flag on the subject card.
//   - window: a record rule with `window: 7d`, seen by the expression as
//     `window`: countRecords("border-crossings", window) >= 3.
//   - deadline: `when:` starts a clock on a record, `until:` (evaluated on
//     later records of the same subject) stops it, `after: 14d` is its term;
//     a Scheduler fires the rule once when the term passes unstopped.
//
// Durations are Go durations ("336h") or whole days and weeks ("14d", "2w").
// The message is a text/template over .Rule, .Flag, .Severity, .Record,
// .Subject, .Links and .Now, with `prop RECORD "name"`; without one the
// message is the flag, the subject's first name and the record.
//
// # The expression environment
//
// `when` and `until` are github.com/expr-lang/expr expressions that must
// yield a bool, type-checked at load against:
//
//	record     the record: source, id, schema, properties (name → []string),
//	           classification, firstSeen, lastSeen, date, version
//	subject    id, names, sources, recordCount, followUps, flags, watched,
//	           records (newest first, as record)
//	links      []: type, other, otherNames, otherFlags, otherWatched, evidence, date
//	source     the record's source
//	window     the window of a window rule
//	now()                       evaluation time
//	duration("14d")             a duration (a constant is parsed once, at load)
//	age(record)                 now - the record's date
//	within(t, d)                t lies in the last d before now
//	countRecords(src, d)        the subject's records from src ("*" any) within d
//	countRecordsWith(src, prop, "A|B", d)   … whose prop is one of A, B
//	countLinks("shared-phone|shared-address", other, d)   links of those types
//	                            within d (0: any) to anyone (""), "flagged"
//	                            (flagged or watched), "watched", or a flag
//	hasLink(type)               any link of that type
//	linkedTo(flag)              a linked subject carries flag ("watched": is watched)
//	nameMatch(a, b)             names match (the store's name scorer, threshold 0.9)
//	prop(record, "name")        first value of a property, or ""
//	has(record, "name")         the property has a non-empty value
//
// subject.followUps counts the subject's records, from other sources, dated
// after its first partner-warnings record (see FollowUpsOf).
//
// # Bounds
//
// A rule cannot reach outside this environment: only the helpers above can
// be called (no methods on Go values, no $env), and only a safe subset of
// expr's builtins is enabled (no now, repeat, JSON or base64). Its cost is
// bounded: lists are capped (MaxRecords and MaxLinks items, MaxValues
// values, MaxLinkValues per link, MaxProperties properties: the newest are
// kept; recordCount still counts all; the helpers written in Go, which cost
// nanoseconds per item, look at up to MaxHelperItems records and links, so
// prefer countRecords, countRecordsWith and countLinks to predicates over
// long histories), predicates (all, any, filter, map,
// count, …) may not nest, ranges must be constant and short, `matches`
// needs a constant pattern, and before a rule goes live it is timed on a
// worst-case record with every list full and every branch taken: a p99
// over Options.EvalBudget (10µs) refuses it. A rule that fails at run time
// is reported and skipped; the other rules still run.
//
// # Commands
//
// Check, Test and Backtest back `vigie rules check|test|backtest DIR`:
// they print to an io.Writer and return an error for a non-zero exit.
// Reloader keeps the live Set of a folder, swapping a fully checked set in
// atomically on change and keeping the last good one on error.
package rules
