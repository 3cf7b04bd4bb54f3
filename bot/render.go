package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/page"
	"github.com/vigie/vigie/bot/signed"
)

// actMore fetches the next page of a long answer; its only argument is
// the page token. It is the transport's own, never sent to the Backend.
const actMore = "more"

// post is one rendered message: Markdown text and cards.
type post struct {
	Text        string
	Attachments []*model.SlackAttachment
}

// cards converts attachments to Mattermost's, sealing every button's
// action and arguments for channel.
func (b *Bot) cards(atts []Attachment, channel string) ([]*model.SlackAttachment, error) {
	out := make([]*model.SlackAttachment, 0, len(atts))
	for i, a := range atts {
		sa := &model.SlackAttachment{Color: a.Color, Title: a.Title, Text: a.Text, Fallback: a.Title}
		for _, f := range a.Fields {
			sa.Fields = append(sa.Fields, &model.SlackAttachmentField{Title: f.Title, Value: f.Value, Short: model.SlackCompatibleBool(f.Short)})
		}
		for j, btn := range a.Buttons {
			pa, err := b.button(btn, channel, "a"+strconv.Itoa(i)+"b"+strconv.Itoa(j))
			if err != nil {
				return nil, err
			}
			sa.Actions = append(sa.Actions, pa)
		}
		out = append(out, sa)
	}
	return out, nil
}

// button seals btn into a Mattermost button. Action ids are letters and
// digits only: Mattermost routes /actions/{id} and rejects other runes.
func (b *Bot) button(btn Button, channel, id string) (*model.PostAction, error) {
	v, err := b.seal.Seal(signed.Context{Action: btn.Action, Args: btn.Args, Channel: channel}, b.opt.ButtonTTL)
	if err != nil {
		return nil, err
	}
	return &model.PostAction{
		Id: id, Type: model.PostActionTypeButton, Name: btn.Name, Style: btn.Style,
		Integration: &model.PostActionIntegration{
			URL:     b.opt.PublicURL + "/mattermost/action",
			Context: map[string]any{"v": v},
		},
	}, nil
}

// render turns an answer for user in channel into its first post; later
// pages wait in the page store behind a More button.
func (b *Bot) render(a Answer, user, channel string) (post, error) {
	atts, err := b.cards(a.Attachments, channel)
	if err != nil {
		return post{}, err
	}
	// The cards count against the post limit as well: page the text in
	// what they leave, keeping room for the More card.
	used := 0
	for _, c := range a.Attachments {
		used += utf8.RuneCountInString(c.Title) + utf8.RuneCountInString(c.Text) + 8
		for _, f := range c.Fields {
			used += utf8.RuneCountInString(f.Title) + utf8.RuneCountInString(f.Value) + 4
		}
	}
	budget := max(page.PostLimit-used-200, 1000)
	pages := page.Split(a.Text, budget)
	p := post{Text: pages[0], Attachments: atts}
	if len(pages) > 1 {
		more, err := b.moreCard(pages[1:], user, channel)
		if err != nil {
			return post{}, err
		}
		p.Attachments = append(p.Attachments, more)
	}
	return p, nil
}

func (b *Bot) moreCard(rest []string, user, channel string) (*model.SlackAttachment, error) {
	tok, err := b.pages.Put(user, rest)
	if err != nil {
		return nil, err
	}
	btn, err := b.button(Button{Name: "More", Action: actMore, Args: map[string]string{"page": tok}}, channel, "more")
	if err != nil {
		return nil, err
	}
	return &model.SlackAttachment{
		Text:    fmt.Sprintf("%d more page(s) — press More for the next one.", len(rest)),
		Actions: []*model.PostAction{btn},
	}, nil
}

// RenderText renders an answer as plain text for a terminal: the text,
// then each card as a block of lines marked "▌" with its fields and its
// buttons in brackets.
func RenderText(a Answer) string {
	var sb strings.Builder
	sb.WriteString(strings.TrimRight(a.Text, "\n"))
	for _, c := range a.Attachments {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		if c.Title != "" {
			sb.WriteString("▌ " + c.Title + "\n")
		}
		for _, line := range strings.Split(strings.TrimRight(c.Text, "\n"), "\n") {
			if line != "" {
				sb.WriteString("▌ " + line + "\n")
			}
		}
		for _, f := range c.Fields {
			sb.WriteString("▌ " + f.Title + ": " + f.Value + "\n")
		}
		if len(c.Buttons) > 0 {
			var names []string
			for _, btn := range c.Buttons {
				names = append(names, "["+btn.Name+"]")
			}
			sb.WriteString("▌ " + strings.Join(names, " ") + "\n")
		}
	}
	if a.Chart != nil {
		name := a.ChartName
		if name == "" {
			name = "chart.png"
		}
		fmt.Fprintf(&sb, "\n(link chart: %s, %d bytes)", name, len(a.Chart))
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}
