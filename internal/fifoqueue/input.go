package fifoqueue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// An Input is an SDK request struct (or batch entry) as the function that
// builds it sets it up: its literal, and every field set by the literal, a
// later assignment or a v1 setter.
type Input struct {
	Param fifoapi.Param
	// Lit is the literal that built the value; nil when the value was
	// built elsewhere (a parameter, a helper's result), so its fields are
	// not known.
	Lit  *ast.CompositeLit
	Sets []Set
	// Escapes reports that the value is passed to code other than an SDK
	// call, stored, or captured by a closure, which may set more fields.
	Escapes bool
}

// A Set is one field set on an Input.
type Set struct {
	Field string
	Value ast.Expr
	Node  ast.Node // the literal's key-value pair, the assignment or the setter call
}

// Values returns the sets of one field.
func (in *Input) Values(field string) []Set {
	var out []Set
	for _, s := range in.Sets {
		if s.Field == field {
			out = append(out, s)
		}
	}
	return out
}

// Has reports whether field is set to something other than nil.
func (in *Input) Has(info *types.Info, field string) bool {
	for _, s := range in.Values(field) {
		if !isNil(info, s.Value) {
			return true
		}
	}
	return false
}

// NonNil reports whether a value set to a pointer field is certainly not
// nil: aws.String(x) and friends, &x, or a v1 setter's plain value. A
// *string variable may hold nil.
func (r *Resolver) NonNil(e ast.Expr) bool {
	if _, ptr := underlying(r.info.TypeOf(e)).(*types.Pointer); !ptr {
		return !isNil(r.info, e)
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(r.info, x)
		return fn != nil && fn.Pkg() != nil && isPointerHelper(fifoapi.TrimVendor(fn.Pkg().Path()), fn.Name())
	}
	return false
}

func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// Input describes the value of e, an SDK request struct or a pointer to
// one, as the function around e builds it.
func (r *Resolver) Input(e ast.Expr) *Input {
	p, ok := fifoapi.ParamOf(r.info.TypeOf(e))
	if !ok {
		return nil
	}
	in := &Input{Param: p}
	r.build(in, e, 0)
	return in
}

func (r *Resolver) build(in *Input, e ast.Expr, depth int) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		in.Lit = e
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					in.Sets = append(in.Sets, Set{Field: id.Name, Value: kv.Value, Node: kv})
				}
			}
		}
	case *ast.CallExpr:
		// A chain of v1 setters: (&sqs.SendMessageInput{}).SetQueueUrl(u).SetMessageBody(b)
		sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if _, field, value, ok := Setter(r.info, e); ok && isSel {
			r.build(in, sel.X, depth)
			if !slices.ContainsFunc(in.Sets, func(s Set) bool { return s.Node == ast.Node(e) }) {
				in.Sets = append(in.Sets, Set{Field: field, Value: value, Node: e}) // not yet seen as a use of a variable
			}
		}
	case *ast.Ident:
		v, ok := r.info.ObjectOf(e).(*types.Var)
		if !ok || depth > 0 || v.Parent() == nil || v.Parent() == r.pass.Pkg.Scope() || r.index().params[v].fn != nil {
			return
		}
		stores := r.index().stores[v]
		if len(stores) != 1 || stores[0].value == nil || stores[0].index >= 0 {
			return
		}
		r.build(in, stores[0].value, depth+1)
		if in.Lit != nil {
			r.uses(in, v)
		}
	}
}

// uses adds the field sets made through v and decides whether v escapes.
func (r *Resolver) uses(in *Input, v *types.Var) {
	// Visit every use, to record the sets after an escape too.
	found := r.eachUse(v, func(id *ast.Ident, stack []ast.Node) bool {
		if !r.use(in, id, stack) {
			in.Escapes = true
		}
		return true
	})
	if !found {
		in.Escapes = true // no function body
	}
}

// eachUse calls f for every use of the local variable v in the function
// that declares it, with the nodes from the function's body down to the
// use, and reports whether f accepted them all. It stops at the first use
// f rejects.
func (r *Resolver) eachUse(v *types.Var, f func(id *ast.Ident, stack []ast.Node) bool) bool {
	body := r.EnclosingFunc(v.Pos())
	if body == nil {
		return false
	}
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if id, isIdent := n.(*ast.Ident); isIdent && r.info.Uses[id] == v && !f(id, stack) {
			ok = false
		}
		return ok
	})
	return ok
}

