package fifoqueue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// A Str is what is statically known about a string value (or a *string):
// the whole value, or a constant tail, and the constant fragments it is
// built from.
type Str struct {
	Known bool   // the whole value is Value
	Value string // when Known
	// Tail is a constant suffix of every value the expression can take
	// ("" when none is known; Value when Known).
	Tail  string
	Frags []string  // constant fragments in order: literal parts of a concatenation or format
	Pos   token.Pos // where the constant that supplies Tail (or Value) is written
}

func known(s string, pos token.Pos) Str {
	return Str{Known: true, Value: s, Tail: s, Frags: []string{s}, Pos: pos}
}

// concat is a + b.
func concat(a, b Str) Str {
	out := Str{Frags: append(append([]string(nil), a.Frags...), b.Frags...)}
	switch {
	case a.Known && b.Known:
		out = known(a.Value+b.Value, b.Pos)
	case b.Known:
		out.Tail, out.Pos = a.Tail+b.Value, b.Pos
	default:
		out.Tail, out.Pos = b.Tail, b.Pos
	}
	return out
}

// join is the value of an expression that is a or b (two stores).
func join(a, b Str) Str {
	if a.Known && b.Known && a.Value == b.Value {
		return a
	}
	out := Str{Tail: commonSuffix(a.Tail, b.Tail), Pos: a.Pos}
	if out.Tail == "" {
		out.Pos = token.NoPos
	}
	return out
}

func commonSuffix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return a[len(a)-i:]
}

// maxDepth bounds the chain of variables, fields and parameters followed.
const maxDepth = 8

// String returns what is known about the string (or *string) value of e.
func (r *Resolver) String(e ast.Expr) Str {
	return r.str(e, 0)
}

func (r *Resolver) str(e ast.Expr, depth int) Str {
	if depth > maxDepth {
		return Str{}
	}
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return known(constant.StringVal(tv.Value), r.constPos(e))
	}
	switch e := e.(type) {
	case *ast.Ident:
		return r.variable(e, depth, nil)
	case *ast.SelectorExpr:
		if s := r.outputName(e, depth); s.Tail != "" {
			return s
		}
		return r.variable(e.Sel, depth, nil)
	case *ast.StarExpr:
		return r.str(e.X, depth+1)
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && e.Op == token.AND {
			// This &x does not change x before it is read through the pointer.
			return r.variable(id, depth+1, e)
		}
		if e.Op == token.AND {
			return r.str(e.X, depth+1)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return concat(r.str(e.X, depth+1), r.str(e.Y, depth+1))
		}
	case *ast.CallExpr:
		return r.call(e, depth)
	}
	return Str{}
}

// constPos is where a constant expression is written: for a named
// constant of this package, its declaration.
func (r *Resolver) constPos(e ast.Expr) token.Pos {
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil {
		if c, ok := r.info.Uses[id].(*types.Const); ok && c.Pkg() == r.pass.Pkg {
			return c.Pos()
		}
	}
	return e.Pos()
}

// variable follows a variable, field or parameter to every value stored
// into it, when those are all there is. The store made by taking the
// address self is left out, and so are the stores into a local variable
// that come after this read and outside any loop around it.
func (r *Resolver) variable(id *ast.Ident, depth int, self *ast.UnaryExpr) Str {
	v, ok := r.info.ObjectOf(id).(*types.Var)
	if !ok {
		return Str{}
	}
	stores, ok := r.index().storesOf(v)
	if !ok {
		return Str{}
	}
	local := !v.IsField() && v.Parent() != r.pass.Pkg.Scope() && r.index().params[v].fn == nil
	var out Str
	first := true
	for _, s := range stores {
		if s.addr != nil && s.addr == self || local && s.pos > id.Pos() && !r.mayRunAfter(id, s.pos) {
			continue
		}
		if s.value == nil || s.index >= 0 {
			return Str{}
		}
		x := r.str(s.value, depth+1)
		if first {
			out, first = x, false
		} else {
			out = join(out, x)
		}
		if out.Tail == "" {
			return Str{}
		}
	}
	return out
}

