package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/bot/page"
)

func slash(t *testing.T, h http.Handler, form url.Values) (*httptest.ResponseRecorder, *model.CommandResponse) {
	t.Helper()
	r := httptest.NewRequest("POST", "/mattermost/command", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	var resp model.CommandResponse
	if w.Code == 200 {
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("slash answer is not JSON: %v: %s", err, w.Body)
		}
	}
	return w, &resp
}

func form(token, text string) url.Values {
	return url.Values{"token": {token}, "text": {text}, "user_id": {"u1"}, "user_name": {"alice"},
		"channel_id": {"pub"}, "channel_name": {"town-square"}, "team_id": {"team1"}, "trigger_id": {"trig"}}
}

func press(t *testing.T, h http.Handler, user, channel string, action *model.PostAction) model.PostActionIntegrationResponse {
	t.Helper()
	body, _ := json.Marshal(model.PostActionIntegrationRequest{UserId: user, UserName: "alice", ChannelId: channel, PostId: "p1", Context: action.Integration.Context})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "/mattermost/action", bytes.NewReader(body)))
	var out model.PostActionIntegrationResponse
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("action answer %d is not JSON: %s", w.Code, w.Body)
	}
	return out
}

func TestSlashToken(t *testing.T) {
	be := &fakeBackend{}
	b, _ := newTestBot(t, be, nil, nil)
	tests := []struct {
		name  string
		token string
		want  int
	}{
		{"right", "slash-secret", 200},
		{"wrong", "slash-secreT", 401},
		{"prefix", "slash", 401},
		{"empty", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := slash(t, b.Handler(), form(tt.token, "lookup Salah Abdeslam"))
			if w.Code != tt.want {
				t.Fatalf("status = %d, want %d", w.Code, tt.want)
			}
		})
	}
	if n := len(be.commands()); n != 1 {
		t.Fatalf("backend ran %d commands, want only the one with the right token", n)
	}
}

func TestSlashAnswers(t *testing.T) {
	be := &fakeBackend{}
	b, mm := newTestBot(t, be, nil, nil)
	mm.addChannel("pub", model.ChannelTypeOpen, "u1", mm.me)
	tests := []struct {
		name     string
		text     string
		wantText string
		ran      bool
	}{
		{"lookup", "lookup Salah Abdeslam born 1989-09-15", "answer to lookup Salah Abdeslam", true},
		{"unknown verb", "frobnicate x", "Commands", false},
		{"empty", "", "Commands", false},
		{"huge", strings.Repeat("a ", 5000), "", false},
		{"bad path", "path onlyone", "path", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(be.commands())
			w, resp := slash(t, b.Handler(), form("slash-secret", tt.text))
			if w.Code != 200 {
				t.Fatalf("status = %d", w.Code)
			}
			if resp.ResponseType != model.CommandResponseTypeEphemeral {
				t.Fatalf("response type = %q, want ephemeral", resp.ResponseType)
			}
			if !strings.Contains(resp.Text, tt.wantText) || resp.Text == "" {
				t.Fatalf("text = %q, want it to contain %q", resp.Text, tt.wantText)
			}
			if ran := len(be.commands()) > before; ran != tt.ran {
				t.Fatalf("backend ran = %v, want %v", ran, tt.ran)
			}
		})
	}
	if got := be.reqs[0]; got.UserID != "u1" || got.ChannelID != "pub" || got.ChannelType != "O" || got.From != "slash" {
		t.Fatalf("request = %+v", got)
	}
}

func TestSlashSlowFollowsUpInDM(t *testing.T) {
	release := make(chan struct{})
	be := &fakeBackend{do: func(Request, command.Command) (Answer, error) {
		<-release
		return Answer{Text: "the slow answer", Private: true}, nil
	}}
	b, mm := newTestBot(t, be, nil, nil)
	b.opt.ReplyWithin = 20 * time.Millisecond
	_, resp := slash(t, b.Handler(), form("slash-secret", "lookup Abdeslam"))
	if !strings.Contains(resp.Text, "Working on it") || resp.ResponseType != "ephemeral" {
		t.Fatalf("slow answer = %+v, want an ephemeral 'working on it'", resp)
	}
	close(release)
	waitFor(t, func() bool {
		ps := mm.postsIn("dm_u1")
		return len(ps) == 1 && ps[0].Message == "the slow answer"
	})
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for range 500 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("condition not met")
}

