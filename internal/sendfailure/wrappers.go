package sendfailure

import (
	"go/ast"
	"go/token"
	"go/types"
)

// findWrappers finds the package's functions that carry a send's outcome
// to their callers, to a fixed point (wrappers of wrappers, errgroups
// running wrappers).
func (a *analyser) findWrappers() {
	var decls []*ast.FuncDecl
	for cur := range a.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		if d := cur.Node().(*ast.FuncDecl); d.Body != nil {
			decls = append(decls, d)
		}
	}
	// Each round can only add what a wrapper carries; the bound guards
	// against a cycle that would not settle.
	for round, changed := 0, true; changed && round <= len(decls); round++ {
		changed = false
		clear(a.ifaces) // implementations may have become wrappers
		a.findGroups()
		for _, d := range decls {
			fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok {
				continue
			}
			w, ok := a.wrapperOf(d.Body, fn.Signature())
			if old, done := a.wrappers[fn]; !ok || done && old == w {
				continue
			} else if !done {
				a.order = append(a.order, fn)
			}
			a.wrappers[fn] = w
			changed = true
		}
	}
}

// wrapperOf says what a function body carries of a send to its caller.
func (a *analyser) wrapperOf(body *ast.BlockStmt, sig *types.Signature) (WrapsSend, bool) {
	w := WrapsSend{Err: -1, Out: -1}
	if op, ok := a.returnsSendError(body, sig); ok {
		w.Op, w.Err = op, errorResult(sig)
	}
	if op, idx, ok := a.owedOutput(body, sig); ok {
		w.Op, w.Out = op, idx
	}
	w.Logs = w.Err >= 0 && w.Out < 0 && a.logsBeforeReturning(body, sig)
	return w, w.Err >= 0 || w.Out >= 0
}

// returnsSendError reports whether an error the function returns is
// non-nil on a send's failure path: the send's error itself (wrapped or
// not, through a variable or a named result), or any error that is not
// nil returned from the branch taken when the send's error is not nil (a
// sentinel, an out-parameter, a new error).
func (a *analyser) returnsSendError(body *ast.BlockStmt, sig *types.Signature) (string, bool) {
	errIdx := errorResult(sig)
	if errIdx < 0 {
		return "", false
	}
	info := a.pass.TypesInfo
	errVars := make(map[*types.Var]string)
	record := func(as *ast.AssignStmt) {
		if s, v, ok := a.assignedResult(as, func(s Send) int { return s.errIndex }); ok {
			errVars[v] = s.Op
		}
	}
	var op string
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not this function's
		case *ast.AssignStmt:
			record(n)
		case *ast.IfStmt:
			if as, ok := n.Init.(*ast.AssignStmt); ok {
				record(as) // before the condition that reads it
			}
			v, bin, ok := nilCheck(info, n.Cond)
			if o, isErr := errVars[v]; ok && isErr {
				branch, ok := failureBranch(a.parentsOf(body), n, bin.Op)
				if ok && a.branchReturnsError(branch, body, sig) {
					op, found = o, true
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				if r := sig.Results().At(errIdx); r.Name() != "" {
					if o, ok := errVars[r]; ok {
						op, found = o, true // a bare return hands the named result on
					}
				}
			}
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CallExpr:
					if s, ok := a.classify(m); ok && s.errIndex >= 0 {
						op, found = s.Op, true
					}
				case *ast.Ident:
					if v, ok := info.ObjectOf(m).(*types.Var); ok {
						if o, ok := errVars[v]; ok {
							op, found = o, true
						}
					}
				}
				return !found
			})
		}
		return true
	})
	return op, found
}