// mayRunAfter reports whether n may run after the code at pos, which
// comes later in the source: a loop encloses both, or n is in a function
// literal, which may be called at any time.
func (r *Resolver) mayRunAfter(n ast.Node, pos token.Pos) bool {
	for _, p := range r.path(n) {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if p.Pos() <= pos && pos < p.End() {
				return true
			}
		case *ast.FuncLit:
			return true
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// call handles pointer helpers (aws.String and friends), conversions and
// fmt.Sprintf.
func (r *Resolver) call(call *ast.CallExpr, depth int) Str {
	if tv, ok := r.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return r.str(call.Args[0], depth+1) // string(x)
	}
	fn := typeutil.StaticCallee(r.info, call)
	if fn == nil || fn.Pkg() == nil {
		return Str{}
	}
	path := fifoapi.TrimVendor(fn.Pkg().Path())
	switch {
	case isPointerHelper(path, fn.Name()) && len(call.Args) == 1:
		return r.str(call.Args[0], depth+1)
	case path == "fmt" && fn.Name() == "Sprintf" && len(call.Args) >= 1:
		return r.sprintf(call, depth)
	}
	return Str{}
}

// isPointerHelper recognizes the SDKs' string pointer helpers, which
// return their argument's value (or a pointer to it).
func isPointerHelper(path, name string) bool {
	switch path {
	case "github.com/aws/aws-sdk-go-v2/aws", "github.com/aws/aws-sdk-go/aws":
		switch name {
		case "String", "ToString", "StringValue":
			return true
		}
	case "github.com/aws/smithy-go/ptr":
		return name == "String" || name == "ToString"
	}
	return false
}

// sprintf: the fragments are the format's literal text; the tail is the
// text after its last verb, or, when the format ends in a %s or %v, the
// tail of that verb's argument.
func (r *Resolver) sprintf(call *ast.CallExpr, depth int) Str {
	tv, ok := r.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return Str{}
	}
	format := constant.StringVal(tv.Value)
	lits, verbs, ok := parseFormat(format)
	if !ok {
		return Str{}
	}
	pos := r.constPos(ast.Unparen(call.Args[0]))
	if len(verbs) == 0 {
		return known(lits[0], pos)
	}
	out := Str{Pos: pos}
	for _, l := range lits {
		if l != "" {
			out.Frags = append(out.Frags, l)
		}
	}
	// Walk back from the end over %s and %v verbs whose arguments are
	// known, to the first one that is not.
	n := len(verbs)
	out.Tail = lits[n]
	for i := n - 1; i >= 0; i-- {
		if verbs[i] != 's' && verbs[i] != 'v' || len(call.Args) != n+1 {
			break
		}
		arg := r.str(call.Args[i+1], depth+1)
		if out.Tail == "" {
			out.Pos = arg.Pos
		}
		if !arg.Known {
			out.Tail = arg.Tail + out.Tail
			break
		}
		out.Tail = lits[i] + arg.Value + out.Tail
	}
	if out.Tail == "" {
		out.Pos = token.NoPos
	}
	return out
}

// parseFormat splits a printf format into its literal texts (one more than
// the verbs) and its verbs. Formats whose verbs take extra arguments (*)
// or reorder them ([n]) are not understood.
func parseFormat(f string) (lits []string, verbs []rune, ok bool) {
	var cur strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			cur.WriteByte(f[i])
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			cur.WriteByte('%')
			continue
		}
		for i < len(f) && strings.IndexByte("+-# 0123456789.", f[i]) >= 0 {
			i++
		}
		if i >= len(f) || f[i] == '*' || f[i] == '[' {
			return nil, nil, false
		}
		lits = append(lits, cur.String())
		cur.Reset()
		verbs = append(verbs, rune(f[i]))
	}
	return append(lits, cur.String()), verbs, true
}
