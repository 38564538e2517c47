package errswallow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// check judges what happens to one send's error and batch output.
func (c *checker) check(cur inspector.Cursor, s send) {
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		if s.errIndex >= 0 {
			c.report(s, "the error from %s is not checked: a failed send looks like a delivered message; handle it or return it%s", s.name, c.batchNote(s))
		}
	case *ast.GoStmt:
		c.report(s, "%s runs in a goroutine and its error is dropped: a failed send looks like a delivered message; collect the error (errgroup, a channel) and handle it", s.name)
	case *ast.DeferStmt:
		c.report(s, "the error from deferred %s is dropped: a failed send looks like a delivered message; send outside defer, or capture the error in a named result", s.name)
	case *ast.AssignStmt:
		// One call on the right: its results are the left-hand sides.
		if len(p.Rhs) == 1 && (len(p.Lhs) > 1 || s.errIndex == 0) {
			c.checkResults(cur, s, p.Lhs)
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			lhs := make([]ast.Expr, len(p.Names))
			for i, n := range p.Names {
				lhs[i] = n
			}
			c.checkResults(cur, s, lhs)
		}
	}
	// Anything else (returned, passed to a function, compared directly)
	// hands the error on.
}

// batchNote adds the batch consequence to a message about a dropped error.
func (c *checker) batchNote(s send) string {
	if !s.batch {
		return ""
	}
	return "; the output's Failed entries are not read either"
}

// checkResults judges the variables a send's results are assigned to.
func (c *checker) checkResults(cur inspector.Cursor, s send, lhs []ast.Expr) {
	errReported := false
	if s.errIndex >= 0 && s.errIndex < len(lhs) {
		errReported = c.checkError(cur, s, lhs[s.errIndex])
	}
	if s.outIndex >= 0 && s.outIndex < len(lhs) && !errReported {
		c.checkFailed(cur, s, lhs[s.outIndex])
	}
}

// checkError judges the error variable and reports whether it reported.
func (c *checker) checkError(cur inspector.Cursor, s send, lhs ast.Expr) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false // stored in a field, map or through a pointer: handed on
	}
	if id.Name == "_" {
		c.report(s, "the error from %s is assigned to _: a failed send looks like a delivered message; handle it or return it%s", s.name, c.batchNote(s))
		return true
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	body, sig := enclosingFunc(c.pass.TypesInfo, cur)
	if body == nil {
		return false // package-level var: read anywhere
	}
	stmt := enclosingStmt(cur)
	uses, overwritten, ok := reachingUses(c.pass.TypesInfo, body, sig, stmt, v)
	if !ok {
		return false
	}
	if len(uses) == 0 {
		if overwritten != nil {
			c.report(s, "the error from %s is overwritten at line %d before it is read: a failed send looks like a delivered message; check it first",
				s.name, c.pass.Fset.Position(overwritten.Pos()).Line)
		} else {
			c.report(s, "the error from %s is assigned to %s but never read: a failed send looks like a delivered message; handle it or return it", s.name, v.Name())
		}
		return true
	}
	if how, ok := c.swallowed(cur, uses, sig); ok {
		c.reportSwallowed(s, v, how)
		return true
	}
	return false
}

// checkFailed reports a batch output whose Failed field is never read.
func (c *checker) checkFailed(cur inspector.Cursor, s send, lhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	const why = "%s reports failed entries in Failed even when err is nil; %s, so those messages are lost; check len(out.Failed) and retry or return them"
	if id.Name == "_" {
		c.report(s, why, s.name, "this code discards the output")
		return
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	body, _ := enclosingFunc(c.pass.TypesInfo, cur)
	if body == nil || readsFailed(c.pass.TypesInfo, body, id, v) {
		return
	}
	c.report(s, why, s.name, "this code never reads "+v.Name()+".Failed")
}

// readsFailed reports whether the function reads v.Failed, or lets v
// escape (returned, passed on, stored, ranged over): then someone may.
func readsFailed(info *types.Info, body *ast.BlockStmt, def *ast.Ident, v *types.Var) bool {
	read := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if read {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && id != def && info.Uses[id] == v {
			if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && sel.X == id {
				read = sel.Sel.Name != "Successful" && sel.Sel.Name != "ResultMetadata"
			} else if as, ok := stack[len(stack)-1].(*ast.AssignStmt); !ok || !isLHS(as, id) {
				read = true // escapes
			}
		}
		stack = append(stack, n)
		return true
	})
	return read
}

func isLHS(as *ast.AssignStmt, e ast.Expr) bool {
	for _, l := range as.Lhs {
		if l == e {
			return true
		}
	}
	return false
}

// enclosingFunc returns the body and signature of the innermost function
// around cur.
func enclosingFunc(info *types.Info, cur inspector.Cursor) (*ast.BlockStmt, *types.Signature) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				return n.Body, fn.Signature()
			}
			return nil, nil
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			return n.Body, sig
		}
	}
	return nil, nil
}

// enclosingStmt returns the statement holding the call (for an if's init,
// the assignment itself).
func enclosingStmt(cur inspector.Cursor) ast.Node {
	for p := range cur.Enclosing() {
		switch n := p.Node().(type) {
		case ast.Stmt:
			return n
		case *ast.ValueSpec:
			return n
		}
	}
	return nil
}
