package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store/audit"
)

func cmdWatch(ctx context.Context, a *app, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "Usage: vigie watch add --channel CH [--case REF] [--for 30d] [--depth N] QUERY|SUBJECT\n       vigie watch list [--channel CH] [--all] [--json]\n       vigie watch rm ID")
		return exitUsage
	}
	switch args[0] {
	case "add":
		return watchAdd(ctx, a, args[1:])
	case "list":
		return watchList(ctx, a, args[1:])
	case "rm", "remove":
		return watchRm(ctx, a, args[1:])
	}
	fmt.Fprintf(a.stderr, "vigie: watch %q: want add, list or rm\n", args[0])
	return exitUsage
}

func watchAdd(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("watch add", "watch add --channel CH [--case REF] [--for 30d] [--depth N] QUERY|SUBJECT")
	channel := fs.String("channel", "", "case channel (name) that receives the alerts (required)")
	caseRef := fs.String("case", "", "case reference (required when VIGIE_REQUIRE_CASE=true)")
	term := fs.String("for", "", "term of the watch: 30d, 2w, 720h (default VIGIE_WATCH_TERM)")
	depth := fs.Int("depth", 0, "also fire on subjects linked within N hops, and on new links (0-3)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	target := joinArgs(pos)
	if *channel == "" || target == "" {
		return a.usageErr(fs, "watch add needs --channel and a query or subject")
	}
	if a.cfg.RequireCase && *caseRef == "" {
		return a.usageErr(fs, "a case reference is required for watches (--case C-…)")
	}
	w, err := watch.ParseTarget(target)
	if err != nil {
		return a.usageErr(fs, "%v", err)
	}
	if *term != "" {
		d, err := watch.ParseTerm(*term)
		if err != nil {
			return a.usageErr(fs, "--for %q: %v", *term, err)
		}
		w.Term = d
	}
	w.Channel, w.Case, w.Depth, w.Requester = *channel, *caseRef, *depth, cliActor()
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	got, err := e.watcher.Add(ctx, w)
	if errors.Is(err, watch.ErrInvalid) {
		return a.usageErr(fs, "%v", err)
	}
	if err != nil {
		return a.fail("add watch: %v", err)
	}
	fmt.Fprintf(a.stdout, "%s: watching %s for %s until %s\n", got.ID, describeWatch(got), got.Channel, got.Expires.Format(time.RFC3339))
	return exitOK
}

func describeWatch(w watch.Watch) string {
	if w.Kind == watch.KindSubject {
		return "subject " + w.Subject
	}
	return fmt.Sprintf("%q", w.Query)
}

func watchList(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("watch list", "watch list [--channel CH] [--all] [--json]")
	channel := fs.String("channel", "", "only this channel's watches")
	all := fs.Bool("all", false, "include expired and removed watches")
	asJSON := fs.Bool("json", false, "print the watches as JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	ws, err := e.watcher.List(ctx, watch.Filter{Channel: *channel, All: *all})
	if err != nil {
		return a.fail("%v", err)
	}
	if *asJSON {
		if ws == nil {
			ws = []watch.Watch{}
		}
		return a.writeJSON(ws)
	}
	if len(ws) == 0 {
		fmt.Fprintln(a.stdout, "No watches.")
		return exitOK
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tCHANNEL\tCASE\tTARGET\tDEPTH\tEXPIRES")
	for _, w := range ws {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", w.ID, w.State, w.Channel, w.Case, describeWatch(w), w.Depth, w.Expires.Format("2006-01-02 15:04"))
	}
	tw.Flush()
	return exitOK
}

func watchRm(ctx context.Context, a *app, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(a.stderr, "Usage: vigie watch rm ID")
		return exitUsage
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	if err := e.watcher.Remove(ctx, args[0], cliActor()); err != nil {
		return a.notFoundOr(err)
	}
	fmt.Fprintf(a.stdout, "%s removed\n", args[0])
	return exitOK
}

func cmdAlerts(ctx context.Context, a *app, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "Usage: vigie alerts list [--channel CH] [--state S] [--limit N] [--json]\n       vigie alerts ack ID")
		return exitUsage
	}
	switch args[0] {
	case "list":
		fs := a.newFlags("alerts list", "alerts list [--channel CH] [--state S] [--subject S-…] [--limit N] [--json]")
		channel := fs.String("channel", "", "only this channel")
		state := fs.String("state", "", "only this state: new, sending, delivered, acknowledged, snoozed, escalated, resolved")
		subject := fs.String("subject", "", "only this subject")
		limit := fs.Int("limit", 100, "newest N alerts (1-10000)")
		asJSON := fs.Bool("json", false, "print the alerts as JSON (the documented alert shape)")
		if _, err := parseFlags(fs, args[1:]); err != nil {
			return exitUsage
		}
		if *limit < 1 || *limit > 10000 {
			return a.usageErr(fs, "--limit %d: want 1 to 10000", *limit)
		}
		e, err := a.openEngine(ctx, false)
		if err != nil {
			return a.fail("%v", err)
		}
		defer e.Close()
		// Catch up first, so alerts for records already stored are there.
		if _, err := e.pipe.Drain(ctx); err != nil {
			return a.fail("catch up the pipeline: %v", err)
		}
		as, err := e.watcher.Alerts(ctx, watch.AlertFilter{Channel: *channel, State: *state, Subject: *subject, Limit: *limit})
		if err != nil {
			return a.fail("%v", err)
		}
		if *asJSON {
			if as == nil {
				as = []watch.Alert{}
			}
			return a.writeJSON(as)
		}
		if len(as) == 0 {
			fmt.Fprintln(a.stdout, "No alerts.")
			return exitOK
		}
		tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATE\tSEVERITY\tCHANNEL\tSUBJECT\tRECORD\tWHY")
		for _, al := range as {
			why := al.Watch
			if al.Rule != "" {
				why = "rule " + al.Rule
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s/%s\t%s: %s\n", al.ID, al.State, al.Severity, al.Channel, al.Subject, al.Record.Source, al.Record.ID, why, strings.Join(al.Evidence, " · "))
		}
		tw.Flush()
		return exitOK
	case "ack":
		if len(args) != 2 {
			fmt.Fprintln(a.stderr, "Usage: vigie alerts ack ID")
			return exitUsage
		}
		e, err := a.openEngine(ctx, false)
		if err != nil {
			return a.fail("%v", err)
		}
		defer e.Close()
		al, err := e.watcher.Ack(ctx, args[1], cliActor())
		if err != nil {
			return a.notFoundOr(err)
		}
		if err := e.auditCLI(ctx, audit.Entry{Action: "alert ack", Subject: al.Subject, Case: al.Case, Detail: al.ID, Outcome: audit.OK}); err != nil {
			return a.fail("%v", err)
		}
		fmt.Fprintf(a.stdout, "%s acknowledged by %s\n", al.ID, al.AckedBy)
		return exitOK
	}
	fmt.Fprintf(a.stderr, "vigie: alerts %q: want list or ack\n", args[0])
	return exitUsage
}

func cmdRules(ctx context.Context, a *app, args []string) int {
	if len(args) < 1 {
		fmt.Fprintln(a.stderr, "Usage: vigie rules check DIR | rules test DIR | rules backtest [--since 720h] DIR")
		return exitUsage
	}
	opt := a.ruleOptions()
	switch args[0] {
	case "check", "test":
		dir := a.cfg.RulesDir
		if len(args) > 1 {
			dir = args[1]
		}
		var err error
		if args[0] == "check" {
			err = rules.Check(dir, a.stdout, opt)
		} else {
			err = rules.Test(dir, a.stdout, opt)
		}
		if err != nil {
			fmt.Fprintf(a.stderr, "vigie: rules %s %s: failed\n", args[0], dir)
			return exitFailure
		}
		return exitOK
	case "backtest":
		fs := a.newFlags("rules backtest", "rules backtest [--since 720h] DIR")
		since := fs.String("since", "720h", "replay records last seen within this long (720h, 30d)")
		pos, err := parseFlags(fs, args[1:])
		if err != nil {
			return exitUsage
		}
		dir := a.cfg.RulesDir
		if len(pos) > 0 {
			dir = pos[0]
		}
		d, err := rules.ParseDuration(*since)
		if err != nil {
			return a.usageErr(fs, "--since %q: %v", *since, err)
		}
		e, err := a.openEngine(ctx, false)
		if err != nil {
			return a.fail("%v", err)
		}
		defer e.Close()
		if err := rules.Backtest(ctx, dir, time.Now().Add(-d), e.input, a.stdout, opt); err != nil {
			return a.fail("backtest: %v", err)
		}
		return exitOK
	}
	fmt.Fprintf(a.stderr, "vigie: rules %q: want check, test or backtest\n", args[0])
	return exitUsage
}
