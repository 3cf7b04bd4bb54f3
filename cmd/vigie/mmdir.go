package main

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/answer"
	"github.com/vigie/vigie/store"
)

// mmDirectory answers who people are from the agency's Mattermost: officers
// are members of VIGIE_MATTERMOST_TEAM, supervisors and administrators are
// listed by username, clearances and compartments come from
// VIGIE_CLEARANCES and VIGIE_COMPARTMENTS (LEVEL=user,user;…). Answers are
// cached for a minute.
type mmDirectory struct {
	c            *model.Client4
	team         string
	teamID       string
	supervisors  []string
	admins       []string
	clearances   map[string]string   // username → level
	compartments map[string][]string // username → compartments
	defaultLevel string
	log          *slog.Logger

	mu     sync.Mutex
	people map[string]cached[answer.Person]
	chans  map[string]cached[[]string]
	byName map[string]string
}

type cached[T any] struct {
	v  T
	at time.Time
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, strings.TrimPrefix(strings.TrimSpace(p), "@"))
	}
	return out
}

// parseAssignments reads "LEVEL=user,user;LEVEL2=user".
func parseAssignments(s string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, part := range strings.Split(s, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("%q: want NAME=user,user", part)
		}
		out[strings.TrimSpace(k)] = splitList(v)
	}
	return out, nil
}

func newMMDirectory(cfg config, log *slog.Logger) (*mmDirectory, error) {
	c := model.NewAPIv4Client(cfg.MattermostURL)
	c.SetToken(cfg.MattermostToken)
	d := &mmDirectory{c: c, team: cfg.MattermostTeam, supervisors: splitList(cfg.SupervisorsGroup), admins: splitList(cfg.Admins),
		clearances: map[string]string{}, compartments: map[string][]string{}, defaultLevel: cfg.DefaultClearance, log: log,
		people: map[string]cached[answer.Person]{}, chans: map[string]cached[[]string]{}, byName: map[string]string{}}
	levels, err := parseAssignments(cfg.Clearances)
	if err != nil {
		return nil, fmt.Errorf("VIGIE_CLEARANCES: %w", err)
	}
	for level, users := range levels {
		for _, u := range users {
			d.clearances[u] = strings.ToUpper(level)
		}
	}
	comps, err := parseAssignments(cfg.Compartments)
	if err != nil {
		return nil, fmt.Errorf("VIGIE_COMPARTMENTS: %w", err)
	}
	for comp, users := range comps {
		for _, u := range users {
			d.compartments[u] = append(d.compartments[u], comp)
		}
	}
	return d, nil
}

func (d *mmDirectory) ping(ctx context.Context) error {
	_, _, err := d.c.GetPing(ctx)
	return err
}

func (d *mmDirectory) team_(ctx context.Context) (string, error) {
	d.mu.Lock()
	id := d.teamID
	d.mu.Unlock()
	if id != "" {
		return id, nil
	}
	t, _, err := d.c.GetTeamByName(ctx, d.team, "")
	if err != nil {
		return "", fmt.Errorf("team %q (VIGIE_MATTERMOST_TEAM): %w", d.team, err)
	}
	d.mu.Lock()
	d.teamID = t.Id
	d.mu.Unlock()
	return t.Id, nil
}

// Person describes a Mattermost user.
func (d *mmDirectory) Person(ctx context.Context, userID string) (answer.Person, error) {
	d.mu.Lock()
	if c, ok := d.people[userID]; ok && time.Since(c.at) < time.Minute {
		d.mu.Unlock()
		return c.v, nil
	}
	d.mu.Unlock()
	u, _, err := d.c.GetUser(ctx, userID, "")
	if err != nil {
		return answer.Person{}, fmt.Errorf("user: %w", err)
	}
	p := answer.Person{ID: u.Id, Name: u.Username, Bot: u.IsBot}
	if teamID, err := d.team_(ctx); err == nil {
		if _, _, err := d.c.GetTeamMember(ctx, teamID, userID, ""); err == nil {
			p.Officer = !u.IsBot
		}
	}
	p.Supervisor = slices.Contains(d.supervisors, u.Username)
	p.Admin = slices.Contains(d.admins, u.Username)
	p.Clearance = d.defaultLevel
	if l, ok := d.clearances[u.Username]; ok {
		p.Clearance = l
	}
	p.Compartments = d.compartments[u.Username]
	d.mu.Lock()
	d.people[userID] = cached[answer.Person]{p, time.Now()}
	d.mu.Unlock()
	return p, nil
}

// Members lists a channel's members (all pages).
func (d *mmDirectory) Members(ctx context.Context, channelID string) ([]string, error) {
	d.mu.Lock()
	if c, ok := d.chans[channelID]; ok && time.Since(c.at) < time.Minute {
		d.mu.Unlock()
		return c.v, nil
	}
	d.mu.Unlock()
	var out []string
	for page := 0; page < 100; page++ {
		ms, _, err := d.c.GetChannelMembers(ctx, channelID, page, 200, "")
		if err != nil {
			return nil, fmt.Errorf("channel members: %w", err)
		}
		for _, m := range ms {
			out = append(out, m.UserId)
		}
		if len(ms) < 200 {
			break
		}
	}
	d.mu.Lock()
	d.chans[channelID] = cached[[]string]{out, time.Now()}
	d.mu.Unlock()
	return out, nil
}

// channelID resolves a channel name in the team.
func (d *mmDirectory) channelID(ctx context.Context, name string) (string, error) {
	d.mu.Lock()
	id, ok := d.byName[name]
	d.mu.Unlock()
	if ok {
		return id, nil
	}
	teamID, err := d.team_(ctx)
	if err != nil {
		return "", err
	}
	ch, _, err := d.c.GetChannelByName(ctx, name, teamID, "")
	if err != nil {
		return "", fmt.Errorf("channel %q: %w", name, err)
	}
	d.mu.Lock()
	d.byName[name] = ch.Id
	d.mu.Unlock()
	return ch.Id, nil
}

// notify sends a direct message from the bot to a user.
func (d *mmDirectory) notify(ctx context.Context, userID, text string) error {
	me, _, err := d.c.GetMe(ctx, "")
	if err != nil {
		return err
	}
	ch, _, err := d.c.CreateDirectChannel(ctx, me.Id, userID)
	if err != nil {
		return err
	}
	_, _, err = d.c.CreatePost(ctx, &model.Post{ChannelId: ch.Id, Message: text})
	return err
}

// storeCursor keeps the bot's last handled direct message in the store.
type storeCursor struct{ db *store.DB }

var cursorKey = []byte(store.PrefixChannels + "cursor/dm")

func (c storeCursor) LastSeen(context.Context) (int64, error) {
	var at int64
	err := c.db.View(func(txn *store.Txn) error {
		raw, err := txn.Get(cursorKey)
		if err != nil {
			return err
		}
		if len(raw) == 8 {
			at = int64(binary.BigEndian.Uint64(raw))
		}
		return nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	return at, err
}

func (c storeCursor) SetLastSeen(_ context.Context, at int64) error {
	return c.db.Update(func(txn *store.Txn) error {
		return txn.Set(cursorKey, binary.BigEndian.AppendUint64(nil, uint64(at)))
	})
}

// post writes a message from the bot in a channel of the team, by name.
func (d *mmDirectory) post(ctx context.Context, channelName, text string) error {
	id, err := d.channelID(ctx, channelName)
	if err != nil {
		return err
	}
	_, _, err = d.c.CreatePost(ctx, &model.Post{ChannelId: id, Message: text})
	return err
}
