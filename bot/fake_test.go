package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/command"
)

// fakeMM is an in-memory Mattermost: channels, members and posts.
type fakeMM struct {
	mu       sync.Mutex
	me       string
	channels map[string]*model.Channel
	members  map[string]map[string]bool // channel → users
	posts    []*model.Post
	pending  map[string]string // pending post id → post id
	n        int
	// failPosts makes the next CreatePost calls fail with these statuses
	// (0: a network error).
	failPosts []int
	commands  []*model.Command
	forbidCmd bool
	dialogs   []model.OpenDialogRequest
}

func newFakeMM() *fakeMM {
	return &fakeMM{
		me:       "botid",
		channels: map[string]*model.Channel{},
		members:  map[string]map[string]bool{},
		pending:  map[string]string{},
	}
}

func (f *fakeMM) addChannel(id string, typ model.ChannelType, users ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.channels[id] = &model.Channel{Id: id, Type: typ, TeamId: "team1"}
	f.members[id] = map[string]bool{}
	for _, u := range users {
		f.members[id][u] = true
	}
}

func (f *fakeMM) addPost(p *model.Post) *model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	p.Id = fmt.Sprintf("post%03d", f.n)
	if p.CreateAt == 0 {
		p.CreateAt = int64(1_000_000 + f.n)
	}
	f.posts = append(f.posts, p)
	if ch := f.channels[p.ChannelId]; ch != nil {
		ch.LastPostAt = max(ch.LastPostAt, p.CreateAt)
	}
	return p
}

func notFound() (*model.Response, error) {
	return &model.Response{StatusCode: 404}, model.NewAppError("fake", "not_found", nil, "", 404)
}

func (f *fakeMM) GetMe(context.Context, string) (*model.User, *model.Response, error) {
	return &model.User{Id: f.me}, &model.Response{StatusCode: 200}, nil
}

func (f *fakeMM) GetTeamByName(_ context.Context, name, _ string) (*model.Team, *model.Response, error) {
	return &model.Team{Id: "team1", Name: name}, nil, nil
}

func (f *fakeMM) GetChannel(_ context.Context, id, _ string) (*model.Channel, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ch, ok := f.channels[id]; ok && f.members[id][f.me] {
		c := *ch
		return &c, nil, nil
	}
	r, err := notFound()
	return nil, r, err
}

func (f *fakeMM) GetChannelMember(_ context.Context, ch, user, _ string) (*model.ChannelMember, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.members[ch][user] {
		return &model.ChannelMember{ChannelId: ch, UserId: user}, nil, nil
	}
	r, err := notFound()
	return nil, r, err
}

func (f *fakeMM) GetChannelsForTeamForUser(_ context.Context, _, user string, _ bool, _ string) ([]*model.Channel, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*model.Channel
	for id, ch := range f.channels {
		if f.members[id][user] {
			c := *ch
			out = append(out, &c)
		}
	}
	return out, nil, nil
}

func (f *fakeMM) CreateDirectChannel(_ context.Context, a, b string) (*model.Channel, *model.Response, error) {
	id := "dm_" + b
	f.mu.Lock()
	_, ok := f.channels[id]
	f.mu.Unlock()
	if !ok {
		f.addChannel(id, model.ChannelTypeDirect, a, b)
	}
	return &model.Channel{Id: id, Type: model.ChannelTypeDirect}, nil, nil
}

func (f *fakeMM) CreatePost(_ context.Context, p *model.Post) (*model.Post, *model.Response, error) {
	f.mu.Lock()
	if len(f.failPosts) > 0 {
		st := f.failPosts[0]
		f.failPosts = f.failPosts[1:]
		f.mu.Unlock()
		if st == 0 {
			return nil, nil, model.NewAppError("Connect", "model.client.connecting.app_error", nil, "dial tcp 127.0.0.1:1: connection refused", 0)
		}
		return nil, &model.Response{StatusCode: st}, model.NewAppError("fake", "refused", nil, "", st)
	}
	if !f.members[p.ChannelId][f.me] {
		f.mu.Unlock()
		return nil, &model.Response{StatusCode: 403}, model.NewAppError("fake", "api.context.permissions.app_error", nil, "", 403)
	}
	if id, ok := f.pending[p.PendingPostId]; ok && p.PendingPostId != "" {
		f.mu.Unlock()
		return &model.Post{Id: id}, nil, nil
	}
	f.mu.Unlock()
	c := p.Clone()
	c.UserId = f.me
	got := f.addPost(c)
	f.mu.Lock()
	if p.PendingPostId != "" {
		f.pending[p.PendingPostId] = got.Id
	}
	f.mu.Unlock()
	return got.Clone(), nil, nil
}

func (f *fakeMM) find(id string) *model.Post {
	for _, p := range f.posts {
		if p.Id == id {
			return p
		}
	}
	return nil
}

func (f *fakeMM) GetPost(_ context.Context, id, _ string) (*model.Post, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.find(id); p != nil {
		return p.Clone(), nil, nil
	}
	r, err := notFound()
	return nil, r, err
}

