package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vigie/vigie/store/audit"
)

func cmdAudit(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("audit", "audit verify [--json] | audit export [--since T]")
	since := fs.String("since", "", "export entries at or after this time (RFC 3339, a date, or a duration ago such as 720h)")
	asJSON := fs.Bool("json", false, "print the verify report as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || (pos[0] != "verify" && pos[0] != "export") {
		return a.usageErr(fs, "audit needs verify or export")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	switch pos[0] {
	case "verify":
		rep, err := e.audit.Verify(ctx)
		if err != nil {
			return a.fail("%v", err)
		}
		if *asJSON {
			a.writeJSON(rep)
		} else if rep.OK() {
			fmt.Fprintf(a.stdout, "audit trail intact: %d entries, head %s\n", rep.Entries, rep.Head)
		} else {
			fmt.Fprintf(a.stdout, "audit trail TAMPERED: %d problems in %d entries\n", len(rep.Problems), rep.Entries)
			for _, p := range rep.Problems {
				fmt.Fprintf(a.stdout, "  %s\n", p)
			}
		}
		if !rep.OK() {
			return exitFailure
		}
		return exitOK
	default:
		t, err := parseSince(*since, e.db.Now())
		if err != nil {
			return a.usageErr(fs, "--since: %v", err)
		}
		// Exporting is itself audited, before the export, so the export shows it.
		if err := e.auditCLI(ctx, audit.Entry{Action: "audit.export", Query: *since}); err != nil {
			return a.fail("%v", err)
		}
		if _, err := e.audit.Export(ctx, t, a.stdout); err != nil {
			return a.fail("%v", err)
		}
		return exitOK
	}
}

// parseSince reads a point in time: RFC 3339, a date, or a duration ago.
func parseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time (2026-01-31, 2026-01-31T12:00:00Z, or a duration such as 720h)", s)
}
