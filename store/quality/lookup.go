package quality

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/resolve"
)

// Query is a noisy lookup with the cluster it should find.
type Query struct {
	Text  string `json:"query"`
	Want  string `json:"want"`
	Noise string `json:"noise"`
}

// Noise kinds, each applied to a name taken from a record of the truth:
//
//   - exact: the name as stored;
//   - typo: one typo in one word of four letters or more (insert, delete,
//     substitute with a neighbour key, transpose two letters);
//   - reordered: the words reversed;
//   - surname-first: "SURNAME, Given" in capitals;
//   - missing: a middle word dropped, or the given name cut to its initial
//     and the date of birth added (an initial and a surname alone name
//     dozens of people in any real population);
//   - case-accents: all lower case with an accent added on a vowel;
//   - with-dob: one of the above followed by "born" and the record's date
//     of birth, when it has one.
var noiseKinds = []string{"exact", "typo", "reordered", "surname-first", "missing", "case-accents"}

var keyboardNeighbours = map[byte]string{
	'a': "qswz", 'b': "vghn", 'c': "xdfv", 'd': "serfcx", 'e': "wsdr", 'f': "drtgvc", 'g': "ftyhbv",
	'h': "gyujnb", 'i': "ujko", 'j': "huikmn", 'k': "jiolm", 'l': "kop", 'm': "njk", 'n': "bhjm",
	'o': "iklp", 'p': "ol", 'q': "wa", 'r': "edft", 's': "awedxz", 't': "rfgy", 'u': "yhji",
	'v': "cfgb", 'w': "qase", 'x': "zsdc", 'y': "tghu", 'z': "asx",
}

