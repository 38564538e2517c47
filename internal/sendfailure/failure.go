package sendfailure

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// swallowed decides whether uses, the reads of a send's error v, are all
// nil checks whose failure paths report nothing, or reads that do nothing
// with it (`_ = err`) or only log it. The Loss it returns says what the
// first failure path does, whether the paths log or count, and offers a
// fix.
func (a *analyser) swallowed(body *ast.BlockStmt, sig *types.Signature, uses []*ast.Ident, v *types.Var) (Loss, bool) {
	parents := a.parentsOf(body)
	var l Loss
	checks := 0
	for _, use := range uses {
		if discarded(parents, use) {
			continue
		}
		if a.loggedUse(parents, use) {
			l.Logs = true
			continue
		}
		bin, ok := unparenParent(parents, use).(*ast.BinaryExpr)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) || !isNil(a.pass.TypesInfo, otherSide(bin, use)) {
			return Loss{}, false // the error reaches something
		}
		ifs, ok := unparenParent(parents, bin).(*ast.IfStmt)
		if !ok || ast.Unparen(ifs.Cond) != bin {
			return Loss{}, false // a condition we do not follow
		}
		branch, ok := failureBranch(parents, ifs, bin.Op)
		if !ok {
			return Loss{}, false
		}
		t := a.reportsFailure(parents, branch, body, sig, v)
		if t.reports || terminates(branch) && a.deletesOnSuccess(parents, ifs, bin.Op) ||
			a.progressCheckedAfter(parents, ifs, bin.Op, branch, body, v) {
			return Loss{}, false
		}
		if checks == 0 {
			var ret *ast.ReturnStmt
			l.Path, ret = a.describe(parents, ifs, branch, body, sig)
			l.Fix = a.returnErrorFix(ret, body, sig, v)
		}
		l.Logs = l.Logs || t.logs
		l.Counts = l.Counts || t.counts
		checks++
	}
	return l, checks > 0
}

// deletesOnSuccess reports whether the success side of the nil check ifs
// deletes a received SQS message (DeleteMessage, DeleteMessageBatch, or a
// function of that shape): a failure path that skips the delete leaves
// the message on the queue, which delivers it again after the visibility
// timeout. A consumer that forwards and then deletes has reported the
// failure to SQS.
func (a *analyser) deletesOnSuccess(parents map[ast.Node]ast.Node, ifs *ast.IfStmt, op token.Token) bool {
	found := false
	for _, s := range successSide(parents, ifs, op) {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if t := a.pass.TypesInfo.TypeOf(n.Fun); t != nil {
					sig, _ := t.Underlying().(*types.Signature)
					found = found || fifoapi.DeletesMessages(sig)
				}
			}
			return !found
		})
	}
	return found
}

// successSide returns the statements that run when the error checked by
// ifs is nil, in the same block: the body of `if err == nil`, or what
// follows `if err != nil { ... }`.
func successSide(parents map[ast.Node]ast.Node, ifs *ast.IfStmt, op token.Token) []ast.Stmt {
	if op == token.EQL {
		return ifs.Body.List
	}
	if block, ok := parents[ifs].(*ast.BlockStmt); ok {
		for i, s := range block.List {
			if s == ifs {
				return block.List[i+1:]
			}
		}
	}
	return nil
}

