package graph

import (
	"slices"
	"strings"

	"github.com/vigie/vigie/store/graph/chart"
)

// SummaryChart describes a summary's neighbourhood for chart.Chart: the
// subject, its direct links and the subjects on its flagged paths, with
// edges labelled by evidence type. label names a subject (nil: its id).
func SummaryChart(s Summary, label func(subject string) string) chart.Graph {
	if label == nil {
		label = func(x string) string { return x }
	}
	c := chart.Graph{Title: "Links of " + label(s.Subject)}
	nodes := map[string]int{}
	addNode := func(id string) {
		if _, ok := nodes[id]; !ok {
			nodes[id] = len(c.Nodes)
			c.Nodes = append(c.Nodes, chart.Node{ID: id, Label: label(id), Focus: id == s.Subject})
		}
	}
	addNode(s.Subject)
	// Flagged paths first, so that the chart's cap keeps them.
	for _, p := range s.Flagged {
		for _, n := range p.Subjects {
			addNode(n)
		}
		last := nodes[p.Subjects[len(p.Subjects)-1]]
		c.Nodes[last].Flagged, c.Nodes[last].Why = true, p.Why
		for _, h := range p.Hops {
			c.Edges = append(c.Edges, chart.Edge{From: h.From, To: h.To, Label: hopLabel(h.Evidence)})
		}
	}
	for _, gr := range s.Direct {
		for _, l := range gr.Links {
			addNode(l.Subject)
			c.Edges = append(c.Edges, chart.Edge{From: s.Subject, To: l.Subject, Label: string(gr.Type)})
		}
	}
	return c
}

// PathsChart describes paths between two subjects for chart.Chart, laid
// out left to right. label names a subject (nil: its id).
func PathsChart(paths []Path, label func(subject string) string) chart.Graph {
	if label == nil {
		label = func(x string) string { return x }
	}
	c := chart.Graph{Path: true}
	seen := map[string]bool{}
	for i, p := range paths {
		if i == 0 {
			c.Title = label(p.Subjects[0]) + " → " + label(p.Subjects[len(p.Subjects)-1])
		}
		for j, n := range p.Subjects {
			if !seen[n] {
				seen[n] = true
				c.Nodes = append(c.Nodes, chart.Node{ID: n, Label: label(n), Focus: j == 0})
			}
		}
		for _, h := range p.Hops {
			c.Edges = append(c.Edges, chart.Edge{From: h.From, To: h.To, Label: hopLabel(h.Evidence)})
		}
	}
	return c
}

// hopLabel names the evidence types of a hop, with the shared value or the
// role when there is one kind of evidence.
func hopLabel(evs []Evidence) string {
	var types []string
	for _, e := range evs {
		if !slices.Contains(types, string(e.Type)) {
			types = append(types, string(e.Type))
		}
	}
	if len(types) == 1 && len(evs) > 0 {
		if d := evs[0].Value + evs[0].Role; d != "" {
			return types[0] + " (" + d + ")"
		}
	}
	return strings.Join(types, ", ")
}
