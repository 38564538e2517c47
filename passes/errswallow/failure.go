package errswallow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A swallow describes a failure path that reports nothing.
type swallow struct {
	how    string          // "returns nil", "skips to the next message" ...
	logs   bool            // the path logs the error (strict mode only)
	fixRet *ast.ReturnStmt // a lone `return ..., nil` that could return the error instead
}

// swallowed decides whether uses, the reads of a send's error, are all
// nil checks whose failure paths report nothing.
func (c *checker) swallowed(cur inspector.Cursor, uses []*ast.Ident, sig *types.Signature) (swallow, bool) {
	body, _ := enclosingFunc(c.pass.TypesInfo, cur)
	parents := parentMap(body)
	var result swallow
	checks := 0
	for _, use := range uses {
		p := unparenParent(parents, use)
		if call, ok := p.(*ast.CallExpr); ok && c.strict && c.isLogging(call) {
			result.logs = true
			continue // logging is not handling in strict mode
		}
		bin, ok := p.(*ast.BinaryExpr)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) || !isNil(c.pass.TypesInfo, otherSide(bin, use)) {
			return swallow{}, false // the error reaches something
		}
		ifs, ok := unparenParent(parents, bin).(*ast.IfStmt)
		if !ok || ast.Unparen(ifs.Cond) != bin {
			return swallow{}, false // a condition we do not follow
		}
		branch, ok := failureBranch(parents, ifs, bin.Op)
		if !ok || c.reportsFailure(branch, sig) {
			return swallow{}, false
		}
		if checks == 0 {
			result.how, result.fixRet = describe(branch)
			if !c.returnsNilError(result.fixRet, sig) {
				result.fixRet = nil
			}
		}
		if c.logsIn(branch) {
			result.logs = true
		}
		checks++
	}
	return result, checks > 0
}

func (c *checker) reportSwallowed(s send, v *types.Var, sw swallow) {
	how := sw.how
	if sw.logs {
		how = "only logs the error and " + how
	}
	d := analysis.Diagnostic{
		Pos: s.call.Pos(),
		End: s.call.End(),
		Message: fmt.Sprintf("the error from %s is dropped: on failure this code %s, so a failed send looks like a delivered message; return or wrap %s",
			s.name, how, v.Name()),
	}
	if fix, ok := c.returnErrorFix(sw.fixRet, v); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.rep.Report(d)
}

// returnErrorFix turns `return nil` (or `return x, nil`) in an
// error-returning function into `return err`, where err is in scope.
func (c *checker) returnErrorFix(ret *ast.ReturnStmt, v *types.Var) (analysis.SuggestedFix, bool) {
	if ret == nil || v.Parent() == nil || !v.Parent().Contains(ret.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	last := ret.Results[len(ret.Results)-1]
	return analysis.SuggestedFix{
		Message:   "return " + v.Name() + " instead of nil",
		TextEdits: []analysis.TextEdit{{Pos: last.Pos(), End: last.End(), NewText: []byte(v.Name())}},
	}, true
}

// returnsNilError reports whether ret returns a literal nil as the last
// result of a function whose last result is an error.
func (c *checker) returnsNilError(ret *ast.ReturnStmt, sig *types.Signature) bool {
	if ret == nil || sig == nil || len(ret.Results) == 0 || len(ret.Results) != sig.Results().Len() {
		return false
	}
	last := len(ret.Results) - 1
	return errorResult(sig) == last && isNil(c.pass.TypesInfo, ret.Results[last])
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

// reportsFailure reports whether a failure path tells anyone: it returns a
// non-nil error, panics, sends on a channel, stores something outside the
// function, or calls a function (a fallback, a logger unless -strict).
// Unlocking, Done, cancel calls and counting a metric are bookkeeping: the
// caller is still told the send worked.
func (c *checker) reportsFailure(branch []ast.Stmt, sig *types.Signature) bool {
	errIdx := -1
	if sig != nil {
		errIdx = errorResult(sig)
	}
	reports := false
	for _, s := range branch {
		ast.Inspect(s, func(n ast.Node) bool {
			if reports {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if c.isBookkeeping(n) || c.strict && c.isLogging(n) {
					return true
				}
				reports = true
			case *ast.ReturnStmt:
				if errIdx >= 0 && len(n.Results) == sig.Results().Len() && !isNil(c.pass.TypesInfo, n.Results[errIdx]) {
					reports = true
				}
			case *ast.SendStmt:
				reports = true
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					reports = reports || c.outside(l)
				}
			case *ast.IncDecStmt:
				reports = c.outside(n.X)
			}
			return !reports
		})
	}
	return reports
}

// outside reports whether an assignment target outlives the function: a
// field, an element, a pointer target or a package variable.
func (c *checker) outside(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(x).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	}
	return false
}

func (c *checker) isBookkeeping(call *ast.CallExpr) bool {
	if t, ok := types.Unalias(c.pass.TypesInfo.TypeOf(call.Fun)).(*types.Named); ok {
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "context" && t.Obj().Name() == "CancelFunc" {
			return true
		}
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
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
	"github.com/go-kit/log/level":    true,
	"github.com/apex/log":            true,
	"github.com/labstack/gommon/log": true,
}

// isLogging reports whether call logs and carries on (Fatal and Panic
// variants end the program and do report).
func (c *checker) isLogging(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
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
	return loggers[path]
}

func (c *checker) logsIn(branch []ast.Stmt) bool {
	logs := false
	for _, s := range branch {
		ast.Inspect(s, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && c.isLogging(call) {
				logs = true
			}
			return !logs
		})
	}
	return logs
}

// describe says what a failure path does instead of reporting, and offers
// its lone return statement for a fix.
func describe(branch []ast.Stmt) (string, *ast.ReturnStmt) {
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
		return "returns " + strings.Join(parts, ", "), fix
	case *ast.BranchStmt:
		switch s.Tok {
		case token.CONTINUE:
			return "skips to the next message without reporting it", nil
		case token.BREAK:
			return "leaves the loop without reporting it", nil
		}
	}
	return "carries on as if the send succeeded", nil
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
