package quality

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/ftm"
)

// FtMClusters reads an entity resolution test in the shape vigie meets in
// the field: FollowTheMoney entities as JSON lines (path), each a record
// of one source (its first dataset, as `vigie ingest` takes it), and a
// truth file (truth) of lines "entity id<TAB>person", "# " lines being
// comments. Every entity must have a person, and every person line an
// entity. The queries are every name and alias of every record, each to
// find its person (Noise: "ftm " and the script of the name).
func FtMClusters(path, truth string) ([]Labelled, []Query, error) {
	person, err := readTruth(truth)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := ftm.NewReader(f, ftm.DefaultReaderOptions())
	var recs []Labelled
	var qs []Query
	seen := map[string]bool{}
	for {
		e, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		c, ok := person[e.ID]
		if !ok {
			return nil, nil, fmt.Errorf("%s: entity %q has no person in %s", path, e.ID, truth)
		}
		if len(e.Datasets) == 0 {
			return nil, nil, fmt.Errorf("%s: entity %q has no dataset", path, e.ID)
		}
		seen[e.ID] = true
		recs = append(recs, Labelled{
			Record:  store.Incoming{Source: e.Datasets[0], ID: e.ID, Schema: e.Schema, Properties: e.Properties, Listed: true},
			Cluster: c,
		})
		for _, prop := range []string{"name", "alias"} {
			for _, n := range e.Properties[prop] {
				qs = append(qs, Query{Text: n, Want: c, Noise: "ftm " + scriptOf(n)})
			}
		}
	}
	for id := range person {
		if !seen[id] {
			return nil, nil, fmt.Errorf("%s: person of %q, which %s does not hold", truth, id, path)
		}
	}
	return recs, qs, nil
}

// readTruth reads "id<TAB>person" lines.
func readTruth(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, p, ok := strings.Cut(line, "\t")
		if !ok || id == "" || p == "" {
			return nil, fmt.Errorf("%s:%d: want id<TAB>person, got %q", path, n, line)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s:%d: %q twice", path, n, id)
		}
		out[id] = p
	}
	return out, sc.Err()
}
