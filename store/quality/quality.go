// Package quality measures how well vigie finds and groups people, on data
// with ground truth: pairwise precision and recall of the subjects entity
// resolution builds, and recall@10 / precision@1 of lookups.
//
// Pairwise figures count pairs of records: a pair is predicted when both
// records are in one subject, true when the ground truth puts them in one
// cluster. Precision is true predicted pairs over predicted pairs, recall
// true predicted pairs over true pairs.
package quality

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/pipeline"
	"github.com/vigie/vigie/store/resolve"
)

// Labelled is a record with the ground-truth cluster it belongs to.
type Labelled struct {
	Record  store.Incoming
	Cluster string
}

// Pairwise is the outcome of a clustering evaluation.
type Pairwise struct {
	Dataset   string  `json:"dataset"`
	Records   int     `json:"records"`
	Clusters  int     `json:"clusters"`
	Subjects  int     `json:"subjects"`
	TruePairs int     `json:"true_pairs"`
	Predicted int     `json:"predicted_pairs"`
	Correct   int     `json:"correct_pairs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Errors are a few wrongly merged and wrongly split pairs, to read.
	Errors []string `json:"errors,omitempty"`
}

// Cluster ingests the records into db (which must be empty), runs entity
// resolution over the change feed and scores the subjects against the
// ground truth.
func Cluster(ctx context.Context, db *store.DB, res *resolve.Resolver, name string, recs []Labelled) (Pairwise, error) {
	batch := make([]store.Incoming, 0, len(recs))
	truth := make(map[store.Key]string, len(recs))
	for _, r := range recs {
		batch = append(batch, r.Record)
		truth[store.Key{Source: r.Record.Source, ID: r.Record.ID}] = r.Cluster
	}
	for i := 0; i < len(batch); i += 500 {
		if _, err := db.Put(ctx, batch[i:min(i+500, len(batch))]); err != nil {
			return Pairwise{}, fmt.Errorf("store %s: %w", name, err)
		}
	}
	p := pipeline.New(db, "quality", 500, nil, pipeline.Named{Name: "resolve", Stage: res})
	if _, err := p.Drain(ctx); err != nil {
		return Pairwise{}, fmt.Errorf("resolve %s: %w", name, err)
	}
	pred := map[store.Key]string{}
	err := res.Export(ctx, func(subject string, keys []store.Key) error {
		for _, k := range keys {
			pred[k] = subject
		}
		return nil
	})
	if err != nil {
		return Pairwise{}, err
	}
	return Score(name, truth, pred), nil
}

// Score compares predicted subjects with true clusters, over the records
// of truth. A record with no predicted subject is a subject of its own.
func Score(name string, truth, pred map[store.Key]string) Pairwise {
	keys := make([]store.Key, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Source != keys[j].Source {
			return keys[i].Source < keys[j].Source
		}
		return keys[i].ID < keys[j].ID
	})
	subj := func(k store.Key) string {
		if s, ok := pred[k]; ok {
			return s
		}
		return "self:" + k.Source + "/" + k.ID
	}
	out := Pairwise{Dataset: name, Records: len(keys)}
	clusters, subjects := map[string]int{}, map[string]int{}
	both := map[[2]string]int{}
	for _, k := range keys {
		clusters[truth[k]]++
		subjects[subj(k)]++
		both[[2]string{truth[k], subj(k)}]++
	}
	pairs := func(n int) int { return n * (n - 1) / 2 }
	for _, n := range clusters {
		out.TruePairs += pairs(n)
	}
	for _, n := range subjects {
		out.Predicted += pairs(n)
	}
	for _, n := range both {
		out.Correct += pairs(n)
	}
	out.Clusters, out.Subjects = len(clusters), len(subjects)
	out.Precision, out.Recall = 1, 1
	if out.Predicted > 0 {
		out.Precision = float64(out.Correct) / float64(out.Predicted)
	}
	if out.TruePairs > 0 {
		out.Recall = float64(out.Correct) / float64(out.TruePairs)
	}
	if out.Precision+out.Recall > 0 {
		out.F1 = 2 * out.Precision * out.Recall / (out.Precision + out.Recall)
	}
	// A few examples of each kind of error.
	bySubject := map[string][]store.Key{}
	byCluster := map[string][]store.Key{}
	for _, k := range keys {
		bySubject[subj(k)] = append(bySubject[subj(k)], k)
		byCluster[truth[k]] = append(byCluster[truth[k]], k)
	}
	for _, k := range keys {
		if len(out.Errors) >= 20 {
			break
		}
		for _, o := range bySubject[subj(k)] {
			if o != k && truth[o] != truth[k] && keyLess(k, o) {
				out.Errors = append(out.Errors, fmt.Sprintf("merged %s/%s with %s/%s", k.Source, k.ID, o.Source, o.ID))
				break
			}
		}
		for _, o := range byCluster[truth[k]] {
			if o != k && subj(o) != subj(k) && keyLess(k, o) {
				out.Errors = append(out.Errors, fmt.Sprintf("split %s/%s from %s/%s", k.Source, k.ID, o.Source, o.ID))
				break
			}
		}
	}
	return out
}

func keyLess(a, b store.Key) bool {
	if a.Source != b.Source {
		return a.Source < b.Source
	}
	return a.ID < b.ID
}

// Print writes a one-line summary.
func (p Pairwise) Print(w io.Writer) {
	fmt.Fprintf(w, "%-22s records %5d  clusters %5d  subjects %5d  pairwise precision %.4f  recall %.4f  F1 %.4f\n",
		p.Dataset, p.Records, p.Clusters, p.Subjects, p.Precision, p.Recall, p.F1)
}
