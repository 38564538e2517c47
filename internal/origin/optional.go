package origin

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// variadicArgs returns the arguments a call passes for parameter i of fn
// when i is fn's variadic parameter and the call lists its elements (none,
// one or several) rather than spreading a slice with "...".
func variadicArgs(info *types.Info, call *ast.CallExpr, fn *types.Func, i int) ([]ast.Expr, bool) {
	sig := fn.Signature()
	if !sig.Variadic() || i != sig.Params().Len()-1 || call.Ellipsis.IsValid() {
		return nil, false
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			if len(args) == 0 {
				return nil, false
			}
			args = args[1:]
		}
	}
	if len(args) == 1 {
		if _, spread := info.TypeOf(args[0]).(*types.Tuple); spread {
			return nil, false // f(g()) spreads a tuple
		}
	}
	if i > len(args) {
		return nil, false
	}
	return args[i:], true
}

// optional joins the values a call passes for a variadic parameter, as
// the callee sees them through the slice (opts[0].Group, range opts). An
// absent optional argument is the slice's zero value: nothing, so that only
// what the callee then does on its own (a fallback constant, or no id at
// all behind a guard) decides the id.
func (ev *evaluator) optional(args []ast.Expr, d Dep, decl *ast.FuncDecl) Origin {
	path := splitPath(d.Path)
	var o Origin
	for _, a := range args {
		o = Join(o, ev.value(a, path, decl))
	}
	return o
}

// fallback recognizes a wrapper's id decided by the wrapper's own value
// because the call leaves an optional argument out (no variadic element, a
// nil pointer, a zero options struct): `if len(opts) == 0 { group =
// "default" }`. It describes the id as that fallback, named at the call.
func (a *analysisState) fallback(call *ast.CallExpr, fn *types.Func, pending, resolved Origin, decl *ast.FuncDecl) (Origin, bool) {
	if resolved.Pending() || resolved.Kind == None || resolved.Kind == Unknown || resolved.Kind != pending.Kind || resolved.Desc != pending.Desc {
		return Origin{}, false
	}
	for _, d := range pending.Deps {
		if args, ok := variadicArgs(a.pass.TypesInfo, call, fn, d.Param); ok && len(args) == 0 {
			return a.describeFallback(resolved, fn), true
		}
		if arg := argFor(a.pass.TypesInfo, call, fn, d.Param); arg != nil {
			if v := a.ev.value(arg, splitPath(d.Path), decl); v.Kind == None && !v.Pending() {
				return a.describeFallback(resolved, fn), true
			}
		}
	}
	return Origin{}, false
}

func (a *analysisState) describeFallback(o Origin, fn *types.Func) Origin {
	o.Desc = fmt.Sprintf("%s, which %s falls back to when this call leaves the optional argument out", o.Desc, fifoapi.FuncName(a.pass.Pkg, fn))
	return o
}

// appliedOptions recognizes functional options applied to a local:
// `for _, opt := range opts { opt(&o) }` (or opt.apply(&o)), where opts is
// the function's variadic parameter. What an option writes is not
// followed, so the store depends on that parameter: at a call that passes
// options it is unknown, at a call that passes none nothing is written and
// the defaults decide.
func (ev *evaluator) appliedOptions(s store) (Origin, bool) {
	call := callWithAddrArg(s.decl, s)
	if call == nil {
		return Origin{}, false
	}
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		fun = ast.Unparen(sel.X)
	}
	id, ok := fun.(*ast.Ident)
	if !ok {
		return Origin{}, false
	}
	opt, ok := ev.info.Uses[id].(*types.Var)
	if !ok {
		return Origin{}, false
	}
	for _, rs := range ev.idx.stores[opt] {
		x, ok := ast.Unparen(rs.value).(*ast.Ident)
		if rs.how != storeRangeVal || !ok {
			continue
		}
		param, _ := ev.info.Uses[x].(*types.Var)
		p, isParam := ev.idx.params[param]
		if !isParam || p.decl != s.decl {
			continue
		}
		if fn, ok := ev.info.Defs[s.decl.Name].(*types.Func); ok && fn.Signature().Variadic() && p.index == fn.Signature().Params().Len()-1 {
			return Origin{Deps: []Dep{{Param: p.index}}}, true
		}
	}
	return Origin{}, false
}
