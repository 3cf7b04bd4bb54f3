package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/bot/page"
	"github.com/vigie/vigie/bot/signed"
)

// maxBody bounds what a callback may send.
const maxBody = 64 << 10

// actDialog is the sealed state of a case-reference dialog: Args["text"]
// is the command to run again with the case given.
const actDialog = "dialog"

// singleUse lists the actions whose buttons work once: a replayed press of
// these is refused. Looking a card up or paging may be repeated.
var singleUse = map[string]bool{
	ActWatch: true, ActSame: true, ActDifferent: true,
	ActAck: true, ActSnooze: true, ActEscalate: true, actDialog: true,
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func ephemeral(text string) *model.CommandResponse {
	return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: text}
}

// explain is what the user sees for a command that could not be parsed.
func explain(err error) string {
	var ce *command.Error
	switch {
	case errors.As(err, &ce):
		return ce.Msg + "\n\n" + ce.Usage
	case errors.Is(err, command.ErrEmpty):
		return command.Usage("")
	}
	return "I could not read that command.\n\n" + command.Usage("")
}

// sorry is what the user sees when the backend failed; the details go to
// the log only.
const sorry = "Sorry — something went wrong on vigie's side and the request was not carried out. It has been logged; please try again or tell your administrator."

func (b *Bot) serveCommand(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	f := r.PostForm
	if !b.slashTokenOK(f.Get("token")) {
		b.log.Warn("slash command with a wrong token refused", "user", f.Get("user_id"))
		http.Error(w, "unauthorised", http.StatusUnauthorized)
		return
	}
	req := Request{
		UserID: f.Get("user_id"), UserName: f.Get("user_name"),
		ChannelID: f.Get("channel_id"), ChannelName: f.Get("channel_name"),
		TeamID: f.Get("team_id"), From: "slash",
	}
	if req.UserID == "" || req.ChannelID == "" {
		writeJSON(w, ephemeral("This request names no user or channel; vigie answers only requests from Mattermost."))
		return
	}
	cmd, err := command.Parse(f.Get("text"))
	if err != nil {
		writeJSON(w, ephemeral(explain(err)))
		return
	}
	req.ChannelType = b.channelType(r.Context(), req.ChannelID, req.ChannelName)
	ans, err, ok := b.within(r.Context(), req, func(ctx context.Context) (Answer, error) { return b.backend.Do(ctx, req, cmd) })
	if !ok {
		writeJSON(w, ephemeral(ans.Text))
		return
	}
	if err != nil {
		writeJSON(w, ephemeral(sorry))
		return
	}
	if ans.NeedCase {
		writeJSON(w, b.askCase(r.Context(), req, f.Get("trigger_id"), f.Get("text"), ans))
		return
	}
	writeJSON(w, b.commandResponse(r.Context(), req, ans))
}

// within runs work for req, waiting ReplyWithin. ok is false when the
// answer will come later (as a direct message) or vigie is too busy; ans
// then holds what to tell the user now.
func (b *Bot) within(ctx context.Context, req Request, work func(context.Context) (Answer, error)) (ans Answer, err error, ok bool) {
	select {
	case b.work <- struct{}{}:
	default:
		return Answer{Text: "vigie is busy with other requests; please try again in a moment."}, nil, false
	}
	type result struct {
		a   Answer
		err error
	}
	done := make(chan result, 1)
	// The work outlives the HTTP request when slow: it gets its own
	// deadline, not the request's context. It exits when work returns.
	go func() {
		defer func() { <-b.work }()
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), b.opt.WorkTimeout)
		defer cancel()
		a, err := work(wctx)
		if err != nil {
			b.log.Error("command failed", "user", req.UserID, "from", req.From, "err", err)
		}
		done <- result{a, err}
	}()
	timer := time.NewTimer(b.opt.ReplyWithin)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.a, r.err, true
	case <-timer.C:
	}
	// Too slow for Mattermost's limit: follow up in a direct message when
	// the work is done (and update the pressed post, for a button). The
	// follower exits when the work does.
	go func() {
		r := <-done
		a := r.a
		if r.err != nil {
			a = Answer{Text: sorry}
		} else if a.Update != "" && req.PostID != "" {
			// A button's answer changes the pressed post (an alert
			// acknowledged): late, through the API.
			b.patchPressed(context.WithoutCancel(ctx), req, a)
		}
		b.followUp(context.WithoutCancel(ctx), req, a)
	}()
	return Answer{Text: "Working on it… I will send the answer in a direct message."}, nil, false
}

