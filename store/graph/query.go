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

// query holds the per-call caches of one Summary or Paths. Whatever it
// reads from the store (a node's records, a record's hubs, a hub's
// members, an event's co-located events) it reads once; the evidence of
// a node's links is built only for the links the answer returns.
type query struct {
	g         *Graph
	txn       *store.Txn
	subs      Subjects
	subjectOf map[store.Key]string
	recs      map[string][]store.Key
	hubs      map[store.Key][]hub
	members   map[hub][]entry                  // nil: the hub links nobody
	coEvents  map[store.Key][]store.Key        // co-located events of an event record
	order     map[string][]string              // neighbours of an expanded node, sorted
	links     map[string]map[string][]Evidence // evidence of a node's links, built on demand
	reads     int                              // store reads so far
	maxReads  int                              // budget for light expansions; 0: none
	truncated bool
}

func (g *Graph) newQuery(txn *store.Txn, subs Subjects) *query {
	return &query{g: g, txn: txn, subs: subs, subjectOf: map[store.Key]string{},
		recs: map[string][]store.Key{}, hubs: map[store.Key][]hub{}, members: map[hub][]entry{},
		coEvents: map[store.Key][]store.Key{}, order: map[string][]string{}, links: map[string]map[string][]Evidence{}}
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
	if ks, ok := q.recs[node]; ok {
		return ks, nil
	}
	var ks []store.Key
	if rest, ok := strings.CutPrefix(node, RecordNodePrefix); ok {
		src, id, ok := strings.Cut(rest, "/")
		if !ok {
			return nil, fmt.Errorf("record node %q: want record:source/id", node)
		}
		ks = []store.Key{{Source: src, ID: id}}
	} else {
		var err error
		if ks, err = q.subs.Records(q.txn, node); err != nil {
			return nil, fmt.Errorf("records of %q: %w", node, err)
		}
		if len(ks) > q.g.opts.MaxRecordsPerSubject {
			q.truncated = true
			ks = ks[:q.g.opts.MaxRecordsPerSubject]
		}
	}
	q.recs[node] = ks
	return ks, nil
}

// spent reports whether the read budget of light expansions is spent.
func (q *query) spent() bool { return q.maxReads > 0 && q.reads >= q.maxReads }

// expansion gathers the neighbours of one node, with the evidence of each
// link when links is not nil.
type expansion struct {
	node    string
	max     int
	found   map[string]bool
	links   map[string][]Evidence
	refused bool // a neighbour was refused for want of room
}

// room reports whether to is, or may now become, a neighbour, noting a
// refusal when the cap leaves no room.
func (x *expansion) room(to string) bool {
	switch {
	case to == x.node:
		return false
	case x.found[to]:
		return true
	case len(x.found) >= x.max:
		x.refused = true
		return false
	}
	x.found[to] = true
	return true
}

func (x *expansion) add(to string, e Evidence) {
	if !x.room(to) {
		return
	}
	evs := x.links[to]
	if len(evs) >= maxEvidencePerLink || slices.ContainsFunc(evs, func(y Evidence) bool { return sameEvidence(y, e) }) {
		return
	}
	x.links[to] = append(evs, e)
}

// expand lists (once) the neighbours of a node, without their evidence:
// it stops reading hubs once MaxNeighbours refused a neighbour (more hubs
// could only add evidence to the neighbours it has) or, within a Summary,
// once the query's read budget is spent; either way the query is
// truncated.
func (q *query) expand(node string) error {
	if _, ok := q.order[node]; ok {
		return nil
	}
	x, err := q.walk(node, false)
	if err != nil {
		return err
	}
	q.setOrder(node, x)
	return nil
}

// linksOf returns (once) the links of a node with their evidence.
func (q *query) linksOf(node string) (map[string][]Evidence, error) {
	if l, ok := q.links[node]; ok {
		return l, nil
	}
	x, err := q.walk(node, true)
	if err != nil {
		return nil, err
	}
	q.links[node] = x.links
	if _, ok := q.order[node]; !ok {
		q.setOrder(node, x)
	}
	return x.links, nil
}

