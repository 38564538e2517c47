package sendfailure

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/suppress"
)

// errorGroups lists, by package path, the types whose Go method runs a
// function that returns an error and whose Wait returns those errors:
// golang.org/x/sync/errgroup and the pools of github.com/sourcegraph/conc
// that collect errors.
var errorGroups = map[string][]string{
	"golang.org/x/sync/errgroup":       {"Group"},
	"github.com/sourcegraph/conc/pool": {"ErrorPool", "ContextPool", "ResultErrorPool", "ResultContextPool"},
}

// classify recognizes sends, v1 req.Send() calls, errgroup Waits and
// backoff Retries that run a function returning a send's error, calls of
// wrappers, and calls through interfaces whose implementations in view
// are all wrappers.
func (a *analyser) classify(call *ast.CallExpr) (Send, bool) {
	info := a.pass.TypesInfo
	if sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature); ok {
		if op, form, ok := fifoapi.SendOp(sig); ok {
			s := Send{Call: call, Name: op.Name, Op: op.Name, Batch: op.Batch, errIndex: 1, outIndex: -1}
			if form == fifoapi.RequestForm {
				s.Name, s.errIndex = op.Name+"Request", -1
				if op.Batch {
					s.outIndex = 1
				}
			} else if op.Batch {
				s.outIndex = 0
			}
			return a.ownShape(s), true
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return a.interfaceCall(call)
	}
	if op, ok := a.requestSend(call, fn); ok {
		return Send{Call: call, Name: op.Name + "Request's req.Send()", Op: op.Name, errIndex: 0, outIndex: -1}, true
	}
	if isGroupMethod(fn, "Wait") {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return Send{}, false
		}
		obj := a.groupObject(sel.X)
		if op, ok := a.groups[obj]; ok {
			logs := a.groupLogs[obj]
			verb := "return"
			if logs {
				verb = "log and return"
			}
			name := types.ExprString(sel.X) + ".Wait() (its goroutines " + verb + " the error of " + op + ")"
			return Send{Call: call, Name: name, Op: op, Logs: logs, group: obj, errIndex: errorResult(fn.Signature()), outIndex: -1}, true
		}
		return Send{}, false
	}
	if isRetry(fn) {
		for _, arg := range call.Args {
			if op, logs, ok := a.funcValueReturnsSendError(arg); ok {
				verb := "returns"
				if logs {
					verb = "logs and returns"
				}
				name := fifoapi.FuncName(a.pass.Pkg, fn) + " (whose operation " + verb + " the error of " + op + ")"
				return Send{Call: call, Name: name, Op: op, Logs: logs, errIndex: errorResult(fn.Signature()), outIndex: -1}, true
			}
		}
		return Send{}, false
	}
	fn = fn.Origin()
	w, ok := a.wrapper(fn)
	if !ok {
		return Send{}, false
	}
	return Send{Call: call, Name: a.wrapperName(fn, w), Op: w.Op, Batch: w.Out >= 0, Logs: w.Logs, errIndex: w.Err, outIndex: w.Out}, true
}

// ownShape refines a call that has the shape of a send when it calls the
// user's own function, whose body was analysed: it owes the read of Failed
// only if it returns the output unread, and the message names it.
// Interface methods, function values and the SDK keep the shape's duties.
func (a *analyser) ownShape(s Send) Send {
	fn := typeutil.StaticCallee(a.pass.TypesInfo, s.Call)
	if fn == nil || fn.Pkg() == nil || fifoapi.Modeled(fn.Pkg()) {
		return s
	}
	fn = fn.Origin()
	w, ok := a.wrapper(fn)
	if s.errIndex >= 0 && (!ok || w.Out < 0) {
		s.Batch, s.outIndex = false, -1
	}
	if ok {
		s.Name, s.Logs = a.wrapperName(fn, w), w.Logs
	}
	return s
}

// wrapperName names a wrapper call in a message, with the send it wraps.
func (a *analyser) wrapperName(fn *types.Func, w WrapsSend) string {
	what := "error"
	switch {
	case w.Err < 0:
		what = "output"
	case w.Out >= 0:
		what = "error and output"
	}
	verb := "returns"
	if w.Logs {
		verb = "logs and returns"
	}
	return fifoapi.FuncName(a.pass.Pkg, fn) + " (which " + verb + " the " + what + " of " + w.Op + ")"
}

// wrapper returns what fn carries of a send, from this package's analysis
// or from a fact.
func (a *analyser) wrapper(fn *types.Func) (WrapsSend, bool) {
	if w, ok := a.wrappers[fn]; ok {
		return w, true
	}
	var f WrapsSend
	if fn.Pkg() == a.pass.Pkg || !a.pass.ImportObjectFact(fn, &f) {
		return WrapsSend{}, false
	}
	return f, true
}

