package origin

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

var unknown = Origin{Kind: Unknown}

// An evaluator computes origins of expressions in one package.
type evaluator struct {
	pass *analysis.Pass
	info *types.Info
	idx  *index
	cfg  *Config

	memo      map[any]Origin
	busy      map[any]bool
	producers map[*types.Named]bool
}

type varKey struct {
	v    *types.Var
	path string
}

type resultKey struct {
	fn    *types.Func
	index int
	path  string
}

type fieldKey struct {
	t    types.Type
	path string
}

// once computes f for key at most once, and breaks cycles (x = x + "a",
// recursive functions) by answering None while key is being computed.
func (ev *evaluator) once(key any, f func() Origin) Origin {
	if o, ok := ev.memo[key]; ok {
		return o
	}
	if ev.busy[key] {
		return Origin{}
	}
	ev.busy[key] = true
	o := f()
	delete(ev.busy, key)
	ev.memo[key] = o
	return o
}

func newEvaluator(pass *analysis.Pass, idx *index, cfg *Config) *evaluator {
	return &evaluator{
		pass:      pass,
		info:      pass.TypesInfo,
		idx:       idx,
		cfg:       cfg,
		memo:      make(map[any]Origin),
		busy:      make(map[any]bool),
		producers: make(map[*types.Named]bool),
	}
}

// maxPath bounds the field paths the evaluator follows. A walk up a linked
// structure (for p := c.parent; p != nil; p = p.parent) adds a field on
// every turn, so without a bound the memo keys never repeat and the
// evaluation never ends.
const maxPath = 5

// value returns the origin of e.path, where path selects fields below e's
// value, evaluated in the body of decl (nil at package level).
func (ev *evaluator) value(e ast.Expr, path []string, decl *ast.FuncDecl) Origin {
	if len(path) > maxPath {
		return unknown
	}
	e = ast.Unparen(e)
	if len(path) == 0 {
		if tv, ok := ev.info.Types[e]; ok && tv.Value != nil {
			return ev.constant(e, tv.Value)
		}
	} else if t := ev.info.TypeOf(e); t != nil {
		if b, basic := t.Underlying().(*types.Basic); basic && b.Kind() != types.UntypedNil {
			// A field asked of a value that has none: an option whose
			// apply method writes what it holds to a field fifolint
			// does not follow (dedupOpt("x").apply(&o)).
			return unknown
		}
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		return of(Const, "constant "+e.Value, e.Pos())
	case *ast.FuncLit:
		if len(path) > 0 {
			return ev.optionWrites(e, path, decl)
		}
	case *ast.Ident:
		return ev.ident(e, path, decl)
	case *ast.SelectorExpr:
		if sel := ev.info.Selections[e]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return unknown // method value
			}
			return ev.value(e.X, append(fieldNames(sel), path...), decl)
		}
		return ev.ident(e.Sel, path, decl) // qualified identifier
	case *ast.StarExpr:
		return ev.value(e.X, path, decl)
	case *ast.UnaryExpr:
		if e.Op == token.ARROW {
			return unknown
		}
		return ev.value(e.X, path, decl)
	case *ast.BinaryExpr:
		return Join(ev.value(e.X, nil, decl), ev.value(e.Y, nil, decl))
	case *ast.CallExpr:
		return ev.call(e, 0, path, decl)
	case *ast.CompositeLit:
		return ev.composite(e, path, decl)
	case *ast.IndexExpr:
		if tv, ok := ev.info.Types[e.Index]; ok && tv.Value != nil {
			return ev.value(e.X, path, decl) // opts[0]: a fixed position is not part of the value
		}
		return Join(ev.value(e.X, path, decl), ev.value(e.Index, nil, decl))
	case *ast.SliceExpr:
		o := ev.value(e.X, path, decl)
		for _, b := range []ast.Expr{e.Low, e.High, e.Max} {
			if b != nil {
				o = Join(o, ev.value(b, nil, decl))
			}
		}
		return o
	case *ast.TypeAssertExpr:
		return ev.value(e.X, path, decl)
	}
	return unknown
}