// logsBeforeReturning reports whether a wrapper logs a send's failure
// before every return of it: each return that names the send's error, or
// returns a non-nil error on its failure branch, follows a logging call
// made after the send in its own block or a block around it
// (`if err != nil { log.Error(...); return fmt.Errorf("...: %w", err) }`).
// A return of a send call itself (`return c.SendMessage(...)`) logs nothing.
func (a *analyser) logsBeforeReturning(body *ast.BlockStmt, sig *types.Signature) bool {
	info := a.pass.TypesInfo
	errIdx := errorResult(sig)
	// A send's failure is logged after end: the end of the send, or
	// token.NoPos when the send (a wrapper that logs) logged it already.
	sent := make(map[*types.Var]token.Pos) // send error variables → end
	record := func(as *ast.AssignStmt) {
		if s, v, ok := a.assignedResult(as, func(s Send) int { return s.errIndex }); ok {
			sent[v] = as.End()
			if s.Logs {
				sent[v] = token.NoPos
			}
		}
	}
	const unlogged = token.Pos(-1)
	returns := make(map[*ast.ReturnStmt]token.Pos) // returns of a failure → end
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			record(n)
		case *ast.IfStmt:
			if as, ok := n.Init.(*ast.AssignStmt); ok {
				record(as)
			}
			v, bin, ok := nilCheck(info, n.Cond)
			if end, isErr := sent[v]; ok && isErr {
				if branch, ok := failureBranch(a.parentsOf(body), n, bin.Op); ok {
					for _, st := range branch {
						ast.Inspect(st, func(m ast.Node) bool {
							if r, ok := m.(*ast.ReturnStmt); ok && !a.returnsNil(r, body, sig, errIdx) {
								returns[r] = end
							}
							_, lit := m.(*ast.FuncLit)
							return !lit
						})
					}
				}
			}
		case *ast.ReturnStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CallExpr:
					if s, ok := a.classify(m); ok && s.errIndex >= 0 && !s.Logs {
						returns[n] = unlogged // the send's own error
					} else if ok && s.errIndex >= 0 {
						if _, seen := returns[n]; !seen {
							returns[n] = token.NoPos // a wrapper that logs
						}
					}
				case *ast.Ident:
					if v, ok := info.Uses[m].(*types.Var); ok {
						if end, ok := sent[v]; ok {
							if _, seen := returns[n]; !seen {
								returns[n] = end
							}
						}
					}
				}
				return true
			})
		}
		return true
	})
	if len(returns) == 0 {
		return false
	}
	for r, end := range returns {
		if end == unlogged || end != token.NoPos && !a.loggedBefore(a.parentsOf(body), r, end) {
			return false
		}
	}
	return true
}

// loggedBefore reports whether a statement before ret, after pos, in the
// block that holds ret or a block around it, makes a logging call.
func (a *analyser) loggedBefore(parents map[ast.Node]ast.Node, ret ast.Node, pos token.Pos) bool {
	for n := ast.Node(ret); n != nil; n = parents[n] {
		block, ok := parents[n].(*ast.BlockStmt)
		if !ok {
			continue
		}
		for _, st := range block.List {
			if st == n {
				break
			}
			if st.Pos() < pos {
				continue
			}
			logs := false
			ast.Inspect(st, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit, *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					return false // may not run
				case *ast.CallExpr:
					logs = logs || a.isLogging(m)
				}
				return !logs
			})
			if logs {
				return true
			}
		}
	}
	return false
}

// assignedResult recognizes `x, y := send(...)` and returns the variable
// that receives the send's result at index(s), if any.
func (a *analyser) assignedResult(as *ast.AssignStmt, index func(Send) int) (Send, *types.Var, bool) {
	if len(as.Rhs) != 1 {
		return Send{}, nil, false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return Send{}, nil, false
	}
	s, ok := a.classify(call)
	if !ok {
		return Send{}, nil, false
	}
	i := index(s)
	if i < 0 || i >= len(as.Lhs) {
		return Send{}, nil, false
	}
	id, ok := as.Lhs[i].(*ast.Ident)
	if !ok {
		return Send{}, nil, false
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return s, v, ok
}

// branchReturnsError reports whether a failure branch returns an error
// that is not nil there.
func (a *analyser) branchReturnsError(branch []ast.Stmt, body *ast.BlockStmt, sig *types.Signature) bool {
	errIdx := errorResult(sig)
	found := false
	for _, s := range branch {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = found || !a.returnsNil(n, body, sig, errIdx)
			}
			return !found
		})
	}
	return found
}

