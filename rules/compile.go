package rules

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"gopkg.in/yaml.v3"
)

// MaxExprLen caps an expression's length; MaxExprNodes its AST size.
const (
	MaxExprLen   = 4096
	MaxExprNodes = 1000
)

// allowedBuiltins are the expr builtins a rule may use: list predicates
// (bounded by the collection caps and kept un-nested), and cheap string and
// number functions. Left out: now (the clock is injected), duration
// (replaced by one that also reads days), repeat and the other builtins
// that build large values, and the JSON and base64 codecs.
var allowedBuiltins = []string{
	"all", "none", "any", "one", "filter", "map", "find", "findIndex", "findLast",
	"findLastIndex", "count", "sum", "len", "abs", "ceil", "floor", "round", "int",
	"float", "string", "trim", "trimPrefix", "trimSuffix", "upper", "lower",
	"split", "join", "indexOf", "lastIndexOf", "hasPrefix", "hasSuffix", "max", "min",
	"first", "last", "keys", "values", "uniq", "concat", "get",
}

// predicates are the builtins that run a closure over a collection.
var predicates = map[string]bool{
	"all": true, "none": true, "any": true, "one": true, "filter": true, "map": true,
	"find": true, "findIndex": true, "findLast": true, "findLastIndex": true,
	"count": true, "sum": true, "groupBy": true, "sortBy": true, "reduce": true,
}

func compileOptions(fold *durationFolder) []expr.Option {
	opts := []expr.Option{
		expr.Env(env{}),
		expr.AsBool(),
		expr.DisableAllBuiltins(),
		expr.MaxNodes(MaxExprNodes),
		expr.Function("duration", func(p ...any) (any, error) {
			return ParseDuration(p[0].(string))
		}, new(func(string) time.Duration)),
		expr.Function("prop", func(p ...any) (any, error) {
			return firstProp(asView(p[0]), p[1].(string)), nil
		}, new(func(*RecordView, string) string)),
		expr.Function("has", func(p ...any) (any, error) {
			return hasProp(asView(p[0]), p[1].(string)), nil
		}, new(func(*RecordView, string) bool)),
		expr.Function("age", func(p ...any) (any, error) {
			return p[0].(*env).now.Sub(recordDate(*asView(p[1]))), nil
		}, new(func(*env, *RecordView) time.Duration)),
		expr.Function("within", func(p ...any) (any, error) {
			return p[0].(*env).within(p[1].(time.Time), p[2].(time.Duration)), nil
		}, new(func(*env, time.Time, time.Duration) bool)),
		expr.Function("countRecords", func(p ...any) (any, error) {
			return p[0].(*env).countRecords(p[1].(string), p[2].(time.Duration)), nil
		}, new(func(*env, string, time.Duration) int)),
		expr.Function("countRecordsWith", func(p ...any) (any, error) {
			return p[0].(*env).countRecordsWith(p[1].(string), p[2].(string), p[3].(string), p[4].(time.Duration)), nil
		}, new(func(*env, string, string, string, time.Duration) int)),
		expr.Function("countLinks", func(p ...any) (any, error) {
			var window time.Duration
			switch w := p[3].(type) {
			case time.Duration:
				window = w
			case int:
				window = time.Duration(w) // only 0, "any date", reads naturally
			}
			return p[0].(*env).countLinks(p[1].(string), p[2].(string), window), nil
		}, new(func(*env, string, string, time.Duration) int), new(func(*env, string, string, int) int)),
		expr.Patch(fold),
		expr.Patch(envArgs{}),
	}
	for _, b := range allowedBuiltins {
		opts = append(opts, expr.EnableBuiltin(b))
	}
	return opts
}

// compileExpr compiles one expression of a rule, or returns a Problem at
// the position of the offending character in the rule file.
// It also returns the program compiled without short-circuits, for timing.
func compileExpr(fileName, rule, key string, n *yaml.Node, src []byte) (prog, full *vm.Program, err error) {
	code := n.Value
	problem := func(offset int, msg string) error {
		p := exprPos(fileName, n, src, offset)
		return &Problem{Pos: p, Rule: rule, Msg: fmt.Sprintf("%s: %s (expression column %d)", key, msg, offset+1)}
	}
	if len(code) > MaxExprLen {
		return nil, nil, problem(0, fmt.Sprintf("expression is %d bytes, more than the %d allowed", len(code), MaxExprLen))
	}
	prog, err = compileSafely(code)
	if err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			off := fe.From // an unbound error (from durationFolder) has only its location
			if fe.Line > 0 {
				off = offsetOf(code, fe.Line, fe.Column)
			}
			msg := fe.Message
			if strings.HasPrefix(msg, "unknown name") {
				msg += "; a rule sees " + strings.Join(envFields(), ", ")
			}
			return nil, nil, problem(off, msg)
		}
		return nil, nil, problem(0, err.Error())
	}
	if off, msg, bad := guard(code); bad {
		return nil, nil, problem(off, msg)
	}
	if full, err = compileSafely(code, expr.DisableShortCircuit()); err != nil {
		return nil, nil, problem(0, err.Error())
	}
	return prog, full, nil
}

