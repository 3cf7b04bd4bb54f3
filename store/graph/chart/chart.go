// Package chart draws link charts: subjects as nodes, evidence as labelled
// edges, flagged subjects marked in colour and by label. It renders PNG and
// SVG with Graphviz (github.com/goccy/go-graphviz, Graphviz compiled to
// WebAssembly, so no C toolchain or system package is needed).
package chart

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"
)

// Format is an output format.
type Format string

// Formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// MaxNodes is the most nodes a chart draws; the rest are summarised in one
// "+N more" node so the picture stays readable.
const MaxNodes = 30

// maxLabel bounds a node or edge label in characters.
const maxLabel = 40

// Node is a subject (or record) on the chart.
type Node struct {
	// ID identifies the node in Edges.
	ID string
	// Label is the text shown (a name); ID when empty.
	Label string
	// Focus marks the subject the chart is about (drawn bold).
	Focus bool
	// Flagged marks a subject of interest (red); Why is shown under it.
	Flagged bool
	Why     string
}

// Edge is a link between two nodes, labelled with its evidence type.
type Edge struct {
	From, To string
	Label    string
}

// Graph is the plain description of a chart.
type Graph struct {
	Title string
	Nodes []Node
	Edges []Edge
	// Path lays nodes out left to right (for a path between two
	// subjects) instead of around the focus.
	Path bool
}

// ErrEmpty is returned for a chart without nodes.
var ErrEmpty = errors.New("chart has no nodes")

// Renderer draws charts. It holds a Graphviz instance (costly to create)
// and serialises its use; create one and reuse it.
type Renderer struct {
	mu sync.Mutex
	gv *graphviz.Graphviz
}