func (ev *evaluator) constant(e ast.Expr, v constant.Value) Origin {
	if v.Kind() == constant.String && constant.StringVal(v) == "" {
		return Origin{} // the zero string: no id (a guarded field sends none)
	}
	s := v.ExactString()
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	if id, ok := identOf(e); ok {
		if c, ok := ev.info.ObjectOf(id).(*types.Const); ok {
			return of(Const, fmt.Sprintf("constant %s (%s)", c.Name(), s), c.Pos())
		}
	}
	return of(Const, "constant "+s, e.Pos())
}

func identOf(e ast.Expr) (*ast.Ident, bool) {
	switch x := e.(type) {
	case *ast.Ident:
		return x, true
	case *ast.SelectorExpr:
		return x.Sel, true
	}
	return nil, false
}

// fieldNames lists the fields a selection goes through, including the
// embedded ones it passes implicitly.
func fieldNames(sel *types.Selection) []string {
	t := sel.Recv()
	var names []string
	for _, i := range sel.Index() {
		st, ok := structOf(t)
		if !ok || i >= st.NumFields() {
			return []string{sel.Obj().Name()}
		}
		f := st.Field(i)
		names = append(names, f.Name())
		t = f.Type()
	}
	return names
}

func (ev *evaluator) ident(id *ast.Ident, path []string, decl *ast.FuncDecl) Origin {
	switch obj := ev.info.ObjectOf(id).(type) {
	case *types.Const:
		return ev.constant(id, obj.Val())
	case *types.Nil:
		return Origin{}
	case *types.Var:
		return ev.variable(obj, path, decl)
	}
	return unknown
}

func (ev *evaluator) variable(v *types.Var, path []string, decl *ast.FuncDecl) Origin {
	if p, ok := ev.idx.params[v]; ok {
		if p.decl != decl {
			return unknown
		}
		if p.index == Recv && len(path) > 0 && ev.isProducerMethod(decl) {
			return ev.fieldPath(v.Type(), path)
		}
		return Origin{Deps: []Dep{{Param: p.index, Path: strings.Join(path, ".")}}}
	}
	if ev.idx.litParams[v] {
		return unknown
	}
	if isPackageLevel(v) {
		if v.Pkg() == ev.pass.Pkg {
			return ev.packageVar(v, path)
		}
		return ev.importedVar(v)
	}
	return ev.local(v, path)
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && !v.IsField() && v.Pkg().Scope().Lookup(v.Name()) == v
}

// local joins every value stored into a local variable (flow-insensitively:
// a value on any path counts, which errs towards per-message data).
func (ev *evaluator) local(v *types.Var, path []string) Origin {
	key := varKey{v, strings.Join(path, ".")}
	return ev.once(key, func() Origin {
		var o Origin
		for _, s := range ev.idx.stores[v] {
			o = Join(o, ev.stored(s, path, v.Name()))
		}
		for _, ps := range ev.idx.pathStores[v] {
			if rest, ok := below(key.path, ps.path); ok {
				o = Join(o, ev.stored(ps.store, rest, v.Name()))
			}
		}
		return o
	})
}

// below reports whether path lies at or under prefix, and what remains.
func below(path, prefix string) ([]string, bool) {
	if path == prefix {
		return nil, true
	}
	if strings.HasPrefix(path, prefix+".") {
		return strings.Split(path[len(prefix)+1:], "."), true
	}
	return nil, false
}

// stored returns the origin of the value a store put into a variable.
func (ev *evaluator) stored(s store, path []string, name string) Origin {
	switch s.how {
	case storeZero:
		return Origin{}
	case storeAddr:
		if o, ok := ev.appliedOptions(s, path); ok {
			return o
		}
		return unknown
	case storeIncDec:
		return of(Counter, "counter "+name, s.pos)
	case storeOp:
		return ev.value(s.value, nil, s.decl)
	case storeRangeKey:
		switch ev.info.TypeOf(s.value).Underlying().(type) {
		case *types.Map:
			return ev.value(s.value, nil, s.decl)
		case *types.Chan, *types.Signature:
			return unknown
		}
		return of(Counter, "loop index "+name, s.pos)
	case storeRangeVal:
		switch ev.info.TypeOf(s.value).Underlying().(type) {
		case *types.Chan, *types.Signature:
			return unknown
		}
		return ev.value(s.value, path, s.decl)
	}
	if s.index >= 0 {
		return ev.tuple(s.value, s.index, path, s.decl)
	}
	return ev.value(s.value, path, s.decl)
}

