package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/bot"
	"github.com/vigie/vigie/bot/answer"
	chat "github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/starter"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/ftm"
	"github.com/vigie/vigie/store/ingest"
)

// sliceSource feeds entities to the ingester as if read from a file.
type sliceSource struct {
	ents []ftm.Entity
	i    int
}

func (s *sliceSource) Next() ([]ftm.Entity, int, error) {
	if s.i >= len(s.ents) {
		return nil, s.i, io.EOF
	}
	s.i++
	return []ftm.Entity{s.ents[s.i-1]}, s.i, nil
}

const demoChannel = "ct-triage"

func cmdDemo(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("demo", "demo [--script] [--every 4s] [--data DIR]")
	script := fs.Bool("script", false, "run the suggested commands by themselves, wait for the live alerts, and exit")
	every := fs.Duration("every", 4*time.Second, "time between two records of the simulated live feed")
	dataDir := fs.String("data", "", "keep the demo store in DIR (default: a fresh temporary folder, removed at exit)")
	if _, err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	if *every < 10*time.Millisecond || *every > time.Hour {
		return a.usageErr(fs, "--every %s: want 10ms to 1h", *every)
	}
	dir := *dataDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "vigie-demo-")
		if err != nil {
			return a.fail("%v", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	// The demo store is encrypted like a real one, with a key made now.
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return a.fail("%v", err)
	}
	a.cfg.DataDir = filepath.Join(dir, "data")
	a.cfg.QuarantineDir = filepath.Join(dir, "quarantine")
	if a.cfg.EncryptionKey == "" && a.cfg.EncryptionKeyFile == "" {
		a.cfg.EncryptionKey = hex.EncodeToString(key)
	}
	if *dataDir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return a.fail("%v", err)
		}
		// A kept demo store needs the same key next time: keep it beside it.
		kf := filepath.Join(dir, "demo.key")
		if raw, err := os.ReadFile(kf); err == nil {
			a.cfg.EncryptionKey = string(raw)
		} else if err := os.WriteFile(kf, []byte(a.cfg.EncryptionKey), 0o600); err != nil {
			return a.fail("%v", err)
		}
	}
	// Without a rules folder of its own, the demo runs the starter rules.
	if _, err := os.Stat(a.cfg.RulesDir); err != nil {
		rd, err := starter.WriteTo(dir)
		if err != nil {
			return a.fail("%v", err)
		}
		a.cfg.RulesDir = rd
	}
	if a.cfg.MattermostURL != "" {
		return a.demoOnMattermost(ctx, dir, *every)
	}
	set, err := a.loadRules()
	if err != nil {
		return a.fail("%v", err)
	}
	e, err := a.openEngineWith(ctx, false, ruleSetOf(set))
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	sc := demoScenario()
	out := a.stdout
	fmt.Fprintf(out, "vigie demo — %s\n\n", sc.Story)
	if err := seed(ctx, e, sc.Seed, a.cfg.QuarantineDir); err != nil {
		return a.fail("seed the demo store: %v", err)
	}
	fmt.Fprintf(out, "Loaded %d records into an encrypted store at %s; resolved into subjects.\n", len(sc.Seed), a.cfg.DataDir)

	dirx := answer.StaticDirectory{
		People: map[string]answer.Person{
			"analyst": {ID: "analyst", Name: "analyst", Officer: true, Supervisor: true, Clearance: "SECRET", Compartments: []string{"HUMINT"}},
			"vigie":   {ID: "vigie", Name: "vigie", Bot: true},
		},
		Channels: map[string][]string{demoChannel: {"analyst", "vigie"}},
	}
	do := answer.DefaultOptions()
	do.Rate = 0 // no rate limit at the console
	do.Logger = a.log
	desk := answer.New(answer.Services{DB: e.db, Resolver: e.resolver, Graph: e.graph, Watcher: e.watcher, Audit: e.audit,
		Input: e.input, Rules: e.rules, RulesStatus: func() string { return rulesStatusOf(set, a.cfg.RulesDir) }}, dirx, do)
	req := bot.Request{UserID: "analyst", UserName: "analyst", ChannelID: demoChannel, ChannelName: demoChannel, ChannelType: "P", From: "console"}
	con := &console{backend: desk, req: req, out: out, charts: dir}
	// The console is the case channel of the demo case, and the warned man
	// is watched there.
	con.line(ctx, "case open C-DEMO-1")
	con.line(ctx, "watch Yanis Darkaoui born 1993-04-17")

	// The live feed and the delivery of alerts run beside the console.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	feedDone := make(chan struct{})
	startFeed := make(chan struct{})
	wg.Add(3)
	go func() { defer wg.Done(); _ = e.pipe.Run(runCtx) }()
	go func() {
		defer wg.Done()
		defer close(feedDone)
		select {
		case <-startFeed:
		case <-runCtx.Done():
			return
		}
		for _, rec := range sc.Feed {
			select {
			case <-runCtx.Done():
				return
			case <-time.After(*every):
			}
			if _, err := e.db.Put(runCtx, []store.Incoming{{Source: rec.Datasets[0], ID: rec.ID, Schema: rec.Schema, Properties: rec.Properties, Classification: "OFFICIAL"}}); err != nil {
				return
			}
			con.mu.Lock()
			fmt.Fprintf(out, "\n📥 new record from %s: %s/%s\n", rec.Datasets[0], rec.Datasets[0], rec.ID)
			con.mu.Unlock()
		}
	}()
	delivered := make(chan struct{}, 64)
	go func() { defer wg.Done(); deliverToConsole(runCtx, answer.NewOutbox(desk, nil), con, delivered) }()

	fmt.Fprintf(out, "\nYou are an analyst in the private case channel #%s (case C-DEMO-1). Type commands as in chat; `help` lists them, `press N` presses a button, `quit` leaves.\nTry:\n", demoChannel)
	for _, t := range sc.Try {
		fmt.Fprintf(out, "  %s\n", t)
	}
	if *script {
		for _, t := range sc.Try {
			con.mu.Lock()
			fmt.Fprintf(out, "\nvigie> %s\n", t)
			con.mu.Unlock()
			con.line(ctx, t)
		}
		close(startFeed)
		return a.waitFeed(ctx, feedDone, delivered, stop, &wg)
	}
	close(startFeed)
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(a.stdin)
		sc.Buffer(make([]byte, 0, 4096), chat.MaxLen*2)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for {
		con.mu.Lock()
		fmt.Fprint(out, "\nvigie> ")
		con.mu.Unlock()
		select {
		case <-ctx.Done():
			stop()
			wg.Wait()
			return exitOK
		case l, ok := <-lines:
			if !ok { // end of input: let the feed finish, then leave
				return a.waitFeed(ctx, feedDone, delivered, stop, &wg)
			}
			if l == "quit" || l == "exit" {
				stop()
				wg.Wait()
				return exitOK
			}
			con.line(ctx, l)
		}
	}
}

