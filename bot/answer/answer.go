// Package answer carries out what officers ask vigie, in chat or at the
// demo console: it checks who may do what (roles, case channels,
// clearances, rate limits), looks people up, follows links, keeps watches,
// records judgements, audits every step, and renders the answers as
// bot.Answer values the transport posts.
package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vigie/vigie/bot"
	"github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/input"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/graph"
	"github.com/vigie/vigie/store/graph/chart"
	"github.com/vigie/vigie/store/names"
	"github.com/vigie/vigie/store/resolve"
)

// Services are the parts of vigie the desk works with.
type Services struct {
	DB       *store.DB
	Resolver *resolve.Resolver
	Graph    *graph.Graph
	Watcher  *watch.Watcher
	Audit    *audit.Log
	Input    *input.Builder
	// RulesStatus describes the rule set in force and its last reload.
	RulesStatus func() string
	// Rules returns the live rule set.
	Rules func() *rules.Set
}

// Options tune the desk.
type Options struct {
	// RequireCase makes lookups and watches ask for a case reference.
	RequireCase bool
	// Levels orders classifications (DefaultLevels).
	Levels Levels
	// Rate and Burst limit each user's requests (per second, at once).
	// Defaults 1/s and 20.
	Rate, Burst float64
	// Limit is a lookup's default number of subjects. Default 5.
	Limit int
	// Charts draws link charts for lookups and links. Default true.
	Charts bool
	// Notify sends a direct message to a user (deconfliction notices);
	// nil: notices only go to the asker.
	Notify func(ctx context.Context, userID, text string) error
	// Now is the clock.
	Now func() time.Time
	// Logger; default discard.
	Logger *slog.Logger
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{Levels: DefaultLevels(), Rate: 1, Burst: 20, Limit: 5, Charts: true, Now: time.Now}
}

// Desk implements bot.Backend.
type Desk struct {
	s     Services
	dir   Directory
	opt   Options
	cases Cases
	lim   *limiter
}

