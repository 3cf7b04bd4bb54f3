package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Spool ingests files dropped in a folder. A file is taken once: it is
// renamed into work/ before it is read (so a second vigie, or a restart,
// never takes it twice), and moved into done/ when every line is stored or
// quarantined, or into failed/ when the ingest stopped (the file is kept,
// never deleted). Files whose name ends in .part or starts with a dot are
// still being written and are left alone.
//
// A file named NAME.csv or NAME.jsonl with a mapping NAME.yml (or the
// mapping for its first word, "customers-2026.csv" → customers.yml) in
// MappingDir goes through that mapping; other files are FtM JSON lines.
type Spool struct {
	Dir        string
	MappingDir string
	Ingester   *Ingester
	// After runs when a file is done (the pipeline catches up).
	After  func(ctx context.Context, res Result)
	Logger *slog.Logger
	// Interval between scans. Default 2 s.
	Interval time.Duration
}

// Run scans the folder until ctx ends. A work/ file left by a crash is
// ingested again first: ingest is idempotent, so nothing is doubled.
func (s *Spool) Run(ctx context.Context) error {
	if s.Interval <= 0 {
		s.Interval = 2 * time.Second
	}
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	for _, d := range []string{"work", "done", "failed"} {
		if err := os.MkdirAll(filepath.Join(s.Dir, d), 0o700); err != nil {
			return fmt.Errorf("spool folder: %w", err)
		}
	}
	// Resume what a crash left in work/.
	left, _ := filepath.Glob(filepath.Join(s.Dir, "work", "*"))
	for _, p := range left {
		s.process(ctx, p)
	}
	t := time.NewTicker(s.Interval)
	defer t.Stop()
	for {
		if err := s.Scan(ctx); err != nil && ctx.Err() == nil {
			s.Logger.Warn("spool scan", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Scan takes and ingests every ready file once.
func (s *Spool) Scan(ctx context.Context) error {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if ctx.Err() != nil {
			return nil
		}
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".part") {
			continue
		}
		work := filepath.Join(s.Dir, "work", name)
		if err := os.Rename(filepath.Join(s.Dir, name), work); err != nil {
			if !errors.Is(err, os.ErrNotExist) { // another taker was first
				s.Logger.Warn("spool take", "file", name, "err", err)
			}
			continue
		}
		s.process(ctx, work)
	}
	return nil
}

func (s *Spool) mappingFor(name string) string {
	if s.MappingDir == "" {
		return ""
	}
	ext := filepath.Ext(name)
	if ext != ".csv" && ext != ".jsonl" && ext != ".tsv" {
		return ""
	}
	base := strings.TrimSuffix(name, ext)
	for _, cand := range []string{base, strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' })[0]} {
		for _, ext := range []string{".yml", ".yaml"} {
			p := filepath.Join(s.MappingDir, cand+ext)
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	return ""
}

func (s *Spool) process(ctx context.Context, work string) {
	name := filepath.Base(work)
	log := s.Logger.With("file", name)
	f, err := os.Open(work)
	if err != nil {
		log.Error("spool open", "err", err)
		return
	}
	res, err := func() (Result, error) {
		defer f.Close()
		src, def, err := Open(f, s.mappingFor(name))
		if err != nil {
			return Result{}, err
		}
		return s.Ingester.Run(ctx, name, src, def)
	}()
	if ctx.Err() != nil {
		// Shutting down mid-file: leave it in work/ for the next start.
		log.Info("spool interrupted; the file is resumed at the next start", "line", res.Line)
		return
	}
	dest := "done"
	if err != nil {
		dest = "failed"
		log.Error("spool ingest stopped; the file is kept in failed/", "line", res.Line, "err", err)
	} else {
		log.Info("spool file ingested", "stored", res.Stored(), "rejected", res.Rejected, "set_aside", res.SetAside, "quarantine", res.Quarantine)
	}
	target := filepath.Join(s.Dir, dest, time.Now().UTC().Format("20060102T150405")+"-"+name)
	if err := os.Rename(work, target); err != nil {
		log.Error("spool move", "err", err)
	}
	if s.After != nil && err == nil {
		s.After(ctx, res)
	}
}
