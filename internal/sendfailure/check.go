package sendfailure

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// check follows one send's error and batch output, and records a Loss
// when either reaches no one.
func (a *analyser) check(cur inspector.Cursor, s Send) {
	if a.passesErrorPointer(s.Call) {
		return // the failure may come back through it
	}
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
			a.lose(Loss{Send: s, Kind: Unchecked})
		} else if s.outIndex >= 0 {
			a.lose(Loss{Send: s, Kind: FailedDiscarded})
		}
	case *ast.GoStmt:
		a.lose(Loss{Send: s, Kind: InGoroutine})
	case *ast.DeferStmt:
		a.lose(Loss{Send: s, Kind: Deferred})
	case *ast.AssignStmt:
		// One call on the right: its results are the left-hand sides.
		if len(p.Rhs) == 1 && (len(p.Lhs) > 1 || s.errIndex == 0) {
			a.checkResults(cur, s, p.Lhs)
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			lhs := make([]ast.Expr, len(p.Names))
			for i, n := range p.Names {
				lhs[i] = n
			}
			a.checkResults(cur, s, lhs)
		}
	}
	// Anything else (returned, passed to a function, compared directly)
	// hands the error on.
}

// checkResults judges the variables a send's results are assigned to.
func (a *analyser) checkResults(cur inspector.Cursor, s Send, lhs []ast.Expr) {
	errReported := false
	if s.errIndex >= 0 && s.errIndex < len(lhs) {
		errReported = a.checkError(cur, s, lhs[s.errIndex])
	}
	if s.outIndex >= 0 && s.outIndex < len(lhs) && !errReported {
		a.checkFailed(cur, s, lhs[s.outIndex])
	}
}

// checkError judges the error variable and reports whether it reported.
func (a *analyser) checkError(cur inspector.Cursor, s Send, lhs ast.Expr) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false // stored in a field, map or through a pointer: handed on
	}
	if id.Name == "_" {
		a.lose(Loss{Send: s, Kind: Blank})
		return true
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	body, sig := enclosingFunc(a.pass.TypesInfo, cur)
	if body == nil {
		return false // package-level var: read anywhere
	}
	if a.readByEnclosing(cur, v) {
		return false // a closure hands the error to the function around it
	}
	stmt := enclosingStmt(cur)
	f := a.flow(body, sig, stmt, v)
	if f == nil {
		return false // dead code
	}
	atExit := a.readAtExit(body, v)
	switch {
	case len(f.uses) == 0 && f.overwritten == stmt:
		a.lose(Loss{Send: s, Kind: LoopOverwritten, Var: v.Name()}) // by itself, in the next iteration
	case len(f.uses) == 0 && f.overwritten != nil:
		a.lose(Loss{Send: s, Kind: Overwritten, Var: v.Name(), Line: a.pass.Fset.Position(f.overwritten.Pos()).Line})
	case f.loops && declaredOutside(v, cur):
		a.lose(Loss{Send: s, Kind: LoopOverwritten, Var: v.Name()})
	case atExit:
		return false // a deferred function reads the value the function ends with
	case len(f.uses) == 0:
		a.lose(Loss{Send: s, Kind: Unread, Var: v.Name()})
	default:
		l, ok := a.swallowed(body, sig, f.uses, v)
		if !ok {
			return false
		}
		l.Send, l.Kind, l.Var = s, Swallowed, v.Name()
		a.lose(l)
	}
	return true
}

// checkFailed reports a batch output whose Failed field is never read.
func (a *analyser) checkFailed(cur inspector.Cursor, s Send, lhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	if id.Name == "_" {
		a.lose(Loss{Send: s, Kind: FailedDiscarded})
		return
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	body, sig := enclosingFunc(a.pass.TypesInfo, cur)
	if body == nil || readsFailed(a.pass.TypesInfo, body, sig, v) || a.readByEnclosing(cur, v) {
		return
	}
	a.lose(Loss{Send: s, Kind: FailedUnread, Var: v.Name()})
}

// readsFailed reports whether the function reads v.Failed, or lets v
// escape (returned, passed on, stored, ranged over): then someone may.
func readsFailed(info *types.Info, body *ast.BlockStmt, sig *types.Signature, v *types.Var) bool {
	read, returned := failedUse(info, body, sig, v)
	return read || returned >= 0
}

// failedUse says what a function does with a batch output v, or a Failed
// slice: read when it reads Failed or lets v escape other than by
// returning it; returned is the result index that v or v.Failed is
// returned as, -1 if none.
func failedUse(info *types.Info, body *ast.BlockStmt, sig *types.Signature, v *types.Var) (read bool, returned int) {
	returned = -1
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if read {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v {
			stack = append(stack, n)
			return true
		}
		var e ast.Expr = id
		parent := stack[len(stack)-1]
		if sel, ok := parent.(*ast.SelectorExpr); ok && sel.X == id {
			switch sel.Sel.Name {
			case "Successful":
				read = comparesLength(info, stack[:len(stack)-1], sel) || rangedOver(stack[len(stack)-2], sel)
				return false
			case "ResultMetadata":
				return false
			case "Failed":
				e, parent = sel, stack[len(stack)-2]
			default:
				read = true
				return false
			}
		}
		switch p := parent.(type) {
		case *ast.ReturnStmt:
			i := resultIndex(p, e)
			if i < 0 || sig == nil || len(p.Results) != sig.Results().Len() || inFuncLit(stack) {
				read = true
			} else {
				returned = i
			}
		case *ast.AssignStmt:
			read = !isLHS(p, e)
		default:
			read = true // read or passed on
		}
		return false
	})
	return read, returned
}

