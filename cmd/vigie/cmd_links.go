package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/vigie/vigie/rules/watch"
	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/graph"
	"github.com/vigie/vigie/store/graph/chart"
	"github.com/vigie/vigie/store/names"
	"github.com/vigie/vigie/store/resolve"
)

// linksOutput is the --json output of vigie links (a documented contract).
type linksOutput struct {
	graph.Summary
	// Names gives a display name for every subject in the answer.
	Names map[string]string `json:"names"`
}

// pathOutput is the --json output of vigie path (a documented contract).
type pathOutput struct {
	From  string            `json:"from"`
	To    string            `json:"to"`
	Paths []graph.Path      `json:"paths"`
	Names map[string]string `json:"names"`
}

// subjectArg turns a command-line subject into a subject id: S-… as is
// (following merges), or a record as SOURCE/ID or a unique ID.
func (e *engine) subjectArg(arg string) (string, error) {
	var subject string
	err := e.db.View(func(txn *store.Txn) error {
		if strings.HasPrefix(arg, "S-") {
			s, err := resolve.Canonical(txn, arg)
			if err != nil {
				return err
			}
			keys, err := e.resolver.Records(txn, s)
			if err != nil {
				return err
			}
			if len(keys) == 0 {
				return fmt.Errorf("subject %s: %w", arg, errNotFound)
			}
			subject = s
			return nil
		}
		return nil
	})
	if err != nil || subject != "" {
		return subject, err
	}
	k, err := e.db.FindRecord(arg)
	if err != nil {
		return "", fmt.Errorf("%q is neither a subject (S-…) nor a record (SOURCE/ID): %w", arg, err)
	}
	err = e.db.View(func(txn *store.Txn) error {
		subject, err = e.resolver.SubjectOf(txn, k)
		return err
	})
	if err == nil && subject == "" {
		err = fmt.Errorf("record %s is not resolved yet (run vigie ingest or serve to catch up): %w", k, errNotFound)
	}
	return subject, err
}

// watchedSubjects says which subjects have an active subject watch.
func (e *engine) watchedSubjects(ctx context.Context) (map[string]bool, error) {
	ws, err := e.watcher.List(ctx, watch.Filter{})
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	_ = e.db.View(func(txn *store.Txn) error {
		for _, w := range ws {
			if w.Kind == watch.KindSubject && w.State == watch.StateActive {
				if s, err := resolve.Canonical(txn, w.Subject); err == nil {
					out[s] = true
				}
			}
		}
		return nil
	})
	return out, nil
}

// interest marks the subjects a link summary leads to: watched ones, and
// those a subject rule flags.
func (e *engine) interest(ctx context.Context) (func(string) (bool, string), error) {
	watched, err := e.watchedSubjects(ctx)
	if err != nil {
		return nil, err
	}
	return func(s string) (bool, string) {
		if watched[s] {
			return true, "watched"
		}
		if flags, err := e.input.Flags(ctx, s); err == nil && len(flags) > 0 {
			return true, flags[0].Text
		}
		return false, ""
	}, nil
}

// names gives a display name per subject.
func (e *engine) names(ctx context.Context, subjects []string) map[string]string {
	out := map[string]string{}
	for _, s := range subjects {
		if _, ok := out[s]; ok {
			continue
		}
		out[s] = s
		if ref, ok := strings.CutPrefix(s, graph.RecordNodePrefix); ok {
			// An organisation, event or document is a record, not a subject.
			if src, id, ok := strings.Cut(ref, "/"); ok {
				if rec, err := e.db.Get(store.Key{Source: src, ID: id}); err == nil {
					if n := rec.Properties["name"]; len(n) > 0 {
						out[s] = displayName(n)
					}
				}
			}
			continue
		}
		if subj, err := e.resolver.Subject(ctx, s, nil); err == nil && len(subj.Names) > 0 {
			out[s] = displayName(subj.Names)
		}
	}
	return out
}

// displayName picks a name in Latin script, the one every terminal and
// chart font can show, transliterating when a subject has none.
func displayName(ns []string) string {
	for _, n := range ns {
		if latin(n) {
			return n
		}
	}
	return ns[0] + " (" + strings.TrimSpace(names.Latinize(ns[0])) + ")"
}

func latin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

func summarySubjects(s graph.Summary) []string {
	out := []string{s.Subject}
	for _, g := range s.Direct {
		for _, l := range g.Links {
			out = append(out, l.Subject)
		}
	}
	for _, p := range s.Flagged {
		out = append(out, p.Subjects...)
	}
	return out
}

func cmdLinks(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("links", "links [--json] [--depth N] [--chart FILE.png|FILE.svg] SUBJECT")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	depth := fs.Int("depth", 3, "hops searched for paths to watched or flagged subjects (1-3)")
	chartFile := fs.String("chart", "", "also draw the neighbourhood as a PNG or SVG link chart")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return a.usageErr(fs, "links needs one subject (S-…) or record (SOURCE/ID)")
	}
	if *depth < 1 || *depth > 3 {
		return a.usageErr(fs, "--depth %d: want 1 to 3", *depth)
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	subject, err := e.subjectArg(pos[0])
	if err != nil {
		return a.notFoundOr(err)
	}
	interesting, err := e.interest(ctx)
	if err != nil {
		return a.fail("%v", err)
	}
	var sum graph.Summary
	err = e.db.View(func(txn *store.Txn) error {
		sum, err = e.graph.Summary(txn, e.resolver, subject, *depth, interesting)
		return err
	})
	if err != nil {
		return a.fail("links of %s: %v", subject, err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "links", Subject: subject, Outcome: audit.OK}); err != nil {
		return a.fail("%v", err)
	}
	out := linksOutput{Summary: sum, Names: e.names(ctx, summarySubjects(sum))}
	if *chartFile != "" {
		g := graph.SummaryChart(sum, func(s string) string { return out.Names[s] })
		if err := writeChart(ctx, *chartFile, g); err != nil {
			return a.fail("%v", err)
		}
	}
	if *asJSON {
		return a.writeJSON(out)
	}
	writeSummary(a.stdout, out)
	return exitOK
}

