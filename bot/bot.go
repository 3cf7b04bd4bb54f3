package bot

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/vigie/vigie/bot/page"
	"github.com/vigie/vigie/bot/signed"
)

// Options configure a Bot. DefaultOptions documents every default.
type Options struct {
	// URL is the Mattermost server ("https://chat.example.org"); Token the
	// bot account's access token.
	URL, Token string
	// PublicURL is where Mattermost reaches vigie's listener; buttons,
	// the slash command and dialogs call back under it.
	PublicURL string
	// SlashToken is the token Mattermost sends with every /vigie request.
	// It may be empty when TeamName is set: the bot then registers the
	// command itself and trusts the token Mattermost gave that command.
	SlashToken string
	// ActionSecret signs button contexts; at least 32 random bytes.
	ActionSecret []byte
	// TeamName is the team the slash command is registered in and whose
	// direct messages are caught up after a reconnect.
	TeamName string
	// ReplyWithin is how long a slash command or button waits for the
	// backend before answering "working on it…" and following up with a
	// post; Mattermost gives up after 30 s. Default 2.5 s.
	ReplyWithin time.Duration
	// WorkTimeout bounds one command's work. Default 2 min.
	WorkTimeout time.Duration
	// ButtonTTL is how long a button stays valid. Default 7 days.
	ButtonTTL time.Duration
	// PageTTL is how long the pages of a long answer are kept for the
	// More button. Default 1 h.
	PageTTL time.Duration
	// Workers bounds the commands handled at once (direct messages and
	// slow slash commands). Default 4.
	Workers int
	// HTTPTimeout bounds each call to the Mattermost API. Default 15 s.
	HTTPTimeout time.Duration
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// Logger receives the bot's logs. Default slog.Default().
	Logger *slog.Logger
}

// DefaultOptions returns Options with every default set and no server.
func DefaultOptions() Options {
	return Options{
		ReplyWithin: 2500 * time.Millisecond,
		WorkTimeout: 2 * time.Minute,
		ButtonTTL:   7 * 24 * time.Hour,
		PageTTL:     time.Hour,
		Workers:     4,
		HTTPTimeout: 15 * time.Second,
		Now:         time.Now,
		Logger:      slog.Default(),
	}
}

func (o *Options) validate() error {
	d := DefaultOptions()
	if o.ReplyWithin <= 0 {
		o.ReplyWithin = d.ReplyWithin
	}
	if o.ReplyWithin >= 25*time.Second {
		return fmt.Errorf("reply within %v: must stay well under Mattermost's 30 s", o.ReplyWithin)
	}
	if o.WorkTimeout <= 0 {
		o.WorkTimeout = d.WorkTimeout
	}
	if o.ButtonTTL <= 0 {
		o.ButtonTTL = d.ButtonTTL
	}
	if o.PageTTL <= 0 {
		o.PageTTL = d.PageTTL
	}
	if o.Workers <= 0 {
		o.Workers = d.Workers
	}
	if o.HTTPTimeout <= 0 {
		o.HTTPTimeout = d.HTTPTimeout
	}
	if o.Now == nil {
		o.Now = d.Now
	}
	if o.Logger == nil {
		o.Logger = d.Logger
	}
	var errs []error
	if o.URL == "" {
		errs = append(errs, errors.New("mattermost URL is empty"))
	}
	if o.Token == "" {
		errs = append(errs, errors.New("bot token is empty"))
	}
	if o.SlashToken == "" && o.TeamName == "" {
		errs = append(errs, errors.New("slash command token is empty and no team is named to register the command in"))
	}
	if !strings.HasPrefix(o.PublicURL, "http://") && !strings.HasPrefix(o.PublicURL, "https://") {
		errs = append(errs, fmt.Errorf("public URL %q: want http(s)://host[:port]", o.PublicURL))
	}
	if len(o.ActionSecret) < 32 {
		errs = append(errs, errors.New("action secret: want at least 32 bytes"))
	}
	o.PublicURL = strings.TrimRight(o.PublicURL, "/")
	return errors.Join(errs...)
}

