package resolve

import (
	"fmt"
	"testing"
)

// The posting cache is bounded by the postings it holds, not only by its
// lists: long lists push old ones out.
func TestPostingCacheBoundsPostings(t *testing.T) {
	c, err := newPostingCache(100, 50)
	if err != nil {
		t.Fatal(err)
	}
	list := func(n int) plist {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("r%03d", i)
		}
		return packList(out)
	}
	for i := 0; i < 10; i++ {
		c.add(fmt.Sprintf("k%d", i), list(20))
		if c.held > 50 && c.lru.Len() > 1 {
			t.Fatalf("after %d lists: %d postings held, bound 50", i+1, c.held)
		}
	}
	if _, ok := c.peek("k9"); !ok {
		t.Fatal("the newest list was evicted")
	}
	if _, ok := c.peek("k0"); ok {
		t.Fatal("the oldest list is still held")
	}
	c.add("k9", list(5)) // replacing a list recounts it
	c.remove("k8")
	total := 0
	for _, k := range c.lru.Keys() {
		v, _ := c.lru.Peek(k)
		total += v.len()
	}
	if total != c.held {
		t.Fatalf("held %d, lists hold %d", c.held, total)
	}
}

// packList packs sorted records (the tests' lists).
func packList(recs []string) plist {
	n := 0
	for _, r := range recs {
		n += len(r)
	}
	var b listBuilder
	b.grow(n, len(recs))
	for _, r := range recs {
		b.add(r)
	}
	return b.list()
}