// progressCheckedAfter reports whether a failure path that breaks out of
// its loop skips progress that the success side records in a local
// variable (`sent++`), which an if after the loop checks (`if sent <
// len(msgs) { return fmt.Errorf(...) }`): stopping early is how the
// failure reaches that check.
func (a *analyser) progressCheckedAfter(parents map[ast.Node]ast.Node, ifs *ast.IfStmt, op token.Token, branch []ast.Stmt, body *ast.BlockStmt, v *types.Var) bool {
	if len(branch) == 0 {
		return false
	}
	br, ok := branch[len(branch)-1].(*ast.BranchStmt)
	if !ok || br.Tok != token.BREAK || br.Label != nil {
		return false
	}
	var loop ast.Node // the loop the break leaves
	for n := parents[ifs]; n != nil && n != body && loop == nil; n = parents[n] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		case *ast.CaseClause, *ast.CommClause, *ast.FuncLit:
			return false // the break leaves a switch or select, or another function
		}
	}
	if loop == nil {
		return false
	}
	info := a.pass.TypesInfo
	scope := a.pass.Pkg.Scope().Innermost(body.Pos())
	progress := make(map[*types.Var]bool)
	target := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if x, ok := info.ObjectOf(id).(*types.Var); ok && x != v && declaredIn(x, scope) && (x.Pos() < loop.Pos() || x.Pos() >= loop.End()) {
				progress[x] = true
			}
		}
	}
	for _, s := range successSide(parents, ifs, op) {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IncDecStmt:
				target(n.X)
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					target(l)
				}
			}
			return true
		})
	}
	if len(progress) == 0 {
		return false
	}
	checked := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Pos() >= loop.End() {
				ast.Inspect(n.Cond, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						if x, ok := info.Uses[id].(*types.Var); ok && progress[x] {
							checked = true
						}
					}
					return !checked
				})
			}
		}
		return !checked
	})
	return checked
}