// tuple returns the origin of result i of a multi-value expression.
func (ev *evaluator) tuple(e ast.Expr, i int, path []string, decl *ast.FuncDecl) Origin {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return ev.call(x, i, path, decl)
	case *ast.IndexExpr, *ast.TypeAssertExpr: // v, ok := m[k]; v, ok := x.(T)
		if i == 0 {
			return ev.value(x, path, decl)
		}
		return Origin{}
	}
	return unknown
}

// packageVar is the origin of a variable of this package: fixed, unless
// some function stores into it while the program runs.
func (ev *evaluator) packageVar(v *types.Var, path []string) Origin {
	return ev.once(varKey{v, strings.Join(path, ".")}, func() Origin {
		fixed := of(Fixed, "package variable "+v.Name(), v.Pos())
		var o Origin
		drawn := len(path) == 0
		for _, s := range ev.idx.stores[v] {
			if !ev.initializing(s) && !ev.decodedAtStart(s) {
				o = Join(o, mutable(ev.storedLongLived(s, path, v.Name())))
			}
			drawn = drawn && ev.initializing(s) && ev.drawn(s)
		}
		fixed.Unique = drawn && len(ev.idx.stores[v]) > 0
		o = Join(o, ev.pathCounters(v, path))
		return Join(fixed, o)
	})
}

// importedVar is the origin of another package's variable: fixed if that
// package says so through a VarFact.
func (ev *evaluator) importedVar(v *types.Var) Origin {
	var f VarFact
	if ev.pass.ImportObjectFact(v, &f) {
		return of(Fixed, f.Desc, token.NoPos)
	}
	return unknown
}

// mutable turns the origin of a value stored while the program runs into
// its contribution to a variable read elsewhere: a value that depends on
// the storing function's parameters is not known there.
func mutable(o Origin) Origin {
	if o.Pending() {
		return unknown
	}
	return o
}

// initializing reports whether a store runs while the program initializes:
// at package level, in init or main, in a run-once function literal, or as
// a lazy initialization guarded by a zero check.
func (ev *evaluator) initializing(s store) bool {
	if s.decl == nil || s.once || s.guarded {
		return true
	}
	if s.decl.Recv == nil {
		switch s.decl.Name.Name {
		case "init":
			return true
		case "main":
			return ev.pass.Pkg.Name() == "main"
		}
	}
	return false
}

// constructing reports whether a store to a field of owner happens while an
// owner value is being built: in a function that returns it (a constructor
// or DI provider, whatever its name), one that returns a functional option
// for it, or while the program initializes.
func (ev *evaluator) constructing(s store, owner *types.Named) bool {
	if ev.initializing(s) {
		return true
	}
	return owner != nil && returnsOwner(ev.info, s.decl, owner)
}

func returnsOwner(info *types.Info, decl *ast.FuncDecl, owner *types.Named) bool {
	fn, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for r := range fn.Signature().Results().Variables() {
		if buildsOwner(r.Type(), owner) {
			return true
		}
	}
	return false
}

// buildsOwner reports whether a function result of type t hands out an
// owner value: owner itself, a pointer to it, an interface it implements, or
// a functional option (a func taking *owner).
func buildsOwner(t types.Type, owner *types.Named) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Origin() == owner.Origin() {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return u.NumMethods() > 0 && (types.Implements(owner, u) || types.Implements(types.NewPointer(owner), u))
	case *types.Signature:
		for p := range u.Params().Variables() {
			pt := types.Unalias(p.Type())
			if ptr, ok := pt.(*types.Pointer); ok {
				pt = types.Unalias(ptr.Elem())
			}
			if n, ok := pt.(*types.Named); ok && n.Origin() == owner.Origin() {
				return true
			}
		}
	}
	return false
}

// fieldPath is the origin of recv.path where recv is the receiver of a
// method of a long-lived producer object: fixed when the first field is only
// set while the object is constructed and nothing along the path is
// reassigned while messages are sent.
func (ev *evaluator) fieldPath(recvType types.Type, path []string) Origin {
	return ev.once(fieldKey{recvType, strings.Join(path, ".")}, func() Origin { return ev.fieldPathOnce(recvType, path) })
}

