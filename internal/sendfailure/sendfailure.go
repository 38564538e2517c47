package sendfailure

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/suppress"
)

// Analyzer computes the Result of a package: the sends whose failure is
// lost, and the WrapsSend and LogsOnly facts of its functions.
var Analyzer = &analysis.Analyzer{
	Name:       "sendfailure",
	Doc:        "find where the failure of each SQS/SNS send goes (used by errswallow)",
	URL:        "https://github.com/fifolint/fifolint/blob/main/docs/checks/errswallow.md",
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(WrapsSend), new(LogsOnly)},
}

// Result lists the sends of a package whose failure is lost, in source
// order. Test files are left out.
type Result struct {
	Losses []Loss
}

// A Kind says how a send's failure is lost.
type Kind int

const (
	Unchecked       Kind = iota // the call is an expression statement
	InGoroutine                 // the call runs in a go statement
	Deferred                    // the call runs in a defer statement
	Blank                       // the error is assigned to _
	Unread                      // the error is assigned and never read
	Overwritten                 // the error is overwritten before any read
	LoopOverwritten             // the next loop iteration overwrites the error before any read
	Swallowed                   // the error is only compared with nil and the failure path reports nothing
	FailedDiscarded             // a batch output is discarded, so Failed is never read
	FailedUnread                // a batch output is kept but its Failed is never read
)

// A Send is a call whose results carry a send's outcome.
type Send struct {
	Call  *ast.CallExpr
	Name  string // how a message names the call, e.g. "SendMessage" or "Notify (which returns the error of Publish)"
	Op    string // the underlying operation, e.g. "SendMessage"
	Batch bool   // the results include a batch output (or its Failed) the caller must read
	Logs  bool   // a wrapper (or all implementations) that logs the failure before returning it

	group    types.Object // the error group of a Wait, nil for other sends
	errIndex int          // result index of the error; -1 if none (v1 Request form: it comes from req.Send())
	outIndex int          // result index of a batch output or Failed slice; -1 if none
}

// A Loss is a send whose failure reaches no one.
type Loss struct {
	Send Send
	Kind Kind
	Var  string // the variable holding the error (or, for FailedUnread, the output)
	Line int    // Overwritten: line of the overwriting statement

	// Swallowed only:
	Path   string // what the failure path does instead, e.g. "returns nil", "returns err, which is nil there"
	Logs   bool   // the failure path logs the error (any kind: the wrapper logs it)
	Counts bool   // the failure path counts the failure (a field or package counter)
	Fix    *analysis.SuggestedFix
}

// Weak reports whether the failure leaves a trace (a log line, a counter)
// without telling the caller: lost for a strict reader only. Logs is also
// set for any loss of a wrapper that logs the failure before returning it.
func (l Loss) Weak() bool { return l.Logs || l.Counts }

// WrapsSend marks a function that carries a send's outcome to its callers,
// so that calls of it in other packages are checked like the send itself.
type WrapsSend struct {
	Op  string // the underlying operation, e.g. "SendMessage"
	Err int    // result index of the error that is non-nil on the send's failure path, -1 if none
	Out int    // result index of a batch output or Failed slice returned unread, -1 if none
	// Logs: the wrapper logs the failure itself before every return of
	// it, so a caller that drops the error loses no more than one that
	// logs and carries on (reported in strict mode only).
	Logs bool
}

func (*WrapsSend) AFact() {}

func (f *WrapsSend) String() string {
	s := "wrapsSend(" + f.Op
	if f.Out >= 0 {
		s += ", owes Failed at result " + strconv.Itoa(f.Out)
	}
	if f.Logs {
		s += ", logs"
	}
	return s + ")"
}

// LogsOnly marks a function with no results whose body only logs (calls
// known loggers or other LogsOnly functions): an error passed to it is
// logged and nothing more.
type LogsOnly struct{}

func (*LogsOnly) AFact() {}

func (*LogsOnly) String() string { return "logsOnly" }