// comparesLength reports whether sel (out.Successful), under the nodes
// of stack, is counted and compared with a count that is not a constant:
// `len(out.Successful) != len(entries)` finds the entries that failed as
// surely as reading Failed does. Other uses of Successful (logging how
// many were sent, `len(out.Successful) == 0`, which misses a partial
// failure) do not, unless they range over it (rangedOver).
func comparesLength(info *types.Info, stack []ast.Node, sel *ast.SelectorExpr) bool {
	if len(stack) < 2 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != sel {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok {
		return false
	} else if _, ok := info.Uses[id].(*types.Builtin); !ok || id.Name != "len" {
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.BinaryExpr:
			switch p.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				return info.Types[otherSide(p, call)].Value == nil
			}
		}
		return false
	}
	return false
}

// rangedOver reports whether parent ranges over sel (out.Successful):
// code that acts on each sent entry (deletes it from the source queue,
// marks its outbox row) leaves the failed ones for redelivery.
func rangedOver(parent ast.Node, sel *ast.SelectorExpr) bool {
	r, ok := parent.(*ast.RangeStmt)
	return ok && ast.Unparen(r.X) == sel
}

func resultIndex(ret *ast.ReturnStmt, e ast.Expr) int {
	for i, r := range ret.Results {
		if r == e {
			return i
		}
	}
	return -1
}

func inFuncLit(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

func isLHS(as *ast.AssignStmt, e ast.Expr) bool {
	for _, l := range as.Lhs {
		if l == e {
			return true
		}
	}
	return false
}

// readByEnclosing reports whether v, assigned at cur inside a function
// literal, belongs to a function around the literal that returns it as a
// named result or reads it outside the literal: the closure
// (`once.Do(func() { _, err = c.SendMessage(...) })`) hands the value to
// its enclosing function, whose reads the literal's own control-flow graph
// cannot see. `_ = v` is not a read.
func (a *analyser) readByEnclosing(cur inspector.Cursor, v *types.Var) bool {
	var lit *ast.FuncLit // the outermost literal below the function that declares v
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ftype *ast.FuncType
		switch n := f.Node().(type) {
		case *ast.FuncLit:
			ftype = n.Type
		case *ast.FuncDecl:
			ftype = n.Type
		}
		if v.Pos() < f.Node().Pos() || v.Pos() >= f.Node().End() {
			if l, ok := f.Node().(*ast.FuncLit); ok {
				lit = l
			}
			continue
		}
		if lit == nil {
			return false // v is the innermost function's own: its graph sees every read
		}
		if ftype.Results != nil && v.Pos() >= ftype.Results.Pos() && v.Pos() < ftype.Results.End() {
			return true // a named result: returned to the caller
		}
		return a.readAround(v, lit.Body)
	}
	return false
}

// readAtExit reports whether a deferred call of body reads v when the
// function returns: `defer func() { if err != nil { nack(m) } }()`, or
// `defer report(&err)`. It sees the value v ends with, so a failure that
// reaches the end of the function unchanged reaches it.
func (a *analyser) readAtExit(body *ast.BlockStmt, v *types.Var) bool {
	info := a.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its defers run when it returns
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				parents := parentMap(lit.Body)
				ast.Inspect(lit.Body, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v && !assigned(parents, id) && !discarded(parents, id) {
						found = true
					}
					return !found
				})
			}
			for _, arg := range n.Call.Args {
				if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
					if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == v {
						found = true
					}
				}
			}
			return false
		}
		return true
	})
	return found
}

// assigned reports whether id is a target of a plain assignment: `id = x`.
func assigned(parents map[ast.Node]ast.Node, id *ast.Ident) bool {
	as, ok := parents[id].(*ast.AssignStmt)
	return ok && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) && isLHS(as, id)
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

// passesErrorPointer reports whether a call receives a pointer to an error
// (`&err`), through which a wrapper can report failure.
func (a *analyser) passesErrorPointer(call *ast.CallExpr) bool {
	errType := types.Universe.Lookup("error").Type()
	for _, arg := range call.Args {
		if p, ok := types.Unalias(a.pass.TypesInfo.TypeOf(arg)).(*types.Pointer); ok && types.Identical(p.Elem(), errType) {
			return true
		}
	}
	return false
}
