package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/ingest"
)

// ingestSummary is the --json output of vigie ingest (a documented contract).
type ingestSummary struct {
	Files     []ingest.Result `json:"files"`
	Accepted  int             `json:"accepted"`
	Created   int             `json:"created"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Rejected  int             `json:"rejected"`
	SetAside  int             `json:"set_aside"`
	Resolved  int             `json:"resolved"`
}

func cmdIngest(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("ingest", "ingest [--source NAME] [--mapping FILE] [--json] [--progress] FILE…")
	source := fs.String("source", "", "dataset name for every record (default: the entity's dataset, the mapping's source, or the file name)")
	mappingPath := fs.String("mapping", "", "mapping file (YAML) turning CSV or JSON-lines rows into FtM entities; without it, files are FtM JSON lines")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	progress := fs.Bool("progress", false, "print a progress line after every committed batch, even when not on a terminal")
	files, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		return a.usageErr(fs, "ingest needs at least one file (use - for standard input)")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()

	tty := isTerminal(a.stderr)
	var mu sync.Mutex
	last := time.Time{}
	report := func(p ingest.Progress) {
		mu.Lock()
		defer mu.Unlock()
		rate := 0.0
		if p.Elapsed > 0 {
			rate = float64(p.Stored()) / p.Elapsed.Seconds()
		}
		switch {
		case *progress:
			fmt.Fprintf(a.stderr, "progress file=%s line=%d stored=%d rejected=%d rate=%.0f/s\n", p.File, p.Line, p.Stored(), p.Rejected, rate)
		case tty && time.Since(last) > 300*time.Millisecond:
			last = time.Now()
			fmt.Fprintf(a.stderr, "\r%s: %d stored, %d rejected (%.0f records/s)   ", p.File, p.Stored(), p.Rejected, rate)
		}
	}
	g, err := ingest.New(e.db, ingest.Options{
		Source: *source, Classification: a.cfg.DefaultClassification, TTL: a.cfg.RecordTTL, SourceTTL: a.sourceTTL,
		BatchSize: a.cfg.IngestBatch, QuarantineDir: a.cfg.QuarantineDir, Progress: report,
	})
	if err != nil {
		return a.fail("%v", err)
	}
	var sum ingestSummary
	failed := false
	// Resolution, links and watches follow the feed while records are
	// stored, on the other core; what is left is drained below.
	runCtx, stopRun := context.WithCancel(ctx)
	var resolved atomic.Int64
	e.pipe.Observe = func(n int, _ time.Duration) { resolved.Add(int64(n)) }
	runDone := make(chan error, 1)
	go func() { runDone <- e.pipe.Run(runCtx) }()
	for _, path := range files {
		res, err := ingestFile(ctx, g, path, *mappingPath, a.stdin)
		if tty && !*progress {
			fmt.Fprint(a.stderr, "\r\033[K")
		}
		sum.Files = append(sum.Files, res)
		sum.Created += res.Created
		sum.Updated += res.Updated
		sum.Unchanged += res.Unchanged
		sum.Rejected += res.Rejected
		sum.SetAside += res.SetAside
		if err != nil {
			fmt.Fprintf(a.stderr, "vigie: ingest %s stopped at line %d: %v\n", path, res.Line, err)
			failed = true
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if !*asJSON {
			fmt.Fprintf(a.stdout, "%s: %d accepted (%d new, %d updated, %d unchanged), %d rejected",
				path, res.Stored(), res.Created, res.Updated, res.Unchanged, res.Rejected)
			if res.SetAside > 0 {
				fmt.Fprintf(a.stdout, ", %d stored without a bad value", res.SetAside)
			}
			if res.Quarantine != "" {
				fmt.Fprintf(a.stdout, " → %s", res.Quarantine)
			}
			fmt.Fprintln(a.stdout)
		}
	}
	sum.Accepted = sum.Created + sum.Updated + sum.Unchanged

	// Resolve, link and match what was stored before exiting, so a lookup
	// right after an ingest sees it. An interrupted run leaves the rest to
	// the next ingest or to vigie serve: the feed remembers.
	stopRun()
	<-runDone // the follower has stopped: Drain is the only consumer now
	start := time.Now()
	n, perr := e.pipe.Drain(ctx)
	sum.Resolved = int(resolved.Load()) // Observe counts both the follower and the drain
	if perr != nil {
		fmt.Fprintf(a.stderr, "vigie: resolving stored records: %v (the rest is resolved on the next run)\n", perr)
		failed = true
	} else if tty && n > 0 {
		fmt.Fprintf(a.stderr, "resolved %d records in %s\n", n, time.Since(start).Round(time.Millisecond))
	}
	outcome := audit.OK
	if failed {
		outcome = audit.Failed
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "ingest", Query: fmt.Sprint(files), Outcome: outcome,
		Detail: fmt.Sprintf("accepted %d (created %d, updated %d, unchanged %d), rejected %d, stored without a bad value %d", sum.Accepted, sum.Created, sum.Updated, sum.Unchanged, sum.Rejected, sum.SetAside)}); err != nil {
		return a.fail("%v", err)
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return a.fail("write summary: %v", err)
		}
	} else if len(files) > 1 {
		fmt.Fprintf(a.stdout, "total: %d accepted (%d new, %d updated, %d unchanged), %d rejected, %d stored without a bad value\n",
			sum.Accepted, sum.Created, sum.Updated, sum.Unchanged, sum.Rejected, sum.SetAside)
	}
	switch {
	case failed:
		return exitFailure
	case sum.Rejected > 0:
		return exitRejected
	}
	return exitOK
}

func ingestFile(ctx context.Context, g *ingest.Ingester, path, mappingPath string, stdin io.Reader) (ingest.Result, error) {
	var r io.Reader = stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return ingest.Result{Progress: ingest.Progress{File: path}}, err
		}
		defer f.Close()
		r, name = f, path
	}
	src, def, err := ingest.Open(r, mappingPath)
	if err != nil {
		return ingest.Result{Progress: ingest.Progress{File: name}}, err
	}
	return g.Run(ctx, name, src, def)
}
