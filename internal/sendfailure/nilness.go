package sendfailure

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// nilness knows which error variables of a function are nil at each
// statement, on every path: a must-analysis over the control-flow graph.
// A variable is nil after `var e error`, `e = nil`, at entry for a named
// result, and past the nil edge of `e != nil`; any other assignment makes
// it unknown. Variables whose address is taken or that a closure assigns
// are never known.
type nilness struct {
	info    *types.Info
	tracked map[*types.Var]bool
	in      map[*cfg.Block]nilSet // state at the start of each reached block
	g       *cfg.CFG
}

type nilSet map[*types.Var]bool

func newNilness(info *types.Info, g *cfg.CFG, body *ast.BlockStmt, sig *types.Signature) *nilness {
	n := &nilness{info: info, tracked: trackedErrors(info, body, sig), in: make(map[*cfg.Block]nilSet), g: g}
	if len(n.tracked) == 0 || len(g.Blocks) == 0 {
		return n
	}
	entry := nilSet{}
	if sig != nil {
		for r := range sig.Results().Variables() {
			if n.tracked[r] {
				entry[r] = true
			}
		}
	}
	n.in[g.Blocks[0]] = entry
	work := []*cfg.Block{g.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		out := n.in[b].clone()
		for _, node := range b.Nodes {
			n.transfer(out, node)
		}
		for i, s := range b.Succs {
			edge := n.refine(out, b, i)
			old, reached := n.in[s]
			if !reached {
				n.in[s] = edge
				work = append(work, s)
			} else if meet := old.meet(edge); len(meet) != len(old) {
				n.in[s] = meet
				work = append(work, s)
			}
		}
	}
	return n
}

// nilAt reports whether v is nil when node runs, on every path to it.
func (n *nilness) nilAt(node ast.Node, v *types.Var) bool {
	if !n.tracked[v] {
		return false
	}
	b, index := locate(n.g, node)
	if b == nil || n.in[b] == nil {
		return false
	}
	s := n.in[b].clone()
	for _, m := range b.Nodes[:index] {
		n.transfer(s, m)
	}
	return s[v]
}

// transfer applies the assignments of node to s.
func (n *nilness) transfer(s nilSet, node ast.Node) {
	switch node := node.(type) {
	case *ast.AssignStmt:
		for i, l := range node.Lhs {
			v := n.trackedVar(l)
			if v == nil {
				continue
			}
			s.set(v, len(node.Rhs) == len(node.Lhs) && isNil(n.info, node.Rhs[i]))
		}
	case *ast.ValueSpec: // the graph holds each spec of a var declaration
		for i, name := range node.Names {
			if v := n.trackedVar(name); v != nil {
				s.set(v, len(node.Values) == 0 || len(node.Values) == len(node.Names) && isNil(n.info, node.Values[i]))
			}
		}
	case *ast.Ident: // a range statement's key or value
		if v := n.trackedVar(node); v != nil {
			s.set(v, false)
		}
	}
}

// refine applies what the condition ending b says on its i-th edge.
func (n *nilness) refine(s nilSet, b *cfg.Block, i int) nilSet {
	s = s.clone()
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return s
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return s
	}
	v, bin, ok := nilCheck(n.info, cond)
	if !ok || !n.tracked[v] {
		return s
	}
	holds := i == 0
	s.set(v, holds == (bin.Op == token.EQL))
	return s
}

func (n *nilness) trackedVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := n.info.ObjectOf(id).(*types.Var)
	if !n.tracked[v] {
		return nil
	}
	return v
}

// trackedErrors returns the error variables of the function that only its
// own statements assign: its named results and locals, less those whose
// address is taken or that a closure assigns.
func trackedErrors(info *types.Info, body *ast.BlockStmt, sig *types.Signature) map[*types.Var]bool {
	errType := types.Universe.Lookup("error").Type()
	tracked := make(map[*types.Var]bool)
	if sig != nil {
		for r := range sig.Results().Variables() {
			if r.Name() != "" && types.Identical(r.Type(), errType) {
				tracked[r] = true
			}
		}
	}
	ast.Inspect(body, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := info.Defs[id].(*types.Var); ok && types.Identical(v.Type(), errType) {
				tracked[v] = true
			}
		}
		return true
	})
	// Drop the variables something else may change.
	ast.Inspect(body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			ast.Inspect(m.Body, func(k ast.Node) bool {
				if as, ok := k.(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							if v, ok := info.ObjectOf(id).(*types.Var); ok {
								delete(tracked, v)
							}
						}
					}
				}
				return true
			})
		case *ast.UnaryExpr:
			if m.Op == token.AND {
				if id, ok := ast.Unparen(m.X).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						delete(tracked, v)
					}
				}
			}
		}
		return true
	})
	return tracked
}

func (s nilSet) set(v *types.Var, isNil bool) {
	if isNil {
		s[v] = true
	} else {
		delete(s, v)
	}
}

func (s nilSet) clone() nilSet {
	c := make(nilSet, len(s))
	for v := range s {
		c[v] = true
	}
	return c
}

// meet keeps what both states know.
func (s nilSet) meet(t nilSet) nilSet {
	m := make(nilSet)
	for v := range s {
		if t[v] {
			m[v] = true
		}
	}
	return m
}
