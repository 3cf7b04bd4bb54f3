package main

import (
	"bufio"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// readEnvFile parses KEY=VALUE lines, skipping comments and blanks.
func readEnvFile(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: line %q is not KEY=VALUE", path, line)
		}
		out[k] = v
	}
	return out
}

// TestConfigExampleMatchesDefaults keeps config.example.env and the config
// struct from drifting: every variable of the struct is in the file, every
// variable of the file is in the struct, and the file's values are the
// struct's defaults.
func TestConfigExampleMatchesDefaults(t *testing.T) {
	ctx := context.Background()
	example := readEnvFile(t, "../../config.example.env")
	fromFile, err := loadConfig(ctx, func(k string) (string, bool) { v, ok := example[k]; return v, ok })
	if err != nil {
		t.Fatalf("loadConfig(config.example.env) = %v", err)
	}
	defaults, err := loadConfig(ctx, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatalf("loadConfig(empty environment) = %v", err)
	}
	if !reflect.DeepEqual(fromFile, defaults) {
		t.Errorf("config.example.env values differ from the defaults:\nfile:     %+v\ndefaults: %+v", fromFile, defaults)
	}
	typ := reflect.TypeOf(config{})
	inStruct := map[string]bool{}
	for i := range typ.NumField() {
		tag := typ.Field(i).Tag.Get("env")
		name := "VIGIE_" + strings.TrimSpace(strings.Split(tag, ",")[0])
		inStruct[name] = true
		if _, ok := example[name]; !ok {
			t.Errorf("%s is read by vigie but missing from config.example.env", name)
		}
	}
	for k := range example {
		if !inStruct[k] {
			t.Errorf("config.example.env lists %s, which vigie does not read", k)
		}
	}
}

func TestConfigRejectsNonsense(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"threshold":  {"VIGIE_MATCH_THRESHOLD": "7"},
		"limit":      {"VIGIE_LOOKUP_LIMIT": "0"},
		"log format": {"VIGIE_LOG_FORMAT": "xml"},
		"two keys":   {"VIGIE_ENCRYPTION_KEY": "00", "VIGIE_ENCRYPTION_KEY_FILE": "/k"},
		"not a dur":  {"VIGIE_WATCH_TERM": "soon"},
		"tiny limit": {"VIGIE_MEMORY_LIMIT": "64MiB"},
		"gc off":     {"VIGIE_GC_PERCENT": "off"},
		"gc low":     {"VIGIE_GC_PERCENT": "5"},
		"no size":    {"VIGIE_MEMORY_LIMIT": "lots"},
		"tiny cache": {"VIGIE_BLOCK_CACHE": "1MiB"},
		"compactor":  {"VIGIE_COMPACTORS": "1"},
		"workers":    {"VIGIE_SCORING_WORKERS": "-1"},
		"candidates": {"VIGIE_LOOKUP_CANDIDATES": "3"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := loadConfig(context.Background(), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
			if err == nil {
				t.Errorf("loadConfig(%v) = nil, want an error", env)
			}
		})
	}
}

func TestMemoryLimitSizes(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "1800MiB": 1800 << 20, "2GiB": 2 << 30, "1.5GiB": 3 << 29, "536870912": 512 << 20} {
		c := config{MemoryLimit: in}
		if got, err := c.memoryLimit(); err != nil || got != want {
			t.Errorf("memoryLimit(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// FuzzMemoryLimit: any VIGIE_MEMORY_LIMIT value gives 0, a size of 256 MiB
// or more, or an error — never a panic or a negative limit; the same value
// as VIGIE_BLOCK_CACHE gives a size within its bounds or an error.
func FuzzMemoryLimit(f *testing.F) {
	for _, s := range []string{"0", "1800MiB", "2GiB", "1.5GiB", "-1", "NaN", "1e300GiB", " 512 MiB", "KiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := config{MemoryLimit: s}
		n, err := c.memoryLimit()
		if err == nil && n != 0 && n < 256<<20 {
			t.Fatalf("memoryLimit(%q) = %d, below the floor", s, n)
		}
		if err != nil && n != 0 {
			t.Fatalf("memoryLimit(%q) = %d with error %v", s, n, err)
		}
		c = config{BlockCache: s}
		if n, err := c.blockCache(); (err == nil) != (n >= 16<<20 && n <= 64<<30) {
			t.Fatalf("blockCache(%q) = %d, %v", s, n, err)
		}
	})
}

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		pct, limit string
		want       int
	}{{"100", "0", 100}, {"250", "0", 250}, {"off", "2GiB", -1}, {"OFF", "1800MiB", -1}} {
		cfg := config{GCPercent: c.pct, MemoryLimit: c.limit}
		if got, err := cfg.gcPercent(); err != nil || got != c.want {
			t.Errorf("gcPercent(%q, limit %q) = %d, %v; want %d", c.pct, c.limit, got, err, c.want)
		}
	}
}