func cmdPath(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("path", "path [--json] [--k N] [--hops N] [--chart FILE.png|FILE.svg] A B")
	asJSON := fs.Bool("json", false, "print the paths as JSON")
	k := fs.Int("k", 3, "number of shortest paths (1-10)")
	hops := fs.Int("hops", graph.MaxPathHops, "longest path searched (1-4)")
	chartFile := fs.String("chart", "", "also draw the paths as a PNG or SVG link chart")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return a.usageErr(fs, "path needs two subjects (S-…) or records (SOURCE/ID)")
	}
	if *k < 1 || *k > 10 || *hops < 1 || *hops > graph.MaxPathHops {
		return a.usageErr(fs, "--k 1-10, --hops 1-%d", graph.MaxPathHops)
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	from, err := e.subjectArg(pos[0])
	if err != nil {
		return a.notFoundOr(err)
	}
	to, err := e.subjectArg(pos[1])
	if err != nil {
		return a.notFoundOr(err)
	}
	var paths []graph.Path
	err = e.db.View(func(txn *store.Txn) error {
		paths, err = e.graph.Paths(txn, e.resolver, from, to, *k, *hops)
		return err
	})
	if err != nil {
		return a.fail("path %s → %s: %v", from, to, err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "path", Subject: from + " " + to, Outcome: audit.OK}); err != nil {
		return a.fail("%v", err)
	}
	subs := []string{from, to}
	for _, p := range paths {
		subs = append(subs, p.Subjects...)
	}
	if paths == nil {
		paths = []graph.Path{}
	}
	out := pathOutput{From: from, To: to, Paths: paths, Names: e.names(ctx, subs)}
	if *chartFile != "" && len(paths) > 0 {
		if err := writeChart(ctx, *chartFile, graph.PathsChart(paths, func(s string) string { return out.Names[s] })); err != nil {
			return a.fail("%v", err)
		}
	}
	code := exitOK
	if len(paths) == 0 {
		code = exitNotFound
	}
	if *asJSON {
		if c := a.writeJSON(out); c != exitOK {
			return c
		}
		return code
	}
	writePaths(a.stdout, out)
	return code
}

func writeChart(ctx context.Context, path string, g chart.Graph) error {
	format := chart.PNG
	if strings.EqualFold(filepath.Ext(path), ".svg") {
		format = chart.SVG
	}
	img, err := chart.Chart(ctx, g, format)
	if err != nil {
		return fmt.Errorf("draw chart: %w", err)
	}
	if err := os.WriteFile(path, img, 0o600); err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	return nil
}

func (a *app) notFoundOr(err error) int {
	if errors.Is(err, errNotFound) || errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(a.stderr, "vigie: %v\n", err)
		return exitNotFound
	}
	return a.fail("%v", err)
}

func evidenceLine(ev []graph.Evidence, names map[string]string) string {
	var parts []string
	for i, e := range ev {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("… %d more", len(ev)-i))
			break
		}
		p := string(e.Type)
		if e.Role != "" {
			p += " (" + e.Role + ")"
		}
		if e.Value != "" {
			p += " " + e.Value
		}
		if e.Date != "" {
			p += " on " + e.Date
		}
		var recs []string
		for j, r := range e.Records {
			if j == 3 {
				break
			}
			recs = append(recs, r.String())
		}
		if len(recs) > 0 {
			p += " [" + strings.Join(recs, ", ") + "]"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func writeSummary(w io.Writer, out linksOutput) {
	fmt.Fprintf(w, "Links of %s [%s]\n", out.Names[out.Subject], out.Subject)
	if len(out.Direct) == 0 {
		fmt.Fprintln(w, "  no direct links")
	}
	for _, g := range out.Direct {
		fmt.Fprintf(w, "  %s:\n", g.Type)
		for _, l := range g.Links {
			fmt.Fprintf(w, "    - %s [%s]: %s\n", out.Names[l.Subject], l.Subject, evidenceLine(l.Evidence, out.Names))
		}
	}
	if len(out.Flagged) > 0 {
		fmt.Fprintln(w, "  paths to watched or flagged subjects:")
		for _, p := range out.Flagged {
			var hops []string
			for _, s := range p.Subjects {
				hops = append(hops, out.Names[s])
			}
			fmt.Fprintf(w, "    - %s (%s)\n", strings.Join(hops, " → "), p.Why)
		}
	}
	if out.Truncated {
		fmt.Fprintln(w, "  (partial: a cap on neighbours or expansions was reached)")
	}
}

func writePaths(w io.Writer, out pathOutput) {
	if len(out.Paths) == 0 {
		fmt.Fprintf(w, "No evidenced path of up to %d hops between %s and %s.\n", graph.MaxPathHops, out.Names[out.From], out.Names[out.To])
		return
	}
	for i, p := range out.Paths {
		fmt.Fprintf(w, "%d. %d hops\n", i+1, len(p.Hops))
		for _, h := range p.Hops {
			fmt.Fprintf(w, "   %s [%s] → %s [%s]: %s\n", out.Names[h.From], h.From, out.Names[h.To], h.To, evidenceLine(h.Evidence, out.Names))
		}
	}
}