// run builds its own inspector once it knows the package can call a send:
// under go vet every dependency is analysed for facts, and requiring
// inspect.Analyzer would walk all of std and the SDK. Log helpers are
// found first, from the declarations alone, in every package of the
// user's own code: the packages that only log are the ones that do not
// send.
func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if fifoapi.Modeled(pass.Pkg) {
		return res, nil
	}
	sends := relevant(pass)
	if !sends && !fifoapi.OwnCode(pass.Module) {
		// Third-party code that cannot send. Its log helpers are left to
		// the loggers table, as standalone fifolint, which does not read
		// that code, leaves them.
		return res, nil
	}
	a := &analyser{
		pass:      pass,
		wrappers:  make(map[*types.Func]WrapsSend),
		logsOnly:  make(map[*types.Func]bool),
		requests:  make(map[*types.Var]fifoapi.Op),
		groups:    make(map[types.Object]string),
		groupLogs: make(map[types.Object]bool),
		graphs:    make(map[*ast.BlockStmt]*cfg.CFG),
		nils:      make(map[*ast.BlockStmt]*nilness),
		parents:   make(map[ast.Node]map[ast.Node]ast.Node),
		ifaces:    make(map[*types.Func]WrapsSend),
	}
	a.findLogHelpers()
	if !sends {
		return res, nil
	}
	a.ins = inspector.New(pass.Files)
	a.findRequests()
	a.findWrappers()
	a.exportFacts()
	res.Losses = a.losses()
	return res, nil
}

// relevant reports whether the package can call a send: it imports an SQS
// or SNS package, or a package with functions that wrap sends. Everything
// else (most of a module) costs one look at the imports.
func relevant(pass *analysis.Pass) bool {
	return fifoapi.UsesSDK(pass.Pkg) || fifoapi.ImportsFact[*WrapsSend](pass)
}

type analyser struct {
	pass        *analysis.Pass
	ins         *inspector.Inspector
	wrappers    map[*types.Func]WrapsSend          // in-package wrappers
	order       []*types.Func                      // wrappers in the order found, for deterministic facts
	logsOnly    map[*types.Func]bool               // in-package functions whose body only logs
	requests    map[*types.Var]fifoapi.Op          // v1 request variables: req, out := c.SendMessageRequest(in)
	groups      map[types.Object]string            // errgroup variables whose goroutines return a send's error → operation
	groupLogs   map[types.Object]bool              // such groups whose every goroutine logs the failure before returning it
	graphs      map[*ast.BlockStmt]*cfg.CFG        // control-flow graphs of the function bodies that hold sends
	nils        map[*ast.BlockStmt]*nilness        // nil error variables of the same bodies
	parents     map[ast.Node]map[ast.Node]ast.Node // parentsOf's maps, by function body: the wrapper fixed point asks again each round
	ifaces      map[*types.Func]WrapsSend          // interface methods → what their implementations in view carry
	methods     map[string][]*types.Named          // method name → concrete types in view that have it
	factMethods map[string]bool                    // names of the imported methods with a WrapsSend fact
	found       []Loss                             // filled by check
}

// losses judges every send of the package.
func (a *analyser) losses() []Loss {
	waits := make(map[types.Object]int) // Waits of each group
	for cur := range a.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		s, ok := a.classify(call)
		if !ok || suppress.InTestFile(a.pass.Fset, call.Pos()) {
			continue
		}
		if s.group != nil {
			waits[s.group]++
		}
		a.check(cur, s)
	}
	return a.keepGroupLosses(waits)
}

// keepGroupLosses drops the lost Waits of a group that is also waited on
// where its error is handled: Wait returns the group's first error every
// time, so `defer g.Wait()` (no goroutine outlives the function) beside
// `return g.Wait()` loses nothing. waits counts each group's Waits.
func (a *analyser) keepGroupLosses(waits map[types.Object]int) []Loss {
	lost := make(map[types.Object]int)
	for _, l := range a.found {
		if l.Send.group != nil {
			lost[l.Send.group]++
		}
	}
	kept := a.found[:0]
	for _, l := range a.found {
		if g := l.Send.group; g == nil || lost[g] == waits[g] {
			kept = append(kept, l)
		}
	}
	return kept
}

// lose records a loss. A dropped error of a wrapper that logs the
// failure itself is a weak loss, like logging and carrying on.
func (a *analyser) lose(l Loss) {
	if l.Send.Logs && l.Kind != FailedDiscarded && l.Kind != FailedUnread {
		l.Logs = true
	}
	a.found = append(a.found, l)
}

// graph returns the control-flow graph of body, built once.
func (a *analyser) graph(body *ast.BlockStmt) *cfg.CFG {
	g, ok := a.graphs[body]
	if !ok {
		g = cfg.New(body, func(*ast.CallExpr) bool { return true })
		a.graphs[body] = g
	}
	return g
}

// nilsOf returns the nil analysis of a function body, built once.
func (a *analyser) nilsOf(body *ast.BlockStmt, sig *types.Signature) *nilness {
	n, ok := a.nils[body]
	if !ok {
		n = newNilness(a.pass.TypesInfo, a.graph(body), body, sig)
		a.nils[body] = n
	}
	return n
}
