// Package command parses what an officer types to vigie — after /vigie in
// any channel, or as a direct message to the bot — into a typed Command.
//
//	lookup Salah Abdeslam born 1989-09-15 case C-2015-113
//	lookup --dob 1989-09-15 --limit 5 Abdeslam
//	links S-12 [depth 2]
//	path S-12 S-40 | path "Salah Abdeslam" to "Mohamed Abrini"
//	watch S-12 for 30d case C-2015-113 depth 1
//	watch Salah Abdeslam born 1989-09-15 case C-2015-113
//	watches
//	unwatch W-3
//	case open C-2015-113 | case close C-2015-113
//	judge same|different SOURCE/ID SOURCE/ID
//	audit subject S-12
//	rules
//	help [COMMAND]
//
// Words are case-insensitive; a leading slash or "vigie" is ignored.
package command

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what Parse reads.
const (
	// MaxLen is the longest command accepted, in bytes.
	MaxLen = 2000
	// MaxWords is the most words a command may have.
	MaxWords = 100
	// MaxLimit bounds a lookup's --limit.
	MaxLimit = 50
	// MaxDepth bounds links and watch depth.
	MaxDepth = 3
)

// Verbs.
const (
	Lookup    = "lookup"
	Links     = "links"
	Path      = "path"
	Watch     = "watch"
	Watches   = "watches"
	Unwatch   = "unwatch"
	CaseOpen  = "case open"
	CaseClose = "case close"
	Judge     = "judge"
	Audit     = "audit subject"
	Rules     = "rules"
	Help      = "help"
)

// Command is one parsed request.
type Command struct {
	Verb string
	// Text is the query (lookup), the target (watch: a subject id or a
	// query), the subject (links, audit subject) or the watch id (unwatch).
	Text string
	// A and B are a path's ends or a judgement's records.
	A, B string
	// Same is the judgement: true for "same", false for "different".
	Same bool
	// Case is the case reference given with "case C-…" (or for case
	// open/close, the case itself).
	Case string
	// Term is a watch's term as typed ("30d"), empty for the default.
	Term string
	// Depth is links' or a watch's neighbourhood depth (0: default).
	Depth int
	// Limit is a lookup's number of subjects (0: default).
	Limit int
	// Topic is the command help was asked about.
	Topic string
}

// Error is a command that cannot be parsed; Usage is the help for the
// command it was meant to be, to show with the message.
type Error struct {
	Msg   string
	Usage string
}

func (e *Error) Error() string { return e.Msg }

// ErrEmpty is returned for an empty command.
var ErrEmpty = errors.New("empty command")

func errorf(verb, format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Usage: Usage(verb)}
}