// requestSend recognizes req.Send() on a v1 request made by a send's
// Request form.
func (a *analyser) requestSend(call *ast.CallExpr, fn *types.Func) (fifoapi.Op, bool) {
	if fn.Name() != "Send" || fn.Pkg() == nil || fifoapi.TrimVendor(fn.Pkg().Path()) != fifoapi.V1Request {
		return fifoapi.Op{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return fifoapi.Op{}, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return fifoapi.Op{}, false
	}
	v, _ := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	op, ok := a.requests[v]
	return op, ok
}

// findRequests notes the variables that hold v1 requests of sends.
func (a *analyser) findRequests() {
	for cur := range a.ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, name := range n.Names {
				lhs = append(lhs, name)
			}
			rhs = n.Values
		}
		if len(rhs) != 1 || len(lhs) != 2 {
			continue
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		sig, ok := a.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
		if !ok {
			continue
		}
		if op, form, ok := fifoapi.SendOp(sig); ok && form == fifoapi.RequestForm {
			if id, ok := lhs[0].(*ast.Ident); ok {
				if v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
					a.requests[v] = op
				}
			}
		}
	}
}

// findGroups notes the error groups (errgroup.Group, conc pools) that run
// a function returning a send's error: g.Go(func() error { ...; return err })
// or g.Go(wrapperFunc). The group's Wait then carries that error; it
// logs when every such goroutine logs the failure before returning it.
// Each round of findWrappers starts afresh: wrappers found since may log.
func (a *analyser) findGroups() {
	clear(a.groups)
	clear(a.groupLogs)
	for cur := range a.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := typeutil.StaticCallee(a.pass.TypesInfo, call)
		if fn == nil || !(isGroupMethod(fn, "Go") || isGroupMethod(fn, "TryGo")) || len(call.Args) != 1 {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		obj := a.groupObject(sel.X)
		if obj == nil {
			continue
		}
		op, logs, ok := a.funcValueReturnsSendError(call.Args[0])
		if !ok {
			continue
		}
		if _, seen := a.groups[obj]; !seen {
			a.groups[obj], a.groupLogs[obj] = op, logs
		} else {
			a.groupLogs[obj] = a.groupLogs[obj] && logs
		}
	}
}

// funcValueReturnsSendError reports whether a function value (a literal,
// or a function or method value) returns a send's error, and whether it
// logs the failure before every return of it.
func (a *analyser) funcValueReturnsSendError(e ast.Expr) (op string, logs, ok bool) {
	switch f := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		sig, _ := a.pass.TypesInfo.TypeOf(f).(*types.Signature)
		if op, ok := a.returnsSendError(f.Body, sig); ok {
			return op, a.logsBeforeReturning(f.Body, sig), true
		}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := f.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = f.(*ast.Ident)
		}
		if fn, ok := a.pass.TypesInfo.Uses[id].(*types.Func); ok {
			if w, ok := a.wrapper(fn.Origin()); ok && w.Err >= 0 {
				return w.Op, w.Logs, true
			}
		}
	}
	return "", false, false
}

// groupObject returns the variable or field that holds an errgroup: g,
// &g, s.g.
func (a *analyser) groupObject(x ast.Expr) types.Object {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			return a.pass.TypesInfo.ObjectOf(e)
		case *ast.SelectorExpr:
			return a.pass.TypesInfo.ObjectOf(e.Sel)
		case *ast.UnaryExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		default:
			return nil
		}
	}
}

// isGroupMethod reports whether fn is the named method of an error group.
func isGroupMethod(fn *types.Func, name string) bool {
	if fn.Name() != name || fn.Pkg() == nil {
		return false
	}
	return slices.Contains(errorGroups[fifoapi.TrimVendor(fn.Pkg().Path())], fifoapi.RecvName(fn))
}

// isRetry reports whether fn is one of the Retry functions of
// github.com/cenkalti/backoff v4 or v5, which return the last error of the
// operation they run.
func isRetry(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Signature().Recv() != nil || !strings.HasPrefix(fn.Name(), "Retry") || fn.Name() == "RetryAfter" {
		return false
	}
	switch fifoapi.TrimVendor(fn.Pkg().Path()) {
	case "github.com/cenkalti/backoff/v4", "github.com/cenkalti/backoff/v5":
		return true
	}
	return false
}

// errorResult returns the index of sig's last error result, or -1.
func errorResult(sig *types.Signature) int {
	if sig == nil {
		return -1
	}
	res := sig.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if types.Identical(res.At(i).Type(), types.Universe.Lookup("error").Type()) {
			return i
		}
	}
	return -1
}

