package main

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/errgroup"

	"github.com/vigie/vigie/bot"
	"github.com/vigie/vigie/bot/answer"
	chat "github.com/vigie/vigie/bot/command"
	"github.com/vigie/vigie/rules"
	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/ingest"
)

// maxIngestBody bounds one POST /ingest body.
const maxIngestBody = 64 << 20

// metrics are the figures /metrics exposes (README, "Operations").
type metrics struct {
	reg          *prometheus.Registry
	ingested     *prometheus.CounterVec
	lookup       prometheus.Histogram
	commands     *prometheus.CounterVec
	ruleErrors   prometheus.Counter
	reloadOK     prometheus.Gauge
	reloadAt     prometheus.Gauge
	pipelineLag  prometheus.Gauge
	pipelineRecs prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.ingested = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_ingest_records_total", Help: "Records ingested, by outcome (created, updated, unchanged, rejected; set_aside counts the stored records that lost a bad value)."}, []string{"outcome"})
	m.lookup = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "vigie_lookup_seconds", Help: "Time to answer a lookup.", Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}})
	m.commands = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_commands_total", Help: "Chat commands and button presses, by verb and outcome."}, []string{"verb", "outcome"})
	m.ruleErrors = prometheus.NewCounter(prometheus.CounterOpts{Name: "vigie_rule_errors_total", Help: "Rule evaluations that failed at run time (the rule was skipped)."})
	m.reloadOK = prometheus.NewGauge(prometheus.GaugeOpts{Name: "vigie_rules_reload_ok", Help: "1 when the last rule reload succeeded, 0 when it failed (the previous set runs)."})
	m.reloadAt = prometheus.NewGauge(prometheus.GaugeOpts{Name: "vigie_rules_reload_timestamp_seconds", Help: "When the rule set was last reloaded, successfully or not."})
	m.pipelineLag = prometheus.NewGauge(prometheus.GaugeOpts{Name: "vigie_pipeline_lag_records", Help: "Stored records not yet resolved, linked and matched against watches."})
	m.pipelineRecs = prometheus.NewCounter(prometheus.CounterOpts{Name: "vigie_pipeline_records_total", Help: "Records taken through resolution, links, rules and watches."})
	m.reg.MustRegister(m.ingested, m.lookup, m.commands, m.ruleErrors, m.reloadOK, m.reloadAt, m.pipelineLag, m.pipelineRecs,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) countIngest(r ingest.Result) {
	m.ingested.WithLabelValues("created").Add(float64(r.Created))
	m.ingested.WithLabelValues("updated").Add(float64(r.Updated))
	m.ingested.WithLabelValues("unchanged").Add(float64(r.Unchanged))
	m.ingested.WithLabelValues("rejected").Add(float64(r.Rejected))
	m.ingested.WithLabelValues("set_aside").Add(float64(r.SetAside))
}

// outboxMetrics exposes the outbox depth, its oldest alert's age and the
// alerts whose delivery was attempted more than once.
func outboxMetrics(reg *prometheus.Registry, w *watch.Watcher, now func() time.Time) {
	var mu sync.Mutex
	var at time.Time
	var depth, retrying, oldest float64
	refresh := func() {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(at) < 5*time.Second {
			return
		}
		at = time.Now()
		depth, retrying, oldest = 0, 0, 0
		for _, st := range []string{watch.StateNew, "sending"} {
			as, err := w.Alerts(context.Background(), watch.AlertFilter{State: st, Limit: 100000})
			if err != nil {
				continue
			}
			for _, a := range as {
				depth++
				if a.Attempts > 1 {
					retrying++
				}
				if age := now().Sub(a.Created).Seconds(); age > oldest {
					oldest = age
				}
			}
		}
	}
	gauge := func(name, help string, v *float64) prometheus.GaugeFunc {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
			refresh()
			mu.Lock()
			defer mu.Unlock()
			return *v
		})
	}
	reg.MustRegister(
		gauge("vigie_outbox_depth", "Alerts not yet delivered.", &depth),
		gauge("vigie_outbox_oldest_seconds", "Age of the oldest undelivered alert.", &oldest),
		gauge("vigie_delivery_retrying", "Undelivered alerts whose delivery failed at least once.", &retrying),
	)
}

