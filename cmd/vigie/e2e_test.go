package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/mmtest"
)

// TestEndToEndOnMattermost runs `vigie serve` against a real Mattermost
// server: a supervisor registers the private case channel, an officer looks
// a subject up with /vigie (answered only to them) and in a direct message,
// a watch is set, records arrive through the ingest endpoint and each
// becomes one alert posted in the case channel's thread for the subject;
// the Acknowledge button updates the post. It prints the record → posted
// alert latency.
func TestEndToEndOnMattermost(t *testing.T) {
	s := mmtest.Start(t)
	ctx := context.Background()
	addr, err := mmtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	// The administrator registers /vigie; its token is vigie's slash token.
	cmd, _, err := s.Admin.CreateCommand(ctx, &model.Command{TeamId: s.Team.Id, Trigger: "vigie", Method: model.CommandMethodPost,
		URL: "http://" + addr + "/mattermost/command", AutoComplete: true, DisplayName: "vigie", Username: "vigie"})
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	for k, v := range map[string]string{
		"VIGIE_LISTEN_ADDR": addr, "VIGIE_PUBLIC_URL": "http://" + addr, "VIGIE_MATTERMOST_URL": s.URL,
		"VIGIE_MATTERMOST_TOKEN": s.BotToken, "VIGIE_MATTERMOST_TEAM": s.Team.Name, "VIGIE_SLASH_TOKEN": cmd.Token,
		"VIGIE_ACTION_SECRET": "an-action-secret-of-at-least-32-characters", "VIGIE_SUPERVISORS": "sue",
		"VIGIE_CLEARANCES": "SECRET=sue,olivia", "VIGIE_INGEST_TOKEN": "connector-token", "VIGIE_RULES_DIR": "../../rules/starter/rules.d",
	} {
		c.env[k] = v
	}
	seedRecs := `{"id":"p1","schema":"Person","properties":{"name":["Karim Benali"],"birthDate":["1990-03-04"]},"datasets":["police"]}
{"id":"w1","schema":"Person","properties":{"name":["Karim Ben Ali"],"birthDate":["04/03/1990"]},"datasets":["partner-warnings"]}`
	if code, _, errs := c.run(seedRecs, "ingest", "-"); code != exitOK {
		t.Fatalf("seed: %s", errs)
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan int, 1)
	var serveErr bytes.Buffer
	go func() {
		lookup := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
		served <- run(sctx, []string{"vigie", "serve"}, lookup, strings.NewReader(""), &bytes.Buffer{}, &serveErr)
	}()
	defer func() {
		stop()
		select {
		case code := <-served:
			if code != exitOK {
				t.Errorf("serve exited %d: %s", code, serveErr.String())
			}
		case <-time.After(60 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	waitReady(t, "http://"+addr)

	// A supervisor registers the case channel.
	resp, _, err := s.Supervisor.ExecuteCommand(ctx, s.Case.Id, "/vigie case open C-E2E")
	if err != nil || !strings.Contains(resp.Text, "C-E2E") {
		t.Fatalf("case open: %+v %v", resp, err)
	}
	// An officer's lookup is answered only to them.
	resp, _, err = s.Officer.ExecuteCommand(ctx, s.Case.Id, "/vigie lookup Karim Benali born 1990-03-04")
	if err != nil {
		t.Fatal(err)
	}
	if resp.ResponseType != model.CommandResponseTypeEphemeral {
		t.Errorf("lookup in a channel answered %q, want ephemeral", resp.ResponseType)
	}
	// The same in a direct message to the bot.
	dm, _, err := s.Officer.CreateDirectChannel(ctx, s.OfficerU.Id, s.BotUser.Id)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Officer.CreatePost(ctx, &model.Post{ChannelId: dm.Id, Message: "lookup Karim Benali born 1990-03-04"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WaitPost(ctx, s.Officer, dm.Id, 30*time.Second, func(p *model.Post) bool {
		return p.UserId == s.BotUser.Id && strings.Contains(p.Message+fmt.Sprint(p.GetProps()), "Karim")
	}); err != nil {
		t.Errorf("DM lookup: %v", err)
	}
	// A watch in the case channel.
	resp, _, err = s.Supervisor.ExecuteCommand(ctx, s.Case.Id, "/vigie watch Karim Benali born 1990-03-04")
	if err != nil || !strings.Contains(resp.Text+fmt.Sprint(resp.Attachments), "W-") {
		t.Fatalf("watch: %+v %v", resp, err)
	}

	// New records arrive; each must become one alert in the thread.
	// Records are spaced beyond the thread's grouping interval (2 s), so
	// each measures the path record → pipeline → outbox → post, not the
	// deliberate coalescing of bursts.
	var lat []time.Duration
	for i := 0; i < 8; i++ {
		time.Sleep(2200 * time.Millisecond)
		body := fmt.Sprintf(`{"id":"stop-%d","schema":"Person","properties":{"name":["BENALI, Karim"],"birthDate":["1990-03-04"],"summary":["police stop %d"]}}`, i, i)
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/ingest?source=police-stops", strings.NewReader(body+"\n"))
		req.Header.Set("Authorization", "Bearer connector-token")
		start := time.Now()
		r, err := http.DefaultClient.Do(req)
		if err != nil || r.StatusCode != 200 {
			t.Fatalf("ingest: %v %v", r, err)
		}
		r.Body.Close()
		want := fmt.Sprintf("stop-%d", i)
		if _, err := s.WaitPost(ctx, s.Supervisor, s.Case.Id, 30*time.Second, func(p *model.Post) bool {
			return p.GetProp("vigie_alert") != nil && strings.Contains(fmt.Sprint(p.GetProps())+p.Message, want)
		}); err != nil {
			t.Fatalf("alert for %s: %v", want, err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("record → alert posted on Mattermost: p50 %s, max %s over %d records", lat[len(lat)/2], lat[len(lat)-1], len(lat))

	// Each alert was posted once, all in one thread per subject.
	pl, _, err := s.Supervisor.GetPostsForChannel(ctx, s.Case.Id, 0, 200, "", false, false)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	roots := map[string]bool{}
	var alertPost *model.Post
	for _, p := range pl.Posts {
		if id, ok := p.GetProp("vigie_alert").(string); ok {
			seen[id]++
			if p.RootId != "" {
				roots[p.RootId] = true
			} else {
				roots[p.Id] = true
			}
			if alertPost == nil && len(p.Attachments()) > 0 {
				alertPost = p
			}
		}
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("alert %s posted %d times", id, n)
		}
	}
	if len(roots) > 2 { // one subject: one thread (a rule alert may open the same thread)
		t.Errorf("alerts spread over %d threads", len(roots))
	}
	// Acknowledge from the button.
	if alertPost != nil {
		var actionID string
		for _, a := range alertPost.Attachments() {
			for _, act := range a.Actions {
				if act.Name == "Acknowledge" {
					actionID = act.Id
				}
			}
		}
		if actionID == "" {
			t.Fatal("no Acknowledge button on the alert")
		}
		if _, err := s.Supervisor.DoPostAction(ctx, alertPost.Id, actionID); err != nil {
			t.Fatalf("press Acknowledge: %v", err)
		}
		// When the answer is slower than Mattermost's limit (a loaded CI
		// machine: every package's race-detector tests at once), it comes
		// late, through the API (Bot.within, patchPressed): wait for that
		// too. The test asserts the update, not its speed.
		p, err := s.WaitPost(ctx, s.Supervisor, s.Case.Id, 30*time.Second, func(p *model.Post) bool {
			return p.Id == alertPost.Id && strings.Contains(p.Message+fmt.Sprint(p.GetProps()), "Acknowledged by @sue")
		})
		if err != nil {
			t.Errorf("the alert post was not updated after Acknowledge: %v", err)
		} else {
			t.Logf("acknowledged: %s", p.Message)
		}
	}
}

func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := http.Get(base + "/readyz"); err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("vigie serve not ready within 60 s")
}