func (f *fakeMM) PatchPost(_ context.Context, id string, patch *model.PostPatch) (*model.Post, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.find(id)
	if p == nil {
		r, err := notFound()
		return nil, r, err
	}
	if patch.Message != nil {
		p.Message = *patch.Message
	}
	if patch.Props != nil {
		p.SetProps(*patch.Props)
	}
	return p.Clone(), nil, nil
}

func (f *fakeMM) list(keep func(*model.Post) bool) *model.PostList {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := model.NewPostList()
	for _, p := range f.posts {
		if keep(p) {
			l.AddPost(p.Clone())
			l.AddOrder(p.Id)
		}
	}
	return l
}

func (f *fakeMM) GetPostThread(_ context.Context, id, _ string, _ bool) (*model.PostList, *model.Response, error) {
	return f.list(func(p *model.Post) bool { return p.Id == id || p.RootId == id }), nil, nil
}

func (f *fakeMM) GetPostsForChannel(_ context.Context, ch string, _, _ int, _ string, _, _ bool) (*model.PostList, *model.Response, error) {
	return f.list(func(p *model.Post) bool { return p.ChannelId == ch }), nil, nil
}

func (f *fakeMM) GetPostsSince(_ context.Context, ch string, since int64, _ bool) (*model.PostList, *model.Response, error) {
	return f.list(func(p *model.Post) bool { return p.ChannelId == ch && p.CreateAt >= since }), nil, nil
}

func (f *fakeMM) UploadFile(_ context.Context, data []byte, ch, name string) (*model.FileUploadResponse, *model.Response, error) {
	return &model.FileUploadResponse{FileInfos: []*model.FileInfo{{Id: "file1", Name: name, Size: int64(len(data))}}}, nil, nil
}

func (f *fakeMM) OpenInteractiveDialog(_ context.Context, r model.OpenDialogRequest) (*model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dialogs = append(f.dialogs, r)
	return nil, nil
}

func (f *fakeMM) ListCommands(context.Context, string, bool) ([]*model.Command, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.forbidCmd {
		return nil, &model.Response{StatusCode: 403}, model.NewAppError("fake", "api.context.permissions.app_error", nil, "", 403)
	}
	return f.commands, nil, nil
}

func (f *fakeMM) CreateCommand(_ context.Context, c *model.Command) (*model.Command, *model.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c.Id = "cmd1"
	c.Token = "generated-token"
	f.commands = append(f.commands, c)
	return c, nil, nil
}

func (f *fakeMM) UpdateCommand(_ context.Context, c *model.Command) (*model.Command, *model.Response, error) {
	return c, nil, nil
}

func (f *fakeMM) postsIn(ch string) []*model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*model.Post
	for _, p := range f.posts {
		if p.ChannelId == ch {
			out = append(out, p.Clone())
		}
	}
	return out
}

// fakeBackend answers with a fixed function and records what it saw.
type fakeBackend struct {
	mu      sync.Mutex
	do      func(Request, command.Command) (Answer, error)
	press   func(Request, string, map[string]string) (Answer, error)
	cmds    []command.Command
	reqs    []Request
	presses []string
}

func (f *fakeBackend) Do(_ context.Context, req Request, cmd command.Command) (Answer, error) {
	f.mu.Lock()
	f.cmds = append(f.cmds, cmd)
	f.reqs = append(f.reqs, req)
	do := f.do
	f.mu.Unlock()
	if do == nil {
		return Answer{Text: "answer to " + cmd.Verb + " " + cmd.Text, Private: true}, nil
	}
	return do(req, cmd)
}

func (f *fakeBackend) Press(_ context.Context, req Request, action string, args map[string]string) (Answer, error) {
	f.mu.Lock()
	f.presses = append(f.presses, action+":"+args["alert"]+args["subject"])
	press := f.press
	f.mu.Unlock()
	if press == nil {
		return Answer{Text: "done " + action, Update: "Acknowledged by @" + req.UserName}, nil
	}
	return press(req, action, args)
}

func (f *fakeBackend) commands() []command.Command {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]command.Command(nil), f.cmds...)
}

// memCursor is a Cursor in memory.
type memCursor struct {
	mu sync.Mutex
	at int64
}

func (c *memCursor) LastSeen(context.Context) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at, nil
}

func (c *memCursor) SetLastSeen(_ context.Context, at int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = at
	return nil
}

type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Logf("%s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func testOptions(t *testing.T) Options {
	o := DefaultOptions()
	o.URL, o.Token, o.SlashToken = "http://127.0.0.1:1", "bot-token", "slash-secret"
	o.PublicURL = "http://127.0.0.1:2"
	o.ActionSecret = []byte(strings.Repeat("s", 32))
	o.TeamName = "police"
	o.Logger = slog.New(slog.NewTextHandler(testLogWriter{t}, nil))
	return o
}

func newTestBot(t *testing.T, be Backend, ob Outbox, cur Cursor) (*Bot, *fakeMM) {
	t.Helper()
	mm := newFakeMM()
	b, err := newBot(testOptions(t), be, ob, cur, mm)
	if err != nil {
		t.Fatal(err)
	}
	return b, mm
}

var _ io.Writer = testLogWriter{}
var _ = http.StatusOK
var _ = time.Second