// mattermost is the part of *model.Client4 the bot uses.
type mattermost interface {
	GetMe(ctx context.Context, etag string) (*model.User, *model.Response, error)
	GetTeamByName(ctx context.Context, name, etag string) (*model.Team, *model.Response, error)
	GetChannel(ctx context.Context, channelID, etag string) (*model.Channel, *model.Response, error)
	GetChannelMember(ctx context.Context, channelID, userID, etag string) (*model.ChannelMember, *model.Response, error)
	GetChannelsForTeamForUser(ctx context.Context, teamID, userID string, includeDeleted bool, etag string) ([]*model.Channel, *model.Response, error)
	CreateDirectChannel(ctx context.Context, userID1, userID2 string) (*model.Channel, *model.Response, error)
	CreatePost(ctx context.Context, post *model.Post) (*model.Post, *model.Response, error)
	GetPost(ctx context.Context, postID, etag string) (*model.Post, *model.Response, error)
	PatchPost(ctx context.Context, postID string, patch *model.PostPatch) (*model.Post, *model.Response, error)
	GetPostThread(ctx context.Context, postID, etag string, collapsedThreads bool) (*model.PostList, *model.Response, error)
	GetPostsForChannel(ctx context.Context, channelID string, page, perPage int, etag string, collapsedThreads, includeDeleted bool) (*model.PostList, *model.Response, error)
	GetPostsSince(ctx context.Context, channelID string, since int64, collapsedThreads bool) (*model.PostList, *model.Response, error)
	UploadFile(ctx context.Context, data []byte, channelID, filename string) (*model.FileUploadResponse, *model.Response, error)
	OpenInteractiveDialog(ctx context.Context, req model.OpenDialogRequest) (*model.Response, error)
	ListCommands(ctx context.Context, teamID string, customOnly bool) ([]*model.Command, *model.Response, error)
	CreateCommand(ctx context.Context, cmd *model.Command) (*model.Command, *model.Response, error)
	UpdateCommand(ctx context.Context, cmd *model.Command) (*model.Command, *model.Response, error)
}

// Bot is vigie on Mattermost. Handler serves the callbacks; Run reads
// direct messages; Deliver posts alerts. All three may run at once.
type Bot struct {
	opt     Options
	backend Backend
	outbox  Outbox
	cursor  Cursor
	mm      mattermost
	log     *slog.Logger
	seal    *signed.Sealer
	pages   *page.Store
	// work bounds the commands handled at once.
	work chan struct{}

	mu     sync.Mutex
	me     string // the bot's user id, once known
	teamID string
	// cmdToken is the token of the /vigie command as Mattermost holds it,
	// learnt when the bot registers the command.
	cmdToken string
}

// New returns a Bot talking to the server at opt.URL with the bot token.
// It returns an error listing every invalid option.
func New(opt Options, backend Backend, outbox Outbox, cursor Cursor) (*Bot, error) {
	if err := opt.validate(); err != nil {
		return nil, fmt.Errorf("bot options: %w", err)
	}
	c := model.NewAPIv4Client(opt.URL)
	c.SetToken(opt.Token)
	c.HTTPClient = &http.Client{Timeout: opt.HTTPTimeout}
	return newBot(opt, backend, outbox, cursor, c)
}

// newBot is New with the client given, for tests; opt is validated.
func newBot(opt Options, backend Backend, outbox Outbox, cursor Cursor, mm mattermost) (*Bot, error) {
	if err := opt.validate(); err != nil {
		return nil, fmt.Errorf("bot options: %w", err)
	}
	s, err := signed.New(opt.ActionSecret, opt.Now)
	if err != nil {
		return nil, err
	}
	return &Bot{
		opt: opt, backend: backend, outbox: outbox, cursor: cursor, mm: mm,
		log:   opt.Logger.With("component", "bot"),
		seal:  s,
		pages: page.NewStore(opt.PageTTL, 10_000, opt.Now),
		work:  make(chan struct{}, opt.Workers),
	}, nil
}

// self returns the bot's user id, asking the server the first time.
func (b *Bot) self(ctx context.Context) (string, error) {
	b.mu.Lock()
	id := b.me
	b.mu.Unlock()
	if id != "" {
		return id, nil
	}
	ctx, cancel := context.WithTimeout(ctx, b.opt.HTTPTimeout)
	defer cancel()
	u, resp, err := b.mm.GetMe(ctx, "")
	if err != nil {
		return "", fmt.Errorf("who is the bot: %w", describe(resp, err))
	}
	b.mu.Lock()
	b.me = u.Id
	b.mu.Unlock()
	return u.Id, nil
}

// Handler serves Mattermost's callbacks: POST /mattermost/command (the
// slash command), /mattermost/action (buttons) and /mattermost/dialog
// (the case-reference dialog).
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /mattermost/command", b.serveCommand)
	mux.HandleFunc("POST /mattermost/action", b.serveAction)
	mux.HandleFunc("POST /mattermost/dialog", b.serveDialog)
	return mux
}

// slashTokenOK reports, in constant time per token, whether tok is the
// configured slash token or the registered command's.
func (b *Bot) slashTokenOK(tok string) bool {
	b.mu.Lock()
	learnt := b.cmdToken
	b.mu.Unlock()
	ok := 0
	for _, want := range []string{b.opt.SlashToken, learnt} {
		if want != "" {
			ok |= subtle.ConstantTimeCompare([]byte(tok), []byte(want))
		}
	}
	return ok == 1
}

func (b *Bot) learnToken(tok string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cmdToken = tok
}
