// Package mmtest starts a real Mattermost server (Team Edition, built from
// the Go module proxy, see server/) on 127.0.0.1 with its own PostgreSQL,
// and provisions what vigie's end-to-end tests need: a system admin, a
// team, a private case channel, the vigie bot with a token, and two
// officers. Nothing leaves the machine: diagnostics, plugins, notices,
// e-mail and push are off.
//
// Start builds the server once into a cache folder (about 3 minutes cold,
// seconds warm). Outside CI, a machine that cannot build or run it makes
// the test skip with the reason; with CI=true it fails instead.
package mmtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// Server is a running, provisioned Mattermost.
type Server struct {
	URL        string
	Admin      *model.Client4
	Team       *model.Team
	Case       *model.Channel // private channel, the bot and both officers are members
	BotUser    *model.User
	BotToken   string
	Officer    *model.Client4 // "olivia", a plain officer
	OfficerU   *model.User
	Supervisor *model.Client4 // "sue", a supervisor
	SuperU     *model.User

	dir   string
	mm    *exec.Cmd
	pgDir string
	asPG  bool
	cfg   string
	mu    sync.Mutex
}

const password = "Vigie-test-Passw0rd!"

func fail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("mmtest: "+format, args...)
	}
	t.Skipf("mmtest: "+format+" (set CI=true to make this a failure)", args...)
}

// moduleDir is bot/mmtest/server, the scratch module that pins the server.
func moduleDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "server")
}

var buildOnce sync.Once
var buildErr error
var binPath string

// Binary builds (once per cache) and returns the server binary, with its
// i18n, templates and fonts next to it.
func Binary() (string, error) {
	buildOnce.Do(func() {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		dir := filepath.Join(cache, "vigie-mmtest", "mm-11.4-9e1d4c2072c0")
		bin := filepath.Join(dir, "mattermost")
		if _, err := os.Stat(bin); err == nil {
			binPath = bin
			return
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			buildErr = err
			return
		}
		// go test runs the packages' test binaries in parallel, and two of
		// them (bot, cmd/vigie) start a server: on a machine without the
		// cache both built it into one temporary file, and the second
		// rename failed. One builds under an exclusive lock; the others
		// wait for it and find the binary.
		lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
		if err != nil {
			buildErr = err
			return
		}
		defer lock.Close()
		if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
			buildErr = fmt.Errorf("lock the server build: %w", err)
			return
		}
		defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
		if _, err := os.Stat(bin); err == nil {
			binPath = bin // built by another test binary while this one waited
			return
		}
		env := append(os.Environ(), "GONOSUMDB=github.com/mattermost/mattermost", "GOFLAGS=-mod=mod")
		cmd := exec.Command("go", "build", "-mod=mod", "-trimpath", "-o", bin+".tmp", "github.com/mattermost/mattermost/server/v8/cmd/mattermost")
		cmd.Dir, cmd.Env = moduleDir(), env
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build the server: %v\n%s", err, tail(out))
			return
		}
		list := exec.Command("go", "list", "-mod=mod", "-m", "-f", "{{.Dir}}", "github.com/mattermost/mattermost/server/v8")
		list.Dir, list.Env = moduleDir(), env
		out, err := list.Output()
		if err != nil {
			buildErr = fmt.Errorf("find the server module: %v", err)
			return
		}
		src := strings.TrimSpace(string(out))
		for _, d := range []string{"i18n", "templates", "fonts"} {
			if err := exec.Command("cp", "-r", filepath.Join(src, d), dir).Run(); err != nil {
				buildErr = fmt.Errorf("copy %s: %v", d, err)
				return
			}
			_ = exec.Command("chmod", "-R", "u+w", filepath.Join(dir, d)).Run()
		}
		if err := os.Rename(bin+".tmp", bin); err != nil {
			buildErr = err
			return
		}
		binPath = bin
	})
	return binPath, buildErr
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// FreeAddr returns a free 127.0.0.1 address for a listener.
func FreeAddr() (string, error) {
	p, err := freePort()
	return fmt.Sprintf("127.0.0.1:%d", p), err
}

// Start builds, starts and provisions a server; t.Cleanup stops it.
func Start(t testing.TB) *Server {
	t.Helper()
	if testing.Short() {
		t.Skip("mmtest: starts a Mattermost server")
	}
	bin, err := Binary()
	if err != nil {
		fail(t, "%v", err)
	}
	// Not t.TempDir: the postgres user must reach the folder, and test
	// folders are private to root.
	dir, err := os.MkdirTemp("", "vigie-mmtest-")
	if err != nil {
		fail(t, "%v", err)
	}
	_ = os.Chmod(dir, 0o755)
	s := &Server{dir: dir}
	t.Cleanup(func() { s.Stop(); os.RemoveAll(dir) })
	if err := s.startPostgres(); err != nil {
		fail(t, "PostgreSQL: %v", err)
	}
	if err := s.startMattermost(bin); err != nil {
		fail(t, "Mattermost: %v", err)
	}
	if err := s.provision(context.Background()); err != nil {
		t.Fatalf("mmtest: provision: %v", err)
	}
	return s
}

