package quality

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/vigie/vigie/store"
)

// readCSV reads a CSV file with a header into maps of trimmed values.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read header of %s: %w", path, err)
	}
	for i := range head {
		head[i] = strings.TrimSpace(head[i])
	}
	var rows []map[string]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s line %d: %w", path, line, err)
		}
		row := map[string]string{}
		for i, v := range rec {
			if i < len(head) {
				row[head[i]] = strings.TrimSpace(v)
			}
		}
		rows = append(rows, row)
	}
}

func props(kv ...string) map[string][]string {
	p := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		if v := strings.TrimSpace(kv[i+1]); v != "" {
			p[kv[i]] = append(p[kv[i]], v)
		}
	}
	return p
}

// FEBRL reads a FEBRL dataset (rec-N-org / rec-N-dup-k: same N, same
// person) as FtM persons, the way the shipped febrl mapping does.
func FEBRL(path, source string) ([]Labelled, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	out := make([]Labelled, 0, len(rows))
	for _, r := range rows {
		id := r["rec_id"]
		parts := strings.Split(id, "-")
		if len(parts) < 3 {
			return nil, fmt.Errorf("%s: unexpected rec_id %q", path, id)
		}
		addr := strings.Join(strings.Fields(strings.Join([]string{r["street_number"], r["address_1"], r["address_2"], r["suburb"], r["postcode"], r["state"]}, " ")), " ")
		out = append(out, Labelled{
			Record: store.Incoming{Source: source, ID: id, Schema: "Person", Properties: props(
				"name", strings.TrimSpace(r["given_name"]+" "+r["surname"]),
				"firstName", r["given_name"], "lastName", r["surname"],
				"birthDate", r["date_of_birth"], "idNumber", r["soc_sec_id"], "address", addr,
			)},
			Cluster: parts[1],
		})
	}
	return out, nil
}

// Splink reads Splink's fake_1000.csv (cluster column is the truth).
func Splink(path string) ([]Labelled, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	out := make([]Labelled, 0, len(rows))
	for _, r := range rows {
		out = append(out, Labelled{
			Record: store.Incoming{Source: "splink", ID: r["unique_id"], Schema: "Person", Properties: props(
				"name", strings.TrimSpace(r["first_name"]+" "+r["surname"]),
				"firstName", r["first_name"], "lastName", r["surname"],
				"birthDate", r["dob"], "email", r["email"], "address", r["city"],
			)},
			Cluster: r["cluster"],
		})
	}
	return out, nil
}