// New returns a desk over the services, asking dir who people are.
func New(s Services, dir Directory, opt Options) *Desk {
	if opt.Levels == nil {
		opt.Levels = DefaultLevels()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Limit <= 0 {
		opt.Limit = 5
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Desk{s: s, dir: dir, opt: opt, cases: Cases{DB: s.DB}, lim: newLimiter(opt.Rate, opt.Burst, opt.Now)}
}

// Cases gives access to the case channel registry.
func (d *Desk) Cases() Cases { return d.cases }

func private(format string, args ...any) bot.Answer {
	return bot.Answer{Text: fmt.Sprintf(format, args...), Private: true}
}

// refuse answers politely and audits the refusal.
func (d *Desk) refuse(ctx context.Context, req bot.Request, action, reason string) (bot.Answer, error) {
	_ = d.audit(ctx, req, audit.Entry{Action: action, Outcome: audit.Refused, Detail: reason})
	return private("Sorry, I can't do that: %s", reason), nil
}

func (d *Desk) audit(ctx context.Context, req bot.Request, e audit.Entry) error {
	e.Actor = req.UserName
	if e.Actor == "" {
		e.Actor = req.UserID
	}
	if e.From == "" {
		e.From = req.From + ":" + req.ChannelID
	}
	if e.Outcome == "" {
		e.Outcome = audit.OK
	}
	if _, err := d.s.Audit.Append(ctx, e); err != nil {
		// Callers that reveal data stop on this error: what cannot be
		// audited is not answered. Refusals and notices log it loudly.
		d.opt.Logger.Error("audit entry not written", "action", e.Action, "err", err)
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// Do carries out one command.
func (d *Desk) Do(ctx context.Context, req bot.Request, cmd command.Command) (bot.Answer, error) {
	if !d.lim.allow(req.UserID) {
		return d.refuse(ctx, req, cmd.Verb, "you are sending requests too fast; wait a minute and try again")
	}
	p, err := d.dir.Person(ctx, req.UserID)
	if err != nil {
		return bot.Answer{}, fmt.Errorf("who is %s: %w", req.UserID, err)
	}
	if cmd.Verb == command.Help {
		return private("%s", command.Usage(command.Topic(cmd.Topic))), nil
	}
	if !p.Officer && !p.Supervisor && !p.Admin {
		return d.refuse(ctx, req, cmd.Verb, "vigie answers officers of the unit only; ask your supervisor for access")
	}
	switch cmd.Verb {
	case command.Lookup:
		return d.lookup(ctx, req, p, cmd)
	case command.Links:
		return d.links(ctx, req, p, cmd.Text, cmd.Depth)
	case command.Path:
		return d.path(ctx, req, p, cmd.A, cmd.B)
	case command.Watch:
		return d.watch(ctx, req, p, cmd)
	case command.Watches:
		return d.watches(ctx, req)
	case command.Unwatch:
		return d.unwatch(ctx, req, p, cmd.Text)
	case command.CaseOpen, command.CaseClose:
		return d.caseCmd(ctx, req, p, cmd)
	case command.Judge:
		return d.judge(ctx, req, p, cmd.Same, cmd.A, cmd.B, cmd.Case)
	case command.Audit:
		return d.auditSubject(ctx, req, p, cmd.Text)
	case command.Rules:
		return d.rulesInfo(ctx, req)
	}
	return private("%s", command.Usage("")), nil
}

// caseRef is the case a request is made for: given in the command, in the
// dialog, or the case of the channel it is made in.
func (d *Desk) caseRef(req bot.Request, given string) string {
	if given != "" {
		return given
	}
	if req.Case != "" {
		return req.Case
	}
	if c, ok, _ := d.cases.Get(req.ChannelID); ok && c.Open() {
		return c.Ref
	}
	return ""
}

func (d *Desk) visible(p Person) func(store.Record) bool {
	return func(r store.Record) bool { return d.opt.Levels.Cleared(p, r) }
}

func (d *Desk) lookup(ctx context.Context, req bot.Request, p Person, cmd command.Command) (bot.Answer, error) {
	caseRef := d.caseRef(req, cmd.Case)
	if d.opt.RequireCase && caseRef == "" {
		return bot.Answer{NeedCase: true, Private: true, Text: "A lookup needs a case reference (case C-…)."}, nil
	}
	q, err := resolve.ParseQuery(cmd.Text)
	if err != nil {
		return private("I can't search for that: %v. Give a name, a date of birth or an identifier.", err), nil
	}
	limit := cmd.Limit
	if limit == 0 {
		limit = d.opt.Limit
	}
	hits, err := d.s.Resolver.Lookup(ctx, q, resolve.LookupOptions{Limit: limit, Visible: d.visible(p)})
	if err != nil {
		_ = d.audit(ctx, req, audit.Entry{Action: "lookup", Query: cmd.Text, Case: caseRef, Outcome: audit.Failed, Detail: err.Error()})
		return bot.Answer{}, fmt.Errorf("lookup: %w", err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Subject)
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "lookup", Query: cmd.Text, Case: caseRef, Subject: strings.Join(ids, " "), Detail: fmt.Sprintf("%d subjects", len(hits))}); err != nil {
		return bot.Answer{}, err
	}
	ans := bot.Answer{Private: true}
	if len(hits) == 0 {
		ans.Text = fmt.Sprintf("No one matches **%s**.", escape(cmd.Text))
		return ans, nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%d subject(s)** for _%s_", len(hits), escape(cmd.Text))
	if caseRef != "" {
		fmt.Fprintf(&b, " (case %s)", escape(caseRef))
	}
	b.WriteString("\n")
	for i, h := range hits {
		card, err := d.subjectCard(ctx, p, h, i == 0)
		if err != nil {
			return bot.Answer{}, err
		}
		if i > 0 && len(hits[0].Records) > 0 && len(h.Records) > 0 {
			a, bb := hits[0].Best.String(), h.Best.String()
			card.Buttons = append(card.Buttons,
				bot.Button{Name: "Same person as #1", Action: bot.ActSame, Args: map[string]string{"a": a, "b": bb}},
				bot.Button{Name: "Not the same as #1", Action: bot.ActDifferent, Args: map[string]string{"a": a, "b": bb}, Style: "danger"})
		}
		ans.Attachments = append(ans.Attachments, card)
	}
	ans.Text = b.String()
	if notice := d.deconflict(ctx, req, p, hits[0].Subject, caseRef); notice != "" {
		ans.Text += "\n" + notice
	}
	if d.opt.Charts && d.s.Graph != nil {
		if png, err := d.chartFor(ctx, hits[0].Subject); err == nil && png != nil {
			ans.Chart, ans.ChartName = png, hits[0].Subject+"-links.png"
		}
	}
	return ans, nil
}

// subjectCard renders one subject: score, evidence, names, dates, records
// newest first, rule flags and a link summary.
func (d *Desk) subjectCard(ctx context.Context, p Person, h resolve.Hit, withLinks bool) (bot.Attachment, error) {
	name := h.Subject
	if len(h.Names) > 0 {
		name = displayName(h.Names)
	}
	color := "#9b9b9b"
	if h.Match {
		color = "#4a90e2"
	}
	at := bot.Attachment{Color: color, Title: fmt.Sprintf("%s — %s · score %.2f (%s)", name, h.Subject, h.Score, h.Strength)}
	var t strings.Builder
	if len(h.Evidence) > 0 {
		t.WriteString("Evidence: " + escape(strings.Join(h.Evidence, " · ")) + "\n")
	}
	if len(h.Names) > 1 {
		t.WriteString("Also known as: " + escape(strings.Join(h.Names[1:min(len(h.Names), 8)], "; ")) + "\n")
	}
	if len(h.BirthDates) > 0 {
		t.WriteString("Born: " + escape(strings.Join(h.BirthDates, ", ")) + "\n")
	}
	recs := slices.Clone(h.Records)
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].LastSeen.After(recs[j].LastSeen) })
	for i, r := range recs {
		if i == 8 {
			fmt.Fprintf(&t, "- … and %d more records\n", len(recs)-i)
			break
		}
		fmt.Fprintf(&t, "- `%s/%s` %s %q, %s\n", r.Source, r.ID, r.Schema, r.Caption, r.LastSeen.Format("2006-01-02"))
	}
	if h.Hidden > 0 {
		fmt.Fprintf(&t, "- %d record(s) you are not cleared for\n", h.Hidden)
	}
	if d.s.Input != nil {
		if flags, err := d.s.Input.Flags(ctx, h.Subject); err == nil {
			for _, f := range flags {
				fmt.Fprintf(&t, "⚑ **%s** (%s, rule %s)\n", escape(f.Text), f.Severity, f.Rule)
				at.Color = severityColor(string(f.Severity))
			}
		}
	}
	if withLinks && d.s.Graph != nil {
		if sum, names, err := d.summary(ctx, h.Subject, 3); err == nil {
			t.WriteString(renderSummary(sum, names))
		}
	}
	at.Text = t.String()
	at.Buttons = []bot.Button{
		{Name: "Watch", Action: bot.ActWatch, Args: map[string]string{"subject": h.Subject}, Style: "primary"},
		{Name: "Subject card", Action: bot.ActCard, Args: map[string]string{"subject": h.Subject}},
	}
	return at, nil
}

func severityColor(s string) string {
	switch strings.ToLower(s) {
	case "critical":
		return "#8b0000"
	case "high":
		return "#d0021b"
	case "medium":
		return "#f5a623"
	case "low":
		return "#4a90e2"
	}
	return "#9b9b9b"
}

// escape keeps user and record text from being read as Markdown markup.
func escape(s string) string {
	r := strings.NewReplacer("*", "\\*", "_", "\\_", "`", "'", "[", "\\[", "]", "\\]", "@", "@\u200b", "<", "‹", ">", "›")
	return r.Replace(s)
}

// displayName picks a name in Latin script when there is one.
func displayName(ns []string) string {
	for _, n := range ns {
		if strings.TrimSpace(names.Latinize(n)) != "" && isLatin(n) {
			return n
		}
	}
	if lat := strings.TrimSpace(names.Latinize(ns[0])); lat != "" {
		return ns[0] + " (" + lat + ")"
	}
	return ns[0]
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x024F && r != '’' {
			return false
		}
	}
	return true
}

