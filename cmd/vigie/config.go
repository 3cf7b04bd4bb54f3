package main

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sethvargo/go-envconfig"
)

// config is everything vigie reads from the environment. Each field's
// default is also written, with a one-line comment, in config.example.env;
// TestConfigExampleMatchesDefaults keeps the two in step.
type config struct {
	DataDir           string `env:"DATA_DIR, default=./data"`
	EncryptionKeyFile string `env:"ENCRYPTION_KEY_FILE"`
	EncryptionKey     string `env:"ENCRYPTION_KEY"`
	LogLevel          string `env:"LOG_LEVEL, default=info"`
	LogFormat         string `env:"LOG_FORMAT, default=auto"`

	QuarantineDir         string        `env:"QUARANTINE_DIR, default=./data/quarantine"`
	DefaultClassification string        `env:"DEFAULT_CLASSIFICATION, default=OFFICIAL"`
	IngestBatch           int           `env:"INGEST_BATCH, default=4000"`
	RecordTTL             time.Duration `env:"RECORD_TTL, default=0s"`
	SourceTTL             string        `env:"SOURCE_TTL"`

	MatchThreshold   float64 `env:"MATCH_THRESHOLD, default=0.70"`
	ResolveThreshold float64 `env:"RESOLVE_THRESHOLD, default=0.70"`
	LookupLimit      int     `env:"LOOKUP_LIMIT, default=10"`
	RequireCase      bool    `env:"REQUIRE_CASE, default=false"`
	GiantBucket      int     `env:"GIANT_BUCKET, default=5000"`
	ResolveCache     int     `env:"RESOLVE_CACHE, default=200000"`
	LookupCandidates int     `env:"LOOKUP_CANDIDATES, default=200"`
	ScoringWorkers   int     `env:"SCORING_WORKERS, default=0"`
	MemoryLimit      string  `env:"MEMORY_LIMIT, default=0"`
	BlockCache       string  `env:"BLOCK_CACHE, default=256MiB"`
	Compactors       int     `env:"COMPACTORS, default=4"`
	GCPercent        string  `env:"GC_PERCENT, default=100"`

	RulesDir    string        `env:"RULES_DIR, default=./rules.d"`
	RuleBudget  time.Duration `env:"RULE_BUDGET, default=10us"`
	SpoolDir    string        `env:"SPOOL_DIR, default=./spool"`
	MappingsDir string        `env:"MAPPINGS_DIR, default=./deploy/mappings"`

	WatchTerm time.Duration `env:"WATCH_TERM, default=720h"`

	LinkGiantCount   int           `env:"LINK_GIANT_COUNT, default=50"`
	CoPresenceWindow time.Duration `env:"COPRESENCE_WINDOW, default=2h"`
	InnocentFile     string        `env:"INNOCENT_FILE"`

	ListenAddr        string `env:"LISTEN_ADDR, default=127.0.0.1:8089"`
	PublicURL         string `env:"PUBLIC_URL, default=http://127.0.0.1:8089"`
	MattermostURL     string `env:"MATTERMOST_URL"`
	MattermostToken   string `env:"MATTERMOST_TOKEN"`
	MattermostTeam    string `env:"MATTERMOST_TEAM"`
	SlashToken        string `env:"SLASH_TOKEN"`
	ActionSecret      string `env:"ACTION_SECRET"`
	IngestToken       string `env:"INGEST_TOKEN"`
	SupervisorsGroup  string `env:"SUPERVISORS"`
	Admins            string `env:"ADMINS"`
	SupervisorChannel string `env:"SUPERVISOR_CHANNEL"`
	Clearances        string `env:"CLEARANCES"`
	Compartments      string `env:"COMPARTMENTS"`
	DefaultClearance  string `env:"DEFAULT_CLEARANCE, default=OFFICIAL"`
}