// discarded reports whether a read of the error does nothing: `_ = err`.
func discarded(parents map[ast.Node]ast.Node, use *ast.Ident) bool {
	as, ok := unparenParent(parents, use).(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, r := range as.Rhs {
		if ast.Unparen(r) == use {
			id, ok := as.Lhs[i].(*ast.Ident)
			return ok && id.Name == "_"
		}
	}
	return false
}

// loggedUse reports whether a read of the error only reaches a logger:
// log.Print(err), log.Print(err.Error()), log.Print("x: " + fmt.Sprint(err)),
// or a helper of the project whose body only logs.
func (a *analyser) loggedUse(parents map[ast.Node]ast.Node, use *ast.Ident) bool {
	var e ast.Node = use
	for {
		switch p := unparenParent(parents, e).(type) {
		case *ast.SelectorExpr: // err.Error()
			call, ok := unparenParent(parents, p).(*ast.CallExpr)
			if p.Sel.Name != "Error" || !ok || ast.Unparen(call.Fun) != p || len(call.Args) != 0 {
				return false
			}
			e = call
		case *ast.BinaryExpr: // "send: " + err.Error()
			if p.Op != token.ADD {
				return false
			}
			e = p
		case *ast.CallExpr:
			if !isArg(p, e) {
				return false
			}
			if a.isLogging(p) {
				return true
			}
			if !a.isFormatting(p) {
				return false
			}
			e = p
		default:
			return false
		}
	}
}

func isArg(call *ast.CallExpr, e ast.Node) bool {
	for _, arg := range call.Args {
		if ast.Unparen(arg) == e {
			return true
		}
	}
	return false
}

// A telling says what a failure path does about the failure.
type telling struct {
	reports bool // it tells someone: returns a non-nil error, panics, calls a fallback, stores it
	logs    bool // it logs
	counts  bool // it counts the failure in a field or package variable
}

// reportsFailure says whether a failure path tells anyone: it returns a
// non-nil error, panics, sends on a channel, stores something outside the
// function, records the failure in a local variable that the function
// reads afterwards (`failed++`, `ok = false`, `status = "failed"`), or
// calls a function (a fallback). Logging and counting are
// noted apart: they leave a trace, but the caller is still told the send
// worked. Unlocking, Done, cancel calls, metric calls and `_ = f()` that
// does not receive the error are bookkeeping.
func (a *analyser) reportsFailure(parents map[ast.Node]ast.Node, branch []ast.Stmt, body *ast.BlockStmt, sig *types.Signature, v *types.Var) telling {
	errIdx := errorResult(sig)
	var t telling
	for _, s := range branch {
		ast.Inspect(s, func(n ast.Node) bool {
			if t.reports {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if a.isBookkeeping(n) {
					if x := a.atomicTarget(n); x != nil && a.recordedLocally(parents, x, branch, body, sig, v) {
						t.reports = true // failed.Store(true), then if failed.Load() { ... }
					}
					return true
				}
				if a.isLogging(n) {
					t.logs = true
					return false // its arguments only feed the log line
				}
				t.reports = true
			case *ast.ReturnStmt:
				if errIdx >= 0 && !a.returnsNil(n, body, sig, errIdx) {
					t.reports = true
				}
			case *ast.SendStmt:
				t.reports = true
			case *ast.AssignStmt:
				if allBlank(n.Lhs) && !mentions(a.pass.TypesInfo, n, v) {
					for _, r := range n.Rhs {
						if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && a.isLogging(call) {
							t.logs = true // `_ = logger.Log(...)`
						}
					}
					return false // `_ = f()`: its result is dropped too
				}
				for _, l := range n.Lhs {
					t.reports = t.reports || a.outside(l) || a.recordedLocally(parents, l, branch, body, sig, v)
				}
			case *ast.IncDecStmt:
				t.reports = t.reports || a.recordedLocally(parents, n.X, branch, body, sig, v)
				t.counts = t.counts || a.outside(n.X)
			}
			return !t.reports
		})
	}
	return t
}

func allBlank(lhs []ast.Expr) bool {
	for _, l := range lhs {
		if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// mentions reports whether n reads v.
func mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// recordedLocally reports whether e, a target assigned on the failure
// path branch, is a local variable (declared outside the branch, not the
// error v, not a result) that body reads after the branch, or anywhere in
// the body of a loop around it: the function remembers the failure and
// acts on it later (`if failed > 0 { return fmt.Errorf(...) }`, `return
// Result{Status: status}`). Reads in a loop's condition or post statement
// do not count: a retry counter (`for retries < 3`) decides whether to try
// again, not whether to report. A variable of a function around body (body
// is a closure's, often a goroutine's) counts when that function reads it
// outside the closure.
func (a *analyser) recordedLocally(parents map[ast.Node]ast.Node, e ast.Expr, branch []ast.Stmt, body *ast.BlockStmt, sig *types.Signature, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || len(branch) == 0 {
		return false
	}
	x, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	start, end := branch[0].Pos(), branch[len(branch)-1].End()
	if !ok || x == v || x.Parent() == nil || a.outside(id) || isNamedResult(sig, x) || (x.Pos() >= start && x.Pos() < end) {
		return false
	}
	if !declaredIn(x, a.pass.Pkg.Scope().Innermost(body.Pos())) {
		return a.readAround(x, body) // declared in a function around this one
	}
	var loops []*ast.BlockStmt // bodies of the loops around the branch
	for n := parents[branch[0]]; n != nil && n != body; n = parents[n] {
		switch l := n.(type) {
		case *ast.ForStmt:
			loops = append(loops, l.Body)
		case *ast.RangeStmt:
			loops = append(loops, l.Body)
		}
	}
	read := false
	ast.Inspect(body, func(n ast.Node) bool {
		r, ok := n.(*ast.Ident)
		if read || !ok || a.pass.TypesInfo.Uses[r] != x || (r.Pos() >= start && r.Pos() < end) ||
			assigned(parents, r) || discarded(parents, r) {
			return !read
		}
		if inc, ok := parents[r].(*ast.IncDecStmt); ok && inc.X == r {
			return true
		}
		read = r.Pos() >= end
		for _, lb := range loops {
			read = read || (r.Pos() >= lb.Pos() && r.Pos() < lb.End())
		}
		return !read
	})
	return read
}

// readAround reports whether x, a variable of a function around the
// closure body, is read by that function outside body (`failed.Load()`
// after wg.Wait()). An x it cannot place counts as read.
func (a *analyser) readAround(x *types.Var, body *ast.BlockStmt) bool {
	cur, ok := a.ins.Root().FindByPos(x.Pos(), x.Pos())
	if !ok {
		return true
	}
	var outer *ast.BlockStmt
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			outer = n.Body
		case *ast.FuncLit:
			outer = n.Body
		}
		break
	}
	if outer == nil {
		return true // a package variable's reads are anywhere
	}
	parents := parentMap(outer)
	read := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if read || n == body {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && a.pass.TypesInfo.Uses[id] == x && !assigned(parents, id) && !discarded(parents, id) {
			if inc, ok := parents[id].(*ast.IncDecStmt); !ok || inc.X != id {
				read = true
			}
		}
		return !read
	})
	return read
}