// summary computes a subject's link summary with display names, marking
// watched and flagged subjects as of interest.
func (d *Desk) summary(ctx context.Context, subject string, depth int) (graph.Summary, map[string]string, error) {
	watched := d.watchedSubjects(ctx)
	interesting := func(s string) (bool, string) {
		if watched[s] {
			return true, "watched"
		}
		if d.s.Input != nil {
			if flags, err := d.s.Input.Flags(ctx, s); err == nil && len(flags) > 0 {
				return true, flags[0].Text
			}
		}
		return false, ""
	}
	var sum graph.Summary
	err := d.s.DB.View(func(txn *store.Txn) error {
		var err error
		sum, err = d.s.Graph.Summary(txn, d.s.Resolver, subject, depth, interesting)
		return err
	})
	if err != nil {
		return sum, nil, err
	}
	subs := []string{sum.Subject}
	for _, g := range sum.Direct {
		for _, l := range g.Links {
			subs = append(subs, l.Subject)
		}
	}
	for _, p := range sum.Flagged {
		subs = append(subs, p.Subjects...)
	}
	return sum, d.names(ctx, subs), nil
}

func (d *Desk) watchedSubjects(ctx context.Context) map[string]bool {
	out := map[string]bool{}
	ws, err := d.s.Watcher.List(ctx, watch.Filter{})
	if err != nil {
		return out
	}
	_ = d.s.DB.View(func(txn *store.Txn) error {
		for _, w := range ws {
			if w.Kind == watch.KindSubject && w.State == watch.StateActive {
				if s, err := resolve.Canonical(txn, w.Subject); err == nil {
					out[s] = true
				}
			}
		}
		return nil
	})
	return out
}