// returnsNil reports whether ret returns a nil error at result errIdx: a
// literal nil, or a variable (named result included) that is nil there.
func (a *analyser) returnsNil(ret *ast.ReturnStmt, body *ast.BlockStmt, sig *types.Signature, errIdx int) bool {
	info := a.pass.TypesInfo
	if len(ret.Results) == 0 {
		r := sig.Results().At(errIdx)
		return r.Name() != "" && a.nilsOf(body, sig).nilAt(ret, r)
	}
	if len(ret.Results) != sig.Results().Len() {
		return false // return f() with several results
	}
	e := ret.Results[errIdx]
	if isNil(info, e) {
		return true
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			return a.nilsOf(body, sig).nilAt(ret, v)
		}
	}
	return false
}

// owedOutput reports whether the function returns a batch send's output,
// or its Failed slice, without reading Failed itself: its callers then owe
// the read. idx is the result that carries it.
func (a *analyser) owedOutput(body *ast.BlockStmt, sig *types.Signature) (op string, idx int, ok bool) {
	info := a.pass.TypesInfo
	type output struct {
		v  *types.Var
		op string
	}
	var outputs []output
	idx = -1
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if s, v, isOut := a.assignedResult(n, func(s Send) int { return s.outIndex }); isOut {
				outputs = append(outputs, output{v, s.Op})
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 1 && sig.Results().Len() > 1 {
				if call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr); isCall {
					if s, isSend := a.classify(call); isSend && s.outIndex >= 0 {
						op, idx, ok = s.Op, s.outIndex, true // return send(...)
					}
				}
			}
		}
		return true
	})
	for _, out := range outputs {
		if read, i := failedUse(info, body, sig, out.v); !read && i >= 0 {
			return out.op, i, true
		}
	}
	return op, idx, ok
}

// findLogHelpers finds the package's functions with no results whose body
// only logs, to a fixed point (helpers calling helpers), and exports a
// LogsOnly fact for the exported ones. It walks declarations only, without
// an inspector: it runs in every package of the user's module.
func (a *analyser) findLogHelpers() {
	var decls []*ast.FuncDecl
	for _, f := range a.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && len(fd.Body.List) > 0 && fd.Type.Results == nil {
				decls = append(decls, fd)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok || a.logsOnly[fn] || !a.onlyLogs(d.Body.List) {
				continue
			}
			a.logsOnly[fn] = true
			changed = true
		}
	}
	for _, d := range decls {
		if fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func); ok && a.logsOnly[fn] && fn.Exported() {
			a.pass.ExportObjectFact(fn, &LogsOnly{})
		}
	}
}

// onlyLogs reports whether every statement of a body is a logging call or
// a bare return.
func (a *analyser) onlyLogs(list []ast.Stmt) bool {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.ExprStmt:
			call, ok := ast.Unparen(s.X).(*ast.CallExpr)
			if !ok || !a.isLogging(call) {
				return false
			}
		case *ast.ReturnStmt:
			if len(s.Results) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// exportFacts exports a WrapsSend fact for each exported wrapper.
func (a *analyser) exportFacts() {
	for _, fn := range a.order {
		if fn.Exported() {
			w := a.wrappers[fn]
			a.pass.ExportObjectFact(fn, &w)
		}
	}
}

// nilCheck recognizes `v != nil` and `v == nil` (either way round).
func nilCheck(info *types.Info, cond ast.Expr) (*types.Var, *ast.BinaryExpr, bool) {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, nil, false
	}
	x, y := ast.Unparen(bin.X), ast.Unparen(bin.Y)
	if isNil(info, x) {
		x, y = y, x
	}
	if !isNil(info, y) {
		return nil, nil, false
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	return v, bin, ok
}