// atomicTarget returns the variable a sync/atomic call updates: the
// receiver of a method (`failed.Store(true)`, `n.Add(1)`) or the pointer
// argument of a function (`atomic.AddInt64(&n, 1)`), nil if none.
func (a *analyser) atomicTarget(call *ast.CallExpr) ast.Expr {
	fn := typeutil.StaticCallee(a.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return nil
	}
	var x ast.Expr
	if fn.Signature().Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		x = sel.X
	} else if len(call.Args) > 0 {
		x = call.Args[0]
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = u.X
	}
	return x
}

// declaredIn reports whether x is declared in scope or in a scope nested
// in it.
func declaredIn(x *types.Var, scope *types.Scope) bool {
	for s := x.Parent(); s != nil; s = s.Parent() {
		if s == scope {
			return true
		}
	}
	return false
}

// outside reports whether an assignment target outlives the function: a
// field, an element, a pointer target or a package variable.
func (a *analyser) outside(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.ObjectOf(x).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	}
	return false
}

func (a *analyser) isBookkeeping(call *ast.CallExpr) bool {
	if t, ok := types.Unalias(a.pass.TypesInfo.TypeOf(call.Fun)).(*types.Named); ok {
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "context" && t.Obj().Name() == "CancelFunc" {
			return true
		}
	}
	fn := typeutil.StaticCallee(a.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "sync":
		return fn.Name() == "Unlock" || fn.Name() == "RUnlock" || fn.Name() == "Done"
	case "sync/atomic", "expvar":
		return true
	case "github.com/prometheus/client_golang/prometheus":
		return fn.Name() == "Inc" || fn.Name() == "Add" || fn.Name() == "Observe"
	}
	return false
}

// loggers are the packages whose functions and methods log.
var loggers = map[string]bool{
	"log":                            true,
	"log/slog":                       true,
	"github.com/sirupsen/logrus":     true,
	"go.uber.org/zap":                true,
	"github.com/rs/zerolog":          true,
	"github.com/rs/zerolog/log":      true,
	"k8s.io/klog/v2":                 true,
	"github.com/go-kit/log":          true,
	"github.com/go-kit/log/level":    true,
	"github.com/go-kit/kit/log":      true,
	"github.com/go-logr/logr":        true,
	"github.com/apex/log":            true,
	"github.com/labstack/gommon/log": true,
}

// isLogging reports whether call logs and carries on: a function or method
// (interface methods included) of a known logger (Fatal and Panic variants
// end the program and do report), fmt.Print*, or a helper whose body only
// logs.
func (a *analyser) isLogging(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func) // interface methods too: go-kit's Logger.Log
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if strings.HasPrefix(fn.Name(), "Fatal") || strings.HasPrefix(fn.Name(), "Panic") {
		return false
	}
	path := fn.Pkg().Path()
	if path == "fmt" {
		return strings.HasPrefix(fn.Name(), "Print") || strings.HasPrefix(fn.Name(), "Fprint")
	}
	if loggers[path] || a.logsOnly[fn] {
		return true
	}
	return fn.Pkg() != a.pass.Pkg && a.pass.ImportObjectFact(fn, new(LogsOnly))
}