// names gives a display name per subject or record node.
func (d *Desk) names(ctx context.Context, subjects []string) map[string]string {
	out := map[string]string{}
	for _, s := range subjects {
		if _, ok := out[s]; ok {
			continue
		}
		out[s] = s
		if ref, ok := strings.CutPrefix(s, graph.RecordNodePrefix); ok {
			if src, id, ok := strings.Cut(ref, "/"); ok {
				if rec, err := d.s.DB.Get(store.Key{Source: src, ID: id}); err == nil && len(rec.Properties["name"]) > 0 {
					out[s] = displayName(rec.Properties["name"])
				}
			}
			continue
		}
		if subj, err := d.s.Resolver.Subject(ctx, s, nil); err == nil && len(subj.Names) > 0 {
			out[s] = displayName(subj.Names)
		}
	}
	return out
}

func evidenceText(ev []graph.Evidence) string {
	var parts []string
	for i, e := range ev {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("+%d", len(ev)-i))
			break
		}
		p := string(e.Type)
		if e.Role != "" {
			p += " (" + e.Role + ")"
		}
		if e.Value != "" {
			p += " " + e.Value
		}
		if e.Date != "" {
			p += ", " + e.Date
		}
		if len(e.Records) > 0 {
			p += " `" + e.Records[0].String() + "`"
		}
		parts = append(parts, escape(p))
	}
	return strings.Join(parts, "; ")
}

func renderSummary(sum graph.Summary, names map[string]string) string {
	var b strings.Builder
	if len(sum.Direct) == 0 && len(sum.Flagged) == 0 {
		return "Links: none known.\n"
	}
	b.WriteString("**Links**\n")
	for _, g := range sum.Direct {
		fmt.Fprintf(&b, "- %s: ", g.Type)
		var ls []string
		for i, l := range g.Links {
			if i == 6 {
				ls = append(ls, fmt.Sprintf("… %d more", len(g.Links)-i))
				break
			}
			ls = append(ls, fmt.Sprintf("%s (%s; %s)", escape(names[l.Subject]), l.Subject, evidenceText(l.Evidence)))
		}
		b.WriteString(strings.Join(ls, ", ") + "\n")
	}
	for _, p := range sum.Flagged {
		var hops []string
		for _, s := range p.Subjects {
			hops = append(hops, escape(names[s]))
		}
		fmt.Fprintf(&b, "- ⚠ path to a subject of interest (%s): %s\n", escape(p.Why), strings.Join(hops, " → "))
	}
	if sum.Truncated {
		b.WriteString("- (partial: too many links to list them all)\n")
	}
	return b.String()
}

func (d *Desk) chartFor(ctx context.Context, subject string) ([]byte, error) {
	sum, names, err := d.summary(ctx, subject, 2)
	if err != nil || len(sum.Direct) == 0 {
		return nil, err
	}
	return chart.Chart(ctx, graph.SummaryChart(sum, func(s string) string { return names[s] }), chart.PNG)
}

// subjectArg turns what an officer typed into a subject: S-…, a record
// (SOURCE/ID), or a name (the best strong lookup hit).
func (d *Desk) subjectArg(ctx context.Context, p Person, arg string) (string, error) {
	arg = strings.TrimSpace(arg)
	var subject string
	err := d.s.DB.View(func(txn *store.Txn) error {
		if strings.HasPrefix(arg, "S-") {
			s, err := resolve.Canonical(txn, arg)
			if err != nil {
				return err
			}
			if keys, err := d.s.Resolver.Records(txn, s); err == nil && len(keys) > 0 {
				subject = s
			}
			return nil
		}
		if strings.Contains(arg, "/") {
			if src, id, ok := strings.Cut(arg, "/"); ok {
				if s, err := d.s.Resolver.SubjectOf(txn, store.Key{Source: src, ID: id}); err == nil {
					subject = s
				}
			}
		}
		return nil
	})
	if err != nil || subject != "" {
		return subject, err
	}
	q, err := resolve.ParseQuery(arg)
	if err != nil {
		return "", fmt.Errorf("%q is not a subject I know", arg)
	}
	hits, err := d.s.Resolver.Lookup(ctx, q, resolve.LookupOptions{Limit: 1, Visible: d.visible(p)})
	if err != nil {
		return "", err
	}
	if len(hits) == 0 || !hits[0].Match {
		return "", fmt.Errorf("no subject matches %q strongly enough; look it up first and use its S- id", arg)
	}
	return hits[0].Subject, nil
}

