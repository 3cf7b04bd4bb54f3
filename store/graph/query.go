package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/vigie/vigie/store"
)

// RecordNodePrefix starts the node id of a record that belongs to no
// subject yet ("record:<source>/<id>"); such a record stands for itself in
// summaries and paths, and its id may be passed to Summary and Paths.
const RecordNodePrefix = "record:"

// RecordNode returns the node id of a record without a subject.
func RecordNode(k store.Key) string { return RecordNodePrefix + k.Source + "/" + k.ID }

// Link is a neighbour with the evidence that links it.
type Link struct {
	Subject  string     `json:"subject"`
	Evidence []Evidence `json:"evidence"`
}

// Group is the direct links of one type.
type Group struct {
	Type  LinkType `json:"type"`
	Links []Link   `json:"links"`
}

// Hop is one step of a path with all the evidence between its ends.
type Hop struct {
	From     string     `json:"from"`
	To       string     `json:"to"`
	Evidence []Evidence `json:"evidence"`
}

// Path is a chain of subjects, each hop evidenced.
type Path struct {
	Subjects []string `json:"subjects"`
	Hops     []Hop    `json:"hops"`
	// Why says why the last subject is of interest (Summary only).
	Why string `json:"why,omitempty"`
}

// Summary is the link summary of a subject.
type Summary struct {
	Subject string `json:"subject"`
	// Direct lists the direct links grouped by type, types and subjects in
	// order; a neighbour linked in two ways is in two groups.
	Direct []Group `json:"direct"`
	// Flagged lists paths of up to the asked depth (at most 3 hops) to
	// subjects the caller's predicate flags, shortest first, at most
	// Options.MaxPaths.
	Flagged []Path `json:"flagged,omitempty"`
	// Truncated is set when a cap (neighbours, expansions, paths) cut the
	// answer short: the answer is partial and says so.
	Truncated bool `json:"truncated,omitempty"`
}

// maxEvidencePerLink caps the evidence items kept between two subjects.
const maxEvidencePerLink = 20

// maxSearchSteps bounds the path enumeration of one query.
const maxSearchSteps = 200_000

// query holds the per-call caches of one Summary or Paths.
type query struct {
	g         *Graph
	txn       *store.Txn
	subs      Subjects
	subjectOf map[store.Key]string
	adj       map[string]map[string][]Evidence // expanded nodes only
	order     map[string][]string              // neighbours of an expanded node, sorted
	truncated bool
}

func (g *Graph) newQuery(txn *store.Txn, subs Subjects) *query {
	return &query{g: g, txn: txn, subs: subs, subjectOf: map[store.Key]string{},
		adj: map[string]map[string][]Evidence{}, order: map[string][]string{}}
}

func (q *query) node(k store.Key) (string, error) {
	if s, ok := q.subjectOf[k]; ok {
		return s, nil
	}
	s, err := q.subs.SubjectOf(q.txn, k)
	if err != nil {
		return "", fmt.Errorf("subject of %s: %w", k, err)
	}
	if s == "" {
		s = RecordNode(k)
	}
	q.subjectOf[k] = s
	return s, nil
}

func (q *query) records(node string) ([]store.Key, error) {
	if rest, ok := strings.CutPrefix(node, RecordNodePrefix); ok {
		src, id, ok := strings.Cut(rest, "/")
		if !ok {
			return nil, fmt.Errorf("record node %q: want record:source/id", node)
		}
		return []store.Key{{Source: src, ID: id}}, nil
	}
	ks, err := q.subs.Records(q.txn, node)
	if err != nil {
		return nil, fmt.Errorf("records of %q: %w", node, err)
	}
	if len(ks) > q.g.opts.MaxRecordsPerSubject {
		q.truncated = true
		ks = ks[:q.g.opts.MaxRecordsPerSubject]
	}
	return ks, nil
}

