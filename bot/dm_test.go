package bot

import (
	"context"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

func TestCatchUpHandlesMissedOnce(t *testing.T) {
	be := &fakeBackend{}
	cur := &memCursor{at: 2_000_000}
	b, mm := newTestBot(t, be, nil, cur)
	mm.addChannel("dm_u1", model.ChannelTypeDirect, "u1", mm.me)
	mm.addChannel("dm_u2", model.ChannelTypeDirect, "u2", mm.me)
	mm.addChannel("pub", model.ChannelTypeOpen, "u1", mm.me)
	mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup old", CreateAt: 1_999_999})
	mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup Abdeslam", CreateAt: 2_000_010})
	mm.addPost(&model.Post{ChannelId: "dm_u2", UserId: "u2", Message: "watches", CreateAt: 2_000_020})
	mm.addPost(&model.Post{ChannelId: "dm_u2", UserId: mm.me, Message: "my own answer", CreateAt: 2_000_021})
	mm.addPost(&model.Post{ChannelId: "dm_u2", UserId: "u2", Type: model.PostTypeJoinChannel, CreateAt: 2_000_022})
	mm.addPost(&model.Post{ChannelId: "pub", UserId: "u1", Message: "lookup public", CreateAt: 2_000_030})
	wsPost := mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "rules", CreateAt: 2_000_040})

	ctx := context.Background()
	d := newDMs(b, mm.me)
	if err := d.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	d.offer(ctx, wsPost) // the same post arriving over the WebSocket
	if err := d.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	d.wait()

	var got []string
	for _, c := range be.commands() {
		got = append(got, c.Verb+" "+c.Text)
	}
	want := map[string]bool{"lookup Abdeslam": true, "watches ": true, "rules ": true}
	if len(got) != len(want) {
		t.Fatalf("handled %q, want each of %v once", got, want)
	}
	for _, g := range got {
		if !want[g] {
			t.Fatalf("handled %q, not a missed direct message", g)
		}
	}
	if at, _ := cur.LastSeen(ctx); at != 2_000_040 {
		t.Fatalf("cursor = %d, want 2000040", at)
	}
	if n := len(mm.postsIn("dm_u1")); n != 3+2 {
		t.Fatalf("dm_u1 has %d posts, want 3 asked + 2 answers", n)
	}
}

func TestCursorStaysBeforeUnfinished(t *testing.T) {
	cur := &memCursor{}
	b, mm := newTestBot(t, &fakeBackend{}, nil, cur)
	d := &dms{b: b, me: mm.me, seen: map[string]bool{}, inFlight: map[string]int64{"slow": 100, "fast": 200}}
	d.finish(context.Background(), &model.Post{Id: "fast", CreateAt: 200})
	if at, _ := cur.LastSeen(context.Background()); at != 99 {
		t.Fatalf("cursor = %d with an older message in flight, want 99", at)
	}
	d.finish(context.Background(), &model.Post{Id: "slow", CreateAt: 100})
	if at, _ := cur.LastSeen(context.Background()); at != 200 {
		t.Fatalf("cursor = %d, want 200", at)
	}
}

func TestFirstStartSkipsHistory(t *testing.T) {
	be := &fakeBackend{}
	b, mm := newTestBot(t, be, nil, &memCursor{})
	now := time.UnixMilli(5_000_000_000)
	b.opt.Now = func() time.Time { return now }
	mm.addChannel("dm_u1", model.ChannelTypeDirect, "u1", mm.me)
	mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup last year", CreateAt: 1_000})
	mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup just now", CreateAt: now.UnixMilli() - 1000})
	d := newDMs(b, mm.me)
	if err := d.catchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.wait()
	if c := be.commands(); len(c) != 1 || c[0].Text != "just now" {
		t.Fatalf("first start handled %+v, want only the message of the last minute", c)
	}
}

func TestBackoffCapped(t *testing.T) {
	bo := backoff{min: time.Second, max: time.Minute}
	for i := range 100 {
		d := bo.next()
		if d < 0 || d > time.Minute {
			t.Fatalf("step %d: backoff %v outside [0, 1m]", i, d)
		}
	}
	if d := bo.next(); d < 30*time.Second {
		t.Fatalf("late backoff %v, want at least half the cap", d)
	}
}

func TestRegister(t *testing.T) {
	b, mm := newTestBot(t, &fakeBackend{}, nil, nil)
	b.register(context.Background())
	if len(mm.commands) != 1 || mm.commands[0].URL != "http://127.0.0.1:2/mattermost/command" || !mm.commands[0].AutoComplete {
		t.Fatalf("commands = %+v", mm.commands)
	}
	b.register(context.Background())
	if len(mm.commands) != 1 {
		t.Fatal("registering twice created a second command")
	}
	for tok, want := range map[string]bool{"generated-token": true, "slash-secret": true, "": false, "generated": false} {
		if got := b.slashTokenOK(tok); got != want {
			t.Fatalf("slashTokenOK(%q) = %v, want %v", tok, got, want)
		}
	}
	b2, mm2 := newTestBot(t, &fakeBackend{}, nil, nil)
	mm2.forbidCmd = true
	b2.register(context.Background()) // logs the steps, must not fail
	if len(mm2.commands) != 0 {
		t.Fatal("registered without the rights")
	}
}
