package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/gorilla/websocket"
	"github.com/mattermost/mattermost/server/public/model"
)

// wsServer is a WebSocket endpoint speaking enough of Mattermost's: it
// pushes the events it is given and can drop every connection, as a
// server restart does.
type wsServer struct {
	mu    sync.Mutex
	conns []*websocket.Conn
	ready chan *websocket.Conn
}

func (s *wsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.conns = append(s.conns, c)
	s.mu.Unlock()
	s.ready <- c
	for { // read (and ignore) the client's authentication challenge
		if _, _, err := c.ReadMessage(); err != nil {
			return
		}
	}
}

func (s *wsServer) dropAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.Close()
	}
	s.conns = nil
}

func postedEvent(t *testing.T, p *model.Post) []byte {
	raw, _ := json.Marshal(p)
	ev := model.NewWebSocketEvent(model.WebsocketEventPosted, "", p.ChannelId, "", nil, "")
	ev.Add("post", string(raw))
	ev.Add("channel_type", "D")
	b, err := ev.ToJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRunReconnectsAndCatchesUp: a DM arrives over the WebSocket; the
// server then drops the connection and a DM is posted while vigie is
// disconnected; after reconnecting, vigie answers it from REST. Each DM is
// answered exactly once.
func TestRunReconnectsAndCatchesUp(t *testing.T) {
	ws := &wsServer{ready: make(chan *websocket.Conn, 4)}
	srv := httptest.NewServer(ws)
	defer srv.Close()
	defer ws.dropAll()

	be := &fakeBackend{}
	cur := &memCursor{at: 1}
	mm := newFakeMM()
	opt := testOptions(t)
	opt.URL = srv.URL
	b, err := newBot(opt, be, nil, cur, mm)
	if err != nil {
		t.Fatal(err)
	}
	mm.addChannel("dm_u1", model.ChannelTypeDirect, "u1", mm.me)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- b.Run(ctx) }()

	c := <-ws.ready
	live := mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup live"})
	if err := c.WriteMessage(websocket.TextMessage, postedEvent(t, live)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return len(be.commands()) == 1 })

	ws.dropAll()
	mm.addPost(&model.Post{ChannelId: "dm_u1", UserId: "u1", Message: "lookup missed"})
	<-ws.ready // reconnected
	waitFor(t, func() bool { return len(be.commands()) >= 2 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	var got []string
	for _, c := range be.commands() {
		got = append(got, c.Text)
	}
	if len(got) != 2 || got[0] != "live" || got[1] != "missed" {
		t.Fatalf("answered %q, want live then missed, once each", got)
	}
	answers := 0
	for _, p := range mm.postsIn("dm_u1") {
		if p.UserId == mm.me {
			answers++
		}
	}
	if answers != 2 {
		t.Fatalf("%d answers posted, want 2", answers)
	}
}