func (d *Desk) links(ctx context.Context, req bot.Request, p Person, arg string, depth int) (bot.Answer, error) {
	subject, err := d.subjectArg(ctx, p, arg)
	if err != nil {
		return private("%v", err), nil
	}
	if depth == 0 {
		depth = 3
	}
	sum, names, err := d.summary(ctx, subject, depth)
	if err != nil {
		return bot.Answer{}, err
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "links", Subject: subject, Case: d.caseRef(req, "")}); err != nil {
		return bot.Answer{}, err
	}
	ans := bot.Answer{Private: true, Text: fmt.Sprintf("**Links of %s** (%s)\n%s", escape(names[subject]), subject, renderSummary(sum, names))}
	if d.opt.Charts && len(sum.Direct) > 0 {
		if png, err := chart.Chart(ctx, graph.SummaryChart(sum, func(s string) string { return names[s] }), chart.PNG); err == nil {
			ans.Chart, ans.ChartName = png, subject+"-links.png"
		}
	}
	return ans, nil
}

func (d *Desk) path(ctx context.Context, req bot.Request, p Person, a, b string) (bot.Answer, error) {
	from, err := d.subjectArg(ctx, p, a)
	if err != nil {
		return private("%v", err), nil
	}
	to, err := d.subjectArg(ctx, p, b)
	if err != nil {
		return private("%v", err), nil
	}
	var paths []graph.Path
	err = d.s.DB.View(func(txn *store.Txn) error {
		paths, err = d.s.Graph.Paths(txn, d.s.Resolver, from, to, 3, graph.MaxPathHops)
		return err
	})
	if err != nil {
		return bot.Answer{}, err
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "path", Subject: from + " " + to, Case: d.caseRef(req, "")}); err != nil {
		return bot.Answer{}, err
	}
	subs := []string{from, to}
	for _, pt := range paths {
		subs = append(subs, pt.Subjects...)
	}
	nm := d.names(ctx, subs)
	if len(paths) == 0 {
		return private("No evidenced path of up to %d hops between %s (%s) and %s (%s).", graph.MaxPathHops, escape(nm[from]), from, escape(nm[to]), to), nil
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "**Paths from %s to %s**\n", escape(nm[from]), escape(nm[to]))
	for i, pt := range paths {
		fmt.Fprintf(&sb, "%d. %d hop(s)\n", i+1, len(pt.Hops))
		for _, h := range pt.Hops {
			fmt.Fprintf(&sb, "   - %s → %s: %s\n", escape(nm[h.From]), escape(nm[h.To]), evidenceText(h.Evidence))
		}
	}
	ans := bot.Answer{Private: true, Text: sb.String()}
	if d.opt.Charts {
		if png, err := chart.Chart(ctx, graph.PathsChart(paths, func(s string) string { return nm[s] }), chart.PNG); err == nil {
			ans.Chart, ans.ChartName = png, from+"-"+to+"-path.png"
		}
	}
	return ans, nil
}

// caseChannel returns the open case registered for the request's channel.
func (d *Desk) caseChannel(req bot.Request) (Case, bool) {
	c, ok, err := d.cases.Get(req.ChannelID)
	return c, err == nil && ok && c.Open()
}

