package watch

import (
	"strings"
	"testing"
)

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"S-123", "s-1", "Salah Abdeslam born 1989-09-15", "passport EH123456 case C-1", "", "S-", "né 15/09/1989", "\x00S-1", "صلاح عبد السلام"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseTarget(s)
		if err != nil {
			return
		}
		switch w.Kind {
		case KindSubject:
			if !subjectID.MatchString(w.Subject) {
				t.Fatalf("ParseTarget(%q) = subject %q, not a subject id", s, w.Subject)
			}
		case KindQuery:
			if w.Parsed == nil || len(w.Keys) == 0 || w.Query != strings.TrimSpace(s) {
				t.Fatalf("ParseTarget(%q) = %+v, want a parsed query with keys", s, w)
			}
			for _, k := range w.Keys {
				if strings.Contains(k, "\x00") {
					t.Fatalf("ParseTarget(%q): index key %q holds a NUL, which would break the watch index", s, k)
				}
			}
		default:
			t.Fatalf("ParseTarget(%q) kind %q", s, w.Kind)
		}
		if len(strings.TrimSpace(s)) > maxTarget {
			t.Fatalf("ParseTarget accepted %d bytes", len(strings.TrimSpace(s)))
		}
	})
}

func FuzzParseTerm(f *testing.F) {
	for _, s := range []string{"30d", "2w", "72h", "1h30m", "0d", "-1d", "9999999999d", "d", "w", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseTerm(s)
		if err == nil && d <= 0 {
			t.Fatalf("ParseTerm(%q) = %v, want a positive term or an error", s, d)
		}
	})
}