// interfaceCall recognizes a call of a method of the user's own interface
// whose implementations in view (in this package and the packages it
// imports, directly or not) all carry a send's error: it is checked like a
// call of those wrappers. Implementations elsewhere (in a package that
// imports this one) cannot be seen and are assumed to be alike.
func (a *analyser) interfaceCall(call *ast.CallExpr) (Send, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Send{}, false
	}
	selection := a.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal || !types.IsInterface(selection.Recv()) {
		return Send{}, false
	}
	m, ok := selection.Obj().(*types.Func)
	if !ok || m.Pkg() == nil || fifoapi.Modeled(m.Pkg()) {
		return Send{}, false
	}
	w, ok := a.implemented(m)
	if !ok {
		return Send{}, false
	}
	what := "error"
	if w.Out >= 0 {
		what = "error and output"
	}
	name := fifoapi.FuncName(a.pass.Pkg, m) + " (whose implementations return the " + what + " of " + w.Op + ")"
	return Send{Call: call, Name: name, Op: w.Op, Batch: w.Out >= 0, Logs: w.Logs, errIndex: w.Err, outIndex: w.Out}, true
}

// implemented says what the implementations in view of interface method m
// carry of a send, when all of them (at least one) carry a send's error.
// Results are cached until findWrappers finds more wrappers.
func (a *analyser) implemented(m *types.Func) (WrapsSend, bool) {
	if w, ok := a.ifaces[m]; ok {
		return w, w.Err >= 0
	}
	iface, ok := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok || errorResult(m.Signature()) < 0 || !a.wrapperMethodName(m.Name()) {
		return WrapsSend{}, false
	}
	all := WrapsSend{Err: -1, Out: -1}
	n := 0
	for _, named := range a.methodIndex()[m.Name()] {
		var t types.Type = named
		if !types.Implements(t, iface) {
			if t = types.NewPointer(named); !types.Implements(t, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, m.Pkg(), m.Name())
		impl, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		w, ok := a.wrapper(impl.Origin())
		if !ok || w.Err < 0 || n > 0 && w.Out != all.Out {
			n = -1
			break
		}
		if n > 0 {
			w.Logs = w.Logs && all.Logs // logged only if every implementation logs
		}
		all, n = w, n+1
	}
	if n <= 0 {
		all = WrapsSend{Err: -1, Out: -1}
	}
	a.ifaces[m] = all
	return all, all.Err >= 0
}

// wrapperMethodName reports whether some method in view with this name is
// a wrapper: a cheap test that spares most interface calls the search for
// their implementations.
func (a *analyser) wrapperMethodName(name string) bool {
	if a.factMethods == nil {
		a.factMethods = make(map[string]bool)
		for _, f := range a.pass.AllObjectFacts() {
			if fn, ok := f.Object.(*types.Func); ok && fn.Signature().Recv() != nil {
				if _, ok := f.Fact.(*WrapsSend); ok {
					a.factMethods[fn.Name()] = true
				}
			}
		}
	}
	if a.factMethods[name] {
		return true
	}
	for fn := range a.wrappers {
		if fn.Name() == name && fn.Signature().Recv() != nil {
			return true
		}
	}
	return false
}

// nonTestImports returns the paths the package's non-test files import.
// The test variant of a package (what go vet checks) also imports what
// its tests do: packages of fakes and mocks, which the code never runs
// with.
func (a *analyser) nonTestImports() map[string]bool {
	paths := make(map[string]bool)
	for _, f := range a.pass.Files {
		if suppress.InTestFile(a.pass.Fset, f.FileStart) {
			continue
		}
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil {
				paths[p] = true
			}
		}
	}
	return paths
}

// inTestFile reports whether a type is declared in a test file: a fake or
// a mock, not an implementation the code runs with.
func (a *analyser) inTestFile(tn *types.TypeName) bool {
	return suppress.InTestFile(a.pass.Fset, tn.Pos())
}

// methodIndex maps a method name to the concrete named types in view
// (this package and the packages it imports, directly or not, less std
// and the SDK) that have a method of that name, promoted ones included.
// Types declared in test files, and packages only test files import, are
// left out: fakes and mocks would hide the implementation the code runs
// with. It is built once, on the first call through a user's interface.
func (a *analyser) methodIndex() map[string][]*types.Named {
	if a.methods != nil {
		return a.methods
	}
	a.methods = make(map[string][]*types.Named)
	seen := map[*types.Package]bool{a.pass.Pkg: true}
	list := []*types.Package{a.pass.Pkg}
	runtime := a.nonTestImports()
	for i := 0; i < len(list); i++ {
		scope := list[i].Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || a.inTestFile(tn) {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			ms := types.NewMethodSet(types.NewPointer(named))
			for j := range ms.Len() {
				m := ms.At(j).Obj().Name()
				a.methods[m] = append(a.methods[m], named)
			}
		}
		for _, imp := range list[i].Imports() {
			if i == 0 && !runtime[imp.Path()] {
				continue // imported by test files only: fakes and mocks
			}
			if !seen[imp] && !fifoapi.Modeled(imp) {
				seen[imp] = true
				list = append(list, imp)
			}
		}
	}
	return a.methods
}
