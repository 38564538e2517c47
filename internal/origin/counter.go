package origin

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Counters come in several spellings: n++, n += 1, n = n + 1, and the
// sync/atomic adds (atomic.AddInt64(&n, 1), n.Add(1) on an atomic.Int64).
// All of them are recorded as storeIncDec, so that a variable stepped by
// any of them is a counter, never the constant of its step.

// isIncrement reports whether an assignment of rhs to lhs with tok steps an
// integer variable by a constant: n += 2, n -= 1, n = n + 1, n = 1 + n.
func isIncrement(info *types.Info, tok token.Token, lhs, rhs ast.Expr) bool {
	if !isInteger(info.TypeOf(lhs)) {
		return false
	}
	switch tok {
	case token.ADD_ASSIGN, token.SUB_ASSIGN:
		return isConstant(info, rhs)
	case token.ASSIGN:
		bin, ok := ast.Unparen(rhs).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch bin.Op {
		case token.ADD:
			return sameVar(info, lhs, bin.X) && isConstant(info, bin.Y) || sameVar(info, lhs, bin.Y) && isConstant(info, bin.X)
		case token.SUB:
			return sameVar(info, lhs, bin.X) && isConstant(info, bin.Y)
		}
	}
	return false
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isConstant(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil
}

// sameVar reports whether a and b denote the same variable or field path:
// n and n, p.seq and p.seq.
func sameVar(info *types.Info, a, b ast.Expr) bool {
	switch x := ast.Unparen(a).(type) {
	case *ast.Ident:
		y, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.ObjectOf(x) != nil && info.ObjectOf(x) == info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.ObjectOf(x.Sel) == info.ObjectOf(y.Sel) && sameVar(info, x.X, y.X)
	case *ast.StarExpr:
		y, ok := ast.Unparen(b).(*ast.StarExpr)
		return ok && sameVar(info, x.X, y.X)
	}
	return false
}

// atomicAccess says what a sync/atomic function or method does to the
// variable it is handed (by address, or as the receiver): add to it, only
// read it, or anything else (store, swap, compare-and-swap).
type atomicAccess uint8

const (
	atomicOther atomicAccess = iota
	atomicAdd
	atomicLoad
)

func atomicOp(info *types.Info, call *ast.CallExpr) (atomicAccess, bool) {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return 0, false
	}
	name := fn.Name()
	switch {
	case len(name) >= 3 && name[:3] == "Add":
		return atomicAdd, true
	case len(name) >= 4 && name[:4] == "Load":
		return atomicLoad, true
	}
	return atomicOther, true
}

// recordWrite records what call may do to the variable x, handed to it by
// address or as a pointer receiver: anything (storeAddr), unless call is a
// sync/atomic operation, which adds to it (a counter) or only reads it.
func (b *indexBuilder) recordWrite(x ast.Expr, call *ast.CallExpr, pos token.Pos, stack []ast.Node) {
	s := store{how: storeAddr, index: -1, pos: pos}
	if access, ok := atomicOp(b.info, call); ok {
		switch access {
		case atomicAdd:
			s.how = storeIncDec
		case atomicLoad:
			return
		}
	}
	b.record(x, s, stack)
}

// storedLongLived is stored for a variable that lives as long as the
// process (a package variable, a field of a long-lived producer): a counter
// there counts the process's messages, and restarts at 0 with it.
func (ev *evaluator) storedLongLived(s store, path []string, name string) Origin {
	if s.how == storeIncDec {
		return unique(of(Counter, "per-process counter "+name, s.pos))
	}
	return ev.stored(s, path, name)
}

// pathCounters is the origin of the counters stepped in a field at or below
// path of the package variable v (stats.sent++) while the program runs.
func (ev *evaluator) pathCounters(v *types.Var, path []string) Origin {
	var o Origin
	for _, ps := range ev.idx.pathStores[v] {
		if ps.how != storeIncDec || ev.initializing(ps.store) {
			continue
		}
		if _, ok := below(ps.path, strings.Join(path, ".")); ok || len(path) == 0 {
			o = Join(o, unique(of(Counter, "per-process counter "+v.Name()+"."+ps.path, ps.pos)))
		}
	}
	return o
}
