package bot

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// Post props the delivery loop writes and searches for.
const (
	propAlert   = "vigie_alert"   // on every alert post: the alert id
	propSubject = "vigie_subject" // on a thread root: the subject
)

// Deliver posts the outbox's alerts into case channels until ctx is done:
// one thread per subject per channel (the first alert is the root, later
// ones reply to it, and the root shows the current summary). A retryable
// failure (no answer, 429, 5xx) is retried with capped, jittered backoff;
// any other failure (e.g. 403, the bot not in the channel) is logged and
// the channel is retried after a long pause — no alert is dropped. It
// returns ctx's error, or an error when the bot cannot learn who it is.
func (b *Bot) Deliver(ctx context.Context) error {
	me, err := b.startupSelf(ctx)
	if err != nil {
		return err
	}
	bo := backoff{min: time.Second, max: 30 * time.Second}
	paused := map[string]time.Time{} // channel → not before, after a refusal
	for {
		next, err := b.deliverRound(ctx, me, paused)
		// Without failures, look again when the next alert falls due, and
		// at least every 5 s (an outbox wake-up may have been missed).
		wait := min(max(time.Until(next), 0), 5*time.Second)
		if err != nil {
			wait = bo.next()
			b.log.Warn("alert delivery will retry", "err", err, "in", wait.Round(time.Millisecond))
		} else {
			bo.reset()
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-b.outbox.Wait():
			if err != nil { // a wake-up does not cut a retry's backoff short
				select {
				case <-ctx.Done():
				case <-t.C:
				}
			}
		case <-t.C:
		}
		t.Stop()
	}
}

func (b *Bot) startupSelf(ctx context.Context) (string, error) {
	bo := backoff{min: time.Second, max: 30 * time.Second}
	for {
		me, err := b.self(ctx)
		if err == nil || !retryable(err) {
			return me, err
		}
		if !sleep(ctx, bo.next()) {
			return "", ctx.Err()
		}
	}
}

// deliverRound posts what is due now. It returns when to look again and
// the first retryable failure, which ends the round.
func (b *Bot) deliverRound(ctx context.Context, me string, paused map[string]time.Time) (time.Time, error) {
	groups, next, err := b.outbox.Pending(ctx, 50)
	if err != nil {
		return next, fmt.Errorf("read outbox: %w", err)
	}
	now := b.opt.Now()
	if next.IsZero() {
		next = now.Add(5 * time.Second)
	}
	for _, g := range groups {
		if until, ok := paused[g.ChannelID]; ok && now.Before(until) {
			continue
		}
		delete(paused, g.ChannelID)
		if err := b.deliverGroup(ctx, me, g); err != nil {
			if retryable(err) {
				return next, err
			}
			paused[g.ChannelID] = now.Add(10 * time.Minute)
			b.log.Error("alerts refused by mattermost; retrying the channel in 10 minutes",
				"channel", g.ChannelID, "subject", g.Subject, "alerts", len(g.Alerts), "err", err)
		}
	}
	return next, nil
}

// deliverGroup posts a group's alerts in their thread. Before posting an
// alert it looks for a post already carrying the alert's id — left by a
// delivery that crashed before MarkDelivered — and reuses it.
func (b *Bot) deliverGroup(ctx context.Context, me string, g Group) error {
	if len(g.Alerts) == 0 {
		return nil
	}
	posted, rootOf, err := b.existing(ctx, g)
	if err != nil {
		return err
	}
	root := g.Root
	if root == "" {
		root = rootOf
	}
	for _, a := range g.Alerts {
		if err := b.outbox.MarkSending(ctx, a.ID); err != nil {
			return fmt.Errorf("lease alert %s: %w", a.ID, err)
		}
		id, ok := posted[a.ID]
		if !ok {
			p, err := b.alertPost(me, g, a, root)
			if err != nil {
				return err
			}
			cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
			got, resp, err := b.mm.CreatePost(cctx, p)
			cancel()
			if err != nil {
				return fmt.Errorf("post alert %s: %w", a.ID, describe(resp, err))
			}
			id = got.Id
		}
		if root == "" {
			root = id
			if err := b.outbox.SetThreadRoot(ctx, g.ChannelID, g.Subject, root); err != nil {
				return fmt.Errorf("record thread root: %w", err)
			}
		}
		if err := b.outbox.MarkDelivered(ctx, a.ID, id, root); err != nil {
			return fmt.Errorf("mark alert %s delivered: %w", a.ID, err)
		}
	}
	// The root shows the latest summary of the thread.
	if last := g.Alerts[len(g.Alerts)-1]; last.Summary != "" && root != "" {
		msg := clipRunes(last.Summary, 16000)
		cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
		_, resp, err := b.mm.PatchPost(cctx, root, &model.PostPatch{Message: &msg})
		cancel()
		if err != nil && retryable(describe(resp, err)) {
			return fmt.Errorf("update thread summary: %w", describe(resp, err))
		} else if err != nil {
			b.log.Warn("thread summary not updated", "err", describe(resp, err))
		}
	}
	return nil
}

// existing finds the posts of g's alerts already in Mattermost, and the
// thread's root when the outbox has none recorded.
func (b *Bot) existing(ctx context.Context, g Group) (map[string]string, string, error) {
	cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	var list *model.PostList
	var resp *model.Response
	var err error
	if g.Root != "" {
		list, resp, err = b.mm.GetPostThread(cctx, g.Root, "", false)
	} else {
		list, resp, err = b.mm.GetPostsForChannel(cctx, g.ChannelID, 0, 200, "", false, false)
	}
	if err != nil {
		return nil, "", fmt.Errorf("look for posted alerts: %w", describe(resp, err))
	}
	want := map[string]bool{}
	for _, a := range g.Alerts {
		want[a.ID] = true
	}
	posted := map[string]string{}
	root := ""
	for _, p := range list.Posts {
		if id, _ := p.GetProp(propAlert).(string); want[id] {
			posted[id] = p.Id
		}
		if s, _ := p.GetProp(propSubject).(string); s == g.Subject && p.RootId == "" && g.Root == "" {
			root = p.Id
		}
	}
	return posted, root, nil
}

// alertPost builds an alert's post: the thread's root when root is "",
// else a reply. Its pending post id is derived from the alert id, so the
// server returns the first post for a retry within its window.
func (b *Bot) alertPost(me string, g Group, a Alert, root string) (*model.Post, error) {
	card := a.Card
	atts, err := b.cards([]Attachment{card}, g.ChannelID)
	if err != nil {
		return nil, err
	}
	p := &model.Post{ChannelId: g.ChannelID, RootId: root, PendingPostId: pendingID(me, a.ID)}
	if root == "" {
		p.Message = clipRunes(a.Summary, 16000)
		p.AddProp(propSubject, g.Subject)
	}
	model.ParseSlackAttachment(p, atts)
	p.AddProp(propAlert, a.ID)
	return p, nil
}

// pendingID is "userid:number" like the web app's, the number drawn from
// the alert id.
func pendingID(me, alert string) string {
	h := sha256.Sum256([]byte(alert))
	return me + ":" + strconv.FormatUint(binary.BigEndian.Uint64(h[:8])>>12, 10)
}

func clipRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
