package origin

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// Calls through function values: a local (stamp := time.Now), a package
// variable (var nowFunc = time.Now), a struct field set at construction or
// by a functional option (now: time.Now, the injectable clock), a method
// value (send := q.Publish). The call resolves to the functions the value
// may hold, found through the stores into it, and is then evaluated (for
// results) and checked (for sinks) as a call of each of them.

// A funcTarget is one function a function value may hold: a declared
// function or method, named by fun (time.Now, q.Publish, gen.Tag[K]), or a
// function literal. Either is evaluated in decl.
type funcTarget struct {
	fn   *types.Func
	fun  ast.Expr
	lit  *ast.FuncLit
	decl *ast.FuncDecl
}

// maxFuncDepth bounds the stores followed from a call to the function it
// reaches (field set from a parameter, set from an argument, ...).
const maxFuncDepth = 6

// funcValues returns the functions the function value e, evaluated in
// decl, may hold, and whether all of them are known. A value stored where
// the analysis cannot see (a field of another package's type, a parameter
// of an exported function, a function result) leaves it incomplete.
func (ev *evaluator) funcValues(e ast.Expr, decl *ast.FuncDecl) (targets []funcTarget, complete bool) {
	r := funcResolver{ev: ev, seen: make(map[*types.Var]bool), complete: true}
	r.expr(e, decl, 0)
	return r.targets, r.complete
}

type funcResolver struct {
	ev       *evaluator
	seen     map[*types.Var]bool
	targets  []funcTarget
	complete bool
}

func (r *funcResolver) expr(e ast.Expr, decl *ast.FuncDecl, depth int) {
	if depth > maxFuncDepth {
		r.complete = false
		return
	}
	info := r.ev.info
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		r.targets = append(r.targets, funcTarget{lit: x, decl: decl})
		return
	case *ast.IndexExpr: // an instantiation: gen.Tag[Kind]
		if fn, ok := funcObj(info, x.X); ok {
			r.targets = append(r.targets, funcTarget{fn: fn, fun: e, decl: decl})
			return
		}
	case *ast.IndexListExpr:
		if fn, ok := funcObj(info, x.X); ok {
			r.targets = append(r.targets, funcTarget{fn: fn, fun: e, decl: decl})
			return
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := funcObj(info, x); ok { // a function, a method value or a method expression
			r.targets = append(r.targets, funcTarget{fn: fn, fun: e, decl: decl})
			return
		}
		if v := funcVar(info, x); v != nil {
			r.variable(v, decl, depth)
			return
		}
	}
	r.complete = false
}

// funcObj returns the function that e names: a declared function, or the
// method of a method value or expression.
func funcObj(info *types.Info, e ast.Expr) (*types.Func, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, ok := info.Uses[x].(*types.Func)
		return fn, ok
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return nil, false
			}
			fn, ok := sel.Obj().(*types.Func)
			return fn, ok
		}
		fn, ok := info.Uses[x.Sel].(*types.Func)
		return fn, ok
	}
	return nil, false
}

// funcVar returns the variable or field that e reads.
func funcVar(info *types.Info, e ast.Expr) *types.Var {
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.Uses[x.Sel].(*types.Var)
		return v
	}
	return nil
}

// variable follows the stores into a variable or field holding functions.
func (r *funcResolver) variable(v *types.Var, decl *ast.FuncDecl, depth int) {
	v = v.Origin()
	if r.seen[v] {
		return
	}
	r.seen[v] = true
	stores := r.ev.idx.stores[v]
	if isPackageLevel(v) && v.Pkg() != r.ev.pass.Pkg {
		r.complete = false // declared, and maybe set, in its own package
	}
	if p, ok := r.ev.idx.params[v]; ok {
		r.param(p, depth) // and below, what the function stores into it
	} else if len(stores) == 0 || r.ev.idx.litParams[v] {
		r.complete = false // set where the analysis cannot see
		return
	}
	for _, s := range stores {
		switch {
		case s.how == storeZero:
			// a nil function: calling it panics, it returns nothing
		case s.how == storePlain && s.index < 0 && s.value != nil:
			r.expr(s.value, s.decl, depth+1)
		default:
			r.complete = false
		}
	}
}

// param follows a parameter to the arguments of the in-package calls of its
// function. An exported function has callers the analysis cannot see.
func (r *funcResolver) param(p param, depth int) {
	fn, ok := r.ev.info.Defs[p.decl.Name].(*types.Func)
	if !ok || p.index == Recv {
		r.complete = false
		return
	}
	calls := r.ev.idx.calls[fn]
	if fn.Exported() || len(calls) == 0 {
		r.complete = false
	}
	for _, c := range calls {
		if arg := argFor(r.ev.info, c.expr, fn, p.index); arg != nil {
			r.expr(arg, c.decl, depth+1)
		} else {
			r.complete = false
		}
	}
}