func (d *Desk) watch(ctx context.Context, req bot.Request, p Person, cmd command.Command) (bot.Answer, error) {
	cs, ok := d.caseChannel(req)
	if !ok {
		return d.refuse(ctx, req, "watch.add", "watches live in a registered private case channel; a supervisor registers one with /vigie case open C-…")
	}
	caseRef := d.caseRef(req, cmd.Case)
	target := cmd.Text
	if !strings.HasPrefix(strings.TrimSpace(target), "S-") {
		if s, err := d.subjectArg(ctx, p, target); err == nil && strings.Contains(target, "/") {
			target = s
		}
	}
	w, err := watch.ParseTarget(target)
	if err != nil {
		return private("I can't watch that: %v", err), nil
	}
	if cmd.Term != "" {
		if w.Term, err = watch.ParseTerm(cmd.Term); err != nil {
			return private("I can't read the term %q: %v (say 30d, 2w or 72h)", cmd.Term, err), nil
		}
	}
	w.Channel, w.Case, w.Depth, w.Requester = req.ChannelID, caseRef, cmd.Depth, req.UserName
	got, err := d.s.Watcher.Add(ctx, w)
	if errors.Is(err, watch.ErrInvalid) {
		return private("I can't watch that: %v", err), nil
	}
	if err != nil {
		return bot.Answer{}, err
	}
	text := fmt.Sprintf("👁 **%s**: watching %s in this channel for case %s until %s (requested by @%s).", got.ID, describe(got), escape(cs.Ref), got.Expires.Format("2006-01-02"), req.UserName)
	if got.Kind == watch.KindSubject {
		if notice := d.deconflict(ctx, req, p, got.Subject, caseRef); notice != "" {
			text += "\n" + notice
		}
	}
	return bot.Answer{Text: text}, nil
}

func describe(w watch.Watch) string {
	if w.Kind == watch.KindSubject {
		return "subject " + w.Subject
	}
	return "anyone matching _" + escape(w.Query) + "_"
}

func (d *Desk) watches(ctx context.Context, req bot.Request) (bot.Answer, error) {
	ws, err := d.s.Watcher.List(ctx, watch.Filter{Channel: req.ChannelID})
	if err != nil {
		return bot.Answer{}, err
	}
	if len(ws) == 0 {
		return private("No active watch in this channel."), nil
	}
	var b strings.Builder
	b.WriteString("| watch | target | case | until | by |\n|---|---|---|---|---|\n")
	for _, w := range ws {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", w.ID, describe(w), escape(w.Case), w.Expires.Format("2006-01-02"), escape(w.Requester))
	}
	return private("%s", b.String()), nil
}

func (d *Desk) unwatch(ctx context.Context, req bot.Request, p Person, id string) (bot.Answer, error) {
	w, err := d.s.Watcher.Get(ctx, id)
	if err != nil {
		return private("There is no watch %s.", escape(id)), nil
	}
	if w.Channel != req.ChannelID && !p.Supervisor && !p.Admin {
		return d.refuse(ctx, req, "watch.remove", "that watch belongs to another channel")
	}
	if err := d.s.Watcher.Remove(ctx, id, req.UserName); err != nil {
		return bot.Answer{}, err
	}
	return bot.Answer{Text: fmt.Sprintf("%s ended by @%s.", w.ID, req.UserName)}, nil
}

func (d *Desk) caseCmd(ctx context.Context, req bot.Request, p Person, cmd command.Command) (bot.Answer, error) {
	action := "case.open"
	if cmd.Verb == command.CaseClose {
		action = "case.close"
	}
	if !p.Supervisor && !p.Admin {
		return d.refuse(ctx, req, action, "only a supervisor registers or closes case channels")
	}
	if req.ChannelType != "P" {
		return d.refuse(ctx, req, action, "a case channel must be a private channel (vigie never posts subject data in a public one)")
	}
	c, _, err := d.cases.Get(req.ChannelID)
	if err != nil {
		return bot.Answer{}, err
	}
	now := d.opt.Now()
	if cmd.Verb == command.CaseOpen {
		c = Case{ChannelID: req.ChannelID, ChannelName: req.ChannelName, Ref: cmd.Case, Owner: req.UserID, OwnerName: req.UserName, Opened: now}
	} else {
		if !c.Open() {
			return private("This channel has no open case."), nil
		}
		c.Closed = now
	}
	if err := d.cases.Put(c); err != nil {
		return bot.Answer{}, err
	}
	if err := d.audit(ctx, req, audit.Entry{Action: action, Case: cmd.Case}); err != nil {
		return bot.Answer{}, err
	}
	if cmd.Verb == command.CaseOpen {
		return bot.Answer{Text: fmt.Sprintf("📁 This channel is now the case channel of **%s** (owner @%s). Alerts for its watches will be posted here.", escape(cmd.Case), req.UserName)}, nil
	}
	return bot.Answer{Text: fmt.Sprintf("📁 Case **%s** closed by @%s.", escape(c.Ref), req.UserName)}, nil
}