// New returns a Renderer; it returns Graphviz's error when it cannot start.
func New(ctx context.Context) (*Renderer, error) {
	def, err := gvc.PNGRenderPlugin(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	png, err := gvc.NewRenderPlugin(ctx, "png", strokedEdges{def.RenderEngine()})
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	dev, err := gvc.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	gv, err := graphviz.NewWithPlugins(ctx, png, dev)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	return &Renderer{gv: gv}, nil
}

// strokedEdges works around go-graphviz v0.2.9's PNG renderer, which is
// handed edge curves as filled shapes and so paints each edge as a solid
// wedge: edge curves are stroked, everything else is left as it is.
type strokedEdges struct{ gvc.RenderEngine }

func (s strokedEdges) BezierCurve(ctx context.Context, job *gvc.Job, a []*gvc.PointFloat, filled bool) error {
	if job.Object().Type() == gvc.EdgeObjectType {
		filled = false
	}
	return s.RenderEngine.BezierCurve(ctx, job, a, filled)
}

// Close releases the Graphviz instance.
func (r *Renderer) Close() error { return r.gv.Close() }

// Chart renders g once with a fresh Renderer (see Renderer.Chart).
func Chart(ctx context.Context, g Graph, format Format) ([]byte, error) {
	r, err := New(ctx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.Chart(ctx, g, format)
}

// Chart renders g as a PNG or an SVG. Nodes beyond MaxNodes are dropped —
// focus and flagged nodes are kept first — and counted in a "+N more"
// node; edges between the same two nodes are drawn once with their labels
// joined; edges to unknown nodes are ignored. It returns ErrEmpty for a
// graph without nodes, an error for an unknown format, and Graphviz's
// errors.
func (r *Renderer) Chart(ctx context.Context, g Graph, format Format) ([]byte, error) {
	if len(g.Nodes) == 0 {
		return nil, ErrEmpty
	}
	if format != PNG && format != SVG {
		return nil, fmt.Errorf("chart format %q: want png or svg", format)
	}
	nodes, more := keep(g.Nodes)
	r.mu.Lock()
	defer r.mu.Unlock()
	cg, err := r.gv.Graph(graphviz.WithName("links"))
	if err != nil {
		return nil, fmt.Errorf("new chart: %w", err)
	}
	defer cg.Close()
	if err := draw(cg, g, nodes, more); err != nil {
		return nil, err
	}
	layout := graphviz.NEATO
	if g.Path {
		layout = graphviz.DOT
	}
	r.gv.SetLayout(layout)
	var buf bytes.Buffer
	if err := r.gv.Render(ctx, cg, graphviz.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("render chart as %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// keep chooses the nodes drawn: focus, then flagged, then the others in
// the given order, at most MaxNodes (one slot left for "+N more").
func keep(in []Node) ([]Node, int) {
	seen := map[string]bool{}
	var all []Node
	for _, n := range in {
		if !seen[n.ID] {
			seen[n.ID] = true
			all = append(all, n)
		}
	}
	if len(all) <= MaxNodes {
		return all, 0
	}
	rank := func(n Node) int {
		switch {
		case n.Focus:
			return 0
		case n.Flagged:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(all, func(a, b Node) int { return rank(a) - rank(b) })
	return all[:MaxNodes-1], len(all) - (MaxNodes - 1)
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxLabel {
		return string(r[:maxLabel-1]) + "…"
	}
	return s
}

func draw(cg *cgraph.Graph, g Graph, nodes []Node, more int) error {
	cg.SetOverlap(false).SetFontSize(18).SetPad(0.3).SetSplines("true")
	if g.Path {
		cg.SetRankDir(cgraph.LRRank)
	}
	if g.Title != "" {
		cg.SetLabel(clip(g.Title)).SetLabelLocation(cgraph.TopLocation)
	}
	byID := map[string]*cgraph.Node{}
	var focus *cgraph.Node
	for i, n := range nodes {
		gn, err := cg.CreateNodeByName(fmt.Sprintf("n%d", i))
		if err != nil {
			return fmt.Errorf("chart node: %w", err)
		}
		label := n.Label
		if label == "" {
			label = n.ID
		}
		label = clip(label)
		gn.SetShape(cgraph.BoxShape).SetStyle(cgraph.FilledNodeStyle).SetFontName("Helvetica").SetFontSize(16).
			SetFillColor("#eef3fb").SetColor("#4a6fa5")
		if n.Flagged {
			why := "FLAGGED"
			if n.Why != "" {
				why += ": " + clip(n.Why)
			}
			label += "\n" + why
			gn.SetFillColor("#fde2e1").SetColor("#c0392b").SetFontColor("#8e1b10").SetPenWidth(2)
		}
		if n.Focus {
			gn.SetPenWidth(3).SetFillColor("#fff4cc").SetColor("#b58900")
			focus = gn
		}
		gn.SetLabel(label)
		byID[n.ID] = gn
	}
	type pair struct{ a, b string }
	labels := map[pair][]string{}
	var order []pair
	for _, e := range g.Edges {
		if byID[e.From] == nil || byID[e.To] == nil || e.From == e.To {
			continue
		}
		p := pair{e.From, e.To}
		if e.To < e.From {
			p = pair{e.To, e.From}
		}
		if _, ok := labels[p]; !ok {
			order = append(order, p)
		}
		if l := clip(e.Label); l != "" && !slices.Contains(labels[p], l) {
			labels[p] = append(labels[p], l)
		}
	}
	for i, p := range order {
		ge, err := cg.CreateEdgeByName(fmt.Sprintf("e%d", i), byID[p.a], byID[p.b])
		if err != nil {
			return fmt.Errorf("chart edge: %w", err)
		}
		ge.SetLabel(strings.Join(labels[p], "\n")).SetFontSize(13).SetFontColor("#555555").SetColor("#7f8c8d").SetDir(cgraph.NoneDir)
	}
	if more > 0 {
		mn, err := cg.CreateNodeByName("more")
		if err != nil {
			return fmt.Errorf("chart node: %w", err)
		}
		mn.SetLabel(fmt.Sprintf("+%d more", more)).SetShape(cgraph.PlainTextShape).SetFontSize(16).SetFontColor("#555555")
		if focus != nil {
			me, err := cg.CreateEdgeByName("more", focus, mn)
			if err != nil {
				return fmt.Errorf("chart edge: %w", err)
			}
			me.SetLabel(" ").SetStyle(cgraph.DashedEdgeStyle).SetColor("#bbbbbb").SetDir(cgraph.NoneDir)
		}
	}
	return nil
}
