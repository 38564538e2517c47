package errswallow

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/analysisdoc"
	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports dropped SQS/SNS send errors and unread batch failures.
var Analyzer = New()

// New returns an errswallow analyzer with its own flags, for drivers that
// run differently configured instances (nogo, golangci-lint).
func New() *analysis.Analyzer {
	var strict bool
	a := &analysis.Analyzer{
		Name:      "errswallow",
		Doc:       analysisdoc.MustExtract(doc, "errswallow"),
		URL:       "https://github.com/fifolint/fifolint/blob/main/docs/checks/errswallow.md",
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, strict) },
		FactTypes: []analysis.Fact{new(wrapsSend)},
	}
	a.Flags.BoolVar(&strict, "strict", false, "also report failure paths that only log the error and carry on")
	return a
}

// wrapsSend marks a function that returns the error of a send, so that its
// callers in other packages are checked like the send itself.
type wrapsSend struct {
	Op string // the underlying operation, e.g. "SendMessage"
}

func (*wrapsSend) AFact() {}

func (f *wrapsSend) String() string { return "wrapsSend(" + f.Op + ")" }

// run builds its own inspector once it knows the package can call a send:
// under go vet every dependency is analysed for facts, and requiring
// inspect.Analyzer would walk all of std and the SDK.
func run(pass *analysis.Pass, strict bool) (any, error) {
	if fifoapi.Modeled(pass.Pkg) {
		return nil, nil
	}
	rep := suppress.NewReporter(pass, "errswallow")
	if !relevant(pass) {
		rep.Finish()
		return nil, nil
	}
	c := &checker{
		strict:   strict,
		pass:     pass,
		ins:      inspector.New(pass.Files),
		rep:      rep,
		wrappers: make(map[*types.Func]string),
		requests: make(map[*types.Var]fifoapi.Op),
	}
	c.findRequests()
	c.findWrappers()
	c.exportWrappers()
	c.checkSends()
	c.rep.Finish()
	return nil, nil
}

// relevant reports whether the package can call a send: it imports an SQS
// or SNS package, or a package with functions that wrap sends. Everything
// else (most of a module) costs one look at the imports.
func relevant(pass *analysis.Pass) bool {
	if fifoapi.UsesSDK(pass.Pkg) {
		return true
	}
	direct := make(map[*types.Package]bool)
	for _, imp := range pass.Pkg.Imports() {
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

type checker struct {
	strict   bool // logging is not handling
	pass     *analysis.Pass
	ins      *inspector.Inspector
	rep      *suppress.Reporter
	wrappers map[*types.Func]string    // in-package functions returning a send's error → operation
	order    []*types.Func             // wrappers in source order, for deterministic facts
	requests map[*types.Var]fifoapi.Op // v1 request variables: req, out := c.SendMessageRequest(in)
}

// A send is a call whose error result carries the outcome of a send.
type send struct {
	call     *ast.CallExpr
	name     string // how the message names the call
	errIndex int    // result index of the error; -1 if the error comes later (v1 Request form)
	outIndex int    // result index of a batch output, -1 if none
	op       string // underlying operation
	batch    bool
}

// classify recognizes sends, v1 req.Send() calls and calls of functions
// that return a send's error.
func (c *checker) classify(call *ast.CallExpr) (send, bool) {
	info := c.pass.TypesInfo
	if sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature); ok {
		if op, form, ok := fifoapi.SendOp(sig); ok {
			s := send{call: call, name: op.Name, errIndex: 1, outIndex: -1, op: op.Name, batch: op.Batch}
			if form == fifoapi.RequestForm {
				s.name, s.errIndex = op.Name+"Request", -1
				if op.Batch {
					s.outIndex = 1
				}
			} else if op.Batch {
				s.outIndex = 0
			}
			return s, true
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return send{}, false
	}
	if op, ok := c.requestSend(call, fn); ok {
		return send{call: call, name: op.Name + "Request's req.Send()", errIndex: 0, outIndex: -1, op: op.Name}, true
	}
	fn = fn.Origin()
	op, ok := c.wrappers[fn]
	if !ok {
		var f wrapsSend
		if fn.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(fn, &f) {
			return send{}, false
		}
		op = f.Op
	}
	idx := errorResult(fn.Signature())
	if idx < 0 {
		return send{}, false
	}
	name := fmt.Sprintf("%s (which returns the error of %s)", fifoapi.FuncName(c.pass.Pkg, fn), op)
	return send{call: call, name: name, errIndex: idx, outIndex: -1, op: op}, true
}

// requestSend recognizes req.Send() on a v1 request made by a send's
// Request form.
func (c *checker) requestSend(call *ast.CallExpr, fn *types.Func) (fifoapi.Op, bool) {
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
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	op, ok := c.requests[v]
	return op, ok
}

// findRequests notes the variables that hold v1 requests of sends.
func (c *checker) findRequests() {
	for cur := range c.ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
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
		sig, ok := c.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
		if !ok {
			continue
		}
		if op, form, ok := fifoapi.SendOp(sig); ok && form == fifoapi.RequestForm {
			if id, ok := lhs[0].(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
					c.requests[v] = op
				}
			}
		}
	}
}

func errorResult(sig *types.Signature) int {
	res := sig.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if types.Identical(res.At(i).Type(), types.Universe.Lookup("error").Type()) {
			return i
		}
	}
	return -1
}

// findWrappers finds the package's functions that return a send's error,
// to a fixed point (wrappers of wrappers).
func (c *checker) findWrappers() {
	var decls []*ast.FuncDecl
	for cur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		if d := cur.Node().(*ast.FuncDecl); d.Body != nil {
			decls = append(decls, d)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok || errorResult(fn.Signature()) < 0 {
				continue
			}
			if _, done := c.wrappers[fn]; done {
				continue
			}
			if op, ok := c.returnsSendError(d); ok {
				c.wrappers[fn] = op
				c.order = append(c.order, fn)
				changed = true
			}
		}
	}
}

// returnsSendError reports whether one of decl's return statements returns
// a send's error, directly or through a variable (wrapped or not).
func (c *checker) returnsSendError(decl *ast.FuncDecl) (string, bool) {
	info := c.pass.TypesInfo
	errVars := make(map[*types.Var]string)
	var op string
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not decl's
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					if s, ok := c.classify(call); ok && s.errIndex >= 0 && s.errIndex < len(n.Lhs) {
						if id, ok := n.Lhs[s.errIndex].(*ast.Ident); ok {
							if v, ok := info.ObjectOf(id).(*types.Var); ok {
								errVars[v] = s.op
							}
						}
					}
				}
			}
		case *ast.ReturnStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.CallExpr:
					if s, ok := c.classify(m); ok && s.errIndex >= 0 {
						op, found = s.op, true
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

// exportWrappers exports a fact for each exported wrapper.
func (c *checker) exportWrappers() {
	for _, fn := range c.order {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn, &wrapsSend{Op: c.wrappers[fn]})
		}
	}
}

func (c *checker) checkSends() {
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		s, ok := c.classify(call)
		if !ok || strings.HasSuffix(c.pass.Fset.Position(call.Pos()).Filename, "_test.go") {
			continue
		}
		c.check(cur, s)
	}
}

func (c *checker) report(s send, format string, args ...any) {
	c.rep.Report(analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End(), Message: fmt.Sprintf(format, args...)})
}
