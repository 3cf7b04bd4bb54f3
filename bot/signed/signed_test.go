package signed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newSealer(t *testing.T) (*Sealer, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	s, err := New([]byte(strings.Repeat("k", 32)), c.now)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestOpen(t *testing.T) {
	s, c := newSealer(t)
	seal := func(ch string) string {
		v, err := s.Seal(Context{Action: "ack", Args: map[string]string{"alert": "A-1"}, Channel: ch}, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	other, _ := New([]byte(strings.Repeat("x", 32)), c.now)
	foreign, _ := other.Seal(Context{Action: "ack", Channel: "ch1"}, time.Hour)

	good := seal("ch1")
	body, sig, _ := strings.Cut(good, ".")
	flipped := []byte(body)
	flipped[3] ^= 1

	tests := []struct {
		name    string
		sealed  string
		channel string
		want    error
	}{
		{"valid", seal("ch1"), "ch1", nil},
		{"tampered body", string(flipped) + "." + sig, "ch1", ErrTampered},
		{"signed by another key", foreign, "ch1", ErrTampered},
		{"other channel", seal("ch1"), "ch2", ErrChannel},
		{"no dot", "abc", "ch1", ErrMalformed},
		{"bad base64 signature", body + ".***", "ch1", ErrMalformed},
		{"empty", "", "ch1", ErrMalformed},
		{"huge", strings.Repeat("a", MaxLen+1), "ch1", ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Open(tt.sealed, tt.channel, true)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if err == nil && (got.Action != "ack" || got.Args["alert"] != "A-1") {
				t.Fatalf("Open = %+v, want the sealed context", got)
			}
		})
	}
}

func TestOpenReplayAndExpiry(t *testing.T) {
	s, c := newSealer(t)
	v, err := s.Seal(Context{Action: "ack", Channel: "ch"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(v, "ch", false); err != nil {
		t.Fatalf("first reusable Open = %v", err)
	}
	if _, err := s.Open(v, "ch", false); err != nil {
		t.Fatalf("second reusable Open = %v, want nil", err)
	}
	if _, err := s.Open(v, "ch", true); err != nil {
		t.Fatalf("first single-use Open = %v", err)
	}
	if _, err := s.Open(v, "ch", true); !errors.Is(err, ErrReplayed) {
		t.Fatalf("replayed Open = %v, want ErrReplayed", err)
	}
	w, _ := s.Seal(Context{Action: "ack", Channel: "ch"}, time.Hour)
	c.t = c.t.Add(time.Hour)
	if _, err := s.Open(w, "ch", true); !errors.Is(err, ErrExpired) {
		t.Fatalf("expired Open = %v, want ErrExpired", err)
	}
}

func TestNewShortKey(t *testing.T) {
	if _, err := New([]byte("short"), nil); err == nil {
		t.Fatal("New(short key) = nil error, want refusal")
	}
}

func FuzzOpen(f *testing.F) {
	s, _ := New([]byte(strings.Repeat("k", 32)), func() time.Time { return time.Unix(1e9, 0) })
	v, _ := s.Seal(Context{Action: "ack", Channel: "ch"}, time.Hour)
	f.Add(v, "ch")
	f.Add("e30.", "ch")
	f.Add("..", "")
	f.Fuzz(func(t *testing.T, sealed, ch string) {
		c, err := s.Open(sealed, ch, true)
		if err == nil && (c.Channel != ch || c.Nonce == "" || c.Action == "") {
			t.Fatalf("Open(%q) accepted %+v", sealed, c)
		}
	})
}

func BenchmarkSealOpen(b *testing.B) {
	s, _ := New([]byte(strings.Repeat("k", 32)), nil)
	c := Context{Action: "ack", Args: map[string]string{"alert": "A-123"}, Channel: "ch"}
	for b.Loop() {
		v, err := s.Seal(c, time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Open(v, "ch", true); err != nil {
			b.Fatal(err)
		}
	}
}
