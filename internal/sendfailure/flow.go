package sendfailure

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// A flowResult says where the value a statement stores in an error
// variable goes.
type flowResult struct {
	uses        []*ast.Ident // the reads the value reaches
	overwritten ast.Node     // the first reassignment met on a path with no read before it
	loops       bool         // a path leads back to the statement (a loop's next iteration) with no read on the way
}

// flow follows the value that def stores in v through the control-flow
// graph of body, until v is assigned again. Past a nil check of v it
// follows only the failure edge: on the other the value is nil and can
// report nothing. It returns nil when def is not in the graph (dead code).
//
// The graph is built only for functions that contain a send, so the cost
// stays with the code that matters.
func (a *analyser) flow(body *ast.BlockStmt, sig *types.Signature, def ast.Node, v *types.Var) *flowResult {
	info := a.pass.TypesInfo
	g := a.graph(body)
	block, index := locate(g, def)
	if block == nil {
		return nil
	}
	f := &flowResult{}
	namedResult := isNamedResult(sig, v)
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, from int)
	walk = func(b *cfg.Block, from int) {
		for _, n := range b.Nodes[from:] {
			us, redefines := usesIn(info, n, v)
			f.uses = append(f.uses, us...)
			if ret, isRet := n.(*ast.ReturnStmt); isRet && namedResult && len(ret.Results) == 0 {
				f.uses = append(f.uses, ast.NewIdent(v.Name())) // a bare return hands v to the caller
			}
			if redefines {
				if len(us) == 0 && f.overwritten == nil {
					f.overwritten = n
				}
				return
			}
		}
		for _, s := range failureSuccs(info, b, v) {
			if !seen[s] {
				seen[s] = true
				walk(s, 0)
			}
		}
	}
	walk(block, index+1)
	f.loops = useFreeCycle(info, block, index, v)
	return f
}

// failureSuccs returns the successors of b that the value of v can take:
// after `v != nil` (or `v == nil`) only the edge where v is not nil.
func failureSuccs(info *types.Info, b *cfg.Block, v *types.Var) []*cfg.Block {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return b.Succs
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return b.Succs
	}
	w, bin, ok := nilCheck(info, cond)
	if !ok || w != v {
		return b.Succs
	}
	if bin.Op == token.NEQ {
		return b.Succs[:1] // Succs[0]: the condition holds
	}
	return b.Succs[1:]
}

// useFreeCycle reports whether a path leads from the statement at
// block.Nodes[index] back to itself without reading or assigning v: a
// loop whose next iteration overwrites the value unread.
func useFreeCycle(info *types.Info, block *cfg.Block, index int, v *types.Var) bool {
	def := block.Nodes[index]
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, from int) bool
	walk = func(b *cfg.Block, from int) bool {
		for _, n := range b.Nodes[from:] {
			if n == def {
				return true
			}
			if us, redefines := usesIn(info, n, v); len(us) > 0 || redefines {
				return false
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if walk(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return walk(block, index+1)
}

// declaredOutside reports whether v is declared outside the innermost loop
// around cur, so that one iteration's value is still there in the next.
func declaredOutside(v *types.Var, cur inspector.Cursor) bool {
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch loop.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		return v.Pos() < loop.Node().Pos() || v.Pos() >= loop.Node().End()
	}
	return false
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
