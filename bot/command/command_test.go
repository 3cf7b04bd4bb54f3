package command

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Command
	}{
		{"lookup Salah Abdeslam born 1989-09-15 case C-2015-113", Command{Verb: Lookup, Text: "Salah Abdeslam born 1989-09-15", Case: "C-2015-113"}},
		{"/vigie LOOKUP --dob 1989-09-15 --limit 5 Abdeslam", Command{Verb: Lookup, Text: "born 1989-09-15 Abdeslam", Limit: 5}},
		{"vigie find صلاح عبد السلام", Command{Verb: Lookup, Text: "صلاح عبد السلام"}},
		{"links S-12 depth 2", Command{Verb: Links, Text: "S-12", Depth: 2}},
		{"path S-12 S-40", Command{Verb: Path, A: "S-12", B: "S-40"}},
		{`path "Salah Abdeslam" to "Mohamed Abrini"`, Command{Verb: Path, A: "Salah Abdeslam", B: "Mohamed Abrini"}},
		{"path Karim Benali -- S-4", Command{Verb: Path, A: "Karim Benali", B: "S-4"}},
		{"watch S-12 for 30d case C-1 depth 1", Command{Verb: Watch, Text: "S-12", Term: "30d", Case: "C-1", Depth: 1}},
		{"watch Salah Abdeslam born 1989-09-15", Command{Verb: Watch, Text: "Salah Abdeslam born 1989-09-15"}},
		{"watches", Command{Verb: Watches}},
		{"unwatch W-3", Command{Verb: Unwatch, Text: "W-3"}},
		{"case open C-9", Command{Verb: CaseOpen, Case: "C-9"}},
		{"case CLOSE C-9", Command{Verb: CaseClose, Case: "C-9"}},
		{"judge different police/1 visa/2", Command{Verb: Judge, A: "police/1", B: "visa/2"}},
		{"judge same police/1 visa/2", Command{Verb: Judge, Same: true, A: "police/1", B: "visa/2"}},
		{"audit subject S-5", Command{Verb: Audit, Text: "S-5"}},
		{"rules", Command{Verb: Rules}},
		{"help watch", Command{Verb: Help, Topic: "watch"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseErrorsTeach(t *testing.T) {
	for _, in := range []string{"lookup", "lookup case", "links", "path S-1", "watch", "watch S-1 depth 9", "unwatch", "case", "judge maybe a b", "frobnicate x", `lookup "unclosed`, strings.Repeat("lookup x ", 300), "lookup --limit 0 x"} {
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) || e.Msg == "" || e.Usage == "" {
			t.Errorf("Parse(%.40q) = %v, want an *Error with usage", in, err)
		}
	}
	if _, err := Parse("   \t "); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank: %v, want ErrEmpty", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"lookup Salah born 1989", `path "a b" to c`, "watch S-1 for 30d depth 2", "case open C-1", "\x00\xff", `""`, "vigie vigie"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.Is(err, ErrEmpty) && !errors.As(err, &e) {
				t.Fatalf("unexpected error type %T", err)
			}
			return
		}
		if c.Verb == "" {
			t.Fatalf("no verb for %q", s)
		}
		if c.Depth < 0 || c.Depth > MaxDepth || c.Limit < 0 || c.Limit > MaxLimit {
			t.Fatalf("out of range: %+v", c)
		}
	})
}
