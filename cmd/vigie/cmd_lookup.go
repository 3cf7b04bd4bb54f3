package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
	"github.com/vigie/vigie/store/ftm"
	"github.com/vigie/vigie/store/match"
	"github.com/vigie/vigie/store/resolve"
)

// lookupOutput is the --json output of vigie lookup (a documented contract).
type lookupOutput struct {
	Query    resolve.Query `json:"query"`
	Subjects []resolve.Hit `json:"subjects"`
}

func cmdLookup(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("lookup", "lookup [--json] [--dob DATE] [--limit N] [--case REF] QUERY")
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	dob := fs.String("dob", "", "date of birth (1989-09-15, 15/09/1989, 1989, …)")
	limit := fs.Int("limit", a.cfg.LookupLimit, "number of subjects to return (1-1000)")
	caseRef := fs.String("case", "", "case reference the lookup is made for (audited; required when VIGIE_REQUIRE_CASE=true)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	text := joinArgs(pos)
	if *dob != "" {
		text += " born " + *dob
	}
	if *limit < 1 || *limit > 1000 {
		return a.usageErr(fs, "--limit %d: want 1 to 1000", *limit)
	}
	q, err := resolve.ParseQuery(text)
	if err != nil {
		return a.usageErr(fs, "%v", err)
	}
	if *caseRef != "" {
		q.Case = *caseRef
	}
	if a.cfg.RequireCase && q.Case == "" {
		return a.usageErr(fs, "a case reference is required for lookups (--case C-…)")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	hits, err := e.resolver.Lookup(ctx, q, resolve.LookupOptions{Limit: *limit})
	entry := audit.Entry{Action: "lookup", Query: text, Case: q.Case}
	if err != nil {
		entry.Outcome, entry.Detail = audit.Failed, err.Error()
		_ = e.auditCLI(ctx, entry)
		return a.fail("lookup: %v", err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Subject)
	}
	entry.Subject = strings.Join(ids, " ")
	entry.Detail = fmt.Sprintf("%d subjects", len(hits))
	if err := e.auditCLI(ctx, entry); err != nil {
		return a.fail("%v", err)
	}
	if hits == nil {
		hits = []resolve.Hit{}
	}
	code := exitOK
	if len(hits) == 0 {
		code = exitNotFound
	}
	if *asJSON {
		if c := a.writeJSON(lookupOutput{Query: q, Subjects: hits}); c != exitOK {
			return c
		}
		return code
	}
	writeHits(a.stdout, q, hits)
	return code
}

func (a *app) writeJSON(v any) int {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return a.fail("write output: %v", err)
	}
	return exitOK
}

func writeHits(w io.Writer, q resolve.Query, hits []resolve.Hit) {
	if len(hits) == 0 {
		fmt.Fprintln(w, "No subject matches that query.")
		return
	}
	for i, h := range hits {
		name := h.Subject
		if len(h.Names) > 0 {
			name = h.Names[0]
		}
		fmt.Fprintf(w, "%d. %s  [%s]  score %.2f (%s)\n", i+1, name, h.Subject, h.Score, h.Strength)
		if len(h.Evidence) > 0 {
			fmt.Fprintf(w, "   evidence: %s\n", strings.Join(h.Evidence, " · "))
		}
		if len(h.Names) > 1 {
			fmt.Fprintf(w, "   also known as: %s\n", strings.Join(h.Names[1:], "; "))
		}
		if len(h.BirthDates) > 0 {
			fmt.Fprintf(w, "   born: %s\n", strings.Join(h.BirthDates, ", "))
		}
		for j, r := range h.Records {
			if j == 8 {
				fmt.Fprintf(w, "   … and %d more records\n", len(h.Records)-j)
				break
			}
			fmt.Fprintf(w, "   - %s/%s (%s) %q last seen %s\n", r.Source, r.ID, r.Schema, r.Caption, r.LastSeen.Format("2006-01-02"))
		}
	}
}

// compareOutput is the --json output of vigie compare (a documented contract).
type compareOutput struct {
	Score    float64  `json:"score"`
	Match    bool     `json:"match"`
	Evidence []string `json:"evidence"`
}

func cmdCompare(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("compare", "compare [--json] A B   (each a name, or a record as FtM JSON)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return a.usageErr(fs, "compare needs exactly two arguments (quote names with spaces)")
	}
	var people [2]match.Person
	for i, arg := range pos {
		p, err := personArg(arg)
		if err != nil {
			return a.usageErr(fs, "argument %d: %v", i+1, err)
		}
		people[i] = p
	}
	o := match.DefaultOptions()
	o.Threshold = a.cfg.MatchThreshold
	res := match.Compare(people[0], people[1], o)
	out := compareOutput{Score: round3(res.Score), Match: res.Match, Evidence: res.Evidence}
	if out.Evidence == nil {
		out.Evidence = []string{}
	}
	if *asJSON {
		return a.writeJSON(out)
	}
	verdict := "no match"
	if out.Match {
		verdict = "match"
	}
	fmt.Fprintf(a.stdout, "score %.3f — %s (threshold %.2f)\n", out.Score, verdict, a.cfg.MatchThreshold)
	if len(out.Evidence) > 0 {
		fmt.Fprintf(a.stdout, "evidence: %s\n", strings.Join(out.Evidence, " · "))
	}
	return exitOK
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// personArg reads a compare argument: FtM JSON when it starts with "{",
// otherwise a name (which may carry a date and identifiers, as a query).
func personArg(arg string) (match.Person, error) {
	arg = strings.TrimSpace(arg)
	if strings.HasPrefix(arg, "{") {
		// Read as ingest reads a line (single values, numbers, nested
		// entities, bad values set aside); the id and schema may be left
		// out here.
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(arg), &obj); err != nil {
			return match.Person{}, fmt.Errorf("not a valid FtM JSON entity: %v", err)
		}
		if len(obj["id"]) == 0 {
			obj["id"] = json.RawMessage(`"compare"`)
		}
		if len(obj["schema"]) == 0 {
			obj["schema"] = json.RawMessage(`"Person"`)
		}
		line, _ := json.Marshal(obj)
		ent, err := ftm.NewReader(bytes.NewReader(line), ftm.DefaultReaderOptions()).Next()
		if err != nil {
			return match.Person{}, fmt.Errorf("not a valid FtM JSON entity: %v", err)
		}
		return match.FromProperties(ent.Schema, ent.Properties), nil
	}
	if len(arg) > resolve.MaxQueryLen {
		return match.Person{}, resolve.ErrQueryLong
	}
	if strings.TrimSpace(arg) == "" {
		return match.Person{}, errors.New("empty name")
	}
	return match.Person{Names: []string{arg}}, nil
}

func cmdSubjects(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("subjects", "subjects export --json")
	asJSON := fs.Bool("json", false, "JSON lines: {\"subject\": ID, \"records\": [{\"source\": …, \"id\": …}, …]} (the only format)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || pos[0] != "export" {
		return a.usageErr(fs, "the subjects command has one action: export")
	}
	_ = asJSON // JSON lines is the only export format; the flag is accepted as documented
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	if _, err := e.pipe.Drain(ctx); err != nil {
		return a.fail("resolve pending records: %v", err)
	}
	type line struct {
		Subject string      `json:"subject"`
		Records []store.Key `json:"records"`
	}
	enc := json.NewEncoder(a.stdout)
	n := 0
	err = e.resolver.Export(ctx, func(s string, recs []store.Key) error {
		n++
		return enc.Encode(line{s, recs})
	})
	if err != nil {
		return a.fail("export subjects: %v", err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "subjects.export", Detail: fmt.Sprintf("%d subjects", n)}); err != nil {
		return a.fail("%v", err)
	}
	return exitOK
}

func cmdJudge(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("judge", "judge same|different RECORD RECORD   (RECORD is SOURCE/ID, or an ID unique across sources)")
	caseRef := fs.String("case", "", "case reference")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 3 || (pos[0] != "same" && pos[0] != "different") {
		return a.usageErr(fs, "judge needs same or different, then two records")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	if _, err := e.pipe.Drain(ctx); err != nil {
		return a.fail("resolve pending records: %v", err)
	}
	var keys [2]store.Key
	for i, ref := range pos[1:] {
		k, err := e.db.FindRecord(ref)
		if err != nil {
			return a.fail("%v", err)
		}
		keys[i] = k
	}
	same := pos[0] == "same"
	err = e.resolver.Judge(ctx, same, keys[0], keys[1], cliActor(), *caseRef, e.db.Now())
	entry := audit.Entry{Action: "judge." + pos[0], Query: keys[0].String() + " " + keys[1].String(), Case: *caseRef}
	if err != nil {
		entry.Outcome, entry.Detail = audit.Failed, err.Error()
		_ = e.auditCLI(ctx, entry)
		return a.fail("judge: %v", err)
	}
	if err := e.auditCLI(ctx, entry); err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stdout, "recorded: %s and %s are %s\n", keys[0], keys[1], map[bool]string{true: "the same person", false: "not the same person"}[same])
	return exitOK
}