// expand computes (once) the neighbours of a node and their evidence.
func (q *query) expand(node string) (map[string][]Evidence, error) {
	if n, ok := q.adj[node]; ok {
		return n, nil
	}
	own, err := q.records(node)
	if err != nil {
		return nil, err
	}
	mine := make(map[store.Key]bool, len(own))
	for _, k := range own {
		mine[k] = true
		q.subjectOf[k] = node
	}
	out := map[string][]Evidence{}
	seenHub := map[hub]bool{}
	add := func(to string, e Evidence) {
		if to == node {
			return
		}
		evs, ok := out[to]
		if !ok && len(out) >= q.g.opts.MaxNeighbours {
			q.truncated = true
			return
		}
		if len(evs) >= maxEvidencePerLink || slices.ContainsFunc(evs, func(x Evidence) bool { return sameEvidence(x, e) }) {
			return
		}
		out[to] = append(evs, e)
	}
	for _, r := range own {
		hubs, err := q.hubsOf(r)
		if err != nil {
			return nil, err
		}
		for _, h := range hubs {
			if seenHub[h] {
				continue
			}
			seenHub[h] = true
			if err := q.viaHub(h, mine, add); err != nil {
				return nil, err
			}
		}
	}
	q.adj[node] = out
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	q.order[node] = keys
	return out, nil
}

func sameEvidence(a, b Evidence) bool {
	return a.Type == b.Type && a.Value == b.Value && a.Role == b.Role && a.Date == b.Date && slices.Equal(a.Records, b.Records)
}

func (q *query) hubsOf(r store.Key) ([]hub, error) {
	p := recHubsPrefix(r)
	var out []hub
	err := q.txn.Iterate(p, store.IterOptions{KeysOnly: true}, func(key []byte, _ func() ([]byte, error)) error {
		h, _, err := readHub(key[len(p):])
		if err != nil {
			return fmt.Errorf("hub key of %s: %w", r, err)
		}
		if len(out) > 0 && out[len(out)-1] == h {
			return nil
		}
		if len(out) >= q.g.opts.MaxHubsPerRecord {
			q.truncated = true
			return store.ErrStop
		}
		out = append(out, h)
		return nil
	})
	return out, err
}

type entry struct {
	member, ev store.Key
	m          membership
}

// linking returns the memberships of a hub, or none when the hub does not
// link: an innocent value, or a giant (more than GiantCount memberships,
// found by reading one past the cap rather than the count key, which
// saves a read per hub).
func (q *query) linking(h hub) ([]entry, error) {
	if q.g.innocentHub(h) {
		return nil, nil
	}
	var out []entry
	err := q.g.members(q.txn, h, q.g.opts.GiantCount+1, func(member, ev store.Key, m membership) error {
		out = append(out, entry{member, ev, m})
		return nil
	})
	if err != nil || len(out) > q.g.opts.GiantCount {
		return nil, err
	}
	return out, nil
}

func (q *query) viaHub(h hub, mine map[store.Key]bool, add func(string, Evidence)) error {
	all, err := q.linking(h)
	if err != nil {
		return err
	}
	var own, others []entry
	for _, e := range all {
		if mine[e.member] {
			own = append(own, e)
		} else {
			others = append(others, e)
		}
	}
	for _, o := range others {
		to, err := q.node(o.member)
		if err != nil {
			return err
		}
		for _, m := range own {
			add(to, evidenceOf(h, o.m, m.m, m.ev, o.ev))
		}
	}
	// Co-presence: participants of events of the same kind at the same
	// place within the window.
	ek, isRec := h.record()
	if !isRec || len(own) == 0 || own[0].m.Type != CoPresence {
		return nil
	}
	raw, err := q.txn.Get(eventKey(ek))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var ev eventInfo
	if err := jsonUnmarshal(raw, &ev); err != nil {
		return fmt.Errorf("decode event %s: %w", ek, err)
	}
	return q.g.coEvents(q.txn, ek, ev, func(other store.Key) error {
		theirs, err := q.linking(recordHub(other))
		if err != nil {
			return err
		}
		for _, e := range theirs {
			if mine[e.member] {
				continue
			}
			to, err := q.node(e.member)
			if err != nil {
				return err
			}
			add(to, Evidence{Type: CoPresence, Records: []store.Key{ek, other}, Role: own[0].m.Role, Date: own[0].m.Date})
		}
		return nil
	})
}