// Parse parses one command. It returns ErrEmpty for blank input and an
// *Error, whose Usage teaches the right form, for anything else it cannot
// read.
func Parse(s string) (Command, error) {
	if len(s) > MaxLen {
		return Command{}, &Error{Msg: fmt.Sprintf("that command is %d characters long; the limit is %d", len(s), MaxLen), Usage: Usage("")}
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	words, err := split(s)
	if err != nil {
		return Command{}, err
	}
	for len(words) > 0 && (strings.EqualFold(words[0], "/vigie") || strings.EqualFold(words[0], "vigie") || strings.EqualFold(words[0], "@vigie")) {
		words = words[1:]
	}
	if len(words) == 0 {
		return Command{}, ErrEmpty
	}
	if len(words) > MaxWords {
		return Command{}, &Error{Msg: fmt.Sprintf("that command has %d words; the limit is %d", len(words), MaxWords), Usage: Usage("")}
	}
	verb := strings.ToLower(strings.TrimPrefix(words[0], "/"))
	rest := words[1:]
	switch verb {
	case "lookup", "find", "who", "search":
		return parseLookup(rest)
	case "links", "link":
		return parseLinks(rest)
	case "path":
		return parsePath(rest)
	case "watch":
		return parseWatch(rest)
	case "watches":
		if len(rest) > 0 {
			return Command{}, errorf(Watches, "watches takes no argument")
		}
		return Command{Verb: Watches}, nil
	case "unwatch":
		if len(rest) != 1 {
			return Command{}, errorf(Unwatch, "unwatch needs one watch id, such as W-3")
		}
		return Command{Verb: Unwatch, Text: rest[0]}, nil
	case "case":
		if len(rest) != 2 || (!strings.EqualFold(rest[0], "open") && !strings.EqualFold(rest[0], "close")) {
			return Command{}, errorf(CaseOpen, "say case open C-… or case close C-…")
		}
		v := CaseOpen
		if strings.EqualFold(rest[0], "close") {
			v = CaseClose
		}
		return Command{Verb: v, Case: rest[1]}, nil
	case "judge":
		if len(rest) != 3 || (!strings.EqualFold(rest[0], "same") && !strings.EqualFold(rest[0], "different")) {
			return Command{}, errorf(Judge, "say judge same RECORD RECORD or judge different RECORD RECORD")
		}
		return Command{Verb: Judge, Same: strings.EqualFold(rest[0], "same"), A: rest[1], B: rest[2]}, nil
	case "audit":
		if len(rest) != 2 || !strings.EqualFold(rest[0], "subject") {
			return Command{}, errorf(Audit, "say audit subject S-…")
		}
		return Command{Verb: Audit, Text: rest[1]}, nil
	case "rules":
		return Command{Verb: Rules}, nil
	case "help", "?", "-h", "--help":
		c := Command{Verb: Help}
		if len(rest) > 0 {
			c.Topic = strings.ToLower(rest[0])
		}
		return c, nil
	}
	return Command{}, &Error{Msg: fmt.Sprintf("I don't know the command %q", clip(words[0])), Usage: Usage("")}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// split cuts s into words; double quotes (straight or curly) group words.
func split(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	quoted, has := false, false
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			quoted = !quoted
			has = true
		case unicode.IsSpace(r) && !quoted:
			if has || cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
		}
	}
	if quoted {
		return nil, &Error{Msg: "a quotation mark is not closed", Usage: Usage("")}
	}
	if has || cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words, nil
}