// funcValueCall returns the origin of result index of a call through a
// function value: the join of the results of the functions it may hold.
// For a clock reading (a func() time.Time, the injectable clock), what the
// analysis cannot see or understand (an option's argument from another
// package, a test fake returning a captured time) is left out: whatever a
// clock holds, it returns a time, never an id.
func (ev *evaluator) funcValueCall(call *ast.CallExpr, index int, path []string, decl *ast.FuncDecl) (Origin, bool) {
	targets, complete := ev.funcValues(call.Fun, decl)
	clock := readsClock(ev.info.TypeOf(call.Fun))
	imported, fromFact := ev.importedFuncVar(call.Fun, index)
	if len(targets) == 0 && !fromFact || !complete && !clock {
		return Origin{}, false
	}
	o, skipped := ev.targetsResult(targets, clock, call, index, path, decl)
	if fromFact {
		o = Join(o, imported)
	}
	if o.Kind == None && !o.Pending() || o.Kind == Unknown {
		return Origin{}, false
	}
	if (skipped || !complete) && o.Kind != Clock {
		return Origin{}, false // what was left out could be another fixed time: only the clock is certain
	}
	if !o.Pending() && o.Kind >= Const && o.Kind <= Clock {
		o.Desc = fmt.Sprintf("%s (called through %s)", o.Desc, exprString(call.Fun))
	}
	return o, true
}

// targetsResult joins the results of the functions a function value may
// hold, called with call's arguments in decl. A clock reader leaves out
// the results it does not understand, and says so.
func (ev *evaluator) targetsResult(targets []funcTarget, clock bool, call *ast.CallExpr, index int, path []string, decl *ast.FuncDecl) (o Origin, skipped bool) {
	for _, t := range targets {
		var r Origin
		if t.lit == nil {
			r = ev.calleeResult(throughValue(call, t), t.fn.Origin(), index, path, decl)
		} else if r = ev.litResult(t.lit, index, path, t.decl); t.decl != decl {
			r = mutable(r) // a closure over parameters of another declaration
		}
		if clock && r.Kind == Unknown && !r.Pending() {
			skipped = true
			continue
		}
		o = Join(o, r)
	}
	return o, skipped
}

// importedFuncVar returns result index of calling another package's
// exported function variable, from its ResultFact.
func (ev *evaluator) importedFuncVar(fun ast.Expr, index int) (Origin, bool) {
	v := funcVar(ev.info, ast.Unparen(fun))
	if v == nil || v.Pkg() == ev.pass.Pkg || !isPackageLevel(v) {
		return Origin{}, false
	}
	var f ResultFact
	if !ev.pass.ImportObjectFact(v, &f) || index >= len(f.Results) {
		return Origin{}, false
	}
	return f.Results[index], true
}

// exportFuncVars exports a ResultFact for every exported package variable
// that holds a clock (var Now = time.Now), so that calls from other
// packages read the clock too. Only clock readers are exported: what other
// packages may store there (a test's fake) returns a time as well.
func (a *analysisState) exportFuncVars() {
	scope := a.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !readsClock(v.Type()) || v.Type().Underlying().(*types.Signature).Params().Len() > 0 {
			continue
		}
		r := funcResolver{ev: a.ev, seen: make(map[*types.Var]bool), complete: true}
		r.variable(v, nil, 0)
		var o Origin
		for _, t := range r.targets {
			res, _ := a.ev.targetsResult([]funcTarget{t}, true, &ast.CallExpr{}, 0, nil, t.decl)
			o = Join(o, res)
		}
		if o.Kind == Clock && !o.Pending() {
			a.pass.ExportObjectFact(v, &ResultFact{Results: []Origin{o.portable()}})
		}
	}
}

// throughValue rewrites a call through a function value as a call of the
// function it holds: the target's expression (with a method value's
// receiver) and the call's arguments.
func throughValue(call *ast.CallExpr, t funcTarget) *ast.CallExpr {
	return &ast.CallExpr{Fun: t.fun, Lparen: call.Lparen, Args: call.Args, Ellipsis: call.Ellipsis, Rparen: call.Rparen}
}

// readsClock reports whether t is a function type whose only result is a
// time.Time.
func readsClock(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	n, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}

// litResult returns the origin of result index of a function literal, from
// its return statements, evaluated in decl, its enclosing declaration.
func (ev *evaluator) litResult(lit *ast.FuncLit, index int, path []string, decl *ast.FuncDecl) Origin {
	results := lit.Type.Results.NumFields()
	o := Origin{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == results && index < results:
				o = Join(o, ev.value(n.Results[index], path, decl))
			case len(n.Results) == 1:
				o = Join(o, ev.tuple(n.Results[0], index, path, decl))
			default:
				o = Join(o, unknown) // a bare return of named results
			}
		}
		return true
	})
	return o
}

// funcValueSites returns the sites of a call through a function value that
// holds a sink: a wrapper reached through a method value or a
// function-typed field is checked at this call. Several sinks it may hold
// join per id field.
func (a *analysisState) funcValueSites(call *ast.CallExpr, decl *ast.FuncDecl) []site {
	targets, _ := a.ev.funcValues(call.Fun, decl)
	var out []site
	byField := make(map[fifoapi.IDField]int)
	for _, t := range targets {
		if t.fn == nil {
			continue
		}
		via := throughValue(call, t)
		var sites []site
		if f, ok := fifoapi.Setter(t.fn); ok && len(call.Args) == 1 {
			sites = []site{a.direct(f, call.Args[0], decl)}
		} else {
			sites = a.wrapperSites(via, t.fn.Origin(), decl)
		}
		for _, s := range sites {
			if s.expr == via {
				s.expr = call
			}
			if i, ok := byField[s.field]; ok {
				out[i].origin = Join(out[i].origin, s.origin)
				continue
			}
			byField[s.field] = len(out)
			out = append(out, s)
		}
	}
	return out
}
