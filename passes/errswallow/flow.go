package errswallow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// reachingUses returns the uses of v that the value stored at def can
// reach, following the control-flow graph of body until v is assigned
// again. overwritten is the first reassignment met on a path with no use
// before it. ok is false when def is not in the graph (dead code).
//
// The graph is built only for functions that contain a send, so the cost
// stays with the code that matters.
func reachingUses(info *types.Info, body *ast.BlockStmt, sig *types.Signature, def ast.Node, v *types.Var) (uses []*ast.Ident, overwritten ast.Node, ok bool) {
	g := cfg.New(body, func(*ast.CallExpr) bool { return true })
	block, index := locate(g, def)
	if block == nil {
		return nil, nil, false
	}
	namedResult := isNamedResult(sig, v)
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, from int)
	walk = func(b *cfg.Block, from int) {
		for _, n := range b.Nodes[from:] {
			us, redefines := usesIn(info, n, v)
			uses = append(uses, us...)
			if ret, isRet := n.(*ast.ReturnStmt); isRet && namedResult && len(ret.Results) == 0 {
				uses = append(uses, ast.NewIdent(v.Name())) // a bare return hands v to the caller
			}
			if redefines {
				if len(us) == 0 && overwritten == nil {
					overwritten = n
				}
				return
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				walk(s, 0)
			}
		}
	}
	walk(block, index+1)
	return uses, overwritten, true
}

func locate(g *cfg.CFG, n ast.Node) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		for i, m := range b.Nodes {
			if m == n {
				return b, i
			}
		}
	}
	return nil, 0
}

func isNamedResult(sig *types.Signature, v *types.Var) bool {
	if sig == nil {
		return false
	}
	for r := range sig.Results().Variables() {
		if r == v {
			return true
		}
	}
	return false
}

// usesIn returns the reads of v in n, and whether n assigns v a new value.
func usesIn(info *types.Info, n ast.Node, v *types.Var) (uses []*ast.Ident, redefines bool) {
	var targets map[ast.Expr]bool
	if as, ok := n.(*ast.AssignStmt); ok {
		targets = make(map[ast.Expr]bool)
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
				targets[l] = true
				redefines = as.Tok == token.ASSIGN || as.Tok == token.DEFINE
			}
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && !targets[id] && info.Uses[id] == v {
			uses = append(uses, id)
		}
		return true
	})
	return uses, redefines
}
