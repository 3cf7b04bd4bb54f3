package answer

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/bot"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
)

// Outbox adapts the watcher's alert outbox to the bot's delivery loop: it
// renders each alert as a card for its channel — redacted to "restricted
// hit" when any member of the channel is not cleared for the record — maps
// channel names given on the command line to channel ids, and audits every
// delivery.
type Outbox struct {
	d *Desk
	// ChannelID resolves a channel name to its id; nil leaves names as
	// they are.
	ChannelID func(ctx context.Context, name string) (string, error)

	mu      sync.Mutex
	stored  map[string]string // channel id → channel as the watcher keeps it
	subject map[string]string // alert id → channel id, for delivery audit
}

// NewOutbox returns the outbox adapter of a desk.
func NewOutbox(d *Desk, channelID func(ctx context.Context, name string) (string, error)) *Outbox {
	return &Outbox{d: d, ChannelID: channelID, stored: map[string]string{}, subject: map[string]string{}}
}

// Pending returns due alert groups, rendered.
func (o *Outbox) Pending(ctx context.Context, limit int) ([]bot.Group, time.Time, error) {
	groups, next, err := o.d.s.Watcher.Pending(ctx, limit)
	if err != nil {
		return nil, next, err
	}
	out := make([]bot.Group, 0, len(groups))
	for _, g := range groups {
		chID := g.Channel
		if c, ok, _ := o.d.cases.ByName(g.Channel); ok {
			chID = c.ChannelID
		} else if o.ChannelID != nil && !looksLikeID(g.Channel) {
			id, err := o.ChannelID(ctx, g.Channel)
			if err != nil {
				o.d.opt.Logger.Warn("alert channel unknown; kept in the outbox", "channel", g.Channel, "err", err)
				continue
			}
			chID = id
		}
		o.mu.Lock()
		o.stored[chID] = g.Channel
		o.mu.Unlock()
		bg := bot.Group{ChannelID: chID, Subject: g.Subject, Root: g.Root}
		for _, a := range g.Alerts {
			ba, err := o.render(ctx, chID, a)
			if err != nil {
				return nil, next, err
			}
			bg.Alerts = append(bg.Alerts, ba)
		}
		out = append(out, bg)
	}
	return out, next, nil
}

