// Package ingest loads the agency's sources into the store: FtM JSON lines,
// or CSV / JSON lines through a mapping file. A bad line is rejected with its
// file, line number and reason into a quarantine file while the rest goes on;
// a record with a bad value (an e-mail without @) is stored without it, and
// the value, the reason and the line go to the quarantine file too;
// good records are written in durable batches, so everything reported as
// stored survives a crash, and re-running an interrupted ingest completes it
// without duplicates (same source + id is an update, never a second record).
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/ftm"
)

// Options configure an Ingester.
type Options struct {
	// Source overrides the dataset named by the entities or the mapping.
	Source string
	// Classification labels records whose mapping names none. Default OFFICIAL.
	Classification string
	// TTL expires ingested records after this long (retention); 0 keeps them.
	TTL time.Duration
	// SourceTTL overrides TTL per source: each source's own retention
	// policy (a partner's warnings kept 2 years, stops 5).
	SourceTTL map[string]time.Duration
	// BatchSize is the number of records per durable write. Default 1000.
	BatchSize int
	// QuarantineDir receives one JSON-lines file of rejects per ingested
	// file that had any. Required.
	QuarantineDir string
	// Progress, when set, is called after every committed batch.
	Progress func(Progress)
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Progress reports a file's ingest so far: everything counted as stored is
// committed.
type Progress struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Rejected  int    `json:"rejected"`
	// SetAside counts the records stored without some of their values
	// (not of their type, or of a property the schema lacks): each is in
	// the quarantine file with what was left out.
	SetAside int           `json:"set_aside"`
	Elapsed  time.Duration `json:"elapsed"`
}

// Stored is the number of records committed so far.
func (p Progress) Stored() int { return p.Created + p.Updated + p.Unchanged }

// Result is the outcome of one file.
type Result struct {
	Progress
	// Quarantine is the file the rejects were written to ("" when none).
	Quarantine string `json:"quarantine,omitempty"`
}

// Ingester writes entities into a store.
type Ingester struct {
	db  *store.DB
	opt Options
	qmu sync.Mutex
}

