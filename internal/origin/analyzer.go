package origin

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/suppress"
)

// Analyzer computes the origins of the values that reach FIFO id fields in
// a package, and the facts that carry wrappers and helpers to other
// packages. The groupid and dedupid passes require it and only judge.
// Its configuration is DefaultConfig, which the dedupid pass's flags set.
var Analyzer = New(&DefaultConfig)

// DefaultConfig configures Analyzer.
var DefaultConfig Config

// New returns an origin analyzer that uses cfg, for drivers that run
// differently configured fifolint passes (nogo, golangci-lint). Passes that
// share one origin analyzer share its configuration; two origin analyzers
// cannot run in one analysis, as they export the same fact types.
func New(cfg *Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "fifoorigin",
		Doc:        "compute where FIFO message group and deduplication ids come from (used by groupid and dedupid)",
		URL:        "https://github.com/fifolint/fifolint",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
		ResultType: reflect.TypeOf((*Result)(nil)),
		FactTypes:  []analysis.Fact{new(ResultFact), new(SinkFact), new(VarFact)},
	}
}

// Result lists the id values of a package whose origin is fully known.
type Result struct {
	Values []Value
}

// A Value is one id value with a resolved origin.
type Value struct {
	Field  fifoapi.IDField
	Expr   ast.Expr // the reported expression: the value, or the argument of a wrapper call
	Origin Origin
	Via    string // name of the user's function the value is passed to, "" when set directly

	// InBatch: the value concerns a whole batch. For a dedup id, every
	// entry of a batch built in a loop shares it (Origin.Desc is the
	// expression, Origin.Pos the loop); for a group id, the entries of one
	// batch literal (Expr) carry the different constants in Origin.Desc.
	InBatch bool
}

// run builds its own inspector, and only in packages that can set an id:
// under go vet every dependency, all of std and the SDK included, is
// analysed for facts, and requiring inspect.Analyzer would walk them all.
func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if fifoapi.Modeled(pass.Pkg) {
		return &Result{}, nil
	}
	a := &analysisState{pass: pass, sinks: make(map[*ast.FuncDecl][]site)}
	mayHaveSinks := a.mayHaveSinks()
	a.scope = scopeOf(pass, cfg, mayHaveSinks)
	if a.scope == skipScope {
		return &Result{}, nil
	}
	a.idx = newIndex(pass.TypesInfo, pass.Pkg, pass.Files)
	a.ev = newEvaluator(pass, a.idx, cfg)

	res := &Result{}
	if mayHaveSinks {
		ins := inspector.New(pass.Files)
		res.Values = a.collapseLiteralGroups(ins, withBatchRepeats(a.values(), a.batchRepeats(ins)))
		a.exportSinks()
	}
	a.exportResults()
	a.exportVars()
	a.exportFuncVars()
	return res, nil
}

type analysisState struct {
	pass  *analysis.Pass
	scope scope
	idx   *index
	ev    *evaluator
	sinks map[*ast.FuncDecl][]site
	busy  map[*ast.FuncDecl]bool
}

// A site is a place in a function where an id field gets a value: directly,
// or through a call of a function that is a sink.
type site struct {
	field  fifoapi.IDField
	expr   ast.Expr
	origin Origin
	via    string // the user's function the value is passed to, if any

	content Origin // for a dedup id: the body and attributes of its message
}

// mayHaveSinks reports whether the package can set an id field at all: it
// imports an SQS or SNS package, a messaging library that carries ids in
// metadata, or a package that exports sinks.
func (a *analysisState) mayHaveSinks() bool {
	return fifoapi.UsesSDK(a.pass.Pkg) || fifoapi.UsesLibrary(a.pass.Pkg) || fifoapi.ImportsFact[*SinkFact](a.pass)
}