// typo makes one typo in w, letter by letter (a name in another script
// is mistyped in its own letters, not in the bytes that encode them).
func typo(rng *rand.Rand, w string) string {
	r := []rune(w)
	if len(r) < 4 {
		return w
	}
	i := 1 + rng.IntN(len(r)-2) // keep the first letter, as people do
	neighbours := func(c rune) string {
		if c >= 0x80 {
			return "" // no keyboard map for other scripts
		}
		return keyboardNeighbours[lower(byte(c))]
	}
	switch rng.IntN(4) {
	case 0: // delete
		return string(r[:i]) + string(r[i+1:])
	case 1: // insert a neighbour of the letter
		n := neighbours(r[i])
		if n == "" {
			return w
		}
		return string(r[:i]) + string(n[rng.IntN(len(n))]) + string(r[i:])
	case 2: // substitute
		n := neighbours(r[i])
		if n == "" {
			return w
		}
		return string(r[:i]) + string(n[rng.IntN(len(n))]) + string(r[i+1:])
	default: // transpose
		r[i], r[i+1] = r[i+1], r[i]
		return string(r)
	}
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// NoisyQueries draws n queries from the records, deterministically from
// seed, cycling through the noise kinds; every other query adds the date
// of birth when the record has one.
func NoisyQueries(recs []Labelled, n int, seed uint64) []Query {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var pool []Labelled
	for _, r := range recs {
		if nm := r.Record.Properties["name"]; len(nm) > 0 && len(strings.Fields(nm[0])) >= 2 {
			pool = append(pool, r)
		}
	}
	if len(pool) == 0 {
		return nil
	}
	out := make([]Query, 0, n)
	for i := 0; i < n; i++ {
		r := pool[rng.IntN(len(pool))]
		words := strings.Fields(r.Record.Properties["name"][0])
		kind := noiseKinds[i%len(noiseKinds)]
		switch kind {
		case "typo":
			j := rng.IntN(len(words))
			words[j] = typo(rng, words[j])
		case "reordered":
			for a, b := 0, len(words)-1; a < b; a, b = a+1, b-1 {
				words[a], words[b] = words[b], words[a]
			}
		case "surname-first":
			last := strings.ToUpper(words[len(words)-1])
			words = append([]string{last + ","}, words[:len(words)-1]...)
		case "missing":
			if len(words) >= 3 {
				words = append(words[:1], words[2:]...)
			} else if dob := r.Record.Properties["birthDate"]; len(dob) > 0 {
				words[0] = string([]rune(words[0])[:1]) + "."
				words = append(words, "born", dob[0])
			} else {
				words = words[1:]
			}
		case "case-accents":
			for j := range words {
				words[j] = strings.ToLower(words[j])
			}
			words[0] = strings.Replace(words[0], "e", "é", 1)
		}
		text := strings.Join(words, " ")
		if dob := r.Record.Properties["birthDate"]; (i/len(noiseKinds))%2 == 1 && len(dob) > 0 && !strings.Contains(text, " born ") {
			text += " born " + dob[0]
			kind += "+dob"
		}
		out = append(out, Query{Text: text, Want: r.Cluster, Noise: kind})
	}
	return out
}

// LookupReport is recall@10 and precision@1 over a query set.
type LookupReport struct {
	Dataset      string                `json:"dataset"`
	Queries      int                   `json:"queries"`
	RecallAt10   float64               `json:"recall_at_10"`
	PrecisionAt1 float64               `json:"precision_at_1"`
	ByNoise      map[string][2]float64 `json:"by_noise"` // recall@10, precision@1
	Misses       []string              `json:"misses,omitempty"`
}

// Lookups runs each query through the resolver and checks whether the
// subject holding the wanted cluster's records comes first (precision@1)
// or in the first ten (recall@10). A subject counts as the wanted one when
// most of its records belong to the wanted cluster.
func Lookups(ctx context.Context, res *resolve.Resolver, name string, recs []Labelled, qs []Query) (LookupReport, error) {
	truth := map[store.Key]string{}
	for _, r := range recs {
		truth[store.Key{Source: r.Record.Source, ID: r.Record.ID}] = r.Cluster
	}
	rep := LookupReport{Dataset: name, Queries: len(qs), ByNoise: map[string][2]float64{}}
	counts := map[string][3]int{}
	var r10, p1 int
	for _, q := range qs {
		pq, err := resolve.ParseQuery(q.Text)
		if err != nil {
			return rep, fmt.Errorf("query %q: %w", q.Text, err)
		}
		hits, err := res.Lookup(ctx, pq, resolve.LookupOptions{Limit: 10, MinScore: .01})
		if err != nil {
			return rep, err
		}
		rank := -1
		for i, h := range hits {
			if majority(h, truth) == q.Want {
				rank = i
				break
			}
		}
		c := counts[q.Noise]
		c[0]++
		if rank >= 0 {
			r10++
			c[1]++
		}
		if rank == 0 {
			p1++
			c[2]++
		} else if len(rep.Misses) < 40 {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s %q: rank %d", q.Noise, q.Text, rank))
		}
		counts[q.Noise] = c
	}
	if len(qs) > 0 {
		rep.RecallAt10 = float64(r10) / float64(len(qs))
		rep.PrecisionAt1 = float64(p1) / float64(len(qs))
	}
	for k, c := range counts {
		rep.ByNoise[k] = [2]float64{float64(c[1]) / float64(c[0]), float64(c[2]) / float64(c[0])}
	}
	return rep, nil
}

func majority(h resolve.Hit, truth map[store.Key]string) string {
	n := map[string]int{}
	best, bestN := "", 0
	for _, r := range h.Records {
		c := truth[store.Key{Source: r.Source, ID: r.ID}]
		n[c]++
		if n[c] > bestN {
			best, bestN = c, n[c]
		}
	}
	return best
}

// Print writes the report.
func (r LookupReport) Print(w io.Writer) {
	fmt.Fprintf(w, "%-22s queries %5d  recall@10 %.4f  precision@1 %.4f\n", r.Dataset, r.Queries, r.RecallAt10, r.PrecisionAt1)
	kinds := make([]string, 0, len(r.ByNoise))
	for k := range r.ByNoise {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "    %-22s recall@10 %.3f  precision@1 %.3f\n", k, r.ByNoise[k][0], r.ByNoise[k][1])
	}
}
