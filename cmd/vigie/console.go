package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/vigie/vigie/bot"
	chat "github.com/vigie/vigie/bot/command"
)

// console speaks the chat commands at a terminal: the same parser, the
// same desk, the same answers, rendered as text. Buttons are numbered;
// "press N" presses one.
type console struct {
	backend bot.Backend
	req     bot.Request
	out     io.Writer
	charts  string // folder where link charts are written

	mu      sync.Mutex
	buttons []bot.Button
	nchart  int
}

var markdownStrip = regexp.MustCompile(`\\([*_\[\]])`)

// plain turns the desk's Markdown into terminal text.
func plain(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = markdownStrip.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "@\u200b", "@")
	return s
}

// render writes an answer: text, then each card with its fields and
// numbered buttons. Callers hold c.mu.
func (c *console) render(a bot.Answer) {
	if a.Text != "" {
		fmt.Fprintln(c.out, plain(a.Text))
	}
	for _, at := range a.Attachments {
		c.card(at)
	}
	if len(a.Chart) > 0 && c.charts != "" {
		c.nchart++
		name := a.ChartName
		if name == "" {
			name = fmt.Sprintf("chart-%d.png", c.nchart)
		}
		p := filepath.Join(c.charts, name)
		if err := os.WriteFile(p, a.Chart, 0o600); err == nil {
			fmt.Fprintf(c.out, "  (link chart written to %s)\n", p)
		}
	}
}

func (c *console) card(at bot.Attachment) {
	bar := "▌"
	fmt.Fprintf(c.out, "%s %s\n", bar, plain(at.Title))
	for _, line := range strings.Split(strings.TrimRight(at.Text, "\n"), "\n") {
		if line != "" {
			fmt.Fprintf(c.out, "%s   %s\n", bar, plain(line))
		}
	}
	for _, f := range at.Fields {
		fmt.Fprintf(c.out, "%s   %s: %s\n", bar, f.Title, plain(f.Value))
	}
	if len(at.Buttons) > 0 {
		var bs []string
		for _, b := range at.Buttons {
			c.buttons = append(c.buttons, b)
			bs = append(bs, fmt.Sprintf("[%d] %s", len(c.buttons), b.Name))
		}
		fmt.Fprintf(c.out, "%s   %s\n", bar, strings.Join(bs, "  "))
	}
}

// line handles one line typed at the console.
func (c *console) line(ctx context.Context, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if n, ok := strings.CutPrefix(text, "press "); ok {
		c.press(ctx, strings.TrimSpace(n))
		return
	}
	cmd, err := chat.Parse(text)
	c.mu.Lock()
	defer c.mu.Unlock()
	var ce *chat.Error
	switch {
	case errors.Is(err, chat.ErrEmpty):
		return
	case errors.As(err, &ce):
		fmt.Fprintf(c.out, "%s\n%s\n", ce.Msg, ce.Usage)
		return
	case err != nil:
		fmt.Fprintln(c.out, err)
		return
	}
	a, err := c.backend.Do(ctx, c.req, cmd)
	if err != nil {
		fmt.Fprintf(c.out, "Something went wrong: %v\n", err)
		return
	}
	c.render(a)
}

func (c *console) press(ctx context.Context, n string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, err := strconv.Atoi(n)
	if err != nil || i < 1 || i > len(c.buttons) {
		fmt.Fprintf(c.out, "No button %s; buttons are numbered [1]…[%d] above.\n", n, len(c.buttons))
		return
	}
	b := c.buttons[i-1]
	a, err := c.backend.Press(ctx, c.req, b.Action, b.Args)
	if err != nil {
		fmt.Fprintf(c.out, "Something went wrong: %v\n", err)
		return
	}
	if a.Update != "" {
		fmt.Fprintf(c.out, "(post updated: %s)\n", plain(a.Update))
	}
	if a.Text != a.Update || len(a.Attachments) > 0 {
		c.render(bot.Answer{Text: strings.TrimPrefix(a.Text, a.Update), Attachments: a.Attachments, Chart: a.Chart, ChartName: a.ChartName})
	}
}

// alert prints a delivered alert.
func (c *console) alert(g bot.Group, a bot.Alert) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.out, "\n🔔 ALERT in case channel (thread %s)\n", g.Subject)
	c.card(a.Card)
}