func (ev *evaluator) fieldPathOnce(recvType types.Type, path []string) Origin {
	t := recvType
	var fixed, moving Origin
	for i, name := range path {
		obj, _, _ := types.LookupFieldOrMethod(t, true, ev.pass.Pkg, name)
		field, ok := obj.(*types.Var)
		if !ok || !field.IsField() {
			return unknown
		}
		field = field.Origin()
		stores := ev.idx.stores[field]
		if i == 0 && len(stores) == 0 {
			return unknown // set by reflection, decoding or another package
		}
		owner := ev.idx.fieldOwner[field]
		for _, s := range stores {
			if o, ok := ev.decodedOnce(s, owner, path); ok {
				if fixed.Kind == None {
					fixed = o
				}
				continue
			}
			if ev.constructing(s, owner) && ev.constructorArgsFixed(s) {
				if fixed.Kind == None {
					fixed = of(Fixed, fmt.Sprintf("field %s, set once in %s", strings.Join(path, "."), declName(s.decl)), s.pos)
					fixed.Unique = i == len(path)-1 && ev.drawn(s)
				}
				continue
			}
			moving = Join(moving, mutable(ev.storedLongLived(s, path[i+1:], name)))
		}
		t = field.Type()
	}
	if fixed.Kind == None {
		if moving.Kind == None {
			return unknown
		}
		return moving
	}
	return Join(fixed, moving)
}

// constructorArgsFixed checks the in-package calls of a constructor whose
// parameter ends up in the field: a constructor called per message with
// per-message data (a publisher scoped to one tenant) does not fix it.
func (ev *evaluator) constructorArgsFixed(s store) bool {
	if s.decl == nil || s.how != storePlain || s.value == nil || s.index >= 0 {
		return true
	}
	o := ev.value(s.value, nil, s.decl)
	fn, ok := ev.info.Defs[s.decl.Name].(*types.Func)
	if !ok {
		return true
	}
	calls := ev.idx.calls[fn]
	if len(calls) == 0 && (dependsOnParam(o) || !o.Pending() && o.Kind > Fixed) && ev.isProducerMethod(s.decl) {
		// A method of a live producer that derives another from its
		// argument or from a fresh value (p.ForTenant(t), p.WithGroup(g),
		// p.Session()) runs while messages are sent, once per request as
		// often as once at start-up; with no caller in sight, how often
		// is not known.
		return false
	}
	if !o.Pending() {
		return true
	}
	for _, c := range calls {
		if c.decl == nil || c.once || ev.initializingDecl(c.decl) || ev.buildsProducer(c.decl) {
			continue
		}
		r := ev.substitute(o, c.expr, fn, c.decl)
		if r.Pending() || r.Kind > Clock {
			return false
		}
	}
	return true
}

// drawn reports whether a store puts a value drawn from entropy (a UUID,
// crypto/rand) into its variable: done once, it names the process.
func (ev *evaluator) drawn(s store) bool {
	if s.how != storePlain || s.value == nil || s.index >= 0 {
		return false
	}
	o := ev.value(s.value, nil, s.decl)
	return o.Kind == Entropy && !o.Pending()
}

// dependsOnParam reports whether o waits on a parameter other than the
// receiver.
func dependsOnParam(o Origin) bool {
	for _, d := range o.Deps {
		if d.Param != Recv {
			return true
		}
	}
	return false
}

func (ev *evaluator) initializingDecl(d *ast.FuncDecl) bool {
	return ev.initializing(store{decl: d})
}

// buildsProducer reports whether decl returns a producer type (or an
// interface), i.e. is itself part of wiring the program together.
func (ev *evaluator) buildsProducer(decl *ast.FuncDecl) bool {
	fn, ok := ev.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for r := range fn.Signature().Results().Variables() {
		t := types.Unalias(r.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if n, ok := t.(*types.Named); ok && (ev.isProducer(n) || types.IsInterface(n) && n.Obj().Pkg() != nil) {
			return true // a producer, or an interface other than error
		}
	}
	return false
}

func declName(d *ast.FuncDecl) string {
	if d == nil {
		return "a package-level initializer"
	}
	if d.Recv != nil && len(d.Recv.List) == 1 {
		return recvTypeName(d.Recv.List[0].Type) + "." + d.Name.Name
	}
	return d.Name.Name
}

func recvTypeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return recvTypeName(x.X)
	case *ast.IndexExpr:
		return recvTypeName(x.X)
	case *ast.IndexListExpr:
		return recvTypeName(x.X)
	case *ast.Ident:
		return x.Name
	}
	return "?"
}

