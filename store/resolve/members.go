package resolve

import (
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
)

// memberCache mirrors r/<record> → subject for the records resolution
// touched most recently: the hot path asks it for every candidate. It holds
// hundreds of thousands of records, so it holds no pointers: a record is
// known by a 128-bit hash of its key (two independent 64-bit hashes; two
// keys would collide about once in 10²⁵ caches of this size) and its
// subject by the number of its id ("S-<n>", as newSubject writes them; 0
// for none). An id of another form is not cached: the store answers it.
//
// Eviction is by generations, an approximation of least recently used that
// needs no list: records go into the current map; when it is full it
// becomes the old one and the oldest is dropped; a record found in the old
// map moves back into the current.
type memberCache struct {
	mu       sync.Mutex
	s1, s2   maphash.Seed
	cur, old map[[2]uint64]uint64
	gen      int // records a generation holds
}

func newMemberCache(records int) *memberCache {
	gen := max(1, records/2)
	return &memberCache{s1: maphash.MakeSeed(), s2: maphash.MakeSeed(), cur: make(map[[2]uint64]uint64, gen), gen: gen}
}

func (c *memberCache) hash(record string) [2]uint64 {
	return [2]uint64{maphash.String(c.s1, record), maphash.String(c.s2, record)}
}

// subjectNumber is the number of a subject id, 0 for none, and false for an
// id not of the form newSubject writes.
func subjectNumber(subject string) (uint64, bool) {
	if subject == "" {
		return 0, true
	}
	digits, ok := strings.CutPrefix(subject, "S-")
	if !ok || digits == "" || digits[0] == '0' {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	return n, err == nil
}

// subjectID is the id of subject number n (newSubject's form), "" for 0.
func subjectID(n uint64) string {
	if n == 0 {
		return ""
	}
	return "S-" + strconv.FormatUint(n, 10)
}

func (c *memberCache) get(record string) (string, bool) {
	h := c.hash(record)
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.cur[h]; ok {
		return subjectID(n), true
	}
	n, ok := c.old[h]
	if !ok {
		return "", false
	}
	delete(c.old, h)
	c.put(h, n)
	return subjectID(n), true
}

func (c *memberCache) add(record, subject string) {
	h := c.hash(record)
	n, ok := subjectNumber(subject)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok {
		delete(c.cur, h)
		delete(c.old, h)
		return
	}
	delete(c.old, h)
	c.put(h, n)
}

// put adds to the current generation, starting a new one when it is full.
// Called with mu held.
func (c *memberCache) put(h [2]uint64, n uint64) {
	if _, ok := c.cur[h]; !ok && len(c.cur) >= c.gen {
		c.old, c.cur = c.cur, make(map[[2]uint64]uint64, c.gen)
	}
	c.cur[h] = n
}
