package watch

import (
	"context"

	"github.com/vigie/vigie/store/audit"
)

// AuditTrail adapts the store's audit log to the watcher's auditor: each
// watch event becomes an audit entry (actor, action, subject or query,
// case, channel).
type AuditTrail struct{ Log *audit.Log }

// Audit appends e to the audit trail and returns its error.
func (a AuditTrail) Audit(ctx context.Context, e Event) error {
	detail := "watch " + e.Watch
	if e.Detail != "" {
		detail += ": " + e.Detail
	}
	_, err := a.Log.Append(ctx, audit.Entry{
		Actor: e.By, Action: e.Action, Query: e.Query, Subject: e.Subject,
		Case: e.Case, From: e.Channel, Outcome: "ok", Detail: detail,
	})
	return err
}