// loadConfig reads the VIGIE_ variables through lookup (os.LookupEnv in
// main, a map in tests).
func loadConfig(ctx context.Context, lookup func(string) (string, bool)) (config, error) {
	var c config
	err := envconfig.ProcessWith(ctx, &envconfig.Config{
		Target:   &c,
		Lookuper: envconfig.PrefixLookuper("VIGIE_", lookuperFunc(lookup)),
	})
	if err != nil {
		return c, fmt.Errorf("read configuration from the environment: %w", err)
	}
	return c, c.validate()
}

type lookuperFunc func(string) (string, bool)

func (f lookuperFunc) Lookup(key string) (string, bool) { return f(key) }

func (c *config) validate() error {
	var errs []error
	if c.MatchThreshold <= 0 || c.MatchThreshold > 1 {
		errs = append(errs, fmt.Errorf("VIGIE_MATCH_THRESHOLD=%v: want a number in (0, 1]", c.MatchThreshold))
	}
	if c.ResolveThreshold <= 0 || c.ResolveThreshold > 1 {
		errs = append(errs, fmt.Errorf("VIGIE_RESOLVE_THRESHOLD=%v: want a number in (0, 1]", c.ResolveThreshold))
	}
	if c.LookupLimit < 1 || c.LookupLimit > 1000 {
		errs = append(errs, fmt.Errorf("VIGIE_LOOKUP_LIMIT=%d: want 1 to 1000", c.LookupLimit))
	}
	if c.ResolveCache < 100 || c.ResolveCache > 50_000_000 {
		errs = append(errs, fmt.Errorf("VIGIE_RESOLVE_CACHE=%d: want 100 to 50000000", c.ResolveCache))
	}
	if c.LookupCandidates < 10 || c.LookupCandidates > 5000 {
		errs = append(errs, fmt.Errorf("VIGIE_LOOKUP_CANDIDATES=%d: want 10 to 5000", c.LookupCandidates))
	}
	if c.ScoringWorkers < 0 || c.ScoringWorkers > 256 {
		errs = append(errs, fmt.Errorf("VIGIE_SCORING_WORKERS=%d: want 0 (one per core) to 256", c.ScoringWorkers))
	}
	if c.IngestBatch < 1 || c.IngestBatch > 100000 {
		errs = append(errs, fmt.Errorf("VIGIE_INGEST_BATCH=%d: want 1 to 100000", c.IngestBatch))
	}
	if c.Compactors < 2 || c.Compactors > 64 {
		errs = append(errs, fmt.Errorf("VIGIE_COMPACTORS=%d: want 2 to 64", c.Compactors))
	}
	if _, err := c.blockCache(); err != nil {
		errs = append(errs, err)
	}
	if _, err := c.memoryLimit(); err != nil {
		errs = append(errs, err)
	}
	if _, err := c.gcPercent(); err != nil {
		errs = append(errs, err)
	}
	switch c.LogFormat {
	case "auto", "json", "text":
	default:
		errs = append(errs, fmt.Errorf("VIGIE_LOG_FORMAT=%q: want auto, json or text", c.LogFormat))
	}
	if c.EncryptionKey != "" && c.EncryptionKeyFile != "" {
		errs = append(errs, errors.New("set VIGIE_ENCRYPTION_KEY or VIGIE_ENCRYPTION_KEY_FILE, not both"))
	}
	return errors.Join(errs...)
}

// memoryLimit is VIGIE_MEMORY_LIMIT in bytes: 0 (no limit) or a size of
// 256 MiB or more, written in bytes or with KiB, MiB or GiB.
func (c *config) memoryLimit() (int64, error) {
	b, err := parseSize(c.MemoryLimit)
	if err != nil || (b != 0 && b < 256<<20) {
		return 0, fmt.Errorf("VIGIE_MEMORY_LIMIT=%q: want 0 (no limit) or a size of 256MiB or more, such as 1800MiB or 2GiB", c.MemoryLimit)
	}
	return b, nil
}

// blockCache is VIGIE_BLOCK_CACHE in bytes: 16 MiB to 64 GiB.
func (c *config) blockCache() (int64, error) {
	b, err := parseSize(c.BlockCache)
	if err != nil || b < 16<<20 || b > 64<<30 {
		return 0, fmt.Errorf("VIGIE_BLOCK_CACHE=%q: want a size of 16MiB to 64GiB, such as 256MiB", c.BlockCache)
	}
	return b, nil
}

