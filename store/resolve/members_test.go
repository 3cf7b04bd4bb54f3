package resolve

import (
	"fmt"
	"testing"
)

func TestMemberCache(t *testing.T) {
	c := newMemberCache(10) // generations of 5 records
	c.add("src\x00a", "S-17")
	c.add("src\x00b", "") // left its subject: cached as none
	c.add("src\x00c", "S-018")
	c.add("src\x00d", "X-4")
	for rec, want := range map[string]string{"src\x00a": "S-17", "src\x00b": ""} {
		if got, ok := c.get(rec); !ok || got != want {
			t.Errorf("get(%q) = %q, %v; want %q, true", rec, got, ok, want)
		}
	}
	for _, rec := range []string{"src\x00c", "src\x00d", "src\x00e", "src", "src\x00"} {
		if got, ok := c.get(rec); ok {
			t.Errorf("get(%q) = %q, true; want a miss (an id newSubject does not write, or never added)", rec, got)
		}
	}
	// An id of another form replaces a cached one by a miss, never by the
	// stale subject.
	c.add("src\x00a", "S-x")
	if got, ok := c.get("src\x00a"); ok {
		t.Errorf("after an uncacheable id, get = %q, true", got)
	}
	c.add("src\x00a", "S-9")
	if got, _ := c.get("src\x00a"); got != "S-9" {
		t.Errorf("get after add = %q, want S-9", got)
	}

	// Bounded: never more than two generations; a record read again
	// survives records added after it.
	for i := range 100 {
		c.add(fmt.Sprint("r", i), fmt.Sprint("S-", i+1))
		if i%3 == 0 {
			if got, ok := c.get("src\x00a"); !ok || got != "S-9" {
				t.Fatalf("after %d records, the record read every third lost: %q, %v", i+1, got, ok)
			}
		}
		if n := c.len(); n > 10 {
			t.Fatalf("after %d records the cache holds %d, bound 10", i+1, n)
		}
	}
	if _, ok := c.get("r0"); ok {
		t.Error("the oldest record is still held")
	}
	if got, ok := c.get("r99"); !ok || got != "S-100" {
		t.Errorf("the newest record: %q, %v", got, ok)
	}
	// A record moved back from the old generation keeps its subject, and
	// a later add wins over it.
	if got, ok := c.get("r96"); !ok || got != "S-97" {
		t.Errorf("r96: %q, %v", got, ok)
	}
	c.add("r96", "S-5")
	if got, _ := c.get("r96"); got != "S-5" {
		t.Errorf("r96 after add: %q", got)
	}
}

// len is the number of records held (the tests' bound check).
func (c *memberCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.old)
}