func (s *Server) pgRun(args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if s.asPG {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
	} else {
		cmd = exec.Command(args[0], args[1:]...)
	}
	return cmd.CombinedOutput()
}

func (s *Server) startPostgres() error {
	initdb, err := exec.LookPath("initdb")
	if err != nil {
		matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
		if len(matches) == 0 {
			return errors.New("initdb not found (apt-get install postgresql)")
		}
		initdb = matches[len(matches)-1]
	}
	bindir := filepath.Dir(initdb)
	if u, err := user.Current(); err == nil && u.Uid == "0" {
		s.asPG = true
	}
	s.pgDir = filepath.Join(s.dir, "pg")
	if err := os.MkdirAll(s.pgDir, 0o700); err != nil {
		return err
	}
	if s.asPG {
		if err := exec.Command("chown", "-R", "postgres", s.dir).Run(); err != nil {
			return fmt.Errorf("chown for postgres: %v", err)
		}
		_ = os.Chmod(s.dir, 0o755)
	}
	if out, err := s.pgRun(initdb, "-D", s.pgDir, "-A", "trust", "-U", "postgres"); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, tail(out))
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, s.pgDir)
	if out, err := s.pgRun(filepath.Join(bindir, "pg_ctl"), "-D", s.pgDir, "-w", "-l", filepath.Join(s.pgDir, "log"), "start", "-o", opts); err != nil {
		return fmt.Errorf("pg_ctl start: %v\n%s", err, tail(out))
	}
	psql := filepath.Join(bindir, "psql")
	if _, err := os.Stat(psql); err != nil {
		psql = "psql"
	}
	if out, err := s.pgRun(psql, "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "postgres", "-c", "CREATE DATABASE mattermost"); err != nil {
		return fmt.Errorf("create database: %v\n%s", err, tail(out))
	}
	s.cfg = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/mattermost?sslmode=disable&connect_timeout=10", port)
	return nil
}

func (s *Server) startMattermost(bin string) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	s.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	data := filepath.Join(s.dir, "mmdata")
	cfg := map[string]any{
		"ServiceSettings": map[string]any{
			"SiteURL": s.URL, "ListenAddress": fmt.Sprintf("127.0.0.1:%d", port), "WebserverMode": "disabled",
			"EnableBotAccountCreation": true, "EnableUserAccessTokens": true, "EnableCommands": true,
			"EnablePostUsernameOverride": false, "EnableLinkPreviews": false, "EnableSecurityFixAlert": false,
			"AllowedUntrustedInternalConnections": "localhost 127.0.0.1 127.0.0.0/8 ::1/128",
			"EnableOnlyAdminIntegrations":         false, "EnableDeveloper": false,
		},
		"SqlSettings":          map[string]any{"DriverName": "postgres", "DataSource": s.cfg},
		"FileSettings":         map[string]any{"Directory": data + "/"},
		"LogSettings":          map[string]any{"EnableDiagnostics": false, "EnableConsole": false, "EnableFile": true, "FileLocation": s.dir},
		"PluginSettings":       map[string]any{"Enable": false, "EnableMarketplace": false, "EnableRemoteMarketplace": false, "AutomaticPrepackagedPlugins": false},
		"EmailSettings":        map[string]any{"SendEmailNotifications": false, "SendPushNotifications": false, "RequireEmailVerification": false, "EnableSignUpWithEmail": true},
		"AnnouncementSettings": map[string]any{"AdminNoticesEnabled": false, "UserNoticesEnabled": false},
		"TeamSettings":         map[string]any{"EnableOpenServer": true},
		"RateLimitSettings":    map[string]any{"Enable": false},
	}
	raw, _ := json.MarshalIndent(cfg, "", "  ")
	cfgPath := filepath.Join(s.dir, "config.json")
	if err := os.WriteFile(cfgPath, raw, 0o600); err != nil {
		return err
	}
	var logBuf bytes.Buffer
	s.mm = exec.Command(bin, "server", "--config", cfgPath)
	s.mm.Dir = filepath.Dir(bin)
	s.mm.Stdout, s.mm.Stderr = &logBuf, &logBuf
	if err := s.mm.Start(); err != nil {
		return err
	}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.URL + "/api/v4/system/ping")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("not ready after 90 s:\n%s", tail(logBuf.Bytes()))
}

// Restart stops and starts the Mattermost process (same database).
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	bin, _ := Binary()
	s.stopMM()
	if err := s.startMattermostAt(bin, s.URL); err != nil {
		t.Fatalf("mmtest: restart: %v", err)
	}
}

