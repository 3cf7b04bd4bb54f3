// Package watch keeps watches — standing requests to be told about new
// data on a subject, or on anyone matching a query — matches every change
// of the store's feed against them at ingest, and keeps the durable outbox
// of alerts that the bot delivers to case channels.
//
// # Matching
//
// Watcher.Apply is a store/pipeline stage that runs after entity
// resolution in the same transaction. A changed record "touches" the
// subject it belongs to and the subjects of the records it references
// through FtM entity properties (holder, person, involved, relative, …).
// Subject watches are indexed by subject id and found through the touched
// subject and the ids merged into it (resolve.Aliases), so a watch on S-5
// still fires after S-5 was merged into S-2. Query watches are indexed by
// their query's index keys (resolve.QueryKeys); a person record's index
// keys find candidate watches and match.Compare decides at the watch's
// threshold. Watches with a depth also fire on subjects linked within that
// many hops (Options.Neighbours) and on new links (Watcher.Links). Nothing
// loops over all watches. A watch fires on record versions committed
// after it was added (Watch.FromSeq), so every record committed after Add
// returns is matched, and a replay of the feed gives the same alerts.
//
// # Outbox and exactly-once
//
// Every hit is written to the outbox in the pipeline transaction that also
// advances the feed cursor. Alert ids are deterministic — AlertID over
// (kind, watch, source, id, version) for watch hits and (kind, rule,
// channel, source, id, version) for rule hits — and an existing id is
// never written again, so a crash and replay, a retry or a re-ingest of
// the same file never makes a second alert. Delivery is at least once
// (Pending returns alerts left "sending" by a crash); the bot records the
// post with MarkDelivered.
//
// # Alert JSON (stable contract, `vigie alerts list --json`)
//
//	{
//	  "id":       "9f86d081884c7d659a2feaa0c55ad015",  // 32 hex, deterministic
//	  "kind":     "watch" | "rule" | "reminder" | "link",
//	  "watch":    "W-12",                  // watch, reminder and link alerts
//	  "rule":     "partner-warning-unanswered", // rule alerts
//	  "channel":  "ct-triage",
//	  "subject":  "S-123",                 // may be absent for a record without subject
//	  "record":   {"source": "police-stops", "id": "stop-881", "version": 1},
//	  "schema":   "Event",
//	  "case":     "C-2015-113",
//	  "severity": "high" | "medium" | "low" | "info" | …,
//	  "evidence": ["Event involved of S-123", "name 0.96", "DOB exact"],
//	  "message":  "…",                     // rule and reminder text
//	  "state":    "new" | "sending" | "delivered" | "acknowledged" | "snoozed" | "escalated" | "resolved",
//	  "created":  "2026-01-02T03:04:05Z",
//	  "due":      "…",                     // next delivery time (creation or end of snooze)
//	  "attempts": 1,                       // delivery attempts
//	  "delivered": "…", "acked_by": "…", "acked": "…", "snoozed_until": "…", "snoozed_by": "…",
//	  "escalated_by": "…", "escalated_to": "…", "resolved_by": "…",
//	  "post":     "post id", "root": "thread root post id"
//	}
//
// Absent fields are omitted. Alerts are grouped into one thread per
// (channel, subject): Pending returns groups with the thread's root post,
// after Options.GroupWait so a burst is one message, and at most one
// delivery per thread per Options.GroupInterval.
//
// # Terms
//
// A watch lasts its term (default 30 days) unless renewed; Sweep emits one
// reminder alert Options.RemindBefore (48 h) before the end and marks the
// watch expired after it. Matching checks the term against the clock, so
// an expired watch stops firing even before a sweep. Every add, renewal,
// removal, silence, reminder and expiry is kept in the watch's history
// and handed to the auditor.
package watch