// commandResponse renders ans as the slash command's answer. Answers go
// to the asker only unless the backend made them public in a channel;
// a chart is posted only in a direct message.
func (b *Bot) commandResponse(ctx context.Context, req Request, ans Answer) *model.CommandResponse {
	p, err := b.render(ans, req.UserID, req.ChannelID)
	if err != nil {
		b.log.Error("render answer", "err", err)
		return ephemeral(sorry)
	}
	resp := &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: p.Text, Attachments: p.Attachments}
	if !ans.Private && req.ChannelType != string(model.ChannelTypeOpen) {
		resp.ResponseType = model.CommandResponseTypeInChannel
	}
	if len(ans.Chart) > 0 {
		if req.ChannelType == string(model.ChannelTypeDirect) {
			b.postChart(ctx, req.ChannelID, ans)
		} else {
			resp.Text += "\n\n_A link chart is available in a direct message with me._"
		}
	}
	return resp
}

// postChart uploads the chart into channel as its own post.
func (b *Bot) postChart(ctx context.Context, channel string, ans Answer) {
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	name := ans.ChartName
	if name == "" {
		name = "links.png"
	}
	up, resp, err := b.mm.UploadFile(ctx, ans.Chart, channel, name)
	if err != nil || len(up.FileInfos) == 0 {
		b.log.Error("upload link chart", "err", describe(resp, err))
		return
	}
	if _, resp, err := b.mm.CreatePost(ctx, &model.Post{ChannelId: channel, Message: "Link chart", FileIds: []string{up.FileInfos[0].Id}}); err != nil {
		b.log.Error("post link chart", "err", describe(resp, err))
	}
}

// followUp sends ans to the asker in their direct message with the bot.
func (b *Bot) followUp(ctx context.Context, req Request, ans Answer) {
	me, err := b.self(ctx)
	if err != nil {
		b.log.Error("follow up", "user", req.UserID, "err", err)
		return
	}
	cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	dm, resp, err := b.mm.CreateDirectChannel(cctx, me, req.UserID)
	cancel()
	if err != nil {
		b.log.Error("open direct message for follow up", "user", req.UserID, "err", describe(resp, err))
		return
	}
	if err := b.reply(ctx, Request{UserID: req.UserID, ChannelID: dm.Id, ChannelType: string(model.ChannelTypeDirect)}, ans, ""); err != nil {
		b.log.Error("follow up", "user", req.UserID, "err", err)
	}
}

// reply posts ans in req's channel (a direct message), as a reply to root
// when root is set.
func (b *Bot) reply(ctx context.Context, req Request, ans Answer, root string) error {
	p, err := b.render(ans, req.UserID, req.ChannelID)
	if err != nil {
		return err
	}
	post := &model.Post{ChannelId: req.ChannelID, Message: p.Text, RootId: root}
	if len(p.Attachments) > 0 {
		model.ParseSlackAttachment(post, p.Attachments)
	}
	cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	if _, resp, err := b.mm.CreatePost(cctx, post); err != nil {
		return fmt.Errorf("post answer: %w", describe(resp, err))
	}
	if len(ans.Chart) > 0 && req.ChannelType == string(model.ChannelTypeDirect) {
		b.postChart(ctx, req.ChannelID, ans)
	}
	return nil
}

// channelType asks the server for a channel's type; when it cannot (the
// bot is not a member), a "a__b" name means a direct message and anything
// else is treated as public, the most careful choice.
func (b *Bot) channelType(ctx context.Context, id, name string) string {
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	if ch, _, err := b.mm.GetChannel(ctx, id, ""); err == nil {
		return string(ch.Type)
	}
	if strings.Contains(name, "__") {
		return string(model.ChannelTypeDirect)
	}
	return string(model.ChannelTypeOpen)
}

