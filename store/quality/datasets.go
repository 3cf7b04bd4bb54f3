package quality

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// Senzing reads the Senzing truth set (customers, watchlist and reference
// JSON lines, with actual_truthset_key.csv) as FtM persons and
// organisations, the way the shipped senzing mappings do.
func Senzing(dir string) ([]Labelled, error) {
	keyRows, err := readCSV(filepath.Join(dir, "actual_truthset_key.csv"))
	if err != nil {
		return nil, err
	}
	cluster := map[string]string{}
	for _, r := range keyRows {
		cluster[r["DATA_SOURCE"]+"/"+r["RECORD_ID"]] = r["CLUSTER_ID"]
	}
	var out []Labelled
	for _, file := range []string{"customers.jsonl", "watchlist.jsonl", "reference.jsonl"} {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			var rec struct {
				Source   string              `json:"DATA_SOURCE"`
				ID       string              `json:"RECORD_ID"`
				Features []map[string]string `json:"FEATURES"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			schema, kv := "Person", []string{}
			for _, ft := range rec.Features {
				if ft["RECORD_TYPE"] == "ORGANIZATION" {
					schema = "Organization"
				}
				if n := strings.TrimSpace(ft["NAME_FIRST"] + " " + ft["NAME_MIDDLE"] + " " + ft["NAME_LAST"]); n != "" {
					kv = append(kv, "name", strings.Join(strings.Fields(n), " "))
				}
				for k, prop := range map[string]string{
					"NAME_FULL": "name", "NAME_ORG": "name", "DATE_OF_BIRTH": "birthDate", "GENDER": "gender",
					"PASSPORT_NUMBER": "passportNumber", "NATIONAL_ID_NUMBER": "idNumber", "SSN_NUMBER": "idNumber",
					"DRIVERS_LICENSE_NUMBER": "licenseNumber", "EMAIL_ADDRESS": "email", "PHONE_NUMBER": "phone",
					"TAX_ID_NUMBER": "taxNumber", "ADDR_FULL": "address",
				} {
					if v := ft[k]; v != "" {
						kv = append(kv, prop, v)
					}
				}
				if a := strings.TrimSpace(strings.Join([]string{ft["ADDR_LINE1"], ft["ADDR_CITY"], ft["ADDR_STATE"], ft["ADDR_POSTAL_CODE"]}, " ")); a != "" {
					kv = append(kv, "address", a)
				}
			}
			c, ok := cluster[rec.Source+"/"+rec.ID]
			if !ok {
				c = "unlabelled:" + rec.Source + "/" + rec.ID
			}
			out = append(out, Labelled{
				Record:  store.Incoming{Source: rec.Source, ID: rec.ID, Schema: schema, Properties: props(kv...)},
				Cluster: c,
			})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
