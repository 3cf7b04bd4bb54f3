package bot

import (
	"context"
	"time"

	"github.com/vigie/vigie/bot/command"
)

// Request says who asks and from where. Every answer is for this user in
// this channel only.
type Request struct {
	UserID   string
	UserName string
	// ChannelID and ChannelName are where the request was made;
	// ChannelType is Mattermost's: "O" public, "P" private, "D" direct
	// message, "G" group message.
	ChannelID   string
	ChannelName string
	ChannelType string
	TeamID      string
	// From is "slash", "dm", "button", "dialog" or "console".
	From string
	// Case is a case reference given through the dialog, when the command
	// itself had none.
	Case string
	// PostID is the post whose button was pressed (From "button").
	PostID string
}

// Answer is what vigie replies. The transport renders it: Markdown text
// (paged under Mattermost's post limit with a More button), attachments
// with severity colours, fields and buttons, and a link chart.
type Answer struct {
	// Text is Markdown; it may be long.
	Text string
	// Attachments are cards (a subject, an alert).
	Attachments []Attachment
	// Chart is a PNG link chart, ChartName its file name. The transport
	// attaches it only in a direct message with the asker (never in a
	// shared channel).
	Chart     []byte
	ChartName string
	// Private answers go only to the asker: ephemeral in a channel, or in
	// the direct message. Lookups, links, paths are always private.
	Private bool
	// NeedCase asks the transport to open the case-reference dialog and
	// run the command again with Request.Case set.
	NeedCase bool
	// Update, for a button press, replaces the pressed post's text (who
	// acknowledged, when); empty leaves the post as it is.
	Update string
}

// Attachment is a card.
type Attachment struct {
	// Color is a hex colour ("#d0021b") for the severity.
	Color   string
	Title   string
	Text    string
	Fields  []Field
	Buttons []Button
}

// Field is one labelled value on a card.
type Field struct {
	Title string
	Value string
	Short bool
}

// Button is an action on a card. The transport signs Action, Args, the
// channel and an expiry into the button's context and refuses a tampered,
// expired or replayed press.
type Button struct {
	Name   string
	Action string
	Args   map[string]string
	// Style is "default", "primary", "good", "warning" or "danger".
	Style string
}

// Button actions.
const (
	ActWatch     = "watch"     // Args: subject
	ActSame      = "same"      // Args: a, b (records)
	ActDifferent = "different" // Args: a, b
	ActAck       = "ack"       // Args: alert
	ActSnooze    = "snooze"    // Args: alert
	ActEscalate  = "escalate"  // Args: alert
	ActCard      = "card"      // Args: subject
)

// Backend carries out commands and button presses. Refusals (not an
// officer, not cleared, not a case channel) come back as an Answer with
// Private set and the reason in Text, not as an error; an error is a
// failure the user is told about in general terms and the log in detail.
type Backend interface {
	Do(ctx context.Context, req Request, cmd command.Command) (Answer, error)
	Press(ctx context.Context, req Request, action string, args map[string]string) (Answer, error)
}

// Alert is one alert to post, already rendered by the backend.
type Alert struct {
	ID       string
	Severity string
	// Card is the alert as a card: title, evidence, buttons.
	Card Attachment
	// Summary is the thread's root text for the subject: the current
	// summary of every alert in the thread.
	Summary string
}

// Group is the alerts due for one (channel, subject) thread.
type Group struct {
	ChannelID string
	Subject   string
	// Root is the thread's root post id, "" when the thread has none yet.
	Root   string
	Alerts []Alert
}

// Outbox is the durable alert queue the delivery loop drains.
type Outbox interface {
	// Pending returns due groups and when the next alert falls due.
	Pending(ctx context.Context, limit int) ([]Group, time.Time, error)
	// MarkSending leases an alert before it is posted.
	MarkSending(ctx context.Context, id string) error
	// MarkDelivered records the post that carries the alert.
	MarkDelivered(ctx context.Context, id, postID, rootID string) error
	// SetThreadRoot records the root post of a (channel, subject) thread.
	SetThreadRoot(ctx context.Context, channelID, subject, rootID string) error
	// Wait is signalled when new alerts commit.
	Wait() <-chan struct{}
}

// Cursor persists the last direct message handled, so a restarted bot
// catches up on what it missed.
type Cursor interface {
	LastSeen(ctx context.Context) (int64, error)
	SetLastSeen(ctx context.Context, at int64) error
}