// New returns an Ingester for db.
func New(db *store.DB, opt Options) (*Ingester, error) {
	if opt.Classification == "" {
		opt.Classification = "OFFICIAL"
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.QuarantineDir == "" {
		return nil, errors.New("ingest: a quarantine folder is required")
	}
	return &Ingester{db: db, opt: opt}, nil
}

// Reject is one quarantined line: a refused record, or (Kept) a record
// stored without the values listed in SetAside.
type Reject struct {
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Reason   string         `json:"reason"`
	Kept     bool           `json:"kept,omitempty"`
	Record   string         `json:"record,omitempty"`
	SetAside []ftm.SetAside `json:"set_aside,omitempty"`
	Raw      string         `json:"raw,omitempty"`
	At       time.Time      `json:"at"`
}

// maxRawKept bounds the raw text kept per reject in the quarantine file.
const maxRawKept = 64 << 10

// LineSource yields the entities of one line (FtM) or row (mapping) at a
// time. A bad line comes back as an error carrying its line number
// (LineErr); io.EOF ends the input.
type LineSource interface {
	Next() (ents []ftm.Entity, line int, err error)
}

// LineErr is a rejected line: the caller quarantines it and goes on.
type LineErr struct {
	Line   int
	Reason string
	Raw    string
}

func (e *LineErr) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Defaults a source falls back on, from its mapping.
type Defaults struct {
	Source         string
	Classification string
}

// Run ingests everything src yields. name is the file name used in
// messages and quarantine entries. It returns the counts and the first
// error that stops the ingest (a store failure or ctx); rejected lines do
// not stop it.
func (g *Ingester) Run(ctx context.Context, name string, src LineSource, def Defaults) (Result, error) {
	start := g.opt.Now()
	res := Result{Progress: Progress{File: name}}
	var q *quarantine
	defer func() {
		if q != nil {
			q.close()
		}
	}()
	quarantined := func(r Reject) error {
		if q == nil {
			var err error
			q, err = g.openQuarantine(name)
			if err != nil {
				return err
			}
			res.Quarantine = q.path
		}
		if len(r.Raw) > maxRawKept {
			r.Raw = r.Raw[:maxRawKept]
		}
		r.File, r.At = name, g.opt.Now().UTC()
		return q.write(r)
	}
	reject := func(le *LineErr) error {
		res.Rejected++
		return quarantined(Reject{Line: le.Line, Reason: le.Reason, Raw: le.Raw})
	}

	fallbackSource := def.Source
	if fallbackSource == "" {
		fallbackSource = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	class := def.Classification
	if class == "" {
		class = g.opt.Classification
	}

	var batch []store.Incoming
	var lines []int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		outs, err := g.db.Put(ctx, batch)
		if errors.Is(err, store.ErrInvalid) {
			// One record the store refuses must not sink the batch: store
			// them one by one and reject the bad one with its line.
			for i := range batch {
				o, err := g.db.Put(ctx, batch[i:i+1])
				if errors.Is(err, store.ErrInvalid) {
					if err := reject(&LineErr{Line: lines[i], Reason: err.Error()}); err != nil {
						return err
					}
					continue
				}
				if err != nil {
					return err
				}
				count(&res.Progress, o[0])
			}
		} else if err != nil {
			return fmt.Errorf("store records of %s up to line %d: %w", name, lines[len(lines)-1], err)
		} else {
			for _, o := range outs {
				count(&res.Progress, o)
			}
		}
		res.Line = lines[len(lines)-1]
		batch, lines = batch[:0], lines[:0]
		res.Elapsed = g.opt.Now().Sub(start)
		if g.opt.Progress != nil {
			g.opt.Progress(res.Progress)
		}
		return nil
	}

	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		ents, line, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var le *LineErr
		if errors.As(err, &le) {
			if err := reject(le); err != nil {
				return res, err
			}
			continue
		}
		if err != nil {
			return res, fmt.Errorf("read %s: %w", name, err)
		}
		for _, e := range ents {
			source := g.opt.Source
			if source == "" && len(e.Datasets) > 0 {
				source = e.Datasets[0]
			}
			if source == "" {
				source = fallbackSource
			}
			if len(e.SetAside) > 0 {
				res.SetAside++
				err := quarantined(Reject{Line: line, Kept: true, Record: source + "/" + e.ID, SetAside: e.SetAside, Raw: string(e.Raw),
					Reason: fmt.Sprintf("stored without %d value(s): %s %s", len(e.SetAside), e.SetAside[0].Property, e.SetAside[0].Reason)})
				if err != nil {
					return res, err
				}
			}
			// An entity stored under a dataset it names is an entry of
			// that published list (a sanctions list, a PEP register).
			listed := slices.Contains(e.Datasets, source)
			batch = append(batch, store.Incoming{
				Source: source, ID: e.ID, Schema: e.Schema, Properties: e.Properties,
				Classification: class, TTL: g.ttl(source), Listed: listed,
			})
			lines = append(lines, line)
		}
		if len(batch) >= g.opt.BatchSize {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	res.Elapsed = g.opt.Now().Sub(start)
	return res, nil
}

func count(p *Progress, o store.Outcome) {
	switch o {
	case store.Created:
		p.Created++
	case store.Updated:
		p.Updated++
	case store.Unchanged:
		p.Unchanged++
	}
}

type quarantine struct {
	path string
	f    *os.File
	enc  *json.Encoder
}

func (g *Ingester) openQuarantine(name string) (*quarantine, error) {
	g.qmu.Lock()
	defer g.qmu.Unlock()
	if err := os.MkdirAll(g.opt.QuarantineDir, 0o700); err != nil {
		return nil, fmt.Errorf("create quarantine folder: %w", err)
	}
	stem := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	path := filepath.Join(g.opt.QuarantineDir, fmt.Sprintf("%s.%s.rejects.jsonl", stem, g.opt.Now().UTC().Format("20060102T150405.000000000")))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open quarantine file: %w", err)
	}
	return &quarantine{path: path, f: f, enc: json.NewEncoder(f)}, nil
}

// write appends a reject straight to the file (no user-space buffer): a
// reject is data too, and a killed process must not lose it.
func (q *quarantine) write(r Reject) error {
	if err := q.enc.Encode(r); err != nil {
		return fmt.Errorf("write quarantine %s: %w", q.path, err)
	}
	return nil
}

func (q *quarantine) close() {
	_ = q.f.Sync()
	_ = q.f.Close()
}

func (g *Ingester) ttl(source string) time.Duration {
	if d, ok := g.opt.SourceTTL[source]; ok {
		return d
	}
	return g.opt.TTL
}
