package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/vigie/vigie/store"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0 // success
	exitFailure  = 1 // the command failed; the message says why
	exitUsage    = 2 // the command line is wrong
	exitRejected = 3 // ingest finished but rejected some records (quarantined)
	exitNotFound = 4 // lookup, links or path found nothing
)

// app carries what every command needs. It is built once by run.
type app struct {
	cfg    config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	lookup func(string) (string, bool)
	// sourceTTL is each source's retention (VIGIE_SOURCE_TTL).
	sourceTTL map[string]time.Duration
	// onRuleError counts rule evaluations that failed (serve's metric).
	onRuleError func()
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, a *app, args []string) int
}

func commands() []command {
	return []command{
		{"serve", "run the bot: Mattermost, slash commands, buttons, spool, alert delivery, rules, metrics", cmdServe},
		{"demo", "run a fictional scenario in an interactive console, with a simulated live feed", cmdDemo},
		{"ingest", "load records: ingest [--source NAME] [--mapping FILE] FILE…", cmdIngest},
		{"lookup", "find a subject: lookup [--json] [--dob DATE] [--limit N] [--case REF] QUERY", cmdLookup},
		{"compare", "score two names or records: compare [--json] A B", cmdCompare},
		{"subjects", "list resolved subjects: subjects export --json", cmdSubjects},
		{"judge", "record a human judgement: judge same|different RECORD RECORD", cmdJudge},
		{"links", "link summary of a subject: links [--json] [--depth N] SUBJECT", cmdLinks},
		{"path", "shortest evidenced paths: path [--json] A B", cmdPath},
		{"watch", "watches offline: watch add|list|rm", cmdWatch},
		{"alerts", "the alert outbox offline: alerts list [--json] | alerts ack ID", cmdAlerts},
		{"rules", "rule files: rules check|test|backtest DIR", cmdRules},
		{"audit", "the audit trail: audit verify | audit export [--since T]", cmdAudit},
		{"backup", "write an encrypted backup of the store: backup FILE", cmdBackup},
		{"restore", "restore a backup into an empty data folder: restore FILE", cmdRestore},
		{"keys", "rotate the store's encryption key: keys rotate", cmdKeys},
		{"reindex", "give every record the index keys of this version (after an upgrade): reindex [--json]", cmdReindex},
		{"eval", "measure matching quality on the development data sets", cmdEval},
		{"bench", "generate data at a scale and print the performance figures", cmdBench},
		{"version", "print the version", cmdVersion},
	}
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func cmdVersion(_ context.Context, a *app, _ []string) int {
	fmt.Fprintf(a.stdout, "vigie %s\n", version)
	return exitOK
}

// run is the whole program; main only wires the process to it, so tests run
// every command in-process.
func run(ctx context.Context, args []string, lookup func(string) (string, bool), stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 2 || args[1] == "help" || args[1] == "-h" || args[1] == "--help" {
		usage(stdout)
		if len(args) < 2 {
			return exitUsage
		}
		return exitOK
	}
	cfg, err := loadConfig(ctx, lookup)
	if err != nil {
		fmt.Fprintf(stderr, "vigie: %v\n", err)
		return exitUsage
	}
	if limit, _ := cfg.memoryLimit(); limit > 0 {
		// A soft limit: the collector works harder near it rather than
		// let the heap double (Go's default), trading speed for memory.
		// Restored on return, for the tests that run commands in-process.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	if pct, _ := cfg.gcPercent(); pct != 100 {
		defer debug.SetGCPercent(debug.SetGCPercent(pct))
	}
	a := &app{cfg: cfg, stdin: stdin, stdout: stdout, stderr: stderr, lookup: lookup}
	if a.sourceTTL, err = cfg.sourceTTL(); err != nil {
		fmt.Fprintf(stderr, "vigie: %v\n", err)
		return exitUsage
	}
	a.log = newLogger(stderr, cfg)
	for _, c := range commands() {
		if c.name == args[1] {
			return c.run(ctx, a, args[2:])
		}
	}
	fmt.Fprintf(stderr, "vigie: unknown command %q\n\n", args[1])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "vigie — secure alerting assistant for case teams on Mattermost")
	fmt.Fprintln(w, "\nUsage: vigie COMMAND [flags] [arguments]\n\nCommands:")
	cs := commands()
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nConfiguration comes from VIGIE_* environment variables; see config.example.env.")
	fmt.Fprintln(w, "Run `vigie COMMAND -h` for a command's flags.")
}

func newLogger(w io.Writer, cfg config) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	o := &slog.HandlerOptions{Level: level}
	format := cfg.LogFormat
	if format == "auto" {
		format = "json"
		if isTerminal(w) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, o))
	}
	return slog.New(slog.NewJSONHandler(w, o))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// openStore opens the configured store. Without an encryption key it warns,
// once per process, that data is stored unencrypted.
func (a *app) openStore(readOnly bool) (*store.DB, error) {
	key, err := a.cfg.encryptionKey()
	if err != nil {
		return nil, err
	}
	if key == nil {
		a.log.Warn("no encryption key configured (VIGIE_ENCRYPTION_KEY_FILE): data is stored unencrypted", "dir", a.cfg.DataDir)
	}
	o := store.DefaultOptions(a.cfg.DataDir)
	o.EncryptionKey = key
	if o.BlockCacheSize, err = a.cfg.blockCache(); err != nil {
		return nil, err
	}
	o.Compactors = a.cfg.Compactors
	o.Logger = a.log
	o.ReadOnly = readOnly
	db, err := store.Open(o)
	if errors.Is(err, store.ErrKeyMismatch) {
		return nil, fmt.Errorf("%w: set VIGIE_ENCRYPTION_KEY_FILE to the key this data folder was created with", err)
	}
	return db, err
}

// parseFlags parses flags that may come before or after the positional
// arguments ("lookup Salah --json"), as users type them. A lone "--" ends
// flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlags returns a flag set that prints its usage to the app's stderr.
func (a *app) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "Usage: vigie %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// fail prints an error the way every command does and returns exitFailure.
func (a *app) fail(format string, args ...any) int {
	fmt.Fprintf(a.stderr, "vigie: "+format+"\n", args...)
	return exitFailure
}

func (a *app) usageErr(fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(a.stderr, "vigie: "+format+"\n", args...)
	fs.Usage()
	return exitUsage
}

func joinArgs(args []string) string { return strings.TrimSpace(strings.Join(args, " ")) }