func (q *query) setOrder(node string, x *expansion) {
	keys := make([]string, 0, len(x.found))
	for k := range x.found {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	q.order[node] = keys
}

// walk visits the hubs of a node's records in order and gathers the
// neighbours they link; both kinds of expansion meet neighbours in the
// same order, so MaxNeighbours keeps the same ones.
func (q *query) walk(node string, evidence bool) (*expansion, error) {
	own, err := q.records(node)
	if err != nil {
		return nil, err
	}
	mine := make(map[store.Key]bool, len(own))
	for _, k := range own {
		mine[k] = true
		q.subjectOf[k] = node
	}
	x := &expansion{node: node, max: q.g.opts.MaxNeighbours, found: map[string]bool{}}
	if evidence {
		x.links = map[string][]Evidence{}
	}
	seenHub := map[hub]bool{}
	for _, r := range own {
		hubs, err := q.hubsOf(r)
		if err != nil {
			return nil, err
		}
		for _, h := range hubs {
			if !evidence && (x.refused || q.spent()) {
				q.truncated = true
				return x, nil
			}
			if seenHub[h] {
				continue
			}
			seenHub[h] = true
			if err := q.viaHub(h, mine, x); err != nil {
				return nil, err
			}
		}
	}
	if x.refused {
		q.truncated = true
	}
	return x, nil
}

func sameEvidence(a, b Evidence) bool {
	return a.Type == b.Type && a.Value == b.Value && a.Role == b.Role && a.Date == b.Date && slices.Equal(a.Records, b.Records)
}

// hubsOf returns (once) the hubs of a record; the memberships of those
// with an inline copy come with them, saving a read per hub.
func (q *query) hubsOf(r store.Key) ([]hub, error) {
	if hs, ok := q.hubs[r]; ok {
		return hs, nil
	}
	q.reads++
	p := recHubsPrefix(r)
	var out []hub
	// KeysOnly: only the first row of each hub is read, one at a time.
	err := q.txn.Iterate(p, store.IterOptions{KeysOnly: true}, func(key []byte, val func() ([]byte, error)) error {
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
		if _, ok := q.members[h]; ok {
			return nil
		}
		raw, err := val()
		if err != nil {
			return err
		}
		es, ok, err := readInline(raw)
		if err != nil {
			return fmt.Errorf("inline memberships of %s in %s: %w", r, h, err)
		}
		if ok {
			q.members[h] = q.g.linkingOnly(h, es)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	q.hubs[r] = out
	return out, nil
}

// linkingOnly returns the memberships of h if it links: not innocent and
// not a giant.
func (g *Graph) linkingOnly(h hub, es []entry) []entry {
	if len(es) > g.opts.GiantCount || g.innocentHub(h) {
		return nil
	}
	return es
}

// entry is one membership of a hub, its JSON decoded when first needed.
type entry struct {
	member, ev store.Key
	raw        []byte
	m          membership
	decoded    bool
}

func (e *entry) membership() (membership, error) {
	if !e.decoded {
		if err := jsonUnmarshal(e.raw, &e.m); err != nil {
			return membership{}, fmt.Errorf("decode membership of %s: %w", e.member, err)
		}
		e.decoded = true
	}
	return e.m, nil
}

// linking returns (once) the memberships of a hub, or none when the hub
// does not link: an innocent value, or a giant (more than GiantCount
// memberships, found by reading one past the cap rather than the count
// key, which saves a read per hub).
func (q *query) linking(h hub) ([]entry, error) {
	if es, ok := q.members[h]; ok {
		return es, nil
	}
	var out []entry
	if !q.g.innocentHub(h) {
		q.reads++
		p := memberPrefix(h)
		// KeysOnly: values are read one by one rather than prefetched,
		// which would cost a goroutine per membership.
		err := q.txn.Iterate(p, store.IterOptions{KeysOnly: true, Limit: q.g.opts.GiantCount + 1}, func(key []byte, val func() ([]byte, error)) error {
			e, err := readEntry(key[len(p):], val)
			out = append(out, e)
			return err
		})
		if err != nil {
			return nil, err
		}
		out = q.g.linkingOnly(h, out)
	}
	q.members[h] = out
	return out, nil
}

func (q *query) viaHub(h hub, mine map[store.Key]bool, x *expansion) error {
	all, err := q.linking(h)
	if err != nil {
		return err
	}
	var own []*entry
	for i := range all {
		if mine[all[i].member] {
			own = append(own, &all[i])
		}
	}
	if len(own) == 0 {
		return nil
	}
	for i := range all {
		o := &all[i]
		if mine[o.member] {
			continue
		}
		to, err := q.node(o.member)
		if err != nil {
			return err
		}
		if x.links == nil {
			x.room(to)
			continue
		}
		om, err := o.membership()
		if err != nil {
			return err
		}
		for _, m := range own {
			mm, err := m.membership()
			if err != nil {
				return err
			}
			x.add(to, evidenceOf(h, om, mm, m.ev, o.ev))
		}
	}
	// Co-presence: participants of events of the same kind at the same
	// place within the window.
	ek, isRec := h.record()
	if !isRec {
		return nil
	}
	first, err := own[0].membership()
	if err != nil || first.Type != CoPresence {
		return err
	}
	others, err := q.coLocated(ek)
	if err != nil {
		return err
	}
	for _, other := range others {
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
			if x.links == nil {
				x.room(to)
				continue
			}
			x.add(to, Evidence{Type: CoPresence, Records: []store.Key{ek, other}, Role: first.Role, Date: first.Date})
		}
	}
	return nil
}

// coLocated returns (once) the other events of the same kind at the same
// place within the window as event record ek (none if it is not placed).
func (q *query) coLocated(ek store.Key) ([]store.Key, error) {
	if o, ok := q.coEvents[ek]; ok {
		return o, nil
	}
	q.reads++
	var out []store.Key
	raw, err := q.txn.Get(eventKey(ek))
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		var ev eventInfo
		if err := jsonUnmarshal(raw, &ev); err != nil {
			return nil, fmt.Errorf("decode event %s: %w", ek, err)
		}
		if err := q.g.coEvents(q.txn, ek, ev, func(other store.Key) error {
			out = append(out, other)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	q.coEvents[ek] = out
	return out, nil
}

// ball expands every node within radius-1 hops of start (so that every
// edge within radius hops is known), breadth first, within MaxExpand and
// the query's read budget.
func (q *query) ball(start string, radius int) error {
	frontier := []string{start}
	seen := map[string]bool{start: true}
	for d := 0; d < radius && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			if _, done := q.order[n]; !done && (len(q.order) >= q.g.opts.MaxExpand || q.spent()) {
				q.truncated = true
				return nil
			}
			if err := q.expand(n); err != nil {
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

// evidence returns the evidence between a and b as seen from whichever
// end was expanded (a if both were).
func (q *query) evidence(a, b string) ([]Evidence, error) {
	if _, ok := q.order[a]; !ok {
		a, b = b, a
	}
	links, err := q.linksOf(a)
	return links[b], err
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

func (q *query) makePath(nodes []string) (Path, error) {
	p := Path{Subjects: nodes}
	for i := 0; i+1 < len(nodes); i++ {
		evs, err := q.evidence(nodes[i], nodes[i+1])
		if err != nil {
			return Path{}, err
		}
		p.Hops = append(p.Hops, Hop{From: nodes[i], To: nodes[i+1], Evidence: evs})
	}
	return p, nil
}

// Summary returns the direct links of a subject grouped by type, and the
// paths of up to depth hops (clamped to 1..3) to subjects that interesting
// flags (nil: none). Work is bounded by the options' caps: at most
// MaxRecordsPerSubject records and MaxHubsPerRecord hubs per subject,
// MaxNeighbours neighbours per subject, MaxExpand subjects expanded,
// MaxReads store reads for the neighbours' links, MaxPaths paths; when one
// bites, Summary.Truncated is set. Only the direct links carry their full
// evidence; the neighbourhood is read for its shape, and evidence is built
// for the hops of the flagged paths alone. It returns the errors of the
// store and of subs.
func (g *Graph) Summary(txn *store.Txn, subs Subjects, subject string, depth int, interesting func(subject string) (flagged bool, why string)) (Summary, error) {
	depth = min(max(depth, 1), 3)
	q := g.newQuery(txn, subs)
	s := Summary{Subject: subject}
	direct, err := q.linksOf(subject)
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
		// The subject's own links are read in full whatever they cost;
		// the budget bounds what its neighbourhood adds.
		q.maxReads = q.reads + g.opts.MaxReads
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
		for h := 1; h <= depth && len(s.Flagged) < g.opts.MaxPaths && err == nil; h++ {
			q.simplePaths(subject, h, dist, rev, isTarget, func(nodes []string) bool {
				if len(s.Flagged) >= g.opts.MaxPaths {
					q.truncated = true
					return false
				}
				var p Path
				if p, err = q.makePath(nodes); err != nil {
					return false
				}
				p.Why = why[nodes[len(nodes)-1]]
				s.Flagged = append(s.Flagged, p)
				return true
			})
		}
		if err != nil {
			return s, err
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
	var (
		out []Path
		err error
	)
	for h := dist[a]; h <= maxHops && len(out) < k && err == nil; h++ {
		q.simplePaths(a, h, dist, rev, func(n string) bool { return n == b }, func(nodes []string) bool {
			var p Path
			if p, err = q.makePath(nodes); err != nil {
				return false
			}
			out = append(out, p)
			return len(out) < k
		})
	}
	if err != nil {
		return nil, err
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
