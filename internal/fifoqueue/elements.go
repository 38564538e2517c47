package fifoqueue

import (
	"go/ast"
	"go/types"
)

// Elements returns every element that can be in the slice e (a batch's
// entry list): the elements of a literal, or of a local variable whose
// every store is a literal, nil, an empty make or an append to itself, and
// that no other code writes or receives. ok is false when the elements are
// not all known.
func (r *Resolver) Elements(e ast.Expr) (elems []ast.Expr, ok bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return litElements(x), true
	case *ast.Ident:
		v, isVar := r.info.Uses[x].(*types.Var)
		if !isVar || v.Parent() == r.pass.Pkg.Scope() || r.index().params[v].fn != nil {
			return nil, false
		}
		for _, s := range r.index().stores[v] {
			if s.value == nil || s.index >= 0 {
				return nil, false
			}
			stored, ok := r.storedElements(v, s.value)
			if !ok {
				return nil, false
			}
			elems = append(elems, stored...)
		}
		return elems, r.onlyAppended(v)
	}
	return nil, false
}

func litElements(lit *ast.CompositeLit) []ast.Expr {
	out := make([]ast.Expr, len(lit.Elts))
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		out[i] = elt
	}
	return out
}

// storedElements returns the elements a store into the slice variable v
// adds: a literal's, nothing for nil or make(T, 0), the appended values
// for v = append(v, x, y).
func (r *Resolver) storedElements(v *types.Var, value ast.Expr) ([]ast.Expr, bool) {
	value = ast.Unparen(value)
	if isNil(r.info, value) {
		return nil, true
	}
	switch x := value.(type) {
	case *ast.CompositeLit:
		return litElements(x), true
	case *ast.CallExpr:
		b, ok := r.info.Uses[funcIdent(x)].(*types.Builtin)
		if !ok {
			return nil, false
		}
		switch b.Name() {
		case "make":
			if len(x.Args) >= 2 {
				if tv := r.info.Types[x.Args[1]]; tv.Value != nil && tv.Value.String() == "0" {
					return nil, true
				}
			}
		case "append":
			if len(x.Args) == 0 {
				break
			}
			if id, ok := ast.Unparen(x.Args[0]).(*ast.Ident); ok && r.info.Uses[id] == v && !x.Ellipsis.IsValid() {
				return x.Args[1:], true
			}
		}
	}
	return nil, false
}

// onlyAppended reports whether every use of the slice variable v is a
// store into it, an append to it, a read (len, range, an index read), or
// the value of a struct field (Entries: v, in.Entries = v).
func (r *Resolver) onlyAppended(v *types.Var) bool {
	return r.eachUse(v, r.sliceUse)
}

func (r *Resolver) sliceUse(id *ast.Ident, stack []ast.Node) bool {
	for _, n := range stack[1 : len(stack)-1] {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == ast.Expr(id) {
				_, toField := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr)
				return toField && len(p.Lhs) == len(p.Rhs)
			}
		}
		return true // a store into v
	case *ast.CallExpr:
		b, ok := r.info.Uses[funcIdent(p)].(*types.Builtin)
		return ok && (b.Name() == "len" || b.Name() == "cap" || b.Name() == "append" && p.Args[0] == ast.Expr(id))
	case *ast.KeyValueExpr:
		return p.Value == ast.Expr(id)
	case *ast.RangeStmt:
		// A range value variable aliases pointer elements: e.MessageGroupId = g.
		return p.X == ast.Expr(id) && (p.Value == nil || isBlank(p.Value) || !isPointerElem(r.info, id))
	case *ast.IndexExpr:
		return !r.writesBelow(stack[:len(stack)-1])
	}
	return false
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// isPointerElem reports whether the slice s holds pointers, so that a
// range value variable aliases the elements.
func isPointerElem(info *types.Info, s ast.Expr) bool {
	sl, ok := underlying(info.TypeOf(s)).(*types.Slice)
	if !ok {
		return true
	}
	_, ptr := sl.Elem().Underlying().(*types.Pointer)
	return ptr
}
