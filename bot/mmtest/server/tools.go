//go:build tools

// Package server pins the Mattermost server that vigie's end-to-end tests
// run against. It is a scratch module of its own, so the server's
// dependencies never enter vigie's go.mod; go.sum pins their hashes.
package server

import _ "github.com/mattermost/mattermost/server/v8/cmd/mattermost"
