package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vigie/vigie/store/quality"
)

// pgResult is PostgreSQL's side of the comparison.
type pgResult struct {
	P50Ms, P99Ms, RecallAt10 float64
	LoadSeconds              float64
	// Found says, per query, whether a record of the person was among
	// the ten rows.
	Found []bool
}

// pgCompare loads the same generated records into a scratch PostgreSQL
// (from the machine's packages, on 127.0.0.1) indexed as a careful engineer
// would — a GIN trigram index on the name (pg_trgm), double-metaphone
// codes of the first and last words (fuzzystrmatch) with b-tree indexes,
// and the date of birth — and runs the same queries through one psql
// session with \timing: trigram similarity over the name, or the same
// metaphone codes, ranked by similarity plus a bonus for the same date of
// birth.
func pgCompare(ctx context.Context, dir string, pop quality.Population, qs []quality.Query) (pgResult, error) {
	var res pgResult
	bin, err := pgBin()
	if err != nil {
		return res, err
	}
	pgdir := filepath.Join(dir, "pg")
	asPG := false
	if u, err := user.Current(); err == nil && u.Uid == "0" {
		asPG = true
	}
	if err := os.MkdirAll(pgdir, 0o700); err != nil {
		return res, err
	}
	run := func(args ...string) ([]byte, error) {
		var cmd *exec.Cmd
		if asPG {
			cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--"}, args...)...)
		} else {
			cmd = exec.CommandContext(ctx, args[0], args[1:]...)
		}
		return cmd.CombinedOutput()
	}
	if asPG {
		// The postgres user must reach the folder through its parents.
		_ = os.Chmod(filepath.Dir(dir), 0o755)
		_ = os.Chmod(dir, 0o755)
		if err := exec.Command("chown", "-R", "postgres", dir).Run(); err != nil {
			return res, fmt.Errorf("chown for postgres: %w", err)
		}
	}
	if out, err := run(filepath.Join(bin, "initdb"), "-D", pgdir, "-A", "trust", "-U", "postgres"); err != nil {
		return res, fmt.Errorf("initdb: %v %s", err, out)
	}
	port := 55432 + int(time.Now().UnixNano()%1000)
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c shared_buffers=512MB -c work_mem=64MB", port, pgdir)
	if out, err := run(filepath.Join(bin, "pg_ctl"), "-D", pgdir, "-w", "-l", filepath.Join(pgdir, "log"), "start", "-o", opts); err != nil {
		return res, fmt.Errorf("pg_ctl start: %v %s", err, out)
	}
	defer run(filepath.Join(bin, "pg_ctl"), "-D", pgdir, "-m", "immediate", "stop")
	psql := func(script string) ([]byte, error) {
		f := filepath.Join(dir, fmt.Sprintf("script-%d.sql", time.Now().UnixNano()))
		if err := os.WriteFile(f, []byte(script), 0o644); err != nil {
			return nil, err
		}
		return run(filepath.Join(bin, "psql"), "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-f", f)
	}
	// The records, as a TSV file psql copies in.
	tsv := filepath.Join(dir, "records.tsv")
	f, err := os.Create(tsv)
	if err != nil {
		return res, err
	}
	w := bufio.NewWriter(f)
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ", "\\", " ").Replace(s) }
	for i := 0; i < pop.People; i++ {
		for _, l := range pop.Records(i) {
			dob := `\N`
			if d := l.Record.Properties["birthDate"]; len(d) > 0 {
				dob = d[0]
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", l.Record.ID, clean(l.Record.Properties["name"][0]), dob)
		}
	}
	if err := w.Flush(); err != nil {
		return res, err
	}
	f.Close()
	_ = os.Chmod(tsv, 0o644)
	start := time.Now()
	load := fmt.Sprintf(`CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch;
CREATE TABLE rec (id text primary key, name text not null, dob text, lname text, dm_first text, dm_last text);
\copy rec (id, name, dob) FROM '%s'
UPDATE rec SET lname = lower(name);
UPDATE rec SET dm_first = dmetaphone(split_part(lname, ' ', 1)), dm_last = dmetaphone(regexp_replace(lname, '^.* ', ''));
CREATE INDEX rec_trgm ON rec USING gin (lname gin_trgm_ops);
CREATE INDEX rec_dm ON rec (dm_first, dm_last);
CREATE INDEX rec_dm_last ON rec (dm_last);
CREATE INDEX rec_dob ON rec (dob);
ANALYZE rec;
`, tsv)
	if out, err := psql(load); err != nil {
		return res, fmt.Errorf("load: %v %s", err, out)
	}
	res.LoadSeconds = time.Since(start).Seconds()
	// The queries, timed by psql itself.
	var b strings.Builder
	b.WriteString("SET pg_trgm.similarity_threshold = 0.3;\n\\timing on\n")
	lit := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	for _, q := range qs {
		name, dob, _ := strings.Cut(q.Text, " born ")
		name = strings.ToLower(strings.ReplaceAll(name, ",", ""))
		words := strings.Fields(name)
		first, last := words[0], words[len(words)-1]
		fmt.Fprintf(&b, "\\echo ==Q\nSELECT id FROM rec WHERE lname %% %s OR (dm_first = dmetaphone(%s) AND dm_last = dmetaphone(%s)) OR (dm_first = dmetaphone(%s) AND dm_last = dmetaphone(%s)) ORDER BY similarity(lname, %s) + CASE WHEN dob = %s THEN 0.5 ELSE 0 END DESC LIMIT 10;\n",
			lit(name), lit(first), lit(last), lit(last), lit(first), lit(name), lit(dob))
	}
	out, err := psql(b.String())
	if err != nil {
		return res, fmt.Errorf("queries: %v %s", err, tail(out))
	}
	var lat []float64
	hits := 0
	qi := -1
	found := false
	res.Found = make([]bool, len(qs))
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case line == "==Q":
			if qi >= 0 && found {
				hits++
				res.Found[qi] = true
			}
			qi++
			found = false
		case strings.HasPrefix(line, "Time: "):
			if v, err := strconv.ParseFloat(strings.Fields(line)[1], 64); err == nil && qi >= 0 {
				lat = append(lat, v)
			}
		case qi >= 0 && qi < len(qs) && strings.HasPrefix(line, qs[qi].Want+"-"):
			found = true
		}
	}
	if qi >= 0 && found {
		hits++
		if qi < len(qs) {
			res.Found[qi] = true
		}
	}
	// The first Time line is the SET; drop it if it slipped in.
	if len(lat) > len(qs) {
		lat = lat[len(lat)-len(qs):]
	}
	res.P50Ms, res.P99Ms = pct(lat, 50), pct(lat, 99)
	res.RecallAt10 = float64(hits) / float64(len(qs))
	return res, nil
}

func tail(b []byte) string {
	if len(b) > 1500 {
		b = b[len(b)-1500:]
	}
	return string(b)
}

func pgBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "psql")); err == nil {
			return filepath.Dir(p), nil
		}
	}
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(m) == 0 {
		return "", fmt.Errorf("PostgreSQL not found (apt-get install postgresql postgresql-contrib)")
	}
	return filepath.Dir(m[len(m)-1]), nil
}