// use classifies one use of an input variable: a field set (recorded), a
// read, or the argument of an SDK call are fine; anything else may let
// other code set fields, and use reports false.
func (r *Resolver) use(in *Input, id *ast.Ident, stack []ast.Node) bool {
	for _, n := range stack[1 : len(stack)-1] {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // captured by a closure
		}
	}
	parent := stack[len(stack)-2]
	var grand ast.Node
	if len(stack) >= 3 {
		grand = stack[len(stack)-3]
	}
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		sel := r.info.Selections[p]
		if sel == nil {
			return false
		}
		if sel.Kind() == types.FieldVal {
			if a, ok := grand.(*ast.AssignStmt); ok {
				for i, lhs := range a.Lhs {
					if lhs == ast.Expr(p) {
						if a.Tok != token.ASSIGN || len(a.Lhs) != len(a.Rhs) {
							return false
						}
						in.Sets = append(in.Sets, Set{Field: p.Sel.Name, Value: a.Rhs[i], Node: a})
					}
				}
				return true
			}
			return !r.writesBelow(stack[:len(stack)-1])
		}
		call, ok := grand.(*ast.CallExpr)
		if !ok || call.Fun != ast.Expr(p) {
			return false
		}
		if _, field, value, ok := Setter(r.info, call); ok {
			in.Sets = append(in.Sets, Set{Field: field, Value: value, Node: call})
			r.chainedSetters(in, stack[:len(stack)-2])
			return true
		}
		switch p.Sel.Name {
		case "Validate", "String", "GoString":
			return true
		}
		return false
	case *ast.UnaryExpr:
		if call, ok := grand.(*ast.CallExpr); ok && p.Op == token.AND {
			return r.isSDKCall(call)
		}
	case *ast.CallExpr:
		return p.Fun != ast.Expr(id) && r.isSDKCall(p)
	}
	return false
}

// Setter recognizes a call of a v1 setter, such as in.SetDelaySeconds(5),
// and returns the struct, the field and the value.
func Setter(info *types.Info, call *ast.CallExpr) (fifoapi.Param, string, ast.Expr, bool) {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || len(call.Args) != 1 {
		return fifoapi.Param{}, "", nil, false
	}
	p, field, ok := fifoapi.SetterField(fn)
	return p, field, call.Args[0], ok
}

// chainedSetters records the setters called on the result of the setter
// call at the top of stack: v1 setters return their receiver.
func (r *Resolver) chainedSetters(in *Input, stack []ast.Node) {
	for i := len(stack) - 1; i >= 2; i -= 2 {
		sel, ok := stack[i-1].(*ast.SelectorExpr)
		call, isCall := stack[i-2].(*ast.CallExpr)
		if !ok || !isCall || sel.X != stack[i] || call.Fun != ast.Expr(sel) {
			return
		}
		_, field, value, ok := Setter(r.info, call)
		if !ok {
			return
		}
		in.Sets = append(in.Sets, Set{Field: field, Value: value, Node: call})
	}
}

// writesBelow reports whether the selector at the top of stack is the root
// of an assignment's left side, or has its address taken: in.Entries[0].X = y.
func (r *Resolver) writesBelow(stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		switch p := stack[i-1].(type) {
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.ParenExpr:
			continue
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if lhs == stack[i] {
					return true
				}
			}
		case *ast.UnaryExpr:
			return p.Op == token.AND
		case *ast.IncDecStmt:
			return true
		}
		return false
	}
	return false
}

// isSDKCall reports whether call goes to the SDK: a method of an SDK
// package, or a call through an interface or function value (a client
// interface, a mock). A user's concrete function may set more fields.
func (r *Resolver) isSDKCall(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(r.info, call)
	if fn == nil {
		return true
	}
	return fn.Pkg() != nil && fifoapi.IsSDKPath(fn.Pkg().Path())
}

// EnclosingFunc returns the body of the innermost function declaration or
// literal around pos.
func (r *Resolver) EnclosingFunc(pos token.Pos) *ast.BlockStmt {
	f := r.fileOf(pos)
	if f == nil {
		return nil
	}
	var body *ast.BlockStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		return true
	})
	return body
}