// values returns the resolved id values of the package, in source order.
func (a *analysisState) values() []Value {
	var out []Value
	decls := append([]*ast.FuncDecl{nil}, a.idx.declOrder...)
	for _, d := range decls {
		for _, s := range a.sitesIn(d) {
			if s.origin.Pending() || s.origin.Kind == None || fixedMessage(s) {
				continue
			}
			if a.testCode(s.expr, d) {
				continue // tests send constant ids on purpose
			}
			out = append(out, Value{Field: s.field, Expr: s.expr, Origin: s.origin, Via: s.via})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Expr.Pos() < out[j].Expr.Pos() })
	return out
}

// testCode reports whether e, in decl, is test code: in a _test.go file,
// or in a test helper of an ordinary file (a function that takes a
// *testing.T, *testing.B, *testing.F or testing.TB, such as a fixture
// loader in a testutil package), which runs only under go test.
func (a *analysisState) testCode(e ast.Expr, decl *ast.FuncDecl) bool {
	if suppress.InTestFile(a.pass.Fset, e.Pos()) {
		return true
	}
	return takesParam(a.pass.TypesInfo, decl, "testing", "T", "B", "F", "TB")
}

// takesParam reports whether decl (nil: none) has a parameter of type
// path.Name or *path.Name, for one of names.
func takesParam(info *types.Info, decl *ast.FuncDecl, path string, names ...string) bool {
	if decl == nil {
		return false
	}
	fn, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for p := range fn.Signature().Params().Variables() {
		t := types.Unalias(p.Type())
		if ptr, ok := t.(*types.Pointer); ok {
			t = types.Unalias(ptr.Elem())
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && slices.Contains(names, n.Obj().Name()) {
			return true
		}
	}
	return false
}

// sitesIn finds the sites of one function (nil: package-level initializers).
func (a *analysisState) sitesIn(decl *ast.FuncDecl) []site {
	if s, ok := a.sinks[decl]; ok {
		return s
	}
	if a.busy == nil {
		a.busy = make(map[*ast.FuncDecl]bool)
	}
	if a.busy[decl] {
		return nil
	}
	a.busy[decl] = true
	defer delete(a.busy, decl)

	var sites []site
	info := a.pass.TypesInfo
	for _, n := range a.idx.sinkNodes[decl] {
		if s, ok := a.metadataSites(n, decl); ok {
			sites = append(sites, s...)
			continue
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			if !fifoapi.IsCarrier(info.TypeOf(n)) {
				continue
			}
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if f, ok := a.idField(kv.Key, info.TypeOf(n)); ok {
					sites = append(sites, a.directIn(f, kv.Value, n, decl))
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if f, ok := a.idField(sel.Sel, info.TypeOf(sel.X)); ok {
					sites = append(sites, a.directIn(f, n.Rhs[i], sel.X, decl))
				}
			}
		case *ast.CallExpr:
			sites = append(sites, a.callSites(n, decl)...)
		}
	}
	a.sinks[decl] = sites
	return sites
}

func (a *analysisState) idField(key ast.Expr, carrier types.Type) (fifoapi.IDField, bool) {
	id, ok := key.(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return 0, false
	}
	return fifoapi.FieldOf(carrier, v)
}

func (a *analysisState) direct(f fifoapi.IDField, value ast.Expr, decl *ast.FuncDecl) site {
	return site{field: f, expr: value, origin: a.ev.value(value, nil, decl)}
}

// callSites handles a call that sets an id: a v1 setter, or a call of a
// function whose parameters flow into id fields (in this package, or
// known from a SinkFact).
func (a *analysisState) callSites(call *ast.CallExpr, decl *ast.FuncDecl) []site {
	fn := typeutil.StaticCallee(a.pass.TypesInfo, call)
	if fn == nil {
		return a.funcValueSites(call, decl)
	}
	if f, ok := fifoapi.Setter(fn); ok && len(call.Args) == 1 {
		return []site{a.directIn(f, call.Args[0], receiver(call), decl)}
	}
	return a.wrapperSites(call, fn.Origin(), decl)
}

// wrapperSites returns the sites of a call of fn, a function whose
// parameters flow into id fields.
func (a *analysisState) wrapperSites(call *ast.CallExpr, fn *types.Func, decl *ast.FuncDecl) []site {
	var callee []site
	if fd := a.idx.funcs[fn]; fd != nil {
		callee = a.sitesIn(fd)
	} else {
		var f SinkFact
		if fn.Pkg() == a.pass.Pkg || !a.pass.ImportObjectFact(fn, &f) {
			return nil
		}
		for _, s := range f.Sinks {
			callee = append(callee, site{field: s.Field, origin: s.Origin, content: s.Content})
		}
	}
	var out []site
	for _, s := range callee {
		if !s.origin.Pending() {
			continue
		}
		o := a.ev.substitute(s.origin, call, fn, decl)
		via := fifoapi.FuncName(a.pass.Pkg, fn)
		if fb, ok := a.fallback(call, fn, s.origin, o, decl); ok {
			o, via = fb, ""
		}
		out = append(out, site{field: s.field, expr: a.reportedArg(call, fn, s.origin, o, decl), origin: o, via: via,
			content: a.ev.substitute(s.content, call, fn, decl)})
	}
	return out
}

// reportedArg picks where a wrapper call is reported: the argument that
// decided the origin, else the call.
func (a *analysisState) reportedArg(call *ast.CallExpr, fn *types.Func, pending, resolved Origin, decl *ast.FuncDecl) ast.Expr {
	for _, d := range pending.Deps {
		if arg := argFor(a.pass.TypesInfo, call, fn, d.Param); arg != nil {
			if resolved.Pending() || a.ev.value(arg, splitPath(d.Path), decl).Kind == resolved.Kind || len(pending.Deps) == 1 {
				return arg
			}
		}
	}
	return call
}

func splitPath(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

// exportSinks exports a SinkFact for every exported function whose
// parameters flow into id fields.
func (a *analysisState) exportSinks() {
	for _, d := range a.idx.declOrder {
		fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok || !fn.Exported() || d.Body == nil {
			continue
		}
		var f SinkFact
		for _, s := range a.sitesIn(d) {
			if s.origin.Pending() {
				f.Sinks = append(f.Sinks, Sink{Field: s.field, Origin: s.origin.portable(), Content: s.content.portable()})
			}
		}
		if len(f.Sinks) > 0 {
			a.pass.ExportObjectFact(fn, &f)
		}
	}
}

// exportResults exports a ResultFact for every exported function with an
// id-like result whose origin is decisive or depends only on parameters.
func (a *analysisState) exportResults() {
	for _, d := range a.idx.declOrder {
		fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok || !fn.Exported() || d.Body == nil {
			continue
		}
		results := fn.Signature().Results()
		f := ResultFact{Results: make([]Origin, results.Len())}
		useful := false
		for i := range results.Len() {
			if !idLike(results.At(i).Type()) {
				continue
			}
			if o := a.ev.result(fn, i, nil); a.exported(o) {
				f.Results[i] = o.portable()
				useful = true
			}
		}
		if useful {
			a.pass.ExportObjectFact(fn, &f)
		}
	}
}

// exportVars exports a VarFact for every exported id-like package variable
// that only the program's initialization assigns.
func (a *analysisState) exportVars() {
	scope := a.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !idLike(v.Type()) {
			continue
		}
		if o := a.ev.packageVar(v, nil); o.Kind == Fixed && (a.scope == fullScope || o.Unique) {
			a.pass.ExportObjectFact(v, &VarFact{Desc: o.Desc + " of package " + a.pass.Pkg.Name()})
		}
	}
}

// exported reports whether a result of origin o is worth a fact: a
// decisive kind, or a dependence on parameters. Out of a helper package
// (helperScope) only what an id generator returns is: the clock, entropy,
// or an id no other process has (instance id, process sequence).
func (a *analysisState) exported(o Origin) bool {
	if a.scope == helperScope {
		return !o.Pending() && (o.Kind == Clock || o.Kind == Entropy || o.Unique)
	}
	if o.Pending() {
		return true
	}
	switch o.Kind {
	case Const, Fixed, Counter, Clock, Entropy:
		return true
	}
	return false
}

// idLike reports whether values of type t can become an id: strings,
// integers, byte slices and arrays, and pointers to those.
func idLike(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Array:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}
