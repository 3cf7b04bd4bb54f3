package answer

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vigie/vigie/store"
)

// Person is what vigie knows of a user: roles and clearance, from the
// agency's Mattermost (team and group membership) through a Directory.
type Person struct {
	ID, Name   string
	Officer    bool // member of the officers' team
	Supervisor bool
	Admin      bool
	// Bot accounts (vigie itself) are not people: they do not count when
	// vigie checks a channel's members' clearances.
	Bot bool
	// Clearance is the highest classification the person may see;
	// Compartments the compartments they are read into.
	Clearance    string
	Compartments []string
}

// Directory answers who people are and who is in a channel.
type Directory interface {
	Person(ctx context.Context, userID string) (Person, error)
	// Members lists the user ids of a channel's members.
	Members(ctx context.Context, channelID string) ([]string, error)
}

// Levels orders classifications from lowest to highest. A record whose
// classification is not listed is treated as the highest: unknown means
// restricted, never open.
type Levels []string

// DefaultLevels are the classifications vigie knows by default.
func DefaultLevels() Levels {
	return Levels{"PUBLIC", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"}
}

func (l Levels) rank(c string) int {
	c = strings.ToUpper(strings.TrimSpace(c))
	if c == "" {
		c = "OFFICIAL"
	}
	if i := slices.Index(l, c); i >= 0 {
		return i
	}
	return len(l)
}

// Cleared reports whether p may see rec: its level is at or below p's
// clearance and p holds every compartment of the record.
func (l Levels) Cleared(p Person, rec store.Record) bool {
	if p.Clearance == "" || l.rank(rec.Classification) > l.rank(p.Clearance) {
		return false
	}
	for _, c := range rec.Compartments {
		if !slices.Contains(p.Compartments, c) {
			return false
		}
	}
	return true
}

// StaticDirectory is a Directory from fixed data: the demo console and
// tests use it; vigie serve asks Mattermost.
type StaticDirectory struct {
	People   map[string]Person
	Channels map[string][]string
}

// Person returns the person with id, or an unknown person with no role.
func (d StaticDirectory) Person(_ context.Context, id string) (Person, error) {
	if p, ok := d.People[id]; ok {
		return p, nil
	}
	return Person{ID: id, Name: id}, nil
}

// Members returns the channel's members.
func (d StaticDirectory) Members(_ context.Context, ch string) ([]string, error) {
	return d.Channels[ch], nil
}

// limiter is a per-user token bucket: Burst requests at once, refilled at
// Rate per second.
type limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(rate, burst float64, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: burst, buckets: map[string]*bucket{}, now: now}
}

// allow takes a token for user; false when the user is over the limit.
func (l *limiter) allow(user string) bool {
	if l.rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[user]
	if !ok {
		if len(l.buckets) > 100_000 { // bound memory: forget idle users
			l.buckets = map[string]*bucket{}
		}
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[user] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