func (d *Desk) judge(ctx context.Context, req bot.Request, p Person, same bool, a, b, caseRef string) (bot.Answer, error) {
	ka, okA := parseKey(a)
	kb, okB := parseKey(b)
	if !okA || !okB {
		return private("Name the records as SOURCE/ID, as lookups show them."), nil
	}
	caseRef = d.caseRef(req, caseRef)
	err := d.s.Resolver.Judge(ctx, same, ka, kb, req.UserName, caseRef, d.opt.Now())
	word := "different people"
	if same {
		word = "the same person"
	}
	if err != nil {
		_ = d.audit(ctx, req, audit.Entry{Action: "judge", Query: a + " " + b, Case: caseRef, Outcome: audit.Failed, Detail: err.Error()})
		return private("I could not record that: %v", err), nil
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "judge", Query: a + " " + b, Case: caseRef, Detail: word}); err != nil {
		return bot.Answer{}, err
	}
	return bot.Answer{Private: true, Text: fmt.Sprintf("Recorded: `%s` and `%s` are %s (by @%s). Entity resolution follows this from now on.", a, b, word, req.UserName),
		Update: fmt.Sprintf("Judged %s by @%s at %s.", word, req.UserName, d.opt.Now().Format("2006-01-02 15:04"))}, nil
}

func parseKey(s string) (store.Key, bool) {
	src, id, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok || src == "" || id == "" {
		return store.Key{}, false
	}
	return store.Key{Source: src, ID: id}, true
}

func (d *Desk) auditSubject(ctx context.Context, req bot.Request, p Person, subject string) (bot.Answer, error) {
	if !p.Supervisor && !p.Admin {
		return d.refuse(ctx, req, "audit.subject", "only supervisors see who looked a subject up")
	}
	entries, err := d.s.Audit.BySubject(ctx, subject, 50)
	if err != nil {
		return bot.Answer{}, err
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "audit.subject", Subject: subject}); err != nil {
		return bot.Answer{}, err
	}
	if len(entries) == 0 {
		return private("No one has looked %s up.", escape(subject)), nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**Who consulted %s**\n| when | who | what | case | outcome |\n|---|---|---|---|---|\n", escape(subject))
	for _, e := range entries {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", e.Time.Format("2006-01-02 15:04"), escape(e.Actor), e.Action, escape(e.Case), e.Outcome)
	}
	return private("%s", b.String()), nil
}

func (d *Desk) rulesInfo(ctx context.Context, req bot.Request) (bot.Answer, error) {
	var b strings.Builder
	if d.s.RulesStatus != nil {
		b.WriteString(d.s.RulesStatus() + "\n")
	}
	if d.s.Rules != nil {
		if set := d.s.Rules(); set != nil {
			b.WriteString("| rule | kind | severity | flag |\n|---|---|---|---|\n")
			for _, r := range set.Rules() {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Name, r.Kind, r.Severity, escape(r.Flag))
			}
		}
	}
	if b.Len() == 0 {
		b.WriteString("No rules are loaded.")
	}
	return private("%s", b.String()), nil
}

// deconflict tells the asker, and the owners of other case channels that
// watch the subject, that another unit has an interest — who to contact,
// never the other case's details.
func (d *Desk) deconflict(ctx context.Context, req bot.Request, p Person, subject, caseRef string) string {
	ws, err := d.s.Watcher.List(ctx, watch.Filter{})
	if err != nil {
		return ""
	}
	var owners []Case
	_ = d.s.DB.View(func(txn *store.Txn) error {
		for _, w := range ws {
			if w.Kind != watch.KindSubject || w.State != watch.StateActive || w.Channel == req.ChannelID {
				continue
			}
			s, err := resolve.Canonical(txn, w.Subject)
			if err != nil || s != subject {
				continue
			}
			c, ok, _ := d.cases.Get(w.Channel)
			if !ok {
				c, ok, _ = d.cases.ByName(w.Channel)
			}
			if ok && !slices.ContainsFunc(owners, func(o Case) bool { return o.ChannelID == c.ChannelID }) {
				owners = append(owners, c)
			}
		}
		return nil
	})
	if len(owners) == 0 {
		return ""
	}
	var contacts []string
	for _, o := range owners {
		contacts = append(contacts, "@"+o.OwnerName)
		if d.opt.Notify != nil && o.Owner != "" {
			_ = d.opt.Notify(ctx, o.Owner, fmt.Sprintf("ℹ️ Deconfliction: another unit (contact @%s) has shown an interest in %s, which your case channel watches.", req.UserName, subject))
		}
	}
	if my, ok := d.caseChannel(req); ok && d.opt.Notify != nil && my.Owner != "" && my.Owner != req.UserID {
		_ = d.opt.Notify(ctx, my.Owner, fmt.Sprintf("ℹ️ Deconfliction: %s, looked up in your case channel, is also of interest to another unit (contact %s).", subject, strings.Join(contacts, ", ")))
	}
	_ = d.audit(ctx, req, audit.Entry{Action: "deconfliction", Subject: subject, Case: caseRef, Detail: strings.Join(contacts, " ")})
	return fmt.Sprintf("ℹ️ Another unit has an interest in %s: contact %s.", subject, strings.Join(contacts, ", "))
}

