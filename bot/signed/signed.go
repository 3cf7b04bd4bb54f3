// Package signed seals the context of a Mattermost button so that vigie can
// trust it when the server posts it back.
//
// Mattermost does not sign action callbacks: anyone who can reach vigie's
// listener could post any context. A sealed context carries the action, its
// arguments, the channel the button was posted in, an expiry and a random
// nonce, all under an HMAC-SHA256 of a secret only vigie knows. Open refuses
// a context that was altered, has expired, names another channel, or — for
// single-use actions — was already used.
package signed

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Errors Open returns.
var (
	ErrMalformed = errors.New("malformed button context")
	ErrTampered  = errors.New("button context signature does not match")
	ErrExpired   = errors.New("button has expired")
	ErrChannel   = errors.New("button belongs to another channel")
	ErrReplayed  = errors.New("button was already used")
)

// MaxLen bounds a sealed context; Open refuses longer ones before any work.
const MaxLen = 8 << 10

// Context is what a button carries.
type Context struct {
	Action  string            `json:"a"`
	Args    map[string]string `json:"g,omitempty"`
	Channel string            `json:"c"`
	// Expires is Unix seconds.
	Expires int64  `json:"e"`
	Nonce   string `json:"n"`
}

// Sealer seals and opens contexts. It is safe for concurrent use.
type Sealer struct {
	key []byte
	now func() time.Time

	mu   sync.Mutex
	used map[string]int64 // nonce → expiry (Unix seconds)
}

// New returns a Sealer for key (at least 32 bytes). now is the clock.
// It returns an error when the key is too short.
func New(key []byte, now func() time.Time) (*Sealer, error) {
	if len(key) < 32 {
		return nil, fmt.Errorf("action secret is %d bytes, want at least 32", len(key))
	}
	if now == nil {
		now = time.Now
	}
	return &Sealer{key: append([]byte(nil), key...), now: now, used: map[string]int64{}}, nil
}

// Seal returns the sealed form of c, valid for ttl, with a fresh nonce.
// It returns an error only when the system's random source fails.
func (s *Sealer) Seal(c Context, ttl time.Duration) (string, error) {
	var n [12]byte
	if _, err := rand.Read(n[:]); err != nil {
		return "", fmt.Errorf("nonce: %w", err)
	}
	c.Nonce = hex.EncodeToString(n[:])
	c.Expires = s.now().Add(ttl).Unix()
	body, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("seal context: %w", err)
	}
	b := base64.RawURLEncoding.EncodeToString(body)
	return b + "." + base64.RawURLEncoding.EncodeToString(s.mac(b)), nil
}

func (s *Sealer) mac(b string) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("vigie-button-v1\x00"))
	m.Write([]byte(b))
	return m.Sum(nil)
}

// Open checks sealed and returns its context. channel is the channel the
// server says the button was pressed in. When once is set the nonce is
// spent: a second Open of the same context returns ErrReplayed until the
// context expires. It returns ErrMalformed, ErrTampered, ErrExpired,
// ErrChannel or ErrReplayed.
func (s *Sealer) Open(sealed, channel string, once bool) (Context, error) {
	if len(sealed) > MaxLen {
		return Context{}, ErrMalformed
	}
	b, sig, ok := strings.Cut(sealed, ".")
	if !ok {
		return Context{}, ErrMalformed
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return Context{}, ErrMalformed
	}
	// The signature is checked before the body is decoded, so nothing an
	// attacker writes reaches the JSON decoder.
	if !hmac.Equal(got, s.mac(b)) {
		return Context{}, ErrTampered
	}
	body, err := base64.RawURLEncoding.DecodeString(b)
	if err != nil {
		return Context{}, ErrMalformed
	}
	var c Context
	if err := json.Unmarshal(body, &c); err != nil || c.Nonce == "" || c.Action == "" {
		return Context{}, ErrMalformed
	}
	now := s.now().Unix()
	if now >= c.Expires {
		return Context{}, ErrExpired
	}
	if c.Channel != channel {
		return Context{}, ErrChannel
	}
	if once {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, dup := s.used[c.Nonce]; dup {
			return Context{}, ErrReplayed
		}
		s.forget(now)
		s.used[c.Nonce] = c.Expires
	}
	return c, nil
}

// forget drops spent nonces whose contexts have expired: an expired context
// is refused anyway, so its nonce need not be kept. Callers hold mu.
func (s *Sealer) forget(now int64) {
	if len(s.used) < 1024 {
		return
	}
	for n, exp := range s.used {
		if now >= exp {
			delete(s.used, n)
		}
	}
}
