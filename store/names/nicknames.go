package names

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed data/nicknames_carltonnorthern.csv
var nicknamesCarlton []byte

//go:embed data/nicknames_pseudopeople.csv
var nicknamesPseudo []byte

// The table of short forms in other languages (Sasha, Pepe, Beppe) is
// vigie's own; see its header.
//
//go:embed data/diminutives.txt
var diminutives []byte

// nicknameTable maps a token to the formal names it is a form of: a
// nickname to its formal names (bob → robert), a formal name to itself and
// to other formal names that share it.
type nicknameTable map[string][]string

// nicknames is read once, on first use, from the embedded tables.
var nicknames = sync.OnceValue(func() nicknameTable {
	t := nicknameTable{}
	add := func(formal, nick string) {
		formal, nick = strings.TrimSpace(formal), strings.TrimSpace(nick)
		if formal == "" || nick == "" || formal == nick {
			return
		}
		if !slices.Contains(t[nick], formal) {
			t[nick] = append(t[nick], formal)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(nicknamesCarlton))
	for sc.Scan() {
		f := strings.Split(strings.ToLower(sc.Text()), ",")
		if len(f) == 3 && f[1] == "has_nickname" {
			add(f[0], f[2])
		}
	}
	sc = bufio.NewScanner(bytes.NewReader(nicknamesPseudo))
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		f := strings.Split(strings.ToLower(sc.Text()), ",")
		for _, nick := range f[1:] {
			add(f[0], nick)
		}
	}
	sc = bufio.NewScanner(bytes.NewReader(diminutives))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		formal, short, ok := strings.Cut(line, ":")
		if !ok || line[0] == '#' {
			continue
		}
		for _, f := range strings.Fields(formal) {
			for _, nick := range strings.Fields(short) {
				add(f, nick)
			}
		}
	}
	return t
})

// formalNames returns the formal names tok is a nickname of, in table
// order; nil when tok is no known nickname. A nickname spelt with -ie
// or -y is looked up both ways (Peggie, Peggy: the tables list Peggy
// under Margaret and Peggie under Margarita only).
func formalNames(tok string) []string { return formalTable()[tok] }

// formalTable holds formalNames for every word the nickname tables list,
// in either spelling of its ending, computed once: Nickname asks it for
// both words of every pair of given names the scorer compares, and merging
// the two spellings' lists on each call was a seventh of what resolution
// allocated.
var formalTable = sync.OnceValue(func() map[string][]string {
	t := nicknames()
	out := make(map[string][]string, len(t)*2)
	merged := func(tok string) []string {
		fs := t[tok]
		if alt := ieY(tok); alt != "" {
			for _, f := range t[alt] {
				if f != tok && !slices.Contains(fs, f) {
					fs = append(slices.Clip(fs), f)
				}
			}
		}
		return fs
	}
	for k := range t {
		for _, tok := range []string{k, ieY(k)} {
			if _, done := out[tok]; tok != "" && !done {
				if fs := merged(tok); len(fs) > 0 {
					out[tok] = slices.Clip(fs)
				}
			}
		}
	}
	return out
})

// englishGivenName reports whether tok is a given name of the nickname
// tables, formal (John, Carrie) or short (Jimmy).
func englishGivenName(tok string) bool {
	return givenNames()[tok]
}

// givenNames are the names of the nickname tables, formal and short.
var givenNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for nick, formals := range nicknames() {
		m[nick] = true
		for _, f := range formals {
			m[f] = true
		}
	}
	return m
})

// ieY returns the other spelling of a diminutive's ending (Peggie, Peggy;
// Bobby, Bobbie), or "" when tok has neither.
func ieY(tok string) string {
	switch {
	case len(tok) >= 4 && strings.HasSuffix(tok, "ie"):
		return tok[:len(tok)-2] + "y"
	case len(tok) >= 3 && strings.HasSuffix(tok, "y"):
		return tok[:len(tok)-1] + "ie"
	}
	return ""
}

// Nickname reports whether a and b are forms of the same given name: one
// is a nickname of the other (Bob, Robert) or both are nicknames of one
// formal name (Bob, Rob).
//
// Two names meet through a formal name they are both forms of only when
// it is longer than either (Bob and Rob through Robert, Beth and Lisa
// through Elizabeth): the tables list short names as formal ones too (Bill
// for Robert and William alike, Chris for Christina and Christopher), and
// through those William and Robert were one name. The pairs of twonames.txt
// are never one name.
func Nickname(a, b string) bool {
	if a == b || twoNames()[namePair(a, b)] {
		return false
	}
	fa, fb := formalNames(a), formalNames(b)
	if slices.Contains(fa, b) || slices.Contains(fb, a) || formOf(fa, b) || formOf(fb, a) {
		return true
	}
	for _, x := range fa {
		if len(x) > len(a) && len(x) > len(b) && slices.Contains(fb, x) {
			return true
		}
	}
	return false
}

//go:embed data/twonames.txt
var twoNamesText []byte

// twoNames holds the pairs of twonames.txt, each as namePair writes it.
var twoNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(twoNamesText))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			m[namePair(f[0], f[1])] = true
		}
	}
	return m
})

// namePair is a key for two names in either order.
func namePair(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " " + b
}

// formOf reports whether one of formals is another language's form of the
// given name tok (Sasha is Aleksandr's, and so Oleksandr's and
// Aliaksandr's: see the East Slavic table).
func formOf(formals []string, tok string) bool {
	if len(formals) == 0 {
		return false
	}
	g := givenName(tok)
	if g < 0 {
		return false
	}
	for _, f := range formals {
		if givenName(f) == g {
			return true
		}
	}
	return false
}
