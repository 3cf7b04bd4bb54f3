// Package bot is vigie on Mattermost: the slash command and button
// endpoints, the direct-message loop over the WebSocket, and the delivery of
// alerts from the outbox into case channels, one thread per subject.
//
// The package knows Mattermost and nothing of the store: commands are
// parsed by bot/command and carried out by a Backend; alerts come from an
// Outbox. Both are interfaces declared in api.go that cmd/vigie adapts to
// the real services.
package bot
