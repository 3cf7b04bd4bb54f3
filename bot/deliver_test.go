package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// memOutbox is an Outbox in memory: alerts are due until marked
// delivered, like the real one after a lease expires.
type memOutbox struct {
	mu        sync.Mutex
	alerts    []memAlert
	roots     map[string]string // channel/subject → root
	delivered map[string]string // alert → post
	sending   map[string]int
	failMark  int // MarkDelivered fails this many times (a crash between post and mark)
	wake      chan struct{}
}

type memAlert struct {
	channel, subject string
	a                Alert
}

func newMemOutbox() *memOutbox {
	return &memOutbox{roots: map[string]string{}, delivered: map[string]string{}, sending: map[string]int{}, wake: make(chan struct{}, 1)}
}

func (o *memOutbox) add(channel, subject, id string) {
	o.mu.Lock()
	o.alerts = append(o.alerts, memAlert{channel, subject, Alert{
		ID: id, Severity: "high", Summary: fmt.Sprintf("%s: latest %s", subject, id),
		Card: Attachment{Title: "Alert " + id, Color: "#d0021b", Buttons: []Button{{Name: "Acknowledge", Action: ActAck, Args: map[string]string{"alert": id}}}},
	}})
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *memOutbox) Pending(_ context.Context, limit int) ([]Group, time.Time, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	by := map[string]*Group{}
	var keys []string
	for _, m := range o.alerts {
		if _, ok := o.delivered[m.a.ID]; ok {
			continue
		}
		k := m.channel + "/" + m.subject
		g, ok := by[k]
		if !ok {
			g = &Group{ChannelID: m.channel, Subject: m.subject, Root: o.roots[k]}
			by[k] = g
			keys = append(keys, k)
		}
		g.Alerts = append(g.Alerts, m.a)
	}
	sort.Strings(keys)
	var out []Group
	for _, k := range keys {
		out = append(out, *by[k])
	}
	return out, time.Time{}, nil
}

func (o *memOutbox) MarkSending(_ context.Context, id string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sending[id]++
	return nil
}

func (o *memOutbox) MarkDelivered(_ context.Context, id, post, root string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.failMark > 0 {
		o.failMark--
		return errors.New("simulated crash before the delivery was recorded")
	}
	o.delivered[id] = post
	return nil
}

func (o *memOutbox) SetThreadRoot(_ context.Context, ch, subject, root string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.roots[ch+"/"+subject] = root
	return nil
}

func (o *memOutbox) Wait() <-chan struct{} { return o.wake }

func (o *memOutbox) undelivered() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.alerts) - len(o.delivered)
}

func alertPosts(mm *fakeMM, ch string) map[string][]*model.Post {
	out := map[string][]*model.Post{}
	for _, p := range mm.postsIn(ch) {
		if id, _ := p.GetProp(propAlert).(string); id != "" {
			out[id] = append(out[id], p)
		}
	}
	return out
}

func TestDeliverThreads(t *testing.T) {
	ob := newMemOutbox()
	b, mm := newTestBot(t, &fakeBackend{}, ob, nil)
	mm.addChannel("case1", model.ChannelTypePrivate, mm.me, "u1")
	ob.add("case1", "S-12", "A-1")
	ob.add("case1", "S-12", "A-2")
	ob.add("case1", "S-40", "A-3")
	ctx := context.Background()
	if _, err := b.deliverRound(ctx, mm.me, map[string]time.Time{}); err != nil {
		t.Fatal(err)
	}
	ob.add("case1", "S-12", "A-4")
	if _, err := b.deliverRound(ctx, mm.me, map[string]time.Time{}); err != nil {
		t.Fatal(err)
	}
	posts := alertPosts(mm, "case1")
	for _, id := range []string{"A-1", "A-2", "A-3", "A-4"} {
		if len(posts[id]) != 1 {
			t.Fatalf("alert %s posted %d times, want once", id, len(posts[id]))
		}
	}
	root := posts["A-1"][0]
	if root.RootId != "" || root.GetProp(propSubject) != "S-12" {
		t.Fatalf("first S-12 alert is not a thread root: %+v", root)
	}
	for _, id := range []string{"A-2", "A-4"} {
		if posts[id][0].RootId != root.Id {
			t.Fatalf("alert %s replies to %q, want the root %q", id, posts[id][0].RootId, root.Id)
		}
	}
	if posts["A-3"][0].RootId != "" {
		t.Fatal("S-40 alert should start its own thread")
	}
	mm.mu.Lock()
	msg := mm.find(root.Id).Message
	mm.mu.Unlock()
	if msg != "S-12: latest A-4" {
		t.Fatalf("root summary = %q, want the latest", msg)
	}
	if n := ob.undelivered(); n != 0 {
		t.Fatalf("%d alerts undelivered", n)
	}
	atts := root.Attachments()
	if len(atts) != 1 || len(atts[0].Actions) != 1 || atts[0].Actions[0].Integration == nil {
		t.Fatalf("alert card lost its button: %+v", atts)
	}
}

