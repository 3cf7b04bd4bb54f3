package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/command"
)

// backoff is a capped exponential delay with full jitter.
type backoff struct {
	min, max time.Duration
	n        int
}

func (b *backoff) next() time.Duration {
	d := b.min << min(b.n, 20)
	if d <= 0 || d > b.max {
		d = b.max
	}
	b.n++
	return d/2 + rand.N(d/2+1)
}

func (b *backoff) reset() { b.n = 0 }

// sleep waits d or until ctx is done; false when ctx is done.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// Run reads direct messages to the bot over the WebSocket and answers
// them until ctx is done. After every (re)connection it catches up over
// REST on the direct messages posted since the cursor, so a message sent
// while vigie was down or disconnected is answered once. It registers the
// /vigie command at start. It returns ctx's error at the end, or an error
// when the bot cannot learn who it is.
func (b *Bot) Run(ctx context.Context) error {
	me, err := b.startup(ctx)
	if err != nil {
		return err
	}
	d := newDMs(b, me)
	defer d.wait()
	bo := backoff{min: time.Second, max: time.Minute}
	for ctx.Err() == nil {
		err := d.session(ctx)
		if ctx.Err() != nil {
			break
		}
		wait := bo.next()
		b.log.Warn("websocket disconnected; reconnecting", "err", err, "in", wait.Round(time.Millisecond))
		if !sleep(ctx, wait) {
			break
		}
		if err == nil {
			bo.reset()
		}
	}
	return ctx.Err()
}

// startup learns the bot's id and team, retrying while the server is
// unreachable, and registers the slash command.
func (b *Bot) startup(ctx context.Context) (string, error) {
	bo := backoff{min: time.Second, max: 30 * time.Second}
	for {
		me, err := b.self(ctx)
		if err == nil {
			if b.opt.TeamName == "" {
				b.log.Warn("no team name: /vigie is not registered and direct messages missed while disconnected are not caught up")
			} else {
				b.register(ctx)
			}
			return me, nil
		}
		if !retryable(err) {
			return "", err
		}
		b.log.Warn("mattermost not reachable yet", "err", err)
		if !sleep(ctx, bo.next()) {
			return "", ctx.Err()
		}
	}
}