// ball expands every node within radius-1 hops of start (so that every
// edge within radius hops is known), breadth first, within MaxExpand.
func (q *query) ball(start string, radius int) error {
	frontier := []string{start}
	seen := map[string]bool{start: true}
	for d := 0; d < radius && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			if _, done := q.adj[n]; !done && len(q.adj) >= q.g.opts.MaxExpand {
				q.truncated = true
				return nil
			}
			if _, err := q.expand(n); err != nil {
				return err
			}
			for _, m := range q.order[n] {
				if !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return nil
}

// neighbours returns the known neighbours of a node in order: its own if
// it was expanded, else the expanded nodes that list it.
func (q *query) neighbours(n string, rev map[string][]string) []string {
	if o, ok := q.order[n]; ok {
		return o
	}
	return rev[n]
}

func (q *query) reverse() map[string][]string {
	rev := map[string][]string{}
	for from, tos := range q.order {
		for _, to := range tos {
			if _, ok := q.order[to]; !ok {
				rev[to] = append(rev[to], from)
			}
		}
	}
	for _, v := range rev {
		slices.Sort(v)
	}
	return rev
}

func (q *query) evidence(a, b string) []Evidence {
	if n, ok := q.adj[a]; ok {
		return n[b]
	}
	return q.adj[b][a]
}

// distances is a breadth-first distance map from the targets over the
// known graph, up to max hops.
func (q *query) distances(targets []string, max int, rev map[string][]string) map[string]int {
	dist := map[string]int{}
	frontier := targets
	for _, t := range targets {
		dist[t] = 0
	}
	for d := 1; d <= max && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			for _, m := range q.neighbours(n, rev) {
				if _, ok := dist[m]; !ok {
					dist[m] = d
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return dist
}

// simplePaths calls fn for each simple path from start of exactly length
// hops whose end satisfies end, visiting only nodes from which an end is
// reachable in the hops left (dist). It stops when fn returns false or the
// step budget runs out (truncated).
func (q *query) simplePaths(start string, hops int, dist map[string]int, rev map[string][]string, end func(string) bool, fn func([]string) bool) {
	path := []string{start}
	on := map[string]bool{start: true}
	steps := 0
	var walk func() bool
	walk = func() bool {
		cur := path[len(path)-1]
		left := hops - (len(path) - 1)
		if left == 0 {
			if end(cur) {
				return fn(slices.Clone(path))
			}
			return true
		}
		for _, m := range q.neighbours(cur, rev) {
			if on[m] {
				continue
			}
			if d, ok := dist[m]; !ok || d > left-1 {
				continue
			}
			if steps++; steps > maxSearchSteps {
				q.truncated = true
				return false
			}
			path = append(path, m)
			on[m] = true
			goOn := walk()
			on[m] = false
			path = path[:len(path)-1]
			if !goOn {
				return false
			}
		}
		return true
	}
	walk()
}

func (q *query) makePath(nodes []string) Path {
	p := Path{Subjects: nodes}
	for i := 0; i+1 < len(nodes); i++ {
		p.Hops = append(p.Hops, Hop{From: nodes[i], To: nodes[i+1], Evidence: q.evidence(nodes[i], nodes[i+1])})
	}
	return p
}

// Summary returns the direct links of a subject grouped by type, and the
// paths of up to depth hops (clamped to 1..3) to subjects that interesting
// flags (nil: none). Work is bounded by the options' caps: at most
// MaxRecordsPerSubject records and MaxHubsPerRecord hubs per subject,
// MaxNeighbours neighbours per subject, MaxExpand subjects expanded,
// MaxPaths paths; when one bites, Summary.Truncated is set. It returns the
// errors of the store and of subs.
func (g *Graph) Summary(txn *store.Txn, subs Subjects, subject string, depth int, interesting func(subject string) (flagged bool, why string)) (Summary, error) {
	depth = min(max(depth, 1), 3)
	q := g.newQuery(txn, subs)
	s := Summary{Subject: subject}
	direct, err := q.expand(subject)
	if err != nil {
		return s, err
	}
	byType := map[LinkType][]Link{}
	for _, n := range q.order[subject] {
		per := map[LinkType][]Evidence{}
		for _, e := range direct[n] {
			per[e.Type] = append(per[e.Type], e)
		}
		for t, evs := range per {
			byType[t] = append(byType[t], Link{Subject: n, Evidence: evs})
		}
	}
	for t, links := range byType {
		s.Direct = append(s.Direct, Group{Type: t, Links: links})
	}
	slices.SortFunc(s.Direct, func(a, b Group) int { return cmp.Compare(a.Type, b.Type) })

	if interesting != nil {
		if err := q.ball(subject, depth); err != nil {
			return s, err
		}
		rev := q.reverse()
		why := map[string]string{}
		var targets []string
		for _, n := range knownNodes(q, rev) {
			if n == subject {
				continue
			}
			if f, w := interesting(n); f {
				why[n] = w
				targets = append(targets, n)
			}
		}
		slices.Sort(targets)
		dist := q.distances(targets, depth, rev)
		isTarget := func(n string) bool { _, ok := why[n]; return ok }
		for h := 1; h <= depth && len(s.Flagged) < g.opts.MaxPaths; h++ {
			q.simplePaths(subject, h, dist, rev, isTarget, func(nodes []string) bool {
				if len(s.Flagged) >= g.opts.MaxPaths {
					q.truncated = true
					return false
				}
				p := q.makePath(nodes)
				p.Why = why[nodes[len(nodes)-1]]
				s.Flagged = append(s.Flagged, p)
				return true
			})
		}
	}
	s.Truncated = q.truncated
	return s, nil
}

func knownNodes(q *query, rev map[string][]string) []string {
	var out []string
	for n := range q.order {
		out = append(out, n)
	}
	for n := range rev {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// MaxPathHops is the longest path Paths looks for.
const MaxPathHops = 4

// Paths returns the k shortest simple evidenced paths between subjects a
// and b of at most maxHops hops (clamped to 1..MaxPathHops), shortest
// first and, at equal length, in lexical order of their subjects. It grows
// a ball from each end (half the hops each, bounded by MaxExpand) and
// enumerates paths through the known graph pruned by the distance to b.
// It returns no paths (and no error) when none exists within the hops;
// errors are those of the store and of subs.
func (g *Graph) Paths(txn *store.Txn, subs Subjects, a, b string, k, maxHops int) ([]Path, error) {
	maxHops = min(max(maxHops, 1), MaxPathHops)
	if k <= 0 || a == b {
		return nil, nil
	}
	q := g.newQuery(txn, subs)
	if err := q.ball(a, (maxHops+1)/2); err != nil {
		return nil, err
	}
	if err := q.ball(b, maxHops/2); err != nil {
		return nil, err
	}
	rev := q.reverse()
	dist := q.distances([]string{b}, maxHops, rev)
	if _, ok := dist[a]; !ok {
		return nil, nil
	}
	var out []Path
	for h := dist[a]; h <= maxHops && len(out) < k; h++ {
		q.simplePaths(a, h, dist, rev, func(n string) bool { return n == b }, func(nodes []string) bool {
			out = append(out, q.makePath(nodes))
			return len(out) < k
		})
	}
	return out, nil
}

// Giant is a hub that stopped linking because too many records share it.
type Giant struct {
	// Kind is the identifier kind (phone, …) or "record" for a relation
	// or event record with too many members.
	Kind string `json:"kind"`
	// Value is the normalised value, or the record as source/id.
	Value string `json:"value"`
	// Count is the number of memberships (record × stating record).
	Count int `json:"count"`
}

// Giants lists the hubs over GiantCount, in key order. It returns store
// errors and errors decoding its keys.
func (g *Graph) Giants(txn *store.Txn) ([]Giant, error) {
	var out []Giant
	err := txn.Iterate([]byte(pGiant), store.IterOptions{KeysOnly: true}, func(key []byte, _ func() ([]byte, error)) error {
		h, _, err := readHub(key[len(pGiant):])
		if err != nil {
			return fmt.Errorf("giant key: %w", err)
		}
		h = hub(strings.Clone(string(h)))
		n, err := hubCount(txn, h)
		if err != nil {
			return err
		}
		if n <= uint64(g.opts.GiantCount) {
			return nil
		}
		if kind, v, ok := h.value(); ok {
			out = append(out, Giant{Kind: kind, Value: v, Count: int(n)})
		} else if rk, ok := h.record(); ok {
			out = append(out, Giant{Kind: "record", Value: rk.String(), Count: int(n)})
		}
		return nil
	})
	return out, err
}
