package chart

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// neighbourhood is a focus subject with n neighbours, two of them flagged.
func neighbourhood(n int) Graph {
	g := Graph{Title: "Links of Karim BENALI", Nodes: []Node{{ID: "k", Label: "Karim BENALI", Focus: true}}}
	types := []string{"family", "shared-phone", "co-presence", "associate", "shared-address"}
	for i := range n {
		id := fmt.Sprint("s", i)
		node := Node{ID: id, Label: fmt.Sprintf("Subject %d Lastname", i)}
		if i == 3 || i == n-1 {
			node.Flagged, node.Why = true, "partner warning (unanswered)"
		}
		g.Nodes = append(g.Nodes, node)
		g.Edges = append(g.Edges, Edge{From: "k", To: id, Label: types[i%len(types)]})
		if i%4 == 1 {
			g.Edges = append(g.Edges, Edge{From: id, To: fmt.Sprint("s", i-1), Label: "shared-email"})
		}
	}
	g.Edges = append(g.Edges, Edge{From: "s0", To: "k", Label: "associate"}, Edge{From: "k", To: "ghost", Label: "x"})
	return g
}

func writeOut(t *testing.T, name string, b []byte) {
	if dir := os.Getenv("CHART_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestChart(t *testing.T) {
	ctx := context.Background()
	r, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()

	t.Run("neighbourhood over the cap", func(t *testing.T) {
		g := neighbourhood(40)
		svg, err := r.Chart(ctx, g, SVG)
		if err != nil {
			t.Fatal(err)
		}
		s := string(svg)
		for _, want := range []string{"Karim BENALI", "+12 more", "FLAGGED: partner warning", "shared&#45;phone", "family"} {
			if !strings.Contains(s, want) {
				t.Errorf("SVG lacks %q", want)
			}
		}
		// Both flagged subjects are kept although one came last.
		if n := strings.Count(s, "FLAGGED"); n != 2 {
			t.Errorf("SVG shows %d flagged subjects, want 2", n)
		}
		if n := strings.Count(s, "class=\"node\""); n != MaxNodes {
			t.Errorf("SVG has %d nodes, want %d", n, MaxNodes)
		}
		pngb, err := r.Chart(ctx, g, PNG)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(pngb))
		if err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 300 || b.Dy() < 300 {
			t.Errorf("PNG is %v, too small to read", b)
		}
		writeOut(t, "neighbourhood.svg", svg)
		writeOut(t, "neighbourhood.png", pngb)
	})

	t.Run("path", func(t *testing.T) {
		g := Graph{Title: "Sami T. → Omar KACEM", Path: true, Nodes: []Node{
			{ID: "a", Label: "Sami T.", Focus: true}, {ID: "b", Label: "Ali BENALI"}, {ID: "c", Label: "Karim BENALI"},
			{ID: "d", Label: "Farid HADDAD"}, {ID: "e", Label: "Omar KACEM", Flagged: true, Why: "partner warning"},
		}, Edges: []Edge{
			{From: "a", To: "b", Label: "co-presence (police stop 2015-11-14)"}, {From: "b", To: "c", Label: "family (cousin)"},
			{From: "c", To: "d", Label: "shared-phone 612345678"}, {From: "d", To: "e", Label: "co-presence (border crossing)"},
		}}
		pngb, err := r.Chart(ctx, g, PNG)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(pngb)); err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		svg, err := r.Chart(ctx, g, SVG)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(svg), "family (cousin)") || strings.Contains(string(svg), "more") {
			t.Errorf("path SVG is wrong:\n%s", svg)
		}
		writeOut(t, "path.png", pngb)
	})

	t.Run("errors", func(t *testing.T) {
		if _, err := r.Chart(ctx, Graph{}, PNG); !errors.Is(err, ErrEmpty) {
			t.Errorf("empty chart error = %v, want ErrEmpty", err)
		}
		if _, err := r.Chart(ctx, neighbourhood(2), "gif"); err == nil {
			t.Error("gif accepted")
		}
	})

	t.Run("hostile labels", func(t *testing.T) {
		g := Graph{Nodes: []Node{{ID: "a", Label: "<b>\"x\" & {y} \\ \n" + strings.Repeat("ж", 100)}, {ID: "b", Label: "]; digraph { evil"}},
			Edges: []Edge{{From: "a", To: "b", Label: "\\N \\G \"</text>"}}}
		svg, err := r.Chart(ctx, g, SVG)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(svg), "<b>") {
			t.Error("SVG carries unescaped markup from a label")
		}
	})
}
