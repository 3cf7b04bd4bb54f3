package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/vigie/vigie/store"
)

// Case is a private channel registered for a case: the only kind of
// channel vigie posts alerts in.
type Case struct {
	ChannelID   string    `json:"channel"`
	ChannelName string    `json:"channelName,omitempty"`
	Ref         string    `json:"case"`
	Owner       string    `json:"owner"`     // user id of the supervisor who opened it
	OwnerName   string    `json:"ownerName"` // for "contact …" notices
	Opened      time.Time `json:"opened"`
	Closed      time.Time `json:"closed,omitzero"`
}

// Open reports whether the case channel is registered and not closed.
func (c Case) Open() bool { return c.Ref != "" && c.Closed.IsZero() }

const casePrefix = store.PrefixChannels + "case/"

// Cases keeps case channels in the store.
type Cases struct{ DB *store.DB }

// Get returns the case of a channel; ok is false when it has none.
func (cs Cases) Get(channelID string) (Case, bool, error) {
	var c Case
	err := cs.DB.View(func(txn *store.Txn) error {
		raw, err := txn.Get([]byte(casePrefix + channelID))
		if err != nil {
			return err
		}
		return json.Unmarshal(raw, &c)
	})
	if errors.Is(err, store.ErrNotFound) {
		return Case{}, false, nil
	}
	if err != nil {
		return Case{}, false, fmt.Errorf("read case of channel: %w", err)
	}
	return c, true, nil
}

// Put registers or updates a case channel.
func (cs Cases) Put(c Case) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return cs.DB.Update(func(txn *store.Txn) error { return txn.Set([]byte(casePrefix+c.ChannelID), raw) })
}

// ByName finds an open case channel by channel name or case reference.
func (cs Cases) ByName(name string) (Case, bool, error) {
	var found Case
	ok := false
	err := cs.DB.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(casePrefix), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			raw, err := val()
			if err != nil {
				return err
			}
			var c Case
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			if c.Open() && (c.ChannelName == name || c.Ref == name || c.ChannelID == name) {
				found, ok = c, true
				return store.ErrStop
			}
			return nil
		})
	})
	return found, ok, err
}

// All lists every case channel, open or closed.
func (cs Cases) All(ctx context.Context) ([]Case, error) {
	var out []Case
	err := cs.DB.View(func(txn *store.Txn) error {
		return txn.Iterate([]byte(casePrefix), store.IterOptions{}, func(_ []byte, val func() ([]byte, error)) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			raw, err := val()
			if err != nil {
				return err
			}
			var c Case
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}
