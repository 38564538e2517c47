package origin

import (
	"go/ast"
	"go/types"
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