// compileSafely turns a panic inside expr (a bug there must not take the
// bot down on a supervisor's typo) into an error.
func compileSafely(code string, extra ...expr.Option) (prog *vm.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, fmt.Errorf("expression rejected: %v", r)
		}
	}()
	fold := &durationFolder{}
	prog, err = expr.Compile(code, append(compileOptions(fold), extra...)...)
	if err == nil && fold.err != nil {
		return nil, fold.err
	}
	return prog, err
}

func asView(v any) *RecordView {
	switch r := v.(type) {
	case *RecordView:
		if r != nil {
			return r
		}
	case RecordView:
		return &r
	}
	return &RecordView{}
}

// envHelpers need the evaluation's env but have no signature expr can call
// without reflection as an env field.
var envHelpers = map[string]bool{"age": true, "within": true, "countRecords": true, "countRecordsWith": true, "countLinks": true}

// envArgs passes the env ($env) as a hidden first argument to envHelpers,
// so they run as plain expr functions, several times faster than a field
// called through reflection.
type envArgs struct{}

func (envArgs) Visit(node *ast.Node) {
	c, ok := (*node).(*ast.CallNode)
	if !ok {
		return
	}
	id, ok := c.Callee.(*ast.IdentifierNode)
	if !ok || !envHelpers[id.Value] {
		return
	}
	if len(c.Arguments) > 0 {
		if first, ok := c.Arguments[0].(*ast.IdentifierNode); ok && first.Value == "$env" {
			return
		}
	}
	arg := &ast.IdentifierNode{Value: "$env"}
	arg.SetLocation(c.Location())
	c.Arguments = append([]ast.Node{arg}, c.Arguments...)
}

// durationFolder replaces duration("…") on a constant by its value, so
// that a typo in a duration is a load error and no rule parses durations
// at run time.
type durationFolder struct{ err error }

func (f *durationFolder) Visit(node *ast.Node) {
	c, ok := (*node).(*ast.CallNode)
	if !ok || len(c.Arguments) != 1 {
		return
	}
	id, ok := c.Callee.(*ast.IdentifierNode)
	if !ok || id.Value != "duration" {
		return
	}
	lit, ok := c.Arguments[0].(*ast.StringNode)
	if !ok {
		return
	}
	d, err := ParseDuration(lit.Value)
	if err != nil {
		if f.err == nil {
			f.err = &file.Error{Location: lit.Location(), Message: err.Error()}
		}
		return
	}
	ast.Patch(node, &ast.ConstantNode{Value: d})
}

// offsetOf turns expr's 1-based line and 0-based rune column into a rune
// offset into code.
func offsetOf(code string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(code, '\n')
		if i < 0 {
			break
		}
		off += utf8.RuneCountInString(code[:i+1])
		code = code[i+1:]
	}
	return off + max(col, 0)
}