// options pulls "case X", "for X", "depth N", "--limit N", "--dob D" out of
// words and returns the rest.
func options(verb string, words []string, c *Command, allowed string) ([]string, error) {
	var rest []string
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		next := func(what string) (string, error) {
			if i+1 >= len(words) {
				return "", errorf(verb, "%s needs a value after it", what)
			}
			i++
			return words[i], nil
		}
		switch {
		case (w == "case" || w == "--case") && strings.Contains(allowed, "case"):
			v, err := next("case")
			if err != nil {
				return nil, err
			}
			c.Case = v
		case (w == "for" || w == "--for") && strings.Contains(allowed, "for"):
			v, err := next("for")
			if err != nil {
				return nil, err
			}
			c.Term = v
		case (w == "depth" || w == "--depth") && strings.Contains(allowed, "depth"):
			v, err := next("depth")
			if err != nil {
				return nil, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > MaxDepth {
				return nil, errorf(verb, "depth must be a number from 0 to %d", MaxDepth)
			}
			c.Depth = n
		case (w == "--limit" || w == "limit") && strings.Contains(allowed, "limit"):
			v, err := next("--limit")
			if err != nil {
				return nil, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > MaxLimit {
				return nil, errorf(verb, "--limit must be a number from 1 to %d", MaxLimit)
			}
			c.Limit = n
		case w == "--dob" && strings.Contains(allowed, "dob"):
			v, err := next("--dob")
			if err != nil {
				return nil, err
			}
			rest = append(rest, "born", v)
		default:
			rest = append(rest, words[i])
		}
	}
	return rest, nil
}

func parseLookup(words []string) (Command, error) {
	c := Command{Verb: Lookup}
	rest, err := options(Lookup, words, &c, "case limit dob")
	if err != nil {
		return c, err
	}
	c.Text = strings.Join(rest, " ")
	if strings.TrimSpace(c.Text) == "" {
		return c, errorf(Lookup, "lookup needs a name, a date of birth or an identifier")
	}
	return c, nil
}

func parseLinks(words []string) (Command, error) {
	c := Command{Verb: Links}
	rest, err := options(Links, words, &c, "depth case")
	if err != nil {
		return c, err
	}
	if len(rest) != 1 {
		return c, errorf(Links, "links needs one subject, such as S-12 (quote a record id with spaces)")
	}
	c.Text = rest[0]
	return c, nil
}

func parsePath(words []string) (Command, error) {
	c := Command{Verb: Path}
	rest, err := options(Path, words, &c, "case")
	if err != nil {
		return c, err
	}
	for i, w := range rest {
		if strings.EqualFold(w, "to") || w == "--" || w == "→" || w == "->" {
			c.A, c.B = strings.Join(rest[:i], " "), strings.Join(rest[i+1:], " ")
			break
		}
	}
	if c.A == "" && c.B == "" && len(rest) == 2 {
		c.A, c.B = rest[0], rest[1]
	}
	if strings.TrimSpace(c.A) == "" || strings.TrimSpace(c.B) == "" {
		return c, errorf(Path, "path needs two subjects: path S-12 S-40, or path \"First Name\" to \"Other Name\"")
	}
	return c, nil
}

func parseWatch(words []string) (Command, error) {
	c := Command{Verb: Watch}
	rest, err := options(Watch, words, &c, "case for depth dob")
	if err != nil {
		return c, err
	}
	c.Text = strings.Join(rest, " ")
	if strings.TrimSpace(c.Text) == "" {
		return c, errorf(Watch, "watch needs a subject (S-12) or a query (a name, a date of birth, an identifier)")
	}
	return c, nil
}

var usages = map[string]string{
	Lookup:    "lookup NAME [born DATE] [passport|id|phone|email|plate VALUE] [--limit N] [case C-…] — find a person under any spelling; answers only to you",
	Links:     "links SUBJECT [depth 1-3] — who a subject is linked to, and paths to watched or flagged subjects",
	Path:      "path A B — the shortest evidenced paths between two subjects (use quotes or \"to\" for names: path \"Karim B\" to S-40)",
	Watch:     "watch SUBJECT|QUERY [for 30d] [case C-…] [depth N] — in a registered case channel: alert this channel on new data",
	Watches:   "watches — this channel's active watches",
	Unwatch:   "unwatch W-… — end a watch",
	CaseOpen:  "case open C-… | case close C-… — supervisors register this private channel for a case, or close it",
	CaseClose: "case close C-… — end a case channel's registration",
	Judge:     "judge same|different SOURCE/ID SOURCE/ID — tell vigie whether two records are one person",
	Audit:     "audit subject S-… — supervisors: who looked a subject up, and when",
	Rules:     "rules — the rule set in force and its last reload",
	Help:      "help [COMMAND] — this help",
}

var order = []string{Lookup, Links, Path, Watch, Watches, Unwatch, CaseOpen, Judge, Audit, Rules, Help}

// Usage returns the help for one verb, or for all commands when verb is ""
// or unknown.
func Usage(verb string) string {
	if u, ok := usages[verb]; ok {
		return u
	}
	var b strings.Builder
	b.WriteString("Commands (after /vigie, or in a direct message to me):\n")
	for _, v := range order {
		b.WriteString("- ")
		b.WriteString(usages[v])
		b.WriteString("\n")
	}
	return b.String()
}

// Topic finds the verb a help topic names ("case", "audit").
func Topic(t string) string {
	switch t {
	case "case":
		return CaseOpen
	case "audit":
		return Audit
	}
	if _, ok := usages[t]; ok {
		return t
	}
	return ""
}

// Autocomplete lists the verbs with a one-line hint each, for the slash
// command's autocomplete.
func Autocomplete() (hint, description string) {
	return "lookup|links|path|watch|watches|unwatch|case|judge|audit|rules|help", "Look people up, see their links, watch them"
}