func (ev *evaluator) composite(lit *ast.CompositeLit, path []string, decl *ast.FuncDecl) Origin {
	if len(path) == 0 {
		var o Origin
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if _, isStruct := structOf(ev.info.TypeOf(lit)); !isStruct {
					o = Join(o, ev.value(kv.Key, nil, decl))
				}
				elt = kv.Value
			}
			o = Join(o, ev.value(elt, nil, decl))
		}
		return o
	}
	st, ok := structOf(ev.info.TypeOf(lit))
	if !ok {
		return unknown
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == path[0] {
				return ev.value(kv.Value, path[1:], decl)
			}
		} else if i < st.NumFields() && st.Field(i).Name() == path[0] {
			return ev.value(elt, path[1:], decl)
		}
	}
	return Origin{} // zero value
}

// call returns the origin of result index of a call.
func (ev *evaluator) call(call *ast.CallExpr, index int, path []string, decl *ast.FuncDecl) Origin {
	if tv, ok := ev.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return ev.value(call.Args[0], path, decl)
		}
		return unknown
	}
	if b, ok := typeutil.Callee(ev.info, call).(*types.Builtin); ok {
		return ev.builtin(b, call, decl)
	}
	fn := typeutil.StaticCallee(ev.info, call)
	if fn == nil {
		if o, ok := ev.funcValueCall(call, index, path, decl); ok {
			return o
		}
		return ev.dynamicCall(call, index, decl)
	}
	return ev.calleeResult(call, fn.Origin(), index, path, decl)
}

// calleeResult returns the origin of result index of a call of fn.
func (ev *evaluator) calleeResult(call *ast.CallExpr, fn *types.Func, index int, path []string, decl *ast.FuncDecl) Origin {
	if o, ok := ev.seededDraw(call, fn, decl); ok {
		return o
	}
	if m, ok := ev.cfg.model(fn); ok {
		return m.apply(ev, call, fn, index, path, decl)
	}
	if fd := ev.idx.funcs[fn]; fd != nil {
		return ev.describeCall(ev.result(fn, index, path), call, fn, decl)
	}
	if len(path) == 0 {
		var f ResultFact
		if ev.pass.ImportObjectFact(fn, &f) && index < len(f.Results) {
			return ev.describeCall(f.Results[index], call, fn, decl)
		}
	}
	return unknown
}

// describeCall resolves a callee's result origin at a call, and names the
// callee when the answer comes from its body rather than from the
// arguments: "ids.Uniqid(), which returns time.Now().UnixMicro()".
func (ev *evaluator) describeCall(result Origin, call *ast.CallExpr, fn *types.Func, decl *ast.FuncDecl) Origin {
	o := ev.substitute(result, call, fn, decl)
	if o.Kind == result.Kind && o.Desc == result.Desc && o.Kind != None && o.Kind != Unknown && o.Kind != PerMessage {
		format := "%s(), which returns %s"
		if o.Kind == Clock {
			format = "%s() (from %s)"
		}
		o.Desc = fmt.Sprintf(format, fifoapi.FuncName(ev.pass.Pkg, fn), o.Desc)
	}
	return o
}

func (ev *evaluator) builtin(b *types.Builtin, call *ast.CallExpr, decl *ast.FuncDecl) Origin {
	switch b.Name() {
	case "new", "make":
		return Origin{}
	case "append", "min", "max", "len", "cap", "string", "copy":
		var o Origin
		for _, a := range call.Args {
			o = Join(o, ev.value(a, nil, decl))
		}
		return o
	}
	return unknown
}

// dynamicCall handles calls of function values. Only one is understood: a
// function made by sync.OnceValue, whose result is computed once.
func (ev *evaluator) dynamicCall(call *ast.CallExpr, index int, decl *ast.FuncDecl) Origin {
	id, ok := identOf(ast.Unparen(call.Fun))
	if !ok {
		return unknown
	}
	v, ok := ev.info.ObjectOf(id).(*types.Var)
	if !ok {
		return unknown
	}
	stores := ev.idx.stores[v]
	if len(stores) == 0 {
		return unknown
	}
	for _, s := range stores {
		if s.value == nil || s.index >= 0 || !isOnceValueCall(ev.info, s.value) {
			return unknown
		}
	}
	return of(Fixed, fmt.Sprintf("%s(), computed once by sync.OnceValue", v.Name()), stores[0].pos)
}

