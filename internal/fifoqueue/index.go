package fifoqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// A store is one place where a variable, field or parameter gets a value.
// A nil value means the store is not understood (v += x, &v passed on,
// range variables, an exported function's parameter).
type store struct {
	value ast.Expr
	index int // result index when value is a multi-value call, else -1
	// addr is the &v that made this store (value nil): the pointer may be
	// written through.
	addr *ast.UnaryExpr
	pos  token.Pos // where the store happens
}

// index records, for one package, every store into its variables and
// struct fields, and the arguments that in-package calls pass to the
// parameters of unexported functions.
type index struct {
	info   *types.Info
	pkg    *types.Package
	stores map[*types.Var][]store
	params map[*types.Var]paramOf
	calls  map[*types.Func][]*ast.CallExpr
	// escaped holds the functions used other than by calling them, whose
	// parameters are therefore unknown.
	escaped map[*types.Func]bool
}

type paramOf struct {
	fn *types.Func
	i  int
}

func newIndex(info *types.Info, pkg *types.Package, files []*ast.File) *index {
	idx := &index{
		info:    info,
		pkg:     pkg,
		stores:  make(map[*types.Var][]store),
		params:  make(map[*types.Var]paramOf),
		calls:   make(map[*types.Func][]*ast.CallExpr),
		escaped: make(map[*types.Func]bool),
	}
	for _, f := range files {
		idx.file(f)
	}
	return idx
}

func (idx *index) file(f *ast.File) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			idx.funcDecl(n)
		case *ast.AssignStmt:
			idx.assign(n)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					idx.record(name, store{value: n.Values[i], index: -1})
				case len(n.Values) == 1:
					idx.record(name, store{value: n.Values[0], index: i})
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				idx.record(n.Key, store{value: nil, index: -1})
			}
			if n.Value != nil {
				idx.record(n.Value, store{value: nil, index: -1})
			}
		case *ast.IncDecStmt:
			idx.record(n.X, store{value: nil, index: -1})
		case *ast.CompositeLit:
			idx.compositeLit(n)
		case *ast.UnaryExpr:
			// &v lets anything write v, except where the pointer itself
			// is the value of a struct field (QueueUrl: &url). An SDK
			// request struct's uses are judged by Resolver.Input.
			if _, kv := parent.(*ast.KeyValueExpr); n.Op == token.AND && !kv && !isParam(idx.info.TypeOf(n.X)) {
				idx.record(n.X, store{index: -1, addr: n, pos: n.Pos()})
			}
		case *ast.CallExpr:
			idx.call(n)
		case *ast.Ident:
			if fn, ok := idx.info.Uses[n].(*types.Func); ok && !isCallee(parent, n) {
				idx.escaped[fn] = true
			}
		case *ast.SelectorExpr:
			if fn, ok := idx.info.Uses[n.Sel].(*types.Func); ok && !isCallee(parent, n) {
				idx.escaped[fn] = true
			}
		}
		return true
	})
}

func isCallee(parent ast.Node, n ast.Expr) bool {
	call, ok := parent.(*ast.CallExpr)
	return ok && call.Fun == n
}

func (idx *index) funcDecl(d *ast.FuncDecl) {
	fn, ok := idx.info.Defs[d.Name].(*types.Func)
	if !ok {
		return
	}
	i := 0
	for _, field := range d.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := idx.info.Defs[name].(*types.Var); ok {
				idx.params[v] = paramOf{fn, i}
			}
			i++
		}
	}
}

func (idx *index) assign(n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
		for _, lhs := range n.Lhs {
			idx.record(lhs, store{value: nil, index: -1})
		}
		return
	}
	switch {
	case len(n.Lhs) == len(n.Rhs):
		for i, lhs := range n.Lhs {
			idx.record(lhs, store{value: n.Rhs[i], index: -1})
		}
	case len(n.Rhs) == 1:
		for i, lhs := range n.Lhs {
			idx.record(lhs, store{value: n.Rhs[0], index: i})
		}
	}
}

func (idx *index) compositeLit(n *ast.CompositeLit) {
	st, ok := structOf(idx.info.TypeOf(n))
	if !ok {
		return
	}
	for i, elt := range n.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := idx.info.Uses[id].(*types.Var); ok {
					idx.stores[f] = append(idx.stores[f], store{value: kv.Value, index: -1})
				}
			}
		} else if i < st.NumFields() {
			idx.stores[st.Field(i)] = append(idx.stores[st.Field(i)], store{value: elt, index: -1})
		}
	}
}

func (idx *index) call(n *ast.CallExpr) {
	id := funcIdent(n)
	if id == nil {
		return
	}
	if fn, ok := idx.info.Uses[id].(*types.Func); ok {
		idx.calls[fn] = append(idx.calls[fn], n)
	}
}

// record notes a store into the variable or field that lhs denotes.
func (idx *index) record(lhs ast.Expr, s store) {
	if !s.pos.IsValid() {
		s.pos = lhs.Pos()
	}
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if v, ok := idx.info.ObjectOf(lhs).(*types.Var); ok {
			idx.stores[v] = append(idx.stores[v], s)
		}
	case *ast.SelectorExpr:
		if v, ok := idx.info.ObjectOf(lhs.Sel).(*types.Var); ok && v.IsField() {
			idx.stores[v] = append(idx.stores[v], s)
		}
	case *ast.StarExpr:
		idx.record(lhs.X, store{value: nil, index: -1})
	case *ast.IndexExpr:
		idx.record(lhs.X, store{value: nil, index: -1})
	}
}

// storesOf returns the stores into v that decide its value, and whether
// they are all there is: a local or unexported variable or field of this
// package, or a parameter of an unexported function that is only called.
// Other packages may write exported variables and fields, and call
// exported functions.
func (idx *index) storesOf(v *types.Var) ([]store, bool) {
	if v.Pkg() != idx.pkg {
		return nil, false
	}
	if p, ok := idx.params[v]; ok {
		sig := p.fn.Signature()
		if sig.Recv() != nil || idx.escaped[p.fn] || !idx.private(p.fn) || sig.Variadic() && p.i == sig.Params().Len()-1 {
			return nil, false
		}
		var out []store
		for _, c := range idx.calls[p.fn] {
			if len(c.Args) != sig.Params().Len() {
				return nil, false // f(g()) with a multi-value g
			}
			out = append(out, store{value: c.Args[p.i], index: -1})
		}
		return out, len(out) > 0
	}
	global := v.IsField() || v.Parent() == idx.pkg.Scope()
	if global && !idx.private(v) {
		return nil, false
	}
	s := idx.stores[v]
	return s, len(s) > 0
}

func structOf(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	return st, ok
}

func isParam(t types.Type) bool {
	_, ok := fifoapi.ParamOf(t)
	return ok
}

// private reports whether only this package can use obj: it is unexported
// or in package main.
func (idx *index) private(obj types.Object) bool {
	return !obj.Exported() || idx.pkg.Name() == "main"
}

// funcIdent returns the identifier that names the function a call calls:
// f in f(x) and pkg.f(x) or v.f(x); nil for other calls.
func funcIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	}
	return nil
}
