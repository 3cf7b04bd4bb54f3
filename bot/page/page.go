// Package page cuts long answers into posts Mattermost accepts and keeps
// the pages not yet shown, so a "More" button can fetch them.
package page

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// PostLimit is the most runes Mattermost keeps in one post.
const PostLimit = 16383

// Split cuts text into pages of at most max runes each, preferring line
// boundaries, then spaces, then any rune boundary. Joining the pages gives
// text back exactly: nothing is dropped. max below 16 is taken as 16.
func Split(text string, max int) []string {
	max = maxOf(max, 16)
	var pages []string
	for utf8.RuneCountInString(text) > max {
		// cut is the byte offset just after max runes.
		cut, n := 0, 0
		for i := range text {
			if n == max {
				cut = i
				break
			}
			n++
		}
		head := text[:cut]
		at := strings.LastIndexByte(head, '\n')
		if at < len(head)/2 {
			if sp := strings.LastIndexByte(head, ' '); sp > at {
				at = sp
			}
		}
		if at < len(head)/2 {
			at = len(head) - 1 // no good boundary: cut at the limit
		}
		pages = append(pages, text[:at+1])
		text = text[at+1:]
	}
	if text != "" || len(pages) == 0 {
		pages = append(pages, text)
	}
	return pages
}

func maxOf(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// ErrGone is returned by Store.Next for an unknown or expired token.
var ErrGone = errors.New("these pages have expired; ask again")

// Store keeps the remaining pages of answers, keyed by random tokens, for
// a limited time. It is safe for concurrent use.
type Store struct {
	ttl time.Duration
	now func() time.Time
	max int

	mu    sync.Mutex
	items map[string]item
}

type item struct {
	owner string
	pages []string
	exp   time.Time
}

// NewStore returns a Store that keeps pages for ttl and at most max
// answers (the oldest expiring first when full).
func NewStore(ttl time.Duration, max int, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{ttl: ttl, now: now, max: max, items: map[string]item{}}
}

// Put keeps pages for owner (the user who asked) and returns their token.
// It returns an error only when the system's random source fails.
func (s *Store) Put(owner string, pages []string) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	tok := hex.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, it := range s.items {
		if !now.Before(it.exp) {
			delete(s.items, k)
		}
	}
	for len(s.items) >= s.max && s.max > 0 {
		var oldest string
		var at time.Time
		for k, it := range s.items {
			if oldest == "" || it.exp.Before(at) {
				oldest, at = k, it.exp
			}
		}
		delete(s.items, oldest)
	}
	s.items[tok] = item{owner: owner, pages: pages, exp: now.Add(s.ttl)}
	return tok, nil
}

// Next returns the next page for token and how many pages remain after
// it. Only the owner may read the pages. It returns ErrGone when the token
// is unknown, expired, spent, or belongs to someone else.
func (s *Store) Next(token, owner string) (string, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[token]
	if !ok || it.owner != owner || !s.now().Before(it.exp) || len(it.pages) == 0 {
		return "", 0, ErrGone
	}
	p := it.pages[0]
	it.pages = it.pages[1:]
	if len(it.pages) == 0 {
		delete(s.items, token)
	} else {
		s.items[token] = it
	}
	return p, len(it.pages), nil
}
