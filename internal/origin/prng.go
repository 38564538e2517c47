package origin

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A pseudo-random generator is a deterministic function of its seed. Drawn
// from once per seeding, its output is only as unique as the seed: a
// generator seeded with the clock in the same call that draws from it
// (rand.New(rand.NewSource(time.Now().UnixNano())).Int63()) gives the same
// number to two sends in the same clock tick, exactly as the clock itself
// would. A generator seeded once per process and drawn from many times
// stays entropy.

// seededDraw returns the origin of a draw from a math/rand (v1 or v2)
// generator that the same call seeds: a Rand made in the same run of the
// enclosing function (not across loop turns or function literals), or the
// v1 global source after rand.Seed there while Seed still seeds it. The
// origin is the seed's. ok is false for any other call.
func (ev *evaluator) seededDraw(call *ast.CallExpr, fn *types.Func, decl *ast.FuncDecl) (Origin, bool) {
	if decl == nil || fn.Pkg() == nil || !isMathRand(fn.Pkg().Path()) {
		return Origin{}, false
	}
	var seed Origin
	var ok bool
	if recv := fn.Signature().Recv(); recv != nil {
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel {
			return Origin{}, false
		}
		switch derefNamed(recv.Type()) {
		case "Rand":
			seed, ok = ev.generatorSeed(sel.X, call.Pos(), decl)
		case "PCG": // a v2 source drawn from directly
			seed, ok = ev.sourceSeed(sel.X, call.Pos(), decl)
		}
	} else {
		seed, ok = ev.globalSeed(call, fn, decl)
	}
	if !ok || (seed.Kind == None || seed.Kind == Unknown) && !seed.Pending() {
		return Origin{}, false
	}
	if !seed.Pending() {
		seed.Desc = fmt.Sprintf("%s, drawn from a generator seeded with %s on every call", exprString(call), seed.Desc)
	}
	return seed, true
}

func isMathRand(path string) bool { return path == "math/rand" || path == "math/rand/v2" }

func derefNamed(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// generatorSeed returns the seed of the generator e, when e is made by
// rand.New in the same run as the draw at pos: a rand.New call, or a local
// variable that only such calls assign.
func (ev *evaluator) generatorSeed(e ast.Expr, pos token.Pos, decl *ast.FuncDecl) (Origin, bool) {
	newCall, ok := ev.freshCall(e, pos, decl, func(fn *types.Func) bool { return fn.Name() == "New" })
	if !ok || len(newCall.Args) != 1 {
		return Origin{}, false
	}
	return ev.sourceSeed(newCall.Args[0], pos, decl)
}

// sourceSeed returns the seed of the source e, when e is made from its seed
// in the same run as the draw at pos.
func (ev *evaluator) sourceSeed(e ast.Expr, pos token.Pos, decl *ast.FuncDecl) (Origin, bool) {
	src, ok := ev.freshCall(e, pos, decl, isSeededSource)
	if !ok {
		return Origin{}, false
	}
	var seed Origin
	for _, a := range src.Args {
		seed = Join(seed, ev.value(a, nil, decl))
	}
	return seed, true
}

// isSeededSource reports whether fn makes a source from its seed arguments.
func isSeededSource(fn *types.Func) bool {
	switch fn.Name() {
	case "NewSource", "NewPCG":
		return fn.Signature().Recv() == nil
	}
	return false
}

// freshCall returns the math/rand call that e is, or that every store to
// the local variable e makes, when want accepts its callee and each such
// call runs in the same run of decl as pos.
func (ev *evaluator) freshCall(e ast.Expr, pos token.Pos, decl *ast.FuncDecl, want func(*types.Func) bool) (*ast.CallExpr, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	isFresh := func(x ast.Expr) (*ast.CallExpr, bool) {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		fn := typeutil.StaticCallee(ev.info, c)
		if fn == nil || fn.Pkg() == nil || !isMathRand(fn.Pkg().Path()) || !want(fn) {
			return nil, false
		}
		return c, sameRun(decl, c.Pos(), pos)
	}
	if c, ok := isFresh(e); ok {
		return c, true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := ev.info.ObjectOf(id).(*types.Var)
	if !ok || isPackageLevel(v) || v.IsField() {
		return nil, false
	}
	if _, isParam := ev.idx.params[v]; isParam {
		return nil, false
	}
	stores := ev.idx.stores[v]
	if len(stores) != 1 || stores[0].decl != decl || stores[0].how != storePlain || stores[0].index >= 0 {
		return nil, false
	}
	return isFresh(stores[0].value)
}

// globalSeed returns the seed of v1's global source at a draw from it
// (rand.Int63(), rand.Intn(n), ...): the arguments of rand.Seed calls in
// the same run of decl. Since Go 1.24 rand.Seed does nothing in modules
// that declare go 1.24 or later, and before Go 1.20 an unseeded global
// source was seeded with 1, so only the module's Go version and the Seed
// calls decide.
func (ev *evaluator) globalSeed(call *ast.CallExpr, fn *types.Func, decl *ast.FuncDecl) (Origin, bool) {
	if fn.Pkg().Path() != "math/rand" || strings.HasPrefix(fn.Name(), "New") || fn.Name() == "Seed" || !ev.seedTakesEffect(call) {
		return Origin{}, false
	}
	seedFn, ok := fn.Pkg().Scope().Lookup("Seed").(*types.Func)
	if !ok {
		return Origin{}, false
	}
	var seed Origin
	found := false
	for _, c := range ev.idx.calls[seedFn] {
		if c.decl == decl && len(c.expr.Args) == 1 && c.expr.Pos() < call.Pos() && sameRun(decl, c.expr.Pos(), call.Pos()) {
			seed = Join(seed, ev.value(c.expr.Args[0], nil, decl))
			found = true
		}
	}
	return seed, found
}

// seedTakesEffect reports whether rand.Seed still seeds the global source
// for the module that contains call: its go.mod says go 1.23 or earlier.
// An unknown version answers false.
func (ev *evaluator) seedTakesEffect(call *ast.CallExpr) bool {
	v := ""
	if m := ev.pass.Module; m != nil && m.GoVersion != "" {
		v = m.GoVersion // "1.23" from go/packages, "go1.23.0" from go vet
		if !strings.HasPrefix(v, "go") {
			v = "go" + v
		}
	} else {
		for _, f := range ev.pass.Files {
			if f.FileStart <= call.Pos() && call.Pos() < f.FileEnd {
				v = ev.info.FileVersions[f]
			}
		}
	}
	return version.IsValid(v) && version.Compare(v, "go1.24") < 0
}

// sameRun reports whether a and b, inside decl, run the same number of
// times: no loop body or function literal holds one but not the other.
func sameRun(decl *ast.FuncDecl, a, b token.Pos) bool {
	return repeatScope(decl, a) == repeatScope(decl, b)
}

// repeatScope returns the innermost loop body or function literal of decl
// that contains pos, or decl itself.
func repeatScope(decl *ast.FuncDecl, pos token.Pos) ast.Node {
	var scope ast.Node = decl
	ast.Inspect(decl, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.ForStmt:
			if n.Body.Pos() <= pos {
				scope = n.Body
			}
		case *ast.RangeStmt:
			if n.Body.Pos() <= pos {
				scope = n.Body
			}
		case *ast.FuncLit:
			scope = n
		}
		return true
	})
	return scope
}