func (s *Server) startMattermostAt(bin, url string) error {
	s.mm = exec.Command(bin, "server", "--config", filepath.Join(s.dir, "config.json"))
	s.mm.Dir = filepath.Dir(bin)
	if err := s.mm.Start(); err != nil {
		return err
	}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url + "/api/v4/system/ping"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return errors.New("not ready after restart")
}

func (s *Server) stopMM() {
	if s.mm != nil && s.mm.Process != nil {
		_ = s.mm.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.mm.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = s.mm.Process.Kill()
			<-done
		}
		s.mm = nil
	}
}

// Stop ends the server and its database.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopMM()
	if s.pgDir != "" {
		pgctl := "pg_ctl"
		if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl"); len(m) > 0 {
			pgctl = m[len(m)-1]
		}
		if p, err := exec.LookPath("pg_ctl"); err == nil {
			pgctl = p
		}
		_, _ = s.pgRun(pgctl, "-D", s.pgDir, "-m", "immediate", "stop")
		s.pgDir = ""
	}
}

func (s *Server) user(ctx context.Context, c *model.Client4, name string) (*model.User, *model.Client4, error) {
	u, _, err := c.CreateUser(ctx, &model.User{Username: name, Email: name + "@vigie.test", Password: password})
	if err != nil {
		return nil, nil, fmt.Errorf("create %s: %w", name, err)
	}
	uc := model.NewAPIv4Client(s.URL)
	if _, _, err := uc.Login(ctx, name, password); err != nil {
		return nil, nil, fmt.Errorf("login %s: %w", name, err)
	}
	return u, uc, nil
}

func (s *Server) provision(ctx context.Context) error {
	admin := model.NewAPIv4Client(s.URL)
	if _, _, err := admin.CreateUser(ctx, &model.User{Username: "admin", Email: "admin@vigie.test", Password: password}); err != nil {
		return fmt.Errorf("create admin: %w", err)
	}
	if _, _, err := admin.Login(ctx, "admin", password); err != nil {
		return fmt.Errorf("login admin: %w", err)
	}
	s.Admin = admin
	team, _, err := admin.CreateTeam(ctx, &model.Team{Name: "unit", DisplayName: "Unit", Type: model.TeamInvite})
	if err != nil {
		return fmt.Errorf("create team: %w", err)
	}
	s.Team = team
	bot, _, err := admin.CreateBot(ctx, &model.Bot{Username: "vigie", DisplayName: "vigie"})
	if err != nil {
		return fmt.Errorf("create bot: %w", err)
	}
	tok, _, err := admin.CreateUserAccessToken(ctx, bot.UserId, "vigie e2e")
	if err != nil {
		return fmt.Errorf("bot token: %w", err)
	}
	s.BotToken = tok.Token
	if s.BotUser, _, err = admin.GetUser(ctx, bot.UserId, ""); err != nil {
		return err
	}
	if s.OfficerU, s.Officer, err = s.user(ctx, admin, "olivia"); err != nil {
		return err
	}
	if s.SuperU, s.Supervisor, err = s.user(ctx, admin, "sue"); err != nil {
		return err
	}
	for _, id := range []string{bot.UserId, s.OfficerU.Id, s.SuperU.Id} {
		if _, _, err := admin.AddTeamMember(ctx, team.Id, id); err != nil {
			return fmt.Errorf("team member: %w", err)
		}
	}
	// The bot may register its slash command as a team admin.
	if _, err := admin.UpdateTeamMemberRoles(ctx, team.Id, bot.UserId, "team_user team_admin"); err != nil {
		return fmt.Errorf("bot team roles: %w", err)
	}
	ch, _, err := admin.CreateChannel(ctx, &model.Channel{TeamId: team.Id, Name: "ct-triage", DisplayName: "CT triage", Type: model.ChannelTypePrivate})
	if err != nil {
		return fmt.Errorf("case channel: %w", err)
	}
	s.Case = ch
	for _, id := range []string{bot.UserId, s.OfficerU.Id, s.SuperU.Id} {
		if _, _, err := admin.AddChannelMember(ctx, ch.Id, id); err != nil {
			return fmt.Errorf("channel member: %w", err)
		}
	}
	return nil
}

// WaitPost polls a channel until a post satisfies ok, or the deadline.
func (s *Server) WaitPost(ctx context.Context, c *model.Client4, channelID string, within time.Duration, ok func(*model.Post) bool) (*model.Post, error) {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		pl, _, err := c.GetPostsForChannel(ctx, channelID, 0, 100, "", false, false)
		if err == nil {
			for _, id := range pl.Order {
				if p := pl.Posts[id]; ok(p) {
					return p, nil
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, fmt.Errorf("no matching post in %s", within)
}