// Press carries out a button.
func (d *Desk) Press(ctx context.Context, req bot.Request, action string, args map[string]string) (bot.Answer, error) {
	if !d.lim.allow(req.UserID) {
		return d.refuse(ctx, req, action, "you are sending requests too fast")
	}
	p, err := d.dir.Person(ctx, req.UserID)
	if err != nil {
		return bot.Answer{}, err
	}
	if !p.Officer && !p.Supervisor && !p.Admin {
		return d.refuse(ctx, req, action, "vigie answers officers of the unit only")
	}
	switch action {
	case bot.ActWatch:
		return d.watch(ctx, req, p, command.Command{Verb: command.Watch, Text: args["subject"]})
	case bot.ActSame, bot.ActDifferent:
		return d.judge(ctx, req, p, action == bot.ActSame, args["a"], args["b"], "")
	case bot.ActCard:
		hits, err := d.cardOf(ctx, p, args["subject"])
		if err != nil {
			return private("%v", err), nil
		}
		if err := d.audit(ctx, req, audit.Entry{Action: "card", Subject: args["subject"]}); err != nil {
			return bot.Answer{}, err
		}
		return bot.Answer{Private: true, Attachments: hits}, nil
	case bot.ActAck, bot.ActSnooze, bot.ActEscalate:
		return d.alertAction(ctx, req, action, args["alert"])
	}
	return private("That button is no longer supported."), nil
}

func (d *Desk) cardOf(ctx context.Context, p Person, subject string) ([]bot.Attachment, error) {
	s, err := d.s.Resolver.Subject(ctx, subject, d.visible(p))
	if err != nil {
		return nil, fmt.Errorf("subject %s: %w", subject, err)
	}
	h := resolve.Hit{Subject: s.ID, Names: s.Names, Records: s.Records, Hidden: s.Hidden, Score: 1, Match: true, Strength: "card"}
	card, err := d.subjectCard(ctx, p, h, true)
	if err != nil {
		return nil, err
	}
	return []bot.Attachment{card}, nil
}

func (d *Desk) alertAction(ctx context.Context, req bot.Request, action, id string) (bot.Answer, error) {
	al, err := d.s.Watcher.Alert(ctx, id)
	if err != nil {
		return private("There is no alert %s.", escape(id)), nil
	}
	if al.Channel != req.ChannelID {
		if c, ok, _ := d.cases.ByName(al.Channel); !ok || c.ChannelID != req.ChannelID {
			return d.refuse(ctx, req, "alert."+action, "that alert belongs to another channel")
		}
	}
	now := d.opt.Now()
	var verb string
	switch action {
	case bot.ActAck:
		_, err = d.s.Watcher.Ack(ctx, id, req.UserName)
		verb = "Acknowledged"
	case bot.ActSnooze:
		_, err = d.s.Watcher.Snooze(ctx, id, req.UserName, now.Add(24*time.Hour))
		verb = "Snoozed for 24 h"
	case bot.ActEscalate:
		to := "supervisors"
		if c, ok := d.caseChannel(req); ok && c.OwnerName != "" {
			to = "@" + c.OwnerName
		}
		_, err = d.s.Watcher.Escalate(ctx, id, req.UserName, to)
		verb = "Escalated to " + to
	}
	if err != nil {
		return bot.Answer{}, err
	}
	if err := d.audit(ctx, req, audit.Entry{Action: "alert." + action, Subject: al.Subject, Case: al.Case, Detail: id}); err != nil {
		return bot.Answer{}, err
	}
	stamp := fmt.Sprintf("%s by @%s at %s.", verb, req.UserName, now.Format("2006-01-02 15:04"))
	return bot.Answer{Private: true, Text: stamp, Update: stamp}, nil
}
