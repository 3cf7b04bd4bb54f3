package bot

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/bot/mmtest"
)

// TestEndToEnd runs the bot against a real Mattermost (bot/mmtest) with
// an in-memory backend and outbox: a slash command, a direct message, a
// button, alerts as a thread, and a Mattermost restart during delivery.
func TestEndToEnd(t *testing.T) {
	s := mmtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var pressed []string
	be := &fakeBackend{
		do: func(req Request, cmd command.Command) (Answer, error) {
			return Answer{Text: "found " + cmd.Text, Private: true, Attachments: []Attachment{{
				Title: "S-12 " + cmd.Text, Color: "#d0021b",
				Fields:  []Field{{Title: "Born", Value: "1989-09-15", Short: true}},
				Buttons: []Button{{Name: "Watch", Action: ActWatch, Args: map[string]string{"subject": "S-12"}, Style: "primary"}},
			}}}, nil
		},
		press: func(req Request, action string, args map[string]string) (Answer, error) {
			mu.Lock()
			pressed = append(pressed, action+" by "+req.UserID)
			mu.Unlock()
			if action == ActAck {
				return Answer{Update: "Acknowledged by @" + req.UserName}, nil
			}
			return Answer{Text: "now watching " + args["subject"]}, nil
		},
	}
	ob := newMemOutbox()
	opt := DefaultOptions()
	opt.URL, opt.Token, opt.TeamName = s.URL, s.BotToken, s.Team.Name
	opt.PublicURL = "http://" + ln.Addr().String()
	opt.ActionSecret = []byte(strings.Repeat("e2e-secret-", 4))
	opt.Logger = slog.New(slog.NewTextHandler(testLogWriter{t}, nil))
	b, err := New(opt, be, ob, &memCursor{})
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: b.Handler()}
	go srv.Serve(ln) // exits at Shutdown below
	runCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); b.Run(runCtx) }()     // exits when stopped
	go func() { defer wg.Done(); b.Deliver(runCtx) }() // exits when stopped
	defer func() {
		stop()
		wg.Wait()
		srv.Shutdown(context.Background())
	}()

	t.Run("slash command registered and answered ephemerally", func(t *testing.T) {
		var resp *model.CommandResponse
		var err error
		for range 100 { // Run registers the command right after starting
			if resp, _, err = s.Officer.ExecuteCommand(ctx, s.Case.Id, "/vigie lookup Salah Abdeslam"); err == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("ExecuteCommand: %v", err)
		}
		if !strings.Contains(resp.Text, "found Salah Abdeslam") || resp.ResponseType != model.CommandResponseTypeEphemeral {
			t.Fatalf("slash answer = %q (%s), want an ephemeral lookup answer", resp.Text, resp.ResponseType)
		}
		pl, _, err := s.Admin.GetPostsForChannel(ctx, s.Case.Id, 0, 50, "", false, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pl.Posts {
			if strings.Contains(p.Message, "found Salah") {
				t.Fatal("a private answer was posted in the channel for everyone")
			}
		}
	})

	var dm *model.Channel
	t.Run("direct message answered, button pressed", func(t *testing.T) {
		var err error
		dm, _, err = s.Officer.CreateDirectChannel(ctx, s.OfficerU.Id, s.BotUser.Id)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Officer.CreatePost(ctx, &model.Post{ChannelId: dm.Id, Message: "lookup Mohamed Abrini"}); err != nil {
			t.Fatal(err)
		}
		ans, err := s.WaitPost(ctx, s.Officer, dm.Id, 30*time.Second, func(p *model.Post) bool {
			return p.UserId == s.BotUser.Id && strings.Contains(p.Message, "found Mohamed Abrini")
		})
		if err != nil {
			t.Fatal(err)
		}
		atts := ans.Attachments()
		if len(atts) != 1 || len(atts[0].Actions) != 1 {
			t.Fatalf("answer cards = %+v, want one card with a Watch button", atts)
		}
		if _, err := s.Officer.DoPostAction(ctx, ans.Id, atts[0].Actions[0].Id); err != nil {
			t.Fatalf("DoPostAction: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(pressed) != 1 || pressed[0] != ActWatch+" by "+s.OfficerU.Id {
			t.Fatalf("presses = %v, want one watch by the officer", pressed)
		}
	})

	var root *model.Post
	t.Run("alerts delivered as a thread, acknowledged", func(t *testing.T) {
		ob.add(s.Case.Id, "S-12", "A-1")
		ob.add(s.Case.Id, "S-12", "A-2")
		var err error
		root, err = s.WaitPost(ctx, s.Officer, s.Case.Id, 30*time.Second, func(p *model.Post) bool { return p.GetProp(propAlert) == "A-1" })
		if err != nil {
			t.Fatal(err)
		}
		reply, err := s.WaitPost(ctx, s.Officer, s.Case.Id, 30*time.Second, func(p *model.Post) bool { return p.GetProp(propAlert) == "A-2" })
		if err != nil {
			t.Fatal(err)
		}
		if root.RootId != "" || reply.RootId != root.Id {
			t.Fatalf("root %q (root id %q), reply's root %q: want a thread", root.Id, root.RootId, reply.RootId)
		}
		btn := reply.Attachments()[0].Actions[0]
		if _, err := s.Officer.DoPostAction(ctx, reply.Id, btn.Id); err != nil {
			t.Fatalf("DoPostAction ack: %v", err)
		}
		got, _, err := s.Officer.GetPost(ctx, reply.Id, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.Message != "Acknowledged by @olivia" || got.GetProp(propAlert) != "A-2" {
			t.Fatalf("acknowledged post = %q props %v", got.Message, got.GetProps())
		}
		if _, err := s.Officer.DoPostAction(ctx, reply.Id, btn.Id); err == nil {
			mu.Lock()
			n := len(pressed)
			mu.Unlock()
			if n != 2 {
				t.Fatalf("a replayed acknowledgement reached the backend: %d presses", n)
			}
		}
	})

	t.Run("mattermost restart during delivery: nothing lost, nothing twice", func(t *testing.T) {
		ob.add(s.Case.Id, "S-12", "A-3")
		ob.add(s.Case.Id, "S-40", "A-4")
		s.Restart(t)
		ob.add(s.Case.Id, "S-12", "A-5")
		if _, _, err := s.Officer.CreatePost(ctx, &model.Post{ChannelId: dm.Id, Message: "lookup after restart"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.WaitPost(ctx, s.Officer, dm.Id, 60*time.Second, func(p *model.Post) bool {
			return p.UserId == s.BotUser.Id && strings.Contains(p.Message, "found after restart")
		}); err != nil {
			t.Fatalf("direct message after the restart: %v", err)
		}
		for ob.undelivered() > 0 {
			if ctx.Err() != nil {
				t.Fatal("alerts not delivered after the restart")
			}
			time.Sleep(100 * time.Millisecond)
		}
		pl, _, err := s.Officer.GetPostsForChannel(ctx, s.Case.Id, 0, 200, "", false, false)
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		for _, p := range pl.Posts {
			if id, _ := p.GetProp(propAlert).(string); id != "" {
				count[id]++
				if id == "A-5" && p.RootId != root.Id {
					t.Fatalf("A-5 replies to %q, want the S-12 thread %q", p.RootId, root.Id)
				}
			}
		}
		for _, id := range []string{"A-1", "A-2", "A-3", "A-4", "A-5"} {
			if count[id] != 1 {
				t.Fatalf("alert %s posted %d times, want once (all: %v)", id, count[id], count)
			}
		}
		dmPosts, _, err := s.Officer.GetPostsForChannel(ctx, dm.Id, 0, 100, "", false, false)
		if err != nil {
			t.Fatal(err)
		}
		answers := 0
		for _, p := range dmPosts.Posts {
			if p.UserId == s.BotUser.Id && strings.Contains(p.Message, "found after restart") {
				answers++
			}
		}
		if answers != 1 {
			t.Fatalf("the message after the restart was answered %d times", answers)
		}
	})
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatal("end-to-end run took over 3 minutes")
	}
}
