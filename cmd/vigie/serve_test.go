package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigie/vigie/store"
)

// TestServeStopsCleanlyOnSIGTERM runs a real `vigie serve` (without chat),
// feeds it records over the authenticated ingest endpoint from several
// connectors, sends SIGTERM in the middle, and checks that it exits 0,
// that every batch it acknowledged is in the store, that the audit chain
// is intact, and that /metrics, /healthz and /readyz answered.
func TestServeStopsCleanlyOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and signals a process")
	}
	bin := buildVigie(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "VIGIE_DATA_DIR="+filepath.Join(dir, "data"), "VIGIE_LISTEN_ADDR=127.0.0.1:0",
		"VIGIE_INGEST_TOKEN=s3cret-connector-token", "VIGIE_SPOOL_DIR="+filepath.Join(dir, "spool"),
		"VIGIE_RULES_DIR=../../rules/starter/rules.d", "VIGIE_LOG_FORMAT=json", "VIGIE_MATTERMOST_URL=", "VIGIE_RULE_BUDGET=5ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	addr := make(chan string, 1)
	var logs bytes.Buffer
	var logMu sync.Mutex
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logMu.Lock()
			logs.WriteString(sc.Text() + "\n")
			logMu.Unlock()
			var l struct {
				Msg    string `json:"msg"`
				Listen string `json:"listen"`
			}
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Msg == "vigie serving" {
				addr <- l.Listen
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start:\n%s", logs.String())
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d %s", path, resp.StatusCode, body)
		}
		if path == "/metrics" && !strings.Contains(string(body), "vigie_outbox_depth") {
			t.Errorf("/metrics lacks vigie_outbox_depth")
		}
	}
	// A request without the token is refused.
	resp, err := http.Post(base+"/ingest", "application/x-ndjson", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("ingest without token: %d", resp.StatusCode)
	}

	var mu sync.Mutex
	var acked []string
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for b := 0; ; b++ {
				select {
				case <-stop:
					return
				default:
				}
				var body bytes.Buffer
				var ids []string
				for i := 0; i < 20; i++ {
					id := fmt.Sprintf("c%d-b%d-%d", c, b, i)
					ids = append(ids, id)
					fmt.Fprintf(&body, `{"id":%q,"schema":"Person","properties":{"name":["Person %s Benali"],"birthDate":["1980-01-%02d"]}}`+"\n", id, id, 1+i)
				}
				req, _ := http.NewRequest(http.MethodPost, base+"/ingest?source=connector", &body)
				req.Header.Set("Authorization", "Bearer s3cret-connector-token")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					return // the server is going away
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 {
					mu.Lock()
					acked = append(acked, ids...)
					mu.Unlock()
				}
			}
		}(c)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 300 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			logMu.Lock()
			t.Fatalf("serve exited with %v after SIGTERM:\n%s", err, logs.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop within 60 s of SIGTERM")
	}
	close(stop)
	wg.Wait()
	if len(acked) < 300 {
		t.Fatalf("only %d records acknowledged before SIGTERM", len(acked))
	}

	db, err := store.Open(store.DefaultOptions(filepath.Join(dir, "data")))
	if err != nil {
		t.Fatalf("reopen after SIGTERM: %v", err)
	}
	for _, id := range acked {
		if _, err := db.Get(store.Key{Source: "connector", ID: id}); err != nil {
			t.Errorf("acknowledged record %s lost: %v", id, err)
		}
	}
	db.Close()
	env := map[string]string{"VIGIE_DATA_DIR": filepath.Join(dir, "data"), "VIGIE_LOG_LEVEL": "error", "VIGIE_RULES_DIR": "../../rules/starter/rules.d", "VIGIE_RULE_BUDGET": "5ms"}
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"vigie", "audit", "verify"}, func(k string) (string, bool) { v, ok := env[k]; return v, ok }, nil, &out, &errb)
	if code != 0 {
		t.Errorf("audit verify after SIGTERM: %d %s %s", code, out.String(), errb.String())
	}
	t.Logf("%d records acknowledged before SIGTERM, all stored", len(acked))
}