// askCase opens the case-reference dialog; the command's text rides in
// its sealed state.
func (b *Bot) askCase(ctx context.Context, req Request, trigger, text string, ans Answer) *model.CommandResponse {
	msg := ans.Text
	if msg == "" {
		msg = "This needs a case reference."
	}
	if trigger == "" {
		return ephemeral(msg + " Add `case C-…` to the command.")
	}
	state, err := b.seal.Seal(signed.Context{Action: actDialog, Args: map[string]string{"text": text}, Channel: req.ChannelID}, b.opt.PageTTL)
	if err != nil {
		b.log.Error("seal dialog state", "err", err)
		return ephemeral(sorry)
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	resp, err := b.mm.OpenInteractiveDialog(ctx, model.OpenDialogRequest{
		TriggerId: trigger,
		URL:       b.opt.PublicURL + "/mattermost/dialog",
		Dialog: model.Dialog{
			CallbackId: "case", Title: "Case reference", SubmitLabel: "Run", State: state,
			IntroductionText: msg,
			Elements: []model.DialogElement{{
				DisplayName: "Case", Name: "case", Type: "text", Placeholder: "C-2026-001",
				HelpText: "The case this request is for; it is written to the audit trail.", MaxLength: 64,
			}},
		},
	})
	if err != nil {
		b.log.Warn("open case dialog", "err", describe(resp, err))
		return ephemeral(msg + " Add `case C-…` to the command.")
	}
	return ephemeral("Please give the case reference in the dialog.")
}

func (b *Bot) serveDialog(w http.ResponseWriter, r *http.Request) {
	var sub model.SubmitDialogRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, maxBody)).Decode(&sub); err != nil {
		http.Error(w, "bad dialog submission", http.StatusBadRequest)
		return
	}
	if sub.Cancelled {
		w.WriteHeader(http.StatusOK)
		return
	}
	// The state is spent only once the submission is complete: a
	// submission the user must correct keeps the dialog valid.
	c, err := b.seal.Open(sub.State, sub.ChannelId, false)
	if err != nil || c.Action != actDialog {
		b.log.Warn("dialog refused", "user", sub.UserId, "err", err)
		writeJSON(w, model.SubmitDialogResponse{Error: "This dialog is no longer valid; run the command again."})
		return
	}
	ref, _ := sub.Submission["case"].(string)
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 64 {
		writeJSON(w, model.SubmitDialogResponse{Errors: map[string]string{"case": "Give a case reference such as C-2026-001."}})
		return
	}
	cmd, err := command.Parse(c.Args["text"])
	if err != nil {
		writeJSON(w, model.SubmitDialogResponse{Error: explain(err)})
		return
	}
	if !b.member(r.Context(), sub.ChannelId, sub.UserId) {
		writeJSON(w, model.SubmitDialogResponse{Error: "You are not a member of this channel."})
		return
	}
	if _, err := b.seal.Open(sub.State, sub.ChannelId, true); err != nil {
		writeJSON(w, model.SubmitDialogResponse{Error: "This dialog was already submitted; run the command again."})
		return
	}
	req := Request{UserID: sub.UserId, ChannelID: sub.ChannelId, TeamID: sub.TeamId, From: "dialog", Case: ref}
	req.ChannelType = b.channelType(r.Context(), req.ChannelID, "")
	// The dialog's answer cannot carry text: the result goes to the
	// asker's direct message, whatever the time it takes.
	ans, err, ok := b.within(r.Context(), req, func(ctx context.Context) (Answer, error) { return b.backend.Do(ctx, req, cmd) })
	if ok {
		if err != nil {
			ans = Answer{Text: sorry}
		}
		go b.followUp(context.WithoutCancel(r.Context()), req, ans) // exits after one post
	}
	w.WriteHeader(http.StatusOK)
}

// member reports whether user is a member of channel. Failing to ask
// counts as not a member.
func (b *Bot) member(ctx context.Context, channel, user string) bool {
	if channel == "" || user == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	m, resp, err := b.mm.GetChannelMember(ctx, channel, user, "")
	if err != nil {
		if status(describe(resp, err)) != http.StatusNotFound {
			b.log.Warn("membership check", "err", describe(resp, err))
		}
		return false
	}
	return m.UserId == user
}