// TestDeliverAfterCrash: the post went out but the outbox never heard of
// it (a crash), and the pending-id window has passed: the next round
// finds the post by its props and does not post again.
func TestDeliverAfterCrash(t *testing.T) {
	ob := newMemOutbox()
	b, mm := newTestBot(t, &fakeBackend{}, ob, nil)
	mm.addChannel("case1", model.ChannelTypePrivate, mm.me)
	ob.add("case1", "S-12", "A-1")
	ob.add("case1", "S-12", "A-2")
	ob.failMark = 1
	ctx := context.Background()
	if _, err := b.deliverRound(ctx, mm.me, map[string]time.Time{}); err == nil {
		t.Fatal("round with a failed MarkDelivered reported no error")
	}
	mm.mu.Lock()
	mm.pending = map[string]string{} // the server's 30 s window is over
	mm.mu.Unlock()
	for range 2 {
		if _, err := b.deliverRound(ctx, mm.me, map[string]time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	posts := alertPosts(mm, "case1")
	if len(posts["A-1"]) != 1 || len(posts["A-2"]) != 1 {
		t.Fatalf("posts per alert: A-1 %d, A-2 %d; want 1 each", len(posts["A-1"]), len(posts["A-2"]))
	}
	if posts["A-2"][0].RootId != posts["A-1"][0].Id {
		t.Fatal("the re-found root was not used for the reply")
	}
	if ob.undelivered() != 0 {
		t.Fatal("alerts left undelivered")
	}
}

func TestDeliverRetries(t *testing.T) {
	tests := []struct {
		name      string
		fail      []int
		inChannel bool
		retry     bool // the round reports a retryable error
		paused    bool // the channel is paused after a refusal
	}{
		{"network", []int{0}, true, true, false},
		{"429", []int{429}, true, true, false},
		{"503", []int{503}, true, true, false},
		{"403 not in channel", nil, false, false, true},
		{"400", []int{400}, true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ob := newMemOutbox()
			b, mm := newTestBot(t, &fakeBackend{}, ob, nil)
			if tt.inChannel {
				mm.addChannel("case1", model.ChannelTypePrivate, mm.me)
			} else {
				mm.addChannel("case1", model.ChannelTypePrivate)
			}
			mm.failPosts = tt.fail
			ob.add("case1", "S-1", "A-1")
			paused := map[string]time.Time{}
			_, err := b.deliverRound(context.Background(), mm.me, paused)
			if (err != nil) != tt.retry {
				t.Fatalf("round error = %v, want retry %v", err, tt.retry)
			}
			if _, ok := paused["case1"]; ok != tt.paused {
				t.Fatalf("paused = %v, want %v", ok, tt.paused)
			}
			if ob.undelivered() != 1 {
				t.Fatal("a failed alert was dropped")
			}
			if err != nil && (strings.Contains(err.Error(), "127.0.0.1") || strings.Contains(err.Error(), "token")) {
				t.Fatalf("error leaks an address or token: %v", err)
			}
			// Once the server recovers (and the bot is added), it goes out.
			mm.addChannel("case1", model.ChannelTypePrivate, mm.me)
			if _, err := b.deliverRound(context.Background(), mm.me, map[string]time.Time{}); err != nil {
				t.Fatal(err)
			}
			if ob.undelivered() != 0 || len(alertPosts(mm, "case1")["A-1"]) != 1 {
				t.Fatal("alert not delivered exactly once after recovery")
			}
		})
	}
}

func TestDeliverLoopWakes(t *testing.T) {
	ob := newMemOutbox()
	b, mm := newTestBot(t, &fakeBackend{}, ob, nil)
	mm.addChannel("case1", model.ChannelTypePrivate, mm.me)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- b.Deliver(ctx) }()
	ob.add("case1", "S-1", "A-1")
	waitFor(t, func() bool { return ob.undelivered() == 0 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Deliver = %v, want context.Canceled", err)
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		name string
		resp *model.Response
		err  error
		want bool
	}{
		{"connection refused", nil, &url.Error{Op: "Post", URL: "http://127.0.0.1:8065/api/v4/posts?token=secret", Err: errors.New("connection refused")}, true},
		{"429", &model.Response{StatusCode: 429}, model.NewAppError("x", "rate", nil, "", 429), true},
		{"502", &model.Response{StatusCode: 502}, model.NewAppError("x", "bad gateway", nil, "", 502), true},
		{"deadline", nil, context.DeadlineExceeded, true},
		{"403", &model.Response{StatusCode: 403}, model.NewAppError("x", "api.context.permissions.app_error", nil, "", 403), false},
		{"404", &model.Response{StatusCode: 404}, model.NewAppError("x", "nf", nil, "", 404), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := describe(tt.resp, tt.err)
			if got := retryable(err); got != tt.want {
				t.Fatalf("retryable(%v) = %v, want %v", err, got, tt.want)
			}
			if s := err.Error(); strings.Contains(s, "127.0.0.1") || strings.Contains(s, "secret") {
				t.Fatalf("error text leaks the URL: %q", s)
			}
		})
	}
}