// isFormatting reports whether call turns its arguments into a string
// (fmt.Sprint, Sprintf, Sprintln): what it returns carries no more than
// a log line.
func (a *analyser) isFormatting(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(a.pass.TypesInfo, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Sprint")
}

// describe says what a failure path does instead of reporting, and offers
// its lone return statement for a fix.
func (a *analyser) describe(parents map[ast.Node]ast.Node, ifs *ast.IfStmt, branch []ast.Stmt, body *ast.BlockStmt, sig *types.Signature) (string, *ast.ReturnStmt) {
	if len(branch) == 0 {
		return "carries on as if the send succeeded", nil
	}
	var fix *ast.ReturnStmt
	switch s := branch[len(branch)-1].(type) {
	case *ast.ReturnStmt:
		if len(s.Results) == 0 {
			return "returns without reporting it", nil
		}
		if len(branch) == 1 {
			fix = s
		}
		parts := make([]string, len(s.Results))
		for i, r := range s.Results {
			parts[i] = types.ExprString(r)
		}
		how := "returns " + strings.Join(parts, ", ")
		if errIdx := errorResult(sig); errIdx >= 0 && len(s.Results) == sig.Results().Len() && !isNil(a.pass.TypesInfo, s.Results[errIdx]) {
			how += " (" + parts[errIdx] + " is nil there)" // reportsFailure found it nil
		}
		return how, fix
	case *ast.BranchStmt:
		switch s.Tok {
		case token.CONTINUE:
			return "skips to the next message without reporting it", nil
		case token.BREAK:
			if s.Label == nil && breaksSwitch(parents, ifs) {
				return "leaves the switch without reporting it", nil
			}
			return "leaves the loop without reporting it", nil
		}
	}
	return "carries on as if the send succeeded", nil
}

// breaksSwitch reports whether an unlabelled break in the body of ifs
// leaves a switch or select rather than a loop.
func breaksSwitch(parents map[ast.Node]ast.Node, ifs *ast.IfStmt) bool {
	for n := parents[ifs]; n != nil; n = parents[n] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return true
		}
	}
	return false
}

// returnErrorFix turns `return nil` (or `return x, nil`, or the same with
// an error variable that is nil there) in an error-returning function into
// `return err`, where err is in scope.
func (a *analyser) returnErrorFix(ret *ast.ReturnStmt, body *ast.BlockStmt, sig *types.Signature, v *types.Var) *analysis.SuggestedFix {
	errIdx := errorResult(sig)
	if ret == nil || errIdx < 0 || len(ret.Results) != sig.Results().Len() || errIdx != len(ret.Results)-1 ||
		!a.returnsNil(ret, body, sig, errIdx) || v.Parent() == nil || !v.Parent().Contains(ret.Pos()) {
		return nil
	}
	last := ret.Results[errIdx]
	return &analysis.SuggestedFix{
		Message:   "return " + v.Name() + " instead of " + types.ExprString(last),
		TextEdits: []analysis.TextEdit{{Pos: last.Pos(), End: last.End(), NewText: []byte(v.Name())}},
	}
}

// failureBranch returns the statements that run when the error is not nil:
// the body of `if err != nil`, the else of `if err == nil`, or what follows
// an `if err == nil { ...; return }`.
func failureBranch(parents map[ast.Node]ast.Node, ifs *ast.IfStmt, op token.Token) ([]ast.Stmt, bool) {
	if op == token.NEQ {
		return ifs.Body.List, true
	}
	switch e := ifs.Else.(type) {
	case *ast.BlockStmt:
		return e.List, true
	case nil:
		if !terminates(ifs.Body.List) {
			return nil, false
		}
		block, ok := parents[ifs].(*ast.BlockStmt)
		if !ok {
			return nil, false
		}
		for i, s := range block.List {
			if s == ifs {
				return block.List[i+1:], true
			}
		}
	}
	return nil, false
}

func terminates(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE || s.Tok == token.BREAK
	}
	return false
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

func otherSide(bin *ast.BinaryExpr, e ast.Expr) ast.Expr {
	if ast.Unparen(bin.X) == e {
		return bin.Y
	}
	return bin.X
}

// parentsOf returns parentMap(body), computed once per body.
func (a *analyser) parentsOf(body ast.Node) map[ast.Node]ast.Node {
	m, ok := a.parents[body]
	if !ok {
		m = parentMap(body)
		a.parents[body] = m
	}
	return m
}

// parentMap maps each node of body to its parent.
func parentMap(body ast.Node) map[ast.Node]ast.Node {
	parents := make(map[ast.Node]ast.Node)
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return parents
}

func unparenParent(parents map[ast.Node]ast.Node, n ast.Node) ast.Node {
	p := parents[n]
	for {
		if _, ok := p.(*ast.ParenExpr); !ok {
			return p
		}
		p = parents[p]
	}
}