func (b *Bot) serveAction(w http.ResponseWriter, r *http.Request) {
	var in model.PostActionIntegrationRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, maxBody)).Decode(&in); err != nil {
		http.Error(w, "bad action", http.StatusBadRequest)
		return
	}
	v, _ := in.Context["v"].(string)
	c, err := b.openAction(v, in.ChannelId)
	if err != nil {
		b.log.Warn("button refused", "user", in.UserId, "post", in.PostId, "err", err)
		writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: refusal(err)})
		return
	}
	if !b.member(r.Context(), in.ChannelId, in.UserId) {
		b.log.Warn("button pressed by a non-member refused", "user", in.UserId, "channel", in.ChannelId)
		writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: "You are not a member of this channel, so this button is not for you."})
		return
	}
	if c.Action == actMore {
		next, left, err := b.pages.Next(c.Args["page"], in.UserId)
		if err != nil {
			writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: err.Error()})
			return
		}
		if left > 0 {
			next += fmt.Sprintf("\n\n_%d more page(s): press More again._", left)
		}
		writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: next})
		return
	}
	req := Request{UserID: in.UserId, UserName: in.UserName, ChannelID: in.ChannelId, ChannelName: in.ChannelName, TeamID: in.TeamId, From: "button", PostID: in.PostId}
	req.ChannelType = b.channelType(r.Context(), req.ChannelID, req.ChannelName)
	ans, err, ok := b.within(r.Context(), req, func(ctx context.Context) (Answer, error) { return b.backend.Press(ctx, req, c.Action, c.Args) })
	switch {
	case !ok:
		writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: ans.Text})
		return
	case err != nil:
		writeJSON(w, model.PostActionIntegrationResponse{EphemeralText: sorry})
		return
	}
	out := model.PostActionIntegrationResponse{}
	if ans.Text != "" {
		pages := page.Split(ans.Text, page.PostLimit-200)
		out.EphemeralText = pages[0]
		if len(pages) > 1 {
			out.EphemeralText += "\n\n_The answer is longer: ask in a direct message with me for all of it._"
		}
	}
	if ans.Update != "" {
		out.Update = b.updateFor(r.Context(), in.PostId, in.ChannelId, ans)
	} else if len(ans.Attachments) > 0 && in.ChannelId != "" && req.ChannelType == string(model.ChannelTypeDirect) {
		// A card asked for in a direct message is posted there.
		go func() { // exits after one post
			if err := b.reply(context.WithoutCancel(r.Context()), req, Answer{Attachments: ans.Attachments}, ""); err != nil {
				b.log.Error("post card", "err", err)
			}
		}()
	} else if len(ans.Attachments) > 0 {
		out.EphemeralText = strings.TrimSpace(out.EphemeralText + "\n\n" + RenderText(Answer{Attachments: ans.Attachments}))
	}
	writeJSON(w, out)
}

// openAction opens a button's sealed context; single-use actions spend
// their nonce.
func (b *Bot) openAction(v, channel string) (signed.Context, error) {
	c, err := b.seal.Open(v, channel, false)
	if err != nil {
		return c, err
	}
	if singleUse[c.Action] {
		return b.seal.Open(v, channel, true)
	}
	return c, nil
}

func refusal(err error) string {
	switch {
	case errors.Is(err, signed.ErrExpired):
		return "This button has expired; run the command again."
	case errors.Is(err, signed.ErrReplayed):
		return "This button was already used."
	case errors.Is(err, signed.ErrChannel):
		return "This button belongs to another channel."
	}
	return "This button is not valid."
}

// updateFor is the post a button's answer puts in place of the pressed
// one: ans.Update as its message. Mattermost replaces the post's props
// with the update's: vigie's own (the alert id, the thread's subject) are
// kept so a later delivery still recognises the post. Its cards cannot be
// kept — the server hides their sealed contexts — so the answer's new
// cards, if any, replace them.
func (b *Bot) updateFor(ctx context.Context, postID, channelID string, ans Answer) *model.Post {
	upd := &model.Post{Message: ans.Update}
	if orig := b.original(ctx, postID); orig != nil {
		for _, k := range []string{propAlert, propSubject} {
			if v, ok := orig.GetProp(k).(string); ok {
				upd.AddProp(k, v)
			}
		}
	}
	if len(ans.Attachments) > 0 {
		atts, err := b.cards(ans.Attachments, channelID)
		if err == nil {
			model.ParseSlackAttachment(upd, atts)
		}
	}
	return upd
}

// patchPressed puts a button's late answer in place of the pressed post,
// as the action's own answer would have (see updateFor); a failure is
// logged, the answer still follows in a direct message.
func (b *Bot) patchPressed(ctx context.Context, req Request, ans Answer) {
	upd := b.updateFor(ctx, req.PostID, req.ChannelID, ans)
	props := upd.GetProps()
	cctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	if _, resp, err := b.mm.PatchPost(cctx, req.PostID, &model.PostPatch{Message: &upd.Message, Props: &props}); err != nil {
		b.log.Error("update the pressed post", "post", req.PostID, "user", req.UserID, "err", describe(resp, err))
	}
}

// original returns the post a button was pressed on, or nil.
func (b *Bot) original(ctx context.Context, id string) *model.Post {
	if id == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	p, resp, err := b.mm.GetPost(ctx, id, "")
	if err != nil {
		b.log.Warn("read pressed post", "err", describe(resp, err))
		return nil
	}
	return p
}