func TestPendingID(t *testing.T) {
	a, b := pendingID("bot", "A-1"), pendingID("bot", "A-2")
	if a != pendingID("bot", "A-1") || a == b || !strings.HasPrefix(a, "bot:") {
		t.Fatalf("pendingID not deterministic per alert: %q %q", a, b)
	}
}

func TestAcknowledgeDeliveredAlert(t *testing.T) {
	ob := newMemOutbox()
	be := &fakeBackend{}
	b, mm := newTestBot(t, be, ob, nil)
	mm.addChannel("case1", model.ChannelTypePrivate, mm.me, "u1")
	ob.add("case1", "S-12", "A-1")
	if _, err := b.deliverRound(context.Background(), mm.me, map[string]time.Time{}); err != nil {
		t.Fatal(err)
	}
	p := alertPosts(mm, "case1")["A-1"][0]
	btn := p.Attachments()[0].Actions[0]
	body, _ := json.Marshal(model.PostActionIntegrationRequest{UserId: "u1", UserName: "alice", ChannelId: "case1", PostId: p.Id, Context: btn.Integration.Context})
	w := httptest.NewRecorder()
	b.Handler().ServeHTTP(w, httptest.NewRequest("POST", "/mattermost/action", bytes.NewReader(body)))
	var out model.PostActionIntegrationResponse
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Update == nil || out.Update.Message != "Acknowledged by @alice" {
		t.Fatalf("update = %+v", out.Update)
	}
	if out.Update.GetProp(propAlert) != "A-1" || out.Update.GetProp(propSubject) != "S-12" {
		t.Fatalf("update lost vigie's props: %v", out.Update.GetProps())
	}
	if len(be.presses) != 1 || be.presses[0] != "ack:A-1" {
		t.Fatalf("presses = %v, want ack:A-1", be.presses)
	}
}