var morePages = regexp.MustCompile(`\n\n_\d+ more page\(s\): press More again\._$`)

func TestPagingLongAnswer(t *testing.T) {
	var sb strings.Builder
	for i := 0; sb.Len() < 60_000; i++ {
		fmt.Fprintf(&sb, "%d. Абдеслам Салах — عبد السلام — record S-%d\n", i, i)
	}
	long := sb.String()
	be := &fakeBackend{do: func(Request, command.Command) (Answer, error) { return Answer{Text: long, Private: true}, nil }}
	b, mm := newTestBot(t, be, nil, nil)
	mm.addChannel("pub", model.ChannelTypeOpen, "u1", "u2", mm.me)
	_, resp := slash(t, b.Handler(), form("slash-secret", "lookup Abdeslam"))
	got := []string{resp.Text}
	if n := utf8.RuneCountInString(resp.Text); n > page.PostLimit {
		t.Fatalf("first page has %d runes", n)
	}
	more := resp.Attachments[len(resp.Attachments)-1].Actions[0]
	if more.Name != "More" {
		t.Fatalf("last card's button = %q, want More", more.Name)
	}
	if out := press(t, b.Handler(), "u2", "pub", more); !strings.Contains(out.EphemeralText, "expired") {
		t.Fatalf("another user's More = %q, want refusal", out.EphemeralText)
	}
	for i := 0; i < 20; i++ {
		out := press(t, b.Handler(), "u1", "pub", more)
		if strings.Contains(out.EphemeralText, "expired") {
			break
		}
		if n := utf8.RuneCountInString(out.EphemeralText); n > page.PostLimit {
			t.Fatalf("page %d has %d runes", i+2, n)
		}
		got = append(got, morePages.ReplaceAllString(out.EphemeralText, ""))
	}
	if len(got) < 3 {
		t.Fatalf("60 KB answer came in %d pages, want several", len(got))
	}
	if strings.Join(got, "") != long {
		t.Fatal("pages joined differ from the answer: something was lost")
	}
}

func TestActionContexts(t *testing.T) {
	be := &fakeBackend{}
	b, mm := newTestBot(t, be, nil, nil)
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	b.opt.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	b2, _ := newBot(b.opt, be, nil, nil, mm)
	mm.addChannel("case1", model.ChannelTypePrivate, "u1", mm.me)
	mm.addChannel("case2", model.ChannelTypePrivate, "u1", mm.me)
	card := func(action string) *model.PostAction {
		atts, err := b2.cards([]Attachment{{Title: "alert", Buttons: []Button{{Name: "Go", Action: action, Args: map[string]string{"alert": "A-1"}}}}}, "case1")
		if err != nil {
			t.Fatal(err)
		}
		return atts[0].Actions[0]
	}
	ack := card(ActAck)
	tampered := card(ActAck)
	v := tampered.Integration.Context["v"].(string)
	tampered.Integration.Context = map[string]any{"v": strings.Replace(v, v[5:6], string(v[5]^1), 1)}
	old := card(ActCard)
	tests := []struct {
		name    string
		user    string
		channel string
		action  *model.PostAction
		advance time.Duration
		want    string
		pressed bool
	}{
		{"valid ack", "u1", "case1", ack, 0, "done ack", true},
		{"replayed ack", "u1", "case1", ack, 0, "already used", false},
		{"tampered", "u1", "case1", tampered, 0, "not valid", false},
		{"other channel", "u1", "case2", card(ActAck), 0, "another channel", false},
		{"non-member", "u9", "case1", card(ActAck), 0, "not a member", false},
		{"no context", "u1", "case1", &model.PostAction{Integration: &model.PostActionIntegration{}}, 0, "not valid", false},
		{"expired", "u1", "case1", old, 8 * 24 * time.Hour, "expired", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			now = now.Add(tt.advance)
			mu.Unlock()
			before := len(be.presses)
			out := press(t, b2.Handler(), tt.user, tt.channel, tt.action)
			if !strings.Contains(out.EphemeralText, tt.want) {
				t.Fatalf("answer = %q, want %q", out.EphemeralText, tt.want)
			}
			if pressed := len(be.presses) > before; pressed != tt.pressed {
				t.Fatalf("backend pressed = %v, want %v", pressed, tt.pressed)
			}
			if tt.pressed && (out.Update == nil || out.Update.Message != "Acknowledged by @alice") {
				t.Fatalf("update = %+v, want the acknowledgement", out.Update)
			}
		})
	}
}