func isOnceValueCall(info *types.Info, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(info, c)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "sync" && (fn.Name() == "OnceValue" || fn.Name() == "OnceValues")
}

// result computes the origin of result index (and field path) of an
// in-package function in terms of its parameters.
func (ev *evaluator) result(fn *types.Func, index int, path []string) Origin {
	return ev.once(resultKey{fn, index, strings.Join(path, ".")}, func() Origin { return ev.resultOnce(fn, index, path) })
}

func (ev *evaluator) resultOnce(fn *types.Func, index int, path []string) Origin {
	decl := ev.idx.funcs[fn]
	results := fn.Signature().Results()
	var o Origin
	for _, ret := range ev.idx.returns[decl] {
		switch {
		case len(ret.Results) == results.Len():
			o = Join(o, ev.value(ret.Results[index], path, decl))
		case len(ret.Results) == 1:
			o = Join(o, ev.tuple(ret.Results[0], index, path, decl))
		case len(ret.Results) == 0 && index < results.Len():
			o = Join(o, ev.variable(results.At(index), path, decl))
		}
	}
	return o
}

// substitute resolves a callee's pending origin with the call's arguments.
func (ev *evaluator) substitute(o Origin, call *ast.CallExpr, fn *types.Func, decl *ast.FuncDecl) Origin {
	if !o.Pending() {
		return o
	}
	return Resolve(o, func(d Dep) Origin {
		if args, ok := variadicArgs(ev.info, call, fn, d.Param); ok {
			return ev.optional(args, d, decl)
		}
		arg := argFor(ev.info, call, fn, d.Param)
		if arg == nil {
			return unknown
		}
		var path []string
		if d.Path != "" {
			path = strings.Split(d.Path, ".")
		}
		return ev.value(arg, path, decl)
	})
}

// argFor returns the expression a call passes for parameter i of fn (or
// its receiver), or nil.
func argFor(info *types.Info, call *ast.CallExpr, fn *types.Func, i int) ast.Expr {
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		if s := info.Selections[sel]; s != nil {
			switch s.Kind() {
			case types.MethodVal:
				if i == Recv {
					return sel.X
				}
			case types.MethodExpr:
				if i == Recv {
					if len(args) == 0 {
						return nil
					}
					return args[0]
				}
				args = args[1:]
			}
		}
	}
	if i < 0 || i >= len(args) || call.Ellipsis.IsValid() && i == len(args)-1 {
		return nil
	}
	if len(args) == 1 && fn.Signature().Params().Len() > 1 {
		return nil // f(g()) spreads a tuple
	}
	return args[i]
}

// isProducerMethod reports whether decl is a method of a long-lived
// producer object, whose fields are then judged by how they are stored.
// A struct that does not hold what sends (a message whose method sends
// through a client it is handed) is per-message data: its fields stay
// parameters, decided at the callers.
func (ev *evaluator) isProducerMethod(decl *ast.FuncDecl) bool {
	fn, ok := ev.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	return ev.isProducer(n)
}

// isProducer reports whether a struct type of this package holds something
// that sends: an SDK client, an interface or type with send methods, a type
// from a package that uses the SDK (a user's wrapper), or another producer.
// Such objects are built once and live long; a message value is not.
func (ev *evaluator) isProducer(n *types.Named) bool {
	n = n.Origin()
	if r, ok := ev.producers[n]; ok {
		return r
	}
	ev.producers[n] = false // cycle guard
	st, ok := n.Underlying().(*types.Struct)
	r := false
	if ok && n.Obj().Pkg() == ev.pass.Pkg {
		for f := range st.Fields() {
			if ev.canSend(f.Type()) {
				r = true
				break
			}
		}
	}
	ev.producers[n] = r
	return r
}

func (ev *evaluator) canSend(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if fifoapi.IsClient(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return fifoapi.IsSendSignature(u)
	case *types.Interface:
		for m := range u.Methods() {
			if fifoapi.IsSendSignature(m.Signature()) {
				return true
			}
		}
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if n.Obj().Pkg() != ev.pass.Pkg {
		return fifoapi.UsesSDK(n.Obj().Pkg())
	}
	return ev.isProducer(n)
}
