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
	return t
})

// formalNames returns the formal names tok is a nickname of, in table
// order; nil when tok is no known nickname.
func formalNames(tok string) []string { return nicknames()[tok] }

// Nickname reports whether a and b are forms of the same given name: one
// is a nickname of the other (Bob, Robert) or both are nicknames of one
// formal name (Bob, Rob).
func Nickname(a, b string) bool {
	if a == b {
		return false
	}
	t := nicknames()
	fa, fb := t[a], t[b]
	if slices.Contains(fa, b) || slices.Contains(fb, a) {
		return true
	}
	for _, x := range fa {
		if slices.Contains(fb, x) {
			return true
		}
	}
	return false
}