// waitFeed lets the live feed run to its end and its alerts be delivered.
func (a *app) waitFeed(ctx context.Context, feedDone <-chan struct{}, delivered <-chan struct{}, stop func(), wg *sync.WaitGroup) int {
	select {
	case <-feedDone:
	case <-ctx.Done():
	}
	// Give the pipeline and the delivery loop time to catch up.
	quiet := time.NewTimer(3 * time.Second)
	for done := false; !done; {
		select {
		case <-delivered:
			quiet.Reset(3 * time.Second)
		case <-quiet.C:
			done = true
		case <-ctx.Done():
			done = true
		}
	}
	stop()
	wg.Wait()
	fmt.Fprintln(a.stdout, "\nThe simulated feed is over. Every step you took is in the audit trail (vigie audit verify / export).")
	return exitOK
}

// deliverToConsole drains the outbox into the console, as the bot does
// into case channels.
func deliverToConsole(ctx context.Context, ob *answer.Outbox, con *console, delivered chan<- struct{}) {
	for {
		groups, _, err := ob.Pending(ctx, 50)
		if err == nil {
			for _, g := range groups {
				root := g.Root
				for _, al := range g.Alerts {
					if err := ob.MarkSending(ctx, al.ID); err != nil {
						continue
					}
					con.alert(g, al)
					post := "console-" + al.ID[:8]
					if root == "" {
						root = post
						_ = ob.SetThreadRoot(ctx, g.ChannelID, g.Subject, root)
					}
					_ = ob.MarkDelivered(ctx, al.ID, post, root)
					select {
					case delivered <- struct{}{}:
					default:
					}
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ob.Wait():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// seed ingests the scenario's records and resolves them.
func seed(ctx context.Context, e *engine, ents []ftm.Entity, quarantine string) error {
	g, err := ingest.New(e.db, ingest.Options{Classification: "OFFICIAL", BatchSize: 500, QuarantineDir: quarantine})
	if err != nil {
		return err
	}
	if _, err := g.Run(ctx, "demo", &sliceSource{ents: ents}, ingest.Defaults{}); err != nil {
		return err
	}
	_, err = e.pipe.Drain(ctx)
	return err
}

func ruleSetOf(set *rules.Set) func() *rules.Set { return func() *rules.Set { return set } }

func rulesStatusOf(set *rules.Set, dir string) string {
	if set == nil {
		return "No rules folder at " + dir + "."
	}
	return fmt.Sprintf("%d rules loaded from %s.", set.Len(), dir)
}

// demoOnMattermost seeds the scenario into the demo store, then serves it
// on the Mattermost server VIGIE_MATTERMOST_URL names, dropping the live
// feed into the spool folder one record at a time.
func (a *app) demoOnMattermost(ctx context.Context, dir string, every time.Duration) int {
	set, err := a.loadRules()
	if err != nil {
		return a.fail("%v", err)
	}
	e, err := a.openEngineWith(ctx, false, ruleSetOf(set))
	if err != nil {
		return a.fail("%v", err)
	}
	sc := demoScenario()
	if err := seed(ctx, e, sc.Seed, a.cfg.QuarantineDir); err != nil {
		e.Close()
		return a.fail("seed the demo store: %v", err)
	}
	e.Close()
	a.cfg.SpoolDir = filepath.Join(dir, "spool")
	if err := os.MkdirAll(a.cfg.SpoolDir, 0o700); err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stdout, "vigie demo on %s — %s\n\nIn Mattermost: open a private channel, invite the bot, `/vigie case open C-DEMO-1`, then try:\n", a.cfg.MattermostURL, sc.Story)
	for _, t := range sc.Try {
		fmt.Fprintf(a.stdout, "  /vigie %s\n", t)
	}
	go func() {
		for i, rec := range sc.Feed {
			select {
			case <-ctx.Done():
				return
			case <-time.After(every):
			}
			raw, err := json.Marshal(rec)
			if err != nil {
				continue
			}
			tmp := filepath.Join(a.cfg.SpoolDir, fmt.Sprintf("feed-%02d.jsonl.part", i))
			if os.WriteFile(tmp, append(raw, '\n'), 0o600) == nil {
				_ = os.Rename(tmp, strings.TrimSuffix(tmp, ".part"))
			}
		}
	}()
	return a.serve(ctx, nil)
}