// exprPos maps a rune offset inside a YAML scalar's value back to the file,
// for plain, quoted and block scalars written over one or several lines.
// Escapes inside quoted scalars can shift the column by a few characters.
func exprPos(fileName string, n *yaml.Node, src []byte, offset int) Pos {
	lines := strings.Split(string(src), "\n")
	type seg struct{ line, col, length int }
	var segs []seg
	addLine := func(ln int) bool { // ln is 1-based
		if ln-1 >= len(lines) {
			return false
		}
		text := strings.TrimRight(lines[ln-1], "\r")
		trimmed := strings.TrimLeft(text, " \t")
		if trimmed == "" {
			return true
		}
		segs = append(segs, seg{ln, len(text) - len(trimmed) + 1, utf8.RuneCountInString(trimmed)})
		return true
	}
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// Block lines keep what lies past the block's indentation, which is
		// that of its first line.
		base := -1
		for ln := n.Line + 1; ln-1 < len(lines) && len(segs) < strings.Count(n.Value, "\n")+2; ln++ {
			text := strings.TrimRight(lines[ln-1], "\r")
			trimmed := strings.TrimLeft(text, " ")
			if trimmed == "" {
				continue
			}
			if base < 0 {
				base = len(text) - len(trimmed)
			}
			if len(text) < base {
				break
			}
			segs = append(segs, seg{ln, base + 1, utf8.RuneCountInString(text[base:])})
		}
	default:
		col := n.Column
		if n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle {
			col++
		}
		if n.Line-1 < len(lines) {
			rest := []rune(strings.TrimRight(lines[n.Line-1], "\r"))
			segs = append(segs, seg{n.Line, col, max(len(rest)-col+1, 0)})
		}
		for ln := n.Line + 1; len(segs) < 64 && addLine(ln); ln++ {
		}
	}
	o := offset
	for _, s := range segs {
		if o <= s.length {
			return Pos{File: fileName, Line: s.line, Col: s.col + o}
		}
		o -= s.length + 1 // the newline or the space it folded into
	}
	return Pos{File: fileName, Line: n.Line, Col: n.Column}
}

// guard rejects what type checking lets through but a rule must not do:
// nested predicates (their cost multiplies), calls of anything but the
// helpers (no methods on Go values), $env, large or computed ranges, and
// `matches` on a computed pattern (a regexp compiled on every evaluation).
// It returns the rune offset of the first offence and why.
func guard(code string) (off int, msg string, bad bool) {
	defer func() {
		if r := recover(); r != nil {
			off, msg, bad = 0, fmt.Sprintf("expression rejected: %v", r), true
		}
	}()
	tree, err := parser.Parse(code)
	if err != nil {
		return 0, err.Error(), true
	}
	g := &guardVisitor{}
	ast.Walk(&tree.Node, g)
	return g.off, g.msg, g.msg != ""
}

type guardVisitor struct {
	off int
	msg string
}

func (g *guardVisitor) fail(n ast.Node, format string, args ...any) {
	if g.msg == "" {
		g.off, g.msg = n.Location().From, fmt.Sprintf(format, args...)
	}
}

// Visit is called children first, so a predicate checks its own closures
// for another predicate.
func (g *guardVisitor) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.BuiltinNode:
		if !predicates[n.Name] {
			return
		}
		for _, arg := range n.Arguments[min(1, len(n.Arguments)):] {
			inner := &predicateFinder{}
			ast.Walk(&arg, inner)
			if inner.found != nil {
				g.fail(inner.found, "nested predicate %s inside %s: its cost multiplies; use a helper such as countRecords, hasLink or linkedTo instead", inner.name, n.Name)
			}
		}
		if len(n.Arguments) > 0 {
			inner := &predicateFinder{}
			ast.Walk(&n.Arguments[0], inner)
			if inner.found != nil {
				g.fail(inner.found, "predicate %s over the result of %s: its cost multiplies", n.Name, inner.name)
			}
		}
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		if !ok {
			g.fail(n, "only the helper functions can be called, not methods")
			return
		}
		if !helperNames[id.Value] {
			g.fail(n, "%s is not a helper function", id.Value)
		}
	case *ast.IdentifierNode:
		if n.Value == "$env" {
			g.fail(n, "$env is not available to rules")
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "..":
			lo, ok1 := n.Left.(*ast.IntegerNode)
			hi, ok2 := n.Right.(*ast.IntegerNode)
			if !ok1 || !ok2 {
				g.fail(n, "a range needs constant bounds")
			} else if hi.Value-lo.Value > MaxRecords {
				g.fail(n, "a range may span at most %d values", MaxRecords)
			}
		case "matches":
			if _, ok := n.Right.(*ast.StringNode); !ok {
				g.fail(n.Right, "matches needs a constant pattern")
			}
		}
	}
}

type predicateFinder struct {
	found ast.Node
	name  string
}

func (f *predicateFinder) Visit(node *ast.Node) {
	if b, ok := (*node).(*ast.BuiltinNode); ok && predicates[b.Name] && f.found == nil {
		f.found, f.name = b, b.Name
	}
}

// envFields lists the names an expression sees, for error hints: the
// variables first, then the helper functions, sorted.
func envFields() []string {
	t := reflect.TypeOf(env{})
	var vars, helpers []string
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("expr"); tag != "" && !helperNames[tag] {
			vars = append(vars, tag)
		}
	}
	for name := range helperNames {
		helpers = append(helpers, name+"()")
	}
	slices.Sort(helpers)
	return append(vars, helpers...)
}
