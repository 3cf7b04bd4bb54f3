// Package bot is vigie on Mattermost: the slash command and button
// endpoints, the direct-message loop over the WebSocket, and the delivery of
// alerts from the outbox into case channels, one thread per subject.
//
// The package knows Mattermost and nothing of the store: commands are
// parsed by bot/command and carried out by a Backend; alerts come from an
// Outbox. Both are interfaces declared in api.go that cmd/vigie adapts to
// the real services.
//
// # Asking vigie
//
// Officers type the same words in two places: after /vigie in any channel
// the bot can see, or as a plain direct message to the bot.
//
//	lookup Salah Abdeslam born 1989-09-15 case C-2015-113
//	lookup --dob 1989-09-15 --limit 5 Abdeslam
//	links S-12 depth 2
//	path "Salah Abdeslam" to "Mohamed Abrini"      (or: path S-12 S-40, path A -- B)
//	watch S-12 for 30d case C-2015-113 depth 1
//	watches · unwatch W-3
//	case open C-2015-113 · case close C-2015-113   (supervisors)
//	judge same|different SOURCE/ID SOURCE/ID
//	audit subject S-12 · rules · help [command]
//
// A command that cannot be read is answered with what was wrong and the
// usage of the command meant. Commands are at most 2,000 bytes.
//
// Answers about people are private: in a channel they are ephemeral (only
// the asker sees them); in the direct message they are ordinary posts.
// Link charts are attached only in the direct message; in a channel the
// answer says where to find them. An answer longer than a Mattermost post
// (16,383 runes) comes in pages: the first page carries a More button that
// shows the next page to the asker only, for an hour.
//
// Mattermost gives an integration 30 seconds. A slash command or button
// whose work takes longer than ReplyWithin (2.5 s) is answered "Working on
// it…" and the answer follows in the asker's direct message.
//
// When a lookup or watch needs a case reference the command did not give,
// the slash command opens a dialog asking for it and runs the command again
// with it; the answer comes in the direct message. In a direct message the
// bot asks for `case C-…` in the command instead.
//
// # Buttons
//
// Lookups carry Watch, Subject card and Same person / Not the same
// buttons; alerts carry Acknowledge, Snooze 24h, Escalate, Subject card
// and Watch linked subject. Mattermost does not sign button callbacks, so
// every button's context is sealed by vigie (bot/signed): an HMAC-SHA256
// over the action, its arguments, the channel, an expiry (7 days) and a
// random nonce. A press is refused when the context was altered, has
// expired, comes from another channel, or — for actions that change
// something (acknowledge, snooze, escalate, watch, judgements) — was
// already used. The user the server names must be a member of the channel.
// An acknowledgement rewrites the alert post to say who acknowledged and
// when.
//
// # Alerts
//
// Deliver posts each alert into its case channel. The first alert about a
// subject in a channel starts a thread whose root shows the subject's
// current summary; later alerts reply in that thread and refresh the root.
// Every alert post carries its alert id in props (vigie_alert) and a
// pending post id derived from it, so a retried post inside Mattermost's
// 30 s window returns the first one; after a crash, the thread is searched
// for the alert id before posting again. Network errors, 429 and 5xx are
// retried with capped, jittered backoff; other refusals (the bot not in the
// channel) pause that channel for ten minutes and are logged, never
// dropped.
//
// # Direct messages and restarts
//
// Run listens on the WebSocket for posts in the bot's direct messages.
// After every connection — the first, a reconnect, a restart of vigie or
// of Mattermost — it reads over REST the direct messages posted since the
// last one it answered (kept through a Cursor), so none is lost, and a
// message seen both ways is answered once.
package bot