// team returns the id of opt.TeamName.
func (b *Bot) team(ctx context.Context) (string, error) {
	b.mu.Lock()
	id := b.teamID
	b.mu.Unlock()
	if id != "" || b.opt.TeamName == "" {
		return id, nil
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	t, resp, err := b.mm.GetTeamByName(ctx, b.opt.TeamName, "")
	if err != nil {
		return "", fmt.Errorf("team %q: %w", b.opt.TeamName, describe(resp, err))
	}
	b.mu.Lock()
	b.teamID = t.Id
	b.mu.Unlock()
	return t.Id, nil
}

// register creates or updates the /vigie slash command in the team. When
// the bot may not, it logs what the administrator must do instead.
func (b *Bot) register(ctx context.Context) {
	team, err := b.team(ctx)
	if err != nil {
		b.log.Warn("cannot register /vigie", "err", err)
		return
	}
	hint, desc := command.Autocomplete()
	want := &model.Command{
		TeamId: team, Trigger: "vigie", Method: model.CommandMethodPost,
		URL: b.opt.PublicURL + "/mattermost/command", Token: b.opt.SlashToken,
		AutoComplete: true, AutoCompleteHint: hint, AutoCompleteDesc: desc,
		DisplayName: "vigie", Description: desc, Username: "vigie",
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	cmds, resp, err := b.mm.ListCommands(ctx, team, true)
	if err == nil {
		for _, c := range cmds {
			if c.Trigger != "vigie" {
				continue
			}
			if c.URL == want.URL && c.AutoCompleteHint == want.AutoCompleteHint && c.Method == want.Method {
				b.learnToken(c.Token)
				return // registered as it should be
			}
			c.URL, c.Method, c.AutoComplete, c.AutoCompleteHint, c.AutoCompleteDesc = want.URL, want.Method, true, hint, desc
			var got *model.Command
			if got, resp, err = b.mm.UpdateCommand(ctx, c); err == nil {
				b.learnToken(got.Token)
				b.log.Info("updated /vigie", "team", b.opt.TeamName)
				return
			}
			break
		}
		if err == nil {
			var got *model.Command
			if got, resp, err = b.mm.CreateCommand(ctx, want); err == nil {
				// Mattermost gives a new command its own token; the bot
				// trusts it as well as the configured one.
				b.learnToken(got.Token)
				b.log.Info("registered /vigie", "team", b.opt.TeamName)
				return
			}
		}
	}
	b.log.Warn("cannot register /vigie with the bot's rights; an administrator must do it",
		"err", describe(resp, err),
		"step1", "Integrations → Slash Commands → Add Slash Command in team "+b.opt.TeamName,
		"step2", "Trigger word: vigie; Request URL: "+b.opt.PublicURL+"/mattermost/command; Request method: POST",
		"step3", "Autocomplete: on; hint: "+hint,
		"step4", "copy the generated token into vigie's slash token setting and restart vigie",
		"or", "give the bot the team_admin role in the team")
}

// dms answers direct messages with a bounded pool of workers and moves
// the cursor only past messages handled, in order of creation.
type dms struct {
	b  *Bot
	me string

	jobs chan *model.Post
	wg   sync.WaitGroup

	mu       sync.Mutex
	seen     map[string]bool // post ids handled or in flight
	order    []string        // seen's ids, oldest first, to bound it
	inFlight map[string]int64
	done     int64 // newest create time handled
}

func newDMs(b *Bot, me string) *dms {
	d := &dms{b: b, me: me, jobs: make(chan *model.Post), seen: map[string]bool{}, inFlight: map[string]int64{}}
	for range b.opt.Workers {
		d.wg.Add(1)
		go func() { // exits when jobs is closed by wait
			defer d.wg.Done()
			for p := range d.jobs {
				d.handle(p)
			}
		}()
	}
	return d
}

func (d *dms) wait() {
	close(d.jobs)
	d.wg.Wait()
}

// offer queues p unless it was already taken; it blocks while every
// worker is busy, which slows intake rather than dropping messages.
func (d *dms) offer(ctx context.Context, p *model.Post) {
	if p == nil || p.UserId == d.me || p.Type != "" || p.DeleteAt != 0 {
		return
	}
	d.mu.Lock()
	if d.seen[p.Id] {
		d.mu.Unlock()
		return
	}
	d.seen[p.Id] = true
	d.order = append(d.order, p.Id)
	if len(d.order) > 10_000 {
		for _, id := range d.order[:5_000] {
			delete(d.seen, id)
		}
		d.order = slices.Clone(d.order[5_000:])
	}
	d.inFlight[p.Id] = p.CreateAt
	d.mu.Unlock()
	select {
	case d.jobs <- p:
	case <-ctx.Done():
	}
}

func (d *dms) handle(p *model.Post) {
	b := d.b
	ctx, cancel := context.WithTimeout(context.Background(), b.opt.WorkTimeout)
	defer cancel()
	req := Request{UserID: p.UserId, ChannelID: p.ChannelId, ChannelType: string(model.ChannelTypeDirect), From: "dm"}
	if u, ok := p.GetProp("from_bot").(string); ok && u == "true" {
		d.finish(ctx, p)
		return // other bots are not officers
	}
	var ans Answer
	cmd, err := command.Parse(p.Message)
	if err != nil {
		ans = Answer{Text: explain(err), Private: true}
	} else if ans, err = b.backend.Do(ctx, req, cmd); err != nil {
		b.log.Error("direct message command failed", "user", p.UserId, "err", err)
		ans = Answer{Text: sorry, Private: true}
	}
	if ans.NeedCase {
		ans.Text += "\n\nAdd `case C-…` to the command."
	}
	if err := b.reply(ctx, req, ans, ""); err != nil {
		b.log.Error("answer direct message", "user", p.UserId, "err", err)
	}
	d.finish(ctx, p)
}

// finish moves the cursor to the newest time before which every message
// is handled.
func (d *dms) finish(ctx context.Context, p *model.Post) {
	d.mu.Lock()
	delete(d.inFlight, p.Id)
	d.done = max(d.done, p.CreateAt)
	mark := d.done
	for _, at := range d.inFlight {
		mark = min(mark, at-1)
	}
	d.mu.Unlock()
	if d.b.cursor != nil {
		if err := d.b.cursor.SetLastSeen(ctx, mark); err != nil {
			d.b.log.Error("save direct message cursor", "err", err)
		}
	}
}

// catchUp offers every direct message posted to the bot since the cursor.
func (d *dms) catchUp(ctx context.Context) error {
	b := d.b
	var since int64
	if b.cursor != nil {
		at, err := b.cursor.LastSeen(ctx)
		if err != nil {
			return fmt.Errorf("read direct message cursor: %w", err)
		}
		since = at
	}
	if since == 0 {
		// First start: answer what comes from now on, not the history.
		since = b.opt.Now().Add(-time.Minute).UnixMilli()
	}
	team, err := b.team(ctx)
	if err != nil || team == "" {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	chans, resp, err := b.mm.GetChannelsForTeamForUser(cctx, team, d.me, false, "")
	cancel()
	if err != nil {
		return fmt.Errorf("list direct messages: %w", describe(resp, err))
	}
	var missed []*model.Post
	for _, ch := range chans {
		if ch.Type != model.ChannelTypeDirect || ch.LastPostAt < since {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
		list, resp, err := b.mm.GetPostsSince(cctx, ch.Id, since, false)
		cancel()
		if err != nil {
			return fmt.Errorf("posts since in a direct message: %w", describe(resp, err))
		}
		for _, p := range list.Posts {
			if p.CreateAt > since {
				missed = append(missed, p)
			}
		}
	}
	slices.SortFunc(missed, func(a, b *model.Post) int { return int(a.CreateAt - b.CreateAt) })
	for _, p := range missed {
		d.offer(ctx, p)
	}
	if len(missed) > 0 {
		b.log.Info("caught up on direct messages", "count", len(missed))
	}
	return nil
}

// session is one WebSocket connection: connect, catch up, then read
// events until the connection breaks, a ping times out or ctx is done.
func (d *dms) session(ctx context.Context) error {
	b := d.b
	ws, err := model.NewWebSocketClient4(wsURL(b.opt.URL), b.opt.Token)
	if err != nil {
		return fmt.Errorf("connect websocket: %w", describe(nil, err))
	}
	ws.Listen()
	// Close is idempotent with the listener's own cleanup; the channels
	// below are drained until Listen closes them.
	defer func() {
		ws.Close()
		for range ws.EventChannel {
		}
	}()
	// Catch up after connecting, so nothing posted between the two is
	// missed; a post seen both ways is handled once.
	if err := d.catchUp(ctx); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ws.PingTimeoutChannel:
			return fmt.Errorf("websocket ping timed out")
		case _, ok := <-ws.ResponseChannel:
			if !ok {
				return fmt.Errorf("websocket closed")
			}
		case ev, ok := <-ws.EventChannel:
			if !ok {
				if ws.ListenError != nil {
					return fmt.Errorf("websocket closed: %s", ws.ListenError.Id)
				}
				return fmt.Errorf("websocket closed")
			}
			if ev.EventType() != model.WebsocketEventPosted {
				continue
			}
			data := ev.GetData()
			if t, _ := data["channel_type"].(string); t != string(model.ChannelTypeDirect) {
				continue
			}
			raw, _ := data["post"].(string)
			var p model.Post
			if err := json.Unmarshal([]byte(raw), &p); err != nil {
				b.log.Warn("undecodable posted event", "err", err)
				continue
			}
			d.offer(ctx, &p)
		}
	}
}

// wsURL turns the server's http(s) URL into its ws(s) URL.
func wsURL(u string) string {
	u = strings.TrimRight(u, "/")
	if s, ok := strings.CutPrefix(u, "https://"); ok {
		return "wss://" + s
	}
	if s, ok := strings.CutPrefix(u, "http://"); ok {
		return "ws://" + s
	}
	return u
}
