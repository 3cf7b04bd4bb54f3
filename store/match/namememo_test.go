package match

import (
	"fmt"
	"strings"
	"testing"
)

// variantNames is every spelling of testdata/variants.txt: Latin,
// Cyrillic, Arabic, Han, Hangul and kana names, whose readings the memo
// keeps too.
func variantNames(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, g := range readGroups(t, "testdata/variants.txt") {
		out = append(out, g...)
	}
	if len(out) < 500 {
		t.Fatalf("only %d names in variants.txt", len(out))
	}
	return out
}

// A person prepared through the memo compares exactly as one prepared
// without it — read first, read again from the memo, and read again once
// a small memo has dropped it — for every spelling of the hard pairs.
func TestNameMemoComparesAsPrepare(t *testing.T) {
	all := variantNames(t)
	memo := NewNameMemo(256) // 4 names a shard: most are dropped and read again
	for round := range 2 {
		for i, n := range all {
			o := all[(i*7+3)%len(all)]
			q := Prepare(Person{Names: []string{o}, BirthDates: []string{"1970-01-02"}})
			p := Person{Names: []string{n, o}, BirthDates: []string{"1970-01-02"}}
			want := Compare(q, Prepare(p), Options{})
			got := Compare(q, memo.Prepare(p), Options{})
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("round %d, %q against %q: through the memo %v, without %v", round, n, o, got, want)
			}
		}
	}
}

// The memo keeps at most its size, and what it keeps it returns.
func TestNameMemoIsBounded(t *testing.T) {
	memo := NewNameMemo(640)
	for i := range 20_000 {
		memo.read(fmt.Sprintf("Person%d Name%d", i, i%97))
	}
	held := 0
	for i := range memo.shards {
		held += len(memo.shards[i].m)
	}
	if held == 0 || held > 640 {
		t.Fatalf("memo of 640 holds %d names", held)
	}
	memo.read("Omar Haddad")
	s := &memo.shards[0]
	for i := range memo.shards {
		if _, ok := memo.shards[i].m["Omar Haddad"]; ok {
			s = &memo.shards[i]
		}
	}
	if r, ok := s.m["Omar Haddad"]; !ok || len(r.forms) != 1 || r.forms[0].String() != readNameOf("Omar Haddad").forms[0].String() {
		t.Fatalf("memo does not hold the name it just read: %v", r)
	}
	long := strings.Repeat("Omar Haddad ", 30)
	memo.read(long)
	for i := range memo.shards {
		if _, ok := memo.shards[i].m[long]; ok {
			t.Fatalf("memo keeps a name of %d bytes", len(long))
		}
	}
	if NewNameMemo(0) != nil {
		t.Fatal("a memo of size 0 should be none")
	}
	var none *NameMemo
	if got := none.Prepare(Person{Names: []string{"Omar Haddad"}}); len(got.ParsedNames()) != 1 {
		t.Fatalf("a nil memo prepares %v", got.ParsedNames())
	}
}
