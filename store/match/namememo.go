package match

import (
	"hash/maphash"
	"sync"

	"github.com/vigie/vigie/store/names"
)

// NameMemo remembers how Prepare read each name it was given: the name
// parsed, its readings (names.Readings) parsed, and its Chinese sounds.
// Reading a name is a fifth of what a lookup spends on a candidate it has
// not prepared before, and the candidates of one lookup share their names
// (they were found by them): in the lookups of the generated population
// at 1M records, seven name strings in eight had been read before. The
// resolver's cache keeps prepared records; the memo keeps names, which
// many records share.
//
// A parsed name is shared between the persons prepared from it, as one
// prepared person already is between concurrent comparisons: comparing
// never writes into a name. The memo is bounded: it is cut in shards, and
// a shard that holds its share of the bound is emptied before it takes
// another name. Safe for concurrent use; a nil memo reads every name.
type NameMemo struct {
	seed     maphash.Seed
	perShard int
	shards   [nameMemoShards]nameShard
}

const nameMemoShards = 64

// maxMemoName is the longest name the memo keeps, in bytes: a name is a
// few dozen, and a memo of 50,000 names must not hold 50,000 queries of
// 10 KB each. A longer one is read every time.
const maxMemoName = 256

type nameShard struct {
	mu sync.Mutex
	m  map[string]readName
}

// readName is what Prepare learns of one name: its parsed forms (the
// name, then its readings) and its Chinese sounds (names.HanSounds).
type readName struct {
	han   string
	forms []names.Name
}

// NewNameMemo returns a memo of about size names, or nil when size ≤ 0.
func NewNameMemo(size int) *NameMemo {
	if size <= 0 {
		return nil
	}
	return &NameMemo{seed: maphash.MakeSeed(), perShard: max(1, size/nameMemoShards)}
}

// Prepare is Prepare through the memo.
func (m *NameMemo) Prepare(p Person) Person { return prepare(p, m) }

// FromProperties is FromProperties through the memo.
func (m *NameMemo) FromProperties(schema string, props map[string][]string) Person {
	return prepare(fromProperties(schema, props), m)
}

// read returns what Prepare learns of the name n, from the memo when it
// holds it.
func (m *NameMemo) read(n string) readName {
	if m == nil || len(n) > maxMemoName {
		return readNameOf(n)
	}
	s := &m.shards[maphash.String(m.seed, n)%nameMemoShards]
	s.mu.Lock()
	r, ok := s.m[n]
	s.mu.Unlock()
	if ok {
		return r
	}
	r = readNameOf(n)
	s.mu.Lock()
	if s.m == nil || len(s.m) >= m.perShard {
		s.m = make(map[string]readName, min(m.perShard, 1024))
	}
	s.m[n] = r
	s.mu.Unlock()
	return r
}

func readNameOf(n string) readName {
	r := readName{han: names.HanSounds(n), forms: []names.Name{names.Parse(n)}}
	// A name in Chinese characters or Hangul is also compared as
	// Japanese, Korean or Mandarin reads it (names.Readings): 麻原彰晃
	// is Asahara Shoko, 金正恩 Kim Jong Un, 시진핑 Xi Jinping.
	for _, rd := range names.Readings(n) {
		r.forms = append(r.forms, names.Parse(rd))
	}
	return r
}
