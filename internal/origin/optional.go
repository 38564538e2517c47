package origin

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

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
		args, variadic := variadicArgs(a.pass.TypesInfo, call, fn, d.Param)
		if variadic && len(args) == 0 {
			return a.describeFallback(resolved, fn, "this call leaves the optional argument out"), true
		}
		if variadic && d.Path != "" {
			if v := a.ev.optional(args, d, decl); v.Kind == None && !v.Pending() {
				return a.describeFallback(resolved, fn, "none of the options this call passes sets it"), true
			}
			continue
		}
		if arg := argFor(a.pass.TypesInfo, call, fn, d.Param); arg != nil {
			if v := a.ev.value(arg, splitPath(d.Path), decl); v.Kind == None && !v.Pending() {
				return a.describeFallback(resolved, fn, "this call leaves the optional argument out"), true
			}
		}
	}
	return Origin{}, false
}

func (a *analysisState) describeFallback(o Origin, fn *types.Func, when string) Origin {
	o.Desc = fmt.Sprintf("%s, which %s falls back to when %s", o.Desc, fifoapi.FuncName(a.pass.Pkg, fn), when)
	return o
}

// appliedOptions recognizes functional options applied to a local:
// `for _, opt := range opts { opt(&o) }` (or opt.apply(&o)), where opts is
// the function's variadic parameter. The store depends on that parameter,
// at the field path asked for: at a call that passes none nothing is
// written and the defaults decide; at a call that passes options, what
// they write there (optionWrites) does.
func (ev *evaluator) appliedOptions(s store, path []string) (Origin, bool) {
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
			return Origin{Deps: []Dep{{Param: p.index, Path: strings.Join(path, ".")}}}, true
		}
	}
	return Origin{}, false
}

// optionWrites is the origin of what a functional option, the literal
// func(o *options) { o.Group = g } (returned by WithGroup(g)), writes to
// path below its parameter: the values assigned there, None when it
// assigns nothing there. A body that does anything but assign fields of
// its parameter may write anywhere: unknown.
func (ev *evaluator) optionWrites(lit *ast.FuncLit, path []string, decl *ast.FuncDecl) Origin {
	params := lit.Type.Params
	if params == nil || len(params.List) != 1 || len(params.List[0].Names) != 1 {
		return unknown
	}
	target, ok := ev.info.Defs[params.List[0].Names[0]].(*types.Var)
	if !ok {
		return unknown
	}
	if _, isPtr := types.Unalias(target.Type()).(*types.Pointer); !isPtr {
		return unknown
	}
	want := strings.Join(path, ".")
	var o Origin
	for _, st := range lit.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return unknown
		}
		for i, lhs := range as.Lhs {
			got, ok := fieldPathOf(ev.info, lhs, target)
			if !ok {
				return unknown
			}
			switch {
			case got == want:
				o = Join(o, ev.value(as.Rhs[i], nil, decl))
			case strings.HasPrefix(want, got+"."):
				o = Join(o, ev.value(as.Rhs[i], strings.Split(strings.TrimPrefix(want, got+"."), "."), decl))
			case strings.HasPrefix(got, want+"."):
				return unknown // part of the value asked for
			}
		}
	}
	return o
}

// fieldPathOf returns the dotted field path of lhs below the variable
// root (o.Group, o.Retry.Max), or false when lhs is not such a path.
func fieldPathOf(info *types.Info, lhs ast.Expr, root *types.Var) (string, bool) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	v, path := rootPath(info, sel)
	return path, v != nil && v == root
}