// meteredBackend times lookups and counts commands.
type meteredBackend struct {
	next bot.Backend
	m    *metrics
}

func (b meteredBackend) Do(ctx context.Context, req bot.Request, cmd chat.Command) (bot.Answer, error) {
	start := time.Now()
	a, err := b.next.Do(ctx, req, cmd)
	if cmd.Verb == chat.Lookup {
		b.m.lookup.Observe(time.Since(start).Seconds())
	}
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	b.m.commands.WithLabelValues(cmd.Verb, outcome).Inc()
	return a, err
}

func (b meteredBackend) Press(ctx context.Context, req bot.Request, action string, args map[string]string) (bot.Answer, error) {
	a, err := b.next.Press(ctx, req, action, args)
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	b.m.commands.WithLabelValues("button:"+action, outcome).Inc()
	return a, err
}

// readiness is what /readyz reports.
type readiness struct {
	storeOK    func() error
	rulesOK    atomic.Bool
	chatOK     func(ctx context.Context) error
	chatCached atomic.Pointer[chatState]
}

type chatState struct {
	at  time.Time
	err error
}

func (r *readiness) handler(w http.ResponseWriter, req *http.Request) {
	var problems []string
	if err := r.storeOK(); err != nil {
		problems = append(problems, "store: "+err.Error())
	}
	if !r.rulesOK.Load() {
		problems = append(problems, "rules: not loaded")
	}
	if r.chatOK != nil {
		st := r.chatCached.Load()
		if st == nil || time.Since(st.at) > 10*time.Second {
			ctx, cancel := context.WithTimeout(req.Context(), 3*time.Second)
			st = &chatState{at: time.Now(), err: r.chatOK(ctx)}
			cancel()
			r.chatCached.Store(st)
		}
		if st.err != nil {
			problems = append(problems, "mattermost: unreachable")
		}
	}
	if len(problems) > 0 {
		http.Error(w, "not ready: "+strings.Join(problems, "; "), http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

// ingestHandler serves POST /ingest: FtM JSON lines in the body, a bearer
// token, at most maxIngestBody bytes; the answer is the ingest summary.
func ingestHandler(token string, g *ingest.Ingester, m *metrics, aud *audit.Log) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST FtM JSON lines", http.StatusMethodNotAllowed)
			return
		}
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if token == "" || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
			_, _ = aud.Append(r.Context(), audit.Entry{Actor: "connector", Action: "ingest.http", From: r.RemoteAddr, Outcome: audit.Refused, Detail: "bad or missing token"})
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body := http.MaxBytesReader(w, r.Body, maxIngestBody)
		name := "http:" + r.URL.Query().Get("source")
		src, def, err := ingest.Open(body, "")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		def.Source = r.URL.Query().Get("source")
		res, err := g.Run(r.Context(), name, src, def)
		m.countIngest(res)
		outcome := audit.OK
		if err != nil {
			outcome = audit.Failed
		}
		_, _ = aud.Append(r.Context(), audit.Entry{Actor: "connector", Action: "ingest.http", From: r.RemoteAddr, Outcome: outcome,
			Detail: fmt.Sprintf("stored %d, rejected %d, stored without a bad value %d", res.Stored(), res.Rejected, res.SetAside)})
		w.Header().Set("Content-Type", "application/json")
		status := http.StatusOK
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			status = http.StatusRequestEntityTooLarge
		case err != nil:
			status = http.StatusInternalServerError
		}
		w.WriteHeader(status)
		out := map[string]any{"created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged, "rejected": res.Rejected, "set_aside": res.SetAside, "line": res.Line}
		if err != nil {
			out["error"] = "ingest stopped at line " + fmt.Sprint(res.Line) + "; what was acknowledged is stored"
		}
		_ = json.NewEncoder(w).Encode(out)
	}
}