// memorySettings are the settings a run's speed and memory depend on, as
// the variables that set them.
func (c *config) memorySettings() map[string]string {
	return map[string]string{
		"VIGIE_MEMORY_LIMIT": c.MemoryLimit, "VIGIE_GC_PERCENT": c.GCPercent, "VIGIE_BLOCK_CACHE": c.BlockCache,
		"VIGIE_RESOLVE_CACHE": strconv.Itoa(c.ResolveCache), "VIGIE_COMPACTORS": strconv.Itoa(c.Compactors),
		"VIGIE_LOOKUP_CANDIDATES": strconv.Itoa(c.LookupCandidates),
	}
}

// parseSize reads a size in bytes, or with KiB, MiB or GiB after it; it
// refuses a negative size and one past a petabyte.
func parseSize(s string) (int64, error) {
	v := strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a size", s)
	unit := int64(1)
	for _, u := range []struct {
		suffix string
		bytes  int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if strings.HasSuffix(v, u.suffix) {
			v, unit = strings.TrimSpace(strings.TrimSuffix(v, u.suffix)), u.bytes
			break
		}
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || n*float64(unit) > 1<<50 {
		return 0, bad
	}
	return int64(n * float64(unit)), nil
}

// gcPercent is VIGIE_GC_PERCENT: Go's GOGC, the heap growth (in per cent
// of the live heap) that triggers a collection — 10 to 10000, or "off"
// (-1), which leaves collecting to VIGIE_MEMORY_LIMIT and is refused
// without one.
func (c *config) gcPercent() (int, error) {
	v := strings.TrimSpace(c.GCPercent)
	if strings.EqualFold(v, "off") {
		if limit, err := c.memoryLimit(); err != nil || limit == 0 {
			return 0, fmt.Errorf("VIGIE_GC_PERCENT=off needs VIGIE_MEMORY_LIMIT: without a limit the heap would grow without bound")
		}
		return -1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 10 || n > 10000 {
		return 0, fmt.Errorf("VIGIE_GC_PERCENT=%q: want 10 to 10000, or off (with VIGIE_MEMORY_LIMIT)", c.GCPercent)
	}
	return n, nil
}

// encryptionKey returns the store's AES key (nil when none is configured).
// The key is 16, 24 or 32 bytes, given raw in a file or as hex or base64.
func (c *config) encryptionKey() ([]byte, error) {
	raw := c.EncryptionKey
	from := "VIGIE_ENCRYPTION_KEY"
	if c.EncryptionKeyFile != "" {
		b, err := os.ReadFile(c.EncryptionKeyFile)
		if err != nil {
			return nil, fmt.Errorf("read encryption key: %w", err)
		}
		if n := len(b); n == 16 || n == 24 || n == 32 {
			return b, nil
		}
		raw, from = string(b), c.EncryptionKeyFile
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	if k, err := hex.DecodeString(raw); err == nil && validKeyLen(len(k)) {
		return k, nil
	}
	if k, err := base64.StdEncoding.DecodeString(raw); err == nil && validKeyLen(len(k)) {
		return k, nil
	}
	return nil, fmt.Errorf("encryption key from %s: want 16, 24 or 32 bytes, raw or as hex or base64", from)
}

func validKeyLen(n int) bool { return n == 16 || n == 24 || n == 32 }

// sourceTTL reads VIGIE_SOURCE_TTL: "source=duration,source=duration".
func (c *config) sourceTTL() (map[string]time.Duration, error) {
	out := map[string]time.Duration{}
	for _, part := range strings.Split(c.SourceTTL, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		src, d, ok := strings.Cut(part, "=")
		dur, err := time.ParseDuration(strings.TrimSpace(d))
		if !ok || err != nil || dur < 0 {
			return nil, fmt.Errorf("VIGIE_SOURCE_TTL %q: want source=duration (e.g. partner-warnings=17520h)", part)
		}
		out[strings.TrimSpace(src)] = dur
	}
	return out, nil
}