// looksLikeID reports whether s has the shape of a Mattermost id (26
// lower-case letters and digits).
func looksLikeID(s string) bool {
	if len(s) != 26 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// render makes the card of one alert for a channel.
func (o *Outbox) render(ctx context.Context, channelID string, a watch.Alert) (bot.Alert, error) {
	d := o.d
	subjectName := a.Subject
	if a.Subject != "" {
		subjectName = d.names(ctx, []string{a.Subject})[a.Subject]
	}
	owner := "the case owner"
	if c, ok, _ := d.cases.Get(channelID); ok && c.OwnerName != "" {
		owner = "@" + c.OwnerName
	}
	cleared, err := o.channelCleared(ctx, channelID, a)
	if err != nil {
		return bot.Alert{}, err
	}
	ba := bot.Alert{ID: a.ID, Severity: a.Severity}
	if !cleared {
		ba.Card = bot.Attachment{Color: severityColor(a.Severity), Title: "Restricted hit",
			Text:    fmt.Sprintf("A watch in this channel has a hit on a record not every member here is cleared for. Contact %s.", owner),
			Buttons: []bot.Button{{Name: "Acknowledge", Action: bot.ActAck, Args: map[string]string{"alert": a.ID}, Style: "primary"}}}
		ba.Summary = "Restricted hits — contact " + owner
		return ba, nil
	}
	title := fmt.Sprintf("[%s] %s", strings.ToUpper(a.Severity), alertTitle(a, subjectName))
	var t strings.Builder
	if a.Message != "" {
		t.WriteString(escape(a.Message) + "\n")
	}
	if len(a.Evidence) > 0 {
		t.WriteString("Evidence: " + escape(strings.Join(a.Evidence, " · ")))
	}
	fields := []bot.Field{
		{Title: "Record", Value: fmt.Sprintf("`%s/%s` (%s, v%d)", a.Record.Source, a.Record.ID, a.Schema, a.Record.Version), Short: true},
		{Title: "Subject", Value: fmt.Sprintf("%s (%s)", escape(subjectName), a.Subject), Short: true},
	}
	if a.Watch != "" {
		fields = append(fields, bot.Field{Title: "Watch", Value: a.Watch, Short: true})
	}
	if a.Rule != "" {
		fields = append(fields, bot.Field{Title: "Rule", Value: a.Rule, Short: true})
	}
	if a.Case != "" {
		fields = append(fields, bot.Field{Title: "Case", Value: escape(a.Case), Short: true})
	}
	fields = append(fields, bot.Field{Title: "At", Value: a.Created.Format("2006-01-02 15:04:05"), Short: true})
	buttons := []bot.Button{
		{Name: "Acknowledge", Action: bot.ActAck, Args: map[string]string{"alert": a.ID}, Style: "primary"},
		{Name: "Snooze 24h", Action: bot.ActSnooze, Args: map[string]string{"alert": a.ID}},
		{Name: "Escalate", Action: bot.ActEscalate, Args: map[string]string{"alert": a.ID}, Style: "danger"},
	}
	if a.Subject != "" {
		buttons = append(buttons, bot.Button{Name: "Subject card", Action: bot.ActCard, Args: map[string]string{"subject": a.Subject}})
	}
	if linked := linkedSubject(ctx, d, a); linked != "" {
		buttons = append(buttons, bot.Button{Name: "Watch linked subject", Action: bot.ActWatch, Args: map[string]string{"subject": linked}})
	}
	ba.Card = bot.Attachment{Color: severityColor(a.Severity), Title: title, Text: t.String(), Fields: fields, Buttons: buttons}
	ba.Summary = fmt.Sprintf("**%s** (%s) — latest: %s", escape(subjectName), a.Subject, title)
	return ba, nil
}

func alertTitle(a watch.Alert, name string) string {
	switch a.Kind {
	case watch.AlertRule:
		return fmt.Sprintf("Rule %s on %s", a.Rule, name)
	case "reminder":
		return "Watch " + a.Watch + " ends soon"
	case "link":
		return "New link to " + name
	}
	return "New data on " + name
}

// linkedSubject is, for a link alert, the subject on the other end.
func linkedSubject(ctx context.Context, d *Desk, a watch.Alert) string {
	if a.Kind != "link" || a.Record.Source == "" {
		return ""
	}
	var s string
	_ = d.s.DB.View(func(txn *store.Txn) error {
		s, _ = d.s.Resolver.SubjectOf(txn, store.Key{Source: a.Record.Source, ID: a.Record.ID})
		return nil
	})
	if s == a.Subject {
		return ""
	}
	return s
}

// channelCleared reports whether every member of the channel may see the
// alert's record.
func (o *Outbox) channelCleared(ctx context.Context, channelID string, a watch.Alert) (bool, error) {
	if a.Record.Source == "" {
		return true, nil
	}
	rec, err := o.d.s.DB.Get(store.Key{Source: a.Record.Source, ID: a.Record.ID})
	if err != nil {
		return false, nil // a record gone or unreadable is not shown
	}
	members, err := o.d.dir.Members(ctx, channelID)
	if err != nil {
		return false, fmt.Errorf("members of the alert's channel: %w", err)
	}
	if len(members) == 0 {
		return false, nil
	}
	for _, m := range members {
		p, err := o.d.dir.Person(ctx, m)
		if err != nil {
			return false, err
		}
		if p.Bot {
			continue
		}
		if !o.d.opt.Levels.Cleared(p, rec) {
			return false, nil
		}
	}
	return true, nil
}

// MarkSending leases an alert.
func (o *Outbox) MarkSending(ctx context.Context, id string) error {
	_, err := o.d.s.Watcher.MarkSending(ctx, id)
	return err
}

// MarkDelivered records the post of an alert and audits the delivery.
func (o *Outbox) MarkDelivered(ctx context.Context, id, postID, rootID string) error {
	a, err := o.d.s.Watcher.MarkDelivered(ctx, id, postID, rootID)
	if err != nil {
		return err
	}
	_, err = o.d.s.Audit.Append(ctx, audit.Entry{Actor: "vigie", Action: "alert.deliver", Subject: a.Subject, Case: a.Case,
		From: a.Channel, Outcome: audit.OK, Detail: a.ID + " post " + postID})
	return err
}

// SetThreadRoot records a thread's root post under the channel as the
// watcher keeps it.
func (o *Outbox) SetThreadRoot(ctx context.Context, channelID, subject, rootID string) error {
	o.mu.Lock()
	stored, ok := o.stored[channelID]
	o.mu.Unlock()
	if !ok {
		stored = channelID
	}
	return o.d.s.Watcher.SetThreadRoot(ctx, stored, subject, rootID)
}

// Wait is signalled when alerts commit.
func (o *Outbox) Wait() <-chan struct{} { return o.d.s.Watcher.Wait() }