func cmdServe(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("serve", "serve")
	if _, err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	return a.serve(ctx, nil)
}

// serve runs everything until ctx ends; ready, when set, is called with
// the listener's address once it accepts connections (tests).
func (a *app) serve(ctx context.Context, ready func(addr string)) int {
	m := newMetrics()
	a.onRuleError = m.ruleErrors.Inc
	var reloader *rules.Reloader
	rd := &readiness{}
	ruleSet := func() *rules.Set {
		if reloader == nil {
			return nil
		}
		return reloader.Set()
	}
	rulesStatus := "no rules folder"
	var statusMu sync.Mutex
	// tellSupervisors posts to the supervisors' channel once the bot is up.
	var tellSupervisors atomic.Pointer[func(string)]
	if _, err := os.Stat(a.cfg.RulesDir); err == nil {
		ro := rules.ReloaderOptions{
			OnError: func(err error) {
				m.reloadOK.Set(0)
				m.reloadAt.SetToCurrentTime()
				statusMu.Lock()
				rulesStatus = "last reload FAILED (previous set still running): " + err.Error()
				statusMu.Unlock()
				a.log.Error("rule reload failed; the previous rule set keeps running", "err", err)
				if f := tellSupervisors.Load(); f != nil {
					(*f)("⚠️ A rule file change was refused; the previous rule set keeps running.\n```\n" + err.Error() + "\n```")
				}
			},
			OnSuccess: func(s *rules.Set) {
				m.reloadOK.Set(1)
				m.reloadAt.SetToCurrentTime()
				statusMu.Lock()
				rulesStatus = fmt.Sprintf("%d rules loaded at %s", s.Len(), time.Now().Format(time.RFC3339))
				statusMu.Unlock()
				a.log.Info("rules loaded", "rules", s.Len())
			},
		}
		r, err := rules.NewReloader(a.cfg.RulesDir, a.ruleOptions(), ro)
		if err != nil {
			return a.fail("%v", err)
		}
		reloader = r
		m.reloadOK.Set(1)
		rulesStatus = fmt.Sprintf("%d rules loaded", r.Set().Len())
	}
	rd.rulesOK.Store(true)
	e, err := a.openEngineWith(ctx, false, ruleSet)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	rd.storeOK = func() error { _, err := e.db.Stats(); return err }
	e.pipe.Observe = func(n int, _ time.Duration) { m.pipelineRecs.Add(float64(n)) }
	outboxMetrics(m.reg, e.watcher, time.Now)

	g, err := ingest.New(e.db, ingest.Options{Classification: a.cfg.DefaultClassification, TTL: a.cfg.RecordTTL, SourceTTL: a.sourceTTL,
		BatchSize: a.cfg.IngestBatch, QuarantineDir: a.cfg.QuarantineDir})
	if err != nil {
		return a.fail("%v", err)
	}

	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", rd.handler)
	mux.Handle("/ingest", ingestHandler(a.cfg.IngestToken, g, m, e.audit))

	grp, gctx := errgroup.WithContext(ctx)
	// The pipeline follows the change feed: every stored record is
	// resolved, linked and matched against watches and rules.
	grp.Go(func() error { return e.pipe.Run(gctx) })
	grp.Go(func() error {
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			if lag, err := e.pipe.Lag(); err == nil {
				m.pipelineLag.Set(float64(lag))
			}
			select {
			case <-gctx.Done():
				return nil
			case <-t.C:
			}
		}
	})
	// Watch terms: reminders before the end, expiry after.
	grp.Go(func() error {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			if _, _, err := e.watcher.Sweep(gctx, time.Now()); err != nil && gctx.Err() == nil {
				a.log.Warn("watch sweep", "err", err)
			}
			select {
			case <-gctx.Done():
				return nil
			case <-t.C:
			}
		}
	})
	if reloader != nil {
		grp.Go(func() error { return reloader.Run(gctx) })
	}
	spool := &ingest.Spool{Dir: a.cfg.SpoolDir, MappingDir: a.cfg.MappingsDir, Ingester: g, Logger: a.log.With("component", "spool"),
		After: func(_ context.Context, r ingest.Result) { m.countIngest(r) }}
	if err := os.MkdirAll(a.cfg.SpoolDir, 0o700); err == nil {
		grp.Go(func() error { return spool.Run(gctx) })
	} else {
		a.log.Warn("spool folder unusable; the spool is off", "dir", a.cfg.SpoolDir, "err", err)
	}

	if a.cfg.MattermostURL != "" {
		b, mmDir, err := a.newBot(e, m, func() string { statusMu.Lock(); defer statusMu.Unlock(); return rulesStatus })
		if err != nil {
			return a.fail("%v", err)
		}
		mux.Handle("/mattermost/", b.Handler())
		rd.chatOK = mmDir.ping
		if a.cfg.SupervisorChannel != "" {
			f := func(text string) {
				pctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
				defer cancel()
				if err := mmDir.post(pctx, a.cfg.SupervisorChannel, text); err != nil {
					a.log.Warn("post to the supervisors' channel", "err", err)
				}
			}
			tellSupervisors.Store(&f)
		}
		// The direct-message loop and the alert delivery loop.
		type loops interface {
			Run(context.Context) error
			Deliver(context.Context) error
		}
		l, ok := any(b).(loops)
		if !ok {
			return a.fail("this build's bot has no message and delivery loops")
		}
		grp.Go(func() error { return l.Run(gctx) })
		grp.Go(func() error { return l.Deliver(gctx) })
	} else {
		a.log.Warn("VIGIE_MATTERMOST_URL is not set: serving ingest, rules, watches and metrics without chat")
	}

	ln, err := net.Listen("tcp", a.cfg.ListenAddr)
	if err != nil {
		return a.fail("listen on %s (VIGIE_LISTEN_ADDR): %v", a.cfg.ListenAddr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(gctx) }}
	grp.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	grp.Go(func() error {
		<-gctx.Done()
		// Stop taking requests; finish those in flight.
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	a.log.Info("vigie serving", "listen", ln.Addr().String(), "chat", a.cfg.MattermostURL != "", "rules", a.cfg.RulesDir, "spool", a.cfg.SpoolDir)
	if ready != nil {
		ready(ln.Addr().String())
	}
	err = grp.Wait()
	a.log.Info("vigie stopping: intake closed, in-flight work done, closing the store")
	if err != nil && ctx.Err() == nil {
		return a.fail("%v", err)
	}
	return exitOK
}

// newBot wires the Mattermost transport to the desk.
func (a *app) newBot(e *engine, m *metrics, rulesStatus func() string) (*bot.Bot, *mmDirectory, error) {
	if len(a.cfg.ActionSecret) < 32 {
		return nil, nil, fmt.Errorf("VIGIE_ACTION_SECRET must be at least 32 characters (it signs button contexts)")
	}
	dir, err := newMMDirectory(a.cfg, a.log)
	if err != nil {
		return nil, nil, err
	}
	do := answer.DefaultOptions()
	do.RequireCase = a.cfg.RequireCase
	do.Logger = a.log.With("component", "desk")
	do.Notify = dir.notify
	desk := answer.New(answer.Services{DB: e.db, Resolver: e.resolver, Graph: e.graph, Watcher: e.watcher, Audit: e.audit,
		Input: e.input, Rules: e.rules, RulesStatus: rulesStatus}, dir, do)
	bo := bot.DefaultOptions()
	bo.URL, bo.Token, bo.PublicURL = a.cfg.MattermostURL, a.cfg.MattermostToken, a.cfg.PublicURL
	bo.SlashToken, bo.ActionSecret, bo.TeamName = a.cfg.SlashToken, []byte(a.cfg.ActionSecret), a.cfg.MattermostTeam
	bo.Logger = a.log.With("component", "bot")
	b, err := bot.New(bo, meteredBackend{next: desk, m: m}, answer.NewOutbox(desk, dir.channelID), storeCursor{db: e.db})
	return b, dir, err
}