// A button whose answer comes after Mattermost stops waiting still changes
// the pressed post (an alert shows who acknowledged it), keeping vigie's
// props, and the answer follows in a direct message.
func TestActionSlowUpdatesThePressedPost(t *testing.T) {
	release := make(chan struct{})
	be := &fakeBackend{press: func(req Request, action string, _ map[string]string) (Answer, error) {
		<-release
		return Answer{Text: "done " + action, Private: true, Update: "Acknowledged by @" + req.UserName}, nil
	}}
	b, mm := newTestBot(t, be, nil, nil)
	b.opt.ReplyWithin = 20 * time.Millisecond
	mm.addChannel("case1", model.ChannelTypePrivate, "u1", mm.me)
	alert := &model.Post{ChannelId: "case1", UserId: mm.me, Message: "New record on S-1"}
	alert.AddProp(propAlert, "A-1")
	alert = mm.addPost(alert)
	atts, err := b.cards([]Attachment{{Title: "alert", Buttons: []Button{{Name: "Acknowledge", Action: ActAck, Args: map[string]string{"alert": "A-1"}}}}}, "case1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(model.PostActionIntegrationRequest{UserId: "u1", UserName: "alice", ChannelId: "case1", PostId: alert.Id, Context: atts[0].Actions[0].Integration.Context})
	w := httptest.NewRecorder()
	b.Handler().ServeHTTP(w, httptest.NewRequest("POST", "/mattermost/action", bytes.NewReader(body)))
	var out model.PostActionIntegrationResponse
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || !strings.Contains(out.EphemeralText, "Working on it") || out.Update != nil {
		t.Fatalf("slow press answered %s (%v), want 'working on it' and no update yet", w.Body, err)
	}
	close(release)
	waitFor(t, func() bool {
		mm.mu.Lock()
		defer mm.mu.Unlock()
		p := mm.find(alert.Id)
		return p.Message == "Acknowledged by @alice" && p.GetProp(propAlert) == "A-1"
	})
	waitFor(t, func() bool {
		ps := mm.postsIn("dm_u1")
		return len(ps) == 1 && ps[0].Message == "done ack"
	})
}

func TestNeedCaseDialog(t *testing.T) {
	be := &fakeBackend{do: func(req Request, cmd command.Command) (Answer, error) {
		if req.Case == "" {
			return Answer{NeedCase: true, Private: true, Text: "A lookup needs a case reference."}, nil
		}
		return Answer{Text: "looked up for " + req.Case, Private: true}, nil
	}}
	b, mm := newTestBot(t, be, nil, nil)
	mm.addChannel("pub", model.ChannelTypeOpen, "u1", mm.me)
	_, resp := slash(t, b.Handler(), form("slash-secret", "lookup Abdeslam"))
	if !strings.Contains(resp.Text, "dialog") || len(mm.dialogs) != 1 {
		t.Fatalf("answer %q with %d dialogs, want one dialog", resp.Text, len(mm.dialogs))
	}
	d := mm.dialogs[0]
	submit := func(state, ref string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(model.SubmitDialogRequest{State: state, UserId: "u1", ChannelId: "pub", Submission: map[string]any{"case": ref}})
		w := httptest.NewRecorder()
		b.Handler().ServeHTTP(w, httptest.NewRequest("POST", "/mattermost/dialog", bytes.NewReader(body)))
		return w
	}
	if w := submit(d.Dialog.State, ""); !strings.Contains(w.Body.String(), "case reference") {
		t.Fatalf("empty case answer = %s", w.Body)
	}
	if w := submit(d.Dialog.State+"x", "C-1"); !strings.Contains(w.Body.String(), "no longer valid") {
		t.Fatalf("tampered state answer = %s", w.Body)
	}
	if w := submit(d.Dialog.State, "C-2026-001"); w.Code != 200 || strings.Contains(w.Body.String(), "error") {
		t.Fatalf("submission answer = %d %s", w.Code, w.Body)
	}
	waitFor(t, func() bool {
		ps := mm.postsIn("dm_u1")
		return len(ps) == 1 && ps[0].Message == "looked up for C-2026-001"
	})
	if w := submit(d.Dialog.State, "C-2026-001"); !strings.Contains(w.Body.String(), "already submitted") {
		t.Fatalf("replayed submission answer = %s", w.Body)
	}
}

func TestChartOnlyInDirectMessage(t *testing.T) {
	be := &fakeBackend{do: func(Request, command.Command) (Answer, error) {
		return Answer{Text: "links", Chart: []byte("\x89PNG"), ChartName: "s12.png", Private: true}, nil
	}}
	b, mm := newTestBot(t, be, nil, nil)
	mm.addChannel("pub", model.ChannelTypeOpen, "u1", mm.me)
	mm.addChannel("dm1", model.ChannelTypeDirect, "u1", mm.me)
	_, resp := slash(t, b.Handler(), form("slash-secret", "links S-12"))
	if len(mm.postsIn("pub")) != 0 || !strings.Contains(resp.Text, "direct message") {
		t.Fatalf("public channel: %d posts, text %q; want no file and a pointer to the DM", len(mm.postsIn("pub")), resp.Text)
	}
	f := form("slash-secret", "links S-12")
	f.Set("channel_id", "dm1")
	slash(t, b.Handler(), f)
	if ps := mm.postsIn("dm1"); len(ps) != 1 || len(ps[0].FileIds) != 1 {
		t.Fatalf("direct message: %d posts, want one with the chart", len(ps))
	}
}

func TestRenderText(t *testing.T) {
	got := RenderText(Answer{Text: "2 subjects", Attachments: []Attachment{{
		Title: "S-12 Salah Abdeslam", Text: "score 0.97",
		Fields:  []Field{{Title: "Born", Value: "1989-09-15"}},
		Buttons: []Button{{Name: "Watch"}, {Name: "Subject card"}},
	}}})
	want := "2 subjects\n\n▌ S-12 Salah Abdeslam\n▌ score 0.97\n▌ Born: 1989-09-15\n▌ [Watch] [Subject card]\n"
	if got != want {
		t.Fatalf("RenderText = %q, want %q", got, want)
	}
}

func FuzzSlashForm(f *testing.F) {
	f.Add("slash-secret", "lookup a b born 1990-01-01", "u1", "pub", "town")
	f.Add("slash-secret", `path "A B" "C`, "", "", "a__b")
	f.Add("x", "", "u", "c", "")
	f.Fuzz(func(t *testing.T, token, text, user, channel, name string) {
		b, mm := newTestBot(t, &fakeBackend{}, nil, nil)
		mm.addChannel("pub", model.ChannelTypeOpen, "u1", mm.me)
		form := url.Values{"token": {token}, "text": {text}, "user_id": {user}, "channel_id": {channel}, "channel_name": {name}}
		r := httptest.NewRequest("POST", "/mattermost/command", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		b.Handler().ServeHTTP(w, r)
		if w.Code == 200 && token != "slash-secret" {
			t.Fatalf("accepted token %q", token)
		}
	})
}
